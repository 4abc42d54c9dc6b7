/* objector-imap-scanner.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-enums.h"
#include "objector-error.h"
#include "objector-imap-private.h"
#include "objector-imap-scanner.h"
#include "objector-mail-private.h"
#include "objector-meta-domains.h"
#include "objector-objection.h"
#include "objector-scan-private.h"

/* One FETCH brings at most this many messages, or this many bytes: memory
 * stays bounded, and progress moves. */
#define BATCH_MESSAGES 50
#define BATCH_BYTES    (8 * 1000 * 1000)

/* The numbers a scan reports, copied from its thread to the scanner's. */
typedef struct
{
  ObjectorScanCounts scan;
  ObjectorImapPhase  phase;
  guint              n_matched;
  guint              n_fetched;
  guint64            bytes_received;
} Counts;

struct _ObjectorImapScanner
{
  GObject           parent_instance;

  ObjectorPlaybook *playbook;
  Counts            counts;
  gboolean          include_other;
  GDateTime        *since;
  guint             timeout;
};

G_DEFINE_FINAL_TYPE (ObjectorImapScanner, objector_imap_scanner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAYBOOK,
  PROP_PHASE,
  PROP_FRACTION,
  PROP_N_MESSAGES,
  PROP_N_MATCHED,
  PROP_N_FETCHED,
  PROP_N_FOUND,
  PROP_N_SKIPPED,
  PROP_N_OTHER,
  PROP_BUSY,
  PROP_INCLUDE_OTHER,
  PROP_SINCE,
  PROP_TIMEOUT,
  N_PROPS
};

enum {
  FOUND,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static ObjectorScanCountProps count_props;

static void
objector_imap_scanner_dispose (GObject *object)
{
  ObjectorImapScanner *self = OBJECTOR_IMAP_SCANNER (object);

  g_clear_object (&self->playbook);
  g_clear_pointer (&self->since, g_date_time_unref);

  G_OBJECT_CLASS (objector_imap_scanner_parent_class)->dispose (object);
}

static void
objector_imap_scanner_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ObjectorImapScanner *self = OBJECTOR_IMAP_SCANNER (object);

  switch (prop_id)
    {
    case PROP_PLAYBOOK:
      g_value_set_object (value, self->playbook);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, self->counts.phase);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->counts.scan.fraction);
      break;
    case PROP_N_MESSAGES:
      g_value_set_uint (value, self->counts.scan.n_messages);
      break;
    case PROP_N_MATCHED:
      g_value_set_uint (value, self->counts.n_matched);
      break;
    case PROP_N_FETCHED:
      g_value_set_uint (value, self->counts.n_fetched);
      break;
    case PROP_N_FOUND:
      g_value_set_uint (value, self->counts.scan.n_found);
      break;
    case PROP_N_SKIPPED:
      g_value_set_uint (value, self->counts.scan.n_skipped);
      break;
    case PROP_N_OTHER:
      g_value_set_uint (value, self->counts.scan.n_other);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->counts.scan.busy);
      break;
    case PROP_INCLUDE_OTHER:
      g_value_set_boolean (value, self->include_other);
      break;
    case PROP_SINCE:
      g_value_set_boxed (value, self->since);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_imap_scanner_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ObjectorImapScanner *self = OBJECTOR_IMAP_SCANNER (object);

  switch (prop_id)
    {
    case PROP_PLAYBOOK:
      self->playbook = g_value_dup_object (value);
      break;
    case PROP_INCLUDE_OTHER:
      objector_imap_scanner_set_include_other (self, g_value_get_boolean (value));
      break;
    case PROP_SINCE:
      objector_imap_scanner_set_since (self, g_value_get_boxed (value));
      break;
    case PROP_TIMEOUT:
      objector_imap_scanner_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_imap_scanner_class_init (ObjectorImapScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_write = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = objector_imap_scanner_dispose;
  object_class->get_property = objector_imap_scanner_get_property;
  object_class->set_property = objector_imap_scanner_set_property;

  properties[PROP_PLAYBOOK] =
    g_param_spec_object ("playbook", NULL, NULL, OBJECTOR_TYPE_PLAYBOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL, OBJECTOR_TYPE_IMAP_PHASE, OBJECTOR_IMAP_PHASE_IDLE, read_only);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, read_only);
  properties[PROP_N_MESSAGES] = _objector_scan_count_property ("n-messages");
  properties[PROP_N_MATCHED] = _objector_scan_count_property ("n-matched");
  properties[PROP_N_FETCHED] = _objector_scan_count_property ("n-fetched");
  properties[PROP_N_FOUND] = _objector_scan_count_property ("n-found");
  properties[PROP_N_SKIPPED] = _objector_scan_count_property ("n-skipped");
  properties[PROP_N_OTHER] = _objector_scan_count_property ("n-other");
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);
  properties[PROP_INCLUDE_OTHER] = g_param_spec_boolean ("include-other", NULL, NULL, FALSE, read_write);
  properties[PROP_SINCE] = g_param_spec_boxed ("since", NULL, NULL, G_TYPE_DATE_TIME, read_write);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, G_MAXUINT, OBJECTOR_IMAP_DEFAULT_TIMEOUT, read_write);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  count_props = (ObjectorScanCountProps) {
    properties[PROP_FRACTION], properties[PROP_N_MESSAGES], properties[PROP_N_FOUND],
    properties[PROP_N_SKIPPED], properties[PROP_N_OTHER], properties[PROP_BUSY],
  };

  /* A find, as it comes: the interface can list it before the scan ends. */
  signals[FOUND] =
    g_signal_new ("found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, OBJECTOR_TYPE_MAIL);
}

static void
objector_imap_scanner_init (ObjectorImapScanner *self)
{
  self->timeout = OBJECTOR_IMAP_DEFAULT_TIMEOUT;
}

ObjectorImapScanner *
objector_imap_scanner_new (ObjectorPlaybook *playbook)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (playbook), NULL);

  return g_object_new (OBJECTOR_TYPE_IMAP_SCANNER, "playbook", playbook, NULL);
}

ObjectorPlaybook *
objector_imap_scanner_get_playbook (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), NULL);
  return self->playbook;
}

ObjectorImapPhase
objector_imap_scanner_get_phase (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), OBJECTOR_IMAP_PHASE_IDLE);
  return self->counts.phase;
}

double
objector_imap_scanner_get_fraction (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0.0);
  return self->counts.scan.fraction;
}

guint
objector_imap_scanner_get_n_messages (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->counts.scan.n_messages;
}

guint
objector_imap_scanner_get_n_matched (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->counts.n_matched;
}

guint
objector_imap_scanner_get_n_fetched (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->counts.n_fetched;
}

guint
objector_imap_scanner_get_n_found (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->counts.scan.n_found;
}

guint
objector_imap_scanner_get_n_skipped (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->counts.scan.n_skipped;
}

guint
objector_imap_scanner_get_n_other (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->counts.scan.n_other;
}

gboolean
objector_imap_scanner_get_busy (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), FALSE);
  return self->counts.scan.busy;
}

guint64
objector_imap_scanner_get_bytes_received (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->counts.bytes_received;
}

gboolean
objector_imap_scanner_get_include_other (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), FALSE);
  return self->include_other;
}

void
objector_imap_scanner_set_include_other (ObjectorImapScanner *self,
                                         gboolean             include_other)
{
  g_return_if_fail (OBJECTOR_IS_IMAP_SCANNER (self));

  include_other = !!include_other;
  if (self->include_other == include_other)
    return;
  self->include_other = include_other;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_OTHER]);
}

GDateTime *
objector_imap_scanner_get_since (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), NULL);
  return self->since;
}

void
objector_imap_scanner_set_since (ObjectorImapScanner *self,
                                 GDateTime           *since)
{
  g_return_if_fail (OBJECTOR_IS_IMAP_SCANNER (self));

  if (self->since == since || (self->since != NULL && since != NULL && g_date_time_equal (self->since, since)))
    return;
  g_clear_pointer (&self->since, g_date_time_unref);
  self->since = since != NULL ? g_date_time_ref (since) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE]);
}

guint
objector_imap_scanner_get_timeout (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->timeout;
}

void
objector_imap_scanner_set_timeout (ObjectorImapScanner *self,
                                   guint                seconds)
{
  g_return_if_fail (OBJECTOR_IS_IMAP_SCANNER (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;
  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/* What to search for */

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
objector_imap_scanner_dup_search_domains (ObjectorPlaybook *playbook)
{
  const char * const *domains;
  g_autoptr(GPtrArray) meta = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (playbook), NULL);

  domains = objector_playbook_get_mail_domains (playbook);
  for (guint i = 0; domains != NULL && domains[i] != NULL; i++)
    if (objector_meta_domain_is_meta (domains[i]))
      g_ptr_array_add (meta, g_ascii_strdown (domains[i], -1));
  g_ptr_array_sort (meta, compare_strings);

  /* FROM matches a substring: "facebook.com" finds support.facebook.com too. */
  for (guint i = 0; i < meta->len; i++)
    {
      const char *domain = g_ptr_array_index (meta, i);
      gboolean covered = FALSE;

      for (guint j = 0; j < meta->len && !covered; j++)
        {
          const char *other = g_ptr_array_index (meta, j);

          covered = j != i && strstr (domain, other) != NULL
                    && (strlen (other) < strlen (domain) || j < i);
        }
      if (!covered)
        g_strv_builder_add (kept, domain);
    }

  return g_strv_builder_end (kept);
}

GDateTime *
objector_imap_scanner_default_since (GListModel *objections)
{
  g_autoptr(GDateTime) submitted = NULL;
  g_autoptr(GDateTime) created = NULL;
  GDateTime *first;
  int year, month, day;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (objections), NULL);

  n = g_list_model_get_n_items (objections);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (objections, i);
      GDateTime *s = objector_objection_get_submitted (objection);
      GDateTime *c = objector_objection_get_created (objection);

      if (s != NULL && (submitted == NULL || g_date_time_compare (s, submitted) < 0))
        {
          g_clear_pointer (&submitted, g_date_time_unref);
          submitted = g_date_time_ref (s);
        }
      if (c != NULL && (created == NULL || g_date_time_compare (c, created) < 0))
        {
          g_clear_pointer (&created, g_date_time_unref);
          created = g_date_time_ref (c);
        }
    }

  first = submitted != NULL ? submitted : created;
  if (first == NULL)
    return NULL;

  /* SINCE compares days in the server's time zone: a day early is safe. */
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (first);
    g_autoptr(GDateTime) day_before = g_date_time_add_days (utc, -1);

    g_date_time_get_ymd (day_before, &year, &month, &day);
  }
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

/* Progress, from the scanning thread to the scanner's */

typedef struct
{
  ObjectorImapScanner *scanner;
  Counts               counts;
  ObjectorMail        *found;
} Report;

static void
report_free (gpointer data)
{
  Report *report = data;

  g_object_unref (report->scanner);
  g_clear_object (&report->found);
  g_free (report);
}

static gboolean
apply_report (gpointer data)
{
  Report *report = data;
  ObjectorImapScanner *self = report->scanner;
  Counts *now = &self->counts;
  const Counts *new = &report->counts;

  g_object_freeze_notify (G_OBJECT (self));
  if (now->phase != new->phase)
    {
      now->phase = new->phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
  _objector_scan_set_uint (G_OBJECT (self), &now->n_matched, new->n_matched, properties[PROP_N_MATCHED]);
  _objector_scan_set_uint (G_OBJECT (self), &now->n_fetched, new->n_fetched, properties[PROP_N_FETCHED]);
  now->bytes_received = new->bytes_received;
  _objector_scan_set_counts (G_OBJECT (self), &now->scan, &new->scan, &count_props);
  g_object_thaw_notify (G_OBJECT (self));

  if (report->found != NULL)
    g_signal_emit (self, signals[FOUND], 0, report->found);

  return G_SOURCE_REMOVE;
}

typedef struct
{
  ObjectorImapScanner    *scanner;
  ObjectorImapAccount    *account;
  ObjectorImapCredential *credential;
  ObjectorMailRules      *rules;
  char                  **domains;
  GDateTime              *since;
  char                   *label;
  guint                   timeout;
  gboolean                include_other;
  GMainContext           *context;  /* NULL: report in this thread */
  gint64                  last_report;
  ObjectorImapSession    *session;
  Counts                  counts;
  guint                   n_to_fetch;
  GPtrArray              *found;
} ScanJob;

static void
scan_job_free (ScanJob *job)
{
  g_clear_object (&job->scanner);
  g_clear_object (&job->account);
  g_clear_pointer (&job->credential, objector_imap_credential_free);
  g_clear_pointer (&job->rules, objector_mail_rules_free);
  g_clear_pointer (&job->domains, g_strfreev);
  g_clear_pointer (&job->since, g_date_time_unref);
  g_free (job->label);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->found, g_ptr_array_unref);
  g_free (job);
}

static ScanJob *
scan_job_new (ObjectorImapScanner          *scanner,
              ObjectorImapAccount          *account,
              const ObjectorImapCredential *credential,
              GMainContext                 *context)
{
  ScanJob *job = g_new0 (ScanJob, 1);

  job->scanner = g_object_ref (scanner);
  job->account = g_object_ref (account);
  job->credential = objector_imap_credential_copy (credential);
  job->rules = objector_mail_rules_new (scanner->playbook);
  job->domains = objector_imap_scanner_dup_search_domains (scanner->playbook);
  job->since = scanner->since != NULL ? g_date_time_ref (scanner->since) : NULL;
  job->label = objector_imap_account_dup_label (account);
  job->timeout = scanner->timeout;
  job->include_other = scanner->include_other;
  job->context = context != NULL ? g_main_context_ref (context) : NULL;
  job->counts.scan.busy = TRUE;
  job->counts.phase = OBJECTOR_IMAP_PHASE_CONNECTING;
  job->found = g_ptr_array_new_with_free_func (g_object_unref);
  return job;
}

static void
report (ScanJob      *job,
        ObjectorMail *found,
        gboolean      force)
{
  Report *r;

  if (!_objector_scan_report_due (&job->last_report, force || found != NULL))
    return;

  if (job->session != NULL)
    job->counts.bytes_received = objector_imap_session_get_bytes_read (job->session);
  job->counts.scan.fraction = CLAMP (job->counts.scan.fraction, 0.0, 1.0);

  r = g_new0 (Report, 1);
  r->scanner = g_object_ref (job->scanner);
  r->counts = job->counts;
  r->found = found != NULL ? g_object_ref (found) : NULL;
  _objector_scan_post (job->context, apply_report, r, report_free);
}

static void
enter_phase (ScanJob           *job,
             ObjectorImapPhase  phase)
{
  job->counts.phase = phase;
  report (job, NULL, TRUE);
}

/* Each fetched message goes where a message of a file goes: the reader,
 * the checks, and Meta's everyday mail only counted unless asked for. */
static gboolean
message_fetched_cb (guint32      uid,
                    const char  *data,
                    gsize        length,
                    gpointer     user_data,
                    GError     **error)
{
  ScanJob *job = user_data;
  g_autoptr(ObjectorMail) mail = NULL;
  ObjectorMail *found = NULL;
  ObjectorScanVerdict verdict = OBJECTOR_SCAN_PASSED;

  job->counts.n_fetched++;
  job->counts.scan.fraction = job->n_to_fetch > 0 ? (double) job->counts.n_fetched / job->n_to_fetch : 1.0;

  mail = objector_mail_new_from_data (data, length, job->label, uid, NULL);
  if (mail == NULL)
    job->counts.scan.n_skipped++;
  else
    verdict = _objector_scan_sort (mail, job->rules, job->include_other);

  if (verdict == OBJECTOR_SCAN_OTHER)
    job->counts.scan.n_other++;
  else if (verdict == OBJECTOR_SCAN_FOUND)
    {
      g_ptr_array_add (job->found, g_object_ref (mail));
      job->counts.scan.n_found++;
      found = mail;
    }

  report (job, found, found != NULL);
  return TRUE;
}

static gboolean
fetch_matches (ScanJob   *job,
               GArray    *uids,
               GError   **error)
{
  g_autoptr(GArray) sizes = NULL;
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint64 batch_bytes = 0;

  sizes = objector_imap_session_fetch_sizes (job->session, (const guint32 *) uids->data, uids->len, error);
  if (sizes == NULL)
    return FALSE;

  /* Too large for a reply from Meta: counted, never fetched. */
  for (guint i = 0; i < sizes->len; i++)
    if (g_array_index (sizes, ObjectorImapMessageSize, i).size > OBJECTOR_MAIL_MAX_SIZE)
      job->counts.scan.n_skipped++;
    else
      job->n_to_fetch++;

  enter_phase (job, OBJECTOR_IMAP_PHASE_FETCHING);

  for (guint i = 0; i <= sizes->len; i++)
    {
      const ObjectorImapMessageSize *size = i < sizes->len ? &g_array_index (sizes, ObjectorImapMessageSize, i) : NULL;

      if (size != NULL && size->size > OBJECTOR_MAIL_MAX_SIZE)
        continue;

      if (batch->len > 0
          && (size == NULL || batch->len == BATCH_MESSAGES || batch_bytes + size->size > BATCH_BYTES))
        {
          if (!objector_imap_session_fetch (job->session, (const guint32 *) batch->data, batch->len,
                                            message_fetched_cb, job, error))
            return FALSE;
          g_array_set_size (batch, 0);
          batch_bytes = 0;
        }
      if (size != NULL)
        {
          g_array_append_val (batch, size->uid);
          batch_bytes += size->size;
        }
    }

  return TRUE;
}

static GPtrArray *
scan_run (gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  ScanJob *job = data;
  g_autoptr(ObjectorImapSession) session = NULL;
  g_autoptr(GArray) uids = NULL;
  guint n_messages = 0;
  gboolean ok;

  if (job->domains[0] == NULL)
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK,
                           _("The playbook names none of Meta’s mail domains, so there is nothing to search for"));
      return NULL;
    }

  session = job->session = objector_imap_session_new (job->account, job->timeout, cancellable);

  enter_phase (job, OBJECTOR_IMAP_PHASE_CONNECTING);
  ok = objector_imap_session_connect (session, error);
  if (ok)
    {
      enter_phase (job, OBJECTOR_IMAP_PHASE_LOGGING_IN);
      ok = objector_imap_session_login (session, job->credential, error);
    }
  if (ok)
    {
      enter_phase (job, OBJECTOR_IMAP_PHASE_SEARCHING);
      ok = objector_imap_session_examine (session, &n_messages, error);
      job->counts.scan.n_messages = n_messages;
    }
  if (ok)
    ok = (uids = objector_imap_session_search (session, (const char * const *) job->domains,
                                               job->since, error)) != NULL;
  if (ok)
    {
      job->counts.n_matched = uids->len;
      report (job, NULL, TRUE);
      ok = uids->len == 0 || fetch_matches (job, uids, error);
    }
  if (ok)
    objector_imap_session_logout (session);

  job->counts.bytes_received = objector_imap_session_get_bytes_read (session);
  job->session = NULL;
  if (!ok)
    return NULL;

  job->counts.scan.fraction = 1.0;
  return g_ptr_array_ref (job->found);
}

static gboolean
begin (ObjectorImapScanner  *self,
       GError              **error)
{
  Report start = { .scanner = self };

  if (self->counts.scan.busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("A scan is already running"));
      return FALSE;
    }

  /* Busy and connecting from the start; only what changed is notified. */
  start.counts.scan.busy = TRUE;
  start.counts.phase = OBJECTOR_IMAP_PHASE_CONNECTING;
  apply_report (&start);
  return TRUE;
}

/* The last numbers, before the result. */
static void
finish (gpointer   data,
        GPtrArray *found)
{
  ScanJob *job = data;

  job->counts.scan.busy = FALSE;
  job->counts.phase = found != NULL ? OBJECTOR_IMAP_PHASE_DONE : OBJECTOR_IMAP_PHASE_IDLE;
  report (job, NULL, TRUE);
}

static const ObjectorScanJobFuncs scan_job_funcs = {
  scan_run,
  finish,
  (GDestroyNotify) scan_job_free,
};

GPtrArray *
objector_imap_scanner_scan (ObjectorImapScanner           *self,
                            ObjectorImapAccount           *account,
                            const ObjectorImapCredential  *credential,
                            GCancellable                  *cancellable,
                            GError                       **error)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), NULL);
  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (account), NULL);
  g_return_val_if_fail (credential != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin (self, error))
    return NULL;

  return _objector_scan_run (&scan_job_funcs, scan_job_new (self, account, credential, NULL),
                             cancellable, error);
}

void
objector_imap_scanner_scan_async (ObjectorImapScanner          *self,
                                  ObjectorImapAccount          *account,
                                  const ObjectorImapCredential *credential,
                                  GCancellable                 *cancellable,
                                  GAsyncReadyCallback           callback,
                                  gpointer                      user_data)
{
  g_autoptr(GMainContext) context = NULL;
  GError *error = NULL;
  ScanJob *job = NULL;

  g_return_if_fail (OBJECTOR_IS_IMAP_SCANNER (self));
  g_return_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (account));
  g_return_if_fail (credential != NULL);

  if (begin (self, &error))
    {
      context = g_main_context_ref_thread_default ();
      job = scan_job_new (self, account, credential, context);
    }
  _objector_scan_run_async (self, objector_imap_scanner_scan_async, &scan_job_funcs, job, error,
                            cancellable, callback, user_data);
}

GPtrArray *
objector_imap_scanner_scan_finish (ObjectorImapScanner  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), NULL);

  return _objector_scan_run_finish (self, objector_imap_scanner_scan_async, result, error);
}

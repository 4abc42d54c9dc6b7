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
#include "objector-scanner-private.h"

/* One FETCH brings at most this many messages, or this many bytes: memory
 * stays bounded, and progress moves. */
#define BATCH_MESSAGES 50
#define BATCH_BYTES    (8 * 1000 * 1000)

/* What the IMAP scanner reports beyond ObjectorScanner's numbers, copied
 * from its thread to the scanner's. */
typedef struct
{
  ObjectorImapPhase  phase;
  guint              n_matched;
  guint              n_fetched;
  guint64            bytes_received;
} Progress;

struct _ObjectorImapScanner
{
  ObjectorScanner  parent_instance;

  Progress         progress;
  GDateTime       *since;
  guint            timeout;
};

G_DEFINE_FINAL_TYPE (ObjectorImapScanner, objector_imap_scanner, OBJECTOR_TYPE_SCANNER)

enum {
  PROP_0,
  PROP_PHASE,
  PROP_N_MATCHED,
  PROP_N_FETCHED,
  PROP_SINCE,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
objector_imap_scanner_dispose (GObject *object)
{
  ObjectorImapScanner *self = OBJECTOR_IMAP_SCANNER (object);

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
    case PROP_PHASE:
      g_value_set_enum (value, self->progress.phase);
      break;
    case PROP_N_MATCHED:
      g_value_set_uint (value, self->progress.n_matched);
      break;
    case PROP_N_FETCHED:
      g_value_set_uint (value, self->progress.n_fetched);
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

static gboolean objector_imap_scanner_run     (ObjectorScanJob  *job,
                                               GCancellable     *cancellable,
                                               GError          **error);
static void     scan_job_clear                (ObjectorScanJob  *job);
static gpointer copy_progress                 (ObjectorScanJob  *job);
static void     apply_progress                (ObjectorScanner  *scanner,
                                               gconstpointer     progress);

static void
objector_imap_scanner_class_init (ObjectorImapScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ObjectorScannerClass *scanner_class = OBJECTOR_SCANNER_CLASS (klass);
  GParamFlags read_write = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = objector_imap_scanner_dispose;
  object_class->get_property = objector_imap_scanner_get_property;
  object_class->set_property = objector_imap_scanner_set_property;

  scanner_class->run = objector_imap_scanner_run;
  scanner_class->clear_job = scan_job_clear;
  scanner_class->copy_progress = copy_progress;
  scanner_class->apply_progress = apply_progress;
  scanner_class->free_progress = g_free;

  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL, OBJECTOR_TYPE_IMAP_PHASE, OBJECTOR_IMAP_PHASE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MATCHED] = _objector_scanner_count_property ("n-matched");
  properties[PROP_N_FETCHED] = _objector_scanner_count_property ("n-fetched");
  properties[PROP_SINCE] = g_param_spec_boxed ("since", NULL, NULL, G_TYPE_DATE_TIME, read_write);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, G_MAXUINT, OBJECTOR_IMAP_DEFAULT_TIMEOUT, read_write);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

ObjectorImapPhase
objector_imap_scanner_get_phase (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), OBJECTOR_IMAP_PHASE_IDLE);
  return self->progress.phase;
}

guint
objector_imap_scanner_get_n_matched (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->progress.n_matched;
}

guint
objector_imap_scanner_get_n_fetched (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->progress.n_fetched;
}

guint64
objector_imap_scanner_get_bytes_received (ObjectorImapScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), 0);
  return self->progress.bytes_received;
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

/* A scan, in its worker thread */

typedef struct
{
  ObjectorScanJob          parent;
  ObjectorImapAccount     *account;
  ObjectorImapCredential  *credential;
  char                   **domains;
  GDateTime               *since;
  char                    *label;
  guint                    timeout;
  ObjectorImapSession     *session;
  Progress                 progress;
  guint                    n_to_fetch;
} ScanJob;

static ScanJob *
scan_job_new (ObjectorImapScanner          *scanner,
              ObjectorImapAccount          *account,
              const ObjectorImapCredential *credential)
{
  ScanJob *job = g_new0 (ScanJob, 1);

  _objector_scan_job_init (&job->parent, OBJECTOR_SCANNER (scanner));
  job->account = g_object_ref (account);
  job->credential = objector_imap_credential_copy (credential);
  job->domains = objector_imap_scanner_dup_search_domains (objector_scanner_get_playbook (OBJECTOR_SCANNER (scanner)));
  job->since = scanner->since != NULL ? g_date_time_ref (scanner->since) : NULL;
  job->label = objector_imap_account_dup_label (account);
  job->timeout = scanner->timeout;
  /* Connecting from the start. */
  job->progress.phase = OBJECTOR_IMAP_PHASE_CONNECTING;
  return job;
}

static void
scan_job_clear (ObjectorScanJob *data)
{
  ScanJob *job = (ScanJob *) data;

  g_clear_object (&job->account);
  g_clear_pointer (&job->credential, objector_imap_credential_free);
  g_clear_pointer (&job->domains, g_strfreev);
  g_clear_pointer (&job->since, g_date_time_unref);
  g_clear_pointer (&job->label, g_free);
}

static gpointer
copy_progress (ObjectorScanJob *data)
{
  ScanJob *job = (ScanJob *) data;

  if (job->session != NULL)
    job->progress.bytes_received = objector_imap_session_get_bytes_read (job->session);
  return g_memdup2 (&job->progress, sizeof job->progress);
}

static void
apply_progress (ObjectorScanner *scanner,
                gconstpointer    data)
{
  ObjectorImapScanner *self = OBJECTOR_IMAP_SCANNER (scanner);
  const Progress *new = data;
  Progress *now = &self->progress;

  if (now->phase != new->phase)
    {
      now->phase = new->phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
  _objector_scanner_set_uint (G_OBJECT (self), &now->n_matched, new->n_matched, properties[PROP_N_MATCHED]);
  _objector_scanner_set_uint (G_OBJECT (self), &now->n_fetched, new->n_fetched, properties[PROP_N_FETCHED]);
  now->bytes_received = new->bytes_received;
}

static void
enter_phase (ScanJob           *job,
             ObjectorImapPhase  phase)
{
  job->progress.phase = phase;
  _objector_scan_job_report (&job->parent, TRUE);
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

  job->progress.n_fetched++;
  job->parent.counts.fraction = job->n_to_fetch > 0 ? (double) job->progress.n_fetched / job->n_to_fetch : 1.0;

  mail = objector_mail_new_from_data (data, length, job->label, uid, NULL);
  _objector_scan_job_consider (&job->parent, mail);
  _objector_scan_job_report (&job->parent, FALSE);
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
      job->parent.counts.n_skipped++;
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

static gboolean
scan_mailbox (ScanJob       *job,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(ObjectorImapSession) session = NULL;
  g_autoptr(GArray) uids = NULL;
  guint n_messages = 0;
  gboolean ok;

  if (job->domains[0] == NULL)
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK,
                           _("The playbook names none of Meta’s mail domains, so there is nothing to search for"));
      return FALSE;
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
      job->parent.counts.n_messages = n_messages;
    }
  if (ok)
    ok = (uids = objector_imap_session_search (session, (const char * const *) job->domains,
                                               job->since, error)) != NULL;
  if (ok)
    {
      job->progress.n_matched = uids->len;
      _objector_scan_job_report (&job->parent, TRUE);
      ok = uids->len == 0 || fetch_matches (job, uids, error);
    }
  if (ok)
    objector_imap_session_logout (session);

  job->progress.bytes_received = objector_imap_session_get_bytes_read (session);
  job->session = NULL;
  return ok;
}

static gboolean
objector_imap_scanner_run (ObjectorScanJob  *data,
                           GCancellable     *cancellable,
                           GError          **error)
{
  ScanJob *job = (ScanJob *) data;
  gboolean ok = scan_mailbox (job, cancellable, error);

  job->progress.phase = ok ? OBJECTOR_IMAP_PHASE_DONE : OBJECTOR_IMAP_PHASE_IDLE;
  return ok;
}

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

  return _objector_scanner_run (OBJECTOR_SCANNER (self), &scan_job_new (self, account, credential)->parent,
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
  g_return_if_fail (OBJECTOR_IS_IMAP_SCANNER (self));
  g_return_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (account));
  g_return_if_fail (credential != NULL);

  _objector_scanner_run_async (OBJECTOR_SCANNER (self), objector_imap_scanner_scan_async,
                               &scan_job_new (self, account, credential)->parent,
                               cancellable, callback, user_data);
}

GPtrArray *
objector_imap_scanner_scan_finish (ObjectorImapScanner  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_SCANNER (self), NULL);

  return _objector_scanner_run_finish (OBJECTOR_SCANNER (self), objector_imap_scanner_scan_async,
                                       result, error);
}

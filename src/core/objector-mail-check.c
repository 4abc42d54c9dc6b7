/* objector-mail-check.c — what an email is, whether to trust it, where it belongs
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-clock.h"
#include "objector-mail-match.h"
#include "objector-mail-private.h"
#include "objector-meta-domains.h"

/* Some minutes of clock difference between Meta's servers and this computer
 * must not make an answer look older than the objection it answers. */
#define CLOCK_SKEW_SECONDS (15 * 60)

/* Domains */

static gboolean
domain_in (const char         *domain,
           const char * const *bases)
{
  if (domain == NULL || *domain == '\0')
    return FALSE;
  for (guint i = 0; bases != NULL && bases[i] != NULL; i++)
    if (objector_domain_is_within (domain, bases[i]))
      return TRUE;
  return FALSE;
}

gboolean
objector_mail_domain_is_meta (ObjectorPlaybook *playbook,
                              const char       *domain)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (playbook), FALSE);

  if (domain == NULL)
    return FALSE;

  /* The playbook may narrow Meta's domains, never widen them. */
  return objector_meta_domain_is_meta (domain) &&
         domain_in (domain, objector_playbook_get_mail_domains (playbook));
}

/* The hosts Meta's links go to: its mail domains and the hosts of every
 * path's forms and pages, subdomains included. */
static GStrv
link_domains (ObjectorPlaybook *playbook)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *domains = objector_playbook_get_mail_domains (playbook);
  GListModel *paths = objector_playbook_get_paths (playbook);
  guint n = g_list_model_get_n_items (paths);

  g_strv_builder_addv (builder, (const char **) domains);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);
      const char * const *hosts = objector_path_get_allowed_hosts (path);

      if (hosts != NULL)
        g_strv_builder_addv (builder, (const char **) hosts);
    }
  return g_strv_builder_end (builder);
}

/* The Unicode form of a punycode domain, for showing; NULL when it has none. */
static char *
unicode_domain (const char *domain)
{
  g_autofree char *unicode = NULL;

  if (domain == NULL || strstr (domain, "xn--") == NULL)
    return NULL;
  unicode = g_hostname_to_unicode (domain);
  if (unicode == NULL || g_str_equal (unicode, domain))
    return NULL;
  return g_steal_pointer (&unicode);
}

/* Which of Meta's domains @domain imitates, or NULL. */
static const char *
lookalike_of (ObjectorPlaybook   *playbook,
              const char * const *stems,
              const char         *domain)
{
  const char * const *domains = objector_playbook_get_mail_domains (playbook);
  g_autofree char *unicode = NULL;
  g_autofree char *skeleton = NULL;
  g_auto(GStrv) labels = NULL;
  const char *shown;
  guint n;

  if (domain == NULL || objector_mail_domain_is_meta (playbook, domain))
    return NULL;

  unicode = unicode_domain (domain);
  shown = unicode != NULL ? unicode : domain;
  labels = g_strsplit (shown, ".", -1);
  n = g_strv_length (labels);

  /* Every label but the top-level one: "facebookmail.com.evil.net" imitates
   * through its first label, "faceb00k-mail.co" through its second-level one. */
  for (guint i = 0; i + 1 < n || (n == 1 && i == 0); i++)
    {
      if (!objector_mail_text_names_meta (stems, labels[i], FALSE))
        continue;

      /* The Meta domain whose name this label echoes, for the message: an
       * exact echo first, then the shortest domain whose name it holds. */
      skeleton = objector_mail_skeleton (labels[i], -1);
      for (guint pass = 0; pass < 2; pass++)
        {
          const char *best = NULL;
          guint best_labels = G_MAXUINT;

          for (guint d = 0; domains != NULL && domains[d] != NULL; d++)
            {
              g_auto(GStrv) parts = g_strsplit (domains[d], ".", -1);
              guint m = g_strv_length (parts);
              g_autofree char *name = objector_mail_skeleton (m >= 2 ? parts[m - 2] : parts[0], -1);
              gboolean echoes = pass == 0 ? g_str_equal (name, skeleton) : strstr (skeleton, name) != NULL;

              if (echoes && m < best_labels)
                {
                  best = domains[d];
                  best_labels = m;
                }
            }
          if (best != NULL)
            return best;
        }
      return domains != NULL && domains[0] != NULL ? domains[0] : "";
    }
  return NULL;
}

/* Authentication-Results (RFC 8601) */

typedef struct
{
  char *method;   /* "dkim", "spf", "dmarc", … */
  char *result;   /* "pass", "fail", "softfail", "none", … */
  char *domain;   /* header.d / header.i, smtp.mailfrom, header.from */
} AuthResult;

static void
auth_result_free (AuthResult *result)
{
  g_free (result->method);
  g_free (result->result);
  g_free (result->domain);
  g_free (result);
}

/* Comments, in nested parentheses, say nothing the results rely on. */
static char *
strip_comments (const char *value)
{
  GString *out = g_string_new (NULL);
  int depth = 0;
  gboolean quoted = FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '\\' && p[1] != '\0')
            {
              g_string_append_c (out, *p++);
              g_string_append_c (out, *p);
              continue;
            }
          if (*p == '"')
            quoted = FALSE;
          g_string_append_c (out, *p);
          continue;
        }
      if (depth == 0 && *p == '"')
        {
          quoted = TRUE;
          g_string_append_c (out, *p);
          continue;
        }
      if (*p == '(')
        {
          depth++;
          continue;
        }
      if (*p == ')' && depth > 0)
        {
          depth--;
          g_string_append_c (out, ' ');
          continue;
        }
      if (depth == 0)
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
property_domain (const char *value)
{
  const char *at = strrchr (value, '@');
  char *domain = g_ascii_strdown (at != NULL ? at + 1 : value, -1);

  g_strstrip (domain);
  if (*domain == '"')
    memmove (domain, domain + 1, strlen (domain));
  if (*domain != '\0' && domain[strlen (domain) - 1] == '"')
    domain[strlen (domain) - 1] = '\0';
  return domain;
}

static GPtrArray *
parse_authentication_results (const char *header)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) auth_result_free);
  g_autofree char *plain = strip_comments (header);
  g_auto(GStrv) parts = g_strsplit (plain, ";", -1);

  /* parts[0] names the server that checked. An empty header (a NUL right
   * after the colon) splits into no part at all: parts[1] would be read past
   * the end (found by tests/fuzz). */
  for (guint i = 1; parts[0] != NULL && parts[i] != NULL; i++)
    {
      g_auto(GStrv) tokens = g_strsplit_set (g_strstrip (parts[i]), " \t\r\n", -1);
      AuthResult *result = NULL;

      for (guint t = 0; tokens[t] != NULL; t++)
        {
          const char *token = tokens[t];
          const char *eq = strchr (token, '=');

          if (*token == '\0')
            continue;
          if (result == NULL)
            {
              g_autofree char *method = NULL;
              char *slash;

              if (eq == NULL)
                break;  /* "none": nothing was checked */
              method = g_ascii_strdown (token, eq - token);
              if ((slash = strchr (method, '/')) != NULL)
                *slash = '\0';
              result = g_new0 (AuthResult, 1);
              result->method = g_strdup (g_strstrip (method));
              result->result = g_ascii_strdown (eq + 1, -1);
              continue;
            }
          if (eq == NULL || result->domain != NULL)
            continue;
          if (g_ascii_strncasecmp (token, "header.d=", 9) == 0
              || g_ascii_strncasecmp (token, "header.i=", 9) == 0
              || g_ascii_strncasecmp (token, "header.from=", 12) == 0
              || g_ascii_strncasecmp (token, "smtp.mailfrom=", 14) == 0)
            result->domain = property_domain (eq + 1);
        }
      if (result != NULL)
        g_ptr_array_add (results, result);
    }
  return results;
}

/* The outcome of each of DKIM, SPF and DMARC: "pass" wins over others of
 * the same method (a message may carry several DKIM signatures), but for
 * DKIM only a signature by one of Meta's domains counts. */
static void
check_authentication (ObjectorMail     *self,
                      ObjectorPlaybook *playbook,
                      GPtrArray        *notes)
{
  static const char * const methods[] = { "dkim", "spf", "dmarc" };
  static const char * const labels[] = { "DKIM", "SPF", "DMARC" };
  g_autoptr(GPtrArray) results = NULL;

  if (self->authentication_results[0] == NULL)
    return;

  /* Only the topmost header is the receiving server's: anything below it
   * came with the message and may have been written by the sender. */
  results = parse_authentication_results (self->authentication_results[0]);

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    {
      const char *outcome = NULL;
      const char *signer = NULL;
      gboolean passed = FALSE;

      for (guint i = 0; i < results->len; i++)
        {
          AuthResult *result = g_ptr_array_index (results, i);

          if (!g_str_equal (result->method, methods[m]))
            continue;
          if (g_str_equal (result->result, "pass"))
            {
              if (m == 0 && result->domain != NULL
                  && !objector_mail_domain_is_meta (playbook, result->domain))
                {
                  signer = result->domain;
                  continue;
                }
              passed = TRUE;
              break;
            }
          if (outcome == NULL)
            outcome = result->result;
        }

      if (passed)
        continue;
      if (signer != NULL && outcome == NULL)
        /* Translators: DKIM is a signature the sending server adds. */
        g_ptr_array_add (notes, g_strdup_printf (_("It is signed (DKIM) by “%s”, not by Meta"), signer));
      else if (outcome != NULL)
        /* Translators: "The receiving mail server reports DKIM “fail”". */
        g_ptr_array_add (notes, g_strdup_printf (_("The receiving mail server reports %s “%s”"),
                                                 labels[m], outcome));
      else
        g_ptr_array_add (notes, g_strdup_printf (_("The receiving mail server reports no %s result"),
                                                 labels[m]));
    }
}

/* Checking */

/* The part after the "@", or NULL. */
static const char *
domain_of (const char *address)
{
  const char *at = address != NULL ? strrchr (address, '@') : NULL;

  return at != NULL ? at + 1 : NULL;
}

static void
replace_strv (char     ***strv,
              GPtrArray  *array)
{
  g_strfreev (*strv);
  g_ptr_array_add (array, NULL);
  *strv = (char **) g_ptr_array_free (array, FALSE);
}

struct _ObjectorMailRules
{
  ObjectorPlaybook  *playbook;
  char             **stems;
  char             **domains;  /* where Meta's links may lead */
};

ObjectorMailRules *
objector_mail_rules_new (ObjectorPlaybook *playbook)
{
  ObjectorMailRules *self = g_new0 (ObjectorMailRules, 1);

  self->playbook = g_object_ref (playbook);

  self->stems = objector_mail_dup_meta_stems (playbook);
  self->domains = link_domains (playbook);
  return self;
}

void
objector_mail_rules_free (ObjectorMailRules *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->playbook);
  g_strfreev (self->stems);
  g_strfreev (self->domains);
  g_free (self);
}

const char * const *
objector_mail_rules_get_stems (ObjectorMailRules *self)
{
  return (const char * const *) self->stems;
}

void
objector_mail_check (ObjectorMail     *self,
                     ObjectorPlaybook *playbook)
{
  g_autoptr(ObjectorMailRules) rules = NULL;

  g_return_if_fail (OBJECTOR_IS_MAIL (self));
  g_return_if_fail (OBJECTOR_IS_PLAYBOOK (playbook));

  if (self->error != NULL)
    return;

  rules = objector_mail_rules_new (playbook);
  objector_mail_check_with_rules (self, rules);
}

void
objector_mail_check_with_rules (ObjectorMail      *self,
                                ObjectorMailRules *compiled)
{
  ObjectorPlaybook *playbook = compiled->playbook;
  const char * const *meta_stems = (const char * const *) compiled->stems;
  char **domains = compiled->domains;
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GPtrArray) foreign = g_ptr_array_new ();
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *all = NULL;
  const char *imitated;
  ObjectorMailKind old_kind = self->kind;
  const char *old_platform = self->platform;
  gboolean old_trusted = self->trusted;
  gboolean old_from_meta = self->from_meta;

  if (self->error != NULL)
    return;

  subject = objector_mail_fold_text (self->subject);
  body = objector_mail_fold_text (self->body);
  all = g_strconcat (subject, " ", body, NULL);

  if (!self->kind_corrected)
    /* The rules are compiled on first use, in the thread that reads the
     * mail (a scan's worker), and kept with the playbook. */
    self->kind = objector_mail_matcher_read (objector_mail_matcher_get (playbook), self->subject, self->body,
                                             self->from_address, NULL);
  g_clear_pointer (&self->code, g_free);
  if (self->kind == OBJECTOR_MAIL_KIND_CODE)
    self->code = objector_mail_find_code (self->subject, self->body);

  /* The sender */
  self->from_meta = objector_mail_domain_is_meta (playbook, self->from_domain);
  imitated = lookalike_of (playbook, meta_stems, self->from_domain);

  if (self->from_address == NULL)
    g_ptr_array_add (notes, g_strdup (_("The email names no sender")));
  else if (!self->from_meta)
    {
      g_autofree char *unicode = unicode_domain (self->from_domain);

      if (unicode != NULL && imitated != NULL)
        g_ptr_array_add (notes,
                         g_strdup_printf (_("The sender’s domain “%s” imitates Meta’s “%s” "
                                            "with look-alike letters (it reads “%s”)"),
                                          self->from_domain, imitated, unicode));
      else if (imitated != NULL)
        g_ptr_array_add (notes,
                         g_strdup_printf (_("The sender’s domain “%s” imitates Meta’s “%s” "
                                            "but is not Meta’s"),
                                          self->from_domain, imitated));
      else
        g_ptr_array_add (notes,
                         g_strdup_printf (_("The sender “%s” does not write from one of Meta’s domains"),
                                          self->from_address));
    }

  if (self->no_headers)
    g_ptr_array_add (notes, g_strdup (_("The file keeps none of the email’s Internet headers (it is a copy "
                                        "or a draft), so who sent it cannot be checked")));

  check_authentication (self, playbook, notes);

  /* Where answers and bounces go says who really sent it. */
  if (self->reply_to != NULL && !objector_mail_domain_is_meta (playbook, domain_of (self->reply_to)))
    g_ptr_array_add (notes, g_strdup_printf (_("Replies would go to “%s”, outside Meta’s domains"),
                                             self->reply_to));
  if (self->return_path != NULL && !objector_mail_domain_is_meta (playbook, domain_of (self->return_path)))
    g_ptr_array_add (notes, g_strdup_printf (_("Its return address (Return-Path) “%s” is outside Meta’s domains"),
                                             self->return_path));

  /* The links */
  for (guint i = 0; self->links[i] != NULL; i++)
    {
      g_autofree char *host = objector_mail_link_host (self->links[i]);
      gboolean seen = FALSE;

      if (host == NULL || domain_in (host, (const char * const *) domains))
        continue;
      for (guint j = 0; j < foreign->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (foreign, j), host);
      if (!seen)
        g_ptr_array_add (foreign, g_steal_pointer (&host));
    }
  if (foreign->len > 0)
    {
      g_autoptr(GString) hosts = g_string_new (NULL);

      for (guint i = 0; i < foreign->len; i++)
        {
          g_autofree char *unicode = unicode_domain (g_ptr_array_index (foreign, i));

          if (i > 0)
            g_string_append (hosts, ", ");
          g_string_append (hosts, g_ptr_array_index (foreign, i));
          if (unicode != NULL)
            g_string_append_printf (hosts, " (%s)", unicode);
        }
      g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "A link leads away from Meta, to %s",
                                                            "Links lead away from Meta, to %s",
                                                            foreign->len),
                                               hosts->str));
    }

  self->trusted = self->from_meta && notes->len == 0;
  self->claims_meta = self->from_meta || imitated != NULL
                      || objector_mail_text_names_meta (meta_stems, self->from_name, FALSE)
                      || objector_mail_text_names_meta (meta_stems, domain_of (self->reply_to), FALSE)
                      || objector_mail_text_names_meta (meta_stems, domain_of (self->return_path), FALSE);

  /* The platform: the sender's domain says it, else the text. */
  self->platform = self->from_meta ? objector_mail_platform_of_domain (playbook, self->from_domain) : NULL;
  if (self->platform == NULL)
    self->platform = objector_mail_platform_of_text (playbook, all);

  replace_strv (&self->trust_notes, g_steal_pointer (&notes));
  replace_strv (&self->foreign_hosts, g_steal_pointer (&foreign));
  objector_mail_notify_checked (self, old_kind, old_platform, old_trusted, old_from_meta);
}

ObjectorMailKind
objector_mail_get_kind (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), OBJECTOR_MAIL_KIND_OTHER);
  return self->kind;
}

void
objector_mail_set_kind (ObjectorMail     *self,
                        ObjectorMailKind  kind)
{
  g_return_if_fail (OBJECTOR_IS_MAIL (self));
  g_return_if_fail (kind <= OBJECTOR_MAIL_KIND_UNRECOGNISED);

  self->kind_corrected = TRUE;
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_clear_pointer (&self->code, g_free);
  if (kind == OBJECTOR_MAIL_KIND_CODE)
    self->code = objector_mail_find_code (self->subject, self->body);
  objector_mail_notify_kind (self);
}

const char *
objector_mail_get_platform (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->platform;
}

const char *
objector_mail_get_code (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->code;
}

gboolean
objector_mail_get_from_meta (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), FALSE);
  return self->from_meta;
}

gboolean
objector_mail_get_claims_meta (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), FALSE);
  return self->claims_meta;
}

gboolean
objector_mail_get_trusted (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), FALSE);
  return self->trusted;
}

const char * const *
objector_mail_get_trust_notes (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return (const char * const *) self->trust_notes;
}

const char * const *
objector_mail_get_foreign_hosts (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return (const char * const *) self->foreign_hosts;
}

/* Events */

gboolean
objector_mail_get_event (ObjectorMail      *self,
                         ObjectorObjection *objection,
                         ObjectorEvent     *event)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), FALSE);
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  switch (self->kind)
    {
    case OBJECTOR_MAIL_KIND_RECEIPT:
      *event = OBJECTOR_EVENT_LOG_RECEIPT;
      return TRUE;
    case OBJECTOR_MAIL_KIND_APPROVAL:
      *event = OBJECTOR_EVENT_LOG_APPROVAL;
      return TRUE;
    case OBJECTOR_MAIL_KIND_REJECTION:
      *event = OBJECTOR_EVENT_LOG_REJECTION;
      return TRUE;
    case OBJECTOR_MAIL_KIND_EXTENSION:
      *event = OBJECTOR_EVENT_EXTEND;
      return TRUE;
    case OBJECTOR_MAIL_KIND_CODE:
      /* The code confirms the form only on paths that ask for one, and
       * only while the objection waits for it. */
      if (!objector_objection_get_has_code_step (objection)
          || objector_objection_get_state (objection) != OBJECTOR_STATE_SUBMITTED)
        return FALSE;
      *event = OBJECTOR_EVENT_CONFIRM_CODE;
      return TRUE;
    case OBJECTOR_MAIL_KIND_OTHER:
    case OBJECTOR_MAIL_KIND_UNRECOGNISED:
    default:
      return FALSE;
    }
}

/* Matching */

static gboolean
has_recipient (ObjectorMail *self,
               const char   *address)
{
  for (guint i = 0; self->recipients[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->recipients[i], address) == 0)
      return TRUE;
  return FALSE;
}

ObjectorObjection *
objector_mail_match (ObjectorMail *self,
                     GListModel   *objections)
{
  ObjectorObjection *best = NULL;
  int best_score = -1;
  GDateTime *best_time = NULL;
  guint n;

  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (objections), NULL);

  /* A friend's email to the same address is no answer from Meta. */
  if (self->error != NULL || !self->claims_meta)
    return NULL;

  n = g_list_model_get_n_items (objections);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (objections, i);
      const char *platform = objector_objection_get_platform (objection);
      const char *email = objector_objection_get_email (objection);
      GDateTime *created = objector_objection_get_created (objection);
      GDateTime *submitted = objector_objection_get_submitted (objection);
      const GTimeSpan skew = -(GTimeSpan) CLOCK_SKEW_SECONDS * G_TIME_SPAN_SECOND;
      ObjectorEvent event;
      int score = 0;

      /* An objection on Facebook does not get Instagram's answers; a path
       * without a platform (third-party requests) takes Meta's emails of
       * either. */
      if (self->platform != NULL && platform != NULL && !g_str_equal (platform, "none")
          && !g_str_equal (platform, self->platform))
        continue;
      if (self->platform != NULL && platform != NULL && g_str_equal (platform, self->platform))
        score += 1;

      /* Meta writes to the address the form was sent with. */
      if (email != NULL && self->recipients[0] != NULL && !has_recipient (self, email))
        continue;

      /* An answer cannot be older than the question. */
      if (self->date != NULL && created != NULL && g_date_time_difference (self->date, created) < skew)
        continue;

      if (submitted != NULL && (self->date == NULL || g_date_time_difference (self->date, submitted) >= skew))
        score += 4;
      if (objector_mail_get_event (self, objection, &event)
          && objector_objection_can_apply (objection, event, NULL))
        score += 2;

      /* Equal scores: the most recent objection is the likelier one. */
      if (score > best_score
          || (score == best_score && best_time != NULL && created != NULL
              && g_date_time_compare (created, best_time) > 0))
        {
          g_clear_object (&best);
          best = g_object_ref (objection);
          best_score = score;
          best_time = created;
        }
    }

  return best;
}

/* Storing */

static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static JsonArray *
strv_to_json (char **strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

JsonObject *
objector_mail_to_json (ObjectorMail *self,
                       GDateTime    *logged)
{
  JsonObject *object;
  g_autofree char *date = NULL;
  g_autofree char *logged_text = NULL;
  g_autofree char *excerpt = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);

  if (logged == NULL)
    logged = now = objector_clock_now ();

  date = format_utc (self->date);
  logged_text = format_utc (logged);
  excerpt = objector_mail_dup_excerpt (self);

  object = json_object_new ();
  set_string_or_null (object, "date", date);
  set_string_or_null (object, "from", self->from);
  set_string_or_null (object, "subject", self->subject);
  json_object_set_string_member (object, "kind", objector_mail_kind_to_string (self->kind));
  json_object_set_boolean_member (object, "trusted", self->trusted);
  set_string_or_null (object, "message_id", self->message_id);
  set_string_or_null (object, "digest", self->digest);
  set_string_or_null (object, "platform", self->platform);
  json_object_set_string_member (object, "excerpt", excerpt);
  json_object_set_array_member (object, "trust_notes", strv_to_json (self->trust_notes));
  json_object_set_array_member (object, "foreign_hosts", strv_to_json (self->foreign_hosts));
  json_object_set_string_member (object, "logged", logged_text);
  set_string_or_null (object, "source", self->source);
  if (self->source_index > 0)
    json_object_set_int_member (object, "source_index", self->source_index);
  return object;
}

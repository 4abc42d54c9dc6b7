/* objector-auth-results.c — RFC 8601 Authentication-Results, read and judged
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-auth-results.h"
#include "objector-error.h"
#include "objector-lookalike.h"
#include "objector-meta-domains.h"

/* A header longer than this is no server's: refused before it is read. */
#define MAX_HEADER_BYTES (64 * 1024)
/* Comments nest; a server's never nest deeper than this. */
#define MAX_COMMENT_DEPTH 32

/* Reading */

typedef struct
{
  const char  *start;
  const char  *p;
  const char  *end;
  GError     **error;
  gboolean     failed;
} Cursor;

static gboolean
fail (Cursor     *c,
      const char *problem)
{
  if (!c->failed)
    /* Translators: "The Authentication-Results header cannot be read: a comment is not closed (at character 12)". */
    g_set_error (c->error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
                 _("The Authentication-Results header cannot be read: %s (at character %u)"),
                 problem, (guint) (c->p - c->start + 1));
  c->failed = TRUE;
  return FALSE;
}

static gboolean
at_end (Cursor *c)
{
  return c->p >= c->end;
}

static gboolean
is_space (char ch)
{
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Folding white space and comments: "(a (nested) comment, with \) a pair)". */
static gboolean
skip_cfws (Cursor *c)
{
  while (!at_end (c))
    {
      if (is_space (*c->p))
        c->p++;
      else if (*c->p == '(')
        {
          guint depth = 0;

          do
            {
              if (*c->p == '\\' && c->p + 1 < c->end)
                c->p++;
              else if (*c->p == '(')
                {
                  if (++depth > MAX_COMMENT_DEPTH)
                    return fail (c, _("its comments nest too deep"));
                }
              else if (*c->p == ')')
                depth--;
              c->p++;
            }
          while (depth > 0 && !at_end (c));
          if (depth > 0)
            return fail (c, _("a comment is not closed"));
        }
      else
        break;
    }
  return TRUE;
}

/* RFC 8601's Keyword: letters, digits and hyphens (and "_", which some
 * servers write). Lower case. */
static char *
read_keyword (Cursor *c)
{
  const char *from = c->p;

  while (!at_end (c) && (g_ascii_isalnum (*c->p) || *c->p == '-' || *c->p == '_'))
    c->p++;
  return c->p > from ? g_ascii_strdown (from, c->p - from) : NULL;
}

/* A quoted string, without its quotes and with its pairs undone. */
static char *
read_quoted (Cursor *c)
{
  GString *out = g_string_new (NULL);

  g_assert (*c->p == '"');
  c->p++;
  while (!at_end (c) && *c->p != '"')
    {
      if (*c->p == '\\' && c->p + 1 < c->end)
        c->p++;
      g_string_append_c (out, *c->p++);
    }
  if (at_end (c))
    {
      g_string_free (out, TRUE);
      fail (c, _("a quoted string is not closed"));
      return NULL;
    }
  c->p++;
  return g_string_free (out, FALSE);
}

static gboolean
is_tspecial (char ch)
{
  return strchr ("()<>@,;:\\\"/[]?=", ch) != NULL;
}

/* RFC 2045's token or a quoted string. */
static char *
read_value (Cursor *c)
{
  const char *from = c->p;

  if (!at_end (c) && *c->p == '"')
    return read_quoted (c);
  while (!at_end (c) && (guchar) *c->p > ' ' && (guchar) *c->p < 127 && !is_tspecial (*c->p))
    c->p++;
  if (c->p == from)
    {
      fail (c, _("a value is missing"));
      return NULL;
    }
  return g_strndup (from, c->p - from);
}

/* A property's value: a token, a quoted string, an address whose local
 * part may be quoted ("a;b"@example.org), or what servers write unquoted
 * (header.b=abc/d+e=). Ends at white space, a comment or ";" outside quotes. */
static char *
read_pvalue (Cursor *c)
{
  GString *out = g_string_new (NULL);

  while (!at_end (c) && !is_space (*c->p) && *c->p != '(' && *c->p != ';')
    {
      if (*c->p == '"')
        {
          g_autofree char *quoted = read_quoted (c);

          if (quoted == NULL)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append_c (out, '"');
          g_string_append (out, quoted);
          g_string_append_c (out, '"');
        }
      else if ((guchar) *c->p < ' ' || *c->p == 127)
        {
          g_string_free (out, TRUE);
          fail (c, _("a value holds a control character"));
          return NULL;
        }
      else
        g_string_append_c (out, *c->p++);
    }
  return g_string_free (out, FALSE);
}

static gboolean
expect (Cursor     *c,
        char        ch,
        const char *problem)
{
  if (at_end (c) || *c->p != ch)
    return fail (c, problem);
  c->p++;
  return skip_cfws (c);
}

static void
auth_result_free (ObjectorAuthResult *result)
{
  g_free (result->method);
  g_free (result->result);
  g_free (result->reason);
  g_strfreev (result->properties);
  g_free (result);
}

void
objector_auth_results_free (ObjectorAuthResults *results)
{
  if (results == NULL)
    return;
  g_free (results->authserv_id);
  g_ptr_array_unref (results->results);
  g_free (results);
}

/* methodspec [reasonspec] *propspec, after the ";". */
static ObjectorAuthResult *
read_resinfo (Cursor *c)
{
  g_autoptr(GPtrArray) properties = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *method = NULL;
  g_autofree char *result = NULL;
  g_autofree char *reason = NULL;
  ObjectorAuthResult *info;

  if (!(method = read_keyword (c)))
    {
      fail (c, _("a method such as “dkim” is missing"));
      return NULL;
    }
  if (!skip_cfws (c))
    return NULL;
  if (!at_end (c) && *c->p == '/')
    {
      c->p++;
      if (!skip_cfws (c))
        return NULL;
      while (!at_end (c) && g_ascii_isdigit (*c->p))
        c->p++;
      if (!skip_cfws (c))
        return NULL;
    }
  if (!expect (c, '=', _("“=” is missing after a method")))
    return NULL;
  if (!(result = read_keyword (c)))
    {
      fail (c, _("a result such as “pass” is missing"));
      return NULL;
    }

  for (;;)
    {
      g_autofree char *ptype = NULL;
      g_autofree char *property = NULL;
      char *value;

      if (!skip_cfws (c))
        return NULL;
      if (at_end (c) || *c->p == ';')
        break;
      if (!(ptype = read_keyword (c)))
        {
          fail (c, _("an unexpected character follows a result"));
          return NULL;
        }
      if (!skip_cfws (c))
        return NULL;

      if (!at_end (c) && *c->p == '.')
        {
          c->p++;
          if (!skip_cfws (c))
            return NULL;
          if (!(property = read_keyword (c)))
            {
              fail (c, _("a property name is missing after “.”"));
              return NULL;
            }
          if (!skip_cfws (c))
            return NULL;
        }
      if (!expect (c, '=', _("“=” is missing after a property")))
        return NULL;

      if (property == NULL && g_str_equal (ptype, "reason"))
        {
          if (!(value = read_value (c)))
            return NULL;
          g_free (reason);
          reason = value;
          continue;
        }

      if (!(value = read_pvalue (c)))
        return NULL;
      /* "action=none" and the like, without a type, as some servers write. */
      g_ptr_array_add (properties, property != NULL ? g_strconcat (ptype, ".", property, NULL)
                                                    : g_strdup (ptype));
      g_ptr_array_add (properties, value);
    }

  g_ptr_array_add (properties, NULL);
  info = g_new0 (ObjectorAuthResult, 1);
  info->method = g_steal_pointer (&method);
  info->result = g_steal_pointer (&result);
  info->reason = g_steal_pointer (&reason);
  info->properties = (char **) g_ptr_array_free (g_steal_pointer (&properties), FALSE);
  return info;
}

ObjectorAuthResults *
objector_auth_results_parse (const char  *value,
                             GError     **error)
{
  g_autoptr(ObjectorAuthResults) results = NULL;
  Cursor c = { 0 };

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  c.start = c.p = value;
  c.end = value + strlen (value);
  c.error = error;

  if (c.end - c.start > MAX_HEADER_BYTES)
    {
      fail (&c, _("it is too long"));
      return NULL;
    }

  results = g_new0 (ObjectorAuthResults, 1);
  results->results = g_ptr_array_new_with_free_func ((GDestroyNotify) auth_result_free);

  if (!skip_cfws (&c))
    return NULL;
  if (at_end (&c) || *c.p == ';')
    {
      fail (&c, _("it names no server"));
      return NULL;
    }
  /* Microsoft's servers leave their own name out and start with the first
   * result ("spf=pass …; dkim=pass …"): then there is no server name. */
  {
    const char *start = c.p;
    g_autofree char *keyword = read_keyword (&c);
    gboolean nameless = keyword != NULL && skip_cfws (&c) && !at_end (&c) && *c.p == '=';

    if (c.failed)
      return NULL;
    c.p = start;
    if (nameless)
      results->authserv_id = g_strdup ("");
    else
      {
        if (!(results->authserv_id = read_value (&c)))
          return NULL;
        if (!skip_cfws (&c))
          return NULL;
        /* authres-version */
        while (!at_end (&c) && g_ascii_isdigit (*c.p))
          c.p++;
      }
  }

  for (gboolean first = TRUE;; first = FALSE)
    {
      ObjectorAuthResult *info;
      const char *method_start;

      if (!skip_cfws (&c))
        return NULL;
      if (at_end (&c))
        break;
      if (first && *results->authserv_id == '\0')
        ; /* the first result follows at once */
      else if (!expect (&c, ';', _("“;” is missing between results")))
        return NULL;
      if (at_end (&c))
        break;  /* a ";" at the end, as some servers write */

      method_start = c.p;
      {
        g_autofree char *keyword = read_keyword (&c);

        if (keyword != NULL && g_str_equal (keyword, "none") && results->results->len == 0)
          {
            if (!skip_cfws (&c))
              return NULL;
            if (at_end (&c) || *c.p == ';')
              {
                results->none = TRUE;
                continue;
              }
          }
      }
      c.p = method_start;

      if (!(info = read_resinfo (&c)))
        return NULL;
      g_ptr_array_add (results->results, info);
    }

  /* "none" stands alone. */
  if (results->none && results->results->len > 0)
    {
      fail (&c, _("it says both “none” and results"));
      return NULL;
    }

  return g_steal_pointer (&results);
}

const char *
objector_auth_result_get_property (const ObjectorAuthResult *result,
                                   const char               *name)
{
  const char *found = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; result->properties[i] != NULL && result->properties[i + 1] != NULL; i += 2)
    if (g_ascii_strcasecmp (result->properties[i], name) == 0)
      found = result->properties[i + 1];
  return found;
}

/* Judging */

/* The domain of a property value: "noreply@facebookmail.com",
 * "@facebookmail.com", "facebookmail.com." → "facebookmail.com". NULL when
 * it is empty. */
static char *
value_domain (const char *value)
{
  const char *at;
  char *domain;
  gsize n;

  if (value == NULL)
    return NULL;
  at = strrchr (value, '@');
  domain = g_ascii_strdown (at != NULL ? at + 1 : value, -1);
  n = strlen (domain);
  while (n > 0 && domain[n - 1] == '.')
    domain[--n] = '\0';
  if (n == 0)
    g_clear_pointer (&domain, g_free);
  return domain;
}

/* Which of Meta's registrable domains @domain belongs to: DMARC's relaxed
 * alignment, for Meta's domains (the only ones that can be verified). */
static const char *
meta_base (const char *domain)
{
  const char * const *suffixes = objector_meta_domain_suffixes ();

  if (!objector_meta_domain_is_meta (domain))
    return NULL;
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (objector_domain_is_within (domain, suffixes[i]))
      return suffixes[i];
  return NULL;
}

typedef enum
{
  OUTCOME_PASS,
  OUTCOME_MISSING,   /* unverifiable */
  OUTCOME_FAILED,    /* suspicious */
} Outcome;

/* RFC 8601 section 2.7: what each result means for trust. */
static Outcome
classify (const char *method,
          const char *result)
{
  static const char * const missing[] = { "none", "temperror", "permerror", NULL };
  static const char * const failed[] = { "fail", "softfail", "policy", "neutral", "hardfail", NULL };

  if (g_str_equal (result, "pass"))
    return OUTCOME_PASS;
  if (g_strv_contains (missing, result))
    return OUTCOME_MISSING;
  if (g_strv_contains (failed, result))
    return OUTCOME_FAILED;
  /* A result RFC 8601 does not know is no pass, and nothing to rely on. */
  return OUTCOME_FAILED;
}

static GPtrArray *
results_of (ObjectorAuthResults *results,
            const char          *method)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < results->results->len; i++)
    {
      ObjectorAuthResult *info = g_ptr_array_index (results->results, i);

      if (g_str_equal (info->method, method))
        g_ptr_array_add (found, info);
    }
  return found;
}

/* Every result of @method passed; otherwise a note that says which did
 * not, and FALSE. "label" is how the method is written for people. */
static gboolean
all_passed (GPtrArray             *found,
            const char            *label,
            gboolean               supporting,
            ObjectorMailJudgement *judgement)
{
  ObjectorAuthResult *worst = NULL;
  Outcome worst_outcome = OUTCOME_PASS;

  for (guint i = 0; i < found->len; i++)
    {
      ObjectorAuthResult *info = g_ptr_array_index (found, i);
      Outcome outcome = classify (info->method, info->result);

      if (outcome > worst_outcome || (worst == NULL && outcome != OUTCOME_PASS))
        {
          worst = info;
          worst_outcome = MAX (worst_outcome, outcome);
        }
    }
  if (worst == NULL)
    return TRUE;

  /* SPF only supports the verdict: a result that says nothing costs nothing. */
  if (supporting && worst_outcome == OUTCOME_MISSING && found->len == 1)
    return TRUE;

  if (found->len > 1)
    /* Translators: "The receiving mail server reports 2 DKIM results and not all passed (one is “fail”)". */
    objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                  _("The receiving mail server reports %u %s results and not all passed "
                                    "(one is “%s”)"),
                                  found->len, label, worst->result);
  else
    /* Translators: "The receiving mail server reports DKIM “fail”". */
    objector_mail_judgement_addf (judgement,
                                  worst_outcome == OUTCOME_MISSING ? OBJECTOR_MAIL_VERDICT_UNVERIFIABLE
                                                                   : OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                  _("The receiving mail server reports %s “%s”"), label, worst->result);
  return FALSE;
}

static void
judge_dkim (ObjectorAuthResults   *results,
            const char            *from_domain,
            const char            *from_base,
            ObjectorPlaybook      *playbook,
            ObjectorMailJudgement *judgement)
{
  g_autoptr(GPtrArray) found = results_of (results, "dkim");
  g_autofree char *foreign = NULL;
  g_autofree char *other_meta = NULL;
  gboolean aligned = FALSE;
  gboolean named = FALSE;

  if (found->len == 0)
    {
      /* Translators: "The receiving mail server reports no DKIM result". */
      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                    _("The receiving mail server reports no %s result"), "DKIM");
      return;
    }
  if (!all_passed (found, "DKIM", FALSE, judgement))
    return;

  for (guint i = 0; i < found->len; i++)
    {
      ObjectorAuthResult *info = g_ptr_array_index (found, i);
      const char *d = objector_auth_result_get_property (info, "header.d");
      g_autofree char *domain = value_domain (d != NULL ? d : objector_auth_result_get_property (info, "header.i"));

      if (domain == NULL)
        continue;
      named = TRUE;
      if (!objector_mail_domain_is_meta (playbook, domain))
        {
          if (foreign == NULL)
            foreign = g_steal_pointer (&domain);
        }
      else if (from_base != NULL && g_strcmp0 (meta_base (domain), from_base) == 0)
        aligned = TRUE;
      else if (other_meta == NULL)
        other_meta = g_steal_pointer (&domain);
    }

  if (aligned)
    return;
  if (!named)
    objector_mail_judgement_add (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                 g_strdup (_("The receiving mail server reports a DKIM pass but not for "
                                             "which domain (no header.d)")));
  else if (other_meta != NULL && from_domain == NULL)
    {
      g_autofree char *signer = objector_mail_quote (other_meta);

      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                    _("It is signed (DKIM) by “%s”, but names no sender that signature "
                                      "could be for"), signer);
    }
  else if (other_meta != NULL)
    {
      g_autofree char *signer = objector_mail_quote (other_meta);
      g_autofree char *sender = objector_mail_quote (from_domain);

      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                    _("It is signed (DKIM) by “%s”, which does not match the sender’s "
                                      "domain “%s”"), signer, sender);
    }
  else
    {
      g_autofree char *signer = objector_mail_quote (foreign != NULL ? foreign : other_meta);

      /* Translators: DKIM is a signature the sending server adds. */
      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                    _("It is signed (DKIM) by “%s”, not by Meta"), signer);
    }
}

static void
judge_dmarc (ObjectorAuthResults   *results,
             const char            *from_domain,
             ObjectorMailJudgement *judgement)
{
  g_autoptr(GPtrArray) found = results_of (results, "dmarc");

  if (found->len == 0)
    {
      /* Translators: "The receiving mail server reports no DKIM result". */
      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                    _("The receiving mail server reports no %s result"), "DMARC");
      return;
    }
  if (!all_passed (found, "DMARC", FALSE, judgement))
    return;

  for (guint i = 0; i < found->len; i++)
    {
      ObjectorAuthResult *info = g_ptr_array_index (found, i);
      g_autofree char *domain = value_domain (objector_auth_result_get_property (info, "header.from"));

      if (domain == NULL)
        {
          objector_mail_judgement_add (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                       g_strdup (_("The receiving mail server reports a DMARC pass but not "
                                                   "for which domain (no header.from)")));
          return;
        }
      if (from_domain == NULL)
        {
          g_autofree char *checked = objector_mail_quote (domain);

          objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                        _("DMARC passed for “%s”, but the email names no sender"), checked);
          return;
        }
      if (g_ascii_strcasecmp (domain, from_domain) != 0)
        {
          g_autofree char *checked = objector_mail_quote (domain);
          g_autofree char *sender = objector_mail_quote (from_domain);

          objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                        _("DMARC passed for “%s”, not for the sender’s domain “%s”"),
                                        checked, sender);
          return;
        }
    }
}

static void
judge_spf (ObjectorAuthResults   *results,
           ObjectorPlaybook      *playbook,
           ObjectorMailJudgement *judgement)
{
  g_autoptr(GPtrArray) found = results_of (results, "spf");

  if (!all_passed (found, "SPF", TRUE, judgement))
    return;

  for (guint i = 0; i < found->len; i++)
    {
      ObjectorAuthResult *info = g_ptr_array_index (found, i);
      g_autofree char *domain = value_domain (objector_auth_result_get_property (info, "smtp.mailfrom"));

      if (g_str_equal (info->result, "pass") && domain != NULL
          && !objector_mail_domain_is_meta (playbook, domain))
        {
          g_autofree char *shown = objector_mail_quote (domain);

          objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                        _("Its envelope sender (SPF) is at “%s”, outside Meta’s domains"),
                                        shown);
          return;
        }
    }
}

void
objector_auth_results_judge (const char * const    *headers,
                             const char            *from_domain,
                             ObjectorPlaybook      *playbook,
                             ObjectorMailJudgement *judgement)
{
  g_autoptr(ObjectorAuthResults) results = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OBJECTOR_IS_PLAYBOOK (playbook));
  g_return_if_fail (judgement != NULL);

  if (headers == NULL || headers[0] == NULL)
    {
      objector_mail_judgement_add (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                   g_strdup (_("It has no Authentication-Results header: no mail server "
                                               "says it checked who sent it")));
      return;
    }

  /* Only the topmost header is the receiving server's: anything below it
   * came with the message and may have been written by the sender. */
  if (!(results = objector_auth_results_parse (headers[0], &error)))
    {
      objector_mail_judgement_add (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                   g_strdup (error->message));
      return;
    }
  if (results->none)
    {
      objector_mail_judgement_add (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                   g_strdup (_("The receiving mail server says it checked nothing "
                                               "(Authentication-Results: none)")));
      return;
    }

  /* The receiving server names itself. A header that names one of Meta's
   * servers as the one that checked was written on the sender's side. */
  {
    g_autofree char *server = value_domain (results->authserv_id);

    if (server != NULL && objector_meta_domain_is_meta (server))
      {
        g_autofree char *shown = objector_mail_quote (server);

        objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                      _("Its Authentication-Results header says Meta’s own “%s” checked it; "
                                        "only the receiving mail server can say that, so the sender wrote it"),
                                      shown);
        return;
      }
  }

  judge_dkim (results, from_domain, meta_base (from_domain), playbook, judgement);
  judge_dmarc (results, from_domain, judgement);
  judge_spf (results, playbook, judgement);
}

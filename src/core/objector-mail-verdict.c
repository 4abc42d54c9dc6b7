/* objector-mail-verdict.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-mail-verdict.h"

/* How much of a sender's text a note quotes. */
#define QUOTE_CHARS 120

static const char * const nicks[] = { "verified", "unverifiable", "suspicious" };

const char *
objector_mail_verdict_to_string (ObjectorMailVerdict verdict)
{
  g_return_val_if_fail (verdict <= OBJECTOR_MAIL_VERDICT_SUSPICIOUS, "suspicious");
  return nicks[verdict];
}

gboolean
objector_mail_verdict_from_string (const char          *nick,
                                   ObjectorMailVerdict *verdict)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (nicks); i++)
    if (g_str_equal (nick, nicks[i]))
      {
        *verdict = (ObjectorMailVerdict) i;
        return TRUE;
      }
  return FALSE;
}

const char *
objector_mail_verdict_get_label (ObjectorMailVerdict verdict)
{
  switch (verdict)
    {
    case OBJECTOR_MAIL_VERDICT_VERIFIED:
      /* Translators: an email's verdict: its sender was checked and it is Meta. */
      return _("Verified");
    case OBJECTOR_MAIL_VERDICT_UNVERIFIABLE:
      /* Translators: an email's verdict: nothing proves who sent it, either way. */
      return _("Unverifiable");
    case OBJECTOR_MAIL_VERDICT_SUSPICIOUS:
    default:
      /* Translators: an email's verdict: a check failed, or it points away from Meta. */
      return _("Failed or suspicious");
    }
}

/* Judgements */

void
objector_mail_judgement_init (ObjectorMailJudgement *judgement)
{
  judgement->verdict = OBJECTOR_MAIL_VERDICT_VERIFIED;
  judgement->notes = g_ptr_array_new_with_free_func (g_free);
}

void
objector_mail_judgement_clear (ObjectorMailJudgement *judgement)
{
  g_clear_pointer (&judgement->notes, g_ptr_array_unref);
}

void
objector_mail_judgement_add (ObjectorMailJudgement *judgement,
                             ObjectorMailVerdict    level,
                             char                  *note)
{
  g_return_if_fail (judgement != NULL && judgement->notes != NULL);
  g_return_if_fail (note != NULL);

  judgement->verdict = MAX (judgement->verdict, level);
  /* The same sentence twice says nothing more. */
  for (guint i = 0; i < judgement->notes->len; i++)
    if (g_str_equal (g_ptr_array_index (judgement->notes, i), note))
      {
        g_free (note);
        return;
      }
  g_ptr_array_add (judgement->notes, note);
}

void
objector_mail_judgement_addf (ObjectorMailJudgement *judgement,
                              ObjectorMailVerdict    level,
                              const char            *format,
                              ...)
{
  va_list args;
  char *note;

  va_start (args, format);
  note = g_strdup_vprintf (format, args);
  va_end (args);
  objector_mail_judgement_add (judgement, level, note);
}

char *
objector_mail_quote (const char *text)
{
  g_autofree char *valid = NULL;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  /* Never more than needed is made valid: a header may be megabytes long. */
  valid = g_utf8_make_valid (text, MIN (strlen (text), (gsize) QUOTE_CHARS * 4 + 4));
  if (g_utf8_strlen (valid, -1) <= QUOTE_CHARS)
    return g_steal_pointer (&valid);
  end = g_utf8_offset_to_pointer (valid, QUOTE_CHARS - 1);
  return g_strdup_printf ("%.*s…", (int) (end - valid), valid);
}

char *
objector_mail_list_some (const char * const *items,
                         guint               n_items,
                         guint               max)
{
  GString *out = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; items != NULL && items[i] != NULL && shown < max; i++, shown++)
    {
      g_autofree char *quoted = objector_mail_quote (items[i]);

      if (shown > 0)
        g_string_append (out, ", ");
      g_string_append (out, quoted);
    }
  if (n_items > shown)
    /* Translators: after a list of links or hosts, "a.example, b.example and 1,998 more". */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more",
                                              n_items - shown),
                            n_items - shown);
  return g_string_free (out, FALSE);
}

char *
objector_mail_own_statement_note (ObjectorEvent  event,
                                  const char    *note)
{
  const char *statement;

  switch (event)
    {
    case OBJECTOR_EVENT_LOG_RECEIPT:
    case OBJECTOR_EVENT_LOG_APPROVAL:
    case OBJECTOR_EVENT_LOG_REJECTION:
    case OBJECTOR_EVENT_EXTEND:
      break;
    default:
      return g_strdup (note);
    }

  /* Translators: a note in an objection's history, for Meta's answer that
   * the person recorded by hand. */
  statement = _("Recorded by you, not from a verified email");
  if (note == NULL || *note == '\0')
    return g_strdup (statement);
  return g_strdup_printf ("%s: %s", statement, note);
}

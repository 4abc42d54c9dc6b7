/* objector-mail-trust.c — whether an email is Meta's: the verdict and why
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Judges what the sender wrote (From, Sender, Reply-To, Return-Path, the
 * links) and what the receiving server found (Authentication-Results,
 * objector-auth-results.c). Each thing wrong adds a sentence that says what,
 * and lowers the verdict (objector-mail-verdict.h).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-auth-results.h"
#include "objector-lookalike.h"
#include "objector-mail-private.h"
#include "objector-meta-domains.h"

/* The part after the "@", or NULL. */
static const char *
domain_of (const char *address)
{
  const char *at = address != NULL ? strrchr (address, '@') : NULL;

  return at != NULL ? at + 1 : NULL;
}

static void
judge_sender (ObjectorMail          *self,
              ObjectorPlaybook      *playbook,
              const char            *imitated,
              ObjectorMailJudgement *judgement)
{
  g_autofree char *address = objector_mail_quote (self->from_address);
  g_autofree char *domain = objector_mail_quote (self->from_domain);

  if (self->n_from_headers > 1)
    objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                  _("It has %u From headers; an email has one, so this one was "
                                    "tampered with"),
                                  self->n_from_headers);
  if (self->from_group)
    objector_mail_judgement_add (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                 g_strdup (_("Its sender (From) is a group of addresses, not one address")));
  else if (self->n_from_mailboxes > 1)
    objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                  _("It names %u senders (From); Meta writes from one address"),
                                  self->n_from_mailboxes);

  if (self->from_address == NULL)
    objector_mail_judgement_add (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                 g_strdup (_("The email names no sender")));
  else if (!self->from_meta)
    {
      g_autofree char *unicode = objector_lookalike_dup_unicode (self->from_domain);
      g_autofree char *shown = objector_mail_quote (unicode);

      if (unicode != NULL && imitated != NULL)
        objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                      _("The sender’s domain “%s” imitates Meta’s “%s” "
                                        "with look-alike letters (it reads “%s”)"),
                                      domain, imitated, shown);
      else if (imitated != NULL)
        objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                      _("The sender’s domain “%s” imitates Meta’s “%s” "
                                        "but is not Meta’s"),
                                      domain, imitated);
      else
        objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                      _("The sender “%s” does not write from one of Meta’s domains"),
                                      address);
    }
}

/* Where answers and bounces go, and who says they sent it, tell who did. */
static void
judge_return_addresses (ObjectorMail          *self,
                        ObjectorPlaybook      *playbook,
                        ObjectorMailJudgement *judgement)
{
  if (self->reply_to != NULL && !objector_mail_domain_is_meta (playbook, domain_of (self->reply_to)))
    {
      g_autofree char *shown = objector_mail_quote (self->reply_to);

      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                    _("Replies would go to “%s”, outside Meta’s domains"), shown);
    }
  if (self->return_path != NULL && !objector_mail_domain_is_meta (playbook, domain_of (self->return_path)))
    {
      g_autofree char *shown = objector_mail_quote (self->return_path);

      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                    _("Its return address (Return-Path) “%s” is outside Meta’s domains"),
                                    shown);
    }
  if (self->sender != NULL && !objector_mail_domain_is_meta (playbook, domain_of (self->sender)))
    {
      g_autofree char *shown = objector_mail_quote (self->sender);

      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                    _("Its Sender header “%s” is outside Meta’s domains"), shown);
    }
}

static void
judge_authentication (ObjectorMail          *self,
                      ObjectorPlaybook      *playbook,
                      ObjectorMailJudgement *judgement)
{
  /* A header left unread could be the From or the Authentication-Results. */
  if (self->n_headers_dropped > 0)
    {
      g_autofree char *size = objector_mail_format_size (self->largest_dropped);

      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "A header line of %1$s is too large to read, so "
                                                 "who sent it cannot be checked",
                                                 "%2$u header lines (the largest %1$s) are too large or "
                                                 "too many to read, so who sent it cannot be checked",
                                                 self->n_headers_dropped),
                                    size, self->n_headers_dropped);
    }

  if (self->no_headers)
    objector_mail_judgement_add (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                 g_strdup (_("The file keeps none of the email’s Internet headers (it is a "
                                             "copy or a draft), so who sent it cannot be checked")));
  else if (self->authentication_results[0] == NULL && self->has_arc)
    objector_mail_judgement_add (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                 g_strdup (_("It has only ARC headers, which mail servers on the way "
                                             "wrote; the receiving server’s own Authentication-Results "
                                             "header is missing")));
  else
    objector_auth_results_judge ((const char * const *) self->authentication_results,
                                 self->from_domain, playbook, judgement);
}

static void
judge_links (ObjectorMail          *self,
             GPtrArray             *foreign,
             ObjectorMailJudgement *judgement)
{
  const char * const *hosts = objector_link_set_get_hosts (self->links);
  const char * const *schemes = objector_link_set_get_other_schemes (self->links);
  guint n_dangerous = objector_link_set_get_n_dangerous (self->links);
  guint n_foreign = 0;

  for (guint i = 0; hosts[i] != NULL; i++)
    {
      /* Meta's own domains by the list in the code (its images come from
       * fbcdn.net, its help pages from facebook.com): a playbook can
       * neither widen nor need to name them. */
      if (objector_meta_domain_is_meta (hosts[i]))
        continue;
      if (n_foreign++ < OBJECTOR_MAIL_MAX_LISTED)
        g_ptr_array_add (foreign, g_strdup (hosts[i]));
    }

  if (n_foreign > 0)
    {
      g_autoptr(GPtrArray) shown = g_ptr_array_new_null_terminated (foreign->len, g_free, TRUE);
      g_autofree char *list = NULL;

      for (guint i = 0; i < foreign->len; i++)
        {
          const char *host = g_ptr_array_index (foreign, i);
          g_autofree char *unicode = objector_lookalike_dup_unicode (host);
          g_autofree char *quoted = objector_mail_quote (host);

          g_ptr_array_add (shown, unicode != NULL ? g_strdup_printf ("%s (%s)", quoted, unicode)
                                                  : g_steal_pointer (&quoted));
        }
      list = objector_mail_list_some ((const char * const *) shown->pdata, n_foreign, OBJECTOR_MAIL_MAX_LISTED);
      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                    g_dngettext (GETTEXT_PACKAGE, "A link leads away from Meta, to %s",
                                                 "Links lead away from Meta, to %s", n_foreign),
                                    list);
    }

  if (n_dangerous > 0)
    {
      g_autofree char *list = objector_mail_list_some (objector_link_set_get_dangerous (self->links),
                                                       n_dangerous, 3);

      /* Translators: javascript: and data: links run code or hide a page in the link itself. */
      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "It has a link that runs code or hides a page "
                                                 "(javascript:, data:): %1$s",
                                                 "It has %2$u links that run code or hide a page "
                                                 "(javascript:, data:): %1$s", n_dangerous),
                                    list, n_dangerous);
    }

  if (schemes[0] != NULL)
    {
      g_autofree char *list = objector_mail_list_some (schemes, g_strv_length ((char **) schemes), 5);

      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
                                    _("It has links that open a program instead of a web page (%s)"),
                                    list);
    }

  if (self->n_unscanned > 0)
    {
      g_autofree char *size = objector_mail_format_size (self->largest_unscanned);

      objector_mail_judgement_addf (judgement, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "A text part of %1$s is too large to look at, so "
                                                 "where its links lead is unknown",
                                                 "%2$u text parts (the largest %1$s) are too large to "
                                                 "look at, so where their links lead is unknown",
                                                 self->n_unscanned),
                                    size, self->n_unscanned);
    }
}

static void
replace_strv (char      ***strv,
              GPtrArray   *array)
{
  g_strfreev (*strv);
  g_ptr_array_add (array, NULL);
  *strv = (char **) g_ptr_array_free (array, FALSE);
}

void
objector_mail_judge (ObjectorMail      *self,
                     ObjectorMailRules *rules)
{
  ObjectorPlaybook *playbook = objector_mail_rules_get_playbook (rules);
  const char * const *stems = objector_mail_rules_get_stems (rules);
  ObjectorMailJudgement judgement;
  g_autoptr(GPtrArray) foreign = g_ptr_array_new ();
  const char *imitated;

  objector_mail_judgement_init (&judgement);

  self->from_meta = objector_mail_domain_is_meta (playbook, self->from_domain);
  imitated = objector_lookalike_imitated_domain (playbook, stems, self->from_domain);

  judge_sender (self, playbook, imitated, &judgement);
  judge_authentication (self, playbook, &judgement);
  judge_return_addresses (self, playbook, &judgement);
  judge_links (self, foreign, &judgement);

  /* Verified only from Meta, and only when nothing at all was wrong. */
  g_assert (judgement.verdict != OBJECTOR_MAIL_VERDICT_VERIFIED
            || (self->from_meta && judgement.notes->len == 0));
  self->verdict = judgement.verdict;
  self->claims_meta = self->from_meta || imitated != NULL
                      || objector_lookalike_names_meta (stems, self->from_name, FALSE)
                      || objector_lookalike_names_meta (stems, domain_of (self->reply_to), FALSE)
                      || objector_lookalike_names_meta (stems, domain_of (self->return_path), FALSE)
                      || objector_lookalike_names_meta (stems, domain_of (self->sender), FALSE);

  replace_strv (&self->trust_notes, g_steal_pointer (&judgement.notes));
  replace_strv (&self->foreign_hosts, g_steal_pointer (&foreign));
  objector_mail_judgement_clear (&judgement);
}

/* objector-mail-provider.c — the IMAP servers of well-known mail providers
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table. Where an entry was checked, and against what, docs/imap.md
 * says ("Providers"); a server that changes is one line here.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-mail-provider.h"

typedef struct
{
  ObjectorMailProvider  provider;
  const char           *domains[32];
} ProviderEntry;

#define TLS OBJECTOR_IMAP_SECURITY_TLS

static const ProviderEntry entries[] = {
  { { "gmail", "Gmail", "imap.gmail.com", 993, TLS, TRUE, FALSE,
      N_("Google accepts only an app password here (Google Account → Security → App passwords, "
         "with 2-Step Verification on); adding the account in Settings → Online Accounts "
         "needs no password at all.") },
    { "gmail.com", "googlemail.com" } },
  { { "outlook", "Outlook.com", "outlook.office365.com", 993, TLS, TRUE, FALSE,
      N_("Outlook.com lets apps in only with a Microsoft sign-in: add the account in "
         "Settings → Online Accounts (Microsoft) rather than here; an app password works "
         "only where Microsoft still allows it, with two-step verification on.") },
    { "outlook.com", "outlook.de", "outlook.fr", "outlook.es", "outlook.it", "outlook.be",
      "hotmail.com", "hotmail.de", "hotmail.fr", "hotmail.co.uk", "hotmail.it", "hotmail.es",
      "hotmail.nl", "hotmail.be", "hotmail.ch", "live.com", "live.de", "live.fr", "live.nl",
      "live.be", "live.it", "live.at", "live.co.uk", "msn.com", "outlook.at", "outlook.pt",
      "outlook.ie", "outlook.com.br" } },
  { { "yahoo", "Yahoo Mail", "imap.mail.yahoo.com", 993, TLS, TRUE, FALSE,
      N_("Yahoo accepts only an app password here: make one under Account info → "
         "Account security → Generate app password.") },
    { "yahoo.com", "yahoo.de", "yahoo.fr", "yahoo.co.uk", "yahoo.it", "yahoo.es", "yahoo.nl",
      "yahoo.pl", "ymail.com", "rocketmail.com" } },
  { { "icloud", "iCloud Mail", "imap.mail.me.com", 993, TLS, TRUE, TRUE,
      N_("Apple accepts only an app-specific password here (account.apple.com → Sign-In and "
         "Security → App-Specific Passwords); the user name is your address without "
         "“@icloud.com”.") },
    { "icloud.com", "me.com", "mac.com" } },
  { { "gmx", "GMX", "imap.gmx.net", 993, TLS, FALSE, FALSE,
      N_("Turn on access by POP3 and IMAP in GMX’s web mail first (Settings → POP3 & IMAP).") },
    { "gmx.de", "gmx.net", "gmx.at", "gmx.ch" } },
  { { "gmx-com", "GMX", "imap.gmx.com", 993, TLS, FALSE, FALSE,
      N_("Turn on access by POP3 and IMAP in GMX’s web mail first (Settings → POP3 & IMAP).") },
    { "gmx.com", "gmx.fr", "gmx.es", "gmx.co.uk" } },
  { { "web-de", "WEB.DE", "imap.web.de", 993, TLS, FALSE, FALSE,
      N_("Turn on access by POP3 and IMAP in WEB.DE’s web mail first (Settings → POP3/IMAP).") },
    { "web.de" } },
  { { "t-online", "Telekom (T-Online)", "secureimap.t-online.de", 993, TLS, TRUE, FALSE,
      N_("Telekom wants its separate e-mail password here, not the one of your Telekom login: "
         "set it in the E-Mail Center’s settings.") },
    { "t-online.de", "magenta.de" } },
  { { "orange", "Orange", "imap.orange.fr", 993, TLS, FALSE, FALSE, NULL },
    { "orange.fr", "wanadoo.fr" } },
  { { "free", "Free", "imap.free.fr", 993, TLS, FALSE, FALSE, NULL },
    { "free.fr" } },
  { { "sfr", "SFR", "imap.sfr.fr", 993, TLS, FALSE, FALSE, NULL },
    { "sfr.fr", "neuf.fr", "cegetel.net" } },
  { { "libero", "Libero Mail", "imapmail.libero.it", 993, TLS, FALSE, FALSE, NULL },
    { "libero.it", "inwind.it", "iol.it", "blu.it", "giallo.it" } },
  { { "virgilio", "Virgilio Mail", "in.virgilio.it", 993, TLS, FALSE, FALSE, NULL },
    { "virgilio.it" } },
  { { "posteo", "Posteo", "posteo.de", 993, TLS, FALSE, FALSE, NULL },
    { "posteo.de", "posteo.net", "posteo.eu", "posteo.at", "posteo.ch", "posteo.org",
      "posteo.be", "posteo.nl", "posteo.es", "posteo.fr", "posteo.it", "posteo.pl" } },
  { { "mailbox-org", "mailbox.org", "imap.mailbox.org", 993, TLS, FALSE, FALSE, NULL },
    { "mailbox.org" } },
  { { "proton", "Proton Mail", "127.0.0.1", 1143, OBJECTOR_IMAP_SECURITY_STARTTLS, TRUE, FALSE,
      N_("Proton Mail is read through Proton Mail Bridge, which must be installed and running: "
         "use the user name and password Bridge shows, not your Proton password.") },
    { "proton.me", "protonmail.com", "protonmail.ch", "pm.me" } },
  { { "fastmail", "Fastmail", "imap.fastmail.com", 993, TLS, TRUE, FALSE,
      N_("Fastmail accepts only an app password here: make one under Settings → "
         "Privacy & Security → Manage app passwords.") },
    { "fastmail.com", "fastmail.fm", "fastmail.org", "fastmail.net", "fastmail.de",
      "fastmail.uk", "fastmail.to", "fastmail.mx", "sent.com", "messagingengine.com" } },
  { { "zoho", "Zoho Mail", "imap.zoho.eu", 993, TLS, FALSE, FALSE,
      N_("Turn on IMAP access in Zoho Mail’s settings first; with two-factor authentication "
         "on, Zoho wants an app-specific password.") },
    { "zohomail.eu", "zoho.eu" } },
  { { "zoho-com", "Zoho Mail", "imap.zoho.com", 993, TLS, FALSE, FALSE,
      N_("Turn on IMAP access in Zoho Mail’s settings first; with two-factor authentication "
         "on, Zoho wants an app-specific password.") },
    { "zoho.com", "zohomail.com" } },
  { { "o2-pl", "Poczta o2", "poczta.o2.pl", 993, TLS, FALSE, FALSE,
      N_("Turn on access by other programs (IMAP) in the web mail’s settings first.") },
    { "o2.pl", "tlen.pl", "go2.pl", "prokonto.pl" } },
  { { "wp-pl", "Poczta WP", "imap.wp.pl", 993, TLS, FALSE, FALSE,
      N_("Turn on access by other programs (IMAP) in the web mail’s settings first.") },
    { "wp.pl" } },
  { { "onet", "Poczta Onet", "imap.poczta.onet.pl", 993, TLS, FALSE, FALSE,
      N_("Turn on access by other programs (IMAP) in the web mail’s settings first.") },
    { "onet.pl", "op.pl", "onet.eu", "poczta.onet.pl", "vp.pl", "spoko.pl", "buziaczek.pl",
      "autograf.pl" } },
  { { "ziggo", "Ziggo Mail", "imap.ziggo.nl", 993, TLS, FALSE, FALSE, NULL },
    { "ziggo.nl", "upcmail.nl" } },
  { { "kpn", "KPN Mail", "imap.kpnmail.nl", 993, TLS, FALSE, FALSE, NULL },
    { "kpnmail.nl", "kpnplanet.nl", "planet.nl", "hetnet.nl", "home.nl" } },
  { { "telenet", "Telenet", "imap.telenet.be", 993, TLS, FALSE, FALSE, NULL },
    { "telenet.be" } },
  { { "proximus", "Proximus (Skynet)", "imap.proximus.be", 993, TLS, FALSE, FALSE, NULL },
    { "skynet.be", "proximus.be" } },
  { { "seznam", "Seznam Email", "imap.seznam.cz", 993, TLS, FALSE, FALSE,
      N_("Turn on access by other programs (IMAP) in Seznam Email’s settings first.") },
    { "seznam.cz", "email.cz", "post.cz", "spoluzaci.cz" } },
};

#undef TLS

const ObjectorMailProvider *
objector_mail_provider_suggest (const char *address)
{
  const char *at;
  g_autofree char *domain = NULL;

  g_return_val_if_fail (address != NULL, NULL);

  at = strrchr (address, '@');
  if (at == NULL || at[1] == '\0')
    return NULL;
  domain = g_ascii_strdown (at + 1, -1);
  g_strstrip (domain);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    for (guint j = 0; j < G_N_ELEMENTS (entries[i].domains) && entries[i].domains[j] != NULL; j++)
      if (g_str_equal (domain, entries[i].domains[j]))
        return &entries[i].provider;

  return NULL;
}

const ObjectorMailProvider *
objector_mail_provider_for_host (const char *host)
{
  g_return_val_if_fail (host != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (g_ascii_strcasecmp (host, entries[i].provider.host) == 0
        && !g_str_equal (entries[i].provider.host, "127.0.0.1"))
      return &entries[i].provider;
  return NULL;
}

char *
objector_mail_provider_dup_user (const ObjectorMailProvider *provider,
                                 const char                 *address)
{
  const char *at;

  g_return_val_if_fail (provider != NULL, NULL);
  g_return_val_if_fail (address != NULL, NULL);

  at = strrchr (address, '@');
  if (provider->local_part_user && at != NULL)
    return g_strndup (address, at - address);
  return g_strdup (address);
}

const char *
objector_mail_provider_get_hint (const ObjectorMailProvider *provider)
{
  g_return_val_if_fail (provider != NULL, NULL);

  return provider->hint != NULL ? _(provider->hint) : NULL;
}

const ObjectorMailProvider * const *
objector_mail_provider_all (void)
{
  static const ObjectorMailProvider *all[G_N_ELEMENTS (entries) + 1];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        all[i] = &entries[i].provider;
      g_once_init_leave (&done, 1);
    }
  return all;
}

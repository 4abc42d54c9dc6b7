/* objector-cli-private.h — what the command files share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "objector-cli.h"
#include "objector-draft.h"
#include "objector-imap-account.h"
#include "objector-mail.h"
#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

typedef struct
{
  /* global options */
  char     *playbook_file;
  gboolean  version;

  /* per command; a command takes those its table entry names */
  char     *country;
  char     *email;
  char     *account;
  char     *reason;
  char     *note;
  char     *to;
  gboolean  json;
  gboolean  redact;
  gboolean  notify;
  char     *name;
  char     *url;
  char     *region;
  char     *authority;
  char     *language;
  char     *kind;
  gboolean  all;
  gboolean  confirm;
  gboolean  password_stdin;
  char     *cafile;
  char     *since;
  gboolean  log;

  char    **args;  /* positional arguments after the command word */
} CliOptions;

typedef int (*CommandFunc) (CliOptions *options);

typedef struct
{
  const char  *name;
  const char  *parameters;   /* for --help */
  const char  *summary;      /* translatable, marked with N_() */
  guint        min_args;     /* positional arguments */
  int          max_args;     /* -1: no limit */
  const char  *options;      /* the per-command options it takes, space-separated */
  CommandFunc  run;
} Command;

/* Print "objector: MESSAGE" and return OBJECTOR_EXIT_FAILED. */
int               objector_cli_fail           (GError      *error);
/* Print the message and where to find help; return OBJECTOR_EXIT_USAGE. */
int               objector_cli_usage_error    (const char  *command,
                                               const char  *message);
void              objector_cli_print_json     (JsonNode    *node);
/* Member @name: @value, or null. */
void              objector_cli_add_string_or_null (JsonBuilder *builder,
                                                   const char  *name,
                                                   const char  *value);
ObjectorPlaybook *objector_cli_load_playbook  (CliOptions  *options,
                                               GError     **error);
/* NULL when the store could not be read (a damaged file is set aside first). */
ObjectorStore    *objector_cli_load_store     (GError     **error);
char             *objector_cli_short_id       (ObjectorObjection *objection);
/* What the person chose in the app, unless an option says otherwise: @given
 * (the option's value) if not %NULL, else @getter on the wizard's draft,
 * read without changing it — e.g. the region that picks among Germany's
 * Länder (--region), or the person's name (--name). %NULL when neither says;
 * %NULL with @error set when the wizard's file cannot be read. */
typedef const char *(*ObjectorDraftGetter) (ObjectorDraft *draft);
char             *objector_cli_dup_app_choice (const char           *given,
                                               ObjectorDraftGetter   getter,
                                               GError              **error);

/* objector-cli-report.c */
int               objector_cli_export_pdf     (CliOptions  *options);

/* objector-cli-net.c */
int               objector_cli_check_links      (CliOptions  *options);
int               objector_cli_update_playbook  (CliOptions  *options);

/* objector-cli-reminders.c */
int               objector_cli_remind           (CliOptions  *options);

/* objector-cli-complaint.c */
int               objector_cli_complaint        (CliOptions  *options);

/* objector-cli-mail.c */
int               objector_cli_import_email     (CliOptions  *options);
int               objector_cli_scan_mail        (CliOptions  *options);
/* A line that holds mail text, with nothing in it that acts on a terminal. */
void              objector_cli_print_safe       (gboolean               to_stderr,
                                                 const char            *line);
/* @filename: where it was read from, for the hint on confirming it; NULL for
 * a mail account's message. */
char             *objector_cli_describe_logged  (ObjectorMail          *mail,
                                                 const char            *filename,
                                                 ObjectorMailLogResult *result);
JsonNode         *objector_cli_scan_json        (GPtrArray     *found,
                                                 ObjectorStore *store);
guint             objector_cli_print_found      (GPtrArray     *found,
                                                 ObjectorStore *store,
                                                 guint         *unrecognised,
                                                 guint         *other);
void              objector_cli_print_found_kinds (guint        unrecognised,
                                                  guint        other);

/* objector-cli-imap.c: scan-mail imaps://…, and --log for every form */
int               objector_cli_scan_imap        (CliOptions    *options);
/* What a scan of a mail account needs besides the account and its
 * credential: each step returns OBJECTOR_EXIT_OK or the exit status of the
 * message it printed. */
typedef struct
{
  ObjectorPlaybook *playbook;
  ObjectorStore    *store;
  GDateTime        *since;
} CliImapScan;
void              objector_cli_imap_scan_clear  (CliImapScan   *scan);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliImapScan, objector_cli_imap_scan_clear)
/* --since, read. */
int               objector_cli_imap_scan_check_since (CliOptions  *options,
                                                      CliImapScan *scan);
/* --cafile checked, the playbook and the store read, the day to search
 * from (--since, else the day before the first objection). */
int               objector_cli_imap_scan_prepare (CliOptions  *options,
                                                  CliImapScan *scan);
/* The scan, what it found printed (or as JSON), and --log. */
int               objector_cli_imap_scan_run    (CliOptions                   *options,
                                                 CliImapScan                  *scan,
                                                 ObjectorImapAccount          *account,
                                                 const ObjectorImapCredential *credential);
/* The password of @account from standard input (asked when a terminal). */
char             *objector_cli_read_password    (ObjectorImapAccount  *account,
                                                 GError              **error);
/* FALSE, after a usage message, when options only a mail account takes
 * were given with a file. */
gboolean          objector_cli_scan_check_file_options (CliOptions *options);
/* Logs each verified answer among @found on the objection it answers, and
 * says what it did (on standard error when @to_stderr: stdout holds JSON). */
int               objector_cli_log_found        (ObjectorStore *store,
                                                 GPtrArray     *found,
                                                 gboolean       to_stderr);

/* objector-cli-accounts.c: the person's mail accounts */
int               objector_cli_accounts         (CliOptions    *options);
/* scan-mail --account ID */
int               objector_cli_scan_account     (CliOptions    *options);

G_END_DECLS

/* objector-cli-private.h — what the command files share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "objector-cli.h"
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
ObjectorPlaybook *objector_cli_load_playbook  (CliOptions  *options,
                                               GError     **error);
/* NULL when the store could not be read (a damaged file is set aside first). */
ObjectorStore    *objector_cli_load_store     (GError     **error);
char             *objector_cli_format_date    (const GDate *date);   /* YYYY-MM-DD */
char             *objector_cli_format_time    (GDateTime   *time);   /* ISO 8601, UTC */
char             *objector_cli_short_id       (ObjectorObjection *objection);

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

G_END_DECLS

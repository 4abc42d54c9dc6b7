/* objector-error.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OBJECTOR_ERROR (objector_error_quark ())

typedef enum
{
  OBJECTOR_ERROR_FAILED,
  OBJECTOR_ERROR_INVALID_PLAYBOOK,   /* the playbook fails validation */
  OBJECTOR_ERROR_ILLEGAL_EVENT,      /* the state machine refuses an event */
  OBJECTOR_ERROR_NOT_FOUND,          /* no objection or path with that id */
  OBJECTOR_ERROR_AMBIGUOUS,          /* an id prefix matches several objections */
  OBJECTOR_ERROR_INVALID_INPUT,      /* a value the person typed is not usable */
  OBJECTOR_ERROR_STORE_DAMAGED,      /* the saved file could not be read; it was kept aside */
  OBJECTOR_ERROR_STORE_READ_ONLY,    /* the saved file is from a newer version */
  OBJECTOR_ERROR_STORE_IO,           /* reading or writing the saved file failed */
  OBJECTOR_ERROR_NETWORK,            /* a download failed: offline, time limit, TLS, HTTP status */
  OBJECTOR_ERROR_BAD_UPDATE,         /* a downloaded playbook is not usable: type, size, version */
  OBJECTOR_ERROR_INVALID_MAIL,       /* a file or text is not a readable email: empty, too large, no headers */
  OBJECTOR_ERROR_EXPORT_IO,          /* writing an exported file (the PDF summary) failed */
  OBJECTOR_ERROR_INVALID_DATA,       /* a bundled data file (authorities, complaint texts) fails validation */
  OBJECTOR_ERROR_NEEDS_REGION,       /* the country has one authority per region: name the region */
  OBJECTOR_ERROR_NO_GROUNDS,         /* no complaint yet: Meta has not refused, or still has time */
  OBJECTOR_ERROR_AUTH_FAILED,        /* a mail server refused the user name, password or token */
  OBJECTOR_ERROR_UNAVAILABLE,        /* a desktop service (GNOME Online Accounts, the keyring) is not there */
  OBJECTOR_ERROR_NEEDS_PASSWORD,     /* no password is known for a mail account: ask the person */
  OBJECTOR_ERROR_ACCOUNT_SETTINGS,   /* an online account must be fixed in Settings → Online Accounts */
} ObjectorError;

GQuark objector_error_quark (void);

G_END_DECLS

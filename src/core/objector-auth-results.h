/* objector-auth-results.h — the receiving server's Authentication-Results (RFC 8601)
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mail server that received a message writes, at its top, what it found
 * when it checked the sender: DKIM signatures, SPF, DMARC. Everything below
 * that header came with the message and may have been written by whoever
 * sent it, so only the topmost Authentication-Results header counts. It is
 * read by the grammar of RFC 8601: comments and quoted strings are skipped
 * or kept whole, so a ";" or a "dkim=pass" inside either is no result.
 */

#pragma once

#include <glib.h>

#include "objector-mail-verdict.h"
#include "objector-playbook.h"

G_BEGIN_DECLS

/* One "method=result" with its properties ("header.d" → "facebookmail.com"). */
typedef struct
{
  char  *method;      /* lower case: "dkim", "spf", "dmarc", "arc", … */
  char  *result;      /* lower case: "pass", "fail", "none", … */
  char  *reason;      /* nullable */
  char **properties;  /* pairs: "header.d", "facebookmail.com", …, NULL; names in lower case */
} ObjectorAuthResult;

typedef struct
{
  char      *authserv_id;  /* the server that checked: "mx.example.org"; "" when
                            * it left its name out, as Microsoft's servers do */
  gboolean   none;         /* "; none": it checked nothing */
  GPtrArray *results;      /* of ObjectorAuthResult, in order */
} ObjectorAuthResults;

/* Reads one header value (what follows "Authentication-Results:"; folded
 * lines and all). Fails with OBJECTOR_ERROR_INVALID_MAIL and a message that
 * says where, when it does not follow the grammar: nothing of a header that
 * cannot be read whole is believed. */
ObjectorAuthResults *objector_auth_results_parse         (const char                *value,
                                                          GError                   **error);
void                 objector_auth_results_free          (ObjectorAuthResults       *results);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorAuthResults, objector_auth_results_free)

/* The last value of the property @name ("header.d", "smtp.mailfrom"), or NULL. */
const char          *objector_auth_result_get_property   (const ObjectorAuthResult  *result,
                                                          const char                *name);

/* Judges the message's headers as Objector must before it believes an email
 * is Meta's: @headers are its Authentication-Results headers, topmost
 * first (NULL or empty: none); @from_domain the domain of its one From
 * address (lower case ASCII; NULL when there is none). Verified needs:
 *  - the topmost header, read whole;
 *  - DKIM: every result "pass", and at least one by a Meta domain
 *    (objector_mail_domain_is_meta) aligned with @from_domain (the same one
 *    of Meta's registrable domains), named by header.d or header.i;
 *  - DMARC: every result "pass", each for @from_domain itself (header.from);
 *  - SPF, when reported: no failure, and an envelope sender at Meta.
 * Anything else adds a note to @judgement that says what, and lowers the
 * verdict: a failure, or a pass for someone else, to suspicious; a missing
 * or unusable result to unverifiable. Several results for one method that
 * do not all pass are a failure. */
void                 objector_auth_results_judge         (const char * const        *headers,
                                                          const char                *from_domain,
                                                          ObjectorPlaybook          *playbook,
                                                          ObjectorMailJudgement     *judgement);

G_END_DECLS

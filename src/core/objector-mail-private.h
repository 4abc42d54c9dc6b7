/* objector-mail-private.h — what the mail files share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmime/gmime.h>

#include "objector-mail.h"
#include "objector-mail-links.h"

G_BEGIN_DECLS

/* GMime 3.2 defines no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InternetAddressList, g_object_unref)

struct _ObjectorMail
{
  GObject           parent_instance;

  GError           *error;         /* set on placeholders for unreadable messages */
  char             *source;
  guint             source_index;

  char             *from;          /* at most OBJECTOR_MAIL_MAX_TEXT_BYTES */
  char             *from_name;
  char             *from_address;
  char             *from_domain;
  guint             n_from_headers;
  guint             n_from_mailboxes;
  gboolean          from_group;    /* From names a group ("Meta: a@x, b@y;") */
  char             *sender;        /* the Sender header's address */
  char            **recipients;
  GDateTime        *date;
  char             *subject;
  char             *message_id;
  char             *reply_to;
  char             *return_path;
  char            **authentication_results;
  gboolean          has_arc;       /* ARC-* headers: what servers on the way said */
  char             *body;
  ObjectorLinkSet  *links;
  guint             n_unscanned;   /* text parts too large to look at for links */
  guint64           largest_unscanned;
  char             *digest;
  gboolean          no_headers;    /* an Outlook file that kept no Internet headers */
  guint             n_headers_dropped;  /* too large, or too many, to read */
  guint64           largest_dropped;

  /* objector_mail_check() */
  ObjectorMailKind  kind;
  gboolean          kind_corrected;
  const char       *platform;      /* interned */
  char             *code;
  gboolean          from_meta;
  gboolean          claims_meta;
  ObjectorMailVerdict verdict;
  char            **trust_notes;
  char            **foreign_hosts; /* at most OBJECTOR_MAIL_MAX_LISTED */
};

/* How many foreign hosts an email keeps and lists; its notes count the rest. */
#define OBJECTOR_MAIL_MAX_LISTED 20

/* The playbook's rules, folded once for many checks (a scan). */
typedef struct _ObjectorMailRules ObjectorMailRules;

ObjectorMailRules  *objector_mail_rules_new         (ObjectorPlaybook  *playbook);
void                objector_mail_rules_free        (ObjectorMailRules *rules);
const char * const *objector_mail_rules_get_stems   (ObjectorMailRules *rules);
ObjectorPlaybook   *objector_mail_rules_get_playbook (ObjectorMailRules *rules);
void                objector_mail_check_with_rules  (ObjectorMail      *self,
                                                     ObjectorMailRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorMailRules, objector_mail_rules_free)

/* Judges whether @self is Meta's (objector-mail-trust.c): sets from_meta,
 * claims_meta, verdict, trust_notes and foreign_hosts. */
void          objector_mail_judge               (ObjectorMail      *self,
                                                 ObjectorMailRules *rules);

/* objector_mail_get_event() for a kind, such as a logged email's. */
gboolean      objector_mail_kind_get_event      (ObjectorMailKind   kind,
                                                 ObjectorObjection *objection,
                                                 ObjectorEvent     *event);

/* Property notifications, from objector-mail-check.c. */
void          objector_mail_notify_checked      (ObjectorMail     *self,
                                                 ObjectorMailKind  old_kind,
                                                 const char       *old_platform,
                                                 ObjectorMailVerdict old_verdict,
                                                 gboolean          old_from_meta);
void          objector_mail_notify_kind         (ObjectorMail *self);

/* Calls g_mime_init() once, from whichever thread comes first. */
void          objector_mail_init_gmime          (void);
/* How every message is parsed (loose compliance, fallback charsets). */
GMimeParserOptions *objector_mail_get_parser_options (void);

/* A raw "Name: value" line (@length bytes, no line end needed): a name of
 * printable ASCII, then optional blanks and a colon. */
gboolean      objector_mail_is_header_line      (const char   *line,
                                                 gsize         length);
/* objector-mail-read.c: the message with its header block bounded before
 * GMime reads it (display headers cut, headers over 4 MB and fields past
 * the 10,000th left out; *@n_dropped and *@largest say what was left out),
 * or NULL when nothing had to change. */
GString      *objector_mail_bound_headers       (const char   *start,
                                                 const char   *end,
                                                 guint        *n_dropped,
                                                 guint64      *largest);
/* Fills @self's headers, recipients, body and links from @message. */
void          objector_mail_read_message        (ObjectorMail *self,
                                                 GMimeMessage *message);
/* Up to @max bytes of a regular file (objector_mail_open_regular()). */
gboolean      objector_mail_read_regular_file   (const char   *filename,
                                                 gsize         max,
                                                 char        **contents,
                                                 gsize        *length,
                                                 GError      **error);

/* Parses one message held in memory (@data need not be NUL-terminated). */
ObjectorMail *objector_mail_new_from_data       (const char   *data,
                                                 gsize         length,
                                                 const char   *source,
                                                 guint         source_index,
                                                 GError      **error);
/* A placeholder for a message that could not be read; takes @error. */
ObjectorMail *objector_mail_new_failed          (const char   *source,
                                                 guint         source_index,
                                                 GError       *error);

/* An Outlook .msg file (a Compound File) rebuilt as RFC 822 text: its
 * original Internet headers and its body (objector-mail-msg.c). @subject
 * names the file in errors ("“x.msg”"). *@has_headers is FALSE for a copy
 * or draft that kept none: its sender is then only what Outlook says. */
GBytes       *objector_mail_msg_to_rfc822       (const guint8 *data,
                                                 gsize         length,
                                                 const char   *subject,
                                                 gboolean     *has_headers,
                                                 GError      **error);

/* What a file that is not a regular one is, for a sentence ("a named pipe
 * (FIFO)", "a device", "a socket", "a folder"); NULL for a regular file.
 * @mode: st_mode of stat(). */
const char   *objector_mail_describe_special    (unsigned int  mode);
/* Opens @filename for reading without ever blocking (O_NONBLOCK), and only
 * when it is a regular file (fstat() after the open); fills @st. Returns the
 * descriptor, or -1 with @error set (OBJECTOR_ERROR_INVALID_MAIL for a
 * special file, a G_FILE_ERROR otherwise). */
struct stat;
int           objector_mail_open_regular        (const char   *filename,
                                                 struct stat  *st,
                                                 GError      **error);

/* "2.1 GB", "64 MB": sizes in messages, in decimal units. */
char         *objector_mail_format_size         (guint64       size);

/* A cheap look at the raw header block of a message: could it be from
 * Meta, or pretend to be? Looks at From, Sender, Reply-To and Return-Path
 * only, so that a scan parses only the few messages that may matter
 * (objector-mail-prefilter.c). @stems: objector_lookalike_dup_stems(). */
gboolean      objector_mail_headers_may_be_meta (const char * const *stems,
                                                 const char   *headers,
                                                 gsize         length);

G_END_DECLS

/* objector-report-content.c — what the report says, read from the objections
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-clock.h"
#include "objector-country.h"
#include "objector-mail-verdict.h"
#include "objector-redact.h"
#include "objector-report-private.h"

/* Content */

static void
content_clear (Content *content)
{
  g_clear_pointer (&content->blocks, g_ptr_array_unref);
  g_clear_pointer (&content->title, g_free);
  g_clear_pointer (&content->subject, g_free);
  g_clear_pointer (&content->author, g_free);
  g_clear_pointer (&content->keywords, g_free);
  g_clear_pointer (&content->created, g_free);
  g_clear_pointer (&content->header_left, g_free);
  g_clear_pointer (&content->header_right, g_free);
  g_clear_pointer (&content->footer_note, g_free);
}

Content *
_objector_report_content_ref (Content *content)
{
  return g_atomic_rc_box_acquire (content);
}

void
_objector_report_content_unref (Content *content)
{
  g_atomic_rc_box_release_full (content, (GDestroyNotify) content_clear);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < block->n_cells; i++)
    {
      g_free (block->cells[i].text);
      g_free (block->cells[i].link);
    }
  g_free (block->cells);
  g_free (block->outline);
  g_free (block);
}

static Block *
add_block (GPtrArray *blocks,
           BlockKind  kind,
           guint      n_cells)
{
  Block *block = g_new0 (Block, 1);

  g_assert (n_cells <= MAX_CELLS);

  block->kind = kind;
  block->n_cells = n_cells;
  block->section = -1;
  block->cells = g_new0 (Cell, MAX (n_cells, 1));
  for (guint i = 0; i < n_cells; i++)
    block->cells[i].page_of = -1;
  g_ptr_array_add (blocks, block);
  return block;
}

/* Records come from JSON and the person's typing, but a damaged byte must
 * not stop the summary (nor reach Pango, markup escaping or the PDF's
 * strings, which all want UTF-8): it shows as U+FFFD. Takes @text. */
static char *
take_valid (char *text)
{
  char *valid;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;
  valid = g_utf8_make_valid (text, -1);
  g_free (text);
  return valid;
}

/* Takes @text. */
static void
cell_take (Cell  *cell,
           Style  style,
           char  *text)
{
  cell->style = style;
  cell->text = text != NULL ? take_valid (text) : g_strdup ("");
}

static void
add_text (GPtrArray  *blocks,
          BlockKind   kind,
          Style       style,
          const char *text)
{
  Block *block = add_block (blocks, kind, 1);

  cell_take (&block->cells[0], style, g_strdup (text));
}

/* Takes @value. */
static Cell *
add_field (GPtrArray  *blocks,
           BlockKind   kind,
           const char *label,
           Style       style,
           char       *value)
{
  Block *block = add_block (blocks, kind, 2);

  cell_take (&block->cells[0], STYLE_LABEL, g_strdup (label));
  cell_take (&block->cells[1], style, value);
  return &block->cells[1];
}

/* Redaction: each of the person's addresses, in every way it may be
 * written (objector-redact.c), becomes the replacement. */
typedef struct
{
  ObjectorRedactor *addresses;    /* NULL: redaction off */
  const char       *replacement;
} Redactor;

static void
redactor_init (Redactor           *self,
               const char * const *addresses,
               const char         *replacement)
{
  self->replacement = replacement;
  self->addresses = objector_redactor_new (addresses, replacement);
}

static void
redactor_clear (Redactor *self)
{
  g_clear_pointer (&self->addresses, objector_redactor_free);
}

static char *
redact (Redactor   *self,
        const char *text)
{
  if (text == NULL)
    return NULL;
  if (self->addresses == NULL)
    return take_valid (g_strdup (text));

  return take_valid (objector_redactor_apply (self->addresses, text));
}

/* Formatting */

char *
_objector_report_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *offset = NULL;

  if (time == NULL)
    return NULL;

  /* The zone with every time: summer and winter time differ within a year. */
  local = g_date_time_to_local (time);
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  offset = g_date_time_format (local, "%:z");
  return g_strdup_printf ("%s UTC%s", when, offset);
}

static char *
format_date (const GDate *date)
{
  char buffer[32];

  if (date == NULL || !g_date_valid (date))
    return NULL;
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

static char *
format_date_of (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d");
}

static const char *
platform_label (const char *platform)
{
  if (g_strcmp0 (platform, "facebook") == 0)
    return "Facebook";
  if (g_strcmp0 (platform, "instagram") == 0)
    return "Instagram";
  /* Translators: the platform of a request that covers all of Meta's services. */
  return _("Meta (all platforms)");
}

static const char *
mail_kind_label (const char *nick)
{
  ObjectorMailKind kind;

  if (nick == NULL || !objector_mail_kind_from_string (nick, &kind))
    return nick;

  switch (kind)
    {
    case OBJECTOR_MAIL_KIND_CODE:      return _("Confirmation code");
    case OBJECTOR_MAIL_KIND_RECEIPT:   return _("Receipt");
    case OBJECTOR_MAIL_KIND_APPROVAL:  return _("Objection accepted");
    case OBJECTOR_MAIL_KIND_REJECTION: return _("Objection rejected");
    case OBJECTOR_MAIL_KIND_EXTENSION: return _("Deadline extended");
    case OBJECTOR_MAIL_KIND_OTHER:     return _("Other message");
    case OBJECTOR_MAIL_KIND_UNRECOGNISED: return _("Not recognised");
    default:                           return nick;
    }
}

/* @texts joined with @separator; NULL when there are none. */
static char *
join_texts (const char * const *texts,
            const char         *separator)
{
  if (texts == NULL || texts[0] == NULL)
    return NULL;
  return g_strjoinv (separator, (char **) texts);
}

static char *
format_email_date (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  time = g_date_time_new_from_iso8601 (text, utc);
  return time != NULL ? _objector_report_format_time (time) : g_strdup (text);
}

static char *
dup_or_dash (const char *text)
{
  return g_strdup (text != NULL && *text != '\0' ? text : "—");
}

/* The content of one objection */

typedef struct
{
  ObjectorReport *report;
  GPtrArray      *blocks;
  Redactor        redactor;
  GDateTime      *now;
  guint           n_objections;
} Builder;

static char *
objection_title (Builder           *builder,
                 ObjectorObjection *objection)
{
  const char *path_id = objector_objection_get_path_id (objection);
  ObjectorPath *path = NULL;

  if (builder->report->playbook != NULL && path_id != NULL)
    path = objector_playbook_lookup_path (builder->report->playbook, path_id);

  return take_valid (g_strdup (path != NULL ? objector_path_get_title (path)
                                             : path_id != NULL ? path_id : "—"));
}

static char *
due_text (Builder           *builder,
          ObjectorObjection *objection,
          Style             *style)
{
  g_autoptr(GDate) due = objector_objection_dup_due_date (objection);
  g_autofree char *date = format_date (due);
  ObjectorState state = objector_objection_get_state (objection);
  const char *extended = objector_objection_get_extended (objection)
                         ? _(", extended by Meta") : "";

  *style = STYLE_VALUE;

  if (date == NULL)
    return g_strdup (_("None yet: the objection has not been submitted"));

  if (objector_objection_is_overdue (objection, builder->now))
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (builder->now);
      g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (local),
                                               g_date_time_get_month (local),
                                               g_date_time_get_year (local));
      int days = g_date_days_between (due, today);

      *style = STYLE_ALERT;
      /* Translators: "2026-02-20 (overdue by 12 days: Meta has not answered in time)" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s%s (overdue by %d day: Meta has not answered in time)",
                                           "%s%s (overdue by %d days: Meta has not answered in time)",
                                           days),
                              date, extended, days);
    }

  if (objector_state_is_awaiting (state))
    return g_strdup_printf (_("%s%s (not yet due)"), date, extended);

  return g_strdup_printf (_("%s%s (no longer awaited: the objection is “%s”)"),
                          date, extended, objector_state_get_label (state));
}

static void
add_overview_row (Builder           *builder,
                  ObjectorObjection *objection,
                  guint              index)
{
  Block *row = add_block (builder->blocks, BLOCK_OVERVIEW_ROW, 6);
  g_autofree char *title = objection_title (builder, objection);
  g_autofree char *account = redact (&builder->redactor,
                                     objector_objection_get_account (objection));
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autoptr(GDate) due = objector_objection_dup_due_date (objection);
  g_autofree char *due_date = format_date (due);
  g_autofree char *submitted = format_date_of (objector_objection_get_submitted (objection));
  gboolean overdue = objector_objection_is_overdue (objection, builder->now);
  const char *state = objector_state_get_label (objector_objection_get_state (objection));
  char *objection_cell;

  if (account != NULL && *account != '\0')
    {
      g_autofree char *account_markup = g_markup_escape_text (account, -1);

      objection_cell = g_strdup_printf ("%s\n<span foreground=\"#5c5c5c\">%s</span>",
                                        title_markup, account_markup);
    }
  else
    objection_cell = g_steal_pointer (&title_markup);

  cell_take (&row->cells[0], STYLE_TABLE, g_strdup_printf ("%u", index + 1));
  cell_take (&row->cells[1], STYLE_TABLE, objection_cell);
  row->cells[1].markup = TRUE;
  if (overdue)
    /* Translators: a state in the overview table, followed by "overdue". */
    cell_take (&row->cells[2], STYLE_TABLE_ALERT, g_strdup_printf (_("%s, overdue"), state));
  else
    cell_take (&row->cells[2], STYLE_TABLE, g_strdup (state));
  cell_take (&row->cells[3], STYLE_TABLE, dup_or_dash (submitted));
  cell_take (&row->cells[4], overdue ? STYLE_TABLE_ALERT : STYLE_TABLE, dup_or_dash (due_date));
  cell_take (&row->cells[5], STYLE_TABLE_NUMBER, g_strdup (""));
  row->cells[5].page_of = index;
}

static void
add_timeline (Builder           *builder,
              ObjectorObjection *objection)
{
  GPtrArray *history = objector_objection_get_history (objection);
  g_autofree gboolean *undone = g_new0 (gboolean, MAX (history->len, 1));
  g_autoptr(GArray) standing = g_array_new (FALSE, FALSE, sizeof (guint));
  Block *head;

  /* Which steps a later undo took back, replayed as the objection does. */
  for (guint i = 0; i < history->len; i++)
    {
      ObjectorTransition *t = g_ptr_array_index (history, i);

      if (t->event == OBJECTOR_EVENT_UNDO)
        {
          if (standing->len > 0)
            {
              undone[g_array_index (standing, guint, standing->len - 1)] = TRUE;
              g_array_set_size (standing, standing->len - 1);
            }
        }
      else
        g_array_append_val (standing, i);
    }

  add_text (builder->blocks, BLOCK_SUBHEADING, STYLE_SUBHEADING, _("Timeline"));

  if (history->len == 0)
    {
      add_text (builder->blocks, BLOCK_PARAGRAPH, STYLE_BODY, _("No step recorded yet."));
      return;
    }

  head = add_block (builder->blocks, BLOCK_TIMELINE_HEAD, 4);
  cell_take (&head->cells[0], STYLE_TABLE_HEAD, g_strdup (_("Date and time")));
  cell_take (&head->cells[1], STYLE_TABLE_HEAD, g_strdup (_("Step")));
  cell_take (&head->cells[2], STYLE_TABLE_HEAD, g_strdup (_("State afterwards")));
  cell_take (&head->cells[3], STYLE_TABLE_HEAD, g_strdup (_("Note")));

  for (guint i = 0; i < history->len; i++)
    {
      ObjectorTransition *t = g_ptr_array_index (history, i);
      Block *row = add_block (builder->blocks, BLOCK_TIMELINE_ROW, 4);
      const char *event = objector_flow_step_label (t->event, t->from);

      cell_take (&row->cells[0], STYLE_TABLE, _objector_report_format_time (t->time));
      if (undone[i])
        /* Translators: a step of the timeline that the person took back later. */
        cell_take (&row->cells[1], STYLE_TABLE_MUTED,
                   g_strdup_printf (_("%s (undone later)"), event));
      else
        cell_take (&row->cells[1], STYLE_TABLE, g_strdup (event));
      cell_take (&row->cells[2], STYLE_TABLE, g_strdup (objector_state_get_label (t->to)));
      cell_take (&row->cells[3], STYLE_TABLE_MUTED, redact (&builder->redactor, t->note));
    }
}

static void
add_emails (Builder           *builder,
            ObjectorObjection *objection)
{
  GPtrArray *emails = objector_objection_get_emails (objection);
  guint shown = 0;

  add_text (builder->blocks, BLOCK_SUBHEADING, STYLE_SUBHEADING, _("Emails from Meta"));

  for (guint i = 0; i < emails->len; i++)
    shown += objector_email_record_is_damaged (g_ptr_array_index (emails, i)) ? 0 : 1;

  if (shown == 0)
    {
      add_text (builder->blocks, BLOCK_PARAGRAPH, STYLE_BODY, _("No email logged yet."));
      return;
    }

  for (guint i = 0, number = 0; i < emails->len; i++)
    {
      ObjectorEmailRecord *email = g_ptr_array_index (emails, i);
      ObjectorMailRecordVerdict verdict;
      const char *kind;
      g_autofree char *heading = NULL;
      g_autofree char *date = NULL;
      g_autofree char *to = NULL;
      g_autofree char *notes = NULL;
      g_autofree char *hosts = NULL;
      g_autofree char *excerpt = NULL;
      char *trust;
      Style trust_style = STYLE_VALUE;

      if (objector_email_record_is_damaged (email))
        continue;
      number++;

      kind = mail_kind_label (objector_email_record_get_kind_name (email));
      if (kind != NULL)
        /* Translators: "Email 2 of 3: Receipt" */
        heading = g_strdup_printf (_("Email %u of %u: %s"), number, shown, kind);
      else
        heading = g_strdup_printf (_("Email %u of %u"), number, shown);
      add_text (builder->blocks, BLOCK_MINOR_HEADING, STYLE_MINOR_HEADING, heading);

      date = format_email_date (objector_email_record_get_date_text (email));
      add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Date"), STYLE_VALUE, dup_or_dash (date));
      add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("From"), STYLE_VALUE,
                 redact (&builder->redactor, objector_email_record_get_from (email)));
      if ((to = join_texts (objector_email_record_get_to (email), ", ")) != NULL)
        add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("To"), STYLE_VALUE,
                   redact (&builder->redactor, to));
      add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Subject"), STYLE_STRONG,
                 redact (&builder->redactor, objector_email_record_get_subject (email)));

      verdict = objector_email_record_get_verdict (email);
      notes = join_texts (objector_email_record_get_trust_notes (email), " ");
      hosts = join_texts (objector_email_record_get_foreign_hosts (email), ", ");
      /* Verified only when the receiving server vouched for it; never
       * "every check passed" for what was not checked. */
      trust = objector_email_record_describe_verdict (email);
      if (verdict.verdict != OBJECTOR_MAIL_VERDICT_VERIFIED && !verdict.unchecked)
        trust_style = STYLE_ALERT;
      add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Trust"), trust_style, trust);
      if (notes != NULL)
        add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Why"), STYLE_VALUE,
                   redact (&builder->redactor, notes));
      if (hosts != NULL)
        add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Links lead to"), STYLE_VALUE,
                   redact (&builder->redactor, hosts));

      excerpt = redact (&builder->redactor, objector_email_record_get_excerpt (email));
      if (excerpt != NULL && *excerpt != '\0')
        /* Translators: the first lines of an email, quoted. */
        add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Excerpt"), STYLE_VALUE,
                   g_strdup_printf ("“%s”", excerpt));
    }
}

/* The authority a resident of @objection's country complains to, found as
 * the complaint finds it, for display ("Commission nationale de
 * l’informatique et des libertés (CNIL), https://www.cnil.fr/"); NULL when
 * there is none to name: no country, none listed for it, or a country of
 * regional authorities and the region not known. */
static char *
authority_text (Builder           *builder,
                ObjectorObjection *objection)
{
  ObjectorReport *self = builder->report;
  const char *country = objector_objection_get_country (objection);
  ObjectorAuthority *authority;

  if (self->authorities == NULL || country == NULL)
    return NULL;
  authority = objector_authorities_for_country (self->authorities, country, self->region, NULL);
  if (authority == NULL)
    return NULL;
  if (objector_authority_get_web (authority) != NULL)
    /* The address on a line of its own: never broken after "https://". */
    return g_strdup_printf ("%s,\n%s", objector_authority_get_name (authority),
                            objector_authority_get_web (authority));
  return g_strdup (objector_authority_get_name (authority));
}

static void
add_objection (Builder           *builder,
               ObjectorObjection *objection,
               guint              index)
{
  ObjectorReport *self = builder->report;
  const char *path_id = objector_objection_get_path_id (objection);
  ObjectorPath *path = NULL;
  g_autofree char *title = objection_title (builder, objection);
  g_autofree char *account = redact (&builder->redactor,
                                     objector_objection_get_account (objection));
  g_autofree char *reason = redact (&builder->redactor, objector_objection_get_reason (objection));
  g_autofree char *authority = NULL;
  g_autofree char *heading = NULL;
  const char *email = objector_objection_get_email (objection);
  ObjectorState state = objector_objection_get_state (objection);
  gboolean overdue = objector_objection_is_overdue (objection, builder->now);
  Style due_style;
  char *due;
  Block *block;
  Cell *cell;

  if (self->playbook != NULL && path_id != NULL)
    path = objector_playbook_lookup_path (self->playbook, path_id);

  add_block (builder->blocks, BLOCK_PAGE_BREAK, 0);

  /* Translators: the heading of each objection: "2. Instagram: object to AI training" */
  heading = g_strdup_printf (_("%u. %s"), index + 1, title);
  block = add_block (builder->blocks, BLOCK_HEADING, 1);
  cell_take (&block->cells[0], STYLE_HEADING, g_strdup (heading));
  block->section = index;
  if (account != NULL && *account != '\0')
    block->outline = g_strdup_printf ("%s — %s", heading, account);
  else
    block->outline = g_strdup (heading);

  add_field (builder->blocks, BLOCK_FIELD, _("State"), overdue ? STYLE_ALERT : STYLE_STRONG,
             overdue ? g_strdup_printf (_("%s, and Meta’s answer is overdue"),
                                        objector_state_get_label (state))
                     : g_strdup (objector_state_get_label (state)));
  add_field (builder->blocks, BLOCK_FIELD, _("Request"), STYLE_VALUE,
             g_strdup (path == NULL ? title
                       : objector_path_get_kind (path) == OBJECTOR_PATH_KIND_OBJECTION
                       ? _("Objection to the use of personal data for AI (GDPR Art. 21)")
                       : _("Request about information from third parties")));
  add_field (builder->blocks, BLOCK_FIELD, _("Path"), STYLE_VALUE, g_strdup (title));
  add_field (builder->blocks, BLOCK_FIELD, _("Platform"), STYLE_VALUE,
             g_strdup (platform_label (objector_objection_get_platform (objection))));
  add_field (builder->blocks, BLOCK_FIELD, _("Account"), STYLE_VALUE, dup_or_dash (account));
  add_field (builder->blocks, BLOCK_FIELD, _("Email address"), STYLE_VALUE,
             builder->redactor.addresses != NULL ? g_strdup (builder->redactor.replacement)
                                               : dup_or_dash (email));
  add_field (builder->blocks, BLOCK_FIELD, _("Country of residence"), STYLE_VALUE,
             objector_objection_get_country (objection) != NULL
             ? objector_country_dup_name (objector_objection_get_country (objection))
             : g_strdup ("—"));
  if (path != NULL)
    {
      cell = add_field (builder->blocks, BLOCK_FIELD, _("Form"), STYLE_LINK,
                        g_strdup (objector_path_get_form_url (path)));
      cell->link = g_strdup (objector_path_get_form_url (path));
    }
  add_field (builder->blocks, BLOCK_FIELD, _("Created"), STYLE_VALUE,
             _objector_report_format_time (objector_objection_get_created (objection)));
  add_field (builder->blocks, BLOCK_FIELD, _("Submitted"), STYLE_VALUE,
             objector_objection_get_submitted (objection) != NULL
             ? _objector_report_format_time (objector_objection_get_submitted (objection))
             : g_strdup (_("Not yet")));
  due = due_text (builder, objection, &due_style);
  add_field (builder->blocks, BLOCK_FIELD, _("Answer due"), due_style, due);

  if ((authority = authority_text (builder, objection)) != NULL)
    add_field (builder->blocks, BLOCK_FIELD, _("Authority to complain to"), STYLE_VALUE,
               g_steal_pointer (&authority));

  add_field (builder->blocks, BLOCK_FIELD, _("Reference"), STYLE_VALUE,
             dup_or_dash (objector_objection_get_id (objection)));

  add_text (builder->blocks, BLOCK_SUBHEADING, STYLE_SUBHEADING, _("Reason given"));
  add_text (builder->blocks, BLOCK_QUOTE, STYLE_BODY,
            reason != NULL && *reason != '\0' ? reason : _("No reason recorded."));

  add_timeline (builder, objection);
  add_emails (builder, objection);
}

Content *
_objector_report_build_content (ObjectorReport *self)
{
  GListModel *model = self->objections;
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) addresses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = self->generated != NULL ? g_date_time_ref (self->generated)
                                                       : objector_clock_now_local ();
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autofree char *generated = _objector_report_format_time (now);
  g_autofree char *generated_date = format_date_of (now);
  g_autofree char *address_list = NULL;
  guint n_addresses;
  Content *content = g_atomic_rc_box_new0 (Content);
  Builder builder = { 0 };
  Block *head;

  /* The person's addresses, each once whatever its case, in order. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (model, i);
      const char *email = objector_objection_get_email (objection);
      g_autofree char *address = g_strstrip (g_strdup (email != NULL ? email : ""));
      char *folded;

      if (*address == '\0')
        continue;
      folded = g_ascii_strdown (address, -1);
      if (g_hash_table_contains (seen, folded))
        g_free (folded);
      else
        {
          g_hash_table_add (seen, folded);
          g_ptr_array_add (addresses, g_steal_pointer (&address));
        }
    }
  n_addresses = addresses->len;
  g_ptr_array_add (addresses, NULL);

  content->blocks = g_ptr_array_new_with_free_func (block_free);
  content->n_sections = n;
  builder.report = self;
  builder.blocks = content->blocks;
  if (self->redact)
    redactor_init (&builder.redactor, (const char * const *) addresses->pdata, _("[redacted]"));
  else
    builder.redactor.replacement = _("[redacted]");
  builder.now = now;
  builder.n_objections = n;

  content->title = g_strdup (_("Objections to Meta’s use of personal data for AI"));
  content->subject = g_strdup (_("Summary of the objections and requests made with Objector, "
                                 "with the full record of each"));
  content->keywords = g_strdup ("GDPR, Art. 21, objection, Meta, Facebook, Instagram");
  if (self->name != NULL && *self->name != '\0')
    content->author = take_valid (g_strdup (self->name));
  content->created = g_date_time_format (local_now, "%Y-%m-%dT%H:%M:%S%:z");
  content->header_left = g_strdup (content->title);
  if (content->author != NULL)
    /* Translators: the running header: "Zoë Łukasiewicz · 2026-11-21" */
    content->header_right = g_strdup_printf (_("%s · %s"), content->author, generated_date);
  else
    content->header_right = g_strdup (generated_date);
  content->footer_note =
    g_strdup (_("Generated by Objector from the records kept on the person’s own computer."));

  /* The first page: who, when, which playbook, and every objection at a glance. */
  add_text (content->blocks, BLOCK_TITLE, STYLE_TITLE, content->title);
  add_text (content->blocks, BLOCK_SUBTITLE, STYLE_SUBTITLE, content->subject);

  if (content->author != NULL)
    add_field (content->blocks, BLOCK_FIELD, _("Name"), STYLE_STRONG, g_strdup (content->author));

  if (self->redact && n_addresses > 0)
    address_list = g_strdup (builder.redactor.replacement);
  else if (n_addresses > 0)
    address_list = g_strjoinv (", ", (char **) addresses->pdata);
  add_field (content->blocks, BLOCK_FIELD,
             g_dngettext (GETTEXT_PACKAGE, "Email address", "Email addresses",
                          MAX (n_addresses, 1)),
             STYLE_VALUE, dup_or_dash (address_list));
  add_field (content->blocks, BLOCK_FIELD, _("Generated"), STYLE_VALUE, g_strdup (generated));
  if (self->playbook != NULL)
    {
      const char *updated = objector_playbook_get_updated (self->playbook);

      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  objector_playbook_get_version (self->playbook));

      /* Translators: "version 2026112101 of 2026-11-21 (bundled)" */
      add_field (content->blocks, BLOCK_FIELD, _("Playbook"), STYLE_VALUE,
                 g_strdup_printf (_("version %s of %s (%s)"), version,
                                  updated != NULL ? updated : "—",
                                  objector_playbook_get_origin (self->playbook)));
    }
  else
    add_field (content->blocks, BLOCK_FIELD, _("Playbook"), STYLE_VALUE,
               g_strdup (_("Not loaded")));
  add_field (content->blocks, BLOCK_FIELD, _("Objections"), STYLE_VALUE, g_strdup_printf ("%u", n));

  add_text (content->blocks, BLOCK_NOTE, STYLE_NOTE,
            _("Objector keeps these records on the person’s own computer and sends them nowhere. "
              "Each objection below shows the request as it was made, every step with its date "
              "and time, and every email from Meta that was logged against it. Times are "
              "the local time of that computer, with their offset from UTC. An objection "
              "is overdue when Meta has not answered one calendar month after it was "
              "submitted (GDPR Art. 12(3)), or by the date Meta extended it to."));

  add_text (content->blocks, BLOCK_SUBHEADING, STYLE_SUBHEADING, _("Overview"));
  if (n == 0)
    add_text (content->blocks, BLOCK_PARAGRAPH, STYLE_BODY, _("No objection recorded yet."));
  else
    {
      head = add_block (content->blocks, BLOCK_OVERVIEW_HEAD, 6);
      /* Translators: column headings of the overview table; keep them short. */
      cell_take (&head->cells[0], STYLE_TABLE_HEAD, g_strdup (_("No.")));
      cell_take (&head->cells[1], STYLE_TABLE_HEAD, g_strdup (_("Objection")));
      cell_take (&head->cells[2], STYLE_TABLE_HEAD, g_strdup (_("State")));
      cell_take (&head->cells[3], STYLE_TABLE_HEAD, g_strdup (_("Submitted")));
      cell_take (&head->cells[4], STYLE_TABLE_HEAD, g_strdup (_("Due")));
      cell_take (&head->cells[5], STYLE_TABLE_HEAD, g_strdup (_("Page")));
      head->cells[5].style = STYLE_TABLE_HEAD;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObjectorObjection) objection = g_list_model_get_item (model, i);
          add_overview_row (&builder, objection, i);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (model, i);
      add_objection (&builder, objection, i);
    }

  redactor_clear (&builder.redactor);
  return content;
}

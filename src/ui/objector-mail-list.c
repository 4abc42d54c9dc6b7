/* objector-mail-list.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-mail-list.h"
#include "objector-mail-window.h"
#include "objector-ui-util.h"

struct _ObjectorMailList
{
  AdwBin         parent_instance;

  ObjectorStore *store;
  GPtrArray     *mails;        /* of ObjectorMail */
  char          *objection_id;
  GPtrArray     *rows;         /* AdwExpanderRow, one per mail */

  GtkStack            *stack;
  AdwPreferencesGroup *answers_group;
  AdwPreferencesGroup *unrecognised_group;
  AdwPreferencesGroup *other_group;
};

G_DEFINE_FINAL_TYPE (ObjectorMailList, objector_mail_list, ADW_TYPE_BIN)

static const char * const kind_labels[] = {
  N_("A code to confirm"),   /* OBJECTOR_MAIL_KIND_CODE */
  N_("Receipt"),             /* RECEIPT */
  N_("Acceptance"),          /* APPROVAL */
  N_("Rejection"),           /* REJECTION */
  N_("Extension"),           /* EXTENSION */
  N_("Something else"),      /* OTHER */
  N_("Not recognised"),      /* UNRECOGNISED: the person chooses */
};

static void
show_message (ObjectorMailList *self,
              const char       *message)
{
  objector_ui_toast (GTK_WIDGET (self), message, FALSE);
}

static char *
describe (ObjectorMail *mail)
{
  GDateTime *date = objector_mail_get_date (mail);
  g_autofree char *when = NULL;

  if (date != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (date);
      /* Translators: the date of an email, as in “21 December 2026, 14:05” */
      when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
    }
  /* Translators: “From notification@facebookmail.com · 21 December 2026, 14:05” */
  return g_strdup_printf (_("From %s · %s"), objector_mail_get_from (mail) ? objector_mail_get_from (mail) : "?",
                          when ? when : _("no date"));
}

static gboolean
log_or_confirm (ObjectorMailList *self,
                guint             index,
                gboolean          confirm)
{
  g_autoptr(ObjectorMailLogResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ObjectorMail *mail;
  g_autoptr(ObjectorObjection) objection = NULL;
  GtkWidget *row, *log_button, *confirm_button;
  const char *id = self->objection_id;
  g_autofree char *message = NULL;

  mail = g_ptr_array_index (self->mails, index);
  row = g_ptr_array_index (self->rows, index);
  log_button = g_object_get_data (G_OBJECT (row), "log-button");
  confirm_button = g_object_get_data (G_OBJECT (row), "confirm-button");

  if (id == NULL)
    {
      objection = objector_mail_match (mail, G_LIST_MODEL (self->store));
      if (objection == NULL)
        {
          show_message (self, _("No objection matches this email. Open the objection it answers and log it there."));
          return FALSE;
        }
      id = objector_objection_get_id (objection);
    }

  if (!(confirm ? objector_mail_confirm (self->store, id, mail, NULL, &result, &error)
                : objector_mail_log (self->store, id, mail, NULL, &result, &error)))
    {
      show_message (self, error->message);
      return FALSE;
    }

  switch (result->outcome)
    {
    case OBJECTOR_MAIL_LOG_APPLIED:
      if (result->confirmed)
        /* Translators: the person said an unverifiable email is genuine. */
        message = g_strdup_printf (_("Recorded as confirmed by you, not verified: %s"),
                                   objector_state_get_label (result->after));
      else
        message = g_strdup_printf (_("Logged, and recorded: %s"), objector_state_get_label (result->after));
      break;
    case OBJECTOR_MAIL_LOG_ALREADY_LOGGED:
      message = g_strdup (_("This email was logged before"));
      break;
    case OBJECTOR_MAIL_LOG_LOGGED:
    default:
      message = result->reason != NULL ? g_strdup_printf (_("Logged as evidence: %s"), result->reason)
                                       : g_strdup (_("Logged as evidence"));
      break;
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), message);
  gtk_widget_set_sensitive (log_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (log_button), _("Logged"));
  if (confirm_button != NULL)
    gtk_widget_set_sensitive (confirm_button, result->outcome != OBJECTOR_MAIL_LOG_APPLIED);
  show_message (self, message);
  return TRUE;
}

gboolean
objector_mail_list_log (ObjectorMailList *self,
                        guint             index)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_LIST (self), FALSE);
  g_return_val_if_fail (index < self->mails->len, FALSE);

  return log_or_confirm (self, index, FALSE);
}

gboolean
objector_mail_list_confirm (ObjectorMailList *self,
                            guint             index)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_LIST (self), FALSE);
  g_return_val_if_fail (index < self->mails->len, FALSE);

  return log_or_confirm (self, index, TRUE);
}

static void
confirm_clicked_cb (GtkButton        *button,
                    ObjectorMailList *self)
{
  objector_mail_list_confirm (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
log_clicked_cb (GtkButton        *button,
                ObjectorMailList *self)
{
  objector_mail_list_log (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
kind_selected_cb (AdwComboRow  *row,
                  GParamSpec   *pspec,
                  ObjectorMail *mail)
{
  guint selected = adw_combo_row_get_selected (row);

  /* The person knows better than the rules: the kind is theirs to correct. */
  if (selected != GTK_INVALID_LIST_POSITION)
    objector_mail_set_kind (mail, (ObjectorMailKind) selected);
}

static GtkWidget *
text_row (const char *title,
          const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
mail_row (ObjectorMailList *self,
          ObjectorMail     *mail,
          guint             index)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *kind = adw_combo_row_new ();
  GtkWidget *log = gtk_button_new_with_mnemonic (_("_Log"));
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *subtitle = describe (mail);
  g_autofree char *excerpt = objector_mail_dup_excerpt (mail);
  g_autofree char *log_label = NULL;
  const char * const *notes = objector_mail_get_trust_notes (mail);
  const char *subject = objector_mail_get_subject (mail);
  ObjectorMailVerdict verdict = objector_mail_get_verdict (mail);
  g_autofree char *why = notes && notes[0] ? g_strjoinv ("\n", (char **) notes) : NULL;
  GtkWidget *badge;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject && *subject ? subject : _("(no subject)"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  badge = objector_ui_verdict_badge (verdict, FALSE);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), badge);

  /* Translators: %s is the email's subject */
  log_label = g_strdup_printf (_("Log “%s”"), subject ? subject : "");
  gtk_widget_set_valign (log, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (log), GTK_ACCESSIBLE_PROPERTY_LABEL, log_label, -1);
  g_object_set_data (G_OBJECT (log), "index", GUINT_TO_POINTER (index));
  g_signal_connect (log, "clicked", G_CALLBACK (log_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), log);
  g_object_set_data (G_OBJECT (row), "log-button", log);

  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    gtk_string_list_append (kinds, _(kind_labels[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("What it is"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), objector_mail_get_kind (mail));
  g_signal_connect (kind, "notify::selected", G_CALLBACK (kind_selected_cb), mail);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind);

  switch (verdict)
    {
    case OBJECTOR_MAIL_VERDICT_VERIFIED:
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                text_row (objector_mail_verdict_get_label (verdict),
                                          _("Your mail server confirmed Meta’s signature (DKIM) and DMARC for "
                                            "the sender’s domain, and its links lead to Meta. Logging it records "
                                            "Meta’s answer on the objection.")));
      break;
    case OBJECTOR_MAIL_VERDICT_UNVERIFIABLE:
      {
        g_autofree char *text = g_strdup_printf (_("%s\nNothing shows who sent it, so it changes nothing by "
                                                   "itself. If you know it is genuine, record it: the record "
                                                   "says “confirmed by you, not verified”."), why ? why : "");
        g_autofree char *confirm_label = g_strdup_printf (_("This is genuine: record “%s”"), subject ? subject : "");
        GtkWidget *confirm = objector_ui_wrapping_button (_("This Is _Genuine: Record It"));
        GtkWidget *confirm_row = gtk_list_box_row_new ();

        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  text_row (objector_mail_verdict_get_label (verdict), g_strstrip (text)));
        gtk_accessible_update_property (GTK_ACCESSIBLE (confirm), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        confirm_label, -1);
        gtk_widget_set_halign (confirm, GTK_ALIGN_CENTER);
        gtk_widget_set_margin_top (confirm, 6);
        gtk_widget_set_margin_bottom (confirm, 6);
        g_object_set_data (G_OBJECT (confirm), "index", GUINT_TO_POINTER (index));
        g_signal_connect (confirm, "clicked", G_CALLBACK (confirm_clicked_cb), self);
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (confirm_row), confirm);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (confirm_row), FALSE);
        gtk_widget_set_focusable (confirm_row, FALSE);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), confirm_row);
        g_object_set_data (G_OBJECT (row), "confirm-button", confirm);
      }
      break;
    case OBJECTOR_MAIL_VERDICT_SUSPICIOUS:
    default:
      {
        g_autofree char *text = g_strdup_printf (_("%s\nIt is kept as evidence but never changes the state. "
                                                   "If you know Meta’s answer, record it yourself with the "
                                                   "objection’s answer buttons."), why ? why : "");

        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  text_row (objector_mail_verdict_get_label (verdict), g_strstrip (text)));
      }
      break;
    }
  if (excerpt != NULL && *excerpt != '\0')
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (_("Beginning"), excerpt));

  return row;
}

static void
objector_mail_list_dispose (GObject *object)
{
  /* The bin drops its child first: the template's would leave it a dangling pointer. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), OBJECTOR_TYPE_MAIL_LIST);

  G_OBJECT_CLASS (objector_mail_list_parent_class)->dispose (object);
}

static void
objector_mail_list_finalize (GObject *object)
{
  ObjectorMailList *self = OBJECTOR_MAIL_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->mails, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->objection_id, g_free);

  G_OBJECT_CLASS (objector_mail_list_parent_class)->finalize (object);
}

static void
objector_mail_list_class_init (ObjectorMailListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_mail_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = objector_mail_list_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-mail-list.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorMailList, stack);
  gtk_widget_class_bind_template_child (widget_class, ObjectorMailList, answers_group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorMailList, unrecognised_group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorMailList, other_group);
}

static void
objector_mail_list_init (ObjectorMailList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
objector_mail_list_new (ObjectorStore *store,
                        GPtrArray     *mails,
                        const char    *objection_id)
{
  ObjectorMailList *self;

  g_return_val_if_fail (OBJECTOR_IS_STORE (store), NULL);
  g_return_val_if_fail (mails != NULL, NULL);

  self = g_object_new (OBJECTOR_TYPE_MAIL_LIST, NULL);
  self->store = g_object_ref (store);
  self->mails = g_ptr_array_ref (mails);
  self->objection_id = g_strdup (objection_id);

  /* Answers first, then what Objector could not tell, then Meta's other
   * mail: every email from Meta is listed, none is hidden. */
  for (guint i = 0; i < mails->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (mails, i);
      GtkWidget *row = mail_row (self, mail, i);
      ObjectorMailKind kind = objector_mail_get_kind (mail);
      AdwPreferencesGroup *group = kind == OBJECTOR_MAIL_KIND_UNRECOGNISED ? self->unrecognised_group
                                   : kind == OBJECTOR_MAIL_KIND_OTHER ? self->other_group
                                   : self->answers_group;

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (group, row);
      gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
    }
  gtk_stack_set_visible_child_name (self->stack, mails->len > 0 ? "list" : "empty");
  return GTK_WIDGET (self);
}

static void
show_mails (GtkWindow        *parent,
            ObjectorStore    *store,
            ObjectorPlaybook *playbook,
            GPtrArray        *mails,
            const char       *objection_id)
{
  GtkWidget *window;

  for (guint i = 0; i < mails->len; i++)
    objector_mail_check (g_ptr_array_index (mails, i), playbook);

  window = objector_mail_window_new (parent, OBJECTOR_MAIL_LIST (objector_mail_list_new (store, mails, objection_id)));
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct
{
  GtkWindow        *parent;
  ObjectorStore    *store;
  ObjectorPlaybook *playbook;
  char             *objection_id;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_clear_object (&data->playbook);
  g_free (data->objection_id);
  g_free (data);
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("This Email Cannot Be Logged"), message);

  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LoadData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mails = objector_mail_load_file_finish (result, &error);
  g_autoptr(GPtrArray) readable = g_ptr_array_new_with_free_func (g_object_unref);

  if (mails == NULL)
    show_error (data->parent, error->message);
  else
    {
      for (guint i = 0; i < mails->len; i++)
        if (objector_mail_get_error (g_ptr_array_index (mails, i)) == NULL)
          g_ptr_array_add (readable, g_object_ref (g_ptr_array_index (mails, i)));

      if (readable->len == 0)
        show_error (data->parent, mails->len > 0
                                  ? objector_mail_get_error (g_ptr_array_index (mails, 0))->message
                                  : _("The file holds no email message."));
      else
        show_mails (data->parent, data->store, data->playbook, readable, data->objection_id);
    }
  load_data_free (data);
}

void
objector_mail_list_show_file (GtkWindow        *parent,
                              ObjectorStore    *store,
                              ObjectorPlaybook *playbook,
                              GFile            *file,
                              const char       *objection_id)
{
  g_autofree char *path = g_file_get_path (file);
  LoadData *data;

  if (path == NULL)
    {
      show_error (parent, _("Only files on this computer can be read."));
      return;
    }

  data = g_new0 (LoadData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  data->playbook = g_object_ref (playbook);
  data->objection_id = g_strdup (objection_id);
  /* Large files are read in a worker thread. */
  objector_mail_load_file_async (path, NULL, file_loaded_cb, data);
}

void
objector_mail_list_show_text (GtkWindow        *parent,
                              ObjectorStore    *store,
                              ObjectorPlaybook *playbook,
                              const char       *text,
                              const char       *objection_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorMail) mail = objector_mail_new_from_string (text, NULL, &error);
  g_autoptr(GPtrArray) mails = NULL;

  if (mail == NULL)
    {
      show_error (parent, error->message);
      return;
    }
  mails = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (mails, g_steal_pointer (&mail));
  show_mails (parent, store, playbook, mails, objection_id);
}

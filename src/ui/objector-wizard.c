/* objector-wizard.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-accounts-page.h"
#include "objector-country-page.h"
#include "objector-details-page.h"
#include "objector-done-page.h"
#include "objector-objection-page.h"
#include "objector-welcome-page.h"
#include "objector-ui-util.h"
#include "objector-wizard.h"
#include "objector-ui-resources.h"

#define SAVE_DELAY_MS 400

struct _ObjectorWizard
{
  AdwBin            parent_instance;

  GtkWidget        *back_button;
  GtkWidget        *next_button;
  AdwWindowTitle   *window_title;
  GtkStack         *stack;
  AdwToastOverlay  *toast_overlay;

  ObjectorApplication *application;
  ObjectorStore    *store;
  ObjectorPlaybook *playbook;
  ObjectorDraft    *draft;

  GPtrArray        *pages;       /* of ObjectorPage, in order; the stack holds them too */
  gboolean          built_all;   /* the pages after the welcome exist (see ensure_pages) */
  ObjectorPage     *current;
  guint             save_source;
};

G_DEFINE_FINAL_TYPE (ObjectorWizard, objector_wizard, ADW_TYPE_BIN)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

ObjectorStore *
objector_wizard_get_store (ObjectorWizard *self)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (self), NULL);
  return self->store;
}

ObjectorPlaybook *
objector_wizard_get_playbook (ObjectorWizard *self)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (self), NULL);
  return self->playbook;
}

/* Pages shown from now on follow the new playbook; built ones keep theirs. */
void
objector_wizard_set_playbook (ObjectorWizard   *self,
                              ObjectorPlaybook *playbook)
{
  g_return_if_fail (OBJECTOR_IS_WIZARD (self));
  g_return_if_fail (OBJECTOR_IS_PLAYBOOK (playbook));

  g_set_object (&self->playbook, playbook);
}

ObjectorDraft *
objector_wizard_get_draft (ObjectorWizard *self)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (self), NULL);
  return self->draft;
}

/* The rest is loaded when a page first asks: a first frame needs none of it. */
ObjectorNet *
objector_wizard_get_net (ObjectorWizard *self)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (self), NULL);
  return objector_application_get_net (self->application);
}

ObjectorAuthorities *
objector_wizard_get_authorities (ObjectorWizard *self)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (self), NULL);
  return objector_application_get_authorities (self->application);
}

ObjectorComplaintTexts *
objector_wizard_get_complaint_texts (ObjectorWizard *self)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (self), NULL);
  return objector_application_get_complaint_texts (self->application);
}

/* The app's settings, or NULL when its schema is not installed. */
GSettings *
objector_wizard_dup_settings (ObjectorWizard *self)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (self), NULL);
  return objector_application_dup_settings (self->application);
}

ObjectorPage *
objector_wizard_get_current_page (ObjectorWizard *self)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (self), NULL);
  return self->current;
}

void
objector_wizard_show_message (ObjectorWizard *self,
                              const char     *message)
{
  /* The wizard's own overlay, above the Back and Next bar. */
  objector_ui_toast (GTK_WIDGET (self->toast_overlay), message, TRUE);
}

static gboolean
save_draft_cb (gpointer user_data)
{
  ObjectorWizard *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!objector_draft_save (self->draft, &error))
    objector_wizard_show_message (self, error->message);
  return G_SOURCE_REMOVE;
}

static void
save_draft_now (ObjectorWizard *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  save_draft_cb (self);
}

static void
draft_changed_cb (ObjectorDraft  *draft,
                  ObjectorWizard *self)
{
  /* Typing should not write the disk at every key; a step change saves at once. */
  if (self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_draft_cb, self);
}

static void ensure_pages (ObjectorWizard *self);

static int
page_index (ObjectorWizard *self,
            ObjectorPage   *page)
{
  guint index;

  if (page != NULL && g_ptr_array_find (self->pages, page, &index))
    return index;
  return -1;
}

static ObjectorPage *
find_page (ObjectorWizard *self,
           const char     *id)
{
  /* No id (a first start) or the welcome: the one page built from the start. */
  if (id != NULL && !g_str_equal (id, "welcome"))
    ensure_pages (self);

  for (guint i = 0; i < self->pages->len; i++)
    {
      ObjectorPage *page = g_ptr_array_index (self->pages, i);

      if (g_strcmp0 (objector_page_get_id (page), id) == 0)
        return page;
    }
  return NULL;
}

ObjectorPage *
objector_wizard_get_page (ObjectorWizard *self,
                          const char     *page_id)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (self), NULL);
  return find_page (self, page_id);
}

/* The page @step places away among those that apply, or NULL. */
static ObjectorPage *
neighbour (ObjectorWizard *self,
           int             step)
{
  int i;

  if (step > 0)
    ensure_pages (self);

  for (i = page_index (self, self->current) + step; i >= 0 && i < (int) self->pages->len; i += step)
    {
      ObjectorPage *page = g_ptr_array_index (self->pages, i);

      if (objector_page_get_applies (page))
        return page;
    }
  return NULL;
}

static void
update_header (ObjectorWizard *self)
{
  guint n = 0, position = 0;
  g_autofree char *subtitle = NULL;
  const char *next_label;

  if (self->current == NULL)
    return;

  for (guint i = 0; i < self->pages->len; i++)
    {
      ObjectorPage *page = g_ptr_array_index (self->pages, i);

      if (!objector_page_get_applies (page))
        continue;
      n++;
      if (page == self->current)
        position = n;
    }

  /* The total is known once the objections are (after the details): until
   * then no total, rather than one that jumps as pages are added. */
  {
    const char * const *objections = objector_draft_get_objections (self->draft);

    if (objections != NULL && objections[0] != NULL)
      /* Translators: the wizard's progress, “Step 3 of 7” */
      subtitle = g_strdup_printf (_("Step %u of %u"), position, n);
    else
      /* Translators: the wizard's progress before the number of steps is known, “Step 3” */
      subtitle = g_strdup_printf (_("Step %u"), position);
  }
  adw_window_title_set_title (self->window_title, objector_page_get_title (self->current));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  next_label = objector_page_get_next_label (self->current);
  gtk_button_set_label (GTK_BUTTON (self->next_button), next_label ? next_label : _("_Next"));
  /* An objection page's own next step is its one suggested button. */
  if (OBJECTOR_IS_OBJECTION_PAGE (self->current))
    gtk_widget_remove_css_class (self->next_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->next_button, "suggested-action");

  gtk_widget_set_visible (self->back_button, neighbour (self, -1) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", neighbour (self, -1) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 objector_page_get_complete (self->current));
}

static void
page_notify_cb (ObjectorPage   *page,
                GParamSpec     *pspec,
                ObjectorWizard *self)
{
  update_header (self);
}

/* The first scrolled window in @widget, breadth first, or NULL. */
static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, widget);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *w = g_queue_pop_head (queue);

      if (GTK_IS_SCROLLED_WINDOW (w))
        return GTK_SCROLLED_WINDOW (w);
      for (GtkWidget *child = gtk_widget_get_first_child (w); child; child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }
  return NULL;
}

static void
show_page (ObjectorWizard *self,
           ObjectorPage   *page)
{
  GtkScrolledWindow *scrolled;

  /* A page joins the stack when first shown: the stack then lays out only
   * the pages the person has seen, and the first frame waits for one. */
  if (gtk_widget_get_parent (GTK_WIDGET (page)) == NULL)
    gtk_stack_add_named (self->stack, GTK_WIDGET (page), objector_page_get_id (page));
  self->current = page;
  /* Each page starts at its top, not where the person last left it. */
  scrolled = find_scrolled (GTK_WIDGET (page));
  if (scrolled != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
  objector_page_shown (page);
  objector_draft_set_page (self->draft, objector_page_get_id (page));
  save_draft_now (self);
  update_header (self);

  /* Keyboard users start on the page's first control, not on the header,
   * unless the page chose where to start. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (page)))
      gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD);
  }
}

static void
add_page (ObjectorWizard *self,
          ObjectorPage   *page,
          int             position)
{
  g_signal_connect_object (page, "notify::complete", G_CALLBACK (page_notify_cb), self, 0);
  g_signal_connect_object (page, "notify::applies", G_CALLBACK (page_notify_cb), self, 0);
  g_signal_connect_object (page, "notify::title", G_CALLBACK (page_notify_cb), self, 0);
  g_signal_connect_object (page, "notify::next-label", G_CALLBACK (page_notify_cb), self, 0);
  g_object_ref_sink (page);
  if (position < 0)
    g_ptr_array_add (self->pages, page);
  else
    g_ptr_array_insert (self->pages, position, page);
}

/* The welcome page is built with the wizard; the others when the person first
 * goes past it (or a page, or the step count, needs them): a first frame
 * lays out one page, not five. */
static void
ensure_pages (ObjectorWizard *self)
{
  if (self->built_all)
    return;

  self->built_all = TRUE;
  add_page (self, objector_country_page_new (self), -1);
  add_page (self, objector_accounts_page_new (self), -1);
  add_page (self, objector_details_page_new (self), -1);
  add_page (self, objector_done_page_new (self), -1);
}

static void
remove_page (ObjectorWizard *self,
             ObjectorPage   *page)
{
  g_signal_handlers_disconnect_by_data (page, self);
  if (self->current == page)
    self->current = NULL;
  if (gtk_widget_get_parent (GTK_WIDGET (page)) != NULL)
    gtk_stack_remove (self->stack, GTK_WIDGET (page));
  g_ptr_array_remove (self->pages, page);
}

void
objector_wizard_sync_objection_pages (ObjectorWizard *self)
{
  const char * const *ids;
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();
  ObjectorPage *done;
  int position;

  g_return_if_fail (OBJECTOR_IS_WIZARD (self));

  ids = objector_draft_get_objections (self->draft);
  /* No objection chosen and only the welcome built: nothing to add or drop. */
  if (!self->built_all && (ids == NULL || ids[0] == NULL))
    return;
  ensure_pages (self);

  for (guint i = 0; i < self->pages->len; i++)
    {
      ObjectorPage *page = g_ptr_array_index (self->pages, i);

      if (OBJECTOR_IS_OBJECTION_PAGE (page)
          && !g_strv_contains (ids, objector_objection_page_get_objection_id (OBJECTOR_OBJECTION_PAGE (page))))
        g_ptr_array_add (stale, page);
    }
  for (guint i = 0; i < stale->len; i++)
    remove_page (self, g_ptr_array_index (stale, i));

  done = find_page (self, "done");
  position = page_index (self, done);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *id = g_strconcat ("objection:", ids[i], NULL);
      ObjectorPage *page = find_page (self, id);

      if (page == NULL)
        {
          page = objector_objection_page_new (self, ids[i]);
          if (page == NULL)
            continue;  /* removed meanwhile, by another window or the command line */
          add_page (self, page, position);
        }
      else
        {
          /* Keep the draft's order. */
          g_ptr_array_steal_index (self->pages, page_index (self, page));
          g_ptr_array_insert (self->pages, page_index (self, done), page);
        }
      position = page_index (self, done);
    }

  update_header (self);
}

void
objector_wizard_go_to (ObjectorWizard *self,
                       const char     *page_id)
{
  ObjectorPage *page;

  g_return_if_fail (OBJECTOR_IS_WIZARD (self));

  page = find_page (self, page_id);
  if (page == NULL || !objector_page_get_applies (page))
    page = g_ptr_array_index (self->pages, 0);
  show_page (self, page);
}

void
objector_wizard_resume (ObjectorWizard *self)
{
  g_return_if_fail (OBJECTOR_IS_WIZARD (self));

  objector_wizard_sync_objection_pages (self);
  objector_wizard_go_to (self, objector_draft_get_page (self->draft));
}

gboolean
objector_wizard_next (ObjectorWizard *self)
{
  g_autoptr(GError) error = NULL;
  ObjectorPage *next;

  g_return_val_if_fail (OBJECTOR_IS_WIZARD (self), FALSE);

  if (self->current == NULL || !objector_page_get_complete (self->current))
    return FALSE;

  if (!objector_page_leave (self->current, &error))
    {
      objector_wizard_show_message (self, error->message);
      return FALSE;
    }

  next = neighbour (self, +1);
  if (next == NULL)
    {
      save_draft_now (self);
      g_signal_emit (self, signals[FINISHED], 0);
      return TRUE;
    }

  show_page (self, next);
  return TRUE;
}

void
objector_wizard_back (ObjectorWizard *self)
{
  ObjectorPage *previous;

  g_return_if_fail (OBJECTOR_IS_WIZARD (self));

  previous = neighbour (self, -1);
  if (previous != NULL)
    show_page (self, previous);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  objector_wizard_next (OBJECTOR_WIZARD (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  objector_wizard_back (OBJECTOR_WIZARD (widget));
}

static void
objector_wizard_dispose (GObject *object)
{
  ObjectorWizard *self = OBJECTOR_WIZARD (object);

  if (self->save_source != 0)
    save_draft_now (self);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBJECTOR_TYPE_WIZARD);
  g_clear_object (&self->store);
  g_clear_object (&self->playbook);
  g_clear_object (&self->draft);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (objector_wizard_parent_class)->dispose (object);
}

static void
objector_wizard_class_init (ObjectorWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Links the UI bundle in, which registers itself. */
  (void) objector_ui_get_resource ();

  object_class->dispose = objector_wizard_dispose;

  /* The last page's Next: the window shows the overview. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, ObjectorWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, ObjectorWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, ObjectorWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, ObjectorWizard, toast_overlay);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "wizard.next", NULL);
}

static void
objector_wizard_init (ObjectorWizard *self)
{
  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

ObjectorWizard *
objector_wizard_new (ObjectorApplication *application)
{
  ObjectorWizard *self;

  g_return_val_if_fail (OBJECTOR_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (objector_application_get_playbook (application) != NULL, NULL);

  self = g_object_new (OBJECTOR_TYPE_WIZARD, NULL);
  self->application = g_object_ref (application);
  self->store = g_object_ref (objector_application_get_store (application));
  self->playbook = g_object_ref (objector_application_get_playbook (application));
  self->draft = g_object_ref (objector_application_get_draft (application));
  g_signal_connect (self->draft, "changed", G_CALLBACK (draft_changed_cb), self);

  add_page (self, objector_welcome_page_new (self), -1);

  return self;
}

/* objector-objection-page-private.h — what objector-objection-page.c and
 * objector-objection-page-actions.c share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-objection-page.h"
#include "objector-objection-view.h"
#include "objector-path.h"
#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

struct _ObjectorObjectionPage
{
  ObjectorPage           parent_instance;

  ObjectorStore         *store;
  ObjectorPlaybook      *playbook;
  ObjectorObjection     *objection;
  ObjectorPath          *path;
  /* What the page shows: made anew on every change and at midnight. */
  ObjectorObjectionView *view;
  guint                  known_steps;   /* the history's length the page last saw */
  guint                  midnight;
  guint                  refocus;
  gboolean               checking_form; /* the link check before opening runs */
  gboolean               focus_on_map;  /* shown before it was on screen */
  GCancellable          *cancellable;

  /* Template children */
  GtkWidget             *scrolled;
  GtkWidget             *heading;
  GtkWidget             *account_label;
  GtkWidget             *status_card;
  GtkWidget             *status_icon;
  GtkWidget             *status_title;
  GtkWidget             *status_description;
  GtkWidget             *next_button;
  GtkWidget             *next_label;
  GtkWidget             *answer_button;
  GtkWidget             *more_button;
  GtkWidget             *about_expander;
  GtkWidget             *summary_label;
  GtkWidget             *link_banner;
  GtkWidget             *link_message;
  GtkWidget             *link_overview;
  GtkWidget             *link_anyway;
  GtkWidget             *complaint_bin;
  GtkWidget             *send_box;
  GtkWidget             *steps_group;
  GtkWidget             *fields_group;
  GtkWidget             *phone_group;
  GtkWidget             *submitted_hint;
  GtkWidget             *submitted_button;
  GtkWidget             *timeline_group;
  GtkWidget             *box;

  GPtrArray             *field_rows;
  GPtrArray             *timeline_rows;
};

/* One widget action per view action: "path.open-form", "path.answer-rejected", … */
void     _objector_objection_page_class_add_actions (GtkWidgetClass        *widget_class);
/* Which of them the view offers now. */
void     _objector_objection_page_sync_actions      (ObjectorObjectionPage *self);
/* A step was added to the record: says which, and offers to undo it. */
void     _objector_objection_page_toast_step        (ObjectorObjectionPage *self);
gboolean _objector_objection_page_drop_cb           (GtkDropTarget         *target,
                                                     const GValue          *value,
                                                     double                 x,
                                                     double                 y,
                                                     ObjectorObjectionPage *self);

G_END_DECLS

/* objector-objection-page-private.h — what objector-objection-page.c and
 * objector-objection-page-actions.c share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-objection-page.h"
#include "objector-path.h"
#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

struct _ObjectorObjectionPage
{
  ObjectorPage       parent_instance;

  ObjectorStore     *store;
  ObjectorPlaybook  *playbook;
  ObjectorObjection *objection;
  ObjectorPath      *path;

  GtkWidget         *state_row;
  GtkWidget         *fields_group;
  GPtrArray         *field_rows;
  GtkWidget         *open_button;
  GtkWidget         *submitted_button;
  GtkWidget         *code_button;
  GtkWidget         *undo_button;
  GtkWidget         *answer_group;
  GtkWidget         *timeline_group;
  GPtrArray         *timeline_rows;
  GtkWidget         *send_box;
  GtkWidget         *link_banner;
  GtkWidget         *link_message;
  GtkWidget         *link_overview;
  GtkWidget         *link_anyway;
  GCancellable      *cancellable;
  GtkWidget         *retry_button;
  GtkWidget         *answer_buttons[4];
};

void     _objector_objection_page_class_add_actions (GtkWidgetClass        *widget_class);
void     _objector_objection_page_answer_clicked_cb (GtkButton             *button,
                                                     ObjectorObjectionPage *self);
gboolean _objector_objection_page_drop_cb           (GtkDropTarget         *target,
                                                     const GValue          *value,
                                                     double                 x,
                                                     double                 y,
                                                     ObjectorObjectionPage *self);

G_END_DECLS

/* objector-page.h — one step of the wizard
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _ObjectorWizard ObjectorWizard;

#define OBJECTOR_TYPE_PAGE (objector_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (ObjectorPage, objector_page, OBJECTOR, PAGE, AdwBin)

/* The contract, after GNOME Initial Setup: :complete enables Next; a page
 * whose :applies is FALSE is skipped; shown() refreshes it from the shared
 * state when it comes into view; leave() stores what it collected when the
 * person moves on, and may refuse with an error to show. */
struct _ObjectorPageClass
{
  AdwBinClass parent_class;

  /* Once constructed, with its wizard: connect to the shared state here. */
  void     (*attached) (ObjectorPage  *self);
  void     (*shown) (ObjectorPage  *self);
  gboolean (*leave) (ObjectorPage  *self,
                     GError       **error);
};

const char     *objector_page_get_id         (ObjectorPage   *self);
void            objector_page_set_id         (ObjectorPage   *self,
                                              const char     *id);
const char     *objector_page_get_title      (ObjectorPage   *self);
void            objector_page_set_title      (ObjectorPage   *self,
                                              const char     *title);
gboolean        objector_page_get_complete   (ObjectorPage   *self);
void            objector_page_set_complete   (ObjectorPage   *self,
                                              gboolean        complete);
gboolean        objector_page_get_applies    (ObjectorPage   *self);
void            objector_page_set_applies    (ObjectorPage   *self,
                                              gboolean        applies);
/* The label of the Next button on this page; NULL for the usual one. */
const char     *objector_page_get_next_label (ObjectorPage   *self);
void            objector_page_set_next_label (ObjectorPage   *self,
                                              const char     *label);

ObjectorWizard *objector_page_get_wizard     (ObjectorPage   *self);
void            objector_page_shown          (ObjectorPage   *self);
gboolean        objector_page_leave          (ObjectorPage   *self,
                                              GError        **error);

G_END_DECLS

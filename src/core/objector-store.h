/* objector-store.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "objector-objection.h"

G_BEGIN_DECLS

#define OBJECTOR_STORE_FORMAT_VERSION 1

#define OBJECTOR_TYPE_STORE (objector_store_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorStore, objector_store, OBJECTOR, STORE, GObject)

/* A GListModel of ObjectorObjection, oldest first. */

/* Changes one objection; must leave it untouched when it returns FALSE. */
typedef gboolean (*ObjectorStoreEditFunc) (ObjectorObjection  *objection,
                                           gpointer            user_data,
                                           GError            **error);

/* @directory: nullable; defaults to $XDG_DATA_HOME/objector. */
ObjectorStore     *objector_store_new            (const char            *directory);
const char        *objector_store_get_directory  (ObjectorStore         *self);
const char        *objector_store_get_filename   (ObjectorStore         *self);

/* Reads the file. A damaged file is moved aside, the store goes on with what
 * could be read, and the error (OBJECTOR_ERROR_STORE_DAMAGED) says where the
 * damaged bytes were kept. A file from a newer version is loaded read-only:
 * TRUE is returned and :read-only is set. */
gboolean           objector_store_load           (ObjectorStore         *self,
                                                  GError               **error);
gboolean           objector_store_get_read_only  (ObjectorStore         *self);
const char        *objector_store_get_read_only_reason (ObjectorStore   *self);
const char        *objector_store_get_damaged_copy (ObjectorStore       *self);

ObjectorObjection *objector_store_lookup         (ObjectorStore         *self,
                                                  const char            *id_or_prefix,
                                                  GError               **error);

/* Every change: takes the lock, rereads what another process (the CLI, the
 * GUI) saved meanwhile, applies the change, and saves atomically (0600). */
gboolean           objector_store_add            (ObjectorStore         *self,
                                                  ObjectorObjection     *objection,
                                                  GError               **error);
gboolean           objector_store_edit           (ObjectorStore         *self,
                                                  const char            *id,
                                                  ObjectorStoreEditFunc  func,
                                                  gpointer               user_data,
                                                  GError               **error);
gboolean           objector_store_apply          (ObjectorStore         *self,
                                                  const char            *id,
                                                  ObjectorEvent          event,
                                                  const char            *note,
                                                  GDateTime             *now,
                                                  GError               **error);
/* Rereads the file if another process changed it. */
gboolean           objector_store_reload         (ObjectorStore         *self,
                                                  GError               **error);

G_END_DECLS

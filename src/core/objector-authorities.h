/* objector-authorities.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OBJECTOR_AUTHORITIES_RESOURCE "/io/github/objector/Objector/authorities.json"

/* The only "format" this version reads. */
#define OBJECTOR_AUTHORITIES_FORMAT 1

/* One data-protection authority, as data/authorities.json describes it
 * (built by build-aux/make-authorities.py from the datenanfragen records).
 * Never changes once loaded. */
#define OBJECTOR_TYPE_AUTHORITY (objector_authority_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorAuthority, objector_authority, OBJECTOR, AUTHORITY, GObject)

const char         *objector_authority_get_slug               (ObjectorAuthority *self);
const char         *objector_authority_get_name               (ObjectorAuthority *self);
/* ISO 3166-1 alpha-2, upper case. */
const char * const *objector_authority_get_countries          (ObjectorAuthority *self);
/* The postal address, one line per line, the country last. */
const char         *objector_authority_get_address            (ObjectorAuthority *self);
/* Each of these is NULL when the authority has none. */
const char         *objector_authority_get_email              (ObjectorAuthority *self);
const char         *objector_authority_get_phone              (ObjectorAuthority *self);
const char         *objector_authority_get_webform            (ObjectorAuthority *self);
const char         *objector_authority_get_web                (ObjectorAuthority *self);
/* The language it takes complaints in: "de", "fr", "en", … */
const char         *objector_authority_get_complaint_language (ObjectorAuthority *self);
/* The law a complaint cites: "gdpr", "uk-gdpr" or "ch-fadp". */
const char         *objector_authority_get_law                (ObjectorAuthority *self);
/* For authorities of a part of a country (the German Länder): the region's
 * own name ("Bayern") and its ISO 3166-2 code ("DE-BY"); NULL otherwise. */
const char         *objector_authority_get_region             (ObjectorAuthority *self);
const char         *objector_authority_get_region_code        (ObjectorAuthority *self);
/* TRUE when @text names this authority's region: its name, an alias
 * ("Bavaria") or its code ("DE-BY", "BY"), in any case, with or without
 * umlauts ("Thueringen", "Thuringen"), spaces or hyphens. */
gboolean            objector_authority_matches_region         (ObjectorAuthority *self,
                                                               const char        *text);

#define OBJECTOR_TYPE_AUTHORITIES (objector_authorities_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorAuthorities, objector_authorities, OBJECTOR, AUTHORITIES, GObject)

/* Validates the JSON; faults give OBJECTOR_ERROR_INVALID_DATA and a message
 * "<json path>: <problem>", such as "authorities[3].countries[0]: “XX” is
 * not a country code". */
ObjectorAuthorities *objector_authorities_new_from_bytes  (GBytes              *bytes,
                                                           GError             **error);
/* The list bundled in the gresource. */
ObjectorAuthorities *objector_authorities_load            (GError             **error);

/* A GListModel of ObjectorAuthority, in file order. */
GListModel          *objector_authorities_get_all         (ObjectorAuthorities *self);
ObjectorAuthority   *objector_authorities_lookup          (ObjectorAuthorities *self,
                                                           const char          *slug);
/* Meta's lead supervisory authority (the Irish DPC), always there. */
ObjectorAuthority   *objector_authorities_get_lead        (ObjectorAuthorities *self);
/* Whether @country (any case) has one authority per region, so that a
 * region must be chosen: Germany, with its Länder. */
gboolean             objector_authorities_has_regions     (ObjectorAuthorities *self,
                                                           const char          *country);
/* The regional authorities of @country, sorted by region name: a new
 * GListModel of ObjectorAuthority, empty when it has none. */
GListModel          *objector_authorities_list_regions    (ObjectorAuthorities *self,
                                                           const char          *country);
/* The authority a resident of @country complains to. @region (nullable)
 * picks among the regional ones and is ignored elsewhere. Errors:
 * OBJECTOR_ERROR_INVALID_INPUT for a code that is no country,
 * OBJECTOR_ERROR_NEEDS_REGION when @country has regions and @region is NULL,
 * OBJECTOR_ERROR_NOT_FOUND for a country without authority or an unknown
 * region (the message lists the known ones). The result belongs to @self. */
ObjectorAuthority   *objector_authorities_for_country     (ObjectorAuthorities *self,
                                                           const char          *country,
                                                           const char          *region,
                                                           GError             **error);

G_END_DECLS

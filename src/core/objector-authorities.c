/* objector-authorities.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "objector-authorities.h"
#include "objector-country.h"
#include "objector-error.h"
#include "objector-json.h"
#include "objector-objection.h"
#include "objector-resources.h"

/* Larger input is refused before it is parsed: the real file is 30 kB. */
#define MAX_SIZE (1024 * 1024)

static const char * const laws[] = { "gdpr", "uk-gdpr", "ch-fadp", NULL };

struct _ObjectorAuthority
{
  GObject   parent_instance;

  char     *slug;
  char     *name;
  char    **countries;
  char     *address;
  char     *email;
  char     *phone;
  char     *webform;
  char     *web;
  char     *complaint_language;
  char     *law;
  char     *region;
  char     *region_code;
  char    **region_aliases;
};

G_DEFINE_FINAL_TYPE (ObjectorAuthority, objector_authority, G_TYPE_OBJECT)

enum {
  AUTHORITY_PROP_0,
  AUTHORITY_PROP_SLUG,
  AUTHORITY_PROP_NAME,
  AUTHORITY_PROP_REGION,
  AUTHORITY_N_PROPS
};

static GParamSpec *authority_properties[AUTHORITY_N_PROPS];

static void
objector_authority_finalize (GObject *object)
{
  ObjectorAuthority *self = OBJECTOR_AUTHORITY (object);

  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->countries, g_strfreev);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->webform, g_free);
  g_clear_pointer (&self->web, g_free);
  g_clear_pointer (&self->complaint_language, g_free);
  g_clear_pointer (&self->law, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->region_code, g_free);
  g_clear_pointer (&self->region_aliases, g_strfreev);

  G_OBJECT_CLASS (objector_authority_parent_class)->finalize (object);
}

static void
objector_authority_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ObjectorAuthority *self = OBJECTOR_AUTHORITY (object);

  switch (prop_id)
    {
    case AUTHORITY_PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;
    case AUTHORITY_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case AUTHORITY_PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_authority_class_init (ObjectorAuthorityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = objector_authority_finalize;
  object_class->get_property = objector_authority_get_property;

  /* Read-only properties so that list widgets can bind to them. */
  authority_properties[AUTHORITY_PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  authority_properties[AUTHORITY_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  authority_properties[AUTHORITY_PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, AUTHORITY_N_PROPS, authority_properties);
}

static void
objector_authority_init (ObjectorAuthority *self)
{
}

const char *
objector_authority_get_slug (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->slug;
}

const char *
objector_authority_get_name (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->name;
}

const char * const *
objector_authority_get_countries (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return (const char * const *) self->countries;
}

const char *
objector_authority_get_address (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->address;
}

const char *
objector_authority_get_email (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->email;
}

const char *
objector_authority_get_phone (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->phone;
}

const char *
objector_authority_get_webform (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->webform;
}

const char *
objector_authority_get_web (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->web;
}

const char *
objector_authority_get_complaint_language (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->complaint_language;
}

const char *
objector_authority_get_law (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->law;
}

const char *
objector_authority_get_region (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->region;
}

const char *
objector_authority_get_region_code (ObjectorAuthority *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), NULL);
  return self->region_code;
}

/* A form to compare region names by: lower case, letters and digits only,
 * umlauts as "ae" (@expand) or "a", ß as "ss". */
static char *
fold_region (const char *text,
             gboolean    expand)
{
  g_autofree char *lower = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case 0x00E4: /* ä */
          g_string_append (out, expand ? "ae" : "a");
          break;
        case 0x00F6: /* ö */
          g_string_append (out, expand ? "oe" : "o");
          break;
        case 0x00FC: /* ü */
          g_string_append (out, expand ? "ue" : "u");
          break;
        case 0x00DF: /* ß */
          g_string_append (out, "ss");
          break;
        default:
          if (g_unichar_isalnum (c))
            g_string_append_unichar (out, c);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
region_names_match (const char *name,
                    const char *text)
{
  g_autofree char *name_long = fold_region (name, TRUE);
  g_autofree char *name_short = fold_region (name, FALSE);
  g_autofree char *text_long = fold_region (text, TRUE);
  g_autofree char *text_short = fold_region (text, FALSE);

  if (*text_long == '\0')
    return FALSE;

  /* "Thueringen" is written out, "Thuringen" dropped the dots. */
  return g_str_equal (name_long, text_long) || g_str_equal (name_short, text_short)
         || g_str_equal (name_long, text_short);
}

gboolean
objector_authority_matches_region (ObjectorAuthority *self,
                                   const char        *text)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (self), FALSE);

  if (self->region == NULL || text == NULL)
    return FALSE;

  if (region_names_match (self->region, text))
    return TRUE;

  for (guint i = 0; self->region_aliases != NULL && self->region_aliases[i] != NULL; i++)
    if (region_names_match (self->region_aliases[i], text))
      return TRUE;

  if (self->region_code != NULL)
    {
      const char *dash = strchr (self->region_code, '-');

      if (g_ascii_strcasecmp (self->region_code, text) == 0)
        return TRUE;
      if (dash != NULL && g_ascii_strcasecmp (dash + 1, text) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The list */

struct _ObjectorAuthorities
{
  GObject            parent_instance;

  GListStore        *all;
  GHashTable        *by_slug;  /* slug → ObjectorAuthority (borrowed from all) */
  ObjectorAuthority *lead;
};

G_DEFINE_FINAL_TYPE (ObjectorAuthorities, objector_authorities, G_TYPE_OBJECT)

static void
objector_authorities_finalize (GObject *object)
{
  ObjectorAuthorities *self = OBJECTOR_AUTHORITIES (object);

  g_clear_pointer (&self->by_slug, g_hash_table_unref);
  g_clear_object (&self->all);

  G_OBJECT_CLASS (objector_authorities_parent_class)->finalize (object);
}

static void
objector_authorities_class_init (ObjectorAuthoritiesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = objector_authorities_finalize;
}

static void
objector_authorities_init (ObjectorAuthorities *self)
{
  self->all = g_list_store_new (OBJECTOR_TYPE_AUTHORITY);
  self->by_slug = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Validation: every fault names its JSON path. Strings are never empty. */

#define STRING          OBJECTOR_JSON_NON_EMPTY
#define REQUIRED_STRING (OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NON_EMPTY)

static gboolean
is_slug (const char *s)
{
  for (const char *p = s; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return *s != '\0';
}

static gboolean
is_web_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;
  return g_str_equal (g_uri_get_scheme (uri), "https") || g_str_equal (g_uri_get_scheme (uri), "http");
}

static gboolean
check_country (const char  *value,
               const char  *path,
               gpointer     user_data,
               GError     **error)
{
  if (!objector_country_code_is_valid (value))
    return objector_json_fail (error, path, _("“%s” is not a country code"), value);
  return TRUE;
}

/* What the strings say, once they are read. */
static gboolean
check_authority (ObjectorAuthority  *self,
                 const char         *path,
                 GError            **error)
{
  if (!is_slug (self->slug))
    return objector_json_fail (error, path, _("slug “%s”: only lower-case letters, digits and “-”"), self->slug);
  if (self->email != NULL && !objector_email_address_is_valid (self->email))
    return objector_json_fail_member (error, path, "email", _("“%s” is not an email address"), self->email);
  if (self->webform != NULL && !is_web_url (self->webform))
    return objector_json_fail_member (error, path, "webform", _("not a web address"));
  if (self->web != NULL && !is_web_url (self->web))
    return objector_json_fail_member (error, path, "web", _("not a web address"));
  if (!objector_json_is_language_code (self->complaint_language))
    return objector_json_fail_member (error, path, "complaint_language",
                                      _("“%s” is not a language code (like “de”)"), self->complaint_language);
  if (!g_strv_contains (laws, self->law))
    return objector_json_fail_member (error, path, "law", _("“%s” is not one of gdpr, uk-gdpr, ch-fadp"),
                                      self->law);
  if ((self->region == NULL) != (self->region_code == NULL))
    return objector_json_fail (error, path, _("“region” and “region_code” go together"));
  /* So that a mail program is never offered an authority it cannot reach. */
  if (self->email == NULL && self->webform == NULL)
    return objector_json_fail (error, path, _("neither “email” nor “webform”: there is no way to send a complaint"));
  return TRUE;
}

static ObjectorAuthority *
read_authority (JsonNode  *node,
                guint      index,
                GError   **error)
{
  g_autoptr(ObjectorAuthority) self = g_object_new (OBJECTOR_TYPE_AUTHORITY, NULL);
  g_autofree char *path = objector_json_element_path ("authorities", index);
  JsonObject *object;

  if (!objector_json_read_object (node, path, &object, error)
      || !objector_json_dup_string (object, path, "slug", REQUIRED_STRING, &self->slug, error)
      || !objector_json_dup_string (object, path, "name", REQUIRED_STRING, &self->name, error)
      || !objector_json_get_strv (object, path, "countries", REQUIRED_STRING, check_country, NULL,
                                  &self->countries, error)
      || !objector_json_dup_string (object, path, "address", REQUIRED_STRING, &self->address, error)
      || !objector_json_dup_string (object, path, "email", STRING, &self->email, error)
      || !objector_json_dup_string (object, path, "phone", STRING, &self->phone, error)
      || !objector_json_dup_string (object, path, "webform", STRING, &self->webform, error)
      || !objector_json_dup_string (object, path, "web", STRING, &self->web, error)
      || !objector_json_dup_string (object, path, "complaint_language", REQUIRED_STRING,
                                    &self->complaint_language, error)
      || !objector_json_dup_string (object, path, "law", REQUIRED_STRING, &self->law, error)
      || !objector_json_dup_string (object, path, "region", STRING, &self->region, error)
      || !objector_json_dup_string (object, path, "region_code", STRING, &self->region_code, error)
      || !objector_json_get_strv (object, path, "region_aliases", OBJECTOR_JSON_OPTIONAL, NULL, NULL,
                                  &self->region_aliases, error)
      || !check_authority (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

ObjectorAuthorities *
objector_authorities_new_from_bytes (GBytes  *bytes,
                                     GError **error)
{
  g_autoptr(ObjectorAuthorities) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *lead = NULL;
  g_autoptr(GHashTable) region_countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *root;
  JsonArray *array;
  gint64 format = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!(root = objector_json_parse_object (parser, bytes, MAX_SIZE, error)))
    return NULL;

  if (!objector_json_get_int (root, NULL, "format", OBJECTOR_JSON_REQUIRED, G_MININT64, G_MAXINT64, &format, NULL))
    {
      objector_json_fail (error, "format", _("missing or not a number"));
      return NULL;
    }
  if (format != OBJECTOR_AUTHORITIES_FORMAT)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, format);

      objector_json_fail (error, "format", _("%s is not a format this version reads (%d)"),
            found, OBJECTOR_AUTHORITIES_FORMAT);
      return NULL;
    }

  if (!objector_json_get_array (root, NULL, "authorities", OBJECTOR_JSON_REQUIRED, &array, NULL))
    {
      objector_json_fail (error, "authorities", _("missing or not a list"));
      return NULL;
    }

  self = g_object_new (OBJECTOR_TYPE_AUTHORITIES, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(ObjectorAuthority) authority = read_authority (json_array_get_element (array, i), i, error);

      if (authority == NULL)
        return NULL;

      if (g_hash_table_contains (self->by_slug, authority->slug))
        {
          g_autofree char *where = objector_json_element_path ("authorities", i);

          objector_json_fail_member (error, where, "slug", _("“%s” appears twice"), authority->slug);
          return NULL;
        }

      if (authority->region != NULL)
        for (guint c = 0; authority->countries[c] != NULL; c++)
          g_hash_table_add (region_countries, g_strdup (authority->countries[c]));

      g_list_store_append (self->all, authority);
      g_hash_table_insert (self->by_slug, authority->slug, authority);
    }

  /* A country is either divided into regions or not: a national authority
   * beside regional ones would make the lookup ambiguous. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->all)); i++)
    {
      g_autoptr(ObjectorAuthority) authority = g_list_model_get_item (G_LIST_MODEL (self->all), i);

      if (authority->region != NULL)
        continue;
      for (guint c = 0; authority->countries[c] != NULL; c++)
        if (g_hash_table_contains (region_countries, authority->countries[c]))
          {
            g_autofree char *where = objector_json_element_path ("authorities", i);

            objector_json_fail (error, where, _("%s has regional authorities, so this one needs a “region”"),
                  authority->countries[c]);
            return NULL;
          }
    }

  if (!objector_json_dup_string (root, NULL, "lead", REQUIRED_STRING, &lead, error))
    return NULL;
  self->lead = g_hash_table_lookup (self->by_slug, lead);
  if (self->lead == NULL)
    {
      objector_json_fail (error, "lead", _("no authority “%s” in the list"), lead);
      return NULL;
    }

  return g_steal_pointer (&self);
}

ObjectorAuthorities *
objector_authorities_load (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  ObjectorAuthorities *self;

  /* Pulls the resource object out of the static library, which registers it. */
  (void) objector_get_resource ();

  bytes = g_resources_lookup_data (OBJECTOR_AUTHORITIES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  self = objector_authorities_new_from_bytes (bytes, error);
  if (self == NULL)
    g_prefix_error (error, "“%s”: ", OBJECTOR_AUTHORITIES_RESOURCE);
  return self;
}

GListModel *
objector_authorities_get_all (ObjectorAuthorities *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITIES (self), NULL);
  return G_LIST_MODEL (self->all);
}

ObjectorAuthority *
objector_authorities_lookup (ObjectorAuthorities *self,
                             const char          *slug)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITIES (self), NULL);

  if (slug == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_slug, slug);
}

ObjectorAuthority *
objector_authorities_get_lead (ObjectorAuthorities *self)
{
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITIES (self), NULL);
  return self->lead;
}

static gboolean
serves_country (ObjectorAuthority *authority,
                const char        *country)
{
  for (guint c = 0; authority->countries[c] != NULL; c++)
    if (g_ascii_strcasecmp (authority->countries[c], country) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_utf8_collate (((ObjectorAuthority *) a)->region, ((ObjectorAuthority *) b)->region);
}

GListModel *
objector_authorities_list_regions (ObjectorAuthorities *self,
                                   const char          *country)
{
  GListStore *regions;

  g_return_val_if_fail (OBJECTOR_IS_AUTHORITIES (self), NULL);

  regions = g_list_store_new (OBJECTOR_TYPE_AUTHORITY);
  if (country == NULL)
    return G_LIST_MODEL (regions);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->all)); i++)
    {
      g_autoptr(ObjectorAuthority) authority = g_list_model_get_item (G_LIST_MODEL (self->all), i);

      if (authority->region != NULL && serves_country (authority, country))
        g_list_store_append (regions, authority);
    }

  g_list_store_sort (regions, compare_regions, NULL);
  return G_LIST_MODEL (regions);
}

gboolean
objector_authorities_has_regions (ObjectorAuthorities *self,
                                  const char          *country)
{
  g_autoptr(GListModel) regions = NULL;

  g_return_val_if_fail (OBJECTOR_IS_AUTHORITIES (self), FALSE);

  regions = objector_authorities_list_regions (self, country);
  return g_list_model_get_n_items (regions) > 0;
}

static char *
describe_regions (GListModel *regions)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(ObjectorAuthority) authority = g_list_model_get_item (regions, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, authority->region);
    }

  return g_string_free (names, FALSE);
}

ObjectorAuthority *
objector_authorities_for_country (ObjectorAuthorities  *self,
                                  const char           *country,
                                  const char           *region,
                                  GError              **error)
{
  g_autofree char *code = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autofree char *names = NULL;

  g_return_val_if_fail (OBJECTOR_IS_AUTHORITIES (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);

  if (!(code = objector_country_normalize (country, error)))
    return NULL;

  regions = objector_authorities_list_regions (self, code);
  if (g_list_model_get_n_items (regions) == 0)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->all)); i++)
        {
          g_autoptr(ObjectorAuthority) authority = g_list_model_get_item (G_LIST_MODEL (self->all), i);

          if (serves_country (authority, code))
            return authority;  /* still owned by self->all */
        }

      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND,
                   _("Objector knows no data-protection authority for residents of %s: "
                     "complaints under the GDPR are for people who live in the EU, the EEA, "
                     "the UK or Switzerland"), code);
      return NULL;
    }

  names = describe_regions (regions);

  if (region == NULL || *region == '\0')
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_REGION,
                   _("%s has one data-protection authority per region: say which one you live in (%s)"),
                   code, names);
      return NULL;
    }

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(ObjectorAuthority) authority = g_list_model_get_item (regions, i);

      if (objector_authority_matches_region (authority, region))
        return authority;  /* still owned by self->all */
    }

  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND,
               _("“%s” is not a region of %s; the regions are: %s"), region, code, names);
  return NULL;
}

/* objector-country.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>

#include "objector-country.h"
#include "objector-error.h"
#include "objector-json.h"

#define ISO_CODES_MAX_SIZE (8 * 1024 * 1024)

/* Every officially assigned ISO 3166-1 alpha-2 code, sorted. */
static const char * const country_codes[] = {
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
  "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
  "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
  "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
  "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
  "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
  "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
  "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
  "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
  "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
  "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
  "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
  "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
  "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
  "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
  "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
  NULL
};

static int
compare_codes (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
objector_country_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 2)
    return FALSE;

  return bsearch (&code, country_codes, G_N_ELEMENTS (country_codes) - 1,
                  sizeof (char *), compare_codes) != NULL;
}

char *
objector_country_normalize (const char  *code,
                            GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *upper = NULL;

  if (code == NULL || *code == '\0')
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("No country given: use the two-letter code of the country you live in, such as DE or FR"));
      return NULL;
    }

  stripped = g_strstrip (g_strdup (code));
  upper = g_ascii_strup (stripped, -1);
  if (!objector_country_code_is_valid (upper))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("“%s” is not a country code: use the two-letter ISO 3166 code of the country you live in, such as DE or FR"),
                   code);
      return NULL;
    }

  return g_steal_pointer (&upper);
}

const char * const *
objector_country_list_codes (void)
{
  return country_codes;
}

char *
objector_country_from_locale (const char *locale)
{
  const char *underscore;
  g_autofree char *code = NULL;
  size_t len;

  if (locale == NULL)
    return NULL;
  underscore = strchr (locale, '_');
  if (underscore == NULL)
    return NULL;
  len = strcspn (underscore + 1, ".@");
  if (len != 2)
    return NULL;
  code = g_ascii_strup (underscore + 1, 2);
  return objector_country_code_is_valid (code) ? g_steal_pointer (&code) : NULL;
}

char *
objector_country_suggested (void)
{
  static const char * const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

  /* The first one set decides, as for setlocale (LC_MESSAGES, ""). */
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && *value != '\0')
        return objector_country_from_locale (value);
    }
  return NULL;
}

/* Country names */

static GHashTable *
load_country_names (void)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  JsonArray *array;

  bind_textdomain_codeset ("iso_3166-1", "UTF-8");

  /* A system file, but read like every other JSON: limited in size and
   * nesting before json-glib recurses into it (about 100 KB today). */
  root = objector_json_load_file (parser, "/usr/share/iso-codes/json/iso_3166-1.json", ISO_CODES_MAX_SIZE, NULL);
  if ((array = objector_json_lookup_array (root, "3166-1")) == NULL)
    return names;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *code = objector_json_lookup_string (entry, "alpha_2");
      /* The short common name people use ("Bolivia"), else the official one. */
      const char *name = objector_json_lookup_string (entry, "common_name");

      if (name == NULL)
        name = objector_json_lookup_string (entry, "name");
      if (code != NULL && name != NULL)
        g_hash_table_insert (names, g_strdup (code), g_strdup (g_dgettext ("iso_3166-1", name)));
    }

  return names;
}

char *
objector_country_dup_name (const char *code)
{
  static GHashTable *names = NULL;
  const char *name;

  if (code == NULL)
    return NULL;

  if (g_once_init_enter (&names))
    g_once_init_leave (&names, load_country_names ());

  name = g_hash_table_lookup (names, code);
  return g_strdup (name != NULL ? name : code);
}

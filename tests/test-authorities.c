/* test-authorities.c — which data-protection authority each resident complains to
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-authorities.h"
#include "objector-error.h"
#include "objector-test-util.h"

static ObjectorAuthorities *
load (void)
{
  g_autoptr(GError) error = NULL;
  ObjectorAuthorities *authorities = objector_authorities_load (&error);

  g_assert_no_error (error);
  g_assert_nonnull (authorities);
  return authorities;
}

static ObjectorAuthority *
for_country (ObjectorAuthorities *authorities,
             const char          *country,
             const char          *region)
{
  g_autoptr(GError) error = NULL;
  ObjectorAuthority *authority = objector_authorities_for_country (authorities, country, region, &error);

  g_assert_no_error (error);
  g_assert_nonnull (authority);
  return authority;
}

/* Every EU member, the three other EEA countries, the UK and Switzerland,
 * with the authority each must resolve to. */
static const struct {
  const char *country;
  const char *slug;
  const char *name_part;
  const char *law;
} expected[] = {
  { "AT", "atdsb", "Datenschutzbehörde", "gdpr" },
  { "BE", "beapd", "Gegevensbeschermingsautoriteit", "gdpr" },
  { "BG", "bgcpdp", "Personal Data Protection", "gdpr" },
  { "HR", "hrazop", "Agencija za zaštitu osobnih podataka", "gdpr" },
  { "CY", "cydp", "Commissioner", "gdpr" },
  { "CZ", "czcuooz", "Úřad pro ochranu osobních údajů", "gdpr" },
  { "DK", "dkdi", "Datatilsynet", "gdpr" },
  { "EE", "eeaki", "Andmekaitse Inspektsioon", "gdpr" },
  { "FI", "fitst", "Tietosuojavaltuutetun", "gdpr" },
  { "FR", "frcnil", "CNIL", "gdpr" },
  { "GR", "grdpa", "Hellenic Data Protection Authority", "gdpr" },
  { "HU", "hunaih", "Nemzeti Adatvédelmi", "gdpr" },
  { "IE", "iedpc", "Data Protection Commission", "gdpr" },
  { "IT", "itgpdp", "Garante per la protezione dei dati personali", "gdpr" },
  { "LV", "lvdvi", "Datu valsts inspekcija", "gdpr" },
  { "LT", "ltada", "Valstybinė duomenų apsaugos inspekcija", "gdpr" },
  { "LU", "lucnpd", "Commission nationale pour la protection des données", "gdpr" },
  { "MT", "mtidpc", "Information and Data Protection Commissioner", "gdpr" },
  { "NL", "nlap", "Autoriteit Persoonsgegevens", "gdpr" },
  { "PL", "pluodo", "Urząd Ochrony Danych Osobowych", "gdpr" },
  { "PT", "ptcnpd", "Comissão Nacional de Protecção de Dados", "gdpr" },
  { "RO", "roanspdcp", "Autoritatea Naţională de Supraveghere", "gdpr" },
  { "SK", "skunoou", "Úrad na ochranu osobných údajov", "gdpr" },
  { "SI", "siiprs", "Informacijski pooblaščenec", "gdpr" },
  { "ES", "esaepa", "Agencia Española de Protección de Datos", "gdpr" },
  { "SE", "sedi", "Integritetsskyddsmyndigheten", "gdpr" },
  { "IS", "isdpa", "Persónuvernd", "gdpr" },
  { "LI", "lidss", "Datenschutzstelle", "gdpr" },
  { "NO", "nods", "Datatilsynet", "gdpr" },
  { "GB", "gbico", "Information Commissioner", "uk-gdpr" },
  { "CH", "chedoeb", "FDPIC", "ch-fadp" },
};

static void
test_every_country (void)
{
  g_autoptr(ObjectorAuthorities) authorities = load ();

  /* 26 EU members (Germany has one authority per Land, see below),
   * 3 more EEA countries, the UK and Switzerland. */
  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, 31);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      ObjectorAuthority *authority = for_country (authorities, expected[i].country, NULL);
      const char *address = objector_authority_get_address (authority);

      g_test_message ("%s → %s", expected[i].country, objector_authority_get_slug (authority));
      g_assert_cmpstr (objector_authority_get_slug (authority), ==, expected[i].slug);
      test_util_assert_contains (objector_authority_get_name (authority), expected[i].name_part);
      g_assert_cmpstr (objector_authority_get_law (authority), ==, expected[i].law);
      g_assert_true (g_strv_contains (objector_authority_get_countries (authority), expected[i].country));
      /* Reachable, and with an address to write to. */
      g_assert_true (objector_authority_get_email (authority) != NULL
                     || objector_authority_get_webform (authority) != NULL);
      g_assert_nonnull (address);
      g_assert_nonnull (strchr (address, '\n'));
      g_assert_cmpuint (strlen (objector_authority_get_complaint_language (authority)), >=, 2);
      g_assert_null (objector_authority_get_region (authority));
    }

  /* Germany resolves too, once the Land is known. */
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "DE", "Berlin")), ==, "deberlbdi");

  /* Any case will do. */
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "fr", NULL)), ==, "frcnil");
}

/* The records the issue and the file say were corrected. */
static void
test_corrections (void)
{
  g_autoptr(ObjectorAuthorities) authorities = load ();
  ObjectorAuthority *pl = for_country (authorities, "PL", NULL);
  ObjectorAuthority *gb = for_country (authorities, "GB", NULL);
  ObjectorAuthority *fr = for_country (authorities, "FR", NULL);
  ObjectorAuthority *ie = for_country (authorities, "IE", NULL);

  test_util_assert_contains (objector_authority_get_name (pl), "UODO");
  test_util_assert_lacks (objector_authority_get_name (pl), "GIODO");
  g_assert_cmpstr (objector_authority_get_email (pl), ==, "kancelaria@uodo.gov.pl");
  g_assert_cmpstr (objector_authority_get_web (pl), ==, "https://uodo.gov.pl");
  g_assert_true (g_str_has_prefix (objector_authority_get_address (pl), "ul. Stawki 2\n00-193 Warszawa"));
  g_assert_null (objector_authorities_lookup (authorities, "plgiodo"));

  test_util_assert_contains (objector_authority_get_name (gb), "ICO");
  g_assert_cmpstr (objector_authority_get_complaint_language (gb), ==, "en");
  g_assert_true (g_str_has_prefix (objector_authority_get_webform (gb), "https://ico.org.uk/"));

  g_assert_cmpstr (objector_authority_get_webform (fr), ==, "https://www.cnil.fr/fr/plaintes");
  g_assert_cmpstr (objector_authority_get_complaint_language (fr), ==, "fr");

  g_assert_cmpstr (objector_authority_get_phone (ie), ==, "+353 1 765 0100");
}

static void
test_lead (void)
{
  g_autoptr(ObjectorAuthorities) authorities = load ();
  ObjectorAuthority *lead = objector_authorities_get_lead (authorities);

  g_assert_nonnull (lead);
  g_assert_cmpstr (objector_authority_get_slug (lead), ==, "iedpc");
  g_assert_true (lead == objector_authorities_lookup (authorities, "iedpc"));
  g_assert_true (lead == for_country (authorities, "IE", NULL));
  g_assert_cmpstr (objector_authority_get_complaint_language (lead), ==, "en");
}

static const struct {
  const char *region;
  const char *code;
  const char *slug;
} laender[] = {
  { "Baden-Württemberg", "DE-BW", "debawueldb" },
  { "Bayern", "DE-BY", "debaylda" },
  { "Berlin", "DE-BE", "deberlbdi" },
  { "Brandenburg", "DE-BB", "debralda" },
  { "Bremen", "DE-HB", "debrelfdi" },
  { "Hamburg", "DE-HH", "dehmbbfdi" },
  { "Hessen", "DE-HE", "dehessbdi" },
  { "Mecklenburg-Vorpommern", "DE-MV", "demvldi" },
  { "Niedersachsen", "DE-NI", "dendslfd" },
  { "Nordrhein-Westfalen", "DE-NW", "denrwldi" },
  { "Rheinland-Pfalz", "DE-RP", "derlpbdi" },
  { "Saarland", "DE-SL", "desaarudz" },
  { "Sachsen", "DE-SN", "desaechsdsb" },
  { "Sachsen-Anhalt", "DE-ST", "desalbd" },
  { "Schleswig-Holstein", "DE-SH", "deshuld" },
  { "Thüringen", "DE-TH", "detlfdi" },
};

static void
test_laender (void)
{
  g_autoptr(ObjectorAuthorities) authorities = load ();
  g_autoptr(GListModel) regions = objector_authorities_list_regions (authorities, "de");
  g_autoptr(GListModel) none = objector_authorities_list_regions (authorities, "FR");

  g_assert_true (objector_authorities_has_regions (authorities, "DE"));
  g_assert_false (objector_authorities_has_regions (authorities, "AT"));
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  /* All sixteen, sorted by name, each the authority for companies. */
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, G_N_ELEMENTS (laender));
  for (guint i = 0; i < G_N_ELEMENTS (laender); i++)
    {
      g_autoptr(ObjectorAuthority) authority = g_list_model_get_item (regions, i);
      g_autofree char *region_property = NULL;

      g_assert_cmpstr (objector_authority_get_region (authority), ==, laender[i].region);
      g_assert_cmpstr (objector_authority_get_region_code (authority), ==, laender[i].code);
      g_assert_cmpstr (objector_authority_get_slug (authority), ==, laender[i].slug);
      g_assert_cmpstr (objector_authority_get_complaint_language (authority), ==, "de");
      g_object_get (authority, "region", &region_property, NULL);
      g_assert_cmpstr (region_property, ==, laender[i].region);

      /* By name, by code, by code without the country. */
      g_assert_true (for_country (authorities, "DE", laender[i].region) == authority);
      g_assert_true (for_country (authorities, "DE", laender[i].code) == authority);
      g_assert_true (for_country (authorities, "de", laender[i].code + 3) == authority);
    }

  /* Spelled as people type. */
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "DE", "bayern")), ==, "debaylda");
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "DE", "Bavaria")), ==, "debaylda");
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "DE", "by")), ==, "debaylda");
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "DE", "Thueringen")), ==, "detlfdi");
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "DE", "THURINGEN")), ==, "detlfdi");
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "DE", "Baden Wuerttemberg")), ==, "debawueldb");
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "DE", "North Rhine-Westphalia")), ==, "denrwldi");
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "DE", "sachsen-anhalt")), ==, "desalbd");
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "DE", "Sachsen")), ==, "desaechsdsb");

  /* Public-sector, church, broadcasting and federal authorities never
   * handle a complaint about Meta. */
  g_assert_null (objector_authorities_lookup (authorities, "debayldb"));
  g_assert_null (objector_authorities_lookup (authorities, "debfdi"));
  g_assert_null (objector_authorities_lookup (authorities, "dekathdsz"));
  g_assert_null (objector_authorities_lookup (authorities, "derf"));

  /* A region elsewhere is ignored rather than refused. */
  g_assert_cmpstr (objector_authority_get_slug (for_country (authorities, "AT", "Tirol")), ==, "atdsb");
}

static void
test_lookup_errors (void)
{
  g_autoptr(ObjectorAuthorities) authorities = load ();
  g_autoptr(GError) error = NULL;

  g_assert_null (objector_authorities_for_country (authorities, "DE", NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_REGION);
  test_util_assert_contains (error->message, "Bayern");
  test_util_assert_contains (error->message, "Thüringen");
  g_clear_error (&error);

  g_assert_null (objector_authorities_for_country (authorities, "DE", "", &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_REGION);
  g_clear_error (&error);

  g_assert_null (objector_authorities_for_country (authorities, "DE", "Bavarai", &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND);
  test_util_assert_contains (error->message, "“Bavarai” is not a region of DE");
  test_util_assert_contains (error->message, "Schleswig-Holstein");
  g_clear_error (&error);

  g_assert_null (objector_authorities_for_country (authorities, "US", NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND);
  test_util_assert_contains (error->message, "residents of US");
  g_clear_error (&error);

  g_assert_null (objector_authorities_for_country (authorities, "Germany", NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_null (objector_authorities_lookup (authorities, "nonesuch"));
  g_assert_null (objector_authorities_lookup (authorities, NULL));
}

static void
assert_invalid (const char *json,
                const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorAuthorities) authorities = objector_authorities_new_from_bytes (bytes, &error);

  g_assert_null (authorities);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA);
  /* json-glib's own words after "(root): " vary between versions. */
  test_util_assert_message (error->message, message);
}

#define RECORD(extra) \
  "{\"slug\": \"xx\", \"name\": \"X\", \"countries\": [\"IE\"], \"address\": \"1 Street\\nTown\", " \
  "\"email\": \"a@b.ie\", \"complaint_language\": \"en\", \"law\": \"gdpr\"" extra "}"

static void
test_validation (void)
{
  const char *good = "{\"format\": 1, \"lead\": \"xx\", \"authorities\": [" RECORD ("") "]}";
  g_autoptr(GBytes) bytes = g_bytes_new (good, strlen (good));
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorAuthorities) authorities = objector_authorities_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (authorities);
  g_assert_cmpuint (g_list_model_get_n_items (objector_authorities_get_all (authorities)), ==, 1);

  assert_invalid ("[", "(root): <data>:1:…");
  assert_invalid ("[]", "(root): expected an object");
  assert_invalid ("{\"format\": 2, \"authorities\": []}", "format: 2 is not a format this version reads (1)");
  assert_invalid ("{\"format\": 1}", "authorities: missing or not a list");
  assert_invalid ("{\"format\": 1, \"lead\": \"xx\", \"authorities\": [" RECORD (", \"email\": 3") "]}",
                  "authorities[0].email: expected a string");
  assert_invalid ("{\"format\": 1, \"lead\": \"zz\", \"authorities\": [" RECORD ("") "]}",
                  "lead: no authority “zz” in the list");
  assert_invalid ("{\"format\": 1, \"lead\": \"xx\", \"authorities\": [" RECORD ("") ", " RECORD ("") "]}",
                  "authorities[1].slug: “xx” appears twice");
  assert_invalid ("{\"format\": 1, \"lead\": \"xx\", \"authorities\": ["
                  "{\"slug\": \"xx\", \"name\": \"X\", \"countries\": [\"XX\"], \"address\": \"a\", "
                  "\"email\": \"a@b.ie\", \"complaint_language\": \"en\", \"law\": \"gdpr\"}]}",
                  "authorities[0].countries[0]: “XX” is not a country code");
  assert_invalid ("{\"format\": 1, \"lead\": \"xx\", \"authorities\": ["
                  "{\"slug\": \"xx\", \"name\": \"X\", \"countries\": [\"IE\"], \"address\": \"a\", "
                  "\"complaint_language\": \"en\", \"law\": \"gdpr\"}]}",
                  "authorities[0]: neither “email” nor “webform”: there is no way to send a complaint");
  assert_invalid ("{\"format\": 1, \"lead\": \"xx\", \"authorities\": ["
                  "{\"slug\": \"xx\", \"name\": \"X\", \"countries\": [\"IE\"], \"address\": \"a\", "
                  "\"webform\": \"javascript:alert(1)\", \"complaint_language\": \"en\", \"law\": \"gdpr\"}]}",
                  "authorities[0].webform: not a web address");
  assert_invalid ("{\"format\": 1, \"lead\": \"xx\", \"authorities\": ["
                  "{\"slug\": \"xx\", \"name\": \"X\", \"countries\": [\"IE\"], \"address\": \"a\", "
                  "\"email\": \"a@b.ie\", \"complaint_language\": \"en\", \"law\": \"ccpa\"}]}",
                  "authorities[0].law: “ccpa” is not one of gdpr, uk-gdpr, ch-fadp");
  /* A national authority beside regional ones would make the lookup guess. */
  assert_invalid ("{\"format\": 1, \"lead\": \"xx\", \"authorities\": [" RECORD (", \"region\": \"Leinster\", \"region_code\": \"IE-L\"")
                  ", {\"slug\": \"yy\", \"name\": \"Y\", \"countries\": [\"IE\"], \"address\": \"a\", "
                  "\"email\": \"a@b.ie\", \"complaint_language\": \"en\", \"law\": \"gdpr\"}]}",
                  "authorities[1]: IE has regional authorities, so this one needs a “region”");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "authorities");

  g_test_add_func ("/authorities/every-country", test_every_country);
  g_test_add_func ("/authorities/corrections", test_corrections);
  g_test_add_func ("/authorities/lead", test_lead);
  g_test_add_func ("/authorities/laender", test_laender);
  g_test_add_func ("/authorities/lookup-errors", test_lookup_errors);
  g_test_add_func ("/authorities/validation", test_validation);

  return test_util_run_tests ();
}

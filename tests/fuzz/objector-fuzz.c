/* objector-fuzz.c — what each fuzz target does with one input
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the libFuzzer programs (fuzz-entry.c, built with -Dfuzzing=true) and
 * tests/test-fuzz-regressions.c, which replays every input that once broke a
 * promise, so a fix stays fixed in every build. A broken promise is reported
 * with objector_fuzz_fail(), which aborts: a crash for libFuzzer (which keeps
 * the input), a failure for the test.
 */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "objector-auth-results.h"
#include "objector-draft.h"
#include "objector-error.h"
#include "objector-lookalike.h"
#include "objector-mail.h"
#include "objector-html-text.h"
#include "objector-mail-scanner.h"
#include "objector-playbook.h"
#include "objector-redact.h"
#include "objector-store.h"

#include "objector-clock.h"
#include "objector-fuzz.h"
#include "objector-test-files.h"

static char *base_dir;                    /* the private temporary folder */
static ObjectorPlaybook *bundled;         /* for the mail rules */
static ObjectorMail *sample_mail;         /* for fuzzed playbooks' rules */
static ObjectorObjection *sample_objection;

/* A receipt as Meta sends it, checked against every playbook that loads. */
static const char sample_message[] =
  "From: Facebook <notification@facebookmail.com>\r\n"
  "To: person@example.org\r\n"
  "Subject: We received your objection request\r\n"
  "Date: Mon, 02 Jun 2025 10:00:00 +0000\r\n"
  "Message-ID: <fuzz-sample@facebookmail.com>\r\n"
  "Authentication-Results: mx.example.org; dkim=pass header.d=facebookmail.com; spf=pass\r\n"
  "Content-Type: text/plain; charset=utf-8\r\n"
  "\r\n"
  "We have received your objection. https://www.facebook.com/help/contact/\r\n";

/* Helpers */

void
objector_fuzz_fail (const char *format,
                    ...)
{
  va_list args;

  /* abort(), not g_error(): GLib stops fatal messages with SIGTRAP, which
   * libFuzzer does not catch, so it would not keep the input. */
  fprintf (stderr, "objector-fuzz: ");
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fprintf (stderr, "\n");
  fflush (stderr);
  abort ();
}

/* A fresh, empty folder for one input. */
static char *
fresh_dir (const char *name)
{
  char *path = g_build_filename (base_dir, name, NULL);

  test_util_rm_rf (path);
  if (g_mkdir_with_parents (path, 0700) != 0)
    objector_fuzz_fail ("Could not create %s", path);
  return path;
}

static void
write_file (const char   *filename,
            const guint8 *data,
            gsize         size)
{
  g_autoptr(GError) error = NULL;

  /* Not durable: the fuzzer writes thousands of these a second. */
  if (!g_file_set_contents (filename, (const char *) data, size, &error))
    objector_fuzz_fail ("Could not write %s: %s", filename, error->message);
}

static GBytes *
read_file (const char *filename)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (filename, &contents, &length, &error))
    objector_fuzz_fail ("Could not read %s back: %s", filename, error->message);
  return g_bytes_new_take (contents, length);
}

static void
check_text (const char *what,
            const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    objector_fuzz_fail ("%s is not valid UTF-8", what);
}

static void
check_strv (const char         *what,
            const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    check_text (what, strv[i]);
}

/* Every failure a person may see must say something readable. */
static void
check_error (const char   *what,
             const GError *error,
             GQuark        domain,
             int           code)
{
  if (error == NULL)
    objector_fuzz_fail ("%s failed without saying why", what);
  if (error->domain != domain || (code >= 0 && error->code != code))
    objector_fuzz_fail ("%s failed with an unexpected error (%s, %d): %s", what,
             g_quark_to_string (error->domain), error->code, error->message);
  if (error->message == NULL || *error->message == '\0')
    objector_fuzz_fail ("%s failed with an empty message", what);
  check_text ("the error message", error->message);
}

static void
check_same_bytes (const char   *what,
                  const char   *filename,
                  const guint8 *data,
                  gsize         size)
{
  g_autoptr(GBytes) kept = read_file (filename);
  g_autoptr(GBytes) given = g_bytes_new_static (data, size);

  if (!g_bytes_equal (kept, given))
    objector_fuzz_fail ("%s “%s” does not hold the bytes that were read (%zu bytes kept, %zu given)",
             what, filename, g_bytes_get_size (kept), size);
}

static void
check_private (const char *filename)
{
  GStatBuf st;

  if (g_stat (filename, &st) != 0)
    objector_fuzz_fail ("%s is missing", filename);
  if ((st.st_mode & 0777) != 0600)
    objector_fuzz_fail ("%s has mode %o, not 0600", filename, (unsigned) (st.st_mode & 0777));
}

/* The only file in @dir whose name starts with @prefix. */
static char *
find_copy (const char *dir,
           const char *prefix)
{
  g_auto(GStrv) names = test_util_list_dir (dir, prefix);

  if (names[0] != NULL && names[1] != NULL)
    objector_fuzz_fail ("More than one file in %s starts with %s", dir, prefix);
  return names[0] != NULL ? g_build_filename (dir, names[0], NULL) : NULL;
}

/* Set-up */

void
objector_fuzz_teardown (void)
{
  g_clear_object (&sample_mail);
  g_clear_object (&sample_objection);
  g_clear_object (&bundled);
  if (base_dir != NULL)
    test_util_rm_rf (base_dir);
  g_clear_pointer (&base_dir, g_free);
}

static void
teardown_at_exit (void)
{
  objector_fuzz_teardown ();
}

/* Like G_DEBUG=fatal-warnings, but with abort() (see objector_fuzz_fail()). */
static GLogWriterOutput
abort_on_warning_writer (GLogLevelFlags   log_level,
                         const GLogField *fields,
                         gsize            n_fields,
                         gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fflush (stderr);
      abort ();
    }
  return output;
}

void
objector_fuzz_setup (void)
{
  g_autoptr(GError) error = NULL;

  if (base_dir != NULL)
    return;

  /* Memory, not disk, when there is a choice: every input is written out. */
  const char *parent = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0
                       ? "/dev/shm" : g_get_tmp_dir ();
  base_dir = g_build_filename (parent, "objector-fuzz-XXXXXX", NULL);
  if (g_mkdtemp (base_dir) == NULL)
    objector_fuzz_fail ("Could not create a folder in %s", parent);
  atexit (teardown_at_exit);

  /* Nothing of the person's own is ever read or changed. */
  char *xdg = g_build_filename (base_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  g_free (xdg);
  xdg = g_build_filename (base_dir, "config", NULL);
  g_setenv ("XDG_CONFIG_HOME", xdg, TRUE);
  g_free (xdg);
  xdg = g_build_filename (base_dir, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", xdg, TRUE);
  g_free (xdg);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  /* A fixed instant: the same input takes the same path on any day, so a
   * fixed -seed gives the same run (the gate in build-aux/test). */
  {
    g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-20T09:00:00Z", NULL);

    objector_clock_pin (now);
  }

  /* As the tests run (G_DEBUG=fatal-warnings): a warning is a bug. */
  g_log_set_writer_func (abort_on_warning_writer, NULL, NULL);

  if (!(bundled = objector_playbook_new_bundled (&error)))
    objector_fuzz_fail ("The bundled playbook does not load: %s", error->message);

  g_autoptr(GBytes) sample = g_bytes_new_static (sample_message, sizeof sample_message - 1);
  if (!(sample_mail = objector_mail_new_from_bytes (sample, "sample.eml", &error)))
    objector_fuzz_fail ("The sample message does not load: %s", error->message);

  sample_objection = objector_objection_new ("facebook-objection", "facebook", TRUE, NULL);
  objector_objection_set_country (sample_objection, "DE");
  objector_objection_set_email (sample_objection, "person@example.org");
}

/* Playbook */

static void
check_path (ObjectorPlaybook *playbook,
            ObjectorPath     *path)
{
  GPtrArray *fields = objector_path_get_fields (path);
  GPtrArray *routes = objector_path_get_app_routes (path);

  if (objector_path_get_id (path) == NULL || objector_path_get_title (path) == NULL
      || objector_path_get_form_url (path) == NULL)
    objector_fuzz_fail ("A path of a valid playbook lacks an id, a title or a form URL");

  check_text ("a path id", objector_path_get_id (path));
  check_text ("a path platform", objector_path_get_platform (path));
  check_text ("a path title", objector_path_get_title (path));
  check_text ("a path summary", objector_path_get_summary (path));
  check_text ("a form URL", objector_path_get_form_url (path));
  check_text ("an alternative form URL", objector_path_get_alternative_form_url (path));
  check_text ("an overview URL", objector_path_get_overview_url (path));
  check_text ("a short reason", objector_path_get_reason_short (path));
  check_text ("a full reason", objector_path_get_reason_full (path));
  check_strv ("an allowed host", objector_path_get_allowed_hosts (path));
  check_strv ("a region", objector_path_get_regions (path));
  check_strv ("a step", objector_path_get_steps (path));
  (void) objector_path_kind_to_string (objector_path_get_kind (path));
  (void) objector_path_get_answer_months (path);
  (void) objector_path_get_extension_months (path);
  (void) (fields != NULL ? fields->len : 0);
  (void) (routes != NULL ? routes->len : 0);

  if (!objector_path_url_is_allowed (path, objector_path_get_form_url (path)))
    objector_fuzz_fail ("The form URL of path “%s” is not among its own allowed hosts",
             objector_path_get_id (path));

  if (objector_playbook_lookup_path (playbook, objector_path_get_id (path)) != path)
    objector_fuzz_fail ("Path “%s” cannot be looked up by its id", objector_path_get_id (path));
}

static void
objector_fuzz_playbook (const guint8 *data,
                        gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  static const char * const countries[] = { "DE", "fr", "GB", "NO", "US", "XX", "" };
  const char * const *region_ids;

  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_bytes (bytes, "fuzz", &error);
  if (playbook == NULL)
    {
      check_error ("Loading a playbook", error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK);
      return;
    }

  check_text ("the updated date", objector_playbook_get_updated (playbook));
  GListModel *paths = objector_playbook_get_paths (playbook);
  for (guint i = 0; i < g_list_model_get_n_items (paths); i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);
      check_path (playbook, path);
    }

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autoptr(GListModel) open = objector_playbook_paths_for_country (playbook, countries[i]);

      for (guint j = 0; j < g_list_model_get_n_items (open); j++)
        {
          g_autoptr(ObjectorPath) path = g_list_model_get_item (open, j);

          if (!objector_playbook_path_applies (playbook, path, countries[i]))
            objector_fuzz_fail ("Path “%s” is listed for %s but does not apply there",
                     objector_path_get_id (path), countries[i]);
        }
    }

  region_ids = objector_playbook_get_region_ids (playbook);
  for (guint i = 0; region_ids != NULL && region_ids[i] != NULL; i++)
    check_strv ("a region member", objector_playbook_get_region (playbook, region_ids[i]));
  check_strv ("a mail domain", objector_playbook_get_mail_domains (playbook));

  GPtrArray *rules = objector_playbook_get_mail_rules (playbook);
  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      ObjectorMailRule *rule = g_ptr_array_index (rules, i);

      if (rule->subject == NULL || rule->body == NULL)
        objector_fuzz_fail ("A mail rule has no subject or body list");
      check_strv ("a subject phrase", (const char * const *) rule->subject);
      check_strv ("a body phrase", (const char * const *) rule->body);
    }

  (void) objector_playbook_get_answer_months (playbook);
  (void) objector_playbook_get_extension_months (playbook);

  /* The rules of a playbook that loads must be usable on a real email. */
  objector_mail_check (sample_mail, playbook);
  check_text ("the platform", objector_mail_get_platform (sample_mail));
  check_strv ("a trust note", objector_mail_get_trust_notes (sample_mail));
}

/* Store */

static gboolean
no_change (ObjectorObjection  *objection,
           gpointer            user_data,
           GError            **error)
{
  return TRUE;
}

static void
check_objection (ObjectorObjection *objection)
{
  g_autoptr(JsonNode) node = objector_objection_to_json (objection);
  g_autofree char *text = json_to_string (node, FALSE);
  GPtrArray *history = objector_objection_get_history (objection);

  if (objector_objection_get_id (objection) == NULL || *objector_objection_get_id (objection) == '\0')
    objector_fuzz_fail ("A loaded objection has no id");
  check_text ("an objection id", objector_objection_get_id (objection));
  check_text ("a path id", objector_objection_get_path_id (objection));
  check_text ("an account", objector_objection_get_account (objection));
  check_text ("a country", objector_objection_get_country (objection));
  check_text ("an email address", objector_objection_get_email (objection));
  check_text ("a reason", objector_objection_get_reason (objection));
  check_text ("a saved objection", text);
  (void) objector_state_to_string (objector_objection_get_state (objection));

  for (guint i = 0; i < history->len; i++)
    {
      ObjectorTransition *t = g_ptr_array_index (history, i);
      check_text ("a note", t->note);
    }
}

/* Saves the store unchanged and returns what is on disk. */
static GBytes *
save_unchanged (ObjectorStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorObjection) first = g_list_model_get_item (G_LIST_MODEL (store), 0);

  if (!objector_store_edit (store, objector_objection_get_id (first), no_change, NULL, &error))
    objector_fuzz_fail ("Saving a store that loaded failed: %s", error->message);
  check_private (objector_store_get_filename (store));
  return read_file (objector_store_get_filename (store));
}

static void
objector_fuzz_store (const guint8 *data,
                     gsize         size)
{
  g_autofree char *dir = fresh_dir ("store");
  g_autofree char *filename = g_build_filename (dir, "objections.json", NULL);
  g_autoptr(GError) error = NULL;

  write_file (filename, data, size);
  g_autoptr(ObjectorStore) store = objector_store_new (dir);

  if (!objector_store_load (store, &error))
    {
      const char *copy = objector_store_get_damaged_copy (store);

      check_error ("Loading the store", error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
      if (copy == NULL)
        objector_fuzz_fail ("A damaged store was not kept aside: %s", error->message);
      /* Every byte of the person's evidence is still there. */
      check_same_bytes ("The damaged copy", copy, data, size);
      if (strstr (error->message, copy) == NULL)
        objector_fuzz_fail ("The message does not say where the damaged copy is: %s", error->message);
      test_util_rm_rf (dir);
      return;
    }

  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(ObjectorObjection) found = NULL;

      check_objection (objection);
      found = objector_store_lookup (store, objector_objection_get_id (objection), NULL);
      if (found != NULL)
        g_object_ref (found);
      if (found != objection)
        objector_fuzz_fail ("Objection “%s” cannot be looked up by its id", objector_objection_get_id (objection));
    }

  if (objector_store_get_read_only (store))
    {
      g_autoptr(ObjectorObjection) objection = NULL;

      check_text ("the read-only reason", objector_store_get_read_only_reason (store));
      if (n > 0)
        {
          objection = g_list_model_get_item (G_LIST_MODEL (store), 0);
          if (objector_store_edit (store, objector_objection_get_id (objection), no_change, NULL, &error))
            objector_fuzz_fail ("A store from a newer version was changed");
          check_error ("Changing a read-only store", error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_READ_ONLY);
        }
      check_same_bytes ("The newer store", filename, data, size);
      test_util_rm_rf (dir);
      return;
    }

  if (n == 0)
    {
      test_util_rm_rf (dir);
      return;
    }

  /* What we write, we read back exactly: a second round changes nothing. */
  g_autoptr(GBytes) first = save_unchanged (store);
  g_autoptr(ObjectorStore) again = objector_store_new (dir);
  if (!objector_store_load (again, &error))
    objector_fuzz_fail ("The store does not load what it saved: %s", error->message);
  if (g_list_model_get_n_items (G_LIST_MODEL (again)) != n)
    objector_fuzz_fail ("The store saved %u objections but reads back %u", n,
             g_list_model_get_n_items (G_LIST_MODEL (again)));
  g_autoptr(GBytes) second = save_unchanged (again);
  if (!g_bytes_equal (first, second))
    objector_fuzz_fail ("Saving the store twice gives different files");

  test_util_rm_rf (dir);
}

/* Draft */

static void
check_draft (ObjectorDraft *draft)
{
  const char * const *objections = objector_draft_get_objections (draft);

  check_text ("the country", objector_draft_get_country (draft));
  check_text ("the region", objector_draft_get_region (draft));
  check_text ("the email address", objector_draft_get_email (draft));
  check_text ("the reason kind", objector_draft_get_reason_kind (draft));
  check_text ("the reason", objector_draft_get_reason (draft));
  check_text ("the page", objector_draft_get_page (draft));
  check_strv ("an objection id", objections);
  for (guint i = 0; i < objector_draft_get_n_accounts (draft); i++)
    {
      const ObjectorAccount *account = objector_draft_get_account (draft, i);

      check_text ("an account platform", account->platform);
      check_text ("an account label", account->label);
    }
  (void) objector_draft_count_platform (draft, "facebook");
}

static GBytes *
save_draft (ObjectorDraft *draft,
            const char    *filename)
{
  g_autoptr(GError) error = NULL;

  if (!objector_draft_save (draft, &error))
    objector_fuzz_fail ("Saving the wizard’s draft failed: %s", error->message);
  check_private (filename);
  return read_file (filename);
}

static void
objector_fuzz_draft (const guint8 *data,
                     gsize         size)
{
  g_autofree char *dir = fresh_dir ("draft");
  g_autofree char *filename = g_build_filename (dir, "wizard.json", NULL);
  g_autoptr(GError) error = NULL;

  write_file (filename, data, size);
  g_autoptr(ObjectorDraft) draft = objector_draft_new (dir);

  if (!objector_draft_load (draft, &error))
    {
      g_autofree char *copy = find_copy (dir, "wizard.json.damaged-");

      check_error ("Loading the wizard’s draft", error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
      if (copy == NULL)
        objector_fuzz_fail ("A damaged draft was not kept aside: %s", error->message);
      check_same_bytes ("The damaged draft", copy, data, size);
      g_clear_error (&error);
    }
  check_draft (draft);

  g_autoptr(GBytes) first = save_draft (draft, filename);
  g_autoptr(ObjectorDraft) again = objector_draft_new (dir);
  if (!objector_draft_load (again, &error))
    objector_fuzz_fail ("The draft does not load what it saved: %s", error->message);
  check_draft (again);
  g_autoptr(GBytes) second = save_draft (again, filename);
  if (!g_bytes_equal (first, second))
    objector_fuzz_fail ("Saving the draft twice gives different files");

  test_util_rm_rf (dir);
}

/* Mail */

static void
check_mail (ObjectorMail *mail)
{
  g_autoptr(JsonNode) reparsed = NULL;
  g_autoptr(GDateTime) logged = g_date_time_new_utc (2025, 6, 2, 12, 0, 0);
  g_autoptr(GListStore) objections = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = objector_mail_dup_source_label (mail);
  ObjectorEvent event;

  if (objector_mail_get_error (mail) != NULL)
    {
      check_error ("Reading a message of an mbox file", objector_mail_get_error (mail),
                   OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
      return;
    }

  check_text ("the source label", label);
  check_text ("From", objector_mail_get_from (mail));
  check_text ("the sender's name", objector_mail_get_from_name (mail));
  check_text ("the sender's address", objector_mail_get_from_address (mail));
  check_text ("the sender's domain", objector_mail_get_from_domain (mail));
  check_strv ("a recipient", objector_mail_get_recipients (mail));
  check_text ("the subject", objector_mail_get_subject (mail));
  check_text ("the Message-ID", objector_mail_get_message_id (mail));
  check_text ("Reply-To", objector_mail_get_reply_to (mail));
  check_text ("Return-Path", objector_mail_get_return_path (mail));
  check_strv ("Authentication-Results", objector_mail_get_authentication_results (mail));
  check_text ("the body", objector_mail_get_body (mail));
  check_strv ("a link", objector_mail_get_links (mail));
  check_text ("the digest", objector_mail_get_digest (mail));

  g_autofree char *excerpt = objector_mail_dup_excerpt (mail);
  check_text ("the excerpt", excerpt);
  if (excerpt != NULL && g_utf8_strlen (excerpt, -1) > OBJECTOR_MAIL_EXCERPT_CHARS + 1)
    objector_fuzz_fail ("The excerpt has %ld characters, more than %d", g_utf8_strlen (excerpt, -1),
             OBJECTOR_MAIL_EXCERPT_CHARS);

  objector_mail_check (mail, bundled);
  check_text ("the platform", objector_mail_get_platform (mail));
  check_strv ("a trust note", objector_mail_get_trust_notes (mail));
  check_strv ("a foreign host", objector_mail_get_foreign_hosts (mail));
  const char *code = objector_mail_get_code (mail);
  check_text ("the code", code);
  if (objector_mail_get_trusted (mail) && !objector_mail_get_from_meta (mail))
    objector_fuzz_fail ("A message not from Meta's domains is trusted");
  if (objector_mail_get_trusted (mail) != (objector_mail_get_verdict (mail) == OBJECTOR_MAIL_VERDICT_VERIFIED))
    objector_fuzz_fail ("“trusted” and the verdict disagree");
  if (objector_mail_get_verdict (mail) == OBJECTOR_MAIL_VERDICT_VERIFIED
      && objector_mail_get_trust_notes (mail)[0] != NULL)
    objector_fuzz_fail ("A verified message has a note against it: %s", objector_mail_get_trust_notes (mail)[0]);
  if (objector_mail_get_verdict (mail) != OBJECTOR_MAIL_VERDICT_VERIFIED
      && objector_mail_get_trust_notes (mail)[0] == NULL)
    objector_fuzz_fail ("A message that is not verified does not say why");
  if (objector_mail_get_subject (mail) != NULL && strlen (objector_mail_get_subject (mail)) > OBJECTOR_MAIL_MAX_TEXT_BYTES)
    objector_fuzz_fail ("The subject keeps %zu bytes, more than %d", strlen (objector_mail_get_subject (mail)),
                        OBJECTOR_MAIL_MAX_TEXT_BYTES);
  if (excerpt != NULL && strlen (excerpt) > OBJECTOR_MAIL_MAX_TEXT_BYTES)
    objector_fuzz_fail ("The excerpt keeps %zu bytes, more than %d", strlen (excerpt), OBJECTOR_MAIL_MAX_TEXT_BYTES);
  if (objector_mail_get_from_meta (mail) && !objector_mail_get_claims_meta (mail))
    objector_fuzz_fail ("A message from Meta's domains does not claim to be from Meta");

  g_list_store_append (objections, sample_objection);
  g_autoptr(ObjectorObjection) matched = objector_mail_match (mail, G_LIST_MODEL (objections));
  if (matched != NULL && matched != sample_objection)
    objector_fuzz_fail ("The email matched an objection it was not given");
  (void) objector_mail_get_event (mail, sample_objection, &event);

  /* What would be stored: valid JSON that reads back. */
  g_autoptr(JsonObject) object = objector_mail_to_json (mail, logged);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);
  check_text ("the stored email", text);
  if (!(reparsed = json_from_string (text, &error)))
    objector_fuzz_fail ("The stored form of an email does not read back: %s", error->message);
}

static void
objector_fuzz_mail (const guint8 *data,
                    gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);

  g_autoptr(ObjectorMail) mail = objector_mail_new_from_bytes (bytes, "fuzz.eml", &error);
  if (mail == NULL)
    check_error ("Reading a message", error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
  else
    check_mail (mail);
  g_clear_error (&error);

  /* Pasted text stops at the first NUL, as a text field's would. */
  g_autoptr(ObjectorMail) pasted = objector_mail_new_from_string (text, NULL, &error);
  if (pasted == NULL)
    check_error ("Reading pasted text", error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
  else
    check_mail (pasted);
}

static void
objector_fuzz_mbox (const guint8 *data,
                    gsize         size)
{
  g_autofree char *dir = fresh_dir ("mbox");
  g_autofree char *filename = g_build_filename (dir, "inbox.mbox", NULL);
  g_autoptr(ObjectorMailScanner) scanner = objector_mail_scanner_new (bundled);
  g_autoptr(GError) error = NULL;

  write_file (filename, data, size);

  g_autoptr(GPtrArray) mails = objector_mail_load_file (filename, NULL, &error);
  if (mails == NULL)
    {
      if (error == NULL || error->domain != G_FILE_ERROR)
        check_error ("Reading an mbox file", error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
    }
  else
    for (guint i = 0; i < mails->len; i++)
      check_mail (g_ptr_array_index (mails, i));
  g_clear_error (&error);

  g_autoptr(GPtrArray) found = objector_mail_scanner_scan (scanner, filename, NULL, &error);
  if (found == NULL)
    check_error ("Scanning an mbox file", error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
  else
    {
      if (found->len != objector_scanner_get_n_found (OBJECTOR_SCANNER (scanner)))
        objector_fuzz_fail ("The scanner found %u messages but says %u", found->len,
                 objector_scanner_get_n_found (OBJECTOR_SCANNER (scanner)));
      for (guint i = 0; i < found->len; i++)
        {
          ObjectorMail *mail = g_ptr_array_index (found, i);

          if (!objector_mail_get_claims_meta (mail))
            objector_fuzz_fail ("The scanner kept a message that does not claim to be Meta's");
          check_mail (mail);
        }
    }
  if (objector_scanner_get_busy (OBJECTOR_SCANNER (scanner)))
    objector_fuzz_fail ("The scanner is still busy after its scan returned");

  test_util_rm_rf (dir);
}

/* The first line is an address, the rest a text. Redaction must give valid
 * UTF-8 and leave nothing it would find again: no form of the address
 * survives. (The replacement, "█", is not in the address.) */
static void
objector_fuzz_redact (const guint8 *data,
                      gsize         size)
{
  g_autofree char *input = g_strndup ((const char *) data, size);
  const char *addresses[2] = { input, NULL };
  char *newline = strchr (input, '\n');

  if (newline == NULL || strstr (input, "\xe2\x96\x88") != NULL)
    return;
  *newline = '\0';

  g_autoptr(ObjectorRedactor) redactor = objector_redactor_new (addresses, "\xe2\x96\x88");
  g_autofree char *once = objector_redactor_apply (redactor, newline + 1);
  if (once == NULL || !g_utf8_validate (once, -1, NULL))
    objector_fuzz_fail ("Redaction gave no text, or text that is not UTF-8");
  g_autofree char *twice = objector_redactor_apply (redactor, once);
  if (g_strcmp0 (once, twice) != 0)
    objector_fuzz_fail ("Redacted text still holds the address: “%s” became “%s”", once, twice);
}

/* Authentication-Results */

static const char * const fuzz_from_domains[] = {
  "facebookmail.com", "mail.instagram.com", "evil.example", NULL
};

static ObjectorMailJudgement
judge_headers (const char * const *headers,
               const char         *from)
{
  ObjectorMailJudgement judgement;

  objector_mail_judgement_init (&judgement);
  objector_auth_results_judge (headers, from, bundled, &judgement);
  for (guint i = 0; i < judgement.notes->len; i++)
    check_text ("a note on Authentication-Results", g_ptr_array_index (judgement.notes, i));
  if ((judgement.verdict == OBJECTOR_MAIL_VERDICT_VERIFIED) != (judgement.notes->len == 0))
    objector_fuzz_fail ("The verdict is %s with %u notes", objector_mail_verdict_to_string (judgement.verdict),
                        judgement.notes->len);
  return judgement;
}

/* A property's domain as DNS reads it: after the "@", without trailing dots, lower case. */
static char *
fuzz_domain (const char *value)
{
  const char *at = strrchr (value, '@');
  char *domain = g_ascii_strdown (at != NULL ? at + 1 : value, -1);
  gsize n = strlen (domain);

  while (n > 0 && domain[n - 1] == '.')
    domain[--n] = '\0';
  return domain;
}

/* What verified promises, checked against the parse: every DKIM and DMARC
 * result passed, one signature is Meta's and aligned, DMARC is for @from. */
static void
check_verified (ObjectorAuthResults *results,
                const char          *from)
{
  gboolean aligned = FALSE;
  guint n_dmarc = 0;

  if (results == NULL || results->none)
    objector_fuzz_fail ("A header that cannot be read, or checked nothing, verifies");
  if (from == NULL || !objector_mail_domain_is_meta (bundled, from))
    objector_fuzz_fail ("Mail from “%s” verifies", from ? from : "(nobody)");

  for (guint i = 0; i < results->results->len; i++)
    {
      ObjectorAuthResult *r = g_ptr_array_index (results->results, i);

      if (g_str_equal (r->method, "dkim"))
        {
          const char *d = objector_auth_result_get_property (r, "header.d");
          const char *i_ = objector_auth_result_get_property (r, "header.i");
          const char *signer = d != NULL ? d : i_;

          if (!g_str_equal (r->result, "pass"))
            objector_fuzz_fail ("Verified with a DKIM result “%s”", r->result);
          g_autofree char *domain = signer != NULL ? fuzz_domain (signer) : NULL;

          if (domain != NULL && objector_mail_domain_is_meta (bundled, domain))
            aligned = TRUE;
        }
      else if (g_str_equal (r->method, "dmarc"))
        {
          const char *header_from = objector_auth_result_get_property (r, "header.from");

          if (!g_str_equal (r->result, "pass"))
            objector_fuzz_fail ("Verified with a DMARC result “%s”", r->result);
          g_autofree char *domain = header_from != NULL ? fuzz_domain (header_from) : NULL;

          n_dmarc++;
          if (domain == NULL || g_ascii_strcasecmp (domain, from) != 0)
            objector_fuzz_fail ("Verified with DMARC for “%s”, not “%s”", header_from ? header_from : "", from);
        }
    }
  if (!aligned || n_dmarc == 0)
    objector_fuzz_fail ("Verified without a Meta signature or a DMARC result");
}

static void
objector_fuzz_auth_results (const guint8 *data,
                            gsize         size)
{
  g_autofree char *header = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;

  g_autoptr(ObjectorAuthResults) results = objector_auth_results_parse (header, &error);
  if (results == NULL)
    check_error ("Reading Authentication-Results", error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
  else
    for (guint i = 0; i < results->results->len; i++)
      {
        ObjectorAuthResult *r = g_ptr_array_index (results->results, i);

        if (r->method == NULL || *r->method == '\0' || r->result == NULL || *r->result == '\0')
          objector_fuzz_fail ("A result without a method or an outcome");
        for (guint j = 0; r->properties[j] != NULL; j += 2)
          if (r->properties[j + 1] == NULL)
            objector_fuzz_fail ("A property without a value");
      }

  for (guint f = 0; f <= G_N_ELEMENTS (fuzz_from_domains) - 1; f++)
    {
      const char *from = fuzz_from_domains[f];
      const char *alone[] = { header, NULL };
      /* What comes below the topmost header never counts. */
      const char *below[] = { header, "mx; dkim=pass header.d=facebookmail.com; dmarc=pass header.from=facebookmail.com", NULL };
      ObjectorMailJudgement first = judge_headers (alone, from);
      ObjectorMailJudgement second = judge_headers (below, from);

      if (first.verdict != second.verdict || first.notes->len != second.notes->len)
        objector_fuzz_fail ("A header below the topmost changed the verdict");
      if (first.verdict == OBJECTOR_MAIL_VERDICT_VERIFIED)
        check_verified (results, from);
      objector_mail_judgement_clear (&first);
      objector_mail_judgement_clear (&second);
    }
}

/* HTML links */

static void
objector_fuzz_html_links (const guint8 *data,
                          gsize         size)
{
  /* The mail reader hands HTML over as UTF-8, whatever it was. */
  g_autofree char *html = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(ObjectorLinkSet) links = objector_link_set_new ();
  g_autoptr(GHashTable) hosts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *raw = g_strndup ((const char *) data, size);
  const char * const *listed;
  const char * const *host_list;

  g_autofree char *text = objector_html_read (html, strlen (html), links);
  check_text ("the text of HTML", text);

  host_list = objector_link_set_get_hosts (links);
  for (guint i = 0; host_list[i] != NULL; i++)
    {
      const char *host = host_list[i];
      gsize n = strlen (host);

      if (n == 0 || host[n - 1] == '.')
        objector_fuzz_fail ("A host is empty or ends in a dot: “%s”", host);
      for (const char *p = host; *p != '\0'; p++)
        if (g_ascii_isupper (*p))
          objector_fuzz_fail ("A host is not in lower case: “%s”", host);
      if (g_hash_table_contains (hosts, host))
        objector_fuzz_fail ("The host “%s” is listed twice", host);
      g_hash_table_add (hosts, (gpointer) host);
    }

  listed = objector_link_set_get_links (links);
  if (g_strv_length ((char **) listed) > MIN (objector_link_set_get_n_links (links), OBJECTOR_LINK_SET_MAX_LISTED))
    objector_fuzz_fail ("More links are listed than there are");
  if (objector_link_set_get_n_dangerous (links) > objector_link_set_get_n_links (links))
    objector_fuzz_fail ("More dangerous links than links");
  for (guint i = 0; listed[i] != NULL; i++)
    {
      g_autofree char *host = NULL;

      /* The same answer twice, and every web host is among the set's. */
      if (objector_link_resolve (listed[i], NULL, &host) == OBJECTOR_LINK_WEB && host != NULL
          && !g_hash_table_contains (hosts, host) && g_ascii_strncasecmp (listed[i], "www.", 4) != 0)
        objector_fuzz_fail ("The link “%s” leads to “%s”, which the set does not list", listed[i], host);
    }

  /* The same bytes as one link, as text, and as a refresh. */
  {
    g_autoptr(ObjectorLinkSet) other = objector_link_set_new ();
    g_autofree char *host = NULL;
    g_autofree char *scheme = NULL;

    (void) objector_link_resolve (raw, &scheme, &host);
    check_text ("a scheme", scheme);
    objector_link_set_add_text (other, html, strlen (html));
    objector_link_set_add (other, raw, -1);
  }
}

/* The targets */

static const ObjectorFuzzTarget targets[] = {
  { "playbook", objector_fuzz_playbook },
  { "store", objector_fuzz_store },
  { "draft", objector_fuzz_draft },
  { "mail", objector_fuzz_mail },
  { "mbox", objector_fuzz_mbox },
  { "redact", objector_fuzz_redact },
  { "auth-results", objector_fuzz_auth_results },
  { "html-links", objector_fuzz_html_links },
};

const ObjectorFuzzTarget *
objector_fuzz_get_targets (guint *n_targets)
{
  *n_targets = G_N_ELEMENTS (targets);
  return targets;
}

const ObjectorFuzzTarget *
objector_fuzz_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_str_equal (targets[i].name, name))
      return &targets[i];
  return NULL;
}

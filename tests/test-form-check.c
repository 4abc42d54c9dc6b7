/* test-form-check.c — which of a path's forms is opened, against a SoupServer on 127.0.0.1
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "objector-form-check.h"
#include "objector-net-private.h"
#include "objector-path-private.h"
#include "objector-test-soup.h"
#include "objector-test-util.h"
#include "objector-url-policy.h"

static SoupServer *server;
static char *base;
static GPtrArray *requests;  /* "GET /path" since the last reset */
static const char * const hosts[] = { "127.0.0.1", NULL };

static void
server_cb (SoupServerMessage *msg,
          const char        *path)
{
  g_ptr_array_add (requests, g_strdup_printf ("%s %s", soup_server_message_get_method (msg), path));

  if (g_str_has_prefix (path, "/ok"))
    soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  else if (g_str_equal (path, "/moved"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/ok-new");
  else if (g_str_equal (path, "/away"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "https://evil.example/form");
  else if (g_str_equal (path, "/broken"))
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

/* Candidates from "label=path" pairs; a path starting with ":" is a full URL. */
static GPtrArray *
candidates (const char *first,
            ...)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_form_candidate_free);
  va_list args;

  va_start (args, first);
  for (const char *spec = first; spec != NULL; spec = va_arg (args, const char *))
    {
      g_auto(GStrv) parts = g_strsplit (spec, "=", 2);
      ObjectorFormCandidate *form = objector_form_candidate_new ();

      form->label = g_strdup (parts[0]);
      form->url = parts[1][0] == ':' ? g_strdup (parts[1] + 1) : g_strconcat (base, parts[1], NULL);
      form->is_form = TRUE;
      g_ptr_array_add (forms, form);
    }
  va_end (args);
  return forms;
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static ObjectorFormChoice *
check (GPtrArray    *forms,
       GCancellable *cancellable,
       GError      **error)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_ptr_array_set_size (requests, 0);
  objector_form_check_async (net, forms, hosts, cancellable, test_util_store_result_cb, &result);
  test_util_wait_for ("the form check", has_result, &result);
  return objector_form_check_finish (net, result, error);
}

static ObjectorFormChoice *
check_ok (GPtrArray *forms)
{
  g_autoptr(GError) error = NULL;
  ObjectorFormChoice *choice = check (forms, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (choice);
  g_test_message ("action %d, candidate %u, %s: %s", choice->action, choice->index, choice->url,
                  choice->message ? choice->message : "(no message)");
  return choice;
}

static char *
url (const char *path)
{
  return g_strconcat (base, path, NULL);
}

/* The current form answers: it is opened, nothing else is asked. */
static void
test_first_answers (void)
{
  g_autoptr(GPtrArray) forms = candidates ("Meta’s 2025 form=/ok-2025", "Meta’s 2024 form=/ok-2024", NULL);
  g_autoptr(ObjectorFormChoice) choice = check_ok (forms);
  g_autofree char *expected = url ("/ok-2025");

  g_assert_cmpint (choice->action, ==, OBJECTOR_FORM_CHOICE_OPEN);
  g_assert_cmpuint (choice->index, ==, 0);
  g_assert_cmpstr (choice->url, ==, expected);
  g_assert_null (choice->message);
  g_assert_cmpuint (requests->len, ==, 1);
}

/* The 2025 form is gone: the 2024 one is opened, and the person is told why;
 * the pages after it are never requested. */
static void
test_fallback (void)
{
  g_autoptr(GPtrArray) forms = candidates ("Meta’s 2025 form=/gone-2025", "Meta’s 2024 form=/ok-2024",
                                           "Meta’s overview page=/ok-overview", NULL);
  g_autoptr(ObjectorFormChoice) choice = check_ok (forms);
  g_autofree char *expected = url ("/ok-2024");

  g_assert_cmpint (choice->action, ==, OBJECTOR_FORM_CHOICE_OPEN);
  g_assert_cmpuint (choice->index, ==, 1);
  g_assert_cmpstr (choice->url, ==, expected);
  g_assert_cmpstr (choice->message, ==, "Opened Meta’s 2024 form: Meta’s 2025 form did not answer (gone).");
  g_assert_cmpuint (choice->results->len, ==, 2);
  for (guint i = 0; i < requests->len; i++)
    g_assert_null (strstr (g_ptr_array_index (requests, i), "/ok-overview"));
}

/* A form that now leads away from Meta is passed over, never opened; one
 * that moved within the allowed hosts is opened where it went. */
static void
test_away_and_moved (void)
{
  g_autoptr(GPtrArray) forms = candidates ("Meta’s 2025 form=/away", "Meta’s 2024 form=/moved", NULL);
  g_autoptr(ObjectorFormChoice) choice = check_ok (forms);
  g_autofree char *expected = url ("/ok-new");

  g_assert_cmpint (choice->action, ==, OBJECTOR_FORM_CHOICE_OPEN);
  g_assert_cmpuint (choice->index, ==, 1);
  g_assert_cmpstr (choice->url, ==, expected);
  test_util_assert_contains (choice->message, "Meta’s 2025 form now leads away from Meta, to evil.example");
}

/* None answers as it should: offered, never opened by itself. */
static void
test_none_answers (void)
{
  g_autoptr(GPtrArray) forms = candidates ("A=/gone-a", "B=/broken", NULL);
  g_autoptr(GPtrArray) away = candidates ("A=/away", "B=:https://www.example.com/form", NULL);
  g_autoptr(ObjectorFormChoice) choice = check_ok (forms);
  g_autoptr(ObjectorFormChoice) refused = check_ok (away);
  g_autofree char *expected = url ("/gone-a");

  g_assert_cmpint (choice->action, ==, OBJECTOR_FORM_CHOICE_ASK);
  g_assert_cmpuint (choice->index, ==, 0);
  g_assert_cmpstr (choice->url, ==, expected);

  /* Away from Meta, and a host the path does not allow (never requested). */
  g_assert_cmpint (refused->action, ==, OBJECTOR_FORM_CHOICE_REFUSE);
  g_assert_cmpuint (requests->len, ==, 1);
}

/* Offline: the first is opened unchecked, and nothing more is tried. */
static void
test_offline (void)
{
  g_autofree char *down = g_strdup_printf ("A=:http://127.0.0.1:%u/form", test_util_closed_port ());
  g_autoptr(GPtrArray) forms = candidates (down, "B=/ok-b", NULL);
  g_autoptr(ObjectorFormChoice) choice = check_ok (forms);

  g_assert_cmpint (choice->action, ==, OBJECTOR_FORM_CHOICE_OPEN_UNCHECKED);
  g_assert_cmpuint (choice->index, ==, 0);
  g_assert_cmpuint (choice->results->len, ==, 1);
  g_assert_cmpuint (requests->len, ==, 0);
}

static void
test_cancel (void)
{
  g_autoptr(GPtrArray) forms = candidates ("A=/ok-a", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorFormChoice) choice = NULL;

  g_cancellable_cancel (cancellable);
  choice = check (forms, cancellable, &error);
  g_assert_null (choice);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* "Meta’s 2025 form, as of May 2025", in the person's language. */
static void
test_describe (void)
{
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorFormCandidate) undated = objector_form_candidate_new ();
  g_autofree char *first = NULL;
  g_autofree char *label = NULL;
  GPtrArray *forms;

  playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);
  forms = objector_path_get_forms (objector_playbook_lookup_path (playbook, "facebook-objection"));
  first = objector_form_candidate_describe (g_ptr_array_index (forms, 0));
  g_assert_cmpstr (first, ==, "Meta’s 2025 form, as of May 2025");
  g_assert_cmpstr (objector_path_get_last_checked (objector_playbook_lookup_path (playbook, "facebook-objection")),
                   ==, "2025-05-27");

  undated->label = g_strdup ("Meta’s form");
  label = objector_form_candidate_describe (undated);
  g_assert_cmpstr (label, ==, "Meta’s form");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  test_util_init (&argc, &argv, "form-check");
  objector_url_set_loopback_for_testing (TRUE);

  requests = g_ptr_array_new_with_free_func (g_free);
  server = test_util_soup_serve (server_cb, NULL, &base);

  g_test_add_func ("/form-check/first-answers", test_first_answers);
  g_test_add_func ("/form-check/fallback", test_fallback);
  g_test_add_func ("/form-check/away-and-moved", test_away_and_moved);
  g_test_add_func ("/form-check/none-answers", test_none_answers);
  g_test_add_func ("/form-check/offline", test_offline);
  g_test_add_func ("/form-check/cancel", test_cancel);
  g_test_add_func ("/form-check/describe", test_describe);

  status = test_util_run_tests ();
  g_clear_object (&server);
  g_clear_pointer (&base, g_free);
  g_clear_pointer (&requests, g_ptr_array_unref);
  return status;
}

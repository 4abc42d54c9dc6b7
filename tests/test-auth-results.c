/* test-auth-results.c — reading and judging Authentication-Results (RFC 8601)
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-auth-results.h"
#include "objector-error.h"
#include "objector-test-util.h"

static ObjectorPlaybook *playbook;

/* Reading: what the grammar makes of a header. */
typedef struct
{
  const char *header;
  const char *authserv_id;   /* NULL: it cannot be read */
  const char *results;       /* "method=result[prop=value,…] …" */
} ParseCase;

static const ParseCase parse_cases[] = {
  { "mx.example.org; dkim=pass header.d=facebookmail.com", "mx.example.org", "dkim=pass[header.d=facebookmail.com]" },
  { "mx.example.org 1; spf=pass smtp.mailfrom=a@b.example", "mx.example.org", "spf=pass[smtp.mailfrom=a@b.example]" },
  { "  mx.example.org ;\r\n\tdkim = pass\r\n header.d = facebookmail.com ; ", "mx.example.org",
    "dkim=pass[header.d=facebookmail.com]" },
  { "\"mx example\"; dmarc=pass header.from=facebookmail.com", "mx example", "dmarc=pass[header.from=facebookmail.com]" },
  { "mx; none", "mx", "" },
  { "mx", "mx", "" },
  /* Comments, nested, with ";" and "=" and quotes inside */
  { "mx (a; b=c); dkim=pass (good; (nested; dkim=fail) \"x\") header.i=@facebookmail.com", "mx",
    "dkim=pass[header.i=@facebookmail.com]" },
  { "mx; dkim=fail (dkim=pass header.d=facebookmail.com) header.d=facebookmail.com", "mx",
    "dkim=fail[header.d=facebookmail.com]" },
  { "mx; dkim=pass(ok)header.d=facebookmail.com", "mx", "dkim=pass[header.d=facebookmail.com]" },
  { "mx; dkim=pass (a \\) b) header.d=x.example", "mx", "dkim=pass[header.d=x.example]" },
  /* Quoted strings: a ";" or ")" inside is no boundary */
  { "mx; spf=pass smtp.mailfrom=\"x; dkim=pass\"@evil.example", "mx", "spf=pass[smtp.mailfrom=\"x; dkim=pass\"@evil.example]" },
  { "mx; spf=pass smtp.mailfrom=\"a)b(\"@evil.example; dkim=fail", "mx",
    "spf=pass[smtp.mailfrom=\"a)b(\"@evil.example] dkim=fail[]" },
  { "mx; spf=pass smtp.mailfrom=\"a\\\"; dkim=pass\"@e.example", "mx", "spf=pass[smtp.mailfrom=\"a\"; dkim=pass\"@e.example]" },
  /* Versions, reasons, several properties, upper case */
  { "mx; DKIM/1=PASS reason=\"good sig\" Header.D=FacebookMail.com header.s=s1 header.b=abc/d+e=", "mx",
    "dkim=pass[header.d=FacebookMail.com,header.s=s1,header.b=abc/d+e=]" },
  { "mx; dkim=pass header.d=a.example; dkim=fail header.d=b.example; spf=none", "mx",
    "dkim=pass[header.d=a.example] dkim=fail[header.d=b.example] spf=none[]" },
  /* Microsoft: no server name, "action=none", no space after ";" */
  { "spf=pass (sender IP is 1.2.3.4) smtp.mailfrom=x.example; dkim=pass header.d=x.example;dmarc=pass action=none header.from=x.example;compauth=pass reason=100",
    "", "spf=pass[smtp.mailfrom=x.example] dkim=pass[header.d=x.example] dmarc=pass[action=none,header.from=x.example] compauth=pass[]" },
  /* What cannot be read is not believed, any of it */
  { "", NULL, NULL },
  { "; dkim=pass", NULL, NULL },
  { "mx; dkim=pass (unclosed header.d=facebookmail.com", NULL, NULL },
  { "mx; spf=pass smtp.mailfrom=\"unclosed; dkim=pass", NULL, NULL },
  { "mx; dkim", NULL, NULL },
  { "mx; dkim=", NULL, NULL },
  { "mx; =pass", NULL, NULL },
  { "mx dkim=pass", NULL, NULL },
  { "mx; dkim=pass header.d", NULL, NULL },
  { "mx; dkim=pass header.=x", NULL, NULL },
  { "mx; dkim=pass ; ; dmarc=pass", NULL, NULL },
  { "mx; none; dkim=pass", NULL, NULL },
  { "=?utf-8?q?mx=3B_dkim=3Dpass?=", NULL, NULL },
  { "mx; dkim=pass header.d=a\001b", NULL, NULL },
};

static char *
describe (ObjectorAuthResults *results)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < results->results->len; i++)
    {
      ObjectorAuthResult *r = g_ptr_array_index (results->results, i);

      g_string_append_printf (out, "%s%s=%s[", i ? " " : "", r->method, r->result);
      for (guint j = 0; r->properties[j] != NULL; j += 2)
        g_string_append_printf (out, "%s%s=%s", j ? "," : "", r->properties[j], r->properties[j + 1]);
      g_string_append_c (out, ']');
    }
  return g_string_free (out, FALSE);
}

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(ObjectorAuthResults) results = objector_auth_results_parse (c->header, &error);

      g_test_message ("%s", c->header);
      if (c->authserv_id == NULL)
        {
          g_assert_null (results);
          g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
          test_util_assert_contains (error->message, "cannot be read");
          test_util_assert_contains (error->message, "at character");
        }
      else
        {
          g_autofree char *found = NULL;

          g_assert_no_error (error);
          g_assert_nonnull (results);
          found = describe (results);
          g_assert_cmpstr (results->authserv_id, ==, c->authserv_id);
          g_assert_cmpstr (found, ==, c->results);
        }
    }
}

static void
test_parse_none_and_reason (void)
{
  g_autoptr(ObjectorAuthResults) none = objector_auth_results_parse ("mx.example.org; none", NULL);
  g_autoptr(ObjectorAuthResults) reason = objector_auth_results_parse ("mx; dkim=fail reason=\"bad; sig\" header.d=x", NULL);
  g_autofree char *big = g_strnfill (70000, 'a');
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorAuthResults) huge = NULL;
  g_autoptr(GString) deep = g_string_new ("mx; dkim=pass ");

  g_assert_true (none->none);
  g_assert_cmpuint (none->results->len, ==, 0);
  g_assert_cmpstr (((ObjectorAuthResult *) g_ptr_array_index (reason->results, 0))->reason, ==, "bad; sig");
  g_assert_cmpstr (objector_auth_result_get_property (g_ptr_array_index (reason->results, 0), "HEADER.D"), ==, "x");

  /* Longer than any server writes: refused before it is read. */
  huge = objector_auth_results_parse (big, &error);
  g_assert_null (huge);
  test_util_assert_contains (error->message, "too long");
  g_clear_error (&error);

  /* Comments nested deeper than any server's. */
  for (guint i = 0; i < 100; i++)
    g_string_append_c (deep, '(');
  for (guint i = 0; i < 100; i++)
    g_string_append_c (deep, ')');
  g_assert_null (objector_auth_results_parse (deep->str, &error));
  test_util_assert_contains (error->message, "nest too deep");
}

/* Judging: the verdict and its reason for a header and a From domain. */
typedef struct
{
  const char          *header;     /* NULL: no header at all */
  const char          *from;
  ObjectorMailVerdict  verdict;
  const char          *note;       /* NULL when verified */
} JudgeCase;

#define V OBJECTOR_MAIL_VERDICT_VERIFIED
#define U OBJECTOR_MAIL_VERDICT_UNVERIFIABLE
#define F OBJECTOR_MAIL_VERDICT_SUSPICIOUS
#define PASS "dkim=pass header.d=facebookmail.com; dmarc=pass header.from=facebookmail.com"

static const JudgeCase judge_cases[] = {
  { "mx; " PASS, "facebookmail.com", V, NULL },
  { "mx; " PASS "; spf=pass smtp.mailfrom=bounce@facebookmail.com", "facebookmail.com", V, NULL },
  { "mx; dkim=pass header.i=@facebookmail.com; dmarc=pass header.from=FacebookMail.COM.", "facebookmail.com", V, NULL },
  { "mx; dkim=pass header.i=noreply@sub.facebookmail.com; dmarc=pass header.from=facebookmail.com", "facebookmail.com", V, NULL },
  { "mx; dkim=pass header.d=mail.instagram.com; dmarc=pass header.from=mail.instagram.com", "mail.instagram.com", V, NULL },
  /* relaxed alignment: the same registrable domain */
  { "mx; dkim=pass header.d=instagram.com; dmarc=pass header.from=mail.instagram.com", "mail.instagram.com", V, NULL },
  { "mx; dkim=pass header.d=esp.example; " PASS, "facebookmail.com", V, NULL },
  /* SPF only supports: none or neutral costs nothing, a failure everything */
  { "mx; " PASS "; spf=none", "facebookmail.com", V, NULL },
  { "mx; " PASS "; spf=temperror", "facebookmail.com", V, NULL },
  { "mx; " PASS "; spf=softfail", "facebookmail.com", F, "SPF “softfail”" },
  { "mx; " PASS "; spf=fail smtp.mailfrom=facebookmail.com", "facebookmail.com", F, "SPF “fail”" },
  { "mx; " PASS "; spf=pass smtp.mailfrom=x@evil.example", "facebookmail.com", F, "envelope sender (SPF) is at “evil.example”" },
  { "mx; " PASS "; spf=pass; spf=fail", "facebookmail.com", F, "2 SPF results and not all passed" },
  /* Nothing to rely on */
  { NULL, "facebookmail.com", U, "no Authentication-Results header" },
  { "mx; none", "facebookmail.com", U, "checked nothing" },
  { "mx", "facebookmail.com", U, "no DKIM result" },
  { "mx; dmarc=pass header.from=facebookmail.com", "facebookmail.com", U, "no DKIM result" },
  { "mx; dkim=pass header.d=facebookmail.com", "facebookmail.com", U, "no DMARC result" },
  { "mx; dkim=none; dmarc=pass header.from=facebookmail.com", "facebookmail.com", U, "DKIM “none”" },
  { "mx; dkim=temperror header.d=facebookmail.com; dmarc=pass header.from=facebookmail.com", "facebookmail.com", U, "DKIM “temperror”" },
  { "mx; dkim=pass header.d=facebookmail.com; dmarc=permerror header.from=facebookmail.com", "facebookmail.com", U, "DMARC “permerror”" },
  { "mx; dkim=pass; dmarc=pass header.from=facebookmail.com", "facebookmail.com", U, "not for which domain (no header.d)" },
  { "mx; dkim=pass header.d=facebookmail.com; dmarc=pass", "facebookmail.com", U, "not for which domain (no header.from)" },
  { "mx; dkim=pass (oops header.d=facebookmail.com; dmarc=pass header.from=facebookmail.com", "facebookmail.com", U, "cannot be read" },
  /* Failures, and passes for someone else */
  { "mx; dkim=fail header.d=facebookmail.com; dmarc=pass header.from=facebookmail.com", "facebookmail.com", F, "DKIM “fail”" },
  { "mx; dkim=policy header.d=facebookmail.com; dmarc=pass header.from=facebookmail.com", "facebookmail.com", F, "DKIM “policy”" },
  { "mx; dkim=neutral header.d=facebookmail.com; dmarc=pass header.from=facebookmail.com", "facebookmail.com", F, "DKIM “neutral”" },
  { "mx; dkim=ok header.d=facebookmail.com; dmarc=pass header.from=facebookmail.com", "facebookmail.com", F, "DKIM “ok”" },
  { "mx; " PASS "; dkim=fail header.d=facebookmail.com", "facebookmail.com", F, "2 DKIM results and not all passed (one is “fail”)" },
  { "mx; dkim=pass header.d=facebookmail.com; dkim=none; dmarc=pass header.from=facebookmail.com", "facebookmail.com", F, "not all passed" },
  { "mx; " PASS "; dmarc=fail header.from=facebookmail.com", "facebookmail.com", F, "2 DMARC results" },
  { "mx; dkim=pass header.d=evil.example; dmarc=pass header.from=facebookmail.com", "facebookmail.com", F, "signed (DKIM) by “evil.example”, not by Meta" },
  { "mx; dkim=pass header.d=facebookmail.com.evil.example; dmarc=pass header.from=facebookmail.com", "facebookmail.com", F, "not by Meta" },
  { "mx; dkim=pass header.d=facebook.com; dmarc=pass header.from=facebookmail.com", "facebookmail.com", F, "does not match the sender’s domain" },
  { "mx; dkim=pass header.d=facebookmail.com; dmarc=pass header.from=evil.example", "facebookmail.com", F, "DMARC passed for “evil.example”" },
  { "mx; dkim=pass header.d=facebookmail.com; dmarc=pass header.from=sub.facebookmail.com", "facebookmail.com", F, "DMARC passed for “sub.facebookmail.com”" },
  { "mx; dkim=pass header.d=facebookmail.com; dmarc=pass header.from=facebookmail.com; dmarc=pass header.from=evil.example", "facebookmail.com", F, "DMARC passed for “evil.example”" },
  { "facebookmail.com; " PASS, "facebookmail.com", F, "Meta’s own “facebookmail.com” checked it" },
  { "mx; spf=pass smtp.mailfrom=\"x; " PASS "\"@evil.example", "facebookmail.com", F, "envelope sender" },
  /* No sender at Meta: nothing passes for it */
  { "mx; dkim=pass header.d=evil.example; dmarc=pass header.from=evil.example", "evil.example", F, "not by Meta" },
  { "mx; " PASS, "evil.example", F, "DMARC passed for “facebookmail.com”, not for the sender’s domain “evil.example”" },
  { "mx; " PASS, NULL, F, "DMARC passed for “facebookmail.com”, but the email names no sender" },
  { "mx; " PASS, NULL, F, "signed (DKIM) by “facebookmail.com”, but names no sender" },
};

static void
test_judge (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (judge_cases); i++)
    {
      const JudgeCase *c = &judge_cases[i];
      const char *headers[] = { c->header, "mx; " PASS, NULL };
      ObjectorMailJudgement judgement;
      g_autofree char *notes = NULL;

      g_test_message ("%s (From at %s)", c->header ? c->header : "(none)", c->from ? c->from : "(none)");
      objector_mail_judgement_init (&judgement);
      /* The second, passing header is below the topmost: it never counts. */
      objector_auth_results_judge (c->header != NULL ? headers : NULL, c->from, playbook, &judgement);
      g_ptr_array_add (judgement.notes, NULL);
      notes = g_strjoinv (" | ", (char **) judgement.notes->pdata);
      g_ptr_array_remove_index (judgement.notes, judgement.notes->len - 1);

      g_assert_cmpint (judgement.verdict, ==, c->verdict);
      if (c->note == NULL)
        g_assert_cmpuint (judgement.notes->len, ==, 0);
      else
        test_util_assert_contains (notes, c->note);
      objector_mail_judgement_clear (&judgement);
    }
}

/* A playbook narrows Meta's mail domains: what it leaves out is not Meta's. */
static void
test_judge_narrowed_playbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ObjectorPlaybook) narrow = NULL;
  const char *headers[] = { "mx; dkim=pass header.d=mail.instagram.com; dmarc=pass header.from=mail.instagram.com", NULL };
  ObjectorMailJudgement judgement;
  gsize length;

  text = test_util_read_data (&length, "..", "..", "data", "playbook", "meta.json", NULL);
  {
    g_autoptr(JsonNode) root = test_util_parse_json (text);
    JsonObject *mail = json_object_get_object_member (json_node_get_object (root), "mail");
    JsonArray *domains = json_array_new ();

    json_array_add_string_element (domains, "facebookmail.com");
    json_object_set_array_member (mail, "domains", domains);
    g_free (text);
    text = json_to_string (root, FALSE);
  }
  bytes = g_bytes_new (text, strlen (text));
  narrow = objector_playbook_new_from_bytes (bytes, "narrow.json", &error);
  g_assert_no_error (error);

  objector_mail_judgement_init (&judgement);
  objector_auth_results_judge (headers, "mail.instagram.com", narrow, &judgement);
  g_assert_cmpint (judgement.verdict, ==, OBJECTOR_MAIL_VERDICT_SUSPICIOUS);
  objector_mail_judgement_clear (&judgement);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  test_util_init (&argc, &argv, "auth-results");
  playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/auth-results/parse", test_parse);
  g_test_add_func ("/auth-results/parse/none-reason-limits", test_parse_none_and_reason);
  g_test_add_func ("/auth-results/judge", test_judge);
  g_test_add_func ("/auth-results/judge/narrowed-playbook", test_judge_narrowed_playbook);

  status = test_util_run_tests ();
  g_clear_object (&playbook);
  return status;
}

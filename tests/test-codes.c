/* test-codes.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shipped code lists load (a list that did not would be a critical,
 * and criticals are fatal here), hold exactly the codes the call record
 * stores (docs: the call schema), in order, with the flags the wizard and
 * the statistics rely on; unknown codes show as themselves; malformed
 * lists are refused with a reason. /codes/translated/ checks every label
 * in the build's sr and rom catalogues: meson runs it as its own test
 * (codes-translated), which fails until the translations are added.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-codes.h"
#include "lin-i18n.h"

typedef struct
{
  const char *name;
  gboolean    multiple;
  const char *codes[16];
} Expected;

/* The call schema's, the directory's and the roster's lists: codes are stored in
 * records, never renamed */
static const Expected expected[] = {
  { "accessibility", TRUE, { "step-free", "sign-language", "easy-read", "accessible-shelter" } },
  { "age-group", FALSE, { "under-18", "18-25", "26-35", "36-45", "46-55", "56-65", "over-65", "unknown" } },
  { "answer", FALSE, { "yes", "no", "unknown" } },
  { "call-type", FALSE, { "self", "on-behalf", "information", "follow-up", "silent", "hung-up", "abusive", "test" } },
  { "channel", FALSE, { "phone", "viber-call", "message", "email", "messenger", "in-person" } },
  { "contact", FALSE, { "first", "repeat", "unknown" } },
  { "contact-method", FALSE, { "phone-call", "sms", "viber", "email", "in-person", "she-calls" } },
  { "disability", TRUE, { "physical", "hearing", "visual", "intellectual", "psychosocial", "multiple" } },
  { "follow-up-outcome", FALSE, { "reached", "not-reached", "rescheduled", "closed" } },
  { "language", FALSE, { "sr", "rom", "hu", "sq", "sign", "other" } },
  { "last-incident", FALSE, { "today", "this-week", "this-month", "earlier", "unknown" } },
  { "perpetrator", TRUE, { "partner", "former-partner", "father", "mother", "son", "other-family",
                           "acquaintance", "colleague-employer", "stranger", "professional", "unknown" } },
  { "protection-measure", TRUE, { "urgent-measures", "court-order", "criminal-measure", "none", "unknown" } },
  { "referral-status", FALSE, { "referred", "declined", "unavailable", "already-in-contact" } },
  { "reported-to", TRUE, { "police", "csw", "health", "court", "none", "unknown" } },
  { "service-given", TRUE, { "emotional-support", "rights-information", "safety-planning",
                             "legal-information", "crisis-intervention", "service-information", "other" } },
  { "service-type", FALSE, { "csw", "police", "health", "prosecution", "court", "shelter", "legal-aid",
                             "sos-line", "ngo", "other" } },
  { "skill", TRUE, { "rom", "hu", "sq", "sign", "disability", "supervision" } },
  { "violence-duration", FALSE, { "once", "under-month", "months", "1-5-years", "over-5-years", "unknown" } },
  { "violence-form", TRUE, { "psychological", "physical", "sexual", "economic", "stalking",
                             "sexual-harassment", "forced-marriage", "digital", "threats-control", "other" } },
};

static gboolean
is_code (const char *code)
{
  if (*code == '\0')
    return FALSE;

  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static void
test_names (void)
{
  const char * const *names = lin_code_list_get_names ();

  g_assert_cmpuint (g_strv_length ((char **)names), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (names[i], ==, expected[i].name);
      g_assert_nonnull (lin_code_list_get (names[i]));
    }

  g_assert_null (lin_code_list_get ("no-such-list"));
  g_assert_null (lin_code_list_get (""));
}

static void
test_contents (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const Expected *e = &expected[i];
      const LinCodeList *list = lin_code_list_get (e->name);
      g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
      guint n = g_strv_length ((char **)e->codes);

      g_test_message ("list %s", e->name);
      g_assert_nonnull (list);
      g_assert_cmpstr (lin_code_list_get_name (list), ==, e->name);
      g_assert_cmpuint (lin_code_list_get_version (list), ==, 1);
      g_assert_cmpint (lin_code_list_is_multiple (list), ==, e->multiple);
      g_assert_cmpuint (lin_code_list_get_n_codes (list), ==, n);

      for (guint j = 0; j < n; j++)
        {
          const LinCode *code = lin_code_list_get_code (list, j);

          g_assert_cmpstr (code->code, ==, e->codes[j]);
          g_assert_true (is_code (code->code));
          g_assert_true (g_hash_table_add (codes, (char *)code->code));
          g_assert_nonnull (code->label);
          g_assert_cmpuint (strspn (code->label, " \t\n"), <, strlen (code->label));
          g_assert_true (g_hash_table_add (labels, (char *)code->label));
          g_assert_nonnull (code->flags);
          g_assert_true (lin_code_list_lookup (list, code->code) == code);
        }
    }
}

static void
test_flags (void)
{
  static const char * const one_step[] = { "silent", "hung-up", "abusive", "test", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const LinCodeList *list = lin_code_list_get (expected[i].name);
      gboolean call_types = g_str_equal (expected[i].name, "call-type");

      for (guint j = 0; j < lin_code_list_get_n_codes (list); j++)
        {
          const LinCode *code = lin_code_list_get_code (list, j);
          gboolean flagged = call_types && g_strv_contains (one_step, code->code);

          g_test_message ("%s %s", expected[i].name, code->code);
          g_assert_cmpint (lin_code_has_flag (code, "one-step"), ==, flagged);
          g_assert_cmpint (lin_code_has_flag (code, "no-statistics"), ==, flagged);
          g_assert_cmpuint (g_strv_length ((char **)code->flags), ==, flagged ? 2 : 0);
          g_assert_false (lin_code_has_flag (code, "one"));
        }
    }
}

static void
test_lookup (void)
{
  const LinCodeList *list = lin_code_list_get ("call-type");
  const char *unknown = "from-a-newer-linija";

  g_assert_null (lin_code_list_lookup (list, unknown));
  g_assert_null (lin_code_list_lookup (list, "Silent"));
  g_assert_null (lin_code_list_lookup (list, ""));

  /* in English (LANGUAGE=en) the label is the msgid */
  g_assert_cmpstr (lin_code_list_get_label (list, "silent"), ==, "Silent call");
  g_assert_cmpstr (lin_code_label ("call-type", "abusive"), ==, "Abusive or sexual caller");
  g_assert_cmpstr (lin_code_label ("answer", "unknown"), ==, "Doesn't know");
  g_assert_cmpstr (lin_code_label ("channel", "phone"), ==, "Phone call");

  /* a code the list does not know shows as itself, the same string */
  g_assert_true (lin_code_list_get_label (list, unknown) == unknown);
  g_assert_true (lin_code_label ("channel", unknown) == unknown);

  /* the same code in two lists is two codes */
  g_assert_cmpstr (lin_code_label ("service-type", "csw"), ==, "Social welfare centre");
  g_assert_cmpstr (lin_code_label ("language", "other"), !=, lin_code_label ("service-type", "other"));
}

static void
test_unknown_list (void)
{
  /* asking for a list that does not exist is a programming error */
  g_test_expect_message ("lin-codes", G_LOG_LEVEL_CRITICAL, "*self != NULL*");
  g_assert_cmpstr (lin_code_label ("no-such-list", "phone"), ==, "phone");
  g_test_assert_expected_messages ();
}

typedef struct
{
  const char *name;
  const char *json;
  const char *message;   /* a part of the error's message */
} Invalid;

static const Invalid invalid[] = {
  { "not-json", "{ \"list\": \"x\", ", "not JSON" },
  { "not-object", "[ 1, 2 ]", "not a JSON object" },
  { "no-name", "{ \"version\": 1, \"codes\": [ { \"code\": \"a\", \"label\": \"A\" } ] }", "\"list\"" },
  { "bad-name", "{ \"list\": \"Call Type\", \"version\": 1, \"codes\": [ { \"code\": \"a\", \"label\": \"A\" } ] }", "\"list\"" },
  { "no-version", "{ \"list\": \"x\", \"codes\": [ { \"code\": \"a\", \"label\": \"A\" } ] }", "\"version\"" },
  { "version-zero", "{ \"list\": \"x\", \"version\": 0, \"codes\": [ { \"code\": \"a\", \"label\": \"A\" } ] }", "\"version\"" },
  { "version-text", "{ \"list\": \"x\", \"version\": \"1\", \"codes\": [ { \"code\": \"a\", \"label\": \"A\" } ] }", "\"version\"" },
  { "multiple-text", "{ \"list\": \"x\", \"version\": 1, \"multiple\": \"yes\", \"codes\": [ { \"code\": \"a\", \"label\": \"A\" } ] }", "\"multiple\"" },
  { "no-codes", "{ \"list\": \"x\", \"version\": 1 }", "\"codes\"" },
  { "empty-codes", "{ \"list\": \"x\", \"version\": 1, \"codes\": [] }", "\"codes\"" },
  { "code-not-object", "{ \"list\": \"x\", \"version\": 1, \"codes\": [ \"a\" ] }", "code 1" },
  { "upper-case-code", "{ \"list\": \"x\", \"version\": 1, \"codes\": [ { \"code\": \"Phone\", \"label\": \"A\" } ] }", "code 1: \"code\"" },
  { "space-in-code", "{ \"list\": \"x\", \"version\": 1, \"codes\": [ { \"code\": \"a b\", \"label\": \"A\" } ] }", "code 1: \"code\"" },
  { "no-label", "{ \"list\": \"x\", \"version\": 1, \"codes\": [ { \"code\": \"a\" } ] }", "code 1: \"label\"" },
  { "blank-label", "{ \"list\": \"x\", \"version\": 1, \"codes\": [ { \"code\": \"a\", \"label\": \" \" } ] }", "code 1: \"label\"" },
  { "duplicate-code", "{ \"list\": \"x\", \"version\": 1, \"codes\": [ { \"code\": \"a\", \"label\": \"A\" }, { \"code\": \"a\", \"label\": \"B\" } ] }", "\"a\" is there twice" },
  { "duplicate-label", "{ \"list\": \"x\", \"version\": 1, \"codes\": [ { \"code\": \"a\", \"label\": \"A\" }, { \"code\": \"b\", \"label\": \"A\" } ] }", "\"A\" is there twice" },
  { "flags-not-list", "{ \"list\": \"x\", \"version\": 1, \"codes\": [ { \"code\": \"a\", \"label\": \"A\", \"flags\": \"one-step\" } ] }", "\"flags\"" },
  { "bad-flag", "{ \"list\": \"x\", \"version\": 1, \"codes\": [ { \"code\": \"a\", \"label\": \"A\", \"flags\": [ 1 ] } ] }", "flag 1" },
};

static void
test_invalid (gconstpointer data)
{
  const Invalid *t = data;
  g_autoptr(LinCodeList) list = NULL;
  g_autoptr(GError) error = NULL;

  list = lin_code_list_new_from_data (t->json, -1, &error);
  g_assert_null (list);
  g_assert_error (error, LIN_CODES_ERROR, LIN_CODES_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, t->message));
}

static void
test_other_list (void)
{
  const char *json =
    "{ \"list\": \"shift-kind\", \"version\": 3, \"multiple\": true, \"comment\": \"ignored\","
    "  \"codes\": [ { \"code\": \"day\", \"label\": \"Day\", \"flags\": [ \"x\", \"y-2\" ] },"
    "              { \"code\": \"night\", \"label\": \"Night\", \"flags\": [] } ] }";
  g_autoptr(LinCodeList) list = NULL;
  g_autoptr(GError) error = NULL;
  const LinCode *day;

  list = lin_code_list_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lin_code_list_get_name (list), ==, "shift-kind");
  g_assert_cmpuint (lin_code_list_get_version (list), ==, 3);
  g_assert_true (lin_code_list_is_multiple (list));
  g_assert_cmpuint (lin_code_list_get_n_codes (list), ==, 2);

  day = lin_code_list_lookup (list, "day");
  g_assert_true (lin_code_has_flag (day, "x"));
  g_assert_true (lin_code_has_flag (day, "y-2"));
  g_assert_false (lin_code_has_flag (lin_code_list_lookup (list, "night"), "x"));
  g_assert_cmpstr (lin_code_list_get_label (list, "night"), ==, "Night");
}

/* Every label, in the build's catalogue of @lang. A label whose
 * translation is the English text counts as missing: in Serbian that is
 * never right; in Romani add the label to same_in_romani when it is. */
static const char * const same_in_romani[] = { "Viber", NULL };

static void
check_translated (const char *lang)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n = 0;

  lin_i18n_init (lang);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const LinCodeList *list = lin_code_list_get (expected[i].name);

      for (guint j = 0; j < lin_code_list_get_n_codes (list); j++)
        {
          const LinCode *code = lin_code_list_get_code (list, j);
          const char *label = lin_code_list_get_label (list, code->code);

          if (g_str_equal (label, code->label) &&
              !(g_str_equal (lang, "rom") && g_strv_contains (same_in_romani, code->label)))
            {
              g_string_append_printf (missing, "\n  %s \"%s\"", expected[i].name, code->label);
              n++;
            }
        }
    }

  if (n > 0)
    g_error ("%u labels are not translated in %s:%s", n, lang, missing->str);
}

static void
test_translated (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LANGUAGE");
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      check_translated (data);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codes/shipped/names", test_names);
  g_test_add_func ("/codes/shipped/contents", test_contents);
  g_test_add_func ("/codes/shipped/flags", test_flags);
  g_test_add_func ("/codes/lookup", test_lookup);
  g_test_add_func ("/codes/unknown-list", test_unknown_list);
  g_test_add_func ("/codes/other-list", test_other_list);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *path = g_strdup_printf ("/codes/invalid/%s", invalid[i].name);

      g_test_add_data_func (path, &invalid[i], test_invalid);
    }

  /* run apart, as codes-translated (tests/meson.build) */
  g_test_add_data_func ("/codes/translated/sr", "sr", test_translated);
  g_test_add_data_func ("/codes/translated/rom", "rom", test_translated);

  return g_test_run ();
}

/* test-i18n.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The language chosen in Preferences is in force from the first string,
 * even when the user's locale is not installed: Linija then falls back to
 * C.UTF-8, where gettext still honours LANGUAGE.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lin-i18n.h"

static void
test_languages (void)
{
  const LinLanguage *languages;
  guint n;

  languages = lin_i18n_get_languages (&n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (languages[0].code, ==, "");
  g_assert_null (languages[0].native_name);
  g_assert_cmpstr (languages[1].code, ==, "en");
  g_assert_cmpstr (languages[2].code, ==, "sr");
  g_assert_cmpstr (languages[2].native_name, ==, "Српски (ћирилица)");
  g_assert_cmpstr (languages[3].code, ==, "sr@latin");
  g_assert_cmpstr (languages[3].native_name, ==, "Srpski (latinica)");
  g_assert_cmpstr (languages[4].code, ==, "rom");

  g_assert_true (lin_i18n_is_known (""));
  g_assert_true (lin_i18n_is_known ("rom"));
  g_assert_false (lin_i18n_is_known ("de"));
  g_assert_false (lin_i18n_is_known (NULL));
}

typedef struct
{
  const char *code;
  const char *calls;
} Expected;

static const Expected expected[] = {
  { "en", "Calls" },
  { "sr", "Позиви" },
  { "sr@latin", "Pozivi" },
  { "rom", "Akharimata" },
};

static void
check_language (const char *missing_locale,
                const char *code,
                const char *calls)
{
  const char *locale;

  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", missing_locale, TRUE);
  locale = lin_i18n_init (code);

  g_assert_cmpstr (locale, ==, "C.UTF-8");
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, code);
  g_assert_cmpstr (_("Calls"), ==, calls);
}

/* gettext ignores LANGUAGE in the plain C locale, and a locale that is not
 * installed makes setlocale() fail: both must end in C.UTF-8. */
static const char *start_locales[] = { "xx_YY.UTF-8", "C" };

static void
test_fallback (gconstpointer data)
{
  const Expected *e = data;

  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (start_locales); i++)
        check_language (start_locales[i], e->code, e->calls);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_system_language (void)
{
  if (g_test_subprocess ())
    {
      /* "" follows the environment and leaves LANGUAGE as it is */
      g_setenv ("LANGUAGE", "sr", TRUE);
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      lin_i18n_init ("");
      g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "sr");
      g_assert_cmpstr (_("Calls"), ==, "Позиви");
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

  g_test_add_func ("/i18n/languages", test_languages);
  g_test_add_func ("/i18n/system", test_system_language);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n/fallback/%s", expected[i].code);

      g_test_add_data_func (path, &expected[i], test_fallback);
    }

  return g_test_run ();
}

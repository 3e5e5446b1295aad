/* lin-i18n.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lin-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "lin-i18n.h"

static const LinLanguage languages[] = {
  { "", NULL },
  { "en", "English" },
  { "sr", "Српски (ћирилица)" },
  { "sr@latin", "Srpski (latinica)" },
  { "rom", "Romani" },
};

/**
 * lin_i18n_get_languages:
 * @n_languages: (out): where to store the number of languages
 *
 * The languages a user can choose in Preferences, the system's first.
 *
 * Returns: (transfer none): the languages
 */
const LinLanguage *
lin_i18n_get_languages (guint *n_languages)
{
  g_return_val_if_fail (n_languages != NULL, NULL);

  *n_languages = G_N_ELEMENTS (languages);
  return languages;
}

gboolean
lin_i18n_is_known (const char *code)
{
  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      return TRUE;

  return FALSE;
}

/**
 * lin_i18n_get_localedir:
 *
 * Where the catalogues are: `LINIJA_LOCALEDIR` when set (an uninstalled
 * build, the tests), otherwise the installed locale folder.
 *
 * Returns: the folder
 */
const char *
lin_i18n_get_localedir (void)
{
  const char *dir = g_getenv ("LINIJA_LOCALEDIR");

  return (dir != NULL && *dir != '\0') ? dir : LOCALEDIR;
}

/**
 * lin_i18n_init:
 * @code: (nullable): a language code from lin_i18n_get_languages(), or
 *   %NULL or "" to follow the system
 *
 * Sets up gettext before GTK starts. A chosen language is applied through
 * `LANGUAGE`. gettext ignores `LANGUAGE` in the C locale, and the user's
 * locale may not be installed at all (a volunteer's live USB, a container),
 * so when setlocale() fails or gives the C locale, C.UTF-8 is used: the
 * translations still show and the text stays UTF-8.
 *
 * Returns: the name of the locale in force
 */
const char *
lin_i18n_init (const char *code)
{
  const char *locale;

  if (code != NULL && *code != '\0' && lin_i18n_is_known (code))
    g_setenv ("LANGUAGE", code, TRUE);

  locale = setlocale (LC_ALL, "");
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    {
      const char *fallback = setlocale (LC_ALL, "C.UTF-8");

      if (fallback != NULL)
        locale = fallback;
      else if (locale == NULL)
        locale = setlocale (LC_ALL, "C");
    }

  bindtextdomain (GETTEXT_PACKAGE, lin_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return locale;
}

/**
 * lin_i18n_bind_library_catalogues:
 *
 * libadwaita has no Serbian Latin catalogue and GTK's misses strings its
 * Cyrillic one has, so gettext falls back to Cyrillic. When Serbian in
 * Latin script is in force, point those libraries' domains at the
 * catalogues the build made with our transliterator. Call it after
 * libadwaita has initialised (it binds its own domain then).
 */
void
lin_i18n_bind_library_catalogues (void)
{
  static const char * const domains[] = { "libadwaita", "gtk40" };
  const char * const *names = g_get_language_names ();
  const char *localedir = g_getenv ("LINIJA_LOCALEDIR");
  g_autofree char *dir = NULL;

  if (names[0] == NULL || !g_str_has_prefix (names[0], "sr") || strstr (names[0], "@latin") == NULL)
    return;

  if (localedir != NULL && *localedir != '\0')
    dir = g_build_filename (localedir, "library-locale", NULL);
  else
    dir = g_strdup (LIBRARY_LOCALEDIR);

  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      g_autofree char *file = g_strconcat (domains[i], ".mo", NULL);
      g_autofree char *mo = g_build_filename (dir, "sr@latin", "LC_MESSAGES", file, NULL);

      if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        continue;

      bindtextdomain (domains[i], dir);
      bind_textdomain_codeset (domains[i], "UTF-8");
    }
}

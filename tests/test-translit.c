/* test-translit.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lin-translit.h"

static void
assert_latin (const char *cyrillic,
              const char *expected)
{
  g_autofree char *latin = lin_translit_to_latin (cyrillic);

  g_assert_cmpstr (latin, ==, expected);
}

static void
test_alphabet (void)
{
  /* The 30 letters of the Serbian Cyrillic alphabet, in its order */
  assert_latin ("абвгдђежзијклљмнњопрстћуфхцчџш",
                "abvgdđežzijklljmnnjoprstćufhcčdžš");
  assert_latin ("АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ",
                "ABVGDĐEŽZIJKLLJMNNJOPRSTĆUFHCČDŽŠ");
  assert_latin ("А Б В Г Д Ђ Е Ж З И Ј К Л Љ М Н Њ О П Р С Т Ћ У Ф Х Ц Ч Џ Ш",
                "A B V G D Đ E Ž Z I J K L Lj M N Nj O P R S T Ć U F H C Č Dž Š");
}

static void
test_digraph_case (void)
{
  assert_latin ("ЉУБАВ", "LJUBAV");
  assert_latin ("Љубав", "Ljubav");
  assert_latin ("љубав", "ljubav");
  assert_latin ("ЊЕГОШ", "NJEGOŠ");
  assert_latin ("Његош", "Njegoš");
  assert_latin ("ЏЕП", "DŽEP");
  assert_latin ("Џеп", "Džep");
  /* at the end of a word written in capitals */
  assert_latin ("КОЊ", "KONJ");
  assert_latin ("ПОЉЕ", "POLJE");
  assert_latin ("ЏЏ", "DŽDŽ");
  /* a lone capital, and one before punctuation */
  assert_latin ("Љ", "Lj");
  assert_latin ("Њ.", "Nj.");
  assert_latin ("ЦСР Љиг", "CSR Ljig");
  assert_latin ("ОПШТИНА ЉИГ", "OPŠTINA LJIG");
}

static void
test_untouched (void)
{
  /* format directives, markup, accelerators, escapes and Latin tokens */
  assert_latin ("%d позива", "%d poziva");
  assert_latin ("%1$s је %2$s", "%1$s je %2$s");
  assert_latin ("<b>Ниш</b> &amp; Врање", "<b>Niš</b> &amp; Vranje");
  assert_latin ("_Сачувај", "_Sačuvaj");
  assert_latin ("_Љубав", "_Ljubav");
  assert_latin ("Linija 1.0 — GNOME\\n\\\"", "Linija 1.0 — GNOME\\n\\\"");
  assert_latin ("", "");
  /* letters of other Cyrillic alphabets are not Serbian: left alone */
  assert_latin ("ы", "ы");
}

static void
test_idempotent (void)
{
  static const char *latin[] = {
    "Ljubav", "LJUBAV", "Đorđe Čačak Šabac Žabalj Džep", "Niš", "plain ASCII 123",
    "Ünïcödé ß", "日本語", "%s %1$d <i>x</i> _File",
  };

  for (guint i = 0; i < G_N_ELEMENTS (latin); i++)
    {
      g_autofree char *once = lin_translit_to_latin (latin[i]);
      g_autofree char *twice = lin_translit_to_latin (once);

      g_assert_cmpstr (once, ==, latin[i]);
      g_assert_cmpstr (twice, ==, once);
    }

  {
    g_autofree char *once = lin_translit_to_latin ("Љубав ЊЕГОШ Ђурђевдан");
    g_autofree char *twice = lin_translit_to_latin (once);

    g_assert_cmpstr (twice, ==, once);
  }
}

static void
test_fold (void)
{
  static const char *nis[] = { "nis", "Niš", "NIS", "NIŠ", "ниш", "Ниш", "НИШ", "niš" };

  for (guint i = 0; i < G_N_ELEMENTS (nis); i++)
    {
      g_autofree char *key = lin_translit_fold (nis[i]);
      g_assert_cmpstr (key, ==, "nis");
    }

  {
    g_autofree char *a = lin_translit_fold ("Ђурђевдан");
    g_autofree char *b = lin_translit_fold ("Djurdjevdan");
    g_autofree char *c = lin_translit_fold ("ĐURĐEVDAN");

    g_assert_cmpstr (a, ==, "djurdjevdan");
    g_assert_cmpstr (b, ==, a);
    g_assert_cmpstr (c, ==, a);
  }

  {
    g_autofree char *a = lin_translit_fold ("ЦСР Краљево");
    g_assert_cmpstr (a, ==, "csr kraljevo");
  }

  {
    g_autofree char *a = lin_translit_fold ("Čačak");
    g_autofree char *b = lin_translit_fold ("ЧАЧАК");
    g_assert_cmpstr (a, ==, "cacak");
    g_assert_cmpstr (b, ==, "cacak");
  }
}

static void
test_has_cyrillic (void)
{
  g_assert_true (lin_translit_has_cyrillic ("Ниш"));
  g_assert_true (lin_translit_has_cyrillic ("mixed Ђ"));
  g_assert_false (lin_translit_has_cyrillic ("Niš"));
  g_assert_false (lin_translit_has_cyrillic (""));
}

/* The directives, tags, entities and accelerators of a string, in order */
static char *
skeleton (const char *s)
{
  g_autoptr(GRegex) re = g_regex_new ("%(?:[0-9]+\\$)?[-+ #0]*[0-9]*(?:\\.[0-9]+)?(?:hh|h|ll|l|z|j|t)?[diouxXeEfgGcsp%]"
                                      "|<[^>]*>|&[a-z#0-9]+;|_|\\\\.",
                                      0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  GString *out = g_string_new (NULL);

  g_regex_match (re, s, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *word = g_match_info_fetch (info, 0);
      g_string_append (out, word);
      g_string_append_c (out, '\x1f');
      g_match_info_next (info, NULL);
    }

  return g_string_free (out, FALSE);
}

/* Every msgstr of sr.po: all Latin after, with its directives, markup,
 * accelerators and escapes unchanged, and stable when done twice. */
static void
test_sr_po (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "sr.po", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *latin = NULL;
      g_autofree char *again = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      const char *line = lines[i];
      const char *quote;

      if (!g_str_has_prefix (line, "msgstr") && !(line[0] == '"' && i > 0))
        continue;

      quote = strchr (line, '"');
      if (quote == NULL)
        continue;

      latin = lin_translit_to_latin (quote);
      again = lin_translit_to_latin (latin);
      before = skeleton (quote);
      after = skeleton (latin);

      g_assert_false (lin_translit_has_cyrillic (latin));
      g_assert_cmpstr (again, ==, latin);
      g_assert_cmpstr (after, ==, before);
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/translit/alphabet", test_alphabet);
  g_test_add_func ("/translit/digraph-case", test_digraph_case);
  g_test_add_func ("/translit/untouched", test_untouched);
  g_test_add_func ("/translit/idempotent", test_idempotent);
  g_test_add_func ("/translit/fold", test_fold);
  g_test_add_func ("/translit/has-cyrillic", test_has_cyrillic);
  g_test_add_func ("/translit/sr-po", test_sr_po);

  return g_test_run ();
}

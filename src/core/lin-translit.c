/* lin-translit.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Serbian Cyrillic to Serbian Latin, after the rules of the Serbian
 * orthography (Pravopis srpskoga jezika): one letter for one letter, except
 * Љ, Њ and Џ, which become the digraphs Lj, Nj and Dž. A digraph is written
 * all in capitals (LJ, NJ, DŽ) inside a word written in capitals, and with
 * only its first letter capital (Lj, Nj, Dž) at the start of a capitalised
 * word: ЉУБАВ → LJUBAV, Љубав → Ljubav.
 *
 * Only letters of the Serbian Cyrillic alphabet are changed; everything
 * else — Latin text, digits, format directives, markup, accelerator
 * underscores, escapes — is copied unchanged, so the function is the
 * identity on Latin text and idempotent.
 *
 * The same module folds text into a search key, so that "Ниш", "НИШ",
 * "Niš", "NIS" and "nis" all become "nis".
 */

#define G_LOG_DOMAIN "lin-translit"

#include "config.h"

#include <string.h>

#include "lin-translit.h"

/* U+0400..U+045F; NULL where the letter is not in the Serbian alphabet */
static const char * const cyr_to_lat[0x60] = {
  /* U+0400 */ NULL, NULL, "Đ", NULL, NULL, NULL, NULL, NULL,
  /* U+0408 */ "J", "Lj", "Nj", "Ć", NULL, NULL, NULL, "Dž",
  /* U+0410 А */ "A", "B", "V", "G", "D", "E", "Ž", "Z",
  /* U+0418 И */ "I", NULL, "K", "L", "M", "N", "O", "P",
  /* U+0420 Р */ "R", "S", "T", "U", "F", "H", "C", "Č",
  /* U+0428 Ш */ "Š", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  /* U+0430 а */ "a", "b", "v", "g", "d", "e", "ž", "z",
  /* U+0438 и */ "i", NULL, "k", "l", "m", "n", "o", "p",
  /* U+0440 р */ "r", "s", "t", "u", "f", "h", "c", "č",
  /* U+0448 ш */ "š", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  /* U+0450 */ NULL, NULL, "đ", NULL, NULL, NULL, NULL, NULL,
  /* U+0458 */ "j", "lj", "nj", "ć", NULL, NULL, NULL, "dž",
};

static const char *
lookup (gunichar c)
{
  if (c >= 0x0400 && c < 0x0460)
    return cyr_to_lat[c - 0x0400];
  return NULL;
}

static gboolean
is_upper_digraph (gunichar c)
{
  return c == 0x0409 || c == 0x040A || c == 0x040F; /* Љ Њ Џ */
}

/* Whether the letter around a capital digraph is a capital, so that the
 * digraph is written all in capitals. */
static gboolean
neighbour_is_upper (const char *p)
{
  gunichar c;

  if (p == NULL || *p == '\0')
    return FALSE;

  c = g_utf8_get_char (p);
  return g_unichar_isupper (c);
}

static gboolean
neighbour_is_letter (const char *p)
{
  if (p == NULL || *p == '\0')
    return FALSE;

  return g_unichar_isalpha (g_utf8_get_char (p));
}

/**
 * lin_translit_to_latin:
 * @text: UTF-8 text in Serbian Cyrillic, Latin or both
 *
 * Returns: (transfer full): @text in Serbian Latin script
 */
char *
lin_translit_to_latin (const char *text)
{
  GString *out;
  const char *prev = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  out = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *lat = lookup (c);
      const char *next = g_utf8_next_char (p);

      if (lat == NULL)
        {
          g_string_append_len (out, p, next - p);
        }
      else if (is_upper_digraph (c))
        {
          gboolean all_caps;

          /* ЉУБАВ: the next letter is a capital. КОЊ: the word ends and
           * the letter before is a capital. A lone Љ is written Lj. */
          if (neighbour_is_letter (next))
            all_caps = neighbour_is_upper (next);
          else
            all_caps = neighbour_is_upper (prev);

          if (all_caps)
            {
              g_autofree char *upper = g_utf8_strup (lat, -1);
              g_string_append (out, upper);
            }
          else
            {
              g_string_append (out, lat);
            }
        }
      else
        {
          g_string_append (out, lat);
        }

      prev = p;
    }

  return g_string_free (out, FALSE);
}

/**
 * lin_translit_has_cyrillic:
 * @text: UTF-8 text
 *
 * Returns: whether @text holds a letter of the Serbian Cyrillic alphabet
 */
gboolean
lin_translit_has_cyrillic (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (lookup (g_utf8_get_char (p)) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * lin_translit_fold:
 * @text: UTF-8 text in any script and case
 *
 * Folds @text into a search key: Serbian Latin, lower case, without
 * diacritics, with đ as "dj". "Ниш", "НИШ", "Niš", "NIS" and "nis" all
 * fold to "nis"; "Ђурђевдан" and "Djurdjevdan" to "djurdjevdan".
 *
 * Returns: (transfer full): the search key
 */
char *
lin_translit_fold (const char *text)
{
  g_autofree char *latin = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  latin = lin_translit_to_latin (text);
  lower = g_utf8_casefold (latin, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFKD);
  out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          break;

        default:
          if (c == 0x0111) /* đ, which has no decomposition */
            g_string_append (out, "dj");
          else
            g_string_append_unichar (out, c);
        }
    }

  return g_string_free (out, FALSE);
}

/* lin-risk.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A checklist is read and checked whole before it is used: a call's risk
 * level must never come from a file that was half understood. The rules
 * (lin-risk.h) are few on purpose; what a counsellor sees is the score,
 * the level, how many answers were "doesn't know", and her own judgement,
 * which can only make the level stricter.
 */

#define G_LOG_DOMAIN "lin-risk"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-data-private.h"
#include "lin-risk.h"

typedef struct
{
  char     *code;
  char     *text;
  guint     weight;
  gboolean  critical;
} Item;

typedef struct
{
  LinRiskLevel level;
  guint        min;
} Band;

struct _LinRiskChecklist
{
  gatomicrefcount  ref_count;

  char            *id;
  guint            version;
  char            *title;
  gboolean         translate;
  Item            *items;
  guint            n_items;
  Band            *bands;
  guint            n_bands;
  guint            max_score;
};

/* large enough for any instrument, small enough that sums cannot wrap */
#define MAX_ITEMS 1000
#define MAX_WEIGHT 1000
#define MAX_VERSION 1000000

G_DEFINE_QUARK (lin-risk-error-quark, lin_risk_error)

#define set_invalid(error, ...) \
  lin_data_fail ((error), LIN_RISK_ERROR, LIN_RISK_ERROR_INVALID, __VA_ARGS__)

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
read_items (LinRiskChecklist  *self,
            JsonObject        *root,
            GError           **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *items;

  if (!lin_data_get_array (root, "items", NULL, FALSE, &items,
                           LIN_RISK_ERROR, LIN_RISK_ERROR_INVALID, error))
    return FALSE;

  if (json_array_get_length (items) > MAX_ITEMS)
    return set_invalid (error, "more than %d items", MAX_ITEMS);

  self->n_items = json_array_get_length (items);
  self->items = g_new0 (Item, self->n_items);

  for (guint i = 0; i < self->n_items; i++)
    {
      g_autofree char *where = g_strdup_printf ("item %u", i + 1);
      Item *item = &self->items[i];
      JsonObject *object;
      const char *text;

      if ((object = lin_data_get_element (items, i, "item", LIN_RISK_ERROR,
                                          LIN_RISK_ERROR_INVALID, error)) == NULL ||
          (text = lin_data_get_code (object, "code", where, LIN_RISK_ERROR,
                                     LIN_RISK_ERROR_INVALID, error)) == NULL)
        return FALSE;
      item->code = g_strdup (text);

      if ((text = lin_data_get_string (object, "text", where, LIN_RISK_ERROR,
                                       LIN_RISK_ERROR_INVALID, error)) == NULL)
        return FALSE;
      item->text = g_strdup (text);

      if (!lin_data_get_uint (object, "weight", where, MAX_WEIGHT, &item->weight,
                              LIN_RISK_ERROR, LIN_RISK_ERROR_INVALID, error) ||
          !lin_data_get_boolean (object, "critical", where, FALSE, &item->critical,
                                 LIN_RISK_ERROR, LIN_RISK_ERROR_INVALID, error))
        return FALSE;

      if (!g_hash_table_add (codes, item->code))
        return set_invalid (error, "item code \"%s\" is there twice", item->code);

      self->max_score += item->weight;
    }

  return TRUE;
}

static gboolean
read_bands (LinRiskChecklist  *self,
            JsonObject        *root,
            GError           **error)
{
  JsonArray *bands;

  if (!lin_data_get_array (root, "bands", NULL, FALSE, &bands,
                           LIN_RISK_ERROR, LIN_RISK_ERROR_INVALID, error))
    return FALSE;

  self->n_bands = json_array_get_length (bands);
  if (self->n_bands > LIN_RISK_LEVEL_HIGH)
    return set_invalid (error, "more bands than levels (standard, medium, high)");

  self->bands = g_new0 (Band, self->n_bands);

  for (guint i = 0; i < self->n_bands; i++)
    {
      g_autofree char *where = g_strdup_printf ("band %u", i + 1);
      Band *band = &self->bands[i];
      JsonObject *object;
      const char *level;

      if ((object = lin_data_get_element (bands, i, "band", LIN_RISK_ERROR,
                                          LIN_RISK_ERROR_INVALID, error)) == NULL ||
          (level = lin_data_get_code (object, "level", where, LIN_RISK_ERROR,
                                      LIN_RISK_ERROR_INVALID, error)) == NULL ||
          !lin_data_get_uint (object, "min", where, G_MAXINT, &band->min,
                              LIN_RISK_ERROR, LIN_RISK_ERROR_INVALID, error))
        return FALSE;

      band->level = lin_risk_level_from_code (level);
      if (band->level == LIN_RISK_LEVEL_NONE)
        return set_invalid (error, "%s: \"%s\" is not a level (standard, medium, high)",
                            where, level);

      /* each band stricter than the one before, from a higher score, so
       * that the level can only rise with the score */
      if (i == 0 && band->min != 0)
        return set_invalid (error, "the first band must start at 0");
      if (i > 0 && (band->level <= band[-1].level || band->min <= band[-1].min))
        return set_invalid (error, "%s: bands must go up in level and in \"min\"", where);

      if (band->min > self->max_score)
        return set_invalid (error, "%s: \"min\" %u is more than all the weights together (%u)",
                            where, band->min, self->max_score);
    }

  return TRUE;
}

static gboolean
read_checklist (LinRiskChecklist  *self,
                JsonObject        *root,
                GError           **error)
{
  const char *text;

  if ((text = lin_data_get_code (root, "checklist", NULL, LIN_RISK_ERROR,
                                 LIN_RISK_ERROR_INVALID, error)) == NULL)
    return FALSE;
  self->id = g_strdup (text);

  if (!lin_data_get_uint (root, "version", NULL, MAX_VERSION, &self->version,
                          LIN_RISK_ERROR, LIN_RISK_ERROR_INVALID, error))
    return FALSE;
  if (self->version == 0)
    return set_invalid (error, "\"version\" must be 1 or more");

  if ((text = lin_data_get_string (root, "title", NULL, LIN_RISK_ERROR,
                                   LIN_RISK_ERROR_INVALID, error)) == NULL)
    return FALSE;
  self->title = g_strdup (text);

  return lin_data_get_boolean (root, "translate", NULL, TRUE, &self->translate,
                               LIN_RISK_ERROR, LIN_RISK_ERROR_INVALID, error) &&
         read_items (self, root, error) &&
         read_bands (self, root, error);
}

/**
 * lin_risk_checklist_new_from_data:
 * @json: the contents of a checklist file
 * @len: its length, or -1 when it is nul-terminated
 * @error: where to put the reason it is not a checklist
 *
 * Reads and checks a checklist (the format is in lin-risk.h). Members the
 * format does not know, such as "notes", are left alone.
 *
 * Returns: (transfer full) (nullable): the checklist, or %NULL with
 *   %LIN_RISK_ERROR_INVALID
 */
LinRiskChecklist *
lin_risk_checklist_new_from_data (const char  *json,
                                  gssize       len,
                                  GError     **error)
{
  g_autoptr(LinRiskChecklist) self = NULL;
  g_autoptr(JsonObject) root = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = lin_data_parse_object (json, len, LIN_RISK_ERROR, LIN_RISK_ERROR_INVALID, error);
  if (root == NULL)
    return NULL;

  self = g_new0 (LinRiskChecklist, 1);
  g_atomic_ref_count_init (&self->ref_count);

  if (!read_checklist (self, root, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * lin_risk_checklist_get_default:
 *
 * Returns: (transfer none): Linija's own checklist, loaded once
 */
LinRiskChecklist *
lin_risk_checklist_get_default (void)
{
  static LinRiskChecklist *checklist;

  if (g_once_init_enter (&checklist))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      LinRiskChecklist *loaded = NULL;

      bytes = lin_data_lookup ("risk/linija.json", &error);
      if (bytes != NULL)
        loaded = lin_risk_checklist_new_from_data (g_bytes_get_data (bytes, NULL),
                                                   g_bytes_get_size (bytes), &error);

      /* a build without its checklist cannot assess risk at all;
       * tests/test-risk keeps this from ever shipping */
      if (loaded == NULL)
        g_error ("Linija's risk checklist does not load: %s", error->message);

      g_once_init_leave (&checklist, loaded);
    }

  return checklist;
}

LinRiskChecklist *
lin_risk_checklist_ref (LinRiskChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lin_risk_checklist_unref (LinRiskChecklist *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_items; i++)
    {
      g_free (self->items[i].code);
      g_free (self->items[i].text);
    }
  g_free (self->items);
  g_free (self->bands);
  g_free (self->id);
  g_free (self->title);
  g_free (self);
}

const char *
lin_risk_checklist_get_id (LinRiskChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

guint
lin_risk_checklist_get_version (LinRiskChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->version;
}

static const char *
translate (LinRiskChecklist *self,
           const char       *text)
{
  return self->translate ? g_dpgettext2 (GETTEXT_PACKAGE, "risk", text) : text;
}

const char *
lin_risk_checklist_get_title (LinRiskChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return translate (self, self->title);
}

guint
lin_risk_checklist_get_n_items (LinRiskChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_items;
}

const char *
lin_risk_checklist_get_item_code (LinRiskChecklist *self,
                                  guint             i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->n_items, NULL);

  return self->items[i].code;
}

const char *
lin_risk_checklist_get_item_text (LinRiskChecklist *self,
                                  guint             i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->n_items, NULL);

  return translate (self, self->items[i].text);
}

guint
lin_risk_checklist_get_item_weight (LinRiskChecklist *self,
                                    guint             i)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (i < self->n_items, 0);

  return self->items[i].weight;
}

gboolean
lin_risk_checklist_get_item_critical (LinRiskChecklist *self,
                                      guint             i)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (i < self->n_items, FALSE);

  return self->items[i].critical;
}

/**
 * lin_risk_checklist_score:
 * @self: a checklist
 * @answers: (nullable): item code → GINT_TO_POINTER (#LinRiskAnswer)
 * @score: (out caller-allocates): the result
 *
 * Scores the answers given so far. While no item has an answer the level
 * is %LIN_RISK_LEVEL_NONE (not assessed); from the first answer it is the
 * band the score reaches, or high after a "yes" to a critical item.
 */
void
lin_risk_checklist_score (LinRiskChecklist *self,
                          GHashTable       *answers,
                          LinRiskScore     *score)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (score != NULL);

  *score = (LinRiskScore) { .max_score = self->max_score };

  for (guint i = 0; i < self->n_items; i++)
    {
      const Item *item = &self->items[i];
      LinRiskAnswer answer = LIN_RISK_ANSWER_NONE;

      if (answers != NULL)
        answer = GPOINTER_TO_INT (g_hash_table_lookup (answers, item->code));

      switch (answer)
        {
        case LIN_RISK_ANSWER_YES:
          score->n_yes++;
          score->score += item->weight;
          if (item->critical)
            score->critical_yes = TRUE;
          break;

        case LIN_RISK_ANSWER_NO:
          score->n_no++;
          break;

        case LIN_RISK_ANSWER_UNKNOWN:
          score->n_unknown++;
          break;

        case LIN_RISK_ANSWER_NONE:
        default:
          score->n_unanswered++;
          break;
        }
    }

  if (score->n_unanswered == self->n_items)
    {
      score->level = LIN_RISK_LEVEL_NONE;
      return;
    }

  for (guint i = 0; i < self->n_bands; i++)
    if (score->score >= self->bands[i].min)
      score->level = self->bands[i].level;

  if (score->critical_yes)
    score->level = LIN_RISK_LEVEL_HIGH;
}

/**
 * lin_risk_apply_judgement:
 * @computed: the level from the answers
 * @judged: the counsellor's level, or %LIN_RISK_LEVEL_NONE for none
 * @reason: (nullable): why, in her words
 *
 * A counsellor may know more than the checklist asks: her judgement can
 * raise the level, with a reason a colleague can read later. It can never
 * lower it: a checklist that says high stays high.
 *
 * Returns: the final level, or %LIN_RISK_LEVEL_NONE with @error set
 *   (%LIN_RISK_ERROR_LOWER or %LIN_RISK_ERROR_NO_REASON)
 */
LinRiskLevel
lin_risk_apply_judgement (LinRiskLevel   computed,
                          LinRiskLevel   judged,
                          const char    *reason,
                          GError       **error)
{
  g_return_val_if_fail (computed <= LIN_RISK_LEVEL_HIGH, LIN_RISK_LEVEL_NONE);
  g_return_val_if_fail (judged <= LIN_RISK_LEVEL_HIGH, LIN_RISK_LEVEL_NONE);
  g_return_val_if_fail (error == NULL || *error == NULL, LIN_RISK_LEVEL_NONE);

  if (judged == LIN_RISK_LEVEL_NONE || judged == computed)
    return computed;

  if (judged < computed)
    {
      g_set_error_literal (error, LIN_RISK_ERROR, LIN_RISK_ERROR_LOWER,
                           "Professional judgement can raise the risk level, never lower it");
      return LIN_RISK_LEVEL_NONE;
    }

  if (is_blank (reason))
    {
      g_set_error_literal (error, LIN_RISK_ERROR, LIN_RISK_ERROR_NO_REASON,
                           "Raising the risk level needs a reason");
      return LIN_RISK_LEVEL_NONE;
    }

  return judged;
}

/* the codes calls store: never change them */
static const char * const level_codes[] = {
  [LIN_RISK_LEVEL_NONE] = "",
  [LIN_RISK_LEVEL_STANDARD] = "standard",
  [LIN_RISK_LEVEL_MEDIUM] = "medium",
  [LIN_RISK_LEVEL_HIGH] = "high",
};

const char *
lin_risk_level_to_code (LinRiskLevel level)
{
  g_return_val_if_fail (level <= LIN_RISK_LEVEL_HIGH, "");

  return level_codes[level];
}

/**
 * lin_risk_level_from_code:
 * @code: (nullable): "standard", "medium" or "high"
 *
 * Returns: the level, or %LIN_RISK_LEVEL_NONE for anything else
 */
LinRiskLevel
lin_risk_level_from_code (const char *code)
{
  if (code == NULL)
    return LIN_RISK_LEVEL_NONE;

  for (guint i = LIN_RISK_LEVEL_STANDARD; i < G_N_ELEMENTS (level_codes); i++)
    if (g_str_equal (code, level_codes[i]))
      return i;

  return LIN_RISK_LEVEL_NONE;
}

const char *
lin_risk_level_get_label (LinRiskLevel level)
{
  switch (level)
    {
    case LIN_RISK_LEVEL_STANDARD:
      /* Translators: a risk level: the lowest of three */
      return C_("risk level", "Standard");

    case LIN_RISK_LEVEL_MEDIUM:
      /* Translators: a risk level: the middle of three */
      return C_("risk level", "Medium");

    case LIN_RISK_LEVEL_HIGH:
      /* Translators: a risk level: the highest of three; the call is flagged */
      return C_("risk level", "High");

    case LIN_RISK_LEVEL_NONE:
    default:
      /* Translators: a call's risk level when no risk question was answered */
      return C_("risk level", "Not assessed");
    }
}

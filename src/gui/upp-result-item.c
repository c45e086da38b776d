/* upp-result-item.c — one file's outcome in an import
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-result-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-result-item.h"

struct _UppResultItem
{
  GObject                parent_instance;

  /* owned */
  GPtrArray             *results;
  char                  *filename;
  char                  *message;

  /* borrowed from results */
  const UppImportResult *result;
};

G_DEFINE_FINAL_TYPE (UppResultItem, upp_result_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILENAME,
  PROP_PATH,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_MESSAGE,
  PROP_ICON_NAME,
  PROP_REJECTED,
  PROP_ROW_CLASSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
upp_result_item_finalize (GObject *object)
{
  UppResultItem *self = UPP_RESULT_ITEM (object);

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_free (self->filename);
  g_free (self->message);

  G_OBJECT_CLASS (upp_result_item_parent_class)->finalize (object);
}

static const char *
icon_for (UppImportStatus status)
{
  switch (status)
    {
    case UPP_IMPORT_IMPORTED:
    case UPP_IMPORT_SUPERSEDED:
    case UPP_IMPORT_KEPT_OLDER:
      return "object-select-symbolic";
    case UPP_IMPORT_DUPLICATE:
      return "edit-copy-symbolic";
    case UPP_IMPORT_PENDING:
      return "dialog-question-symbolic";
    case UPP_IMPORT_OTHER_PACKAGE:
      return "edit-copy-symbolic";
    case UPP_IMPORT_REJECTED:
    default:
      return "dialog-error-symbolic";
    }
}

static void
upp_result_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UppResultItem *self = UPP_RESULT_ITEM (object);

  switch (prop_id)
    {
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->result->path);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->result->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, upp_import_status_get_label (self->result->status));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, icon_for (self->result->status));
      break;
    case PROP_REJECTED:
      g_value_set_boolean (value, self->result->status == UPP_IMPORT_REJECTED);
      break;
    case PROP_ROW_CLASSES:
      {
        static const char * const rejected[] = { "import-result", "rejected", NULL };
        static const char * const accepted[] = { "import-result", NULL };

        g_value_set_boxed (value, self->result->status == UPP_IMPORT_REJECTED ? rejected
                                                                              : accepted);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_result_item_class_init (UppResultItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = upp_result_item_finalize;
  object_class->get_property = upp_result_item_get_property;

  properties[PROP_FILENAME] = g_param_spec_string ("filename", NULL, NULL, NULL, ro);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, ro);
  properties[PROP_REJECTED] = g_param_spec_boolean ("rejected", NULL, NULL, FALSE, ro);
  properties[PROP_ROW_CLASSES] = g_param_spec_boxed ("row-classes", NULL, NULL, G_TYPE_STRV, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upp_result_item_init (UppResultItem *self)
{
}

/* The row shows the file's name above its problems: the problems need not
 * repeat its path ("/…/UTB-2026-W40.json: entries[0].status: …"). */
static char *
strip_path (const UppImportResult *result)
{
  g_autofree char *prefix = g_strconcat (result->path, ": ", NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < result->problems->len; i++)
    {
      const char *problem = g_ptr_array_index (result->problems, i);

      if (g_str_has_prefix (problem, prefix))
        problem += strlen (prefix);
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", problem);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * upp_result_item_new:
 * @results: (element-type UppImportResult): a batch's results
 * @index: one of them
 *
 * Returns: (transfer full): the item; it keeps @results alive
 */
UppResultItem *
upp_result_item_new (GPtrArray *results,
                     guint      index)
{
  UppResultItem *self;

  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (index < results->len, NULL);

  self = g_object_new (UPP_TYPE_RESULT_ITEM, NULL);
  self->results = g_ptr_array_ref (results);
  self->result = g_ptr_array_index (results, index);
  self->filename = g_path_get_basename (self->result->path);
  if (self->result->status == UPP_IMPORT_REJECTED && self->result->problems != NULL &&
      self->result->problems->len > 0)
    self->message = strip_path (self->result);
  else
    self->message = g_strdup (upp_import_status_get_label (self->result->status));
  return self;
}

const UppImportResult *
upp_result_item_get_result (UppResultItem *self)
{
  g_return_val_if_fail (UPP_IS_RESULT_ITEM (self), NULL);
  return self->result;
}

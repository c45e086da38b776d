/* upp-document-item.c — one row of the imported documents list
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-document-item"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-document-item.h"

struct _UppDocumentItem
{
  GObject                parent_instance;

  /* owned */
  UppDashboard          *dashboard;
  char                  *department;
  char                  *week;
  char                  *submitted;
  char                  *revision;
  char                  *filename;

  /* borrowed from the dashboard */
  const UppDocumentInfo *info;
};

G_DEFINE_FINAL_TYPE (UppDocumentItem, upp_document_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEPARTMENT,
  PROP_WEEK,
  PROP_WEEK_KEY,
  PROP_SUBMITTED,
  PROP_REVISION,
  PROP_REVISION_NUMBER,
  PROP_FILENAME,
  PROP_STATUS,
  PROP_CURRENT,
  PROP_ROW_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
upp_document_item_finalize (GObject *object)
{
  UppDocumentItem *self = UPP_DOCUMENT_ITEM (object);

  g_clear_pointer (&self->dashboard, upp_dashboard_unref);
  g_free (self->department);
  g_free (self->week);
  g_free (self->submitted);
  g_free (self->revision);
  g_free (self->filename);

  G_OBJECT_CLASS (upp_document_item_parent_class)->finalize (object);
}

static void
upp_document_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UppDocumentItem *self = UPP_DOCUMENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_WEEK:
      g_value_set_string (value, self->week);
      break;
    case PROP_WEEK_KEY:
      g_value_set_int (value, upp_week_is_valid (self->info->week)
                                ? upp_week_to_key (self->info->week) : 0);
      break;
    case PROP_SUBMITTED:
      g_value_set_string (value, self->submitted);
      break;
    case PROP_REVISION:
      g_value_set_string (value, self->revision);
      break;
    case PROP_REVISION_NUMBER:
      g_value_set_int (value, self->info->revision);
      break;
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_STATUS:
      g_value_set_string (value, upp_dashboard_document_status (self->info));
      break;
    case PROP_CURRENT:
      g_value_set_boolean (value, self->info->is_current);
      break;
    case PROP_ROW_LABEL:
      g_value_take_string (value,
                           /* Translators: an imported document's row, read by a screen
                            * reader: department, week, status, submitted, file name */
                           g_strdup_printf (_("%s, %s. %s. Submitted %s. %s"),
                                            self->department, self->week,
                                            upp_dashboard_document_status (self->info),
                                            self->submitted, self->filename));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_document_item_class_init (UppDocumentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = upp_document_item_finalize;
  object_class->get_property = upp_document_item_get_property;

  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, ro);
  properties[PROP_WEEK] = g_param_spec_string ("week", NULL, NULL, NULL, ro);
  properties[PROP_WEEK_KEY] = g_param_spec_int ("week-key", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_SUBMITTED] = g_param_spec_string ("submitted", NULL, NULL, NULL, ro);
  properties[PROP_REVISION] = g_param_spec_string ("revision", NULL, NULL, NULL, ro);
  properties[PROP_REVISION_NUMBER] = g_param_spec_int ("revision-number", NULL, NULL, 0,
                                                       G_MAXINT, 0, ro);
  properties[PROP_FILENAME] = g_param_spec_string ("filename", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, ro);
  properties[PROP_CURRENT] = g_param_spec_boolean ("current", NULL, NULL, FALSE, ro);
  properties[PROP_ROW_LABEL] = g_param_spec_string ("row-label", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upp_document_item_init (UppDocumentItem *self)
{
}

/* "2026-10-02T15:25:00+02:00" reads better as "2026-10-02 15:25". */
static char *
format_submitted (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL)
    return g_strdup ("—");
  time = g_date_time_new_from_iso8601 (iso, NULL);
  if (time == NULL)
    return g_strdup (iso);
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

/**
 * upp_document_item_new:
 * @dashboard: the dashboard
 * @index: the row in its documents
 *
 * Returns: (transfer full): the item; it keeps @dashboard alive
 */
UppDocumentItem *
upp_document_item_new (UppDashboard *dashboard,
                       guint         index)
{
  UppDocumentItem *self;
  const UppDocumentInfo *info;

  g_return_val_if_fail (dashboard != NULL, NULL);
  g_return_val_if_fail (index < dashboard->documents->len, NULL);

  info = g_ptr_array_index (dashboard->documents, index);
  self = g_object_new (UPP_TYPE_DOCUMENT_ITEM, NULL);
  self->dashboard = upp_dashboard_ref (dashboard);
  self->info = info;
  if (g_strcmp0 (info->kind, "package") == 0)
    {
      self->department = g_strdup (C_("document", "Action package"));
      self->week = g_strdup ("—");
      self->submitted = format_submitted (info->imported);
      /* Translators: a package definition's revision number */
      self->revision = g_strdup_printf (_("Revision %d"), info->revision);
    }
  else
    {
      self->department = g_strdup (upp_dashboard_department_name (dashboard, info->department));
      self->week = upp_week_is_valid (info->week) ? upp_week_format (info->week) : g_strdup ("—");
      self->submitted = format_submitted (info->submitted);
      self->revision = info->revision > 1 ? g_strdup_printf (_("Correction %d"), info->revision - 1)
                                          : g_strdup (C_("revision", "Original"));
    }
  self->filename = info->filename != NULL ? g_path_get_basename (info->filename) : g_strdup ("—");
  return self;
}

const UppDocumentInfo *
upp_document_item_get_info (UppDocumentItem *self)
{
  g_return_val_if_fail (UPP_IS_DOCUMENT_ITEM (self), NULL);
  return self->info;
}

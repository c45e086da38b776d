/* upp-chart-view.h — a core chart as a widget
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "upp-chart-draw.h"

G_BEGIN_DECLS

#define UPP_TYPE_CHART_VIEW (upp_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (UppChartView, upp_chart_view, UPP, CHART_VIEW, GtkWidget)

GtkWidget           *upp_chart_view_new         (void);
void                 upp_chart_view_set_data    (UppChartView        *self,
                                                 const UppChartData  *data,
                                                 gpointer             owner,
                                                 GDestroyNotify       owner_free);
const UppChartData  *upp_chart_view_get_data    (UppChartView        *self);
const UppChartStyle *upp_chart_view_get_style   (UppChartView        *self);
const char          *upp_chart_view_get_description (UppChartView    *self);

G_END_DECLS

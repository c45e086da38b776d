/* upp-application.h
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UPP_TYPE_APPLICATION (upp_application_get_type ())

G_DECLARE_FINAL_TYPE (UppApplication, upp_application, UPP, APPLICATION, AdwApplication)

UppApplication *upp_application_new         (const char        *application_id,
                                             GApplicationFlags  flags);
const char     *upp_application_get_db_path (UppApplication    *self);
GtkWindow      *upp_application_open_database (UppApplication  *self,
                                               const char      *path);
void            upp_application_set_db_path (UppApplication    *self,
                                             const char        *path);

G_END_DECLS

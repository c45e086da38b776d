/* upp-error.h
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UPP_ERROR (upp_error_quark ())

/**
 * UppError:
 * @UPP_ERROR_FAILED: anything else
 * @UPP_ERROR_INVALID_WEEK: a week string or number that is not an ISO week
 * @UPP_ERROR_INVALID_ARGUMENT: a bad argument from the user (unknown department…)
 * @UPP_ERROR_DATABASE: SQLite failed
 * @UPP_ERROR_SCHEMA_TOO_NEW: the database was written by a newer version
 * @UPP_ERROR_NOT_FOUND: the thing asked for does not exist
 * @UPP_ERROR_PARSE: a document is not well-formed JSON
 * @UPP_ERROR_INVALID_DOCUMENT: a document breaks the format or the store's rules
 * @UPP_ERROR_SENSITIVE: a text holds a personal identity number
 * @UPP_ERROR_TOO_LARGE: a file is larger than we read
 * @UPP_ERROR_IO: reading or writing a file failed
 */
typedef enum
{
  UPP_ERROR_FAILED,
  UPP_ERROR_INVALID_WEEK,
  UPP_ERROR_INVALID_ARGUMENT,
  UPP_ERROR_DATABASE,
  UPP_ERROR_SCHEMA_TOO_NEW,
  UPP_ERROR_NOT_FOUND,
  UPP_ERROR_PARSE,
  UPP_ERROR_INVALID_DOCUMENT,
  UPP_ERROR_SENSITIVE,
  UPP_ERROR_TOO_LARGE,
  UPP_ERROR_IO,
} UppError;

GQuark upp_error_quark (void);

G_END_DECLS

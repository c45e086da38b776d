/* upp-package-changes.h — what a package revision changes, in words
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-model.h"

G_BEGIN_DECLS

GPtrArray *upp_package_describe_changes (const UppPackage *old_package,
                                         const UppPackage *new_package);

G_END_DECLS

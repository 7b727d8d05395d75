/* Internals shared by the exporters (export-*.c). Never installed. */
#ifndef UNIONPLAN_EXPORT_PRIVATE_H
#define UNIONPLAN_EXPORT_PRIVATE_H

#include <unionplan/export.h>

#include "util-private.h"

/* Check an exporter's options (NULL: the defaults): a known version, no
 * flag outside known. *flags receives the flags. Returns 0 or UPL_EINVAL
 * with err set. */
UPL_HIDDEN int upl__export_opts(const upl_export_options *opts, unsigned int known,
				unsigned int *flags, upl_error **err);

#endif /* UNIONPLAN_EXPORT_PRIVATE_H */

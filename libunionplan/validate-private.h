/* The internal entry points of validation: the rules (and the holiday
 * lookup they share). Reports are report-private.h, the rule registry
 * messages-private.h, the reader xml-private.h. Never installed. */
#ifndef UNIONPLAN_VALIDATE_PRIVATE_H
#define UNIONPLAN_VALIDATE_PRIVATE_H

#include <unionplan/validate.h>

#include "plan-private.h"
#include "report-private.h"

/* The semantic layer: run every rule enabled by opts over doc, appending to
 * report (file = name). Returns 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__rules_run(upl_report *report, const upl_doc *doc, const char *name,
			      const upl_validate_options *opts);

/* The occurrence of holiday key nearest to the days first..last (one
 * inside them when there is one). 0, UPL_ENOTFOUND or UPL_EINVAL. */
UPL_HIDDEN int upl__holiday_nearest(upl_date *out, const char *key, upl_date first,
				    upl_date last);

#endif

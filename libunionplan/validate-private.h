/* The internal entry points of validation: the reader and the rules.
 * Reports are report-private.h, the rule registry messages-private.h.
 * Never installed. */
#ifndef UNIONPLAN_VALIDATE_PRIVATE_H
#define UNIONPLAN_VALIDATE_PRIVATE_H

#include <unionplan/validate.h>

#include "plan-private.h"
#include "report-private.h"

/* Read and check one document held in memory (any encoding the reader
 * supports). Appends diagnostics (file = name) to report. If out is not
 * NULL and the document passes the schema layer, *out receives the model.
 * zh asks for the reader's own messages in Chinese. Returns 0 when the
 * input was checked, UPL_ENOMEM otherwise. */
UPL_HIDDEN int upl__xml_read(upl_doc **out, upl_report *report, const char *data,
			     size_t len, const char *name, size_t max_bytes, int zh);

/* Read a whole file / descriptor / stream into memory, at most max bytes
 * (0 = the default). *data is freed with upl__dealloc. */
UPL_HIDDEN int upl__load_file(char **data, size_t *len, const char *path,
			      size_t max, upl_error **err);
UPL_HIDDEN int upl__load_fd(char **data, size_t *len, int fd, const char *name,
			    size_t max, upl_error **err);
UPL_HIDDEN int upl__load_stream(char **data, size_t *len, FILE *fp, const char *name,
				size_t max, upl_error **err);

/* The semantic layer: run every rule enabled by opts over doc, appending to
 * report (file = name). Returns 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__rules_run(upl_report *report, const upl_doc *doc, const char *name,
			      const upl_validate_options *opts);

/* The occurrence of holiday key nearest to the days first..last (one
 * inside them when there is one). 0, UPL_ENOTFOUND or UPL_EINVAL. */
UPL_HIDDEN int upl__holiday_nearest(upl_date *out, const char *key, upl_date first,
				    upl_date last);

#endif

/* Reports and diagnostics: the objects behind upl_report and upl_diag.
 * Never installed. */
#ifndef UNIONPLAN_REPORT_PRIVATE_H
#define UNIONPLAN_REPORT_PRIVATE_H

#include <unionplan/validate.h>

#include "messages-private.h"

struct upl_diag {
	upl_severity severity;
	upl_rule_id rule;  /* its code is upl__rule_code(rule) */
	char *message;     /* valid UTF-8 */
	char *file;
	unsigned int line;
	unsigned int column;
};

struct upl_report {
	upl_diag *items;
	size_t n, cap;
	int oom;           /* a diagnostic could not be stored */
};

/* Append a diagnostic of rule id. The message is made valid UTF-8 whatever
 * the arguments hold (an invalid sequence becomes U+FFFD). Returns 0 or
 * UPL_ENOMEM (then report->oom is set). */
UPL_HIDDEN int upl__report_add(upl_report *report, upl_severity severity,
			       upl_rule_id id, const char *file,
			       unsigned int line, unsigned int column,
			       const char *fmt, ...) UPL_PRINTF(7, 8);
/* The same with the arguments in a va_list. */
UPL_HIDDEN int upl__report_vadd(upl_report *report, upl_severity severity,
				upl_rule_id id, const char *file,
				unsigned int line, unsigned int column,
				const char *fmt, va_list ap) UPL_PRINTF(7, 0);

/* Whether the report holds an error from index `from` on. */
UPL_HIDDEN int upl__report_has_error_since(const upl_report *report, size_t from);

#endif

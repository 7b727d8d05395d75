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
	/* The names the diagnostics point to (diag.file), one per run of
	 * diagnostics of one file: a name is stored once, not once for
	 * every diagnostic. */
	char **files;
	size_t nfiles, files_cap;
	/* The cap of one validate call (upl__report_cap_begin()). */
	struct {
		size_t max;            /* keep this many from `from` on; 0 = no cap */
		size_t from;
		size_t left_out;       /* how many were not kept */
		size_t errors;         /* how many of them are errors */
		upl_severity worst;    /* the worst of them */
		const char *file;      /* the first left out: its file and place */
		unsigned int line, column;
		upl_rule_id last_rule; /* the last left out: its code and place */
		unsigned int last_line, last_column;
	} lim;
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

/* Append the diagnostics of src to dst, through dst's cap, and count those
 * src's own cap left out as left out of dst (src's cap is dst's, or none).
 * src is left as it was. Returns 0 or UPL_ENOMEM (then dst->oom is set). */
UPL_HIDDEN int upl__report_take(upl_report *dst, upl_report *src);

/* Drop the diagnostics from index n on, and what the cap counted (the
 * streaming reader takes back what it said about a document). */
UPL_HIDDEN void upl__report_truncate(upl_report *report, size_t n);

/* Whether the report holds an error from index `from` on, counting the
 * errors the cap left out. */
UPL_HIDDEN int upl__report_has_error_since(const upl_report *report, size_t from);

/* The cap of one validate call: from now on keep at most max diagnostics
 * (0: every one) and only count the others: how many, how many errors,
 * the worst severity, where the first was. */
UPL_HIDDEN void upl__report_cap_begin(upl_report *report, size_t max);
/* End the cap. When diagnostics were left out, append the one that says
 * how many (too-many-diagnostics, in Chinese when zh), with the severity
 * of the worst of them, at the place of the first: the verdict of the
 * report stays what it would have been. Returns 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__report_cap_end(upl_report *report, int zh);

#endif

/* Reports and the internal entry points of the rules. Never installed. */
#ifndef UNIONPLAN_VALIDATE_PRIVATE_H
#define UNIONPLAN_VALIDATE_PRIVATE_H

#include <unionplan/validate.h>

#include "plan-private.h"

/* Stable codes of the schema layer (doc/rules.md lists them all). */
#define UPL_CODE_XML_EMPTY "xml-empty"
#define UPL_CODE_XML_TOO_LARGE "xml-too-large"
#define UPL_CODE_XML_ENCODING "xml-encoding"
#define UPL_CODE_XML_SYNTAX "xml-syntax"
#define UPL_CODE_XML_WARNING "xml-warning"
#define UPL_CODE_XML_DOCTYPE "xml-doctype"
#define UPL_CODE_XML_ENTITY "xml-entity"
#define UPL_CODE_SCHEMA_ROOT "schema-root"
#define UPL_CODE_SCHEMA_ELEMENT "schema-element"
#define UPL_CODE_SCHEMA_ATTRIBUTE "schema-attribute"
#define UPL_CODE_SCHEMA_VALUE "schema-value"
#define UPL_CODE_SCHEMA_OTHER "schema-invalid"

struct upl_diag {
	upl_severity severity;
	const char *code;  /* static */
	char *message;
	char *file;
	unsigned int line;
	unsigned int column;
};

struct upl_report {
	upl_diag *items;
	size_t n, cap;
	int oom;           /* a diagnostic could not be stored */
};

/* Append a diagnostic; code must be a static string. Returns 0 or
 * UPL_ENOMEM (then report->oom is set). */
UPL_HIDDEN int upl__report_add(upl_report *report, upl_severity severity,
			       const char *code, const char *file,
			       unsigned int line, unsigned int column,
			       const char *fmt, ...) UPL_PRINTF(7, 8);

/* Whether the report holds an error from index `from` on. */
UPL_HIDDEN int upl__report_has_error_since(const upl_report *report, size_t from);

/* The semantic layer: run every rule enabled by opts over doc, appending to
 * report (file = name). Returns 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__rules_run(upl_report *report, const upl_doc *doc, const char *name,
			      const upl_validate_options *opts);

/* The occurrence of holiday key nearest to the days first..last (one
 * inside them when there is one). 0, UPL_ENOTFOUND or UPL_EINVAL. */
UPL_HIDDEN int upl__holiday_nearest(upl_date *out, const char *key, upl_date first,
				    upl_date last);

#endif

/* The internal entry point of validation: the semantic rules. Reports are
 * report-private.h, the rule registry messages-private.h, the reader
 * xml-private.h. Never installed. */
#ifndef UNIONPLAN_VALIDATE_PRIVATE_H
#define UNIONPLAN_VALIDATE_PRIVATE_H

#include <unionplan/validate.h>

#include "plan-private.h"
#include "report-private.h"

/* The semantic layer: run every rule enabled by opts over doc, appending to
 * report (file = name). Returns 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__rules_run(upl_report *report, const upl_doc *doc, const char *name,
			      const upl_validate_options *opts);

/* The semantic layer for the streaming reader: a document's rules run as
 * its months and plans close (rules.c), their diagnostics kept, keyed, and
 * given in the order upl__rules_run() gives them. max is the cap of the
 * call (0: none): no more than twice as many wait. */
typedef struct upl__rules_stream upl__rules_stream;
UPL_HIDDEN int upl__rules_stream_new(upl__rules_stream **out, const char *name,
				     const upl_validate_options *opts, size_t max);
/* Month m of schedule sched of plan p has closed (its children, the
 * activities, are the numbering's list at depth); it may go after this. */
UPL_HIDDEN void upl__rules_stream_month(upl__rules_stream *s, const upl_plan *p,
					const upl_node *sched, const upl_node *m, int depth);
/* Plan p has closed: the rules of what is left of it. */
UPL_HIDDEN void upl__rules_stream_plan(upl__rules_stream *s, const upl_plan *p);
/* Append the diagnostics (sorted; when keep) to report and free s.
 * Returns 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__rules_stream_end(upl__rules_stream *s, upl_report *report, int keep);

#endif

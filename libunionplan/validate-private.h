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

/* The semantic layer as a walk (rules.c): each node of a plan opens and
 * closes in document order, and its rules run as it closes, with what its
 * list keeps of the earlier members; the diagnostics are kept, keyed, and
 * given in one order whatever the walk (upl__rules_run() walks a model,
 * the streaming reader its elements as they come). max is the cap of the
 * call (0: none): no more than twice as many wait. */
typedef struct upl__rules_stream upl__rules_stream;
UPL_HIDDEN int upl__rules_stream_new(upl__rules_stream **out, const char *name,
				     const upl_validate_options *opts, size_t max);
/* Node n of plan p has opened: its attributes are known. */
UPL_HIDDEN void upl__rules_stream_open(upl__rules_stream *s, const upl_plan *p,
				       const upl_node *n);
/* Node n of plan p has closed: its text and children are known. Its rules
 * have run after this, and it may go, unless it is an activity: the rules
 * of its month, which run as the month closes, read it. */
UPL_HIDDEN void upl__rules_stream_close(upl__rules_stream *s, const upl_plan *p,
					const upl_node *n);
/* Plan p has closed: the rules of the plan itself. */
UPL_HIDDEN void upl__rules_stream_plan(upl__rules_stream *s, const upl_plan *p);
/* Append the diagnostics (sorted; when keep) to report and free s.
 * Returns 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__rules_stream_end(upl__rules_stream *s, upl_report *report, int keep);

#endif

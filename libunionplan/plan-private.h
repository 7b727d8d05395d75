/* The plan model's internal layout, shared by the reader, the writer and
 * the validator. Never installed. */
#ifndef UNIONPLAN_PLAN_PRIVATE_H
#define UNIONPLAN_PLAN_PRIVATE_H

#include <unionplan/plan.h>

#include "util-private.h"

/* A source position: 1-based line and column (code points); 0 = none. */
typedef struct upl_pos {
	unsigned int line;
	unsigned int column;
} upl_pos;

struct upl_node {
	/* ordered so that no field is padded: 136 bytes, not 144 */
	upl_kind kind;
	upl_relation relation; /* activity */
	upl_node *parent;     /* parent node, or NULL */
	upl_plan *plan;       /* owning plan for body blocks, else NULL */
	char *text;
	char *heading;
	char *label;
	const char *holiday;  /* activity: points into the static key table */
	upl_node **children;
	size_t nchildren, cap;
	int number;           /* -1 = absent */
	int level;            /* section: 0 = absent */
	upl_role role;        /* section */
	int month, month_to, year;  /* month */
	upl_date date;        /* activity */
	upl_pos pos;          /* start tag */
	upl_pos heading_pos;  /* heading element */
};

struct upl_plan {
	upl_doc *doc;
	char *lang;           /* as read; NULL when absent */
	char *title, *organization, *docnumber;
	char **authors;
	size_t nauthors, authors_cap;
	upl_period_kind period_kind;
	upl_date period_start, period_end;
	int schoolyear, term;
	char *period_text;
	int has_issued;
	char *issued_text;
	upl_date issued_date;
	char *source_file, *source_encoding;
	int has_source;
	upl_node **blocks;
	size_t nblocks, blocks_cap;
	upl_pos pos, meta_pos, title_pos, docnumber_pos, period_pos, issued_pos;
};

struct upl_doc {
	upl_plan **plans;
	size_t nplans, cap;
	int collection;
	char *name;
	upl_pos pos;
};

/* Replace *dst with a copy of src (NULL clears). Returns 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__set_str(char **dst, const char *src);
/* The static holiday key equal to key, or NULL. */
UPL_HIDDEN const char *upl__holiday_key(const char *key);
/* Whether a container of kind parent (0 = plan body) may hold kind child. */
UPL_HIDDEN int upl__kind_allowed(upl_kind parent, upl_kind child);
/* Set a document's name (copied). */
UPL_HIDDEN int upl__doc_set_name(upl_doc *doc, const char *name);

#endif

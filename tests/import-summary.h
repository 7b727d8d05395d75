/* The structure of an imported document as a few lines of text, for the
 * importer's corpora (tests/data/import/README says the format): what a
 * plan is made of, without its wording, so that a case pins the plan
 * count, the parts and their levels, the months with their labels, the
 * activities of each month with their dates, and the front matter. */
#ifndef UNIONPLAN_IMPORT_SUMMARY_H
#define UNIONPLAN_IMPORT_SUMMARY_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#define SUMMARY_LEVELS 8

/* What the walk of one plan counts. */
typedef struct summary_counts {
	size_t sections[SUMMARY_LEVELS]; /* by level; 0: an unnumbered part */
	size_t items[SUMMARY_LEVELS];    /* by depth: 1 under a section, 2 under an item … */
	size_t paragraphs, notes, schedules;
} summary_counts;

/* A growable string of the summary. */
typedef struct summary_buf {
	char *s;
	size_t len, cap;
} summary_buf;

static void
summary_put(summary_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
summary_put(summary_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	for (;;) {
		size_t room = b->cap - b->len;
		va_start(ap, fmt);
		n = vsnprintf(b->s ? b->s + b->len : NULL, room, fmt, ap);
		va_end(ap);
		ck_assert_int_ge(n, 0);
		if ((size_t)n < room)
			break;
		b->cap = (b->cap + (size_t)n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		ck_assert_ptr_nonnull(b->s);
	}
	b->len += (size_t)n;
}

static void
summary_date(summary_buf *b, upl_date d)
{
	char iso[UPL_DATE_ISO_SIZE];
	upl_date_format(iso, d);
	summary_put(b, "%s", iso);
}

/* One month: its number (and span), year, activities, dates, label. */
static void
summary_month(summary_buf *b, const upl_node *m)
{
	size_t i, n = upl_node_child_count(m);
	int dated = 0;
	summary_put(b, "month %d", upl_node_month(m));
	if (upl_node_month_to(m))
		summary_put(b, "-%d", upl_node_month_to(m));
	if (upl_node_year(m))
		summary_put(b, " %d", upl_node_year(m));
	else
		summary_put(b, " ?");
	summary_put(b, " activities=%zu", n);
	for (i = 0; i < n; i++) {
		upl_date d = upl_node_date(upl_node_child(m, i));
		if (d.month == 0)
			continue;
		summary_put(b, dated ? "," : " dates=");
		summary_date(b, d);
		dated = 1;
	}
	summary_put(b, " label=%s\n", upl_node_label(m) ? upl_node_label(m) : "");
}

static void
summary_node(summary_buf *b, summary_counts *c, const upl_node *n, int item_depth)
{
	size_t i;
	switch (upl_node_kind(n)) {
	case UPL_NODE_SECTION: {
		int lv = upl_node_level(n);
		c->sections[lv >= 0 && lv < SUMMARY_LEVELS ? lv : SUMMARY_LEVELS - 1]++;
		item_depth = 0;
		break;
	}
	case UPL_NODE_ITEM:
		item_depth++;
		c->items[item_depth < SUMMARY_LEVELS ? item_depth : SUMMARY_LEVELS - 1]++;
		break;
	case UPL_NODE_PARAGRAPH:
		c->paragraphs++;
		break;
	case UPL_NODE_NOTE:
		c->notes++;
		break;
	case UPL_NODE_SCHEDULE:
		c->schedules++;
		break;
	case UPL_NODE_MONTH:
		summary_month(b, n);
		return;
	default:
		break;
	}
	for (i = 0; i < upl_node_child_count(n); i++)
		summary_node(b, c, upl_node_child(n, i), item_depth);
}

static void
summary_levels(summary_buf *b, const char *what, const size_t *v, int from)
{
	int lv, any = 0;
	summary_put(b, "%s", what);
	for (lv = from; lv < SUMMARY_LEVELS; lv++)
		if (v[lv]) {
			summary_put(b, " L%d=%zu", lv, v[lv]);
			any = 1;
		}
	summary_put(b, "%s\n", any ? "" : " none");
}

static void
summary_meta(summary_buf *b, const upl_plan *p)
{
	upl_period per = UPL_PERIOD_INIT;
	size_t i;
	summary_put(b, "title %s\n", upl_plan_title(p) ? upl_plan_title(p) : "");
	if (upl_plan_organization(p))
		summary_put(b, "organization %s\n", upl_plan_organization(p));
	for (i = 0; i < upl_plan_author_count(p); i++)
		summary_put(b, "author %s\n", upl_plan_author(p, i));
	if (upl_plan_period(p, &per) == 0 && per.kind != UPL_PERIOD_NONE) {
		summary_put(b, "period %s", upl_period_kind_name(per.kind));
		if (per.start.year) {
			summary_put(b, " ");
			summary_date(b, per.start);
			summary_put(b, " ");
			summary_date(b, per.end);
		}
		summary_put(b, "\n");
	}
	if (upl_plan_issued_text(p)) {
		upl_date d = upl_plan_issued_date(p);
		summary_put(b, "issued ");
		if (d.year)
			summary_date(b, d);
		else
			summary_put(b, "?");
		summary_put(b, " %s\n", upl_plan_issued_text(p));
	}
}

/* The summary of doc (free() it). */
static char *
import_summary(const upl_doc *doc)
{
	summary_buf b = { NULL, 0, 0 };
	size_t i, k;
	summary_put(&b, "plans %zu\n", upl_doc_plan_count(doc));
	for (i = 0; i < upl_doc_plan_count(doc); i++) {
		const upl_plan *p = upl_doc_plan(doc, i);
		summary_counts c;
		memset(&c, 0, sizeof c);
		summary_put(&b, "plan %zu\n", i + 1);
		summary_meta(&b, p);
		for (k = 0; k < upl_plan_block_count(p); k++)
			summary_node(&b, &c, upl_plan_block(p, k), 0);
		summary_levels(&b, "sections", c.sections, 0);
		summary_levels(&b, "items", c.items, 1);
		summary_put(&b, "paragraphs %zu\nnotes %zu\nschedules %zu\n", c.paragraphs, c.notes,
			    c.schedules);
	}
	return b.s;
}

#endif

/* The semantic layer of validation: what no schema can say.
 *
 * Each rule group is a function over one plan that appends diagnostics
 * with a stable code (doc/rules.md; `unionplan validate --explain CODE`).
 * upl__rules_run() runs the enabled groups on every plan of a document.
 * Messages come from the bilingual catalogue in messages.c. */
#include "config.h"

#include <unionplan/calendar.h>
#include <unionplan/text.h>

#include "holidays-private.h"
#include "messages-private.h"
#include "validate-private.h"

typedef struct rule_ctx {
	upl_report *report;
	const char *file;
	unsigned int groups;
	int zh;
	int oom;
	/* the plan being checked */
	const upl_plan *plan;
	int has_period;        /* start and end both known */
	upl_date pstart, pend;
	int schoolyear;        /* 学年, 0 = unknown */
	int plan_year;         /* a calendar year the plan is for, 0 = unknown */
	/* the streaming path (upl__rules_stream_*): where each diagnostic
	 * belongs in the order of the whole-document run */
	struct upl__rules_stream *stream;
	struct skey {
		size_t plan, seq;
		unsigned int cat, step;  /* rule group in run order, step in it */
		upl_pos at;              /* the node whose part is being checked */
		upl_pos pos;             /* the diagnostic's own place */
	} key;
} rule_ctx;

static void stream_take(rule_ctx *c);

/* Append message (id, variant) of the registry; the arguments after the
 * position must match its format. */
#define emit(c, id, variant, ...)                                                        \
	do {                                                                             \
		upl__msg_emit((c)->report, (c)->zh, &(c)->oom, (c)->file, UPL__MSG(id, variant), \
			      __VA_ARGS__);                                              \
		if ((c)->stream)                                                         \
			stream_take(c);                                                  \
	} while (0)

/* Where the diagnostics that follow belong (the streaming path's order). */
static void
set_key(rule_ctx *c, unsigned int cat, upl_pos at, unsigned int step)
{
	c->key.cat = cat;
	c->key.at = at;
	c->key.step = step;
}

enum { KEY_META, KEY_SCHEDULES, KEY_NUMBERING, KEY_COUNTS, KEY_YEAR };

/* The longest text a message quotes, in code points. */
#define QUOTE_MAX 40

static int
date_known(upl_date d)
{
	return upl_date_is_valid(d);
}

/* ------------------------------------------------------------------------ */
/* The first of each key in a list                                          */

/* A key (up to three numbers) and the line of the first member of a list
 * that had it. */
typedef struct first_slot {
	int x, y, z;
	unsigned int line;
	int used;
} first_slot;

/* The keys of one list seen so far: open addressing, so that a repeated
 * key is found in constant time whatever the order of the list (looking
 * back at every earlier member was O(n²)). */
typedef struct first_lines {
	first_slot *v;
	size_t n, cap; /* cap: 0 or a power of two */
} first_lines;

static size_t
first_hash(int x, int y, int z)
{
	uint64_t h = (uint64_t)(uint32_t)x * UINT64_C(0x9E3779B97F4A7C15);
	h ^= (((uint64_t)(uint32_t)y << 32) | (uint32_t)z) + (h >> 31);
	h *= UINT64_C(0xBF58476D1CE4E5B9);
	h ^= h >> 29;
	return (size_t)h;
}

/* The slot of key (x, y, z): its own, or the empty one it would take. */
static first_slot *
first_slot_of(const first_lines *t, int x, int y, int z)
{
	size_t mask = t->cap - 1, i = first_hash(x, y, z) & mask;
	while (t->v[i].used && !(t->v[i].x == x && t->v[i].y == y && t->v[i].z == z))
		i = (i + 1) & mask;
	return &t->v[i];
}

static int
first_grow(first_lines *t)
{
	first_lines u;
	size_t i;
	if (t->cap > ((size_t)-1) / 2 / sizeof *t->v)
		return UPL_ENOMEM;
	u.cap = t->cap ? t->cap * 2 : 16;
	u.n = t->n;
	u.v = upl__calloc(u.cap, sizeof *u.v);
	if (u.v == NULL)
		return UPL_ENOMEM;
	for (i = 0; i < t->cap; i++)
		if (t->v[i].used)
			*first_slot_of(&u, t->v[i].x, t->v[i].y, t->v[i].z) = t->v[i];
	upl__dealloc(t->v);
	*t = u;
	return 0;
}

/* Whether key (x, y, z) came before in t, the line of its first in *first;
 * if not, it is added with line. c->oom when memory is short. */
static int
first_seen(rule_ctx *c, first_lines *t, int x, int y, int z, unsigned int line,
	   unsigned int *first)
{
	first_slot *s;
	if ((t->n + 1) * 4 > t->cap * 3 && first_grow(t) != 0) {
		c->oom = 1;
		return 0;
	}
	s = first_slot_of(t, x, y, z);
	if (s->used) {
		*first = s->line;
		return 1;
	}
	s->x = x;
	s->y = y;
	s->z = z;
	s->line = line;
	s->used = 1;
	t->n++;
	return 0;
}

static void
first_free(first_lines *t)
{
	upl__dealloc(t->v);
	memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------------------ */
/* Years and month spans                                                    */

/* Whether calendar month `mm` is in the span month..to (to 0: one month;
 * to < month: the span runs over the year end). */
static int
span_has(int month, int to, int mm)
{
	if (to == 0 || to == month)
		return mm == month;
	if (to > month)
		return mm >= month && mm <= to;
	return mm >= month || mm <= to;
}

static int
span_wraps(int month, int to)
{
	return to != 0 && to < month && month - to > 9;
}

/* The year of a month node: its own, else the one the plan's period
 * implies, else 0. */
static int
month_year(const rule_ctx *c, const upl_node *m)
{
	int y;
	if (m->year)
		return m->year;
	if (c->has_period) {
		for (y = c->pstart.year; y <= c->pend.year; y++) {
			upl_date first = { y, m->month, 1 };
			upl_date last = { y, m->month, upl_date_days_in_month(y, m->month) };
			if (upl_date_compare(last, c->pstart) >= 0 && upl_date_compare(first, c->pend) <= 0)
				return y;
		}
		return 0;
	}
	if (c->schoolyear)
		return m->month >= 9 ? c->schoolyear : c->schoolyear + 1;
	return c->plan_year;
}

/* The year calendar month mm of month node m falls in when the node's span
 * starts in year y: a span over the year end (十二月至一月) ends in y + 1. */
static int
span_year(const upl_node *m, int y, int mm)
{
	return (m->month_to && m->month_to < m->month && mm <= m->month_to) ? y + 1 : y;
}

/* The first day and last day of a month node's span in year y. */
static void
span_bounds(const upl_node *m, int y, upl_date *first, upl_date *last)
{
	int to = m->month_to ? m->month_to : m->month;
	int ylast = span_year(m, y, to);
	first->year = y;
	first->month = m->month;
	first->day = 1;
	last->year = ylast;
	last->month = to;
	last->day = upl_date_days_in_month(ylast, to);
}

static const char *
label_or(const upl_node *n, char *buf, size_t size)
{
	if (n->label)
		return n->label;
	if (n->kind == UPL_NODE_MONTH)
		snprintf(buf, size, n->month_to ? "%d-%d" : "%d", n->month, n->month_to);
	else
		snprintf(buf, size, "%d", n->number);
	return buf;
}

/* ------------------------------------------------------------------------ */
/* meta                                                                     */

/* 机关代字〔YYYY〕N号: an agency code, 〔, four digits, 〕, a number, 号. */
static int
docnumber_ok(const char *s)
{
	static const char open[] = "\xE3\x80\x94";  /* 〔 */
	static const char close[] = "\xE3\x80\x95"; /* 〕 */
	static const char hao[] = "\xE5\x8F\xB7";   /* 号 */
	static const char hao_t[] = "\xE8\x99\x9F"; /* 號 */
	const char *o = strstr(s, open), *p;
	int digits = 0;
	if (o == NULL || o == s)
		return 0;
	p = o + 3;
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (digits != 4 || strncmp(p, close, 3) != 0)
		return 0;
	p += 3;
	digits = 0;
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	return digits > 0 && (strcmp(p, hao) == 0 || strcmp(p, hao_t) == 0);
}

static void
rules_meta(rule_ctx *c)
{
	const upl_plan *p = c->plan;
	char a[UPL_DATE_ISO_SIZE], b[UPL_DATE_ISO_SIZE];
	if (p->lang == NULL)
		emit(c, UPL_CODE_PLAN_LANG, 0, p->pos);
	else if (strcmp(p->lang, "zh-Hans") != 0 && strcmp(p->lang, "zh-Hant") != 0)
		emit(c, UPL_CODE_PLAN_LANG, 1, p->pos, p->lang);
	if (p->title == NULL || p->title[0] == '\0')
		emit(c, UPL_CODE_META_TITLE, 0, p->title ? p->title_pos : (p->meta_pos.line ? p->meta_pos : p->pos));
	if (date_known(p->period_start) && date_known(p->period_end) &&
	    upl_date_compare(p->period_start, p->period_end) > 0) {
		upl_date_format(a, p->period_start);
		upl_date_format(b, p->period_end);
		emit(c, UPL_CODE_META_PERIOD, 0, p->period_pos, a, b);
	}
	if (p->docnumber && !docnumber_ok(p->docnumber))
		emit(c, UPL_CODE_META_DOCNUMBER, 0, p->docnumber_pos, p->docnumber);
}

/* ------------------------------------------------------------------------ */
/* holidays                                                                 */

static const char *
holiday_name(const rule_ctx *c, const char *key)
{
	const char *n = upl_holiday_name(key, c->plan->lang && strcmp(c->plan->lang, "zh-Hant") == 0);
	return n ? n : key;
}

/* An activity naming a holiday: its date, its month and the official days off. */
static void
check_holidays(rule_ctx *c, const upl_node *m, int y)
{
	size_t j;
	char l1[32];
	for (j = 0; j < m->nchildren && !c->oom; j++) {
		const upl_node *a = m->children[j];
		upl_date d = a->date, first, last, hd;
		char hs[UPL_DATE_ISO_SIZE], ds[UPL_DATE_ISO_SIZE];
		if (a->kind != UPL_NODE_ACTIVITY)
			continue;
		span_bounds(m, y, &first, &last);
		if (d.month && d.year == 0 && span_has(m->month, m->month_to, d.month))
			d.year = span_year(m, y, d.month);
		if (d.year && !upl_date_is_valid(d))
			d.year = 0; /* date-impossible says so */
		if (d.year) {
			upl_workday_info w;
			if (upl_calendar_workday(&w, NULL, d) == 0 && w.status == UPL_DAY_OFF &&
			    strcmp(w.reason, "weekend") != 0) {
				upl_date_format(ds, d);
				emit(c, UPL_CODE_HOLIDAY_DAY_OFF, 0, a->pos, ds,
				     upl__holiday_key(w.reason) ? holiday_name(c, w.reason) : w.reason);
			}
		}
		if (a->holiday == NULL)
			continue;
		if (d.year) {
			first = last = d;
		}
		if (upl__holiday_nearest(&hd, a->holiday, first, last) != 0)
			continue;
		upl_date_format(hs, hd);
		if (d.year && (a->relation == UPL_RELATION_ON || a->relation == UPL_RELATION_NONE)) {
			if (upl_date_compare(d, hd) != 0) {
				upl_date_format(ds, d);
				emit(c, UPL_CODE_HOLIDAY_DATE, 0, a->pos, holiday_name(c, a->holiday), hd.year, hs, ds);
			}
			continue;
		}
		{
			int bad = 0;
			upl__word w = UPL__WORD_ON;
			switch (a->relation) {
			case UPL_RELATION_ON:
				bad = upl_date_compare(hd, first) < 0 || upl_date_compare(hd, last) > 0;
				break;
			case UPL_RELATION_BEFORE:
				bad = upl_date_compare(first, hd) >= 0;
				w = UPL__WORD_BEFORE;
				break;
			case UPL_RELATION_AFTER:
				bad = upl_date_compare(last, hd) <= 0;
				w = UPL__WORD_AFTER;
				break;
			case UPL_RELATION_DURING: {
				upl_date lo, hi;
				if (upl_date_add_days(&lo, hd, -15) != 0 || upl_date_add_days(&hi, hd, 15) != 0)
					break;
				bad = upl_date_compare(last, lo) < 0 || upl_date_compare(first, hi) > 0;
				w = UPL__WORD_DURING;
				break;
			}
			default:
				break;
			}
			if (bad) {
				const char *where = label_or(m, l1, sizeof l1);
				if (d.year) {
					upl_date_format(ds, d);
					where = ds;
				}
				emit(c, UPL_CODE_HOLIDAY_MONTH, 0, a->pos, holiday_name(c, a->holiday), hd.year, hs,
				     upl__msg_word(w, c->zh), where);
			}
		}
	}
}

/* ------------------------------------------------------------------------ */
/* months and dates                                                         */

/* month-span-backwards: a span that ends before it starts, not over the
 * year end. */
static void
check_span_backwards(rule_ctx *c, const upl_node *m)
{
	if (m->month_to && m->month_to < m->month && !span_wraps(m->month, m->month_to))
		emit(c, UPL_CODE_MONTH_SPAN_BACKWARDS, 0, m->pos, m->month, m->month_to);
}

/* month-duplicate: month m came before, as o (NULL: it did not). Returns
 * whether it did. */
static int
check_month_duplicate(rule_ctx *c, const upl_node *m, const upl_node *o)
{
	char l1[32];
	if (o == NULL)
		return 0;
	emit(c, UPL_CODE_MONTH_DUPLICATE, 0, m->pos, label_or(m, l1, sizeof l1), o->pos.line);
	return 1;
}

/* The months of a schedule seen so far. */
typedef struct month_walk {
	const upl_node *prev; /* the previous month */
	int prev_y;           /* its year, 0 = unknown */
	int wraps;            /* the month numbers wrapped into the next year */
} month_walk;

/* month-order: chronological order, by year and month when both years are
 * known; otherwise the month number may wrap once, from the autumn term
 * into the next year (九月 … 十二月, 一月). */
static void
check_month_order(rule_ctx *c, month_walk *w, const upl_node *m, int y)
{
	const upl_node *prev = w->prev;
	char l1[32], l2[32];
	int back;
	if (prev == NULL)
		return;
	if (y && w->prev_y)
		back = y * 12 + m->month < w->prev_y * 12 + prev->month;
	else
		back = m->month < prev->month;
	if (back && !(y && w->prev_y) && !w->wraps &&
	    (prev->month_to ? prev->month_to : prev->month) >= 9 && m->month <= 8)
		w->wraps = 1;
	else if (back)
		emit(c, UPL_CODE_MONTH_ORDER, 0, m->pos, label_or(m, l1, sizeof l1),
		     label_or(prev, l2, sizeof l2));
}

/* month-outside-period, with one month of grace on each side: schedules
 * run into the month after the period (year-end meetings in 一月). */
static void
check_month_period(rule_ctx *c, const upl_node *m, int y)
{
	upl_date first, last, lo, hi;
	char a[UPL_DATE_ISO_SIZE], b[UPL_DATE_ISO_SIZE], l1[32];
	if (!y || !c->has_period)
		return;
	span_bounds(m, y, &first, &last);
	if (upl_date_add_days(&lo, c->pstart, -31) != 0)
		lo = c->pstart;
	if (upl_date_add_days(&hi, c->pend, 31) != 0)
		hi = c->pend;
	if (upl_date_compare(last, lo) < 0 || upl_date_compare(first, hi) > 0) {
		upl_date_format(a, c->pstart);
		upl_date_format(b, c->pend);
		emit(c, UPL_CODE_MONTH_OUTSIDE_PERIOD, 0, m->pos, label_or(m, l1, sizeof l1), a, b);
	}
}

/* date-outside-month: activity a of month m (of year y) dated elsewhere.
 * Returns whether it was. */
static int
check_date_in_month(rule_ctx *c, const upl_node *m, const upl_node *a, int y)
{
	upl_date d = a->date;
	char ds[UPL_DATE_ISO_SIZE], l1[32];
	if (span_has(m->month, m->month_to, d.month) &&
	    !(d.year && y && d.year != span_year(m, y, d.month)))
		return 0;
	upl_date_format(ds, d);
	emit(c, UPL_CODE_DATE_OUTSIDE_MONTH, 0, a->pos, ds, label_or(m, l1, sizeof l1));
	return 1;
}

/* date-impossible: a date without a year that the year of its month does
 * not have. Returns whether it is; *d receives its year otherwise. */
static int
check_date_exists(rule_ctx *c, const upl_node *m, const upl_node *a, int y, upl_date *d)
{
	char ds[UPL_DATE_ISO_SIZE];
	int dy;
	if (d->year != 0 || !y)
		return 0;
	dy = span_year(m, y, d->month);
	if (d->day > upl_date_days_in_month(dy, d->month)) {
		upl_date_format(ds, *d);
		emit(c, UPL_CODE_DATE_IMPOSSIBLE, 0, a->pos, ds, dy);
		return 1;
	}
	d->year = dy;
	return 0;
}

/* date-outside-period: date d of activity a. */
static void
check_date_period(rule_ctx *c, const upl_node *a, upl_date d)
{
	char ds[UPL_DATE_ISO_SIZE], s1[UPL_DATE_ISO_SIZE], s2[UPL_DATE_ISO_SIZE];
	if (!d.year || !c->has_period ||
	    (upl_date_compare(d, c->pstart) >= 0 && upl_date_compare(d, c->pend) <= 0))
		return;
	upl_date_format(s1, c->pstart);
	upl_date_format(s2, c->pend);
	upl_date_format(ds, d);
	emit(c, UPL_CODE_DATE_OUTSIDE_PERIOD, 0, a->pos, ds, s1, s2);
}

/* The dates of the activities of month m (of year y, 0 = unknown). */
static void
check_dates(rule_ctx *c, const upl_node *m, int y)
{
	size_t j;
	for (j = 0; j < m->nchildren && !c->oom; j++) {
		const upl_node *a = m->children[j];
		upl_date d = a->date;
		if (a->kind != UPL_NODE_ACTIVITY || d.month == 0)
			continue;
		if (check_date_in_month(c, m, a, y) || check_date_exists(c, m, a, y, &d))
			continue;
		check_date_period(c, a, d);
	}
}

/* The rules of one month m (of year y) of a schedule: o is the first
 * earlier month with its month, span and year (NULL: none). */
static void
check_month(rule_ctx *c, month_walk *w, const upl_node *m, int y, const upl_node *o)
{
	set_key(c, KEY_SCHEDULES, m->pos, 0);
	if (c->groups & UPL_RULES_MONTHS) {
		check_span_backwards(c, m);
		if (!check_month_duplicate(c, m, o))
			check_month_order(c, w, m, y);
		check_month_period(c, m, y);
	}
	w->prev = m;
	w->prev_y = y;
	set_key(c, KEY_SCHEDULES, m->pos, 1);
	if ((c->groups & UPL_RULES_HOLIDAYS) && y)
		check_holidays(c, m, y);
	set_key(c, KEY_SCHEDULES, m->pos, 2);
	if (c->groups & UPL_RULES_DATES)
		check_dates(c, m, y);
}

/* ------------------------------------------------------------------------ */
/* numbering                                                                */

/* The last number of the most recent group of each kind, per depth, in
 * document order: a group may continue it (items 1–4 in 一、, 5–6 in 二、). */
#define MAX_DEPTH 32
typedef struct numbering_state {
	int last[MAX_DEPTH][8];
} numbering_state;

/* The kinds that are numbered, in the order their groups are checked. */
static const upl_kind numbered[] = {
	UPL_NODE_SECTION, UPL_NODE_ITEM, UPL_NODE_ACTIVITY, UPL_NODE_NOTE
};
#define NUMBERED (sizeof numbered / sizeof numbered[0])

/* The members of one kind of a list seen so far. */
typedef struct group_walk {
	int started;          /* a numbered one came */
	int prev;             /* the number of the previous numbered one */
	first_lines numbers;  /* each number, and the line of its first */
	int style;            /* the first known label style, 0: none yet */
	char *style_label;    /* the label of the first with that style */
} group_walk;

/* One open list: the children of a node, or the blocks of a plan, as far
 * as they came. Its members are checked one by one as each closes, with
 * what the list keeps of the earlier ones, so that a member may go once it
 * is checked (the streaming path lets it). */
typedef struct list_walk {
	const upl_node *parent; /* NULL: the blocks of the plan */
	upl_pos ppos;           /* where the parent (or plan) starts */
	int depth;              /* the depth of the members: 0 for blocks */
	int plevel;             /* heading-order: the parent's level, 0: none */
	group_walk g[NUMBERED];
	/* a schedule's months */
	month_walk w;
	upl_node prev;          /* a copy of the previous month */
	first_lines months;     /* each (month, span, year), and its first line */
} list_walk;

static int
numbered_index(upl_kind kind)
{
	size_t k;
	for (k = 0; k < NUMBERED; k++)
		if (numbered[k] == kind)
			return (int)k;
	return -1;
}

/* The label style of a node, or 0 when its label is none the text module knows. */
static int
label_style(const upl_node *x, int *level)
{
	upl_text_label lab;
	if (x->label == NULL || upl_text_label_parse(&lab, x->label, strlen(x->label)) != 0)
		return 0;
	if (level)
		*level = lab.level;
	return (int)lab.style;
}

/* numbering-start, numbering-duplicate and numbering-skip for x, the k-th
 * numbered kind, a member of l. */
static void
check_number(rule_ctx *c, numbering_state *st, list_walk *l, const upl_node *x, size_t k)
{
	group_walk *g = &l->g[k];
	int *last = &st->last[l->depth < MAX_DEPTH ? l->depth : MAX_DEPTH - 1][x->kind];
	unsigned int line = 0;
	int dup;
	if (x->number < 0)
		return;
	set_key(c, KEY_NUMBERING, l->ppos, 1 + 2 * (unsigned int)k);
	dup = first_seen(c, &g->numbers, x->number, 0, 0, x->pos.line, &line);
	if (!g->started) {
		g->started = 1;
		if (x->number != 1 && x->number != *last + 1)
			emit(c, UPL_CODE_NUMBERING_START, 0, x->pos, x->number);
	} else if (dup) {
		emit(c, UPL_CODE_NUMBERING_DUPLICATE, 0, x->pos, x->number, line);
	} else if (x->number != g->prev + 1) {
		emit(c, UPL_CODE_NUMBERING_SKIP, 0, x->pos, g->prev, x->number);
	}
	g->prev = x->number;
}

/* numbering-style: members of one kind share one label style. */
static void
check_style(rule_ctx *c, list_walk *l, const upl_node *x, size_t k)
{
	group_walk *g = &l->g[k];
	int style = label_style(x, NULL);
	if (style == 0)
		return;
	set_key(c, KEY_NUMBERING, l->ppos, 2 + 2 * (unsigned int)k);
	if (g->style == 0) {
		g->style = style;
		g->style_label = upl__strdup(x->label);
		if (g->style_label == NULL)
			c->oom = 1;
	} else if (style != g->style) {
		emit(c, UPL_CODE_NUMBERING_STYLE, 0, x->pos, x->label, g->style_label);
	}
}

/* heading-order: a heading inside one of its own or a lower GB/T 9704 level. */
static void
check_heading_order(rule_ctx *c, const list_walk *l, const upl_node *x)
{
	int level = 0;
	if (l->plevel == 0)
		return;
	if (x->kind == UPL_NODE_SECTION)
		level = x->level;
	if (x->kind == UPL_NODE_ITEM || (x->kind == UPL_NODE_SECTION && level == 0))
		label_style(x, &level);
	if ((x->kind == UPL_NODE_SECTION || x->kind == UPL_NODE_ITEM) && level > 0 &&
	    level <= l->plevel) {
		set_key(c, KEY_NUMBERING, l->ppos, 0);
		emit(c, UPL_CODE_HEADING_ORDER, 0, x->pos, level, x->label ? x->label : "", l->plevel,
		     l->parent->label ? l->parent->label : "");
	}
}

/* ------------------------------------------------------------------------ */
/* counts that imply a year                                                 */

/* The year in which month mm falls within the plan, 0 when unknown. */
static int
plan_year_of_month(const rule_ctx *c, int mm)
{
	upl_node m;
	memset(&m, 0, sizeof m);
	m.kind = UPL_NODE_MONTH;
	m.month = mm;
	return month_year(c, &m);
}
/* 第二十八个教师节 → 1984 + 28; 第N个“三八”妇女节 → 1910 + N. */
static void
check_counts_in(rule_ctx *c, const char *s, upl_pos pos)
{
	static const char di[] = "\xE7\xAC\xAC"; /* 第 */
	const char *p = s;
	size_t len = strlen(s);
	while ((p = strstr(p, di)) != NULL && !c->oom) {
		size_t off = (size_t)(p - s) + 3, used, k = 0;
		long n;
		upl_holiday_match hm;
		p += 3;
		if (upl_text_numeral_parse(&n, &used, s + off, len - off) != 0 || n < 1 || n > 500)
			continue;
		off += used;
		/* 个 / 個 / 届 / 屆, then the holiday right after (quotes allowed) */
		{
			static const char *const counters[] = {
				"\xE4\xB8\xAA", "\xE5\x80\x8B", "\xE5\xB1\x8A", "\xE5\xB1\x86", NULL
			};
			const char *const *w;
			for (w = counters; *w; w++)
				if (strncmp(s + off, *w, 3) == 0) {
					off += 3;
					break;
				}
			if (*w == NULL)
				continue;
		}
		/* the holiday must start within two characters (a quotation
		 * mark): look no further, the text may be long */
		if (upl__holiday_find_near(&hm, s, len, off, off + 6) != 0)
			continue;
		if (strcmp(hm.key, "teachers-day") == 0)
			k = 1984;
		else if (strcmp(hm.key, "womens-day") == 0)
			k = 1910;
		if (k) {
			int implied = (int)(k + (size_t)n);
			int year = plan_year_of_month(c, k == 1984 ? 9 : 3);
			if (year && implied != year) {
				size_t start = (size_t)(p - 3 - s), end = hm.start + hm.len;
				char *what = upl__utf8_excerpt(s + start, end - start, QUOTE_MAX);
				if (what == NULL) {
					c->oom = 1;
					return;
				}
				emit(c, UPL_CODE_COUNT_YEAR, 0, pos, what, implied, year);
				upl__dealloc(what);
			}
		}
	}
}


/* The counts in the text and heading of node x. */
static void
check_counts(rule_ctx *c, const upl_node *x)
{
	set_key(c, KEY_COUNTS, x->pos, 0);
	if (x->text)
		check_counts_in(c, x->text, x->pos);
	set_key(c, KEY_COUNTS, x->pos, 1);
	if (x->heading)
		check_counts_in(c, x->heading, x->heading_pos.line ? x->heading_pos : x->pos);
}

/* ------------------------------------------------------------------------ */
/* plans                                                                    */

static void
plan_context(rule_ctx *c, const upl_plan *p)
{
	c->plan = p;
	c->has_period = date_known(p->period_start) && date_known(p->period_end) &&
			upl_date_compare(p->period_start, p->period_end) <= 0;
	c->pstart = p->period_start;
	c->pend = p->period_end;
	c->schoolyear = (p->period_kind == UPL_PERIOD_SCHOOL_YEAR || p->period_kind == UPL_PERIOD_TERM) ?
				p->schoolyear : 0;
	c->plan_year = 0;
	if (date_known(p->period_start) && date_known(p->period_end) &&
	    p->period_start.year == p->period_end.year)
		c->plan_year = p->period_start.year;
	else if (date_known(p->period_start) && !date_known(p->period_end))
		c->plan_year = p->period_start.year;
}

static void
rules_ctx_init(rule_ctx *c, upl_report *report, const char *name,
	       const upl_validate_options *opts)
{
	memset(c, 0, sizeof *c);
	c->report = report;
	c->file = name;
	c->groups = (opts && opts->rules) ? opts->rules : UPL_RULES_ALL;
	c->zh = upl__msg_lang_zh(opts ? opts->lang : NULL);
}

/* ------------------------------------------------------------------------ */
/* The walk                                                                 */

/* Both paths run the rules the same way: each node opens (its attributes
 * known) and closes (its text and children known) in document order, and
 * each rule runs on a node as it closes, with what its list keeps of the
 * earlier members (list_walk). The whole-document path walks the model
 * (upl__rules_run); the streaming reader calls upl__rules_stream_open()
 * and upl__rules_stream_close() as the elements come, and lets each node
 * go once it closed (the activities of a month with their month). The
 * diagnostics wait, each with the key of its place in the order of a run
 * list by list (plans, then rule groups, then places), and come out sorted
 * by upl__rules_stream_end(). Bounded state: the open lists (one per
 * depth), the numbering state, each list's numbers and month keys seen
 * (a slot each), and at most twice the cap of diagnostics. */

typedef struct pending {
	struct skey key;
	upl_severity severity;
	upl_rule_id rule;
	char *message;
} pending;

struct upl__rules_stream {
	rule_ctx c;
	upl_report scratch;    /* where emit() writes, emptied at once */
	pending *v;
	size_t n, cap, keep;   /* keep: the cap plus one, 0 = every one */
	size_t left_out, errors;
	upl_severity worst;
	numbering_state st;
	const upl_plan *plan;  /* the plan whose nodes come */
	int any_year;          /* one of its months has a year */
	int schedules;         /* it has a schedule */
	list_walk *lists;      /* its open lists, the blocks first */
	size_t nlists, lists_cap;
};

static int
skey_cmp(const struct skey *a, const struct skey *b)
{
#define CMP_FIELD(f) if (a->f != b->f) return a->f < b->f ? -1 : 1
	CMP_FIELD(plan);
	CMP_FIELD(cat);
	CMP_FIELD(at.line);
	CMP_FIELD(at.column);
	CMP_FIELD(step);
	CMP_FIELD(pos.line);
	CMP_FIELD(pos.column);
	CMP_FIELD(seq);
#undef CMP_FIELD
	return 0;
}

static int
pending_cmp(const void *x, const void *y)
{
	return skey_cmp(&((const pending *)x)->key, &((const pending *)y)->key);
}

/* Keep the keep smallest; count the others as left out. */
static void
stream_trim(upl__rules_stream *s)
{
	size_t i;
	qsort(s->v, s->n, sizeof *s->v, pending_cmp);
	for (i = s->keep; i < s->n; i++) {
		s->left_out++;
		if (s->v[i].severity == UPL_SEVERITY_ERROR)
			s->errors++;
		if (s->v[i].severity > s->worst)
			s->worst = s->v[i].severity;
		upl__dealloc(s->v[i].message);
	}
	s->n = s->keep;
}

/* Move the diagnostic emit() just wrote into the pending ones, keyed. */
static void
stream_take(rule_ctx *c)
{
	upl__rules_stream *s = c->stream;
	upl_diag *d;
	pending *e;
	if (s->scratch.n == 0)
		return;
	d = &s->scratch.items[--s->scratch.n];
	if (upl__grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v) != 0) {
		upl__dealloc(d->message);
		c->oom = 1;
		return;
	}
	e = &s->v[s->n++];
	e->key = c->key;
	e->key.pos.line = d->line;
	e->key.pos.column = d->column;
	e->key.seq = c->key.seq++;
	e->severity = d->severity;
	e->rule = d->rule;
	e->message = d->message;
	if (s->keep && s->n >= 2 * s->keep)
		stream_trim(s);
}

int
upl__rules_stream_new(upl__rules_stream **out, const char *name,
		      const upl_validate_options *opts, size_t max)
{
	upl__rules_stream *s = upl__calloc(1, sizeof *s);
	*out = s;
	if (s == NULL)
		return UPL_ENOMEM;
	rules_ctx_init(&s->c, &s->scratch, name, opts);
	s->c.stream = s;
	s->keep = max ? max + 1 : 0;
	return 0;
}

/* A new list, of the children of parent (NULL: the blocks of the plan). */
static int
list_open(upl__rules_stream *s, const upl_node *parent)
{
	list_walk *l;
	if (upl__grow((void **)&s->lists, &s->lists_cap, s->nlists + 1, sizeof *s->lists) != 0) {
		s->c.oom = 1;
		return UPL_ENOMEM;
	}
	l = &s->lists[s->nlists];
	memset(l, 0, sizeof *l);
	l->parent = parent;
	l->ppos = parent ? parent->pos : s->plan->pos;
	l->depth = s->nlists ? s->lists[s->nlists - 1].depth + 1 : 0;
	if (parent && (parent->kind == UPL_NODE_SECTION || parent->kind == UPL_NODE_ITEM)) {
		l->plevel = parent->level;
		if (l->plevel == 0 && parent->kind == UPL_NODE_ITEM)
			label_style(parent, &l->plevel);
	}
	s->nlists++;
	return 0;
}

/* The last list has ended: its numbers are the ones the next group of the
 * same depth may continue. */
static void
list_close(upl__rules_stream *s)
{
	list_walk *l = &s->lists[--s->nlists];
	size_t k;
	for (k = 0; k < NUMBERED; k++) {
		group_walk *g = &l->g[k];
		if (g->started)
			s->st.last[l->depth < MAX_DEPTH ? l->depth : MAX_DEPTH - 1][numbered[k]] = g->prev;
		first_free(&g->numbers);
		upl__dealloc(g->style_label);
	}
	first_free(&l->months);
	upl__dealloc(l->prev.label);
}

/* Plan p's nodes come: a new plan starts the state that belongs to it. */
static void
stream_enter(upl__rules_stream *s, const upl_plan *p)
{
	if (p == s->plan)
		return;
	if (s->plan)
		s->c.key.plan++;
	while (s->nlists)
		list_close(s);
	s->plan = p;
	s->any_year = 0;
	s->schedules = 0;
	memset(&s->st, 0, sizeof s->st);
	plan_context(&s->c, p);
	(void)list_open(s, NULL);
}

/* Month m, a member of l (the list of a schedule), has closed. */
static void
check_month_of(upl__rules_stream *s, list_walk *l, const upl_node *m)
{
	rule_ctx *c = &s->c;
	upl_node first;
	unsigned int line = 0;
	int y = month_year(c, m), dup;
	if (y)
		s->any_year = 1;
	dup = (c->groups & UPL_RULES_MONTHS) &&
	      first_seen(c, &l->months, m->month, m->month_to, y, m->pos.line, &line);
	memset(&first, 0, sizeof first);
	first.pos.line = line;
	check_month(c, &l->w, m, y, dup ? &first : NULL);
	/* the next month's order is checked against a copy: m may go */
	upl__dealloc(l->prev.label);
	l->prev = *m;
	l->prev.label = m->label ? upl__strdup(m->label) : NULL;
	if (m->label && l->prev.label == NULL)
		c->oom = 1;
	l->prev.children = NULL;
	l->prev.nchildren = 0;
	l->w.prev = &l->prev;
}

void
upl__rules_stream_open(upl__rules_stream *s, const upl_plan *p, const upl_node *n)
{
	if (s->c.oom)
		return;
	stream_enter(s, p);
	if (n->kind == UPL_NODE_SCHEDULE)
		s->schedules = 1;
	(void)list_open(s, n);
}

void
upl__rules_stream_close(upl__rules_stream *s, const upl_plan *p, const upl_node *n)
{
	rule_ctx *c = &s->c;
	list_walk *l;
	int k;
	if (c->oom)
		return;
	stream_enter(s, p);
	if (s->nlists < 2 || s->lists[s->nlists - 1].parent != n)
		return; /* it never opened */
	list_close(s);
	l = &s->lists[s->nlists - 1];
	if (c->groups & UPL_RULES_CROSSCHECK)
		check_counts(c, n);
	if (n->kind == UPL_NODE_MONTH && l->parent && l->parent->kind == UPL_NODE_SCHEDULE)
		check_month_of(s, l, n);
	if (!(c->groups & UPL_RULES_NUMBERING))
		return;
	if ((k = numbered_index(n->kind)) >= 0) {
		check_number(c, &s->st, l, n, (size_t)k);
		check_style(c, l, n, (size_t)k);
	}
	check_heading_order(c, l, n);
}

void
upl__rules_stream_plan(upl__rules_stream *s, const upl_plan *p)
{
	rule_ctx *c = &s->c;
	upl_pos none = { 0, 0 };
	if (c->oom)
		return;
	stream_enter(s, p);
	while (s->nlists)
		list_close(s);
	set_key(c, KEY_META, none, 0);
	if (c->groups & UPL_RULES_META)
		rules_meta(c);
	set_key(c, KEY_YEAR, none, 0);
	if ((c->groups & UPL_RULES_HOLIDAYS) && s->schedules && !c->has_period && !c->schoolyear &&
	    !c->plan_year && !s->any_year)
		emit(c, UPL_CODE_YEAR_UNKNOWN, 0, p->period_pos.line ? p->period_pos : p->pos,
		     p->period_text ? p->period_text : upl__msg_word(UPL__WORD_NO_PERIOD, c->zh));
	s->plan = NULL;
	c->key.plan++;
}

int
upl__rules_stream_end(upl__rules_stream *s, upl_report *report, int keep)
{
	size_t i;
	int rc;
	if (s == NULL)
		return 0;
	rc = s->c.oom || s->scratch.oom ? UPL_ENOMEM : 0;
	if (keep && rc == 0) {
		if (s->n > 1)
			qsort(s->v, s->n, sizeof *s->v, pending_cmp);
		for (i = 0; i < s->n && rc == 0; i++)
			rc = upl__report_add(report, s->v[i].severity, s->v[i].rule, s->c.file,
					     s->v[i].key.pos.line, s->v[i].key.pos.column, "%s",
					     s->v[i].message);
		if (rc == 0 && s->left_out) {
			/* the report's own cap left out the first of these already */
			report->lim.left_out += s->left_out;
			report->lim.errors += s->errors;
			if (s->worst > report->lim.worst)
				report->lim.worst = s->worst;
		}
	}
	while (s->nlists)
		list_close(s);
	upl__dealloc(s->lists);
	for (i = 0; i < s->n; i++)
		upl__dealloc(s->v[i].message);
	upl__dealloc(s->v);
	upl_report_clear(&s->scratch);
	upl__dealloc(s->scratch.items);
	upl__dealloc(s->scratch.files);
	upl__dealloc(s);
	return rc;
}

/* The whole-document path: the same walk over the model. */
static void
walk_nodes(upl__rules_stream *s, const upl_plan *p, upl_node *const *items, size_t n)
{
	size_t i;
	for (i = 0; i < n && !s->c.oom; i++) {
		upl__rules_stream_open(s, p, items[i]);
		walk_nodes(s, p, items[i]->children, items[i]->nchildren);
		upl__rules_stream_close(s, p, items[i]);
	}
}

int
upl__rules_run(upl_report *report, const upl_doc *doc, const char *name,
	       const upl_validate_options *opts)
{
	upl__rules_stream *s;
	size_t i;
	if (upl__rules_stream_new(&s, name, opts, report->lim.max) != 0)
		return UPL_ENOMEM;
	for (i = 0; i < doc->nplans && !s->c.oom; i++) {
		walk_nodes(s, doc->plans[i], doc->plans[i]->blocks, doc->plans[i]->nblocks);
		upl__rules_stream_plan(s, doc->plans[i]);
	}
	return upl__rules_stream_end(s, report, 1);
}

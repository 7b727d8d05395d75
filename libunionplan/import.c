/* The importer: plain text → plan model.
 *
 * Stages:
 *  1. decode to UTF-8 (text module), optionally to simplified characters;
 *  2. lines with source positions, web noise removed (import-lines.c);
 *  3. run-on text cut into lines where a label, a byline, a labelled
 *     opening or the front matter of a plan begins mid-line;
 *  4. every line recognised on its own (label, month heading, title,
 *     byline, 发文字号, heading, note, appendix …: import-head.c);
 *  5. the lines split into plans (篇N, a repeated title, top-level
 *     numbering that starts again at 一、);
 *  6. each plan built: front matter into meta, body into a tree whose
 *     nesting follows the order in which label styles appear, schedules
 *     with months, activities, dates and holidays. */
#include "config.h"

#include <unionplan/calendar.h>
#include <unionplan/import.h>
#include <unionplan/text.h>

#include "import-private.h"
#include "messages-private.h"
#include "validate-private.h"

/* What a line is, found from its own text. */
enum {
	F_TITLE = 1u << 0,
	F_PIECE = 1u << 1,       /* a title with 篇N */
	F_COMPILATION = 1u << 2, /* a title naming a compilation (…汇编) */
	F_ORG = 1u << 3,
	F_BYLINE = 1u << 4,
	F_DOCNUM = 1u << 5,
	F_DATE = 1u << 6,
	F_OPENING = 1u << 7,     /* 指导思想：text */
	F_HEADING = 1u << 8,     /* 重点工作： */
	F_APPENDIX = 1u << 9,
	F_SCHED_TITLE = 1u << 10,
	F_NOTE = 1u << 11,
	F_TABLE_HEAD = 1u << 12,
	F_MONTH = 1u << 13,      /* a month heading, maybe with activities after a colon */
	F_MONTH_LOOSE = 1u << 14,/* a month phrase followed directly by text (12月举行…) */
	F_LABEL = 1u << 15
};

#define F_META (F_TITLE | F_ORG | F_BYLINE | F_DOCNUM | F_DATE)

typedef struct imp_info {
	unsigned int flags;
	upl_text_label lab;
	upl_text_month mon;
	size_t open_len;     /* F_OPENING, F_APPENDIX, F_NOTE: the label with its colon */
	int piece;           /* F_PIECE */
	upl_date date;       /* F_DATE */
	size_t name_off, name_len, name_rest; /* F_BYLINE */
} imp_info;

typedef struct imp_ctx {
	imp_lines ls;
	imp_info *info;
	upl_report *report;
	const char *file;
	int zh;
	int oom;
	const char *lang;       /* zh-Hans / zh-Hant */
	const char *encoding;   /* what the input was decoded from */
	unsigned int flags;
	upl_doc *doc;
	char *collection_title; /* a compilation's own title, kept in the first plan */
	upl_pos collection_pos;
} imp_ctx;

static void
note(imp_ctx *c, const char *code, int variant, upl_pos p, const char *arg)
{
	if (upl__msg_emit(c->report, c->zh, code, variant, c->file, p.line, p.column, arg) != 0)
		c->oom = 1;
}

/* ------------------------------------------------------------------------ */
/* Stage 4: what each line is                                               */

static int
is_sep(unsigned int cp)
{
	return cp == 0xFF1A /* ： */ || cp == ':' || upl__is_space(cp);
}

/* 九月份工作安排： — words after a month that only say it heads a month:
 * the bytes they take (with a colon and spaces), or 0. */
static size_t
month_words(const char *s, size_t len)
{
	static const char *const words[] = {
		"主要工作安排", "工作安排", "活动安排", "活動安排", "工作要点", "工作要點", "主要工作",
		"工作", "活动", "活動", "安排", "行事历", "行事曆", NULL
	};
	const char *const *w;
	for (w = words; *w; w++) {
		size_t i;
		if (!upl__imp_starts(s, len, *w))
			continue;
		i = upl__imp_colon(s, len, strlen(*w));
		if (i > 0)
			return upl__imp_skip_space(s, len, i);
		i = upl__imp_skip_space(s, len, strlen(*w));
		return i == len ? i : 0;
	}
	return 0;
}

static void
classify(const imp_line *l, imp_info *in)
{
	const char *s = l->text;
	size_t len = l->len, k, n;
	int piece, comp;
	memset(in, 0, sizeof *in);
	if (upl_text_month_parse(&in->mon, s, len) == 0) {
		if (in->mon.len >= len || is_sep(upl__utf8_next(s + in->mon.len, len - in->mon.len, &k))) {
			in->flags |= F_MONTH;
		} else if ((n = month_words(s + in->mon.len, len - in->mon.len)) > 0) {
			in->flags |= F_MONTH;
			in->mon.text_offset = in->mon.len + n; /* the words stay in the label */
		} else {
			in->flags |= F_MONTH_LOOSE;
		}
		/* 二〇一五年二月 alone is a date (a plan's closing line) as much as
		 * a month heading: the builder decides from what follows */
		if (in->mon.year > 0 && in->mon.len == len && !upl__imp_ends(s, len, "份") &&
		    upl__imp_date_line(s, len, &in->date))
			in->flags |= F_DATE;
	}
	if (!(in->flags & F_MONTH) && upl_text_label_parse(&in->lab, s, len) == 0) {
		in->flags |= F_LABEL;
		return;
	}
	if (in->flags & F_MONTH)
		return;
	if (upl__imp_title(s, len, &piece, &comp)) {
		in->flags |= F_TITLE | (piece ? F_PIECE : 0u) | (comp ? F_COMPILATION : 0u);
		in->piece = piece;
		return;
	}
	if (upl__imp_byline(s, len, &in->name_off, &in->name_len, &in->name_rest)) {
		in->flags |= F_BYLINE;
		return;
	}
	if (upl__imp_docnumber(s, len, &n) && upl__imp_skip_space(s, len, n) == len) {
		in->flags |= F_DOCNUM;
		return;
	}
	if (upl__imp_date_line(s, len, &in->date)) {
		in->flags |= F_DATE;
		return;
	}
	if ((n = upl__imp_appendix(s, len)) > 0) {
		in->flags |= F_APPENDIX;
		in->open_len = n;
		return;
	}
	if ((n = upl__imp_note(s, len)) > 0) {
		in->flags |= F_NOTE;
		in->open_len = n;
		return;
	}
	if (upl__imp_schedule_title(s, len)) {
		in->flags |= F_SCHED_TITLE;
		return;
	}
	if (upl__imp_table_head(s, len)) {
		in->flags |= F_TABLE_HEAD;
		return;
	}
	if ((n = upl__imp_opening(s, len)) > 0) {
		in->open_len = n;
		in->flags |= upl__imp_skip_space(s, len, n) < len ? F_OPENING : F_HEADING;
		return;
	}
	if (upl__imp_heading(s, len)) {
		in->flags |= F_HEADING;
		return;
	}
	if (upl__imp_org(s, len))
		in->flags |= F_ORG;
}

/* ------------------------------------------------------------------------ */
/* Stage 5: plans                                                           */

typedef struct imp_split {
	size_t start;  /* first line of the plan */
	int reason;    /* variant of import-plan-split: 0 title, 1 篇N, 2 numbering restarts */
} imp_split;

static int
is_digit_style(int style)
{
	return style != UPL_LABEL_HAN_COMMA && style != UPL_LABEL_HAN_PAREN;
}

/* Where a plan whose numbering starts again at line b begins, looking at
 * the unnumbered lines a..b-1 after the previous plan's last label. */
static size_t
pick_boundary(const imp_ctx *c, size_t a, size_t b)
{
	size_t j;
	if (a >= b)
		return b;
	for (j = a; j < b; j++)
		if (c->info[j].flags & (F_META | F_OPENING))
			return j;
	/* a line indented differently from both neighbours' numbering */
	for (j = a; j < b; j++)
		if (strcmp(c->ls.v[j].indent, c->ls.v[b].indent) != 0 &&
		    (a == 0 || strcmp(c->ls.v[j].indent, c->ls.v[a - 1].indent) != 0))
			return j;
	return a;
}

static int
segment(imp_ctx *c, imp_split **out, size_t *nout)
{
	imp_split *v = NULL;
	size_t n = 0, cap = 0, i, last_label = 0;
	int top_style = 0, body = 0, sched = 0, appendix = 0, have_label = 0;
	long top_max = 0;
	if (upl__grow((void **)&v, &cap, 1, sizeof *v) != 0)
		return UPL_ENOMEM;
	v[n].start = 0;
	v[n++].reason = 0;
	for (i = 0; i < c->ls.n; i++) {
		const imp_info *in = &c->info[i];
		size_t at = (size_t)-1;
		int reason = 0;
		if ((in->flags & F_TITLE) && !(in->flags & F_COMPILATION)) {
			if ((in->flags & F_PIECE) || body) {
				at = i;
				reason = (in->flags & F_PIECE) ? 1 : 0;
			}
		} else if (!body && (in->flags & F_META)) {
			continue;
		} else {
			body = 1;
			if (in->flags & F_APPENDIX)
				appendix = 1;
			if (in->flags & F_MONTH)
				sched = 1;
			if (in->flags & F_LABEL) {
				int st = in->lab.style;
				if (!top_style && !sched && !appendix)
					top_style = st;
				if (st == top_style && !appendix && !(sched && is_digit_style(st))) {
					if (in->lab.number == 1 && top_max >= 2) {
						at = pick_boundary(c, have_label ? last_label + 1 : 0, i);
						reason = 2;
					} else if (in->lab.number > top_max) {
						top_max = in->lab.number;
						sched = 0;
					}
				}
				last_label = i;
				have_label = 1;
			}
		}
		if (at == (size_t)-1)
			continue;
		if (at > v[n - 1].start) {
			if (upl__grow((void **)&v, &cap, n + 1, sizeof *v) != 0) {
				upl__dealloc(v);
				return UPL_ENOMEM;
			}
			v[n].start = at;
			v[n++].reason = reason;
		}
		/* the new plan so far: lines at..i */
		body = reason == 2 || at < i;
		sched = appendix = 0;
		top_style = reason == 2 ? c->info[i].lab.style : 0;
		top_max = reason == 2 ? 1 : 0;
		last_label = i;
		have_label = reason == 2;
	}
	*out = v;
	*nout = n;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Stage 6: building a plan                                                 */

enum { FR_BODY, FR_SECTION, FR_ITEM, FR_GROUP /* an unnumbered part or an appendix */ };

typedef struct frame {
	upl_node *node;  /* NULL for the plan body */
	int kind;
	int style;       /* label style, 0 for groups */
	int level;       /* GB/T level, 0 for groups */
} frame;

#define MAX_DEPTH 24

typedef struct builder {
	imp_ctx *c;
	upl_plan *plan;
	frame st[MAX_DEPTH];
	int depth;
	upl_node *sched;       /* the open schedule, or NULL */
	int sched_depth;       /* frames st[0..sched_depth) hold it */
	upl_node *month;       /* the open month */
	int table;             /* the schedule is a table of months */
	char *sched_heading;   /* a title waiting for its schedule */
	int notes;             /* inside a list of notes */
	int notes_style;
	long notes_last;
	int prev_month, prev_year;
	imp_period period;
	upl_date pstart, pend;
	int year_unknown;      /* the plan writes its year as xx */
	int said_unknown;
} builder;

static upl_node *
mk(builder *b, upl_kind kind, const imp_line *l, size_t off)
{
	upl_node *n = NULL;
	if (upl_node_new(&n, kind) != 0) {
		b->c->oom = 1;
		return NULL;
	}
	n->pos = upl__imp_pos(l, off);
	return n;
}

static void
set_text(builder *b, upl_node *n, const char *s, size_t len)
{
	char *t;
	if (n == NULL)
		return;
	t = upl__strndup(s, len);
	if (t == NULL) {
		b->c->oom = 1;
		return;
	}
	upl__dealloc(n->text);
	n->text = t;
}

static void
set_field(builder *b, char **dst, const char *s, size_t len)
{
	char *t = upl__strndup(s, len);
	if (t == NULL) {
		b->c->oom = 1;
		return;
	}
	upl__dealloc(*dst);
	*dst = t;
}

/* Add n under frame f (the plan body when f->node is NULL). */
static int
add_to(builder *b, const frame *f, upl_node *n)
{
	int rc;
	if (n == NULL)
		return -1;
	rc = f->node ? upl_node_child_add(f->node, n) : upl_plan_block_add(b->plan, n);
	if (rc != 0) {
		upl_node_free(n);
		if (rc == UPL_ENOMEM)
			b->c->oom = 1;
		return -1;
	}
	return 0;
}

/* The deepest frame that may hold a schedule or a note (a section or the body). */
static int
container(const builder *b)
{
	int d = b->depth - 1;
	while (d > 0 && b->st[d].kind == FR_ITEM)
		d--;
	return d;
}

static void
push(builder *b, upl_node *n, int kind, int style, int level)
{
	if (b->depth >= MAX_DEPTH) /* deeper nesting stays at the deepest level */
		b->depth = MAX_DEPTH - 1;
	b->st[b->depth].node = n;
	b->st[b->depth].kind = kind;
	b->st[b->depth].style = style;
	b->st[b->depth].level = level;
	b->depth++;
}

static void
end_schedule(builder *b)
{
	b->sched = NULL;
	b->month = NULL;
	b->table = 0;
}

/* Text without layout spaces at either end. */
static void
trim(const char **s, size_t *len)
{
	size_t a = upl__imp_skip_space(*s, *len, 0);
	size_t e = a < *len ? upl__imp_space_before(*s, *len) : a;
	*s += a;
	*len = e - a;
}

static int
opens_bracket(unsigned int cp)
{
	return cp == 0x201C || cp == 0x300A || cp == 0xFF08 || cp == '(' || cp == 0x3010 ||
	       cp == 0x300C || cp == 0x2018;
}

static int
closes_bracket(unsigned int cp)
{
	return cp == 0x201D || cp == 0x300B || cp == 0xFF09 || cp == ')' || cp == 0x3011 ||
	       cp == 0x300D || cp == 0x2019;
}

/* The offset just after the next 。 from `from` (or ；/; too, when
 * semicolons is set) outside brackets and quotes, or len. */
static size_t
next_stop(const char *s, size_t len, size_t from, int semicolons)
{
	size_t i = from, k;
	int nest = 0;
	while (i < len) {
		unsigned int cp = upl__utf8_next(s + i, len - i, &k);
		i += k;
		if (opens_bracket(cp))
			nest++;
		else if (closes_bracket(cp) && nest > 0)
			nest--;
		else if (nest == 0 && (cp == 0x3002 || (semicolons && (cp == 0xFF1B || cp == ';'))))
			return i;
	}
	return len;
}

/* The end of the first sentence of s (after its 。), or len. */
static size_t
first_sentence(const char *s, size_t len)
{
	return next_stop(s, len, 0, 0);
}

/* The end of a heading closed by a colon within the first max characters
 * of s (加强民主管理：进一步…), text following it; len when there is none. */
static size_t
heading_colon(const char *s, size_t len, size_t max)
{
	size_t i = 0, k, cps = 0;
	while (i < len && cps <= max) {
		unsigned int cp = upl__utf8_next(s + i, len - i, &k);
		i += k;
		cps++;
		if (cp == 0xFF1A || cp == ':')
			return upl__imp_skip_space(s, len, i) < len && cps > 1 ? i : len;
		if (cp == 0x3002 || cp == 0xFF0C || cp == 0xFF1B || opens_bracket(cp))
			return len;
	}
	return len;
}

/* --- years of months and dates --------------------------------------- */

static int
month_year(const builder *b, int month, int explicit_year)
{
	if (explicit_year > 0)
		return explicit_year;
	if (b->year_unknown)
		return 0;
	if (b->pstart.year > 0) {
		long first = (long)b->pstart.year * 12 + b->pstart.month - 1;
		long last = (long)b->pend.year * 12 + b->pend.month - 1;
		int y;
		for (y = b->pstart.year; y <= b->pend.year; y++) {
			long m = (long)y * 12 + month - 1;
			if (m >= first - 1 && m <= last + 1)
				return y;
		}
		return month >= b->pstart.month ? b->pstart.year : b->pstart.year + 1;
	}
	if (b->prev_year > 0)
		return month < b->prev_month ? b->prev_year + 1 : b->prev_year;
	return 0;
}

static const char *const fixed_holidays[] = {
	"new-year", "womens-day", "arbor-day", "labour-day", "youth-day", "childrens-day",
	"party-day", "army-day", "teachers-day", "national-day", NULL
};

static int
is_fixed_holiday(const char *key)
{
	const char *const *k;
	for (k = fixed_holidays; *k; k++)
		if (strcmp(*k, key) == 0)
			return 1;
	return 0;
}

/* How the activity relates to the holiday named at [hs, he) of its text. */
static upl_relation
relation_words(const char *s, size_t len, size_t he)
{
	static const char *const skip[] = { "节", "節", "日", NULL };
	static const struct { const char *w; upl_relation r; } words[] = {
		{ "前后", UPL_RELATION_DURING }, { "前後", UPL_RELATION_DURING },
		{ "期间", UPL_RELATION_DURING }, { "期間", UPL_RELATION_DURING },
		{ "假期", UPL_RELATION_DURING }, { "长假", UPL_RELATION_DURING },
		{ "長假", UPL_RELATION_DURING }, { "放假", UPL_RELATION_DURING },
		{ "前夕", UPL_RELATION_BEFORE }, { "前", UPL_RELATION_BEFORE },
		{ "后", UPL_RELATION_AFTER }, { "後", UPL_RELATION_AFTER },
	};
	size_t i = he, w;
	const char *const *k;
	for (k = skip; *k; k++)
		if (upl__imp_starts(s + i, len - i, *k)) {
			i += strlen(*k);
			break;
		}
	/* a closing quote: “三八”节前 */
	if (upl__imp_starts(s + i, len - i, "”"))
		i += strlen("”");
	for (k = skip; *k; k++)
		if (upl__imp_starts(s + i, len - i, *k)) {
			i += strlen(*k);
			break;
		}
	for (w = 0; w < sizeof words / sizeof words[0]; w++)
		if (upl__imp_starts(s + i, len - i, words[w].w))
			return words[w].r;
	return UPL_RELATION_NONE;
}

/* The relation an activity has to a holiday it names without saying
 * before or after: from its date, else from its month span, in the year y
 * of the month (a fixed-date holiday needs no year). */
static upl_relation
relation_by_date(const upl_node *act, const char *key, int m, int to, int y)
{
	upl_date first, last, hd;
	long lo, hi, h;
	int fixed = is_fixed_holiday(key);
	if (act->date.month) {
		first = last = act->date;
		if (first.year == 0) {
			if (!fixed)
				return UPL_RELATION_NONE;
			first.year = last.year = 2001;
		}
	} else {
		int yy = y ? y : (fixed ? 2001 : 0);
		if (yy == 0)
			return UPL_RELATION_NONE;
		first.year = yy;
		first.month = m;
		first.day = 1;
		last.year = to < m ? yy + 1 : yy;
		last.month = to;
		last.day = upl_date_days_in_month(last.year, to);
	}
	if (upl_date_to_days(&lo, first) != 0 || upl_date_to_days(&hi, last) != 0 ||
	    upl__holiday_nearest(&hd, key, first, last) != 0 || upl_date_to_days(&h, hd) != 0)
		return UPL_RELATION_NONE;
	if (fixed && first.year == 2001 && act->date.month == 0 && y == 0)
		return h >= lo && h <= hi ? UPL_RELATION_ON : UPL_RELATION_NONE;
	return h >= lo && h <= hi ? UPL_RELATION_ON : h > hi ? UPL_RELATION_BEFORE : UPL_RELATION_AFTER;
}

static void
activity_meta(builder *b, upl_node *act, const upl_node *month)
{
	const char *s = act->text;
	size_t len = strlen(s);
	int m = month->month, to = month->month_to ? month->month_to : month->month;
	int y = month->year;
	upl_text_date td;
	upl_holiday_match hm;
	int named = upl_holiday_find(&hm, s, len, 0) == 0;
	/* a date that is the holiday's own name (五.一, 三.八) is no date of the activity */
	if (upl_text_date_find(&td, s, len, 0) == 0 &&
	    !(named && td.start < hm.start + hm.len && hm.start < td.start + td.len)) {
		upl_date d;
		d.year = td.year;
		d.month = td.month;
		d.day = td.day;
		if (d.year == 0) {
			int inside = to >= m ? (td.month >= m && td.month <= to) :
					       (td.month >= m || td.month <= to);
			if (y > 0 && inside)
				d.year = (to < m && td.month <= to) ? y + 1 : y;
			else if (y > 0 || b->pstart.year > 0)
				d.year = month_year(b, td.month, 0);
		}
		if (d.year ? upl_date_is_valid(d) : upl_date_is_valid_monthday(d))
			act->date = d;
	}
	if (named && upl__holiday_key(hm.key) != NULL) {
		upl_relation r = relation_words(s, len, hm.start + hm.len);
		act->holiday = upl__holiday_key(hm.key);
		if (r == UPL_RELATION_NONE)
			r = relation_by_date(act, hm.key, m, to, y);
		act->relation = r;
	}
}

/* --- nodes ------------------------------------------------------------ */

static void
add_paragraph(builder *b, const imp_line *l, size_t off, const char *label, size_t label_len)
{
	upl_node *p = mk(b, UPL_NODE_PARAGRAPH, l, off);
	const char *s = l->text + off;
	size_t len = l->len - off;
	if (p == NULL)
		return;
	if (label)
		set_field(b, &p->label, label, label_len);
	trim(&s, &len);
	set_text(b, p, s, len);
	add_to(b, &b->st[b->depth - 1], p);
}

static upl_node *
new_month(builder *b, const imp_line *l, const upl_text_month *mon)
{
	upl_node *m;
	const char *lab = l->text;
	size_t lab_len = mon->text_offset;
	int year, d;
	trim(&lab, &lab_len);
	if (b->sched == NULL) {
		d = container(b);
		b->sched = mk(b, UPL_NODE_SCHEDULE, l, 0);
		if (b->sched == NULL)
			return NULL;
		if (b->sched_heading) {
			b->sched->heading = b->sched_heading;
			b->sched_heading = NULL;
		}
		if (add_to(b, &b->st[d], b->sched) != 0) {
			b->sched = NULL;
			return NULL;
		}
		b->sched_depth = d + 1;
	}
	if (mon->year_unknown && !b->said_unknown) {
		note(b->c, "import-year-unknown", 0, upl__imp_pos(l, 0), "");
		b->said_unknown = 1;
	}
	year = mon->year_unknown ? 0 : month_year(b, mon->month, mon->year);
	if (b->table && b->month && b->month->month == mon->month &&
	    b->month->month_to == mon->to && b->month->year == year)
		return b->month; /* another row of the same month */
	m = mk(b, UPL_NODE_MONTH, l, 0);
	if (m == NULL)
		return NULL;
	m->month = mon->month;
	m->month_to = mon->to;
	m->year = year;
	set_field(b, &m->label, lab, lab_len);
	if (upl_node_child_add(b->sched, m) != 0) {
		upl_node_free(m);
		b->c->oom = 1;
		return NULL;
	}
	b->month = m;
	b->prev_month = mon->to ? mon->to : mon->month;
	if (year > 0)
		b->prev_year = mon->to && mon->to < mon->month ? year + 1 : year;
	return m;
}

static void
add_activity(builder *b, const imp_line *l, size_t off, size_t end, const upl_text_label *lab)
{
	upl_node *a;
	const char *s = l->text + off;
	size_t len = end - off;
	if (b->month == NULL)
		return;
	a = mk(b, UPL_NODE_ACTIVITY, l, off);
	if (a == NULL)
		return;
	if (lab) {
		const char *ls = s;
		size_t ll = lab->label_len;
		trim(&ls, &ll);
		set_field(b, &a->label, ls, ll);
		a->number = (int)lab->number;
		s += lab->text_offset;
		len -= lab->text_offset;
	}
	trim(&s, &len);
	set_text(b, a, s, len);
	if (a->text == NULL) {
		upl_node_free(a);
		return;
	}
	activity_meta(b, a, b->month);
	if (upl_node_child_add(b->month, a) != 0) {
		upl_node_free(a);
		b->c->oom = 1;
	}
}

/* The rest of a month line: activities separated by ；or 。 outside
 * brackets and quotes, each keeping its punctuation. */
static void
add_activities(builder *b, const imp_line *l, size_t off)
{
	const char *s = l->text;
	size_t len = l->len, start = off;
	if (b->table) {
		/* a row of a month table: its month cell labels the activity, so
		 * that rows joined under one month keep what they said */
		upl_node *m = b->month;
		size_t before = m ? m->nchildren : 0;
		add_activity(b, l, off, len, NULL);
		if (m && m->nchildren > before) {
			const char *ls = l->text;
			size_t ll = off;
			trim(&ls, &ll);
			set_field(b, &m->children[m->nchildren - 1]->label, ls, ll);
		}
		return;
	}
	while (start < len) {
		size_t end = next_stop(s, len, start, 1);
		start = upl__imp_skip_space(s, end, start);
		if (start < end)
			add_activity(b, l, start, end, NULL);
		start = end;
	}
}

static void
add_note(builder *b, const imp_line *l, size_t open_len)
{
	upl_text_label lab;
	size_t rest = upl__imp_skip_space(l->text, l->len, open_len);
	frame *f = &b->st[container(b)];
	upl_node *n;
	end_schedule(b);
	n = mk(b, UPL_NODE_NOTE, l, 0);
	if (n == NULL)
		return;
	b->notes = 0;
	if (rest < l->len && upl_text_label_parse(&lab, l->text + rest, l->len - rest) == 0) {
		const char *s = l->text + rest + lab.text_offset;
		size_t len = l->len - rest - lab.text_offset, ll = rest + lab.label_len;
		const char *ls = l->text;
		trim(&ls, &ll);
		set_field(b, &n->label, ls, ll);
		n->number = (int)lab.number;
		trim(&s, &len);
		set_text(b, n, s, len);
		b->notes = 1;
		b->notes_style = lab.style;
		b->notes_last = lab.number;
	} else {
		const char *s = l->text + rest, *ls = l->text;
		size_t len = l->len - rest, ll = open_len;
		trim(&ls, &ll);
		set_field(b, &n->label, ls, ll);
		set_text(b, n, s, len);
		b->notes = 1;
		b->notes_style = 0;
		b->notes_last = 0;
	}
	add_to(b, f, n);
}

static void
add_numbered_note(builder *b, const imp_line *l, const upl_text_label *lab)
{
	upl_node *n = mk(b, UPL_NODE_NOTE, l, 0);
	const char *s = l->text + lab->text_offset, *ls = l->text;
	size_t len = l->len - lab->text_offset, ll = lab->label_len;
	if (n == NULL)
		return;
	trim(&ls, &ll);
	set_field(b, &n->label, ls, ll);
	n->number = (int)lab->number;
	trim(&s, &len);
	set_text(b, n, s, len);
	b->notes_style = lab->style;
	b->notes_last = lab->number;
	add_to(b, &b->st[container(b)], n);
}

/* Pop the frames a label of this style and level closes. */
static void
place_label(builder *b, int style, int level)
{
	int j;
	for (j = b->depth - 1; j >= 1 && b->st[j].kind != FR_GROUP; j--)
		if (b->st[j].style == style || b->st[j].level == level) {
			b->depth = j;
			return;
		}
	while (b->depth > 1 && b->st[b->depth - 1].kind != FR_GROUP &&
	       b->st[b->depth - 1].level > level)
		b->depth--;
}

static void
add_labelled(builder *b, const imp_line *l, const upl_text_label *lab)
{
	const char *s = l->text + lab->text_offset, *ls = l->text;
	size_t len = l->len - lab->text_offset, ll = lab->label_len;
	const frame *parent;
	int section;
	upl_node *n;
	place_label(b, lab->style, lab->level);
	if (b->sched && b->depth < b->sched_depth)
		end_schedule(b);
	parent = &b->st[b->depth - 1];
	section = parent->kind == FR_BODY ||
		  (parent->kind != FR_ITEM && !is_digit_style(lab->style));
	n = mk(b, section ? UPL_NODE_SECTION : UPL_NODE_ITEM, l, 0);
	if (n == NULL)
		return;
	trim(&ls, &ll);
	set_field(b, &n->label, ls, ll);
	n->number = (int)lab->number;
	trim(&s, &len);
	if (section) {
		size_t h = len;
		n->level = lab->level;
		/* 指导思想：text, or a long line: the heading is what comes before the
		 * colon, or the first sentence; the rest is a paragraph */
		if ((h = heading_colon(s, len, 12)) < len ||
		    (upl__utf8_count(s, len) > 50 && (h = first_sentence(s, len)) < len)) {
			upl_node *p = mk(b, UPL_NODE_PARAGRAPH, l, (size_t)(s + h - l->text));
			const char *r = s + h;
			size_t rl = len - h;
			trim(&r, &rl);
			set_text(b, p, r, rl);
			if (p && upl_node_child_add(n, p) != 0) {
				upl_node_free(p);
				b->c->oom = 1;
			}
		}
		{
			const char *hs = s;
			size_t hl = h;
			trim(&hs, &hl);
			if (hl > 0)
				set_field(b, &n->heading, hs, hl);
			n->heading_pos = upl__imp_pos(l, (size_t)(hs - l->text));
			n->role = upl__imp_role(hs, hl);
		}
	} else {
		size_t h = heading_colon(s, len, 15);
		/* an item whose short first sentence (or words before a colon) is its heading */
		if (h == len)
			h = first_sentence(s, len);
		if (h < len && upl__utf8_count(s, h) <= 30) {
			const char *r = s + h;
			size_t rl = len - h;
			set_field(b, &n->heading, s, h);
			n->heading_pos = upl__imp_pos(l, (size_t)(s - l->text));
			trim(&r, &rl);
			set_text(b, n, r, rl);
		} else {
			set_text(b, n, s, len);
		}
	}
	if (add_to(b, parent, n) != 0)
		return;
	push(b, n, section ? FR_SECTION : FR_ITEM, lab->style, lab->level);
}

static int
numbered_open(const builder *b)
{
	int j;
	for (j = 1; j < b->depth; j++)
		if (b->st[j].kind != FR_GROUP)
			return 1;
	return 0;
}

static void
add_group(builder *b, const imp_line *l, size_t label_len, int appendix, int months_follow)
{
	upl_node *n;
	const char *h = l->text + label_len;
	size_t hl = l->len - label_len;
	end_schedule(b);
	b->depth = 1;
	n = mk(b, UPL_NODE_SECTION, l, 0);
	if (n == NULL)
		return;
	trim(&h, &hl);
	if (appendix) {
		const char *ls = l->text;
		size_t ll = label_len;
		trim(&ls, &ll);
		set_field(b, &n->label, ls, ll);
		n->role = UPL_ROLE_APPENDIX;
		if (hl > 0 && months_follow && upl__imp_schedule_title(h, hl)) {
			set_field(b, &b->sched_heading, h, hl);
			hl = 0;
		}
	} else {
		n->role = upl__imp_role(h, hl);
	}
	if (hl > 0) {
		set_field(b, &n->heading, h, hl);
		n->heading_pos = upl__imp_pos(l, (size_t)(h - l->text));
	}
	if (add_to(b, &b->st[0], n) != 0)
		return;
	push(b, n, FR_GROUP, 0, 0);
}

static void
body_line(builder *b, size_t i)
{
	imp_ctx *c = b->c;
	const imp_line *l = &c->ls.v[i];
	const imp_info *in = &c->info[i];
	unsigned int f = in->flags;

	/* a list of notes goes on while its numbering does */
	if (b->notes) {
		if ((f & F_LABEL) && (int)in->lab.style == b->notes_style &&
		    in->lab.number == b->notes_last + 1) {
			add_numbered_note(b, l, &in->lab);
			return;
		}
		if (b->notes_style == 0 && (f & F_LABEL) && in->lab.number == 1) {
			add_numbered_note(b, l, &in->lab);
			return;
		}
		b->notes = 0;
	}
	if (f & F_NOTE) {
		add_note(b, l, in->open_len);
		return;
	}
	if (f & F_APPENDIX) {
		add_group(b, l, in->open_len, 1,
			  i + 1 < c->ls.n &&
				  (c->info[i + 1].flags & (F_MONTH | F_TABLE_HEAD | F_MONTH_LOOSE)));
		return;
	}
	if ((f & (F_SCHED_TITLE | F_TABLE_HEAD)) && i + 1 < c->ls.n &&
	    (c->info[i + 1].flags & (F_MONTH | F_TABLE_HEAD | F_MONTH_LOOSE))) {
		end_schedule(b);
		if (b->sched_heading && (f & F_TABLE_HEAD)) {
			/* title, then the table's header row: both head the schedule */
			upl_buf t = UPL_BUF_INIT;
			upl__buf_puts(&t, b->sched_heading);
			upl__buf_putc(&t, '\n');
			upl__buf_put(&t, l->text, l->len);
			upl__dealloc(b->sched_heading);
			b->sched_heading = upl__buf_detach(&t, NULL);
			if (b->sched_heading == NULL)
				c->oom = 1;
		} else {
			set_field(b, &b->sched_heading, l->text, l->len);
		}
		b->table = (f & F_TABLE_HEAD) != 0;
		return;
	}
	if ((f & F_MONTH) || ((f & F_MONTH_LOOSE) && b->sched && b->table)) {
		if (new_month(b, l, &in->mon) == NULL)
			return;
		if (in->mon.text_offset < l->len)
			add_activities(b, l, in->mon.text_offset);
		return;
	}
	if (b->sched && b->month) {
		int ends = (f & (F_HEADING | F_OPENING | F_TITLE)) != 0;
		if (f & F_LABEL) {
			int j;
			for (j = 1; j < b->sched_depth; j++)
				if (b->st[j].style == (int)in->lab.style && b->st[j].kind != FR_GROUP)
					ends = 1;
		}
		if (!ends) {
			add_activity(b, l, 0, l->len, (f & F_LABEL) ? &in->lab : NULL);
			return;
		}
		end_schedule(b);
	}
	if (f & F_LABEL) {
		add_labelled(b, l, &in->lab);
		return;
	}
	if (f & F_OPENING) {
		add_paragraph(b, l, in->open_len, l->text, in->open_len);
		return;
	}
	if ((f & F_HEADING) && !numbered_open(b)) {
		add_group(b, l, 0, 0, 0);
		return;
	}
	add_paragraph(b, l, 0, NULL, 0);
}

/* --- front matter ----------------------------------------------------- */

static void
set_period(builder *b, const char *title, size_t len, upl_pos pos)
{
	imp_period *p = &b->period;
	upl_period per = UPL_PERIOD_INIT;
	char *text;
	if (!upl__imp_period(title, len, p))
		return;
	text = upl__strndup(title + p->off, p->len);
	if (text == NULL) {
		b->c->oom = 1;
		return;
	}
	per.kind = p->kind;
	per.text = text;
	if (p->year > 0) {
		int part = p->kind == UPL_PERIOD_TERM ? p->term :
			   p->kind == UPL_PERIOD_HALF_YEAR ? p->half : 0;
		if (upl_period_range(&b->pstart, &b->pend, (int)p->kind, p->year, part) == 0) {
			per.start = b->pstart;
			per.end = b->pend;
		}
		if (p->kind == UPL_PERIOD_TERM || p->kind == UPL_PERIOD_SCHOOL_YEAR)
			per.schoolyear = p->year;
	}
	per.term = p->term;
	if (upl_plan_set_period(b->plan, &per) != 0)
		b->c->oom = 1;
	b->plan->period_pos = pos;
	upl__dealloc(text);
	if (p->year_unknown) {
		b->year_unknown = 1;
		b->said_unknown = 1;
		note(b->c, "import-year-unknown", 0, pos, "");
	}
	/* the organisation written before the period: 常州市新北区教育工会2012年工作意见 */
	if (b->plan->organization == NULL && p->off > 0) {
		const char *o = title;
		size_t ol = p->off;
		trim(&o, &ol);
		if (upl__imp_org(o, ol))
			set_field(b, &b->plan->organization, o, ol);
	}
}

static void
set_byline(builder *b, const imp_line *l, const imp_info *in)
{
	char *name = upl__strndup(l->text + in->name_off, in->name_len);
	if (name == NULL || upl_plan_author_add(b->plan, name) != 0)
		b->c->oom = 1;
	upl__dealloc(name);
	if (in->name_rest < l->len && !b->plan->has_issued) {
		/* 作者：鄧麗敏 XX-02-26: the date as written */
		char *t = upl__strndup(l->text + in->name_rest, l->len - in->name_rest);
		upl_date none = UPL_DATE_INIT;
		if (t == NULL || upl_plan_set_issued(b->plan, t, none) != 0)
			b->c->oom = 1;
		upl__dealloc(t);
	}
}

/* Front matter and closing lines: returns 1 when the line went into meta. */
static int
meta_line(builder *b, size_t i, int front)
{
	imp_ctx *c = b->c;
	const imp_line *l = &c->ls.v[i];
	const imp_info *in = &c->info[i];
	upl_plan *p = b->plan;
	if ((in->flags & F_TITLE) && front) {
		if (in->flags & F_COMPILATION) {
			if (c->collection_title == NULL && c->doc->nplans == 0 && p->title == NULL) {
				c->collection_title = upl__strndup(l->text, l->len);
				c->collection_pos = upl__imp_pos(l, 0);
				if (c->collection_title == NULL)
					c->oom = 1;
				return 1;
			}
			return 0;
		}
		if (p->title != NULL)
			return 0;
		if (upl_plan_set_title(p, l->text) != 0)
			c->oom = 1;
		p->title_pos = upl__imp_pos(l, 0);
		set_period(b, l->text, l->len, p->title_pos);
		return 1;
	}
	if (in->flags & F_BYLINE) {
		set_byline(b, l, in);
		return 1;
	}
	if ((in->flags & F_DOCNUM) && p->docnumber == NULL) {
		if (upl_plan_set_docnumber(p, l->text) != 0)
			c->oom = 1;
		p->docnumber_pos = upl__imp_pos(l, 0);
		return 1;
	}
	if ((in->flags & F_ORG) && p->organization == NULL) {
		if (upl_plan_set_organization(p, l->text) != 0)
			c->oom = 1;
		return 1;
	}
	if ((in->flags & F_DATE) && !p->has_issued) {
		if (upl_plan_set_issued(p, l->text, in->date) != 0)
			c->oom = 1;
		p->issued_pos = upl__imp_pos(l, 0);
		return 1;
	}
	return 0;
}

static int
build_plan(imp_ctx *c, size_t from, size_t to, int reason, int first)
{
	builder b;
	size_t i, tail = to;
	int rc;
	memset(&b, 0, sizeof b);
	b.c = c;
	b.depth = 1;
	b.st[0].kind = FR_BODY;
	rc = upl_plan_new(&b.plan, c->lang);
	if (rc != 0)
		return rc;
	b.plan->pos = upl__imp_pos(&c->ls.v[from], 0);
	if (!(c->flags & UPL_IMPORT_NO_SOURCE) &&
	    upl_plan_set_source(b.plan, c->file, c->encoding) != 0)
		c->oom = 1;
	if (!first)
		note(c, "import-plan-split", reason, upl__imp_pos(&c->ls.v[from], 0), "");
	/* closing lines: organisation, date, byline after the body */
	while (tail > from + 1 && to - tail < 3 &&
	       (c->info[tail - 1].flags & (F_ORG | F_DATE | F_BYLINE)))
		tail--;
	for (i = from; i < tail && meta_line(&b, i, 1); i++)
		;
	if (c->collection_title && first && c->doc->nplans == 0) {
		/* a compilation's own title: the collection has no place for it,
		 * so it stays as the first plan's first paragraph */
		upl_node *p = NULL;
		if (upl_node_new(&p, UPL_NODE_PARAGRAPH) == 0) {
			p->pos = c->collection_pos;
			p->text = c->collection_title;
			c->collection_title = NULL;
			if (upl_plan_block_add(b.plan, p) != 0) {
				upl_node_free(p);
				c->oom = 1;
			}
			note(c, "import-kept", 0, c->collection_pos, "");
		} else {
			c->oom = 1;
		}
	}
	for (; i < tail && !c->oom; i++)
		body_line(&b, i);
	for (; i < to && !c->oom; i++) {
		if (meta_line(&b, i, 0))
			continue;
		/* a closing line that meta already holds (the organisation signing
		 * the plan): a paragraph of the plan itself, after the last part */
		end_schedule(&b);
		b.notes = 0;
		b.depth = 1;
		add_paragraph(&b, &c->ls.v[i], 0, NULL, 0);
	}
	if (b.sched_heading && !c->oom) {
		/* a schedule's title that no month followed: keep it as text */
		upl_node *p = NULL;
		if (upl_node_new(&p, UPL_NODE_PARAGRAPH) == 0) {
			p->text = b.sched_heading;
			b.sched_heading = NULL;
			if (upl_plan_block_add(b.plan, p) != 0) {
				upl_node_free(p);
				c->oom = 1;
			}
		} else {
			c->oom = 1;
		}
	}
	upl__dealloc(b.sched_heading);
	if (c->oom) {
		upl_plan_free(b.plan);
		return UPL_ENOMEM;
	}
	rc = upl_doc_plan_add(c->doc, b.plan);
	if (rc != 0)
		upl_plan_free(b.plan);
	return rc;
}

/* ------------------------------------------------------------------------ */
/* Stage 3: run-on text                                                     */

/* Cut line l at the byte offsets cuts[0..n) (ascending, inside the line)
 * into up to n + 1 lines replacing it at index at. */
static int
cut_line(imp_ctx *c, size_t at, const size_t *cuts, size_t n)
{
	imp_line src = c->ls.v[at], *nv;
	size_t piece, start = 0, m = 0, g;
	if (n == 0)
		return 0;
	nv = upl__calloc(n + 1, sizeof *nv);
	if (nv == NULL)
		return UPL_ENOMEM;
	for (piece = 0; piece <= n; piece++) {
		size_t end = piece < n ? cuts[piece] : src.len, base;
		const char *s = src.text + start;
		size_t len = end - start;
		imp_line *d = &nv[m];
		upl_pos p0;
		trim(&s, &len);
		start = end;
		if (len == 0)
			continue;
		base = (size_t)(s - src.text);
		d->text = upl__strndup(s, len);
		d->segs = upl__malloc((src.nsegs + 1) * sizeof *d->segs);
		m++;
		if (d->text == NULL || d->segs == NULL)
			goto fail;
		d->len = len;
		d->split = 1;
		d->segcap = src.nsegs + 1;
		p0 = upl__imp_pos(&src, base);
		d->segs[0].off = 0;
		d->segs[0].line = p0.line;
		d->segs[0].col = p0.column;
		d->nsegs = 1;
		for (g = 0; g < src.nsegs; g++) {
			size_t o = src.segs[g].off;
			if (o > base && o < base + len) {
				d->segs[d->nsegs] = src.segs[g];
				d->segs[d->nsegs].off = o - base;
				d->nsegs++;
			}
		}
	}
	if (upl__grow((void **)&c->ls.v, &c->ls.cap, c->ls.n + m, sizeof *c->ls.v) != 0)
		goto fail;
	memmove(c->ls.v + at + m, c->ls.v + at + 1, (c->ls.n - at - 1) * sizeof *c->ls.v);
	memcpy(c->ls.v + at, nv, m * sizeof *nv);
	c->ls.n = c->ls.n + m - 1;
	upl__dealloc(src.text);
	upl__dealloc(src.segs);
	upl__dealloc(nv);
	return 0;
fail:
	for (g = 0; g < m; g++) {
		upl__dealloc(nv[g].text);
		upl__dealloc(nv[g].segs);
	}
	upl__dealloc(nv);
	return UPL_ENOMEM;
}

static int
sentence_end(unsigned int cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F || cp == ';' ||
	       cp == '!' || cp == '?' || cp == 0xFF0C /* ， */ || cp == ',';
}

/* The code point before off, skipping layout spaces (0 at the start). */
static unsigned int
prev_cp(const char *s, size_t off)
{
	return upl__utf8_prev(s, upl__imp_space_before(s, off));
}

/* The longest organisation at the start of s (at most 30 characters)
 * that a 发文字号 follows (follow 1) or a title (follow 2). 0 when none. */
static size_t
org_before(const char *s, size_t len, int follow)
{
	size_t i, k, n, best = 0, cps = 0;
	int piece, comp;
	for (i = 0; i < len && cps <= 30; i += k, cps++) {
		size_t e, rest;
		upl__utf8_next(s + i, len - i, &k);
		e = i + k;
		if (e >= len || !upl__imp_org(s, e))
			continue;
		rest = len - e < 180 ? len - e : 180;
		if (follow == 1 ? upl__imp_docnumber(s + e, len - e, &n) :
				  upl__imp_title(s + e, rest, &piece, &comp))
			best = e;
	}
	return best;
}

/* The end of the front matter peeled off at the start of run-on text: a
 * 发文字号, an organisation before a 发文字号, a title (a compilation's
 * when there is one, else the shortest), an organisation before a title.
 * 0 when none. */
static size_t
peel(const char *s, size_t len)
{
	static const char *const ends[] = {
		"汇编", "匯編", "彙編", "计划", "計劃", "要点", "要點", "意见", "意見", NULL
	};
	size_t i, best = 0, k, n, cps = 0;
	int piece, comp;
	if (upl__imp_docnumber(s, len, &n))
		return n;
	if ((n = org_before(s, len, 1)) > 0)
		return n;
	for (i = 0; i < len && cps <= 60; i += k, cps++) {
		const char *const *e;
		upl__utf8_next(s + i, len - i, &k);
		for (e = ends; *e; e++) {
			size_t m = i + strlen(*e);
			if (m <= len && memcmp(s + i, *e, strlen(*e)) == 0 &&
			    upl__imp_title(s, m, &piece, &comp)) {
				if (comp)
					return m;
				if (!best)
					best = m;
			}
		}
	}
	if (best)
		return best;
	return org_before(s, len, 2);
}

/* Where a byline that starts at off (作者：鄧麗敏XX-02-26) ends: after the
 * name and a date written with digits. 0 when it is no byline. */
static size_t
byline_end(const char *s, size_t len, size_t off)
{
	size_t i = upl__imp_colon(s, len, off + strlen("作者")), j, k, n = 0;
	if (i == 0)
		return 0;
	i = upl__imp_skip_space(s, len, i);
	for (j = i; j < len && n < 4; n++) {
		unsigned int cp = upl__utf8_next(s + j, len - j, &k);
		if (!upl__is_han(cp))
			break;
		j += k;
	}
	if (n < 2)
		return 0;
	i = j;
	/* a date: XX-02-26, 2012-02-26, 2012.2.26 (the day has two digits) */
	{
		int part = 0, digits = 0;
		while (j < len && part < 3) {
			char ch = s[j];
			if ((ch >= '0' && ch <= '9') || (part == 0 && (ch == 'X' || ch == 'x'))) {
				digits++;
				j++;
				if (part == 2 && digits == 2) {
					part = 3;
					break;
				}
			} else if ((ch == '-' || ch == '/' || ch == '.') && digits > 0 && part < 2) {
				part++;
				digits = 0;
				j++;
			} else {
				break;
			}
		}
		return part == 3 ? j : i;
	}
}

static int
split_runon(imp_ctx *c)
{
	size_t li;
	for (li = 0; li < c->ls.n; li++) {
		imp_line *l = &c->ls.v[li];
		const char *s = l->text;
		size_t len = l->len, off = 0, k, ncuts = 0, cap = 0, *cuts = NULL;
		long last_num[8] = { 0 };
		size_t last_label_cp = (size_t)-1, cp_at = 0;
		int last_style = 0, rc, head = 1;
		if (upl__utf8_count(s, len) < 120)
			continue;
		/* the front matter of a plan run together with its text */
		while (head) {
			size_t e = peel(s + off, len - off);
			head = 0;
			if (e > 0 && off + e < len) {
				if (upl__grow((void **)&cuts, &cap, ncuts + 1, sizeof *cuts) != 0) {
					upl__dealloc(cuts);
					return UPL_ENOMEM;
				}
				cuts[ncuts++] = off + e;
				off += e;
				head = 1;
			}
		}
		while (off < len) {
			upl_text_label lab;
			upl_text_month mon;
			unsigned int cp = upl__utf8_next(s + off, len - off, &k);
			size_t cut = (size_t)-1, resume = 0;
			if (off > 0 && !upl__is_space(cp)) {
				unsigned int pc = prev_cp(s, off);
				size_t n;
				if (upl__imp_starts(s + off, len - off, "作者") &&
				    (n = byline_end(s, len, off)) > off) {
					/* a byline, and after it maybe the next plan's front matter */
					cut = off;
					resume = n;
				} else if (upl__imp_opening(s + off, len - off) > 0 && !upl__is_han(pc)) {
					cut = off;
				} else if (upl__imp_opening(s + off, len - off) > 0 && ncuts > 0 &&
					   cuts[ncuts - 1] + 60 > off && pc != 0x201C) {
					cut = off;
				} else if (upl_text_label_parse(&lab, s + off, len - off) == 0 &&
					   lab.label_len > 0 &&
					   upl_text_month_parse(&mon, s + off, len - off) != 0 &&
					   pc != 0x201C && pc != 0x300A && pc != '"') {
					int st = lab.style < 8 ? lab.style : 0;
					int seq = st && lab.number == last_num[st] + 1;
					int first = lab.number == 1 && last_style && last_style != st &&
						    last_label_cp != (size_t)-1 && cp_at - last_label_cp < 40;
					int han = !is_digit_style(lab.style);
					int again = st && lab.number == last_num[st];
					if ((sentence_end(pc) && (!han || seq || again || lab.number == 1)) ||
					    (!han && (seq || first)) || (han && seq && pc == 0x3002)) {
						cut = off;
						last_num[st] = lab.number;
						last_style = st;
						last_label_cp = cp_at;
					}
				}
			}
			if (cut != (size_t)-1) {
				if (upl__grow((void **)&cuts, &cap, ncuts + 2, sizeof *cuts) != 0) {
					upl__dealloc(cuts);
					return UPL_ENOMEM;
				}
				if (ncuts == 0 || cuts[ncuts - 1] < cut)
					cuts[ncuts++] = cut;
				if (resume > cut && resume < len) {
					size_t e;
					cuts[ncuts++] = resume;
					off = resume;
					/* the next plan's front matter */
					while ((e = peel(s + off, len - off)) > 0 && off + e < len) {
						if (upl__grow((void **)&cuts, &cap, ncuts + 1, sizeof *cuts) != 0) {
							upl__dealloc(cuts);
							return UPL_ENOMEM;
						}
						cuts[ncuts++] = off + e;
						off += e;
					}
					cp_at = upl__utf8_count(s, off);
					continue;
				}
			}
			off += k;
			cp_at++;
		}
		rc = cut_line(c, li, cuts, ncuts);
		upl__dealloc(cuts);
		if (rc != 0)
			return rc;
		li += ncuts; /* the new lines need no second look */
	}
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Stage 3b: lines wrapped at a fixed width                                 */

/* Text exported with a fixed line width breaks paragraphs mid-sentence at
 * about the same length every time. When at least three lines that end
 * mid-sentence share a length (within two characters), each line of that
 * length that ends mid-sentence is joined with the next line, provided the
 * next one starts nothing of its own (a label, a month, a heading …) and
 * no blank line separates them. */
static int
join_wrapped(imp_ctx *c)
{
	size_t i, j, n = c->ls.n, best_count = 0, *cps;
	size_t width = 0;
	if (n < 4)
		return 0;
	cps = upl__calloc(n, sizeof *cps);
	if (cps == NULL)
		return UPL_ENOMEM;
	for (i = 0; i < n; i++)
		cps[i] = upl__imp_ends_sentence(c->ls.v[i].text) ? 0 :
			 upl__utf8_count(c->ls.v[i].text, c->ls.v[i].len);
	for (i = 0; i < n; i++) {
		size_t count = 0;
		if (cps[i] < 16)
			continue;
		for (j = 0; j < n; j++)
			if (cps[j] + 2 >= cps[i] && cps[j] <= cps[i])
				count++;
		if (count > best_count || (count == best_count && cps[i] > width)) {
			best_count = count;
			width = cps[i];
		}
	}
	upl__dealloc(cps);
	if (best_count < 3)
		return 0;
	for (i = 0; i + 1 < c->ls.n; i++) {
		imp_line *l = &c->ls.v[i];
		/* the length of the last source line joined into l */
		size_t len = upl__utf8_count(l->text, l->len);
		while (i + 1 < c->ls.n) {
			imp_line *next = &c->ls.v[i + 1];
			imp_info a, b;
			if (len + 2 < width || len > width + 2 || upl__imp_ends_sentence(l->text) ||
			    next->blank_before)
				break;
			classify(l, &a);
			classify(next, &b);
			if ((a.flags & ~(F_LABEL | F_OPENING)) || b.flags)
				break;
			len = upl__utf8_count(next->text, next->len);
			if (upl__imp_join(l, next) != 0)
				return UPL_ENOMEM;
			upl__imp_remove_line(&c->ls, i + 1);
		}
	}
	return 0;
}

/* ------------------------------------------------------------------------ */
/* The API                                                                  */

static int
import_text(imp_ctx *c, char *text, size_t len, upl_error **err)
{
	imp_split *splits = NULL;
	size_t nsplits = 0, i;
	int rc;
	rc = upl__imp_split(&c->ls, text, len);
	if (rc == 0)
		rc = upl__imp_remove_noise(&c->ls);
	if (rc == 0)
		rc = split_runon(c);
	if (rc == 0)
		rc = join_wrapped(c);
	if (rc != 0)
		return upl__error_set(err, rc, c->file, 0, 0, "%s", upl_strerror(rc));
	if (c->ls.n == 0)
		return upl__error_set(err, UPL_EPARSE, c->file, 0, 0, "%s",
				      c->zh ? "没有可导入的文字" : "the input holds no text to import");
	c->info = upl__calloc(c->ls.n, sizeof *c->info);
	if (c->info == NULL)
		return upl__error_set(err, UPL_ENOMEM, c->file, 0, 0, "%s", upl_strerror(UPL_ENOMEM));
	for (i = 0; i < c->ls.n; i++)
		classify(&c->ls.v[i], &c->info[i]);
	rc = segment(c, &splits, &nsplits);
	for (i = 0; rc == 0 && i < nsplits; i++)
		rc = build_plan(c, splits[i].start, i + 1 < nsplits ? splits[i + 1].start : c->ls.n,
				splits[i].reason, i == 0);
	upl__dealloc(splits);
	if (rc == 0 && c->oom)
		rc = UPL_ENOMEM;
	if (rc != 0)
		return upl__error_set(err, rc, c->file, 0, 0, "%s", upl_strerror(rc));
	upl_doc_set_collection(c->doc, c->doc->nplans > 1);
	return 0;
}

int
upl_import_buffer(upl_doc **out, upl_report *report, const char *data, size_t len,
		  const char *name, const upl_import_options *opts, upl_error **err)
{
	upl_import_options defaults = UPL_IMPORT_OPTIONS_INIT;
	upl_text_encoding enc;
	imp_ctx c;
	upl_report *own = NULL;
	char *text = NULL;
	size_t tlen = 0, max;
	int rc;
	if (out == NULL || (data == NULL && len > 0))
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid argument");
	if (opts == NULL)
		opts = &defaults;
	if (opts->version < 1 || opts->version > UPL_IMPORT_OPTIONS_VERSION)
		return upl__error_set(err, UPL_EINVAL, name, 0, 0,
				      "unsupported upl_import_options version %u", opts->version);
	max = opts->max_bytes ? opts->max_bytes : UPL_IMPORT_DEFAULT_MAX_BYTES;
	if (len > max)
		return upl__error_set(err, UPL_EIO, name, 0, 0,
				      "input larger than the limit of %zu bytes", max);
	memset(&c, 0, sizeof c);
	c.file = name ? name : "<buffer>";
	c.zh = upl__msg_lang_zh(opts->lang);
	c.flags = opts->flags;
	if (len == 0)
		return upl__error_set(err, UPL_EPARSE, c.file, 0, 0, "%s",
				      c.zh ? "没有可导入的文字" : "the input holds no text to import");
	memset(&enc, 0, sizeof enc);
	rc = upl_text_to_utf8(&text, &tlen, data, len, opts->encoding, &enc, err);
	if (rc != 0) {
		if (err && *err && (*err)->file == NULL && name) {
			(*err)->file = upl__strdup(name);
		}
		return rc;
	}
	if (upl_text_script(text, tlen) == UPL_SCRIPT_HANT) {
		if (opts->flags & UPL_IMPORT_SIMPLIFIED) {
			char *simple = NULL;
			size_t slen = 0;
			rc = upl_text_to_simplified(&simple, &slen, text, tlen, err);
			upl_free(text);
			if (rc != 0)
				return rc;
			text = simple;
			tlen = slen;
			c.lang = "zh-Hans";
		} else {
			c.lang = "zh-Hant";
		}
	} else {
		c.lang = "zh-Hans";
	}
	if (report == NULL) {
		rc = upl_report_new(&own);
		if (rc != 0) {
			upl_free(text);
			return upl__error_set(err, rc, c.file, 0, 0, "%s", upl_strerror(rc));
		}
		report = own;
	}
	c.report = report;
	c.ls.report = report;
	c.ls.file = c.file;
	c.ls.zh = c.zh;
	c.encoding = enc.name[0] ? enc.name : "UTF-8";
	rc = upl_doc_new(&c.doc);
	if (rc == 0) {
		if (name && upl__doc_set_name(c.doc, name) != 0)
			rc = UPL_ENOMEM;
	}
	if (rc == 0)
		rc = import_text(&c, text, tlen, err);
	else
		upl__error_set(err, rc, c.file, 0, 0, "%s", upl_strerror(rc));
	upl_free(text);
	upl__imp_lines_free(&c.ls);
	upl__dealloc(c.info);
	upl__dealloc(c.collection_title);
	upl_report_free(own);
	if (rc != 0) {
		upl_doc_free(c.doc);
		return rc;
	}
	*out = c.doc;
	return 0;
}

int
upl_import_file(upl_doc **out, upl_report *report, const char *path,
		const upl_import_options *opts, upl_error **err)
{
	char *data = NULL;
	size_t len = 0, max;
	int rc;
	if (out == NULL || path == NULL)
		return upl__error_set(err, UPL_EINVAL, path, 0, 0, "invalid argument");
	max = opts && opts->max_bytes ? opts->max_bytes : UPL_IMPORT_DEFAULT_MAX_BYTES;
	rc = upl__load_file(&data, &len, path, max, err);
	if (rc != 0)
		return rc;
	rc = upl_import_buffer(out, report, data, len, path, opts, err);
	upl__dealloc(data);
	return rc;
}

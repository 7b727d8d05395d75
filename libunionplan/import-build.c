/* The importer's sixth stage: building one plan from its lines. The front
 * matter goes into meta; the body becomes a tree whose nesting follows the
 * order in which label styles appear; schedules get their months,
 * activities, dates and holidays. */
#include "config.h"

#include <unionplan/calendar.h>
#include <unionplan/import.h>
#include <unionplan/text.h>

#include "holidays-private.h"
#include "import-private.h"
#include "messages-private.h"
#include "validate-private.h"

#define note(c, id, variant, p, arg) \
	upl__msg_emit((c)->report, (c)->zh, &(c)->oom, (c)->file, UPL__MSG(id, variant), (p), (arg))

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
	upl_node *para;        /* a paragraph whose first line has the GB/T 9704 indent */
	const imp_line *marker; /* a piece marker line (第一篇：) in the front matter */
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

/* Whether line l is indented as a GB/T 9704 paragraph (full-width spaces). */
static int
para_indent(const imp_line *l)
{
	return upl__imp_starts(l->indent, strlen(l->indent), "\xE3\x80\x80");
}

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
	upl__imp_trim(&s, &len);
	set_text(b, p, s, len);
	if (add_to(b, &b->st[b->depth - 1], p) == 0 && para_indent(l))
		b->para = p;
}

/* A flush-left line right under a paragraph whose first line has the
 * GB/T 9704 indent (the text export writes a line break inside a
 * paragraph so), reading as nothing of its own (an organisation's name
 * is text here, in the body): the paragraph goes on after a line break.
 * 1 when line i went into para. */
static int
paragraph_goes_on(builder *b, upl_node *para, size_t i)
{
	const imp_line *l = &b->c->ls.v[i];
	upl_buf t = UPL_BUF_INIT;
	if (para == NULL || (b->c->info[i].flags & ~(unsigned int)F_ORG) != 0 || l->blank_before ||
	    l->indent[0] != '\0')
		return 0;
	upl__buf_puts(&t, para->text ? para->text : "");
	upl__buf_putc(&t, '\n');
	upl__buf_put(&t, l->text, l->len);
	if (t.failed) {
		upl__buf_free(&t);
		b->c->oom = 1;
		return 1;
	}
	upl__dealloc(para->text);
	para->text = upl__buf_detach(&t, NULL);
	return 1;
}

static upl_node *
new_month(builder *b, const imp_line *l, const upl_text_month *mon)
{
	upl_node *m;
	const char *lab = l->text;
	size_t lab_len = mon->text_offset;
	int year, d;
	upl__imp_trim(&lab, &lab_len);
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
		note(b->c, UPL_CODE_IMPORT_YEAR_UNKNOWN, 0, upl__imp_pos(l, 0), "");
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

/* Node n's label and number from lab, a label found at l->text + from:
 * the label is the line's text up to the label's end (注：1、), trimmed;
 * *s and *len get the text after the label up to end, trimmed. The label
 * starts after any spaces at from (a tab left where a control character
 * before it was removed). */
static void
take_label(builder *b, upl_node *n, const imp_line *l, size_t from, size_t end,
	   const upl_text_label *lab, const char **s, size_t *len)
{
	const char *ls = l->text;
	size_t ll = from + upl_text_space_len(l->text + from, end - from) + lab->label_len;
	upl__imp_trim(&ls, &ll);
	set_field(b, &n->label, ls, ll);
	n->number = (int)lab->number;
	*s = l->text + from + lab->text_offset;
	*len = end - from - lab->text_offset;
	upl__imp_trim(s, len);
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
	if (lab) /* a labelled activity is a whole line (off 0) */
		take_label(b, a, l, off, end, lab, &s, &len);
	else
		upl__imp_trim(&s, &len);
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
			upl__imp_trim(&ls, &ll);
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
		const char *s;
		size_t len;
		take_label(b, n, l, rest, l->len, &lab, &s, &len);
		set_text(b, n, s, len);
		b->notes = 1;
		b->notes_style = lab.style;
		b->notes_last = lab.number;
	} else {
		const char *s = l->text + rest, *ls = l->text;
		size_t len = l->len - rest, ll = open_len;
		upl__imp_trim(&ls, &ll);
		set_field(b, &n->label, ls, ll);
		set_text(b, n, s, len);
		b->notes = 1;
		b->notes_style = 0;
		b->notes_last = 0;
	}
	add_to(b, f, n);
}

/* A remark in brackets (F_REMARK): a note without a label, its text
 * the words inside. */
static void
add_remark(builder *b, const imp_line *l)
{
	upl_node *n;
	end_schedule(b);
	b->notes = 0;
	n = mk(b, UPL_NODE_NOTE, l, 0);
	if (n == NULL)
		return;
	set_text(b, n, l->text + strlen("（"), l->len - 2 * strlen("（"));
	add_to(b, &b->st[container(b)], n);
}

static void
add_numbered_note(builder *b, const imp_line *l, const upl_text_label *lab)
{
	upl_node *n = mk(b, UPL_NODE_NOTE, l, 0);
	const char *s;
	size_t len;
	if (n == NULL)
		return;
	take_label(b, n, l, 0, l->len, lab, &s, &len);
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

/* A numbered part's text s[0..len) after its label: 指导思想：text, or a
 * long line: the heading is what comes before the colon, or the first
 * sentence; the rest is a paragraph. */
static void
section_text(builder *b, upl_node *n, const imp_line *l, const char *s, size_t len)
{
	size_t h = len;
	const char *hs = s;
	if ((h = heading_colon(s, len, 12)) < len ||
	    (upl__utf8_count(s, len) > 50 && (h = first_sentence(s, len)) < len)) {
		upl_node *p = mk(b, UPL_NODE_PARAGRAPH, l, (size_t)(s + h - l->text));
		const char *r = s + h;
		size_t rl = len - h;
		upl__imp_trim(&r, &rl);
		set_text(b, p, r, rl);
		if (p && upl_node_child_add(n, p) != 0) {
			upl_node_free(p);
			b->c->oom = 1;
		}
	}
	upl__imp_trim(&hs, &h);
	if (h > 0)
		set_field(b, &n->heading, hs, h);
	n->heading_pos = upl__imp_pos(l, (size_t)(hs - l->text));
	n->role = upl__imp_role(hs, h);
}

/* An item's text: a short first sentence (or words before a colon) is its
 * heading. */
static void
item_text(builder *b, upl_node *n, const imp_line *l, const char *s, size_t len)
{
	size_t h = heading_colon(s, len, 15);
	if (h == len)
		h = first_sentence(s, len);
	if (h < len && upl__utf8_count(s, h) <= 30) {
		const char *r = s + h;
		size_t rl = len - h;
		set_field(b, &n->heading, s, h);
		n->heading_pos = upl__imp_pos(l, (size_t)(s - l->text));
		upl__imp_trim(&r, &rl);
		set_text(b, n, r, rl);
	} else {
		set_text(b, n, s, len);
	}
}

static void
add_labelled(builder *b, const imp_line *l, const upl_text_label *lab)
{
	const char *s;
	size_t len;
	const frame *parent;
	int section;
	upl_node *n;
	place_label(b, lab->style, lab->level);
	if (b->sched && b->depth < b->sched_depth)
		end_schedule(b);
	parent = &b->st[b->depth - 1];
	section = parent->kind == FR_BODY ||
		  (parent->kind != FR_ITEM && !upl__imp_digit_style(lab->style));
	n = mk(b, section ? UPL_NODE_SECTION : UPL_NODE_ITEM, l, 0);
	if (n == NULL)
		return;
	take_label(b, n, l, 0, l->len, lab, &s, &len);
	if (section) {
		n->level = lab->level;
		section_text(b, n, l, s, len);
	} else {
		item_text(b, n, l, s, len);
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
	upl__imp_trim(&h, &hl);
	if (appendix) {
		const char *ls = l->text;
		size_t ll = label_len;
		upl__imp_trim(&ls, &ll);
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

/* A list of notes goes on while its numbering does: 1 when line l was
 * the list's next note. */
static int
notes_go_on(builder *b, const imp_line *l, const imp_info *in)
{
	unsigned int f = in->flags;
	if (!b->notes)
		return 0;
	if ((f & F_LABEL) && (int)in->lab.style == b->notes_style &&
	    in->lab.number == b->notes_last + 1) {
		add_numbered_note(b, l, &in->lab);
		return 1;
	}
	if (b->notes_style == 0 && (f & F_LABEL) && in->lab.number == 1) {
		add_numbered_note(b, l, &in->lab);
		return 1;
	}
	b->notes = 0;
	return 0;
}

/* A schedule's title (…行事历) or a month table's header row, months
 * following: it waits for the schedule the next month opens. */
static void
schedule_heading(builder *b, const imp_line *l, unsigned int f)
{
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
			b->c->oom = 1;
	} else {
		set_field(b, &b->sched_heading, l->text, l->len);
	}
	b->table = (f & F_TABLE_HEAD) != 0;
}

/* Whether a line under an open month is one more activity of it: not when
 * it heads something, or its label is the style of a part holding the
 * schedule. */
static int
schedule_goes_on(const builder *b, const imp_info *in)
{
	int j;
	if (in->flags & (F_HEADING | F_OPENING | F_TITLE))
		return 0;
	if (in->flags & F_LABEL)
		for (j = 1; j < b->sched_depth; j++)
			if (b->st[j].style == (int)in->lab.style && b->st[j].kind != FR_GROUP)
				return 0;
	return 1;
}

/* A month phrase with text after it on a line indented as a paragraph,
 * with no schedule open and no month on the next line: a paragraph that
 * starts with a month (九月：教师节表彰活动), not a schedule of one month. */
static int
month_paragraph(const builder *b, size_t i)
{
	const imp_line *l = &b->c->ls.v[i];
	const imp_info *in = &b->c->info[i];
	if (b->sched != NULL || in->mon.text_offset >= l->len || !para_indent(l))
		return 0;
	return i + 1 >= b->c->ls.n || !(b->c->info[i + 1].flags & (F_MONTH | F_MONTH_LOOSE));
}

/* A title line that repeats the plan's own title (the web page shows it
 * twice): left out, with a note. 1 when it was. */
static int
repeated_title(builder *b, const imp_line *l, const imp_info *in)
{
	if (!(in->flags & F_TITLE) || b->plan->title == NULL || strcmp(b->plan->title, l->text) != 0)
		return 0;
	note(b->c, UPL_CODE_IMPORT_INFERRED, 0, upl__imp_pos(l, 0), "");
	return 1;
}

/* The author the page's metadata named, when the plan names none. */
static void
page_author(builder *b)
{
	imp_ctx *c = b->c;
	if (c->ls.page_author == NULL || b->plan->nauthors > 0)
		return;
	if (upl_plan_author_add(b->plan, c->ls.page_author) != 0)
		c->oom = 1;
	note(c, UPL_CODE_IMPORT_INFERRED, 1, c->ls.page_author_pos, c->ls.page_author);
}

static void
body_line(builder *b, size_t i)
{
	imp_ctx *c = b->c;
	const imp_line *l = &c->ls.v[i];
	const imp_info *in = &c->info[i];
	unsigned int f = in->flags;
	upl_node *para = b->para;
	int after_note = b->notes;

	b->para = NULL;
	if (paragraph_goes_on(b, para, i)) {
		b->para = para;
		return;
	}
	if (repeated_title(b, l, in))
		return;
	if (in->inferred) {
		upl__imp_say_inferred(c, l, in);
		if (in->inferred == 1 + 6 && b->sched == NULL)
			b->depth = 1; /* 三、1—2月 takes a part's place: the parts before close */
	}
	if (notes_go_on(b, l, in))
		return;
	if (f & F_NOTE) {
		add_note(b, l, in->open_len);
		return;
	}
	if (f & F_REMARK) {
		add_remark(b, l);
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
		schedule_heading(b, l, f);
		return;
	}
	if (((f & F_MONTH) && !month_paragraph(b, i)) ||
	    ((f & F_MONTH_LOOSE) && b->sched && b->table)) {
		if (new_month(b, l, &in->mon) == NULL)
			return;
		if (in->mon.text_offset < l->len)
			add_activities(b, l, in->mon.text_offset);
		return;
	}
	if (b->sched && b->month) {
		if (schedule_goes_on(b, in)) {
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
	/* an unnumbered heading after a note: the note closed the part
	 * before it (下半年的主要工作： after 注：…) */
	if ((f & F_HEADING) && (!numbered_open(b) || after_note)) {
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
		note(b->c, UPL_CODE_IMPORT_YEAR_UNKNOWN, 0, pos, "");
	}
	/* the organisation written before the period: 常州市新北区教育工会2012年工作意见 */
	if (b->plan->organization == NULL && p->off > 0) {
		const char *o = title;
		size_t ol = p->off;
		upl__imp_trim(&o, &ol);
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
	if (repeated_title(b, l, in))
		return 1;
	if ((in->flags & F_MARKER) && front && b->marker == NULL) {
		b->marker = l; /* 第一篇：, kept once the front matter is read */
		return 1;
	}
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

/* Move *text into a paragraph at the end of the plan's body (at pos, when
 * given): 0, or -1 with c->oom set. */
static int
keep_text(builder *b, char **text, const upl_pos *pos)
{
	upl_node *p = NULL;
	if (upl_node_new(&p, UPL_NODE_PARAGRAPH) != 0) {
		b->c->oom = 1;
		return -1;
	}
	if (pos)
		p->pos = *pos;
	p->text = *text;
	*text = NULL;
	if (upl_plan_block_add(b->plan, p) != 0) {
		upl_node_free(p);
		b->c->oom = 1;
		return -1;
	}
	return 0;
}

/* The piece marker of the front matter (第一篇：): the plan's first
 * paragraph (after a compilation's title), with a note. */
static void
keep_marker(builder *b)
{
	char *t = upl__strndup(b->marker->text, b->marker->len);
	upl_pos at = upl__imp_pos(b->marker, 0);
	if (t == NULL) {
		b->c->oom = 1;
		return;
	}
	if (keep_text(b, &t, &at) == 0)
		note(b->c, UPL_CODE_IMPORT_KEPT, 1, at, b->marker->text);
	upl__dealloc(t);
}

int
upl__imp_build_plan(imp_ctx *c, size_t from, size_t to, int reason, int first)
{
	static const upl__msg_id split_msg[] = {
		UPL__MSG(UPL_CODE_IMPORT_PLAN_SPLIT, 0), UPL__MSG(UPL_CODE_IMPORT_PLAN_SPLIT, 1),
		UPL__MSG(UPL_CODE_IMPORT_PLAN_SPLIT, 2), UPL__MSG(UPL_CODE_IMPORT_PLAN_SPLIT, 3)
	};
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
		upl__msg_emit(c->report, c->zh, &c->oom, c->file, split_msg[reason],
			      upl__imp_pos(&c->ls.v[from], 0), c->ls.v[from].text);
	/* closing lines: organisation, date, byline after the body */
	while (tail > from + 1 && to - tail < 3 &&
	       (c->info[tail - 1].flags & (F_ORG | F_DATE | F_BYLINE)))
		tail--;
	for (i = from; i < tail && meta_line(&b, i, 1); i++)
		;
	if (c->collection_title && first && c->doc->nplans == 0) {
		/* a compilation's own title: the collection has no place for it,
		 * so it stays as the first plan's first paragraph */
		if (keep_text(&b, &c->collection_title, &c->collection_pos) == 0)
			note(c, UPL_CODE_IMPORT_KEPT, 0, c->collection_pos, "");
	}
	if (b.marker)
		keep_marker(&b);
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
	if (first) /* after the plan's own bylines, front and closing */
		page_author(&b);
	if (b.sched_heading && !c->oom) /* a schedule's title that no month followed */
		keep_text(&b, &b.sched_heading, NULL);
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


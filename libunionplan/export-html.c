/* Writing documents as one self-contained HTML page: a title block, a
 * table of contents, the body with its numbering, the schedules as month
 * tables with the official calendar marked, optionally the validation
 * report inline, and a print stylesheet for an A4 page in the spirit of
 * GB/T 9704. What is written is described in doc/html.md and in
 * unionplan/export.h. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan/calendar.h>
#include <unionplan/export.h>
#include <unionplan/text.h>
#include <unionplan/validate.h>

#include "export-private.h"

/* The words of the page, simplified [0] and traditional [1]. */
enum {
	W_TOC, W_REPORT, W_MONTH, W_WORK, W_FESTIVALS, W_DAYS_OFF, W_WORKDAYS, W_ADJUSTED,
	W_ERROR, W_WARNING, W_NOTE, W_CLEAN, W_LINE, W_BEFORE, W_AFTER, W_DURING, W_SCHEDULE,
	W_OFF, W_COUNTS
};
static const char *const words[][2] = {
	{ "目录", "目錄" }, { "校验报告", "校驗報告" }, { "月份", "月份" },
	{ "工作安排", "工作安排" }, { "节日", "節日" }, { "放假", "放假" },
	{ "调休上班", "調休上班" }, { "调休上班", "調休上班" }, { "错误", "錯誤" },
	{ "警告", "警告" }, { "提示", "提示" }, { "未发现问题。", "未發現問題。" },
	{ "行", "行" }, { "前", "前" }, { "后", "後" }, { "期间", "期間" },
	{ "行事历", "行事曆" }, { "休", "休" }, { "个", "個" }
};
static const char *const weekdays[][2] = {
	{ "一", "一" }, { "二", "二" }, { "三", "三" }, { "四", "四" },
	{ "五", "五" }, { "六", "六" }, { "日", "日" }
};

/* A diagnostic shown beside an element: the element (a plan or a node)
 * and the diagnostic's index in the report. */
typedef struct placed {
	const void *owner;
	size_t diag;
} placed;

/* An element diagnostics can be placed at, with its position. */
typedef struct anchor {
	const void *owner;
	unsigned int line, column;
	size_t order;
} anchor;

typedef struct hw {
	upl_buf *b;
	unsigned int flags;
	int rc;            /* the first failure, sticky, set in *err */
	upl_error **err;
	int trad;          /* the plan being written is in traditional script */
	unsigned int seq;  /* ids of sections and schedules, in document order */
	unsigned int rows; /* ids of month rows */
	const upl_report *report;
	placed *placed;    /* sorted by owner, then diag */
	size_t nplaced;
	unsigned char *inline_shown; /* per diagnostic: placed beside an element */
} hw;

#define WORD(w, k) (words[(k)][(w)->trad ? 1 : 0])

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

/* s escaped for text and attribute values: & < > " ' as references, other
 * control characters than tab and newline as spaces (HTML allows none of
 * them); text that is not valid UTF-8 is refused. */
static void
esc(hw *w, const char *s)
{
	size_t n, i, start = 0;
	const char *rep;
	if (s == NULL || w->rc != 0)
		return;
	n = strlen(s);
	if ((w->rc = upl__export_check_utf8(s, n, w->err)) != 0)
		return;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: rep = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ? " " : NULL;
		}
		if (rep == NULL)
			continue;
		upl__buf_put(w->b, s + start, i - start);
		upl__buf_puts(w->b, rep);
		start = i + 1;
	}
	upl__buf_put(w->b, s + start, n - start);
}

static void
raw(hw *w, const char *s)
{
	upl__buf_puts(w->b, s);
}

/* A label (as written or renumbered) in its own span. */
static void
put_label(hw *w, const char *label)
{
	if (label == NULL || *label == '\0')
		return;
	raw(w, "<span class=\"label\">");
	esc(w, label);
	raw(w, "</span>");
}

/* ------------------------------------------------------------------------ */
/* Diagnostics beside their elements                                        */

static int
cmp_anchor(const void *a, const void *b)
{
	const anchor *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
cmp_placed(const void *a, const void *b)
{
	const placed *x = a, *y = b;
	uintptr_t p = (uintptr_t)x->owner, q = (uintptr_t)y->owner;
	if (p != q)
		return p < q ? -1 : 1;
	return x->diag < y->diag ? -1 : x->diag > y->diag;
}

/* Append the elements of a subtree that have a position. */
static int
collect(anchor **v, size_t *n, size_t *cap, const void *owner, unsigned int line,
	unsigned int column)
{
	if (line == 0)
		return 0;
	if (upl__grow((void **)v, cap, *n + 1, sizeof **v) != 0)
		return UPL_ENOMEM;
	(*v)[*n].owner = owner;
	(*v)[*n].line = line;
	(*v)[*n].column = column;
	(*v)[*n].order = *n;
	++*n;
	return 0;
}

static int
collect_node(anchor **v, size_t *n, size_t *cap, const upl_node *node)
{
	size_t i;
	int rc = collect(v, n, cap, node, upl_node_line(node), upl_node_column(node));
	for (i = 0; i < upl_node_child_count(node) && rc == 0; i++)
		rc = collect_node(v, n, cap, upl_node_child(node, i));
	return rc;
}

/* The element a diagnostic at line:column concerns: the last one that
 * starts at or before it (anchors sorted), or NULL. */
static const void *
owner_at(const anchor *v, size_t n, unsigned int line, unsigned int column)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].line < line || (v[mid].line == line && v[mid].column <= column))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? v[lo - 1].owner : NULL;
}

/* Place each diagnostic that has a line beside the element it concerns. */
static int
place_diags(hw *w, const upl_doc *doc)
{
	anchor *v = NULL;
	size_t n = 0, cap = 0, i, k, nd = upl_report_count(w->report);
	int rc = 0;
	for (i = 0; i < upl_doc_plan_count(doc) && rc == 0; i++) {
		const upl_plan *p = upl_doc_plan(doc, i);
		rc = collect(&v, &n, &cap, p, upl_plan_line(p), upl_plan_column(p));
		for (k = 0; k < upl_plan_block_count(p) && rc == 0; k++)
			rc = collect_node(&v, &n, &cap, upl_plan_block(p, k));
	}
	if (rc == 0 && nd > 0) {
		w->placed = upl__calloc(nd, sizeof *w->placed);
		w->inline_shown = upl__calloc(nd, 1);
		if (w->placed == NULL || w->inline_shown == NULL)
			rc = UPL_ENOMEM;
	}
	if (rc == 0 && n > 0) {
		qsort(v, n, sizeof *v, cmp_anchor);
		for (i = 0; i < nd; i++) {
			const upl_diag *d = upl_report_get(w->report, i);
			const void *o = upl_diag_line(d) ? owner_at(v, n, upl_diag_line(d),
								    upl_diag_column(d)) : NULL;
			if (o == NULL)
				continue;
			w->placed[w->nplaced].owner = o;
			w->placed[w->nplaced++].diag = i;
			w->inline_shown[i] = 1;
		}
		if (w->nplaced > 1)
			qsort(w->placed, w->nplaced, sizeof *w->placed, cmp_placed);
	}
	upl__dealloc(v);
	return rc == 0 ? 0 : upl__error_set(w->err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
}

static const char *
severity_word(hw *w, upl_severity s)
{
	return WORD(w, s == UPL_SEVERITY_ERROR ? W_ERROR : s == UPL_SEVERITY_WARNING ? W_WARNING
									      : W_NOTE);
}

/* One diagnostic: severity, place, message and code. */
static void
put_diag_text(hw *w, const upl_diag *d)
{
	raw(w, "<span class=\"sev\">");
	esc(w, severity_word(w, upl_diag_severity(d)));
	raw(w, "</span> ");
	if (upl_diag_line(d) > 0) {
		upl__buf_printf(w->b, "第%u行", upl_diag_line(d));
		raw(w, "：");
	}
	esc(w, upl_diag_message(d));
	raw(w, " <code>");
	esc(w, upl_diag_code(d));
	raw(w, "</code>");
}

/* The diagnostics placed at owner, as notes beside it. */
static void
put_inline(hw *w, const void *owner)
{
	placed key = { owner, 0 };
	size_t lo = 0, hi = w->nplaced;
	if (w->nplaced == 0)
		return;
	while (lo < hi) { /* the first entry of owner */
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_placed(&w->placed[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < w->nplaced && w->placed[lo].owner == owner; lo++) {
		size_t i = w->placed[lo].diag;
		const upl_diag *d = upl_report_get(w->report, i);
		upl__buf_printf(w->b, "<span class=\"diag %s\" id=\"d%zu\" role=\"note\"><a href=\"#r%zu\">",
				upl_severity_name(upl_diag_severity(d)), i + 1, i + 1);
		put_diag_text(w, d);
		raw(w, "</a></span>");
	}
}

/* The report at the top of the page: counts, then each diagnostic,
 * linked to where it is shown inline. */
static void
put_report(hw *w)
{
	const upl_report *r = w->report;
	size_t i, n = upl_report_count(r);
	raw(w, "<section class=\"report\" aria-labelledby=\"report\">\n<h2 id=\"report\">");
	esc(w, WORD(w, W_REPORT));
	raw(w, "</h2>\n<p>");
	if (n == 0)
		esc(w, WORD(w, W_CLEAN));
	else
		upl__buf_printf(w->b, "%s %zu %s，%s %zu %s，%s %zu %s。", WORD(w, W_ERROR),
				upl_report_count_severity(r, UPL_SEVERITY_ERROR), WORD(w, W_COUNTS),
				WORD(w, W_WARNING), upl_report_count_severity(r, UPL_SEVERITY_WARNING),
				WORD(w, W_COUNTS), WORD(w, W_NOTE),
				upl_report_count_severity(r, UPL_SEVERITY_NOTE), WORD(w, W_COUNTS));
	raw(w, "</p>\n");
	if (n > 0)
		raw(w, "<ol>\n");
	for (i = 0; i < n; i++) {
		const upl_diag *d = upl_report_get(r, i);
		upl__buf_printf(w->b, "<li class=\"diag %s\" id=\"r%zu\">",
				upl_severity_name(upl_diag_severity(d)), i + 1);
		if (w->inline_shown && w->inline_shown[i])
			upl__buf_printf(w->b, "<a href=\"#d%zu\">", i + 1);
		put_diag_text(w, d);
		raw(w, w->inline_shown && w->inline_shown[i] ? "</a></li>\n" : "</li>\n");
	}
	if (n > 0)
		raw(w, "</ol>\n");
	raw(w, "</section>\n");
}

/* ------------------------------------------------------------------------ */
/* Dates and the official calendar                                          */

/* "9月10日" (and the weekday when the year is known: "9月10日（周一）"). */
static void
put_day(hw *w, upl_date d, int weekday)
{
	int wd = d.year > 0 ? upl_date_weekday(d) : 0;
	upl__buf_printf(w->b, "%d月%d日", d.month, d.day);
	if (weekday && wd >= 1 && wd <= 7)
		upl__buf_printf(w->b, "（%s%s）", w->trad ? "週" : "周", weekdays[wd - 1][w->trad]);
}

static void
put_time(hw *w, upl_date d)
{
	char iso[UPL_DATE_ISO_SIZE];
	if (upl_date_format(iso, d) != 0)
		return;
	upl__buf_printf(w->b, "<time datetime=\"%s\">", iso);
	put_day(w, d, 1);
	raw(w, "</time>");
}

/* What the official calendar says of an activity's day: a statutory day
 * off or an adjusted working day is marked. */
static void
put_day_status(hw *w, upl_date d)
{
	upl_workday_info info;
	if (d.year == 0 || upl_calendar_workday(&info, NULL, d) != 0)
		return;
	if (info.status == UPL_DAY_OFF && strcmp(info.reason, "weekend") != 0) {
		raw(w, " <span class=\"mark dayoff\">");
		esc(w, upl_holiday_name(info.reason, w->trad));
		esc(w, WORD(w, W_DAYS_OFF));
		raw(w, "</span>");
	} else if (info.status == UPL_DAY_WORKDAY && strcmp(info.reason, "adjusted-workday") == 0) {
		raw(w, " <span class=\"mark workday\">");
		esc(w, WORD(w, W_ADJUSTED));
		raw(w, "</span>");
	}
}

/* The festivals of one month of year y, as a line of the month cell. */
static void
put_festivals(hw *w, int y, int m)
{
	upl_holiday_occurrence occ[16];
	size_t n = 0, i;
	upl_date a, b;
	if (upl_date_make(&a, y, m, 1) != 0 ||
	    upl_date_make(&b, y, m, upl_date_days_in_month(y, m)) != 0 ||
	    upl_holiday_list(occ, 16, &n, a, b) != 0 || n == 0)
		return;
	raw(w, "<span class=\"cal festivals\">");
	for (i = 0; i < n; i++) {
		raw(w, i ? "、" : "");
		esc(w, upl_holiday_name(occ[i].key, w->trad));
		raw(w, " ");
		put_day(w, occ[i].date, 0);
	}
	raw(w, "</span>");
}

/* The statutory days off of one month, run by run ("国庆节 10月1日至7日"),
 * and its adjusted working days. */
static void
put_statutory(hw *w, int y, int m)
{
	upl_workday_info info;
	upl_date d, run = UPL_DATE_INIT;
	const char *key = NULL;
	int last = upl_date_days_in_month(y, m), day, off = 0, work = 0;
	upl_buf keep, wd = UPL_BUF_INIT;
	for (day = 1; day <= last + 1; day++) {
		int is_off = 0;
		if (day <= last && upl_date_make(&d, y, m, day) == 0 &&
		    upl_calendar_workday(&info, NULL, d) == 0) {
			is_off = info.status == UPL_DAY_OFF && strcmp(info.reason, "weekend") != 0;
			if (info.status == UPL_DAY_WORKDAY && strcmp(info.reason, "adjusted-workday") == 0) {
				keep = *w->b; /* the working days go to a line of their own */
				*w->b = wd;
				raw(w, work++ ? "、" : "");
				put_day(w, d, 1);
				wd = *w->b;
				*w->b = keep;
			}
		}
		if (key != NULL && (!is_off || strcmp(key, info.reason) != 0)) {
			raw(w, off++ ? "；" : "<span class=\"cal daysoff\">");
			esc(w, upl_holiday_name(key, w->trad));
			raw(w, " ");
			put_day(w, run, 0);
			if (day - 1 > run.day)
				upl__buf_printf(w->b, "至%d日", day - 1);
			esc(w, WORD(w, W_DAYS_OFF));
			key = NULL;
		}
		if (is_off && key == NULL) {
			key = info.reason;
			run = d;
		}
	}
	raw(w, off ? "</span>" : "");
	if (work > 0) {
		raw(w, "<span class=\"cal workdays\">");
		esc(w, WORD(w, W_WORKDAYS));
		raw(w, " ");
		upl__buf_put(w->b, wd.data, wd.len);
		raw(w, "</span>");
	}
	if (wd.failed)
		w->b->failed = 1;
	upl__buf_free(&wd);
}

/* ------------------------------------------------------------------------ */
/* The schedule                                                             */

/* An activity: label, text, its date, the holiday it names, and what the
 * official calendar says of its day. */
static void
put_activity(hw *w, const upl_node *a, long number)
{
	char *fresh = NULL;
	upl_date d = upl_node_date(a);
	const char *h = upl_node_holiday(a);
	upl_relation rel = upl_node_relation(a);
	raw(w, "<li class=\"activity\">");
	put_label(w, upl__export_label(w->flags, a, 3, number, &fresh));
	upl_free(fresh);
	esc(w, upl_node_text(a));
	if (d.month > 0) {
		raw(w, " <span class=\"mark date\">");
		put_time(w, d);
		raw(w, "</span>");
	}
	if (h != NULL) {
		raw(w, " <span class=\"mark holiday\">");
		esc(w, upl_holiday_name(h, w->trad));
		if (rel == UPL_RELATION_BEFORE || rel == UPL_RELATION_AFTER || rel == UPL_RELATION_DURING)
			esc(w, WORD(w, rel == UPL_RELATION_BEFORE ? W_BEFORE
					: rel == UPL_RELATION_AFTER ? W_AFTER : W_DURING));
		raw(w, "</span>");
	}
	put_day_status(w, d);
	put_inline(w, a);
	raw(w, "</li>\n");
}

/* The month's label without the colon that ends it in running text. */
static void
put_month_label(hw *w, const upl_node *m)
{
	const char *label = upl_node_label(m);
	size_t n;
	char made[48];
	if (label == NULL || *label == '\0') {
		if (upl_node_month_to(m) > 0)
			snprintf(made, sizeof made, "%d月至%d月", upl_node_month(m), upl_node_month_to(m));
		else
			snprintf(made, sizeof made, "%d月", upl_node_month(m));
		label = made;
	}
	n = strlen(label);
	if (n >= 3 && strcmp(label + n - 3, "：") == 0)
		n -= 3;
	else if (n >= 1 && label[n - 1] == ':')
		n -= 1;
	raw(w, "<span class=\"month-label\">");
	if (n == strlen(label)) {
		esc(w, label);
	} else {
		char *cut = upl__strndup(label, n);
		if (cut == NULL)
			w->b->failed = 1;
		esc(w, cut);
		upl__dealloc(cut);
	}
	raw(w, "</span>");
}

/* A month's row: its label, its year and month, the official calendar of
 * its months (when the year is known), then its activities. */
static void
put_month(hw *w, const upl_period *pd, const upl_node *m)
{
	int mo = upl_node_month(m), to = upl_node_month_to(m), y = upl_node_year(m), k, n;
	size_t i;
	long count = 0;
	if (y == 0)
		y = upl__export_month_year(pd, mo);
	n = to > 0 ? (to - mo + 12) % 12 + 1 : 1;
	upl__buf_printf(w->b, "<tr class=\"month\" id=\"m%u\">\n<th scope=\"row\">", ++w->rows);
	put_month_label(w, m);
	if (y > 0)
		upl__buf_printf(w->b, "<span class=\"ym\">%d年%d月%s</span>", y, mo,
				to > 0 ? "起" : "");
	for (k = 0; k < n && y > 0; k++) {
		int mm = (mo - 1 + k) % 12 + 1, yy = y + (mo - 1 + k) / 12;
		if (yy > 9999)
			break;
		put_festivals(w, yy, mm);
		if (upl_calendar_has_year(NULL, yy))
			put_statutory(w, yy, mm);
	}
	put_inline(w, m);
	raw(w, "</th>\n<td><ol class=\"activities\">\n");
	for (i = 0; i < upl_node_child_count(m); i++) {
		const upl_node *a = upl_node_child(m, i);
		if (upl_node_label(a) != NULL && upl_node_number(a) >= 0)
			count++;
		put_activity(w, a, count);
	}
	raw(w, "</ol></td>\n</tr>\n");
}

static void
put_schedule(hw *w, const upl_plan *p, const upl_node *s, int depth)
{
	upl_period pd = UPL_PERIOD_INIT;
	const char *h = upl_node_heading(s);
	size_t i;
	upl_plan_period(p, &pd);
	upl__buf_printf(w->b, "<section class=\"schedule\" id=\"s%u\">\n", ++w->seq);
	if (h != NULL)
		upl__buf_printf(w->b, "<h%d class=\"lv%d\">", depth + 1 > 6 ? 6 : depth + 1,
				depth > 4 ? 4 : depth);
	esc(w, h);
	if (h != NULL)
		upl__buf_printf(w->b, "</h%d>\n", depth + 1 > 6 ? 6 : depth + 1);
	put_inline(w, s);
	raw(w, "<table class=\"schedule\">\n<thead><tr><th scope=\"col\">");
	esc(w, WORD(w, W_MONTH));
	raw(w, "</th><th scope=\"col\">");
	esc(w, WORD(w, W_WORK));
	raw(w, "</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < upl_node_child_count(s); i++)
		if (upl_node_kind(upl_node_child(s, i)) == UPL_NODE_MONTH)
			put_month(w, &pd, upl_node_child(s, i));
	raw(w, "</tbody>\n</table>\n</section>\n");
}

/* ------------------------------------------------------------------------ */
/* The body                                                                 */

static void put_children(hw *w, const upl_plan *p, const upl_node *parent, int level, int depth);

/* A paragraph or a note: label and text. */
static void
put_paragraph(hw *w, const upl_node *n, const char *cls)
{
	upl__buf_printf(w->b, "<p%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	put_label(w, upl_node_label(n));
	esc(w, upl_node_text(n));
	put_inline(w, n);
	raw(w, "</p>\n");
}

/* A section: its heading (label and heading) at the rank of its depth,
 * styled by its GB/T 9704 level, then its children. */
static void
put_section(hw *w, const upl_plan *p, const upl_node *n, int level, long number, int depth)
{
	char *fresh = NULL;
	const char *label = upl__export_label(w->flags, n, level, number, &fresh);
	const char *h = upl_node_heading(n);
	int lv = upl_node_level(n) > 0 ? upl_node_level(n) : level, rank = depth + 1 > 6 ? 6 : depth + 1;
	upl__buf_printf(w->b, "<section class=\"part lv%d\" id=\"s%u\">\n", lv > 4 ? 4 : lv, ++w->seq);
	if (label != NULL || h != NULL) {
		upl__buf_printf(w->b, "<h%d class=\"lv%d\">", rank, lv > 4 ? 4 : lv);
		put_label(w, label);
		esc(w, h);
		upl__buf_printf(w->b, "</h%d>\n", rank);
	}
	upl_free(fresh);
	put_inline(w, n);
	put_children(w, p, n, level + 1, depth + 1);
	raw(w, "</section>\n");
}

/* An item: label, heading and text on one line, then its paragraphs and
 * sub-items. */
static void
put_item(hw *w, const upl_plan *p, const upl_node *n, int level, long number, int depth)
{
	char *fresh = NULL;
	const char *h = upl_node_heading(n);
	raw(w, "<div class=\"item\">\n<p>");
	put_label(w, upl__export_label(w->flags, n, level, number, &fresh));
	upl_free(fresh);
	if (h != NULL) {
		raw(w, "<strong class=\"item-heading\">");
		esc(w, h);
		raw(w, "</strong>");
	}
	esc(w, upl_node_text(n));
	put_inline(w, n);
	raw(w, "</p>\n");
	put_children(w, p, n, level + 1, depth);
	raw(w, "</div>\n");
}

static void
put_node(hw *w, const upl_plan *p, const upl_node *n, int level, long number, int depth)
{
	switch (upl_node_kind(n)) {
	case UPL_NODE_SECTION:
		put_section(w, p, n, level, number, depth);
		break;
	case UPL_NODE_ITEM:
		put_item(w, p, n, upl__export_child_level(n, level), number, depth);
		break;
	case UPL_NODE_SCHEDULE:
		put_schedule(w, p, n, depth);
		break;
	case UPL_NODE_NOTE:
		put_paragraph(w, n, "note");
		break;
	case UPL_NODE_MONTH:
	case UPL_NODE_ACTIVITY:
		break; /* only inside a schedule (the schema says so) */
	default:
		put_paragraph(w, n, NULL);
		break;
	}
}

/* Children in order; numbered ones counted from 1 by kind, as the text
 * export counts them for renumbering. */
static void
put_children(hw *w, const upl_plan *p, const upl_node *parent, int level, int depth)
{
	long counts[2] = { 0, 0 };
	size_t i;
	for (i = 0; i < upl_node_child_count(parent); i++) {
		const upl_node *c = upl_node_child(parent, i);
		put_node(w, p, c, level, upl__export_count(counts, c), depth);
	}
}

/* ------------------------------------------------------------------------ */
/* The table of contents                                                    */

/* The entries of a node and what it holds; the ids are those put_section
 * and put_schedule give, counted in the same order. */
static void
toc_node(hw *w, const upl_node *n, int level, long number, int top)
{
	char *fresh = NULL;
	const char *label, *h = upl_node_heading(n);
	size_t i, mark = 0;
	long counts[2] = { 0, 0 };
	int entry;
	upl_kind kind = upl_node_kind(n);
	if (kind == UPL_NODE_SCHEDULE) {
		++w->seq;
		if (top || h != NULL) {
			upl__buf_printf(w->b, "<li><a href=\"#s%u\">", w->seq);
			esc(w, h != NULL ? h : WORD(w, W_SCHEDULE));
			raw(w, "</a></li>\n");
		}
		return;
	}
	if (kind != UPL_NODE_SECTION)
		return;
	label = upl__export_label(w->flags, n, level, number, &fresh);
	entry = label != NULL || h != NULL;
	if (entry) {
		upl__buf_printf(w->b, "<li><a href=\"#s%u\">", ++w->seq);
		esc(w, label);
		esc(w, h);
		raw(w, "</a>\n<ol>\n");
		mark = w->b->len;
	} else {
		++w->seq;
	}
	upl_free(fresh);
	for (i = 0; i < upl_node_child_count(n); i++) {
		const upl_node *c = upl_node_child(n, i);
		long k = upl__export_count(counts, c);
		toc_node(w, c, level + 1, k, 0);
	}
	if (entry && w->b->len == mark && !w->b->failed) {
		/* no entry below it: no empty list */
		w->b->len -= strlen("\n<ol>\n");
		w->b->data[w->b->len] = '\0';
		raw(w, "</li>\n");
	} else if (entry) {
		raw(w, "</ol></li>\n");
	}
}

/* The plan's entries (numbered as put_blocks numbers them). */
static void
toc_plan(hw *w, const upl_plan *p)
{
	long sections = 0;
	size_t i;
	for (i = 0; i < upl_plan_block_count(p); i++) {
		const upl_node *n = upl_plan_block(p, i);
		if (upl_node_kind(n) == UPL_NODE_SECTION && upl_node_label(n) != NULL &&
		    upl_node_number(n) >= 0)
			sections++;
		toc_node(w, n, 1, sections, 1);
	}
}

/* ------------------------------------------------------------------------ */
/* Plans and the page                                                       */

/* 1 when a plan is in traditional script: its language says so, or the
 * text module reads its title and headings as traditional. */
static int
plan_is_trad(const upl_plan *p)
{
	const char *lang = upl_plan_lang(p);
	upl_buf t = UPL_BUF_INIT;
	upl_iter *it = NULL;
	upl_node *n;
	int trad;
	if (lang != NULL && strcmp(lang, "zh-Hant") == 0)
		return 1;
	upl__buf_puts(&t, upl_plan_title(p) ? upl_plan_title(p) : "");
	if (upl_iter_new(&it, p, UPL_KIND_ALL) == 0) {
		while (t.len < 4096 && upl_iter_next(it, &n) == 0) {
			upl__buf_puts(&t, upl_node_heading(n) ? upl_node_heading(n) : "");
			upl__buf_puts(&t, upl_node_text(n) ? upl_node_text(n) : "");
		}
		upl_iter_free(it);
	}
	trad = t.data != NULL && upl_text_script(t.data, t.len) == UPL_SCRIPT_HANT;
	upl__buf_free(&t);
	return trad;
}

static const char *
html_lang(int trad)
{
	return trad ? "zh-Hant" : "zh-CN";
}

/* One line of the title block, when there is text for it. */
static void
front_line(hw *w, const char *cls, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	upl__buf_printf(w->b, "<p class=\"%s\">", cls);
	esc(w, s);
	raw(w, "</p>\n");
}

/* The title block in the order of GB/T 9704: with a 发文字号, the issuing
 * body and the number above a red rule (the 版头), then the title; else
 * the title, then the issuing body; the period unless the title says
 * it; the authors. */
static void
put_front(hw *w, const upl_plan *p)
{
	const char *title = upl_plan_title(p), *org = upl_plan_organization(p);
	const char *num = upl_plan_docnumber(p);
	upl_period pd = UPL_PERIOD_INIT;
	size_t i;
	upl_plan_period(p, &pd);
	raw(w, "<header class=\"front\">\n");
	if (num != NULL) {
		front_line(w, "issuer", org);
		front_line(w, "docnumber", num);
		raw(w, "<hr class=\"rule\">\n");
	}
	if (title != NULL && *title != '\0') {
		raw(w, "<h1 class=\"title\">");
		esc(w, title);
		raw(w, "</h1>\n");
	}
	if (num == NULL && (title == NULL || org == NULL || strstr(title, org) == NULL))
		front_line(w, "org", org);
	if (pd.text != NULL && (title == NULL || strstr(title, pd.text) == NULL))
		front_line(w, "period", pd.text);
	for (i = 0; i < upl_plan_author_count(p); i++)
		front_line(w, "author", upl_plan_author(p, i));
	put_inline(w, p);
	raw(w, "</header>\n");
}

/* The plan's table of contents, after its title block; the ids counted
 * as the body will count them. Nothing when the plan has no entry. */
static void
put_toc(hw *w, const upl_plan *p)
{
	unsigned int keep = w->seq;
	upl_buf entries = UPL_BUF_INIT, *page = w->b;
	w->b = &entries;
	toc_plan(w, p);
	w->b = page;
	w->seq = keep;
	if (entries.failed)
		page->failed = 1;
	if (entries.len > 0) {
		raw(w, "<nav class=\"toc\" aria-label=\"");
		esc(w, WORD(w, W_TOC));
		raw(w, "\">\n<h2>");
		esc(w, WORD(w, W_TOC));
		raw(w, "</h2>\n<ol>\n");
		upl__buf_put(w->b, entries.data, entries.len);
		raw(w, "</ol>\n</nav>\n");
	}
	upl__buf_free(&entries);
}

static void
put_plan(hw *w, const upl_plan *p, size_t index, int page_trad)
{
	long sections = 0;
	size_t i;
	const char *issued = upl_plan_issued_text(p), *org = upl_plan_organization(p);
	w->trad = plan_is_trad(p);
	upl__buf_printf(w->b, "<article class=\"plan\" id=\"plan%zu\"", index + 1);
	if (w->trad != page_trad)
		upl__buf_printf(w->b, " lang=\"%s\"", html_lang(w->trad));
	raw(w, ">\n");
	put_front(w, p);
	put_toc(w, p);
	raw(w, "<div class=\"body\">\n");
	for (i = 0; i < upl_plan_block_count(p); i++) {
		const upl_node *n = upl_plan_block(p, i);
		if (upl_node_kind(n) == UPL_NODE_SECTION && upl_node_label(n) != NULL &&
		    upl_node_number(n) >= 0)
			sections++;
		put_node(w, p, n, 1, sections, 1);
	}
	raw(w, "</div>\n");
	if (issued != NULL) {
		raw(w, "<footer class=\"signoff\">\n");
		if (upl_plan_docnumber(p) != NULL)
			front_line(w, "signer", org);
		front_line(w, "issued", issued);
		raw(w, "</footer>\n");
	}
	raw(w, "</article>\n");
}

/* The style: a sheet of paper on screen; in print an A4 page with the
 * margins, fonts and sizes of GB/T 9704 (body 三号 16pt 仿宋 at 22 lines a
 * page, title 二号 22pt 小标宋, level-1 headings 黑体, level-2 楷体, page
 * numbers "— 1 —" at the foot). */
static const char style[] =
	":root{--ink:#1b1b1b;--red:#c8161d;--rule:#b9b3a6;--paper:#fff;"
	"--fangsong:FangSong,\"FangSong_GB2312\",\"仿宋\",\"仿宋_GB2312\",STFangsong,\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Songti SC\",serif;"
	"--song:\"FZXiaoBiaoSong-B05S\",\"方正小标宋简体\",SimSun,\"宋体\",STSong,\"Noto Serif CJK SC\",\"Source Han Serif SC\",serif;"
	"--hei:SimHei,\"黑体\",STHeiti,\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",sans-serif;"
	"--kai:KaiTi,\"楷体\",\"KaiTi_GB2312\",\"楷体_GB2312\",STKaiti,\"AR PL UKai CN\",\"Noto Serif CJK SC\",serif}\n"
	":lang(zh-Hant){--fangsong:FangSong,\"仿宋\",STFangsong,\"Noto Serif CJK TC\",\"Source Han Serif TC\",serif;"
	"--song:PMingLiU,MingLiU,\"新細明體\",SimSun,\"Noto Serif CJK TC\",\"Source Han Serif TC\",serif;"
	"--hei:\"Microsoft JhengHei\",SimHei,\"Noto Sans CJK TC\",\"Source Han Sans TC\",sans-serif;"
	"--kai:DFKai-SB,\"標楷體\",KaiTi,\"AR PL UKai TW\",\"Noto Serif CJK TC\",serif}\n"
	"html{background:#e8e4da;color:var(--ink)}\n"
	"body{margin:0;padding:24px 12px;font:16pt/1.8 var(--fangsong)}\n"
	".plan,.report{box-sizing:border-box;max-width:210mm;margin:0 auto 24px;background:var(--paper);"
	"box-shadow:0 1px 3px rgba(0,0,0,.18),0 6px 18px rgba(0,0,0,.08)}\n"
	".plan{padding:30mm 26mm 30mm 28mm}\n"
	".report{padding:10mm 26mm 10mm 28mm;font:12pt/1.7 var(--hei)}\n"
	".toc{font:11.5pt/1.7 var(--hei);margin:0 0 1.6em;padding:.6em 1.2em;border:1px solid #e2ddd0;background:#faf8f3}\n"
	".toc h2,.report h2{font:13pt var(--hei);margin:0 0 .3em;text-indent:0;letter-spacing:.3em}\n"
	".toc ol{list-style:none;margin:0;padding-left:2em}.toc>ol{padding-left:0}\n"
	".toc a{color:#23457a;text-decoration:none}.toc a:hover{text-decoration:underline}\n"
	".front{text-align:center;margin-bottom:1.2em}\n"
	".issuer{font:bold 26pt/1.4 var(--song);color:var(--red);letter-spacing:.1em;margin:0 0 .3em}\n"
	".docnumber{margin:0}\n"
	".rule{border:0;border-top:2px solid var(--red);margin:.4em 0 1.6em}\n"
	"h1.title{font:bold 22pt/1.5 var(--song);margin:.3em 0 .6em;letter-spacing:.02em}\n"
	".front p{margin:0;text-indent:0;text-align:center}.org,.period,.author{font-family:var(--kai)}\n"
	"h2,h3,h4,h5,h6{font-size:16pt;line-height:1.8;margin:.35em 0 0;text-indent:2em;font-weight:normal}\n"
	"h2.lv1,h3.lv1,h4.lv1,h5.lv1,h6.lv1{font-family:var(--hei);margin-top:.6em}\n"
	".lv2{font-family:var(--kai)}h3.lv2,h4.lv2,h5.lv2{font-family:var(--kai)}\n"
	"h3.lv3,h4.lv3,h5.lv3,h6.lv3{font-weight:bold}\n"
	"p{margin:0;text-indent:2em;text-align:justify}\n"
	".item-heading{font-weight:bold}\n"
	".note{font-family:var(--kai)}\n"
	".signoff{text-align:right;margin-top:2em;padding-right:4em}.signoff p{text-indent:0;text-align:right}\n"
	"section.schedule{margin:.6em 0}\n"
	"table.schedule{width:100%;border-collapse:collapse;font-size:13pt;line-height:1.6;margin:.4em 0}\n"
	"table.schedule th,table.schedule td{border:1px solid #555;padding:.25em .5em;vertical-align:top;text-align:left}\n"
	"table.schedule thead th{font-family:var(--hei);font-weight:normal;text-align:center;background:#f3efe6}\n"
	"table.schedule tbody th{width:8.5em;font-weight:normal}\n"
	".month-label{display:block;font-family:var(--hei)}\n"
	".ym,.cal{display:block;font-size:9.5pt;line-height:1.5;color:#555}\n"
	".cal.daysoff{color:var(--red)}.cal.workdays{color:#23457a}\n"
	".activities{margin:0;padding:0;list-style:none}\n"
	".activities li{padding:.05em 0}\n"
	".mark{font-size:9.5pt;white-space:nowrap;border:1px solid currentColor;border-radius:3px;padding:0 .3em;margin-left:.25em}\n"
	".mark.date{color:#444}.mark.holiday{color:#8b4513}.mark.dayoff{color:var(--red);background:#fdeeee}"
	".mark.workday{color:#23457a;background:#eef2fb}\n"
	".mark time{font:inherit}\n"
	".diag{display:block;font:10pt/1.5 var(--hei);text-indent:0;text-align:left;margin:.2em 0 .2em 2em;"
	"padding:.15em .6em;border-left:4px solid;background:#fff7e0}\n"
	".diag a{color:inherit;text-decoration:none}\n"
	".diag.error{border-color:var(--red);background:#fdecec}.diag.warning{border-color:#d08a00}"
	".diag.note{border-color:#3b6fb6;background:#eef3fb}\n"
	".diag .sev{font-weight:bold}.diag code{font-size:9pt;color:#666}\n"
	".report p{text-indent:0}.report ol{margin:0;padding:0;list-style:none}"
	".report .diag,td .diag,th .diag{margin-left:0}\n"
	"@media (max-width:800px){body{padding:0}.plan,.report{padding:16px;box-shadow:none;margin:0 0 8px}}\n"
	"@page{size:A4;margin:37mm 26mm 35mm 28mm}\n"
	"@page:right{@bottom-right{content:\"— \" counter(page) \" —\";font:14pt SimSun,\"Noto Serif CJK SC\",serif;margin-right:1em}}\n"
	"@page:left{@bottom-left{content:\"— \" counter(page) \" —\";font:14pt SimSun,\"Noto Serif CJK SC\",serif;margin-left:1em}}\n"
	"@media print{html{background:none}body{padding:0;line-height:28.9pt}"
	".plan,.report{max-width:none;margin:0;padding:0;box-shadow:none}"
	".toc{display:none}.report{margin-bottom:1em}"
	".plan+.plan{break-before:page}h1,h2,h3,h4,h5,h6{break-after:avoid}tr,.diag{break-inside:avoid}"
	"thead{display:table-header-group}a{color:inherit;text-decoration:none}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* The page title: the first plan's title, else the document's name. */
static const char *
page_title(const upl_doc *doc)
{
	size_t i;
	for (i = 0; i < upl_doc_plan_count(doc); i++) {
		const char *t = upl_plan_title(upl_doc_plan(doc, i));
		if (t != NULL && *t != '\0')
			return t;
	}
	return upl_doc_name(doc) ? upl_doc_name(doc) : "工会工作计划";
}

static void
put_page(hw *w, const upl_doc *doc)
{
	int trad = plan_is_trad(upl_doc_plan(doc, 0));
	size_t i;
	upl__buf_printf(w->b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			"<meta name=\"generator\" content=\"libunionplan\">\n<title>", html_lang(trad));
	esc(w, page_title(doc));
	raw(w, "</title>\n<style>\n");
	raw(w, style);
	raw(w, "</style>\n</head>\n<body>\n");
	w->trad = trad;
	if (w->report != NULL)
		put_report(w);
	raw(w, "<main>\n");
	for (i = 0; i < upl_doc_plan_count(doc) && w->rc == 0; i++)
		put_plan(w, upl_doc_plan(doc, i), i, trad);
	raw(w, "</main>\n</body>\n</html>\n");
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                             */

int
upl_export_html_report_buffer(char **out, size_t *len, const upl_doc *doc,
			      const upl_report *report, const upl_export_options *opts,
			      upl_error **err)
{
	const unsigned int known = UPL_EXPORT_POSITIONS | UPL_EXPORT_PRETTY | UPL_EXPORT_RENUMBER |
				   UPL_EXPORT_DIAGNOSTICS;
	upl_buf b = UPL_BUF_INIT;
	hw w;
	int rc;
	memset(&w, 0, sizeof w);
	if ((rc = upl__export_doc_args(out, doc, opts, known, &w.flags, err)) != 0)
		return rc;
	w.b = &b;
	w.err = err;
	w.report = report;
	if (report != NULL)
		w.rc = place_diags(&w, doc);
	if (w.rc == 0)
		put_page(&w, doc);
	upl__dealloc(w.placed);
	upl__dealloc(w.inline_shown);
	return upl__buf_finish(&b, w.rc, out, len, err);
}

int
upl_export_html_buffer(char **out, size_t *len, const upl_doc *doc,
		       const upl_export_options *opts, upl_error **err)
{
	upl_validate_options vo = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *report = NULL;
	unsigned int flags;
	int rc;
	if (out == NULL || doc == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if ((rc = upl__export_opts(opts, UPL_EXPORT_POSITIONS | UPL_EXPORT_PRETTY |
				   UPL_EXPORT_RENUMBER | UPL_EXPORT_DIAGNOSTICS, &flags, err)) != 0)
		return rc;
	if (!(flags & UPL_EXPORT_DIAGNOSTICS))
		return upl_export_html_report_buffer(out, len, doc, NULL, opts, err);
	vo.lang = "zh-Hans";
	if ((rc = upl_report_new(&report)) != 0)
		return upl__error_set(err, rc, NULL, 0, 0, "out of memory");
	if (upl_doc_plan_count(doc) == 0)
		rc = upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "the document has no plans");
	else
		rc = upl_doc_validate(report, doc, &vo, err);
	if (rc == 0)
		rc = upl_export_html_report_buffer(out, len, doc, report, opts, err);
	upl_report_free(report);
	return rc;
}

int
upl_export_html_file(const upl_doc *doc, const char *path, const upl_export_options *opts,
		     upl_error **err)
{
	return upl__export_doc_file(upl_export_html_buffer, doc, path, opts, err);
}

int
upl_export_html_report_file(const upl_doc *doc, const upl_report *report, const char *path,
			    const upl_export_options *opts, upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (path == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no file name given");
	rc = upl_export_html_report_buffer(&data, &len, doc, report, opts, err);
	return upl__write_built(path, rc, data, len, err);
}

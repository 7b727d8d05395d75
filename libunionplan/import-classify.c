/* The importer's fourth stage: what each line is, found from its own
 * text (import-head.c recognises the pieces; the builder decides from the
 * context). */
#include "config.h"

#include <unionplan/text.h>

#include "import-private.h"

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

/* A line that opens with a month phrase: a month heading (F_MONTH), or a
 * month followed directly by text (F_MONTH_LOOSE); maybe a date too. */
static void
classify_month(const char *s, size_t len, imp_info *in)
{
	size_t k, n;
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

/* A remark as GB/T 9704 writes one (附注): a line wholly in round
 * brackets, indented two full-width spaces, after a blank line. */
static int
remark(const imp_line *l)
{
	const char *s = l->text;
	size_t len = l->len, i = 0, k;
	int depth = 0;
	if (!l->blank_before || !upl__imp_starts(l->indent, strlen(l->indent), "\xE3\x80\x80") ||
	    !upl__imp_starts(s, len, "（") || !upl__imp_ends(s, len, "）"))
		return 0;
	while (i < len) { /* the first bracket closes at the end */
		unsigned int cp = upl__utf8_next(s + i, len - i, &k);
		i += k;
		if (cp == 0xFF08)
			depth++;
		else if (cp == 0xFF09 && --depth == 0)
			return i == len;
	}
	return 0;
}

/* What line l is; with long set the line is known to be too long for a
 * heading, and with no_title to be no title, and those are not looked for
 * (their tests read the whole line). */
static void
classify(const imp_line *l, imp_info *in, int long_line, int no_title)
{
	const char *s = l->text;
	size_t len = l->len, n;
	int piece, comp;
	memset(in, 0, sizeof *in);
	if (upl_text_month_parse(&in->mon, s, len) == 0)
		classify_month(s, len, in);
	if (!(in->flags & F_MONTH) && upl_text_label_parse(&in->lab, s, len) == 0) {
		in->flags |= F_LABEL;
		return;
	}
	if (in->flags & F_MONTH)
		return;
	if (remark(l)) {
		in->flags |= F_REMARK;
		return;
	}
	if (!no_title && upl__imp_piece_marker(s, len, &piece)) {
		in->flags |= F_TITLE | F_PIECE | F_MARK_PIECE | F_MARKER;
		in->piece = piece;
		return;
	}
	if (!no_title && upl__imp_title(s, len, &piece, &comp)) {
		in->flags |= F_TITLE | (piece ? F_PIECE : 0u) | (piece < 0 ? F_MARK_PIECE : 0u) |
			     (comp ? F_COMPILATION : 0u);
		in->piece = piece < 0 ? -piece : piece;
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
	if (!long_line && upl__imp_heading(s, len)) {
		in->flags |= F_HEADING;
		return;
	}
	if (upl__imp_org(s, len))
		in->flags |= F_ORG;
}


void
upl__imp_classify(const imp_line *l, imp_info *in)
{
	classify(l, in, 0, 0);
	upl__imp_loose_label(l, in);
}

void
upl__imp_classify_joined(const imp_line *l, imp_info *in, size_t cps, size_t open)
{
	int no_title;
	if (cps <= 70) {
		classify(l, in, 0, 0);
		return;
	}
	/* A heading has at most 25 code points. A title has at most 60 once a
	 * trailing 篇N and a bracketed remark are taken off: a line of over 70
	 * that ends in neither a digit nor a closing bracket is none, nor is one
	 * whose last opening bracket has more than 60 before it. */
	no_title = !upl__imp_ends(l->text, l->len, ")") && !upl__imp_ends(l->text, l->len, "）") &&
		   !(l->text[l->len - 1] >= '0' && l->text[l->len - 1] <= '9');
	if (!no_title && !(l->text[l->len - 1] >= '0' && l->text[l->len - 1] <= '9'))
		no_title = open == (size_t)-1 ||
			   upl__imp_count_upto(l->text, upl__imp_space_before(l->text, open), 60) > 60;
	classify(l, in, 1, no_title);
}

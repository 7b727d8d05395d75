/* Text module: month headings (九月份, 七、八月份, 二○一三年一月份) and date
 * phrases (9月10日, 12/31, 2012-09-10, 三.八). */
#include "config.h"

#include <unionplan/date.h>

#include "text-private.h"

#define CP_NIAN 0x5E74  /* 年 */
#define CP_YUE  0x6708  /* 月 */
#define CP_FEN  0x4EFD  /* 份 */
#define CP_RI   0x65E5  /* 日 */
#define CP_HAO  0x53F7  /* 号 */
#define CP_HAO2 0x865F  /* 號 */

static int
is_dash(int32_t c)
{
	switch (c) {
	case '-': case '~':
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
	case 0x2500: /* ─ */
	case 0xFF0D: /* － */
	case 0xFF5E: /* ～ */
	case 0x301C: /* 〜 */
		return 1;
	default:
		return 0;
	}
}

static int
is_comma(int32_t c)
{
	return c == 0x3001 || c == 0xFF0C || c == ',' || c == 0xFF64 || c == 0xFE51;
}

static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
	return i + upl_text_space_len(s + i, n - i);
}

/* A dash group at s[i] (spaces around it allowed): one or more dashes, or
 * one 至 / 到. Returns 1 and *end after it. */
static int
dash_group(const char *s, size_t n, size_t i, size_t *end)
{
	size_t l, j = skip_spaces(s, n, i);
	int32_t c = upl__text_peek(s, n, j, &l);
	if (c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */) {
		*end = skip_spaces(s, n, j + l);
		return 1;
	}
	if (!is_dash(c))
		return 0;
	while (is_dash(upl__text_peek(s, n, j, &l)))
		j += l;
	*end = skip_spaces(s, n, j);
	return 1;
}

/* A month number followed by 月: *m and *end after 月. */
static int
month_then_yue(const char *s, size_t n, size_t i, int *m, size_t *end)
{
	int v, han;
	size_t e, l;
	if (!upl__text_small_number(s, n, i, &v, &e, &han))
		return 0;
	if (upl__text_peek(s, n, e, &l) != CP_YUE)
		return 0;
	*m = v;
	*end = e + l;
	return 1;
}

/* What may follow a month heading: not a numeral (a date), not a part of
 * the month (初 底 末 上旬 中旬 下旬 前 后 後 以 间 間). */
static int
month_end_ok(const char *s, size_t n, size_t i)
{
	size_t l, l2;
	int32_t c = upl__text_peek(s, n, i, &l);
	int32_t c2;
	if (c < 0)
		return 1;
	if (upl__text_digit(c) >= 0 || upl__text_is_han_numeral_char(c))
		return 0;
	switch (c) {
	case 0x521D: /* 初 */
	case 0x5E95: /* 底 */
	case 0x672B: /* 末 */
	case 0x524D: /* 前 */
	case 0x540E: /* 后 */
	case 0x5F8C: /* 後 */
	case 0x4EE5: /* 以 */
	case 0x95F4: /* 间 */
	case 0x9593: /* 間 */
		return 0;
	case 0x4E0A: /* 上 */
	case 0x4E2D: /* 中 */
	case 0x4E0B: /* 下 */
		c2 = upl__text_peek(s, n, i + l, &l2);
		return c2 != 0x65EC; /* 旬 */
	default:
		return 1;
	}
}

int
upl_text_month_parse(upl_text_month *out, const char *s, size_t len)
{
	size_t n, start, i, l, e;
	int year = 0, unknown = 0, m, to = 0, han;
	int32_t c;

	if (out == NULL || s == NULL)
		return UPL_EINVAL;
	n = upl__text_len(s, len);
	start = i = upl_text_space_len(s, n);

	/* a year: 2013年 二○一三年 xx年 */
	{
		int y, u;
		if (upl__text_year(s, n, i, &y, &u, &e) && upl__text_peek(s, n, e, &l) == CP_NIAN) {
			year = y;
			unknown = u;
			i = e + l;
		}
	}
	if (!upl__text_small_number(s, n, i, &m, &e, &han))
		return UPL_ENOTFOUND;
	c = upl__text_peek(s, n, e, &l);
	if (c == CP_YUE) {
		size_t j, k;
		i = e + l;
		j = i;
		if (upl__text_peek(s, n, j, &l) == CP_FEN)
			j += l;
		/* 7月—8月 7月份至8月份 */
		if (!(dash_group(s, n, j, &k) && month_then_yue(s, n, k, &to, &i)))
			to = 0;
	} else if (is_comma(c)) {
		/* 七、八月 7、8月 */
		if (!month_then_yue(s, n, e + l, &to, &i))
			return UPL_ENOTFOUND;
	} else if (dash_group(s, n, e, &i)) {
		/* 7-8月 1———2月 7至8月 */
		if (!month_then_yue(s, n, i, &to, &i))
			return UPL_ENOTFOUND;
	} else if (han && m >= 1 && m <= 8 && c != 0x4E24 && c != 0x5169 &&
		   upl__text_han_digit(c) == m + 1) {
		/* 七八月: the next month, written next to it */
		size_t l2;
		if (upl__text_peek(s, n, e + l, &l2) != CP_YUE)
			return UPL_ENOTFOUND;
		to = m + 1;
		i = e + l + l2;
	} else {
		return UPL_ENOTFOUND;
	}
	if (m < 1 || m > 12 || to < 0 || to > 12)
		return UPL_ENOTFOUND;
	if (to == m)
		to = 0;
	if (upl__text_peek(s, n, i, &l) == CP_FEN)
		i += l;
	if (!month_end_ok(s, n, i))
		return UPL_ENOTFOUND;

	out->year = year;
	out->year_unknown = unknown;
	out->month = m;
	out->to = to;
	out->len = i - start;
	e = skip_spaces(s, n, i);
	c = upl__text_peek(s, n, e, &l);
	if (c == 0xFF1A /* ： */ || c == ':')
		e = skip_spaces(s, n, e + l);
	out->text_offset = e;
	return 0;
}

/* --- dates ----------------------------------------------------------------------- */

static int
valid_date(int year, int month, int day)
{
	return month >= 1 && month <= 12 && day >= 1 && day <= upl_date_days_in_month(year, month);
}

static int
is_anon_start(int32_t c)
{
	return c == 'x' || c == 'X' || c == 0xD7 || c == '_' || c == 0xFF3F || c == 0xFF58 ||
	       c == 0xFF38;
}

static int
is_ascii_alnum(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* One or two Arabic digits at s[i], not followed by a third. */
static int
arabic_small(const char *s, size_t n, size_t i, int *v, size_t *end)
{
	int han;
	size_t l;
	int32_t c = upl__text_peek(s, n, i, &l);
	if (upl__text_digit(c) < 0)
		return 0;
	return upl__text_small_number(s, n, i, v, end, &han) && !han;
}

static int
han_small(const char *s, size_t n, size_t i, int *v, size_t *end)
{
	int han;
	size_t l;
	int32_t c = upl__text_peek(s, n, i, &l);
	if (upl__text_digit(c) >= 0)
		return 0;
	if (!upl__text_small_number(s, n, i, v, end, &han) || !han)
		return 0;
	/* 二十八九 or 一百: more numeral follows, not a small number */
	return !upl__text_is_han_numeral_char(upl__text_peek(s, n, *end, &l));
}

/* A day of one or two digits glued to a following four-digit year and 年,
 * as scraped pages join lines ("XX-02-262017年度"): the day ends before
 * the year. */
static int
glued_day(const char *s, size_t n, size_t i, int *v, size_t *end)
{
	size_t l, j = i, pos[8];
	int digits[8], k = 0, d;
	while (k < 8 && (d = upl__text_digit(upl__text_peek(s, n, j, &l))) >= 0) {
		digits[k] = d;
		pos[k] = j;
		j += l;
		k++;
	}
	if ((k != 5 && k != 6) || upl__text_peek(s, n, j, &l) != CP_NIAN)
		return 0;
	*v = k == 5 ? digits[0] : digits[0] * 10 + digits[1];
	*end = pos[k - 4];
	return 1;
}

static int
is_day_mark(int32_t c)
{
	return c == CP_RI || c == CP_HAO || c == CP_HAO2;
}

static int
is_ymd_sep(int32_t c)
{
	return c == '-' || c == '.' || c == '/' || c == 0xFF0D || c == 0xFF0E || c == 0xFF0F;
}

/* Quotes and brackets, each opener with its closer. */
static const int32_t brackets[][2] = {
	{ '"', '"' }, { '\'', '\'' }, { '(', ')' }, { '[', ']' },
	{ 0x201C, 0x201D }, /* “ ” */
	{ 0x2018, 0x2019 }, /* ‘ ’ */
	{ 0x300C, 0x300D }, /* 「 」 */
	{ 0x300E, 0x300F }, /* 『 』 */
	{ 0xFF08, 0xFF09 }, /* （ ） */
	{ 0x3010, 0x3011 }, /* 【 】 */
	{ 0x300A, 0x300B }, /* 《 》 */
	{ 0x3008, 0x3009 }, /* 〈 〉 */
	{ 0xFF3B, 0xFF3D }, /* ［ ］ */
};

/* 1 if c opens (side 0) or closes (side 1) a quote or bracket. */
static int
is_bracket(int32_t c, int side)
{
	size_t k;
	for (k = 0; k < sizeof brackets / sizeof brackets[0]; k++)
		if (brackets[k][side] == c)
			return 1;
	return 0;
}

/* Outcome of trying one start position. */
enum { NO_MATCH = 0, MATCH = 1, IMPOSSIBLE = 2 };

/* One start position p in s[0..n), the character before it, and what the
 * character at it may begin. */
typedef struct date_at {
	const char *s;
	size_t n, p;
	int32_t prev;
	int arabic;    /* an Arabic digit */
	int hanstart;  /* a Chinese numeral character */
	int anon;      /* an anonymising mark (xx年) */
} date_at;

/* What a date form read: a date that may still be impossible (2/30), and
 * the offset after it. */
typedef struct date_read {
	int year, month, day;
	size_t end;
} date_read;

/* M月D日 at i (Arabic or Chinese numbers, mixed). */
static int
try_md_yue(const char *s, size_t n, size_t i, int *m, int *d, size_t *end)
{
	size_t e, l;
	if (!month_then_yue(s, n, i, m, &e))
		return 0;
	if (arabic_small(s, n, e, d, &e) || han_small(s, n, e, d, &e)) {
		if (is_day_mark(upl__text_peek(s, n, e, &l))) {
			*end = e + l;
			return 1;
		}
	}
	return 0;
}

/* 2012年9月10日, xx年9月10日, 二〇一二年九月十日 */
static int
form_year_md(const date_at *a, date_read *r)
{
	size_t e, l;
	int unknown;
	if (!upl__text_year(a->s, a->n, a->p, &r->year, &unknown, &e) ||
	    upl__text_peek(a->s, a->n, e, &l) != CP_NIAN)
		return 0;
	return try_md_yue(a->s, a->n, e + l, &r->month, &r->day, &r->end);
}

/* 2012-09-10 2012.9.10 2012/9/10 XX-02-26 (the same separator twice; a
 * day glued to a following year ends before it) */
static int
form_ymd(const date_at *a, date_read *r)
{
	const char *s = a->s;
	size_t n = a->n, e, e2, l, l2, l3;
	int unknown, glued = 0;
	int32_t sep, after;
	if (!upl__text_year(s, n, a->p, &r->year, &unknown, &e))
		return 0;
	sep = upl__text_peek(s, n, e, &l);
	if (!is_ymd_sep(sep) || !(a->arabic || (a->anon && e - a->p >= 2)))
		return 0;
	if (!arabic_small(s, n, e + l, &r->month, &e2) || upl__text_peek(s, n, e2, &l2) != sep)
		return 0;
	if (!arabic_small(s, n, e2 + l2, &r->day, &e2) &&
	    !(glued = glued_day(s, n, e2 + l2, &r->day, &e2)))
		return 0;
	after = upl__text_peek(s, n, e2, &l3);
	if (!glued && (upl__text_digit(after) >= 0 || is_ymd_sep(after)))
		return 0;
	r->end = e2;
	return 1;
}

/* 9月10日 九月十日 */
static int
form_md(const date_at *a, date_read *r)
{
	if (a->anon)
		return 0;
	r->year = 0;
	return try_md_yue(a->s, a->n, a->p, &r->month, &r->day, &r->end);
}

/* Arabic M, the separator sep (ASCII, or its full-width form) and Arabic D
 * at the position, not inside a longer run of digits and separators: 1
 * with the date in *r and the character after it in *after. */
static int
arabic_md(const date_at *a, int32_t sep, date_read *r, int32_t *after)
{
	int32_t wide = sep + 0xFEE0, c;
	size_t e, l;
	if (!a->arabic || a->prev == sep || a->prev == wide ||
	    !arabic_small(a->s, a->n, a->p, &r->month, &e))
		return 0;
	c = upl__text_peek(a->s, a->n, e, &l);
	if ((c != sep && c != wide) || !arabic_small(a->s, a->n, e + l, &r->day, &r->end))
		return 0;
	*after = upl__text_peek(a->s, a->n, r->end, &l);
	r->year = 0;
	return upl__text_digit(*after) < 0 && *after != sep && *after != wide;
}

/* 9/10 12/31 */
static int
form_slash(const date_at *a, date_read *r)
{
	int32_t after;
	return arabic_md(a, '/', r, &after);
}

/* 1 if one of 节 節 follows at i within four Han characters (3.8妇女节). */
static int
festival_follows(const char *s, size_t n, size_t i)
{
	size_t l;
	int k;
	for (k = 0; k < 4; k++) {
		int32_t h = upl__text_peek(s, n, i, &l);
		if (h == 0x8282 /* 节 */ || h == 0x7BC0 /* 節 */)
			return 1;
		if (h < 0 || !upl__is_han((uint32_t)h))
			return 0;
		i += l;
	}
	return 0;
}

/* 3.8 only in quotes or brackets, or before …节, and only a possible date:
 * otherwise it is a number (13.5, 3.8%), and the search goes on. */
static int
form_dot(const date_at *a, date_read *r)
{
	int32_t after;
	if (!arabic_md(a, '.', r, &after) || is_ascii_alnum(a->prev) || after == '%' ||
	    after == 0xFF05 || is_ascii_alnum(after))
		return 0;
	if (!(is_bracket(a->prev, 0) && is_bracket(after, 1)) && !festival_follows(a->s, a->n, r->end))
		return 0;
	return valid_date(0, r->month, r->day);
}

/* 三.八 五.一 三・八 */
static int
form_han_dot(const date_at *a, date_read *r)
{
	size_t e, l;
	int32_t sep;
	if (!a->hanstart || !han_small(a->s, a->n, a->p, &r->month, &e))
		return 0;
	sep = upl__text_peek(a->s, a->n, e, &l);
	if (sep != '.' && sep != 0xFF0E && sep != 0x00B7 && sep != 0x30FB && sep != 0x2027)
		return 0;
	r->year = 0;
	return han_small(a->s, a->n, e + l, &r->day, &r->end);
}

/* The date forms, in the order they are tried at a position: the first
 * that reads decides. */
static int (*const date_forms[])(const date_at *, date_read *) = {
	form_year_md, form_ymd, form_md, form_slash, form_dot, form_han_dot,
};

/* Try the date forms at p. A form that reads an impossible date (2/30)
 * gives IMPOSSIBLE, with *resume after it. */
static int
try_at(upl_text_date *out, const char *s, size_t n, size_t p, int32_t prev, size_t *resume)
{
	date_at a;
	size_t l, k;
	int32_t c = upl__text_peek(s, n, p, &l);

	a.s = s;
	a.n = n;
	a.p = p;
	a.prev = prev;
	a.arabic = upl__text_digit(c) >= 0;
	a.hanstart = !a.arabic && upl__text_is_han_numeral_char(c);
	a.anon = is_anon_start(c);
	/* a date starts a number, not in the middle of one */
	if ((a.arabic && upl__text_digit(prev) >= 0) ||
	    (a.hanstart && upl__text_is_han_numeral_char(prev)) ||
	    (a.anon && (is_ascii_alnum(prev) || is_anon_start(prev))) ||
	    (!a.arabic && !a.hanstart && !a.anon))
		return NO_MATCH;
	for (k = 0; k < sizeof date_forms / sizeof date_forms[0]; k++) {
		date_read r;
		if (!date_forms[k](&a, &r))
			continue;
		*resume = r.end;
		if (!valid_date(r.year, r.month, r.day))
			return IMPOSSIBLE;
		out->year = r.year;
		out->month = r.month;
		out->day = r.day;
		out->start = p;
		out->len = r.end - p;
		return MATCH;
	}
	return NO_MATCH;
}

int
upl_text_date_find(upl_text_date *out, const char *s, size_t len, size_t from)
{
	size_t n, p;

	if (out == NULL || s == NULL)
		return UPL_EINVAL;
	n = upl__text_len(s, len);
	if (from > n)
		return UPL_ENOTFOUND;
	p = from;
	/* start on a character boundary */
	while (p < n && (((const unsigned char *)s)[p] & 0xC0) == 0x80)
		p++;
	while (p < n) {
		size_t lp, resume = 0, l;
		int32_t prev = upl__text_prev(s, p, &lp);
		upl_text_date d;
		int r;
		memset(&d, 0, sizeof d);
		r = try_at(&d, s, n, p, prev, &resume);
		if (r == MATCH) {
			*out = d;
			return 0;
		}
		if (r == IMPOSSIBLE && resume > p) {
			p = resume;
			continue;
		}
		(void)upl__text_peek(s, n, p, &l);
		p += l ? l : 1;
	}
	return UPL_ENOTFOUND;
}

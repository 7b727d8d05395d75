/* Festivals: keys, Chinese names and aliases, recognition in running text,
 * dates in a given year, and the festivals between two dates. */
#include "config.h"

#include <string.h>

#include "holidays-private.h"
#include "lunar-private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

enum {
	NEW_YEAR, EVE, SPRING, LANTERN, WOMENS, ARBOR, QINGMING, LABOUR, YOUTH,
	CHILDRENS, DRAGON, PARTY, ARMY, QIXI, TEACHERS, MID_AUTUMN, NATIONAL,
	DOUBLE_NINTH, SOLSTICE, LABA
};

/* kind; month and day (Gregorian or lunar; the solar term in `day`; 除夕
 * is lunar 12/0: the day before 正月初一). */
static const struct festival {
	const char *key;
	const char *hans;
	const char *hant;
	unsigned char kind, month, day;
} festivals[UPL__HOLIDAY_COUNT] = {
	{ "new-year", "元旦", "元旦", UPL_HOLIDAY_GREGORIAN, 1, 1 },
	{ "spring-festival-eve", "除夕", "除夕", UPL_HOLIDAY_LUNAR, 12, 0 },
	{ "spring-festival", "春节", "春節", UPL_HOLIDAY_LUNAR, 1, 1 },
	{ "lantern", "元宵节", "元宵節", UPL_HOLIDAY_LUNAR, 1, 15 },
	{ "womens-day", "妇女节", "婦女節", UPL_HOLIDAY_GREGORIAN, 3, 8 },
	{ "arbor-day", "植树节", "植樹節", UPL_HOLIDAY_GREGORIAN, 3, 12 },
	{ "qingming", "清明节", "清明節", UPL_HOLIDAY_SOLAR_TERM, 0, UPL_TERM_QINGMING },
	{ "labour-day", "劳动节", "勞動節", UPL_HOLIDAY_GREGORIAN, 5, 1 },
	{ "youth-day", "青年节", "青年節", UPL_HOLIDAY_GREGORIAN, 5, 4 },
	{ "childrens-day", "儿童节", "兒童節", UPL_HOLIDAY_GREGORIAN, 6, 1 },
	{ "dragon-boat", "端午节", "端午節", UPL_HOLIDAY_LUNAR, 5, 5 },
	{ "party-day", "建党节", "建黨節", UPL_HOLIDAY_GREGORIAN, 7, 1 },
	{ "army-day", "建军节", "建軍節", UPL_HOLIDAY_GREGORIAN, 8, 1 },
	{ "qixi", "七夕", "七夕", UPL_HOLIDAY_LUNAR, 7, 7 },
	{ "teachers-day", "教师节", "教師節", UPL_HOLIDAY_GREGORIAN, 9, 10 },
	{ "mid-autumn", "中秋节", "中秋節", UPL_HOLIDAY_LUNAR, 8, 15 },
	{ "national-day", "国庆节", "國慶節", UPL_HOLIDAY_GREGORIAN, 10, 1 },
	{ "double-ninth", "重阳节", "重陽節", UPL_HOLIDAY_LUNAR, 9, 9 },
	{ "winter-solstice", "冬至", "冬至", UPL_HOLIDAY_SOLAR_TERM, 0, UPL_TERM_DONGZHI },
	{ "laba", "腊八节", "臘八節", UPL_HOLIDAY_LUNAR, 12, 8 }
};

/* ------------------------------------------------------------------------ */
/* Keys and names                                                           */

size_t
upl_holiday_count(void)
{
	return UPL__HOLIDAY_COUNT;
}

const char *
upl_holiday_key(size_t i)
{
	return i < UPL__HOLIDAY_COUNT ? festivals[i].key : NULL;
}

int
upl__holiday_index_n(const char *key, size_t len)
{
	size_t i;
	if (key == NULL)
		return -1;
	for (i = 0; i < UPL__HOLIDAY_COUNT; i++)
		if (strlen(festivals[i].key) == len && memcmp(festivals[i].key, key, len) == 0)
			return (int)i;
	return -1;
}

int
upl__holiday_index(const char *key)
{
	return key ? upl__holiday_index_n(key, strlen(key)) : -1;
}

int
upl_holiday_kind_of(const char *key)
{
	int i = upl__holiday_index(key);
	return i < 0 ? UPL_EINVAL : festivals[i].kind;
}

const char *
upl_holiday_name(const char *key, int traditional)
{
	int i = upl__holiday_index(key);
	if (i >= 0)
		return traditional ? festivals[i].hant : festivals[i].hans;
	/* the one reason of an arrangement that is not a festival (2015) */
	if (key != NULL && strcmp(key, "victory-day") == 0)
		return traditional ? "抗戰勝利紀念日" : "抗战胜利纪念日";
	return NULL;
}

/* ------------------------------------------------------------------------ */
/* Aliases                                                                  */

enum {
	A_NUMERIC = 1,        /* a number in running text: needs context */
	A_NAME_ONLY = 2,      /* a common word inside other words: whole names only */
	A_NOT_BEFORE_DAY = 4  /* a Gregorian date when 日/号 follows */
};

struct alias {
	const char *text;
	unsigned char len;
	unsigned char fest;
	unsigned char flags;
};

#define A(s, f, fl) { s, (unsigned char)(sizeof(s) - 1), f, fl }

/* Simplified and traditional forms; the festival's own names are here too. */
static const struct alias aliases[] = {
	A("元旦", NEW_YEAR, 0), A("元旦节", NEW_YEAR, 0), A("元旦節", NEW_YEAR, 0),

	A("除夕", EVE, 0), A("除夕夜", EVE, 0), A("大年三十", EVE, 0), A("大年夜", EVE, 0),
	A("年三十", EVE, A_NAME_ONLY),

	A("春节", SPRING, 0), A("春節", SPRING, 0), A("新春", SPRING, 0),
	A("大年初一", SPRING, 0), A("正月初一", SPRING, 0),
	A("农历新年", SPRING, 0), A("農曆新年", SPRING, 0), A("过年", SPRING, A_NAME_ONLY),
	A("過年", SPRING, A_NAME_ONLY),

	A("元宵", LANTERN, 0), A("元宵节", LANTERN, 0), A("元宵節", LANTERN, 0),
	A("正月十五", LANTERN, 0), A("上元节", LANTERN, 0), A("上元節", LANTERN, 0),

	A("妇女节", WOMENS, 0), A("婦女節", WOMENS, 0), A("三八节", WOMENS, 0), A("三八節", WOMENS, 0),
	A("三八妇女节", WOMENS, 0), A("三八婦女節", WOMENS, 0),
	A("国际妇女节", WOMENS, 0), A("國際婦女節", WOMENS, 0),
	A("国际劳动妇女节", WOMENS, 0), A("國際勞動婦女節", WOMENS, 0),
	A("三八国际妇女节", WOMENS, 0), A("三八國際婦女節", WOMENS, 0),
	A("三八", WOMENS, A_NUMERIC), A("三・八", WOMENS, A_NUMERIC), A("三·八", WOMENS, A_NUMERIC),
	A("三.八", WOMENS, A_NUMERIC), A("三．八", WOMENS, A_NUMERIC), A("3.8", WOMENS, A_NUMERIC),
	A("3·8", WOMENS, A_NUMERIC), A("3・8", WOMENS, A_NUMERIC),

	A("植树节", ARBOR, 0), A("植樹節", ARBOR, 0),

	A("清明", QINGMING, 0), A("清明节", QINGMING, 0), A("清明節", QINGMING, 0),

	A("劳动节", LABOUR, 0), A("勞動節", LABOUR, 0), A("五一劳动节", LABOUR, 0), A("五一勞動節", LABOUR, 0),
	A("国际劳动节", LABOUR, 0), A("國際勞動節", LABOUR, 0),
	A("五一国际劳动节", LABOUR, 0), A("五一國際勞動節", LABOUR, 0),
	A("五一", LABOUR, A_NUMERIC), A("五・一", LABOUR, A_NUMERIC), A("五·一", LABOUR, A_NUMERIC),
	A("五.一", LABOUR, A_NUMERIC), A("五．一", LABOUR, A_NUMERIC), A("5.1", LABOUR, A_NUMERIC),
	A("5·1", LABOUR, A_NUMERIC), A("5・1", LABOUR, A_NUMERIC),

	A("青年节", YOUTH, 0), A("青年節", YOUTH, 0), A("五四青年节", YOUTH, 0), A("五四青年節", YOUTH, 0),
	A("五四", YOUTH, A_NUMERIC), A("五・四", YOUTH, A_NUMERIC), A("五·四", YOUTH, A_NUMERIC),
	A("五.四", YOUTH, A_NUMERIC), A("五．四", YOUTH, A_NUMERIC),

	A("儿童节", CHILDRENS, 0), A("兒童節", CHILDRENS, 0), A("六一儿童节", CHILDRENS, 0),
	A("六一兒童節", CHILDRENS, 0), A("国际儿童节", CHILDRENS, 0), A("國際兒童節", CHILDRENS, 0),
	A("六一", CHILDRENS, A_NUMERIC), A("六・一", CHILDRENS, A_NUMERIC), A("六·一", CHILDRENS, A_NUMERIC),
	A("六.一", CHILDRENS, A_NUMERIC), A("六．一", CHILDRENS, A_NUMERIC),

	A("端午", DRAGON, 0), A("端午节", DRAGON, 0), A("端午節", DRAGON, 0),
	A("端阳", DRAGON, 0), A("端陽", DRAGON, 0), A("端阳节", DRAGON, 0), A("端陽節", DRAGON, 0),
	A("五月初五", DRAGON, 0),

	A("建党节", PARTY, 0), A("建黨節", PARTY, 0), A("七一建党节", PARTY, 0), A("七一建黨節", PARTY, 0),
	A("七一", PARTY, A_NUMERIC), A("七・一", PARTY, A_NUMERIC), A("七·一", PARTY, A_NUMERIC),
	A("七.一", PARTY, A_NUMERIC), A("七．一", PARTY, A_NUMERIC),

	A("建军节", ARMY, 0), A("建軍節", ARMY, 0), A("八一建军节", ARMY, 0), A("八一建軍節", ARMY, 0),
	A("八一", ARMY, A_NUMERIC), A("八・一", ARMY, A_NUMERIC), A("八·一", ARMY, A_NUMERIC),
	A("八.一", ARMY, A_NUMERIC), A("八．一", ARMY, A_NUMERIC),

	A("七夕", QIXI, 0), A("七夕节", QIXI, 0), A("七夕節", QIXI, 0), A("七月初七", QIXI, 0),
	A("乞巧节", QIXI, 0), A("乞巧節", QIXI, 0),

	A("教师节", TEACHERS, 0), A("教師節", TEACHERS, 0),

	A("中秋", MID_AUTUMN, 0), A("中秋节", MID_AUTUMN, 0), A("中秋節", MID_AUTUMN, 0),
	A("八月十五", MID_AUTUMN, A_NOT_BEFORE_DAY),

	A("国庆", NATIONAL, 0), A("國慶", NATIONAL, 0), A("国庆节", NATIONAL, 0), A("國慶節", NATIONAL, 0),
	A("十一", NATIONAL, A_NUMERIC),

	A("重阳", DOUBLE_NINTH, 0), A("重陽", DOUBLE_NINTH, 0), A("重阳节", DOUBLE_NINTH, 0),
	A("重陽節", DOUBLE_NINTH, 0), A("九九重阳", DOUBLE_NINTH, 0), A("九九重陽", DOUBLE_NINTH, 0),
	A("九九重阳节", DOUBLE_NINTH, 0), A("九九重陽節", DOUBLE_NINTH, 0),
	A("敬老节", DOUBLE_NINTH, 0), A("敬老節", DOUBLE_NINTH, 0), A("老年节", DOUBLE_NINTH, 0),
	A("老年節", DOUBLE_NINTH, 0), A("老人节", DOUBLE_NINTH, 0), A("老人節", DOUBLE_NINTH, 0),
	A("九月初九", DOUBLE_NINTH, 0),

	A("冬至", SOLSTICE, 0), A("冬至节", SOLSTICE, 0), A("冬至節", SOLSTICE, 0),

	A("腊八", LABA, 0), A("臘八", LABA, 0), A("腊八节", LABA, 0), A("臘八節", LABA, 0),
	A("腊月初八", LABA, 0), A("臘月初八", LABA, 0)
};

/* Strings that may follow a numeric alias in running text. */
static const char *const context_after[] = {
	"节", "節", "假", "长假", "長假", "小长假", "小長假", "黄金周", "黃金週", "黄金週",
	"期间", "期間", "前夕", "前后", "前後", "前", "后", "後", "活动", "活動"
};

/* Words of celebration that may precede a numeric alias at the end of a
 * phrase: 迎五一。庆十一， */
static const char *const context_before[] = {
	"庆", "慶", "迎", "祝", "度"
};

/* Characters that make a numeric alias part of a larger number when they
 * precede it: 第十一, 二十一, 13.8. */
static const char *const numeral_before[] = {
	"〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千",
	"万", "萬", "两", "兩", "第", "初", "廿", "卅", ".", "．", "·", "・"
};

/* Characters after which a phrase is over. */
static const char *const phrase_end[] = {
	"，", "。", "；", "：", "！", "？", "、", "）", "」", "』", "”", "’", "《", "》",
	"\"", "'", ",", ".", ";", ":", "!", "?", ")", " ", "\t", "\r", "\n", "　"
};

static const char *const open_quotes[] = { "“", "‘", "「", "『", "＂", "\"", "'" };
static const char *const close_quotes[] = { "”", "’", "」", "』", "＂", "\"", "'" };

/* Length of the string of list[] that text[p..end) starts with, or 0. */
static size_t
starts_with_any(const char *p, const char *end, const char *const *list, size_t n)
{
	size_t i, k;
	for (i = 0; i < n; i++) {
		k = strlen(list[i]);
		if ((size_t)(end - p) >= k && memcmp(p, list[i], k) == 0)
			return k;
	}
	return 0;
}

/* Whether text[begin..p) ends with one of list[]. */
static int
ends_with_any(const char *begin, const char *p, const char *const *list, size_t n)
{
	size_t i, k;
	for (i = 0; i < n; i++) {
		k = strlen(list[i]);
		if ((size_t)(p - begin) >= k && memcmp(p - k, list[i], k) == 0)
			return 1;
	}
	return 0;
}

/* The start of the character before p (p > begin). */
static const char *
prev_char(const char *begin, const char *p)
{
	do
		p--;
	while (p > begin && ((unsigned char)*p & 0xc0) == 0x80);
	return p;
}

static int
is_digit_at(const char *p, const char *end)
{
	/* ASCII or full-width digits (U+FF10..U+FF19: EF BC 90..99) */
	if (p < end && *p >= '0' && *p <= '9')
		return 1;
	return end - p >= 3 && (unsigned char)p[0] == 0xef && (unsigned char)p[1] == 0xbc &&
	       (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99;
}

/* The longest non-numeric name of festival f (or 节) at p: a "tail" that
 * completes a numeric form (三・八妇女节, “五一”国际劳动节). */
static size_t
tail_at(const char *p, const char *end, int f)
{
	size_t i, best = 0;
	for (i = 0; i < COUNT(aliases); i++) {
		const struct alias *a = &aliases[i];
		if (a->fest != f || (a->flags & (A_NUMERIC | A_NAME_ONLY)) || a->len <= best)
			continue;
		if ((size_t)(end - p) >= a->len && memcmp(p, a->text, a->len) == 0)
			best = a->len;
	}
	if (best == 0)
		best = starts_with_any(p, end, (const char *const[]){ "节", "節" }, 2);
	return best;
}

/* Whether a numeric alias at text[p..e) stands for its festival in running
 * text (outside quotation marks): not part of a larger number, and followed
 * by a name of the same festival (has_tail), by a word of context, or ending
 * a phrase after a word of celebration. */
static int
numeric_context_ok(const char *begin, const char *p, const char *e, const char *end, int has_tail)
{
	if (p > begin) {
		const char *q = prev_char(begin, p);
		if (is_digit_at(q, end) || ends_with_any(begin, p, numeral_before, COUNT(numeral_before)))
			return 0;
	}
	if (has_tail || starts_with_any(e, end, context_after, COUNT(context_after)))
		return 1;
	if (p > begin && ends_with_any(begin, p, context_before, COUNT(context_before)) &&
	    (e == end || starts_with_any(e, end, phrase_end, COUNT(phrase_end))))
		return 1;
	return 0;
}

/* The best match at p. whole: the text is a whole name (no context rules,
 * name-only aliases allowed). Returns the festival index or -1, and the
 * length in *len. */
static int
match_at(const char *begin, const char *p, const char *end, int whole, size_t *len)
{
	size_t i, best_len = 0, q, c;
	int best = -1;

	/* A quoted numeric form: “十一”, "五一"国际劳动节 */
	q = starts_with_any(p, end, open_quotes, COUNT(open_quotes));
	if (q) {
		for (i = 0; i < COUNT(aliases); i++) {
			const struct alias *a = &aliases[i];
			const char *e = p + q + a->len;
			size_t n;
			if (!(a->flags & A_NUMERIC) || (size_t)(end - (p + q)) < a->len ||
			    memcmp(p + q, a->text, a->len) != 0)
				continue;
			c = starts_with_any(e, end, close_quotes, COUNT(close_quotes));
			if (!c)
				continue;
			n = q + a->len + c;
			n += tail_at(p + n, end, a->fest);
			if (n > best_len) {
				best_len = n;
				best = a->fest;
			}
		}
	}
	for (i = 0; i < COUNT(aliases); i++) {
		const struct alias *a = &aliases[i];
		const char *e = p + a->len;
		size_t n = a->len;
		if ((size_t)(end - p) < a->len || *p != a->text[0] ||
		    memcmp(p, a->text, a->len) != 0)
			continue;
		if (!whole) {
			if (a->flags & A_NAME_ONLY)
				continue;
			if ((a->flags & A_NOT_BEFORE_DAY) &&
			    starts_with_any(e, end, (const char *const[]){ "日", "号", "號" }, 3))
				continue;
		}
		if (a->flags & A_NUMERIC) {
			size_t t = tail_at(e, end, a->fest);
			if (!whole && !numeric_context_ok(begin, p, e, end, t > 0))
				continue;
			n += t;
		}
		if (n > best_len) {
			best_len = n;
			best = a->fest;
		}
	}
	*len = best_len;
	return best;
}

int
upl_holiday_from_name(const char **key, const char *name, size_t len)
{
	size_t n, q, c;
	int f;
	if (key == NULL || name == NULL)
		return UPL_EINVAL;
	if (len == (size_t)-1)
		len = strlen(name);
	if (len == 0)
		return UPL_ENOTFOUND;
	f = upl__holiday_index_n(name, len);
	if (f >= 0) {
		*key = festivals[f].key;
		return 0;
	}
	f = match_at(name, name, name + len, 1, &n);
	if (f >= 0 && n == len) {
		*key = festivals[f].key;
		return 0;
	}
	/* A name in quotation marks: “中秋” */
	q = starts_with_any(name, name + len, open_quotes, COUNT(open_quotes));
	if (q) {
		const char *end = name + len;
		size_t i;
		for (i = 0; i < COUNT(close_quotes); i++) {
			c = strlen(close_quotes[i]);
			if (len >= q + c && memcmp(end - c, close_quotes[i], c) == 0) {
				f = match_at(name + q, name + q, end - c, 1, &n);
				if (f >= 0 && n == len - q - c) {
					*key = festivals[f].key;
					return 0;
				}
			}
		}
	}
	return UPL_ENOTFOUND;
}

int
upl_holiday_find(upl_holiday_match *out, const char *text, size_t len, size_t from)
{
	const char *p, *end;
	size_t n;
	int f;
	if (out == NULL || text == NULL || from > len)
		return UPL_EINVAL;
	end = text + len;
	p = text + from;
	while (p < end && ((unsigned char)*p & 0xc0) == 0x80)
		p++;
	for (; p < end; p++) {
		if (((unsigned char)*p & 0xc0) == 0x80)
			continue;
		f = match_at(text, p, end, 0, &n);
		if (f >= 0) {
			out->key = festivals[f].key;
			out->start = (size_t)(p - text);
			out->len = n;
			return 0;
		}
	}
	return UPL_ENOTFOUND;
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                    */

/* Day count of a lunar festival day of lunar year ly. 除夕 is the last day
 * of the 12th month: the day before 正月初一 of ly + 1, or the last day of
 * the table for its last year. */
static int
lunar_days(long *out, const struct festival *f, int ly)
{
	int rc;
	if (f->day != 0)
		return upl__lunar_to_days(out, NULL, ly, f->month, 0, f->day);
	if (ly == UPL_LUNAR_TABLE_LAST_YEAR) {
		*out = upl__lunar_table_end() - 1;
		return 0;
	}
	rc = upl__lunar_to_days(out, NULL, ly + 1, 1, 0, 1);
	if (rc == 0)
		(*out)--;
	return rc;
}

/* Up to two occurrences of festival i in Gregorian year y, in date order. */
static int
occurrences(upl_date *out, int *n, int i, int y)
{
	const struct festival *f = &festivals[i];
	long z, lo, hi;
	upl_date d;
	int rc, ly;
	*n = 0;
	switch (f->kind) {
	case UPL_HOLIDAY_GREGORIAN:
		out[0].year = y;
		out[0].month = f->month;
		out[0].day = f->day;
		*n = 1;
		return 0;
	case UPL_HOLIDAY_SOLAR_TERM:
		rc = upl_solar_term_date(&out[0], y, f->day);
		if (rc == 0)
			*n = 1;
		return rc;
	default:
		break;
	}
	d.year = y;
	d.month = 1;
	d.day = 1;
	upl_date_to_days(&lo, d);
	d.month = 12;
	d.day = 31;
	upl_date_to_days(&hi, d);
	/* A festival of lunar year y - 1 (除夕, 腊八) or y falls in year y. */
	for (ly = y - 1; ly <= y; ly++) {
		if (ly < (f->day == 0 ? 0 : 1))
			continue;
		rc = lunar_days(&z, f, ly);
		if (rc == UPL_EINVAL || rc == UPL_ERANGE)
			continue;
		if (rc != 0)
			return rc;
		if (z < lo || z > hi)
			continue;
		if (upl_date_from_days(&out[*n], z) != 0)
			continue;
		(*n)++;
	}
	return 0;
}

int
upl_holiday_date(upl_date *out, const char *key, int year)
{
	upl_date d[2];
	int n, rc, i = upl__holiday_index(key);
	if (out == NULL || i < 0 || year < 1 || year > 9999)
		return UPL_EINVAL;
	rc = occurrences(d, &n, i, year);
	if (rc != 0)
		return rc;
	if (n == 0)
		return UPL_ENOTFOUND;
	*out = d[0];
	return 0;
}

int
upl_holiday_list(upl_holiday_occurrence *out, size_t max, size_t *count, upl_date from, upl_date to)
{
	upl_holiday_occurrence year_list[2 * UPL__HOLIDAY_COUNT];
	size_t total = 0, m, a, b;
	int y, i, k, n, rc;
	upl_date d[2];
	if (count == NULL || (out == NULL && max > 0) || !upl_date_is_valid(from) ||
	    !upl_date_is_valid(to) || upl_date_compare(from, to) > 0)
		return UPL_EINVAL;
	*count = 0;
	for (y = from.year; y <= to.year; y++) {
		m = 0;
		for (i = 0; i < UPL__HOLIDAY_COUNT; i++) {
			rc = occurrences(d, &n, i, y);
			if (rc != 0)
				return rc;
			for (k = 0; k < n; k++) {
				if (upl_date_compare(d[k], from) < 0 || upl_date_compare(d[k], to) > 0)
					continue;
				year_list[m].date = d[k];
				year_list[m].key = festivals[i].key;
				m++;
			}
		}
		/* Insertion sort by date; equal dates keep key order. */
		for (a = 1; a < m; a++) {
			upl_holiday_occurrence t = year_list[a];
			for (b = a; b > 0 && upl_date_compare(year_list[b - 1].date, t.date) > 0; b--)
				year_list[b] = year_list[b - 1];
			year_list[b] = t;
		}
		for (a = 0; a < m; a++, total++)
			if (total < max)
				out[total] = year_list[a];
	}
	*count = total;
	return total > max ? UPL_ERANGE : 0;
}

/* The occurrence nearest to a span: the rules and the importer both place a
 * holiday an activity names in the years around its month. */
int
upl__holiday_nearest(upl_date *out, const char *key, upl_date first, upl_date last)
{
	long lo, hi, best = -1;
	int y;
	if (upl_date_to_days(&lo, first) != 0 || upl_date_to_days(&hi, last) != 0)
		return UPL_EINVAL;
	for (y = first.year - 1; y <= last.year + 1; y++) {
		upl_date hd;
		long d, dist;
		if (upl_holiday_date(&hd, key, y) != 0 || upl_date_to_days(&d, hd) != 0)
			continue;
		dist = d < lo ? lo - d : d > hi ? d - hi : 0;
		if (best < 0 || dist < best) {
			best = dist;
			*out = hd;
		}
	}
	return best < 0 ? UPL_ENOTFOUND : 0;
}

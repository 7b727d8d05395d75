/* The Chinese lunisolar calendar: conversions through the library's own
 * table for lunar years 1901-2100 and through ICU outside it; names. */
#include "config.h"

#include "lunar-private.h"

#define FIRST UPL_LUNAR_TABLE_FIRST_YEAR
#define LAST UPL_LUNAR_TABLE_LAST_YEAR

/* ------------------------------------------------------------------------ */
/* The packed table                                                         */

/* Fields of a packed year. */
#define WORD_LEAP(w) ((int)(((w) >> 13) & 0xf))
#define WORD_DOY(w) ((long)(((w) >> 17) & 0x3f))
#define WORD_MONTHS(w) (WORD_LEAP(w) ? 13 : 12)
#define WORD_LEN(w, i) (29 + (int)(((w) >> (i)) & 1))

/* 正月初一 of table year index i. */
static long
cny_days(int i)
{
	upl_date jan1;
	long z;
	jan1.year = FIRST + i;
	jan1.month = 1;
	jan1.day = 1;
	upl_date_to_days(&z, jan1);
	return z + WORD_DOY(upl__lunar_table[i]);
}

static int
year_days(uint32_t w)
{
	int i, n = 0;
	for (i = 0; i < WORD_MONTHS(w); i++)
		n += WORD_LEN(w, i);
	return n;
}

long
upl__lunar_table_begin(void)
{
	return cny_days(0);
}

long
upl__lunar_table_end(void)
{
	return cny_days(UPL__LUNAR_TABLE_YEARS - 1) +
	       year_days(upl__lunar_table[UPL__LUNAR_TABLE_YEARS - 1]);
}

/* First day (0-based offset from 正月初一) of the month at position k. */
static int
month_start(uint32_t w, int k)
{
	uint32_t mask = (1u << k) - 1;
#if defined(__GNUC__)
	return 29 * k + __builtin_popcount(w & mask);
#else
	int n = 0;
	for (w &= mask; w; w &= w - 1)
		n++;
	return 29 * k + n;
#endif
}

/* The fast path: no loop, no division by a variable, no allocation. d must
 * be a valid date. */
int
upl__lunar_table_from_date(upl_lunar_date *out, upl_date d)
{
	static const unsigned short before[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
	};
	int i = d.year - FIRST, k, leap, n, start;
	long off = before[d.month - 1] + d.day - 1 + (d.month > 2 && upl_date_is_leap_year(d.year));
	uint32_t w;
	if (i < 0 || i > UPL__LUNAR_TABLE_YEARS)
		return UPL_ENOTFOUND;
	if (i < UPL__LUNAR_TABLE_YEARS && off >= WORD_DOY(upl__lunar_table[i])) {
		off -= WORD_DOY(upl__lunar_table[i]);
	} else {
		/* before 正月初一: the lunar year that began the year before */
		if (--i < 0)
			return UPL_ENOTFOUND;
		off += 365 + upl_date_is_leap_year(d.year - 1) - WORD_DOY(upl__lunar_table[i]);
	}
	w = upl__lunar_table[i];
	n = WORD_MONTHS(w);
	/* 29k <= start(k) <= 30k: off / 30 is the month or the one before it */
	k = (int)(off / 30);
	if (k + 1 < n && month_start(w, k + 1) <= off)
		k++;
	if (k >= n)
		return UPL_ENOTFOUND; /* after the last month of the table */
	start = month_start(w, k);
	if (off - start >= WORD_LEN(w, k))
		return UPL_ENOTFOUND;
	leap = WORD_LEAP(w);
	out->year = FIRST + i;
	/* Position k: months 1..leap are at 0..leap-1, the leap copy at leap,
	 * month m > leap at m. */
	if (leap && k >= leap) {
		out->month = k == leap ? leap : k;
		out->leap = k == leap;
	} else {
		out->month = k + 1;
		out->leap = 0;
	}
	out->day = (int)(off - start) + 1;
	out->source = UPL_LUNAR_SOURCE_TABLE;
	return 0;
}

int
upl__lunar_table_from_days(upl_lunar_date *out, long z)
{
	upl_date d;
	if (upl_date_from_days(&d, z) != 0)
		return UPL_ENOTFOUND;
	return upl__lunar_table_from_date(out, d);
}

/* Position of a month in table year w, or -1 if the year has no such month. */
static int
month_pos(uint32_t w, int month, int leap)
{
	int lm = WORD_LEAP(w);
	if (leap)
		return lm == month ? month : -1;
	return (lm && month > lm) ? month : month - 1;
}

int
upl__lunar_table_to_days(long *out, int year, int month, int leap, int day)
{
	uint32_t w;
	long z;
	int pos;
	if (year < FIRST || year > LAST)
		return UPL_ENOTFOUND;
	w = upl__lunar_table[year - FIRST];
	pos = month_pos(w, month, leap);
	if (pos < 0 || day < 1 || day > WORD_LEN(w, pos))
		return UPL_EINVAL;
	z = cny_days(year - FIRST) + month_start(w, pos);
	*out = z + day - 1;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Public conversions                                                       */

static int
lunar_args_ok(int year, int month, int leap, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
	       (leap == 0 || leap == 1) && day >= 1 && day <= 30;
}

int
upl__lunar_to_days(long *out, upl_lunar_source *source, int year, int month, int leap, int day)
{
	int rc;
	if (!lunar_args_ok(year, month, leap, day))
		return UPL_EINVAL;
	if (year >= FIRST && year <= LAST) {
		rc = upl__lunar_table_to_days(out, year, month, leap, day);
		if (source)
			*source = UPL_LUNAR_SOURCE_TABLE;
		return rc;
	}
	rc = upl__lunar_icu_to_days(out, year, month, leap, day);
	if (source)
		*source = UPL_LUNAR_SOURCE_ICU;
	return rc;
}

int
upl_lunar_from_date(upl_lunar_date *out, upl_date d)
{
	long z;
	upl_lunar_date r;
	int rc;
	if (out == NULL || !upl_date_is_valid(d))
		return UPL_EINVAL;
	rc = upl__lunar_table_from_date(&r, d);
	if (rc == UPL_ENOTFOUND) {
		upl_date_to_days(&z, d);
		rc = upl__lunar_icu_from_days(&r, z);
		if (rc == 0 && r.year < 1)
			rc = UPL_ERANGE;
	}
	if (rc != 0)
		return rc;
	*out = r;
	return 0;
}

int
upl_lunar_to_date(upl_date *out, upl_lunar_source *source, int year, int month, int leap, int day)
{
	long z;
	upl_date d;
	upl_lunar_source src;
	int rc;
	if (out == NULL)
		return UPL_EINVAL;
	rc = upl__lunar_to_days(&z, &src, year, month, leap, day);
	if (rc != 0)
		return rc;
	if (upl_date_from_days(&d, z) != 0)
		return UPL_ERANGE;
	*out = d;
	if (source)
		*source = src;
	return 0;
}

int
upl_lunar_month_days(int year, int month, int leap)
{
	long a, b;
	int rc;
	if (!lunar_args_ok(year, month, leap, 1))
		return UPL_EINVAL;
	if (year >= FIRST && year <= LAST) {
		uint32_t w = upl__lunar_table[year - FIRST];
		int pos = month_pos(w, month, leap);
		return pos < 0 ? UPL_EINVAL : WORD_LEN(w, pos);
	}
	rc = upl__lunar_icu_to_days(&a, year, month, leap, 1);
	if (rc != 0)
		return rc;
	rc = upl__lunar_icu_to_days(&b, year, month, leap, 30);
	if (rc == UPL_EINVAL)
		return 29;
	return rc != 0 ? rc : 30;
}

int
upl_lunar_leap_month(int year)
{
	int m, rc;
	long z;
	if (year < 1 || year > 9999)
		return UPL_EINVAL;
	if (year >= FIRST && year <= LAST)
		return WORD_LEAP(upl__lunar_table[year - FIRST]);
	for (m = 1; m <= 12; m++) {
		rc = upl__lunar_icu_to_days(&z, year, m, 1, 1);
		if (rc == 0)
			return m;
		if (rc != UPL_EINVAL)
			return rc;
	}
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

static const char ganzhi[60][7] = {
	"甲子", "乙丑", "丙寅", "丁卯", "戊辰", "己巳", "庚午", "辛未", "壬申", "癸酉",
	"甲戌", "乙亥", "丙子", "丁丑", "戊寅", "己卯", "庚辰", "辛巳", "壬午", "癸未",
	"甲申", "乙酉", "丙戌", "丁亥", "戊子", "己丑", "庚寅", "辛卯", "壬辰", "癸巳",
	"甲午", "乙未", "丙申", "丁酉", "戊戌", "己亥", "庚子", "辛丑", "壬寅", "癸卯",
	"甲辰", "乙巳", "丙午", "丁未", "戊申", "己酉", "庚戌", "辛亥", "壬子", "癸丑",
	"甲寅", "乙卯", "丙辰", "丁巳", "戊午", "己未", "庚申", "辛酉", "壬戌", "癸亥"
};

static const char zodiac[2][12][4] = {
	{ "鼠", "牛", "虎", "兔", "龙", "蛇", "马", "羊", "猴", "鸡", "狗", "猪" },
	{ "鼠", "牛", "虎", "兔", "龍", "蛇", "馬", "羊", "猴", "雞", "狗", "豬" }
};

/* [traditional][leap][month - 1] */
static const char month_names[2][2][12][10] = {
	{ { "正月", "二月", "三月", "四月", "五月", "六月",
	    "七月", "八月", "九月", "十月", "冬月", "腊月" },
	  { "闰正月", "闰二月", "闰三月", "闰四月", "闰五月", "闰六月",
	    "闰七月", "闰八月", "闰九月", "闰十月", "闰冬月", "闰腊月" } },
	{ { "正月", "二月", "三月", "四月", "五月", "六月",
	    "七月", "八月", "九月", "十月", "冬月", "臘月" },
	  { "閏正月", "閏二月", "閏三月", "閏四月", "閏五月", "閏六月",
	    "閏七月", "閏八月", "閏九月", "閏十月", "閏冬月", "閏臘月" } }
};

static const char day_names[30][7] = {
	"初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十",
	"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
	"廿一", "廿二", "廿三", "廿四", "廿五", "廿六", "廿七", "廿八", "廿九", "三十"
};

/* Position in the 60-year cycle: 4 CE (and 1984, 2044) is 甲子. */
static int
cycle(int year)
{
	return ((year - 4) % 60 + 60) % 60;
}

const char *
upl_lunar_ganzhi(int year)
{
	if (year < 1 || year > 9999)
		return NULL;
	return ganzhi[cycle(year)];
}

const char *
upl_lunar_zodiac(int year, int traditional)
{
	if (year < 1 || year > 9999)
		return NULL;
	return zodiac[traditional != 0][cycle(year) % 12];
}

const char *
upl_lunar_month_name(int month, int leap, int traditional)
{
	if (month < 1 || month > 12 || (leap != 0 && leap != 1))
		return NULL;
	return month_names[traditional != 0][leap][month - 1];
}

const char *
upl_lunar_day_name(int day)
{
	if (day < 1 || day > 30)
		return NULL;
	return day_names[day - 1];
}

int
upl_lunar_format(char *buf, size_t size, const upl_lunar_date *date, unsigned int flags)
{
	const char *parts[5];
	size_t n = 0, i, len = 0, k;
	int trad = (flags & UPL_LUNAR_FORMAT_TRADITIONAL) != 0;
	if (buf == NULL || size == 0)
		return UPL_EINVAL;
	buf[0] = '\0';
	if (date == NULL || !lunar_args_ok(date->year, date->month, date->leap, date->day) ||
	    (flags & ~7u) != 0)
		return UPL_EINVAL;
	if (!(flags & UPL_LUNAR_FORMAT_NO_YEAR)) {
		parts[n++] = upl_lunar_ganzhi(date->year);
		if (flags & UPL_LUNAR_FORMAT_ZODIAC)
			parts[n++] = upl_lunar_zodiac(date->year, trad);
		parts[n++] = "年";
	}
	parts[n++] = upl_lunar_month_name(date->month, date->leap, trad);
	parts[n++] = upl_lunar_day_name(date->day);
	for (i = 0; i < n; i++)
		len += strlen(parts[i]);
	if (len + 1 > size)
		return UPL_ERANGE;
	for (i = 0, len = 0; i < n; i++) {
		k = strlen(parts[i]);
		memcpy(buf + len, parts[i], k);
		len += k;
	}
	buf[len] = '\0';
	return 0;
}

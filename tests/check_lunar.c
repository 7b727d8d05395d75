/* Unit tests for the lunar calendar (include/unionplan/calendar.h): every
 * month of the reference table, round trips over 1901-2100, ICU against
 * the table, invalid dates, names. White-box: links the convenience
 * library to ask ICU directly. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

#include "lunar-private.h"

/* ------------------------------------------------------------------------ */
/* Day numbers                                                              */

static long
days_of(upl_date d)
{
	long z;
	ck_assert_int_eq(upl_date_to_days(&z, d), 0);
	return z;
}

/* ------------------------------------------------------------------------ */

/* Every one of the 2,473 months: its first and last day both ways, its
 * length, and that a day 30 does not exist in a 29-day month. */
START_TEST(test_every_month)
{
	char *buf = test_slurp("tests/data/lunar/lunar-months-1901-2100.csv", NULL), *p = buf, *line;
	int rows = 0, leap_months = 0;
	test_next_line(&p); /* header */
	while ((line = test_next_line(&p)) != NULL) {
		int y, m, leap, days;
		char start[11];
		upl_date s, e, d;
		upl_lunar_date l;
		upl_lunar_source src = 0;
		ck_assert_int_eq(sscanf(line, "%d,%d,%d,%10[^,],%d", &y, &m, &leap, start, &days), 5);
		s = test_iso(start);
		upl_date_add_days(&e, s, days - 1);
		ck_assert_int_eq(upl_lunar_to_date(&d, &src, y, m, leap, 1), 0);
		ck_assert_int_eq(upl_date_compare(d, s), 0);
		ck_assert_int_eq(src, UPL_LUNAR_SOURCE_TABLE);
		ck_assert_int_eq(upl_lunar_to_date(&d, NULL, y, m, leap, days), 0);
		ck_assert_int_eq(upl_date_compare(d, e), 0);
		ck_assert_int_eq(upl_lunar_month_days(y, m, leap), days);
		if (days == 29)
			ck_assert_int_eq(upl_lunar_to_date(&d, NULL, y, m, leap, 30), UPL_EINVAL);
		ck_assert_int_eq(upl_lunar_from_date(&l, s), 0);
		ck_assert_msg(l.year == y && l.month == m && l.leap == leap && l.day == 1 &&
			      l.source == UPL_LUNAR_SOURCE_TABLE, "%s: got %d-%d-%d-%d", start,
			      l.year, l.month, l.leap, l.day);
		ck_assert_int_eq(upl_lunar_from_date(&l, e), 0);
		ck_assert_msg(l.year == y && l.month == m && l.leap == leap && l.day == days,
			      "end of %s", start);
		if (leap) {
			leap_months++;
			ck_assert_int_eq(upl_lunar_leap_month(y), m);
		}
		rows++;
	}
	ck_assert_int_eq(rows, 2473);
	ck_assert_int_eq(leap_months, 73);
	free(buf);
}
END_TEST

/* 春节 and the leap month of every year. */
START_TEST(test_new_years)
{
	char *buf = test_slurp("tests/data/lunar/cny-1901-2100.csv", NULL), *p = buf, *line;
	int rows = 0, leap_years = 0;
	test_next_line(&p);
	while ((line = test_next_line(&p)) != NULL) {
		int y, lm;
		char cny[11];
		upl_date d;
		ck_assert_int_eq(sscanf(line, "%d,%10[^,],%d", &y, cny, &lm), 3);
		ck_assert_int_eq(upl_lunar_to_date(&d, NULL, y, 1, 0, 1), 0);
		ck_assert_int_eq(upl_date_compare(d, test_iso(cny)), 0);
		ck_assert_int_eq(upl_lunar_leap_month(y), lm);
		if (lm) {
			leap_years++;
			ck_assert_int_gt(upl_lunar_month_days(y, lm, 1), 28);
		} else {
			ck_assert_int_eq(upl_lunar_to_date(&d, NULL, y, 6, 1, 1), UPL_EINVAL);
		}
		rows++;
	}
	ck_assert_int_eq(rows, 200);
	ck_assert_int_eq(leap_years, 73);
	free(buf);
}
END_TEST

/* Gregorian -> lunar -> Gregorian for every day of 1901-2100, and the
 * lunar days follow each other without a gap. */
START_TEST(test_round_trip)
{
	upl_date d, back, first, last;
	upl_lunar_date l, prev = { 0, 0, 0, 0, 0 };
	long z, z0, z1, table_begin;
	upl_date_make(&first, 1901, 1, 1);
	upl_date_make(&last, 2100, 12, 31);
	z0 = days_of(first);
	z1 = days_of(last);
	table_begin = upl__lunar_table_begin();
	ck_assert_int_eq(table_begin, days_of(test_iso("1901-02-19")));
	ck_assert_int_eq(upl__lunar_table_end(), days_of(test_iso("2101-01-29")));
	for (z = z0; z <= z1; z++) {
		upl_date_from_days(&d, z);
		ck_assert_int_eq(upl_lunar_from_date(&l, d), 0);
		ck_assert_int_eq(l.source, z >= table_begin ? UPL_LUNAR_SOURCE_TABLE : UPL_LUNAR_SOURCE_ICU);
		ck_assert_int_eq(upl_lunar_to_date(&back, NULL, l.year, l.month, l.leap, l.day), 0);
		ck_assert_msg(upl_date_compare(back, d) == 0, "round trip of day %ld", z);
		if (z > z0) {
			if (l.day == 1)
				ck_assert_int_ge(prev.day, 29);
			else
				ck_assert_int_eq(l.day, prev.day + 1);
		}
		prev = l;
	}
}
END_TEST

/* ICU 72's Chinese calendar disagrees with the official table exactly on
 * these days (computed once over every day of lunar years 1901-2100 and
 * written down here). Each range is one or two months whose start ICU puts
 * a day off, from a new moon within minutes of midnight, or a leap month
 * ICU places one month late. When an ICU upgrade fixes one, this test
 * fails: update the list and the documentation. */
static const struct deviation {
	const char *from, *to;            /* days where the two disagree */
	int y, m, leap, d;                /* the table's date on `from` */
	int iy, im, ileap, id;            /* ICU's date on `from` */
} known_deviations[] = {
	{ "1917-03-23", "1917-05-20", 1917, 2, 1, 1, 1917, 3, 0, 1 },    /* ICU: 闰三月, table: 闰二月 */
	{ "1922-06-25", "1922-08-22", 1922, 5, 1, 1, 1922, 6, 0, 1 },    /* ICU: 闰六月, table: 闰五月 */
	{ "1954-02-03", "1954-03-04", 1954, 1, 0, 1, 1953, 12, 0, 30 },  /* 春节 1954 a day late */
	{ "1955-02-22", "1955-03-23", 1955, 2, 0, 1, 1955, 1, 0, 30 },
	{ "1987-07-26", "1987-09-22", 1987, 6, 1, 1, 1987, 7, 0, 1 },    /* ICU: 闰七月, table: 闰六月 */
	{ "1999-01-17", "1999-02-15", 1998, 12, 0, 1, 1998, 11, 0, 30 }, /* 腊八 1999 */
	{ "2012-08-17", "2012-09-15", 2012, 7, 0, 1, 2012, 6, 0, 30 },   /* 七夕 2012 */
	{ "2018-11-07", "2018-12-06", 2018, 9, 0, 30, 2018, 10, 0, 1 },
	{ "2027-02-06", "2027-03-07", 2027, 1, 0, 1, 2026, 12, 0, 30 },  /* 春节 2027: Feb 6, ICU Feb 7 */
	{ "2030-02-02", "2030-03-03", 2029, 12, 0, 30, 2030, 1, 0, 1 },  /* 春节 2030: Feb 3, ICU Feb 2 */
	{ "2057-09-28", "2057-10-27", 2057, 9, 0, 1, 2057, 8, 0, 30 },   /* uncertain new moon; 重阳 2057 */
	{ "2070-03-12", "2070-04-10", 2070, 2, 0, 1, 2070, 1, 0, 30 }
};

static int
same(const upl_lunar_date *a, const upl_lunar_date *b)
{
	return a->year == b->year && a->month == b->month && a->leap == b->leap && a->day == b->day;
}

#define N_DEVIATIONS (sizeof known_deviations / sizeof known_deviations[0])

/* The walk over the table: an open range of disagreeing days. */
struct walk {
	size_t found;
	int open;
	long begin;
	upl_lunar_date table, icu;
};

static void
walk_close(struct walk *w, long last)
{
	const struct deviation *kd;
	upl_date f, l;
	upl_date_from_days(&f, w->begin);
	upl_date_from_days(&l, last);
	ck_assert_msg(w->found < N_DEVIATIONS,
		      "a new deviation from ICU: %04d-%02d-%02d..%04d-%02d-%02d",
		      f.year, f.month, f.day, l.year, l.month, l.day);
	kd = &known_deviations[w->found];
	ck_assert_msg(upl_date_compare(f, test_iso(kd->from)) == 0 && upl_date_compare(l, test_iso(kd->to)) == 0,
		      "deviation %zu is %04d-%02d-%02d..%04d-%02d-%02d, expected %s..%s", w->found,
		      f.year, f.month, f.day, l.year, l.month, l.day, kd->from, kd->to);
	ck_assert(w->table.year == kd->y && w->table.month == kd->m &&
		  w->table.leap == kd->leap && w->table.day == kd->d);
	ck_assert(w->icu.year == kd->iy && w->icu.month == kd->im &&
		  w->icu.leap == kd->ileap && w->icu.day == kd->id);
	w->found++;
	w->open = 0;
}

START_TEST(test_icu_deviations)
{
	long z = upl__lunar_table_begin(), end = upl__lunar_table_end(), k, len;
	struct walk w;
	int months = 0;
	size_t i;
	memset(&w, 0, sizeof w);
	/* A month agrees with ICU when ICU gives its first day as day 1 and
	 * its last day as day `len` of the same month: ICU's days within a
	 * month are consecutive, so every day between agrees too. Only the
	 * months that fail that are compared day by day. */
	for (; z < end; z += len, months++) {
		upl_lunar_date t, a, b;
		ck_assert_int_eq(upl__lunar_table_from_days(&t, z), 0);
		len = upl_lunar_month_days(t.year, t.month, t.leap);
		ck_assert_int_eq(upl__lunar_icu_from_days(&a, z), 0);
		ck_assert_int_eq(upl__lunar_icu_from_days(&b, z + len - 1), 0);
		if (same(&a, &t) && b.year == t.year && b.month == t.month && b.leap == t.leap &&
		    b.day == len) {
			if (w.open)
				walk_close(&w, z - 1);
			continue;
		}
		for (k = z; k < z + len; k++) {
			ck_assert_int_eq(upl__lunar_table_from_days(&t, k), 0);
			ck_assert_int_eq(upl__lunar_icu_from_days(&a, k), 0);
			if (!same(&t, &a) && !w.open) {
				w.open = 1;
				w.begin = k;
				w.table = t;
				w.icu = a;
			} else if (same(&t, &a) && w.open) {
				walk_close(&w, k - 1);
			}
		}
	}
	if (w.open)
		walk_close(&w, end - 1);
	ck_assert_int_eq(months, 2473);
	ck_assert_msg(w.found == N_DEVIATIONS,
		      "ICU now agrees with the table on %zu known deviations (ICU fixed?): "
		      "update known_deviations and doc/calendar.md", N_DEVIATIONS - w.found);
	/* And the public API never answers with ICU inside the table. */
	for (i = 0; i < N_DEVIATIONS; i++) {
		upl_lunar_date l;
		ck_assert_int_eq(upl_lunar_from_date(&l, test_iso(known_deviations[i].from)), 0);
		ck_assert_int_eq(l.source, UPL_LUNAR_SOURCE_TABLE);
		ck_assert_int_eq(l.year, known_deviations[i].y);
		ck_assert_int_eq(l.month, known_deviations[i].m);
		ck_assert_int_eq(l.leap, known_deviations[i].leap);
		ck_assert_int_eq(l.day, known_deviations[i].d);
	}
}
END_TEST

/* The three 春节 the issue names. */
START_TEST(test_icu_spring_festival_errors)
{
	static const struct { int y; const char *official, *icu; } cases[] = {
		{ 1954, "1954-02-03", "1954-02-04" },
		{ 2027, "2027-02-06", "2027-02-07" },
		{ 2030, "2030-02-03", "2030-02-02" }
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		upl_date d;
		long z;
		upl_lunar_source src;
		ck_assert_int_eq(upl_lunar_to_date(&d, &src, cases[i].y, 1, 0, 1), 0);
		ck_assert_date(d, cases[i].official);
		ck_assert_int_eq(src, UPL_LUNAR_SOURCE_TABLE);
		ck_assert_int_eq(upl__lunar_icu_to_days(&z, cases[i].y, 1, 0, 1), 0);
		upl_date_from_days(&d, z);
		ck_assert_date(d, cases[i].icu);
	}
}
END_TEST

/* Outside the table ICU answers, and says so. 1900 and the start of 1901
 * are checked against the Hong Kong Observatory's table (lunar 1900:
 * 正月初一 1900-01-31, 闰八月, 冬月初一 1900-12-22, 腊月 of 30 days). */
START_TEST(test_outside_table)
{
	static const struct { const char *date; int y, m, leap, d; } cases[] = {
		{ "1900-01-31", 1900, 1, 0, 1 },
		{ "1900-12-22", 1900, 11, 0, 1 },
		{ "1901-01-01", 1900, 11, 0, 11 },
		{ "1901-01-20", 1900, 12, 0, 1 },
		{ "1901-02-18", 1900, 12, 0, 30 },
	};
	size_t i;
	upl_lunar_date l;
	upl_date d;
	upl_lunar_source src = 0;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_int_eq(upl_lunar_from_date(&l, test_iso(cases[i].date)), 0);
		ck_assert_msg(l.year == cases[i].y && l.month == cases[i].m && l.leap == cases[i].leap &&
			      l.day == cases[i].d, "%s", cases[i].date);
		ck_assert_int_eq(l.source, UPL_LUNAR_SOURCE_ICU);
		ck_assert_int_eq(upl_lunar_to_date(&d, &src, cases[i].y, cases[i].m, cases[i].leap,
						   cases[i].d), 0);
		ck_assert_date(d, cases[i].date);
		ck_assert_int_eq(src, UPL_LUNAR_SOURCE_ICU);
	}
	ck_assert_int_eq(upl_lunar_leap_month(1900), 8);
	ck_assert_int_eq(upl_lunar_month_days(1900, 8, 1), 29);
	ck_assert_int_eq(upl_lunar_month_days(1900, 12, 0), 30);
	ck_assert_int_eq(upl_lunar_month_days(1900, 11, 0), 29);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 1900, 11, 0, 30), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 1900, 7, 1, 1), UPL_EINVAL);
	/* The day after the table: ICU, consistent both ways. */
	ck_assert_int_eq(upl_lunar_from_date(&l, test_iso("2101-01-29")), 0);
	ck_assert_int_eq(l.source, UPL_LUNAR_SOURCE_ICU);
	ck_assert_int_eq(l.year, 2101);
	ck_assert_int_eq(l.month, 1);
	ck_assert_int_eq(l.day, 1);
	ck_assert_int_eq(upl_lunar_from_date(&l, test_iso("2101-01-28")), 0);
	ck_assert_int_eq(l.source, UPL_LUNAR_SOURCE_TABLE);
	ck_assert_int_eq(l.year, 2100);
	ck_assert_int_eq(l.day, upl_lunar_month_days(2100, 12, 0));
	/* The edges of the supported range. */
	ck_assert_int_eq(upl_lunar_from_date(&l, test_iso("0001-01-01")), UPL_ERANGE);
	ck_assert_int_eq(upl_lunar_from_date(&l, test_iso("0001-03-01")), 0);
	ck_assert_int_eq(l.year, 1);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, l.year, l.month, l.leap, l.day), 0);
	ck_assert_date(d, "0001-03-01");
	ck_assert_int_eq(upl_lunar_from_date(&l, test_iso("9999-12-31")), 0);
	ck_assert_int_eq(l.year, 9999);
	ck_assert_int_eq(l.source, UPL_LUNAR_SOURCE_ICU);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, l.year, l.month, l.leap, l.day), 0);
	ck_assert_date(d, "9999-12-31");
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 9999, 12, 0, 29), UPL_ERANGE);
}
END_TEST

/* Invalid input is an error, never moved to a neighbouring date. */
START_TEST(test_invalid)
{
	upl_date d = UPL_DATE_INIT, bad;
	upl_lunar_date l;
	int m, lm;
	/* lunar dates that do not exist */
	ck_assert_int_eq(upl_lunar_month_days(1901, 1, 0), 29);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 1901, 1, 0, 30), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_leap_month(2012), 4);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2012, 5, 1, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2013, 4, 1, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_month_days(2013, 4, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2012, 13, 0, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2012, 0, 0, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2012, 1, 0, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2012, 1, 0, 31), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2012, 1, 2, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 0, 1, 0, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 10000, 1, 0, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, -5, 1, 0, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2147483647, 1, 0, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_to_date(NULL, NULL, 2012, 1, 0, 1), UPL_EINVAL);
	ck_assert_int_eq(d.year, 0); /* untouched */
	ck_assert_int_eq(upl_lunar_leap_month(0), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_leap_month(10000), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_month_days(2012, 4, 1), 29);
	/* The same outside the table, through ICU. */
	lm = upl_lunar_leap_month(2200);
	ck_assert_int_ge(lm, 0);
	for (m = 1; m <= 12; m++) {
		if (m != lm)
			ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2200, m, 1, 1), UPL_EINVAL);
		if (upl_lunar_month_days(2200, m, 0) == 29)
			ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2200, m, 0, 30), UPL_EINVAL);
		else
			ck_assert_int_eq(upl_lunar_to_date(&d, NULL, 2200, m, 0, 30), 0);
	}
	/* Gregorian dates that do not exist */
	bad.year = 2013; bad.month = 2; bad.day = 30;
	ck_assert_int_eq(upl_lunar_from_date(&l, bad), UPL_EINVAL);
	bad.year = 2012; bad.month = 13; bad.day = 1;
	ck_assert_int_eq(upl_lunar_from_date(&l, bad), UPL_EINVAL);
	bad.year = 0; bad.month = 9; bad.day = 30;
	ck_assert_int_eq(upl_lunar_from_date(&l, bad), UPL_EINVAL);
	bad.year = 10000; bad.month = 1; bad.day = 1;
	ck_assert_int_eq(upl_lunar_from_date(&l, bad), UPL_EINVAL);
	bad.year = -2147483647 - 1; bad.month = 1; bad.day = 1;
	ck_assert_int_eq(upl_lunar_from_date(&l, bad), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_from_date(NULL, test_iso("2012-09-30")), UPL_EINVAL);
}
END_TEST

/* Known leap months and their names. */
START_TEST(test_leap_months)
{
	static const struct { const char *date; int y, m; const char *text; } cases[] = {
		{ "2012-05-21", 2012, 4, "壬辰年闰四月初一" },
		{ "2020-05-23", 2020, 4, "庚子年闰四月初一" },
		{ "2023-03-22", 2023, 2, "癸卯年闰二月初一" },
		{ "2033-12-22", 2033, 11, "癸丑年闰冬月初一" },
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		upl_lunar_date l;
		char text[UPL_LUNAR_TEXT_SIZE];
		ck_assert_int_eq(upl_lunar_from_date(&l, test_iso(cases[i].date)), 0);
		ck_assert_int_eq(l.year, cases[i].y);
		ck_assert_int_eq(l.month, cases[i].m);
		ck_assert_int_eq(l.leap, 1);
		ck_assert_int_eq(l.day, 1);
		ck_assert_int_eq(upl_lunar_format(text, sizeof text, &l, 0), 0);
		ck_assert_str_eq(text, cases[i].text);
	}
}
END_TEST

START_TEST(test_names)
{
	upl_lunar_date l;
	char text[UPL_LUNAR_TEXT_SIZE];
	ck_assert_str_eq(upl_lunar_ganzhi(2012), "壬辰");
	ck_assert_str_eq(upl_lunar_ganzhi(1984), "甲子");
	ck_assert_str_eq(upl_lunar_ganzhi(2023), "癸卯");
	ck_assert_str_eq(upl_lunar_ganzhi(2024), "甲辰");
	ck_assert_str_eq(upl_lunar_ganzhi(1901), "辛丑");
	ck_assert_str_eq(upl_lunar_ganzhi(4), "甲子");
	ck_assert_str_eq(upl_lunar_ganzhi(3), "癸亥");
	ck_assert_str_eq(upl_lunar_ganzhi(1), "辛酉");
	ck_assert_str_eq(upl_lunar_ganzhi(9999), "己亥");
	ck_assert_ptr_null(upl_lunar_ganzhi(0));
	ck_assert_ptr_null(upl_lunar_ganzhi(10000));
	ck_assert_str_eq(upl_lunar_zodiac(2012, 0), "龙");
	ck_assert_str_eq(upl_lunar_zodiac(2012, 1), "龍");
	ck_assert_str_eq(upl_lunar_zodiac(2023, 0), "兔");
	ck_assert_str_eq(upl_lunar_zodiac(2019, 0), "猪");
	ck_assert_str_eq(upl_lunar_zodiac(2019, 1), "豬");
	ck_assert_str_eq(upl_lunar_zodiac(2020, 0), "鼠");
	ck_assert_ptr_null(upl_lunar_zodiac(0, 0));
	ck_assert_str_eq(upl_lunar_month_name(1, 0, 0), "正月");
	ck_assert_str_eq(upl_lunar_month_name(8, 0, 0), "八月");
	ck_assert_str_eq(upl_lunar_month_name(4, 1, 0), "闰四月");
	ck_assert_str_eq(upl_lunar_month_name(4, 1, 1), "閏四月");
	ck_assert_str_eq(upl_lunar_month_name(11, 0, 0), "冬月");
	ck_assert_str_eq(upl_lunar_month_name(12, 0, 0), "腊月");
	ck_assert_str_eq(upl_lunar_month_name(12, 0, 1), "臘月");
	ck_assert_ptr_null(upl_lunar_month_name(13, 0, 0));
	ck_assert_ptr_null(upl_lunar_month_name(0, 0, 0));
	ck_assert_ptr_null(upl_lunar_month_name(5, 2, 0));
	ck_assert_str_eq(upl_lunar_day_name(1), "初一");
	ck_assert_str_eq(upl_lunar_day_name(10), "初十");
	ck_assert_str_eq(upl_lunar_day_name(11), "十一");
	ck_assert_str_eq(upl_lunar_day_name(15), "十五");
	ck_assert_str_eq(upl_lunar_day_name(20), "二十");
	ck_assert_str_eq(upl_lunar_day_name(21), "廿一");
	ck_assert_str_eq(upl_lunar_day_name(29), "廿九");
	ck_assert_str_eq(upl_lunar_day_name(30), "三十");
	ck_assert_ptr_null(upl_lunar_day_name(0));
	ck_assert_ptr_null(upl_lunar_day_name(31));

	ck_assert_int_eq(upl_lunar_from_date(&l, test_iso("2012-09-30")), 0);
	ck_assert_int_eq(upl_lunar_format(text, sizeof text, &l, 0), 0);
	ck_assert_str_eq(text, "壬辰年八月十五");
	ck_assert_int_eq(upl_lunar_format(text, sizeof text, &l, UPL_LUNAR_FORMAT_ZODIAC), 0);
	ck_assert_str_eq(text, "壬辰龙年八月十五");
	ck_assert_int_eq(upl_lunar_format(text, sizeof text, &l, UPL_LUNAR_FORMAT_ZODIAC |
					  UPL_LUNAR_FORMAT_TRADITIONAL), 0);
	ck_assert_str_eq(text, "壬辰龍年八月十五");
	ck_assert_int_eq(upl_lunar_format(text, sizeof text, &l, UPL_LUNAR_FORMAT_NO_YEAR), 0);
	ck_assert_str_eq(text, "八月十五");
	/* 2013-02-09 (除夕) is lunar year 2012, month 12 */
	ck_assert_int_eq(upl_lunar_from_date(&l, test_iso("2013-02-09")), 0);
	ck_assert_int_eq(l.year, 2012);
	ck_assert_int_eq(upl_lunar_format(text, sizeof text, &l, 0), 0);
	ck_assert_str_eq(text, "壬辰年腊月廿九");
	ck_assert_int_eq(upl_lunar_format(text, sizeof text, &l, UPL_LUNAR_FORMAT_TRADITIONAL), 0);
	ck_assert_str_eq(text, "壬辰年臘月廿九");
	ck_assert_int_eq(upl_lunar_from_date(&l, test_iso("2013-02-10")), 0);
	ck_assert_int_eq(upl_lunar_format(text, sizeof text, &l, 0), 0);
	ck_assert_str_eq(text, "癸巳年正月初一");
	/* buffers and bad fields */
	ck_assert_int_eq(upl_lunar_format(text, 22, &l, 0), 0); /* 21 bytes + NUL */
	ck_assert_int_eq(upl_lunar_format(text, 21, &l, 0), UPL_ERANGE);
	ck_assert_str_eq(text, "");
	ck_assert_int_eq(upl_lunar_format(text, 0, &l, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_format(NULL, 10, &l, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_format(text, sizeof text, NULL, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_lunar_format(text, sizeof text, &l, 64), UPL_EINVAL);
	l.day = 31;
	ck_assert_int_eq(upl_lunar_format(text, sizeof text, &l, 0), UPL_EINVAL);
	ck_assert_str_eq(text, "");
}
END_TEST

static Suite *
lunar_suite(void)
{
	Suite *s = suite_create("lunar");
	TCase *tc = tcase_create("table");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_every_month);
	tcase_add_test(tc, test_new_years);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_leap_months);
	suite_add_tcase(s, tc);
	tc = tcase_create("icu");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_icu_deviations);
	tcase_add_test(tc, test_icu_spring_festival_errors);
	tcase_add_test(tc, test_outside_table);
	suite_add_tcase(s, tc);
	tc = tcase_create("input");
	tcase_add_test(tc, test_invalid);
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(lunar_suite)

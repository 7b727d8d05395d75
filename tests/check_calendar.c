/* Unit tests for festivals, solar terms, festival names in running text and
 * school periods (include/unionplan/calendar.h), against the reference
 * tables in tests/data/lunar/ and the seed plans in tests/data/seeds/. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

static int
date_is(upl_date d, const char *s)
{
	return upl_date_compare(d, test_iso(s)) == 0;
}

/* ------------------------------------------------------------------------ */
/* Festivals against tests/data/lunar/lunar-festivals-1901-2100.csv         */

/* Dates that depend on a new moon within minutes of midnight: the table's
 * value and the alternative are both accepted. */
static const struct { const char *key; const char *table, *alternative; } uncertain[] = {
	{ "double-ninth", "2057-10-06", "2057-10-07" },
	{ "mid-autumn", "2089-09-18", "2089-09-19" },
	{ "qixi", "2097-08-13", "2097-08-14" },
};

static void
check_festival(const char *key, int year, const char *want)
{
	upl_date d;
	size_t i;
	ck_assert_msg(upl_holiday_date(&d, key, year) == 0, "%s %d", key, year);
	for (i = 0; i < sizeof uncertain / sizeof uncertain[0]; i++)
		if (strcmp(uncertain[i].key, key) == 0 && strcmp(uncertain[i].table, want) == 0) {
			ck_assert_msg(date_is(d, uncertain[i].table) || date_is(d, uncertain[i].alternative),
				      "%s %d", key, year);
			return;
		}
	ck_assert_msg(date_is(d, want), "%s %d: got %04d-%02d-%02d, want %s", key, year,
		      d.year, d.month, d.day, want);
}

START_TEST(test_lunar_festivals)
{
	static const char *const keys[6] = {
		"spring-festival", "lantern", "dragon-boat", "qixi", "mid-autumn", "double-ninth"
	};
	char *buf = test_slurp("tests/data/lunar/lunar-festivals-1901-2100.csv", NULL), *p = buf, *line;
	int rows = 0, k;
	test_next_line(&p);
	while ((line = test_next_line(&p)) != NULL) {
		char f[8][11];
		int y;
		upl_holiday_occurrence occ[4];
		size_t n, i, lab = 0;
		ck_assert_int_eq(sscanf(line, "%d,%10[^,],%10[^,],%10[^,],%10[^,],%10[^,],%10[^,],%10[^,],%10s",
					&y, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]), 9);
		for (k = 0; k < 6; k++)
			check_festival(keys[k], y, f[k]);
		/* 除夕 of lunar year y is the eve of 春节 y + 1. */
		check_festival("spring-festival-eve", y + 1, f[7]);
		/* 腊八 of lunar year y falls in Gregorian y + 1 or late in y: the
		 * list finds it wherever it is. */
		ck_assert_int_eq(upl_holiday_list(occ, 4, &n, test_iso(f[6]), test_iso(f[6])), 0);
		for (i = 0; i < n; i++)
			if (strcmp(occ[i].key, "laba") == 0)
				lab++;
		ck_assert_msg(lab == 1, "laba of lunar %d on %s", y, f[6]);
		rows++;
	}
	ck_assert_int_eq(rows, 200);
	free(buf);
}
END_TEST

/* upl_holiday_date(laba, Y) is the first 腊八 in Y, or none. */
START_TEST(test_laba)
{
	char *buf = test_slurp("tests/data/lunar/lunar-festivals-1901-2100.csv", NULL), *p = buf, *line;
	static char first[2102][11];
	int y, with_two = 0, with_none = 0;
	upl_date d;
	memset(first, 0, sizeof first);
	test_next_line(&p);
	while ((line = test_next_line(&p)) != NULL) {
		char laba[11];
		ck_assert_int_eq(sscanf(line, "%*d,%*[^,],%*[^,],%*[^,],%*[^,],%*[^,],%*[^,],%10[^,]", laba), 1);
		y = atoi(laba);
		if (first[y][0] == '\0')
			memcpy(first[y], laba, 11);
		else
			with_two++;
	}
	for (y = 1902; y <= 2100; y++) {
		int rc = upl_holiday_date(&d, "laba", y);
		if (first[y][0] == '\0') {
			ck_assert_int_eq(rc, UPL_ENOTFOUND);
			with_none++;
		} else {
			ck_assert_int_eq(rc, 0);
			ck_assert_msg(date_is(d, first[y]), "laba %d", y);
		}
	}
	ck_assert_int_gt(with_two, 0);
	ck_assert_int_gt(with_none, 0);
	ck_assert_int_eq(upl_holiday_date(&d, "laba", 2023), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_holiday_date(&d, "laba", 2022), 0);
	ck_assert_date(d, "2022-01-10");
	free(buf);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Solar terms                                                              */

START_TEST(test_qingming_dongzhi)
{
	char *buf = test_slurp("tests/data/lunar/solar-terms-qingming-dongzhi-1901-2100.csv", NULL), *p = buf, *line;
	int rows = 0;
	test_next_line(&p);
	while ((line = test_next_line(&p)) != NULL) {
		char q[11], dz[11], qi[20], di[20];
		int y, k;
		ck_assert_int_eq(sscanf(line, "%d,%10[^,],%10[^,],%19[^,],%19s", &y, q, dz, qi, di), 5);
		check_festival("qingming", y, q);
		check_festival("winter-solstice", y, dz);
		for (k = 0; k < 2; k++) {
			int term = k ? UPL_TERM_DONGZHI : UPL_TERM_QINGMING, minute, ref;
			const char *instant = k ? di : qi;
			upl_date d, date;
			long a, b;
			ck_assert_int_eq(upl_solar_term_date(&d, y, term), 0);
			ck_assert_msg(date_is(d, k ? dz : q), "%s %d", k ? "dongzhi" : "qingming", y);
			/* The computed instant is within a minute of the reference
			 * (lunar-javascript's, to the second). */
			ck_assert_int_eq(upl_solar_term_instant(&date, &minute, y, term), 0);
			upl_date_to_days(&a, date);
			upl_date_to_days(&b, test_iso(instant));
			ref = atoi(instant + 11) * 60 + atoi(instant + 14);
			ck_assert_msg(labs((a * 1440 + minute) - (b * 1440 + ref)) <= 1,
				      "%d %s: computed %d min, reference %s", y, k ? "dongzhi" : "qingming",
				      minute, instant);
		}
		rows++;
	}
	ck_assert_int_eq(rows, 200);
	free(buf);
}
END_TEST

/* All 24 terms of 2024 as published (China Meteorological Administration). */
START_TEST(test_terms_2024)
{
	static const char *const dates[24] = {
		"2024-01-06", "2024-01-20", "2024-02-04", "2024-02-19", "2024-03-05", "2024-03-20",
		"2024-04-04", "2024-04-19", "2024-05-05", "2024-05-20", "2024-06-05", "2024-06-21",
		"2024-07-06", "2024-07-22", "2024-08-07", "2024-08-22", "2024-09-07", "2024-09-22",
		"2024-10-08", "2024-10-23", "2024-11-07", "2024-11-22", "2024-12-06", "2024-12-21"
	};
	upl_date d;
	int t, found;
	for (t = 0; t < 24; t++) {
		ck_assert_int_eq(upl_solar_term_date(&d, 2024, t), 0);
		ck_assert_date(d, dates[t]);
		ck_assert_int_eq(upl_solar_term_on(&found, d), 0);
		ck_assert_int_eq(found, t);
	}
	ck_assert_int_eq(upl_solar_term_on(&found, test_iso("2024-01-07")), UPL_ENOTFOUND);
	ck_assert_str_eq(upl_solar_term_name(UPL_TERM_QINGMING, 0), "清明");
	ck_assert_str_eq(upl_solar_term_name(UPL_TERM_JINGZHE, 0), "惊蛰");
	ck_assert_str_eq(upl_solar_term_name(UPL_TERM_JINGZHE, 1), "驚蟄");
	ck_assert_str_eq(upl_solar_term_name(UPL_TERM_GUYU, 1), "穀雨");
	ck_assert_str_eq(upl_solar_term_name(UPL_TERM_XIAOMAN, 1), "小滿");
	ck_assert_str_eq(upl_solar_term_key(UPL_TERM_DONGZHI), "dongzhi");
	ck_assert_str_eq(upl_solar_term_key(UPL_TERM_XIAOHAN), "xiaohan");
	ck_assert_ptr_null(upl_solar_term_name(24, 0));
	ck_assert_ptr_null(upl_solar_term_key(-1));
	ck_assert_int_eq(upl_solar_term_date(&d, 0, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_solar_term_date(&d, 10000, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_solar_term_date(&d, 2024, 24), UPL_EINVAL);
	ck_assert_int_eq(upl_solar_term_date(NULL, 2024, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_solar_term_instant(NULL, NULL, 2024, -1), UPL_EINVAL);
	d.year = 2013; d.month = 2; d.day = 30;
	ck_assert_int_eq(upl_solar_term_on(&found, d), UPL_EINVAL);
	/* Any year: the terms of year 1 and 9999 fall in that year, on 24
	 * different days (in 9999 小寒 comes at the end of December: the
	 * calendar and delta T have moved it by days). */
	{
		upl_date seen[24];
		int years[2] = { 1, 9999 }, i, j;
		for (i = 0; i < 2; i++)
			for (t = 0; t < 24; t++) {
				ck_assert_int_eq(upl_solar_term_date(&d, years[i], t), 0);
				ck_assert_int_eq(d.year, years[i]);
				for (j = 0; j < t; j++)
					ck_assert_int_ne(upl_date_compare(d, seen[j]), 0);
				seen[t] = d;
			}
		ck_assert_int_eq(upl_solar_term_date(&d, 9999, UPL_TERM_XIAOHAN), 0);
		ck_assert_int_eq(d.month, 12);
	}
}
END_TEST

/* The instants within a minute or two of midnight follow the official
 * tables, whatever the last digit of the computation says. */
START_TEST(test_terms_near_midnight)
{
	static const struct { int y, term; const char *date; } cases[] = {
		{ 1917, UPL_TERM_DAXUE, "1917-12-07" },   /* computed 00:01 on the 8th */
		{ 1979, UPL_TERM_DAHAN, "1979-01-21" },   /* computed 23:59:59 on the 20th */
		{ 1951, UPL_TERM_DONGZHI, "1951-12-23" },
		{ 2021, UPL_TERM_DONGZHI, "2021-12-21" },
		{ 2051, UPL_TERM_CHUNFEN, "2051-03-20" },
		{ 2083, UPL_TERM_LICHUN, "2083-02-03" },
		{ 2084, UPL_TERM_CHUNFEN, "2084-03-19" },
	};
	size_t i;
	upl_date d;
	int minute;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_int_eq(upl_solar_term_date(&d, cases[i].y, cases[i].term), 0);
		ck_assert_date(d, cases[i].date);
	}
	ck_assert_int_eq(upl_solar_term_instant(&d, &minute, 1917, UPL_TERM_DAXUE), 0);
	ck_assert_date(d, "1917-12-08");
	ck_assert_int_le(minute, 2);
	ck_assert_int_eq(upl_solar_term_instant(&d, &minute, 1979, UPL_TERM_DAHAN), 0);
	ck_assert_date(d, "1979-01-20");
	ck_assert_int_eq(minute, 1439);
}
END_TEST

/* The principal terms (中气) against the official month table: a leap month
 * is a month without one, 冬至 always falls in the 11th month, and only four
 * ordinary months of 1901-2100 lack one (the 2033 problem among them). */
START_TEST(test_principal_terms)
{
	static long zq[202 * 12];
	static const struct { int y, m; } without[] = {
		{ 1985, 1 }, { 2033, 8 }, { 2034, 1 }, { 2053, 1 }
	};
	size_t nz = 0, nw = 0, i;
	int y, t, pos, leaps = 0, dongzhi = 0;
	for (y = 1900; y <= 2101; y++)
		for (t = 1; t < 24; t += 2) {
			upl_date d;
			ck_assert_int_eq(upl_solar_term_date(&d, y, t), 0);
			upl_date_to_days(&zq[nz++], d);
		}
	for (y = 1901; y <= 2100; y++) {
		int lm = upl_lunar_leap_month(y);
		for (pos = 0; pos < (lm ? 13 : 12); pos++) {
			int m = (lm && pos >= lm) ? (pos == lm ? lm : pos) : pos + 1;
			int leap = lm && pos == lm, count = 0, has_dz = 0;
			upl_date s;
			long a, b;
			ck_assert_int_eq(upl_lunar_to_date(&s, NULL, y, m, leap, 1), 0);
			upl_date_to_days(&a, s);
			b = a + upl_lunar_month_days(y, m, leap) - 1;
			for (i = 0; i < nz; i++)
				if (zq[i] >= a && zq[i] <= b) {
					count++;
					if (i % 12 == 11)
						has_dz = 1;
				}
			if (has_dz) {
				dongzhi++;
				ck_assert_msg(m == 11 && !leap, "冬至 in month %d of %d", m, y);
			}
			if (leap) {
				ck_assert_msg(count == 0, "leap month %d of %d has a principal term", m, y);
				leaps++;
			} else if (count == 0) {
				ck_assert_msg(nw < 4 && without[nw].y == y && without[nw].m == m,
					      "month %d of %d has no principal term", m, y);
				nw++;
			}
		}
	}
	ck_assert_int_eq(leaps, 73);
	ck_assert_int_eq(nw, 4);
	ck_assert_int_eq(dongzhi, 200);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Keys and names                                                           */

START_TEST(test_keys)
{
	static const char *const keys[20] = {
		"new-year", "spring-festival-eve", "spring-festival", "lantern", "womens-day",
		"arbor-day", "qingming", "labour-day", "youth-day", "childrens-day", "dragon-boat",
		"party-day", "army-day", "qixi", "teachers-day", "mid-autumn", "national-day",
		"double-ninth", "winter-solstice", "laba"
	};
	static const char *const hans[20] = {
		"元旦", "除夕", "春节", "元宵节", "妇女节", "植树节", "清明节", "劳动节", "青年节",
		"儿童节", "端午节", "建党节", "建军节", "七夕", "教师节", "中秋节", "国庆节", "重阳节",
		"冬至", "腊八节"
	};
	static const char *const hant[20] = {
		"元旦", "除夕", "春節", "元宵節", "婦女節", "植樹節", "清明節", "勞動節", "青年節",
		"兒童節", "端午節", "建黨節", "建軍節", "七夕", "教師節", "中秋節", "國慶節", "重陽節",
		"冬至", "臘八節"
	};
	size_t i;
	ck_assert_int_eq(upl_holiday_count(), 20);
	for (i = 0; i < 20; i++) {
		const char *k = upl_holiday_key(i), *found = NULL;
		ck_assert_str_eq(k, keys[i]);
		ck_assert_str_eq(upl_holiday_name(k, 0), hans[i]);
		ck_assert_str_eq(upl_holiday_name(k, 1), hant[i]);
		ck_assert_int_eq(upl_holiday_key_is_valid(k), 1);
		ck_assert_int_eq(upl_holiday_from_name(&found, hans[i], (size_t)-1), 0);
		ck_assert_ptr_eq(found, k);
		ck_assert_int_eq(upl_holiday_from_name(&found, hant[i], strlen(hant[i])), 0);
		ck_assert_ptr_eq(found, k);
		ck_assert_int_eq(upl_holiday_from_name(&found, k, (size_t)-1), 0);
		ck_assert_ptr_eq(found, k);
	}
	ck_assert_ptr_null(upl_holiday_key(20));
	ck_assert_str_eq(upl_holiday_name("victory-day", 0), "抗战胜利纪念日");
	ck_assert_str_eq(upl_holiday_name("victory-day", 1), "抗戰勝利紀念日");
	ck_assert_ptr_null(upl_holiday_name(NULL, 0));
	ck_assert_int_eq(upl_holiday_key_is_valid("victory-day"), 0);
	ck_assert_int_eq(upl_holiday_key_is_valid("Mid-Autumn"), 0);
	ck_assert_int_eq(upl_holiday_key_is_valid(NULL), 0);
	ck_assert_int_eq(upl_holiday_kind_of("teachers-day"), UPL_HOLIDAY_GREGORIAN);
	ck_assert_int_eq(upl_holiday_kind_of("spring-festival-eve"), UPL_HOLIDAY_LUNAR);
	ck_assert_int_eq(upl_holiday_kind_of("laba"), UPL_HOLIDAY_LUNAR);
	ck_assert_int_eq(upl_holiday_kind_of("qingming"), UPL_HOLIDAY_SOLAR_TERM);
	ck_assert_int_eq(upl_holiday_kind_of("winter-solstice"), UPL_HOLIDAY_SOLAR_TERM);
	ck_assert_int_eq(upl_holiday_kind_of("nope"), UPL_EINVAL);
}
END_TEST

START_TEST(test_from_name)
{
	static const struct { const char *name, *key; } yes[] = {
		{ "中秋", "mid-autumn" }, { "中秋节", "mid-autumn" }, { "中秋節", "mid-autumn" },
		{ "八月十五", "mid-autumn" }, { "“中秋”", "mid-autumn" },
		{ "三八", "womens-day" }, { "“三八”", "womens-day" }, { "三・八", "womens-day" },
		{ "三·八", "womens-day" }, { "三.八", "womens-day" }, { "3.8", "womens-day" },
		{ "3·8", "womens-day" }, { "妇女节", "womens-day" }, { "婦女節", "womens-day" },
		{ "三八妇女节", "womens-day" }, { "“三八”妇女节", "womens-day" },
		{ "三・八妇女节", "womens-day" }, { "国际妇女节", "womens-day" }, { "三八节", "womens-day" },
		{ "五一", "labour-day" }, { "五.一", "labour-day" }, { "五・一", "labour-day" },
		{ "劳动节", "labour-day" }, { "勞動節", "labour-day" }, { "“五一”", "labour-day" },
		{ "“五一”国际劳动节", "labour-day" }, { "五一劳动节", "labour-day" }, { "5.1", "labour-day" },
		{ "国庆", "national-day" }, { "国庆节", "national-day" }, { "國慶節", "national-day" },
		{ "十一", "national-day" }, { "“十一”", "national-day" }, { "十一国庆节", "national-day" },
		{ "重阳", "double-ninth" }, { "重陽節", "double-ninth" }, { "敬老节", "double-ninth" },
		{ "老年节", "double-ninth" }, { "九九重阳节", "double-ninth" }, { "九月初九", "double-ninth" },
		{ "春节", "spring-festival" }, { "春節", "spring-festival" }, { "过年", "spring-festival" },
		{ "大年初一", "spring-festival" }, { "正月初一", "spring-festival" },
		{ "元宵", "lantern" }, { "正月十五", "lantern" }, { "元宵節", "lantern" },
		{ "端午", "dragon-boat" }, { "端阳节", "dragon-boat" }, { "五月初五", "dragon-boat" },
		{ "七夕", "qixi" }, { "七月初七", "qixi" }, { "腊八", "laba" }, { "臘八節", "laba" },
		{ "腊月初八", "laba" }, { "除夕", "spring-festival-eve" }, { "年三十", "spring-festival-eve" },
		{ "大年三十", "spring-festival-eve" }, { "教师节", "teachers-day" }, { "教師節", "teachers-day" },
		{ "清明", "qingming" }, { "清明节", "qingming" }, { "冬至", "winter-solstice" },
		{ "元旦", "new-year" }, { "五四", "youth-day" }, { "五四青年节", "youth-day" },
		{ "五.四青年节", "youth-day" }, { "六一", "childrens-day" }, { "六一儿童节", "childrens-day" },
		{ "七一", "party-day" }, { "建党节", "party-day" }, { "八一", "army-day" },
		{ "八一建军节", "army-day" }, { "植树节", "arbor-day" }, { "mid-autumn", "mid-autumn" },
	};
	static const char *const no[] = {
		"", "中", "妇女", "十一月", "中秋节前", " 中秋", "中秋 ", "新年", "三q八", "教师",
		"Mid-Autumn", "victory-day", "八月十五日", "“三八", "十一五", "\xe4\xb8",
	};
	size_t i;
	const char *key;
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		key = NULL;
		ck_assert_msg(upl_holiday_from_name(&key, yes[i].name, (size_t)-1) == 0, "%s", yes[i].name);
		ck_assert_msg(key && strcmp(key, yes[i].key) == 0, "%s: %s", yes[i].name, key);
	}
	for (i = 0; i < sizeof no / sizeof no[0]; i++) {
		key = "untouched";
		ck_assert_msg(upl_holiday_from_name(&key, no[i], (size_t)-1) == UPL_ENOTFOUND, "%s", no[i]);
		ck_assert_str_eq(key, "untouched");
	}
	/* length-delimited: only the first len bytes count */
	ck_assert_int_eq(upl_holiday_from_name(&key, "中秋节前", strlen("中秋节")), 0);
	ck_assert_str_eq(key, "mid-autumn");
	ck_assert_int_eq(upl_holiday_from_name(NULL, "中秋", (size_t)-1), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_from_name(&key, NULL, 0), UPL_EINVAL);
}
END_TEST

/* Festivals in running text. */
START_TEST(test_find)
{
	static const struct { const char *text; const char *key; const char *match; } cases[] = {
		{ "中秋节前", "mid-autumn", "中秋节" },
		{ "“三八”妇女节", "womens-day", "“三八”妇女节" },
		{ "庆祝第二十八个教师节", "teachers-day", "教师节" },
		{ "五.一劳动节", "labour-day", "五.一劳动节" },
		{ "以“三.八\"婦女節為契機", "womens-day", "“三.八\"婦女節" },
		{ "3月：庆“三八”活动。", "womens-day", "“三八”" },
		{ "“十一”期间组织旅游", "national-day", "“十一”" },
		{ "十一长假前安全教育", "national-day", "十一" },
		{ "十一期间值班", "national-day", "十一" },
		{ "迎十一。", "national-day", "十一" },
		{ "五一前完成", "labour-day", "五一" },
		{ "利用三八节组织活动", "womens-day", "三八节" },
		{ "六一儿童节", "childrens-day", "六一儿童节" },
		{ "八一建军节慰问", "army-day", "八一建军节" },
		{ "庆七一，", "party-day", "七一" },
		{ "迎国庆歌咏比赛", "national-day", "国庆" },
		{ "开展中秋外地单身青年联欢活动", "mid-autumn", "中秋" },
		{ "农历八月十五赏月", "mid-autumn", "八月十五" },
		{ "组织迎新春教工运动会", "spring-festival", "新春" },
		{ "九九重阳节老教师慰问", "double-ninth", "九九重阳节" },
		{ "“五一”国际劳动节", "labour-day", "“五一”国际劳动节" },
		{ "三・八妇女节", "womens-day", "三・八妇女节" },
		{ "「十一」黃金週", "national-day", "「十一」" },
		{ "重陽節敬老", "double-ninth", "重陽節" },
	};
	static const char *const none[] = {
		"第十一届教代会", "十一月份：", "为“十一五”规划建功立业", "五一班的学生", "二十一名教师",
		"定期做好妇女体检", "度过年轻的岁月", "八月十五日开学", "增长3.85%", "十一、工会财务",
		"（十一）其他", "三q八", "高三八班", "过年", "年三十周年", "十八大和十五大",
		"第十一期间", "一九五一年",
	};
	size_t i;
	upl_holiday_match m;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *t = cases[i].text;
		const char *at = strstr(t, cases[i].match);
		ck_assert_ptr_nonnull(at);
		ck_assert_msg(upl_holiday_find(&m, t, strlen(t), 0) == 0, "%s", t);
		ck_assert_msg(strcmp(m.key, cases[i].key) == 0, "%s: %s", t, m.key);
		ck_assert_msg(m.start == (size_t)(at - t) && m.len == strlen(cases[i].match),
			      "%s: %zu+%zu", t, m.start, m.len);
	}
	for (i = 0; i < sizeof none / sizeof none[0]; i++)
		ck_assert_msg(upl_holiday_find(&m, none[i], strlen(none[i]), 0) == UPL_ENOTFOUND,
			      "%s: found %s", none[i], m.key);
	/* from: at and after the offset, from the middle of a character too */
	{
		const char *t = "春节、中秋节前";
		ck_assert_int_eq(upl_holiday_find(&m, t, strlen(t), 0), 0);
		ck_assert_str_eq(m.key, "spring-festival");
		ck_assert_int_eq(upl_holiday_find(&m, t, strlen(t), 1), 0);
		ck_assert_str_eq(m.key, "mid-autumn");
		ck_assert_int_eq(m.start, strlen("春节、"));
		ck_assert_int_eq(upl_holiday_find(&m, t, strlen(t), m.start + m.len), UPL_ENOTFOUND);
		ck_assert_int_eq(upl_holiday_find(&m, t, strlen(t), strlen(t)), UPL_ENOTFOUND);
		ck_assert_int_eq(upl_holiday_find(&m, t, strlen(t), strlen(t) + 1), UPL_EINVAL);
		ck_assert_int_eq(upl_holiday_find(NULL, t, strlen(t), 0), UPL_EINVAL);
		ck_assert_int_eq(upl_holiday_find(&m, NULL, 0, 0), UPL_EINVAL);
		/* a length cuts a name: nothing */
		ck_assert_int_eq(upl_holiday_find(&m, t, 4, 0), UPL_ENOTFOUND);
	}
}
END_TEST

/* Every festival named in the seed plans, in order, and nothing else. */
START_TEST(test_find_seeds)
{
	static const struct { const char *file; const char *expect; } seeds[] = {
		{ "000_4589f19a21d053f0.txt", "teachers-day:教师节 spring-festival:新春" },
		{ "001_10ff43b2df3ecc86.txt", "womens-day:“三.八\"婦女節 teachers-day:教師節" },
		{ "002_c586d096e016a226.txt",
		  "teachers-day:教师节 womens-day:“三八”妇女节 labour-day:“五一”劳动节 "
		  "teachers-day:教师节 mid-autumn:中秋节 teachers-day:教师节 mid-autumn:中秋节 "
		  "spring-festival:春节" },
		{ "003_16f611ec0ac9a530.txt",
		  "womens-day:“三八” labour-day:五.一劳动节 teachers-day:教师节 spring-festival:春节" },
		{ "004_7fafac6153687fc9.txt",
		  "womens-day:三八节 teachers-day:教师节 spring-festival:春节 mid-autumn:中秋 "
		  "womens-day:“三八”妇女节 teachers-day:教师节 womens-day:妇女节 youth-day:五.四青年节 "
		  "teachers-day:教师节 new-year:元旦 teachers-day:教师节 national-day:国庆 "
		  "mid-autumn:中秋 womens-day:三・八妇女节 spring-festival:春节 "
		  "womens-day:“三八”妇女节 teachers-day:教师节" },
	};
	size_t i;
	for (i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		char rel[256], got[4096] = "";
		size_t len, from = 0, used = 0;
		char *text;
		upl_holiday_match m;
		snprintf(rel, sizeof rel, "tests/data/seeds/%s", seeds[i].file);
		text = test_slurp(rel, &len);
		while (upl_holiday_find(&m, text, len, from) == 0) {
			used += (size_t)snprintf(got + used, sizeof got - used, "%s%s:%.*s",
						 used ? " " : "", m.key, (int)m.len, text + m.start);
			ck_assert_int_lt(used, sizeof got);
			from = m.start + m.len;
		}
		ck_assert_str_eq(got, seeds[i].expect);
		free(text);
	}
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Dates of a year, lists                                                   */

START_TEST(test_holiday_dates)
{
	static const char *const y2027[20] = {
		"2027-01-01", "2027-02-05", "2027-02-06", "2027-02-20", "2027-03-08", "2027-03-12",
		"2027-04-05", "2027-05-01", "2027-05-04", "2027-06-01", "2027-06-09", "2027-07-01",
		"2027-08-01", "2027-08-08", "2027-09-10", "2027-09-15", "2027-10-01", "2027-10-08",
		"2027-12-22", "2027-01-15"
	};
	upl_date d = UPL_DATE_INIT;
	size_t i;
	for (i = 0; i < 20; i++) {
		ck_assert_int_eq(upl_holiday_date(&d, upl_holiday_key(i), 2027), 0);
		ck_assert_date(d, y2027[i]);
	}
	ck_assert_int_eq(upl_holiday_date(&d, "spring-festival", 2030), 0);
	ck_assert_date(d, "2030-02-03");
	ck_assert_int_eq(upl_holiday_date(&d, "spring-festival", 1954), 0);
	ck_assert_date(d, "1954-02-03");
	ck_assert_int_eq(upl_holiday_date(&d, "qixi", 2012), 0);
	ck_assert_date(d, "2012-08-23");
	ck_assert_int_eq(upl_holiday_date(&d, "mid-autumn", 2012), 0);
	ck_assert_date(d, "2012-09-30");
	/* outside the table: ICU, checked against the Observatory for 1900 */
	ck_assert_int_eq(upl_holiday_date(&d, "spring-festival", 1900), 0);
	ck_assert_date(d, "1900-01-31");
	ck_assert_int_eq(upl_holiday_date(&d, "spring-festival-eve", 1901), 0);
	ck_assert_date(d, "1901-02-18");
	ck_assert_int_eq(upl_holiday_date(&d, "spring-festival", 2101), 0);
	ck_assert_date(d, "2101-01-29");
	ck_assert_int_eq(upl_holiday_date(&d, "spring-festival-eve", 2101), 0);
	ck_assert_date(d, "2101-01-28");
	for (i = 0; i < 20; i++) {
		int rc = upl_holiday_date(&d, upl_holiday_key(i), 1);
		ck_assert(rc == 0 || (rc == UPL_ENOTFOUND && strcmp(upl_holiday_key(i), "laba") == 0));
		if (rc == 0)
			ck_assert_int_eq(d.year, 1);
		rc = upl_holiday_date(&d, upl_holiday_key(i), 9999);
		ck_assert(rc == 0 || (rc == UPL_ENOTFOUND && strcmp(upl_holiday_key(i), "laba") == 0));
		if (rc == 0)
			ck_assert_int_eq(d.year, 9999);
	}
	/* hostile */
	d.year = 7;
	ck_assert_int_eq(upl_holiday_date(&d, "mid-autumn", 0), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_date(&d, "mid-autumn", 10000), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_date(&d, "mid-autumn", -2012), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_date(&d, "mid-autumn", 2147483647), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_date(&d, "victory-day", 2015), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_date(&d, "中秋节", 2015), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_date(&d, NULL, 2015), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_date(NULL, "mid-autumn", 2015), UPL_EINVAL);
	ck_assert_int_eq(d.year, 7);
}
END_TEST

START_TEST(test_holiday_list)
{
	upl_holiday_occurrence occ[64];
	size_t n = 99, i, labas = 0;
	upl_date bad;
	/* 2022 has two 腊八 (Jan 10, Dec 30); 2023 none */
	ck_assert_int_eq(upl_holiday_list(occ, 64, &n, test_iso("2022-01-01"), test_iso("2022-12-31")), 0);
	ck_assert_int_eq(n, 21);
	for (i = 0; i < n; i++) {
		if (strcmp(occ[i].key, "laba") == 0) {
			ck_assert_date(occ[i].date, labas ? "2022-12-30" : "2022-01-10");
			labas++;
		}
		if (i > 0)
			ck_assert_int_le(upl_date_compare(occ[i - 1].date, occ[i].date), 0);
	}
	ck_assert_int_eq(labas, 2);
	ck_assert_int_eq(upl_holiday_list(occ, 64, &n, test_iso("2023-01-01"), test_iso("2023-12-31")), 0);
	ck_assert_int_eq(n, 19);
	/* the school year 2026: 春节 2027 on Feb 6 */
	ck_assert_int_eq(upl_holiday_list(occ, 64, &n, test_iso("2027-02-01"), test_iso("2027-02-28")), 0);
	ck_assert_int_eq(n, 3);
	ck_assert_date(occ[0].date, "2027-02-05");
	ck_assert_str_eq(occ[0].key, "spring-festival-eve");
	ck_assert_date(occ[1].date, "2027-02-06");
	ck_assert_str_eq(occ[1].key, "spring-festival");
	ck_assert_date(occ[2].date, "2027-02-20");
	ck_assert_str_eq(occ[2].key, "lantern");
	/* the same day twice: 2012-10-01? no; 1900-06-01 is 儿童节 and 端午 */
	ck_assert_int_eq(upl_holiday_list(occ, 64, &n, test_iso("1900-06-01"), test_iso("1900-06-01")), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(occ[0].key, "childrens-day");
	ck_assert_str_eq(occ[1].key, "dragon-boat");
	/* a buffer too small: the first ones and the count */
	ck_assert_int_eq(upl_holiday_list(occ, 2, &n, test_iso("2027-01-01"), test_iso("2027-12-31")), UPL_ERANGE);
	ck_assert_int_eq(n, 20);
	ck_assert_date(occ[0].date, "2027-01-01");
	ck_assert_date(occ[1].date, "2027-01-15");
	ck_assert_int_eq(upl_holiday_list(NULL, 0, &n, test_iso("2027-01-01"), test_iso("2027-12-31")), UPL_ERANGE);
	ck_assert_int_eq(n, 20);
	ck_assert_int_eq(upl_holiday_list(occ, 64, &n, test_iso("2027-01-02"), test_iso("2027-01-14")), 0);
	ck_assert_int_eq(n, 0);
	/* hostile */
	ck_assert_int_eq(upl_holiday_list(occ, 64, &n, test_iso("2027-12-31"), test_iso("2027-01-01")), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_list(occ, 64, NULL, test_iso("2027-01-01"), test_iso("2027-12-31")), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_list(NULL, 3, &n, test_iso("2027-01-01"), test_iso("2027-12-31")), UPL_EINVAL);
	bad.year = 2013; bad.month = 2; bad.day = 30;
	ck_assert_int_eq(upl_holiday_list(occ, 64, &n, bad, test_iso("2013-12-31")), UPL_EINVAL);
	bad.year = 0; bad.month = 1; bad.day = 1;
	ck_assert_int_eq(upl_holiday_list(occ, 64, &n, bad, test_iso("2013-12-31")), UPL_EINVAL);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* School periods                                                           */

START_TEST(test_periods)
{
	static const struct { int kind, year, part; const char *start, *end; } cases[] = {
		{ 1, 2012, 0, "2012-09-01", "2013-08-31" },   /* 2012学年 */
		{ 2, 2012, 1, "2012-09-01", "2013-01-31" },   /* 2012学年第一学期 */
		{ 2, 2012, 2, "2013-02-01", "2013-08-31" },   /* 2012学年第二学期 */
		{ 3, 2012, 0, "2012-01-01", "2012-12-31" },   /* 2012年 */
		{ 4, 2012, 1, "2012-01-01", "2012-06-30" },   /* 2012年上半年 */
		{ 4, 2012, 2, "2012-07-01", "2012-12-31" },   /* 2012年下半年 */
		{ 1, 9998, 0, "9998-09-01", "9999-08-31" },
		{ 3, 9999, 0, "9999-01-01", "9999-12-31" },
	};
	static const int bad[][3] = {
		{ 0, 2012, 0 }, { 5, 2012, 0 }, { 1, 2012, 1 }, { 2, 2012, 0 }, { 2, 2012, 3 },
		{ 3, 2012, 2 }, { 4, 2012, 0 }, { 4, 2012, -1 }, { 1, 0, 0 }, { 1, 9999, 0 },
		{ 2, 9999, 2 }, { 3, 10000, 0 }, { 3, -1, 0 },
	};
	size_t i;
	upl_date s, e;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_int_eq(upl_period_range(&s, &e, cases[i].kind, cases[i].year, cases[i].part), 0);
		ck_assert_date(s, cases[i].start);
		ck_assert_date(e, cases[i].end);
	}
	ck_assert_int_eq(UPL_PERIOD_TERM, 2);
	ck_assert_int_eq(upl_period_range(&s, &e, UPL_PERIOD_HALF_YEAR, 2013, 1), 0);
	ck_assert_date(e, "2013-06-30");
	s.year = e.year = 42;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(upl_period_range(&s, &e, bad[i][0], bad[i][1], bad[i][2]) == UPL_EINVAL,
			      "case %zu", i);
	ck_assert_int_eq(s.year, 42);
	ck_assert_int_eq(upl_period_range(NULL, &e, 1, 2012, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_period_range(&s, NULL, 1, 2012, 0), UPL_EINVAL);
}
END_TEST

static Suite *
calendar_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("festivals");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_lunar_festivals);
	tcase_add_test(tc, test_laba);
	tcase_add_test(tc, test_holiday_dates);
	tcase_add_test(tc, test_holiday_list);
	suite_add_tcase(s, tc);
	tc = tcase_create("solar-terms");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_qingming_dongzhi);
	tcase_add_test(tc, test_terms_2024);
	tcase_add_test(tc, test_terms_near_midnight);
	tcase_add_test(tc, test_principal_terms);
	suite_add_tcase(s, tc);
	tc = tcase_create("names");
	tcase_add_test(tc, test_keys);
	tcase_add_test(tc, test_from_name);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_find_seeds);
	suite_add_tcase(s, tc);
	tc = tcase_create("periods");
	tcase_add_test(tc, test_periods);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(calendar_suite)

/* Unit tests for statutory arrangements and working days: every day of the
 * official notices 2007-2026 (tests/data/holidays-cn/), loading data files
 * at run time, malformed files (tests/data/calendar/), threads. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

static void
path_of(char *buf, size_t size, const char *rel)
{
	const char *top = getenv("top_srcdir");
	snprintf(buf, size, "%s/%s", top ? top : ".", rel);
}

static upl_date
iso(const char *s)
{
	upl_date d = UPL_DATE_INIT;
	ck_assert_msg(upl_date_parse(&d, s, 10) == 0, "bad date %.10s", s);
	return d;
}

/* ------------------------------------------------------------------------ */
/* The reference JSON files: just enough of a reader for their shape         */

struct ref_day {
	upl_date date;
	int off;
	char name[128];
};

/* The string value of "field" inside obj[0..len), copied to out. */
static int
json_field(const char *obj, size_t len, const char *field, char *out, size_t size)
{
	char pat[64];
	const char *p, *end = obj + len, *q;
	snprintf(pat, sizeof pat, "\"%s\"", field);
	for (p = obj; p < end; p++) {
		if ((size_t)(end - p) < strlen(pat) || memcmp(p, pat, strlen(pat)) != 0)
			continue;
		p += strlen(pat);
		while (p < end && (*p == ' ' || *p == ':'))
			p++;
		if (p < end && *p == '"') {
			q = memchr(p + 1, '"', (size_t)(end - p - 1));
			ck_assert_ptr_nonnull(q);
			ck_assert_int_lt((size_t)(q - p - 1), size);
			memcpy(out, p + 1, (size_t)(q - p - 1));
			out[q - p - 1] = '\0';
		} else {
			q = p;
			while (q < end && *q >= 'a' && *q <= 'z')
				q++;
			ck_assert_int_lt((size_t)(q - p), size);
			memcpy(out, p, (size_t)(q - p));
			out[q - p] = '\0';
		}
		return 1;
	}
	return 0;
}

/* The days of one year's file; returns how many. */
static size_t
read_json(int year, struct ref_day *days, size_t max)
{
	char rel[128], value[128];
	char *text, *p, *obj, *end;
	size_t n = 0;
	snprintf(rel, sizeof rel, "tests/data/holidays-cn/%d.json", year);
	text = test_slurp(rel, NULL);
	p = strstr(text, "\"days\"");
	ck_assert_ptr_nonnull(p);
	while ((obj = strchr(p, '{')) != NULL) {
		end = strchr(obj, '}');
		ck_assert_ptr_nonnull(end);
		ck_assert_int_lt(n, max);
		ck_assert(json_field(obj, (size_t)(end - obj), "date", value, sizeof value));
		days[n].date = iso(value);
		ck_assert(json_field(obj, (size_t)(end - obj), "isOffDay", value, sizeof value));
		ck_assert(strcmp(value, "true") == 0 || strcmp(value, "false") == 0);
		days[n].off = strcmp(value, "true") == 0;
		ck_assert(json_field(obj, (size_t)(end - obj), "name", days[n].name, sizeof days[n].name));
		n++;
		p = end + 1;
	}
	free(text);
	return n;
}

/* The holiday key for a name as the notices word it. */
static const char *
key_of(const char *name)
{
	static const struct { const char *name, *key; } map[] = {
		{ "元旦", "new-year" }, { "春节", "spring-festival" }, { "清明节", "qingming" },
		{ "劳动节", "labour-day" }, { "“五一”", "labour-day" }, { "“五一”国际劳动节", "labour-day" },
		{ "端午节", "dragon-boat" }, { "中秋节", "mid-autumn" }, { "国庆节", "national-day" },
		{ "“十一”", "national-day" }, { "国庆节、中秋节", "national-day" },
		{ "中秋节、国庆节", "national-day" },
		{ "抗日战争暨世界反法西斯战争胜利70周年纪念日", "victory-day" },
	};
	size_t i;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].name, name) == 0)
			return map[i].key;
	ck_abort_msg("unknown holiday name %s", name);
	return NULL;
}

/* ------------------------------------------------------------------------ */

/* Many threads ask at once, before anything else in this process has
 * touched the embedded data (this test runs first). */
static void *
worker(void *arg)
{
	static const struct { const char *date; upl_day_status status; const char *reason; } q[] = {
		{ "2012-09-29", UPL_DAY_WORKDAY, "adjusted-workday" },
		{ "2012-10-03", UPL_DAY_OFF, "national-day" },
		{ "2027-01-04", UPL_DAY_UNKNOWN, "" },
		{ "2024-02-10", UPL_DAY_OFF, "spring-festival" },
	};
	int *failed = arg, i, k;
	for (k = 0; k < 200; k++)
		for (i = 0; i < 4; i++) {
			upl_workday_info w;
			upl_lunar_date l;
			upl_date d;
			upl_date_parse(&d, q[i].date, (size_t)-1);
			if (upl_calendar_workday(&w, NULL, d) != 0 || w.status != q[i].status ||
			    strcmp(w.reason, q[i].reason) != 0)
				(*failed)++;
			if (upl_lunar_from_date(&l, d) != 0)
				(*failed)++;
		}
	return NULL;
}

START_TEST(test_threads)
{
	pthread_t t[8];
	int failed[8] = { 0 }, i;
	for (i = 0; i < 8; i++)
		ck_assert_int_eq(pthread_create(&t[i], NULL, worker, &failed[i]), 0);
	for (i = 0; i < 8; i++) {
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
		ck_assert_int_eq(failed[i], 0);
	}
}
END_TEST

/* Every day the notices of 2007-2026 name, and every other day of those
 * years. */
START_TEST(test_reference_days)
{
	static struct ref_day days[1000];
	static unsigned char listed[366 * 21];
	size_t n, i, total = 0, off = 0, work = 0;
	long z, z0, z1;
	int y;
	upl_workday_info w;
	upl_date d;
	memset(listed, 0, sizeof listed);
	upl_date_to_days(&z0, iso("2006-12-01"));
	upl_date_to_days(&z1, iso("2026-12-31"));
	for (y = 2007; y <= 2027; y++) {
		n = read_json(y, days, 1000);
		if (y == 2027)
			ck_assert_int_eq(n, 0); /* the placeholder */
		for (i = 0; i < n; i++) {
			ck_assert_int_eq(upl_calendar_workday(&w, NULL, days[i].date), 0);
			if (days[i].off) {
				ck_assert_msg(w.status == UPL_DAY_OFF, "%d: %04d-%02d-%02d", y,
					      days[i].date.year, days[i].date.month, days[i].date.day);
				ck_assert_str_eq(w.reason, key_of(days[i].name));
				off++;
			} else {
				ck_assert_int_eq(w.status, UPL_DAY_WORKDAY);
				/* a weekend worked; Monday 2020-02-03 is an ordinary day */
				ck_assert_str_eq(w.reason, upl_date_weekday(days[i].date) >= 6 ?
						 "adjusted-workday" : "");
				work++;
			}
			upl_date_to_days(&z, days[i].date);
			ck_assert(z >= z0 && z <= z1);
			listed[z - z0] = 1;
			total++;
		}
	}
	ck_assert_int_eq(total, 678);
	ck_assert_int_eq(off, 545);
	ck_assert_int_eq(work, 133);
	/* the other days of 2007-2026: weekends off, weekdays worked */
	upl_date_to_days(&z, iso("2007-01-01"));
	for (; z <= z1; z++) {
		if (listed[z - z0])
			continue;
		upl_date_from_days(&d, z);
		ck_assert_int_eq(upl_calendar_workday(&w, NULL, d), 0);
		if (upl_date_weekday(d) >= 6) {
			ck_assert_int_eq(w.status, UPL_DAY_OFF);
			ck_assert_str_eq(w.reason, "weekend");
		} else {
			ck_assert_int_eq(w.status, UPL_DAY_WORKDAY);
			ck_assert_str_eq(w.reason, "");
		}
	}
	/* no data: unknown, never guessed (December 2006 only where the 2007
	 * notice names it) */
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, iso("2006-12-29")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_UNKNOWN);
	ck_assert_str_eq(w.reason, "");
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, iso("2006-12-30")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_WORKDAY);
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, iso("2027-01-01")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_UNKNOWN);
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, iso("2027-02-06")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_UNKNOWN);
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, iso("1949-10-01")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_UNKNOWN);
	for (y = 1; y <= 9999; y++)
		ck_assert_int_eq(upl_calendar_has_year(NULL, y), y >= 2007 && y <= 2026);
}
END_TEST

/* The days the issue names, and the reasons chosen for the special cases. */
START_TEST(test_known_days)
{
	static const struct { const char *date; upl_day_status status; const char *reason; } cases[] = {
		{ "2012-09-29", UPL_DAY_WORKDAY, "adjusted-workday" },
		{ "2012-09-30", UPL_DAY_OFF, "national-day" },   /* 中秋节、国庆节 */
		{ "2012-10-03", UPL_DAY_OFF, "national-day" },
		{ "2012-10-08", UPL_DAY_WORKDAY, "" },
		{ "2012-10-13", UPL_DAY_OFF, "weekend" },
		{ "2011-12-31", UPL_DAY_WORKDAY, "adjusted-workday" }, /* from the 2012 notice */
		{ "2015-09-03", UPL_DAY_OFF, "victory-day" },
		{ "2015-09-06", UPL_DAY_WORKDAY, "adjusted-workday" },
		{ "2020-01-31", UPL_DAY_OFF, "spring-festival" }, /* the extension */
		{ "2020-02-03", UPL_DAY_WORKDAY, "" },
		{ "2025-01-28", UPL_DAY_OFF, "spring-festival" }, /* 除夕, statutory from 2025 */
		{ "2026-09-25", UPL_DAY_OFF, "mid-autumn" },
	};
	size_t i;
	upl_workday_info w;
	upl_date bad;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_int_eq(upl_calendar_workday(&w, NULL, iso(cases[i].date)), 0);
		ck_assert_msg(w.status == cases[i].status, "%s", cases[i].date);
		ck_assert_str_eq(w.reason, cases[i].reason);
	}
	bad.year = 2013; bad.month = 2; bad.day = 30;
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, bad), UPL_EINVAL);
	bad.year = 0; bad.month = 10; bad.day = 1;
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, bad), UPL_EINVAL);
	bad.year = 2012; bad.month = 13; bad.day = 1;
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, bad), UPL_EINVAL);
	bad.year = 100000; bad.month = 1; bad.day = 1;
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, bad), UPL_EINVAL);
	ck_assert_int_eq(upl_calendar_workday(NULL, NULL, iso("2012-10-01")), UPL_EINVAL);
}
END_TEST

START_TEST(test_calendar_days)
{
	upl_calendar_day days[64];
	size_t n;
	ck_assert_int_eq(upl_calendar_days(days, 64, &n, NULL, 2012), 0);
	ck_assert_int_eq(n, 34);
	ck_assert_int_eq(upl_date_compare(days[0].date, iso("2011-12-31")), 0);
	ck_assert_int_eq(days[0].status, UPL_DAY_WORKDAY);
	ck_assert_str_eq(days[0].holiday, "new-year");
	ck_assert_int_eq(upl_date_compare(days[33].date, iso("2012-10-07")), 0);
	ck_assert_int_eq(days[33].status, UPL_DAY_OFF);
	ck_assert_str_eq(days[33].holiday, "national-day");
	ck_assert_int_eq(upl_calendar_days(days, 3, &n, NULL, 2012), UPL_ERANGE);
	ck_assert_int_eq(n, 34);
	ck_assert_int_eq(upl_calendar_days(NULL, 0, &n, NULL, 2015), UPL_ERANGE);
	ck_assert_int_eq(n, 31);
	ck_assert_int_eq(upl_calendar_days(days, 64, &n, NULL, 2027), UPL_ENOTFOUND);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(upl_calendar_days(days, 64, NULL, NULL, 2012), UPL_EINVAL);
	ck_assert_int_eq(upl_calendar_days(NULL, 4, &n, NULL, 2012), UPL_EINVAL);
}
END_TEST

/* Counting working days over a range, both ends included; the answers are
 * counted by hand from libunionplan/data/holidays-cn.txt. */
START_TEST(test_workdays_between)
{
	static const struct { const char *start, *end; long n; } cases[] = {
		{ "2012-09-29", "2012-09-29", 1 },  /* an adjusted working day (Saturday) */
		{ "2012-09-30", "2012-10-07", 0 },  /* the National Day week */
		{ "2012-09-29", "2012-10-08", 2 },
		{ "2012-09-01", "2012-09-30", 21 }, /* 20 weekdays and 09-29 */
		{ "2012-10-01", "2012-10-31", 18 }, /* 23 weekdays, 10-01..05 off */
		{ "2012-01-01", "2012-12-31", 249 }, /* 261 weekdays - 18 off + 6 worked weekends */
		{ "2012-12-29", "2013-01-06", 4 },  /* 12-31, 01-04 and the weekend 01-05..06 */
		{ "2006-12-30", "2006-12-31", 2 },  /* December 2006 from the 2007 notice */
		{ "2007-01-01", "2026-12-31", 4991 }, /* all the embedded data */
		{ "2012-10-08", "2012-10-01", 0 },  /* ends before it starts: no day */
		{ "2030-02-03", "2030-02-01", 0 },  /* no day, so nothing unknown either */
	};
	upl_date bad = { 2013, 2, 30 };
	size_t i;
	long n;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = -1;
		ck_assert_int_eq(upl_calendar_workdays_between(&n, NULL, iso(cases[i].start),
							       iso(cases[i].end)), 0);
		ck_assert_msg(n == cases[i].n, "%s..%s: %ld", cases[i].start, cases[i].end, n);
	}
	/* a day without data is never guessed */
	n = -1;
	ck_assert_int_eq(upl_calendar_workdays_between(&n, NULL, iso("2030-01-01"), iso("2030-12-31")),
			 UPL_ENOTFOUND);
	ck_assert_int_eq(n, -1);
	ck_assert_int_eq(upl_calendar_workdays_between(&n, NULL, iso("2026-12-01"), iso("2027-01-01")),
			 UPL_ENOTFOUND);
	ck_assert_int_eq(upl_calendar_workdays_between(&n, NULL, iso("2006-12-29"), iso("2007-01-31")),
			 UPL_ENOTFOUND);
	ck_assert_int_eq(upl_calendar_workdays_between(&n, NULL, bad, iso("2013-03-01")), UPL_EINVAL);
	ck_assert_int_eq(upl_calendar_workdays_between(&n, NULL, iso("2013-03-01"), bad), UPL_EINVAL);
	ck_assert_int_eq(upl_calendar_workdays_between(NULL, NULL, iso("2012-10-01"), iso("2012-10-08")),
			 UPL_EINVAL);
	ck_assert_int_eq(n, -1);
}
END_TEST

/* Moving by working days: roll forward to a working day, then n of them. */
START_TEST(test_add_workdays)
{
	static const struct { const char *from; long n; const char *to; } cases[] = {
		{ "2012-09-28", 1, "2012-09-29" },  /* Friday, then the worked Saturday */
		{ "2012-09-28", 2, "2012-10-08" },  /* over the National Day week */
		{ "2012-09-29", 0, "2012-09-29" },  /* a working day stays */
		{ "2012-09-30", 0, "2012-10-08" },  /* a day off rolls forward */
		{ "2012-10-03", 1, "2012-10-09" },  /* rolled to 10-08, then one more */
		{ "2012-10-08", -1, "2012-09-29" },
		{ "2012-10-03", -1, "2012-09-29" }, /* the last working day before it */
		{ "2012-10-08", -2, "2012-09-28" },
		{ "2012-12-31", 1, "2013-01-04" },  /* across the year boundary */
		{ "2012-12-31", 3, "2013-01-06" },  /* the worked Sunday 2013-01-06 */
		{ "2012-12-31", 4, "2013-01-07" },
		{ "2013-01-04", -2, "2012-12-28" },
		{ "2012-01-01", 248, "2012-12-31" }, /* 2012 has 249: 01-04 is the first */
		{ "2007-01-01", 0, "2007-01-04" },
		{ "2007-01-04", 4990, "2026-12-31" },
		{ "2026-12-31", -4990, "2007-01-04" },
		{ "2007-01-04", -2, "2006-12-30" }, /* December 2006 from the 2007 notice */
	};
	upl_calendar *cal = NULL;
	upl_date out, bad = { 2012, 13, 1 };
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		out = iso("2000-01-01");
		ck_assert_int_eq(upl_calendar_add_workdays(&out, NULL, iso(cases[i].from), cases[i].n), 0);
		ck_assert_msg(upl_date_compare(out, iso(cases[i].to)) == 0, "%s %+ld: %04d-%02d-%02d",
			      cases[i].from, cases[i].n, out.year, out.month, out.day);
	}
	/* the walk reaches a year without data */
	out = iso("2000-01-01");
	ck_assert_int_eq(upl_calendar_add_workdays(&out, NULL, iso("2026-12-31"), 1), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_calendar_add_workdays(&out, NULL, iso("2007-01-04"), -3), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_calendar_add_workdays(&out, NULL, iso("2030-02-03"), 0), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_calendar_add_workdays(&out, NULL, iso("2012-06-01"), 100000L), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_date_compare(out, iso("2000-01-01")), 0);
	ck_assert_int_eq(upl_calendar_add_workdays(&out, NULL, bad, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_calendar_add_workdays(NULL, NULL, iso("2012-10-08"), 1), UPL_EINVAL);
	/* and past the ends of the date range, with data for years 1 and 9999 */
	{
		static const char buf[] =
			"unionplan-holidays 1\n"
			"year 0001\n"
			"off 0001-01-01 new-year\n"
			"year 9999\n"
			"off 9999-12-31 new-year\n";
		long n = 0;
		ck_assert_int_eq(upl_calendar_new(&cal, NULL), 0);
		ck_assert_int_eq(upl_calendar_load_buffer(cal, buf, sizeof buf - 1, NULL, NULL), 0);
		ck_assert_int_eq(upl_calendar_add_workdays(&out, cal, iso("9999-12-30"), 0), 0);
		ck_assert_int_eq(upl_date_compare(out, iso("9999-12-30")), 0);
		ck_assert_int_eq(upl_calendar_add_workdays(&out, cal, iso("9999-12-30"), 1), UPL_ERANGE);
		ck_assert_int_eq(upl_calendar_add_workdays(&out, cal, iso("9999-12-31"), 0), UPL_ERANGE);
		ck_assert_int_eq(upl_calendar_add_workdays(&out, cal, iso("0001-01-02"), -1), UPL_ERANGE);
		ck_assert_int_eq(upl_calendar_add_workdays(&out, cal, iso("0001-01-01"), 0), 0);
		ck_assert_int_eq(upl_date_compare(out, iso("0001-01-02")), 0);
		/* 9999-12-31 is a Friday, off in this file; the 22 weekdays before it are worked */
		ck_assert_int_eq(upl_calendar_workdays_between(&n, cal, iso("9999-12-01"),
							       iso("9999-12-31")), 0);
		ck_assert_int_eq(n, 22);
		/* the set's own data: 2027 is still unknown, 2012 as embedded */
		ck_assert_int_eq(upl_calendar_add_workdays(&out, cal, iso("2012-09-28"), 2), 0);
		ck_assert_int_eq(upl_date_compare(out, iso("2012-10-08")), 0);
		ck_assert_int_eq(upl_calendar_add_workdays(&out, cal, iso("2027-01-04"), 0), UPL_ENOTFOUND);
		upl_calendar_free(cal);
	}
}
END_TEST

/* Loading files and buffers: add a year, replace a year, keep the rest. */
START_TEST(test_load)
{
	upl_calendar *cal = NULL;
	upl_error *err = NULL;
	upl_workday_info w;
	char path[1024];
	path_of(path, sizeof path, "tests/data/calendar/good-2027.txt");
	ck_assert_int_eq(upl_calendar_new(&cal, &err), 0);
	ck_assert_ptr_null(err);
	ck_assert_int_eq(upl_calendar_has_year(cal, 2027), 0);
	ck_assert_int_eq(upl_calendar_load_file(cal, path, &err), 0);
	ck_assert_ptr_null(err);
	ck_assert_int_eq(upl_calendar_has_year(cal, 2027), 1);
	ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2027-02-08")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_OFF);
	ck_assert_str_eq(w.reason, "spring-festival");
	ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2027-02-20")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_WORKDAY);
	ck_assert_str_eq(w.reason, "adjusted-workday");
	ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2027-03-01")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_WORKDAY);
	ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2012-10-03")), 0);
	ck_assert_str_eq(w.reason, "national-day");
	/* the embedded data is not changed by loading into a set */
	ck_assert_int_eq(upl_calendar_has_year(NULL, 2027), 0);
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, iso("2027-02-08")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_UNKNOWN);
	/* a buffer replaces a whole year: 2012 now has one day off */
	path_of(path, sizeof path, "tests/data/calendar/crlf-2012.txt");
	ck_assert_int_eq(upl_calendar_load_file(cal, path, &err), 0);
	ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2012-10-01")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_OFF);
	ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2012-10-03")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_WORKDAY);
	ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2012-09-29")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_OFF);
	ck_assert_str_eq(w.reason, "weekend");
	ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2011-12-31")), 0);
	ck_assert_str_eq(w.reason, "weekend");
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, iso("2012-10-03")), 0);
	ck_assert_str_eq(w.reason, "national-day");
	{
		static const char buf[] =
			"\xef\xbb\xbfunionplan-holidays 1\n"
			"year 2028\n"
			"off 2027-12-31 new-year\n"
			"work 2028-01-02 new-year\n";
		ck_assert_int_eq(upl_calendar_load_buffer(cal, buf, sizeof buf - 1, "mem", &err), 0);
		/* December 2027 from the 2028 notice, the rest from 2027's */
		ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2027-12-31")), 0);
		ck_assert_int_eq(w.status, UPL_DAY_OFF);
		ck_assert_str_eq(w.reason, "new-year");
		ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2027-12-30")), 0);
		ck_assert_int_eq(w.status, UPL_DAY_WORKDAY);
		ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2028-01-02")), 0);
		ck_assert_str_eq(w.reason, "adjusted-workday");
	}
	upl_calendar_free(cal);
	upl_calendar_free(NULL);
}
END_TEST

/* Malformed files: UPL_EPARSE, file:line:col, a clear message, and the set
 * they were loaded into is unchanged. */
START_TEST(test_malformed)
{
	static const struct { const char *file; unsigned int line, col; const char *message; } cases[] = {
		{ "no-header.txt", 1, 1, "must start with 'unionplan-holidays 1'" },
		{ "bad-version.txt", 2, 20, "unsupported format version" },
		{ "bad-date.txt", 3, 6, "not a date" },
		{ "month-13.txt", 4, 5, "not a date" },
		{ "reversed-range.txt", 3, 5, "ends before it starts" },
		{ "long-range.txt", 3, 5, "longer than 61 days" },
		{ "outside-year.txt", 3, 5, "outside year 2027" },
		{ "unknown-key.txt", 3, 16, "unknown holiday key" },
		{ "missing-key.txt", 3, 15, "holiday key is missing" },
		{ "duplicate-day.txt", 4, 6, "2027-02-07 is listed twice in year 2027" },
		{ "duplicate-year.txt", 4, 6, "year 2027 appears twice" },
		{ "empty-year.txt", 4, 1, "year 2027 lists no day" },
		{ "trailing-text.txt", 3, 25, "unexpected text" },
		{ "unknown-line.txt", 3, 1, "unknown line" },
		{ "day-before-year.txt", 2, 1, "before the first 'year'" },
		{ "year-zero.txt", 2, 6, "four digits" },
		{ "huge-year.txt", 2, 6, "four digits" },
		{ "invalid-utf8.txt", 2, 3, "not valid UTF-8" },
		{ "empty.txt", 1, 1, "empty file" },
		{ "no-year.txt", 2, 1, "has no 'year'" },
		{ "nul-byte.txt", 4, 24, "NUL byte" },
	};
	upl_calendar *cal = NULL;
	upl_workday_info w;
	size_t i;
	char path[1024];
	ck_assert_int_eq(upl_calendar_new(&cal, NULL), 0);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		upl_error *err = NULL;
		char rel[256];
		size_t len;
		char *buf;
		snprintf(rel, sizeof rel, "tests/data/calendar/%s", cases[i].file);
		path_of(path, sizeof path, rel);
		ck_assert_msg(upl_calendar_load_file(cal, path, &err) == UPL_EPARSE, "%s", cases[i].file);
		ck_assert_ptr_nonnull(err);
		ck_assert_int_eq(upl_error_code(err), UPL_EPARSE);
		ck_assert_str_eq(upl_error_file(err), path);
		ck_assert_msg(upl_error_line(err) == cases[i].line && upl_error_column(err) == cases[i].col,
			      "%s: %u:%u: %s", cases[i].file, upl_error_line(err), upl_error_column(err),
			      upl_error_message(err));
		ck_assert_msg(strstr(upl_error_message(err), cases[i].message) != NULL, "%s: %s",
			      cases[i].file, upl_error_message(err));
		upl_error_free(err);
		/* the same from a buffer, without an error object */
		buf = test_slurp(rel, &len);
		ck_assert_int_eq(upl_calendar_load_buffer(cal, buf, len, NULL, NULL), UPL_EPARSE);
		err = NULL;
		ck_assert_int_eq(upl_calendar_load_buffer(cal, buf, len, NULL, &err), UPL_EPARSE);
		ck_assert_str_eq(upl_error_file(err), "<buffer>");
		upl_error_free(err);
		free(buf);
		/* nothing changed */
		ck_assert_int_eq(upl_calendar_has_year(cal, 2027), 0);
		ck_assert_int_eq(upl_calendar_has_year(cal, 2028), 0);
		ck_assert_int_eq(upl_calendar_workday(&w, cal, iso("2012-10-03")), 0);
		ck_assert_str_eq(w.reason, "national-day");
	}
	/* I/O errors and bad arguments */
	{
		upl_error *err = NULL;
		path_of(path, sizeof path, "tests/data/calendar/no-such-file.txt");
		ck_assert_int_eq(upl_calendar_load_file(cal, path, &err), UPL_EIO);
		ck_assert_str_eq(upl_error_file(err), path);
		upl_error_free(err);
		err = NULL;
		path_of(path, sizeof path, "tests/data/calendar");
		ck_assert_int_eq(upl_calendar_load_file(cal, path, &err), UPL_EIO);
		upl_error_free(err);
		ck_assert_int_eq(upl_calendar_load_file(NULL, path, NULL), UPL_EINVAL);
		ck_assert_int_eq(upl_calendar_load_file(cal, NULL, NULL), UPL_EINVAL);
		ck_assert_int_eq(upl_calendar_load_buffer(cal, NULL, 5, NULL, NULL), UPL_EINVAL);
		ck_assert_int_eq(upl_calendar_load_buffer(cal, NULL, 0, NULL, NULL), UPL_EPARSE);
		ck_assert_int_eq(upl_calendar_new(NULL, NULL), UPL_EINVAL);
	}
	ck_assert_int_eq(upl_calendar_has_year(cal, 2012), 1);
	upl_calendar_free(cal);
	/* the embedded data is intact after all this */
	ck_assert_int_eq(upl_calendar_workday(&w, NULL, iso("2012-09-29")), 0);
	ck_assert_int_eq(w.status, UPL_DAY_WORKDAY);
	ck_assert_int_eq(upl_calendar_has_year(NULL, 2027), 0);
}
END_TEST

/* The installed data file is the one embedded. */
START_TEST(test_data_file)
{
	upl_calendar *cal = NULL;
	upl_error *err = NULL;
	upl_calendar_day a[64], b[64];
	size_t na, nb, i;
	char path[1024];
	int y;
	path_of(path, sizeof path, "libunionplan/data/holidays-cn.txt");
	ck_assert_int_eq(upl_calendar_new(&cal, NULL), 0);
	ck_assert_int_eq(upl_calendar_load_file(cal, path, &err), 0);
	for (y = 2007; y <= 2026; y++) {
		ck_assert_int_eq(upl_calendar_days(a, 64, &na, cal, y), 0);
		ck_assert_int_eq(upl_calendar_days(b, 64, &nb, NULL, y), 0);
		ck_assert_int_eq(na, nb);
		for (i = 0; i < na; i++) {
			ck_assert_int_eq(upl_date_compare(a[i].date, b[i].date), 0);
			ck_assert_int_eq(a[i].status, b[i].status);
			ck_assert_str_eq(a[i].holiday, b[i].holiday);
		}
	}
	upl_calendar_free(cal);
}
END_TEST

static Suite *
workday_suite(void)
{
	Suite *s = suite_create("workday");
	TCase *tc = tcase_create("threads");
	tcase_add_test(tc, test_threads);
	suite_add_tcase(s, tc);
	tc = tcase_create("official");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_reference_days);
	tcase_add_test(tc, test_known_days);
	tcase_add_test(tc, test_calendar_days);
	tcase_add_test(tc, test_workdays_between);
	tcase_add_test(tc, test_add_workdays);
	suite_add_tcase(s, tc);
	tc = tcase_create("files");
	tcase_add_test(tc, test_load);
	tcase_add_test(tc, test_malformed);
	tcase_add_test(tc, test_data_file);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(workday_suite)

/* Unit tests for the civil date type (include/unionplan/date.h). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

START_TEST(test_leap_years)
{
	ck_assert_int_eq(upl_date_is_leap_year(2000), 1);
	ck_assert_int_eq(upl_date_is_leap_year(1900), 0);
	ck_assert_int_eq(upl_date_is_leap_year(2012), 1);
	ck_assert_int_eq(upl_date_is_leap_year(2013), 0);
	ck_assert_int_eq(upl_date_days_in_month(2013, 2), 28);
	ck_assert_int_eq(upl_date_days_in_month(2012, 2), 29);
	ck_assert_int_eq(upl_date_days_in_month(0, 2), 29);
	ck_assert_int_eq(upl_date_days_in_month(2012, 13), 0);
	ck_assert_int_eq(upl_date_days_in_month(2012, 0), 0);
	ck_assert_int_eq(upl_date_days_in_month(2012, 9), 30);
}
END_TEST

START_TEST(test_make_and_validate)
{
	upl_date d = UPL_DATE_INIT;
	ck_assert_int_eq(upl_date_make(&d, 2012, 9, 30), 0);
	ck_assert_int_eq(d.year, 2012);
	ck_assert_int_eq(d.month, 9);
	ck_assert_int_eq(d.day, 30);
	ck_assert_int_eq(upl_date_make(&d, 2013, 2, 30), UPL_EINVAL);
	ck_assert_int_eq(d.day, 30); /* untouched on failure */
	ck_assert_int_eq(upl_date_make(&d, 0, 1, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_date_make(&d, 2012, 13, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_date_make(&d, 10000, 1, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_date_make(&d, 2012, 4, 31), UPL_EINVAL);
	ck_assert_int_eq(upl_date_make(NULL, 2012, 4, 1), UPL_EINVAL);
}
END_TEST

START_TEST(test_parse_format)
{
	static const struct { const char *in; int rc; int y, m, d; } cases[] = {
		{ "2012-09-10", 0, 2012, 9, 10 },
		{ "2013-01-31", 0, 2013, 1, 31 },
		{ "2012-02-29", 0, 2012, 2, 29 },
		{ "--09-10", 0, 0, 9, 10 },
		{ "--02-29", 0, 0, 2, 29 },
		{ "2013-02-29", UPL_EINVAL, 0, 0, 0 },
		{ "2013-02-30", UPL_EINVAL, 0, 0, 0 },
		{ "0000-01-01", UPL_EINVAL, 0, 0, 0 },
		{ "2012-9-10", UPL_EINVAL, 0, 0, 0 },
		{ "2012/09/10", UPL_EINVAL, 0, 0, 0 },
		{ "12012-09-10", UPL_EINVAL, 0, 0, 0 },
		{ "--13-01", UPL_EINVAL, 0, 0, 0 },
		{ "--02-30", UPL_EINVAL, 0, 0, 0 },
		{ "", UPL_EINVAL, 0, 0, 0 },
		{ "２０１２-09-10", UPL_EINVAL, 0, 0, 0 },
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		upl_date d = UPL_DATE_INIT;
		char buf[UPL_DATE_ISO_SIZE];
		int rc = upl_date_parse(&d, cases[i].in, (size_t)-1);
		ck_assert_msg(rc == cases[i].rc, "parse %s gave %d", cases[i].in, rc);
		if (rc != 0)
			continue;
		ck_assert_int_eq(d.year, cases[i].y);
		ck_assert_int_eq(d.month, cases[i].m);
		ck_assert_int_eq(d.day, cases[i].d);
		ck_assert_int_eq(upl_date_format(buf, d), 0);
		ck_assert_str_eq(buf, cases[i].in);
	}
	{
		upl_date d = UPL_DATE_INIT;
		/* length-delimited parse ignores what follows */
		ck_assert_int_eq(upl_date_parse(&d, "2012-09-30T00:00", 10), 0);
		ck_assert_int_eq(d.day, 30);
	}
	{
		char buf[UPL_DATE_ISO_SIZE] = "x";
		upl_date bad = { 2013, 2, 30 };
		ck_assert_int_eq(upl_date_format(buf, bad), UPL_EINVAL);
		ck_assert_str_eq(buf, "");
	}
}
END_TEST

START_TEST(test_days_and_weekday)
{
	upl_date d = UPL_DATE_INIT, e = UPL_DATE_INIT;
	long z = 0;
	ck_assert_int_eq(upl_date_make(&d, 1970, 1, 1), 0);
	ck_assert_int_eq(upl_date_to_days(&z, d), 0);
	ck_assert_int_eq(z, 0);
	ck_assert_int_eq(upl_date_weekday(d), 4); /* Thursday */
	ck_assert_int_eq(upl_date_make(&d, 2012, 9, 30), 0);
	ck_assert_int_eq(upl_date_weekday(d), 7); /* Sunday: 中秋 2012 */
	ck_assert_int_eq(upl_date_make(&d, 2012, 9, 29), 0);
	ck_assert_int_eq(upl_date_weekday(d), 6); /* Saturday, an adjusted working day */
	ck_assert_int_eq(upl_date_make(&d, 2027, 2, 6), 0);
	ck_assert_int_eq(upl_date_weekday(d), 6);
	ck_assert_int_eq(upl_date_make(&d, 1, 1, 1), 0);
	ck_assert_int_eq(upl_date_weekday(d), 1); /* proleptic Gregorian: Monday */
	ck_assert_int_eq(upl_date_to_days(&z, d), 0);
	ck_assert_int_eq(z, -719162);
	ck_assert_int_eq(upl_date_add_days(&e, d, -1), UPL_ERANGE);
	ck_assert_int_eq(upl_date_make(&d, 2012, 12, 31), 0);
	ck_assert_int_eq(upl_date_add_days(&e, d, 1), 0);
	ck_assert_int_eq(e.year, 2013);
	ck_assert_int_eq(e.month, 1);
	ck_assert_int_eq(e.day, 1);
	ck_assert_int_eq(upl_date_add_days(&e, d, -366 - 365), 0); /* 2012 is leap */
	ck_assert_int_eq(e.year, 2010);
	ck_assert_int_eq(e.month, 12);
	ck_assert_int_eq(e.day, 31);
	ck_assert_int_eq(upl_date_make(&d, 9999, 12, 31), 0);
	ck_assert_int_eq(upl_date_add_days(&e, d, 1), UPL_ERANGE);
	ck_assert_int_eq(upl_date_add_days(&e, d, -2932896L - 719162L), 0);
	ck_assert_int_eq(e.year, 1);
	ck_assert_int_eq(e.month, 1);
	ck_assert_int_eq(e.day, 1);
	d.year = 0;
	ck_assert_int_eq(upl_date_weekday(d), UPL_EINVAL);
	ck_assert_int_eq(upl_date_to_days(&z, d), UPL_EINVAL);
}
END_TEST

START_TEST(test_round_trip_every_day)
{
	/* every day of 1900..2101: to_days and from_days invert each other and
	 * consecutive days are consecutive numbers */
	long z, prev = 0;
	int y, m, dd, first = 1;
	for (y = 1900; y <= 2101; y++)
		for (m = 1; m <= 12; m++)
			for (dd = 1; dd <= upl_date_days_in_month(y, m); dd++) {
				upl_date d = { y, m, dd }, back = UPL_DATE_INIT;
				ck_assert_int_eq(upl_date_to_days(&z, d), 0);
				if (!first)
					ck_assert_int_eq(z, prev + 1);
				first = 0;
				prev = z;
				ck_assert_int_eq(upl_date_from_days(&back, z), 0);
				ck_assert_int_eq(upl_date_compare(back, d), 0);
			}
}
END_TEST

START_TEST(test_compare)
{
	upl_date a = { 2012, 9, 30 }, b = { 2012, 10, 1 }, c = { 2013, 1, 1 };
	ck_assert_int_lt(upl_date_compare(a, b), 0);
	ck_assert_int_gt(upl_date_compare(c, b), 0);
	ck_assert_int_eq(upl_date_compare(a, a), 0);
}
END_TEST

static Suite *
date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_leap_years);
	tcase_add_test(tc, test_make_and_validate);
	tcase_add_test(tc, test_parse_format);
	tcase_add_test(tc, test_days_and_weekday);
	tcase_add_test(tc, test_round_trip_every_day);
	tcase_add_test(tc, test_compare);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(date_suite)

/* Failure injection for the calendar: built against the fault-injecting
 * library, where the Nth allocation fails. For every N until a run makes
 * fewer than N allocations, creating a set of arrangements, loading a file
 * into it and asking it must succeed or fail with UPL_ENOMEM, and a failed
 * load must leave the set as it was (leaks are caught by running this under
 * valgrind and ASan). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

#include "util-private.h"

static const char data[] =
	"unionplan-holidays 1\n"
	"year 2027\n"
	"off  2027-01-01..2027-01-03 new-year\n"
	"off  2027-02-05..2027-02-11 spring-festival\n"
	"work 2027-02-20 spring-festival\n"
	"year 2012\n"
	"off  2012-10-01 national-day\n";

static upl_day_status
status_of(const upl_calendar *cal, const char *iso)
{
	upl_workday_info w;
	upl_date d;
	ck_assert_int_eq(upl_date_parse(&d, iso, (size_t)-1), 0);
	ck_assert_int_eq(upl_calendar_workday(&w, cal, d), 0);
	return w.status;
}

START_TEST(test_new_and_load)
{
	unsigned long n, made;
	int done = 0;
	for (n = 1; !done && n < 100000; n++) {
		upl_calendar *cal = NULL;
		upl_error *err = NULL;
		int rc;
		upl__fault_set(n);
		rc = upl_calendar_new(&cal, &err);
		if (rc != 0) {
			ck_assert_int_eq(rc, UPL_ENOMEM);
			ck_assert_ptr_null(cal);
			upl_error_free(err);
			made = upl__fault_set(0);
			ck_assert_uint_ge(made, n);
			continue;
		}
		rc = upl_calendar_load_buffer(cal, data, sizeof data - 1, "t", &err);
		made = upl__fault_set(0);
		if (rc != 0) {
			ck_assert_int_eq(rc, UPL_ENOMEM);
			/* unchanged: the embedded 2012, no 2027 */
			ck_assert_int_eq(upl_calendar_has_year(cal, 2027), 0);
			ck_assert_int_eq(status_of(cal, "2012-10-03"), UPL_DAY_OFF);
		} else {
			ck_assert_int_eq(upl_calendar_has_year(cal, 2027), 1);
			ck_assert_int_eq(status_of(cal, "2027-02-20"), UPL_DAY_WORKDAY);
			ck_assert_int_eq(status_of(cal, "2012-10-03"), UPL_DAY_WORKDAY);
			done = made < n;
		}
		upl_error_free(err);
		upl_calendar_free(cal);
	}
	ck_assert_msg(done, "the load never succeeded");
}
END_TEST

/* Queries on the embedded data and the festival list under pressure. */
START_TEST(test_queries)
{
	unsigned long n;
	for (n = 1; n < 50; n++) {
		upl_workday_info w;
		upl_holiday_occurrence occ[32];
		size_t count;
		upl_date a, b;
		int rc;
		upl_date_parse(&a, "2012-09-29", (size_t)-1);
		upl_date_parse(&b, "2012-12-31", (size_t)-1);
		upl__fault_set(n);
		rc = upl_calendar_workday(&w, NULL, a);
		ck_assert(rc == 0 || rc == UPL_ENOMEM);
		if (rc == 0)
			ck_assert_int_eq(w.status, UPL_DAY_WORKDAY);
		rc = upl_holiday_list(occ, 32, &count, a, b);
		ck_assert_int_eq(rc, 0);
		upl__fault_set(0);
	}
}
END_TEST

static Suite *
calendar_fault_suite(void)
{
	Suite *s = suite_create("calendar-fault");
	TCase *tc = tcase_create("alloc");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_new_and_load);
	tcase_add_test(tc, test_queries);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(calendar_fault_suite)

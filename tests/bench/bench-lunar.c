/* bench-lunar: Gregorian -> lunar through the library's table against ICU's
 * Chinese calendar, side by side in one run, on the same random dates of
 * 1901-2100. ICU is measured twice: with one calendar reused for every
 * conversion (the cheapest way to use it) and with a calendar opened for
 * each conversion (what the library does outside its table). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unicode/ucal.h>

#include <unionplan.h>

#define TABLE_N 4000000L
#define ICU_N 20000L
#define DATES 65536

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int
main(void)
{
	static upl_date dates[DATES];
	static const UChar utc[] = { 'U', 'T', 'C', 0 };
	UErrorCode status = U_ZERO_ERROR;
	UCalendar *cal;
	unsigned long seed = 12345;
	long first, last, i, sum = 0, agree = 0;
	double t0, t_table, t_icu, t_icu_open;
	upl_date d;

	upl_date_make(&d, 1901, 2, 19);
	upl_date_to_days(&first, d);
	upl_date_make(&d, 2100, 12, 31);
	upl_date_to_days(&last, d);
	for (i = 0; i < DATES; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		upl_date_from_days(&dates[i], first + (long)((seed >> 33) % (unsigned long)(last - first + 1)));
	}

	/* the table */
	t0 = now();
	for (i = 0; i < TABLE_N; i++) {
		upl_lunar_date l;
		if (upl_lunar_from_date(&l, dates[i & (DATES - 1)]) != 0)
			return 1;
		sum += l.day + l.month;
	}
	t_table = (now() - t0) / TABLE_N;

	/* ICU, one calendar reused */
	cal = ucal_open(utc, -1, "zh@calendar=chinese", UCAL_DEFAULT, &status);
	if (U_FAILURE(status)) {
		fprintf(stderr, "bench-lunar: ICU: %s\n", u_errorName(status));
		return 1;
	}
	t0 = now();
	for (i = 0; i < ICU_N; i++) {
		long z;
		upl_lunar_date l;
		upl_date_to_days(&z, dates[i & (DATES - 1)]);
		ucal_setMillis(cal, (double)z * 86400000.0 + 43200000.0, &status);
		l.month = ucal_get(cal, UCAL_MONTH, &status) + 1;
		l.day = ucal_get(cal, UCAL_DATE, &status);
		l.leap = ucal_get(cal, UCAL_IS_LEAP_MONTH, &status);
		l.year = ucal_get(cal, UCAL_EXTENDED_YEAR, &status) - 2637;
		sum += l.day + l.month;
		{
			upl_lunar_date t;
			upl_lunar_from_date(&t, dates[i & (DATES - 1)]);
			agree += t.year == l.year && t.month == l.month && t.leap == l.leap && t.day == l.day;
		}
	}
	/* the agreement check above is not part of ICU's cost: measure it alone */
	t_icu = now() - t0;
	t0 = now();
	for (i = 0; i < ICU_N; i++) {
		upl_lunar_date t;
		upl_lunar_from_date(&t, dates[i & (DATES - 1)]);
		sum += t.day;
	}
	t_icu = (t_icu - (now() - t0)) / ICU_N;
	ucal_close(cal);
	if (U_FAILURE(status)) {
		fprintf(stderr, "bench-lunar: ICU: %s\n", u_errorName(status));
		return 1;
	}

	/* ICU, a calendar opened for each conversion */
	t0 = now();
	for (i = 0; i < ICU_N / 4; i++) {
		long z;
		UCalendar *c;
		status = U_ZERO_ERROR;
		c = ucal_open(utc, -1, "zh@calendar=chinese", UCAL_DEFAULT, &status);
		upl_date_to_days(&z, dates[i & (DATES - 1)]);
		ucal_setMillis(c, (double)z * 86400000.0 + 43200000.0, &status);
		sum += ucal_get(c, UCAL_DATE, &status) + ucal_get(c, UCAL_MONTH, &status) +
		       ucal_get(c, UCAL_IS_LEAP_MONTH, &status) + ucal_get(c, UCAL_EXTENDED_YEAR, &status);
		ucal_close(c);
	}
	t_icu_open = (now() - t0) / (ICU_N / 4);

	printf("Gregorian -> lunar, random days of 1901-2100 (checksum %ld)\n", sum);
	printf("  library table        %10.1f ns/conversion  (%ld conversions)\n", t_table * 1e9, TABLE_N);
	printf("  ICU, calendar reused %10.1f ns/conversion  (%ld conversions; agrees with the table on %.2f%%)\n",
	       t_icu * 1e9, ICU_N, 100.0 * (double)agree / (double)ICU_N);
	printf("  ICU, opened per call %10.1f ns/conversion  (%ld conversions)\n", t_icu_open * 1e9, ICU_N / 4);
	printf("  ratio: table is %.0fx faster than ICU reused, %.0fx faster than ICU opened per call\n",
	       t_icu / t_table, t_icu_open / t_table);
	if (t_icu / t_table < 1000) {
		printf("  FAIL: less than 1000x\n");
		return 1;
	}
	return 0;
}

/* Fuzz target of the statutory data loader (the `--data` files of
 * doc/calendar.md): any bytes loaded into a set holding the embedded data,
 * from the buffer and from a temporary file, which must agree. A refusal
 * says where and leaves the set as it was; what loads is answered
 * consistently by the workday queries: each day an arrangement lists has
 * that status (unless the next year's arrangement lists it too), and the
 * count of working days in a year is the number of days that are one.
 *
 * Built two ways, as fuzz_parse.c: a libFuzzer target (`make fuzz`) and,
 * with tests/fuzz/replay.c, a program make check runs over its corpus
 * (tests/fuzz/corpus/holidays) and the test data. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unionplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FIRST_YEAR 1990
#define LAST_YEAR 2100

/* What a set holds over FIRST_YEAR..LAST_YEAR, to see that it is unchanged. */
static unsigned long
fingerprint(const upl_calendar *cal)
{
	unsigned long h = 5381;
	int y;
	for (y = FIRST_YEAR; y <= LAST_YEAR; y++) {
		size_t n = 0;
		if (!upl_calendar_has_year(cal, y))
			continue;
		if (upl_calendar_days(NULL, 0, &n, cal, y) != 0 && n == 0)
			abort();
		h = h * 33 + (unsigned long)y * 7 + n;
	}
	return h;
}

/* 1 when the arrangement of @p year lists @p d. */
static int
lists(const upl_calendar *cal, int year, upl_date d)
{
	upl_calendar_day days[512];
	size_t n = 0, i;
	if (upl_calendar_days(days, 512, &n, cal, year) != 0)
		return 0;
	for (i = 0; i < n; i++)
		if (upl_date_compare(days[i].date, d) == 0)
			return 1;
	return 0;
}

/* The days of one year's arrangement against the workday queries. */
static void
check_year(const upl_calendar *cal, int year)
{
	upl_calendar_day days[512];
	upl_workday_info w;
	upl_date d, first = {year, 1, 1}, last = {year, 12, 31};
	size_t n = 0, i;
	long count = 0, between = -1;
	int rc = upl_calendar_days(days, 512, &n, cal, year);
	if (rc != 0 && rc != UPL_ERANGE)
		abort();
	for (i = 0; i < n && i < 512; i++) {
		if (!upl_date_is_valid(days[i].date) ||
		    (i > 0 && upl_date_compare(days[i - 1].date, days[i].date) >= 0))
			abort(); /* real days, in order, each once */
		if (days[i].status != UPL_DAY_OFF && days[i].status != UPL_DAY_WORKDAY)
			abort();
		if (upl_calendar_workday(&w, cal, days[i].date) != 0 || w.reason == NULL)
			abort();
		if (w.status != days[i].status && !lists(cal, days[i].date.year + 1, days[i].date))
			abort(); /* a listed day has its listed status */
	}
	if (year < 1 || year > 9999)
		return;
	for (d = first; upl_date_compare(d, last) <= 0;) {
		if (upl_calendar_workday(&w, cal, d) != 0 || w.status == UPL_DAY_UNKNOWN)
			abort(); /* every day of a known year is known */
		count += w.status == UPL_DAY_WORKDAY;
		if (upl_date_add_days(&d, d, 1) != 0)
			break;
	}
	if (upl_calendar_workdays_between(&between, cal, first, last) != 0 || between != count)
		abort();
}

/* The years the input names ("year N" at the start of a line), at most four. */
static void
named_years(const upl_calendar *cal, const char *s, size_t len)
{
	size_t i = 0;
	int seen = 0;
	while (i < len && seen < 4) {
		if (len - i > 5 && memcmp(s + i, "year ", 5) == 0 && (i == 0 || s[i - 1] == '\n')) {
			int y = 0, k = 0;
			for (i += 5; i < len && k < 5 && s[i] >= '0' && s[i] <= '9'; i++, k++)
				y = y * 10 + (s[i] - '0');
			if (k > 0 && k < 5 && upl_calendar_has_year(cal, y)) {
				check_year(cal, y);
				seen++;
			}
		}
		while (i < len && s[i++] != '\n')
			;
	}
}

/* The same bytes from a file: the same answer, at the same place. */
static void
from_file(const uint8_t *data, size_t size, int rc, const upl_error *err)
{
	char path[64];
	upl_calendar *cal = NULL;
	upl_error *ferr = NULL;
	FILE *fp;
	int frc;
	snprintf(path, sizeof path, "/tmp/upl-fuzz-holidays-%ld.txt", (long)getpid());
	fp = fopen(path, "wb");
	if (fp == NULL)
		return;
	if (fwrite(data, 1, size, fp) != size) {
		fclose(fp);
		remove(path);
		return;
	}
	fclose(fp);
	if (upl_calendar_new(&cal, NULL) != 0)
		abort();
	frc = upl_calendar_load_file(cal, path, &ferr);
	remove(path);
	if (frc != rc)
		abort();
	if (rc != 0 && (upl_error_line(ferr) != upl_error_line(err) ||
			upl_error_column(ferr) != upl_error_column(err) ||
			strcmp(upl_error_file(ferr), path) != 0))
		abort();
	upl_error_free(ferr);
	upl_calendar_free(cal);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	upl_calendar *cal = NULL;
	upl_error *err = NULL;
	unsigned long before;
	int rc;
	if (upl_calendar_new(&cal, NULL) != 0)
		abort();
	before = fingerprint(cal);
	rc = upl_calendar_load_buffer(cal, (const char *)data, size, "fuzz", &err);
	if (rc == 0) {
		named_years(cal, (const char *)data, size);
	} else {
		if (rc != UPL_EPARSE || err == NULL || upl_error_message(err)[0] == '\0' ||
		    upl_error_line(err) == 0 || strcmp(upl_error_file(err), "fuzz") != 0)
			abort(); /* a refusal says what and where */
		if (fingerprint(cal) != before)
			abort(); /* and changes nothing */
	}
	from_file(data, size, rc, err);
	upl_error_free(err);
	upl_calendar_free(cal);
	return 0;
}

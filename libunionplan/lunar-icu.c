/* ICU's Chinese calendar, for lunar dates outside the library's table.
 *
 * A calendar is opened for each conversion (no state is shared between
 * calls or threads). Its time zone is UTC and every instant is noon of the
 * day, so the civil day we ask about is the day ICU's astronomical
 * computation (done in UTC+8 internally) labels. ICU's EXTENDED_YEAR counts
 * from 2637 BCE: extended year Y + 2637 is the lunar year whose 正月初一
 * falls in Gregorian year Y. */
#include "config.h"

#include <unicode/ucal.h>

#include "lunar-private.h"

#define MS_PER_DAY 86400000.0
#define EPOCH_OFFSET 2637

static int
icu_code(UErrorCode status)
{
	return status == U_MEMORY_ALLOCATION_ERROR ? UPL_ENOMEM : UPL_ERANGE;
}

static UCalendar *
open_chinese(UErrorCode *status)
{
	static const UChar utc[] = { 'U', 'T', 'C', 0 };
	return ucal_open(utc, -1, "zh@calendar=chinese", UCAL_DEFAULT, status);
}

static int
read_fields(upl_lunar_date *out, UCalendar *cal, long days)
{
	UErrorCode status = U_ZERO_ERROR;
	upl_lunar_date r;
	ucal_setMillis(cal, (double)days * MS_PER_DAY + MS_PER_DAY / 2, &status);
	r.year = ucal_get(cal, UCAL_EXTENDED_YEAR, &status) - EPOCH_OFFSET;
	r.month = ucal_get(cal, UCAL_MONTH, &status) + 1;
	r.leap = ucal_get(cal, UCAL_IS_LEAP_MONTH, &status) != 0;
	r.day = ucal_get(cal, UCAL_DATE, &status);
	r.source = UPL_LUNAR_SOURCE_ICU;
	if (U_FAILURE(status))
		return icu_code(status);
	*out = r;
	return 0;
}

int
upl__lunar_icu_from_days(upl_lunar_date *out, long days)
{
	UErrorCode status = U_ZERO_ERROR;
	UCalendar *cal = open_chinese(&status);
	int rc;
	if (U_FAILURE(status))
		return icu_code(status);
	rc = read_fields(out, cal, days);
	ucal_close(cal);
	return rc;
}

int
upl__lunar_icu_to_days(long *out, int year, int month, int leap, int day)
{
	UErrorCode status = U_ZERO_ERROR;
	UCalendar *cal;
	UDate ms;
	long z;
	upl_lunar_date back;
	int rc;
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 30)
		return UPL_EINVAL;
	cal = open_chinese(&status);
	if (U_FAILURE(status))
		return icu_code(status);
	ucal_clear(cal);
	ucal_set(cal, UCAL_EXTENDED_YEAR, year + EPOCH_OFFSET);
	ucal_set(cal, UCAL_MONTH, month - 1);
	ucal_set(cal, UCAL_IS_LEAP_MONTH, leap != 0);
	ucal_set(cal, UCAL_DATE, day);
	ms = ucal_getMillis(cal, &status);
	if (U_FAILURE(status)) {
		ucal_close(cal);
		return icu_code(status);
	}
	/* Floor division: the instant is midnight of the day in UTC. */
	z = (long)(ms / MS_PER_DAY);
	if ((double)z * MS_PER_DAY > ms)
		z--;
	/* ICU is lenient: day 30 of a 29-day month or a missing leap month
	 * comes back as another date. Such a date does not exist. */
	rc = read_fields(&back, cal, z);
	ucal_close(cal);
	if (rc != 0)
		return rc;
	if (back.year != year || back.month != month || back.leap != (leap != 0) || back.day != day)
		return UPL_EINVAL;
	*out = z;
	return 0;
}

/* Civil dates: proleptic Gregorian, years 1..9999, year 0 = unknown. */
#include "config.h"

#include <unionplan/date.h>

#include "util-private.h"

int
upl_date_is_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
upl_date_days_in_month(int year, int month)
{
	static const unsigned char mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && (year == 0 || upl_date_is_leap_year(year)))
		return 29;
	return mdays[month - 1];
}

int
upl_date_is_valid(upl_date d)
{
	return d.year >= 1 && d.year <= 9999 && d.day >= 1 &&
	       d.day <= upl_date_days_in_month(d.year, d.month);
}

int
upl_date_is_valid_monthday(upl_date d)
{
	return d.year == 0 && d.day >= 1 &&
	       d.day <= upl_date_days_in_month(0, d.month);
}

int
upl_date_make(upl_date *out, int year, int month, int day)
{
	upl_date d;
	if (out == NULL)
		return UPL_EINVAL;
	d.year = year;
	d.month = month;
	d.day = day;
	if (!upl_date_is_valid(d))
		return UPL_EINVAL;
	*out = d;
	return 0;
}

static int
digits(const char *s, size_t n, int *value)
{
	int v = 0;
	size_t i;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return 1;
}

int
upl_date_parse(upl_date *out, const char *s, size_t len)
{
	upl_date d = UPL_DATE_INIT;
	if (out == NULL || s == NULL)
		return UPL_EINVAL;
	if (len == (size_t)-1)
		len = strlen(s);
	if (len == 10 && s[4] == '-' && s[7] == '-') {
		if (!digits(s, 4, &d.year) || !digits(s + 5, 2, &d.month) ||
		    !digits(s + 8, 2, &d.day) || !upl_date_is_valid(d))
			return UPL_EINVAL;
	} else if (len == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-') {
		if (!digits(s + 2, 2, &d.month) || !digits(s + 5, 2, &d.day) ||
		    !upl_date_is_valid_monthday(d))
			return UPL_EINVAL;
	} else {
		return UPL_EINVAL;
	}
	*out = d;
	return 0;
}

static void
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

int
upl_date_format(char *buf, upl_date d)
{
	if (buf == NULL)
		return UPL_EINVAL;
	if (upl_date_is_valid(d)) {
		put2(buf, d.year / 100);
		put2(buf + 2, d.year % 100);
		buf[4] = '-';
		put2(buf + 5, d.month);
		buf[7] = '-';
		put2(buf + 8, d.day);
		buf[10] = '\0';
		return 0;
	}
	if (upl_date_is_valid_monthday(d)) {
		buf[0] = buf[1] = buf[4] = '-';
		put2(buf + 2, d.month);
		put2(buf + 5, d.day);
		buf[7] = '\0';
		return 0;
	}
	buf[0] = '\0';
	return UPL_EINVAL;
}

/* Days from civil, after the well-known era-based algorithm (400-year eras). */
static long
days_from_civil(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
upl_date_to_days(long *out, upl_date d)
{
	if (out == NULL || !upl_date_is_valid(d))
		return UPL_EINVAL;
	*out = days_from_civil(d.year, d.month, d.day);
	return 0;
}

/* Bounds of the supported range as day counts. */
#define DAYS_MIN (-719162L)   /* 0001-01-01 */
#define DAYS_MAX 2932896L     /* 9999-12-31 */

int
upl_date_from_days(upl_date *out, long z)
{
	long era, doe, yoe, y, doy, mp;
	if (out == NULL)
		return UPL_EINVAL;
	if (z < DAYS_MIN || z > DAYS_MAX)
		return UPL_ERANGE;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->year = (int)(y + (out->month <= 2));
	return 0;
}

int
upl_date_add_days(upl_date *out, upl_date d, long days)
{
	long z;
	if (out == NULL || upl_date_to_days(&z, d) != 0)
		return UPL_EINVAL;
	if ((days > 0 && z > DAYS_MAX - days) || (days < 0 && z < DAYS_MIN - days))
		return UPL_ERANGE;
	return upl_date_from_days(out, z + days);
}

int
upl_date_weekday(upl_date d)
{
	long z;
	long w;
	if (upl_date_to_days(&z, d) != 0)
		return UPL_EINVAL;
	/* 1970-01-01 was a Thursday (4). */
	w = (z % 7 + 7 + 3) % 7; /* 0 = Monday */
	return (int)w + 1;
}

int
upl_date_compare(upl_date a, upl_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

/**
 * @file unionplan/date.h
 * @brief A civil date value type (proleptic Gregorian calendar).
 *
 * ::upl_date is a plain value: copy it, compare it, pass it by value. Years
 * run from 1 to 9999. The year 0 is reserved to mean "year unknown" (a plan
 * that writes xx年): such a date has a valid month and day (29 February
 * allowed) and is written `--MM-DD`; functions that need a year reject it
 * with ::UPL_EINVAL.
 */
#ifndef UNIONPLAN_DATE_H
#define UNIONPLAN_DATE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A civil date. All-zero means "no date". @since 0.1 */
typedef struct upl_date {
	int year;  /**< 1..9999, or 0 when the year is unknown. */
	int month; /**< 1..12. */
	int day;   /**< 1..31, within the month. */
} upl_date;

/** Static initialiser for "no date". */
#define UPL_DATE_INIT { 0, 0, 0 }

/** Buffer size for upl_date_format(): "YYYY-MM-DD" plus the NUL. */
#define UPL_DATE_ISO_SIZE 11

/** @return 1 if @p year (1..9999) is a Gregorian leap year, else 0. @since 0.1 */
UPL_EXTERN int upl_date_is_leap_year(int year);

/**
 * @return the number of days in @p month of @p year (28..31), or 0 when the
 * month is outside 1..12. Year 0 (unknown) gives 29 for February.
 * @since 0.1
 */
UPL_EXTERN int upl_date_days_in_month(int year, int month);

/**
 * @return 1 if @p d is a real day of years 1..9999, 0 otherwise (including
 * dates with an unknown year).
 * @since 0.1
 */
UPL_EXTERN int upl_date_is_valid(upl_date d);

/**
 * @return 1 if @p d has year 0 (unknown) and a month and day that exist in
 * some year, 0 otherwise.
 * @since 0.1
 */
UPL_EXTERN int upl_date_is_valid_monthday(upl_date d);

/**
 * Build a date and check it.
 * @param[out] out  the date; untouched on failure.
 * @param year      1..9999
 * @param month     1..12
 * @param day       1..31, within the month
 * @return 0, or ::UPL_EINVAL if the fields do not name a real day of 1..9999.
 * @since 0.1
 */
UPL_EXTERN int upl_date_make(upl_date *out, int year, int month, int day);

/**
 * Parse an ISO 8601 calendar date `YYYY-MM-DD` (exactly four digits for the
 * year), or `--MM-DD` for a date whose year is unknown.
 * @param[out] out  the date; untouched on failure.
 * @param s         the text; must not be NULL.
 * @param len       its length in bytes, or (size_t)-1 if @p s is NUL-terminated.
 * @return 0, or ::UPL_EINVAL if the text is not such a date or the day does
 * not exist (2013-02-30).
 * @since 0.1
 */
UPL_EXTERN int upl_date_parse(upl_date *out, const char *s, size_t len);

/**
 * Write @p d as `YYYY-MM-DD` (or `--MM-DD` when the year is unknown).
 * @param[out] buf  at least ::UPL_DATE_ISO_SIZE bytes; receives a NUL-terminated string.
 * @param d         the date.
 * @return 0, or ::UPL_EINVAL if @p d is not valid (buf then holds "").
 * @since 0.1
 */
UPL_EXTERN int upl_date_format(char *buf, upl_date d);

/**
 * @return the ISO weekday of @p d, 1 = Monday … 7 = Sunday, or ::UPL_EINVAL
 * if @p d is not a valid date with a known year.
 * @since 0.1
 */
UPL_EXTERN int upl_date_weekday(upl_date d);

/**
 * Convert a date to a day count.
 * @param[out] out  days since 1970-01-01 (negative before it).
 * @param d         the date.
 * @return 0, or ::UPL_EINVAL if @p d is not valid.
 * @since 0.1
 */
UPL_EXTERN int upl_date_to_days(long *out, upl_date d);

/**
 * Convert a day count (days since 1970-01-01) to a date.
 * @param[out] out  the date.
 * @param days      days since 1970-01-01.
 * @return 0, or ::UPL_ERANGE if the result falls outside years 1..9999.
 * @since 0.1
 */
UPL_EXTERN int upl_date_from_days(upl_date *out, long days);

/**
 * Add @p days (may be negative) to @p d.
 * @param[out] out  the resulting date.
 * @param d         the start date.
 * @param days      how many days to add.
 * @return 0, ::UPL_EINVAL if @p d is not valid, ::UPL_ERANGE if the result
 * falls outside years 1..9999.
 * @since 0.1
 */
UPL_EXTERN int upl_date_add_days(upl_date *out, upl_date d, long days);

/**
 * Compare two dates field by field (year, then month, then day).
 * @return negative, 0 or positive as @p a is before, equal to or after @p b.
 * @since 0.1
 */
UPL_EXTERN int upl_date_compare(upl_date a, upl_date b);

#ifdef __cplusplus
}
#endif

#endif /* UNIONPLAN_DATE_H */

/* The lunar calendar: the packed table (lunar-table.c, generated), the ICU
 * fallback (lunar-icu.c) and helpers shared with the festivals. Never
 * installed. */
#ifndef UNIONPLAN_LUNAR_PRIVATE_H
#define UNIONPLAN_LUNAR_PRIVATE_H

#include <stdint.h>

#include <unionplan/calendar.h>

#include "util-private.h"

/* The table: one word per lunar year from UPL_LUNAR_TABLE_FIRST_YEAR.
 *   bits  0..12  bit i set: the i-th month of the year (leap month counted
 *                at its place) has 30 days, else 29
 *   bits 13..16  the month with a leap copy after it, 0 = none
 *   bits 17..22  0-based day of the Gregorian year of 正月初一 */
#define UPL__LUNAR_TABLE_YEARS (UPL_LUNAR_TABLE_LAST_YEAR - UPL_LUNAR_TABLE_FIRST_YEAR + 1)
extern UPL_HIDDEN const uint32_t upl__lunar_table[UPL__LUNAR_TABLE_YEARS];

/* Day counts (days since 1970-01-01) of the first day the table covers
 * (正月初一 of 1901) and of the day after the last one. */
UPL_HIDDEN long upl__lunar_table_begin(void);
UPL_HIDDEN long upl__lunar_table_end(void);

/* Table lookups. Both return UPL_ENOTFOUND outside the table, UPL_EINVAL
 * for a date that does not exist. */
UPL_HIDDEN int upl__lunar_table_from_date(upl_lunar_date *out, upl_date d);
UPL_HIDDEN int upl__lunar_table_from_days(upl_lunar_date *out, long days);
UPL_HIDDEN int upl__lunar_table_to_days(long *out, int year, int month, int leap, int day);

/* ICU's Chinese calendar, for any year 1..9999 (used outside the table,
 * and by the tests to compare). Return 0, UPL_EINVAL for a lunar date that
 * does not exist, UPL_ENOMEM, or UPL_ERANGE when ICU fails otherwise. */
UPL_HIDDEN int upl__lunar_icu_from_days(upl_lunar_date *out, long days);
UPL_HIDDEN int upl__lunar_icu_to_days(long *out, int year, int month, int leap, int day);

/* Day count of a lunar date from whichever source answers for its year. */
UPL_HIDDEN int upl__lunar_to_days(long *out, upl_lunar_source *source,
				  int year, int month, int leap, int day);

#endif /* UNIONPLAN_LUNAR_PRIVATE_H */

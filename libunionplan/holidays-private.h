/* Festivals: the table of holiday keys shared with the plan model and the
 * statutory arrangements. Never installed. */
#ifndef UNIONPLAN_HOLIDAYS_PRIVATE_H
#define UNIONPLAN_HOLIDAYS_PRIVATE_H

#include <unionplan/calendar.h>

#include "util-private.h"

/* Number of holiday keys. */
#define UPL__HOLIDAY_COUNT 20

/* Index of a holiday key (0..UPL__HOLIDAY_COUNT-1), or -1 if key is not
 * one (NULL included). */
UPL_HIDDEN int upl__holiday_index(const char *key);

/* The same for a key given by pointer and length. */
UPL_HIDDEN int upl__holiday_index_n(const char *key, size_t len);

/* The occurrence of holiday key nearest to the days first..last (one
 * inside them when there is one), looked for in the years first.year - 1
 * to last.year + 1. 0, UPL_ENOTFOUND or UPL_EINVAL. */
UPL_HIDDEN int upl__holiday_nearest(upl_date *out, const char *key, upl_date first,
				    upl_date last);

/* upl_holiday_find() for a match that starts at byte last or before:
 * the text beyond still completes it, but no later start is tried. */
UPL_HIDDEN int upl__holiday_find_near(upl_holiday_match *out, const char *text, size_t len,
				      size_t from, size_t last);

#endif /* UNIONPLAN_HOLIDAYS_PRIVATE_H */

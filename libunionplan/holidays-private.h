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

#endif /* UNIONPLAN_HOLIDAYS_PRIVATE_H */

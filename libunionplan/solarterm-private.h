/* Solar terms: the astronomical computation (solarterm.c) and the public
 * functions (solarterm-names.c). Never installed. */
#ifndef UNIONPLAN_SOLARTERM_PRIVATE_H
#define UNIONPLAN_SOLARTERM_PRIVATE_H

#include "util-private.h"

/* The computed instant of a term as a Julian day in universal time. */
UPL_HIDDEN double upl__solar_term_jd(int year, int term);

/* The computed instant in China Standard Time: the day (days since
 * 1970-01-01) and the minute of that day (0..1439). */
UPL_HIDDEN void upl__solar_term_cst(long *days, int *minute, int year, int term);

#endif /* UNIONPLAN_SOLARTERM_PRIVATE_H */

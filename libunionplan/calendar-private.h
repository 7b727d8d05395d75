/* Statutory arrangements: the embedded data file. Never installed. */
#ifndef UNIONPLAN_CALENDAR_PRIVATE_H
#define UNIONPLAN_CALENDAR_PRIVATE_H

#include <unionplan/calendar.h>

#include "util-private.h"

/* libunionplan/data/holidays-cn.txt, embedded at build time by
 * tools/embed.sh (holidays-embed.c): its bytes plus a NUL, and its length. */
extern const unsigned char upl__holidays_txt[];
extern const size_t upl__holidays_txt_len;

#endif /* UNIONPLAN_CALENDAR_PRIVATE_H */

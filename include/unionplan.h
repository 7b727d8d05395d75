/**
 * @brief libunionplan: Chinese school trade-union work plans (学校工会工作计划)
 *        in XML — parse, validate, serialise.
 *
 * Include this one header to get the whole public API; each module also has
 * its own header under `unionplan/`.
 */
#ifndef UNIONPLAN_H
#define UNIONPLAN_H

#include "unionplan/common.h"
#include "unionplan/version.h"
#include "unionplan/date.h"
#include "unionplan/calendar.h"
#include "unionplan/plan.h"
#include "unionplan/xml.h"
#include "unionplan/validate.h"
#include "unionplan/text.h"
#include "unionplan/import.h"
#include "unionplan/export.h"

#endif /* UNIONPLAN_H */

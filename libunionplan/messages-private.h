/* The rule registry (rules.def) and the bilingual messages built from it.
 * Never installed. */
#ifndef UNIONPLAN_MESSAGES_PRIVATE_H
#define UNIONPLAN_MESSAGES_PRIVATE_H

#include <unionplan/validate.h>

#include "plan-private.h"
#include "util-private.h"

/* One constant per rule, UPL_CODE_<CODE> ("xml-empty" is UPL_CODE_XML_EMPTY),
 * in the order of rules.def. */
typedef enum upl_rule_id {
#define UPL_RULE(id, code, group, severity, en, zh) id,
#define UPL_MSG(id, variant, en, zh)
#include "rules.def"
#undef UPL_RULE
#undef UPL_MSG
	UPL__RULE_COUNT
} upl_rule_id;

/* One constant per message, UPL_CODE_<CODE>_V<variant>. Write it as
 * UPL__MSG(id, variant) with a literal variant: a message the registry
 * lacks is an undeclared identifier, so the code does not compile. */
typedef enum upl__msg_id {
#define UPL_RULE(id, code, group, severity, en, zh)
#define UPL_MSG(id, variant, en, zh) id##_V##variant,
#include "rules.def"
#undef UPL_RULE
#undef UPL_MSG
	UPL__MSG_COUNT
} upl__msg_id;

#define UPL__MSG(id, variant) id##_V##variant

/* The rows of the registry. Every id below UPL__RULE_COUNT (and every
 * message below UPL__MSG_COUNT) has one: these never fail. */
UPL_HIDDEN const char *upl__rule_code(upl_rule_id id);
UPL_HIDDEN const char *upl__rule_group(upl_rule_id id);
UPL_HIDDEN upl_severity upl__rule_severity(upl_rule_id id);
UPL_HIDDEN upl_rule_id upl__msg_rule(upl__msg_id msg);
UPL_HIDDEN int upl__msg_variant(upl__msg_id msg);
/* The printf format of msg in English or (zh) Chinese. */
UPL_HIDDEN const char *upl__msg_format(upl__msg_id msg, int zh);

/* Whether messages should be Chinese: lang when given ("zh", "zh-Hans",
 * "zh_CN" ...), else the first set of LANGUAGE, LC_ALL, LC_MESSAGES, LANG. */
UPL_HIDDEN int upl__msg_lang_zh(const char *lang);

/* The one emit helper of the rules, the reader and the importer: append
 * message msg, formatted with the arguments that follow p (they must match
 * its format) in the chosen language, with its rule's code and severity,
 * at file:p. Returns 0, or UPL_ENOMEM after setting *oom (when oom is not
 * NULL): an allocation is the only thing that can fail. */
UPL_HIDDEN int upl__msg_emit(upl_report *report, int zh, int *oom, const char *file,
			     upl__msg_id msg, upl_pos p, ...);

/* Words that messages take as arguments. */
typedef enum upl__word {
	UPL__WORD_ON,
	UPL__WORD_BEFORE,
	UPL__WORD_AFTER,
	UPL__WORD_DURING,
	UPL__WORD_AROUND,
	UPL__WORD_YEAR_UNKNOWN,
	UPL__WORD_NO_PERIOD
} upl__word;

UPL_HIDDEN const char *upl__msg_word(upl__word w, int zh);

#endif

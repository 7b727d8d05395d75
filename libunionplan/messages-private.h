/* The bilingual message catalogue of the semantic rules. Never installed. */
#ifndef UNIONPLAN_MESSAGES_PRIVATE_H
#define UNIONPLAN_MESSAGES_PRIVATE_H

#include <unionplan/validate.h>

#include "util-private.h"

/* Whether messages should be Chinese: lang when given ("zh", "zh-Hans",
 * "zh_CN" ...), else the first set of LANGUAGE, LC_ALL, LC_MESSAGES, LANG. */
UPL_HIDDEN int upl__msg_lang_zh(const char *lang);

/* The printf format of message (code, variant) in the chosen language, or
 * NULL when there is no such message. */
UPL_HIDDEN const char *upl__msg_format(const char *code, int variant, int zh);

/* Append diagnostic (code, variant) to report, its message from the
 * catalogue in the chosen language and its severity from the rule table;
 * the arguments must match the message's format. Returns 0, UPL_ENOMEM,
 * or UPL_EINVAL when the catalogue has no such message (a bug). */
UPL_HIDDEN int upl__msg_emit(upl_report *report, int zh, const char *code, int variant,
			     const char *file, unsigned int line, unsigned int column, ...);

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

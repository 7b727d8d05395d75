/* Diagnostic messages in English and Simplified Chinese, and the rule
 * descriptions behind `unionplan validate --explain`.
 *
 * Why not gettext: a message catalogue selected by the process locale is
 * process-global state, cannot follow a per-call language option, and says
 * nothing at all when the zh_CN locale is not generated on the machine
 * (the usual case on servers and CI). This table needs neither; the
 * language comes from upl_validate_options::lang or the locale environment
 * variables. Both formats of a message take the same arguments in the
 * same order; tests/check_rules.c renders every message in both languages.
 *
 * The table itself is rules.def: this file only gives it its shape. */
#include "config.h"

#include <stdlib.h>

#include "messages-private.h"
#include "report-private.h"

typedef struct rule_row {
	const char *code;
	const char *group;
	upl_severity severity;
	const char *en;
	const char *zh;
} rule_row;

static const rule_row rules[] = {
#define UPL_RULE(id, code, group, severity, en, zh) { code, group, UPL_SEVERITY_##severity, en, zh },
#define UPL_MSG(id, variant, en, zh)
#include "rules.def"
#undef UPL_RULE
#undef UPL_MSG
};

typedef struct msg_row {
	upl_rule_id rule;
	int variant;
	const char *en;
	const char *zh;
} msg_row;

static const msg_row messages[] = {
#define UPL_RULE(id, code, group, severity, en, zh)
#define UPL_MSG(id, variant, en, zh) { id, variant, en, zh },
#include "rules.def"
#undef UPL_RULE
#undef UPL_MSG
};

/* Every enum constant has its row. */
typedef char upl__rules_complete[sizeof rules / sizeof rules[0] == UPL__RULE_COUNT ? 1 : -1];
typedef char upl__messages_complete[sizeof messages / sizeof messages[0] == UPL__MSG_COUNT ? 1 : -1];

const char *
upl__rule_code(upl_rule_id id)
{
	return rules[id].code;
}

const char *
upl__rule_group(upl_rule_id id)
{
	return rules[id].group;
}

upl_severity
upl__rule_severity(upl_rule_id id)
{
	return rules[id].severity;
}

upl_rule_id
upl__msg_rule(upl__msg_id msg)
{
	return messages[msg].rule;
}

int
upl__msg_variant(upl__msg_id msg)
{
	return messages[msg].variant;
}

const char *
upl__msg_format(upl__msg_id msg, int zh)
{
	return zh ? messages[msg].zh : messages[msg].en;
}

static int
starts_zh(const char *v)
{
	return v && (v[0] == 'z' || v[0] == 'Z') && (v[1] == 'h' || v[1] == 'H') &&
	       (v[2] == '\0' || v[2] == '_' || v[2] == '-' || v[2] == '.' || v[2] == ':');
}

int
upl__msg_lang_zh(const char *lang)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;
	if (lang)
		return starts_zh(lang);
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return starts_zh(v);
	}
	return 0;
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
int
upl__msg_emit(upl_report *report, int zh, int *oom, const char *file,
	      upl__msg_id msg, upl_pos p, ...)
{
	upl_rule_id id = messages[msg].rule;
	va_list ap;
	int rc;
	va_start(ap, p);
	rc = upl__report_vadd(report, rules[id].severity, id, file, p.line, p.column,
			      upl__msg_format(msg, zh), ap);
	va_end(ap);
	if (rc != 0 && oom)
		*oom = 1;
	return rc;
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

const char *
upl__msg_word(upl__word w, int zh)
{
	static const char *const en[] = {
		"on the day of", "before", "after", "during", "around",
		"the year is unknown", "no period"
	};
	static const char *const cn[] = {
		"节日当天", "节前", "节后", "节日期间", "节日前后",
		"年份未知", "未给出期间"
	};
	if ((int)w < 0 || (size_t)w >= sizeof en / sizeof en[0])
		return "";
	return zh ? cn[w] : en[w];
}

const char *
upl_rule_code(size_t i)
{
	return i < sizeof rules / sizeof rules[0] ? rules[i].code : NULL;
}

/* The row of code, or NULL. */
static const rule_row *
find_rule(const char *code)
{
	size_t i;
	for (i = 0; code && i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i].code, code) == 0)
			return &rules[i];
	return NULL;
}

const char *
upl_rule_explain(const char *code, const char *lang)
{
	const rule_row *r = find_rule(code);
	if (r == NULL)
		return NULL;
	return upl__msg_lang_zh(lang) ? r->zh : r->en;
}

int
upl_rule_severity(const char *code)
{
	const rule_row *r = find_rule(code);
	return r ? (int)r->severity : -1;
}

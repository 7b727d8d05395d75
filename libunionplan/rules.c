/* The semantic layer of validation: what no schema can say.
 *
 * Each rule is a function over one plan that appends diagnostics with a
 * stable code. upl__rules_run() calls every rule in order on every plan of
 * the document. doc/rules.md documents each code with an example. */
#include "config.h"

#include "validate-private.h"

typedef struct rule_ctx {
	upl_report *report;
	const char *file;
	const upl_validate_options *opts;
	int oom;
} rule_ctx;

static void
emit(rule_ctx *c, upl_severity sev, const char *code, upl_pos p, const char *fmt, ...)
	UPL_PRINTF(5, 6);

static void
emit(rule_ctx *c, upl_severity sev, const char *code, upl_pos p, const char *fmt, ...)
{
	upl_buf b = UPL_BUF_INIT;
	va_list ap;
	char *msg;
	va_start(ap, fmt);
	upl__buf_vprintf(&b, fmt, ap);
	va_end(ap);
	msg = upl__buf_detach(&b, NULL);
	if (msg == NULL || upl__report_add(c->report, sev, code, c->file, p.line, p.column,
					   "%s", msg) != 0)
		c->oom = 1;
	upl__dealloc(msg);
}

/* plan-lang: xml:lang must say the script, zh-Hans or zh-Hant. The schema
 * cannot check it: the XML namespace's own schema is not loaded. */
static void
rule_plan_lang(rule_ctx *c, const upl_plan *p)
{
	if (p->lang == NULL)
		emit(c, UPL_SEVERITY_ERROR, "plan-lang", p->pos,
		     "plan has no xml:lang; say zh-Hans (simplified) or zh-Hant (traditional)");
	else if (strcmp(p->lang, "zh-Hans") != 0 && strcmp(p->lang, "zh-Hant") != 0)
		emit(c, UPL_SEVERITY_ERROR, "plan-lang", p->pos,
		     "xml:lang is '%s'; it must be zh-Hans (simplified) or zh-Hant (traditional)",
		     p->lang);
}

typedef void (*rule_fn)(rule_ctx *c, const upl_plan *p);

static const rule_fn rules[] = {
	rule_plan_lang,
};

int
upl__rules_run(upl_report *report, const upl_doc *doc, const char *name,
	       const upl_validate_options *opts)
{
	rule_ctx c;
	size_t i, r;
	c.report = report;
	c.file = name;
	c.opts = opts;
	c.oom = 0;
	for (i = 0; i < doc->nplans && !c.oom; i++)
		for (r = 0; r < sizeof rules / sizeof rules[0] && !c.oom; r++)
			rules[r](&c, doc->plans[i]);
	return c.oom ? UPL_ENOMEM : 0;
}

/* The XML reader's schema: the embedded XSD, compiled on first use, and
 * validation with libxml2's errors mapped to stable codes and positions. */
#include "config.h"

#include <stdatomic.h>

#include <libxml/xmlerror.h>

#include "xml-read-private.h"

/* Process-wide: libxml2's initialisation and the compiled embedded schema.
 * The schema is compiled under a lock by the first call that finds none,
 * then published and never changed or freed; a failed compile (out of
 * memory) is not remembered, so the next call tries again. Validation
 * contexts are made per call. */

extern const unsigned char upl__schema_xsd[];
extern const size_t upl__schema_xsd_len;

static upl__lazy schema_compiled = UPL__LAZY_INIT;

#ifdef UPL_FAULT_INJECTION
static atomic_int schema_fail_next;

void
upl__xml_schema_fail_next(void)
{
	atomic_store(&schema_fail_next, 1);
}
#endif

static void
schema_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Called under the lazy value's lock. */
static void *
schema_compile(void)
{
	xmlSchemaParserCtxtPtr pc;
	xmlSchemaPtr s;
	xmlInitParser();
#ifdef UPL_FAULT_INJECTION
	if (atomic_exchange(&schema_fail_next, 0))
		return NULL;
#endif
	pc = xmlSchemaNewMemParserCtxt((const char *)upl__schema_xsd, (int)upl__schema_xsd_len);
	if (pc == NULL)
		return NULL;
	xmlSchemaSetParserErrors(pc, schema_silent, schema_silent, NULL);
	s = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	return s;
}

xmlSchemaPtr
upl__xml_schema(void)
{
	return upl__lazy_get(&schema_compiled, schema_compile);
}

const char *
upl_schema_xsd(size_t *len)
{
	if (len)
		*len = upl__schema_xsd_len;
	return (const char *)upl__schema_xsd;
}

/* The stable code of a schema validation error. */
static upl_rule_id
schema_code(const xmlError *e)
{
	upl_rule_id code;
	switch (e->code) {
	case XML_SCHEMAV_CVC_ELT_1:
	case XML_SCHEMAV_NOROOT:
		code = UPL_CODE_SCHEMA_ROOT;
		break;
	case XML_SCHEMAV_ELEMENT_CONTENT:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_2:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4:
	case XML_SCHEMAV_WRONGELEM:
		code = UPL_CODE_SCHEMA_ELEMENT;
		break;
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
	case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
	case XML_SCHEMAV_CVC_AU:
		code = UPL_CODE_SCHEMA_ATTRIBUTE;
		break;
	default:
		if ((e->code >= XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1 &&
		     e->code <= XML_SCHEMAV_CVC_ENUMERATION_VALID) ||
		    (e->code >= XML_SCHEMAV_CVC_ELT_2 && e->code <= XML_SCHEMAV_CVC_ATTRIBUTE_4))
			code = UPL_CODE_SCHEMA_VALUE;
		else
			code = UPL_CODE_SCHEMA_INVALID;
	}
	return code;
}

/* The element a schema error concerns: the one whose end the schema is
 * checking, else the innermost open one. */
static void
error_element(const reader *r, size_t *off, upl_pos *p)
{
	if (r->closed_valid) {
		*off = r->closed_off;
		*p = r->closed_pos;
	} else if (r->depth > 0) {
		*off = r->frames[r->depth - 1].off;
		*p = r->frames[r->depth - 1].pos;
	} else {
		*off = r->cur_off;
		*p = r->cur;
	}
}

/* Where a schema error points: the element, or the attribute the message
 * names ("Element 'month', attribute 'month': ..."). */
static upl_pos
schema_error_pos(const reader *r, const char *msg)
{
	size_t off;
	upl_pos p;
	const char *a = strstr(msg, "', attribute '");
	error_element(r, &off, &p);
	if (a && strncmp(msg, "Element '", 9) == 0) {
		const char *start = a + 14, *end = strchr(start, '\'');
		if (end && end > start && end - start < 64 && !memchr(start, '{', (size_t)(end - start))) {
			char qn[64];
			memcpy(qn, start, (size_t)(end - start));
			qn[end - start] = '\0';
			p = upl__xml_attr_pos(r, off, p, qn);
		}
	}
	return p;
}

/* libxml2 often reports one bad value twice (the facet, then the type):
 * whether the last finding is the same code at the same place (then only
 * the first is kept). */
static int
repeats_last(const upl_report *rep, upl_rule_id code, upl_pos p)
{
	if (rep->n > 0) {
		const upl_diag *last = &rep->items[rep->n - 1];
		if (last->rule == code && last->line == p.line && last->column == p.column)
			return 1;
	}
	return 0;
}

void
upl__xml_on_schema_error(void *data, xmlErrorPtr e)
{
	reader *r = data;
	upl_rule_id code;
	upl_severity sev;
	upl_pos p;
	char *msg;
	if (e == NULL || r->fatal_seen || r->stopped)
		return;
	code = schema_code(e);
	sev = e->level == XML_ERR_WARNING ? UPL_SEVERITY_WARNING : UPL_SEVERITY_ERROR;
	msg = upl__xml_clean_message(e->message);
	if (msg == NULL) {
		r->oom = 1;
		return;
	}
	p = schema_error_pos(r, msg);
	if (!repeats_last(&r->schema_report, code, p) &&
	    upl__report_add(&r->schema_report, sev, code, r->name, p.line, p.column, "%s", msg) != 0)
		r->oom = 1;
	upl__dealloc(msg);
}

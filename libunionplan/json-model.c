/* The JSON form back to the model: upl_doc_parse_json_*(). The shape is
 * doc/json.md; every refusal names the member and its place. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include <unionplan/calendar.h>
#include <unionplan/export.h>
#include <unionplan/validate.h>

#include "io-private.h"
#include "json-private.h"
#include "plan-private.h"
#include "xml-private.h"

typedef struct jm {
	const char *name;
	upl_error **err;
	int rc;
} jm;

static int
bad(jm *m, unsigned int line, unsigned int col, const char *fmt, ...) UPL_PRINTF(4, 5);

static int
bad(jm *m, unsigned int line, unsigned int col, const char *fmt, ...)
{
	char msg[320];
	va_list ap;
	if (m->rc)
		return m->rc;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	m->rc = upl__error_set(m->err, UPL_EPARSE, m->name, line, col, "%s", msg);
	return m->rc;
}

static int
nomem(jm *m)
{
	if (!m->rc)
		m->rc = upl__error_set(m->err, UPL_ENOMEM, m->name, 0, 0, "out of memory");
	return m->rc;
}

static const char *
type_name(const upl_jv *v)
{
	static const char *const names[] = {
		"null", "false", "true", "an integer", "a number with a fraction or exponent",
		"a string", "an array", "an object"
	};
	return names[v->type];
}

/* The members of object v, checked against names (NULL-terminated, at most
 * 16; a leading '?' marks one that may be absent): vals[k] receives the
 * value of names[k] or NULL. Unknown and repeated members are refused. */
static int
take(jm *m, const upl_jv *v, const char *what, const char *const *names, const upl_jv **vals)
{
	unsigned int seen = 0;
	size_t i, k;
	if (v->type != UPL_JV_OBJECT)
		return bad(m, v->line, v->column, "%s must be an object, not %s", what, type_name(v));
	for (k = 0; names[k]; k++)
		vals[k] = NULL;
	for (i = 0; i < v->n; i++) {
		const upl_jv *mv = v->items[i];
		for (k = 0; names[k]; k++)
			if (strcmp(mv->key, names[k] + (names[k][0] == '?')) == 0)
				break;
		if (names[k] == NULL)
			return bad(m, mv->key_line, mv->key_column, "unknown member \"%s\" in %s", mv->key, what);
		if (seen & (1u << k))
			return bad(m, mv->key_line, mv->key_column, "duplicate member \"%s\" in %s", mv->key, what);
		seen |= 1u << k;
		vals[k] = mv;
	}
	for (k = 0; names[k]; k++)
		if (names[k][0] != '?' && vals[k] == NULL)
			return bad(m, v->line, v->column, "%s needs the member \"%s\"", what, names[k]);
	return 0;
}

/* A string or null into *dst (replacing it). */
static int
text(jm *m, const upl_jv *v, char **dst)
{
	if (v->type == UPL_JV_NULL) {
		upl__dealloc(*dst);
		*dst = NULL;
		return 0;
	}
	if (v->type != UPL_JV_STRING)
		return bad(m, v->line, v->column, "\"%s\" must be a string or null, not %s", v->key, type_name(v));
	return upl__set_str(dst, v->str) == 0 ? 0 : nomem(m);
}

/* An integer in min..max, or null (giving none) when nullable. */
static int
integer(jm *m, const upl_jv *v, int min, int max, int nullable, int none, int *out)
{
	if (v->type == UPL_JV_NULL && nullable) {
		*out = none;
		return 0;
	}
	if (v->type != UPL_JV_INT)
		return bad(m, v->line, v->column, "\"%s\" must be an integer%s, not %s", v->key,
			   nullable ? " or null" : "", type_name(v));
	if (v->overflow)
		return bad(m, v->line, v->column, "\"%s\" must be %d to %d", v->key, min, max);
	if (v->num < min || v->num > max)
		return bad(m, v->line, v->column, "\"%s\" must be %d to %d, not %ld", v->key, min, max, v->num);
	*out = (int)v->num;
	return 0;
}

/* A date string or null; monthday allows --MM-DD. */
static int
date(jm *m, const upl_jv *v, int monthday, upl_date *out)
{
	upl_date d = UPL_DATE_INIT;
	if (v->type == UPL_JV_NULL) {
		*out = d;
		return 0;
	}
	if (v->type != UPL_JV_STRING)
		return bad(m, v->line, v->column, "\"%s\" must be a date string or null, not %s", v->key,
			   type_name(v));
	if (upl_date_parse(&d, v->str, (size_t)-1) != 0 || (d.year == 0 && !monthday))
		return bad(m, v->line, v->column, "\"%s\" is not a date %s: \"%.40s\"", v->key,
			   monthday ? "YYYY-MM-DD or --MM-DD" : "YYYY-MM-DD", v->str);
	*out = d;
	return 0;
}

/* A name of an enumeration or null: *out = from(name), 0 for null. */
static int
choice(jm *m, const upl_jv *v, int (*from)(const char *), const char *list, int *out)
{
	*out = 0;
	if (v->type == UPL_JV_NULL)
		return 0;
	if (v->type == UPL_JV_STRING && (*out = from(v->str)) > 0)
		return 0;
	if (v->type == UPL_JV_STRING)
		return bad(m, v->line, v->column, "\"%s\" must be one of %s or null, not \"%.40s\"", v->key,
			   list, v->str);
	return bad(m, v->line, v->column, "\"%s\" must be a string or null, not %s", v->key, type_name(v));
}

static int role_from(const char *s) { return (int)upl_role_from_name(s); }
static int relation_from(const char *s) { return (int)upl_relation_from_name(s); }
static int period_from(const char *s) { return (int)upl_period_kind_from_name(s); }

/* A position member: null or {"line": L, "column": C}, checked, ignored. */
static int
position(jm *m, const upl_jv *v)
{
	static const char *const names[] = { "line", "column", NULL };
	const upl_jv *vals[3];
	int x;
	if (v == NULL || v->type == UPL_JV_NULL)
		return 0;
	if (take(m, v, "a position", names, vals) != 0 ||
	    integer(m, vals[0], 1, 2147483647, 0, 0, &x) != 0 ||
	    integer(m, vals[1], 1, 2147483647, 0, 0, &x) != 0)
		return m->rc;
	return 0;
}

static upl_pos
here(const upl_jv *v)
{
	upl_pos p;
	p.line = v->line;
	p.column = v->column;
	return p;
}

/* {"key": K, "name": N}: N must be one of K's names. */
static int
holiday(jm *m, const upl_jv *v, upl_node *n)
{
	static const char *const names[] = { "key", "name", NULL };
	const upl_jv *vals[3];
	const char *simp, *trad;
	if (v->type == UPL_JV_NULL)
		return 0;
	if (take(m, v, "a holiday", names, vals) != 0)
		return m->rc;
	if (vals[0]->type != UPL_JV_STRING || upl_node_set_holiday(n, vals[0]->str) != 0)
		return bad(m, vals[0]->line, vals[0]->column, "\"key\" must be a holiday key (doc/schema.md)%s%.40s%s",
			   vals[0]->type == UPL_JV_STRING ? ", not \"" : "",
			   vals[0]->type == UPL_JV_STRING ? vals[0]->str : "",
			   vals[0]->type == UPL_JV_STRING ? "\"" : "");
	simp = upl_holiday_name(n->holiday, 0);
	trad = upl_holiday_name(n->holiday, 1);
	if (vals[1]->type != UPL_JV_STRING ||
	    (strcmp(vals[1]->str, simp) != 0 && strcmp(vals[1]->str, trad) != 0))
		return bad(m, vals[1]->line, vals[1]->column, "\"name\" of holiday \"%s\" must be \"%s\" or \"%s\"",
			   n->holiday, simp, trad);
	return 0;
}

static int node(jm *m, const upl_jv *v, upl_node *parent, upl_plan *plan);

static int
children(jm *m, const upl_jv *v, upl_node *n)
{
	size_t i;
	if (v->type != UPL_JV_ARRAY)
		return bad(m, v->line, v->column, "\"children\" must be an array, not %s", type_name(v));
	for (i = 0; i < v->n; i++)
		if (node(m, v->items[i], n, NULL) != 0)
			return m->rc;
	if (n->kind == UPL_NODE_SCHEDULE && v->n == 0)
		return bad(m, v->line, v->column, "a schedule needs at least one month");
	return 0;
}

/* One member of a node, by its name. */
static int
field(jm *m, upl_node *n, const upl_jv *v)
{
	const char *k = v->key;
	int x = 0;
	if (strcmp(k, "kind") == 0)
		return 0;
	if (strcmp(k, "position") == 0 || strcmp(k, "heading_position") == 0)
		return position(m, v);
	if (strcmp(k, "label") == 0)
		return text(m, v, &n->label);
	if (strcmp(k, "text") == 0)
		return text(m, v, &n->text);
	if (strcmp(k, "heading") == 0) {
		if (v->type != UPL_JV_NULL)
			n->heading_pos = here(v);
		return text(m, v, &n->heading);
	}
	if (strcmp(k, "number") == 0)
		return integer(m, v, 0, 1000000, 1, -1, &n->number);
	if (strcmp(k, "level") == 0)
		return integer(m, v, 1, 9, 1, 0, &n->level);
	if (strcmp(k, "month") == 0)
		return integer(m, v, 1, 12, 0, 0, &n->month);
	if (strcmp(k, "to") == 0)
		return integer(m, v, 1, 12, 1, 0, &n->month_to);
	if (strcmp(k, "year") == 0)
		return integer(m, v, 1, 9999, 1, 0, &n->year);
	if (strcmp(k, "date") == 0)
		return date(m, v, 1, &n->date);
	if (strcmp(k, "holiday") == 0)
		return holiday(m, v, n);
	if (strcmp(k, "role") == 0) {
		if (choice(m, v, role_from, "guidance, goals, tasks, schedule, routine, notes, appendix", &x) == 0)
			n->role = (upl_role)x;
		return m->rc;
	}
	if (strcmp(k, "relation") == 0) {
		if (choice(m, v, relation_from, "on, before, after, during", &x) == 0)
			n->relation = (upl_relation)x;
		return m->rc;
	}
	return children(m, v, n);
}

/* The members of each kind, in the exporter's order. */
static const char *const *
kind_members(upl_kind kind)
{
	static const char *const p[] = { "kind", "?position", "label", "text", NULL };
	static const char *const section[] = { "kind", "?position", "label", "number", "level", "role",
		"heading", "?heading_position", "children", NULL };
	static const char *const item[] = { "kind", "?position", "label", "number", "heading",
		"?heading_position", "text", "children", NULL };
	static const char *const schedule[] = { "kind", "?position", "heading", "?heading_position",
		"children", NULL };
	static const char *const month[] = { "kind", "?position", "month", "to", "year", "label",
		"children", NULL };
	static const char *const activity[] = { "kind", "?position", "label", "number", "date",
		"holiday", "relation", "text", NULL };
	static const char *const note[] = { "kind", "?position", "label", "number", "text", NULL };
	switch (kind) {
	case UPL_NODE_PARAGRAPH: return p;
	case UPL_NODE_SECTION: return section;
	case UPL_NODE_ITEM: return item;
	case UPL_NODE_SCHEDULE: return schedule;
	case UPL_NODE_MONTH: return month;
	case UPL_NODE_ACTIVITY: return activity;
	default: return note;
	}
}

/* What a container of kind parent holds, for messages. */
static const char *
allowed_list(upl_kind parent)
{
	switch ((int)parent) {
	case 0: return "the plan body holds p, section, schedule or note nodes";
	case UPL_NODE_SECTION: return "a section holds p, item, section, schedule or note nodes";
	case UPL_NODE_ITEM: return "an item holds p or item nodes";
	case UPL_NODE_SCHEDULE: return "a schedule holds month nodes";
	default: return "a month holds activity nodes";
	}
}

/* The kind of node object v (whose members are not yet checked). */
static int
node_kind(jm *m, const upl_jv *v, upl_kind parent, upl_kind *out)
{
	const upl_jv *k = NULL;
	size_t i;
	int c;
	if (v->type != UPL_JV_OBJECT)
		return bad(m, v->line, v->column, "a node must be an object, not %s", type_name(v));
	for (i = 0; i < v->n && k == NULL; i++)
		if (strcmp(v->items[i]->key, "kind") == 0)
			k = v->items[i];
	if (k == NULL)
		return bad(m, v->line, v->column, "a node needs the member \"kind\"");
	if (k->type != UPL_JV_STRING)
		return bad(m, k->line, k->column, "\"kind\" must be a string, not %s", type_name(k));
	for (c = UPL_NODE_PARAGRAPH; c <= UPL_NODE_NOTE; c++)
		if (strcmp(k->str, upl_kind_name((upl_kind)c)) == 0)
			break;
	if (c > UPL_NODE_NOTE)
		return bad(m, k->line, k->column,
			   "unknown kind \"%.40s\" (p, section, item, schedule, month, activity, note)", k->str);
	if (!upl__kind_allowed(parent, (upl_kind)c))
		return bad(m, k->line, k->column, "%s, not \"%s\"", allowed_list(parent), k->str);
	*out = (upl_kind)c;
	return 0;
}

/* XML white space around an item's text is not kept when the item has
 * element children (as the XML reader reads it). */
static int
trim_item_text(upl_node *n)
{
	const char *t = n->text, *e;
	char *copy;
	if (n->kind != UPL_NODE_ITEM || t == NULL || (n->heading == NULL && n->nchildren == 0))
		return 0;
	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
		t++;
	e = t + strlen(t);
	while (e > t && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	copy = e > t ? upl__strndup(t, (size_t)(e - t)) : NULL;
	if (e > t && copy == NULL)
		return UPL_ENOMEM;
	upl__dealloc(n->text);
	n->text = copy;
	return 0;
}

/* A node, added to parent (or to the body of plan). */
static int
node(jm *m, const upl_jv *v, upl_node *parent, upl_plan *plan)
{
	const upl_jv *vals[16];
	const char *what;
	upl_node *n = NULL;
	upl_kind kind = UPL_NODE_PARAGRAPH;
	size_t k;
	if (node_kind(m, v, parent ? parent->kind : (upl_kind)0, &kind) != 0)
		return m->rc;
	what = kind == UPL_NODE_ITEM || kind == UPL_NODE_ACTIVITY ? "an" : "a";
	{
		char desc[32];
		snprintf(desc, sizeof desc, "%s %s node", what, upl_kind_name(kind));
		if (take(m, v, desc, kind_members(kind), vals) != 0)
			return m->rc;
	}
	if (upl_node_new(&n, kind) != 0)
		return nomem(m);
	n->pos = here(v);
	if ((parent ? upl_node_child_add(parent, n) : upl_plan_block_add(plan, n)) != 0) {
		upl_node_free(n);
		return nomem(m);
	}
	for (k = 0; kind_members(kind)[k] && !m->rc; k++)
		if (vals[k])
			field(m, n, vals[k]);
	if (!m->rc && trim_item_text(n) != 0)
		nomem(m);
	return m->rc;
}

/* ------------------------------------------------------------------------ */
/* Plans                                                                    */

static int
period(jm *m, const upl_jv *v, upl_plan *p)
{
	static const char *const names[] = { "?position", "kind", "start", "end", "schoolyear", "term",
		"text", NULL };
	const upl_jv *vals[8];
	int kind = 0;
	if (v->type == UPL_JV_NULL)
		return 0;
	if (take(m, v, "the period", names, vals) != 0 || position(m, vals[0]) != 0)
		return m->rc;
	if (vals[1]->type == UPL_JV_NULL)
		return bad(m, vals[1]->line, vals[1]->column, "\"kind\" of the period may not be null");
	if (choice(m, vals[1], period_from, "school-year, term, year, half-year, custom", &kind) != 0 ||
	    date(m, vals[2], 0, &p->period_start) != 0 || date(m, vals[3], 0, &p->period_end) != 0 ||
	    integer(m, vals[4], 1, 9999, 1, 0, &p->schoolyear) != 0 ||
	    integer(m, vals[5], 1, 2, 1, 0, &p->term) != 0 || text(m, vals[6], &p->period_text) != 0)
		return m->rc;
	p->period_kind = (upl_period_kind)kind;
	p->period_pos = here(v);
	return 0;
}

static int
issued_and_source(jm *m, const upl_jv *iv, const upl_jv *sv, upl_plan *p)
{
	static const char *const inames[] = { "?position", "date", "text", NULL };
	static const char *const snames[] = { "file", "encoding", NULL };
	const upl_jv *vals[4];
	if (iv->type != UPL_JV_NULL) {
		if (take(m, iv, "the issue date", inames, vals) != 0 || position(m, vals[0]) != 0 ||
		    date(m, vals[1], 0, &p->issued_date) != 0 || text(m, vals[2], &p->issued_text) != 0)
			return m->rc;
		p->has_issued = 1;
		p->issued_pos = here(iv);
	}
	if (sv->type != UPL_JV_NULL) {
		if (take(m, sv, "the source", snames, vals) != 0 ||
		    text(m, vals[0], &p->source_file) != 0 || text(m, vals[1], &p->source_encoding) != 0)
			return m->rc;
		p->has_source = 1;
	}
	return 0;
}

static int
authors(jm *m, const upl_jv *v, upl_plan *p)
{
	size_t i;
	if (v->type != UPL_JV_ARRAY)
		return bad(m, v->line, v->column, "\"authors\" must be an array, not %s", type_name(v));
	for (i = 0; i < v->n; i++) {
		const upl_jv *a = v->items[i];
		if (a->type != UPL_JV_STRING)
			return bad(m, a->line, a->column, "an author must be a string, not %s", type_name(a));
		if (upl_plan_author_add(p, a->str) != 0)
			return nomem(m);
	}
	return 0;
}

static int
meta(jm *m, const upl_jv *v, upl_plan *p)
{
	static const char *const names[] = { "?position", "title", "?title_position", "organization",
		"authors", "docnumber", "?docnumber_position", "period", "issued", "source", NULL };
	const upl_jv *vals[11];
	if (take(m, v, "meta", names, vals) != 0 || position(m, vals[0]) != 0 ||
	    position(m, vals[2]) != 0 || position(m, vals[6]) != 0 ||
	    text(m, vals[1], &p->title) != 0 || text(m, vals[3], &p->organization) != 0 ||
	    authors(m, vals[4], p) != 0 || text(m, vals[5], &p->docnumber) != 0 ||
	    period(m, vals[7], p) != 0 || issued_and_source(m, vals[8], vals[9], p) != 0)
		return m->rc;
	p->meta_pos = here(v);
	if (p->title)
		p->title_pos = here(vals[1]);
	if (p->docnumber)
		p->docnumber_pos = here(vals[5]);
	return 0;
}

static int
plan(jm *m, const upl_jv *v, upl_doc *doc)
{
	static const char *const names[] = { "lang", "?position", "meta", "body", NULL };
	const upl_jv *vals[5];
	upl_plan *p = NULL;
	size_t i;
	if (take(m, v, "a plan", names, vals) != 0 || position(m, vals[1]) != 0)
		return m->rc;
	if (upl_plan_new(&p, NULL) != 0)
		return nomem(m);
	if (upl_doc_plan_add(doc, p) != 0) {
		upl_plan_free(p);
		return nomem(m);
	}
	p->pos = here(v);
	if (text(m, vals[0], &p->lang) != 0 || meta(m, vals[2], p) != 0)
		return m->rc;
	if (vals[3]->type != UPL_JV_ARRAY)
		return bad(m, vals[3]->line, vals[3]->column, "\"body\" must be an array, not %s",
			   type_name(vals[3]));
	for (i = 0; i < vals[3]->n; i++)
		if (node(m, vals[3]->items[i], NULL, p) != 0)
			return m->rc;
	return 0;
}

static int
document(jm *m, const upl_jv *v, upl_doc *doc)
{
	static const char *const names[] = { "format", "version", "?file", "?position", "collection",
		"plans", NULL };
	const upl_jv *vals[7];
	size_t i;
	if (take(m, v, "the document", names, vals) != 0 || position(m, vals[3]) != 0)
		return m->rc;
	if (vals[0]->type != UPL_JV_STRING || strcmp(vals[0]->str, "unionplan") != 0)
		return bad(m, vals[0]->line, vals[0]->column, "\"format\" must be \"unionplan\"");
	if (vals[1]->type != UPL_JV_INT || vals[1]->overflow || vals[1]->num != UPL_JSON_VERSION)
		return bad(m, vals[1]->line, vals[1]->column, "\"version\" must be %d (the version this library reads)",
			   UPL_JSON_VERSION);
	if (vals[2] && vals[2]->type != UPL_JV_NULL && vals[2]->type != UPL_JV_STRING)
		return bad(m, vals[2]->line, vals[2]->column, "\"file\" must be a string or null, not %s",
			   type_name(vals[2]));
	if (vals[4]->type != UPL_JV_TRUE && vals[4]->type != UPL_JV_FALSE)
		return bad(m, vals[4]->line, vals[4]->column, "\"collection\" must be true or false, not %s",
			   type_name(vals[4]));
	if (vals[5]->type != UPL_JV_ARRAY || vals[5]->n == 0)
		return bad(m, vals[5]->line, vals[5]->column, "\"plans\" must be an array of at least one plan");
	upl_doc_set_collection(doc, vals[4]->type == UPL_JV_TRUE);
	doc->pos = here(v);
	for (i = 0; i < vals[5]->n; i++)
		if (plan(m, vals[5]->items[i], doc) != 0)
			return m->rc;
	return 0;
}

/* The model must pass the schema as a parsed XML document does: its
 * canonical XML is checked by the schema layer. The checks above should
 * leave nothing for it to find; this makes sure. */
static int
schema_check(jm *m, const upl_doc *doc)
{
	upl_validate_options vo = UPL_VALIDATE_OPTIONS_INIT;
	upl_buf b = UPL_BUF_INIT;
	upl_report *r = NULL;
	int rc;
	vo.flags = UPL_VALIDATE_SCHEMA_ONLY;
	rc = upl__xml_write(&b, doc, NULL, m->err);
	if (rc == 0 && (rc = upl_report_new(&r)) == 0)
		rc = upl_validate_buffer(r, b.data, b.len, "<memory>", &vo, m->err);
	if (rc == 0 && upl_report_failed(r, 0))
		rc = bad(m, 1, 1, "the document does not pass the schema: %s",
			 upl_diag_message(upl_report_get(r, 0)));
	upl_report_free(r);
	upl__buf_free(&b);
	if (rc == UPL_EINVAL)
		rc = UPL_EPARSE;
	return rc;
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                             */

static int
check_opts(const upl_json_parse_options *opts, size_t *max, unsigned int *depth, upl_error **err)
{
	*max = UPL_DEFAULT_MAX_BYTES;
	*depth = UPL_JSON_DEFAULT_MAX_DEPTH;
	if (opts == NULL)
		return 0;
	if (opts->version < 1 || opts->version > UPL_JSON_PARSE_OPTIONS_VERSION || opts->flags != 0)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid options");
	if (opts->max_bytes)
		*max = opts->max_bytes;
	if (opts->max_depth)
		*depth = opts->max_depth;
	return 0;
}

int
upl_doc_parse_json_buffer(upl_doc **out, const void *data, size_t len, const char *name,
			  const upl_json_parse_options *opts, upl_error **err)
{
	jm m;
	upl_jv *v = NULL;
	upl_doc *doc = NULL;
	size_t max;
	unsigned int depth;
	int rc;
	if (out == NULL || (data == NULL && len > 0))
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if ((rc = check_opts(opts, &max, &depth, err)) != 0)
		return rc;
	if (len > max)
		return upl__error_set(err, UPL_EIO, name, 0, 0, "input larger than the limit of %zu bytes", max);
	rc = upl__json_read(&v, data ? data : "", len, name, depth, err);
	if (rc != 0)
		return rc;
	m.name = name;
	m.err = err;
	m.rc = 0;
	if (upl_doc_new(&doc) != 0 || upl__doc_set_name(doc, name) != 0)
		rc = nomem(&m);
	if (rc == 0)
		rc = document(&m, v, doc);
	upl__jv_free(v);
	if (rc == 0)
		rc = schema_check(&m, doc);
	if (rc != 0) {
		upl_doc_free(doc);
		return rc;
	}
	*out = doc;
	return 0;
}

/* From a file (path) or a descriptor (fd, when path is NULL). */
static int
parse_loaded(upl_doc **out, const char *path, int fd, const char *name,
	     const upl_json_parse_options *opts, upl_error **err)
{
	char *data = NULL;
	size_t len = 0, max;
	unsigned int depth;
	int rc;
	if (out == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if ((rc = check_opts(opts, &max, &depth, err)) != 0)
		return rc;
	rc = path ? upl__load_file(&data, &len, path, max, err)
		  : upl__load_fd(&data, &len, fd, name, max, err);
	if (rc == 0)
		rc = upl_doc_parse_json_buffer(out, data, len, path ? path : name, opts, err);
	upl__dealloc(data);
	return rc;
}

int
upl_doc_parse_json_file(upl_doc **out, const char *path, const upl_json_parse_options *opts,
			upl_error **err)
{
	if (path == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no file name given");
	return parse_loaded(out, path, -1, NULL, opts, err);
}

int
upl_doc_parse_json_fd(upl_doc **out, int fd, const char *name, const upl_json_parse_options *opts,
		      upl_error **err)
{
	return parse_loaded(out, NULL, fd, name, opts, err);
}

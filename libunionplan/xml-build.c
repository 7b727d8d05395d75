/* The XML reader's model builder: the plan model made from the parser's
 * events as they come (no tree), with the source position of every
 * element. Each open element has a frame (xml-read-private.h) saying what
 * it builds; text goes to the innermost element only, as a tree's text
 * children would. The model is only kept when the document passes the
 * schema, so an invalid one is built as far as it makes sense and then
 * thrown away: nothing here may rely on validity. */
#include "config.h"

#include "xml-read-private.h"

enum frame_type { F_IGNORE, F_PLANS, F_PLAN, F_META, F_FIELD, F_NODE, F_HEADING };
enum meta_field { M_TITLE, M_ORGANIZATION, M_AUTHOR, M_DOCNUMBER, M_PERIOD, M_ISSUED, M_SOURCE };

void
upl__xml_build_names(reader *r, xmlDictPtr dict)
{
	static const char *const strings[XN_COUNT] = {
		UPL_NAMESPACE, "http://www.w3.org/XML/1998/namespace",
		"plans", "plan", "meta", "heading",
		"p", "section", "item", "schedule", "month", "activity", "note",
		"title", "organization", "author", "docnumber", "period", "issued", "source",
		"label", "number", "date", "holiday", "relation", "level", "role", "to",
		"year", "lang", "kind", "start", "end", "schoolyear", "term", "file",
		"encoding"
	};
	int i;
	for (i = 0; i < XN_COUNT; i++) {
		r->names[i] = xmlDictLookup(dict, BAD_CAST strings[i], -1);
		if (r->names[i] == NULL)
			r->oom = 1;
	}
}

/* --- attributes: libxml2 gives five pointers per attribute (local name,
 * prefix, URI, value, end of value); without entity substitution it
 * writes each '&' of a value as "&#38;", which is undone here. */

typedef struct attrs {
	const xmlChar **a;
	int n;
	const xmlChar *const *names; /* the reader's interned names */
} attrs;

/* The value of attribute name in namespace uri (XN_COUNT: none), decoded
 * into small when it fits, else into a new block (*heap, freed by the
 * caller); NULL when absent or out of memory (then *oom). */
static const char *
attr_get(const attrs *at, enum xml_name name, enum xml_name uri, char *small, size_t cap,
	 char **heap, int *oom)
{
	const xmlChar *want = at->names[name];
	const xmlChar *want_uri = uri == XN_COUNT ? NULL : at->names[uri];
	int i;
	*heap = NULL;
	for (i = 0; i < at->n; i++) {
		const xmlChar **v = at->a + 5 * i;
		const char *s = (const char *)v[3];
		size_t len = (size_t)(v[4] - v[3]), k, l;
		char *out;
		if (v[0] != want || v[2] != want_uri)
			continue;
		out = small;
		if (len >= cap) {
			out = *heap = upl__malloc(len + 1);
			if (out == NULL) {
				*oom = 1;
				return NULL;
			}
		}
		for (k = 0, l = 0; k < len; l++) {
			if (len - k >= 5 && memcmp(s + k, "&#38;", 5) == 0) {
				out[l] = '&';
				k += 5;
			} else {
				out[l] = s[k++];
			}
		}
		out[l] = '\0';
		return out;
	}
	return NULL;
}

/* A copy of the attribute's value; NULL when absent. */
static char *
attr_dup(const attrs *at, enum xml_name name, enum xml_name uri, int *oom)
{
	char small[64], *heap, *s;
	const char *v = attr_get(at, name, uri, small, sizeof small, &heap, oom);
	if (v == NULL)
		return NULL;
	s = heap ? heap : upl__strdup(v);
	if (s == NULL)
		*oom = 1;
	return s;
}

/* An XSD integer in its lexical form (whitespace collapsed, optional sign). */
static int
attr_int(const attrs *at, enum xml_name name, int dflt, int *oom)
{
	char small[64], *heap;
	const char *p = attr_get(at, name, XN_COUNT, small, sizeof small, &heap, oom);
	long val = 0;
	if (p == NULL)
		return dflt;
	while (is_xml_space(*p))
		p++;
	if (*p == '+')
		p++;
	while (*p >= '0' && *p <= '9') {
		if (val < 100000000L)
			val = val * 10 + (*p - '0');
		p++;
	}
	upl__dealloc(heap);
	return (int)val;
}

static upl_date
attr_date(const attrs *at, enum xml_name name, int *oom)
{
	upl_date d = UPL_DATE_INIT;
	char small[64], *heap;
	const char *s = attr_get(at, name, XN_COUNT, small, sizeof small, &heap, oom), *e;
	if (s == NULL)
		return d;
	while (is_xml_space(*s))
		s++;
	e = s + strlen(s);
	while (e > s && is_xml_space(e[-1]))
		e--;
	if (upl_date_parse(&d, s, (size_t)(e - s)) != 0) {
		upl_date none = UPL_DATE_INIT;
		d = none;
	}
	upl__dealloc(heap);
	return d;
}

/* An enumerated attribute mapped through lookup (NULL when absent). */
#define ATTR_ENUM(at, name, lookup, out, oom)                                            \
	do {                                                                             \
		char small_[64], *heap_;                                                 \
		const char *v_ = attr_get((at), (name), XN_COUNT, small_, sizeof small_, &heap_, \
					  (oom));                                        \
		(out) = lookup(v_);                                                      \
		upl__dealloc(heap_);                                                     \
	} while (0)

/* --- text ------------------------------------------------------------- */

static void
buf_reset(upl_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* The frame's text as a new string of exactly its length. */
static char *
text_copy(const upl_buf *b, int *oom)
{
	char *s;
	if (b->failed) {
		*oom = 1;
		return NULL;
	}
	s = upl__strndup(b->data ? b->data : "", b->len);
	if (s == NULL)
		*oom = 1;
	return s;
}

/* Mixed content: the current text piece ends (a child element, a comment,
 * a processing instruction or the end tag); join it, trimmed, if it holds
 * more than XML white space. */
static void
end_piece(frame *f)
{
	const char *t = f->text.data ? f->text.data + f->piece : "";
	const char *e = f->text.data ? f->text.data + f->text.len : t;
	while (t < e && is_xml_space(*t))
		t++;
	while (e > t && is_xml_space(e[-1]))
		e--;
	if (t < e) {
		upl__buf_put(&f->joined, t, (size_t)(e - t));
		f->any_joined = 1;
	}
	f->piece = f->text.len;
}

/* The own text of a mixed element (item): verbatim when it has no element
 * children; otherwise its pieces, each trimmed, joined. NULL when none. */
static char *
mixed_text(frame *f, int *oom)
{
	end_piece(f);
	if (f->elements)
		return f->any_joined ? text_copy(&f->joined, oom) : NULL;
	return f->had_text ? text_copy(&f->text, oom) : NULL;
}

/* --- elements --------------------------------------------------------- */

static upl_kind
node_kind(const reader *r, const xmlChar *name)
{
	static const struct { enum xml_name name; upl_kind kind; } map[] = {
		{ XN_P, UPL_NODE_PARAGRAPH }, { XN_SECTION, UPL_NODE_SECTION },
		{ XN_ITEM, UPL_NODE_ITEM }, { XN_SCHEDULE, UPL_NODE_SCHEDULE },
		{ XN_MONTH, UPL_NODE_MONTH }, { XN_ACTIVITY, UPL_NODE_ACTIVITY },
		{ XN_NOTE, UPL_NODE_NOTE }
	};
	size_t i;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (name == r->names[map[i].name])
			return map[i].kind;
	return (upl_kind)0;
}

static void
node_attrs(upl_node *n, const attrs *at, int *oom)
{
	n->label = attr_dup(at, XN_LABEL, XN_COUNT, oom);
	if (n->kind == UPL_NODE_SECTION || n->kind == UPL_NODE_ITEM ||
	    n->kind == UPL_NODE_ACTIVITY || n->kind == UPL_NODE_NOTE)
		n->number = attr_int(at, XN_NUMBER, -1, oom);
	switch (n->kind) {
	case UPL_NODE_ACTIVITY:
		n->date = attr_date(at, XN_DATE, oom);
		ATTR_ENUM(at, XN_HOLIDAY, upl__holiday_key, n->holiday, oom);
		ATTR_ENUM(at, XN_RELATION, upl_relation_from_name, n->relation, oom);
		break;
	case UPL_NODE_SECTION:
		n->level = attr_int(at, XN_LEVEL, 0, oom);
		ATTR_ENUM(at, XN_ROLE, upl_role_from_name, n->role, oom);
		break;
	case UPL_NODE_MONTH:
		n->month = attr_int(at, XN_MONTH, 0, oom);
		n->month_to = attr_int(at, XN_TO, 0, oom);
		n->year = attr_int(at, XN_YEAR, 0, oom);
		break;
	default:
		break;
	}
}

/* The plan a node belongs to: its top ancestor's. */
static upl_plan *
node_plan(const upl_node *n)
{
	while (n->parent)
		n = n->parent;
	return n->plan;
}

/* A body element under a plan (parent NULL) or a node: made and added. */
static void
start_node(reader *r, frame *f, upl_plan *plan, upl_node *parent, upl_kind kind,
	   const attrs *at)
{
	upl_node *n;
	int rc;
	if (kind == 0)
		return;
	if (upl_node_new(&n, kind) != 0) {
		r->oom = 1;
		return;
	}
	n->pos = f->pos;
	node_attrs(n, at, &r->oom);
	rc = parent ? upl_node_child_add(parent, n) : upl_plan_block_add(plan, n);
	if (rc != 0) {
		/* not allowed there: the schema says why */
		upl_node_free(n);
		if (rc == UPL_ENOMEM)
			r->oom = 1;
		return;
	}
	f->type = F_NODE;
	f->obj = n;
	if (r->rules)
		upl__rules_stream_open(r->rules, plan ? plan : node_plan(n), n);
	f->collect = kind == UPL_NODE_PARAGRAPH || kind == UPL_NODE_NOTE ||
		     kind == UPL_NODE_ACTIVITY || kind == UPL_NODE_ITEM;
	f->mixed = kind == UPL_NODE_ITEM;
}

static void
start_plan(reader *r, frame *f, const attrs *at)
{
	upl_plan *p = upl__calloc(1, sizeof *p);
	if (p == NULL) {
		r->oom = 1;
		return;
	}
	p->pos = f->pos;
	p->lang = attr_dup(at, XN_LANG, XN_XML_NS, &r->oom);
	if (upl_doc_plan_add(r->doc, p) != 0) {
		upl_plan_free(p);
		r->oom = 1;
		return;
	}
	f->type = F_PLAN;
	f->obj = p;
}

static void
start_meta_field(reader *r, frame *f, upl_plan *p, const xmlChar *name, const attrs *at)
{
	static const enum xml_name names[] = { XN_TITLE, XN_ORGANIZATION, XN_AUTHOR, XN_DOCNUMBER,
					       XN_PERIOD, XN_ISSUED, XN_SOURCE };
	int i;
	for (i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
		if (name == r->names[names[i]])
			break;
	if (i == (int)(sizeof names / sizeof names[0]))
		return;
	f->type = F_FIELD;
	f->field = i;
	f->obj = p;
	f->collect = i != M_SOURCE;
	if (i == M_TITLE) {
		p->title_pos = f->pos;
	} else if (i == M_DOCNUMBER) {
		p->docnumber_pos = f->pos;
	} else if (i == M_PERIOD) {
		ATTR_ENUM(at, XN_KIND, upl_period_kind_from_name, p->period_kind, &r->oom);
		p->period_start = attr_date(at, XN_START, &r->oom);
		p->period_end = attr_date(at, XN_END, &r->oom);
		p->schoolyear = attr_int(at, XN_SCHOOLYEAR, 0, &r->oom);
		p->term = attr_int(at, XN_TERM, 0, &r->oom);
		p->period_pos = f->pos;
	} else if (i == M_ISSUED) {
		p->has_issued = 1;
		p->issued_date = attr_date(at, XN_DATE, &r->oom);
		p->issued_pos = f->pos;
	} else if (i == M_SOURCE) {
		p->has_source = 1;
		upl__dealloc(p->source_file);
		upl__dealloc(p->source_encoding);
		p->source_file = attr_dup(at, XN_FILE, XN_COUNT, &r->oom);
		p->source_encoding = attr_dup(at, XN_ENCODING, XN_COUNT, &r->oom);
	}
}

/* What the element of the top frame f builds, given its parent frame
 * (NULL for the root). */
static void
start_in(reader *r, frame *f, const frame *parent, const xmlChar *name, const attrs *at)
{
	int type = parent ? parent->type : -1;
	if (type == -1) {
		r->doc->pos = f->pos;
		if (name == r->names[XN_PLANS]) {
			r->doc->collection = 1;
			f->type = F_PLANS;
		} else if (name == r->names[XN_PLAN]) {
			start_plan(r, f, at);
		}
	} else if (type == F_PLANS) {
		if (name == r->names[XN_PLAN])
			start_plan(r, f, at);
	} else if (type == F_PLAN) {
		if (name == r->names[XN_META]) {
			f->type = F_META;
			f->obj = parent->obj;
			((upl_plan *)parent->obj)->meta_pos = f->pos;
		} else {
			start_node(r, f, parent->obj, NULL, node_kind(r, name), at);
		}
	} else if (type == F_META) {
		start_meta_field(r, f, parent->obj, name, at);
	} else if (type == F_NODE) {
		if (name == r->names[XN_HEADING]) {
			f->type = F_HEADING;
			f->obj = parent->obj;
			f->collect = 1;
		} else {
			start_node(r, f, NULL, parent->obj, node_kind(r, name), at);
		}
	}
}

void
upl__xml_build_start(reader *r, const xmlChar *localname, const xmlChar *URI,
		     int nb_attributes, const xmlChar **attributes)
{
	frame *f = &r->frames[r->depth - 1];
	frame *parent = r->depth > 1 ? &r->frames[r->depth - 2] : NULL;
	attrs at;
	f->type = F_IGNORE;
	f->field = 0;
	f->obj = NULL;
	buf_reset(&f->text);
	buf_reset(&f->joined);
	f->piece = 0;
	f->collect = f->mixed = f->elements = f->had_text = f->any_joined = 0;
	if (parent && parent->mixed) {
		end_piece(parent);
		parent->elements = 1;
	}
	if (!r->build || r->doc == NULL || (parent && parent->type == F_IGNORE))
		return;
	if (URI == NULL || URI != r->names[XN_NS])
		return;
	at.a = attributes;
	at.n = nb_attributes;
	at.names = r->names;
	start_in(r, f, parent, localname, &at);
}

static void
end_field(reader *r, frame *f)
{
	upl_plan *p = f->obj;
	char *s;
	if (f->field == M_SOURCE)
		return;
	s = text_copy(&f->text, &r->oom);
	if (s == NULL)
		return;
	switch (f->field) {
	case M_TITLE:
		upl__dealloc(p->title);
		p->title = s;
		return;
	case M_ORGANIZATION:
		upl__dealloc(p->organization);
		p->organization = s;
		return;
	case M_AUTHOR:
		if (upl_plan_author_add(p, s) != 0)
			r->oom = 1;
		break;
	case M_DOCNUMBER:
		upl__dealloc(p->docnumber);
		p->docnumber = s;
		return;
	case M_PERIOD:
		upl__dealloc(p->period_text);
		p->period_text = s;
		return;
	case M_ISSUED:
		upl__dealloc(p->issued_text);
		p->issued_text = s;
		return;
	default:
		break;
	}
	upl__dealloc(s);
}

/* The streaming path: a node has closed, its rules run and it goes (an
 * activity with its month: the month's rules read it); a plan has closed,
 * its own rules run and it goes. */
static void
stream_close(reader *r, frame *f)
{
	upl_node *n = f->obj, *parent;
	if (f->type == F_PLAN) {
		upl_doc *doc = r->doc;
		upl__rules_stream_plan(r->rules, f->obj);
		if (doc->nplans && doc->plans[doc->nplans - 1] == f->obj)
			(void)upl_doc_plan_remove(doc, doc->nplans - 1, NULL);
	} else if (f->type == F_NODE) {
		upl_plan *p = node_plan(n);
		upl__rules_stream_close(r->rules, p, n);
		parent = n->parent;
		if (parent && parent->kind == UPL_NODE_MONTH)
			return;
		if (parent && parent->nchildren && parent->children[parent->nchildren - 1] == n)
			(void)upl_node_child_remove(parent, parent->nchildren - 1, NULL);
		else if (!parent && p && p->nblocks && p->blocks[p->nblocks - 1] == n)
			(void)upl_plan_block_remove(p, p->nblocks - 1, NULL);
		else
			return;
	} else {
		return;
	}
	f->obj = NULL;
	f->type = F_IGNORE;
}

void
upl__xml_build_end(reader *r)
{
	frame *f = &r->frames[r->depth - 1];
	if (f->type == F_NODE && f->collect) {
		upl_node *n = f->obj;
		upl__dealloc(n->text);
		n->text = f->mixed ? mixed_text(f, &r->oom) : text_copy(&f->text, &r->oom);
	} else if (f->type == F_FIELD) {
		end_field(r, f);
	} else if (f->type == F_HEADING) {
		upl_node *n = f->obj;
		char *s = text_copy(&f->text, &r->oom);
		if (s) {
			upl__dealloc(n->heading);
			n->heading = s;
			n->heading_pos = f->pos;
		}
	}
	if (f->text.failed || f->joined.failed)
		r->oom = 1;
	if (r->rules && f->obj)
		stream_close(r, f);
}

void
upl__xml_build_text(reader *r, const xmlChar *ch, int len)
{
	frame *f;
	if (r->depth == 0)
		return;
	f = &r->frames[r->depth - 1];
	if (!f->collect)
		return;
	f->had_text = 1;
	if (len > 0)
		upl__buf_put(&f->text, (const char *)ch, (size_t)len);
	if (f->text.failed)
		r->oom = 1;
}

void
upl__xml_build_break(reader *r)
{
	if (r->depth > 0 && r->frames[r->depth - 1].mixed)
		end_piece(&r->frames[r->depth - 1]);
}

void
upl__xml_build_free(reader *r)
{
	size_t i;
	for (i = 0; i < r->frames_used; i++) {
		upl__buf_free(&r->frames[i].text);
		upl__buf_free(&r->frames[i].joined);
	}
	upl__dealloc(r->frames);
	r->frames = NULL;
	r->depth = r->frames_used = r->frames_cap = 0;
}

/* The XML reader's model builder: the plan model of a schema-valid tree,
 * with the source position of every element. */
#include "config.h"

#include "xml-read-private.h"

static int
is_el(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, BAD_CAST UPL_NAMESPACE) &&
	       xmlStrEqual(n->name, BAD_CAST name);
}

/* Text content of a simple-content element, verbatim. */
static char *
text_of(const xmlNode *n, int *oom)
{
	upl_buf b = UPL_BUF_INIT;
	const xmlNode *c;
	char *s;
	for (c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			upl__buf_puts(&b, (const char *)c->content);
	s = upl__buf_detach(&b, NULL);
	if (s == NULL)
		*oom = 1;
	return s;
}

/* Own text of a mixed element (item): verbatim when it has no element
 * children; otherwise its text pieces, each trimmed of XML whitespace,
 * joined. NULL when there is none. */
static char *
mixed_text_of(const xmlNode *n, int *oom)
{
	upl_buf b = UPL_BUF_INIT;
	const xmlNode *c;
	int elements = 0, any = 0;
	char *s;
	for (c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			elements = 1;
	for (c = n->children; c; c = c->next) {
		const char *t, *e;
		if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content)
			continue;
		t = (const char *)c->content;
		e = t + strlen(t);
		if (elements) {
			while (t < e && is_xml_space(*t))
				t++;
			while (e > t && is_xml_space(e[-1]))
				e--;
			if (t == e)
				continue;
		}
		upl__buf_put(&b, t, (size_t)(e - t));
		any = 1;
	}
	if (!any) {
		upl__buf_free(&b);
		return NULL;
	}
	s = upl__buf_detach(&b, NULL);
	if (s == NULL)
		*oom = 1;
	return s;
}

/* The value of attribute `name` (no namespace) of element n, borrowed from
 * the tree without copying; NULL when absent. Without DTD processing an
 * attribute's value is one text node; anything else takes the slow path
 * through *slow (freed by the caller with xmlFree). */
static const char *
attr_value(const xmlNode *n, const char *name, xmlChar **slow)
{
	const xmlAttr *a;
	*slow = NULL;
	for (a = n->properties; a; a = a->next) {
		if (a->ns != NULL || strcmp((const char *)a->name, name) != 0)
			continue;
		if (a->children == NULL)
			return "";
		if (a->children->next == NULL && a->children->type == XML_TEXT_NODE)
			return a->children->content ? (const char *)a->children->content : "";
		*slow = xmlGetNoNsProp(n, BAD_CAST name);
		return (const char *)*slow;
	}
	return NULL;
}

static char *
attr_of(const xmlNode *n, const char *name, int *oom)
{
	xmlChar *slow;
	const char *v = attr_value(n, name, &slow);
	char *s;
	if (v == NULL)
		return NULL;
	s = upl__strdup(v);
	if (slow)
		xmlFree(slow);
	if (s == NULL)
		*oom = 1;
	return s;
}

/* An XSD integer in its lexical form (whitespace collapsed, optional sign). */
static int
int_attr(const xmlNode *n, const char *name, int dflt)
{
	xmlChar *slow;
	const char *p = attr_value(n, name, &slow);
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
	if (slow)
		xmlFree(slow);
	return (int)val;
}

static upl_date
date_attr(const xmlNode *n, const char *name)
{
	upl_date d = UPL_DATE_INIT;
	xmlChar *slow;
	const char *s = attr_value(n, name, &slow), *e;
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
	if (slow)
		xmlFree(slow);
	return d;
}

/* An enumerated attribute mapped through lookup (no copy). */
#define ENUM_ATTR(n, name, lookup, out)                          \
	do {                                                     \
		xmlChar *slow_;                                  \
		const char *v_ = attr_value((n), (name), &slow_); \
		(out) = lookup(v_);                              \
		if (slow_)                                       \
			xmlFree(slow_);                          \
	} while (0)

typedef struct builder {
	reader *r;
	int oom;
} builder;

static upl_node *build_node(builder *b, const xmlNode *x);

static int
node_kind_of(const xmlNode *x)
{
	static const struct { const char *name; upl_kind kind; } map[] = {
		{ "p", UPL_NODE_PARAGRAPH }, { "section", UPL_NODE_SECTION },
		{ "item", UPL_NODE_ITEM }, { "schedule", UPL_NODE_SCHEDULE },
		{ "month", UPL_NODE_MONTH }, { "activity", UPL_NODE_ACTIVITY },
		{ "note", UPL_NODE_NOTE }
	};
	size_t i;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (is_el(x, map[i].name))
			return (int)map[i].kind;
	return 0;
}

static upl_node *
build_node(builder *b, const xmlNode *x)
{
	upl_node *n;
	const xmlNode *c;
	int kind = node_kind_of(x);
	if (kind == 0 || upl_node_new(&n, (upl_kind)kind) != 0) {
		if (kind != 0)
			b->oom = 1;
		return NULL;
	}
	n->pos = node_pos(b->r, x);
	n->label = attr_of(x, "label", &b->oom);
	if (n->kind == UPL_NODE_SECTION || n->kind == UPL_NODE_ITEM ||
	    n->kind == UPL_NODE_ACTIVITY || n->kind == UPL_NODE_NOTE)
		n->number = int_attr(x, "number", -1);
	switch (n->kind) {
	case UPL_NODE_PARAGRAPH:
	case UPL_NODE_NOTE:
		n->text = text_of(x, &b->oom);
		break;
	case UPL_NODE_ACTIVITY:
		n->text = text_of(x, &b->oom);
		n->date = date_attr(x, "date");
		ENUM_ATTR(x, "holiday", upl__holiday_key, n->holiday);
		ENUM_ATTR(x, "relation", upl_relation_from_name, n->relation);
		break;
	case UPL_NODE_SECTION:
		n->level = int_attr(x, "level", 0);
		ENUM_ATTR(x, "role", upl_role_from_name, n->role);
		break;
	case UPL_NODE_ITEM:
		n->text = mixed_text_of(x, &b->oom);
		break;
	case UPL_NODE_MONTH:
		n->month = int_attr(x, "month", 0);
		n->month_to = int_attr(x, "to", 0);
		n->year = int_attr(x, "year", 0);
		break;
	default:
		break;
	}
	for (c = x->children; c && !b->oom; c = c->next) {
		upl_node *child;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(c, "heading")) {
			upl__dealloc(n->heading);
			n->heading = text_of(c, &b->oom);
			n->heading_pos = node_pos(b->r, c);
			continue;
		}
		child = build_node(b, c);
		if (child == NULL)
			continue;
		if (upl_node_child_add(n, child) != 0) {
			upl_node_free(child);
			b->oom = 1;
		}
	}
	return n;
}

static void
build_meta(builder *b, upl_plan *p, const xmlNode *meta)
{
	const xmlNode *c;
	p->meta_pos = node_pos(b->r, meta);
	for (c = meta->children; c && !b->oom; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(c, "title")) {
			p->title = text_of(c, &b->oom);
			p->title_pos = node_pos(b->r, c);
		} else if (is_el(c, "organization")) {
			p->organization = text_of(c, &b->oom);
		} else if (is_el(c, "author")) {
			char *a = text_of(c, &b->oom);
			if (a && upl_plan_author_add(p, a) != 0)
				b->oom = 1;
			upl__dealloc(a);
		} else if (is_el(c, "docnumber")) {
			p->docnumber = text_of(c, &b->oom);
			p->docnumber_pos = node_pos(b->r, c);
		} else if (is_el(c, "period")) {
			ENUM_ATTR(c, "kind", upl_period_kind_from_name, p->period_kind);
			p->period_start = date_attr(c, "start");
			p->period_end = date_attr(c, "end");
			p->schoolyear = int_attr(c, "schoolyear", 0);
			p->term = int_attr(c, "term", 0);
			p->period_text = text_of(c, &b->oom);
			p->period_pos = node_pos(b->r, c);
		} else if (is_el(c, "issued")) {
			p->has_issued = 1;
			p->issued_text = text_of(c, &b->oom);
			p->issued_date = date_attr(c, "date");
			p->issued_pos = node_pos(b->r, c);
		} else if (is_el(c, "source")) {
			p->has_source = 1;
			p->source_file = attr_of(c, "file", &b->oom);
			p->source_encoding = attr_of(c, "encoding", &b->oom);
		}
	}
}

static upl_plan *
build_plan(builder *b, const xmlNode *x)
{
	upl_plan *p = upl__calloc(1, sizeof *p);
	const xmlNode *c;
	xmlChar *lang;
	if (p == NULL) {
		b->oom = 1;
		return NULL;
	}
	p->pos = node_pos(b->r, x);
	lang = xmlGetNsProp(x, BAD_CAST "lang", XML_XML_NAMESPACE);
	if (lang) {
		p->lang = upl__strdup((const char *)lang);
		if (p->lang == NULL)
			b->oom = 1;
		xmlFree(lang);
	}
	for (c = x->children; c && !b->oom; c = c->next) {
		upl_node *n;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(c, "meta")) {
			build_meta(b, p, c);
			continue;
		}
		n = build_node(b, c);
		if (n == NULL)
			continue;
		if (upl_plan_block_add(p, n) != 0) {
			upl_node_free(n);
			b->oom = 1;
		}
	}
	return p;
}

upl_doc *
upl__xml_build_doc(reader *r, xmlDocPtr xdoc)
{
	builder b;
	upl_doc *doc;
	const xmlNode *root = xmlDocGetRootElement(xdoc), *c;
	b.r = r;
	b.oom = 0;
	if (upl_doc_new(&doc) != 0)
		return NULL;
	doc->pos = node_pos(r, root);
	if (r->name && upl__doc_set_name(doc, r->name) != 0)
		b.oom = 1;
	if (is_el(root, "plans")) {
		doc->collection = 1;
		for (c = root->children; c && !b.oom; c = c->next) {
			upl_plan *p;
			if (!is_el(c, "plan"))
				continue;
			p = build_plan(&b, c);
			if (p && upl_doc_plan_add(doc, p) != 0) {
				upl_plan_free(p);
				b.oom = 1;
			}
		}
	} else if (is_el(root, "plan")) {
		upl_plan *p = build_plan(&b, root);
		if (p && upl_doc_plan_add(doc, p) != 0) {
			upl_plan_free(p);
			b.oom = 1;
		}
	}
	if (b.oom) {
		upl_doc_free(doc);
		return NULL;
	}
	return doc;
}

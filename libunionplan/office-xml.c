/* What the two formats share: parts parsed by libxml2 with the options
 * plan XML gets (no network, no entity substitution, a DOCTYPE refused,
 * errors through our own handler and never libxml2's global ones), lines
 * written out, notes and refusals. */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>

#include "office-private.h"
#include "messages-private.h"
#include "plan-private.h"

typedef struct part_state {
	int dtd;          /* the part has a DOCTYPE */
	int have_error;
	char message[160];
	unsigned int line;
} part_state;

static void
on_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	part_state *s = ctxt ? ctxt->_private : NULL;
	size_t n;
	if (s == NULL || e == NULL || s->have_error || e->level < XML_ERR_ERROR)
		return;
	s->have_error = 1;
	s->line = e->line > 0 ? (unsigned int)e->line : 0;
	snprintf(s->message, sizeof s->message, "%s", e->message ? e->message : "not well-formed");
	n = strlen(s->message);
	while (n > 0 && (s->message[n - 1] == '\n' || s->message[n - 1] == ' '))
		s->message[--n] = '\0';
}

/* A DOCTYPE stops the parser at once: no DTD, no entity declarations. */
static void
on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = ctx;
	part_state *s = ctxt->_private;
	(void)name;
	(void)ext;
	(void)sys;
	s->dtd = 1;
	xmlStopParser(ctxt);
}

static int
part_options(void)
{
	int o = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
#if defined(HAVE_DECL_XML_PARSE_NO_XXE) && HAVE_DECL_XML_PARSE_NO_XXE
	o |= XML_PARSE_NO_XXE;
#endif
	return o;
}

/* Parse data (a member called name) into a tree, or refuse it. */
static int
parse_part(off_ctx *c, const char *name, const char *data, size_t len, xmlDocPtr *out)
{
	part_state s;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	if (len > (size_t)0x7fffffff)
		return upl__off_refuse(c, "a part of the document is too large", "文档的某个部分过大");
	memset(&s, 0, sizeof s);
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		return upl__error_set(c->err, UPL_ENOMEM, c->file, 0, 0, "%s", upl_strerror(UPL_ENOMEM));
	ctxt->_private = &s;
	ctxt->sax->serror = on_error;
	ctxt->sax->internalSubset = on_internal_subset;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL, part_options());
	if (doc != NULL && (s.dtd || s.have_error || !ctxt->wellFormed)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	if (doc == NULL) {
		if (s.dtd)
			return upl__error_set(c->err, UPL_EPARSE, c->file, 0, 0,
					      c->zh ? "文档部分 %s 含有 DOCTYPE（文档从不使用），拒绝导入"
						    : "the part %s has a DOCTYPE, which documents never have: refused",
					      name);
		return upl__error_set(c->err, UPL_EPARSE, c->file, 0, 0,
				      c->zh ? "文档部分 %s 不是格式正确的 XML（第 %u 行：%s）"
					    : "the part %s is not well-formed XML (line %u: %s)",
				      name, s.line, s.have_error ? s.message : "no document element");
	}
	*out = doc;
	return 0;
}

int
upl__off_xml_part(off_ctx *c, const char *name, xmlDocPtr *out)
{
	char *data = NULL;
	size_t len = 0;
	int rc = upl__off_zip_read(c, name, &data, &len);
	if (rc != 0)
		return rc;
	rc = parse_part(c, name, data, len, out);
	upl__dealloc(data);
	return rc;
}

int
upl__off_is(const xmlNode *e, const char *ns, const char *local)
{
	return e && e->type == XML_ELEMENT_NODE && strcmp((const char *)e->name, local) == 0 &&
	       e->ns && e->ns->href && strcmp((const char *)e->ns->href, ns) == 0;
}

const char *
upl__off_attr(const xmlNode *e, const char *ns, const char *name)
{
	const xmlAttr *a;
	for (a = e ? e->properties : NULL; a; a = a->next) {
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		if (ns == NULL ? a->ns == NULL
			       : (a->ns && a->ns->href && strcmp((const char *)a->ns->href, ns) == 0))
			return a->children && a->children->type == XML_TEXT_NODE
				       ? (const char *)a->children->content : "";
	}
	return NULL;
}

xmlNode *
upl__off_child(const xmlNode *e, const char *ns, const char *local)
{
	xmlNode *k;
	for (k = e ? e->children : NULL; k; k = k->next)
		if (upl__off_is(k, ns, local))
			return k;
	return NULL;
}

void
upl__off_put(off_ctx *c, const char *s, size_t n)
{
	size_t i, from = 0;
	c->in_line = 1;
	/* a line is one paragraph: a line break inside one is a space here */
	for (i = 0; i < n; i++) {
		if (s[i] == '\n' || s[i] == '\r') {
			upl__buf_put(&c->out, s + from, i - from);
			upl__buf_putc(&c->out, ' ');
			from = i + 1;
		}
	}
	upl__buf_put(&c->out, s + from, n - from);
	if (c->out.failed)
		c->oom = 1;
}

void
upl__off_end_line(off_ctx *c)
{
	upl__buf_putc(&c->out, '\n');
	if (c->out.failed)
		c->oom = 1;
	c->line++;
	c->in_line = 0;
}

static void
note(off_ctx *c, upl__msg_id id, const char *what)
{
	upl_pos p;
	if (c->report == NULL)
		return;
	p.line = c->line ? c->line : 1;
	p.column = 1;
	upl__msg_emit(c->report, c->zh, &c->oom, c->file, id, p, what);
}

void
upl__off_note_skip(off_ctx *c, int what)
{
	static const char *const en[OFF_SKIP_COUNT] = {
		"comments", "headers and footers", "footnotes and endnotes", "text boxes"
	};
	static const char *const zh[OFF_SKIP_COUNT] = { "批注", "页眉页脚", "脚注尾注", "文本框" };
	if (what < 0 || what >= OFF_SKIP_COUNT || (c->noted & (1u << what)))
		return;
	c->noted |= 1u << what;
	note(c, UPL__MSG(UPL_CODE_IMPORT_OFFICE_SKIPPED, 0), c->zh ? zh[what] : en[what]);
}

void
upl__off_note_revision(off_ctx *c, int deleted)
{
	unsigned int bit = deleted ? OFF_NOTED_DEL : OFF_NOTED_INS;
	if (c->noted & bit)
		return;
	c->noted |= bit;
	note(c, UPL__MSG(UPL_CODE_IMPORT_OFFICE_REVISION, 0),
	     deleted ? (c->zh ? "删除的文字已删去" : "deleted text dropped")
		     : (c->zh ? "插入的文字已保留" : "inserted text kept"));
}

void
upl__off_note_field(off_ctx *c, const char *field)
{
	if (c->noted & OFF_NOTED_FIELD)
		return;
	c->noted |= OFF_NOTED_FIELD;
	note(c, UPL__MSG(UPL_CODE_IMPORT_OFFICE_FIELD, 0), field);
}

int
upl__off_refuse(off_ctx *c, const char *en, const char *zh)
{
	return upl__error_set(c->err, UPL_EPARSE, c->file, 0, 0, "%s", c->zh ? zh : en);
}

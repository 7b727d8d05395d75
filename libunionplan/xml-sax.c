/* The XML reader's parser: libxml2 with safe options (no network, no DTD
 * loading, no entity substitution) and its callbacks, per context: errors,
 * where each element starts, and the screening of DOCTYPEs, entity
 * declarations and external resources. */
#include "config.h"

#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "xml-read-private.h"

/* Parser errors (per-context structured handler; never the global one). */
static void
on_parser_error(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	reader *r = ctxt ? ctxt->_private : NULL;
	upl_severity sev;
	upl_rule_id code;
	char *msg;
	upl_pos p;
	if (r == NULL || e == NULL || r->fatal_seen || r->stopped)
		return; /* what follows a fatal error is its consequence */
	if (e->level == XML_ERR_WARNING) {
		sev = UPL_SEVERITY_WARNING;
		code = UPL_CODE_XML_WARNING;
	} else {
		sev = UPL_SEVERITY_ERROR;
		code = UPL_CODE_XML_SYNTAX;
		if (e->level == XML_ERR_FATAL)
			r->fatal_seen = 1;
	}
	if (e->code == XML_ERR_INVALID_CHAR || e->code == XML_ERR_INVALID_ENCODING ||
	    e->code == XML_ERR_UNSUPPORTED_ENCODING)
		code = UPL_CODE_XML_ENCODING;
	p = pos_at(r, parser_offset(ctxt));
	msg = upl__xml_clean_message(e->message);
	if (msg == NULL) {
		r->oom = 1;
		return;
	}
	upl__xml_diag(r, sev, code, p, "%s", msg);
	upl__dealloc(msg);
}

/* Record where each element starts: the '<' before the parser's position.
 * A start tag holds no other '<' (attribute values cannot contain one). */
static void
on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		 const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
		 int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	reader *r = ctxt->_private;
	size_t off;
	r->sax_start(ctx, localname, prefix, URI, nb_namespaces, namespaces,
		     nb_attributes, nb_defaulted, attributes);
	if (ctxt->node == NULL || r->oom)
		return;
	off = parser_offset(ctxt);
	if (off > r->len)
		off = r->len;
	while (off > 0 && r->buf[off - 1] != '<')
		off--;
	if (off > 0)
		off--;
	if (upl__grow((void **)&r->offsets, &r->offcap, r->noff + 1, sizeof *r->offsets) != 0) {
		r->oom = 1;
		xmlStopParser(ctxt);
		return;
	}
	r->offsets[r->noff++] = off;
	ctxt->node->_private = (void *)(uintptr_t)r->noff;
}

static void
on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ExternalID,
		   const xmlChar *SystemID)
{
	xmlParserCtxtPtr ctxt = ctx;
	reader *r = ctxt->_private;
	size_t off = parser_offset(ctxt);
	/* report at the start of "<!DOCTYPE" */
	while (off > 0 && !(r->buf[off - 1] == '<' && off < r->len && r->buf[off] == '!'))
		off--;
	if (off > 0)
		off--;
	r->doctype = 1;
	r->doctype_pos = pos_at(r, off);
	r->sax_internal_subset(ctx, name, ExternalID, SystemID);
}

static void
stop_on_entity(xmlParserCtxtPtr ctxt, const xmlChar *name)
{
	reader *r = ctxt->_private;
	size_t off = parser_offset(ctxt);
	if (r->stopped)
		return;
	while (off > 0 && !(r->buf[off - 1] == '<' && off < r->len && r->buf[off] == '!'))
		off--;
	if (off > 0)
		off--;
	say(r, UPL_CODE_XML_ENTITY, 0, pos_at(r, off), name ? (const char *)name : "");
	r->stopped = 1;
	xmlStopParser(ctxt);
}

static void
on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *publicId,
	       const xmlChar *systemId, xmlChar *content)
{
	(void)type;
	(void)publicId;
	(void)systemId;
	(void)content;
	stop_on_entity(ctx, name);
}

static void
on_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *publicId,
			const xmlChar *systemId, const xmlChar *notationName)
{
	(void)publicId;
	(void)systemId;
	(void)notationName;
	stop_on_entity(ctx, name);
}

/* Refuse to resolve any external resource, whatever the options say. */
static xmlParserInputPtr
no_external(void *ctx, const xmlChar *publicId, const xmlChar *systemId)
{
	(void)publicId;
	(void)systemId;
	if (ctx)
		xmlStopParser(ctx);
	return NULL;
}

static int
parse_options(void)
{
	int o = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | XML_PARSE_NOBLANKS |
		XML_PARSE_IGNORE_ENC;
#if defined(HAVE_DECL_XML_PARSE_NO_XXE) && HAVE_DECL_XML_PARSE_NO_XXE
	o |= XML_PARSE_NO_XXE;
#endif
	return o;
}

xmlDocPtr
upl__xml_parse(reader *r, const char *name)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	r->ctxt = ctxt;
	if (ctxt == NULL)
		return NULL;
	ctxt->_private = r;
	r->sax_start = ctxt->sax->startElementNs;
	r->sax_internal_subset = ctxt->sax->internalSubset;
	ctxt->sax->startElementNs = on_start_element;
	ctxt->sax->internalSubset = on_internal_subset;
	ctxt->sax->entityDecl = on_entity_decl;
	ctxt->sax->unparsedEntityDecl = on_unparsed_entity_decl;
	ctxt->sax->resolveEntity = no_external;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->serror = on_parser_error;
	ctxt->sax->initialized = XML_SAX2_MAGIC;
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;
	return xmlCtxtReadMemory(ctxt, r->buf, (int)r->len, name ? name : "<memory>", NULL,
				 parse_options());
}

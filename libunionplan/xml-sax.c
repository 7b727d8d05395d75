/* The XML reader's one pass: libxml2's parser with safe options (no
 * network, no DTD loading, no entity substitution) and no tree; its SAX
 * events go to the schema's validator, plugged into the same stream, and
 * to the model builder (xml-build.c). Per context: errors, where each
 * element starts, and the screening of DOCTYPEs, entity declarations and
 * external resources. */
#include "config.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "xml-read-private.h"

/* Parser errors (per-context structured handler; never the global one).
 * Its data is the schema's plug, not ours: the reader comes from the
 * error's parser context. */
static void
on_parser_error(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = e ? e->ctxt : NULL;
	reader *r = ctxt ? ctxt->_private : NULL;
	upl_severity sev;
	upl_rule_id code;
	char *msg;
	upl_pos p;
	size_t off;
	(void)data;
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
	off = parser_offset(ctxt);
	if (r->push && e->code == XML_ERR_INTERNAL_ERROR && off + 1 < r->len && off >= r->base &&
	    RBYTE(r, off) == '<' && RBYTE(r, off + 1) == '!') {
		/* '<!' in content that starts no comment or CDATA: the push
		 * parser stops on it without a word of its own, the
		 * whole-document parser reads it as a start tag */
		upl__xml_diag(r, sev, code, pos_at(r, off + 1), "StartTag: invalid element name");
		return;
	}
	p = pos_at(r, off);
	msg = upl__xml_clean_message(e->message);
	if (msg == NULL) {
		r->oom = 1;
		return;
	}
	upl__xml_diag(r, sev, code, p, "%s", msg);
	upl__dealloc(msg);
}

/* Out of memory, the handlers below only note it (r->oom) and let the
 * parse run out: they must not stop the parser, because the schema's plug
 * calls the validator after them with pointers into the parser's input,
 * which xmlStopParser frees. */

/* The elements open when libxml2's whole-document parser refuses one more. */
#define PUSH_MAX_DEPTH 257

/* An element starts: push its frame (where its '<' is: the parser stands
 * after the start tag, which holds no other '<'), then build. */
static void
on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		 const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
		 int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	reader *r = ctx;
	frame *f;
	size_t off;
	(void)prefix;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	r->closed_valid = 0;
	if (r->oom)
		return;
	if (upl__grow((void **)&r->frames, &r->frames_cap, r->depth + 1, sizeof *r->frames) != 0) {
		r->oom = 1;
		return;
	}
	f = &r->frames[r->depth];
	if (r->depth == r->frames_used) {
		memset(f, 0, sizeof *f);
		r->frames_used++;
	}
	off = parser_offset(r->ctxt);
	if (off > r->len)
		off = r->len;
	while (off > r->base && RBYTE(r, off - 1) != '<')
		off--;
	if (off > r->base)
		off--;
	f->off = off;
	f->pos = pos_at(r, off);
	if (r->depth == 0)
		r->root_pos = f->pos;
	if (r->push && r->depth >= PUSH_MAX_DEPTH && !r->fatal_seen) {
		/* the whole-document parser's limit, which the push parser of
		 * libxml2 2.9 lacks: the same error at the same place */
		upl__xml_diag(r, UPL_SEVERITY_ERROR, UPL_CODE_XML_SYNTAX, f->pos,
			      "Excessive depth in document: %d use XML_PARSE_HUGE option",
			      PUSH_MAX_DEPTH - 1);
		r->fatal_seen = 1;
	}
	r->depth++;
	upl__xml_build_start(r, localname, URI, nb_attributes, attributes);
}

/* An element ends: build, pop; the schema then checks its end, with the
 * element's position kept for its findings. */
static void
on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI)
{
	reader *r = ctx;
	(void)localname;
	(void)prefix;
	(void)URI;
	if (r->depth == 0 || r->oom)
		return;
	upl__xml_build_end(r);
	r->depth--;
	r->closed_off = r->frames[r->depth].off;
	r->closed_pos = r->frames[r->depth].pos;
	r->closed_valid = 1;
}

static void
on_characters(void *ctx, const xmlChar *ch, int len)
{
	reader *r = ctx;
	r->closed_valid = 0;
	if (!r->oom)
		upl__xml_build_text(r, ch, len);
}

static void
on_comment(void *ctx, const xmlChar *value)
{
	reader *r = ctx;
	(void)value;
	r->closed_valid = 0;
	upl__xml_build_break(r);
}

static void
on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	(void)target;
	(void)data;
	on_comment(ctx, NULL);
}

/* Where the declaration the parser stands in, or after, starts: its "<!". */
static size_t
decl_start(const reader *r, size_t off)
{
	if (off > r->len)
		off = r->len;
	while (off > r->base && !(RBYTE(r, off - 1) == '<' && off < r->len && RBYTE(r, off) == '!'))
		off--;
	if (off > r->base)
		off--;
	return off;
}

static void
on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ExternalID,
		   const xmlChar *SystemID)
{
	reader *r = ctx;
	size_t off = parser_offset(r->ctxt);
	(void)name;
	(void)ExternalID;
	(void)SystemID;
	/* report at the start of "<!DOCTYPE" */
	off = decl_start(r, off);
	r->doctype = 1;
	r->doctype_pos = pos_at(r, off);
}

static void
stop_on_entity(reader *r, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = r->ctxt;
	size_t off = parser_offset(ctxt);
	if (r->stopped)
		return;
	off = decl_start(r, off);
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
	reader *r = ctx;
	(void)publicId;
	(void)systemId;
	if (r)
		xmlStopParser(r->ctxt);
	return NULL;
}

/* --- text in one piece ------------------------------------------------
 * Between the parser and the schema's plug: text (characters, CDATA,
 * ignorable white space) is gathered and handed on as one characters
 * event before the next other event, so that the validator, which appends
 * the text of every call to what it holds, sees each text node once
 * (a 4 MiB paragraph took 5 s, an 11 MiB one over 30). */

static void
flush_text(reader *r)
{
	if (r->pending.failed)
		r->oom = 1; /* sticky: the text is incomplete, the read fails */
	if (r->pending.len == 0 || r->pending.failed)
		return;
	r->plugged.characters(r->plug_data, (const xmlChar *)r->pending.data, (int)r->pending.len);
	r->pending.len = 0;
}

static void
pend_text(void *ctx, const xmlChar *ch, int len)
{
	reader *r = ctx;
	if (len > 0)
		upl__buf_put(&r->pending, (const char *)ch, (size_t)len);
}

static void
pend_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI,
	   int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
	   const xmlChar **attributes)
{
	reader *r = ctx;
	flush_text(r);
	r->plugged.startElementNs(r->plug_data, localname, prefix, URI, nb_namespaces, namespaces,
				  nb_attributes, nb_defaulted, attributes);
}

static void
pend_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *URI)
{
	reader *r = ctx;
	flush_text(r);
	r->plugged.endElementNs(r->plug_data, localname, prefix, URI);
}

static void
pend_comment(void *ctx, const xmlChar *value)
{
	reader *r = ctx;
	flush_text(r);
	if (r->plugged.comment)
		r->plugged.comment(r->plug_data, value);
}

static void
pend_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	reader *r = ctx;
	flush_text(r);
	if (r->plugged.processingInstruction)
		r->plugged.processingInstruction(r->plug_data, target, data);
}

/* The plug's other handlers, called with the plug's data. */
static void
fwd_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ExternalID,
		    const xmlChar *SystemID)
{
	reader *r = ctx;
	r->plugged.internalSubset(r->plug_data, name, ExternalID, SystemID);
}

static void
fwd_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *publicId,
		const xmlChar *systemId, xmlChar *content)
{
	reader *r = ctx;
	r->plugged.entityDecl(r->plug_data, name, type, publicId, systemId, content);
}

static void
fwd_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *publicId,
			 const xmlChar *systemId, const xmlChar *notationName)
{
	reader *r = ctx;
	r->plugged.unparsedEntityDecl(r->plug_data, name, publicId, systemId, notationName);
}

static xmlParserInputPtr
fwd_resolve_entity(void *ctx, const xmlChar *publicId, const xmlChar *systemId)
{
	reader *r = ctx;
	return r->plugged.resolveEntity(r->plug_data, publicId, systemId);
}

static void
fwd_reference(void *ctx, const xmlChar *name)
{
	reader *r = ctx;
	flush_text(r);
	r->plugged.reference(r->plug_data, name);
}

/* 1 when the plug's table holds no handler but those forwarded here (a
 * libxml2 that plugs more is left as it is: text then goes in pieces). */
static int
only_known_handlers(const xmlSAXHandler *sax)
{
	xmlSAXHandler rest = *sax, none;
	rest.startElementNs = NULL;
	rest.endElementNs = NULL;
	rest.characters = NULL;
	rest.ignorableWhitespace = NULL;
	rest.cdataBlock = NULL;
	rest.comment = NULL;
	rest.processingInstruction = NULL;
	rest.internalSubset = NULL;
	rest.entityDecl = NULL;
	rest.unparsedEntityDecl = NULL;
	rest.resolveEntity = NULL;
	rest.reference = NULL;
	rest.serror = NULL;
	rest.initialized = 0;
	rest._private = NULL;
	memset(&none, 0, sizeof none);
	return memcmp(&rest, &none, sizeof rest) == 0 && sax->characters != NULL &&
	       sax->startElementNs != NULL && sax->endElementNs != NULL;
}

#define FORWARD(field, fn) do { if (sax->field) sax->field = fn; } while (0)

/* Put the gathering in front of the plug's handlers: the parser's user
 * data becomes the reader, and every handler of the plug's table is
 * called through it with the plug's own data. */
static void
gather_text(reader *r, xmlParserCtxtPtr ctxt)
{
	xmlSAXHandler *sax = ctxt->sax;
	if (!only_known_handlers(sax))
		return;
	r->plugged = *sax;
	r->plug_data = ctxt->userData;
	ctxt->userData = r;
	sax->characters = pend_text;
	FORWARD(cdataBlock, pend_text);
	FORWARD(ignorableWhitespace, pend_text);
	sax->startElementNs = pend_start;
	sax->endElementNs = pend_end;
	FORWARD(comment, pend_comment);
	FORWARD(processingInstruction, pend_pi);
	FORWARD(internalSubset, fwd_internal_subset);
	FORWARD(entityDecl, fwd_entity_decl);
	FORWARD(unparsedEntityDecl, fwd_unparsed_entity_decl);
	FORWARD(resolveEntity, fwd_resolve_entity);
	FORWARD(reference, fwd_reference);
}

#undef FORWARD

static int
parse_options(void)
{
	int o = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC;
#if defined(HAVE_DECL_XML_PARSE_NO_XXE) && HAVE_DECL_XML_PARSE_NO_XXE
	o |= XML_PARSE_NO_XXE;
#endif
	return o;
}

/* Our handlers only: no tree, no DTD, no entity lookup beyond the five
 * predefined ones. */
static void
set_handlers(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof *sax);
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = on_start_element;
	sax->endElementNs = on_end_element;
	sax->characters = on_characters;
	sax->ignorableWhitespace = on_characters;
	sax->cdataBlock = on_characters; /* CDATA is text */
	sax->comment = on_comment;
	sax->processingInstruction = on_pi;
	sax->internalSubset = on_internal_subset;
	sax->entityDecl = on_entity_decl;
	sax->unparsedEntityDecl = on_unparsed_entity_decl;
	sax->resolveEntity = no_external;
	sax->serror = on_parser_error;
}

int
upl__xml_parse_begin(reader *r, xmlSchemaPtr schema, int push)
{
	xmlParserCtxtPtr ctxt;
	r->ctxt = ctxt = push ? xmlCreatePushParserCtxt(NULL, NULL, NULL, 0, NULL)
			      : xmlCreateMemoryParserCtxt(r->buf, (int)r->len);
	if (ctxt == NULL)
		return -1;
	ctxt->_private = r;
	r->push = push;
	/* The text is UTF-8 already: saying so keeps libxml2 from guessing
	 * another encoding from the first bytes (a '<' and three NULs look like
	 * UTF-32) and converting, which prints on stderr by itself. */
	ctxt->encoding = xmlStrdup(BAD_CAST "UTF-8");
	if (ctxt->encoding == NULL) {
		r->oom = 1;
		return -1;
	}
	/* the push parser guesses from its first four bytes unless its input
	 * is said to be UTF-8 this way (the whole-document parser reads
	 * ctxt->encoding) */
	if (push && xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8) != 0) {
		r->oom = 1;
		return -1;
	}
	upl__xml_build_names(r, ctxt->dict);
	if (r->oom)
		return -1;
	set_handlers(ctxt->sax);
	ctxt->userData = r;
	xmlCtxtUseOptions(ctxt, parse_options());
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;
	r->vctxt = xmlSchemaNewValidCtxt(schema);
	if (r->vctxt == NULL) {
		r->oom = 1;
		return -1;
	}
	xmlSchemaSetValidStructuredErrors(r->vctxt, upl__xml_on_schema_error, r);
	r->plug = xmlSchemaSAXPlug(r->vctxt, &ctxt->sax, &ctxt->userData);
	if (r->plug == NULL) {
		xmlSchemaFreeValidCtxt(r->vctxt);
		r->vctxt = NULL;
		r->oom = 1;
		return -1;
	}
	/* the plug's handler table has no structured error handler */
	ctxt->sax->serror = on_parser_error;
	gather_text(r, ctxt);
	return 0;
}

int
upl__xml_parse_end(reader *r)
{
	xmlParserCtxtPtr ctxt = r->ctxt;
	int vrc;
	if (r->plug_data != NULL) {
		if (ctxt->wellFormed && !r->stopped)
			flush_text(r);
		if (r->pending.failed)
			r->oom = 1;
		ctxt->userData = r->plug_data;
	}
	upl__buf_free(&r->pending);
	/* an entity declaration makes libxml2 build a document of its own
	 * (its "SAX compatibility" mode) */
	if (ctxt->myDoc) {
		xmlFreeDoc(ctxt->myDoc);
		ctxt->myDoc = NULL;
	}
	vrc = xmlSchemaIsValid(r->vctxt) == 1 ? 0 : 1; /* before unplugging clears it */
	xmlSchemaSAXUnplug(r->plug);
	xmlSchemaFreeValidCtxt(r->vctxt);
	r->plug = NULL;
	r->vctxt = NULL;
	return vrc;
}

int
upl__xml_parse(reader *r, xmlSchemaPtr schema)
{
	if (upl__xml_parse_begin(r, schema, 0) != 0)
		return -1;
	xmlParseDocument(r->ctxt);
	return upl__xml_parse_end(r);
}

/* Internals shared by the XML reader's files: xml-read.c (the pipeline),
 * xml-decode.c (encodings), xml-sax.c (the parser and its callbacks),
 * xml-pos.c (positions), xml-schema.c (the schema), xml-build.c (the
 * model). Nothing else includes it. Never installed. */
#ifndef UNIONPLAN_XML_READ_PRIVATE_H
#define UNIONPLAN_XML_READ_PRIVATE_H

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "messages-private.h"
#include "validate-private.h"
#include "xml-private.h"

/* The state of one read: the document, positions, the report. */
typedef struct reader {
	const char *buf;      /* the document as UTF-8 */
	size_t len;
	/* monotonic cursor: position of offset cur_off */
	size_t cur_off;
	upl_pos cur;
	/* start-tag byte offsets of the elements, indexed by
	 * (uintptr_t)node->_private - 1; turned into positions only when a
	 * diagnostic or the model needs them */
	size_t *offsets;
	size_t noff, offcap;
	upl_report *report;
	const char *name;
	int zh;               /* messages in Chinese */
	size_t first_diag;    /* index of this document's first diagnostic */
	int fatal_seen;       /* the parser reported a fatal error */
	int stopped;          /* we stopped the parser (entity declarations) */
	int oom;
	int doctype;          /* a DOCTYPE was seen at doctype_pos */
	upl_pos doctype_pos;
	xmlParserCtxtPtr ctxt;
	startElementNsSAX2Func sax_start;
	internalSubsetSAXFunc sax_internal_subset;
} reader;

/* XML's white space (the S production: space, tab, LF, CR); not the text
 * module's layout-space test (upl__text_is_space), which knows U+3000. */
static inline int
is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The reader's own messages, from the rule registry. */
#define say(r, id, variant, ...) \
	upl__msg_emit((r)->report, (r)->zh, &(r)->oom, (r)->name, UPL__MSG(id, variant), __VA_ARGS__)
#define say0 say

/* Append a diagnostic whose message is given (libxml2's, cleaned); sets
 * r->oom when it cannot be stored. */
UPL_HIDDEN void upl__xml_diag(reader *r, upl_severity sev, upl_rule_id code, upl_pos p,
			      const char *fmt, ...) UPL_PRINTF(5, 6);

/* A libxml2 message on one line, without our namespace; NULL when out of
 * memory. Freed with upl__dealloc. */
UPL_HIDDEN char *upl__xml_clean_message(const char *msg);

/* --- xml-pos.c: positions (line, column in code points) ---------------- */

/* The position of byte offset off in r->buf. Offsets asked in increasing
 * order cost their distance; an earlier one rescans from the start. */
UPL_HIDDEN upl_pos upl__xml_pos_at(reader *r, size_t off);

/* The byte offset the parser stands at in its input. */
UPL_HIDDEN size_t upl__xml_parser_offset(xmlParserCtxtPtr ctxt);

/* The position of the start tag of element n (of an attribute's element);
 * { 0, 0 } for NULL. */
UPL_HIDDEN upl_pos upl__xml_node_pos(reader *r, const xmlNode *n);

/* The position of attribute qname (as written) in the start tag of element
 * n; p when it is not found. */
UPL_HIDDEN upl_pos upl__xml_attr_pos(reader *r, const xmlNode *n, upl_pos p, const char *qname);

/* The reader's files call these three by their short names. */
#define pos_at(r, off) upl__xml_pos_at((r), (off))
#define parser_offset(ctxt) upl__xml_parser_offset(ctxt)
#define node_pos(r, n) upl__xml_node_pos((r), (n))

/* --- xml-decode.c ------------------------------------------------------ */

/* Decide the encoding (BOM, then the XML declaration, else UTF-8) and give
 * the document as UTF-8: *out is either a new buffer (*owned = 1) or a
 * pointer into raw. Returns nonzero when a diagnostic was added instead. */
UPL_HIDDEN int upl__xml_decode(reader *r, const char *raw, size_t len, const char **out,
			       size_t *outlen, int *owned);

/* --- xml-sax.c --------------------------------------------------------- */

/* Parse r->buf with safe options and the reader's callbacks (errors,
 * element offsets, DOCTYPE and entity screening, no external resource).
 * The parser context goes to r->ctxt (NULL when out of memory; the caller
 * frees it). Returns the tree, or NULL. */
UPL_HIDDEN xmlDocPtr upl__xml_parse(reader *r, const char *name);

/* --- xml-schema.c ------------------------------------------------------ */

/* Validate the tree against the schema, its errors becoming diagnostics.
 * Returns libxml2's result (0: valid); sets r->oom when out of memory. */
UPL_HIDDEN int upl__xml_validate(reader *r, xmlSchemaPtr schema, xmlDocPtr xdoc);

/* --- xml-build.c ------------------------------------------------------- */

/* The model of a schema-valid tree; NULL when out of memory. */
UPL_HIDDEN upl_doc *upl__xml_build_doc(reader *r, xmlDocPtr xdoc);

#endif /* UNIONPLAN_XML_READ_PRIVATE_H */

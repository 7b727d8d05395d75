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

/* One open element of the one pass: where it starts, and what the model
 * builder (xml-build.c) makes of it. Frames are reused as the stack grows
 * and shrinks, so their buffers keep their memory for the next element. */
typedef struct frame {
	size_t off;           /* byte offset of its '<' */
	upl_pos pos;          /* and its position */
	int type;             /* what the builder made of it (xml-build.c) */
	int field;            /* meta: which field */
	void *obj;            /* the plan or node it builds, or NULL */
	upl_buf text;         /* its own text, verbatim */
	upl_buf joined;       /* mixed content: its text pieces, trimmed, joined */
	size_t piece;         /* mixed content: where the current piece began in text */
	unsigned collect : 1; /* it keeps its own text */
	unsigned mixed : 1;   /* mixed content (item) */
	unsigned elements : 1;/* an element child was seen */
	unsigned had_text : 1;/* some text was seen */
	unsigned any_joined : 1;
} frame;

/* The names the builder compares, interned in the parser's dictionary, so
 * that a name given by the parser (always from that dictionary) is one of
 * them exactly when the pointers are equal. */
enum xml_name {
	XN_NS, XN_XML_NS,
	XN_PLANS, XN_PLAN, XN_META, XN_HEADING,
	XN_P, XN_SECTION, XN_ITEM, XN_SCHEDULE, XN_MONTH, XN_ACTIVITY, XN_NOTE,
	XN_TITLE, XN_ORGANIZATION, XN_AUTHOR, XN_DOCNUMBER, XN_PERIOD, XN_ISSUED, XN_SOURCE,
	XN_LABEL, XN_NUMBER, XN_DATE, XN_HOLIDAY, XN_RELATION, XN_LEVEL, XN_ROLE, XN_TO,
	XN_YEAR, XN_LANG, XN_KIND, XN_START, XN_END, XN_SCHOOLYEAR, XN_TERM, XN_FILE,
	XN_ENCODING,
	XN_COUNT
};

/* The state of one read: the document, positions, the report, the open
 * elements and the model being built. */
typedef struct reader {
	const char *buf;      /* the document as UTF-8, from byte offset base on */
	size_t len;           /* the offset of its end */
	size_t base;          /* 0, except on the streaming path (xml-stream.c),
			       * where buf holds a window of the document */
	/* monotonic cursor: position of offset cur_off */
	size_t cur_off;
	upl_pos cur;
	upl_report *report;
	upl_report schema_report; /* the schema's findings, kept until the
				   * document is known to be well-formed */
	const char *name;
	int zh;               /* messages in Chinese */
	size_t first_diag;    /* index of this document's first diagnostic */
	int fatal_seen;       /* the parser reported a fatal error */
	int stopped;          /* we stopped the parser (entity declarations) */
	int push;             /* libxml2's push parser (the streaming path) */
	int oom;
	int doctype;          /* a DOCTYPE was seen at doctype_pos */
	upl_pos doctype_pos;
	xmlParserCtxtPtr ctxt;
	/* the open elements: frames[0..depth) */
	frame *frames;
	size_t depth, frames_used, frames_cap; /* frames_used: initialised */
	/* the element that has just ended, while the schema looks at its end:
	 * its position, valid when closed_valid */
	upl_pos closed_pos;
	size_t closed_off;
	int closed_valid;
	upl_pos root_pos;     /* the root element's */
	const xmlChar *names[XN_COUNT];
	/* the model, when asked for */
	int build;
	upl_doc *doc;
	/* the streaming path: the rules run as months and plans close, and
	 * closed months let go (NULL: no rules, or the whole-document path) */
	upl__rules_stream *rules;
	/* the schema's validation context and its plug into the parser */
	xmlSchemaValidCtxtPtr vctxt;
	xmlSchemaSAXPlugPtr plug;
	/* the schema plug's handlers and data, and the text waiting for the
	 * next other event: the plug gets each text node in one call, since
	 * its validator appends every call's text to the node's (xmlStrncat,
	 * quadratic in the number of calls) */
	xmlSAXHandler plugged;
	void *plug_data;
	upl_buf pending;
} reader;

/* The byte at offset off of the document (r->base <= off < r->len). */
#define RBYTE(r, off) ((r)->buf[(off) - (r)->base])

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

/* The position of attribute qname (as written) in the start tag that
 * begins at byte offset off, position p; p itself when it is not found.
 * Costs the length of the tag, not of the document. */
UPL_HIDDEN upl_pos upl__xml_attr_pos(const reader *r, size_t off, upl_pos p, const char *qname);

/* The reader's files call these two by their short names. */
#define pos_at(r, off) upl__xml_pos_at((r), (off))
#define parser_offset(ctxt) upl__xml_parser_offset(ctxt)

/* --- xml-decode.c ------------------------------------------------------ */

/* Decide the encoding (BOM, then the XML declaration, else UTF-8) and give
 * the document as UTF-8: *out is either a new buffer (*owned = 1) or a
 * pointer into raw. Returns nonzero when a diagnostic was added instead. */
UPL_HIDDEN int upl__xml_decode(reader *r, const char *raw, size_t len, const char **out,
			       size_t *outlen, int *owned);

/* Whether a document that starts with the len bytes of raw is UTF-8 for
 * upl__xml_decode() (no other byte-order mark or declared encoding), with
 * *skip the length of its UTF-8 byte-order mark (0 or 3). */
UPL_HIDDEN int upl__xml_is_utf8(const char *raw, size_t len, size_t *skip);

/* --- xml-read.c: the parts both paths share ---------------------------- */

/* A fresh reader appending to report. */
UPL_HIDDEN void upl__xml_reader_init(reader *r, upl_report *report, const char *name, int zh);
/* The offset of the first byte of s[0..n) that is a character XML does not
 * allow anywhere (a C0 control but tab, line feed and carriage return:
 * U+0000 .. U+001F, which in UTF-8 are always bytes of their own), or n.
 * Both paths check it before the parser sees the text, which stops at a
 * NUL as at the end. */
UPL_HIDDEN size_t upl__xml_find_control(const char *s, size_t n);

/* The attributes of a start tag counted as its text comes, so that a tag
 * cut across chunks is never scanned twice (the streaming path). */
typedef struct upl__attr_count {
	int state;        /* where the count stands in the tag (0: in its name) */
	int count;        /* the attributes so far */
	char quote;       /* in a value: the quote that ends it, */
	size_t quote_at;  /* which stands at this offset */
} upl__attr_count;
#define UPL__ATTR_COUNT_INIT { 0, 0, 0, 0 }
/* Count on over s[i..n): the first time (c at UPL__ATTR_COUNT_INIT) from
 * just after the tag's '<', then from where the text ended. Quoted values
 * are skipped whole; anything malformed ends the count (the parser will
 * say why), and so does an attribute past UPL__XML_MAX_ATTRIBUTES (then
 * c->count is over it). Returns 1 with *end where the count ended, or 0
 * when the text ended first and more will come (never with eof: then the
 * tag ends at n, and a value not closed ends the count at its quote). */
UPL_HIDDEN int upl__xml_attr_count(upl__attr_count *c, const char *s, size_t n, size_t i,
				   int eof, size_t *end);
UPL_HIDDEN size_t upl__xml_skip_to(const char *s, size_t n, size_t i, const char *end);
/* After the parse (vrc: its schema result): the verdict as diagnostics
 * (DOCTYPE, syntax, the schema's findings, schema-invalid). Returns
 * whether the document is well-formed and valid. */
UPL_HIDDEN int upl__xml_read_verdict(reader *r, int vrc);
/* Let go of what the reader holds but the model. */
UPL_HIDDEN void upl__xml_reader_free(reader *r);
/* The largest number of attributes a start tag may have. */
#define UPL__XML_MAX_ATTRIBUTES 64

/* --- xml-sax.c --------------------------------------------------------- */

/* Parse r->buf in one pass with safe options: the parser's errors, the
 * screening of DOCTYPEs, entity declarations and external resources, the
 * schema plugged into the same event stream, and the model built from the
 * events when r->build. The parser context goes to r->ctxt (NULL when out
 * of memory; the caller frees it). Returns libxml2's schema result (0:
 * valid, >0 invalid, <0 internal error or not checked). */
UPL_HIDDEN int upl__xml_parse(reader *r, xmlSchemaPtr schema);

/* The same in parts, for the streaming path: begin makes the parser
 * context (a push parser when push, fed by the caller with xmlParseChunk)
 * and plugs the schema in; returns 0, or -1 (r->oom) when out of memory.
 * end unplugs the schema and returns its result as upl__xml_parse() does. */
UPL_HIDDEN int upl__xml_parse_begin(reader *r, xmlSchemaPtr schema, int push);
UPL_HIDDEN int upl__xml_parse_end(reader *r);

/* --- xml-schema.c ------------------------------------------------------ */

/* The structured error handler of a validation context whose data is the
 * reader: its errors become diagnostics in r->schema_report, at the
 * element they concern (the open element, or the one just ended). */
UPL_HIDDEN void upl__xml_on_schema_error(void *data, xmlErrorPtr e);

/* --- xml-build.c ------------------------------------------------------- */

/* The model builder, fed by the parser's events; the frame of the element
 * is r->frames[r->depth - 1] (already pushed for start, still there for
 * end). They set r->oom when out of memory. */
UPL_HIDDEN void upl__xml_build_start(reader *r, const xmlChar *localname, const xmlChar *URI,
				     int nb_attributes, const xmlChar **attributes);
UPL_HIDDEN void upl__xml_build_end(reader *r);
UPL_HIDDEN void upl__xml_build_text(reader *r, const xmlChar *ch, int len);
/* A comment or processing instruction: it ends a piece of mixed text. */
UPL_HIDDEN void upl__xml_build_break(reader *r);
/* Intern the names of enum xml_name in dict (r->names); sets r->oom when
 * it cannot. */
UPL_HIDDEN void upl__xml_build_names(reader *r, xmlDictPtr dict);
/* Free what the frames hold (buffers); the model stays in r->doc. */
UPL_HIDDEN void upl__xml_build_free(reader *r);

#endif /* UNIONPLAN_XML_READ_PRIVATE_H */

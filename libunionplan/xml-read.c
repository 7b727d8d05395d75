/* Reading plan documents: input, character encodings, libxml2 with safe
 * options, positions in code points, the embedded schema, the model. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "messages-private.h"
#include "text-private.h"
#include "validate-private.h"
#include "xml-private.h"

/* ------------------------------------------------------------------------ */
/* Process-wide: libxml2's initialisation and the compiled embedded schema.
 * The schema is compiled under a lock by the first call that finds none,
 * then published and never changed or freed; a failed compile (out of
 * memory) is not remembered, so the next call tries again. Validation
 * contexts are made per call. */

extern const unsigned char upl__schema_xsd[];
extern const size_t upl__schema_xsd_len;

static pthread_mutex_t schema_lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic(xmlSchemaPtr) schema_compiled;

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

/* Called with schema_lock held. */
static xmlSchemaPtr
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
	xmlSchemaPtr s = atomic_load_explicit(&schema_compiled, memory_order_acquire);
	if (s != NULL)
		return s;
	pthread_mutex_lock(&schema_lock);
	s = atomic_load_explicit(&schema_compiled, memory_order_acquire);
	if (s == NULL) {
		s = schema_compile();
		if (s != NULL)
			atomic_store_explicit(&schema_compiled, s, memory_order_release);
	}
	pthread_mutex_unlock(&schema_lock);
	return s;
}

const char *
upl_schema_xsd(size_t *len)
{
	if (len)
		*len = upl__schema_xsd_len;
	return (const char *)upl__schema_xsd;
}

/* ------------------------------------------------------------------------ */
/* Reader state and positions                                               */

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

/* Advance a position over s[from..to): a line per LF (CRLF counts once, a
 * lone CR counts as a line break as XML says), a column per code point. */
static void
advance(const char *s, size_t from, size_t to, upl_pos *p)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned int line = p->line, col = p->column;
	size_t i;
	for (i = from; i < to; i++) {
		unsigned char c = u[i];
		if (c >= 0x20) {
			col += (c & 0xC0) != 0x80;
		} else if (c == '\n') {
			line++;
			col = 1;
		} else if (c == '\r') {
			if (i + 1 >= to || u[i + 1] != '\n') {
				line++;
				col = 1;
			}
		} else {
			col++;
		}
	}
	p->line = line;
	p->column = col;
}

/* The position of byte offset off in the document. Offsets asked in
 * increasing order cost O(distance); an earlier offset rescans from the
 * start (only error paths do that). */
static upl_pos
pos_at(reader *r, size_t off)
{
	if (off > r->len)
		off = r->len;
	if (off < r->cur_off) {
		r->cur_off = 0;
		r->cur.line = 1;
		r->cur.column = 1;
	}
	advance(r->buf, r->cur_off, off, &r->cur);
	r->cur_off = off;
	return r->cur;
}

/* The reader's own messages, from the bilingual catalogue. */
#define say(r, code, variant, p, ...)                                           \
	do {                                                                    \
		if (upl__msg_emit((r)->report, (r)->zh, (code), (variant), (r)->name, \
				  (p).line, (p).column, __VA_ARGS__) != 0)      \
			(r)->oom = 1;                                           \
	} while (0)
#define say0(r, code, variant, p)                                               \
	do {                                                                    \
		if (upl__msg_emit((r)->report, (r)->zh, (code), (variant), (r)->name, \
				  (p).line, (p).column) != 0)                   \
			(r)->oom = 1;                                           \
	} while (0)

static void
diag(reader *r, upl_severity sev, const char *code, upl_pos p, const char *fmt, ...)
	UPL_PRINTF(5, 6);

static void
diag(reader *r, upl_severity sev, const char *code, upl_pos p, const char *fmt, ...)
{
	upl_buf b = UPL_BUF_INIT;
	va_list ap;
	char *msg;
	va_start(ap, fmt);
	upl__buf_vprintf(&b, fmt, ap);
	va_end(ap);
	msg = upl__buf_detach(&b, NULL);
	if (msg == NULL) {
		r->oom = 1;
		return;
	}
	if (upl__report_add(r->report, sev, code, r->name, p.line, p.column, "%s", msg) != 0)
		r->oom = 1;
	upl__dealloc(msg);
}

/* libxml2 messages end with a newline and name elements as {ns}local;
 * keep one line and drop our namespace, which every element has. */
static char *
clean_message(const char *msg)
{
	static const char ns[] = "{" UPL_NAMESPACE "}";
	upl_buf b = UPL_BUF_INIT;
	const char *p = msg ? msg : "";
	while (*p) {
		if (strncmp(p, ns, sizeof ns - 1) == 0) {
			p += sizeof ns - 1;
			continue;
		}
		if (*p == '\n' || *p == '\r')
			upl__buf_putc(&b, ' ');
		else
			upl__buf_putc(&b, *p);
		p++;
	}
	while (b.len > 0 && (b.data[b.len - 1] == ' ' || b.data[b.len - 1] == '\t'))
		b.data[--b.len] = '\0';
	return upl__buf_detach(&b, NULL);
}

static size_t
parser_offset(xmlParserCtxtPtr ctxt)
{
	xmlParserInputPtr in = ctxt ? ctxt->input : NULL;
	if (in == NULL || in->base == NULL || in->cur == NULL || in->cur < in->base)
		return 0;
	return (size_t)in->consumed + (size_t)(in->cur - in->base);
}

/* Parser errors (per-context structured handler; never the global one). */
static void
on_parser_error(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	reader *r = ctxt ? ctxt->_private : NULL;
	upl_severity sev;
	const char *code;
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
	msg = clean_message(e->message);
	if (msg == NULL) {
		r->oom = 1;
		return;
	}
	diag(r, sev, code, p, "%s", msg);
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

static upl_pos
node_pos(reader *r, const xmlNode *n)
{
	upl_pos none = { 0, 0 };
	uintptr_t i;
	if (n && n->type == XML_ATTRIBUTE_NODE)
		n = n->parent;
	if (n == NULL)
		return none;
	i = (uintptr_t)n->_private;
	if (i == 0 || i > r->noff) {
		upl_pos p;
		p.line = (unsigned int)xmlGetLineNo(n);
		p.column = 0;
		return p;
	}
	return pos_at(r, r->offsets[i - 1]);
}

static size_t
node_offset(const reader *r, const xmlNode *n)
{
	uintptr_t i = n ? (uintptr_t)n->_private : 0;
	return (i == 0 || i > r->noff) ? (size_t)-1 : r->offsets[i - 1];
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Position of attribute `qname` (as written) in the start tag of element
 * n; the element's own position p when not found. */
static upl_pos
attr_pos(reader *r, const xmlNode *n, upl_pos p, const char *qname)
{
	size_t off = node_offset(r, n), i, nlen = strlen(qname);
	if (off == (size_t)-1 || off >= r->len)
		return p;
	i = off + 1;
	while (i < r->len && !is_space(r->buf[i]) && r->buf[i] != '>' && r->buf[i] != '/')
		i++; /* element name */
	for (;;) {
		size_t start;
		while (i < r->len && is_space(r->buf[i]))
			i++;
		if (i >= r->len || r->buf[i] == '>' || r->buf[i] == '/')
			return p;
		start = i;
		while (i < r->len && !is_space(r->buf[i]) && r->buf[i] != '=')
			i++;
		if (i - start == nlen && memcmp(r->buf + start, qname, nlen) == 0)
			return pos_at(r, start);
		while (i < r->len && r->buf[i] != '"' && r->buf[i] != '\'')
			i++;
		if (i >= r->len)
			return p;
		{
			char q = r->buf[i++];
			while (i < r->len && r->buf[i] != q)
				i++;
			i++;
		}
	}
}

/* Schema validation errors, per validation context. */
static void
on_schema_error(void *data, xmlErrorPtr e)
{
	reader *r = data;
	const char *code;
	upl_severity sev;
	upl_pos p;
	char *msg;
	const xmlNode *node;
	if (e == NULL)
		return;
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
			code = UPL_CODE_SCHEMA_OTHER;
	}
	sev = e->level == XML_ERR_WARNING ? UPL_SEVERITY_WARNING : UPL_SEVERITY_ERROR;
	node = e->node;
	p = node_pos(r, node);
	if (node && node->type == XML_ATTRIBUTE_NODE) {
		const xmlAttr *a = (const xmlAttr *)node;
		upl_buf q = UPL_BUF_INIT;
		char *qn;
		if (a->ns && a->ns->prefix)
			upl__buf_printf(&q, "%s:", (const char *)a->ns->prefix);
		upl__buf_puts(&q, (const char *)a->name);
		qn = upl__buf_detach(&q, NULL);
		if (qn) {
			p = attr_pos(r, node->parent, p, qn);
			upl__dealloc(qn);
		}
	}
	msg = clean_message(e->message);
	if (msg == NULL) {
		r->oom = 1;
		return;
	}
	/* Attribute errors come with the element node; the message names the
	 * attribute ("Element 'month', attribute 'month': ..."): point at it. */
	if (node && node->type == XML_ELEMENT_NODE) {
		const char *a = strstr(msg, "', attribute '");
		if (a && strncmp(msg, "Element '", 9) == 0) {
			const char *start = a + 14, *end = strchr(start, '\'');
			if (end && end > start && end - start < 64 && !memchr(start, '{', (size_t)(end - start))) {
				char qn[64];
				memcpy(qn, start, (size_t)(end - start));
				qn[end - start] = '\0';
				p = attr_pos(r, node, p, qn);
			}
		}
	}
	/* libxml2 often reports one bad value twice (the facet, then the
	 * type); keep the first of two at the same place with the same code. */
	if (r->report->n > r->first_diag) {
		const upl_diag *last = &r->report->items[r->report->n - 1];
		if (last->code == code && last->line == p.line && last->column == p.column) {
			upl__dealloc(msg);
			return;
		}
	}
	diag(r, sev, code, p, "%s", msg);
	upl__dealloc(msg);
}

/* ------------------------------------------------------------------------ */
/* Character encodings                                                      */

static int
ascii_ieq(const char *a, size_t alen, const char *b)
{
	size_t i;
	if (alen != strlen(b))
		return 0;
	for (i = 0; i < alen; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return 1;
}

/* Find encoding="..." in an XML declaration at the start of s. Returns 1
 * and the value's extent when present. */
static int
declared_encoding(const char *s, size_t len, size_t *vstart, size_t *vlen)
{
	size_t i, end;
	if (len < 6 || memcmp(s, "<?xml", 5) != 0 || !is_space(s[5]))
		return 0;
	for (end = 5; end + 1 < len && !(s[end] == '?' && s[end + 1] == '>'); end++)
		if (end > 512)
			return 0;
	for (i = 5; i + 8 < end; i++) {
		size_t j;
		char q;
		if (memcmp(s + i, "encoding", 8) != 0 || !is_space(s[i - 1]))
			continue;
		j = i + 8;
		while (j < end && is_space(s[j]))
			j++;
		if (j >= end || s[j] != '=')
			continue;
		j++;
		while (j < end && is_space(s[j]))
			j++;
		if (j >= end || (s[j] != '"' && s[j] != '\''))
			continue;
		q = s[j++];
		*vstart = j;
		while (j < end && s[j] != q)
			j++;
		*vlen = j - *vstart;
		return 1;
	}
	return 0;
}

/* Convert raw bytes in charset cs to UTF-8 with the text module's decoder,
 * which drops a leading byte-order mark: offsets are in the file as it is.
 * Errors become diagnostics. */
static int
convert_to_utf8(reader *r, const char *raw, size_t rawlen, const char *cs,
		upl_pos decl_pos, char **out, size_t *outlen)
{
	upl__text_bad fail;
	char *u8 = NULL;
	size_t u8len = 0;
	int rc;
	if (rawlen + 1 > (size_t)INT32_MAX / 2) {
		say0(r, UPL_CODE_XML_TOO_LARGE, 2, decl_pos);
		return 1;
	}
	rc = upl__text_decode(&u8, &u8len, raw, rawlen, cs, &fail);
	if (rc == UPL_EINVAL) {
		say(r, UPL_CODE_XML_ENCODING, 0, decl_pos, cs);
		return 1;
	}
	if (rc == UPL_ENOMEM) {
		r->oom = 1;
		return 1;
	}
	if (rc == UPL_EENCODING && fail.nbytes > 0) {
		upl_pos p = { fail.line, fail.column };
		size_t off = fail.offset;
		int badlen = fail.nbytes;
		const char *bad = fail.bytes;
		say(r, UPL_CODE_XML_ENCODING, 2, p, off,
		    badlen > 0 ? (unsigned int)(unsigned char)bad[0] : 0u, cs);
		return 1;
	}
	/* another failure, or more UTF-8 than the parser takes */
	if (rc != 0 || u8len > (size_t)INT32_MAX) {
		upl__dealloc(u8);
		say(r, UPL_CODE_XML_ENCODING, 3, decl_pos, cs);
		return 1;
	}
	*out = u8;
	*outlen = u8len;
	return 0;
}

/* Decide the encoding (BOM, then the XML declaration, else UTF-8) and give
 * the document as UTF-8: *out is either a new buffer (*owned = 1) or a
 * pointer into raw. Returns nonzero when a diagnostic was added instead. */
static int
decode(reader *r, const char *raw, size_t len, const char **out, size_t *outlen, int *owned)
{
	const unsigned char *u = (const unsigned char *)raw;
	const char *cs = NULL;
	size_t skip = 0, vs = 0, vl = 0, bad;
	upl_pos first = { 1, 1 };
	*owned = 0;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		skip = 3;
	} else if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) {
		cs = "UTF-32LE"; /* the decoder drops the byte-order mark */
	} else if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) {
		cs = "UTF-32BE";
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		cs = "UTF-16LE";
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		cs = "UTF-16BE";
	} else if (len >= 4 && u[0] == '<' && u[1] == 0 && u[2] == '?' && u[3] == 0) {
		cs = "UTF-16LE";
	} else if (len >= 4 && u[0] == 0 && u[1] == '<' && u[2] == 0 && u[3] == '?') {
		cs = "UTF-16BE";
	} else if (declared_encoding(raw, len, &vs, &vl)) {
		const char *v = raw + vs;
		if (!(ascii_ieq(v, vl, "UTF-8") || ascii_ieq(v, vl, "UTF8") ||
		      ascii_ieq(v, vl, "US-ASCII") || ascii_ieq(v, vl, "ASCII") ||
		      ascii_ieq(v, vl, "UTF-16") || ascii_ieq(v, vl, "UTF-16LE") ||
		      ascii_ieq(v, vl, "UTF-16BE") || ascii_ieq(v, vl, "UCS-2"))) {
			/* UTF-16 declared on ASCII-compatible bytes is ignored, as
			 * libxml2 does: the bytes themselves say it is not UTF-16. */
			char *n;
			upl_pos dp = { 1, (unsigned int)vs + 1 };
			if (vl == 0 || vl >= 64) {
				say0(r, UPL_CODE_XML_ENCODING, 1, dp);
				return 1;
			}
			n = upl__strndup(v, vl);
			if (n == NULL) {
				r->oom = 1;
				return 1;
			}
			if (convert_to_utf8(r, raw, len, n, dp, (char **)out, outlen) != 0) {
				upl__dealloc(n);
				return 1;
			}
			upl__dealloc(n);
			*owned = 1;
			return 0;
		}
	}
	if (cs != NULL) {
		if (convert_to_utf8(r, raw, len, cs, first, (char **)out, outlen) != 0)
			return 1;
		*owned = 1;
		return 0;
	}
	raw += skip;
	len -= skip;
	if (!upl__utf8_valid(raw, len, &bad)) {
		r->buf = raw;
		r->len = len;
		say(r, UPL_CODE_XML_ENCODING, 4, pos_at(r, bad),
		    (unsigned int)(unsigned char)raw[bad], bad + skip);
		return 1;
	}
	*out = raw;
	*outlen = len;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Building the model from a schema-valid tree                              */

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
			while (t < e && is_space(*t))
				t++;
			while (e > t && is_space(e[-1]))
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
	while (is_space(*p))
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
	while (is_space(*s))
		s++;
	e = s + strlen(s);
	while (e > s && is_space(e[-1]))
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

static upl_doc *
build_doc(reader *r, xmlDocPtr xdoc)
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

/* ------------------------------------------------------------------------ */
/* The reader                                                               */

static int
parse_options(void)
{
	int o = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
		XML_PARSE_IGNORE_ENC;
#if defined(HAVE_DECL_XML_PARSE_NO_XXE) && HAVE_DECL_XML_PARSE_NO_XXE
	o |= XML_PARSE_NO_XXE;
#endif
	return o;
}

int
upl__xml_read(upl_doc **out, upl_report *report, const char *data, size_t len,
	      const char *name, size_t max_bytes, int zh)
{
	reader r;
	const char *u8 = NULL;
	size_t u8len = 0, i;
	int owned = 0, rc = 0;
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr xdoc = NULL;
	xmlSchemaPtr schema;
	upl_pos start = { 1, 1 };

	if (out)
		*out = NULL;
	memset(&r, 0, sizeof r);
	r.report = report;
	r.name = name;
	r.zh = zh;
	r.first_diag = report->n;
	r.cur.line = r.cur.column = 1;
	if (max_bytes == 0)
		max_bytes = UPL_DEFAULT_MAX_BYTES;

	if (len > max_bytes) {
		say(&r, UPL_CODE_XML_TOO_LARGE, 0, start, max_bytes);
		goto done;
	}
	for (i = 0; i < len && is_space(data[i]); i++)
		;
	if (i == len) {
		say0(&r, UPL_CODE_XML_EMPTY, len ? 1 : 0, start);
		goto done;
	}
	if (len > (size_t)INT32_MAX) {
		say0(&r, UPL_CODE_XML_TOO_LARGE, 1, start);
		goto done;
	}
	if (decode(&r, data, len, &u8, &u8len, &owned) != 0)
		goto done;
	r.buf = u8;
	r.len = u8len;
	r.cur_off = 0;
	r.cur.line = r.cur.column = 1;

	schema = upl__xml_schema();
	if (schema == NULL) {
		say0(&r, UPL_CODE_SCHEMA_OTHER, 0, start);
		goto done;
	}
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		r.oom = 1;
		goto done;
	}
	r.ctxt = ctxt;
	ctxt->_private = &r;
	r.sax_start = ctxt->sax->startElementNs;
	r.sax_internal_subset = ctxt->sax->internalSubset;
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
	xdoc = xmlCtxtReadMemory(ctxt, u8, (int)u8len, name ? name : "<memory>", NULL,
				 parse_options());
	if (r.oom)
		goto done;
	if (r.doctype && !r.stopped)
		say0(&r, UPL_CODE_XML_DOCTYPE, 0, r.doctype_pos);
	if (xdoc == NULL || r.stopped || !ctxt->wellFormed) {
		if (!upl__report_has_error_since(report, r.first_diag))
			say0(&r, UPL_CODE_XML_SYNTAX, 0, pos_at(&r, parser_offset(ctxt)));
		goto done;
	}
	{
		xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(schema);
		int vrc;
		if (v == NULL) {
			r.oom = 1;
			goto done;
		}
		xmlSchemaSetValidStructuredErrors(v, on_schema_error, &r);
		vrc = xmlSchemaValidateDoc(v, xdoc);
		xmlSchemaFreeValidCtxt(v);
		if (r.oom)
			goto done;
		if (vrc != 0 && !upl__report_has_error_since(report, r.first_diag))
			say0(&r, UPL_CODE_SCHEMA_OTHER, 1, node_pos(&r, xmlDocGetRootElement(xdoc)));
	}
	if (out && !upl__report_has_error_since(report, r.first_diag)) {
		*out = build_doc(&r, xdoc);
		if (*out == NULL)
			r.oom = 1;
	}
done:
	if (xdoc)
		xmlFreeDoc(xdoc);
	if (ctxt)
		xmlFreeParserCtxt(ctxt);
	if (owned)
		upl__dealloc((void *)u8);
	upl__dealloc(r.offsets);
	if (r.oom || report->oom) {
		if (out && *out) {
			upl_doc_free(*out);
			*out = NULL;
		}
		rc = UPL_ENOMEM;
	}
	return rc;
}

/* Reading plan documents, the pipeline: input checks, the encoding
 * (xml-decode.c), then one pass (xml-sax.c) of libxml2's parser with safe
 * options, the embedded schema (xml-schema.c) plugged into its events and
 * the model built from them (xml-build.c); positions in code points
 * (xml-pos.c). No tree is built. */
#include "config.h"

#include "xml-read-private.h"

void
upl__xml_diag(reader *r, upl_severity sev, upl_rule_id code, upl_pos p, const char *fmt, ...)
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
char *
upl__xml_clean_message(const char *msg)
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

void
upl__xml_reader_init(reader *r, upl_report *report, const char *name, int zh)
{
	memset(r, 0, sizeof *r);
	r->report = report;
	r->name = name;
	r->zh = zh;
	r->first_diag = report->n;
	r->cur.line = r->cur.column = 1;
}

/* The reader's document from now on: the UTF-8 text, positions from its start. */
static void
reader_set_text(reader *r, const char *u8, size_t u8len)
{
	r->buf = u8;
	r->len = u8len;
	r->cur_off = 0;
	r->cur.line = r->cur.column = 1;
}

size_t
upl__xml_find_control(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			return i;
	}
	return n;
}

/* At most this many attributes in a start tag (namespace declarations
 * included): the schema allows a handful, and libxml2's duplicate check
 * costs the square of their number. */
#define MAX_ATTRIBUTES UPL__XML_MAX_ATTRIBUTES

/* The end of the construct that starts at s[i] and ends with the string
 * end (a comment, CDATA section or processing instruction); n if none. */
size_t
upl__xml_skip_to(const char *s, size_t n, size_t i, const char *end)
{
	size_t elen = strlen(end);
	while (i < n) {
		const char *q = memchr(s + i, end[0], n - i);
		if (q == NULL)
			return n;
		i = (size_t)(q - s);
		if (n - i >= elen && memcmp(s + i, end, elen) == 0)
			return i + elen;
		i++;
	}
	return n;
}

/* Where upl__xml_attr_count() stands in a start tag. */
enum { IN_NAME, IN_SPACE, IN_ATTR_NAME, AFTER_EQUALS, IN_VALUE };

/* One step of the count at s[i]: the state's characters skipped. Returns
 * 1 when the step ended inside s (at *i), 0 when s ended first. */
static int
attr_skip(const upl__attr_count *c, const char *s, size_t n, size_t *i)
{
	size_t k = *i;
	const char *q;
	switch (c->state) {
	case IN_NAME:
		while (k < n && !is_xml_space(s[k]) && s[k] != '>' && s[k] != '/')
			k++;
		break;
	case IN_SPACE:
	case AFTER_EQUALS:
		while (k < n && is_xml_space(s[k]))
			k++;
		break;
	case IN_ATTR_NAME:
		while (k < n && s[k] != '=' && s[k] != '>' && s[k] != '<')
			k++;
		break;
	default: /* IN_VALUE */
		q = k < n ? memchr(s + k, c->quote, n - k) : NULL;
		k = q ? (size_t)(q - s) : n;
		break;
	}
	*i = k;
	return k < n;
}

int
upl__xml_attr_count(upl__attr_count *c, const char *s, size_t n, size_t i, int eof,
		    size_t *end)
{
	while (c->count <= MAX_ATTRIBUTES) {
		if (!attr_skip(c, s, n, &i)) {
			if (!eof)
				return 0;
			/* the whole text: a value never closed ends the count at its quote */
			*end = c->state == IN_VALUE ? c->quote_at : n;
			return 1;
		}
		if (c->state == IN_NAME) {
			c->state = IN_SPACE;
		} else if (c->state == IN_SPACE) {
			if (s[i] == '>' || s[i] == '/' || s[i] == '<')
				break;
			c->state = IN_ATTR_NAME;
		} else if (c->state == IN_ATTR_NAME) {
			if (s[i] != '=')
				break;
			c->count++;
			c->state = AFTER_EQUALS;
			i++;
		} else if (c->state == AFTER_EQUALS) {
			if (s[i] != '"' && s[i] != '\'')
				break;
			c->quote = s[i];
			c->quote_at = i;
			c->state = IN_VALUE;
			i++;
		} else { /* the value's closing quote */
			c->state = IN_SPACE;
			i++;
		}
	}
	*end = i;
	return 1;
}

#define skip_to upl__xml_skip_to

/* Refuse, in one linear scan before libxml2 sees the document, a start tag
 * with more than MAX_ATTRIBUTES attributes, at the tag's position. Markup
 * that holds no attributes (comments, CDATA, processing instructions,
 * declarations, end tags) is skipped. Returns nonzero when refused. */
static int
too_many_attributes(reader *r)
{
	const char *s = r->buf;
	size_t n = r->len, i = 0;
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		size_t start, end;
		if (lt == NULL)
			return 0;
		start = (size_t)(lt - s);
		i = start + 1;
		if (n - i >= 3 && memcmp(s + i, "!--", 3) == 0) {
			i = skip_to(s, n, i + 3, "-->");
		} else if (n - i >= 8 && memcmp(s + i, "![CDATA[", 8) == 0) {
			i = skip_to(s, n, i + 8, "]]>");
		} else if (i < n && s[i] == '?') {
			i = skip_to(s, n, i + 1, "?>");
		} else if (i < n && (s[i] == '!' || s[i] == '/')) {
			continue;
		} else {
			upl__attr_count c = UPL__ATTR_COUNT_INIT;
			(void)upl__xml_attr_count(&c, s, n, i, 1, &end);
			if (c.count > MAX_ATTRIBUTES) {
				say(r, UPL_CODE_XML_ATTRIBUTES, 0, pos_at(r, start), MAX_ATTRIBUTES);
				return 1;
			}
			i = end;
		}
	}
	return 0;
}

/* The schema's findings join the report, after the parser's own: only for
 * a well-formed document, as a tree's validation would give them. */
static void
flush_schema_report(reader *r, int keep)
{
	if (keep && upl__report_take(r->report, &r->schema_report) != 0)
		r->oom = 1;
	if (r->schema_report.oom)
		r->oom = 1;
	upl_report_clear(&r->schema_report);
	upl__dealloc(r->schema_report.items);
	memset(&r->schema_report, 0, sizeof r->schema_report);
}

int
upl__xml_read_verdict(reader *r, int vrc)
{
	upl_report *report = r->report;
	if (r->doctype && !r->stopped)
		say0(r, UPL_CODE_XML_DOCTYPE, 0, r->doctype_pos);
	if (r->stopped || !r->ctxt->wellFormed || r->fatal_seen) {
		flush_schema_report(r, 0);
		if (!upl__report_has_error_since(report, r->first_diag))
			say0(r, UPL_CODE_XML_SYNTAX, 0, pos_at(r, parser_offset(r->ctxt)));
		return 0;
	}
	flush_schema_report(r, 1);
	if (r->oom)
		return 0;
	if (vrc != 0 && !upl__report_has_error_since(report, r->first_diag))
		say0(r, UPL_CODE_SCHEMA_INVALID, 1, r->root_pos);
	return !upl__report_has_error_since(report, r->first_diag);
}

void
upl__xml_reader_free(reader *r)
{
	flush_schema_report(r, 0);
	if (r->ctxt)
		xmlFreeParserCtxt(r->ctxt);
	r->ctxt = NULL;
	upl__xml_build_free(r);
	upl_doc_free(r->doc);
	r->doc = NULL;
}

int
upl__xml_read(upl_doc **out, upl_report *report, const char *data, size_t len,
	      const char *name, size_t max_bytes, int zh)
{
	reader r;
	const char *u8 = NULL;
	size_t u8len = 0, i;
	int owned = 0, rc = 0, vrc = -1;
	xmlSchemaPtr schema;
	upl_pos start = { 1, 1 };

	if (out)
		*out = NULL;
	upl__xml_reader_init(&r, report, name, zh);
	if (max_bytes == 0)
		max_bytes = UPL_DEFAULT_MAX_BYTES;

	if (len > max_bytes) {
		say(&r, UPL_CODE_XML_TOO_LARGE, 0, start, max_bytes);
		goto done;
	}
	for (i = 0; i < len && is_xml_space(data[i]); i++)
		;
	if (i == len) {
		upl__msg_emit(r.report, r.zh, &r.oom, r.name, len ? UPL__MSG(UPL_CODE_XML_EMPTY, 1) :
			      UPL__MSG(UPL_CODE_XML_EMPTY, 0), start);
		goto done;
	}
	if (len > (size_t)INT32_MAX) {
		say0(&r, UPL_CODE_XML_TOO_LARGE, 1, start);
		goto done;
	}
	if (upl__xml_decode(&r, data, len, &u8, &u8len, &owned) != 0)
		goto done;
	/* a byte-order mark with nothing (or only spaces) after it */
	for (i = 0; i < u8len && is_xml_space(u8[i]); i++)
		;
	if (i == u8len) {
		upl__msg_emit(r.report, r.zh, &r.oom, r.name, u8len ? UPL__MSG(UPL_CODE_XML_EMPTY, 1) :
			      UPL__MSG(UPL_CODE_XML_EMPTY, 0), start);
		goto done;
	}
	reader_set_text(&r, u8, u8len);
	/* the schema's findings wait in a report of their own, under the same
	 * cap, so that a flood of them is counted, not kept */
	upl__report_cap_begin(&r.schema_report, report->lim.max);
	i = upl__xml_find_control(u8, u8len);
	if (i < u8len) {
		say(&r, UPL_CODE_XML_ENCODING, 5, pos_at(&r, i), (unsigned int)(unsigned char)u8[i]);
		goto done;
	}
	if (too_many_attributes(&r))
		goto done;

	schema = upl__xml_schema();
	if (schema == NULL) {
		say0(&r, UPL_CODE_SCHEMA_INVALID, 0, start);
		goto done;
	}
	if (out) {
		r.build = 1;
		if (upl_doc_new(&r.doc) != 0 || (name && upl__doc_set_name(r.doc, name) != 0))
			r.oom = 1;
	}
	if (!r.oom)
		vrc = upl__xml_parse(&r, schema);
	if (r.ctxt == NULL)
		r.oom = 1;
	if (r.oom)
		goto done;
	if (upl__xml_read_verdict(&r, vrc) && out) {
		*out = r.doc;
		r.doc = NULL;
	}
done:
	upl__xml_reader_free(&r);
	if (owned)
		upl__dealloc((void *)u8);
	if (r.oom || report->oom) {
		if (out && *out) {
			upl_doc_free(*out);
			*out = NULL;
		}
		rc = UPL_ENOMEM;
	}
	return rc;
}

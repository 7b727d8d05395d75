/* Reading plan documents, the pipeline: input checks, the encoding
 * (xml-decode.c), libxml2 with safe options (xml-sax.c), the embedded
 * schema (xml-schema.c), the model (xml-build.c); positions in code
 * points (xml-pos.c). */
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

/* A fresh reader appending to report. */
static void
reader_init(reader *r, upl_report *report, const char *name, int zh)
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
	reader_init(&r, report, name, zh);
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
	reader_set_text(&r, u8, u8len);

	schema = upl__xml_schema();
	if (schema == NULL) {
		say0(&r, UPL_CODE_SCHEMA_INVALID, 0, start);
		goto done;
	}
	xdoc = upl__xml_parse(&r, name);
	ctxt = r.ctxt;
	if (ctxt == NULL)
		r.oom = 1;
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
		int vrc = upl__xml_validate(&r, schema, xdoc);
		if (r.oom)
			goto done;
		if (vrc != 0 && !upl__report_has_error_since(report, r.first_diag))
			say0(&r, UPL_CODE_SCHEMA_INVALID, 1, node_pos(&r, xmlDocGetRootElement(xdoc)));
	}
	if (out && !upl__report_has_error_since(report, r.first_diag)) {
		*out = upl__xml_build_doc(&r, xdoc);
		if (*out == NULL)
			r.oom = 1;
	}
done:
	/* The large buffers go first (the parser's copy of the input, the
	 * decoded text, the line offsets), then the tree's many small blocks:
	 * freed the other way round, each large free makes the allocator sort
	 * all those small blocks again. */
	if (ctxt)
		xmlFreeParserCtxt(ctxt);
	if (owned)
		upl__dealloc((void *)u8);
	upl__dealloc(r.offsets);
	if (xdoc)
		xmlFreeDoc(xdoc);
	if (r.oom || report->oom) {
		if (out && *out) {
			upl_doc_free(*out);
			*out = NULL;
		}
		rc = UPL_ENOMEM;
	}
	return rc;
}

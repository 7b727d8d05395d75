/* The XML reader's positions: lines and columns (code points) of byte
 * offsets in the UTF-8 document, and of attributes in a start tag. */
#include "config.h"

#include <libxml/parserInternals.h>

#include "xml-read-private.h"

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
upl_pos
upl__xml_pos_at(reader *r, size_t off)
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

size_t
upl__xml_parser_offset(xmlParserCtxtPtr ctxt)
{
	xmlParserInputPtr in = ctxt ? ctxt->input : NULL;
	if (in == NULL || in->base == NULL || in->cur == NULL || in->cur < in->base)
		return 0;
	return (size_t)in->consumed + (size_t)(in->cur - in->base);
}

/* Position of attribute `qname` (as written) in the start tag at byte
 * offset off (position p); p when not found. Counted from the tag, so an
 * error deep in a large document does not rescan it. */
upl_pos
upl__xml_attr_pos(const reader *r, size_t off, upl_pos p, const char *qname)
{
	size_t i, nlen = strlen(qname);
	if (off >= r->len)
		return p;
	i = off + 1;
	while (i < r->len && !is_xml_space(r->buf[i]) && r->buf[i] != '>' && r->buf[i] != '/')
		i++; /* element name */
	for (;;) {
		size_t start;
		while (i < r->len && is_xml_space(r->buf[i]))
			i++;
		if (i >= r->len || r->buf[i] == '>' || r->buf[i] == '/')
			return p;
		start = i;
		while (i < r->len && !is_xml_space(r->buf[i]) && r->buf[i] != '=')
			i++;
		if (i - start == nlen && memcmp(r->buf + start, qname, nlen) == 0) {
			advance(r->buf, off, start, &p);
			return p;
		}
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

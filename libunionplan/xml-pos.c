/* The XML reader's positions: lines and columns (code points) of byte
 * offsets in the UTF-8 document, and of attributes in a start tag. */
#include "config.h"

#include <libxml/parserInternals.h>

#include "xml-read-private.h"

/* Eight bytes as one word, in memory order. */
static inline uint64_t
load8(const unsigned char *u)
{
	uint64_t w;
	memcpy(&w, u, sizeof w);
	return w;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* Whether some byte of w is b. */
static inline int
has_byte(uint64_t w, unsigned char b)
{
	uint64_t x = w ^ (ONES * b);
	return ((x - ONES) & ~x & HIGHS) != 0;
}

/* Advance a position over s[from..to): a line per LF (CRLF counts once, a
 * lone CR counts as a line break as XML says), a column per code point.
 * Words without CR or LF are counted eight bytes at a time: their code
 * points are their bytes that are not UTF-8 continuation bytes. */
static void
advance(const char *s, size_t from, size_t to, upl_pos *p)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned int line = p->line, col = p->column;
	size_t i = from;
	while (i < to) {
		unsigned char c;
		if (to - i >= 8) {
			uint64_t w = load8(u + i);
			if (!has_byte(w, '\n') && !has_byte(w, '\r')) {
				uint64_t cont = w & ~(w << 1) & HIGHS;
				col += 8 - (unsigned int)((((cont >> 7) * ONES) >> 56) & 0xFF);
				i += 8;
				continue;
			}
		}
		c = u[i];
		if (c == '\n') {
			line++;
			col = 1;
		} else if (c == '\r') {
			if (i + 1 >= to || u[i + 1] != '\n') {
				line++;
				col = 1;
			}
		} else {
			col += (c & 0xC0) != 0x80;
		}
		i++;
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
		if (r->base > 0)
			return r->cur; /* the streaming path never looks back */
		r->cur_off = 0;
		r->cur.line = 1;
		r->cur.column = 1;
	}
	advance(r->buf + (r->cur_off - r->base), 0, off - r->cur_off, &r->cur);
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
	size_t i, n, nlen = strlen(qname);
	const char *s;
	if (off >= r->len || off < r->base)
		return p;
	s = r->buf + (off - r->base); /* the tag, s[0] its '<' */
	n = r->len - off;
	i = 1;
	while (i < n && !is_xml_space(s[i]) && s[i] != '>' && s[i] != '/')
		i++; /* element name */
	for (;;) {
		size_t start;
		while (i < n && is_xml_space(s[i]))
			i++;
		if (i >= n || s[i] == '>' || s[i] == '/')
			return p;
		start = i;
		while (i < n && !is_xml_space(s[i]) && s[i] != '=')
			i++;
		if (i - start == nlen && memcmp(s + start, qname, nlen) == 0) {
			advance(s, 0, start, &p);
			return p;
		}
		while (i < n && s[i] != '"' && s[i] != '\'')
			i++;
		if (i >= n)
			return p;
		{
			char q = s[i++];
			while (i < n && s[i] != q)
				i++;
			i++;
		}
	}
}

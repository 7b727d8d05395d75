/* The XML reader's streaming path: the document read from a descriptor in
 * chunks and given to libxml2's push parser with the same handlers and the
 * same schema plug as the whole-document path (xml-sax.c), the rules run
 * as months and plans close (rules.c, through the model builder), and only
 * a window of the text kept: from the place the parser or the attribute
 * scan still needs. What the whole-document path checks before it parses
 * (valid UTF-8, no control character, the number of attributes in a start
 * tag) is checked on each chunk before the parser sees it; when one of them
 * fails, what the parser said until then is taken back, so the diagnostics
 * are the same.
 *
 * Once the parser has stopped (a fatal error, a text that is not XML, a
 * start tag with too many attributes), the rest is still read for those
 * two checks, since either finding would win on the whole-document path,
 * but only up to that path's limit (counted from the document's start):
 * beyond it that path could not read the document at all, so there is no
 * answer to agree with. Reading then stops, and the verdict is what was
 * found: an endless input ends. */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "xml-read-private.h"

/* Bytes read at a time; the window holds a few of them. */
#define CHUNK ((size_t)64 * 1024)

typedef struct stream {
	reader r;             /* r.buf is win, holding offsets r.base .. r.len */
	char *win;
	size_t cap;
	int fd;
	const char *mem;      /* or the text in memory, mem_len bytes, */
	size_t mem_len, mem_off; /* read up to mem_off */
	int eof;
	size_t total;         /* bytes read, byte-order mark included */
	size_t skip;          /* the byte-order mark's length */
	size_t checked;       /* valid UTF-8 up to this offset */
	size_t scanned;       /* the attribute scan has reached this offset */
	int scan_mode;        /* 0, or inside a comment (1), CDATA (2), a PI (3) */
	upl__attr_count tag;  /* a start tag cut by the text's end: its count so far, */
	int tag_pending;      /* its '<' at scanned (or at tag_pos, once known) */
	size_t tag_resume;    /* the count goes on from this offset */
	int tag_pos_known;
	upl_pos tag_pos;
	size_t fed;           /* given to the parser up to this offset */
	int parsing;          /* the parser still takes chunks */
	int bad_utf8;         /* invalid UTF-8 at offset bad */
	size_t bad;
	int control;          /* a character XML allows nowhere (U+0000 ..), at control_pos */
	unsigned int control_char;
	upl_pos control_pos;
	int too_many;         /* a start tag with too many attributes, at too_many_pos */
	upl_pos too_many_pos;
	int not_xml;          /* the text does not start with '<', at not_xml_pos */
	upl_pos not_xml_pos;
	size_t limit;         /* the whole-document path's limit, in bytes read */
} stream;

/* Read once more into the window. Returns 0, or UPL_EIO. */
static int
read_more(stream *s)
{
	size_t used = s->r.len - s->r.base;
	ssize_t got;
	if (s->cap - used < CHUNK) {
		size_t cap = s->cap ? s->cap : CHUNK;
		char *w;
		while (cap - used < CHUNK)
			cap *= 2;
		w = upl__realloc(s->win, cap);
		if (w == NULL) {
			s->r.oom = 1;
			return UPL_ENOMEM;
		}
		s->win = w;
		s->cap = cap;
		s->r.buf = w;
	}
	if (s->mem) {
		got = (ssize_t)(s->mem_len - s->mem_off < CHUNK ? s->mem_len - s->mem_off : CHUNK);
		memcpy(s->win + used, s->mem + s->mem_off, (size_t)got);
		s->mem_off += (size_t)got;
	} else {
		do
			got = read(s->fd, s->win + used, s->cap - used);
		while (got < 0 && errno == EINTR);
	}
	if (got < 0)
		return UPL_EIO;
	if (got == 0)
		s->eof = 1;
	s->r.len += (size_t)got;
	s->total += (size_t)got;
	return 0;
}

/* Where the text before offset end (at most what was read) ends on a whole
 * UTF-8 sequence. */
static size_t
whole_utf8_before(const stream *s, size_t end)
{
	const unsigned char *w = (const unsigned char *)s->win;
	size_t k, used = end - s->r.base;
	for (k = 1; k <= 4 && k <= used; k++) {
		unsigned char c = w[used - k];
		size_t need;
		if ((c & 0xC0) == 0x80)
			continue;
		/* a byte that starts no sequence is whole: the check refuses it */
		need = c < 0xC2 || c > 0xF4 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		return need > k ? end - k : end;
	}
	return end;
}

/* The first occurrence of e in w[i..n), or n. */
static size_t
find_end(const char *w, size_t n, size_t i, const char *e)
{
	size_t elen = strlen(e);
	while (i + elen <= n) {
		const char *q = memchr(w + i, e[0], n - i - elen + 1);
		if (q == NULL)
			return n;
		i = (size_t)(q - w);
		if (memcmp(w + i, e, elen) == 0)
			return i;
		i++;
	}
	return n;
}

/* The start tag whose '<' is at w[start] (the scan's place), counted on
 * from w[from]. Returns where the scan goes on: after the tag; at start
 * with s->too_many set; when the tag goes on in the next chunk
 * (s->tag_pending), at start, or at n once the tag's place is known. */
static size_t
scan_tag(stream *s, const char *w, size_t n, size_t start, size_t from)
{
	size_t end;
	if (!upl__xml_attr_count(&s->tag, w, n, from, s->eof, &end)) {
		s->tag_pending = 1;
		s->tag_resume = s->scanned + n;
		return s->tag_pos_known ? n : start;
	}
	s->tag_pending = 0;
	if (s->tag.count > UPL__XML_MAX_ATTRIBUTES) {
		s->too_many = 1;
		s->too_many_pos = s->tag_pos_known ? s->tag_pos : pos_at(&s->r, s->scanned + start);
		return start;
	}
	s->tag_pos_known = 0;
	return end;
}

/* The attribute scan of the whole-document path (too_many_attributes in
 * xml-read.c) over the text up to cut, resumable: a start tag cut by the
 * text's end is counted on from there with the next chunk, so no text is
 * scanned twice; inside a comment, CDATA or processing instruction only its
 * end is looked for. */
static void
scan_attributes(stream *s, size_t cut)
{
	static const char *const ends[] = { NULL, "-->", "]]>", "?>" };
	reader *r = &s->r;
	const char *w;
	size_t n, i = 0;
	if (s->tag_pending && !s->parsing && !s->tag_pos_known) {
		/* no parser asks for a place any more: the tag's is taken now,
		 * and its text need not be kept */
		s->tag_pos = pos_at(r, s->scanned);
		s->tag_pos_known = 1;
		s->scanned = s->tag_resume;
	}
	w = r->buf + (s->scanned - r->base);
	n = cut - s->scanned;
	if (s->tag_pending) {
		i = scan_tag(s, w, n, 0, s->tag_resume - s->scanned);
		if (s->too_many)
			return;
	}
	while (i < n && !s->tag_pending) {
		const char *lt;
		size_t start;
		if (s->scan_mode) {
			const char *e = ends[s->scan_mode];
			size_t j = find_end(w, n, i, e), elen = strlen(e);
			if (j == n) {
				i = n - i >= elen ? n - (elen - 1) : i;
				break;
			}
			i = j + elen;
			s->scan_mode = 0;
			continue;
		}
		lt = memchr(w + i, '<', n - i);
		if (lt == NULL) {
			i = n;
			break;
		}
		start = (size_t)(lt - w);
		if (n - start < 9 && !s->eof) {
			i = start; /* too little to tell what it starts */
			break;
		}
		i = start + 1;
		if (n - i >= 3 && memcmp(w + i, "!--", 3) == 0) {
			s->scan_mode = 1;
			i += 3;
		} else if (n - i >= 8 && memcmp(w + i, "![CDATA[", 8) == 0) {
			s->scan_mode = 2;
			i += 8;
		} else if (w[i] == '?') {
			s->scan_mode = 3;
			i++;
		} else if (w[i] == '!' || w[i] == '/') {
			continue;
		} else {
			memset(&s->tag, 0, sizeof s->tag);
			i = scan_tag(s, w, n, start, i);
			if (s->too_many)
				return;
		}
	}
	s->scanned += i;
}

/* The parser takes no more chunks: it stopped, or must not see the text. */
static int
parser_done(const stream *s)
{
	const reader *r = &s->r;
	return !s->parsing || s->control || s->too_many || s->not_xml || r->stopped ||
	       r->fatal_seen || r->oom;
}

/* The offset of the document's limit in the window's terms (which leave out
 * the byte-order mark). */
static size_t
limit_offset(const stream *s)
{
	return s->limit > s->skip ? s->limit - s->skip : 0;
}

/* The text up to cut: checked, scanned, then parsed. Once the parser has
 * stopped, no further than the limit. */
static void
step(stream *s, size_t cut)
{
	reader *r = &s->r;
	size_t bad;
	if (parser_done(s))
		s->parsing = 0;
	if (!s->parsing && cut > limit_offset(s))
		cut = limit_offset(s) > s->checked ? whole_utf8_before(s, limit_offset(s)) : s->checked;
	if (cut > s->checked) {
		if (!upl__utf8_valid(r->buf + (s->checked - r->base), cut - s->checked, &bad)) {
			s->bad_utf8 = 1;
			s->bad = s->checked + bad;
			return;
		}
		if (!s->control) {
			size_t n = cut - s->checked;
			size_t c = upl__xml_find_control(r->buf + (s->checked - r->base), n);
			if (c < n) {
				s->control = 1;
				s->control_char = (unsigned char)RBYTE(r, s->checked + c);
				s->control_pos = pos_at(r, s->checked + c);
			}
		}
		s->checked = cut;
	}
	if (!s->too_many && cut > s->scanned)
		scan_attributes(s, cut);
	if (parser_done(s))
		s->parsing = 0;
	if (s->parsing && (cut > s->fed || s->eof)) {
		xmlParseChunk(r->ctxt, r->buf + (s->fed - r->base), (int)(cut - s->fed), s->eof);
		s->fed = cut;
	}
}

/* Let go of the text no one needs any more: before the parser's place (the
 * position cursor is moved there, as nothing asks for an earlier place)
 * and before the scan's; once the parser takes no more chunks, before what
 * the checks that go on still need (the scan's place, or the UTF-8 check's
 * once the scan has found its tag). */
static void
trim_window(stream *s)
{
	reader *r = &s->r;
	size_t keep = s->too_many ? s->checked : s->scanned, used;
	if (s->parsing) {
		size_t p = parser_offset(r->ctxt);
		if (p < keep)
			keep = p;
		if (keep > s->fed)
			keep = s->fed;
	}
	if (keep > r->cur_off)
		(void)pos_at(r, keep);
	if (keep > r->cur_off)
		keep = r->cur_off;
	used = r->len - keep;
	if (keep - r->base < s->cap / 2)
		return;
	memmove(s->win, s->win + (keep - r->base), used);
	r->base = keep;
}

/* Take back what was said about the document, for a finding that the
 * whole-document path makes before it parses. */
static void
take_back(stream *s)
{
	upl__report_truncate(s->r.report, s->r.first_diag);
	upl_report_clear(&s->r.schema_report);
}

/* Whether the document has a DOCTYPE, read until what follows its prolog
 * (the XML declaration, comments, processing instructions, spaces) shows,
 * at most to the limit. libxml2's push parser reads an internal subset
 * otherwise than its whole-document parser does (an entity declaration
 * that the reader refuses goes unsaid), and plan documents have none: the
 * caller reads such a document whole, as one in another encoding. *rc: an
 * error of reading. */
static int
has_doctype(stream *s, int *rc)
{
	static const char *const ends[] = { "?>", "-->" };
	size_t i = s->skip, look = 0;
	for (;;) {
		const char *w = s->win;
		size_t n = s->r.len, e;
		int k = -1;
		while (i < n && is_xml_space(w[i]))
			i++;
		if (n - i >= 2 && w[i] == '<' && w[i + 1] == '?')
			k = 0;
		else if (n - i >= 4 && memcmp(w + i, "<!--", 4) == 0)
			k = 1;
		else if (n - i >= 9 || s->eof)
			return n - i >= 9 && memcmp(w + i, "<!DOCTYPE", 9) == 0;
		if (k >= 0) {
			size_t from = i + 2 + 2 * (size_t)k, elen = strlen(ends[k]);
			e = find_end(w, n, look > from ? look : from, ends[k]);
			if (e < n) {
				i = e + elen;
				look = 0;
				continue;
			}
			look = n - (elen - 1);
		}
		if (s->eof || s->total > s->limit || (*rc = read_more(s)) != 0)
			return 0;
	}
}

/* Read until the document shows something but white space, or ends; then
 * the empty document and the encoding. Returns 0 to go on, 1 when done
 * (a diagnostic was given), 2 when the document is not UTF-8 or has a DOCTYPE (read it whole), or an error. */
static int
start(stream *s)
{
	size_t i = 0;
	int rc = 0;
	for (;;) {
		size_t used = s->r.len;
		if (used < CHUNK && !s->eof) {
			if ((rc = read_more(s)) != 0)
				return rc;
			continue;
		}
		while (i < used && is_xml_space(s->win[i]))
			i++;
		if (i < used || s->eof)
			break;
		if ((rc = read_more(s)) != 0)
			return rc;
	}
	if (i == s->r.len) {
		upl_pos p = { 1, 1 };
		upl__msg_emit(s->r.report, s->r.zh, &s->r.oom, s->r.name,
			      s->total ? UPL__MSG(UPL_CODE_XML_EMPTY, 1) : UPL__MSG(UPL_CODE_XML_EMPTY, 0), p);
		return 1;
	}
	if (!upl__xml_is_utf8(s->win, s->r.len, &s->skip) || has_doctype(s, &rc))
		return 2;
	if (rc != 0)
		return rc;
	memmove(s->win, s->win + s->skip, s->r.len - s->skip);
	s->r.len -= s->skip;
	/* libxml2's push parser calls such a text empty; its whole-document
	 * parser, which the other path uses, says this */
	for (i = 0; i < s->r.len && is_xml_space(s->win[i]); i++)
		;
	if (i == s->r.len) { /* a byte-order mark with nothing after it */
		upl_pos p = { 1, 1 };
		upl__msg_emit(s->r.report, s->r.zh, &s->r.oom, s->r.name,
			      s->r.len ? UPL__MSG(UPL_CODE_XML_EMPTY, 1) : UPL__MSG(UPL_CODE_XML_EMPTY, 0), p);
		return 1;
	}
	if (s->win[i] != '<') {
		s->not_xml = 1;
		s->not_xml_pos = pos_at(&s->r, i);
	}
	return 0;
}

/* The verdict, once the whole text was read. */
static void
finish(stream *s)
{
	reader *r = &s->r;
	int vrc, ok;
	if (s->bad_utf8) {
		take_back(s);
		say(r, UPL_CODE_XML_ENCODING, 4, pos_at(r, s->bad),
		    (unsigned int)(unsigned char)RBYTE(r, s->bad), s->bad + s->skip);
		return;
	}
	if (s->control) {
		take_back(s);
		say(r, UPL_CODE_XML_ENCODING, 5, s->control_pos, s->control_char);
		return;
	}
	if (s->too_many) {
		take_back(s);
		say(r, UPL_CODE_XML_ATTRIBUTES, 0, s->too_many_pos, UPL__XML_MAX_ATTRIBUTES);
		return;
	}
	if (s->not_xml) {
		upl__xml_diag(r, UPL_SEVERITY_ERROR, UPL_CODE_XML_SYNTAX, s->not_xml_pos,
			      "Start tag expected, '<' not found");
		return;
	}
	vrc = upl__xml_parse_end(r);
	ok = upl__xml_read_verdict(r, vrc);
	if (r->rules) {
		if (upl__rules_stream_end(r->rules, r->report, ok) != 0)
			r->oom = 1;
		r->rules = NULL;
	}
}

/* The chunks, until the end, a finding that ends the reading, or the limit
 * once the parser has stopped. */
static int
run(stream *s)
{
	int rc = 0;
	for (;;) {
		step(s, s->eof ? s->r.len : whole_utf8_before(s, s->r.len));
		if (s->bad_utf8 || s->eof || s->r.oom || (!s->parsing && s->total > s->limit))
			break;
		trim_window(s);
		if ((rc = read_more(s)) != 0)
			break;
	}
	return rc;
}

int
upl__xml_read_stream(upl_report *report, const upl__xml_source *src, const char *name, int zh,
		     size_t max_bytes, upl__rules_stream *rules, char **head, size_t *head_len)
{
	stream s;
	xmlSchemaPtr schema;
	int rc;
	memset(&s, 0, sizeof s);
	upl__xml_reader_init(&s.r, report, name, zh);
	s.fd = src->fd;
	s.mem = src->data ? src->data : (src->fd < 0 ? "" : NULL);
	s.mem_len = src->data ? src->len : 0;
	s.limit = max_bytes ? max_bytes : UPL_DEFAULT_MAX_BYTES;
	s.r.rules = rules;
	*head = NULL;
	*head_len = 0;
	upl__report_cap_begin(&s.r.schema_report, report->lim.max);
	rc = start(&s);
	if (rc == 2) {
		/* another encoding, or a DOCTYPE: the caller reads it whole */
		*head = s.win;
		*head_len = s.r.len;
		s.win = NULL;
		rc = 1;
		goto done;
	}
	if (rc != 0) {
		if (rc == 1)
			rc = 0;
		goto done;
	}
	schema = upl__xml_schema();
	if (schema == NULL) {
		upl_pos p = { 1, 1 };
		say0(&s.r, UPL_CODE_SCHEMA_INVALID, 0, p);
		goto done;
	}
	if (rules) {
		s.r.build = 1;
		if (upl_doc_new(&s.r.doc) != 0 || (name && upl__doc_set_name(s.r.doc, name) != 0))
			s.r.oom = 1;
	}
	if (!s.r.oom && upl__xml_parse_begin(&s.r, schema, 1) == 0) {
		s.parsing = 1;
		rc = run(&s);
		if (rc == 0 && !s.r.oom)
			finish(&s);
	}
	if (s.r.ctxt == NULL || s.r.oom)
		rc = UPL_ENOMEM;
done:
	if (s.r.plug)
		(void)upl__xml_parse_end(&s.r);
	if (s.r.rules)
		(void)upl__rules_stream_end(s.r.rules, report, 0);
	upl__xml_reader_free(&s.r);
	upl__dealloc(s.win);
	if (rc == 0 && report->oom)
		rc = UPL_ENOMEM;
	return rc;
}

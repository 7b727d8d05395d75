/* The XML reader's encodings: a byte-order mark, else the encoding the XML
 * declaration names, else UTF-8; anything but UTF-8 is converted with the
 * text module's decoder. */
#include "config.h"

#include "text-private.h"
#include "xml-read-private.h"

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
	if (len < 6 || memcmp(s, "<?xml", 5) != 0 || !is_xml_space(s[5]))
		return 0;
	for (end = 5; end + 1 < len && !(s[end] == '?' && s[end + 1] == '>'); end++)
		if (end > 512)
			return 0;
	for (i = 5; i + 8 < end; i++) {
		size_t j;
		char q;
		if (memcmp(s + i, "encoding", 8) != 0 || !is_xml_space(s[i - 1]))
			continue;
		j = i + 8;
		while (j < end && is_xml_space(s[j]))
			j++;
		if (j >= end || s[j] != '=')
			continue;
		j++;
		while (j < end && is_xml_space(s[j]))
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
	/* the parser takes an int length, and UTF-8 can be half as long again
	 * as the UTF-16 it comes from */
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

/* Whether a declared encoding (on bytes without a byte-order mark) leaves
 * the text read as UTF-8. UTF-16 declared on ASCII-compatible bytes is
 * ignored, as libxml2 does: the bytes themselves say it is not UTF-16. */
static int
read_as_utf8(const char *v, size_t vl)
{
	return ascii_ieq(v, vl, "UTF-8") || ascii_ieq(v, vl, "UTF8") ||
	       ascii_ieq(v, vl, "US-ASCII") || ascii_ieq(v, vl, "ASCII") ||
	       ascii_ieq(v, vl, "UTF-16") || ascii_ieq(v, vl, "UTF-16LE") ||
	       ascii_ieq(v, vl, "UTF-16BE") || ascii_ieq(v, vl, "UCS-2");
}

int
upl__xml_is_utf8(const char *raw, size_t len, size_t *skip)
{
	const unsigned char *u = (const unsigned char *)raw;
	size_t vs = 0, vl = 0;
	*skip = 0;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*skip = 3;
		return 1;
	}
	if ((len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) ||
	    (len >= 4 && ((u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) ||
			  (u[0] == '<' && u[1] == 0 && u[2] == '?' && u[3] == 0) ||
			  (u[0] == 0 && u[1] == '<' && u[2] == 0 && u[3] == '?'))))
		return 0;
	if (declared_encoding(raw, len, &vs, &vl)) {
		const char *v = raw + vs;
		return read_as_utf8(v, vl);
	}
	return 1;
}

int
upl__xml_decode(reader *r, const char *raw, size_t len, const char **out, size_t *outlen,
		int *owned)
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
		if (!read_as_utf8(v, vl)) {
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

/* A strict, bounded JSON reader (RFC 8259) into a small tree of values
 * with their positions, for upl_doc_parse_json_*(). The recursion follows
 * the nesting of the input and stops at the depth limit. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "json-private.h"
#include "text-private.h"

typedef struct jp {
	const char *s;
	size_t n, i;
	unsigned int line, col;    /* of s[i] */
	unsigned int depth, max_depth;
	const char *name;
	upl_error **err;
	int rc;                    /* 0, or the error already reported */
} jp;

static int
fail_at(jp *p, unsigned int line, unsigned int col, const char *fmt, ...) UPL_PRINTF(4, 5);

static int
fail_at(jp *p, unsigned int line, unsigned int col, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	if (p->rc)
		return p->rc;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	p->rc = upl__error_set(p->err, UPL_EPARSE, p->name, line, col, "%s", msg);
	return p->rc;
}

static int
oom(jp *p)
{
	if (!p->rc)
		p->rc = upl__error_set(p->err, UPL_ENOMEM, p->name, 0, 0, "out of memory");
	return p->rc;
}

/* What the byte at the cursor is, for messages. */
static const char *
what_here(const jp *p, char *buf, size_t size)
{
	unsigned char c;
	if (p->i >= p->n)
		return "the end of the input";
	c = (unsigned char)p->s[p->i];
	if (c >= 0x21 && c < 0x7F)
		snprintf(buf, size, "'%c'", c);
	else
		snprintf(buf, size, "byte 0x%02X", (unsigned int)c);
	return buf;
}

static int
unexpected(jp *p, const char *wanted)
{
	char buf[16];
	return fail_at(p, p->line, p->col, "expected %s, found %s", wanted, what_here(p, buf, sizeof buf));
}

static void
skip_space(jp *p)
{
	while (p->i < p->n) {
		char c = p->s[p->i];
		if (c == '\n' || (c == '\r' && (p->i + 1 >= p->n || p->s[p->i + 1] != '\n'))) {
			p->line++;
			p->col = 1;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			p->col++;
		} else {
			return;
		}
		p->i++;
	}
}

void
upl__jv_free(upl_jv *v)
{
	size_t k;
	if (v == NULL)
		return;
	for (k = 0; k < v->n; k++)
		upl__jv_free(v->items[k]);
	upl__dealloc(v->items);
	upl__dealloc(v->str);
	upl__dealloc(v->key);
	upl__dealloc(v);
}

static upl_jv *
new_value(jp *p, upl_jv_type type)
{
	upl_jv *v = upl__calloc(1, sizeof *v);
	if (v == NULL) {
		oom(p);
		return NULL;
	}
	v->type = type;
	v->line = p->line;
	v->column = p->col;
	return v;
}

/* Four hex digits at s[i..]: the value, or -1. */
static long
hex4(const jp *p, size_t i)
{
	long v = 0;
	size_t k;
	if (p->n - i < 4)
		return -1;
	for (k = 0; k < 4; k++) {
		char c = p->s[i + k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* A \u escape at the cursor (on the backslash): one code point, a
 * surrogate pair taken together. Returns the code point or -1. */
static long
unicode_escape(jp *p)
{
	long cp = hex4(p, p->i + 2), lo;
	unsigned int col = p->col;
	if (cp < 0)
		return fail_at(p, p->line, col, "\\u must be followed by four hexadecimal digits"), -1;
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return fail_at(p, p->line, col, "\\u%04lX is a lone low surrogate", cp), -1;
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		lo = (p->n - p->i >= 12 && p->s[p->i + 6] == '\\' && p->s[p->i + 7] == 'u')
		     ? hex4(p, p->i + 8) : -1;
		if (lo < 0xDC00 || lo > 0xDFFF)
			return fail_at(p, p->line, col, "\\u%04lX is a high surrogate without its low half", cp), -1;
		p->i += 6;
		p->col += 6;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	}
	p->i += 6;
	p->col += 6;
	return cp;
}

/* A plan is XML: a code point it cannot hold is refused here, where its
 * place in the JSON is known (U+0000 included: model text is a C string). */
static int
xml_can_hold(long cp)
{
	if (cp < 0x20)
		return cp == '\t' || cp == '\n' || cp == '\r';
	return cp != 0xFFFE && cp != 0xFFFF;
}

/* One escape sequence at the cursor (on the backslash), appended to b. */
static int
escape(jp *p, upl_buf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *e;
	unsigned int col = p->col;
	long cp;
	if (p->i + 1 >= p->n)
		return fail_at(p, p->line, col, "unterminated string");
	if (p->s[p->i + 1] != 'u') {
		e = p->s[p->i + 1] ? strchr(from, p->s[p->i + 1]) : NULL;
		if (e == NULL) {
			char buf[16];
			p->i++;
			p->col++;
			return fail_at(p, p->line, col, "invalid escape '\\' followed by %s",
				       what_here(p, buf, sizeof buf));
		}
		cp = (unsigned char)to[e - from];
		p->i += 2;
		p->col += 2;
	} else if ((cp = unicode_escape(p)) < 0) {
		return p->rc;
	}
	if (!xml_can_hold(cp))
		return fail_at(p, p->line, col, "U+%04lX is not a character a plan can hold (XML 1.0)", cp);
	upl__text_put_cp(b, (int32_t)cp);
	return 0;
}

/* A string at the cursor (on the quote), decoded into *out. */
static int
string(jp *p, char **out)
{
	upl_buf b = UPL_BUF_INIT;
	unsigned int line = p->line, col = p->col;
	size_t l;
	p->i++;
	p->col++;
	for (;;) {
		unsigned char c;
		if (p->i >= p->n) {
			upl__buf_free(&b);
			return fail_at(p, line, col, "unterminated string");
		}
		c = (unsigned char)p->s[p->i];
		if (c == '"')
			break;
		if (c == '\\') {
			if (escape(p, &b) != 0)
				break;
			continue;
		}
		if (c < 0x20) {
			fail_at(p, p->line, p->col, "control character 0x%02X in a string (write it as \\u%04X)",
				(unsigned int)c, (unsigned int)c);
			break;
		}
		l = 1;
		if (c >= 0x80) {
			int32_t cp = upl__utf8_decode(p->s + p->i, p->n - p->i, &l);
			if (cp < 0) {
				fail_at(p, p->line, p->col, "byte 0x%02X is not valid UTF-8", (unsigned int)c);
				break;
			}
			if (!xml_can_hold(cp)) {
				fail_at(p, p->line, p->col, "U+%04lX is not a character a plan can hold (XML 1.0)",
					(long)cp);
				break;
			}
		}
		upl__buf_put(&b, p->s + p->i, l);
		p->i += l;
		p->col++;
	}
	if (p->rc) {
		upl__buf_free(&b);
		return p->rc;
	}
	p->i++;
	p->col++;
	*out = upl__buf_detach(&b, NULL);
	return *out ? 0 : oom(p);
}

/* A number at the cursor, by the RFC 8259 grammar. Integers keep their
 * value (v->overflow when it does not fit a long); others are reals. */
static int
number(jp *p, upl_jv *v)
{
	size_t start = p->i;
	int neg = 0, real = 0;
	long val = 0;
	if (p->s[p->i] == '-') {
		neg = 1;
		p->i++;
	}
	if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
		return fail_at(p, v->line, v->column, "a number needs a digit after '-'");
	if (p->s[p->i] == '0' && p->i + 1 < p->n && p->s[p->i + 1] >= '0' && p->s[p->i + 1] <= '9')
		return fail_at(p, v->line, v->column, "a number may not start with 0 followed by digits");
	while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') {
		int d = p->s[p->i++] - '0';
		if (val > (2147483647L - d) / 10)
			v->overflow = 1;
		else
			val = val * 10 + d;
	}
	if (p->i < p->n && p->s[p->i] == '.') {
		real = 1;
		if (++p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
			return fail_at(p, v->line, v->column, "a number needs a digit after '.'");
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		real = 1;
		if (++p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
			return fail_at(p, v->line, v->column, "a number needs a digit in its exponent");
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	}
	p->col += (unsigned int)(p->i - start);
	v->type = real ? UPL_JV_REAL : UPL_JV_INT;
	v->num = neg ? -val : val;
	return 0;
}

static int literal(jp *p, upl_jv *v);
static int value(jp *p, upl_jv **out);

static int
add_item(jp *p, upl_jv *parent, upl_jv *item)
{
	if (upl__grow((void **)&parent->items, &parent->cap, parent->n + 1, sizeof *parent->items) != 0) {
		upl__jv_free(item);
		return oom(p);
	}
	parent->items[parent->n++] = item;
	return 0;
}

/* One member of an object: its name, ':' and value, into obj. */
static int
member(jp *p, upl_jv *obj)
{
	upl_jv *v = NULL;
	char *key = NULL;
	unsigned int kl, kc;
	skip_space(p);
	if (p->i >= p->n || p->s[p->i] != '"')
		return unexpected(p, "a member name in quotes");
	kl = p->line;
	kc = p->col;
	if (string(p, &key) != 0)
		return p->rc;
	skip_space(p);
	if (p->i >= p->n || p->s[p->i] != ':') {
		upl__dealloc(key);
		return unexpected(p, "':' after the member name");
	}
	p->i++;
	p->col++;
	if (value(p, &v) != 0) {
		upl__dealloc(key);
		return p->rc;
	}
	v->key = key;
	v->key_line = kl;
	v->key_column = kc;
	return add_item(p, obj, v);
}

/* The members of an object or the elements of an array, the cursor after
 * its '{' or '['. */
static int
entries(jp *p, upl_jv *c)
{
	int object = c->type == UPL_JV_OBJECT;
	char close = object ? '}' : ']';
	skip_space(p);
	if (p->i < p->n && p->s[p->i] == close)
		return 0;
	for (;;) {
		upl_jv *v = NULL;
		if (object ? member(p, c) != 0 : (value(p, &v) != 0 || add_item(p, c, v) != 0))
			return p->rc;
		skip_space(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			p->col++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == close)
			return 0;
		return unexpected(p, object ? "',' or '}'" : "',' or ']'");
	}
}

static int
container(jp *p, upl_jv *v)
{
	int rc;
	if (p->depth >= p->max_depth)
		return fail_at(p, p->line, p->col, "nesting deeper than the limit of %u", p->max_depth);
	p->depth++;
	p->i++;
	p->col++;
	rc = entries(p, v);
	p->depth--;
	if (rc == 0) {
		p->i++;
		p->col++;
	}
	return rc;
}

static int
literal(jp *p, upl_jv *v)
{
	static const struct { const char *word; upl_jv_type type; } words[] = {
		{ "null", UPL_JV_NULL }, { "true", UPL_JV_TRUE }, { "false", UPL_JV_FALSE }
	};
	size_t k;
	for (k = 0; k < sizeof words / sizeof words[0]; k++) {
		size_t l = strlen(words[k].word);
		if (p->n - p->i >= l && memcmp(p->s + p->i, words[k].word, l) == 0) {
			v->type = words[k].type;
			p->i += l;
			p->col += (unsigned int)l;
			return 0;
		}
	}
	return unexpected(p, "a value");
}

/* One value, after any white space. */
static int
value(jp *p, upl_jv **out)
{
	upl_jv *v;
	int rc;
	char c;
	skip_space(p);
	if (p->i >= p->n)
		return unexpected(p, "a value");
	c = p->s[p->i];
	v = new_value(p, c == '{' ? UPL_JV_OBJECT : c == '[' ? UPL_JV_ARRAY : UPL_JV_NULL);
	if (v == NULL)
		return p->rc;
	if (c == '{' || c == '[')
		rc = container(p, v);
	else if (c == '"') {
		v->type = UPL_JV_STRING;
		rc = string(p, &v->str);
	} else if (c == '-' || (c >= '0' && c <= '9'))
		rc = number(p, v);
	else
		rc = literal(p, v);
	if (rc != 0) {
		upl__jv_free(v);
		return p->rc;
	}
	*out = v;
	return 0;
}

int
upl__json_read(upl_jv **out, const char *s, size_t n, const char *name, unsigned int max_depth,
	       upl_error **err)
{
	jp p;
	upl_jv *v = NULL;
	memset(&p, 0, sizeof p);
	p.s = s;
	p.n = n;
	p.line = p.col = 1;
	p.max_depth = max_depth;
	p.name = name;
	p.err = err;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		p.i = 3; /* a byte order mark is ignored (RFC 8259, 8.1) */
	if (value(&p, &v) != 0)
		return p.rc;
	skip_space(&p);
	if (p.i < p.n) {
		upl__jv_free(v);
		return unexpected(&p, "the end of the input after the JSON value");
	}
	*out = v;
	return 0;
}

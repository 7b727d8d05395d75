/* Internal helpers: allocation, growable strings, errors, UTF-8. */
#include "config.h"

#include "util-private.h"

#ifdef UPL_FAULT_INJECTION
static _Thread_local unsigned long fault_at;
static _Thread_local unsigned long fault_count;

unsigned long
upl__fault_set(unsigned long n)
{
	unsigned long made = fault_count;
	fault_at = n;
	fault_count = 0;
	return made;
}

static int
fault_now(void)
{
	fault_count++;
	return fault_at != 0 && fault_count == fault_at;
}
#define FAULT() (fault_now())
#else
#define FAULT() 0
#endif

void *
upl__malloc(size_t n)
{
	if (FAULT())
		return NULL;
	return malloc(n ? n : 1);
}

void *
upl__calloc(size_t count, size_t size)
{
	if (FAULT())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *
upl__realloc(void *p, size_t n)
{
	if (FAULT())
		return NULL;
	return realloc(p, n ? n : 1);
}

void
upl__dealloc(void *p)
{
	free(p);
}

char *
upl__strndup(const char *s, size_t n)
{
	char *r;
	if (s == NULL)
		return NULL;
	r = upl__malloc(n + 1);
	if (r == NULL)
		return NULL;
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

char *
upl__strdup(const char *s)
{
	return s ? upl__strndup(s, strlen(s)) : NULL;
}

int
upl__grow(void **items, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *p;
	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 4;
	while (ncap < need) {
		if (ncap > ((size_t)-1) / 2 / size)
			return UPL_ENOMEM;
		ncap *= 2;
	}
	p = upl__realloc(*items, ncap * size);
	if (p == NULL)
		return UPL_ENOMEM;
	*items = p;
	*cap = ncap;
	return 0;
}

void
upl_free(void *ptr)
{
	free(ptr);
}

/* --- buffers ----------------------------------------------------------- */

int
upl__buf_reserve(upl_buf *b, size_t extra)
{
	size_t need, ncap;
	char *p;
	if (b->failed)
		return 0;
	if (extra > ((size_t)-1) - b->len - 1) {
		b->failed = 1;
		return 0;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 1;
	ncap = b->cap ? b->cap : 64;
	while (ncap < need) {
		if (ncap > ((size_t)-1) / 2) {
			ncap = need;
			break;
		}
		ncap *= 2;
	}
	p = upl__realloc(b->data, ncap);
	if (p == NULL) {
		b->failed = 1;
		return 0;
	}
	b->data = p;
	b->cap = ncap;
	return 1;
}

void
upl__buf_put(upl_buf *b, const char *s, size_t n)
{
	if (!upl__buf_reserve(b, n))
		return;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
upl__buf_puts(upl_buf *b, const char *s)
{
	upl__buf_put(b, s, strlen(s));
}

void
upl__buf_putc(upl_buf *b, char c)
{
	upl__buf_put(b, &c, 1);
}

void
upl__buf_vprintf(upl_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if (!upl__buf_reserve(b, (size_t)n))
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
upl__buf_printf(upl_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	upl__buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
upl__buf_detach(upl_buf *b, size_t *len)
{
	char *r;
	if (!b->failed && b->data == NULL && upl__buf_reserve(b, 0))
		b->data[0] = '\0'; /* an empty string, terminated */
	if (b->failed) {
		upl__buf_free(b);
		return NULL;
	}
	r = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return r;
}

void
upl__buf_free(upl_buf *b)
{
	upl__dealloc(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}

/* --- errors ------------------------------------------------------------ */

int
upl__error_set(upl_error **err, int code, const char *file, unsigned int line,
	       unsigned int column, const char *fmt, ...)
{
	upl_error *e;
	upl_buf b = UPL_BUF_INIT;
	va_list ap;
	if (err == NULL)
		return code;
	upl_error_free(*err);
	*err = NULL;
	e = upl__calloc(1, sizeof *e);
	if (e == NULL)
		return code;
	va_start(ap, fmt);
	upl__buf_vprintf(&b, fmt, ap);
	va_end(ap);
	e->message = upl__buf_detach(&b, NULL);
	e->file = file ? upl__strdup(file) : NULL;
	if (e->message == NULL || (file && e->file == NULL)) {
		upl_error_free(e);
		return code;
	}
	e->code = code;
	e->line = line;
	e->column = column;
	*err = e;
	return code;
}

int
upl_error_code(const upl_error *err)
{
	return err ? err->code : 0;
}

const char *
upl_error_message(const upl_error *err)
{
	return err && err->message ? err->message : "";
}

const char *
upl_error_file(const upl_error *err)
{
	return err ? err->file : NULL;
}

unsigned int
upl_error_line(const upl_error *err)
{
	return err ? err->line : 0;
}

unsigned int
upl_error_column(const upl_error *err)
{
	return err ? err->column : 0;
}

void
upl_error_free(upl_error *err)
{
	if (err == NULL)
		return;
	upl__dealloc(err->message);
	upl__dealloc(err->file);
	upl__dealloc(err);
}

const char *
upl_strerror(int code)
{
	switch (code) {
	case UPL_OK: return "success";
	case UPL_ENOMEM: return "out of memory";
	case UPL_EIO: return "input/output error";
	case UPL_EPARSE: return "invalid document";
	case UPL_EINVAL: return "invalid argument";
	case UPL_ENOTFOUND: return "not found";
	case UPL_ITEROVER: return "iteration over";
	case UPL_ERANGE: return "value out of range";
	case UPL_EENCODING: return "invalid or unconvertible text encoding";
	default: return "unknown error";
	}
}

/* --- UTF-8 ------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0; /* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0; /* surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

size_t
upl__utf8_count(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, count = 0;
	while (i < n) {
		size_t l = utf8_seq(p + i, n - i);
		i += l ? l : 1;
		count++;
	}
	return count;
}

int
upl__utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		size_t l;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		l = utf8_seq(p + i, n - i);
		if (l == 0) {
			if (bad)
				*bad = i;
			return 0;
		}
		i += l;
	}
	return 1;
}

unsigned int
upl__utf8_next(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t l = utf8_seq(p, n);
	switch (l) {
	case 1:
		*len = 1;
		return p[0];
	case 2:
		*len = 2;
		return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
	case 3:
		*len = 3;
		return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
	case 4:
		*len = 4;
		return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
		       (p[3] & 0x3Fu);
	default:
		*len = 1;
		return 0xFFFD;
	}
}

unsigned int
upl__utf8_prev(const char *s, size_t off)
{
	size_t i = off, len;
	if (off == 0)
		return 0;
	do {
		i--;
	} while (i > 0 && off - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80);
	return upl__utf8_next(s + i, off - i, &len);
}

size_t
upl__utf8_cut(const char *s, size_t n, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, cps = 0;
	while (i < n && cps < max) {
		size_t l = utf8_seq(p + i, n - i);
		i += l ? l : 1;
		cps++;
	}
	return i;
}

void
upl__buf_put_utf8(upl_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		size_t l = utf8_seq(p + i, n - i);
		if (l == 0) {
			upl__buf_put(b, "\xEF\xBF\xBD", 3); /* U+FFFD */
			i++;
			continue;
		}
		upl__buf_put(b, s + i, l);
		i += l;
	}
}

char *
upl__utf8_excerpt(const char *s, size_t n, size_t max)
{
	upl_buf b = UPL_BUF_INIT;
	size_t k = upl__utf8_cut(s, n, max);
	upl__buf_put_utf8(&b, s, k);
	if (k < n)
		upl__buf_put(&b, "\xE2\x80\xA6", 3); /* … */
	return upl__buf_detach(&b, NULL);
}

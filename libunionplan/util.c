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

int
upl__buf_finish(upl_buf *b, int rc, char **out, size_t *len, upl_error **err)
{
	if (rc != 0) {
		upl__buf_free(b);
		return rc;
	}
	*out = upl__buf_detach(b, len);
	if (*out == NULL)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

int
upl__write_built(const char *path, int rc, char *data, size_t len, upl_error **err)
{
	if (rc == 0)
		rc = upl_write_file_atomic(path, data, len, err);
	upl__dealloc(data);
	return rc;
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

/* The one UTF-8 decoder of the library: every other helper (here and in
 * the text module) is built on it. Strict: no overlong forms, no
 * surrogates, nothing above U+10FFFF. */
int32_t
upl__utf8_decode(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char c = p[0];
	int32_t cp;
	size_t need, k;

	*len = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		cp = c & 0x07;
	} else {
		return -1;
	}
	if (n < need + 1)
		return -1;
	for (k = 1; k <= need; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*len = need + 1;
	return cp;
}

size_t
upl__utf8_count(const char *s, size_t n)
{
	size_t i = 0, count = 0, l;
	while (i < n) {
		(void)upl__utf8_decode(s + i, n - i, &l);
		i += l;
		count++;
	}
	return count;
}

int
upl__utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, l;
	while (i < n) {
		unsigned char c;
		/* runs of ASCII, a word at a time */
		while (n - i >= 8) {
			uint64_t w;
			memcpy(&w, p + i, sizeof w);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* lead bytes E1..EC and EE..EF cannot start an overlong form or a
		 * surrogate: the common case of Han text needs only its two
		 * continuation bytes checked */
		if (c >= 0xE1 && c != 0xED && c <= 0xEF && n - i >= 3 && (p[i + 1] & 0xC0) == 0x80 &&
		    (p[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if (upl__utf8_decode(s + i, n - i, &l) < 0) {
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
	int32_t cp = upl__utf8_decode(s, n, len);
	return cp < 0 ? 0xFFFDu : (unsigned int)cp;
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
	size_t i = 0, cps = 0, l;
	while (i < n && cps < max) {
		(void)upl__utf8_decode(s + i, n - i, &l);
		i += l;
		cps++;
	}
	return i;
}

void
upl__buf_put_utf8(upl_buf *b, const char *s, size_t n)
{
	size_t i = 0, l;
	while (i < n) {
		if (upl__utf8_decode(s + i, n - i, &l) < 0) {
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

/* --- built once per process ------------------------------------------- */

void *
upl__lazy_get(upl__lazy *l, void *(*build)(void))
{
	void *v = atomic_load_explicit(&l->value, memory_order_acquire);
	if (v != NULL)
		return v;
	pthread_mutex_lock(&l->lock);
	v = atomic_load_explicit(&l->value, memory_order_acquire);
	if (v == NULL) {
		v = build();
		if (v != NULL)
			atomic_store_explicit(&l->value, v, memory_order_release);
	}
	pthread_mutex_unlock(&l->lock);
	return v;
}

/* --- character classes ------------------------------------------------- */

int
upl__is_han(uint32_t cp)
{
	if (cp < 0x2E80)
		return 0;
	if (cp < 0x3400)
		return cp <= 0x2FDF || cp == 0x3005 || cp == 0x3007 ||
		       (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3038 && cp <= 0x303B);
	return cp <= 0x4DBF || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x20000 && cp <= 0x323AF);
}

int
upl__is_space(uint32_t cp)
{
	return cp == 0x20 || cp == 0x09 || cp == 0x3000 || cp == 0xA0;
}

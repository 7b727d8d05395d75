/* Internal helpers shared by every module: allocation, growable strings,
 * error construction, UTF-8 helpers. Never installed. */
#ifndef UNIONPLAN_UTIL_PRIVATE_H
#define UNIONPLAN_UTIL_PRIVATE_H

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan/common.h>

#if defined(__GNUC__)
#  define UPL_HIDDEN __attribute__((visibility("hidden")))
#  define UPL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define UPL_HIDDEN
#  define UPL_PRINTF(f, a)
#endif

/* --- allocation ---------------------------------------------------------
 * All library allocations go through these so that a test build
 * (UPL_FAULT_INJECTION) can make the Nth one fail. */
UPL_HIDDEN void *upl__malloc(size_t n);
UPL_HIDDEN void *upl__calloc(size_t count, size_t size);
UPL_HIDDEN void *upl__realloc(void *p, size_t n);
UPL_HIDDEN void upl__dealloc(void *p);
UPL_HIDDEN char *upl__strdup(const char *s);
UPL_HIDDEN char *upl__strndup(const char *s, size_t n);

#ifdef UPL_FAULT_INJECTION
/* Fail the allocation number @p n (1-based) made by this thread from now
 * on; 0 disables. Returns how many allocations were made since the last
 * call. Test builds only. */
UPL_HIDDEN unsigned long upl__fault_set(unsigned long n);
#endif

/* Grow an array: make room for at least @p need elements of @p size in
 * *@p items whose capacity is *@p cap. Returns 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__grow(void **items, size_t *cap, size_t need, size_t size);

/* --- growable string --------------------------------------------------- */
typedef struct upl_buf {
	char *data;   /* NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
	int failed;   /* sticky: an allocation failed */
} upl_buf;

#define UPL_BUF_INIT { NULL, 0, 0, 0 }

/* Make room for extra more bytes (plus the NUL); 1 on success, 0 when the
 * buffer failed. */
UPL_HIDDEN int upl__buf_reserve(upl_buf *b, size_t extra);
UPL_HIDDEN void upl__buf_put(upl_buf *b, const char *s, size_t n);
UPL_HIDDEN void upl__buf_puts(upl_buf *b, const char *s);
UPL_HIDDEN void upl__buf_putc(upl_buf *b, char c);
UPL_HIDDEN void upl__buf_printf(upl_buf *b, const char *fmt, ...) UPL_PRINTF(2, 3);
UPL_HIDDEN void upl__buf_vprintf(upl_buf *b, const char *fmt, va_list ap);
/* Hand the string over (caller frees with upl__dealloc); NULL if failed.
 * Never returns NULL for an empty, successful buffer. */
UPL_HIDDEN char *upl__buf_detach(upl_buf *b, size_t *len);
UPL_HIDDEN void upl__buf_free(upl_buf *b);
struct upl_error;
/* The end of a function that built its output in b: when rc is nonzero the
 * buffer is freed and rc returned; else the string goes to *out (and its
 * length to *len, optional), or UPL_ENOMEM with err set when b failed. */
UPL_HIDDEN int upl__buf_finish(upl_buf *b, int rc, char **out, size_t *len,
			       struct upl_error **err);
/* The end of a function that wrote its output into data (rc its result so
 * far): when rc is 0, data goes to path atomically (upl_write_file_atomic);
 * data is freed either way. Returns the result. */
UPL_HIDDEN int upl__write_built(const char *path, int rc, char *data, size_t len,
				struct upl_error **err);

/* --- errors ------------------------------------------------------------ */
struct upl_error {
	int code;
	char *message;
	char *file;
	unsigned int line;
	unsigned int column;
};

/* Fill *err (when err is not NULL) and return code. A previous error in
 * *err is released first. If the error object itself cannot be allocated,
 * *err is set to NULL (callers still get the code). */
UPL_HIDDEN int upl__error_set(upl_error **err, int code, const char *file,
			      unsigned int line, unsigned int column,
			      const char *fmt, ...) UPL_PRINTF(6, 7);

/* --- UTF-8 ------------------------------------------------------------- */
/* The code point at s (n > 0 bytes available), its sequence length in
 * *len; an invalid or truncated sequence gives -1 with *len = 1. The one
 * decoder: the helpers below and the text module's are built on it. */
UPL_HIDDEN int32_t upl__utf8_decode(const char *s, size_t n, size_t *len);
/* Number of code points in s[0..n), counting each invalid byte as one. */
UPL_HIDDEN size_t upl__utf8_count(const char *s, size_t n);
/* 1 if s[0..n) is valid UTF-8 (no surrogates, no overlongs), else 0; on
 * failure *bad receives the offset of the first bad byte. */
UPL_HIDDEN int upl__utf8_valid(const char *s, size_t n, size_t *bad);
/* The code point at s (n > 0 bytes available) and in *len the length of its
 * sequence; an invalid or truncated sequence gives U+FFFD with *len = 1. */
UPL_HIDDEN unsigned int upl__utf8_next(const char *s, size_t n, size_t *len);
/* The code point that ends at byte off of s (0 when off is 0). */
UPL_HIDDEN unsigned int upl__utf8_prev(const char *s, size_t off);
/* The byte length of the first max code points of s[0..n) (all of it when
 * shorter): a cut that never splits a UTF-8 sequence. An invalid byte
 * counts as one code point. */
UPL_HIDDEN size_t upl__utf8_cut(const char *s, size_t n, size_t max);
/* Append s[0..n) with each invalid byte replaced by U+FFFD. */
UPL_HIDDEN void upl__buf_put_utf8(upl_buf *b, const char *s, size_t n);
/* The first max code points of s[0..n) as valid UTF-8, ending in "…" when
 * cut, for messages that quote text; caller frees with upl__dealloc. NULL
 * when out of memory. */
UPL_HIDDEN char *upl__utf8_excerpt(const char *s, size_t n, size_t max);

/* --- built once per process ------------------------------------------ */
/* A value the whole process shares, built by the first call that needs it
 * and immutable afterwards (the schema, the Han character sets, the
 * embedded holiday data; doc/threads.md lists them). */
typedef struct upl__lazy {
	pthread_mutex_t lock;
	_Atomic(void *) value;
} upl__lazy;

#define UPL__LAZY_INIT { PTHREAD_MUTEX_INITIALIZER, NULL }

/* The value of l: when none is published yet, build() runs under l's lock
 * (one thread at a time) and a non-NULL result is published for good. A
 * NULL from build() (out of memory) is not kept: the next call builds
 * again. Returns NULL only when this call's build failed. */
UPL_HIDDEN void *upl__lazy_get(upl__lazy *l, void *(*build)(void));

/* --- character classes ------------------------------------------------ */
/* 1 for a Han character: Unicode's Script=Han by block, i.e. the CJK
 * radicals (U+2E80-U+2FDF), 々 (U+3005), 〇 (U+3007), the Hangzhou numerals
 * (U+3021-U+3029, U+3038-U+303B), Extension A (U+3400-U+4DBF), the unified
 * ideographs (U+4E00-U+9FFF), the compatibility ideographs (U+F900-U+FAFF)
 * and planes 2 and 3 (U+20000-U+323AF). The one Han test of the library. */
UPL_HIDDEN int upl__is_han(uint32_t cp);
/* 1 for a layout space: U+0020, tab, U+3000 (ideographic), U+00A0. Line
 * breaks are not spaces here; XML's own whitespace is the reader's. */
UPL_HIDDEN int upl__is_space(uint32_t cp);

#endif /* UNIONPLAN_UTIL_PRIVATE_H */

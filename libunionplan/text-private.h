/* Internal helpers of the text module (include/unionplan/text.h), shared by
 * the libunionplan/text-*.c files. Never installed. */
#ifndef UNIONPLAN_TEXT_PRIVATE_H
#define UNIONPLAN_TEXT_PRIVATE_H

#include <stdint.h>

#include <unicode/utypes.h>
#include <unicode/uset.h>

#include <unionplan/text.h>

#include "util-private.h"

/* The length of s: len itself, or strlen(s) for UPL_TEXT_NUL. */
UPL_HIDDEN size_t upl__text_len(const char *s, size_t len);

/* Decode the code point at s[*i] (s has n bytes) and advance *i past it.
 * An invalid or truncated sequence gives -1 and advances by one byte.
 * Requires *i < n. */
UPL_HIDDEN int32_t upl__text_next(const char *s, size_t n, size_t *i);

/* The code point at s[i] without advancing, and its length in *l; -1 (and
 * *l = 1) if invalid, -1 (and *l = 0) at or after the end. */
UPL_HIDDEN int32_t upl__text_peek(const char *s, size_t n, size_t i, size_t *l);

/* The code point that ends just before s[i] (i > 0), its length in *l;
 * -1 if what precedes is not a valid sequence, or i == 0. */
UPL_HIDDEN int32_t upl__text_prev(const char *s, size_t i, size_t *l);

/* 0..9 for ASCII and full-width digits, else -1. */
UPL_HIDDEN int upl__text_digit(int32_t c);

/* Chinese digits: 0..9 for 零〇○ 一…九 两兩 and the financial forms, else -1. */
UPL_HIDDEN int upl__text_han_digit(int32_t c);

/* The value of a Chinese unit: 10 for 十拾, 100 百佰, 1000 千仟, 10000 万萬,
 * 100000000 亿億; else 0. */
UPL_HIDDEN long upl__text_han_unit(int32_t c);

/* 1 for the characters that may be part of a Chinese numeral (digits,
 * 十百千万亿 and their variants). */
UPL_HIDDEN int upl__text_is_han_numeral_char(int32_t c);

/* A small number at s[i]: one or two Arabic digits (ASCII or full-width,
 * not followed by a third), or Chinese: one digit 一..九, or 十, 十D, D十,
 * D十D (1..99, no 零, no 两). On success returns 1, sets *val and *end
 * (byte offset after it) and *han (1 for Chinese). Else 0. */
UPL_HIDDEN int upl__text_small_number(const char *s, size_t n, size_t i, int *val,
				      size_t *end, int *han);

/* A year at s[i]: exactly four Arabic digits (not followed by a fifth),
 * or four Chinese digits (零〇○一…九), or one to four anonymising marks
 * (x X × _ ＿ ｘ Ｘ). Returns 1 with *year (0 when anonymised), *unknown
 * and *end; else 0. The 年 after it is not consumed. */
UPL_HIDDEN int upl__text_year(const char *s, size_t n, size_t i, int *year, int *unknown,
			      size_t *end);

/* UTF-8 (valid) to a freshly allocated UTF-16 buffer (upl__malloc). */
UPL_HIDDEN int upl__text_to_u16(UChar **out, int32_t *out_len, const char *s, size_t len);

/* Append UTF-16 to a buffer as UTF-8; an unpaired surrogate makes it
 * fail (returns UPL_EENCODING, with *bad its index). */
UPL_HIDDEN int upl__text_put_u16(upl_buf *b, const UChar *u, int32_t n, int32_t *bad);

/* Hand over a buffer's string, NUL-terminated even when nothing was
 * written to it (NULL if an allocation failed). */
UPL_HIDDEN char *upl__text_detach(upl_buf *b, size_t *len);

/* Append one code point as UTF-8. */
UPL_HIDDEN void upl__text_put_cp(upl_buf *b, int32_t c);

/* Where a decode stopped: the byte offset in the input of the first bad
 * sequence, its bytes (nbytes = 0 when the failure was not a bad sequence)
 * and the position it stands at, in code points (CR, LF and CRLF each end
 * a line; a dropped byte-order mark takes no column). */
typedef struct upl__text_bad {
	size_t offset;
	char bytes[8];
	int nbytes;
	unsigned int line, column;
} upl__text_bad;

/* Decode buf[0..len) from the ICU charset `charset` to UTF-8, dropping a
 * leading byte-order mark for the UTF encodings and GB18030, and stopping
 * at the first invalid or unmappable sequence. The decoder of
 * upl_text_to_utf8(), for callers that name the charset and report errors
 * their own way. Returns 0 with *out (NUL-terminated, upl__dealloc) and
 * *out_len; UPL_EINVAL (unknown charset); UPL_ENOMEM; UPL_EENCODING with
 * *bad filled. */
UPL_HIDDEN int upl__text_decode(char **out, size_t *out_len, const char *buf, size_t len,
				const char *charset, upl__text_bad *bad);

/* Frozen sets of Han characters (see text-script.c): all of GB2312 and
 * Big5, and their level-1 (most frequent) characters. NULL if ICU lacks the
 * converters or memory ran out; a later call tries again. */
UPL_HIDDEN const USet *upl__text_gb2312_set(void);
UPL_HIDDEN const USet *upl__text_big5_set(void);
UPL_HIDDEN const USet *upl__text_gb2312_l1_set(void);
UPL_HIDDEN const USet *upl__text_big5_l1_set(void);

#endif /* UNIONPLAN_TEXT_PRIVATE_H */

/* Text module: helpers shared by the text-*.c files (UTF-8 stepping,
 * character classes, small numbers and years, UTF-16 conversion). */
#include "config.h"

#include <unicode/ustring.h>

#include "text-private.h"

size_t
upl__text_len(const char *s, size_t len)
{
	if (s == NULL)
		return 0;
	return len == UPL_TEXT_NUL ? strlen(s) : len;
}

int32_t
upl__text_next(const char *s, size_t n, size_t *i)
{
	size_t l;
	int32_t c = upl__utf8_decode(s + *i, n - *i, &l);
	*i += l;
	return c;
}

int32_t
upl__text_peek(const char *s, size_t n, size_t i, size_t *l)
{
	size_t j = i;
	int32_t c;
	if (i >= n) {
		*l = 0;
		return -1;
	}
	c = upl__text_next(s, n, &j);
	*l = j - i;
	return c;
}

int32_t
upl__text_prev(const char *s, size_t i, size_t *l)
{
	size_t start, k;
	*l = 0;
	if (i == 0)
		return -1;
	/* Step back over at most three continuation bytes to a lead byte. */
	start = i - 1;
	for (k = 0; k < 3 && start > 0 && (((const unsigned char *)s)[start] & 0xC0) == 0x80; k++)
		start--;
	{
		size_t j = start;
		int32_t c = upl__text_next(s, i, &j);
		if (c < 0 || j != i)
			return -1;
		*l = i - start;
		return c;
	}
}

int
upl__text_digit(int32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0xFF10 && c <= 0xFF19)
		return (int)(c - 0xFF10);
	return -1;
}

int
upl__text_han_digit(int32_t c)
{
	switch (c) {
	case 0x96F6: /* 零 */
	case 0x3007: /* 〇 */
	case 0x25CB: /* ○ */
		return 0;
	case 0x4E00: /* 一 */
	case 0x58F9: /* 壹 */
		return 1;
	case 0x4E8C: /* 二 */
	case 0x4E24: /* 两 */
	case 0x5169: /* 兩 */
	case 0x8D30: /* 贰 */
	case 0x8CB3: /* 貳 */
		return 2;
	case 0x4E09: /* 三 */
	case 0x53C1: /* 叁 */
	case 0x53C4: /* 叄 */
	case 0x53C3: /* 參 */
		return 3;
	case 0x56DB: /* 四 */
	case 0x8086: /* 肆 */
		return 4;
	case 0x4E94: /* 五 */
	case 0x4F0D: /* 伍 */
		return 5;
	case 0x516D: /* 六 */
	case 0x9646: /* 陆 */
	case 0x9678: /* 陸 */
		return 6;
	case 0x4E03: /* 七 */
	case 0x67D2: /* 柒 */
		return 7;
	case 0x516B: /* 八 */
	case 0x634C: /* 捌 */
		return 8;
	case 0x4E5D: /* 九 */
	case 0x7396: /* 玖 */
		return 9;
	default:
		return -1;
	}
}

long
upl__text_han_unit(int32_t c)
{
	switch (c) {
	case 0x5341: /* 十 */
	case 0x62FE: /* 拾 */
		return 10;
	case 0x767E: /* 百 */
	case 0x4F70: /* 佰 */
		return 100;
	case 0x5343: /* 千 */
	case 0x4EDF: /* 仟 */
		return 1000;
	case 0x4E07: /* 万 */
	case 0x842C: /* 萬 */
		return 10000L;
	case 0x4EBF: /* 亿 */
	case 0x5104: /* 億 */
		return 100000000L;
	default:
		return 0;
	}
}

int
upl__text_is_han_numeral_char(int32_t c)
{
	return upl__text_han_digit(c) >= 0 || upl__text_han_unit(c) != 0;
}

/* 一..九 only: the digits a small number may use. */
static int
small_han_digit(int32_t c)
{
	int d;
	if (c == 0x4E24 || c == 0x5169 || c == 0x25CB)
		return -1; /* 两 兩 ○ are not used in month, day or label numbers */
	d = upl__text_han_digit(c);
	return d >= 1 ? d : -1;
}

int
upl__text_small_number(const char *s, size_t n, size_t i, int *val, size_t *end, int *han)
{
	size_t l1, l2, l3;
	int32_t c = upl__text_peek(s, n, i, &l1);
	int d = upl__text_digit(c);
	if (d >= 0) {
		int32_t c2 = upl__text_peek(s, n, i + l1, &l2);
		int d2 = upl__text_digit(c2);
		if (d2 < 0) {
			*val = d;
			*end = i + l1;
			*han = 0;
			return 1;
		}
		if (upl__text_digit(upl__text_peek(s, n, i + l1 + l2, &l3)) >= 0)
			return 0; /* three digits or more */
		*val = d * 10 + d2;
		*end = i + l1 + l2;
		*han = 0;
		return 1;
	}
	if (c == 0x5341) { /* 十, 十D */
		int32_t c2 = upl__text_peek(s, n, i + l1, &l2);
		int d2 = small_han_digit(c2);
		*han = 1;
		if (d2 >= 1) {
			*val = 10 + d2;
			*end = i + l1 + l2;
		} else {
			*val = 10;
			*end = i + l1;
		}
		return 1;
	}
	d = small_han_digit(c);
	if (d >= 1) {
		int32_t c2 = upl__text_peek(s, n, i + l1, &l2);
		*han = 1;
		if (c2 == 0x5341) { /* D十, D十D */
			int32_t c3 = upl__text_peek(s, n, i + l1 + l2, &l3);
			int d3 = small_han_digit(c3);
			if (d3 >= 1) {
				*val = d * 10 + d3;
				*end = i + l1 + l2 + l3;
			} else {
				*val = d * 10;
				*end = i + l1 + l2;
			}
			return 1;
		}
		*val = d;
		*end = i + l1;
		return 1;
	}
	return 0;
}

static int
is_anon_mark(int32_t c)
{
	return c == 'x' || c == 'X' || c == 0xD7 /* × */ || c == '_' || c == 0xFF3F /* ＿ */ ||
	       c == 0xFF58 /* ｘ */ || c == 0xFF38 /* Ｘ */;
}

int
upl__text_year(const char *s, size_t n, size_t i, int *year, int *unknown, size_t *end)
{
	size_t j = i, l;
	int k, v = 0;
	int32_t c = upl__text_peek(s, n, j, &l);

	if (upl__text_digit(c) >= 0) {
		for (k = 0; k < 4; k++) {
			int d = upl__text_digit(upl__text_peek(s, n, j, &l));
			if (d < 0)
				return 0;
			v = v * 10 + d;
			j += l;
		}
		if (upl__text_digit(upl__text_peek(s, n, j, &l)) >= 0)
			return 0;
		if (v < 1)
			return 0;
		*year = v;
		*unknown = 0;
		*end = j;
		return 1;
	}
	if (upl__text_han_digit(c) >= 0) {
		for (k = 0; k < 4; k++) {
			int32_t h = upl__text_peek(s, n, j, &l);
			int d = upl__text_han_digit(h);
			if (d < 0 || h == 0x4E24 || h == 0x5169)
				return 0;
			v = v * 10 + d;
			j += l;
		}
		if (upl__text_is_han_numeral_char(upl__text_peek(s, n, j, &l)))
			return 0;
		if (v < 1)
			return 0;
		*year = v;
		*unknown = 0;
		*end = j;
		return 1;
	}
	if (is_anon_mark(c)) {
		for (k = 0; k < 4 && is_anon_mark(upl__text_peek(s, n, j, &l)); k++)
			j += l;
		if (is_anon_mark(upl__text_peek(s, n, j, &l)))
			return 0;
		*year = 0;
		*unknown = 1;
		*end = j;
		return 1;
	}
	return 0;
}

int
upl__text_to_u16(UChar **out, int32_t *out_len, const char *s, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = 0;
	UChar *u;
	*out = NULL;
	*out_len = 0;
	if (len > (size_t)INT32_MAX)
		return UPL_ERANGE;
	u_strFromUTF8(NULL, 0, &need, s, (int32_t)len, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return UPL_EINVAL;
	u = upl__malloc(((size_t)need + 1) * sizeof *u);
	if (u == NULL)
		return UPL_ENOMEM;
	st = U_ZERO_ERROR;
	u_strFromUTF8(u, need + 1, NULL, s, (int32_t)len, &st);
	if (U_FAILURE(st)) {
		upl__dealloc(u);
		return UPL_EINVAL;
	}
	*out = u;
	*out_len = need;
	return 0;
}

char *
upl__text_detach(upl_buf *b, size_t *len)
{
	upl__buf_put(b, "", 0); /* writes the NUL, allocating if need be */
	return upl__buf_detach(b, len);
}

void
upl__text_put_cp(upl_buf *b, int32_t c)
{
	char tmp[4];
	size_t n;
	uint32_t u = (uint32_t)c;
	if (u < 0x80) {
		tmp[0] = (char)u;
		n = 1;
	} else if (u < 0x800) {
		tmp[0] = (char)(0xC0 | (u >> 6));
		tmp[1] = (char)(0x80 | (u & 0x3F));
		n = 2;
	} else if (u < 0x10000) {
		tmp[0] = (char)(0xE0 | (u >> 12));
		tmp[1] = (char)(0x80 | ((u >> 6) & 0x3F));
		tmp[2] = (char)(0x80 | (u & 0x3F));
		n = 3;
	} else {
		tmp[0] = (char)(0xF0 | (u >> 18));
		tmp[1] = (char)(0x80 | ((u >> 12) & 0x3F));
		tmp[2] = (char)(0x80 | ((u >> 6) & 0x3F));
		tmp[3] = (char)(0x80 | (u & 0x3F));
		n = 4;
	}
	upl__buf_put(b, tmp, n);
}

int
upl__text_put_u16(upl_buf *b, const UChar *u, int32_t n, int32_t *bad)
{
	int32_t i = 0;
	while (i < n) {
		uint32_t c = u[i];
		if (c >= 0xD800 && c <= 0xDBFF) {
			if (i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
				c = 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)u[i + 1] - 0xDC00);
				i += 2;
			} else {
				if (bad)
					*bad = i;
				return UPL_EENCODING;
			}
		} else if (c >= 0xDC00 && c <= 0xDFFF) {
			if (bad)
				*bad = i;
			return UPL_EENCODING;
		} else {
			i++;
		}
		upl__text_put_cp(b, (int32_t)c);
	}
	return 0;
}

/* Text module: numbering labels (一、 （一） 1. （1） ⑴ ①). */
#include "config.h"

#include "text-private.h"

/* Characters that are a whole label: circled and parenthesised numbers. */
typedef struct char_range {
	int32_t first, last;
	long number;           /* number of the first */
	upl_label_style style;
} char_range;

static const char_range single_chars[] = {
	{ 0x2460, 0x2473, 1, UPL_LABEL_CIRCLED },      /* ① … ⑳ */
	{ 0x3251, 0x325F, 21, UPL_LABEL_CIRCLED },     /* ㉑ … ㉟ */
	{ 0x32B1, 0x32BF, 36, UPL_LABEL_CIRCLED },     /* ㊱ … ㊿ */
	{ 0x2776, 0x277F, 1, UPL_LABEL_CIRCLED },      /* ❶ … ❿ */
	{ 0x2780, 0x2789, 1, UPL_LABEL_CIRCLED },      /* ➀ … ➉ */
	{ 0x278A, 0x2793, 1, UPL_LABEL_CIRCLED },      /* ➊ … ➓ */
	{ 0x24EB, 0x24F4, 11, UPL_LABEL_CIRCLED },     /* ⓫ … ⓴ */
	{ 0x24F5, 0x24FE, 1, UPL_LABEL_CIRCLED },      /* ⓵ … ⓾ */
	{ 0x2474, 0x2487, 1, UPL_LABEL_PAREN_CHAR },   /* ⑴ … ⒇ */
	{ 0x2488, 0x249B, 1, UPL_LABEL_DIGIT_DOT },    /* ⒈ … ⒛ */
	{ 0x3220, 0x3229, 1, UPL_LABEL_HAN_PAREN },    /* ㈠ … ㈩ */
};

static int
is_comma(int32_t c)
{
	return c == 0x3001 /* 、 */ || c == 0xFF0C /* ， */ || c == ',' ||
	       c == 0xFF64 /* ､ */ || c == 0xFE51 /* ﹑ */;
}

static int
is_dot(int32_t c)
{
	return c == '.' || c == 0xFF0E /* ． */;
}

static int
is_open(int32_t c)
{
	return c == '(' || c == 0xFF08 /* （ */;
}

static int
is_close(int32_t c)
{
	return c == ')' || c == 0xFF09 /* ） */;
}

/* A numeral character (Arabic or Chinese) at s[i]. */
static int
numeral_at(const char *s, size_t n, size_t i)
{
	size_t l;
	int32_t c = upl__text_peek(s, n, i, &l);
	return upl__text_digit(c) >= 0 || upl__text_is_han_numeral_char(c);
}

/* One optional trailing 、 ， , ． . after a closing parenthesis or a
 * single-character label. */
static size_t
trailing(const char *s, size_t n, size_t i)
{
	size_t l;
	int32_t c = upl__text_peek(s, n, i, &l);
	if (is_comma(c) || is_dot(c))
		return i + l;
	return i;
}

/* One to three Arabic digits, value 1..999, not followed by a fourth. */
static int
arabic_label_number(const char *s, size_t n, size_t i, long *val, size_t *end)
{
	size_t l;
	long v = 0;
	int count = 0, d;
	while ((d = upl__text_digit(upl__text_peek(s, n, i, &l))) >= 0) {
		if (++count > 3)
			return 0;
		v = v * 10 + d;
		i += l;
	}
	if (count == 0 || v < 1)
		return 0;
	*val = v;
	*end = i;
	return 1;
}

/* A Han number 1..99 (一, 十二, 二十八), not followed by another numeral character. */
static int
han_label_number(const char *s, size_t n, size_t i, long *val, size_t *end)
{
	int v, han;
	size_t e, l;
	if (!upl__text_small_number(s, n, i, &v, &e, &han) || !han)
		return 0;
	if (upl__text_is_han_numeral_char(upl__text_peek(s, n, e, &l)))
		return 0; /* 二〇一三、 一百、 */
	*val = v;
	*end = e;
	return 1;
}

static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
	return i + upl_text_space_len(s + i, n - i);
}

static int
done(upl_text_label *out, const char *s, size_t n, size_t start, size_t end,
     upl_label_style style, long number)
{
	out->style = style;
	out->level = upl_text_label_level(style);
	out->number = number;
	out->label_len = end - start;
	out->text_offset = skip_spaces(s, n, end);
	return 0;
}

int
upl_text_label_parse(upl_text_label *out, const char *s, size_t len)
{
	size_t n, i, l, e, k;
	int32_t c;
	long v;

	if (out == NULL || s == NULL)
		return UPL_EINVAL;
	n = upl__text_len(s, len);
	i = upl_text_space_len(s, n);
	c = upl__text_peek(s, n, i, &l);
	if (c < 0)
		return UPL_ENOTFOUND;

	/* ① ⑴ ⒈ ㈠ */
	for (k = 0; k < sizeof single_chars / sizeof single_chars[0]; k++) {
		const char_range *r = &single_chars[k];
		if (c >= r->first && c <= r->last)
			return done(out, s, n, i, trailing(s, n, i + l), r->style,
				    r->number + (c - r->first));
	}

	/* what every form below starts with: a bracket, a digit, 第 or a Han
	 * numeral character (most text is none, and goes no further) */
	if (!is_open(c) && upl__text_digit(c) < 0 && c != 0x7B2C && !upl__text_is_han_numeral_char(c))
		return UPL_ENOTFOUND;

	/* （1） (1) （一） ( 三) */
	if (is_open(c)) {
		size_t j = skip_spaces(s, n, i + l), after;
		upl_label_style style;
		if (arabic_label_number(s, n, j, &v, &e))
			style = UPL_LABEL_DIGIT_PAREN;
		else if (han_label_number(s, n, j, &v, &e))
			style = UPL_LABEL_HAN_PAREN;
		else
			return UPL_ENOTFOUND;
		j = skip_spaces(s, n, e);
		if (!is_close(upl__text_peek(s, n, j, &l)))
			return UPL_ENOTFOUND;
		after = trailing(s, n, j + l);
		return done(out, s, n, i, after, style, v);
	}

	/* 1. 1、 1) */
	if (arabic_label_number(s, n, i, &v, &e)) {
		size_t l2;
		int32_t sep = upl__text_peek(s, n, e, &l);
		int32_t next = upl__text_peek(s, n, e + l, &l2);
		if (is_dot(sep)) {
			if (upl__text_digit(next) >= 0)
				return UPL_ENOTFOUND; /* 1.5 3.8 2012.9 */
			return done(out, s, n, i, e + l, UPL_LABEL_DIGIT_DOT, v);
		}
		if (is_comma(sep)) {
			if (sep == ',' && upl__text_digit(next) >= 0)
				return UPL_ENOTFOUND; /* 1,000 */
			return done(out, s, n, i, e + l, UPL_LABEL_DIGIT_COMMA, v);
		}
		if (is_close(sep))
			return done(out, s, n, i, trailing(s, n, e + l), UPL_LABEL_DIGIT_PAREN, v);
		return UPL_ENOTFOUND;
	}

	/* 一、 第一、 一. 一） */
	{
		size_t j = i;
		if (c == 0x7B2C) /* 第 */
			j += l;
		if (han_label_number(s, n, j, &v, &e)) {
			int32_t sep = upl__text_peek(s, n, e, &l);
			if (is_comma(sep))
				return done(out, s, n, i, e + l, UPL_LABEL_HAN_COMMA, v);
			if (is_dot(sep)) {
				if (numeral_at(s, n, e + l))
					return UPL_ENOTFOUND; /* 三.八 五.一: dates */
				return done(out, s, n, i, e + l, UPL_LABEL_HAN_COMMA, v);
			}
			if (j == i && is_close(sep))
				return done(out, s, n, i, trailing(s, n, e + l), UPL_LABEL_HAN_PAREN, v);
		}
	}
	return UPL_ENOTFOUND;
}

int
upl_text_label_level(upl_label_style style)
{
	switch (style) {
	case UPL_LABEL_HAN_COMMA: return 1;
	case UPL_LABEL_HAN_PAREN: return 2;
	case UPL_LABEL_DIGIT_DOT: return 3;
	case UPL_LABEL_DIGIT_COMMA: return 3;
	case UPL_LABEL_DIGIT_PAREN: return 4;
	case UPL_LABEL_PAREN_CHAR: return 4;
	case UPL_LABEL_CIRCLED: return 5;
	default: return 0;
	}
}

int
upl_text_label_format(char **out, upl_label_style style, long number)
{
	upl_buf b = UPL_BUF_INIT;
	char *han = NULL, *r;
	int rc;

	if (out == NULL)
		return UPL_EINVAL;
	switch (style) {
	case UPL_LABEL_HAN_COMMA:
	case UPL_LABEL_HAN_PAREN:
		if (number < 1 || number > 99)
			return UPL_ERANGE;
		rc = upl_text_numeral_format(&han, number, 0);
		if (rc != 0)
			return rc;
		if (style == UPL_LABEL_HAN_COMMA)
			upl__buf_printf(&b, "%s、", han);
		else
			upl__buf_printf(&b, "（%s）", han);
		upl__dealloc(han);
		break;
	case UPL_LABEL_DIGIT_DOT:
	case UPL_LABEL_DIGIT_COMMA:
	case UPL_LABEL_DIGIT_PAREN:
		if (number < 1 || number > 999)
			return UPL_ERANGE;
		if (style == UPL_LABEL_DIGIT_DOT)
			upl__buf_printf(&b, "%ld.", number);
		else if (style == UPL_LABEL_DIGIT_COMMA)
			upl__buf_printf(&b, "%ld、", number);
		else
			upl__buf_printf(&b, "（%ld）", number);
		break;
	case UPL_LABEL_PAREN_CHAR:
		if (number < 1 || number > 20)
			return UPL_ERANGE;
		upl__text_put_cp(&b, (int32_t)(0x2474 + number - 1));
		break;
	case UPL_LABEL_CIRCLED:
		if (number < 1 || number > 50)
			return UPL_ERANGE;
		if (number <= 20)
			upl__text_put_cp(&b, (int32_t)(0x2460 + number - 1));
		else if (number <= 35)
			upl__text_put_cp(&b, (int32_t)(0x3251 + number - 21));
		else
			upl__text_put_cp(&b, (int32_t)(0x32B1 + number - 36));
		break;
	default:
		return UPL_EINVAL;
	}
	r = upl__text_detach(&b, NULL);
	if (r == NULL)
		return UPL_ENOMEM;
	*out = r;
	return 0;
}

/* Text module: Chinese numerals, parsed and formatted. */
#include "config.h"

#include <limits.h>

#include "text-private.h"

enum tok_kind { T_END, T_DIGIT, T_ARABIC, T_UNIT, T_BIG };

typedef struct tok {
	enum tok_kind kind;
	long value;     /* digit value, Arabic value, or unit */
	int32_t cp;     /* the character, for T_DIGIT */
	int ndigits;    /* T_ARABIC */
	int overflow;   /* T_ARABIC: does not fit in a long */
	size_t end;     /* byte offset after the token */
} tok;

static void
next_tok(const char *s, size_t n, size_t i, tok *t)
{
	size_t l;
	int32_t c = upl__text_peek(s, n, i, &l);
	int d;
	memset(t, 0, sizeof *t);
	t->kind = T_END;
	t->end = i;
	if (c < 0)
		return;
	d = upl__text_digit(c);
	if (d >= 0) {
		long v = 0;
		t->kind = T_ARABIC;
		while ((d = upl__text_digit(upl__text_peek(s, n, i, &l))) >= 0) {
			if (v > (LONG_MAX - d) / 10)
				t->overflow = 1;
			else
				v = v * 10 + d;
			t->ndigits++;
			i += l;
		}
		t->value = v;
		t->end = i;
		return;
	}
	d = upl__text_han_digit(c);
	if (d >= 0) {
		t->kind = T_DIGIT;
		t->value = d;
		t->cp = c;
		t->end = i + l;
		return;
	}
	t->value = upl__text_han_unit(c);
	if (t->value == 0)
		return;
	t->kind = t->value < 10000 ? T_UNIT : T_BIG; /* 十百千, 万亿 */
	t->end = i + l;
}

static int
is_liang(int32_t c)
{
	return c == 0x4E24 || c == 0x5169;
}

/* End of the run of numeral characters that starts at 0. */
static size_t
run_end(const char *s, size_t n)
{
	size_t i = 0;
	for (;;) {
		tok t;
		next_tok(s, n, i, &t);
		if (t.kind == T_END)
			return i;
		i = t.end;
	}
}

static int
fail(int rc, size_t *consumed, const char *s, size_t n)
{
	if (consumed)
		*consumed = run_end(s, n);
	return rc;
}

/* Where unit_grammar is in a numeral with units, read left to right:
 * 3万2500 is the section 3 times 万, then the section 2500. */
typedef struct units {
	long total;          /* the finished sections, times their 万 or 亿 */
	long section;        /* the section being read (below 万) */
	long coef;           /* a number waiting for its unit */
	long last_small;     /* the section's last 十 百 千 (10000: none yet) */
	long last_big;       /* the last 万 or 亿 (0: none yet) */
	long last_unit;      /* the last unit of either kind (0: none yet) */
	int have_coef;
	int coef_ndigits;    /* digits of the coefficient (1 for a Chinese digit) */
	int coef_after_zero; /* a 零 came before the coefficient */
	int zero_pending;    /* a 零 not yet followed by anything */
	size_t zero_at;      /* where that 零 is */
} units;

/* What each step says: go on, or stop before the token (十两). Errors are
 * negative. */
enum { UNITS_ON = 0, UNITS_STOP = 1 };

/* 零: one at a time, and not after a number still waiting for its unit. */
static int
units_zero(units *u, size_t pos)
{
	if (u->have_coef || u->zero_pending)
		return UPL_EINVAL;
	u->zero_pending = 1;
	u->zero_at = pos;
	return UNITS_ON;
}

/* A digit or an Arabic number: the coefficient of the next unit. */
static int
units_coef(units *u, const tok *t, const char *s, size_t n)
{
	if (u->have_coef)
		return UPL_EINVAL;
	if (t->kind == T_DIGIT && is_liang(t->cp)) {
		tok after;
		next_tok(s, n, t->end, &after);
		if (after.kind != T_UNIT && after.kind != T_BIG)
			return UNITS_STOP; /* 十两: the measure word, not a digit */
	}
	if (t->overflow)
		return UPL_ERANGE;
	u->coef = t->value;
	u->have_coef = 1;
	u->coef_ndigits = t->kind == T_ARABIC ? t->ndigits : 1;
	u->coef_after_zero = u->zero_pending;
	u->zero_pending = 0;
	return UNITS_ON;
}

/* 十 百 千: after a digit 1..9 (十 alone too), each smaller than the last. */
static int
units_small(units *u, const tok *t)
{
	long c;
	if (u->zero_pending)
		return UPL_EINVAL;
	if (!u->have_coef) {
		if (t->value != 10)
			return UPL_EINVAL;
		c = 1;
	} else {
		c = u->coef;
		if (c < 1 || c > 9)
			return UPL_EINVAL;
	}
	if (t->value >= u->last_small)
		return UPL_EINVAL;
	u->section += c * t->value;
	u->last_small = t->value;
	u->last_unit = t->value;
	u->have_coef = 0;
	return UNITS_ON;
}

/* 万 亿: close the section, which must be smaller than the unit, and each
 * big unit smaller than the last. */
static int
units_big(units *u, const tok *t)
{
	if (u->zero_pending)
		return UPL_EINVAL;
	if (u->have_coef) {
		if (u->coef > LONG_MAX - u->section)
			return UPL_ERANGE;
		u->section += u->coef;
		u->have_coef = 0;
	}
	if (u->section == 0 || u->section >= t->value || (u->last_big != 0 && t->value >= u->last_big))
		return UPL_EINVAL;
	if (u->section > (LONG_MAX - u->total) / t->value)
		return UPL_ERANGE;
	u->total += u->section * t->value;
	u->section = 0;
	u->last_small = 10000;
	u->last_big = t->value;
	u->last_unit = t->value;
	return UNITS_ON;
}

/* The value once the tokens are read: a coefficient left over is the
 * last digit (一百零五), or a tenth of the last unit (一百五 = 150). */
static int
units_value(const units *u, long *value)
{
	long tail = 0;
	if (u->have_coef) {
		if (!u->coef_after_zero && u->last_unit >= 100 && u->coef_ndigits == 1) {
			tail = u->coef * (u->last_unit / 10);
		} else {
			if (u->last_unit != 0 && u->coef >= u->last_unit)
				return UPL_EINVAL;
			tail = u->coef;
		}
	}
	if (u->section > LONG_MAX - u->total || tail > LONG_MAX - u->total - u->section)
		return UPL_ERANGE;
	*value = u->total + u->section + tail;
	return 0;
}

/* Numerals with units: 十二, 一百零五, 3万2500 … */
static int
unit_grammar(long *out, size_t *consumed, const char *s, size_t n)
{
	units u;
	size_t pos = 0;
	int rc = UNITS_ON;

	memset(&u, 0, sizeof u);
	u.last_small = 10000;
	while (rc == UNITS_ON) {
		tok t;
		next_tok(s, n, pos, &t);
		if (t.kind == T_END)
			break;
		if (t.kind == T_DIGIT && t.value == 0)
			rc = units_zero(&u, pos);
		else if (t.kind == T_DIGIT || t.kind == T_ARABIC)
			rc = units_coef(&u, &t, s, n);
		else if (t.kind == T_UNIT)
			rc = units_small(&u, &t);
		else
			rc = units_big(&u, &t);
		if (rc == UNITS_ON)
			pos = t.end;
	}
	if (rc >= 0)
		rc = units_value(&u, out);
	if (rc < 0)
		return fail(rc, consumed, s, n);
	if (consumed)
		*consumed = u.zero_pending ? u.zero_at : pos; /* a trailing 零 is not part of it */
	return 0;
}

int
upl_text_numeral_parse(long *out, size_t *consumed, const char *s, size_t len)
{
	size_t n;
	tok t, t2;

	if (consumed)
		*consumed = 0;
	if (out == NULL || s == NULL)
		return UPL_EINVAL;
	n = upl__text_len(s, len);
	next_tok(s, n, 0, &t);
	switch (t.kind) {
	case T_ARABIC:
		next_tok(s, n, t.end, &t2);
		if (t2.kind == T_UNIT || t2.kind == T_BIG)
			return unit_grammar(out, consumed, s, n);
		if (t.overflow) {
			if (consumed)
				*consumed = t.end;
			return UPL_ERANGE;
		}
		*out = t.value;
		if (consumed)
			*consumed = t.end;
		return 0;
	case T_DIGIT: {
		/* a run of digits without units is read digit by digit */
		size_t end = 0;
		int count = 0, liang = 0, overflow = 0;
		long v = 0;
		tok d = t;
		while (d.kind == T_DIGIT) {
			if (is_liang(d.cp))
				liang = 1;
			if (v > (LONG_MAX - d.value) / 10)
				overflow = 1;
			else
				v = v * 10 + d.value;
			count++;
			end = d.end;
			next_tok(s, n, end, &d);
		}
		if (count >= 2) {
			if (d.kind == T_UNIT || d.kind == T_BIG || liang)
				return fail(UPL_EINVAL, consumed, s, n);
			if (overflow)
				return fail(UPL_ERANGE, consumed, s, n);
			*out = v;
			if (consumed)
				*consumed = end;
			return 0;
		}
		if (t.cp == 0x25CB)
			return UPL_ENOTFOUND; /* a lone ○ is a bullet */
		if (d.kind == T_UNIT || d.kind == T_BIG)
			return unit_grammar(out, consumed, s, n);
		*out = t.value;
		if (consumed)
			*consumed = t.end;
		return 0;
	}
	case T_UNIT:
		if (t.value != 10)
			return UPL_ENOTFOUND;
		return unit_grammar(out, consumed, s, n);
	default:
		return UPL_ENOTFOUND;
	}
}

/* --- formatting --------------------------------------------------------------- */

static const char *const han_digits[10] = {
	"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"
};
static const char *const han_places[4] = { "", "十", "百", "千" };

/* v in 1..9999 */
static void
put_section(upl_buf *b, long v, int leading)
{
	long div = 1000;
	int place, printed = 0, inner_zero = 0;
	for (place = 3; place >= 0; place--, div /= 10) {
		int d = (int)((v / div) % 10);
		if (d == 0) {
			if (printed)
				inner_zero = 1;
			continue;
		}
		if (inner_zero) {
			upl__buf_puts(b, han_digits[0]);
			inner_zero = 0;
		}
		if (!(place == 1 && d == 1 && !printed && leading))
			upl__buf_puts(b, han_digits[d]);
		upl__buf_puts(b, han_places[place]);
		printed = 1;
	}
}

int
upl_text_numeral_format(char **out, long n, unsigned int flags)
{
	upl_buf b = UPL_BUF_INIT;
	char *r;

	if (out == NULL || (flags & ~UPL_TEXT_NUMERAL_YEAR) != 0)
		return UPL_EINVAL;
	if (n < 0)
		return UPL_ERANGE;
	if (flags & UPL_TEXT_NUMERAL_YEAR) {
		char digits[32];
		int k, len = snprintf(digits, sizeof digits, "%ld", n);
		for (k = 0; k < len; k++)
			upl__buf_puts(&b, digits[k] == '0' ? "〇" : han_digits[digits[k] - '0']);
	} else if (n == 0) {
		upl__buf_puts(&b, han_digits[0]);
	} else {
		static const char *const big[3] = { "亿", "万", "" };
		long parts[3];
		int k, started = 0, need_zero = 0;
		if ((long long)n >= 1000000000000LL)
			return UPL_ERANGE;
		parts[0] = n / 100000000L;
		parts[1] = (n / 10000L) % 10000L;
		parts[2] = n % 10000L;
		for (k = 0; k < 3; k++) {
			if (parts[k] == 0) {
				if (started)
					need_zero = 1;
				continue;
			}
			if (started && (need_zero || parts[k] < 1000))
				upl__buf_puts(&b, han_digits[0]);
			put_section(&b, parts[k], !started);
			upl__buf_puts(&b, big[k]);
			started = 1;
			need_zero = 0;
		}
	}
	r = upl__text_detach(&b, NULL);
	if (r == NULL)
		return UPL_ENOMEM;
	*out = r;
	return 0;
}

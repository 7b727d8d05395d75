/* Numbers in the numbering formats of WordprocessingML (w:numFmt) and
 * OpenDocument (style:num-format), written as Word and LibreOffice print
 * them: chineseCounting 十二, ideographTraditional 甲乙丙, decimalEnclosedCircle
 * ①, decimalEnclosedParen ⑴, and the Latin ones. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <unionplan/text.h>

#include "office-private.h"

/* Code point cp as UTF-8. */
static void
put_cp(upl_buf *b, unsigned int cp)
{
	char s[4];
	if (cp < 0x80) {
		upl__buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		upl__buf_put(b, s, 2);
	} else {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		upl__buf_put(b, s, 3);
	}
}

static void
put_decimal(upl_buf *b, long n)
{
	upl__buf_printf(b, "%ld", n);
}

/* 一 … 十二 … 一百零五, as chineseCounting and taiwaneseCounting print them. */
static void
put_han(upl_buf *b, long n)
{
	char *s = NULL;
	if (n < 0 || upl_text_numeral_format(&s, n, 0) != 0) {
		put_decimal(b, n);
		return;
	}
	upl__buf_puts(b, s);
	upl_free(s);
}

/* 〇一二三 digit by digit (ideographDigital). */
static void
put_han_digits(upl_buf *b, long n)
{
	static const char *const d[10] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	char s[24];
	size_t i;
	snprintf(s, sizeof s, "%ld", n < 0 ? 0 : n);
	for (i = 0; s[i]; i++)
		upl__buf_puts(b, d[s[i] - '0']);
}

/* a … z, aa … zz (Word repeats the letter). */
static void
put_letter(upl_buf *b, long n, char base)
{
	long k, reps;
	if (n < 1) {
		put_decimal(b, n);
		return;
	}
	reps = (n - 1) / 26 + 1;
	for (k = 0; k < reps && k < 64; k++)
		upl__buf_putc(b, (char)(base + (n - 1) % 26));
}

static void
put_roman(upl_buf *b, long n, int upper)
{
	static const struct { int v; const char *u, *l; } r[] = {
		{ 1000, "M", "m" }, { 900, "CM", "cm" }, { 500, "D", "d" }, { 400, "CD", "cd" },
		{ 100, "C", "c" }, { 90, "XC", "xc" }, { 50, "L", "l" }, { 40, "XL", "xl" },
		{ 10, "X", "x" }, { 9, "IX", "ix" }, { 5, "V", "v" }, { 4, "IV", "iv" }, { 1, "I", "i" }
	};
	size_t i;
	if (n < 1 || n > 3999) {
		put_decimal(b, n);
		return;
	}
	for (i = 0; i < sizeof r / sizeof r[0]; i++)
		while (n >= r[i].v) {
			upl__buf_puts(b, upper ? r[i].u : r[i].l);
			n -= r[i].v;
		}
}

/* A number from a run of code points: first + n - 1 while n <= count. */
static void
put_run(upl_buf *b, long n, unsigned int first, long count)
{
	if (n >= 1 && n <= count)
		put_cp(b, first + (unsigned int)(n - 1));
	else
		put_decimal(b, n);
}

static void
put_stem(upl_buf *b, long n)
{
	static const char *const stems[10] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };
	if (n >= 1 && n <= 10)
		upl__buf_puts(b, stems[n - 1]);
	else
		put_decimal(b, n);
}

typedef struct num_fmt {
	const char *name;
	int kind;
} num_fmt;

enum { K_DEC, K_HAN, K_HAN_DIGITS, K_STEM, K_CIRCLE, K_PAREN, K_STOP, K_FULL, K_LOWER, K_UPPER,
       K_LROMAN, K_UROMAN, K_NONE, K_DEC_ZERO };

/* The WordprocessingML names, and the OpenDocument ones (1, a, A, i, I, ①,
 * 一, 甲 …) that LibreOffice writes in style:num-format. */
static const num_fmt formats[] = {
	{ "decimal", K_DEC }, { "1", K_DEC }, { "decimalZero", K_DEC_ZERO },
	{ "chineseCounting", K_HAN }, { "chineseCountingThousand", K_HAN },
	{ "taiwaneseCounting", K_HAN }, { "taiwaneseCountingThousand", K_HAN },
	{ "japaneseCounting", K_HAN }, { "一, 二, 三, ...", K_HAN }, { "一", K_HAN },
	{ "ideographDigital", K_HAN_DIGITS }, { "taiwaneseDigital", K_HAN_DIGITS },
	{ "ideographTraditional", K_STEM }, { "甲, 乙, 丙, ...", K_STEM }, { "甲", K_STEM },
	{ "decimalEnclosedCircle", K_CIRCLE }, { "decimalEnclosedCircleChinese", K_CIRCLE },
	{ "①, ②, ③, ...", K_CIRCLE }, { "①", K_CIRCLE },
	{ "decimalEnclosedParen", K_PAREN }, { "decimalEnclosedFullstop", K_STOP },
	{ "decimalFullWidth", K_FULL }, { "decimalFullWidth2", K_FULL }, { "１, ２, ３, ...", K_FULL },
	{ "lowerLetter", K_LOWER }, { "a", K_LOWER }, { "upperLetter", K_UPPER }, { "A", K_UPPER },
	{ "lowerRoman", K_LROMAN }, { "i", K_LROMAN }, { "upperRoman", K_UROMAN }, { "I", K_UROMAN },
	{ "none", K_NONE }, { "bullet", K_NONE }, { "", K_NONE },
};

void
upl__off_num_format(upl_buf *b, const char *fmt, long n)
{
	int kind = K_DEC;
	size_t i;
	for (i = 0; fmt && i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(fmt, formats[i].name) == 0) {
			kind = formats[i].kind;
			break;
		}
	switch (kind) {
	case K_HAN: put_han(b, n); break;
	case K_HAN_DIGITS: put_han_digits(b, n); break;
	case K_STEM: put_stem(b, n); break;
	case K_CIRCLE: put_run(b, n, 0x2460, 20); break;
	case K_PAREN: put_run(b, n, 0x2474, 20); break;
	case K_STOP: put_run(b, n, 0x2488, 20); break;
	case K_LOWER: put_letter(b, n, 'a'); break;
	case K_UPPER: put_letter(b, n, 'A'); break;
	case K_LROMAN: put_roman(b, n, 0); break;
	case K_UROMAN: put_roman(b, n, 1); break;
	case K_NONE: break;
	case K_DEC_ZERO: upl__buf_printf(b, "%02ld", n); break;
	case K_FULL:
		if (n >= 0 && n < 10) {
			put_cp(b, 0xFF10 + (unsigned int)n);
			break;
		}
		/* fall through */
	default: put_decimal(b, n); break;
	}
}

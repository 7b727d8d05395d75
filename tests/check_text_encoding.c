/* Unit tests for encoding detection and decoding (upl_text_detect,
 * upl_text_to_utf8): the seeds in GB18030, Big5 and Big5-HKSCS (made with
 * iconv, tests/data/text/make-fixtures.sh), byte-order marks, and every
 * kind of bad input with the byte offset and position it must report. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

/* Independent UTF-8 decoding for building UTF-16/32 inputs (valid input only). */
static uint32_t
next_cp(const unsigned char *s, size_t *i)
{
	uint32_t c = s[*i];
	int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
	int k;
	if (extra)
		c &= 0x3F >> extra;
	for (k = 1; k <= extra; k++)
		c = (c << 6) | (s[*i + (size_t)k] & 0x3F);
	*i += (size_t)extra + 1;
	return c;
}

/* UTF-8 to UTF-16 (big_endian 0/1) or UTF-32LE (wide), with an optional BOM. */
static char *
encode_utf(const char *u8, size_t n, int wide, int big_endian, int bom, size_t *out_len)
{
	char *out = malloc(n * 4 + 8), *p = out;
	size_t i = 0;
	ck_assert_ptr_nonnull(out);
#define PUT16(v) do { unsigned v_ = (v); if (big_endian) { *p++ = (char)(v_ >> 8); *p++ = (char)(v_ & 0xFF); } \
			else { *p++ = (char)(v_ & 0xFF); *p++ = (char)(v_ >> 8); } } while (0)
	if (bom) {
		if (wide) {
			memcpy(p, "\xFF\xFE\0\0", 4);
			p += 4;
		} else {
			PUT16(0xFEFF);
		}
	}
	while (i < n) {
		uint32_t c = next_cp((const unsigned char *)u8, &i);
		if (wide) {
			*p++ = (char)(c & 0xFF);
			*p++ = (char)((c >> 8) & 0xFF);
			*p++ = (char)((c >> 16) & 0xFF);
			*p++ = 0;
		} else if (c >= 0x10000) {
			c -= 0x10000;
			PUT16(0xD800 + (c >> 10));
			PUT16(0xDC00 + (c & 0x3FF));
		} else {
			PUT16(c);
		}
	}
#undef PUT16
	*out_len = (size_t)(p - out);
	return out;
}

/* s without the characters listed in drop (both UTF-8). */
static char *
without(const char *s, size_t n, const char *drop, size_t *out_len)
{
	char *out = malloc(n + 1);
	size_t i = 0, o = 0;
	ck_assert_ptr_nonnull(out);
	while (i < n) {
		size_t start = i;
		char ch[5] = { 0 };
		next_cp((const unsigned char *)s, &i);
		memcpy(ch, s + start, i - start);
		if (strstr(drop, ch) == NULL) {
			memcpy(out + o, s + start, i - start);
			o += i - start;
		}
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

static void
assert_decodes_to(const char *buf, size_t len, const char *enc, const char *want, size_t want_len,
		  const char *name, int bom)
{
	char *out = NULL;
	size_t out_len = 0;
	upl_text_encoding info;
	upl_error *err = NULL;
	int rc = upl_text_to_utf8(&out, &out_len, buf, len, enc, &info, &err);
	ck_assert_msg(rc == 0, "decoding as %s: %d %s", enc ? enc : "auto", rc, upl_error_message(err));
	ck_assert_ptr_null(err);
	ck_assert_str_eq(info.name, name);
	ck_assert_int_eq(info.bom, bom);
	ck_assert_uint_eq(out_len, want_len);
	ck_assert_msg(memcmp(out, want, want_len) == 0, "decoded text differs");
	ck_assert_int_eq(out[out_len], '\0');
	upl_free(out);
}

/* --- the seeds ---------------------------------------------------------------- */

static const char *const gb_seeds[][2] = {
	{ "tests/data/text/000.gb18030.txt", "tests/data/seeds/000_4589f19a21d053f0.txt" },
	{ "tests/data/text/002.gb18030.txt", "tests/data/seeds/002_c586d096e016a226.txt" },
	{ "tests/data/text/003.gb18030.txt", "tests/data/seeds/003_16f611ec0ac9a530.txt" },
	{ "tests/data/text/004.gb18030.txt", "tests/data/seeds/004_7fafac6153687fc9.txt" },
};

START_TEST(test_seeds_gb18030)
{
	size_t k;
	for (k = 0; k < sizeof gb_seeds / sizeof gb_seeds[0]; k++) {
		size_t glen, ulen;
		char *gb = test_slurp(gb_seeds[k][0], &glen);
		char *u8 = test_slurp(gb_seeds[k][1], &ulen);
		upl_text_encoding e;
		ck_assert_int_eq(upl_text_detect(&e, gb, glen), 0);
		ck_assert_str_eq(e.name, "GB18030");
		ck_assert_int_ge(e.confidence, 90);
		ck_assert_int_eq(e.bom, 0);
		assert_decodes_to(gb, glen, NULL, u8, ulen, "GB18030", 0);
		assert_decodes_to(gb, glen, "auto", u8, ulen, "GB18030", 0);
		assert_decodes_to(gb, glen, "gb18030", u8, ulen, "GB18030", 0);
		/* the UTF-8 seed itself */
		ck_assert_int_eq(upl_text_detect(&e, u8, ulen), 0);
		ck_assert_str_eq(e.name, "UTF-8");
		ck_assert_int_eq(e.confidence, 100);
		assert_decodes_to(u8, ulen, NULL, u8, ulen, "UTF-8", 0);
		free(gb);
		free(u8);
	}
}
END_TEST

/* What Big5 (iconv's table) and Big5-HKSCS have no code for in the
 * traditional seed: inserted pinyin letters, 徳 (a Japanese form), a stray
 * 傊 and a Cyrillic Ы from a garbled page. */
#define BIG5_MISSING "àáèéìíòùāīōūǎǐǒǔ傊徳Ы"
#define HKSCS_MISSING "傊徳"

START_TEST(test_seed_big5)
{
	size_t blen, hlen, ulen, wlen;
	char *b5 = test_slurp("tests/data/text/001.big5.txt", &blen);
	char *hk = test_slurp("tests/data/text/001.big5hkscs.txt", &hlen);
	char *u8 = test_slurp("tests/data/seeds/001_10ff43b2df3ecc86.txt", &ulen);
	char *want;
	upl_text_encoding e;

	ck_assert_int_eq(upl_text_detect(&e, b5, blen), 0);
	ck_assert_str_eq(e.name, "Big5");
	ck_assert_int_ge(e.confidence, 90);
	want = without(u8, ulen, BIG5_MISSING, &wlen);
	ck_assert_uint_lt(wlen, ulen);
	assert_decodes_to(b5, blen, NULL, want, wlen, "Big5", 0);
	assert_decodes_to(b5, blen, "big5", want, wlen, "Big5", 0);
	free(want);

	ck_assert_int_eq(upl_text_detect(&e, hk, hlen), 0);
	ck_assert_str_eq(e.name, "Big5-HKSCS");
	want = without(u8, ulen, HKSCS_MISSING, &wlen);
	ck_assert_uint_eq(wlen, ulen - 5 * 3); /* 徳 four times and 傊 once, 3 bytes each */
	assert_decodes_to(hk, hlen, NULL, want, wlen, "Big5-HKSCS", 0);
	free(want);
	/* Big5 (Windows code page 950) reads the HKSCS pinyin codes as
	 * private-use characters: that is why the detector took HKSCS */
	{
		char *out = NULL;
		size_t i, pua = 0;
		ck_assert_int_eq(upl_text_to_utf8(&out, NULL, hk, hlen, "big5", NULL, NULL), 0);
		for (i = 0; out[i]; i++)
			if ((unsigned char)out[i] == 0xEE || ((unsigned char)out[i] == 0xEF &&
							      (unsigned char)out[i + 1] < 0xA4))
				pua++; /* U+E000..U+F8FF */
		ck_assert_uint_gt(pua, 0);
		upl_free(out);
	}
	free(b5);
	free(hk);
	free(u8);
}
END_TEST

START_TEST(test_gbk_import_plan)
{
	size_t len, out_len;
	char *gbk = test_slurp("tests/data/import/xx-year-gbk.txt", &len);
	char *out = NULL;
	upl_text_encoding e;
	ck_assert_int_eq(upl_text_to_utf8(&out, &out_len, gbk, len, NULL, &e, NULL), 0);
	ck_assert_str_eq(e.name, "GB18030");
	ck_assert_msg(strncmp(out, "学校工会xx年工作计划\n", strlen("学校工会xx年工作计划\n")) == 0,
		      "first line: %.40s", out);
	ck_assert_ptr_nonnull(strstr(out, "十二月份：\n1、元旦文艺汇演。"));
	upl_free(out);
	/* the same bytes named GBK */
	ck_assert_int_eq(upl_text_to_utf8(&out, NULL, gbk, len, "gbk", &e, NULL), 0);
	ck_assert_str_eq(e.name, "GBK");
	ck_assert_int_eq(e.confidence, 100);
	upl_free(out);
	free(gbk);
}
END_TEST

/* Short titles, where ICU's detector has little to go on. */
START_TEST(test_short_texts)
{
	static const struct { const char *bytes; const char *name; const char *utf8; } cases[] = {
		/* 工會工作計劃 in Big5, 工会工作计划 in GB18030 */
		{ "\xA4\x75\xB7\x7C\xA4\x75\xA7\x40\xAD\x70\xB9\xBA", "Big5", "工會工作計劃" },
		{ "\xB9\xA4\xBB\xE1\xB9\xA4\xD7\xF7\xBC\xC6\xBB\xAE", "GB18030", "工会工作计划" },
		/* 教師節 in Big5, 教师节 in GB18030 */
		{ "\xB1\xD0\xAE\x76\xB8\x60", "Big5", "教師節" },
		{ "\xBD\xCC\xCA\xA6\xBD\xDA", "GB18030", "教师节" },
		/* 中秋節 in Big5 */
		{ "\xA4\xA4\xAC\xEE\xB8\x60", "Big5", "中秋節" },
	};
	size_t k;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		upl_text_encoding e;
		char *out = NULL;
		ck_assert_int_eq(upl_text_detect(&e, cases[k].bytes, UPL_TEXT_NUL), 0);
		ck_assert_msg(strcmp(e.name, cases[k].name) == 0, "case %zu: %s", k, e.name);
		ck_assert_int_gt(e.confidence, 0);
		ck_assert_int_le(e.confidence, 100);
		ck_assert_int_eq(upl_text_to_utf8(&out, NULL, cases[k].bytes, UPL_TEXT_NUL, NULL, NULL,
						  NULL), 0);
		ck_assert_str_eq(out, cases[k].utf8);
		upl_free(out);
	}
}
END_TEST

/* --- byte-order marks and UTF-16/32 ------------------------------------------------- */

START_TEST(test_boms)
{
	size_t ulen, n;
	char *u8 = test_slurp("tests/data/seeds/000_4589f19a21d053f0.txt", &ulen);
	char *buf;
	upl_text_encoding e;

	/* UTF-8 with a BOM */
	buf = malloc(ulen + 3);
	ck_assert_ptr_nonnull(buf);
	memcpy(buf, "\xEF\xBB\xBF", 3);
	memcpy(buf + 3, u8, ulen);
	ck_assert_int_eq(upl_text_detect(&e, buf, ulen + 3), 0);
	ck_assert_str_eq(e.name, "UTF-8");
	ck_assert_int_eq(e.bom, 1);
	ck_assert_int_eq(e.confidence, 100);
	assert_decodes_to(buf, ulen + 3, NULL, u8, ulen, "UTF-8", 1);
	assert_decodes_to(buf, ulen + 3, "utf-8", u8, ulen, "UTF-8", 1);
	free(buf);

	/* UTF-16LE and BE with a BOM */
	buf = encode_utf(u8, ulen, 0, 0, 1, &n);
	ck_assert_int_eq(upl_text_detect(&e, buf, n), 0);
	ck_assert_str_eq(e.name, "UTF-16LE");
	ck_assert_int_eq(e.bom, 1);
	assert_decodes_to(buf, n, NULL, u8, ulen, "UTF-16LE", 1);
	assert_decodes_to(buf, n, "utf-16", u8, ulen, "UTF-16", 1);
	free(buf);
	buf = encode_utf(u8, ulen, 0, 1, 1, &n);
	ck_assert_int_eq(upl_text_detect(&e, buf, n), 0);
	ck_assert_str_eq(e.name, "UTF-16BE");
	assert_decodes_to(buf, n, NULL, u8, ulen, "UTF-16BE", 1);
	free(buf);
	/* UTF-32LE with a BOM */
	buf = encode_utf(u8, ulen, 1, 0, 1, &n);
	ck_assert_int_eq(upl_text_detect(&e, buf, n), 0);
	ck_assert_str_eq(e.name, "UTF-32LE");
	assert_decodes_to(buf, n, NULL, u8, ulen, "UTF-32LE", 1);
	free(buf);
	/* UTF-16LE without a BOM, named by the caller */
	buf = encode_utf(u8, ulen, 0, 0, 0, &n);
	assert_decodes_to(buf, n, "UTF-16LE", u8, ulen, "UTF-16LE", 0);
	free(buf);
	free(u8);

	/* UTF-16 without a BOM, detected from its NUL bytes */
	{
		const char *text = "Plan 2013\n一、指导思想\n1. Meeting on 9/10\n";
		buf = encode_utf(text, strlen(text), 0, 0, 0, &n);
		ck_assert_int_eq(upl_text_detect(&e, buf, n), 0);
		ck_assert_str_eq(e.name, "UTF-16LE");
		ck_assert_int_eq(e.bom, 0);
		assert_decodes_to(buf, n, NULL, text, strlen(text), "UTF-16LE", 0);
		free(buf);
		buf = encode_utf(text, strlen(text), 0, 1, 0, &n);
		ck_assert_int_eq(upl_text_detect(&e, buf, n), 0);
		ck_assert_str_eq(e.name, "UTF-16BE");
		free(buf);
	}
	/* GB18030's own BOM (U+FEFF is 84 31 95 33) */
	assert_decodes_to("\x84\x31\x95\x33\xB9\xA4\xBB\xE1", 8, NULL, "工会", 6, "GB18030", 1);
	/* a character outside the BMP through UTF-16 surrogates */
	{
		const char *text = "𠀀字";
		buf = encode_utf(text, strlen(text), 0, 0, 1, &n);
		ck_assert_uint_eq(n, 2 + 4 + 2);
		assert_decodes_to(buf, n, NULL, text, strlen(text), "UTF-16LE", 1);
		free(buf);
	}
}
END_TEST

/* --- the order of the detection rules ---------------------------------------------------- */

static void
assert_detects(const char *buf, size_t len, const char *name, int confidence, int bom)
{
	upl_text_encoding e;
	ck_assert_int_eq(upl_text_detect(&e, buf, len), 0);
	ck_assert_msg(strcmp(e.name, name) == 0, "detected %s, want %s", e.name, name);
	if (confidence >= 0)
		ck_assert_int_eq(e.confidence, confidence);
	ck_assert_int_eq(e.bom, bom);
}

/* Each case is decided by its rule only because the rules before it did
 * not apply: in another order it reads otherwise. */
START_TEST(test_rule_order)
{
	const char *plan = "Plan 2013\n";
	char *buf;
	size_t n;
	upl_text_encoding e;

	/* 1 before 2: a BOM, not the NUL bytes, makes UTF-16 (bom 1, confidence 100) */
	buf = encode_utf(plan, strlen(plan), 0, 0, 1, &n);
	assert_detects(buf, n, "UTF-16LE", 100, 1);
	free(buf);
	/* 1: UTF-32BE's mark (not UTF-16 from the NUL bytes), and GB18030's
	 * (84 31 95 33), not the GB18030 that rule 4 would find with less
	 * confidence and no mark */
	assert_detects("\0\0\xFE\xFF\0\0\0a\0\0\0b", 12, "UTF-32BE", 100, 1);
	assert_detects("\x84\x31\x95\x33\xB9\xA4\xBB\xE1", 8, "GB18030", 100, 1);

	/* 2 before 3: ASCII in UTF-16 is also valid UTF-8 (NUL is a character) */
	buf = encode_utf(plan, strlen(plan), 0, 0, 0, &n);
	assert_detects(buf, n, "UTF-16LE", 80, 0);
	free(buf);
	buf = encode_utf(plan, strlen(plan), 0, 1, 0, &n);
	assert_detects(buf, n, "UTF-16BE", 80, 0);
	free(buf);
	/* rule 2's threshold: a NUL in at least one pair of five on one side */
	assert_detects("abcdefghi\0", 10, "UTF-16LE", 80, 0);
	assert_detects("abcdefghijk\0", 12, "UTF-8", 100, 0);

	/* 3b before 4: nine good bytes for each bad one is still UTF-8
	 * (confidence 90 * 9 / 10), so that decoding reports the bad byte, even
	 * where the bytes are also valid GB18030 (E5B7 A5E4 BD9C E8AE A1A1) */
	assert_detects("工作计\xA1", 10, "UTF-8", 81, 0);
	assert_detects("工作计\xFF", 10, "UTF-8", 81, 0);
	ck_assert_int_eq(upl_text_detect(&e, "工作\xFF", 7), 0);
	ck_assert_str_ne(e.name, "UTF-8");
	ck_assert_int_eq(upl_text_detect(&e, "工作计\xFF\xFF", 11), 0);
	ck_assert_str_ne(e.name, "UTF-8");

	/* 4 before 5: test_short_texts (ICU's first choice for those is a
	 * single-byte code page) */

	/* 6: nothing decodes, not even ICU's first choice: the candidate with
	 * the fewest errors, with a confidence of 25 at the most */
	{
		size_t glen;
		char *gb = test_slurp("tests/data/text/000.gb18030.txt", &glen);
		gb[glen / 2] = (char)0xFF;
		ck_assert_int_eq(upl_text_detect(&e, gb, glen), 0);
		ck_assert_str_eq(e.name, "GB18030");
		ck_assert_int_ge(e.confidence, 1);
		ck_assert_int_le(e.confidence, 25);
		free(gb);
	}
}
END_TEST

/* --- bad input ------------------------------------------------------------------------ */

/* Decode and expect UPL_EENCODING at byte offset off, line, column. */
static void
assert_bad(const char *buf, size_t len, const char *enc, size_t off, unsigned line, unsigned col,
	   const char *what)
{
	char *out = (char *)"x";
	size_t out_len = 99;
	upl_error *err = NULL;
	char expect[64];
	int rc = upl_text_to_utf8(&out, &out_len, buf, len, enc, NULL, &err);
	ck_assert_msg(rc == UPL_EENCODING, "%s: rc %d", enc ? enc : "auto", rc);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(out_len, 0);
	ck_assert_ptr_nonnull(err);
	ck_assert_int_eq(upl_error_code(err), UPL_EENCODING);
	snprintf(expect, sizeof expect, "at byte offset %zu ", off);
	ck_assert_msg(strstr(upl_error_message(err), expect) != NULL, "message: %s (want %s)",
		      upl_error_message(err), expect);
	ck_assert_msg(strstr(upl_error_message(err), what) != NULL, "message: %s (want %s)",
		      upl_error_message(err), what);
	ck_assert_uint_eq(upl_error_line(err), line);
	ck_assert_uint_eq(upl_error_column(err), col);
	upl_error_free(err);
}

START_TEST(test_invalid_utf8)
{
	assert_bad("abc\n中\xFF", 8, "utf-8", 7, 2, 2, "invalid UTF-8 byte sequence <FF>");
	/* detected as UTF-8 in spite of the bad byte, so that it is reported */
	assert_bad("abc\n中文计划\xFF", 17, NULL, 16, 2, 5, "invalid UTF-8");
	{
		upl_text_encoding e;
		ck_assert_int_eq(upl_text_detect(&e, "abc\n中文计划\xFF", 17), 0);
		ck_assert_str_eq(e.name, "UTF-8");
		ck_assert_int_lt(e.confidence, 100);
	}
	assert_bad("\xED\xA0\x80", 3, "utf-8", 0, 1, 1, "<ED A0 80>");       /* a surrogate */
	assert_bad("ab\xC0\xAF", 4, "UTF-8", 2, 1, 3, "<C0 AF>");              /* overlong */
	assert_bad("ab\xF4\x90\x80\x80", 6, "utf8", 2, 1, 3, "invalid");    /* above U+10FFFF */
	assert_bad("x\r\ny\rz\xE4\xB8", 8, "utf-8", 6, 3, 2, "incomplete"); /* cut short; CRLF and CR */
	assert_bad("\xEF\xBB\xBF" "a\x80", 5, NULL, 4, 1, 2, "<80>");       /* after a BOM */
}
END_TEST

START_TEST(test_invalid_legacy)
{
	size_t glen, off;
	char *gb = test_slurp("tests/data/text/000.gb18030.txt", &glen);
	unsigned line = 1;

	/* an invalid byte at the start of line 35 (九月：) of seed 000 */
	for (off = 0; off < glen && line < 35; off++)
		if (gb[off] == '\n')
			line++;
	ck_assert_int_eq(memcmp(gb + off, "\xBE\xC5\xD4\xC2", 4), 0); /* 九月 */
	gb[off] = (char)0xFF;
	assert_bad(gb, glen, NULL, off, 35, 1, "invalid GB18030 byte sequence <FF>");
	assert_bad(gb, glen, "gb18030", off, 35, 1, "<FF>");
	gb[off] = (char)0xBE;
	/* after 九月 (column 3) */
	gb[off + 4] = (char)0x80;
	assert_bad(gb, glen, "gb18030", off + 4, 35, 3, "<80>");
	gb[off + 4] = (char)0xA3;
	/* cut inside the 。 that ends line 97 (the file ends "。\n "):
	 * 6．参加局工会各项活动 is eleven characters */
	assert_bad(gb, glen - 3, "gb18030", glen - 4, 97, 12, "incomplete GB18030 byte sequence <A1>");
	free(gb);

	/* Big5: a lead byte followed by a space */
	assert_bad("ab\xA4\x20", 4, "big5", 2, 1, 3, "invalid Big5 byte sequence <A4>");
	/* GB2312 has no 镕 (GBK E9 46) */
	assert_bad("\xB9\xA4\xE9\x46", 4, "gb2312", 2, 1, 2, "GB2312 byte sequence");
	/* UTF-16LE: unpaired surrogates, an odd length */
	assert_bad("a\0\x00\xD8" "b\0", 6, "utf-16le", 2, 1, 2, "UTF-16LE");
	assert_bad("a\0\x00\xDC" "b\0", 6, "utf-16le", 2, 1, 2, "invalid");
	assert_bad("a\0\n\0\x00\xD8", 6, "utf-16le", 4, 2, 1, "incomplete");
	assert_bad("a\0b", 3, "utf-16le", 2, 1, 2, "incomplete");
	/* UTF-32: a surrogate code point */
	assert_bad("a\0\0\0\0\xD8\0\0", 8, "utf-32le", 4, 1, 2, "UTF-32LE");
}
END_TEST

START_TEST(test_arguments)
{
	char *out = (char *)"x";
	size_t out_len = 5;
	upl_error *err = NULL;
	upl_text_encoding e;

	/* empty input */
	ck_assert_int_eq(upl_text_detect(&e, "", 0), 0);
	ck_assert_str_eq(e.name, "UTF-8");
	ck_assert_int_eq(upl_text_detect(&e, NULL, 0), 0);
	ck_assert_int_eq(upl_text_to_utf8(&out, &out_len, NULL, 0, NULL, NULL, NULL), 0);
	ck_assert_str_eq(out, "");
	ck_assert_uint_eq(out_len, 0);
	upl_free(out);
	ck_assert_int_eq(upl_text_to_utf8(&out, &out_len, "", 0, "gb18030", &e, NULL), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(e.name, "GB18030");
	upl_free(out);
	/* NUL bytes pass through, counted in out_len */
	ck_assert_int_eq(upl_text_to_utf8(&out, &out_len, "a\0b", 3, "utf-8", NULL, NULL), 0);
	ck_assert_uint_eq(out_len, 3);
	ck_assert_int_eq(memcmp(out, "a\0b", 4), 0);
	upl_free(out);
	/* NUL-terminated input */
	ck_assert_int_eq(upl_text_to_utf8(&out, &out_len, "\xB9\xA4\xBB\xE1", UPL_TEXT_NUL, "gbk",
					  NULL, NULL), 0);
	ck_assert_str_eq(out, "工会");
	upl_free(out);

	/* misuse */
	ck_assert_int_eq(upl_text_detect(NULL, "a", 1), UPL_EINVAL);
	ck_assert_int_eq(upl_text_detect(&e, NULL, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_text_to_utf8(NULL, NULL, "a", 1, NULL, NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_to_utf8(&out, NULL, NULL, 1, NULL, NULL, &err), UPL_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(upl_error_code(err), UPL_EINVAL);
	upl_error_free(err);
	err = NULL;
	ck_assert_int_eq(upl_text_to_utf8(&out, NULL, "a", 1, "no-such-encoding", NULL, &err),
			 UPL_EINVAL);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "no-such-encoding"));
	upl_error_free(err);
	ck_assert_int_eq(upl_text_to_utf8(&out, NULL, "a", 1, "", NULL, NULL), UPL_EINVAL);

	/* names given by the caller come back canonical, with confidence 100 */
	{
		static const char *const names[][2] = {
			{ "utf-8", "UTF-8" }, { "UTF8", "UTF-8" }, { "gb18030", "GB18030" },
			{ "GBK", "GBK" }, { "cp936", "GBK" }, { "big5", "Big5" },
			{ "big5-hkscs", "Big5-HKSCS" }, { "gb2312", "GB2312" },
			{ "latin1", "ISO-8859-1" }, { "utf-16le", "UTF-16LE" },
		};
		size_t k;
		for (k = 0; k < sizeof names / sizeof names[0]; k++) {
			memset(&e, 0, sizeof e);
			ck_assert_int_eq(upl_text_to_utf8(&out, NULL, "", 0, names[k][0], &e, NULL), 0);
			ck_assert_msg(strcmp(e.name, names[k][1]) == 0, "%s gave %s", names[k][0],
				      e.name);
			ck_assert_int_eq(e.confidence, 100);
			ck_assert_int_eq(e.bom, 0);
			upl_free(out);
		}
	}
}
END_TEST

START_TEST(test_latin1)
{
	const char *in = "caf\xE9 au lait, d\xE9j\xE0 vu\n";
	char *out = NULL;
	upl_text_encoding e;
	ck_assert_int_eq(upl_text_to_utf8(&out, NULL, in, strlen(in), NULL, &e, NULL), 0);
	ck_assert_msg(strcmp(e.name, "ISO-8859-1") == 0 || strcmp(e.name, "windows-1252") == 0,
		      "%s", e.name);
	ck_assert_str_eq(out, "café au lait, déjà vu\n");
	upl_free(out);
}
END_TEST

/* Several megabytes: sequences straddle the converter's slices, and an
 * error far in is reported at its exact offset. */
START_TEST(test_large)
{
	size_t glen, ulen, reps = 150, k;
	char *gb = test_slurp("tests/data/text/004.gb18030.txt", &glen);
	char *u8 = test_slurp("tests/data/seeds/004_7fafac6153687fc9.txt", &ulen);
	char *big = malloc(glen * reps), *want = malloc(ulen * reps);
	ck_assert_ptr_nonnull(big);
	ck_assert_ptr_nonnull(want);
	for (k = 0; k < reps; k++) {
		memcpy(big + k * glen, gb, glen);
		memcpy(want + k * ulen, u8, ulen);
	}
	assert_decodes_to(big, glen * reps, NULL, want, ulen * reps, "GB18030", 0);
	/* an invalid byte at the start of the 101st copy: line 100 * 814 + 1 */
	big[100 * glen] = (char)0xFF;
	assert_bad(big, glen * reps, "gb18030", 100 * glen, 100 * 814 + 1, 1, "<FF>");
	free(big);
	free(want);
	free(gb);
	free(u8);
}
END_TEST

/* Characters beyond the BMP decode to two UTF-16 units; the pair must
 * survive every chunk boundary of the converter's output. Each encoding
 * gets one BMP character first, then enough supplementary characters
 * that some pair straddles a boundary whatever the chunk size. SCSU puts
 * them in a window at U+20000, one byte each (the case once refused as
 * invalid). */
START_TEST(test_supplementary)
{
	enum { N = 20000 };
	static const char ext_b[] = "\xF0\xA0\x80\x80"; /* U+20000 */
	char *scsu = malloc(4 + N), *gb = malloc(1 + 4 * N), *u16 = malloc(2 + 4 * N);
	char *want = malloc(1 + 4 * N);
	size_t k, n = 0;
	ck_assert_ptr_nonnull(scsu);
	ck_assert_ptr_nonnull(gb);
	ck_assert_ptr_nonnull(u16);
	ck_assert_ptr_nonnull(want);
	scsu[n++] = 'a';
	scsu[n++] = 0x0B; /* SDX: window 0 at U+10000 + 0x80 * 0x0200 = U+20000 */
	scsu[n++] = 0x02;
	scsu[n++] = 0x00;
	want[0] = gb[0] = 'a';
	u16[0] = 0;
	u16[1] = 'a';
	for (k = 0; k < N; k++) {
		scsu[n++] = (char)0x80;
		memcpy(want + 1 + 4 * k, ext_b, 4);
		memcpy(gb + 1 + 4 * k, "\x95\x32\x82\x36", 4);
		memcpy(u16 + 2 + 4 * k, "\xD8\x40\xDC\x00", 4);
	}
	assert_decodes_to(scsu, n, "SCSU", want, 1 + 4 * N, "SCSU", 0);
	assert_decodes_to(gb, 1 + 4 * N, "gb18030", want, 1 + 4 * N, "GB18030", 0);
	assert_decodes_to(u16, 2 + 4 * N, "UTF-16BE", want, 1 + 4 * N, "UTF-16BE", 0);
	/* a lead surrogate with no trail is still refused, at the end too */
	{
		char *out = NULL;
		ck_assert_int_eq(upl_text_to_utf8(&out, NULL, u16, 2 + 4 * N - 2, "UTF-16BE", NULL,
						  NULL), UPL_EENCODING);
		ck_assert_ptr_null(out);
	}
	free(scsu);
	free(gb);
	free(u16);
	free(want);
}
END_TEST

static Suite *
encoding_suite(void)
{
	Suite *s = suite_create("text-encoding");
	TCase *tc = tcase_create("seeds");
	tcase_add_test(tc, test_seeds_gb18030);
	tcase_add_test(tc, test_seed_big5);
	tcase_add_test(tc, test_gbk_import_plan);
	tcase_add_test(tc, test_short_texts);
	tcase_add_test(tc, test_large);
	tcase_add_test(tc, test_supplementary);
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	tc = tcase_create("unicode");
	tcase_add_test(tc, test_boms);
	tcase_add_test(tc, test_rule_order);
	suite_add_tcase(s, tc);
	tc = tcase_create("errors");
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_invalid_legacy);
	tcase_add_test(tc, test_arguments);
	tcase_add_test(tc, test_latin1);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(encoding_suite)

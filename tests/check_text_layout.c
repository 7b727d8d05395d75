/* Unit tests for display width, line wrapping and collation
 * (upl_text_width, upl_text_wrap_lines, upl_text_wrap, upl_text_collator). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

static size_t
width_of(const char *s, size_t n, unsigned flags)
{
	size_t w = 12345;
	ck_assert_int_eq(upl_text_width(&w, s, n, flags), 0);
	return w;
}

/* --- width ------------------------------------------------------------------------- */

START_TEST(test_width_cases)
{
	static const struct { const char *in; unsigned flags; size_t w; } cases[] = {
		{ "工会", 0, 4 },
		{ "abc", 0, 3 },
		{ "１２", 0, 4 },                  /* full-width */
		{ "ｶﾀ", 0, 2 },                    /* half-width */
		{ "　", 0, 2 },                    /* U+3000 */
		{ "2012学年第一学期工会工作计划", 0, 28 },
		{ "（一）．加强", 0, 12 },
		{ "“引号”", 0, 6 },                /* “ ” are ambiguous */
		{ "“引号”", UPL_TEXT_WIDTH_AMBIGUOUS_WIDE, 8 },
		{ "①⑴", 0, 2 },
		{ "①⑴", UPL_TEXT_WIDTH_AMBIGUOUS_WIDE, 4 },
		{ "é", 0, 1 },
		{ "e\xCC\x81", 0, 1 },              /* combining acute */
		{ "a\xE2\x80\x8B" "b", 0, 2 },      /* ZERO WIDTH SPACE */
		{ "a\xC2\xAD" "b", 0, 2 },          /* SOFT HYPHEN */
		{ "\t\n\r", 0, 0 },
		{ "한글", 0, 4 },
		{ "\xF0\x9F\x98\x80", 0, 2 },       /* an emoji */
		{ "𠀀", 0, 2 },                     /* outside the BMP */
		{ "", 0, 0 },
	};
	size_t k;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
		ck_assert_msg(width_of(cases[k].in, strlen(cases[k].in), cases[k].flags) == cases[k].w,
			      "case %zu \"%s\"", k, cases[k].in);
	ck_assert_uint_eq(width_of("工会", UPL_TEXT_NUL, 0), 4);
	ck_assert_uint_eq(width_of("工会", 3, 0), 2);
}
END_TEST

START_TEST(test_width_errors)
{
	size_t w = 7;
	ck_assert_int_eq(upl_text_width(&w, "工\xFF", 4, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_text_width(&w, "工会", 4, 0), UPL_EINVAL); /* cut inside 会 */
	ck_assert_int_eq(upl_text_width(&w, "\xED\xA0\x80", 3, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_text_width(&w, "a", 1, 2u), UPL_EINVAL);
	ck_assert_int_eq(upl_text_width(NULL, "a", 1, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_text_width(&w, NULL, 1, 0), UPL_EINVAL);
	ck_assert_uint_eq(w, 7);
}
END_TEST

/* --- wrapping ----------------------------------------------------------------------- */

/* Wrap and compare with the expected lines (NULL-terminated list). */
static void
assert_wrap(const char *in, size_t first, size_t width, unsigned flags, const char *const *want)
{
	upl_text_span *v = NULL;
	size_t n = 0, k;
	upl_error *err = NULL;
	int rc = upl_text_wrap_lines(&v, &n, in, strlen(in), first, width, flags, &err);
	ck_assert_msg(rc == 0, "wrap \"%s\": %d %s", in, rc, upl_error_message(err));
	for (k = 0; want[k]; k++) {
		ck_assert_msg(k < n, "wrap \"%s\": only %zu lines", in, n);
		ck_assert_msg(v[k].len == strlen(want[k]) &&
			      memcmp(in + v[k].offset, want[k], v[k].len) == 0,
			      "wrap \"%s\" line %zu: \"%.*s\", want \"%s\"", in, k, (int)v[k].len,
			      in + v[k].offset, want[k]);
	}
	ck_assert_msg(n == k, "wrap \"%s\": %zu lines, want %zu", in, n, k);
	upl_free(v);
}

START_TEST(test_wrap_cases)
{
	static const char *const guide[] = { "一、指导思", "想：以党的", "十七届六中", "全会精神和",
					     "科学发展观", "理论为指", "导，贯彻落", "实中国工会",
					     "十五大精", "神。", NULL };
	static const char *const hard[] = { "ab", "cd", "", "ef", NULL };
	static const char *const crlf[] = { "ab", "cd", NULL };
	static const char *const one[] = { "a", NULL };
	static const char *const none[] = { NULL };
	static const char *const spaces[] = { "abc", "defgh", NULL };
	static const char *const indent[] = { "x", "　　甲", "乙丙丁", NULL };
	static const char *const url[] = { "wcf1976@", "163.com", NULL };
	static const char *const comma[] = { "甲乙丙", "丁，戊", NULL };
	static const char *const paren[] = { "甲乙丙", "（丁）", NULL };
	static const char *const hanging[] = { "甲乙", "丙丁戊", "己", NULL };
	static const char *const narrow[] = { "甲", "乙", NULL };
	static const char *const latin[] = { "The", "union", "plans", "its", "year.", NULL };
	static const char *const label[] = { "1．进一步推进", "校务公开民主", "管理规范化建", "设。", NULL };

	assert_wrap("一、指导思想：以党的十七届六中全会精神和科学发展观理论为指导，贯彻落实中国工会十五大精神。",
		    0, 10, 0, guide);
	assert_wrap("ab\ncd\n\nef", 0, 3, 0, hard);
	assert_wrap("ab\r\ncd", 0, 3, 0, crlf);
	assert_wrap("a\n", 0, 3, 0, one);
	assert_wrap("", 0, 3, 0, none);
	assert_wrap("abc defgh", 0, 5, 0, spaces);
	assert_wrap("x\n　　甲乙丙丁", 0, 6, 0, indent);
	assert_wrap("wcf1976@163.com", 0, 8, 0, url);
	assert_wrap("甲乙丙丁，戊", 0, 8, 0, comma);
	assert_wrap("甲乙丙（丁）", 0, 7, 0, paren);
	assert_wrap("甲乙丙丁戊己", 4, 6, 0, hanging);
	assert_wrap("甲乙", 0, 1, 0, narrow); /* a character is never split, even wider than the line */
	assert_wrap("The union plans its year.", 0, 5, 0, latin);
	assert_wrap("1．进一步推进校务公开民主管理规范化建设。", 14, 12, 0, label);
}
END_TEST

START_TEST(test_wrap_joined)
{
	char *out = NULL;
	size_t n = 0;
	ck_assert_int_eq(upl_text_wrap(&out, &n, "甲乙丙丁，戊", UPL_TEXT_NUL, 8, 0, NULL), 0);
	ck_assert_str_eq(out, "甲乙丙\n丁，戊");
	ck_assert_uint_eq(n, strlen(out));
	upl_free(out);
	ck_assert_int_eq(upl_text_wrap(&out, &n, "", 0, 8, 0, NULL), 0);
	ck_assert_str_eq(out, "");
	ck_assert_uint_eq(n, 0);
	upl_free(out);
	ck_assert_int_eq(upl_text_wrap(&out, NULL, "ab\ncd", 5, 1, 0, NULL), 0);
	ck_assert_str_eq(out, "a\nb\nc\nd");
	upl_free(out);
}
END_TEST

/* The wrapped seeds: no line too wide (but for closing marks that could
 * go nowhere else), no line starting with closing punctuation, nothing
 * lost, nothing split. */
static int
is_closing_start(const char *p, size_t len)
{
	static const char *const closing[] = { "，", "。", "、", "；", "：", "？", "！", "）", "》",
					       "】", "」", "』", ",", ".", ";", ":", ")", NULL };
	size_t k;
	for (k = 0; closing[k]; k++)
		if (len >= strlen(closing[k]) && memcmp(p, closing[k], strlen(closing[k])) == 0)
			return 1;
	return 0;
}

/* Length of p[0..len) without the closing punctuation it ends with: a
 * line may run over the width only by marks that cannot start a line. */
static size_t
without_closing_tail(const char *p, size_t len)
{
	for (;;) {
		size_t k, cut = 0;
		for (k = 1; k <= 3 && k <= len; k++)
			if (is_closing_start(p + len - k, k) && (k == 1 || (unsigned char)p[len - k] >= 0xC0))
				cut = k;
		if (cut == 0 || cut == len)
			return len;
		len -= cut;
	}
}

/* s without spaces, tabs, U+3000, U+00A0 and line breaks */
static char *
squeeze(const char *s, size_t n, size_t *out_len)
{
	char *out = malloc(n + 1);
	size_t i = 0, o = 0;
	ck_assert_ptr_nonnull(out);
	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++;
		} else if (n - i >= 3 && memcmp(s + i, "　", 3) == 0) {
			i += 3;
		} else if (n - i >= 2 && memcmp(s + i, "\xC2\xA0", 2) == 0) {
			i += 2;
		} else {
			out[o++] = s[i++];
		}
	}
	*out_len = o;
	return out;
}

START_TEST(test_wrap_seeds)
{
	static const char *const seeds[] = {
		"tests/data/seeds/000_4589f19a21d053f0.txt", "tests/data/seeds/001_10ff43b2df3ecc86.txt",
		"tests/data/seeds/002_c586d096e016a226.txt", "tests/data/seeds/003_16f611ec0ac9a530.txt",
		"tests/data/seeds/004_7fafac6153687fc9.txt",
	};
	static const size_t widths[] = { 6, 20, 36, 72 };
	size_t s, w;
	for (s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
		size_t len, alen, blen;
		char *text = test_slurp(seeds[s], &len);
		char *a = squeeze(text, len, &alen);
		for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
			upl_text_span *v = NULL;
			size_t n = 0, k, last = 0;
			char *joined = malloc(len + 1), *b;
			size_t jl = 0;
			ck_assert_ptr_nonnull(joined);
			ck_assert_int_eq(upl_text_wrap_lines(&v, &n, text, len, 0, widths[w], 0, NULL), 0);
			ck_assert_uint_gt(n, 0);
			for (k = 0; k < n; k++) {
				size_t lw;
				ck_assert_uint_ge(v[k].offset, last);
				ck_assert_uint_le(v[k].offset + v[k].len, len);
				last = v[k].offset + v[k].len;
				ck_assert_int_eq(upl_text_width(&lw, text + v[k].offset,
								without_closing_tail(text + v[k].offset,
										     v[k].len), 0), 0);
				ck_assert_msg(lw <= widths[w], "%s width %zu line %zu: %zu columns: %.*s",
					      seeds[s], widths[w], k, lw, (int)v[k].len, text + v[k].offset);
				ck_assert_msg(!is_closing_start(text + v[k].offset, v[k].len) ||
					      (v[k].offset > 0 && text[v[k].offset - 1] == '\n'),
					      "%s width %zu line %zu starts with closing punctuation: %.*s",
					      seeds[s], widths[w], k, (int)v[k].len, text + v[k].offset);
				memcpy(joined + jl, text + v[k].offset, v[k].len);
				jl += v[k].len;
			}
			b = squeeze(joined, jl, &blen);
			ck_assert_msg(alen == blen && memcmp(a, b, alen) == 0,
				      "%s width %zu: text lost or changed", seeds[s], widths[w]);
			free(b);
			free(joined);
			upl_free(v);
		}
		free(a);
		free(text);
	}
}
END_TEST

START_TEST(test_wrap_errors)
{
	upl_text_span *v = (upl_text_span *)1;
	size_t n = 5;
	char *out = (char *)"x";
	upl_error *err = NULL;
	ck_assert_int_eq(upl_text_wrap_lines(&v, &n, "a\xFF", 2, 0, 5, 0, &err), UPL_EINVAL);
	ck_assert_ptr_null(v);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(upl_error_code(err), UPL_EINVAL);
	upl_error_free(err);
	ck_assert_int_eq(upl_text_wrap_lines(&v, &n, "a", 1, 0, 0, 0, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_wrap_lines(&v, &n, "a", 1, 0, 5, 8u, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_wrap_lines(NULL, &n, "a", 1, 0, 5, 0, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_wrap_lines(&v, NULL, "a", 1, 0, 5, 0, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_wrap_lines(&v, &n, NULL, 1, 0, 5, 0, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_wrap(&out, NULL, "\xED\xA0\x80", 3, 5, 0, NULL), UPL_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(upl_text_wrap(NULL, NULL, "a", 1, 5, 0, NULL), UPL_EINVAL);
}
END_TEST

START_TEST(test_wrap_large)
{
	/* a megabyte of Han text with no spaces, and one unbreakable Latin word */
	size_t n = (1u << 20) / 3 * 3, i, count = 0, k;
	char *big = malloc(n + 1);
	upl_text_span *v = NULL;
	ck_assert_ptr_nonnull(big);
	for (i = 0; i < n; i += 3)
		memcpy(big + i, "工", 3);
	ck_assert_int_eq(upl_text_wrap_lines(&v, &count, big, n, 0, 80, 0, NULL), 0);
	ck_assert_uint_eq(count, (n / 3 + 39) / 40);
	for (k = 0; k + 1 < count; k++)
		ck_assert_uint_eq(v[k].len, 120);
	upl_free(v);
	memset(big, 'x', n);
	ck_assert_int_eq(upl_text_wrap_lines(&v, &count, big, n, 0, 1000, 0, NULL), 0);
	ck_assert_uint_eq(count, (n + 999) / 1000);
	upl_free(v);
	free(big);
}
END_TEST

/* --- collation ---------------------------------------------------------------------- */

static void
assert_sorted(const char *locale, const char **in, const char *const *want, size_t n)
{
	upl_text_collator *c = NULL;
	size_t k;
	ck_assert_int_eq(upl_text_collator_new(&c, locale, NULL), 0);
	ck_assert_int_eq(upl_text_sort(c, in, n, NULL), 0);
	for (k = 0; k < n; k++)
		ck_assert_msg(strcmp(in[k], want[k]) == 0, "%s: position %zu is %s, want %s",
			      locale ? locale : "default", k, in[k], want[k]);
	upl_text_collator_free(c);
}

START_TEST(test_collate_pinyin)
{
	const char *names[] = { "张三", "王五", "李四", "赵六", "陈七", "阿姨" };
	static const char *const names_sorted[] = { "阿姨", "陈七", "李四", "王五", "张三", "赵六" };
	const char *trad[] = { "趙", "張", "陳" };
	static const char *const trad_sorted[] = { "陳", "張", "趙" };
	const char *holidays[] = { "中秋节", "元旦", "劳动节", "教师节", "国庆节", "端午节", "春节" };
	static const char *const holidays_sorted[] = { "春节", "端午节", "国庆节", "教师节",
						       "劳动节", "元旦", "中秋节" };
	/* digits first; Chinese collation puts Han before Latin (CLDR's zh
	 * tailoring reorders the Han script first) */
	const char *mixed[] = { "Zebra", "工会", "abc", "2012年" };
	static const char *const mixed_sorted[] = { "2012年", "工会", "abc", "Zebra" };
	const char *strokes[] = { "赵", "一", "王", "十" };
	static const char *const by_pinyin[] = { "十", "王", "一", "赵" };
	const char *strokes2[] = { "赵", "一", "王", "十" };
	static const char *const by_stroke[] = { "一", "十", "王", "赵" };

	assert_sorted(NULL, names, names_sorted, 6);
	assert_sorted("zh", trad, trad_sorted, 3);
	assert_sorted(NULL, holidays, holidays_sorted, 7);
	assert_sorted(NULL, mixed, mixed_sorted, 4);
	assert_sorted(NULL, strokes, by_pinyin, 4);
	assert_sorted("zh@collation=stroke", strokes2, by_stroke, 4);
}
END_TEST

START_TEST(test_collate_compare)
{
	upl_text_collator *c = NULL;
	int r = 99;
	ck_assert_int_eq(upl_text_collator_new(&c, NULL, NULL), 0);
	ck_assert_int_eq(upl_text_collate(&r, c, "王", UPL_TEXT_NUL, "张", UPL_TEXT_NUL), 0);
	ck_assert_int_lt(r, 0);
	ck_assert_int_eq(upl_text_collate(&r, c, "赵", 3, "张", 3), 0);
	ck_assert_int_gt(r, 0);
	ck_assert_int_eq(upl_text_collate(&r, c, "工会", 6, "工会", 6), 0);
	ck_assert_int_eq(r, 0);
	ck_assert_int_eq(upl_text_collate(&r, c, "工会x", 6, "工会", 6), 0); /* lengths respected */
	ck_assert_int_eq(r, 0);
	ck_assert_int_eq(upl_text_collate(&r, c, "", 0, "工", 3), 0);
	ck_assert_int_lt(r, 0);
	r = 99;
	ck_assert_int_eq(upl_text_collate(&r, c, "\xFF", 1, "a", 1), UPL_EINVAL);
	ck_assert_int_eq(upl_text_collate(&r, c, "a", 1, "工", 2), UPL_EINVAL);
	ck_assert_int_eq(upl_text_collate(&r, NULL, "a", 1, "b", 1), UPL_EINVAL);
	ck_assert_int_eq(upl_text_collate(NULL, c, "a", 1, "b", 1), UPL_EINVAL);
	ck_assert_int_eq(upl_text_collate(&r, c, NULL, 1, "b", 1), UPL_EINVAL);
	ck_assert_int_eq(r, 99);
	upl_text_collator_free(c);
	upl_text_collator_free(NULL);
}
END_TEST

START_TEST(test_sort_stable_and_errors)
{
	upl_text_collator *c = NULL;
	static const char yi1[] = "乙", yi2[] = "乙", jia[] = "甲";
	const char *v[3];
	const char *bad[3] = { "甲", "\xC3", "乙" };
	const char *withnull[2] = { "甲", NULL };
	upl_error *err = NULL;

	ck_assert_int_eq(upl_text_collator_new(&c, "zh", NULL), 0);
	v[0] = yi1;
	v[1] = jia;
	v[2] = yi2;
	ck_assert_int_eq(upl_text_sort(c, v, 3, NULL), 0);
	ck_assert_ptr_eq(v[0], jia);
	ck_assert_ptr_eq(v[1], yi1); /* equal strings keep their order */
	ck_assert_ptr_eq(v[2], yi2);
	ck_assert_int_eq(upl_text_sort(c, bad, 3, &err), UPL_EINVAL);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "string 1"));
	upl_error_free(err);
	ck_assert_str_eq(bad[0], "甲"); /* unchanged */
	ck_assert_str_eq(bad[2], "乙");
	ck_assert_int_eq(upl_text_sort(c, withnull, 2, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_sort(c, NULL, 0, NULL), 0);
	ck_assert_int_eq(upl_text_sort(c, NULL, 2, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_sort(NULL, v, 3, NULL), UPL_EINVAL);
	upl_text_collator_free(c);
	ck_assert_int_eq(upl_text_collator_new(NULL, NULL, NULL), UPL_EINVAL);
	/* traditional text sorts by stroke under zh-Hant; the collator opens */
	ck_assert_int_eq(upl_text_collator_new(&c, "zh-Hant", NULL), 0);
	upl_text_collator_free(c);
}
END_TEST

START_TEST(test_sort_many)
{
	/* every line of seed 004, sorted: each adjacent pair in order */
	size_t len, n = 0, k;
	char *text = test_slurp("tests/data/seeds/004_7fafac6153687fc9.txt", &len), *p;
	const char **lines = malloc(sizeof *lines * (len + 1));
	upl_text_collator *c = NULL;
	ck_assert_ptr_nonnull(lines);
	for (p = strtok(text, "\n"); p; p = strtok(NULL, "\n"))
		lines[n++] = p;
	ck_assert_uint_gt(n, 200);
	ck_assert_int_eq(upl_text_collator_new(&c, NULL, NULL), 0);
	ck_assert_int_eq(upl_text_sort(c, lines, n, NULL), 0);
	for (k = 1; k < n; k++) {
		int r;
		ck_assert_int_eq(upl_text_collate(&r, c, lines[k - 1], UPL_TEXT_NUL, lines[k],
						  UPL_TEXT_NUL), 0);
		ck_assert_int_le(r, 0);
	}
	upl_text_collator_free(c);
	free(lines);
	free(text);
}
END_TEST

static Suite *
layout_suite(void)
{
	Suite *s = suite_create("text-layout");
	TCase *tc = tcase_create("width");
	tcase_add_test(tc, test_width_cases);
	tcase_add_test(tc, test_width_errors);
	suite_add_tcase(s, tc);
	tc = tcase_create("wrap");
	tcase_add_test(tc, test_wrap_cases);
	tcase_add_test(tc, test_wrap_joined);
	tcase_add_test(tc, test_wrap_seeds);
	tcase_add_test(tc, test_wrap_errors);
	tcase_add_test(tc, test_wrap_large);
	tcase_set_timeout(tc, 300);
	suite_add_tcase(s, tc);
	tc = tcase_create("collation");
	tcase_add_test(tc, test_collate_pinyin);
	tcase_add_test(tc, test_collate_compare);
	tcase_add_test(tc, test_sort_stable_and_errors);
	tcase_add_test(tc, test_sort_many);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(layout_suite)

/* The importer's first stage (white box): lines with source positions and
 * the removal of web noise, on the seeds and on small cases. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unionplan.h>

#include "testutil.h"

#include "import-private.h"

static size_t
han_count(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	for (; *p; p++) {
		/* U+4E00..U+9FFF: lead bytes E4..E9 */
		if (*p >= 0xE4 && *p <= 0xE9)
			n++;
	}
	return n;
}

static size_t
count_code(const upl_report *r, const char *code)
{
	size_t i, n = 0;
	for (i = 0; i < upl_report_count(r); i++)
		if (strcmp(upl_diag_code(upl_report_get(r, i)), code) == 0)
			n++;
	return n;
}

START_TEST(test_split_positions)
{
	static const char text[] = "\xE3\x80\x80\xE3\x80\x80一、指导思想  \r\n\r\n\t  1．工会例会\r"
				   "\xC2\xA0九月：\n   \n最后一行";
	imp_lines ls;
	upl_pos p;
	memset(&ls, 0, sizeof ls);
	ck_assert_int_eq(upl__imp_split(&ls, text, sizeof text - 1), 0);
	ck_assert_uint_eq(ls.n, 4);
	ck_assert_str_eq(ls.v[0].text, "一、指导思想");
	p = upl__imp_pos(&ls.v[0], 0);
	ck_assert_uint_eq(p.line, 1);
	ck_assert_uint_eq(p.column, 3); /* after two U+3000 */
	ck_assert_int_eq(ls.v[0].blank_before, 0);
	ck_assert_str_eq(ls.v[1].text, "1．工会例会");
	p = upl__imp_pos(&ls.v[1], strlen("1．"));
	ck_assert_uint_eq(p.line, 3);
	ck_assert_uint_eq(p.column, 6); /* tab, two spaces, '1', '．' */
	ck_assert_int_eq(ls.v[1].blank_before, 1);
	ck_assert_str_eq(ls.v[2].text, "九月：");
	p = upl__imp_pos(&ls.v[2], 0);
	ck_assert_uint_eq(p.line, 4); /* a lone CR ends a line */
	ck_assert_uint_eq(p.column, 2);
	ck_assert_str_eq(ls.v[3].text, "最后一行");
	ck_assert_uint_eq(upl__imp_pos(&ls.v[3], 0).line, 6);
	ck_assert_int_eq(ls.v[3].blank_before, 1);
	upl__imp_lines_free(&ls);
}
END_TEST

START_TEST(test_seed001_noise)
{
	size_t len, i, han_before, han_after = 0;
	char *text = test_slurp("tests/data/seeds/001_10ff43b2df3ecc86.txt", &len);
	imp_lines ls;
	upl_report *r = NULL;
	const upl_diag *d;
	memset(&ls, 0, sizeof ls);
	ck_assert_int_eq(upl_report_new(&r), 0);
	ls.report = r;
	ls.file = "001.txt";
	ck_assert_int_eq(upl__imp_split(&ls, text, len), 0);
	ck_assert_uint_eq(ls.n, 10);
	han_before = han_count(strchr(strchr(text, '\n') + 1, '\n') + 1); /* lines 3.. */
	ck_assert_int_eq(upl__imp_remove_noise(&ls), 0);
	/* the two lines of the hosting page, then eight chunk markers 1、…8、 */
	ck_assert_uint_eq(count_code(r, "import-boilerplate"), 2);
	d = upl_report_get(r, 0);
	ck_assert_uint_eq(upl_diag_line(d), 1);
	ck_assert_uint_eq(upl_diag_column(d), 1);
	ck_assert_int_eq(upl_diag_severity(d), UPL_SEVERITY_NOTE);
	ck_assert_uint_eq(count_code(r, "import-chunk-marker"), 8);
	for (i = 0; i < 8; i++) {
		d = upl_report_get(r, 2 + i);
		ck_assert_str_eq(upl_diag_code(d), "import-chunk-marker");
		ck_assert_uint_eq(upl_diag_line(d), 3 + i);
		ck_assert_uint_eq(upl_diag_column(d), 1);
	}
	/* every chunk broke off mid-sentence: one line remains */
	ck_assert_uint_eq(ls.n, 1);
	ck_assert_int_eq(ls.v[0].joined, 1);
	ck_assert_ptr_nonnull(strstr(ls.v[0].text, "一、學習提升明確職責1.圍繞"));
	ck_assert_ptr_null(strstr(ls.v[0].text, "3、》"));
	/* 114 pinyin annotations, the first 區(qū) at 3:52 */
	ck_assert_uint_eq(count_code(r, "import-pinyin"), 114);
	d = upl_report_get(r, 10);
	ck_assert_str_eq(upl_diag_code(d), "import-pinyin");
	ck_assert_uint_eq(upl_diag_line(d), 3);
	ck_assert_uint_eq(upl_diag_column(d), 52);
	ck_assert_ptr_nonnull(strstr(upl_diag_message(d), "區(qū)"));
	ck_assert_ptr_null(strstr(ls.v[0].text, "(guān)"));
	ck_assert_ptr_null(strstr(ls.v[0].text, "(qū)"));
	ck_assert_ptr_nonnull(strstr(ls.v[0].text, "虹口區小學第四工會"));
	/* no Han character lost */
	for (i = 0; i < ls.n; i++)
		han_after += han_count(ls.v[i].text);
	ck_assert_uint_eq(han_after, han_before);
	/* positions survive: the text after the first removal is still at its
	 * source column (區 at 51, "(qū)" 52-55, 小 at 56) */
	{
		const char *x = strstr(ls.v[0].text, "區小學第四");
		upl_pos p = upl__imp_pos(&ls.v[0], (size_t)(x - ls.v[0].text) + strlen("區"));
		ck_assert_uint_eq(p.line, 3);
		ck_assert_uint_eq(p.column, 56);
	}
	upl__imp_lines_free(&ls);
	upl_report_free(r);
	free(text);
}
END_TEST

START_TEST(test_numbered_items_are_not_chunks)
{
	size_t len;
	char *text = test_slurp("tests/data/seeds/002_c586d096e016a226.txt", &len);
	imp_lines ls;
	upl_report *r = NULL;
	memset(&ls, 0, sizeof ls);
	ck_assert_int_eq(upl_report_new(&r), 0);
	ls.report = r;
	ck_assert_int_eq(upl__imp_split(&ls, text, len), 0);
	ck_assert_uint_eq(ls.n, 61);
	ck_assert_int_eq(upl__imp_remove_noise(&ls), 0);
	ck_assert_uint_eq(ls.n, 61);
	ck_assert_uint_eq(upl_report_count(r), 0);
	upl__imp_lines_free(&ls);
	upl_report_free(r);
	free(text);
}
END_TEST

START_TEST(test_pinyin_recogniser)
{
	ck_assert_int_eq(upl__imp_is_pinyin("guān", strlen("guān")), 1);
	ck_assert_int_eq(upl__imp_is_pinyin("chuàng", strlen("chuàng")), 1);
	ck_assert_int_eq(upl__imp_is_pinyin("lǜ", strlen("lǜ")), 1);
	ck_assert_int_eq(upl__imp_is_pinyin("XX", 2), 0);      /* 虹小四工(XX)笫1號 */
	ck_assert_int_eq(upl__imp_is_pinyin("guan", 4), 0);    /* no tone mark: could be anything */
	ck_assert_int_eq(upl__imp_is_pinyin("2017", 4), 0);
	ck_assert_int_eq(upl__imp_is_pinyin("", 0), 0);
	ck_assert_int_eq(upl__imp_is_pinyin("zhuàngzhuàng", strlen("zhuàngzhuàng")), 0);
}
END_TEST

/* Whether a slow tool runs the test (valgrind, or an ASan build): time
 * bounds then only catch what grows without bound. */
static int
slow_tool(void)
{
	const char *pre = getenv("LD_PRELOAD");
#if defined(__SANITIZE_ADDRESS__)
	return 1;
#else
	return getenv("ASAN_OPTIONS") != NULL || (pre != NULL && strstr(pre, "vgpreload") != NULL);
#endif
}

static double
now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum { WRAP_LINES = 20000 };

/* 20,000 lines wrapped at 20 characters (60 bytes), each ending in the
 * middle of a sentence, the last with 。; *joined receives the paragraph
 * they make (free() both). */
static char *
wrapped_text(size_t *len, char **joined)
{
	static const char phrase[] = "工会组织教职工开展活动加强民主管理推进校务公开提高服务质量";
	const size_t nphrase = (sizeof phrase - 1) / 3;
	char *t = malloc((size_t)WRAP_LINES * 61 + 1), *j = malloc((size_t)WRAP_LINES * 60 + 1);
	size_t n = 0, m = 0, k, c;
	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(j);
	for (k = 0; k < WRAP_LINES; k++) {
		for (c = 0; c < 19; c++) {
			memcpy(t + n, phrase + (k + c) % nphrase * 3, 3);
			n += 3;
		}
		memcpy(t + n, k + 1 < WRAP_LINES ? "，" : "。", 3);
		n += 3;
		memcpy(j + m, t + n - 60, 60);
		m += 60;
		t[n++] = '\n';
	}
	t[n] = j[m] = '\0';
	*len = n;
	*joined = j;
	return t;
}

/* Issue 14, item 5: joining wrapped lines was quadratic in bytes (20,000
 * lines took 81 s). They make one line, with every piece's position. */
START_TEST(test_join_wrapped_linear)
{
	size_t len, k;
	char *joined, *text = wrapped_text(&len, &joined);
	double t0, t1, bound = slow_tool() ? 300.0 : 5.0;
	imp_lines ls;
	upl_pos p;
	memset(&ls, 0, sizeof ls);
	ck_assert_int_eq(upl__imp_split(&ls, text, len), 0);
	ck_assert_uint_eq(ls.n, WRAP_LINES);
	t0 = now_s();
	ck_assert_int_eq(upl__imp_join_wrapped(&ls), 0);
	t1 = now_s();
	ck_assert_uint_eq(ls.n, 1);
	ck_assert_uint_eq(ls.v[0].len, (size_t)WRAP_LINES * 60);
	ck_assert_int_eq(strcmp(ls.v[0].text, joined), 0);
	ck_assert_int_eq(ls.v[0].joined, 1);
	for (k = 0; k < WRAP_LINES; k += 1999) {
		p = upl__imp_pos(&ls.v[0], k * 60 + 6);
		ck_assert_uint_eq(p.line, k + 1);
		ck_assert_uint_eq(p.column, 3);
	}
	p = upl__imp_pos(&ls.v[0], (size_t)WRAP_LINES * 60 - 3);
	ck_assert_uint_eq(p.line, WRAP_LINES);
	ck_assert_uint_eq(p.column, 20);
	ck_assert_msg(t1 - t0 < bound, "joining 20,000 wrapped lines took %.2f s", t1 - t0);
	upl__imp_lines_free(&ls);
	free(text);
	free(joined);
}
END_TEST

/* The same through the public importer: one paragraph holding them all. */
START_TEST(test_import_wrapped_lines)
{
	size_t len, k, paras = 0;
	char *joined, *text = wrapped_text(&len, &joined);
	double t0, t1, bound = slow_tool() ? 600.0 : 10.0;
	upl_doc *doc = NULL;
	const upl_plan *plan;
	t0 = now_s();
	ck_assert_int_eq(upl_import_buffer(&doc, NULL, text, len, "wrapped.txt", NULL, NULL), 0);
	t1 = now_s();
	ck_assert_uint_eq(upl_doc_plan_count(doc), 1);
	plan = upl_doc_plan(doc, 0);
	for (k = 0; k < upl_plan_block_count(plan); k++) {
		const upl_node *n = upl_plan_block(plan, k);
		if (upl_node_kind(n) != UPL_NODE_PARAGRAPH)
			continue;
		paras++;
		ck_assert_int_eq(strcmp(upl_node_text(n), joined), 0);
	}
	ck_assert_uint_eq(paras, 1);
	ck_assert_msg(t1 - t0 < bound, "importing 20,000 wrapped lines took %.2f s", t1 - t0);
	upl_doc_free(doc);
	free(text);
	free(joined);
}
END_TEST

static Suite *
import_lines_suite(void)
{
	Suite *s = suite_create("import-lines");
	TCase *tc = tcase_create("lines");
	tcase_add_test(tc, test_split_positions);
	tcase_add_test(tc, test_seed001_noise);
	tcase_add_test(tc, test_numbered_items_are_not_chunks);
	tcase_add_test(tc, test_pinyin_recogniser);
	suite_add_tcase(s, tc);
	tc = tcase_create("wrapped");
	tcase_set_timeout(tc, 900); /* the tests bound their own time */
	tcase_add_test(tc, test_join_wrapped_linear);
	tcase_add_test(tc, test_import_wrapped_lines);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(import_lines_suite)

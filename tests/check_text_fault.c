/* Failure injection for the text module: built against the library's
 * fault-injecting build, where the Nth allocation the library makes fails.
 * For every N up to the number a clean run makes, each operation must
 * succeed or fail cleanly with UPL_ENOMEM (never crash, never leak: the
 * leak part is checked by running this under valgrind and ASan). ICU's own
 * allocations are not ours to fail. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

#include "util-private.h"

#include "faultutil.h"


static int
op_decode(const char *data, size_t len, char **keep)
{
	char *out = NULL;
	upl_error *err = NULL;
	int rc = upl_text_to_utf8(&out, NULL, data, len, NULL, NULL, &err);
	if (rc == 0 && out == NULL)
		rc = -100;
	if (rc != 0 && err != NULL && upl_error_code(err) != rc)
		rc = -101;
	if (rc == 0)
		test_keep(keep, out);
	upl_free(out);
	upl_error_free(err);
	return rc;
}

static int
op_decode_invalid(const char *data, size_t len, char **keep)
{
	/* the error is built under pressure */
	char *out = NULL;
	upl_error *err = NULL;
	int rc = upl_text_to_utf8(&out, NULL, data, len - 1, "gb18030", NULL, &err);
	upl_free(out);
	upl_error_free(err);
	return rc == UPL_EENCODING ? 0 : rc;
}

static int
op_simplify(const char *data, size_t len, char **keep)
{
	char *out = NULL;
	upl_error *err = NULL;
	int rc = upl_text_to_simplified(&out, NULL, data, len, &err);
	if (rc == 0)
		test_keep(keep, out);
	upl_free(out);
	upl_error_free(err);
	return rc;
}

static int
op_simplify_some(const char *data, size_t len, char **keep)
{
	/* simplified text with a stray traditional character */
	char *out = NULL;
	int rc;
	(void)data;
	(void)len;
	rc = upl_text_to_simplified(&out, NULL, "新北区教育工会2012年行事曆", UPL_TEXT_NUL, NULL);
	if (rc == 0)
		test_keep(keep, out);
	upl_free(out);
	return rc;
}

static int
op_normalize(const char *data, size_t len, char **keep)
{
	char *out = NULL;
	int rc = upl_text_normalize(&out, NULL, data, len, UPL_TEXT_NORM_PUNCT, NULL);
	if (rc == 0)
		test_keep(keep, out);
	upl_free(out);
	return rc;
}

static int
op_wrap(const char *data, size_t len, char **keep)
{
	char *out = NULL;
	upl_text_span *v = NULL;
	size_t n;
	int rc = upl_text_wrap(&out, NULL, data, len, 30, 0, NULL);
	if (rc == 0)
		test_keep(keep, out);
	upl_free(out);
	if (rc == 0)
		rc = upl_text_wrap_lines(&v, &n, data, len, 10, 24, UPL_TEXT_WIDTH_AMBIGUOUS_WIDE, NULL);
	upl_free(v);
	return rc;
}

static int
op_numerals_labels(const char *data, size_t len, char **keep)
{
	char *s = NULL;
	int rc, st;
	long k;
	(void)data;
	(void)len;
	/* *out is left alone on failure: start from NULL every time */
	for (k = 0; k < 1200; k += 7) {
		s = NULL;
		rc = upl_text_numeral_format(&s, k * 9973, 0);
		upl_free(s);
		if (rc != 0)
			return rc;
		s = NULL;
		rc = upl_text_numeral_format(&s, k, UPL_TEXT_NUMERAL_YEAR);
		upl_free(s);
		if (rc != 0)
			return rc;
	}
	for (st = UPL_LABEL_HAN_COMMA; st <= UPL_LABEL_CIRCLED; st++) {
		s = NULL;
		rc = upl_text_label_format(&s, (upl_label_style)st, 12);
		upl_free(s);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int
op_sort(const char *data, size_t len, char **keep)
{
	const char *names[] = { "张三", "王五", "李四", "赵六", "陈七", "阿姨" };
	upl_text_collator *c = NULL;
	upl_error *err = NULL;
	int rc;
	(void)data;
	(void)len;
	rc = upl_text_collator_new(&c, NULL, &err);
	if (rc == 0)
		rc = upl_text_sort(c, names, 6, &err);
	upl_text_collator_free(c);
	upl_error_free(err);
	return rc;
}

START_TEST(test_every_allocation)
{
	size_t glen, tlen, ulen;
	char *gb = test_slurp("tests/data/text/000.gb18030.txt", &glen);
	char *trad = test_slurp("tests/data/seeds/001_10ff43b2df3ecc86.txt", &tlen);
	char *u8 = test_slurp("tests/data/seeds/003_16f611ec0ac9a530.txt", &ulen);
	run_every_n(op_decode, gb, glen, "decode GB18030");
	run_every_n(op_decode, u8, ulen, "decode UTF-8");
	run_every_n(op_decode_invalid, gb, glen - 2, "decode error"); /* cut inside the last 。 */
	run_every_n(op_simplify, trad, tlen, "to simplified (traditional)");
	run_every_n(op_simplify_some, NULL, 0, "to simplified (one character)");
	run_every_n(op_normalize, u8, ulen, "normalize");
	run_every_n(op_wrap, u8, ulen, "wrap");
	run_every_n(op_numerals_labels, NULL, 0, "numerals and labels");
	run_every_n(op_sort, NULL, 0, "collator and sort");
	free(gb);
	free(trad);
	free(u8);
}
END_TEST

/* A failed build of the character sets behind script detection is not
 * remembered: the call that met it cannot tell the script, the next one
 * can. Its test case runs first, before anything in the process has built
 * the sets (each test has a fresh process unless CK_FORK=no). */
START_TEST(test_sets_build_retried)
{
	const char *trad = "本校工會工作計劃，為教職員工服務";
	upl__fault_set(1); /* the first allocation: the sets' own record */
	ck_assert_int_eq(upl_text_script(trad, UPL_TEXT_NUL), UPL_SCRIPT_UNKNOWN);
	upl__fault_set(0);
	ck_assert_int_eq(upl_text_script(trad, UPL_TEXT_NUL), UPL_SCRIPT_HANT);
	ck_assert_int_eq(upl_text_script("本校工会工作计划，为教职员工服务", UPL_TEXT_NUL),
			 UPL_SCRIPT_HANS);
}
END_TEST

static Suite *
text_fault_suite(void)
{
	Suite *s = suite_create("text-fault");
	TCase *sets = tcase_create("sets");
	tcase_add_test(sets, test_sets_build_retried);
	suite_add_tcase(s, sets);
	TCase *tc = tcase_create("fault");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_every_allocation);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(text_fault_suite)

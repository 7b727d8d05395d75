/* The semantic rules on big inputs, generated here (never committed): the
 * right diagnostics, in time linear in the number of siblings. Looking
 * back at every earlier sibling made 160,000 numbered sections take 19 s
 * and a schedule of 60,000 months several seconds; each case must now
 * take under 2 s of CPU for the whole validation. Under valgrind or a
 * sanitizer the inputs are a tenth as big and the time is not bounded. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unionplan.h>

#include "testutil.h"

/* Whether the suite runs under valgrind (its preload library is in
 * LD_PRELOAD; UPL_VALGRIND may say so too) or a sanitizer. */
static int
slow_run(void)
{
	const char *pre = getenv("LD_PRELOAD");
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
	return 1;
#else
	return (pre && strstr(pre, "vgpreload")) || getenv("UPL_VALGRIND") != NULL;
#endif
}

static double
cpu_seconds(void)
{
	struct timespec t;
	ck_assert_int_eq(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t), 0);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A growing text. */
typedef struct text {
	char *s;
	size_t len, cap;
} text;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
put(text *t, const char *fmt, ...)
{
	va_list ap;
	int n;
	for (;;) {
		if (t->cap - t->len < 256) {
			t->cap = t->cap ? t->cap * 2 : 1 << 20;
			t->s = realloc(t->s, t->cap);
			ck_assert_ptr_nonnull(t->s);
		}
		va_start(ap, fmt);
		n = vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
		va_end(ap);
		ck_assert_int_ge(n, 0);
		if ((size_t)n < t->cap - t->len)
			break;
		t->cap *= 2;
		t->s = realloc(t->s, t->cap);
		ck_assert_ptr_nonnull(t->s);
	}
	t->len += (size_t)n;
}

/* "LINE:COL: CODE: MESSAGE\n" for every diagnostic of r. */
static char *
render(const upl_report *r)
{
	text t = { NULL, 0, 0 };
	size_t i;
	put(&t, "%s", "");
	for (i = 0; i < upl_report_count(r); i++) {
		const upl_diag *d = upl_report_get(r, i);
		put(&t, "%u:%u: %s: %s\n", upl_diag_line(d), upl_diag_column(d), upl_diag_code(d),
		    upl_diag_message(d));
	}
	return t.s;
}

/* Validate the document in t (all rules) and compare its diagnostics with
 * want; frees both. Fails when that took 2 s of CPU or more (except in a
 * slow run). */
static void
check_big(text *t, text *want, const char *what)
{
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *r = NULL;
	upl_error *err = NULL;
	double t0, used;
	char *got;
	o.lang = "en";
	ck_assert_int_eq(upl_report_new(&r), 0);
	t0 = cpu_seconds();
	ck_assert_msg(upl_validate_buffer(r, t->s, t->len, "big.xml", &o, &err) == 0, "%s",
		      upl_error_message(err));
	used = cpu_seconds() - t0;
	got = render(r);
	upl_report_free(r);
	if (!slow_run())
		ck_assert_msg(used < 2.0, "%s: %.2f s of CPU (bound: 2 s)", what, used);
	ck_assert_str_eq(got, want->s);
	free(got);
	free(t->s);
	free(want->s);
}

/* The start of a plan, meta on lines 3 to 5 (with a period, on line 5,
 * when period is not NULL). */
static void
plan_head(text *t, const char *period)
{
	put(t, "%s", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		     "<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">\n"
		     "  <meta>\n"
		     "    <title>计划</title>\n");
	if (period)
		put(t, "    %s\n", period);
	put(t, "%s", "  </meta>\n");
}

/* 160,000 sections numbered 1, 2, 3 ... but for a repeat of 7 at 50,000,
 * of 99,998 at 100,000 and a jump at the end: two duplicates, three skips.
 * Section i is on line 5 + i. */
START_TEST(test_numbering_many_sections)
{
	int n = slow_run() ? 16000 : 160000, i;
	int dup1 = n / 16 * 5, dup2 = n / 8 * 5;
	text t = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	plan_head(&t, NULL);
	for (i = 1; i <= n; i++) {
		int number = i == dup1 ? 7 : i == dup2 ? dup2 - 2 : i == n ? n + 5 : i;
		put(&t, "  <section number=\"%d\"><heading>第%d节</heading></section>\n", number, i);
	}
	put(&t, "%s", "</plan>\n");
	put(&want, "%d:3: numbering-duplicate: number 7 is used again (first at line 12)\n", 5 + dup1);
	put(&want, "%d:3: numbering-skip: numbering jumps from 7 to %d\n", 6 + dup1, dup1 + 1);
	put(&want, "%d:3: numbering-duplicate: number %d is used again (first at line %d)\n", 5 + dup2,
	    dup2 - 2, 3 + dup2);
	put(&want, "%d:3: numbering-skip: numbering jumps from %d to %d\n", 6 + dup2, dup2 - 2, dup2 + 1);
	put(&want, "%d:3: numbering-skip: numbering jumps from %d to %d\n", 5 + n, n - 1, n + 5);
	check_big(&t, &want, "numbered sections");
}
END_TEST

/* 60,000 months of 5,000 years, with month 6 of the first year again
 * after the 10,000th and the 20,000th month, and the last month twice.
 * The month at index j of the schedule is on line 7 + j. */
START_TEST(test_month_duplicate_many_months)
{
	int n = slow_run() ? 6000 : 60000, k, j = 0;
	text t = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	plan_head(&t, NULL);
	put(&t, "%s", "  <schedule>\n");
	for (k = 0; k < n; k++) {
		put(&t, "    <month month=\"%d\" year=\"%d\"/>\n", k % 12 + 1, 2000 + k / 12);
		j++;
		if (k + 1 == n / 6 || k + 1 == n / 3) {
			put(&t, "%s", "    <month month=\"6\" year=\"2000\"/>\n");
			put(&want, "%d:5: month-duplicate: month 6 appears again (first at line 12)\n", 7 + j);
			j++;
		}
	}
	put(&t, "    <month month=\"%d\" year=\"%d\"/>\n", (n - 1) % 12 + 1, 2000 + (n - 1) / 12);
	put(&want, "%d:5: month-duplicate: month %d appears again (first at line %d)\n", 7 + j,
	    (n - 1) % 12 + 1, 6 + j);
	put(&t, "%s", "  </schedule>\n</plan>\n");
	check_big(&t, &want, "months");
}
END_TEST

/* One paragraph with thousands of counts (第三届) before a 第二十八个教师节
 * (2012) in a plan for 2013: the count-year rule looks for the festival
 * right after each count only, not through the rest of the text. */
START_TEST(test_counts_in_a_long_text)
{
	int n = slow_run() ? 1000 : 5000, i;
	text t = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	plan_head(&t, "<period kind=\"year\" start=\"2013-01-01\" end=\"2013-12-31\">2013年</period>");
	put(&t, "%s", "  <section><heading>比赛</heading><p>");
	for (i = 0; i < n; i++)
		put(&t, "%s", "第三届比赛，");
	put(&t, "%s", "第二十八个教师节</p></section>\n</plan>\n");
	/* line 7, column 33: the <p> */
	put(&want, "%s", "7:33: count-year: '第二十八个教师节' implies the year 2012, "
			 "but the plan is for 2013\n");
	check_big(&t, &want, "counts");
}
END_TEST

/* One paragraph of 8 MiB: the schema's validator appended each piece of
 * text the parser handed over to what it held (a 4 MiB paragraph took 5 s,
 * an 11 MiB one over 30); the reader now hands it each text node whole. */
START_TEST(test_one_long_paragraph)
{
	size_t n = slow_run() ? 300000 : 2800000, i;
	text t = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	plan_head(&t, NULL);
	put(&t, "%s", "  <p>");
	for (i = 0; i < n; i++)
		put(&t, "%s", "工");
	put(&t, "%s", "</p>\n</plan>\n");
	put(&want, "%s", "");
	check_big(&t, &want, "one long paragraph");
}
END_TEST

static Suite *
scale_suite(void)
{
	Suite *s = suite_create("scale");
	TCase *tc = tcase_create("scale");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_numbering_many_sections);
	tcase_add_test(tc, test_month_duplicate_many_months);
	tcase_add_test(tc, test_counts_in_a_long_text);
	tcase_add_test(tc, test_one_long_paragraph);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(scale_suite)

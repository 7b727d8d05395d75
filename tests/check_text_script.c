/* Unit tests for script detection, traditional-to-simplified conversion
 * and normalisation (upl_text_script, upl_text_to_simplified,
 * upl_text_normalize, upl_text_space_len). */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

static const char *const simplified_seeds[] = {
	"tests/data/seeds/000_4589f19a21d053f0.txt",
	"tests/data/seeds/002_c586d096e016a226.txt",
	"tests/data/seeds/003_16f611ec0ac9a530.txt",
	"tests/data/seeds/004_7fafac6153687fc9.txt",
	"tests/data/import/arabic-months.txt",
	"tests/data/import/month-ranges.txt",
	"tests/data/import/no-schedule.txt",
};

/* --- script ----------------------------------------------------------------------- */

START_TEST(test_script_seeds)
{
	size_t k, len;
	char *t;
	for (k = 0; k < sizeof simplified_seeds / sizeof simplified_seeds[0]; k++) {
		t = test_slurp(simplified_seeds[k], &len);
		ck_assert_msg(upl_text_script(t, len) == UPL_SCRIPT_HANS, "%s", simplified_seeds[k]);
		free(t);
	}
	t = test_slurp("tests/data/seeds/001_10ff43b2df3ecc86.txt", &len);
	ck_assert_int_eq(upl_text_script(t, len), UPL_SCRIPT_HANT);
	ck_assert_int_eq(upl_text_script(t, UPL_TEXT_NUL), UPL_SCRIPT_HANT);
	free(t);
	t = test_slurp("tests/data/import/traditional-pinyin.txt", &len);
	ck_assert_int_eq(upl_text_script(t, len), UPL_SCRIPT_HANT);
	free(t);
}
END_TEST

START_TEST(test_script_cases)
{
	static const struct { const char *in; upl_script want; } cases[] = {
		{ "工會工作計劃", UPL_SCRIPT_HANT },
		{ "工会工作计划", UPL_SCRIPT_HANS },
		{ "行事曆", UPL_SCRIPT_HANT },
		{ "教师节", UPL_SCRIPT_HANS },
		{ "工作", UPL_SCRIPT_UNKNOWN },           /* shared characters only */
		{ "中秋", UPL_SCRIPT_UNKNOWN },
		{ "会會", UPL_SCRIPT_UNKNOWN },           /* a tie */
		{ "会計划", UPL_SCRIPT_UNKNOWN },         /* 会 against 計, 划 shared */
		{ "資源描述：会员上传", UPL_SCRIPT_HANS }, /* 会员传 outvote 資 */
		{ "abc 2013", UPL_SCRIPT_UNKNOWN },
		{ "", UPL_SCRIPT_UNKNOWN },
		{ "\xFF會\xE4", UPL_SCRIPT_HANT },       /* invalid bytes skipped */
		{ "徳", UPL_SCRIPT_UNKNOWN },             /* in neither set */
	};
	size_t k;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
		ck_assert_msg(upl_text_script(cases[k].in, strlen(cases[k].in)) == cases[k].want,
			      "case %zu \"%s\"", k, cases[k].in);
	ck_assert_int_eq(upl_text_script(NULL, 5), UPL_SCRIPT_UNKNOWN);
	ck_assert_int_eq(upl_text_script("工會", 3), UPL_SCRIPT_UNKNOWN); /* 會 outside the length */
}
END_TEST

/* --- to simplified ------------------------------------------------------------------- */

static char *
simplify(const char *s, size_t len, size_t *out_len)
{
	char *out = NULL;
	upl_error *err = NULL;
	int rc = upl_text_to_simplified(&out, out_len, s, len, &err);
	ck_assert_msg(rc == 0, "rc %d: %s", rc, upl_error_message(err));
	ck_assert_ptr_null(err);
	return out;
}

START_TEST(test_simplified_cases)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "工會工作計劃", "工会工作计划" },
		{ "資源描述", "资源描述" },
		{ "三、行事曆", "三、行事历" },
		{ "九月：慶祝教師節（9月10日）", "九月：庆祝教师节（9月10日）" },
		{ "以黨的十八大精神為指導", "以党的十八大精神为指导" },
		/* simplified text is kept, even where ICU's transform would change it */
		{ "显著", "显著" },
		{ "与时俱进的思想路线", "与时俱进的思想路线" },
		{ "乾隆", "乾隆" },
		{ "工会工作计划", "工会工作计划" },
		/* a stray traditional character in simplified text */
		{ "新北区教育工会2012年行事曆", "新北区教育工会2012年行事历" },
		/* non-Han text and labels; punctuation kept in traditional text */
		{ "abc 123 ①（一）⑴ 1．", "abc 123 ①（一）⑴ 1．" },
		{ "「工會」『計劃』，。（一）①⑴ ２０１３ 〇○", "「工会」『计划』，。（一）①⑴ ２０１３ 〇○" },
		{ "", "" },
	};
	size_t k, n;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char *out = simplify(cases[k].in, strlen(cases[k].in), &n);
		ck_assert_str_eq(out, cases[k].out);
		ck_assert_uint_eq(n, strlen(cases[k].out));
		upl_free(out);
	}
	/* NUL-terminated input, no out_len */
	{
		char *out = NULL;
		ck_assert_int_eq(upl_text_to_simplified(&out, NULL, "學校", UPL_TEXT_NUL, NULL), 0);
		ck_assert_str_eq(out, "学校");
		upl_free(out);
	}
}
END_TEST

START_TEST(test_simplified_seeds)
{
	size_t k, len, n;
	char *t, *out;
	/* simplified plans come back byte for byte */
	for (k = 0; k < sizeof simplified_seeds / sizeof simplified_seeds[0]; k++) {
		t = test_slurp(simplified_seeds[k], &len);
		out = simplify(t, len, &n);
		ck_assert_msg(n == len && memcmp(out, t, len) == 0, "%s changed", simplified_seeds[k]);
		upl_free(out);
		free(t);
	}
	/* the traditional seed becomes simplified */
	t = test_slurp("tests/data/seeds/001_10ff43b2df3ecc86.txt", &len);
	out = simplify(t, len, &n);
	ck_assert_int_eq(upl_text_script(out, n), UPL_SCRIPT_HANS);
	ck_assert_ptr_nonnull(strstr(out, "2017年度小学工会工作计划与2017年度小学工会计划汇编"));
	ck_assert_ptr_nonnull(strstr(out, "资源描述:"));
	ck_assert_ptr_nonnull(strstr(out, "一、学习提升"));
	ck_assert_ptr_nonnull(strstr(out, "以“三.八\"妇女节"));
	ck_assert_ptr_null(strstr(out, "工會"));
	ck_assert_ptr_null(strstr(out, "計劃"));
	/* labels and dates survive the conversion */
	{
		upl_text_date d;
		ck_assert_int_eq(upl_text_date_find(&d, out, n, 0), 0);
		ck_assert_int_eq(d.month, 3);
		ck_assert_int_eq(d.day, 8);
	}
	upl_free(out);
	free(t);
	t = test_slurp("tests/data/import/traditional-pinyin.txt", &len);
	out = simplify(t, len, &n);
	ck_assert_ptr_nonnull(strstr(out, "学校工会2016年工作计划\n一、指导(dǎo)思想\n"));
	ck_assert_ptr_nonnull(strstr(out, "三、行事历\n三月：庆祝“三八”妇女节。"));
	upl_free(out);
	free(t);
}
END_TEST

START_TEST(test_simplified_errors)
{
	char *out = (char *)"x";
	upl_error *err = NULL;
	ck_assert_int_eq(upl_text_to_simplified(&out, NULL, "工\xFF會", 7, &err), UPL_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "byte offset 3"));
	upl_error_free(err);
	/* a surrogate written as UTF-8 (CESU-8) is not UTF-8 */
	ck_assert_int_eq(upl_text_to_simplified(&out, NULL, "\xED\xA0\xBD\xED\xB8\x80", 6, NULL),
			 UPL_EINVAL);
	ck_assert_int_eq(upl_text_to_simplified(&out, NULL, "會\xE6\x9C", 5, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_to_simplified(NULL, NULL, "會", 3, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_to_simplified(&out, NULL, NULL, 3, NULL), UPL_EINVAL);
}
END_TEST

START_TEST(test_simplified_large)
{
	size_t len, n, k, reps = 40;
	char *t = test_slurp("tests/data/seeds/001_10ff43b2df3ecc86.txt", &len);
	char *big = malloc(len * reps), *out, *one;
	ck_assert_ptr_nonnull(big);
	for (k = 0; k < reps; k++)
		memcpy(big + k * len, t, len);
	one = simplify(t, len, &n);
	out = simplify(big, len * reps, &n);
	ck_assert_uint_eq(n, strlen(one) * reps);
	for (k = 0; k < reps; k++)
		ck_assert(memcmp(out + k * strlen(one), one, strlen(one)) == 0);
	upl_free(out);
	upl_free(one);
	free(big);
	free(t);
}
END_TEST

/* --- normalisation ------------------------------------------------------------------- */

START_TEST(test_normalize_cases)
{
	static const struct { const char *in; unsigned flags; const char *out; } cases[] = {
		{ "２０１３年", 0, "2013年" },
		{ "ＡＢＣａｂｃ", 0, "ABCabc" },
		{ "第２８个教师节", 0, "第28个教师节" },
		{ "（一）．加强", 0, "（一）．加强" },
		{ "（一）．加强", UPL_TEXT_NORM_PUNCT, "(一).加强" },
		{ "１．进一步，加强：", UPL_TEXT_NORM_PUNCT, "1.进一步,加强:" },
		{ "１．进一步，加强：", 0, "1．进一步，加强：" },
		{ "、。“”《》【】", 0, "、。“”《》【】" },
		{ "、。“”《》【】", UPL_TEXT_NORM_PUNCT, "、。“”《》【】" },
		{ "9～10月", 0, "9～10月" },
		{ "9～10月", UPL_TEXT_NORM_PUNCT, "9~10月" },
		{ "　　1、进一步", 0, "  1、进一步" },
		{ "a\xC2\xA0" "b\xE2\x80\x83" "c", 0, "a b c" }, /* NBSP, EM SPACE */
		{ "\t\n", 0, "\t\n" },
		{ "⼯会", 0, "工会" },        /* KANGXI RADICAL WORK */
		{ "\xEF\xA4\x80", 0, "\xE8\xB1\x88" }, /* U+F900 (compatibility) to U+8C48 豈 */
		{ "\xEF\xA8\x91", 0, "\xEF\xA8\x91" }, /* U+FA11 is a unified ideograph: kept */
		{ "ﬁle", 0, "file" },
		{ "ｶﾀｶﾅ", 0, "カタカナ" },
		{ "①⑴㈠⒈Ⅲ", 0, "①⑴㈠⒈Ⅲ" },
		{ "①⑴㈠⒈Ⅲ", UPL_TEXT_NORM_PUNCT, "①⑴㈠⒈Ⅲ" },
		{ "", 0, "" },
	};
	size_t k;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char *out = NULL;
		size_t n = 0;
		ck_assert_int_eq(upl_text_normalize(&out, &n, cases[k].in, strlen(cases[k].in),
						    cases[k].flags, NULL), 0);
		ck_assert_msg(strcmp(out, cases[k].out) == 0, "case %zu: \"%s\"", k, out);
		ck_assert_uint_eq(n, strlen(out));
		upl_free(out);
	}
}
END_TEST

START_TEST(test_normalize_seeds)
{
	size_t k, len, n;
	/* normalised text keeps every label, month and date recognisable */
	for (k = 0; k < 4; k++) {
		char *t = test_slurp(simplified_seeds[k], &len), *out = NULL;
		upl_text_date a, b;
		ck_assert_int_eq(upl_text_normalize(&out, &n, t, len, 0, NULL), 0);
		ck_assert_int_eq(upl_text_script(out, n), UPL_SCRIPT_HANS);
		ck_assert_int_eq(upl_text_date_find(&a, t, len, 0) == 0,
				 upl_text_date_find(&b, out, n, 0) == 0);
		upl_free(out);
		free(t);
	}
}
END_TEST

START_TEST(test_normalize_errors)
{
	char *out = (char *)"x";
	upl_error *err = NULL;
	ck_assert_int_eq(upl_text_normalize(&out, NULL, "a\xFF", 2, 0, &err), UPL_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(upl_error_code(err), UPL_EINVAL);
	upl_error_free(err);
	ck_assert_int_eq(upl_text_normalize(&out, NULL, "a", 1, 4u, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_normalize(NULL, NULL, "a", 1, 0, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_normalize(&out, NULL, NULL, 1, 0, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_text_normalize(&out, NULL, "\xED\xB0\x80", 3, 0, NULL), UPL_EINVAL);
	/* NUL-terminated */
	ck_assert_int_eq(upl_text_normalize(&out, NULL, "１", UPL_TEXT_NUL, 0, NULL), 0);
	ck_assert_str_eq(out, "1");
	upl_free(out);
}
END_TEST

START_TEST(test_space_len)
{
	ck_assert_uint_eq(upl_text_space_len("　\t \xC2\xA0x", UPL_TEXT_NUL), 7);
	ck_assert_uint_eq(upl_text_space_len("　\t \xC2\xA0x", 4), 4);
	ck_assert_uint_eq(upl_text_space_len("　　", 5), 3); /* the second one cut short */
	ck_assert_uint_eq(upl_text_space_len("x ", 2), 0);
	ck_assert_uint_eq(upl_text_space_len("\n ", 2), 0);
	ck_assert_uint_eq(upl_text_space_len("\xE2\x80\x83x", 4), 0); /* EM SPACE is not one */
	ck_assert_uint_eq(upl_text_space_len("", 0), 0);
	ck_assert_uint_eq(upl_text_space_len(NULL, 3), 0);
}
END_TEST

/* --- threads -------------------------------------------------------------------------
 * The character sets are built once (under a lock) and shared frozen;
 * everything else is per call or per object. Threads started at the same
 * time all race for the first use. */

typedef struct job {
	const char *trad;
	size_t len;
	char *result; /* the last conversion */
	int ok;
} job;

static void *
worker(void *arg)
{
	job *j = arg;
	int k;
	j->ok = 1;
	j->result = NULL;
	for (k = 0; k < 5; k++) {
		char *out = NULL, *wrapped = NULL;
		upl_text_collator *c = NULL;
		const char *names[] = { "张三", "王五", "李四" };
		if (upl_text_script(j->trad, j->len) != UPL_SCRIPT_HANT)
			j->ok = 0;
		if (upl_text_to_simplified(&out, NULL, j->trad, j->len, NULL) != 0)
			j->ok = 0;
		if (upl_text_wrap(&wrapped, NULL, out ? out : "", UPL_TEXT_NUL, 40, 0, NULL) != 0)
			j->ok = 0;
		if (upl_text_collator_new(&c, NULL, NULL) != 0 || upl_text_sort(c, names, 3, NULL) != 0 ||
		    strcmp(names[0], "李四") != 0)
			j->ok = 0;
		upl_text_collator_free(c);
		upl_free(wrapped);
		upl_free(j->result);
		j->result = out;
	}
	return NULL;
}

START_TEST(test_threads)
{
	enum { N = 4 };
	pthread_t th[N];
	job jobs[N];
	size_t len, k;
	char *trad = test_slurp("tests/data/seeds/001_10ff43b2df3ecc86.txt", &len);
	/* the threads start together, racing for the first use of the sets */
	for (k = 0; k < N; k++) {
		jobs[k].trad = trad;
		jobs[k].len = len;
		ck_assert_int_eq(pthread_create(&th[k], NULL, worker, &jobs[k]), 0);
	}
	for (k = 0; k < N; k++) {
		ck_assert_int_eq(pthread_join(th[k], NULL), 0);
		ck_assert_msg(jobs[k].ok, "thread %zu", k);
		ck_assert_ptr_nonnull(jobs[k].result);
		ck_assert_ptr_nonnull(strstr(jobs[k].result, "小学工会工作计划"));
		ck_assert_str_eq(jobs[k].result, jobs[0].result);
	}
	for (k = 0; k < N; k++)
		upl_free(jobs[k].result);
	free(trad);
}
END_TEST

static Suite *
script_suite(void)
{
	Suite *s = suite_create("text-script");
	TCase *tc = tcase_create("script");
	tcase_add_test(tc, test_script_seeds);
	tcase_add_test(tc, test_script_cases);
	suite_add_tcase(s, tc);
	tc = tcase_create("simplified");
	tcase_add_test(tc, test_simplified_cases);
	tcase_add_test(tc, test_simplified_seeds);
	tcase_add_test(tc, test_simplified_errors);
	tcase_add_test(tc, test_simplified_large);
	tcase_set_timeout(tc, 300);
	suite_add_tcase(s, tc);
	tc = tcase_create("normalize");
	tcase_add_test(tc, test_normalize_cases);
	tcase_add_test(tc, test_normalize_seeds);
	tcase_add_test(tc, test_normalize_errors);
	tcase_add_test(tc, test_space_len);
	suite_add_tcase(s, tc);
	tc = tcase_create("threads");
	tcase_add_test(tc, test_threads);
	tcase_set_timeout(tc, 300);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(script_suite)

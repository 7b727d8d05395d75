/* The semantic layer: messages in English and Chinese, per-call options
 * (language, rule groups), the rule descriptions, and that every rule in
 * the catalogue can be explained. The rules' positions and codes are
 * checked by the corpus (tests/data/rules). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

static char *
data_path(const char *rel)
{
	const char *top = getenv("top_srcdir");
	size_t n = strlen(top ? top : ".") + strlen(rel) + 2;
	char *p = malloc(n);
	ck_assert_ptr_nonnull(p);
	snprintf(p, n, "%s/%s", top ? top : ".", rel);
	return p;
}

static upl_report *
check_file(const char *rel, const char *lang, unsigned int rules)
{
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *r = NULL;
	char *path = data_path(rel);
	o.lang = lang;
	o.rules = rules;
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_file(r, path, &o, NULL), 0);
	free(path);
	return r;
}

START_TEST(test_seed000_english_and_chinese)
{
	upl_report *en = check_file("doc/examples/seed-000.xml", "en", 0);
	upl_report *zh = check_file("doc/examples/seed-000.xml", "zh-Hans", 0);
	ck_assert_uint_eq(upl_report_count(en), 2);
	ck_assert_uint_eq(upl_report_count(zh), 2);
	ck_assert_str_eq(upl_diag_message(upl_report_get(en, 0)), "number 2 is used again (first at line 70)");
	ck_assert_str_eq(upl_diag_message(upl_report_get(zh, 0)), "编号 2 重复（第一次出现在第 70 行）");
	ck_assert_str_eq(upl_diag_message(upl_report_get(en, 1)), "numbering jumps from 3 to 5");
	ck_assert_str_eq(upl_diag_message(upl_report_get(zh, 1)), "编号从 3 跳到 5");
	/* same codes, positions and severities in both languages */
	ck_assert_str_eq(upl_diag_code(upl_report_get(zh, 1)), "numbering-skip");
	ck_assert_uint_eq(upl_diag_line(upl_report_get(zh, 1)), 73);
	ck_assert_int_eq(upl_diag_severity(upl_report_get(zh, 1)), UPL_SEVERITY_WARNING);
	upl_report_free(en);
	upl_report_free(zh);
}
END_TEST

/* The lunar-aware holiday rules and the count cross-check, in both languages. */
START_TEST(test_holiday_rules_in_both_languages)
{
	upl_report *en = check_file("tests/data/rules/holiday-month/input.xml", "en", 0);
	upl_report *zh = check_file("tests/data/rules/holiday-month/input.xml", "zh-Hans", 0);
	ck_assert_uint_eq(upl_report_count(en), 2);
	ck_assert_str_eq(upl_diag_message(upl_report_get(en, 0)),
			 "中秋节 in 2012 falls on 2012-09-30, so an activity before it cannot be in 十月份");
	ck_assert_str_eq(upl_diag_message(upl_report_get(zh, 0)),
			 "中秋节 在 2012 年是 2012-09-30，节前的活动不能安排在 十月份");
	ck_assert_uint_eq(upl_diag_line(upl_report_get(zh, 0)), 12);
	ck_assert_int_eq(upl_diag_severity(upl_report_get(zh, 0)), UPL_SEVERITY_ERROR);
	/* 春节 2013 is February 10 by the official calendar */
	ck_assert_str_eq(upl_diag_message(upl_report_get(en, 1)),
			 "春节 in 2013 falls on 2013-02-10, so an activity on the day of it cannot be in 二○一三年一月份");
	upl_report_free(en);
	upl_report_free(zh);
	en = check_file("tests/data/rules/count-year/input.xml", "en", 0);
	zh = check_file("tests/data/rules/count-year/input.xml", "zh-Hans", 0);
	ck_assert_uint_eq(upl_report_count(en), 2);
	ck_assert_str_eq(upl_diag_message(upl_report_get(en, 0)),
			 "'第102个“三八”妇女节' implies the year 2012, but the plan is for 2013");
	ck_assert_str_eq(upl_diag_message(upl_report_get(en, 1)),
			 "'第二十八个教师节' implies the year 2012, but the plan is for 2013");
	ck_assert_str_eq(upl_diag_message(upl_report_get(zh, 1)),
			 "“第二十八个教师节”对应 2012 年，但计划是 2013 年的");
	upl_report_free(en);
	upl_report_free(zh);
	/* the same plan for 2012 is right: no finding */
	en = check_file("tests/data/rules/holiday-day-off/input.xml", "en", UPL_RULES_CROSSCHECK);
	ck_assert_uint_eq(upl_report_count(en), 0);
	upl_report_free(en);
	en = check_file("tests/data/rules/holiday-day-off/input.xml", "en", UPL_RULES_HOLIDAYS);
	ck_assert_uint_eq(upl_report_count(en), 1);
	ck_assert_str_eq(upl_diag_message(upl_report_get(en, 0)), "2012-10-03 is an official day off (国庆节)");
	upl_report_free(en);
}
END_TEST

START_TEST(test_language_from_environment)
{
	upl_report *r;
	setenv("LANGUAGE", "", 1);
	unsetenv("LC_ALL");
	setenv("LC_MESSAGES", "", 1);
	setenv("LANG", "zh_CN.UTF-8", 1);
	r = check_file("tests/data/rules/meta-title/input.xml", NULL, 0);
	ck_assert_str_eq(upl_diag_message(upl_report_get(r, 0)), "计划没有标题");
	upl_report_free(r);
	setenv("LANG", "en_US.UTF-8", 1);
	r = check_file("tests/data/rules/meta-title/input.xml", NULL, 0);
	ck_assert_str_eq(upl_diag_message(upl_report_get(r, 0)), "the plan has no title");
	upl_report_free(r);
	/* LC_ALL wins over LANG; the option wins over both */
	setenv("LC_ALL", "zh_TW.UTF-8", 1);
	r = check_file("tests/data/rules/meta-title/input.xml", NULL, 0);
	ck_assert_str_eq(upl_diag_message(upl_report_get(r, 0)), "计划没有标题");
	upl_report_free(r);
	r = check_file("tests/data/rules/meta-title/input.xml", "en", 0);
	ck_assert_str_eq(upl_diag_message(upl_report_get(r, 0)), "the plan has no title");
	upl_report_free(r);
	unsetenv("LC_ALL");
}
END_TEST

static int
has_cjk(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	for (; *p; p++)
		if (*p >= 0xE4 && *p <= 0xE9)
			return 1;
	return 0;
}

/* Every rule case renders a full message in both languages: no format
 * directive left over, Chinese text in the Chinese one. */
START_TEST(test_every_rule_message_in_both_languages)
{
	static const char *cases[] = {
		"numbering-duplicate", "numbering-skip", "numbering-start", "month-order",
		"month-duplicate", "month-outside-period", "month-span-backwards",
		"date-impossible", "date-outside-month", "date-outside-period", "meta-title",
		"meta-period", "meta-docnumber", "year-unknown"
	};
	size_t i, k;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char rel[256];
		upl_report *en, *zh;
		snprintf(rel, sizeof rel, "tests/data/rules/%s/input.xml", cases[i]);
		en = check_file(rel, "en", 0);
		zh = check_file(rel, "zh-Hans", 0);
		ck_assert_uint_eq(upl_report_count(en), upl_report_count(zh));
		for (k = 0; k < upl_report_count(en); k++) {
			const char *me = upl_diag_message(upl_report_get(en, k));
			const char *mz = upl_diag_message(upl_report_get(zh, k));
			ck_assert_msg(strchr(me, '%') == NULL, "%s: %s", cases[i], me);
			ck_assert_msg(strchr(mz, '%') == NULL, "%s: %s", cases[i], mz);
			ck_assert_msg(has_cjk(mz), "%s: no Chinese in '%s'", cases[i], mz);
			ck_assert_str_ne(me, mz);
			ck_assert_str_eq(upl_diag_code(upl_report_get(en, k)),
					 upl_diag_code(upl_report_get(zh, k)));
		}
		upl_report_free(en);
		upl_report_free(zh);
	}
}
END_TEST

START_TEST(test_reader_messages_in_both_languages)
{
	upl_report *en = check_file("tests/data/invalid/xxe-external-entity/input.xml", "en", 0);
	upl_report *zh = check_file("tests/data/invalid/xxe-external-entity/input.xml", "zh-Hans", 0);
	ck_assert_str_eq(upl_diag_message(upl_report_get(en, 0)),
			 "entity declaration 'secret' refused: entity declarations are not allowed "
			 "(no DTD processing, no external entities)");
	ck_assert_str_eq(upl_diag_message(upl_report_get(zh, 0)),
			 "拒绝实体声明“secret”：不允许声明实体（不处理 DTD，不读取外部实体）");
	upl_report_free(en);
	upl_report_free(zh);
	zh = check_file("tests/data/invalid/invalid-gb18030/input.xml", "zh-Hans", 0);
	ck_assert_str_eq(upl_diag_message(upl_report_get(zh, 0)),
			 "偏移 130 处的字节序列（0x81）不是有效的 GB18030");
	upl_report_free(zh);
	{
		upl_parse_options o = UPL_PARSE_OPTIONS_INIT;
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		o.lang = "zh-Hans";
		ck_assert_int_eq(upl_doc_parse_buffer(&doc, "", 0, "e.xml", &o, &err), UPL_EPARSE);
		ck_assert_str_eq(upl_error_message(err), "文档为空 [xml-empty]");
		upl_error_free(err);
	}
}
END_TEST

START_TEST(test_rule_groups)
{
	/* numbering only: seed 000's findings stay; meta only: none */
	upl_report *r = check_file("doc/examples/seed-000.xml", "en", UPL_RULES_NUMBERING);
	ck_assert_uint_eq(upl_report_count(r), 2);
	upl_report_free(r);
	r = check_file("doc/examples/seed-000.xml", "en", UPL_RULES_META | UPL_RULES_MONTHS);
	ck_assert_uint_eq(upl_report_count(r), 0);
	upl_report_free(r);
	r = check_file("tests/data/rules/meta-title/input.xml", "en", UPL_RULES_NUMBERING);
	ck_assert_uint_eq(upl_report_count(r), 0);
	upl_report_free(r);
	{
		upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
		upl_report *s = NULL;
		char *path = data_path("tests/data/rules/meta-title/input.xml");
		o.flags = UPL_VALIDATE_SCHEMA_ONLY;
		ck_assert_int_eq(upl_report_new(&s), 0);
		ck_assert_int_eq(upl_validate_file(s, path, &o, NULL), 0);
		ck_assert_uint_eq(upl_report_count(s), 0);
		upl_report_free(s);
		free(path);
	}
}
END_TEST

START_TEST(test_explain_every_rule)
{
	size_t i;
	for (i = 0; upl_rule_code(i); i++) {
		const char *code = upl_rule_code(i);
		const char *en = upl_rule_explain(code, "en"), *zh = upl_rule_explain(code, "zh-Hans");
		int sev = upl_rule_severity(code);
		ck_assert_ptr_nonnull(en);
		ck_assert_ptr_nonnull(zh);
		ck_assert_msg(has_cjk(zh), "%s: explanation not in Chinese", code);
		ck_assert_int_ge(sev, UPL_SEVERITY_NOTE);
		ck_assert_int_le(sev, UPL_SEVERITY_ERROR);
	}
	ck_assert_uint_ge(i, 30);
	ck_assert_ptr_null(upl_rule_explain("no-such-rule", "en"));
	ck_assert_int_eq(upl_rule_severity("no-such-rule"), -1);
	ck_assert_int_eq(upl_rule_severity("numbering-duplicate"), UPL_SEVERITY_WARNING);
	ck_assert_int_eq(upl_rule_severity("holiday-month"), UPL_SEVERITY_ERROR);
	ck_assert_int_eq(upl_rule_severity("holiday-day-off"), UPL_SEVERITY_NOTE);
	ck_assert_ptr_nonnull(strstr(upl_rule_explain("holiday-month", "en"), "中秋"));
}
END_TEST

START_TEST(test_fails_at)
{
	upl_report *r = check_file("tests/data/rules/year-unknown/input.xml", "en", 0);
	ck_assert_uint_eq(upl_report_count(r), 1);
	ck_assert_int_eq(upl_report_fails_at(r, UPL_SEVERITY_NOTE), 1);
	ck_assert_int_eq(upl_report_fails_at(r, UPL_SEVERITY_WARNING), 0);
	ck_assert_int_eq(upl_report_failed(r, 1), 0);
	upl_report_free(r);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("rules");
	SRunner *sr;
	int failed;
	tcase_add_test(tc, test_seed000_english_and_chinese);
	tcase_add_test(tc, test_language_from_environment);
	tcase_add_test(tc, test_holiday_rules_in_both_languages);
	tcase_add_test(tc, test_every_rule_message_in_both_languages);
	tcase_add_test(tc, test_reader_messages_in_both_languages);
	tcase_add_test(tc, test_rule_groups);
	tcase_add_test(tc, test_explain_every_rule);
	tcase_add_test(tc, test_fails_at);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

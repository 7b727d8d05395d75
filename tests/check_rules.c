/* The rule registry and the semantic layer: every row of the registry
 * (libunionplan/rules.def) has a corpus case that produces it, is listed
 * in doc/rules.md with the same severity and group, and renders in English
 * and Chinese; messages in both languages, per-call options (language,
 * rule groups, flags), the rule descriptions. The rules' positions are
 * checked by the corpus (tests/data/rules, tests/check_corpus.c). */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unionplan.h>

#include "messages-private.h"
#include "report-private.h"
#include "util-private.h"
#include "testutil.h"

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

/* ------------------------------------------------------------------------ */
/* The registry                                                             */

static int
rule_index(const char *code)
{
	int i;
	for (i = 0; i < UPL__RULE_COUNT; i++)
		if (strcmp(upl__rule_code((upl_rule_id)i), code) == 0)
			return i;
	return -1;
}

/* Mark the codes of report in seen[]. */
static void
mark(int *seen, const upl_report *r)
{
	size_t k;
	for (k = 0; k < upl_report_count(r); k++) {
		int i = rule_index(upl_diag_code(upl_report_get(r, k)));
		ck_assert_int_ge(i, 0);
		seen[i] = 1;
	}
}

/* Validate (name.xml, dir/input.xml) or import (name.txt, dir/input.txt)
 * the corpus file at path, marking what it produces. */
static void
run_case(int *seen, const char *path)
{
	size_t n = strlen(path);
	upl_report *r = NULL;
	ck_assert_int_eq(upl_report_new(&r), 0);
	if (n > 4 && strcmp(path + n - 4, ".txt") == 0) {
		upl_doc *doc = NULL;
		if (upl_import_file(&doc, r, path, NULL, NULL) == 0)
			upl_doc_free(doc);
	} else if (n > 4 && strcmp(path + n - 4, ".xml") == 0) {
		ck_assert_int_eq(upl_validate_file(r, path, NULL, NULL), 0);
	}
	mark(seen, r);
	upl_report_free(r);
}

/* Every file of the corpus directory rel, and every CASE/input.* in it. */
static void
walk(int *seen, const char *rel)
{
	char *dir = data_path(rel);
	DIR *dp = opendir(dir);
	struct dirent *e;
	ck_assert_msg(dp != NULL, "cannot open %s", dir);
	while ((e = readdir(dp)) != NULL) {
		char path[2048];
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s/input.xml", dir, e->d_name);
		if (access(path, F_OK) != 0)
			snprintf(path, sizeof path, "%s/%s/input.txt", dir, e->d_name);
		if (access(path, F_OK) != 0)
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		run_case(seen, path);
	}
	closedir(dp);
	free(dir);
}

/* Each rule of the registry has a corpus case that produces it. */
START_TEST(test_every_rule_has_a_corpus_case)
{
	/* No corpus case can produce these; each is tested elsewhere. */
	static const char *const exceptions[] = {
		"xml-too-large",  /* 64 MiB of input: check_xml.c lowers the limit */
		"schema-invalid", /* the embedded schema failing to compile, or a
				   * schema finding of no other kind: none that
				   * the schema allows a document to provoke */
		"too-many-diagnostics", /* over 1,000 findings in one file: the
					 * cap tests below generate them */
		/* notes of Word and OpenDocument files, which are zipped at
		 * test time: tests/check-office-import.sh checks them */
		"import-office-skipped", "import-office-revision", "import-office-field",
	};
	int seen[UPL__RULE_COUNT] = { 0 };
	size_t k;
	int i;
	walk(seen, "tests/data/rules");
	walk(seen, "tests/data/invalid");
	walk(seen, "tests/data/valid");
	walk(seen, "tests/data/import");
	walk(seen, "tests/data/seeds");
	for (k = 0; k < sizeof exceptions / sizeof exceptions[0]; k++) {
		i = rule_index(exceptions[k]);
		ck_assert_int_ge(i, 0);
		ck_assert_msg(!seen[i], "%s has a corpus case now: remove the exception",
			      exceptions[k]);
		seen[i] = 1;
	}
	for (i = 0; i < UPL__RULE_COUNT; i++)
		ck_assert_msg(seen[i], "rule %s: no corpus case in tests/data/rules produces it",
			      upl__rule_code((upl_rule_id)i));
}
END_TEST

static int
is_severity(const char *s)
{
	return strcmp(s, "error") == 0 || strcmp(s, "warning") == 0 || strcmp(s, "note") == 0;
}

/* The table rows "| `code` | [group |] severity |" of doc/rules.md as
 * "code group severity" lines (group "-" when the table has none). */
static void
doc_rows(char *text, char *out, size_t size)
{
	char *line = strtok(text, "\n");
	size_t len = 0;
	out[0] = '\0';
	for (; line; line = strtok(NULL, "\n")) {
		char code[64], a[64], b[64] = "";
		if (sscanf(line, "| `%63[a-z-]` | %63[a-z] | %63[a-z] |", code, a, b) < 2)
			continue;
		if (is_severity(a))
			len += (size_t)snprintf(out + len, size - len, "%s - %s\n", code, a);
		else
			len += (size_t)snprintf(out + len, size - len, "%s %s %s\n", code, a, b);
		ck_assert_uint_lt(len, size);
	}
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines of s, sorted, joined again. */
static void
sort_lines(char *s)
{
	char *lines[256], *copy = strdup(s), *l;
	size_t n = 0, i, len = 0;
	ck_assert_ptr_nonnull(copy);
	for (l = strtok(copy, "\n"); l && n < 256; l = strtok(NULL, "\n"))
		lines[n++] = l;
	qsort(lines, n, sizeof lines[0], by_string);
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(s + len, "%s\n", lines[i]);
	free(copy);
}

/* doc/rules.md lists every code of the registry, with its severity and,
 * for the semantic rules, its group; and no code the registry lacks. */
START_TEST(test_doc_lists_every_rule)
{
	static char doc[16384], reg[16384];
	char *text = test_slurp("doc/rules.md", NULL);
	size_t len = 0;
	int i;
	doc_rows(text, doc, sizeof doc);
	free(text);
	for (i = 0; i < UPL__RULE_COUNT; i++) {
		const char *g = upl__rule_group((upl_rule_id)i);
		int semantic = strcmp(g, "schema") != 0 && strcmp(g, "import") != 0;
		len += (size_t)snprintf(reg + len, sizeof reg - len, "%s %s %s\n",
					upl__rule_code((upl_rule_id)i), semantic ? g : "-",
					upl_severity_name(upl__rule_severity((upl_rule_id)i)));
	}
	sort_lines(doc);
	sort_lines(reg);
	ck_assert_msg(strcmp(doc, reg) == 0,
		      "doc/rules.md (code group severity):\n%s\nthe registry:\n%s", doc, reg);
}
END_TEST

/* The conversions of a printf format ("%s", "%zu", "%02X" ...) in order,
 * as their conversion letters with length modifiers ("s zu X"). */
static void
conversions(const char *fmt, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (; *fmt; fmt++) {
		if (*fmt != '%')
			continue;
		fmt++;
		ck_assert_int_ne(*fmt, '%'); /* no literal percent sign in a message */
		while (strchr("0123456789.-", *fmt))
			fmt++;
		if (*fmt == 'z')
			len += (size_t)snprintf(out + len, size - len, "z%c ", *++fmt);
		else
			len += (size_t)snprintf(out + len, size - len, "%c ", *fmt);
	}
}

/* Render fmt with a sample argument for each conversion. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
static void
render_sample(const char *fmt, char *out, size_t size)
{
	size_t len = 0;
	const char *p = fmt;
	while (*p) {
		const char *q = strchr(p, '%');
		char spec[16];
		size_t k = 0;
		if (q == NULL) {
			len += (size_t)snprintf(out + len, size - len, "%s", p);
			break;
		}
		len += (size_t)snprintf(out + len, size - len, "%.*s", (int)(q - p), p);
		spec[k++] = *q++;
		while (strchr("0123456789.-z", *q) && k < sizeof spec - 2)
			spec[k++] = *q++;
		spec[k++] = *q++;
		spec[k] = '\0';
		if (strchr(spec, 's'))
			len += (size_t)snprintf(out + len, size - len, spec, "样例");
		else if (strchr(spec, 'z'))
			len += (size_t)snprintf(out + len, size - len, spec, (size_t)130);
		else if (strchr(spec, 'u') || strchr(spec, 'X'))
			len += (size_t)snprintf(out + len, size - len, spec, 0x81u);
		else
			len += (size_t)snprintf(out + len, size - len, spec, 12);
		p = q;
	}
	ck_assert_uint_lt(len, size);
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

/* Every message row renders in both languages: the two formats take the
 * same arguments in the same order, the Chinese one is Chinese, both are
 * valid UTF-8; and the variants of a rule are numbered 0, 1, 2 ... */
START_TEST(test_every_message_in_both_languages)
{
	int m, expect_variant = 0;
	upl_rule_id rule = UPL__RULE_COUNT;
	for (m = 0; m < UPL__MSG_COUNT; m++) {
		const char *en = upl__msg_format((upl__msg_id)m, 0);
		const char *zh = upl__msg_format((upl__msg_id)m, 1);
		const char *code = upl__rule_code(upl__msg_rule((upl__msg_id)m));
		char ce[64], cz[64], re[512], rz[512];
		if (upl__msg_rule((upl__msg_id)m) != rule) {
			rule = upl__msg_rule((upl__msg_id)m);
			expect_variant = 0;
		}
		ck_assert_msg(upl__msg_variant((upl__msg_id)m) == expect_variant,
			      "%s: variant %d where %d was due", code,
			      upl__msg_variant((upl__msg_id)m), expect_variant);
		expect_variant++;
		conversions(en, ce, sizeof ce);
		conversions(zh, cz, sizeof cz);
		ck_assert_msg(strcmp(ce, cz) == 0, "%s: '%s' and '%s' take other arguments", code, en, zh);
		render_sample(en, re, sizeof re);
		render_sample(zh, rz, sizeof rz);
		ck_assert_msg(strchr(re, '%') == NULL && strchr(rz, '%') == NULL, "%s: %s", code, re);
		ck_assert_msg(has_cjk(rz), "%s: no Chinese in '%s'", code, rz);
		ck_assert_str_ne(re, rz);
		ck_assert(upl__utf8_valid(re, strlen(re), NULL));
		ck_assert(upl__utf8_valid(rz, strlen(rz), NULL));
	}
}
END_TEST

/* Each message names its rule's code and severity when emitted. */
START_TEST(test_emit_takes_code_and_severity_from_the_registry)
{
	upl_report *r = NULL;
	upl_pos p = { 3, 4 };
	int oom = 0;
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl__msg_emit(r, 0, &oom, "f.xml", UPL__MSG(UPL_CODE_MONTH_SPAN_BACKWARDS, 0),
				       p, 8, 7), 0);
	ck_assert_int_eq(upl__msg_emit(r, 1, &oom, "f.xml", UPL__MSG(UPL_CODE_PLAN_LANG, 1), p, "en"),
			 0);
	ck_assert_int_eq(oom, 0);
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 0)), "month-span-backwards");
	ck_assert_int_eq(upl_diag_severity(upl_report_get(r, 0)), UPL_SEVERITY_ERROR);
	ck_assert_str_eq(upl_diag_message(upl_report_get(r, 0)),
			 "the month span runs backwards, from month 8 to month 7");
	ck_assert_str_eq(upl_diag_message(upl_report_get(r, 1)),
			 "xml:lang 为“en”；应为 zh-Hans（简体）或 zh-Hant（繁体）");
	ck_assert_uint_eq(upl_diag_line(upl_report_get(r, 1)), 3);
	ck_assert_uint_eq(upl_diag_column(upl_report_get(r, 1)), 4);
	upl_report_free(r);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Messages are valid UTF-8 whatever they quote                             */

START_TEST(test_utf8_cut)
{
	static const char s[] = "第二十八个"; /* five 3-byte characters */
	char *x;
	ck_assert_uint_eq(upl__utf8_cut(s, 15, 2), 6);
	ck_assert_uint_eq(upl__utf8_cut(s, 15, 5), 15);
	ck_assert_uint_eq(upl__utf8_cut(s, 15, 9), 15);
	ck_assert_uint_eq(upl__utf8_cut(s, 15, 0), 0);
	ck_assert_uint_eq(upl__utf8_cut("a\xFF" "b", 3, 2), 2); /* a bad byte counts as one */
	x = upl__utf8_excerpt(s, 15, 2);
	ck_assert_str_eq(x, "第二…");
	upl__dealloc(x);
	x = upl__utf8_excerpt(s, 15, 5);
	ck_assert_str_eq(x, "第二十八个");
	upl__dealloc(x);
	x = upl__utf8_excerpt("a\xE7\xAC" "b", 4, 10); /* a cut sequence becomes U+FFFD */
	ck_assert_str_eq(x, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
	upl__dealloc(x);
}
END_TEST

/* A 45-digit count: the quote is cut after 40 characters, on a character
 * boundary, with "…" (it was cut at 128 bytes, inside a character). */
START_TEST(test_count_year_quote_is_cut_on_a_character)
{
	upl_report *r = check_file("tests/data/rules/count-year-long/input.xml", "en", 0);
	const char *msg;
	ck_assert_uint_eq(upl_report_count(r), 1);
	msg = upl_diag_message(upl_report_get(r, 0));
	ck_assert_msg(upl__utf8_valid(msg, strlen(msg), NULL), "not UTF-8: %s", msg);
	ck_assert_ptr_nonnull(strstr(msg, "〇…' implies the year 2012, but the plan is for 2013"));
	ck_assert_uint_eq(upl__utf8_count(msg, (size_t)(strstr(msg, "…") - msg)), 1 + 40);
	upl_report_free(r);
}
END_TEST

/* What the reader quotes from the raw bytes (an encoding name that is not
 * UTF-8) comes out as valid UTF-8. */
START_TEST(test_reader_quote_of_raw_bytes_is_utf8)
{
	static const char doc[] = "<?xml version=\"1.0\" encoding=\"X\xC3(\xFF\"?><plan/>";
	upl_report *r = NULL;
	const char *msg;
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_buffer(r, doc, sizeof doc - 1, "e.xml", NULL, NULL), 0);
	ck_assert_uint_eq(upl_report_count(r), 1);
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 0)), "xml-encoding");
	msg = upl_diag_message(upl_report_get(r, 0));
	ck_assert_str_eq(msg, "unsupported encoding 'X\xEF\xBF\xBD(\xEF\xBF\xBD'");
	upl_report_free(r);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Flags                                                                    */

/* UPL_VALIDATE_STREAM: the streaming path gives, through the API, the
 * diagnostics of the whole-document path, for a file and for a pipe. */
START_TEST(test_stream_flag)
{
	static const char *const files[] = { "doc/examples/seed-000.xml", "doc/examples/seed-002.xml",
					     "tests/data/rules/month-duplicate/input.xml" };
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	size_t i, k, total = 0;
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		upl_report *a = NULL, *b = NULL;
		char *path = data_path(files[i]);
		int fds[2];
		size_t len;
		char *text = test_slurp(files[i], &len);
		ck_assert_int_eq(upl_report_new(&a), 0);
		ck_assert_int_eq(upl_report_new(&b), 0);
		o.flags = 0;
		ck_assert_int_eq(upl_validate_file(a, path, &o, NULL), 0);
		o.flags = UPL_VALIDATE_STREAM;
		ck_assert_int_eq(upl_validate_file(b, path, &o, NULL), 0);
		total += upl_report_count(a);
		/* a pipe: no seeking, no size */
		ck_assert_int_eq(pipe(fds), 0);
		ck_assert_int_eq(write(fds[1], text, len), (ssize_t)len);
		close(fds[1]);
		ck_assert_int_eq(upl_validate_fd(b, fds[0], path, &o, NULL), 0);
		close(fds[0]);
		ck_assert_uint_eq(upl_report_count(b), 2 * upl_report_count(a));
		for (k = 0; k < upl_report_count(b); k++) {
			const upl_diag *x = upl_report_get(a, k % upl_report_count(a));
			const upl_diag *y = upl_report_get(b, k);
			ck_assert_str_eq(upl_diag_code(x), upl_diag_code(y));
			ck_assert_str_eq(upl_diag_message(x), upl_diag_message(y));
			ck_assert_uint_eq(upl_diag_line(x), upl_diag_line(y));
			ck_assert_uint_eq(upl_diag_column(x), upl_diag_column(y));
		}
		upl_report_free(a);
		upl_report_free(b);
		free(text);
		free(path);
	}
	ck_assert_uint_gt(total, 2);
}
END_TEST

/* Unknown flag bits are refused, as the parse functions refuse theirs. */
START_TEST(test_unknown_flags_refused)
{
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *r = NULL;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	char *path = data_path("doc/examples/seed-002.xml");
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_doc_parse_file(&doc, path, NULL, NULL), 0);
	o.flags = 0x4u;
	ck_assert_int_eq(upl_validate_file(r, path, &o, &err), UPL_EINVAL);
	ck_assert_int_eq(upl_error_code(err), UPL_EINVAL);
	ck_assert_int_eq(upl_validate_buffer(r, "<a/>", 4, "a", &o, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_validate_fd(r, 0, "a", &o, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_doc_validate(r, doc, &o, NULL), UPL_EINVAL);
	o.flags = UPL_VALIDATE_SCHEMA_ONLY | 0x80000000u;
	ck_assert_int_eq(upl_validate_file(r, path, &o, NULL), UPL_EINVAL);
	ck_assert_uint_eq(upl_report_count(r), 0);
	o.flags = UPL_VALIDATE_SCHEMA_ONLY;
	ck_assert_int_eq(upl_validate_file(r, path, &o, NULL), 0);
	ck_assert_int_eq(upl_doc_validate(r, doc, &o, NULL), 0);
	upl_error_free(err);
	upl_doc_free(doc);
	upl_report_free(r);
	free(path);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The cap on the diagnostics of one file                                   */

/* A plan of n sections numbered 1, 3, 5 ...: n - 1 numbering-skip
 * warnings, section i (from 1) on line 5 + i. */
static char *
skipping_plan(int n, size_t *len)
{
	size_t cap = 256 + (size_t)n * 80, l;
	char *s = malloc(cap);
	int i;
	ck_assert_ptr_nonnull(s);
	l = (size_t)snprintf(s, cap, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				     "<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">\n"
				     "  <meta>\n    <title>计划</title>\n  </meta>\n");
	for (i = 1; i <= n; i++)
		l += (size_t)snprintf(s + l, cap - l,
				      "  <section number=\"%d\"><heading>节</heading></section>\n", 2 * i - 1);
	l += (size_t)snprintf(s + l, cap - l, "</plan>\n");
	ck_assert_uint_lt(l, cap);
	*len = l;
	return s;
}

/* The report of the plan of n sections with options o (NULL: none). */
static upl_report *
check_skipping(int n, const upl_validate_options *o)
{
	upl_report *r = NULL;
	size_t len;
	char *s = skipping_plan(n, &len);
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_buffer(r, s, len, "skips.xml", o, NULL), 0);
	free(s);
	return r;
}

static void
assert_diag(const upl_diag *d, const char *code, upl_severity sev, unsigned int line,
	    unsigned int column, const char *message)
{
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(upl_diag_code(d), code);
	ck_assert_int_eq(upl_diag_severity(d), sev);
	ck_assert_uint_eq(upl_diag_line(d), line);
	ck_assert_uint_eq(upl_diag_column(d), column);
	ck_assert_str_eq(upl_diag_message(d), message);
	ck_assert_str_eq(upl_diag_file(d), "skips.xml");
}

/* By default 1,000 diagnostics, then the one that counts the rest, at the
 * place of the first left out (the 1,001st skip, section 1,002). */
START_TEST(test_cap_default)
{
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *r = check_skipping(1501, NULL);
	ck_assert_uint_eq(upl_report_count(r), 1001);
	assert_diag(upl_report_get(r, 999), "numbering-skip", UPL_SEVERITY_WARNING, 1006, 3,
		    "numbering jumps from 1999 to 2001");
	assert_diag(upl_report_get(r, 1000), "too-many-diagnostics", UPL_SEVERITY_WARNING, 1007, 3,
		    "too many problems: 500 more diagnostics were left out (0 of them errors); "
		    "the limit is 1000");
	ck_assert_int_eq(upl_report_failed(r, 0), 0);
	ck_assert_int_eq(upl_report_failed(r, 1), 1);
	upl_report_free(r);
	o.lang = "zh-Hans";
	r = check_skipping(1501, &o);
	ck_assert_uint_eq(upl_report_count(r), 1001);
	assert_diag(upl_report_get(r, 1000), "too-many-diagnostics", UPL_SEVERITY_WARNING, 1007, 3,
		    "问题过多：另有 500 条诊断未列出（其中 0 条为错误）；上限为 1000 条");
	upl_report_free(r);
	/* exactly the limit: nothing left out, nothing added */
	r = check_skipping(1001, NULL);
	ck_assert_uint_eq(upl_report_count(r), 1000);
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 999)), "numbering-skip");
	upl_report_free(r);
}
END_TEST

/* A given cap; UPL_MAX_DIAGNOSTICS_NONE keeps every one; options of
 * version 1 have no such field and get the default. */
START_TEST(test_cap_given_and_none)
{
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *r;
	size_t len;
	char *s;
	o.lang = "en";
	o.max_diagnostics = 10;
	r = check_skipping(1501, &o);
	ck_assert_uint_eq(upl_report_count(r), 11);
	assert_diag(upl_report_get(r, 9), "numbering-skip", UPL_SEVERITY_WARNING, 16, 3,
		    "numbering jumps from 19 to 21");
	assert_diag(upl_report_get(r, 10), "too-many-diagnostics", UPL_SEVERITY_WARNING, 17, 3,
		    "too many problems: 1490 more diagnostics were left out (0 of them errors); "
		    "the limit is 10");
	upl_report_free(r);
	o.max_diagnostics = UPL_MAX_DIAGNOSTICS_NONE;
	r = check_skipping(1501, &o);
	ck_assert_uint_eq(upl_report_count(r), 1500);
	assert_diag(upl_report_get(r, 1499), "numbering-skip", UPL_SEVERITY_WARNING, 1506, 3,
		    "numbering jumps from 2999 to 3001");
	upl_report_free(r);
	o.version = 1;
	o.max_diagnostics = 10;
	r = check_skipping(1501, &o);
	ck_assert_uint_eq(upl_report_count(r), 1001);
	upl_report_free(r);
	/* the cap is per file: two files in one report, ten each */
	o.version = UPL_VALIDATE_OPTIONS_VERSION;
	ck_assert_int_eq(upl_report_new(&r), 0);
	s = skipping_plan(100, &len);
	ck_assert_int_eq(upl_validate_buffer(r, s, len, "skips.xml", &o, NULL), 0);
	ck_assert_int_eq(upl_validate_buffer(r, s, len, "skips.xml", &o, NULL), 0);
	ck_assert_uint_eq(upl_report_count(r), 22);
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 10)), "too-many-diagnostics");
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 11)), "numbering-skip");
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 21)), "too-many-diagnostics");
	upl_report_free(r);
	free(s);
}
END_TEST

/* An error left out still fails the file: the last diagnostic has the
 * severity of the worst left out. Fifteen repeated months (warnings), then
 * a date outside its month (an error) after a cap of ten. */
START_TEST(test_cap_keeps_the_verdict)
{
	static const char head[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">\n"
		"  <meta>\n    <title>计划</title>\n  </meta>\n  <schedule>\n";
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *r = NULL;
	upl_doc *doc = NULL;
	char buf[4096];
	size_t len = (size_t)snprintf(buf, sizeof buf, "%s", head);
	int i;
	for (i = 0; i < 16; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len,
					"    <month month=\"9\" year=\"2012\"/>\n");
	len += (size_t)snprintf(buf + len, sizeof buf - len,
				"    <month month=\"10\" year=\"2012\"><activity date=\"2012-11-05\">会</activity></month>\n"
				"  </schedule>\n</plan>\n");
	ck_assert_uint_lt(len, sizeof buf);
	o.lang = "en";
	o.max_diagnostics = 10;
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_buffer(r, buf, len, "skips.xml", &o, NULL), 0);
	ck_assert_uint_eq(upl_report_count(r), 11);
	assert_diag(upl_report_get(r, 10), "too-many-diagnostics", UPL_SEVERITY_ERROR, 18, 5,
		    "too many problems: 6 more diagnostics were left out (1 of them errors); "
		    "the limit is 10");
	ck_assert_int_eq(upl_report_failed(r, 0), 1);
	upl_report_clear(r);
	/* the same through upl_doc_validate() */
	ck_assert_int_eq(upl_doc_parse_buffer(&doc, buf, len, "skips.xml", NULL, NULL), 0);
	ck_assert_int_eq(upl_doc_validate(r, doc, &o, NULL), 0);
	ck_assert_uint_eq(upl_report_count(r), 11);
	assert_diag(upl_report_get(r, 10), "too-many-diagnostics", UPL_SEVERITY_ERROR, 18, 5,
		    "too many problems: 6 more diagnostics were left out (1 of them errors); "
		    "the limit is 10");
	upl_doc_free(doc);
	upl_report_free(r);
}
END_TEST

/* The report of the file at path with a cap of max. */
static upl_report *
check_capped(const char *path, size_t max)
{
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *r = NULL;
	o.lang = "en";
	o.max_diagnostics = max;
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_file(r, path, &o, NULL), 0);
	return r;
}

/* Capped at max, the report of path is the first max diagnostics of the
 * uncapped one, then the count of the rest, of their errors, with the
 * worst severity and the place of the first of them. */
static void
compare_capped(const char *path, size_t max)
{
	upl_report *all = check_capped(path, UPL_MAX_DIAGNOSTICS_NONE), *r = check_capped(path, max);
	size_t n = upl_report_count(all), i, errors = 0;
	upl_severity worst = UPL_SEVERITY_NOTE;
	char want[256];
	const upl_diag *last;
	for (i = 0; i < n && i < max; i++) {
		const upl_diag *a = upl_report_get(all, i), *b = upl_report_get(r, i);
		ck_assert_str_eq(upl_diag_code(a), upl_diag_code(b));
		ck_assert_str_eq(upl_diag_message(a), upl_diag_message(b));
		ck_assert_uint_eq(upl_diag_line(a), upl_diag_line(b));
		ck_assert_uint_eq(upl_diag_column(a), upl_diag_column(b));
		ck_assert_int_eq(upl_diag_severity(a), upl_diag_severity(b));
	}
	ck_assert_int_eq(upl_report_failed(all, 0), upl_report_failed(r, 0));
	ck_assert_int_eq(upl_report_failed(all, 1), upl_report_failed(r, 1));
	if (n <= max) {
		ck_assert_uint_eq(upl_report_count(r), n);
		goto done;
	}
	ck_assert_msg(upl_report_count(r) == max + 1, "%s, cap %zu: %zu diagnostics", path, max,
		      upl_report_count(r));
	for (i = max; i < n; i++) {
		upl_severity s = upl_diag_severity(upl_report_get(all, i));
		errors += s == UPL_SEVERITY_ERROR;
		if (s > worst)
			worst = s;
	}
	snprintf(want, sizeof want,
		 "too many problems: %zu more diagnostics were left out (%zu of them errors); the limit is %zu",
		 n - max, errors, max);
	last = upl_report_get(r, max);
	ck_assert_str_eq(upl_diag_code(last), "too-many-diagnostics");
	ck_assert_msg(strcmp(upl_diag_message(last), want) == 0, "%s: %s", path, upl_diag_message(last));
	ck_assert_int_eq(upl_diag_severity(last), worst);
	ck_assert_uint_eq(upl_diag_line(last), upl_diag_line(upl_report_get(all, max)));
	ck_assert_uint_eq(upl_diag_column(last), upl_diag_column(upl_report_get(all, max)));
done:
	upl_report_free(all);
	upl_report_free(r);
}

/* Every case of the corpus with caps of 1 to 3: the schema layer's
 * findings (libxml2 gives some twice; one is kept), the rules' findings,
 * the verdict. */
START_TEST(test_cap_over_the_corpus)
{
	static const char *const dirs[] = { "tests/data/invalid", "tests/data/rules" };
	size_t k, max, files = 0;
	for (k = 0; k < sizeof dirs / sizeof dirs[0]; k++) {
		char *dir = data_path(dirs[k]);
		DIR *dp = opendir(dir);
		struct dirent *e;
		ck_assert_ptr_nonnull(dp);
		while ((e = readdir(dp)) != NULL) {
			char path[2048];
			snprintf(path, sizeof path, "%s/%s/input.xml", dir, e->d_name);
			if (e->d_name[0] == '.' || access(path, F_OK) != 0)
				continue;
			for (max = 1; max <= 3; max++)
				compare_capped(path, max);
			files++;
		}
		closedir(dp);
		free(dir);
	}
	ck_assert_uint_ge(files, 40);
}
END_TEST

/* libxml2 reports a bad month="13" twice (the facet, then the type) and
 * the reader keeps one: left out, such a pair counts once too. */
START_TEST(test_cap_counts_a_schema_finding_once)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">\n"
		"  <meta/>\n  <schedule>\n"
		"    <month month=\"13\"/>\n    <month month=\"14\"/>\n    <month month=\"15\"/>\n"
		"  </schedule>\n</plan>\n";
	char path[] = "/tmp/upl-cap-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, doc, sizeof doc - 1), (ssize_t)(sizeof doc - 1));
	close(fd);
	compare_capped(path, 1);
	compare_capped(path, 2);
	unlink(path);
}
END_TEST

/* The same, by hand: a schema finding repeated at its place counts once
 * when left out (as the reader keeps one), a rule's counts every time (one
 * text may hold two counts that imply a wrong year). */
START_TEST(test_cap_counts_repeats)
{
	upl_report *r = NULL;
	ck_assert_int_eq(upl_report_new(&r), 0);
	upl__report_cap_begin(r, 1);
	ck_assert_int_eq(upl__report_add(r, UPL_SEVERITY_ERROR, UPL_CODE_SCHEMA_VALUE, "f", 5, 12, "a"), 0);
	ck_assert_int_eq(upl__report_add(r, UPL_SEVERITY_ERROR, UPL_CODE_SCHEMA_VALUE, "f", 6, 12, "b"), 0);
	ck_assert_int_eq(upl__report_add(r, UPL_SEVERITY_ERROR, UPL_CODE_SCHEMA_VALUE, "f", 6, 12, "c"), 0);
	ck_assert_int_eq(upl__report_add(r, UPL_SEVERITY_WARNING, UPL_CODE_COUNT_YEAR, "f", 7, 3, "d"), 0);
	ck_assert_int_eq(upl__report_add(r, UPL_SEVERITY_WARNING, UPL_CODE_COUNT_YEAR, "f", 7, 3, "e"), 0);
	ck_assert_uint_eq(upl_report_count(r), 1);
	ck_assert_int_eq(upl__report_has_error_since(r, 1), 1);
	ck_assert_int_eq(upl__report_cap_end(r, 0), 0);
	ck_assert_uint_eq(upl_report_count(r), 2);
	ck_assert_str_eq(upl_diag_message(upl_report_get(r, 1)),
			 "too many problems: 3 more diagnostics were left out (1 of them errors); the limit is 1");
	ck_assert_uint_eq(upl_diag_line(upl_report_get(r, 1)), 6);
	ck_assert_int_eq(upl_diag_severity(upl_report_get(r, 1)), UPL_SEVERITY_ERROR);
	/* no cap after the end */
	ck_assert_int_eq(upl__report_add(r, UPL_SEVERITY_NOTE, UPL_CODE_COUNT_YEAR, "g", 1, 1, "f"), 0);
	ck_assert_uint_eq(upl_report_count(r), 3);
	ck_assert_str_eq(upl_diag_file(upl_report_get(r, 2)), "g");
	ck_assert_str_eq(upl_diag_file(upl_report_get(r, 0)), "f");
	upl_report_free(r);
}
END_TEST

static Suite *
rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, test_seed000_english_and_chinese);
	tcase_add_test(tc, test_language_from_environment);
	tcase_add_test(tc, test_holiday_rules_in_both_languages);
	tcase_add_test(tc, test_every_rule_message_in_both_languages);
	tcase_add_test(tc, test_reader_messages_in_both_languages);
	tcase_add_test(tc, test_rule_groups);
	tcase_add_test(tc, test_explain_every_rule);
	tcase_add_test(tc, test_fails_at);
	tcase_add_test(tc, test_every_rule_has_a_corpus_case);
	tcase_add_test(tc, test_doc_lists_every_rule);
	tcase_add_test(tc, test_every_message_in_both_languages);
	tcase_add_test(tc, test_emit_takes_code_and_severity_from_the_registry);
	tcase_add_test(tc, test_utf8_cut);
	tcase_add_test(tc, test_count_year_quote_is_cut_on_a_character);
	tcase_add_test(tc, test_reader_quote_of_raw_bytes_is_utf8);
	tcase_add_test(tc, test_unknown_flags_refused);
	tcase_add_test(tc, test_stream_flag);
	tcase_add_test(tc, test_cap_default);
	tcase_add_test(tc, test_cap_given_and_none);
	tcase_add_test(tc, test_cap_keeps_the_verdict);
	tcase_add_test(tc, test_cap_over_the_corpus);
	tcase_add_test(tc, test_cap_counts_a_schema_finding_once);
	tcase_add_test(tc, test_cap_counts_repeats);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(rules_suite)

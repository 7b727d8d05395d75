/* The HTML export: the golden page of tests/data/export/html-plan.xml,
 * escaping, the lang attribute, links that resolve, one table row per
 * month and one list item per activity over the examples, the text intact
 * byte for byte, the calendar's marks, renumbering, the diagnostics
 * beside their elements, refusals and the atomic file functions. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unionplan.h>

#include "testutil.h"

static upl_doc *
parse(const char *rel)
{
	return test_parse(rel, NULL);
}

/* The page of doc with flags, which must succeed. */
static char *
html(const upl_doc *doc, unsigned int flags)
{
	return test_export(upl_export_html_buffer, doc, flags, 0, NULL);
}

/* s escaped as the page must escape it (malloc()ed). */
static char *
escaped(const char *s)
{
	char *out = malloc(strlen(s) * 6 + 1), *o = out;
	ck_assert_ptr_nonnull(out);
	for (; *s; s++) {
		const char *r = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
			      : *s == '"' ? "&quot;" : *s == '\'' ? "&#39;" : NULL;
		if (r) {
			strcpy(o, r);
			o += strlen(r);
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

/* The part of page between the first occurrence of from and the next
 * occurrence of to after it (malloc()ed). */
static char *
between(const char *page, const char *from, const char *to)
{
	const char *a = strstr(page, from), *b;
	char *out;
	ck_assert_msg(a != NULL, "no %s", from);
	b = strstr(a, to);
	ck_assert_msg(b != NULL, "no %s after %s", to, from);
	out = malloc((size_t)(b - a) + 1);
	ck_assert_ptr_nonnull(out);
	memcpy(out, a, (size_t)(b - a));
	out[b - a] = '\0';
	return out;
}

START_TEST(test_golden)
{
	upl_doc *doc = parse("tests/data/export/html-plan.xml");
	upl_doc *again = parse("tests/data/export/html-plan.xml");
	char *want = test_slurp("tests/data/export/html-plan.html", NULL);
	char *got = html(doc, 0), *got2 = html(again, 0);
	ck_assert_str_eq(got, want);
	ck_assert_str_eq(got2, got);
	ck_assert_ptr_nonnull(strstr(got, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"));
	ck_assert_ptr_nonnull(strstr(got, "<meta charset=\"utf-8\">"));
	ck_assert_ptr_nonnull(strstr(got, "<title>2014学年第一学期工会工作计划</title>"));
	/* no script, no external reference of any kind */
	ck_assert_ptr_null(strstr(got, "<script"));
	ck_assert_ptr_null(strstr(got, "src="));
	ck_assert_ptr_null(strstr(got, "<link"));
	ck_assert_ptr_null(strstr(got, "url("));
	ck_assert_ptr_null(strstr(got, "@import"));
	/* the print style in the spirit of GB/T 9704 */
	ck_assert_ptr_nonnull(strstr(got, "@page{size:A4;margin:37mm 26mm 35mm 28mm}"));
	ck_assert_ptr_nonnull(strstr(got, "FangSong,\"FangSong_GB2312\""));
	ck_assert_ptr_nonnull(strstr(got, "@media print{"));
	/* the title block: issuer and number above the rule, then the title */
	ck_assert_ptr_nonnull(strstr(got, "<p class=\"issuer\">虹口区第四中心小学工会</p>\n"
				     "<p class=\"docnumber\">虹小四工〔2014〕3号</p>\n<hr class=\"rule\">\n"
				     "<h1 class=\"title\">2014学年第一学期工会工作计划</h1>\n"
				     "<p class=\"author\">许美英</p>\n"));
	ck_assert_ptr_nonnull(strstr(got, "<p class=\"issued\">二〇一四年八月二十五日</p>"));
	upl_free(got);
	upl_free(got2);
	free(want);
	upl_doc_free(doc);
	upl_doc_free(again);
}
END_TEST

/* A one-plan document made in memory, with the given title, lang and
 * paragraph text. */
static upl_doc *
made(const char *lang, const char *title, const char *text)
{
	return test_one_paragraph(lang, title, text);
}

START_TEST(test_escaping)
{
	upl_doc *doc = made("zh-Hans", "<b>计划</b> & \"草案\" 'x'",
			    "a<b>&amp;\"c\"'d' </p><script>alert(1)</script>\x01\x7F尾");
	upl_error *err = NULL;
	char *out = NULL, *page = html(doc, 0);
	ck_assert_ptr_nonnull(strstr(page, "<title>&lt;b&gt;计划&lt;/b&gt; &amp; &quot;草案&quot; "
				      "&#39;x&#39;</title>"));
	ck_assert_ptr_nonnull(strstr(page, "<p>a&lt;b&gt;&amp;amp;&quot;c&quot;&#39;d&#39; "
				      "&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;  尾</p>"));
	ck_assert_ptr_null(strstr(page, "<script"));
	ck_assert_ptr_null(strstr(page, "<b>"));
	upl_free(page);
	upl_doc_free(doc);
	/* text that is not UTF-8 is refused */
	doc = made("zh-Hans", "计划", "bad \xC3\x28 byte");
	ck_assert_int_eq(upl_export_html_buffer(&out, NULL, doc, NULL, &err), UPL_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "not valid UTF-8"));
	upl_error_free(err);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_lang)
{
	upl_doc *doc = made("zh-Hans", "工会工作计划", "为教职工办实事。");
	upl_doc *hant = made("zh-Hant", "工會工作計劃", "為教職工辦實事。");
	/* labelled simplified, written in traditional characters */
	upl_doc *told = made("zh-Hans", "學校工會工作計劃", "為教職工辦實事，維護權益。");
	upl_plan *second = NULL;
	char *page = html(doc, 0);
	ck_assert_ptr_nonnull(strstr(page, "<html lang=\"zh-CN\">"));
	ck_assert_ptr_nonnull(strstr(page, "<article class=\"plan\" id=\"plan1\">"));
	upl_free(page);
	page = html(hant, 0);
	ck_assert_ptr_nonnull(strstr(page, "<html lang=\"zh-Hant\">"));
	ck_assert_ptr_null(strstr(page, "zh-CN\""));
	upl_free(page);
	page = html(told, 0);
	ck_assert_ptr_nonnull(strstr(page, "<html lang=\"zh-Hant\">"));
	upl_free(page);
	/* a traditional plan after a simplified one has its own lang */
	ck_assert_int_eq(upl_plan_clone(&second, upl_doc_plan(hant, 0)), 0);
	ck_assert_int_eq(upl_doc_plan_add(doc, second), 0);
	page = html(doc, 0);
	ck_assert_ptr_nonnull(strstr(page, "<html lang=\"zh-CN\">"));
	ck_assert_ptr_nonnull(strstr(page, "<article class=\"plan\" id=\"plan2\" lang=\"zh-Hant\">"));
	upl_free(page);
	upl_doc_free(doc);
	upl_doc_free(hant);
	upl_doc_free(told);
}
END_TEST

/* Every href="#x" of page names an id="x" of page, and ids are unique. */
static void
check_links(const char *page, const char *name)
{
	const char *p = page;
	char want[80];
	size_t links = 0;
	while ((p = strstr(p, "href=\"#")) != NULL) {
		const char *q = strchr(p + 7, '"');
		ck_assert_ptr_nonnull(q);
		ck_assert_int_lt((int)(q - p), 60);
		snprintf(want, sizeof want, "id=\"%.*s\"", (int)(q - p - 7), p + 7);
		ck_assert_msg(test_count(page, want) == 1, "%s: %s is %zu times on the page", name, want,
			      test_count(page, want));
		links++;
		p = q;
	}
	ck_assert_msg(links > 0 || strstr(page, "<nav") == NULL, "%s: a table of contents without links",
		      name);
}

/* The model's count of nodes of a kind. */
static size_t
kind_count(const upl_doc *doc, unsigned int kind)
{
	size_t i, n = 0;
	for (i = 0; i < upl_doc_plan_count(doc); i++) {
		upl_iter *it = NULL;
		upl_node *node;
		ck_assert_int_eq(upl_iter_new(&it, upl_doc_plan(doc, i), UPL_KIND_ALL), 0);
		while (upl_iter_next(it, &node) == 0)
			n += upl_node_kind(node) == (upl_kind)kind;
		upl_iter_free(it);
	}
	return n;
}

/* Each text of the model appears on the page, escaped, byte for byte. */
static void
check_texts(const upl_doc *doc, const char *page, const char *name)
{
	size_t i, k;
	for (i = 0; i < upl_doc_plan_count(doc); i++) {
		const upl_plan *p = upl_doc_plan(doc, i);
		const char *meta[] = { upl_plan_title(p), upl_plan_organization(p),
				       upl_plan_docnumber(p), upl_plan_issued_text(p) };
		upl_iter *it = NULL;
		upl_node *n;
		for (k = 0; k < 4; k++) {
			char *e = meta[k] ? escaped(meta[k]) : NULL;
			ck_assert_msg(e == NULL || strstr(page, e), "%s: %s is not on the page", name, e);
			free(e);
		}
		ck_assert_int_eq(upl_iter_new(&it, p, UPL_KIND_ALL), 0);
		while (upl_iter_next(it, &n) == 0) {
			const char *t[] = { upl_node_text(n), upl_node_heading(n),
					    upl_node_kind(n) == UPL_NODE_MONTH ? NULL : upl_node_label(n) };
			for (k = 0; k < 3; k++) {
				char *e = t[k] && *t[k] ? escaped(t[k]) : NULL;
				ck_assert_msg(e == NULL || strstr(page, e), "%s: %s is not on the page",
					      name, e);
				free(e);
			}
		}
		upl_iter_free(it);
	}
}

static const char *const example_dirs[] = { "doc/examples", "tests/data/valid" };

START_TEST(test_examples)
{
	const char *top = getenv("top_srcdir");
	char dir[512], path[1024];
	struct dirent *e;
	size_t files = 0;
	DIR *d;
	snprintf(dir, sizeof dir, "%s/%s", top ? top : ".", example_dirs[_i]);
	ck_assert_ptr_nonnull(d = opendir(dir));
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		char *page;
		if (l < 5 || strcmp(e->d_name + l - 4, ".xml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		ck_assert_msg(upl_doc_parse_file(&doc, path, NULL, &err) == 0, "%s: %s", path,
			      upl_error_message(err));
		page = html(doc, 0);
		ck_assert_uint_eq(test_count(page, "<tr class=\"month\""), kind_count(doc, UPL_NODE_MONTH));
		ck_assert_uint_eq(test_count(page, "<li class=\"activity\">"),
				  kind_count(doc, UPL_NODE_ACTIVITY));
		ck_assert_uint_eq(test_count(page, "<article class=\"plan\""), upl_doc_plan_count(doc));
		check_links(page, path);
		check_texts(doc, page, path);
		upl_free(page);
		page = html(doc, UPL_EXPORT_DIAGNOSTICS | UPL_EXPORT_RENUMBER);
		check_links(page, path);
		upl_free(page);
		upl_doc_free(doc);
		files++;
	}
	closedir(d);
	ck_assert_uint_ge(files, 5);
}
END_TEST

START_TEST(test_seed_000)
{
	upl_doc *doc = parse("doc/examples/seed-000.xml");
	char *page = html(doc, 0), *row;
	ck_assert_uint_eq(test_count(page, "<li class=\"activity\">"), 26);
	ck_assert_uint_eq(test_count(page, "<tr class=\"month\""), 5);
	ck_assert_ptr_nonnull(strstr(page, "<time datetime=\"2012-09-10\">9月10日（周一）</time>"));
	ck_assert_ptr_nonnull(strstr(page, "<time datetime=\"2012-12-31\">12月31日（周一）</time>"));
	/* 2012: 中秋节 and 国庆节 off from 30 September to 7 October, 29
	 * September worked */
	row = between(page, "<tr class=\"month\" id=\"m1\">", "</tr>");
	ck_assert_ptr_nonnull(strstr(row, "<span class=\"cal daysoff\">国庆节 9月30日放假</span>"));
	ck_assert_ptr_nonnull(strstr(row, "<span class=\"cal workdays\">调休上班 9月29日（周六）</span>"));
	free(row);
	row = between(page, "<tr class=\"month\" id=\"m2\">", "</tr>");
	ck_assert_ptr_nonnull(strstr(row, "国庆节 10月1日至7日放假"));
	free(row);
	upl_free(page);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_renumber)
{
	upl_doc *doc = parse("tests/data/export/html-plan.xml");
	char *plain = html(doc, 0), *page = html(doc, UPL_EXPORT_RENUMBER);
	ck_assert_ptr_nonnull(strstr(plain, "<span class=\"label\">（三）</span>关心教职工"));
	ck_assert_ptr_nonnull(strstr(page, "<span class=\"label\">（二）</span>关心教职工"));
	ck_assert_ptr_nonnull(strstr(page, "<li><a href=\"#s4\">（二）关心教职工</a></li>"));
	ck_assert_ptr_null(strstr(page, "（三）"));
	upl_free(plain);
	upl_free(page);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_diagnostics)
{
	upl_doc *doc = parse("tests/data/export/html-plan.xml");
	char *page = html(doc, UPL_EXPORT_DIAGNOSTICS), *part, *plain = html(doc, 0);
	ck_assert_ptr_null(strstr(plain, "class=\"diag"));
	ck_assert_ptr_nonnull(strstr(page, "<h2 id=\"report\">校验报告</h2>\n"
				      "<p>错误 0 个，警告 1 个，提示 1 个。</p>"));
	ck_assert_uint_eq(test_count(page, "<li class=\"diag "), 2);
	ck_assert_uint_eq(test_count(page, "<span class=\"diag "), 2);
	/* the skipped number beside the section (三) of line 23 */
	part = between(page, "<section class=\"part lv2\" id=\"s4\">", "</section>");
	ck_assert_ptr_nonnull(strstr(part, "<span class=\"diag warning\" id=\"d2\" role=\"note\">"
				      "<a href=\"#r2\"><span class=\"sev\">警告</span> 第23行："));
	ck_assert_ptr_nonnull(strstr(part, "<code>numbering-skip</code>"));
	free(part);
	/* the day off beside the activity of line 36 */
	part = between(page, "国庆节慰问值班教工", "</li>");
	ck_assert_ptr_nonnull(strstr(part, "id=\"d1\""));
	ck_assert_ptr_nonnull(strstr(part, "holiday-day-off"));
	free(part);
	ck_assert_ptr_nonnull(strstr(page, "<li class=\"diag note\" id=\"r1\"><a href=\"#d1\">"));
	check_links(page, "html-plan.xml");
	upl_free(page);
	upl_free(plain);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_report)
{
	upl_doc *doc = parse("tests/data/export/html-plan.xml");
	upl_report *r = NULL;
	upl_validate_options vo = UPL_VALIDATE_OPTIONS_INIT;
	upl_error *err = NULL;
	char *page = NULL, *plain = html(doc, 0), path[1024];
	const char *top = getenv("top_srcdir");
	snprintf(path, sizeof path, "%s/tests/data/export/html-plan.xml", top ? top : ".");
	ck_assert_int_eq(upl_report_new(&r), 0);
	/* no report: the plain page; an empty one: a report that says so */
	ck_assert_int_eq(upl_export_html_report_buffer(&page, NULL, doc, NULL, NULL, &err), 0);
	ck_assert_str_eq(page, plain);
	upl_free(page);
	ck_assert_int_eq(upl_export_html_report_buffer(&page, NULL, doc, r, NULL, &err), 0);
	ck_assert_ptr_nonnull(strstr(page, "<p>未发现问题。</p>"));
	upl_free(page);
	/* a report made from the file, in English */
	vo.lang = "en";
	ck_assert_int_eq(upl_validate_file(r, path, &vo, &err), 0);
	ck_assert_int_eq(upl_export_html_report_buffer(&page, NULL, doc, r, NULL, &err), 0);
	ck_assert_ptr_nonnull(strstr(page, "numbering jumps from 1 to 3"));
	ck_assert_uint_eq(test_count(page, "<span class=\"diag "), 2);
	upl_free(page);
	upl_report_free(r);
	upl_free(plain);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_refusals)
{
	upl_doc *doc = parse("tests/data/export/html-plan.xml"), *empty = NULL;
	upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
	upl_error *err = NULL;
	char *out = NULL;
	ck_assert_int_eq(upl_export_html_buffer(NULL, NULL, doc, NULL, &err), UPL_EINVAL);
	ck_assert_int_eq(upl_export_html_buffer(&out, NULL, NULL, NULL, &err), UPL_EINVAL);
	o.flags = UPL_EXPORT_HOLIDAYS;
	ck_assert_int_eq(upl_export_html_buffer(&out, NULL, doc, &o, &err), UPL_EINVAL);
	ck_assert_int_eq(upl_export_html_report_buffer(&out, NULL, doc, NULL, &o, &err), UPL_EINVAL);
	o.flags = 0;
	o.version = 99;
	ck_assert_int_eq(upl_export_html_buffer(&out, NULL, doc, &o, &err), UPL_EINVAL);
	ck_assert_int_eq(upl_doc_new(&empty), 0);
	ck_assert_int_eq(upl_export_html_buffer(&out, NULL, empty, NULL, &err), UPL_EINVAL);
	o.version = UPL_EXPORT_OPTIONS_VERSION;
	o.flags = UPL_EXPORT_DIAGNOSTICS;
	ck_assert_int_eq(upl_export_html_buffer(&out, NULL, empty, &o, &err), UPL_EINVAL);
	ck_assert_ptr_null(out);
	upl_error_free(err);
	upl_doc_free(empty);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_files)
{
	char dir[] = "/tmp/check_export_html.XXXXXX", path[256], bad[256];
	upl_doc *doc = parse("tests/data/export/html-plan.xml"), *empty = NULL;
	upl_report *r = NULL;
	upl_error *err = NULL;
	char *want, *got, *with = NULL;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/out.html", dir);
	snprintf(bad, sizeof bad, "%s/missing/out.html", dir);
	ck_assert_int_eq(upl_export_html_file(doc, path, NULL, &err), 0);
	want = html(doc, 0);
	got = test_slurp_path(path, NULL);
	ck_assert_str_eq(got, want);
	free(got);
	ck_assert_int_eq(upl_doc_new(&empty), 0);
	ck_assert_int_eq(upl_export_html_file(empty, path, NULL, &err), UPL_EINVAL);
	ck_assert_int_eq(upl_export_html_report_file(empty, NULL, path, NULL, &err), UPL_EINVAL);
	got = test_slurp_path(path, NULL);
	ck_assert_str_eq(got, want);
	free(got);
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_export_html_report_file(doc, r, path, NULL, &err), 0);
	ck_assert_int_eq(upl_export_html_report_buffer(&with, NULL, doc, r, NULL, &err), 0);
	got = test_slurp_path(path, NULL);
	ck_assert_str_eq(got, with);
	free(got);
	ck_assert_int_eq(upl_export_html_file(doc, bad, NULL, &err), UPL_EIO);
	ck_assert_int_eq(access(bad, F_OK), -1);
	ck_assert_int_eq(upl_export_html_file(doc, NULL, NULL, &err), UPL_EINVAL);
	ck_assert_int_eq(upl_export_html_report_file(doc, r, NULL, NULL, &err), UPL_EINVAL);
	upl_error_free(err);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0);
	upl_free(want);
	upl_free(with);
	upl_report_free(r);
	upl_doc_free(empty);
	upl_doc_free(doc);
}
END_TEST

static Suite *
export_html_suite(void)
{
	Suite *s = suite_create("export-html");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_golden);
	tcase_add_test(tc, test_escaping);
	tcase_add_test(tc, test_lang);
	tcase_add_loop_test(tc, test_examples, 0, 2);
	tcase_add_test(tc, test_seed_000);
	tcase_add_test(tc, test_renumber);
	tcase_add_test(tc, test_diagnostics);
	tcase_add_test(tc, test_report);
	tcase_add_test(tc, test_refusals);
	tcase_add_test(tc, test_files);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(export_html_suite)

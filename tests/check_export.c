/* The export module: JSON and JSON Lines, against golden files written by
 * hand in tests/data/export/, and the writer's refusals. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unionplan.h>

#include "testutil.h"

/* Parse tests/data/export/NAME as a document named NAME. */
static upl_doc *
load(const char *name)
{
	char rel[256];
	char *xml;
	size_t len;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	snprintf(rel, sizeof rel, "tests/data/export/%s", name);
	xml = test_slurp(rel, &len);
	ck_assert_msg(upl_doc_parse_buffer(&doc, xml, len, name, NULL, &err) == 0, "%s: %s", name,
		      upl_error_message(err));
	free(xml);
	return doc;
}

static char *
export(const upl_doc *doc, unsigned int flags, size_t *len)
{
	upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
	upl_error *err = NULL;
	char *out = NULL;
	o.flags = flags;
	ck_assert_msg(upl_export_json_buffer(&out, len, doc, &o, &err) == 0, "%s",
		      upl_error_message(err));
	return out;
}

static void
check_golden(const char *xml, const char *golden, unsigned int flags)
{
	char rel[256];
	upl_doc *doc = load(xml);
	size_t len = 0, glen = 0;
	char *got = export(doc, flags, &len), *want;
	snprintf(rel, sizeof rel, "tests/data/export/%s", golden);
	want = test_slurp(rel, &glen);
	ck_assert_uint_eq(len, strlen(got));
	ck_assert_str_eq(got, want);
	upl_free(got);
	free(want);
	upl_doc_free(doc);
}

START_TEST(test_golden_plan)
{
	check_golden("small-plan.xml", "small-plan.json", UPL_EXPORT_PRETTY);
}
END_TEST

START_TEST(test_golden_collection)
{
	/* zh-Hant holiday names, an unknown year (--09-10), a plan without period */
	check_golden("small-plans.xml", "small-plans.json", UPL_EXPORT_PRETTY);
}
END_TEST

START_TEST(test_golden_positions)
{
	/* one line, with the file name and every position */
	check_golden("small-plans.xml", "small-plans.positions.jsonl", UPL_EXPORT_POSITIONS);
}
END_TEST

START_TEST(test_jsonl)
{
	upl_doc *a = load("small-plan.xml"), *b = load("small-plans.xml");
	const upl_doc *docs[2];
	upl_error *err = NULL;
	char *out = NULL, *one, *two, *nl;
	size_t len = 0, l1, l2;
	docs[0] = a;
	docs[1] = b;
	ck_assert_int_eq(upl_export_jsonl_buffer(&out, &len, docs, 2, NULL, &err), 0);
	one = export(a, 0, &l1);
	two = export(b, 0, &l2);
	/* two lines, each the one-line JSON of a document */
	ck_assert_uint_eq(len, l1 + l2);
	ck_assert_int_eq(memcmp(out, one, l1), 0);
	ck_assert_str_eq(out + l1, two);
	nl = strchr(out, '\n');
	ck_assert_ptr_eq(nl, out + l1 - 1);
	ck_assert_ptr_eq(strchr(nl + 1, '\n'), out + len - 1);
	upl_free(out);
	/* pretty is ignored for JSON Lines */
	{
		upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
		o.flags = UPL_EXPORT_PRETTY;
		ck_assert_int_eq(upl_export_jsonl_buffer(&out, &len, docs, 1, &o, &err), 0);
		ck_assert_str_eq(out, one);
		upl_free(out);
	}
	ck_assert_int_eq(upl_export_jsonl_buffer(&out, &len, docs, 0, NULL, &err), 0);
	ck_assert_str_eq(out, "");
	ck_assert_uint_eq(len, 0);
	upl_free(out);
	upl_free(one);
	upl_free(two);
	upl_doc_free(a);
	upl_doc_free(b);
}
END_TEST

/* A document made in memory: one plan (lang given) holding one paragraph. */
static upl_doc *
made(const char *lang, const char *text)
{
	upl_doc *doc = NULL;
	upl_plan *plan = NULL;
	upl_node *p = NULL;
	ck_assert_int_eq(upl_doc_new(&doc), 0);
	ck_assert_int_eq(upl_plan_new(&plan, lang), 0);
	ck_assert_int_eq(upl_node_new(&p, UPL_NODE_PARAGRAPH), 0);
	ck_assert_int_eq(upl_node_set_text(p, text), 0);
	ck_assert_int_eq(upl_plan_block_add(plan, p), 0);
	ck_assert_int_eq(upl_doc_plan_add(doc, plan), 0);
	return doc;
}

START_TEST(test_model_in_memory)
{
	upl_doc *doc = made("zh-Hans", "a\x01" "b\x7f" "c\"\\/\r\n中");
	size_t len;
	char *out = export(doc, 0, &len);
	ck_assert_str_eq(out,
			 "{\"format\":\"unionplan\",\"version\":1,\"collection\":false,\"plans\":[{\"lang\":\"zh-Hans\","
			 "\"meta\":{\"title\":null,\"organization\":null,\"authors\":[],\"docnumber\":null,"
			 "\"period\":null,\"issued\":null,\"source\":null},\"body\":[{\"kind\":\"p\",\"label\":null,"
			 "\"text\":\"a\\u0001b\\u007fc\\\"\\\\/\\r\\n中\"}]}]}\n");
	upl_free(out);
	/* with positions: a document made in memory has none */
	out = export(doc, UPL_EXPORT_POSITIONS, &len);
	ck_assert_ptr_nonnull(strstr(out, "\"file\":null,\"position\":null,\"collection\":false"));
	ck_assert_ptr_nonnull(strstr(out, "{\"kind\":\"p\",\"position\":null,\"label\":null"));
	upl_free(out);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_refusals)
{
	upl_doc *doc = made("zh-Hans", "ok \xe4\xb8"), *empty = NULL;
	upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
	upl_error *err = NULL;
	char *out = NULL;
	size_t len = 0;
	/* text that is not UTF-8 is refused, never altered */
	ck_assert_int_eq(upl_export_json_buffer(&out, &len, doc, NULL, &err), UPL_EINVAL);
	ck_assert_str_eq(upl_error_message(err), "text: byte 3 (0xE4) is not valid UTF-8");
	ck_assert_ptr_null(out);
	upl_error_free(err);
	err = NULL;
	o.flags = 0x80;
	ck_assert_int_eq(upl_export_json_buffer(&out, &len, doc, &o, &err), UPL_EINVAL);
	ck_assert_str_eq(upl_error_message(err), "unknown flag 0x80 in the options");
	upl_error_free(err);
	err = NULL;
	o.flags = 0;
	o.version = 0;
	ck_assert_int_eq(upl_export_json_buffer(&out, &len, doc, &o, NULL), UPL_EINVAL);
	o.version = UPL_EXPORT_OPTIONS_VERSION + 1;
	ck_assert_int_eq(upl_export_json_buffer(&out, &len, doc, &o, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_export_json_buffer(NULL, &len, doc, NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_export_json_buffer(&out, &len, NULL, NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_export_jsonl_buffer(&out, &len, NULL, 1, NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_doc_new(&empty), 0);
	ck_assert_int_eq(upl_export_json_buffer(&out, &len, empty, NULL, &err), UPL_EINVAL);
	ck_assert_str_eq(upl_error_message(err), "document holds no plan");
	upl_error_free(err);
	ck_assert_ptr_null(out);
	upl_doc_free(empty);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_quote)
{
	char *out = NULL;
	size_t len = 0;
	upl_error *err = NULL;
	ck_assert_int_eq(upl_json_quote(&out, &len, "工会\t\"x\"", (size_t)-1, 0, NULL), 0);
	ck_assert_str_eq(out, "\"工会\\t\\\"x\\\"\"");
	ck_assert_uint_eq(len, strlen(out));
	upl_free(out);
	ck_assert_int_eq(upl_json_quote(&out, &len, NULL, (size_t)-1, 0, NULL), 0);
	ck_assert_str_eq(out, "\"\"");
	upl_free(out);
	/* a length cuts; a NUL inside is a control character */
	ck_assert_int_eq(upl_json_quote(&out, &len, "a\0b", 3, 0, NULL), 0);
	ck_assert_str_eq(out, "\"a\\u0000b\"");
	upl_free(out);
	/* overlong, surrogate, past U+10FFFF, truncated: refused or replaced */
	ck_assert_int_eq(upl_json_quote(&out, &len, "x\xc0\xaf", (size_t)-1, 0, &err), UPL_EINVAL);
	ck_assert_str_eq(upl_error_message(err), "byte 1 (0xC0) is not valid UTF-8");
	upl_error_free(err);
	ck_assert_int_eq(upl_json_quote(&out, &len, "\xed\xa0\x80|\xf4\x90\x80\x80|\xe4\xb8",
					(size_t)-1, UPL_JSON_REPLACE_INVALID, NULL), 0);
	ck_assert_str_eq(out, "\"\\ufffd\\ufffd\\ufffd|\\ufffd\\ufffd\\ufffd\\ufffd|\\ufffd\\ufffd\"");
	upl_free(out);
	ck_assert_int_eq(upl_json_quote(&out, &len, "x", 1, 0x4, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_json_quote(NULL, &len, "x", 1, 0, NULL), UPL_EINVAL);
}
END_TEST

START_TEST(test_files)
{
	char dir[] = "/tmp/check_export.XXXXXX", path[256], bad[256];
	upl_doc *doc = load("small-plans.xml"), *other = load("small-plan.xml");
	const upl_doc *docs[2];
	upl_error *err = NULL;
	size_t len = 0, flen = 0;
	char *want, *got;
	docs[0] = doc;
	docs[1] = other;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/out.json", dir);
	snprintf(bad, sizeof bad, "%s/missing/out.json", dir);
	ck_assert_int_eq(upl_export_json_file(doc, path, NULL, &err), 0);
	want = export(doc, 0, &len);
	got = test_slurp_path(path, &flen);
	ck_assert_str_eq(got, want);
	free(got);
	upl_free(want);
	/* JSON Lines replace the file */
	ck_assert_int_eq(upl_export_jsonl_file(docs, 2, path, NULL, &err), 0);
	ck_assert_int_eq(upl_export_jsonl_buffer(&want, &len, docs, 2, NULL, &err), 0);
	got = test_slurp_path(path, &flen);
	ck_assert_str_eq(got, want);
	free(got);
	upl_free(want);
	ck_assert_int_eq(upl_export_json_file(doc, bad, NULL, &err), UPL_EIO);
	upl_error_free(err);
	ck_assert_int_eq(access(bad, F_OK), -1);
	ck_assert_int_eq(upl_export_json_file(doc, NULL, NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_export_json_file(NULL, path, NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0);
	upl_doc_free(doc);
	upl_doc_free(other);
}
END_TEST

static Suite *
export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("json");
	tcase_add_test(tc, test_golden_plan);
	tcase_add_test(tc, test_golden_collection);
	tcase_add_test(tc, test_golden_positions);
	tcase_add_test(tc, test_jsonl);
	tcase_add_test(tc, test_model_in_memory);
	tcase_add_test(tc, test_refusals);
	tcase_add_test(tc, test_quote);
	tcase_add_test(tc, test_files);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(export_suite)

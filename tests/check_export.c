/* The export module: JSON and JSON Lines, against golden files written by
 * hand in tests/data/export/, and the writer's refusals. */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
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
	snprintf(rel, sizeof rel, "tests/data/export/%s", name);
	return test_parse(rel, name);
}

static char *
export(const upl_doc *doc, unsigned int flags, size_t *len)
{
	return test_export(upl_export_json_buffer, doc, flags, 0, len);
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
	return test_one_paragraph(lang, NULL, text);
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

/* ------------------------------------------------------------------------ */
/* JSON back to the model                                                   */

/* Parse JSON text; 0 or the code, the error's place and message in msg. */
static int
parse_json(upl_doc **out, const char *json, const upl_json_parse_options *o, char *msg, size_t size)
{
	upl_error *err = NULL;
	int rc = upl_doc_parse_json_buffer(out, json, strlen(json), "in.json", o, &err);
	if (rc != 0 && msg)
		snprintf(msg, size, "%u:%u: %s", upl_error_line(err), upl_error_column(err),
			 upl_error_message(err));
	upl_error_free(err);
	return rc;
}

/* Every example, every file of the valid corpus and the small plans. */
static size_t
corpus(char paths[][256], size_t max)
{
	static const char *const dirs[] = { "doc/examples", "tests/data/valid", "tests/data/export" };
	const char *top = getenv("top_srcdir");
	size_t n = 0, k;
	for (k = 0; k < sizeof dirs / sizeof dirs[0]; k++) {
		char dir[200];
		struct dirent *e;
		DIR *d;
		snprintf(dir, sizeof dir, "%s/%s", top ? top : ".", dirs[k]);
		d = opendir(dir);
		ck_assert_ptr_nonnull(d);
		while ((e = readdir(d)) != NULL && n < max) {
			size_t l = strlen(e->d_name);
			if (l > 4 && strcmp(e->d_name + l - 4, ".xml") == 0)
				snprintf(paths[n++], 256, "%s/%.50s", dir, e->d_name);
		}
		closedir(d);
	}
	return n;
}

/* JSON -> model -> JSON and XML -> JSON -> XML for one file. */
static void
round_trip(const char *path)
{
	upl_doc *xml = NULL, *back = NULL, *again = NULL;
	upl_error *err = NULL;
	char *json, *json_pos, *json2, *json3, *canon, *canon2, msg[300];
	size_t len;
	ck_assert_msg(upl_doc_parse_file(&xml, path, NULL, &err) == 0, "%s", path);
	json = export(xml, UPL_EXPORT_PRETTY, &len);
	json_pos = export(xml, UPL_EXPORT_POSITIONS, &len);
	ck_assert_int_eq(upl_doc_write_buffer(&canon, &len, xml, NULL, NULL), 0);
	ck_assert_msg(parse_json(&back, json, NULL, msg, sizeof msg) == 0, "%s: %s", path, msg);
	json2 = export(back, UPL_EXPORT_PRETTY, &len);
	ck_assert_msg(strcmp(json, json2) == 0, "%s: JSON -> model -> JSON differs", path);
	/* the positions the exporter adds are read and ignored */
	ck_assert_msg(parse_json(&again, json_pos, NULL, msg, sizeof msg) == 0, "%s: %s", path, msg);
	json3 = export(again, UPL_EXPORT_PRETTY, &len);
	ck_assert_msg(strcmp(json, json3) == 0, "%s: JSON with positions -> JSON differs", path);
	ck_assert_int_eq(upl_doc_write_buffer(&canon2, &len, back, NULL, NULL), 0);
	ck_assert_msg(strcmp(canon, canon2) == 0, "%s: XML -> JSON -> XML differs", path);
	ck_assert_int_eq(upl_doc_is_collection(back), upl_doc_is_collection(xml));
	upl_free(json);
	upl_free(json_pos);
	upl_free(json2);
	upl_free(json3);
	upl_free(canon);
	upl_free(canon2);
	upl_doc_free(xml);
	upl_doc_free(back);
	upl_doc_free(again);
}

START_TEST(test_round_trips)
{
	static char paths[64][256];
	size_t n = corpus(paths, 64), k;
	ck_assert_uint_ge(n, 18);
	for (k = 0; k < n; k++)
		round_trip(paths[k]);
}
END_TEST

/* The start of a document with one plan, whose body follows. */
#define DOC "{\"format\":\"unionplan\",\"version\":1,\"collection\":false,\"plans\":[{\"lang\":\"zh-Hans\"," \
	"\"meta\":{\"title\":null,\"organization\":null,\"authors\":[],\"docnumber\":null,\"period\":null," \
	"\"issued\":null,\"source\":null},\"body\":["
#define END "]}]}"
#define MONTH(acts) "{\"kind\":\"schedule\",\"heading\":null,\"children\":[{\"kind\":\"month\",\"month\":9," \
	"\"to\":null,\"year\":2012,\"label\":null,\"children\":[" acts "]}]}"
#define ACT(date, holiday, relation) "{\"kind\":\"activity\",\"label\":null,\"number\":null,\"date\":" date \
	",\"holiday\":" holiday ",\"relation\":" relation ",\"text\":\"x\"}"
/* A plan whose meta holds PERIOD and AUTHORS, with an empty body. */
#define META(authors, period) "{\"format\":\"unionplan\",\"version\":1,\"collection\":false,\"plans\":[{" \
	"\"lang\":null,\"meta\":{\"title\":null,\"organization\":null,\"authors\":[" authors "]," \
	"\"docnumber\":null,\"period\":" period ",\"issued\":null,\"source\":null},\"body\":[]}]}"

static const struct bad_case {
	const char *json;
	const char *want; /* line:column: message */
} bad_cases[] = {
	{ "", "1:1: expected a value, found the end of the input" },
	{ "\n  \n", "3:1: expected a value, found the end of the input" },
	{ "{\"format\":\"unionplan\",}", "1:23: expected a member name in quotes, found '}'" },
	{ "{\"format\" \"unionplan\"}", "1:11: expected ':' after the member name, found '\"'" },
	{ "[1,2", "1:5: expected ',' or ']', found the end of the input" },
	{ "{} x", "1:4: expected the end of the input after the JSON value, found 'x'" },
	{ "{\"format\":nul}", "1:11: expected a value, found 'n'" },
	{ "{\"format\":+1}", "1:11: expected a value, found '+'" },
	{ "[01]", "1:2: a number may not start with 0 followed by digits" },
	{ "[1.]", "1:2: a number needs a digit after '.'" },
	{ "[-]", "1:2: a number needs a digit after '-'" },
	{ "[1e+]", "1:2: a number needs a digit in its exponent" },
	{ "\"\\ud800\"", "1:2: \\uD800 is a high surrogate without its low half" },
	{ "\"\\udc00\"", "1:2: \\uDC00 is a lone low surrogate" },
	{ "\"\\u12g4\"", "1:2: \\u must be followed by four hexadecimal digits" },
	{ "\"\\x\"", "1:2: invalid escape '\\' followed by 'x'" },
	{ "\"a\nb\"", "1:3: control character 0x0A in a string (write it as \\u000A)" },
	{ "\"中文\xff\"", "1:4: byte 0xFF is not valid UTF-8" },
	{ "\"中文\xe4\xb8\"", "1:4: byte 0xE4 is not valid UTF-8" },
	{ "\"abc", "1:1: unterminated string" },
	{ "[\"\\u0001\"]", "1:3: U+0001 is not a character a plan can hold (XML 1.0)" },
	{ "[\"\\u0000\"]", "1:3: U+0000 is not a character a plan can hold (XML 1.0)" },
	{ "[\"\xef\xbf\xbe\"]", "1:3: U+FFFE is not a character a plan can hold (XML 1.0)" },
	{ "[]", "1:1: the document must be an object, not an array" },
	{ "{\"format\":\"unionplan\",\"format\":\"unionplan\"}", "1:23: duplicate member \"format\" in the document" },
	{ "{\"a\":1}", "1:2: unknown member \"a\" in the document" },
	{ "{\"format\":\"unionplan\"}", "1:1: the document needs the member \"version\"" },
	{ "{\"format\":\"xml\",\"version\":1,\"collection\":false,\"plans\":[]}", "1:11: \"format\" must be \"unionplan\"" },
	{ "{\"format\":\"unionplan\",\"version\":2,\"collection\":false,\"plans\":[]}",
	  "1:33: \"version\" must be 1 (the version this library reads)" },
	{ "{\"format\":\"unionplan\",\"version\":1,\"collection\":0,\"plans\":[]}",
	  "1:48: \"collection\" must be true or false, not an integer" },
	{ "{\"format\":\"unionplan\",\"version\":1,\"collection\":false,\"plans\":[]}",
	  "1:62: \"plans\" must be an array of at least one plan" },
	{ DOC "{\"kind\":\"p\",\"label\":null,\"text\":\"x\",\"extra\":1}" END,
	  "1:239: unknown member \"extra\" in a p node" },
	{ DOC "{\"kind\":\"p\",\"label\":3,\"text\":\"x\"}" END,
	  "1:223: \"label\" must be a string or null, not an integer" },
	{ DOC "{\"kind\":\"p\",\"label\":null}" END, "1:203: a p node needs the member \"text\"" },
	{ DOC "{\"label\":null}" END, "1:203: a node needs the member \"kind\"" },
	{ DOC "{\"kind\":\"para\"}" END,
	  "1:211: unknown kind \"para\" (p, section, item, schedule, month, activity, note)" },
	{ DOC "{\"kind\":\"month\",\"month\":9,\"to\":null,\"year\":null,\"label\":null,\"children\":[]}" END,
	  "1:211: the plan body holds p, section, schedule or note nodes, not \"month\"" },
	{ DOC "{\"kind\":\"schedule\",\"heading\":null,\"children\":[]}" END,
	  "1:248: a schedule needs at least one month" },
	{ DOC MONTH(ACT("\"2012-02-30\"", "null", "null")) END,
	  "1:375: \"date\" is not a date YYYY-MM-DD or --MM-DD: \"2012-02-30\"" },
	{ DOC MONTH(ACT("20120910", "null", "null")) END,
	  "1:375: \"date\" must be a date string or null, not an integer" },
	{ DOC MONTH(ACT("null", "{\"key\":\"teachers-day\",\"name\":\"中秋节\"}", "null")) END,
	  "1:419: \"name\" of holiday \"teachers-day\" must be \"教师节\" or \"教師節\"" },
	{ DOC MONTH(ACT("null", "{\"key\":\"moon-day\",\"name\":\"x\"}", "null")) END,
	  "1:397: \"key\" must be a holiday key (doc/schema.md), not \"moon-day\"" },
	{ DOC MONTH(ACT("null", "null", "\"at\"")) END,
	  "1:406: \"relation\" must be one of on, before, after, during or null, not \"at\"" },
	{ DOC "{\"kind\":\"note\",\"label\":null,\"number\":1000001,\"text\":\"x\"}" END,
	  "1:240: \"number\" must be 0 to 1000000, not 1000001" },
	{ DOC "{\"kind\":\"note\",\"label\":null,\"number\":1.5,\"text\":\"x\"}" END,
	  "1:240: \"number\" must be an integer or null, not a number with a fraction or exponent" },
	{ DOC "{\"kind\":\"note\",\"label\":null,\"number\":99999999999,\"text\":\"x\"}" END,
	  "1:240: \"number\" must be 0 to 1000000" },
	/* columns count code points: 工会 is two columns, six bytes */
	{ "{\n  \"format\": \"工会\", \"version\": 1, \"collection\": false, \"plans\": []}", "2:13: \"format\" must be \"unionplan\"" },
	{ "{\n\t\"工会\": 1}", "2:2: unknown member \"工会\" in the document" },
	{ META("", "{\"kind\":null,\"start\":null,\"end\":null,\"schoolyear\":null,\"term\":null,\"text\":null}"),
	  "1:164: \"kind\" of the period may not be null" },
	{ META("", "{\"kind\":\"term\",\"start\":\"--09-01\",\"end\":null,\"schoolyear\":null,\"term\":null,\"text\":null}"),
	  "1:179: \"start\" is not a date YYYY-MM-DD: \"--09-01\"" },
	{ META("", "{\"kind\":\"term\",\"start\":null,\"end\":null,\"schoolyear\":null,\"term\":3,\"text\":null}"),
	  "1:220: \"term\" must be 1 to 2, not 3" },
	{ META("1", "null"), "1:128: an author must be a string, not an integer" },
	{ DOC "{\"kind\":\"p\",\"position\":{\"line\":0,\"column\":1},\"label\":null,\"text\":\"x\"}" END,
	  "1:234: \"line\" must be 1 to 2147483647, not 0" },
};

START_TEST(test_bad_json)
{
	const struct bad_case *c = &bad_cases[_i];
	upl_doc *doc = NULL;
	char msg[400];
	ck_assert_int_eq(parse_json(&doc, c->json, NULL, msg, sizeof msg), UPL_EPARSE);
	ck_assert_str_eq(msg, c->want);
	ck_assert_ptr_null(doc);
}
END_TEST

START_TEST(test_parse_json_limits_and_places)
{
	upl_json_parse_options o = UPL_JSON_PARSE_OPTIONS_INIT;
	upl_doc *doc = NULL, *small = load("small-plan.xml");
	upl_error *err = NULL;
	char msg[400], *deep, *json;
	size_t len, k;
	/* the depth limit, default and chosen */
	deep = malloc(1001);
	ck_assert_ptr_nonnull(deep);
	for (k = 0; k < 500; k++) {
		deep[k] = '[';
		deep[500 + k] = ']';
	}
	deep[1000] = '\0';
	ck_assert_int_eq(parse_json(&doc, deep, NULL, msg, sizeof msg), UPL_EPARSE);
	ck_assert_str_eq(msg, "1:257: nesting deeper than the limit of 256");
	o.max_depth = 3;
	ck_assert_int_eq(parse_json(&doc, deep, &o, msg, sizeof msg), UPL_EPARSE);
	ck_assert_str_eq(msg, "1:4: nesting deeper than the limit of 3");
	free(deep);
	/* a real plan needs more than three levels */
	json = export(small, 0, &len);
	ck_assert_int_eq(parse_json(&doc, json, &o, msg, sizeof msg), UPL_EPARSE);
	o.max_depth = 0;
	o.max_bytes = len - 1;
	ck_assert_int_eq(upl_doc_parse_json_buffer(&doc, json, len, "x.json", &o, &err), UPL_EIO);
	ck_assert_str_eq(upl_error_file(err), "x.json");
	upl_error_free(err);
	err = NULL;
	o.max_bytes = len;
	ck_assert_int_eq(upl_doc_parse_json_buffer(&doc, json, len, "x.json", &o, &err), 0);
	/* the model's places are the JSON's: one line, the plan at column 63 */
	ck_assert_str_eq(upl_doc_name(doc), "x.json");
	ck_assert_uint_eq(upl_plan_line(upl_doc_plan(doc, 0)), 1);
	ck_assert_uint_eq(upl_plan_column(upl_doc_plan(doc, 0)), 63);
	upl_doc_free(doc);
	doc = NULL;
	o.flags = 1;
	ck_assert_int_eq(upl_doc_parse_json_buffer(&doc, json, len, NULL, &o, NULL), UPL_EINVAL);
	o.flags = 0;
	o.version = 0;
	ck_assert_int_eq(upl_doc_parse_json_buffer(&doc, json, len, NULL, &o, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_doc_parse_json_buffer(NULL, json, len, NULL, NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_doc_parse_json_buffer(&doc, NULL, 1, NULL, NULL, NULL), UPL_EINVAL);
	/* a byte order mark is skipped; the columns after it start at 1 */
	ck_assert_int_eq(parse_json(&doc, "\xef\xbb\xbf{\"a\":1}", NULL, msg, sizeof msg), UPL_EPARSE);
	ck_assert_str_eq(msg, "1:2: unknown member \"a\" in the document");
	upl_free(json);
	upl_doc_free(small);
}
END_TEST

START_TEST(test_parse_json_file_and_fd)
{
	char path[512];
	const char *top = getenv("top_srcdir");
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	char *json, *want;
	size_t len;
	int fd;
	snprintf(path, sizeof path, "%s/tests/data/export/small-plans.json", top ? top : ".");
	ck_assert_int_eq(upl_doc_parse_json_file(&doc, path, NULL, &err), 0);
	ck_assert_str_eq(upl_doc_name(doc), path);
	json = export(doc, UPL_EXPORT_PRETTY, &len);
	want = test_slurp("tests/data/export/small-plans.json", NULL);
	ck_assert_str_eq(json, want);
	free(want);
	upl_free(json);
	/* the first block's place is its '{' in the file */
	ck_assert_uint_eq(upl_node_line(upl_plan_block(upl_doc_plan(doc, 0), 0)), 25);
	ck_assert_uint_eq(upl_node_column(upl_plan_block(upl_doc_plan(doc, 0), 0)), 9);
	upl_doc_free(doc);
	doc = NULL;
	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(upl_doc_parse_json_fd(&doc, fd, "<stdin>", NULL, &err), 0);
	close(fd);
	ck_assert_uint_eq(upl_doc_plan_count(doc), 2);
	ck_assert_str_eq(upl_doc_name(doc), "<stdin>");
	upl_doc_free(doc);
	doc = NULL;
	ck_assert_int_eq(upl_doc_parse_json_file(&doc, "/nonexistent/x.json", NULL, &err), UPL_EIO);
	ck_assert_str_eq(upl_error_file(err), "/nonexistent/x.json");
	upl_error_free(err);
	ck_assert_ptr_null(doc);
}
END_TEST

START_TEST(test_parse_json_trims_items)
{
	/* an item with children keeps no white space around its text, as the
	 * XML reader reads it; one without children keeps it all */
	upl_doc *doc = NULL;
	char msg[300];
	const upl_node *item, *inner;
	ck_assert_int_eq(parse_json(&doc, DOC "{\"kind\":\"section\",\"label\":null,\"number\":null,\"level\":null,"
				    "\"role\":null,\"heading\":null,\"children\":[{\"kind\":\"item\",\"label\":null,"
				    "\"number\":null,\"heading\":null,\"text\":\"\\n  召开 \\t\",\"children\":["
				    "{\"kind\":\"item\",\"label\":null,\"number\":null,\"heading\":null,"
				    "\"text\":\" 听取 \",\"children\":[]}]}]}" END, NULL, msg, sizeof msg), 0);
	item = upl_node_child(upl_plan_block(upl_doc_plan(doc, 0), 0), 0);
	inner = upl_node_child(item, 0);
	ck_assert_str_eq(upl_node_text(item), "召开");
	ck_assert_str_eq(upl_node_text(inner), " 听取 ");
	upl_doc_free(doc);
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
	tc = tcase_create("json-in");
	tcase_add_test(tc, test_round_trips);
	tcase_add_loop_test(tc, test_bad_json, 0, (int)(sizeof bad_cases / sizeof bad_cases[0]));
	tcase_add_test(tc, test_parse_json_limits_and_places);
	tcase_add_test(tc, test_parse_json_file_and_fd);
	tcase_add_test(tc, test_parse_json_trims_items);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(export_suite)

/* The data corpus, walked by one runner: a new case needs no new code.
 *
 *  tests/data/valid/NAME.xml       must produce no error; its diagnostics
 *                                  must equal NAME.expected when that file
 *                                  exists, else there must be none; and the
 *                                  round trip parse → write → parse → write
 *                                  must be a fixed point, byte for byte.
 *  tests/data/invalid/CASE/input.xml
 *                                  its diagnostics must equal
 *                                  CASE/expected ("LINE:COL: CODE" per line,
 *                                  in order) and include an error; parsing
 *                                  it must fail with UPL_EPARSE at the first
 *                                  error's position (or succeed when only the
 *                                  semantic rules object).
 *  tests/data/rules/CASE/input.xml as invalid/, but the case need only
 *                                  produce a finding (warnings and notes
 *                                  do not make a plan invalid); a case
 *                                  with input.txt instead is an importer
 *                                  case, which tests/check_rules.c runs.
 *  doc/examples/NAME.xml           valid; diagnostics equal NAME.expected
 *                                  (or none); already in canonical form:
 *                                  writing it back gives the same bytes.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unionplan.h>

#include "testutil.h"

static char *
path_join(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + (c ? strlen(c) : 0) + 3;
	char *p = malloc(n);
	ck_assert_ptr_nonnull(p);
	snprintf(p, n, "%s/%s%s%s", a, b, c ? "/" : "", c ? c : "");
	return p;
}

static const char *
srcdir(void)
{
	const char *s = getenv("top_srcdir");
	return s ? s : ".";
}

/* "LINE:COL: CODE\n" for every diagnostic, in order. */
static char *
render(const upl_report *r)
{
	size_t i, cap = 64 + upl_report_count(r) * 64, len = 0;
	char *out = malloc(cap);
	ck_assert_ptr_nonnull(out);
	out[0] = '\0';
	for (i = 0; i < upl_report_count(r); i++) {
		const upl_diag *d = upl_report_get(r, i);
		len += (size_t)snprintf(out + len, cap - len, "%u:%u: %s\n", upl_diag_line(d),
					upl_diag_column(d), upl_diag_code(d));
		ck_assert_uint_lt(len, cap);
	}
	return out;
}

static char *
report_of(const char *path)
{
	upl_report *r = NULL;
	upl_error *err = NULL;
	char *s;
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_msg(upl_validate_file(r, path, NULL, &err) == 0, "%s: %s", path,
		      upl_error_message(err));
	s = render(r);
	upl_report_free(r);
	return s;
}

static void
check_round_trip(const char *path, int canonical)
{
	upl_doc *d1 = NULL, *d2 = NULL;
	upl_error *err = NULL;
	char *w1 = NULL, *w2 = NULL, *orig;
	size_t l1 = 0, l2 = 0, lo = 0;
	ck_assert_msg(upl_doc_parse_file(&d1, path, NULL, &err) == 0, "%s: %s", path,
		      upl_error_message(err));
	ck_assert_int_eq(upl_doc_write_buffer(&w1, &l1, d1, NULL, NULL), 0);
	ck_assert_int_eq(upl_doc_parse_buffer(&d2, w1, l1, "first write", NULL, &err), 0);
	ck_assert_int_eq(upl_doc_write_buffer(&w2, &l2, d2, NULL, NULL), 0);
	ck_assert_msg(l1 == l2 && memcmp(w1, w2, l1) == 0, "%s: round trip is not a fixed point", path);
	ck_assert_uint_eq(upl_doc_plan_count(d1), upl_doc_plan_count(d2));
	ck_assert_int_eq(upl_doc_is_collection(d1), upl_doc_is_collection(d2));
	if (canonical) {
		orig = test_slurp_path(path, &lo);
		ck_assert_msg(lo == l1 && memcmp(orig, w1, l1) == 0,
			      "%s is not in canonical form (run unionplan format)", path);
		free(orig);
	}
	upl_free(w1);
	upl_free(w2);
	upl_doc_free(d1);
	upl_doc_free(d2);
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

START_TEST(test_valid_corpus)
{
	char *dir = path_join(srcdir(), "tests/data/valid", NULL);
	DIR *dp = opendir(dir);
	struct dirent *e;
	int count = 0;
	ck_assert_msg(dp != NULL, "cannot open %s", dir);
	while ((e = readdir(dp)) != NULL) {
		char *path, *exp_path, *got, *expected;
		if (!ends_with(e->d_name, ".xml"))
			continue;
		path = path_join(dir, e->d_name, NULL);
		exp_path = malloc(strlen(path) + 6);
		ck_assert_ptr_nonnull(exp_path);
		memcpy(exp_path, path, strlen(path) - 4);
		strcpy(exp_path + strlen(path) - 4, ".expected");
		got = report_of(path);
		expected = test_slurp_path(exp_path, NULL);
		ck_assert_msg(strcmp(got, expected ? expected : "") == 0,
			      "%s: diagnostics\n%s\nexpected\n%s", path, got, expected ? expected : "(none)");
		check_round_trip(path, 0);
		free(expected);
		free(got);
		free(exp_path);
		free(path);
		count++;
	}
	closedir(dp);
	free(dir);
	ck_assert_int_ge(count, 8);
}
END_TEST

START_TEST(test_examples_canonical)
{
	char *dir = path_join(srcdir(), "doc/examples", NULL);
	DIR *dp = opendir(dir);
	struct dirent *e;
	int count = 0;
	ck_assert_msg(dp != NULL, "cannot open %s", dir);
	while ((e = readdir(dp)) != NULL) {
		char *path, *got, *exp_path, *expected;
		if (!ends_with(e->d_name, ".xml"))
			continue;
		path = path_join(dir, e->d_name, NULL);
		exp_path = malloc(strlen(path) + 6);
		ck_assert_ptr_nonnull(exp_path);
		memcpy(exp_path, path, strlen(path) - 4);
		strcpy(exp_path + strlen(path) - 4, ".expected");
		expected = test_slurp_path(exp_path, NULL);
		got = report_of(path);
		ck_assert_msg(strcmp(got, expected ? expected : "") == 0,
			      "%s: diagnostics\n%s\nexpected\n%s", path, got, expected ? expected : "(none)");
		check_round_trip(path, 1);
		free(expected);
		free(exp_path);
		free(got);
		free(path);
		count++;
	}
	closedir(dp);
	free(dir);
	ck_assert_int_ge(count, 2);
}
END_TEST

static void
walk_cases(const char *subdir, int must_fail, int min_cases)
{
	char *dir = path_join(srcdir(), subdir, NULL);
	DIR *dp = opendir(dir);
	struct dirent *e;
	int count = 0;
	ck_assert_msg(dp != NULL, "cannot open %s", dir);
	while ((e = readdir(dp)) != NULL) {
		char *input, *exp_path, *got, *expected;
		upl_report *r = NULL;
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		unsigned int line = 0, col = 0;
		int rc, schema_layer;
		if (e->d_name[0] == '.')
			continue;
		input = path_join(dir, e->d_name, "input.xml");
		if (access(input, F_OK) != 0) {
			free(input); /* an importer case (input.txt): check_rules runs it */
			continue;
		}
		exp_path = path_join(dir, e->d_name, "expected");
		expected = test_slurp_path(exp_path, NULL);
		ck_assert_msg(expected != NULL, "%s: no expected file", exp_path);
		got = report_of(input);
		ck_assert_msg(strcmp(got, expected) == 0, "%s: diagnostics\n%s\nexpected\n%s", input,
			      got, expected);
		/* an invalid case must hold an error; a rule case must hold a finding */
		ck_assert_int_eq(upl_report_new(&r), 0);
		ck_assert_int_eq(upl_validate_file(r, input, NULL, NULL), 0);
		if (must_fail)
			ck_assert_msg(upl_report_failed(r, 0), "%s: no error", input);
		else
			ck_assert_msg(upl_report_count(r) > 0, "%s: no finding", input);
		upl_report_free(r);
		/* parsing stops at the first error of the schema layer */
		ck_assert_int_eq(sscanf(expected, "%u:%u:", &line, &col), 2);
		schema_layer = (strncmp(strchr(expected, ' ') + 1, "xml-", 4) == 0 ||
				strncmp(strchr(expected, ' ') + 1, "schema-", 7) == 0) &&
			       strncmp(strchr(expected, ' ') + 1, "xml-warning", 11) != 0;
		rc = upl_doc_parse_file(&doc, input, NULL, &err);
		if (schema_layer) {
			ck_assert_msg(rc == UPL_EPARSE, "%s: parse gave %d", input, rc);
			ck_assert_ptr_null(doc);
			ck_assert_int_eq(upl_error_code(err), UPL_EPARSE);
			ck_assert_str_eq(upl_error_file(err), input);
			ck_assert_uint_eq(upl_error_line(err), line);
			ck_assert_uint_eq(upl_error_column(err), col);
			ck_assert_ptr_nonnull(strstr(upl_error_message(err), "["));
		} else {
			ck_assert_msg(rc == 0, "%s: parse failed: %s", input, upl_error_message(err));
			upl_doc_free(doc);
		}
		upl_error_free(err);
		free(got);
		free(expected);
		free(exp_path);
		free(input);
		count++;
	}
	closedir(dp);
	free(dir);
	ck_assert_int_ge(count, min_cases);
}

START_TEST(test_invalid_corpus)
{
	walk_cases("tests/data/invalid", 1, 20);
}
END_TEST

START_TEST(test_rule_corpus)
{
	walk_cases("tests/data/rules", 0, 15);
}
END_TEST

static Suite *
corpus_suite(void)
{
	Suite *s = suite_create("corpus");
	TCase *tc = tcase_create("corpus");
	tcase_add_test(tc, test_valid_corpus);
	tcase_add_test(tc, test_examples_canonical);
	tcase_add_test(tc, test_invalid_corpus);
	tcase_add_test(tc, test_rule_corpus);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(corpus_suite)

/* Failure injection: built against the library's fault-injecting build,
 * where the Nth allocation made by the library fails. For every N from 1
 * until a run makes fewer than N allocations, each operation must either
 * succeed or fail cleanly with UPL_ENOMEM (never crash, never leak; the
 * leak part is checked by running this test under valgrind and ASan). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

#include "util-private.h"
#include "xml-private.h"

#include "faultutil.h"

static int
op_parse_write(const char *data, size_t len, char **keep)
{
	upl_doc *doc = NULL;
	char *out = NULL;
	int rc = upl_doc_parse_buffer(&doc, data, len, "f.xml", NULL, NULL);
	if (rc == 0)
		rc = upl_doc_write_buffer(&out, NULL, doc, NULL, NULL);
	if (rc == 0)
		test_keep(keep, out);
	upl_free(out);
	upl_doc_free(doc);
	return rc;
}

/* Validate data, in memory or (stream) streamed from a temporary file. */
static int
validate_with(const char *data, size_t len, char **keep, int stream)
{
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *r = NULL;
	upl_error *err = NULL;
	int rc = upl_report_new(&r);
	o.flags = UPL_VALIDATE_STREAM;
	if (rc == 0 && stream) {
		FILE *fp = tmpfile();
		ck_assert_ptr_nonnull(fp);
		ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
		ck_assert_int_eq(fflush(fp), 0);
		rewind(fp);
		rc = upl_validate_fd(r, fileno(fp), "f.xml", &o, &err);
		fclose(fp);
	} else if (rc == 0) {
		rc = upl_validate_buffer(r, data, len, "f.xml", NULL, &err);
	}
	if (rc == 0) {
		/* the diagnostics, one line each, are the output compared */
		char line[512], *all = calloc(1, 1);
		size_t i;
		for (i = 0; all && i < upl_report_count(r); i++) {
			const upl_diag *d = upl_report_get(r, i);
			char *grown;
			snprintf(line, sizeof line, "%u:%u %s %s\n", upl_diag_line(d),
				 upl_diag_column(d), upl_diag_code(d), upl_diag_message(d));
			grown = realloc(all, strlen(all) + strlen(line) + 1);
			if (grown == NULL)
				break;
			all = strcat(grown, line);
		}
		*keep = all;
	}
	upl_error_free(err);
	upl_report_free(r);
	return rc;
}

static int
op_validate(const char *data, size_t len, char **keep)
{
	return validate_with(data, len, keep, 0);
}

static int
op_validate_stream(const char *data, size_t len, char **keep)
{
	return validate_with(data, len, keep, 1);
}

static int
op_parse_error(const char *data, size_t len, char **keep)
{
	/* a document with an error: the error object is built under pressure */
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	int rc = upl_doc_parse_buffer(&doc, data, len / 2, "half.xml", NULL, &err);
	upl_error_free(err);
	upl_doc_free(doc);
	return rc == UPL_EPARSE ? 0 : rc;
}

static int
op_clone_iterate(const char *data, size_t len, char **keep)
{
	upl_doc *doc = NULL;
	upl_plan *copy = NULL;
	upl_iter *it = NULL;
	upl_node *n;
	int rc = upl_doc_parse_buffer(&doc, data, len, NULL, NULL, NULL);
	if (rc == 0)
		rc = upl_plan_clone(&copy, upl_doc_plan(doc, 0));
	if (rc == 0)
		rc = upl_iter_new(&it, copy, UPL_KIND_ALL);
	while (rc == 0)
		rc = upl_iter_next(it, &n);
	if (rc == UPL_ITEROVER)
		rc = 0;
	upl_iter_free(it);
	upl_plan_free(copy);
	upl_doc_free(doc);
	return rc;
}

/* Import a plain-text plan: the document's XML and then the importer's
 * notes, one "LINE:COL CODE" line each, are the output compared (built
 * with the C library's allocator, which the fault counter leaves alone). */
static int
op_import(const char *data, size_t len, char **keep)
{
	upl_import_options o = UPL_IMPORT_OPTIONS_INIT;
	upl_report *r = NULL;
	upl_doc *doc = NULL;
	char *xml = NULL;
	int rc = upl_report_new(&r);
	o.lang = "en";
	if (rc == 0)
		rc = upl_import_buffer(&doc, r, data, len, "plan.txt", &o, NULL);
	if (rc == 0)
		rc = upl_doc_write_buffer(&xml, NULL, doc, NULL, NULL);
	if (rc == 0) {
		size_t i, n = upl_report_count(r), size = strlen(xml) + 1 + n * 64, used;
		char *all = malloc(size);
		ck_assert_ptr_nonnull(all);
		used = (size_t)snprintf(all, size, "%s", xml);
		for (i = 0; i < n; i++) {
			const upl_diag *d = upl_report_get(r, i);
			used += (size_t)snprintf(all + used, size - used, "%u:%u %s\n", upl_diag_line(d),
						 upl_diag_column(d), upl_diag_code(d));
		}
		ck_assert_uint_lt(used, size);
		*keep = all;
	}
	upl_free(xml);
	upl_doc_free(doc);
	upl_report_free(r);
	return rc;
}

START_TEST(test_every_allocation)
{
	size_t len;
	char *data = test_slurp("doc/examples/seed-000.xml", &len);
	run_every_n(op_parse_write, data, len, "parse+write");
	run_every_n(op_validate, data, len, "validate");
	run_every_n(op_validate_stream, data, len, "validate, streamed");
	run_every_n(op_parse_error, data, len, "parse error");
	run_every_n(op_clone_iterate, data, len, "clone+iterate");
	free(data);
}
END_TEST

/* A failed compile of the embedded schema is not remembered: the parse that
 * met it fails, the next one compiles the schema and succeeds. Its test
 * case runs first, before anything in the process has compiled the schema
 * (each test has a fresh process unless CK_FORK=no). */
START_TEST(test_schema_compile_retried)
{
	size_t len;
	char *data = test_slurp("doc/examples/seed-000.xml", &len);
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	upl_report *r = NULL;
	upl__xml_schema_fail_next();
	ck_assert_int_eq(upl_doc_parse_buffer(&doc, data, len, "s.xml", NULL, &err), UPL_EPARSE);
	ck_assert_ptr_null(doc);
	ck_assert_msg(strstr(upl_error_message(err), "could not be compiled [schema-invalid]") != NULL,
		      "%s", upl_error_message(err));
	ck_assert_int_eq(upl_doc_parse_buffer(&doc, data, len, "s.xml", NULL, NULL), 0);
	ck_assert_uint_eq(upl_doc_plan_count(doc), 1);
	upl_doc_free(doc);
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_buffer(r, data, len, "s.xml", NULL, NULL), 0);
	/* the rules ran: the two findings doc/examples/seed-000.expected lists */
	ck_assert_uint_eq(upl_report_count(r), 2);
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 0)), "numbering-duplicate");
	upl_report_free(r);
	upl_error_free(err);
	free(data);
}
END_TEST

START_TEST(test_import_every_allocation)
{
	static const char *const inputs[] = {
		"tests/data/seeds/000_4589f19a21d053f0.txt", "tests/data/seeds/001_10ff43b2df3ecc86.txt",
		"tests/data/seeds/002_c586d096e016a226.txt", "tests/data/seeds/003_16f611ec0ac9a530.txt",
		"tests/data/seeds/004_7fafac6153687fc9.txt", "tests/data/text/000.gb18030.txt",
		/* the shapes of plans on web pages, which the seeds lack */
		"tests/data/import/repeated-title.txt", "tests/data/import/compilation-pieces.txt",
		"tests/data/import/split-words.txt", "tests/data/import/runon-headings.txt",
	};
	size_t i, len;
	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		char *data = test_slurp(inputs[i], &len);
		run_every_n(op_import, data, len, inputs[i]);
		free(data);
	}
}
END_TEST

static Suite *
fault_suite(void)
{
	Suite *s = suite_create("fault");
	TCase *schema = tcase_create("schema");
	TCase *tc = tcase_create("fault");
	tcase_add_test(schema, test_schema_compile_retried);
	suite_add_tcase(s, schema);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_every_allocation);
	tcase_add_test(tc, test_import_every_allocation);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(fault_suite)

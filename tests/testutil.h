/* Helpers shared by the check suites: reading test data from the source
 * tree (the top_srcdir environment variable, "." when unset), walking CSV
 * reference tables, comparing dates, and the main() every suite has. */
#ifndef UNIONPLAN_TESTUTIL_H
#define UNIONPLAN_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan/date.h>
#include <unionplan/export.h>
#include <unionplan/plan.h>
#include <unionplan/xml.h>

/* The whole file at path, NUL-terminated (free() it), its length in *len
 * when len is not NULL; NULL when it cannot be opened. */
static inline char *
test_slurp_path(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;
	if (fp == NULL)
		return NULL;
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	ck_assert_int_ge(n, 0);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	if (len)
		*len = (size_t)n;
	return buf;
}

/* The whole file top_srcdir/rel, as test_slurp_path; a missing file fails
 * the test. */
static inline char *
test_slurp(const char *rel, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	char *buf;
	snprintf(path, sizeof path, "%s/%s", top ? top : ".", rel);
	buf = test_slurp_path(path, len);
	ck_assert_msg(buf != NULL, "cannot open %s", path);
	return buf;
}

/* The plan document at rel (from the source tree), which must parse;
 * name is its name in the model and in messages (rel when NULL). */
static inline upl_doc *
test_parse(const char *rel, const char *name)
{
	size_t len;
	char *xml = test_slurp(rel, &len);
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	ck_assert_msg(upl_doc_parse_buffer(&doc, xml, len, name ? name : rel, NULL, &err) == 0,
		      "%s: %s", rel, upl_error_message(err));
	free(xml);
	return doc;
}

/* An export function: upl_export_json_buffer() and its kin. */
typedef int (*test_export_fn)(char **out, size_t *len, const upl_doc *doc,
			      const upl_export_options *opts, upl_error **err);

/* What fn makes of doc with flags and width, which must succeed and be one
 * string (no NUL inside), of *len bytes when len is not NULL; upl_free() it. */
static inline char *
test_export(test_export_fn fn, const upl_doc *doc, unsigned int flags, unsigned int width,
	    size_t *len)
{
	upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
	upl_error *err = NULL;
	char *out = NULL;
	size_t n = 0;
	o.flags = flags;
	o.width = width;
	ck_assert_msg(fn(&out, &n, doc, &o, &err) == 0, "export: %s", upl_error_message(err));
	ck_assert_uint_eq(n, strlen(out));
	if (len)
		*len = n;
	return out;
}

/* A document of one plan in lang, titled title (none when NULL), whose
 * body is one paragraph of text. */
static inline upl_doc *
test_one_paragraph(const char *lang, const char *title, const char *text)
{
	upl_doc *doc = NULL;
	upl_plan *plan = NULL;
	upl_node *p = NULL;
	ck_assert_int_eq(upl_doc_new(&doc), 0);
	ck_assert_int_eq(upl_plan_new(&plan, lang), 0);
	if (title)
		ck_assert_int_eq(upl_plan_set_title(plan, title), 0);
	ck_assert_int_eq(upl_node_new(&p, UPL_NODE_PARAGRAPH), 0);
	ck_assert_int_eq(upl_node_set_text(p, text), 0);
	ck_assert_int_eq(upl_plan_block_add(plan, p), 0);
	ck_assert_int_eq(upl_doc_plan_add(doc, plan), 0);
	return doc;
}

/* The number of times needle occurs in hay, without overlaps. */
static inline size_t
test_count(const char *hay, const char *needle)
{
	size_t n = 0;
	const char *p = hay;
	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

/* The next line of a text buffer (its newline replaced by NUL), advancing
 * *p; NULL at the end. For walking the CSV reference tables in place. */
static inline char *
test_next_line(char **p)
{
	char *line = *p, *nl;
	if (*line == '\0')
		return NULL;
	nl = strchr(line, '\n');
	if (nl) {
		*nl = '\0';
		*p = nl + 1;
	} else {
		*p = line + strlen(line);
	}
	return line;
}

/* The ISO date at s (YYYY-MM-DD, the first ten bytes); fails the test
 * when it is not one. */
static inline upl_date
test_iso(const char *s)
{
	upl_date d = UPL_DATE_INIT;
	ck_assert_msg(upl_date_parse(&d, s, 10) == 0, "bad date %.10s", s);
	return d;
}

/* Assert that date d formats as the ISO string s. */
#define ck_assert_date(d, s) do { \
	char buf_[UPL_DATE_ISO_SIZE]; \
	upl_date_format(buf_, (d)); \
	ck_assert_str_eq(buf_, (s)); \
} while (0)

/* Run one suite and exit with its verdict: TEST_MAIN(make_suite) defines
 * main() for a suite built by make_suite(). */
#define TEST_MAIN(make_suite) \
	int main(void) \
	{ \
		SRunner *sr_ = srunner_create(make_suite()); \
		int failed_; \
		srunner_run_all(sr_, CK_NORMAL); \
		failed_ = srunner_ntests_failed(sr_); \
		srunner_free(sr_); \
		return failed_ ? EXIT_FAILURE : EXIT_SUCCESS; \
	}

#endif

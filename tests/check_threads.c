/* Eight threads at once on shared read-only data: parsing, writing,
 * validating (from bytes and from a shared parsed document), importing,
 * exporting JSON, and calendar queries (lunar conversions inside and
 * outside the table, festival dates, solar terms, workday queries on the
 * embedded data and on a shared loaded set). Every thread renders what it
 * got as text; each must equal what one thread computed alone.
 *
 * Two cases: "cold" starts the threads before anything has been built
 * (the lazily built tables, the schema, ICU's data are raced for), and
 * compares every thread with a single-threaded run made afterwards;
 * "warm" computes the single-threaded answer first. With check's fork
 * mode each case runs in a fresh process. The TSan stage of
 * `./bootstrap.sh check` runs this suite under -fsanitize=thread. */
#include <pthread.h>
#include <stdarg.h>

#include "testutil.h"

#include <unionplan.h>

#define THREADS 8

/* Inputs, read once, shared read-only by all threads. */
static const char *const xml_files[] = {
	"tests/data/valid/minimal.xml", "tests/data/valid/collection.xml",
	"tests/data/valid/full-features.xml", "tests/data/valid/gb18030.xml",
	"tests/data/valid/utf16-bom.xml", "tests/data/valid/hand-seed-000.xml",
	"tests/data/invalid/bad-date/input.xml", "tests/data/invalid/truncated/input.xml",
	"tests/data/invalid/billion-laughs/input.xml",
	"tests/data/invalid/unknown-attribute/input.xml",
	"tests/data/rules/holiday-date/input.xml", "tests/data/rules/holiday-day-off/input.xml",
};
static const char *const text_files[] = {
	"tests/data/seeds/000_4589f19a21d053f0.txt", "tests/data/seeds/001_10ff43b2df3ecc86.txt",
	"tests/data/text/002.gb18030.txt", "tests/data/import/month-table.txt",
};
#define NXML (sizeof xml_files / sizeof xml_files[0])
#define NTEXT (sizeof text_files / sizeof text_files[0])

typedef struct shared {
	char *xml[NXML];
	size_t xml_len[NXML];
	char *text[NTEXT];
	size_t text_len[NTEXT];
	upl_doc *doc;       /* parsed once, validated by every thread */
	upl_calendar *cal;  /* the embedded data and one loaded year */
} shared;

/* A growing text buffer: what one run of the workload answered. */
typedef struct out {
	char *s;
	size_t len, cap;
} out;

static void
put(out *o, const char *fmt, ...)
{
	va_list ap;
	int n;
	for (;;) {
		size_t room = o->cap - o->len;
		va_start(ap, fmt);
		n = vsnprintf(o->s ? o->s + o->len : NULL, room, fmt, ap);
		va_end(ap);
		ck_assert_int_ge(n, 0);
		if ((size_t)n < room) {
			o->len += (size_t)n;
			return;
		}
		o->cap = o->cap * 2 + (size_t)n + 4096;
		o->s = realloc(o->s, o->cap);
		ck_assert_ptr_nonnull(o->s);
	}
}

static void
put_report(out *o, const upl_report *r)
{
	size_t i;
	for (i = 0; i < upl_report_count(r); i++) {
		const upl_diag *d = upl_report_get(r, i);
		put(o, "  %u:%u %s %s %s\n", upl_diag_line(d), upl_diag_column(d),
		    upl_severity_name(upl_diag_severity(d)), upl_diag_code(d), upl_diag_message(d));
	}
}

/* Parse, write, validate (bytes and the shared document), export JSON. */
static void
documents(out *o, const shared *sh)
{
	size_t i;
	for (i = 0; i < NXML; i++) {
		upl_report *r = NULL;
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		char *buf = NULL;
		size_t len = 0;
		int rc = upl_doc_parse_buffer(&doc, sh->xml[i], sh->xml_len[i], xml_files[i], NULL,
					      &err);
		put(o, "parse %s: %d %s\n", xml_files[i], rc, err ? upl_error_message(err) : "");
		if (rc == 0) {
			ck_assert_int_eq(upl_doc_write_buffer(&buf, &len, doc, NULL, NULL), 0);
			put(o, "%.*s\n", (int)len, buf);
			upl_free(buf);
			ck_assert_int_eq(upl_export_json_buffer(&buf, &len, doc, NULL, NULL), 0);
			put(o, "%.*s\n", (int)len, buf);
			upl_free(buf);
		}
		ck_assert_int_eq(upl_report_new(&r), 0);
		ck_assert_int_eq(upl_validate_buffer(r, sh->xml[i], sh->xml_len[i], xml_files[i],
						     NULL, NULL), 0);
		put_report(o, r);
		if (sh->doc != NULL) {
			upl_report_clear(r);
			ck_assert_int_eq(upl_doc_validate(r, sh->doc, NULL, NULL), 0);
			put(o, "shared document:\n");
			put_report(o, r);
		}
		upl_report_free(r);
		upl_doc_free(doc);
		upl_error_free(err);
	}
}

/* Import every text (detected encoding; simplified too), write the result. */
static void
imports(out *o, const shared *sh)
{
	size_t i;
	int simplified;
	for (i = 0; i < NTEXT; i++) {
		for (simplified = 0; simplified < 2; simplified++) {
			upl_import_options io = UPL_IMPORT_OPTIONS_INIT;
			upl_report *notes = NULL;
			upl_doc *doc = NULL;
			char *buf = NULL;
			size_t len = 0;
			int rc;
			if (simplified)
				io.flags |= UPL_IMPORT_SIMPLIFIED;
			ck_assert_int_eq(upl_report_new(&notes), 0);
			rc = upl_import_buffer(&doc, notes, sh->text[i], sh->text_len[i], text_files[i],
					       &io, NULL);
			put(o, "import %s %d: %d\n", text_files[i], simplified, rc);
			put_report(o, notes);
			if (rc == 0) {
				ck_assert_int_eq(upl_doc_write_buffer(&buf, &len, doc, NULL, NULL), 0);
				put(o, "%.*s\n", (int)len, buf);
				upl_free(buf);
			}
			upl_doc_free(doc);
			upl_report_free(notes);
		}
	}
}

/* Lunar dates every 13 days over 1899..2102 (table and ICU on both sides of
 * it), and a stretch of years far outside the table (ICU only). */
static void
lunar(out *o)
{
	upl_date d = {1899, 1, 1}, end = {2102, 12, 31};
	int y, rc;
	while (upl_date_compare(d, end) <= 0) {
		upl_lunar_date l = {0, 0, 0, 0, 0};
		char text[UPL_LUNAR_TEXT_SIZE] = "";
		rc = upl_lunar_from_date(&l, d);
		if (rc == 0)
			upl_lunar_format(text, sizeof text, &l, UPL_LUNAR_FORMAT_ZODIAC);
		put(o, "%d-%d-%d %d %d/%d%s/%d %d %s\n", d.year, d.month, d.day, rc, l.year, l.month,
		    l.leap ? "L" : "", l.day, (int)l.source, rc == 0 ? text : "");
		ck_assert_int_eq(upl_date_add_days(&d, d, 13), 0);
	}
	for (y = 1500; y <= 3500; y += 97) {
		upl_date g;
		upl_lunar_source src;
		rc = upl_lunar_to_date(&g, &src, y, 8, 0, 15);
		put(o, "lunar %d-8-15: %d %d-%d-%d %d\n", y, rc, rc ? 0 : g.year, rc ? 0 : g.month,
		    rc ? 0 : g.day, rc ? 0 : (int)src);
	}
}

/* Festival dates and solar terms, 1890..2110. */
static void
festivals(out *o)
{
	int y, t;
	size_t k;
	for (y = 1890; y <= 2110; y += 3) {
		for (k = 0; k < upl_holiday_count(); k++) {
			upl_date d = UPL_DATE_INIT;
			int rc = upl_holiday_date(&d, upl_holiday_key(k), y);
			put(o, "%s %d: %d %d-%d-%d\n", upl_holiday_key(k), y, rc, d.year, d.month, d.day);
		}
		for (t = 0; t < 24; t += 5) {
			upl_date d = UPL_DATE_INIT;
			int rc = upl_solar_term_date(&d, y, t);
			put(o, "term %d %d: %d %d-%d-%d\n", t, y, rc, d.year, d.month, d.day);
		}
	}
}

/* Workday queries: every day of 2006..2028 on the embedded data and the
 * shared set; counts and offsets from the first of each month. */
static void
workdays(out *o, const shared *sh)
{
	upl_date d = {2006, 1, 1}, end = {2028, 12, 31};
	while (upl_date_compare(d, end) <= 0) {
		upl_workday_info a, b;
		ck_assert_int_eq(upl_calendar_workday(&a, NULL, d), 0);
		ck_assert_int_eq(upl_calendar_workday(&b, sh->cal, d), 0);
		put(o, "%d-%d-%d %d %s %d %s\n", d.year, d.month, d.day, (int)a.status, a.reason,
		    (int)b.status, b.reason);
		if (d.day == 1) {
			upl_date last = d, later = UPL_DATE_INIT;
			long n = -1;
			int rc;
			last.day = upl_date_days_in_month(d.year, d.month);
			rc = upl_calendar_workdays_between(&n, sh->cal, d, last);
			put(o, "  month: %d %ld", rc, n);
			rc = upl_calendar_add_workdays(&later, sh->cal, d, 10);
			put(o, " +10: %d %d-%d-%d\n", rc, later.year, later.month, later.day);
		}
		ck_assert_int_eq(upl_date_add_days(&d, d, 1), 0);
	}
}

static char *
workload(const shared *sh)
{
	out o = {NULL, 0, 0};
	documents(&o, sh);
	imports(&o, sh);
	lunar(&o);
	festivals(&o);
	workdays(&o, sh);
	return o.s;
}

typedef struct worker {
	const shared *sh;
	pthread_barrier_t *start;
	char *result;
} worker;

static void *
run(void *arg)
{
	worker *w = arg;
	pthread_barrier_wait(w->start);
	w->result = workload(w->sh);
	return NULL;
}

static void
shared_load(shared *sh)
{
	size_t i;
	char *data;
	size_t len;
	memset(sh, 0, sizeof *sh);
	for (i = 0; i < NXML; i++)
		sh->xml[i] = test_slurp(xml_files[i], &sh->xml_len[i]);
	for (i = 0; i < NTEXT; i++)
		sh->text[i] = test_slurp(text_files[i], &sh->text_len[i]);
	data = test_slurp("tests/data/calendar/good-2027.txt", &len);
	ck_assert_int_eq(upl_calendar_new(&sh->cal, NULL), 0);
	ck_assert_int_eq(upl_calendar_load_buffer(sh->cal, data, len, "good-2027.txt", NULL), 0);
	free(data);
}

static void
shared_free(shared *sh)
{
	size_t i;
	for (i = 0; i < NXML; i++)
		free(sh->xml[i]);
	for (i = 0; i < NTEXT; i++)
		free(sh->text[i]);
	upl_doc_free(sh->doc);
	upl_calendar_free(sh->cal);
}

/* Start THREADS threads on the workload at once; compare each with ref,
 * or (ref NULL) with a single-threaded run made after they finish. */
static void
race(const shared *sh, const char *ref)
{
	pthread_barrier_t start;
	pthread_t t[THREADS];
	worker w[THREADS];
	char *after = NULL;
	int i;
	ck_assert_int_eq(pthread_barrier_init(&start, NULL, THREADS), 0);
	for (i = 0; i < THREADS; i++) {
		w[i].sh = sh;
		w[i].start = &start;
		w[i].result = NULL;
		ck_assert_int_eq(pthread_create(&t[i], NULL, run, &w[i]), 0);
	}
	for (i = 0; i < THREADS; i++)
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
	pthread_barrier_destroy(&start);
	if (ref == NULL)
		ref = after = workload(sh);
	ck_assert_uint_gt(strlen(ref), 100000);
	for (i = 0; i < THREADS; i++) {
		ck_assert_ptr_nonnull(w[i].result);
		ck_assert_msg(strcmp(w[i].result, ref) == 0, "thread %d differs from one thread", i);
		free(w[i].result);
	}
	free(after);
}

/* The document every thread validates (warm case): full-features.xml. */
static void
shared_doc(shared *sh)
{
	ck_assert_int_eq(upl_doc_parse_buffer(&sh->doc, sh->xml[2], sh->xml_len[2], xml_files[2],
					      NULL, NULL), 0);
}

START_TEST(test_cold)
{
	shared sh;
	shared_load(&sh);
	/* Nothing parsed yet: the schema, the lazily built tables and ICU's
	 * data are first touched by the threads (the shared document is left
	 * out here, since parsing it would build the schema first). */
	race(&sh, NULL);
	shared_free(&sh);
}
END_TEST

START_TEST(test_warm)
{
	shared sh;
	char *ref;
	shared_load(&sh);
	shared_doc(&sh);
	ref = workload(&sh);
	race(&sh, ref);
	free(ref);
	shared_free(&sh);
}
END_TEST

static Suite *
threads_suite(void)
{
	Suite *s = suite_create("threads");
	TCase *tc = tcase_create("threads");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_cold);
	tcase_add_test(tc, test_warm);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(threads_suite)

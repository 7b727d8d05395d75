/* The iCalendar export: the golden file of tests/data/export/ics-plan.xml,
 * folding at 75 octets and TEXT escaping on lines made to need them,
 * stable UIDs, the days of dated and undated activities, the official
 * calendar (UPL_EXPORT_HOLIDAYS and the feed of some years), refusals and
 * the atomic file functions. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unionplan.h>

#include "testutil.h"

/* tests/data/export/ics-plan.xml as parsed from its file. */
static upl_doc *
ics_plan(void)
{
	return test_parse("tests/data/export/ics-plan.xml", "ics-plan.xml");
}

/* The iCalendar of doc with flags, which must succeed. */
static char *
ics(const upl_doc *doc, unsigned int flags)
{
	return test_export(upl_export_ics_buffer, doc, flags, 0, NULL);
}

/* A one-plan document whose schedule has one month (year 0: unknown) with
 * one activity of the given text and date. */
static upl_doc *
one_activity(const char *text, upl_date date, int month, int year, const upl_period *period)
{
	upl_doc *doc = NULL;
	upl_plan *p = NULL;
	upl_node *s = NULL, *m = NULL, *a = NULL;
	ck_assert_int_eq(upl_doc_new(&doc), 0);
	ck_assert_int_eq(upl_plan_new(&p, "zh-Hans"), 0);
	ck_assert_int_eq(upl_plan_set_title(p, "测试计划"), 0);
	if (period)
		ck_assert_int_eq(upl_plan_set_period(p, period), 0);
	ck_assert_int_eq(upl_node_new(&s, UPL_NODE_SCHEDULE), 0);
	ck_assert_int_eq(upl_node_new(&m, UPL_NODE_MONTH), 0);
	ck_assert_int_eq(upl_node_new(&a, UPL_NODE_ACTIVITY), 0);
	ck_assert_int_eq(upl_node_set_month(m, month, 0, year), 0);
	ck_assert_int_eq(upl_node_set_text(a, text), 0);
	if (date.month)
		ck_assert_int_eq(upl_node_set_date(a, date), 0);
	ck_assert_int_eq(upl_node_child_add(m, a), 0);
	ck_assert_int_eq(upl_node_child_add(s, m), 0);
	ck_assert_int_eq(upl_plan_block_add(p, s), 0);
	ck_assert_int_eq(upl_doc_plan_add(doc, p), 0);
	return doc;
}

/* The unfolded value (what follows the first colon) of the first property
 * line starting with prefix (malloc()ed), or NULL. */
static char *
unfolded(const char *ics_text, const char *prefix)
{
	const char *p = strstr(ics_text, prefix), *q;
	char *out;
	size_t n = 0;
	if (p == NULL)
		return NULL;
	out = malloc(strlen(p) + 1);
	ck_assert_ptr_nonnull(out);
	for (q = strchr(p, ':') + 1; *q; q++) {
		if (q[0] == '\r' && q[1] == '\n') {
			if (q[2] != ' ')
				break;
			q += 2;
			continue;
		}
		out[n++] = *q;
	}
	out[n] = '\0';
	return out;
}

START_TEST(test_golden)
{
	upl_doc *doc = ics_plan(), *again = ics_plan();
	char *want = test_slurp("tests/data/export/ics-plan.ics", NULL);
	char *got = ics(doc, 0), *got2 = ics(doc, 0), *got3 = ics(again, 0);
	ck_assert_str_eq(got, want);
	/* the same bytes, UIDs and DTSTAMP included, each time and from a new parse */
	ck_assert_str_eq(got2, got);
	ck_assert_str_eq(got3, got);
	ck_assert_uint_eq(test_count(got, "BEGIN:VEVENT\r\n"), 5);
	ck_assert_uint_eq(test_count(got, "DTSTAMP:20140825T000000Z\r\n"), 5);
	ck_assert_ptr_nonnull(strstr(got, "\r\nX-WR-CALNAME:2014学年工会工作计划（草案\\,第二稿）\r\n"));
	upl_free(got);
	upl_free(got2);
	upl_free(got3);
	free(want);
	upl_doc_free(doc);
	upl_doc_free(again);
}
END_TEST

/* Every physical line is at most 75 octets before its CRLF, there is no
 * bare CR or LF, and no continuation starts inside a UTF-8 sequence. */
static void
check_lines(const char *s)
{
	const char *line = s, *crlf;
	while (*line) {
		crlf = strstr(line, "\r\n");
		ck_assert_ptr_nonnull(crlf);
		ck_assert_msg(crlf - line <= 75, "a line of %d octets: %.20s", (int)(crlf - line), line);
		ck_assert_ptr_null(memchr(line, '\n', (size_t)(crlf - line)));
		ck_assert_ptr_null(memchr(line, '\r', (size_t)(crlf - line)));
		if (line[0] == ' ')
			ck_assert_msg(((unsigned char)line[1] & 0xC0) != 0x80, "a cut inside UTF-8: %.20s",
				      line);
		line = crlf + 2;
	}
}

START_TEST(test_folding)
{
	upl_doc *doc = ics_plan();
	char *got = ics(doc, 0), *v;
	check_lines(got);
	/* 8 + 1 + 22 * 3 = 75 octets: one line of exactly 75, not folded */
	ck_assert_ptr_nonnull(strstr(got, "\r\nSUMMARY:a一二三四五六七八九十一二三四五六七八九十一二\r\nDESCRIPTION"));
	/* 8 + 67 would cut the 23rd character: the first line stops at 74 */
	ck_assert_ptr_nonnull(strstr(got, "\r\nSUMMARY:一二三四五六七八九十一二三四五六七八九十一二\r\n 三"));
	v = unfolded(got, "SUMMARY:一二");
	ck_assert_str_eq(v, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
			    "一二三四五六七八九十一二三四五六七八九十");
	free(v);
	/* an escape sequence folded across lines unfolds whole */
	v = unfolded(got, "SUMMARY:庆祝");
	ck_assert_str_eq(v, "庆祝教师节；表彰优秀教师\\,慰问退休教师\\\\备注\\;完");
	free(v);
	upl_free(got);
	check_lines(got = ics(doc, UPL_EXPORT_HOLIDAYS));
	upl_free(got);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_escaping)
{
	upl_date d;
	upl_doc *doc;
	char *got, *v;
	upl_error *err = NULL;
	upl_date_make(&d, 2020, 5, 4);
	doc = one_activity("a;b,c\\d\ne\r\nf\rg\th\x01i", d, 5, 2020, NULL);
	got = ics(doc, 0);
	v = unfolded(got, "SUMMARY:");
	ck_assert_str_eq(v, "a\\;b\\,c\\\\d\\ne\\nf\\ng\th i");
	free(v);
	v = unfolded(got, "DESCRIPTION:");
	ck_assert_str_eq(v, "5月\\n测试计划");
	free(v);
	upl_free(got);
	upl_doc_free(doc);
	/* text that is not UTF-8 is refused, not altered */
	doc = one_activity("bad \xff byte", d, 5, 2020, NULL);
	got = NULL;
	ck_assert_int_eq(upl_export_ics_buffer(&got, NULL, doc, NULL, &err), UPL_EINVAL);
	ck_assert_ptr_null(got);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "not valid UTF-8"));
	upl_error_free(err);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_days)
{
	upl_doc *doc = ics_plan();
	char *got = ics(doc, 0);
	/* a dated activity: that day, DTEND the next; 12-31 ends in the next year */
	ck_assert_ptr_nonnull(strstr(got, "DTSTART;VALUE=DATE:20140910\r\nDTEND;VALUE=DATE:20140911\r\n"));
	ck_assert_ptr_nonnull(strstr(got, "DTSTART;VALUE=DATE:20141231\r\nDTEND;VALUE=DATE:20150101\r\n"));
	/* undated: the month; a span of months without a year: 2015's from the period */
	ck_assert_uint_eq(test_count(got, "DTSTART;VALUE=DATE:20140901\r\nDTEND;VALUE=DATE:20141001\r\n"), 2);
	ck_assert_ptr_nonnull(strstr(got, "DTSTART;VALUE=DATE:20150701\r\nDTEND;VALUE=DATE:20150901\r\n"));
	ck_assert_ptr_nonnull(strstr(got, "CATEGORIES:教师节\r\n"));
	ck_assert_ptr_nonnull(strstr(got, "CATEGORIES:元旦\r\n"));
	upl_free(got);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_years)
{
	upl_date none = UPL_DATE_INIT, d;
	upl_period sy = UPL_PERIOD_INIT;
	upl_doc *doc;
	char *got;
	/* no year anywhere: left out */
	doc = one_activity("无年份", none, 3, 0, NULL);
	got = ics(doc, UPL_EXPORT_HOLIDAYS);
	ck_assert_uint_eq(test_count(got, "BEGIN:VEVENT"), 0);
	ck_assert_ptr_null(strstr(got, "DTSTAMP"));
	ck_assert_ptr_nonnull(strstr(got, "END:VCALENDAR\r\n"));
	upl_free(got);
	upl_doc_free(doc);
	/* only the 学年: March is in the next year; a leap day that the year
	 * does not have is left out */
	sy.kind = UPL_PERIOD_SCHOOL_YEAR;
	sy.schoolyear = 2019;
	doc = one_activity("学年", none, 3, 0, &sy);
	got = ics(doc, 0);
	ck_assert_ptr_nonnull(strstr(got, "DTSTART;VALUE=DATE:20200301\r\nDTEND;VALUE=DATE:20200401\r\n"));
	ck_assert_ptr_nonnull(strstr(got, "DTSTAMP:19700101T000000Z\r\n"));
	upl_free(got);
	upl_doc_free(doc);
	d.year = 0, d.month = 2, d.day = 29;
	sy.schoolyear = 2020;
	doc = one_activity("闰日", d, 2, 0, &sy);
	got = ics(doc, 0);
	ck_assert_uint_eq(test_count(got, "BEGIN:VEVENT"), 0);
	upl_free(got);
	upl_doc_free(doc);
	/* December as a whole month ends on 1 January */
	doc = one_activity("十二月", none, 12, 2020, NULL);
	got = ics(doc, 0);
	ck_assert_ptr_nonnull(strstr(got, "DTSTART;VALUE=DATE:20201201\r\nDTEND;VALUE=DATE:20210101\r\n"));
	upl_free(got);
	upl_doc_free(doc);
}
END_TEST

/* The UID lines of s, one after the other. */
static char *
uids(const char *s)
{
	char *out = malloc(strlen(s) + 1);
	const char *p = s, *e;
	size_t n = 0;
	ck_assert_ptr_nonnull(out);
	while ((p = strstr(p, "\r\nUID:")) != NULL) {
		e = strstr(p + 2, "\r\n");
		memcpy(out + n, p + 2, (size_t)(e - p));
		n += (size_t)(e - p);
		p = e;
	}
	out[n] = '\0';
	return out;
}

START_TEST(test_uids)
{
	upl_doc *doc = ics_plan();
	upl_plan *p = upl_doc_plan(doc, 0);
	upl_node *month = upl_node_child(upl_plan_block(p, 0), 0);
	char *a = ics(doc, 0), *ua = uids(a), *b, *ub, *l1, *l2;
	ck_assert_uint_eq(test_count(ua, "UID:"), 5);
	ck_assert_ptr_nonnull(strstr(ua, "-0.0.0.0@unionplan\r\n"));
	ck_assert_ptr_nonnull(strstr(ua, "-0.0.2.0@unionplan\r\n"));
	/* another text changes that activity's UID only */
	ck_assert_int_eq(upl_node_set_text(upl_node_child(month, 1), "另一项"), 0);
	b = ics(doc, 0);
	ub = uids(b);
	l1 = strstr(ua, "-0.0.0.1@");
	l2 = strstr(ub, "-0.0.0.1@");
	ck_assert(memcmp(l1 - 16, l2 - 16, 16) != 0);
	ck_assert(strncmp(ua, ub, (size_t)(strstr(ua, "\r\n") - ua)) == 0);
	ck_assert_str_eq(strstr(ua, "-0.0.0.1@") + 20, strstr(ub, "-0.0.0.1@") + 20);
	upl_free(a);
	upl_free(b);
	free(ua);
	free(ub);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_holidays_flag)
{
	upl_doc *doc = ics_plan();
	char *got = ics(doc, UPL_EXPORT_HOLIDAYS);
	/* 5 activities; 2014 and 2015: 20 festivals each, 27 and 31 official
	 * days (unionplan holidays [--statutory] --format=csv) */
	ck_assert_uint_eq(test_count(got, "BEGIN:VEVENT"), 5 + 20 + 20 + 27 + 31);
	ck_assert_ptr_nonnull(strstr(got, "UID:20141001-off-national-day@holidays.unionplan\r\n"
				      "DTSTAMP:20140825T000000Z\r\nDTSTART;VALUE=DATE:20141001\r\n"
				      "DTEND;VALUE=DATE:20141002\r\nSUMMARY:国庆节（休）\r\n"
				      "CATEGORIES:法定节假日\r\n"));
	ck_assert_ptr_nonnull(strstr(got, "UID:20141011-workday@holidays.unionplan\r\n"
				      "DTSTAMP:20140825T000000Z\r\nDTSTART;VALUE=DATE:20141011\r\n"
				      "DTEND;VALUE=DATE:20141012\r\nSUMMARY:调休上班\r\n"
				      "DESCRIPTION:国庆节调休上班\r\nCATEGORIES:调休上班\r\n"));
	ck_assert_ptr_nonnull(strstr(got, "UID:20150903-off-victory-day@"));
	ck_assert_ptr_nonnull(strstr(got, "UID:20150219-festival-spring-festival@holidays.unionplan\r\n"));
	ck_assert_ptr_nonnull(strstr(got, "SUMMARY:春节\r\nCATEGORIES:节日\r\n"));
	/* a weekend is no event, a weekend within a holiday is */
	ck_assert_ptr_null(strstr(got, "DTSTART;VALUE=DATE:20141018\r\n"));
	ck_assert_ptr_nonnull(strstr(got, "UID:20141004-off-national-day@"));
	ck_assert_ptr_null(strstr(got, "DTSTART;VALUE=DATE:20160101\r\n"));
	upl_free(got);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_feed)
{
	int years[] = { 2026, 2025, 2026 };
	upl_error *err = NULL;
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(upl_export_ics_holidays_buffer(&out, &len, NULL, years, 1, NULL, &err), 0);
	ck_assert_uint_eq(len, strlen(out));
	check_lines(out);
	ck_assert_ptr_nonnull(strstr(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	ck_assert_ptr_nonnull(strstr(out, "\r\nX-WR-CALNAME:中国节假日 2026\r\n"));
	ck_assert_uint_eq(test_count(out, "DTSTAMP:20260101T000000Z\r\n"), test_count(out, "BEGIN:VEVENT"));
	/* 2026: 20 festivals, 33 days off, 6 adjusted working days */
	ck_assert_uint_eq(test_count(out, "BEGIN:VEVENT"), 20 + 39);
	ck_assert_uint_eq(test_count(out, "CATEGORIES:法定节假日\r\n"), 33);
	ck_assert_uint_eq(test_count(out, "SUMMARY:调休上班\r\n"), 6);
	ck_assert_ptr_nonnull(strstr(out, "DTSTART;VALUE=DATE:20260104\r\nDTEND;VALUE=DATE:20260105\r\n"
				      "SUMMARY:调休上班\r\nDESCRIPTION:元旦调休上班\r\n"));
	ck_assert_ptr_nonnull(strstr(out, "UID:20260217-off-spring-festival@"));
	upl_free(out);
	/* several years, each once */
	ck_assert_int_eq(upl_export_ics_holidays_buffer(&out, NULL, NULL, years, 3, NULL, &err), 0);
	ck_assert_ptr_nonnull(strstr(out, "X-WR-CALNAME:中国节假日 2026、2025、2026\r\n"));
	ck_assert_uint_eq(test_count(out, "UID:20260101-off-new-year@"), 1);
	ck_assert_uint_eq(test_count(out, "UID:20251001-off-national-day@"), 1);
	upl_free(out);
	/* a year without an arrangement, bad arguments */
	years[0] = 1990;
	out = NULL;
	ck_assert_int_eq(upl_export_ics_holidays_buffer(&out, NULL, NULL, years, 1, NULL, &err),
			 UPL_ENOTFOUND);
	ck_assert_str_eq(upl_error_message(err), "no official arrangement for 1990");
	ck_assert_ptr_null(out);
	years[0] = 0;
	ck_assert_int_eq(upl_export_ics_holidays_buffer(&out, NULL, NULL, years, 1, NULL, &err),
			 UPL_EINVAL);
	ck_assert_int_eq(upl_export_ics_holidays_buffer(&out, NULL, NULL, years, 0, NULL, &err),
			 UPL_EINVAL);
	ck_assert_int_eq(upl_export_ics_holidays_buffer(&out, NULL, NULL, NULL, 1, NULL, &err),
			 UPL_EINVAL);
	upl_error_free(err);
}
END_TEST

START_TEST(test_refusals)
{
	upl_doc *doc = ics_plan(), *empty = NULL;
	upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
	upl_error *err = NULL;
	char *out = NULL;
	ck_assert_int_eq(upl_export_ics_buffer(NULL, NULL, doc, NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_export_ics_buffer(&out, NULL, NULL, NULL, NULL), UPL_EINVAL);
	o.flags = 0x80000000u;
	ck_assert_int_eq(upl_export_ics_buffer(&out, NULL, doc, &o, &err), UPL_EINVAL);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "unknown flag"));
	o.flags = 0;
	o.version = 99;
	ck_assert_int_eq(upl_export_ics_buffer(&out, NULL, doc, &o, &err), UPL_EINVAL);
	ck_assert_int_eq(upl_doc_new(&empty), 0);
	ck_assert_int_eq(upl_export_ics_buffer(&out, NULL, empty, NULL, &err), UPL_EINVAL);
	ck_assert_ptr_null(out);
	upl_error_free(err);
	upl_doc_free(empty);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_files)
{
	char dir[] = "/tmp/check_export_ics.XXXXXX", path[256], bad[256];
	upl_doc *doc = ics_plan(), *empty = NULL;
	upl_error *err = NULL;
	int years[] = { 2026 };
	char *want, *got, *feed = NULL;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/out.ics", dir);
	snprintf(bad, sizeof bad, "%s/missing/out.ics", dir);
	ck_assert_int_eq(upl_export_ics_file(doc, path, NULL, &err), 0);
	want = ics(doc, 0);
	got = test_slurp_path(path, NULL);
	ck_assert_str_eq(got, want);
	free(got);
	/* a failure leaves the file as it was */
	ck_assert_int_eq(upl_doc_new(&empty), 0);
	ck_assert_int_eq(upl_export_ics_file(empty, path, NULL, &err), UPL_EINVAL);
	ck_assert_int_eq(upl_export_ics_holidays_file(NULL, years, 0, path, NULL, &err), UPL_EINVAL);
	got = test_slurp_path(path, NULL);
	ck_assert_str_eq(got, want);
	free(got);
	ck_assert_int_eq(upl_export_ics_holidays_file(NULL, years, 1, path, NULL, &err), 0);
	ck_assert_int_eq(upl_export_ics_holidays_buffer(&feed, NULL, NULL, years, 1, NULL, &err), 0);
	got = test_slurp_path(path, NULL);
	ck_assert_str_eq(got, feed);
	free(got);
	ck_assert_int_eq(upl_export_ics_file(doc, bad, NULL, &err), UPL_EIO);
	ck_assert_int_eq(access(bad, F_OK), -1);
	ck_assert_int_eq(upl_export_ics_file(doc, NULL, NULL, &err), UPL_EINVAL);
	ck_assert_int_eq(upl_export_ics_holidays_file(NULL, years, 1, NULL, NULL, &err), UPL_EINVAL);
	upl_error_free(err);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0);
	upl_free(want);
	upl_free(feed);
	upl_doc_free(empty);
	upl_doc_free(doc);
}
END_TEST

static Suite *
export_ics_suite(void)
{
	Suite *s = suite_create("export-ics");
	TCase *tc = tcase_create("ics");
	tcase_add_test(tc, test_golden);
	tcase_add_test(tc, test_folding);
	tcase_add_test(tc, test_escaping);
	tcase_add_test(tc, test_days);
	tcase_add_test(tc, test_years);
	tcase_add_test(tc, test_uids);
	tcase_add_test(tc, test_holidays_flag);
	tcase_add_test(tc, test_feed);
	tcase_add_test(tc, test_refusals);
	tcase_add_test(tc, test_files);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(export_ics_suite)

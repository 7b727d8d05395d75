/* The importer on the five seed plans (expectations read off the source
 * text by hand), on plans written in styles the seeds lack (the golden
 * corpus tests/data/import, see its README), on descriptors and streams,
 * and on hostile input. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unionplan.h>

#include "testutil.h"
#include "import-summary.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static char *
path_of(const char *rel)
{
	const char *top = getenv("top_srcdir");
	static char path[1024];
	snprintf(path, sizeof path, "%s/%s", top ? top : ".", rel);
	return path;
}

static upl_doc *
import_ex(const char *rel, unsigned int flags, const char *encoding, upl_report *r)
{
	upl_import_options o = UPL_IMPORT_OPTIONS_INIT;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	int rc;
	o.flags = flags;
	o.encoding = encoding;
	o.lang = "en";
	rc = upl_import_file(&doc, r, path_of(rel), &o, &err);
	ck_assert_msg(rc == 0, "import %s: %d %s", rel, rc, upl_error_message(err));
	upl_error_free(err);
	return doc;
}

static upl_doc *
import(const char *rel)
{
	return import_ex(rel, 0, NULL, NULL);
}

/* Han characters (U+3400..U+9FFF, U+F900..U+FAFF) in s. */
static size_t
han_count(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, c = 0;
	while (i < n) {
		if (p[i] >= 0xE3 && p[i] <= 0xEF && i + 2 < n) {
			unsigned int cp = ((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
			if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF))
				c++;
			i += 3;
		} else {
			i++;
		}
	}
	return c;
}

static size_t
han(const char *s)
{
	return s ? han_count(s, strlen(s)) : 0;
}

/* Every Han character the model holds: meta and every node's text, heading and label. */
static size_t
doc_han(const upl_doc *doc)
{
	size_t k, total = 0, a;
	for (k = 0; k < upl_doc_plan_count(doc); k++) {
		const upl_plan *p = upl_doc_plan(doc, k);
		upl_period per = UPL_PERIOD_INIT;
		upl_iter *it = NULL;
		upl_node *n;
		const char *title = upl_plan_title(p), *org = upl_plan_organization(p);
		total += han(title) + han(upl_plan_docnumber(p)) + han(upl_plan_issued_text(p));
		/* the period, and an organisation read from the title, copy the title's words */
		if (org && !(title && strstr(title, org)))
			total += han(org);
		for (a = 0; a < upl_plan_author_count(p); a++)
			total += han(upl_plan_author(p, a));
		(void)per;
		ck_assert_int_eq(upl_iter_new(&it, p, UPL_KIND_ALL), 0);
		while (upl_iter_next(it, &n) == 0)
			total += han(upl_node_text(n)) + han(upl_node_heading(n)) + han(upl_node_label(n));
		upl_iter_free(it);
	}
	return total;
}

/* The nodes of one kind in a plan, in document order. */
static size_t
collect(const upl_plan *p, upl_kind kind, upl_node **v, size_t max)
{
	upl_iter *it = NULL;
	upl_node *n;
	size_t c = 0;
	ck_assert_int_eq(upl_iter_new(&it, p, UPL_KIND_BIT(kind)), 0);
	while (upl_iter_next(it, &n) == 0) {
		if (c < max)
			v[c] = n;
		c++;
	}
	upl_iter_free(it);
	return c;
}

static size_t
count_code(const upl_report *r, const char *code)
{
	size_t i, n = 0;
	for (i = 0; i < upl_report_count(r); i++)
		if (strcmp(upl_diag_code(upl_report_get(r, i)), code) == 0)
			n++;
	return n;
}

/* The top-level sections of a plan's body. */
static size_t
top_sections(const upl_plan *p, const upl_node **v, size_t max)
{
	size_t i, c = 0;
	for (i = 0; i < upl_plan_block_count(p); i++) {
		const upl_node *b = upl_plan_block(p, i);
		if (upl_node_kind(b) == UPL_NODE_SECTION) {
			if (c < max)
				v[c] = b;
			c++;
		}
	}
	return c;
}

static size_t
children_of_kind(const upl_node *n, upl_kind kind)
{
	size_t i, c = 0;
	for (i = 0; i < upl_node_child_count(n); i++)
		if (upl_node_kind(upl_node_child(n, i)) == kind)
			c++;
	return c;
}

static void
assert_date(upl_date d, int y, int m, int day)
{
	ck_assert_int_eq(d.year, y);
	ck_assert_int_eq(d.month, m);
	ck_assert_int_eq(d.day, day);
}

/* The document passes the schema and comes back the same from its XML. */
static void
assert_valid_roundtrip(const upl_doc *doc)
{
	upl_validate_options vo = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *r = NULL;
	upl_doc *back = NULL;
	char *xml = NULL, *xml2 = NULL;
	size_t len = 0, len2 = 0;
	vo.flags |= UPL_VALIDATE_SCHEMA_ONLY;
	ck_assert_int_eq(upl_doc_write_buffer(&xml, &len, doc, NULL, NULL), 0);
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_buffer(r, xml, len, "imported", &vo, NULL), 0);
	if (upl_report_failed(r, 0)) {
		const upl_diag *d = upl_report_get(r, 0);
		ck_abort_msg("imported XML fails the schema at %u:%u: %s", upl_diag_line(d),
			     upl_diag_column(d), upl_diag_message(d));
	}
	ck_assert_int_eq(upl_doc_parse_buffer(&back, xml, len, "imported", NULL, NULL), 0);
	ck_assert_int_eq(upl_doc_write_buffer(&xml2, &len2, back, NULL, NULL), 0);
	ck_assert_uint_eq(len, len2);
	ck_assert_int_eq(memcmp(xml, xml2, len), 0);
	upl_free(xml);
	upl_free(xml2);
	upl_doc_free(back);
	upl_report_free(r);
}

/* Whether s[0..n) (spaces around it left aside) is the title of a plan of doc. */
static int
is_a_title(const upl_doc *doc, const char *s, size_t n)
{
	size_t i;
	while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' '))
		n--;
	while (n > 0 && *s == ' ')
		s++, n--;
	for (i = 0; i < upl_doc_plan_count(doc); i++) {
		const char *t = upl_plan_title(upl_doc_plan(doc, i));
		if (t && strlen(t) == n && memcmp(t, s, n) == 0)
			return 1;
	}
	return 0;
}

/* At least 99.5 % of the source's Han characters survive, leaving aside the
 * boilerplate lines the importer reported, and the repeats of a title. */
static void
assert_fidelity(const char *rel, const upl_doc *doc, const upl_report *r, int traditional_source)
{
	size_t len, i, src, aside = 0, kept;
	char *text = test_slurp(rel, &len);
	src = han_count(text, len);
	for (i = 0; i < upl_report_count(r); i++) {
		const upl_diag *d = upl_report_get(r, i);
		/* a title the page repeats is left out: its text is the title's */
		int repeat = strcmp(upl_diag_code(d), "import-inferred") == 0 && upl_diag_column(d) == 1;
		if (repeat || strcmp(upl_diag_code(d), "import-boilerplate") == 0) {
			/* the whole source line was set aside */
			unsigned int line = upl_diag_line(d), at = 1;
			size_t a = 0, b;
			while (at < line && a < len) {
				if (text[a++] == '\n')
					at++;
			}
			for (b = a; b < len && text[b] != '\n'; b++)
				;
			if (repeat && !is_a_title(doc, text + a, b - a))
				continue;
			aside += han_count(text + a, b - a);
		}
	}
	kept = doc_han(doc);
	(void)traditional_source;
	ck_assert_msg(kept * 1000 >= (src - aside) * 995, "%s keeps %zu of %zu Han characters",
		      rel, kept, src - aside);
	free(text);
}

/* ------------------------------------------------------------------------ */
/* Seed 000                                                                 */

START_TEST(test_seed000)
{
	upl_report *r = NULL;
	upl_doc *doc;
	const upl_plan *p;
	const upl_node *parts[8];
	upl_node *months[8], *acts[40];
	upl_period per = UPL_PERIOD_INIT;
	static const int per_month[] = { 8, 5, 5, 5, 3 };
	size_t i, n, dated = 0;
	ck_assert_int_eq(upl_report_new(&r), 0);
	doc = import_ex("tests/data/seeds/000_4589f19a21d053f0.txt", 0, NULL, r);
	ck_assert_uint_eq(upl_doc_plan_count(doc), 1);
	ck_assert_int_eq(upl_doc_is_collection(doc), 0);
	p = upl_doc_plan(doc, 0);
	ck_assert_str_eq(upl_plan_title(p), "2012学年第一学期工会工作计划");
	ck_assert_str_eq(upl_plan_lang(p), "zh-Hans");
	ck_assert_uint_eq(upl_plan_author_count(p), 1);
	ck_assert_str_eq(upl_plan_author(p, 0), "许美英");
	ck_assert_int_eq(upl_plan_period(p, &per), 0);
	ck_assert_int_eq(per.kind, UPL_PERIOD_TERM);
	ck_assert_int_eq(per.schoolyear, 2012);
	ck_assert_int_eq(per.term, 1);
	ck_assert_str_eq(per.text, "2012学年第一学期");
	assert_date(per.start, 2012, 9, 1);
	ck_assert_int_eq(per.end.year, 2013);
	/* four parts; the second with five sub-parts (一)–(五) */
	ck_assert_uint_eq(top_sections(p, parts, 8), 4);
	for (i = 0; i < 4; i++) {
		ck_assert_int_eq(upl_node_number(parts[i]), (int)i + 1);
		ck_assert_int_eq(upl_node_level(parts[i]), 1);
	}
	ck_assert_str_eq(upl_node_label(parts[0]), "一、");
	ck_assert_str_eq(upl_node_heading(parts[0]), "指导思想");
	ck_assert_int_eq(upl_node_role(parts[0]), UPL_ROLE_GUIDANCE);
	ck_assert_uint_eq(children_of_kind(parts[1], UPL_NODE_SECTION), 5);
	for (i = 0; i < 5; i++) {
		const upl_node *sub = upl_node_child(parts[1], i);
		ck_assert_int_eq(upl_node_kind(sub), UPL_NODE_SECTION);
		ck_assert_int_eq(upl_node_number(sub), (int)i + 1);
		ck_assert_int_eq(upl_node_level(sub), 2);
	}
	ck_assert_str_eq(upl_node_label(upl_node_child(parts[1], 0)), "（一）．");
	ck_assert_str_eq(upl_node_heading(upl_node_child(parts[1], 0)),
			 "加强理论学习，不断提升工会委员会的整体实力");
	/* (三) holds a paragraph and two items */
	ck_assert_uint_eq(children_of_kind(upl_node_child(parts[1], 2), UPL_NODE_PARAGRAPH), 1);
	ck_assert_uint_eq(children_of_kind(upl_node_child(parts[1], 2), UPL_NODE_ITEM), 2);
	/* the schedule: five months 2012-09 … 2013-01, 26 activities */
	ck_assert_int_eq(upl_node_role(parts[2]), UPL_ROLE_SCHEDULE);
	n = collect(p, UPL_NODE_MONTH, months, 8);
	ck_assert_uint_eq(n, 5);
	for (i = 0; i < 5; i++) {
		static const int mm[] = { 9, 10, 11, 12, 1 };
		ck_assert_int_eq(upl_node_month(months[i]), mm[i]);
		ck_assert_int_eq(upl_node_year(months[i]), i < 4 ? 2012 : 2013);
		ck_assert_uint_eq(upl_node_child_count(months[i]), (size_t)per_month[i]);
		ck_assert_ptr_eq(upl_node_parent(upl_node_parent(months[i])), parts[2]);
	}
	ck_assert_str_eq(upl_node_label(months[0]), "九月：");
	n = collect(p, UPL_NODE_ACTIVITY, acts, 40);
	ck_assert_uint_eq(n, 26);
	for (i = 0; i < n; i++)
		if (upl_node_date(acts[i]).month)
			dated++;
	ck_assert_uint_eq(dated, 3);
	ck_assert_str_eq(upl_node_text(acts[1]), "教师节表彰活动(9/10)");
	assert_date(upl_node_date(acts[1]), 2012, 9, 10);
	ck_assert_str_eq(upl_node_holiday(acts[1]), "teachers-day");
	ck_assert_int_eq(upl_node_relation(acts[1]), UPL_RELATION_ON);
	assert_date(upl_node_date(acts[6]), 2012, 9, 25);
	ck_assert_str_eq(upl_node_label(acts[6]), "7.");
	ck_assert_int_eq(upl_node_number(acts[6]), 7);
	/* 十二月: "2." twice and no "4." kept as written */
	ck_assert_int_eq(upl_node_number(acts[19]), 2);
	ck_assert_int_eq(upl_node_number(acts[20]), 2);
	assert_date(upl_node_date(acts[20]), 2012, 12, 31);
	ck_assert_int_eq(upl_node_number(acts[22]), 5);
	/* the routine part: six items */
	ck_assert_int_eq(upl_node_role(parts[3]), UPL_ROLE_ROUTINE);
	ck_assert_uint_eq(children_of_kind(parts[3], UPL_NODE_ITEM), 6);
	ck_assert_uint_eq(upl_report_count(r), 0); /* nothing removed, nothing split */
	assert_valid_roundtrip(doc);
	assert_fidelity("tests/data/seeds/000_4589f19a21d053f0.txt", doc, r, 0);
	upl_doc_free(doc);
	upl_report_free(r);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Seed 002                                                                 */

START_TEST(test_seed002)
{
	upl_report *r = NULL;
	upl_doc *doc;
	const upl_plan *p;
	const upl_node *parts[8];
	upl_node *items[20], *months[12], *notes[4];
	upl_period per = UPL_PERIOD_INIT;
	static const int per_month[] = { 3, 3, 2, 2, 6, 2, 2, 4, 3 };
	static const int mm[] = { 3, 4, 5, 7, 9, 10, 11, 12, 1 };
	size_t i, n, acts = 0;
	ck_assert_int_eq(upl_report_new(&r), 0);
	doc = import_ex("tests/data/seeds/002_c586d096e016a226.txt", 0, NULL, r);
	ck_assert_uint_eq(upl_doc_plan_count(doc), 1);
	p = upl_doc_plan(doc, 0);
	ck_assert_str_eq(upl_plan_title(p), "常州市新北区教育工会2012年工作意见");
	ck_assert_str_eq(upl_plan_organization(p), "常州市新北区教育工会");
	ck_assert_int_eq(upl_plan_period(p, &per), 0);
	ck_assert_int_eq(per.kind, UPL_PERIOD_YEAR);
	assert_date(per.start, 2012, 1, 1);
	assert_date(per.end, 2012, 12, 31);
	/* the opening: a paragraph labelled 指导思想： */
	ck_assert_int_eq(upl_node_kind(upl_plan_block(p, 0)), UPL_NODE_PARAGRAPH);
	ck_assert_str_eq(upl_node_label(upl_plan_block(p, 0)), "指导思想：");
	/* four numbered parts, then the attachment */
	ck_assert_uint_eq(top_sections(p, parts, 8), 5);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(upl_node_number(parts[i]), (int)i + 1);
	ck_assert_int_eq(upl_node_role(parts[4]), UPL_ROLE_APPENDIX);
	ck_assert_str_eq(upl_node_label(parts[4]), "附件：");
	/* items 1–15 across the parts */
	n = collect(p, UPL_NODE_ITEM, items, 20);
	ck_assert_uint_eq(n, 15);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(upl_node_number(items[i]), (int)i + 1);
	ck_assert_str_eq(upl_node_label(items[9]), "10、");
	ck_assert_str_eq(upl_node_heading(items[0]), "深化师德创优活动。");
	/* nine month entries, 27 activities */
	n = collect(p, UPL_NODE_MONTH, months, 12);
	ck_assert_uint_eq(n, 9);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(upl_node_month(months[i]), mm[i]);
		ck_assert_int_eq(upl_node_year(months[i]), i < 8 ? 2012 : 2013);
		ck_assert_uint_eq(upl_node_child_count(months[i]), (size_t)per_month[i]);
		acts += upl_node_child_count(months[i]);
	}
	ck_assert_uint_eq(acts, 27);
	ck_assert_int_eq(upl_node_month_to(months[3]), 8);
	ck_assert_str_eq(upl_node_label(months[3]), "七、八月份");
	ck_assert_str_eq(upl_node_label(months[8]), "二○一三年一月份");
	ck_assert_str_eq(upl_node_heading(upl_node_parent(months[0])), "新北区教育工会2012年行事历");
	/* 退协会长座谈会（中秋节前） under 九月: before mid-autumn */
	{
		const upl_node *a = upl_node_child(months[4], 4);
		ck_assert_str_eq(upl_node_text(a), "退协会长座谈会（中秋节前）");
		ck_assert_str_eq(upl_node_holiday(a), "mid-autumn");
		ck_assert_int_eq(upl_node_relation(a), UPL_RELATION_BEFORE);
		a = upl_node_child(months[4], 2);
		ck_assert_str_eq(upl_node_holiday(a), "teachers-day");
		a = upl_node_child(months[8], 2);
		ck_assert_str_eq(upl_node_text(a), "春节走访慰问");
		ck_assert_str_eq(upl_node_holiday(a), "spring-festival");
		ck_assert_int_eq(upl_node_relation(a), UPL_RELATION_BEFORE); /* 春节 2013 is Feb 10 */
	}
	/* two notes */
	n = collect(p, UPL_NODE_NOTE, notes, 4);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(upl_node_label(notes[0]), "注：1、");
	ck_assert_int_eq(upl_node_number(notes[0]), 1);
	ck_assert_int_eq(upl_node_number(notes[1]), 2);
	ck_assert_uint_eq(upl_report_count(r), 0);
	assert_valid_roundtrip(doc);
	assert_fidelity("tests/data/seeds/002_c586d096e016a226.txt", doc, r, 0);
	upl_doc_free(doc);
	upl_report_free(r);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Seeds 003, 004, 001                                                      */

START_TEST(test_seed003)
{
	upl_report *r = NULL;
	upl_doc *doc;
	const upl_plan *p;
	upl_node *months[16];
	upl_period per = UPL_PERIOD_INIT;
	size_t i, n;
	ck_assert_int_eq(upl_report_new(&r), 0);
	doc = import_ex("tests/data/seeds/003_16f611ec0ac9a530.txt", 0, NULL, r);
	ck_assert_uint_eq(upl_doc_plan_count(doc), 1);
	p = upl_doc_plan(doc, 0);
	ck_assert_str_eq(upl_plan_title(p), "2012年工会工作计划");
	ck_assert_str_eq(upl_plan_organization(p), "长沙市信息职业技术学校");
	ck_assert_int_eq(upl_plan_period(p, &per), 0);
	ck_assert_int_eq(per.kind, UPL_PERIOD_YEAR);
	assert_date(per.start, 2012, 1, 1);
	n = collect(p, UPL_NODE_MONTH, months, 16);
	ck_assert_uint_eq(n, 11);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(upl_node_month(months[i]), i < 7 ? (int)i + 1 : (int)i + 2);
		ck_assert_int_eq(upl_node_year(months[i]), 2012);
	}
	ck_assert_int_eq(upl_node_month(months[6]), 7);
	ck_assert_int_eq(upl_node_month_to(months[6]), 8);
	ck_assert_str_eq(upl_node_label(months[6]), "7月—8月：");
	/* one line per month, activities separated by ；and 。 */
	ck_assert_uint_eq(upl_node_child_count(months[0]), 2);
	ck_assert_str_eq(upl_node_text(upl_node_child(months[0], 0)), "制定工会工作计划；");
	ck_assert_uint_eq(upl_node_child_count(months[2]), 2);
	ck_assert_str_eq(upl_node_text(upl_node_child(months[2], 0)), "庆“三八”活动。");
	ck_assert_str_eq(upl_node_holiday(upl_node_child(months[2], 0)), "womens-day");
	assert_valid_roundtrip(doc);
	assert_fidelity("tests/data/seeds/003_16f611ec0ac9a530.txt", doc, r, 0);
	upl_doc_free(doc);
	upl_report_free(r);
}
END_TEST

START_TEST(test_seed004)
{
	upl_report *r = NULL;
	upl_doc *doc;
	const upl_plan *p;
	upl_node *months[16];
	size_t i, n;
	static const int mm[] = { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
	ck_assert_int_eq(upl_report_new(&r), 0);
	doc = import_ex("tests/data/seeds/004_7fafac6153687fc9.txt", 0, NULL, r);
	ck_assert_uint_eq(upl_doc_plan_count(doc), 5);
	ck_assert_int_eq(upl_doc_is_collection(doc), 1);
	ck_assert_uint_eq(count_code(r, "import-plan-split"), 4);
	/* the third plan: its schedule runs 二月份 … 十二月份, years unknown */
	p = upl_doc_plan(doc, 2);
	n = collect(p, UPL_NODE_MONTH, months, 16);
	ck_assert_uint_eq(n, 11);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(upl_node_month(months[i]), mm[i]);
		ck_assert_int_eq(upl_node_year(months[i]), 0);
	}
	ck_assert_str_eq(upl_node_label(months[0]), "二月份：");
	ck_assert_str_eq(upl_node_label(months[6]), "八月份");
	/* the fourth and fifth plans have their titles */
	ck_assert_str_eq(upl_plan_title(upl_doc_plan(doc, 3)), "学校工会年度工作计划 篇4");
	ck_assert_str_eq(upl_plan_title(upl_doc_plan(doc, 4)), "学校工会年度工作计划 篇5");
	/* the first plan ends with its part 六、, the second opens with its own text */
	{
		const upl_node *parts[10];
		const upl_plan *p1 = upl_doc_plan(doc, 0), *p2 = upl_doc_plan(doc, 1);
		ck_assert_uint_eq(top_sections(p1, parts, 10), 6);
		ck_assert_int_eq(upl_node_kind(upl_plan_block(p2, 0)), UPL_NODE_PARAGRAPH);
		ck_assert_ptr_nonnull(strstr(upl_node_text(upl_plan_block(p2, 0)), "组织广大教职工认真学习"));
	}
	assert_valid_roundtrip(doc);
	assert_fidelity("tests/data/seeds/004_7fafac6153687fc9.txt", doc, r, 0);
	upl_doc_free(doc);
	upl_report_free(r);
}
END_TEST

START_TEST(test_seed001)
{
	upl_report *r = NULL, *r2 = NULL;
	upl_doc *doc, *simple;
	const upl_plan *p;
	ck_assert_int_eq(upl_report_new(&r), 0);
	doc = import_ex("tests/data/seeds/001_10ff43b2df3ecc86.txt", 0, NULL, r);
	ck_assert_uint_eq(upl_doc_plan_count(doc), 2);
	ck_assert_int_eq(upl_doc_is_collection(doc), 1);
	p = upl_doc_plan(doc, 0);
	ck_assert_str_eq(upl_plan_lang(p), "zh-Hant");
	ck_assert_str_eq(upl_plan_title(p), "2017年度小學工會工作計劃");
	ck_assert_str_eq(upl_plan_organization(p), "上海市虹口區小學第四工會委員會");
	ck_assert_str_eq(upl_plan_docnumber(p), "虹小四工(XX)笫1號");
	ck_assert_str_eq(upl_plan_title(upl_doc_plan(doc, 1)), "2017年度小學工會計劃");
	ck_assert_str_eq(upl_plan_author(p, 0), "鄧麗敏");
	/* noise removed with notes */
	ck_assert_uint_eq(count_code(r, "import-boilerplate"), 2);
	ck_assert_uint_eq(count_code(r, "import-chunk-marker"), 8);
	ck_assert_uint_eq(count_code(r, "import-pinyin"), 114);
	ck_assert_uint_eq(count_code(r, "import-plan-split"), 1);
	/* the numbered parts of the first plan were cut out of the run-on text */
	{
		const upl_node *parts[8];
		ck_assert_uint_ge(top_sections(p, parts, 8), 3);
		ck_assert_str_eq(upl_node_label(parts[0]), "一、");
		ck_assert_str_eq(upl_node_heading(parts[0]), "學習提升明確職責");
	}
	assert_valid_roundtrip(doc);
	assert_fidelity("tests/data/seeds/001_10ff43b2df3ecc86.txt", doc, r, 1);
	/* --simplified */
	ck_assert_int_eq(upl_report_new(&r2), 0);
	simple = import_ex("tests/data/seeds/001_10ff43b2df3ecc86.txt", UPL_IMPORT_SIMPLIFIED, NULL, r2);
	ck_assert_uint_eq(upl_doc_plan_count(simple), 2);
	ck_assert_str_eq(upl_plan_lang(upl_doc_plan(simple, 0)), "zh-Hans");
	ck_assert_str_eq(upl_plan_title(upl_doc_plan(simple, 0)), "2017年度小学工会工作计划");
	assert_valid_roundtrip(simple);
	upl_doc_free(simple);
	upl_doc_free(doc);
	upl_report_free(r);
	upl_report_free(r2);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The hand-encoded examples of the foundation against the importer         */

static char *
joined_text(const upl_node *n)
{
	const char *h = upl_node_heading(n), *t = upl_node_text(n);
	size_t len = (h ? strlen(h) : 0) + (t ? strlen(t) : 0) + 1;
	char *r = malloc(len);
	ck_assert_ptr_nonnull(r);
	snprintf(r, len, "%s%s", h ? h : "", t ? t : "");
	return r;
}

static void
compare_with_hand(const char *seed, const char *hand)
{
	upl_doc *imported = import(seed), *manual = NULL;
	const upl_plan *a, *b;
	upl_iter *ia = NULL, *ib = NULL;
	upl_node *x, *y;
	upl_period pa = UPL_PERIOD_INIT, pb = UPL_PERIOD_INIT;
	size_t nodes = 0, k;
	ck_assert_int_eq(upl_doc_parse_file(&manual, path_of(hand), NULL, NULL), 0);
	ck_assert_uint_eq(upl_doc_plan_count(imported), upl_doc_plan_count(manual));
	a = upl_doc_plan(imported, 0);
	b = upl_doc_plan(manual, 0);
	ck_assert_str_eq(upl_plan_title(a), upl_plan_title(b));
	ck_assert_uint_eq(upl_plan_author_count(a), upl_plan_author_count(b));
	for (k = 0; k < upl_plan_author_count(a); k++)
		ck_assert_str_eq(upl_plan_author(a, k), upl_plan_author(b, k));
	if (upl_plan_organization(b))
		ck_assert_str_eq(upl_plan_organization(a), upl_plan_organization(b));
	ck_assert_int_eq(upl_plan_period(a, &pa), 0);
	ck_assert_int_eq(upl_plan_period(b, &pb), 0);
	ck_assert_int_eq(pa.kind, pb.kind);
	ck_assert_str_eq(pa.text, pb.text);
	ck_assert_int_eq(upl_date_compare(pa.start, pb.start), 0);
	ck_assert_int_eq(upl_date_compare(pa.end, pb.end), 0);
	ck_assert_int_eq(pa.schoolyear, pb.schoolyear);
	ck_assert_int_eq(pa.term, pb.term);
	/* node by node in document order */
	ck_assert_int_eq(upl_iter_new(&ia, a, UPL_KIND_ALL), 0);
	ck_assert_int_eq(upl_iter_new(&ib, b, UPL_KIND_ALL), 0);
	for (;;) {
		int ra = upl_iter_next(ia, &x), rb = upl_iter_next(ib, &y);
		char *ta, *tb;
		ck_assert_int_eq(ra, rb);
		if (ra != 0)
			break;
		nodes++;
		ck_assert_msg(upl_node_kind(x) == upl_node_kind(y), "node %zu: %s against %s", nodes,
			      upl_kind_name(upl_node_kind(x)), upl_kind_name(upl_node_kind(y)));
		if (upl_node_label(y))
			ck_assert_str_eq(upl_node_label(x), upl_node_label(y));
		ck_assert_int_eq(upl_node_number(x), upl_node_number(y));
		ck_assert_int_eq(upl_node_level(x), upl_node_level(y));
		ck_assert_int_eq(upl_node_role(x), upl_node_role(y));
		ck_assert_int_eq(upl_node_month(x), upl_node_month(y));
		ck_assert_int_eq(upl_node_month_to(x), upl_node_month_to(y));
		ck_assert_int_eq(upl_node_year(x), upl_node_year(y));
		ck_assert_int_eq(upl_date_compare(upl_node_date(x), upl_node_date(y)), 0);
		/* the importer may find a holiday the hand left out (迎新春), never another */
		if (upl_node_holiday(y)) {
			ck_assert_str_eq(upl_node_holiday(x), upl_node_holiday(y));
			ck_assert_int_eq(upl_node_relation(x), upl_node_relation(y));
		}
		/* an item's first sentence may be its heading: the words are the same */
		ta = joined_text(x);
		tb = joined_text(y);
		ck_assert_str_eq(ta, tb);
		free(ta);
		free(tb);
	}
	ck_assert_uint_gt(nodes, 40);
	upl_iter_free(ia);
	upl_iter_free(ib);
	upl_doc_free(imported);
	upl_doc_free(manual);
}

START_TEST(test_hand_encoded)
{
	compare_with_hand("tests/data/seeds/000_4589f19a21d053f0.txt", "tests/data/valid/hand-seed-000.xml");
	compare_with_hand("tests/data/seeds/002_c586d096e016a226.txt", "tests/data/valid/hand-seed-002.xml");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Styles the seeds lack: tests/data/import, walked by test_golden below    */

/* Forcing the wrong encoding is an error with a position, not garbage. */
START_TEST(test_forced_encoding)
{
	upl_import_options o = UPL_IMPORT_OPTIONS_INIT;
	upl_doc *bad = NULL;
	upl_error *err = NULL;
	o.encoding = "utf-8";
	ck_assert_int_eq(upl_import_file(&bad, NULL, path_of("tests/data/import/xx-year-gbk.txt"), &o,
					 &err), UPL_EENCODING);
	ck_assert_ptr_null(bad);
	ck_assert_uint_eq(upl_error_line(err), 1);
	upl_error_free(err);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Hostile and odd input                                                    */

START_TEST(test_odd_input)
{
	static const struct { const char *text; size_t len; int rc; } cases[] = {
		{ "", 0, UPL_EPARSE },
		{ "   \n\t\n\xE3\x80\x80\r\n", 9, UPL_EPARSE },
		{ "\xFF\xFE\xFD\xFC", 4, UPL_EENCODING },
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		upl_import_options o = UPL_IMPORT_OPTIONS_INIT;
		o.encoding = i == 2 ? "utf-8" : NULL;
		ck_assert_int_eq(upl_import_buffer(&doc, NULL, cases[i].text, cases[i].len, "odd", &o, &err),
				 cases[i].rc);
		ck_assert_ptr_null(doc);
		ck_assert_ptr_nonnull(err);
		upl_error_free(err);
	}
	/* control characters XML cannot hold: removed, each with a note at its place */
	{
		static const char text[] = "a\x01" "b\x00" "c\n九月：\x0c" "活动\n";
		upl_report *r = NULL;
		upl_doc *doc = NULL;
		const upl_diag *d;
		ck_assert_int_eq(upl_report_new(&r), 0);
		ck_assert_int_eq(upl_import_buffer(&doc, r, text, sizeof text - 1, "ctl", NULL, NULL), 0);
		ck_assert_uint_eq(count_code(r, "import-control"), 3);
		d = upl_report_get(r, 1);
		ck_assert_uint_eq(upl_diag_line(d), 1);
		ck_assert_uint_eq(upl_diag_column(d), 4);
		ck_assert_ptr_nonnull(strstr(upl_diag_message(d), "U+0000"));
		ck_assert_str_eq(upl_node_text(upl_plan_block(upl_doc_plan(doc, 0), 0)), "abc");
		assert_valid_roundtrip(doc);
		upl_doc_free(doc);
		upl_report_free(r);
	}
	/* a missing file, a directory */
	{
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		ck_assert_int_eq(upl_import_file(&doc, NULL, "/nonexistent/plan.txt", NULL, &err), UPL_EIO);
		upl_error_free(err);
		err = NULL;
		ck_assert_int_eq(upl_import_file(&doc, NULL, path_of("tests/data"), NULL, &err), UPL_EIO);
		upl_error_free(err);
	}
	/* bad arguments */
	{
		upl_import_options o = UPL_IMPORT_OPTIONS_INIT;
		upl_doc *doc = NULL;
		o.version = 99;
		ck_assert_int_eq(upl_import_buffer(&doc, NULL, "x", 1, NULL, &o, NULL), UPL_EINVAL);
		ck_assert_int_eq(upl_import_buffer(NULL, NULL, "x", 1, NULL, NULL, NULL), UPL_EINVAL);
		o.version = UPL_IMPORT_OPTIONS_VERSION;
		o.encoding = "no-such-encoding";
		ck_assert_int_eq(upl_import_buffer(&doc, NULL, "x", 1, NULL, &o, NULL), UPL_EINVAL);
	}
}
END_TEST

/* Lines that fit nowhere are kept where they stood; the output always
 * passes the schema, whatever the text. */
START_TEST(test_never_loses_a_line)
{
	static const char *const texts[] = {
		"只有一行文字",
		"九月：\n十月：\n",                         /* months without activities */
		"1、\n2、\n（一）\n一、\n",                /* labels without text */
		"注：\n附件：\n附：\n",
		"一、甲\n（一）乙\n1、丙\n（1）丁\n①戊\n⑴己\n二、庚\n",
		"三月：一；二；三。四\n",
		"2012学年第一学期工会工作计划\n2012学年第一学期工会工作计划\n",
		"\xEF\xBB\xBF工会工作计划\r\n一、\t指导思想\r\n内容\r\n",
		"月份\t工作内容\n9月\t甲\n9月\t乙\n",
		"---\n作者：\n〔2012〕1号\n",
	};
	size_t i;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		/* a title repeated (case 6) is left out: its text is the title's */
		size_t src = i == 6 ? han(texts[i]) / 2 : han(texts[i]);
		int rc = upl_import_buffer(&doc, NULL, texts[i], strlen(texts[i]), "t", NULL, &err);
		ck_assert_msg(rc == 0, "case %zu: %s", i, upl_error_message(err));
		ck_assert_uint_ge(upl_doc_plan_count(doc), 1);
		ck_assert_msg(doc_han(doc) >= src, "case %zu keeps %zu of %zu", i, doc_han(doc), src);
		assert_valid_roundtrip(doc);
		upl_doc_free(doc);
	}
}
END_TEST

/* A long run of random bytes and of random Chinese text: no crash, and
 * either a clean error or a schema-valid document. */
START_TEST(test_random_text)
{
	static const char *const pieces[] = {
		"一、", "（二）", "3.", "4、", "（5）", "⑥", "⑺", "九月", "十月份", "七、八月份", "：", "。",
		"；", "\n", "\n", "\t", "　", "教师节", "中秋节前", "9/10", "（12/31）", "注：", "附件：",
		"工会工作计划", "行事历", "xx年", "2013年", "学年第一学期", "---张三", "篇2", "“三八”",
		"活动", "作者:李四XX-01-02", "指导思想：", "(guān)", "關", "資源描述", "1、", "2、",
	};
	unsigned int seed = 12345;
	int round;
	for (round = 0; round < 500; round++) {
		char buf[4096];
		size_t len = 0;
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		int rc;
		while (len < sizeof buf - 64) {
			const char *p;
			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
			if (((seed >> 8) & 63) == 0)
				break;
		}
		buf[len] = '\0'; /* for strstr below; the importer is given len bytes */
		rc = upl_import_buffer(&doc, NULL, buf, len, "random", NULL, &err);
		ck_assert_msg(rc == 0 || rc == UPL_EPARSE, "round %d: %d %s", round, rc, upl_error_message(err));
		if (rc == 0) {
			/* everything is kept but the lines of web boilerplate and
			 * the word 作者 of a byline, whose name becomes an author */
			size_t bylines = 0;
			const char *q = buf;
			while ((q = strstr(q, "作者:")) != NULL) {
				bylines++;
				q++;
			}
			if (strstr(buf, "資源描述") == NULL)
				ck_assert_msg(doc_han(doc) + 2 * bylines >= han_count(buf, len), "round %d loses text: %s", round, buf);
			assert_valid_roundtrip(doc);
		}
		upl_error_free(err);
		upl_doc_free(doc);
	}
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Reading from a descriptor and a stream                                   */

/* The XML of importing data[0..len) from memory, named name. */
static char *
xml_of_buffer(const char *data, size_t len, const char *name)
{
	upl_doc *doc = NULL;
	char *xml = NULL;
	ck_assert_int_eq(upl_import_buffer(&doc, NULL, data, len, name, NULL, NULL), 0);
	ck_assert_int_eq(upl_doc_write_buffer(&xml, NULL, doc, NULL, NULL), 0);
	upl_doc_free(doc);
	return xml;
}

/* Import the document into *doc from a pipe holding data[0..len). */
static int
import_pipe(upl_doc **doc, const char *data, size_t len, const upl_import_options *o,
	    upl_error **err)
{
	int fds[2], rc;
	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(write(fds[1], data, len), (ssize_t)len); /* within a pipe's buffer */
	close(fds[1]);
	rc = upl_import_fd(doc, NULL, fds[0], "plan.txt", o, err);
	close(fds[0]);
	return rc;
}

static void
assert_xml(upl_doc *doc, const char *expected)
{
	char *xml = NULL;
	ck_assert_int_eq(upl_doc_write_buffer(&xml, NULL, doc, NULL, NULL), 0);
	ck_assert_str_eq(xml, expected);
	upl_free(xml);
	upl_doc_free(doc);
}

START_TEST(test_fd_and_stream)
{
	static const char *const inputs[] = {
		"tests/data/seeds/004_7fafac6153687fc9.txt", "tests/data/import/xx-year-gbk.txt"
	};
	upl_import_options small = UPL_IMPORT_OPTIONS_INIT;
	size_t i, len;
	small.max_bytes = 100;
	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		char *data = test_slurp(inputs[i], &len), *expected = xml_of_buffer(data, len, "plan.txt");
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		FILE *fp;
		/* a pipe, a stream over memory, a temporary file: the same document */
		ck_assert_int_eq(import_pipe(&doc, data, len, NULL, NULL), 0);
		assert_xml(doc, expected);
		fp = fmemopen(data, len, "r");
		ck_assert_ptr_nonnull(fp);
		ck_assert_int_eq(upl_import_stream(&doc, NULL, fp, "plan.txt", NULL, NULL), 0);
		fclose(fp);
		assert_xml(doc, expected);
		fp = tmpfile();
		ck_assert_ptr_nonnull(fp);
		ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
		rewind(fp);
		ck_assert_int_eq(upl_import_stream(&doc, NULL, fp, "plan.txt", NULL, NULL), 0);
		assert_xml(doc, expected);
		/* the size limit holds for both */
		rewind(fp);
		doc = NULL;
		ck_assert_int_eq(upl_import_stream(&doc, NULL, fp, "plan.txt", &small, &err), UPL_EIO);
		ck_assert_ptr_null(doc);
		ck_assert_ptr_nonnull(strstr(upl_error_message(err), "limit"));
		upl_error_free(err);
		err = NULL;
		ck_assert_int_eq(import_pipe(&doc, data, len, &small, &err), UPL_EIO);
		ck_assert_ptr_null(doc);
		ck_assert_ptr_nonnull(strstr(upl_error_message(err), "limit"));
		upl_error_free(err);
		fclose(fp);
		upl_free(expected);
		free(data);
	}
}
END_TEST

START_TEST(test_fd_and_stream_odd)
{
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	ck_assert_int_eq(import_pipe(&doc, "", 0, NULL, &err), UPL_EPARSE);
	ck_assert_ptr_null(doc);
	upl_error_free(err);
	ck_assert_int_eq(upl_import_fd(&doc, NULL, -1, "x", NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_import_stream(&doc, NULL, NULL, "x", NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_import_fd(NULL, NULL, 0, "x", NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_import_stream(NULL, NULL, stdin, "x", NULL, NULL), UPL_EINVAL);
	ck_assert_ptr_null(doc);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The golden corpus: tests/data/import (see its README)                    */

/* The options of a case: its NAME.options file, one word a line. */
static void
golden_options(upl_import_options *o, const char *path, const char *name)
{
	char *text = test_slurp_path(path, NULL), *p = text, *line;
	if (text == NULL)
		return; /* no options file: the defaults */
	while ((line = test_next_line(&p)) != NULL) {
		if (strcmp(line, "simplified") == 0)
			o->flags |= UPL_IMPORT_SIMPLIFIED;
		else if (strcmp(line, "no-source") == 0)
			o->flags |= UPL_IMPORT_NO_SOURCE;
		else if (strncmp(line, "encoding=", 9) == 0)
			o->encoding = strdup(line + 9); /* freed by the caller */
		else if (line[0] != '\0' && line[0] != '#')
			ck_abort_msg("%s.options: unknown option '%s'", name, line);
	}
	free(text);
}

/* The importer's notes, one "LINE:COL CODE" line each. */
static char *
golden_notes(const upl_report *r)
{
	size_t i, n = upl_report_count(r), size = 1 + n * 64, used = 0;
	char *all = malloc(size);
	ck_assert_ptr_nonnull(all);
	all[0] = '\0';
	for (i = 0; i < n; i++) {
		const upl_diag *d = upl_report_get(r, i);
		used += (size_t)snprintf(all + used, size - used, "%u:%u %s\n", upl_diag_line(d),
					 upl_diag_column(d), upl_diag_code(d));
	}
	ck_assert_uint_lt(used, size);
	return all;
}

/* Compare what the importer made with the expected file at path (a missing
 * notes file expects no notes): 0 when equal, else 1 with a hint that
 * names the first line that differs. */
static int
golden_compare(const char *path, const char *got)
{
	char *want = test_slurp_path(path, NULL);
	const char *w, *g;
	unsigned int line = 1;
	int differ;
	if (want == NULL && strstr(path, ".expected-notes") == NULL) {
		printf("%s: missing (make import-golden writes it)\n", path);
		fflush(stdout);
		return 1;
	}
	w = want ? want : "";
	differ = strcmp(w, got) != 0;
	for (g = got; differ && *w == *g; w++, g++)
		if (*w == '\n')
			line++;
	if (differ) {
		/* back to the start of the line that differs */
		while (w > (want ? want : "") && w[-1] != '\n') {
			w--;
			g--;
		}
		printf("%s:%u: differs from the import\n  - %.*s\n  + %.*s\n", path, line,
		       (int)strcspn(w, "\n"), w, (int)strcspn(g, "\n"), g);
		fflush(stdout);
	}
	free(want);
	return differ;
}

static void
golden_write(const char *path, const char *text)
{
	FILE *fp;
	if (text[0] == '\0' && strstr(path, ".expected-notes") != NULL) {
		remove(path); /* no notes: no file */
		return;
	}
	fp = fopen(path, "wb");
	ck_assert_msg(fp != NULL, "cannot write %s", path);
	ck_assert_int_eq(fputs(text, fp) >= 0, 1);
	ck_assert_int_eq(fclose(fp), 0);
	printf("wrote %s\n", path);
}

/* Import tests/data/import/NAME.txt and compare (or, with
 * UPL_GOLDEN_UPDATE set, rewrite) its expected files: 0 when all agree. */
/* tests/data/import/NAME.EXT, under top_srcdir when top is set. */
static const char *
golden_path(char *buf, size_t size, const char *name, const char *ext, int top)
{
	const char *dir = getenv("top_srcdir");
	int n = snprintf(buf, size, "%s%stests/data/import/%s%s", top ? (dir ? dir : ".") : "",
			 top ? "/" : "", name, ext);
	ck_assert_msg(n > 0 && (size_t)n < size, "path too long for %s", name);
	return buf;
}

/* Whether tests/data/import/NAME.EXT exists. */
static int
golden_has(const char *name, const char *ext)
{
	char path[1024];
	return access(golden_path(path, sizeof path, name, ext, 1), F_OK) == 0;
}

/* Compare the structure of doc with the summary at path (or rewrite it),
 * and that of the document in xml_path, when there is one, with the same
 * summary: 0 when all agree. */
static int
summary_check(const char *path, const upl_doc *doc, const char *xml_path, int update)
{
	char *got = import_summary(doc);
	int bad = 0;
	if (update) {
		golden_write(path, got);
	} else {
		bad |= golden_compare(path, got);
		if (xml_path && access(xml_path, F_OK) == 0) {
			upl_doc *want = NULL;
			char *ws;
			ck_assert_msg(upl_doc_parse_file(&want, xml_path, NULL, NULL) == 0, "%s", xml_path);
			ws = import_summary(want);
			if (strcmp(ws, got) != 0) {
				printf("%s: the summary of %s differs from the import's\n", path, xml_path);
				bad = 1;
			}
			free(ws);
			upl_doc_free(want);
		}
	}
	free(got);
	return bad;
}

/* NAME.expected-summary against the import (and NAME.expected.xml). */
static int
golden_summary(const char *name, const upl_doc *doc, int update)
{
	char path[1024], xml[1024];
	golden_path(path, sizeof path, name, ".expected-summary", 1);
	golden_path(xml, sizeof xml, name, ".expected.xml", 1);
	return summary_check(path, doc, xml, update);
}

/* Import tests/data/import/NAME.txt and compare (or, with
 * UPL_GOLDEN_UPDATE set, rewrite) its expected files: 0 when all agree. */
static int
golden_case(const char *name)
{
	upl_import_options o = UPL_IMPORT_OPTIONS_INIT;
	upl_report *r = NULL;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	char path[1024], src[256], *data, *xml = NULL, *notes;
	const char *enc;
	size_t len;
	int bad = 0, update = getenv("UPL_GOLDEN_UPDATE") != NULL;
	golden_options(&o, golden_path(path, sizeof path, name, ".options", 1), name);
	data = test_slurp(golden_path(src, sizeof src, name, ".txt", 0), &len);
	ck_assert_int_eq(upl_report_new(&r), 0);
	/* the name recorded as the source: the file's own, wherever the tree is */
	ck_assert_msg(upl_import_buffer(&doc, r, data, len, src + strlen("tests/data/import/"), &o,
					&err) == 0, "%s: %s", src, upl_error_message(err));
	ck_assert_int_eq(upl_doc_write_buffer(&xml, NULL, doc, NULL, NULL), 0);
	notes = golden_notes(r);
	bad |= golden_summary(name, doc, update);
	golden_path(path, sizeof path, name, ".expected.xml", 1);
	/* a case pinned by its summary alone has no expected XML */
	if (!golden_has(name, ".expected-summary") || golden_has(name, ".expected.xml")) {
		if (update)
			golden_write(path, xml);
		else
			bad |= golden_compare(path, xml);
	}
	golden_path(path, sizeof path, name, ".expected-notes", 1);
	if (update)
		golden_write(path, notes);
	else
		bad |= golden_compare(path, notes);
	/* what a golden file cannot say simply: the XML passes the schema and
	 * round-trips, and the Han characters of UTF-8 text are kept */
	assert_valid_roundtrip(doc);
	enc = upl_plan_source_encoding(upl_doc_plan(doc, 0));
	if (enc && strcmp(enc, "UTF-8") == 0)
		assert_fidelity(src, doc, r, 0);
	free(notes);
	free(data);
	free((char *)o.encoding);
	upl_free(xml);
	upl_doc_free(doc);
	upl_report_free(r);
	return bad;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(test_golden)
{
	DIR *d = opendir(path_of("tests/data/import"));
	struct dirent *e;
	char *names[256];
	size_t n = 0, i;
	int bad = 0;
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) {
			ck_assert_uint_lt(n, sizeof names / sizeof names[0]);
			names[n] = strdup(e->d_name);
			names[n++][l - 4] = '\0';
		}
	}
	closedir(d);
	qsort(names, n, sizeof names[0], by_name);
	for (i = 0; i < n; i++) {
		int b = golden_case(names[i]);
		bad += b;
		if (!b)
			printf("golden %s: ok\n", names[i]);
		fflush(stdout);
		free(names[i]);
	}
	ck_assert_uint_ge(n, 8);
	ck_assert_msg(bad == 0, "%d of %zu golden import cases differ (see above; after a deliberate "
		      "change, make import-golden and review the diff)", bad, n);
}
END_TEST

/* The seeds' structure: tests/data/seeds/NAME.expected-summary against
 * their import, and against doc/examples/seed-NNN.xml. */
START_TEST(test_seed_summaries)
{
	DIR *d = opendir(path_of("tests/data/seeds"));
	struct dirent *e;
	int bad = 0, update = getenv("UPL_GOLDEN_UPDATE") != NULL;
	size_t n = 0;
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		char rel[512], sum[1024], xml[1024];
		upl_doc *doc;
		if (l <= 4 || strcmp(e->d_name + l - 4, ".txt") != 0)
			continue;
		snprintf(rel, sizeof rel, "tests/data/seeds/%s", e->d_name);
		doc = import(rel);
		snprintf(sum, sizeof sum, "%s", path_of(rel));
		snprintf(sum + strlen(sum) - 4, sizeof sum - strlen(sum) + 4, ".expected-summary");
		snprintf(xml, sizeof xml, "%s", path_of("doc/examples/seed-"));
		snprintf(xml + strlen(xml), sizeof xml - strlen(xml), "%.3s.xml", e->d_name);
		bad += summary_check(sum, doc, xml, update);
		upl_doc_free(doc);
		n++;
	}
	closedir(d);
	ck_assert_uint_eq(n, 5);
	ck_assert_msg(bad == 0, "%d seed summaries differ (see above)", bad);
}
END_TEST

static Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *seeds = tcase_create("seeds"), *styles = tcase_create("styles"),
	      *odd = tcase_create("odd"), *golden = tcase_create("golden");
	tcase_add_test(seeds, test_seed000);
	tcase_add_test(seeds, test_seed002);
	tcase_add_test(seeds, test_seed003);
	tcase_add_test(seeds, test_seed004);
	tcase_add_test(seeds, test_seed001);
	tcase_add_test(seeds, test_hand_encoded);
	tcase_add_test(styles, test_forced_encoding);
	tcase_add_test(odd, test_odd_input);
	tcase_add_test(odd, test_never_loses_a_line);
	tcase_add_test(odd, test_random_text);
	tcase_add_test(odd, test_fd_and_stream);
	tcase_add_test(odd, test_fd_and_stream_odd);
	suite_add_tcase(s, seeds);
	suite_add_tcase(s, styles);
	suite_add_tcase(s, odd);
	tcase_add_test(golden, test_golden);
	tcase_add_test(golden, test_seed_summaries);
	suite_add_tcase(s, golden);
	return s;
}

TEST_MAIN(import_suite)

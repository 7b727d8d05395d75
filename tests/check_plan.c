/* Unit tests for the plan model (include/unionplan/plan.h): building a plan
 * from scratch, ownership rules, argument checking, iteration, cloning,
 * and that a plan built in memory writes, validates and reads back. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

static upl_node *
node(upl_kind kind)
{
	upl_node *n = NULL;
	ck_assert_int_eq(upl_node_new(&n, kind), 0);
	ck_assert_ptr_nonnull(n);
	return n;
}

static upl_node *
activity(const char *label, int number, const char *text)
{
	upl_node *a = node(UPL_NODE_ACTIVITY);
	ck_assert_int_eq(upl_node_set_label(a, label), 0);
	ck_assert_int_eq(upl_node_set_number(a, number), 0);
	ck_assert_int_eq(upl_node_set_text(a, text), 0);
	return a;
}

/* The opening of seed 000, built with the API. */
static upl_plan *
build_seed000_excerpt(void)
{
	upl_plan *p = NULL;
	upl_node *s, *sub, *item, *sched, *m, *a, *para;
	upl_period period = UPL_PERIOD_INIT;
	upl_date d;

	ck_assert_int_eq(upl_plan_new(&p, NULL), 0);
	ck_assert_int_eq(upl_plan_set_title(p, "2012学年第一学期工会工作计划"), 0);
	ck_assert_int_eq(upl_plan_author_add(p, "许美英"), 0);
	period.kind = UPL_PERIOD_TERM;
	ck_assert_int_eq(upl_date_make(&period.start, 2012, 9, 1), 0);
	ck_assert_int_eq(upl_date_make(&period.end, 2013, 1, 31), 0);
	period.schoolyear = 2012;
	period.term = 1;
	period.text = "2012学年第一学期";
	ck_assert_int_eq(upl_plan_set_period(p, &period), 0);

	s = node(UPL_NODE_SECTION);
	ck_assert_int_eq(upl_node_set_label(s, "二、"), 0);
	ck_assert_int_eq(upl_node_set_number(s, 2), 0);
	ck_assert_int_eq(upl_node_set_level(s, 1), 0);
	ck_assert_int_eq(upl_node_set_role(s, UPL_ROLE_TASKS), 0);
	ck_assert_int_eq(upl_node_set_heading(s, "重点工作"), 0);
	sub = node(UPL_NODE_SECTION);
	ck_assert_int_eq(upl_node_set_label(sub, "（二）．"), 0);
	ck_assert_int_eq(upl_node_set_number(sub, 2), 0);
	ck_assert_int_eq(upl_node_set_level(sub, 2), 0);
	ck_assert_int_eq(upl_node_set_heading(sub, "以教代会为主渠道，推进校务公开民主管理规范化建设"), 0);
	item = node(UPL_NODE_ITEM);
	ck_assert_int_eq(upl_node_set_label(item, "1．"), 0);
	ck_assert_int_eq(upl_node_set_number(item, 1), 0);
	ck_assert_int_eq(upl_node_set_text(item, "进一步推进校务公开民主管理规范化建设"), 0);
	ck_assert_int_eq(upl_node_child_add(sub, item), 0);
	ck_assert_int_eq(upl_node_child_add(s, sub), 0);
	ck_assert_int_eq(upl_plan_block_add(p, s), 0);

	s = node(UPL_NODE_SECTION);
	ck_assert_int_eq(upl_node_set_label(s, "三、"), 0);
	ck_assert_int_eq(upl_node_set_number(s, 3), 0);
	ck_assert_int_eq(upl_node_set_level(s, 1), 0);
	ck_assert_int_eq(upl_node_set_role(s, UPL_ROLE_SCHEDULE), 0);
	sched = node(UPL_NODE_SCHEDULE);
	m = node(UPL_NODE_MONTH);
	ck_assert_int_eq(upl_node_set_month(m, 9, 0, 2012), 0);
	ck_assert_int_eq(upl_node_set_label(m, "九月："), 0);
	ck_assert_int_eq(upl_node_child_add(m, activity("1．", 1, "工会例会：讨论工会工作计划")), 0);
	a = activity("2．", 2, "教师节表彰活动(9/10)");
	ck_assert_int_eq(upl_date_make(&d, 2012, 9, 10), 0);
	ck_assert_int_eq(upl_node_set_date(a, d), 0);
	ck_assert_int_eq(upl_node_set_holiday(a, "teachers-day"), 0);
	ck_assert_int_eq(upl_node_set_relation(a, UPL_RELATION_ON), 0);
	ck_assert_int_eq(upl_node_child_add(m, a), 0);
	ck_assert_int_eq(upl_node_child_add(sched, m), 0);
	m = node(UPL_NODE_MONTH);
	ck_assert_int_eq(upl_node_set_month(m, 7, 8, 0), 0);
	ck_assert_int_eq(upl_node_set_label(m, "七、八月份"), 0);
	ck_assert_int_eq(upl_node_child_add(sched, m), 0);
	ck_assert_int_eq(upl_node_child_add(s, sched), 0);
	ck_assert_int_eq(upl_plan_block_add(p, s), 0);

	para = node(UPL_NODE_NOTE);
	ck_assert_int_eq(upl_node_set_label(para, "注："), 0);
	ck_assert_int_eq(upl_node_set_text(para, "以上安排如有变动，另行通知。"), 0);
	ck_assert_int_eq(upl_plan_block_add(p, para), 0);
	return p;
}

START_TEST(test_build_write_read_back)
{
	upl_plan *p = build_seed000_excerpt(), *back = NULL;
	upl_doc *doc = NULL;
	upl_report *r = NULL;
	char *xml = NULL, *xml2 = NULL;
	size_t len = 0;
	upl_period period = UPL_PERIOD_INIT;
	upl_node *s, *m, *a;
	upl_date d;

	ck_assert_int_eq(upl_plan_write_buffer(&xml, &len, p, NULL, NULL), 0);
	ck_assert_uint_eq(strlen(xml), len);
	ck_assert_ptr_nonnull(strstr(xml, "<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">"));
	ck_assert_ptr_nonnull(strstr(xml, "<month month=\"9\" year=\"2012\" label=\"九月：\">"));
	ck_assert_ptr_nonnull(strstr(xml, "<activity label=\"2．\" number=\"2\" date=\"2012-09-10\" "
				       "holiday=\"teachers-day\" relation=\"on\">教师节表彰活动(9/10)</activity>"));
	ck_assert_ptr_nonnull(strstr(xml, "<month month=\"7\" to=\"8\" label=\"七、八月份\"/>"));

	/* validate the in-memory plan */
	ck_assert_int_eq(upl_doc_new(&doc), 0);
	ck_assert_int_eq(upl_doc_plan_add(doc, p), 0);
	ck_assert_ptr_eq(upl_plan_doc(p), doc);
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_doc_validate(r, doc, NULL, NULL), 0);
	/* an excerpt: 二、 and （二）． open their lists; nodes made in memory
	 * have no source position */
	ck_assert_uint_eq(upl_report_count(r), 2);
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 0)), "numbering-start");
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 1)), "numbering-start");
	ck_assert_uint_eq(upl_diag_line(upl_report_get(r, 0)), 0);
	ck_assert_ptr_null(upl_diag_file(upl_report_get(r, 0)));
	ck_assert_int_eq(upl_report_failed(r, 0), 0);
	ck_assert_int_eq(upl_report_failed(r, 1), 1);

	/* read back and compare */
	ck_assert_int_eq(upl_plan_parse_buffer(&back, xml, len, "mem", NULL, NULL), 0);
	ck_assert_str_eq(upl_plan_title(back), "2012学年第一学期工会工作计划");
	ck_assert_uint_eq(upl_plan_author_count(back), 1);
	ck_assert_str_eq(upl_plan_author(back, 0), "许美英");
	ck_assert_int_eq(upl_plan_period(back, &period), 0);
	ck_assert_int_eq(period.kind, UPL_PERIOD_TERM);
	ck_assert_int_eq(period.start.year, 2012);
	ck_assert_int_eq(period.end.month, 1);
	ck_assert_int_eq(period.schoolyear, 2012);
	ck_assert_int_eq(period.term, 1);
	ck_assert_str_eq(period.text, "2012学年第一学期");
	ck_assert_uint_eq(upl_plan_block_count(back), 3);
	s = upl_plan_block(back, 1);
	ck_assert_int_eq(upl_node_kind(s), UPL_NODE_SECTION);
	ck_assert_int_eq(upl_node_role(s), UPL_ROLE_SCHEDULE);
	m = upl_node_child(upl_node_child(s, 0), 0);
	ck_assert_int_eq(upl_node_kind(m), UPL_NODE_MONTH);
	ck_assert_int_eq(upl_node_month(m), 9);
	ck_assert_int_eq(upl_node_year(m), 2012);
	ck_assert_int_eq(upl_node_month_to(m), 0);
	a = upl_node_child(m, 1);
	d = upl_node_date(a);
	ck_assert_int_eq(d.year, 2012);
	ck_assert_int_eq(d.month, 9);
	ck_assert_int_eq(d.day, 10);
	ck_assert_str_eq(upl_node_holiday(a), "teachers-day");
	ck_assert_int_eq(upl_node_relation(a), UPL_RELATION_ON);
	ck_assert_ptr_eq(upl_node_parent(a), m);
	ck_assert_ptr_eq(upl_node_plan(a), back);
	ck_assert_uint_eq(upl_node_line(a), 19);
	ck_assert_uint_eq(upl_node_column(a), 9);
	m = upl_node_child(upl_node_child(s, 0), 1);
	ck_assert_int_eq(upl_node_month(m), 7);
	ck_assert_int_eq(upl_node_month_to(m), 8);
	ck_assert_int_eq(upl_node_year(m), 0);
	ck_assert_uint_eq(upl_node_child_count(m), 0);

	/* writing what was read gives the same bytes */
	ck_assert_int_eq(upl_plan_write_buffer(&xml2, NULL, back, NULL, NULL), 0);
	ck_assert_str_eq(xml, xml2);

	upl_free(xml);
	upl_free(xml2);
	upl_plan_free(back);
	upl_report_free(r);
	upl_doc_free(doc);
}
END_TEST

START_TEST(test_ownership)
{
	upl_plan *p = NULL, *q = NULL, *taken = NULL;
	upl_doc *doc = NULL;
	upl_node *s = node(UPL_NODE_SECTION), *i = node(UPL_NODE_ITEM), *out = NULL;

	ck_assert_int_eq(upl_plan_new(&p, "zh-Hant"), 0);
	ck_assert_int_eq(upl_plan_new(&q, NULL), 0);
	ck_assert_int_eq(upl_node_child_add(s, i), 0);
	/* a node with a parent cannot be added elsewhere */
	ck_assert_int_eq(upl_plan_block_add(p, i), UPL_EINVAL);
	ck_assert_int_eq(upl_plan_block_add(p, s), 0);
	ck_assert_int_eq(upl_plan_block_add(q, s), UPL_EINVAL);
	/* freeing an owned object does nothing */
	upl_node_free(i);
	upl_node_free(s);
	ck_assert_uint_eq(upl_node_child_count(s), 1);
	/* remove hands ownership back */
	ck_assert_int_eq(upl_plan_block_remove(p, 0, &out), 0);
	ck_assert_ptr_eq(out, s);
	ck_assert_ptr_null(upl_node_plan(out));
	ck_assert_int_eq(upl_plan_block_add(q, out), 0);
	ck_assert_int_eq(upl_plan_block_remove(q, 5, NULL), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_plan_block_remove(q, 0, NULL), 0); /* freed */
	ck_assert_uint_eq(upl_plan_block_count(q), 0);

	ck_assert_int_eq(upl_doc_new(&doc), 0);
	ck_assert_int_eq(upl_doc_plan_add(doc, p), 0);
	ck_assert_int_eq(upl_doc_plan_add(doc, p), UPL_EINVAL);
	upl_plan_free(p); /* owned: no-op */
	ck_assert_int_eq(upl_doc_plan_add(doc, q), 0);
	ck_assert_uint_eq(upl_doc_plan_count(doc), 2);
	ck_assert_int_eq(upl_doc_is_collection(doc), 1);
	ck_assert_int_eq(upl_doc_plan_remove(doc, 0, &taken), 0);
	ck_assert_ptr_eq(taken, p);
	ck_assert_ptr_null(upl_plan_doc(taken));
	ck_assert_int_eq(upl_doc_is_collection(doc), 0);
	upl_doc_set_collection(doc, 1);
	ck_assert_int_eq(upl_doc_is_collection(doc), 1);
	/* insert puts a plan before another, or at the end */
	ck_assert_int_eq(upl_doc_plan_insert(doc, 2, taken), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_doc_plan_insert(doc, 0, taken), 0);
	ck_assert_int_eq(upl_doc_plan_insert(doc, 0, taken), UPL_EINVAL);
	ck_assert_ptr_eq(upl_doc_plan(doc, 0), taken);
	ck_assert_ptr_eq(upl_doc_plan(doc, 1), q);
	ck_assert_int_eq(upl_doc_plan_remove(doc, 0, &taken), 0);
	ck_assert_ptr_eq(upl_doc_plan(doc, 0), q);
	ck_assert_str_eq(upl_plan_lang(taken), "zh-Hant");
	upl_plan_free(taken);
	upl_doc_free(doc);

	/* NULL is a no-op everywhere */
	upl_doc_free(NULL);
	upl_plan_free(NULL);
	upl_node_free(NULL);
	upl_iter_free(NULL);
	upl_free(NULL);
}
END_TEST

START_TEST(test_structure_rules)
{
	upl_node *kinds[8];
	int parent, child;
	upl_node *self;
	/* the table in plan.h, checked exhaustively */
	static const int allowed[8][8] = {
		/* child:     -  p  sec item sch mon act note */
		/* -    */  { 0, 0, 0, 0, 0, 0, 0, 0 },
		/* p    */  { 0, 0, 0, 0, 0, 0, 0, 0 },
		/* sec  */  { 0, 1, 1, 1, 1, 0, 0, 1 },
		/* item */  { 0, 1, 0, 1, 0, 0, 0, 0 },
		/* sch  */  { 0, 0, 0, 0, 0, 1, 0, 0 },
		/* mon  */  { 0, 0, 0, 0, 0, 0, 1, 0 },
		/* act  */  { 0, 0, 0, 0, 0, 0, 0, 0 },
		/* note */  { 0, 0, 0, 0, 0, 0, 0, 0 },
	};
	for (parent = 1; parent <= 7; parent++) {
		for (child = 1; child <= 7; child++) {
			upl_node *pn = node((upl_kind)parent), *cn = node((upl_kind)child);
			int rc = upl_node_child_add(pn, cn);
			if (allowed[parent][child]) {
				ck_assert_msg(rc == 0, "%s in %s refused", upl_kind_name((upl_kind)child),
					      upl_kind_name((upl_kind)parent));
			} else {
				ck_assert_msg(rc == UPL_EINVAL, "%s in %s accepted",
					      upl_kind_name((upl_kind)child), upl_kind_name((upl_kind)parent));
				upl_node_free(cn);
			}
			upl_node_free(pn);
		}
	}
	/* plan body */
	{
		upl_plan *p = NULL;
		ck_assert_int_eq(upl_plan_new(&p, NULL), 0);
		for (child = 1; child <= 7; child++) {
			kinds[child] = node((upl_kind)child);
			if (child == UPL_NODE_PARAGRAPH || child == UPL_NODE_SECTION ||
			    child == UPL_NODE_SCHEDULE || child == UPL_NODE_NOTE) {
				ck_assert_int_eq(upl_plan_block_add(p, kinds[child]), 0);
			} else {
				ck_assert_int_eq(upl_plan_block_add(p, kinds[child]), UPL_EINVAL);
				upl_node_free(kinds[child]);
			}
		}
		upl_plan_free(p);
	}
	/* no cycles */
	self = node(UPL_NODE_SECTION);
	ck_assert_int_eq(upl_node_child_add(self, self), UPL_EINVAL);
	{
		upl_node *inner = node(UPL_NODE_SECTION);
		ck_assert_int_eq(upl_node_child_add(self, inner), 0);
		ck_assert_int_eq(upl_node_child_add(inner, self), UPL_EINVAL);
	}
	upl_node_free(self);
}
END_TEST

START_TEST(test_setters_check_arguments)
{
	upl_node *p = node(UPL_NODE_PARAGRAPH), *s = node(UPL_NODE_SECTION),
		 *m = node(UPL_NODE_MONTH), *a = node(UPL_NODE_ACTIVITY), *sch = node(UPL_NODE_SCHEDULE);
	upl_plan *plan = NULL;
	upl_period bad = UPL_PERIOD_INIT;
	upl_date d = { 2013, 2, 30 }, md = { 0, 2, 29 }, none = UPL_DATE_INIT;

	ck_assert_int_eq(upl_node_new(NULL, UPL_NODE_ITEM), UPL_EINVAL);
	{
		upl_node *x = NULL;
		ck_assert_int_eq(upl_node_new(&x, (upl_kind)0), UPL_EINVAL);
		ck_assert_int_eq(upl_node_new(&x, (upl_kind)8), UPL_EINVAL);
		ck_assert_ptr_null(x);
	}
	ck_assert_int_eq(upl_node_set_text(s, "x"), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_text(m, "x"), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_heading(p, "x"), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_heading(sch, "行事历"), 0);
	ck_assert_int_eq(upl_node_set_label(sch, "x"), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_number(p, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_number(s, -2), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_number(s, 3), 0);
	ck_assert_int_eq(upl_node_number(s), 3);
	ck_assert_int_eq(upl_node_set_number(s, -1), 0);
	ck_assert_int_eq(upl_node_number(s), -1);
	ck_assert_int_eq(upl_node_set_level(s, 10), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_level(p, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_role(s, (upl_role)99), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_role(p, UPL_ROLE_TASKS), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_month(m, 13, 0, 2012), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_month(m, 0, 0, 2012), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_month(m, 7, 13, 2012), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_month(m, 7, 8, 10000), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_month(a, 7, 8, 2012), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_date(a, d), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_date(a, md), 0);
	ck_assert_int_eq(upl_node_date(a).month, 2);
	ck_assert_int_eq(upl_node_set_date(a, none), 0);
	ck_assert_int_eq(upl_node_date(a).month, 0);
	ck_assert_int_eq(upl_node_set_date(m, md), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_holiday(a, "moon-festival"), UPL_EINVAL);
	ck_assert_int_eq(upl_node_set_holiday(a, "mid-autumn"), 0);
	ck_assert_int_eq(upl_node_set_holiday(a, NULL), 0);
	ck_assert_ptr_null(upl_node_holiday(a));
	ck_assert_int_eq(upl_node_set_relation(a, (upl_relation)9), UPL_EINVAL);
	ck_assert_int_eq(upl_holiday_key_is_valid("spring-festival-eve"), 1);
	ck_assert_int_eq(upl_holiday_key_is_valid("Spring-Festival"), 0);
	ck_assert_int_eq(upl_holiday_key_is_valid(NULL), 0);

	ck_assert_int_eq(upl_plan_new(&plan, "en"), UPL_EINVAL);
	ck_assert_int_eq(upl_plan_new(&plan, NULL), 0);
	ck_assert_int_eq(upl_plan_set_lang(plan, "zh-CN"), UPL_EINVAL);
	ck_assert_str_eq(upl_plan_lang(plan), "zh-Hans");
	bad.kind = (upl_period_kind)42;
	ck_assert_int_eq(upl_plan_set_period(plan, &bad), UPL_EINVAL);
	bad.kind = UPL_PERIOD_TERM;
	bad.term = 3;
	ck_assert_int_eq(upl_plan_set_period(plan, &bad), UPL_EINVAL);
	bad.term = 1;
	bad.start = d;
	ck_assert_int_eq(upl_plan_set_period(plan, &bad), UPL_EINVAL);
	ck_assert_int_eq(upl_plan_period(plan, &bad), UPL_ENOTFOUND);
	ck_assert_int_eq(bad.kind, UPL_PERIOD_NONE);
	ck_assert_int_eq(upl_plan_set_issued(plan, "二〇一三年二月", d), UPL_EINVAL);
	ck_assert_int_eq(upl_plan_set_issued(plan, "二〇一三年二月", none), 0);
	ck_assert_str_eq(upl_plan_issued_text(plan), "二〇一三年二月");
	ck_assert_int_eq(upl_plan_set_source(plan, "a.txt", "GB18030"), 0);
	ck_assert_str_eq(upl_plan_source_encoding(plan), "GB18030");
	ck_assert_int_eq(upl_plan_author_remove(plan, 0), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_plan_author_add(plan, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_plan_set_title(plan, "t"), 0);
	ck_assert_int_eq(upl_plan_set_title(plan, NULL), 0);
	ck_assert_ptr_null(upl_plan_title(plan));

	/* names */
	ck_assert_str_eq(upl_kind_name(UPL_NODE_ACTIVITY), "activity");
	ck_assert_ptr_null(upl_kind_name((upl_kind)0));
	ck_assert_int_eq(upl_role_from_name("appendix"), UPL_ROLE_APPENDIX);
	ck_assert_int_eq(upl_role_from_name("nope"), UPL_ROLE_NONE);
	ck_assert_str_eq(upl_relation_name(UPL_RELATION_BEFORE), "before");
	ck_assert_int_eq(upl_period_kind_from_name("half-year"), UPL_PERIOD_HALF_YEAR);
	ck_assert_str_eq(upl_period_kind_name(UPL_PERIOD_SCHOOL_YEAR), "school-year");

	upl_plan_free(plan);
	upl_node_free(p);
	upl_node_free(s);
	upl_node_free(m);
	upl_node_free(a);
	upl_node_free(sch);
}
END_TEST

START_TEST(test_iteration_and_clone)
{
	upl_plan *p = build_seed000_excerpt(), *c = NULL;
	upl_iter *it = NULL;
	upl_node *n;
	char *a = NULL, *b = NULL;
	const upl_kind order[] = {
		UPL_NODE_SECTION, UPL_NODE_SECTION, UPL_NODE_ITEM, UPL_NODE_SECTION,
		UPL_NODE_SCHEDULE, UPL_NODE_MONTH, UPL_NODE_ACTIVITY, UPL_NODE_ACTIVITY,
		UPL_NODE_MONTH, UPL_NODE_NOTE
	};
	size_t i = 0, acts = 0;
	ck_assert_int_eq(upl_iter_new(&it, p, UPL_KIND_ALL), 0);
	while (upl_iter_next(it, &n) == 0) {
		ck_assert_uint_lt(i, sizeof order / sizeof order[0]);
		ck_assert_int_eq(upl_node_kind(n), order[i]);
		i++;
	}
	ck_assert_uint_eq(i, sizeof order / sizeof order[0]);
	ck_assert_int_eq(upl_iter_next(it, &n), UPL_ITEROVER);
	upl_iter_free(it);
	ck_assert_int_eq(upl_iter_new(&it, p, UPL_KIND_BIT(UPL_NODE_ACTIVITY)), 0);
	while (upl_iter_next(it, &n) == 0) {
		ck_assert_int_eq(upl_node_kind(n), UPL_NODE_ACTIVITY);
		acts++;
	}
	upl_iter_free(it);
	ck_assert_uint_eq(acts, 2);

	ck_assert_int_eq(upl_plan_clone(&c, p), 0);
	ck_assert_ptr_null(upl_plan_doc(c));
	ck_assert_int_eq(upl_plan_write_buffer(&a, NULL, p, NULL, NULL), 0);
	ck_assert_int_eq(upl_plan_write_buffer(&b, NULL, c, NULL, NULL), 0);
	ck_assert_str_eq(a, b);
	/* the clone is independent */
	ck_assert_int_eq(upl_plan_set_title(c, "另一个计划"), 0);
	ck_assert_str_eq(upl_plan_title(p), "2012学年第一学期工会工作计划");
	upl_free(a);
	upl_free(b);
	upl_plan_free(c);
	upl_plan_free(p);
}
END_TEST

START_TEST(test_write_rejects_what_xml_cannot_hold)
{
	upl_plan *p = NULL;
	upl_node *n = node(UPL_NODE_PARAGRAPH);
	upl_error *err = NULL;
	char *out = NULL;
	upl_doc *empty = NULL;
	ck_assert_int_eq(upl_plan_new(&p, NULL), 0);
	ck_assert_int_eq(upl_node_set_text(n, "bad \xff byte"), 0);
	ck_assert_int_eq(upl_plan_block_add(p, n), 0);
	ck_assert_int_eq(upl_plan_write_buffer(&out, NULL, p, NULL, &err), UPL_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "not valid UTF-8"));
	upl_error_free(err);
	err = NULL;
	ck_assert_int_eq(upl_node_set_text(n, "control \x01 char"), 0);
	ck_assert_int_eq(upl_plan_write_buffer(&out, NULL, p, NULL, &err), UPL_EINVAL);
	upl_error_free(err);
	err = NULL;
	ck_assert_int_eq(upl_node_set_text(n, "tab\tnewline\ncarriage\rreturn & <>\""), 0);
	ck_assert_int_eq(upl_plan_write_buffer(&out, NULL, p, NULL, &err), 0);
	ck_assert_ptr_nonnull(strstr(out, "<p>tab\tnewline\ncarriage&#13;return &amp; &lt;&gt;\"</p>"));
	{
		upl_plan *back = NULL;
		ck_assert_int_eq(upl_plan_parse_buffer(&back, out, strlen(out), NULL, NULL, NULL), 0);
		ck_assert_str_eq(upl_node_text(upl_plan_block(back, 0)), "tab\tnewline\ncarriage\rreturn & <>\"");
		upl_plan_free(back);
	}
	upl_free(out);
	upl_plan_free(p);
	ck_assert_int_eq(upl_doc_new(&empty), 0);
	ck_assert_int_eq(upl_doc_write_buffer(&out, NULL, empty, NULL, &err), UPL_EINVAL);
	ck_assert_str_eq(upl_error_message(err), "document holds no plan");
	upl_error_free(err);
	upl_doc_free(empty);
}
END_TEST

START_TEST(test_doc_validate_reports_schema_problems)
{
	/* a schedule without months is not valid; the model allows building it */
	upl_doc *doc = NULL;
	upl_plan *p = NULL;
	upl_report *r = NULL;
	const upl_diag *d;
	ck_assert_int_eq(upl_doc_new(&doc), 0);
	ck_assert_int_eq(upl_plan_new(&p, NULL), 0);
	ck_assert_int_eq(upl_plan_block_add(p, node(UPL_NODE_SCHEDULE)), 0);
	ck_assert_int_eq(upl_doc_plan_add(doc, p), 0);
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_doc_validate(r, doc, NULL, NULL), 0);
	ck_assert_uint_eq(upl_report_count(r), 1);
	d = upl_report_get(r, 0);
	ck_assert_str_eq(upl_diag_code(d), "schema-element");
	ck_assert_str_eq(upl_diag_file(d), "<memory>");
	ck_assert_uint_eq(upl_diag_line(d), 4);
	ck_assert_uint_eq(upl_diag_column(d), 3);
	ck_assert_int_eq(upl_diag_severity(d), UPL_SEVERITY_ERROR);
	ck_assert_int_eq(upl_report_failed(r, 0), 1);
	upl_report_free(r);
	upl_doc_free(doc);
}
END_TEST

static Suite *
plan_suite(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, test_build_write_read_back);
	tcase_add_test(tc, test_ownership);
	tcase_add_test(tc, test_structure_rules);
	tcase_add_test(tc, test_setters_check_arguments);
	tcase_add_test(tc, test_iteration_and_clone);
	tcase_add_test(tc, test_write_rejects_what_xml_cannot_hold);
	tcase_add_test(tc, test_doc_validate_reports_schema_problems);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(plan_suite)

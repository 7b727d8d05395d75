/* The importer on the layout the text export writes (GB/T 9704: a
 * centred title, paragraphs indented two full-width spaces, a remark in
 * brackets): each case is the shape of a plan the export writes, read
 * back as the export meant it, and a near miss that stays what it was. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

/* An outline of a node and its children, one line each, indented by depth:
 * kind, label ("-" for none), heading or text, a month's number. */
static void
outline_node(char *out, size_t size, const upl_node *n, int depth)
{
	static const char *const kinds[] = {
		[UPL_NODE_PARAGRAPH] = "p", [UPL_NODE_SECTION] = "section", [UPL_NODE_ITEM] = "item",
		[UPL_NODE_SCHEDULE] = "schedule", [UPL_NODE_MONTH] = "month",
		[UPL_NODE_ACTIVITY] = "activity", [UPL_NODE_NOTE] = "note",
	};
	size_t i, len = strlen(out);
	const char *label = upl_node_label(n), *words = upl_node_heading(n);
	char month[16] = "";
	if (words == NULL)
		words = upl_node_text(n);
	if (upl_node_kind(n) == UPL_NODE_MONTH)
		snprintf(month, sizeof month, " %d", upl_node_month(n));
	snprintf(out + len, size - len, "%*s%s %s%s%s%s\n", 2 * depth, "", kinds[upl_node_kind(n)],
		 label ? label : "-", words ? " " : "", words ? words : "", month);
	for (i = 0; i < upl_node_child_count(n); i++)
		outline_node(out, size, upl_node_child(n, i), depth + 1);
}

/* The outline of the one plan text imports to, its title first. */
static char *
outline(const char *text)
{
	static char out[4096];
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	const upl_plan *p;
	size_t i;
	ck_assert_msg(upl_import_buffer(&doc, NULL, text, strlen(text), "form.txt", NULL, &err) == 0,
		      "import: %s", upl_error_message(err));
	ck_assert_uint_eq(upl_doc_plan_count(doc), 1);
	p = upl_doc_plan(doc, 0);
	snprintf(out, sizeof out, "title %s\n", upl_plan_title(p) ? upl_plan_title(p) : "-");
	for (i = 0; i < upl_plan_block_count(p); i++)
		outline_node(out, sizeof out, upl_plan_block(p, i), 0);
	upl_doc_free(doc);
	return out;
}

/* After a note, an unnumbered heading (下半年的主要工作：) ends the part
 * the note closed and heads a part of its own at the top level. */
START_TEST(test_heading_after_note)
{
	ck_assert_str_eq(outline("工会工作计划\n\n一、学习\n\n（一）读书\n\n1．读书周会。\n"
				 "注：备注。\n下半年的主要工作：\n\n　　未编号的部分。\n"),
			 "title 工会工作计划\n"
			 "section 一、 学习\n"
			 "  section （一） 读书\n"
			 "    item 1． 读书周会。\n"
			 "    note 注： 备注。\n"
			 "section - 下半年的主要工作：\n"
			 "  p - 未编号的部分。\n");
	/* without the note the heading stays a line of the open part */
	ck_assert_str_eq(outline("工会工作计划\n\n一、学习\n\n　　读书。\n下半年的主要工作：\n"),
			 "title 工会工作计划\n"
			 "section 一、 学习\n"
			 "  p - 读书。\n"
			 "  p - 下半年的主要工作：\n");
}
END_TEST

/* A flush-left line right under a paragraph indented two full-width
 * spaces goes on with that paragraph after a line break. */
START_TEST(test_paragraph_line_break)
{
	ck_assert_str_eq(outline("工会工作计划\n\n　　第一行\n第二行\n长沙市信息职业技术学校\n　　第二段。\n"),
			 "title 工会工作计划\n"
			 "p - 第一行\n第二行\n长沙市信息职业技术学校\n"
			 "p - 第二段。\n");
	/* not after a blank line, nor under a paragraph without the indent,
	 * nor a line that reads as something of its own */
	ck_assert_str_eq(outline("工会工作计划\n\n　　第一行\n\n第二行\n第三行\n　　第四行\n1、甲\n"),
			 "title 工会工作计划\n"
			 "p - 第一行\n"
			 "p - 第二行\n"
			 "p - 第三行\n"
			 "p - 第四行\n"
			 "section 1、 甲\n");
}
END_TEST

/* A paragraph that opens with a month (九月：教师节表彰活动) keeps its
 * indent: it is no schedule of one month. */
START_TEST(test_month_paragraph)
{
	ck_assert_str_eq(outline("工会工作计划\n\n　　九月：教师节表彰活动\n"),
			 "title 工会工作计划\n"
			 "p - 九月：教师节表彰活动\n");
}
END_TEST

/* Flush left, or followed by another month, or a month heading without
 * text after it: a month. */
START_TEST(test_month_paragraph_near_misses)
{
	const char *o = outline("工会工作计划\n\n九月：教师节表彰活动\n");
	ck_assert_ptr_nonnull(strstr(o, "month 九月： 9\n    activity - 教师节表彰活动\n"));
	o = outline("工会工作计划\n\n　　九月：甲\n　　十月：乙\n");
	ck_assert_ptr_nonnull(strstr(o, "month 九月： 9\n    activity - 甲\n  month 十月： 10\n"));
	o = outline("工会工作计划\n\n　　九月份：\n　　1、甲\n");
	ck_assert_ptr_nonnull(strstr(o, "month 九月份： 9\n    activity 1、 甲\n"));
}
END_TEST

/* A centred first line is the title, whatever its words. */
START_TEST(test_centred_title)
{
	ck_assert_str_eq(outline("          带 DOCTYPE 的计划\n"), "title 带 DOCTYPE 的计划\n");
	ck_assert_str_eq(outline("      春季活动方案\n\n　　正文。\n"),
			 "title 春季活动方案\n"
			 "p - 正文。\n");
	/* flush left, or a sentence, or indented as a paragraph: no title */
	ck_assert_str_eq(outline("带 DOCTYPE 的计划\n"), "title -\np - 带 DOCTYPE 的计划\n");
	ck_assert_str_eq(outline("    今年要做好工作。\n"), "title -\np - 今年要做好工作。\n");
	ck_assert_str_eq(outline("　　春季活动方案\n"), "title -\np - 春季活动方案\n");
}
END_TEST

/* A line wholly in brackets, indented, after a blank line: a remark as
 * GB/T 9704 writes one (附注), a note without a label, which also ends a
 * schedule. */
START_TEST(test_remark)
{
	ck_assert_str_eq(outline("工会工作计划\n\n一月：\n寒假送温暖活动\n\n"
				 "　　（以上安排如有变动，另行通知。）\n"),
			 "title 工会工作计划\n"
			 "schedule -\n"
			 "  month 一月： 1\n"
			 "    activity - 寒假送温暖活动\n"
			 "note - 以上安排如有变动，另行通知。\n");
	ck_assert_str_eq(outline("工会工作计划\n\n　　正文。\n\n　　（（附）此件公开发布）\n"),
			 "title 工会工作计划\n"
			 "p - 正文。\n"
			 "note - （附）此件公开发布\n");
	/* not without the blank line, the indent, or brackets around it all */
	ck_assert_str_eq(outline("工会工作计划\n\n一月：\n寒假送温暖活动\n　　（另行通知）\n"),
			 "title 工会工作计划\n"
			 "schedule -\n"
			 "  month 一月： 1\n"
			 "    activity - 寒假送温暖活动\n"
			 "    activity - （另行通知）\n");
	ck_assert_str_eq(outline("工会工作计划\n\n　　正文。\n\n（另行通知）\n"),
			 "title 工会工作计划\n"
			 "p - 正文。\n"
			 "p - （另行通知）\n");
	ck_assert_str_eq(outline("工会工作计划\n\n　　正文。\n\n　　（甲）乙（丙）\n"),
			 "title 工会工作计划\n"
			 "p - 正文。\n"
			 "p - （甲）乙（丙）\n");
}
END_TEST

static Suite *
import_form_suite(void)
{
	Suite *s = suite_create("import-form");
	TCase *tc = tcase_create("form");
	tcase_add_test(tc, test_heading_after_note);
	tcase_add_test(tc, test_paragraph_line_break);
	tcase_add_test(tc, test_month_paragraph);
	tcase_add_test(tc, test_month_paragraph_near_misses);
	tcase_add_test(tc, test_centred_title);
	tcase_add_test(tc, test_remark);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(import_form_suite)

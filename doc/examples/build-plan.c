/* build-plan: make a small plan with the API, check it, print it as XML.
 *
 *   cc build-plan.c $(pkg-config --cflags --libs libunionplan) -o build-plan
 *   ./build-plan > plan.xml
 */
#include <stdio.h>
#include <stdlib.h>

#include <unionplan.h>

/* Stop on the first failure, saying where. */
#define TRY(call)                                                              \
	do {                                                                   \
		int rc_ = (call);                                              \
		if (rc_ != 0) {                                                \
			fprintf(stderr, "%s failed: %s\n", #call, upl_strerror(rc_)); \
			exit(1);                                               \
		}                                                              \
	} while (0)

static upl_node *
new_node(upl_kind kind, const char *label, int number, const char *text)
{
	upl_node *n = NULL;
	TRY(upl_node_new(&n, kind));
	if (label)
		TRY(upl_node_set_label(n, label));
	if (number >= 0)
		TRY(upl_node_set_number(n, number));
	if (text)
		TRY(upl_node_set_text(n, text));
	return n;
}

int
main(void)
{
	upl_doc *doc = NULL;
	upl_plan *plan = NULL;
	upl_node *section, *schedule, *month, *act;
	upl_period period = UPL_PERIOD_INIT;
	upl_report *report = NULL;
	upl_error *err = NULL;
	upl_date teachers_day;
	char *xml = NULL;
	size_t i;

	TRY(upl_doc_new(&doc));
	TRY(upl_plan_new(&plan, "zh-Hans"));
	TRY(upl_doc_plan_add(doc, plan)); /* the document owns the plan now */

	TRY(upl_plan_set_title(plan, "2012学年第一学期工会工作计划"));
	TRY(upl_plan_author_add(plan, "许美英"));
	period.kind = UPL_PERIOD_TERM;
	period.schoolyear = 2012;
	period.term = 1;
	period.text = "2012学年第一学期";
	TRY(upl_date_make(&period.start, 2012, 9, 1));
	TRY(upl_date_make(&period.end, 2013, 1, 31));
	TRY(upl_plan_set_period(plan, &period));

	/* 一、具体工作安排 with a schedule for September */
	section = new_node(UPL_NODE_SECTION, "一、", 1, NULL);
	TRY(upl_node_set_level(section, 1));
	TRY(upl_node_set_role(section, UPL_ROLE_SCHEDULE));
	TRY(upl_node_set_heading(section, "具体工作安排"));
	TRY(upl_plan_block_add(plan, section));

	schedule = new_node(UPL_NODE_SCHEDULE, NULL, -1, NULL);
	TRY(upl_node_child_add(section, schedule));
	month = new_node(UPL_NODE_MONTH, "九月：", -1, NULL);
	TRY(upl_node_set_month(month, 9, 0, 2012));
	TRY(upl_node_child_add(schedule, month));

	TRY(upl_node_child_add(month, new_node(UPL_NODE_ACTIVITY, "1．", 1, "工会例会：讨论工会工作计划")));
	act = new_node(UPL_NODE_ACTIVITY, "2．", 2, "教师节表彰活动(9/10)");
	TRY(upl_date_make(&teachers_day, 2012, 9, 10));
	TRY(upl_node_set_date(act, teachers_day));
	TRY(upl_node_set_holiday(act, "teachers-day"));
	TRY(upl_node_set_relation(act, UPL_RELATION_ON));
	TRY(upl_node_child_add(month, act));

	/* Validate what we built: findings are results, not failures. */
	TRY(upl_report_new(&report));
	TRY(upl_doc_validate(report, doc, NULL, &err));
	for (i = 0; i < upl_report_count(report); i++) {
		const upl_diag *d = upl_report_get(report, i);
		fprintf(stderr, "%s: %s [%s]\n", upl_severity_name(upl_diag_severity(d)),
			upl_diag_message(d), upl_diag_code(d));
	}
	if (upl_report_failed(report, 0))
		return 1;

	TRY(upl_doc_write_buffer(&xml, NULL, doc, NULL, &err));
	fputs(xml, stdout);
	upl_free(xml); /* strings from the library go back with upl_free() */
	upl_report_free(report);
	upl_doc_free(doc); /* frees the plan and every node in it */
	return 0;
}

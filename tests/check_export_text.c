/* The text export: the layout that carries what words alone cannot, and
 * the round trip through the importer: the exported text of every example
 * and valid file imports to the same structure, but for the losses named
 * below (doc/text.md). Golden text for a small plan is
 * tests/cli-export-text.sh's. */
#include "config.h"

#include <string.h>

#include <dirent.h>
#include <unistd.h>

#include <unionplan/export.h>
#include <unionplan/import.h>
#include <unionplan/xml.h>

#include "testutil.h"

/* What the round trip keeps, one line per node in document order: plans;
 * sections with level and heading; items with their heading and text as
 * one (the importer takes a short first sentence as the heading);
 * paragraphs; months with their numbers; activities with text, month-day
 * (only when the source has a date) and holiday; notes. */
typedef struct sbuf {
	char *s;
	size_t len, cap;
} sbuf;

/* Append s (NULL is "") to b. */
static void
put(sbuf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		ck_assert_ptr_nonnull(b->s);
	}
	memcpy(b->s + b->len, s ? s : "", n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Append pre, a, mid, c, post. */
static void
add(sbuf *b, const char *pre, const char *a, const char *mid, const char *c, const char *post)
{
	put(b, pre);
	put(b, a);
	put(b, mid);
	put(b, c);
	put(b, post);
}

static void
sig_node(sbuf *b, const upl_node *n)
{
	char num[64];
	size_t i;
	upl_date d;
	switch (upl_node_kind(n)) {
	case UPL_NODE_SECTION:
		snprintf(num, sizeof num, "%d", upl_node_level(n));
		add(b, "section L", num, " ", upl_node_heading(n), "\n");
		break;
	case UPL_NODE_ITEM:
		add(b, "item ", upl_node_heading(n), "", upl_node_text(n), "\n");
		break;
	case UPL_NODE_PARAGRAPH:
		add(b, "p ", upl_node_label(n), "", upl_node_text(n), "\n");
		break;
	case UPL_NODE_SCHEDULE:
		add(b, "schedule", NULL, "", NULL, "\n");
		break;
	case UPL_NODE_MONTH:
		snprintf(num, sizeof num, "%d-%d", upl_node_month(n), upl_node_month_to(n));
		add(b, "month ", num, "", NULL, "\n");
		break;
	case UPL_NODE_ACTIVITY:
		d = upl_node_date(n);
		snprintf(num, sizeof num, " date=%02d-%02d", d.month, d.day);
		add(b, "activity ", upl_node_text(n), "", d.month ? num : "", "");
		if (upl_node_holiday(n) != NULL)
			add(b, " holiday=", upl_node_holiday(n), "", NULL, "");
		put(b, "\n");
		break;
	default:
		add(b, "note ", upl_node_label(n), "", upl_node_text(n), "\n");
		break;
	}
	for (i = 0; i < upl_node_child_count(n); i++)
		sig_node(b, upl_node_child(n, i));
}

/* The signature of a whole document (free()). */
static char *
signature(const upl_doc *doc)
{
	sbuf b = { NULL, 0, 0 };
	size_t i, k;
	add(&b, "", "", "", NULL, "");
	for (i = 0; i < upl_doc_plan_count(doc); i++) {
		const upl_plan *p = upl_doc_plan(doc, i);
		add(&b, "plan ", upl_plan_title(p), "", NULL, "\n");
		for (k = 0; k < upl_plan_block_count(p); k++)
			sig_node(&b, upl_plan_block(p, k));
	}
	return b.s;
}

static char *
export_text(const upl_doc *doc, unsigned int flags, unsigned int width)
{
	return test_export(upl_export_text_buffer, doc, flags, width, NULL);
}

/* Whether line a of the source's signature (to ea) and line b of the
 * import's (to eb) agree: the same, or b naming a holiday a has not (the
 * importer finds holidays, 迎新春, that a hand-written file leaves out). */
/* Where " holiday=" is in s..e, or NULL. */
static const char *
holiday_at(const char *s, const char *e)
{
	for (; s + 9 <= e; s++)
		if (memcmp(s, " holiday=", 9) == 0)
			return s;
	return NULL;
}

static int
same_line(const char *a, const char *ea, const char *b, const char *eb)
{
	const char *h;
	if (ea - a == eb - b && memcmp(a, b, (size_t)(ea - a)) == 0)
		return 1;
	if (strncmp(b, "activity ", 9) != 0 || holiday_at(a, ea))
		return 0;
	h = holiday_at(b, eb);
	return h != NULL && h - b == ea - a && memcmp(a, b, (size_t)(ea - a)) == 0;
}

/* 0 when the signatures agree, else -1 and the first line that differs in
 * msg. */
static int
first_diff(const char *a, const char *b, char *msg, size_t size)
{
	size_t line = 1;
	const char *ea, *eb;
	while (*a || *b) {
		ea = strchr(a, '\n');
		eb = strchr(b, '\n');
		if (!ea || !eb || !same_line(a, ea, b, eb))
			break;
		a = ea + 1;
		b = eb + 1;
		line++;
	}
	if (!*a && !*b)
		return 0;
	snprintf(msg, size, "line %zu: want [%.120s] got [%.120s]", line, a, b);
	return -1;
}

/* What text cannot carry, file by file: the piece of the source's
 * signature that comes back as another (doc/text.md, "The text export"
 * says why). Each must be found in the source's signature, so that an
 * entry cannot outlive its file. */
static const struct loss {
	const char *file, *lines, *back;
} losses[] = {
	/* an empty paragraph: a line with no text is a blank line, layout */
	{ "empty-texts.xml", "plan \np \nsection L0 \n", "plan \nsection L0 \n" },
	/* two schedules with nothing between them (the plan's own after the
	 * appendix's) read as one: text has no end of an appendix */
	{ "full-features.xml", "month 7-8\nschedule\nmonth 1-0\n", "month 7-8\nmonth 1-0\n" },
};

/* The signature the import of path's text should have: want with the
 * losses of that file applied. */
static void
apply_losses(char *want, const char *name)
{
	size_t i;
	for (i = 0; i < sizeof losses / sizeof losses[0]; i++) {
		char *at;
		size_t n = strlen(losses[i].lines), m = strlen(losses[i].back);
		if (strcmp(name, losses[i].file) != 0)
			continue;
		at = strstr(want, losses[i].lines);
		ck_assert_msg(at != NULL, "%s: the loss [%s] is not in the signature", name,
			      losses[i].lines);
		memmove(at + m, at + n, strlen(at + n) + 1);
		memcpy(at, losses[i].back, m);
	}
}

/* Export path to text, import it back, and compare the structures. */
static void
round_trip(const char *path, const char *name)
{
	upl_doc *doc = NULL, *back = NULL;
	upl_error *err = NULL;
	char *text, *want, *got, msg[400];
	ck_assert_msg(upl_doc_parse_file(&doc, path, NULL, &err) == 0, "%s", path);
	text = export_text(doc, 0, 0);
	ck_assert_msg(upl_import_buffer(&back, NULL, text, strlen(text), "t.txt", NULL, &err) == 0,
		      "%s: import: %s", path, upl_error_message(err));
	want = signature(doc);
	apply_losses(want, name);
	got = signature(back);
	ck_assert_msg(first_diff(want, got, msg, sizeof msg) == 0, "%s: %s", path, msg);
	free(want);
	free(got);
	upl_free(text);
	upl_doc_free(back);
	upl_doc_free(doc);
}

/* A plan with no text at all (minimal.xml) prints as a blank page, and
 * the importer refuses text without a character to import, as it refuses
 * an empty file: there is nothing to read back. */
static void
blank_page(const char *path)
{
	upl_doc *doc = NULL, *back = NULL;
	upl_error *err = NULL;
	char *text;
	ck_assert_msg(upl_doc_parse_file(&doc, path, NULL, &err) == 0, "%s", path);
	text = export_text(doc, 0, 0);
	ck_assert_uint_eq(strspn(text, "\n"), strlen(text));
	ck_assert_int_eq(upl_import_buffer(&back, NULL, text, strlen(text), "t.txt", NULL, &err),
			 UPL_EPARSE);
	ck_assert_ptr_null(back);
	upl_error_free(err);
	upl_free(text);
	upl_doc_free(doc);
}

static const char *const round_trip_dirs[] = { "doc/examples", "tests/data/valid" };

START_TEST(test_round_trip)
{
	const char *top = getenv("top_srcdir");
	char dir[512], path[1024];
	struct dirent *e;
	size_t files = 0;
	DIR *d;
	snprintf(dir, sizeof dir, "%s/%s", top ? top : ".", round_trip_dirs[_i]);
	d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (l < 5 || strcmp(e->d_name + l - 4, ".xml") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (strcmp(e->d_name, "minimal.xml") == 0)
			blank_page(path);
		else
			round_trip(path, e->d_name);
		files++;
	}
	closedir(d);
	ck_assert_uint_ge(files, _i == 0 ? 5 : 11);
}
END_TEST

/* The text of a plan given as XML, exported with width. */
static char *
text_of(const char *xml, unsigned int width)
{
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	char *text;
	ck_assert_msg(upl_doc_parse_buffer(&doc, xml, strlen(xml), "t.xml", NULL, &err) == 0, "%s",
		      upl_error_message(err));
	text = export_text(doc, 0, width);
	upl_doc_free(doc);
	return text;
}

#define PLAN(body) \
	"<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">" body "</plan>"
#define SPACES10 "          "

/* The layout that carries what words alone cannot: the title centred on
 * a GB/T 9704 line of 28 characters (56 columns) or in the width, a line
 * break inside a paragraph followed by a flush-left line, and a note
 * without a label written as a remark (附注) in brackets. */
START_TEST(test_layout)
{
	char *t = text_of(PLAN("<meta><title>带 DOCTYPE 的计划</title></meta>"
			       "<p>第一行\n第二行\n第三行</p><p>第二段。</p>"), 0);
	/* 带 DOCTYPE 的计划: 17 columns, (56 - 17) / 2 = 19 spaces */
	ck_assert_str_eq(t, SPACES10 "         带 DOCTYPE 的计划\n\n"
			    "\xE3\x80\x80\xE3\x80\x80第一行\n第二行\n第三行\n"
			    "\xE3\x80\x80\xE3\x80\x80第二段。\n");
	upl_free(t);
	t = text_of(PLAN("<meta><title>工会工作计划</title></meta><p>正文。</p>"
			 "<note>以上安排如有变动，另行通知。</note><note label=\"注：\">备注。</note>"), 40);
	/* 12 columns in 40: 14 spaces */
	ck_assert_str_eq(t, SPACES10 "    工会工作计划\n\n"
			    "\xE3\x80\x80\xE3\x80\x80正文。\n\n"
			    "\xE3\x80\x80\xE3\x80\x80（以上安排如有变动，另行通知。）\n"
			    "注：备注。\n");
	upl_free(t);
	/* an empty title is a blank line, no spaces */
	t = text_of(PLAN("<meta><title></title></meta><p>正文。</p>"), 0);
	ck_assert_str_eq(t, "\n\n\xE3\x80\x80\xE3\x80\x80正文。\n");
	upl_free(t);
}
END_TEST

static Suite *
export_text_suite(void)
{
	Suite *s = suite_create("export-text");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_round_trip, 0, 2);
	tcase_add_test(tc, test_layout);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(export_text_suite)

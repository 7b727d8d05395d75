/* The Word and OpenDocument reader (white box): the lines it gives for
 * small documents zipped here with libzip, so that each numbering rule is
 * checked against the label Word prints (the known answers are Word's and
 * LibreOffice's rendering of the same numbering.xml: 一、 （一） restarting
 * under a higher level, w:lvlRestart 0 going on, w:startOverride, start 3
 * in decimalEnclosedCircle ③, ideographTraditional 甲, %1.%2, a style's
 * numbering, a bullet without a label), tables that are no schedule, and
 * fields. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

#include "office-private.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define LVL(i, fmt, text, extra) \
	"<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" fmt "\"/>" extra \
	"<w:suff w:val=\"nothing\"/><w:lvlText w:val=\"" text "\"/></w:lvl>"

static const char numbering[] =
	"<w:numbering " W ">"
	"<w:abstractNum w:abstractNumId=\"1\">"
	LVL(0, "chineseCounting", "%1、", "") LVL(1, "chineseCounting", "（%2）", "")
	LVL(2, "decimal", "%3.", "<w:lvlRestart w:val=\"0\"/>") "</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/>"
	"<w:numFmt w:val=\"decimalEnclosedCircle\"/><w:suff w:val=\"nothing\"/><w:lvlText w:val=\"%1\"/>"
	"</w:lvl></w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"3\">" LVL(0, "ideographTraditional", "%1、", "")
	"</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"4\">" LVL(0, "decimal", "%1.", "") LVL(1, "decimal", "%1.%2", "")
	"</w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"5\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
	"<w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>"
	"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"3\"/></w:num>"
	"<w:num w:numId=\"4\"><w:abstractNumId w:val=\"4\"/></w:num>"
	"<w:num w:numId=\"5\"><w:abstractNumId w:val=\"5\"/></w:num>"
	"<w:num w:numId=\"6\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\">"
	"<w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
	"</w:numbering>";

static const char styles[] =
	"<w:styles " W "><w:style w:type=\"paragraph\" w:styleId=\"Base\"><w:pPr><w:numPr>"
	"<w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Stem\"><w:basedOn w:val=\"Base\"/></w:style></w:styles>";

#define P(num, lvl, text) \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #lvl "\"/><w:numId w:val=\"" #num "\"/></w:numPr>" \
	"</w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define T(text) "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"
#define CELL(x) "<w:tc>" x "</w:tc>"

static const char body[] =
	"<w:document " W "><w:body>"
	P(1, 0, "甲") P(1, 1, "乙") P(1, 1, "丙") P(1, 2, "丁") P(1, 0, "戊") P(1, 1, "己") P(1, 2, "庚")
	P(6, 0, "辛")
	P(2, 0, "圆") P(2, 0, "圈")
	"<w:p><w:pPr><w:pStyle w:val=\"Stem\"/></w:pPr><w:r><w:t>天干</w:t></w:r></w:p>"
	P(4, 0, "章") P(4, 1, "节") P(4, 1, "节")
	P(5, 0, "点")
	"<w:tbl><w:tr>" CELL(T("姓名")) CELL(T("职务")) "</w:tr>"
	"<w:tr>" CELL(T("张三")) CELL(T("主席") T("委员")) "</w:tr></w:tbl>"
	"<w:p><w:r><w:t xml:space=\"preserve\">第 </w:t></w:r><w:fldSimple w:instr=\" PAGE \">"
	"<w:r><w:t>7</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> 页</w:t></w:r></w:p>"
	"</w:body></w:document>";

static const char expected[] =
	"一、甲\n（一）乙\n（二）丙\n1.丁\n二、戊\n（一）己\n2.庚\n五、辛\n③圆\n④圈\n甲、天干\n"
	"1.章\n1.1节\n1.2节\n点\n姓名\n职务\n张三\n主席\n委员\n第  页\n";

/* A ZIP archive of the given members in memory (malloc()ed). */
static char *
make_zip(size_t *len, const char *const *names, const char *const *datas, size_t n)
{
	zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, NULL);
	zip_t *za = zip_open_from_source(mem, ZIP_TRUNCATE, NULL);
	zip_stat_t st;
	char *buf;
	size_t i;
	ck_assert_ptr_nonnull(za);
	zip_source_keep(mem);
	for (i = 0; i < n; i++)
		ck_assert_int_ge(zip_file_add(za, names[i],
					      zip_source_buffer(za, datas[i], strlen(datas[i]), 0), 0), 0);
	ck_assert_int_eq(zip_close(za), 0);
	zip_stat_init(&st);
	ck_assert_int_eq(zip_source_stat(mem, &st), 0);
	ck_assert_int_eq(zip_source_open(mem), 0);
	buf = malloc(st.size);
	ck_assert_int_eq(zip_source_read(mem, buf, st.size), (zip_int64_t)st.size);
	zip_source_close(mem);
	zip_source_free(mem);
	*len = st.size;
	return buf;
}

START_TEST(test_numbering_as_word_prints_it)
{
	const char *names[] = { "[Content_Types].xml", "word/document.xml", "word/numbering.xml",
				"word/styles.xml" };
	const char *datas[] = { "<Types/>", body, numbering, styles };
	upl_report *r = NULL;
	upl_error *err = NULL;
	const char *kind = NULL;
	char *zipped, *text = NULL;
	size_t zlen, tlen = 0;
	zipped = make_zip(&zlen, names, datas, 4);
	ck_assert_int_eq(upl__office_sniff(zipped, zlen), UPL__OFFICE_ZIP);
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl__office_text(&text, &tlen, &kind, r, zipped, zlen, "n.docx", NULL, 0, &err), 0);
	ck_assert_str_eq(kind, "docx");
	ck_assert_str_eq(text, expected);
	ck_assert_uint_eq(tlen, strlen(expected));
	/* the PAGE field: dropped with one note, at its paragraph (line 21) */
	ck_assert_uint_eq(upl_report_count(r), 1);
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 0)), "import-office-field");
	ck_assert_uint_eq(upl_diag_line(upl_report_get(r, 0)), 21);
	upl__dealloc(text);
	upl_report_free(r);
	free(zipped);
}
END_TEST

/* OpenDocument: a list style with a prefix and suffix, a nested level, a
 * list continuing its style's numbering, an outline-numbered heading. */
START_TEST(test_odf_lists)
{
	static const char content[] =
		"<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
		" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
		" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"><office:automatic-styles>"
		"<text:list-style style:name=\"L1\"><text:list-level-style-number text:level=\"1\""
		" style:num-format=\"一, 二, 三, ...\" style:num-suffix=\"、\"/>"
		"<text:list-level-style-number text:level=\"2\" style:num-prefix=\"（\""
		" style:num-format=\"1\" style:num-suffix=\"）\"/></text:list-style>"
		"</office:automatic-styles><office:body><office:text>"
		"<text:list text:style-name=\"L1\"><text:list-item><text:p>甲</text:p><text:list>"
		"<text:list-item><text:p>乙</text:p></text:list-item><text:list-item><text:p>丙</text:p>"
		"</text:list-item></text:list></text:list-item></text:list><text:p>插入</text:p>"
		"<text:list text:style-name=\"L1\" text:continue-numbering=\"true\"><text:list-item>"
		"<text:p>丁</text:p></text:list-item></text:list>"
		"<text:list text:style-name=\"L1\"><text:list-item text:start-value=\"7\"><text:p>戊"
		"<text:s text:c=\"2\"/>己</text:p></text:list-item></text:list>"
		"</office:text></office:body></office:document-content>";
	const char *names[] = { "mimetype", "content.xml" };
	const char *datas[] = { "application/vnd.oasis.opendocument.text", content };
	const char *kind = NULL;
	char *zipped, *text = NULL;
	size_t zlen, tlen = 0;
	zipped = make_zip(&zlen, names, datas, 2);
	ck_assert_int_eq(upl__office_text(&text, &tlen, &kind, NULL, zipped, zlen, "l.odt", NULL, 0, NULL), 0);
	ck_assert_str_eq(kind, "odt");
	ck_assert_str_eq(text, "一、甲\n（1）乙\n（2）丙\n插入\n二、丁\n七、戊  己\n");
	upl__dealloc(text);
	free(zipped);
}
END_TEST

/* The limits come from the options: a small max_unpacked refuses what the
 * default takes. */
START_TEST(test_limits_from_options)
{
	const char *names[] = { "[Content_Types].xml", "word/document.xml" };
	const char *datas[] = { "<Types/>", "<w:document " W "><w:body>" T("字") "</w:body></w:document>" };
	upl_import_options o = UPL_IMPORT_OPTIONS_INIT;
	upl_error *err = NULL;
	const char *kind = NULL;
	char *zipped, *text = NULL;
	size_t zlen, tlen = 0;
	zipped = make_zip(&zlen, names, datas, 2);
	o.max_unpacked = 64;
	ck_assert_int_eq(upl__office_text(&text, &tlen, &kind, NULL, zipped, zlen, "s.docx", &o, 0, &err),
			 UPL_EPARSE);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "unpacks to more than the limit"));
	upl_error_free(err);
	err = NULL;
	o.max_unpacked = 0;
	ck_assert_int_eq(upl__office_text(&text, &tlen, &kind, NULL, zipped, zlen, "s.docx", &o, 0, &err), 0);
	ck_assert_str_eq(text, "字\n");
	upl__dealloc(text);
	free(zipped);
}
END_TEST

static Suite *
office_suite(void)
{
	Suite *s = suite_create("office");
	TCase *tc = tcase_create("office");
	tcase_add_test(tc, test_numbering_as_word_prints_it);
	tcase_add_test(tc, test_odf_lists);
	tcase_add_test(tc, test_limits_from_options);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(office_suite)

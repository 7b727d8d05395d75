/* Writing documents as Word files (.docx) in the layout of GB/T 9704-2012,
 * 党政机关公文格式: A4, margins 37/35/28/26 mm, 22 lines of 28 characters, body in 3号 (16 pt) 仿宋, the title in 2号 (22 pt) 小标宋
 * centred, headings of level 1 in 黑体, level 2 in 楷体, level 3 in 仿宋
 * bold, page numbers "— 1 —" in 4号 宋体 at the foot (odd pages right,
 * even pages left). Headings are real Word headings (styles 标题 1–4) and
 * every other node a paragraph of its own; a schedule is a table 月份 |
 * 工作内容 with one paragraph per activity. The parts are written as text
 * and zipped in memory by libzip, with a fixed time, so the same document
 * always gives the same bytes. upl_import_buffer() reads the result back
 * into the same structure. */
#include "config.h"

#include <string.h>
#include <time.h>

#include <zip.h>

#include <unionplan/export.h>
#include <unionplan/text.h>

#include "export-private.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Millimetres to twentieths of a point. */
#define MM(x) ((int)((x) * 1440.0 / 25.4 + 0.5))

typedef struct dw {
	upl_buf b;          /* word/document.xml */
	unsigned int flags; /* UPL_EXPORT_* */
	int rc;
	upl_error **err;
} dw;

/* Text escaped for XML (the model's text is valid UTF-8 already). */
static void
put_esc(upl_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': upl__buf_puts(b, "&amp;"); break;
		case '<': upl__buf_puts(b, "&lt;"); break;
		case '>': upl__buf_puts(b, "&gt;"); break;
		case '"': upl__buf_puts(b, "&quot;"); break;
		case '\t': upl__buf_puts(b, "</w:t><w:tab/><w:t xml:space=\"preserve\">"); break;
		case '\n': upl__buf_puts(b, "</w:t><w:br/><w:t xml:space=\"preserve\">"); break;
		default: upl__buf_putc(b, *s); break;
		}
	}
}

/* A paragraph of style (NULL: Normal) holding the pieces a, b, c in one
 * run; a label ending in ASCII punctuation gets a space before a digit, as
 * the text export does ("5. 2013年" is label 5). */
static void
para(dw *w, const char *style, const char *a, const char *b, const char *c)
{
	const char *next = b && *b ? b : c;
	upl__buf_puts(&w->b, "<w:p>");
	if (style)
		upl__buf_printf(&w->b, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
	upl__buf_puts(&w->b, "<w:r><w:t xml:space=\"preserve\">");
	put_esc(&w->b, a);
	if (a && *a && strchr(".,)", a[strlen(a) - 1]) && next && *next >= '0' && *next <= '9')
		upl__buf_putc(&w->b, ' ');
	put_esc(&w->b, b);
	put_esc(&w->b, c);
	upl__buf_puts(&w->b, "</w:t></w:r></w:p>\n");
}

/* ------------------------------------------------------------------------ */
/* The body                                                                 */

static void write_children(dw *w, const upl_node *parent, int level);

/* A table cell of the given width (twips) holding the paragraphs written
 * by the caller between cell_open and cell_close. */
static void
cell_open(dw *w, int width)
{
	upl__buf_printf(&w->b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>", width);
}

static void
cell_close(dw *w, int empty)
{
	upl__buf_puts(&w->b, empty ? "<w:p/></w:tc>" : "</w:tc>");
}

/* The month's label without the colon a line of text needs (九月： is 九月
 * in a cell), or one made from its number. */
static void
month_cell(dw *w, const upl_node *m)
{
	const char *label = upl_node_label(m);
	char *made = NULL, *num = NULL;
	size_t n;
	if (label == NULL && upl_text_numeral_format(&num, upl_node_month(m), 0) == 0) {
		upl_buf t = UPL_BUF_INIT;
		upl__buf_printf(&t, "%s月份", num);
		made = upl__buf_detach(&t, NULL);
		label = made;
	}
	upl_free(num);
	made = made ? made : upl__strdup(label ? label : "");
	if (made == NULL) {
		w->b.failed = 1;
		return;
	}
	n = strlen(made);
	if (n >= 3 && strcmp(made + n - 3, "：") == 0)
		made[n - 3] = '\0';
	else if (n >= 1 && made[n - 1] == ':')
		made[n - 1] = '\0';
	cell_open(w, MM(30));
	para(w, "TableText", made, NULL, NULL);
	cell_close(w, 0);
	upl__dealloc(made);
}

static void
schedule_row(dw *w, const upl_node *m)
{
	size_t i, k = 0, n = upl_node_child_count(m);
	upl__buf_puts(&w->b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	month_cell(w, m);
	cell_open(w, MM(126));
	for (i = 0; i < n; i++) {
		const upl_node *a = upl_node_child(m, i);
		char *fresh = NULL;
		if (upl_node_label(a) != NULL && upl_node_number(a) >= 0)
			k++;
		para(w, "TableText", upl__export_label(w->flags, a, 3, (long)k, &fresh), upl_node_text(a), NULL);
		upl_free(fresh);
	}
	cell_close(w, n == 0);
	upl__buf_puts(&w->b, "</w:tr>\n");
}

/* A schedule: its heading, then the table 月份 | 工作内容, the header row
 * repeated on each page. */
static void
write_schedule(dw *w, const upl_node *s)
{
	size_t i;
	const char *h = upl_node_heading(s);
	if (h != NULL)
		para(w, "ScheduleTitle", h, NULL, NULL);
	upl__buf_printf(&w->b,
		"<w:tbl><w:tblPr><w:tblStyle w:val=\"ScheduleTable\"/><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
		"<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"%d\"/>"
		"<w:gridCol w:w=\"%d\"/></w:tblGrid>\n<w:tr><w:trPr><w:tblHeader/></w:trPr>",
		MM(156), MM(30), MM(126));
	cell_open(w, MM(30));
	para(w, "TableHead", "月份", NULL, NULL);
	cell_close(w, 0);
	cell_open(w, MM(126));
	para(w, "TableHead", "工作内容", NULL, NULL);
	cell_close(w, 0);
	upl__buf_puts(&w->b, "</w:tr>\n");
	for (i = 0; i < upl_node_child_count(s); i++)
		if (upl_node_kind(upl_node_child(s, i)) == UPL_NODE_MONTH)
			schedule_row(w, upl_node_child(s, i));
	upl__buf_puts(&w->b, "</w:tbl>\n");
}

/* A section: a heading of its level (标题 1–4); an item: a paragraph with
 * its label, heading and text. Then the children one level down. */
static void
write_part(dw *w, const upl_node *n, int level, long number)
{
	static const char *const headings[] = { "Heading1", "Heading2", "Heading3", "Heading4" };
	char *fresh = NULL;
	const char *label = upl__export_label(w->flags, n, level, number, &fresh);
	const char *heading = upl_node_heading(n);
	int section = upl_node_kind(n) == UPL_NODE_SECTION;
	const char *text = section ? NULL : upl_node_text(n);
	if (label != NULL || heading != NULL || (text != NULL && *text != '\0'))
		para(w, section ? headings[level > 4 ? 3 : level < 1 ? 0 : level - 1] : "Item",
		     label, heading, text);
	upl_free(fresh);
	write_children(w, n, level + 1);
}

static void
write_node(dw *w, const upl_node *n, int level, long number)
{
	switch (upl_node_kind(n)) {
	case UPL_NODE_SECTION:
	case UPL_NODE_ITEM:
		/* items are written with digits, as the text export does */
		write_part(w, n, upl_node_kind(n) == UPL_NODE_ITEM && level < 3 ? 3 : level, number);
		break;
	case UPL_NODE_SCHEDULE:
		write_schedule(w, n);
		break;
	case UPL_NODE_MONTH:
	case UPL_NODE_ACTIVITY:
		para(w, "Item", upl_node_label(n), upl_node_text(n), NULL);
		break;
	case UPL_NODE_NOTE:
		para(w, "Note", upl_node_label(n), upl_node_text(n), NULL);
		break;
	default:
		para(w, NULL, upl_node_label(n), upl_node_text(n), NULL);
		break;
	}
}

/* Children in order; numbered ones of each kind counted from 1. */
static void
write_children(dw *w, const upl_node *parent, int level)
{
	long counts[2] = { 0, 0 };
	size_t i;
	for (i = 0; i < upl_node_child_count(parent); i++) {
		const upl_node *c = upl_node_child(parent, i);
		write_node(w, c, level, upl__export_count(counts, c));
	}
}

/* The front matter: organisation (unless the title says it), 发文字号,
 * title, authors (作者：, with a date of issue that is no day beside the
 * first), as the text export and the importer have them. */
static void
write_front(dw *w, const upl_plan *p)
{
	const char *title = upl_plan_title(p), *s, *issued = upl_plan_issued_text(p);
	int dateless = upl__export_dateless_issued(p);
	size_t i;
	if (title != NULL)
		para(w, "Title", title, NULL, NULL);
	if ((s = upl_plan_organization(p)) != NULL && (title == NULL || strstr(title, s) == NULL))
		para(w, "Organization", s, NULL, NULL);
	if ((s = upl_plan_docnumber(p)) != NULL)
		para(w, "DocNumber", s, NULL, NULL);
	for (i = 0; i < upl_plan_author_count(p); i++)
		para(w, "Author", "作者：", upl_plan_author(p, i), NULL);
	if (dateless) {
		/* the date goes on the first author's line: 作者：鄧麗敏 XX-02-26 */
		const char *tail = "</w:t></w:r></w:p>\n";
		char *at = strstr(w->b.data ? w->b.data : "", "<w:pStyle w:val=\"Author\"/>");
		if (at && (at = strstr(at, tail)) != NULL) {
			size_t off = (size_t)(at - w->b.data);
			upl_buf rest = UPL_BUF_INIT;
			upl__buf_puts(&rest, " ");
			put_esc(&rest, issued);
			upl__buf_puts(&rest, w->b.data + off);
			w->b.len = off;
			upl__buf_put(&w->b, rest.data ? rest.data : "", rest.len);
			if (rest.failed)
				w->b.failed = 1;
			upl__buf_free(&rest);
		}
	}
}

static void
write_plan(dw *w, const upl_plan *p, int first)
{
	long sections = 0;
	size_t i;
	const char *issued = upl_plan_issued_text(p);
	if (!first) /* each plan on a page of its own */
		upl__buf_puts(&w->b, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n");
	write_front(w, p);
	for (i = 0; i < upl_plan_block_count(p); i++) {
		const upl_node *n = upl_plan_block(p, i);
		if (upl_node_kind(n) == UPL_NODE_SECTION && upl_node_label(n) != NULL &&
		    upl_node_number(n) >= 0)
			sections++;
		write_node(w, n, 1, sections);
	}
	if (issued && !upl__export_dateless_issued(p))
		para(w, "Issued", issued, NULL, NULL);
}

/* ------------------------------------------------------------------------ */
/* The fixed parts                                                          */

/* A4, the margins, the grid: 22 lines in the 225 mm of text height (579
 * twips a line). The 28 characters of a line come from the 16 pt font in
 * the 156 mm width with punctuation compressed; a character grid
 * (linesAndChars with w:charSpace) is left out, as LibreOffice spreads
 * its characters to 17 a line. The footers of odd and even pages. */
static void
section_properties(upl_buf *b)
{
	upl__buf_printf(b,
		"<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>"
		"<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
		"<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
		"<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"%d\""
		" w:footer=\"%d\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/>"
		"<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/></w:sectPr>",
		MM(37), MM(26), MM(35), MM(28), MM(15), MM(23));
}

/* A paragraph style: id, name, the run properties and paragraph ones. */
static void
style(upl_buf *b, const char *id, const char *name, const char *ppr, const char *rpr)
{
	upl__buf_printf(b,
		"<w:style w:type=\"paragraph\" w:styleId=\"%s\"><w:name w:val=\"%s\"/>"
		"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
		"<w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>\n", id, name, ppr, rpr);
}

#define FONTS(east) "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" " \
		    "w:eastAsia=\"" east "\" w:cs=\"Times New Roman\"/>"

static void
styles_part(upl_buf *b)
{
	upl__buf_puts(b, XML_DECL "<w:styles xmlns:w=\"" W_NS "\">\n<w:docDefaults><w:rPrDefault><w:rPr>"
		FONTS("仿宋_GB2312") "<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
		"<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
		"<w:spacing w:line=\"579\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr>"
		"</w:pPrDefault></w:docDefaults>\n"
		"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
		"<w:qFormat/><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr></w:style>\n");
	style(b, "Title", "Title", "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>"
	      "<w:spacing w:after=\"579\" w:line=\"579\" w:lineRule=\"exact\"/>",
	      FONTS("方正小标宋简体") "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>");
	style(b, "Organization", "Organization", "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", "");
	style(b, "DocNumber", "Document Number", "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", "");
	style(b, "Author", "Author", "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", "");
	style(b, "Heading1", "heading 1", "<w:keepNext/><w:outlineLvl w:val=\"0\"/>", FONTS("黑体"));
	style(b, "Heading2", "heading 2", "<w:keepNext/><w:outlineLvl w:val=\"1\"/>", FONTS("楷体_GB2312"));
	style(b, "Heading3", "heading 3", "<w:keepNext/><w:outlineLvl w:val=\"2\"/>", "<w:b/><w:bCs/>");
	style(b, "Heading4", "heading 4", "<w:keepNext/><w:outlineLvl w:val=\"3\"/>", "");
	style(b, "Item", "List Paragraph", "", "");
	style(b, "Note", "Note", "", "");
	style(b, "ScheduleTitle", "Schedule Title", "<w:keepNext/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
	      "<w:jc w:val=\"center\"/>", FONTS("黑体"));
	style(b, "TableHead", "Table Heading", "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
	      "<w:jc w:val=\"center\"/>", FONTS("黑体"));
	style(b, "TableText", "Table Text", "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
	      "<w:jc w:val=\"left\"/>", "");
	style(b, "Issued", "Date", "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" w:right=\"1280\"/>"
	      "<w:jc w:val=\"right\"/>", "");
	style(b, "Footer", "footer", "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
	      "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>",
	      FONTS("宋体") "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>");
	upl__buf_puts(b, "<w:style w:type=\"table\" w:styleId=\"ScheduleTable\"><w:name w:val=\"Table Grid\"/>"
		"<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/>"
		"<w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/>"
		"<w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders>"
		"<w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
		"</w:tblCellMar></w:tblPr></w:style>\n</w:styles>\n");
}

/* The fonts GB/T 9704 names, each with the one Windows and WPS have when
 * it is missing (w:altName). */
static const char font_table[] = XML_DECL
	"<w:fonts xmlns:w=\"" W_NS "\">"
	"<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/></w:font>"
	"<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/><w:charset w:val=\"86\"/></w:font>"
	"<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/><w:charset w:val=\"86\"/></w:font>"
	"<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/><w:charset w:val=\"86\"/></w:font>"
	"<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/><w:charset w:val=\"86\"/></w:font>"
	"<w:font w:name=\"Times New Roman\"/></w:fonts>\n";

static const char settings[] = XML_DECL
	"<w:settings xmlns:w=\"" W_NS "\"><w:evenAndOddHeaders/><w:defaultTabStop w:val=\"420\"/>"
	"<w:characterSpacingControl w:val=\"compressPunctuation\"/><w:compat>"
	"<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\""
	" w:val=\"15\"/></w:compat></w:settings>\n";

/* "— 1 —" (一字线, the page number, 一字线), one character in from the
 * right edge on odd pages, from the left on even ones. */
static void
footer_part(upl_buf *b, int odd)
{
	upl__buf_printf(b, XML_DECL "<w:ftr xmlns:w=\"" W_NS "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
		"<w:ind w:%s=\"280\"/><w:jc w:val=\"%s\"/></w:pPr>"
		"<w:r><w:t xml:space=\"preserve\">— </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		"<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> —</w:t></w:r>"
		"</w:p></w:ftr>\n", odd ? "right" : "left", odd ? "right" : "left");
}

static const char content_types[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"</Types>\n";

static const char package_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" Target=\"word/document.xml\"/>"
	"</Relationships>\n";

static const char document_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" R_NS "/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" R_NS "/settings\" Target=\"settings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" R_NS "/fontTable\" Target=\"fontTable.xml\"/>"
	"<Relationship Id=\"rIdFooterOdd\" Type=\"" R_NS "/footer\" Target=\"footer1.xml\"/>"
	"<Relationship Id=\"rIdFooterEven\" Type=\"" R_NS "/footer\" Target=\"footer2.xml\"/>"
	"</Relationships>\n";

/* ------------------------------------------------------------------------ */
/* The package                                                              */

typedef struct part {
	const char *name;
	const char *data;
	size_t len;
} part;

/* Add the parts to a new archive in memory and hand its bytes over. */
static int
zip_parts(char **out, size_t *len, const part *parts, size_t n, upl_error **err)
{
	zip_error_t ze;
	zip_source_t *mem;
	zip_t *za;
	zip_stat_t st;
	size_t i;
	char *buf;
	zip_error_init(&ze);
	mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	za = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
	zip_error_fini(&ze);
	if (za == NULL) {
		zip_source_free(mem);
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "cannot create the ZIP archive");
	}
	zip_source_keep(mem);
	for (i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(za, parts[i].data, parts[i].len, 0);
		zip_int64_t idx = s ? zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			zip_source_free(s);
			break;
		}
		/* a fixed time: the same document, the same bytes */
		zip_file_set_mtime(za, (zip_uint64_t)idx, (time_t)1346457600, 0);
	}
	if (i < n || zip_close(za) != 0) {
		zip_discard(za); /* after a failed zip_close too */
		zip_source_free(mem);
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "cannot write the ZIP archive");
	}
	zip_stat_init(&st);
	if (zip_source_stat(mem, &st) != 0 || zip_source_open(mem) != 0) {
		zip_source_free(mem);
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "cannot read the ZIP archive back");
	}
	buf = upl__malloc((size_t)st.size + 1);
	if (buf == NULL || zip_source_read(mem, buf, st.size) != (zip_int64_t)st.size) {
		upl__dealloc(buf);
		zip_source_close(mem);
		zip_source_free(mem);
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	}
	buf[st.size] = '\0';
	zip_source_close(mem);
	zip_source_free(mem);
	*out = buf;
	if (len)
		*len = (size_t)st.size;
	return 0;
}

/* The document part of every plan, converted to simplified characters
 * when asked (the markup is ASCII and stays as it is). */
static int
document_part(dw *w, const upl_doc *doc, char **out, size_t *len)
{
	size_t i;
	upl__buf_puts(&w->b, XML_DECL "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:body>\n");
	for (i = 0; i < upl_doc_plan_count(doc); i++)
		write_plan(w, upl_doc_plan(doc, i), i == 0);
	section_properties(&w->b);
	upl__buf_puts(&w->b, "</w:body></w:document>\n");
	if (w->b.failed)
		return upl__error_set(w->err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	if (w->flags & UPL_EXPORT_SIMPLIFIED) {
		int rc = upl_text_to_simplified(out, len, w->b.data, w->b.len, w->err);
		upl__buf_free(&w->b);
		return rc;
	}
	*out = upl__buf_detach(&w->b, len);
	return *out ? 0 : upl__error_set(w->err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
}

int
upl_export_docx_buffer(char **out, size_t *len, const upl_doc *doc,
		       const upl_export_options *opts, upl_error **err)
{
	const unsigned int known = UPL_EXPORT_POSITIONS | UPL_EXPORT_PRETTY |
				   UPL_EXPORT_RENUMBER | UPL_EXPORT_SIMPLIFIED;
	upl_buf sty = UPL_BUF_INIT, odd = UPL_BUF_INIT, even = UPL_BUF_INIT;
	char *body = NULL;
	size_t blen = 0;
	dw w;
	int rc;
	memset(&w, 0, sizeof w);
	w.err = err;
	if ((rc = upl__export_doc_args(out, doc, opts, known, &w.flags, err)) != 0)
		return rc;
	rc = document_part(&w, doc, &body, &blen);
	styles_part(&sty);
	footer_part(&odd, 1);
	footer_part(&even, 0);
	if (rc == 0 && (sty.failed || odd.failed || even.failed))
		rc = upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	if (rc == 0) {
		const part parts[] = {
			{ "[Content_Types].xml", content_types, sizeof content_types - 1 },
			{ "_rels/.rels", package_rels, sizeof package_rels - 1 },
			{ "word/document.xml", body, blen },
			{ "word/styles.xml", sty.data, sty.len },
			{ "word/settings.xml", settings, sizeof settings - 1 },
			{ "word/fontTable.xml", font_table, sizeof font_table - 1 },
			{ "word/footer1.xml", odd.data, odd.len },
			{ "word/footer2.xml", even.data, even.len },
			{ "word/_rels/document.xml.rels", document_rels, sizeof document_rels - 1 },
		};
		rc = zip_parts(out, len, parts, sizeof parts / sizeof parts[0], err);
	}
	upl_free(body);
	upl__buf_free(&sty);
	upl__buf_free(&odd);
	upl__buf_free(&even);
	return rc;
}

int
upl_export_docx_file(const upl_doc *doc, const char *path, const upl_export_options *opts,
		     upl_error **err)
{
	return upl__export_doc_file(upl_export_docx_buffer, doc, path, opts, err);
}

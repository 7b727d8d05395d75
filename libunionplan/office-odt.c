/* OpenDocument text (.odt): content.xml read paragraph by paragraph, with
 * the list numbering of its list styles (text:list-style in the automatic
 * styles of content.xml or the styles of styles.xml, and the outline style
 * of headings) written out as the labels LibreOffice prints; tables as
 * office-table.c says; tracked changes accepted (the deletions ODF keeps
 * in text:tracked-changes are left there); notes, annotations, text boxes
 * and computed fields (page numbers, tables of contents) left out with a
 * note. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "office-private.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define DRAW_NS "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NLVL 10

/* One level of a list style. */
typedef struct od_lvl {
	const char *fmt;     /* style:num-format; NULL for a bullet or an image */
	const char *prefix, *suffix;
	long start;
	int display;         /* text:display-levels */
} od_lvl;

typedef struct od {
	off_ctx *c;
	xmlDocPtr content, styles;
	/* the counters of each list style (a list continues the last one of
	 * its style with text:continue-numbering, else starts again) */
	struct { const xmlNode *style; long count[NLVL]; } lists[32];
	size_t nlists;
	long *count;         /* those of the list being read */
	long spare[NLVL];
	const xmlNode *list_style; /* its style */
	long outline[NLVL];  /* the counters of numbered headings */
	upl_buf para;
	off_table *table;
} od;

/* The text:list-style (or text:outline-style when name is NULL) of that
 * name in the automatic styles of content.xml, then in styles.xml. */
static const xmlNode *
find_list_style(const od *o, const char *name)
{
	xmlDocPtr docs[2];
	int i;
	docs[0] = o->content;
	docs[1] = o->styles;
	for (i = 0; i < 2; i++) {
		const xmlNode *top, *k;
		if (docs[i] == NULL)
			continue;
		for (top = xmlDocGetRootElement(docs[i])->children; top; top = top->next) {
			if (!upl__off_is(top, OFFICE_NS, "automatic-styles") &&
			    !upl__off_is(top, OFFICE_NS, "styles"))
				continue;
			for (k = top->children; k; k = k->next) {
				const char *n = upl__off_attr(k, STYLE_NS, "name");
				if (name == NULL ? upl__off_is(k, TEXT_NS, "outline-style")
						 : (upl__off_is(k, TEXT_NS, "list-style") && n &&
						    strcmp(n, name) == 0))
					return k;
			}
		}
	}
	return NULL;
}

static od_lvl
list_level(const xmlNode *style, int level)
{
	od_lvl l;
	const xmlNode *k;
	memset(&l, 0, sizeof l);
	l.start = 1;
	l.display = 1;
	for (k = style ? style->children : NULL; k; k = k->next) {
		const char *lv = upl__off_attr(k, TEXT_NS, "level");
		const char *v;
		if (k->type != XML_ELEMENT_NODE || lv == NULL || atoi(lv) != level + 1)
			continue;
		if (!upl__off_is(k, TEXT_NS, "list-level-style-number") &&
		    !upl__off_is(k, TEXT_NS, "outline-level-style"))
			return l;
		l.fmt = upl__off_attr(k, STYLE_NS, "num-format");
		l.prefix = upl__off_attr(k, STYLE_NS, "num-prefix");
		l.suffix = upl__off_attr(k, STYLE_NS, "num-suffix");
		if ((v = upl__off_attr(k, TEXT_NS, "start-value")) != NULL)
			l.start = atol(v);
		if ((v = upl__off_attr(k, TEXT_NS, "display-levels")) != NULL)
			l.display = atoi(v);
		return l;
	}
	return l;
}

/* The label of the item at level (0-based) whose counters are count. */
static void
put_label(upl_buf *b, const xmlNode *style, const long *count, int level)
{
	od_lvl l = list_level(style, level);
	int j, first;
	if (l.fmt == NULL || l.fmt[0] == '\0')
		return;
	if (l.prefix)
		upl__buf_puts(b, l.prefix);
	first = level - (l.display > 1 ? l.display - 1 : 0);
	for (j = first < 0 ? 0 : first; j <= level; j++) {
		od_lvl lj = list_level(style, j);
		if (j > (first < 0 ? 0 : first))
			upl__buf_putc(b, '.');
		upl__off_num_format(b, lj.fmt ? lj.fmt : "1", count[j]);
	}
	if (l.suffix)
		upl__buf_puts(b, l.suffix);
}

/* Count an item at level and write its label; start overrides the count. */
static void
count_item(od *o, const xmlNode *style, long *count, int level, const char *start)
{
	od_lvl l = list_level(style, level);
	int k;
	if (start)
		count[level] = atol(start);
	else
		count[level] = count[level] ? count[level] + 1 : l.start;
	for (k = level + 1; k < NLVL; k++)
		count[k] = 0;
	for (k = 0; k < level; k++)
		if (count[k] == 0)
			count[k] = list_level(style, k).start;
	put_label(&o->para, style, count, level);
}

static void inline_content(od *o, const xmlNode *e, int depth);

static void
inline_item(od *o, const xmlNode *k, int depth)
{
	const char *v;
	if (upl__off_is(k, TEXT_NS, "s")) {
		long n = (v = upl__off_attr(k, TEXT_NS, "c")) ? atol(v) : 1;
		for (; n > 0 && n < 1000; n--)
			upl__buf_putc(&o->para, ' ');
	} else if (upl__off_is(k, TEXT_NS, "tab")) {
		upl__buf_putc(&o->para, '\t');
	} else if (upl__off_is(k, TEXT_NS, "line-break")) {
		upl__buf_putc(&o->para, ' ');
	} else if (upl__off_is(k, TEXT_NS, "note")) {
		upl__off_note_skip(o->c, OFF_SKIP_FOOTNOTES);
	} else if (upl__off_is(k, OFFICE_NS, "annotation")) {
		upl__off_note_skip(o->c, OFF_SKIP_COMMENTS);
	} else if (upl__off_is(k, DRAW_NS, "frame")) {
		upl__off_note_skip(o->c, OFF_SKIP_TEXTBOXES);
	} else if (upl__off_is(k, TEXT_NS, "page-number") || upl__off_is(k, TEXT_NS, "page-count")) {
		upl__off_note_field(o->c, "PAGE");
	} else if (upl__off_is(k, TEXT_NS, "number") || upl__off_is(k, OFFICE_NS, "annotation-end")) {
		/* a cached label (we count ourselves) */
	} else if (k->type == XML_ELEMENT_NODE) {
		/* text:span, text:a, fields that hold their text … */
		inline_content(o, k, depth + 1);
	}
}

static void
inline_content(od *o, const xmlNode *e, int depth)
{
	const xmlNode *k;
	if (depth > 64)
		return;
	for (k = e->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
			upl__buf_puts(&o->para, (const char *)k->content);
		else
			inline_item(o, k, depth);
	}
}

static void
para_out(od *o)
{
	if (o->para.failed) {
		o->c->oom = 1;
		return;
	}
	if (o->table) {
		upl__off_table_para(o->table, o->para.data ? o->para.data : "", o->para.len);
	} else {
		upl__off_put(o->c, o->para.data ? o->para.data : "", o->para.len);
		upl__off_end_line(o->c);
	}
	o->para.len = 0;
	if (o->para.data)
		o->para.data[0] = '\0';
}

/* A heading: numbered by the outline style when its level has a format. */
static void
heading(od *o, const xmlNode *h)
{
	const char *lv = upl__off_attr(h, TEXT_NS, "outline-level");
	int level = lv ? atoi(lv) - 1 : 0;
	const xmlNode *outline = find_list_style(o, NULL);
	if (level >= 0 && level < NLVL && outline && list_level(outline, level).fmt &&
	    list_level(outline, level).fmt[0])
		count_item(o, outline, o->outline, level, NULL);
	inline_content(o, h, 0);
	para_out(o);
}

static void block_content(od *o, const xmlNode *e, int depth, int level, const xmlNode *style);

/* The counters kept for a list style. */
static long *
style_counters(od *o, const xmlNode *style)
{
	size_t i;
	for (i = 0; i < o->nlists; i++)
		if (o->lists[i].style == style)
			return o->lists[i].count;
	if (o->nlists == sizeof o->lists / sizeof o->lists[0])
		return o->spare;
	o->lists[o->nlists].style = style;
	memset(o->lists[o->nlists].count, 0, sizeof o->lists[o->nlists].count);
	return o->lists[o->nlists++].count;
}

/* A text:list at level (0 at the top), with the style it has or inherits. */
static void
list(od *o, const xmlNode *l, int depth, int level, const xmlNode *style)
{
	const char *name = upl__off_attr(l, TEXT_NS, "style-name");
	const char *cont = upl__off_attr(l, TEXT_NS, "continue-numbering");
	const xmlNode *it;
	if (name && level == 0)
		style = find_list_style(o, name);
	if (level == 0) {
		o->count = style_counters(o, style);
		if (!(cont && strcmp(cont, "true") == 0) && !upl__off_attr(l, TEXT_NS, "continue-list"))
			memset(o->count, 0, sizeof(long) * NLVL);
		o->list_style = style;
	}
	if (o->count == NULL)
		o->count = o->spare;
	for (it = l->children; it; it = it->next) {
		const xmlNode *first;
		int header = upl__off_is(it, TEXT_NS, "list-header");
		if (!header && !upl__off_is(it, TEXT_NS, "list-item"))
			continue;
		/* the label goes before the item's first paragraph */
		for (first = it->children; first && first->type != XML_ELEMENT_NODE; first = first->next)
			;
		if (!header && level < NLVL && first && !upl__off_is(first, TEXT_NS, "list"))
			count_item(o, o->list_style, o->count, level,
				   upl__off_attr(it, TEXT_NS, "start-value"));
		block_content(o, it, depth + 1, level + 1, style);
	}
}

/* A table: rows (also inside header-rows and row groups), cells with
 * their spans; covered cells continue the cell they are covered by. */
static void
table_rows(od *o, const xmlNode *t, int depth)
{
	const xmlNode *r, *cell;
	if (depth > 16)
		return;
	for (r = t->children; r; r = r->next) {
		if (upl__off_is(r, TABLE_NS, "table-header-rows") ||
		    upl__off_is(r, TABLE_NS, "table-rows") || upl__off_is(r, TABLE_NS, "table-row-group")) {
			table_rows(o, r, depth + 1);
			continue;
		}
		if (!upl__off_is(r, TABLE_NS, "table-row"))
			continue;
		upl__off_table_row(o->table);
		for (cell = r->children; cell; cell = cell->next) {
			const char *span = upl__off_attr(cell, TABLE_NS, "number-columns-spanned");
			int covered = upl__off_is(cell, TABLE_NS, "covered-table-cell");
			long s = span ? atol(span) : 1;
			if (!covered && !upl__off_is(cell, TABLE_NS, "table-cell"))
				continue;
			upl__off_table_cell(o->table, s >= 1 && s <= 64 ? (unsigned int)s : 1, covered);
			block_content(o, cell, depth + 1, 0, NULL);
		}
	}
}

static void
table(od *o, const xmlNode *t, int depth)
{
	off_table tab;
	if (o->table) {
		block_content(o, t, depth + 1, 0, NULL); /* nested: into the outer cell */
		return;
	}
	memset(&tab, 0, sizeof tab);
	o->table = &tab;
	table_rows(o, t, depth);
	o->table = NULL;
	upl__off_table_emit(o->c, &tab);
}

static void
block_content(od *o, const xmlNode *e, int depth, int level, const xmlNode *style)
{
	const xmlNode *k;
	if (depth > 64 || e == NULL)
		return;
	for (k = e->children; k && !o->c->oom; k = k->next) {
		if (upl__off_is(k, TEXT_NS, "p")) {
			inline_content(o, k, 0);
			para_out(o);
		} else if (upl__off_is(k, TEXT_NS, "h")) {
			heading(o, k);
		} else if (upl__off_is(k, TEXT_NS, "list")) {
			list(o, k, depth + 1, level, style);
		} else if (upl__off_is(k, TABLE_NS, "table")) {
			table(o, k, depth + 1);
		} else if (upl__off_is(k, TEXT_NS, "table-of-content")) {
			upl__off_note_field(o->c, "TOC");
		} else if (upl__off_is(k, TEXT_NS, "tracked-changes")) {
			if (upl__off_child(k, TEXT_NS, "changed-region"))
				upl__off_note_revision(o->c, 1);
		} else if (upl__off_is(k, TEXT_NS, "section") || upl__off_is(k, TABLE_NS, "table-row") ||
			   upl__off_is(k, TABLE_NS, "table-cell")) {
			block_content(o, k, depth + 1, level, style);
		} else if (upl__off_is(k, DRAW_NS, "frame")) {
			upl__off_note_skip(o->c, OFF_SKIP_TEXTBOXES);
		}
	}
}

/* Whether a master page of styles.xml has a header or a footer. */
static int
has_header(const xmlNode *root)
{
	const xmlNode *m = upl__off_child(root, OFFICE_NS, "master-styles"), *p;
	for (p = m ? m->children : NULL; p; p = p->next)
		if (upl__off_child(p, STYLE_NS, "header") || upl__off_child(p, STYLE_NS, "footer"))
			return 1;
	return 0;
}

int
upl__off_odt(off_ctx *c)
{
	od o;
	const xmlNode *body, *text;
	int rc;
	memset(&o, 0, sizeof o);
	o.c = c;
	rc = upl__off_xml_part(c, "content.xml", &o.content);
	if (rc == UPL_ENOTFOUND)
		return upl__off_refuse(c, "the OpenDocument file has no content.xml",
				       "OpenDocument 文件中没有 content.xml");
	if (rc != 0)
		return rc;
	rc = upl__off_xml_part(c, "styles.xml", &o.styles);
	if (rc == UPL_ENOTFOUND)
		rc = 0;
	if (rc == 0 && o.styles && has_header(xmlDocGetRootElement(o.styles)))
		upl__off_note_skip(c, OFF_SKIP_HEADERS);
	body = upl__off_child(xmlDocGetRootElement(o.content), OFFICE_NS, "body");
	text = upl__off_child(body, OFFICE_NS, "text");
	if (rc == 0 && text == NULL)
		rc = upl__off_refuse(c, "content.xml has no office:text: not a text document",
				     "content.xml 中没有 office:text，不是文字文档");
	if (rc == 0) {
		block_content(&o, text, 0, 0, NULL);
		if (c->oom)
			rc = upl__error_set(c->err, UPL_ENOMEM, c->file, 0, 0, "%s",
					    upl_strerror(UPL_ENOMEM));
	}
	upl__buf_free(&o.para);
	xmlFreeDoc(o.content);
	xmlFreeDoc(o.styles);
	return rc;
}

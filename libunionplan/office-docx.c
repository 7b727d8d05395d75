/* WordprocessingML (.docx): word/document.xml read paragraph by paragraph,
 * with the automatic numbering of word/numbering.xml written out as the
 * labels Word prints (counters kept per abstract numbering, as Word does;
 * a w:num's w:startOverride restarts them, w:lvlRestart says when a level
 * starts again), paragraph styles from word/styles.xml (a style may carry
 * the numbering), tracked changes accepted, computed fields dropped, and
 * comments, headers, footers, footnotes and text boxes left out, each with
 * a note. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "office-private.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT_NS "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define NLVL 9
#define MAX_FIELD_DEPTH 16

typedef struct dx_lvl {
	int set;
	long start;
	char fmt[48];
	char text[64];
	int restart;       /* w:lvlRestart: -1 when not given */
	char suff;         /* 't' tab, 's' space, 'n' nothing */
} dx_lvl;

typedef struct dx_abs {
	long id;
	dx_lvl lvl[NLVL];
	long count[NLVL];
	int used[NLVL];
} dx_abs;

typedef struct dx_num {
	long id;
	size_t abs;        /* index into dx.abs, or (size_t)-1 */
	int over[NLVL];    /* w:startOverride given */
	long start[NLVL];
	dx_lvl lvl[NLVL];  /* w:lvlOverride/w:lvl, when set */
	int started;
} dx_num;

typedef struct dx_style {
	char *id;
	char *based;
	long numid;        /* -1 when none */
	int ilvl;
} dx_style;

typedef struct dx_field {
	int result;        /* past w:fldChar separate */
	int drop;          /* a computed field: its result is dropped */
} dx_field;

typedef struct dx {
	off_ctx *c;
	const char *ns;    /* the WordprocessingML namespace of this document */
	dx_abs *abs;
	size_t nabs, capabs;
	dx_num *num;
	size_t nnum, capnum;
	dx_style *sty;
	size_t nsty, capsty;
	dx_field fld[MAX_FIELD_DEPTH];
	int nfld;
	upl_buf instr;     /* the instruction of the innermost open field */
	upl_buf para;      /* the paragraph being read */
	off_table *table;  /* the table whose cells take paragraphs, or NULL */
	int oom;
} dx;

static int
is_w(const dx *d, const xmlNode *e, const char *local)
{
	return upl__off_is(e, d->ns, local);
}

static const char *
wattr(const dx *d, const xmlNode *e, const char *name)
{
	return upl__off_attr(e, d->ns, name);
}

/* w:val of child local of e, or NULL. */
static const char *
child_val(const dx *d, const xmlNode *e, const char *local)
{
	return wattr(d, upl__off_child(e, d->ns, local), "val");
}

static long
to_long(const char *s, long dflt)
{
	char *end;
	long v;
	if (s == NULL)
		return dflt;
	v = strtol(s, &end, 10);
	return end != s && v > -1000000 && v < 1000000 ? v : dflt;
}

/* ------------------------------------------------------------------------ */
/* numbering.xml                                                            */

/* The numFmt of a level: w:numFmt, or inside mc:AlternateContent (Word
 * 2010's custom formats, with a plain fallback). */
static const char *
level_format(const dx *d, const xmlNode *lvl)
{
	const xmlNode *k, *alt;
	const char *v = child_val(d, lvl, "numFmt");
	if (v && strcmp(v, "custom") == 0) {
		const char *f = wattr(d, upl__off_child(lvl, d->ns, "numFmt"), "format");
		return f ? f : v;
	}
	if (v)
		return v;
	for (alt = lvl->children; alt; alt = alt->next) {
		if (!upl__off_is(alt, MC_NS, "AlternateContent"))
			continue;
		for (k = alt->children; k; k = k->next)
			if (upl__off_is(k, MC_NS, "Fallback") && (v = child_val(d, k, "numFmt")) != NULL)
				return v;
	}
	return "decimal";
}

static void
read_level(const dx *d, const xmlNode *e, dx_lvl *l)
{
	const char *v;
	memset(l, 0, sizeof *l);
	l->set = 1;
	l->start = to_long(child_val(d, e, "start"), 1);
	snprintf(l->fmt, sizeof l->fmt, "%s", level_format(d, e));
	v = child_val(d, e, "lvlText");
	snprintf(l->text, sizeof l->text, "%s", v ? v : "");
	l->restart = (int)to_long(child_val(d, e, "lvlRestart"), -1);
	v = child_val(d, e, "suff");
	l->suff = v && strcmp(v, "space") == 0 ? 's' : v && strcmp(v, "nothing") == 0 ? 'n' : 't';
}

static void
read_abstract(dx *d, const xmlNode *e)
{
	const xmlNode *k;
	dx_abs *a;
	if (upl__grow((void **)&d->abs, &d->capabs, d->nabs + 1, sizeof *d->abs) != 0) {
		d->oom = 1;
		return;
	}
	a = &d->abs[d->nabs++];
	memset(a, 0, sizeof *a);
	a->id = to_long(wattr(d, e, "abstractNumId"), -1);
	for (k = e->children; k; k = k->next) {
		long i = to_long(wattr(d, k, "ilvl"), -1);
		if (is_w(d, k, "lvl") && i >= 0 && i < NLVL)
			read_level(d, k, &a->lvl[i]);
	}
}

static size_t
find_abstract(const dx *d, long id)
{
	size_t i;
	for (i = 0; i < d->nabs; i++)
		if (d->abs[i].id == id)
			return i;
	return (size_t)-1;
}

static void
read_num(dx *d, const xmlNode *e)
{
	const xmlNode *k, *l;
	dx_num *n;
	if (upl__grow((void **)&d->num, &d->capnum, d->nnum + 1, sizeof *d->num) != 0) {
		d->oom = 1;
		return;
	}
	n = &d->num[d->nnum++];
	memset(n, 0, sizeof *n);
	n->id = to_long(wattr(d, e, "numId"), -1);
	n->abs = find_abstract(d, to_long(child_val(d, e, "abstractNumId"), -1));
	for (k = e->children; k; k = k->next) {
		long i = to_long(wattr(d, k, "ilvl"), -1);
		const char *s;
		if (!is_w(d, k, "lvlOverride") || i < 0 || i >= NLVL)
			continue;
		if ((s = child_val(d, k, "startOverride")) != NULL) {
			n->over[i] = 1;
			n->start[i] = to_long(s, 1);
		}
		if ((l = upl__off_child(k, d->ns, "lvl")) != NULL)
			read_level(d, l, &n->lvl[i]);
	}
}

static int
read_numbering(dx *d)
{
	xmlDocPtr doc = NULL;
	const xmlNode *e;
	int rc = upl__off_xml_part(d->c, "word/numbering.xml", &doc);
	if (rc == UPL_ENOTFOUND)
		return 0;
	if (rc != 0)
		return rc;
	/* abstract numberings first: the w:num elements refer to them */
	for (e = xmlDocGetRootElement(doc)->children; e; e = e->next)
		if (is_w(d, e, "abstractNum"))
			read_abstract(d, e);
	for (e = xmlDocGetRootElement(doc)->children; e; e = e->next)
		if (is_w(d, e, "num"))
			read_num(d, e);
	xmlFreeDoc(doc);
	return d->oom ? UPL_ENOMEM : 0;
}

static dx_num *
find_num(dx *d, long id)
{
	size_t i;
	for (i = 0; i < d->nnum; i++)
		if (d->num[i].id == id)
			return &d->num[i];
	return NULL;
}

static const dx_lvl *
num_level(const dx *d, const dx_num *n, int i)
{
	if (n->lvl[i].set)
		return &n->lvl[i];
	return &d->abs[n->abs].lvl[i];
}

/* Count paragraph number at level ilvl of w:num n and append its label. */
static void
number_paragraph(dx *d, dx_num *n, int ilvl, upl_buf *b)
{
	dx_abs *a = &d->abs[n->abs];
	const dx_lvl *l = num_level(d, n, ilvl);
	const char *p;
	int k;
	if (!n->started) {
		n->started = 1;
		for (k = 0; k < NLVL; k++)
			if (n->over[k]) {
				a->count[k] = n->start[k] - 1;
				a->used[k] = 1;
			}
	}
	if (!a->used[ilvl]) {
		a->count[ilvl] = l->start - 1;
		a->used[ilvl] = 1;
	}
	a->count[ilvl]++;
	for (k = ilvl + 1; k < NLVL; k++) {
		int rs = num_level(d, n, k)->restart;
		if (rs < 0 || (rs > 0 && ilvl <= rs - 1))
			a->used[k] = 0;
	}
	if (strcmp(l->fmt, "bullet") == 0 || strcmp(l->fmt, "none") == 0)
		return;
	for (p = l->text; *p; p++) {
		if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
			int j = p[1] - '1';
			const dx_lvl *lj = num_level(d, n, j);
			upl__off_num_format(b, lj->fmt, a->used[j] ? a->count[j] : lj->start);
			p++;
		} else {
			upl__buf_putc(b, *p);
		}
	}
	if (l->suff != 'n' && l->text[0])
		upl__buf_putc(b, ' ');
}

/* ------------------------------------------------------------------------ */
/* styles.xml                                                               */

static char *
dup_attr(dx *d, const char *s)
{
	char *r;
	if (s == NULL)
		return NULL;
	r = upl__strdup(s);
	if (r == NULL)
		d->oom = 1;
	return r;
}

static void
read_style(dx *d, const xmlNode *e)
{
	const xmlNode *ppr = upl__off_child(e, d->ns, "pPr");
	const xmlNode *np = upl__off_child(ppr, d->ns, "numPr");
	dx_style *s;
	if (upl__grow((void **)&d->sty, &d->capsty, d->nsty + 1, sizeof *d->sty) != 0) {
		d->oom = 1;
		return;
	}
	s = &d->sty[d->nsty++];
	memset(s, 0, sizeof *s);
	s->id = dup_attr(d, wattr(d, e, "styleId"));
	s->based = dup_attr(d, child_val(d, e, "basedOn"));
	s->numid = np ? to_long(child_val(d, np, "numId"), -1) : -1;
	s->ilvl = np ? (int)to_long(child_val(d, np, "ilvl"), 0) : 0;
}

static int
read_styles(dx *d)
{
	xmlDocPtr doc = NULL;
	const xmlNode *e;
	int rc = upl__off_xml_part(d->c, "word/styles.xml", &doc);
	if (rc == UPL_ENOTFOUND)
		return 0;
	if (rc != 0)
		return rc;
	for (e = xmlDocGetRootElement(doc)->children; e; e = e->next) {
		const char *t = wattr(d, e, "type");
		if (is_w(d, e, "style") && t && strcmp(t, "paragraph") == 0)
			read_style(d, e);
	}
	xmlFreeDoc(doc);
	return d->oom ? UPL_ENOMEM : 0;
}

/* The numbering a paragraph style gives (through w:basedOn). */
static int
style_numbering(const dx *d, const char *id, long *numid, int *ilvl)
{
	int hops;
	for (hops = 0; id && hops < 16; hops++) {
		const dx_style *s = NULL;
		size_t i;
		for (i = 0; i < d->nsty; i++)
			if (d->sty[i].id && strcmp(d->sty[i].id, id) == 0)
				s = &d->sty[i];
		if (s == NULL)
			return 0;
		if (s->numid >= 0) {
			*numid = s->numid;
			*ilvl = s->ilvl;
			return 1;
		}
		id = s->based;
	}
	return 0;
}

/* The label of paragraph p, from its w:numPr or its style's. */
static void
paragraph_label(dx *d, const xmlNode *p, upl_buf *b)
{
	const xmlNode *ppr = upl__off_child(p, d->ns, "pPr");
	const xmlNode *np = upl__off_child(ppr, d->ns, "numPr");
	long numid = -1;
	int ilvl = 0;
	dx_num *n;
	style_numbering(d, child_val(d, ppr, "pStyle"), &numid, &ilvl);
	if (np) {
		const char *v = child_val(d, np, "ilvl");
		numid = to_long(child_val(d, np, "numId"), numid);
		if (v)
			ilvl = (int)to_long(v, 0);
	}
	if (numid <= 0 || ilvl < 0 || ilvl >= NLVL)
		return;
	n = find_num(d, numid);
	if (n == NULL || n->abs == (size_t)-1)
		return;
	number_paragraph(d, n, ilvl, b);
}

/* ------------------------------------------------------------------------ */
/* Runs and fields                                                          */

/* Whether the current text is inside a dropped field's result or a field
 * instruction. */
static int
in_hidden_field(const dx *d)
{
	int i;
	for (i = 0; i < d->nfld; i++)
		if (!d->fld[i].result || d->fld[i].drop)
			return 1;
	return 0;
}

/* Whether a field's instruction names a value the application computes. */
static int
computed_field(const char *instr, char *name, size_t size)
{
	static const char *const names[] = {
		"TOC", "PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "DATE", "TIME", "PRINTDATE",
		"SAVEDATE", "CREATEDATE", "FILENAME", "NUMWORDS", "NUMCHARS", NULL
	};
	size_t n = 0, i;
	while (*instr == ' ')
		instr++;
	while (instr[n] && instr[n] != ' ' && n + 1 < size) {
		name[n] = (char)toupper((unsigned char)instr[n]);
		n++;
	}
	name[n] = '\0';
	for (i = 0; names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

static void
field_char(dx *d, const char *type)
{
	char name[24];
	if (type == NULL)
		return;
	if (strcmp(type, "begin") == 0) {
		if (d->nfld < MAX_FIELD_DEPTH) {
			d->fld[d->nfld].result = 0;
			d->fld[d->nfld].drop = 0;
		}
		d->nfld++;
		d->instr.len = 0;
		if (d->instr.data)
			d->instr.data[0] = '\0';
	} else if (strcmp(type, "separate") == 0 && d->nfld > 0 && d->nfld <= MAX_FIELD_DEPTH) {
		dx_field *f = &d->fld[d->nfld - 1];
		f->result = 1;
		f->drop = computed_field(d->instr.data ? d->instr.data : "", name, sizeof name);
		if (f->drop)
			upl__off_note_field(d->c, name);
	} else if (strcmp(type, "end") == 0 && d->nfld > 0) {
		/* a field with no result part: PAGE in a footer, say */
		if (d->nfld <= MAX_FIELD_DEPTH && !d->fld[d->nfld - 1].result &&
		    computed_field(d->instr.data ? d->instr.data : "", name, sizeof name))
			upl__off_note_field(d->c, name);
		d->nfld--;
	}
}

static void
text_of(dx *d, const xmlNode *t)
{
	const xmlNode *k;
	if (in_hidden_field(d))
		return;
	for (k = t->children; k; k = k->next)
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
			upl__buf_puts(&d->para, (const char *)k->content);
}

/* Whether e holds a text box somewhere below it. */
static int
has_textbox(const dx *d, const xmlNode *e, int depth)
{
	const xmlNode *k;
	if (depth > 64)
		return 0;
	for (k = e->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)k->name, "txbxContent") == 0 || has_textbox(d, k, depth + 1))
			return 1;
	}
	return 0;
}

/* The instruction text of the innermost open field. */
static void
instr_of(dx *d, const xmlNode *t)
{
	const xmlNode *k;
	if (d->nfld == 0 || d->nfld > MAX_FIELD_DEPTH || d->fld[d->nfld - 1].result)
		return;
	for (k = t->children; k; k = k->next)
		if (k->type == XML_TEXT_NODE && d->instr.len < 256)
			upl__buf_puts(&d->instr, (const char *)k->content);
}

static void
run_item(dx *d, const xmlNode *k)
{
	int shown = !in_hidden_field(d);
	if (is_w(d, k, "t"))
		text_of(d, k);
	else if (is_w(d, k, "instrText"))
		instr_of(d, k);
	else if (is_w(d, k, "fldChar"))
		field_char(d, wattr(d, k, "fldCharType"));
	else if (is_w(d, k, "tab") || is_w(d, k, "ptab"))
		upl__buf_puts(&d->para, shown ? "\t" : "");
	else if (is_w(d, k, "br") || is_w(d, k, "cr"))
		upl__buf_puts(&d->para, shown ? " " : "");
	else if (is_w(d, k, "noBreakHyphen"))
		upl__buf_puts(&d->para, shown ? "-" : "");
	else if (is_w(d, k, "footnoteReference") || is_w(d, k, "endnoteReference"))
		upl__off_note_skip(d->c, OFF_SKIP_FOOTNOTES);
	else if (is_w(d, k, "commentReference"))
		upl__off_note_skip(d->c, OFF_SKIP_COMMENTS);
	else if (has_textbox(d, k, 0))
		upl__off_note_skip(d->c, OFF_SKIP_TEXTBOXES);
}

static void
run(dx *d, const xmlNode *r)
{
	const xmlNode *k;
	for (k = r->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			run_item(d, k);
}

/* A w:sdt that is a table of contents (its w:docPartGallery says so). */
static int
toc_sdt(const dx *d, const xmlNode *sdt)
{
	const xmlNode *pr = upl__off_child(sdt, d->ns, "sdtPr");
	const xmlNode *obj = upl__off_child(pr, d->ns, "docPartObj");
	const char *g = child_val(d, obj, "docPartGallery");
	return g && strstr(g, "Table of Contents") != NULL;
}

/* The content of a paragraph, in document order. */
static void
inline_content(dx *d, const xmlNode *e, int depth)
{
	const xmlNode *k;
	if (depth > 64)
		return;
	for (k = e->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (is_w(d, k, "r")) {
			run(d, k);
		} else if (is_w(d, k, "del") || is_w(d, k, "moveFrom")) {
			upl__off_note_revision(d->c, 1);
		} else if (is_w(d, k, "ins") || is_w(d, k, "moveTo")) {
			upl__off_note_revision(d->c, 0);
			inline_content(d, k, depth + 1);
		} else if (is_w(d, k, "fldSimple")) {
			char name[24];
			if (computed_field(wattr(d, k, "instr") ? wattr(d, k, "instr") : "", name,
					   sizeof name))
				upl__off_note_field(d->c, name);
			else
				inline_content(d, k, depth + 1);
		} else if (is_w(d, k, "sdt")) {
			inline_content(d, upl__off_child(k, d->ns, "sdtContent"), depth + 1);
		} else if (is_w(d, k, "commentRangeStart")) {
			upl__off_note_skip(d->c, OFF_SKIP_COMMENTS);
		} else if (is_w(d, k, "hyperlink") || is_w(d, k, "smartTag") ||
			   is_w(d, k, "customXml") || is_w(d, k, "bdo") || is_w(d, k, "dir")) {
			inline_content(d, k, depth + 1);
		} else if (upl__off_is(k, MC_NS, "AlternateContent") && has_textbox(d, k, 0)) {
			upl__off_note_skip(d->c, OFF_SKIP_TEXTBOXES);
		}
	}
}

/* A paragraph: its label, then its text, to the table's cell or a line. */
static void
paragraph(dx *d, const xmlNode *p)
{
	const xmlNode *ppr = upl__off_child(p, d->ns, "pPr");
	const xmlNode *rpr = upl__off_child(ppr, d->ns, "rPr");
	d->para.len = 0;
	if (d->para.data)
		d->para.data[0] = '\0';
	/* a paragraph whose mark was deleted and that holds nothing else */
	if (upl__off_child(rpr, d->ns, "del") && upl__off_child(p, d->ns, "r") == NULL &&
	    upl__off_child(p, d->ns, "ins") == NULL) {
		upl__off_note_revision(d->c, 1);
		return;
	}
	paragraph_label(d, p, &d->para);
	inline_content(d, p, 0);
	if (d->para.failed) {
		d->oom = 1;
		return;
	}
	if (d->table) {
		upl__off_table_para(d->table, d->para.data ? d->para.data : "", d->para.len);
	} else {
		upl__off_put(d->c, d->para.data ? d->para.data : "", d->para.len);
		upl__off_end_line(d->c);
	}
}

static void block_content(dx *d, const xmlNode *e, int depth);

/* A table cell's span and whether it continues the cell above. */
static void
cell_shape(const dx *d, const xmlNode *tc, unsigned int *span, int *merged)
{
	const xmlNode *pr = upl__off_child(tc, d->ns, "tcPr");
	const xmlNode *vm = upl__off_child(pr, d->ns, "vMerge");
	const char *v = vm ? wattr(d, vm, "val") : NULL;
	long s = to_long(child_val(d, pr, "gridSpan"), 1);
	*span = s >= 1 && s <= 64 ? (unsigned int)s : 1;
	*merged = vm != NULL && (v == NULL || strcmp(v, "continue") == 0);
}

/* The rows of a table; a table inside a cell gives its paragraphs to
 * that cell. */
static void
table_rows(dx *d, const xmlNode *tbl, int depth)
{
	const xmlNode *tr, *tc;
	for (tr = tbl->children; tr; tr = tr->next) {
		if (is_w(d, tr, "sdt") || is_w(d, tr, "customXml")) {
			table_rows(d, upl__off_child(tr, d->ns, "sdtContent") ? upl__off_child(tr, d->ns, "sdtContent") : tr, depth + 1);
			continue;
		}
		if (!is_w(d, tr, "tr"))
			continue;
		upl__off_table_row(d->table);
		for (tc = tr->children; tc; tc = tc->next) {
			unsigned int span;
			int merged;
			if (!is_w(d, tc, "tc"))
				continue;
			cell_shape(d, tc, &span, &merged);
			upl__off_table_cell(d->table, span, merged);
			block_content(d, tc, depth + 1);
		}
	}
}

static void
table(dx *d, const xmlNode *tbl, int depth)
{
	off_table t;
	if (d->table) {
		/* nested: its cells' paragraphs go to the outer cell */
		const xmlNode *tr, *tc;
		for (tr = tbl->children; tr; tr = tr->next)
			for (tc = is_w(d, tr, "tr") ? tr->children : NULL; tc; tc = tc->next)
				if (is_w(d, tc, "tc"))
					block_content(d, tc, depth + 1);
		return;
	}
	memset(&t, 0, sizeof t);
	d->table = &t;
	table_rows(d, tbl, depth);
	d->table = NULL;
	upl__off_table_emit(d->c, &t);
}

static void
section_properties(dx *d, const xmlNode *s)
{
	if (upl__off_child(s, d->ns, "headerReference") || upl__off_child(s, d->ns, "footerReference"))
		upl__off_note_skip(d->c, OFF_SKIP_HEADERS);
}

/* Paragraphs and tables of the body, a cell, a content control. */
static void
block_content(dx *d, const xmlNode *e, int depth)
{
	const xmlNode *k;
	if (depth > 64 || e == NULL)
		return;
	for (k = e->children; k && !d->oom && !d->c->oom; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (is_w(d, k, "p")) {
			const xmlNode *ppr = upl__off_child(k, d->ns, "pPr");
			paragraph(d, k);
			if (ppr && upl__off_child(ppr, d->ns, "sectPr"))
				section_properties(d, upl__off_child(ppr, d->ns, "sectPr"));
		} else if (is_w(d, k, "tbl")) {
			table(d, k, depth + 1);
		} else if (is_w(d, k, "sdt")) {
			if (toc_sdt(d, k))
				upl__off_note_field(d->c, "TOC");
			else
				block_content(d, upl__off_child(k, d->ns, "sdtContent"), depth + 1);
		} else if (is_w(d, k, "ins") || is_w(d, k, "customXml") || is_w(d, k, "moveTo")) {
			block_content(d, k, depth + 1);
		} else if (is_w(d, k, "del") || is_w(d, k, "moveFrom")) {
			upl__off_note_revision(d->c, 1);
		} else if (is_w(d, k, "sectPr")) {
			section_properties(d, k);
		}
	}
}

static void
dx_free(dx *d)
{
	size_t i;
	for (i = 0; i < d->nsty; i++) {
		upl__dealloc(d->sty[i].id);
		upl__dealloc(d->sty[i].based);
	}
	upl__dealloc(d->sty);
	upl__dealloc(d->abs);
	upl__dealloc(d->num);
	upl__buf_free(&d->instr);
	upl__buf_free(&d->para);
}

int
upl__off_docx(off_ctx *c)
{
	xmlDocPtr doc = NULL;
	const xmlNode *root, *body;
	dx d;
	int rc;
	memset(&d, 0, sizeof d);
	d.c = c;
	rc = upl__off_xml_part(c, "word/document.xml", &doc);
	if (rc == UPL_ENOTFOUND)
		return upl__off_refuse(c, "the ZIP archive has no word/document.xml: not a Word document",
				       "ZIP 压缩包中没有 word/document.xml，不是 Word 文档");
	if (rc != 0)
		return rc;
	root = xmlDocGetRootElement(doc);
	d.ns = root && root->ns && root->ns->href &&
			       strcmp((const char *)root->ns->href, W_STRICT_NS) == 0
		       ? W_STRICT_NS : W_NS;
	body = upl__off_child(root, d.ns, "body");
	if (body == NULL) {
		xmlFreeDoc(doc);
		return upl__off_refuse(c, "word/document.xml has no w:body: not a Word document",
				       "word/document.xml 中没有 w:body，不是 Word 文档");
	}
	rc = read_styles(&d);
	if (rc == 0)
		rc = read_numbering(&d);
	if (rc == 0) {
		block_content(&d, body, 0);
		if (d.oom || c->oom)
			rc = upl__error_set(c->err, UPL_ENOMEM, c->file, 0, 0, "%s",
					    upl_strerror(UPL_ENOMEM));
	}
	xmlFreeDoc(doc);
	dx_free(&d);
	return rc;
}

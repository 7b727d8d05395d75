/* Writing documents as Chinese text in the style of GB/T 9704: what
 * upl_import_buffer() reads back into the same structure. */
#include "config.h"

#include <string.h>

#include <unionplan/export.h>
#include <unionplan/text.h>

#include "export-private.h"

/* Two ideographic spaces: the indent of a paragraph. */
#define INDENT "\xE3\x80\x80\xE3\x80\x80"

/* The columns of a GB/T 9704 line (28 characters of 2 columns): where a
 * title is centred when no width is given. */
#define PAGE_COLUMNS 56

/* What one export writes with. */
typedef struct tw {
	upl_buf b;          /* the plan being written */
	unsigned int flags; /* UPL_EXPORT_* */
	size_t width;       /* 0: no wrapping */
	int rc;             /* the first failure, sticky */
	upl_error **err;
} tw;

/* One line: the text, wrapped to the width when there is one, then "\n". */
static void
put_line(tw *w, const char *s, size_t len)
{
	upl_text_span *v = NULL;
	size_t n = 0, i;
	int rc;
	if (w->rc != 0)
		return;
	if (w->width == 0 || len == 0) {
		upl__buf_put(&w->b, s, len);
		upl__buf_putc(&w->b, '\n');
		return;
	}
	rc = upl_text_wrap_lines(&v, &n, s, len, 0, w->width, 0, w->err);
	if (rc != 0) {
		w->rc = rc;
		return;
	}
	for (i = 0; i < n; i++) {
		upl__buf_put(&w->b, s + v[i].offset, v[i].len);
		upl__buf_putc(&w->b, '\n');
	}
	upl_free(v);
}

/* A line made of up to three pieces (NULL pieces are left out). A label
 * ending in ASCII punctuation gets a space before a digit: "5. 2013年" is
 * label 5, "5.2013年" an amount. */
static void
put_line3(tw *w, const char *a, const char *b, const char *c)
{
	upl_buf line = UPL_BUF_INIT;
	const char *next = b && *b ? b : c;
	upl__buf_puts(&line, a ? a : "");
	if (line.len > 0 && strchr(".,)", line.data[line.len - 1]) != NULL && next &&
	    *next >= '0' && *next <= '9')
		upl__buf_putc(&line, ' ');
	upl__buf_puts(&line, b ? b : "");
	upl__buf_puts(&line, c ? c : "");
	if (line.failed)
		w->b.failed = 1;
	else
		put_line(w, line.data ? line.data : "", line.len);
	upl__buf_free(&line);
}

/* The title, centred in the width, or on a GB/T 9704 line when there is
 * none (the importer takes a centred first line for the title, whatever
 * its words). */
static void
put_title(tw *w, const char *title)
{
	size_t tw_cols = 0, pad, width = w->width > 0 ? w->width : PAGE_COLUMNS;
	if (*title != '\0' && upl_text_width(&tw_cols, title, UPL_TEXT_NUL, 0) == 0 &&
	    tw_cols < width) {
		for (pad = (width - tw_cols) / 2; pad > 0; pad--)
			upl__buf_putc(&w->b, ' ');
	}
	put_line(w, title, strlen(title));
}

/* The label to write for a numbered node (see upl__export_label()). */
static const char *
label_for(tw *w, const upl_node *n, int level, long number, char **fresh)
{
	return upl__export_label(w->flags, n, level, number, fresh);
}

static void write_children(tw *w, const upl_node *parent, int level);

/* A paragraph, its first line indented; the lines after a line break in
 * it start flush left, which the importer reads as the same paragraph. */
static void
write_paragraph(tw *w, const upl_node *n)
{
	const char *t = upl_node_text(n), *nl;
	if (t == NULL || (nl = strchr(t, '\n')) == NULL) {
		put_line3(w, INDENT, upl_node_label(n), t);
		return;
	}
	{
		upl_buf first = UPL_BUF_INIT;
		upl__buf_put(&first, t, (size_t)(nl - t));
		if (first.failed)
			w->b.failed = 1;
		else
			put_line3(w, INDENT, upl_node_label(n), first.data ? first.data : "");
		upl__buf_free(&first);
	}
	for (t = nl + 1; (nl = strchr(t, '\n')) != NULL; t = nl + 1)
		put_line(w, t, (size_t)(nl - t));
	put_line(w, t, strlen(t));
}

/* A blank line, unless the text so far ends with one. */
static void
blank_line(tw *w)
{
	if (w->b.len < 2 || w->b.data[w->b.len - 1] != '\n' || w->b.data[w->b.len - 2] != '\n')
		upl__buf_putc(&w->b, '\n');
}

/* A note: its label and text; one without a label is a remark as GB/T
 * 9704 writes one (附注): in brackets, indented, after a blank line. */
static void
write_note(tw *w, const upl_node *n)
{
	if (upl_node_label(n) != NULL) {
		put_line3(w, upl_node_label(n), upl_node_text(n), NULL);
		return;
	}
	blank_line(w);
	put_line3(w, INDENT "（", upl_node_text(n), "）");
}

static void
write_month(tw *w, const upl_node *m)
{
	size_t i, k = 0;
	const char *label = upl_node_label(m);
	char *made = NULL;
	if (label == NULL) {
		char *num = NULL;
		if (upl_text_numeral_format(&num, upl_node_month(m), 0) == 0) {
			upl_buf t = UPL_BUF_INIT;
			upl__buf_printf(&t, "%s月份：", num);
			made = upl__buf_detach(&t, NULL);
		}
		upl_free(num);
		label = made ? made : "";
	}
	put_line(w, label, strlen(label));
	upl__dealloc(made);
	for (i = 0; i < upl_node_child_count(m); i++) {
		const upl_node *a = upl_node_child(m, i);
		char *fresh = NULL;
		const char *al;
		if (upl_node_label(a) != NULL && upl_node_number(a) >= 0)
			k++;
		al = label_for(w, a, 3, (long)k, &fresh);
		put_line3(w, al, upl_node_text(a), NULL);
		upl_free(fresh);
	}
}

static void
write_schedule(tw *w, const upl_node *s)
{
	size_t i;
	const char *h = upl_node_heading(s);
	if (h != NULL)
		put_line(w, h, strlen(h));
	for (i = 0; i < upl_node_child_count(s); i++)
		write_month(w, upl_node_child(s, i));
}

/* A section or an item headed by its label and heading (an item's text
 * follows its heading on the same line), then its children one level
 * down. */
static void
write_part(tw *w, const upl_node *n, int level, long number)
{
	char *fresh = NULL;
	const char *label = label_for(w, n, level, number, &fresh);
	const char *heading = upl_node_heading(n);
	const char *text = upl_node_kind(n) == UPL_NODE_ITEM ? upl_node_text(n) : NULL;
	if (label != NULL || heading != NULL || (text != NULL && *text != '\0'))
		put_line3(w, label, heading, text);
	/* a blank line after a section's heading or before an item's
	 * children: the importer would join a line without a full stop to
	 * the text below it after a run of numbered lines (page-chunk
	 * markers) */
	if ((upl_node_kind(n) == UPL_NODE_SECTION && (label != NULL || heading != NULL)) ||
	    (upl_node_kind(n) == UPL_NODE_ITEM && upl_node_child_count(n) > 0))
		upl__buf_putc(&w->b, '\n');
	upl_free(fresh);
	write_children(w, n, level + 1);
}

int
upl__export_child_level(const upl_node *c, int level)
{
	if (upl_node_kind(c) == UPL_NODE_ITEM && level < 3)
		return 3;
	return level;
}

static void
write_node(tw *w, const upl_node *n, int level, long number)
{
	switch (upl_node_kind(n)) {
	case UPL_NODE_SECTION:
	case UPL_NODE_ITEM:
		write_part(w, n, upl__export_child_level(n, level), number);
		break;
	case UPL_NODE_SCHEDULE:
		write_schedule(w, n);
		break;
	case UPL_NODE_MONTH:
		write_month(w, n);
		break;
	case UPL_NODE_ACTIVITY:
		put_line3(w, upl_node_label(n), upl_node_text(n), NULL);
		break;
	case UPL_NODE_NOTE:
		write_note(w, n);
		break;
	default:
		write_paragraph(w, n);
		break;
	}
}

long
upl__export_count(long counts[2], const upl_node *c)
{
	long *k = &counts[upl_node_kind(c) == UPL_NODE_ITEM];
	if (upl_node_label(c) != NULL && upl_node_number(c) >= 0)
		++*k;
	return *k;
}

/* Children in order; numbered ones of each kind counted from 1. */
static void
write_children(tw *w, const upl_node *parent, int level)
{
	long counts[2] = { 0, 0 };
	size_t i;
	for (i = 0; i < upl_node_child_count(parent); i++) {
		const upl_node *c = upl_node_child(parent, i);
		write_node(w, c, level, upl__export_count(counts, c));
	}
}

int
upl__export_dateless_issued(const upl_plan *p)
{
	upl_date d = upl_plan_issued_date(p);
	return upl_plan_issued_text(p) != NULL && d.year == 0 && d.month == 0 &&
	       upl_plan_author_count(p) > 0;
}

/* The front matter: title, organisation, 发文字号, authors. The period is
 * the title's (the importer reads it there and nowhere else: a line of
 * its own would come back as a paragraph). */
static void
write_front(tw *w, const upl_plan *p)
{
	const char *title = upl_plan_title(p), *s;
	size_t i;
	if (title != NULL)
		put_title(w, title);
	if ((s = upl_plan_organization(p)) != NULL &&
	    (title == NULL || strstr(title, s) == NULL))
		put_line(w, s, strlen(s));
	if ((s = upl_plan_docnumber(p)) != NULL)
		put_line(w, s, strlen(s));
	for (i = 0; i < upl_plan_author_count(p); i++) {
		/* a date the importer found on a byline (作者：鄧麗敏 XX-02-26) */
		const char *d = i == 0 && upl__export_dateless_issued(p) ? upl_plan_issued_text(p) : NULL;
		put_line3(w, "作者：", upl_plan_author(p, i), NULL);
		if (d != NULL) {
			w->b.len--; /* the newline: the date goes on the same line */
			upl__buf_putc(&w->b, ' ');
			put_line(w, d, strlen(d));
		}
	}
	upl__buf_putc(&w->b, '\n');
}

/* One plan into w->b: front matter, body, the date it was issued. */
static void
write_plan(tw *w, const upl_plan *p)
{
	long sections = 0;
	size_t i;
	const char *issued;
	write_front(w, p);
	for (i = 0; i < upl_plan_block_count(p); i++) {
		const upl_node *n = upl_plan_block(p, i);
		if (upl_node_kind(n) == UPL_NODE_SECTION && upl_node_label(n) != NULL &&
		    upl_node_number(n) >= 0)
			sections++;
		write_node(w, n, 1, sections);
	}
	if ((issued = upl_plan_issued_text(p)) != NULL && !upl__export_dateless_issued(p)) {
		upl__buf_putc(&w->b, '\n');
		put_line(w, issued, strlen(issued));
	}
}

/* Renumbering: the style of a label at a GB/T 9704 level. */
static upl_label_style
level_style(int level)
{
	static const upl_label_style styles[] = {
		UPL_LABEL_HAN_COMMA, UPL_LABEL_HAN_PAREN, UPL_LABEL_DIGIT_DOT,
		UPL_LABEL_DIGIT_PAREN, UPL_LABEL_CIRCLED
	};
	if (level < 1)
		level = 1;
	return styles[level > 5 ? 4 : level - 1];
}

const char *
upl__export_label(unsigned int flags, const upl_node *n, int level, long number, char **fresh)
{
	const char *label = upl_node_label(n);
	*fresh = NULL;
	if (label == NULL || !(flags & UPL_EXPORT_RENUMBER) || upl_node_number(n) < 0)
		return label;
	if (upl_text_label_format(fresh, level_style(level), number) != 0)
		return label; /* out of the style's range: keep the label as written */
	return *fresh;
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                             */

static int
text_opts(const upl_export_options *opts, tw *w, upl_error **err)
{
	const unsigned int known = UPL_EXPORT_POSITIONS | UPL_EXPORT_PRETTY |
				   UPL_EXPORT_RENUMBER | UPL_EXPORT_SIMPLIFIED;
	int rc = upl__export_opts(opts, known, &w->flags, err);
	if (rc != 0 || opts == NULL)
		return rc;
	if (opts->version >= 2)
		w->width = opts->width;
	return 0;
}

/* Plan i of doc appended to out, converted to simplified characters when
 * asked: 0 or an error code. */
static int
put_plan(upl_buf *out, tw *w, const upl_plan *p)
{
	char *simp = NULL;
	size_t n = 0;
	int rc;
	write_plan(w, p);
	if (w->rc == 0 && w->b.failed)
		w->rc = upl__error_set(w->err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	if (w->rc != 0)
		return w->rc;
	if (w->flags & UPL_EXPORT_SIMPLIFIED) {
		rc = upl_text_to_simplified(&simp, &n, w->b.data ? w->b.data : "", w->b.len,
					    w->err);
		if (rc != 0)
			return rc;
		upl__buf_put(out, simp, n);
		upl_free(simp);
	} else {
		upl__buf_put(out, w->b.data ? w->b.data : "", w->b.len);
	}
	upl__buf_free(&w->b);
	return 0;
}

int
upl_export_text_buffer(char **out, size_t *len, const upl_doc *doc,
		       const upl_export_options *opts, upl_error **err)
{
	upl_buf b = UPL_BUF_INIT;
	tw w;
	size_t i;
	int rc;
	memset(&w, 0, sizeof w);
	w.err = err;
	if (out == NULL || doc == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if ((rc = text_opts(opts, &w, err)) != 0)
		return rc;
	if (upl_doc_plan_count(doc) == 0)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "the document has no plans");
	for (i = 0; i < upl_doc_plan_count(doc) && rc == 0; i++) {
		if (i > 0) /* blank lines before the next plan */
			upl__buf_puts(&b, "\n\n");
		rc = put_plan(&b, &w, upl_doc_plan(doc, i));
	}
	upl__buf_free(&w.b);
	return upl__buf_finish(&b, rc, out, len, err);
}

int
upl_export_text_file(const upl_doc *doc, const char *path, const upl_export_options *opts,
		     upl_error **err)
{
	return upl__export_doc_file(upl_export_text_buffer, doc, path, opts, err);
}

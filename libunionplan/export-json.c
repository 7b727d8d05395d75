/* Writing documents as JSON and JSON Lines (the shape is doc/json.md). */
#include "config.h"

#include <unionplan/calendar.h>
#include <unionplan/export.h>

#include "export-private.h"
#include "json-private.h"
#include "plan-private.h"

/* ------------------------------------------------------------------------ */
/* String literals                                                          */

int
upl__json_put_string(upl_buf *b, const char *s, size_t n, int replace, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, l;
	upl__buf_putc(b, '"');
	while (i < n) {
		unsigned char c = p[i];
		if (c >= 0x80) {
			if (upl__utf8_decode(s + i, n - i, &l) < 0) {
				if (!replace) {
					if (bad)
						*bad = i;
					return -1;
				}
				upl__buf_puts(b, "\\ufffd");
			} else {
				upl__buf_put(b, s + i, l);
			}
			i += l;
			continue;
		}
		if (c == '"' || c == '\\') {
			upl__buf_putc(b, '\\');
			upl__buf_putc(b, (char)c);
		} else if (c == '\n') {
			upl__buf_puts(b, "\\n");
		} else if (c == '\r') {
			upl__buf_puts(b, "\\r");
		} else if (c == '\t') {
			upl__buf_puts(b, "\\t");
		} else if (c < 0x20 || c == 0x7F) {
			upl__buf_printf(b, "\\u%04x", (unsigned int)c);
		} else {
			upl__buf_putc(b, (char)c);
		}
		i++;
	}
	upl__buf_putc(b, '"');
	return 0;
}

int
upl_json_quote(char **out, size_t *len, const char *s, size_t n, unsigned int flags,
	       upl_error **err)
{
	upl_buf b = UPL_BUF_INIT;
	size_t bad = 0;
	if (out == NULL || (flags & ~UPL_JSON_REPLACE_INVALID) != 0)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if (s == NULL)
		s = "";
	if (n == (size_t)-1)
		n = strlen(s);
	if (upl__json_put_string(&b, s, n, (flags & UPL_JSON_REPLACE_INVALID) != 0, &bad) != 0) {
		upl__buf_free(&b);
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0,
				      "byte %zu (0x%02X) is not valid UTF-8", bad,
				      (unsigned int)(unsigned char)s[bad]);
	}
	*out = upl__buf_detach(&b, len);
	if (*out == NULL)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

/* ------------------------------------------------------------------------ */
/* The writer: objects, arrays, members                                     */

typedef struct jw {
	upl_buf *b;
	upl_error **err;
	int failed;     /* set with a message in *err */
	int pretty, positions;
	int depth;
	int first;      /* no member or element written yet in the open container */
	int traditional; /* the plan being written is in zh-Hant */
} jw;

static void
newline(jw *w)
{
	int i;
	if (!w->pretty)
		return;
	upl__buf_putc(w->b, '\n');
	for (i = 0; i < w->depth; i++)
		upl__buf_put(w->b, "  ", 2);
}

static void
open_c(jw *w, char c)
{
	upl__buf_putc(w->b, c);
	w->depth++;
	w->first = 1;
}

static void
close_c(jw *w, char c)
{
	w->depth--;
	if (!w->first)
		newline(w);
	upl__buf_putc(w->b, c);
	w->first = 0;
}

/* Start the next element of an array. */
static void
elem(jw *w)
{
	if (!w->first)
		upl__buf_putc(w->b, ',');
	w->first = 0;
	newline(w);
}

/* Start the member name of an object. */
static void
key(jw *w, const char *name)
{
	elem(w);
	upl__buf_printf(w->b, "\"%s\":", name);
	if (w->pretty)
		upl__buf_putc(w->b, ' ');
}

static void
put_str(jw *w, const char *what, const char *s)
{
	size_t bad = 0;
	if (s == NULL) {
		upl__buf_puts(w->b, "null");
		return;
	}
	if (w->failed)
		return;
	if (upl__json_put_string(w->b, s, strlen(s), 0, &bad) != 0) {
		upl__error_set(w->err, UPL_EINVAL, NULL, 0, 0, "%s: byte %zu (0x%02X) is not valid UTF-8",
			       what, bad, (unsigned int)(unsigned char)s[bad]);
		w->failed = 1;
	}
}

static void
mem_str(jw *w, const char *name, const char *s)
{
	key(w, name);
	put_str(w, name, s);
}

/* A number, or null when it equals none. */
static void
mem_int(jw *w, const char *name, int value, int none)
{
	key(w, name);
	if (value == none)
		upl__buf_puts(w->b, "null");
	else
		upl__buf_printf(w->b, "%d", value);
}

static void
mem_date(jw *w, const char *name, upl_date d)
{
	char buf[UPL_DATE_ISO_SIZE];
	mem_str(w, name, upl_date_format(buf, d) == 0 ? buf : NULL);
}

/* "name": {"line": L, "column": C}, or null when unknown; only with
 * positions. */
static void
mem_pos(jw *w, const char *name, upl_pos pos)
{
	if (!w->positions)
		return;
	key(w, name);
	if (pos.line == 0) {
		upl__buf_puts(w->b, "null");
		return;
	}
	open_c(w, '{');
	mem_int(w, "line", (int)pos.line, -1);
	mem_int(w, "column", (int)pos.column, -1);
	close_c(w, '}');
}

/* ------------------------------------------------------------------------ */
/* The model                                                                */

static void write_node(jw *w, const upl_node *n);

/* Member k: an array of the nodes given. */
static void
mem_nodes(jw *w, const char *k, upl_node *const *nodes, size_t n)
{
	size_t i;
	key(w, k);
	open_c(w, '[');
	for (i = 0; i < n && !w->failed; i++) {
		elem(w);
		write_node(w, nodes[i]);
	}
	close_c(w, ']');
}

static void
mem_children(jw *w, const upl_node *n)
{
	mem_nodes(w, "children", n->children, n->nchildren);
}

static void
mem_heading(jw *w, const upl_node *n)
{
	mem_str(w, "heading", n->heading);
	mem_pos(w, "heading_position", n->heading_pos);
}

static void
mem_holiday(jw *w, const char *holiday)
{
	key(w, "holiday");
	if (holiday == NULL) {
		upl__buf_puts(w->b, "null");
		return;
	}
	open_c(w, '{');
	mem_str(w, "key", holiday);
	mem_str(w, "name", upl_holiday_name(holiday, w->traditional));
	close_c(w, '}');
}

/* A node's members in the order of its XML form: the attributes, then
 * the heading, the text and the children. */
static void
write_node(jw *w, const upl_node *n)
{
	open_c(w, '{');
	mem_str(w, "kind", upl_kind_name(n->kind));
	mem_pos(w, "position", n->pos);
	switch (n->kind) {
	case UPL_NODE_MONTH:
		mem_int(w, "month", n->month, 0);
		mem_int(w, "to", n->month_to, 0);
		mem_int(w, "year", n->year, 0);
		mem_str(w, "label", n->label);
		break;
	case UPL_NODE_SCHEDULE:
		break;
	case UPL_NODE_PARAGRAPH:
		mem_str(w, "label", n->label);
		break;
	default:
		mem_str(w, "label", n->label);
		mem_int(w, "number", n->number, -1);
		break;
	}
	if (n->kind == UPL_NODE_SECTION) {
		mem_int(w, "level", n->level, 0);
		mem_str(w, "role", upl_role_name(n->role));
	} else if (n->kind == UPL_NODE_ACTIVITY) {
		mem_date(w, "date", n->date);
		mem_holiday(w, n->holiday);
		mem_str(w, "relation", upl_relation_name(n->relation));
	}
	if (n->kind == UPL_NODE_SECTION || n->kind == UPL_NODE_ITEM || n->kind == UPL_NODE_SCHEDULE)
		mem_heading(w, n);
	if (n->kind != UPL_NODE_SECTION && n->kind != UPL_NODE_SCHEDULE && n->kind != UPL_NODE_MONTH)
		mem_str(w, "text", n->text);
	if (n->kind == UPL_NODE_SECTION || n->kind == UPL_NODE_ITEM || n->kind == UPL_NODE_SCHEDULE ||
	    n->kind == UPL_NODE_MONTH)
		mem_children(w, n);
	close_c(w, '}');
}

static void
write_period(jw *w, const upl_plan *p)
{
	key(w, "period");
	if (p->period_kind == UPL_PERIOD_NONE) {
		upl__buf_puts(w->b, "null");
		return;
	}
	open_c(w, '{');
	mem_pos(w, "position", p->period_pos);
	mem_str(w, "kind", upl_period_kind_name(p->period_kind));
	mem_date(w, "start", p->period_start);
	mem_date(w, "end", p->period_end);
	mem_int(w, "schoolyear", p->schoolyear, 0);
	mem_int(w, "term", p->term, 0);
	mem_str(w, "text", p->period_text);
	close_c(w, '}');
}

static void
write_meta(jw *w, const upl_plan *p)
{
	size_t i;
	key(w, "meta");
	open_c(w, '{');
	mem_pos(w, "position", p->meta_pos);
	mem_str(w, "title", p->title);
	mem_pos(w, "title_position", p->title_pos);
	mem_str(w, "organization", p->organization);
	key(w, "authors");
	open_c(w, '[');
	for (i = 0; i < p->nauthors; i++) {
		elem(w);
		put_str(w, "author", p->authors[i]);
	}
	close_c(w, ']');
	mem_str(w, "docnumber", p->docnumber);
	mem_pos(w, "docnumber_position", p->docnumber_pos);
	write_period(w, p);
	key(w, "issued");
	if (p->has_issued) {
		open_c(w, '{');
		mem_pos(w, "position", p->issued_pos);
		mem_date(w, "date", p->issued_date);
		mem_str(w, "text", p->issued_text);
		close_c(w, '}');
	} else {
		upl__buf_puts(w->b, "null");
	}
	key(w, "source");
	if (p->has_source) {
		open_c(w, '{');
		mem_str(w, "file", p->source_file);
		mem_str(w, "encoding", p->source_encoding);
		close_c(w, '}');
	} else {
		upl__buf_puts(w->b, "null");
	}
	close_c(w, '}');
}

static void
write_plan(jw *w, const upl_plan *p)
{
	w->traditional = p->lang != NULL && strcmp(p->lang, "zh-Hant") == 0;
	open_c(w, '{');
	mem_str(w, "lang", p->lang);
	mem_pos(w, "position", p->pos);
	write_meta(w, p);
	mem_nodes(w, "body", p->blocks, p->nblocks);
	close_c(w, '}');
}

/* One document as one JSON object, without the final newline. */
static int
write_doc(upl_buf *b, const upl_doc *doc, unsigned int flags, upl_error **err)
{
	jw w;
	size_t i;
	memset(&w, 0, sizeof w);
	w.b = b;
	w.err = err;
	w.pretty = (flags & UPL_EXPORT_PRETTY) != 0;
	w.positions = (flags & UPL_EXPORT_POSITIONS) != 0;
	if (doc->nplans == 0)
		return upl__error_set(err, UPL_EINVAL, doc->name, 0, 0, "document holds no plan");
	open_c(&w, '{');
	mem_str(&w, "format", "unionplan");
	mem_int(&w, "version", UPL_JSON_VERSION, -1);
	if (w.positions) {
		mem_str(&w, "file", doc->name);
		mem_pos(&w, "position", doc->pos);
	}
	key(&w, "collection");
	upl__buf_puts(b, upl_doc_is_collection(doc) ? "true" : "false");
	key(&w, "plans");
	open_c(&w, '[');
	for (i = 0; i < doc->nplans && !w.failed; i++) {
		elem(&w);
		write_plan(&w, doc->plans[i]);
	}
	close_c(&w, ']');
	close_c(&w, '}');
	if (w.failed)
		return UPL_EINVAL;
	if (b->failed)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                             */

int
upl__export_opts(const upl_export_options *opts, unsigned int known, unsigned int *flags,
		 upl_error **err)
{
	*flags = 0;
	if (opts == NULL)
		return 0;
	if (opts->version < 1 || opts->version > UPL_EXPORT_OPTIONS_VERSION)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "unknown options version %u",
				      opts->version);
	if ((opts->flags & ~known) != 0)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "unknown flag 0x%x in the options",
				      opts->flags & ~known);
	*flags = opts->flags;
	return 0;
}

int
upl__export_doc_args(char **out, const upl_doc *doc, const upl_export_options *opts,
		     unsigned int known, unsigned int *flags, upl_error **err)
{
	int rc;
	if (out == NULL || doc == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if ((rc = upl__export_opts(opts, known, flags, err)) != 0)
		return rc;
	if (upl_doc_plan_count(doc) == 0)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "the document has no plans");
	return 0;
}

int
upl__export_check_utf8(const char *s, size_t n, upl_error **err)
{
	size_t bad = 0;
	if (upl__utf8_valid(s, n, &bad))
		return 0;
	return upl__error_set(err, UPL_EINVAL, NULL, 0, 0,
			      "byte %zu (0x%02X) of \"%.*s\" is not valid UTF-8", bad,
			      (unsigned int)(unsigned char)s[bad], (int)bad, s);
}

int
upl__export_doc_file(upl__doc_export_fn fn, const upl_doc *doc, const char *path,
		     const upl_export_options *opts, upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (path == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no file name given");
	rc = fn(&data, &len, doc, opts, err);
	return upl__write_built(path, rc, data, len, err);
}

static int
check_opts(const upl_export_options *opts, unsigned int *flags, upl_error **err)
{
	return upl__export_opts(opts, UPL_EXPORT_POSITIONS | UPL_EXPORT_PRETTY, flags, err);
}

/* docs[0..n) one after the other, each followed by a newline. */
static int
export_docs(char **out, size_t *len, const upl_doc *const *docs, size_t n, int lines,
	    const upl_export_options *opts, upl_error **err)
{
	upl_buf b = UPL_BUF_INIT;
	unsigned int flags;
	size_t i;
	int rc;
	if (out == NULL || (docs == NULL && n > 0))
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if ((rc = check_opts(opts, &flags, err)) != 0)
		return rc;
	if (lines)
		flags &= ~UPL_EXPORT_PRETTY;
	for (i = 0; i < n; i++) {
		if (docs[i] == NULL) {
			rc = upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no document given");
			break;
		}
		if ((rc = write_doc(&b, docs[i], flags, err)) != 0)
			break;
		upl__buf_putc(&b, '\n');
	}
	return upl__buf_finish(&b, rc, out, len, err);
}

int
upl_export_json_buffer(char **out, size_t *len, const upl_doc *doc,
		       const upl_export_options *opts, upl_error **err)
{
	if (doc == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no document given");
	return export_docs(out, len, &doc, 1, 0, opts, err);
}

int
upl_export_jsonl_buffer(char **out, size_t *len, const upl_doc *const *docs, size_t n,
			const upl_export_options *opts, upl_error **err)
{
	return export_docs(out, len, docs, n, 1, opts, err);
}

static int
to_file(const upl_doc *const *docs, size_t n, int lines, const char *path,
	const upl_export_options *opts, upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (path == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no file name given");
	if (!lines && docs[0] == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no document given");
	rc = export_docs(&data, &len, docs, n, lines, opts, err);
	return upl__write_built(path, rc, data, len, err);
}

int
upl_export_json_file(const upl_doc *doc, const char *path, const upl_export_options *opts,
		     upl_error **err)
{
	return to_file(&doc, 1, 0, path, opts, err);
}

int
upl_export_jsonl_file(const upl_doc *const *docs, size_t n, const char *path,
		      const upl_export_options *opts, upl_error **err)
{
	return to_file(docs, n, 1, path, opts, err);
}

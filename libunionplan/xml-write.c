/* Writing plan documents in canonical form. */
#include "config.h"

#include "plan-private.h"
#include "xml-private.h"

typedef struct writer {
	upl_buf *b;
	upl_error **err;
	int failed;
} writer;

static void
indent(writer *w, int depth)
{
	int i;
	for (i = 0; i < depth; i++)
		upl__buf_put(w->b, "  ", 2);
}

/* Length of the UTF-8 sequence at s that XML 1.0 can carry, or 0. */
static size_t
xml_char(const unsigned char *s, size_t n)
{
	size_t l;
	int32_t c;
	if (s[0] < 0x80)
		return (s[0] >= 0x20 || s[0] == '\t' || s[0] == '\n' || s[0] == '\r') ? 1 : 0;
	c = upl__utf8_decode((const char *)s, n, &l);
	return (c < 0 || c == 0xFFFE || c == 0xFFFF) ? 0 : l;
}

static void
put_escaped(writer *w, const char *what, const char *s, int attr)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	if (w->failed)
		return;
	while (i < n) {
		size_t l = xml_char(p + i, n - i);
		if (l == 0) {
			upl__error_set(w->err, UPL_EINVAL, NULL, 0, 0,
				       "%s: byte %zu (0x%02X) is not valid UTF-8 or not a character XML can hold",
				       what, i, (unsigned int)p[i]);
			w->failed = 1;
			return;
		}
		switch (p[i]) {
		case '&': upl__buf_puts(w->b, "&amp;"); break;
		case '<': upl__buf_puts(w->b, "&lt;"); break;
		case '>': upl__buf_puts(w->b, "&gt;"); break;
		case '\r': upl__buf_puts(w->b, "&#13;"); break;
		case '"':
			if (attr)
				upl__buf_puts(w->b, "&quot;");
			else
				upl__buf_putc(w->b, '"');
			break;
		case '\t':
			if (attr)
				upl__buf_puts(w->b, "&#9;");
			else
				upl__buf_putc(w->b, '\t');
			break;
		case '\n':
			if (attr)
				upl__buf_puts(w->b, "&#10;");
			else
				upl__buf_putc(w->b, '\n');
			break;
		default:
			upl__buf_put(w->b, s + i, l);
		}
		i += l;
	}
}

static void
attr_str(writer *w, const char *name, const char *value)
{
	if (value == NULL)
		return;
	upl__buf_printf(w->b, " %s=\"", name);
	put_escaped(w, name, value, 1);
	upl__buf_putc(w->b, '"');
}

static void
attr_int(writer *w, const char *name, int value)
{
	upl__buf_printf(w->b, " %s=\"%d\"", name, value);
}

static void
attr_date(writer *w, const char *name, upl_date d)
{
	char buf[UPL_DATE_ISO_SIZE];
	if (upl_date_format(buf, d) == 0)
		attr_str(w, name, buf);
}

/* <name>text</name> on its own line. */
static void
text_element(writer *w, int depth, const char *name, const char *text)
{
	indent(w, depth);
	upl__buf_printf(w->b, "<%s>", name);
	if (text)
		put_escaped(w, name, text, 0);
	upl__buf_printf(w->b, "</%s>\n", name);
}

static void write_node(writer *w, const upl_node *n, int depth);

static void
write_children(writer *w, const upl_node *n, int depth)
{
	size_t i;
	if (n->heading)
		text_element(w, depth, "heading", n->heading);
	for (i = 0; i < n->nchildren && !w->failed; i++)
		write_node(w, n->children[i], depth);
}

static void
write_node(writer *w, const upl_node *n, int depth)
{
	const char *name = upl_kind_name(n->kind);
	int container = n->kind == UPL_NODE_SECTION || n->kind == UPL_NODE_SCHEDULE ||
			n->kind == UPL_NODE_MONTH ||
			(n->kind == UPL_NODE_ITEM && (n->nchildren > 0 || n->heading));
	indent(w, depth);
	upl__buf_printf(w->b, "<%s", name);
	switch (n->kind) {
	case UPL_NODE_MONTH:
		attr_int(w, "month", n->month);
		if (n->month_to)
			attr_int(w, "to", n->month_to);
		if (n->year)
			attr_int(w, "year", n->year);
		attr_str(w, "label", n->label);
		break;
	case UPL_NODE_SCHEDULE:
		break;
	default:
		attr_str(w, "label", n->label);
		if (n->number >= 0)
			attr_int(w, "number", n->number);
		break;
	}
	if (n->kind == UPL_NODE_SECTION) {
		if (n->level > 0)
			attr_int(w, "level", n->level);
		attr_str(w, "role", upl_role_name(n->role));
	} else if (n->kind == UPL_NODE_ACTIVITY) {
		attr_date(w, "date", n->date);
		attr_str(w, "holiday", n->holiday);
		attr_str(w, "relation", upl_relation_name(n->relation));
	}
	if (!container) {
		upl__buf_putc(w->b, '>');
		if (n->text)
			put_escaped(w, name, n->text, 0);
		upl__buf_printf(w->b, "</%s>\n", name);
		return;
	}
	if (n->nchildren == 0 && n->heading == NULL && n->text == NULL) {
		upl__buf_puts(w->b, "/>\n");
		return;
	}
	upl__buf_putc(w->b, '>');
	if (n->kind == UPL_NODE_ITEM) {
		/* an item's heading and text stay on its first line:
		 * <item label="1、" number="1"><heading>…</heading>text</item> */
		if (n->heading) {
			upl__buf_puts(w->b, "<heading>");
			put_escaped(w, "heading", n->heading, 0);
			upl__buf_puts(w->b, "</heading>");
		}
		if (n->text)
			put_escaped(w, name, n->text, 0);
		if (n->nchildren == 0) {
			upl__buf_printf(w->b, "</%s>\n", name);
			return;
		}
		upl__buf_putc(w->b, '\n');
		for (size_t i = 0; i < n->nchildren && !w->failed; i++)
			write_node(w, n->children[i], depth + 1);
		indent(w, depth);
		upl__buf_printf(w->b, "</%s>\n", name);
		return;
	}
	upl__buf_putc(w->b, '\n');
	write_children(w, n, depth + 1);
	indent(w, depth);
	upl__buf_printf(w->b, "</%s>\n", name);
}

static void
write_meta(writer *w, const upl_plan *p, int depth)
{
	size_t i;
	int empty = !p->title && !p->organization && p->nauthors == 0 && !p->docnumber &&
		    p->period_kind == UPL_PERIOD_NONE && !p->has_issued && !p->has_source;
	indent(w, depth);
	if (empty) {
		upl__buf_puts(w->b, "<meta/>\n");
		return;
	}
	upl__buf_puts(w->b, "<meta>\n");
	depth++;
	if (p->title)
		text_element(w, depth, "title", p->title);
	if (p->organization)
		text_element(w, depth, "organization", p->organization);
	for (i = 0; i < p->nauthors; i++)
		text_element(w, depth, "author", p->authors[i]);
	if (p->docnumber)
		text_element(w, depth, "docnumber", p->docnumber);
	if (p->period_kind != UPL_PERIOD_NONE) {
		indent(w, depth);
		upl__buf_puts(w->b, "<period");
		attr_str(w, "kind", upl_period_kind_name(p->period_kind));
		attr_date(w, "start", p->period_start);
		attr_date(w, "end", p->period_end);
		if (p->schoolyear)
			attr_int(w, "schoolyear", p->schoolyear);
		if (p->term)
			attr_int(w, "term", p->term);
		upl__buf_putc(w->b, '>');
		if (p->period_text)
			put_escaped(w, "period", p->period_text, 0);
		upl__buf_puts(w->b, "</period>\n");
	}
	if (p->has_issued) {
		indent(w, depth);
		upl__buf_puts(w->b, "<issued");
		attr_date(w, "date", p->issued_date);
		upl__buf_putc(w->b, '>');
		if (p->issued_text)
			put_escaped(w, "issued", p->issued_text, 0);
		upl__buf_puts(w->b, "</issued>\n");
	}
	if (p->has_source) {
		indent(w, depth);
		upl__buf_puts(w->b, "<source");
		attr_str(w, "file", p->source_file);
		attr_str(w, "encoding", p->source_encoding);
		upl__buf_puts(w->b, "/>\n");
	}
	indent(w, depth - 1);
	upl__buf_puts(w->b, "</meta>\n");
}

static void
write_plan(writer *w, const upl_plan *p, int depth, int root)
{
	size_t i;
	indent(w, depth);
	upl__buf_puts(w->b, "<plan");
	if (root)
		upl__buf_puts(w->b, " xmlns=\"" UPL_NAMESPACE "\"");
	upl__buf_puts(w->b, " version=\"1\"");
	attr_str(w, "xml:lang", p->lang);
	upl__buf_puts(w->b, ">\n");
	write_meta(w, p, depth + 1);
	for (i = 0; i < p->nblocks && !w->failed; i++)
		write_node(w, p->blocks[i], depth + 1);
	indent(w, depth);
	upl__buf_puts(w->b, "</plan>\n");
}

int
upl__xml_write(upl_buf *b, const upl_doc *doc, const upl_plan *plan, upl_error **err)
{
	writer w;
	w.b = b;
	w.err = err;
	w.failed = 0;
	upl__buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (plan) {
		write_plan(&w, plan, 0, 1);
	} else if (upl_doc_is_collection(doc)) {
		size_t i;
		upl__buf_puts(b, "<plans xmlns=\"" UPL_NAMESPACE "\" version=\"1\">\n");
		for (i = 0; i < doc->nplans && !w.failed; i++)
			write_plan(&w, doc->plans[i], 1, 0);
		upl__buf_puts(b, "</plans>\n");
	} else {
		write_plan(&w, doc->plans[0], 0, 1);
	}
	if (w.failed)
		return UPL_EINVAL;
	if (b->failed)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

static int
to_buffer(char **out, size_t *len, const upl_doc *doc, const upl_plan *plan,
	  const upl_write_options *opts, upl_error **err)
{
	upl_buf b = UPL_BUF_INIT;
	size_t max;
	int rc;
	if (out == NULL || (doc == NULL && plan == NULL) ||
	    (opts && opts->version < 1))
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if (plan == NULL && doc->nplans == 0)
		return upl__error_set(err, UPL_EINVAL, doc->name, 0, 0, "document holds no plan");
	rc = upl__xml_write(&b, doc, plan, err);
	max = opts && opts->version >= 2 && opts->max_bytes ? opts->max_bytes : UPL_DEFAULT_MAX_BYTES;
	if (rc == 0 && b.len > max)
		rc = upl__error_set(err, UPL_ERANGE, plan ? NULL : doc->name, 0, 0,
				    "the XML would be %zu bytes, more than the limit of %zu bytes "
				    "the reader takes", b.len, max);
	return upl__buf_finish(&b, rc, out, len, err);
}

int
upl_doc_write_buffer(char **out, size_t *len, const upl_doc *doc,
		     const upl_write_options *opts, upl_error **err)
{
	if (doc == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no document given");
	return to_buffer(out, len, doc, NULL, opts, err);
}

int
upl_plan_write_buffer(char **out, size_t *len, const upl_plan *plan,
		      const upl_write_options *opts, upl_error **err)
{
	if (plan == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no plan given");
	return to_buffer(out, len, NULL, plan, opts, err);
}

int
upl_doc_write_file(const upl_doc *doc, const char *path, const upl_write_options *opts,
		   upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (path == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no file name given");
	rc = upl_doc_write_buffer(&data, &len, doc, opts, err);
	return upl__write_built(path, rc, data, len, err);
}

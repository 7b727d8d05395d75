/* The importer: plain text → plan model. This file is the pipeline and
 * the public entry points; the stages (listed in import-private.h) are
 * import-lines.c, import-runon.c, import-classify.c with import-head.c,
 * the plan boundaries here, and import-build.c. */
#include "config.h"

#include <unionplan/import.h>
#include <unionplan/text.h>

#include "import-private.h"
#include "office-private.h"
#include "messages-private.h"
#include "io-private.h"
#include "validate-private.h"

/* ------------------------------------------------------------------------ */
/* Stage 5: plans                                                           */

typedef struct imp_split {
	size_t start;  /* first line of the plan */
	int reason;    /* variant of import-plan-split: 0 title, 1 篇N, 2 numbering restarts,
			* 3 another piece marker (…计划2, 第一篇：) */
} imp_split;

/* Where a plan whose numbering starts again at line b begins, looking at
 * the unnumbered lines a..b-1 after the previous plan's last label. */
static size_t
pick_boundary(const imp_ctx *c, size_t a, size_t b)
{
	size_t j;
	if (a >= b)
		return b;
	for (j = a; j < b; j++)
		if (c->info[j].flags & (F_META | F_OPENING))
			return j;
	/* a line indented differently from both neighbours' numbering */
	for (j = a; j < b; j++)
		if (strcmp(c->ls.v[j].indent, c->ls.v[b].indent) != 0 &&
		    (a == 0 || strcmp(c->ls.v[j].indent, c->ls.v[a - 1].indent) != 0))
			return j;
	return a;
}

/* Whether the title at line i repeats the plan's title at line t (a
 * web page shows it again, maybe with a metadata line between). */
static int
repeats_title(const imp_ctx *c, size_t t, size_t i)
{
	return t != (size_t)-1 && !(c->info[i].flags & F_PIECE) && c->ls.v[t].len == c->ls.v[i].len &&
	       memcmp(c->ls.v[t].text, c->ls.v[i].text, c->ls.v[i].len) == 0;
}

static int
segment(imp_ctx *c, imp_split **out, size_t *nout)
{
	imp_split *v = NULL;
	size_t n = 0, cap = 0, i, last_label = 0, title_at = (size_t)-1;
	int top_style = 0, body = 0, sched = 0, appendix = 0, have_label = 0;
	long top_max = 0;
	if (upl__grow((void **)&v, &cap, 1, sizeof *v) != 0)
		return UPL_ENOMEM;
	v[n].start = 0;
	v[n++].reason = 0;
	for (i = 0; i < c->ls.n; i++) {
		const imp_info *in = &c->info[i];
		size_t at = (size_t)-1;
		int reason = 0;
		if ((in->flags & F_TITLE) && !(in->flags & F_COMPILATION)) {
			if (repeats_title(c, title_at, i))
				continue; /* the page repeats the plan's title: no new plan */
			if (((in->flags & F_PIECE) && title_at != (size_t)-1) || body) {
				at = i;
				reason = (in->flags & F_MARK_PIECE) ? 3 : (in->flags & F_PIECE) ? 1 : 0;
			}
			if (title_at == (size_t)-1 && !(in->flags & F_MARKER))
				title_at = i;
		} else if (!body && (in->flags & F_META)) {
			continue;
		} else {
			body = 1;
			if (in->flags & F_APPENDIX)
				appendix = 1;
			if (in->flags & F_MONTH)
				sched = 1;
			if (in->flags & F_LABEL) {
				int st = in->lab.style;
				if (!top_style && !sched && !appendix)
					top_style = st;
				if (st == top_style && !appendix && !(sched && upl__imp_digit_style(st))) {
					if (in->lab.number == 1 && top_max >= 2) {
						at = pick_boundary(c, have_label ? last_label + 1 : 0, i);
						reason = 2;
					} else if (in->lab.number > top_max) {
						top_max = in->lab.number;
						sched = 0;
					}
				}
				last_label = i;
				have_label = 1;
			}
		}
		if (at == (size_t)-1)
			continue;
		if (at > v[n - 1].start) {
			if (upl__grow((void **)&v, &cap, n + 1, sizeof *v) != 0) {
				upl__dealloc(v);
				return UPL_ENOMEM;
			}
			v[n].start = at;
			v[n++].reason = reason;
		}
		/* the new plan so far: lines at..i */
		title_at = (c->info[at].flags & (F_TITLE | F_MARKER)) == F_TITLE ? at : (size_t)-1;
		body = reason == 2 || at < i;
		sched = appendix = 0;
		top_style = reason == 2 ? c->info[i].lab.style : 0;
		top_max = reason == 2 ? 1 : 0;
		last_label = i;
		have_label = reason == 2;
	}
	*out = v;
	*nout = n;
	return 0;
}


/* The first line of the text, centred with spaces (as the text export
 * writes a title), short, ending no sentence and reading as nothing else:
 * the title, whatever its words (带 DOCTYPE 的计划). */
static void
centred_title(imp_ctx *c)
{
	const imp_line *l = &c->ls.v[0];
	size_t i;
	if (c->info[0].flags != 0 || l->indent[0] == '\0' || upl__imp_ends_sentence(l->text) ||
	    upl__imp_count_upto(l->text, l->len, 40) > 40)
		return;
	for (i = 0; l->indent[i] != '\0'; i++)
		if (l->indent[i] != ' ')
			return;
	c->info[0].flags = F_TITLE;
}

/* ------------------------------------------------------------------------ */
/* The API                                                                  */

static int
import_text(imp_ctx *c, char *text, size_t len, upl_error **err)
{
	imp_split *splits = NULL;
	size_t nsplits = 0, i;
	int rc;
	rc = upl__imp_split(&c->ls, text, len);
	if (rc == 0)
		rc = upl__imp_page_lines(&c->ls);
	if (rc == 0)
		rc = upl__imp_remove_noise(&c->ls);
	if (rc == 0)
		rc = upl__imp_junk_lines(&c->ls);
	if (rc == 0)
		rc = upl__imp_cut_runon(&c->ls);
	if (rc == 0)
		rc = upl__imp_cut_headings(&c->ls);
	if (rc == 0 && !(c->flags & UPL__IMP_PARAGRAPHS))
		rc = upl__imp_join_wrapped(&c->ls);
	if (rc == 0)
		rc = upl__imp_join_split_words(&c->ls);
	if (rc != 0)
		return upl__error_set(err, rc, c->file, 0, 0, "%s", upl_strerror(rc));
	if (c->ls.n == 0)
		return upl__error_set(err, UPL_EPARSE, c->file, 0, 0, "%s",
				      c->zh ? "没有可导入的文字" : "the input holds no text to import");
	c->info = upl__calloc(c->ls.n, sizeof *c->info);
	if (c->info == NULL)
		return upl__error_set(err, UPL_ENOMEM, c->file, 0, 0, "%s", upl_strerror(UPL_ENOMEM));
	for (i = 0; i < c->ls.n; i++)
		upl__imp_classify(&c->ls.v[i], &c->info[i]);
	centred_title(c);
	upl__imp_prose_items(c);
	upl__imp_glued_table(c);
	upl__imp_mojibake(c);
	rc = segment(c, &splits, &nsplits);
	for (i = 0; rc == 0 && i < nsplits; i++)
		rc = upl__imp_build_plan(c, splits[i].start, i + 1 < nsplits ? splits[i + 1].start : c->ls.n,
				splits[i].reason, i == 0);
	upl__dealloc(splits);
	if (rc == 0 && c->oom)
		rc = UPL_ENOMEM;
	if (rc != 0)
		return upl__error_set(err, rc, c->file, 0, 0, "%s", upl_strerror(rc));
	upl_doc_set_collection(c->doc, c->doc->nplans > 1);
	return 0;
}

/* The limit on the input's size that opts set. */
static size_t
import_max(const upl_import_options *opts)
{
	return opts && opts->max_bytes ? opts->max_bytes : UPL_IMPORT_DEFAULT_MAX_BYTES;
}

/* Decode data to UTF-8 text (and to simplified characters when asked),
 * setting c->lang from its script and *enc to what it was decoded from. */
static int
decode(imp_ctx *c, char **out, size_t *outlen, const char *data, size_t len, const char *name,
       const upl_import_options *opts, upl_text_encoding *enc, upl_error **err)
{
	char *text = NULL;
	size_t tlen = 0;
	int rc;
	memset(enc, 0, sizeof *enc);
	rc = upl_text_to_utf8(&text, &tlen, data, len, opts->encoding, enc, err);
	if (rc != 0) {
		if (err && *err && (*err)->file == NULL && name) {
			(*err)->file = upl__strdup(name);
		}
		return rc;
	}
	if (upl_text_script(text, tlen) == UPL_SCRIPT_HANT) {
		if (opts->flags & UPL_IMPORT_SIMPLIFIED) {
			char *simple = NULL;
			size_t slen = 0;
			rc = upl_text_to_simplified(&simple, &slen, text, tlen, err);
			upl_free(text);
			if (rc != 0)
				return rc;
			text = simple;
			tlen = slen;
			c->lang = "zh-Hans";
		} else {
			c->lang = "zh-Hant";
		}
	} else {
		c->lang = "zh-Hans";
	}
	*out = text;
	*outlen = tlen;
	return 0;
}

/* The document of decoded text: the context's report, then the pipeline. */
static int
import_decoded(imp_ctx *c, upl_report *report, char *text, size_t tlen, const char *name,
	       upl_error **err)
{
	upl_report *own = NULL;
	int rc;
	if (report == NULL) {
		rc = upl_report_new(&own);
		if (rc != 0)
			return upl__error_set(err, rc, c->file, 0, 0, "%s", upl_strerror(rc));
		report = own;
	}
	c->report = report;
	c->ls.report = report;
	c->ls.file = c->file;
	c->ls.zh = c->zh;
	rc = upl_doc_new(&c->doc);
	if (rc == 0) {
		if (name && upl__doc_set_name(c->doc, name) != 0)
			rc = UPL_ENOMEM;
	}
	if (rc == 0)
		rc = import_text(c, text, tlen, err);
	else
		upl__error_set(err, rc, c->file, 0, 0, "%s", upl_strerror(rc));
	upl__imp_lines_free(&c->ls);
	upl__dealloc(c->info);
	upl__dealloc(c->collection_title);
	upl_report_free(own);
	if (rc != 0) {
		upl_doc_free(c->doc);
		c->doc = NULL;
	}
	return rc;
}

/* A Word or OpenDocument file: its lines, then the text pipeline on them
 * (the source's encoding recorded as the format). */
static int
import_office(upl_doc **out, upl_report *report, const char *data, size_t len, const char *name,
	      const upl_import_options *opts, imp_ctx *c, upl_error **err)
{
	/* opts may be a version 1 struct: copy only the fields it has */
	upl_import_options utf8 = UPL_IMPORT_OPTIONS_INIT;
	upl_text_encoding enc;
	const char *kind = NULL;
	char *lines = NULL, *text = NULL;
	size_t nlines = 0, tlen = 0;
	int rc;
	utf8.flags = opts->flags;
	utf8.encoding = "utf-8";
	rc = upl__office_text(&lines, &nlines, &kind, report, data, len, c->file, opts, c->zh, err);
	if (rc != 0)
		return rc;
	rc = decode(c, &text, &tlen, lines, nlines, name, &utf8, &enc, err);
	upl__dealloc(lines);
	if (rc != 0)
		return rc;
	c->encoding = kind;
	c->flags |= UPL__IMP_PARAGRAPHS;
	rc = import_decoded(c, report, text, tlen, name, err);
	upl_free(text);
	if (rc == 0)
		*out = c->doc;
	return rc;
}

int
upl_import_buffer(upl_doc **out, upl_report *report, const char *data, size_t len,
		  const char *name, const upl_import_options *opts, upl_error **err)
{
	upl_import_options defaults = UPL_IMPORT_OPTIONS_INIT;
	upl_text_encoding enc;
	imp_ctx c;
	char *text = NULL;
	size_t tlen = 0, max;
	int rc;
	if (out == NULL || (data == NULL && len > 0))
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid argument");
	if (opts == NULL)
		opts = &defaults;
	if (opts->version < 1 || opts->version > UPL_IMPORT_OPTIONS_VERSION)
		return upl__error_set(err, UPL_EINVAL, name, 0, 0,
				      "unsupported upl_import_options version %u", opts->version);
	max = import_max(opts);
	if (len > max)
		return upl__error_set(err, UPL_EIO, name, 0, 0,
				      "input larger than the limit of %zu bytes", max);
	memset(&c, 0, sizeof c);
	c.file = name ? name : "<buffer>";
	c.zh = upl__msg_lang_zh(opts->lang);
	c.flags = opts->flags;
	if (len == 0)
		return upl__error_set(err, UPL_EPARSE, c.file, 0, 0, "%s",
				      c.zh ? "没有可导入的文字" : "the input holds no text to import");
	if (upl__office_sniff(data, len) != UPL__OFFICE_NONE)
		return import_office(out, report, data, len, name, opts, &c, err);
	rc = decode(&c, &text, &tlen, data, len, name, opts, &enc, err);
	if (rc != 0)
		return rc;
	c.encoding = enc.name[0] ? enc.name : "UTF-8";
	rc = import_decoded(&c, report, text, tlen, name, err);
	upl_free(text);
	if (rc == 0)
		*out = c.doc;
	return rc;
}

/* Import what a loader read into data (rc being its result), then free it. */
static int
import_loaded(int rc, char *data, size_t len, upl_doc **out, upl_report *report,
	      const char *name, const upl_import_options *opts, upl_error **err)
{
	if (rc == 0)
		rc = upl_import_buffer(out, report, data, len, name, opts, err);
	upl__dealloc(data);
	return rc;
}

int
upl_import_file(upl_doc **out, upl_report *report, const char *path,
		const upl_import_options *opts, upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (out == NULL || path == NULL)
		return upl__error_set(err, UPL_EINVAL, path, 0, 0, "invalid argument");
	rc = upl__load_file(&data, &len, path, import_max(opts), err);
	return import_loaded(rc, data, len, out, report, path, opts, err);
}

/* Import what a stream holds (when from_stream is set), else a descriptor. */
static int
import_read(upl_doc **out, upl_report *report, int from_stream, int fd, FILE *stream,
	    const char *name, const upl_import_options *opts, upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (out == NULL)
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid argument");
	if (from_stream)
		rc = upl__load_stream(&data, &len, stream, name, import_max(opts), err);
	else
		rc = upl__load_fd(&data, &len, fd, name, import_max(opts), err);
	return import_loaded(rc, data, len, out, report, name, opts, err);
}

int
upl_import_fd(upl_doc **out, upl_report *report, int fd, const char *name,
	      const upl_import_options *opts, upl_error **err)
{
	return import_read(out, report, 0, fd, NULL, name, opts, err);
}

int
upl_import_stream(upl_doc **out, upl_report *report, FILE *stream, const char *name,
		  const upl_import_options *opts, upl_error **err)
{
	return import_read(out, report, 1, -1, stream, name, opts, err);
}

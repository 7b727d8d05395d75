/* unionplan export: plans in formats beyond XML. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* One output format: what it is called, whether several FILEs may go into
 * one OUT, and how the documents are written: write appends to *out
 * (malloc()ed, NUL-terminated) and *len. A new format is one more line in
 * the table below and its write function. */
typedef struct export_format {
	const char *name;
	int several;
	unsigned int flags; /* the UPL_EXPORT_* flags its options may set */
	int (*write)(char **out, size_t *len, const upl_doc *const *docs, size_t n,
		     const upl_export_options *opts, upl_error **err);
} export_format;

/* Append l bytes of s to the malloc()ed, NUL-terminated *all of *total
 * bytes. Returns 0 or UPL_ENOMEM. */
static int
append_bytes(char **all, size_t *total, const char *s, size_t l)
{
	char *grown = realloc(*all, *total + l + 1);
	if (grown == NULL)
		return UPL_ENOMEM;
	memcpy(grown + *total, s, l);
	grown[*total + l] = '\0';
	*all = grown;
	*total += l;
	return 0;
}

/* Append what the library wrote (one, l bytes, freed here). */
static int
append(char **all, size_t *total, char *one, size_t l)
{
	int rc = append_bytes(all, total, one, l);
	upl_free(one);
	return rc;
}

typedef int (*doc_writer)(char **out, size_t *len, const upl_doc *doc,
			  const upl_export_options *opts, upl_error **err);

/* Each document as fn writes it, one after the other, sep (or nothing)
 * between two of them. */
static int
write_each(doc_writer fn, const char *sep, char **out, size_t *len, const upl_doc *const *docs,
	   size_t n, const upl_export_options *opts, upl_error **err)
{
	size_t i;
	int rc = 0;
	for (i = 0; i < n && rc == 0; i++) {
		char *one = NULL;
		size_t l = 0;
		if (i > 0 && sep && (rc = append_bytes(out, len, sep, strlen(sep))) != 0)
			return rc;
		rc = fn(&one, &l, docs[i], opts, err);
		if (rc == 0)
			rc = append(out, len, one, l);
	}
	return rc;
}

/* Each document as an indented JSON object of its own, one after the other. */
static int
write_json(char **out, size_t *len, const upl_doc *const *docs, size_t n,
	   const upl_export_options *opts, upl_error **err)
{
	upl_export_options o = *opts;
	o.flags |= UPL_EXPORT_PRETTY;
	return write_each(upl_export_json_buffer, NULL, out, len, docs, n, &o, err);
}

/* JSON Lines: one document per line. */
static int
write_jsonl(char **out, size_t *len, const upl_doc *const *docs, size_t n,
	    const upl_export_options *opts, upl_error **err)
{
	char *all = NULL;
	size_t l = 0;
	int rc = upl_export_jsonl_buffer(&all, &l, docs, n, opts, err);
	return rc == 0 ? append(out, len, all, l) : rc;
}

/* Text: each document as upl_export_text_buffer() writes it, a blank line
 * and a form feed between two of them. */
static int
write_text(char **out, size_t *len, const upl_doc *const *docs, size_t n,
	   const upl_export_options *opts, upl_error **err)
{
	return write_each(upl_export_text_buffer, "\n\f\n", out, len, docs, n, opts, err);
}

/* iCalendar: the schedules of each document (doc/ics.md). */
static int
write_ics(char **out, size_t *len, const upl_doc *const *docs, size_t n,
	  const upl_export_options *opts, upl_error **err)
{
	return write_each(upl_export_ics_buffer, NULL, out, len, docs, n, opts, err);
}

/* HTML: each document as one page (doc/html.md). */
static int
write_html(char **out, size_t *len, const upl_doc *const *docs, size_t n,
	   const upl_export_options *opts, upl_error **err)
{
	return write_each(upl_export_html_buffer, NULL, out, len, docs, n, opts, err);
}

/* Word: one document as upl_export_docx_buffer() writes it (a ZIP archive,
 * so one file only, and never to a terminal: see docx_refusal). */
static int
write_docx(char **out, size_t *len, const upl_doc *const *docs, size_t n,
	   const upl_export_options *opts, upl_error **err)
{
	return write_each(upl_export_docx_buffer, NULL, out, len, docs, n > 1 ? 1 : n, opts, err);
}

/* --to=docx writes bytes that are no text: one FILE, and -o FILE unless
 * standard output is a file or a pipe. Returns a usage error or -1. */
static int
docx_refusal(const export_format *f, const char *output, int nfiles)
{
	if (strcmp(f->name, "docx") != 0)
		return -1;
	if (nfiles > 1)
		return cli_usage_error("export", "--to=docx writes one file at a time");
	if ((output == NULL || strcmp(output, "-") == 0) && isatty(STDOUT_FILENO))
		return cli_usage_error("export", "--to=docx writes a binary file: not to a terminal (use -o FILE)");
	return -1;
}

static const export_format formats[] = {
	{ "json", 0, UPL_EXPORT_POSITIONS, write_json },
	{ "jsonl", 1, UPL_EXPORT_POSITIONS, write_jsonl },
	{ "text", 0, UPL_EXPORT_RENUMBER | UPL_EXPORT_SIMPLIFIED, write_text },
	{ "ics", 0, UPL_EXPORT_HOLIDAYS, write_ics },
	{ "html", 0, UPL_EXPORT_RENUMBER | UPL_EXPORT_DIAGNOSTICS, write_html },
	{ "docx", 0, UPL_EXPORT_RENUMBER | UPL_EXPORT_SIMPLIFIED, write_docx },
	{ NULL, 0, 0, NULL }
};

static void
export_usage(FILE *fp)
{
	fprintf(fp,
		"Usage: %s export --to=FORMAT [OPTION]... FILE...\n"
		"Write plan documents in another format. Each FILE must be a valid plan\n"
		"document; '-' reads standard input.\n\n"
		"  -t, --to=FORMAT    json (one JSON object per document, indented),\n"
		"                     jsonl (JSON Lines: one document per line),\n"
		"                     text (a Chinese document in the style of GB/T 9704),\n"
		"                     ics (iCalendar: the schedule, doc/ics.md),\n"
		"                     html (one self-contained page, doc/html.md) or\n"
		"                     docx (Word, GB/T 9704 layout, doc/docx.md; needs -o\n"
		"                     FILE or a pipe)\n"
		"      --positions    add the line and column each part has in FILE (json)\n"
		"      --renumber     text, html, docx: renumber headings by level (一、 （一） 1. （1）),\n"
		"                     mending duplicate and skipped numbers\n"
		"      --width=N      text: wrap lines at N columns (a Han character is 2),\n"
		"                     with CJK line breaking; 0 (default) does not wrap\n"
		"      --simplified   text, docx: convert traditional characters to simplified\n"
		"      --holidays     ics: add the festivals, official days off and\n"
		"                     adjusted working days (调休上班) of the plan's years\n"
		"      --diagnostics  html: show the validation report on the page, beside\n"
		"                     the lines it concerns; a plan with errors is written\n"
		"                     too (the exit status is still 1)\n"
		"  -o, --output=OUT   write to OUT (atomically: a temporary file renamed\n"
		"                     over OUT, which is untouched if anything fails);\n"
		"                     default standard output. Several FILEs go to one OUT\n"
		"                     only with --to=jsonl\n"
		"  -h, --help         show this help and exit\n\n"
		"The shape of the JSON is described in doc/json.md and by the JSON Schema\n"
		"unionplan-1.schema.json installed beside the XSD. A FILE that is not a\n"
		"valid plan gets the diagnostics of 'unionplan validate' on standard error;\n"
		"every FILE is checked, and nothing is written unless all are valid.\n"
		"Exit status: 0 done, 1 some FILE is not a valid plan document, 2 usage\n"
		"error, 3 I/O or internal error.\n",
		cli_program);
}

/* What the command line asked. */
typedef struct export_args {
	const export_format *format;
	const char *output;
	upl_export_options opts;
} export_args;

/* --width=N: 0 (no wrapping) to 1000 columns. Returns 0 or -1. */
static int
text_width(unsigned int *out, const char *arg)
{
	char *end = NULL;
	unsigned long w;
	errno = 0;
	w = strtoul(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || *end != '\0' || errno != 0 || w > 1000)
		return -1;
	*out = (unsigned int)w;
	return 0;
}

/* Read the options: -1 when they are all good, else the exit status. */
static int
export_options(export_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "positions", no_argument, NULL, 'P' },
		{ "renumber", no_argument, NULL, 'R' },
		{ "simplified", no_argument, NULL, 'S' },
		{ "width", required_argument, NULL, 'W' },
		{ "holidays", no_argument, NULL, 'H' },
		{ "diagnostics", no_argument, NULL, 'D' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const export_format *f;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+t:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			for (f = formats; f->name && strcmp(f->name, optarg) != 0; f++)
				;
			if (f->name == NULL)
				return cli_usage_error("export", "unknown format '%s' (json, jsonl, text, ics, html or docx)", optarg);
			a->format = f;
			break;
		case 'P': a->opts.flags |= UPL_EXPORT_POSITIONS; break;
		case 'R': a->opts.flags |= UPL_EXPORT_RENUMBER; break;
		case 'S': a->opts.flags |= UPL_EXPORT_SIMPLIFIED; break;
		case 'W':
			if (text_width(&a->opts.width, optarg) != 0)
				return cli_usage_error("export", "bad --width '%s' (0 or a number of columns up to 1000)", optarg);
			break;
		case 'H': a->opts.flags |= UPL_EXPORT_HOLIDAYS; break;
		case 'D': a->opts.flags |= UPL_EXPORT_DIAGNOSTICS; break;
		case 'o': a->output = optarg; break;
		case 'h': export_usage(stdout); return CLI_OK;
		default:
			return cli_usage_error("export", "unknown option or missing argument '%s'",
					       argv[optind - 1]);
		}
	}
	if (a->format == NULL)
		return cli_usage_error("export", "no format given (--to=json, jsonl, text, ics, html or docx)");
	if ((a->opts.flags & ~a->format->flags) != 0 ||
	    (a->opts.width != 0 && strcmp(a->format->name, "text") != 0))
		return cli_usage_error("export", "an option given does not apply to --to=%s",
				       a->format->name);
	if (optind >= argc)
		return cli_usage_error("export", "no file given");
	if (a->output && argc - optind > 1 && !a->format->several)
		return cli_usage_error("export", "several files go to one output only with --to=jsonl");
	return docx_refusal(a->format, a->output, argc - optind);
}

/* Standard input, whole, into *data (free()). Returns 0 or -1 with a
 * message printed. */
static int
read_stdin(char **data, size_t *len)
{
	size_t cap = 65536, n = 0, got;
	char *buf = malloc(cap), *grown;
	while (buf != NULL && (got = fread(buf + n, 1, cap - n, stdin)) > 0) {
		n += got;
		if (n == cap) {
			if (cap >= UPL_DEFAULT_MAX_BYTES) {
				cli_errorf("<stdin>: input larger than the limit of %zu bytes",
					   (size_t)UPL_DEFAULT_MAX_BYTES);
				free(buf);
				return -1;
			}
			grown = realloc(buf, cap * 2);
			if (grown == NULL)
				free(buf);
			buf = grown;
			cap *= 2;
		}
	}
	if (buf == NULL || ferror(stdin)) {
		cli_errorf("<stdin>: %s", buf ? strerror(errno) : "out of memory");
		free(buf);
		return -1;
	}
	*data = buf;
	*len = n;
	return 0;
}

/* Check one input as validate does, printing its diagnostics when it is
 * invalid, then parse it. An invalid input is parsed too when keep is
 * set (export --diagnostics), quietly: *out stays NULL when it cannot be.
 * Returns the input's exit status. */
static int
load_valid(upl_doc **out, upl_report *report, const char *data, size_t len, const char *path,
	   const char *name, int keep)
{
	upl_error *err = NULL;
	size_t k;
	int rc, status = CLI_OK;
	upl_report_clear(report);
	rc = data ? upl_validate_buffer(report, data, len, name, NULL, &err)
		  : upl_validate_file(report, path, NULL, &err);
	if (rc != 0) {
		fprintf(stderr, "%s: error: %s [%s]\n", name, upl_error_message(err),
			rc == UPL_EIO ? "io-error" : "internal-error");
		upl_error_free(err);
		return CLI_FAILURE;
	}
	if (upl_report_failed(report, 0)) {
		for (k = 0; k < upl_report_count(report); k++) {
			const upl_diag *d = upl_report_get(report, k);
			cli_gnu_diag(stderr, upl_diag_file(d), upl_diag_line(d), upl_diag_column(d),
				     upl_severity_name(upl_diag_severity(d)), upl_diag_code(d),
				     upl_diag_message(d));
		}
		if (!keep)
			return CLI_INVALID;
		status = CLI_INVALID;
	}
	rc = data ? upl_doc_parse_buffer(out, data, len, name, NULL, &err)
		  : upl_doc_parse_file(out, path, NULL, &err);
	if (rc != 0 && status == CLI_OK) {
		cli_print_error(err, name);
		status = rc == UPL_EPARSE ? CLI_INVALID : CLI_FAILURE;
	}
	upl_error_free(err);
	return status;
}

/* Load every FILE into docs[] (invalid ones too when keep is set): the
 * worst exit status of them. */
static int
load_all(upl_doc **docs, char **files, int n, int keep)
{
	upl_report *report = NULL;
	int i, status = CLI_OK;
	if (upl_report_new(&report) != 0) {
		cli_errorf("out of memory");
		return CLI_FAILURE;
	}
	for (i = 0; i < n; i++) {
		char *data = NULL;
		size_t len = 0;
		int st;
		if (strcmp(files[i], "-") == 0)
			st = read_stdin(&data, &len) == 0
			     ? load_valid(&docs[i], report, data, len, NULL, "<stdin>", keep)
			     : CLI_FAILURE;
		else
			st = load_valid(&docs[i], report, NULL, 0, files[i], files[i], keep);
		free(data);
		if (st == CLI_FAILURE || (st == CLI_INVALID && status == CLI_OK))
			status = st;
	}
	upl_report_free(report);
	return status;
}

/* 1 when every document was read (export --diagnostics writes the pages
 * of invalid plans that could be read, all or nothing). */
static int
all_read(upl_doc *const *docs, int n)
{
	int i;
	for (i = 0; i < n; i++)
		if (docs[i] == NULL)
			return 0;
	return 1;
}

int
cli_cmd_export(int argc, char **argv)
{
	export_args a = { NULL, NULL, UPL_EXPORT_OPTIONS_INIT };
	upl_doc **docs;
	upl_error *err = NULL;
	char *text = NULL;
	size_t len = 0;
	int i, n, write, status = export_options(&a, argc, argv);

	if (status >= 0)
		return status;
	n = argc - optind;
	docs = calloc((size_t)n, sizeof *docs);
	if (docs == NULL) {
		cli_errorf("out of memory");
		return CLI_FAILURE;
	}
	status = load_all(docs, argv + optind, n, (a.opts.flags & UPL_EXPORT_DIAGNOSTICS) != 0);
	write = status == CLI_OK || (status == CLI_INVALID && all_read(docs, n));
	if (write &&
	    a.format->write(&text, &len, (const upl_doc *const *)docs, (size_t)n, &a.opts, &err) != 0) {
		if (err)
			cli_print_error(err, NULL);
		else
			cli_errorf("out of memory");
		upl_error_free(err);
		status = CLI_FAILURE;
		write = 0;
	}
	if (write && cli_write_output(a.output, text, len) != 0)
		status = CLI_FAILURE;
	free(text);
	for (i = 0; i < n; i++)
		upl_doc_free(docs[i]);
	free(docs);
	return status;
}

/* ------------------------------------------------------------------------ */
/* import --from=json                                                       */

int
cli_import_json(const char *path, const char *output)
{
	int is_stdin = strcmp(path, "-") == 0, rc, status;
	const char *name = is_stdin ? "<stdin>" : path;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	char *xml = NULL;
	size_t len = 0;
	rc = is_stdin ? upl_doc_parse_json_fd(&doc, STDIN_FILENO, name, NULL, &err)
		      : upl_doc_parse_json_file(&doc, path, NULL, &err);
	if (rc == 0)
		rc = upl_doc_write_buffer(&xml, &len, doc, NULL, &err);
	if (rc != 0) {
		cli_print_error(err, name);
		upl_error_free(err);
		upl_doc_free(doc);
		return rc == UPL_EPARSE ? CLI_INVALID : CLI_FAILURE;
	}
	status = cli_write_output(output, xml, len) == 0 ? CLI_OK : CLI_FAILURE;
	upl_free(xml);
	upl_doc_free(doc);
	return status;
}

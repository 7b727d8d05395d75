/* unionplan validate | format | summary */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "jobs.h"

/* ------------------------------------------------------------------------ */
/* GNU output                                                               */

void
cli_put_escaped(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	for (; *p; p++) {
		if (*p == '\\')
			fputs("\\\\", fp);
		else if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p == '\r')
			fputs("\\r", fp);
		else if (*p < 0x20 || *p == 0x7F)
			fprintf(fp, "\\%03o", *p);
		else
			fputc(*p, fp);
	}
}

void
cli_gnu_diag(FILE *fp, const char *file, unsigned int line, unsigned int column,
	 const char *severity, const char *code, const char *message)
{
	cli_put_escaped(fp, file);
	if (line)
		fprintf(fp, ":%u:%u", line, column);
	fprintf(fp, ": %s: ", severity);
	cli_put_escaped(fp, message);
	fprintf(fp, " [%s]\n", code);
}

/* ------------------------------------------------------------------------ */
/* validate                                                                 */

static void
validate_usage(FILE *fp)
{
	fprintf(fp,
		"Usage: %s validate [OPTION]... FILE...\n"
		"Check plan documents: well-formed XML, valid against the unionplan\n"
		"schema, and the semantic rules. '-' reads standard input.\n\n"
		"  -f, --format=FORMAT  diagnostics as 'gnu' (default: FILE:LINE:COL: SEVERITY:\n"
		"                       MESSAGE [CODE] on standard error) or 'json' (one array\n"
		"                       of objects on standard output)\n"
		"  -s, --strict         warnings make a file invalid\n"
		"      --schema-only    check well-formedness and the schema only (the verdict\n"
		"                       of any XSD processor), not the semantic rules\n"
		"      --rules=LIST     run only these rule groups (comma-separated): numbering,\n"
		"                       months, dates, holidays, crosscheck, meta\n"
		"      --lang=LANG      messages in 'en' or 'zh-Hans' (default: from LANGUAGE,\n"
		"                       LC_ALL, LC_MESSAGES, LANG)\n"
		"      --max-size=SIZE  the largest document read whole, in bytes (K, M, G:\n"
		"                       binary units; default 64M; one of exactly SIZE is\n"
		"                       read): with --in-memory, or one in another encoding\n"
		"                       than UTF-8 or with a DOCTYPE, which the stream reads\n"
		"                       whole; and, after a fatal error, how far the stream\n"
		"                       reads on\n"
		"      --max-diagnostics=N  list at most N diagnostics per file (default\n"
		"                       1000; 0: no limit), then one that says how many more\n"
		"                       there were; the exit status is as without the limit\n"
		"  -j, --jobs=N         check N files at a time, on N threads (default 1);\n"
		"                       the output and exit status are the same as with 1\n"
		"      --stream         read each file in chunks and check it as it comes,\n"
		"                       in memory that does not grow with its size (the\n"
		"                       default, for every input: file, standard input,\n"
		"                       FIFO, device)\n"
		"      --in-memory      read each file whole (at most --max-size bytes) and\n"
		"                       check it in memory, as the library does without\n"
		"                       UPL_VALIDATE_STREAM; the same diagnostics\n"
		"      --explain=CODE   describe the rule CODE with an example and exit;\n"
		"                       'all' describes every rule\n"
		"  -q, --quiet          print nothing; only the exit status tells\n"
		"  -v, --verbose        also say which files are valid\n"
		"  -h, --help           show this help and exit\n\n"
		"Every file is checked, whatever the earlier ones gave. Lines and columns\n"
		"are 1-based; columns count characters (code points).\n"
		"Exit status: 0 all valid (warnings allowed unless --strict), 1 some file\n"
		"invalid, 2 usage error, 3 a file could not be read or an internal error.\n",
		cli_program);
}

/* --rules=numbering,months,... */
static int
parse_rules(const char *list, unsigned int *out)
{
	static const struct { const char *name; unsigned int bit; } groups[] = {
		{ "numbering", UPL_RULES_NUMBERING }, { "months", UPL_RULES_MONTHS },
		{ "dates", UPL_RULES_DATES }, { "holidays", UPL_RULES_HOLIDAYS },
		{ "crosscheck", UPL_RULES_CROSSCHECK }, { "meta", UPL_RULES_META },
		{ "all", UPL_RULES_ALL }
	};
	unsigned int mask = 0;
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ","), k;
		for (k = 0; k < sizeof groups / sizeof groups[0]; k++)
			if (strlen(groups[k].name) == n && strncmp(p, groups[k].name, n) == 0)
				break;
		if (k == sizeof groups / sizeof groups[0])
			return -1;
		mask |= groups[k].bit;
		p += n;
		if (*p == ',')
			p++;
	}
	if (mask == 0)
		return -1;
	*out = mask;
	return 0;
}

/* --max-diagnostics=N: a count in decimal digits; 0 means no limit. */
static int
parse_max_diagnostics(const char *arg, size_t *out)
{
	size_t n = 0;
	const char *p = arg;
	if (*p == '\0')
		return -1;
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || n > (UPL_MAX_DIAGNOSTICS_NONE - 9) / 10)
			return -1;
		n = n * 10 + (size_t)(*p - '0');
	}
	*out = n ? n : UPL_MAX_DIAGNOSTICS_NONE;
	return 0;
}

static int
explain(const char *code, const char *lang)
{
	size_t i;
	const char *text;
	if (strcmp(code, "all") == 0) {
		for (i = 0; upl_rule_code(i); i++) {
			const char *c = upl_rule_code(i);
			printf("%s%s (%s)\n%s\n", i ? "\n" : "", c,
			       upl_severity_name((upl_severity)upl_rule_severity(c)),
			       upl_rule_explain(c, lang));
		}
		return CLI_OK;
	}
	text = upl_rule_explain(code, lang);
	if (text == NULL) {
		cli_errorf("no rule '%s'; 'unionplan validate --explain=all' lists them", code);
		return CLI_USAGE;
	}
	printf("%s (%s)\n%s\n", code, upl_severity_name((upl_severity)upl_rule_severity(code)), text);
	return CLI_OK;
}

/* What the command line of validate asks. */
typedef struct validate_args {
	int json, strict, quiet, verbose;
	int jobs;             /* --jobs=N */
	upl_validate_options opts;
} validate_args;

/* Read the options into *a. Returns -1 to go on with the files, or the
 * exit status (--help, --explain, a usage error). */
static int
validate_options(validate_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "strict", no_argument, NULL, 's' },
		{ "schema-only", no_argument, NULL, 'S' },
		{ "rules", required_argument, NULL, 'R' },
		{ "lang", required_argument, NULL, 'L' },
		{ "explain", required_argument, NULL, 'E' },
		{ "max-diagnostics", required_argument, NULL, 'M' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "stream", no_argument, NULL, 'T' },
		{ "in-memory", no_argument, NULL, 'W' },
		{ "max-size", required_argument, NULL, 'Z' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "gnu", "json", NULL };
	static const char *const langs[] = { "en", "zh-Hans", "zh", "zh_CN", NULL };
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+f:sqvhj:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((a->json = cli_pick(optarg, formats)) < 0)
				return cli_usage_error("validate", "unknown format '%s' (gnu or json)", optarg);
			break;
		case 's': a->strict = 1; break;
		case 'S': a->opts.flags |= UPL_VALIDATE_SCHEMA_ONLY; break;
		case 'R':
			if (parse_rules(optarg, &a->opts.rules) != 0)
				return cli_usage_error("validate", "unknown rule group in '%s'", optarg);
			break;
		case 'L':
			if (cli_pick(optarg, langs) < 0)
				return cli_usage_error("validate", "unknown language '%s' (en or zh-Hans)", optarg);
			a->opts.lang = optarg;
			break;
		case 'E':
			return explain(optarg, a->opts.lang);
		case 'M':
			if (parse_max_diagnostics(optarg, &a->opts.max_diagnostics) != 0)
				return cli_usage_error("validate", "--max-diagnostics takes a count, not '%s'",
						       optarg);
			break;
		case 'j':
			if (cli_jobs_parse(optarg, &a->jobs) != 0)
				return cli_usage_error("validate", "--jobs takes a count from 1 to %d, not '%s'",
						       CLI_JOBS_MAX, optarg);
			break;
		case 'T': a->opts.flags |= UPL_VALIDATE_STREAM; break;
		case 'W': a->opts.flags &= ~UPL_VALIDATE_STREAM; break;
		case 'Z':
			if (cli_parse_size(optarg, &a->opts.max_bytes) != 0)
				return cli_usage_error("validate", "--max-size takes a size in bytes (or with K, M, G), not '%s'",
						       optarg);
			break;
		case 'q': a->quiet = 1; break;
		case 'v': a->verbose = 1; break;
		case 'h': validate_usage(stdout); return CLI_OK;
		default:
			return cli_usage_error("validate", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("validate", "no file given");
	return -1;
}

/* What checking one file gave, until it is printed. */
typedef struct checked {
	upl_report *report;
	upl_error *err;
	int rc;
} checked;

/* The files of one validate command, and what printing has gathered. */
typedef struct validate_run {
	const validate_args *a;
	char **files;
	int first, status;
} validate_run;

static const char *
display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* Check file i ('-' = standard input); any thread. NULL when out of memory. */
static void *
check_one(size_t i, void *ctx)
{
	validate_run *run = ctx;
	const char *path = run->files[i];
	checked *c = calloc(1, sizeof *c);
	const upl_validate_options *opts = &run->a->opts;
	if (c == NULL)
		return NULL;
	if (upl_report_new(&c->report) != 0) {
		c->rc = UPL_ENOMEM;
		return c;
	}
	/* every input alike (streamed unless --in-memory) */
	c->rc = strcmp(path, "-") == 0
		? upl_validate_fd(c->report, STDIN_FILENO, display_name(path), opts, &c->err)
		: upl_validate_file(c->report, path, opts, &c->err);
	return c;
}

/* Print what file i gave and free it; the calling thread, in file order.
 * Returns the file's exit status. */
static int
print_one(const validate_args *a, const char *name, const checked *c, int *first)
{
	const upl_report *report = c ? c->report : NULL;
	size_t k;
	if (c == NULL || c->rc != 0 || report == NULL) {
		const char *code = c && c->rc == UPL_EIO ? "io-error" : "internal-error";
		const char *msg = c && c->err ? upl_error_message(c->err) : "out of memory";
		if (a->json && !a->quiet)
			cli_json_diag(stdout, first, name, 0, 0, "error", code, msg);
		else if (!a->quiet)
			fprintf(stderr, "%s: error: %s [%s]\n", name, msg, code);
		return CLI_FAILURE;
	}
	if (a->json && !a->quiet)
		cli_json_report(stdout, first, report);
	for (k = 0; k < upl_report_count(report) && !a->quiet && !a->json; k++) {
		const upl_diag *d = upl_report_get(report, k);
		cli_gnu_diag(stderr, upl_diag_file(d), upl_diag_line(d), upl_diag_column(d),
			     upl_severity_name(upl_diag_severity(d)), upl_diag_code(d),
			     upl_diag_message(d));
	}
	if (upl_report_failed(report, a->strict))
		return CLI_INVALID;
	if (a->verbose && !a->quiet && !a->json)
		printf("%s: valid\n", name);
	return CLI_OK;
}

static void
emit_one(size_t i, void *result, void *ctx)
{
	validate_run *run = ctx;
	checked *c = result;
	int st = print_one(run->a, display_name(run->files[i]), c, &run->first);
	if (st == CLI_FAILURE || (st == CLI_INVALID && run->status == CLI_OK))
		run->status = st;
	if (c) {
		upl_report_free(c->report);
		upl_error_free(c->err);
		free(c);
	}
}

/* Standard input more than once: its readers must take it in file order,
 * so those files are checked one after the other. */
static int
stdin_twice(char **files, int n)
{
	int i, seen = 0;
	for (i = 0; i < n; i++)
		if (strcmp(files[i], "-") == 0 && seen++)
			return 1;
	return 0;
}

int
cli_cmd_validate(int argc, char **argv)
{
	validate_args a = { 0, 0, 0, 0, 1, UPL_VALIDATE_OPTIONS_INIT };
	validate_run run;
	int i;

	a.opts.flags = UPL_VALIDATE_STREAM; /* the default; --in-memory takes it off */
	if ((i = validate_options(&a, argc, argv)) >= 0)
		return i;
	run.a = &a;
	run.files = argv + optind;
	run.first = 1;
	run.status = CLI_OK;
	if (a.json && !a.quiet)
		fputc('[', stdout);
	cli_jobs_run((size_t)(argc - optind), stdin_twice(run.files, argc - optind) ? 1 : a.jobs,
		     check_one, emit_one, &run);
	if (a.json && !a.quiet)
		fputs(run.first ? "]\n" : "\n]\n", stdout);
	if (fflush(stdout) != 0) {
		cli_errorf("cannot write to standard output");
		return CLI_FAILURE;
	}
	return run.status;
}

/* ------------------------------------------------------------------------ */
/* Parsing one input for format and summary                                 */

/* Parse path ('-' = stdin); print the error and give the exit status on
 * failure. */
static int
load(upl_doc **out, const char *path, size_t max_bytes)
{
	upl_parse_options po = UPL_PARSE_OPTIONS_INIT;
	upl_error *err = NULL;
	int rc, is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	po.max_bytes = max_bytes;
	rc = is_stdin ? upl_doc_parse_fd(out, STDIN_FILENO, name, &po, &err)
		      : upl_doc_parse_file(out, path, &po, &err);
	if (rc == 0)
		return CLI_OK;
	cli_print_error(err, name);
	upl_error_free(err);
	return rc == UPL_EPARSE ? CLI_INVALID : CLI_FAILURE;
}

/* ------------------------------------------------------------------------ */
/* format                                                                   */

static void
format_usage(FILE *fp)
{
	fprintf(fp,
		"Usage: %s format [-o OUT] FILE\n"
		"Write FILE in canonical form: UTF-8, two-space indentation, fixed\n"
		"attribute order, text kept exactly. FILE must be a valid plan document.\n"
		"'-' reads standard input.\n\n"
		"  -o, --output=OUT  write to OUT (atomically: a temporary file renamed\n"
		"                    over OUT, which is untouched if anything fails);\n"
		"                    default standard output\n"
		"      --max-size=SIZE  refuse to read FILE, or to write XML, larger\n"
		"                    than SIZE bytes (K, M, G: binary units; default 64M)\n"
		"  -h, --help        show this help and exit\n\n"
		"Exit status: 0 done, 1 FILE is not a valid plan document, 2 usage error,\n"
		"3 I/O or internal error.\n",
		cli_program);
}

int
cli_cmd_format(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "max-size", required_argument, NULL, 'Z' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	upl_write_options wo = UPL_WRITE_OPTIONS_INIT;
	const char *output = NULL;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	char *text = NULL;
	size_t len = 0;
	int c, status;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'Z':
			if (cli_parse_size(optarg, &wo.max_bytes) != 0)
				return cli_usage_error("format", "--max-size takes a size in bytes (or with K, M, G), not '%s'",
						       optarg);
			break;
		case 'h': format_usage(stdout); return CLI_OK;
		default:
			return cli_usage_error("format", "unknown option or missing argument '%s'",
					       argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("format", "no file given");
	if (argc - optind > 1)
		return cli_usage_error("format", "one file at a time");
	status = load(&doc, argv[optind], wo.max_bytes);
	if (status != CLI_OK)
		return status;
	if (upl_doc_write_buffer(&text, &len, doc, &wo, &err) != 0) {
		cli_print_error(err, argv[optind]);
		upl_error_free(err);
		upl_doc_free(doc);
		return CLI_FAILURE;
	}
	status = cli_write_output(output, text, len) == 0 ? CLI_OK : CLI_FAILURE;
	upl_free(text);
	upl_doc_free(doc);
	return status;
}

/* ------------------------------------------------------------------------ */
/* summary                                                                  */

static void
summary_usage(FILE *fp)
{
	fprintf(fp,
		"Usage: %s summary FILE...\n"
		"Print what each plan holds: title, period, authors, parts, schedule\n"
		"months, activities (dated and holiday ones). '-' reads standard input.\n\n"
		"  -h, --help  show this help and exit\n\n"
		"Exit status: 0 done, 1 some file is not a valid plan document, 2 usage\n"
		"error, 3 I/O or internal error.\n",
		cli_program);
}

void
cli_print_plan_summary(const upl_plan *p, size_t index, size_t count, int detail)
{
	upl_period period = UPL_PERIOD_INIT;
	size_t counts[8] = { 0 }, dated = 0, holidays = 0, k;
	upl_iter *it = NULL;
	upl_node *n;
	char a[UPL_DATE_ISO_SIZE], b[UPL_DATE_ISO_SIZE];

	if (count > 1)
		printf("plan %zu of %zu\n", index + 1, count);
	printf("  title:      %s\n", upl_plan_title(p) ? upl_plan_title(p) : "(none)");
	printf("  script:     %s\n", upl_plan_lang(p) ? upl_plan_lang(p) : "(not given)");
	if (upl_plan_organization(p))
		printf("  organization: %s\n", upl_plan_organization(p));
	for (k = 0; k < upl_plan_author_count(p); k++)
		printf("  author:     %s\n", upl_plan_author(p, k));
	if (upl_plan_docnumber(p))
		printf("  docnumber:  %s\n", upl_plan_docnumber(p));
	if (upl_plan_period(p, &period) == 0) {
		printf("  period:     %s (%s", period.text ? period.text : "",
		       upl_period_kind_name(period.kind));
		if (upl_date_format(a, period.start) == 0 && upl_date_format(b, period.end) == 0)
			printf(", %s .. %s", a, b);
		printf(")\n");
	}
	if (upl_iter_new(&it, p, UPL_KIND_ALL) == 0) {
		while (upl_iter_next(it, &n) == 0) {
			upl_date d = upl_node_date(n);
			counts[upl_node_kind(n)]++;
			if (upl_node_kind(n) == UPL_NODE_ACTIVITY) {
				if (d.month)
					dated++;
				if (upl_node_holiday(n))
					holidays++;
			}
		}
		upl_iter_free(it);
	}
	printf("  sections:   %zu\n", counts[UPL_NODE_SECTION]);
	printf("  items:      %zu\n", counts[UPL_NODE_ITEM]);
	printf("  paragraphs: %zu\n", counts[UPL_NODE_PARAGRAPH]);
	printf("  notes:      %zu\n", counts[UPL_NODE_NOTE]);
	printf("  schedule:   %zu month entries, %zu activities (%zu dated, %zu naming a holiday)\n",
	       counts[UPL_NODE_MONTH], counts[UPL_NODE_ACTIVITY], dated, holidays);
	if (upl_iter_new(&it, p, UPL_KIND_BIT(UPL_NODE_MONTH)) == 0) {
		while (upl_iter_next(it, &n) == 0) {
			printf("    ");
			if (upl_node_year(n))
				printf("%04d-", upl_node_year(n));
			printf("%02d", upl_node_month(n));
			if (upl_node_month_to(n))
				printf("..%02d", upl_node_month_to(n));
			printf("  %-10s %zu activities\n",
			       upl_node_label(n) ? upl_node_label(n) : "",
			       upl_node_child_count(n));
			for (k = 0; detail && k < upl_node_child_count(n); k++) {
				const upl_node *act = upl_node_child(n, k);
				upl_date d = upl_node_date(act);
				if (!d.month && !upl_node_holiday(act))
					continue;
				printf("      %s%s", upl_node_label(act) ? upl_node_label(act) : "",
				       upl_node_text(act));
				if (upl_date_format(a, d) == 0)
					printf("  [date %s]", a);
				if (upl_node_holiday(act))
					printf("  [holiday %s%s%s]", upl_node_holiday(act),
					       upl_node_relation(act) ? ", " : "",
					       upl_node_relation(act) ? upl_relation_name(upl_node_relation(act)) : "");
				printf("\n");
			}
		}
		upl_iter_free(it);
	}
}

int
cli_cmd_summary(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, i, status = CLI_OK;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		if (c == 'h') {
			summary_usage(stdout);
			return CLI_OK;
		}
		return cli_usage_error("summary", "unknown option '%s'", argv[optind - 1]);
	}
	if (optind >= argc)
		return cli_usage_error("summary", "no file given");
	for (i = optind; i < argc; i++) {
		upl_doc *doc = NULL;
		size_t k;
		int st = load(&doc, argv[i], 0);
		if (st != CLI_OK) {
			if (status == CLI_OK || st == CLI_FAILURE)
				status = st;
			continue;
		}
		printf("%s:\n", strcmp(argv[i], "-") == 0 ? "<stdin>" : argv[i]);
		for (k = 0; k < upl_doc_plan_count(doc); k++)
			cli_print_plan_summary(upl_doc_plan(doc, k), k, upl_doc_plan_count(doc), 0);
		upl_doc_free(doc);
	}
	if (fflush(stdout) != 0) {
		cli_errorf("cannot write to standard output");
		return CLI_FAILURE;
	}
	return status;
}

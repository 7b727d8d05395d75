/* unionplan import: a plain-text plan to XML. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void
import_usage(FILE *fp)
{
	fprintf(fp,
		"Usage: %s import [OPTION]... FILE\n"
		"Turn a plain-text plan (as pasted from Word or a web page) into a plan\n"
		"document in canonical XML. '-' reads standard input.\n\n"
		"      --from=FORMAT   text (default: a plain-text plan) or json (the JSON\n"
		"                      of 'unionplan export', back to canonical XML)\n"
		"  -e, --encoding=ENC  the text's encoding: auto (default: detected), utf-8,\n"
		"                      gb18030 (also reads GBK and GB2312) or big5\n"
		"      --simplified    convert traditional characters to simplified in the\n"
		"                      kept text (xml:lang then says zh-Hans)\n"
		"  -o, --output=OUT    write the XML to OUT (atomically: a temporary file\n"
		"                      renamed over OUT, which is untouched if anything\n"
		"                      fails); default standard output\n"
		"  -r, --report        print what was recognised (plans, parts, months,\n"
		"                      activities, dates, holidays) and every note on\n"
		"                      standard output; the XML is written only with -o\n"
		"      --lang=LANG     notes in 'en' or 'zh-Hans' (default: from LANGUAGE,\n"
		"                      LC_ALL, LC_MESSAGES, LANG)\n"
		"  -q, --quiet         do not print the importer's notes\n"
		"      --max-size=SIZE refuse text larger than SIZE bytes (K, M, G: binary\n"
		"                      units; default 16M; exactly SIZE is read)\n"
		"  -h, --help          show this help and exit\n\n"
		"The importer's notes (what it removed as web noise, where it split a\n"
		"compilation into plans) go to standard error as FILE:LINE:COL: note:\n"
		"MESSAGE [CODE]. The XML written always passes the schema.\n"
		"Exit status: 0 done, 1 the input cannot be decoded or holds no text,\n"
		"2 usage error, 3 I/O or internal error.\n",
		cli_program);
}

static void
print_notes(FILE *fp, const upl_report *report)
{
	size_t k;
	for (k = 0; k < upl_report_count(report); k++) {
		const upl_diag *d = upl_report_get(report, k);
		cli_gnu_diag(fp, upl_diag_file(d), upl_diag_line(d), upl_diag_column(d),
			     upl_severity_name(upl_diag_severity(d)), upl_diag_code(d),
			     upl_diag_message(d));
	}
}

/* The importer promises schema-valid output; check it all the same, so a
 * bug can never hand a pipeline an invalid document. */
static int
check_output(const char *xml, size_t len, const char *name)
{
	upl_validate_options vopts = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *r = NULL;
	upl_error *err = NULL;
	int status = CLI_OK;
	vopts.flags |= UPL_VALIDATE_SCHEMA_ONLY;
	if (upl_report_new(&r) != 0 || upl_validate_buffer(r, xml, len, name, &vopts, &err) != 0) {
		cli_errorf("internal error: %s", err ? upl_error_message(err) : "out of memory");
		status = CLI_FAILURE;
	} else if (upl_report_failed(r, 0)) {
		cli_errorf("internal error: the imported document does not pass the schema");
		print_notes(stderr, r);
		status = CLI_FAILURE;
	}
	upl_error_free(err);
	upl_report_free(r);
	return status;
}

/* What the options asked for. */
typedef struct import_args {
	upl_import_options iopts;
	const char *output;
	int report_mode, quiet, from_json;
} import_args;

/* Parse the options: -1 when they are all good, else the exit status. */
static int
import_options(import_args *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'F' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "simplified", no_argument, NULL, 'S' },
		{ "output", required_argument, NULL, 'o' },
		{ "report", no_argument, NULL, 'r' },
		{ "lang", required_argument, NULL, 'L' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "max-size", required_argument, NULL, 'Z' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const encodings[] = { "auto", "utf-8", "gb18030", "big5", "gbk", "gb2312", "utf8", NULL };
	static const char *const langs[] = { "en", "zh-Hans", "zh", "zh_CN", NULL };
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+e:o:rqh", longopts, NULL)) != -1) {
		switch (c) {
		case 'F':
			if ((a->from_json = cli_pick(optarg, (const char *const[]){ "text", "json", NULL })) < 0)
				return cli_usage_error("import", "unknown input format '%s' (text or json)", optarg);
			break;
		case 'e':
			if (cli_pick(optarg, encodings) < 0)
				return cli_usage_error("import", "unknown encoding '%s' (auto, utf-8, gb18030 or big5)",
						       optarg);
			a->iopts.encoding = optarg;
			break;
		case 'S': a->iopts.flags |= UPL_IMPORT_SIMPLIFIED; break;
		case 'o': a->output = optarg; break;
		case 'r': a->report_mode = 1; break;
		case 'L':
			if (cli_pick(optarg, langs) < 0)
				return cli_usage_error("import", "unknown language '%s' (en or zh-Hans)", optarg);
			a->iopts.lang = optarg;
			break;
		case 'q': a->quiet = 1; break;
		case 'Z':
			if (cli_parse_size(optarg, &a->iopts.max_bytes) != 0)
				return cli_usage_error("import", "--max-size takes a size in bytes (or with K, M, G), not '%s'",
						       optarg);
			break;
		case 'h': import_usage(stdout); return CLI_OK;
		default:
			return cli_usage_error("import", "unknown option or missing argument '%s'",
					       argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("import", "no file given");
	if (optind + 1 < argc)
		return cli_usage_error("import", "one file at a time ('%s' is one too many)", argv[optind + 1]);
	if (a->from_json && (a->iopts.encoding || a->iopts.flags || a->report_mode))
		return cli_usage_error("import", "--from=json takes no --encoding, --simplified or --report");
	return -1;
}

/* The imported document, checked, then summarised or written. */
static int
import_output(const import_args *a, const upl_doc *doc, const upl_report *report, const char *name)
{
	upl_error *err = NULL;
	char *xml = NULL;
	size_t len = 0, k;
	int status = CLI_OK;
	if (upl_doc_write_buffer(&xml, &len, doc, NULL, &err) != 0) {
		cli_print_error(err, name);
		upl_error_free(err);
		status = CLI_FAILURE;
	}
	if (status == CLI_OK)
		status = check_output(xml, len, name);
	if (status == CLI_OK && a->report_mode) {
		printf("%s: %zu plan%s\n", name, upl_doc_plan_count(doc),
		       upl_doc_plan_count(doc) == 1 ? "" : "s");
		for (k = 0; k < upl_doc_plan_count(doc); k++)
			cli_print_plan_summary(upl_doc_plan(doc, k), k, upl_doc_plan_count(doc), 1);
		printf("notes: %zu\n", upl_report_count(report));
		print_notes(stdout, report);
	} else if (status == CLI_OK && !a->quiet) {
		print_notes(stderr, report);
	}
	if (status == CLI_OK && (a->output || !a->report_mode) &&
	    cli_write_output(a->output, xml, len) != 0)
		status = CLI_FAILURE;
	upl_free(xml);
	return status;
}

int
cli_cmd_import(int argc, char **argv)
{
	import_args a = { UPL_IMPORT_OPTIONS_INIT, NULL, 0, 0, 0 };
	const char *path, *name;
	int rc, status;
	upl_report *report = NULL;
	upl_doc *doc = NULL;
	upl_error *err = NULL;

	status = import_options(&a, argc, argv);
	if (status >= 0)
		return status;
	if (a.from_json)
		return cli_import_json(argv[optind], a.output);
	path = argv[optind];
	name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if (upl_report_new(&report) != 0) {
		cli_errorf("out of memory");
		return CLI_FAILURE;
	}
	if (strcmp(path, "-") == 0)
		rc = upl_import_fd(&doc, report, STDIN_FILENO, name, &a.iopts, &err);
	else
		rc = upl_import_file(&doc, report, path, &a.iopts, &err);
	if (rc != 0) {
		if (!a.quiet)
			print_notes(stderr, report);
		cli_print_error(err, name);
		upl_error_free(err);
		upl_report_free(report);
		return rc == UPL_EIO || rc == UPL_ENOMEM ? CLI_FAILURE : CLI_INVALID;
	}
	status = import_output(&a, doc, report, name);
	upl_doc_free(doc);
	upl_report_free(report);
	if (fflush(stdout) != 0) {
		cli_errorf("cannot write to standard output");
		return CLI_FAILURE;
	}
	return status;
}

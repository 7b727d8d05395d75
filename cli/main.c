/* unionplan: command-line front end of libunionplan. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *cli_program = "unionplan";

struct command {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
#define CLI_COMMAND(name, summary) { #name, summary, cli_cmd_##name },
#include "commands.h"
#undef CLI_COMMAND
	{ NULL, NULL, NULL }
};

static void
usage(FILE *fp)
{
	const struct command *c;
	fprintf(fp,
		"Usage: %s COMMAND [OPTION]... [ARG]...\n"
		"Read, check and write Chinese school trade-union work plans\n"
		"(学校工会工作计划) in the unionplan XML format.\n\n"
		"Commands:\n", cli_program);
	for (c = commands; c->name; c++)
		fprintf(fp, "  %-10s %s\n", c->name, c->summary);
	fprintf(fp,
		"\nOptions:\n"
		"  -h, --help     show this help and exit\n"
		"  -V, --version  show the program's and the library's versions\n\n"
		"Run '%s COMMAND --help' for the options of a command.\n"
		"Exit status: 0 all good, 1 some input invalid, 2 usage error,\n"
		"3 I/O or internal error.\n", cli_program);
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s%s%s: ", cli_program, cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s%s%s --help' for more information.\n",
		cli_program, cmd ? " " : "", cmd ? cmd : "");
	return CLI_USAGE;
}

/* The element of argv getopt was reading when it stopped at the short
 * option c: it stays at argv[optind] while a cluster goes on, and is
 * argv[optind - 1] once the cluster is done. */
static const char *
cluster_of(int argc, char **argv, int c)
{
	if (optind < argc && argv[optind][0] == '-' && strchr(argv[optind] + 1, c) != NULL)
		return argv[optind];
	return argv[optind > 0 ? optind - 1 : 0];
}

int
cli_option_error(const char *cmd, int argc, char **argv, const char *shortopts)
{
	const char *arg;
	if (optopt == 0 || (optopt != ':' && strchr(shortopts, optopt) != NULL))
		/* an unknown long option, or an option without its argument */
		return cli_usage_error(cmd, "unknown option or missing argument '%s'",
				       argv[optind > 0 ? optind - 1 : 0]);
	arg = cluster_of(argc, argv, optopt);
	if (strlen(arg) == 2)
		return cli_usage_error(cmd, "unknown option '%s'", arg);
	return cli_usage_error(cmd, "unknown option '-%c' in '%s'%s", optopt, arg,
			       arg[1] >= '0' && arg[1] <= '9' ?
			       " (a DATE is YYYY-MM-DD, with no sign)" : "");
}

void
cli_errorf(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", cli_program);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cli_print_error(const upl_error *err, const char *fallback_file)
{
	const char *file = upl_error_file(err);
	if (file == NULL)
		file = fallback_file;
	cli_put_escaped(stderr, file ? file : cli_program);
	if (file && upl_error_line(err))
		fprintf(stderr, ":%u:%u", upl_error_line(err), upl_error_column(err));
	fputs(": error: ", stderr);
	cli_put_escaped(stderr, upl_error_message(err));
	fputc('\n', stderr);
}

int
cli_parse_size(const char *arg, size_t *out)
{
	size_t n = 0, unit = 1;
	const char *p = arg;
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (SIZE_MAX - 9) / 10)
			return -1;
		n = n * 10 + (size_t)(*p - '0');
	}
	if (*p == 'K' || *p == 'k')
		unit = 1024;
	else if (*p == 'M')
		unit = (size_t)1024 * 1024;
	else if (*p == 'G')
		unit = (size_t)1024 * 1024 * 1024;
	if (unit > 1)
		p++;
	if (*p != '\0' || n == 0 || n > SIZE_MAX / unit)
		return -1;
	*out = n * unit;
	return 0;
}

int
cli_pick(const char *value, const char *const *choices)
{
	int i;
	for (i = 0; choices[i]; i++)
		if (strcmp(value, choices[i]) == 0)
			return i;
	return -1;
}

int
cli_write_output(const char *path, const char *data, size_t len)
{
	upl_error *err = NULL;
	int rc;
	if (path == NULL || strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			cli_errorf("cannot write to standard output: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	fflush(stdout); /* -o /dev/stdout comes after what was printed */
	rc = upl_write_file_atomic(path, data, len, &err);
	if (rc != 0) {
		cli_errorf("%s: %s", path, err ? upl_error_message(err) : upl_strerror(rc));
		upl_error_free(err);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const struct command *c;
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("%s %s\nlibunionplan %s\n", cli_program, PACKAGE_VERSION,
		       upl_version(NULL, NULL, NULL));
		return CLI_OK;
	}
	for (c = commands; c->name; c++)
		if (strcmp(argv[1], c->name) == 0)
			return c->run(argc - 1, argv + 1);
	if (argv[1][0] == '-')
		return cli_usage_error(NULL, "unknown option '%s'", argv[1]);
	return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}

/* The unionplan command: shared declarations for the subcommands. */
#ifndef UNIONPLAN_CLI_H
#define UNIONPLAN_CLI_H

#include <stddef.h>
#include <stdio.h>

#include <unionplan.h>

#include "json.h"

/* Exit statuses (see unionplan(1)). */
enum {
	CLI_OK = 0,       /* all good (warnings allowed unless --strict) */
	CLI_INVALID = 1,  /* some input invalid */
	CLI_USAGE = 2,    /* usage error */
	CLI_FAILURE = 3   /* I/O or internal error */
};

/* Every subcommand: int cli_cmd_NAME(int argc, char **argv), where argv[0]
 * is the subcommand's name. The list lives in commands.h. */
#define CLI_COMMAND(name, summary) int cli_cmd_##name(int argc, char **argv);
#include "commands.h"
#undef CLI_COMMAND

/* The program name for messages ("unionplan"). */
extern const char *cli_program;

/* Print "unionplan CMD: message" on stderr and return CLI_USAGE, adding a
 * hint to run --help. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The usage error of getopt_long() returning '?' for the command cmd
 * (shortopts as given to it): the long option or the option without its
 * argument, or the unknown short option and the argument it came in
 * ("-0001-01-01" is read as options: it names '-0' and the whole). */
int cli_option_error(const char *cmd, int argc, char **argv, const char *shortopts);

/* Print "unionplan: message" on stderr. */
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print an upl_error as "FILE:LINE:COL: error: message" (or without the
 * position parts it lacks) on stderr. */
void cli_print_error(const upl_error *err, const char *fallback_file);

/* Write len bytes to path atomically: a temporary file in the same
 * directory, fsync, rename. "-" or NULL writes to stdout. Returns 0, or -1
 * with a message printed. */
int cli_write_output(const char *path, const char *data, size_t len);

/* Write s (NULL = "") with its control characters escaped, so a file name
 * or message cannot forge a line of output: \n, \t, \r, other control
 * characters as \ooo (octal), and a backslash doubled. */
void cli_put_escaped(FILE *fp, const char *s);
/* Print a diagnostic as FILE:LINE:COL: SEVERITY: MESSAGE [CODE], the file
 * name and message escaped (cli_put_escaped()). */
void cli_gnu_diag(FILE *fp, const char *file, unsigned int line, unsigned int column,
		  const char *severity, const char *code, const char *message);

/* Print what a plan holds (unionplan summary); detail also lists the
 * activities that carry a date or a holiday. */
void cli_print_plan_summary(const upl_plan *p, size_t index, size_t count, int detail);

/* unionplan import --from=json: the JSON of unionplan export at path ('-'
 * = standard input) written as canonical XML to output (NULL = standard
 * output). Returns the exit status. In cmd-export.c. */
int cli_import_json(const char *path, const char *output);

/* --max-size=SIZE: bytes in decimal, or with K, M or G (1024, 1024^2,
 * 1024^3); at least 1. Returns 0, or -1 for anything else. */
int cli_parse_size(const char *arg, size_t *out);

/* Parse a --format=VALUE against a NULL-terminated list; returns the index
 * or -1. */
int cli_pick(const char *value, const char *const *choices);

#endif

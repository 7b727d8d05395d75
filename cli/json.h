/* JSON output of the unionplan command: every string written is valid
 * UTF-8 and valid JSON whatever bytes it was given (file names and
 * messages may hold anything). Used by the CLI and by the fuzz target
 * tests/fuzz/fuzz_json.c. */
#ifndef UNIONPLAN_CLI_JSON_H
#define UNIONPLAN_CLI_JSON_H

#include <stdio.h>

#include <unionplan.h>

/* Write s (NULL = "") as a JSON string literal: quoted, '"' and '\\'
 * escaped, control characters (U+0000–U+001F, U+007F) as \uXXXX, and each
 * byte that does not start a valid UTF-8 sequence (RFC 3629: no overlong
 * forms, surrogates or code points past U+10FFFF) replaced by U+FFFD. */
void cli_json_string(FILE *fp, const char *s);

/* Write one diagnostic as an object, one to a line, as an element of an
 * array: *first says whether it is the first element (and is cleared). */
void cli_json_diag(FILE *fp, int *first, const char *file, unsigned int line,
		   unsigned int column, const char *severity, const char *code,
		   const char *message);

/* Write every diagnostic of report with cli_json_diag(). */
void cli_json_report(FILE *fp, int *first, const upl_report *report);

#endif

/* JSON output of the unionplan command (see json.h). */
#include "config.h"

#include "json.h"

void
cli_json_string(FILE *fp, const char *s)
{
	char *lit = NULL;
	size_t len = 0;
	if (upl_json_quote(&lit, &len, s, (size_t)-1, UPL_JSON_REPLACE_INVALID, NULL) != 0) {
		fputs("\"\\ufffd\"", fp); /* out of memory: still a string */
		return;
	}
	fwrite(lit, 1, len, fp);
	upl_free(lit);
}

void
cli_json_diag(FILE *fp, int *first, const char *file, unsigned int line, unsigned int column,
	      const char *severity, const char *code, const char *message)
{
	fputs(*first ? "\n  {" : ",\n  {", fp);
	*first = 0;
	fputs("\"file\": ", fp);
	cli_json_string(fp, file);
	fprintf(fp, ", \"line\": %u, \"column\": %u, \"severity\": ", line, column);
	cli_json_string(fp, severity);
	fputs(", \"code\": ", fp);
	cli_json_string(fp, code);
	fputs(", \"message\": ", fp);
	cli_json_string(fp, message);
	fputc('}', fp);
}

void
cli_json_report(FILE *fp, int *first, const upl_report *report)
{
	size_t k;
	for (k = 0; k < upl_report_count(report); k++) {
		const upl_diag *d = upl_report_get(report, k);
		cli_json_diag(fp, first, upl_diag_file(d), upl_diag_line(d), upl_diag_column(d),
			      upl_severity_name(upl_diag_severity(d)), upl_diag_code(d),
			      upl_diag_message(d));
	}
}

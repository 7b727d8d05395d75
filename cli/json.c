/* JSON output of the unionplan command (see json.h). */
#include "config.h"

#include "json.h"

/* The length of the well-formed UTF-8 sequence at p (NUL-terminated), or
 * 0. The second byte's range depends on the first (RFC 3629, table 3-7 of
 * the Unicode standard). */
static size_t
sequence_length(const unsigned char *p)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n, k;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4;
	else
		return 0;
	if (p[0] == 0xE0)
		lo = 0xA0; /* overlong */
	else if (p[0] == 0xED)
		hi = 0x9F; /* surrogates */
	else if (p[0] == 0xF0)
		lo = 0x90; /* overlong */
	else if (p[0] == 0xF4)
		hi = 0x8F; /* past U+10FFFF */
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (k = 2; k < n; k++)
		if (p[k] < 0x80 || p[k] > 0xBF)
			return 0;
	return n;
}

void
cli_json_string(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	fputc('"', fp);
	while (*p) {
		size_t n = sequence_length(p);
		if (n == 0) {
			fputs("\\ufffd", fp);
			p++;
			continue;
		}
		if (n > 1)
			fwrite(p, 1, n, fp);
		else if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\r')
			fputs("\\r", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p < 0x20 || *p == 0x7F)
			fprintf(fp, "\\u%04x", *p);
		else
			fputc(*p, fp);
		p += n;
	}
	fputc('"', fp);
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

/* Fuzz target: any bytes through validation and the command line's JSON
 * writer (cli/json.c), under a file name made of the input's first bytes;
 * the output must be valid UTF-8 and well-formed JSON (RFC 8259), checked
 * by the strict reader below, whatever the input and its name hold.
 *
 * Built two ways, as fuzz_parse.c: a libFuzzer target (`make fuzz`) and,
 * with tests/fuzz/replay.c, a program make check runs over the corpus. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* --- a strict JSON reader: 1 when s[*i..n) starts with a value ---------- */

static int value(const char *s, size_t n, size_t *i, int depth);

static void
space(const char *s, size_t n, size_t *i)
{
	while (*i < n && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r'))
		(*i)++;
}

/* One UTF-8 character of a string (well-formed: RFC 3629), at least 0x20. */
static int
character(const unsigned char *p, size_t n, size_t *i)
{
	unsigned char c = p[*i], lo = 0x80, hi = 0xBF;
	size_t len, k;
	if (c < 0x20)
		return 0;
	if (c < 0x80) {
		(*i)++;
		return 1;
	}
	len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	if (len == 0 || *i + len > n)
		return 0;
	if (c == 0xE0)
		lo = 0xA0;
	if (c == 0xED)
		hi = 0x9F;
	if (c == 0xF0)
		lo = 0x90;
	if (c == 0xF4)
		hi = 0x8F;
	if (p[*i + 1] < lo || p[*i + 1] > hi)
		return 0;
	for (k = 2; k < len; k++)
		if (p[*i + k] < 0x80 || p[*i + k] > 0xBF)
			return 0;
	*i += len;
	return 1;
}

static int
string(const char *s, size_t n, size_t *i)
{
	if (*i >= n || s[*i] != '"')
		return 0;
	(*i)++;
	while (*i < n && s[*i] != '"') {
		if (s[*i] == '\\') {
			size_t k;
			if (++*i >= n)
				return 0;
			if (s[*i] == 'u') {
				for (k = 1; k <= 4; k++)
					if (*i + k >= n || !strchr("0123456789abcdefABCDEF", s[*i + k]) ||
					    s[*i + k] == '\0')
						return 0;
				*i += 5;
			} else if (strchr("\"\\/bfnrt", s[*i]) && s[*i] != '\0') {
				(*i)++;
			} else {
				return 0;
			}
		} else if (!character((const unsigned char *)s, n, i)) {
			return 0;
		}
	}
	if (*i >= n)
		return 0;
	(*i)++;
	return 1;
}

static int
number(const char *s, size_t n, size_t *i)
{
	size_t start;
	if (*i < n && s[*i] == '-')
		(*i)++;
	start = *i;
	while (*i < n && s[*i] >= '0' && s[*i] <= '9')
		(*i)++;
	if (*i == start || (s[start] == '0' && *i - start > 1))
		return 0;
	return 1; /* the writer gives integers only */
}

/* "[" v ("," v)* "]" or "{" k ":" v ("," k ":" v)* "}", or empty ones. */
static int
container(const char *s, size_t n, size_t *i, int depth)
{
	char close = s[*i] == '[' ? ']' : '}';
	(*i)++;
	space(s, n, i);
	if (*i < n && s[*i] == close) {
		(*i)++;
		return 1;
	}
	for (;;) {
		if (close == '}') {
			if (!string(s, n, i))
				return 0;
			space(s, n, i);
			if (*i >= n || s[(*i)++] != ':')
				return 0;
		}
		if (!value(s, n, i, depth + 1))
			return 0;
		space(s, n, i);
		if (*i >= n)
			return 0;
		if (s[*i] == close) {
			(*i)++;
			return 1;
		}
		if (s[(*i)++] != ',')
			return 0;
		space(s, n, i);
	}
}

static int
value(const char *s, size_t n, size_t *i, int depth)
{
	space(s, n, i);
	if (*i >= n || depth > 64)
		return 0;
	switch (s[*i]) {
	case '[':
	case '{':
		return container(s, n, i, depth);
	case '"':
		return string(s, n, i);
	default:
		return number(s, n, i);
	}
}

/* The whole text is one array. */
static int
json_array(const char *s, size_t n)
{
	size_t i = 0;
	space(s, n, &i);
	if (i >= n || s[i] != '[' || !value(s, n, &i, 0))
		return 0;
	space(s, n, &i);
	return i == n;
}

/* --- the target --------------------------------------------------------- */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	upl_report *report = NULL;
	char name[24], *out = NULL;
	size_t len = 0, k = size < sizeof name - 1 ? size : sizeof name - 1;
	int first = 1;
	FILE *fp;

	/* the file name: the input's first bytes, whatever they are */
	memcpy(name, data, k);
	name[k] = '\0';
	if (upl_report_new(&report) != 0)
		return 0;
	fp = open_memstream(&out, &len);
	if (fp == NULL) {
		upl_report_free(report);
		return 0;
	}
	fputc('[', fp);
	if (upl_validate_buffer(report, data, size, name, NULL, NULL) == 0)
		cli_json_report(fp, &first, report);
	/* what the command prints when a file cannot be read */
	cli_json_diag(fp, &first, name, 0, 0, "error", "io-error", name);
	fputs("\n]\n", fp);
	if (fclose(fp) != 0)
		abort();
	if (!json_array(out, len))
		abort();
	free(out);
	upl_report_free(report);
	return 0;
}

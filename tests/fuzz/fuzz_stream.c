/* Fuzz target: the streaming reader against the whole-document one. Any
 * bytes are validated both ways, upl_validate_fd() with UPL_VALIDATE_STREAM
 * over an in-memory file and upl_validate_buffer(), and the two reports
 * must be the same: the same return code, and the same diagnostics
 * (severity, code, file, line, column, message) in the same order, except
 * the wording and place of a syntax error where libxml2's push parser has
 * its own (the severity and code must agree even then). Streamed from the
 * bytes in memory (upl_validate_buffer() with the flag), the report must be
 * the descriptor's word for word. The options come from the input's
 * length, so that every input runs one of
 * four ways: every rule; the schema only; a cap of two diagnostics; every
 * diagnostic, in Chinese.
 *
 * Built two ways, as fuzz_parse.c: a libFuzzer target (`make fuzz-bin`) and,
 * with tests/fuzz/replay.c, a program make check runs over the corpus. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <unionplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An unnamed file holding data, read from its start; -1 when none. */
static int
memory_file(const uint8_t *data, size_t size)
{
	size_t done = 0;
	int fd = memfd_create("fuzz-stream", MFD_CLOEXEC);
	if (fd < 0) {
		FILE *fp = tmpfile();
		if (fp == NULL)
			return -1;
		fd = dup(fileno(fp));
		fclose(fp);
		if (fd < 0)
			return -1;
	}
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		if (n <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)n;
	}
	if (lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* strict: syntax errors too must agree word for word */
static void
same_reports(const upl_report *a, const upl_report *b, int strict)
{
	size_t i;
	if (upl_report_count(a) != upl_report_count(b))
		abort(); /* one path said more than the other */
	for (i = 0; i < upl_report_count(a); i++) {
		const upl_diag *x = upl_report_get(a, i), *y = upl_report_get(b, i);
		if (upl_diag_severity(x) != upl_diag_severity(y) ||
		    !same_text(upl_diag_code(x), upl_diag_code(y)) ||
		    !same_text(upl_diag_file(x), upl_diag_file(y)))
			abort(); /* the paths disagree on a diagnostic */
		/* libxml2's push parser words some syntax errors of its own
		 * and places them elsewhere (doc/cli.md): the rest must agree */
		if (!strict && strcmp(upl_diag_code(x), "xml-syntax") == 0)
			continue;
		if (upl_diag_line(x) != upl_diag_line(y) || upl_diag_column(x) != upl_diag_column(y) ||
		    !same_text(upl_diag_message(x), upl_diag_message(y)))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	upl_validate_options opts = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *whole = NULL, *streamed = NULL, *from_memory = NULL;
	int fd, rc1, rc2, rc3;
	switch (size % 4) {
	case 1:
		opts.flags |= UPL_VALIDATE_SCHEMA_ONLY;
		break;
	case 2:
		opts.max_diagnostics = 2;
		break;
	case 3:
		opts.max_diagnostics = UPL_MAX_DIAGNOSTICS_NONE;
		opts.lang = "zh-Hans";
		break;
	default:
		break;
	}
	fd = memory_file(data, size);
	if (fd < 0)
		return 0;
	if (upl_report_new(&whole) != 0 || upl_report_new(&streamed) != 0)
		abort();
	rc1 = upl_validate_buffer(whole, data, size, "fuzz", &opts, NULL);
	opts.flags |= UPL_VALIDATE_STREAM;
	rc2 = upl_validate_fd(streamed, fd, "fuzz", &opts, NULL);
	close(fd);
	if (upl_report_new(&from_memory) != 0)
		abort();
	rc3 = upl_validate_buffer(from_memory, data, size, "fuzz", &opts, NULL);
	if (rc1 == UPL_ENOMEM || rc2 == UPL_ENOMEM || rc3 == UPL_ENOMEM)
		abort(); /* the fuzzer's allocations do not fail: a false "out of memory" */
	if (rc1 != rc2 || rc2 != rc3)
		abort();
	if (rc1 == 0) {
		same_reports(whole, streamed, 0);
		same_reports(streamed, from_memory, 1); /* one parser: every word the same */
	}
	upl_report_free(whole);
	upl_report_free(streamed);
	upl_report_free(from_memory);
	return 0;
}

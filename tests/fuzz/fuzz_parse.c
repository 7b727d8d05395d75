/* Fuzz target: any bytes through validation, parsing and, when the input
 * is a valid document, writing and re-reading it (which must succeed and
 * give the same bytes again: the canonical form is a fixed point).
 *
 * Built two ways: with clang -fsanitize=fuzzer as a libFuzzer target
 * (`make fuzz`), and with tests/fuzz/replay.c as a plain program that make
 * check runs over the whole test corpus. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	upl_report *report = NULL;
	upl_doc *doc = NULL, *again = NULL;
	upl_error *err = NULL;
	char *out = NULL, *out2 = NULL;
	size_t len = 0, len2 = 0;
	int rc;

	if (upl_report_new(&report) != 0)
		return 0;
	rc = upl_validate_buffer(report, data, size, "fuzz", NULL, NULL);
	if (rc == UPL_ENOMEM)
		abort(); /* the fuzzer's allocations do not fail: a false "out of memory" */
	if (rc == 0) {
		size_t i;
		for (i = 0; i < upl_report_count(report); i++) {
			const upl_diag *d = upl_report_get(report, i);
			if (upl_diag_code(d) == NULL || upl_diag_message(d) == NULL)
				abort();
		}
	}
	upl_report_free(report);

	rc = upl_doc_parse_buffer(&doc, data, size, "fuzz", NULL, &err);
	if (rc == UPL_ENOMEM)
		abort();
	if (rc == 0) {
		if (upl_doc_write_buffer(&out, &len, doc, NULL, NULL) != 0)
			abort(); /* a parsed document can always be written */
		if (upl_doc_parse_buffer(&again, out, len, "again", NULL, NULL) != 0)
			abort(); /* and what was written can be read */
		if (upl_doc_write_buffer(&out2, &len2, again, NULL, NULL) != 0 || len != len2 ||
		    memcmp(out, out2, len) != 0)
			abort(); /* and written again identically */
	} else if (err == NULL || upl_error_message(err) == NULL) {
		abort();
	}
	upl_free(out);
	upl_free(out2);
	upl_doc_free(again);
	upl_doc_free(doc);
	upl_error_free(err);
	return 0;
}

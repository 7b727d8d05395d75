/* Fuzz target of the importer: any bytes, in any encoding the detector
 * picks, must give either a clean error or a document that passes the
 * schema and survives a round trip through its XML.
 *
 * Built two ways, like fuzz_parse.c: with clang -fsanitize=fuzzer as a
 * libFuzzer target (`make fuzz`), and with tests/fuzz/replay.c as a plain
 * program that make check runs over the whole test corpus. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	upl_import_options o = UPL_IMPORT_OPTIONS_INIT;
	upl_validate_options vo = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *notes = NULL, *check = NULL;
	upl_doc *doc = NULL, *again = NULL;
	upl_error *err = NULL;
	char *out = NULL;
	size_t len = 0, i;
	int rc;

	if (upl_report_new(&notes) != 0 || upl_report_new(&check) != 0)
		abort();
	/* the first byte picks the options, so both paths get fuzzed */
	if (size > 0 && (data[0] & 1))
		o.flags |= UPL_IMPORT_SIMPLIFIED;
	rc = upl_import_buffer(&doc, notes, (const char *)data, size, "fuzz", &o, &err);
	if (rc == 0) {
		vo.flags |= UPL_VALIDATE_SCHEMA_ONLY;
		if (upl_doc_write_buffer(&out, &len, doc, NULL, NULL) != 0)
			abort(); /* an imported document can always be written */
		if (upl_validate_buffer(check, out, len, "imported", &vo, NULL) != 0 ||
		    upl_report_failed(check, 0))
			abort(); /* and always passes the schema */
		if (upl_doc_parse_buffer(&again, out, len, "again", NULL, NULL) != 0)
			abort();
		/* the rules run on it without trouble */
		upl_report_clear(check);
		if (upl_doc_validate(check, doc, NULL, NULL) != 0)
			abort();
	} else if (rc != UPL_EPARSE && rc != UPL_EENCODING && rc != UPL_EINVAL && rc != UPL_EIO) {
		abort(); /* UPL_ENOMEM included: the fuzzer's allocations do not fail */
	} else if (err == NULL || upl_error_message(err)[0] == '\0') {
		abort(); /* every failure says why */
	}
	for (i = 0; i < upl_report_count(notes); i++) {
		const upl_diag *d = upl_report_get(notes, i);
		if (upl_diag_code(d) == NULL || upl_diag_message(d) == NULL || upl_diag_line(d) == 0)
			abort(); /* every note has a position */
	}
	upl_free(out);
	upl_doc_free(doc);
	upl_doc_free(again);
	upl_error_free(err);
	upl_report_free(notes);
	upl_report_free(check);
	return 0;
}

/* Fuzz target of the Word and OpenDocument reader: any bytes, a ZIP
 * archive or an OLE2 file above all, must give either a clean refusal
 * with a message or a document that passes the schema, within the
 * container limits (set small here, so a bomb costs little).
 *
 * Built like fuzz_import.c: with clang -fsanitize=fuzzer (`make fuzz`),
 * and with tests/fuzz/replay.c as a program that make check runs over the
 * test corpus and, from tests/check-office-import.sh, over the .docx and
 * .odt fixtures and the hostile containers. Inputs that do not start like
 * a ZIP are given a ZIP's first bytes, so the fuzzer spends its time in
 * the container reader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_result(int rc, upl_doc *doc, upl_error *err)
{
	upl_validate_options vo = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *check = NULL;
	char *out = NULL;
	size_t len = 0;
	if (rc != 0) {
		if (rc != UPL_EPARSE && rc != UPL_EENCODING && rc != UPL_EINVAL && rc != UPL_EIO &&
		    rc != UPL_ENOMEM)
			abort();
		if (err == NULL || upl_error_message(err)[0] == '\0')
			abort(); /* every refusal says why */
		return;
	}
	if (upl_report_new(&check) != 0)
		abort();
	vo.flags |= UPL_VALIDATE_SCHEMA_ONLY;
	if (upl_doc_write_buffer(&out, &len, doc, NULL, NULL) != 0)
		abort();
	if (upl_validate_buffer(check, out, len, "imported", &vo, NULL) != 0 ||
	    upl_report_failed(check, 0))
		abort();
	upl_free(out);
	upl_report_free(check);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	upl_import_options o = UPL_IMPORT_OPTIONS_INIT;
	upl_report *notes = NULL;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	unsigned char *buf = NULL;
	const char *in = (const char *)data;
	size_t i;
	int rc;
	if (size < 2 || (memcmp(data, "PK", 2) != 0 && (data[0] & 0xff) != 0xD0)) {
		buf = malloc(size + 4);
		if (buf == NULL)
			return 0;
		memcpy(buf, "PK\003\004", 4);
		memcpy(buf + 4, data, size);
		in = (const char *)buf;
		size += 4;
	}
	o.max_unpacked = 4u << 20;
	o.max_ratio = 50;
	if (upl_report_new(&notes) != 0)
		abort();
	rc = upl_import_buffer(&doc, notes, in, size, "fuzz.docx", &o, &err);
	check_result(rc, doc, err);
	for (i = 0; i < upl_report_count(notes); i++) {
		const upl_diag *d = upl_report_get(notes, i);
		if (upl_diag_code(d) == NULL || upl_diag_message(d) == NULL || upl_diag_line(d) == 0)
			abort(); /* every note has a position */
	}
	upl_doc_free(doc);
	upl_error_free(err);
	upl_report_free(notes);
	free(buf);
	return 0;
}

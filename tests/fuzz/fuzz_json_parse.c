/* Fuzz target: any bytes through the JSON reader (upl_doc_parse_json_buffer)
 * and, when they are a plan document in XML, through the JSON exporter.
 * What is read must export and read back to the same JSON; a plan read
 * from XML must go to JSON and back to the same canonical XML. A refusal
 * must carry a message.
 *
 * Built two ways, as fuzz_parse.c: a libFuzzer target (`make fuzz`) and,
 * with tests/fuzz/replay.c, a program make check runs over the corpus. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* JSON -> model -> JSON must be a fixed point. */
static void
json_fixed_point(const char *json, size_t len)
{
	upl_doc *again = NULL;
	char *out = NULL;
	size_t olen = 0;
	if (upl_doc_parse_json_buffer(&again, json, len, "again", NULL, NULL) != 0)
		abort(); /* what was exported can be read */
	if (upl_export_json_buffer(&out, &olen, again, NULL, NULL) != 0 || olen != len ||
	    memcmp(out, json, len) != 0)
		abort(); /* and exports the same again */
	upl_free(out);
	upl_doc_free(again);
}

static void
from_xml(const uint8_t *data, size_t size)
{
	upl_doc *doc = NULL, *back = NULL;
	char *json = NULL, *xml = NULL, *xml2 = NULL;
	size_t jlen = 0, xlen = 0, xlen2 = 0;
	if (upl_doc_parse_buffer(&doc, data, size, "fuzz", NULL, NULL) != 0)
		return;
	if (upl_export_json_buffer(&json, &jlen, doc, NULL, NULL) != 0 ||
	    upl_doc_parse_json_buffer(&back, json, jlen, "json", NULL, NULL) != 0 ||
	    upl_doc_write_buffer(&xml, &xlen, doc, NULL, NULL) != 0 ||
	    upl_doc_write_buffer(&xml2, &xlen2, back, NULL, NULL) != 0 || xlen != xlen2 ||
	    memcmp(xml, xml2, xlen) != 0)
		abort(); /* XML -> JSON -> XML is lossless */
	json_fixed_point(json, jlen);
	upl_free(json);
	upl_free(xml);
	upl_free(xml2);
	upl_doc_free(doc);
	upl_doc_free(back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	upl_json_parse_options o = UPL_JSON_PARSE_OPTIONS_INIT;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	char *json = NULL;
	size_t len = 0;
	o.max_depth = 64;
	if (upl_doc_parse_json_buffer(&doc, data, size, "fuzz", &o, &err) == 0) {
		if (upl_export_json_buffer(&json, &len, doc, NULL, NULL) != 0)
			abort(); /* a document read can always be exported */
		json_fixed_point(json, len);
		upl_free(json);
	} else if (err == NULL || upl_error_message(err) == NULL ||
		   (upl_error_code(err) == UPL_EPARSE && upl_error_line(err) == 0)) {
		abort(); /* every refusal says what and, for bad JSON, where */
	}
	upl_error_free(err);
	upl_doc_free(doc);
	from_xml(data, size);
	return 0;
}

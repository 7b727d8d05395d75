/* Internal interface of the XML reader and writer. Never installed. */
#ifndef UNIONPLAN_XML_PRIVATE_H
#define UNIONPLAN_XML_PRIVATE_H

#include <libxml/xmlschemas.h>

#include <unionplan/validate.h>
#include <unionplan/xml.h>

#include "util-private.h"

/* The embedded schema, compiled by the first call that needs it and then
 * shared, immutable, by every thread; NULL if it could not be compiled
 * (the next call tries again). */
UPL_HIDDEN xmlSchemaPtr upl__xml_schema(void);

#ifdef UPL_FAULT_INJECTION
/* Tests only: make the next compile of the schema fail. */
UPL_HIDDEN void upl__xml_schema_fail_next(void);
#endif

/* The reader (xml-read.c): read and check one document held in memory (any
 * encoding the reader supports). Appends diagnostics (file = name) to
 * report. If out is not NULL and the document passes the schema layer,
 * *out receives the model. zh asks for the reader's own messages in
 * Chinese. Returns 0 when the input was checked, UPL_ENOMEM otherwise. */
UPL_HIDDEN int upl__xml_read(upl_doc **out, upl_report *report, const char *data,
			     size_t len, const char *name, size_t max_bytes, int zh);

/* The streaming reader (xml-stream.c): read the document (src) in chunks
 * and check it as upl__xml_read() does, with the same diagnostics, in
 * bounded memory: the schema and, when rules is not NULL, the rules (rules
 * is freed, whatever happens). Once the parser has stopped, the rest is
 * read for the checks that could still win only up to max_bytes bytes of
 * the document (0 = UPL_DEFAULT_MAX_BYTES), upl__xml_read()'s limit; then
 * reading stops. Returns 0; 1 when the document is not UTF-8 or has a
 * DOCTYPE (read whole, as libxml2 reads an internal subset otherwise pushed),
 * its first *head_len bytes in *head (the caller reads the rest and checks
 * it whole; freed with upl__dealloc); UPL_EIO or UPL_ENOMEM. */
struct upl__rules_stream;
/* What the streaming reader reads: the descriptor fd, or (fd < 0) the len
 * bytes at data, given to the parser a chunk at a time all the same. */
typedef struct upl__xml_source {
	int fd;
	const char *data;
	size_t len;
} upl__xml_source;
UPL_HIDDEN int upl__xml_read_stream(upl_report *report, const upl__xml_source *src,
				    const char *name, int zh, size_t max_bytes,
				    struct upl__rules_stream *rules, char **head, size_t *head_len);

/* Write the canonical form of doc (or of the single plan when plan is not
 * NULL) into b. Returns 0 or UPL_EINVAL with err filled. */
UPL_HIDDEN int upl__xml_write(upl_buf *b, const upl_doc *doc, const upl_plan *plan,
			      upl_error **err);

#endif

/* Internal interface of the XML reader and writer. Never installed. */
#ifndef UNIONPLAN_XML_PRIVATE_H
#define UNIONPLAN_XML_PRIVATE_H

#include <libxml/xmlschemas.h>

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

/* Write the canonical form of doc (or of the single plan when plan is not
 * NULL) into b. Returns 0 or UPL_EINVAL with err filled. */
UPL_HIDDEN int upl__xml_write(upl_buf *b, const upl_doc *doc, const upl_plan *plan,
			      upl_error **err);

#endif

/* JSON text shared by the exporter, the JSON reader and (through
 * upl_json_quote()) the command line. Never installed. */
#ifndef UNIONPLAN_JSON_PRIVATE_H
#define UNIONPLAN_JSON_PRIVATE_H

#include "util-private.h"

/* Append s[0..n) to b as a JSON string literal (see upl_json_quote()).
 * Each byte that does not start a valid UTF-8 sequence becomes \ufffd when
 * replace is set; otherwise the function stops there, returns -1 and puts
 * the byte's offset in *bad (when bad is not NULL). Returns 0 otherwise
 * (b->failed tells of a memory failure). */
UPL_HIDDEN int upl__json_put_string(upl_buf *b, const char *s, size_t n, int replace,
				    size_t *bad);

#endif /* UNIONPLAN_JSON_PRIVATE_H */

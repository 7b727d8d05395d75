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

/* --- reading ------------------------------------------------------------ */
typedef enum upl_jv_type {
	UPL_JV_NULL, UPL_JV_FALSE, UPL_JV_TRUE, UPL_JV_INT, UPL_JV_REAL,
	UPL_JV_STRING, UPL_JV_ARRAY, UPL_JV_OBJECT
} upl_jv_type;

/* A JSON value and where it starts (1-based line, column in code points).
 * An object's members are its items, each with its key and the key's
 * place; object members keep the input's order, duplicates included (the
 * reader of the model refuses them). */
typedef struct upl_jv {
	upl_jv_type type;
	unsigned int line, column;
	char *str;               /* STRING: decoded UTF-8, NUL-terminated */
	long num;                /* INT: the value, unless overflow */
	int overflow;            /* INT: outside -2^31+1 .. 2^31-1 */
	struct upl_jv **items;   /* ARRAY elements, OBJECT members */
	size_t n, cap;
	char *key;               /* a member: its name */
	unsigned int key_line, key_column;
} upl_jv;

/* Read s[0..n) as one JSON value (RFC 8259; a leading UTF-8 byte order
 * mark is skipped), nesting at most max_depth arrays and objects. Strings
 * must be valid UTF-8 and hold only characters XML 1.0 can (no U+0000).
 * Returns 0, UPL_EPARSE (err has name, line and column) or UPL_ENOMEM. */
UPL_HIDDEN int upl__json_read(upl_jv **out, const char *s, size_t n, const char *name,
			      unsigned int max_depth, upl_error **err);
UPL_HIDDEN void upl__jv_free(upl_jv *v);

#endif /* UNIONPLAN_JSON_PRIVATE_H */

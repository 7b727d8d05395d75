/* Internals shared by the exporters (export-*.c). Never installed. */
#ifndef UNIONPLAN_EXPORT_PRIVATE_H
#define UNIONPLAN_EXPORT_PRIVATE_H

#include <unionplan/export.h>

#include "util-private.h"

/* Check an exporter's options (NULL: the defaults): a known version, no
 * flag outside known. *flags receives the flags. Returns 0 or UPL_EINVAL
 * with err set. */
UPL_HIDDEN int upl__export_opts(const upl_export_options *opts, unsigned int known,
				unsigned int *flags, upl_error **err);

/* An exporter of one document to a buffer (upl_export_text_buffer, ...). */
typedef int (*upl__doc_export_fn)(char **out, size_t *len, const upl_doc *doc,
				  const upl_export_options *opts, upl_error **err);

/* The file variant of such an exporter: what fn writes goes to path
 * atomically. Returns as fn and upl_write_file_atomic(). */
UPL_HIDDEN int upl__export_doc_file(upl__doc_export_fn fn, const upl_doc *doc, const char *path,
				    const upl_export_options *opts, upl_error **err);

/* The label to write for a numbered node: as written, or with
 * UPL_EXPORT_RENUMBER in flags number @p number of GB/T 9704 @p level
 * (一、 （一） 1. （1） ①; in *fresh, freed by the caller with upl_free()).
 * NULL when the node has no label. (export-text.c) */
UPL_HIDDEN const char *upl__export_label(unsigned int flags, const upl_node *n, int level,
					 long number, char **fresh);

/* The number to write for child c of a part, numbered ones of each kind
 * (items; sections and the rest) counted from 1 in counts[2], which the
 * caller zeroes before the first child. (export-text.c) */
UPL_HIDDEN long upl__export_count(const upl_node *c, long counts[2]);

/* 1 when the plan was issued on a day it does not give as a date (XX-02-26)
 * and has an author to write it beside. (export-text.c) */
UPL_HIDDEN int upl__export_dateless_issued(const upl_plan *p);

#endif /* UNIONPLAN_EXPORT_PRIVATE_H */

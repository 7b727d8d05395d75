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

/* The arguments every document exporter checks first: out and doc given,
 * the options as upl__export_opts() checks them, at least one plan.
 * Returns 0 or UPL_EINVAL with err set. */
UPL_HIDDEN int upl__export_doc_args(char **out, const upl_doc *doc,
				    const upl_export_options *opts, unsigned int known,
				    unsigned int *flags, upl_error **err);

/* An exporter of one document to a buffer (upl_export_text_buffer, ...). */
typedef int (*upl__doc_export_fn)(char **out, size_t *len, const upl_doc *doc,
				  const upl_export_options *opts, upl_error **err);

/* The file variant of such an exporter: what fn writes goes to path
 * atomically. Returns as fn and upl_write_file_atomic(). */
UPL_HIDDEN int upl__export_doc_file(upl__doc_export_fn fn, const upl_doc *doc, const char *path,
				    const upl_export_options *opts, upl_error **err);

/* The year month m (1-12) of a plan falls in when its schedule does not
 * say: from the period (within start and end, else after the start), else
 * from the 学年 (months 9-12 in it, 1-8 in the next); 0 when none gives
 * it. The iCalendar and HTML exporters place undated months with it. */
UPL_HIDDEN int upl__export_month_year(const upl_period *pd, int m);

/* The label to write for a numbered node: as written, or with
 * UPL_EXPORT_RENUMBER in flags number @p number in the style of GB/T 9704
 * level @p level (一、 （一） 1. （1） ①; in *fresh, freed by the caller
 * with upl_free()). NULL when the node has no label. The text and HTML
 * exporters number with it. */
UPL_HIDDEN const char *upl__export_label(unsigned int flags, const upl_node *n, int level,
					 long number, char **fresh);

/* The level a numbered child @p c of a part at @p level is numbered at:
 * items always with digits (level 3 or deeper), as the importer reads
 * digit labels as items and Han numerals as sections. */
UPL_HIDDEN int upl__export_child_level(const upl_node *c, int level);

/* Counting children for renumbering: the number child c gets among its
 * siblings, counted from 1 in document order, items apart from the other
 * kinds (counts[1] and counts[0], both 0 before the first child), only
 * numbered children (a label and a number) counting. */
UPL_HIDDEN long upl__export_count(long counts[2], const upl_node *c);

/* 0 when s[0..n) is valid UTF-8, else UPL_EINVAL with err saying where. */
UPL_HIDDEN int upl__export_check_utf8(const char *s, size_t n, upl_error **err);

/* 1 when the plan was issued on a day it does not give as a date (XX-02-26)
 * and has an author to write it beside. (export-text.c) */
UPL_HIDDEN int upl__export_dateless_issued(const upl_plan *p);

#endif /* UNIONPLAN_EXPORT_PRIVATE_H */

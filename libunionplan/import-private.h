/* The importer's internal stages. Never installed. */
#ifndef UNIONPLAN_IMPORT_PRIVATE_H
#define UNIONPLAN_IMPORT_PRIVATE_H

#include <unionplan/validate.h>

#include "plan-private.h"

/* Where a piece of a line's text came from, so that positions survive
 * joining lines and removing characters. */
typedef struct imp_seg {
	size_t off;        /* byte offset in imp_line.text where the piece starts */
	unsigned int line; /* its 1-based source line */
	unsigned int col;  /* and 1-based column (code points) */
} imp_seg;

/* One line of the plain-text plan, after decoding to UTF-8. */
typedef struct imp_line {
	char *text;        /* the line without layout whitespace at either end */
	size_t len;        /* strlen(text) */
	int blank_before;  /* one or more blank lines came before it */
	int joined;        /* other source lines were joined onto it */
	imp_seg *segs;     /* at least one; segs[0].off == 0 */
	size_t nsegs, segcap;
} imp_line;

typedef struct imp_lines {
	imp_line *v;
	size_t n, cap;
	upl_report *report; /* notes about what was removed */
	const char *file;
	int zh;
	int oom;
} imp_lines;

/* Split UTF-8 text into lines (LF, CRLF or CR), dropping blank ones and
 * trimming spaces, tabs, U+3000 and U+00A0 at both ends. */
UPL_HIDDEN int upl__imp_split(imp_lines *ls, const char *text, size_t len);
UPL_HIDDEN void upl__imp_lines_free(imp_lines *ls);

/* Web noise: boilerplate lines before the title and after the end, page
 * chunk markers ("2、" opening lines that split sentences), and pinyin
 * inserted after characters (關(guān)). Each removal is reported as a note
 * with its source position. */
UPL_HIDDEN int upl__imp_remove_noise(imp_lines *ls);

/* The source position of byte offset off of line l. */
UPL_HIDDEN upl_pos upl__imp_pos(const imp_line *l, size_t off);

/* Whether s[0..n) is a pinyin syllable with at least one tone mark (or ü). */
UPL_HIDDEN int upl__imp_is_pinyin(const char *s, size_t n);

#endif

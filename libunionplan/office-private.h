/* Word (.docx) and OpenDocument (.odt) plans as lines for the text
 * importer. Never installed.
 *
 * upl_import_buffer() looks at the first bytes (upl__office_sniff); a ZIP
 * or an OLE2 compound file goes to upl__office_text(), which gives back the
 * document as UTF-8 text, one line per paragraph, with the automatic
 * numbering written out as the labels a reader sees and schedule tables as
 * month lines followed by their activities. The text importer then reads
 * those lines as it reads a pasted plan.
 *
 *   office.c        the entry point, refusals (OLE2: .doc, .wps, encrypted)
 *   office-zip.c    the ZIP container through libzip, with the bomb limits
 *   office-xml.c    parts through libxml2 with safe options; lines and notes
 *   office-num.c    numbering formats (chineseCounting, decimalEnclosedCircle…)
 *   office-docx.c   WordprocessingML: styles, numbering.xml, body, fields
 *   office-odt.c    OpenDocument text: list styles, headings, tables
 *   office-table.c  tables: schedules (月份 | 工作内容) or paragraphs
 */
#ifndef UNIONPLAN_OFFICE_PRIVATE_H
#define UNIONPLAN_OFFICE_PRIVATE_H

#include <unionplan/import.h>
#include <libxml/tree.h>
#include <zip.h>

#include "util-private.h"

enum {
	UPL__OFFICE_NONE = 0,
	UPL__OFFICE_ZIP = 1,
	UPL__OFFICE_OLE2 = 2
};

/* What the first bytes say: a ZIP archive, an OLE2 compound file (Word
 * 97–2003, WPS, an encrypted OOXML package), or neither. */
UPL_HIDDEN int upl__office_sniff(const char *data, size_t len);

/* The document in data as lines of UTF-8 text (caller frees with
 * upl__dealloc). Notes about what was left out go to report (may be NULL)
 * at the lines they concern. *kind is set to "docx" or "odt". 0,
 * UPL_EPARSE (refused: .doc, encrypted, no main part, corrupt, over the
 * limits), UPL_ENOMEM. */
UPL_HIDDEN int upl__office_text(char **text, size_t *len, const char **kind, upl_report *report,
				const char *data, size_t n, const char *file,
				const upl_import_options *opts, int zh, upl_error **err);

/* ------------------------------------------------------------------------ */
/* Shared state of one conversion                                           */

/* The kinds of content left out, each noted once (import-office-skipped). */
enum {
	OFF_SKIP_COMMENTS,
	OFF_SKIP_HEADERS,
	OFF_SKIP_FOOTNOTES,
	OFF_SKIP_TEXTBOXES,
	OFF_SKIP_COUNT
};

typedef struct off_ctx {
	upl_buf out;           /* the lines written so far */
	unsigned int line;     /* the line being written (1-based) */
	int in_line;           /* a line has been started */
	upl_report *report;
	const char *file;
	int zh;
	int oom;
	unsigned int noted;    /* bits: 1 << OFF_SKIP_*, and the three below */
	/* the container */
	zip_t *zip;
	size_t unpacked;       /* bytes read out of the archive so far */
	size_t max_unpacked;
	unsigned int max_ratio;
	upl_error **err;
} off_ctx;

#define OFF_NOTED_INS (1u << 8)
#define OFF_NOTED_DEL (1u << 9)
#define OFF_NOTED_FIELD (1u << 10)

/* office-zip.c: open the archive (refusing corrupt, encrypted or oversized
 * ones), read one member. */
UPL_HIDDEN int upl__off_zip_open(off_ctx *c, const char *data, size_t n);
UPL_HIDDEN void upl__off_zip_close(off_ctx *c);
/* Whether the archive has a member of that name. */
UPL_HIDDEN int upl__off_zip_has(off_ctx *c, const char *name);
/* Read a member whole: 0, UPL_ENOTFOUND (no such member, err untouched),
 * UPL_EPARSE (corrupt, over the limits; err set), UPL_ENOMEM. */
UPL_HIDDEN int upl__off_zip_read(off_ctx *c, const char *name, char **data, size_t *len);

/* office-xml.c: a part parsed with no network, no DTD, no entities. 0,
 * UPL_ENOTFOUND when the member is missing, UPL_EPARSE, UPL_ENOMEM. */
UPL_HIDDEN int upl__off_xml_part(off_ctx *c, const char *name, xmlDocPtr *out);
/* Element e is ns:local (ns compared in full). */
UPL_HIDDEN int upl__off_is(const xmlNode *e, const char *ns, const char *local);
/* The value of attribute ns:name of e, or NULL (borrowed from the tree). */
UPL_HIDDEN const char *upl__off_attr(const xmlNode *e, const char *ns, const char *name);
/* The first child element ns:local of e, or NULL. */
UPL_HIDDEN xmlNode *upl__off_child(const xmlNode *e, const char *ns, const char *local);
/* Writing lines: text goes to the current line (started when needed);
 * upl__off_end_line ends it. */
UPL_HIDDEN void upl__off_put(off_ctx *c, const char *s, size_t n);
UPL_HIDDEN void upl__off_end_line(off_ctx *c);
/* A note (import-office-skipped / -revision / -field) once per kind. */
UPL_HIDDEN void upl__off_note_skip(off_ctx *c, int what);
UPL_HIDDEN void upl__off_note_revision(off_ctx *c, int deleted);
UPL_HIDDEN void upl__off_note_field(off_ctx *c, const char *field);
/* A refusal: err set in the chosen language, UPL_EPARSE returned. */
UPL_HIDDEN int upl__off_refuse(off_ctx *c, const char *en, const char *zh);

/* office-num.c: number n in a numbering format (w:numFmt or the ODF
 * style:num-format with its letter-sync), appended to b. Unknown formats
 * are decimal; "none" and "bullet" append nothing. */
UPL_HIDDEN void upl__off_num_format(upl_buf *b, const char *fmt, long n);

/* office-table.c: a table being collected, cell by cell, paragraph by
 * paragraph, then written as a schedule or as paragraphs. */
typedef struct off_cell {
	char **paras;
	size_t n, cap;
	unsigned int col;   /* first grid column */
	unsigned int span;  /* grid columns covered */
	int merged;         /* continues the cell above (vMerge, covered) */
} off_cell;

typedef struct off_row {
	off_cell *cells;
	size_t n, cap;
	unsigned int cols;  /* grid columns so far */
} off_row;

typedef struct off_table {
	off_row *rows;
	size_t n, cap;
	int oom;
} off_table;

UPL_HIDDEN void upl__off_table_row(off_table *t);
/* A new cell in the last row, spanning span grid columns. */
UPL_HIDDEN void upl__off_table_cell(off_table *t, unsigned int span, int merged);
/* A paragraph of the last cell (copied). */
UPL_HIDDEN void upl__off_table_para(off_table *t, const char *s, size_t n);
/* Write the table to c's lines and free it. */
UPL_HIDDEN void upl__off_table_emit(off_ctx *c, off_table *t);
UPL_HIDDEN void upl__off_table_free(off_table *t);

/* The two formats. */
UPL_HIDDEN int upl__off_docx(off_ctx *c);
UPL_HIDDEN int upl__off_odt(off_ctx *c);

#endif

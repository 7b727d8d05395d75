/* The importer's internal stages. Never installed.
 *
 * The pipeline (import.c: upl_import_buffer and friends) runs them in turn:
 *  1. decode    text module: the bytes to UTF-8, maybe to simplified;
 *  2. lines     import-lines.c: lines with source positions, web noise
 *               removed (each removal a note);
 *  3. shapes    import-runon.c: run-on text cut into lines, lines wrapped
 *               at a fixed width joined again;
 *  4. classify  import-classify.c (with the recognisers of import-head.c):
 *               what each line is on its own, as F_* flags in an imp_info;
 *  5. plans     import.c: where a new plan starts (篇N, a repeated title,
 *               numbering that starts again at 一、);
 *  6. build     import-build.c: each plan's meta and body tree.
 * Stages 2 and 3 work on an imp_lines; 5 and 6 on the imp_ctx holding the
 * lines, their imp_info and the document being built. */
#ifndef UNIONPLAN_IMPORT_PRIVATE_H
#define UNIONPLAN_IMPORT_PRIVATE_H

#include <unionplan/text.h>
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
	int split;         /* cut out of a longer source line (run-on text) */
	char indent[8];    /* the line's leading layout whitespace as written (at most 7 bytes) */
	imp_seg *segs;     /* at least one; segs[0].off == 0 */
	size_t nsegs, segcap;
	size_t textcap;    /* bytes allocated for text; 0 when only len + 1 */
} imp_line;

typedef struct imp_lines {
	imp_line *v;
	size_t n, cap;
	upl_report *report; /* notes about what was removed */
	const char *file;
	int zh;
	int oom;
	char *page_author;     /* an author the page's metadata line names (import-shapes.c) */
	upl_pos page_author_pos;
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

/* Whether a line ends a sentence (。！？；：… possibly inside a closing
 * quote or bracket). */
UPL_HIDDEN int upl__imp_ends_sentence(const char *s);
/* The same for s[0..n), in constant time. */
UPL_HIDDEN int upl__imp_ends_sentence_n(const char *s, size_t n);
/* Append line b to line a, keeping b's source positions. */
UPL_HIDDEN int upl__imp_join(imp_line *a, const imp_line *b);

/* Whether s[0..n) is a pinyin syllable with at least one tone mark (or ü). */
UPL_HIDDEN int upl__imp_is_pinyin(const char *s, size_t n);

/* ------------------------------------------------------------------------ */
/* Line recognisers (import-head.c)                                         */

UPL_HIDDEN int upl__imp_starts(const char *s, size_t len, const char *lit);
UPL_HIDDEN int upl__imp_ends(const char *s, size_t len, const char *lit);
UPL_HIDDEN const char *upl__imp_find(const char *s, size_t len, const char *lit);
UPL_HIDDEN size_t upl__imp_skip_space(const char *s, size_t len, size_t off);
/* upl__utf8_count(s, len), but counting no further than max + 1: enough
 * to compare the count with max, in time bounded by max. */
UPL_HIDDEN size_t upl__imp_count_upto(const char *s, size_t len, size_t max);
/* The offset before the layout spaces that end s[0..end). */
UPL_HIDDEN size_t upl__imp_space_before(const char *s, size_t end);
/* Spaces from off, then a full-width or ASCII colon: the offset just after
 * the colon, or 0 when there is none. */
UPL_HIDDEN size_t upl__imp_colon(const char *s, size_t len, size_t off);

/* A plan title (…工会工作计划, …工作要点, …工作意见, …汇编), with the piece
 * number of 篇N (0 when none; negative for a piece marked otherwise, see
 * upl__imp_title_marks) and whether it names a compilation. */
UPL_HIDDEN int upl__imp_title(const char *s, size_t len, int *piece, int *compilation);
/* An organisation on a line of its own (…学校, …工会, …委员会). */
UPL_HIDDEN int upl__imp_org(const char *s, size_t len);
/* A byline: ---许美英, 作者：鄧麗敏 XX-02-26. The name's offset and length,
 * and where what follows the name (a date) starts. */
UPL_HIDDEN int upl__imp_byline(const char *s, size_t len, size_t *name_off, size_t *name_len,
			       size_t *rest);
/* A 发文字号 at the start of s (虹小四工(XX)笫1號); *n = its length. */
UPL_HIDDEN int upl__imp_docnumber(const char *s, size_t len, size_t *n);
/* A line that is only a date (二〇一五年二月, 2012年9月1日); *date is set
 * when it names a day. */
UPL_HIDDEN int upl__imp_date_line(const char *s, size_t len, upl_date *date);

/* The period phrase in a title. */
typedef struct imp_period {
	upl_period_kind kind;  /* UPL_PERIOD_NONE when none was found */
	int year;              /* the year written (school year: the first), 0 when none or unknown */
	int year_unknown;      /* written as xx年 */
	int term, half;        /* 1 or 2, 0 when not given */
	size_t off, len;       /* where the phrase is */
} imp_period;
UPL_HIDDEN int upl__imp_period(const char *s, size_t len, imp_period *out);

/* 指导思想：… : the length of the opening label with its colon, or 0. */
UPL_HIDDEN size_t upl__imp_opening(const char *s, size_t len);
/* The longest opening word's length in bytes (before its colon). */
UPL_HIDDEN size_t upl__imp_opening_max(void);
/* An unnumbered part heading: 重点工作：, 下半年的主要工作： */
UPL_HIDDEN int upl__imp_heading(const char *s, size_t len);
/* The role a heading's words give a section. */
UPL_HIDDEN upl_role upl__imp_role(const char *s, size_t len);
/* 附件： / 附：… : the length of the appendix label with its colon, or 0. */
UPL_HIDDEN size_t upl__imp_appendix(const char *s, size_t len);
/* A schedule's title: …行事历 */
UPL_HIDDEN int upl__imp_schedule_title(const char *s, size_t len);
/* 注：… : the length of the note label with its colon, or 0. */
UPL_HIDDEN size_t upl__imp_note(const char *s, size_t len);
/* The header row of a month table: 月份<TAB>工作内容<TAB>负责人 */
UPL_HIDDEN int upl__imp_table_head(const char *s, size_t len);

/* Text without layout spaces at either end (import-head.c). */
UPL_HIDDEN void upl__imp_trim(const char **s, size_t *len);

/* ------------------------------------------------------------------------ */
/* Stage 3: line shapes (import-runon.c)                                    */

/* Cut each long line where a label, a byline, a labelled opening or the
 * front matter of a plan begins mid-line (text pasted as one line); the
 * pieces keep their source positions. 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__imp_cut_runon(imp_lines *ls);
/* Join lines wrapped at a fixed width: when three or more lines ending
 * mid-sentence share a length, each such line takes the next when that one
 * starts nothing of its own. 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__imp_join_wrapped(imp_lines *ls);

/* ------------------------------------------------------------------------ */
/* Stage 4: what each line is (import-classify.c)                           */

enum {
	F_TITLE = 1u << 0,
	F_PIECE = 1u << 1,       /* a title with 篇N */
	F_COMPILATION = 1u << 2, /* a title naming a compilation (…汇编) */
	F_ORG = 1u << 3,
	F_BYLINE = 1u << 4,
	F_DOCNUM = 1u << 5,
	F_DATE = 1u << 6,
	F_OPENING = 1u << 7,     /* 指导思想：text */
	F_HEADING = 1u << 8,     /* 重点工作： */
	F_APPENDIX = 1u << 9,
	F_SCHED_TITLE = 1u << 10,
	F_NOTE = 1u << 11,
	F_TABLE_HEAD = 1u << 12,
	F_MONTH = 1u << 13,      /* a month heading, maybe with activities after a colon */
	F_MONTH_LOOSE = 1u << 14,/* a month phrase followed directly by text (12月举行…) */
	F_LABEL = 1u << 15,
	F_REMARK = 1u << 16,     /* （…） alone, indented, after a blank line: a note without a label */
	F_MARK_PIECE = 1u << 17, /* a piece marked otherwise than by 篇N (…计划2, 第一篇：) */
	F_MARKER = 1u << 18      /* a line that is only such a marker (第一篇：) */
};

#define F_META (F_TITLE | F_ORG | F_BYLINE | F_DOCNUM | F_DATE)

typedef struct imp_info {
	unsigned int flags;
	upl_text_label lab;
	upl_text_month mon;
	size_t open_len;     /* F_OPENING, F_APPENDIX, F_NOTE: the label with its colon */
	int piece;           /* F_PIECE */
	upl_date date;       /* F_DATE */
	size_t name_off, name_len, name_rest; /* F_BYLINE */
	int inferred;        /* 1 + the import-inferred variant the line's reading is noted with */
	size_t inferred_len; /* the bytes of the line the note quotes */
} imp_info;

/* The label style of an enumeration in prose (首先， 第一， 一是), which
 * the text module has no name for: an item's label, at level 3. */
#define UPL__LABEL_PROSE 8

/* Whether label style is written with digits (1、 (1) ① …) rather than
 * Han numerals (一、 （一）). */
static inline int
upl__imp_digit_style(int style)
{
	return style != UPL_LABEL_HAN_COMMA && style != UPL_LABEL_HAN_PAREN;
}

/* Fill in what line l is, from its own text alone. */
UPL_HIDDEN void upl__imp_classify(const imp_line *l, imp_info *in);
/* The same for a line that joining wrapped lines made, of cps code points,
 * whose last opening bracket （ or ( starts at byte open ((size_t)-1 when
 * none): in time bounded by the line's start, not its length. */
UPL_HIDDEN void upl__imp_classify_joined(const imp_line *l, imp_info *in, size_t cps, size_t open);

/* ------------------------------------------------------------------------ */
/* Stages 5 and 6: plans and their building                                 */

/* imp_ctx.flags beyond the public UPL_IMPORT_* ones: the lines are the
 * paragraphs of a Word or OpenDocument file, never wrapped at a width. */
#define UPL__IMP_PARAGRAPHS 0x80000000u

/* One import: the lines, what each is, and the document being built. */
typedef struct imp_ctx {
	imp_lines ls;
	imp_info *info;
	upl_report *report;
	const char *file;
	int zh;
	int oom;
	const char *lang;       /* zh-Hans / zh-Hant */
	const char *encoding;   /* what the input was decoded from */
	unsigned int flags;
	upl_doc *doc;
	char *collection_title; /* a compilation's own title, kept in the first plan */
	upl_pos collection_pos;
} imp_ctx;

/* Stage 6 (import-build.c): build the plan of lines from..to-1 and add it
 * to c->doc. reason is the variant of the import-plan-split note given when
 * the plan is not the first. 0, UPL_ENOMEM (also when c->oom was set). */
UPL_HIDDEN int upl__imp_build_plan(imp_ctx *c, size_t from, size_t to, int reason, int first);

/* ------------------------------------------------------------------------ */
/* The shapes of plans on web pages (import-shapes.c)                       */

/* Stage 2: the page's metadata lines (the first author named kept in
 * ls->page_author) and its table of contents are removed, each with a
 * note; then, after the other noise, anti-scraping junk lines (9, 1&,
 * w=T\3(%j). 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__imp_page_lines(imp_lines *ls);
UPL_HIDDEN int upl__imp_junk_lines(imp_lines *ls);

/* A title's end s[0..n) without the marks of a compilation (…范本多篇,
 * …4篇, …大全: *compilation set) or of one of its pieces (…计划2,
 * …计划范文三, …计划(一): *piece set): the length left. */
UPL_HIDDEN size_t upl__imp_title_marks(const char *s, size_t n, int *piece, int *compilation);
/* Stage 3 (import-runon.c): a line starting with a label that holds the
 * next labels of its numbering after a sentence end, a colon or a space
 * (一、…。二、…：1、…；2、…) is cut before each, with a note.
 * 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__imp_cut_headings(imp_lines *ls);
/* Stage 4: labels upl_text_label_parse does not read (1 、, ( 五 ) 、,
 * 一指导思想, 首先，, 一是), a label before a month span (三、1—2月) and a
 * dated item (1、2009年3月：…) read as month headings; each reading is
 * kept in in->inferred for the builder's note. */
UPL_HIDDEN void upl__imp_loose_label(const imp_line *l, imp_info *in);
/* Stage 4, on the whole text: enumerations in prose are items only under
 * a part (第一， only under parts numbered 一、), 最后 numbered after the
 * item before it. */
UPL_HIDDEN void upl__imp_prose_items(imp_ctx *c);
/* Stage 3: a line, a blank line (or a page break), then a line that goes
 * on with a word the first cut off (营造良好育 / 人环境): joined, with a
 * note. 0 or UPL_ENOMEM. */
UPL_HIDDEN int upl__imp_join_split_words(imp_lines *ls);
/* Stage 4, on the whole text: a month table flattened to text whose rows
 * write the month's number straight before the item's (11、 12、 21、 …
 * 101、) after its header row: months and their activities. */
UPL_HIDDEN void upl__imp_glued_table(imp_ctx *c);
/* Stage 4, on the whole text: a short line that is UTF-8 read as GBK
 * (mojibake) is a paragraph, whatever it looked like. */
UPL_HIDDEN void upl__imp_mojibake(imp_ctx *c);
/* The builder's note of what line l's reading inferred. */
UPL_HIDDEN void upl__imp_say_inferred(imp_ctx *c, const imp_line *l, const imp_info *in);
/* A line that is only a piece's marker, 第一篇： (*piece its number). */
UPL_HIDDEN int upl__imp_piece_marker(const char *s, size_t len, int *piece);

#endif

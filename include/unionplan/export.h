/**
 * @file unionplan/export.h
 * @brief Exporting documents to formats beyond XML (JSON, JSON Lines, text,
 * iCalendar, HTML).
 *
 * Every exporter takes a per-call ::upl_export_options and writes in the
 * style of the XML writer: to a NUL-terminated buffer the caller frees with
 * upl_free(), or to a file, atomically, with upl_write_file_atomic().
 *
 * The JSON shape is a contract, described member by member in doc/json.md
 * and by the JSON Schema (draft 2020-12) `unionplan-1.schema.json`,
 * installed beside the XSD. In short: one object for the document with
 * its plans; each plan with `lang`, a `meta` object and a `body` array of
 * nodes in document order; each node an object whose `kind` is the XML
 * element name (`p`, `section`, `item`, `schedule`, `month`, `activity`,
 * `note`). Every member a kind defines is always written, `null` when the
 * model has no value, and lists are arrays, never `null`. Dates are ISO
 * strings (`2012-09-10`, or `--09-10` when the year is unknown); a holiday
 * is an object with its key and its Chinese name. Source positions appear
 * only with ::UPL_EXPORT_POSITIONS.
 *
 * The output is always valid UTF-8 and valid JSON (RFC 8259): text that is
 * not valid UTF-8 is refused with ::UPL_EINVAL, never altered.
 *
 * The way back, upl_doc_parse_json_buffer() and its file and descriptor
 * variants, reads exactly that shape with a strict, bounded JSON reader and
 * gives a document that passes the same schema checks as one parsed from
 * XML.
 */
#ifndef UNIONPLAN_EXPORT_H
#define UNIONPLAN_EXPORT_H

#include "calendar.h"
#include "common.h"
#include "plan.h"
#include "validate.h"
#include "xml.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Current version of ::upl_export_options (2 added `width`). */
#define UPL_EXPORT_OPTIONS_VERSION 2

/** @name Flags for upl_export_options::flags */
/** @{ */
/** Add the source positions the model holds (`position` members, see doc/json.md). */
#define UPL_EXPORT_POSITIONS 0x1u
/** Indent with two spaces, one member or element per line (JSON). Without
 * it the JSON is written on one line, as JSON Lines needs. */
#define UPL_EXPORT_PRETTY 0x2u
/** Text: renumber the labels of sections, items and activities by level
 * (一、 （一） 1. （1） ①), which also mends duplicate and skipped numbers. */
#define UPL_EXPORT_RENUMBER 0x100u
/** Text: convert traditional characters to simplified ones
 * (upl_text_to_simplified()). */
#define UPL_EXPORT_SIMPLIFIED 0x200u
/** Add the festivals, the official days off and the adjusted working days
 * (调休上班) of the years the plans cover (iCalendar, see
 * upl_export_ics_buffer()). */
#define UPL_EXPORT_HOLIDAYS 0x400u
/** HTML: validate the document (upl_doc_validate(), messages in Chinese)
 * and show the report on the page (see upl_export_html_buffer()). */
#define UPL_EXPORT_DIAGNOSTICS 0x800u
/** @} */

/**
 * Options for the export functions. Initialise with
 * ::UPL_EXPORT_OPTIONS_INIT; fields are only ever appended. NULL means the
 * defaults (no positions, one line).
 */
typedef struct upl_export_options {
	unsigned int version; /**< ::UPL_EXPORT_OPTIONS_VERSION */
	unsigned int flags;   /**< UPL_EXPORT_* flags; an unknown bit is ::UPL_EINVAL */
	/** Since version 2. Text: wrap lines at this many columns (East Asian
	 * width, a Han character is 2), 0 = no wrapping. Ignored by JSON. */
	unsigned int width;
} upl_export_options;

/** Initialiser for ::upl_export_options with the defaults. */
#define UPL_EXPORT_OPTIONS_INIT { UPL_EXPORT_OPTIONS_VERSION, 0u, 0u }

/** The version of the JSON shape, written as the document's `version`. */
#define UPL_JSON_VERSION 1

/**
 * Write a document, all its plans, as one JSON object (doc/json.md).
 * @param[out] out  a NUL-terminated UTF-8 string; ends with a newline.
 * @param[out] len  its length in bytes (optional).
 * @param doc       the document.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EINVAL (NULL arguments, options of an unknown version or
 * with an unknown flag, a document without plans, text that is not valid
 * UTF-8); ::UPL_ENOMEM.
 * @par Ownership
 * The caller frees @p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_export_json_buffer(char **out, size_t *len, const upl_doc *doc,
				      const upl_export_options *opts, upl_error **err);

/**
 * Write a document as JSON to a file, atomically (see upl_doc_write_file()):
 * on failure @p path is left as it was.
 * @param doc       the document.
 * @param path      the file to create or replace.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return as upl_export_json_buffer() and upl_write_file_atomic().
 * @since 0.1
 */
UPL_EXTERN int upl_export_json_file(const upl_doc *doc, const char *path,
				    const upl_export_options *opts, upl_error **err);

/**
 * Write several documents as JSON Lines: one document per line, each as
 * upl_export_json_buffer() writes it without ::UPL_EXPORT_PRETTY (which is
 * ignored here), so no line holds a newline of its own; every line ends
 * with one.
 * @param[out] out  a NUL-terminated UTF-8 string ("" when @p n is 0).
 * @param[out] len  its length in bytes (optional).
 * @param docs      the documents.
 * @param n         their number.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return as upl_export_json_buffer().
 * @par Ownership
 * The caller frees @p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_export_jsonl_buffer(char **out, size_t *len, const upl_doc *const *docs,
				       size_t n, const upl_export_options *opts,
				       upl_error **err);

/**
 * Write several documents as JSON Lines to a file, atomically.
 * @return as upl_export_jsonl_buffer() and upl_write_file_atomic().
 * @since 0.1
 */
UPL_EXTERN int upl_export_jsonl_file(const upl_doc *const *docs, size_t n, const char *path,
				     const upl_export_options *opts, upl_error **err);

/**
 * Write the schedules of a document, all its plans, as one iCalendar
 * object (RFC 5545; doc/ics.md describes it in full).
 *
 * One `VCALENDAR` (`VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`,
 * `X-WR-CALNAME` the title of the first plan that has one) with an all-day
 * `VEVENT` per activity: `DTSTART;VALUE=DATE` its day and `DTEND` the day
 * after. An activity without a date spans its month (or span of months):
 * from the first day of the month to the first day of the month after.
 * When the year is not written (a month without a year, a date such as
 * `--09-10`), it is the plan's: the year in which that month falls within
 * the period's start and end, else after the start, else in the 学年 (months
 * 9–12 in the school year, 1–8 in the next); an activity whose year none
 * of these gives is left out.
 * `SUMMARY` is the activity's text, `DESCRIPTION` the month's label (or
 * "N月") and the plan's title on a second line, `CATEGORIES` the Chinese
 * name of the holiday it names (traditional for a zh-Hant plan).
 *
 * The output is reproducible: a `UID` is a 64-bit FNV-1a hash of the plan's
 * title and period and the activity's place (the index path of plan, blocks
 * and children) and text, followed by that path, so the same document gives
 * the same UIDs and a calendar that imports it again updates its events;
 * `DTSTAMP` is the plan's issued date, else its period's start, else
 * 1970-01-01, at 00:00:00Z, never the time of the export.
 *
 * Lines end with CRLF and are folded before 76 octets, never inside a UTF-8
 * sequence; text escapes `\`, `;`, `,` and newline; other control
 * characters but tab become spaces.
 *
 * ::UPL_EXPORT_HOLIDAYS adds, for every year from the earliest to the latest
 * that the plans' periods and their events cover, the
 * events upl_export_ics_holidays_buffer() writes, from the embedded
 * official calendar; a year it has no arrangement for gets its festivals
 * only. ::UPL_EXPORT_POSITIONS and ::UPL_EXPORT_PRETTY are ignored.
 * @param[out] out  a NUL-terminated UTF-8 string.
 * @param[out] len  its length in bytes (optional).
 * @param doc       the document.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EINVAL (NULL arguments, options of an unknown version or
 * with an unknown flag, a document without plans, text that is not valid
 * UTF-8); ::UPL_ENOMEM.
 * @par Ownership
 * The caller frees @p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_export_ics_buffer(char **out, size_t *len, const upl_doc *doc,
				     const upl_export_options *opts, upl_error **err);

/**
 * Write a document's schedules as iCalendar to a file, atomically: on
 * failure @p path is left as it was.
 * @return as upl_export_ics_buffer() and upl_write_file_atomic().
 * @since 0.1
 */
UPL_EXTERN int upl_export_ics_file(const upl_doc *doc, const char *path,
				   const upl_export_options *opts, upl_error **err);

/**
 * Write the official calendar of some years as one iCalendar object, a
 * feed to subscribe to. For each year, in order: its festivals
 * (upl_holiday_list(); `SUMMARY` the name, `CATEGORIES:节日`), its official
 * days off (`SUMMARY` "春节（休）", `CATEGORIES:法定节假日`) and its
 * adjusted working days (`SUMMARY:调休上班`, `CATEGORIES:调休上班`), each an
 * all-day `VEVENT`, as upl_calendar_workday() sees the days of that year
 * (a weekend is no event). UIDs name the day and what it is
 * (`20261001-off-national-day@holidays.unionplan`); `DTSTAMP` is the first
 * year's 1 January at 00:00:00Z. Names are in simplified script.
 * @param[out] out  a NUL-terminated UTF-8 string.
 * @param[out] len  its length in bytes (optional).
 * @param cal       the arrangements, or NULL for the embedded ones.
 * @param years     the years (1..9999), each written once even if given twice.
 * @param n         their number (at least 1).
 * @param opts      options, or NULL (no flag is used).
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EINVAL (NULL arguments, no year, a year out of range,
 * bad options); ::UPL_ENOTFOUND when @p cal has no arrangement for a year
 * (the message names it); ::UPL_ENOMEM.
 * @par Ownership
 * The caller frees @p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_export_ics_holidays_buffer(char **out, size_t *len,
					      const upl_calendar *cal, const int *years,
					      size_t n, const upl_export_options *opts,
					      upl_error **err);

/**
 * Write the official calendar of some years as iCalendar to a file,
 * atomically.
 * @return as upl_export_ics_holidays_buffer() and upl_write_file_atomic().
 * @since 0.1
 */
UPL_EXTERN int upl_export_ics_holidays_file(const upl_calendar *cal, const int *years,
					    size_t n, const char *path,
					    const upl_export_options *opts, upl_error **err);

/** @name Flags for upl_json_quote() */
/** @{ */
/** Replace each byte that does not start a valid UTF-8 sequence by U+FFFD
 * instead of failing. */
#define UPL_JSON_REPLACE_INVALID 0x1u
/** @} */

/**
 * Write a string as a JSON string literal: quoted, `"` and `\` escaped,
 * newline, carriage return and tab as `\n`, `\r`, `\t`, the other control
 * characters (U+0000 to U+001F, U+007F) as `\u00XX`, everything else as
 * the UTF-8 it is. Valid UTF-8 follows RFC 3629: no overlong forms,
 * surrogates or code points past U+10FFFF.
 * @param[out] out  the literal, NUL-terminated.
 * @param[out] len  its length in bytes (optional).
 * @param s         the text (NULL is the empty string).
 * @param n         its length in bytes, or (size_t)-1 if NUL-terminated.
 * @param flags     ::UPL_JSON_REPLACE_INVALID or 0.
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EINVAL for invalid UTF-8 without
 * ::UPL_JSON_REPLACE_INVALID (the message gives the byte offset) or an
 * unknown flag; ::UPL_ENOMEM.
 * @par Ownership
 * The caller frees @p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_json_quote(char **out, size_t *len, const char *s, size_t n,
			      unsigned int flags, upl_error **err);

/** Current version of ::upl_json_parse_options. */
#define UPL_JSON_PARSE_OPTIONS_VERSION 1

/** The default nesting limit of the JSON reader (arrays and objects). */
#define UPL_JSON_DEFAULT_MAX_DEPTH 256u

/**
 * Options for the JSON parse functions. Initialise with
 * ::UPL_JSON_PARSE_OPTIONS_INIT; fields are only ever appended. NULL means
 * the defaults.
 */
typedef struct upl_json_parse_options {
	unsigned int version;   /**< ::UPL_JSON_PARSE_OPTIONS_VERSION */
	unsigned int flags;     /**< reserved, must be 0 */
	size_t max_bytes;       /**< refuse larger input; 0 = ::UPL_DEFAULT_MAX_BYTES */
	unsigned int max_depth; /**< refuse deeper nesting of arrays and objects; 0 = ::UPL_JSON_DEFAULT_MAX_DEPTH */
} upl_json_parse_options;

/** Initialiser for ::upl_json_parse_options with the defaults. */
#define UPL_JSON_PARSE_OPTIONS_INIT { UPL_JSON_PARSE_OPTIONS_VERSION, 0u, 0u, 0u }

/**
 * Parse a document from its JSON form (doc/json.md) in memory.
 *
 * The JSON must be strict RFC 8259 (UTF-8, an optional byte order mark
 * ignored) and have exactly the shape the exporter writes: every member a
 * kind defines, no other (the `position` and `file` members the exporter
 * adds with ::UPL_EXPORT_POSITIONS are allowed and checked, then ignored),
 * no member twice, each of the right type and range, dates that exist, a
 * holiday name that is one of its key's. The model's positions are those
 * of the JSON objects read (upl_node_line() gives the line of a node's
 * `{`), so later diagnostics point into the JSON. Like the XML reader, it
 * trims the XML white space around the text of an item that has a heading
 * or children. The document is then checked against the schema as a
 * parsed XML document is.
 * @param[out] out  the document; set only on success.
 * @param data      the bytes (need not be NUL-terminated).
 * @param len       their number.
 * @param name      the name used in errors and by upl_doc_name(), or NULL.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional): file, line, column
 * (1-based; columns count code points) and a message.
 * @return 0; ::UPL_EPARSE when the input is not such a document;
 * ::UPL_EIO when it is larger than the limit; ::UPL_EINVAL for NULL
 * arguments, options of an unknown version or a nonzero flag; ::UPL_ENOMEM.
 * @par Ownership
 * The caller owns the document and frees it with upl_doc_free(); @p data
 * is not referenced after the call.
 * @since 0.1
 */
UPL_EXTERN int upl_doc_parse_json_buffer(upl_doc **out, const void *data, size_t len,
					 const char *name, const upl_json_parse_options *opts,
					 upl_error **err);

/**
 * Parse a document from its JSON form in a file.
 * @return as upl_doc_parse_json_buffer(); ::UPL_EIO when the file cannot
 * be read (missing, a directory, unreadable, larger than the limit).
 * @since 0.1
 */
UPL_EXTERN int upl_doc_parse_json_file(upl_doc **out, const char *path,
				       const upl_json_parse_options *opts, upl_error **err);

/**
 * Parse a document from its JSON form read from a file descriptor until
 * end of file. The descriptor is not closed.
 * @return as upl_doc_parse_json_file().
 * @since 0.1
 */
UPL_EXTERN int upl_doc_parse_json_fd(upl_doc **out, int fd, const char *name,
				     const upl_json_parse_options *opts, upl_error **err);

/**
 * Write a document as a Chinese text document in the style of GB/T 9704,
 * which upl_import_buffer() reads back into the same structure (doc/cli.md,
 * `export --to=text`).
 *
 * Each plan: its title (centred in upl_export_options::width when one is
 * given), the organisation (unless the title says it), the 发文字号, one
 * `作者：` line per author (the period is the title's), a
 * blank line; the body in order: a section or an item as its label and
 * heading on one line (an item's text follows its heading), a paragraph
 * indented with two ideographic spaces (U+3000) after its label, a
 * schedule as its heading, each month's label as written (九月份：, or
 * made from its number when it has none) and one line per activity
 * (label and text, dates being part of the text); notes as label and text;
 * last, after a blank line, the date of issue as written. Labels are kept
 * as written, or renumbered with ::UPL_EXPORT_RENUMBER: sections by
 * nesting (一、 （一） 1. （1） ①), items and activities with digits
 * (1. under a section of level 1 or 2, one level down below that), each
 * list counted from 1. Plans follow each other after a blank line and a
 * form feed.
 *
 * With a width, every line is wrapped with upl_text_wrap_lines() (CJK
 * line breaking: no line starts with closing punctuation such as 。，、）
 * nor ends with opening punctuation such as （「). Wrapped lines read back
 * as separate lines, so the round trip through the importer holds without
 * a width. With ::UPL_EXPORT_SIMPLIFIED the text of each plan is converted
 * to simplified characters. ::UPL_EXPORT_POSITIONS and ::UPL_EXPORT_PRETTY
 * are ignored.
 * @param[out] out  a NUL-terminated UTF-8 string; ends with a newline.
 * @param[out] len  its length in bytes (optional).
 * @param doc       the document.
 * @param opts      options, or NULL (as written, no wrapping).
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EINVAL (NULL arguments, options of an unknown version or
 * with an unknown flag, a document without plans, text that is not valid
 * UTF-8 when wrapping or converting); ::UPL_ENOMEM; ::UPL_EENCODING when
 * ICU's break rules or transform are missing.
 * @par Ownership
 * The caller frees @p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_export_text_buffer(char **out, size_t *len, const upl_doc *doc,
				      const upl_export_options *opts, upl_error **err);

/**
 * Write a document as text to a file, atomically: on failure @p path is
 * left as it was.
 * @param doc       the document.
 * @param path      the file to create or replace.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return as upl_export_text_buffer() and upl_write_file_atomic().
 * @since 0.1
 */
UPL_EXTERN int upl_export_text_file(const upl_doc *doc, const char *path,
				    const upl_export_options *opts, upl_error **err);

/**
 * Write a document as one self-contained HTML page (HTML5, UTF-8;
 * doc/html.md describes it in full): no script, no external file, the
 * style sheet in the page. `<html lang>` is `zh-CN`, or `zh-Hant` when the
 * first plan is traditional (its `xml:lang`, else upl_text_script() of its
 * title and text); a later plan in the other script has its own `lang`.
 *
 * The page: a table of contents (`nav`) linking every section and schedule
 * by its id (`s1`, `s2`, … in document order; plans are `plan1` …); then
 * each plan as an `article`: the title block (with a 发文字号, the issuing
 * body and the number above a red rule, then the title; else the title
 * and the organisation; the period unless the title holds it; the
 * authors), the body in order (sections as `section` with a heading of the
 * rank of their depth, classed by their GB/T 9704 level; items, paragraphs
 * and notes with their labels as written, or renumbered as by
 * upl_export_text_buffer() with ::UPL_EXPORT_RENUMBER), each schedule as a
 * table with one row per month (its label, year and month, the month's
 * festivals, statutory days off and adjusted working days from the
 * embedded calendar when the year is known or follows from the period)
 * and its activities in a list (text, date, the holiday named, and a mark
 * when the day is an official day off or an adjusted working day), and
 * last the date of issue. Text is escaped (`&`, `<`, `>`, `"`, `'`);
 * control characters other than tab and newline become spaces.
 *
 * The style is a sheet of paper on screen and, in print, an A4 page with
 * the margins of GB/T 9704 (37 mm top, 35 mm bottom, 28 mm left, 26 mm
 * right), the body in 16pt 仿宋, the title in 22pt 小标宋/宋体, level-1
 * headings in 黑体 and level-2 in 楷体, with fallbacks to the Noto CJK fonts.
 *
 * With ::UPL_EXPORT_DIAGNOSTICS the document is validated
 * (upl_doc_validate(), messages in simplified Chinese) and the report is
 * shown as by upl_export_html_report_buffer(). ::UPL_EXPORT_POSITIONS and
 * ::UPL_EXPORT_PRETTY are ignored.
 * @param[out] out  a NUL-terminated UTF-8 string; ends with a newline.
 * @param[out] len  its length in bytes (optional).
 * @param doc       the document.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EINVAL (NULL arguments, options of an unknown version or
 * with an unknown flag, a document without plans, text that is not valid
 * UTF-8); ::UPL_ENOMEM.
 * @par Ownership
 * The caller frees @p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_export_html_buffer(char **out, size_t *len, const upl_doc *doc,
				      const upl_export_options *opts, upl_error **err);

/**
 * Write a document as an HTML page to a file, atomically: on failure
 * @p path is left as it was.
 * @return as upl_export_html_buffer() and upl_write_file_atomic().
 * @since 0.1
 */
UPL_EXTERN int upl_export_html_file(const upl_doc *doc, const char *path,
				    const upl_export_options *opts, upl_error **err);

/**
 * Write a document as an HTML page with a validation report the caller
 * made (for instance by upl_validate_file() on the file the document was
 * read from, in the language of its choice).
 *
 * The page is that of upl_export_html_buffer(), with a report above the
 * table of contents: the counts of errors, warnings and notes, then each
 * diagnostic (severity, line, message, code) in the order of the report.
 * A diagnostic with a line is also shown beside the element it concerns:
 * the last plan or node that starts at or before its line and column (in
 * the paragraph, heading, item, month or activity of that element), and
 * the two link to each other (`#dN` beside the element, `#rN` in the
 * report, N its 1-based index in the report). ::UPL_EXPORT_DIAGNOSTICS is
 * ignored here.
 * @param[out] out  a NUL-terminated UTF-8 string; ends with a newline.
 * @param[out] len  its length in bytes (optional).
 * @param doc       the document.
 * @param report    the diagnostics to show, or NULL for none (no report).
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return as upl_export_html_buffer().
 * @par Ownership
 * The caller frees @p out with upl_free(); @p report is only read.
 * @since 0.1
 */
UPL_EXTERN int upl_export_html_report_buffer(char **out, size_t *len, const upl_doc *doc,
					     const upl_report *report,
					     const upl_export_options *opts, upl_error **err);

/**
 * Write a document as an HTML page with a validation report to a file,
 * atomically.
 * @return as upl_export_html_report_buffer() and upl_write_file_atomic().
 * @since 0.1
 */
UPL_EXTERN int upl_export_html_report_file(const upl_doc *doc, const upl_report *report,
					   const char *path, const upl_export_options *opts,
					   upl_error **err);

/* ------------------------------------------------------------------------ */
/* Word (.docx)                                                             */

/**
 * Write a document as a Word file (.docx, Office Open XML) in the layout
 * of GB/T 9704-2012 (doc/docx.md): A4 with margins of 37 mm (top), 35 mm
 * (bottom), 28 mm (left) and 26 mm (right); a line grid of 22 lines (28
 * characters of 16 pt fill a line); the body in 3号 (16 pt) 仿宋_GB2312 (仿宋 where it is
 * missing); the title in 2号 (22 pt) 方正小标宋简体 (宋体) centred, then
 * the organisation (unless the title says it), the 发文字号 and the
 * `作者：` lines centred; sections as Word headings (styles 标题 1–4:
 * level 1 in 黑体, level 2 in 楷体_GB2312, level 3 in 仿宋 bold), items,
 * paragraphs and notes as paragraphs of their own, labels as written or
 * renumbered with ::UPL_EXPORT_RENUMBER (as upl_export_text_buffer()
 * does); a schedule as its heading and a two-column table 月份 | 工作内容
 * with one paragraph per activity; the date of issue right-aligned;
 * page numbers "— 1 —" in 4号 宋体 at the foot of each page. Plans after
 * the first start on a new page. upl_import_buffer() reads the file back
 * into the same structure. ::UPL_EXPORT_SIMPLIFIED converts the text to
 * simplified characters; ::UPL_EXPORT_POSITIONS and ::UPL_EXPORT_PRETTY
 * are ignored. The same document always gives the same bytes.
 * @param[out] out  the bytes of the file (binary: a ZIP archive, with a
 *                  NUL after the last byte that is not part of it).
 * @param[out] len  their number (optional, but needed to use the bytes).
 * @param doc       the document.
 * @param opts      options, or NULL (labels as written).
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EINVAL (NULL arguments, options of an unknown version or
 * with an unknown flag, a document without plans); ::UPL_ENOMEM;
 * ::UPL_EENCODING when ICU's transform is missing for
 * ::UPL_EXPORT_SIMPLIFIED.
 * @par Ownership
 * The caller frees @p out with upl_free().
 * @since 0.2
 */
UPL_EXTERN int upl_export_docx_buffer(char **out, size_t *len, const upl_doc *doc,
				      const upl_export_options *opts, upl_error **err);

/**
 * Write a document as a Word file to a file, atomically: on failure
 * @p path is left as it was.
 * @param doc       the document.
 * @param path      the file to create or replace.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return as upl_export_docx_buffer() and upl_write_file_atomic().
 * @since 0.2
 */
UPL_EXTERN int upl_export_docx_file(const upl_doc *doc, const char *path,
				    const upl_export_options *opts, upl_error **err);

#ifdef __cplusplus
}
#endif

#endif /* UNIONPLAN_EXPORT_H */

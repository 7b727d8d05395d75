/**
 * @file unionplan/import.h
 * @brief Importing plain-text plans (as pasted from Word or a web page)
 *        into the plan model.
 *
 * The importer reads text in UTF-8, GB18030/GBK or Big5 (detected, or named
 * by the caller), in simplified or traditional characters, and builds a
 * ::upl_doc: one plan, or a collection when the text holds several plans
 * (篇1/篇2, a repeated title, or top-level numbering that starts again at
 * 一、 after a plan's last part). It recognises:
 *
 * - the front matter: title, organisation, authors (also `---许美英` under
 *   the title, or `作者：`), 发文字号, the period (2012学年第一学期, 2012年,
 *   2014——2015学年度第二学期, 下半年, xx年 with the year unknown) and a
 *   closing date (issued);
 * - the body: labelled openings (指导思想：… becomes a paragraph labelled
 *   `指导思想：`), numbered parts at every GB/T 9704 level and their
 *   variants, nested by the order in which the label styles appear;
 *   unnumbered part headings (重点工作：); items, with a short first
 *   sentence taken as the item's heading; notes (注：); appendices (附件：);
 * - schedules (行事历): month headings in every form the text module knows
 *   (九月：, 九月份, 9月份, 七、八月份, 7月—8月, 二○一三年一月份), one line
 *   per month with activities separated by ；or 。, or a table of months;
 *   activities with their dates (9/10, （12/31）, 9月10日) resolved against
 *   the period's year, and the holiday they name (教师节, 中秋节前, 三八,
 *   五.一) with its relation (on, before, after, during).
 *
 * Word (.docx) and OpenDocument text (.odt) files are recognised by their
 * content, not their name (a ZIP archive holding `word/document.xml`, or
 * the OpenDocument text mimetype and `content.xml`), and read as the lines
 * a reader sees: one per paragraph, automatic numbering written out as its
 * labels (一、 （一） 1. （1） ①, through `numbering.xml` or the ODF list
 * styles), a table whose header row names months and activities (月份 |
 * 工作内容) as a schedule, other tables paragraph by paragraph. Tracked
 * changes are taken as accepted; comments, headers, footers, footnotes,
 * text boxes and computed fields (page numbers, tables of contents) are
 * left out, each with a note. A position in such a file's diagnostics is
 * line N: the Nth paragraph in reading order. Refused with ::UPL_EPARSE
 * and a message saying why: a Word 97–2003 `.doc` or WPS `.wps` binary
 * (save it as `.docx`), an encrypted document, a ZIP archive without the
 * main part, a corrupt ZIP archive, and one over the limits of
 * upl_import_options::max_unpacked and upl_import_options::max_ratio (a
 * ZIP bomb). The parts are parsed as plan XML is: no network, no DTD, no
 * entity substitution. See `doc/docx.md`.
 *
 * Text is kept exactly as written. Web noise is removed and each removal
 * is reported as a note diagnostic with its source position: boilerplate
 * lines of the hosting page, page-chunk markers that split sentences, and
 * pinyin inserted after characters (關(guān)). A line the importer cannot
 * place is kept as a paragraph where it stood. The result always passes the
 * schema.
 *
 * Diagnostic codes (all notes): `import-boilerplate`, `import-chunk-marker`,
 * `import-pinyin`, `import-office-skipped`, `import-office-revision`,
 * `import-office-field` (what a Word or OpenDocument file held that was left
 * out), `import-control` (a control character XML cannot hold was
 * removed), `import-plan-split` (a new plan starts here, and why),
 * `import-year-unknown` (the source anonymises the year), `import-kept`
 * (a line kept as a paragraph because it fits nowhere else),
 * `import-inferred` (structure the text does not mark plainly, and how it
 * was read).
 *
 * @par Threads
 * The functions keep no state between calls; distinct calls may run in
 * distinct threads.
 */
#ifndef UNIONPLAN_IMPORT_H
#define UNIONPLAN_IMPORT_H

#include <stdio.h>

#include "common.h"
#include "plan.h"
#include "validate.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Current version of ::upl_import_options (2 added the limits on
 * Word and OpenDocument containers). */
#define UPL_IMPORT_OPTIONS_VERSION 2

/** @name Import flags, for upl_import_options::flags */
/** @{ */
/** Convert traditional characters to simplified in the kept text; `xml:lang` then says zh-Hans. */
#define UPL_IMPORT_SIMPLIFIED 0x1u
/** Do not record the source file and encoding in the plans' `meta/source`. */
#define UPL_IMPORT_NO_SOURCE 0x2u
/** @} */

/**
 * Options of the import functions. Initialise with ::UPL_IMPORT_OPTIONS_INIT;
 * fields are only ever appended. Passing NULL means the defaults.
 */
typedef struct upl_import_options {
	unsigned int version;  /**< ::UPL_IMPORT_OPTIONS_VERSION */
	unsigned int flags;    /**< UPL_IMPORT_* flags */
	const char *encoding;  /**< NULL or "auto" to detect; else an encoding name ("utf-8", "gb18030", "gbk", "big5") */
	const char *lang;      /**< language of the notes: "en" or "zh-Hans"; NULL = from the environment */
	size_t max_bytes;      /**< refuse larger input; 0 = ::UPL_IMPORT_DEFAULT_MAX_BYTES */
	/** Version 2: refuse a .docx or .odt whose ZIP members unpack to more
	 *  bytes in all; 0 = ::UPL_IMPORT_DEFAULT_MAX_UNPACKED. @since 0.2 */
	size_t max_unpacked;
	/** Version 2: refuse a .docx or .odt with a member of more than 1 MiB
	 *  compressed more than this many times; 0 = ::UPL_IMPORT_DEFAULT_MAX_RATIO.
	 *  @since 0.2 */
	unsigned int max_ratio;
} upl_import_options;

/** Initialiser for ::upl_import_options with the defaults. */
#define UPL_IMPORT_OPTIONS_INIT { UPL_IMPORT_OPTIONS_VERSION, 0u, NULL, NULL, 0u, 0u, 0u }

/** The default limit on what a .docx or .odt unpacks to (64 MiB). */
#define UPL_IMPORT_DEFAULT_MAX_UNPACKED ((size_t)64 * 1024 * 1024)

/** The default limit on the compression ratio of a large ZIP member (100). */
#define UPL_IMPORT_DEFAULT_MAX_RATIO 100u

/** The default input size limit of the import functions (16 MiB of text). */
#define UPL_IMPORT_DEFAULT_MAX_BYTES ((size_t)16 * 1024 * 1024)

/**
 * Import a plain-text plan held in memory.
 * @param[out] out     the document; set only on success.
 * @param report       receives the importer's notes (what was removed, where
 *                     plans were split, what was kept aside); may be NULL.
 * @param data         the bytes of the text (need not be NUL-terminated).
 * @param len          their number.
 * @param name         the name used in diagnostics and recorded as the
 *                     source file, or NULL.
 * @param opts         options, or NULL for the defaults.
 * @param[out] err     details on failure (optional).
 * @return 0; ::UPL_EENCODING if the bytes cannot be decoded in the detected
 * or given encoding (err gives the byte offset, line and column);
 * ::UPL_EPARSE for a Word or OpenDocument file that is refused (a `.doc`,
 * encrypted, corrupt, without its main part, over the limits);
 * ::UPL_EINVAL for an unknown encoding name or bad arguments; ::UPL_EPARSE
 * if the input holds no text at all; ::UPL_EIO if it is larger than the
 * limit; ::UPL_ENOMEM.
 * @par Ownership
 * The caller owns the document and frees it with upl_doc_free(). The
 * report stays the caller's; diagnostics are appended to it.
 * @since 0.1
 */
UPL_EXTERN int upl_import_buffer(upl_doc **out, upl_report *report, const char *data,
				 size_t len, const char *name,
				 const upl_import_options *opts, upl_error **err);

/**
 * Import a plain-text plan from a file. Same as upl_import_buffer() on the
 * file's bytes, with the path as the name.
 * @param[out] out     the document; set only on success.
 * @param report       receives the importer's notes; may be NULL.
 * @param path         the file to read.
 * @param opts         options, or NULL for the defaults.
 * @param[out] err     details on failure (optional).
 * @return as upl_import_buffer(), and ::UPL_EIO if the file cannot be read
 * (missing, a directory, unreadable).
 * @par Ownership
 * The caller owns the document and frees it with upl_doc_free().
 * @since 0.1
 */
UPL_EXTERN int upl_import_file(upl_doc **out, upl_report *report, const char *path,
			       const upl_import_options *opts, upl_error **err);

/**
 * Import a plain-text plan read from a file descriptor until end of file
 * (a pipe, a socket, standard input). Same as upl_import_buffer() on the
 * bytes read, with the same options and size limit
 * (upl_import_options::max_bytes): reading stops with ::UPL_EIO as soon as
 * the input grows larger.
 * @param[out] out     the document; set only on success.
 * @param report       receives the importer's notes; may be NULL.
 * @param fd           the descriptor to read; it is not closed.
 * @param name         the name used in diagnostics and recorded as the
 *                     source file (e.g. `<stdin>`), or NULL.
 * @param opts         options, or NULL for the defaults.
 * @param[out] err     details on failure (optional).
 * @return as upl_import_buffer(), and ::UPL_EIO if reading fails or the
 * descriptor is a directory; ::UPL_EINVAL for a negative descriptor.
 * @par Ownership
 * The caller owns the document and frees it with upl_doc_free(), and keeps
 * the descriptor.
 * @since 0.1
 */
UPL_EXTERN int upl_import_fd(upl_doc **out, upl_report *report, int fd, const char *name,
			     const upl_import_options *opts, upl_error **err);

/**
 * Import a plain-text plan read from a stdio stream until end of file.
 * Same as upl_import_fd() on a stream.
 * @param[out] out     the document; set only on success.
 * @param report       receives the importer's notes; may be NULL.
 * @param stream       the stream to read from its current position; it is
 *                     not closed.
 * @param name         the name used in diagnostics and recorded as the
 *                     source file, or NULL.
 * @param opts         options, or NULL for the defaults.
 * @param[out] err     details on failure (optional).
 * @return as upl_import_buffer(), and ::UPL_EIO if reading fails;
 * ::UPL_EINVAL for a NULL stream.
 * @par Ownership
 * The caller owns the document and frees it with upl_doc_free(), and keeps
 * the stream.
 * @since 0.1
 */
UPL_EXTERN int upl_import_stream(upl_doc **out, upl_report *report, FILE *stream,
				 const char *name, const upl_import_options *opts,
				 upl_error **err);

#ifdef __cplusplus
}
#endif

#endif /* UNIONPLAN_IMPORT_H */

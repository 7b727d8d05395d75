/**
 * @file unionplan/validate.h
 * @brief Validation: diagnostics, reports, and the validate functions.
 *
 * Validation has two layers that fill one report. The schema layer is what
 * any XSD processor says about the document (well-formedness, then the
 * embedded schema): its verdict agrees with `xmllint --schema` on the
 * installed unionplan-1.xsd. The semantic layer checks what no schema can
 * say (numbering, month order, dates, lunar-aware holidays). Semantic rules
 * run only on documents the schema layer accepts.
 *
 * Findings are results, not failures: the validate functions return 0 when
 * they could check the input, whatever they found, and fail only when they
 * could not check it at all (unreadable file, out of memory).
 *
 * Every diagnostic has a severity, a stable code (see doc/rules.md, e.g.
 * `xml-syntax`, `schema-element`), a message and a location: file, line,
 * column (1-based; columns count Unicode code points).
 */
#ifndef UNIONPLAN_VALIDATE_H
#define UNIONPLAN_VALIDATE_H

#include "common.h"
#include "date.h"
#include "plan.h"
#include "xml.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How serious a diagnostic is. Values only grow. */
typedef enum upl_severity {
	UPL_SEVERITY_NOTE = 0,    /**< information; never fails validation */
	UPL_SEVERITY_WARNING = 1, /**< probably wrong; fails only in strict mode */
	UPL_SEVERITY_ERROR = 2    /**< wrong; the document is invalid */
} upl_severity;

/** One finding. Owned by its report. */
typedef struct upl_diag upl_diag;

/** An ordered list of diagnostics, possibly for several files. */
typedef struct upl_report upl_report;

/** @return "note", "warning" or "error" (NULL for unknown values). @since 0.1 */
UPL_EXTERN const char *upl_severity_name(upl_severity severity);

/**
 * Make an empty report.
 * @param[out] out  the report, owned by the caller (upl_report_free()).
 * @return 0, ::UPL_EINVAL, ::UPL_ENOMEM.
 * @since 0.1
 */
UPL_EXTERN int upl_report_new(upl_report **out);
/** Free a report and its diagnostics. NULL is a no-op. @since 0.1 */
UPL_EXTERN void upl_report_free(upl_report *report);
/** Remove every diagnostic. @since 0.1 */
UPL_EXTERN void upl_report_clear(upl_report *report);
/** @return the number of diagnostics. @since 0.1 */
UPL_EXTERN size_t upl_report_count(const upl_report *report);
/** @return diagnostic @p i (in the order found), or NULL when out of range. Borrowed from the report. @since 0.1 */
UPL_EXTERN const upl_diag *upl_report_get(const upl_report *report, size_t i);
/** @return how many diagnostics have severity @p severity. @since 0.1 */
UPL_EXTERN size_t upl_report_count_severity(const upl_report *report, upl_severity severity);
/**
 * @return 1 if the report fails validation: it holds an error, or, when
 * @p strict is nonzero, a warning. Otherwise 0.
 * @since 0.1
 */
UPL_EXTERN int upl_report_failed(const upl_report *report, int strict);

/* upl_report_fails_at() is declared below with the options. */

/** @return the severity of @p diag. @since 0.1 */
UPL_EXTERN upl_severity upl_diag_severity(const upl_diag *diag);
/** @return the stable code of @p diag ("schema-element"). @since 0.1 */
UPL_EXTERN const char *upl_diag_code(const upl_diag *diag);
/** @return the message (UTF-8, one line). @since 0.1 */
UPL_EXTERN const char *upl_diag_message(const upl_diag *diag);
/** @return the file (or buffer name) the diagnostic concerns, or NULL. @since 0.1 */
UPL_EXTERN const char *upl_diag_file(const upl_diag *diag);
/** @return the 1-based line, or 0 when no line applies. @since 0.1 */
UPL_EXTERN unsigned int upl_diag_line(const upl_diag *diag);
/** @return the 1-based column in code points, or 0 when no column applies. @since 0.1 */
UPL_EXTERN unsigned int upl_diag_column(const upl_diag *diag);

/** Current version of ::upl_validate_options: 2 added
 * upl_validate_options::max_diagnostics. Options of version 1 (made before
 * it) are still accepted and get its default. */
#define UPL_VALIDATE_OPTIONS_VERSION 2

/** The default of upl_validate_options::max_diagnostics: diagnostics kept
 * per file. @since 0.1 */
#define UPL_DEFAULT_MAX_DIAGNOSTICS ((size_t)1000)

/** upl_validate_options::max_diagnostics for no cap at all. @since 0.1 */
#define UPL_MAX_DIAGNOSTICS_NONE ((size_t)-1)

/** Run the schema layer only. The validate functions refuse a bit of
 * upl_validate_options::flags they do not know with ::UPL_EINVAL. */
#define UPL_VALIDATE_SCHEMA_ONLY 0x1u

/** Streaming validation, for upl_validate_file(), upl_validate_fd() and
 * upl_validate_buffer(): the document is read in chunks (from memory, for
 * upl_validate_buffer(), which then builds no model of it) and checked as
 * it comes, in memory that
 * does not grow with its size (the schema, and the rules node by node), with
 * the same diagnostics, positions, order and verdict as without the flag
 * (but for the wording and place of some syntax errors, which libxml2's push
 * parser has its own: doc/cli.md). A document in another encoding than
 * UTF-8, or with a DOCTYPE, is read whole and checked as without the flag.
 * upl_validate_options::max_bytes does not apply, except to a document in
 * another encoding than UTF-8, which is read whole, and after a fatal
 * error: the rest is then read on, for invalid UTF-8 or a start tag with
 * too many attributes (which would win without the flag), only up to
 * max_bytes bytes of the document, beyond which the whole document could
 * not be read; then reading stops and the verdict is what was found (an
 * endless input, such as /dev/zero, ends). Each node is checked as it
 * closes and let go (an activity with its month), each plan as it ends;
 * what stays in memory: the open elements, one month while it is open, for
 * each open list of siblings its numbers and month keys seen (about 20
 * bytes each, to name the first of a repeated one), and the diagnostics (at
 * most twice upl_validate_options::max_diagnostics).
 * upl_doc_validate() ignores it. @since 0.1 (upl_validate_buffer() takes it
 * since 0.2) */
#define UPL_VALIDATE_STREAM 0x2u

/** @name Rule groups, for upl_validate_options::rules */
/** @{ */
#define UPL_RULES_NUMBERING 0x01u  /**< numbering-*, heading-order */
#define UPL_RULES_MONTHS 0x02u     /**< month-* */
#define UPL_RULES_DATES 0x04u      /**< date-* */
#define UPL_RULES_HOLIDAYS 0x08u   /**< holiday-*, year-unknown */
#define UPL_RULES_CROSSCHECK 0x10u /**< count-year */
#define UPL_RULES_META 0x20u       /**< meta-*, plan-lang */
#define UPL_RULES_ALL 0xFFFFFFFFu  /**< every group */
/** @} */

/**
 * Options for the validate functions. Initialise with
 * ::UPL_VALIDATE_OPTIONS_INIT; fields are only ever appended. NULL means the
 * defaults.
 */
typedef struct upl_validate_options {
	unsigned int version; /**< ::UPL_VALIDATE_OPTIONS_VERSION */
	unsigned int flags;   /**< UPL_VALIDATE_* flags; an unknown bit is ::UPL_EINVAL */
	size_t max_bytes;     /**< refuse larger input; 0 = ::UPL_DEFAULT_MAX_BYTES */
	unsigned int rules;   /**< UPL_RULES_* groups to run; 0 = all */
	const char *lang;     /**< message language: "en" or "zh-Hans" (also "zh", "zh_CN"); NULL = from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) */
	/**
	 * The most diagnostics one call keeps for its file; 0 =
	 * ::UPL_DEFAULT_MAX_DIAGNOSTICS, ::UPL_MAX_DIAGNOSTICS_NONE = no cap.
	 * Beyond it diagnostics are counted, not kept, and the call appends one
	 * more, `too-many-diagnostics`, saying how many were left out and how
	 * many of them were errors. It has the severity of the worst left out,
	 * so upl_report_failed() gives what it would give without the cap.
	 * Read only when upl_validate_options::version is 2 or more.
	 * @since 0.1
	 */
	size_t max_diagnostics;
} upl_validate_options;

/** Initialiser for ::upl_validate_options with the defaults. */
#define UPL_VALIDATE_OPTIONS_INIT { UPL_VALIDATE_OPTIONS_VERSION, 0u, 0u, 0u, NULL, 0u }

/**
 * @return 1 if the report holds a diagnostic of severity @p threshold or
 * worse, else 0. upl_report_failed() is this with ::UPL_SEVERITY_ERROR, or
 * ::UPL_SEVERITY_WARNING when strict.
 * @since 0.1
 */
UPL_EXTERN int upl_report_fails_at(const upl_report *report, upl_severity threshold);

/**
 * The rule codes the library knows, for listing.
 * @param i  0-based index.
 * @return the code of rule @p i ("numbering-duplicate"), or NULL past the end.
 * @since 0.1
 */
UPL_EXTERN const char *upl_rule_code(size_t i);

/**
 * Describe a rule: what it checks, its severity, and an example.
 * @param code  a diagnostic code, e.g. "holiday-month".
 * @param lang  "en" or "zh-Hans" (as in ::upl_validate_options), or NULL for the environment's language.
 * @return a static multi-line UTF-8 text, or NULL for an unknown code.
 * @since 0.1
 */
UPL_EXTERN const char *upl_rule_explain(const char *code, const char *lang);

/**
 * @return the severity the library gives rule @p code, or -1 (cast) for an unknown code.
 * @since 0.1
 */
UPL_EXTERN int upl_rule_severity(const char *code);

/**
 * Check a file: well-formedness, the schema, then the semantic rules.
 * Appends what it finds to @p report.
 * @param report  the report to append to.
 * @param path    the file.
 * @param opts    options, or NULL.
 * @param[out] err details when the file could not be checked (optional).
 * @return 0 when the file was checked (look at the report for the verdict);
 * ::UPL_EIO when it cannot be read (missing, a directory, unreadable, too
 * large); ::UPL_EINVAL for a NULL report or path, options of an unknown
 * version, or an unknown bit in upl_validate_options::flags; ::UPL_ENOMEM.
 * @since 0.1
 */
UPL_EXTERN int upl_validate_file(upl_report *report, const char *path,
				 const upl_validate_options *opts, upl_error **err);

/**
 * Check a document held in memory; @p name is used in the diagnostics.
 * @return as upl_validate_file().
 * @since 0.1
 */
UPL_EXTERN int upl_validate_buffer(upl_report *report, const void *data, size_t len,
				   const char *name, const upl_validate_options *opts,
				   upl_error **err);

/**
 * Check a document read from a file descriptor until end of file (not closed).
 * @return as upl_validate_file().
 * @since 0.1
 */
UPL_EXTERN int upl_validate_fd(upl_report *report, int fd, const char *name,
			       const upl_validate_options *opts, upl_error **err);

/**
 * Check a document built or changed in memory. The schema layer checks the
 * canonical form of the document (as upl_doc_write_buffer() gives it; its
 * diagnostics name the file "<memory>" and point into that text); when it
 * passes, the semantic rules check the model itself, and their diagnostics
 * carry the document's name and the positions the nodes had in the file
 * they were read from (0 for nodes made in memory).
 * @return as upl_validate_file(), except that it never reads a file; also
 * ::UPL_EINVAL for a document without plans or text that XML cannot hold.
 * @since 0.1
 */
UPL_EXTERN int upl_doc_validate(upl_report *report, const upl_doc *doc,
				const upl_validate_options *opts, upl_error **err);

#ifdef __cplusplus
}
#endif

#endif /* UNIONPLAN_VALIDATE_H */

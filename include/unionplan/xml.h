/**
 * @file unionplan/xml.h
 * @brief Reading and writing plans in the XML format (namespace urn:unionplan:1).
 *
 * Reading is safe by default: no network access, no DTD loading, no entity
 * expansion. A DOCTYPE without declarations is ignored; a DOCTYPE that
 * declares entities stops the parse with an error before any entity is
 * read. Input may be UTF-8 (with or without BOM), UTF-16 with a BOM, or any
 * encoding named in the XML declaration that ICU can convert (GB18030, GBK,
 * Big5 ...).
 *
 * The parse functions accept only documents that are well-formed and valid
 * against the schema (see unionplan/validate.h to collect every problem of a
 * document instead of stopping at the first). Errors carry the file name,
 * line and column: lines and columns are 1-based and columns count Unicode
 * code points, not bytes.
 *
 * Writing produces the canonical form: UTF-8, two-space indentation, fixed
 * attribute order, text exactly as stored. Parsing canonical output and
 * writing it again gives the same bytes.
 */
#ifndef UNIONPLAN_XML_H
#define UNIONPLAN_XML_H

#include <stdio.h>

#include "common.h"
#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The namespace of the format. */
#define UPL_NAMESPACE "urn:unionplan:1"

/** Current version of ::upl_parse_options. */
#define UPL_PARSE_OPTIONS_VERSION 1

/**
 * Options for the parse functions. Initialise with ::UPL_PARSE_OPTIONS_INIT;
 * fields are only ever appended. Passing NULL means the defaults.
 */
typedef struct upl_parse_options {
	unsigned int version; /**< ::UPL_PARSE_OPTIONS_VERSION */
	unsigned int flags;   /**< reserved, must be 0 */
	size_t max_bytes;     /**< refuse larger input; 0 = 64 MiB */
	const char *lang;     /**< language of the library's own error messages: "en" or "zh-Hans"; NULL = from the environment (the XML parser's messages are English) */
} upl_parse_options;

/** Initialiser for ::upl_parse_options with the defaults. */
#define UPL_PARSE_OPTIONS_INIT { UPL_PARSE_OPTIONS_VERSION, 0u, 0u, NULL }

/** The default input size limit of the parse and validate functions (64 MiB). */
#define UPL_DEFAULT_MAX_BYTES ((size_t)64 * 1024 * 1024)

/**
 * Parse a document from a file.
 * @param[out] out  the document; set only on success.
 * @param path      the file to read.
 * @param opts      options, or NULL for the defaults.
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EIO if the file cannot be read (missing, a directory,
 * unreadable, larger than the limit); ::UPL_EPARSE if it is not a
 * well-formed, schema-valid plan document (err has line and column);
 * ::UPL_EINVAL; ::UPL_ENOMEM.
 * @par Ownership
 * The caller owns the document and frees it with upl_doc_free().
 * @since 0.1
 */
UPL_EXTERN int upl_doc_parse_file(upl_doc **out, const char *path,
				  const upl_parse_options *opts, upl_error **err);

/**
 * Parse a document from memory.
 * @param[out] out  the document; set only on success.
 * @param data      the bytes (need not be NUL-terminated).
 * @param len       their number.
 * @param name      the name used in errors and by upl_doc_name(), or NULL.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return as upl_doc_parse_file().
 * @par Ownership
 * The caller owns the document; @p data is not referenced after the call.
 * @since 0.1
 */
UPL_EXTERN int upl_doc_parse_buffer(upl_doc **out, const void *data, size_t len,
				    const char *name, const upl_parse_options *opts,
				    upl_error **err);

/**
 * Parse a document read from a file descriptor until end of file. The
 * descriptor is not closed.
 * @return as upl_doc_parse_file().
 * @since 0.1
 */
UPL_EXTERN int upl_doc_parse_fd(upl_doc **out, int fd, const char *name,
				const upl_parse_options *opts, upl_error **err);

/**
 * Parse a document read from a stdio stream until end of file. The stream
 * is not closed.
 * @return as upl_doc_parse_file().
 * @since 0.1
 */
UPL_EXTERN int upl_doc_parse_stream(upl_doc **out, FILE *stream, const char *name,
				    const upl_parse_options *opts, upl_error **err);

/**
 * Parse a file that holds exactly one plan (a `plan` root, or a `plans`
 * collection with one plan).
 * @param[out] out  the plan, owned by the caller (upl_plan_free()); it belongs to no document.
 * @param path      the file to read.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return as upl_doc_parse_file(), plus ::UPL_EINVAL when the document
 * holds more than one plan.
 * @since 0.1
 */
UPL_EXTERN int upl_plan_parse_file(upl_plan **out, const char *path,
				   const upl_parse_options *opts, upl_error **err);

/** As upl_plan_parse_file(), from memory. @since 0.1 */
UPL_EXTERN int upl_plan_parse_buffer(upl_plan **out, const void *data, size_t len,
				     const char *name, const upl_parse_options *opts,
				     upl_error **err);

/** Current version of ::upl_write_options. */
#define UPL_WRITE_OPTIONS_VERSION 2

/** Options for the write functions. NULL means the defaults. */
typedef struct upl_write_options {
	unsigned int version; /**< ::UPL_WRITE_OPTIONS_VERSION */
	unsigned int flags;   /**< reserved, must be 0 */
	/**
	 * Refuse to write a document whose XML would be larger than this many
	 * bytes, the limit the reader will read it with (what the writer
	 * writes, the reader reads); 0 = ::UPL_DEFAULT_MAX_BYTES. The limit is
	 * inclusive. Options of version 1 get the default.
	 * @since 0.1
	 */
	size_t max_bytes;
} upl_write_options;

/** Initialiser for ::upl_write_options. */
#define UPL_WRITE_OPTIONS_INIT { UPL_WRITE_OPTIONS_VERSION, 0u, 0u }

/**
 * Write a document in canonical form to memory.
 * @param[out] out  a NUL-terminated UTF-8 string.
 * @param[out] len  its length in bytes (optional).
 * @param doc       the document.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EINVAL (NULL arguments, a document without plans, text
 * that is not valid UTF-8 or holds characters XML cannot carry);
 * ::UPL_ERANGE (the XML would be larger than upl_write_options::max_bytes,
 * so the reader would refuse it; nothing is written); ::UPL_ENOMEM.
 * @par Ownership
 * The caller frees @p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_doc_write_buffer(char **out, size_t *len, const upl_doc *doc,
				    const upl_write_options *opts, upl_error **err);

/**
 * Write a document in canonical form to a file, atomically, with
 * upl_write_file_atomic(): the data goes to a temporary file in the same
 * directory, which is flushed to disk and then renamed over @p path (over
 * a symbolic link's target; a FIFO or a character device is written as it
 * is; a directory is refused). The old file's permissions are kept. On
 * failure @p path is left as it was.
 * @param doc       the document.
 * @param path      the file to create or replace.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return as upl_doc_write_buffer() and upl_write_file_atomic().
 * @since 0.1
 */
UPL_EXTERN int upl_doc_write_file(const upl_doc *doc, const char *path,
				  const upl_write_options *opts, upl_error **err);

/**
 * Write one plan in canonical form (a `plan` root) to memory.
 * @param[out] out  a NUL-terminated string, freed with upl_free().
 * @param[out] len  its length (optional).
 * @param plan      the plan.
 * @param opts      options, or NULL.
 * @param[out] err  details on failure (optional).
 * @return as upl_doc_write_buffer().
 * @since 0.1
 */
UPL_EXTERN int upl_plan_write_buffer(char **out, size_t *len, const upl_plan *plan,
				     const upl_write_options *opts, upl_error **err);

/**
 * The schema, as embedded in the library.
 * @param[out] len  its length in bytes (optional).
 * @return the XSD text (UTF-8, NUL-terminated, static; never NULL).
 * @since 0.1
 */
UPL_EXTERN const char *upl_schema_xsd(size_t *len);

#ifdef __cplusplus
}
#endif

#endif /* UNIONPLAN_XML_H */

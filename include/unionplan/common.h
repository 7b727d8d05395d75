/**
 * @file unionplan/common.h
 * @brief Conventions shared by every libunionplan module: the export
 *        macro, return codes, the opaque error object, memory release, and
 *        the atomic file writer the library and its tools write files with.
 *
 * Every function that can fail returns an `int`: 0 on success or one of the
 * negative ::upl_code values. Functions that can report details take an
 * optional `upl_error **err` as their last parameter; pass NULL when the
 * details are not wanted. The library keeps no "last error" anywhere.
 */
#ifndef UNIONPLAN_COMMON_H
#define UNIONPLAN_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @cond INTERNAL */
#if defined(_WIN32) && defined(UPL_BUILDING)
#  define UPL_EXTERN __declspec(dllexport)
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define UPL_EXTERN __attribute__((visibility("default")))
#else
#  define UPL_EXTERN
#endif
/** @endcond */

/**
 * Return codes. 0 is success; every failure is negative. New codes are only
 * ever appended.
 */
typedef enum upl_code {
	UPL_OK = 0,            /**< Success. */
	UPL_ENOMEM = -1,       /**< Out of memory. */
	UPL_EIO = -2,          /**< Input/output error (file missing, unreadable, not a regular file, write failure). */
	UPL_EPARSE = -3,       /**< The input is not a well-formed, schema-valid document. */
	UPL_EINVAL = -4,       /**< An argument is invalid (NULL where not allowed, out of range, wrong kind). */
	UPL_ENOTFOUND = -5,    /**< The requested item does not exist. */
	UPL_ITEROVER = -6,     /**< An iteration has no more elements (not an error). */
	UPL_ERANGE = -7,       /**< A value is outside the range the function supports. */
	UPL_EENCODING = -8     /**< Text could not be decoded or converted. */
} upl_code;

/**
 * Detailed description of a failure: a code, a message and, when the failure
 * concerns an input document, its location.
 *
 * @par Ownership
 * An error returned through an `upl_error **err` parameter belongs to the
 * caller, who releases it with upl_error_free().
 */
typedef struct upl_error upl_error;

/** @return the ::upl_code of @p err, or 0 if @p err is NULL. @since 0.1 */
UPL_EXTERN int upl_error_code(const upl_error *err);

/** @return the human-readable message (UTF-8, never NULL; "" when @p err is NULL). @since 0.1 */
UPL_EXTERN const char *upl_error_message(const upl_error *err);

/** @return the file (or name given for a buffer) the error concerns, or NULL. @since 0.1 */
UPL_EXTERN const char *upl_error_file(const upl_error *err);

/**
 * @return the 1-based line the error concerns, or 0 when no line applies.
 * @since 0.1
 */
UPL_EXTERN unsigned int upl_error_line(const upl_error *err);

/**
 * @return the 1-based column the error concerns, counted in Unicode code
 * points from the start of the line, or 0 when no column applies.
 * @since 0.1
 */
UPL_EXTERN unsigned int upl_error_column(const upl_error *err);

/** Release an error. NULL is a no-op. @since 0.1 */
UPL_EXTERN void upl_error_free(upl_error *err);

/**
 * @return a short static English description of a return code ("out of
 * memory", ...). Unknown codes give "unknown error".
 * @since 0.1
 */
UPL_EXTERN const char *upl_strerror(int code);

/**
 * Release memory that the library handed to the caller (a `char *` result,
 * a buffer). Always use this, never free(). NULL is a no-op.
 * @since 0.1
 */
UPL_EXTERN void upl_free(void *ptr);

/**
 * Write bytes to a file, atomically where the file is a regular one: they
 * go to a new temporary file in the same directory (named `.upl` and six
 * more characters, whatever the length of @p path's name), which is
 * flushed to disk and then renamed over the file. Other readers see the
 * old file or the whole new one, never a part of it.
 *
 * What is at @p path decides the rest:
 * - nothing: a new file, mode 0666 less the umask;
 * - a regular file: replaced as above; its permission bits are kept and,
 *   when the process runs as root, its owner and group (a hard link to it
 *   is not: the name gets the new file);
 * - a symbolic link: followed (links to links too, relative ones from
 *   their own directory, at most 40); the file it leads to is replaced
 *   beside it as above and the link stays; a dangling link's target is
 *   created;
 * - a FIFO, a character device (`/dev/null`, a terminal) or a Unix socket:
 *   written as it is, not atomically (a FIFO waits for a reader);
 * - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: the
 *   bytes go to that descriptor of the process, as they are (a file a
 *   shell opened with `>>` is appended to, not replaced);
 * - a directory or a block device: refused, left as it is.
 *
 * On every failure of the atomic path (a full disk, a failing flush or
 * rename) the old file is left as it was and the temporary file is
 * removed.
 * @param path      the file to create or replace.
 * @param data      the bytes (may be NULL when @p len is 0).
 * @param len       their number.
 * @param[out] err  details on failure (optional); its file is @p path.
 * @return 0; ::UPL_EINVAL (@p path NULL or empty, @p data NULL with a
 * length); ::UPL_EIO (@p path is a directory or a block device, a link
 * loop, the temporary file cannot be created, written, flushed or renamed,
 * a special file cannot be opened or written); ::UPL_ENOMEM.
 * @par Ownership
 * Nothing is kept of @p path or @p data.
 * @since 0.1
 */
UPL_EXTERN int upl_write_file_atomic(const char *path, const void *data, size_t len,
				     upl_error **err);

#ifdef __cplusplus
}
#endif

#endif /* UNIONPLAN_COMMON_H */

/*
 * Internal declarations shared by the C files of the Python extension
 * unionplan._unionplan. Never installed.
 *
 * The extension is split by subject: module.c (module set-up, exceptions,
 * dates, load/loads/validate/import), tree.c (Document, Plan and the node
 * types), calendar.c (the calendar functions and Calendar). Everything here
 * is set once while the module initialises and is read-only afterwards.
 */
#ifndef UNIONPLAN_PY_H
#define UNIONPLAN_PY_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <unionplan.h>

/* Exceptions (module.c). Error(Exception); ParseError(Error, ValueError);
 * EncodingError(Error, ValueError). */
extern PyObject *upy_Error;
extern PyObject *upy_ParseError;
extern PyObject *upy_EncodingError;

/* Named tuples, defined in unionplan/_types.py and fetched at module init
 * (module.c). */
extern PyObject *upy_Holiday;     /* (date, key, name) */
extern PyObject *upy_SolarTerm;   /* (date, key, name) */
extern PyObject *upy_LunarDate;   /* (year, month, leap, day, text, ganzhi, zodiac, official) */
extern PyObject *upy_Workday;     /* (status, reason) */
extern PyObject *upy_Period;      /* (kind, start, end, schoolyear, term, text) */
extern PyObject *upy_Diagnostic;  /* (severity, code, message, file, line, column) */
extern PyObject *upy_Diagnostics; /* list subclass: Diagnostics(items, failed) */
extern PyObject *upy_Source;      /* (file, encoding) */

/*
 * Raise the Python exception for a failed library call and return NULL.
 * code is the upl_code; err (may be NULL) gives message, file, line, column
 * and is freed here. Mapping: UPL_EPARSE -> ParseError; UPL_EENCODING ->
 * EncodingError; UPL_ENOMEM -> MemoryError; UPL_EINVAL, UPL_ERANGE ->
 * ValueError; UPL_ENOTFOUND -> LookupError; UPL_EIO -> OSError (with the
 * errno saved in upy_raise_io when known); anything else -> Error.
 */
PyObject *upy_raise(int code, upl_error *err);

/* As upy_raise, for a UPL_EIO where errno_value (0 if unknown) is the
 * system's reason: FileNotFoundError, PermissionError, IsADirectoryError ...
 * with filename set. */
PyObject *upy_raise_io(int errno_value, upl_error *err, PyObject *filename);

/* A datetime.date for d; None when d is all zero or its year is 0. New reference. */
PyObject *upy_date_new(upl_date d);

/* Fill *out from a datetime.date (a datetime.datetime is refused:
 * TypeError). Returns 0, or -1 with an exception set. */
int upy_date_from(PyObject *o, upl_date *out);

/* A named tuple of class cls from a Py_BuildValue format (steals nothing).
 * New reference or NULL. */
PyObject *upy_tuple_new(PyObject *cls, const char *format, ...);

/* A named tuple of class cls from n items (stolen, also on failure; a NULL
 * item makes the call fail). A tuple subclass is filled directly, without
 * calling its Python __new__. */
PyObject *upy_tuple_from(PyObject *cls, Py_ssize_t n, PyObject **items);

/* module.c: the module's init function, the one symbol it exports. */
PyMODINIT_FUNC PyInit__unionplan(void);

/* calendar.c: add the calendar functions and the Calendar type to the
 * module. Returns 0, or -1 with an exception set. */
int upy_calendar_init(PyObject *module);

/* tree.c: add Document, Plan and the node types to the module. Returns 0
 * or -1. */
int upy_tree_init(PyObject *module);

/* tree.c: wrap a document the caller owns (ownership moves to the new
 * Document, also on failure, where the document is freed). */
PyObject *upy_document_wrap(upl_doc *doc);

/* module.c: a Diagnostics list for a report; failed as upl_report_failed(). */
PyObject *upy_diagnostics_new(const upl_report *report, int strict);

/* module.c: where input comes from. upy_source_get() fills it from a path
 * (str/os.PathLike: opened, fd >= 0), bytes-like content or a binary file
 * object (buf/len); name (may be NULL/None) overrides the name used in
 * messages. Returns 0, or -1 with an exception set; release it in both
 * cases with upy_source_release(). */
typedef struct upy_source {
	int fd;            /* an open descriptor, or -1 */
	const void *buf;   /* content when fd < 0 */
	size_t len;
	PyObject *path;    /* bytes: the path, or NULL */
	PyObject *name;    /* bytes: the name for messages, or NULL */
	PyObject *data;    /* bytes read from a file object, or NULL */
	Py_buffer view;
	int has_view;
} upy_source;
int upy_source_get(PyObject *src, PyObject *name, upy_source *s);
/* As upy_source_get(), reading at most limit + 1 bytes from a file object
 * (upy_source_get() uses the parser's default limit). */
int upy_source_get_limited(PyObject *src, PyObject *name, size_t limit, upy_source *s);
void upy_source_release(upy_source *s);
const char *upy_source_name(const upy_source *s);

/* module.c: option arguments. max_bytes: None or a positive int (0 = the
 * library's default); lang: None, "en" or "zh-Hans". 0 or -1 with an
 * exception set. */
int upy_size_arg(PyObject *o, size_t *out);
int upy_lang_arg(PyObject *o, const char **out);
/* Fill validate options from Python arguments (rules: None, a group name
 * or an iterable of names). */
int upy_validate_options(upl_validate_options *o, PyObject *rules, PyObject *lang,
			 int schema_only, PyObject *max_bytes);

#endif /* UNIONPLAN_PY_H */

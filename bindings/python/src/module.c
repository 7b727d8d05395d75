/*
 * unionplan._unionplan: module set-up, exceptions, dates, and the functions
 * that read documents: load, loads, validate, import_text.
 *
 * Files are opened here (so that a missing file raises the builtin
 * FileNotFoundError with its errno) and read and parsed by the library from
 * the descriptor, with the GIL released.
 */
#include "unionplan-py.h"

#include <datetime.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

PyObject *upy_Error;
PyObject *upy_ParseError;
PyObject *upy_EncodingError;
PyObject *upy_Holiday;
PyObject *upy_SolarTerm;
PyObject *upy_LunarDate;
PyObject *upy_Workday;
PyObject *upy_Period;
PyObject *upy_Diagnostic;
PyObject *upy_Diagnostics;
PyObject *upy_Source;

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

/* A str for a file name given by the library (bytes as on disk). */
static PyObject *
fsname(const char *name)
{
	if (name == NULL)
		Py_RETURN_NONE;
	return PyUnicode_DecodeFSDefault(name);
}

static PyObject *
uint_or_none(unsigned int v)
{
	if (v == 0)
		Py_RETURN_NONE;
	return PyLong_FromUnsignedLong(v);
}

PyObject *
upy_raise(int code, upl_error *err)
{
	PyObject *type, *exc;
	const char *msg = err ? upl_error_message(err) : upl_strerror(code);
	switch (code) {
	case UPL_ENOMEM:
		upl_error_free(err);
		return PyErr_NoMemory();
	case UPL_EINVAL:
	case UPL_ERANGE:
		type = PyExc_ValueError;
		break;
	case UPL_ENOTFOUND:
		type = PyExc_LookupError;
		break;
	case UPL_EPARSE:
		type = upy_ParseError;
		break;
	case UPL_EENCODING:
		type = upy_EncodingError;
		break;
	default:
		type = upy_Error;
		break;
	}
	if (type == PyExc_ValueError || type == PyExc_LookupError) {
		PyErr_SetString(type, msg);
		upl_error_free(err);
		return NULL;
	}
	exc = PyObject_CallFunction(type, "(s i N N N)", msg, code,
				    fsname(err ? upl_error_file(err) : NULL),
				    uint_or_none(err ? upl_error_line(err) : 0),
				    uint_or_none(err ? upl_error_column(err) : 0));
	upl_error_free(err);
	if (exc == NULL)
		return NULL;
	PyErr_SetObject(type, exc);
	Py_DECREF(exc);
	return NULL;
}

PyObject *
upy_raise_io(int errno_value, upl_error *err, PyObject *filename)
{
	PyObject *exc;
	if (errno_value == 0)
		return upy_raise(UPL_EIO, err);
	exc = PyObject_CallFunction(PyExc_OSError, "(i s O)", errno_value,
				    strerror(errno_value), filename ? filename : Py_None);
	upl_error_free(err);
	if (exc == NULL)
		return NULL;
	PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
	Py_DECREF(exc);
	return NULL;
}

/* ------------------------------------------------------------------------ */
/* Dates and named tuples                                                   */

PyObject *
upy_date_new(upl_date d)
{
	if (d.year == 0 || !upl_date_is_valid(d))
		Py_RETURN_NONE;
	return PyDate_FromDate(d.year, d.month, d.day);
}

int
upy_date_from(PyObject *o, upl_date *out)
{
	if (o == NULL || !PyDate_Check(o) || PyDateTime_Check(o)) {
		PyErr_Format(PyExc_TypeError, "expected a datetime.date, not %.100s",
			     o ? Py_TYPE(o)->tp_name : "nothing");
		return -1;
	}
	out->year = PyDateTime_GET_YEAR(o);
	out->month = PyDateTime_GET_MONTH(o);
	out->day = PyDateTime_GET_DAY(o);
	return 0;
}

/* A named tuple of n items (stolen; when one is NULL after a failed call,
 * NULL is returned and the others are released). A named tuple's __new__
 * only packs its arguments into the tuple subclass, so the instance is
 * allocated and filled here as tuple's own constructor does for a
 * subclass, without a call into Python: this is what makes lunar() fast
 * enough for a day-by-day loop. A class that is not a tuple is called. */
PyObject *
upy_tuple_from(PyObject *cls, Py_ssize_t n, PyObject **items)
{
	PyObject *res = NULL;
	Py_ssize_t i;
	for (i = 0; i < n; i++)
		if (items[i] == NULL)
			goto fail;
	if (PyType_Check(cls) && PyType_IsSubtype((PyTypeObject *)cls, &PyTuple_Type)) {
		PyTypeObject *type = (PyTypeObject *)cls;
		if ((res = type->tp_alloc(type, n)) == NULL)
			goto fail;
		for (i = 0; i < n; i++)
			PyTuple_SET_ITEM(res, i, items[i]);
		return res;
	} else {
		PyObject *args = PyTuple_New(n);
		if (args == NULL)
			goto fail;
		for (i = 0; i < n; i++)
			PyTuple_SET_ITEM(args, i, items[i]);
		res = PyObject_Call(cls, args, NULL);
		Py_DECREF(args);
		return res;
	}
fail:
	for (i = 0; i < n; i++)
		Py_XDECREF(items[i]);
	return NULL;
}

PyObject *
upy_tuple_new(PyObject *cls, const char *format, ...)
{
	va_list ap;
	PyObject *args, *res, **items;
	Py_ssize_t i, n;
	va_start(ap, format);
	args = Py_VaBuildValue(format, ap);
	va_end(ap);
	if (args == NULL)
		return NULL;
	if (!PyTuple_Check(args)) {
		PyObject *t = PyTuple_Pack(1, args);
		Py_DECREF(args);
		if (t == NULL)
			return NULL;
		args = t;
	}
	n = PyTuple_GET_SIZE(args);
	items = PyMem_New(PyObject *, (size_t)(n ? n : 1));
	if (items == NULL) {
		Py_DECREF(args);
		return PyErr_NoMemory();
	}
	for (i = 0; i < n; i++) {
		items[i] = PyTuple_GET_ITEM(args, i);
		Py_INCREF(items[i]);
	}
	Py_DECREF(args);
	res = upy_tuple_from(cls, n, items);
	PyMem_Free(items);
	return res;
}

PyObject *
upy_diagnostics_new(const upl_report *report, int strict)
{
	size_t i, n = upl_report_count(report);
	PyObject *list = PyList_New(0), *res;
	if (list == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		const upl_diag *d = upl_report_get(report, i);
		PyObject *item = upy_tuple_new(upy_Diagnostic, "(s s N N N N)",
					       upl_severity_name(upl_diag_severity(d)),
					       upl_diag_code(d),
					       PyUnicode_DecodeUTF8(upl_diag_message(d),
								    (Py_ssize_t)strlen(upl_diag_message(d)),
								    "replace"),
					       fsname(upl_diag_file(d)),
					       uint_or_none(upl_diag_line(d)),
					       uint_or_none(upl_diag_column(d)));
		if (item == NULL || PyList_Append(list, item) != 0) {
			Py_XDECREF(item);
			Py_DECREF(list);
			return NULL;
		}
		Py_DECREF(item);
	}
	res = PyObject_CallFunction(upy_Diagnostics, "(O O)", list,
				    upl_report_failed(report, strict) ? Py_True : Py_False);
	Py_DECREF(list);
	return res;
}

/* ------------------------------------------------------------------------ */
/* Sources: a path, bytes-like content, or a binary file object             */

void
upy_source_release(upy_source *s)
{
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
	if (s->has_view)
		PyBuffer_Release(&s->view);
	s->has_view = 0;
	Py_CLEAR(s->path);
	Py_CLEAR(s->name);
	Py_CLEAR(s->data);
}

/* Open the path in s->path; on failure raise the builtin OSError. */
static int
open_path(upy_source *s, PyObject *orig)
{
	const char *p = PyBytes_AS_STRING(s->path);
	int fd, e = 0;
	struct stat st;
	Py_BEGIN_ALLOW_THREADS
	fd = open(p, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		e = errno;
	else if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		e = EISDIR;
	Py_END_ALLOW_THREADS
	if (e != 0) {
		if (fd >= 0)
			close(fd);
		upy_raise_io(e, NULL, orig);
		return -1;
	}
	s->fd = fd;
	return 0;
}

/* The bytes a file object's read() gives, and its name when it has one.
 * Reading stops as soon as more than `limit` bytes came (the library then
 * refuses the input with its usual message). */
static int
read_file_object(upy_source *s, PyObject *src, size_t limit)
{
	PyObject *name, *chunks = PyList_New(0), *empty;
	size_t total = 0;
	if (chunks == NULL)
		return -1;
	while (total <= limit) {
		PyObject *c = PyObject_CallMethod(src, "read", "n", (Py_ssize_t)65536);
		if (c == NULL)
			break;
		if (!PyBytes_Check(c)) {
			PyErr_Format(PyExc_TypeError,
				     "the file object's read() gave %.100s, not bytes: open the file in binary mode",
				     Py_TYPE(c)->tp_name);
			Py_DECREF(c);
			break;
		}
		if (PyBytes_GET_SIZE(c) == 0) {
			Py_DECREF(c);
			break;
		}
		total += (size_t)PyBytes_GET_SIZE(c);
		if (PyList_Append(chunks, c) != 0) {
			Py_DECREF(c);
			break;
		}
		Py_DECREF(c);
	}
	if (PyErr_Occurred() || (empty = PyBytes_FromStringAndSize(NULL, 0)) == NULL) {
		Py_DECREF(chunks);
		return -1;
	}
	s->data = PyObject_CallMethod(empty, "join", "O", chunks);
	Py_DECREF(empty);
	Py_DECREF(chunks);
	if (s->data == NULL)
		return -1;
	name = PyObject_GetAttrString(src, "name");
	if (name == NULL)
		PyErr_Clear();
	else if (PyUnicode_Check(name) && s->name == NULL)
		s->name = PyUnicode_EncodeFSDefault(name);
	Py_XDECREF(name);
	s->buf = PyBytes_AS_STRING(s->data);
	s->len = (size_t)PyBytes_GET_SIZE(s->data);
	return 0;
}

int
upy_source_get(PyObject *src, PyObject *name, upy_source *s)
{
	return upy_source_get_limited(src, name, UPL_DEFAULT_MAX_BYTES, s);
}

int
upy_source_get_limited(PyObject *src, PyObject *name, size_t limit, upy_source *s)
{
	memset(s, 0, sizeof *s);
	s->fd = -1;
	if (name != NULL && name != Py_None) {
		if (!PyUnicode_FSConverter(name, &s->name))
			return -1;
	}
	if (PyUnicode_Check(src) || PyObject_HasAttrString(src, "__fspath__")) {
		if (!PyUnicode_FSConverter(src, &s->path))
			return -1;
		if (s->name == NULL) {
			s->name = s->path;
			Py_INCREF(s->name);
		}
		return open_path(s, src);
	}
	if (PyObject_CheckBuffer(src)) {
		if (PyObject_GetBuffer(src, &s->view, PyBUF_SIMPLE) != 0)
			return -1;
		s->has_view = 1;
		s->buf = s->view.buf;
		s->len = (size_t)s->view.len;
		return 0;
	}
	if (PyObject_HasAttrString(src, "read"))
		return read_file_object(s, src, limit);
	PyErr_Format(PyExc_TypeError,
		     "expected a path (str or os.PathLike), bytes, or a binary file object, not %.100s",
		     Py_TYPE(src)->tp_name);
	return -1;
}

const char *
upy_source_name(const upy_source *s)
{
	return s->name ? PyBytes_AS_STRING(s->name) : NULL;
}

/* ------------------------------------------------------------------------ */
/* Options                                                                  */

int
upy_size_arg(PyObject *o, size_t *out)
{
	if (o == NULL || o == Py_None) {
		*out = 0;
		return 0;
	}
	if (!PyLong_Check(o)) {
		PyErr_SetString(PyExc_TypeError, "max_bytes must be an int or None");
		return -1;
	}
	*out = PyLong_AsSize_t(o);
	if (*out == (size_t)-1 && PyErr_Occurred())
		return -1;
	if (*out == 0) {
		PyErr_SetString(PyExc_ValueError, "max_bytes must be positive (None for the default)");
		return -1;
	}
	return 0;
}

int
upy_lang_arg(PyObject *o, const char **out)
{
	*out = NULL;
	if (o == NULL || o == Py_None)
		return 0;
	if (!PyUnicode_Check(o)) {
		PyErr_SetString(PyExc_TypeError, "lang must be a str (\"en\" or \"zh-Hans\") or None");
		return -1;
	}
	*out = PyUnicode_AsUTF8(o);
	if (*out == NULL)
		return -1;
	if (strcmp(*out, "en") != 0 && strcmp(*out, "zh-Hans") != 0 && strcmp(*out, "zh") != 0 &&
	    strcmp(*out, "zh_CN") != 0) {
		PyErr_Format(PyExc_ValueError, "unknown message language %R (use \"en\" or \"zh-Hans\")", o);
		return -1;
	}
	return 0;
}

static const struct {
	const char *name;
	unsigned int bit;
} rule_groups[] = {
	{ "numbering", UPL_RULES_NUMBERING }, { "months", UPL_RULES_MONTHS },
	{ "dates", UPL_RULES_DATES },         { "holidays", UPL_RULES_HOLIDAYS },
	{ "crosscheck", UPL_RULES_CROSSCHECK }, { "meta", UPL_RULES_META },
};

static int
rule_group_bit(PyObject *item, unsigned int *bits)
{
	size_t k;
	const char *s;
	if (!PyUnicode_Check(item)) {
		PyErr_SetString(PyExc_TypeError, "rules must be an iterable of group names (str)");
		return -1;
	}
	s = PyUnicode_AsUTF8(item);
	if (s == NULL)
		return -1;
	for (k = 0; k < sizeof rule_groups / sizeof rule_groups[0]; k++) {
		if (strcmp(s, rule_groups[k].name) == 0) {
			*bits |= rule_groups[k].bit;
			return 0;
		}
	}
	PyErr_Format(PyExc_ValueError,
		     "unknown rule group %R (numbering, months, dates, holidays, crosscheck, meta)", item);
	return -1;
}

int
upy_validate_options(upl_validate_options *o, PyObject *rules, PyObject *lang,
		     int schema_only, PyObject *max_bytes)
{
	PyObject *it, *item;
	unsigned int bits = 0;
	if (upy_lang_arg(lang, &o->lang) != 0 || upy_size_arg(max_bytes, &o->max_bytes) != 0)
		return -1;
	if (schema_only)
		o->flags |= UPL_VALIDATE_SCHEMA_ONLY;
	if (rules == NULL || rules == Py_None)
		return 0;
	if (PyUnicode_Check(rules)) {
		if (rule_group_bit(rules, &bits) != 0)
			return -1;
		o->rules = bits;
		return 0;
	}
	it = PyObject_GetIter(rules);
	if (it == NULL)
		return -1;
	while ((item = PyIter_Next(it)) != NULL) {
		int rc = rule_group_bit(item, &bits);
		Py_DECREF(item);
		if (rc != 0) {
			Py_DECREF(it);
			return -1;
		}
	}
	Py_DECREF(it);
	if (PyErr_Occurred())
		return -1;
	if (bits == 0) {
		PyErr_SetString(PyExc_ValueError, "rules names no group (use None for all)");
		return -1;
	}
	o->rules = bits;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* load, loads, validate, import_text                                       */

static PyObject *
parse_source(upy_source *s, const upl_parse_options *opts)
{
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	int rc;
	Py_BEGIN_ALLOW_THREADS
	if (s->fd >= 0)
		rc = upl_doc_parse_fd(&doc, s->fd, upy_source_name(s), opts, &err);
	else
		rc = upl_doc_parse_buffer(&doc, s->buf, s->len, upy_source_name(s), opts, &err);
	Py_END_ALLOW_THREADS
	if (rc != 0)
		return upy_raise(rc, err);
	return upy_document_wrap(doc);
}

/* The arguments of load(source, ...) and loads(data, ...): the first, then
 * *, name, max_bytes, lang. */
static int
parse_args(PyObject *args, PyObject *kw, const char *format, PyObject **first, PyObject **name,
	   upl_parse_options *opts)
{
	static char *load_kw[] = { "source", "name", "max_bytes", "lang", NULL };
	static char *loads_kw[] = { "data", "name", "max_bytes", "lang", NULL };
	PyObject *max = NULL, *lang = NULL;
	*name = NULL;
	if (!PyArg_ParseTupleAndKeywords(args, kw, format, strstr(format, ":loads") ? loads_kw : load_kw,
					 first, name, &max, &lang))
		return -1;
	if (upy_size_arg(max, &opts->max_bytes) != 0 || upy_lang_arg(lang, &opts->lang) != 0)
		return -1;
	return 0;
}

static PyObject *
py_load(PyObject *self, PyObject *args, PyObject *kw)
{
	PyObject *src, *name, *res;
	upl_parse_options opts = UPL_PARSE_OPTIONS_INIT;
	upy_source s;
	(void)self;
	if (parse_args(args, kw, "O|$OOO:load", &src, &name, &opts) != 0)
		return NULL;
	if (upy_source_get_limited(src, name, opts.max_bytes ? opts.max_bytes : UPL_DEFAULT_MAX_BYTES,
				   &s) != 0) {
		upy_source_release(&s);
		return NULL;
	}
	res = parse_source(&s, &opts);
	upy_source_release(&s);
	return res;
}

/* A str whose XML declaration names an encoding other than UTF-8 cannot be
 * parsed from its UTF-8 form. */
static int
check_str_declaration(const char *p, Py_ssize_t n)
{
	const char *end, *enc;
	if (n < 6 || strncmp(p, "<?xml", 5) != 0)
		return 0;
	end = strstr(p, "?>");
	enc = strstr(p, "encoding");
	if (end == NULL || enc == NULL || enc > end)
		return 0;
	enc += 8;
	while (*enc == ' ' || *enc == '=' || *enc == '\t')
		enc++;
	if (*enc == '"' || *enc == '\'')
		enc++;
	if (strncasecmp(enc, "utf-8", 5) == 0 || strncasecmp(enc, "utf8", 4) == 0)
		return 0;
	PyErr_SetString(PyExc_ValueError,
			"a str with an XML declaration naming an encoding other than UTF-8 "
			"cannot be parsed: pass the bytes instead");
	return -1;
}

/* The source of loads()/loads_json(): a bytes-like object as it is, a str
 * as its UTF-8 form (kept by the str for the length of the call, through
 * the memoryview *keep, which the caller releases with the source); with
 * xml, a str whose XML declaration names another encoding is refused. */
static int
data_source(PyObject *data, PyObject *name, const char *fn, int xml, upy_source *s,
	    PyObject **keep)
{
	*keep = NULL;
	if (PyUnicode_Check(data)) {
		Py_ssize_t n;
		const char *p = PyUnicode_AsUTF8AndSize(data, &n);
		if (p == NULL || (xml && check_str_declaration(p, n) != 0))
			return -1;
		*keep = PyMemoryView_FromMemory((char *)p, n, PyBUF_READ);
		if (*keep == NULL)
			return -1;
		data = *keep;
	} else if (!PyObject_CheckBuffer(data)) {
		PyErr_Format(PyExc_TypeError, "%s() expects str or bytes, not %.100s", fn,
			     Py_TYPE(data)->tp_name);
		return -1;
	}
	if (upy_source_get(data, name, s) != 0) {
		upy_source_release(s);
		Py_CLEAR(*keep);
		return -1;
	}
	return 0;
}

static PyObject *
py_loads(PyObject *self, PyObject *args, PyObject *kw)
{
	PyObject *data, *name, *res, *utf8 = NULL;
	upl_parse_options opts = UPL_PARSE_OPTIONS_INIT;
	upy_source s;
	(void)self;
	if (parse_args(args, kw, "O|$OOO:loads", &data, &name, &opts) != 0)
		return NULL;
	if (data_source(data, name, "loads", 1, &s, &utf8) != 0)
		return NULL;
	res = parse_source(&s, &opts);
	upy_source_release(&s);
	Py_XDECREF(utf8);
	return res;
}

static PyObject *
py_loads_json(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "data", "name", "max_bytes", NULL };
	PyObject *data, *name = NULL, *max = NULL, *utf8 = NULL;
	upl_json_parse_options opts = UPL_JSON_PARSE_OPTIONS_INIT;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	upy_source s;
	int rc;
	(void)self;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|$OO:loads_json", kwlist, &data, &name, &max) ||
	    upy_size_arg(max, &opts.max_bytes) != 0)
		return NULL;
	if (data_source(data, name, "loads_json", 0, &s, &utf8) != 0)
		return NULL;
	Py_BEGIN_ALLOW_THREADS
	rc = upl_doc_parse_json_buffer(&doc, s.buf, s.len, upy_source_name(&s), &opts, &err);
	Py_END_ALLOW_THREADS
	upy_source_release(&s);
	Py_XDECREF(utf8);
	if (rc != 0)
		return upy_raise(rc, err);
	return upy_document_wrap(doc);
}

static PyObject *
py_validate(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "source", "strict", "rules", "lang", "schema_only",
				  "name", "max_bytes", "stream", NULL };
	PyObject *src, *rules = NULL, *lang = NULL, *name = NULL, *max = NULL, *res = NULL;
	PyObject *stream = Py_True;
	int strict = 0, schema_only = 0, rc;
	upl_validate_options opts = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *report = NULL;
	upl_error *err = NULL;
	upy_source s;
	(void)self;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|$pOOpOOO:validate", kwlist, &src, &strict,
					 &rules, &lang, &schema_only, &name, &max, &stream))
		return NULL;
	if (!PyBool_Check(stream)) {
		PyErr_Format(PyExc_TypeError, "stream must be a bool (True or False), not %.100s",
			     Py_TYPE(stream)->tp_name);
		return NULL;
	}
	if (upy_validate_options(&opts, rules, lang, schema_only, max) != 0)
		return NULL;
	/* A file is streamed from its descriptor, content already in memory
	 * from there (upl_validate_buffer builds no model then). */
	if (stream == Py_True)
		opts.flags |= UPL_VALIDATE_STREAM;
	if (upy_source_get_limited(src, name, opts.max_bytes ? opts.max_bytes : UPL_DEFAULT_MAX_BYTES,
				   &s) != 0)
		goto out;
	if (upl_report_new(&report) != 0) {
		PyErr_NoMemory();
		goto out;
	}
	Py_BEGIN_ALLOW_THREADS
	if (s.fd >= 0)
		rc = upl_validate_fd(report, s.fd, upy_source_name(&s), &opts, &err);
	else
		rc = upl_validate_buffer(report, s.buf, s.len, upy_source_name(&s), &opts, &err);
	Py_END_ALLOW_THREADS
	if (rc != 0)
		upy_raise(rc, err);
	else
		res = upy_diagnostics_new(report, strict);
out:
	upl_report_free(report);
	upy_source_release(&s);
	return res;
}

static int
import_options(upl_import_options *o, PyObject *encoding, int simplified, PyObject *lang,
	       PyObject *max)
{
	if (upy_lang_arg(lang, &o->lang) != 0 || upy_size_arg(max, &o->max_bytes) != 0)
		return -1;
	if (simplified)
		o->flags |= UPL_IMPORT_SIMPLIFIED;
	if (encoding != NULL && encoding != Py_None) {
		if (!PyUnicode_Check(encoding)) {
			PyErr_SetString(PyExc_TypeError, "encoding must be a str or None");
			return -1;
		}
		o->encoding = PyUnicode_AsUTF8(encoding);
		if (o->encoding == NULL)
			return -1;
	}
	return 0;
}

static PyObject *
py_import_text(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "source", "encoding", "simplified", "lang", "name",
				  "max_bytes", NULL };
	PyObject *src, *encoding = NULL, *lang = NULL, *name = NULL, *max = NULL, *res = NULL;
	PyObject *docobj, *notes;
	int simplified = 0, rc;
	upl_import_options opts = UPL_IMPORT_OPTIONS_INIT;
	upl_report *report = NULL;
	upl_error *err = NULL;
	upl_doc *doc = NULL;
	upy_source s;
	(void)self;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|$OpOOO:import_text", kwlist, &src, &encoding,
					 &simplified, &lang, &name, &max))
		return NULL;
	if (import_options(&opts, encoding, simplified, lang, max) != 0)
		return NULL;
	if (upy_source_get_limited(src, name,
				   opts.max_bytes ? opts.max_bytes : UPL_IMPORT_DEFAULT_MAX_BYTES, &s) != 0)
		goto out;
	if (upl_report_new(&report) != 0) {
		PyErr_NoMemory();
		goto out;
	}
	Py_BEGIN_ALLOW_THREADS
	if (s.fd >= 0)
		rc = upl_import_fd(&doc, report, s.fd, upy_source_name(&s), &opts, &err);
	else
		rc = upl_import_buffer(&doc, report, s.buf, s.len, upy_source_name(&s), &opts, &err);
	Py_END_ALLOW_THREADS
	if (rc != 0) {
		upy_raise(rc, err);
		goto out;
	}
	docobj = upy_document_wrap(doc);
	if (docobj == NULL)
		goto out;
	notes = upy_diagnostics_new(report, 0);
	if (notes == NULL) {
		Py_DECREF(docobj);
		goto out;
	}
	res = PyTuple_Pack(2, docobj, notes);
	Py_DECREF(docobj);
	Py_DECREF(notes);
out:
	upl_report_free(report);
	upy_source_release(&s);
	return res;
}

/* ------------------------------------------------------------------------ */
/* Rules                                                                    */

static PyObject *
py_rule_codes(PyObject *self, PyObject *unused)
{
	PyObject *list = PyList_New(0);
	const char *c;
	size_t i;
	(void)self;
	(void)unused;
	for (i = 0; list != NULL && (c = upl_rule_code(i)) != NULL; i++) {
		PyObject *s = PyUnicode_FromString(c);
		if (s == NULL || PyList_Append(list, s) != 0)
			Py_CLEAR(list);
		Py_XDECREF(s);
	}
	return list;
}

static PyObject *
py_explain(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "code", "lang", NULL };
	const char *code, *lang, *text;
	PyObject *langobj = NULL;
	(void)self;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "s|O:explain", kwlist, &code, &langobj))
		return NULL;
	if (upy_lang_arg(langobj, &lang) != 0)
		return NULL;
	text = upl_rule_explain(code, lang);
	if (text == NULL)
		return PyErr_Format(PyExc_LookupError, "unknown rule code '%s'", code);
	return PyUnicode_FromString(text);
}

static PyMethodDef module_methods[] = {
	{ "load", (PyCFunction)(void (*)(void))py_load, METH_VARARGS | METH_KEYWORDS,
	  "load(source, *, name=None, max_bytes=None, lang=None) -> Document\n\n"
	  "Read a plan document. source is a path (str or os.PathLike; '-' is an\n"
	  "ordinary file name), bytes-like content, or a binary file object.\n"
	  "Raises ParseError for a document that is not well-formed or not valid\n"
	  "against the schema, FileNotFoundError/PermissionError/IsADirectoryError\n"
	  "for a file that cannot be opened, Error for one larger than max_bytes\n"
	  "(default 64 MiB). The GIL is released while reading and parsing." },
	{ "loads_json", (PyCFunction)(void (*)(void))py_loads_json, METH_VARARGS | METH_KEYWORDS,
	  "loads_json(data, *, name=None, max_bytes=None) -> Document\n\n"
	  "A document from its JSON form (str or bytes; doc/json.md), as Document.to_json writes it. "
	  "Bad JSON, or JSON that is not such a document, raises ParseError with its line and column." },
	{ "loads", (PyCFunction)(void (*)(void))py_loads, METH_VARARGS | METH_KEYWORDS,
	  "loads(data, *, name=None, max_bytes=None, lang=None) -> Document\n\n"
	  "Parse a document from str or bytes. A str is parsed as UTF-8; one whose\n"
	  "XML declaration names another encoding raises ValueError (pass bytes)." },
	{ "validate", (PyCFunction)(void (*)(void))py_validate, METH_VARARGS | METH_KEYWORDS,
	  "validate(source, *, strict=False, rules=None, lang=None, schema_only=False,\n"
	  "         name=None, max_bytes=None, stream=True) -> Diagnostics\n\n"
	  "Check a file or content that may not even parse: XML and schema errors\n"
	  "come back as diagnostics, not exceptions. rules selects groups\n"
	  "(numbering, months, dates, holidays, crosscheck, meta); lang the language\n"
	  "of the messages ('en' or 'zh-Hans'; None: from the environment). The\n"
	  "result's .failed says whether the document fails (any error; with\n"
	  "strict=True any warning too). With stream=True (a bool; the default) a\n"
	  "path is checked as it is read, in memory that does not grow with the\n"
	  "file, and max_bytes applies only to a document in another encoding than\n"
	  "UTF-8 (read whole); stream=False reads it whole and builds the model.\n"
	  "Both give the same diagnostics." },
	{ "import_text", (PyCFunction)(void (*)(void))py_import_text, METH_VARARGS | METH_KEYWORDS,
	  "import_text(source, *, encoding=None, simplified=False, lang=None, name=None,\n"
	  "            max_bytes=None) -> (Document, notes)\n\n"
	  "Turn a plain-text plan (UTF-8, GB18030, GBK or Big5, detected unless\n"
	  "encoding is given) into a document. notes are Diagnostics saying what the\n"
	  "importer removed or decided. simplified=True converts traditional text.\n"
	  "Raises EncodingError for undecodable text, ParseError for input without text." },
	{ "rule_codes", py_rule_codes, METH_NOARGS,
	  "rule_codes() -> list of str\n\nThe codes of every rule the library knows." },
	{ "explain", (PyCFunction)(void (*)(void))py_explain, METH_VARARGS | METH_KEYWORDS,
	  "explain(code, lang=None) -> str\n\nWhat a rule checks, its severity and an example; "
	  "LookupError for an unknown code." },
	{ NULL, NULL, 0, NULL }
};

/* ------------------------------------------------------------------------ */
/* Module                                                                   */

static struct PyModuleDef module_def = {
	PyModuleDef_HEAD_INIT, "unionplan._unionplan",
	"The C part of the unionplan package: read, validate, build and write\n"
	"Chinese school trade-union work plans with libunionplan.\n"
	"Use the unionplan package, which re-exports everything here.",
	-1, module_methods, NULL, NULL, NULL, NULL
};

static int
fetch_types(void)
{
	static const struct {
		PyObject **slot;
		const char *name;
	} names[] = {
		{ &upy_Error, "Error" },         { &upy_ParseError, "ParseError" },
		{ &upy_EncodingError, "EncodingError" }, { &upy_Holiday, "Holiday" },
		{ &upy_SolarTerm, "SolarTerm" }, { &upy_LunarDate, "LunarDate" },
		{ &upy_Workday, "Workday" },     { &upy_Period, "Period" },
		{ &upy_Diagnostic, "Diagnostic" }, { &upy_Diagnostics, "Diagnostics" },
		{ &upy_Source, "Source" },
	};
	PyObject *types = PyImport_ImportModule("unionplan._types");
	size_t i;
	if (types == NULL)
		return -1;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		*names[i].slot = PyObject_GetAttrString(types, names[i].name);
		if (*names[i].slot == NULL) {
			Py_DECREF(types);
			return -1;
		}
	}
	Py_DECREF(types);
	return 0;
}

static int
add_constants(PyObject *m)
{
	static const struct {
		const char *name;
		int value;
	} codes[] = {
		{ "ENOMEM", UPL_ENOMEM },       { "EIO", UPL_EIO },
		{ "EPARSE", UPL_EPARSE },       { "EINVAL", UPL_EINVAL },
		{ "ENOTFOUND", UPL_ENOTFOUND }, { "ERANGE", UPL_ERANGE },
		{ "EENCODING", UPL_EENCODING },
	};
	size_t i;
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (PyModule_AddIntConstant(m, codes[i].name, codes[i].value) != 0)
			return -1;
	if (PyModule_AddStringConstant(m, "version", upl_version(NULL, NULL, NULL)) != 0 ||
	    PyModule_AddStringConstant(m, "NAMESPACE", UPL_NAMESPACE) != 0)
		return -1;
	{
		int major, minor, micro;
		PyObject *v;
		upl_version(&major, &minor, &micro);
		v = Py_BuildValue("(iii)", major, minor, micro);
		if (v == NULL || PyModule_AddObject(m, "version_info", v) != 0) {
			Py_XDECREF(v);
			return -1;
		}
	}
	return 0;
}

PyMODINIT_FUNC
PyInit__unionplan(void)
{
	PyObject *m;
	PyDateTime_IMPORT;
	if (PyDateTimeAPI == NULL)
		return NULL;
	if (upy_Error == NULL && fetch_types() != 0)
		return NULL;
	m = PyModule_Create(&module_def);
	if (m == NULL)
		return NULL;
	if (add_constants(m) != 0 || upy_tree_init(m) != 0 || upy_calendar_init(m) != 0) {
		Py_DECREF(m);
		return NULL;
	}
	return m;
}

/* Reports and the validate entry points. */
#include "config.h"

#include "io-private.h"
#include "messages-private.h"
#include "validate-private.h"
#include "xml-private.h"

/* ------------------------------------------------------------------------ */
/* Reports                                                                  */

const char *
upl_severity_name(upl_severity severity)
{
	switch (severity) {
	case UPL_SEVERITY_NOTE: return "note";
	case UPL_SEVERITY_WARNING: return "warning";
	case UPL_SEVERITY_ERROR: return "error";
	default: return NULL;
	}
}

int
upl_report_new(upl_report **out)
{
	upl_report *r;
	if (out == NULL)
		return UPL_EINVAL;
	r = upl__calloc(1, sizeof *r);
	if (r == NULL)
		return UPL_ENOMEM;
	*out = r;
	return 0;
}

void
upl_report_clear(upl_report *report)
{
	size_t i;
	if (report == NULL)
		return;
	for (i = 0; i < report->n; i++) {
		upl__dealloc(report->items[i].message);
		upl__dealloc(report->items[i].file);
	}
	report->n = 0;
	report->oom = 0;
}

void
upl_report_free(upl_report *report)
{
	if (report == NULL)
		return;
	upl_report_clear(report);
	upl__dealloc(report->items);
	upl__dealloc(report);
}

int
upl__report_add(upl_report *report, upl_severity severity, const char *code,
		const char *file, unsigned int line, unsigned int column,
		const char *fmt, ...)
{
	upl_diag *d;
	upl_buf b = UPL_BUF_INIT;
	va_list ap;
	if (upl__grow((void **)&report->items, &report->cap, report->n + 1,
		      sizeof *report->items) != 0)
		goto nomem;
	d = &report->items[report->n];
	memset(d, 0, sizeof *d);
	va_start(ap, fmt);
	upl__buf_vprintf(&b, fmt, ap);
	va_end(ap);
	d->message = upl__buf_detach(&b, NULL);
	if (d->message == NULL)
		goto nomem;
	if (file) {
		d->file = upl__strdup(file);
		if (d->file == NULL) {
			upl__dealloc(d->message);
			goto nomem;
		}
	}
	d->severity = severity;
	d->code = code;
	d->line = line;
	d->column = column;
	report->n++;
	return 0;
nomem:
	report->oom = 1;
	return UPL_ENOMEM;
}

int
upl__report_has_error_since(const upl_report *report, size_t from)
{
	size_t i;
	for (i = from; i < report->n; i++)
		if (report->items[i].severity == UPL_SEVERITY_ERROR)
			return 1;
	return 0;
}

size_t
upl_report_count(const upl_report *report)
{
	return report ? report->n : 0;
}

const upl_diag *
upl_report_get(const upl_report *report, size_t i)
{
	return (report && i < report->n) ? &report->items[i] : NULL;
}

size_t
upl_report_count_severity(const upl_report *report, upl_severity severity)
{
	size_t i, n = 0;
	if (report == NULL)
		return 0;
	for (i = 0; i < report->n; i++)
		if (report->items[i].severity == severity)
			n++;
	return n;
}

int
upl_report_fails_at(const upl_report *report, upl_severity threshold)
{
	size_t i;
	if (report == NULL)
		return 0;
	for (i = 0; i < report->n; i++)
		if (report->items[i].severity >= threshold)
			return 1;
	return 0;
}

int
upl_report_failed(const upl_report *report, int strict)
{
	return upl_report_fails_at(report, strict ? UPL_SEVERITY_WARNING : UPL_SEVERITY_ERROR);
}

upl_severity
upl_diag_severity(const upl_diag *diag)
{
	return diag ? diag->severity : UPL_SEVERITY_NOTE;
}

const char *
upl_diag_code(const upl_diag *diag)
{
	return diag ? diag->code : NULL;
}

const char *
upl_diag_message(const upl_diag *diag)
{
	return diag ? diag->message : NULL;
}

const char *
upl_diag_file(const upl_diag *diag)
{
	return diag ? diag->file : NULL;
}

unsigned int
upl_diag_line(const upl_diag *diag)
{
	return diag ? diag->line : 0;
}

unsigned int
upl_diag_column(const upl_diag *diag)
{
	return diag ? diag->column : 0;
}

/* ------------------------------------------------------------------------ */
/* Validation                                                               */

static int
check_buffer(upl_report *report, const char *data, size_t len, const char *name,
	     const upl_validate_options *opts, upl_error **err)
{
	size_t first = report->n;
	upl_doc *doc = NULL;
	int rc;
	int schema_only = opts && (opts->flags & UPL_VALIDATE_SCHEMA_ONLY);
	rc = upl__xml_read(schema_only ? NULL : &doc, report, data, len, name,
			   opts ? opts->max_bytes : 0, upl__msg_lang_zh(opts ? opts->lang : NULL));
	if (rc != 0)
		return upl__error_set(err, rc, name, 0, 0, "out of memory");
	if (doc && !upl__report_has_error_since(report, first))
		rc = upl__rules_run(report, doc, name, opts);
	upl_doc_free(doc);
	if (rc != 0)
		return upl__error_set(err, rc, name, 0, 0, "out of memory");
	return 0;
}

static int
bad_args(const upl_report *report, const upl_validate_options *opts)
{
	return report == NULL || (opts && opts->version < 1);
}

int
upl_validate_buffer(upl_report *report, const void *data, size_t len, const char *name,
		    const upl_validate_options *opts, upl_error **err)
{
	if (bad_args(report, opts) || (data == NULL && len > 0))
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid argument");
	return check_buffer(report, data ? data : "", len, name, opts, err);
}

int
upl_validate_file(upl_report *report, const char *path, const upl_validate_options *opts,
		  upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (bad_args(report, opts) || path == NULL)
		return upl__error_set(err, UPL_EINVAL, path, 0, 0, "invalid argument");
	rc = upl__load_file(&data, &len, path, opts ? opts->max_bytes : 0, err);
	if (rc != 0)
		return rc;
	rc = check_buffer(report, data, len, path, opts, err);
	upl__dealloc(data);
	return rc;
}

int
upl_validate_fd(upl_report *report, int fd, const char *name,
		const upl_validate_options *opts, upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (bad_args(report, opts))
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid argument");
	rc = upl__load_fd(&data, &len, fd, name, opts ? opts->max_bytes : 0, err);
	if (rc != 0)
		return rc;
	rc = check_buffer(report, data, len, name, opts, err);
	upl__dealloc(data);
	return rc;
}

int
upl_doc_validate(upl_report *report, const upl_doc *doc, const upl_validate_options *opts,
		 upl_error **err)
{
	upl_buf b = UPL_BUF_INIT;
	size_t first;
	int rc;
	if (bad_args(report, opts) || doc == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if (doc->nplans == 0)
		return upl__error_set(err, UPL_EINVAL, doc->name, 0, 0, "document holds no plan");
	/* The schema layer sees the canonical form of the model. */
	rc = upl__xml_write(&b, doc, NULL, err);
	if (rc != 0) {
		upl__buf_free(&b);
		return rc;
	}
	first = report->n;
	rc = upl__xml_read(NULL, report, b.data, b.len, "<memory>", SIZE_MAX,
			   upl__msg_lang_zh(opts ? opts->lang : NULL));
	upl__buf_free(&b);
	if (rc != 0)
		return upl__error_set(err, rc, NULL, 0, 0, "out of memory");
	/* The rules see the model itself, with its own source positions. */
	if (!upl__report_has_error_since(report, first) &&
	    !(opts && (opts->flags & UPL_VALIDATE_SCHEMA_ONLY))) {
		rc = upl__rules_run(report, doc, doc->name, opts);
		if (rc != 0)
			return upl__error_set(err, rc, NULL, 0, 0, "out of memory");
	}
	return 0;
}

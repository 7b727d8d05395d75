/* Reports and diagnostics: an ordered list of findings, each with the
 * code of its rule in the registry (messages.c), a message and a place. */
#include "config.h"

#include "report-private.h"

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

/* fmt and its arguments as valid UTF-8, or NULL. */
static char *
format_utf8(const char *fmt, va_list ap)
{
	upl_buf b = UPL_BUF_INIT, clean = UPL_BUF_INIT;
	upl__buf_vprintf(&b, fmt, ap);
	if (b.failed || b.data == NULL || upl__utf8_valid(b.data, b.len, NULL))
		return upl__buf_detach(&b, NULL);
	upl__buf_put_utf8(&clean, b.data, b.len);
	upl__buf_free(&b);
	return upl__buf_detach(&clean, NULL);
}

int
upl__report_vadd(upl_report *report, upl_severity severity, upl_rule_id id,
		 const char *file, unsigned int line, unsigned int column,
		 const char *fmt, va_list ap)
{
	upl_diag *d;
	if (upl__grow((void **)&report->items, &report->cap, report->n + 1,
		      sizeof *report->items) != 0)
		goto nomem;
	d = &report->items[report->n];
	memset(d, 0, sizeof *d);
	d->message = format_utf8(fmt, ap);
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
	d->rule = id;
	d->line = line;
	d->column = column;
	report->n++;
	return 0;
nomem:
	report->oom = 1;
	return UPL_ENOMEM;
}

int
upl__report_add(upl_report *report, upl_severity severity, upl_rule_id id,
		const char *file, unsigned int line, unsigned int column,
		const char *fmt, ...)
{
	va_list ap;
	int rc;
	va_start(ap, fmt);
	rc = upl__report_vadd(report, severity, id, file, line, column, fmt, ap);
	va_end(ap);
	return rc;
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
	return diag ? upl__rule_code(diag->rule) : NULL;
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


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
	for (i = 0; i < report->n; i++)
		upl__dealloc(report->items[i].message);
	for (i = 0; i < report->nfiles; i++)
		upl__dealloc(report->files[i]);
	/* The list goes too: a report on the stack (the parse functions')
	 * is cleared, then only its items are freed. */
	upl__dealloc(report->files);
	report->files = NULL;
	report->files_cap = 0;
	report->n = 0;
	report->nfiles = 0;
	report->oom = 0;
	memset(&report->lim, 0, sizeof report->lim);
}

void
upl__report_truncate(upl_report *report, size_t n)
{
	size_t i;
	for (i = n; i < report->n; i++)
		upl__dealloc(report->items[i].message);
	if (n < report->n)
		report->n = n;
	report->lim.left_out = 0;
	report->lim.errors = 0;
	report->lim.worst = UPL_SEVERITY_NOTE;
	report->lim.file = NULL;
	report->lim.line = report->lim.column = 0;
	report->lim.last_rule = 0;
	report->lim.last_line = report->lim.last_column = 0;
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

/* fmt and its arguments as valid UTF-8, or NULL. Most messages fit the
 * buffer on the stack: formatted once, then copied. */
static char *
format_utf8(const char *fmt, va_list ap)
{
	upl_buf b = UPL_BUF_INIT, clean = UPL_BUF_INIT;
	char small[256];
	va_list cp;
	int n;
	va_copy(cp, ap);
	n = vsnprintf(small, sizeof small, fmt, cp);
	va_end(cp);
	if (n >= 0 && (size_t)n < sizeof small)
		upl__buf_put(&b, small, (size_t)n);
	else
		upl__buf_vprintf(&b, fmt, ap);
	if (b.failed || b.data == NULL || upl__utf8_valid(b.data, b.len, NULL))
		return upl__buf_detach(&b, NULL);
	upl__buf_put_utf8(&clean, b.data, b.len);
	upl__buf_free(&b);
	return upl__buf_detach(&clean, NULL);
}

/* The report's copy of file name: the last one stored when it is the same
 * name, else a new one. NULL when memory is short. */
static char *
file_of(upl_report *report, const char *file)
{
	char *copy;
	if (report->nfiles && strcmp(report->files[report->nfiles - 1], file) == 0)
		return report->files[report->nfiles - 1];
	if (upl__grow((void **)&report->files, &report->files_cap, report->nfiles + 1,
		      sizeof *report->files) != 0)
		return NULL;
	copy = upl__strdup(file);
	if (copy)
		report->files[report->nfiles++] = copy;
	return copy;
}

/* Whether the cap leaves this diagnostic out; it is counted then. */
static int
left_out(upl_report *report, upl_severity severity, upl_rule_id id, const char *file,
	 unsigned int line, unsigned int column)
{
	if (report->lim.max == 0 || report->n - report->lim.from < report->lim.max)
		return 0;
	/* The schema layer keeps only the first of two findings of one code at
	 * one place (libxml2 often gives both the facet and the type), looking
	 * at the last diagnostic of the report: count such a repeat once. */
	if (report->lim.left_out && id == report->lim.last_rule && line == report->lim.last_line &&
	    column == report->lim.last_column && strcmp(upl__rule_group(id), "schema") == 0)
		return 1;
	if (report->lim.left_out++ == 0) {
		/* a copy: the caller's name may not outlive this call */
		report->lim.file = file ? file_of(report, file) : NULL;
		if (file && report->lim.file == NULL)
			report->oom = 1;
		report->lim.line = line;
		report->lim.column = column;
		report->lim.worst = severity;
	}
	if (severity > report->lim.worst)
		report->lim.worst = severity;
	if (severity == UPL_SEVERITY_ERROR)
		report->lim.errors++;
	report->lim.last_rule = id;
	report->lim.last_line = line;
	report->lim.last_column = column;
	return 1;
}

int
upl__report_vadd(upl_report *report, upl_severity severity, upl_rule_id id,
		 const char *file, unsigned int line, unsigned int column,
		 const char *fmt, va_list ap)
{
	upl_diag *d;
	if (left_out(report, severity, id, file, line, column))
		return 0;
	if (upl__grow((void **)&report->items, &report->cap, report->n + 1,
		      sizeof *report->items) != 0)
		goto nomem;
	d = &report->items[report->n];
	memset(d, 0, sizeof *d);
	if (file && (d->file = file_of(report, file)) == NULL)
		goto nomem;
	d->message = format_utf8(fmt, ap);
	if (d->message == NULL)
		goto nomem;
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

void
upl__report_cap_begin(upl_report *report, size_t max)
{
	memset(&report->lim, 0, sizeof report->lim);
	report->lim.max = max;
	report->lim.from = report->n;
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
int
upl__report_cap_end(upl_report *report, int zh)
{
	int rc = 0;
	if (report->lim.left_out) {
		size_t max = report->lim.max;
		report->lim.max = 0; /* this one is kept */
		rc = upl__report_add(report, report->lim.worst, UPL_CODE_TOO_MANY_DIAGNOSTICS,
				     report->lim.file, report->lim.line, report->lim.column,
				     upl__msg_format(UPL__MSG(UPL_CODE_TOO_MANY_DIAGNOSTICS, 0), zh),
				     report->lim.left_out, report->lim.errors, max);
	}
	memset(&report->lim, 0, sizeof report->lim);
	return rc;
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

int
upl__report_take(upl_report *dst, upl_report *src)
{
	size_t i;
	int rc = 0;
	for (i = 0; i < src->n && rc == 0; i++) {
		const upl_diag *d = &src->items[i];
		rc = upl__report_add(dst, d->severity, d->rule, d->file, d->line, d->column, "%s",
				     d->message);
	}
	if (rc == 0 && src->lim.left_out) {
		if (dst->lim.left_out == 0) {
			dst->lim.file = src->lim.file ? file_of(dst, src->lim.file) : NULL;
			if (src->lim.file && dst->lim.file == NULL)
				rc = UPL_ENOMEM;
			dst->lim.line = src->lim.line;
			dst->lim.column = src->lim.column;
			dst->lim.worst = src->lim.worst;
		} else if (src->lim.worst > dst->lim.worst) {
			dst->lim.worst = src->lim.worst;
		}
		dst->lim.left_out += src->lim.left_out;
		dst->lim.errors += src->lim.errors;
		dst->lim.last_rule = src->lim.last_rule;
		dst->lim.last_line = src->lim.last_line;
		dst->lim.last_column = src->lim.last_column;
	}
	if (rc != 0 || src->oom) {
		dst->oom = 1;
		rc = UPL_ENOMEM;
	}
	return rc;
}

int
upl__report_has_error_since(const upl_report *report, size_t from)
{
	size_t i;
	if (report->lim.errors)
		return 1; /* left out, after every diagnostic kept */
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


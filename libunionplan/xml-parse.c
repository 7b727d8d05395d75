/* The parse entry points of include/unionplan/xml.h: reading that stops at
 * the schema layer and keeps the model; the first error becomes the error. */
#include "config.h"

#include "io-private.h"
#include "messages-private.h"
#include "validate-private.h"
#include "xml-private.h"

static int
parse_data(upl_doc **out, const char *data, size_t len, const char *name,
	   const upl_parse_options *opts, upl_error **err)
{
	upl_report report;
	upl_doc *doc = NULL;
	size_t i;
	int rc;
	memset(&report, 0, sizeof report);
	rc = upl__xml_read(&doc, &report, data, len, name, opts ? opts->max_bytes : 0,
			   upl__msg_lang_zh(opts && opts->version >= 1 ? opts->lang : NULL));
	if (rc != 0) {
		upl__error_set(err, rc, name, 0, 0, "out of memory");
	} else {
		for (i = 0; i < report.n; i++) {
			const upl_diag *d = &report.items[i];
			if (d->severity != UPL_SEVERITY_ERROR)
				continue;
			rc = upl__error_set(err, UPL_EPARSE, d->file, d->line, d->column,
					    "%s [%s]", d->message, upl__rule_code(d->rule));
			break;
		}
		if (rc == 0 && doc == NULL)
			rc = upl__error_set(err, UPL_EPARSE, name, 0, 0, "not a plan document");
	}
	upl_report_clear(&report);
	upl__dealloc(report.items);
	if (rc != 0) {
		upl_doc_free(doc);
		return rc;
	}
	*out = doc;
	return 0;
}

static int
bad_parse_args(upl_doc **out, const upl_parse_options *opts)
{
	return out == NULL || (opts && (opts->version < 1 || opts->flags != 0));
}

int
upl_doc_parse_buffer(upl_doc **out, const void *data, size_t len, const char *name,
		     const upl_parse_options *opts, upl_error **err)
{
	if (bad_parse_args(out, opts) || (data == NULL && len > 0))
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid argument");
	return parse_data(out, data ? data : "", len, name, opts, err);
}

int
upl_doc_parse_file(upl_doc **out, const char *path, const upl_parse_options *opts,
		   upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (bad_parse_args(out, opts) || path == NULL)
		return upl__error_set(err, UPL_EINVAL, path, 0, 0, "invalid argument");
	rc = upl__load_file(&data, &len, path, opts ? opts->max_bytes : 0, err);
	if (rc != 0)
		return rc;
	rc = parse_data(out, data, len, path, opts, err);
	upl__dealloc(data);
	return rc;
}

int
upl_doc_parse_fd(upl_doc **out, int fd, const char *name, const upl_parse_options *opts,
		 upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (bad_parse_args(out, opts))
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid argument");
	rc = upl__load_fd(&data, &len, fd, name, opts ? opts->max_bytes : 0, err);
	if (rc != 0)
		return rc;
	rc = parse_data(out, data, len, name, opts, err);
	upl__dealloc(data);
	return rc;
}

int
upl_doc_parse_stream(upl_doc **out, FILE *stream, const char *name,
		     const upl_parse_options *opts, upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (bad_parse_args(out, opts))
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid argument");
	rc = upl__load_stream(&data, &len, stream, name, opts ? opts->max_bytes : 0, err);
	if (rc != 0)
		return rc;
	rc = parse_data(out, data, len, name, opts, err);
	upl__dealloc(data);
	return rc;
}

static int
single_plan(upl_plan **out, upl_doc *doc, upl_error **err)
{
	int rc;
	if (doc->nplans != 1) {
		rc = upl__error_set(err, UPL_EINVAL, doc->name, doc->pos.line, doc->pos.column,
				    "document holds %zu plans, not one", doc->nplans);
		upl_doc_free(doc);
		return rc;
	}
	rc = upl_doc_plan_remove(doc, 0, out);
	upl_doc_free(doc);
	return rc;
}

int
upl_plan_parse_file(upl_plan **out, const char *path, const upl_parse_options *opts,
		    upl_error **err)
{
	upl_doc *doc;
	int rc;
	if (out == NULL)
		return upl__error_set(err, UPL_EINVAL, path, 0, 0, "invalid argument");
	rc = upl_doc_parse_file(&doc, path, opts, err);
	if (rc != 0)
		return rc;
	return single_plan(out, doc, err);
}

int
upl_plan_parse_buffer(upl_plan **out, const void *data, size_t len, const char *name,
		      const upl_parse_options *opts, upl_error **err)
{
	upl_doc *doc;
	int rc;
	if (out == NULL)
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid argument");
	rc = upl_doc_parse_buffer(&doc, data, len, name, opts, err);
	if (rc != 0)
		return rc;
	return single_plan(out, doc, err);
}

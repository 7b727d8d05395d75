/* The validate entry points. */
#include "config.h"

#include "io-private.h"
#include "messages-private.h"
#include "report-private.h"
#include "validate-private.h"
#include "xml-private.h"

/* ------------------------------------------------------------------------ */
/* Validation                                                               */

/* The cap on the diagnostics of one call (0: none). Options older than
 * version 2 have no max_diagnostics field: they get the default. */
static size_t
max_diagnostics(const upl_validate_options *opts)
{
	if (opts == NULL || opts->version < 2 || opts->max_diagnostics == 0)
		return UPL_DEFAULT_MAX_DIAGNOSTICS;
	return opts->max_diagnostics == UPL_MAX_DIAGNOSTICS_NONE ? 0 : opts->max_diagnostics;
}

static int
check_buffer(upl_report *report, const char *data, size_t len, const char *name,
	     const upl_validate_options *opts, upl_error **err)
{
	size_t first = report->n;
	upl_doc *doc = NULL;
	int rc, zh = upl__msg_lang_zh(opts ? opts->lang : NULL);
	int schema_only = opts && (opts->flags & UPL_VALIDATE_SCHEMA_ONLY);
	upl__report_cap_begin(report, max_diagnostics(opts));
	rc = upl__xml_read(schema_only ? NULL : &doc, report, data, len, name,
			   opts ? opts->max_bytes : 0, zh);
	if (rc == 0 && doc && !upl__report_has_error_since(report, first))
		rc = upl__rules_run(report, doc, name, opts);
	upl_doc_free(doc);
	if (upl__report_cap_end(report, zh) != 0 && rc == 0)
		rc = UPL_ENOMEM;
	if (rc != 0)
		return upl__error_set(err, rc, name, 0, 0, "out of memory");
	return 0;
}

/* The flags the validate functions know; any other bit is refused, as the
 * parse functions refuse theirs. */
#define KNOWN_FLAGS UPL_VALIDATE_SCHEMA_ONLY

static int
bad_args(const upl_report *report, const upl_validate_options *opts)
{
	return report == NULL || (opts && (opts->version < 1 || (opts->flags & ~KNOWN_FLAGS) != 0));
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
	upl__report_cap_begin(report, max_diagnostics(opts));
	rc = upl__xml_read(NULL, report, b.data, b.len, "<memory>", SIZE_MAX,
			   upl__msg_lang_zh(opts ? opts->lang : NULL));
	upl__buf_free(&b);
	/* The rules see the model itself, with its own source positions. */
	if (rc == 0 && !upl__report_has_error_since(report, first) &&
	    !(opts && (opts->flags & UPL_VALIDATE_SCHEMA_ONLY)))
		rc = upl__rules_run(report, doc, doc->name, opts);
	if (upl__report_cap_end(report, upl__msg_lang_zh(opts ? opts->lang : NULL)) != 0 && rc == 0)
		rc = UPL_ENOMEM;
	if (rc != 0)
		return upl__error_set(err, rc, NULL, 0, 0, "out of memory");
	return 0;
}

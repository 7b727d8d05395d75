/* The validate entry points. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* The whole document in memory: the reader, then the rules on its model. */
static int
check_whole(upl_report *report, const char *data, size_t len, const char *name,
	    const upl_validate_options *opts)
{
	size_t first = report->n;
	upl_doc *doc = NULL;
	int rc, zh = upl__msg_lang_zh(opts ? opts->lang : NULL);
	int schema_only = opts && (opts->flags & UPL_VALIDATE_SCHEMA_ONLY);
	rc = upl__xml_read(schema_only ? NULL : &doc, report, data, len, name,
			   opts ? opts->max_bytes : 0, zh);
	if (rc == 0 && doc && !upl__report_has_error_since(report, first))
		rc = upl__rules_run(report, doc, name, opts);
	upl_doc_free(doc);
	return rc;
}

static int
check_buffer(upl_report *report, const char *data, size_t len, const char *name,
	     const upl_validate_options *opts, upl_error **err)
{
	int rc, zh = upl__msg_lang_zh(opts ? opts->lang : NULL);
	upl__report_cap_begin(report, max_diagnostics(opts));
	rc = check_whole(report, data, len, name, opts);
	if (upl__report_cap_end(report, zh) != 0 && rc == 0)
		rc = UPL_ENOMEM;
	if (rc != 0)
		return upl__error_set(err, rc, name, 0, 0, "out of memory");
	return 0;
}

/* The whole document, of which the first *len bytes were read into *data:
 * from its start again when fd can seek (a file), else the rest appended;
 * under the in-memory limit either way. */
static int
read_rest(char **data, size_t *len, int fd, const char *name, size_t max, upl_error **err)
{
	char *rest = NULL, *all;
	size_t n = 0;
	int rc;
	if (max == 0)
		max = UPL_DEFAULT_MAX_BYTES;
	if (lseek(fd, 0, SEEK_SET) == 0) {
		upl__dealloc(*data);
		*data = NULL;
		return upl__load_fd(data, len, fd, name, max, err);
	}
	if (*len > max)
		return upl__error_set(err, UPL_EIO, name, 0, 0, "file larger than the limit of %zu bytes",
				      max);
	rc = upl__load_fd(&rest, &n, fd, name, max - *len, err);
	if (rc != 0)
		return rc;
	all = upl__realloc(*data, *len + n + 1);
	if (all == NULL) {
		upl__dealloc(rest);
		return upl__error_set(err, UPL_ENOMEM, name, 0, 0, "out of memory");
	}
	memcpy(all + *len, rest, n);
	*len += n;
	all[*len] = '\0';
	*data = all;
	upl__dealloc(rest);
	return 0;
}

/* The streaming path, for a document on fd; one in another encoding than
 * UTF-8, or with a DOCTYPE, is read whole, under the in-memory limit, and
 * checked whole. */
static int
check_stream(upl_report *report, const upl__xml_source *src, const char *name,
	     const upl_validate_options *opts, upl_error **err)
{
	upl__rules_stream *rules = NULL;
	char *head = NULL;
	size_t len = 0;
	struct stat st;
	int rc = 0, fail = 0, zh = upl__msg_lang_zh(opts ? opts->lang : NULL);
	if (src->fd >= 0 && fstat(src->fd, &st) == 0 && S_ISDIR(st.st_mode)) /* as the loader says */
		return upl__error_set(err, UPL_EIO, name, 0, 0, "is a directory");
	upl__report_cap_begin(report, max_diagnostics(opts));
	if (!(opts->flags & UPL_VALIDATE_SCHEMA_ONLY))
		rc = upl__rules_stream_new(&rules, name, opts, report->lim.max);
	if (rc == 0)
		rc = upl__xml_read_stream(report, src, name, zh, opts->max_bytes, rules, &head, &len);
	if (rc == 1 && src->fd < 0) {
		rc = check_whole(report, src->data ? src->data : "", src->len, name, opts);
	} else if (rc == 1) {
		rc = read_rest(&head, &len, src->fd, name, opts->max_bytes, err);
		if (rc == 0)
			rc = check_whole(report, head, len, name, opts);
		else
			fail = 1;
	} else if (rc == UPL_EIO) {
		upl__error_set(err, rc, name, 0, 0, "cannot read: %s", strerror(errno));
		fail = 1;
	}
	upl__dealloc(head);
	if (upl__report_cap_end(report, zh) != 0 && rc == 0)
		rc = UPL_ENOMEM;
	if (rc != 0 && !fail)
		return upl__error_set(err, rc, name, 0, 0, "out of memory");
	return rc;
}

/* The flags the validate functions know; any other bit is refused, as the
 * parse functions refuse theirs. */
#define KNOWN_FLAGS (UPL_VALIDATE_SCHEMA_ONLY | UPL_VALIDATE_STREAM)

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
	if (opts && (opts->flags & UPL_VALIDATE_STREAM)) {
		upl__xml_source src = { -1, data, len };
		return check_stream(report, &src, name, opts, err);
	}
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
	if (opts && (opts->flags & UPL_VALIDATE_STREAM)) {
		upl__xml_source src = { -1, NULL, 0 };
		src.fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (src.fd < 0)
			return upl__error_set(err, UPL_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
		rc = check_stream(report, &src, path, opts, err);
		close(src.fd);
		return rc;
	}
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
	if (opts && (opts->flags & UPL_VALIDATE_STREAM)) {
		upl__xml_source src = { fd, NULL, 0 };
		if (fd < 0) /* as the loader says */
			return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid file descriptor");
		return check_stream(report, &src, name, opts, err);
	}
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

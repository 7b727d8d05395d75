/* Word and OpenDocument files for the importer: what the bytes are, the
 * refusals that need no unpacking (Word 97–2003 and WPS binaries,
 * encrypted OOXML packages), and the conversion to lines. */
#include "config.h"

#include <string.h>

#include "office-private.h"

#define ODT_MIME "application/vnd.oasis.opendocument.text"

/* Whether the UTF-16LE form of name occurs in data: the directory of an
 * OLE2 compound file holds its streams' names so. */
static int
has_utf16_name(const char *data, size_t n, const char *name)
{
	size_t k = strlen(name), i, j;
	if (n < 2 * k)
		return 0;
	for (i = 0; i + 2 * k <= n; i++) {
		for (j = 0; j < k; j++)
			if (data[i + 2 * j] != name[j] || data[i + 2 * j + 1] != '\0')
				break;
		if (j == k)
			return 1;
	}
	return 0;
}

static int
refuse_ole2(off_ctx *c, const char *data, size_t n)
{
	if (has_utf16_name(data, n, "EncryptionInfo") || has_utf16_name(data, n, "EncryptedPackage"))
		return upl__off_refuse(c,
			"the document is encrypted (password-protected): save it without a password and import that",
			"文档已加密（设有密码）：请取消密码后另存，再导入");
	return upl__off_refuse(c,
		"this is a Word 97-2003 (.doc) or WPS (.wps) binary document, which cannot be imported: "
		"save it as .docx (Word) or .odt and import that",
		"这是 Word 97-2003（.doc）或 WPS（.wps）二进制文档，无法导入：请另存为 .docx 或 .odt 再导入");
}

/* An OpenDocument text, after its mimetype and manifest are checked. */
static int
open_odt(off_ctx *c)
{
	char *data = NULL;
	size_t len = 0;
	int rc = upl__off_zip_read(c, "mimetype", &data, &len);
	if (rc == 0 && (len < strlen(ODT_MIME) || memcmp(data, ODT_MIME, strlen(ODT_MIME)) != 0))
		rc = upl__off_refuse(c, "an OpenDocument file, but not a text document (.odt)",
				     "这是 OpenDocument 文件，但不是文字文档（.odt）");
	upl__dealloc(data);
	if (rc != 0 && rc != UPL_ENOTFOUND)
		return rc;
	data = NULL;
	rc = upl__off_zip_read(c, "META-INF/manifest.xml", &data, &len);
	if (rc == 0 && strstr(data, "encryption-data") != NULL)
		rc = upl__off_refuse(c,
			"the document is encrypted (password-protected): save it without a password and import that",
			"文档已加密（设有密码）：请取消密码后另存，再导入");
	upl__dealloc(data);
	if (rc != 0 && rc != UPL_ENOTFOUND)
		return rc;
	return upl__off_odt(c);
}

static int
convert(off_ctx *c, const char *data, size_t n, const char **kind)
{
	int rc = upl__off_zip_open(c, data, n);
	if (rc != 0)
		return rc;
	if (upl__off_zip_has(c, "word/document.xml") || upl__off_zip_has(c, "[Content_Types].xml")) {
		*kind = "docx";
		return upl__off_docx(c);
	}
	if (upl__off_zip_has(c, "mimetype") || upl__off_zip_has(c, "content.xml")) {
		*kind = "odt";
		return open_odt(c);
	}
	return upl__off_refuse(c, "a ZIP archive that is neither a Word (.docx) nor an OpenDocument text (.odt) document",
			       "这是 ZIP 压缩包，但既不是 Word（.docx）也不是 OpenDocument 文字文档（.odt）");
}

int
upl__office_text(char **text, size_t *len, const char **kind, upl_report *report,
		 const char *data, size_t n, const char *file, const upl_import_options *opts,
		 int zh, upl_error **err)
{
	off_ctx c;
	int rc;
	memset(&c, 0, sizeof c);
	c.report = report;
	c.file = file;
	c.zh = zh;
	c.line = 1;
	c.err = err;
	c.max_unpacked = UPL_IMPORT_DEFAULT_MAX_UNPACKED;
	c.max_ratio = UPL_IMPORT_DEFAULT_MAX_RATIO;
	if (opts && opts->version >= 2) {
		if (opts->max_unpacked)
			c.max_unpacked = opts->max_unpacked;
		if (opts->max_ratio)
			c.max_ratio = opts->max_ratio;
	}
	*kind = "docx";
	if (upl__office_sniff(data, n) == UPL__OFFICE_OLE2)
		return refuse_ole2(&c, data, n);
	rc = convert(&c, data, n, kind);
	upl__off_zip_close(&c);
	if (rc == 0 && c.oom)
		rc = upl__error_set(err, UPL_ENOMEM, file, 0, 0, "%s", upl_strerror(UPL_ENOMEM));
	if (rc == 0 && c.out.len == 0)
		rc = upl__error_set(err, UPL_EPARSE, file, 0, 0, "%s",
				    zh ? "文档中没有可导入的文字" : "the document holds no text to import");
	return upl__buf_finish(&c.out, rc, text, len, err);
}

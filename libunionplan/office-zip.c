/* The ZIP container of .docx and .odt files, read with libzip from the
 * bytes in memory. Before anything is unpacked every member's declared
 * sizes are checked against the limits of the import options (the total
 * unpacked size, the compression ratio of a large member), and while
 * reading the real sizes are held to the same budget, so a ZIP bomb is
 * refused however its headers lie. Encrypted members are refused. */
#include "config.h"

#include <string.h>

#include "office-private.h"

/* A member unpacking to less than this is not held to the ratio limit:
 * small XML parts compress very well and cannot hurt. */
#define RATIO_FLOOR ((zip_uint64_t)1024 * 1024)
/* More members than any document has. */
#define MAX_MEMBERS 20000

int
upl__office_sniff(const char *data, size_t len)
{
	static const unsigned char ole2[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
	if (len >= 4 && memcmp(data, "PK\003\004", 4) == 0)
		return UPL__OFFICE_ZIP;
	if (len >= 8 && memcmp(data, ole2, 8) == 0)
		return UPL__OFFICE_OLE2;
	return UPL__OFFICE_NONE;
}

/* Every member's declared size and encryption against the limits. */
static int
check_members(off_ctx *c)
{
	zip_int64_t n = zip_get_num_entries(c->zip, 0), i;
	zip_uint64_t total = 0;
	if (n < 0 || n > MAX_MEMBERS)
		return upl__off_refuse(c, "the ZIP archive has too many members for a document",
				       "ZIP 压缩包的成员过多，不像是文档");
	for (i = 0; i < n; i++) {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_stat_index(c->zip, (zip_uint64_t)i, 0, &st) != 0)
			return upl__off_refuse(c, "the ZIP archive is corrupt (a member cannot be read)",
					       "ZIP 压缩包已损坏（有成员无法读取）");
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
			return upl__off_refuse(c,
				"the document is encrypted (password-protected): save it without a password and import that",
				"文档已加密（设有密码）：请取消密码后另存，再导入");
		if (!(st.valid & ZIP_STAT_SIZE))
			continue;
		total += st.size;
		if (total > c->max_unpacked)
			return upl__off_refuse(c,
				"the ZIP archive unpacks to more than the limit (a ZIP bomb?): refused",
				"ZIP 压缩包解压后超过大小上限（疑为 ZIP 炸弹），拒绝导入");
		if (st.size > RATIO_FLOOR && (st.valid & ZIP_STAT_COMP_SIZE) &&
		    st.size / (st.comp_size ? st.comp_size : 1) > c->max_ratio)
			return upl__off_refuse(c,
				"a member of the ZIP archive is compressed beyond the ratio limit (a ZIP bomb?): refused",
				"ZIP 压缩包中有成员的压缩比超过上限（疑为 ZIP 炸弹），拒绝导入");
	}
	return 0;
}

int
upl__off_zip_open(off_ctx *c, const char *data, size_t n)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, n, 0, &ze);
	if (src == NULL) {
		zip_error_fini(&ze);
		return upl__error_set(c->err, UPL_ENOMEM, c->file, 0, 0, "%s", upl_strerror(UPL_ENOMEM));
	}
	c->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (c->zip == NULL) {
		int code = zip_error_code_zip(&ze);
		zip_source_free(src);
		zip_error_fini(&ze);
		if (code == ZIP_ER_MEMORY)
			return upl__error_set(c->err, UPL_ENOMEM, c->file, 0, 0, "%s",
					      upl_strerror(UPL_ENOMEM));
		return upl__off_refuse(c, "the file starts like a ZIP archive (.docx, .odt) but is corrupt",
				       "文件开头像 ZIP 压缩包（.docx、.odt），但已损坏");
	}
	zip_error_fini(&ze);
	return check_members(c);
}

void
upl__off_zip_close(off_ctx *c)
{
	if (c->zip)
		zip_discard(c->zip);
	c->zip = NULL;
}

int
upl__off_zip_has(off_ctx *c, const char *name)
{
	return c->zip && zip_name_locate(c->zip, name, 0) >= 0;
}

/* Read the open member f of declared size want into a new buffer, holding
 * the bytes read to the unpacked budget. */
static int
read_member(off_ctx *c, zip_file_t *f, zip_uint64_t want, char **data, size_t *len)
{
	size_t budget = c->max_unpacked - c->unpacked, cap, got = 0;
	char *buf;
	if (want > budget)
		return upl__off_refuse(c, "the ZIP archive unpacks to more than the limit (a ZIP bomb?): refused",
				       "ZIP 压缩包解压后超过大小上限（疑为 ZIP 炸弹），拒绝导入");
	cap = (size_t)want + 1;
	buf = upl__malloc(cap + 1);
	if (buf == NULL)
		return upl__error_set(c->err, UPL_ENOMEM, c->file, 0, 0, "%s", upl_strerror(UPL_ENOMEM));
	for (;;) {
		zip_int64_t r = zip_fread(f, buf + got, cap - got);
		if (r < 0) {
			upl__dealloc(buf);
			return upl__off_refuse(c, "the ZIP archive is corrupt (a member does not unpack)",
					       "ZIP 压缩包已损坏（有成员无法解压）");
		}
		if (r == 0)
			break;
		got += (size_t)r;
		if (got > want) {
			upl__dealloc(buf);
			return upl__off_refuse(c, "the ZIP archive is corrupt (a member is longer than it says)",
					       "ZIP 压缩包已损坏（有成员比声明的长）");
		}
	}
	buf[got] = '\0';
	c->unpacked += got;
	*data = buf;
	*len = got;
	return 0;
}

int
upl__off_zip_read(off_ctx *c, const char *name, char **data, size_t *len)
{
	zip_int64_t i = zip_name_locate(c->zip, name, 0);
	zip_stat_t st;
	zip_file_t *f;
	int rc;
	if (i < 0)
		return UPL_ENOTFOUND;
	zip_stat_init(&st);
	if (zip_stat_index(c->zip, (zip_uint64_t)i, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
		return upl__off_refuse(c, "the ZIP archive is corrupt (a member cannot be read)",
				       "ZIP 压缩包已损坏（有成员无法读取）");
	f = zip_fopen_index(c->zip, (zip_uint64_t)i, 0);
	if (f == NULL)
		return upl__off_refuse(c, "the ZIP archive is corrupt (a member does not unpack)",
				       "ZIP 压缩包已损坏（有成员无法解压）");
	rc = read_member(c, f, st.size, data, len);
	zip_fclose(f);
	return rc;
}

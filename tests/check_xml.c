/* Unit tests for reading and writing (include/unionplan/xml.h) and the
 * validate entry points: every input path, errors with positions in code
 * points, limits, atomic writes, and concurrent use from several threads. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unionplan.h>

#include "testutil.h"

static const char *
srcdir(void)
{
	const char *s = getenv("top_srcdir");
	return s ? s : ".";
}

static char *
data_path(const char *rel)
{
	size_t n = strlen(srcdir()) + strlen(rel) + 2;
	char *p = malloc(n);
	ck_assert_ptr_nonnull(p);
	snprintf(p, n, "%s/%s", srcdir(), rel);
	return p;
}

static const char minimal[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">\n"
	"  <meta><title>工会工作计划</title></meta>\n"
	"</plan>\n";

START_TEST(test_parse_buffer_and_name)
{
	upl_doc *doc = NULL;
	ck_assert_int_eq(upl_doc_parse_buffer(&doc, minimal, strlen(minimal), "mem.xml", NULL, NULL), 0);
	ck_assert_str_eq(upl_doc_name(doc), "mem.xml");
	ck_assert_uint_eq(upl_doc_plan_count(doc), 1);
	ck_assert_int_eq(upl_doc_is_collection(doc), 0);
	ck_assert_str_eq(upl_plan_title(upl_doc_plan(doc, 0)), "工会工作计划");
	ck_assert_uint_eq(upl_plan_line(upl_doc_plan(doc, 0)), 2);
	ck_assert_uint_eq(upl_plan_column(upl_doc_plan(doc, 0)), 1);
	upl_doc_free(doc);
	doc = NULL;
	/* NUL-free buffer not terminated: only len bytes are read */
	{
		char *copy = malloc(sizeof minimal + 10);
		memcpy(copy, minimal, strlen(minimal));
		memset(copy + strlen(minimal), '<', 10);
		ck_assert_int_eq(upl_doc_parse_buffer(&doc, copy, strlen(minimal), NULL, NULL, NULL), 0);
		ck_assert_ptr_null(upl_doc_name(doc));
		upl_doc_free(doc);
		free(copy);
	}
}
END_TEST

START_TEST(test_parse_fd_and_stream)
{
	char *path = data_path("doc/examples/seed-000.xml");
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	int fd = open(path, O_RDONLY);
	FILE *fp;
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(upl_doc_parse_fd(&doc, fd, "seed via fd", NULL, &err), 0);
	ck_assert_str_eq(upl_plan_title(upl_doc_plan(doc, 0)), "2012学年第一学期工会工作计划");
	/* the descriptor is not closed */
	ck_assert_int_ne(fcntl(fd, F_GETFD), -1);
	close(fd);
	upl_doc_free(doc);
	fp = fopen(path, "rb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(upl_doc_parse_stream(&doc, fp, "seed via stream", NULL, &err), 0);
	ck_assert_uint_eq(upl_plan_author_count(upl_doc_plan(doc, 0)), 1);
	fclose(fp);
	upl_doc_free(doc);
	ck_assert_int_eq(upl_doc_parse_fd(&doc, -1, "bad", NULL, &err), UPL_EINVAL);
	upl_error_free(err);
	free(path);
}
END_TEST

START_TEST(test_io_errors)
{
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	upl_report *r = NULL;
	char *dir = data_path("tests/data");
	ck_assert_int_eq(upl_doc_parse_file(&doc, "/nonexistent/plan.xml", NULL, &err), UPL_EIO);
	ck_assert_ptr_null(doc);
	ck_assert_int_eq(upl_error_code(err), UPL_EIO);
	ck_assert_str_eq(upl_error_file(err), "/nonexistent/plan.xml");
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "No such file"));
	ck_assert_uint_eq(upl_error_line(err), 0);
	ck_assert_int_eq(upl_doc_parse_file(&doc, dir, NULL, &err), UPL_EIO);
	ck_assert_str_eq(upl_error_message(err), "is a directory");
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_file(r, dir, NULL, &err), UPL_EIO);
	ck_assert_uint_eq(upl_report_count(r), 0);
	ck_assert_int_eq(upl_validate_file(r, "/nonexistent/plan.xml", NULL, NULL), UPL_EIO);
	ck_assert_int_eq(upl_doc_parse_file(NULL, dir, NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_doc_parse_file(&doc, NULL, NULL, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_validate_file(NULL, dir, NULL, NULL), UPL_EINVAL);
	{
		upl_parse_options o = UPL_PARSE_OPTIONS_INIT;
		o.flags = 1;
		ck_assert_int_eq(upl_doc_parse_buffer(&doc, minimal, strlen(minimal), NULL, &o, NULL), UPL_EINVAL);
	}
	upl_report_free(r);
	upl_error_free(err);
	free(dir);
}
END_TEST

START_TEST(test_size_limit)
{
	upl_parse_options o = UPL_PARSE_OPTIONS_INIT;
	upl_validate_options v = UPL_VALIDATE_OPTIONS_INIT;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	upl_report *r = NULL;
	char *path = data_path("doc/examples/seed-000.xml");
	o.max_bytes = 100;
	ck_assert_int_eq(upl_doc_parse_buffer(&doc, minimal, strlen(minimal), "m", &o, &err), UPL_EPARSE);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "[xml-too-large]"));
	ck_assert_int_eq(upl_doc_parse_file(&doc, path, &o, &err), UPL_EIO);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "limit of 100 bytes"));
	o.max_bytes = strlen(minimal);
	ck_assert_int_eq(upl_doc_parse_buffer(&doc, minimal, strlen(minimal), "m", &o, NULL), 0);
	upl_doc_free(doc);
	v.max_bytes = 10;
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_buffer(r, minimal, strlen(minimal), "m", &v, NULL), 0);
	ck_assert_uint_eq(upl_report_count(r), 1);
	ck_assert_str_eq(upl_diag_code(upl_report_get(r, 0)), "xml-too-large");
	upl_report_free(r);
	upl_error_free(err);
	free(path);
}
END_TEST

/* Columns count code points: the same error after ASCII, after Chinese
 * (3 bytes each in UTF-8), after a supplementary-plane character (4 bytes)
 * and in a UTF-16 file lands on the same column. */
START_TEST(test_columns_are_code_points)
{
	static const char *prefixes[] = { "abcd", "工会计划", "a\xF0\xA0\x80\x80" "bc" };
	size_t i;
	for (i = 0; i < 3; i++) {
		char buf[256];
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		snprintf(buf, sizeof buf,
			 "<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">\n"
			 "<meta><title>%s</title><bogus/></meta></plan>\n", prefixes[i]);
		ck_assert_int_eq(upl_doc_parse_buffer(&doc, buf, strlen(buf), "c.xml", NULL, &err), UPL_EPARSE);
		ck_assert_uint_eq(upl_error_line(err), 2);
		ck_assert_uint_eq(upl_error_column(err), 26); /* the '<' of <bogus/> */
		ck_assert_ptr_nonnull(strstr(upl_error_message(err), "bogus"));
		upl_error_free(err);
	}
}
END_TEST

START_TEST(test_positions_in_other_encodings)
{
	/* UTF-16LE with BOM and GB18030: diagnostics use the same code-point
	 * columns as the UTF-8 text would */
	static const unsigned char utf16[] = {
		0xFF, 0xFE,
		'<', 0, 'p', 0, 'l', 0, 'a', 0, 'n', 0, ' ', 0, 'x', 0, 'm', 0, 'l', 0, 'n', 0, 's', 0,
		'=', 0, '"', 0, 'u', 0, 'r', 0, 'n', 0, ':', 0, 'u', 0, 'n', 0, 'i', 0, 'o', 0, 'n', 0,
		'p', 0, 'l', 0, 'a', 0, 'n', 0, ':', 0, '1', 0, '"', 0, ' ', 0, 'v', 0, 'e', 0, 'r', 0,
		's', 0, 'i', 0, 'o', 0, 'n', 0, '=', 0, '"', 0, '1', 0, '"', 0, '>', 0, '\n', 0,
		'<', 0, 'm', 0, 'e', 0, 't', 0, 'a', 0, '>', 0, 0xE5, 0x5D, 0x1A, 0x4F, /* 工会 */
		'<', 0, 'x', 0, '/', 0, '>', 0, '<', 0, '/', 0, 'm', 0, 'e', 0, 't', 0, 'a', 0, '>', 0,
		'<', 0, '/', 0, 'p', 0, 'l', 0, 'a', 0, 'n', 0, '>', 0
	};
	upl_report *r = NULL;
	const upl_diag *d;
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_buffer(r, utf16, sizeof utf16, "u16.xml", NULL, NULL), 0);
	/* text in meta (at meta, 2:1), then the unexpected <x/> after 工会 (2:9) */
	ck_assert_uint_eq(upl_report_count(r), 2);
	d = upl_report_get(r, 0);
	ck_assert_str_eq(upl_diag_code(d), "schema-element");
	ck_assert_uint_eq(upl_diag_line(d), 2);
	ck_assert_uint_eq(upl_diag_column(d), 1);
	d = upl_report_get(r, 1);
	ck_assert_str_eq(upl_diag_code(d), "schema-element");
	ck_assert_uint_eq(upl_diag_line(d), 2);
	ck_assert_uint_eq(upl_diag_column(d), 9);
	upl_report_free(r);
}
END_TEST

/* Byte offsets in xml-encoding messages are offsets in the file as given,
 * byte-order mark included, whatever the encoding. */
START_TEST(test_encoding_offsets_count_the_bom)
{
	static const struct {
		const char *bytes;
		size_t len;
		const char *message;
		unsigned int line, column;
	} cases[] = {
#define C(s) s, sizeof s - 1
		/* UTF-16LE: BOM, "<a>" CR LF, a lone trail surrogate */
		{ C("\xFF\xFE<\0a\0>\0\r\0\n\0\x00\xDC"),
		  "byte sequence at offset 12 (0x00) is not valid UTF-16LE", 2, 1 },
		/* UTF-16LE: a lone CR ends a line, as in XML and in UTF-8 files */
		{ C("\xFF\xFE<\0a\0>\0\r\0\x00\xDC"),
		  "byte sequence at offset 10 (0x00) is not valid UTF-16LE", 2, 1 },
		/* UTF-16BE: BOM, "<a>" LF, a lone trail surrogate */
		{ C("\xFE\xFF\0<\0a\0>\0\n\xDC\x00"),
		  "byte sequence at offset 10 (0xDC) is not valid UTF-16BE", 2, 1 },
		/* UTF-32LE: BOM, "<", a code point above U+10FFFF */
		{ C("\xFF\xFE\0\0<\0\0\0\x00\x00\x11\x00"),
		  "byte sequence at offset 8 (0x00) is not valid UTF-32LE", 1, 2 },
		/* UTF-16LE without a BOM */
		{ C("<\0?\0x\0m\0l\0\x00\xDC"),
		  "byte sequence at offset 10 (0x00) is not valid UTF-16LE", 1, 6 },
		/* UTF-8: BOM, "<a>", a byte that never starts a sequence */
		{ C("\xEF\xBB\xBF<a>\xFF"), "byte 0xFF at offset 6 is not valid UTF-8", 1, 4 },
#undef C
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		upl_doc *doc = NULL;
		upl_error *err = NULL;
		ck_assert_int_eq(upl_doc_parse_buffer(&doc, cases[i].bytes, cases[i].len, "e.xml",
						      NULL, &err), UPL_EPARSE);
		ck_assert_msg(strstr(upl_error_message(err), cases[i].message) != NULL,
			      "case %zu: %s", i, upl_error_message(err));
		ck_assert_ptr_nonnull(strstr(upl_error_message(err), "[xml-encoding]"));
		ck_assert_uint_eq(upl_error_line(err), cases[i].line);
		ck_assert_uint_eq(upl_error_column(err), cases[i].column);
		upl_error_free(err);
	}
}
END_TEST

START_TEST(test_xxe_never_read)
{
	/* the referenced file exists; nothing of it may surface */
	char *path = data_path("tests/data/invalid/xxe-external-entity/input.xml");
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	upl_report *r = NULL;
	size_t i;
	ck_assert_int_eq(upl_doc_parse_file(&doc, path, NULL, &err), UPL_EPARSE);
	ck_assert_ptr_null(strstr(upl_error_message(err), "UPL-SECRET"));
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "[xml-entity]"));
	ck_assert_int_eq(upl_report_new(&r), 0);
	ck_assert_int_eq(upl_validate_file(r, path, NULL, NULL), 0);
	for (i = 0; i < upl_report_count(r); i++)
		ck_assert_ptr_null(strstr(upl_diag_message(upl_report_get(r, i)), "UPL-SECRET"));
	upl_report_free(r);
	upl_error_free(err);
	free(path);
}
END_TEST

/* The model is built from the parser's events: text is an element's own
 * (comments and CDATA included as a tree would give it), an item's text
 * pieces are trimmed and joined only when it has element children, and
 * attribute values come back decoded. */
START_TEST(test_text_from_events)
{
	static const char xml[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">\n"
		"  <meta><title>工会<!-- c -->计划<![CDATA[<一>&]]></title></meta>\n"
		"  <section label=\"一、\" number=\"1\" level=\"1\"><heading>总则</heading>\n"
		"    <item label=\"A&amp;B&#38;&lt;\" number=\"1\"> 前 <!-- c --> 后 "
		"<heading>标题</heading>\n 尾 </item>\n"
		"    <item label=\"2、\" number=\"2\"> 甲<!-- c -->乙 </item>\n"
		"    <item label=\"3、\" number=\"3\"><heading>只有标题</heading> </item>\n"
		"  </section>\n"
		"  <p>段<?pi x?>落</p>\n"
		"</plan>\n";
	upl_doc *doc = NULL;
	const upl_plan *plan;
	const upl_node *sec, *it;
	ck_assert_int_eq(upl_doc_parse_buffer(&doc, xml, strlen(xml), "t.xml", NULL, NULL), 0);
	plan = upl_doc_plan(doc, 0);
	ck_assert_str_eq(upl_plan_title(plan), "工会计划<一>&");
	sec = upl_plan_block(plan, 0);
	ck_assert_str_eq(upl_node_heading(sec), "总则");
	it = upl_node_child(sec, 0);
	ck_assert_str_eq(upl_node_label(it), "A&B&<");
	ck_assert_str_eq(upl_node_text(it), "前后尾");
	ck_assert_str_eq(upl_node_heading(it), "标题");
	ck_assert_uint_eq(upl_node_line(it), 5);
	ck_assert_str_eq(upl_node_text(upl_node_child(sec, 1)), " 甲乙 ");
	ck_assert_ptr_null(upl_node_text(upl_node_child(sec, 2)));
	ck_assert_str_eq(upl_node_text(upl_plan_block(plan, 1)), "段落");
	upl_doc_free(doc);
}
END_TEST

/* The first diagnostic of a document made of head, a start tag <p> with
 * nattr attributes (after `before`), and tail; its code, line and column. */
static void
first_diag_of_attrs(int nattr, const char *before, char *code, size_t cap, unsigned int *line,
		    unsigned int *col)
{
	size_t n = 4096 + (size_t)nattr * 16, len;
	char *xml = malloc(n);
	upl_report *rep;
	int i;
	ck_assert_ptr_nonnull(xml);
	len = (size_t)snprintf(xml, n, "<?xml version=\"1.0\"?>\n<plan xmlns=\"urn:unionplan:1\" "
			       "version=\"1\" xml:lang=\"zh-Hans\"><meta/>\n%s\n  <p", before);
	for (i = 0; i < nattr; i++)
		len += (size_t)snprintf(xml + len, n - len, " a%d='x'", i);
	len += (size_t)snprintf(xml + len, n - len, ">正文</p>\n</plan>\n");
	ck_assert_int_eq(upl_report_new(&rep), 0);
	ck_assert_int_eq(upl_validate_buffer(rep, xml, len, "a.xml", NULL, NULL), 0);
	ck_assert_uint_gt(upl_report_count(rep), 0);
	snprintf(code, cap, "%s", upl_diag_code(upl_report_get(rep, 0)));
	*line = upl_diag_line(upl_report_get(rep, 0));
	*col = upl_diag_column(upl_report_get(rep, 0));
	upl_report_free(rep);
	free(xml);
}

/* A start tag with more than 64 attributes is refused before libxml2 reads
 * the document (its duplicate check is quadratic), at the tag; markup that
 * only looks like attributes (comments, CDATA, processing instructions)
 * does not count. */
START_TEST(test_attribute_limit)
{
	char code[64], lookalike[2048];
	unsigned int line, col;
	size_t k;
	first_diag_of_attrs(64, "", code, sizeof code, &line, &col);
	ck_assert_str_eq(code, "schema-attribute");
	first_diag_of_attrs(65, "", code, sizeof code, &line, &col);
	ck_assert_str_eq(code, "xml-attributes");
	ck_assert_uint_eq(line, 4);
	ck_assert_uint_eq(col, 3);
	first_diag_of_attrs(100000, "", code, sizeof code, &line, &col);
	ck_assert_str_eq(code, "xml-attributes");
	strcpy(lookalike, "<!--");
	for (k = 0; k < 70; k++)
		strcat(lookalike, " b='y'");
	strcat(lookalike, " --><?pi");
	for (k = 0; k < 70; k++)
		strcat(lookalike, " c='z'");
	strcat(lookalike, "?>");
	first_diag_of_attrs(1, lookalike, code, sizeof code, &line, &col);
	ck_assert_str_eq(code, "schema-attribute");
	ck_assert_uint_eq(line, 4);
}
END_TEST

START_TEST(test_single_plan_helpers)
{
	char *coll = data_path("tests/data/valid/collection.xml");
	char *one = data_path("doc/examples/seed-002.xml");
	upl_plan *p = NULL;
	upl_error *err = NULL;
	ck_assert_int_eq(upl_plan_parse_file(&p, coll, NULL, &err), UPL_EINVAL);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "holds 2 plans"));
	ck_assert_int_eq(upl_plan_parse_file(&p, one, NULL, NULL), 0);
	ck_assert_ptr_null(upl_plan_doc(p));
	ck_assert_str_eq(upl_plan_organization(p), "常州市新北区教育工会");
	upl_plan_free(p);
	upl_error_free(err);
	free(coll);
	free(one);
}
END_TEST

START_TEST(test_write_file_atomic)
{
	char dir[] = "/tmp/upl-test-XXXXXX";
	char path[256], sub[256];
	upl_doc *doc = NULL, *back = NULL;
	upl_error *err = NULL;
	struct stat st;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/out.xml", dir);
	ck_assert_int_eq(upl_doc_parse_buffer(&doc, minimal, strlen(minimal), NULL, NULL, NULL), 0);
	/* replaces an existing file and keeps its permissions */
	{
		FILE *fp = fopen(path, "w");
		fputs("old", fp);
		fclose(fp);
		ck_assert_int_eq(chmod(path, 0600), 0);
	}
	ck_assert_int_eq(upl_doc_write_file(doc, path, NULL, &err), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(upl_doc_parse_file(&back, path, NULL, NULL), 0);
	ck_assert_str_eq(upl_plan_title(upl_doc_plan(back, 0)), "工会工作计划");
	upl_doc_free(back);
	/* a write that fails leaves the old file */
	{
		upl_node *bad = NULL;
		ck_assert_int_eq(upl_node_new(&bad, UPL_NODE_PARAGRAPH), 0);
		ck_assert_int_eq(upl_node_set_text(bad, "\x01"), 0);
		ck_assert_int_eq(upl_plan_block_add(upl_doc_plan(doc, 0), bad), 0);
		ck_assert_int_eq(upl_doc_write_file(doc, path, NULL, &err), UPL_EINVAL);
		ck_assert_int_eq(upl_doc_parse_file(&back, path, NULL, NULL), 0);
		ck_assert_uint_eq(upl_plan_block_count(upl_doc_plan(back, 0)), 0);
		upl_doc_free(back);
		ck_assert_int_eq(upl_plan_block_remove(upl_doc_plan(doc, 0), 0, NULL), 0);
	}
	/* a directory in the way, a missing directory */
	ck_assert_int_eq(upl_doc_write_file(doc, dir, NULL, &err), UPL_EIO);
	snprintf(sub, sizeof sub, "%s/missing/out.xml", dir);
	ck_assert_int_eq(upl_doc_write_file(doc, sub, NULL, &err), UPL_EIO);
	ck_assert_int_ne(stat(sub, &st), 0);
	upl_error_free(err);
	upl_doc_free(doc);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0); /* no temporary file left behind */
}
END_TEST

/* What the writer writes, the reader reads: the XML of a document larger
 * than max_bytes is refused with UPL_ERANGE (the limit inclusive), and
 * the file it would replace stays as it was. */
START_TEST(test_write_size_limit)
{
	char dir[] = "/tmp/upl-test-XXXXXX";
	char path[256];
	upl_doc *doc = NULL, *back = NULL;
	upl_error *err = NULL;
	upl_write_options wo = UPL_WRITE_OPTIONS_INIT;
	upl_parse_options po = UPL_PARSE_OPTIONS_INIT;
	char *xml = NULL;
	size_t len = 0, n = 0;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(upl_doc_parse_buffer(&doc, minimal, strlen(minimal), NULL, NULL, NULL), 0);
	ck_assert_int_eq(upl_doc_write_buffer(&xml, &len, doc, NULL, NULL), 0);
	upl_free(xml);
	/* exactly the size: written, and read back with the same limit */
	wo.max_bytes = len;
	ck_assert_int_eq(upl_doc_write_buffer(&xml, &n, doc, &wo, &err), 0);
	ck_assert_uint_eq(n, len);
	po.max_bytes = len;
	ck_assert_int_eq(upl_doc_parse_buffer(&back, xml, n, NULL, &po, NULL), 0);
	upl_doc_free(back);
	/* one byte less: the reader refuses it, and so does the writer */
	po.max_bytes = len - 1;
	ck_assert_int_eq(upl_doc_parse_buffer(&back, xml, n, NULL, &po, NULL), UPL_EPARSE);
	upl_free(xml);
	xml = NULL;
	wo.max_bytes = len - 1;
	ck_assert_int_eq(upl_doc_write_buffer(&xml, &n, doc, &wo, &err), UPL_ERANGE);
	ck_assert_ptr_null(xml);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err), "more than the limit of"));
	upl_error_free(err);
	err = NULL;
	/* to a file: nothing replaced, nothing left */
	snprintf(path, sizeof path, "%s/out.xml", dir);
	{
		FILE *fp = fopen(path, "w");
		fputs("old", fp);
		fclose(fp);
	}
	ck_assert_int_eq(upl_doc_write_file(doc, path, &wo, &err), UPL_ERANGE);
	upl_error_free(err);
	{
		FILE *fp = fopen(path, "r");
		char buf[8] = { 0 };
		ck_assert_uint_eq(fread(buf, 1, sizeof buf - 1, fp), 3);
		fclose(fp);
		ck_assert_str_eq(buf, "old");
	}
	/* options of version 1 (no max_bytes) get the default */
	wo.version = 1;
	ck_assert_int_eq(upl_doc_write_buffer(&xml, &n, doc, &wo, NULL), 0);
	upl_free(xml);
	upl_doc_free(doc);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0); /* no temporary file left */
}
END_TEST

START_TEST(test_embedded_schema_is_the_file)
{
	char *path = data_path("libunionplan/schema/unionplan-1.xsd");
	FILE *fp = fopen(path, "rb");
	size_t len = 0, n;
	const char *xsd = upl_schema_xsd(&len);
	char *buf;
	ck_assert_ptr_nonnull(fp);
	buf = malloc(len + 1);
	n = fread(buf, 1, len + 1, fp);
	fclose(fp);
	ck_assert_uint_eq(n, len);
	ck_assert_int_eq(memcmp(buf, xsd, len), 0);
	ck_assert_uint_eq(strlen(xsd), len);
	free(buf);
	free(path);
}
END_TEST

struct worker {
	char *paths[3];
	int failures;
};

static void *
work(void *arg)
{
	struct worker *w = arg;
	int round;
	for (round = 0; round < 20; round++) {
		upl_report *r = NULL;
		upl_doc *doc = NULL;
		char *out = NULL;
		if (upl_report_new(&r) != 0)
			w->failures++;
		/* a valid file, an invalid one, a round trip */
		if (upl_validate_file(r, w->paths[0], NULL, NULL) != 0 || upl_report_count(r) != 0)
			w->failures++;
		upl_report_clear(r);
		if (upl_validate_file(r, w->paths[1], NULL, NULL) != 0 || upl_report_count(r) != 1 ||
		    strcmp(upl_diag_code(upl_report_get(r, 0)), "schema-value") != 0 ||
		    upl_diag_column(upl_report_get(r, 0)) != 12)
			w->failures++;
		if (upl_doc_parse_file(&doc, w->paths[2], NULL, NULL) != 0 ||
		    upl_doc_write_buffer(&out, NULL, doc, NULL, NULL) != 0)
			w->failures++;
		upl_free(out);
		upl_doc_free(doc);
		upl_report_free(r);
	}
	return NULL;
}

START_TEST(test_threads)
{
	pthread_t t[4];
	struct worker w[4];
	int i;
	for (i = 0; i < 4; i++) {
		w[i].paths[0] = data_path("doc/examples/seed-002.xml");
		w[i].paths[1] = data_path("tests/data/invalid/bad-month/input.xml");
		w[i].paths[2] = data_path("tests/data/valid/full-features.xml");
		w[i].failures = 0;
		ck_assert_int_eq(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
		ck_assert_int_eq(w[i].failures, 0);
		free(w[i].paths[0]);
		free(w[i].paths[1]);
		free(w[i].paths[2]);
	}
}
END_TEST

/* Many threads parse at the same moment, in a process that has not yet
 * compiled the schema (each test runs in its own process): they race for
 * the first compile and must all succeed with the same answer. */
#define RACERS 16

struct racer {
	pthread_barrier_t *start;
	int ok;
};

static void *
race(void *arg)
{
	struct racer *w = arg;
	upl_doc *doc = NULL;
	pthread_barrier_wait(w->start);
	w->ok = upl_doc_parse_buffer(&doc, minimal, strlen(minimal), "r.xml", NULL, NULL) == 0 &&
		strcmp(upl_plan_title(upl_doc_plan(doc, 0)), "工会工作计划") == 0;
	upl_doc_free(doc);
	return NULL;
}

START_TEST(test_threads_first_parse)
{
	pthread_barrier_t start;
	pthread_t t[RACERS];
	struct racer w[RACERS];
	int i;
	ck_assert_int_eq(pthread_barrier_init(&start, NULL, RACERS), 0);
	for (i = 0; i < RACERS; i++) {
		w[i].start = &start;
		w[i].ok = 0;
		ck_assert_int_eq(pthread_create(&t[i], NULL, race, &w[i]), 0);
	}
	for (i = 0; i < RACERS; i++) {
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
		ck_assert_msg(w[i].ok, "thread %d failed", i);
	}
	pthread_barrier_destroy(&start);
}
END_TEST

static Suite *
xml_suite(void)
{
	Suite *s = suite_create("xml");
	TCase *tc = tcase_create("xml");
	tcase_add_test(tc, test_parse_buffer_and_name);
	tcase_add_test(tc, test_parse_fd_and_stream);
	tcase_add_test(tc, test_io_errors);
	tcase_add_test(tc, test_size_limit);
	tcase_add_test(tc, test_columns_are_code_points);
	tcase_add_test(tc, test_positions_in_other_encodings);
	tcase_add_test(tc, test_encoding_offsets_count_the_bom);
	tcase_add_test(tc, test_xxe_never_read);
	tcase_add_test(tc, test_text_from_events);
	tcase_add_test(tc, test_attribute_limit);
	tcase_add_test(tc, test_single_plan_helpers);
	tcase_add_test(tc, test_write_file_atomic);
	tcase_add_test(tc, test_write_size_limit);
	tcase_add_test(tc, test_embedded_schema_is_the_file);
	tcase_add_test(tc, test_threads);
	tcase_add_test(tc, test_threads_first_parse);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(xml_suite)

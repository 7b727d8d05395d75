/* Helpers shared by the check suites: reading test data from the source
 * tree (the top_srcdir environment variable, "." when unset). */
#ifndef UNIONPLAN_TESTUTIL_H
#define UNIONPLAN_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

/* The whole file top_srcdir/rel, NUL-terminated (free() it); its length
 * in *len when len is not NULL. A missing file fails the test. */
static inline char *
test_slurp(const char *rel, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	FILE *fp;
	char *buf;
	long n;
	snprintf(path, sizeof path, "%s/%s", top ? top : ".", rel);
	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	ck_assert_int_ge(n, 0);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	if (len)
		*len = (size_t)n;
	return buf;
}

#endif

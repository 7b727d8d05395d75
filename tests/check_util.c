/* Unit tests for the library's one UTF-8 decoder and its character classes
 * (libunionplan/util-private.h). White-box: links the convenience library;
 * the Han test is checked against ICU's script property. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uscript.h>

#include <unionplan.h>

#include "testutil.h"

#include "util-private.h"

static int32_t
dec(const char *s, size_t n, size_t *len)
{
	return upl__utf8_decode(s, n, len);
}

START_TEST(test_decode)
{
	size_t l;
	ck_assert_int_eq(dec("A", 1, &l), 'A');
	ck_assert_uint_eq(l, 1);
	ck_assert_int_eq(dec("\xC2\xA0", 2, &l), 0xA0);
	ck_assert_uint_eq(l, 2);
	ck_assert_int_eq(dec("工", 3, &l), 0x5DE5);
	ck_assert_uint_eq(l, 3);
	ck_assert_int_eq(dec("\xF0\xA0\x80\x80", 4, &l), 0x20000);
	ck_assert_uint_eq(l, 4);
	ck_assert_int_eq(dec("\xF4\x8F\xBF\xBF", 4, &l), 0x10FFFF);
	/* invalid: each gives -1 and one byte */
	ck_assert_int_eq(dec("\xC0\x80", 2, &l), -1);         /* overlong NUL */
	ck_assert_uint_eq(l, 1);
	ck_assert_int_eq(dec("\xE0\x80\x80", 3, &l), -1);     /* overlong */
	ck_assert_int_eq(dec("\xF0\x80\x80\x80", 4, &l), -1); /* overlong */
	ck_assert_int_eq(dec("\xED\xA0\x80", 3, &l), -1);     /* surrogate */
	ck_assert_int_eq(dec("\xF4\x90\x80\x80", 4, &l), -1); /* above U+10FFFF */
	ck_assert_int_eq(dec("\xE5\xB7", 2, &l), -1);         /* truncated */
	ck_assert_uint_eq(l, 1);
	ck_assert_int_eq(dec("\xE5\x41\x41", 3, &l), -1);     /* bad continuation */
	ck_assert_int_eq(dec("\x80", 1, &l), -1);
	ck_assert_int_eq(dec("\xFF", 1, &l), -1);
	/* the helpers built on it */
	ck_assert_uint_eq(upl__utf8_next("\xED\xA0\x80", 3, &l), 0xFFFD);
	ck_assert_uint_eq(upl__utf8_count("工会\xFFx", 8), 4);
	ck_assert_int_eq(upl__utf8_valid("工会\xE5\xB7", 8, &l), 0);
	ck_assert_uint_eq(l, 6);
	ck_assert_uint_eq(upl__utf8_prev("工会", 6), 0x4F1A);
}
END_TEST

/* Every code point: upl__is_han agrees with ICU's Script=Han, except for
 * code points ICU leaves unassigned inside the Han blocks (accepted, so a
 * newer Unicode's additions are Han too) and the four Khitan/Nüshu marks
 * of U+16FE2.. that are outside the blocks. */
START_TEST(test_is_han_matches_icu)
{
	uint32_t c;
	unsigned long han = 0;
	for (c = 0; c < 0x110000; c++) {
		UErrorCode st = U_ZERO_ERROR;
		UScriptCode sc = uscript_getScript((UChar32)c, &st);
		int icu = U_SUCCESS(st) && sc == USCRIPT_HAN;
		int ours = upl__is_han(c);
		if (icu && !ours)
			ck_assert_msg(c >= 0x16FE0 && c <= 0x16FFF, "U+%04X is Han in ICU", c);
		if (ours && !icu)
			ck_assert_msg(sc == USCRIPT_UNKNOWN, "U+%04X is not Han in ICU", c);
		han += ours && icu;
	}
	ck_assert_uint_gt(han, 90000);
	ck_assert(upl__is_han(0x3007));  /* 〇 */
	ck_assert(!upl__is_han(0x3002)); /* 。 */
	ck_assert(!upl__is_han(0x3001)); /* 、 */
}
END_TEST

START_TEST(test_is_space)
{
	ck_assert(upl__is_space(' '));
	ck_assert(upl__is_space('\t'));
	ck_assert(upl__is_space(0x3000));
	ck_assert(upl__is_space(0xA0));
	ck_assert(!upl__is_space('\n'));
	ck_assert(!upl__is_space('\r'));
	ck_assert(!upl__is_space(0x2003));
	ck_assert(!upl__is_space((uint32_t)-1));
}
END_TEST

static Suite *
util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("utf8");
	tcase_add_test(tc, test_decode);
	tcase_add_test(tc, test_is_han_matches_icu);
	tcase_add_test(tc, test_is_space);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(util_suite)

/* Unit tests for Chinese numerals (upl_text_numeral_parse,
 * upl_text_numeral_format): the numerals of the seeds, every documented
 * error, and format-then-parse round trips. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

typedef struct parse_case {
	const char *in;
	int rc;
	long value;
	const char *numeral; /* the part consumed (on success), or examined (on an error) */
} parse_case;

static const parse_case parse_cases[] = {
	/* from the seeds */
	{ "二○一三年一月份", 0, 2013, "二○一三" },
	{ "二〇一五年二月", 0, 2015, "二〇一五" },
	{ "第二十八个教师节", UPL_ENOTFOUND, 0, "" },
	{ "二十八个教师节", 0, 28, "二十八" },
	{ "十二月份", 0, 12, "十二" },
	{ "十一月：", 0, 11, "十一" },
	{ "九月：", 0, 9, "九" },
	{ "2012学年", 0, 2012, "2012" },
	{ "28个", 0, 28, "28" },
	{ "十七届六中全会", 0, 17, "十七" },
	{ "三分之二", 0, 3, "三" },
	{ "两周一次", 0, 2, "两" },
	{ "兩周一次", 0, 2, "兩" },
	{ "二xx届", 0, 2, "二" },
	{ "168爱生工程", 0, 168, "168" },
	/* Arabic, ASCII and full-width */
	{ "0", 0, 0, "0" },
	{ "007", 0, 7, "007" },
	{ "２０１３年", 0, 2013, "２０１３" },
	{ "2０1３", 0, 2013, "2０1３" },
#if LONG_MAX == 9223372036854775807L
	{ "9223372036854775807", 0, LONG_MAX, "9223372036854775807" },
#endif
	/* Chinese digits and units */
	{ "零", 0, 0, "零" },
	{ "〇", 0, 0, "〇" },
	{ "十", 0, 10, "十" },
	{ "十二", 0, 12, "十二" },
	{ "二十", 0, 20, "二十" },
	{ "九十九", 0, 99, "九十九" },
	{ "一百", 0, 100, "一百" },
	{ "一百零五", 0, 105, "一百零五" },
	{ "一百一十", 0, 110, "一百一十" },
	{ "一百十", 0, 110, "一百十" },
	{ "一百五", 0, 150, "一百五" },
	{ "三千零二十", 0, 3020, "三千零二十" },
	{ "一千零五十", 0, 1050, "一千零五十" },
	{ "一千零五", 0, 1005, "一千零五" },
	{ "三千五", 0, 3500, "三千五" },
	{ "一万二千", 0, 12000, "一万二千" },
	{ "一万五", 0, 15000, "一万五" },
	{ "十万", 0, 100000, "十万" },
	{ "十万零一十", 0, 100010, "十万零一十" },
	{ "一万零一十", 0, 10010, "一万零一十" },
	{ "一千万一千", 0, 10001000, "一千万一千" },
	{ "一亿零五", 0, 100000005, "一亿零五" },
	{ "一亿", 0, 100000000, "一亿" },
#if LONG_MAX == 9223372036854775807L
	{ "九千九百九十九亿九千九百九十九万九千九百九十九", 0, 999999999999L,
	  "九千九百九十九亿九千九百九十九万九千九百九十九" },
#endif
	{ "两千", 0, 2000, "两千" },
	{ "两万", 0, 20000, "两万" },
	{ "壹佰贰拾", 0, 120, "壹佰贰拾" },
	{ "叁仟零伍", 0, 3005, "叁仟零伍" },
	{ "貳拾陸", 0, 26, "貳拾陸" },
	{ "一萬二千", 0, 12000, "一萬二千" },
	{ "三億", 0, 300000000, "三億" },
	/* digit by digit */
	{ "二○一三", 0, 2013, "二○一三" },
	{ "二〇一三", 0, 2013, "二〇一三" },
	{ "二零一三", 0, 2013, "二零一三" },
	{ "〇八", 0, 8, "〇八" },
	{ "○○", 0, 0, "○○" },
	{ "一二", 0, 12, "一二" },
	/* mixed */
	{ "2千", 0, 2000, "2千" },
	{ "12万", 0, 120000, "12万" },
	{ "3万2500", 0, 32500, "3万2500" },
	{ "3万5", 0, 35000, "3万5" },
	{ "3万零500", 0, 30500, "3万零500" },
	{ "十2", 0, 12, "十2" },
	{ "2二", 0, 2, "2" },
	{ "二3", 0, 2, "二" },
	/* where a numeral stops */
	{ "十两", 0, 10, "十" },
	{ "一百零", 0, 100, "一百" },
	{ "一千零个", 0, 1000, "一千" },
	{ "1.5万", 0, 1, "1" },
	{ "一是", 0, 1, "一" },
	/* not numerals */
	{ "", UPL_ENOTFOUND, 0, "" },
	{ "○", UPL_ENOTFOUND, 0, "" },
	{ "○、活动", UPL_ENOTFOUND, 0, "" },
	{ "千方百计", UPL_ENOTFOUND, 0, "" },
	{ "百花", UPL_ENOTFOUND, 0, "" },
	{ "万一", UPL_ENOTFOUND, 0, "" },
	{ "亿", UPL_ENOTFOUND, 0, "" },
	{ "xx年", UPL_ENOTFOUND, 0, "" },
	{ " 12", UPL_ENOTFOUND, 0, "" },
	{ "-5", UPL_ENOTFOUND, 0, "" },
	{ "\xFF" "12", UPL_ENOTFOUND, 0, "" },
	{ "\xE5\x8D", UPL_ENOTFOUND, 0, "" }, /* 十 cut short */
	/* nonsense */
	{ "十十", UPL_EINVAL, 0, "十十" },
	{ "十百", UPL_EINVAL, 0, "十百" },
	{ "一百二百", UPL_EINVAL, 0, "一百二百" },
	{ "一千百", UPL_EINVAL, 0, "一千百" },
	{ "一万二万", UPL_EINVAL, 0, "一万二万" },
	{ "一万亿", UPL_EINVAL, 0, "一万亿" },
	{ "一亿万", UPL_EINVAL, 0, "一亿万" },
	{ "零十", UPL_EINVAL, 0, "零十" },
	{ "一千零零五", UPL_EINVAL, 0, "一千零零五" },
	{ "二〇一三十", UPL_EINVAL, 0, "二〇一三十" },
	{ "一二十", UPL_EINVAL, 0, "一二十" },
	{ "两〇一三", UPL_EINVAL, 0, "两〇一三" },
	{ "二十八九", UPL_EINVAL, 0, "二十八九" },
	{ "一百五零", UPL_EINVAL, 0, "一百五零" },
	{ "15千", UPL_EINVAL, 0, "15千" },
	{ "10000万", UPL_EINVAL, 0, "10000万" },
	{ "十25", UPL_EINVAL, 0, "十25" },
	{ "3万20000", UPL_EINVAL, 0, "3万20000" },
	{ "二十八九个", UPL_EINVAL, 0, "二十八九" },
	/* too large for a long */
	{ "9223372036854775808", UPL_ERANGE, 0, "9223372036854775808" },
	{ "99999999999999999999999", UPL_ERANGE, 0, "99999999999999999999999" },
	{ "一二三四五六七八九〇一二三四五六七八九〇", UPL_ERANGE, 0,
	  "一二三四五六七八九〇一二三四五六七八九〇" },
	/* a section too large for its unit is nonsense, before any overflow */
	{ "99999999999亿", UPL_EINVAL, 0, "99999999999亿" },
};

START_TEST(test_parse_cases)
{
	size_t i;
	for (i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
		const parse_case *c = &parse_cases[i];
		long v = -12345;
		size_t consumed = 999;
		int rc = upl_text_numeral_parse(&v, &consumed, c->in, strlen(c->in));
		ck_assert_msg(rc == c->rc, "case %zu \"%s\": rc %d, want %d", i, c->in, rc, c->rc);
		ck_assert_msg(consumed == strlen(c->numeral), "case %zu \"%s\": consumed %zu", i,
			      c->in, consumed);
		ck_assert_msg(memcmp(c->in, c->numeral, consumed) == 0, "case %zu", i);
		if (rc == 0)
			ck_assert_msg(v == c->value, "case %zu \"%s\": %ld, want %ld", i, c->in, v,
				      c->value);
		else
			ck_assert_int_eq(v, -12345); /* untouched */
		/* the same through the NUL-terminated form, and without consumed */
		ck_assert_int_eq(upl_text_numeral_parse(&v, NULL, c->in, UPL_TEXT_NUL), c->rc);
	}
}
END_TEST

START_TEST(test_parse_limits)
{
	long v;
	size_t used;
	char *big;
	size_t n = 1u << 20, i;

	ck_assert_int_eq(upl_text_numeral_parse(NULL, &used, "12", 2), UPL_EINVAL);
	ck_assert_int_eq(upl_text_numeral_parse(&v, &used, NULL, 2), UPL_EINVAL);
	/* the length is respected */
	ck_assert_int_eq(upl_text_numeral_parse(&v, &used, "2013", 2), 0);
	ck_assert_int_eq(v, 20);
	ck_assert_uint_eq(used, 2);
	ck_assert_int_eq(upl_text_numeral_parse(&v, &used, "十二", 3), 0);
	ck_assert_int_eq(v, 10);
	ck_assert_int_eq(upl_text_numeral_parse(&v, &used, "十二", 4), 0); /* 二 cut short */
	ck_assert_int_eq(v, 10);
	ck_assert_uint_eq(used, 3);
	ck_assert_int_eq(upl_text_numeral_parse(&v, &used, "十二", 0), UPL_ENOTFOUND);
	/* a megabyte of digits overflows without reading past the end */
	big = malloc(n);
	ck_assert_ptr_nonnull(big);
	memset(big, '7', n);
	ck_assert_int_eq(upl_text_numeral_parse(&v, &used, big, n), UPL_ERANGE);
	ck_assert_uint_eq(used, n);
	/* and a megabyte of 十十十… is nonsense, found at once */
	for (i = 0; i + 3 <= n; i += 3)
		memcpy(big + i, "十", 3);
	ck_assert_int_eq(upl_text_numeral_parse(&v, &used, big, i), UPL_EINVAL);
	ck_assert_uint_eq(used, i);
	free(big);
}
END_TEST

START_TEST(test_format_cases)
{
	static const struct { long n; unsigned flags; const char *out; } cases[] = {
		{ 0, 0, "零" },
		{ 1, 0, "一" },
		{ 10, 0, "十" },
		{ 12, 0, "十二" },
		{ 20, 0, "二十" },
		{ 28, 0, "二十八" },
		{ 99, 0, "九十九" },
		{ 100, 0, "一百" },
		{ 101, 0, "一百零一" },
		{ 105, 0, "一百零五" },
		{ 110, 0, "一百一十" },
		{ 1005, 0, "一千零五" },
		{ 1050, 0, "一千零五十" },
		{ 2013, 0, "二千零一十三" },
		{ 10010, 0, "一万零一十" },
		{ 100000, 0, "十万" },
		{ 100010, 0, "十万零一十" },
		{ 10001000, 0, "一千万一千" },
		{ 100000000, 0, "一亿" },
		{ 100000005, 0, "一亿零五" },
		{ 100001000, 0, "一亿零一千" },
	#if LONG_MAX == 9223372036854775807L
	{ 999999999999L, 0, "九千九百九十九亿九千九百九十九万九千九百九十九" },
#endif
		{ 2013, UPL_TEXT_NUMERAL_YEAR, "二〇一三" },
		{ 2008, UPL_TEXT_NUMERAL_YEAR, "二〇〇八" },
		{ 1949, UPL_TEXT_NUMERAL_YEAR, "一九四九" },
		{ 0, UPL_TEXT_NUMERAL_YEAR, "〇" },
		{ 5, UPL_TEXT_NUMERAL_YEAR, "五" },
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = NULL;
		ck_assert_int_eq(upl_text_numeral_format(&s, cases[i].n, cases[i].flags), 0);
		ck_assert_str_eq(s, cases[i].out);
		upl_free(s);
	}
}
END_TEST

START_TEST(test_format_errors)
{
	char *s = NULL;
	ck_assert_int_eq(upl_text_numeral_format(&s, -1, 0), UPL_ERANGE);
	ck_assert_int_eq(upl_text_numeral_format(&s, -2013, UPL_TEXT_NUMERAL_YEAR), UPL_ERANGE);
#if LONG_MAX == 9223372036854775807L
	ck_assert_int_eq(upl_text_numeral_format(&s, 1000000000000L, 0), UPL_ERANGE);
#endif
	ck_assert_int_eq(upl_text_numeral_format(&s, LONG_MAX, 0), UPL_ERANGE);
	ck_assert_int_eq(upl_text_numeral_format(&s, 12, 2u), UPL_EINVAL);
	ck_assert_int_eq(upl_text_numeral_format(NULL, 12, 0), UPL_EINVAL);
	ck_assert_ptr_null(s);
#if LONG_MAX == 9223372036854775807L
	/* any size digit by digit */
	ck_assert_int_eq(upl_text_numeral_format(&s, LONG_MAX, UPL_TEXT_NUMERAL_YEAR), 0);
	ck_assert_str_eq(s, "九二二三三七二〇三六八五四七七五八〇七");
	upl_free(s);
#endif
}
END_TEST

/* Format, then parse: the same number, every byte consumed. */
static void
round_trip(long n, unsigned flags)
{
	char *s = NULL;
	long v = -1;
	size_t used = 0;
	ck_assert_int_eq(upl_text_numeral_format(&s, n, flags), 0);
	ck_assert_msg(upl_text_numeral_parse(&v, &used, s, strlen(s)) == 0, "%ld -> %s", n, s);
	ck_assert_msg(v == n && used == strlen(s), "%ld -> %s -> %ld", n, s, v);
	upl_free(s);
}

START_TEST(test_round_trips)
{
	long n;
	unsigned long long x = 2463534242ULL;
#if LONG_MAX == 9223372036854775807L
	const unsigned long long top = 1000000000000ULL; /* the largest standard form + 1 */
#else
	const unsigned long long top = (unsigned long long)LONG_MAX;
#endif
	int k;
	for (n = 0; n <= 120000; n++)
		round_trip(n, 0);
	for (n = 0; n <= 9999; n++)
		round_trip(n, UPL_TEXT_NUMERAL_YEAR);
	/* a pseudo-random sample below 10^12 (xorshift, fixed seed) */
	for (k = 0; k < 20000; k++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		round_trip((long)(x % top), 0);
	}
	/* the edges of each section */
	round_trip(9999, 0);
	round_trip(10000, 0);
	round_trip(99999999, 0);
	round_trip(100000000, 0);
	round_trip(100000001, 0);
#if LONG_MAX == 9223372036854775807L
	round_trip(999999999999L, 0);
#endif
	round_trip(LONG_MAX, UPL_TEXT_NUMERAL_YEAR);
}
END_TEST

static Suite *
numeral_suite(void)
{
	Suite *s = suite_create("text-numeral");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, test_parse_cases);
	tcase_add_test(tc, test_parse_limits);
	suite_add_tcase(s, tc);
	tc = tcase_create("format");
	tcase_add_test(tc, test_format_cases);
	tcase_add_test(tc, test_format_errors);
	tcase_add_test(tc, test_round_trips);
	tcase_set_timeout(tc, 300);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(numeral_suite)

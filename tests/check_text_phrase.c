/* Unit tests for numbering labels, month headings and date phrases
 * (include/unionplan/text.h): every label, month heading and date of the
 * five seed plans, line by line, and hand-made cases for each decision the
 * header documents. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

#include "testutil.h"

/* --- the seeds ------------------------------------------------------------ */

/* What a line of a seed starts with: a label ('L': style, number) or a
 * month heading ('M': number is the month, then to, year, year_unknown);
 * written is the label or phrase as it stands in the text. */
typedef struct seed_line {
	int line;
	char kind;
	upl_label_style style;
	long number;
	int to, year, unknown;
	const char *written;
} seed_line;

typedef struct seed_date {
	int line;
	int year, month, day;
	const char *written;
} seed_date;

/* Expected labels, month headings and dates of the five seed plans
 * (tests/data/seeds/), line by line, checked by hand against the text.
 * Included by tests/check_text_phrase.c only. */

/* 000: simplified; （一）． labels, digit-dot items with full-width and ASCII
 * dots, Chinese month headings with a colon, dates as 9/10 in brackets. */
static const seed_line seed000_lines[] = {
	{ 4, 'L', UPL_LABEL_HAN_COMMA, 1, 0, 0, 0, "一、" },
	{ 6, 'L', UPL_LABEL_HAN_COMMA, 2, 0, 0, 0, "二、" },
	{ 7, 'L', UPL_LABEL_HAN_PAREN, 1, 0, 0, 0, "（一）．" },
	{ 9, 'L', UPL_LABEL_HAN_PAREN, 2, 0, 0, 0, "（二）．" },
	{ 11, 'L', UPL_LABEL_DIGIT_DOT, 1, 0, 0, 0, "1．" },
	{ 13, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2．" },
	{ 14, 'L', UPL_LABEL_HAN_PAREN, 3, 0, 0, 0, "（三）．" },
	{ 18, 'L', UPL_LABEL_DIGIT_DOT, 1, 0, 0, 0, "1．" },
	{ 20, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2．" },
	{ 22, 'L', UPL_LABEL_HAN_PAREN, 4, 0, 0, 0, "（四）．" },
	{ 24, 'L', UPL_LABEL_DIGIT_DOT, 1, 0, 0, 0, "1．" },
	{ 25, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2." },
	{ 27, 'L', UPL_LABEL_DIGIT_DOT, 3, 0, 0, 0, "3." },
	{ 29, 'L', UPL_LABEL_HAN_PAREN, 5, 0, 0, 0, "（五）．" },
	{ 33, 'L', UPL_LABEL_HAN_COMMA, 3, 0, 0, 0, "三、" },
	{ 35, 'M', 0, 9, 0, 0, 0, "九月" },
	{ 37, 'L', UPL_LABEL_DIGIT_DOT, 1, 0, 0, 0, "1．" },
	{ 39, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2．" },
	{ 41, 'L', UPL_LABEL_DIGIT_DOT, 3, 0, 0, 0, "3．" },
	{ 43, 'L', UPL_LABEL_DIGIT_DOT, 4, 0, 0, 0, "4．" },
	{ 44, 'L', UPL_LABEL_DIGIT_DOT, 5, 0, 0, 0, "5．" },
	{ 45, 'L', UPL_LABEL_DIGIT_DOT, 6, 0, 0, 0, "6．" },
	{ 47, 'L', UPL_LABEL_DIGIT_DOT, 7, 0, 0, 0, "7." },
	{ 48, 'L', UPL_LABEL_DIGIT_DOT, 8, 0, 0, 0, "8." },
	{ 49, 'M', 0, 10, 0, 0, 0, "十月" },
	{ 51, 'L', UPL_LABEL_DIGIT_DOT, 1, 0, 0, 0, "1．" },
	{ 52, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2．" },
	{ 53, 'L', UPL_LABEL_DIGIT_DOT, 3, 0, 0, 0, "3．" },
	{ 55, 'L', UPL_LABEL_DIGIT_DOT, 4, 0, 0, 0, "4." },
	{ 56, 'L', UPL_LABEL_DIGIT_DOT, 5, 0, 0, 0, "5." },
	{ 57, 'M', 0, 11, 0, 0, 0, "十一月" },
	{ 59, 'L', UPL_LABEL_DIGIT_DOT, 1, 0, 0, 0, "1．" },
	{ 60, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2．" },
	{ 61, 'L', UPL_LABEL_DIGIT_DOT, 3, 0, 0, 0, "3．" },
	{ 63, 'L', UPL_LABEL_DIGIT_DOT, 4, 0, 0, 0, "4．" },
	{ 64, 'L', UPL_LABEL_DIGIT_DOT, 5, 0, 0, 0, "5." },
	{ 66, 'M', 0, 12, 0, 0, 0, "十二月" },
	{ 68, 'L', UPL_LABEL_DIGIT_DOT, 1, 0, 0, 0, "1．" },
	{ 70, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2." },
	{ 71, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2." },
	{ 73, 'L', UPL_LABEL_DIGIT_DOT, 3, 0, 0, 0, "3．" },
	{ 75, 'L', UPL_LABEL_DIGIT_DOT, 5, 0, 0, 0, "5．" },
	{ 77, 'M', 0, 1, 0, 0, 0, "一月" },
	{ 79, 'L', UPL_LABEL_DIGIT_DOT, 1, 0, 0, 0, "1．" },
	{ 81, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2．" },
	{ 83, 'L', UPL_LABEL_DIGIT_DOT, 3, 0, 0, 0, "3．" },
	{ 85, 'L', UPL_LABEL_HAN_COMMA, 4, 0, 0, 0, "四、" },
	{ 87, 'L', UPL_LABEL_DIGIT_DOT, 1, 0, 0, 0, "1．" },
	{ 89, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2．" },
	{ 91, 'L', UPL_LABEL_DIGIT_DOT, 3, 0, 0, 0, "3．" },
	{ 93, 'L', UPL_LABEL_DIGIT_DOT, 4, 0, 0, 0, "4．" },
	{ 95, 'L', UPL_LABEL_DIGIT_DOT, 5, 0, 0, 0, "5．" },
	{ 97, 'L', UPL_LABEL_DIGIT_DOT, 6, 0, 0, 0, "6．" },
	{ 0, 0, 0, 0, 0, 0, 0, NULL }
};
static const seed_date seed000_dates[] = {
	{ 39, 0, 9, 10, "9/10" },
	{ 47, 0, 9, 25, "9/25" },
	{ 71, 0, 12, 31, "12/31" },
	{ 0, 0, 0, 0, NULL }
};
/* 001: traditional web copy; every line but the first two opens with a page
 * chunk marker "N、" (syntactically a label; the importer drops them). */
static const seed_line seed001_lines[] = {
	{ 3, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 4, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 5, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 6, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 7, 'L', UPL_LABEL_DIGIT_COMMA, 5, 0, 0, 0, "5、" },
	{ 8, 'L', UPL_LABEL_DIGIT_COMMA, 6, 0, 0, 0, "6、" },
	{ 9, 'L', UPL_LABEL_DIGIT_COMMA, 7, 0, 0, 0, "7、" },
	{ 10, 'L', UPL_LABEL_DIGIT_COMMA, 8, 0, 0, 0, "8、" },
	{ 0, 0, 0, 0, 0, 0, 0, NULL }
};
static const seed_date seed001_dates[] = {
	{ 6, 0, 3, 8, "三.八" },
	{ 10, 0, 2, 26, "XX-02-26" },
	{ 0, 0, 0, 0, NULL }
};
/* 002: 1、 items numbered across sections, 七、八月份, 二○一三年一月份. */
static const seed_line seed002_lines[] = {
	{ 4, 'L', UPL_LABEL_HAN_COMMA, 1, 0, 0, 0, "一、" },
	{ 6, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 8, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 10, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 12, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 14, 'L', UPL_LABEL_HAN_COMMA, 2, 0, 0, 0, "二、" },
	{ 16, 'L', UPL_LABEL_DIGIT_COMMA, 5, 0, 0, 0, "5、" },
	{ 18, 'L', UPL_LABEL_DIGIT_COMMA, 6, 0, 0, 0, "6、" },
	{ 20, 'L', UPL_LABEL_HAN_COMMA, 3, 0, 0, 0, "三、" },
	{ 22, 'L', UPL_LABEL_DIGIT_COMMA, 7, 0, 0, 0, "7、" },
	{ 24, 'L', UPL_LABEL_DIGIT_COMMA, 8, 0, 0, 0, "8、" },
	{ 26, 'L', UPL_LABEL_DIGIT_COMMA, 9, 0, 0, 0, "9、" },
	{ 28, 'L', UPL_LABEL_HAN_COMMA, 4, 0, 0, 0, "四、" },
	{ 30, 'L', UPL_LABEL_DIGIT_COMMA, 10, 0, 0, 0, "10、" },
	{ 32, 'L', UPL_LABEL_DIGIT_COMMA, 11, 0, 0, 0, "11、" },
	{ 34, 'L', UPL_LABEL_DIGIT_COMMA, 12, 0, 0, 0, "12、" },
	{ 36, 'L', UPL_LABEL_DIGIT_COMMA, 13, 0, 0, 0, "13、" },
	{ 38, 'L', UPL_LABEL_DIGIT_COMMA, 14, 0, 0, 0, "14、" },
	{ 40, 'L', UPL_LABEL_DIGIT_COMMA, 15, 0, 0, 0, "15、" },
	{ 45, 'M', 0, 3, 0, 0, 0, "三月份" },
	{ 47, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 49, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 51, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 53, 'M', 0, 4, 0, 0, 0, "四月份" },
	{ 55, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 57, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 59, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 61, 'M', 0, 5, 0, 0, 0, "五月份" },
	{ 63, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 65, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 67, 'M', 0, 7, 8, 0, 0, "七、八月份" },
	{ 69, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 71, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 73, 'M', 0, 9, 0, 0, 0, "九月份" },
	{ 75, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 77, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 79, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 81, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 83, 'L', UPL_LABEL_DIGIT_COMMA, 5, 0, 0, 0, "5、" },
	{ 85, 'L', UPL_LABEL_DIGIT_COMMA, 6, 0, 0, 0, "6、" },
	{ 87, 'M', 0, 10, 0, 0, 0, "十月份" },
	{ 89, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 91, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 93, 'M', 0, 11, 0, 0, 0, "十一月份" },
	{ 95, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 97, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 99, 'M', 0, 12, 0, 0, 0, "十二月份" },
	{ 101, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 103, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 105, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 107, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 109, 'M', 0, 1, 0, 2013, 0, "二○一三年一月份" },
	{ 111, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 113, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 115, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 119, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 0, 0, 0, 0, 0, 0, 0, NULL }
};
static const seed_date seed002_dates[] = {
	{ 0, 0, 0, 0, NULL }
};
/* 003: U+3000 and ASCII indents, 1月：… 7月—8月： schedule. */
static const seed_line seed003_lines[] = {
	{ 6, 'L', UPL_LABEL_HAN_COMMA, 1, 0, 0, 0, "一、" },
	{ 8, 'L', UPL_LABEL_HAN_COMMA, 2, 0, 0, 0, "二、" },
	{ 9, 'L', UPL_LABEL_HAN_PAREN, 1, 0, 0, 0, "（一）" },
	{ 10, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 11, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 12, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 13, 'L', UPL_LABEL_HAN_PAREN, 2, 0, 0, 0, "（二）" },
	{ 14, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 15, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 16, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 17, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 18, 'L', UPL_LABEL_DIGIT_COMMA, 5, 0, 0, 0, "5、" },
	{ 19, 'L', UPL_LABEL_HAN_COMMA, 3, 0, 0, 0, "三、" },
	{ 20, 'L', UPL_LABEL_HAN_PAREN, 1, 0, 0, 0, "（一）" },
	{ 21, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 22, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 23, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 24, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 31, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 33, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 35, 'L', UPL_LABEL_DIGIT_COMMA, 5, 0, 0, 0, "5、" },
	{ 36, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 38, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 40, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 41, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 45, 'M', 0, 1, 0, 0, 0, "1月" },
	{ 47, 'M', 0, 2, 0, 0, 0, "2月" },
	{ 48, 'M', 0, 3, 0, 0, 0, "3月" },
	{ 50, 'M', 0, 4, 0, 0, 0, "4月" },
	{ 52, 'M', 0, 5, 0, 0, 0, "5月" },
	{ 54, 'M', 0, 6, 0, 0, 0, "6月" },
	{ 55, 'M', 0, 7, 8, 0, 0, "7月—8月" },
	{ 57, 'M', 0, 9, 0, 0, 0, "9月" },
	{ 59, 'M', 0, 10, 0, 0, 0, "10月" },
	{ 61, 'M', 0, 11, 0, 0, 0, "11月" },
	{ 62, 'M', 0, 12, 0, 0, 0, "12月" },
	{ 0, 0, 0, 0, 0, 0, 0, NULL }
};
static const seed_date seed003_dates[] = {
	{ 52, 0, 5, 1, "五.一" },
	{ 0, 0, 0, 0, NULL }
};
/* 004: a compilation; tab indents, (1)、, 1., (一), ( 三), 二月份：, 八月份. */
static const seed_line seed004_lines[] = {
	{ 5, 'L', UPL_LABEL_HAN_COMMA, 1, 0, 0, 0, "一、" },
	{ 13, 'L', UPL_LABEL_HAN_COMMA, 2, 0, 0, 0, "二、" },
	{ 17, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 21, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 25, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 33, 'L', UPL_LABEL_HAN_COMMA, 3, 0, 0, 0, "三、" },
	{ 37, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 41, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 45, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 49, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 53, 'L', UPL_LABEL_HAN_COMMA, 4, 0, 0, 0, "四、" },
	{ 57, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 61, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 65, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 69, 'L', UPL_LABEL_HAN_COMMA, 5, 0, 0, 0, "五、" },
	{ 73, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 77, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 81, 'L', UPL_LABEL_HAN_COMMA, 6, 0, 0, 0, "六、" },
	{ 85, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 89, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 98, 'L', UPL_LABEL_HAN_COMMA, 1, 0, 0, 0, "一、" },
	{ 102, 'L', UPL_LABEL_DIGIT_PAREN, 1, 0, 0, 0, "(1)、" },
	{ 106, 'L', UPL_LABEL_DIGIT_PAREN, 2, 0, 0, 0, "(2)、" },
	{ 110, 'L', UPL_LABEL_DIGIT_PAREN, 3, 0, 0, 0, "(3)、" },
	{ 114, 'L', UPL_LABEL_DIGIT_PAREN, 4, 0, 0, 0, "(4)、" },
	{ 118, 'L', UPL_LABEL_DIGIT_PAREN, 5, 0, 0, 0, "(5)、" },
	{ 122, 'L', UPL_LABEL_HAN_COMMA, 2, 0, 0, 0, "二、" },
	{ 126, 'L', UPL_LABEL_DIGIT_PAREN, 1, 0, 0, 0, "(1)、" },
	{ 130, 'L', UPL_LABEL_DIGIT_PAREN, 2, 0, 0, 0, "(2)、" },
	{ 134, 'L', UPL_LABEL_HAN_COMMA, 3, 0, 0, 0, "三、" },
	{ 138, 'L', UPL_LABEL_DIGIT_PAREN, 1, 0, 0, 0, "(1)、" },
	{ 142, 'L', UPL_LABEL_DIGIT_PAREN, 2, 0, 0, 0, "(2)、" },
	{ 146, 'L', UPL_LABEL_DIGIT_PAREN, 3, 0, 0, 0, "(3)、" },
	{ 150, 'L', UPL_LABEL_DIGIT_PAREN, 4, 0, 0, 0, "(4)、" },
	{ 154, 'L', UPL_LABEL_DIGIT_PAREN, 5, 0, 0, 0, "(5)、" },
	{ 158, 'L', UPL_LABEL_HAN_COMMA, 4, 0, 0, 0, "四、" },
	{ 162, 'L', UPL_LABEL_DIGIT_PAREN, 1, 0, 0, 0, "(1)、" },
	{ 166, 'L', UPL_LABEL_DIGIT_PAREN, 2, 0, 0, 0, "(2)、" },
	{ 170, 'L', UPL_LABEL_DIGIT_PAREN, 3, 0, 0, 0, "(3)、" },
	{ 174, 'L', UPL_LABEL_HAN_COMMA, 5, 0, 0, 0, "五、" },
	{ 178, 'L', UPL_LABEL_DIGIT_PAREN, 1, 0, 0, 0, "(1)、" },
	{ 182, 'L', UPL_LABEL_DIGIT_PAREN, 2, 0, 0, 0, "(2)、" },
	{ 186, 'L', UPL_LABEL_DIGIT_PAREN, 3, 0, 0, 0, "(3)、" },
	{ 190, 'L', UPL_LABEL_HAN_COMMA, 6, 0, 0, 0, "六、" },
	{ 194, 'L', UPL_LABEL_DIGIT_PAREN, 1, 0, 0, 0, "(1)、" },
	{ 198, 'L', UPL_LABEL_DIGIT_PAREN, 2, 0, 0, 0, "(2)、" },
	{ 202, 'L', UPL_LABEL_DIGIT_PAREN, 3, 0, 0, 0, "(3)、" },
	{ 206, 'L', UPL_LABEL_DIGIT_PAREN, 4, 0, 0, 0, "(4)、" },
	{ 210, 'L', UPL_LABEL_HAN_COMMA, 7, 0, 0, 0, "七、" },
	{ 214, 'L', UPL_LABEL_DIGIT_PAREN, 1, 0, 0, 0, "(1)、" },
	{ 218, 'L', UPL_LABEL_DIGIT_PAREN, 2, 0, 0, 0, "(2)、" },
	{ 222, 'L', UPL_LABEL_DIGIT_PAREN, 3, 0, 0, 0, "(3)、" },
	{ 226, 'L', UPL_LABEL_DIGIT_PAREN, 4, 0, 0, 0, "(4)、" },
	{ 230, 'L', UPL_LABEL_DIGIT_PAREN, 5, 0, 0, 0, "(5)、" },
	{ 239, 'L', UPL_LABEL_HAN_COMMA, 1, 0, 0, 0, "一、" },
	{ 243, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 247, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 251, 'L', UPL_LABEL_HAN_COMMA, 2, 0, 0, 0, "二、" },
	{ 255, 'L', UPL_LABEL_DIGIT_DOT, 1, 0, 0, 0, "1." },
	{ 259, 'L', UPL_LABEL_DIGIT_DOT, 2, 0, 0, 0, "2." },
	{ 263, 'L', UPL_LABEL_DIGIT_DOT, 3, 0, 0, 0, "3." },
	{ 267, 'L', UPL_LABEL_HAN_COMMA, 3, 0, 0, 0, "三、" },
	{ 271, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 275, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 279, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 283, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 287, 'L', UPL_LABEL_DIGIT_COMMA, 5, 0, 0, 0, "5、" },
	{ 291, 'L', UPL_LABEL_DIGIT_COMMA, 6, 0, 0, 0, "6、" },
	{ 299, 'M', 0, 2, 0, 0, 0, "二月份" },
	{ 303, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 307, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 311, 'M', 0, 3, 0, 0, 0, "三月份" },
	{ 315, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 319, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 323, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 327, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 331, 'L', UPL_LABEL_DIGIT_COMMA, 5, 0, 0, 0, "5、" },
	{ 335, 'M', 0, 4, 0, 0, 0, "四月份" },
	{ 339, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 343, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 347, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 351, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 355, 'M', 0, 5, 0, 0, 0, "五月份" },
	{ 359, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 363, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 367, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 371, 'M', 0, 6, 0, 0, 0, "六月份" },
	{ 375, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 379, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 383, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 387, 'M', 0, 7, 0, 0, 0, "七月份" },
	{ 391, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 395, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 399, 'M', 0, 8, 0, 0, 0, "八月份" },
	{ 403, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 407, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 411, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 415, 'M', 0, 9, 0, 0, 0, "九月份" },
	{ 419, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 423, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 427, 'M', 0, 10, 0, 0, 0, "十月份" },
	{ 431, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 435, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 439, 'M', 0, 11, 0, 0, 0, "十一月份" },
	{ 443, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 447, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 451, 'M', 0, 12, 0, 0, 0, "十二月份" },
	{ 455, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 459, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 463, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 469, 'L', UPL_LABEL_HAN_COMMA, 1, 0, 0, 0, "一、" },
	{ 485, 'L', UPL_LABEL_HAN_COMMA, 2, 0, 0, 0, "二、" },
	{ 489, 'L', UPL_LABEL_HAN_PAREN, 1, 0, 0, 0, "(一)" },
	{ 513, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 529, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 557, 'L', UPL_LABEL_HAN_PAREN, 2, 0, 0, 0, "(二)" },
	{ 565, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 581, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 589, 'L', UPL_LABEL_DIGIT_PAREN, 1, 0, 0, 0, "(1)" },
	{ 593, 'L', UPL_LABEL_DIGIT_PAREN, 2, 0, 0, 0, "(2)" },
	{ 597, 'L', UPL_LABEL_DIGIT_PAREN, 3, 0, 0, 0, "(3)" },
	{ 601, 'L', UPL_LABEL_DIGIT_PAREN, 4, 0, 0, 0, "(4)" },
	{ 605, 'L', UPL_LABEL_DIGIT_PAREN, 5, 0, 0, 0, "(5)" },
	{ 609, 'L', UPL_LABEL_DIGIT_PAREN, 6, 0, 0, 0, "(6)" },
	{ 613, 'L', UPL_LABEL_DIGIT_PAREN, 7, 0, 0, 0, "(7)" },
	{ 617, 'L', UPL_LABEL_DIGIT_PAREN, 8, 0, 0, 0, "(8)" },
	{ 621, 'L', UPL_LABEL_DIGIT_PAREN, 9, 0, 0, 0, "(9)" },
	{ 625, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 629, 'L', UPL_LABEL_DIGIT_PAREN, 1, 0, 0, 0, "(1)" },
	{ 633, 'L', UPL_LABEL_DIGIT_PAREN, 2, 0, 0, 0, "(2)" },
	{ 637, 'L', UPL_LABEL_DIGIT_PAREN, 3, 0, 0, 0, "(3)" },
	{ 645, 'L', UPL_LABEL_HAN_PAREN, 3, 0, 0, 0, "( 三)" },
	{ 659, 'L', UPL_LABEL_HAN_COMMA, 1, 0, 0, 0, "一、" },
	{ 667, 'L', UPL_LABEL_HAN_COMMA, 2, 0, 0, 0, "二、" },
	{ 671, 'L', UPL_LABEL_HAN_PAREN, 1, 0, 0, 0, "（一）" },
	{ 675, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 679, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 683, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 687, 'L', UPL_LABEL_HAN_PAREN, 2, 0, 0, 0, "（二）" },
	{ 691, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 695, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 699, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 703, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 707, 'L', UPL_LABEL_DIGIT_COMMA, 5, 0, 0, 0, "5、" },
	{ 711, 'L', UPL_LABEL_HAN_COMMA, 3, 0, 0, 0, "三、" },
	{ 715, 'L', UPL_LABEL_HAN_PAREN, 1, 0, 0, 0, "（一）" },
	{ 719, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 723, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 727, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 731, 'L', UPL_LABEL_HAN_PAREN, 2, 0, 0, 0, "（二）" },
	{ 735, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 739, 'L', UPL_LABEL_HAN_PAREN, 3, 0, 0, 0, "（三）" },
	{ 743, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 747, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 751, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 755, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 759, 'L', UPL_LABEL_DIGIT_COMMA, 5, 0, 0, 0, "5、" },
	{ 763, 'L', UPL_LABEL_DIGIT_COMMA, 6, 0, 0, 0, "6、" },
	{ 767, 'L', UPL_LABEL_HAN_PAREN, 4, 0, 0, 0, "（四）" },
	{ 771, 'L', UPL_LABEL_DIGIT_COMMA, 1, 0, 0, 0, "1、" },
	{ 775, 'L', UPL_LABEL_DIGIT_COMMA, 2, 0, 0, 0, "2、" },
	{ 779, 'L', UPL_LABEL_DIGIT_COMMA, 3, 0, 0, 0, "3、" },
	{ 783, 'L', UPL_LABEL_DIGIT_COMMA, 4, 0, 0, 0, "4、" },
	{ 799, 'L', UPL_LABEL_DIGIT_COMMA, 5, 0, 0, 0, "5、" },
	{ 803, 'L', UPL_LABEL_DIGIT_COMMA, 6, 0, 0, 0, "6、" },
	{ 807, 'L', UPL_LABEL_DIGIT_COMMA, 7, 0, 0, 0, "7、" },
	{ 0, 0, 0, 0, 0, 0, 0, NULL }
};
static const seed_date seed004_dates[] = {
	{ 367, 0, 5, 4, "五.四" },
	{ 755, 0, 3, 8, "三・八" },
	{ 0, 0, 0, 0, NULL }
};

/* Expected offset of the text after a label or phrase ending at end:
 * spaces, then (for months) one ： or : and spaces. */
static size_t
after(const char *p, size_t l, size_t end, int colon)
{
	end += upl_text_space_len(p + end, l - end);
	if (colon) {
		if (l - end >= 3 && memcmp(p + end, "：", 3) == 0)
			end += 3;
		else if (end < l && p[end] == ':')
			end += 1;
		else
			return end;
		end += upl_text_space_len(p + end, l - end);
	}
	return end;
}

static void
check_seed(const char *file, const seed_line *want, const seed_date *wd)
{
	size_t len, pos = 0;
	char *text = test_slurp(file, &len);
	int line = 1;

	for (;;) {
		const char *p = text + pos;
		const char *nl = memchr(p, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - p) : len - pos;
		size_t sp = upl_text_space_len(p, l), from = 0;
		upl_text_month m;
		upl_text_label lb;
		upl_text_date d;
		int rm = upl_text_month_parse(&m, p, l);
		int rl = upl_text_label_parse(&lb, p, l);

		if (want->line == line && want->kind == 'M') {
			ck_assert_msg(rm == 0, "%s:%d: month heading %s not recognised (%d)", file, line,
				      want->written, rm);
			ck_assert_int_eq(m.month, want->number);
			ck_assert_int_eq(m.to, want->to);
			ck_assert_int_eq(m.year, want->year);
			ck_assert_int_eq(m.year_unknown, want->unknown);
			ck_assert_uint_eq(m.len, strlen(want->written));
			ck_assert_msg(memcmp(p + sp, want->written, m.len) == 0, "%s:%d", file, line);
			ck_assert_uint_eq(m.text_offset, after(p, l, sp + m.len, 1));
			want++;
		} else if (want->line == line) {
			ck_assert_msg(rm == UPL_ENOTFOUND, "%s:%d: taken for a month", file, line);
			ck_assert_msg(rl == 0, "%s:%d: label %s not recognised (%d)", file, line,
				      want->written, rl);
			ck_assert_int_eq(lb.style, want->style);
			ck_assert_int_eq(lb.level, upl_text_label_level(want->style));
			ck_assert_int_eq(lb.number, want->number);
			ck_assert_uint_eq(lb.label_len, strlen(want->written));
			ck_assert_msg(memcmp(p + sp, want->written, lb.label_len) == 0, "%s:%d", file,
				      line);
			ck_assert_uint_eq(lb.text_offset, after(p, l, sp + lb.label_len, 0));
			want++;
		} else {
			ck_assert_msg(rm == UPL_ENOTFOUND && rl == UPL_ENOTFOUND,
				      "%s:%d: unexpected label or month (%d, %d): %.40s", file, line,
				      rm, rl, p);
		}
		while (upl_text_date_find(&d, p, l, from) == 0) {
			ck_assert_msg(wd->line == line, "%s:%d: unexpected date %.*s", file, line,
				      (int)d.len, p + d.start);
			ck_assert_int_eq(d.year, wd->year);
			ck_assert_int_eq(d.month, wd->month);
			ck_assert_int_eq(d.day, wd->day);
			ck_assert_uint_eq(d.len, strlen(wd->written));
			ck_assert_msg(memcmp(p + d.start, wd->written, d.len) == 0, "%s:%d", file, line);
			from = d.start + d.len;
			wd++;
		}
		if (nl == NULL)
			break;
		pos += l + 1;
		line++;
	}
	ck_assert_msg(want->line == 0, "%s: line %d (%s) never reached", file, want->line,
		      want->written);
	ck_assert_msg(wd->line == 0, "%s: date %s at line %d not found", file, wd->written,
		      wd->line);
	free(text);
}

START_TEST(test_seed_000)
{
	check_seed("tests/data/seeds/000_4589f19a21d053f0.txt", seed000_lines, seed000_dates);
}
END_TEST

START_TEST(test_seed_001)
{
	check_seed("tests/data/seeds/001_10ff43b2df3ecc86.txt", seed001_lines, seed001_dates);
}
END_TEST

START_TEST(test_seed_002)
{
	check_seed("tests/data/seeds/002_c586d096e016a226.txt", seed002_lines, seed002_dates);
}
END_TEST

START_TEST(test_seed_003)
{
	check_seed("tests/data/seeds/003_16f611ec0ac9a530.txt", seed003_lines, seed003_dates);
}
END_TEST

START_TEST(test_seed_004)
{
	check_seed("tests/data/seeds/004_7fafac6153687fc9.txt", seed004_lines, seed004_dates);
}
END_TEST

/* Labels that stand inside a line: the traditional seed runs its headings
 * and items together (一、學習提升…1.圍繞…), 002 has 注：1、 and 003 joins
 * （三） to the paragraph before it. Each is parsed where it stands. */
static const struct inline_label {
	const char *file;
	const char *needle; /* unique in the file; the label starts it */
	upl_label_style style;
	long number;
	const char *written;
} inline_labels[] = {
	{ "001_10ff43b2df3ecc86.txt", "一、學習提升", UPL_LABEL_HAN_COMMA, 1, "一、" },
	{ "001_10ff43b2df3ecc86.txt", "1.圍繞學習", UPL_LABEL_DIGIT_DOT, 1, "1." },
	{ "001_10ff43b2df3ecc86.txt", "2.總支工會", UPL_LABEL_DIGIT_DOT, 2, "2." },
	{ "001_10ff43b2df3ecc86.txt", "3.堅持以教職工為本", UPL_LABEL_DIGIT_DOT, 3, "3." },
	{ "001_10ff43b2df3ecc86.txt", "二.弘揚師徳", UPL_LABEL_HAN_COMMA, 2, "二." },
	{ "001_10ff43b2df3ecc86.txt", "1.繼續", UPL_LABEL_DIGIT_DOT, 1, "1." },
	{ "001_10ff43b2df3ecc86.txt", "1.結", UPL_LABEL_DIGIT_DOT, 1, "1." },
	{ "001_10ff43b2df3ecc86.txt", "2.以營造", UPL_LABEL_DIGIT_DOT, 2, "2." },
	{ "001_10ff43b2df3ecc86.txt", "3.在各校中報", UPL_LABEL_DIGIT_DOT, 3, "3." },
	{ "001_10ff43b2df3ecc86.txt", "4.以“三.八", UPL_LABEL_DIGIT_DOT, 4, "4." },
	{ "001_10ff43b2df3ecc86.txt", "5.進一步開展", UPL_LABEL_DIGIT_DOT, 5, "5." },
	{ "001_10ff43b2df3ecc86.txt", "二.完善體系", UPL_LABEL_HAN_COMMA, 2, "二." },
	{ "001_10ff43b2df3ecc86.txt", "1.確立校務", UPL_LABEL_DIGIT_DOT, 1, "1." },
	{ "001_10ff43b2df3ecc86.txt", "2.做好教職工保障", UPL_LABEL_DIGIT_DOT, 2, "2." },
	{ "001_10ff43b2df3ecc86.txt", "3.各校工會要精心組織安排好", UPL_LABEL_DIGIT_DOT, 3, "3." },
	{ "001_10ff43b2df3ecc86.txt", "4.配合醫", UPL_LABEL_DIGIT_DOT, 4, "4." },
	{ "001_10ff43b2df3ecc86.txt", "1.各校工會要精心組織暑假", UPL_LABEL_DIGIT_DOT, 1, "1." },
	{ "001_10ff43b2df3ecc86.txt", "2.積極響應", UPL_LABEL_DIGIT_DOT, 2, "2." },
	{ "001_10ff43b2df3ecc86.txt", "二.夯實基礎", UPL_LABEL_HAN_COMMA, 2, "二." },
	{ "001_10ff43b2df3ecc86.txt", "1.深入推廣", UPL_LABEL_DIGIT_DOT, 1, "1." },
	{ "001_10ff43b2df3ecc86.txt", "2.各校工會要口覺", UPL_LABEL_DIGIT_DOT, 2, "2." },
	{ "001_10ff43b2df3ecc86.txt", "3.堅持“做好", UPL_LABEL_DIGIT_DOT, 3, "3." },
	{ "001_10ff43b2df3ecc86.txt", "4.抓好信息員", UPL_LABEL_DIGIT_DOT, 4, "4." },
	{ "001_10ff43b2df3ecc86.txt", "5.發", UPL_LABEL_DIGIT_DOT, 5, "5." },
	{ "001_10ff43b2df3ecc86.txt", "6.充分調", UPL_LABEL_DIGIT_DOT, 6, "6." },
	{ "001_10ff43b2df3ecc86.txt", "7.繼續", UPL_LABEL_DIGIT_DOT, 7, "7." },
	{ "002_c586d096e016a226.txt", "1、上级工会", UPL_LABEL_DIGIT_COMMA, 1, "1、" },
	{ "003_16f611ec0ac9a530.txt", "（三）发挥工会职能", UPL_LABEL_HAN_PAREN, 3, "（三）" },
};

START_TEST(test_seed_inline_labels)
{
	size_t i;
	for (i = 0; i < sizeof inline_labels / sizeof inline_labels[0]; i++) {
		const struct inline_label *c = &inline_labels[i];
		char rel[256];
		size_t len;
		char *text, *at;
		upl_text_label lb;
		snprintf(rel, sizeof rel, "tests/data/seeds/%s", c->file);
		text = test_slurp(rel, &len);
		at = strstr(text, c->needle);
		ck_assert_msg(at != NULL && strstr(at + 1, c->needle) == NULL,
			      "%s must occur once in %s", c->needle, c->file);
		ck_assert_msg(upl_text_label_parse(&lb, at, len - (size_t)(at - text)) == 0,
			      "%s: %s", c->file, c->needle);
		ck_assert_int_eq(lb.style, c->style);
		ck_assert_int_eq(lb.number, c->number);
		ck_assert_uint_eq(lb.label_len, strlen(c->written));
		ck_assert_uint_eq(lb.text_offset, strlen(c->written));
		free(text);
	}
}
END_TEST

/* --- labels, by hand ---------------------------------------------------------- */

/* in: the line; label: the label as written; text: the text after it */
typedef struct label_case {
	const char *in;
	int rc;
	upl_label_style style;
	long number;
	const char *label, *text;
} label_case;

static const label_case label_cases[] = {
	/* level 1 */
	{ "一、指导思想", 0, UPL_LABEL_HAN_COMMA, 1, "一、", "指导思想" },
	{ "一，指导思想", 0, UPL_LABEL_HAN_COMMA, 1, "一，", "指导思想" },
	{ "一,指导思想", 0, UPL_LABEL_HAN_COMMA, 1, "一,", "指导思想" },
	{ "一.指导思想", 0, UPL_LABEL_HAN_COMMA, 1, "一.", "指导思想" },
	{ "一．指导思想", 0, UPL_LABEL_HAN_COMMA, 1, "一．", "指导思想" },
	{ "第一、总则", 0, UPL_LABEL_HAN_COMMA, 1, "第一、", "总则" },
	{ "十二、其他", 0, UPL_LABEL_HAN_COMMA, 12, "十二、", "其他" },
	{ "二十八、", 0, UPL_LABEL_HAN_COMMA, 28, "二十八、", "" },
	{ "四、  常规工作：", 0, UPL_LABEL_HAN_COMMA, 4, "四、", "常规工作：" },
	{ "二.弘揚師徳", 0, UPL_LABEL_HAN_COMMA, 2, "二.", "弘揚師徳" },
	/* level 2 */
	{ "（一）加强", 0, UPL_LABEL_HAN_PAREN, 1, "（一）", "加强" },
	{ "(一)加强", 0, UPL_LABEL_HAN_PAREN, 1, "(一)", "加强" },
	{ "( 三)加强", 0, UPL_LABEL_HAN_PAREN, 3, "( 三)", "加强" },
	{ "（ 十一 ）加强", 0, UPL_LABEL_HAN_PAREN, 11, "（ 十一 ）", "加强" },
	{ "（一）．加强", 0, UPL_LABEL_HAN_PAREN, 1, "（一）．", "加强" },
	{ "（一）、加强", 0, UPL_LABEL_HAN_PAREN, 1, "（一）、", "加强" },
	{ "（一）.加强", 0, UPL_LABEL_HAN_PAREN, 1, "（一）.", "加强" },
	{ "（一)加强", 0, UPL_LABEL_HAN_PAREN, 1, "（一)", "加强" },
	{ "一）加强", 0, UPL_LABEL_HAN_PAREN, 1, "一）", "加强" },
	{ "一)加强", 0, UPL_LABEL_HAN_PAREN, 1, "一)", "加强" },
	{ "㈢加强", 0, UPL_LABEL_HAN_PAREN, 3, "㈢", "加强" },
	/* level 3 */
	{ "1．进一步", 0, UPL_LABEL_DIGIT_DOT, 1, "1．", "进一步" },
	{ "1.进一步", 0, UPL_LABEL_DIGIT_DOT, 1, "1.", "进一步" },
	{ "１．进一步", 0, UPL_LABEL_DIGIT_DOT, 1, "１．", "进一步" },
	{ "⒉进一步", 0, UPL_LABEL_DIGIT_DOT, 2, "⒉", "进一步" },
	{ "12. 进一步", 0, UPL_LABEL_DIGIT_DOT, 12, "12.", "进一步" },
	{ "5. 2013年订报工作", 0, UPL_LABEL_DIGIT_DOT, 5, "5.", "2013年订报工作" },
	{ "3．七届二次教代会", 0, UPL_LABEL_DIGIT_DOT, 3, "3．", "七届二次教代会" },
	{ "1.a", 0, UPL_LABEL_DIGIT_DOT, 1, "1.", "a" },
	{ "1.", 0, UPL_LABEL_DIGIT_DOT, 1, "1.", "" },
	{ "1、深化", 0, UPL_LABEL_DIGIT_COMMA, 1, "1、", "深化" },
	{ "1，深化", 0, UPL_LABEL_DIGIT_COMMA, 1, "1，", "深化" },
	{ "1,深化", 0, UPL_LABEL_DIGIT_COMMA, 1, "1,", "深化" },
	{ "15、加强", 0, UPL_LABEL_DIGIT_COMMA, 15, "15、", "加强" },
	{ "999、", 0, UPL_LABEL_DIGIT_COMMA, 999, "999、", "" },
	{ "1、2017年度", 0, UPL_LABEL_DIGIT_COMMA, 1, "1、", "2017年度" },
	/* level 4 */
	{ "（1）开展", 0, UPL_LABEL_DIGIT_PAREN, 1, "（1）", "开展" },
	{ "(1)开展", 0, UPL_LABEL_DIGIT_PAREN, 1, "(1)", "开展" },
	{ "(1)、建设", 0, UPL_LABEL_DIGIT_PAREN, 1, "(1)、", "建设" },
	{ "( 12 )开展", 0, UPL_LABEL_DIGIT_PAREN, 12, "( 12 )", "开展" },
	{ "1）开展", 0, UPL_LABEL_DIGIT_PAREN, 1, "1）", "开展" },
	{ "1)开展", 0, UPL_LABEL_DIGIT_PAREN, 1, "1)", "开展" },
	{ "⑴定期", 0, UPL_LABEL_PAREN_CHAR, 1, "⑴", "定期" },
	{ "⒇定期", 0, UPL_LABEL_PAREN_CHAR, 20, "⒇", "定期" },
	/* level 5 */
	{ "①做好", 0, UPL_LABEL_CIRCLED, 1, "①", "做好" },
	{ "⑳做好", 0, UPL_LABEL_CIRCLED, 20, "⑳", "做好" },
	{ "㉑做好", 0, UPL_LABEL_CIRCLED, 21, "㉑", "做好" },
	{ "㊿做好", 0, UPL_LABEL_CIRCLED, 50, "㊿", "做好" },
	{ "❸做好", 0, UPL_LABEL_CIRCLED, 3, "❸", "做好" },
	{ "➀做好", 0, UPL_LABEL_CIRCLED, 1, "➀", "做好" },
	{ "➓做好", 0, UPL_LABEL_CIRCLED, 10, "➓", "做好" },
	{ "⓫做好", 0, UPL_LABEL_CIRCLED, 11, "⓫", "做好" },
	{ "⓶做好", 0, UPL_LABEL_CIRCLED, 2, "⓶", "做好" },
	{ "②、做好", 0, UPL_LABEL_CIRCLED, 2, "②、", "做好" },
	/* leading and following spaces: ASCII, tab, U+3000, NBSP */
	{ "　　1、进一步", 0, UPL_LABEL_DIGIT_COMMA, 1, "1、", "进一步" },
	{ "\t(1)、建设", 0, UPL_LABEL_DIGIT_PAREN, 1, "(1)、", "建设" },
	{ "\xC2\xA0" "1. \xC2\xA0\t　x", 0, UPL_LABEL_DIGIT_DOT, 1, "1.", "x" },
	/* a month span starts like a label (callers try months first) */
	{ "七、八月份", 0, UPL_LABEL_HAN_COMMA, 7, "七、", "八月份" },
	/* not labels */
	{ "2012学年第一学期", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "2013年订报工作", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "2013、2014年", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "1.5万", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "3.8", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "2012.9.10", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "1,000元", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "9/10", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "12/31", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "9月10日", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "三.八妇女节", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "五.一劳动节", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "三・八妇女节", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "二.3", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "(9/10)", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "（2012年）", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "（一是）", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "0.", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "0、", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "〇、", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "零、", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "○、", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "二〇一三、", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "一百、", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "1000、", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "一是倾听", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "1号", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "十分重要", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "第二十八个教师节", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "第一章", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "学校工会年度工作计划 篇4", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "---许美英", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "   \t　", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "（", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "(1", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "（一", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "1", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	/* invalid UTF-8 where the label would be */
	{ "\xFF" "1、", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "1\xFF", UPL_ENOTFOUND, 0, 0, NULL, NULL },
	{ "\xE4\xB8", UPL_ENOTFOUND, 0, 0, 0, 0 },       /* 一 cut short */
	{ "\xE3\x80\x81", UPL_ENOTFOUND, 0, 0, 0, 0 },   /* 、 alone */
	{ "\xED\xA0\x80" "、", UPL_ENOTFOUND, 0, 0, 0, 0 }, /* a surrogate */
	/* what follows a label is the caller's */
	{ "1、\xFF", 0, UPL_LABEL_DIGIT_COMMA, 1, "1、", "\xFF" },
};

START_TEST(test_label_cases)
{
	size_t i;
	for (i = 0; i < sizeof label_cases / sizeof label_cases[0]; i++) {
		const label_case *c = &label_cases[i];
		upl_text_label lb;
		int rc;
		memset(&lb, 0x5A, sizeof lb);
		rc = upl_text_label_parse(&lb, c->in, strlen(c->in));
		ck_assert_msg(rc == c->rc, "case %zu \"%s\": rc %d, want %d", i, c->in, rc, c->rc);
		/* the NUL-terminated form gives the same answer */
		{
			upl_text_label lb2;
			ck_assert_int_eq(upl_text_label_parse(&lb2, c->in, UPL_TEXT_NUL), c->rc);
		}
		if (rc != 0) {
			ck_assert_int_eq(lb.number, 0x5A5A5A5A5A5A5A5AL); /* untouched */
			continue;
		}
		ck_assert_msg(lb.style == c->style, "case %zu \"%s\": style %d", i, c->in, lb.style);
		ck_assert_int_eq(lb.level, upl_text_label_level(c->style));
		ck_assert_msg(lb.number == c->number, "case %zu \"%s\": number %ld", i, c->in, lb.number);
		ck_assert_msg(lb.label_len == strlen(c->label) &&
			      memcmp(c->in + upl_text_space_len(c->in, UPL_TEXT_NUL), c->label,
				     lb.label_len) == 0,
			      "case %zu \"%s\": label_len %zu", i, c->in, lb.label_len);
		ck_assert_msg(lb.text_offset == strlen(c->in) - strlen(c->text) &&
			      strcmp(c->in + lb.text_offset, c->text) == 0,
			      "case %zu \"%s\": text_offset %zu", i, c->in, lb.text_offset);
	}
}
END_TEST

START_TEST(test_label_limits)
{
	upl_text_label lb;
	char *big;
	size_t n = 1u << 20, i;

	ck_assert_int_eq(upl_text_label_parse(NULL, "1、", 4), UPL_EINVAL);
	ck_assert_int_eq(upl_text_label_parse(&lb, NULL, 4), UPL_EINVAL);
	/* the length is respected: the dot of （一）． is outside it */
	ck_assert_int_eq(upl_text_label_parse(&lb, "（一）．", 9), 0);
	ck_assert_uint_eq(lb.label_len, 9);
	ck_assert_uint_eq(lb.text_offset, 9);
	ck_assert_int_eq(upl_text_label_parse(&lb, "1、", 1), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_text_label_parse(&lb, "1、", 0), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_text_label_parse(&lb, "1.5", 2), 0); /* "1." then the end */
	/* a megabyte of spaces before a label; a megabyte of 一 is no label */
	big = malloc(n + 8);
	ck_assert_ptr_nonnull(big);
	memset(big, ' ', n);
	memcpy(big + n, "1、x", 5);
	ck_assert_int_eq(upl_text_label_parse(&lb, big, n + 5), 0);
	ck_assert_uint_eq(lb.text_offset, n + 4);
	for (i = 0; i + 3 <= n; i += 3)
		memcpy(big + i, "一", 3);
	ck_assert_int_eq(upl_text_label_parse(&lb, big, i), UPL_ENOTFOUND);
	free(big);
}
END_TEST

START_TEST(test_label_level_format)
{
	static const struct { upl_label_style style; long n; const char *out; } fmt[] = {
		{ UPL_LABEL_HAN_COMMA, 1, "一、" },
		{ UPL_LABEL_HAN_COMMA, 12, "十二、" },
		{ UPL_LABEL_HAN_PAREN, 3, "（三）" },
		{ UPL_LABEL_HAN_PAREN, 99, "（九十九）" },
		{ UPL_LABEL_DIGIT_DOT, 1, "1." },
		{ UPL_LABEL_DIGIT_COMMA, 15, "15、" },
		{ UPL_LABEL_DIGIT_PAREN, 2, "（2）" },
		{ UPL_LABEL_PAREN_CHAR, 1, "⑴" },
		{ UPL_LABEL_PAREN_CHAR, 20, "⒇" },
		{ UPL_LABEL_CIRCLED, 1, "①" },
		{ UPL_LABEL_CIRCLED, 20, "⑳" },
		{ UPL_LABEL_CIRCLED, 21, "㉑" },
		{ UPL_LABEL_CIRCLED, 35, "㉟" },
		{ UPL_LABEL_CIRCLED, 36, "㊱" },
		{ UPL_LABEL_CIRCLED, 50, "㊿" },
	};
	size_t i;
	char *s = NULL;

	ck_assert_int_eq(upl_text_label_level(UPL_LABEL_NONE), 0);
	ck_assert_int_eq(upl_text_label_level(UPL_LABEL_HAN_COMMA), 1);
	ck_assert_int_eq(upl_text_label_level(UPL_LABEL_HAN_PAREN), 2);
	ck_assert_int_eq(upl_text_label_level(UPL_LABEL_DIGIT_DOT), 3);
	ck_assert_int_eq(upl_text_label_level(UPL_LABEL_DIGIT_COMMA), 3);
	ck_assert_int_eq(upl_text_label_level(UPL_LABEL_DIGIT_PAREN), 4);
	ck_assert_int_eq(upl_text_label_level(UPL_LABEL_PAREN_CHAR), 4);
	ck_assert_int_eq(upl_text_label_level(UPL_LABEL_CIRCLED), 5);
	ck_assert_int_eq(upl_text_label_level((upl_label_style)99), 0);

	for (i = 0; i < sizeof fmt / sizeof fmt[0]; i++) {
		upl_text_label lb;
		ck_assert_int_eq(upl_text_label_format(&s, fmt[i].style, fmt[i].n), 0);
		ck_assert_str_eq(s, fmt[i].out);
		/* and it reads back */
		ck_assert_int_eq(upl_text_label_parse(&lb, s, UPL_TEXT_NUL), 0);
		ck_assert_int_eq(lb.style, fmt[i].style);
		ck_assert_int_eq(lb.number, fmt[i].n);
		ck_assert_uint_eq(lb.label_len, strlen(s));
		upl_free(s);
	}
	/* every number of every style round-trips */
	for (i = 1; i <= 999; i++) {
		int st;
		for (st = UPL_LABEL_HAN_COMMA; st <= UPL_LABEL_CIRCLED; st++) {
			upl_text_label lb;
			int rc = upl_text_label_format(&s, (upl_label_style)st, (long)i);
			if (rc == UPL_ERANGE)
				continue;
			ck_assert_int_eq(rc, 0);
			ck_assert_int_eq(upl_text_label_parse(&lb, s, UPL_TEXT_NUL), 0);
			ck_assert_int_eq(lb.style, st);
			ck_assert_int_eq(lb.number, (long)i);
			upl_free(s);
		}
	}
	s = NULL;
	ck_assert_int_eq(upl_text_label_format(&s, UPL_LABEL_HAN_COMMA, 0), UPL_ERANGE);
	ck_assert_int_eq(upl_text_label_format(&s, UPL_LABEL_HAN_COMMA, 100), UPL_ERANGE);
	ck_assert_int_eq(upl_text_label_format(&s, UPL_LABEL_DIGIT_DOT, 1000), UPL_ERANGE);
	ck_assert_int_eq(upl_text_label_format(&s, UPL_LABEL_PAREN_CHAR, 21), UPL_ERANGE);
	ck_assert_int_eq(upl_text_label_format(&s, UPL_LABEL_CIRCLED, 51), UPL_ERANGE);
	ck_assert_int_eq(upl_text_label_format(&s, UPL_LABEL_CIRCLED, -1), UPL_ERANGE);
	ck_assert_int_eq(upl_text_label_format(&s, UPL_LABEL_NONE, 1), UPL_EINVAL);
	ck_assert_int_eq(upl_text_label_format(NULL, UPL_LABEL_CIRCLED, 1), UPL_EINVAL);
	ck_assert_ptr_null(s);
}
END_TEST

/* --- months, by hand ------------------------------------------------------------ */

/* in: the line; phrase: the month phrase as written; text: what follows */
typedef struct month_case {
	const char *in;
	int rc;
	int year, unknown, month, to;
	const char *phrase, *text;
} month_case;

static const month_case month_cases[] = {
	{ "九月", 0, 0, 0, 9, 0, "九月", "" },
	{ "九月份", 0, 0, 0, 9, 0, "九月份", "" },
	{ "9月", 0, 0, 0, 9, 0, "9月", "" },
	{ "9月份", 0, 0, 0, 9, 0, "9月份", "" },
	{ "９月", 0, 0, 0, 9, 0, "９月", "" },
	{ "十二月份", 0, 0, 0, 12, 0, "十二月份", "" },
	{ "4月份：", 0, 0, 0, 4, 0, "4月份", "" },
	{ "12月：工会总结", 0, 0, 0, 12, 0, "12月", "工会总结" },
	{ "九月 ： 活动", 0, 0, 0, 9, 0, "九月", "活动" },
	{ "9月:活动", 0, 0, 0, 9, 0, "9月", "活动" },
	{ "9月\t庆祝教师节", 0, 0, 0, 9, 0, "9月", "庆祝教师节" },
	{ "三月份召开教代会", 0, 0, 0, 3, 0, "三月份", "召开教代会" },
	{ "9月中秋节慰问", 0, 0, 0, 9, 0, "9月", "中秋节慰问" },
	{ "\t二月份：", 0, 0, 0, 2, 0, "二月份", "" },
	/* with a year */
	{ "二○一三年一月份", 0, 2013, 0, 1, 0, "二○一三年一月份", "" },
	{ "二〇一五年二月", 0, 2015, 0, 2, 0, "二〇一五年二月", "" },
	{ "2013年1月", 0, 2013, 0, 1, 0, "2013年1月", "" },
	{ "２０１３年１２月", 0, 2013, 0, 12, 0, "２０１３年１２月", "" },
	{ "xx年3月", 0, 0, 1, 3, 0, "xx年3月", "" },
	{ "XX年3月", 0, 0, 1, 3, 0, "XX年3月", "" },
	{ "××年3月", 0, 0, 1, 3, 0, "××年3月", "" },
	{ "__年3月", 0, 0, 1, 3, 0, "__年3月", "" },
	{ "＿＿年3月", 0, 0, 1, 3, 0, "＿＿年3月", "" },
	/* spans */
	{ "七、八月份", 0, 0, 0, 7, 8, "七、八月份", "" },
	{ "7、8月份：", 0, 0, 0, 7, 8, "7、8月份", "" },
	{ "十一、十二月", 0, 0, 0, 11, 12, "十一、十二月", "" },
	{ "7月—8月：", 0, 0, 0, 7, 8, "7月—8月", "" },
	{ "4月—5月", 0, 0, 0, 4, 5, "4月—5月", "" },
	{ "1———2月：", 0, 0, 0, 1, 2, "1———2月", "" },
	{ "7-8月", 0, 0, 0, 7, 8, "7-8月", "" },
	{ "7~8月", 0, 0, 0, 7, 8, "7~8月", "" },
	{ "7～8月", 0, 0, 0, 7, 8, "7～8月", "" },
	{ "7至8月", 0, 0, 0, 7, 8, "7至8月", "" },
	{ "7月至8月", 0, 0, 0, 7, 8, "7月至8月", "" },
	{ "7月份—8月份", 0, 0, 0, 7, 8, "7月份—8月份", "" },
	{ "七八月", 0, 0, 0, 7, 8, "七八月", "" },
	{ "十二月至一月", 0, 0, 0, 12, 1, "十二月至一月", "" },
	{ "7-7月", 0, 0, 0, 7, 0, "7-7月", "" },
	{ "2013年7、8月", 0, 2013, 0, 7, 8, "2013年7、8月", "" },
	/* not month headings */
	{ "9月10日", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9月10号", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "九月一日", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9月底前完成", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9月初", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9月末", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9月上旬", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9月中旬", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9月下旬", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9月前", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9月份以前", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9月间", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "13月", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "0月", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "十三月", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "7-13月", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "123月", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "七九月", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "7、8", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "七、八", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "2013年度", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "2013年", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "2012学年", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "13年3月", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "月份\t工作内容", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "一、指导思想", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "xx年x月x月", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "九", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "\xE4\xB9", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "九\xFF", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL },
	{ "9\xE6\x9C", UPL_ENOTFOUND, 0, 0, 0, 0, NULL, NULL }, /* 月 cut short */
};

START_TEST(test_month_cases)
{
	size_t i;
	for (i = 0; i < sizeof month_cases / sizeof month_cases[0]; i++) {
		const month_case *c = &month_cases[i];
		upl_text_month m;
		int rc;
		memset(&m, 0x5A, sizeof m);
		rc = upl_text_month_parse(&m, c->in, strlen(c->in));
		ck_assert_msg(rc == c->rc, "case %zu \"%s\": rc %d, want %d", i, c->in, rc, c->rc);
		if (rc != 0) {
			ck_assert_int_eq(m.month, 0x5A5A5A5A);
			continue;
		}
		ck_assert_msg(m.year == c->year && m.year_unknown == c->unknown,
			      "case %zu \"%s\": year %d/%d", i, c->in, m.year, m.year_unknown);
		ck_assert_msg(m.month == c->month && m.to == c->to, "case %zu \"%s\": %d-%d", i,
			      c->in, m.month, m.to);
		ck_assert_msg(m.len == strlen(c->phrase) &&
			      memcmp(c->in + upl_text_space_len(c->in, UPL_TEXT_NUL), c->phrase,
				     m.len) == 0,
			      "case %zu \"%s\": len %zu", i, c->in, m.len);
		ck_assert_msg(m.text_offset == strlen(c->in) - strlen(c->text) &&
			      strcmp(c->in + m.text_offset, c->text) == 0,
			      "case %zu \"%s\": text_offset %zu", i, c->in, m.text_offset);
	}
}
END_TEST

START_TEST(test_month_limits)
{
	upl_text_month m;
	ck_assert_int_eq(upl_text_month_parse(NULL, "九月", 6), UPL_EINVAL);
	ck_assert_int_eq(upl_text_month_parse(&m, NULL, 6), UPL_EINVAL);
	/* the length is respected */
	ck_assert_int_eq(upl_text_month_parse(&m, "九月份", 6), 0);
	ck_assert_uint_eq(m.len, 6);
	ck_assert_int_eq(upl_text_month_parse(&m, "九月", 3), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_text_month_parse(&m, "9月10日", 4), 0); /* the day is outside */
	ck_assert_int_eq(upl_text_month_parse(&m, "十二月份", UPL_TEXT_NUL), 0);
	ck_assert_int_eq(m.month, 12);
}
END_TEST

/* --- dates, by hand -------------------------------------------------------------- */

/* in: the text; written: the date phrase found, at its first occurrence */
typedef struct date_case {
	const char *in;
	int rc;
	int year, month, day;
	const char *written;
} date_case;

static const date_case date_cases[] = {
	{ "9/10", 0, 0, 9, 10, "9/10" },
	{ "12/31", 0, 0, 12, 31, "12/31" },
	{ "（12/31）", 0, 0, 12, 31, "12/31" },
	{ "教师节表彰活动(9/10)", 0, 0, 9, 10, "9/10" },
	{ "９／１０", 0, 0, 9, 10, "９／１０" },
	{ "9月10日", 0, 0, 9, 10, "9月10日" },
	{ "9月10号", 0, 0, 9, 10, "9月10号" },
	{ "9月10號", 0, 0, 9, 10, "9月10號" },
	{ "九月十日", 0, 0, 9, 10, "九月十日" },
	{ "十二月三十一日", 0, 0, 12, 31, "十二月三十一日" },
	{ "庆祝教师节（9月10日）", 0, 0, 9, 10, "9月10日" },
	{ "2012年9月10日", 0, 2012, 9, 10, "2012年9月10日" },
	{ "二〇一二年九月十日", 0, 2012, 9, 10, "二〇一二年九月十日" },
	{ "xx年9月10日", 0, 0, 9, 10, "xx年9月10日" },
	{ "2012-09-10", 0, 2012, 9, 10, "2012-09-10" },
	{ "2012-9-10", 0, 2012, 9, 10, "2012-9-10" },
	{ "2012.9.10", 0, 2012, 9, 10, "2012.9.10" },
	{ "2012/9/10", 0, 2012, 9, 10, "2012/9/10" },
	{ "作者:鄧麗敏XX-02-26", 0, 0, 2, 26, "XX-02-26" },
	{ "鄧麗敏XX-02-262017年度", 0, 0, 2, 26, "XX-02-26" },
	{ "三.八", 0, 0, 3, 8, "三.八" },
	{ "以“三.八\"婦女節為契機", 0, 0, 3, 8, "三.八" },
	{ "庆祝“五.一劳动节”", 0, 0, 5, 1, "五.一" },
	{ "五.四青年节", 0, 0, 5, 4, "五.四" },
	{ "三・八妇女节", 0, 0, 3, 8, "三・八" },
	{ "三．八", 0, 0, 3, 8, "三．八" },
	{ "“3.8”", 0, 0, 3, 8, "3.8" },
	{ "（5.1）", 0, 0, 5, 1, "5.1" },
	{ "【3.8】", 0, 0, 3, 8, "3.8" },
	{ "「5.1」", 0, 0, 5, 1, "5.1" },
	{ "《5.4》", 0, 0, 5, 4, "5.4" },
	{ "(3.8", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "3.8）", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "“13.8”", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "3.8妇女节", 0, 0, 3, 8, "3.8" },
	{ "3.8节", 0, 0, 3, 8, "3.8" },
	{ "庆祝5.1劳动节", 0, 0, 5, 1, "5.1" },
	{ "2012年2月29日", 0, 2012, 2, 29, "2012年2月29日" },
	{ "2/29", 0, 0, 2, 29, "2/29" },
	/* impossible dates are skipped, and the search goes on */
	{ "2/30", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "13/1", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "2013年2月29日", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "2013年2月29日至3月1日", 0, 0, 3, 1, "3月1日" },
	{ "2/30 9/10", 0, 0, 9, 10, "9/10" },
	{ "2013-02-30", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "四月三十一日", UPL_ENOTFOUND, 0, 0, 0, NULL },
	/* decimals, amounts, labels, numbers: not dates */
	{ "1.5万", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "3.8%", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "增长3.8", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "3.8", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "v3.8节", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "3.8.1", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "5. 2013年订报工作", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "3．七届二次教代会", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "112/31", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "1/2/3", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "12/310", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "常新社教[2012]4号", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "wcf1976@163.com", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "三八妇女节", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "“三q八”", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "二.弘揚師徳", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "将在12月举行", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "二○一三年一月份", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "第28个教师节", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "box-1-2", UPL_ENOTFOUND, 0, 0, 0, NULL },
	{ "", UPL_ENOTFOUND, 0, 0, 0, NULL },
	/* invalid UTF-8 around a date */
	{ "\xFF" "9/10", 0, 0, 9, 10, "9/10" },
	{ "\xE4\xB9" "9/10\xFF", 0, 0, 9, 10, "9/10" },
	{ "9\xFF/10", UPL_ENOTFOUND, 0, 0, 0, NULL },
};

START_TEST(test_date_cases)
{
	size_t i;
	for (i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++) {
		const date_case *c = &date_cases[i];
		upl_text_date d;
		int rc;
		memset(&d, 0x5A, sizeof d);
		rc = upl_text_date_find(&d, c->in, strlen(c->in), 0);
		ck_assert_msg(rc == c->rc, "case %zu \"%s\": rc %d, want %d", i, c->in, rc, c->rc);
		if (rc != 0) {
			ck_assert_int_eq(d.month, 0x5A5A5A5A);
			continue;
		}
		ck_assert_msg(d.year == c->year && d.month == c->month && d.day == c->day,
			      "case %zu \"%s\": %d-%d-%d", i, c->in, d.year, d.month, d.day);
		ck_assert_msg(d.start == (size_t)(strstr(c->in, c->written) - c->in) &&
			      d.len == strlen(c->written),
			      "case %zu \"%s\": at %zu+%zu", i, c->in, d.start, d.len);
	}
}
END_TEST

START_TEST(test_date_from)
{
	const char *s = "9/10 和 9/25";
	upl_text_date d;
	size_t n = strlen(s), k, big_n = 1u << 20;
	char *big;

	ck_assert_int_eq(upl_text_date_find(&d, s, n, 0), 0);
	ck_assert_uint_eq(d.start, 0);
	ck_assert_int_eq(upl_text_date_find(&d, s, n, 1), 0);
	ck_assert_uint_eq(d.start, 9); /* "/10" is not a date: the slash before it */
	ck_assert_int_eq(d.day, 25);
	ck_assert_int_eq(upl_text_date_find(&d, s, n, 6), 0); /* inside 和: next character */
	ck_assert_uint_eq(d.start, 9);
	ck_assert_int_eq(upl_text_date_find(&d, s, n, 10), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_text_date_find(&d, s, n, n), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_text_date_find(&d, s, n, n + 1), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_text_date_find(&d, s, n, (size_t)-1), UPL_ENOTFOUND);
	ck_assert_int_eq(upl_text_date_find(&d, s, UPL_TEXT_NUL, 0), 0);
	/* the length is respected: within three bytes the text is "9/1" */
	ck_assert_int_eq(upl_text_date_find(&d, s, 3, 0), 0);
	ck_assert_int_eq(d.month, 9);
	ck_assert_int_eq(d.day, 1);
	ck_assert_int_eq(upl_text_date_find(NULL, s, n, 0), UPL_EINVAL);
	ck_assert_int_eq(upl_text_date_find(&d, NULL, n, 0), UPL_EINVAL);

	/* every date of a line, in order */
	{
		const char *line = "9月：庆祝第29个教师节（9月10日）；12/31前，二〇一三年一月五日";
		static const int want[][3] = { { 0, 9, 10 }, { 0, 12, 31 }, { 2013, 1, 5 } };
		size_t from = 0;
		for (k = 0; k < 3; k++) {
			ck_assert_int_eq(upl_text_date_find(&d, line, strlen(line), from), 0);
			ck_assert_int_eq(d.year, want[k][0]);
			ck_assert_int_eq(d.month, want[k][1]);
			ck_assert_int_eq(d.day, want[k][2]);
			from = d.start + d.len;
		}
		ck_assert_int_eq(upl_text_date_find(&d, line, strlen(line), from), UPL_ENOTFOUND);
	}

	/* a date after a megabyte of text */
	big = malloc(big_n + 16);
	ck_assert_ptr_nonnull(big);
	memset(big, 'a', big_n);
	memcpy(big + big_n, " 12/31", 7);
	ck_assert_int_eq(upl_text_date_find(&d, big, big_n + 6, 0), 0);
	ck_assert_uint_eq(d.start, big_n + 1);
	/* a megabyte of digits is no date */
	memset(big, '1', big_n);
	ck_assert_int_eq(upl_text_date_find(&d, big, big_n, 0), UPL_ENOTFOUND);
	free(big);
}
END_TEST

static Suite *
phrase_suite(void)
{
	Suite *s = suite_create("text-phrase");
	TCase *tc = tcase_create("seeds");
	tcase_add_test(tc, test_seed_000);
	tcase_add_test(tc, test_seed_001);
	tcase_add_test(tc, test_seed_002);
	tcase_add_test(tc, test_seed_003);
	tcase_add_test(tc, test_seed_004);
	tcase_add_test(tc, test_seed_inline_labels);
	suite_add_tcase(s, tc);
	tc = tcase_create("labels");
	tcase_add_test(tc, test_label_cases);
	tcase_add_test(tc, test_label_limits);
	tcase_add_test(tc, test_label_level_format);
	suite_add_tcase(s, tc);
	tc = tcase_create("months");
	tcase_add_test(tc, test_month_cases);
	tcase_add_test(tc, test_month_limits);
	suite_add_tcase(s, tc);
	tc = tcase_create("dates");
	tcase_add_test(tc, test_date_cases);
	tcase_add_test(tc, test_date_from);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(phrase_suite)

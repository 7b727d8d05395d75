/**
 * @file unionplan/text.h
 * @brief Chinese plain text: encodings, traditional and simplified script,
 *        normalisation, Chinese numerals, numbering labels, month and date
 *        phrases, collation, display width and line wrapping.
 *
 * This module holds everything the importer, the validator and the exporters
 * need to know about the text of real plans, so that none of them
 * reimplements it. It is built on ICU, but no ICU type appears here.
 *
 * @par Conventions
 * - Text arguments are UTF-8, given as a pointer and a length in bytes.
 *   A length of ::UPL_TEXT_NUL ((size_t)-1) means the text is
 *   NUL-terminated. Byte offsets and lengths in results are counted from
 *   the pointer passed in.
 * - Any bytes may be passed. Functions that transform or measure a whole
 *   text reject invalid UTF-8 (overlong forms, surrogates, truncated
 *   sequences) with ::UPL_EINVAL. Recognisers (labels, months, dates,
 *   numerals) look only at the bytes they need: invalid UTF-8 there is
 *   simply not a match (::UPL_ENOTFOUND). Nothing reads outside the
 *   given length.
 * - "Spaces" are U+0020, tab, U+3000 IDEOGRAPHIC SPACE and U+00A0 NO-BREAK
 *   SPACE, everywhere in this module.
 * - Out parameters come first; returned strings are NUL-terminated and
 *   freed with upl_free().
 *
 * @par Threads
 * No function keeps mutable state between calls. ICU objects are made per
 * call or live inside a caller-owned ::upl_text_collator. Four sets of Han
 * characters (those of GB2312 and Big5, and the level-1 characters of
 * each), used by upl_text_detect(), upl_text_script() and
 * upl_text_to_simplified(), are built by the first call that needs them
 * (under a lock; a build that runs out of memory is tried again by the next
 * call) and then frozen; ICU documents a frozen set as immutable and
 * thread-safe. Distinct objects may be used
 * from distinct threads; one ::upl_text_collator must not be used by two
 * threads at the same time.
 */
#ifndef UNIONPLAN_TEXT_H
#define UNIONPLAN_TEXT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A length meaning "the text is NUL-terminated". @since 0.1 */
#define UPL_TEXT_NUL ((size_t)-1)

/* ------------------------------------------------------------------------ */
/** @name Encodings
 * @{ */

/**
 * What upl_text_detect() found, or what upl_text_to_utf8() used.
 * @since 0.1
 */
typedef struct upl_text_encoding {
	/**
	 * Canonical name: "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE",
	 * "UTF-32BE", "GB18030", "GBK", "Big5", "Big5-HKSCS", or the MIME or
	 * IANA name ICU gives for anything else ("Shift_JIS", "ISO-8859-1" …).
	 * NUL-terminated.
	 */
	char name[32];
	/**
	 * 0..100. 100 means certain: a byte-order mark, valid UTF-8, or an
	 * encoding named by the caller. Otherwise a heuristic, from ICU's
	 * charset detector and from how well the text decodes.
	 */
	int confidence;
	/** 1 when the input began with a byte-order mark (never copied to the output), else 0. */
	int bom;
} upl_text_encoding;

/**
 * Guess the encoding of a byte buffer.
 *
 * The rules, in order:
 * 1. a byte-order mark decides (UTF-8, UTF-16LE/BE, UTF-32LE/BE, GB18030);
 * 2. NUL bytes laid out like UTF-16 text (mostly in odd or mostly in even
 *    positions) that decode without error give UTF-16LE or UTF-16BE;
 * 3. valid UTF-8 wins (pure ASCII included), and so does text whose
 *    non-ASCII bytes are at least 90% well-formed UTF-8 (a UTF-8 file with
 *    a few corrupt bytes: upl_text_to_utf8() then reports where they are,
 *    rather than decoding everything wrongly);
 * 4. otherwise GB18030, Big5 and Big5-HKSCS are each decoded strictly:
 *    a candidate that decodes without error beats one that does not, then
 *    the one that gives fewer private-use characters (user-defined or
 *    vendor codes, which wrongly decoded text is full of), then the one
 *    whose Han characters are more often among its own most frequent ones
 *    (GB2312 level 1 for GB18030, Big5 level 1 for Big5: right decoding
 *    scores near 100%, the wrong one of the two far less), then ICU's
 *    charset-detector confidence, then the share of Han and CJK
 *    punctuation. Big5 is preferred to Big5-HKSCS when both decode to the
 *    same characters. The confidence then says how clearly the winner
 *    read better than the others (short texts score lower);
 * 5. if none of them decodes but the encoding ICU ranks first does, that
 *    one is taken; failing that, the candidate with fewest errors.
 *
 * @param[out] out  receives the result; untouched on failure.
 * @param buf       the bytes; may be NULL only when @p len is 0.
 * @param len       their number, or ::UPL_TEXT_NUL if @p buf is NUL-terminated
 *                  (never use that for UTF-16 or UTF-32 input).
 * @return 0; ::UPL_EINVAL if @p out is NULL or @p buf is NULL with a
 *         non-zero length; ::UPL_ENOMEM; ::UPL_ENOTFOUND if ICU can name no
 *         encoding at all.
 * @since 0.1
 */
UPL_EXTERN int upl_text_detect(upl_text_encoding *out, const char *buf, size_t len);

/**
 * Decode a buffer to NUL-terminated UTF-8.
 *
 * A byte-order mark at the start (U+FEFF once decoded, in a Unicode
 * encoding or GB18030) is dropped and reported in @p info. Invalid or
 * unmappable byte sequences, and a sequence cut short by the end of the
 * buffer, are never dropped or replaced: the call fails with
 * ::UPL_EENCODING and an error whose message names the encoding, the
 * offending bytes and their byte offset in @p buf, and whose line and
 * column (1-based; columns counted in characters; lines end at LF, CR or
 * CRLF) give where they are in the decoded text. The output may contain
 * NUL characters if the input does; @p out_len tells its true length.
 *
 * @param[out] out      the UTF-8 text, NUL-terminated; NULL on failure.
 * @param[out] out_len  its length in bytes (without the NUL); may be NULL.
 * @param buf           the bytes; may be NULL only when @p len is 0.
 * @param len           their number, or ::UPL_TEXT_NUL (see upl_text_detect()).
 * @param encoding      NULL or "auto" to detect with upl_text_detect(); else
 *                      any name ICU knows, case-insensitive ("utf-8",
 *                      "gb18030", "gbk", "big5", "big5-hkscs", "utf-16le" …).
 * @param[out] info     may be NULL; receives the encoding used (confidence
 *                      100 when named by the caller) and whether a BOM was seen.
 * @param[out] err      optional error details.
 * @return 0; ::UPL_EENCODING on an invalid or unmappable sequence;
 *         ::UPL_EINVAL if @p out is NULL, @p buf is NULL with a non-zero
 *         length or the encoding name is unknown; ::UPL_ENOMEM;
 *         ::UPL_ENOTFOUND if detection found nothing.
 * @par Ownership
 * The caller owns *@p out and frees it with upl_free(), and owns *@p err.
 * @since 0.1
 */
UPL_EXTERN int upl_text_to_utf8(char **out, size_t *out_len, const char *buf, size_t len,
				const char *encoding, upl_text_encoding *info, upl_error **err);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Traditional and simplified script
 * @{ */

/** Which script Han text is written in. @since 0.1 */
typedef enum upl_script {
	UPL_SCRIPT_UNKNOWN = 0, /**< No Han text, or nothing tells the scripts apart. */
	UPL_SCRIPT_HANS = 1,    /**< Simplified Chinese (zh-Hans). */
	UPL_SCRIPT_HANT = 2     /**< Traditional Chinese (zh-Hant). */
} upl_script;

/**
 * Tell whether text is in traditional or simplified characters.
 *
 * Each Han character that GB2312 (the simplified character set) encodes
 * and Big5 (the traditional one) does not is a vote for simplified (会,
 * 计); each that Big5 encodes and GB2312 does not is a vote for
 * traditional (會, 計). Characters both share (工, 作) and characters
 * neither has do not vote. The majority wins; a tie is unknown.
 * Invalid UTF-8 bytes are skipped.
 *
 * @param s    the text; NULL gives ::UPL_SCRIPT_UNKNOWN.
 * @param len  its length in bytes, or ::UPL_TEXT_NUL.
 * @return the script.
 * @since 0.1
 */
UPL_EXTERN upl_script upl_text_script(const char *s, size_t len);

/**
 * Convert traditional characters to simplified ones with ICU's
 * "Traditional-Simplified" transform (工會工作計劃 → 工会工作计划).
 *
 * Text that is already simplified is kept unchanged: when
 * upl_text_script() does not say ::UPL_SCRIPT_HANT, only characters
 * outside GB2312 that the transform changes (a stray 曆 in a simplified
 * plan) are converted, one by one, so that simplified characters the
 * transform would wrongly touch (显著 → 显着, 与时俱进 → 与时具进) stay as
 * they are. Traditional text goes through the transform as a whole,
 * with ICU's context rules and its few mistakes (與時俱進 → 与时具进,
 * 乾隆 → 干隆). Only Han characters are ever changed:
 * punctuation stays as written (「工會」 → 「工会」, not “工会”).
 *
 * @param[out] out      the converted text, NUL-terminated; NULL on failure.
 * @param[out] out_len  its length in bytes; may be NULL.
 * @param s             the text (UTF-8).
 * @param len           its length in bytes, or ::UPL_TEXT_NUL.
 * @param[out] err      optional error details.
 * @return 0; ::UPL_EINVAL if @p out or @p s is NULL or @p s is not valid
 *         UTF-8; ::UPL_ENOMEM; ::UPL_EENCODING if ICU's transform is missing.
 * @par Ownership
 * The caller frees *@p out with upl_free() and owns *@p err.
 * @since 0.1
 */
UPL_EXTERN int upl_text_to_simplified(char **out, size_t *out_len, const char *s, size_t len,
				      upl_error **err);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Normalisation for matching
 * @{ */

/**
 * upl_text_normalize() flag: also turn full-width ASCII punctuation
 * (U+FF01..U+FF5E: （）：，．／ …) into ASCII. Without it, punctuation is
 * kept as written. Chinese punctuation outside that block (、。“”《》
 * 【】) is never changed.
 */
#define UPL_TEXT_NORM_PUNCT 1u

/**
 * Normalise text for matching and comparison.
 *
 * - full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) become ASCII;
 * - U+3000, U+00A0 and the other Unicode space separators become U+0020;
 * - compatibility forms become the characters they stand for (NFKC of
 *   that character alone): Kangxi and CJK radicals (⼯ → 工), CJK
 *   compatibility ideographs, Latin ligatures (ﬁ → fi), half-width
 *   katakana and half-width CJK punctuation (ｶ → カ, ｡ → 。);
 * - everything else, Chinese punctuation, circled numbers (①) and
 *   parenthesised numbers (⑴) included, is kept as written, so that
 *   labels stay recognisable.
 *
 * @param[out] out      the normalised text, NUL-terminated; NULL on failure.
 * @param[out] out_len  its length in bytes; may be NULL.
 * @param s             the text (UTF-8).
 * @param len           its length in bytes, or ::UPL_TEXT_NUL.
 * @param flags         0 or ::UPL_TEXT_NORM_PUNCT.
 * @param[out] err      optional error details.
 * @return 0; ::UPL_EINVAL if @p out or @p s is NULL, @p flags has unknown
 *         bits or @p s is not valid UTF-8; ::UPL_ENOMEM.
 * @par Ownership
 * The caller frees *@p out with upl_free() and owns *@p err.
 * @since 0.1
 */
UPL_EXTERN int upl_text_normalize(char **out, size_t *out_len, const char *s, size_t len,
				  unsigned int flags, upl_error **err);

/**
 * @return how many bytes of spaces (U+0020, tab, U+3000, U+00A0) @p s
 * starts with; 0 when @p s is NULL. Leading spaces are skipped by
 * upl_text_label_parse() and upl_text_month_parse(): the label or phrase
 * they report starts this many bytes into @p s.
 * @param s    the text.
 * @param len  its length in bytes, or ::UPL_TEXT_NUL.
 * @since 0.1
 */
UPL_EXTERN size_t upl_text_space_len(const char *s, size_t len);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Chinese numerals
 * @{ */

/**
 * Parse the numeral at the very start of @p s (no leading spaces).
 *
 * Accepted forms:
 * - Arabic digits, ASCII or full-width, mixed freely (2013, ２０１３);
 * - Chinese digits 零 〇 一 二 三 四 五 六 七 八 九, with 两/兩 for 2 and
 *   the financial forms 壹 贰/貳 叁/叄/參 肆 伍 陆/陸 柒 捌 玖;
 *   ○ (U+25CB) counts as zero only inside a run of digits;
 * - a run of two or more Chinese digits is read digit by digit
 *   (二○一三 = 二〇一三 = 2013, 〇八 = 8);
 * - with units 十/拾 百/佰 千/仟 and sections 万/萬 亿/億: 十二, 二十八,
 *   一百零五, 一百一十 (and the colloquial 一百十 = 110), 三千零二十,
 *   一万二千, 十万; a digit right after a unit of 100 or more, with no 零,
 *   counts in the next lower place (一百五 = 150, 一万五 = 15000);
 * - Arabic numbers as coefficients or trailing parts (2千 = 2000,
 *   12万 = 120000, 3万2500 = 32500, 3万5 = 35000).
 *
 * Parsing stops at the first character that cannot continue the numeral
 * (二十八个 consumes 二十八). A trailing 零 is not consumed; 两 right
 * after a unit is not a digit (十两 consumes 十).
 *
 * @par Errors, exactly
 * - ::UPL_ENOTFOUND: @p s does not start with a digit or with 十/拾;
 *   a lone ○, and 百/千/万/亿 with no coefficient (千方百计), are not numerals.
 * - ::UPL_EINVAL: a unit repeated or out of order inside a section
 *   (十十, 十百, 一百二百), a section unit repeated or out of order
 *   (一万二万, 一万亿 is not supported), 零 before a unit (零十) or twice
 *   in a row (一千零零五) or right after a digit (一百五零), a digit run
 *   followed by a unit (二〇一三十,
 *   一二十), 两 inside a digit run, a Chinese digit right after another
 *   value (二十八九), a section of 10000 or more before 万 or of 10^8 or
 *   more before 亿, an Arabic coefficient other than 1..9 before 十/百/千,
 *   and an Arabic trailing part that is not below the unit before it.
 * - ::UPL_ERANGE: the value does not fit in a long.
 *
 * @param[out] out       the value; untouched on failure.
 * @param[out] consumed  bytes of @p s that make the numeral; may be NULL.
 *                       On ::UPL_EINVAL and ::UPL_ERANGE it receives the
 *                       length of the numeral characters examined, so that
 *                       a caller can skip them; on ::UPL_ENOTFOUND 0.
 * @param s              the text; NULL gives ::UPL_EINVAL.
 * @param len            its length in bytes, or ::UPL_TEXT_NUL.
 * @return 0, ::UPL_ENOTFOUND, ::UPL_EINVAL or ::UPL_ERANGE as above;
 *         ::UPL_EINVAL also if @p out or @p s is NULL.
 * @since 0.1
 */
UPL_EXTERN int upl_text_numeral_parse(long *out, size_t *consumed, const char *s, size_t len);

/**
 * upl_text_numeral_format() flag: write digit by digit with 〇 for zero,
 * as years are written (2013 → 二〇一三, 2008 → 二〇〇八).
 */
#define UPL_TEXT_NUMERAL_YEAR 1u

/**
 * Write a number in Chinese numerals.
 *
 * Without flags, the standard form: 0 → 零, 10 → 十, 12 → 十二,
 * 28 → 二十八, 105 → 一百零五, 110 → 一百一十, 1005 → 一千零五,
 * 10010 → 一万零一十, 100000 → 十万, 10^8 → 一亿. upl_text_numeral_parse()
 * reads every result back to the same number.
 *
 * @param[out] out  the numeral (UTF-8, NUL-terminated); untouched on failure.
 * @param n         the number: 0..999999999999 (below 10^12) in the
 *                  standard form, any n >= 0 with ::UPL_TEXT_NUMERAL_YEAR.
 * @param flags     0 or ::UPL_TEXT_NUMERAL_YEAR.
 * @return 0; ::UPL_ERANGE if @p n is negative or too large; ::UPL_EINVAL if
 *         @p out is NULL or @p flags has unknown bits; ::UPL_ENOMEM.
 * @par Ownership
 * The caller frees *@p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_text_numeral_format(char **out, long n, unsigned int flags);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Numbering labels
 * @{ */

/**
 * How a heading or item label is written. The GB/T 9704 level of each
 * style is given in brackets (see upl_text_label_level()). Values only grow.
 * @since 0.1
 */
typedef enum upl_label_style {
	UPL_LABEL_NONE = 0,         /**< Not a label. */
	UPL_LABEL_HAN_COMMA = 1,    /**< 一、 一， 一, 一. 一． 第一、 (level 1). */
	UPL_LABEL_HAN_PAREN = 2,    /**< （一） (一) ( 三) （一）． （一）、 （一）. 一） ㈠ (level 2). */
	UPL_LABEL_DIGIT_DOT = 3,    /**< 1． 1. ⒈ (level 3). */
	UPL_LABEL_DIGIT_COMMA = 4,  /**< 1、 1， 1, (level 3). */
	UPL_LABEL_DIGIT_PAREN = 5,  /**< （1） (1) (1)、 1） 1) (level 4). */
	UPL_LABEL_PAREN_CHAR = 6,   /**< ⑴ ⑵ … ⒇, U+2474..U+2487 (level 4). */
	UPL_LABEL_CIRCLED = 7       /**< ① … ㊿, ❶ … ❿, ➀ … ➓, ⓫ … ⓴, ⓵ … ⓾ (level 5). */
} upl_label_style;

/** A label recognised by upl_text_label_parse(). @since 0.1 */
typedef struct upl_text_label {
	upl_label_style style; /**< How it is written. */
	int level;             /**< GB/T 9704 level: 1 一、 › 2 （一） › 3 1. › 4 （1） › 5 ①. */
	long number;           /**< Its number, 1 or more. */
	/** Bytes of the label as written, with its own punctuation (（一）． is one
	 *  label); it starts upl_text_space_len() bytes into the text. */
	size_t label_len;
	/** Bytes from the start of the text to the text after the label and
	 *  any spaces after it (the length of the text when nothing follows). */
	size_t text_offset;
} upl_text_label;

/**
 * Recognise a numbering label at the start of a line (after leading spaces).
 *
 * Full-width and ASCII punctuation are alike: （ and (, ） and ), 、 ，
 * and , , ． and . are interchangeable, spaces inside parentheses are
 * allowed (( 三)), and one trailing 、 ， , ． or . after a closing
 * parenthesis or a circled number belongs to the label ((1)、 （一）．).
 * Han numbers are 1..99 written with units or as one digit (十二、 is 12;
 * 二〇一三、 is not a label); Arabic numbers have one to three digits.
 *
 * Not labels (::UPL_ENOTFOUND):
 * - years and amounts: 2012学年, 2013年订报, 1.5万, 1,000 (a dot or an
 *   ASCII comma followed directly by a digit never ends a label), numbers
 *   of four digits or more;
 * - dates: 9/10, 12/31, 9月10日, 3.8, and Han numbers joined by a dot to
 *   another numeral (三.八, 五.一 are dates, see upl_text_date_find());
 * - 0 (0. 〇、), and numbers with no punctuation (一是, 1号).
 *
 * "5. 2013年订报工作" is label 5 whose text is "2013年订报工作": after a
 * space, a digit is text.
 *
 * @note Month spans start like labels: 七、八月份 and 7、8月份 would be
 * read as label 7. Callers that meet both (schedules) must try
 * upl_text_month_parse() first and take the line as a label only when it
 * is not a month phrase.
 *
 * @param[out] out  the label; untouched on failure.
 * @param s         the line.
 * @param len       its length in bytes, or ::UPL_TEXT_NUL.
 * @return 0; ::UPL_ENOTFOUND when there is no label; ::UPL_EINVAL if
 *         @p out or @p s is NULL.
 * @since 0.1
 */
UPL_EXTERN int upl_text_label_parse(upl_text_label *out, const char *s, size_t len);

/**
 * @return the GB/T 9704 level of a style (1..5; DIGIT_DOT and DIGIT_COMMA
 * are both 3, DIGIT_PAREN and PAREN_CHAR both 4), or 0 for
 * ::UPL_LABEL_NONE and unknown values.
 * @param style  a label style.
 * @since 0.1
 */
UPL_EXTERN int upl_text_label_level(upl_label_style style);

/**
 * Write a label in its canonical form, as the text exporter prints
 * GB/T 9704 numbering: 一、 （一） 1. 1、 （1） ⑴ ①.
 *
 * @param[out] out  the label (UTF-8, NUL-terminated); untouched on failure.
 * @param style     the style (not ::UPL_LABEL_NONE).
 * @param number    1..99 for the Han styles, 1..999 for the digit styles,
 *                  1..20 for ::UPL_LABEL_PAREN_CHAR, 1..50 for ::UPL_LABEL_CIRCLED.
 * @return 0; ::UPL_ERANGE if @p number is outside its range; ::UPL_EINVAL
 *         if @p out is NULL or the style is unknown; ::UPL_ENOMEM.
 * @par Ownership
 * The caller frees *@p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_text_label_format(char **out, upl_label_style style, long number);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Month and date phrases
 * @{ */

/** A month heading recognised by upl_text_month_parse(). @since 0.1 */
typedef struct upl_text_month {
	int year;         /**< The year written (二○一三年一月份 → 2013); 0 when none is. */
	int year_unknown; /**< 1 when the year is written but anonymised (xx年, XX年, ××年, __年, ＿＿年), else 0. */
	int month;        /**< 1..12. */
	int to;           /**< Last month of a span (七、八月份 → 8), else 0; may be below the month across the year's end (十二月至一月). */
	/** Bytes of the phrase as written, including 份; it starts
	 *  upl_text_space_len() bytes into the text. */
	size_t len;
	/** Bytes from the start of the text to what follows the phrase, after
	 *  spaces, one ： or : and spaces again. */
	size_t text_offset;
} upl_text_month;

/**
 * Recognise a month heading at the start of a line (after leading spaces).
 *
 * Forms: 九月 九月份 9月 9月份 ９月 十二月份 4月份; with a year before it
 * (二○一三年一月份, 2013年1月, xx年3月: four Arabic or Chinese digits, or
 * one to four of x X × _ ＿ ｘ Ｘ, then 年); spans 七、八月份 7、8月份
 * 七八月 (two adjacent one-character Chinese months, the second following
 * the first) 7-8月 1———2月 7~8月 7至8月 7月—8月 4月—5月 7月至8月
 * (dashes: - – — ― － ~ ～ 〜, repeated or not, or 至 or 到). Arabic
 * months have one or two digits.
 *
 * Not month headings (::UPL_ENOTFOUND):
 * - a month outside 1..12 (13月, 0月);
 * - the start of a date: 月 followed by a numeral (9月10日, 9月10号, 九月一日);
 * - part of a month: 月 (or 月份) followed by 初 底 末 上旬 中旬 下旬 前
 *   后 後 以 间 間 (9月底, 9月上旬, 9月前后); such a phrase describes a time
 *   within an activity, not a heading;
 * - a year without a month (2013年度), 月份 with no number.
 *
 * Whatever follows the phrase is the caller's to judge: "三月份召开教代会"
 * is month 3 with text "召开教代会". Try this before upl_text_label_parse()
 * on schedule lines (七、八月份 is a span, not label 7).
 *
 * @param[out] out  the phrase; untouched on failure.
 * @param s         the line.
 * @param len       its length in bytes, or ::UPL_TEXT_NUL.
 * @return 0; ::UPL_ENOTFOUND; ::UPL_EINVAL if @p out or @p s is NULL.
 * @since 0.1
 */
UPL_EXTERN int upl_text_month_parse(upl_text_month *out, const char *s, size_t len);

/** A date phrase found by upl_text_date_find(). @since 0.1 */
typedef struct upl_text_date {
	int year;     /**< The year written, 0 when the phrase has none or it is anonymised (xx年9月10日, XX-02-26). */
	int month;    /**< 1..12. */
	int day;      /**< 1..31, a day that exists in that month (29 February only in leap years or with no year). */
	size_t start; /**< Byte offset of the phrase in the text. */
	size_t len;   /**< Its length in bytes. */
} upl_text_date;

/**
 * Find the first date phrase in @p s that starts at or after byte @p from.
 *
 * Forms (numbers in Arabic digits, ASCII or full-width, or in Chinese):
 * - 2012年9月10日, 二〇一二年九月十日, xx年9月10日 (also with 号 or 號);
 * - 9月10日, 9月10号, 九月十日;
 * - 2012-09-10, 2012-9-10, 2012.9.10, 2012/9/10, XX-02-26 (the same
 *   separator twice; a four-digit or anonymised year). A day glued to a
 *   following four-digit year and 年, as scraped pages join lines
 *   (XX-02-262017年度), ends before that year;
 * - 9/10, 12/31, and the date part of （12/31） (a slash between a
 *   month and a day of one or two digits each, with no digit or slash on
 *   either side);
 * - M.D in Chinese numerals, with . ． · or ・ (三.八, 五.一, 五.四,
 *   三・八): always a date;
 * - M.D in Arabic digits (3.8, 5.1) only where it cannot be a decimal or
 *   a label: nothing but a quotation mark or bracket before it and after
 *   it (“3.8”, （5.1）), or followed by 节/節, directly or after at most
 *   three more Han characters (3.8节, 3.8妇女节, 5.1劳动节); never when a
 *   digit, dot, letter or % touches it (1.5万, 3.8%, 增长3.8 are not dates).
 *
 * A phrase never starts inside a number: the character before it must not
 * be a digit (nor a Chinese digit, for Chinese numerals). Impossible dates
 * (2/30, 13/1, 2013年2月29日) are not dates, and the search goes on after
 * them. 三八 and 五一 without a dot are not recognised (too ambiguous). If
 * @p from falls inside a UTF-8 sequence the search starts at the next
 * character; invalid bytes are stepped over.
 *
 * @param[out] out  the date; untouched on failure.
 * @param s         the text.
 * @param len       its length in bytes, or ::UPL_TEXT_NUL.
 * @param from      where to start looking (byte offset; > length gives ::UPL_ENOTFOUND).
 * @return 0; ::UPL_ENOTFOUND when there is no date; ::UPL_EINVAL if
 *         @p out or @p s is NULL.
 * @since 0.1
 */
UPL_EXTERN int upl_text_date_find(upl_text_date *out, const char *s, size_t len, size_t from);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Collation
 * @{ */

/**
 * An ICU collator for sorting Chinese text (pinyin order by default).
 *
 * @par Ownership
 * Made by upl_text_collator_new(), released with upl_text_collator_free().
 * @par Threads
 * One collator must not be used by two threads at once; make one per thread.
 * @since 0.1
 */
typedef struct upl_text_collator upl_text_collator;

/**
 * Make a collator.
 * @param[out] out  the collator; NULL on failure.
 * @param locale    ICU locale ID; NULL means "zh" (pinyin order). Others:
 *                  "zh@collation=stroke" (stroke order), "zh-Hant" (stroke,
 *                  as used for traditional text), "zh@collation=zhuyin",
 *                  "und" (root order). An unknown locale falls back to the
 *                  root order, as ICU does.
 * @param[out] err  optional error details.
 * @return 0; ::UPL_EINVAL if @p out is NULL or ICU rejects the locale ID;
 *         ::UPL_ENOMEM.
 * @par Ownership
 * The caller frees *@p out with upl_text_collator_free().
 * @since 0.1
 */
UPL_EXTERN int upl_text_collator_new(upl_text_collator **out, const char *locale, upl_error **err);

/** Release a collator. NULL is a no-op. @param coll the collator. @since 0.1 */
UPL_EXTERN void upl_text_collator_free(upl_text_collator *coll);

/**
 * Compare two strings (王 < 张 < 赵 in pinyin order, since wáng < zhāng < zhào).
 * @param[out] out  negative, 0 or positive as @p a sorts before, with or after @p b.
 * @param coll      the collator.
 * @param a         first string (UTF-8).
 * @param alen      its length in bytes, or ::UPL_TEXT_NUL.
 * @param b         second string (UTF-8).
 * @param blen      its length in bytes, or ::UPL_TEXT_NUL.
 * @return 0; ::UPL_EINVAL if an argument is NULL or a string is not valid UTF-8.
 * @since 0.1
 */
UPL_EXTERN int upl_text_collate(int *out, upl_text_collator *coll, const char *a, size_t alen,
				const char *b, size_t blen);

/**
 * Sort an array of NUL-terminated UTF-8 strings in place, stably.
 * @param coll     the collator.
 * @param strings  the array; only the pointers move.
 * @param n        the number of strings.
 * @param[out] err optional error details.
 * @return 0; ::UPL_EINVAL if @p coll is NULL, @p strings is NULL with
 *         @p n > 0, or a string is NULL or not valid UTF-8 (the array is
 *         then unchanged); ::UPL_ENOMEM.
 * @since 0.1
 */
UPL_EXTERN int upl_text_sort(upl_text_collator *coll, const char **strings, size_t n, upl_error **err);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Display width and line wrapping
 * @{ */

/**
 * Width flag: count East Asian ambiguous characters (“ ” ‘ ’ … — · ①
 * and many more) as two columns, as Chinese terminals and fonts show them.
 * Without it they count as one.
 */
#define UPL_TEXT_WIDTH_AMBIGUOUS_WIDE 1u

/**
 * Display width of a string in terminal columns, by the East Asian Width
 * property (UAX #11): wide and full-width characters count 2, ambiguous
 * ones 1 (2 with ::UPL_TEXT_WIDTH_AMBIGUOUS_WIDE), others 1; combining
 * marks, format and default-ignorable characters, and control characters
 * (tab and newline included) count 0.
 *
 * @param[out] out  the width.
 * @param s         the text (UTF-8).
 * @param len       its length in bytes, or ::UPL_TEXT_NUL.
 * @param flags     0 or ::UPL_TEXT_WIDTH_AMBIGUOUS_WIDE.
 * @return 0; ::UPL_EINVAL if @p out or @p s is NULL, @p flags has unknown
 *         bits or @p s is not valid UTF-8.
 * @since 0.1
 */
UPL_EXTERN int upl_text_width(size_t *out, const char *s, size_t len, unsigned int flags);

/** One line of wrapped text: a byte range of the input. @since 0.1 */
typedef struct upl_text_span {
	size_t offset; /**< Byte offset of the line in the text. */
	size_t len;    /**< Its length in bytes (no line break, no trailing spaces at a wrap). */
} upl_text_span;

/**
 * Wrap text into lines of at most a given display width.
 *
 * Lines break where ICU's line-break rules (UAX #14, Chinese locale) allow:
 * between Han characters, after spaces, never before closing punctuation
 * (，。、）」” …) nor after opening punctuation. Hard line breaks (LF, CR,
 * CRLF, U+2028, U+2029) end a line. Spaces where a line is wrapped are
 * left out of both lines; indentation after a hard break is kept when the
 * first piece of text fits after it, and dropped otherwise. A piece
 * with no break opportunity wider than the width is split between
 * characters (grapheme clusters, never inside a UTF-8 sequence), and not
 * before a closing punctuation mark; if that cannot fit, the line runs
 * over the width rather than break there.
 *
 * @param[out] out    array of lines, in order; NULL on failure (and when
 *                    the text is empty, with @p count 0).
 * @param[out] count  the number of lines. Empty input gives no lines; an
 *                    empty line between two hard breaks is a line of length 0.
 * @param s           the text (UTF-8).
 * @param len         its length in bytes, or ::UPL_TEXT_NUL.
 * @param first_width width of the first line (for a hanging label or an
 *                    indent); 0 means @p width.
 * @param width       width of the other lines, in columns (>= 1).
 * @param flags       0 or ::UPL_TEXT_WIDTH_AMBIGUOUS_WIDE.
 * @param[out] err    optional error details.
 * @return 0; ::UPL_EINVAL if a pointer is NULL, @p width is 0, @p flags has
 *         unknown bits or @p s is not valid UTF-8; ::UPL_ENOMEM;
 *         ::UPL_EENCODING if ICU's break rules cannot be loaded.
 * @par Ownership
 * The caller frees *@p out with upl_free().
 * @since 0.1
 */
UPL_EXTERN int upl_text_wrap_lines(upl_text_span **out, size_t *count, const char *s, size_t len,
				   size_t first_width, size_t width, unsigned int flags,
				   upl_error **err);

/**
 * Wrap text as upl_text_wrap_lines() does and join the lines with "\n".
 * @param[out] out      the wrapped text, NUL-terminated ("" for empty input).
 * @param[out] out_len  its length in bytes; may be NULL.
 * @param s             the text (UTF-8).
 * @param len           its length in bytes, or ::UPL_TEXT_NUL.
 * @param width         maximum width of every line in columns (>= 1).
 * @param flags         0 or ::UPL_TEXT_WIDTH_AMBIGUOUS_WIDE.
 * @param[out] err      optional error details.
 * @return as upl_text_wrap_lines().
 * @par Ownership
 * The caller frees *@p out with upl_free() and owns *@p err.
 * @since 0.1
 */
UPL_EXTERN int upl_text_wrap(char **out, size_t *out_len, const char *s, size_t len, size_t width,
			     unsigned int flags, upl_error **err);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* UNIONPLAN_TEXT_H */

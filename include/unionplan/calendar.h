/**
 * @file unionplan/calendar.h
 * @brief The calendar of a Chinese school year: the official lunisolar
 *        calendar, the 24 solar terms, festivals, statutory holidays with
 *        adjusted working days (调休), and school periods (学年, 学期).
 *
 * - **Lunar dates.** For lunar years 1901–2100 (Gregorian 1901-02-19 to
 *   2101-01-28) every answer comes from the library's own table of month
 *   starts, which follows the official calendar (GB/T 33661-2017, the Hong
 *   Kong Observatory tables). Outside that range the answer is computed by
 *   ICU's Chinese calendar, and the result says so (::upl_lunar_source).
 *   A lunar year is numbered by the Gregorian year in which its 正月初一
 *   falls: 2013-02-09 (除夕) is lunar year 2012, month 12, day 29.
 * - **Solar terms** are computed from the sun's apparent longitude in China
 *   Standard Time (UTC+8); within 1901–2100 a handful of instants that fall
 *   within a minute or two of midnight are settled by a table of exceptions.
 * - **Festivals** are named by stable keys (`mid-autumn`), with Chinese
 *   names in simplified and traditional script and the aliases people write.
 * - **Statutory arrangements** come from a data file (doc/calendar.md gives
 *   its format) embedded in the library; more can be loaded at run time.
 *   A year without data is reported as unknown, never guessed.
 *
 * Every function here is safe to call from several threads at once; an
 * ::upl_calendar may be shared between threads as long as nobody loads data
 * into it at the same time. The only process-wide object is the embedded
 * arrangement data, parsed once on first use and read-only afterwards.
 */
#ifndef UNIONPLAN_CALENDAR_H
#define UNIONPLAN_CALENDAR_H

#include "common.h"
#include "date.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/** @name Lunar dates */
/** @{ */

/** First lunar year answered from the library's own table. */
#define UPL_LUNAR_TABLE_FIRST_YEAR 1901
/** Last lunar year answered from the library's own table. */
#define UPL_LUNAR_TABLE_LAST_YEAR 2100

/** Where a lunar date came from. Values only grow. @since 0.1 */
typedef enum upl_lunar_source {
	UPL_LUNAR_SOURCE_TABLE = 1, /**< the library's official table (lunar years 1901–2100) */
	UPL_LUNAR_SOURCE_ICU = 2    /**< computed by ICU's Chinese calendar (outside the table) */
} upl_lunar_source;

/** A date of the Chinese lunisolar calendar. @since 0.1 */
typedef struct upl_lunar_date {
	int year;   /**< the Gregorian year in which this lunar year's 正月初一 falls */
	int month;  /**< 1..12 (1 = 正月) */
	int leap;   /**< 1 for the leap copy of the month (闰月), else 0 */
	int day;    /**< 1..30 */
	upl_lunar_source source; /**< where the answer came from */
} upl_lunar_date;

/**
 * Convert a Gregorian date to the lunar calendar.
 *
 * Within the table's range this is a few arithmetic operations: no ICU
 * call, no allocation.
 * @param[out] out  the lunar date; untouched on failure.
 * @param d         a valid date with a known year.
 * @return 0; ::UPL_EINVAL if @p out is NULL or @p d is not a valid date;
 * ::UPL_ERANGE if the date lies before lunar year 1 (January of year 1)
 * or ICU cannot compute it; ::UPL_ENOMEM if ICU ran out of memory.
 * @since 0.1
 */
UPL_EXTERN int upl_lunar_from_date(upl_lunar_date *out, upl_date d);

/**
 * Convert a lunar date to the Gregorian calendar. A date that does not
 * exist is an error, never moved to a neighbour: day 30 of a 29-day month,
 * a leap flag on a month that has no leap copy that year.
 * @param[out] out     the Gregorian date; untouched on failure.
 * @param[out] source  where the answer came from (may be NULL).
 * @param year         lunar year (the Gregorian year of its 正月初一), 1..9999
 * @param month        1..12
 * @param leap         1 for the leap copy of @p month, else 0
 * @param day          1..30
 * @return 0; ::UPL_EINVAL for arguments out of those ranges or a date that
 * does not exist; ::UPL_ERANGE if the date falls after 9999-12-31;
 * ::UPL_ENOMEM if ICU ran out of memory.
 * @since 0.1
 */
UPL_EXTERN int upl_lunar_to_date(upl_date *out, upl_lunar_source *source,
				 int year, int month, int leap, int day);

/**
 * @param year   lunar year, 1..9999
 * @param month  1..12
 * @param leap   1 for the leap copy of @p month
 * @return the number of days of that month (29 or 30); ::UPL_EINVAL if the
 * arguments are out of range or the year has no such leap month;
 * ::UPL_ENOMEM if ICU ran out of memory.
 * @since 0.1
 */
UPL_EXTERN int upl_lunar_month_days(int year, int month, int leap);

/**
 * @param year  lunar year, 1..9999
 * @return the month that has a leap copy in @p year (1..12: 2023 gives 2
 * for 闰二月), 0 if the year has none; ::UPL_EINVAL for a year out of
 * range; ::UPL_ENOMEM if ICU ran out of memory.
 * @since 0.1
 */
UPL_EXTERN int upl_lunar_leap_month(int year);

/**
 * @param year  lunar year, 1..9999
 * @return the sexagenary (干支) name of the lunar year, "壬辰" for 2012, as a
 * static UTF-8 string (the same in simplified and traditional script), or
 * NULL for a year out of range.
 * @since 0.1
 */
UPL_EXTERN const char *upl_lunar_ganzhi(int year);

/**
 * @param year         lunar year, 1..9999
 * @param traditional  non-zero for traditional script (龍 instead of 龙)
 * @return the zodiac animal (生肖) of the lunar year, "龙" for 2012, as a
 * static UTF-8 string, or NULL for a year out of range.
 * @since 0.1
 */
UPL_EXTERN const char *upl_lunar_zodiac(int year, int traditional);

/**
 * @param month        1..12
 * @param leap         1 for the leap copy
 * @param traditional  non-zero for traditional script
 * @return the month's name as a static UTF-8 string: 正月, 二月 … 十月, 冬月
 * (11), 腊月 (12); a leap month has 闰 before it (闰四月); traditional
 * script gives 臘月, 閏四月. NULL for a month out of range.
 * @since 0.1
 */
UPL_EXTERN const char *upl_lunar_month_name(int month, int leap, int traditional);

/**
 * @param day  1..30
 * @return the day's name as a static UTF-8 string: 初一 … 初十, 十一 … 十九,
 * 二十, 廿一 … 廿九, 三十; NULL for a day out of range.
 * @since 0.1
 */
UPL_EXTERN const char *upl_lunar_day_name(int day);

/** Flags of upl_lunar_format(). */
enum {
	UPL_LUNAR_FORMAT_TRADITIONAL = 1u << 0, /**< traditional script (臘月, 閏四月, 龍) */
	UPL_LUNAR_FORMAT_ZODIAC = 1u << 1,      /**< add the zodiac animal: 壬辰龙年八月十五 */
	UPL_LUNAR_FORMAT_NO_YEAR = 1u << 2      /**< leave the year out: 八月十五 */
};

/** A buffer of this many bytes holds any text upl_lunar_format() writes. */
#define UPL_LUNAR_TEXT_SIZE 64

/**
 * Write a lunar date in Chinese: 壬辰年八月十五, 癸巳年闰四月初一,
 * 壬辰年腊月廿九. The text is built from the date's own fields, never by
 * a date formatter.
 * @param[out] buf  receives the NUL-terminated UTF-8 text ("" on failure).
 * @param size      size of @p buf in bytes; ::UPL_LUNAR_TEXT_SIZE is always enough.
 * @param date      the lunar date (its `source` is not used).
 * @param flags     ::UPL_LUNAR_FORMAT_TRADITIONAL, ::UPL_LUNAR_FORMAT_ZODIAC,
 *                  ::UPL_LUNAR_FORMAT_NO_YEAR, combined with `|`.
 * @return 0; ::UPL_EINVAL if a field is out of range (the date's existence
 * is not checked) or an argument is NULL; ::UPL_ERANGE if @p size is too small.
 * @since 0.1
 */
UPL_EXTERN int upl_lunar_format(char *buf, size_t size, const upl_lunar_date *date,
				unsigned int flags);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Solar terms (节气) */
/** @{ */

/** Number of solar terms in a year. */
#define UPL_SOLAR_TERM_COUNT 24

/**
 * The 24 solar terms, numbered in the order they fall in a Gregorian year:
 * term @e i is reached when the sun's apparent longitude is
 * (285 + 15 @e i) mod 360 degrees. Values never change.
 * @since 0.1
 */
typedef enum upl_solar_term {
	UPL_TERM_XIAOHAN = 0,     /**< 小寒, 285° (early January) */
	UPL_TERM_DAHAN = 1,       /**< 大寒, 300° */
	UPL_TERM_LICHUN = 2,      /**< 立春, 315° (early February) */
	UPL_TERM_YUSHUI = 3,      /**< 雨水, 330° */
	UPL_TERM_JINGZHE = 4,     /**< 惊蛰, 345° */
	UPL_TERM_CHUNFEN = 5,     /**< 春分, 0° (vernal equinox) */
	UPL_TERM_QINGMING = 6,    /**< 清明, 15° */
	UPL_TERM_GUYU = 7,        /**< 谷雨, 30° */
	UPL_TERM_LIXIA = 8,       /**< 立夏, 45° */
	UPL_TERM_XIAOMAN = 9,     /**< 小满, 60° */
	UPL_TERM_MANGZHONG = 10,  /**< 芒种, 75° */
	UPL_TERM_XIAZHI = 11,     /**< 夏至, 90° (summer solstice) */
	UPL_TERM_XIAOSHU = 12,    /**< 小暑, 105° */
	UPL_TERM_DASHU = 13,      /**< 大暑, 120° */
	UPL_TERM_LIQIU = 14,      /**< 立秋, 135° */
	UPL_TERM_CHUSHU = 15,     /**< 处暑, 150° */
	UPL_TERM_BAILU = 16,      /**< 白露, 165° */
	UPL_TERM_QIUFEN = 17,     /**< 秋分, 180° (autumnal equinox) */
	UPL_TERM_HANLU = 18,      /**< 寒露, 195° */
	UPL_TERM_SHUANGJIANG = 19, /**< 霜降, 210° */
	UPL_TERM_LIDONG = 20,     /**< 立冬, 225° */
	UPL_TERM_XIAOXUE = 21,    /**< 小雪, 240° */
	UPL_TERM_DAXUE = 22,      /**< 大雪, 255° */
	UPL_TERM_DONGZHI = 23     /**< 冬至, 270° (winter solstice) */
} upl_solar_term;

/**
 * The date (China Standard Time) of a solar term in a Gregorian year.
 *
 * Computed from the sun's apparent longitude; within 1901–2100 the
 * instants that fall within three minutes of midnight take the date of the
 * official tables. Far from our era the calendar and delta T move the terms
 * by days: the term returned is the occurrence that falls in @p year (in
 * 9999, 小寒 falls at the end of December).
 * @param[out] out  the date; untouched on failure.
 * @param year      1..9999
 * @param term      a ::upl_solar_term
 * @return 0, or ::UPL_EINVAL for a year or term out of range.
 * @since 0.1
 */
UPL_EXTERN int upl_solar_term_date(upl_date *out, int year, int term);

/**
 * The computed instant of a solar term, to the minute, in China Standard
 * Time. The date part can differ by a day from upl_solar_term_date() for the
 * instants within a minute or two of midnight that the official tables
 * settle the other way (1917 大雪, 1979 大寒; see doc/calendar.md).
 * @param[out] date    the day of the instant (may be NULL).
 * @param[out] minute  minutes after midnight, 0..1439 (may be NULL).
 * @param year         1..9999
 * @param term         a ::upl_solar_term
 * @return 0, or ::UPL_EINVAL for a year or term out of range.
 * @since 0.1
 */
UPL_EXTERN int upl_solar_term_instant(upl_date *date, int *minute, int year, int term);

/**
 * Which solar term falls on a day.
 * @param[out] term  the ::upl_solar_term; untouched if none.
 * @param d          a valid date.
 * @return 0 if a term falls on @p d; ::UPL_ENOTFOUND if none does;
 * ::UPL_EINVAL for an invalid date or a NULL @p term.
 * @since 0.1
 */
UPL_EXTERN int upl_solar_term_on(int *term, upl_date d);

/**
 * @param term         a ::upl_solar_term
 * @param traditional  non-zero for traditional script (驚蟄, 穀雨, 小滿 …)
 * @return the term's Chinese name ("清明") as a static UTF-8 string, or NULL.
 * @since 0.1
 */
UPL_EXTERN const char *upl_solar_term_name(int term, int traditional);

/**
 * @param term  a ::upl_solar_term
 * @return the term's stable ASCII key, its pinyin without tones
 * ("xiaohan", "qingming", "dongzhi"), as a static string, or NULL.
 * @since 0.1
 */
UPL_EXTERN const char *upl_solar_term_key(int term);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Festivals (节日)
 * The holiday keys are those of the schema's `holiday` attribute:
 * new-year 元旦 1/1, spring-festival-eve 除夕, spring-festival 春节 (lunar
 * 1/1), lantern 元宵节 (lunar 1/15), womens-day 妇女节 3/8, arbor-day 植树节
 * 3/12, qingming 清明节 (solar term), labour-day 劳动节 5/1, youth-day 青年节
 * 5/4, childrens-day 儿童节 6/1, dragon-boat 端午节 (lunar 5/5), party-day
 * 建党节 7/1, army-day 建军节 8/1, qixi 七夕 (lunar 7/7), teachers-day 教师节
 * 9/10, mid-autumn 中秋节 (lunar 8/15), national-day 国庆节 10/1,
 * double-ninth 重阳节 (lunar 9/9), winter-solstice 冬至 (solar term), laba
 * 腊八节 (lunar 12/8).
 */
/** @{ */

/** How a festival's date is fixed. Values only grow. @since 0.1 */
typedef enum upl_holiday_kind {
	UPL_HOLIDAY_GREGORIAN = 1,  /**< a fixed Gregorian month and day */
	UPL_HOLIDAY_LUNAR = 2,      /**< a lunar month and day (除夕: the last day of the 12th month) */
	UPL_HOLIDAY_SOLAR_TERM = 3  /**< a solar term (清明, 冬至) */
} upl_holiday_kind;

/** @return the number of holiday keys (20). @since 0.1 */
UPL_EXTERN size_t upl_holiday_count(void);

/**
 * @param i  0 .. upl_holiday_count() - 1
 * @return the @p i-th holiday key, in the order of the list above (the
 * order of a year: new-year first, laba last), as a static string; NULL
 * when @p i is out of range.
 * @since 0.1
 */
UPL_EXTERN const char *upl_holiday_key(size_t i);

/**
 * @param key  a holiday key
 * @return the ::upl_holiday_kind of @p key, or ::UPL_EINVAL for an unknown key.
 * @since 0.1
 */
UPL_EXTERN int upl_holiday_kind_of(const char *key);

/**
 * @param key          a holiday key ("mid-autumn")
 * @param traditional  non-zero for traditional script
 * @return the festival's Chinese name as a static UTF-8 string (中秋节, or
 * 中秋節 in traditional script), or NULL for an unknown key. The one reason
 * of a statutory arrangement that is no festival (upl_workday_info::reason
 * "victory-day", the 2015 holiday) is named too: 抗战胜利纪念日.
 * @since 0.1
 */
UPL_EXTERN const char *upl_holiday_name(const char *key, int traditional);

/**
 * Recognise a festival from its whole name: the exact text of a name or
 * alias, simplified or traditional, with or without quotation marks around
 * a numeric form: 中秋, 中秋节, 中秋節, 八月十五, 三八, “三八”, 三・八, 三·八,
 * 三.八, 3.8, 3·8, 妇女节, 三八妇女节, 国际妇女节, 五一, 五.一, 五・一,
 * 劳动节, “五一”国际劳动节, 国庆, 国庆节, 十一, 重阳, 敬老节, 老年节, 春节,
 * 过年, 大年初一, 元宵, 正月十五, 端午, 七夕, 腊八, 除夕, 年三十, 教师节,
 * 清明, 冬至 … (doc/calendar.md has the full list). Surrounding white space
 * is not allowed; the comparison is exact otherwise.
 * @param[out] key  the holiday key, a static string; untouched on failure.
 * @param name      UTF-8 text; need not be NUL-terminated.
 * @param len       its length in bytes, or (size_t)-1 if @p name is NUL-terminated.
 * @return 0; ::UPL_ENOTFOUND if the text is no festival's name;
 * ::UPL_EINVAL if @p key or @p name is NULL.
 * @since 0.1
 */
UPL_EXTERN int upl_holiday_from_name(const char **key, const char *name, size_t len);

/** A festival named in running text, found by upl_holiday_find(). @since 0.1 */
typedef struct upl_holiday_match {
	const char *key;   /**< the holiday key (static) */
	size_t start;      /**< byte offset of the name in the text (an opening quotation mark included) */
	size_t len;        /**< its length in bytes */
} upl_holiday_match;

/**
 * Find the first festival named in running text at or after byte offset
 * @p from. At a position the longest name wins (中秋节前 gives mid-autumn,
 * 0, the length of 中秋节), and a quoted numeric form takes its quotation
 * marks and a following name of the same festival with it (“三八”妇女节 is
 * one match, womens-day; “五一”国际劳动节 one match, labour-day).
 *
 * Numeric forms that are ordinary words or numbers in running text — 三八,
 * 五一, 五四, 六一, 七一, 八一, 十一, their dotted forms (三.八, 五・一), 3.8,
 * 5.1 — are recognised only when they are unambiguous: inside quotation
 * marks (“十一”, "五一", 「三八」); followed by a name of the same festival
 * (五.一劳动节) or by 节, 假, 长假, 小长假, 黄金周, 期间, 前夕, 前后, 前, 后 or
 * 活动; or ending a phrase right after 庆, 迎, 祝 or 度 (迎十一。). Never
 * right after a numeral, 第, 初, a digit or a dot: 第十一届, 二十一, 十一月,
 * “十一五”, 十一、, 五一班 are not festivals. 八月十五 is not recognised
 * before 日 or 号, where it is a Gregorian date. Names that sit inside other
 * words in running text (过年 in 度过年轻, 年三十) are recognised by
 * upl_holiday_from_name() only. doc/calendar.md lists every name.
 * @param[out] out  the match; untouched when there is none.
 * @param text      UTF-8 text; need not be NUL-terminated.
 * @param len       its length in bytes.
 * @param from      where to start looking (a byte offset; in the middle of
 *                  a character, the search starts at the next character).
 * @return 0; ::UPL_ENOTFOUND when no festival is named at or after @p from;
 * ::UPL_EINVAL if @p out or @p text is NULL or @p from > @p len.
 * @since 0.1
 */
UPL_EXTERN int upl_holiday_find(upl_holiday_match *out, const char *text, size_t len,
				size_t from);

/**
 * The Gregorian date of a festival in Gregorian year @p year.
 *
 * - Fixed festivals: that day of @p year.
 * - Lunar festivals of months 1–9 (spring-festival, lantern, dragon-boat,
 *   qixi, mid-autumn, double-ninth): that day of the lunar year whose
 *   正月初一 falls in @p year.
 * - spring-festival-eve: the day before spring-festival of @p year (the
 *   last day of the previous lunar year; always in @p year).
 * - laba (腊月初八): the first 腊月初八 that falls in @p year. Usually the
 *   one of the previous lunar year (in January); in some years a second
 *   one follows in late December. Some years have none (2023: 2022-12-30,
 *   then 2024-01-18): ::UPL_ENOTFOUND.
 * - qingming, winter-solstice: the day of the solar term in @p year.
 *
 * Lunar years 1901–2100 come from the library's table, others from ICU.
 * @param[out] out  the date; untouched on failure.
 * @param key       a holiday key.
 * @param year      1..9999
 * @return 0; ::UPL_EINVAL for an unknown key or a year out of range;
 * ::UPL_ENOTFOUND when the festival does not fall in @p year (laba);
 * ::UPL_ENOMEM if ICU ran out of memory.
 * @since 0.1
 */
UPL_EXTERN int upl_holiday_date(upl_date *out, const char *key, int year);

/** One festival on one day, as listed by upl_holiday_list(). @since 0.1 */
typedef struct upl_holiday_occurrence {
	upl_date date;     /**< the day */
	const char *key;   /**< the holiday key (static) */
} upl_holiday_occurrence;

/**
 * List every festival that falls between two dates, both included, in date
 * order (festivals on the same day in the order of upl_holiday_key()).
 * Both occurrences of laba are listed when a Gregorian year has two.
 * @param[out] out    an array of @p max entries (may be NULL when @p max is 0).
 * @param max         how many entries @p out holds.
 * @param[out] count  the number of festivals in the range (may exceed @p max).
 * @param from        first day
 * @param to          last day, not before @p from
 * @return 0 when all of them fit in @p out; ::UPL_ERANGE when @p out was too
 * small (the first @p max are written; call again with *@p count entries);
 * ::UPL_EINVAL for invalid dates, @p to before @p from, or a NULL @p count;
 * ::UPL_ENOMEM if ICU ran out of memory.
 * @since 0.1
 */
UPL_EXTERN int upl_holiday_list(upl_holiday_occurrence *out, size_t max, size_t *count,
				upl_date from, upl_date to);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Statutory holidays and working days */
/** @{ */

/**
 * A set of statutory arrangements (放假安排 and 调休), one per year. A new
 * set holds the data embedded in the library (2007–2026, from the State
 * Council notices); more years can be loaded from files in the format of
 * doc/calendar.md.
 * @since 0.1
 */
typedef struct upl_calendar upl_calendar;

/**
 * Create a set of arrangements holding the embedded data.
 * @param[out] out  the new set.
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EINVAL if @p out is NULL; ::UPL_ENOMEM.
 * @par Ownership
 * The caller owns the set and frees it with upl_calendar_free().
 * @since 0.1
 */
UPL_EXTERN int upl_calendar_new(upl_calendar **out, upl_error **err);

/**
 * Load arrangements from a data file. Each year the file holds replaces
 * that year's arrangement in @p cal, or adds it; other years are kept.
 * The whole file is checked first: on any error @p cal is unchanged.
 * @param cal       the set to update.
 * @param path      the file (UTF-8, the format of doc/calendar.md).
 * @param[out] err  details on failure (optional): the file, line and column.
 * @return 0; ::UPL_EIO if the file cannot be read; ::UPL_EPARSE if it is
 * not a valid data file; ::UPL_EINVAL for NULL arguments; ::UPL_ENOMEM.
 * @par Ownership
 * Nothing is kept of @p path.
 * @since 0.1
 */
UPL_EXTERN int upl_calendar_load_file(upl_calendar *cal, const char *path, upl_error **err);

/**
 * Load arrangements from a buffer, as upl_calendar_load_file() does.
 * @param cal       the set to update.
 * @param buf       the data (need not be NUL-terminated).
 * @param len       its length in bytes.
 * @param name      the name to give in errors (may be NULL: "<buffer>").
 * @param[out] err  details on failure (optional).
 * @return 0; ::UPL_EPARSE; ::UPL_EINVAL; ::UPL_ENOMEM.
 * @par Ownership
 * Nothing is kept of @p buf or @p name.
 * @since 0.1
 */
UPL_EXTERN int upl_calendar_load_buffer(upl_calendar *cal, const char *buf, size_t len,
					const char *name, upl_error **err);

/** Release a set of arrangements. NULL is a no-op. @param cal the set. @since 0.1 */
UPL_EXTERN void upl_calendar_free(upl_calendar *cal);

/**
 * @param cal   a set, or NULL for the embedded data.
 * @param year  a Gregorian year.
 * @return 1 if @p cal holds the arrangement for @p year, else 0.
 * @since 0.1
 */
UPL_EXTERN int upl_calendar_has_year(const upl_calendar *cal, int year);

/** Whether a day is worked. Values only grow. @since 0.1 */
typedef enum upl_day_status {
	UPL_DAY_UNKNOWN = 0,  /**< no official data for that year */
	UPL_DAY_WORKDAY = 1,  /**< a working day */
	UPL_DAY_OFF = 2       /**< a day off: a statutory holiday or a weekend */
} upl_day_status;

/** The answer of upl_calendar_workday(). @since 0.1 */
typedef struct upl_workday_info {
	upl_day_status status; /**< workday, day off, or unknown */
	/**
	 * Why, as a static string: the holiday key of the arrangement for a
	 * statutory day off ("spring-festival"; "national-day" for the
	 * combined 国庆节、中秋节 arrangements; "victory-day" for the one-off
	 * 2015 V-Day holiday of 3–5 September); "weekend"; "adjusted-workday"
	 * for a Saturday or Sunday worked under an arrangement (调休上班);
	 * "" for an ordinary working day and for an unknown day.
	 */
	const char *reason;
} upl_workday_info;

/**
 * Whether a day is an official working day.
 *
 * A day listed by an arrangement takes its status from it (the arrangement
 * of year Y+1 comes first for days of December of year Y that its notice
 * covers). Any other day of a year whose arrangement is known is a day off
 * on Saturday and Sunday and a working day otherwise. A day of a year
 * without an arrangement is ::UPL_DAY_UNKNOWN.
 * @param[out] out  the answer.
 * @param cal       a set, or NULL for the embedded data (parsed once on
 *                  first use, then immutable and shared by all threads).
 * @param d         a valid date.
 * @return 0 (also for unknown days); ::UPL_EINVAL for an invalid date or a
 * NULL @p out; ::UPL_ENOMEM if the embedded data could not be set up.
 * @since 0.1
 */
UPL_EXTERN int upl_calendar_workday(upl_workday_info *out, const upl_calendar *cal, upl_date d);

/**
 * Count the official working days between two dates, both included (as
 * the answers of upl_calendar_workday() would count them, adjusted working
 * days included, statutory days off and weekends left out).
 * @param[out] out  the number of working days; untouched on failure. A
 *                  range that ends before it starts (@p end before
 *                  @p start) holds no day: 0.
 * @param cal       a set, or NULL for the embedded data.
 * @param start     the first day, a valid date.
 * @param end       the last day, a valid date.
 * @return 0; ::UPL_ENOTFOUND if a day of the range lies in a year without
 * an arrangement (never guessed); ::UPL_EINVAL for an invalid date or a
 * NULL @p out; ::UPL_ENOMEM if the embedded data could not be set up.
 * @since 0.1
 */
UPL_EXTERN int upl_calendar_workdays_between(long *out, const upl_calendar *cal,
					     upl_date start, upl_date end);

/**
 * The date a number of working days after (or before) a day.
 *
 * @p d is first moved forward to a working day (it stays where it is when
 * it is one), then by @p n working days: forward when @p n is positive,
 * back when it is negative. So @p n = 0 gives @p d itself on a working day
 * and the next working day otherwise; from Friday 2012-09-28, 1 gives
 * Saturday 2012-09-29 (an adjusted working day) and 2 gives 2012-10-08;
 * from a day off, -1 gives the last working day before it. This is the
 * rule of numpy's busday_offset with roll='forward' and of the
 * chinese_calendar package's find_workday.
 * @param[out] out  the date; untouched on failure.
 * @param cal       a set, or NULL for the embedded data.
 * @param d         a valid date.
 * @param n         how many working days to move (negative: back).
 * @return 0; ::UPL_ENOTFOUND if the walk reaches a day of a year without
 * an arrangement (never guessed); ::UPL_ERANGE if it leaves years
 * 1..9999; ::UPL_EINVAL for an invalid date or a NULL @p out;
 * ::UPL_ENOMEM if the embedded data could not be set up.
 * @since 0.1
 */
UPL_EXTERN int upl_calendar_add_workdays(upl_date *out, const upl_calendar *cal, upl_date d,
					 long n);

/** One day listed by a year's arrangement. @since 0.1 */
typedef struct upl_calendar_day {
	upl_date date;          /**< the day (December days of the previous year included) */
	upl_day_status status;  /**< ::UPL_DAY_OFF or ::UPL_DAY_WORKDAY (调休上班) */
	const char *holiday;    /**< the holiday key the day belongs to ("national-day", "victory-day"), static */
} upl_calendar_day;

/**
 * List the days named by the arrangement of @p year, in date order: its
 * days off and its adjusted working days. Ordinary weekends are not listed.
 * @param[out] out    an array of @p max entries (may be NULL when @p max is 0).
 * @param max         how many entries @p out holds.
 * @param[out] count  the number of days the arrangement names.
 * @param cal         a set, or NULL for the embedded data.
 * @param year        a Gregorian year.
 * @return 0; ::UPL_ENOTFOUND if @p cal has no arrangement for @p year;
 * ::UPL_ERANGE if @p out was too small (the first @p max are written);
 * ::UPL_EINVAL for a NULL @p count; ::UPL_ENOMEM.
 * @since 0.1
 */
UPL_EXTERN int upl_calendar_days(upl_calendar_day *out, size_t max, size_t *count,
				 const upl_calendar *cal, int year);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name School periods */
/** @{ */

/**
 * The first and last day of a period, by the conventions the library uses
 * (doc/calendar.md): a school year (学年) runs from 1 September to
 * 31 August; term 1 (第一学期) from 1 September to 31 January, term 2
 * (第二学期) from 1 February to 31 August (the summer holiday belongs to it,
 * so the two terms cover the school year without a gap); half 1 (上半年)
 * from 1 January to 30 June, half 2 (下半年) from 1 July to 31 December;
 * a year is a calendar year.
 * @param[out] start  the first day; untouched on failure.
 * @param[out] end    the last day; untouched on failure.
 * @param kind        1 school year, 2 term, 3 calendar year, 4 half year
 *                    (the values of plan.h's `upl_period_kind`)
 * @param year        the calendar year, or the year a school year starts
 *                    (2012学年 = 2012–2013, and its terms), 1..9998
 * @param part        the term or half (1 or 2); 0 for a school year or a year
 * @return 0, or ::UPL_EINVAL for a NULL pointer, an unknown kind, a year
 * out of range, or a part that does not fit the kind.
 * @since 0.1
 */
UPL_EXTERN int upl_period_range(upl_date *start, upl_date *end, int kind, int year, int part);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* UNIONPLAN_CALENDAR_H */

#!/bin/sh
# The command-line contract of unionplan holidays / lunar / workday: CSV
# formats, exit statuses, options, hostile input.
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"
data="$top_srcdir/tests/data/calendar"

for c in holidays lunar workday; do
	expect 0 "$c --help" "$cli" $c --help
	contains "$tmp/out" "^Usage: unionplan $c" "$c --help shows its usage"
	expect 2 "$c with an unknown option" "$cli" $c --no-such-option 2012
	expect 2 "$c without an argument" "$cli" $c
	expect 2 "$c with an unknown format" "$cli" $c --format=xml 2012-09-30
done
# the three commands share one option parser: each takes only its own options
expect 2 "lunar --data" "$cli" lunar --data="$data/good-2027.txt" 2027-02-08
contains "$tmp/err" "^unionplan lunar: unknown option or missing argument '--data=" "lunar names --data unknown"
expect 2 "lunar --statutory" "$cli" lunar -s 2012-09-30
expect 2 "workday --traditional" "$cli" workday --traditional 2012-09-30
expect 2 "workday --from" "$cli" workday --from 2012-09-30 2012-09-30
expect 2 "lunar --to" "$cli" lunar --to 2012-09-30 2012-09-30
expect 2 "holidays --format=xml" "$cli" holidays --format=xml 2012
same "$tmp/err" "unionplan holidays: unknown format 'xml' (text, csv, json or ics)
Try 'unionplan holidays --help' for more information." "holidays names its formats"
expect 2 "workday --format=json" "$cli" workday --format=json 2012-09-30
contains "$tmp/err" "^unionplan workday: unknown format 'json' (text or csv)$" "workday names its formats"
expect 0 "the command list names the calendar commands" "$cli" --help
contains "$tmp/out" "^  holidays " "--help lists holidays"
contains "$tmp/out" "^  workday " "--help lists workday"

# holidays
expect 0 "holidays --format=csv 2027" "$cli" holidays --format=csv 2027
contains "$tmp/out" "^2027-02-06,spring-festival,春节$" "春节 2027 is 6 February (ICU says the 7th)"
contains "$tmp/out" "^2027-09-15,mid-autumn,中秋节$" "中秋 2027 is 15 September"
if [ "$(head -n 1 "$tmp/out")" = "date,key,name" ]; then ok "CSV header date,key,name"; else bad "CSV header"; fi
if [ "$(wc -l < "$tmp/out")" -eq 21 ]; then ok "20 festivals in 2027"; else bad "20 festivals in 2027"; fi
if [ "$(cut -d, -f1 "$tmp/out" | tail -n +2 | sort -c && echo sorted)" = sorted ]; then ok "rows in date order"; else bad "rows in date order"; fi
expect 0 "holidays 2023 (no 腊八)" "$cli" holidays --format=csv 2023
lacks "$tmp/out" ",laba," "2023 has no 腊八"
expect 0 "holidays 2022 (two 腊八)" "$cli" holidays --format=csv 2022
if [ "$(grep -c ',laba,' "$tmp/out")" -eq 2 ]; then ok "2022 has two 腊八"; else bad "2022 has two 腊八"; fi
expect 0 "holidays --traditional" "$cli" holidays --format=csv --traditional 2012
contains "$tmp/out" "^2012-09-30,mid-autumn,中秋節$" "traditional names"
expect 0 "holidays --from --to" "$cli" holidays --format=csv --from 2026-09-01 --to 2027-02-28
same "$tmp/out" "date,key,name
2026-09-10,teachers-day,教师节
2026-09-25,mid-autumn,中秋节
2026-10-01,national-day,国庆节
2026-10-18,double-ninth,重阳节
2026-12-22,winter-solstice,冬至
2027-01-01,new-year,元旦
2027-01-15,laba,腊八节
2027-02-05,spring-festival-eve,除夕
2027-02-06,spring-festival,春节
2027-02-20,lantern,元宵节" "the 2026 school year's first term"
expect 0 "holidays --format=json" "$cli" holidays --format=json --from 2012-09-30 --to 2012-10-01
same "$tmp/out" '[
  {"date": "2012-09-30", "key": "mid-autumn", "name": "中秋节"},
  {"date": "2012-10-01", "key": "national-day", "name": "国庆节"}
]' "JSON output"
expect 0 "holidays text" "$cli" holidays 2012
contains "$tmp/out" "^2012-09-30  星期日  中秋节 (mid-autumn)$" "text output"
expect 0 "holidays --statutory 2012" "$cli" holidays --statutory --format=csv 2012
contains "$tmp/out" "^2012-09-29,adjusted-workday,调休上班$" "adjusted working day listed"
contains "$tmp/out" "^2012-10-03,national-day,国庆节$" "statutory day off listed"
lacks "$tmp/out" "^2012-10-13," "ordinary weekends are not listed"
if [ "$(grep -c ',adjusted-workday,' "$tmp/out")" -eq 6 ]; then ok "six adjusted working days in 2012"; else bad "six adjusted working days in 2012"; fi
expect 0 "holidays --statutory 2015" "$cli" holidays --statutory --format=csv 2015
contains "$tmp/out" "^2015-09-03,victory-day,抗战胜利纪念日$" "the 2015 V-Day holiday"
expect 1 "holidays --statutory for a year without data" "$cli" holidays --statutory --format=csv 2027
contains "$tmp/err" "no official arrangement for 2027" "says the year is unknown"
if [ "$(wc -l < "$tmp/out")" -eq 1 ]; then ok "only the header for an unknown year"; else bad "only the header for an unknown year"; fi
expect 0 "holidays --statutory --data" "$cli" holidays --statutory --format=csv --data="$data/good-2027.txt" 2027
contains "$tmp/out" "^2027-02-08,spring-festival,春节$" "loaded data is used"
expect 1 "holidays --data with a malformed file" "$cli" holidays --statutory --data="$data/bad-date.txt" 2027
contains "$tmp/err" "bad-date.txt:3:6: error: not a date" "FILE:LINE:COL: error: MESSAGE"
expect 3 "holidays --data with a missing file" "$cli" holidays --statutory --data="$data/none.txt" 2027
expect 2 "holidays with year 0" "$cli" holidays 0
expect 2 "holidays with a huge year" "$cli" holidays 99999999999999999999
expect 2 "holidays with a non-number" "$cli" holidays 2012x
expect 2 "holidays with two years" "$cli" holidays 2012 2013
expect 2 "holidays --from without --to" "$cli" holidays --from 2012-01-01
expect 2 "holidays --to before --from" "$cli" holidays --from 2012-02-01 --to 2012-01-01
expect 2 "holidays --from with a bad date" "$cli" holidays --from 2013-02-30 --to 2013-03-01
expect 0 "holidays outside the table" "$cli" holidays --format=csv 1900
contains "$tmp/out" "^1900-01-31,spring-festival,春节$" "春节 1900 (from ICU)"

# lunar
expect 0 "lunar 2012-09-30" "$cli" lunar 2012-09-30
contains "$tmp/out" "^2012-09-30  壬辰年八月十五  龙年  中秋节$" "2012-09-30 is 壬辰年八月十五"
expect 0 "lunar --format=csv" "$cli" lunar --format=csv 2012-09-30 2013-02-09 2023-03-22 2027-02-06
same "$tmp/out" "date,lunar_year,lunar_month,leap,lunar_day,text
2012-09-30,2012,8,0,15,壬辰年八月十五
2013-02-09,2012,12,0,29,壬辰年腊月廿九
2023-03-22,2023,2,1,1,癸卯年闰二月初一
2027-02-06,2027,1,0,1,丁未年正月初一" "lunar CSV"
expect 0 "lunar --traditional" "$cli" lunar --format=csv --traditional 2013-02-09
contains "$tmp/out" ",壬辰年臘月廿九$" "traditional month name"
expect 0 "lunar outside the table" "$cli" lunar 1900-01-31
contains "$tmp/out" "庚子年正月初一.*\[ICU\]" "ICU answers are marked"
expect 0 "lunar shows solar terms" "$cli" lunar 2024-02-04
contains "$tmp/out" "立春" "立春 2024"
expect 1 "lunar with an impossible date" "$cli" lunar --format=csv 2012-09-30 2013-02-30 2012-13-01 0000-01-01 abc
contains "$tmp/out" "^2012-09-30," "the valid date is still given"
contains "$tmp/err" "'2013-02-30' is not a date" "2013-02-30 refused"
contains "$tmp/err" "'2012-13-01' is not a date" "month 13 refused"
contains "$tmp/err" "'0000-01-01' is not a date" "year 0 refused"
expect 1 "lunar before lunar year 1" "$cli" lunar 0001-01-01
contains "$tmp/err" "outside the lunar calendar's range" "range error"
# a negative year reads as options: the error names the option and the
# argument it came in, not the command
expect 2 "lunar -0001-01-01" "$cli" lunar -0001-01-01
same "$tmp/err" "unionplan lunar: unknown option '-0' in '-0001-01-01' (a DATE is YYYY-MM-DD, with no sign)
Try 'unionplan lunar --help' for more information." "lunar -0001-01-01 names its argument"
expect 2 "workday 2012-09-30 -1999-01-01" "$cli" workday 2012-09-30 -1999-01-01
contains "$tmp/err" "^unionplan workday: unknown option '-1' in '-1999-01-01'" "workday names the later argument"
expect 2 "lunar -tx" "$cli" lunar -tx 2012-09-30
contains "$tmp/err" "^unionplan lunar: unknown option '-x' in '-tx'$" "an option in a cluster"
expect 2 "lunar -x" "$cli" lunar -x 2012-09-30
contains "$tmp/err" "^unionplan lunar: unknown option '-x'$" "a lone unknown option"
expect 2 "lunar -f" "$cli" lunar 2012-09-30 -f
contains "$tmp/err" "^unionplan lunar: unknown option or missing argument '-f'$" "an option without its argument"
expect 1 "lunar -- -0001-01-01" "$cli" lunar -- -0001-01-01
contains "$tmp/err" "'-0001-01-01' is not a date" "after --, a date operand"

# workday
expect 0 "workday --format=csv" "$cli" workday --format=csv 2012-09-29 2012-10-03 2012-10-08 2012-10-13 2027-01-04
same "$tmp/out" "date,status,reason
2012-09-29,workday,adjusted-workday
2012-10-03,day-off,national-day
2012-10-08,workday,
2012-10-13,day-off,weekend
2027-01-04,unknown," "workday CSV"
expect 0 "workday text" "$cli" workday 2012-09-29 2012-10-03 2027-01-04
contains "$tmp/out" "^2012-09-29  星期六  workday (adjusted working day, 调休上班)$" "2012-09-29 is a working day"
contains "$tmp/out" "^2012-10-03  星期三  day-off (national-day, 国庆节)$" "2012-10-03 is a day off"
contains "$tmp/out" "^2027-01-04  星期一  unknown (no official arrangement for 2027)$" "2027 is unknown"
expect 0 "workday --data" "$cli" workday --format=csv --data "$data/good-2027.txt" 2027-02-08 2027-02-20
same "$tmp/out" "date,status,reason
2027-02-08,day-off,spring-festival
2027-02-20,workday,adjusted-workday" "workday with loaded data"
expect 1 "workday --data with a malformed file" "$cli" workday --data "$data/invalid-utf8.txt" 2027-01-01
contains "$tmp/err" "invalid-utf8.txt:2:3: error: not valid UTF-8" "the data file's error position"
expect 1 "workday with an impossible date" "$cli" workday 2013-02-30 2012-10-01
contains "$tmp/out" "^2012-10-01" "the valid date is still answered"

finish

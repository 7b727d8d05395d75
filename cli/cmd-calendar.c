/* unionplan holidays | lunar | workday: the calendar on the command line. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { FMT_TEXT, FMT_CSV, FMT_JSON, FMT_ICS };

static const char *const weekday_names[8] = {
	"", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"
};

/* A DATE argument: YYYY-MM-DD, years 0001..9999. */
static int
parse_date_arg(upl_date *out, const char *s)
{
	return upl_date_parse(out, s, (size_t)-1) == 0 && upl_date_is_valid(*out) ? 0 : -1;
}

/* Load each --data FILE into a set of arrangements (created on the first). */
static int
load_data(upl_calendar **cal, char **files, int n)
{
	upl_error *err = NULL;
	int i, rc;
	if (n == 0)
		return CLI_OK;
	if ((rc = upl_calendar_new(cal, &err)) != 0) {
		cli_print_error(err, NULL);
		upl_error_free(err);
		return CLI_FAILURE;
	}
	for (i = 0; i < n; i++) {
		rc = upl_calendar_load_file(*cal, files[i], &err);
		if (rc != 0) {
			cli_print_error(err, files[i]);
			upl_error_free(err);
			upl_calendar_free(*cal);
			*cal = NULL;
			return rc == UPL_EPARSE ? CLI_INVALID : CLI_FAILURE;
		}
	}
	return CLI_OK;
}

/* What the options of holidays, lunar and workday set: each command's
 * long options say which of them it takes. */
struct cal_opts {
	const char *cmd;
	const char *const *formats;  /* the --format names it takes, FMT_* order */
	const char *format_names;    /* them, for a message: "text or csv" */
	void (*usage)(FILE *fp);
	/* check the operands from optind on: GO_ON or an exit status */
	int (*operands)(struct cal_opts *o, int argc, char **argv);
	int format, statutory, trad;
	char **data;                 /* the --data FILEs (NULL: none) */
	int ndata;
	upl_date from, to;           /* --from, --to */
	int have_from, have_to;
};

/* What start() and its steps return when the command goes on. */
#define GO_ON (-1)

static void
cal_opts_init(struct cal_opts *o, const char *cmd, const char *const *formats,
	      const char *format_names, void (*usage)(FILE *fp),
	      int (*operands)(struct cal_opts *o, int argc, char **argv))
{
	memset(o, 0, sizeof *o);
	o->cmd = cmd;
	o->formats = formats;
	o->format_names = format_names;
	o->usage = usage;
	o->operands = operands;
	o->format = FMT_TEXT;
}

/* Read the options: GO_ON, or the exit status (--help, a usage error). */
static int
parse_options(struct cal_opts *o, int argc, char **argv, const char *shortopts,
	      const struct option *longopts)
{
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((o->format = cli_pick(optarg, o->formats)) < 0)
				return cli_usage_error(o->cmd, "unknown format '%s' (%s)", optarg,
						       o->format_names);
			break;
		case 's': o->statutory = 1; break;
		case 't': o->trad = 1; break;
		case 'D':
			if (o->data == NULL && (o->data = calloc((size_t)argc + 1, sizeof *o->data)) == NULL) {
				cli_errorf("out of memory");
				return CLI_FAILURE;
			}
			o->data[o->ndata++] = optarg;
			break;
		case 'F':
		case 'T':
			if (parse_date_arg(c == 'F' ? &o->from : &o->to, optarg) != 0)
				return cli_usage_error(o->cmd, "--%s needs a date YYYY-MM-DD, not '%s'",
						       c == 'F' ? "from" : "to", optarg);
			*(c == 'F' ? &o->have_from : &o->have_to) = 1;
			break;
		case 'h': o->usage(stdout); return CLI_OK;
		default:
			return cli_option_error(o->cmd, argc, argv, shortopts);
		}
	}
	return GO_ON;
}

/* The start of each command: the options, the operands, the --data files
 * (into *cal, which stays NULL without them). GO_ON, or the exit status. */
static int
start(struct cal_opts *o, int argc, char **argv, const char *shortopts,
      const struct option *longopts, upl_calendar **cal)
{
	int status = parse_options(o, argc, argv, shortopts, longopts);
	if (status == GO_ON)
		status = o->operands(o, argc, argv);
	if (status == GO_ON && (status = load_data(cal, o->data, o->ndata)) == CLI_OK)
		status = GO_ON;
	free(o->data);
	o->data = NULL;
	return status;
}

/* Operands DATE...: at least one. */
static int
dates_given(struct cal_opts *o, int argc, char **argv)
{
	(void)argv;
	return optind < argc ? GO_ON : cli_usage_error(o->cmd, "no DATE given");
}

/* What lunar and workday do with one DATE operand: print it, and return
 * the status as it should be after it. */
typedef int (*show_date)(const struct cal_opts *o, const upl_calendar *cal, upl_date d,
			 const char *arg, int status);

/* lunar and workday: options, DATE... operands each given to show(), in
 * text or in CSV under csv_header. An operand that is not a date is
 * reported and makes the status CLI_INVALID. */
static int
dates_command(int argc, char **argv, const char *cmd, void (*usage)(FILE *fp),
	      const char *shortopts, const struct option *longopts, const char *csv_header,
	      show_date show)
{
	static const char *const formats[] = { "text", "csv", NULL };
	struct cal_opts o;
	upl_calendar *cal = NULL;
	int i, status;

	cal_opts_init(&o, cmd, formats, "text or csv", usage, dates_given);
	if ((status = start(&o, argc, argv, shortopts, longopts, &cal)) != GO_ON)
		return status;
	if (o.format == FMT_CSV)
		printf("%s\n", csv_header);
	status = CLI_OK;
	for (i = optind; i < argc; i++) {
		upl_date d;
		if (parse_date_arg(&d, argv[i]) != 0) {
			cli_errorf("'%s' is not a date YYYY-MM-DD", argv[i]);
			status = CLI_INVALID;
			continue;
		}
		status = show(&o, cal, d, argv[i], status);
	}
	upl_calendar_free(cal);
	return status;
}

/* The start of a text row: "2012-09-30  星期日  ". */
static void
print_day(upl_date d)
{
	char iso[UPL_DATE_ISO_SIZE];
	upl_date_format(iso, d);
	printf("%s  %s  ", iso, weekday_names[upl_date_weekday(d)]);
}

/* ------------------------------------------------------------------------ */
/* holidays                                                                 */

static void
holidays_usage(FILE *fp)
{
	fprintf(fp,
		"Usage: %s holidays [OPTION]... YEAR\n"
		"  or:  %s holidays [OPTION]... --from DATE --to DATE\n"
		"  or:  %s holidays --format=ics [--data=FILE]... YEAR...\n"
		"List the festivals of a year or between two dates (both included), with\n"
		"their dates in the official lunisolar calendar: 元旦, 除夕, 春节, 元宵节,\n"
		"妇女节, 植树节, 清明节, 劳动节, 青年节, 儿童节, 端午节, 建党节, 建军节, 七夕,\n"
		"教师节, 中秋节, 国庆节, 重阳节, 冬至, 腊八节.\n\n"
		"  -f, --format=FORMAT  'text' (default), 'csv' (header date,key,name) or\n"
		"                       'json' (an array of objects date, key, name)\n"
		"                       or 'ics' (an iCalendar feed of the festivals, the\n"
		"                       official days off and the adjusted working days of\n"
		"                       each YEAR, in simplified script: doc/ics.md)\n"
		"  -s, --statutory      list the official days off (key: the holiday) and the\n"
		"                       adjusted working days (key: adjusted-workday, name:\n"
		"                       调休上班) instead of the festivals\n"
		"      --data=FILE      also load statutory arrangements from FILE (the format\n"
		"                       of doc/calendar.md); may be repeated\n"
		"  -t, --traditional    names in traditional script (中秋節)\n"
		"      --from=DATE      first day (YYYY-MM-DD)\n"
		"      --to=DATE        last day (YYYY-MM-DD)\n"
		"  -h, --help           show this help and exit\n\n"
		"Lunar festivals of 1901-2100 come from the library's official table, others\n"
		"from ICU. 腊八 can fall twice in a year, or not at all (2023).\n"
		"Exit status: 0 done, 1 --statutory and a year has no official arrangement\n"
		"(its rows are missing; with --format=ics nothing is written), 2 usage\n"
		"error, 3 internal error.\n",
		cli_program, cli_program, cli_program);
}

struct row {
	upl_date date;
	const char *key;
	const char *name;
};

static void
print_rows(const struct row *rows, size_t n, int format)
{
	size_t i;
	char iso[UPL_DATE_ISO_SIZE];
	if (format == FMT_CSV)
		printf("date,key,name\n");
	else if (format == FMT_JSON)
		printf("[");
	for (i = 0; i < n; i++) {
		upl_date_format(iso, rows[i].date);
		if (format == FMT_CSV) {
			printf("%s,%s,%s\n", iso, rows[i].key, rows[i].name);
		} else if (format == FMT_JSON) {
			printf("%s\n  {\"date\": \"%s\", \"key\": ", i ? "," : "", iso);
			cli_json_string(stdout, rows[i].key);
			printf(", \"name\": ");
			cli_json_string(stdout, rows[i].name);
			printf("}");
		} else {
			print_day(rows[i].date);
			printf("%s (%s)\n", rows[i].name, rows[i].key);
		}
	}
	if (format == FMT_JSON)
		printf("%s]\n", n ? "\n" : "");
}

static int
grow_rows(struct row **rows, size_t *cap, size_t need)
{
	struct row *r;
	size_t c = *cap ? *cap : 64;
	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	r = realloc(*rows, c * sizeof *r);
	if (r == NULL)
		return -1;
	*rows = r;
	*cap = c;
	return 0;
}

static int
festival_rows(struct row **rows, size_t *n, upl_date from, upl_date to, int trad)
{
	upl_holiday_occurrence *occ = NULL;
	size_t count = 0, cap = 0, i;
	int rc = upl_holiday_list(NULL, 0, &count, from, to);
	if (rc == UPL_ERANGE) {
		occ = malloc(count * sizeof *occ);
		if (occ == NULL)
			return UPL_ENOMEM;
		rc = upl_holiday_list(occ, count, &count, from, to);
	}
	if (rc != 0 || grow_rows(rows, &cap, count + 1) != 0) {
		free(occ);
		return rc ? rc : UPL_ENOMEM;
	}
	for (i = 0; i < count; i++) {
		(*rows)[i].date = occ[i].date;
		(*rows)[i].key = occ[i].key;
		(*rows)[i].name = upl_holiday_name(occ[i].key, trad);
	}
	*n = count;
	free(occ);
	return 0;
}

/* The statutory days between two dates, day by day, as upl_calendar_workday()
 * sees them. *missing receives the first year without an arrangement. */
static int
statutory_rows(struct row **rows, size_t *n, const upl_calendar *cal, upl_date from, upl_date to,
	       int trad, int *missing)
{
	long a, b, z;
	size_t cap = 0;
	upl_workday_info w;
	upl_date d;
	int rc;
	*n = 0;
	*missing = 0;
	upl_date_to_days(&a, from);
	upl_date_to_days(&b, to);
	for (z = a; z <= b; z++) {
		upl_date_from_days(&d, z);
		if ((rc = upl_calendar_workday(&w, cal, d)) != 0)
			return rc;
		if (w.status == UPL_DAY_UNKNOWN) {
			if (!*missing)
				*missing = d.year;
			continue;
		}
		if (!(w.status == UPL_DAY_OFF && strcmp(w.reason, "weekend") != 0) &&
		    strcmp(w.reason, "adjusted-workday") != 0)
			continue;
		if (grow_rows(rows, &cap, *n + 1) != 0)
			return UPL_ENOMEM;
		(*rows)[*n].date = d;
		(*rows)[*n].key = w.reason;
		if (w.status == UPL_DAY_WORKDAY)
			(*rows)[*n].name = trad ? "調休上班" : "调休上班";
		else
			(*rows)[*n].name = upl_holiday_name(w.reason, trad);
		(*n)++;
	}
	return 0;
}

/* A YEAR operand, 1 to 9999: GO_ON, or the usage error's status. */
static int
year_arg(const char *s, int *year)
{
	char *end;
	long y = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || y < 1 || y > 9999)
		return cli_usage_error("holidays", "YEAR must be a number from 1 to 9999, not '%s'", s);
	*year = (int)y;
	return GO_ON;
}

/* Operands of holidays: YEAR (several with --format=ics), or none with
 * --from and --to. */
static int
holidays_operands(struct cal_opts *o, int argc, char **argv)
{
	int i, y = 0, st;
	if (o->have_from || o->have_to) {
		if (o->format == FMT_ICS)
			return cli_usage_error("holidays", "--format=ics takes YEARs, not --from and --to");
		if (!o->have_from || !o->have_to || optind < argc)
			return cli_usage_error("holidays", "give either YEAR or both --from and --to");
		if (upl_date_compare(o->from, o->to) > 0)
			return cli_usage_error("holidays", "--to is before --from");
		if (o->to.year - o->from.year > 1000)
			return cli_usage_error("holidays", "a range of more than 1000 years");
		return GO_ON;
	}
	if (optind >= argc)
		return cli_usage_error("holidays", "no YEAR given");
	if (argc - optind > 1 && o->format != FMT_ICS)
		return cli_usage_error("holidays", "one YEAR at a time");
	for (i = argc - 1; i >= optind; i--)
		if ((st = year_arg(argv[i], &y)) != GO_ON)
			return st;
	upl_date_make(&o->from, y, 1, 1);
	upl_date_make(&o->to, y, 12, 31);
	return GO_ON;
}

/* holidays --format=ics YEAR...: the feed of upl_export_ics_holidays_buffer(). */
static int
holidays_ics(const upl_calendar *cal, int n, char **years_arg)
{
	int *years = malloc((size_t)n * sizeof *years), i, rc, status;
	upl_error *err = NULL;
	char *text = NULL;
	size_t len = 0;
	if (years == NULL) {
		cli_errorf("out of memory");
		return CLI_FAILURE;
	}
	for (i = 0; i < n; i++)
		years[i] = atoi(years_arg[i]);
	rc = upl_export_ics_holidays_buffer(&text, &len, cal, years, (size_t)n, NULL, &err);
	free(years);
	if (rc != 0) {
		cli_errorf("%s", err ? upl_error_message(err) : upl_strerror(rc));
		upl_error_free(err);
		return rc == UPL_ENOTFOUND ? CLI_INVALID : CLI_FAILURE;
	}
	status = cli_write_output(NULL, text, len) == 0 ? CLI_OK : CLI_FAILURE;
	upl_free(text);
	return status;
}

int
cli_cmd_holidays(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "statutory", no_argument, NULL, 's' },
		{ "data", required_argument, NULL, 'D' },
		{ "traditional", no_argument, NULL, 't' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "csv", "json", "ics", NULL };
	struct cal_opts o;
	upl_calendar *cal = NULL;
	struct row *rows = NULL;
	size_t n = 0;
	int rc, status, missing = 0;

	cal_opts_init(&o, "holidays", formats, "text, csv, json or ics", holidays_usage,
		      holidays_operands);
	if ((status = start(&o, argc, argv, "f:sth", longopts, &cal)) != GO_ON)
		return status;
	if (o.format == FMT_ICS) {
		status = holidays_ics(cal, argc - optind, argv + optind);
		upl_calendar_free(cal);
		return status;
	}
	if (o.statutory)
		rc = statutory_rows(&rows, &n, cal, o.from, o.to, o.trad, &missing);
	else
		rc = festival_rows(&rows, &n, o.from, o.to, o.trad);
	if (rc == 0)
		print_rows(rows, n, o.format);
	else
		cli_errorf("%s", upl_strerror(rc));
	free(rows);
	upl_calendar_free(cal);
	if (rc != 0)
		return CLI_FAILURE;
	if (missing) {
		cli_errorf("no official arrangement for %d: its days are not listed", missing);
		return CLI_INVALID;
	}
	return CLI_OK;
}

/* ------------------------------------------------------------------------ */
/* lunar                                                                    */

static void
lunar_usage(FILE *fp)
{
	fprintf(fp,
		"Usage: %s lunar [OPTION]... DATE...\n"
		"Give each DATE (YYYY-MM-DD) in the Chinese lunisolar calendar: 壬辰年八月十五.\n\n"
		"  -f, --format=FORMAT  'text' (default: the date, the lunar date, the zodiac\n"
		"                       animal, and the festivals or solar term of the day)\n"
		"                       or 'csv' (header date,lunar_year,lunar_month,leap,\n"
		"                       lunar_day,text)\n"
		"  -t, --traditional    traditional script (臘月, 閏四月, 龍)\n"
		"  -h, --help           show this help and exit\n\n"
		"lunar_year is the Gregorian year in which that lunar year's 正月初一 falls;\n"
		"leap is 1 for a leap month (闰月). Lunar years 1901-2100 come from the\n"
		"library's official table; other dates are computed by ICU, which the text\n"
		"format marks with [ICU].\n"
		"Exit status: 0 done, 1 some DATE is not a valid date (the others are still\n"
		"given), 2 usage error, 3 internal error.\n",
		cli_program);
}

/* One DATE of lunar: the lunar date, and in text the zodiac animal, the
 * festivals and the solar term of the day. */
static int
show_lunar(const struct cal_opts *o, const upl_calendar *cal, upl_date d, const char *arg,
	   int status)
{
	upl_lunar_date l;
	upl_holiday_occurrence occ[4];
	char text[UPL_LUNAR_TEXT_SIZE], iso[UPL_DATE_ISO_SIZE];
	size_t n = 0, k;
	int rc, term;

	(void)cal;
	rc = upl_lunar_from_date(&l, d);
	if (rc != 0) {
		cli_errorf("%s: %s", arg, rc == UPL_ERANGE ?
			   "outside the lunar calendar's range" : upl_strerror(rc));
		return rc == UPL_ERANGE ? (status == CLI_FAILURE ? status : CLI_INVALID) : CLI_FAILURE;
	}
	upl_date_format(iso, d);
	upl_lunar_format(text, sizeof text, &l, o->trad ? UPL_LUNAR_FORMAT_TRADITIONAL : 0);
	if (o->format == FMT_CSV) {
		printf("%s,%d,%d,%d,%d,%s\n", iso, l.year, l.month, l.leap, l.day, text);
		return status;
	}
	printf("%s  %s  %s年", iso, text, upl_lunar_zodiac(l.year, o->trad));
	if (upl_holiday_list(occ, 4, &n, d, d) == 0)
		for (k = 0; k < n; k++)
			printf("  %s", upl_holiday_name(occ[k].key, o->trad));
	if (upl_solar_term_on(&term, d) == 0 && term != UPL_TERM_QINGMING && term != UPL_TERM_DONGZHI)
		printf("  %s", upl_solar_term_name(term, o->trad));
	if (l.source == UPL_LUNAR_SOURCE_ICU)
		printf("  [ICU]");
	printf("\n");
	return status;
}

int
cli_cmd_lunar(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "traditional", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	return dates_command(argc, argv, "lunar", lunar_usage, "f:th", longopts,
			     "date,lunar_year,lunar_month,leap,lunar_day,text", show_lunar);
}

/* ------------------------------------------------------------------------ */
/* workday                                                                  */

static void
workday_usage(FILE *fp)
{
	fprintf(fp,
		"Usage: %s workday [OPTION]... DATE...\n"
		"Say whether each DATE (YYYY-MM-DD) is an official working day in China,\n"
		"by the State Council's holiday arrangements (放假安排, 调休).\n\n"
		"  -f, --format=FORMAT  'text' (default) or 'csv' (header date,status,reason)\n"
		"      --data=FILE      also load arrangements from FILE (the format of\n"
		"                       doc/calendar.md); may be repeated\n"
		"  -h, --help           show this help and exit\n\n"
		"status is workday, day-off or unknown (no official arrangement for that\n"
		"year: never guessed). reason is the holiday key of a statutory day off\n"
		"(national-day also for 国庆节、中秋节 together, victory-day for 2015-09-03..05),\n"
		"weekend, adjusted-workday (调休上班: a weekend day worked), or empty.\n"
		"Exit status: 0 done (unknown days included), 1 some DATE is not a valid date\n"
		"or a --data FILE is invalid, 2 usage error, 3 I/O or internal error.\n",
		cli_program);
}

/* One DATE of workday: its status and why. */
static int
show_workday(const struct cal_opts *o, const upl_calendar *cal, upl_date d, const char *arg,
	     int status)
{
	static const char *const status_names[] = { "unknown", "workday", "day-off" };
	upl_workday_info w;
	char iso[UPL_DATE_ISO_SIZE];
	int rc;

	if ((rc = upl_calendar_workday(&w, cal, d)) != 0) {
		cli_errorf("%s: %s", arg, upl_strerror(rc));
		return CLI_FAILURE;
	}
	if (o->format == FMT_CSV) {
		upl_date_format(iso, d);
		printf("%s,%s,%s\n", iso, status_names[w.status], w.reason);
		return status;
	}
	print_day(d);
	printf("%s", status_names[w.status]);
	if (w.status == UPL_DAY_UNKNOWN)
		printf(" (no official arrangement for %d)", d.year);
	else if (strcmp(w.reason, "adjusted-workday") == 0)
		printf(" (adjusted working day, 调休上班)");
	else if (strcmp(w.reason, "weekend") == 0)
		printf(" (weekend)");
	else if (*w.reason)
		printf(" (%s, %s)", w.reason, upl_holiday_name(w.reason, 0));
	printf("\n");
	return status;
}

int
cli_cmd_workday(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "data", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	return dates_command(argc, argv, "workday", workday_usage, "f:h", longopts,
			     "date,status,reason", show_workday);
}

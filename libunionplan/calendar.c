/* Statutory arrangements (放假安排, 调休): the data-file reader, the set of
 * arrangements, workday queries; school periods. */
#include "config.h"

#include <stdarg.h>

#include "calendar-private.h"
#include "holidays-private.h"
#include "io-private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Reasons a day can be off besides the holiday keys (one-off holidays). */
static const char *const extra_reasons[] = { "victory-day" };
#define REASON_COUNT (UPL__HOLIDAY_COUNT + COUNT(extra_reasons))

static const char *
reason_name(unsigned int r)
{
	return r < UPL__HOLIDAY_COUNT ? upl_holiday_key(r) : extra_reasons[r - UPL__HOLIDAY_COUNT];
}

static int
reason_index(const char *s, size_t n)
{
	size_t i;
	int k = upl__holiday_index_n(s, n);
	if (k >= 0)
		return k;
	for (i = 0; i < COUNT(extra_reasons); i++)
		if (strlen(extra_reasons[i]) == n && memcmp(extra_reasons[i], s, n) == 0)
			return (int)(UPL__HOLIDAY_COUNT + i);
	return -1;
}

/* One listed day; days of a year are sorted by `days`. */
struct cal_day {
	long days;               /* since 1970-01-01 */
	unsigned char status;    /* UPL_DAY_OFF or UPL_DAY_WORKDAY */
	unsigned char reason;    /* index for reason_name() */
};

struct cal_year {
	int year;
	size_t count;
	struct cal_day *days;
};

struct upl_calendar {
	size_t count;            /* years, sorted */
	struct cal_year *years;
};

static void
years_free(struct cal_year *years, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		upl__dealloc(years[i].days);
	upl__dealloc(years);
}

void
upl_calendar_free(upl_calendar *cal)
{
	if (cal == NULL)
		return;
	years_free(cal->years, cal->count);
	upl__dealloc(cal);
}

/* ------------------------------------------------------------------------ */
/* The data-file reader                                                     */

struct reader {
	const char *buf, *end;
	const char *name;
	unsigned int line;
	const char *line_start;
	upl_error **err;
	/* what has been read */
	struct cal_year *years;
	size_t count, cap;
	size_t day_cap;          /* capacity of years[count - 1].days */
};

static int
fail_at(struct reader *r, const char *at, const char *fmt, ...) UPL_PRINTF(3, 4);

static int
fail_at(struct reader *r, const char *at, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	unsigned int col = (unsigned int)upl__utf8_count(r->line_start, (size_t)(at - r->line_start)) + 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return upl__error_set(r->err, UPL_EPARSE, r->name, r->line, col, "%s", msg);
}

/* Next white-space separated token within [*p, eol). */
static int
token(const char **p, const char *eol, const char **tok, size_t *len)
{
	const char *s = *p;
	while (s < eol && (*s == ' ' || *s == '\t'))
		s++;
	if (s == eol) {
		*p = s;
		return 0;
	}
	*tok = s;
	while (s < eol && *s != ' ' && *s != '\t')
		s++;
	*len = (size_t)(s - *tok);
	*p = s;
	return 1;
}

static int
tok_is(const char *tok, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(tok, word, len) == 0;
}

static int
day_cmp(const void *a, const void *b)
{
	long x = ((const struct cal_day *)a)->days, y = ((const struct cal_day *)b)->days;
	return (x > y) - (x < y);
}

/* Add days[from..to] to the current year; `at` is where the range is
 * written, for errors. */
static int
add_days(struct reader *r, const char *at, long from, long to, int status, int reason)
{
	struct cal_year *y = &r->years[r->count - 1];
	long z;
	size_t i;
	for (z = from; z <= to; z++) {
		for (i = 0; i < y->count; i++) {
			if (y->days[i].days == z) {
				char iso[UPL_DATE_ISO_SIZE];
				upl_date d;
				upl_date_from_days(&d, z);
				upl_date_format(iso, d);
				return fail_at(r, at, "%s is listed twice in year %d", iso, y->year);
			}
		}
		if (y->count == r->day_cap) {
			size_t cap = r->day_cap;
			if (upl__grow((void **)&y->days, &cap, y->count + 1, sizeof *y->days) != 0)
				return UPL_ENOMEM;
			r->day_cap = cap;
		}
		y->days[y->count].days = z;
		y->days[y->count].status = (unsigned char)status;
		y->days[y->count].reason = (unsigned char)reason;
		y->count++;
	}
	return 0;
}

/* Check the year just finished (not empty) and sort its days. */
static int
finish_year(struct reader *r, const char *at)
{
	struct cal_year *y;
	if (r->count == 0)
		return 0;
	y = &r->years[r->count - 1];
	if (y->count == 0)
		return fail_at(r, at, "year %d lists no day (a placeholder? leave the year out)", y->year);
	qsort(y->days, y->count, sizeof *y->days, day_cmp);
	return 0;
}

static int
parse_year(const char *tok, size_t len, int *year)
{
	int v = 0;
	size_t i;
	if (len != 4)
		return 0;
	for (i = 0; i < len; i++) {
		if (tok[i] < '0' || tok[i] > '9')
			return 0;
		v = v * 10 + (tok[i] - '0');
	}
	if (v < 1)
		return 0;
	*year = v;
	return 1;
}

/* The next token of the line as an argument: 1 with *arg and *alen, or 0
 * with *arg where it is missing. */
static int
argument(const char **q, const char *eol, const char **arg, size_t *alen)
{
	if (token(q, eol, arg, alen))
		return 1;
	*arg = *q;
	return 0;
}

/* unionplan-holidays 1 */
static int
read_header(struct reader *r, const char *tok, size_t len, const char **q, const char *eol)
{
	const char *arg;
	size_t alen;
	if (!tok_is(tok, len, "unionplan-holidays"))
		return fail_at(r, tok, "%s", "the file must start with 'unionplan-holidays 1'");
	if (!argument(q, eol, &arg, &alen) || !tok_is(arg, alen, "1"))
		return fail_at(r, arg, "%s", "unsupported format version (this library reads version 1)");
	return 0;
}

/* year YYYY: finish the year before and start this one. */
static int
read_year(struct reader *r, const char *tok, const char **q, const char *eol)
{
	const char *arg;
	size_t alen, i;
	int year, rc;
	if (!argument(q, eol, &arg, &alen) || !parse_year(arg, alen, &year))
		return fail_at(r, arg, "%s", "'year' needs a year of four digits (0001..9999)");
	if ((rc = finish_year(r, tok)) != 0)
		return rc;
	for (i = 0; i < r->count; i++)
		if (r->years[i].year == year)
			return fail_at(r, arg, "year %d appears twice in the file", year);
	if (upl__grow((void **)&r->years, &r->cap, r->count + 1, sizeof *r->years) != 0)
		return UPL_ENOMEM;
	r->years[r->count].year = year;
	r->years[r->count].count = 0;
	r->years[r->count].days = NULL;
	r->count++;
	r->day_cap = 0;
	return 0;
}

/* DATE or DATE..DATE in arg[0..alen), as days, within what a notice for
 * year may list: year itself and the December before it. */
static int
read_range(struct reader *r, const char *arg, size_t alen, int year, long *za, long *zb)
{
	upl_date a, b, lo, hi;
	long zlo, zhi;
	const char *dots = NULL;
	if (alen == 22 && arg[10] == '.' && arg[11] == '.')
		dots = arg + 10;
	if (upl_date_parse(&a, arg, dots ? 10 : alen) != 0 || a.year == 0)
		return fail_at(r, arg, "%s", "not a date YYYY-MM-DD or a range DATE..DATE");
	b = a;
	if (dots && (upl_date_parse(&b, dots + 2, 10) != 0 || b.year == 0))
		return fail_at(r, dots + 2, "%s", "the end of the range is not a date YYYY-MM-DD");
	upl_date_to_days(za, a);
	upl_date_to_days(zb, b);
	if (*zb < *za)
		return fail_at(r, arg, "%s", "the range ends before it starts");
	if (*zb - *za > 60)
		return fail_at(r, arg, "%s", "a range longer than 61 days is surely a mistake");
	/* A notice for year Y covers year Y and December of year Y - 1. */
	lo.year = year - 1; lo.month = 12; lo.day = 1;
	hi.year = year; hi.month = 12; hi.day = 31;
	if (year == 1) {
		lo.year = 1; lo.month = 1; lo.day = 1;
	}
	upl_date_to_days(&zlo, lo);
	upl_date_to_days(&zhi, hi);
	if (*za < zlo || *zb > zhi)
		return fail_at(r, arg, "outside year %d and the December before it", year);
	return 0;
}

/* off|work DATE[..DATE] KEY */
static int
read_days(struct reader *r, const char *tok, size_t len, const char **q, const char *eol)
{
	int status = tok_is(tok, len, "off") ? UPL_DAY_OFF : UPL_DAY_WORKDAY;
	const char *arg, *k;
	size_t alen, klen;
	long za, zb;
	int reason, rc;
	if (r->count == 0)
		return fail_at(r, tok, "'%.*s' before the first 'year'", (int)len, tok);
	if (!token(q, eol, &arg, &alen))
		return fail_at(r, *q, "%s", "a date or a range DATE..DATE is missing");
	if ((rc = read_range(r, arg, alen, r->years[r->count - 1].year, &za, &zb)) != 0)
		return rc;
	if (!token(q, eol, &k, &klen))
		return fail_at(r, *q, "%s", "the holiday key is missing (spring-festival, national-day, ...)");
	reason = reason_index(k, klen);
	if (reason < 0)
		return fail_at(r, k, "%s", "unknown holiday key (doc/calendar.md lists them)");
	return add_days(r, arg, za, zb, status, reason);
}

static int
read_line(struct reader *r, const char *p, const char *eol, int *seen_header)
{
	const char *tok, *arg;
	size_t len, alen;
	const char *q = p;
	int rc;

	if (!token(&q, eol, &tok, &len) || *tok == '#')
		return 0;
	if (!*seen_header) {
		if ((rc = read_header(r, tok, len, &q, eol)) != 0)
			return rc;
		*seen_header = 1;
	} else if (tok_is(tok, len, "year")) {
		if ((rc = read_year(r, tok, &q, eol)) != 0)
			return rc;
	} else if (tok_is(tok, len, "source")) {
		if (r->count == 0)
			return fail_at(r, tok, "%s", "'source' before the first 'year'");
		if (!token(&q, eol, &arg, &alen))
			return fail_at(r, q, "%s", "'source' needs the address or title of the notice");
		return 0; /* the rest of the line is the source */
	} else if (tok_is(tok, len, "off") || tok_is(tok, len, "work")) {
		if ((rc = read_days(r, tok, len, &q, eol)) != 0)
			return rc;
	} else {
		return fail_at(r, tok, "%s", "unknown line: expected year, source, off or work");
	}
	if (token(&q, eol, &arg, &alen) && *arg != '#')
		return fail_at(r, arg, "%s", "unexpected text at the end of the line");
	return 0;
}

/* Read a whole buffer into r->years; nothing else is touched. */
static int
read_buffer(struct reader *r)
{
	const char *p = r->buf, *eol;
	size_t bad;
	int seen_header = 0, rc;

	if (!upl__utf8_valid(r->buf, (size_t)(r->end - r->buf), &bad)) {
		const char *at = r->buf + bad, *s;
		r->line = 1;
		r->line_start = r->buf;
		for (s = r->buf; s < at; s++)
			if (*s == '\n') {
				r->line++;
				r->line_start = s + 1;
			}
		return fail_at(r, at, "%s", "not valid UTF-8");
	}
	if ((size_t)(r->end - p) >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	r->line = 0;
	while (p < r->end) {
		r->line++;
		r->line_start = p;
		eol = memchr(p, '\n', (size_t)(r->end - p));
		if (eol == NULL)
			eol = r->end;
		if (memchr(p, '\0', (size_t)(eol - p)) != NULL)
			return fail_at(r, (const char *)memchr(p, '\0', (size_t)(eol - p)), "%s",
				       "NUL byte in the file");
		rc = read_line(r, p, (eol > p && eol[-1] == '\r') ? eol - 1 : eol, &seen_header);
		if (rc != 0)
			return rc;
		p = eol < r->end ? eol + 1 : eol;
	}
	/* Errors at the end point just after the last character. */
	if (r->line == 0 || r->end[-1] == '\n') {
		r->line++;
		r->line_start = r->end;
	}
	p = r->end;
	if (!seen_header)
		return fail_at(r, p, "%s", "empty file: no 'unionplan-holidays 1' line");
	if (r->count == 0)
		return fail_at(r, p, "%s", "the file has no 'year'");
	return finish_year(r, p);
}

static int
year_cmp(const void *a, const void *b)
{
	int x = ((const struct cal_year *)a)->year, y = ((const struct cal_year *)b)->year;
	return (x > y) - (x < y);
}

/* Merge the years read into cal: each replaces the same year or is added.
 * Takes ownership of years[] on success; cal is untouched on failure. */
static int
merge(upl_calendar *cal, struct cal_year *years, size_t n)
{
	struct cal_year *all;
	size_t i = 0, j = 0, k = 0;
	qsort(years, n, sizeof *years, year_cmp);
	all = upl__calloc(cal->count + n, sizeof *all);
	if (all == NULL)
		return UPL_ENOMEM;
	while (i < cal->count || j < n) {
		if (j == n || (i < cal->count && cal->years[i].year < years[j].year)) {
			all[k++] = cal->years[i++];
		} else {
			if (i < cal->count && cal->years[i].year == years[j].year)
				upl__dealloc(cal->years[i++].days);
			all[k++] = years[j++];
		}
	}
	upl__dealloc(cal->years);
	upl__dealloc(years);
	cal->years = all;
	cal->count = k;
	return 0;
}

static int
load(upl_calendar *cal, const char *buf, size_t len, const char *name, upl_error **err)
{
	struct reader r;
	int rc;
	memset(&r, 0, sizeof r);
	r.buf = buf;
	r.end = buf + len;
	r.name = name ? name : "<buffer>";
	r.err = err;
	rc = read_buffer(&r);
	if (rc == 0)
		rc = merge(cal, r.years, r.count);
	if (rc != 0) {
		if (rc == UPL_ENOMEM)
			upl__error_set(err, rc, NULL, 0, 0, "%s", "out of memory");
		years_free(r.years, r.count);
	}
	return rc;
}

int
upl_calendar_load_buffer(upl_calendar *cal, const char *buf, size_t len, const char *name,
			 upl_error **err)
{
	if (cal == NULL || (buf == NULL && len > 0))
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "%s", "invalid argument");
	return load(cal, buf ? buf : "", len, name, err);
}

int
upl_calendar_load_file(upl_calendar *cal, const char *path, upl_error **err)
{
	char *buf = NULL;
	size_t len = 0;
	int rc;
	if (cal == NULL || path == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "%s", "invalid argument");
	/* Arrangement files are small; refuse anything absurd. */
	rc = upl__load_file(&buf, &len, path, (size_t)16 << 20, err);
	if (rc != 0)
		return rc;
	rc = load(cal, buf, len, path, err);
	upl__dealloc(buf);
	return rc;
}

/* ------------------------------------------------------------------------ */
/* The embedded data                                                        */

/* Parsed by the first call that needs it, then shared read-only by every
 * thread (upl__lazy_get); a failure (out of memory) is not remembered. */
static upl__lazy embedded = UPL__LAZY_INIT;

static void *
embedded_parse(void)
{
	upl_calendar *cal = upl__calloc(1, sizeof *cal);
	if (cal == NULL)
		return NULL;
	if (load(cal, (const char *)upl__holidays_txt, upl__holidays_txt_len, "holidays-cn.txt",
		 NULL) != 0) {
		upl_calendar_free(cal);
		return NULL;
	}
	return cal;
}

static int
embedded_calendar(const upl_calendar **out)
{
	const upl_calendar *cal = upl__lazy_get(&embedded, embedded_parse);
	if (cal == NULL)
		return UPL_ENOMEM;
	*out = cal;
	return 0;
}

int
upl_calendar_new(upl_calendar **out, upl_error **err)
{
	const upl_calendar *src;
	upl_calendar *cal;
	size_t i;
	int rc;
	if (out == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "%s", "invalid argument");
	rc = embedded_calendar(&src);
	if (rc != 0)
		return upl__error_set(err, rc, NULL, 0, 0, "%s", "out of memory");
	cal = upl__calloc(1, sizeof *cal);
	if (cal == NULL)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "%s", "out of memory");
	cal->years = upl__calloc(src->count, sizeof *cal->years);
	if (cal->years == NULL) {
		upl__dealloc(cal);
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "%s", "out of memory");
	}
	for (i = 0; i < src->count; i++) {
		cal->years[i] = src->years[i];
		cal->years[i].days = upl__malloc(src->years[i].count * sizeof *src->years[i].days);
		if (cal->years[i].days == NULL) {
			cal->count = i;
			upl_calendar_free(cal);
			return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "%s", "out of memory");
		}
		memcpy(cal->years[i].days, src->years[i].days,
		       src->years[i].count * sizeof *src->years[i].days);
	}
	cal->count = src->count;
	*out = cal;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Queries                                                                  */

static const struct cal_year *
find_year(const upl_calendar *cal, int year)
{
	size_t lo = 0, hi = cal->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->years[mid].year == year)
			return &cal->years[mid];
		if (cal->years[mid].year < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const struct cal_day *
find_day(const struct cal_year *y, long z)
{
	size_t lo = 0, hi = y->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (y->days[mid].days == z)
			return &y->days[mid];
		if (y->days[mid].days < z)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int
resolve(const upl_calendar **cal)
{
	return *cal ? 0 : embedded_calendar(cal);
}

int
upl_calendar_has_year(const upl_calendar *cal, int year)
{
	if (resolve(&cal) != 0)
		return 0;
	return find_year(cal, year) != NULL;
}

/* The answer for day d (z: its day count) from a resolved set. */
static void
classify(upl_workday_info *out, const upl_calendar *cal, upl_date d, long z)
{
	const struct cal_year *y;
	const struct cal_day *day = NULL;
	int wd = upl_date_weekday(d);
	/* The next year's notice covers the end of December. */
	if (d.month == 12 && d.year < 9999 && (y = find_year(cal, d.year + 1)) != NULL)
		day = find_day(y, z);
	y = find_year(cal, d.year);
	if (day == NULL && y != NULL)
		day = find_day(y, z);
	if (day != NULL) {
		out->status = (upl_day_status)day->status;
		if (day->status == UPL_DAY_OFF)
			out->reason = reason_name(day->reason);
		else
			out->reason = wd >= 6 ? "adjusted-workday" : "";
	} else if (y != NULL) {
		out->status = wd >= 6 ? UPL_DAY_OFF : UPL_DAY_WORKDAY;
		out->reason = wd >= 6 ? "weekend" : "";
	} else {
		out->status = UPL_DAY_UNKNOWN;
		out->reason = "";
	}
}

int
upl_calendar_workday(upl_workday_info *out, const upl_calendar *cal, upl_date d)
{
	long z;
	int rc;
	if (out == NULL || upl_date_to_days(&z, d) != 0)
		return UPL_EINVAL;
	if ((rc = resolve(&cal)) != 0)
		return rc;
	classify(out, cal, d, z);
	return 0;
}

/* Whether day z is worked: 1 or 0; UPL_ENOTFOUND for a day of a year
 * without data; UPL_ERANGE outside years 1..9999. */
static int
worked(const upl_calendar *cal, long z)
{
	upl_workday_info w;
	upl_date d;
	if (upl_date_from_days(&d, z) != 0)
		return UPL_ERANGE;
	classify(&w, cal, d, z);
	if (w.status == UPL_DAY_UNKNOWN)
		return UPL_ENOTFOUND;
	return w.status == UPL_DAY_WORKDAY;
}

int
upl_calendar_workdays_between(long *out, const upl_calendar *cal, upl_date start, upl_date end)
{
	long za, zb, z, n = 0;
	int rc;
	if (out == NULL || upl_date_to_days(&za, start) != 0 || upl_date_to_days(&zb, end) != 0)
		return UPL_EINVAL;
	if ((rc = resolve(&cal)) != 0)
		return rc;
	for (z = za; z <= zb; z++) {
		if ((rc = worked(cal, z)) < 0)
			return rc;
		n += rc;
	}
	*out = n;
	return 0;
}

int
upl_calendar_add_workdays(upl_date *out, const upl_calendar *cal, upl_date d, long n)
{
	long z, step = n < 0 ? -1 : 1;
	int rc;
	if (out == NULL || upl_date_to_days(&z, d) != 0)
		return UPL_EINVAL;
	if ((rc = resolve(&cal)) != 0)
		return rc;
	/* Roll forward to a working day, then walk n working days. */
	while ((rc = worked(cal, z)) == 0)
		z++;
	if (rc < 0)
		return rc;
	while (n != 0) {
		z += step;
		if ((rc = worked(cal, z)) < 0)
			return rc;
		n -= rc ? step : 0;
	}
	upl_date_from_days(out, z);
	return 0;
}

int
upl_calendar_days(upl_calendar_day *out, size_t max, size_t *count, const upl_calendar *cal, int year)
{
	const struct cal_year *y;
	size_t i;
	int rc;
	if (count == NULL || (out == NULL && max > 0))
		return UPL_EINVAL;
	*count = 0;
	if ((rc = resolve(&cal)) != 0)
		return rc;
	if ((y = find_year(cal, year)) == NULL)
		return UPL_ENOTFOUND;
	for (i = 0; i < y->count && i < max; i++) {
		upl_date_from_days(&out[i].date, y->days[i].days);
		out[i].status = (upl_day_status)y->days[i].status;
		out[i].holiday = reason_name(y->days[i].reason);
	}
	*count = y->count;
	return y->count > max ? UPL_ERANGE : 0;
}

/* ------------------------------------------------------------------------ */
/* School periods                                                           */

int
upl_period_range(upl_date *start, upl_date *end, int kind, int year, int part)
{
	upl_date s, e;
	if (start == NULL || end == NULL || year < 1)
		return UPL_EINVAL;
	switch (kind) {
	case 1: /* school year: 09-01 .. 08-31 */
	case 2: /* term 1: 09-01 .. 01-31; term 2: 02-01 .. 08-31 */
		if (year > 9998 || (kind == 1 && part != 0) || (kind == 2 && part != 1 && part != 2))
			return UPL_EINVAL;
		s.year = year; s.month = 9; s.day = 1;
		e.year = year + 1; e.month = 8; e.day = 31;
		if (kind == 2 && part == 1) {
			e.month = 1;
			e.day = 31;
		} else if (kind == 2) {
			s.year = year + 1;
			s.month = 2;
		}
		break;
	case 3: /* calendar year */
	case 4: /* half year: 01-01 .. 06-30, 07-01 .. 12-31 */
		if (year > 9999 || (kind == 3 && part != 0) || (kind == 4 && part != 1 && part != 2))
			return UPL_EINVAL;
		s.year = e.year = year;
		s.month = 1; s.day = 1;
		e.month = 12; e.day = 31;
		if (kind == 4 && part == 1) {
			e.month = 6;
			e.day = 30;
		} else if (kind == 4) {
			s.month = 7;
		}
		break;
	default:
		return UPL_EINVAL;
	}
	*start = s;
	*end = e;
	return 0;
}

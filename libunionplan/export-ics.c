/* Writing the schedules of documents, and the official calendar of some
 * years, as iCalendar (RFC 5545). What is written is described in
 * doc/ics.md and in unionplan/export.h. */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <unionplan/calendar.h>
#include <unionplan/export.h>

#include "export-private.h"

/* RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, the CRLF left out. */
#define ICS_FOLD 75
#define ICS_PRODID "-//libunionplan//unionplan iCalendar 1//ZH"
#define ICS_HOLIDAY_DOMAIN "holidays.unionplan"

typedef struct ics {
	upl_buf *b;
	upl_buf line;     /* the logical line being built */
	upl_error **err;
	int rc;           /* the first error, set in *err */
	char stamp[32];   /* the DTSTAMP of every event */
	int ymin, ymax;   /* the years the plans cover (0: none yet) */
} ics;

/* One all-day event: start, and end the day after its last day. */
typedef struct ics_event {
	const char *uid;
	upl_date start, end;
	const char *summary, *description, *category;
} ics_event;

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */

/* Append s[0..n), one logical line, to b folded: no physical line longer
 * than ICS_FOLD octets (a continuation's leading space counts), each ended
 * with CRLF, and no cut inside a UTF-8 sequence (s is valid UTF-8). */
static void
put_folded(upl_buf *b, const char *s, size_t n)
{
	size_t room = ICS_FOLD, cut;
	while (n > room) {
		cut = room;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		upl__buf_put(b, s, cut);
		upl__buf_put(b, "\r\n ", 3);
		s += cut;
		n -= cut;
		room = ICS_FOLD - 1;
	}
	upl__buf_put(b, s, n);
	upl__buf_put(b, "\r\n", 2);
}

/* Append s to the line as a TEXT value (RFC 5545 3.3.11): backslash,
 * semicolon and comma escaped, a newline (CRLF, LF or CR) as \n, other
 * control characters but tab as spaces. Text that is not valid UTF-8 is
 * refused. */
static void
put_text(ics *w, const char *s)
{
	size_t n, i;
	int rc;
	if (s == NULL)
		s = "";
	n = strlen(s);
	if (w->rc != 0)
		return;
	if ((rc = upl__export_check_utf8(s, n, w->err)) != 0) {
		w->rc = rc;
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\\' || c == ';' || c == ',') {
			upl__buf_putc(&w->line, '\\');
			upl__buf_putc(&w->line, (char)c);
		} else if (c == '\n' || c == '\r') {
			upl__buf_puts(&w->line, "\\n");
			if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
				i++;
		} else if ((c < 0x20 && c != '\t') || c == 0x7F) {
			upl__buf_putc(&w->line, ' ');
		} else {
			upl__buf_putc(&w->line, (char)c);
		}
	}
}

/* Start a logical line with a property name (and its parameters). */
static void
begin(ics *w, const char *name)
{
	w->line.len = 0;
	if (w->line.data)
		w->line.data[0] = '\0';
	upl__buf_puts(&w->line, name);
	upl__buf_putc(&w->line, ':');
}

static void
end(ics *w)
{
	if (w->line.failed)
		w->b->failed = 1;
	else
		put_folded(w->b, w->line.data, w->line.len);
}

/* A property whose value is written as it is (ASCII: dates, names). */
static void
prop_raw(ics *w, const char *name, const char *value)
{
	begin(w, name);
	upl__buf_puts(&w->line, value);
	end(w);
}

/* A property whose value is TEXT. */
static void
prop_text(ics *w, const char *name, const char *value)
{
	begin(w, name);
	put_text(w, value);
	end(w);
}

static void
prop_date(ics *w, const char *name, upl_date d)
{
	char v[16];
	snprintf(v, sizeof v, "%04d%02d%02d", d.year, d.month, d.day);
	prop_raw(w, name, v);
}

static void
put_event(ics *w, const ics_event *e)
{
	prop_raw(w, "BEGIN", "VEVENT");
	prop_text(w, "UID", e->uid);
	prop_raw(w, "DTSTAMP", w->stamp);
	prop_date(w, "DTSTART;VALUE=DATE", e->start);
	prop_date(w, "DTEND;VALUE=DATE", e->end);
	prop_text(w, "SUMMARY", e->summary);
	if (e->description)
		prop_text(w, "DESCRIPTION", e->description);
	if (e->category)
		prop_text(w, "CATEGORIES", e->category);
	prop_raw(w, "TRANSP", "TRANSPARENT");
	prop_raw(w, "END", "VEVENT");
}

static void
calendar_begin(ics *w, const char *name)
{
	prop_raw(w, "BEGIN", "VCALENDAR");
	prop_raw(w, "VERSION", "2.0");
	prop_raw(w, "PRODID", ICS_PRODID);
	prop_raw(w, "CALSCALE", "GREGORIAN");
	if (name)
		prop_text(w, "X-WR-CALNAME", name);
}

static void
set_stamp(ics *w, upl_date d)
{
	if (d.year < 1 || !upl_date_is_valid(d))
		upl_date_make(&d, 1970, 1, 1);
	snprintf(w->stamp, sizeof w->stamp, "%04d%02d%02dT000000Z", d.year, d.month, d.day);
}

static void
cover(ics *w, int year)
{
	if (w->ymin == 0 || year < w->ymin)
		w->ymin = year;
	if (year > w->ymax)
		w->ymax = year;
}

/* ------------------------------------------------------------------------ */
/* The official calendar                                                    */

/* The holiday an adjusted working day belongs to (listed by the
 * arrangement of its year or of the next), or NULL. */
static const char *
workday_holiday(const upl_calendar *cal, upl_date d)
{
	upl_calendar_day days[128];
	size_t count, i, k;
	int y;
	for (k = 0; k < 2; k++) {
		y = d.year + (int)k;
		count = 0;
		if (upl_calendar_days(days, 128, &count, cal, y) != 0)
			continue;
		for (i = 0; i < count; i++)
			if (upl_date_compare(days[i].date, d) == 0 && days[i].holiday)
				return days[i].holiday;
	}
	return NULL;
}

/* One day of the official calendar, as the events of the feed: a day off
 * or an adjusted working day; nothing for the others. */
static void
put_statutory_day(ics *w, const upl_calendar *cal, upl_date d, int trad)
{
	char uid[96], summary[64], desc[96];
	upl_workday_info info;
	ics_event e = { uid, d, d, summary, NULL, NULL };
	const char *key;
	if (upl_calendar_workday(&info, cal, d) != 0 || info.status == UPL_DAY_UNKNOWN)
		return;
	upl_date_add_days(&e.end, d, 1);
	if (info.status == UPL_DAY_OFF && strcmp(info.reason, "weekend") != 0) {
		snprintf(uid, sizeof uid, "%04d%02d%02d-off-%s@" ICS_HOLIDAY_DOMAIN, d.year, d.month,
			 d.day, info.reason);
		snprintf(summary, sizeof summary, "%s（休）", upl_holiday_name(info.reason, trad));
		e.category = trad ? "法定節假日" : "法定节假日";
	} else if (info.status == UPL_DAY_WORKDAY && strcmp(info.reason, "adjusted-workday") == 0) {
		snprintf(uid, sizeof uid, "%04d%02d%02d-workday@" ICS_HOLIDAY_DOMAIN, d.year, d.month,
			 d.day);
		snprintf(summary, sizeof summary, "%s", trad ? "調休上班" : "调休上班");
		e.category = summary;
		if ((key = workday_holiday(cal, d)) != NULL) {
			snprintf(desc, sizeof desc, "%s%s", upl_holiday_name(key, trad),
				 trad ? "調休上班" : "调休上班");
			e.description = desc;
		}
	} else {
		return;
	}
	put_event(w, &e);
}

/* The festivals of a year, then its days off and adjusted working days.
 * A year without an arrangement in cal gives ENOTFOUND when need is set,
 * else its festivals only. */
static int
put_year(ics *w, const upl_calendar *cal, int year, int need, int trad)
{
	upl_holiday_occurrence occ[64];
	size_t count = 0, i;
	upl_date from, to, d;
	char uid[96];
	ics_event e = { uid, UPL_DATE_INIT, UPL_DATE_INIT, NULL, NULL, NULL };
	upl_date_make(&from, year, 1, 1);
	upl_date_make(&to, year, 12, 31);
	if (need && !upl_calendar_has_year(cal, year))
		return upl__error_set(w->err, UPL_ENOTFOUND, NULL, 0, 0,
				      "no official arrangement for %d", year);
	if (upl_holiday_list(occ, 64, &count, from, to) != 0)
		return upl__error_set(w->err, UPL_ENOMEM, NULL, 0, 0,
				      "the festivals of %d could not be listed", year);
	e.category = trad ? "節日" : "节日";
	for (i = 0; i < count; i++) {
		snprintf(uid, sizeof uid, "%04d%02d%02d-festival-%s@" ICS_HOLIDAY_DOMAIN,
			 occ[i].date.year, occ[i].date.month, occ[i].date.day, occ[i].key);
		e.start = occ[i].date;
		upl_date_add_days(&e.end, e.start, 1);
		e.summary = upl_holiday_name(occ[i].key, trad);
		put_event(w, &e);
	}
	if (!upl_calendar_has_year(cal, year))
		return 0;
	for (d = from; upl_date_compare(d, to) <= 0; upl_date_add_days(&d, d, 1))
		put_statutory_day(w, cal, d, trad);
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Plans                                                                    */

/* FNV-1a, 64 bits, over s and a NUL after it. */
static uint64_t
fnv(uint64_t h, const char *s)
{
	size_t i, n = s ? strlen(s) + 1 : 1;
	for (i = 0; i < n; i++) {
		h ^= s ? (unsigned char)s[i] : 0u;
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

/* What the activities of one plan share. */
typedef struct plan_ctx {
	const upl_plan *plan;
	upl_period period;
	const char *title;
	int trad;
	uint64_t seed;   /* the hash of title and period */
	upl_buf path;    /* the index path of the node being written: "0.4.1" */
} plan_ctx;

int
upl__export_month_year(const upl_period *pd, int m)
{
	int y;
	if (pd->start.year > 0 && pd->end.year >= pd->start.year) {
		for (y = pd->start.year; y <= pd->end.year; y++)
			if (y * 12 + m >= pd->start.year * 12 + pd->start.month &&
			    y * 12 + m <= pd->end.year * 12 + pd->end.month)
				return y;
	}
	if (pd->start.year > 0)
		y = m >= pd->start.month ? pd->start.year : pd->start.year + 1;
	else if (pd->schoolyear > 0)
		y = m >= 9 ? pd->schoolyear : pd->schoolyear + 1;
	else
		return 0;
	return y <= 9999 ? y : 0;
}

/* The days of an activity: its date, else its month or span of months.
 * Returns 0, or -1 when its year cannot be known (then it is left out). */
static int
activity_days(const plan_ctx *c, const upl_node *month, const upl_node *a, upl_date *start,
	      upl_date *stop)
{
	upl_date d = upl_node_date(a);
	int m = upl_node_month(month), to = upl_node_month_to(month), y = upl_node_year(month);
	int last = to > 0 ? to : m, ly;
	if (d.month > 0) {
		if (d.year == 0)
			d.year = y > 0 ? y + (to > 0 && to < m && d.month < m)
				       : upl__export_month_year(&c->period, d.month);
		if (d.year == 0 || upl_date_make(start, d.year, d.month, d.day) != 0)
			return -1;
		return upl_date_add_days(stop, *start, 1) == 0 ? 0 : -1;
	}
	if (y == 0)
		y = upl__export_month_year(&c->period, m);
	ly = y + (last < m);
	if (y == 0 || ly + (last == 12) > 9999 || upl_date_make(start, y, m, 1) != 0)
		return -1;
	return upl_date_make(stop, last == 12 ? ly + 1 : ly, last == 12 ? 1 : last + 1, 1);
}

static void
put_activity(ics *w, plan_ctx *c, const upl_node *month, const upl_node *a)
{
	char uid[64 + 32], label[32];
	upl_buf desc = UPL_BUF_INIT, id = UPL_BUF_INIT;
	ics_event e = { NULL, UPL_DATE_INIT, UPL_DATE_INIT, upl_node_text(a), NULL, NULL };
	const char *ml = upl_node_label(month);
	uint64_t h;
	if (activity_days(c, month, a, &e.start, &e.end) != 0)
		return;
	h = fnv(fnv(c->seed, c->path.data), upl_node_text(a));
	snprintf(uid, sizeof uid, "%016" PRIx64 "-", h);
	upl__buf_puts(&id, uid);
	upl__buf_puts(&id, c->path.data);
	upl__buf_puts(&id, "@unionplan");
	if (ml == NULL || *ml == '\0') {
		if (upl_node_month_to(month) > 0)
			snprintf(label, sizeof label, "%d月至%d月", upl_node_month(month),
				 upl_node_month_to(month));
		else
			snprintf(label, sizeof label, "%d月", upl_node_month(month));
		ml = label;
	}
	upl__buf_puts(&desc, ml);
	if (c->title) {
		upl__buf_putc(&desc, '\n');
		upl__buf_puts(&desc, c->title);
	}
	if (upl_node_holiday(a))
		e.category = upl_holiday_name(upl_node_holiday(a), c->trad);
	e.uid = id.data;
	e.description = desc.data;
	if (desc.failed || id.failed)
		w->b->failed = 1;
	else
		put_event(w, &e);
	cover(w, e.start.year);
	cover(w, e.end.year - (e.end.month == 1 && e.end.day == 1));
	upl__buf_free(&desc);
	upl__buf_free(&id);
}

/* A node and what it holds, in document order; i is its index among its
 * siblings, added to the path while it is written. */
static void
put_node(ics *w, plan_ctx *c, const upl_node *n, size_t i)
{
	size_t keep = c->path.len, k;
	upl__buf_printf(&c->path, keep ? ".%zu" : "%zu", i);
	if (c->path.failed)
		w->b->failed = 1;
	else if (upl_node_kind(n) == UPL_NODE_ACTIVITY && upl_node_parent(n) != NULL)
		put_activity(w, c, upl_node_parent(n), n);
	else
		for (k = 0; k < upl_node_child_count(n) && w->rc == 0; k++)
			put_node(w, c, upl_node_child(n, k), k);
	c->path.len = keep;
	if (c->path.data)
		c->path.data[keep] = '\0';
}

static void
put_plan(ics *w, const upl_plan *p, size_t index)
{
	plan_ctx c;
	char iso[2][UPL_DATE_ISO_SIZE] = { "", "" };
	size_t k;
	const char *lang = upl_plan_lang(p);
	memset(&c, 0, sizeof c);
	c.plan = p;
	c.period.version = UPL_PERIOD_VERSION;
	upl_plan_period(p, &c.period);
	c.title = upl_plan_title(p);
	c.trad = lang != NULL && strcmp(lang, "zh-Hant") == 0;
	upl_date_format(iso[0], c.period.start);
	upl_date_format(iso[1], c.period.end);
	c.seed = fnv(fnv(fnv(fnv(UINT64_C(0xcbf29ce484222325), c.title), c.period.text), iso[0]),
		     iso[1]);
	if (c.period.start.year > 0 && c.period.end.year > 0) {
		cover(w, c.period.start.year);
		cover(w, c.period.end.year);
	}
	upl__buf_printf(&c.path, "%zu", index);
	for (k = 0; k < upl_plan_block_count(p) && w->rc == 0; k++)
		put_node(w, &c, upl_plan_block(p, k), k);
	if (c.path.failed)
		w->b->failed = 1;
	upl__buf_free(&c.path);
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                             */

static int
check_opts(const upl_export_options *opts, unsigned int *flags, upl_error **err)
{
	return upl__export_opts(opts, UPL_EXPORT_POSITIONS | UPL_EXPORT_PRETTY | UPL_EXPORT_HOLIDAYS,
				flags, err);
}

/* The first of the plans' titles, and the stamp: the first issued date,
 * else the first period start. */
static const char *
doc_name_and_stamp(ics *w, const upl_doc *doc)
{
	const char *title = NULL;
	upl_date stamp = UPL_DATE_INIT, issued;
	size_t i;
	for (i = 0; i < upl_doc_plan_count(doc); i++) {
		const upl_plan *p = upl_doc_plan(doc, i);
		if (title == NULL && upl_plan_title(p) && *upl_plan_title(p))
			title = upl_plan_title(p);
		issued = upl_plan_issued_date(p);
		if (stamp.year == 0 && issued.year > 0)
			stamp = issued;
	}
	for (i = 0; i < upl_doc_plan_count(doc) && stamp.year == 0; i++) {
		upl_period pd = UPL_PERIOD_INIT;
		upl_plan_period(upl_doc_plan(doc, i), &pd);
		if (pd.start.year > 0)
			stamp = pd.start;
	}
	set_stamp(w, stamp);
	return title;
}

int
upl_export_ics_buffer(char **out, size_t *len, const upl_doc *doc,
		      const upl_export_options *opts, upl_error **err)
{
	upl_buf b = UPL_BUF_INIT;
	ics w;
	unsigned int flags;
	const char *lang;
	size_t i;
	int rc, y;
	if (out == NULL || doc == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if ((rc = check_opts(opts, &flags, err)) != 0)
		return rc;
	if (upl_doc_plan_count(doc) == 0)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "the document has no plan");
	memset(&w, 0, sizeof w);
	w.b = &b;
	w.err = err;
	calendar_begin(&w, doc_name_and_stamp(&w, doc));
	for (i = 0; i < upl_doc_plan_count(doc) && w.rc == 0; i++)
		put_plan(&w, upl_doc_plan(doc, i), i);
	lang = upl_plan_lang(upl_doc_plan(doc, 0));
	if ((flags & UPL_EXPORT_HOLIDAYS) && w.ymin > 0)
		for (y = w.ymin; y <= w.ymax && w.rc == 0; y++)
			w.rc = put_year(&w, NULL, y, 0, lang != NULL && strcmp(lang, "zh-Hant") == 0);
	prop_raw(&w, "END", "VCALENDAR");
	upl__buf_free(&w.line);
	return upl__buf_finish(&b, w.rc, out, len, err);
}

int
upl_export_ics_holidays_buffer(char **out, size_t *len, const upl_calendar *cal,
			       const int *years, size_t n, const upl_export_options *opts,
			       upl_error **err)
{
	upl_buf b = UPL_BUF_INIT, name = UPL_BUF_INIT;
	ics w;
	unsigned int flags;
	size_t i, k;
	int rc;
	upl_date first;
	if (out == NULL || years == NULL || n == 0)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if ((rc = check_opts(opts, &flags, err)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if (years[i] < 1 || years[i] > 9999)
			return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "year %d out of range 1..9999",
					      years[i]);
	memset(&w, 0, sizeof w);
	w.b = &b;
	w.err = err;
	upl_date_make(&first, years[0], 1, 1);
	set_stamp(&w, first);
	upl__buf_puts(&name, "中国节假日");
	for (i = 0; i < n; i++)
		upl__buf_printf(&name, "%s%d", i ? "、" : " ", years[i]);
	calendar_begin(&w, name.failed ? "中国节假日" : name.data);
	upl__buf_free(&name);
	for (i = 0; i < n && w.rc == 0; i++) {
		for (k = 0; k < i && years[k] != years[i]; k++)
			;
		if (k == i)
			w.rc = put_year(&w, cal, years[i], 1, 0);
	}
	prop_raw(&w, "END", "VCALENDAR");
	upl__buf_free(&w.line);
	return upl__buf_finish(&b, w.rc, out, len, err);
}

int
upl_export_ics_file(const upl_doc *doc, const char *path, const upl_export_options *opts,
		    upl_error **err)
{
	return upl__export_doc_file(upl_export_ics_buffer, doc, path, opts, err);
}

int
upl_export_ics_holidays_file(const upl_calendar *cal, const int *years, size_t n,
			     const char *path, const upl_export_options *opts, upl_error **err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;
	if (path == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no file name given");
	rc = upl_export_ics_holidays_buffer(&data, &len, cal, years, n, opts, err);
	return upl__write_built(path, rc, data, len, err);
}

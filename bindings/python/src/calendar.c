/*
 * unionplan._unionplan: the calendar functions (festivals, statutory days
 * off, solar terms, lunar dates, working days) and the Calendar type (a
 * set of statutory arrangements, upl_calendar).
 *
 * Every function here holds the GIL for its whole call: the calendar calls
 * are short, and a Calendar is only changed (load_file, loads) under the
 * GIL, so no other thread reads it while it changes, as calendar.h asks.
 */
#include "unionplan-py.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
	PyObject_HEAD
	upl_calendar *cal;
} CalendarObject;

static PyTypeObject CalendarType;

/* ------------------------------------------------------------------------ */
/* Arguments                                                                */

/* An int argument (bool refused) within [lo, hi]: 0, or -1 with TypeError
 * or ValueError set. */
static int
long_arg(PyObject *o, const char *what, long lo, long hi, long *out)
{
	int overflow = 0;
	long v;
	if (o == NULL || PyBool_Check(o) || !PyLong_Check(o)) {
		PyErr_Format(PyExc_TypeError, "%s must be an int, not %.100s", what,
			     o ? Py_TYPE(o)->tp_name : "nothing");
		return -1;
	}
	v = PyLong_AsLongAndOverflow(o, &overflow);
	if (v == -1 && PyErr_Occurred())
		return -1;
	if (overflow != 0 || v < lo || v > hi) {
		PyErr_Format(PyExc_ValueError, "%s must be between %ld and %ld", what, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

static int
year_arg(PyObject *o, int *year)
{
	long v;
	if (long_arg(o, "year", 1, 9999, &v) != 0)
		return -1;
	*year = (int)v;
	return 0;
}

/* calendar=: None (the embedded data, NULL) or a Calendar. */
static int
calendar_arg(PyObject *o, const upl_calendar **out)
{
	if (o == NULL || o == Py_None) {
		*out = NULL;
		return 0;
	}
	if (!PyObject_TypeCheck(o, &CalendarType)) {
		PyErr_Format(PyExc_TypeError, "calendar must be a unionplan.Calendar or None, not %.100s",
			     Py_TYPE(o)->tp_name);
		return -1;
	}
	*out = ((CalendarObject *)o)->cal;
	return 0;
}

/* The Chinese name of a holiday key or of an arrangement's reason. */
static const char *
holiday_name(const char *key)
{
	const char *name = upl_holiday_name(key, 0);
	return name != NULL ? name : key;
}

static PyObject *
holiday_new(upl_date d, const char *key)
{
	return upy_tuple_new(upy_Holiday, "(N s s)", upy_date_new(d), key, holiday_name(key));
}

/* A str for UTF-8 text of the library. Lunar dates are Chinese characters
 * of the Basic Multilingual Plane: they are decoded here straight into a
 * UCS-2 buffer, which is quicker than the general decoder; anything else
 * (a longer text, a character beyond U+FFFF) goes to the general decoder. */
static PyObject *
text_str(const char *s)
{
	Py_UCS2 buf[UPL_LUNAR_TEXT_SIZE];
	const unsigned char *p = (const unsigned char *)s;
	Py_ssize_t n = 0;
	while (*p != 0 && n < UPL_LUNAR_TEXT_SIZE) {
		if (p[0] < 0x80) {
			buf[n++] = p[0];
			p += 1;
		} else if ((p[0] & 0xe0) == 0xc0 && (p[1] & 0xc0) == 0x80 && p[0] >= 0xc2) {
			buf[n++] = (Py_UCS2)(((p[0] & 0x1f) << 6) | (p[1] & 0x3f));
			p += 2;
		} else if ((p[0] & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
			Py_UCS2 c = (Py_UCS2)(((p[0] & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f));
			if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))
				break;
			buf[n++] = c;
			p += 3;
		} else {
			break;
		}
	}
	if (*p != 0)
		return PyUnicode_FromString(s);
	return PyUnicode_FromKindAndData(PyUnicode_2BYTE_KIND, buf, n);
}

/* A str for a static string of the library that recurs (干支, animals,
 * status words, reasons), made once and kept for the life of the
 * process, keyed by the string's address. A new reference; ValueError for
 * NULL. */
static PyObject *
static_str(const char *s)
{
	enum { SLOTS = 256 };
	static struct { const char *s; PyObject *o; } cache[SLOTS];
	size_t i, h;
	if (s == NULL)
		return PyErr_Format(PyExc_ValueError, "%s", "no name for this value");
	h = ((size_t)s >> 3) % SLOTS;
	for (i = 0; i < SLOTS; i++) {
		size_t k = (h + i) % SLOTS;
		if (cache[k].s == s)
			return Py_NewRef(cache[k].o);
		if (cache[k].s == NULL) {
			PyObject *o = PyUnicode_FromString(s);
			if (o == NULL)
				return NULL;
			cache[k].s = s;
			cache[k].o = Py_NewRef(o);
			return o;
		}
	}
	return PyUnicode_FromString(s); /* full: not cached */
}

/* ------------------------------------------------------------------------ */
/* Festivals                                                                */

/* Holiday tuples for every festival in [from, to]. */
static PyObject *
festival_list(upl_date from, upl_date to)
{
	upl_holiday_occurrence small[64], *occ = small;
	PyObject *list = NULL, *item;
	size_t n = 0, i;
	int rc = upl_holiday_list(occ, 64, &n, from, to);
	if (rc == UPL_ERANGE) {
		occ = PyMem_New(upl_holiday_occurrence, n);
		if (occ == NULL)
			return PyErr_NoMemory();
		rc = upl_holiday_list(occ, n, &n, from, to);
	}
	if (rc != 0) {
		upy_raise(rc, NULL);
		goto out;
	}
	if ((list = PyList_New(0)) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		item = holiday_new(occ[i].date, occ[i].key);
		if (item == NULL || PyList_Append(list, item) != 0) {
			Py_XDECREF(item);
			Py_CLEAR(list);
			goto out;
		}
		Py_DECREF(item);
	}
out:
	if (occ != small)
		PyMem_Free(occ);
	return list;
}

/* Holiday tuples for the days off of a year's arrangement. */
static PyObject *
statutory_list(const upl_calendar *cal, int year)
{
	upl_calendar_day *days;
	PyObject *list = NULL, *item;
	size_t n = 0, i;
	int rc = upl_calendar_days(NULL, 0, &n, cal, year);
	if (rc == UPL_ENOTFOUND)
		return PyErr_Format(PyExc_LookupError, "no official arrangement for year %d", year);
	if (rc != 0 && rc != UPL_ERANGE)
		return upy_raise(rc, NULL);
	days = PyMem_New(upl_calendar_day, n ? n : 1);
	if (days == NULL)
		return PyErr_NoMemory();
	if ((rc = upl_calendar_days(days, n, &n, cal, year)) != 0) {
		upy_raise(rc, NULL);
		goto out;
	}
	if ((list = PyList_New(0)) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		if (days[i].status != UPL_DAY_OFF)
			continue;
		item = holiday_new(days[i].date, days[i].holiday);
		if (item == NULL || PyList_Append(list, item) != 0) {
			Py_XDECREF(item);
			Py_CLEAR(list);
			goto out;
		}
		Py_DECREF(item);
	}
out:
	PyMem_Free(days);
	return list;
}

PyDoc_STRVAR(holidays_doc,
"holidays(year, statutory=False, calendar=None)\n--\n\n"
"The holidays of a Gregorian year, in date order, as a list of\n"
"Holiday(date, key, name).\n\n"
"By default: every festival that falls in the year (the 20 holiday keys:\n"
"new-year 元旦, spring-festival 春节, mid-autumn 中秋节, ...; laba may\n"
"appear twice or not at all). Festivals on the same day follow the order\n"
"of the keys.\n\n"
"statutory=True: the official days off (放假) of the year's statutory\n"
"arrangement instead, weekends inside the break included, adjusted\n"
"working days (调休上班) left out. key is the holiday the arrangement gives\n"
"the day (national-day for the combined 国庆节、中秋节 breaks,\n"
"victory-day for 3-5 September 2015) and name its Chinese name. The\n"
"arrangement is that of the notice for the year, so it may begin with\n"
"days of the December before (2019 begins with 2018-12-30). calendar is\n"
"a Calendar, or None for the data embedded in the library; a year it has\n"
"no arrangement for raises LookupError.\n\n"
"year must be in 1..9999 (ValueError otherwise).");

static PyObject *
py_holidays(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "year", "statutory", "calendar", NULL };
	PyObject *yo, *co = Py_None;
	const upl_calendar *cal;
	int statutory = 0, year;
	upl_date from, to;
	(void)self;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|pO:holidays", kwlist, &yo, &statutory, &co) ||
	    year_arg(yo, &year) != 0 || calendar_arg(co, &cal) != 0)
		return NULL;
	if (statutory)
		return statutory_list(cal, year);
	from.year = to.year = year;
	from.month = from.day = 1;
	to.month = 12;
	to.day = 31;
	return festival_list(from, to);
}

PyDoc_STRVAR(holidays_between_doc,
"holidays_between(start, end)\n--\n\n"
"Every festival from start to end (datetime.date, both included), in date\n"
"order, as a list of Holiday(date, key, name). end before start raises\n"
"ValueError.");

static PyObject *
py_holidays_between(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "start", "end", NULL };
	PyObject *so, *eo;
	upl_date from, to;
	(void)self;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "OO:holidays_between", kwlist, &so, &eo) ||
	    upy_date_from(so, &from) != 0 || upy_date_from(eo, &to) != 0)
		return NULL;
	if (upl_date_compare(to, from) < 0) {
		PyErr_SetString(PyExc_ValueError, "end is before start");
		return NULL;
	}
	return festival_list(from, to);
}

PyDoc_STRVAR(holidays_ics_doc,
"holidays_ics(*years, calendar=None)\n--\n\n"
"The official calendar of the years as one iCalendar feed (str, CRLF\n"
"lines; doc/ics.md), what `unionplan holidays --format=ics YEAR...`\n"
"writes: for each year its festivals, its official days off\n"
"(国庆节（休）) and its adjusted working days (调休上班), each an all-day\n"
"event with a UID made from the day. A year given twice is written once.\n"
"calendar is a Calendar, or None for the data embedded in the library; a\n"
"year it has no arrangement for raises LookupError. No year, or one\n"
"outside 1..9999, raises ValueError.");

static PyObject *
py_holidays_ics(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "calendar", NULL };
	PyObject *co = Py_None, *none = NULL, *res = NULL;
	const upl_calendar *cal;
	Py_ssize_t n = PyTuple_GET_SIZE(args), i;
	upl_error *err = NULL;
	char *out = NULL;
	size_t len = 0;
	int *years, rc;
	(void)self;
	if ((none = PyTuple_New(0)) == NULL)
		return NULL;
	rc = PyArg_ParseTupleAndKeywords(none, kw, "|O:holidays_ics", kwlist, &co);
	Py_DECREF(none);
	if (!rc || calendar_arg(co, &cal) != 0)
		return NULL;
	if (n == 0) {
		PyErr_SetString(PyExc_ValueError, "holidays_ics() needs at least one year");
		return NULL;
	}
	if ((years = PyMem_New(int, (size_t)n)) == NULL)
		return PyErr_NoMemory();
	for (i = 0; i < n; i++)
		if (year_arg(PyTuple_GET_ITEM(args, i), &years[i]) != 0)
			goto out;
	Py_BEGIN_ALLOW_THREADS
	rc = upl_export_ics_holidays_buffer(&out, &len, cal, years, (size_t)n, NULL, &err);
	Py_END_ALLOW_THREADS
	if (rc != 0)
		upy_raise(rc, err); /* LookupError for a year without an arrangement */
	else
		res = PyUnicode_DecodeUTF8(out, (Py_ssize_t)len, "strict");
	upl_free(out);
out:
	PyMem_Free(years);
	return res;
}

PyDoc_STRVAR(festival_doc,
"festival(key_or_name, year)\n--\n\n"
"The datetime.date of a festival in a Gregorian year.\n\n"
"key_or_name is a holiday key (\"mid-autumn\") or a Chinese name or alias\n"
"as written in plans, simplified or traditional (中秋节, 中秋, 八月十五,\n"
"“五一”, 重阳, 腊八). Lunar festivals fall in the lunar year whose 正月初一\n"
"falls in year; laba is the first 腊月初八 in the year. An unknown name\n"
"raises ValueError; a festival that does not fall in the year (laba in\n"
"2023) raises LookupError.");

static PyObject *
py_festival(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "key_or_name", "year", NULL };
	PyObject *no, *yo;
	const char *name, *key = NULL;
	Py_ssize_t len;
	upl_date d;
	int year, rc;
	(void)self;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "OO:festival", kwlist, &no, &yo))
		return NULL;
	if (!PyUnicode_Check(no))
		return PyErr_Format(PyExc_TypeError, "key_or_name must be a str, not %.100s",
				    Py_TYPE(no)->tp_name);
	if ((name = PyUnicode_AsUTF8AndSize(no, &len)) == NULL || year_arg(yo, &year) != 0)
		return NULL;
	if ((size_t)len == strlen(name) && upl_holiday_kind_of(name) > 0)
		key = name;
	else if (upl_holiday_from_name(&key, name, (size_t)len) != 0)
		return PyErr_Format(PyExc_ValueError, "unknown festival: %R", no);
	rc = upl_holiday_date(&d, key, year);
	if (rc == UPL_ENOTFOUND)
		return PyErr_Format(PyExc_LookupError, "%s does not fall in %d", key, year);
	if (rc != 0)
		return upy_raise(rc, NULL);
	return upy_date_new(d);
}

PyDoc_STRVAR(solar_terms_doc,
"solar_terms(year)\n--\n\n"
"The 24 solar terms (节气) of a Gregorian year in date order, from 小寒 to\n"
"冬至, as a list of SolarTerm(date, key, name): the date in China Standard\n"
"Time, the key in pinyin without tones (\"qingming\"), the Chinese name\n"
"(清明). year must be in 1..9999.");

static PyObject *
py_solar_terms(PyObject *self, PyObject *yo)
{
	PyObject *list, *item;
	upl_date d;
	int year, i, rc;
	(void)self;
	if (year_arg(yo, &year) != 0)
		return NULL;
	if ((list = PyList_New(UPL_SOLAR_TERM_COUNT)) == NULL)
		return NULL;
	for (i = 0; i < UPL_SOLAR_TERM_COUNT; i++) {
		if ((rc = upl_solar_term_date(&d, year, i)) != 0) {
			Py_DECREF(list);
			return upy_raise(rc, NULL);
		}
		item = upy_tuple_new(upy_SolarTerm, "(N s s)", upy_date_new(d), upl_solar_term_key(i),
				     upl_solar_term_name(i, 0));
		if (item == NULL) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, i, item);
	}
	return list;
}

/* ------------------------------------------------------------------------ */
/* Lunar dates                                                              */

PyDoc_STRVAR(lunar_doc,
"lunar(date)\n--\n\n"
"The lunar date of a datetime.date, as LunarDate(year, month, leap, day,\n"
"text, ganzhi, zodiac, official).\n\n"
"year is the Gregorian year in which the lunar year's 正月初一 falls\n"
"(2013-02-09, 除夕, is lunar year 2012); month 1..12; leap True for a\n"
"leap month (闰月); day 1..30; text the date in Chinese with the year's\n"
"干支 (壬辰年八月十五); ganzhi the year's 干支 (壬辰); zodiac its animal (龙);\n"
"official True when the answer comes from the library's official table\n"
"(lunar years 1901-2100), False when ICU computed it. A date before lunar\n"
"year 1 raises ValueError.");

static PyObject *
py_lunar(PyObject *self, PyObject *o)
{
	char text[UPL_LUNAR_TEXT_SIZE];
	PyObject *items[8];
	upl_lunar_date l;
	upl_date d;
	int rc;
	(void)self;
	if (upy_date_from(o, &d) != 0)
		return NULL;
	if ((rc = upl_lunar_from_date(&l, d)) != 0 ||
	    (rc = upl_lunar_format(text, sizeof text, &l, 0)) != 0)
		return upy_raise(rc, NULL);
	items[0] = PyLong_FromLong(l.year);
	items[1] = PyLong_FromLong(l.month);
	items[2] = PyBool_FromLong(l.leap);
	items[3] = PyLong_FromLong(l.day);
	items[4] = text_str(text);
	items[5] = static_str(upl_lunar_ganzhi(l.year));
	items[6] = static_str(upl_lunar_zodiac(l.year, 0));
	items[7] = PyBool_FromLong(l.source == UPL_LUNAR_SOURCE_TABLE);
	return upy_tuple_from(upy_LunarDate, 8, items);
}

PyDoc_STRVAR(from_lunar_doc,
"from_lunar(year, month, day, leap=False)\n--\n\n"
"The datetime.date of a lunar date: year is the lunar year (the Gregorian\n"
"year of its 正月初一), 1..9999; month 1..12; day 1..30; leap True for the\n"
"leap copy of the month. A date that does not exist (day 30 of a 29-day\n"
"month, a leap flag on a month without a leap copy that year) raises\n"
"ValueError: it is never moved to a neighbour.");

static PyObject *
py_from_lunar(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "year", "month", "day", "leap", NULL };
	PyObject *yo, *mo, *dob;
	long month, day;
	int year, leap = 0, rc;
	upl_date d;
	(void)self;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "OOO|p:from_lunar", kwlist, &yo, &mo, &dob,
					 &leap) ||
	    year_arg(yo, &year) != 0 || long_arg(mo, "month", 1, 12, &month) != 0 ||
	    long_arg(dob, "day", 1, 30, &day) != 0)
		return NULL;
	rc = upl_lunar_to_date(&d, NULL, year, (int)month, leap, (int)day);
	if (rc == UPL_EINVAL)
		return PyErr_Format(PyExc_ValueError, "lunar year %d has no %smonth %ld day %ld",
				    year, leap ? "leap " : "", month, day);
	if (rc != 0)
		return upy_raise(rc, NULL);
	return upy_date_new(d);
}

/* ------------------------------------------------------------------------ */
/* Working days                                                             */

/* Parse the arguments of a workday function: one or two objects (b NULL
 * for one, format "O|O:name" or "OO|O:name") and calendar=None last. */
static int
calendar_args(PyObject *args, PyObject *kw, const char *format, char **kwlist, PyObject **a,
	      PyObject **b, const upl_calendar **cal)
{
	PyObject *co = Py_None;
	int ok = b ? PyArg_ParseTupleAndKeywords(args, kw, format, kwlist, a, b, &co)
		   : PyArg_ParseTupleAndKeywords(args, kw, format, kwlist, a, &co);
	return ok && calendar_arg(co, cal) == 0 ? 0 : -1;
}

/* Parse (date, calendar=None). */
static int
date_calendar_args(PyObject *args, PyObject *kw, const char *format, upl_date *d,
		   const upl_calendar **cal)
{
	static char *kwlist[] = { "date", "calendar", NULL };
	PyObject *dob;
	if (calendar_args(args, kw, format, kwlist, &dob, NULL, cal) != 0)
		return -1;
	return upy_date_from(dob, d);
}

static PyObject *
lookup_error(upl_date d)
{
	return PyErr_Format(PyExc_LookupError, "no official arrangement for year %d", d.year);
}

PyDoc_STRVAR(workday_doc,
"workday(date, calendar=None)\n--\n\n"
"Whether a day is an official working day, as Workday(status, reason).\n\n"
"status is \"workday\", \"day-off\" or \"unknown\" (a year without official\n"
"data: never guessed). reason is the holiday key of a statutory day off\n"
"(\"national-day\"), \"weekend\", \"adjusted-workday\" for a Saturday or\n"
"Sunday worked under an arrangement (调休上班), or None (an ordinary\n"
"working day, an unknown day). calendar is a Calendar, or None for the\n"
"data embedded in the library.");

static PyObject *
py_workday(PyObject *self, PyObject *args, PyObject *kw)
{
	static const char *const status[] = { "unknown", "workday", "day-off" };
	PyObject *items[2];
	const upl_calendar *cal;
	upl_workday_info w;
	upl_date d;
	int rc;
	(void)self;
	if (date_calendar_args(args, kw, "O|O:workday", &d, &cal) != 0)
		return NULL;
	if ((rc = upl_calendar_workday(&w, cal, d)) != 0)
		return upy_raise(rc, NULL);
	if ((unsigned int)w.status > UPL_DAY_OFF)
		w.status = UPL_DAY_UNKNOWN;
	items[0] = static_str(status[w.status]);
	items[1] = *w.reason ? static_str(w.reason) : Py_NewRef(Py_None);
	return upy_tuple_from(upy_Workday, 2, items);
}

PyDoc_STRVAR(is_workday_doc,
"is_workday(date, calendar=None)\n--\n\n"
"True if the day is an official working day (adjusted working days\n"
"included), False if it is a day off (a statutory holiday or a weekend).\n"
"A day of a year without official data raises LookupError rather than\n"
"guessing.");

static PyObject *
py_is_workday(PyObject *self, PyObject *args, PyObject *kw)
{
	const upl_calendar *cal;
	upl_workday_info w;
	upl_date d;
	int rc;
	(void)self;
	if (date_calendar_args(args, kw, "O|O:is_workday", &d, &cal) != 0)
		return NULL;
	if ((rc = upl_calendar_workday(&w, cal, d)) != 0)
		return upy_raise(rc, NULL);
	if (w.status == UPL_DAY_UNKNOWN)
		return lookup_error(d);
	return PyBool_FromLong(w.status == UPL_DAY_WORKDAY);
}

PyDoc_STRVAR(workdays_between_doc,
"workdays_between(start, end, calendar=None)\n--\n\n"
"The number of official working days from start to end, both included\n"
"(as chinese_calendar's get_workdays counts them): adjusted working days\n"
"count, statutory days off and weekends do not. end before start gives 0.\n"
"A day of a year without official data in the range raises LookupError.");

static PyObject *
py_workdays_between(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "start", "end", "calendar", NULL };
	PyObject *so, *eo;
	const upl_calendar *cal;
	upl_date start, end;
	long n;
	int rc;
	(void)self;
	if (calendar_args(args, kw, "OO|O:workdays_between", kwlist, &so, &eo, &cal) != 0 ||
	    upy_date_from(so, &start) != 0 || upy_date_from(eo, &end) != 0)
		return NULL;
	rc = upl_calendar_workdays_between(&n, cal, start, end);
	if (rc == UPL_ENOTFOUND)
		return PyErr_Format(PyExc_LookupError,
				    "no official arrangement for some year of %d..%d", start.year,
				    end.year);
	if (rc != 0)
		return upy_raise(rc, NULL);
	return PyLong_FromLong(n);
}

PyDoc_STRVAR(add_workdays_doc,
"add_workdays(date, n, calendar=None)\n--\n\n"
"The datetime.date n working days after date (before it when n is\n"
"negative). date is first moved forward to a working day (it stays when it\n"
"is one), then by n working days: n=0 gives date itself on a working day\n"
"and the next working day otherwise; from Friday 2012-09-28, 1 gives the\n"
"adjusted working day 2012-09-29 and 2 gives 2012-10-08. This is the rule\n"
"of chinese_calendar's find_workday and numpy's busday_offset with\n"
"roll='forward'. LookupError when the walk reaches a year without official\n"
"data; ValueError when it leaves years 1..9999.");

static PyObject *
py_add_workdays(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "date", "n", "calendar", NULL };
	PyObject *dob, *no;
	const upl_calendar *cal;
	upl_date d, out;
	long n;
	int rc;
	(void)self;
	if (calendar_args(args, kw, "OO|O:add_workdays", kwlist, &dob, &no, &cal) != 0 ||
	    upy_date_from(dob, &d) != 0 || long_arg(no, "n", -LONG_MAX, LONG_MAX, &n) != 0)
		return NULL;
	rc = upl_calendar_add_workdays(&out, cal, d, n);
	if (rc == UPL_ENOTFOUND)
		return PyErr_Format(PyExc_LookupError,
				    "%ld working days from %04d-%02d-%02d reach a year without "
				    "an official arrangement", n, d.year, d.month, d.day);
	if (rc == UPL_ERANGE)
		return PyErr_Format(PyExc_ValueError,
				    "%ld working days from %04d-%02d-%02d leave years 1..9999", n,
				    d.year, d.month, d.day);
	if (rc != 0)
		return upy_raise(rc, NULL);
	return upy_date_new(out);
}

/* ------------------------------------------------------------------------ */
/* Calendar                                                                 */

static PyObject *
calendar_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { NULL };
	CalendarObject *self;
	upl_error *err = NULL;
	int rc;
	if (!PyArg_ParseTupleAndKeywords(args, kw, ":Calendar", kwlist))
		return NULL;
	self = (CalendarObject *)type->tp_alloc(type, 0);
	if (self == NULL)
		return NULL;
	if ((rc = upl_calendar_new(&self->cal, &err)) != 0) {
		Py_DECREF(self);
		return upy_raise(rc, err);
	}
	return (PyObject *)self;
}

static void
calendar_dealloc(CalendarObject *self)
{
	upl_calendar_free(self->cal);
	Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The errno behind a UPL_EIO of upl_calendar_load_file: saved is errno
 * just after the call; a directory is opened without error and refused
 * by the library, so look. */
static int
load_errno(int saved, const char *path)
{
	struct stat st;
	if (saved != 0)
		return saved;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return EISDIR;
	return 0;
}

PyDoc_STRVAR(calendar_load_file_doc,
"load_file($self, path)\n--\n\n"
"Load statutory arrangements from a data file (str or os.PathLike, in the\n"
"format of doc/calendar.md) into this calendar: each year the file holds\n"
"replaces that year, other years are kept. The whole file is checked\n"
"first: on any error the calendar is unchanged. A missing or unreadable\n"
"file raises FileNotFoundError, PermissionError, IsADirectoryError or\n"
"OSError; a malformed one raises ParseError with its line and column.");

static PyObject *
calendar_load_file(CalendarObject *self, PyObject *po)
{
	PyObject *path = NULL;
	upl_error *err = NULL;
	int rc, saved;
	if (!PyUnicode_FSConverter(po, &path))
		return NULL;
	errno = 0;
	rc = upl_calendar_load_file(self->cal, PyBytes_AS_STRING(path), &err);
	saved = errno;
	if (rc == UPL_EIO) {
		PyObject *name = PyOS_FSPath(po);
		upy_raise_io(load_errno(saved, PyBytes_AS_STRING(path)), err, name);
		Py_XDECREF(name);
	} else if (rc != 0) {
		upy_raise(rc, err);
	}
	Py_DECREF(path);
	if (rc != 0)
		return NULL;
	Py_RETURN_NONE;
}

PyDoc_STRVAR(calendar_loads_doc,
"loads($self, data, name=None)\n--\n\n"
"Load statutory arrangements from data (str, or bytes in UTF-8) as\n"
"load_file does; name is the name given in a ParseError.");

static PyObject *
calendar_loads(CalendarObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "data", "name", NULL };
	PyObject *data, *name = Py_None;
	const char *buf, *cname = NULL;
	Py_ssize_t len;
	upl_error *err = NULL;
	int rc;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O:loads", kwlist, &data, &name))
		return NULL;
	if (PyUnicode_Check(data)) {
		if ((buf = PyUnicode_AsUTF8AndSize(data, &len)) == NULL)
			return NULL;
	} else if (PyBytes_Check(data)) {
		buf = PyBytes_AS_STRING(data);
		len = PyBytes_GET_SIZE(data);
	} else {
		return PyErr_Format(PyExc_TypeError, "data must be str or bytes, not %.100s",
				    Py_TYPE(data)->tp_name);
	}
	if (name != Py_None) {
		if (!PyUnicode_Check(name))
			return PyErr_Format(PyExc_TypeError, "name must be a str or None, not %.100s",
					    Py_TYPE(name)->tp_name);
		if ((cname = PyUnicode_AsUTF8(name)) == NULL)
			return NULL;
	}
	if ((rc = upl_calendar_load_buffer(self->cal, buf, (size_t)len, cname, &err)) != 0)
		return upy_raise(rc, err);
	Py_RETURN_NONE;
}

PyDoc_STRVAR(calendar_load_doc,
"load($type, path)\n--\n\n"
"A new Calendar holding the embedded data and the arrangements of the\n"
"data file path (a newer notice, next year's arrangement): Calendar()\n"
"followed by load_file(path).");

static PyObject *
calendar_load(PyObject *cls, PyObject *po)
{
	PyObject *self = PyObject_CallNoArgs(cls), *r;
	if (self == NULL)
		return NULL;
	if (!PyObject_TypeCheck(self, &CalendarType)) {
		Py_DECREF(self);
		return PyErr_Format(PyExc_TypeError, "%.100s() did not make a Calendar",
				    ((PyTypeObject *)cls)->tp_name);
	}
	r = calendar_load_file((CalendarObject *)self, po);
	if (r == NULL) {
		Py_DECREF(self);
		return NULL;
	}
	Py_DECREF(r);
	return self;
}

PyDoc_STRVAR(calendar_has_year_doc,
"has_year($self, year)\n--\n\n"
"True if the calendar holds the statutory arrangement of the year.");

static PyObject *
calendar_has_year(CalendarObject *self, PyObject *yo)
{
	long year;
	if (long_arg(yo, "year", 1, 9999, &year) != 0) {
		/* a year out of range has no arrangement; a wrong type is an error */
		if (!PyErr_ExceptionMatches(PyExc_ValueError))
			return NULL;
		PyErr_Clear();
		Py_RETURN_FALSE;
	}
	return PyBool_FromLong(upl_calendar_has_year(self->cal, (int)year));
}

static PyObject *
calendar_years(CalendarObject *self, void *closure)
{
	PyObject *list = PyList_New(0), *y;
	int year;
	(void)closure;
	if (list == NULL)
		return NULL;
	for (year = 1; year <= 9999; year++) {
		if (!upl_calendar_has_year(self->cal, year))
			continue;
		y = PyLong_FromLong(year);
		if (y == NULL || PyList_Append(list, y) != 0) {
			Py_XDECREF(y);
			Py_DECREF(list);
			return NULL;
		}
		Py_DECREF(y);
	}
	return list;
}

static PyObject *
calendar_repr(CalendarObject *self)
{
	PyObject *years = calendar_years(self, NULL), *r;
	Py_ssize_t n;
	if (years == NULL)
		return NULL;
	n = PyList_GET_SIZE(years);
	if (n == 0)
		r = PyUnicode_FromString("<unionplan.Calendar: no year>");
	else
		r = PyUnicode_FromFormat("<unionplan.Calendar: %zd years, %S..%S>", n,
					 PyList_GET_ITEM(years, 0), PyList_GET_ITEM(years, n - 1));
	Py_DECREF(years);
	return r;
}

static PyMethodDef calendar_methods[] = {
	{ "load", (PyCFunction)calendar_load, METH_O | METH_CLASS, calendar_load_doc },
	{ "load_file", (PyCFunction)calendar_load_file, METH_O, calendar_load_file_doc },
	{ "loads", (PyCFunction)(void (*)(void))calendar_loads, METH_VARARGS | METH_KEYWORDS,
	  calendar_loads_doc },
	{ "has_year", (PyCFunction)calendar_has_year, METH_O, calendar_has_year_doc },
	{ NULL, NULL, 0, NULL }
};

static PyGetSetDef calendar_getset[] = {
	{ "years", (getter)calendar_years, NULL,
	  "The years whose statutory arrangement the calendar holds, in order (a new list).", NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

PyDoc_STRVAR(calendar_doc,
"Calendar()\n--\n\n"
"A set of statutory arrangements (放假安排 and 调休), one per year.\n\n"
"Calendar() holds the data embedded in the library (the State Council\n"
"notices 2007-2026); Calendar.load(path) adds a newer data file, and\n"
"load_file and loads add more. Pass it as calendar= to holidays,\n"
"workday, is_workday, workdays_between and add_workdays; calendar=None\n"
"there means the embedded data.");

static PyTypeObject CalendarType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "unionplan.Calendar",
	.tp_basicsize = sizeof(CalendarObject),
	.tp_dealloc = (destructor)calendar_dealloc,
	.tp_repr = (reprfunc)calendar_repr,
	.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
	.tp_doc = calendar_doc,
	.tp_methods = calendar_methods,
	.tp_getset = calendar_getset,
	.tp_new = calendar_new,
};

/* ------------------------------------------------------------------------ */

#define KW(f) ((PyCFunction)(void (*)(void))(f))

static PyMethodDef calendar_functions[] = {
	{ "holidays", KW(py_holidays), METH_VARARGS | METH_KEYWORDS, holidays_doc },
	{ "holidays_between", KW(py_holidays_between), METH_VARARGS | METH_KEYWORDS,
	  holidays_between_doc },
	{ "festival", KW(py_festival), METH_VARARGS | METH_KEYWORDS, festival_doc },
	{ "holidays_ics", KW(py_holidays_ics), METH_VARARGS | METH_KEYWORDS, holidays_ics_doc },
	{ "solar_terms", py_solar_terms, METH_O, solar_terms_doc },
	{ "lunar", py_lunar, METH_O, lunar_doc },
	{ "from_lunar", KW(py_from_lunar), METH_VARARGS | METH_KEYWORDS, from_lunar_doc },
	{ "workday", KW(py_workday), METH_VARARGS | METH_KEYWORDS, workday_doc },
	{ "is_workday", KW(py_is_workday), METH_VARARGS | METH_KEYWORDS, is_workday_doc },
	{ "workdays_between", KW(py_workdays_between), METH_VARARGS | METH_KEYWORDS,
	  workdays_between_doc },
	{ "add_workdays", KW(py_add_workdays), METH_VARARGS | METH_KEYWORDS, add_workdays_doc },
	{ NULL, NULL, 0, NULL }
};

int
upy_calendar_init(PyObject *module)
{
	if (PyType_Ready(&CalendarType) != 0 ||
	    PyModule_AddFunctions(module, calendar_functions) != 0 ||
	    PyModule_AddObjectRef(module, "Calendar", (PyObject *)&CalendarType) != 0)
		return -1;
	return 0;
}

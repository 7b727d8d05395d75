/* Fuzz target of the text module's recognisers: any bytes as a Chinese
 * numeral, a numbering label, a month heading, date phrases, festival
 * names and an ISO date, at every line of the input. What is recognised
 * lies within the text, has a value in its documented range, and what the
 * formatters write for that value is recognised again as the same value.
 *
 * Built two ways, as fuzz_parse.c: a libFuzzer target (`make fuzz`) and,
 * with tests/fuzz/replay.c, a program make check runs over its corpus
 * (tests/fuzz/corpus/text) and the test data. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
numeral(const char *s, size_t len)
{
	long n = 0, back = 0;
	size_t used = 0;
	char *t = NULL;
	int rc = upl_text_numeral_parse(&n, &used, s, len);
	if (rc == UPL_ENOTFOUND && used != 0)
		abort();
	if (rc != 0)
		return;
	if (used == 0 || used > len || n < 0)
		abort();
	if (n < 1000000000000L) {
		if (upl_text_numeral_format(&t, n, 0) != 0)
			abort();
		if (upl_text_numeral_parse(&back, &used, t, strlen(t)) != 0 || back != n ||
		    used != strlen(t))
			abort(); /* the standard form reads back */
		upl_free(t);
	}
	if (upl_text_numeral_format(&t, n, UPL_TEXT_NUMERAL_YEAR) != 0)
		abort();
	upl_free(t);
}

static void
label(const char *s, size_t len)
{
	upl_text_label l, again;
	char *t = NULL;
	size_t sp = upl_text_space_len(s, len);
	if (upl_text_label_parse(&l, s, len) != 0)
		return;
	if (l.number < 1 || l.level != upl_text_label_level(l.style) || l.level < 1 ||
	    sp + l.label_len > l.text_offset || l.text_offset > len)
		abort();
	if (upl_text_label_format(&t, l.style, l.number) != 0)
		return; /* numbers beyond a style's range are read, not written */
	if (upl_text_label_parse(&again, t, strlen(t)) != 0 || again.style != l.style ||
	    again.number != l.number || again.label_len != strlen(t))
		abort(); /* the canonical form reads back */
	upl_free(t);
}

static void
month(const char *s, size_t len)
{
	upl_text_month m;
	size_t sp = upl_text_space_len(s, len);
	if (upl_text_month_parse(&m, s, len) != 0)
		return;
	if (m.month < 1 || m.month > 12 || m.to < 0 || m.to > 12 || m.len == 0 ||
	    sp + m.len > m.text_offset || m.text_offset > len || m.year < 0 || m.year > 9999 ||
	    (m.year_unknown && m.year != 0))
		abort();
}

/* Every date phrase of the text, in order, each inside it and a real day. */
static void
dates(const char *s, size_t len)
{
	upl_text_date d;
	size_t from = 0, last = 0;
	int n = 0;
	while (from <= len && upl_text_date_find(&d, s, len, from) == 0) {
		upl_date day = {d.year, d.month, d.day};
		if (d.start < from || d.len == 0 || d.start + d.len > len || d.start < last)
			abort();
		if (d.year != 0 ? !upl_date_is_valid(day) : !upl_date_is_valid_monthday(day))
			abort();
		last = d.start + d.len;
		from = last;
		if (++n > 100000)
			abort(); /* no phrase twice */
	}
}

/* Festival names: found ones lie in the text and name a known key. */
static void
festivals(const char *s, size_t len)
{
	upl_holiday_match m;
	const char *key = NULL;
	size_t from = 0;
	while (from <= len && upl_holiday_find(&m, s, len, from) == 0) {
		if (m.key == NULL || upl_holiday_kind_of(m.key) < 0 || m.start < from || m.len == 0 ||
		    m.start + m.len > len)
			abort();
		from = m.start + m.len;
	}
	if (upl_holiday_from_name(&key, s, len) == 0 && upl_holiday_kind_of(key) < 0)
		abort();
}

/* An ISO date, when it is one, formats back to what it parses to. */
static void
iso_date(const char *s, size_t len)
{
	upl_date d, again;
	char buf[16];
	if (upl_date_parse(&d, s, len) != 0)
		return;
	if (upl_date_format(buf, d) != 0 || upl_date_parse(&again, buf, strlen(buf)) != 0 ||
	    upl_date_compare(d, again) != 0)
		abort();
}

static void
one_line(const char *s, size_t len)
{
	numeral(s, len);
	label(s, len);
	month(s, len);
	iso_date(s, len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t start = 0, i;
	for (i = 0; i <= size; i++) {
		if (i == size || s[i] == '\n') {
			one_line(s + start, i - start);
			start = i + 1;
		}
	}
	dates(s, size);
	festivals(s, size);
	return 0;
}

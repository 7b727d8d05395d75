/* Text module: display width (UAX #11) and line wrapping (UAX #14, ICU's
 * line break iterator over the UTF-8 text itself). */
#include "config.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "text-private.h"

static size_t
cp_width(int32_t c, unsigned int flags)
{
	int8_t type;
	int eaw;
	if (c < 0x20 || (c >= 0x7F && c < 0xA0))
		return 0;
	type = u_charType(c);
	if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
	    type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR)
		return 0;
	if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
		return 0;
	if (c >= 0x1160 && c <= 0x11FF)
		return 0; /* Hangul medial vowels and final consonants */
	eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH)
		return 2;
	if (eaw == U_EA_AMBIGUOUS)
		return (flags & UPL_TEXT_WIDTH_AMBIGUOUS_WIDE) ? 2 : 1;
	return 1;
}

/* Width of valid UTF-8 s[a..b). */
static size_t
range_width(const char *s, size_t a, size_t b, unsigned int flags)
{
	size_t w = 0;
	while (a < b)
		w += cp_width(upl__text_next(s, b, &a), flags);
	return w;
}

/* Width of s[a..b), or any value above cap once it exceeds cap. */
static size_t
range_width_capped(const char *s, size_t a, size_t b, unsigned int flags, size_t cap)
{
	size_t w = 0;
	while (a < b && w <= cap)
		w += cp_width(upl__text_next(s, b, &a), flags);
	return w;
}

int
upl_text_width(size_t *out, const char *s, size_t len, unsigned int flags)
{
	size_t n;
	if (out == NULL || s == NULL || (flags & ~UPL_TEXT_WIDTH_AMBIGUOUS_WIDE) != 0)
		return UPL_EINVAL;
	n = upl__text_len(s, len);
	if (!upl__utf8_valid(s, n, NULL))
		return UPL_EINVAL;
	*out = range_width(s, 0, n, flags);
	return 0;
}

static int
is_break_char(int32_t c)
{
	return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
	       c == 0x2029;
}

static int
is_blank(int32_t c)
{
	return upl__is_space(c) || is_break_char(c);
}

/* End of s[a..b) without trailing spaces and line breaks. */
static size_t
content_end(const char *s, size_t a, size_t b)
{
	while (b > a) {
		size_t l;
		int32_t c = upl__text_prev(s, b, &l);
		if (c < 0 || !is_blank(c) || l == 0)
			break;
		b -= l;
	}
	return b;
}

static int
is_closing(int32_t c)
{
	int lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
	return lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS ||
	       lb == U_LB_EXCLAMATION || lb == U_LB_INFIX_NUMERIC || lb == U_LB_NONSTARTER ||
	       lb == U_LB_CONDITIONAL_JAPANESE_STARTER;
}

typedef struct lines {
	upl_text_span *v;
	size_t n, cap;
} lines;

static int
emit(lines *ls, size_t start, size_t end)
{
	if (upl__grow((void **)&ls->v, &ls->cap, ls->n + 1, sizeof *ls->v) != 0)
		return UPL_ENOMEM;
	ls->v[ls->n].offset = start;
	ls->v[ls->n].len = end - start;
	ls->n++;
	return 0;
}

/* Where to cut a piece [a, e) with no break opportunity that is wider than
 * avail: the last grapheme boundary that fits and is not before a closing
 * mark; else the first such boundary beyond; else e. */
static size_t
force_cut(UBreakIterator *gi, const char *s, size_t a, size_t e, size_t avail,
	  unsigned int flags)
{
	int32_t g;
	size_t best = 0, over = 0, w = 0, prev = a;
	for (g = ubrk_following(gi, (int32_t)a); g != UBRK_DONE && (size_t)g < e;
	     g = ubrk_next(gi)) {
		size_t l, q = (size_t)g;
		int32_t c = upl__text_peek(s, e, q, &l);
		w += range_width(s, prev, (size_t)g, flags);
		prev = (size_t)g;
		while (c >= 0 && upl__is_space(c)) {
			q += l;
			c = upl__text_peek(s, e, q, &l);
		}
		if (c >= 0 && is_closing(c))
			continue; /* the next line would start with a closing mark */
		if (w <= avail) {
			best = (size_t)g;
		} else {
			if (best == 0)
				over = (size_t)g;
			break;
		}
	}
	return best ? best : over ? over : e;
}

/* After the spaces at s[i] (s has n bytes). */
static size_t
skip_blank(const char *s, size_t i, size_t n)
{
	return i + upl_text_space_len(s + i, n - i);
}

/* A wrap in progress: the line being filled, and the piece of text since
 * the last break opportunity taken. */
typedef struct wrapper {
	lines *ls;
	const char *s;
	unsigned int flags;
	size_t width;        /* columns of a line */
	size_t avail;        /* columns of this line (the first may differ) */
	size_t line_start;   /* where the line starts */
	size_t line_end;     /* where its content ends (trailing spaces left out) */
	size_t line_w;       /* columns taken */
	int has_content;     /* anything but spaces on it yet */
	size_t seg_start;    /* where the next piece starts */
} wrapper;

/* Close the line at end and start the next one at next. */
static int
new_line(wrapper *w, size_t end, size_t next)
{
	int rc = emit(w->ls, w->line_start, end);
	w->line_start = w->line_end = next;
	w->line_w = 0;
	w->has_content = 0;
	w->avail = w->width;
	return rc;
}

/* Place the piece up to the break opportunity end (hard: a line break).
 * *taken says whether it is placed; if not, it is to be tried again. */
static int
place(wrapper *w, UBreakIterator *gi, size_t end, int hard, int *taken)
{
	const char *s = w->s;
	size_t cend = content_end(s, w->seg_start, end);
	size_t room = w->avail > w->line_w ? w->avail - w->line_w : 0;
	size_t cw = range_width_capped(s, w->seg_start, cend, w->flags, room);
	size_t cut;

	*taken = 0;
	if (cw <= room || cend == w->seg_start) {
		/* the piece fits (or is only spaces): take it */
		if (cend > w->seg_start) {
			w->line_end = cend;
			w->has_content = 1;
		}
		w->line_w += range_width(s, w->seg_start, end, w->flags);
		w->seg_start = end;
		*taken = 1;
		return hard ? new_line(w, w->has_content ? w->line_end : w->line_start, end) : 0;
	}
	if (w->has_content) {
		/* wrap before the piece, and try it again on a new line */
		w->seg_start = skip_blank(s, w->seg_start, end);
		return new_line(w, w->line_end, w->seg_start);
	}
	if (w->line_w > 0 && w->line_start < w->seg_start) {
		/* only indentation before it, and the piece does not fit
		 * after it: drop the indentation and try again */
		w->line_start = w->line_end = w->seg_start;
		w->line_w = 0;
		return 0;
	}
	/* alone on its line and too wide: cut it between characters */
	cut = force_cut(gi, s, w->seg_start, cend, w->line_w < w->avail ? w->avail - w->line_w : 0,
			w->flags);
	w->seg_start = skip_blank(s, cut, cend);
	return new_line(w, content_end(s, w->line_start, cut), w->seg_start);
}

static int
wrap(lines *ls, const char *s, size_t n, size_t first_width, size_t width, unsigned int flags)
{
	UErrorCode st = U_ZERO_ERROR;
	UText *ut = NULL;
	UBreakIterator *bi = NULL, *gi = NULL;
	wrapper w;
	int rc = 0;
	int32_t b;

	if (n == 0)
		return 0;
	memset(&w, 0, sizeof w);
	w.ls = ls;
	w.s = s;
	w.flags = flags;
	w.width = width;
	w.avail = first_width ? first_width : width;
	ut = utext_openUTF8(NULL, s, (int64_t)n, &st);
	bi = ubrk_open(UBRK_LINE, "zh", NULL, 0, &st);
	gi = ubrk_open(UBRK_CHARACTER, "zh", NULL, 0, &st);
	if (U_SUCCESS(st)) {
		ubrk_setUText(bi, ut, &st);
		ubrk_setUText(gi, ut, &st);
	}
	if (U_FAILURE(st))
		rc = st == U_MEMORY_ALLOCATION_ERROR ? UPL_ENOMEM : UPL_EENCODING;
	for (b = rc == 0 ? ubrk_following(bi, 0) : UBRK_DONE; b != UBRK_DONE && rc == 0;) {
		int status = ubrk_getRuleStatus(bi), taken;
		rc = place(&w, gi, (size_t)b, status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT,
			   &taken);
		if (taken)
			b = ubrk_next(bi);
	}
	if (rc == 0 && w.has_content)
		rc = emit(ls, w.line_start, w.line_end);
	if (gi)
		ubrk_close(gi);
	if (bi)
		ubrk_close(bi);
	if (ut)
		utext_close(ut);
	return rc;
}

int
upl_text_wrap_lines(upl_text_span **out, size_t *count, const char *s, size_t len,
		    size_t first_width, size_t width, unsigned int flags, upl_error **err)
{
	lines ls = { NULL, 0, 0 };
	size_t n, bad = 0;
	int rc;

	if (out != NULL)
		*out = NULL;
	if (count != NULL)
		*count = 0;
	if (out == NULL || count == NULL || s == NULL || width == 0 ||
	    (flags & ~UPL_TEXT_WIDTH_AMBIGUOUS_WIDE) != 0)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	n = upl__text_len(s, len);
	if (n > (size_t)INT32_MAX)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "text too long to wrap");
	if (!upl__utf8_valid(s, n, &bad))
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0,
				      "invalid UTF-8 at byte offset %zu", bad);
	rc = wrap(&ls, s, n, first_width, width, flags);
	if (rc != 0) {
		upl__dealloc(ls.v);
		return upl__error_set(err, rc, NULL, 0, 0, "cannot wrap the text: %s",
				      upl_strerror(rc));
	}
	*out = ls.v;
	*count = ls.n;
	return 0;
}

int
upl_text_wrap(char **out, size_t *out_len, const char *s, size_t len, size_t width,
	      unsigned int flags, upl_error **err)
{
	upl_text_span *v = NULL;
	size_t count = 0, k;
	upl_buf b = UPL_BUF_INIT;
	int rc;

	if (out != NULL)
		*out = NULL;
	if (out_len != NULL)
		*out_len = 0;
	if (out == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	rc = upl_text_wrap_lines(&v, &count, s, len, 0, width, flags, err);
	if (rc != 0)
		return rc;
	for (k = 0; k < count; k++) {
		if (k)
			upl__buf_putc(&b, '\n');
		upl__buf_put(&b, s + v[k].offset, v[k].len);
	}
	upl__dealloc(v);
	*out = upl__text_detach(&b, out_len);
	if (*out == NULL)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

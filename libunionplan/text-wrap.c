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

static size_t
skip_blank(const char *s, size_t i, size_t n)
{
	while (i < n) {
		size_t j = i;
		int32_t c = upl__text_next(s, n, &j);
		if (!upl__is_space(c))
			break;
		i = j;
	}
	return i;
}

static int
wrap(lines *ls, const char *s, size_t n, size_t first_width, size_t width, unsigned int flags)
{
	UErrorCode st = U_ZERO_ERROR;
	UText *ut = NULL;
	UBreakIterator *bi = NULL, *gi = NULL;
	size_t line_start = 0, line_w = 0, line_end = 0, seg_start = 0;
	size_t avail = first_width ? first_width : width;
	int has_content = 0, rc = 0;
	int32_t b;

	if (n == 0)
		return 0;
	ut = utext_openUTF8(NULL, s, (int64_t)n, &st);
	bi = ubrk_open(UBRK_LINE, "zh", NULL, 0, &st);
	gi = ubrk_open(UBRK_CHARACTER, "zh", NULL, 0, &st);
	if (U_SUCCESS(st)) {
		ubrk_setUText(bi, ut, &st);
		ubrk_setUText(gi, ut, &st);
	}
	if (U_FAILURE(st)) {
		rc = st == U_MEMORY_ALLOCATION_ERROR ? UPL_ENOMEM : UPL_EENCODING;
		goto out;
	}

	b = ubrk_following(bi, 0);
	while (b != UBRK_DONE) {
		size_t end = (size_t)b;
		size_t cend = content_end(s, seg_start, end);
		size_t room = avail > line_w ? avail - line_w : 0;
		size_t cw = range_width_capped(s, seg_start, cend, flags, room);
		int status = ubrk_getRuleStatus(bi);
		int hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;

		if (cw <= room || cend == seg_start) {
			/* the piece fits (or is only spaces): take it */
			if (cend > seg_start) {
				line_end = cend;
				has_content = 1;
			}
			line_w += range_width(s, seg_start, end, flags);
			seg_start = end;
			if (hard) {
				rc = emit(ls, line_start, has_content ? line_end : line_start);
				if (rc != 0)
					goto out;
				line_start = line_end = end;
				line_w = 0;
				has_content = 0;
				avail = width;
			}
			b = ubrk_next(bi);
			continue;
		}
		if (has_content) {
			/* wrap before the piece, and try it again on a new line */
			rc = emit(ls, line_start, line_end);
			if (rc != 0)
				goto out;
			line_start = seg_start = line_end = skip_blank(s, seg_start, end);
			line_w = 0;
			has_content = 0;
			avail = width;
			continue;
		}
		if (line_w > 0 && line_start < seg_start) {
			/* only indentation before it, and the piece does not fit
			 * after it: drop the indentation and try again */
			line_start = line_end = seg_start;
			line_w = 0;
			continue;
		}
		/* alone on its line and too wide: cut it between characters */
		{
			size_t cut = force_cut(gi, s, seg_start, cend,
					       line_w < avail ? avail - line_w : 0, flags);
			rc = emit(ls, line_start, content_end(s, line_start, cut));
			if (rc != 0)
				goto out;
			line_start = seg_start = line_end = skip_blank(s, cut, cend);
			line_w = 0;
			avail = width;
		}
	}
	if (has_content)
		rc = emit(ls, line_start, line_end);
out:
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

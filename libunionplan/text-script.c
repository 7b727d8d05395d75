/* Text module: traditional or simplified script, conversion to simplified
 * characters, normalisation for matching. */
#include "config.h"


#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "text-private.h"

/* --- the two character sets ------------------------------------------------
 * Built by the first call that needs them, under a lock, then published and
 * never changed or freed: ICU documents a frozen USet as immutable and
 * thread-safe until it is deleted. A failed build (out of memory) is not
 * remembered: the next call tries again. */

enum { SET_GB2312, SET_BIG5, SET_GB2312_L1, SET_BIG5_L1, SET_COUNT };

struct han_sets {
	USet *set[SET_COUNT];
};

static upl__lazy sets_built = UPL__LAZY_INIT;

static USet *
roundtrip_set(const char *name)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cnv = ucnv_open(name, &st);
	USet *set;
	if (cnv == NULL || U_FAILURE(st)) {
		if (cnv)
			ucnv_close(cnv);
		return NULL;
	}
	set = uset_openEmpty();
	if (set == NULL) {
		ucnv_close(cnv);
		return NULL;
	}
	ucnv_getUnicodeSet(cnv, set, UCNV_ROUNDTRIP_SET, &st);
	ucnv_close(cnv);
	if (U_FAILURE(st)) {
		uset_close(set);
		return NULL;
	}
	uset_freeze(set);
	return set;
}

/* The characters of a double-byte range: lead bytes lo_lead..hi_lead,
 * trail bytes in [t1, t2] and [t3, t4], up to the code last (inclusive). */
static USet *
level1_set(const char *name, unsigned lo_lead, unsigned hi_lead, unsigned t1, unsigned t2,
	   unsigned t3, unsigned t4, unsigned last)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cnv = ucnv_open(name, &st);
	USet *set;
	unsigned lead, trail;
	if (cnv == NULL || U_FAILURE(st)) {
		if (cnv)
			ucnv_close(cnv);
		return NULL;
	}
	set = uset_openEmpty();
	if (set == NULL) {
		ucnv_close(cnv);
		return NULL;
	}
	for (lead = lo_lead; lead <= hi_lead; lead++) {
		for (trail = t1; trail <= t4; trail++) {
			char bytes[2];
			UChar u[4];
			int32_t n;
			if (trail > t2 && trail < t3)
				continue;
			if ((lead << 8 | trail) > last)
				break;
			bytes[0] = (char)lead;
			bytes[1] = (char)trail;
			st = U_ZERO_ERROR;
			n = ucnv_toUChars(cnv, u, 4, bytes, 2, &st);
			if (U_SUCCESS(st) && n == 1 && u[0] >= 0x3400 && !(u[0] >= 0xE000 && u[0] <= 0xF8FF))
				uset_add(set, u[0]);
		}
	}
	ucnv_close(cnv);
	uset_freeze(set);
	return set;
}

static void
sets_free(struct han_sets *h)
{
	int i;
	for (i = 0; i < SET_COUNT; i++)
		if (h->set[i])
			uset_close(h->set[i]);
	upl__dealloc(h);
}

/* Called under the lazy value's lock; NULL when out of memory. */
static void *
sets_build(void)
{
	struct han_sets *h = upl__calloc(1, sizeof *h);
	int i;
	if (h == NULL)
		return NULL;
	h->set[SET_GB2312] = roundtrip_set("GB2312");
	h->set[SET_BIG5] = roundtrip_set("windows-950-2000");
	/* the most frequent characters of each: GB2312 level 1 (B0A1-D7F9),
	 * Big5 level 1 (A440-C67E) */
	h->set[SET_GB2312_L1] = level1_set("GB2312", 0xB0, 0xD7, 0xA1, 0xFE, 0xA1, 0xFE, 0xD7F9);
	h->set[SET_BIG5_L1] = level1_set("windows-950-2000", 0xA4, 0xC6, 0x40, 0x7E, 0xA1, 0xFE, 0xC67E);
	for (i = 0; i < SET_COUNT; i++) {
		if (h->set[i] == NULL) {
			sets_free(h);
			return NULL;
		}
	}
	return h;
}

/* Set `which`, the four built together on the first call; NULL when they
 * cannot be built now. */
static const USet *
han_set(int which)
{
	const struct han_sets *h = upl__lazy_get(&sets_built, sets_build);
	return h ? h->set[which] : NULL;
}

const USet *
upl__text_gb2312_l1_set(void)
{
	return han_set(SET_GB2312_L1);
}

const USet *
upl__text_big5_l1_set(void)
{
	return han_set(SET_BIG5_L1);
}

const USet *
upl__text_gb2312_set(void)
{
	return han_set(SET_GB2312);
}

const USet *
upl__text_big5_set(void)
{
	return han_set(SET_BIG5);
}

/* The unified ideographs, U+4E00..U+9FFF: most of a text's Han. */
enum { MEMO_FIRST = 0x4E00, MEMO_LAST = 0x9FFF };

/* 1 when c is in GB2312 only, -1 in Big5 only, 0 otherwise. */
static int
side_of(const USet *gb, const USet *b5, int32_t c)
{
	int in_gb = uset_contains(gb, c) != 0, in_b5 = uset_contains(b5, c) != 0;
	return in_gb && !in_b5 ? 1 : in_b5 && !in_gb ? -1 : 0;
}

upl_script
upl_text_script(const char *s, size_t len)
{
	const USet *gb, *b5;
	size_t i = 0, n, hans = 0, hant = 0;
	unsigned char *memo;
	if (s == NULL)
		return UPL_SCRIPT_UNKNOWN;
	n = upl__text_len(s, len);
	gb = upl__text_gb2312_set();
	b5 = upl__text_big5_set();
	if (gb == NULL || b5 == NULL)
		return UPL_SCRIPT_UNKNOWN;
	/* what each unified ideograph counts for, looked up in the two sets
	 * once per call, not once per occurrence (NULL: look up every time) */
	memo = n > MEMO_LAST - MEMO_FIRST ? upl__calloc(MEMO_LAST - MEMO_FIRST + 1, 1) : NULL;
	while (i < n) {
		int32_t c = upl__text_next(s, n, &i);
		int side;
		if (c < 0 || !upl__is_han((uint32_t)c))
			continue;
		if (memo && c >= MEMO_FIRST && c <= MEMO_LAST) {
			if (memo[c - MEMO_FIRST] == 0)
				memo[c - MEMO_FIRST] = (unsigned char)(1 + side_of(gb, b5, c));
			side = memo[c - MEMO_FIRST] - 1;
		} else {
			side = side_of(gb, b5, c);
		}
		if (side > 0)
			hans++;
		else if (side < 0)
			hant++;
	}
	upl__dealloc(memo);
	if (hans > hant)
		return UPL_SCRIPT_HANS;
	if (hant > hans)
		return UPL_SCRIPT_HANT;
	return UPL_SCRIPT_UNKNOWN;
}

/* --- traditional to simplified ----------------------------------------------- */

static UTransliterator *
open_t2s(void)
{
	static const UChar id[] = { 'T', 'r', 'a', 'd', 'i', 't', 'i', 'o', 'n', 'a', 'l', '-',
				    'S', 'i', 'm', 'p', 'l', 'i', 'f', 'i', 'e', 'd', 0 };
	/* only Han characters: the transform would also turn 「」 into “” */
	static const UChar han[] = { '[', ':', 'H', 'a', 'n', ':', ']', 0 };
	UErrorCode st = U_ZERO_ERROR;
	UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
	if (U_SUCCESS(st))
		utrans_setFilter(t, han, -1, &st);
	if (U_FAILURE(st)) {
		if (t)
			utrans_close(t);
		return NULL;
	}
	return t;
}

/* Transliterate u[0..*n) in place in a buffer of capacity *cap, growing
 * it (and restarting from the saved text) when the result does not fit. */
static int
transliterate(UTransliterator *t, UChar **u, int32_t *n, int32_t *cap)
{
	UChar *save = upl__malloc(((size_t)*n + 1) * sizeof **u);
	int32_t orig = *n;
	if (save == NULL)
		return UPL_ENOMEM;
	memcpy(save, *u, (size_t)orig * sizeof **u);
	for (;;) {
		UErrorCode st = U_ZERO_ERROR;
		int32_t limit = orig, length = orig;
		utrans_transUChars(t, *u, &length, *cap, 0, &limit, &st);
		if (st == U_BUFFER_OVERFLOW_ERROR) {
			UChar *bigger;
			int32_t ncap;
			if (*cap > INT32_MAX / 2) {
				upl__dealloc(save);
				return UPL_ERANGE;
			}
			ncap = *cap * 2;
			bigger = upl__realloc(*u, (size_t)ncap * sizeof **u);
			if (bigger == NULL) {
				upl__dealloc(save);
				return UPL_ENOMEM;
			}
			*u = bigger;
			*cap = ncap;
			memcpy(*u, save, (size_t)orig * sizeof **u);
			continue;
		}
		upl__dealloc(save);
		if (U_FAILURE(st))
			return st == U_MEMORY_ALLOCATION_ERROR ? UPL_ENOMEM : UPL_EENCODING;
		*n = length;
		return 0;
	}
}

/* The whole text through the transform. */
static int
convert_all(UTransliterator *t, upl_buf *b, const char *s, size_t n)
{
	UChar *u = NULL;
	int32_t un = 0, cap;
	int rc = upl__text_to_u16(&u, &un, s, n);
	if (rc != 0)
		return rc;
	if (un > (INT32_MAX - 16) / 2) {
		upl__dealloc(u);
		return UPL_ERANGE;
	}
	cap = un * 2 + 16;
	{
		UChar *grown = upl__realloc(u, (size_t)cap * sizeof *u);
		if (grown == NULL) {
			upl__dealloc(u);
			return UPL_ENOMEM;
		}
		u = grown;
	}
	rc = transliterate(t, &u, &un, &cap);
	if (rc == 0)
		rc = upl__text_put_u16(b, u, un, NULL);
	upl__dealloc(u);
	return rc;
}

/* Only the Han characters GB2312 lacks, one at a time. */
static int
convert_some(UTransliterator *t, upl_buf *b, const char *s, size_t n)
{
	const USet *gb = upl__text_gb2312_set();
	size_t i = 0;
	while (i < n) {
		size_t at = i;
		int32_t c = upl__text_next(s, n, &i);
		if (gb != NULL && c >= 0 && upl__is_han((uint32_t)c) && !uset_contains(gb, c)) {
			UChar *u = upl__malloc(16 * sizeof *u);
			int32_t un = 0, cap = 16;
			UBool overflow = 0;
			int rc;
			if (u == NULL)
				return UPL_ENOMEM;
			U16_APPEND(u, un, cap, c, overflow);
			(void)overflow;
			rc = transliterate(t, &u, &un, &cap);
			if (rc == 0)
				rc = upl__text_put_u16(b, u, un, NULL);
			upl__dealloc(u);
			if (rc != 0)
				return rc;
			continue;
		}
		upl__buf_put(b, s + at, i - at);
	}
	return 0;
}

int
upl_text_to_simplified(char **out, size_t *out_len, const char *s, size_t len, upl_error **err)
{
	upl_buf b = UPL_BUF_INIT;
	UTransliterator *t;
	size_t n, bad = 0;
	int rc;

	if (out != NULL)
		*out = NULL;
	if (out_len != NULL)
		*out_len = 0;
	if (out == NULL || s == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	n = upl__text_len(s, len);
	if (!upl__utf8_valid(s, n, &bad))
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0,
				      "invalid UTF-8 at byte offset %zu", bad);
	t = open_t2s();
	if (t == NULL)
		return upl__error_set(err, UPL_EENCODING, NULL, 0, 0,
				      "ICU's Traditional-Simplified transform is not available");
	if (upl_text_script(s, n) == UPL_SCRIPT_HANT)
		rc = convert_all(t, &b, s, n);
	else
		rc = convert_some(t, &b, s, n);
	utrans_close(t);
	if (rc != 0) {
		upl__buf_free(&b);
		return upl__error_set(err, rc, NULL, 0, 0, "cannot convert to simplified characters: %s",
				      upl_strerror(rc));
	}
	*out = upl__text_detach(&b, out_len);
	if (*out == NULL)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

/* --- normalisation ------------------------------------------------------------ */

static int
is_compat_form(int32_t c)
{
	return (c >= 0x2E80 && c <= 0x2FDF) ||   /* CJK and Kangxi radicals */
	       (c >= 0xF900 && c <= 0xFAFF) ||   /* CJK compatibility ideographs */
	       (c >= 0x2F800 && c <= 0x2FA1F) || /* their supplement */
	       (c >= 0xFB00 && c <= 0xFB06) ||   /* Latin ligatures */
	       (c >= 0xFF61 && c <= 0xFF9F);     /* half-width katakana and punctuation */
}

int
upl_text_normalize(char **out, size_t *out_len, const char *s, size_t len, unsigned int flags,
		   upl_error **err)
{
	upl_buf b = UPL_BUF_INIT;
	const UNormalizer2 *nfkc = NULL;
	size_t n, i = 0, bad = 0;

	if (out != NULL)
		*out = NULL;
	if (out_len != NULL)
		*out_len = 0;
	if (out == NULL || s == NULL || (flags & ~UPL_TEXT_NORM_PUNCT) != 0)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	n = upl__text_len(s, len);
	if (!upl__utf8_valid(s, n, &bad))
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0,
				      "invalid UTF-8 at byte offset %zu", bad);
	while (i < n) {
		size_t at = i;
		int32_t c = upl__text_next(s, n, &i);
		if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
		    (c >= 0xFF41 && c <= 0xFF5A) ||
		    ((flags & UPL_TEXT_NORM_PUNCT) && c >= 0xFF01 && c <= 0xFF5E)) {
			upl__buf_putc(&b, (char)(c - 0xFEE0));
		} else if (c >= 0x80 && u_charType(c) == U_SPACE_SEPARATOR) {
			upl__buf_putc(&b, ' ');
		} else if (is_compat_form(c)) {
			UChar src[2], dst[32];
			int32_t sn = 0, dn;
			UErrorCode st = U_ZERO_ERROR;
			UBool bad_append = 0;
			if (nfkc == NULL) {
				nfkc = unorm2_getNFKCInstance(&st);
				if (U_FAILURE(st))
					nfkc = NULL;
				st = U_ZERO_ERROR;
			}
			U16_APPEND(src, sn, 2, c, bad_append);
			(void)bad_append;
			dn = nfkc ? unorm2_normalize(nfkc, src, sn, dst, 32, &st) : 0;
			if (nfkc == NULL || U_FAILURE(st) ||
			    upl__text_put_u16(&b, dst, dn, NULL) != 0)
				upl__buf_put(&b, s + at, i - at);
		} else {
			upl__buf_put(&b, s + at, i - at);
		}
	}
	*out = upl__text_detach(&b, out_len);
	if (*out == NULL)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

size_t
upl_text_space_len(const char *s, size_t len)
{
	size_t n, i = 0;
	if (s == NULL)
		return 0;
	n = upl__text_len(s, len);
	while (i < n) {
		size_t j = i;
		int32_t c = upl__text_next(s, n, &j);
		if (!upl__is_space(c))
			break;
		i = j;
	}
	return i;
}

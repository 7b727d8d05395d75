/* Text module: encoding detection and decoding to UTF-8 (ICU charset
 * detection and converters, plus rules of our own). */
#include "config.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include "text-private.h"

/* ICU's converters take int32_t lengths: decode in slices of this many
 * bytes at most (ICU keeps a partial sequence across slices). */
#define SLICE ((size_t)1 << 20)

static void
set_name(upl_text_encoding *e, const char *name)
{
	size_t n = strlen(name);
	if (n >= sizeof e->name)
		n = sizeof e->name - 1;
	memcpy(e->name, name, n);
	e->name[n] = '\0';
}

/* The name we report for an ICU converter. */
static const char *
canonical_name(const char *icu_name)
{
	UErrorCode st = U_ZERO_ERROR;
	const char *std;
	if (ucnv_compareNames(icu_name, "gb18030") == 0)
		return "GB18030";
	if (ucnv_compareNames(icu_name, "windows-936-2000") == 0)
		return "GBK";
	if (ucnv_compareNames(icu_name, "windows-950-2000") == 0)
		return "Big5";
	if (ucnv_compareNames(icu_name, "ibm-1375_P100-2008") == 0)
		return "Big5-HKSCS";
	std = ucnv_getStandardName(icu_name, "MIME", &st);
	if (std == NULL || U_FAILURE(st)) {
		st = U_ZERO_ERROR;
		std = ucnv_getStandardName(icu_name, "IANA", &st);
	}
	if (std == NULL || U_FAILURE(st))
		std = icu_name;
	return std;
}

/* Is this (canonical) encoding one whose leading U+FEFF is a byte-order mark? */
static int
bom_encoding(const char *canon)
{
	return strncmp(canon, "UTF-", 4) == 0 || strcmp(canon, "GB18030") == 0;
}

/* --- decoding ------------------------------------------------------------ */

/* What a decode pass found. */
typedef struct decode_stats {
	const USet *level1; /* count the characters of this set (may be NULL) */
	size_t chars;     /* code points decoded */
	size_t nonascii;  /* of which above U+007F */
	size_t cjk;       /* of which Han or CJK / full-width punctuation */
	size_t pua;       /* of which private use: unassigned or user-defined codes */
	size_t han;       /* of which Han ideographs */
	size_t frequent;  /* of which in the candidate's level-1 set */
	size_t errors;    /* invalid or unmappable sequences (counting mode) */
	/* the first error */
	int failed;
	UErrorCode code;
	size_t offset;    /* byte offset of the bad sequence */
	char bytes[8];
	int nbytes;
	unsigned int line, column;
} decode_stats;

static int
is_cjk(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E) ||
	       (c >= 0x20000 && c <= 0x3134F) || c == 0x201C || c == 0x201D ||
	       c == 0x2018 || c == 0x2019 || c == 0x2026 || c == 0x2014 || c == 0x00B7;
}

/* Line and column tracking over the decoded text. */
typedef struct position {
	unsigned int line, column;
	int after_cr;
} position;

static void
advance(position *p, uint32_t c)
{
	if (c == '\n') {
		if (!p->after_cr) {
			p->line++;
			p->column = 1;
		}
		p->after_cr = 0;
		return;
	}
	p->after_cr = 0;
	if (c == '\r') {
		p->line++;
		p->column = 1;
		p->after_cr = 1;
		return;
	}
	p->column++;
}

/* Walk decoded UTF-16 u[0..n): statistics, position, optional output.
 * first_char: whether u[0] is the first character of the text (to drop
 * a BOM). Returns 0, or UPL_EENCODING on an unpaired surrogate. */
static int
consume(const UChar *u, int32_t n, decode_stats *st, position *pos, upl_buf *out,
	int *first_char, int drop_bom, int *bom)
{
	int32_t i = 0;
	while (i < n) {
		uint32_t c = u[i];
		int32_t w = 1;
		if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
			c = 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)u[i + 1] - 0xDC00);
			w = 2;
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			return UPL_EENCODING;
		}
		if (*first_char) {
			*first_char = 0;
			if (c == 0xFEFF && drop_bom) {
				*bom = 1;
				i += w;
				continue;
			}
		}
		st->chars++;
		if (c >= 0x80)
			st->nonascii++;
		if (c >= 0x3400 && c <= 0x9FFF && !(c >= 0x4DC0 && c <= 0x4DFF)) {
			st->han++;
			if (st->level1 && uset_contains(st->level1, (UChar32)c))
				st->frequent++;
		}
		if (is_cjk(c))
			st->cjk++;
		else if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000)
			st->pua++;
		advance(pos, c);
		if (out)
			upl__text_put_cp(out, (int32_t)c);
		i += w;
	}
	return 0;
}

/* Record the first decoding error: ec, found after reading up to byte
 * offset end, the nbad bytes bad[] being the offending sequence. */
static void
first_failure(decode_stats *st, UErrorCode ec, size_t end, const char *bad, int8_t nbad,
	      const position *pos)
{
	if (st->failed)
		return;
	st->failed = 1;
	st->code = ec;
	st->offset = end >= (size_t)nbad ? end - (size_t)nbad : 0;
	st->nbytes = nbad > (int8_t)sizeof st->bytes ? (int)sizeof st->bytes : nbad;
	memcpy(st->bytes, bad, (size_t)st->nbytes);
	st->line = pos->line;
	st->column = pos->column;
}

/* Decode buf[0..len) with ICU converter name. Output mode (out != NULL):
 * stop at the first error and record it. Counting mode: count errors and
 * go on after each. Returns 0, UPL_EINVAL (unknown converter), UPL_ENOMEM,
 * UPL_EENCODING (first error recorded in *st). */
static int
decode(const char *name, const char *buf, size_t len, upl_buf *out, decode_stats *st,
       int *bom, const USet *level1)
{
	UErrorCode ec = U_ZERO_ERROR;
	UConverter *cnv;
	UChar chunk[4096];
	const char *src = buf, *end = buf + len;
	position pos = { 1, 1, 0 };
	int first = 1, rc = 0, drop_bom, carry = 0;
	char canon[32];

	memset(st, 0, sizeof *st);
	st->level1 = level1;
	*bom = 0;
	cnv = ucnv_open(name, &ec);
	if (cnv == NULL || U_FAILURE(ec)) {
		if (cnv)
			ucnv_close(cnv);
		return UPL_EINVAL;
	}
	ec = U_ZERO_ERROR;
	ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &ec);
	{
		UErrorCode e2 = U_ZERO_ERROR;
		const char *in = ucnv_getName(cnv, &e2);
		snprintf(canon, sizeof canon, "%s", canonical_name(in ? in : name));
	}
	drop_bom = bom_encoding(canon);

	for (;;) {
		UChar *target = chunk + carry;
		const char *limit = (size_t)(end - src) > SLICE ? src + SLICE : end;
		int flush = limit == end;
		int32_t n;
		ec = U_ZERO_ERROR;
		ucnv_toUnicode(cnv, &target, chunk + sizeof chunk / sizeof chunk[0], &src, limit,
			       NULL, flush, &ec);
		n = (int32_t)(target - chunk);
		/* A lead surrogate at the end of a full chunk (or of a slice)
		 * waits for its trail in the next round. */
		carry = n > 0 && U16_IS_LEAD(chunk[n - 1]) &&
			(ec == U_BUFFER_OVERFLOW_ERROR || (U_SUCCESS(ec) && !(src >= end && flush)));
		if (consume(chunk, n - carry, st, &pos, out, &first, drop_bom, bom)) {
			/* A converter never produces unpaired surrogates;
			 * treat one as an invalid sequence here. */
			ec = U_ILLEGAL_CHAR_FOUND;
		}
		if (carry)
			chunk[0] = chunk[n - 1];
		if (ec == U_BUFFER_OVERFLOW_ERROR)
			continue;
		if (U_FAILURE(ec)) {
			char bad[32];
			int8_t nbad = (int8_t)sizeof bad;
			UErrorCode e2 = U_ZERO_ERROR;
			ucnv_getInvalidChars(cnv, bad, &nbad, &e2);
			if (U_FAILURE(e2) || nbad < 0)
				nbad = 0;
			if (ec == U_ILLEGAL_CHAR_FOUND || ec == U_INVALID_CHAR_FOUND ||
			    ec == U_TRUNCATED_CHAR_FOUND || ec == U_ILLEGAL_ESCAPE_SEQUENCE ||
			    ec == U_UNSUPPORTED_ESCAPE_SEQUENCE) {
				first_failure(st, ec, (size_t)(src - buf), bad, nbad, &pos);
				st->errors++;
				if (out) {
					rc = UPL_EENCODING;
					break;
				}
				ucnv_resetToUnicode(cnv);
				carry = 0;
				if (src >= end)
					break;
				continue;
			}
			rc = ec == U_MEMORY_ALLOCATION_ERROR ? UPL_ENOMEM : UPL_EENCODING;
			if (!st->failed) {
				st->failed = 1;
				st->code = ec;
				st->offset = (size_t)(src - buf);
				st->line = pos.line;
				st->column = pos.column;
			}
			break;
		}
		if (src >= end && flush)
			break;
	}
	ucnv_close(cnv);
	if (rc == 0 && out && out->failed)
		rc = UPL_ENOMEM;
	if (rc == 0 && st->failed)
		rc = UPL_EENCODING;
	return rc;
}

int
upl__text_decode(char **out, size_t *out_len, const char *buf, size_t len, const char *charset,
		 upl__text_bad *bad)
{
	upl_buf b = UPL_BUF_INIT;
	decode_stats st;
	int bom, rc = decode(charset, buf, len, &b, &st, &bom, NULL);
	if (rc != 0) {
		upl__buf_free(&b);
		if (rc == UPL_EENCODING) {
			bad->offset = st.offset;
			bad->nbytes = st.nbytes;
			memcpy(bad->bytes, st.bytes, sizeof bad->bytes);
			bad->line = st.line;
			bad->column = st.column;
		}
		return rc;
	}
	*out = upl__text_detach(&b, out_len);
	return *out == NULL ? UPL_ENOMEM : 0;
}

/* --- detection ----------------------------------------------------------- */

static int
has_prefix(const char *buf, size_t len, const char *p, size_t n)
{
	return len >= n && memcmp(buf, p, n) == 0;
}

/* UTF-16 without a BOM: NUL bytes mostly on one side. */
static const char *
utf16_guess(const char *buf, size_t len)
{
	size_t i, even = 0, odd = 0, pairs;
	if (len < 2 || len % 2 != 0)
		return NULL;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\0') {
			if (i % 2)
				odd++;
			else
				even++;
		}
	}
	pairs = len / 2;
	if (odd * 10 >= pairs * 2 && even * 20 <= pairs)
		return "UTF-16LE";
	if (even * 10 >= pairs * 2 && odd * 20 <= pairs)
		return "UTF-16BE";
	return NULL;
}

/* Bytes of non-ASCII text in well-formed UTF-8 sequences (good) and bytes
 * that are not (bad). */
static void
utf8_share(const char *buf, size_t len, size_t *good, size_t *bad)
{
	size_t i = 0;
	*good = *bad = 0;
	while (i < len) {
		size_t at = i;
		int32_t c;
		if ((unsigned char)buf[i] < 0x80) {
			i++;
			continue;
		}
		c = upl__text_next(buf, len, &i);
		if (c < 0)
			*bad += i - at;
		else
			*good += i - at;
	}
}

typedef struct candidate {
	const char *icu;     /* converter to open */
	const char *canon;   /* name we report */
	const USet *level1;  /* its most frequent characters */
	int icu_conf;        /* ICU's charset-detector confidence */
	decode_stats st;
	int rc;
} candidate;

static double
cjk_share(const decode_stats *st)
{
	return st->nonascii ? (double)st->cjk / (double)st->nonascii : 0.0;
}

/* Share of the Han characters that are among the candidate's most
 * frequent ones: text decoded right scores near 1, text decoded with the
 * wrong one of GB18030 and Big5 well below. */
static double
frequent_share(const decode_stats *st)
{
	return st->han ? (double)st->frequent / (double)st->han : 0.0;
}

/* 1 if a is better than b. */
static int
better(const candidate *a, const candidate *b)
{
	int av = a->rc == 0, bv = b->rc == 0;
	double fa, fb;
	if (av != bv)
		return av;
	if (!av)
		return a->st.errors < b->st.errors;
	if (a->st.pua != b->st.pua)
		return a->st.pua < b->st.pua;
	fa = frequent_share(&a->st);
	fb = frequent_share(&b->st);
	if (fa > fb + 0.05 || fb > fa + 0.05)
		return fa > fb;
	if (a->icu_conf != b->icu_conf)
		return a->icu_conf > b->icu_conf;
	return cjk_share(&a->st) > cjk_share(&b->st);
}

/* What the rules of upl_text_detect share: the text, and what rule 4
 * learns from ICU's detector and the Chinese candidates, which rules 5 and
 * 6 go on from. */
typedef struct detection {
	const char *buf;
	size_t len;
	UCharsetDetector *det;  /* open once rule 4 has run (owns top) */
	const char *top;        /* ICU's first choice, or NULL */
	int top_conf;
	candidate cand[3];      /* GB18030, Big5, Big5-HKSCS */
	int best;               /* the one that reads best */
} detection;

/* A rule: 1 when it decides (r filled), 0 to leave the text to the next
 * rule, or a negative error code. */
typedef int (*detect_rule)(detection *d, upl_text_encoding *r);

static int
decided(upl_text_encoding *r, const char *name, int confidence)
{
	set_name(r, name);
	r->confidence = confidence;
	return 1;
}

/* A computed confidence, kept within 1..100. */
static int
percent(int v)
{
	return v < 1 ? 1 : v > 100 ? 100 : v;
}

/* 1. A byte-order mark (UTF-32 before UTF-16: FF FE 00 00 starts both). */
static int
rule_bom(detection *d, upl_text_encoding *r)
{
	static const struct { const char *mark; size_t n; const char *name; } boms[] = {
		{ "\xEF\xBB\xBF", 3, "UTF-8" },
		{ "\xFF\xFE\0\0", 4, "UTF-32LE" },
		{ "\0\0\xFE\xFF", 4, "UTF-32BE" },
		{ "\xFF\xFE", 2, "UTF-16LE" },
		{ "\xFE\xFF", 2, "UTF-16BE" },
		{ "\x84\x31\x95\x33", 4, "GB18030" },
	};
	size_t k;
	for (k = 0; k < sizeof boms / sizeof boms[0]; k++) {
		if (has_prefix(d->buf, d->len, boms[k].mark, boms[k].n)) {
			r->bom = 1;
			return decided(r, boms[k].name, 100);
		}
	}
	return 0;
}

/* 2. UTF-16 without a BOM: NUL bytes on one side, and it decodes. */
static int
rule_utf16(detection *d, upl_text_encoding *r)
{
	const char *g;
	decode_stats st;
	int rc, bom;
	if (memchr(d->buf, '\0', d->len) == NULL || (g = utf16_guess(d->buf, d->len)) == NULL)
		return 0;
	rc = decode(g, d->buf, d->len, NULL, &st, &bom, NULL);
	if (rc == UPL_ENOMEM)
		return rc;
	return rc == 0 ? decided(r, g, 80) : 0;
}

/* 3a. Valid UTF-8. */
static int
rule_utf8(detection *d, upl_text_encoding *r)
{
	return upl__utf8_valid(d->buf, d->len, NULL) ? decided(r, "UTF-8", 100) : 0;
}

/* 3b. UTF-8 with a few bad bytes (so that they are reported): at least six
 * bytes in good sequences, nine for each bad one. */
static int
rule_utf8_damaged(detection *d, upl_text_encoding *r)
{
	size_t good, bad;
	utf8_share(d->buf, d->len, &good, &bad);
	if (good >= 6 && good >= 9 * bad)
		return decided(r, "UTF-8", (int)(90 * good / (good + bad)));
	return 0;
}

/* ICU's detector: its first choice, and its confidence in GB18030 and Big5
 * for the candidates. */
static int
ask_icu(detection *d)
{
	UErrorCode ec = U_ZERO_ERROR;
	const UCharsetMatch **matches;
	int32_t nmatch = 0, i;
	d->det = ucsdet_open(&ec);
	if (U_FAILURE(ec) || d->det == NULL)
		return ec == U_MEMORY_ALLOCATION_ERROR ? UPL_ENOMEM : UPL_ENOTFOUND;
	ucsdet_setText(d->det, d->buf, d->len > (size_t)INT32_MAX ? INT32_MAX : (int32_t)d->len, &ec);
	matches = ucsdet_detectAll(d->det, &nmatch, &ec);
	if (U_FAILURE(ec))
		nmatch = 0;
	for (i = 0; i < nmatch; i++) {
		UErrorCode e2 = U_ZERO_ERROR;
		const char *name = ucsdet_getName(matches[i], &e2);
		int conf = ucsdet_getConfidence(matches[i], &e2);
		if (U_FAILURE(e2) || name == NULL)
			continue;
		if (d->top == NULL) {
			d->top = name;
			d->top_conf = conf;
		}
		if (strcmp(name, "GB18030") == 0 && d->cand[0].icu_conf == 0)
			d->cand[0].icu_conf = conf;
		if (strcmp(name, "Big5") == 0 && d->cand[1].icu_conf == 0)
			d->cand[1].icu_conf = d->cand[2].icu_conf = conf;
	}
	return 0;
}

/* Decode the text strictly with each candidate and pick the best one. */
static int
score_candidates(detection *d)
{
	candidate *cand = d->cand;
	size_t k;
	int bom;
	cand[0].icu = "gb18030";
	cand[0].canon = "GB18030";
	cand[0].level1 = upl__text_gb2312_l1_set();
	cand[1].icu = "windows-950-2000";
	cand[1].canon = "Big5";
	cand[2].icu = "ibm-1375_P100-2008";
	cand[2].canon = "Big5-HKSCS";
	cand[1].level1 = cand[2].level1 = upl__text_big5_l1_set();
	for (k = 0; k < 3; k++) {
		cand[k].rc = decode(cand[k].icu, d->buf, d->len, NULL, &cand[k].st, &bom, cand[k].level1);
		if (cand[k].rc == UPL_ENOMEM)
			return UPL_ENOMEM;
	}
	d->best = 0;
	for (k = 1; k < 3; k++)
		if (better(&cand[k], &cand[d->best]))
			d->best = (int)k;
	/* Big5 before Big5-HKSCS when both decode to the same characters. */
	if (d->best == 2 && cand[1].rc == 0 && cand[1].st.pua == cand[2].st.pua)
		d->best = 1;
	return 0;
}

/* 4. GB18030, Big5 or Big5-HKSCS, whichever reads best, if it decodes; its
 * confidence is how much better it reads than the runner-up, or ICU's. */
static int
rule_chinese(detection *d, upl_text_encoding *r)
{
	const candidate *cand = d->cand;
	double mine;
	int rc, k, conf;
	if ((rc = ask_icu(d)) != 0 || (rc = score_candidates(d)) != 0)
		return rc;
	if (cand[d->best].rc != 0)
		return 0;
	mine = frequent_share(&cand[d->best].st);
	for (k = 0; k < 3; k++) {
		if (k == d->best || cand[k].rc != 0 || strcmp(cand[k].canon, "Big5-HKSCS") == 0 ||
		    (d->best == 2 && k == 1))
			continue;
		mine -= frequent_share(&cand[k].st) / 2.0;
	}
	conf = (int)(mine * 100.0 + 0.5);
	if (cand[d->best].icu_conf > conf)
		conf = cand[d->best].icu_conf;
	return decided(r, cand[d->best].canon, percent(conf));
}

/* 5. Nothing Chinese decodes: ICU's first choice, if it is another one and
 * decodes. */
static int
rule_icu(detection *d, upl_text_encoding *r)
{
	decode_stats st;
	int rc, bom;
	if (d->top == NULL || strcmp(d->top, "GB18030") == 0 || strcmp(d->top, "Big5") == 0)
		return 0;
	rc = decode(d->top, d->buf, d->len, NULL, &st, &bom, NULL);
	if (rc == UPL_ENOMEM)
		return rc;
	return rc == 0 ? decided(r, canonical_name(d->top), d->top_conf) : 0;
}

/* 6. Nothing decodes: the Chinese candidate with the fewest errors, with
 * little confidence (decoding it reports the first error). */
static int
rule_least_bad(detection *d, upl_text_encoding *r)
{
	int conf = d->cand[d->best].icu_conf;
	return decided(r, d->cand[d->best].canon, percent(conf < 25 ? conf : 25));
}

/* The rules in the order doc/text.md gives; the last one always decides. */
static const detect_rule detect_rules[] = {
	rule_bom, rule_utf16, rule_utf8, rule_utf8_damaged, rule_chinese, rule_icu, rule_least_bad,
};

int
upl_text_detect(upl_text_encoding *out, const char *buf, size_t len)
{
	detection d;
	upl_text_encoding r;
	size_t k;
	int rc = 0;

	if (out == NULL || (buf == NULL && len != 0))
		return UPL_EINVAL;
	memset(&d, 0, sizeof d);
	memset(&r, 0, sizeof r);
	d.buf = buf ? buf : "";
	d.len = upl__text_len(d.buf, len);
	for (k = 0; rc == 0 && k < sizeof detect_rules / sizeof detect_rules[0]; k++)
		rc = detect_rules[k](&d, &r);
	if (d.det)
		ucsdet_close(d.det);
	if (rc > 0) {
		*out = r;
		rc = 0;
	}
	return rc;
}

/* --- decoding to UTF-8 ----------------------------------------------------- */

static void
describe(upl_error **err, const char *canon, const decode_stats *st)
{
	char hex[8 * 3 + 1];
	int k;
	size_t off = 0;
	const char *what;
	hex[0] = '\0';
	for (k = 0; k < st->nbytes && off + 4 <= sizeof hex; k++)
		off += (size_t)snprintf(hex + off, sizeof hex - off, "%s%02X", k ? " " : "",
					(unsigned int)(unsigned char)st->bytes[k]);
	switch (st->code) {
	case U_INVALID_CHAR_FOUND:
		what = "unmappable";
		break;
	case U_TRUNCATED_CHAR_FOUND:
		what = "incomplete";
		break;
	default:
		what = "invalid";
		break;
	}
	upl__error_set(err, UPL_EENCODING, NULL, st->line, st->column,
		       "%s %s byte sequence <%s> at byte offset %zu (line %u, column %u)",
		       what, canon, hex, st->offset, st->line, st->column);
}

/* UTF-8 input: validate and copy (without a BOM). */
static int
utf8_copy(char **out, size_t *out_len, const char *buf, size_t len, upl_text_encoding *info,
	  upl_error **err)
{
	size_t bad = 0, skip = 0;
	upl_buf b = UPL_BUF_INIT;
	if (has_prefix(buf, len, "\xEF\xBB\xBF", 3)) {
		skip = 3;
		info->bom = 1;
	}
	if (!upl__utf8_valid(buf + skip, len - skip, &bad)) {
		decode_stats st;
		position pos = { 1, 1, 0 };
		size_t i = skip, l;
		const unsigned char *p = (const unsigned char *)buf;
		memset(&st, 0, sizeof st);
		while (i < skip + bad) {
			int32_t c = upl__text_next(buf, skip + bad, &i);
			advance(&pos, (uint32_t)c);
		}
		st.code = U_ILLEGAL_CHAR_FOUND;
		st.offset = skip + bad;
		/* the offending bytes: the lead and its would-be continuations */
		st.bytes[0] = (char)p[st.offset];
		st.nbytes = 1;
		for (l = st.offset + 1; l < len && st.nbytes < 4 && (p[l] & 0xC0) == 0x80; l++)
			st.bytes[st.nbytes++] = (char)p[l];
		if (l == len && st.nbytes < 4 && p[st.offset] >= 0xC2 && p[st.offset] <= 0xF4) {
			size_t want = p[st.offset] >= 0xF0 ? 4 : p[st.offset] >= 0xE0 ? 3 : 2;
			if ((size_t)st.nbytes < want)
				st.code = U_TRUNCATED_CHAR_FOUND;
		}
		st.line = pos.line;
		st.column = pos.column;
		describe(err, "UTF-8", &st);
		return UPL_EENCODING;
	}
	upl__buf_put(&b, buf + skip, len - skip);
	*out = upl__text_detach(&b, out_len);
	if (*out == NULL)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}

int
upl_text_to_utf8(char **out, size_t *out_len, const char *buf, size_t len, const char *encoding,
		 upl_text_encoding *info, upl_error **err)
{
	upl_text_encoding used;
	upl_buf b = UPL_BUF_INIT;
	decode_stats st;
	const char *icu;
	int rc, bom = 0;

	if (out != NULL)
		*out = NULL;
	if (out_len != NULL)
		*out_len = 0;
	if (out == NULL || (buf == NULL && len != 0))
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if (buf == NULL)
		buf = "";
	len = upl__text_len(buf, len);
	memset(&used, 0, sizeof used);

	if (encoding == NULL || ucnv_compareNames(encoding, "auto") == 0) {
		rc = upl_text_detect(&used, buf, len);
		if (rc != 0)
			return upl__error_set(err, rc, NULL, 0, 0, "cannot detect the encoding: %s",
					      upl_strerror(rc));
		icu = used.name;
		used.bom = 0;
	} else {
		UErrorCode ec = U_ZERO_ERROR;
		UConverter *cnv = encoding[0] ? ucnv_open(encoding, &ec) : NULL;
		const char *in;
		if (cnv == NULL || U_FAILURE(ec)) {
			if (cnv)
				ucnv_close(cnv);
			return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "unknown encoding \"%s\"",
					      encoding);
		}
		in = ucnv_getName(cnv, &ec);
		set_name(&used, canonical_name(in && U_SUCCESS(ec) ? in : encoding));
		ucnv_close(cnv);
		used.confidence = 100;
		icu = encoding;
	}

	if (strcmp(used.name, "UTF-8") == 0) {
		rc = utf8_copy(out, out_len, buf, len, &used, err);
		if (rc == 0 && info)
			*info = used;
		return rc;
	}
	/* Detected names are our canonical ones: map back to ICU's. */
	if (strcmp(icu, "Big5") == 0)
		icu = "windows-950-2000";
	else if (strcmp(icu, "Big5-HKSCS") == 0)
		icu = "ibm-1375_P100-2008";
	else if (strcmp(icu, "GBK") == 0)
		icu = "windows-936-2000";

	rc = decode(icu, buf, len, &b, &st, &bom, NULL);
	/* ICU's BOM-sniffing "UTF-16" and "UTF-32" converters eat the mark. */
	if (rc == 0 && !bom && (strcmp(used.name, "UTF-16") == 0 || strcmp(used.name, "UTF-32") == 0) &&
	    (has_prefix(buf, len, "\xFF\xFE", 2) || has_prefix(buf, len, "\xFE\xFF", 2) ||
	     has_prefix(buf, len, "\0\0\xFE\xFF", 4)))
		bom = 1;
	if (rc != 0) {
		upl__buf_free(&b);
		if (rc == UPL_ENOMEM)
			return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
		if (rc == UPL_EINVAL)
			return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "unknown encoding \"%s\"",
					      icu);
		describe(err, used.name, &st);
		return UPL_EENCODING;
	}
	used.bom = bom;
	*out = upl__text_detach(&b, out_len);
	if (*out == NULL)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	if (info)
		*info = used;
	return 0;
}

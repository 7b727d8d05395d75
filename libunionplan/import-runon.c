/* The importer's third stage: line shapes. Run-on text (a whole plan
 * pasted as one line) is cut where a label, a byline, a labelled opening or
 * the front matter of a plan begins mid-line; lines wrapped at a fixed
 * width are joined again. */
#include "config.h"

#include <unionplan/text.h>

#include "import-private.h"
#include "messages-private.h"

/* ------------------------------------------------------------------------ */
/* Stage 3: run-on text                                                     */

/* Cut line src at the byte offsets cuts[0..n) (ascending, inside the
 * line) into up to n + 1 lines appended to out[*nout..] (room for n + 1
 * there), freeing src. On failure (UPL_ENOMEM) src and out stay as they
 * were. */
static int
cut_line(imp_line *out, size_t *nout, imp_line src, const size_t *cuts, size_t n)
{
	imp_line *nv = out + *nout;
	size_t piece, start = 0, m = 0, g;
	for (piece = 0; piece <= n; piece++) {
		size_t end = piece < n ? cuts[piece] : src.len, base;
		const char *s = src.text + start;
		size_t len = end - start;
		imp_line *d = &nv[m];
		upl_pos p0;
		upl__imp_trim(&s, &len);
		start = end;
		if (len == 0)
			continue;
		base = (size_t)(s - src.text);
		memset(d, 0, sizeof *d);
		d->text = upl__strndup(s, len);
		d->segs = upl__malloc((src.nsegs + 1) * sizeof *d->segs);
		m++;
		if (d->text == NULL || d->segs == NULL)
			goto fail;
		d->len = len;
		d->split = 1;
		d->segcap = src.nsegs + 1;
		p0 = upl__imp_pos(&src, base);
		d->segs[0].off = 0;
		d->segs[0].line = p0.line;
		d->segs[0].col = p0.column;
		d->nsegs = 1;
		for (g = 0; g < src.nsegs; g++) {
			size_t o = src.segs[g].off;
			if (o > base && o < base + len) {
				d->segs[d->nsegs] = src.segs[g];
				d->segs[d->nsegs].off = o - base;
				d->nsegs++;
			}
		}
	}
	*nout += m;
	upl__dealloc(src.text);
	upl__dealloc(src.segs);
	return 0;
fail:
	for (g = 0; g < m; g++) {
		upl__dealloc(nv[g].text);
		upl__dealloc(nv[g].segs);
	}
	return UPL_ENOMEM;
}

static int
sentence_end(unsigned int cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F || cp == ';' ||
	       cp == '!' || cp == '?' || cp == 0xFF0C /* ， */ || cp == ',';
}

/* The code point before off, skipping layout spaces (0 at the start). */
static unsigned int
prev_cp(const char *s, size_t off)
{
	return upl__utf8_prev(s, upl__imp_space_before(s, off));
}

/* The longest organisation at the start of s (at most 30 characters)
 * that a 发文字号 follows (follow 1) or a title (follow 2). 0 when none. */
static size_t
org_before(const char *s, size_t len, int follow)
{
	size_t i, k, n, best = 0, cps = 0;
	int piece, comp;
	for (i = 0; i < len && cps <= 30; i += k, cps++) {
		size_t e, rest;
		upl__utf8_next(s + i, len - i, &k);
		e = i + k;
		if (e >= len || !upl__imp_org(s, e))
			continue;
		rest = len - e < 180 ? len - e : 180;
		if (follow == 1 ? upl__imp_docnumber(s + e, len - e, &n) :
				  upl__imp_title(s + e, rest, &piece, &comp))
			best = e;
	}
	return best;
}

/* The end of the front matter peeled off at the start of run-on text: a
 * 发文字号, an organisation before a 发文字号, a title (a compilation's
 * when there is one, else the shortest), an organisation before a title.
 * 0 when none. */
static size_t
peel(const char *s, size_t len)
{
	static const char *const ends[] = {
		"汇编", "匯編", "彙編", "计划", "計劃", "要点", "要點", "意见", "意見", NULL
	};
	size_t i, best = 0, k, n, cps = 0;
	int piece, comp;
	if (upl__imp_docnumber(s, len, &n))
		return n;
	if ((n = org_before(s, len, 1)) > 0)
		return n;
	for (i = 0; i < len && cps <= 60; i += k, cps++) {
		const char *const *e;
		upl__utf8_next(s + i, len - i, &k);
		for (e = ends; *e; e++) {
			size_t m = i + strlen(*e);
			if (upl__imp_starts(s + i, len - i, *e) && upl__imp_title(s, m, &piece, &comp)) {
				if (comp)
					return m;
				if (!best)
					best = m;
			}
		}
	}
	if (best)
		return best;
	return org_before(s, len, 2);
}

/* Where a byline that starts at off (作者：鄧麗敏XX-02-26) ends: after the
 * name and a date written with digits. 0 when it is no byline. */
static size_t
byline_end(const char *s, size_t len, size_t off)
{
	size_t i = upl__imp_colon(s, len, off + strlen("作者")), j, k, n = 0;
	if (i == 0)
		return 0;
	i = upl__imp_skip_space(s, len, i);
	for (j = i; j < len && n < 4; n++) {
		unsigned int cp = upl__utf8_next(s + j, len - j, &k);
		if (!upl__is_han(cp))
			break;
		j += k;
	}
	if (n < 2)
		return 0;
	i = j;
	/* a date: XX-02-26, 2012-02-26, 2012.2.26 (the day has two digits) */
	{
		int part = 0, digits = 0;
		while (j < len && part < 3) {
			char ch = s[j];
			if ((ch >= '0' && ch <= '9') || (part == 0 && (ch == 'X' || ch == 'x'))) {
				digits++;
				j++;
				if (part == 2 && digits == 2) {
					part = 3;
					break;
				}
			} else if ((ch == '-' || ch == '/' || ch == '.') && digits > 0 && part < 2) {
				part++;
				digits = 0;
				j++;
			} else {
				break;
			}
		}
		return part == 3 ? j : i;
	}
}

/* The cut offsets of one line, ascending. */
typedef struct cut_list {
	size_t *v;
	size_t n, cap;
} cut_list;

#define CUT_LIST_INIT { NULL, 0, 0 }

static int
cuts_push(cut_list *cl, size_t at)
{
	if (upl__grow((void **)&cl->v, &cl->cap, cl->n + 1, sizeof *cl->v) != 0)
		return UPL_ENOMEM;
	cl->v[cl->n++] = at;
	return 0;
}

static void
cuts_free(cut_list *cl)
{
	upl__dealloc(cl->v);
	cl->v = NULL;
	cl->n = cl->cap = 0;
}

/* The front matter of a plan run together with its text, from *off: a cut
 * after each piece peeled off, *off moved past them. */
static int
peel_all(cut_list *cl, const char *s, size_t len, size_t *off)
{
	size_t e;
	while ((e = peel(s + *off, len - *off)) > 0 && *off + e < len) {
		if (cuts_push(cl, *off + e) != 0)
			return UPL_ENOMEM;
		*off += e;
	}
	return 0;
}

/* What the scan of a line remembers of the labels it cut at. */
typedef struct runon_scan {
	long last_num[8];     /* the last number cut at, by label style */
	int last_style;
	size_t last_label_cp; /* the code point index of the last label cut at */
	size_t cp_at;         /* the code point index of the offset scanned */
	size_t colon;         /* the first colon (： or :) at or after it, or len */
	size_t colon_reach;   /* where the layout spaces before that colon start */
	size_t open_max;      /* upl__imp_opening_max() */
	unsigned int pc;      /* the character before the offset, spaces skipped */
} runon_scan;

/* The first colon (： or :) of s[from..len), or len. */
static size_t
next_colon(const char *s, size_t len, size_t from)
{
	for (; from < len; from++)
		if (s[from] == ':' || upl__imp_starts(s + from, len - from, "："))
			return from;
	return len;
}

/* Whether a labelled opening (指导思想：) may start at off: its word is
 * followed by spaces, then the first colon after off. The colon is looked
 * for once, not at every offset: a long line stays linear. */
static int
may_open(const char *s, size_t len, size_t off, runon_scan *sc)
{
	if (sc->colon < off || sc->colon == (size_t)-1) {
		sc->colon = next_colon(s, len, off);
		sc->colon_reach = upl__imp_space_before(s, sc->colon);
	}
	return sc->colon < len && sc->colon_reach <= off + sc->open_max;
}

/* Whether a numbered label at off (pc the character before it) starts a
 * line of its own. */
static int
label_cut(const char *s, size_t len, size_t off, unsigned int pc, runon_scan *sc)
{
	upl_text_label lab;
	upl_text_month mon;
	int st, seq, first, han, again;
	if (upl_text_label_parse(&lab, s + off, len - off) != 0 || lab.label_len == 0 ||
	    upl_text_month_parse(&mon, s + off, len - off) == 0 || pc == 0x201C || pc == 0x300A ||
	    pc == '"')
		return 0;
	st = lab.style < 8 ? lab.style : 0;
	seq = st && lab.number == sc->last_num[st] + 1;
	first = lab.number == 1 && sc->last_style && sc->last_style != st &&
		sc->last_label_cp != (size_t)-1 && sc->cp_at - sc->last_label_cp < 40;
	han = !upl__imp_digit_style(lab.style);
	again = st && lab.number == sc->last_num[st];
	if ((sentence_end(pc) && (!han || seq || again || lab.number == 1)) ||
	    (!han && (seq || first)) || (han && seq && pc == 0x3002)) {
		sc->last_num[st] = lab.number;
		sc->last_style = st;
		sc->last_label_cp = sc->cp_at;
		return 1;
	}
	return 0;
}

/* The cut decision: whether run-on text s[0..len) is cut at off (inside
 * the text, not at a space). After a byline, *resume is where the scan goes
 * on (the next plan's front matter may follow); 0 otherwise. */
static int
cut_here(const char *s, size_t len, size_t off, const cut_list *cl, runon_scan *sc,
	 size_t *resume)
{
	unsigned int pc = sc->pc;
	size_t n;
	*resume = 0;
	if (upl__imp_starts(s + off, len - off, "作者") && (n = byline_end(s, len, off)) > off) {
		*resume = n;
		return 1;
	}
	if (may_open(s, len, off, sc) && upl__imp_opening(s + off, len - off) > 0 &&
	    (!upl__is_han(pc) || (cl->n > 0 && cl->v[cl->n - 1] + 60 > off && pc != 0x201C)))
		return 1;
	return label_cut(s, len, off, pc, sc);
}

/* Where run-on text s[0..len) is cut into lines. */
static int
find_cuts(cut_list *cl, const char *s, size_t len)
{
	runon_scan sc;
	size_t off = 0, k, resume, at; /* at: the code points before off */
	memset(&sc, 0, sizeof sc);
	sc.last_label_cp = (size_t)-1;
	sc.colon = (size_t)-1;
	sc.open_max = upl__imp_opening_max();
	if (peel_all(cl, s, len, &off) != 0)
		return UPL_ENOMEM;
	sc.pc = prev_cp(s, off);
	at = upl__utf8_count(s, off);
	while (off < len) {
		unsigned int cp = upl__utf8_next(s + off, len - off, &k);
		if (off > 0 && !upl__is_space(cp) && cut_here(s, len, off, cl, &sc, &resume)) {
			if ((cl->n == 0 || cl->v[cl->n - 1] < off) && cuts_push(cl, off) != 0)
				return UPL_ENOMEM;
			if (resume > off && resume < len) {
				/* a byline, and after it maybe the next plan's front matter */
				size_t from = off;
				if (cuts_push(cl, resume) != 0)
					return UPL_ENOMEM;
				off = resume;
				if (peel_all(cl, s, len, &off) != 0)
					return UPL_ENOMEM;
				at += upl__utf8_count(s + from, off - from);
				sc.cp_at = at;
				sc.pc = prev_cp(s, off);
				continue;
			}
		}
		if (!upl__is_space(cp))
			sc.pc = cp;
		off += k;
		sc.cp_at++;
		at++;
	}
	return 0;
}

/* Line l moved to the end of *out (*nout lines, *cap allocated): cut at
 * cl's offsets, or whole. 0 or UPL_ENOMEM (l then stays where it was). */
static int
put_line(imp_line **out, size_t *nout, size_t *cap, imp_line *l, const cut_list *cl)
{
	if (upl__grow((void **)out, cap, *nout + cl->n + 1, sizeof **out) != 0)
		return UPL_ENOMEM;
	if (cl->n > 0)
		return cut_line(*out, nout, *l, cl->v, cl->n);
	(*out)[(*nout)++] = *l;
	return 0;
}

/* The end of a pass that moved the lines of ls, cut or not, into out
 * (nout of them, cap allocated): with rc 0 out becomes the lines; after a
 * failure (rc) at line li of ls the lines moved to out go and those from
 * li on stay in ls. Returns rc. */
static int
take_lines(imp_lines *ls, imp_line *out, size_t nout, size_t cap, size_t li, int rc)
{
	if (rc != 0) {
		size_t k;
		for (k = 0; k < nout; k++) {
			upl__dealloc(out[k].text);
			upl__dealloc(out[k].segs);
		}
		memmove(ls->v, ls->v + li, (ls->n - li) * sizeof *ls->v);
		ls->n -= li;
		upl__dealloc(out);
		return rc;
	}
	upl__dealloc(ls->v);
	ls->v = out;
	ls->n = nout;
	ls->cap = cap;
	return 0;
}

/* The lines go into a new array, each cut line as its pieces (which need
 * no second look): one pass, not a move of every later line per cut. */
int
upl__imp_cut_runon(imp_lines *ls)
{
	imp_line *out = NULL;
	size_t li, nout = 0, cap = 0;
	int rc = 0;
	for (li = 0; li < ls->n; li++) {
		cut_list cl = CUT_LIST_INIT;
		imp_line *l = &ls->v[li];
		if (upl__imp_count_upto(l->text, l->len, 120) >= 120)
			rc = find_cuts(&cl, l->text, l->len);
		if (rc == 0)
			rc = put_line(&out, &nout, &cap, l, &cl);
		cuts_free(&cl);
		if (rc != 0)
			break;
	}
	return take_lines(ls, out, nout, cap, li, rc);
}

/* ------------------------------------------------------------------------ */
/* Stage 3b: lines wrapped at a fixed width                                 */

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The width of the wrapped lines: the length (in code points, at least
 * 16) that the most lines ending mid-sentence have within two characters
 * below it, the longer on a tie; cps holds each line's length, 0 for a line
 * that ends a sentence. *count receives how many lines have that width.
 * Sorts cps. */
static size_t
wrap_width(size_t *cps, size_t n, size_t *count)
{
	size_t lo = 0, hi = 0, i, width = 0;
	*count = 0;
	qsort(cps, n, sizeof *cps, cmp_size);
	for (i = 0; i < n; i = hi) {
		size_t w = cps[i], c;
		while (hi < n && cps[hi] == w)
			hi++;
		if (w < 16)
			continue;
		while (cps[lo] + 2 < w)
			lo++;
		c = hi - lo; /* the lines of w - 2 .. w code points */
		if (c > *count || (c == *count && w > width)) {
			*count = c;
			width = w;
		}
	}
	return width;
}

/* Where the last opening bracket （ or ( of s[0..len) starts, or -1. */
static size_t
last_open(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = len;
	while (i > 0) {
		i--;
		if (p[i] == '(')
			return i;
		if (p[i] == 0x88 && i >= 2 && p[i - 1] == 0xBC && p[i - 2] == 0xEF) /* （ */
			return i - 2;
	}
	return (size_t)-1;
}

/* Text exported with a fixed line width breaks paragraphs mid-sentence at
 * about the same length every time. When at least three lines that end
 * mid-sentence share a length (within two characters), each line of that
 * length that ends mid-sentence is joined with the next line, provided the
 * next one starts nothing of its own (a label, a month, a heading …) and
 * no blank line separates them.
 *
 * Linear in the text: the lines kept are moved down over those joined
 * (no removal one at a time), a line's text grows geometrically, and the
 * line being joined onto is classified through what is known of it so far
 * (its length and its last opening bracket). */
int
upl__imp_join_wrapped(imp_lines *ls)
{
	size_t r, w, n = ls->n, best_count = 0, *cps, *count;
	size_t width = 0;
	if (n < 4)
		return 0;
	cps = upl__calloc(2 * n, sizeof *cps);
	if (cps == NULL)
		return UPL_ENOMEM;
	count = cps + n; /* each line's length, in code points */
	for (r = 0; r < n; r++) {
		count[r] = upl__utf8_count(ls->v[r].text, ls->v[r].len);
		cps[r] = upl__imp_ends_sentence_n(ls->v[r].text, ls->v[r].len) ? 0 : count[r];
	}
	width = wrap_width(cps, n, &best_count);
	for (r = w = 0; best_count >= 3 && r < n; w++) {
		imp_line *l = &ls->v[w];
		/* the length of the last source line joined into l, and of l;
		 * where l's last opening bracket is, looked for when needed */
		size_t len, total, open = (size_t)-2;
		len = total = count[r];
		ls->v[w] = ls->v[r++];
		while (r < n) {
			imp_line *next = &ls->v[r];
			imp_info a, b;
			size_t base = l->len, o;
			if (len + 2 < width || len > width + 2 || upl__imp_ends_sentence_n(l->text, l->len) ||
			    next->blank_before)
				break;
			if (open == (size_t)-2)
				open = last_open(l->text, l->len);
			upl__imp_classify_joined(l, &a, total, open);
			upl__imp_classify(next, &b);
			if ((a.flags & ~(F_LABEL | F_OPENING)) || b.flags)
				break;
			len = count[r];
			o = last_open(next->text, next->len);
			if (upl__imp_join(l, next) != 0) {
				ls->n = w + 1 + (n - r); /* the lines not looked at yet stay */
				memmove(ls->v + w + 1, ls->v + r, (n - r) * sizeof *ls->v);
				upl__dealloc(cps);
				return UPL_ENOMEM;
			}
			total += len;
			if (o != (size_t)-1)
				open = base + o;
			upl__dealloc(next->text);
			upl__dealloc(next->segs);
			r++;
		}
	}
	if (best_count >= 3)
		ls->n = w;
	upl__dealloc(cps);
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Stage 3c: parts run into one line                                        */

/* What the scan of one line knows of the labels met. */
typedef struct heading_scan {
	long last[8];        /* the last number met, by label style */
	int styles_seen;     /* bit per style met */
} heading_scan;

/* Whether a label at off of s, the character before it pc (spaces
 * skipped) and a space just before it or not, starts a part of its own:
 * after a sentence end or a colon, the next number of a style met (二、
 * after 一、) or the first of a style not met yet (1、 after 主要工作：);
 * after a space, the next number of a style met. */
static int
heading_cut(const char *s, size_t len, size_t off, unsigned int pc, int spaced, heading_scan *sc)
{
	upl_text_label lab;
	upl_text_month mon;
	int st, stop = pc == 0x3002 || pc == 0xFF1B || pc == ';' || pc == 0xFF01 || pc == 0xFF1F,
		colon = pc == 0xFF1A || pc == ':';
	if (!(stop || colon || spaced) || upl_text_label_parse(&lab, s + off, len - off) != 0 ||
	    lab.label_len == 0 || upl_text_month_parse(&mon, s + off, len - off) == 0 ||
	    lab.text_offset >= len - off)
		return 0;
	st = lab.style < 8 ? lab.style : 0;
	if (st == 0)
		return 0;
	if ((sc->styles_seen & (1 << st)) && lab.number == sc->last[st] + 1 && (stop || spaced)) {
		int k;
		for (k = 0; k < 8; k++) /* the deeper styles start again */
			if (upl_text_label_level(k) > upl_text_label_level(st))
				sc->styles_seen &= ~(1 << k);
	} else if (!(sc->styles_seen & (1 << st)) && lab.number == 1 && (stop || colon) && !spaced) {
		;
	} else {
		return 0;
	}
	sc->last[st] = lab.number;
	sc->styles_seen |= 1 << st;
	return 1;
}

/* The cuts of one line that starts with a label (lab). */
static int
heading_cuts(cut_list *cl, const char *s, size_t len, const upl_text_label *lab)
{
	heading_scan sc;
	size_t off = lab->text_offset, k;
	unsigned int pc = 0;
	int spaced = 0;
	memset(&sc, 0, sizeof sc);
	if (lab->style > 0 && lab->style < 8) {
		sc.last[lab->style] = lab->number;
		sc.styles_seen = 1 << lab->style;
	}
	while (off < len) {
		unsigned int cp = upl__utf8_next(s + off, len - off, &k);
		if (upl__is_space(cp)) {
			spaced = 1;
		} else {
			if (heading_cut(s, len, off, pc, spaced && upl__is_han(pc), &sc) &&
			    cuts_push(cl, off) != 0)
				return UPL_ENOMEM;
			pc = cp;
			spaced = 0;
		}
		off += k;
	}
	return 0;
}

/* 一、指导思想：…。二、工作目标：…。三、主要工作：1、…；2、… and
 * （一）…氛围 （二）…: a line that starts with a label and holds the next
 * labels of its numbering is cut before each (run-on text too short for
 * upl__imp_cut_runon), each cut a note. */
int
upl__imp_cut_headings(imp_lines *ls)
{
	imp_line *out = NULL;
	size_t li, nout = 0, cap = 0, c;
	int rc = 0;
	for (li = 0; li < ls->n && rc == 0; li++) {
		cut_list cl = CUT_LIST_INIT;
		imp_line *l = &ls->v[li];
		upl_text_label lab;
		upl_text_month mon;
		if (upl_text_label_parse(&lab, l->text, l->len) == 0 &&
		    upl_text_month_parse(&mon, l->text, l->len) != 0)
			rc = heading_cuts(&cl, l->text, l->len, &lab);
		for (c = 0; rc == 0 && c < cl.n; c++) {
			char what[48];
			upl_text_label_parse(&lab, l->text + cl.v[c], l->len - cl.v[c]);
			snprintf(what, sizeof what, "%.*s", (int)(lab.label_len < 40 ? lab.label_len : 40),
				 l->text + cl.v[c]);
			rc = upl__msg_emit(ls->report, ls->zh, &ls->oom, ls->file,
					   UPL__MSG(UPL_CODE_IMPORT_INFERRED, 2), upl__imp_pos(l, cl.v[c]), what);
		}
		if (rc == 0)
			rc = put_line(&out, &nout, &cap, l, &cl);
		cuts_free(&cl);
	}
	return take_lines(ls, out, nout, cap, rc != 0 ? li - 1 : li, rc);
}

/* The importer's first stage: lines with their source positions, and the
 * removal of web noise, each removal reported as a note. */
#include "config.h"

#include "import-private.h"
#include "messages-private.h"
#include "validate-private.h"

/* Layout around a line: the importer's spaces, and a stray byte-order mark. */
static int
is_layout_space(unsigned int cp)
{
	/* a form feed is a page break: layout, like the blank line it makes */
	return upl__is_space(cp) || cp == 0xFEFF || cp == 0x0C;
}

int
upl__imp_ends_sentence(const char *s)
{
	return upl__imp_ends_sentence_n(s, strlen(s));
}

int
upl__imp_ends_sentence_n(const char *s, size_t n)
{
	static const unsigned int enders[] = {
		0x3002 /* 。 */, 0xFF01 /* ！ */, 0xFF1F /* ？ */, 0xFF1B /* ； */, 0xFF1A /* ： */,
		'.', '!', '?', ';', ':', 0x2026 /* … */
	};
	size_t i;
	unsigned int cp;
	if (n == 0)
		return 1;
	cp = upl__utf8_prev(s, n);
	if (cp == 0x201D || cp == 0xFF09 || cp == ')' || cp == 0x300D || cp == 0x300B) {
		/* closing quote or bracket: look at what is inside */
		size_t k = n;
		do {
			k--;
		} while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80);
		cp = upl__utf8_prev(s, k);
	}
	for (i = 0; i < sizeof enders / sizeof enders[0]; i++)
		if (cp == enders[i])
			return 1;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */

static int
add_seg(imp_line *l, size_t off, unsigned int line, unsigned int col)
{
	if (upl__grow((void **)&l->segs, &l->segcap, l->nsegs + 1, sizeof *l->segs) != 0)
		return UPL_ENOMEM;
	l->segs[l->nsegs].off = off;
	l->segs[l->nsegs].line = line;
	l->segs[l->nsegs].col = col;
	l->nsegs++;
	return 0;
}

upl_pos
upl__imp_pos(const imp_line *l, size_t off)
{
	upl_pos p = { 0, 0 };
	size_t i = l->nsegs;
	while (i > 0 && l->segs[i - 1].off > off)
		i--;
	if (i == 0)
		return p;
	p.line = l->segs[i - 1].line;
	p.column = l->segs[i - 1].col + (unsigned int)upl__utf8_count(l->text + l->segs[i - 1].off,
								off - l->segs[i - 1].off);
	return p;
}

int
upl__imp_split(imp_lines *ls, const char *text, size_t len)
{
	size_t i = 0;
	unsigned int lineno = 0;
	int blank = 0;
	while (i < len) {
		size_t start = i, end, b, e, k;
		unsigned int col = 1;
		imp_line *l;
		lineno++;
		while (i < len && text[i] != '\n' && text[i] != '\r')
			i++;
		end = i;
		if (i < len && text[i] == '\r')
			i++;
		if (i < len && text[i] == '\n' && (i == end || text[i - 1] == '\r'))
			i++;
		/* trim layout whitespace */
		b = start;
		while (b < end) {
			unsigned int cp = upl__utf8_next(text + b, end - b, &k);
			if (!is_layout_space(cp))
				break;
			b += k;
			col++;
		}
		e = end;
		while (e > b) {
			size_t j = e;
			unsigned int cp;
			do {
				j--;
			} while (j > b && ((unsigned char)text[j] & 0xC0) == 0x80);
			cp = upl__utf8_next(text + j, e - j, &k);
			if (!is_layout_space(cp))
				break;
			e = j;
		}
		if (e == b) {
			blank = 1;
			continue;
		}
		if (upl__grow((void **)&ls->v, &ls->cap, ls->n + 1, sizeof *ls->v) != 0)
			return UPL_ENOMEM;
		l = &ls->v[ls->n];
		memset(l, 0, sizeof *l);
		l->text = upl__strndup(text + b, e - b);
		if (l->text == NULL || add_seg(l, 0, lineno, col) != 0) {
			upl__dealloc(l->text);
			upl__dealloc(l->segs);
			return UPL_ENOMEM;
		}
		l->len = e - b;
		memcpy(l->indent, text + start, b - start < sizeof l->indent ? b - start : sizeof l->indent - 1);
		l->blank_before = blank;
		blank = 0;
		ls->n++;
	}
	return 0;
}

void
upl__imp_lines_free(imp_lines *ls)
{
	size_t i;
	for (i = 0; i < ls->n; i++) {
		upl__dealloc(ls->v[i].text);
		upl__dealloc(ls->v[i].segs);
	}
	upl__dealloc(ls->v);
	ls->v = NULL;
	ls->n = ls->cap = 0;
	upl__dealloc(ls->page_author);
	ls->page_author = NULL;
}

/* Cut bytes [off, off + n) out of line l, keeping positions right: the
 * text after the cut keeps its source position through a segment that
 * starts at off. */
static int
cut(imp_line *l, size_t off, size_t n)
{
	upl_pos after = upl__imp_pos(l, off + n);
	size_t i, at;
	/* drop the segments that start inside the cut, shift those after it */
	for (i = 0, at = 0; i < l->nsegs; i++) {
		imp_seg g = l->segs[i];
		if (g.off >= off && g.off < off + n)
			continue;
		if (g.off >= off + n)
			g.off -= n;
		l->segs[at++] = g;
	}
	l->nsegs = at;
	memmove(l->text + off, l->text + off + n, l->len - off - n + 1);
	l->len -= n;
	/* a segment for the text that now starts at off */
	for (i = 0; i < l->nsegs && l->segs[i].off < off; i++)
		;
	if (upl__grow((void **)&l->segs, &l->segcap, l->nsegs + 1, sizeof *l->segs) != 0)
		return UPL_ENOMEM;
	memmove(l->segs + i + 1, l->segs + i, (l->nsegs - i) * sizeof *l->segs);
	l->segs[i].off = off;
	l->segs[i].line = after.line;
	l->segs[i].col = after.column;
	l->nsegs++;
	return 0;
}

int
upl__imp_join(imp_line *a, const imp_line *b)
{
	size_t i, base = a->len;
	/* the text grows geometrically: joining many lines onto one stays linear */
	if (upl__grow((void **)&a->text, &a->textcap, a->len + b->len + 1, 1) != 0)
		return UPL_ENOMEM;
	memcpy(a->text + a->len, b->text, b->len + 1);
	a->len += b->len;
	for (i = 0; i < b->nsegs; i++)
		if (add_seg(a, base + b->segs[i].off, b->segs[i].line, b->segs[i].col) != 0)
			return UPL_ENOMEM;
	a->joined = 1;
	return 0;
}

#define note(ls, id, p, what) \
	upl__msg_emit((ls)->report, (ls)->zh, &(ls)->oom, (ls)->file, UPL__MSG(id, 0), (p), (what))

/* ------------------------------------------------------------------------ */
/* Boilerplate                                                              */

/* Phrases that only web pages around a plan use, in both scripts. A line
 * holding one of these is not part of the plan. */
static const char *const boilerplate[] = {
	"资源描述", "資源描述", "更多相关", "更多相關", "上传分享", "上傳分享",
	"免费在线阅读", "免費在線閱讀", "延伸阅读", "延伸閱讀", "相关阅读", "相關閱讀",
	"推荐阅读", "推薦閱讀", "点击下载", "點擊下載", "免费下载", "免費下載",
	"版权所有", "版權所有", "返回首页", "返回首頁", "本文来源", "本文來源",
	"文章来源：", "文章來源：", "上一篇：", "下一篇：", "相关文章", "相關文章",
	"人气：", "人氣：", "阅读次数", "閱讀次數", "浏览次数", "瀏覽次數",
	"点击次数", "點擊次數", "发布时间：", "發布時間：", "發佈時間：", "发布时间:", "發布時間:",
};

static int
is_boilerplate(const char *s)
{
	size_t i;
	for (i = 0; i < sizeof boilerplate / sizeof boilerplate[0]; i++)
		if (strstr(s, boilerplate[i]))
			return 1;
	return 0;
}

/* The lines kept move down over those removed, once (not one removal at a
 * time, which moved every later line for each). */
static void
drop_boilerplate(imp_lines *ls)
{
	size_t r, w = 0;
	for (r = 0; r < ls->n; r++) {
		imp_line *l = &ls->v[r];
		if (!ls->oom && is_boilerplate(l->text)) {
			char *x = upl__utf8_excerpt(l->text, strlen(l->text), 24);
			if (x != NULL) {
				note(ls, UPL_CODE_IMPORT_BOILERPLATE, upl__imp_pos(l, 0), x);
				upl__dealloc(x);
				upl__dealloc(l->text);
				upl__dealloc(l->segs);
				continue;
			}
			ls->oom = 1;
		}
		ls->v[w++] = *l;
	}
	ls->n = w;
}

/* ------------------------------------------------------------------------ */
/* Page chunk markers                                                       */

/* "12、" at the start: the number, and the marker's byte length. */
static int
chunk_marker(const char *s, unsigned int *num, size_t *mlen)
{
	size_t i = 0;
	unsigned int v = 0;
	while (s[i] >= '0' && s[i] <= '9' && i < 4)
		v = v * 10 + (unsigned int)(s[i++] - '0');
	if (i == 0 || strncmp(s + i, "\xE3\x80\x81", 3) != 0) /* 、 */
		return 0;
	*num = v;
	*mlen = i + 3;
	return 1;
}

/* Join each chunk of lines i..j-1 that continues a cut sentence (the one
 * before ends mid-sentence) onto the one before. A line joined is freed and
 * left without text: drop_chunk_markers removes those all at once. */
static void
join_chunks(imp_lines *ls, size_t i, size_t j)
{
	size_t k, head = i;
	int prev_ends = upl__imp_ends_sentence_n(ls->v[i].text, ls->v[i].len);
	for (k = i + 1; k < j; k++) {
		imp_line *l = &ls->v[k];
		int ends = upl__imp_ends_sentence_n(l->text, l->len);
		if (!prev_ends && !ls->oom && upl__imp_join(&ls->v[head], l) == 0) {
			upl__dealloc(l->text);
			upl__dealloc(l->segs);
			l->text = NULL;
			l->segs = NULL;
		} else {
			if (!prev_ends)
				ls->oom = 1; /* the lines not joined stay */
			head = k;
		}
		prev_ends = ends;
	}
}

/* Web pages that show a document in chunks prefix each chunk with "N、".
 * A run of at least three lines numbered 1、2、3、… in order, long lines,
 * most of them breaking off mid-sentence, is such a run: the markers go
 * and the chunks are joined where a sentence was cut. */
static void
drop_chunk_markers(imp_lines *ls)
{
	size_t i = 0, k;
	while (i < ls->n && !ls->oom) {
		unsigned int num;
		size_t mlen, j, cuts = 0, total = 0;
		if (!chunk_marker(ls->v[i].text, &num, &mlen) || num != 1) {
			i++;
			continue;
		}
		j = i + 1;
		while (j < ls->n && chunk_marker(ls->v[j].text, &num, &mlen) && num == j - i + 1)
			j++;
		for (k = i; k < j; k++) {
			total += upl__utf8_count(ls->v[k].text, ls->v[k].len);
			if (k + 1 < j && !upl__imp_ends_sentence(ls->v[k].text))
				cuts++;
		}
		if (j - i < 3 || total / (j - i) < 100 || cuts * 2 < j - i - 1) {
			i = j;
			continue;
		}
		for (k = i; k < j && !ls->oom; k++) {
			imp_line *l = &ls->v[k];
			char marker[16];
			chunk_marker(l->text, &num, &mlen);
			memcpy(marker, l->text, mlen);
			marker[mlen] = '\0';
			note(ls, UPL_CODE_IMPORT_CHUNK_MARKER, upl__imp_pos(l, 0), marker);
			if (cut(l, 0, mlen) != 0)
				ls->oom = 1;
		}
		if (ls->oom)
			break;
		join_chunks(ls, i, j);
		i = j;
	}
	/* the lines joined go, the others moving down once */
	for (i = k = 0; i < ls->n; i++)
		if (ls->v[i].text != NULL)
			ls->v[k++] = ls->v[i];
	ls->n = k;
}

/* ------------------------------------------------------------------------ */
/* Pinyin                                                                   */

static int
tone_vowel(unsigned int cp)
{
	static const unsigned int marked[] = {
		0x101, 0xE1, 0x1CE, 0xE0, 0x113, 0xE9, 0x11B, 0xE8, 0x12B, 0xED, 0x1D0, 0xEC,
		0x14D, 0xF3, 0x1D2, 0xF2, 0x16B, 0xFA, 0x1D4, 0xF9, 0x1D6, 0x1D8, 0x1DA, 0x1DC, 0xFC
	};
	size_t i;
	for (i = 0; i < sizeof marked / sizeof marked[0]; i++)
		if (cp == marked[i])
			return 1;
	return 0;
}

int
upl__imp_is_pinyin(const char *s, size_t n)
{
	size_t i = 0, k, cps = 0;
	int marked = 0, vowel = 0;
	while (i < n) {
		unsigned int cp = upl__utf8_next(s + i, n - i, &k);
		if (tone_vowel(cp))
			marked = vowel = 1;
		else if (cp >= 'a' && cp <= 'z')
			vowel |= cp == 'a' || cp == 'e' || cp == 'i' || cp == 'o' || cp == 'u';
		else
			return 0;
		i += k;
		cps++;
	}
	return marked && vowel && cps >= 1 && cps <= 6;
}

/* 關(guān) → 關: a Han character followed by a parenthesised tone-marked
 * pinyin syllable, which web converters insert. */
static void
drop_pinyin(imp_lines *ls)
{
	size_t i;
	for (i = 0; i < ls->n && !ls->oom; i++) {
		imp_line *l = &ls->v[i];
		size_t off = 0, k;
		if (memchr(l->text, '(', l->len) == NULL)
			continue; /* the usual line: nothing to look at */
		while (off < l->len) {
			unsigned int cp = upl__utf8_next(l->text + off, l->len - off, &k);
			size_t open = off + k, close;
			if (!upl__is_han(cp) || open >= l->len || l->text[open] != '(') {
				off += k;
				continue;
			}
			close = open + 1;
			while (close < l->len && close - open < 16 && l->text[close] != ')')
				close++;
			if (close >= l->len || l->text[close] != ')' ||
			    !upl__imp_is_pinyin(l->text + open + 1, close - open - 1)) {
				off += k;
				continue;
			}
			{
				char what[64];
				snprintf(what, sizeof what, "%.*s", (int)(close + 1 - off), l->text + off);
				note(ls, UPL_CODE_IMPORT_PINYIN, upl__imp_pos(l, open), what);
			}
			if (cut(l, open, close + 1 - open) != 0)
				ls->oom = 1;
			off += k;
		}
	}
}

/* Characters XML cannot hold: C0 controls but the tab, U+FFFE, U+FFFF. */
static int
is_control(unsigned int cp)
{
	return (cp < 0x20 && cp != '\t') || cp == 0xFFFE || cp == 0xFFFF;
}

/* Whether s[0..n) holds one: a byte below 0x20 (a whole character in
 * UTF-8), or EF BF BE / EF BF BF. */
static int
has_control(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;
	for (i = 0; i < n; i++)
		if ((p[i] < 0x20 && p[i] != '\t') ||
		    (p[i] == 0xEF && i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] & 0xFE) == 0xBE))
			return 1;
	return 0;
}

/* Remove them from line l, each with a note, in one pass: the text kept
 * moves down in place, and a segment after each removal keeps the source
 * position of what follows (as cut() would, one removal at a time). */
static int
strip_controls(imp_lines *ls, imp_line *l)
{
	size_t cap = l->nsegs + l->len + 1, off = 0, w = 0, k, ns = 0, g = 0, gs = 0, cps = 0;
	imp_seg *segs = upl__malloc(cap * sizeof *segs);
	int removed = 0;
	if (segs == NULL)
		return UPL_ENOMEM;
	while (off <= l->len) {
		unsigned int cp = off < l->len ? upl__utf8_next(l->text + off, l->len - off, &k) : 0;
		upl_pos here;
		while (gs + 1 < l->nsegs && l->segs[gs + 1].off <= off) {
			gs++;
			cps = 0;
		}
		here.line = l->segs[gs].line;
		here.column = l->segs[gs].col + (unsigned int)cps;
		if (off < l->len && is_control(cp)) {
			char what[16];
			snprintf(what, sizeof what, "U+%04X", cp);
			note(ls, UPL_CODE_IMPORT_CONTROL, here, what);
			removed = 1;
		} else {
			if (removed) { /* what follows a removal */
				segs[ns].off = w;
				segs[ns].line = here.line;
				segs[ns++].col = here.column;
				removed = 0;
			}
			for (; g < l->nsegs && l->segs[g].off <= off; g++) /* those not removed */
				if (l->segs[g].off == off) {
					segs[ns] = l->segs[g];
					segs[ns++].off = w;
				}
			if (off == l->len)
				break;
			memmove(l->text + w, l->text + off, k);
			w += k;
		}
		off += k;
		cps++;
	}
	l->text[w] = '\0';
	l->len = w;
	upl__dealloc(l->segs);
	l->segs = segs;
	l->nsegs = ns;
	l->segcap = cap;
	return 0;
}

/* Characters XML cannot hold are removed, each with a note, so the output
 * can always be written. Linear in the line, however many there are. */
static void
drop_controls(imp_lines *ls)
{
	size_t i;
	for (i = 0; i < ls->n && !ls->oom; i++)
		if (has_control(ls->v[i].text, ls->v[i].len) && strip_controls(ls, &ls->v[i]) != 0)
			ls->oom = 1;
}

int
upl__imp_remove_noise(imp_lines *ls)
{
	drop_controls(ls);
	drop_boilerplate(ls);
	drop_chunk_markers(ls);
	drop_pinyin(ls);
	return ls->oom ? UPL_ENOMEM : 0;
}

/* The shapes real plans take on web pages that the other stages do not
 * read on their own: the page's metadata lines (an author kept), its table
 * of contents and anti-scraping junk, words split by a blank line, parts
 * run into one line, labels written with spaces or in words, month spans
 * and dated items in a part's place, and month numbers glued to item
 * numbers in a flattened table. Each pass is small and separate; every
 * decision is a note (import-boilerplate, import-inferred). */
#include "config.h"

#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <unionplan/text.h>

#include "import-private.h"
#include "messages-private.h"
#include "validate-private.h"

#define line_note(ls, id, variant, p, what) \
	upl__msg_emit((ls)->report, (ls)->zh, &(ls)->oom, (ls)->file, UPL__MSG(id, variant), (p), (what))

/* ------------------------------------------------------------------------ */
/* Stage 2: lines of the page, not of the plan                              */

/* The keys of a content system's metadata line, each followed by a colon. */
static const char *const cms_keys[] = {
	"作者", "来源", "來源", "发布时间", "發布時間", "發佈時間", "发布日期", "發布日期", "更新时间",
	"点击", "點擊", "浏览", "瀏覽", "编辑", "編輯", "责任编辑", "責任編輯", "阅读", "閱讀",
	"人气", "人氣", "时间", "時間", "日期", NULL
};

/* How many metadata keys followed by a colon s[0..len) holds; *author
 * (and *alen) get what follows 作者: up to a space or a bracket. */
static int
cms_keys_in(const char *s, size_t len, size_t *author, size_t *alen)
{
	size_t i = 0, k;
	unsigned long seen = 0;
	int n = 0;
	*alen = 0;
	while (i < len) {
		const char *const *w;
		size_t c = 0;
		for (w = cms_keys; *w; w++)
			if (upl__imp_starts(s + i, len - i, *w) &&
			    (c = upl__imp_colon(s, len, i + strlen(*w))) > 0)
				break;
		if (*w == NULL) {
			upl__utf8_next(s + i, len - i, &k);
			i += k;
			continue;
		}
		/* each key once: a key said again is no metadata line's */
		if (seen & (1ul << (w - cms_keys)))
			return 0;
		seen |= 1ul << (w - cms_keys);
		n++;
		if (strcmp(*w, "作者") == 0 && *alen == 0) {
			size_t e = upl__imp_skip_space(s, len, c), b = e;
			while (e < len) {
				unsigned int cp = upl__utf8_next(s + e, len - e, &k);
				if (upl__is_space(cp) || cp == ']' || cp == 0x3011 /* 】 */ || cp == ')' ||
				    cp == 0xFF09 || cp == 0xFF3D /* ］ */)
					break;
				e += k;
			}
			*author = b;
			*alen = e - b < 40 ? e - b : 0;
		}
		i = c;
	}
	return n;
}

/* A metadata line of the page: two keys or more (发布时间:… 作者:… 点击:),
 * or one in brackets ([作者:xiaoyang]), or a source (来源:网络). */
static int
is_cms_line(const char *s, size_t len, size_t *author, size_t *alen)
{
	static const char *const stops[] = { "。", "；", "！", "？", NULL };
	const char *const *p;
	int keys;
	if (upl__imp_count_upto(s, len, 60) > 60)
		return 0;
	for (p = stops; *p; p++)
		if (upl__imp_find(s, len, *p))
			return 0;
	keys = cms_keys_in(s, len, author, alen);
	if (keys >= 2)
		return 1;
	if (keys == 1 && (upl__imp_starts(s, len, "[") || upl__imp_starts(s, len, "【") ||
			  upl__imp_starts(s, len, "［")))
		return 1;
	return keys == 1 && (upl__imp_starts(s, len, "来源") || upl__imp_starts(s, len, "來源")) &&
	       upl__imp_count_upto(s, len, 30) <= 30;
}

/* A table of contents the page puts before the text (本文目录 …). */
static int
is_toc_line(const char *s, size_t len)
{
	static const char *const heads[] = { "本文目录", "本文目錄", "文章目录", "文章目錄", "目录：", "目錄：",
					     "目录:", "目錄:", NULL };
	const char *const *h;
	for (h = heads; *h; h++)
		if (upl__imp_starts(s, len, *h))
			return 1;
	return 0;
}

/* Anti-scraping junk on a line of its own (9, 1&, w=T\3(%j): a few
 * characters, none of them Han or Chinese punctuation, that are neither a
 * label, a month nor a date. */
static int
is_junk_line(const char *s, size_t len)
{
	size_t i = 0, k, digits = 0, letters = 0, marks = 0, cps = 0;
	upl_text_label lab;
	upl_text_month mon;
	while (i < len) {
		unsigned int cp = upl__utf8_next(s + i, len - i, &k);
		if (upl__is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF65) ||
		    cp >= 0x2460 || cp < 0x20)
			return 0;
		digits += cp >= '0' && cp <= '9';
		letters += (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
		marks += cp > 0x20 && cp < 0x7F && !(cp >= '0' && cp <= '9') &&
			 !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
		i += k;
		cps++;
	}
	/* a word (PPT) or a lone bracket is text; 2013 or 2013-9-1 a date */
	if (cps > 12 || digits + letters == 0 || (letters > 0 && marks == 0) ||
	    (digits >= 4 && digits + 2 >= cps))
		return 0;
	return upl_text_label_parse(&lab, s, len) != 0 && upl_text_month_parse(&mon, s, len) != 0;
}

/* Take the line at r out, with a note of variant v of import-boilerplate. */
static int
drop_line(imp_lines *ls, imp_line *l, int v)
{
	char *x = upl__utf8_excerpt(l->text, l->len, 24);
	if (x == NULL)
		return UPL_ENOMEM;
	if (v == 1)
		line_note(ls, UPL_CODE_IMPORT_BOILERPLATE, 1, upl__imp_pos(l, 0), x);
	else if (v == 2)
		line_note(ls, UPL_CODE_IMPORT_BOILERPLATE, 2, upl__imp_pos(l, 0), x);
	else
		line_note(ls, UPL_CODE_IMPORT_BOILERPLATE, 3, upl__imp_pos(l, 0), x);
	upl__dealloc(x);
	upl__dealloc(l->text);
	upl__dealloc(l->segs);
	return 0;
}

/* The first author a metadata line names goes to ls->page_author. */
static void
keep_page_author(imp_lines *ls, const imp_line *l, size_t a, size_t alen)
{
	if (ls->page_author != NULL || alen == 0)
		return;
	ls->page_author = upl__strndup(l->text + a, alen);
	if (ls->page_author == NULL)
		ls->oom = 1;
	ls->page_author_pos = upl__imp_pos(l, a);
}

/* The lines of the page before the plan, or (junk set) the junk lines. */
static int
page_lines(imp_lines *ls, int junk)
{
	size_t r, w = 0;
	for (r = 0; r < ls->n; r++) {
		imp_line *l = &ls->v[r];
		size_t a = 0, alen = 0;
		int v = 0;
		if (ls->oom)
			;
		else if (!junk && r < 12 && is_cms_line(l->text, l->len, &a, &alen))
			v = 3;
		else if (!junk && r < 12 && is_toc_line(l->text, l->len))
			v = 2;
		else if (junk && is_junk_line(l->text, l->len))
			v = 1;
		if (v == 3)
			keep_page_author(ls, l, a, alen);
		if (v != 0 && !ls->oom) {
			/* a blank line before the one removed stays before the next */
			int blank = l->blank_before;
			if (drop_line(ls, l, v) != 0) {
				ls->oom = 1;
				ls->v[w++] = *l;
				continue;
			}
			if (blank && r + 1 < ls->n)
				ls->v[r + 1].blank_before = 1;
			continue;
		}
		ls->v[w++] = *l;
	}
	ls->n = w;
	return ls->oom ? UPL_ENOMEM : 0;
}

int
upl__imp_page_lines(imp_lines *ls)
{
	return page_lines(ls, 0);
}

int
upl__imp_junk_lines(imp_lines *ls)
{
	return page_lines(ls, 1);
}

/* ------------------------------------------------------------------------ */
/* Titles of compilations and of their pieces                               */

/* A small number at s[i..len): digits, or a Han numeral; its value (0
 * when none) and *i moved past it. */
static long
small_number(const char *s, size_t len, size_t *i)
{
	long v = 0;
	size_t used = 0;
	if (*i < len && upl_text_numeral_parse(&v, &used, s + *i, len - *i) == 0 && v > 0 && v < 100) {
		*i += used;
		return v;
	}
	return 0;
}

/* The length of s[0..n) without a trailing small number (…计划2), 0 when
 * none; its value in *v. */
static size_t
trailing_number(const char *s, size_t n, long *v)
{
	size_t b = n, k = 0, i;
	while (b > 0 && k < 3) {
		size_t j = b;
		unsigned int cp = upl__utf8_prev(s, j);
		if (!((cp >= '0' && cp <= '9') || cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E09 || cp == 0x56DB || cp == 0x4E94 ||
		      cp == 0x516D || cp == 0x4E03 || cp == 0x516B || cp == 0x4E5D || cp == 0x5341))
			break;
		b -= cp < 0x80 ? 1 : 3;
		k++;
	}
	if (b == n)
		return 0;
	i = b;
	*v = small_number(s, n, &i);
	return *v > 0 && i == n ? b : 0;
}

size_t
upl__imp_title_marks(const char *s, size_t n, int *piece, int *compilation)
{
	static const char *const collections[] = { "多篇", "大全", "合集", "精选", "精選", NULL };
	static const char *const pieces[] = { "范文", "範文", "范本", "範本", "之", NULL };
	const char *const *w;
	long v = 0;
	size_t b;
	/* a collection: …范本多篇, …4篇, …大全 */
	for (w = collections; *w; w++)
		if (upl__imp_ends(s, n, *w)) {
			*compilation = 1;
			n -= strlen(*w);
			break;
		}
	if (*w == NULL && upl__imp_ends(s, n, "篇") && trailing_number(s, n - strlen("篇"), &v) > 0) {
		*compilation = 1;
		n = trailing_number(s, n - strlen("篇"), &v);
	}
	if (*compilation) {
		for (w = pieces; *w; w++)
			if (upl__imp_ends(s, n, *w)) {
				n -= strlen(*w);
				break;
			}
		return n;
	}
	/* a piece: …计划1, …计划范文一, …计划(一) */
	if (upl__imp_ends(s, n, ")") || upl__imp_ends(s, n, "）")) {
		size_t close = n - (upl__imp_ends(s, n, ")") ? 1 : strlen("）")), open = close, i;
		while (open > 0 && close - open < 8 && s[open - 1] != '(' &&
		       !upl__imp_ends(s, open, "（"))
			open--;
		i = open;
		if (open > 0 && close - open < 8 && (v = small_number(s, close, &i)) > 0 && i == close) {
			*piece = (int)v;
			return upl__imp_space_before(s, open - (s[open - 1] == '(' ? 1 : strlen("（")));
		}
		return n;
	}
	b = trailing_number(s, n, &v);
	if (b == 0)
		return n;
	for (w = pieces; *w; w++)
		if (upl__imp_ends(s, b, *w)) {
			b -= strlen(*w);
			break;
		}
	/* a year is no piece number (…计划2013 has four digits: not read) */
	*piece = (int)v;
	return b;
}

int
upl__imp_piece_marker(const char *s, size_t len, int *piece)
{
	size_t i = 0, c;
	long v;
	if (!upl__imp_starts(s, len, "第"))
		return 0;
	i = strlen("第");
	v = small_number(s, len, &i);
	if (v == 0 || !upl__imp_starts(s + i, len - i, "篇"))
		return 0;
	i += strlen("篇");
	c = upl__imp_colon(s, len, i);
	if (upl__imp_skip_space(s, len, c ? c : i) != len)
		return 0;
	*piece = (int)v;
	return 1;
}

/* ------------------------------------------------------------------------ */
/* Stage 4: labels the label parser does not read on its own                */

/* 1 、 / 2 . / ( 五 ) 、 / 二 、: a label with spaces inside; lab gets it
 * as read without them, its lengths in s. */
static int
spaced_label(const char *s, size_t len, upl_text_label *lab)
{
	char compact[32];
	size_t i = 0, n0, n1, k, c = 0;
	int paren = 0, spaces = 0;
	unsigned int cp;
	upl_text_label got;
	long v;
	if (upl__imp_starts(s, len, "(") || upl__imp_starts(s, len, "（")) {
		paren = 1;
		i = upl__imp_skip_space(s, len, s[0] == '(' ? 1 : strlen("（"));
		spaces = i > (s[0] == '(' ? 1u : strlen("（"));
	}
	n0 = i;
	if (upl_text_numeral_parse(&v, &k, s + i, len - i) != 0 || v < 1 || v > 99 || k > 6)
		return 0;
	n1 = i + k;
	i = upl__imp_skip_space(s, len, n1);
	spaces |= i > n1;
	if (paren) {
		if (!(upl__imp_starts(s + i, len - i, ")") || upl__imp_starts(s + i, len - i, "）")))
			return 0;
		i += s[i] == ')' ? 1 : strlen("）");
		k = upl__imp_skip_space(s, len, i);
		cp = k < len ? upl__utf8_next(s + k, len - k, &c) : 0;
		if (k > i && (cp == 0x3001 || cp == 0xFF0E || cp == '.')) {
			spaces = 1;
			i = k + c;
		}
	} else {
		cp = i < len ? upl__utf8_next(s + i, len - i, &c) : 0;
		if (!(cp == 0x3001 || cp == 0xFF0C || cp == ',' || cp == '.' || cp == 0xFF0E))
			return 0;
		i += c;
	}
	if (!spaces || n1 - n0 + 8 > sizeof compact)
		return 0;
	c = (size_t)snprintf(compact, sizeof compact, "%s%.*s%s", paren ? "(" : "", (int)(n1 - n0),
			     s + n0, paren ? ")" : "");
	if (s[i - 1] == '.' || upl__imp_ends(s, i, "．") || upl__imp_ends(s, i, "、") ||
	    upl__imp_ends(s, i, "，") || s[i - 1] == ',') {
		const char *p = s[i - 1] == '.' || s[i - 1] == ',' ? s + i - 1 : s + i - 3;
		snprintf(compact + c, sizeof compact - c, "%.*s", (int)(s + i - p), p);
	}
	if (upl_text_label_parse(&got, compact, strlen(compact)) != 0 || got.label_len != strlen(compact))
		return 0;
	k = upl__imp_skip_space(s, len, i);
	if (k >= len)
		return 0;
	*lab = got;
	lab->label_len = i;
	lab->text_offset = k;
	return 1;
}

/* 一指导思想: a Han numeral straight before the name of a part. */
static int
bare_label(const char *s, size_t len, upl_text_label *lab)
{
	static const char *const marks[] = { "。", "，", "；", "：", ":", NULL };
	const char *const *m;
	size_t k, c;
	long v;
	unsigned int cp = len ? upl__utf8_next(s, len, &k) : 0;
	if (!(cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E09 || cp == 0x56DB || cp == 0x4E94 ||
	      cp == 0x516D || cp == 0x4E03 || cp == 0x516B || cp == 0x4E5D || cp == 0x5341) ||
	    upl_text_numeral_parse(&v, &k, s, len) != 0 || v < 1 || v > 20 || k >= len)
		return 0;
	for (m = marks; *m; m++)
		if (upl__imp_find(s, len, *m))
			return 0;
	/* the part's name comes first (三工作措施), not inside a word (四季度工作安排) */
	if (upl__imp_count_upto(s + k, len - k, 12) > 12 || !upl__is_han(upl__utf8_next(s + k, len - k, &c)) ||
	    upl__imp_role(s + k, len - k < 12 ? len - k : 12) == UPL_ROLE_NONE)
		return 0;
	memset(lab, 0, sizeof *lab);
	lab->style = UPL_LABEL_HAN_COMMA;
	lab->level = 1;
	lab->number = v;
	lab->label_len = lab->text_offset = k;
	return 1;
}

/* 首先， 其次， 最后， 一是: an enumeration in prose (its number 0 for
 * 最后, which upl__imp_prose_items gives). */
static int
prose_label(const char *s, size_t len, upl_text_label *lab)
{
	static const struct { const char *w; int n; } words[] = {
		{ "首先", 1 }, { "其次", 2 }, { "再次", 3 }, { "最后", 0 }, { "最後", 0 },
	};
	size_t i, k = 0, used;
	long v = 0;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (upl__imp_starts(s, len, words[i].w)) {
			k = strlen(words[i].w);
			v = words[i].n;
			if (!(upl__imp_starts(s + k, len - k, "，") || upl__imp_starts(s + k, len - k, ",")))
				return 0;
			k += s[k] == ',' ? 1 : strlen("，");
			break;
		}
	if (k == 0) {
		/* 一是… 二是… */
		if (upl_text_numeral_parse(&v, &used, s, len) != 0 || v < 1 || v > 20 ||
		    !upl__is_han(upl__utf8_next(s, len, &k)) || !upl__imp_starts(s + used, len - used, "是"))
			return 0;
		k = used + strlen("是");
	}
	if (upl__imp_skip_space(s, len, k) >= len)
		return 0;
	memset(lab, 0, sizeof *lab);
	lab->style = (upl_label_style)UPL__LABEL_PROSE;
	lab->level = 3;
	lab->number = v;
	lab->label_len = k;
	lab->text_offset = upl__imp_skip_space(s, len, k);
	return 1;
}

/* Line in, its label t bytes long, is the month heading mon (found after
 * the label), read so with the import-inferred variant v: 1. */
static int
month_line(imp_info *in, upl_text_month *mon, size_t t, int v)
{
	mon->len += t;
	mon->text_offset += t;
	in->mon = *mon;
	in->flags = F_MONTH;
	in->inferred = 1 + v;
	in->inferred_len = mon->len;
	return 1;
}

/* 三、1———2月 / 五、七、八月份 (a label before a month phrase, nothing
 * but a colon after it): a month heading, the label part of its own. */
static int
label_month(const char *s, size_t len, imp_info *in)
{
	upl_text_month mon;
	size_t t = in->lab.text_offset;
	if (upl__imp_digit_style(in->lab.style) || t >= len || upl_text_month_parse(&mon, s + t, len - t) != 0 ||
	    mon.text_offset < len - t)
		return 0;
	return month_line(in, &mon, t, 6);
}

/* 1、2009年元月：… / 2、2009年3月：…: a dated item, a month heading. */
static int
dated_item(const char *s, size_t len, imp_info *in)
{
	upl_text_month mon;
	size_t t = in->lab.text_offset, i, c;
	long y = 0;
	if (!upl__imp_digit_style(in->lab.style) || in->lab.style == (upl_label_style)UPL__LABEL_PROSE)
		return 0;
	for (i = t; i < len && i < t + 4 && s[i] >= '0' && s[i] <= '9'; i++)
		y = y * 10 + (s[i] - '0');
	if (i != t + 4 || y < 1900 || y > 2100 || !upl__imp_starts(s + i, len - i, "年"))
		return 0;
	if (upl_text_month_parse(&mon, s + t, len - t) != 0) {
		/* 元月 / 正月: January */
		i += strlen("年");
		if (!upl__imp_starts(s + i, len - i, "元月") && !upl__imp_starts(s + i, len - i, "正月"))
			return 0;
		memset(&mon, 0, sizeof mon);
		mon.year = (int)y;
		mon.month = 1;
		i += strlen("元月");
		if (upl__imp_starts(s + i, len - i, "份"))
			i += strlen("份");
		mon.len = i - t;
		c = upl__imp_colon(s, len, i);
		mon.text_offset = upl__imp_skip_space(s, len, c ? c : i) - t;
	}
	if (mon.year == 0 || upl__imp_colon(s, len, t + mon.len) == 0)
		return 0;
	return month_line(in, &mon, t, 7);
}

void
upl__imp_loose_label(const imp_line *l, imp_info *in)
{
	const char *s = l->text;
	size_t len = l->len;
	upl_text_label lab;
	if (in->flags & F_LABEL) {
		/* ( 五 ) 、: the label parser stops at the bracket */
		if (spaced_label(s, len, &lab) && lab.label_len > in->lab.label_len) {
			in->lab = lab;
			in->inferred = 1 + 3;
			in->inferred_len = lab.label_len;
		}
		if (!label_month(s, len, in))
			dated_item(s, len, in);
		return;
	}
	if (in->flags & (F_MONTH | F_MONTH_LOOSE | F_TITLE | F_TABLE_HEAD | F_NOTE | F_APPENDIX))
		return;
	if (spaced_label(s, len, &lab)) {
		in->inferred = 1 + 3;
	} else if (bare_label(s, len, &lab)) {
		in->inferred = 1 + 10;
	} else if (prose_label(s, len, &lab)) {
		in->inferred = 1 + 4;
	} else {
		return;
	}
	in->flags = F_LABEL;
	in->lab = lab;
	in->inferred_len = lab.label_len;
	if (lab.style != (upl_label_style)UPL__LABEL_PROSE && !label_month(s, len, in))
		dated_item(s, len, in);
}

/* 第一， 第二， under a part numbered 一、 are an enumeration in prose, as
 * 首先， and 一是 are under any part's heading; 最后， takes the number
 * after the one before it. Lines that are not right under a part's heading
 * (none, or a numbered item's) stay as they were. */
void
upl__imp_prose_items(imp_ctx *c)
{
	size_t i;
	long last = 0;
	int under = 0, plain_han = 0;
	for (i = 0; i < c->ls.n; i++) {
		imp_info *in = &c->info[i];
		const imp_line *l = &c->ls.v[i];
		int prose = (in->flags & F_LABEL) && in->lab.style == (upl_label_style)UPL__LABEL_PROSE;
		if ((in->flags & F_LABEL) && in->lab.style == UPL_LABEL_HAN_COMMA && plain_han &&
		    upl__imp_starts(l->text, l->len, "第") &&
		    (upl__imp_ends(l->text, in->lab.label_len, "，") || l->text[in->lab.label_len - 1] == ',')) {
			in->lab.style = (upl_label_style)UPL__LABEL_PROSE;
			in->lab.level = 3;
			in->inferred = 1 + 4;
			in->inferred_len = in->lab.label_len;
			prose = 1;
		}
		if (prose && !under) {
			/* what it was read as before: 第一， a label, 首先， a paragraph */
			upl__imp_classify(l, in);
			if ((in->flags & F_LABEL) && in->lab.style == (upl_label_style)UPL__LABEL_PROSE)
				memset(in, 0, sizeof *in);
			continue;
		}
		if (prose) {
			if (in->lab.number == 0)
				in->lab.number = last + 1;
			last = in->lab.number;
			continue;
		}
		if (in->flags & (F_LABEL | F_HEADING | F_OPENING)) {
			/* under a part's heading; under a numbered item, its paragraphs */
			under = !(in->flags & F_LABEL) || !upl__imp_digit_style(in->lab.style);
			last = 0;
			if ((in->flags & F_LABEL) && in->lab.style == UPL_LABEL_HAN_COMMA &&
			    !upl__imp_starts(l->text, l->len, "第"))
				plain_han = 1;
		} else if (in->flags & (F_TITLE | F_MONTH)) {
			under = 0;
		}
	}
}

/* The note of what line l's reading inferred. */
void
upl__imp_say_inferred(imp_ctx *c, const imp_line *l, const imp_info *in)
{
	/* by variant; those the builder does not say are UPL__MSG_COUNT (the line stage
	 * says 2 and 5, the builder's own code 0 and 1) */
	static const upl__msg_id ids[] = {
		UPL__MSG_COUNT, UPL__MSG_COUNT, UPL__MSG_COUNT,
		UPL__MSG(UPL_CODE_IMPORT_INFERRED, 3), UPL__MSG(UPL_CODE_IMPORT_INFERRED, 4),
		UPL__MSG_COUNT, UPL__MSG(UPL_CODE_IMPORT_INFERRED, 6),
		UPL__MSG(UPL_CODE_IMPORT_INFERRED, 7), UPL__MSG(UPL_CODE_IMPORT_INFERRED, 8),
		UPL__MSG(UPL_CODE_IMPORT_INFERRED, 9), UPL__MSG(UPL_CODE_IMPORT_INFERRED, 10),
	};
	char what[72];
	int v;
	size_t n = in->inferred_len < l->len ? in->inferred_len : l->len;
	upl_pos p = upl__imp_pos(l, 0);
	while (n > 60)
		n--;
	while (n > 0 && n < l->len && ((unsigned char)l->text[n] & 0xC0) == 0x80)
		n--;
	snprintf(what, sizeof what, "%.*s", (int)n, l->text);
	v = in->inferred - 1;
	if (v >= 0 && v < (int)(sizeof ids / sizeof ids[0]) && ids[v] != UPL__MSG_COUNT)
		upl__msg_emit(c->report, c->zh, &c->oom, c->file, ids[v], p, what);
}

/* ------------------------------------------------------------------------ */
/* Stage 3: words split by a blank line                                     */

/* Whether the text of a and b joined goes on with a word where they meet
 * (读书活 | 动, 营造良好育 | 人环境): ICU's dictionary word breaker on the
 * last and first few characters of each finds no boundary there, or only
 * one between two single characters. */
static int
inside_word(UBreakIterator *bi, const imp_line *a, const imp_line *b)
{
	UChar buf[24];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0, at, k = 0;
	size_t from = a->len, i;
	/* the last four characters of a, the first four of b */
	while (from > 0 && k < 4) {
		do
			from--;
		while (from > 0 && ((unsigned char)a->text[from] & 0xC0) == 0x80);
		k++;
	}
	u_strFromUTF8(buf, 12, &n, a->text + from, (int32_t)(a->len - from), &st);
	if (U_FAILURE(st) || n > 12)
		return 0;
	at = n;
	for (i = 0, k = 0; i < b->len && k < 4; k++) {
		size_t c;
		upl__utf8_next(b->text + i, b->len - i, &c);
		i += c;
	}
	st = U_ZERO_ERROR;
	u_strFromUTF8(buf + at, 12, &n, b->text, (int32_t)i, &st);
	if (U_FAILURE(st) || n > 12)
		return 0;
	st = U_ZERO_ERROR;
	ubrk_setText(bi, buf, at + n, &st);
	if (U_FAILURE(st))
		return 0;
	if (!ubrk_isBoundary(bi, at))
		return 1;
	/* 良好育 | 人环境: a word the dictionary lacks (育人) falls apart into
	 * single characters on both sides of the cut */
	return ubrk_preceding(bi, at) == at - 1 && ubrk_following(bi, at) == at + 1;
}

/* Whether line a, then a blank line, then line b may be one sentence cut
 * in two: a ends mid-sentence on a Han character and is text or a
 * numbered item's, b starts with a Han character and starts nothing. */
static int
may_join(const imp_line *a, const imp_line *b, int a_is_text)
{
	imp_info ia, ib;
	size_t k;
	if (!b->blank_before || upl__imp_ends_sentence_n(a->text, a->len) ||
	    !upl__is_han(upl__utf8_prev(a->text, a->len)) || !upl__is_han(upl__utf8_next(b->text, b->len, &k)) ||
	    upl__imp_count_upto(a->text, a->len, 8) < 8)
		return 0;
	upl__imp_classify(b, &ib);
	if (ib.flags != 0)
		return 0;
	if (a_is_text)
		return 1; /* known from joining onto it before: not classified again */
	upl__imp_classify(a, &ia);
	return (ia.flags & ~(unsigned int)(F_LABEL | F_OPENING)) == 0;
}

/* ICU's word breaker, opened when first needed (*bi NULL until then);
 * 0 when it cannot be (the lines then stay as they are). */
static int
word_breaker(UBreakIterator **bi, UErrorCode *st)
{
	if (*bi == NULL && U_SUCCESS(*st))
		*bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, st);
	if (U_FAILURE(*st)) {
		*bi = NULL;
		return 0;
	}
	return 1;
}

int
upl__imp_join_split_words(imp_lines *ls)
{
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi = NULL;
	size_t r, w, text_at;
	if (ls->n < 2)
		return 0;
	/* a line joined onto stays text: it is not classified again, which
	 * would make many joins onto one line quadratic */
	for (r = 1, w = 1, text_at = (size_t)-1; r < ls->n; r++) {
		imp_line *a = &ls->v[w - 1], *b = &ls->v[r];
		if (!ls->oom && may_join(a, b, text_at == w - 1) && word_breaker(&bi, &st) &&
		    inside_word(bi, a, b)) {
			line_note(ls, UPL_CODE_IMPORT_INFERRED, 5, upl__imp_pos(b, 0), "");
			if (upl__imp_join(a, b) == 0) {
				upl__dealloc(b->text);
				upl__dealloc(b->segs);
				text_at = w - 1;
				continue;
			}
			ls->oom = 1;
		}
		ls->v[w++] = *b;
	}
	ls->n = w;
	if (bi != NULL)
		ubrk_close(bi);
	return ls->oom ? UPL_ENOMEM : 0;
}

/* ------------------------------------------------------------------------ */
/* Stage 4: a month table flattened, month numbers glued to item numbers    */

/* A row of a flattened month table: 11、 (a label), or 7组织… (digits
 * straight before the text); *num its number, *mark the bytes of the
 * number (and its mark), *text where the text starts. */
static int
glued_row(const imp_line *l, const imp_info *in, long *num, size_t *mark, size_t *text)
{
	size_t i = 0;
	long v = 0;
	if ((in->flags & F_LABEL) && (in->lab.style == UPL_LABEL_DIGIT_COMMA || in->lab.style == UPL_LABEL_DIGIT_DOT)) {
		*num = in->lab.number;
		*mark = in->lab.label_len;
		*text = in->lab.text_offset;
		return *num >= 11;
	}
	if (in->flags & ~(unsigned int)F_ORG)
		return 0;
	while (i < l->len && i < 2 && l->text[i] >= '0' && l->text[i] <= '9')
		v = v * 10 + (l->text[i++] - '0');
	if (i == 0 || i >= l->len || !upl__is_han(upl__utf8_next(l->text + i, l->len - i, text)) || v < 1 ||
	    v > 12)
		return 0;
	*num = -v; /* a month alone */
	*mark = *text = i;
	return 1;
}

/* The month and item a row's number stands for, rising from (pm, pk):
 * 11 → 1 and 1, 21 → 2 and 1, 101 → 10 and 1, -7 (7组织…) → 7 alone. */
static int
glued_split(long num, int pm, int pk, int *m, int *k)
{
	if (num < 0) {
		*m = (int)-num;
		*k = 1;
	} else {
		*m = (int)(num / 10);
		*k = (int)(num % 10);
	}
	if (*m < 1 || *m > 12 || *k < 1)
		return 0;
	return *m > pm || (*m == pm && *k == pk + 1);
}

/* The rows after a table's header line h that read as glued numbers: how
 * many; with set, each becomes a month row (F_MONTH) with a note. */
static size_t
glued_rows(imp_ctx *c, size_t h, int set)
{
	size_t i, n = 0, mark, text;
	int pm = 0, pk = 0, m, k;
	long num;
	for (i = h + 1; i < c->ls.n; i++, n++) {
		imp_info *in = &c->info[i];
		if (!glued_row(&c->ls.v[i], in, &num, &mark, &text) || !glued_split(num, pm, pk, &m, &k))
			break;
		pm = m;
		pk = k;
		if (!set)
			continue;
		memset(&in->mon, 0, sizeof in->mon);
		in->mon.month = m;
		in->mon.len = mark;
		in->mon.text_offset = text;
		in->flags = F_MONTH;
		in->inferred = 1 + 8;
		in->inferred_len = mark;
	}
	return n;
}

/* 月份 活动要点, then 11、… 12、… 21、… 101、…: the month table of a Word
 * document flattened to text, each month's number written before its
 * item's. Three rows or more in that rising order after the header are
 * read as months and their activities. */
void
upl__imp_glued_table(imp_ctx *c)
{
	size_t i;
	for (i = 0; i < c->ls.n; i++)
		if ((c->info[i].flags & F_TABLE_HEAD) && glued_rows(c, i, 0) >= 3)
			i += glued_rows(c, i, 1);
}

/* ------------------------------------------------------------------------ */
/* Stage 4: lines decoded with the wrong encoding                           */

/* Whether s[0..len) is UTF-8 text read as GBK (加强 → 鍔犲己): written back
 * in GB18030 its bytes are valid UTF-8 holding two Han characters or more.
 * The usual Chinese text never is. */
static int
is_mojibake(UConverter *gb, const char *s, size_t len)
{
	UChar u[64];
	char bytes[160];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0, b;
	size_t i = 0, k, han = 0;
	if (upl__imp_count_upto(s, len, 40) > 40)
		return 0;
	u_strFromUTF8(u, 64, &n, s, (int32_t)len, &st);
	if (U_FAILURE(st) || n >= 64)
		return 0;
	b = ucnv_fromUChars(gb, bytes, (int32_t)sizeof bytes, u, n, &st);
	if (U_FAILURE(st) || b <= 0 || (size_t)b >= sizeof bytes)
		return 0;
	while (i < (size_t)b) {
		int32_t cp = upl__utf8_decode(bytes + i, (size_t)b - i, &k);
		if (cp < 0x20)
			return 0; /* not UTF-8 */
		han += upl__is_han((unsigned int)cp);
		i += k;
	}
	return han >= 2 && (size_t)b < len; /* UTF-8 takes more bytes than what it was misread as */
}

/* A short line whose text (after its label, if any) is mojibake: kept as
 * a paragraph, whatever it looked like, with a note. */
void
upl__imp_mojibake(imp_ctx *c)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *gb = NULL;
	size_t i;
	for (i = 0; i < c->ls.n; i++) {
		const imp_line *l = &c->ls.v[i];
		imp_info *in = &c->info[i];
		size_t t = (in->flags & F_LABEL) ? in->lab.text_offset : 0, k;
		if ((in->flags & (F_MONTH | F_DATE)) || t >= l->len ||
		    !upl__is_han(upl__utf8_next(l->text + t, l->len - t, &k)) ||
		    upl__imp_count_upto(l->text, l->len, 40) > 40)
			continue;
		if (gb == NULL) {
			gb = ucnv_open("gb18030", &st);
			if (U_FAILURE(st))
				return;
			ucnv_setFromUCallBack(gb, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
		}
		if (!is_mojibake(gb, l->text + t, l->len - t))
			continue;
		memset(in, 0, sizeof *in);
		in->inferred = 1 + 9;
		in->inferred_len = l->len;
	}
	if (gb != NULL)
		ucnv_close(gb);
}

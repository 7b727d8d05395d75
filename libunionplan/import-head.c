/* The importer's recognisers of single lines: titles, organisations,
 * bylines, 发文字号, closing dates, periods, labelled openings, headings,
 * appendices, notes and schedule titles. Each looks at one line's text and
 * says what it is; the builder (import-build.c) decides from the context. */
#include "config.h"

#include <unionplan/calendar.h>
#include <unionplan/text.h>

#include "import-private.h"

/* ------------------------------------------------------------------------ */
/* Small string helpers on (s, len)                                         */

/* Byte by byte, so that a mismatch (the usual answer, when every offset of
 * a long line is tried) costs one or two comparisons and no strlen. */
int
upl__imp_starts(const char *s, size_t len, const char *lit)
{
	size_t i;
	for (i = 0; lit[i] != '\0'; i++)
		if (i >= len || s[i] != lit[i])
			return 0;
	return 1;
}

int
upl__imp_ends(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit), i;
	if (len < n)
		return 0;
	for (i = n; i > 0; i--) /* from the last byte, the one most likely to differ */
		if (s[len - n + i - 1] != lit[i - 1])
			return 0;
	return 1;
}

const char *
upl__imp_find(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit), i = 0;
	if (n == 0 || len < n)
		return NULL;
	/* look for the literal's last byte (in UTF-8 Han text a continuation
	 * byte, far rarer than a lead byte), then compare the rest */
	while (i + n <= len) {
		const char *e = memchr(s + i + n - 1, lit[n - 1], len - i - n + 1);
		if (e == NULL)
			return NULL;
		i = (size_t)(e - s) - (n - 1);
		if (memcmp(s + i, lit, n - 1) == 0)
			return s + i;
		i++;
	}
	return NULL;
}

size_t
upl__imp_count_upto(const char *s, size_t len, size_t max)
{
	size_t i = 0, count = 0, k;
	while (i < len && count <= max) {
		(void)upl__utf8_decode(s + i, len - i, &k);
		i += k;
		count++;
	}
	return count;
}

/* The first literal of list (NULL-terminated) that s starts with, or NULL. */
static const char *
starts_any(const char *s, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (upl__imp_starts(s, len, *list))
			return *list;
	return NULL;
}

static const char *
ends_any(const char *s, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (upl__imp_ends(s, len, *list))
			return *list;
	return NULL;
}

static int
contains_any(const char *s, size_t len, const char *const *list)
{
	for (; *list; list++)
		if (upl__imp_find(s, len, *list))
			return 1;
	return 0;
}

size_t
upl__imp_space_before(const char *s, size_t end)
{
	while (end > 0) {
		unsigned int cp = upl__utf8_prev(s, end);
		if (!upl__is_space(cp))
			break;
		end -= cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3; /* the spaces are 1 to 3 bytes */
	}
	return end;
}

/* Skip layout spaces from off. */
size_t
upl__imp_skip_space(const char *s, size_t len, size_t off)
{
	while (off < len) {
		size_t k;
		unsigned int cp = upl__utf8_next(s + off, len - off, &k);
		if (!upl__is_space(cp))
			break;
		off += k;
	}
	return off;
}

void
upl__imp_trim(const char **s, size_t *len)
{
	size_t a = upl__imp_skip_space(*s, *len, 0);
	size_t e = a < *len ? upl__imp_space_before(*s, *len) : a;
	*s += a;
	*len = e - a;
}

size_t
upl__imp_colon(const char *s, size_t len, size_t off)
{
	off = upl__imp_skip_space(s, len, off);
	if (upl__imp_starts(s + off, len - off, "："))
		return off + strlen("：");
	if (upl__imp_starts(s + off, len - off, ":"))
		return off + 1;
	return 0;
}

/* Sentence punctuation inside a line: a heading or a title has none. */
static int
has_sentence_punct(const char *s, size_t len)
{
	static const char *const marks[] = { "。", "，", "；", "！", "？", ";", NULL };
	return contains_any(s, len, marks);
}

static const char *const colons[] = { "：", ":", NULL };

/* ------------------------------------------------------------------------ */
/* Titles                                                                   */

static const char *const title_ends[] = {
	"工作计划", "工作計劃", "计划", "計劃", "计画", "計畫", "工作要点", "工作要點", "要点", "要點",
	"工作意见", "工作意見", "意见", "意見", "工作打算", "打算", "工作安排", "工作思路",
	"汇编", "匯編", "彙編", NULL
};
static const char *const title_needs[] = {
	"工会", "工會", "工作", "教代会", "教代會", "女工", NULL
};

static const char *const title_verbs[] = {
	"制定", "製定", "讨论", "討論", "审议", "審議", "通过", "通過", "修订", "修訂", "修改",
	"完成", "上交", "上报", "上報", "做好", "召开", "召開", "拟定", "擬定", "起草", "落实",
	"落實", "学习", "學習", "贯彻", "貫徹", "执行", "執行", "提交", "征求", "徵求", "研究",
	"部署", "安排", "布置", "佈置", "总结", "總結", "检查", "檢查", "撰写", "撰寫", "编制",
	"編制", "交流", "汇报", "匯報", "参加", "參加", "组织", "組織", NULL
};

int
upl__imp_title(const char *s, size_t len, int *piece, int *compilation)
{
	size_t n = len, cps;
	const char *p;
	*piece = 0;
	*compilation = 0;
	if (len == 0 || has_sentence_punct(s, len))
		return 0;
	/* a compilation's piece number: 学校工会年度工作计划 篇4 */
	p = upl__imp_find(s, len, "篇");
	if (p != NULL) {
		size_t i = (size_t)(p - s) + strlen("篇"), j = i;
		long v = 0;
		while (j < len && s[j] >= '0' && s[j] <= '9' && j - i < 3)
			v = v * 10 + (s[j++] - '0');
		if (j > i && upl__imp_skip_space(s, len, j) == len) {
			*piece = (int)v;
			n = (size_t)(p - s);
			n = upl__imp_space_before(s, n);
		}
	}
	if (*piece == 0) {
		/* …计划2, …计划范文三, …计划(一); …范本多篇 */
		n = upl__imp_title_marks(s, n, piece, compilation);
		*piece = -*piece; /* negative: marked otherwise than by 篇N */
	}
	/* a trailing bracketed remark: （草案）, (2013年) */
	if (upl__imp_ends(s, n, "）") || upl__imp_ends(s, n, ")")) {
		size_t k = n;
		while (k > 0 && !(upl__imp_ends(s, k, "（") || upl__imp_ends(s, k, "(")))
			k--;
		if (k > 0) {
			n = k - (upl__imp_ends(s, k, "（") ? strlen("（") : 1);
			n = upl__imp_space_before(s, n);
		}
	}
	cps = upl__imp_count_upto(s, n, 60);
	if (cps < 4 || cps > 60)
		return 0;
	if (upl__imp_starts(s, n, "附") || upl__imp_ends(s, n, "行事历") || upl__imp_ends(s, n, "行事曆"))
		return 0;
	/* 制定工会工作计划 is something to do, not a title */
	if (starts_any(s, n, title_verbs))
		return 0;
	if (!ends_any(s, n, title_ends) || !contains_any(s, n, title_needs))
		return 0;
	*compilation |= upl__imp_ends(s, n, "汇编") || upl__imp_ends(s, n, "匯編") ||
			upl__imp_ends(s, n, "彙編");
	return 1;
}

/* ------------------------------------------------------------------------ */
/* Organisations, bylines, 发文字号, dates                                  */

static const char *const org_ends[] = {
	"学校", "學校", "学院", "學院", "中学", "中學", "小学", "小學", "幼儿园", "幼兒園",
	"大学", "大學", "工会", "工會", "委员会", "委員會", "教育局", "分会", "分會",
	"工会委员会", "工會委員會", "中心校", "学区", "學區", NULL
};

int
upl__imp_org(const char *s, size_t len)
{
	/* words a plan's title has and an organisation's name has not */
	static const char *const not_org[] = {
		"计划", "計劃", "要点", "要點", "意见", "意見", "汇编", "匯編", "年度", "学年", "學年",
		"学期", "學期", "工作", "：", ":", "《", NULL
	};
	size_t cps, i;
	/* the cheap tests first: the end, the length, then the searches */
	if (ends_any(s, len, org_ends) == NULL)
		return 0;
	cps = upl__imp_count_upto(s, len, 30);
	if (cps < 3 || cps > 30 || has_sentence_punct(s, len) || contains_any(s, len, not_org))
		return 0;
	for (i = 0; i + 4 <= len; i++)
		if (s[i] >= '0' && s[i] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9' &&
		    s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9')
			return 0; /* a year */
	return 1;
}

/* A name: 2 to 5 Han characters (a middle dot allowed). *n receives its
 * length in bytes. */
static int
han_name(const char *s, size_t len, size_t *n)
{
	size_t i = 0, cps = 0, k;
	while (i < len && cps < 6) {
		unsigned int cp = upl__utf8_next(s + i, len - i, &k);
		if (!upl__is_han(cp) && cp != 0xB7 && cp != 0x30FB)
			break;
		i += k;
		cps++;
	}
	*n = i;
	return cps >= 2 && cps <= 5;
}

static const char *const byline_words[] = {
	"作者", "执笔人", "執筆人", "执笔", "執筆", "撰稿人", "撰稿", "撰写", "撰寫", "起草人",
	"起草", "供稿", "整理", NULL
};

int
upl__imp_byline(const char *s, size_t len, size_t *name_off, size_t *name_len, size_t *rest)
{
	size_t i = 0, k, n;
	const char *w;
	unsigned int cp = len ? upl__utf8_next(s, len, &k) : 0;
	if (cp == '-' || cp == 0x2014 || cp == 0x2015 || cp == 0x2500 || cp == 0xFF0D ||
	    cp == 0x2013 || cp == '~') {
		/* ---许美英 / ——许美英 */
		while (i < len) {
			cp = upl__utf8_next(s + i, len - i, &k);
			if (!(cp == '-' || cp == 0x2014 || cp == 0x2015 || cp == 0x2500 ||
			      cp == 0xFF0D || cp == 0x2013 || cp == '~'))
				break;
			i += k;
		}
		i = upl__imp_skip_space(s, len, i);
		if (!han_name(s + i, len - i, &n) || upl__imp_skip_space(s, len, i + n) != len)
			return 0;
		*name_off = i;
		*name_len = n;
		*rest = len;
		return 1;
	}
	w = starts_any(s, len, byline_words);
	if (w == NULL)
		return 0;
	i = upl__imp_colon(s, len, strlen(w));
	if (i == 0)
		return 0;
	i = upl__imp_skip_space(s, len, i);
	if (!han_name(s + i, len - i, &n))
		return 0;
	*name_off = i;
	*name_len = n;
	*rest = upl__imp_skip_space(s, len, i + n);
	/* what may follow a name on a byline: a date, nothing else of length */
	return upl__imp_count_upto(s + *rest, len - *rest, 12) <= 12 &&
	       !has_sentence_punct(s + *rest, len - *rest);
}

int
upl__imp_docnumber(const char *s, size_t len, size_t *n)
{
	static const char *const opens[] = { "〔", "［", "[", "（", "(", "【", NULL };
	static const char *const closes[] = { "〕", "］", "]", "）", ")", "】", NULL };
	size_t i = 0, k, hans = 0, digits = 0;
	const char *o, *c;
	while (i < len && hans <= 14) { /* no further: a long line stays linear */
		unsigned int cp = upl__utf8_next(s + i, len - i, &k);
		if (!upl__is_han(cp))
			break;
		i += k;
		hans++;
	}
	if (hans < 1 || hans > 14)
		return 0;
	o = starts_any(s + i, len - i, opens);
	if (o == NULL)
		return 0;
	i += strlen(o);
	while (i < len && digits < 4 && ((s[i] >= '0' && s[i] <= '9') || s[i] == 'X' || s[i] == 'x'))
		i++, digits++;
	if (digits != 4 && !(digits == 2 && (s[i - 1] == 'X' || s[i - 1] == 'x')))
		return 0;
	c = starts_any(s + i, len - i, closes);
	if (c == NULL)
		return 0;
	i += strlen(c);
	if (upl__imp_starts(s + i, len - i, "第") || upl__imp_starts(s + i, len - i, "笫"))
		i += strlen("第");
	digits = 0;
	while (i < len && s[i] >= '0' && s[i] <= '9' && digits < 5)
		i++, digits++;
	if (digits == 0)
		return 0;
	if (upl__imp_starts(s + i, len - i, "号") || upl__imp_starts(s + i, len - i, "號"))
		i += strlen("号");
	else
		return 0;
	*n = i;
	return 1;
}

/* A numeral of at most max code points at s+i: returns its value or -1;
 * *i advances past it. */
static long
numeral_at(const char *s, size_t len, size_t *i)
{
	long v;
	size_t used;
	if (*i >= len || upl_text_numeral_parse(&v, &used, s + *i, len - *i) != 0)
		return -1;
	*i += used;
	return v;
}

int
upl__imp_date_line(const char *s, size_t len, upl_date *date)
{
	size_t i = 0;
	long y, m, d = 0;
	memset(date, 0, sizeof *date);
	y = numeral_at(s, len, &i);
	if (y < 1900 || y > 2100 || !upl__imp_starts(s + i, len - i, "年"))
		return 0;
	i += strlen("年");
	m = numeral_at(s, len, &i);
	if (m < 1 || m > 12 || !upl__imp_starts(s + i, len - i, "月"))
		return 0;
	i += strlen("月");
	if (i < len) {
		d = numeral_at(s, len, &i);
		if (d < 1 || d > 31 ||
		    !(upl__imp_starts(s + i, len - i, "日") || upl__imp_starts(s + i, len - i, "号") ||
		      upl__imp_starts(s + i, len - i, "號")))
			return 0;
		i += strlen("日");
	}
	if (upl__imp_skip_space(s, len, i) != len)
		return 0;
	if (d > 0 && upl_date_make(date, (int)y, (int)m, (int)d) != 0)
		return 0;
	return 1;
}

/* ------------------------------------------------------------------------ */
/* Periods                                                                  */

/* An anonymised year at s+i (xx, XX, ××, __, ＿＿): its length, or 0. */
static size_t
unknown_year(const char *s, size_t len, size_t i)
{
	size_t j = i, k, n = 0;
	while (j < len && n < 4) {
		unsigned int cp = upl__utf8_next(s + j, len - j, &k);
		if (cp != 'x' && cp != 'X' && cp != 0xD7 && cp != '_' && cp != 0xFF3F && cp != 0x2014 &&
		    cp != '*')
			break;
		j += k;
		n++;
	}
	return n >= 2 ? j - i : 0;
}

static int
term_at(const char *s, size_t len, size_t *i)
{
	static const struct { const char *w; int term; } terms[] = {
		{ "第一学期", 1 }, { "第一學期", 1 }, { "第1学期", 1 }, { "上学期", 1 }, { "上學期", 1 },
		{ "第二学期", 2 }, { "第二學期", 2 }, { "第2学期", 2 }, { "下学期", 2 }, { "下學期", 2 },
	};
	size_t t;
	for (t = 0; t < sizeof terms / sizeof terms[0]; t++)
		if (upl__imp_starts(s + *i, len - *i, terms[t].w)) {
			*i += strlen(terms[t].w);
			return terms[t].term;
		}
	return 0;
}

static int
half_at(const char *s, size_t len, size_t *i)
{
	if (upl__imp_starts(s + *i, len - *i, "上半年")) {
		*i += strlen("上半年");
		return 1;
	}
	if (upl__imp_starts(s + *i, len - *i, "下半年")) {
		*i += strlen("下半年");
		return 2;
	}
	return 0;
}

static const char *const dashes[] = {
	"——", "—", "－", "-", "~", "～", "至", "到", "/", "─", NULL
};

int
upl__imp_period(const char *s, size_t len, imp_period *out)
{
	size_t i = 0, k;
	memset(out, 0, sizeof *out);
	while (i < len) {
		size_t start = i, j = i, unk = unknown_year(s, len, i);
		long year = -1;
		if (unk == 0) {
			year = numeral_at(s, len, &j);
			if (year < 1900 || year > 2100) {
				upl__utf8_next(s + i, len - i, &k);
				i += k;
				continue;
			}
		} else {
			j = i + unk;
		}
		/* 2014——2015学年 */
		{
			size_t d = j;
			const char *dash;
			while ((dash = starts_any(s + d, len - d, dashes)) != NULL)
				d += strlen(dash);
			if (d > j) {
				size_t e = d;
				long y2 = numeral_at(s, len, &e);
				if (y2 >= 1900 && y2 <= 2100 && (year < 0 || y2 == year + 1))
					j = e;
			}
		}
		if (upl__imp_starts(s + j, len - j, "学年") || upl__imp_starts(s + j, len - j, "學年")) {
			j += strlen("学年");
			if (upl__imp_starts(s + j, len - j, "度"))
				j += strlen("度");
			out->year = year > 0 ? (int)year : 0;
			out->year_unknown = year < 0;
			out->term = term_at(s, len, &j);
			out->kind = out->term ? UPL_PERIOD_TERM : UPL_PERIOD_SCHOOL_YEAR;
		} else if (upl__imp_starts(s + j, len - j, "年")) {
			j += strlen("年");
			if (upl__imp_starts(s + j, len - j, "度"))
				j += strlen("度");
			out->year = year > 0 ? (int)year : 0;
			out->year_unknown = year < 0;
			out->half = half_at(s, len, &j);
			out->kind = out->half ? UPL_PERIOD_HALF_YEAR : UPL_PERIOD_YEAR;
		} else {
			i = j > i ? j : i + 1;
			continue;
		}
		out->off = start;
		out->len = j - start;
		return 1;
	}
	/* no year: 下半年, 本学期 */
	for (i = 0; i < len; i += k) {
		size_t j = i;
		int h = half_at(s, len, &j), t = h ? 0 : term_at(s, len, &j);
		if (h || t) {
			out->kind = h ? UPL_PERIOD_HALF_YEAR : UPL_PERIOD_TERM;
			out->half = h;
			out->term = t;
			out->off = i;
			out->len = j - i;
			return 1;
		}
		upl__utf8_next(s + i, len - i, &k);
	}
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Openings, headings, roles                                                */

static const char *const opening_words[] = {
	"指导思想", "指導思想", "工作思路", "总体思路", "總體思路", "基本思路", "工作目标", "工作目標",
	"总体目标", "總體目標", "主要目标", "主要目標", "目标任务", "目標任務", "指导方针", "指導方針",
	"工作重点", "工作重點", "总体要求", "總體要求", "工作要求", "主要任务", "主要任務",
	"重点工作", "重點工作", "主要工作", "工作措施", "主要措施", "具体措施", "具體措施",
	"具体工作安排", "具體工作安排", "工作安排", "常规工作", "常規工作", NULL
};

size_t
upl__imp_opening(const char *s, size_t len)
{
	const char *w = starts_any(s, len, opening_words);
	return w ? upl__imp_colon(s, len, strlen(w)) : 0;
}

size_t
upl__imp_opening_max(void)
{
	size_t i, n = 0;
	for (i = 0; opening_words[i]; i++)
		if (strlen(opening_words[i]) > n)
			n = strlen(opening_words[i]);
	return n;
}

int
upl__imp_heading(const char *s, size_t len)
{
	size_t n = len, cps;
	const char *c = ends_any(s, len, colons);
	if (has_sentence_punct(s, len))
		return 0;
	if (c != NULL)
		n -= strlen(c);
	cps = upl__imp_count_upto(s, n, 24);
	if (cps < 2 || cps > 24)
		return 0;
	if (c != NULL)
		return 1;
	/* a bare part name on its own line */
	return starts_any(s, len, opening_words) != NULL &&
	       upl__imp_count_upto(s, len, 8) <= 8;
}

upl_role
upl__imp_role(const char *s, size_t len)
{
	static const struct { const char *w; upl_role role; } roles[] = {
		{ "指导思想", UPL_ROLE_GUIDANCE }, { "指導思想", UPL_ROLE_GUIDANCE },
		{ "工作思路", UPL_ROLE_GUIDANCE }, { "指导方针", UPL_ROLE_GUIDANCE },
		{ "目标", UPL_ROLE_GOALS }, { "目標", UPL_ROLE_GOALS },
		{ "常规工作", UPL_ROLE_ROUTINE }, { "常規工作", UPL_ROLE_ROUTINE },
		{ "日常工作", UPL_ROLE_ROUTINE },
		{ "行事历", UPL_ROLE_SCHEDULE }, { "行事曆", UPL_ROLE_SCHEDULE },
		{ "工作安排", UPL_ROLE_SCHEDULE }, { "活动安排", UPL_ROLE_SCHEDULE },
		{ "活動安排", UPL_ROLE_SCHEDULE }, { "工作日程", UPL_ROLE_SCHEDULE },
		{ "月工作", UPL_ROLE_SCHEDULE },
		{ "重点工作", UPL_ROLE_TASKS }, { "重點工作", UPL_ROLE_TASKS },
		{ "主要工作", UPL_ROLE_TASKS }, { "工作重点", UPL_ROLE_TASKS },
		{ "工作重點", UPL_ROLE_TASKS }, { "主要任务", UPL_ROLE_TASKS },
		{ "主要任務", UPL_ROLE_TASKS }, { "工作任务", UPL_ROLE_TASKS },
		{ "具体措施", UPL_ROLE_TASKS }, { "主要措施", UPL_ROLE_TASKS },
		{ "工作措施", UPL_ROLE_TASKS },
		{ "注意事项", UPL_ROLE_NOTES }, { "注意事項", UPL_ROLE_NOTES },
		{ "备注", UPL_ROLE_NOTES }, { "備註", UPL_ROLE_NOTES },
	};
	size_t i, cps, n = len;
	const char *c;
	/* a part named by its role (具体工作安排：, 三、常规工作) or a short
	 * heading holding the name (本学期工作目标); a long heading that only
	 * mentions one (创新工作思路，加强工会自身建设) has no role */
	while ((c = ends_any(s, n, colons)) != NULL)
		n -= strlen(c);
	cps = upl__imp_count_upto(s, n, 10);
	for (i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (upl__imp_starts(s, n, roles[i].w) ||
		    (cps <= 10 && upl__imp_find(s, n, roles[i].w)))
			return roles[i].role;
	return UPL_ROLE_NONE;
}

size_t
upl__imp_appendix(const char *s, size_t len)
{
	size_t i;
	unsigned int cp;
	size_t k;
	if (upl__imp_starts(s, len, "附件"))
		i = strlen("附件");
	else if (upl__imp_starts(s, len, "附录") || upl__imp_starts(s, len, "附錄"))
		i = strlen("附录");
	else if (upl__imp_starts(s, len, "附"))
		i = strlen("附");
	else
		return 0;
	/* 附件1 / 附件一 */
	if (i < len) {
		cp = upl__utf8_next(s + i, len - i, &k);
		if ((cp >= '1' && cp <= '9') || cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E09)
			i += k;
	}
	if (upl__imp_skip_space(s, len, i) == len)
		return strlen("附") == i ? 0 : len; /* a lone 附 is not an appendix */
	return upl__imp_colon(s, len, i);
}

int
upl__imp_schedule_title(const char *s, size_t len)
{
	static const char *const words[] = {
		"行事历", "行事曆", "工作日程", "活动安排表", "活動安排表", "工作安排表", "月工作安排",
		"工作行事", "活动日程", "活動日程", NULL
	};
	return upl__imp_count_upto(s, len, 40) <= 40 && !has_sentence_punct(s, len) &&
	       contains_any(s, len, words);
}

size_t
upl__imp_note(const char *s, size_t len)
{
	static const char *const words[] = {
		"注", "备注", "備註", "说明", "說明", "附注", "附註", NULL
	};
	const char *w = starts_any(s, len, words);
	return w ? upl__imp_colon(s, len, strlen(w)) : 0;
}

int
upl__imp_table_head(const char *s, size_t len)
{
	static const char *const firsts[] = { "月份", "月", "时间", "時間", "日期", NULL };
	static const char *const cols[] = {
		"工作内容", "工作內容", "内容", "內容", "活动", "活動", "负责", "負責", "工作安排", NULL
	};
	const char *w = starts_any(s, len, firsts);
	size_t i;
	if (w == NULL || has_sentence_punct(s, len))
		return 0;
	size_t k;
	i = strlen(w);
	if (i >= len || !upl__is_space(upl__utf8_next(s + i, len - i, &k)))
		return 0;
	return contains_any(s, len, cols);
}

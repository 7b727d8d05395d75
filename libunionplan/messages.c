/* Diagnostic messages in English and Simplified Chinese, and the rule
 * descriptions behind `unionplan validate --explain`.
 *
 * Why not gettext: a message catalogue selected by the process locale is
 * process-global state, cannot follow a per-call language option, and says
 * nothing at all when the zh_CN locale is not generated on the machine
 * (the usual case on servers and CI). This table needs neither; the
 * language comes from upl_validate_options::lang or the locale environment
 * variables. Both formats of a message take the same arguments in the
 * same order; tests/check_rules.c renders every message in both languages. */
#include "config.h"

#include <stdlib.h>

#include "messages-private.h"
#include "validate-private.h"

typedef struct msg_row {
	const char *code;
	int variant;
	const char *en;
	const char *zh;
} msg_row;

static const msg_row messages[] = {
	/* the reader's own messages (libxml2's come in English) */
	{ "xml-empty", 0, "document is empty", "文档为空" },
	{ "xml-empty", 1, "document holds only whitespace", "文档只有空白" },
	{ "xml-too-large", 0, "document larger than the limit of %zu bytes", "文档超过 %zu 字节的限制" },
	{ "xml-too-large", 1, "document too large", "文档过大" },
	{ "xml-too-large", 2, "input too large to convert", "输入过大，无法转换" },
	{ "xml-encoding", 0, "unsupported encoding '%s'", "不支持的编码“%s”" },
	{ "xml-encoding", 1, "unsupported encoding name", "编码名称无效" },
	{ "xml-encoding", 2, "byte sequence at offset %zu (0x%02X) is not valid %s",
	  "偏移 %zu 处的字节序列（0x%02X）不是有效的 %s" },
	{ "xml-encoding", 3, "text cannot be converted from %s to UTF-8", "文本无法从 %s 转换为 UTF-8" },
	{ "xml-encoding", 4,
	  "byte 0x%02X at offset %zu is not valid UTF-8 (declare the encoding in the XML declaration if the file is not UTF-8)",
	  "字节 0x%02X（偏移 %zu）不是有效的 UTF-8（如果文件不是 UTF-8 编码，请在 XML 声明中写明编码）" },
	{ "xml-entity", 0,
	  "entity declaration '%s' refused: entity declarations are not allowed (no DTD processing, no external entities)",
	  "拒绝实体声明“%s”：不允许声明实体（不处理 DTD，不读取外部实体）" },
	{ "xml-doctype", 0, "DOCTYPE ignored: plan documents use no DTD and none is loaded",
	  "已忽略 DOCTYPE：计划文档不使用 DTD，也不加载任何 DTD" },
	{ "xml-syntax", 0, "document is not well-formed XML", "文档不是格式正确的 XML" },
	{ "schema-invalid", 0, "internal error: the embedded schema could not be compiled",
	  "内部错误：内置模式无法编译" },
	{ "schema-invalid", 1, "document is not valid against the schema", "文档不符合模式" },
	/* the importer */
	{ "import-boilerplate", 0, "removed a line of web-page text around the plan: %s",
	  "已删除计划之外的网页文字：%s" },
	{ "import-chunk-marker", 0, "removed the page-chunk marker '%s' that split the text",
	  "已删除割断正文的分页标记“%s”" },
	{ "import-pinyin", 0, "removed pinyin inserted after a character: %s",
	  "已删除字后插入的拼音：%s" },
	{ "import-control", 0, "removed the control character %s, which XML cannot hold",
	  "已删除 XML 无法容纳的控制字符 %s" },
	{ "import-plan-split", 0, "a new plan starts here: its title follows the previous plan's text",
	  "此处开始另一份计划：上一份计划的正文之后出现了新的标题" },
	{ "import-plan-split", 1, "a new plan starts here: the compilation's next piece (篇N)",
	  "此处开始另一份计划：汇编的下一篇（篇N）" },
	{ "import-plan-split", 2,
	  "a new plan starts here: the top-level numbering starts again at 1 after the previous plan's last part",
	  "此处开始另一份计划：一级编号在上一份计划的最后一部分之后重新从“一”开始" },
	{ "import-year-unknown", 0,
	  "the year is not given (written as xx年): months and dates are kept without a year",
	  "年份未给出（写作 xx年）：月份和日期不带年份" },
	{ "import-kept", 0,
	  "the compilation's own title is kept as the first plan's first paragraph (a collection has no title)",
	  "汇编本身的标题保留为第一份计划的第一段（计划集没有标题）" },
	/* the semantic rules */
	{ "numbering-duplicate", 0, "number %d is used again (first at line %u)",
	  "编号 %d 重复（第一次出现在第 %u 行）" },
	{ "numbering-skip", 0, "numbering jumps from %d to %d",
	  "编号从 %d 跳到 %d" },
	{ "numbering-start", 0, "numbering starts at %d, not 1",
	  "编号从 %d 开始，而不是从 1 开始" },
	{ "numbering-style", 0, "label '%s' does not match the style of its siblings ('%s')",
	  "编号“%s”与同级编号的样式（“%s”）不一致" },
	{ "heading-order", 0,
	  "a level-%d heading (%s) inside a level-%d heading (%s); GB/T 9704 orders 一、 › （一） › 1. › （1）",
	  "%d 级标题（%s）位于 %d 级标题（%s）之下；GB/T 9704 的层次为 一、 › （一） › 1. › （1）" },
	{ "month-order", 0, "%s comes after %s: months are out of order",
	  "%s 排在 %s 之后：月份顺序颠倒" },
	{ "month-duplicate", 0, "month %s appears again (first at line %u)",
	  "月份 %s 重复出现（第一次在第 %u 行）" },
	{ "month-outside-period", 0, "month %s lies outside the plan's period (%s to %s)",
	  "月份 %s 不在计划期间（%s 至 %s）之内" },
	{ "month-span-backwards", 0, "the month span runs backwards, from month %d to month %d",
	  "月份跨度颠倒：从 %d 月到 %d 月" },
	{ "date-impossible", 0, "date %s does not exist in %d",
	  "日期 %s 在 %d 年不存在" },
	{ "date-outside-month", 0, "date %s is not in its month (%s)",
	  "日期 %s 不在所属月份（%s）之内" },
	{ "date-outside-period", 0, "date %s lies outside the plan's period (%s to %s)",
	  "日期 %s 不在计划期间（%s 至 %s）之内" },
	{ "holiday-date", 0, "%s in %d falls on %s, not %s",
	  "%s 在 %d 年是 %s，不是 %s" },
	{ "holiday-month", 0, "%s in %d falls on %s, so an activity %s it cannot be in %s",
	  "%s 在 %d 年是 %s，%s的活动不能安排在 %s" },
	{ "holiday-day-off", 0, "%s is an official day off (%s)",
	  "%s 是法定休息日（%s）" },
	{ "year-unknown", 0, "the plan does not give its year (%s); rules that need a year were skipped",
	  "计划没有给出年份（%s）；需要年份的检查已跳过" },
	{ "count-year", 0, "'%s' implies the year %d, but the plan is for %d",
	  "“%s”对应 %d 年，但计划是 %d 年的" },
	{ "meta-title", 0, "the plan has no title",
	  "计划没有标题" },
	{ "meta-period", 0, "the period starts (%s) after it ends (%s)",
	  "计划期间的开始日期（%s）晚于结束日期（%s）" },
	{ "meta-docnumber", 0, "document number '%s' is not in the form 机关代字〔YYYY〕N号",
	  "发文字号“%s”不符合“机关代字〔年份〕序号号”的格式" },
	{ "plan-lang", 0, "the plan has no xml:lang; say zh-Hans (simplified) or zh-Hant (traditional)",
	  "计划缺少 xml:lang；应为 zh-Hans（简体）或 zh-Hant（繁体）" },
	{ "plan-lang", 1, "xml:lang is '%s'; it must be zh-Hans (simplified) or zh-Hant (traditional)",
	  "xml:lang 为“%s”；应为 zh-Hans（简体）或 zh-Hant（繁体）" },
};

typedef struct rule_row {
	const char *code;
	upl_severity severity;
	const char *en;
	const char *zh;
} rule_row;

#define E UPL_SEVERITY_ERROR
#define W UPL_SEVERITY_WARNING
#define N UPL_SEVERITY_NOTE

static const rule_row rules[] = {
	{ "xml-empty", E,
	  "The input is empty or holds only whitespace.",
	  "输入为空，或只有空白。" },
	{ "xml-too-large", E,
	  "The input is larger than the size limit (64 MiB unless the options say otherwise).",
	  "输入超过大小限制（默认 64 MiB）。" },
	{ "xml-encoding", E,
	  "Bytes that are not valid in the document's encoding, or an encoding that cannot be converted.\n"
	  "Example: a GB18030 file without encoding=\"GB18030\" in its XML declaration.",
	  "字节在文档的编码中无效，或编码无法转换。\n"
	  "例如：GB18030 编码的文件，XML 声明中却没有写 encoding=\"GB18030\"。" },
	{ "xml-syntax", E,
	  "The document is not well-formed XML (the parser's message says why).\n"
	  "Example: <title>计划</titel>",
	  "文档不是格式正确的 XML（解析器的消息说明原因）。\n"
	  "例如：<title>计划</titel>" },
	{ "xml-warning", W,
	  "A warning of the XML parser.",
	  "XML 解析器的警告。" },
	{ "xml-doctype", W,
	  "A DOCTYPE without declarations. Plan documents need no DTD; it is ignored and nothing is loaded.",
	  "没有声明的 DOCTYPE。计划文档不需要 DTD；它被忽略，不加载任何内容。" },
	{ "xml-entity", E,
	  "A DOCTYPE declares an entity. Parsing stops there: no external entity is read and nothing is expanded\n"
	  "(this is what defeats XXE and \"billion laughs\" attacks).\n"
	  "Example: <!DOCTYPE plan [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
	  "DOCTYPE 声明了实体。解析在此停止：不读取外部实体，也不展开任何实体（防止 XXE 与“十亿笑”攻击）。\n"
	  "例如：<!DOCTYPE plan [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" },
	{ "schema-root", E,
	  "The root element is not plan or plans in the namespace urn:unionplan:1.",
	  "根元素不是命名空间 urn:unionplan:1 中的 plan 或 plans。" },
	{ "schema-element", E,
	  "An element the schema does not allow there, a missing required element, or text where only elements may be.\n"
	  "Example: <paragraph> inside a section (the element is <p>).",
	  "此处不允许的元素、缺少必需的元素，或在只能包含元素的地方出现文字。\n"
	  "例如：section 中的 <paragraph>（应为 <p>）。" },
	{ "schema-attribute", E,
	  "An attribute the element does not have, or a required attribute that is missing.\n"
	  "Example: <month label=\"九月：\"> without month=\"9\".",
	  "元素没有的属性，或缺少必需的属性。\n"
	  "例如：<month label=\"九月：\"> 缺少 month=\"9\"。" },
	{ "schema-value", E,
	  "An attribute value outside its type.\n"
	  "Example: date=\"2013-02-30\", month=\"13\", holiday=\"moon-festival\".",
	  "属性值不符合其类型。\n"
	  "例如：date=\"2013-02-30\"、month=\"13\"、holiday=\"moon-festival\"。" },
	{ "schema-invalid", E,
	  "Any other finding of the schema.",
	  "其他不符合模式的情况。" },
	{ "import-boilerplate", N,
	  "The importer removed a line that belongs to the web page around the plan, not to the plan\n"
	  "(资源描述, 更多相关内容, 发布时间/人气, 延伸阅读 ...).",
	  "导入时删除了属于计划所在网页而不属于计划的一行（资源描述、更多相关内容、发布时间/人气、延伸阅读等）。" },
	{ "import-chunk-marker", N,
	  "The importer removed a page-chunk marker: web pages that show a document in pieces start each\n"
	  "piece with 1、 2、 3、 ..., splitting sentences and words; the pieces are joined again.",
	  "导入时删除了分页标记：分段显示文档的网页在每段开头加上 1、2、3、……，把句子和词语割断；各段已重新连接。" },
	{ "import-pinyin", N,
	  "The importer removed pinyin that a web converter inserted after a character: 關(guān) becomes 關.",
	  "导入时删除了网页转换器在字后插入的拼音：關(guān) 变为 關。" },
	{ "import-control", N,
	  "The importer removed a control character (U+0000–U+001F but the tab, U+FFFE, U+FFFF) that\n"
	  "an XML document cannot hold.",
	  "导入时删除了 XML 文档无法容纳的控制字符（U+0000–U+001F 中除制表符以外的字符、U+FFFE、U+FFFF）。" },
	{ "import-plan-split", N,
	  "The importer found where one plan of a compilation ends and the next begins: a new title after\n"
	  "the text (a repeated title or 篇N), or top-level numbering that starts again at 一、 after the\n"
	  "previous plan's last part.",
	  "导入时找到了汇编中一份计划结束、下一份开始的位置：正文之后出现新的标题（重复的标题或“篇N”），"
	  "或一级编号在上一份计划的最后一部分之后重新从“一、”开始。" },
	{ "import-year-unknown", N,
	  "The source anonymises the year (xx年, __年): months and dates are imported without a year, and\n"
	  "the rules that need one are skipped rather than guessed.",
	  "原文隐去了年份（xx年、__年）：月份和日期导入时不带年份，需要年份的规则不作猜测而跳过。" },
	{ "import-kept", N,
	  "The importer kept text that has no place of its own in the format where it stood, as a paragraph\n"
	  "(a compilation's own title, for example).",
	  "导入时把格式中没有专门位置的文字按原位置保留为段落（例如汇编本身的标题）。" },
	{ "numbering-duplicate", W,
	  "Two siblings with the same label style carry the same number.\n"
	  "Example: under 十二月, \"2. 基层工会女职工委员会工作手册检查工作\" and \"2. 组织迎新春教工运动会\".",
	  "同一层级、同一样式的两个编号相同。\n"
	  "例如：十二月下有两个“2.”。" },
	{ "numbering-skip", W,
	  "A number is skipped among siblings.\n"
	  "Example: 1．2．3．5． (no 4).",
	  "同级编号跳号。\n"
	  "例如：1．2．3．5．（缺少 4）。" },
	{ "numbering-start", W,
	  "Numbering does not start at 1 (and does not continue the previous part's numbering).\n"
	  "Example: the first item of a part is 3、 while the part before ended at 1、.",
	  "编号不从 1 开始（也不是接续前一部分的编号）。\n"
	  "例如：某部分第一项是“3、”，而前一部分最后一项是“1、”。" },
	{ "numbering-style", W,
	  "Siblings use different label styles (full-width and ASCII punctuation count as the same style).\n"
	  "Example: 1、 2、 (3) among the items of one part.",
	  "同级编号样式不一致（全角与半角标点视为同一样式）。\n"
	  "例如：同一部分的条目为 1、 2、 (3)。" },
	{ "heading-order", W,
	  "Heading levels out of GB/T 9704 order: 一、 › （一） › 1. › （1）. A heading may not sit inside one of its own or a lower level.\n"
	  "Example: a 一、 section inside a （一） section.",
	  "标题层次不符合 GB/T 9704 的顺序：一、 › （一） › 1. › （1）。标题不能位于同级或更低级的标题之下。\n"
	  "例如：“一、”位于“（一）”之下。" },
	{ "month-order", W,
	  "A schedule's months are out of chronological order (a school year may run from 九月 to the next 八月).\n"
	  "Example: 十月 listed before 九月 of the same year.",
	  "行事历的月份没有按时间顺序排列（学年可以从九月排到次年八月）。\n"
	  "例如：同一年的十月排在九月之前。" },
	{ "month-duplicate", W,
	  "The same month (of the same year) appears twice in one schedule.",
	  "同一行事历中同一年的同一月份出现两次。" },
	{ "month-outside-period", W,
	  "A schedule month lies outside the period the plan states.\n"
	  "Example: 三月 2013 in a plan for 2012学年第一学期 (2012-09-01 to 2013-01-31).",
	  "行事历的月份不在计划声明的期间内。\n"
	  "例如：2012学年第一学期（2012-09-01 至 2013-01-31）的计划中出现 2013 年三月。" },
	{ "month-span-backwards", E,
	  "A span of months ends before it starts (a span over the year end, 十二月至一月, is fine).\n"
	  "Example: month=\"8\" to=\"7\".",
	  "月份跨度的结束早于开始（跨年的十二月至一月不算）。\n"
	  "例如：month=\"8\" to=\"7\"。" },
	{ "date-impossible", E,
	  "A date without a year is given as a day its month's year does not have.\n"
	  "Example: date=\"--02-29\" under 二月 2013.",
	  "没有年份的日期在所属月份的年份中不存在。\n"
	  "例如：2013 年二月下的 date=\"--02-29\"。" },
	{ "date-outside-month", E,
	  "An activity's date is not in the month (or span) it is listed under.\n"
	  "Example: 教师节表彰活动(9/10) dated 2012-10-09 under 九月.",
	  "活动日期不在所属月份（或跨度）之内。\n"
	  "例如：九月下的活动日期为 2012-10-09。" },
	{ "date-outside-period", W,
	  "An activity's date lies outside the plan's period.",
	  "活动日期不在计划期间之内。" },
	{ "holiday-date", E,
	  "An activity on a holiday (relation on) dated on another day than the holiday that year.\n"
	  "Example: 教师节 dated 2012-09-11 (教师节 is 9/10).",
	  "标为节日当天的活动，日期与当年的节日日期不符。\n"
	  "例如：教师节活动的日期为 2012-09-11（教师节是 9 月 10 日）。" },
	{ "holiday-month", E,
	  "An activity names a holiday whose date in that year contradicts the month it is listed under;\n"
	  "lunar festivals use the official calendar. Example: 中秋节前 under 十月 2012 (中秋 2012 is 9/30).",
	  "活动提到的节日在当年的日期与其所属月份矛盾；农历节日按官方历法计算。\n"
	  "例如：2012 年十月下的“中秋节前”（2012 年中秋是 9 月 30 日）。" },
	{ "holiday-day-off", N,
	  "An activity dated on a day off of the official holiday arrangement (法定节假日 and the weekend days\n"
	  "moved into it; ordinary weekends are not reported). Years without official data are not checked.\n"
	  "Example: an activity on 2012-10-03 (国庆节).",
	  "活动日期是官方节假日安排中的休息日（法定节假日及调入其中的周末；普通周末不报告）。没有官方数据的年份不检查。\n"
	  "例如：2012-10-03（国庆节）的活动。" },
	{ "year-unknown", N,
	  "The plan does not give its year (xx年, __年); rules that need a year are skipped, not guessed. Reported once per plan.",
	  "计划没有给出年份（xx年、__年）；需要年份的检查被跳过，不作猜测。每份计划只报告一次。" },
	{ "count-year", W,
	  "A count in the text implies another year than the plan's: 第N个教师节 is 1984 + N, 第N个三八 is 1910 + N.\n"
	  "Example: 第二十八个教师节 in a plan for 2013 (it was 2012).",
	  "文中的届次与计划年份不符：第 N 个教师节是 1984 + N 年，第 N 个三八妇女节是 1910 + N 年。\n"
	  "例如：2013 年计划中的“第二十八个教师节”（应为 2012 年）。" },
	{ "meta-title", W,
	  "The plan has no title.",
	  "计划没有标题。" },
	{ "meta-period", E,
	  "The period's start date is after its end date.",
	  "计划期间的开始日期晚于结束日期。" },
	{ "meta-docnumber", W,
	  "The document number (发文字号) is not in the form 机关代字〔YYYY〕N号. A warning only: union plans are not\n"
	  "strictly government documents. Example: 虹小四工(2017)笫1号 (should be 虹小四工〔2017〕1号).",
	  "发文字号不符合“机关代字〔年份〕序号号”的格式。仅为警告：工会计划并非严格意义上的公文。\n"
	  "例如：虹小四工(2017)笫1号（应为 虹小四工〔2017〕1号）。" },
	{ "plan-lang", E,
	  "xml:lang is missing or is not zh-Hans (simplified) or zh-Hant (traditional).",
	  "xml:lang 缺失，或不是 zh-Hans（简体）或 zh-Hant（繁体）。" },
};

#undef E
#undef W
#undef N

static int
starts_zh(const char *v)
{
	return v && (v[0] == 'z' || v[0] == 'Z') && (v[1] == 'h' || v[1] == 'H') &&
	       (v[2] == '\0' || v[2] == '_' || v[2] == '-' || v[2] == '.' || v[2] == ':');
}

int
upl__msg_lang_zh(const char *lang)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;
	if (lang)
		return starts_zh(lang);
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return starts_zh(v);
	}
	return 0;
}

const char *
upl__msg_format(const char *code, int variant, int zh)
{
	size_t i;
	for (i = 0; i < sizeof messages / sizeof messages[0]; i++)
		if (messages[i].variant == variant && strcmp(messages[i].code, code) == 0)
			return zh ? messages[i].zh : messages[i].en;
	return NULL;
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
int
upl__msg_emit(upl_report *report, int zh, const char *code, int variant,
	      const char *file, unsigned int line, unsigned int column, ...)
{
	const char *fmt = upl__msg_format(code, variant, zh);
	int sev = upl_rule_severity(code);
	upl_buf b = UPL_BUF_INIT;
	va_list ap;
	char *msg;
	int rc;
	if (fmt == NULL || sev < 0)
		return UPL_EINVAL; /* a message missing from the catalogue */
	va_start(ap, column);
	upl__buf_vprintf(&b, fmt, ap);
	va_end(ap);
	msg = upl__buf_detach(&b, NULL);
	if (msg == NULL)
		return UPL_ENOMEM;
	rc = upl__report_add(report, (upl_severity)sev, code, file, line, column, "%s", msg);
	upl__dealloc(msg);
	return rc;
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

const char *
upl__msg_word(upl__word w, int zh)
{
	static const char *const en[] = {
		"on the day of", "before", "after", "during", "around",
		"the year is unknown", "no period"
	};
	static const char *const cn[] = {
		"节日当天", "节前", "节后", "节日期间", "节日前后",
		"年份未知", "未给出期间"
	};
	if ((int)w < 0 || (size_t)w >= sizeof en / sizeof en[0])
		return "";
	return zh ? cn[w] : en[w];
}

const char *
upl_rule_code(size_t i)
{
	return i < sizeof rules / sizeof rules[0] ? rules[i].code : NULL;
}

const char *
upl_rule_explain(const char *code, const char *lang)
{
	size_t i;
	int zh = upl__msg_lang_zh(lang);
	if (code == NULL)
		return NULL;
	for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i].code, code) == 0)
			return zh ? rules[i].zh : rules[i].en;
	return NULL;
}

int
upl_rule_severity(const char *code)
{
	size_t i;
	if (code == NULL)
		return -1;
	for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i].code, code) == 0)
			return (int)rules[i].severity;
	return -1;
}

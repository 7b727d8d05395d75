/**
 * @file unionplan/plan.h
 * @brief The plan model: documents, plans, their metadata and body nodes.
 *
 * A ::upl_doc is what one XML file holds: one plan, or a collection of
 * plans (the `plans` element). A ::upl_plan has metadata (title,
 * organisation, authors, 发文字号, period, issue date, provenance) and a body
 * of blocks in document order. Every body element is a ::upl_node whose
 * ::upl_kind tells what it is:
 *
 * | kind                   | element    | may contain                           |
 * |------------------------|------------|---------------------------------------|
 * | ::UPL_NODE_PARAGRAPH   | `p`        | text                                  |
 * | ::UPL_NODE_SECTION     | `section`  | heading; p, item, section, schedule, note |
 * | ::UPL_NODE_ITEM        | `item`     | heading; text; p, item                |
 * | ::UPL_NODE_SCHEDULE    | `schedule` | heading; month                        |
 * | ::UPL_NODE_MONTH       | `month`    | activity                              |
 * | ::UPL_NODE_ACTIVITY    | `activity` | text                                  |
 * | ::UPL_NODE_NOTE        | `note`     | text                                  |
 *
 * A plan's body holds paragraphs, sections, schedules and notes.
 *
 * Text is kept exactly as the plan writes it (UTF-8). Structure sits beside
 * the text: a label stays as written (`（一）．`) and its parsed number is a
 * separate field.
 *
 * @par Ownership
 * Objects made by `*_new`, `*_clone` and the parse functions belong to the
 * caller until they are added to a container with `*_add` / `*_insert`,
 * which moves ownership into the container (on success only). A container
 * frees what it owns. `*_remove` hands ownership back (or frees the object
 * when the `out` argument is NULL). Calling `*_free` on an object that is
 * inside a container does nothing: free the container instead. Getters
 * return borrowed pointers, valid until the object is changed or freed.
 *
 * @par Iteration
 * Lists are walked with `*_count()` and index getters; upl_iter walks a whole
 * plan in document order. Adding or removing nodes while a ::upl_iter is
 * walking the same plan invalidates the iterator (free it and start again);
 * changing fields (text, labels, dates) does not.
 *
 * @par Threads
 * Distinct objects may be used from distinct threads at the same time. One
 * object (and everything it contains) must not be changed from one thread
 * while another thread reads or changes it.
 */
#ifndef UNIONPLAN_PLAN_H
#define UNIONPLAN_PLAN_H

#include "common.h"
#include "date.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A document: one plan, or a collection of plans. */
typedef struct upl_doc upl_doc;
/** One plan: metadata and a body. */
typedef struct upl_plan upl_plan;
/** A body element: paragraph, section, item, schedule, month, activity or note. */
typedef struct upl_node upl_node;
/** A walk over the nodes of a plan in document order. */
typedef struct upl_iter upl_iter;

/** What a ::upl_node is. Values only grow. */
typedef enum upl_kind {
	UPL_NODE_PARAGRAPH = 1, /**< `p`: a paragraph, optionally labelled (指导思想：). */
	UPL_NODE_SECTION = 2,   /**< `section`: a numbered or unnumbered part. */
	UPL_NODE_ITEM = 3,      /**< `item`: a numbered point. */
	UPL_NODE_SCHEDULE = 4,  /**< `schedule`: a monthly schedule (行事历). */
	UPL_NODE_MONTH = 5,     /**< `month`: one month (or span) of a schedule. */
	UPL_NODE_ACTIVITY = 6,  /**< `activity`: one scheduled activity. */
	UPL_NODE_NOTE = 7       /**< `note`: a remark (注). */
} upl_kind;

/** The role of a section (its `role` attribute). Values only grow. */
typedef enum upl_role {
	UPL_ROLE_NONE = 0,     /**< no role given */
	UPL_ROLE_GUIDANCE = 1, /**< `guidance`: 指导思想 */
	UPL_ROLE_GOALS = 2,    /**< `goals`: 工作目标 */
	UPL_ROLE_TASKS = 3,    /**< `tasks`: 主要工作 / 重点工作 */
	UPL_ROLE_SCHEDULE = 4, /**< `schedule`: 具体工作安排 / 行事历 */
	UPL_ROLE_ROUTINE = 5,  /**< `routine`: 常规工作 */
	UPL_ROLE_NOTES = 6,    /**< `notes`: remarks */
	UPL_ROLE_APPENDIX = 7  /**< `appendix`: 附件 */
} upl_role;

/** How an activity relates to the holiday it names (`relation`). Values only grow. */
typedef enum upl_relation {
	UPL_RELATION_NONE = 0,   /**< not given */
	UPL_RELATION_ON = 1,     /**< `on`: on the day (教师节表彰) */
	UPL_RELATION_BEFORE = 2, /**< `before`: 节前 */
	UPL_RELATION_AFTER = 3,  /**< `after`: 节后 */
	UPL_RELATION_DURING = 4  /**< `during`: around or during the holiday */
} upl_relation;

/** The kind of period a plan covers (`period/@kind`). Values only grow. */
typedef enum upl_period_kind {
	UPL_PERIOD_NONE = 0,        /**< no period element */
	UPL_PERIOD_SCHOOL_YEAR = 1, /**< `school-year`: 学年 */
	UPL_PERIOD_TERM = 2,        /**< `term`: 学期 */
	UPL_PERIOD_YEAR = 3,        /**< `year`: a calendar year */
	UPL_PERIOD_HALF_YEAR = 4,   /**< `half-year`: 上半年 / 下半年 */
	UPL_PERIOD_CUSTOM = 5       /**< `custom`: anything else */
} upl_period_kind;

/** Current version of ::upl_period. */
#define UPL_PERIOD_VERSION 1

/**
 * The period a plan covers. Set `version` to ::UPL_PERIOD_VERSION (use
 * ::UPL_PERIOD_INIT) before passing it to upl_plan_period(). Fields are only
 * ever appended.
 */
typedef struct upl_period {
	unsigned int version;  /**< ::UPL_PERIOD_VERSION */
	upl_period_kind kind;  /**< what kind of period */
	upl_date start;        /**< first day, or all zero when not known */
	upl_date end;          /**< last day, or all zero when not known */
	int schoolyear;        /**< 学年 (the year it starts), or 0 */
	int term;              /**< 学期: 1 or 2, or 0 */
	const char *text;      /**< the period as written, or NULL. Borrowed from the plan by upl_plan_period(); copied by upl_plan_set_period(). */
} upl_period;

/** Initialiser for ::upl_period: no period. */
#define UPL_PERIOD_INIT { UPL_PERIOD_VERSION, UPL_PERIOD_NONE, UPL_DATE_INIT, UPL_DATE_INIT, 0, 0, NULL }

/* ------------------------------------------------------------------------ */
/** @name Names of enumerations, as used in the XML */
/** @{ */

/** @return the element name of @p kind ("p", "section", ...) or NULL. @since 0.1 */
UPL_EXTERN const char *upl_kind_name(upl_kind kind);
/** @return the `role` attribute value of @p role ("guidance", ...), or NULL for none/unknown. @since 0.1 */
UPL_EXTERN const char *upl_role_name(upl_role role);
/** @return the role named @p name, or ::UPL_ROLE_NONE if unknown. @since 0.1 */
UPL_EXTERN upl_role upl_role_from_name(const char *name);
/** @return the `relation` attribute value ("on", ...), or NULL for none/unknown. @since 0.1 */
UPL_EXTERN const char *upl_relation_name(upl_relation relation);
/** @return the relation named @p name, or ::UPL_RELATION_NONE if unknown. @since 0.1 */
UPL_EXTERN upl_relation upl_relation_from_name(const char *name);
/** @return the `kind` attribute value ("school-year", ...), or NULL for none/unknown. @since 0.1 */
UPL_EXTERN const char *upl_period_kind_name(upl_period_kind kind);
/** @return the period kind named @p name, or ::UPL_PERIOD_NONE if unknown. @since 0.1 */
UPL_EXTERN upl_period_kind upl_period_kind_from_name(const char *name);
/**
 * @return 1 if @p key is one of the holiday keys the schema knows
 * (new-year, spring-festival-eve, spring-festival, lantern, womens-day,
 * arbor-day, qingming, labour-day, youth-day, childrens-day, dragon-boat,
 * party-day, army-day, qixi, teachers-day, mid-autumn, national-day,
 * double-ninth, winter-solstice, laba), else 0.
 * @since 0.1
 */
UPL_EXTERN int upl_holiday_key_is_valid(const char *key);
/** @} */

/* ------------------------------------------------------------------------ */
/** @name Documents */
/** @{ */

/**
 * Make an empty document.
 * @param[out] out  the new document.
 * @return 0 or ::UPL_ENOMEM (::UPL_EINVAL if @p out is NULL).
 * @par Ownership
 * The caller owns the document; release it with upl_doc_free().
 * @since 0.1
 */
UPL_EXTERN int upl_doc_new(upl_doc **out);

/** Free a document and every plan in it. NULL is a no-op. @since 0.1 */
UPL_EXTERN void upl_doc_free(upl_doc *doc);

/** @return the number of plans in @p doc (0 for NULL). @since 0.1 */
UPL_EXTERN size_t upl_doc_plan_count(const upl_doc *doc);

/**
 * @return plan number @p i (0-based) of @p doc, or NULL when out of range.
 * @par Ownership
 * Borrowed: the document keeps owning it.
 * @since 0.1
 */
UPL_EXTERN upl_plan *upl_doc_plan(const upl_doc *doc, size_t i);

/**
 * Append @p plan to @p doc.
 * @return 0, ::UPL_EINVAL if either is NULL or @p plan already belongs to a
 * document, ::UPL_ENOMEM.
 * @par Ownership
 * On success the document owns @p plan; on failure the caller still does.
 * @since 0.1
 */
UPL_EXTERN int upl_doc_plan_add(upl_doc *doc, upl_plan *plan);

/**
 * Insert @p plan before plan number @p i of @p doc (i == count appends).
 * @param doc   the document.
 * @param i     where the plan goes (0-based).
 * @param plan  the plan; it must belong to no document.
 * @return as upl_doc_plan_add(), plus ::UPL_ENOTFOUND for i > count.
 * @par Ownership
 * On success the document owns @p plan; on failure the caller still does.
 * @since 0.1
 */
UPL_EXTERN int upl_doc_plan_insert(upl_doc *doc, size_t i, upl_plan *plan);

/**
 * Take plan number @p i out of @p doc.
 * @param doc       the document.
 * @param i         the plan's index.
 * @param[out] out  receives the plan (the caller then owns it); when NULL the plan is freed.
 * @return 0, or ::UPL_ENOTFOUND if @p i is out of range.
 * @since 0.1
 */
UPL_EXTERN int upl_doc_plan_remove(upl_doc *doc, size_t i, upl_plan **out);

/**
 * @return 1 if @p doc is written as a collection (`plans` root): it was
 * read from one, upl_doc_set_collection() asked for it, or it holds more
 * than one plan. Otherwise 0.
 * @since 0.1
 */
UPL_EXTERN int upl_doc_is_collection(const upl_doc *doc);

/** Ask for (nonzero) or against (0) the `plans` root when @p doc holds one plan. @since 0.1 */
UPL_EXTERN void upl_doc_set_collection(upl_doc *doc, int collection);

/**
 * @return the file name the document was read from (or the name given to a
 * buffer parse), or NULL for a document built in memory.
 * @since 0.1
 */
UPL_EXTERN const char *upl_doc_name(const upl_doc *doc);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Plans */
/** @{ */

/**
 * Make an empty plan.
 * @param[out] out  the new plan.
 * @param lang      "zh-Hans" or "zh-Hant"; NULL means "zh-Hans".
 * @return 0, ::UPL_EINVAL (bad @p lang or NULL @p out), ::UPL_ENOMEM.
 * @par Ownership
 * The caller owns the plan until it is added to a document; release it with
 * upl_plan_free().
 * @since 0.1
 */
UPL_EXTERN int upl_plan_new(upl_plan **out, const char *lang);

/** Free a plan that belongs to no document. NULL, or a plan inside a document, is a no-op. @since 0.1 */
UPL_EXTERN void upl_plan_free(upl_plan *plan);

/**
 * Deep copy of a plan (metadata and body; not the source positions).
 * @param[out] out  the copy, owned by the caller.
 * @param plan      the plan to copy.
 * @return 0, ::UPL_EINVAL, ::UPL_ENOMEM.
 * @since 0.1
 */
UPL_EXTERN int upl_plan_clone(upl_plan **out, const upl_plan *plan);

/** @return the document that owns @p plan, or NULL. @since 0.1 */
UPL_EXTERN upl_doc *upl_plan_doc(const upl_plan *plan);

/** @return the plan's `xml:lang`: "zh-Hans" or "zh-Hant" (never NULL for a valid plan). @since 0.1 */
UPL_EXTERN const char *upl_plan_lang(const upl_plan *plan);
/** Set `xml:lang`. @return 0, or ::UPL_EINVAL unless @p lang is "zh-Hans" or "zh-Hant". @since 0.1 */
UPL_EXTERN int upl_plan_set_lang(upl_plan *plan, const char *lang);

/** @return the title as written, or NULL when there is none. @since 0.1 */
UPL_EXTERN const char *upl_plan_title(const upl_plan *plan);
/** Set (copy) or, with NULL, remove the title. @return 0, ::UPL_EINVAL, ::UPL_ENOMEM. @since 0.1 */
UPL_EXTERN int upl_plan_set_title(upl_plan *plan, const char *title);

/** @return the organisation (学校 / 工会 name), or NULL. @since 0.1 */
UPL_EXTERN const char *upl_plan_organization(const upl_plan *plan);
/** Set (copy) or, with NULL, remove the organisation. @return 0, ::UPL_EINVAL, ::UPL_ENOMEM. @since 0.1 */
UPL_EXTERN int upl_plan_set_organization(upl_plan *plan, const char *organization);

/** @return the document number (发文字号, e.g. 虹小四工〔2017〕1号), or NULL. @since 0.1 */
UPL_EXTERN const char *upl_plan_docnumber(const upl_plan *plan);
/** Set (copy) or, with NULL, remove the document number. @return 0, ::UPL_EINVAL, ::UPL_ENOMEM. @since 0.1 */
UPL_EXTERN int upl_plan_set_docnumber(upl_plan *plan, const char *docnumber);

/** @return the number of authors. @since 0.1 */
UPL_EXTERN size_t upl_plan_author_count(const upl_plan *plan);
/** @return author @p i as written, or NULL when out of range. @since 0.1 */
UPL_EXTERN const char *upl_plan_author(const upl_plan *plan, size_t i);
/** Append (copy) an author. @return 0, ::UPL_EINVAL, ::UPL_ENOMEM. @since 0.1 */
UPL_EXTERN int upl_plan_author_add(upl_plan *plan, const char *author);
/** Remove author @p i. @return 0 or ::UPL_ENOTFOUND. @since 0.1 */
UPL_EXTERN int upl_plan_author_remove(upl_plan *plan, size_t i);

/**
 * Read the plan's period.
 * @param plan      the plan.
 * @param[out] out  filled with the period; `out->version` must be set
 *                  (::UPL_PERIOD_INIT). `out->text` is borrowed from the plan.
 * @return 0, ::UPL_ENOTFOUND when the plan states no period (out then has
 * kind ::UPL_PERIOD_NONE), ::UPL_EINVAL.
 * @since 0.1
 */
UPL_EXTERN int upl_plan_period(const upl_plan *plan, upl_period *out);

/**
 * Set or remove the period.
 * @param plan      the plan.
 * @param period  the new period (copied; its kind must not be
 *                ::UPL_PERIOD_NONE), or NULL to remove it.
 * @return 0; ::UPL_EINVAL when the kind is unknown, a date is neither all
 * zero nor valid, the term is not 0, 1 or 2, or the school year is outside
 * 0..9999; ::UPL_ENOMEM.
 * @since 0.1
 */
UPL_EXTERN int upl_plan_set_period(upl_plan *plan, const upl_period *period);

/** @return the issue date/text as written (落款日期), or NULL. @since 0.1 */
UPL_EXTERN const char *upl_plan_issued_text(const upl_plan *plan);
/** @return the issue date, all zero when not known. @since 0.1 */
UPL_EXTERN upl_date upl_plan_issued_date(const upl_plan *plan);
/**
 * Set the issue date and text; both NULL/zero remove it.
 * @return 0, ::UPL_EINVAL (a nonzero date that is not valid), ::UPL_ENOMEM.
 * @since 0.1
 */
UPL_EXTERN int upl_plan_set_issued(upl_plan *plan, const char *text, upl_date date);

/** @return the source file name recorded by the importer, or NULL. @since 0.1 */
UPL_EXTERN const char *upl_plan_source_file(const upl_plan *plan);
/** @return the source encoding recorded by the importer ("GB18030", ...), or NULL. @since 0.1 */
UPL_EXTERN const char *upl_plan_source_encoding(const upl_plan *plan);
/** Set (copy) the provenance; both NULL remove it. @return 0, ::UPL_EINVAL, ::UPL_ENOMEM. @since 0.1 */
UPL_EXTERN int upl_plan_set_source(upl_plan *plan, const char *file, const char *encoding);

/** @return the number of body blocks. @since 0.1 */
UPL_EXTERN size_t upl_plan_block_count(const upl_plan *plan);
/** @return body block @p i, or NULL when out of range. Borrowed. @since 0.1 */
UPL_EXTERN upl_node *upl_plan_block(const upl_plan *plan, size_t i);
/**
 * Append a block (paragraph, section, schedule or note) to the body.
 * @return 0; ::UPL_EINVAL if @p node has another kind or already has a
 * parent; ::UPL_ENOMEM.
 * @par Ownership
 * On success the plan owns @p node.
 * @since 0.1
 */
UPL_EXTERN int upl_plan_block_add(upl_plan *plan, upl_node *node);
/** Insert a block before position @p i (i == count appends). As upl_plan_block_add(), plus ::UPL_ENOTFOUND for i > count. @since 0.1 */
UPL_EXTERN int upl_plan_block_insert(upl_plan *plan, size_t i, upl_node *node);
/**
 * Take block @p i out of the body.
 * @param plan      the plan.
 * @param i         the block's index.
 * @param[out] out  receives the node (then owned by the caller); when NULL the node is freed.
 * @return 0 or ::UPL_ENOTFOUND.
 * @since 0.1
 */
UPL_EXTERN int upl_plan_block_remove(upl_plan *plan, size_t i, upl_node **out);

/** @return the 1-based line of the plan's start tag in its source, or 0. @since 0.1 */
UPL_EXTERN unsigned int upl_plan_line(const upl_plan *plan);
/** @return the 1-based column (code points) of the plan's start tag, or 0. @since 0.1 */
UPL_EXTERN unsigned int upl_plan_column(const upl_plan *plan);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Nodes */
/** @{ */

/**
 * Make an empty node.
 * @param[out] out  the new node.
 * @param kind      what it is.
 * @return 0, ::UPL_EINVAL (unknown kind), ::UPL_ENOMEM.
 * @par Ownership
 * The caller owns the node until it is added to a plan or a parent node.
 * @since 0.1
 */
UPL_EXTERN int upl_node_new(upl_node **out, upl_kind kind);

/** Free a node that has no parent, with its children. NULL, or a node inside a plan or parent, is a no-op. @since 0.1 */
UPL_EXTERN void upl_node_free(upl_node *node);

/** Deep copy of a node and its children (not the source positions); the copy has no parent. @return 0, ::UPL_EINVAL, ::UPL_ENOMEM. @since 0.1 */
UPL_EXTERN int upl_node_clone(upl_node **out, const upl_node *node);

/** @return the node's kind, or 0 for NULL. @since 0.1 */
UPL_EXTERN upl_kind upl_node_kind(const upl_node *node);
/** @return the parent node, or NULL for a body block or a detached node. @since 0.1 */
UPL_EXTERN upl_node *upl_node_parent(const upl_node *node);
/** @return the plan the node belongs to (through its ancestors), or NULL. @since 0.1 */
UPL_EXTERN upl_plan *upl_node_plan(const upl_node *node);

/** @return the text (paragraph, item, activity, note), or NULL. @since 0.1 */
UPL_EXTERN const char *upl_node_text(const upl_node *node);
/** Set (copy) or, with NULL, remove the text. @return 0, ::UPL_EINVAL (sections, schedules and months hold no text), ::UPL_ENOMEM. @since 0.1 */
UPL_EXTERN int upl_node_set_text(upl_node *node, const char *text);

/** @return the heading (section, item, schedule), or NULL. @since 0.1 */
UPL_EXTERN const char *upl_node_heading(const upl_node *node);
/** Set (copy) or remove the heading. @return 0, ::UPL_EINVAL (other kinds), ::UPL_ENOMEM. @since 0.1 */
UPL_EXTERN int upl_node_set_heading(upl_node *node, const char *heading);

/** @return the label as written ("（一）．", "九月：", "注："), or NULL. @since 0.1 */
UPL_EXTERN const char *upl_node_label(const upl_node *node);
/** Set (copy) or remove the label. @return 0, ::UPL_EINVAL (schedules have none), ::UPL_ENOMEM. @since 0.1 */
UPL_EXTERN int upl_node_set_label(upl_node *node, const char *label);

/** @return the parsed number of the label (section, item, activity, note), or -1 when absent. @since 0.1 */
UPL_EXTERN int upl_node_number(const upl_node *node);
/** Set the number (0 or more) or remove it (-1). @return 0, ::UPL_EINVAL (other kinds, < -1). @since 0.1 */
UPL_EXTERN int upl_node_set_number(upl_node *node, int number);

/** @return the heading level of a section (1 = 一、, 2 = （一）, 3 = 1．, 4 = （1）, ...), or 0 when absent. @since 0.1 */
UPL_EXTERN int upl_node_level(const upl_node *node);
/** Set a section's level (1..9) or remove it (0). @return 0 or ::UPL_EINVAL. @since 0.1 */
UPL_EXTERN int upl_node_set_level(upl_node *node, int level);

/** @return a section's role. @since 0.1 */
UPL_EXTERN upl_role upl_node_role(const upl_node *node);
/** Set a section's role. @return 0 or ::UPL_EINVAL. @since 0.1 */
UPL_EXTERN int upl_node_set_role(upl_node *node, upl_role role);

/** @return a month node's month (1..12), or 0. @since 0.1 */
UPL_EXTERN int upl_node_month(const upl_node *node);
/** @return the last month of a span (七、八月份 gives 8), or 0 when the entry is one month. @since 0.1 */
UPL_EXTERN int upl_node_month_to(const upl_node *node);
/** @return a month node's year, or 0 when the plan does not say (xx年). @since 0.1 */
UPL_EXTERN int upl_node_year(const upl_node *node);
/**
 * Set a month node's month, span end and year.
 * @param node   a month node
 * @param month  1..12
 * @param to     0 (no span) or 1..12
 * @param year   0 (unknown) or 1..9999
 * @return 0 or ::UPL_EINVAL.
 * @since 0.1
 */
UPL_EXTERN int upl_node_set_month(upl_node *node, int month, int to, int year);

/** @return an activity's date; all zero when none; year 0 when only month and day are known. @since 0.1 */
UPL_EXTERN upl_date upl_node_date(const upl_node *node);
/** Set an activity's date (a valid date, a valid month-day with year 0, or all zero to remove). @return 0 or ::UPL_EINVAL. @since 0.1 */
UPL_EXTERN int upl_node_set_date(upl_node *node, upl_date date);
/** @return the holiday key an activity refers to ("mid-autumn"), or NULL. @since 0.1 */
UPL_EXTERN const char *upl_node_holiday(const upl_node *node);
/** Set (a key accepted by upl_holiday_key_is_valid()) or remove (NULL) an activity's holiday. @return 0, ::UPL_EINVAL, ::UPL_ENOMEM. @since 0.1 */
UPL_EXTERN int upl_node_set_holiday(upl_node *node, const char *key);
/** @return how an activity relates to its holiday. @since 0.1 */
UPL_EXTERN upl_relation upl_node_relation(const upl_node *node);
/** Set an activity's relation to its holiday. @return 0 or ::UPL_EINVAL. @since 0.1 */
UPL_EXTERN int upl_node_set_relation(upl_node *node, upl_relation relation);

/** @return the number of children. @since 0.1 */
UPL_EXTERN size_t upl_node_child_count(const upl_node *node);
/** @return child @p i, or NULL when out of range. Borrowed. @since 0.1 */
UPL_EXTERN upl_node *upl_node_child(const upl_node *node, size_t i);
/**
 * Append @p child to @p node.
 * @return 0; ::UPL_EINVAL when @p node cannot hold that kind (see the table
 * above), @p child already has a parent, or @p child is @p node or one of
 * its ancestors; ::UPL_ENOMEM.
 * @par Ownership
 * On success @p node owns @p child.
 * @since 0.1
 */
UPL_EXTERN int upl_node_child_add(upl_node *node, upl_node *child);
/** Insert @p child before position @p i (i == count appends). As upl_node_child_add(), plus ::UPL_ENOTFOUND for i > count. @since 0.1 */
UPL_EXTERN int upl_node_child_insert(upl_node *node, size_t i, upl_node *child);
/**
 * Take child @p i out of @p node.
 * @param node      the parent.
 * @param i         the child's index.
 * @param[out] out  receives the child (then owned by the caller); when NULL it is freed.
 * @return 0 or ::UPL_ENOTFOUND.
 * @since 0.1
 */
UPL_EXTERN int upl_node_child_remove(upl_node *node, size_t i, upl_node **out);

/** @return the 1-based line of the node's start tag in its source, or 0. @since 0.1 */
UPL_EXTERN unsigned int upl_node_line(const upl_node *node);
/** @return the 1-based column (code points) of the node's start tag, or 0. @since 0.1 */
UPL_EXTERN unsigned int upl_node_column(const upl_node *node);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Walking a plan */
/** @{ */

/** Bit for @p kind in the mask given to upl_iter_new(). */
#define UPL_KIND_BIT(kind) (1u << (unsigned int)(kind))
/** Mask selecting every kind. */
#define UPL_KIND_ALL 0xFFFFFFFFu

/**
 * Start a walk over the nodes of @p plan in document order (a node before
 * its children), visiting the kinds selected by @p kinds.
 * @param[out] out  the iterator, owned by the caller (upl_iter_free()).
 * @param plan      the plan to walk; it must outlive the iterator.
 * @param kinds     a mask of UPL_KIND_BIT() values, or ::UPL_KIND_ALL.
 * @return 0, ::UPL_EINVAL, ::UPL_ENOMEM.
 * @since 0.1
 */
UPL_EXTERN int upl_iter_new(upl_iter **out, const upl_plan *plan, unsigned int kinds);

/**
 * Advance the walk.
 * @param iter      the iterator.
 * @param[out] out  the next node (borrowed).
 * @return 0, ::UPL_ITEROVER when the walk is over, ::UPL_ENOMEM.
 * @since 0.1
 */
UPL_EXTERN int upl_iter_next(upl_iter *iter, upl_node **out);

/** Free an iterator. NULL is a no-op. @since 0.1 */
UPL_EXTERN void upl_iter_free(upl_iter *iter);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* UNIONPLAN_PLAN_H */

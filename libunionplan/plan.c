/* The plan model: documents, plans and nodes. */
#include "config.h"

#include "plan-private.h"
#include "holidays-private.h"

/* ------------------------------------------------------------------------ */
/* Names                                                                    */

static const char *const kind_names[] = {
	NULL, "p", "section", "item", "schedule", "month", "activity", "note"
};

static const char *const role_names[] = {
	NULL, "guidance", "goals", "tasks", "schedule", "routine", "notes", "appendix"
};

static const char *const relation_names[] = {
	NULL, "on", "before", "after", "during"
};

static const char *const period_names[] = {
	NULL, "school-year", "term", "year", "half-year", "custom"
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int
name_index(const char *const *names, size_t n, const char *name)
{
	size_t i;
	if (name == NULL)
		return 0;
	for (i = 1; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return 0;
}

const char *
upl_kind_name(upl_kind kind)
{
	return (kind >= 1 && (size_t)kind < COUNT(kind_names)) ? kind_names[kind] : NULL;
}

const char *
upl_role_name(upl_role role)
{
	return ((int)role >= 1 && (size_t)role < COUNT(role_names)) ? role_names[role] : NULL;
}

upl_role
upl_role_from_name(const char *name)
{
	return (upl_role)name_index(role_names, COUNT(role_names), name);
}

const char *
upl_relation_name(upl_relation relation)
{
	return ((int)relation >= 1 && (size_t)relation < COUNT(relation_names)) ?
		relation_names[relation] : NULL;
}

upl_relation
upl_relation_from_name(const char *name)
{
	return (upl_relation)name_index(relation_names, COUNT(relation_names), name);
}

const char *
upl_period_kind_name(upl_period_kind kind)
{
	return ((int)kind >= 1 && (size_t)kind < COUNT(period_names)) ? period_names[kind] : NULL;
}

upl_period_kind
upl_period_kind_from_name(const char *name)
{
	return (upl_period_kind)name_index(period_names, COUNT(period_names), name);
}

/* The calendar module owns the list of holiday keys. */
const char *
upl__holiday_key(const char *key)
{
	int i = upl__holiday_index(key);
	return i < 0 ? NULL : upl_holiday_key((size_t)i);
}

int
upl_holiday_key_is_valid(const char *key)
{
	return upl__holiday_key(key) != NULL;
}

int
upl__set_str(char **dst, const char *src)
{
	char *copy = NULL;
	if (src != NULL) {
		copy = upl__strdup(src);
		if (copy == NULL)
			return UPL_ENOMEM;
	}
	upl__dealloc(*dst);
	*dst = copy;
	return 0;
}

int
upl__kind_allowed(upl_kind parent, upl_kind child)
{
	switch ((int)parent) {
	case 0: /* plan body */
		return child == UPL_NODE_PARAGRAPH || child == UPL_NODE_SECTION ||
		       child == UPL_NODE_SCHEDULE || child == UPL_NODE_NOTE;
	case UPL_NODE_SECTION:
		return child == UPL_NODE_PARAGRAPH || child == UPL_NODE_ITEM ||
		       child == UPL_NODE_SECTION || child == UPL_NODE_SCHEDULE ||
		       child == UPL_NODE_NOTE;
	case UPL_NODE_ITEM:
		return child == UPL_NODE_PARAGRAPH || child == UPL_NODE_ITEM;
	case UPL_NODE_SCHEDULE:
		return child == UPL_NODE_MONTH;
	case UPL_NODE_MONTH:
		return child == UPL_NODE_ACTIVITY;
	default:
		return 0;
	}
}

/* ------------------------------------------------------------------------ */
/* Nodes                                                                    */

int
upl_node_new(upl_node **out, upl_kind kind)
{
	upl_node *n;
	if (out == NULL || upl_kind_name(kind) == NULL)
		return UPL_EINVAL;
	n = upl__calloc(1, sizeof *n);
	if (n == NULL)
		return UPL_ENOMEM;
	n->kind = kind;
	n->number = -1;
	*out = n;
	return 0;
}

static void
node_destroy(upl_node *n)
{
	size_t i;
	if (n == NULL)
		return;
	for (i = 0; i < n->nchildren; i++)
		node_destroy(n->children[i]);
	upl__dealloc(n->children);
	upl__dealloc(n->text);
	upl__dealloc(n->heading);
	upl__dealloc(n->label);
	upl__dealloc(n);
}

void
upl_node_free(upl_node *node)
{
	if (node == NULL || node->parent != NULL || node->plan != NULL)
		return;
	node_destroy(node);
}

int
upl_node_clone(upl_node **out, const upl_node *node)
{
	upl_node *c;
	size_t i;
	int rc;
	if (out == NULL || node == NULL)
		return UPL_EINVAL;
	rc = upl_node_new(&c, node->kind);
	if (rc != 0)
		return rc;
	c->number = node->number;
	c->level = node->level;
	c->role = node->role;
	c->month = node->month;
	c->month_to = node->month_to;
	c->year = node->year;
	c->date = node->date;
	c->holiday = node->holiday;
	c->relation = node->relation;
	if (upl__set_str(&c->text, node->text) != 0 ||
	    upl__set_str(&c->heading, node->heading) != 0 ||
	    upl__set_str(&c->label, node->label) != 0)
		goto nomem;
	for (i = 0; i < node->nchildren; i++) {
		upl_node *child;
		rc = upl_node_clone(&child, node->children[i]);
		if (rc != 0)
			goto fail;
		rc = upl_node_child_add(c, child);
		if (rc != 0) {
			node_destroy(child);
			goto fail;
		}
	}
	*out = c;
	return 0;
nomem:
	rc = UPL_ENOMEM;
fail:
	node_destroy(c);
	return rc;
}

upl_kind
upl_node_kind(const upl_node *node)
{
	return node ? node->kind : (upl_kind)0;
}

upl_node *
upl_node_parent(const upl_node *node)
{
	return node ? node->parent : NULL;
}

upl_plan *
upl_node_plan(const upl_node *node)
{
	while (node && node->parent)
		node = node->parent;
	return node ? node->plan : NULL;
}

static int
has_text(upl_kind k)
{
	return k == UPL_NODE_PARAGRAPH || k == UPL_NODE_ITEM ||
	       k == UPL_NODE_ACTIVITY || k == UPL_NODE_NOTE;
}

static int
has_heading(upl_kind k)
{
	return k == UPL_NODE_SECTION || k == UPL_NODE_ITEM || k == UPL_NODE_SCHEDULE;
}

static int
has_number(upl_kind k)
{
	return k == UPL_NODE_SECTION || k == UPL_NODE_ITEM ||
	       k == UPL_NODE_ACTIVITY || k == UPL_NODE_NOTE;
}

const char *
upl_node_text(const upl_node *node)
{
	return node ? node->text : NULL;
}

int
upl_node_set_text(upl_node *node, const char *text)
{
	if (node == NULL || !has_text(node->kind))
		return UPL_EINVAL;
	return upl__set_str(&node->text, text);
}

const char *
upl_node_heading(const upl_node *node)
{
	return node ? node->heading : NULL;
}

int
upl_node_set_heading(upl_node *node, const char *heading)
{
	if (node == NULL || !has_heading(node->kind))
		return UPL_EINVAL;
	return upl__set_str(&node->heading, heading);
}

const char *
upl_node_label(const upl_node *node)
{
	return node ? node->label : NULL;
}

int
upl_node_set_label(upl_node *node, const char *label)
{
	if (node == NULL || node->kind == UPL_NODE_SCHEDULE)
		return UPL_EINVAL;
	return upl__set_str(&node->label, label);
}

int
upl_node_number(const upl_node *node)
{
	return node ? node->number : -1;
}

int
upl_node_set_number(upl_node *node, int number)
{
	if (node == NULL || !has_number(node->kind) || number < -1 || number > 1000000)
		return UPL_EINVAL;
	node->number = number;
	return 0;
}

int
upl_node_level(const upl_node *node)
{
	return node ? node->level : 0;
}

int
upl_node_set_level(upl_node *node, int level)
{
	if (node == NULL || node->kind != UPL_NODE_SECTION || level < 0 || level > 9)
		return UPL_EINVAL;
	node->level = level;
	return 0;
}

upl_role
upl_node_role(const upl_node *node)
{
	return node ? node->role : UPL_ROLE_NONE;
}

int
upl_node_set_role(upl_node *node, upl_role role)
{
	if (node == NULL || node->kind != UPL_NODE_SECTION ||
	    (role != UPL_ROLE_NONE && upl_role_name(role) == NULL))
		return UPL_EINVAL;
	node->role = role;
	return 0;
}

int
upl_node_month(const upl_node *node)
{
	return node ? node->month : 0;
}

int
upl_node_month_to(const upl_node *node)
{
	return node ? node->month_to : 0;
}

int
upl_node_year(const upl_node *node)
{
	return node ? node->year : 0;
}

int
upl_node_set_month(upl_node *node, int month, int to, int year)
{
	if (node == NULL || node->kind != UPL_NODE_MONTH || month < 1 || month > 12 ||
	    to < 0 || to > 12 || year < 0 || year > 9999)
		return UPL_EINVAL;
	node->month = month;
	node->month_to = to;
	node->year = year;
	return 0;
}

upl_date
upl_node_date(const upl_node *node)
{
	upl_date none = UPL_DATE_INIT;
	return node ? node->date : none;
}

int
upl_node_set_date(upl_node *node, upl_date date)
{
	int none = date.year == 0 && date.month == 0 && date.day == 0;
	if (node == NULL || node->kind != UPL_NODE_ACTIVITY)
		return UPL_EINVAL;
	if (!none && !upl_date_is_valid(date) && !upl_date_is_valid_monthday(date))
		return UPL_EINVAL;
	node->date = date;
	return 0;
}

const char *
upl_node_holiday(const upl_node *node)
{
	return node ? node->holiday : NULL;
}

int
upl_node_set_holiday(upl_node *node, const char *key)
{
	const char *k = NULL;
	if (node == NULL || node->kind != UPL_NODE_ACTIVITY)
		return UPL_EINVAL;
	if (key != NULL && (k = upl__holiday_key(key)) == NULL)
		return UPL_EINVAL;
	node->holiday = k;
	return 0;
}

upl_relation
upl_node_relation(const upl_node *node)
{
	return node ? node->relation : UPL_RELATION_NONE;
}

int
upl_node_set_relation(upl_node *node, upl_relation relation)
{
	if (node == NULL || node->kind != UPL_NODE_ACTIVITY ||
	    (relation != UPL_RELATION_NONE && upl_relation_name(relation) == NULL))
		return UPL_EINVAL;
	node->relation = relation;
	return 0;
}

size_t
upl_node_child_count(const upl_node *node)
{
	return node ? node->nchildren : 0;
}

upl_node *
upl_node_child(const upl_node *node, size_t i)
{
	return (node && i < node->nchildren) ? node->children[i] : NULL;
}

/* Shared by node children and plan blocks: insert child at position i of
 * the array items[0..*n). */
static int
array_insert(upl_node ***items, size_t *n, size_t *cap, size_t i, upl_node *child)
{
	int rc;
	if (i > *n)
		return UPL_ENOTFOUND;
	if (*cap == 0) {
		/* most lists are short (a heading's one paragraph): room for
		 * two is the smallest block malloc gives anyway */
		*items = upl__malloc(2 * sizeof **items);
		if (*items == NULL)
			return UPL_ENOMEM;
		*cap = 2;
	}
	rc = upl__grow((void **)items, cap, *n + 1, sizeof **items);
	if (rc != 0)
		return rc;
	memmove(*items + i + 1, *items + i, (*n - i) * sizeof **items);
	(*items)[i] = child;
	(*n)++;
	return 0;
}

static upl_node *
array_take(upl_node **items, size_t *n, size_t i)
{
	upl_node *child = items[i];
	memmove(items + i, items + i + 1, (*n - i - 1) * sizeof *items);
	(*n)--;
	return child;
}

int
upl_node_child_insert(upl_node *node, size_t i, upl_node *child)
{
	const upl_node *a;
	int rc;
	if (node == NULL || child == NULL || child->parent != NULL || child->plan != NULL ||
	    !upl__kind_allowed(node->kind, child->kind))
		return UPL_EINVAL;
	for (a = node; a; a = a->parent)
		if (a == child)
			return UPL_EINVAL;
	rc = array_insert(&node->children, &node->nchildren, &node->cap, i, child);
	if (rc == 0)
		child->parent = node;
	return rc;
}

int
upl_node_child_add(upl_node *node, upl_node *child)
{
	return upl_node_child_insert(node, node ? node->nchildren : 0, child);
}

int
upl_node_child_remove(upl_node *node, size_t i, upl_node **out)
{
	upl_node *child;
	if (node == NULL || i >= node->nchildren)
		return UPL_ENOTFOUND;
	child = array_take(node->children, &node->nchildren, i);
	child->parent = NULL;
	if (out)
		*out = child;
	else
		node_destroy(child);
	return 0;
}

unsigned int
upl_node_line(const upl_node *node)
{
	return node ? node->pos.line : 0;
}

unsigned int
upl_node_column(const upl_node *node)
{
	return node ? node->pos.column : 0;
}

/* ------------------------------------------------------------------------ */
/* Plans                                                                    */

static int
lang_ok(const char *lang)
{
	return lang && (strcmp(lang, "zh-Hans") == 0 || strcmp(lang, "zh-Hant") == 0);
}

int
upl_plan_new(upl_plan **out, const char *lang)
{
	upl_plan *p;
	if (out == NULL || (lang != NULL && !lang_ok(lang)))
		return UPL_EINVAL;
	p = upl__calloc(1, sizeof *p);
	if (p == NULL)
		return UPL_ENOMEM;
	p->lang = upl__strdup(lang ? lang : "zh-Hans");
	if (p->lang == NULL) {
		upl__dealloc(p);
		return UPL_ENOMEM;
	}
	*out = p;
	return 0;
}

static void
plan_destroy(upl_plan *p)
{
	size_t i;
	if (p == NULL)
		return;
	for (i = 0; i < p->nblocks; i++) {
		p->blocks[i]->plan = NULL;
		node_destroy(p->blocks[i]);
	}
	upl__dealloc(p->blocks);
	for (i = 0; i < p->nauthors; i++)
		upl__dealloc(p->authors[i]);
	upl__dealloc(p->authors);
	upl__dealloc(p->lang);
	upl__dealloc(p->title);
	upl__dealloc(p->organization);
	upl__dealloc(p->docnumber);
	upl__dealloc(p->period_text);
	upl__dealloc(p->issued_text);
	upl__dealloc(p->source_file);
	upl__dealloc(p->source_encoding);
	upl__dealloc(p);
}

void
upl_plan_free(upl_plan *plan)
{
	if (plan == NULL || plan->doc != NULL)
		return;
	plan_destroy(plan);
}

int
upl_plan_clone(upl_plan **out, const upl_plan *plan)
{
	upl_plan *c;
	size_t i;
	int rc;
	if (out == NULL || plan == NULL)
		return UPL_EINVAL;
	c = upl__calloc(1, sizeof *c);
	if (c == NULL)
		return UPL_ENOMEM;
	c->period_kind = plan->period_kind;
	c->period_start = plan->period_start;
	c->period_end = plan->period_end;
	c->schoolyear = plan->schoolyear;
	c->term = plan->term;
	c->has_issued = plan->has_issued;
	c->issued_date = plan->issued_date;
	c->has_source = plan->has_source;
	rc = UPL_ENOMEM;
	if (upl__set_str(&c->lang, plan->lang) || upl__set_str(&c->title, plan->title) ||
	    upl__set_str(&c->organization, plan->organization) ||
	    upl__set_str(&c->docnumber, plan->docnumber) ||
	    upl__set_str(&c->period_text, plan->period_text) ||
	    upl__set_str(&c->issued_text, plan->issued_text) ||
	    upl__set_str(&c->source_file, plan->source_file) ||
	    upl__set_str(&c->source_encoding, plan->source_encoding))
		goto fail;
	for (i = 0; i < plan->nauthors; i++)
		if ((rc = upl_plan_author_add(c, plan->authors[i])) != 0)
			goto fail;
	for (i = 0; i < plan->nblocks; i++) {
		upl_node *b;
		if ((rc = upl_node_clone(&b, plan->blocks[i])) != 0)
			goto fail;
		if ((rc = upl_plan_block_add(c, b)) != 0) {
			node_destroy(b);
			goto fail;
		}
	}
	*out = c;
	return 0;
fail:
	plan_destroy(c);
	return rc;
}

upl_doc *
upl_plan_doc(const upl_plan *plan)
{
	return plan ? plan->doc : NULL;
}

const char *
upl_plan_lang(const upl_plan *plan)
{
	return plan ? plan->lang : NULL;
}

int
upl_plan_set_lang(upl_plan *plan, const char *lang)
{
	if (plan == NULL || !lang_ok(lang))
		return UPL_EINVAL;
	return upl__set_str(&plan->lang, lang);
}

#define STRING_FIELD(field)                                         \
	const char *upl_plan_##field(const upl_plan *plan)          \
	{                                                           \
		return plan ? plan->field : NULL;                   \
	}                                                           \
	int upl_plan_set_##field(upl_plan *plan, const char *value) \
	{                                                           \
		if (plan == NULL)                                   \
			return UPL_EINVAL;                          \
		return upl__set_str(&plan->field, value);           \
	}

STRING_FIELD(title)
STRING_FIELD(organization)
STRING_FIELD(docnumber)

size_t
upl_plan_author_count(const upl_plan *plan)
{
	return plan ? plan->nauthors : 0;
}

const char *
upl_plan_author(const upl_plan *plan, size_t i)
{
	return (plan && i < plan->nauthors) ? plan->authors[i] : NULL;
}

int
upl_plan_author_add(upl_plan *plan, const char *author)
{
	char *copy;
	if (plan == NULL || author == NULL)
		return UPL_EINVAL;
	if (upl__grow((void **)&plan->authors, &plan->authors_cap, plan->nauthors + 1,
		      sizeof *plan->authors) != 0)
		return UPL_ENOMEM;
	copy = upl__strdup(author);
	if (copy == NULL)
		return UPL_ENOMEM;
	plan->authors[plan->nauthors++] = copy;
	return 0;
}

int
upl_plan_author_remove(upl_plan *plan, size_t i)
{
	if (plan == NULL || i >= plan->nauthors)
		return UPL_ENOTFOUND;
	upl__dealloc(plan->authors[i]);
	memmove(plan->authors + i, plan->authors + i + 1,
		(plan->nauthors - i - 1) * sizeof *plan->authors);
	plan->nauthors--;
	return 0;
}

static int
date_none(upl_date d)
{
	return d.year == 0 && d.month == 0 && d.day == 0;
}

int
upl_plan_period(const upl_plan *plan, upl_period *out)
{
	if (plan == NULL || out == NULL || out->version < 1)
		return UPL_EINVAL;
	out->kind = plan->period_kind;
	out->start = plan->period_start;
	out->end = plan->period_end;
	out->schoolyear = plan->schoolyear;
	out->term = plan->term;
	out->text = plan->period_text;
	return plan->period_kind == UPL_PERIOD_NONE ? UPL_ENOTFOUND : 0;
}

int
upl_plan_set_period(upl_plan *plan, const upl_period *period)
{
	upl_date none = UPL_DATE_INIT;
	if (plan == NULL)
		return UPL_EINVAL;
	if (period == NULL) {
		plan->period_kind = UPL_PERIOD_NONE;
		plan->period_start = plan->period_end = none;
		plan->schoolyear = plan->term = 0;
		return upl__set_str(&plan->period_text, NULL);
	}
	if (period->version < 1 || upl_period_kind_name(period->kind) == NULL ||
	    (!date_none(period->start) && !upl_date_is_valid(period->start)) ||
	    (!date_none(period->end) && !upl_date_is_valid(period->end)) ||
	    period->term < 0 || period->term > 2 ||
	    period->schoolyear < 0 || period->schoolyear > 9999)
		return UPL_EINVAL;
	if (upl__set_str(&plan->period_text, period->text) != 0)
		return UPL_ENOMEM;
	plan->period_kind = period->kind;
	plan->period_start = period->start;
	plan->period_end = period->end;
	plan->schoolyear = period->schoolyear;
	plan->term = period->term;
	return 0;
}

const char *
upl_plan_issued_text(const upl_plan *plan)
{
	return plan ? plan->issued_text : NULL;
}

upl_date
upl_plan_issued_date(const upl_plan *plan)
{
	upl_date none = UPL_DATE_INIT;
	return plan ? plan->issued_date : none;
}

int
upl_plan_set_issued(upl_plan *plan, const char *text, upl_date date)
{
	if (plan == NULL || (!date_none(date) && !upl_date_is_valid(date)))
		return UPL_EINVAL;
	if (upl__set_str(&plan->issued_text, text) != 0)
		return UPL_ENOMEM;
	plan->issued_date = date;
	plan->has_issued = text != NULL || !date_none(date);
	return 0;
}

const char *
upl_plan_source_file(const upl_plan *plan)
{
	return plan ? plan->source_file : NULL;
}

const char *
upl_plan_source_encoding(const upl_plan *plan)
{
	return plan ? plan->source_encoding : NULL;
}

int
upl_plan_set_source(upl_plan *plan, const char *file, const char *encoding)
{
	char *f = NULL, *e = NULL;
	if (plan == NULL)
		return UPL_EINVAL;
	if (upl__set_str(&f, file) != 0 || upl__set_str(&e, encoding) != 0) {
		upl__dealloc(f);
		return UPL_ENOMEM;
	}
	upl__dealloc(plan->source_file);
	upl__dealloc(plan->source_encoding);
	plan->source_file = f;
	plan->source_encoding = e;
	plan->has_source = f != NULL || e != NULL;
	return 0;
}

size_t
upl_plan_block_count(const upl_plan *plan)
{
	return plan ? plan->nblocks : 0;
}

upl_node *
upl_plan_block(const upl_plan *plan, size_t i)
{
	return (plan && i < plan->nblocks) ? plan->blocks[i] : NULL;
}

int
upl_plan_block_insert(upl_plan *plan, size_t i, upl_node *node)
{
	int rc;
	if (plan == NULL || node == NULL || node->parent != NULL || node->plan != NULL ||
	    !upl__kind_allowed((upl_kind)0, node->kind))
		return UPL_EINVAL;
	rc = array_insert(&plan->blocks, &plan->nblocks, &plan->blocks_cap, i, node);
	if (rc == 0)
		node->plan = plan;
	return rc;
}

int
upl_plan_block_add(upl_plan *plan, upl_node *node)
{
	return upl_plan_block_insert(plan, plan ? plan->nblocks : 0, node);
}

int
upl_plan_block_remove(upl_plan *plan, size_t i, upl_node **out)
{
	upl_node *node;
	if (plan == NULL || i >= plan->nblocks)
		return UPL_ENOTFOUND;
	node = array_take(plan->blocks, &plan->nblocks, i);
	node->plan = NULL;
	if (out)
		*out = node;
	else
		node_destroy(node);
	return 0;
}

unsigned int
upl_plan_line(const upl_plan *plan)
{
	return plan ? plan->pos.line : 0;
}

unsigned int
upl_plan_column(const upl_plan *plan)
{
	return plan ? plan->pos.column : 0;
}

/* ------------------------------------------------------------------------ */
/* Documents                                                                */

int
upl_doc_new(upl_doc **out)
{
	upl_doc *d;
	if (out == NULL)
		return UPL_EINVAL;
	d = upl__calloc(1, sizeof *d);
	if (d == NULL)
		return UPL_ENOMEM;
	*out = d;
	return 0;
}

void
upl_doc_free(upl_doc *doc)
{
	size_t i;
	if (doc == NULL)
		return;
	for (i = 0; i < doc->nplans; i++)
		plan_destroy(doc->plans[i]);
	upl__dealloc(doc->plans);
	upl__dealloc(doc->name);
	upl__dealloc(doc);
}

size_t
upl_doc_plan_count(const upl_doc *doc)
{
	return doc ? doc->nplans : 0;
}

upl_plan *
upl_doc_plan(const upl_doc *doc, size_t i)
{
	return (doc && i < doc->nplans) ? doc->plans[i] : NULL;
}

int
upl_doc_plan_insert(upl_doc *doc, size_t i, upl_plan *plan)
{
	if (doc == NULL || plan == NULL || plan->doc != NULL)
		return UPL_EINVAL;
	if (i > doc->nplans)
		return UPL_ENOTFOUND;
	if (upl__grow((void **)&doc->plans, &doc->cap, doc->nplans + 1, sizeof *doc->plans) != 0)
		return UPL_ENOMEM;
	memmove(doc->plans + i + 1, doc->plans + i, (doc->nplans - i) * sizeof *doc->plans);
	doc->plans[i] = plan;
	doc->nplans++;
	plan->doc = doc;
	return 0;
}

int
upl_doc_plan_add(upl_doc *doc, upl_plan *plan)
{
	return upl_doc_plan_insert(doc, doc ? doc->nplans : 0, plan);
}

int
upl_doc_plan_remove(upl_doc *doc, size_t i, upl_plan **out)
{
	upl_plan *p;
	if (doc == NULL || i >= doc->nplans)
		return UPL_ENOTFOUND;
	p = doc->plans[i];
	memmove(doc->plans + i, doc->plans + i + 1, (doc->nplans - i - 1) * sizeof *doc->plans);
	doc->nplans--;
	p->doc = NULL;
	if (out)
		*out = p;
	else
		plan_destroy(p);
	return 0;
}

int
upl_doc_is_collection(const upl_doc *doc)
{
	return doc ? (doc->collection || doc->nplans > 1) : 0;
}

void
upl_doc_set_collection(upl_doc *doc, int collection)
{
	if (doc)
		doc->collection = collection != 0;
}

const char *
upl_doc_name(const upl_doc *doc)
{
	return doc ? doc->name : NULL;
}

int
upl__doc_set_name(upl_doc *doc, const char *name)
{
	return upl__set_str(&doc->name, name);
}

/* ------------------------------------------------------------------------ */
/* Iteration                                                                */

typedef struct iter_frame {
	upl_node *const *items;
	size_t n;
	size_t i;
} iter_frame;

struct upl_iter {
	unsigned int kinds;
	iter_frame *stack;
	size_t depth, cap;
};

int
upl_iter_new(upl_iter **out, const upl_plan *plan, unsigned int kinds)
{
	upl_iter *it;
	if (out == NULL || plan == NULL)
		return UPL_EINVAL;
	it = upl__calloc(1, sizeof *it);
	if (it == NULL)
		return UPL_ENOMEM;
	if (upl__grow((void **)&it->stack, &it->cap, 1, sizeof *it->stack) != 0) {
		upl__dealloc(it);
		return UPL_ENOMEM;
	}
	it->kinds = kinds;
	it->stack[0].items = plan->blocks;
	it->stack[0].n = plan->nblocks;
	it->stack[0].i = 0;
	it->depth = 1;
	*out = it;
	return 0;
}

int
upl_iter_next(upl_iter *it, upl_node **out)
{
	if (it == NULL || out == NULL)
		return UPL_EINVAL;
	while (it->depth > 0) {
		iter_frame *f = &it->stack[it->depth - 1];
		upl_node *n;
		if (f->i >= f->n) {
			it->depth--;
			continue;
		}
		n = f->items[f->i];
		if (n->nchildren > 0 &&
		    upl__grow((void **)&it->stack, &it->cap, it->depth + 1,
			      sizeof *it->stack) != 0)
			return UPL_ENOMEM; /* state unchanged: next call retries */
		it->stack[it->depth - 1].i++;
		if (n->nchildren > 0) {
			it->stack[it->depth].items = n->children;
			it->stack[it->depth].n = n->nchildren;
			it->stack[it->depth].i = 0;
			it->depth++;
		}
		if (it->kinds & UPL_KIND_BIT(n->kind)) {
			*out = n;
			return 0;
		}
	}
	return UPL_ITEROVER;
}

void
upl_iter_free(upl_iter *iter)
{
	if (iter == NULL)
		return;
	upl__dealloc(iter->stack);
	upl__dealloc(iter);
}

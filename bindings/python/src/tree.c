/*
 * Document, Plan and the node types of unionplan._unionplan.
 *
 * Ownership. The library's objects form trees: a document owns its plans, a
 * plan its body, a node its children; a plan or node taken out of its
 * container is the root of a tree of its own. Each tree is held by one
 * private Tree object, which frees the root when it goes away. Every Python
 * wrapper (Document, Plan, Node) holds a reference to the Tree its object
 * lives in, so a child keeps its whole document alive, whatever order
 * Python drops things in.
 *
 * A Tree also keeps a registry from library object to wrapper, so there is
 * one wrapper per object (doc[0] is doc[0]) and so that wrappers can follow
 * their object when it moves: adding a detached tree to a container merges
 * the two registries; removing an object moves the wrappers of its subtree
 * to a new Tree. Wrappers never dangle.
 *
 * Threads. The GIL is released while a document is validated or written.
 * During that time its Tree is busy: reading it from other threads is
 * allowed (the library allows concurrent readers), changing it raises
 * RuntimeError instead of racing with the reader.
 */
#include "unionplan-py.h"

#include <string.h>
#include <sys/stat.h>
#include <errno.h>
#include <stdio.h>

enum { ROOT_NONE = 0, ROOT_DOC = 1, ROOT_PLAN = 2, ROOT_NODE = 3 };

typedef struct Tree {
	PyObject_HEAD
	int kind;           /* ROOT_* */
	void *root;         /* freed with the Tree; NULL after a merge */
	PyObject *wrappers; /* dict: int(object address) -> int(wrapper address), borrowed */
	Py_ssize_t busy;    /* calls reading the tree with the GIL released */
} Tree;

typedef struct Wrap {
	PyObject_HEAD
	Tree *tree;
	void *ptr; /* upl_doc *, upl_plan * or upl_node * */
	PyObject *weaklist;
} Wrap;

static PyTypeObject TreeType;
static PyTypeObject DocumentType;
static PyTypeObject PlanType;
static PyTypeObject NodeType;
static PyTypeObject SectionType, ItemType, ParagraphType, NoteType, ScheduleType, MonthType,
	ActivityType;

#define DOC(w) ((upl_doc *)((Wrap *)(w))->ptr)
#define PLAN(w) ((upl_plan *)((Wrap *)(w))->ptr)
#define NODE(w) ((upl_node *)((Wrap *)(w))->ptr)

/* ------------------------------------------------------------------------ */
/* Trees and the wrapper registry                                           */

static Tree *
tree_new(int kind, void *root)
{
	Tree *t = PyObject_New(Tree, &TreeType);
	if (t == NULL)
		return NULL;
	t->kind = kind;
	t->root = root;
	t->busy = 0;
	t->wrappers = PyDict_New();
	if (t->wrappers == NULL) {
		t->root = NULL;
		Py_DECREF(t);
		return NULL;
	}
	return t;
}

static void
tree_free_root(int kind, void *root)
{
	if (kind == ROOT_DOC)
		upl_doc_free(root);
	else if (kind == ROOT_PLAN)
		upl_plan_free(root);
	else if (kind == ROOT_NODE)
		upl_node_free(root);
}

static void
tree_dealloc(Tree *t)
{
	tree_free_root(t->kind, t->root);
	Py_XDECREF(t->wrappers);
	PyObject_Free(t);
}

static int
tree_register(Tree *t, Wrap *w)
{
	PyObject *k = PyLong_FromVoidPtr(w->ptr), *v = PyLong_FromVoidPtr(w);
	int rc = (k && v) ? PyDict_SetItem(t->wrappers, k, v) : -1;
	Py_XDECREF(k);
	Py_XDECREF(v);
	return rc;
}

static Wrap *
tree_lookup(Tree *t, void *ptr)
{
	PyObject *k = PyLong_FromVoidPtr(ptr), *v;
	if (k == NULL)
		return NULL;
	v = PyDict_GetItemWithError(t->wrappers, k);
	Py_DECREF(k);
	return v ? (Wrap *)PyLong_AsVoidPtr(v) : NULL;
}

/* Raise RuntimeError when the tree is being read with the GIL released. */
static int
tree_check_writable(Tree *t)
{
	if (t->busy > 0) {
		PyErr_SetString(PyExc_RuntimeError,
				"the document is being validated or written in another thread; "
				"it cannot be changed until that call returns");
		return -1;
	}
	return 0;
}

/* Point wrapper w at tree `to`, moving its registry entry. Never fails:
 * when the entry cannot be made the wrapper only loses its identity (a later
 * lookup makes a second wrapper), never its safety. */
static void
wrap_move(Wrap *w, Tree *to)
{
	Tree *from = w->tree;
	PyObject *k;
	if (from == to)
		return;
	if (tree_register(to, w) != 0)
		PyErr_Clear();
	k = PyLong_FromVoidPtr(w->ptr);
	if (k == NULL || PyDict_DelItem(from->wrappers, k) != 0)
		PyErr_Clear();
	Py_XDECREF(k);
	Py_INCREF(to);
	w->tree = to;
	Py_DECREF(from);
}

/* After the root of tree `from` has been added to a container in tree `to`:
 * every wrapper in `wrappers` (the values of from's registry, taken before
 * the library call so that nothing can fail after it) moves to `to`. */
static void
tree_merge(Tree *from, PyObject *wrappers, Tree *to)
{
	Py_ssize_t i, n = PyList_GET_SIZE(wrappers);
	Py_INCREF(from);
	from->kind = ROOT_NONE;
	from->root = NULL;
	for (i = 0; i < n; i++)
		wrap_move((Wrap *)PyLong_AsVoidPtr(PyList_GET_ITEM(wrappers, i)), to);
	Py_DECREF(from);
}

static int
move_subtree(upl_node *node, Tree *from, Tree *to)
{
	Wrap *w = tree_lookup(from, node);
	size_t i, n = upl_node_child_count(node);
	if (w != NULL)
		wrap_move(w, to);
	else if (PyErr_Occurred())
		return -1;
	for (i = 0; i < n; i++)
		if (move_subtree(upl_node_child(node, i), from, to) != 0)
			return -1;
	return 0;
}

/* After `root` (a plan or a node, of kind ROOT_PLAN/ROOT_NODE) has been
 * taken out of tree `from`: a new Tree owns it and the wrappers of its
 * subtree move there. When that fails half way (out of memory), the root is
 * left unowned (leaked) rather than freed under wrappers still in `from`. */
static Tree *
tree_split(Tree *from, int kind, void *root)
{
	Tree *t = tree_new(kind, root);
	int rc = 0;
	size_t i;
	if (t == NULL)
		return NULL; /* leaked: wrappers in `from` may point into it */
	if (kind == ROOT_NODE) {
		rc = move_subtree(root, from, t);
	} else {
		Wrap *w = tree_lookup(from, root);
		if (w != NULL)
			wrap_move(w, t);
		else if (PyErr_Occurred())
			rc = -1;
		for (i = 0; rc == 0 && i < upl_plan_block_count(root); i++)
			rc = move_subtree(upl_plan_block(root, i), from, t);
	}
	if (rc != 0) {
		t->root = NULL;
		t->kind = ROOT_NONE;
		Py_DECREF(t);
		return NULL;
	}
	return t;
}

static PyTypeObject *
node_type_of(const upl_node *n)
{
	switch (upl_node_kind(n)) {
	case UPL_NODE_SECTION: return &SectionType;
	case UPL_NODE_ITEM: return &ItemType;
	case UPL_NODE_PARAGRAPH: return &ParagraphType;
	case UPL_NODE_NOTE: return &NoteType;
	case UPL_NODE_SCHEDULE: return &ScheduleType;
	case UPL_NODE_MONTH: return &MonthType;
	case UPL_NODE_ACTIVITY: return &ActivityType;
	default: return &NodeType;
	}
}

/* The wrapper of ptr (in tree t), made when there is none. New reference. */
static PyObject *
wrap_get(Tree *t, void *ptr, PyTypeObject *type)
{
	Wrap *w;
	if (ptr == NULL)
		Py_RETURN_NONE;
	w = tree_lookup(t, ptr);
	if (w != NULL) {
		Py_INCREF(w);
		return (PyObject *)w;
	}
	if (PyErr_Occurred())
		return NULL;
	w = PyObject_New(Wrap, type);
	if (w == NULL)
		return NULL;
	w->ptr = ptr;
	w->weaklist = NULL;
	Py_INCREF(t);
	w->tree = t;
	if (tree_register(t, w) != 0) {
		w->ptr = NULL;
		Py_DECREF(w);
		return NULL;
	}
	return (PyObject *)w;
}

static PyObject *
wrap_node(Tree *t, upl_node *n)
{
	return wrap_get(t, n, node_type_of(n));
}

static void
wrap_dealloc(Wrap *w)
{
	if (w->weaklist != NULL)
		PyObject_ClearWeakRefs((PyObject *)w);
	if (w->tree != NULL) {
		PyObject *et, *ev, *tb, *k;
		PyErr_Fetch(&et, &ev, &tb);
		k = PyLong_FromVoidPtr(w->ptr);
		if (k != NULL && tree_lookup(w->tree, w->ptr) == w &&
		    PyDict_DelItem(w->tree->wrappers, k) != 0)
			PyErr_Clear();
		PyErr_Clear();
		Py_XDECREF(k);
		PyErr_Restore(et, ev, tb);
		Py_CLEAR(w->tree);
	}
	Py_TYPE(w)->tp_free((PyObject *)w);
}

/* A new wrapper of type `type` for an object that the caller owns and that
 * is the root of a new tree. */
static PyObject *
wrap_new_root(int kind, void *root, PyTypeObject *type)
{
	Tree *t = tree_new(kind, root);
	PyObject *w;
	if (t == NULL) {
		tree_free_root(kind, root);
		return NULL;
	}
	w = wrap_get(t, root, type);
	Py_DECREF(t);
	return w;
}

PyObject *
upy_document_wrap(upl_doc *doc)
{
	return wrap_new_root(ROOT_DOC, doc, &DocumentType);
}

/* ------------------------------------------------------------------------ */
/* Argument helpers                                                         */

/* A str (or None) for the library: UTF-8, no NUL, only characters XML 1.0
 * can hold. *out is NULL for None. */
static int
text_arg(PyObject *v, const char **out, const char *what)
{
	Py_ssize_t i, n;
	if (v == NULL) {
		PyErr_Format(PyExc_AttributeError, "cannot delete %s (set it to None)", what);
		return -1;
	}
	if (v == Py_None) {
		*out = NULL;
		return 0;
	}
	if (!PyUnicode_Check(v)) {
		PyErr_Format(PyExc_TypeError, "%s must be a str or None, not %.100s", what,
			     Py_TYPE(v)->tp_name);
		return -1;
	}
	n = PyUnicode_GET_LENGTH(v);
	for (i = 0; i < n; i++) {
		Py_UCS4 c = PyUnicode_READ_CHAR(v, i);
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF ||
		    (c >= 0xD800 && c <= 0xDFFF)) {
			char cp[16];
			snprintf(cp, sizeof cp, "U+%04X", (unsigned int)c);
			PyErr_Format(PyExc_ValueError,
				     "%s holds %s at position %zd, which XML cannot carry", what, cp, i);
			return -1;
		}
	}
	*out = PyUnicode_AsUTF8(v);
	return *out ? 0 : -1;
}

/* An int or None (-> dflt) within lo..hi. */
static int
int_arg(PyObject *v, int *out, int dflt, long lo, long hi, const char *what)
{
	long x;
	if (v == NULL) {
		PyErr_Format(PyExc_AttributeError, "cannot delete %s (set it to None)", what);
		return -1;
	}
	if (v == Py_None) {
		*out = dflt;
		return 0;
	}
	if (!PyLong_Check(v) || PyBool_Check(v)) {
		PyErr_Format(PyExc_TypeError, "%s must be an int or None, not %.100s", what,
			     Py_TYPE(v)->tp_name);
		return -1;
	}
	x = PyLong_AsLong(v);
	if (x == -1 && PyErr_Occurred()) {
		PyErr_Clear();
		x = hi + 1;
	}
	if (x < lo || x > hi) {
		PyErr_Format(PyExc_ValueError, "%s must be in %ld..%ld, not %R", what, lo, hi, v);
		return -1;
	}
	*out = (int)x;
	return 0;
}

static PyObject *
str_or_none(const char *s)
{
	if (s == NULL)
		Py_RETURN_NONE;
	return PyUnicode_FromString(s);
}

static PyObject *
int_or_none(int v, int none)
{
	if (v == none)
		Py_RETURN_NONE;
	return PyLong_FromLong(v);
}

/* A library failure on a setter: EINVAL is the value's fault. */
static int
set_failed(int rc, const char *what, PyObject *v)
{
	if (rc == UPL_ENOMEM)
		PyErr_NoMemory();
	else
		PyErr_Format(PyExc_ValueError, "invalid %s: %R", what, v);
	return -1;
}

/* ------------------------------------------------------------------------ */
/* Nodes: attributes                                                        */

enum { F_TEXT, F_HEADING, F_LABEL };

static PyObject *
node_get_str(Wrap *self, void *closure)
{
	switch ((int)(intptr_t)closure) {
	case F_TEXT: return str_or_none(upl_node_text(NODE(self)));
	case F_HEADING: return str_or_none(upl_node_heading(NODE(self)));
	default: return str_or_none(upl_node_label(NODE(self)));
	}
}

static int
node_set_str(Wrap *self, PyObject *v, void *closure)
{
	static const char *names[] = { "text", "heading", "label" };
	int f = (int)(intptr_t)closure, rc;
	const char *s;
	if (tree_check_writable(self->tree) != 0 || text_arg(v, &s, names[f]) != 0)
		return -1;
	if (f == F_TEXT)
		rc = upl_node_set_text(NODE(self), s);
	else if (f == F_HEADING)
		rc = upl_node_set_heading(NODE(self), s);
	else
		rc = upl_node_set_label(NODE(self), s);
	return rc ? set_failed(rc, names[f], v) : 0;
}

static PyObject *
node_get_kind(Wrap *self, void *c)
{
	(void)c;
	return str_or_none(upl_kind_name(upl_node_kind(NODE(self))));
}

static PyObject *
node_get_line(Wrap *self, void *c)
{
	(void)c;
	return int_or_none((int)upl_node_line(NODE(self)), 0);
}

static PyObject *
node_get_column(Wrap *self, void *c)
{
	(void)c;
	return int_or_none((int)upl_node_column(NODE(self)), 0);
}

static PyObject *
node_get_parent(Wrap *self, void *c)
{
	upl_node *p = upl_node_parent(NODE(self));
	(void)c;
	if (p != NULL)
		return wrap_node(self->tree, p);
	return wrap_get(self->tree, upl_node_plan(NODE(self)), &PlanType);
}

static PyObject *
node_get_plan(Wrap *self, void *c)
{
	(void)c;
	return wrap_get(self->tree, upl_node_plan(NODE(self)), &PlanType);
}

static PyObject *
node_get_children(Wrap *self, void *c)
{
	size_t i, n = upl_node_child_count(NODE(self));
	PyObject *list = PyList_New((Py_ssize_t)n);
	(void)c;
	for (i = 0; list != NULL && i < n; i++) {
		PyObject *w = wrap_node(self->tree, upl_node_child(NODE(self), i));
		if (w == NULL)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, (Py_ssize_t)i, w);
	}
	return list;
}

static PyObject *
node_get_number(Wrap *self, void *c)
{
	(void)c;
	return int_or_none(upl_node_number(NODE(self)), -1);
}

static int
node_set_number(Wrap *self, PyObject *v, void *c)
{
	int n, rc;
	(void)c;
	if (tree_check_writable(self->tree) != 0 || int_arg(v, &n, -1, 0, 1000000000L, "number") != 0)
		return -1;
	rc = upl_node_set_number(NODE(self), n);
	return rc ? set_failed(rc, "number", v) : 0;
}

static PyObject *
node_get_level(Wrap *self, void *c)
{
	(void)c;
	return int_or_none(upl_node_level(NODE(self)), 0);
}

static int
node_set_level(Wrap *self, PyObject *v, void *c)
{
	int n, rc;
	(void)c;
	if (tree_check_writable(self->tree) != 0 || int_arg(v, &n, 0, 1, 9, "level") != 0)
		return -1;
	rc = upl_node_set_level(NODE(self), n);
	return rc ? set_failed(rc, "level", v) : 0;
}

static PyObject *
node_get_role(Wrap *self, void *c)
{
	(void)c;
	return str_or_none(upl_role_name(upl_node_role(NODE(self))));
}

static int
node_set_role(Wrap *self, PyObject *v, void *c)
{
	const char *s;
	upl_role r = UPL_ROLE_NONE;
	(void)c;
	if (tree_check_writable(self->tree) != 0 || text_arg(v, &s, "role") != 0)
		return -1;
	if (s != NULL && (r = upl_role_from_name(s)) == UPL_ROLE_NONE) {
		PyErr_Format(PyExc_ValueError,
			     "unknown role %R (guidance, goals, tasks, schedule, routine, notes, appendix)",
			     v);
		return -1;
	}
	return upl_node_set_role(NODE(self), r) ? set_failed(UPL_EINVAL, "role", v) : 0;
}

/* Month: month, to, year */
enum { M_MONTH, M_TO, M_YEAR };

static PyObject *
month_get(Wrap *self, void *closure)
{
	switch ((int)(intptr_t)closure) {
	case M_MONTH: return int_or_none(upl_node_month(NODE(self)), 0);
	case M_TO: return int_or_none(upl_node_month_to(NODE(self)), 0);
	default: return int_or_none(upl_node_year(NODE(self)), 0);
	}
}

static int
month_set(Wrap *self, PyObject *v, void *closure)
{
	int f = (int)(intptr_t)closure;
	int m = upl_node_month(NODE(self)), to = upl_node_month_to(NODE(self));
	int y = upl_node_year(NODE(self)), rc;
	if (tree_check_writable(self->tree) != 0)
		return -1;
	if (f == M_MONTH)
		rc = int_arg(v, &m, -1, 1, 12, "month");
	else if (f == M_TO)
		rc = int_arg(v, &to, 0, 1, 12, "to");
	else
		rc = int_arg(v, &y, 0, 1, 9999, "year");
	if (rc != 0)
		return -1;
	if (m < 1) {
		PyErr_SetString(PyExc_ValueError, "a month entry needs its month (1..12)");
		return -1;
	}
	rc = upl_node_set_month(NODE(self), m, to, y);
	return rc ? set_failed(rc, "month", v) : 0;
}

/* Activity: date, monthday, holiday, relation */
static PyObject *
act_get_date(Wrap *self, void *c)
{
	(void)c;
	return upy_date_new(upl_node_date(NODE(self)));
}

static int
act_set_date(Wrap *self, PyObject *v, void *c)
{
	upl_date d = UPL_DATE_INIT;
	(void)c;
	if (tree_check_writable(self->tree) != 0)
		return -1;
	if (v == NULL) {
		PyErr_SetString(PyExc_AttributeError, "cannot delete date (set it to None)");
		return -1;
	}
	if (v != Py_None && upy_date_from(v, &d) != 0)
		return -1;
	return upl_node_set_date(NODE(self), d) ? set_failed(UPL_EINVAL, "date", v) : 0;
}

static PyObject *
act_get_monthday(Wrap *self, void *c)
{
	upl_date d = upl_node_date(NODE(self));
	(void)c;
	if (d.month == 0)
		Py_RETURN_NONE;
	return Py_BuildValue("(ii)", d.month, d.day);
}

static int
act_set_monthday(Wrap *self, PyObject *v, void *c)
{
	upl_date d = UPL_DATE_INIT;
	(void)c;
	if (tree_check_writable(self->tree) != 0)
		return -1;
	if (v == NULL) {
		PyErr_SetString(PyExc_AttributeError, "cannot delete monthday (set it to None)");
		return -1;
	}
	if (v != Py_None && (!PyTuple_Check(v) || !PyArg_ParseTuple(v, "ii", &d.month, &d.day))) {
		if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_TypeError)) {
			PyErr_Clear();
			PyErr_SetString(PyExc_TypeError, "monthday must be a (month, day) tuple or None");
		}
		return -1;
	}
	if (v != Py_None && !upl_date_is_valid_monthday(d)) {
		PyErr_Format(PyExc_ValueError, "no such day: %R", v);
		return -1;
	}
	return upl_node_set_date(NODE(self), d) ? set_failed(UPL_EINVAL, "monthday", v) : 0;
}

static PyObject *
act_get_holiday(Wrap *self, void *c)
{
	(void)c;
	return str_or_none(upl_node_holiday(NODE(self)));
}

static int
act_set_holiday(Wrap *self, PyObject *v, void *c)
{
	const char *s;
	int rc;
	(void)c;
	if (tree_check_writable(self->tree) != 0 || text_arg(v, &s, "holiday") != 0)
		return -1;
	if (s != NULL && !upl_holiday_key_is_valid(s)) {
		PyErr_Format(PyExc_ValueError, "unknown holiday key %R (see unionplan.holiday_keys())", v);
		return -1;
	}
	rc = upl_node_set_holiday(NODE(self), s);
	return rc ? set_failed(rc, "holiday", v) : 0;
}

static PyObject *
act_get_relation(Wrap *self, void *c)
{
	(void)c;
	return str_or_none(upl_relation_name(upl_node_relation(NODE(self))));
}

static int
act_set_relation(Wrap *self, PyObject *v, void *c)
{
	const char *s;
	upl_relation r = UPL_RELATION_NONE;
	(void)c;
	if (tree_check_writable(self->tree) != 0 || text_arg(v, &s, "relation") != 0)
		return -1;
	if (s != NULL && (r = upl_relation_from_name(s)) == UPL_RELATION_NONE) {
		PyErr_Format(PyExc_ValueError, "unknown relation %R (on, before, after, during)", v);
		return -1;
	}
	return upl_node_set_relation(NODE(self), r) ? set_failed(UPL_EINVAL, "relation", v) : 0;
}

/* ------------------------------------------------------------------------ */
/* Editing: add, insert, remove (shared by Document, Plan and nodes)         */

/* The detached wrapper `child` of the expected kind, or an exception. */
static Wrap *
child_arg(PyObject *child, PyTypeObject *type, const char *what)
{
	if (!PyObject_TypeCheck(child, type)) {
		PyErr_Format(PyExc_TypeError, "expected %s, not %.100s", what, Py_TYPE(child)->tp_name);
		return NULL;
	}
	return (Wrap *)child;
}

enum { C_DOC, C_PLAN, C_NODE };

static int
container_kind(Wrap *self)
{
	if (PyObject_TypeCheck(self, &DocumentType))
		return C_DOC;
	if (PyObject_TypeCheck(self, &PlanType))
		return C_PLAN;
	return C_NODE;
}

static size_t
container_count(Wrap *self)
{
	switch (container_kind(self)) {
	case C_DOC: return upl_doc_plan_count(DOC(self));
	case C_PLAN: return upl_plan_block_count(PLAN(self));
	default: return upl_node_child_count(NODE(self));
	}
}

static void *
container_at(Wrap *self, size_t i)
{
	switch (container_kind(self)) {
	case C_DOC: return upl_doc_plan(DOC(self), i);
	case C_PLAN: return upl_plan_block(PLAN(self), i);
	default: return upl_node_child(NODE(self), i);
	}
}

static int
is_attached(Wrap *child)
{
	if (PyObject_TypeCheck(child, &PlanType))
		return upl_plan_doc(PLAN(child)) != NULL;
	return upl_node_parent(NODE(child)) != NULL || upl_node_plan(NODE(child)) != NULL;
}

static PyObject *
refuse_child(Wrap *self, Wrap *child)
{
	const char *ck = PyObject_TypeCheck(child, &PlanType) ? "plan"
			 : upl_kind_name(upl_node_kind(NODE(child)));
	const char *pk;
	if (is_attached(child))
		return PyErr_Format(PyExc_ValueError,
				    "this %s already belongs to a %s: remove it first, or add a copy()",
				    ck, PyObject_TypeCheck(child, &PlanType) ? "document" : "plan or node");
	pk = container_kind(self) == C_PLAN ? "plan's body" : upl_kind_name(upl_node_kind(NODE(self)));
	return PyErr_Format(PyExc_ValueError, "a %s cannot hold a %s here", pk, ck);
}

/* Insert child at index i (i == count appends) and merge its tree. */
static PyObject *
container_insert(Wrap *self, size_t i, PyObject *childobj)
{
	int kind = container_kind(self), rc;
	PyObject *wrappers;
	Wrap *child = child_arg(childobj, kind == C_DOC ? &PlanType : &NodeType,
				kind == C_DOC ? "a Plan" : "a Node");
	if (child == NULL || tree_check_writable(self->tree) != 0 ||
	    tree_check_writable(child->tree) != 0)
		return NULL;
	if (child->tree == self->tree || child->tree->root != child->ptr)
		return refuse_child(self, child);
	wrappers = PyDict_Values(child->tree->wrappers);
	if (wrappers == NULL)
		return NULL;
	if (kind == C_DOC)
		rc = upl_doc_plan_insert(DOC(self), i, PLAN(child));
	else if (kind == C_PLAN)
		rc = upl_plan_block_insert(PLAN(self), i, NODE(child));
	else
		rc = upl_node_child_insert(NODE(self), i, NODE(child));
	if (rc != 0) {
		Py_DECREF(wrappers);
		return rc == UPL_ENOMEM ? PyErr_NoMemory() : refuse_child(self, child);
	}
	tree_merge(child->tree, wrappers, self->tree);
	Py_DECREF(wrappers);
	Py_INCREF(childobj);
	return childobj;
}

static PyObject *
meth_add(Wrap *self, PyObject *child)
{
	return container_insert(self, container_count(self), child);
}

static PyObject *
meth_insert(Wrap *self, PyObject *args)
{
	Py_ssize_t i, n = (Py_ssize_t)container_count(self);
	PyObject *child;
	if (!PyArg_ParseTuple(args, "nO:insert", &i, &child))
		return NULL;
	if (i < 0)
		i = i + n < 0 ? 0 : i + n;
	if (i > n)
		i = n;
	return container_insert(self, (size_t)i, child);
}

/* Index of the child given as an int or as the child itself. */
static int
child_index(Wrap *self, PyObject *which, size_t *out)
{
	size_t i, n = container_count(self);
	if (PyLong_Check(which)) {
		Py_ssize_t k = PyLong_AsSsize_t(which);
		if (k == -1 && PyErr_Occurred())
			return -1;
		if (k < 0)
			k += (Py_ssize_t)n;
		if (k < 0 || (size_t)k >= n) {
			PyErr_SetString(PyExc_IndexError, "index out of range");
			return -1;
		}
		*out = (size_t)k;
		return 0;
	}
	if (PyObject_TypeCheck(which, &PlanType) || PyObject_TypeCheck(which, &NodeType)) {
		for (i = 0; i < n; i++)
			if (container_at(self, i) == ((Wrap *)which)->ptr) {
				*out = i;
				return 0;
			}
		PyErr_SetString(PyExc_ValueError, "not held by this object");
		return -1;
	}
	PyErr_Format(PyExc_TypeError, "remove() takes an index or a child, not %.100s",
		     Py_TYPE(which)->tp_name);
	return -1;
}

static PyObject *
meth_remove(Wrap *self, PyObject *which)
{
	int kind = container_kind(self);
	size_t i;
	void *out = NULL;
	Tree *t;
	PyObject *res;
	if (tree_check_writable(self->tree) != 0 || child_index(self, which, &i) != 0)
		return NULL;
	if (kind == C_DOC)
		upl_doc_plan_remove(DOC(self), i, (upl_plan **)&out);
	else if (kind == C_PLAN)
		upl_plan_block_remove(PLAN(self), i, (upl_node **)&out);
	else
		upl_node_child_remove(NODE(self), i, (upl_node **)&out);
	t = tree_split(self->tree, kind == C_DOC ? ROOT_PLAN : ROOT_NODE, out);
	if (t == NULL)
		return NULL;
	res = kind == C_DOC ? wrap_get(t, out, &PlanType) : wrap_node(t, out);
	Py_DECREF(t);
	return res;
}

/* Make an object of `type` from args/kw and add it to self. */
static PyObject *
build_and_add(Wrap *self, PyTypeObject *type, PyObject *args, PyObject *kw)
{
	PyObject *obj = PyObject_Call((PyObject *)type, args, kw), *res;
	if (obj == NULL)
		return NULL;
	res = meth_add(self, obj);
	Py_DECREF(obj);
	return res;
}

#define BUILDER(fname, type)                                                       \
	static PyObject *fname(Wrap *self, PyObject *args, PyObject *kw)           \
	{                                                                          \
		return build_and_add(self, &type, args, kw);                       \
	}
BUILDER(add_section, SectionType)
BUILDER(add_item, ItemType)
BUILDER(add_paragraph, ParagraphType)
BUILDER(add_note, NoteType)
BUILDER(add_schedule, ScheduleType)
BUILDER(add_month, MonthType)
BUILDER(add_activity, ActivityType)
BUILDER(add_plan, PlanType)

#define KW (METH_VARARGS | METH_KEYWORDS)
#define F(f) ((PyCFunction)(void (*)(void))(f))

/* ------------------------------------------------------------------------ */
/* Nodes: construction, copies, repr                                        */

/* Set each keyword argument as an attribute (so the setters check them). */
static int
set_keywords(PyObject *self, PyObject *kw)
{
	PyObject *k, *v;
	Py_ssize_t pos = 0;
	if (kw == NULL)
		return 0;
	while (PyDict_Next(kw, &pos, &k, &v)) {
		if (PyObject_SetAttr(self, k, v) != 0) {
			if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
				PyErr_Clear();
				PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument %R",
					     Py_TYPE(self)->tp_name, k);
			}
			return -1;
		}
	}
	return 0;
}

static upl_kind
kind_of_type(PyTypeObject *type)
{
	if (PyType_IsSubtype(type, &SectionType)) return UPL_NODE_SECTION;
	if (PyType_IsSubtype(type, &ItemType)) return UPL_NODE_ITEM;
	if (PyType_IsSubtype(type, &ParagraphType)) return UPL_NODE_PARAGRAPH;
	if (PyType_IsSubtype(type, &NoteType)) return UPL_NODE_NOTE;
	if (PyType_IsSubtype(type, &ScheduleType)) return UPL_NODE_SCHEDULE;
	if (PyType_IsSubtype(type, &MonthType)) return UPL_NODE_MONTH;
	if (PyType_IsSubtype(type, &ActivityType)) return UPL_NODE_ACTIVITY;
	return 0;
}

/* Section(heading=None, **attrs), Item(text=None, **attrs), Paragraph(text,
 * **attrs), Note(text, **attrs), Schedule(heading=None, **attrs),
 * Month(month, **attrs), Activity(text, **attrs). */
static PyObject *
node_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
	upl_kind kind = kind_of_type(type);
	upl_node *n = NULL;
	PyObject *self, *first = NULL;
	const char *firstname = (kind == UPL_NODE_SECTION || kind == UPL_NODE_SCHEDULE) ? "heading"
				: kind == UPL_NODE_MONTH ? "month" : "text";
	if (kind == 0) {
		PyErr_SetString(PyExc_TypeError, "Node is abstract: make a Section, Item, Paragraph, "
				"Note, Schedule, Month or Activity");
		return NULL;
	}
	if (!PyArg_UnpackTuple(args, type->tp_name, 0, 1, &first))
		return NULL;
	if (upl_node_new(&n, kind) != 0)
		return PyErr_NoMemory();
	self = wrap_new_root(ROOT_NODE, n, type);
	if (self == NULL)
		return NULL;
	if (first == NULL && kw != NULL && kind == UPL_NODE_MONTH)
		first = PyDict_GetItemString(kw, "month");
	if (first == NULL && kind == UPL_NODE_MONTH) {
		Py_DECREF(self);
		return PyErr_Format(PyExc_TypeError, "Month() needs the month (1..12)");
	}
	if (first != NULL && PyObject_SetAttrString(self, firstname, first) != 0) {
		Py_DECREF(self);
		return NULL;
	}
	if (set_keywords(self, kw) != 0) {
		Py_DECREF(self);
		return NULL;
	}
	return self;
}

static PyObject *
node_copy(Wrap *self, PyObject *unused)
{
	upl_node *n = NULL;
	(void)unused;
	if (upl_node_clone(&n, NODE(self)) != 0)
		return PyErr_NoMemory();
	return wrap_new_root(ROOT_NODE, n, Py_TYPE(self));
}

static PyObject *
node_deepcopy(Wrap *self, PyObject *memo)
{
	(void)memo;
	return node_copy(self, NULL);
}

static PyObject *
node_reduce(Wrap *self, PyObject *unused)
{
	(void)self;
	(void)unused;
	PyErr_SetString(PyExc_TypeError, "a node cannot be pickled on its own: pickle its Plan or Document");
	return NULL;
}

/* A short excerpt of the node's text for repr. */
static PyObject *
node_repr(Wrap *self)
{
	const char *t = upl_node_text(NODE(self));
	PyObject *text, *res;
	if (t == NULL)
		t = upl_node_heading(NODE(self));
	if (t == NULL)
		t = upl_node_label(NODE(self));
	if (t == NULL)
		return PyUnicode_FromFormat("<unionplan.%s>", Py_TYPE(self)->tp_name + 10);
	text = PyUnicode_FromString(t);
	if (text == NULL)
		return NULL;
	if (PyUnicode_GET_LENGTH(text) > 24) {
		PyObject *cut = PyUnicode_Substring(text, 0, 24);
		Py_DECREF(text);
		if (cut == NULL)
			return NULL;
		text = PyUnicode_FromFormat("%U…", cut);
		Py_DECREF(cut);
		if (text == NULL)
			return NULL;
	}
	if (upl_node_line(NODE(self)) != 0)
		res = PyUnicode_FromFormat("<unionplan.%s %R line %u>", Py_TYPE(self)->tp_name + 10,
					   text, upl_node_line(NODE(self)));
	else
		res = PyUnicode_FromFormat("<unionplan.%s %R>", Py_TYPE(self)->tp_name + 10, text);
	Py_DECREF(text);
	return res;
}

static PyMethodDef node_methods[] = {
	{ "add", (PyCFunction)meth_add, METH_O,
	  "add(child) -> child\n\nAppend a detached node (made by a constructor, removed, or "
	  "copied) as the last child. ValueError when this node cannot hold it or it already "
	  "belongs somewhere." },
	{ "insert", (PyCFunction)meth_insert, METH_VARARGS,
	  "insert(index, child) -> child\n\nInsert a detached node before position index." },
	{ "remove", (PyCFunction)meth_remove, METH_O,
	  "remove(child_or_index) -> child\n\nTake a child out; it stays usable, detached." },
	{ "copy", (PyCFunction)node_copy, METH_NOARGS,
	  "copy() -> node\n\nA deep, detached copy (without source positions)." },
	{ "__copy__", (PyCFunction)node_copy, METH_NOARGS, NULL },
	{ "__deepcopy__", (PyCFunction)node_deepcopy, METH_O, NULL },
	{ "__reduce__", (PyCFunction)node_reduce, METH_NOARGS, NULL },
	{ NULL, NULL, 0, NULL }
};

static PyMethodDef section_methods[] = {
	{ "add_section", F(add_section), KW, "add_section(heading=None, **attrs) -> Section" },
	{ "add_item", F(add_item), KW, "add_item(text=None, **attrs) -> Item" },
	{ "add_paragraph", F(add_paragraph), KW, "add_paragraph(text, **attrs) -> Paragraph" },
	{ "add_schedule", F(add_schedule), KW, "add_schedule(heading=None, **attrs) -> Schedule" },
	{ "add_note", F(add_note), KW, "add_note(text, **attrs) -> Note" },
	{ NULL, NULL, 0, NULL }
};

static PyMethodDef item_methods[] = {
	{ "add_item", F(add_item), KW, "add_item(text=None, **attrs) -> Item" },
	{ "add_paragraph", F(add_paragraph), KW, "add_paragraph(text, **attrs) -> Paragraph" },
	{ NULL, NULL, 0, NULL }
};

static PyMethodDef schedule_methods[] = {
	{ "add_month", F(add_month), KW, "add_month(month, **attrs) -> Month" },
	{ NULL, NULL, 0, NULL }
};

static PyMethodDef month_methods[] = {
	{ "add_activity", F(add_activity), KW, "add_activity(text, **attrs) -> Activity" },
	{ NULL, NULL, 0, NULL }
};

#define GS_STR(name, f, doc) { name, (getter)node_get_str, (setter)node_set_str, doc, (void *)(intptr_t)(f) }
#define GS_TEXT GS_STR("text", F_TEXT, "The text as written (str), or None.")
#define GS_HEADING GS_STR("heading", F_HEADING, "The heading text, or None.")
#define GS_LABEL GS_STR("label", F_LABEL, "The label as written (（一）．, 九月：), or None.")
#define GS_NUMBER { "number", (getter)node_get_number, (setter)node_set_number, \
		    "The parsed number of the label (int), or None.", NULL }

static PyGetSetDef node_getset[] = {
	{ "kind", (getter)node_get_kind, NULL,
	  "The element name: section, item, p, note, schedule, month or activity.", NULL },
	{ "line", (getter)node_get_line, NULL, "1-based line in the source file, or None.", NULL },
	{ "column", (getter)node_get_column, NULL,
	  "1-based column (characters) in the source file, or None.", NULL },
	{ "parent", (getter)node_get_parent, NULL,
	  "The parent node; the Plan for a body block; None when detached.", NULL },
	{ "plan", (getter)node_get_plan, NULL, "The plan this node belongs to, or None.", NULL },
	{ "children", (getter)node_get_children, NULL, "The child nodes, in order (a new list).", NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

static PyGetSetDef section_getset[] = {
	GS_LABEL, GS_NUMBER, GS_HEADING,
	{ "level", (getter)node_get_level, (setter)node_set_level,
	  "Heading level (1 = 一、, 2 = （一）, 3 = 1．, 4 = （1）...), or None.", NULL },
	{ "role", (getter)node_get_role, (setter)node_set_role,
	  "guidance, goals, tasks, schedule, routine, notes, appendix, or None.", NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

static PyGetSetDef item_getset[] = { GS_LABEL, GS_NUMBER, GS_HEADING, GS_TEXT,
				     { NULL, NULL, NULL, NULL, NULL } };
static PyGetSetDef paragraph_getset[] = { GS_TEXT, GS_LABEL, { NULL, NULL, NULL, NULL, NULL } };
static PyGetSetDef note_getset[] = { GS_TEXT, GS_LABEL, GS_NUMBER, { NULL, NULL, NULL, NULL, NULL } };
static PyGetSetDef schedule_getset[] = {
	GS_HEADING,
	{ "months", (getter)node_get_children, NULL, "The Month entries, in order.", NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};
static PyGetSetDef month_getset[] = {
	{ "month", (getter)month_get, (setter)month_set, "The month, 1..12.", (void *)M_MONTH },
	{ "to", (getter)month_get, (setter)month_set,
	  "The last month of a span (七、八月 gives 8), or None.", (void *)M_TO },
	{ "year", (getter)month_get, (setter)month_set,
	  "The year, or None when the plan does not say (xx年).", (void *)M_YEAR },
	GS_LABEL,
	{ "activities", (getter)node_get_children, NULL, "The activities, in order.", NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};
static PyGetSetDef activity_getset[] = {
	GS_TEXT, GS_LABEL, GS_NUMBER,
	{ "date", (getter)act_get_date, (setter)act_set_date,
	  "The date (datetime.date), or None (also when only month and day are known: see monthday).",
	  NULL },
	{ "monthday", (getter)act_get_monthday, (setter)act_set_monthday,
	  "(month, day) of the date, also when the year is not known; or None.", NULL },
	{ "holiday", (getter)act_get_holiday, (setter)act_set_holiday,
	  "The holiday key the activity refers to (mid-autumn), or None.", NULL },
	{ "relation", (getter)act_get_relation, (setter)act_set_relation,
	  "on, before, after or during the holiday, or None.", NULL },
	{ "month", (getter)node_get_parent, NULL, "The Month entry holding the activity, or None.", NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

/* ------------------------------------------------------------------------ */
/* Plans                                                                    */

enum { P_TITLE, P_ORG, P_DOCNUMBER, P_LANG, P_ISSUED_TEXT };

static PyObject *
plan_get_str(Wrap *self, void *closure)
{
	upl_plan *p = PLAN(self);
	switch ((int)(intptr_t)closure) {
	case P_TITLE: return str_or_none(upl_plan_title(p));
	case P_ORG: return str_or_none(upl_plan_organization(p));
	case P_DOCNUMBER: return str_or_none(upl_plan_docnumber(p));
	case P_LANG: return str_or_none(upl_plan_lang(p));
	default: return str_or_none(upl_plan_issued_text(p));
	}
}

static int
plan_set_str(Wrap *self, PyObject *v, void *closure)
{
	static const char *names[] = { "title", "organization", "docnumber", "lang", "issued_text" };
	int f = (int)(intptr_t)closure, rc;
	upl_plan *p = PLAN(self);
	const char *s;
	if (tree_check_writable(self->tree) != 0 || text_arg(v, &s, names[f]) != 0)
		return -1;
	switch (f) {
	case P_TITLE: rc = upl_plan_set_title(p, s); break;
	case P_ORG: rc = upl_plan_set_organization(p, s); break;
	case P_DOCNUMBER: rc = upl_plan_set_docnumber(p, s); break;
	case P_LANG:
		if (s == NULL || upl_plan_set_lang(p, s) != 0) {
			PyErr_Format(PyExc_ValueError, "lang must be \"zh-Hans\" or \"zh-Hant\", not %R", v);
			return -1;
		}
		return 0;
	default: rc = upl_plan_set_issued(p, s, upl_plan_issued_date(p)); break;
	}
	return rc ? set_failed(rc, names[f], v) : 0;
}

static PyObject *
plan_get_issued(Wrap *self, void *c)
{
	(void)c;
	return upy_date_new(upl_plan_issued_date(PLAN(self)));
}

static int
plan_set_issued(Wrap *self, PyObject *v, void *c)
{
	upl_date d = UPL_DATE_INIT;
	(void)c;
	if (tree_check_writable(self->tree) != 0)
		return -1;
	if (v == NULL) {
		PyErr_SetString(PyExc_AttributeError, "cannot delete issued (set it to None)");
		return -1;
	}
	if (v != Py_None && upy_date_from(v, &d) != 0)
		return -1;
	return upl_plan_set_issued(PLAN(self), upl_plan_issued_text(PLAN(self)), d)
		       ? set_failed(UPL_EINVAL, "issued", v) : 0;
}

static PyObject *
plan_get_authors(Wrap *self, void *c)
{
	size_t i, n = upl_plan_author_count(PLAN(self));
	PyObject *list = PyList_New((Py_ssize_t)n);
	(void)c;
	for (i = 0; list != NULL && i < n; i++) {
		PyObject *s = PyUnicode_FromString(upl_plan_author(PLAN(self), i));
		if (s == NULL)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, (Py_ssize_t)i, s);
	}
	return list;
}

static int
plan_set_authors(Wrap *self, PyObject *v, void *c)
{
	PyObject *seq;
	Py_ssize_t i, n;
	const char *s;
	(void)c;
	if (tree_check_writable(self->tree) != 0)
		return -1;
	if (v == NULL || PyUnicode_Check(v)) {
		PyErr_SetString(PyExc_TypeError, "authors must be a list of str");
		return -1;
	}
	seq = PySequence_Fast(v, "authors must be a list of str");
	if (seq == NULL)
		return -1;
	n = PySequence_Fast_GET_SIZE(seq);
	for (i = 0; i < n; i++)
		if (text_arg(PySequence_Fast_GET_ITEM(seq, i), &s, "an author") != 0 || s == NULL) {
			if (!PyErr_Occurred())
				PyErr_SetString(PyExc_TypeError, "an author must be a str");
			Py_DECREF(seq);
			return -1;
		}
	while (upl_plan_author_count(PLAN(self)) > 0)
		upl_plan_author_remove(PLAN(self), 0);
	for (i = 0; i < n; i++) {
		text_arg(PySequence_Fast_GET_ITEM(seq, i), &s, "an author");
		if (upl_plan_author_add(PLAN(self), s) != 0) {
			Py_DECREF(seq);
			PyErr_NoMemory();
			return -1;
		}
	}
	Py_DECREF(seq);
	return 0;
}

static PyObject *
plan_get_period(Wrap *self, void *c)
{
	upl_period p = UPL_PERIOD_INIT;
	(void)c;
	if (upl_plan_period(PLAN(self), &p) != 0)
		Py_RETURN_NONE;
	return upy_tuple_new(upy_Period, "(s N N N N N)", upl_period_kind_name(p.kind),
			     upy_date_new(p.start), upy_date_new(p.end), int_or_none(p.schoolyear, 0),
			     int_or_none(p.term, 0), str_or_none(p.text));
}

/* An optional date attribute of a Period-like object. */
static int
period_date(PyObject *v, const char *name, upl_date *out)
{
	PyObject *d = PyObject_GetAttrString(v, name);
	int rc = 0;
	if (d == NULL)
		return -1;
	if (d != Py_None)
		rc = upy_date_from(d, out);
	Py_DECREF(d);
	return rc;
}

static int
period_int(PyObject *v, const char *name, int *out, long hi)
{
	PyObject *d = PyObject_GetAttrString(v, name);
	int rc;
	if (d == NULL)
		return -1;
	rc = int_arg(d, out, 0, 0, hi, name);
	Py_DECREF(d);
	return rc;
}

static int
plan_set_period(Wrap *self, PyObject *v, void *c)
{
	upl_period p = UPL_PERIOD_INIT;
	PyObject *kind = NULL, *text = NULL;
	const char *ks, *ts;
	int rc = -1;
	(void)c;
	if (tree_check_writable(self->tree) != 0)
		return -1;
	if (v == NULL || v == Py_None)
		return upl_plan_set_period(PLAN(self), NULL) ? set_failed(UPL_ENOMEM, "period", v) : 0;
	kind = PyObject_GetAttrString(v, "kind");
	text = kind ? PyObject_GetAttrString(v, "text") : NULL;
	if (text == NULL) {
		PyErr_Clear();
		PyErr_SetString(PyExc_TypeError, "period must be a unionplan.Period or None");
		goto out;
	}
	if (text_arg(kind, &ks, "period kind") != 0 || text_arg(text, &ts, "period text") != 0 ||
	    period_date(v, "start", &p.start) != 0 || period_date(v, "end", &p.end) != 0 ||
	    period_int(v, "schoolyear", &p.schoolyear, 9999) != 0 || period_int(v, "term", &p.term, 2) != 0)
		goto out;
	if (ks == NULL || (p.kind = upl_period_kind_from_name(ks)) == UPL_PERIOD_NONE) {
		PyErr_Format(PyExc_ValueError,
			     "unknown period kind %R (school-year, term, year, half-year, custom)", kind);
		goto out;
	}
	p.text = ts;
	rc = upl_plan_set_period(PLAN(self), &p);
	if (rc != 0)
		rc = set_failed(rc, "period", v);
out:
	Py_XDECREF(kind);
	Py_XDECREF(text);
	return rc;
}

static PyObject *
plan_get_source(Wrap *self, void *c)
{
	const char *f = upl_plan_source_file(PLAN(self)), *e = upl_plan_source_encoding(PLAN(self));
	(void)c;
	if (f == NULL && e == NULL)
		Py_RETURN_NONE;
	return upy_tuple_new(upy_Source, "(N N)", str_or_none(f), str_or_none(e));
}

static int
plan_set_source(Wrap *self, PyObject *v, void *c)
{
	const char *f = NULL, *e = NULL;
	(void)c;
	if (tree_check_writable(self->tree) != 0)
		return -1;
	if (v != NULL && v != Py_None) {
		if (!PyTuple_Check(v) || PyTuple_GET_SIZE(v) != 2) {
			PyErr_SetString(PyExc_TypeError, "source must be a Source(file, encoding) or None");
			return -1;
		}
		if (text_arg(PyTuple_GET_ITEM(v, 0), &f, "source file") != 0 ||
		    text_arg(PyTuple_GET_ITEM(v, 1), &e, "source encoding") != 0)
			return -1;
	}
	return upl_plan_set_source(PLAN(self), f, e) ? set_failed(UPL_ENOMEM, "source", v) : 0;
}

static PyObject *
plan_get_line(Wrap *self, void *c)
{
	(void)c;
	return int_or_none((int)upl_plan_line(PLAN(self)), 0);
}

static PyObject *
plan_get_column(Wrap *self, void *c)
{
	(void)c;
	return int_or_none((int)upl_plan_column(PLAN(self)), 0);
}

static PyObject *
plan_get_document(Wrap *self, void *c)
{
	(void)c;
	return wrap_get(self->tree, upl_plan_doc(PLAN(self)), &DocumentType);
}

/* Body blocks, optionally only those of one kind. */
static PyObject *
plan_blocks(Wrap *self, upl_kind only)
{
	size_t i, n = upl_plan_block_count(PLAN(self));
	PyObject *list = PyList_New(0);
	for (i = 0; list != NULL && i < n; i++) {
		upl_node *b = upl_plan_block(PLAN(self), i);
		PyObject *w;
		if (only != 0 && upl_node_kind(b) != only)
			continue;
		w = wrap_node(self->tree, b);
		if (w == NULL || PyList_Append(list, w) != 0)
			Py_CLEAR(list);
		Py_XDECREF(w);
	}
	return list;
}

static PyObject *
plan_get_body(Wrap *self, void *c)
{
	(void)c;
	return plan_blocks(self, 0);
}

static PyObject *
plan_get_sections(Wrap *self, void *c)
{
	(void)c;
	return plan_blocks(self, UPL_NODE_SECTION);
}

/* Every node of the kinds in mask, in document order. */
static PyObject *
plan_walk_mask(Wrap *self, unsigned int mask)
{
	upl_iter *it = NULL;
	upl_node *n;
	PyObject *list;
	if (upl_iter_new(&it, PLAN(self), mask) != 0)
		return PyErr_NoMemory();
	list = PyList_New(0);
	while (list != NULL) {
		PyObject *w;
		int rc = upl_iter_next(it, &n);
		if (rc == UPL_ITEROVER)
			break;
		if (rc != 0) {
			Py_CLEAR(list);
			PyErr_NoMemory();
			break;
		}
		w = wrap_node(self->tree, n);
		if (w == NULL || PyList_Append(list, w) != 0)
			Py_CLEAR(list);
		Py_XDECREF(w);
	}
	upl_iter_free(it);
	return list;
}

static PyObject *
plan_get_schedule(Wrap *self, void *c)
{
	(void)c;
	return plan_walk_mask(self, UPL_KIND_BIT(UPL_NODE_MONTH));
}

static PyObject *
plan_get_notes(Wrap *self, void *c)
{
	(void)c;
	return plan_walk_mask(self, UPL_KIND_BIT(UPL_NODE_NOTE));
}

static PyObject *
plan_activities(Wrap *self, PyObject *unused)
{
	(void)unused;
	return plan_walk_mask(self, UPL_KIND_BIT(UPL_NODE_ACTIVITY));
}

/* One kind given as an element name or a node type. */
static int
kind_bit(PyObject *k, unsigned int *mask)
{
	static const char *names[] = { NULL, "p", "section", "item", "schedule", "month", "activity", "note" };
	int i;
	if (PyType_Check(k) && (i = (int)kind_of_type((PyTypeObject *)k)) != 0) {
		*mask |= UPL_KIND_BIT(i);
		return 0;
	}
	if (PyUnicode_Check(k)) {
		const char *s = PyUnicode_AsUTF8(k);
		for (i = 1; s != NULL && i <= 7; i++)
			if (strcmp(s, names[i]) == 0 || (i == 1 && strcmp(s, "paragraph") == 0)) {
				*mask |= UPL_KIND_BIT(i);
				return 0;
			}
		if (s == NULL)
			return -1;
		PyErr_Format(PyExc_ValueError, "unknown node kind %R", k);
		return -1;
	}
	PyErr_SetString(PyExc_TypeError, "kinds are node types (unionplan.Section) or names (\"section\")");
	return -1;
}

static PyObject *
plan_walk(Wrap *self, PyObject *args)
{
	unsigned int mask = 0;
	Py_ssize_t i;
	for (i = 0; i < PyTuple_GET_SIZE(args); i++)
		if (kind_bit(PyTuple_GET_ITEM(args, i), &mask) != 0)
			return NULL;
	return plan_walk_mask(self, mask ? mask : UPL_KIND_ALL);
}

static PyObject *
plan_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
	upl_plan *p = NULL;
	PyObject *self, *title = NULL, *lang = NULL;
	const char *ls = NULL;
	int rc;
	if (!PyArg_UnpackTuple(args, "Plan", 0, 1, &title))
		return NULL;
	if (kw != NULL && (lang = PyDict_GetItemString(kw, "lang")) != NULL &&
	    text_arg(lang, &ls, "lang") != 0)
		return NULL;
	rc = upl_plan_new(&p, ls);
	if (rc == UPL_EINVAL)
		return PyErr_Format(PyExc_ValueError, "lang must be \"zh-Hans\" or \"zh-Hant\", not %R", lang);
	if (rc != 0)
		return PyErr_NoMemory();
	self = wrap_new_root(ROOT_PLAN, p, type);
	if (self == NULL)
		return NULL;
	if ((title != NULL && PyObject_SetAttrString(self, "title", title) != 0) ||
	    set_keywords(self, kw) != 0) {
		Py_DECREF(self);
		return NULL;
	}
	return self;
}

static PyObject *
plan_copy(Wrap *self, PyObject *unused)
{
	upl_plan *p = NULL;
	(void)unused;
	if (upl_plan_clone(&p, PLAN(self)) != 0)
		return PyErr_NoMemory();
	return wrap_new_root(ROOT_PLAN, p, Py_TYPE(self));
}

static PyObject *
plan_deepcopy(Wrap *self, PyObject *memo)
{
	(void)memo;
	return plan_copy(self, NULL);
}

/* Canonical XML of a document or a plan, with the GIL released. */
static PyObject *
write_xml(Wrap *self, int as_bytes)
{
	char *out = NULL;
	size_t len = 0;
	upl_error *err = NULL;
	int rc, is_doc = PyObject_TypeCheck(self, &DocumentType);
	PyObject *res;
	self->tree->busy++;
	Py_BEGIN_ALLOW_THREADS
	if (is_doc)
		rc = upl_doc_write_buffer(&out, &len, DOC(self), NULL, &err);
	else
		rc = upl_plan_write_buffer(&out, &len, PLAN(self), NULL, &err);
	Py_END_ALLOW_THREADS
	self->tree->busy--;
	if (rc != 0)
		return upy_raise(rc, err);
	res = as_bytes ? PyBytes_FromStringAndSize(out, (Py_ssize_t)len)
		       : PyUnicode_DecodeUTF8(out, (Py_ssize_t)len, "strict");
	upl_free(out);
	return res;
}

static PyObject *
meth_dumps(Wrap *self, PyObject *unused)
{
	(void)unused;
	return write_xml(self, 0);
}

static PyObject *
plan_reduce(Wrap *self, PyObject *unused)
{
	PyObject *xml = write_xml(self, 1), *mod, *fn, *res;
	(void)unused;
	if (xml == NULL)
		return NULL;
	mod = PyImport_ImportModule("unionplan._unionplan");
	fn = mod ? PyObject_GetAttrString(mod, "_plan_from_xml") : NULL;
	Py_XDECREF(mod);
	res = fn ? Py_BuildValue("(O(O))", fn, xml) : NULL;
	Py_XDECREF(fn);
	Py_DECREF(xml);
	return res;
}

static PyObject *
plan_repr(Wrap *self)
{
	const char *t = upl_plan_title(PLAN(self));
	PyObject *title, *res;
	if (t == NULL)
		return PyUnicode_FromString("<unionplan.Plan (no title)>");
	title = PyUnicode_FromString(t);
	if (title == NULL)
		return NULL;
	res = PyUnicode_FromFormat("<unionplan.Plan %R>", title);
	Py_DECREF(title);
	return res;
}

static PyMethodDef plan_methods[] = {
	{ "activities", (PyCFunction)plan_activities, METH_NOARGS,
	  "activities() -> list of Activity\n\nEvery activity of the plan, in document order." },
	{ "walk", (PyCFunction)plan_walk, METH_VARARGS,
	  "walk(*kinds) -> list of Node\n\nEvery node in document order (a node before its "
	  "children); only the given kinds (types like unionplan.Section or names like "
	  "\"section\") when any are given." },
	{ "add", (PyCFunction)meth_add, METH_O,
	  "add(block) -> block\n\nAppend a detached Paragraph, Section, Schedule or Note to the body." },
	{ "insert", (PyCFunction)meth_insert, METH_VARARGS,
	  "insert(index, block) -> block\n\nInsert a detached block before position index." },
	{ "remove", (PyCFunction)meth_remove, METH_O,
	  "remove(block_or_index) -> block\n\nTake a body block out; it stays usable, detached." },
	{ "add_section", F(add_section), KW, "add_section(heading=None, **attrs) -> Section" },
	{ "add_paragraph", F(add_paragraph), KW, "add_paragraph(text, **attrs) -> Paragraph" },
	{ "add_schedule", F(add_schedule), KW, "add_schedule(heading=None, **attrs) -> Schedule" },
	{ "add_note", F(add_note), KW, "add_note(text, **attrs) -> Note" },
	{ "copy", (PyCFunction)plan_copy, METH_NOARGS,
	  "copy() -> Plan\n\nA deep copy that belongs to no document (without source positions)." },
	{ "__copy__", (PyCFunction)plan_copy, METH_NOARGS, NULL },
	{ "__deepcopy__", (PyCFunction)plan_deepcopy, METH_O, NULL },
	{ "dumps", (PyCFunction)meth_dumps, METH_NOARGS,
	  "dumps() -> str\n\nThe plan alone in canonical XML (a plan root)." },
	{ "__reduce__", (PyCFunction)plan_reduce, METH_NOARGS, NULL },
	{ NULL, NULL, 0, NULL }
};

#define GS_PLAN_STR(name, f, doc) { name, (getter)plan_get_str, (setter)plan_set_str, doc, (void *)(intptr_t)(f) }

static PyGetSetDef plan_getset[] = {
	GS_PLAN_STR("title", P_TITLE, "The title as written, or None."),
	GS_PLAN_STR("organization", P_ORG, "The organisation (school, union), or None."),
	GS_PLAN_STR("docnumber", P_DOCNUMBER, "The document number (发文字号), or None."),
	GS_PLAN_STR("lang", P_LANG, "\"zh-Hans\" or \"zh-Hant\"."),
	GS_PLAN_STR("issued_text", P_ISSUED_TEXT, "The issue date as written (落款日期), or None."),
	{ "issued", (getter)plan_get_issued, (setter)plan_set_issued,
	  "The issue date (datetime.date), or None.", NULL },
	{ "authors", (getter)plan_get_authors, (setter)plan_set_authors,
	  "The authors as written (a new list; assign a list to change them).", NULL },
	{ "period", (getter)plan_get_period, (setter)plan_set_period,
	  "The period the plan covers (unionplan.Period), or None.", NULL },
	{ "source", (getter)plan_get_source, (setter)plan_set_source,
	  "Where the importer read the plan from (unionplan.Source), or None.", NULL },
	{ "body", (getter)plan_get_body, NULL, "The top-level blocks, in order (a new list).", NULL },
	{ "sections", (getter)plan_get_sections, NULL, "The top-level sections, in order.", NULL },
	{ "schedule", (getter)plan_get_schedule, NULL,
	  "Every Month of the plan's schedules, in document order.", NULL },
	{ "notes", (getter)plan_get_notes, NULL, "Every Note of the plan, in document order.", NULL },
	{ "line", (getter)plan_get_line, NULL, "1-based line of the plan in its file, or None.", NULL },
	{ "column", (getter)plan_get_column, NULL, "1-based column of the plan, or None.", NULL },
	{ "document", (getter)plan_get_document, NULL, "The Document holding the plan, or None.", NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

/* ------------------------------------------------------------------------ */
/* Documents                                                                */

static PyObject *
doc_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "plans", NULL };
	PyObject *plans = NULL, *self, *it, *p;
	upl_doc *doc = NULL;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:Document", kwlist, &plans))
		return NULL;
	if (upl_doc_new(&doc) != 0)
		return PyErr_NoMemory();
	self = wrap_new_root(ROOT_DOC, doc, type);
	if (self == NULL || plans == NULL || plans == Py_None)
		return self;
	it = PyObject_GetIter(plans);
	if (it == NULL) {
		Py_DECREF(self);
		return NULL;
	}
	while ((p = PyIter_Next(it)) != NULL) {
		PyObject *r = meth_add((Wrap *)self, p);
		Py_DECREF(p);
		if (r == NULL)
			break;
		Py_DECREF(r);
	}
	Py_DECREF(it);
	if (PyErr_Occurred()) {
		Py_DECREF(self);
		return NULL;
	}
	return self;
}

static Py_ssize_t
doc_len(Wrap *self)
{
	return (Py_ssize_t)upl_doc_plan_count(DOC(self));
}

static PyObject *
doc_item(Wrap *self, Py_ssize_t i)
{
	if (i < 0 || (size_t)i >= upl_doc_plan_count(DOC(self))) {
		PyErr_SetString(PyExc_IndexError, "plan index out of range");
		return NULL;
	}
	return wrap_get(self->tree, upl_doc_plan(DOC(self), (size_t)i), &PlanType);
}

static PyObject *
doc_get_plans(Wrap *self, void *c)
{
	Py_ssize_t i, n = doc_len(self);
	PyObject *list = PyList_New(n);
	(void)c;
	for (i = 0; list != NULL && i < n; i++) {
		PyObject *w = doc_item(self, i);
		if (w == NULL)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, i, w);
	}
	return list;
}

static PyObject *
doc_subscript(Wrap *self, PyObject *key)
{
	if (PyIndex_Check(key)) {
		Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
		if (i == -1 && PyErr_Occurred())
			return NULL;
		return doc_item(self, i < 0 ? i + doc_len(self) : i);
	}
	if (PySlice_Check(key)) {
		PyObject *all = doc_get_plans(self, NULL), *res;
		if (all == NULL)
			return NULL;
		res = PyObject_GetItem(all, key);
		Py_DECREF(all);
		return res;
	}
	return PyErr_Format(PyExc_TypeError, "plan indices must be integers or slices, not %.100s",
			    Py_TYPE(key)->tp_name);
}

static PyObject *
doc_get_name(Wrap *self, void *c)
{
	const char *n = upl_doc_name(DOC(self));
	(void)c;
	if (n == NULL)
		Py_RETURN_NONE;
	return PyUnicode_DecodeFSDefault(n);
}

static PyObject *
doc_get_collection(Wrap *self, void *c)
{
	(void)c;
	return PyBool_FromLong(upl_doc_is_collection(DOC(self)));
}

static int
doc_set_collection(Wrap *self, PyObject *v, void *c)
{
	int b;
	(void)c;
	if (tree_check_writable(self->tree) != 0)
		return -1;
	if (v == NULL || (b = PyObject_IsTrue(v)) < 0) {
		if (v == NULL)
			PyErr_SetString(PyExc_AttributeError, "cannot delete collection");
		return -1;
	}
	upl_doc_set_collection(DOC(self), b);
	return 0;
}

static PyObject *
doc_dump(Wrap *self, PyObject *path)
{
	PyObject *bytes = NULL, *xml;
	upl_error *err = NULL;
	int rc, e = 0;
	if (!PyUnicode_FSConverter(path, &bytes))
		return NULL;
	xml = write_xml(self, 1);
	if (xml == NULL) {
		Py_DECREF(bytes);
		return NULL;
	}
	Py_BEGIN_ALLOW_THREADS
	errno = 0;
	rc = upl_write_file_atomic(PyBytes_AS_STRING(bytes), PyBytes_AS_STRING(xml),
				   (size_t)PyBytes_GET_SIZE(xml), &err);
	if (rc == UPL_EIO) {
		struct stat st;
		e = errno;
		if (lstat(PyBytes_AS_STRING(bytes), &st) == 0 && !S_ISREG(st.st_mode))
			e = S_ISDIR(st.st_mode) ? EISDIR : EEXIST;
		else if (e == 0)
			e = EIO;
	}
	Py_END_ALLOW_THREADS
	Py_DECREF(xml);
	Py_DECREF(bytes);
	if (rc == UPL_EIO) {
		PyObject *exc = PyObject_CallFunction(PyExc_OSError, "(i s O)", e,
						      err ? upl_error_message(err) : strerror(e), path);
		upl_error_free(err);
		if (exc != NULL) {
			PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
			Py_DECREF(exc);
		}
		return NULL;
	}
	if (rc != 0)
		return upy_raise(rc, err);
	Py_RETURN_NONE;
}

static PyObject *
doc_validate(Wrap *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "strict", "rules", "lang", "schema_only", NULL };
	PyObject *rules = NULL, *lang = NULL, *res = NULL;
	int strict = 0, schema_only = 0, rc;
	upl_validate_options opts = UPL_VALIDATE_OPTIONS_INIT;
	upl_report *report = NULL;
	upl_error *err = NULL;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|pOOp:validate", kwlist, &strict, &rules, &lang,
					 &schema_only))
		return NULL;
	if (upy_validate_options(&opts, rules, lang, schema_only, NULL) != 0)
		return NULL;
	if (upl_report_new(&report) != 0)
		return PyErr_NoMemory();
	self->tree->busy++;
	Py_BEGIN_ALLOW_THREADS
	rc = upl_doc_validate(report, DOC(self), &opts, &err);
	Py_END_ALLOW_THREADS
	self->tree->busy--;
	if (rc != 0)
		upy_raise(rc, err);
	else
		res = upy_diagnostics_new(report, strict);
	upl_report_free(report);
	return res;
}

static PyObject *
doc_copy(Wrap *self, PyObject *unused)
{
	PyObject *noargs = PyTuple_New(0), *copy, *plans;
	Py_ssize_t i;
	(void)unused;
	if (noargs == NULL)
		return NULL;
	copy = doc_new(&DocumentType, noargs, NULL);
	Py_DECREF(noargs);
	if (copy == NULL)
		return NULL;
	plans = doc_get_plans(self, NULL);
	for (i = 0; plans != NULL && i < PyList_GET_SIZE(plans); i++) {
		PyObject *p = plan_copy((Wrap *)PyList_GET_ITEM(plans, i), NULL), *r;
		r = p ? meth_add((Wrap *)copy, p) : NULL;
		Py_XDECREF(p);
		if (r == NULL)
			Py_CLEAR(plans);
		Py_XDECREF(r);
	}
	if (plans == NULL) {
		Py_DECREF(copy);
		return NULL;
	}
	Py_DECREF(plans);
	upl_doc_set_collection(DOC(copy), upl_doc_is_collection(DOC(self)));
	return copy;
}

static PyObject *
doc_deepcopy(Wrap *self, PyObject *memo)
{
	(void)memo;
	return doc_copy(self, NULL);
}

static PyObject *
doc_reduce(Wrap *self, PyObject *unused)
{
	PyObject *xml = write_xml(self, 1), *mod, *fn, *res, *name;
	(void)unused;
	if (xml == NULL)
		return NULL;
	name = doc_get_name(self, NULL);
	mod = PyImport_ImportModule("unionplan._unionplan");
	fn = mod ? PyObject_GetAttrString(mod, "_document_from_xml") : NULL;
	Py_XDECREF(mod);
	res = (fn && name) ? Py_BuildValue("(O(OO))", fn, xml, name) : NULL;
	Py_XDECREF(fn);
	Py_XDECREF(name);
	Py_DECREF(xml);
	return res;
}

static PyObject *
doc_repr(Wrap *self)
{
	const char *n = upl_doc_name(DOC(self));
	size_t k = upl_doc_plan_count(DOC(self));
	return n ? PyUnicode_FromFormat("<unionplan.Document %s, %zu plan%s>", n, k, k == 1 ? "" : "s")
		 : PyUnicode_FromFormat("<unionplan.Document %zu plan%s>", k, k == 1 ? "" : "s");
}

typedef int (*export_fn)(char **out, size_t *len, const upl_doc *doc,
			 const upl_export_options *opts, upl_error **err);

/* A document exported by fn with opts, as str (as bytes when binary),
 * with the GIL released. */
static PyObject *
export_doc_as(Wrap *self, export_fn fn, const upl_export_options *opts, int binary)
{
	char *out = NULL;
	size_t len = 0;
	upl_error *err = NULL;
	PyObject *res;
	int rc;
	self->tree->busy++;
	Py_BEGIN_ALLOW_THREADS
	rc = fn(&out, &len, DOC(self), opts, &err);
	Py_END_ALLOW_THREADS
	self->tree->busy--;
	if (rc != 0)
		return upy_raise(rc, err);
	res = binary ? PyBytes_FromStringAndSize(out, (Py_ssize_t)len)
		     : PyUnicode_DecodeUTF8(out, (Py_ssize_t)len, "strict");
	upl_free(out);
	return res;
}

static PyObject *
export_doc(Wrap *self, export_fn fn, const upl_export_options *opts)
{
	return export_doc_as(self, fn, opts, 0);
}

/* The document as JSON (doc/json.md). */
static PyObject *
doc_to_json(Wrap *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "positions", "pretty", NULL };
	upl_export_options opts = UPL_EXPORT_OPTIONS_INIT;
	int positions = 0, pretty = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|$pp:to_json", kwlist, &positions, &pretty))
		return NULL;
	opts.flags = (positions ? UPL_EXPORT_POSITIONS : 0u) | (pretty ? UPL_EXPORT_PRETTY : 0u);
	return export_doc(self, upl_export_json_buffer, &opts);
}

/* The document as a Chinese text document (GB/T 9704 style). */
static PyObject *
doc_to_text(Wrap *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "renumber", "width", "simplified", NULL };
	upl_export_options opts = UPL_EXPORT_OPTIONS_INIT;
	int renumber = 0, simplified = 0;
	unsigned int width = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|$pIp:to_text", kwlist, &renumber, &width,
					 &simplified))
		return NULL;
	if (width > 1000) {
		PyErr_SetString(PyExc_ValueError, "width must be 0 (no wrapping) to 1000");
		return NULL;
	}
	opts.flags = (renumber ? UPL_EXPORT_RENUMBER : 0u) | (simplified ? UPL_EXPORT_SIMPLIFIED : 0u);
	opts.width = width;
	return export_doc(self, upl_export_text_buffer, &opts);
}

/* The schedules as iCalendar (doc/ics.md). */
static PyObject *
doc_to_ics(Wrap *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "holidays", NULL };
	upl_export_options opts = UPL_EXPORT_OPTIONS_INIT;
	int holidays = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|$p:to_ics", kwlist, &holidays))
		return NULL;
	opts.flags = holidays ? UPL_EXPORT_HOLIDAYS : 0u;
	return export_doc(self, upl_export_ics_buffer, &opts);
}

/* The document as one HTML page (doc/html.md). */
static PyObject *
doc_to_html(Wrap *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "diagnostics", "renumber", NULL };
	upl_export_options opts = UPL_EXPORT_OPTIONS_INIT;
	int diagnostics = 0, renumber = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|$pp:to_html", kwlist, &diagnostics, &renumber))
		return NULL;
	opts.flags = (diagnostics ? UPL_EXPORT_DIAGNOSTICS : 0u) | (renumber ? UPL_EXPORT_RENUMBER : 0u);
	return export_doc(self, upl_export_html_buffer, &opts);
}

/* The document as a Word file in the GB/T 9704 layout (doc/docx.md). */
static PyObject *
doc_to_docx(Wrap *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "renumber", "simplified", NULL };
	upl_export_options opts = UPL_EXPORT_OPTIONS_INIT;
	int renumber = 0, simplified = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "|$pp:to_docx", kwlist, &renumber, &simplified))
		return NULL;
	opts.flags = (renumber ? UPL_EXPORT_RENUMBER : 0u) | (simplified ? UPL_EXPORT_SIMPLIFIED : 0u);
	return export_doc_as(self, upl_export_docx_buffer, &opts, 1);
}

static PyMethodDef doc_methods[] = {
	{ "to_docx", F(doc_to_docx), KW,
	  "to_docx(*, renumber=False, simplified=False) -> bytes\n\n"
	  "The document as a Word file (.docx) in the layout of GB/T 9704 (doc/docx.md): A4, "
	  "仿宋 3号 body, Word headings, the schedule as a table 月份 | 工作内容, page numbers "
	  "— 1 —. unionplan.import_text reads the bytes back." },
	{ "to_json", F(doc_to_json), KW,
	  "to_json(*, positions=False, pretty=False) -> str\n\n"
	  "The document in its JSON form (doc/json.md), one line unless pretty; with positions, "
	  "the line and column of every element. unionplan.loads_json reads it back." },
	{ "to_ics", F(doc_to_ics), KW,
	  "to_ics(*, holidays=False) -> str\n\n"
	  "The schedules as iCalendar (RFC 5545; doc/ics.md): an all-day event for each activity, "
	  "with stable UIDs; with holidays, the festivals, official days off and adjusted working "
	  "days of the plan's years." },
	{ "to_html", F(doc_to_html), KW,
	  "to_html(*, diagnostics=False, renumber=False) -> str\n\n"
	  "The document as one self-contained HTML page (doc/html.md): title block, table of "
	  "contents, the body with its labels (renumbered by level when renumber), the schedules "
	  "as tables of months with festivals, official days off and adjusted working days, and a "
	  "print style sheet for an A4 page in the manner of GB/T 9704. With diagnostics, the "
	  "document is validated and the report (in Chinese) is shown on the page, each "
	  "diagnostic also beside the element of its line." },
	{ "to_text", F(doc_to_text), KW,
	  "to_text(*, renumber=False, width=0, simplified=False) -> str\n\n"
	  "The document as a Chinese text document in GB/T 9704 style: labels as written, or "
	  "renumbered by level (一、 （一） 1. （1）); paragraphs indented two full-width spaces; "
	  "wrapped at width columns (a Han character is two) when width is not 0; traditional "
	  "text converted when simplified. unionplan.import_text reads it back." },
	{ "dumps", (PyCFunction)meth_dumps, METH_NOARGS,
	  "dumps() -> str\n\nThe document in canonical XML (UTF-8 text, two-space indentation)." },
	{ "dump", (PyCFunction)doc_dump, METH_O,
	  "dump(path)\n\nWrite the canonical XML to path atomically: a temporary file beside it is "
	  "flushed and renamed over it (over a symbolic link's target, the link kept; a FIFO or "
	  "device is written directly; a directory is refused: IsADirectoryError); on any "
	  "failure path is unchanged." },
	{ "validate", F(doc_validate), KW,
	  "validate(strict=False, rules=None, lang=None, schema_only=False) -> Diagnostics\n\n"
	  "Check the document: the schema (on its canonical form), then the semantic rules. "
	  "The GIL is released meanwhile." },
	{ "add", (PyCFunction)meth_add, METH_O,
	  "add(plan) -> plan\n\nAppend a Plan that belongs to no document." },
	{ "insert", (PyCFunction)meth_insert, METH_VARARGS,
	  "insert(index, plan) -> plan\n\nInsert a Plan that belongs to no document before position index." },
	{ "remove", (PyCFunction)meth_remove, METH_O,
	  "remove(plan_or_index) -> Plan\n\nTake a plan out; it stays usable." },
	{ "add_plan", F(add_plan), KW, "add_plan(title=None, **attrs) -> Plan" },
	{ "copy", (PyCFunction)doc_copy, METH_NOARGS, "copy() -> Document\n\nA deep copy." },
	{ "__copy__", (PyCFunction)doc_copy, METH_NOARGS, NULL },
	{ "__deepcopy__", (PyCFunction)doc_deepcopy, METH_O, NULL },
	{ "__reduce__", (PyCFunction)doc_reduce, METH_NOARGS, NULL },
	{ NULL, NULL, 0, NULL }
};

static PyGetSetDef doc_getset[] = {
	{ "plans", (getter)doc_get_plans, NULL, "The plans, in order (a new list).", NULL },
	{ "name", (getter)doc_get_name, NULL, "The file or name the document was read from, or None.", NULL },
	{ "collection", (getter)doc_get_collection, (setter)doc_set_collection,
	  "Whether the document is written with a plans root (always when it holds several plans).",
	  NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

static PySequenceMethods doc_as_sequence = {
	.sq_length = (lenfunc)doc_len,
	.sq_item = (ssizeargfunc)doc_item,
};

static PyMappingMethods doc_as_mapping = {
	.mp_length = (lenfunc)doc_len,
	.mp_subscript = (binaryfunc)doc_subscript,
};

/* ------------------------------------------------------------------------ */
/* Unpickling                                                               */

static PyObject *
py_document_from_xml(PyObject *self, PyObject *args)
{
	const char *data, *name = NULL;
	Py_ssize_t len;
	upl_doc *doc = NULL;
	upl_error *err = NULL;
	int rc;
	(void)self;
	if (!PyArg_ParseTuple(args, "y#z:_document_from_xml", &data, &len, &name))
		return NULL;
	Py_BEGIN_ALLOW_THREADS
	rc = upl_doc_parse_buffer(&doc, data, (size_t)len, name, NULL, &err);
	Py_END_ALLOW_THREADS
	if (rc != 0)
		return upy_raise(rc, err);
	return upy_document_wrap(doc);
}

static PyObject *
py_plan_from_xml(PyObject *self, PyObject *args)
{
	const char *data;
	Py_ssize_t len;
	upl_plan *plan = NULL;
	upl_error *err = NULL;
	int rc;
	(void)self;
	if (!PyArg_ParseTuple(args, "y#:_plan_from_xml", &data, &len))
		return NULL;
	Py_BEGIN_ALLOW_THREADS
	rc = upl_plan_parse_buffer(&plan, data, (size_t)len, NULL, NULL, &err);
	Py_END_ALLOW_THREADS
	if (rc != 0)
		return upy_raise(rc, err);
	return wrap_new_root(ROOT_PLAN, plan, &PlanType);
}

static PyObject *
py_holiday_keys(PyObject *self, PyObject *unused)
{
	size_t i, n = upl_holiday_count();
	PyObject *list = PyList_New((Py_ssize_t)n);
	(void)self;
	(void)unused;
	for (i = 0; list != NULL && i < n; i++) {
		PyObject *s = PyUnicode_FromString(upl_holiday_key(i));
		if (s == NULL)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, (Py_ssize_t)i, s);
	}
	return list;
}

static PyMethodDef tree_functions[] = {
	{ "_document_from_xml", py_document_from_xml, METH_VARARGS, "Unpickle a Document." },
	{ "_plan_from_xml", py_plan_from_xml, METH_VARARGS, "Unpickle a Plan." },
	{ "holiday_keys", py_holiday_keys, METH_NOARGS,
	  "holiday_keys() -> list of str\n\nThe holiday keys an activity may name, in the order of a year." },
	{ NULL, NULL, 0, NULL }
};

/* ------------------------------------------------------------------------ */
/* Types                                                                    */

static PyTypeObject TreeType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "unionplan._Tree",
	.tp_basicsize = sizeof(Tree),
	.tp_dealloc = (destructor)tree_dealloc,
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_doc = "The owner of one tree of library objects (internal).",
};

#define WRAP_TYPE_FIELDS                                                         \
	.tp_basicsize = sizeof(Wrap),                                            \
	.tp_dealloc = (destructor)wrap_dealloc,                                  \
	.tp_weaklistoffset = offsetof(Wrap, weaklist)

static PyTypeObject DocumentType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "unionplan.Document",
	WRAP_TYPE_FIELDS,
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_doc = "Document(plans=None)\n\nWhat one XML file holds: a sequence of Plan "
		  "(len(doc), doc[0], iteration, doc.plans).",
	.tp_new = doc_new,
	.tp_methods = doc_methods,
	.tp_getset = doc_getset,
	.tp_as_sequence = &doc_as_sequence,
	.tp_as_mapping = &doc_as_mapping,
	.tp_repr = (reprfunc)doc_repr,
};

static PyTypeObject PlanType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "unionplan.Plan",
	WRAP_TYPE_FIELDS,
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_doc = "Plan(title=None, *, lang=\"zh-Hans\", **attrs)\n\nOne plan: metadata and a body "
		  "of blocks in document order.",
	.tp_new = plan_new,
	.tp_methods = plan_methods,
	.tp_getset = plan_getset,
	.tp_repr = (reprfunc)plan_repr,
};

static PyTypeObject NodeType = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "unionplan.Node",
	WRAP_TYPE_FIELDS,
	.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
	.tp_doc = "A body element of a plan (the base of Section, Item, Paragraph, Note, Schedule, "
		  "Month and Activity).",
	.tp_new = node_new,
	.tp_methods = node_methods,
	.tp_getset = node_getset,
	.tp_repr = (reprfunc)node_repr,
};

#define NODE_TYPE(var, name, doc, methods, getset)                               \
	static PyTypeObject var = {                                              \
		PyVarObject_HEAD_INIT(NULL, 0)                                   \
		.tp_name = "unionplan." name,                                    \
		WRAP_TYPE_FIELDS,                                                \
		.tp_flags = Py_TPFLAGS_DEFAULT,             \
		.tp_doc = doc,                                                   \
		.tp_methods = methods,                                           \
		.tp_getset = getset,                                             \
	}

NODE_TYPE(SectionType, "Section",
	  "Section(heading=None, *, label=None, number=None, level=None, role=None)\n\n"
	  "A numbered or unnumbered part of a plan (section).", section_methods, section_getset);
NODE_TYPE(ItemType, "Item",
	  "Item(text=None, *, label=None, number=None, heading=None)\n\nA numbered point (item).",
	  item_methods, item_getset);
NODE_TYPE(ParagraphType, "Paragraph", "Paragraph(text=None, *, label=None)\n\nA paragraph (p).",
	  NULL, paragraph_getset);
NODE_TYPE(NoteType, "Note", "Note(text=None, *, label=None, number=None)\n\nA remark (注, note).",
	  NULL, note_getset);
NODE_TYPE(ScheduleType, "Schedule", "Schedule(heading=None)\n\nA monthly schedule (行事历).",
	  schedule_methods, schedule_getset);
NODE_TYPE(MonthType, "Month", "Month(month, *, year=None, to=None, label=None)\n\n"
	  "One month (or span of months) of a schedule.", month_methods, month_getset);
NODE_TYPE(ActivityType, "Activity",
	  "Activity(text=None, *, date=None, monthday=None, holiday=None, relation=None, "
	  "label=None, number=None)\n\nOne scheduled activity.", NULL, activity_getset);

int
upy_tree_init(PyObject *m)
{
	PyTypeObject *subs[] = { &SectionType, &ItemType, &ParagraphType, &NoteType,
				 &ScheduleType, &MonthType, &ActivityType };
	PyTypeObject *all[] = { &DocumentType, &PlanType, &NodeType, &SectionType, &ItemType,
				&ParagraphType, &NoteType, &ScheduleType, &MonthType,
				&ActivityType };
	size_t i;
	if (PyType_Ready(&TreeType) != 0)
		return -1;
	for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
		subs[i]->tp_base = &NodeType;
	for (i = 0; i < sizeof all / sizeof all[0]; i++) {
		if (PyType_Ready(all[i]) != 0)
			return -1;
		Py_INCREF(all[i]);
		if (PyModule_AddObject(m, all[i]->tp_name + 10, (PyObject *)all[i]) != 0) {
			Py_DECREF(all[i]);
			return -1;
		}
	}
	return PyModule_AddFunctions(m, tree_functions);
}

/*
 * unionplan: the Lua binding of libunionplan (Lua 5.4 and LuaJIT / Lua 5.1).
 *
 * One source, compiled once per Lua ABI. Bad data gives `nil, message,
 * line, column, code`; misuse raises an error.
 *
 * Ownership. The library's objects form trees (a document owns its plans,
 * a plan its body, a node its children). Each tree is owned by a `tree`
 * userdata whose __gc frees the root, and has a table T (weak values)
 * mapping each library object (a light userdata) to its one wrapper. Every
 * wrapper's user value is T, and T holds its tree as a (strong) key, so any
 * wrapper keeps its whole tree alive: no order of collection can free an
 * object under a wrapper. Moving a subtree between trees moves the
 * wrappers' user values; before the library call, the old table is made to
 * hold the new tree too, so a move cut short by a memory error still
 * leaves every wrapper's object alive.
 *
 * Every userdata is made before the library allocation it will own, so a
 * Lua error (out of memory) never leaks: library objects and temporary
 * results sit in a userdata whose __gc frees them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lua.h>
#include <lauxlib.h>

#include <unionplan.h>

#if LUA_VERSION_NUM >= 504
#define newud(L, n) lua_newuserdatauv(L, n, 1)
#define setuv(L, i) lua_setiuservalue(L, i, 1)
#define getuv(L, i) ((void)lua_getiuservalue(L, i, 1))
#elif LUA_VERSION_NUM == 501
#define newud(L, n) lua_newuserdata(L, n)
#define setuv(L, i) lua_setfenv(L, i)
#define getuv(L, i) lua_getfenv(L, i)
#define lua_rawlen lua_objlen
#else
#error "unionplan supports Lua 5.4 and Lua 5.1 (LuaJIT)"
#endif

#define MT_TREE "unionplan.tree"
#define MT_BOX "unionplan.box"
#define MT_CAL "unionplan.calendar"
#define MT_WEAK "unionplan.weak"

/* Classes of wrappers: the document, the plan, and one per node kind. */
enum { CLS_DOC = 1, CLS_PLAN = 2, CLS_NODE = 10 };
#define CLS_OF_KIND(k) (CLS_NODE + (int)(k))
#define IS_NODE(c) ((c) > CLS_NODE)

enum { ROOT_NONE = 0, ROOT_DOC = 1, ROOT_PLAN = 2, ROOT_NODE = 3 };

typedef struct tree {
	int kind;
	void *root;
} tree;

typedef struct wrap {
	void *ptr;   /* NULL once its document is closed */
	tree *t;
	int cls;
} wrap;

static const char *const mt_names[] = {
	NULL, "unionplan.document", "unionplan.plan", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	"unionplan.p", "unionplan.section", "unionplan.item", "unionplan.schedule",
	"unionplan.month", "unionplan.activity", "unionplan.note",
};
#define NCLS ((int)(sizeof mt_names / sizeof mt_names[0]))

static int
absidx(lua_State *L, int i)
{
	return (i > 0 || i <= LUA_REGISTRYINDEX) ? i : lua_gettop(L) + i + 1;
}

/* ------------------------------------------------------------------------ */
/* Boxes: C resources held by a userdata until freed                        */

typedef struct box {
	void *p;
	void (*fn)(void *);
} box;

static int
box_gc(lua_State *L)
{
	box *b = luaL_checkudata(L, 1, MT_BOX);
	if (b->p != NULL && b->fn != NULL)
		b->fn(b->p);
	b->p = NULL;
	return 0;
}

/* Push a box that will free its pointer with fn; returns the slot. */
static void **
box_new(lua_State *L, void (*fn)(void *))
{
	box *b = newud(L, sizeof *b);
	b->p = NULL;
	b->fn = fn;
	luaL_setmetatable(L, MT_BOX);
	return &b->p;
}

/* Free now what the box at idx holds. */
static void
box_free(lua_State *L, int idx)
{
	box *b = lua_touserdata(L, idx);
	if (b != NULL && b->p != NULL && b->fn != NULL)
		b->fn(b->p);
	if (b != NULL)
		b->p = NULL;
}

static void free_error(void *p) { upl_error_free(p); }
static void free_report(void *p) { upl_report_free(p); }
static void free_mem(void *p) { upl_free(p); }
static void free_iter(void *p) { upl_iter_free(p); }

/* ------------------------------------------------------------------------ */
/* Results: nil, message, line, column, code                                 */

static const char *
code_name(int code)
{
	switch (code) {
	case UPL_ENOMEM: return "ENOMEM";
	case UPL_EIO: return "EIO";
	case UPL_EPARSE: return "EPARSE";
	case UPL_EINVAL: return "EINVAL";
	case UPL_ENOTFOUND: return "ENOTFOUND";
	case UPL_ERANGE: return "ERANGE";
	case UPL_EENCODING: return "EENCODING";
	default: return "ERROR";
	}
}

/* Push nil, message, line, column, code for a failed library call. */
static int
push_failure(lua_State *L, int code, const upl_error *err)
{
	const char *file = err ? upl_error_file(err) : NULL;
	unsigned int line = err ? upl_error_line(err) : 0, col = err ? upl_error_column(err) : 0;
	const char *msg = err ? upl_error_message(err) : upl_strerror(code);
	lua_pushnil(L);
	if (file != NULL && line != 0)
		lua_pushfstring(L, "%s:%d:%d: %s", file, (int)line, (int)col, msg);
	else if (file != NULL)
		lua_pushfstring(L, "%s: %s", file, msg);
	else if (line != 0)
		lua_pushfstring(L, "line %d, column %d: %s", (int)line, (int)col, msg);
	else
		lua_pushstring(L, msg);
	if (line != 0)
		lua_pushinteger(L, (lua_Integer)line);
	else
		lua_pushnil(L);
	if (col != 0)
		lua_pushinteger(L, (lua_Integer)col);
	else
		lua_pushnil(L);
	lua_pushstring(L, code_name(code));
	return 5;
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                     */

static void
push_date(lua_State *L, upl_date d)
{
	char buf[UPL_DATE_ISO_SIZE + 2];
	if (d.month == 0) {
		lua_pushnil(L);
		return;
	}
	if (d.year == 0)
		snprintf(buf, sizeof buf, "--%02d-%02d", d.month, d.day);
	else
		upl_date_format(buf, d);
	lua_pushstring(L, buf);
}

/* Parse "YYYY-MM-DD" (also "--MM-DD" when monthday is nonzero): 0 or -1. */
static int
parse_date(const char *s, size_t len, int monthday, upl_date *out)
{
	if (monthday && len == 7 && s[0] == '-' && s[1] == '-') {
		char full[11];
		memcpy(full, "2000", 4);
		memcpy(full + 4, s + 1, 6);
		full[10] = '\0';
		if (upl_date_parse(out, full, 10) != 0)
			return -1;
		out->year = 0;
		return 0;
	}
	return upl_date_parse(out, s, len) == 0 && upl_date_is_valid(*out) ? 0 : -1;
}

/* A date argument of a function. */
static upl_date
check_date(lua_State *L, int idx, int monthday)
{
	size_t len;
	const char *s = luaL_checklstring(L, idx, &len);
	upl_date d = UPL_DATE_INIT;
	if (parse_date(s, len, monthday, &d) != 0)
		luaL_argerror(L, idx, lua_pushfstring(L, "not a date (YYYY-MM-DD%s): '%s'",
						      monthday ? " or --MM-DD" : "", s));
	return d;
}

/* A date given for a field. */
static upl_date
field_date(lua_State *L, int idx, int monthday, const char *field)
{
	size_t len;
	const char *s = lua_type(L, idx) == LUA_TSTRING ? lua_tolstring(L, idx, &len) : NULL;
	upl_date d = UPL_DATE_INIT;
	if (s == NULL || parse_date(s, len, monthday, &d) != 0)
		luaL_error(L, "%s must be a date (YYYY-MM-DD%s), not %s%s%s", field,
			   monthday ? " or --MM-DD" : "", s ? "'" : "a ", s ? s : luaL_typename(L, idx),
			   s ? "'" : "");
	return d;
}

/* A file name argument: a string without a zero byte. */
static const char *
check_path(lua_State *L, int idx)
{
	size_t len;
	const char *s = luaL_checklstring(L, idx, &len);
	if (strlen(s) != len)
		luaL_argerror(L, idx, "a file name cannot hold a zero byte");
	return s;
}

/* ------------------------------------------------------------------------ */
/* Trees and wrappers                                                        */

static int
tree_gc(lua_State *L)
{
	tree *t = luaL_checkudata(L, 1, MT_TREE);
	if (t->kind == ROOT_DOC)
		upl_doc_free(t->root);
	else if (t->kind == ROOT_PLAN)
		upl_plan_free(t->root);
	else if (t->kind == ROOT_NODE)
		upl_node_free(t->root);
	t->root = NULL;
	t->kind = ROOT_NONE;
	return 0;
}

/* Push a new empty tree and its table T (the tree itself is T's key): the
 * stack gets tree, T. The caller sets t->kind and t->root once the library
 * object exists. */
static tree *
tree_push_new(lua_State *L)
{
	tree *t = newud(L, sizeof *t);
	t->kind = ROOT_NONE;
	t->root = NULL;
	luaL_setmetatable(L, MT_TREE);
	lua_newtable(L);
	luaL_setmetatable(L, MT_WEAK);
	lua_pushvalue(L, -2);
	lua_pushboolean(L, 1);
	lua_rawset(L, -3);  /* T[tree] = true */
	lua_pushvalue(L, -1);
	setuv(L, -3);       /* tree's user value: T */
	return t;
}

/* Push the wrapper of ptr in the tree whose table is at Tidx, making it
 * when there is none. */
static void
push_wrap(lua_State *L, int Tidx, tree *t, void *ptr, int cls)
{
	wrap *w;
	if (ptr == NULL) {
		lua_pushnil(L);
		return;
	}
	Tidx = absidx(L, Tidx);
	lua_pushlightuserdata(L, ptr);
	lua_rawget(L, Tidx);
	if (!lua_isnil(L, -1))
		return;
	lua_pop(L, 1);
	w = newud(L, sizeof *w);
	w->ptr = ptr;
	w->t = t;
	w->cls = cls;
	luaL_setmetatable(L, mt_names[cls]);
	lua_pushvalue(L, Tidx);
	setuv(L, -2);
	lua_pushlightuserdata(L, ptr);
	lua_pushvalue(L, -2);
	lua_rawset(L, Tidx);
}

static int
node_cls(const upl_node *n)
{
	return CLS_OF_KIND(upl_node_kind(n));
}

/* The wrapper at idx (any class), or NULL. */
static wrap *
to_wrap(lua_State *L, int idx)
{
	wrap *w = lua_touserdata(L, idx);
	int ok = 0;
	if (w == NULL || !lua_getmetatable(L, idx))
		return NULL;
	lua_getfield(L, -1, "__upl_class");
	ok = lua_isnumber(L, -1);
	lua_pop(L, 2);
	return ok ? w : NULL;
}

static wrap *
check_wrap(lua_State *L, int idx, const char *what)
{
	wrap *w = to_wrap(L, idx);
	if (w == NULL)
		luaL_argerror(L, idx, lua_pushfstring(L, "%s expected, got %s", what, luaL_typename(L, idx)));
	if (w->ptr == NULL)
		luaL_error(L, "this %s belongs to a document that is closed", mt_names[w->cls]);
	return w;
}

static wrap *
check_cls(lua_State *L, int idx, int cls)
{
	wrap *w = check_wrap(L, idx, cls == CLS_DOC ? "unionplan.document" : cls == CLS_PLAN ? "unionplan.plan" : "a node");
	if ((cls == CLS_NODE && !IS_NODE(w->cls)) || (cls != CLS_NODE && w->cls != cls))
		luaL_argerror(L, idx, lua_pushfstring(L, "%s expected, got %s",
						      cls == CLS_DOC ? "unionplan.document"
						      : cls == CLS_PLAN ? "unionplan.plan" : "a node",
						      mt_names[w->cls]));
	return w;
}

/* Push the wrapper of a library object in the same tree as wrapper idx. */
static void
push_sibling(lua_State *L, int idx, void *ptr, int cls)
{
	wrap *w = lua_touserdata(L, idx);
	getuv(L, idx);
	push_wrap(L, -1, w->t, ptr, cls);
	lua_remove(L, -2);
}

/* Move wrapper w (at stack index widx) into the tree whose table is at Tidx. */
static void
wrap_move(lua_State *L, int widx, int Tidx, tree *to)
{
	wrap *w = lua_touserdata(L, widx);
	widx = absidx(L, widx);
	Tidx = absidx(L, Tidx);
	lua_pushlightuserdata(L, w->ptr);
	lua_pushvalue(L, widx);
	lua_rawset(L, Tidx);
	getuv(L, widx);          /* old T */
	lua_pushlightuserdata(L, w->ptr);
	lua_pushnil(L);
	lua_rawset(L, -3);
	lua_pop(L, 1);
	lua_pushvalue(L, Tidx);
	setuv(L, widx);
	w->t = to;
}

/* Make table Fidx hold the tree of table Tidx (a strong key), so wrappers
 * still in F keep that tree alive. */
static void
hold_tree(lua_State *L, int Fidx, int Tidx)
{
	Fidx = absidx(L, Fidx);
	Tidx = absidx(L, Tidx);
	lua_pushnil(L);
	while (lua_next(L, Tidx) != 0) {
		if (lua_type(L, -2) == LUA_TUSERDATA && lua_isboolean(L, -1)) {
			lua_pushvalue(L, -2);
			lua_pushboolean(L, 1);
			lua_rawset(L, Fidx);
			lua_pop(L, 2);
			return;
		}
		lua_pop(L, 1);
	}
}

/* After the root of tree `from` (table at Fidx) went into tree `to` (table
 * at Tidx): every wrapper of F moves to T. */
static void
tree_merge(lua_State *L, int Fidx, tree *from, int Tidx, tree *to)
{
	Fidx = absidx(L, Fidx);
	Tidx = absidx(L, Tidx);
	from->kind = ROOT_NONE;
	from->root = NULL;
	lua_pushnil(L);
	while (lua_next(L, Fidx) != 0) {
		/* wrap_move clears F[key]: assigning nil during next() is allowed */
		if (lua_type(L, -2) == LUA_TLIGHTUSERDATA && lua_type(L, -1) == LUA_TUSERDATA)
			wrap_move(L, -1, Tidx, to);
		lua_pop(L, 1);
	}
}

/* Move the wrappers of node n's subtree from table Fidx to table Tidx. */
static void
move_subtree(lua_State *L, upl_node *n, int Fidx, int Tidx, tree *to)
{
	size_t i, k = upl_node_child_count(n);
	lua_pushlightuserdata(L, n);
	lua_rawget(L, Fidx);
	if (lua_type(L, -1) == LUA_TUSERDATA)
		wrap_move(L, -1, Tidx, to);
	lua_pop(L, 1);
	for (i = 0; i < k; i++)
		move_subtree(L, upl_node_child(n, i), Fidx, Tidx, to);
}

/* ------------------------------------------------------------------------ */
/* Field helpers                                                             */

static void
push_str(lua_State *L, const char *s)
{
	if (s == NULL)
		lua_pushnil(L);
	else
		lua_pushstring(L, s);
}

static void
push_int(lua_State *L, int v, int none)
{
	if (v == none)
		lua_pushnil(L);
	else
		lua_pushinteger(L, (lua_Integer)v);
}

/* A string (no NUL inside) or nil for a field value at idx. */
static const char *
opt_text(lua_State *L, int idx, const char *field)
{
	size_t len;
	const char *s;
	if (lua_isnil(L, idx))
		return NULL;
	if (lua_type(L, idx) != LUA_TSTRING)
		luaL_error(L, "%s must be a string or nil, not %s", field, luaL_typename(L, idx));
	s = lua_tolstring(L, idx, &len);
	if (strlen(s) != len)
		luaL_error(L, "%s holds a zero byte", field);
	return s;
}

/* An integer or nil (-> none) within lo..hi. */
static int
opt_int(lua_State *L, int idx, const char *field, int none, long lo, long hi)
{
	lua_Number x;
	if (lua_isnil(L, idx))
		return none;
	if (lua_type(L, idx) != LUA_TNUMBER)
		luaL_error(L, "%s must be an integer or nil, not %s", field, luaL_typename(L, idx));
	x = lua_tonumber(L, idx);
	if (x != (lua_Number)(long)x || x < (lua_Number)lo || x > (lua_Number)hi)
		luaL_error(L, "%s must be an integer in %d..%d", field, (int)lo, (int)hi);
	return (int)x;
}

static void
check_rc(lua_State *L, int rc, const char *field)
{
	if (rc == UPL_ENOMEM)
		luaL_error(L, "out of memory");
	if (rc != 0)
		luaL_error(L, "invalid value for %s", field);
}

static int
field_is(const char *k, const char *name)
{
	return strcmp(k, name) == 0;
}

/* ------------------------------------------------------------------------ */
/* Iterators: a snapshot of wrappers, walked by a closure                    */

static int
iter_step(lua_State *L)
{
	lua_Integer i = lua_tointeger(L, lua_upvalueindex(2)) + 1;
	lua_pushinteger(L, i);
	lua_replace(L, lua_upvalueindex(2));
	lua_rawgeti(L, lua_upvalueindex(1), (int)i);
	return 1;
}

/* Turn the array on top of the stack into an iterator function. */
static int
push_iterator(lua_State *L)
{
	lua_pushinteger(L, 0);
	lua_pushcclosure(L, iter_step, 2);
	return 1;
}

/* Push an array of the wrappers of nodes of plan p (wrapper at pidx) of the
 * kinds in mask, in document order. */
static void
push_walk(lua_State *L, int pidx, const upl_plan *p, unsigned int mask)
{
	upl_iter **it;
	upl_node *n;
	int i = 0, rc, Tidx;
	pidx = absidx(L, pidx);
	lua_newtable(L);
	it = (upl_iter **)box_new(L, free_iter);
	if (upl_iter_new(it, p, mask) != 0)
		luaL_error(L, "out of memory");
	getuv(L, pidx);
	Tidx = lua_gettop(L);
	while ((rc = upl_iter_next(*it, &n)) == 0) {
		push_wrap(L, Tidx, ((wrap *)lua_touserdata(L, pidx))->t, n, node_cls(n));
		lua_rawseti(L, -4, ++i);
	}
	if (rc != UPL_ITEROVER)
		luaL_error(L, "out of memory");
	lua_pop(L, 1);
	box_free(L, -1);
	lua_pop(L, 1);
}

/* ------------------------------------------------------------------------ */
/* Node fields                                                               */

enum {
	F_KIND, F_LINE, F_COLUMN, F_PARENT, F_PLAN, F_TEXT, F_HEADING, F_LABEL, F_NUMBER, F_LEVEL,
	F_ROLE, F_MONTH, F_YEAR, F_TO, F_DATE, F_HOLIDAY, F_RELATION, F_MONTHOF
};

#define K(kind) (1u << (unsigned int)(kind))
#define K_ALL 0xFFFFu

static const struct nfield {
	const char *name;
	unsigned int kinds;
	int id;
	int writable;
} node_fields[] = {
	{ "kind", K_ALL, F_KIND, 0 },
	{ "line", K_ALL, F_LINE, 0 },
	{ "column", K_ALL, F_COLUMN, 0 },
	{ "parent", K_ALL, F_PARENT, 0 },
	{ "plan", K_ALL, F_PLAN, 0 },
	{ "text", K(UPL_NODE_ITEM) | K(UPL_NODE_PARAGRAPH) | K(UPL_NODE_NOTE) | K(UPL_NODE_ACTIVITY), F_TEXT, 1 },
	{ "heading", K(UPL_NODE_SECTION) | K(UPL_NODE_ITEM) | K(UPL_NODE_SCHEDULE), F_HEADING, 1 },
	{ "label", K_ALL & ~K(UPL_NODE_SCHEDULE), F_LABEL, 1 },
	{ "number", K(UPL_NODE_SECTION) | K(UPL_NODE_ITEM) | K(UPL_NODE_NOTE) | K(UPL_NODE_ACTIVITY), F_NUMBER, 1 },
	{ "level", K(UPL_NODE_SECTION), F_LEVEL, 1 },
	{ "role", K(UPL_NODE_SECTION), F_ROLE, 1 },
	{ "month", K(UPL_NODE_MONTH), F_MONTH, 1 },
	{ "year", K(UPL_NODE_MONTH), F_YEAR, 1 },
	{ "to", K(UPL_NODE_MONTH), F_TO, 1 },
	{ "date", K(UPL_NODE_ACTIVITY), F_DATE, 1 },
	{ "holiday", K(UPL_NODE_ACTIVITY), F_HOLIDAY, 1 },
	{ "relation", K(UPL_NODE_ACTIVITY), F_RELATION, 1 },
	{ "month", K(UPL_NODE_ACTIVITY), F_MONTHOF, 0 },
};

static const struct nfield *
find_node_field(int kind, const char *k)
{
	size_t i;
	for (i = 0; i < sizeof node_fields / sizeof node_fields[0]; i++)
		if ((node_fields[i].kinds & K(kind)) && strcmp(node_fields[i].name, k) == 0)
			return &node_fields[i];
	return NULL;
}

/* Push field f of the node wrapper at index 1. */
static void
node_get(lua_State *L, wrap *w, int id)
{
	upl_node *n = w->ptr;
	switch (id) {
	case F_KIND: push_str(L, upl_kind_name(upl_node_kind(n))); break;
	case F_LINE: push_int(L, (int)upl_node_line(n), 0); break;
	case F_COLUMN: push_int(L, (int)upl_node_column(n), 0); break;
	case F_PARENT:
	case F_MONTHOF:
		if (upl_node_parent(n) != NULL)
			push_sibling(L, 1, upl_node_parent(n), node_cls(upl_node_parent(n)));
		else
			push_sibling(L, 1, upl_node_plan(n), CLS_PLAN);
		break;
	case F_PLAN: push_sibling(L, 1, upl_node_plan(n), CLS_PLAN); break;
	case F_TEXT: push_str(L, upl_node_text(n)); break;
	case F_HEADING: push_str(L, upl_node_heading(n)); break;
	case F_LABEL: push_str(L, upl_node_label(n)); break;
	case F_NUMBER: push_int(L, upl_node_number(n), -1); break;
	case F_LEVEL: push_int(L, upl_node_level(n), 0); break;
	case F_ROLE: push_str(L, upl_role_name(upl_node_role(n))); break;
	case F_MONTH: push_int(L, upl_node_month(n), 0); break;
	case F_YEAR: push_int(L, upl_node_year(n), 0); break;
	case F_TO: push_int(L, upl_node_month_to(n), 0); break;
	case F_DATE: push_date(L, upl_node_date(n)); break;
	case F_HOLIDAY: push_str(L, upl_node_holiday(n)); break;
	case F_RELATION: push_str(L, upl_relation_name(upl_node_relation(n))); break;
	default: lua_pushnil(L); break;
	}
}

static void
set_month_fields(lua_State *L, upl_node *n, int id, int v)
{
	int m = upl_node_month(n), to = upl_node_month_to(n), y = upl_node_year(n);
	if (id == F_MONTH)
		m = v;
	else if (id == F_TO)
		to = v;
	else
		y = v;
	if (m < 1)
		luaL_error(L, "a month entry needs its month (1..12)");
	check_rc(L, upl_node_set_month(n, m, to, y), "month");
}

/* Set field id of node n to the value at vidx. */
static void
node_set(lua_State *L, upl_node *n, int id, int vidx, const char *name)
{
	const char *s;
	int v;
	switch (id) {
	case F_TEXT: check_rc(L, upl_node_set_text(n, opt_text(L, vidx, name)), name); break;
	case F_HEADING: check_rc(L, upl_node_set_heading(n, opt_text(L, vidx, name)), name); break;
	case F_LABEL: check_rc(L, upl_node_set_label(n, opt_text(L, vidx, name)), name); break;
	case F_NUMBER: check_rc(L, upl_node_set_number(n, opt_int(L, vidx, name, -1, 0, 1000000000L)), name); break;
	case F_LEVEL: check_rc(L, upl_node_set_level(n, opt_int(L, vidx, name, 0, 1, 9)), name); break;
	case F_ROLE:
		s = opt_text(L, vidx, name);
		if (s != NULL && upl_role_from_name(s) == UPL_ROLE_NONE)
			luaL_error(L, "unknown role '%s' (guidance, goals, tasks, schedule, routine, notes, appendix)", s);
		check_rc(L, upl_node_set_role(n, s ? upl_role_from_name(s) : UPL_ROLE_NONE), name);
		break;
	case F_MONTH: v = opt_int(L, vidx, name, -1, 1, 12); set_month_fields(L, n, id, v); break;
	case F_TO: v = opt_int(L, vidx, name, 0, 1, 12); set_month_fields(L, n, id, v); break;
	case F_YEAR: v = opt_int(L, vidx, name, 0, 1, 9999); set_month_fields(L, n, id, v); break;
	case F_DATE: {
		upl_date d = UPL_DATE_INIT;
		if (!lua_isnil(L, vidx))
			d = field_date(L, vidx, 1, name);
		check_rc(L, upl_node_set_date(n, d), name);
		break;
	}
	case F_HOLIDAY:
		s = opt_text(L, vidx, name);
		if (s != NULL && !upl_holiday_key_is_valid(s))
			luaL_error(L, "unknown holiday key '%s'", s);
		check_rc(L, upl_node_set_holiday(n, s), name);
		break;
	case F_RELATION:
		s = opt_text(L, vidx, name);
		if (s != NULL && upl_relation_from_name(s) == UPL_RELATION_NONE)
			luaL_error(L, "unknown relation '%s' (on, before, after, during)", s);
		check_rc(L, upl_node_set_relation(n, s ? upl_relation_from_name(s) : UPL_RELATION_NONE), name);
		break;
	default: luaL_error(L, "field '%s' cannot be set", name);
	}
}

/* ------------------------------------------------------------------------ */
/* Plan fields                                                               */

static void
push_period(lua_State *L, const upl_plan *p)
{
	upl_period per = UPL_PERIOD_INIT;
	if (upl_plan_period(p, &per) != 0) {
		lua_pushnil(L);
		return;
	}
	lua_createtable(L, 0, 6);
	push_str(L, upl_period_kind_name(per.kind));
	lua_setfield(L, -2, "kind");
	push_date(L, per.start);
	lua_setfield(L, -2, "start");
	push_date(L, per.end);
	lua_setfield(L, -2, "finish");
	push_int(L, per.schoolyear, 0);
	lua_setfield(L, -2, "schoolyear");
	push_int(L, per.term, 0);
	lua_setfield(L, -2, "term");
	push_str(L, per.text);
	lua_setfield(L, -2, "text");
}

static void
set_period(lua_State *L, upl_plan *p, int vidx)
{
	upl_period per = UPL_PERIOD_INIT;
	const char *kind;
	vidx = absidx(L, vidx);
	if (lua_isnil(L, vidx)) {
		check_rc(L, upl_plan_set_period(p, NULL), "period");
		return;
	}
	luaL_checktype(L, vidx, LUA_TTABLE);
	lua_getfield(L, vidx, "kind");
	kind = opt_text(L, -1, "period.kind");
	if (kind == NULL || (per.kind = upl_period_kind_from_name(kind)) == UPL_PERIOD_NONE)
		luaL_error(L, "period.kind must be school-year, term, year, half-year or custom");
	lua_getfield(L, vidx, "start");
	if (!lua_isnil(L, -1))
		per.start = field_date(L, -1, 0, "period.start");
	lua_getfield(L, vidx, "finish");
	if (!lua_isnil(L, -1))
		per.end = field_date(L, -1, 0, "period.finish");
	lua_getfield(L, vidx, "schoolyear");
	per.schoolyear = opt_int(L, -1, "period.schoolyear", 0, 0, 9999);
	lua_getfield(L, vidx, "term");
	per.term = opt_int(L, -1, "period.term", 0, 0, 2);
	lua_getfield(L, vidx, "text");
	per.text = opt_text(L, -1, "period.text");
	check_rc(L, upl_plan_set_period(p, &per), "period");
	lua_pop(L, 6);
}

static void
push_authors(lua_State *L, const upl_plan *p)
{
	size_t i, n = upl_plan_author_count(p);
	lua_createtable(L, (int)n, 0);
	for (i = 0; i < n; i++) {
		lua_pushstring(L, upl_plan_author(p, i));
		lua_rawseti(L, -2, (int)i + 1);
	}
}

static void
set_authors(lua_State *L, upl_plan *p, int vidx)
{
	size_t i, n;
	vidx = absidx(L, vidx);
	luaL_checktype(L, vidx, LUA_TTABLE);
	n = lua_rawlen(L, vidx);
	for (i = 1; i <= n; i++) {
		lua_rawgeti(L, vidx, (int)i);
		if (opt_text(L, -1, "an author") == NULL)
			luaL_error(L, "an author must be a string");
		lua_pop(L, 1);
	}
	while (upl_plan_author_count(p) > 0)
		upl_plan_author_remove(p, 0);
	for (i = 1; i <= n; i++) {
		lua_rawgeti(L, vidx, (int)i);
		check_rc(L, upl_plan_author_add(p, lua_tostring(L, -1)), "authors");
		lua_pop(L, 1);
	}
}

/* Push plan field k of the plan wrapper at index 1; 0 when there is none. */
static int
plan_get(lua_State *L, upl_plan *p, const char *k)
{
	if (field_is(k, "title")) push_str(L, upl_plan_title(p));
	else if (field_is(k, "organization")) push_str(L, upl_plan_organization(p));
	else if (field_is(k, "docnumber")) push_str(L, upl_plan_docnumber(p));
	else if (field_is(k, "lang")) push_str(L, upl_plan_lang(p));
	else if (field_is(k, "issued_text")) push_str(L, upl_plan_issued_text(p));
	else if (field_is(k, "issued")) push_date(L, upl_plan_issued_date(p));
	else if (field_is(k, "authors")) push_authors(L, p);
	else if (field_is(k, "period")) push_period(L, p);
	else if (field_is(k, "line")) push_int(L, (int)upl_plan_line(p), 0);
	else if (field_is(k, "column")) push_int(L, (int)upl_plan_column(p), 0);
	else if (field_is(k, "document")) push_sibling(L, 1, upl_plan_doc(p), CLS_DOC);
	else if (field_is(k, "source")) {
		if (upl_plan_source_file(p) == NULL && upl_plan_source_encoding(p) == NULL) {
			lua_pushnil(L);
		} else {
			lua_createtable(L, 0, 2);
			push_str(L, upl_plan_source_file(p));
			lua_setfield(L, -2, "file");
			push_str(L, upl_plan_source_encoding(p));
			lua_setfield(L, -2, "encoding");
		}
	} else
		return 0;
	return 1;
}

static void
plan_set(lua_State *L, upl_plan *p, const char *k, int vidx)
{
	if (field_is(k, "title")) check_rc(L, upl_plan_set_title(p, opt_text(L, vidx, k)), k);
	else if (field_is(k, "organization")) check_rc(L, upl_plan_set_organization(p, opt_text(L, vidx, k)), k);
	else if (field_is(k, "docnumber")) check_rc(L, upl_plan_set_docnumber(p, opt_text(L, vidx, k)), k);
	else if (field_is(k, "lang")) {
		const char *s = opt_text(L, vidx, k);
		if (s == NULL || upl_plan_set_lang(p, s) != 0)
			luaL_error(L, "lang must be \"zh-Hans\" or \"zh-Hant\"");
	} else if (field_is(k, "issued_text"))
		check_rc(L, upl_plan_set_issued(p, opt_text(L, vidx, k), upl_plan_issued_date(p)), k);
	else if (field_is(k, "issued")) {
		upl_date d = UPL_DATE_INIT;
		if (!lua_isnil(L, vidx))
			d = field_date(L, vidx, 0, k);
		check_rc(L, upl_plan_set_issued(p, upl_plan_issued_text(p), d), k);
	} else if (field_is(k, "authors"))
		set_authors(L, p, vidx);
	else if (field_is(k, "period"))
		set_period(L, p, vidx);
	else if (field_is(k, "source")) {
		const char *f = NULL, *e = NULL;
		if (!lua_isnil(L, vidx)) {
			luaL_checktype(L, vidx, LUA_TTABLE);
			lua_getfield(L, vidx, "file");
			f = opt_text(L, -1, "source.file");
			lua_getfield(L, vidx, "encoding");
			e = opt_text(L, -1, "source.encoding");
		}
		check_rc(L, upl_plan_set_source(p, f, e), k);
	} else
		luaL_error(L, "unionplan.plan has no field '%s' to set", k);
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                   */

static size_t
child_count(const wrap *w)
{
	if (w->cls == CLS_DOC)
		return upl_doc_plan_count(w->ptr);
	if (w->cls == CLS_PLAN)
		return upl_plan_block_count(w->ptr);
	return upl_node_child_count(w->ptr);
}

static void *
child_at(const wrap *w, size_t i)
{
	if (w->cls == CLS_DOC)
		return upl_doc_plan(w->ptr, i);
	if (w->cls == CLS_PLAN)
		return upl_plan_block(w->ptr, i);
	return upl_node_child(w->ptr, i);
}

static int
is_attached(const wrap *c)
{
	if (c->cls == CLS_PLAN)
		return upl_plan_doc(c->ptr) != NULL;
	return upl_node_parent(c->ptr) != NULL || upl_node_plan(c->ptr) != NULL;
}

/* Insert the wrapper at cidx into the container at index 1 before position
 * i (0-based; i == count appends). Leaves the child on top. */
static int
insert_child(lua_State *L, size_t i, int cidx)
{
	wrap *p = check_wrap(L, 1, "a container");
	wrap *c = check_wrap(L, cidx, p->cls == CLS_DOC ? "unionplan.plan" : "a node");
	int rc;
	cidx = absidx(L, cidx);
	if (p->cls == CLS_DOC ? c->cls != CLS_PLAN : !IS_NODE(c->cls))
		return luaL_argerror(L, cidx, p->cls == CLS_DOC ? "a document holds plans" : "a node expected");
	if (c->t == p->t || c->t->root != c->ptr || is_attached(c))
		return luaL_error(L, "this %s already belongs to a %s: remove it first, or add a copy()",
				  mt_names[c->cls] + 10, c->cls == CLS_PLAN ? "document" : "plan or node");
	getuv(L, cidx);     /* F */
	getuv(L, 1);        /* T */
	hold_tree(L, -2, -1);
	if (p->cls == CLS_DOC)
		rc = upl_doc_plan_insert(p->ptr, i, c->ptr);
	else if (p->cls == CLS_PLAN)
		rc = upl_plan_block_insert(p->ptr, i, c->ptr);
	else
		rc = upl_node_child_insert(p->ptr, i, c->ptr);
	if (rc == UPL_ENOMEM)
		return luaL_error(L, "out of memory");
	if (rc != 0)
		return luaL_error(L, "a %s cannot hold a %s", p->cls == CLS_PLAN ? "plan's body" : mt_names[p->cls] + 10,
				  mt_names[c->cls] + 10);
	tree_merge(L, -2, c->t, -1, p->t);
	lua_pop(L, 2);
	lua_pushvalue(L, cidx);
	return 1;
}

static int
m_add(lua_State *L)
{
	wrap *p = check_wrap(L, 1, "a container");
	return insert_child(L, child_count(p), 2);
}

static int
m_insert(lua_State *L)
{
	wrap *p = check_wrap(L, 1, "a container");
	lua_Integer i = luaL_checkinteger(L, 2);
	size_t n = child_count(p);
	if (i < 1 || (size_t)i > n + 1)
		return luaL_argerror(L, 2, "position out of range");
	return insert_child(L, (size_t)i - 1, 3);
}

/* The 0-based index of the child given at idx as a 1-based number or a wrapper. */
static size_t
child_index(lua_State *L, wrap *p, int idx)
{
	size_t i, n = child_count(p);
	if (lua_type(L, idx) == LUA_TNUMBER) {
		lua_Integer k = lua_tointeger(L, idx);
		if (k < 1 || (size_t)k > n)
			luaL_argerror(L, idx, "index out of range");
		return (size_t)k - 1;
	}
	{
		wrap *c = check_wrap(L, idx, "a child or an index");
		for (i = 0; i < n; i++)
			if (child_at(p, i) == c->ptr)
				return i;
	}
	luaL_argerror(L, idx, "not held by this object");
	return 0;
}

static int
m_remove(lua_State *L)
{
	wrap *p = check_wrap(L, 1, "a container");
	size_t i = child_index(L, p, 2), k;
	void *out = NULL;
	tree *t3;
	int Tidx, T3idx;
	getuv(L, 1);
	Tidx = lua_gettop(L);
	t3 = tree_push_new(L);   /* tree3, T3 */
	T3idx = lua_gettop(L);
	lua_pushvalue(L, T3idx - 1);
	lua_pushboolean(L, 1);
	lua_rawset(L, Tidx);     /* T holds tree3 until every wrapper moved */
	if (p->cls == CLS_DOC)
		upl_doc_plan_remove(p->ptr, i, (upl_plan **)&out);
	else if (p->cls == CLS_PLAN)
		upl_plan_block_remove(p->ptr, i, (upl_node **)&out);
	else
		upl_node_child_remove(p->ptr, i, (upl_node **)&out);
	t3->root = out;
	t3->kind = p->cls == CLS_DOC ? ROOT_PLAN : ROOT_NODE;
	if (p->cls == CLS_DOC) {
		lua_pushlightuserdata(L, out);
		lua_rawget(L, Tidx);
		if (lua_type(L, -1) == LUA_TUSERDATA)
			wrap_move(L, -1, T3idx, t3);
		lua_pop(L, 1);
		for (k = 0; k < upl_plan_block_count(out); k++)
			move_subtree(L, upl_plan_block(out, k), Tidx, T3idx, t3);
	} else {
		move_subtree(L, out, Tidx, T3idx, t3);
	}
	lua_pushvalue(L, T3idx - 1);
	lua_pushnil(L);
	lua_rawset(L, Tidx);
	push_wrap(L, T3idx, t3, out, p->cls == CLS_DOC ? CLS_PLAN : node_cls(out));
	return 1;
}

/* ------------------------------------------------------------------------ */
/* Constructors                                                              */

/* Set every field of the table at oidx on the wrapper on top of the stack,
 * except `skip`. */
static void
set_fields(lua_State *L, int oidx, const char *skip)
{
	int widx = lua_gettop(L);
	if (oidx == 0 || lua_isnoneornil(L, oidx))
		return;
	lua_pushnil(L);
	while (lua_next(L, oidx) != 0) {
		if (lua_type(L, -2) != LUA_TSTRING)
			luaL_error(L, "fields are named (got a %s key)", luaL_typename(L, -2));
		if (skip == NULL || strcmp(lua_tostring(L, -2), skip) != 0) {
			lua_pushvalue(L, -2);
			lua_pushvalue(L, -2);
			lua_settable(L, widx);   /* through __newindex: checks the value */
		}
		lua_pop(L, 1);
	}
}

/* Make a detached node of `kind` from the optional table at oidx; pushes it. */
static int
make_node(lua_State *L, upl_kind kind, int oidx)
{
	tree *t;
	upl_node *n = NULL;
	if (oidx != 0 && !lua_isnoneornil(L, oidx))
		luaL_checktype(L, oidx, LUA_TTABLE);
	t = tree_push_new(L);
	if (upl_node_new(&n, kind) != 0)
		return luaL_error(L, "out of memory");
	t->root = n;
	t->kind = ROOT_NODE;
	push_wrap(L, -1, t, n, CLS_OF_KIND(kind));
	lua_replace(L, -3);
	lua_pop(L, 1);
	if (kind == UPL_NODE_MONTH) {
		int m;
		if (oidx == 0 || lua_isnoneornil(L, oidx))
			return luaL_error(L, "a month needs its month: unionplan.month{month=9}");
		lua_getfield(L, oidx, "month");
		m = opt_int(L, -1, "month", -1, 1, 12);
		lua_pop(L, 1);
		if (m < 1)
			return luaL_error(L, "a month needs its month: unionplan.month{month=9}");
		check_rc(L, upl_node_set_month(n, m, 0, 0), "month");
	}
	set_fields(L, oidx, kind == UPL_NODE_MONTH ? "month" : NULL);
	return 1;
}

static int
f_node(lua_State *L)
{
	lua_settop(L, 1);
	return make_node(L, (upl_kind)lua_tointeger(L, lua_upvalueindex(1)), 1);
}

static int
make_plan(lua_State *L, int oidx)
{
	tree *t;
	upl_plan *p = NULL;
	const char *lang = NULL;
	int rc;
	if (oidx != 0 && !lua_isnoneornil(L, oidx)) {
		luaL_checktype(L, oidx, LUA_TTABLE);
		lua_getfield(L, oidx, "lang");
		lang = opt_text(L, -1, "lang");
		lua_pop(L, 1);
	}
	t = tree_push_new(L);
	rc = upl_plan_new(&p, lang);
	if (rc == UPL_EINVAL)
		return luaL_error(L, "lang must be \"zh-Hans\" or \"zh-Hant\"");
	if (rc != 0)
		return luaL_error(L, "out of memory");
	t->root = p;
	t->kind = ROOT_PLAN;
	push_wrap(L, -1, t, p, CLS_PLAN);
	lua_replace(L, -3);
	lua_pop(L, 1);
	set_fields(L, oidx, "lang");
	return 1;
}

static int
f_plan(lua_State *L)
{
	lua_settop(L, 1);
	return make_plan(L, 1);
}

static int
f_document(lua_State *L)
{
	tree *t;
	upl_doc *d = NULL;
	size_t i, n = 0;
	int didx;
	lua_settop(L, 1);
	if (!lua_isnoneornil(L, 1)) {
		luaL_checktype(L, 1, LUA_TTABLE);
		n = lua_rawlen(L, 1);
	}
	t = tree_push_new(L);
	if (upl_doc_new(&d) != 0)
		return luaL_error(L, "out of memory");
	t->root = d;
	t->kind = ROOT_DOC;
	push_wrap(L, -1, t, d, CLS_DOC);
	lua_replace(L, -3);
	lua_pop(L, 1);
	didx = lua_gettop(L);
	for (i = 1; i <= n; i++) {
		lua_pushcfunction(L, m_add);
		lua_pushvalue(L, didx);
		lua_rawgeti(L, 1, (int)i);
		lua_call(L, 2, 0);
	}
	if (n > 0 || !lua_isnoneornil(L, 1)) {
		lua_getfield(L, 1, "collection");
		if (!lua_isnil(L, -1))
			upl_doc_set_collection(d, lua_toboolean(L, -1));
		lua_pop(L, 1);
	}
	lua_settop(L, didx);
	return 1;
}

/* x:add_<kind>{...}: make a node (upvalue 1: its kind) or a plan (0) and add it. */
static int
m_add_new(lua_State *L)
{
	int kind = (int)lua_tointeger(L, lua_upvalueindex(1));
	wrap *p = check_wrap(L, 1, "a container");
	lua_settop(L, 2);
	if (kind == 0)
		make_plan(L, 2);
	else
		make_node(L, (upl_kind)kind, 2);
	return insert_child(L, child_count(p), lua_gettop(L));
}

static int
m_copy(lua_State *L)
{
	wrap *w = check_wrap(L, 1, "a plan or node");
	tree *t = tree_push_new(L);
	void *c = NULL;
	if (w->cls == CLS_DOC)
		return luaL_error(L, "copy a document through its XML: unionplan.loads(doc:dumps())");
	if (w->cls == CLS_PLAN ? upl_plan_clone((upl_plan **)&c, w->ptr) : upl_node_clone((upl_node **)&c, w->ptr))
		return luaL_error(L, "out of memory");
	t->root = c;
	t->kind = w->cls == CLS_PLAN ? ROOT_PLAN : ROOT_NODE;
	push_wrap(L, -1, t, c, w->cls);
	return 1;
}

/* ------------------------------------------------------------------------ */
/* Writing, validating, closing                                              */

static int
m_dumps(lua_State *L)
{
	wrap *w = check_wrap(L, 1, "a document or plan");
	char **out = (char **)box_new(L, free_mem);
	size_t len = 0;
	upl_error **err = (upl_error **)box_new(L, free_error);
	int rc;
	if (w->cls == CLS_DOC)
		rc = upl_doc_write_buffer(out, &len, w->ptr, NULL, err);
	else if (w->cls == CLS_PLAN)
		rc = upl_plan_write_buffer(out, &len, w->ptr, NULL, err);
	else
		return luaL_argerror(L, 1, "a document or plan expected");
	if (rc != 0)
		return push_failure(L, rc, *err);
	lua_pushlstring(L, *out, len);
	return 1;
}

static int
m_dump(lua_State *L)
{
	wrap *w = check_cls(L, 1, CLS_DOC);
	const char *path = check_path(L, 2);
	char **out = (char **)box_new(L, free_mem);
	size_t len = 0;
	upl_error **err = (upl_error **)box_new(L, free_error);
	int rc = upl_doc_write_buffer(out, &len, w->ptr, NULL, err);
	if (rc == 0)
		rc = upl_write_file_atomic(path, *out, len, err);
	if (rc != 0)
		return push_failure(L, rc, *err);
	lua_pushboolean(L, 1);
	return 1;
}

/* Push the diagnostics of a report as an array with field `failed`. */
static void
push_diagnostics(lua_State *L, const upl_report *r, int strict)
{
	size_t i, n = upl_report_count(r);
	lua_createtable(L, (int)n, 1);
	for (i = 0; i < n; i++) {
		const upl_diag *d = upl_report_get(r, i);
		lua_createtable(L, 0, 6);
		push_str(L, upl_severity_name(upl_diag_severity(d)));
		lua_setfield(L, -2, "severity");
		push_str(L, upl_diag_code(d));
		lua_setfield(L, -2, "code");
		push_str(L, upl_diag_message(d));
		lua_setfield(L, -2, "message");
		push_str(L, upl_diag_file(d));
		lua_setfield(L, -2, "file");
		push_int(L, (int)upl_diag_line(d), 0);
		lua_setfield(L, -2, "line");
		push_int(L, (int)upl_diag_column(d), 0);
		lua_setfield(L, -2, "column");
		lua_rawseti(L, -2, (int)i + 1);
	}
	lua_pushboolean(L, upl_report_failed(r, strict));
	lua_setfield(L, -2, "failed");
}

/* Options table at oidx (may be absent): only the names in `allowed`. */
static void
check_options(lua_State *L, int oidx, const char *const *allowed)
{
	if (lua_isnoneornil(L, oidx))
		return;
	luaL_checktype(L, oidx, LUA_TTABLE);
	lua_pushnil(L);
	while (lua_next(L, oidx) != 0) {
		const char *const *a;
		const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
		for (a = allowed; k != NULL && *a != NULL; a++)
			if (strcmp(*a, k) == 0)
				break;
		if (k == NULL || *a == NULL)
			luaL_error(L, "unknown option '%s'%s", k ? k : "?",
				   k && strcmp(k, "today") == 0 ? " (no rule depends on the current date)" : "");
		lua_pop(L, 1);
	}
}

/* Push option `name` of the options table at oidx: 1, or 0 (nothing
 * pushed) when there is no options table. */
static int
opt_field(lua_State *L, int oidx, const char *name)
{
	if (lua_isnoneornil(L, oidx))
		return 0;
	lua_getfield(L, oidx, name);
	return 1;
}

static const char *
opt_string(lua_State *L, int oidx, const char *name)
{
	const char *s;
	if (!opt_field(L, oidx, name))
		return NULL;
	s = opt_text(L, -1, name);
	lua_pop(L, 1); /* the string stays alive in the options table */
	return s;
}

/* Boolean option `name`: dflt when absent or nil. */
static int
opt_bool_or(lua_State *L, int oidx, const char *name, int dflt)
{
	int b = dflt;
	if (!opt_field(L, oidx, name))
		return dflt;
	if (!lua_isnil(L, -1) && !lua_isboolean(L, -1))
		luaL_error(L, "option %s must be a boolean", name);
	if (!lua_isnil(L, -1))
		b = lua_toboolean(L, -1);
	lua_pop(L, 1);
	return b;
}

static int
opt_bool(lua_State *L, int oidx, const char *name)
{
	return opt_bool_or(L, oidx, name, 0);
}

static size_t
opt_size(lua_State *L, int oidx, const char *name)
{
	int v;
	if (!opt_field(L, oidx, name))
		return 0;
	v = opt_int(L, -1, name, 0, 1, 2147483647L);
	lua_pop(L, 1);
	return (size_t)v;
}

static const char *
opt_lang(lua_State *L, int oidx)
{
	const char *s = opt_string(L, oidx, "lang");
	if (s != NULL && strcmp(s, "en") != 0 && strcmp(s, "zh-Hans") != 0 && strcmp(s, "zh") != 0 &&
	    strcmp(s, "zh_CN") != 0)
		luaL_error(L, "unknown message language '%s' (\"en\" or \"zh-Hans\")", s);
	return s;
}

static unsigned int
rule_bit(lua_State *L, const char *s)
{
	static const struct { const char *name; unsigned int bit; } groups[] = {
		{ "numbering", UPL_RULES_NUMBERING }, { "months", UPL_RULES_MONTHS },
		{ "dates", UPL_RULES_DATES }, { "holidays", UPL_RULES_HOLIDAYS },
		{ "crosscheck", UPL_RULES_CROSSCHECK }, { "meta", UPL_RULES_META },
	};
	size_t k;
	for (k = 0; k < sizeof groups / sizeof groups[0]; k++)
		if (strcmp(s, groups[k].name) == 0)
			return groups[k].bit;
	luaL_error(L, "unknown rule group '%s' (numbering, months, dates, holidays, crosscheck, meta)", s);
	return 0;
}

/* The options of doc:validate{...} (file 0) and of up.validate(src, {...})
 * (file 1), which takes stream too: true (the default) streams a file. */
static void
validate_options(lua_State *L, int oidx, upl_validate_options *o, int *strict, int file)
{
	static const char *const doc_allowed[] = { "strict", "rules", "lang", "schema_only",
						   "max_bytes", "name", "from", NULL };
	static const char *const file_allowed[] = { "strict", "rules", "lang", "schema_only",
						    "max_bytes", "name", "from", "stream", NULL };
	check_options(L, oidx, file ? file_allowed : doc_allowed);
	if (file && opt_bool_or(L, oidx, "stream", 1))
		o->flags |= UPL_VALIDATE_STREAM;
	*strict = opt_bool(L, oidx, "strict");
	o->lang = opt_lang(L, oidx);
	o->max_bytes = opt_size(L, oidx, "max_bytes");
	if (opt_bool(L, oidx, "schema_only"))
		o->flags |= UPL_VALIDATE_SCHEMA_ONLY;
	if (lua_isnoneornil(L, oidx))
		return;
	lua_getfield(L, oidx, "rules");
	if (lua_type(L, -1) == LUA_TSTRING) {
		o->rules = rule_bit(L, lua_tostring(L, -1));
	} else if (lua_istable(L, -1)) {
		size_t i, n = lua_rawlen(L, -1);
		for (i = 1; i <= n; i++) {
			lua_rawgeti(L, -1, (int)i);
			o->rules |= rule_bit(L, luaL_checkstring(L, -1));
			lua_pop(L, 1);
		}
		if (o->rules == 0)
			luaL_error(L, "rules names no group (leave it out for all)");
	} else if (!lua_isnil(L, -1)) {
		luaL_error(L, "rules must be a group name or an array of names");
	}
	lua_pop(L, 1);
}

/* Push a box holding a new report and a box for an error; the report's
 * slot is returned, the error's goes to *err. */
static upl_report **
push_report(lua_State *L, upl_error ***err)
{
	upl_report **r = (upl_report **)box_new(L, free_report);
	*err = (upl_error **)box_new(L, free_error);
	if (upl_report_new(r) != 0)
		luaL_error(L, "out of memory");
	return r;
}

static int
m_validate(lua_State *L)
{
	lua_settop(L, 2); /* the options, or nil */
	wrap *w = check_cls(L, 1, CLS_DOC);
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	upl_report **r;
	upl_error **err;
	int strict, rc;
	validate_options(L, 2, &o, &strict, 0);
	r = push_report(L, &err);
	rc = upl_doc_validate(*r, w->ptr, &o, err);
	if (rc != 0)
		return push_failure(L, rc, *err);
	push_diagnostics(L, *r, strict);
	return 1;
}

/* doc:close() and <close>: free the document now; every wrapper of it is
 * closed (using one is an error). */
static int
m_close(lua_State *L)
{
	wrap *w = to_wrap(L, 1);
	tree *t;
	if (w == NULL || w->cls != CLS_DOC)
		return luaL_argerror(L, 1, "unionplan.document expected");
	if (w->ptr == NULL)
		return 0;
	t = w->t;
	getuv(L, 1);
	lua_pushnil(L);
	while (lua_next(L, -2) != 0) {
		if (lua_type(L, -1) == LUA_TUSERDATA && lua_type(L, -2) == LUA_TLIGHTUSERDATA)
			((wrap *)lua_touserdata(L, -1))->ptr = NULL;
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	upl_doc_free(t->root);
	t->root = NULL;
	t->kind = ROOT_NONE;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* Walking                                                                   */

static int
m_plans(lua_State *L)
{
	wrap *w = check_cls(L, 1, CLS_DOC);
	size_t i, n = upl_doc_plan_count(w->ptr);
	lua_createtable(L, (int)n, 0);
	for (i = 0; i < n; i++) {
		push_sibling(L, 1, upl_doc_plan(w->ptr, i), CLS_PLAN);
		lua_rawseti(L, -2, (int)i + 1);
	}
	return push_iterator(L);
}

/* Children of a node, or blocks of a plan, of one kind (0: all). */
static int
push_children(lua_State *L, upl_kind only)
{
	wrap *w = check_wrap(L, 1, "a plan or node");
	size_t i, n = child_count(w);
	int k = 0;
	lua_createtable(L, (int)n, 0);
	for (i = 0; i < n; i++) {
		upl_node *c = child_at(w, i);
		if (only != 0 && upl_node_kind(c) != only)
			continue;
		push_sibling(L, 1, c, node_cls(c));
		lua_rawseti(L, -2, ++k);
	}
	return push_iterator(L);
}

static int m_children(lua_State *L) { return push_children(L, 0); }
static int m_sections(lua_State *L) { check_cls(L, 1, CLS_PLAN); return push_children(L, UPL_NODE_SECTION); }

static int
walk_kinds(lua_State *L, unsigned int mask)
{
	wrap *w = check_cls(L, 1, CLS_PLAN);
	push_walk(L, 1, w->ptr, mask);
	return push_iterator(L);
}

static int m_schedule(lua_State *L) { return walk_kinds(L, UPL_KIND_BIT(UPL_NODE_MONTH)); }
static int m_activities_of_plan(lua_State *L) { return walk_kinds(L, UPL_KIND_BIT(UPL_NODE_ACTIVITY)); }
static int m_notes(lua_State *L) { return walk_kinds(L, UPL_KIND_BIT(UPL_NODE_NOTE)); }

static int
m_walk(lua_State *L)
{
	static const char *const names[] = { "p", "section", "item", "schedule", "month", "activity", "note", NULL };
	unsigned int mask = UPL_KIND_ALL;
	if (!lua_isnoneornil(L, 2))
		mask = UPL_KIND_BIT(luaL_checkoption(L, 2, NULL, names) + 1);
	return walk_kinds(L, mask);
}

static int
m_activities(lua_State *L)
{
	wrap *w = check_wrap(L, 1, "a plan or month");
	if (w->cls == CLS_PLAN)
		return m_activities_of_plan(L);
	return push_children(L, UPL_NODE_ACTIVITY);
}

/* ------------------------------------------------------------------------ */
/* Metamethods                                                               */

/* __index of every class: a closure with upvalues 1, its metatable; 2, its
 * methods; 3, for node classes, its fields (name -> field id). */
static int
w_index(lua_State *L)
{
	wrap *w = lua_touserdata(L, 1);
	const char *k;
	if (w == NULL || !lua_getmetatable(L, 1) || !lua_rawequal(L, -1, lua_upvalueindex(1)))
		return luaL_argerror(L, 1, "a unionplan object expected");
	lua_pop(L, 1);
	if (w->ptr == NULL)
		return luaL_error(L, "this %s belongs to a document that is closed", mt_names[w->cls]);
	lua_pushvalue(L, 2);
	lua_rawget(L, lua_upvalueindex(2));
	if (!lua_isnil(L, -1))
		return 1;
	lua_pop(L, 1);
	if (IS_NODE(w->cls)) {
		lua_pushvalue(L, 2);
		lua_rawget(L, lua_upvalueindex(3));
		if (lua_type(L, -1) == LUA_TNUMBER)
			node_get(L, w, (int)lua_tointeger(L, -1));
		else
			lua_pushnil(L);
		return 1;
	}
	if (w->cls == CLS_DOC && lua_type(L, 2) == LUA_TNUMBER) {
		lua_Integer i = lua_tointeger(L, 2);
		if (i >= 1 && (size_t)i <= upl_doc_plan_count(w->ptr) && (lua_Number)i == lua_tonumber(L, 2))
			push_sibling(L, 1, upl_doc_plan(w->ptr, (size_t)i - 1), CLS_PLAN);
		else
			lua_pushnil(L);
		return 1;
	}
	if (lua_type(L, 2) != LUA_TSTRING) {
		lua_pushnil(L);
		return 1;
	}
	k = lua_tostring(L, 2);
	if (w->cls == CLS_DOC) {
		if (field_is(k, "name"))
			push_str(L, upl_doc_name(w->ptr));
		else if (field_is(k, "collection"))
			lua_pushboolean(L, upl_doc_is_collection(w->ptr));
		else
			lua_pushnil(L);
	} else if (!plan_get(L, w->ptr, k)) {
		lua_pushnil(L);
	}
	return 1;
}

static int
w_newindex(lua_State *L)
{
	wrap *w = check_wrap(L, 1, "a unionplan object");
	const char *k = luaL_checkstring(L, 2);
	if (w->cls == CLS_DOC) {
		if (!field_is(k, "collection"))
			return luaL_error(L, "unionplan.document has no field '%s' to set", k);
		upl_doc_set_collection(w->ptr, lua_toboolean(L, 3));
	} else if (w->cls == CLS_PLAN) {
		plan_set(L, w->ptr, k, 3);
	} else {
		const struct nfield *f = find_node_field(upl_node_kind(w->ptr), k);
		if (f == NULL || !f->writable)
			return luaL_error(L, "%s has no field '%s' to set", mt_names[w->cls], k);
		node_set(L, w->ptr, f->id, 3, k);
	}
	return 0;
}

static int
w_len(lua_State *L)
{
	wrap *w = check_wrap(L, 1, "a unionplan object");
	lua_pushinteger(L, (lua_Integer)child_count(w));
	return 1;
}

/* The first characters of s (at most about 30 bytes, cut between characters). */
static void
push_excerpt(lua_State *L, const char *s)
{
	size_t n = strlen(s), cut = n;
	if (n > 30) {
		cut = 30;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	lua_pushlstring(L, s, cut);
	if (cut < n)
		lua_pushstring(L, "…");
	else
		lua_pushstring(L, "");
	lua_concat(L, 2);
}

static int
w_tostring(lua_State *L)
{
	wrap *w = to_wrap(L, 1);
	const char *t = NULL;
	if (w == NULL)
		return luaL_argerror(L, 1, "a unionplan object expected");
	if (w->ptr == NULL) {
		lua_pushfstring(L, "%s (closed)", mt_names[w->cls]);
		return 1;
	}
	if (w->cls == CLS_DOC) {
		const char *name = upl_doc_name(w->ptr);
		lua_pushfstring(L, "unionplan.document: %s (%d plans)", name ? name : "(in memory)",
				(int)upl_doc_plan_count(w->ptr));
		return 1;
	}
	if (w->cls == CLS_PLAN)
		t = upl_plan_title(w->ptr);
	else if ((t = upl_node_text(w->ptr)) == NULL && (t = upl_node_heading(w->ptr)) == NULL)
		t = upl_node_label(w->ptr);
	lua_pushfstring(L, "%s: ", mt_names[w->cls]);
	push_excerpt(L, t ? t : "");
	lua_concat(L, 2);
	return 1;
}

/* ------------------------------------------------------------------------ */
/* Reading: load, loads, import_text, validate                               */

/* Whether argument 1 of import_text/validate is content (1) or a path (0). */
static int
is_content(lua_State *L, int oidx, int xml)
{
	size_t len, i = 0;
	const char *s = luaL_checklstring(L, 1, &len);
	const char *from = opt_string(L, oidx, "from");
	if (from != NULL) {
		if (strcmp(from, "string") == 0)
			return 1;
		if (strcmp(from, "path") == 0)
			return 0;
		luaL_error(L, "option from must be \"path\" or \"string\"");
	}
	if (memchr(s, '\n', len) != NULL || memchr(s, '\r', len) != NULL)
		return 1;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		return 1;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return xml && i < len && s[i] == '<';
}

static const char *const read_options[] = { "name", "max_bytes", "lang", NULL };

/* The end of the functions that read a document into the new tree t (on
 * the stack below its error box): the document, or nil, message, line,
 * column, code. */
static int
push_parsed(lua_State *L, tree *t, int rc, upl_doc *d, upl_error *err)
{
	if (rc != 0)
		return push_failure(L, rc, err);
	t->root = d;
	t->kind = ROOT_DOC;
	push_wrap(L, -2, t, d, CLS_DOC);
	return 1;
}

static int
f_load_common(lua_State *L, int from_string)
{
	lua_settop(L, 2); /* the options, or nil */
	size_t len;
	const char *src = luaL_checklstring(L, 1, &len);
	upl_parse_options o = UPL_PARSE_OPTIONS_INIT;
	upl_error **err;
	upl_doc *d = NULL;
	const char *name;
	tree *t;
	int rc;
	check_options(L, 2, read_options);
	name = opt_string(L, 2, "name");
	o.max_bytes = opt_size(L, 2, "max_bytes");
	o.lang = opt_lang(L, 2);
	t = tree_push_new(L);
	err = (upl_error **)box_new(L, free_error);
	if (from_string)
		rc = upl_doc_parse_buffer(&d, src, len, name, &o, err);
	else
		rc = upl_doc_parse_file(&d, check_path(L, 1), &o, err);
	return push_parsed(L, t, rc, d, *err);
}

typedef int (*export_fn)(char **out, size_t *len, const upl_doc *doc,
			 const upl_export_options *opts, upl_error **err);

/* The document at 1 exported by fn with o: a string, or nil, message. */
static int
push_export(lua_State *L, export_fn fn, const upl_export_options *o)
{
	wrap *w = lua_touserdata(L, 1);
	char **out = (char **)box_new(L, free_mem);
	size_t len = 0;
	upl_error **err = (upl_error **)box_new(L, free_error);
	int rc = fn(out, &len, w->ptr, o, err);
	if (rc != 0)
		return push_failure(L, rc, *err);
	lua_pushlstring(L, *out, len);
	return 1;
}

/* The options of doc:to_FORMAT{...}: allowed[i] (NULL-terminated) sets
 * flags[i] when true (flags[i] 0: an option the caller reads itself). */
static void
export_setup(lua_State *L, const char *const *allowed, const unsigned int *flags,
	     upl_export_options *o)
{
	size_t i;
	check_cls(L, 1, CLS_DOC);
	lua_settop(L, 2);
	check_options(L, 2, allowed);
	for (i = 0; allowed[i] != NULL; i++)
		if (flags[i] != 0 && opt_bool(L, 2, allowed[i]))
			o->flags |= flags[i];
}

/* doc:to_json{positions=, pretty=}: the JSON form (doc/json.md). */
static int
m_to_json(lua_State *L)
{
	static const char *const allowed[] = { "positions", "pretty", NULL };
	static const unsigned int flags[] = { UPL_EXPORT_POSITIONS, UPL_EXPORT_PRETTY };
	upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
	export_setup(L, allowed, flags, &o);
	return push_export(L, upl_export_json_buffer, &o);
}

/* doc:to_ics{holidays=}: the schedules as iCalendar (doc/ics.md). */
static int
m_to_ics(lua_State *L)
{
	static const char *const allowed[] = { "holidays", NULL };
	static const unsigned int flags[] = { UPL_EXPORT_HOLIDAYS };
	upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
	export_setup(L, allowed, flags, &o);
	return push_export(L, upl_export_ics_buffer, &o);
}

/* doc:to_text{renumber=, width=, simplified=}: a Chinese text document. */
static int
m_to_text(lua_State *L)
{
	static const char *const allowed[] = { "renumber", "width", "simplified", NULL };
	static const unsigned int flags[] = { UPL_EXPORT_RENUMBER, 0, UPL_EXPORT_SIMPLIFIED };
	upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
	export_setup(L, allowed, flags, &o);
	if (opt_field(L, 2, "width")) {
		o.width = (unsigned int)opt_int(L, -1, "width", 0, 0, 1000);
		lua_pop(L, 1);
	}
	return push_export(L, upl_export_text_buffer, &o);
}

/* doc:to_html{diagnostics=, renumber=}: one self-contained page (doc/html.md). */
static int
m_to_html(lua_State *L)
{
	static const char *const allowed[] = { "diagnostics", "renumber", NULL };
	static const unsigned int flags[] = { UPL_EXPORT_DIAGNOSTICS, UPL_EXPORT_RENUMBER };
	upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
	export_setup(L, allowed, flags, &o);
	return push_export(L, upl_export_html_buffer, &o);
}

/* doc:to_docx{renumber=, simplified=}: a Word file (doc/docx.md), as a
 * string of bytes. */
static int
m_to_docx(lua_State *L)
{
	static const char *const allowed[] = { "renumber", "simplified", NULL };
	static const unsigned int flags[] = { UPL_EXPORT_RENUMBER, UPL_EXPORT_SIMPLIFIED };
	upl_export_options o = UPL_EXPORT_OPTIONS_INIT;
	export_setup(L, allowed, flags, &o);
	return push_export(L, upl_export_docx_buffer, &o);
}

/* up.loads_json(str, {name=, max_bytes=}): a document from its JSON form. */
static int
f_loads_json(lua_State *L)
{
	static const char *const allowed[] = { "name", "max_bytes", NULL };
	size_t len;
	const char *src;
	upl_json_parse_options o = UPL_JSON_PARSE_OPTIONS_INIT;
	upl_error **err;
	upl_doc *d = NULL;
	const char *name;
	tree *t;
	int rc;
	lua_settop(L, 2);
	src = luaL_checklstring(L, 1, &len);
	check_options(L, 2, allowed);
	name = opt_string(L, 2, "name");
	o.max_bytes = opt_size(L, 2, "max_bytes");
	t = tree_push_new(L);
	err = (upl_error **)box_new(L, free_error);
	rc = upl_doc_parse_json_buffer(&d, src, len, name, &o, err);
	return push_parsed(L, t, rc, d, *err);
}

static int f_load(lua_State *L) { return f_load_common(L, 0); }
static int f_loads(lua_State *L) { return f_load_common(L, 1); }

static int
f_import_text(lua_State *L)
{
	lua_settop(L, 2); /* the options, or nil */
	static const char *const allowed[] = { "encoding", "simplified", "lang", "name", "max_bytes",
					       "from", NULL };
	size_t len;
	const char *src = luaL_checklstring(L, 1, &len);
	upl_import_options o = UPL_IMPORT_OPTIONS_INIT;
	upl_report **r;
	upl_error **err;
	upl_doc *d = NULL;
	tree *t;
	int rc, content, Tidx;
	check_options(L, 2, allowed);
	content = is_content(L, 2, 0);
	o.encoding = opt_string(L, 2, "encoding");
	o.lang = opt_lang(L, 2);
	o.max_bytes = opt_size(L, 2, "max_bytes");
	if (opt_bool(L, 2, "simplified"))
		o.flags |= UPL_IMPORT_SIMPLIFIED;
	t = tree_push_new(L);
	Tidx = lua_gettop(L);
	r = push_report(L, &err);
	if (content)
		rc = upl_import_buffer(&d, *r, src, len, opt_string(L, 2, "name"), &o, err);
	else
		rc = upl_import_file(&d, *r, check_path(L, 1), &o, err);
	if (rc != 0)
		return push_failure(L, rc, *err);
	t->root = d;
	t->kind = ROOT_DOC;
	push_wrap(L, Tidx, t, d, CLS_DOC);
	push_diagnostics(L, *r, 0);
	return 2;
}

static int
f_validate(lua_State *L)
{
	lua_settop(L, 2); /* the options, or nil */
	size_t len;
	const char *src = luaL_checklstring(L, 1, &len);
	upl_validate_options o = UPL_VALIDATE_OPTIONS_INIT;
	upl_report **r;
	upl_error **err;
	int strict, rc, content;
	validate_options(L, 2, &o, &strict, 1);
	content = is_content(L, 2, 1);
	r = push_report(L, &err);
	if (content)
		rc = upl_validate_buffer(*r, src, len, opt_string(L, 2, "name"), &o, err);
	else
		rc = upl_validate_file(*r, check_path(L, 1), &o, err);
	if (rc != 0)
		return push_failure(L, rc, *err);
	push_diagnostics(L, *r, strict);
	return 1;
}

static int
f_version(lua_State *L)
{
	lua_pushstring(L, upl_version(NULL, NULL, NULL));
	return 1;
}

static int
f_holiday_keys(lua_State *L)
{
	size_t i, n = upl_holiday_count();
	lua_createtable(L, (int)n, 0);
	for (i = 0; i < n; i++) {
		lua_pushstring(L, upl_holiday_key(i));
		lua_rawseti(L, -2, (int)i + 1);
	}
	return 1;
}

/* ------------------------------------------------------------------------ */
/* Calendar                                                                  */

typedef struct calbox {
	upl_calendar *cal;
} calbox;

static int
cal_gc(lua_State *L)
{
	calbox *c = luaL_checkudata(L, 1, MT_CAL);
	upl_calendar_free(c->cal);
	c->cal = NULL;
	return 0;
}

/* The calendar given among the optional arguments from `from` on (NULL:
 * the embedded data); the options table among them goes to *oidx. */
static const upl_calendar *
opt_calendar(lua_State *L, int from, int *oidx)
{
	const upl_calendar *cal = NULL;
	int i, top = lua_gettop(L);
	if (oidx)
		*oidx = 0;
	for (i = from; i <= top; i++) {
		if (lua_isnil(L, i))
			continue;
		if (lua_istable(L, i) && oidx) {
			*oidx = i;
		} else {
			calbox *c = luaL_testudata(L, i, MT_CAL);
			if (c == NULL)
				luaL_argerror(L, i, "a calendar (unionplan.calendar) expected");
			cal = c->cal;
		}
	}
	return cal;
}

static int
check_year(lua_State *L, int idx)
{
	lua_Number x = luaL_checknumber(L, idx);
	if (x != (lua_Number)(long)x || x < 1 || x > 9999)
		luaL_argerror(L, idx, "a year in 1..9999 expected");
	return (int)x;
}

static void
push_holiday(lua_State *L, upl_date d, const char *key)
{
	const char *name = upl_holiday_name(key, 0);
	lua_createtable(L, 0, 3);
	push_date(L, d);
	lua_setfield(L, -2, "date");
	lua_pushstring(L, key);
	lua_setfield(L, -2, "key");
	lua_pushstring(L, name ? name : key);
	lua_setfield(L, -2, "name");
}

static int
push_festivals(lua_State *L, upl_date a, upl_date b)
{
	upl_holiday_occurrence **occ = (upl_holiday_occurrence **)box_new(L, free);
	size_t n = 0, i;
	int rc = upl_holiday_list(NULL, 0, &n, a, b);
	if (rc != 0 && rc != UPL_ERANGE)
		return push_failure(L, rc, NULL);
	*occ = malloc((n ? n : 1) * sizeof **occ);
	if (*occ == NULL)
		return luaL_error(L, "out of memory");
	if ((rc = upl_holiday_list(*occ, n, &n, a, b)) != 0)
		return push_failure(L, rc, NULL);
	lua_createtable(L, (int)n, 0);
	for (i = 0; i < n; i++) {
		push_holiday(L, (*occ)[i].date, (*occ)[i].key);
		lua_rawseti(L, -2, (int)i + 1);
	}
	return 1;
}

static int
push_statutory(lua_State *L, const upl_calendar *cal, int year)
{
	upl_calendar_day **days = (upl_calendar_day **)box_new(L, free);
	size_t n = 0, i;
	int k = 0, rc = upl_calendar_days(NULL, 0, &n, cal, year);
	if (rc == UPL_ENOTFOUND) {
		lua_pushnil(L);
		lua_pushfstring(L, "no official arrangement for year %d", year);
		return 2;
	}
	if (rc != 0 && rc != UPL_ERANGE)
		return push_failure(L, rc, NULL);
	*days = malloc((n ? n : 1) * sizeof **days);
	if (*days == NULL)
		return luaL_error(L, "out of memory");
	if ((rc = upl_calendar_days(*days, n, &n, cal, year)) != 0)
		return push_failure(L, rc, NULL);
	lua_createtable(L, (int)n, 0);
	for (i = 0; i < n; i++) {
		if ((*days)[i].status != UPL_DAY_OFF)
			continue;
		push_holiday(L, (*days)[i].date, (*days)[i].holiday);
		lua_rawseti(L, -2, ++k);
	}
	return 1;
}

/* holidays(year [, {statutory=true}] [, cal]) */
static int
f_holidays(lua_State *L)
{
	static const char *const allowed[] = { "statutory", NULL };
	int year = check_year(L, 1), oidx;
	const upl_calendar *cal = opt_calendar(L, 2, &oidx);
	upl_date a = { 0, 1, 1 }, b = { 0, 12, 31 };
	if (oidx)
		check_options(L, oidx, allowed);
	if (oidx && opt_bool(L, oidx, "statutory"))
		return push_statutory(L, cal, year);
	a.year = b.year = year;
	return push_festivals(L, a, b);
}

/* holidays_ics(year | {year, ...} [, cal]): the official calendar of the
 * years as an iCalendar feed (doc/ics.md), or nil, message for a year
 * without an arrangement. */
static int
f_holidays_ics(lua_State *L)
{
	const upl_calendar *cal = opt_calendar(L, 2, NULL);
	int **years = (int **)box_new(L, free);
	char **out = (char **)box_new(L, free_mem);
	upl_error **err = (upl_error **)box_new(L, free_error);
	size_t n = 1, i, len = 0;
	int rc;
	if (lua_istable(L, 1)) {
		n = lua_rawlen(L, 1);
		if (n == 0)
			return luaL_argerror(L, 1, "at least one year expected");
	} else if (!lua_isnumber(L, 1)) {
		return luaL_argerror(L, 1, "a year or a list of years expected");
	}
	if ((*years = malloc(n * sizeof **years)) == NULL)
		return luaL_error(L, "out of memory");
	if (!lua_istable(L, 1))
		(*years)[0] = check_year(L, 1);
	for (i = 0; i < n && lua_istable(L, 1); i++) {
		lua_Number x;
		lua_rawgeti(L, 1, (int)i + 1);
		x = lua_tonumber(L, -1);
		if (!lua_isnumber(L, -1) || x != (lua_Number)(long)x || x < 1 || x > 9999)
			return luaL_argerror(L, 1, "a list of years in 1..9999 expected");
		(*years)[i] = (int)x;
		lua_pop(L, 1);
	}
	rc = upl_export_ics_holidays_buffer(out, &len, cal, *years, n, NULL, err);
	if (rc != 0)
		return push_failure(L, rc, *err);
	lua_pushlstring(L, *out, len);
	return 1;
}

static int
f_holidays_between(lua_State *L)
{
	upl_date a = check_date(L, 1, 0), b = check_date(L, 2, 0);
	if (upl_date_compare(a, b) > 0)
		return luaL_argerror(L, 2, "the end is before the start");
	return push_festivals(L, a, b);
}

static int
f_festival(lua_State *L)
{
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len), *key = s;
	int year = check_year(L, 2), rc;
	upl_date d;
	if (upl_holiday_kind_of(s) < 0 && upl_holiday_from_name(&key, s, len) != 0)
		return luaL_argerror(L, 1, lua_pushfstring(L, "no festival is called '%s'", s));
	rc = upl_holiday_date(&d, key, year);
	if (rc == UPL_ENOTFOUND) {
		lua_pushnil(L);
		lua_pushfstring(L, "%s does not fall in %d", key, year);
		return 2;
	}
	if (rc != 0)
		return push_failure(L, rc, NULL);
	push_date(L, d);
	return 1;
}

static int
f_solar_terms(lua_State *L)
{
	int year = check_year(L, 1), i;
	lua_createtable(L, UPL_SOLAR_TERM_COUNT, 0);
	for (i = 0; i < UPL_SOLAR_TERM_COUNT; i++) {
		upl_date d;
		if (upl_solar_term_date(&d, year, i) != 0)
			return luaL_error(L, "no solar terms for year %d", year);
		lua_createtable(L, 0, 3);
		push_date(L, d);
		lua_setfield(L, -2, "date");
		lua_pushstring(L, upl_solar_term_key(i));
		lua_setfield(L, -2, "key");
		lua_pushstring(L, upl_solar_term_name(i, 0));
		lua_setfield(L, -2, "name");
		lua_rawseti(L, -2, i + 1);
	}
	return 1;
}

static int
f_lunar(lua_State *L)
{
	upl_date d = check_date(L, 1, 0);
	upl_lunar_date ld;
	char text[UPL_LUNAR_TEXT_SIZE];
	int rc = upl_lunar_from_date(&ld, d);
	if (rc != 0)
		return push_failure(L, rc, NULL);
	upl_lunar_format(text, sizeof text, &ld, 0);
	lua_createtable(L, 0, 8);
	lua_pushinteger(L, ld.year);
	lua_setfield(L, -2, "year");
	lua_pushinteger(L, ld.month);
	lua_setfield(L, -2, "month");
	lua_pushboolean(L, ld.leap);
	lua_setfield(L, -2, "leap");
	lua_pushinteger(L, ld.day);
	lua_setfield(L, -2, "day");
	lua_pushstring(L, text);
	lua_setfield(L, -2, "text");
	push_str(L, upl_lunar_ganzhi(ld.year));
	lua_setfield(L, -2, "ganzhi");
	push_str(L, upl_lunar_zodiac(ld.year, 0));
	lua_setfield(L, -2, "zodiac");
	lua_pushboolean(L, ld.source == UPL_LUNAR_SOURCE_TABLE);
	lua_setfield(L, -2, "official");
	return 1;
}

static int
f_from_lunar(lua_State *L)
{
	int y = check_year(L, 1);
	int m = opt_int(L, 2, "month", -1, 1, 12), day = opt_int(L, 3, "day", -1, 1, 30);
	int leap = lua_toboolean(L, 4), rc;
	upl_date d;
	if (m < 1 || day < 1)
		return luaL_error(L, "from_lunar(year, month, day [, leap]) needs a month and a day");
	rc = upl_lunar_to_date(&d, NULL, y, m, leap, day);
	if (rc == UPL_EINVAL) {
		lua_pushnil(L);
		lua_pushfstring(L, "lunar %d-%d%s-%d does not exist", y, m, leap ? " (leap)" : "", day);
		return 2;
	}
	if (rc != 0)
		return push_failure(L, rc, NULL);
	push_date(L, d);
	return 1;
}

static const char *
status_name(upl_day_status s)
{
	return s == UPL_DAY_WORKDAY ? "workday" : s == UPL_DAY_OFF ? "day-off" : "unknown";
}

static int
f_workday(lua_State *L)
{
	upl_date d = check_date(L, 1, 0);
	const upl_calendar *cal = opt_calendar(L, 2, NULL);
	upl_workday_info w;
	int rc = upl_calendar_workday(&w, cal, d);
	if (rc != 0)
		return push_failure(L, rc, NULL);
	lua_pushstring(L, status_name(w.status));
	if (w.reason != NULL && *w.reason)
		lua_pushstring(L, w.reason);
	else
		lua_pushnil(L);
	return 2;
}

static int
no_data(lua_State *L, upl_date d)
{
	char buf[UPL_DATE_ISO_SIZE];
	upl_date_format(buf, d);
	lua_pushnil(L);
	lua_pushfstring(L, "no official arrangement for %d (asked about %s)", d.year, buf);
	return 2;
}

static int
f_is_workday(lua_State *L)
{
	upl_date d = check_date(L, 1, 0);
	const upl_calendar *cal = opt_calendar(L, 2, NULL);
	upl_workday_info w;
	int rc = upl_calendar_workday(&w, cal, d);
	if (rc != 0)
		return push_failure(L, rc, NULL);
	if (w.status == UPL_DAY_UNKNOWN)
		return no_data(L, d);
	lua_pushboolean(L, w.status == UPL_DAY_WORKDAY);
	return 1;
}

static int
f_workdays_between(lua_State *L)
{
	upl_date a = check_date(L, 1, 0), b = check_date(L, 2, 0);
	const upl_calendar *cal = opt_calendar(L, 3, NULL);
	long n = 0;
	int rc = upl_calendar_workdays_between(&n, cal, a, b);
	if (rc == UPL_ENOTFOUND) {
		lua_pushnil(L);
		lua_pushstring(L, "no official arrangement for a year in that range");
		return 2;
	}
	if (rc != 0)
		return push_failure(L, rc, NULL);
	lua_pushinteger(L, (lua_Integer)n);
	return 1;
}

static int
f_add_workdays(lua_State *L)
{
	upl_date d = check_date(L, 1, 0), out;
	lua_Number x = luaL_checknumber(L, 2);
	const upl_calendar *cal = opt_calendar(L, 3, NULL);
	int rc;
	if (x != (lua_Number)(long)x || x < -3660000 || x > 3660000)
		return luaL_argerror(L, 2, "an integer number of working days expected");
	rc = upl_calendar_add_workdays(&out, cal, d, (long)x);
	if (rc == UPL_ENOTFOUND) {
		lua_pushnil(L);
		lua_pushstring(L, "the walk reaches a year without an official arrangement");
		return 2;
	}
	if (rc != 0)
		return push_failure(L, rc, NULL);
	push_date(L, out);
	return 1;
}

/* up.calendar([path]): the embedded arrangements, plus a data file. */
static int
f_calendar(lua_State *L)
{
	const char *path = lua_isnoneornil(L, 1) ? NULL : check_path(L, 1);
	calbox *c = newud(L, sizeof *c);
	upl_error **err;
	int rc;
	c->cal = NULL;
	luaL_setmetatable(L, MT_CAL);
	err = (upl_error **)box_new(L, free_error);
	if ((rc = upl_calendar_new(&c->cal, err)) != 0)
		return push_failure(L, rc, *err);
	if (path != NULL && (rc = upl_calendar_load_file(c->cal, path, err)) != 0)
		return push_failure(L, rc, *err);
	lua_pop(L, 1);
	return 1;
}

static int
cal_load(lua_State *L)
{
	calbox *c = luaL_checkudata(L, 1, MT_CAL);
	const char *path = check_path(L, 2);
	upl_error **err = (upl_error **)box_new(L, free_error);
	int rc = upl_calendar_load_file(c->cal, path, err);
	if (rc != 0)
		return push_failure(L, rc, *err);
	lua_pushboolean(L, 1);
	return 1;
}

static int
cal_has_year(lua_State *L)
{
	calbox *c = luaL_checkudata(L, 1, MT_CAL);
	lua_pushboolean(L, upl_calendar_has_year(c->cal, check_year(L, 2)));
	return 1;
}

/* cal:f(args...) is f(args..., cal) */
static int
cal_method(lua_State *L)
{
	luaL_checkudata(L, 1, MT_CAL);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_pushvalue(L, 2);
	lua_remove(L, 2);
	lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
	return lua_gettop(L);
}

static int
cal_tostring(lua_State *L)
{
	luaL_checkudata(L, 1, MT_CAL);
	lua_pushstring(L, "unionplan.calendar");
	return 1;
}

/* ------------------------------------------------------------------------ */
/* The module                                                                */

static const luaL_Reg doc_methods[] = {
	{ "plans", m_plans }, { "dumps", m_dumps }, { "dump", m_dump }, { "validate", m_validate },
	{ "to_json", m_to_json }, { "to_text", m_to_text }, { "to_ics", m_to_ics },
	{ "to_html", m_to_html },
	{ "to_docx", m_to_docx },
	{ "add", m_add }, { "insert", m_insert }, { "remove", m_remove }, { "close", m_close },
	{ NULL, NULL }
};

static const luaL_Reg plan_methods[] = {
	{ "sections", m_sections }, { "schedule", m_schedule }, { "activities", m_activities },
	{ "body", m_children }, { "notes", m_notes }, { "walk", m_walk }, { "dumps", m_dumps },
	{ "add", m_add }, { "insert", m_insert }, { "remove", m_remove }, { "copy", m_copy },
	{ NULL, NULL }
};

static const luaL_Reg node_methods[] = {
	{ "children", m_children }, { "add", m_add }, { "insert", m_insert }, { "remove", m_remove },
	{ "copy", m_copy }, { NULL, NULL }
};

/* Builders per container class: name, kind (0: a plan). */
static const struct builder {
	int cls;
	const char *name;
	int kind;
} builders[] = {
	{ CLS_DOC, "add_plan", 0 },
	{ CLS_PLAN, "add_section", UPL_NODE_SECTION }, { CLS_PLAN, "add_paragraph", UPL_NODE_PARAGRAPH },
	{ CLS_PLAN, "add_schedule", UPL_NODE_SCHEDULE }, { CLS_PLAN, "add_note", UPL_NODE_NOTE },
	{ CLS_OF_KIND(UPL_NODE_SECTION), "add_section", UPL_NODE_SECTION },
	{ CLS_OF_KIND(UPL_NODE_SECTION), "add_item", UPL_NODE_ITEM },
	{ CLS_OF_KIND(UPL_NODE_SECTION), "add_paragraph", UPL_NODE_PARAGRAPH },
	{ CLS_OF_KIND(UPL_NODE_SECTION), "add_schedule", UPL_NODE_SCHEDULE },
	{ CLS_OF_KIND(UPL_NODE_SECTION), "add_note", UPL_NODE_NOTE },
	{ CLS_OF_KIND(UPL_NODE_ITEM), "add_item", UPL_NODE_ITEM },
	{ CLS_OF_KIND(UPL_NODE_ITEM), "add_paragraph", UPL_NODE_PARAGRAPH },
	{ CLS_OF_KIND(UPL_NODE_SCHEDULE), "add_month", UPL_NODE_MONTH },
	{ CLS_OF_KIND(UPL_NODE_MONTH), "add_activity", UPL_NODE_ACTIVITY },
};

static void
make_class(lua_State *L, int cls)
{
	size_t i;
	luaL_newmetatable(L, mt_names[cls]);
	lua_pushinteger(L, cls);
	lua_setfield(L, -2, "__upl_class");
	lua_pushstring(L, mt_names[cls]);
	lua_setfield(L, -2, "__name");
	lua_newtable(L);
	luaL_setfuncs(L, cls == CLS_DOC ? doc_methods : cls == CLS_PLAN ? plan_methods : node_methods, 0);
	if (cls == CLS_OF_KIND(UPL_NODE_SCHEDULE)) {
		lua_pushcfunction(L, m_children);
		lua_setfield(L, -2, "months");
	} else if (cls == CLS_OF_KIND(UPL_NODE_MONTH)) {
		lua_pushcfunction(L, m_activities);
		lua_setfield(L, -2, "activities");
	}
	for (i = 0; i < sizeof builders / sizeof builders[0]; i++)
		if (builders[i].cls == cls) {
			lua_pushinteger(L, builders[i].kind);
			lua_pushcclosure(L, m_add_new, 1);
			lua_setfield(L, -2, builders[i].name);
		}
	lua_newtable(L); /* fields: name -> id */
	for (i = 0; IS_NODE(cls) && i < sizeof node_fields / sizeof node_fields[0]; i++)
		if (node_fields[i].kinds & K(cls - CLS_NODE)) {
			lua_pushinteger(L, node_fields[i].id);
			lua_setfield(L, -2, node_fields[i].name);
		}
	lua_pushvalue(L, -3);
	lua_insert(L, -3);  /* metatable, methods, fields */
	lua_pushcclosure(L, w_index, 3);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, w_newindex);
	lua_setfield(L, -2, "__newindex");
	lua_pushcfunction(L, w_tostring);
	lua_setfield(L, -2, "__tostring");
	lua_pushcfunction(L, w_len);
	lua_setfield(L, -2, "__len");
	lua_pushliteral(L, "unionplan objects are not meant to be changed");
	lua_setfield(L, -2, "__metatable");
	if (cls == CLS_DOC) {
		lua_pushcfunction(L, m_close);
		lua_setfield(L, -2, "__close");
	}
	lua_pop(L, 1);
}

static const luaL_Reg calendar_fns[] = {
	{ "holidays", f_holidays }, { "workday", f_workday }, { "is_workday", f_is_workday },
	{ "workdays_between", f_workdays_between }, { "add_workdays", f_add_workdays },
	{ "holidays_ics", f_holidays_ics },
	{ NULL, NULL }
};

static void
make_support_types(lua_State *L)
{
	const luaL_Reg *r;
	luaL_newmetatable(L, MT_TREE);
	lua_pushcfunction(L, tree_gc);
	lua_setfield(L, -2, "__gc");
	lua_pop(L, 1);
	luaL_newmetatable(L, MT_BOX);
	lua_pushcfunction(L, box_gc);
	lua_setfield(L, -2, "__gc");
	lua_pop(L, 1);
	luaL_newmetatable(L, MT_WEAK);
	lua_pushliteral(L, "v");
	lua_setfield(L, -2, "__mode");
	lua_pop(L, 1);
	luaL_newmetatable(L, MT_CAL);
	lua_pushcfunction(L, cal_gc);
	lua_setfield(L, -2, "__gc");
	lua_pushcfunction(L, cal_tostring);
	lua_setfield(L, -2, "__tostring");
	lua_newtable(L);
	for (r = calendar_fns; r->name != NULL; r++) {
		lua_pushcfunction(L, r->func);
		lua_pushcclosure(L, cal_method, 1);
		lua_setfield(L, -2, r->name);
	}
	lua_pushcfunction(L, cal_load);
	lua_setfield(L, -2, "load");
	lua_pushcfunction(L, cal_has_year);
	lua_setfield(L, -2, "has_year");
	lua_setfield(L, -2, "__index");
	lua_pop(L, 1);
}

static const luaL_Reg module_fns[] = {
	{ "load", f_load }, { "loads", f_loads }, { "import_text", f_import_text },
	{ "loads_json", f_loads_json },
	{ "validate", f_validate }, { "version", f_version }, { "holiday_keys", f_holiday_keys },
	{ "plan", f_plan }, { "document", f_document },
	{ "holidays_between", f_holidays_between }, { "festival", f_festival },
	{ "solar_terms", f_solar_terms }, { "lunar", f_lunar }, { "from_lunar", f_from_lunar },
	{ "calendar", f_calendar },
	{ NULL, NULL }
};

#if defined(__GNUC__) && __GNUC__ >= 4
#define UPL_LUA_EXPORT __attribute__((visibility("default")))
#else
#define UPL_LUA_EXPORT
#endif

UPL_LUA_EXPORT int luaopen_unionplan(lua_State *L);

UPL_LUA_EXPORT int
luaopen_unionplan(lua_State *L)
{
	static const struct { const char *name; upl_kind kind; } ctors[] = {
		{ "section", UPL_NODE_SECTION }, { "item", UPL_NODE_ITEM },
		{ "paragraph", UPL_NODE_PARAGRAPH }, { "note", UPL_NODE_NOTE },
		{ "schedule", UPL_NODE_SCHEDULE }, { "month", UPL_NODE_MONTH },
		{ "activity", UPL_NODE_ACTIVITY },
	};
	size_t i;
	int cls;
	make_support_types(L);
	for (cls = 1; cls < NCLS; cls++)
		if (mt_names[cls] != NULL)
			make_class(L, cls);
	lua_newtable(L);
	luaL_setfuncs(L, module_fns, 0);
	luaL_setfuncs(L, calendar_fns, 0);
	for (i = 0; i < sizeof ctors / sizeof ctors[0]; i++) {
		lua_pushinteger(L, ctors[i].kind);
		lua_pushcclosure(L, f_node, 1);
		lua_setfield(L, -2, ctors[i].name);
	}
	lua_pushfstring(L, "unionplan %s", UPL_VERSION_STRING);
	lua_setfield(L, -2, "_VERSION");
	return 1;
}

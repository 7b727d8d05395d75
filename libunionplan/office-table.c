/* Tables of Word and OpenDocument files. A table whose header row names a
 * month column (月份, 时间, 日期) and an activity column (内容, 工作内容,
 * 活动内容, 工作安排) is a schedule: each row gives a month line, then one
 * line per paragraph of its activity cell, which is how the text importer
 * reads a schedule. A cell merged with the one above (w:vMerge, an ODF
 * covered cell) continues that cell's month. Any other table is written
 * paragraph by paragraph in reading order, row by row, nothing dropped. */
#include "config.h"

#include <string.h>

#include "office-private.h"

void
upl__off_table_row(off_table *t)
{
	if (upl__grow((void **)&t->rows, &t->cap, t->n + 1, sizeof *t->rows) != 0) {
		t->oom = 1;
		return;
	}
	memset(&t->rows[t->n++], 0, sizeof *t->rows);
}

void
upl__off_table_cell(off_table *t, unsigned int span, int merged)
{
	off_row *r;
	off_cell *cell;
	if (t->n == 0)
		upl__off_table_row(t);
	if (t->n == 0)
		return;
	r = &t->rows[t->n - 1];
	if (upl__grow((void **)&r->cells, &r->cap, r->n + 1, sizeof *r->cells) != 0) {
		t->oom = 1;
		return;
	}
	cell = &r->cells[r->n++];
	memset(cell, 0, sizeof *cell);
	cell->col = r->cols;
	cell->span = span ? span : 1;
	cell->merged = merged;
	if (r->cols < 4096)
		r->cols += cell->span;
}

void
upl__off_table_para(off_table *t, const char *s, size_t n)
{
	off_cell *cell;
	char *copy;
	if (t->n == 0 || t->rows[t->n - 1].n == 0)
		upl__off_table_cell(t, 1, 0);
	if (t->oom)
		return;
	cell = &t->rows[t->n - 1].cells[t->rows[t->n - 1].n - 1];
	copy = upl__strndup(s, n);
	if (copy == NULL || upl__grow((void **)&cell->paras, &cell->cap, cell->n + 1,
				      sizeof *cell->paras) != 0) {
		upl__dealloc(copy);
		t->oom = 1;
		return;
	}
	cell->paras[cell->n++] = copy;
}

void
upl__off_table_free(off_table *t)
{
	size_t i, j, k;
	for (i = 0; i < t->n; i++) {
		for (j = 0; j < t->rows[i].n; j++) {
			off_cell *cell = &t->rows[i].cells[j];
			for (k = 0; k < cell->n; k++)
				upl__dealloc(cell->paras[k]);
			upl__dealloc(cell->paras);
		}
		upl__dealloc(t->rows[i].cells);
	}
	upl__dealloc(t->rows);
	memset(t, 0, sizeof *t);
}

/* The cell of row r covering grid column col, or NULL. */
static const off_cell *
cell_at(const off_row *r, unsigned int col)
{
	size_t j;
	for (j = 0; j < r->n; j++)
		if (r->cells[j].col <= col && col < r->cells[j].col + r->cells[j].span)
			return &r->cells[j];
	return NULL;
}

/* Whether the cell's text (its paragraphs, spaces aside) is short and
 * holds one of the words. */
static int
cell_names(const off_cell *cell, const char *const *words, size_t max)
{
	size_t k, total = 0, w;
	int found = 0;
	if (cell == NULL)
		return 0;
	for (k = 0; k < cell->n; k++) {
		total += strlen(cell->paras[k]);
		for (w = 0; words[w]; w++)
			if (strstr(cell->paras[k], words[w]))
				found = 1;
	}
	return found && total <= max;
}

/* The grid columns of the month and activity cells of a schedule's header
 * row; 0 when the table is no schedule. */
static int
schedule_columns(const off_table *t, unsigned int *mcol, unsigned int *acol)
{
	static const char *const months[] = { "月份", "月", "时间", "時間", "日期", NULL };
	static const char *const acts[] = {
		"内容", "內容", "工作安排", "活动", "活動", "安排", NULL
	};
	const off_row *h;
	size_t j;
	int have_m = 0, have_a = 0;
	if (t->n < 2)
		return 0;
	h = &t->rows[0];
	for (j = 0; j < h->n; j++) {
		if (!have_m && cell_names(&h->cells[j], months, 12)) {
			*mcol = h->cells[j].col;
			have_m = 1;
		} else if (!have_a && cell_names(&h->cells[j], acts, 24)) {
			*acol = h->cells[j].col;
			have_a = 1;
		}
	}
	return have_m && have_a && *mcol != *acol;
}

/* A cell's paragraphs, one line each, empty ones left out. */
static void
emit_paras(off_ctx *c, const off_cell *cell)
{
	size_t k;
	for (k = 0; cell && k < cell->n; k++) {
		size_t n = strlen(cell->paras[k]);
		if (n == 0)
			continue;
		upl__off_put(c, cell->paras[k], n);
		upl__off_end_line(c);
	}
}

/* A month cell's text as one line: its paragraphs joined. */
static int
emit_month(off_ctx *c, const off_cell *cell)
{
	size_t k;
	int any = 0;
	for (k = 0; k < cell->n; k++) {
		size_t n = strlen(cell->paras[k]);
		if (n) {
			upl__off_put(c, cell->paras[k], n);
			any = 1;
		}
	}
	if (any)
		upl__off_end_line(c);
	return any;
}

static void
emit_schedule(off_ctx *c, const off_table *t, unsigned int mcol, unsigned int acol)
{
	size_t i;
	for (i = 1; i < t->n; i++) {
		const off_cell *m = cell_at(&t->rows[i], mcol);
		const off_cell *a = cell_at(&t->rows[i], acol);
		/* a merged month cell: the month above goes on */
		if (m && !m->merged && m != a)
			emit_month(c, m);
		if (a && !a->merged && a != m)
			emit_paras(c, a);
	}
}

void
upl__off_table_emit(off_ctx *c, off_table *t)
{
	unsigned int mcol = 0, acol = 0;
	size_t i, j;
	if (t->oom) {
		c->oom = 1;
	} else if (schedule_columns(t, &mcol, &acol)) {
		emit_schedule(c, t, mcol, acol);
	} else {
		for (i = 0; i < t->n; i++)
			for (j = 0; j < t->rows[i].n; j++)
				if (!t->rows[i].cells[j].merged)
					emit_paras(c, &t->rows[i].cells[j]);
	}
	upl__off_table_free(t);
}

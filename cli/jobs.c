/* Work on N threads, results handed on in order (unionplan validate
 * --jobs=N): a shared counter hands out the indices, each result waits in
 * its slot of a ring until the calling thread, which emits them in order,
 * gets to it. A worker does not run ahead of the emitted ones by more than
 * the ring holds. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>

#include "jobs.h"

/* Results that may wait per thread. */
#define SLOTS_PER_JOB 4

typedef struct jobs {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	size_t n, next, emitted, ring;
	void **result;        /* ring of results, by index modulo ring */
	unsigned char *done;  /* and whether each is there */
	void *(*work)(size_t, void *);
	void *ctx;
} jobs;

static void *
worker(void *arg)
{
	jobs *j = arg;
	pthread_mutex_lock(&j->lock);
	for (;;) {
		size_t i;
		void *r;
		while (j->next < j->n && j->next >= j->emitted + j->ring)
			pthread_cond_wait(&j->changed, &j->lock);
		if (j->next >= j->n)
			break;
		i = j->next++;
		pthread_mutex_unlock(&j->lock);
		r = j->work(i, j->ctx);
		pthread_mutex_lock(&j->lock);
		j->result[i % j->ring] = r;
		j->done[i % j->ring] = 1;
		pthread_cond_broadcast(&j->changed);
	}
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

/* The calling thread's part: emit each result in order. */
static void
emit_all(jobs *j, void (*emit)(size_t, void *, void *))
{
	size_t i;
	for (i = 0; i < j->n; i++) {
		void *r;
		pthread_mutex_lock(&j->lock);
		while (!j->done[i % j->ring])
			pthread_cond_wait(&j->changed, &j->lock);
		r = j->result[i % j->ring];
		j->done[i % j->ring] = 0;
		pthread_mutex_unlock(&j->lock);
		emit(i, r, j->ctx);
		pthread_mutex_lock(&j->lock);
		j->emitted = i + 1;
		pthread_cond_broadcast(&j->changed);
		pthread_mutex_unlock(&j->lock);
	}
}

static void
run_serial(size_t n, void *(*work)(size_t, void *), void (*emit)(size_t, void *, void *),
	   void *ctx)
{
	size_t i;
	for (i = 0; i < n; i++)
		emit(i, work(i, ctx), ctx);
}

void
cli_jobs_run(size_t n, int njobs, void *(*work)(size_t i, void *ctx),
	     void (*emit)(size_t i, void *result, void *ctx), void *ctx)
{
	jobs j;
	pthread_t threads[CLI_JOBS_MAX];
	int k, started = 0;
	if (njobs > CLI_JOBS_MAX)
		njobs = CLI_JOBS_MAX;
	if (njobs <= 1 || n <= 1) {
		run_serial(n, work, emit, ctx);
		return;
	}
	j.n = n;
	j.next = j.emitted = 0;
	j.ring = (size_t)njobs * SLOTS_PER_JOB;
	j.result = calloc(j.ring, sizeof *j.result);
	j.done = calloc(j.ring, 1);
	j.work = work;
	j.ctx = ctx;
	if (j.result == NULL || j.done == NULL || pthread_mutex_init(&j.lock, NULL) != 0) {
		free(j.result);
		free(j.done);
		run_serial(n, work, emit, ctx);
		return;
	}
	if (pthread_cond_init(&j.changed, NULL) == 0) {
		for (k = 0; k < njobs; k++) {
			if (pthread_create(&threads[k], NULL, worker, &j) != 0)
				break;
			started++;
		}
		if (started > 0) {
			emit_all(&j, emit);
			for (k = 0; k < started; k++)
				pthread_join(threads[k], NULL);
		}
		pthread_cond_destroy(&j.changed);
	}
	pthread_mutex_destroy(&j.lock);
	free(j.result);
	free(j.done);
	if (started == 0)
		run_serial(n, work, emit, ctx);
}

int
cli_jobs_parse(const char *arg, int *out)
{
	int n = 0;
	const char *p = arg;
	if (*p == '\0')
		return -1;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		n = n * 10 + (*p - '0');
		if (n > CLI_JOBS_MAX)
			return -1;
	}
	if (n < 1)
		return -1;
	*out = n;
	return 0;
}

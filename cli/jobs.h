/* Work on N threads, results handed on in order. */
#ifndef UNIONPLAN_CLI_JOBS_H
#define UNIONPLAN_CLI_JOBS_H

#include <stddef.h>

/* The most threads --jobs=N asks for. */
#define CLI_JOBS_MAX 256

/* Run work(i, ctx) for i = 0 .. n-1 on up to jobs threads, and emit(i,
 * result, ctx) for each in the order of i, on the calling thread, as soon
 * as the results before it have been emitted; emit owns the result. At most
 * a few results per thread wait to be emitted, so the memory held does not
 * grow with n. jobs <= 1 (or threads that cannot be started) runs the same
 * calls one after the other on the calling thread. */
void cli_jobs_run(size_t n, int jobs, void *(*work)(size_t i, void *ctx),
		  void (*emit)(size_t i, void *result, void *ctx), void *ctx);

/* --jobs=N: a count from 1 to CLI_JOBS_MAX. Returns 0, or -1 when arg is
 * not one. */
int cli_jobs_parse(const char *arg, int *out);

#endif

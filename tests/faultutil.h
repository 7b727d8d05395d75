/* The allocation-failure harness of the fault suites (linked against the
 * fault-injection build, libupl-fault.la). Include after testutil.h and
 * "util-private.h" with UPL_FAULT_INJECTION defined. */
#ifndef UNIONPLAN_FAULTUTIL_H
#define UNIONPLAN_FAULTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One operation under test: 0 on success or a library error code. When it
 * produces an output it stores it in *out (malloc'd, NUL-terminated, freed
 * by the harness); operations without one leave *out NULL. */
typedef int (*test_fault_op)(const char *data, size_t len, char **out);

/* Keep a copy of an operation's output s for the comparison (NULL stays
 * NULL). */
static inline void
test_keep(char **keep, const char *s)
{
	*keep = s ? strdup(s) : NULL;
}

/* Run op once cleanly, counting its allocations, then once with each of
 * those allocations made to fail. Every faulted run must either fail with
 * UPL_ENOMEM or succeed with exactly the clean run's output; leaks and
 * double frees are left to the sanitizers and valgrind. */
static inline void
run_every_n(test_fault_op op, const char *data, size_t len, const char *what)
{
	unsigned long n, made;
	char *clean = NULL, *out;
	int rc;
	upl__fault_set(0);
	ck_assert_int_eq(op(data, len, &clean), 0);
	made = upl__fault_set(0);
	ck_assert_uint_gt(made, 0);
	for (n = 1; n <= made; n++) {
		out = NULL;
		upl__fault_set(n);
		rc = op(data, len, &out);
		upl__fault_set(0);
		ck_assert_msg(rc == UPL_ENOMEM || rc == 0, "%s: allocation %lu failing gave %d",
			      what, n, rc);
		if (rc == 0 && clean != NULL)
			ck_assert_msg(out != NULL && strcmp(out, clean) == 0,
				      "%s: allocation %lu failing gave other output", what, n);
		free(out);
	}
	free(clean);
	printf("%s: %lu allocations, each made to fail once\n", what, made);
}

#endif

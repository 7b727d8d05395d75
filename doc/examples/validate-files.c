/* validate-files: check plan files the way a document pipeline does.
 *
 *   cc validate-files.c $(pkg-config --cflags --libs libunionplan) -o validate-files
 *   ./validate-files plan1.xml plan2.xml ...
 *
 * Prints FILE:LINE:COL: SEVERITY: MESSAGE [CODE] for every finding and
 * exits 0 when every file is valid, 1 when one is not, 3 when one cannot
 * be read.
 */
#include <stdio.h>

#include <unionplan.h>

int
main(int argc, char **argv)
{
	upl_report *report = NULL;
	int i, status = 0;

	if (upl_report_new(&report) != 0)
		return 3;
	for (i = 1; i < argc; i++) {
		upl_error *err = NULL;
		size_t k;
		upl_report_clear(report);
		if (upl_validate_file(report, argv[i], NULL, &err) != 0) {
			/* could not check it at all: missing, unreadable, ... */
			fprintf(stderr, "%s: %s\n", argv[i], upl_error_message(err));
			upl_error_free(err);
			status = 3;
			continue;
		}
		for (k = 0; k < upl_report_count(report); k++) {
			const upl_diag *d = upl_report_get(report, k);
			printf("%s:%u:%u: %s: %s [%s]\n", upl_diag_file(d), upl_diag_line(d),
			       upl_diag_column(d), upl_severity_name(upl_diag_severity(d)),
			       upl_diag_message(d), upl_diag_code(d));
		}
		if (upl_report_failed(report, 0) && status == 0)
			status = 1;
	}
	upl_report_free(report);
	return status;
}

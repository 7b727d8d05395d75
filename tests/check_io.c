/* Unit tests for the atomic file writer (upl_write_file_atomic in
 * include/unionplan/common.h) and the one file loader, seen through the
 * calendar's and the XML reader's file functions. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <unionplan.h>

#include "testutil.h"

static char dir[] = "/tmp/upl-io-XXXXXX";

static void
setup(void)
{
	strcpy(dir + strlen(dir) - 6, "XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* How many entries the test directory holds (to see that no temporary
 * file is left behind). */
static int
entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
in_dir(char *out, size_t size, const char *name)
{
	snprintf(out, size, "%s/%s", dir, name);
}

static void
put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

/* The whole file (at most 255 bytes), NUL-terminated, in a static buffer. */
static const char *
get(const char *path)
{
	static char buf[256];
	FILE *fp = fopen(path, "r");
	size_t n;
	ck_assert_ptr_nonnull(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

START_TEST(test_write_new_and_replace)
{
	char path[256];
	struct stat st;
	ino_t before;
	upl_error *err = NULL;
	setup();
	in_dir(path, sizeof path, "out.txt");
	/* a new file: the bytes, mode 0644 */
	ck_assert_int_eq(upl_write_file_atomic(path, "工会\n", strlen("工会\n"), &err), 0);
	ck_assert_str_eq(get(path), "工会\n");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0644);
	/* an existing regular file: replaced by rename (a new inode), its mode kept */
	ck_assert_int_eq(chmod(path, 0600), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	before = st.st_ino;
	ck_assert_int_eq(upl_write_file_atomic(path, "new", 3, &err), 0);
	ck_assert_str_eq(get(path), "new");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0600);
	ck_assert(st.st_ino != before);
	/* nothing at all: an empty file */
	ck_assert_int_eq(upl_write_file_atomic(path, NULL, 0, &err), 0);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, 0);
	ck_assert_int_eq(entries(), 1); /* no temporary file left */
	ck_assert_ptr_null(err);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* Refused with UPL_EIO and message msg; the refusal names the path. */
static void
refused(const char *path, const char *msg)
{
	upl_error *err = NULL;
	ck_assert_int_eq(upl_write_file_atomic(path, "new", 3, &err), UPL_EIO);
	ck_assert_str_eq(upl_error_message(err), msg);
	ck_assert_str_eq(upl_error_file(err), path);
	upl_error_free(err);
}

START_TEST(test_refuses_what_is_not_a_regular_file)
{
	char target[256], link[256], dangling[256], sub[256], fifo[256];
	struct stat st;
	setup();
	in_dir(target, sizeof target, "target.txt");
	in_dir(link, sizeof link, "link.txt");
	in_dir(dangling, sizeof dangling, "dangling.txt");
	in_dir(sub, sizeof sub, "sub");
	in_dir(fifo, sizeof fifo, "fifo");
	put(target, "old");
	ck_assert_int_eq(symlink("target.txt", link), 0);
	ck_assert_int_eq(symlink("nowhere.txt", dangling), 0);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	ck_assert_int_eq(mkfifo(fifo, 0644), 0);

	/* a symbolic link: neither it nor its target changes */
	refused(link, "is a symbolic link: not replaced");
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ck_assert_str_eq(get(target), "old");
	refused(dangling, "is a symbolic link: not replaced");
	ck_assert_int_eq(lstat(dangling, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	/* a directory, a FIFO (never opened: the call does not block), a device */
	refused(sub, "is a directory");
	ck_assert_int_eq(lstat(sub, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	refused(fifo, "is a FIFO: not replaced");
	ck_assert_int_eq(lstat(fifo, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	refused("/dev/null", "is a device: not replaced");
	ck_assert_int_eq(lstat("/dev/null", &st), 0);
	ck_assert(S_ISCHR(st.st_mode));

	/* nothing else appeared: no temporary file, no file at the dangling
	 * link's target */
	ck_assert_int_eq(entries(), 5);
	ck_assert_int_eq(unlink(target), 0);
	ck_assert_int_eq(unlink(link), 0);
	ck_assert_int_eq(unlink(dangling), 0);
	ck_assert_int_eq(unlink(fifo), 0);
	ck_assert_int_eq(rmdir(sub), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(test_failures_leave_nothing)
{
	char path[256], missing[256];
	upl_error *err = NULL;
	pid_t pid;
	int status;
	setup();
	in_dir(path, sizeof path, "keep.txt");
	in_dir(missing, sizeof missing, "no/such/dir.txt");
	put(path, "precious");
	/* bad arguments */
	ck_assert_int_eq(upl_write_file_atomic(NULL, "x", 1, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_write_file_atomic("", "x", 1, NULL), UPL_EINVAL);
	ck_assert_int_eq(upl_write_file_atomic(path, NULL, 1, NULL), UPL_EINVAL);
	/* no directory to put the temporary file in */
	ck_assert_int_eq(upl_write_file_atomic(missing, "x", 1, &err), UPL_EIO);
	ck_assert_ptr_nonnull(strstr(upl_error_message(err),
				     "cannot create a temporary file beside it: No such file"));
	upl_error_free(err);
	err = NULL;
	/* a write that fails half-way (the file size limit, in a child so the
	 * limit stays there): the old file stays, the temporary file goes */
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct rlimit rl;
		char big[4096];
		int rc;
		memset(big, 'x', sizeof big);
		signal(SIGXFSZ, SIG_IGN);
		getrlimit(RLIMIT_FSIZE, &rl);
		rl.rlim_cur = 100;
		setrlimit(RLIMIT_FSIZE, &rl);
		rc = upl_write_file_atomic(path, big, sizeof big, &err);
		_exit(rc == UPL_EIO && strstr(upl_error_message(err), "write failed: ") != NULL ? 0 : 1);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status), "child status %#x", status);
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	ck_assert_str_eq(get(path), "precious");
	ck_assert_int_eq(entries(), 1);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* The calendar reads its data files with the same loader as the XML
 * reader: the same refusals, the same size limit wording. */
START_TEST(test_one_loader)
{
	upl_calendar *cal = NULL;
	upl_error *err = NULL;
	upl_doc *doc = NULL;
	ck_assert_int_eq(upl_calendar_new(&cal, NULL), 0);
	setup();
	ck_assert_int_eq(upl_calendar_load_file(cal, dir, &err), UPL_EIO);
	ck_assert_str_eq(upl_error_message(err), "is a directory");
	ck_assert_int_eq(upl_doc_parse_file(&doc, dir, NULL, &err), UPL_EIO);
	ck_assert_str_eq(upl_error_message(err), "is a directory");
	/* a data file over 16 MiB is refused before it is read (a sparse file) */
	{
		char path[256];
		FILE *fp;
		in_dir(path, sizeof path, "huge.txt");
		fp = fopen(path, "w");
		ck_assert_ptr_nonnull(fp);
		ck_assert_int_eq(ftruncate(fileno(fp), ((off_t)16 << 20) + 1), 0);
		fclose(fp);
		ck_assert_int_eq(upl_calendar_load_file(cal, path, &err), UPL_EIO);
		ck_assert_str_eq(upl_error_message(err), "file larger than the limit of 16777216 bytes");
		ck_assert_int_eq(unlink(path), 0);
	}
	ck_assert_int_eq(rmdir(dir), 0);
	ck_assert_int_eq(upl_calendar_load_file(cal, dir, &err), UPL_EIO);
	ck_assert_str_eq(upl_error_file(err), dir);
	ck_assert_str_eq(upl_error_message(err), "cannot open: No such file or directory");
	upl_error_free(err);
	upl_calendar_free(cal);
}
END_TEST

static Suite *
io_suite(void)
{
	Suite *s = suite_create("io");
	TCase *tc = tcase_create("io");
	tcase_add_test(tc, test_write_new_and_replace);
	tcase_add_test(tc, test_refuses_what_is_not_a_regular_file);
	tcase_add_test(tc, test_failures_leave_nothing);
	tcase_add_test(tc, test_one_loader);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(io_suite)

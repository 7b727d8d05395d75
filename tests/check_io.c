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
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
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
	/* a new file: the bytes, mode 0666 less the umask */
	umask(022);
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

static void
write_ok(const char *path, const char *text)
{
	upl_error *err = NULL;
	int rc = upl_write_file_atomic(path, text, strlen(text), &err);
	ck_assert_msg(rc == 0, "%s: %s", path, upl_error_message(err));
	ck_assert_ptr_null(err);
}

static void
assert_link(const char *link, const char *to)
{
	char buf[256];
	struct stat st;
	ssize_t n;
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	n = readlink(link, buf, sizeof buf - 1);
	ck_assert_int_gt(n, 0);
	buf[n] = '\0';
	ck_assert_str_eq(buf, to);
}

/* A symbolic link is followed: its target is replaced (atomically, a new
 * inode, its mode kept) and the link stays; a dangling link's target is
 * created; a chain of relative links is followed from each link's own
 * directory. */
START_TEST(test_writes_through_links)
{
	char target[256], link[256], dangling[256], made[256], sub[256], chain[256];
	struct stat st;
	ino_t before;
	setup();
	in_dir(target, sizeof target, "target.txt");
	in_dir(link, sizeof link, "link.txt");
	in_dir(dangling, sizeof dangling, "dangling.txt");
	in_dir(made, sizeof made, "nowhere.txt");
	in_dir(sub, sizeof sub, "sub");
	in_dir(chain, sizeof chain, "sub/chain.txt");
	put(target, "old");
	ck_assert_int_eq(chmod(target, 0640), 0);
	ck_assert_int_eq(stat(target, &st), 0);
	before = st.st_ino;
	ck_assert_int_eq(symlink("target.txt", link), 0);
	ck_assert_int_eq(symlink("nowhere.txt", dangling), 0);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	ck_assert_int_eq(symlink("../link.txt", chain), 0);

	write_ok(link, "new");
	assert_link(link, "target.txt");
	ck_assert_str_eq(get(target), "new");
	ck_assert_int_eq(stat(target, &st), 0);
	ck_assert(st.st_ino != before);
	ck_assert_int_eq(st.st_mode & 07777, 0640);

	write_ok(chain, "chained");
	assert_link(chain, "../link.txt");
	assert_link(link, "target.txt");
	ck_assert_str_eq(get(target), "chained");

	write_ok(dangling, "made");
	assert_link(dangling, "nowhere.txt");
	ck_assert_str_eq(get(made), "made");

	ck_assert_int_eq(entries(), 5); /* no temporary file left */
	ck_assert_int_eq(unlink(chain), 0);
	ck_assert_int_eq(rmdir(sub), 0);
	ck_assert_int_eq(unlink(made), 0);
	ck_assert_int_eq(unlink(dangling), 0);
	ck_assert_int_eq(unlink(link), 0);
	ck_assert_int_eq(unlink(target), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* A directory is refused (through a link too); a link loop is refused. */
START_TEST(test_refuses_directories)
{
	char sub[256], link[256], loop[256];
	struct stat st;
	setup();
	in_dir(sub, sizeof sub, "sub");
	in_dir(link, sizeof link, "to-sub");
	in_dir(loop, sizeof loop, "loop");
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	ck_assert_int_eq(symlink("sub", link), 0);
	ck_assert_int_eq(symlink("loop", loop), 0);
	refused(sub, "is a directory");
	refused(link, "is a directory");
	refused(loop, "Too many levels of symbolic links");
	ck_assert_int_eq(lstat(sub, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	assert_link(link, "sub");
	ck_assert_int_eq(entries(), 3);
	ck_assert_int_eq(unlink(loop), 0);
	ck_assert_int_eq(unlink(link), 0);
	ck_assert_int_eq(rmdir(sub), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* What a child reads from fd to its end, compared with want: exit 0 when
 * equal. */
static void
child_reads(int fd, const char *want)
{
	char buf[64];
	size_t got = 0;
	ssize_t n;
	while ((n = read(fd, buf + got, sizeof buf - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	_exit(strcmp(buf, want) == 0 ? 0 : 1);
}

static void
child_done(pid_t pid)
{
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "reader status %#x", status);
}

/* A FIFO, a socket and a descriptor of the process (/dev/fd/N) are
 * written as they are, not replaced: the reader gets the bytes, the FIFO
 * and the socket stay. */
START_TEST(test_writes_special_files)
{
	char fifo[256], sock[256], fdname[64];
	struct sockaddr_un sa;
	struct stat st;
	int ls, p[2];
	pid_t pid;
	setup();
	in_dir(fifo, sizeof fifo, "fifo");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		alarm(20); /* bounded, should the write never come */
		child_reads(open(fifo, O_RDONLY), "to the fifo");
	}
	write_ok(fifo, "to the fifo");
	child_done(pid);
	ck_assert_int_eq(lstat(fifo, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));

	in_dir(sock, sizeof sock, "sock");
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	strcpy(sa.sun_path, sock);
	ls = socket(AF_UNIX, SOCK_STREAM, 0);
	ck_assert_int_ge(ls, 0);
	ck_assert_int_eq(bind(ls, (struct sockaddr *)&sa, sizeof sa), 0);
	ck_assert_int_eq(listen(ls, 1), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		alarm(20);
		child_reads(accept(ls, NULL, NULL), "to the socket");
	}
	write_ok(sock, "to the socket");
	child_done(pid);
	close(ls);
	ck_assert_int_eq(lstat(sock, &st), 0);
	ck_assert(S_ISSOCK(st.st_mode));

	ck_assert_int_eq(pipe(p), 0);
	snprintf(fdname, sizeof fdname, "/dev/fd/%d", p[1]);
	write_ok(fdname, "to a pipe");
	close(p[1]);
	{
		char buf[32];
		ssize_t n = read(p[0], buf, sizeof buf - 1);
		ck_assert_int_eq(n, 9);
		buf[n] = '\0';
		ck_assert_str_eq(buf, "to a pipe");
		close(p[0]);
	}
	ck_assert_int_eq(entries(), 2);
	ck_assert_int_eq(unlink(sock), 0);
	ck_assert_int_eq(unlink(fifo), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* A name of 255 bytes, the most a file system allows: the temporary name
 * does not grow with it. A new file gets 0666 less the umask. */
START_TEST(test_long_name_and_new_mode)
{
	char name[256], path[512];
	struct stat st;
	mode_t old;
	setup();
	memset(name, 'n', 255);
	name[255] = '\0';
	snprintf(path, sizeof path, "%s/%s", dir, name);
	write_ok(path, "long");
	write_ok(path, "longer");
	ck_assert_str_eq(get(path), "longer");
	ck_assert_int_eq(entries(), 1);
	ck_assert_int_eq(unlink(path), 0);
	old = umask(027);
	write_ok(path, "new");
	umask(old);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0640);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

/* As root, the old file's owner and group stay (a nobody uid and gid);
 * as anyone else, a directory without write permission fails cleanly. */
START_TEST(test_owner_and_read_only_directory)
{
	char path[256];
	struct stat st;
	upl_error *err = NULL;
	setup();
	in_dir(path, sizeof path, "owned.txt");
	put(path, "old");
	if (geteuid() == 0) {
		ck_assert_int_eq(chown(path, 65534, 65534), 0);
		ck_assert_int_eq(chmod(path, 0604), 0);
		write_ok(path, "new");
		ck_assert_int_eq(stat(path, &st), 0);
		ck_assert_int_eq(st.st_uid, 65534);
		ck_assert_int_eq(st.st_gid, 65534);
		ck_assert_int_eq(st.st_mode & 07777, 0604);
		ck_assert_str_eq(get(path), "new");
	} else {
		ck_assert_int_eq(chmod(dir, 0555), 0);
		ck_assert_int_eq(upl_write_file_atomic(path, "new", 3, &err), UPL_EIO);
		ck_assert_str_eq(upl_error_message(err),
				 "cannot create a temporary file beside it: Permission denied");
		upl_error_free(err);
		ck_assert_int_eq(chmod(dir, 0755), 0);
		ck_assert_str_eq(get(path), "old");
	}
	ck_assert_int_eq(entries(), 1);
	ck_assert_int_eq(unlink(path), 0);
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
	tcase_add_test(tc, test_writes_through_links);
	tcase_add_test(tc, test_refuses_directories);
	tcase_add_test(tc, test_writes_special_files);
	tcase_add_test(tc, test_long_name_and_new_mode);
	tcase_add_test(tc, test_owner_and_read_only_directory);
	tcase_add_test(tc, test_failures_leave_nothing);
	tcase_add_test(tc, test_one_loader);
	suite_add_tcase(s, tc);
	return s;
}

TEST_MAIN(io_suite)

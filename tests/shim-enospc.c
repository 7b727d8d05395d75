/* A test shim loaded with LD_PRELOAD: a disk that fills up. write() to a
 * regular file fails with ENOSPC once UPL_SHIM_ENOSPC_AFTER bytes have gone
 * to regular files (other descriptors, the terminal and pipes, are not
 * counted and never fail, so error messages still get out). With
 * UPL_SHIM_FAIL=fsync, fsync() fails with EIO; with UPL_SHIM_FAIL=rename,
 * rename() fails with EXDEV. Built by the test makefile, never installed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static size_t written; /* bytes to regular files so far (one process) */

static int
failing(const char *what)
{
	const char *f = getenv("UPL_SHIM_FAIL");
	return f != NULL && strcmp(f, what) == 0;
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	const char *after = getenv("UPL_SHIM_ENOSPC_AFTER");
	struct stat st;
	if (after != NULL && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		size_t limit = (size_t)strtoull(after, NULL, 10);
		if (written >= limit) {
			errno = ENOSPC;
			return -1;
		}
		if (n > limit - written)
			n = limit - written;
		written += n;
	}
	return syscall(SYS_write, fd, buf, n);
}

int
fsync(int fd)
{
	if (failing("fsync")) {
		errno = EIO;
		return -1;
	}
	return (int)syscall(SYS_fsync, fd);
}

int
rename(const char *from, const char *to)
{
	if (failing("rename")) {
		errno = EXDEV;
		return -1;
	}
#ifdef SYS_renameat
	return (int)syscall(SYS_renameat, AT_FDCWD, from, AT_FDCWD, to);
#else
	return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 0);
#endif
}

/* Files: whole-file loading (file, descriptor, stream, with a size limit)
 * and the atomic writer. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <unionplan/xml.h>

#include "io-private.h"

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

/* The refusal of an input over the limit: the same words for a file whose
 * size says so and for a pipe or a stream found too long by reading. */
static int
too_large(upl_error **err, const char *name, size_t max)
{
	return upl__error_set(err, UPL_EIO, name, 0, 0, "file larger than the limit of %zu bytes", max);
}

/* Read fd to its end into a new buffer; size_hint is the expected size
 * (a regular file's), 0 when unknown. Never more than max + 1 bytes are
 * read, so that an endless input (a pipe, /dev/zero) stops at the limit. */
static int
read_all_fd(char **data, size_t *len, int fd, const char *name, size_t max,
	    size_t size_hint, upl_error **err)
{
	upl_buf b = UPL_BUF_INIT;
	for (;;) {
		size_t room;
		ssize_t n;
		if (!upl__buf_reserve(&b, b.len < size_hint ? size_hint - b.len + 1 : 65536))
			return upl__error_set(err, UPL_ENOMEM, name, 0, 0, "out of memory");
		room = b.cap - b.len - 1;
		if (room > max + 1 - b.len)
			room = max + 1 - b.len;
		n = read(fd, b.data + b.len, room);
		if (n < 0) {
			int e = errno;
			if (e == EINTR)
				continue;
			upl__buf_free(&b);
			return upl__error_set(err, UPL_EIO, name, 0, 0, "cannot read: %s",
					      e == EISDIR ? "is a directory" : strerror(e));
		}
		if (n == 0)
			break;
		b.len += (size_t)n;
		b.data[b.len] = '\0';
		if (b.len > max) {
			upl__buf_free(&b);
			return too_large(err, name, max);
		}
	}
	*data = upl__buf_detach(&b, len);
	if (*data == NULL)
		return upl__error_set(err, UPL_ENOMEM, name, 0, 0, "out of memory");
	return 0;
}

int
upl__load_fd(char **data, size_t *len, int fd, const char *name, size_t max, upl_error **err)
{
	struct stat st;
	size_t hint = 0;
	if (max == 0)
		max = UPL_DEFAULT_MAX_BYTES;
	if (fd < 0)
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "invalid file descriptor");
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return upl__error_set(err, UPL_EIO, name, 0, 0, "is a directory");
		if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > (uintmax_t)max)
			return too_large(err, name, max);
		if (S_ISREG(st.st_mode))
			hint = (size_t)st.st_size;
	}
	return read_all_fd(data, len, fd, name, max, hint, err);
}

int
upl__load_file(char **data, size_t *len, const char *path, size_t max, upl_error **err)
{
	int fd, rc;
	if (path == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no file name given");
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return upl__error_set(err, UPL_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
	rc = upl__load_fd(data, len, fd, path, max, err);
	close(fd);
	return rc;
}

int
upl__load_stream(char **data, size_t *len, FILE *fp, const char *name, size_t max, upl_error **err)
{
	upl_buf b = UPL_BUF_INIT;
	char chunk[65536];
	size_t n;
	if (max == 0)
		max = UPL_DEFAULT_MAX_BYTES;
	if (fp == NULL)
		return upl__error_set(err, UPL_EINVAL, name, 0, 0, "no stream given");
	for (;;) {
		n = fread(chunk, 1, sizeof chunk, fp);
		if (b.len + n > max) {
			upl__buf_free(&b);
			return too_large(err, name, max);
		}
		upl__buf_put(&b, chunk, n);
		if (n == sizeof chunk)
			continue;
		if (!ferror(fp) || errno != EINTR)
			break;
		clearerr(fp); /* a signal: go on reading */
	}
	if (ferror(fp)) {
		upl__buf_free(&b);
		return upl__error_set(err, UPL_EIO, name, 0, 0, "cannot read: %s", strerror(errno));
	}
	*data = upl__buf_detach(&b, len);
	if (*data == NULL)
		return upl__error_set(err, UPL_ENOMEM, name, 0, 0, "out of memory");
	return 0;
}

/* ------------------------------------------------------------------------ */
/* The atomic writer                                                        */

static int
write_fully(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Where the bytes go: the path that is written after the links were
 * followed, and what is there. */
typedef struct target {
	char *path;      /* the file replaced or created (upl__dealloc) */
	int exists;      /* whether something is there, described by st */
	struct stat st;
	int fd;          /* >= 0: a descriptor of the process to write to as it is */
} target;

/* The descriptor a name of the process's own descriptors stands for
 * (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N), or -1. Writing
 * there goes to the descriptor, never to what it happens to be open on
 * (a regular file the shell opened for appending stays appended to). */
static int
own_descriptor(const char *p)
{
	static const char *const dirs[] = { "/dev/fd/", "/proc/self/fd/" };
	size_t k;
	if (strcmp(p, "/dev/stdout") == 0)
		return 1;
	if (strcmp(p, "/dev/stderr") == 0)
		return 2;
	for (k = 0; k < sizeof dirs / sizeof dirs[0]; k++) {
		size_t n = strlen(dirs[k]);
		char *end;
		long fd;
		if (strncmp(p, dirs[k], n) != 0 || p[n] < '0' || p[n] > '9')
			continue;
		fd = strtol(p + n, &end, 10);
		if (*end == '\0' && fd <= INT_MAX)
			return (int)fd;
	}
	return -1;
}

/* The directory part of p ("." for a bare name, "/" at the root), as a
 * new string, with room for extra more bytes. */
static char *
dir_of(const char *p, size_t extra)
{
	const char *slash = strrchr(p, '/');
	size_t n = slash == NULL ? 1 : slash == p ? 1 : (size_t)(slash - p);
	char *d = upl__malloc(n + extra + 1);
	if (d == NULL)
		return NULL;
	memcpy(d, slash == NULL ? "." : p, n);
	d[n] = '\0';
	return d;
}

/* One step along a symbolic link at t->path (whose lstat is t->st): its
 * target, relative to the link's directory when it is relative. */
static int
follow_link(target *t, upl_error **err, const char *path)
{
	char link[4096], *next;
	ssize_t n = readlink(t->path, link, sizeof link - 1);
	if (n < 0)
		return upl__error_set(err, UPL_EIO, path, 0, 0, "cannot read the link: %s",
				      strerror(errno));
	link[n] = '\0';
	if (link[0] == '/') {
		next = upl__strdup(link);
	} else {
		next = dir_of(t->path, (size_t)n + 1);
		if (next != NULL) {
			strcat(next, "/");
			strcat(next, link);
		}
	}
	if (next == NULL)
		return upl__error_set(err, UPL_ENOMEM, path, 0, 0, "out of memory");
	upl__dealloc(t->path);
	t->path = next;
	return 0;
}

/* Follow path's symbolic links (as open() would, at most 40) to what is
 * written: a descriptor of the process, a file that exists, or the name
 * of one to create (a dangling link's target). */
static int
resolve(target *t, const char *path, upl_error **err)
{
	int hops, rc;
	memset(t, 0, sizeof *t);
	t->fd = -1;
	if ((t->path = upl__strdup(path)) == NULL)
		return upl__error_set(err, UPL_ENOMEM, path, 0, 0, "out of memory");
	for (hops = 0; hops <= 40; hops++) {
		if ((t->fd = own_descriptor(t->path)) >= 0)
			return 0;
		if (lstat(t->path, &t->st) != 0) {
			if (errno == ENOENT)
				return 0; /* created; a missing directory is said then */
			return upl__error_set(err, UPL_EIO, path, 0, 0, "cannot reach: %s",
					      strerror(errno));
		}
		if (!S_ISLNK(t->st.st_mode)) {
			t->exists = 1;
			return 0;
		}
		if ((rc = follow_link(t, err, path)) != 0)
			return rc;
	}
	return upl__error_set(err, UPL_EIO, path, 0, 0, "%s", strerror(ELOOP));
}

/* Write to a FIFO, a character device or a socket as it is: it cannot be
 * replaced and has nothing to keep. A FIFO waits for its reader. */
static int
write_special(const target *t, const char *path, const void *data, size_t len,
	      upl_error **err)
{
	int fd, e = 0;
	if (S_ISSOCK(t->st.st_mode)) {
		struct sockaddr_un sa;
		memset(&sa, 0, sizeof sa);
		sa.sun_family = AF_UNIX;
		if (strlen(t->path) >= sizeof sa.sun_path)
			return upl__error_set(err, UPL_EIO, path, 0, 0, "socket name too long");
		strcpy(sa.sun_path, t->path);
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd >= 0 && connect(fd, (const struct sockaddr *)&sa, sizeof sa) != 0) {
			e = errno;
			close(fd);
			fd = -1;
			errno = e;
		}
	} else {
		fd = open(t->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	}
	if (fd < 0)
		return upl__error_set(err, UPL_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
	if (write_fully(fd, data, len) != 0)
		e = errno;
	if (close(fd) != 0 && e == 0 && errno != EINTR)
		e = errno;
	if (e != 0)
		return upl__error_set(err, UPL_EIO, path, 0, 0, "write failed: %s", strerror(e));
	return 0;
}

/* Create a new file named DIR/.uplXXXXXX beside the target (six
 * characters from the clock and the attempt, tried again if taken), mode
 * 0666 less the umask. The name does not grow with the target's. */
static int
create_temporary(char **tmp, const char *dir)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	size_t n = strlen(dir);
	char *name = upl__malloc(n + sizeof "/.uplXXXXXX");
	struct timespec ts;
	uint64_t x;
	int attempt, fd = -1, k;
	if (name == NULL) {
		errno = ENOMEM;
		return -1;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	x = ((uint64_t)ts.tv_nsec << 16) ^ (uint64_t)ts.tv_sec ^ ((uint64_t)getpid() << 32) ^
	    (uint64_t)(uintptr_t)name;
	for (attempt = 0; attempt < 100 && fd < 0; attempt++) {
		x = x * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
		memcpy(name, dir, n);
		memcpy(name + n, "/.upl", 5);
		for (k = 0; k < 6; k++)
			name[n + 5 + k] = chars[(x >> (16 + 6 * k)) % (sizeof chars - 1)];
		name[n + 11] = '\0';
		fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		int e = errno;
		upl__dealloc(name);
		errno = e;
		return -1;
	}
	*tmp = name;
	return fd;
}

/* The bytes, then what the old file had: as root its owner and group
 * (first: chown clears the set-id bits), its permission bits; then to
 * the disk. Returns 0 or -1 with errno. */
static int
fill_temporary(int fd, const target *t, const void *data, size_t len)
{
	if (write_fully(fd, data, len) != 0)
		return -1;
	if (t->exists && geteuid() == 0 && fchown(fd, t->st.st_uid, t->st.st_gid) != 0)
		return -1;
	if (t->exists && fchmod(fd, t->st.st_mode & 07777) != 0)
		return -1;
	return fsync(fd);
}

/* Replace (or create) the regular file t->path: a temporary file beside
 * it, filled and flushed, renamed over it; the directory flushed. */
static int
replace_regular(const target *t, const char *path, const void *data, size_t len,
		upl_error **err)
{
	char *dir = dir_of(t->path, 0), *tmp = NULL;
	int fd, e, dfd;
	if (dir == NULL)
		return upl__error_set(err, UPL_ENOMEM, path, 0, 0, "out of memory");
	fd = create_temporary(&tmp, dir);
	if (fd < 0) {
		e = errno;
		upl__dealloc(dir);
		return upl__error_set(err, e == ENOMEM ? UPL_ENOMEM : UPL_EIO, path, 0, 0,
				      "cannot create a temporary file beside it: %s", strerror(e));
	}
	if (fill_temporary(fd, t, data, len) != 0) {
		e = errno;
		close(fd);
		unlink(tmp);
		upl__dealloc(tmp);
		upl__dealloc(dir);
		return upl__error_set(err, UPL_EIO, path, 0, 0, "write failed: %s", strerror(e));
	}
	if (close(fd) != 0 || rename(tmp, t->path) != 0) {
		e = errno;
		unlink(tmp);
		upl__dealloc(tmp);
		upl__dealloc(dir);
		return upl__error_set(err, UPL_EIO, path, 0, 0, "cannot replace: %s", strerror(e));
	}
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		(void)fsync(dfd); /* the rename on disk too, where the file system allows */
		close(dfd);
	}
	upl__dealloc(tmp);
	upl__dealloc(dir);
	return 0;
}

int
upl_write_file_atomic(const char *path, const void *data, size_t len, upl_error **err)
{
	target t;
	int rc;
	if (path == NULL || path[0] == '\0')
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no file name given");
	if (data == NULL && len > 0)
		return upl__error_set(err, UPL_EINVAL, path, 0, 0, "invalid argument");
	if (data == NULL)
		data = "";
	rc = resolve(&t, path, err);
	if (rc == 0 && t.fd >= 0) {
		if (write_fully(t.fd, data, len) != 0)
			rc = upl__error_set(err, UPL_EIO, path, 0, 0, "write failed: %s",
					    strerror(errno));
	} else if (rc == 0 && t.exists && S_ISDIR(t.st.st_mode)) {
		rc = upl__error_set(err, UPL_EIO, path, 0, 0, "is a directory");
	} else if (rc == 0 && t.exists && S_ISBLK(t.st.st_mode)) {
		rc = upl__error_set(err, UPL_EIO, path, 0, 0, "is a block device: not written");
	} else if (rc == 0 && t.exists && !S_ISREG(t.st.st_mode)) {
		rc = write_special(&t, path, data, len, err);
	} else if (rc == 0) {
		rc = replace_regular(&t, path, data, len, err);
	}
	upl__dealloc(t.path);
	return rc;
}

/* Files: whole-file loading (file, descriptor, stream, with a size limit)
 * and the atomic writer. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
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

/* What an existing path is when it is not a regular file. */
static const char *
not_regular(mode_t m)
{
	if (S_ISDIR(m))
		return "is a directory";
	if (S_ISLNK(m))
		return "is a symbolic link: not replaced";
	if (S_ISFIFO(m))
		return "is a FIFO: not replaced";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "is a device: not replaced";
	if (S_ISSOCK(m))
		return "is a socket: not replaced";
	return "is not a regular file: not replaced";
}

/* Whether path may be replaced: it does not exist, or it is a regular file
 * (whose permission bits go into *mode). Nothing else is touched. */
static int
check_target(const char *path, mode_t *mode, upl_error **err)
{
	struct stat st;
	*mode = 0644;
	if (lstat(path, &st) != 0)
		return 0; /* absent, or unreachable: creating the temporary file says why */
	if (!S_ISREG(st.st_mode))
		return upl__error_set(err, UPL_EIO, path, 0, 0, "%s", not_regular(st.st_mode));
	*mode = st.st_mode & 07777;
	return 0;
}

int
upl_write_file_atomic(const char *path, const void *data, size_t len, upl_error **err)
{
	static const char suffix[] = ".tmp.XXXXXX";
	char *tmp;
	size_t plen;
	mode_t mode;
	int fd, e, rc;
	if (path == NULL || path[0] == '\0')
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "no file name given");
	if (data == NULL && len > 0)
		return upl__error_set(err, UPL_EINVAL, path, 0, 0, "invalid argument");
	rc = check_target(path, &mode, err);
	if (rc != 0)
		return rc;
	plen = strlen(path);
	tmp = upl__malloc(plen + sizeof suffix);
	if (tmp == NULL)
		return upl__error_set(err, UPL_ENOMEM, path, 0, 0, "out of memory");
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, suffix, sizeof suffix);
	fd = mkstemp(tmp);
	if (fd < 0) {
		e = errno;
		upl__dealloc(tmp);
		return upl__error_set(err, UPL_EIO, path, 0, 0,
				      "cannot create a temporary file beside it: %s", strerror(e));
	}
	if (write_fully(fd, data, len) != 0 || fchmod(fd, mode) != 0 || fsync(fd) != 0) {
		e = errno;
		close(fd);
		unlink(tmp);
		upl__dealloc(tmp);
		return upl__error_set(err, UPL_EIO, path, 0, 0, "write failed: %s", strerror(e));
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		upl__dealloc(tmp);
		return upl__error_set(err, UPL_EIO, path, 0, 0, "cannot replace: %s", strerror(e));
	}
	upl__dealloc(tmp);
	return 0;
}

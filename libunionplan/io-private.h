/* Whole-file loading, shared by every module that reads a file (the XML
 * reader, the calendar). The atomic writer is public: upl_write_file_atomic()
 * in include/unionplan/common.h. Never installed. */
#ifndef UNIONPLAN_IO_PRIVATE_H
#define UNIONPLAN_IO_PRIVATE_H

#include "util-private.h"

/* Read a whole file / descriptor / stream into memory, at most max bytes
 * (0 = UPL_DEFAULT_MAX_BYTES). *data is NUL-terminated and freed with
 * upl__dealloc. The descriptor and the stream are not closed. Returns 0,
 * UPL_EINVAL, UPL_EIO (with name as the error's file) or UPL_ENOMEM. */
UPL_HIDDEN int upl__load_file(char **data, size_t *len, const char *path,
			      size_t max, upl_error **err);
UPL_HIDDEN int upl__load_fd(char **data, size_t *len, int fd, const char *name,
			    size_t max, upl_error **err);
UPL_HIDDEN int upl__load_stream(char **data, size_t *len, FILE *fp, const char *name,
				size_t max, upl_error **err);

#endif /* UNIONPLAN_IO_PRIVATE_H */

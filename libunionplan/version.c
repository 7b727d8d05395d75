#include "config.h"

#include <unionplan/version.h>

const char *
upl_version(int *major, int *minor, int *micro)
{
	if (major)
		*major = UPL_VERSION_MAJOR;
	if (minor)
		*minor = UPL_VERSION_MINOR;
	if (micro)
		*micro = UPL_VERSION_MICRO;
	return UPL_VERSION_STRING;
}

/* Replay driver: feed each file named on the command line, or every file
 * under the given directories, to the fuzz target once. make check runs it
 * over the test corpus, so every corpus file is also a fuzz regression, and
 * over the target's own seed corpus, tests/fuzz/corpus/UPL_FUZZ_CORPUS,
 * where the crashers found by fuzzing are kept. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count;

static int
replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, n;
	if (fp == NULL) {
		perror(path);
		return 1;
	}
	do {
		if (len == cap) {
			unsigned char *nb;
			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (nb == NULL) {
				free(buf);
				fclose(fp);
				return 1;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
	} while (n > 0);
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	count++;
	return 0;
}

static int
replay(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *e;
		int rc = 0;
		if (d == NULL)
			return 1;
		while ((e = readdir(d)) != NULL) {
			char *sub;
			if (e->d_name[0] == '.')
				continue;
			sub = malloc(strlen(path) + strlen(e->d_name) + 2);
			if (sub == NULL)
				return 1;
			sprintf(sub, "%s/%s", path, e->d_name);
			rc |= replay(sub);
			free(sub);
		}
		closedir(d);
		return rc;
	}
	return replay_file(path);
}

int
main(int argc, char **argv)
{
	int i, rc = 0;
	const char *top = getenv("top_srcdir");
	if (argc < 2) {
		/* make check: the whole test corpus */
		char path[4096];
		snprintf(path, sizeof path, "%s/tests/data", top ? top : ".");
		rc = replay(path);
		snprintf(path, sizeof path, "%s/doc/examples", top ? top : ".");
		rc |= replay(path);
#ifdef UPL_FUZZ_CORPUS
		snprintf(path, sizeof path, "%s/tests/fuzz/corpus/%s", top ? top : ".",
			 UPL_FUZZ_CORPUS);
		rc |= replay(path);
#endif
	}
	for (i = 1; i < argc; i++)
		rc |= replay(argv[i]);
	printf("replayed %d inputs\n", count);
	return rc != 0 || count == 0;
}

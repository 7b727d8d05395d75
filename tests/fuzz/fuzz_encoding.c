/* Fuzz target of the text module's encodings: any bytes through detection
 * (upl_text_detect) and decoding (upl_text_to_utf8), automatic and with an
 * encoding named by the input's first byte, then the script functions on
 * what was decoded. Decoded text is always well-formed UTF-8 of the length
 * reported; valid UTF-8 decodes to itself (less its byte-order mark); a
 * refusal says why and where; the normaliser and the simplifier take every
 * decoded text and give UTF-8 again.
 *
 * Built two ways, as fuzz_parse.c: a libFuzzer target (`make fuzz`) and,
 * with tests/fuzz/replay.c, a program make check runs over its corpus
 * (tests/fuzz/corpus/encoding) and the test data. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unionplan.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The encodings a caller may name; the first byte of the input picks one. */
static const char *const names[] = {
	"utf-8", "gb18030", "gbk", "big5", "big5-hkscs", "utf-16le", "utf-16be",
	"utf-32le", "utf-32be", "shift_jis", "iso-8859-1", "scsu", "no-such-encoding",
};

/* 1 when s[0..n) is well-formed UTF-8 (RFC 3629; NUL allowed). */
static int
utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0, k, len;
	while (i < n) {
		unsigned char c = s[i], lo = 0x80, hi = 0xBF;
		if (c < 0x80) {
			i++;
			continue;
		}
		len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
			: c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		if (len == 0 || i + len > n)
			return 0;
		lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (k = 2; k < len; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xBF)
				return 0;
		i += len;
	}
	return 1;
}

/* What decoding gave, or why it did not. */
static void
check_decoded(int rc, const char *out, size_t out_len, const upl_text_encoding *info,
	      upl_error *err)
{
	if (rc == 0) {
		if (out == NULL || out[out_len] != '\0' ||
		    !utf8_ok((const unsigned char *)out, out_len))
			abort(); /* always NUL-terminated, well-formed UTF-8 */
		if (info->name[0] == '\0' || info->confidence < 0 || info->confidence > 100)
			abort();
		return;
	}
	if (out != NULL)
		abort(); /* no output on failure */
	if (rc == UPL_EENCODING) {
		if (err == NULL || upl_error_message(err)[0] == '\0' || upl_error_line(err) == 0 ||
		    upl_error_column(err) == 0)
			abort(); /* a bad sequence is shown where it is */
	} else if (rc != UPL_EINVAL && rc != UPL_ENOTFOUND) {
		abort();
	}
}

/* The script functions take any decoded text and give UTF-8 back. */
static void
script_functions(const char *s, size_t len)
{
	char *t = NULL;
	size_t tlen = 0;
	upl_script sc = upl_text_script(s, len);
	if (sc != UPL_SCRIPT_UNKNOWN && sc != UPL_SCRIPT_HANS && sc != UPL_SCRIPT_HANT)
		abort();
	if (upl_text_normalize(&t, &tlen, s, len, UPL_TEXT_NORM_PUNCT, NULL) == 0) {
		if (!utf8_ok((const unsigned char *)t, tlen))
			abort();
		upl_free(t);
		t = NULL;
	}
	if (len <= 4096 && upl_text_to_simplified(&t, &tlen, s, len, NULL) == 0) {
		if (!utf8_ok((const unsigned char *)t, tlen))
			abort();
		upl_free(t);
	}
	(void)upl_text_space_len(s, len);
}

/* Valid UTF-8 read as UTF-8, named or detected, is the text itself. */
static void
utf8_identity(const uint8_t *data, size_t size)
{
	upl_text_encoding info;
	char *out = NULL;
	size_t out_len = 0, skip = 0;
	if (!utf8_ok(data, size))
		return;
	if (upl_text_to_utf8(&out, &out_len, (const char *)data, size, "utf-8", &info, NULL) != 0)
		abort(); /* valid UTF-8 always decodes as UTF-8 */
	if (info.bom)
		skip = 3;
	if (info.bom && (size < 3 || memcmp(data, "\xEF\xBB\xBF", 3) != 0))
		abort();
	if (out_len != size - skip || memcmp(out, data + skip, out_len) != 0)
		abort(); /* and decodes to itself */
	upl_free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	upl_text_encoding det, info;
	upl_error *err = NULL;
	char *out = NULL;
	size_t out_len = 0;
	int rc;

	memset(&det, 0, sizeof det);
	rc = upl_text_detect(&det, (const char *)data, size);
	if (rc == 0 && (det.name[0] == '\0' || memchr(det.name, '\0', sizeof det.name) == NULL ||
			det.confidence < 0 || det.confidence > 100))
		abort();
	if (rc != 0 && rc != UPL_ENOTFOUND && rc != UPL_ENOMEM)
		abort();

	memset(&info, 0, sizeof info);
	rc = upl_text_to_utf8(&out, &out_len, (const char *)data, size, NULL, &info, &err);
	check_decoded(rc, out, out_len, &info, err);
	if (rc == 0)
		script_functions(out, out_len);
	upl_free(out);
	upl_error_free(err);
	out = NULL;
	err = NULL;

	if (size > 0) {
		const char *name = names[data[0] % (sizeof names / sizeof names[0])];
		memset(&info, 0, sizeof info);
		rc = upl_text_to_utf8(&out, &out_len, (const char *)data + 1, size - 1, name, &info,
				      &err);
		check_decoded(rc, out, out_len, &info, err);
		if (rc == 0 && info.confidence != 100)
			abort(); /* an encoding named by the caller is certain */
		upl_free(out);
		upl_error_free(err);
	}
	utf8_identity(data, size);
	return 0;
}

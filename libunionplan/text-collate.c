/* Text module: sorting Chinese strings with an ICU collator (pinyin by
 * default). */
#include "config.h"

#include <unicode/ucol.h>

#include "text-private.h"

struct upl_text_collator {
	UCollator *coll;
};

int
upl_text_collator_new(upl_text_collator **out, const char *locale, upl_error **err)
{
	upl_text_collator *c;
	UErrorCode st = U_ZERO_ERROR;

	if (out != NULL)
		*out = NULL;
	if (out == NULL)
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	c = upl__calloc(1, sizeof *c);
	if (c == NULL)
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	c->coll = ucol_open(locale ? locale : "zh", &st);
	if (U_FAILURE(st) || c->coll == NULL) {
		int rc = st == U_MEMORY_ALLOCATION_ERROR ? UPL_ENOMEM : UPL_EINVAL;
		if (c->coll)
			ucol_close(c->coll);
		upl__dealloc(c);
		return upl__error_set(err, rc, NULL, 0, 0, "cannot open a collator for \"%s\": %s",
				      locale ? locale : "zh", u_errorName(st));
	}
	*out = c;
	return 0;
}

void
upl_text_collator_free(upl_text_collator *coll)
{
	if (coll == NULL)
		return;
	ucol_close(coll->coll);
	upl__dealloc(coll);
}

static int
compare(const upl_text_collator *c, const char *a, size_t an, const char *b, size_t bn)
{
	UErrorCode st = U_ZERO_ERROR;
	UCollationResult r = ucol_strcollUTF8(c->coll, a, (int32_t)an, b, (int32_t)bn, &st);
	if (U_FAILURE(st))
		return 0;
	return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

static int
usable(const char *s, size_t n)
{
	return n <= (size_t)INT32_MAX && upl__utf8_valid(s, n, NULL);
}

int
upl_text_collate(int *out, upl_text_collator *coll, const char *a, size_t alen, const char *b,
		 size_t blen)
{
	size_t an, bn;
	if (out == NULL || coll == NULL || a == NULL || b == NULL)
		return UPL_EINVAL;
	an = upl__text_len(a, alen);
	bn = upl__text_len(b, blen);
	if (!usable(a, an) || !usable(b, bn))
		return UPL_EINVAL;
	*out = compare(coll, a, an, b, bn);
	return 0;
}

/* Stable merge sort of v[0..n) using tmp as scratch. */
static void
merge_sort(const upl_text_collator *c, const char **v, const char **tmp, size_t *lens,
	   size_t *tlens, size_t n)
{
	size_t mid, i, j, k;
	if (n < 2)
		return;
	mid = n / 2;
	merge_sort(c, v, tmp, lens, tlens, mid);
	merge_sort(c, v + mid, tmp, lens + mid, tlens, n - mid);
	i = 0;
	j = mid;
	k = 0;
	while (i < mid && j < n) {
		if (compare(c, v[j], lens[j], v[i], lens[i]) < 0) {
			tmp[k] = v[j];
			tlens[k++] = lens[j++];
		} else {
			tmp[k] = v[i];
			tlens[k++] = lens[i++];
		}
	}
	while (i < mid) {
		tmp[k] = v[i];
		tlens[k++] = lens[i++];
	}
	while (j < n) {
		tmp[k] = v[j];
		tlens[k++] = lens[j++];
	}
	memcpy(v, tmp, n * sizeof *v);
	memcpy(lens, tlens, n * sizeof *lens);
}

int
upl_text_sort(upl_text_collator *coll, const char **strings, size_t n, upl_error **err)
{
	const char **tmp;
	size_t *lens, *tlens, i;

	if (coll == NULL || (strings == NULL && n > 0))
		return upl__error_set(err, UPL_EINVAL, NULL, 0, 0, "invalid argument");
	if (n < 2) {
		if (n == 1 && (strings[0] == NULL || !usable(strings[0], strlen(strings[0]))))
			return upl__error_set(err, UPL_EINVAL, NULL, 0, 0,
					      "string 0 is NULL or not valid UTF-8");
		return 0;
	}
	if (n > ((size_t)-1) / (2 * sizeof *lens))
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < n; i++)
		if (strings[i] == NULL || !usable(strings[i], strlen(strings[i])))
			return upl__error_set(err, UPL_EINVAL, NULL, 0, 0,
					      "string %zu is NULL or not valid UTF-8", i);
	tmp = upl__malloc(n * sizeof *tmp);
	lens = upl__malloc(n * sizeof *lens);
	tlens = upl__malloc(n * sizeof *tlens);
	if (tmp == NULL || lens == NULL || tlens == NULL) {
		upl__dealloc(tmp);
		upl__dealloc(lens);
		upl__dealloc(tlens);
		return upl__error_set(err, UPL_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (i = 0; i < n; i++)
		lens[i] = strlen(strings[i]);
	merge_sort(coll, strings, tmp, lens, tlens, n);
	upl__dealloc(tmp);
	upl__dealloc(lens);
	upl__dealloc(tlens);
	return 0;
}

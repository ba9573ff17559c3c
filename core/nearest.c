/* SPDX-License-Identifier: ISC */
/*
 * The edit distance behind every "did you mean" (core/nearest.h): the
 * optimal string alignment distance, small and by bytes, kept here by
 * hand since the names it compares are a few ASCII words.
 */
#include "config.h"

#include <string.h>

#include "nearest.h"

#define NAME_MAX_LEN	64

size_t
name_distance(const char *a, const char *b)
{
	size_t	 na = strlen(a), nb = strlen(b), i, j, v;
	size_t	 d[NAME_MAX_LEN + 1][NAME_MAX_LEN + 1];

	if (na >= NAME_MAX_LEN || nb >= NAME_MAX_LEN)
		return (size_t)-1;
	for (i = 0; i <= na; i++)
		d[i][0] = i;
	for (j = 0; j <= nb; j++)
		d[0][j] = j;
	for (i = 1; i <= na; i++) {
		for (j = 1; j <= nb; j++) {
			v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[na][nb];
}

/* How many leading bytes a and b share. */
static size_t
common_prefix(const char *a, const char *b)
{
	size_t	 n = 0;

	while (a[n] != '\0' && a[n] == b[n])
		n++;
	return n;
}

const char *
name_nearest(const char *s, const char *const *names, size_t n, size_t max)
{
	const char	*best = NULL;
	size_t		 i, d, bd = (size_t)-1;

	for (i = 0; i < n; i++) {
		d = name_distance(s, names[i]);
		if (d == (size_t)-1)
			continue;
		if (d < bd || (d == bd && common_prefix(s, names[i]) >
		    common_prefix(s, best))) {
			bd = d;
			best = names[i];
		}
	}
	return best != NULL && bd <= max ? best : NULL;
}

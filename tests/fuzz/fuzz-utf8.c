/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer: the UTF-8 helpers (core/utf8.c) and their invariants.
 * decode consumes 1..4 bytes and yields a scalar value that re-encodes to
 * the same bytes (or U+FFFD for one bad byte); valid agrees with
 * invalid_at; sanitize yields valid UTF-8 with no C0 (but LF when kept),
 * DEL, C1 or bidi control; fit/clip never exceed the columns nor split a
 * character; padr reaches the columns; clusters tile the string.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n",	\
	__FILE__, __LINE__, #c); abort(); } } while (0)

static int
safe_cp(uint32_t cp, int keep_newlines)
{
	if (cp == '\n')
		return keep_newlines;
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return 0;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	return 1;
}

static void
check_sanitized(const char *t, int keep)
{
	size_t		 n = strlen(t), i, k;
	uint32_t	 cp;

	CHECK(utf8_valid(t, n));
	for (i = 0; i < n; i += k) {
		k = utf8_decode(t + i, n - i, &cp);
		CHECK(k >= 1);
		CHECK(safe_cp(cp, keep));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*d = (const char *)data;
	char		*s, *t, enc[4];
	size_t		 n, i, k, f, w, cols, total;
	uint32_t	 cp;
	int		 cw, keep;
	static const size_t colsv[] = { 0, 1, 2, 3, 5, 8, 13, 40 };

	/* decode / encode over the raw bytes (NULs included). */
	for (i = 0; i < size; i += k) {
		k = utf8_decode(d + i, size - i, &cp);
		CHECK(k >= 1 && k <= 4 && k <= size - i);
		CHECK(cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff));
		if (cp == UTF8_REPLACEMENT && k == 1)
			continue;
		CHECK(utf8_encode(cp, enc) == k);
		CHECK(memcmp(enc, d + i, k) == 0);
	}
	CHECK(utf8_decode(d, 0, &cp) == 0);
	CHECK(utf8_valid(d, size) == (utf8_invalid_at(d, size) == (size_t)-1));
	if (!utf8_valid(d, size))
		CHECK(utf8_invalid_at(d, size) < size);

	/* The string functions take NUL-terminated text. */
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	n = strlen(s);

	for (keep = 0; keep <= 1; keep++) {
		t = utf8_sanitize(s, keep);
		CHECK(t != NULL);
		check_sanitized(t, keep);
		free(t);
	}

	w = utf8_width(s);
	CHECK(utf8_nwidth(s, n) == w);
	for (i = 0; i < sizeof colsv / sizeof colsv[0] + 2; i++) {
		cols = i < sizeof colsv / sizeof colsv[0] ? colsv[i] :
		    i == sizeof colsv / sizeof colsv[0] ? w : w + 1;
		f = utf8_fit(s, cols);
		CHECK(f <= n);
		CHECK(utf8_nwidth(s, f) <= cols);
		if (cols >= w)
			CHECK(f == n);
		/* Never ends inside a character. */
		if (f < n)
			CHECK(((unsigned char)s[f] & 0xc0) != 0x80 ||
			    !utf8_valid(s, n));
		t = utf8_clip(s, cols);
		CHECK(t != NULL && utf8_width(t) <= cols);
		CHECK(strncmp(t, s, strlen(t)) == 0);
		free(t);
		t = utf8_padr(s, cols);
		CHECK(t != NULL && utf8_width(t) >= cols);
		CHECK(utf8_width(t) == (w > cols ? w : cols));
		CHECK(strncmp(t, s, n) == 0);
		free(t);
	}

	/* Clusters tile the string; their widths add up to the width. */
	total = 0;
	for (i = 0; i < n; i += k) {
		k = utf8_cluster(s + i, n - i, &cw);
		CHECK(k >= 1 && k <= n - i);
		CHECK(cw >= 0 && cw <= 2);
		total += (size_t)cw;
	}
	CHECK(total == w);
	CHECK(utf8_strlen(s) <= n);

	t = utf8_fullwidth_digits(s);
	if (utf8_valid(s, n))
		CHECK(t != NULL && utf8_valid(t, strlen(t)));
	free(t);
	free(s);
	return 0;
}

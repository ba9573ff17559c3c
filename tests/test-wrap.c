/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of core/wrap.c: Japanese line breaking. The sentence
 * of a sample meeting is wrapped at every width from
 * 4 to 40 columns, and every row boundary is checked against the rules:
 * no 、。」）％ or small kana at a row's start, no 「（ at a row's end,
 * 41％, 2本 and the Latin words whole; rows never wider than asked.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wrap.h"
#include "utf8.h"
#include "tap.h"

static const char *const line_start_forbidden[] = {
	"、", "。", "」", "）", "％", "ょ", "っ", "ゃ", "ー", ",", ".", NULL
};

static int
starts_with_any(const char *s, const char *const *set)
{
	size_t	 i;

	for (i = 0; set[i] != NULL; i++) {
		if (strncmp(s, set[i], strlen(set[i])) == 0)
			return 1;
	}
	return 0;
}

static int
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t	 n = strlen(suffix);

	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* Is [a, b) of the text inside the byte range of needle's occurrence? */
static int
splits(const char *text, const char *needle, size_t cut)
{
	const char	*p = text;
	size_t		 at;

	while ((p = strstr(p, needle)) != NULL) {
		at = (size_t)(p - text);
		if (cut > at && cut < at + strlen(needle))
			return 1;
		p++;
	}
	return 0;
}

static void
check_width(const char *text, int w)
{
	size_t	 starts[256], n, i, end, len = strlen(text);
	char	*row;
	int	 bad = 0;

	n = wrap_text(text, len, w, w, starts, 256);
	for (i = 0; i < n; i++) {
		end = i + 1 < n ? starts[i + 1] : len;
		row = strndup(text + starts[i], end - starts[i]);
		/* Trailing spaces hang. */
		while (row[0] != '\0' && row[strlen(row) - 1] == ' ')
			row[strlen(row) - 1] = '\0';
		if ((int)utf8_width(row) > w) {
			printf("#   width %d: row %zu is %zu wide: %s\n", w, i,
			    utf8_width(row), row);
			bad++;
		}
		if (i > 0 && starts_with_any(row, line_start_forbidden)) {
			printf("#   width %d: row %zu starts badly: %s\n", w, i,
			    row);
			bad++;
		}
		if (i + 1 < n && (ends_with(row, strlen(row), "「") ||
		    ends_with(row, strlen(row), "（"))) {
			printf("#   width %d: row %zu ends with an opening "
			    "bracket: %s\n", w, i, row);
			bad++;
		}
		if (i > 0 && (splits(text, "41％", starts[i]) ||
		    splits(text, "2本", starts[i]) ||
		    (w >= 5 && splits(text, "第3回", starts[i])) ||
		    (w >= 5 && splits(text, "ABC", starts[i])))) {
			printf("#   width %d: row %zu splits a number or a "
			    "word: %s\n", w, i, row);
			bad++;
		}
		free(row);
	}
	ok(bad == 0, "width %d: %zu rows, every boundary allowed", w, n);
}

int
main(void)
{
	static const char text[] = "昨年度は約41％でございました、夏場の水やり"
	    "を「地域」の皆さんにお願いする仕組みを今年度から始めております。"
	    "ABC def 2本の苗木は第3回の会議でしょう。";
	size_t	 starts[16], n;
	int	 w;

	/* size_t wrap_text(s, n, first, rest, starts, max) */
	{
		n = wrap_text("", 0, 10, 10, starts, 16);
		ok(n == 1 && starts[0] == 0, "empty: one empty row");
	}
	{
		n = wrap_text("abc", 3, 10, 10, starts, 0);
		is_int(n, 0, "max 0: no rows");
	}
	{
		n = wrap_text("一行目\n二行目", strlen("一行目\n二行目"), 40,
		    40, starts, 16);
		ok(n == 2 && starts[1] == strlen("一行目\n"),
		    "a newline ends a row");
	}
	{
		const char *s = "2本";
		n = wrap_text(s, strlen(s), 2, 2, starts, 16);
		ok(n == 2, "a numeral and its counter wider than a row are cut "
		    "where they must be");
	}
	{
		const char *s = "苗木は2本";
		n = wrap_text(s, strlen(s), 7, 7, starts, 16);
		ok(n == 2 && strcmp(s + starts[1], "2本") == 0,
		    "2本 moves whole to the next row (UAX #14 alone breaks "
		    "between them)");
	}
	{
		const char *s = "はい、そうです";
		n = wrap_text(s, strlen(s), 4, 4, starts, 16);
		ok(n >= 2 && strncmp(s + starts[1], "、", 3) != 0,
		    "、 does not start a row");
	}
	{
		const char *s = "中間「地域」";
		n = wrap_text(s, strlen(s), 6, 6, starts, 16);
		ok(n >= 2 && starts[1] == strlen("中間"),
		    "「 does not end a row: it goes with the word it opens");
	}
	for (w = 4; w <= 40; w++)
		check_width(text, w);
	{
		/* A run with nowhere to break: a break every 4 after 64. */
		char	 run[201], *cut, *p;
		size_t	 zw = 0, plain = 0;

		memset(run, 'x', 200);
		run[200] = '\0';
		cut = wrap_break_runs(run);
		ok(cut != NULL, "a run of 200 x: breaks given");
		for (p = cut; p != NULL && *p != '\0'; ) {
			if (strncmp(p, "\xe2\x80\x8b", 3) == 0) {
				zw++;
				p += 3;
			} else {
				plain++;
				p++;
			}
		}
		/* After x 68, 72 … 196 (the text's end is a break already). */
		ok(plain == 200 && zw == 33,
		    "every x kept, a zero-width space after every 4th past "
		    "64 (%zu x, %zu breaks)", plain, zw);
		ok(cut != NULL && strncmp(cut, run, 64) == 0,
		    "the first 64 as they were");
		free(cut);
		ok(wrap_break_runs("議事録の本文は、区切る場所がいくらでもある。"
		    "議事録の本文は、区切る場所がいくらでもある。") == NULL,
		    "Japanese text: nothing changed");
		ok(wrap_break_runs("short words only") == NULL,
		    "words: nothing changed");
	}
	{
		/* A combining mark stays on its letter. */
		char	 run[200 * 3 + 1], *cut;
		size_t	 i, len = 0;

		for (i = 0; i < 200; i++) {
			memcpy(run + len, "e\xcc\x81", 3);	/* e + U+0301 */
			len += 3;
		}
		run[len] = '\0';
		cut = wrap_break_runs(run);
		ok(cut != NULL && strstr(cut, "\xe2\x80\x8b\xcc\x81") == NULL,
		    "no break between a letter and its mark");
		free(cut);
	}
	return done_testing();
}

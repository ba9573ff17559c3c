/* SPDX-License-Identifier: ISC */
/*
 * Wrapping: line breaking for Japanese text (禁則処理): where a line of text may be
 * broken to wrap it in a pane, by the Unicode line-breaking algorithm
 * (UAX #14, through libunibreak with the language "ja": no closing
 * bracket, 、。 or small kana at the start of a line, no opening bracket
 * at its end, numbers and Latin words kept whole), tailored where
 * Japanese practice is stricter than UAX #14: a numeral stays with the
 * counter after it (2本, 41人, 第3回 are never split).
 */
#ifndef GIJI_WRAP_H
#define GIJI_WRAP_H

#include <stddef.h>

/*
 * Wrap s (n bytes of UTF-8) into rows of at most first columns for the
 * first row and rest for the others: stores the byte offset where each
 * row starts in starts (starts[0] is 0) and returns the number of rows,
 * at most max. A row breaks at the last opportunity that fits; a word
 * longer than a row is cut where it must be (never inside a character
 * or a cluster). Spaces where a row breaks hang past its end. A newline
 * ends a row.
 */
size_t	 wrap_text(const char *s, size_t n, int first, int rest,
	     size_t *starts, size_t max);

/*
 * s with a zero-width space after every few characters of each run of
 * more than 64 characters with no line-break opportunity (a row of x, a
 * long URL), or NULL when it has none: a typesetter that breaks such a
 * run by measuring it again for each line (Pango) takes time quadratic in
 * its length, 2 M characters over half an hour.
 */
char	*wrap_break_runs(const char *s);

#endif

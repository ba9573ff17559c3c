/* SPDX-License-Identifier: ISC */
/*
 * UTF-8 helpers: validation, decoding, display width (glibc wcwidth),
 * clipping and padding by display columns, and cleaning text for display.
 * All text in giji is UTF-8 char *; wchar_t appears only at the edges.
 * Widths come from built-in tables matching glibc 2.36 wcwidth(), so they
 * do not depend on the process locale. A NULL string measures as empty;
 * the functions returning a copy return NULL for NULL (utf8_padr: "").
 */
#ifndef GIJI_UTF8_H
#define GIJI_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFD

/*
 * Decode one code point from s (at most n bytes). Returns the number of
 * bytes consumed (>= 1 when n >= 1) and stores the code point in *cp; an
 * invalid or truncated sequence (overlong, surrogate, > U+10FFFF,
 * 0xC0/0xC1/0xF5-0xFF) consumes exactly one byte and yields U+FFFD.
 * Returns 0 only when n == 0.
 */
size_t	 utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes at least); returns the length. */
size_t	 utf8_encode(uint32_t cp, char *out);
/* Non-zero when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
int	 utf8_valid(const char *s, size_t n);
/* Byte offset of the first invalid sequence, or (size_t)-1 when valid. */
size_t	 utf8_invalid_at(const char *s, size_t n);

/* Display width of one code point: 0, 1 or 2 (controls count as 0). */
int	 utf8_cpwidth(uint32_t cp);
/* Display width of a whole string (invalid bytes count as U+FFFD, 1). */
size_t	 utf8_width(const char *s);
size_t	 utf8_nwidth(const char *s, size_t n);

/*
 * Byte length of the cluster at s (at most n bytes): one code point and
 * the zero-width, non-control code points after it (combining marks,
 * variation selectors, ZWJ). Stores its display width in *width. A
 * control is a cluster of its own. This is the unit to hand to
 * setcchar(): ncursesw drops zero-width characters written after a wide
 * one. Returns 0 only when n == 0.
 */
size_t	 utf8_cluster(const char *s, size_t n, int *width);

/*
 * Byte length of the longest prefix of s that fits in cols display
 * columns, never splitting a character or a cluster (a character and its
 * following zero-width marks).
 */
size_t	 utf8_fit(const char *s, size_t cols);
/* Copy of s clipped to cols columns (no partial wide char). */
char	*utf8_clip(const char *s, size_t cols);
/* Copy of s padded with spaces on the right to cols columns (never clipped). */
char	*utf8_padr(const char *s, size_t cols);

/*
 * Copy of s safe to draw on a terminal: invalid bytes become U+FFFD,
 * C0/C1 controls and DEL become U+FFFD except that a tab becomes a space
 * and, when keep_newlines, a newline is kept and U+2028 and U+2029 (a
 * line break to some readers) become one (else U+FFFD, as a newline);
 * bidi override/embedding controls (U+202A-202E, U+2066-2069) are
 * removed.
 */
char	*utf8_sanitize(const char *s, int keep_newlines);
/*
 * s on one line: each line or paragraph break (CR, LF, VT, FF, NEL,
 * U+2028, U+2029) a space. Takes s, returns it or a new string.
 */
char	*utf8_one_line(char *s);
/* 0 when utf8_one_line would leave s as it is (a quick look by bytes). */
int	 utf8_may_break(const char *s);
/* Would utf8_sanitize leave s as it is? */
int	 utf8_is_clean(const char *s, int keep_newlines);

/* Half-width ASCII digits in s turned into full-width (U+FF10-FF19). */
char	*utf8_fullwidth_digits(const char *s);

/* Number of code points. */
size_t	 utf8_strlen(const char *s);

#endif

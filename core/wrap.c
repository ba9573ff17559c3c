/* SPDX-License-Identifier: ISC */
/*
 * Wrapping by line-break opportunities (wrap.h). libunibreak marks
 * after which byte a line may break; giji adds its tailoring and then
 * fills each row greedily by display width (utf8.c), as a typesetter
 * would on a fixed grid.
 */
#include "config.h"

#include <linebreak.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wrap.h"
#include "utf8.h"
#include "xmalloc.h"

static int
wrap_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xff10 && cp <= 0xff19);
}

/* Ideographs and the iteration mark: what follows a numeral as a counter. */
static int
wrap_counter(uint32_t cp)
{
	return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 &&
	    cp <= 0x4dbf) || cp == 0x3005 || (cp >= 0x20000 && cp <= 0x2fa1f);
}

/*
 * Small kana and the marks that lengthen or repeat a sound never start a
 * row (UAX #14 leaves them to "strict" breaking, class CJ).
 */
static int
wrap_small_kana(uint32_t cp)
{
	static const char small[] = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
	    "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿーゝゞヽヾ々";
	size_t	 off = 0, n = sizeof small - 1;
	uint32_t c;

	while (off < n) {
		off += utf8_decode(small + off, n - off, &c);
		if (c == cp)
			return 1;
	}
	return 0;
}

/* brks[i]: may a line break after byte i (libunibreak's marks). */
static char *
wrap_marks(const char *s, size_t n)
{
	static int	 ready;
	char		*brks;
	uint32_t	 cp, prev = 0;
	size_t		 off = 0, len;

	if (!ready) {
		init_linebreak();
		ready = 1;
	}
	brks = xmalloc(n + 1);
	set_linebreaks_utf8((const utf8_t *)s, n, "ja", brks);
	/*
	 * Tailoring: a numeral and its counter stay together (2本), 第 and
	 * its numeral (第3回), and no small kana starts a row.
	 */
	while (off < n) {
		len = utf8_decode(s + off, n - off, &cp);
		if (off > 0 && brks[off - 1] == LINEBREAK_ALLOWBREAK &&
		    ((wrap_digit(prev) && wrap_counter(cp)) ||
		    (prev == 0x7b2c && wrap_digit(cp)) || wrap_small_kana(cp)))
			brks[off - 1] = LINEBREAK_NOBREAK;
		prev = cp;
		off += len;
	}
	return brks;
}

#define RUN_LONG	64	/* clusters with no break: a run to cut */
#define RUN_STEP	4	/* then a break after every so many */

char *
wrap_break_runs(const char *s)
{
	struct buf	 b;
	char		*brks;
	size_t		 n = strlen(s), off, len, run;
	int		 cw, changed = 0;

	/* Most text has a space or kana within any 64 bytes: look first. */
	for (off = 0, run = 0; off < n && run <= RUN_LONG; off++)
		run = s[off] == ' ' || (unsigned char)s[off] >= 0xe3 ? 0 :
		    run + 1;
	if (run <= RUN_LONG)
		return NULL;
	brks = wrap_marks(s, n);
	buf_init(&b);
	/*
	 * By clusters (a mark stays on its letter); past the first 64 of a
	 * run, a break after every 4th: the lines end at most 3 clusters
	 * short of where the typesetter would cut them.
	 */
	for (off = 0, run = 0; off < n; off += len) {
		if ((len = utf8_cluster(s + off, n - off, &cw)) == 0)
			len = 1;
		buf_add(&b, s + off, len);
		if (brks[off + len - 1] != LINEBREAK_NOBREAK &&
		    brks[off + len - 1] != LINEBREAK_INSIDEACHAR) {
			run = 0;
			continue;
		}
		if (++run > RUN_LONG && run % RUN_STEP == 0) {
			buf_add(&b, "\xe2\x80\x8b", 3);	/* U+200B */
			changed = 1;
		}
	}
	free(brks);
	if (!changed) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

size_t
wrap_text(const char *s, size_t n, int first, int rest, size_t *starts,
    size_t max)
{
	char	*brks;
	size_t	 rows = 0, off = 0, len, row_start = 0, last_break = 0;
	int	 used = 0, limit = first, cw, used_at_break = 0;

	if (max == 0)
		return 0;
	starts[rows++] = 0;
	if (n == 0)
		return rows;
	brks = wrap_marks(s, n);
	if (limit < 1)
		limit = 1;
	while (off < n) {
		len = utf8_cluster(s + off, n - off, &cw);
		if (s[off] == '\n') {
			if (off + len >= n || rows == max)
				break;
			starts[rows++] = off + len;
			row_start = off + len;
			last_break = 0;
			used = 0;
			limit = rest < 1 ? 1 : rest;
			off += len;
			continue;
		}
		/* A space where the row is full hangs past its end. */
		if (used + cw > limit && !(s[off] == ' ' && cw == 1)) {
			if (rows == max)
				break;
			if (last_break > row_start) {
				starts[rows++] = last_break;
				used -= used_at_break;
			} else {
				starts[rows++] = off;
				used = 0;
			}
			row_start = starts[rows - 1];
			last_break = 0;
			limit = rest < 1 ? 1 : rest;
		}
		used += cw;
		off += len;
		/* A break is allowed after this cluster's last byte. */
		if (off < n && brks[off - 1] == LINEBREAK_ALLOWBREAK) {
			last_break = off;
			used_at_break = used;
		}
	}
	free(brks);
	return rows;
}

/* SPDX-License-Identifier: ISC */
/*
 * The line editor's buffer (see editbuf.h). The editbuf owns its text
 * and its kill ring. Cluster boundaries are found locally (a few bytes
 * around the cursor), so moving and deleting cost the same however long
 * the speech is; only wrapping walks the whole text.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "editbuf.h"
#include "utf8.h"
#include "xmalloc.h"

void
editbuf_init(struct editbuf *eb)
{
	memset(eb, 0, sizeof *eb);
	eb->cap = 64;
	eb->s = xmalloc(eb->cap);
	eb->s[0] = '\0';
}

void
editbuf_free(struct editbuf *eb)
{
	free(eb->s);
	free(eb->kill);
	free(eb->marks);
	memset(eb, 0, sizeof *eb);
}

void
editbuf_clear(struct editbuf *eb)
{
	size_t	 i;

	eb->len = eb->cur = 0;
	eb->s[0] = '\0';
	for (i = 0; i < eb->nmarks; i++)
		eb->marks[i] = 0;
}

void
editbuf_set(struct editbuf *eb, const char *s)
{
	editbuf_clear(eb);
	if (s != NULL)
		editbuf_insert(eb, s, strlen(s));
}

const char *
editbuf_text(const struct editbuf *eb)
{
	return eb->s;
}

int
editbuf_empty(const struct editbuf *eb)
{
	return eb->len == 0;
}

static void
editbuf_grow(struct editbuf *eb, size_t more)
{
	if (eb->len + more + 1 <= eb->cap)
		return;
	while (eb->len + more + 1 > eb->cap)
		eb->cap *= 2;
	eb->s = xrealloc(eb->s, eb->cap);
}

/* n bytes are being inserted at the cursor: the marks after it move on. */
static void
editbuf_marks_insert(struct editbuf *eb, size_t n)
{
	size_t	 i;

	for (i = 0; i < eb->nmarks; i++) {
		if (eb->marks[i] > eb->cur)
			eb->marks[i] += n;
	}
}

/* Code point at off (U+FFFD for a bad byte, which the buffer never holds). */
static uint32_t
editbuf_cp(const struct editbuf *eb, size_t off, size_t *len)
{
	uint32_t	 cp = 0;
	size_t		 n;

	n = utf8_decode(eb->s + off, eb->len - off, &cp);
	if (len != NULL)
		*len = n;
	return cp;
}

static int
editbuf_is_ri(uint32_t cp)
{
	return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

static int
editbuf_is_extender(uint32_t cp)
{
	return cp >= 0x20 && !(cp >= 0x7f && cp < 0xa0) &&
	    utf8_cpwidth(cp) == 0;
}

/* Start of the code point before off. */
static size_t
editbuf_cp_start(const struct editbuf *eb, size_t off)
{
	if (off == 0)
		return 0;
	off--;
	while (off > 0 && ((unsigned char)eb->s[off] & 0xc0) == 0x80)
		off--;
	return off;
}

size_t
editbuf_prev(const struct editbuf *eb, size_t off)
{
	size_t		 p, q;
	uint32_t	 cp;
	int		 nri = 0;

	if (off == 0)
		return 0;
	p = editbuf_cp_start(eb, off);
	cp = editbuf_cp(eb, p, NULL);
	/* Zero-width marks belong to the character before them. */
	while (p > 0 && editbuf_is_extender(cp)) {
		p = editbuf_cp_start(eb, p);
		cp = editbuf_cp(eb, p, NULL);
	}
	if (!editbuf_is_ri(cp) || p == 0)
		return p;
	/* Regional indicators pair from the left: count the run before. */
	q = p;
	while (q > 0) {
		size_t r = editbuf_cp_start(eb, q);
		if (!editbuf_is_ri(editbuf_cp(eb, r, NULL)))
			break;
		nri++;
		q = r;
	}
	if (nri % 2 == 1)
		p = editbuf_cp_start(eb, p);
	return p;
}

size_t
editbuf_next(const struct editbuf *eb, size_t off)
{
	size_t		 len, n, q;
	uint32_t	 cp;
	int		 w, nri = 0;

	if (off >= eb->len)
		return eb->len;
	cp = editbuf_cp(eb, off, NULL);
	n = utf8_cluster(eb->s + off, eb->len - off, &w);
	if (editbuf_is_ri(cp) && off + n < eb->len) {
		q = off;
		while (q > 0) {
			size_t r = editbuf_cp_start(eb, q);
			if (!editbuf_is_ri(editbuf_cp(eb, r, NULL)))
				break;
			nri++;
			q = r;
		}
		if (nri % 2 == 0 &&
		    editbuf_is_ri(editbuf_cp(eb, off + n, &len)))
			n += utf8_cluster(eb->s + off + n, eb->len - off - n,
			    &w);
	}
	return off + n;
}

size_t
editbuf_insert_cp(struct editbuf *eb, unsigned int cp)
{
	char	 tmp[4];
	size_t	 n;

	if (cp == '\t' || cp == '\n' || cp == '\r')
		cp = ' ';
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = UTF8_REPLACEMENT;
	n = utf8_encode(cp, tmp);
	editbuf_grow(eb, n);
	memmove(eb->s + eb->cur + n, eb->s + eb->cur, eb->len - eb->cur + 1);
	memcpy(eb->s + eb->cur, tmp, n);
	editbuf_marks_insert(eb, n);
	eb->len += n;
	eb->cur += n;
	return n;
}

size_t
editbuf_insert(struct editbuf *eb, const char *s, size_t n)
{
	struct buf	 clean;
	uint32_t	 cp;
	size_t		 off = 0, len;
	char		 tmp[4];

	/* Clean into a buffer first, then make one gap. */
	buf_init(&clean);
	while (off < n) {
		len = utf8_decode(s + off, n - off, &cp);
		off += len;
		if (cp == '\t' || cp == '\n' || cp == '\r')
			cp = ' ';
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			continue;
		buf_add(&clean, tmp, utf8_encode(cp, tmp));
	}
	len = clean.len;
	if (len > 0) {
		editbuf_grow(eb, len);
		memmove(eb->s + eb->cur + len, eb->s + eb->cur,
		    eb->len - eb->cur + 1);
		memcpy(eb->s + eb->cur, clean.s, len);
		editbuf_marks_insert(eb, len);
		eb->len += len;
		eb->cur += len;
	}
	buf_free(&clean);
	return len;
}

int
editbuf_left(struct editbuf *eb)
{
	if (eb->cur == 0)
		return 0;
	eb->cur = editbuf_prev(eb, eb->cur);
	return 1;
}

int
editbuf_right(struct editbuf *eb)
{
	if (eb->cur >= eb->len)
		return 0;
	eb->cur = editbuf_next(eb, eb->cur);
	return 1;
}

int
editbuf_home(struct editbuf *eb)
{
	if (eb->cur == 0)
		return 0;
	eb->cur = 0;
	return 1;
}

int
editbuf_end(struct editbuf *eb)
{
	if (eb->cur == eb->len)
		return 0;
	eb->cur = eb->len;
	return 1;
}

/*
 * Word classes: Japanese has no spaces, so a word is a run of one script
 * (kanji, hiragana, katakana, letters and digits); spaces and punctuation
 * separate words.
 */
static int
editbuf_class(uint32_t cp)
{
	if (cp == ' ' || cp == 0x3000)
		return 0;
	if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
	    (cp >= 'a' && cp <= 'z') || cp == '_' ||
	    (cp >= 0xc0 && cp < 0x2000 && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) ||
	    (cp >= 0xff41 && cp <= 0xff5a))
		return 1;
	if (cp >= 0x3041 && cp <= 0x309f)
		return 2;
	if ((cp >= 0x30a0 && cp <= 0x30ff) || (cp >= 0xff66 && cp <= 0xff9f))
		return 3;
	if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x3ffff) || cp == 0x3005)
		return 4;
	if (cp >= 0x1f000)
		return 5;
	return 0;	/* punctuation and symbols */
}

static size_t
editbuf_word_left_off(const struct editbuf *eb)
{
	size_t	 p = eb->cur, q;
	int	 c;

	while (p > 0) {
		q = editbuf_prev(eb, p);
		if (editbuf_class(editbuf_cp(eb, q, NULL)) != 0)
			break;
		p = q;
	}
	if (p == 0)
		return 0;
	c = editbuf_class(editbuf_cp(eb, editbuf_prev(eb, p), NULL));
	while (p > 0) {
		q = editbuf_prev(eb, p);
		if (editbuf_class(editbuf_cp(eb, q, NULL)) != c)
			break;
		p = q;
	}
	return p;
}

static size_t
editbuf_word_right_off(const struct editbuf *eb)
{
	size_t	 p = eb->cur;
	int	 c;

	while (p < eb->len && editbuf_class(editbuf_cp(eb, p, NULL)) == 0)
		p = editbuf_next(eb, p);
	if (p >= eb->len)
		return eb->len;
	c = editbuf_class(editbuf_cp(eb, p, NULL));
	while (p < eb->len && editbuf_class(editbuf_cp(eb, p, NULL)) == c)
		p = editbuf_next(eb, p);
	return p;
}

int
editbuf_word_left(struct editbuf *eb)
{
	size_t	 p = editbuf_word_left_off(eb);

	if (p == eb->cur)
		return 0;
	eb->cur = p;
	return 1;
}

int
editbuf_word_right(struct editbuf *eb)
{
	size_t	 p = editbuf_word_right_off(eb);

	if (p == eb->cur)
		return 0;
	eb->cur = p;
	return 1;
}

/* Remove [a, b); to the kill ring when kill. The cursor goes to a. */
static int
editbuf_cut(struct editbuf *eb, size_t a, size_t b, int kill)
{
	size_t	 i;

	if (a >= b)
		return 0;
	if (kill) {
		free(eb->kill);
		eb->kill = xstrndup(eb->s + a, b - a);
	}
	memmove(eb->s + a, eb->s + b, eb->len - b + 1);
	for (i = 0; i < eb->nmarks; i++) {
		if (eb->marks[i] >= b)
			eb->marks[i] -= b - a;
		else if (eb->marks[i] > a)
			eb->marks[i] = a;
	}
	eb->len -= b - a;
	eb->cur = a;
	return 1;
}

int
editbuf_backspace(struct editbuf *eb)
{
	return editbuf_cut(eb, editbuf_prev(eb, eb->cur), eb->cur, 0);
}

int
editbuf_delete(struct editbuf *eb)
{
	return editbuf_cut(eb, eb->cur, editbuf_next(eb, eb->cur), 0);
}

int
editbuf_kill_end(struct editbuf *eb)
{
	return editbuf_cut(eb, eb->cur, eb->len, 1);
}

int
editbuf_kill_start(struct editbuf *eb)
{
	return editbuf_cut(eb, 0, eb->cur, 1);
}

int
editbuf_kill_word_left(struct editbuf *eb)
{
	return editbuf_cut(eb, editbuf_word_left_off(eb), eb->cur, 1);
}

int
editbuf_kill_word_right(struct editbuf *eb)
{
	return editbuf_cut(eb, eb->cur, editbuf_word_right_off(eb), 1);
}

int
editbuf_yank(struct editbuf *eb)
{
	if (eb->kill == NULL || *eb->kill == '\0')
		return 0;
	return editbuf_insert(eb, eb->kill, strlen(eb->kill)) > 0;
}

size_t
editbuf_cursor_col(const struct editbuf *eb)
{
	return utf8_nwidth(eb->s, eb->cur);
}

size_t
editbuf_nclusters(const struct editbuf *eb)
{
	size_t	 off = 0, n = 0;

	while (off < eb->len) {
		off = editbuf_next(eb, off);
		n++;
	}
	return n;
}

static void
editbuf_add_line(struct editbuf_line **lines, size_t *cap, size_t n,
    size_t start, size_t end, size_t width)
{
	if (n >= *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		*lines = xreallocarray(*lines, *cap, sizeof **lines);
	}
	(*lines)[n].start = start;
	(*lines)[n].end = end;
	(*lines)[n].width = width;
}

size_t
editbuf_wrap(const struct editbuf *eb, size_t first, size_t cols,
    struct editbuf_line **lines, size_t *cap, size_t *cur_line,
    size_t *cur_col)
{
	size_t	 off = 0, start = 0, used = 0, n = 0, limit = first, len;
	int	 w;

	if (first < 2)
		first = 2;
	if (cols < 2)
		cols = 2;
	limit = first;
	*cur_line = 0;
	*cur_col = 0;
	while (off < eb->len) {
		len = utf8_cluster(eb->s + off, eb->len - off, &w);
		if (used + (size_t)w > limit) {
			editbuf_add_line(lines, cap, n++, start, off, used);
			start = off;
			used = 0;
			limit = cols;
		}
		if (off == eb->cur) {
			*cur_line = n;
			*cur_col = used;
		}
		used += w;
		off += len;
	}
	editbuf_add_line(lines, cap, n++, start, off, used);
	if (eb->cur == eb->len) {
		if (used >= limit) {
			editbuf_add_line(lines, cap, n++, off, off, 0);
			*cur_line = n - 1;
			*cur_col = 0;
		} else {
			*cur_line = n - 1;
			*cur_col = used;
		}
	}
	return n;
}

/* --- marks ----------------------------------------------------------- */

size_t
editbuf_mark(struct editbuf *eb)
{
	return editbuf_mark_at(eb, eb->cur);
}

size_t
editbuf_mark_at(struct editbuf *eb, size_t off)
{
	size_t	 at;

	if (off >= eb->len)
		at = eb->len;
	else	/* the start of the cluster off is in */
		at = editbuf_prev(eb, editbuf_next(eb, off));
	eb->marks = xreallocarray(eb->marks, eb->nmarks + 1,
	    sizeof *eb->marks);
	eb->marks[eb->nmarks] = at;
	return eb->nmarks++;
}

size_t
editbuf_mark_chars(const struct editbuf *eb, size_t i)
{
	size_t	 off = 0, n = 0, end;
	uint32_t cp;

	if (i >= eb->nmarks)
		return 0;
	end = eb->marks[i];
	while (off < end) {
		off += utf8_decode(eb->s + off, end - off, &cp);
		n++;
	}
	return n;
}

void
editbuf_mark_drop(struct editbuf *eb, size_t i)
{
	if (i >= eb->nmarks)
		return;
	memmove(eb->marks + i, eb->marks + i + 1,
	    (eb->nmarks - i - 1) * sizeof *eb->marks);
	eb->nmarks--;
}

void
editbuf_marks_clear(struct editbuf *eb)
{
	free(eb->marks);
	eb->marks = NULL;
	eb->nmarks = 0;
}

size_t
editbuf_chars_off(const struct editbuf *eb, size_t n)
{
	size_t	 off = 0;
	uint32_t cp;

	while (n > 0 && off < eb->len) {
		off += utf8_decode(eb->s + off, eb->len - off, &cp);
		n--;
	}
	return off;
}

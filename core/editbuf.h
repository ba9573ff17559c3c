/* SPDX-License-Identifier: ISC */
/*
 * The line editor's buffer: UTF-8 text and a cursor, with the editing
 * operations of the input line. Pure data, no curses: tui/editor.c draws
 * it. The cursor is a byte offset that always sits between clusters (a
 * character and its zero-width marks; a pair of regional indicators), so
 * Backspace and Delete remove one whole visible character. Everything
 * inserted is cleaned first: invalid bytes become U+FFFD, tabs and line
 * breaks a space, other controls and bidi overrides are dropped, so the
 * buffer always holds valid, drawable UTF-8.
 */
#ifndef GIJI_EDITBUF_H
#define GIJI_EDITBUF_H

#include <stddef.h>

struct editbuf {
	char	*s;		/* always NUL-terminated */
	size_t	 len;
	size_t	 cap;
	size_t	 cur;		/* byte offset of the cursor */
	char	*kill;		/* the kill ring (one entry) */
	size_t	*marks;		/* byte offsets that move with the text */
	size_t	 nmarks;
};

void	 editbuf_init(struct editbuf *);
void	 editbuf_free(struct editbuf *);
/* Replace the text (cleaned); the cursor goes to the end. */
void	 editbuf_set(struct editbuf *, const char *);
void	 editbuf_clear(struct editbuf *);
/* Borrowed; valid until the next change. */
const char *editbuf_text(const struct editbuf *);
int	 editbuf_empty(const struct editbuf *);

/* Insert n bytes at the cursor (cleaned). Returns the bytes added. */
size_t	 editbuf_insert(struct editbuf *, const char *, size_t);
/* Insert one code point. */
size_t	 editbuf_insert_cp(struct editbuf *, unsigned int);

/* Moves and deletions return 1 when something changed, else 0. */
int	 editbuf_left(struct editbuf *);
int	 editbuf_right(struct editbuf *);
int	 editbuf_home(struct editbuf *);
int	 editbuf_end(struct editbuf *);
int	 editbuf_word_left(struct editbuf *);
int	 editbuf_word_right(struct editbuf *);
int	 editbuf_backspace(struct editbuf *);
int	 editbuf_delete(struct editbuf *);
int	 editbuf_kill_end(struct editbuf *);	/* to the kill ring */
int	 editbuf_kill_start(struct editbuf *);
int	 editbuf_kill_word_left(struct editbuf *);
int	 editbuf_kill_word_right(struct editbuf *);
int	 editbuf_yank(struct editbuf *);

/*
 * Marks: places in the text that stay put as it is edited (a reaction
 * heard at a point of the speech being typed). Text inserted at a mark
 * goes after it; text inserted before it moves it on; a cut that holds a
 * mark takes it to the cut's start; clearing the text takes every mark
 * to 0. editbuf_mark() sets one at the cursor and returns its index;
 * editbuf_mark_at() at a byte offset (moved back to a cluster boundary,
 * clamped to the text). editbuf_mark_chars() is a mark's place in code
 * points from the start (as giji-events(5) counts a reaction's at).
 */
size_t	 editbuf_mark(struct editbuf *);
size_t	 editbuf_mark_at(struct editbuf *, size_t off);
size_t	 editbuf_mark_chars(const struct editbuf *, size_t i);
void	 editbuf_mark_drop(struct editbuf *, size_t i);
void	 editbuf_marks_clear(struct editbuf *);
/* The byte offset of the n-th code point (the end when past it). */
size_t	 editbuf_chars_off(const struct editbuf *, size_t n);

/* Byte offsets of the cluster boundary before / after off. */
size_t	 editbuf_prev(const struct editbuf *, size_t off);
size_t	 editbuf_next(const struct editbuf *, size_t off);
/* Display columns of the text before the cursor, unwrapped. */
size_t	 editbuf_cursor_col(const struct editbuf *);
size_t	 editbuf_nclusters(const struct editbuf *);

/*
 * Wrap the text into lines: the first line has first columns, the
 * others cols (both >= 2). A wide character never straddles two lines.
 * Fills *out (grown as needed, *outcap its size) with byte ranges and
 * returns their count (>= 1); *cur_line and *cur_col give the cursor's
 * position. A cursor at the end of a full line is put at the start of a
 * further empty line.
 */
struct editbuf_line {
	size_t	 start;
	size_t	 end;
	size_t	 width;
};
size_t	 editbuf_wrap(const struct editbuf *, size_t first, size_t cols,
	     struct editbuf_line **out, size_t *outcap, size_t *cur_line,
	     size_t *cur_col);

#endif

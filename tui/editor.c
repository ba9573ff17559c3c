/* SPDX-License-Identifier: ISC */
/*
 * Drawing the line editor: the buffer (core/editbuf.c) wrapped to the
 * pane's width, the rows around the cursor shown, and where the cursor
 * goes. A wide character is never split at the right edge: editbuf_wrap
 * moves it to the next row. Only what changed is drawn: each row as
 * last drawn is kept, and a row that differs is drawn again from the
 * first character that differs (a typed key costs one character and a
 * clear to the end of its row, not the pane).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "utf8.h"
#include "xmalloc.h"

void
editor_view_reset(struct editor_view *v)
{
	size_t	 i;

	for (i = 0; i < v->nrows; i++)
		free(v->rows[i]);
	free(v->rows);
	v->rows = NULL;
	v->nrows = 0;
}

/* Draw text on row y from where it first differs from old. */
static void
editor_row(WINDOW *win, int y, int cols, const char *text, size_t len,
    const char *old)
{
	size_t	 pre = 0, off = 0, n;
	int	 col = 0, w;

	if (old != NULL) {
		while (pre < len && old[pre] == text[pre])
			pre++;
		/* Back to the start of the cluster holding the difference. */
		while (off < pre) {
			n = utf8_cluster(text + off, len - off, &w);
			if (off + n > pre)
				break;
			off += n;
			col += w;
		}
	}
	wmove(win, y, col);
	wclrtoeol(win);
	draw_textn(win, y, col, text + off, len - off, cols - col, A_NORMAL, 0);
}

void
editor_draw(WINDOW *win, int y, int rows, int cols, const struct editbuf *eb,
    struct editor_view *v, int *cy, int *cx)
{
	static struct editbuf_line	*lines;
	static size_t			 cap;
	size_t				 n, cl, cc, top = 0, i, len;
	const char			*text;

	n = editbuf_wrap(eb, cols, cols, &lines, &cap, &cl, &cc);
	if (rows < 1)
		rows = 1;
	if (cl >= (size_t)rows)
		top = cl - rows + 1;
	if (v->nrows != (size_t)rows) {
		editor_view_reset(v);
		v->rows = xcalloc(rows, sizeof *v->rows);
		v->nrows = rows;
	}
	for (i = 0; i < (size_t)rows; i++) {
		if (top + i < n) {
			text = eb->s + lines[top + i].start;
			len = lines[top + i].end - lines[top + i].start;
		} else {
			text = "";
			len = 0;
		}
		if (v->rows[i] != NULL && strlen(v->rows[i]) == len &&
		    memcmp(v->rows[i], text, len) == 0)
			continue;
		editor_row(win, y + (int)i, cols, text, len, v->rows[i]);
		free(v->rows[i]);
		v->rows[i] = xstrndup(text, len);
	}
	*cy = y + (int)(cl - top);
	*cx = (int)cc;
}

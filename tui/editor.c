/*
 * Drawing the line editor: the buffer (core/editbuf.c) wrapped to the
 * pane's width, the rows around the cursor shown, and where the cursor
 * goes. A wide character is never split at the right edge: editbuf_wrap
 * moves it to the next row.
 */
#include "config.h"

#include <stdlib.h>

#include "app.h"

void
editor_draw(WINDOW *win, int y, int rows, int cols, const struct editbuf *eb,
    int *cy, int *cx)
{
	static struct editbuf_line	*lines;
	static size_t			 cap;
	size_t				 n, cl, cc, top = 0, i;

	n = editbuf_wrap(eb, cols, cols, &lines, &cap, &cl, &cc);
	if (rows < 1)
		rows = 1;
	if (cl >= (size_t)rows)
		top = cl - rows + 1;
	for (i = 0; i < (size_t)rows && top + i < n; i++) {
		const struct editbuf_line *l = &lines[top + i];
		draw_textn(win, y + (int)i, 0, eb->s + l->start,
		    l->end - l->start, cols, A_NORMAL, 0);
	}
	*cy = y + (int)(cl - top);
	*cx = (int)cc;
}

/* SPDX-License-Identifier: ISC */
/*
 * Drawing UTF-8 text on curses. Text is split into clusters (a character
 * and its zero-width marks) and each is written with setcchar() +
 * wadd_wch(): ncursesw drops zero-width characters written after a wide
 * one with addwstr (ncurses 6.4). Text is clipped by display
 * columns; a wide character that does not fit is never split but left
 * out, and the cell is filled with a space.
 */
#include "config.h"

#include <string.h>
#include <wchar.h>

#include "app.h"
#include "utf8.h"

short
draw_pair(struct app *app, short pair)
{
	return app->colors ? pair : 0;
}

int
draw_text(WINDOW *win, int y, int x, const char *s, int maxcols, attr_t attr,
    short pair)
{
	return draw_textn(win, y, x, s, s != NULL ? strlen(s) : 0, maxcols,
	    attr, pair);
}

int
draw_textn(WINDOW *win, int y, int x, const char *s, size_t n, int maxcols,
    attr_t attr, short pair)
{
	cchar_t		 cc;
	wchar_t		 wc[CCHARW_MAX + 1];
	uint32_t	 cp;
	size_t		 off = 0, len, k, nwc;
	int		 w, used = 0, maxx = getmaxx(win);

	if (s == NULL || x >= maxx)
		return 0;
	if (maxcols < 0 || x + maxcols > maxx)
		maxcols = maxx - x;
	while (off < n && used < maxcols) {
		len = utf8_cluster(s + off, n - off, &w);
		if (w == 0) {		/* a stray mark or a control */
			off += len;
			continue;
		}
		if (used + w > maxcols) {
			mvwaddch(win, y, x + used, ' ' | attr);
			used++;
			break;
		}
		nwc = 0;
		for (k = 0; k < len && nwc < CCHARW_MAX;) {
			k += utf8_decode(s + off + k, len - k, &cp);
			if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
				cp = UTF8_REPLACEMENT;
			wc[nwc++] = (wchar_t)cp;
		}
		wc[nwc] = L'\0';
		if (setcchar(&cc, wc, attr, pair, NULL) == OK)
			mvwadd_wch(win, y, x + used, &cc);
		used += w;
		off += len;
	}
	return used;
}

void
draw_clear_line(WINDOW *win, int y, attr_t attr, short pair)
{
	int	 x, maxx = getmaxx(win);

	wattr_set(win, attr, pair, NULL);
	for (x = 0; x < maxx; x++)
		mvwaddch(win, y, x, ' ');
	wattr_set(win, A_NORMAL, 0, NULL);
}

void
draw_frame(WINDOW *win, int h, int w)
{
	int	 i;

	for (i = 1; i < h; i++) {
		mvwaddch(win, i, 0, '|');
		mvwaddch(win, i, w - 1, '|');
	}
	for (i = 0; i < w; i++)
		mvwaddch(win, h - 1, i, '-');
}

/* SPDX-License-Identifier: ISC */
/*
 * The pane tree: a fixed layout of the agenda, vote, log, input and
 * status panes, plus the help and speaker-picker overlays. Layout is
 * worked out once per resize; redraw walks the dirty bits once per loop,
 * calls wnoutrefresh() for each pane it drew, and doupdate() once.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "utf8.h"
#include "wrap.h"

#define MIN_COLS	80
#define MIN_ROWS	24
/* The agenda column: 26 of 80 columns, the same share when wider. */
#define AGENDA_COLS(cols)	((cols) * 13 / 40)

void
pane_dirty(struct pane *p)
{
	p->flags |= PANE_DIRTY;
}

void
app_dirty(struct app *app, int id)
{
	app->panes[id].flags |= PANE_DIRTY;
}

void
app_dirty_all(struct app *app)
{
	int	 i;

	for (i = 0; i < PANE_COUNT; i++)
		app->panes[i].flags |= PANE_DIRTY;
}

enum keymap_context
app_context(struct app *app)
{
	if (prompt_active(app))
		return KEYMAP_INPUT;
	return app->panes[app->focus].ops->context;
}

void
app_focus(struct app *app, int id)
{
	int	 was = app->focus;

	if (id == app->focus)
		return;
	app_dirty(app, app->focus);
	app->focus = id;
	app_dirty(app, id);
	/* The vote pane grows while it has the focus (pane-vote.c). */
	if (!app->view_chair && (was == PANE_VOTE || id == PANE_VOTE) &&
	    app->cols > 0)
		app_layout(app);
}

/* A title row: reverse video when focused. */
void
pane_title(struct pane *p, const char *title)
{
	struct app	*app = p->app;
	attr_t		 attr = A_BOLD;
	short		 pair = 0;

	if (&app->panes[app->focus] == p || (p->flags & PANE_OVERLAY)) {
		attr = A_REVERSE | A_BOLD;
		pair = draw_pair(app, PAIR_TITLE);
	}
	draw_clear_line(p->win, 0, attr, pair);
	draw_text(p->win, 0, 1, title, p->w - 2, attr, pair);
}

static void
pane_place(struct pane *p, int y, int x, int h, int w)
{
	p->y = y;
	p->x = x;
	p->h = h;
	p->w = w;
	if (p->win != NULL)
		delwin(p->win);
	p->win = NULL;
	if (h > 0 && w > 0) {
		p->win = newwin(h, w, y, x);
		keypad(p->win, FALSE);
		leaveok(p->win, TRUE);
	}
	if (p->ops->resize != NULL)
		p->ops->resize(p);
	p->flags |= PANE_DIRTY;
}

void
app_layout(struct app *app)
{
	int	 rows = LINES, cols = COLS, top, input_h, agenda_h;
	int	 ac = AGENDA_COLS(COLS);

	app->rows = rows;
	app->cols = cols;
	app->too_small = rows < MIN_ROWS || cols < MIN_COLS;
	erase();
	wnoutrefresh(stdscr);
	if (app->too_small) {
		int i;
		for (i = 0; i < PANE_COUNT; i++) {
			if (app->panes[i].win != NULL)
				delwin(app->panes[i].win);
			app->panes[i].win = NULL;
		}
		return;
	}
	input_h = 4 + (rows - MIN_ROWS) / 4;
	top = rows - 1 - input_h;
	agenda_h = top - 6;
	if (app->view_chair || app->focus == PANE_VOTE) {
		/* The vote large over the log, the agenda beside it. */
		pane_place(&app->panes[PANE_AGENDA], 0, 0, top, ac);
		pane_place(&app->panes[PANE_VOTE], 0, ac + 1, top - 5,
		    cols - ac - 1);
		pane_place(&app->panes[PANE_LOG], top - 5, ac + 1, 5,
		    cols - ac - 1);
	} else {
		pane_place(&app->panes[PANE_AGENDA], 0, 0, agenda_h, ac);
		pane_place(&app->panes[PANE_VOTE], agenda_h, 0, top - agenda_h,
		    ac);
		pane_place(&app->panes[PANE_LOG], 0, ac + 1, top,
		    cols - ac - 1);
	}
	pane_place(&app->panes[PANE_INPUT], top, 0, input_h, cols);
	pane_place(&app->panes[PANE_STATUS], rows - 1, 0, 1, cols);
	pane_place(&app->panes[PANE_HELP], 0, 0, rows - 1, cols);
	/*
	 * The picker covers the whole width above the input line: an
	 * overlay with a pane beside it would cut a wide character of that
	 * pane at its edge (the text behind showed through there).
	 */
	pane_place(&app->panes[PANE_PICKER], 0, 0, top, cols);
	pane_place(&app->panes[PANE_CHECKIN], 0, 0, top, cols);
	pane_place(&app->panes[PANE_SETUP], 0, 0, top, cols);
	/* The separator between the left column and the log. */
	mvvline(0, ac, '|', top);
	wnoutrefresh(stdscr);
}

/* A message wrapped to the screen's width from row y: the next row. */
static int
draw_wrapped(int y, const char *s, attr_t attr)
{
	size_t	 starts[16], n, i, len = strlen(s), end;

	n = wrap_text(s, len, COLS, COLS, starts, 16);
	for (i = 0; i < n && y < LINES; i++, y++) {
		end = i + 1 < n ? starts[i + 1] : len;
		draw_textn(stdscr, y, 0, s + starts[i], end - starts[i], COLS,
		    attr, 0);
	}
	return y;
}

static void
app_draw_too_small(const struct app *app)
{
	char	 buf[128];
	int	 y;

	erase();
	snprintf(buf, sizeof buf, _("Terminal too small: %dx%d; giji needs "
	    "%dx%d."), COLS, LINES, MIN_COLS, MIN_ROWS);
	y = draw_wrapped(0, buf, A_BOLD);
	y = draw_wrapped(y, _("Enlarge the window; recording resumes."),
	    A_NORMAL);
	y = draw_wrapped(y, _("F10: quit (the draft is kept)"), A_NORMAL);
	/* What is typed meanwhile is kept (tui_key_small). */
	if (app->nheld > 0)
		snprintf(buf, sizeof buf, ngettext("%zu key waits for the "
		    "window", "%zu keys wait for the window", app->nheld),
		    app->nheld);
	else
		snprintf(buf, sizeof buf, ngettext("Typing goes on into the "
		    "draft: %zu character", "Typing goes on into the draft: "
		    "%zu characters", utf8_strlen(editbuf_text(&app->draft))),
		    utf8_strlen(editbuf_text(&app->draft)));
	draw_wrapped(y, buf, A_NORMAL);
	wnoutrefresh(stdscr);
	doupdate();
}

void
app_redraw(struct app *app)
{
	static const int order[] = { PANE_AGENDA, PANE_VOTE, PANE_LOG,
	    PANE_STATUS, PANE_INPUT };
	struct pane	*p;
	size_t		 i;
	int		 any = 0;

	if (app->too_small) {
		if ((app->panes[PANE_STATUS].flags & PANE_DIRTY) ||
		    (app->panes[PANE_INPUT].flags & PANE_DIRTY))
			app_draw_too_small(app);
		for (i = 0; i < PANE_COUNT; i++)
			app->panes[i].flags &= ~PANE_DIRTY;
		return;
	}
	if (app->overlay >= 0) {
		p = &app->panes[app->overlay];
		/* Panes under an overlay are drawn first, then it on top. */
		for (i = 0; i < sizeof order / sizeof order[0]; i++) {
			struct pane *q = &app->panes[order[i]];
			if ((q->flags & PANE_DIRTY) && q->win != NULL) {
				q->ops->draw(q);
				wnoutrefresh(q->win);
				q->flags &= ~PANE_DIRTY;
				p->flags |= PANE_DIRTY;
			}
		}
		if ((p->flags & PANE_DIRTY) && p->win != NULL) {
			touchwin(p->win);
			p->ops->draw(p);
			wnoutrefresh(p->win);
			p->flags &= ~PANE_DIRTY;
			any = 1;
		}
		if (any)
			doupdate();
		return;
	}
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		p = &app->panes[order[i]];
		if (p->win == NULL)
			continue;
		if (p->flags & PANE_DIRTY) {
			p->ops->draw(p);
			p->flags &= ~PANE_DIRTY;
			any = 1;
		}
		if (order[i] == PANE_INPUT && any) {
			/* Last, so that the terminal's cursor ends up in it. */
			leaveok(p->win, FALSE);
			wnoutrefresh(p->win);
		} else if (any)
			wnoutrefresh(p->win);
	}
	if (any)
		doupdate();
}

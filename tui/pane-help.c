/* SPDX-License-Identifier: ISC */
/*
 * The help screen: generated from the action table and the live keymap
 * (never a second, hand-written list), then the latest messages. An
 * overlay: it takes every key while open.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "i18n.h"
#include "utf8.h"
#include "wrap.h"
#include "xmalloc.h"

struct pane_help {
	char	**lines;
	size_t	 nlines;
	size_t	 top;
};

static void
pane_help_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof (struct pane_help));
}

static void
pane_help_clear(struct pane_help *d)
{
	size_t	 i;

	for (i = 0; i < d->nlines; i++)
		free(d->lines[i]);
	free(d->lines);
	d->lines = NULL;
	d->nlines = 0;
	d->top = 0;
}

static void
pane_help_free(struct pane *p)
{
	pane_help_clear(p->data);
	free(p->data);
	p->data = NULL;
}

static void
pane_help_add(struct pane_help *d, char *line)
{
	d->lines = xreallocarray(d->lines, d->nlines + 1, sizeof *d->lines);
	d->lines[d->nlines++] = line;
}

void
pane_help_open(struct app *app)
{
	struct pane_help	*d = app->panes[PANE_HELP].data;
	char			*keys, *kp, *np;
	const char		*msg;
	size_t			 i;

	pane_help_clear(d);
	for (i = 0; i < app->nactions; i++) {
		keys = keymap_keys(app->km, (int)i);
		kp = utf8_padr(*keys != '\0' ? keys : "-", 24);
		np = utf8_padr(app->actions[i].name, 21);
		pane_help_add(d, xasprintf("%s %s %s", kp, np,
		    _(app->actions[i].help)));
		free(kp);
		free(np);
		free(keys);
	}
	pane_help_add(d, xstrdup(""));
	pane_help_add(d, xasprintf(_("Latest message: %s"), status_last()));
	/* The few before it: an error an Escape has replaced, whole. */
	for (i = 1; i < 5 && (msg = status_before(i)) != NULL; i++)
		pane_help_add(d, xasprintf(_("Before it: %s"), msg));
	app->overlay = PANE_HELP;
	app_dirty(app, PANE_HELP);
}

/*
 * The lines wrapped to the pane's width (core/wrap.c), continuation rows
 * indented: at 80 columns nothing is cut. Returns the number of rows and,
 * when draw, paints those from d->top.
 */
#define HELP_INDENT	4

static size_t
pane_help_rows(struct pane *p, int draw)
{
	struct pane_help	*d = p->data;
	size_t			 i, k, n, total = 0, end, starts[64];
	int			 row;
	const char		*l;

	for (i = 0; i < d->nlines; i++) {
		l = d->lines[i];
		n = wrap_text(l, strlen(l), p->w, p->w - HELP_INDENT, starts,
		    sizeof starts / sizeof starts[0]);
		for (k = 0; k < n; k++, total++) {
			if (!draw || total < d->top)
				continue;
			row = (int)(total - d->top) + 1;
			if (row >= p->h)
				continue;
			end = k + 1 < n ? starts[k + 1] : strlen(l);
			draw_textn(p->win, row, k == 0 ? 0 : HELP_INDENT,
			    l + starts[k], end - starts[k], p->w - (k == 0 ? 0 :
			    HELP_INDENT), A_NORMAL, 0);
		}
	}
	return total;
}

static void
pane_help_draw(struct pane *p)
{
	werase(p->win);
	pane_title(p, _("Help — q, Escape or F1 closes; Up, Down, PageUp, "
	    "PageDown scroll"));
	pane_help_rows(p, 1);
}

static enum action_result
pane_help_key(struct pane *p, key_code key)
{
	struct pane_help	*d = p->data;
	struct app		*app = p->app;
	size_t			 page = p->h > 2 ? (size_t)p->h - 2 : 1;

	switch (key) {
	case KEYC_UP:
	case 'k':
		if (d->top > 0)
			d->top--;
		break;
	case KEYC_DOWN:
	case 'j':
		if (d->top + 1 < pane_help_rows(p, 0))
			d->top++;
		break;
	case KEYC_PPAGE:
		d->top = d->top > page ? d->top - page : 0;
		break;
	case KEYC_NPAGE:
	case ' ':
		if (d->top + page < pane_help_rows(p, 0))
			d->top += page;
		break;
	case 'q':
	case KEYC_ESCAPE:
	case KEYC_F1:
	case '?':
		app->overlay = -1;
		return ACTION_REDRAW_ALL;
	default:
		return ACTION_NONE;
	}
	return ACTION_REDRAW;
}

const struct pane_ops pane_help_ops = {
	.name = "help",
	.context = KEYMAP_GLOBAL,
	.init = pane_help_init,
	.free = pane_help_free,
	.draw = pane_help_draw,
	.key = pane_help_key,
};

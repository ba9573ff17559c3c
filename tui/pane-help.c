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
	app->overlay = PANE_HELP;
	app_dirty(app, PANE_HELP);
}

static void
pane_help_draw(struct pane *p)
{
	struct pane_help	*d = p->data;
	size_t			 i;
	int			 row;

	werase(p->win);
	pane_title(p, _("Help — actions and keys (q, Escape or F1 closes; "
	    "Up, Down, PageUp, PageDown scroll)"));
	for (row = 1, i = d->top; row < p->h && i < d->nlines; row++, i++)
		draw_text(p->win, row, 0, d->lines[i], p->w, A_NORMAL, 0);
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
		if (d->top + 1 < d->nlines)
			d->top++;
		break;
	case KEYC_PPAGE:
		d->top = d->top > page ? d->top - page : 0;
		break;
	case KEYC_NPAGE:
	case ' ':
		if (d->top + page < d->nlines)
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

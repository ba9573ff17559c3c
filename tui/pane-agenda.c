/* SPDX-License-Identifier: ISC */
/*
 * The agenda pane: a first row for the whole meeting, then every item
 * with its state (中 being deliberated, 済 closed, 未 not yet opened),
 * and a closed session (public: false) marked as such.
 * The selected row chooses what the log pane shows. The pane reads the
 * model's item list; it owns only its scroll offset.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "utf8.h"
#include "xmalloc.h"

struct pane_agenda {
	int	 top;		/* first row shown: -1 is the whole meeting */
};

static void
pane_agenda_init(struct pane *p)
{
	struct pane_agenda *d = xcalloc(1, sizeof *d);

	d->top = -1;
	p->data = d;
}

static void
pane_agenda_free(struct pane *p)
{
	free(p->data);
	p->data = NULL;
}

static int
pane_agenda_update(struct pane *p, const struct event *ev)
{
	(void)p;
	/* A correction may change an item (core/model.c folds again). */
	switch (ev->etype) {
	case EV_AGENDA_ADD:
	case EV_AGENDA_OPEN:
	case EV_AGENDA_CLOSE:
	case EV_AGENDA_ORDER:
	case EV_META_SET:
	case EV_AMEND:
	case EV_RETRACT:
		return 1;
	default:
		return 0;
	}
}

static void
pane_agenda_draw(struct pane *p)
{
	struct app		*app = p->app;
	struct pane_agenda	*d = p->data;
	const struct agenda_item *it;
	char			*title, *line, *clean;
	int			 rows = p->h - 1, row, i, x;
	attr_t			 attr;

	werase(p->win);
	title = xasprintf(_("Agenda %s"), app->m.title != NULL ? app->m.title :
	    "");
	pane_title(p, title);
	free(title);
	if (app->sel_item < d->top)
		d->top = app->sel_item;
	if (app->sel_item >= d->top + rows)
		d->top = app->sel_item - rows + 1;
	for (row = 0, i = d->top; row < rows && i < (int)app->m.nitems;
	    row++, i++) {
		attr = i == app->sel_item ? A_REVERSE : A_NORMAL;
		if (i == app->sel_item)
			draw_clear_line(p->win, row + 1, attr, 0);
		if (i < 0) {
			draw_text(p->win, row + 1, 0, _("   Whole meeting (all)"),
			    p->w, attr, 0);
			continue;
		}
		it = &app->m.items[i];
		if (it->state == IT_OPEN)
			attr |= A_BOLD;
		/* TRANSLATORS: the item states, 2 columns each. */
		x = draw_text(p->win, row + 1, 0, it->state == IT_OPEN ? _(">>") :
		    it->state == IT_CLOSED ? _("ok") : _(".."), 2, attr, 0);
		clean = utf8_sanitize(it->title, 0);
		if (it->label != NULL) {
			line = xasprintf(" %s %s", it->label, clean);
			free(clean);
			clean = utf8_sanitize(line, 0);
			free(line);
		} else {
			line = xasprintf(" %s", clean);
			free(clean);
			clean = line;
		}
		if (it->closed) {
			line = xasprintf("%s%s", clean, _(" (closed session)"));
			free(clean);
			clean = line;
		}
		draw_text(p->win, row + 1, x, clean, p->w - x, attr, 0);
		free(clean);
	}
}

/* Typing while the agenda has the focus goes to the input line. */
static enum action_result
pane_agenda_key(struct pane *p, key_code key)
{
	struct app	*app = p->app;

	if (!key_is_char(key))
		return ACTION_NONE;
	app_focus(app, PANE_INPUT);
	return app->panes[PANE_INPUT].ops->key(&app->panes[PANE_INPUT], key);
}

const struct pane_ops pane_agenda_ops = {
	.name = "agenda",
	.context = KEYMAP_AGENDA,
	.init = pane_agenda_init,
	.free = pane_agenda_free,
	.update = pane_agenda_update,
	.draw = pane_agenda_draw,
	.key = pane_agenda_key,
};

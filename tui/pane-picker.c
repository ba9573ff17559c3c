/* SPDX-License-Identifier: ISC */
/*
 * The speaker picker: the roster with quick keys (1 … 9, 0 for the first
 * ten shown) and incremental search: any other character narrows the
 * list by id, name, reading or role (katakana and hiragana match each
 * other). Enter takes the highlighted speaker, Escape leaves. An overlay.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "utf8.h"
#include "xmalloc.h"

struct pane_picker {
	struct editbuf	 query;
	int		*shown;		/* roster indices that match */
	size_t		 nshown;
	size_t		 sel;
};

static void
pane_picker_init(struct pane *p)
{
	struct pane_picker *d = xcalloc(1, sizeof *d);

	editbuf_init(&d->query);
	p->data = d;
}

static void
pane_picker_free(struct pane *p)
{
	struct pane_picker *d = p->data;

	editbuf_free(&d->query);
	free(d->shown);
	free(d);
	p->data = NULL;
}

static void
pane_picker_filter(struct app *app, struct pane_picker *d)
{
	char	*q;
	size_t	 i;

	q = model_match_key(editbuf_text(&d->query));
	free(d->shown);
	d->shown = xreallocarray(NULL, app->m.nspk + 1, sizeof *d->shown);
	d->nshown = 0;
	for (i = 0; i < app->m.nspk; i++) {
		if (*q == '\0' || strstr(app->m.spk[i].match, q) != NULL)
			d->shown[d->nshown++] = (int)i;
	}
	free(q);
	if (d->sel >= d->nshown)
		d->sel = 0;
}

void
pane_picker_open(struct app *app)
{
	struct pane_picker	*d = app->panes[PANE_PICKER].data;

	editbuf_clear(&d->query);
	d->sel = 0;
	pane_picker_filter(app, d);
	app->overlay = PANE_PICKER;
	app_dirty(app, PANE_PICKER);
}

static void
pane_picker_draw(struct pane *p)
{
	struct app		*app = p->app;
	struct pane_picker	*d = p->data;
	const struct speaker	*s;
	char			*line;
	size_t			 i, top = 0;
	int			 row, rows = p->h - 3;
	attr_t			 attr;

	werase(p->win);
	pane_title(p, _("Choose the speaker — a digit takes one, letters "
	    "search, Enter, Escape"));
	line = xasprintf(_("Search: %s"), editbuf_text(&d->query));
	draw_text(p->win, 1, 1, line, p->w - 2, A_BOLD, 0);
	free(line);
	if (d->sel >= (size_t)rows)
		top = d->sel - rows + 1;
	for (row = 2, i = top; row < p->h - 1 && i < d->nshown; row++, i++) {
		s = &app->m.spk[d->shown[i]];
		attr = i == d->sel ? A_REVERSE : A_NORMAL;
		if (i == d->sel)
			draw_clear_line(p->win, row, attr, 0);
		line = xasprintf("%c %s  %s  (%s)", i < 10 ?
		    "1234567890"[i] : ' ', s->label,
		    s->reading != NULL ? s->reading : "", s->id);
		draw_text(p->win, row, 1, line, p->w - 2, attr, 0);
		free(line);
	}
	if (d->nshown == 0)
		draw_text(p->win, 2, 1, _("(nobody matches — F3 adds a speaker)"),
		    p->w - 2,
		    A_NORMAL, 0);
	/* A frame of ASCII: box() draws ambiguous-width lines. */
	for (row = 1; row < p->h; row++) {
		mvwaddch(p->win, row, 0, '|');
		mvwaddch(p->win, row, p->w - 1, '|');
	}
	for (i = 0; i < (size_t)p->w; i++)
		mvwaddch(p->win, p->h - 1, (int)i, '-');
}

/* Another terminal added a speaker: search the new roster too. */
static int
pane_picker_update(struct pane *p, const struct event *ev)
{
	if (ev->etype != EV_MEMBER_ADD && ev->etype != EV_AMEND &&
	    ev->etype != EV_RETRACT)
		return 0;
	pane_picker_filter(p->app, p->data);
	return p->app->overlay == PANE_PICKER;
}

static enum action_result
pane_picker_take(struct app *app, struct pane_picker *d, size_t i)
{
	const struct speaker	*s;

	if (i >= d->nshown)
		return ACTION_NONE;
	s = &app->m.spk[d->shown[i]];
	app_set_speaker(app, s->id);
	status_message(app, STATUS_INFO, _("Speaker: %s"), s->label);
	app->overlay = -1;
	return ACTION_REDRAW_ALL;
}

static enum action_result
pane_picker_key(struct pane *p, key_code key)
{
	struct app		*app = p->app;
	struct pane_picker	*d = p->data;

	key &= ~KEYC_PASTED;
	if (key >= '0' && key <= '9')
		return pane_picker_take(app, d, key == '0' ? 9 : key - '1');
	switch (key) {
	case KEYC_ESCAPE:
	case KEYC_CTRL | 'g':
		app->overlay = -1;
		return ACTION_REDRAW_ALL;
	case KEYC_ENTER:
		return pane_picker_take(app, d, d->sel);
	case KEYC_UP:
	case KEYC_CTRL | 'p':
		if (d->sel > 0)
			d->sel--;
		return ACTION_REDRAW;
	case KEYC_DOWN:
	case KEYC_CTRL | 'n':
		if (d->sel + 1 < d->nshown)
			d->sel++;
		return ACTION_REDRAW;
	case KEYC_BSPACE:
	case KEYC_CTRL | 'h':
		editbuf_backspace(&d->query);
		break;
	case KEYC_CTRL | 'u':
		editbuf_clear(&d->query);
		break;
	default:
		if (!key_is_char(key))
			return ACTION_NONE;
		editbuf_insert_cp(&d->query, (unsigned int)key);
		break;
	}
	d->sel = 0;
	pane_picker_filter(app, d);
	return ACTION_REDRAW;
}

const struct pane_ops pane_picker_ops = {
	.name = "picker",
	.context = KEYMAP_GLOBAL,
	.init = pane_picker_init,
	.free = pane_picker_free,
	.update = pane_picker_update,
	.draw = pane_picker_draw,
	.key = pane_picker_key,
};

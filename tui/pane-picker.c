/* SPDX-License-Identifier: ISC */
/*
 * The speaker picker: the roster with quick keys (1 … 9, 0 for the first
 * ten shown) and incremental search: any other character narrows the
 * list by id, name, reading or role (katakana and hiragana match each
 * other). Enter takes the highlighted row, Escape leaves. An overlay.
 *
 * The same list answers questions about a member (who moved a motion,
 * who declares an interest, who owns an action): pane_picker_choose()
 * gives it a title and a callback, as prompts carry theirs (prompt.c).
 * Such a question may offer a first row "nobody" and may take a name
 * that is not on the roster (typed, with nobody matching); Escape drops
 * the question and whatever it was part of. Its data is freed when the
 * question ends or the next is asked: a series of questions keeps what
 * the earlier answers gave elsewhere (struct app), as prompts do.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "event.h"
#include "i18n.h"
#include "json.h"
#include "correct.h"
#include "utf8.h"
#include "xmalloc.h"

struct pane_picker {
	struct editbuf	 query;
	int		*shown;		/* roster indices that match; -1 nobody */
	size_t		 nshown;
	size_t		 sel;

	/* A question (pane_picker_choose), or none: the speaker. */
	char		*title;
	unsigned	 flags;
	picker_cb	 cb;
	void		*data;
	void		(*free)(void *);
	unsigned	 serial;
	char		*not;		/* an id not offered (the mover) */
	char		**wd;		/* withdrawn from the open item */
	size_t		 nwd;
};

static void
pane_picker_init(struct pane *p)
{
	struct pane_picker *d = xcalloc(1, sizeof *d);

	editbuf_init(&d->query);
	p->data = d;
}

static void
pane_picker_forget(struct pane_picker *d)
{
	if (d->free != NULL)
		d->free(d->data);
	d->free = NULL;
	d->data = NULL;
	d->cb = NULL;
	free(d->title);
	d->title = NULL;
	free(d->not);
	d->not = NULL;
	d->flags = 0;
}

static void
pane_picker_free(struct pane *p)
{
	struct pane_picker *d = p->data;

	pane_picker_forget(d);
	editbuf_free(&d->query);
	free(d->shown);
	app_ids_free(d->wd, d->nwd);
	free(d);
	p->data = NULL;
}

/* Those who take part in votes: the ones who move, second, declare. */
static int
pane_picker_voting(const struct speaker *s)
{
	return strcmp(s->kind, "member") == 0 || strcmp(s->kind, "chair") ==
	    0 || strcmp(s->kind, "vice") == 0 || strcmp(s->kind,
	    "presiding") == 0;
}

/*
 * In the room: not recorded absent, with apologies or gone, nor voting in
 * writing or by proxy (counted present, but nobody moves a motion from a
 * ballot paper). Never recorded: in the room, as votes count them.
 */
static int
pane_picker_here(const struct speaker *s)
{
	return s->att == NULL || event_status_in_room(s->att) != 0;
}

/* The members who withdrew from the open item (interest withdraws). */
struct withdrawn {
	struct app	*app;
	const char	*item;
	char		**ids;
	size_t		 n;
};

static int
withdrawn_cb(const struct event *ev, void *arg)
{
	struct withdrawn	*w = arg;
	char			*data = NULL, *item, *wd, *id;
	const char		*pl;
	unsigned		 fl;

	fl = model_corrected(&w->app->m, ev, &data, NULL);
	if (fl & CORR_RETRACTED) {
		free(data);
		return 0;
	}
	pl = data != NULL ? data : ev->payload;
	item = json_get(pl, "$.item");
	wd = json_get(pl, "$.withdraws");
	id = json_get(pl, "$.member");
	if (item != NULL && strcmp(item, w->item) == 0 && wd != NULL &&
	    strcmp(wd, "1") == 0 && id != NULL) {
		w->ids = xreallocarray(w->ids, w->n + 1, sizeof *w->ids);
		w->ids[w->n++] = id;
		id = NULL;
	}
	free(item);
	free(wd);
	free(id);
	free(data);
	return 0;
}

size_t
app_withdrawn_open(struct app *app, char ***ids)
{
	struct withdrawn	 w;
	char			*cause = NULL;

	memset(&w, 0, sizeof w);
	w.app = app;
	if (app->m.open_item >= 0) {
		w.item = app->m.items[app->m.open_item].id;
		if (log_foreach(app->log, 1, -1, "interest", withdrawn_cb, &w,
		    &cause) != 0)
			free(cause);	/* none known, as before the check */
	}
	*ids = w.ids;
	return w.n;
}

int
app_ids_has(char **ids, size_t n, const char *id)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(ids[i], id) == 0)
			return 1;
	}
	return 0;
}

void
app_ids_free(char **ids, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/* Read once when the picker opens, again when an interest comes. */
static void
pane_picker_withdrawn(struct app *app, struct pane_picker *d)
{
	app_ids_free(d->wd, d->nwd);
	d->wd = NULL;
	d->nwd = 0;
	/*
	 * Who withdrew from the item being deliberated is not in the room
	 * for its votes: not offered as mover or seconder.
	 */
	if (d->flags & PICK_HERE)
		d->nwd = app_withdrawn_open(app, &d->wd);
}

static void
pane_picker_filter(struct app *app, struct pane_picker *d)
{
	char			*q;
	size_t			 i;

	q = model_match_key(editbuf_text(&d->query));
	free(d->shown);
	d->shown = xreallocarray(NULL, app->m.nspk + 2, sizeof *d->shown);
	d->nshown = 0;
	if ((d->flags & PICK_NOBODY) && *q == '\0')
		d->shown[d->nshown++] = -1;
	for (i = 0; i < app->m.nspk; i++) {
		if ((d->flags & PICK_MEMBERS) &&
		    !pane_picker_voting(&app->m.spk[i]))
			continue;
		if ((d->flags & PICK_HERE) && (!pane_picker_here(&app->m.spk[i]) ||
		    app_ids_has(d->wd, d->nwd, app->m.spk[i].id)))
			continue;
		if (d->not != NULL && strcmp(app->m.spk[i].id, d->not) == 0)
			continue;
		if (*q == '\0' || strstr(app->m.spk[i].match, q) != NULL)
			d->shown[d->nshown++] = (int)i;
	}
	free(q);
	if (d->sel >= d->nshown)
		d->sel = 0;
}

static void
pane_picker_show(struct app *app, struct pane_picker *d, const char *sel)
{
	size_t	 i;

	editbuf_clear(&d->query);
	d->sel = 0;
	pane_picker_withdrawn(app, d);
	pane_picker_filter(app, d);
	for (i = 0; sel != NULL && i < d->nshown; i++) {
		if (d->shown[i] >= 0 &&
		    strcmp(app->m.spk[d->shown[i]].id, sel) == 0)
			d->sel = i;
	}
	app->overlay = PANE_PICKER;
	app_dirty(app, PANE_PICKER);
}

void
pane_picker_open(struct app *app)
{
	struct pane_picker	*d = app->panes[PANE_PICKER].data;

	pane_picker_forget(d);
	pane_picker_show(app, d, NULL);
}

void
pane_picker_choose(struct app *app, const char *title, unsigned flags,
    const char *sel, picker_cb cb, void *data, void (*freecb)(void *))
{
	pane_picker_choose_but(app, title, flags, NULL, sel, cb, data, freecb);
}

void
pane_picker_choose_but(struct app *app, const char *title, unsigned flags,
    const char *not, const char *sel, picker_cb cb, void *data,
    void (*freecb)(void *))
{
	struct pane_picker	*d = app->panes[PANE_PICKER].data;

	pane_picker_forget(d);
	d->not = not != NULL ? xstrdup(not) : NULL;
	d->title = xstrdup(title);
	d->flags = flags;
	d->cb = cb;
	d->data = data;
	d->free = freecb;
	d->serial++;
	pane_picker_show(app, d, sel);
}

/*
 * The digit that takes row i. Before any search, its member's place in
 * the roster (1 to 10, 0 the tenth), as M-1 … M-0 number them, whatever
 * rows are left out (those not in the room, the mover): a digit means
 * one member in every picker. After a search, the Nth match. The nobody
 * row has none.
 */
static int
pane_picker_place(const struct pane_picker *d, size_t i)
{
	size_t	 k = d->nshown > 0 && d->shown[0] < 0 ? i - 1 : i;

	if (d->shown[i] < 0)
		return -1;
	return editbuf_empty(&d->query) ? d->shown[i] : (int)k;
}

static char
pane_picker_digit(const struct pane_picker *d, size_t i)
{
	int	 k = pane_picker_place(d, i);

	return k < 0 || k >= 10 ? ' ' : "1234567890"[k];
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
	pane_title(p, d->title != NULL ? d->title : _("Choose the speaker — a "
	    "digit takes one, letters search, Enter, Escape"));
	line = xasprintf(_("Search: %s"), editbuf_text(&d->query));
	draw_text(p->win, 1, 1, line, p->w - 2, A_BOLD, 0);
	free(line);
	if (d->sel >= (size_t)rows)
		top = d->sel - rows + 1;
	for (row = 2, i = top; row < p->h - 1 && i < d->nshown; row++, i++) {
		attr = i == d->sel ? A_REVERSE : A_NORMAL;
		if (i == d->sel)
			draw_clear_line(p->win, row, attr, 0);
		if (d->shown[i] < 0)
			line = xasprintf("- %s", _("(nobody)"));
		else {
			s = &app->m.spk[d->shown[i]];
			line = xasprintf("%c %s  %s  (%s)",
			    pane_picker_digit(d, i), s->label,
			    s->reading != NULL ? s->reading : "", s->id);
		}
		draw_text(p->win, row, 1, line, p->w - 2, attr, 0);
		free(line);
	}
	if (d->nshown == 0)
		draw_text(p->win, 2, 1, (d->flags & PICK_TEXT) ? _("(nobody "
		    "matches — Enter takes the name as typed)") : _("(nobody "
		    "matches — F3 adds a speaker)"), p->w - 2, A_NORMAL, 0);
	draw_frame(p->win, p->h, p->w);
}

/* Another terminal added a speaker: search the new roster too. */
static int
pane_picker_update(struct pane *p, const struct event *ev)
{
	if (ev->etype != EV_MEMBER_ADD && ev->etype != EV_AMEND &&
	    ev->etype != EV_RETRACT && ev->etype != EV_ATTENDANCE &&
	    ev->etype != EV_INTEREST && ev->etype != EV_AGENDA_OPEN &&
	    ev->etype != EV_AGENDA_CLOSE)
		return 0;
	if (ev->etype != EV_MEMBER_ADD && ev->etype != EV_ATTENDANCE)
		pane_picker_withdrawn(p->app, p->data);
	pane_picker_filter(p->app, p->data);
	return p->app->overlay == PANE_PICKER;
}

/* The answer to a question: the callback, which may ask the next. */
static enum action_result
pane_picker_answer(struct app *app, struct pane_picker *d, const char *id,
    const char *text)
{
	enum action_result	 r;
	unsigned		 serial = d->serial;

	app->overlay = -1;
	r = d->cb(app, id, text, d->data);
	if (d->serial != serial)
		return ACTION_REDRAW_ALL;	/* it asked another */
	if (r == ACTION_ERROR && app->overlay < 0 && !prompt_active(app)) {
		app->overlay = PANE_PICKER;	/* the same, again */
		return ACTION_REDRAW_ALL;
	}
	pane_picker_forget(d);
	return ACTION_REDRAW_ALL;
}

static enum action_result
pane_picker_take(struct app *app, struct pane_picker *d, size_t i)
{
	const struct speaker	*s;

	if (i >= d->nshown) {
		if (d->cb != NULL && (d->flags & PICK_TEXT) &&
		    !editbuf_empty(&d->query) && d->nshown == 0)
			return pane_picker_answer(app, d, NULL,
			    editbuf_text(&d->query));
		return ACTION_NONE;
	}
	if (d->shown[i] < 0)
		return pane_picker_answer(app, d, NULL, NULL);
	s = &app->m.spk[d->shown[i]];
	if (d->cb != NULL)
		return pane_picker_answer(app, d, s->id, NULL);
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
	size_t			 k;
	int			 r;

	key &= ~KEYC_PASTED;
	if (key >= '0' && key <= '9') {
		r = key == '0' ? 9 : key - '1';
		for (k = 0; k < d->nshown && pane_picker_place(d, k) != r; k++)
			;
		if (k == d->nshown && editbuf_empty(&d->query) &&
		    (size_t)r < app->m.nspk) {
			status_message(app, STATUS_WARN, _("%c: %s is not "
			    "offered here (not in the room, not a voting "
			    "member, or named already)"), (int)key,
			    app->m.spk[r].label);
			return ACTION_REDRAW;
		}
		return pane_picker_take(app, d, k);
	}
	switch (key) {
	case KEYC_ESCAPE:
	case KEYC_CTRL | 'g':
		app->overlay = -1;
		if (d->cb != NULL) {
			pane_picker_forget(d);
			status_message(app, STATUS_INFO, _("Cancelled"));
		}
		return ACTION_REDRAW_ALL;
	case KEYC_ENTER:
		return pane_picker_take(app, d, d->nshown == 0 ? (size_t)-1 :
		    d->sel);
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

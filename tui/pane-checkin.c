/* SPDX-License-Identifier: ISC */
/*
 * The check-in screen (roll call): the roster, each member with the
 * attendance last recorded, and one key per member for present, absent,
 * apologies, late arrival, remote, voted in writing, gave a proxy (its
 * holder then picked or typed) and left,
 * each recorded at once as an
 * attendance event (giji-events(5)); the selection then moves to the
 * next member, so a roll call is one key a name. The quorum line on top
 * is the vote pane's (present / needed, from the meeting's seats and
 * quorum, counted as votes count them: remote, in writing and proxy
 * present, apologies absent,
 * a presiding member without a seat not counted) and follows every
 * attendance recorded here or by another terminal. An overlay, over the
 * panes above the input line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "json.h"
#include "pane-vote.h"
#include "utf8.h"
#include "xmalloc.h"

struct pane_checkin {
	size_t	 sel;
	size_t	 top;
	/* Who withdrew from the item open now: read when it changes. */
	char	**wd;
	size_t	 nwd;
	int	 wd_read;
};

static void
pane_checkin_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof (struct pane_checkin));
}

static void
pane_checkin_free(struct pane *p)
{
	struct pane_checkin	*d = p->data;

	app_ids_free(d->wd, d->nwd);
	free(d);
	p->data = NULL;
}

/* Read again at the next draw (an interest, an item opened or closed). */
static void
pane_checkin_forget(struct pane_checkin *d)
{
	app_ids_free(d->wd, d->nwd);
	d->wd = NULL;
	d->nwd = 0;
	d->wd_read = 0;
}

void
pane_checkin_open(struct app *app)
{
	struct pane_checkin	*d = app->panes[PANE_CHECKIN].data;
	int			 i;

	/*
	 * Opened again, it starts at the current speaker, else the top: the
	 * row left selected last time is another moment's member, and a
	 * quick key would mark the wrong one.
	 */
	i = app->speaker != NULL ? model_speaker(&app->m, app->speaker) : -1;
	d->sel = i >= 0 ? (size_t)i : 0;
	pane_checkin_forget(d);
	app->overlay = PANE_CHECKIN;
	app_dirty(app, PANE_CHECKIN);
}

/* The quorum line, as the vote pane words it (allocated). */
static char *
pane_checkin_quorum(struct app *app, struct pane_checkin *d, int *short_of)
{
	struct vote_pane	*s = pane_vote_state(app);
	struct vote_spec	 spec;
	struct buf		 b;
	char			*cause = NULL;
	size_t			 i;
	long			 present = 0;

	/*
	 * Present now, as the next vote would count them: not who presides
	 * without a seat, nor who withdrew from the item open now (the last
	 * vote's view knows its own item's only).
	 */
	*short_of = 0;
	if (!d->wd_read) {
		d->nwd = app_withdrawn_open(app, &d->wd);
		d->wd_read = 1;
	}
	for (i = 0; i < s->v.nmembers; i++) {
		if (s->v.members[i].present_now && !s->v.members[i].presiding &&
		    !app_ids_has(d->wd, d->nwd, s->v.members[i].id))
			present++;
	}
	buf_init(&b);
	buf_printf(&b, _("Quorum: %ld present"), present);
	if (vote_view_spec(&s->v, &spec, &cause) != 0) {
		buf_printf(&b, "  (%s)", cause);
		free(cause);
	} else if (spec.quorum > 0) {
		buf_printf(&b, _(" / %ld needed"), spec.quorum);
		*short_of = present < spec.quorum;
		buf_puts(&b, *short_of ? _("  no quorum") : _("  quorate"));
	} else
		buf_puts(&b, _(" (no quorum: seats not set)"));
	return buf_detach(&b);
}

static void
pane_checkin_draw(struct pane *p)
{
	struct app		*app = p->app;
	struct pane_checkin	*d = p->data;
	const struct speaker	*s;
	char			*line, *seat;
	const char		*att;
	size_t			 i, w, pad;
	int			 row, rows = p->h - 4, short_of;
	attr_t			 attr;

	werase(p->win);
	pane_title(p, _("Check-in — p present  a absent  s apologies  l late  "
	    "r remote  w in writing  d proxy  x left  n note"));
	line = pane_checkin_quorum(app, d, &short_of);
	draw_text(p->win, 1, 1, line, p->w - 2, short_of ? A_BOLD | A_REVERSE :
	    A_BOLD, short_of ? draw_pair(app, PAIR_ERROR) : 0);
	free(line);
	if (rows < 1)
		rows = 1;
	if (d->sel < d->top)
		d->top = d->sel;
	if (d->sel >= d->top + (size_t)rows)
		d->top = d->sel - rows + 1;
	for (row = 2, i = d->top; row < p->h - 1 && i < app->m.nspk;
	    row++, i++) {
		s = &app->m.spk[i];
		attr = i == d->sel ? A_REVERSE : A_NORMAL;
		if (i == d->sel)
			draw_clear_line(p->win, row, attr, 0);
		att = s->att != NULL ? label_attendance(s->att) : "-";
		/* The statuses in a column of 10 cells (wide text too). */
		w = utf8_width(att);
		pad = w < 10 ? 10 - w : 1;
		seat = s->data != NULL ? json_get(s->data, "$.seat") : NULL;
		line = seat != NULL ? xasprintf(_("%s%*s%s (seat %s)  %s"), att,
		    (int)pad, "", s->label, seat, s->id) : xasprintf("%s%*s%s  "
		    "%s", att, (int)pad, "", s->label, s->id);
		draw_text(p->win, row, 1, line, p->w - 2, attr, 0);
		free(line);
		free(seat);
	}
	if (app->m.nspk == 0)
		draw_text(p->win, 2, 1, _("(the roster is empty — F3 adds a "
		    "speaker)"), p->w - 2, A_NORMAL, 0);
	draw_frame(p->win, p->h, p->w);
}

/* Attendance and the roster change what it shows. */
static int
pane_checkin_update(struct pane *p, const struct event *ev)
{
	switch (ev->etype) {
	case EV_AMEND:
	case EV_RETRACT:
	case EV_INTEREST:
	case EV_AGENDA_OPEN:
	case EV_AGENDA_CLOSE:
		pane_checkin_forget(p->data);
		/* FALLTHROUGH */
	case EV_ATTENDANCE:
	case EV_MEMBER_ADD:
	case EV_META_SET:
		return p->app->overlay == PANE_CHECKIN;
	default:
		return 0;
	}
}

/* An attendance of s: its status, with a note and a holder when given. */
static int
pane_checkin_append(struct app *app, const struct speaker *s,
    const char *status, const char *note, const char *holder,
    struct event *ev)
{
	char	*q;
	int	 rc;

	q = json_put_str(xstrdup("{}"), "member", s->id);
	q = json_put_str(q, "status", status);
	q = json_put_str(q, "note", note);
	q = json_put_str(q, "holder", holder);
	rc = app_append(app, "attendance", q, ev);
	free(q);
	return rc;
}

/* The note's answer: the member's status recorded again, with it. */
static enum action_result
pane_checkin_note_cb(struct app *app, const char *text, void *data)
{
	const struct speaker	*s;
	struct event		 ev;
	int			 i;

	app->overlay = PANE_CHECKIN;
	app_dirty(app, PANE_CHECKIN);
	if (*text == '\0')
		return ACTION_REDRAW_ALL;	/* nothing typed: nothing recorded */
	if ((i = model_speaker(&app->m, data)) < 0 ||
	    app->m.spk[i].att == NULL)
		return ACTION_REDRAW_ALL;
	s = &app->m.spk[i];
	if (pane_checkin_append(app, s, s->att, text, s->att_holder,
	    &ev) != 0) {
		app->overlay = -1;	/* the question stays open */
		return ACTION_ERROR;
	}
	status_message(app, STATUS_INFO, _("Recorded: #%lld %s %s (%s)"),
	    (long long)ev.seq, s->label, label_attendance(s->att), text);
	event_clear(&ev);
	return ACTION_REDRAW_ALL;
}

/* n: a note on the selected member's attendance ("from item 5"). */
static enum action_result
pane_checkin_note(struct app *app, struct pane_checkin *d)
{
	const struct speaker	*s;
	enum action_result	 r;
	char			*title;

	if (d->sel >= app->m.nspk)
		return ACTION_NONE;
	s = &app->m.spk[d->sel];
	if (s->att == NULL) {
		status_message(app, STATUS_WARN, _("%s: give a status first "
		    "(p, a, s, l, r or x), then n for its note"), s->label);
		return ACTION_ERROR;
	}
	title = xasprintf(_("Note on %s's attendance (%s), then Enter "
	    "(Escape cancels)"), s->label, label_attendance(s->att));
	/* The input line is under the screen: closed while it asks. */
	app->overlay = -1;
	r = prompt_open(app, title, s->att_note, pane_checkin_note_cb,
	    xstrdup(s->id), free);
	free(title);
	return r;
}

static enum action_result
pane_checkin_record(struct app *app, struct pane_checkin *d,
    const char *status)
{
	const struct speaker	*s;
	struct event		 ev;

	if (d->sel >= app->m.nspk)
		return ACTION_NONE;
	s = &app->m.spk[d->sel];
	if (pane_checkin_append(app, s, status, NULL, NULL, &ev) != 0)
		return ACTION_ERROR;
	status_message(app, STATUS_INFO, _("Recorded: #%lld %s %s"),
	    (long long)ev.seq, s->label, label_attendance(status));
	event_clear(&ev);
	if (d->sel + 1 < app->m.nspk)
		d->sel++;
	app_dirty(app, PANE_CHECKIN);
	return ACTION_REDRAW_ALL;
}

/* The holder of a proxy, picked or typed: the attendance recorded. */
static enum action_result
pane_checkin_proxy_cb(struct app *app, const char *id, const char *text,
    void *data)
{
	struct pane_checkin	*d = app->panes[PANE_CHECKIN].data;
	const struct speaker	*s;
	const char		*holder = id != NULL ? id : text;
	struct event		 ev;
	int			 i, h = -1;

	app->overlay = PANE_CHECKIN;
	app_dirty(app, PANE_CHECKIN);
	if ((i = model_speaker(&app->m, data)) < 0)
		return ACTION_REDRAW_ALL;
	s = &app->m.spk[i];
	/* A name typed that is a member's id or name: that member. */
	if (id == NULL && text != NULL && (h = model_speaker(&app->m,
	    text)) < 0) {
		for (h = 0; (size_t)h < app->m.nspk; h++) {
			if (strcmp(app->m.spk[h].name, text) == 0)
				break;
		}
		if ((size_t)h == app->m.nspk)
			h = -1;
	}
	if (id == NULL && text != NULL && h >= 0) {
		if (app->m.spk[h].att != NULL &&
		    event_status_in_room(app->m.spk[h].att) == 0 &&
		    (size_t)h != (size_t)i) {
			status_message(app, STATUS_WARN, _("%s is not in the "
			    "room (%s): pick who holds the proxy among those "
			    "who are"), app->m.spk[h].label,
			    label_attendance(app->m.spk[h].att));
			app->overlay = -1;
			return ACTION_ERROR;
		}
		holder = id = app->m.spk[h].id;
	}
	if (holder != NULL && strcmp(holder, s->id) == 0) {
		status_message(app, STATUS_WARN, _("%s cannot hold their own "
		    "proxy: pick who holds it"), s->label);
		app->overlay = -1;	/* the picker stays open */
		return ACTION_ERROR;
	}
	if (pane_checkin_append(app, s, "proxy", NULL, holder, &ev) != 0) {
		app->overlay = -1;
		return ACTION_ERROR;
	}
	status_message(app, STATUS_INFO, _("Recorded: #%lld %s %s (held by "
	    "%s)"), (long long)ev.seq, s->label, label_attendance("proxy"),
	    id != NULL ? model_speaker_label(&app->m, id) : text != NULL ?
	    text : _("nobody named"));
	event_clear(&ev);
	if ((size_t)i == d->sel && d->sel + 1 < app->m.nspk)
		d->sel++;
	return ACTION_REDRAW_ALL;
}

/* d: the selected member gave a proxy; who holds it is asked. */
static enum action_result
pane_checkin_proxy(struct app *app, struct pane_checkin *d)
{
	const struct speaker	*s;
	char			*title;

	if (d->sel >= app->m.nspk)
		return ACTION_NONE;
	s = &app->m.spk[d->sel];
	title = xasprintf(_("%s gave a proxy — held by? A digit, search; a "
	    "name not on the roster (the chair): type it, Enter; first row: "
	    "none named; Escape records nothing"), s->label);
	pane_picker_choose_but(app, title, PICK_MEMBERS | PICK_HERE |
	    PICK_NOBODY | PICK_TEXT, s->id, NULL, pane_checkin_proxy_cb,
	    xstrdup(s->id), free);
	free(title);
	return ACTION_REDRAW_ALL;
}

static enum action_result
pane_checkin_key(struct pane *p, key_code key)
{
	struct app		*app = p->app;
	struct pane_checkin	*d = p->data;

	switch (key & ~KEYC_PASTED) {
	case 'p':
		return pane_checkin_record(app, d, "present");
	case 'a':
		return pane_checkin_record(app, d, "absent");
	case 's':
		return pane_checkin_record(app, d, "apologies");
	case 'l':
		return pane_checkin_record(app, d, "arrived");
	case 'r':
		return pane_checkin_record(app, d, "remote");
	case 'w':
		return pane_checkin_record(app, d, "written");
	case 'd':
		return pane_checkin_proxy(app, d);
	case 'x':
		return pane_checkin_record(app, d, "left");
	case 'n':
		return pane_checkin_note(app, d);
	case KEYC_UP:
	case 'k':
	case KEYC_CTRL | 'p':
		if (d->sel > 0)
			d->sel--;
		break;
	case KEYC_DOWN:
	case 'j':
	case KEYC_CTRL | 'n':
		if (d->sel + 1 < app->m.nspk)
			d->sel++;
		break;
	case KEYC_HOME:
		d->sel = 0;
		break;
	case KEYC_END:
		d->sel = app->m.nspk > 0 ? app->m.nspk - 1 : 0;
		break;
	case KEYC_ESCAPE:
	case KEYC_CTRL | 'g':
	case 'q':
		app->overlay = -1;
		return ACTION_REDRAW_ALL;
	default:
		status_message(app, STATUS_WARN, _("%s: p present, a absent, "
		    "s apologies, l late arrival, r remote, w voted in writing, "
		    "d gave a proxy, x left, n a note (Escape closes)"),
		    key_string_lookup_key(key));
		return ACTION_REDRAW;
	}
	app_dirty(app, PANE_CHECKIN);
	return ACTION_REDRAW;
}

const struct pane_ops pane_checkin_ops = {
	.name = "checkin",
	.context = KEYMAP_GLOBAL,
	.init = pane_checkin_init,
	.free = pane_checkin_free,
	.update = pane_checkin_update,
	.draw = pane_checkin_draw,
	.key = pane_checkin_key,
};

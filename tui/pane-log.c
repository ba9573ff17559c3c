/* SPDX-License-Identifier: ISC */
/*
 * The speaker log: the timestamped proceedings of the selected agenda
 * item (or of the whole meeting). It never holds the log: each draw asks
 * log-query.c for at most one screenful of events around an anchor seq,
 * so scrolling and new events cost the same in a meeting of a thousand
 * events or a million. The pane owns only what the last draw showed (the
 * first and last seq), which the scroll actions use.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "clock.h"
#include "i18n.h"
#include "json.h"
#include "utf8.h"
#include "vote-query.h"
#include "wrap.h"
#include "xmalloc.h"

#define LOG_INDENT	6

struct log_entry {
	int64_t		 seq;
	char		*text;		/* formatted, sanitised */
	int		 dim;
};

struct pane_log {
	int64_t		 top_seq;	/* first entry shown, 0 none */
	int64_t		 bottom_seq;	/* last entry shown */
	int		 at_end;	/* nothing after bottom_seq in range */
	/*
	 * An entry taller than what is left of the pane: the rows of the
	 * top one hidden above it, and whether the bottom one goes on
	 * below (a long speech is paged through row by row, not skipped).
	 */
	size_t		 top_hidden;
	int		 bottom_more;
	int		 rows;
	struct log_entry *ents;
	size_t		 nents;
};

static void
pane_log_init(struct pane *p)
{
	p->data = xcalloc(1, sizeof (struct pane_log));
}

static void
pane_log_clear(struct pane_log *d)
{
	size_t	 i;

	for (i = 0; i < d->nents; i++)
		free(d->ents[i].text);
	free(d->ents);
	d->ents = NULL;
	d->nents = 0;
}

static void
pane_log_free(struct pane *p)
{
	pane_log_clear(p->data);
	free(p->data);
	p->data = NULL;
}

static char *
jget(const char *payload, const char *key)
{
	char	 path[64];

	snprintf(path, sizeof path, "$.%s", key);
	return json_get(payload, path);
}

/*
 * A tally's counts: as recorded, or counted from its ballots (a roll
 * call's, or a written vote's so far: each answer adds to the earlier
 * ones), read by vote_tally_counts() from the vote's own events only.
 * Counts typed in the event are printed from it, without a query (the
 * pane draws its lines on every key).
 */
static void
log_format_tally(struct app *app, const struct event *ev, struct buf *b)
{
	struct vote_counts	 c;
	char			*cause = NULL, *f, *g, *h;

	if (json_kind(ev->payload, "$.ballots") == JSON_OBJECT &&
	    vote_tally_counts(app->log, ev, &c, &cause) == 0) {
		buf_printf(b, _("Count: yes %ld no %ld abstain %ld"), c.yes,
		    c.no, c.abstain);
		if (c.not_voting > 0)
			buf_printf(b, _(" not voting %ld"), c.not_voting);
		if (c.absent > 0)
			buf_printf(b, _(" absent %ld"), c.absent);
		if (c.late > 0)
			buf_printf(b, _(" late %ld"), c.late);
		if (c.casting == VOTE_YES || c.casting == VOTE_NO)
			buf_puts(b, c.casting == VOTE_YES ?
			    _(" casting vote: yes") : _(" casting vote: no"));
		return;
	}
	free(cause);
	f = jget(ev->payload, "for");
	g = jget(ev->payload, "against");
	h = jget(ev->payload, "abstain");
	buf_printf(b, _("Count: yes %s no %s abstain %s"), f ? f : "-",
	    g ? g : "-", h ? h : "-");
	free(f);
	free(g);
	free(h);
	if ((f = jget(ev->payload, "casting")) != NULL &&
	    (strcmp(f, "yes") == 0 || strcmp(f, "no") == 0))
		buf_puts(b, strcmp(f, "yes") == 0 ? _(" casting vote: yes") :
		    _(" casting vote: no"));
	free(f);
}

/* A field's value in fmt, when the event has it. */
static void
log_format_tag(struct buf *b, const char *fmt, const char *data,
    const char *key)
{
	char	*v;

	if ((v = jget(data, key)) == NULL || *v == '\0') {
		free(v);
		return;
	}
	buf_printf(b, fmt, v);
	free(v);
}

/* A member named by a field (a name not on the roster as given). */
static void
log_format_member(struct app *app, struct buf *b, const char *fmt,
    const char *data, const char *key)
{
	char	*v;

	if ((v = jget(data, key)) == NULL || *v == '\0') {
		free(v);
		return;
	}
	buf_printf(b, fmt, model_speaker_label(&app->m, v));
	free(v);
}

/* The agenda item an event names, by its title. */
static void
log_format_item(struct app *app, struct buf *b, const char *data)
{
	char	*v;
	int	 i;

	if ((v = jget(data, "item")) == NULL)
		return;
	i = model_item(&app->m, v);
	buf_printf(b, _(" [item: %s]"), i >= 0 ? app->m.items[i].title : v);
	free(v);
}

/* One event as a line of text: "14:03 伊藤委員　…". */
static char *
log_format(struct app *app, const struct event *ev, int *dim)
{
	struct clock_tm		 tm;
	struct buf		 b;
	const char		*data;
	char			*a = NULL, *x = NULL, *s, *out, *corrected;
	int64_t			 seq;
	unsigned		 flags;
	int			 i;

	*dim = 0;
	buf_init(&b);
	if (clock_local(ev->ts, app->m.tz, &tm) == 0)
		buf_printf(&b, "%02d:%02d ", tm.h, tm.min);
	else
		buf_puts(&b, "--:-- ");
	flags = model_corrected(&app->m, ev, &corrected, NULL);
	data = corrected != NULL ? corrected : ev->payload;
	if (flags & CORR_RETRACTED) {
		buf_puts(&b, _("[retracted]"));
		*dim = 1;
	}
	if (flags & CORR_REDACTED)
		buf_puts(&b, _("[non-public]"));
	switch (ev->etype) {
	case EV_SPEECH:
		a = jget(data, "speaker");
		x = jget(data, "text");
		buf_printf(&b, _("%s  %s"), model_speaker_label(&app->m, a),
		    x != NULL ? x : "");
		break;
	case EV_NOTE:
		x = jget(data, "text");
		buf_printf(&b, "%s", x != NULL ? x : "");
		break;
	case EV_ATTENDANCE:
		a = jget(data, "member");
		x = jget(data, "status");
		buf_printf(&b, _("[%s %s]"), model_speaker_label(&app->m, a),
		    label_attendance(x));
		log_format_tag(&b, _(" (%s)"), data, "note");
		break;
	case EV_REACTION:
		a = jget(data, "kind");
		x = jget(data, "text");
		buf_printf(&b, _("Reaction (%s): %s"), label_reaction(a),
		    x != NULL ? x : "");
		free(a);
		if ((a = jget(data, "speech")) != NULL) {
			seq = log_query_seq_of(app->q, a);
			free(a);
			a = jget(data, "at");
			buf_printf(&b, _(" [in #%lld after character %s]"),
			    (long long)seq, a != NULL ? a : "0");
		}
		break;
	case EV_INTEREST:
		a = jget(data, "member");
		buf_printf(&b, _("Interest declared: %s"),
		    model_speaker_label(&app->m, a));
		log_format_tag(&b, _(" — %s"), data, "text");
		log_format_item(app, &b, data);
		free(x);
		x = jget(data, "withdraws");
		if (x != NULL && strcmp(x, "1") == 0)
			buf_puts(&b, _(" [leaves for the item]"));
		break;
	case EV_ACTION:
		x = jget(data, "text");
		buf_printf(&b, _("Action: %s"), x != NULL ? x : "");
		if ((a = jget(data, "owner")) != NULL)
			buf_printf(&b, _(" [owner: %s]"),
			    model_speaker_label(&app->m, a));
		log_format_tag(&b, _(" [due %s]"), data, "due");
		break;
	case EV_MATERIAL_ADD:
		x = jget(data, "title");
		buf_printf(&b, _("Material: %s"), x != NULL ? x : "");
		break;
	case EV_AGENDA_OPEN:
	case EV_AGENDA_CLOSE:
		a = jget(data, "item");
		i = model_item(&app->m, a);
		buf_printf(&b, ev->etype == EV_AGENDA_OPEN ?
		    _("── Item opened: %s") : _("── Item closed: %s"),
		    i >= 0 ? app->m.items[i].title :
		    (a != NULL ? a : "?"));
		break;
	case EV_AGENDA_ORDER:
		buf_puts(&b, _("── Agenda reordered"));
		break;
	case EV_RECESS:
		buf_puts(&b, _("── Recess"));
		break;
	case EV_RESUME:
		buf_puts(&b, _("── Resumed"));
		break;
	case EV_MEETING_OPEN:
		buf_puts(&b, _("── Meeting opened"));
		break;
	case EV_MEETING_CLOSE:
		buf_puts(&b, _("── Meeting closed"));
		break;
	case EV_VOTE_CALL:
		a = jget(data, "motion");
		x = jget(data, "method");
		buf_printf(&b, _("Vote: %s (%s)"), a != NULL ? a : "",
		    label_method(x));
		log_format_tag(&b, _(" [%s]"), data, "number");
		log_format_member(app, &b, _(" [moved by %s]"), data,
		    "moved_by");
		log_format_member(app, &b, _(" [seconded by %s]"), data,
		    "seconded_by");
		log_format_member(app, &b, _(" [candidate: %s]"), data,
		    "candidate");
		break;
	case EV_VOTE_TALLY:
		a = jget(data, "unanimous");
		if (a != NULL && strcmp(a, "1") == 0)
			buf_puts(&b, _("Count: all in favour"));
		else
			log_format_tally(app, ev, &b);
		break;
	case EV_VOTE_RESULT:
		a = jget(data, "outcome");
		buf_printf(&b, _("Result: %s"), label_outcome(a));
		break;
	case EV_DECISION:
		a = jget(data, "outcome");
		x = jget(data, "text");
		buf_printf(&b, _("Decision: %s %s"), label_decision(a),
		    x != NULL ? x : "");
		log_format_tag(&b, _(" [%s]"), data, "number");
		break;
	case EV_SIGNER:
		a = jget(data, "member");
		x = jget(data, "role");
		buf_printf(&b, _("[%s: %s]"), x != NULL ? x : _("minute signer"),
		    model_speaker_label(&app->m, a));
		break;
	case EV_AMEND:
	case EV_RETRACT:
	case EV_REDACT:
		a = jget(data, "target");
		seq = a != NULL ? log_query_seq_of(app->q, a) : 0;
		x = ev->etype == EV_AMEND ? jget(data, "data.text") :
		    jget(data, "reason");
		buf_printf(&b, ev->etype == EV_AMEND ? _("[amends #%lld] %s") :
		    ev->etype == EV_RETRACT ? _("[retracts #%lld] %s") :
		    _("[makes #%lld non-public] %s"), (long long)seq,
		    x != NULL ? x : "");
		*dim = 1;
		break;
	default:
		buf_printf(&b, "%s %s", ev->type, data);
		break;
	}
	if (flags & CORR_AMENDED)
		buf_puts(&b, _("[amended]"));
	free(a);
	free(x);
	free(corrected);
	s = buf_detach(&b);
	out = utf8_sanitize(s, 1);
	free(s);
	for (s = out; *s != '\0'; s++) {
		if (*s == '\n')
			*s = ' ';
	}
	return out;
}

struct pane_log_fetch {
	struct app	*app;
	struct pane_log	*d;
};

static int
pane_log_fetch_cb(const struct event *ev, void *arg)
{
	struct pane_log_fetch	*f = arg;
	struct log_entry	*e;

	f->d->ents = xreallocarray(f->d->ents, f->d->nents + 1,
	    sizeof *f->d->ents);
	e = &f->d->ents[f->d->nents++];
	e->seq = ev->seq;
	e->text = log_format(f->app, ev, &e->dim);
	return 0;
}

/*
 * Byte offsets where each row of text starts, at most max rows: broken
 * by the rules of Japanese text (core/wrap.c), the rows after the first
 * indented under the time.
 */
static size_t
pane_log_wrap(const char *s, int w, size_t *starts, size_t max)
{
	return wrap_text(s, strlen(s), w, w - LOG_INDENT, starts, max);
}

static void
pane_log_draw_entry(struct pane *p, const struct log_entry *e, int row,
    size_t first, size_t nrows, const size_t *starts, size_t total)
{
	struct app	*app = p->app;
	attr_t		 attr = A_NORMAL;
	short		 pair = 0;
	size_t		 i, end;
	int		 x;

	if (e->seq == app->log_sel)
		attr = A_REVERSE;
	else if (e->dim) {
		attr = A_DIM;
		pair = draw_pair(app, PAIR_DIM);
	}
	for (i = first; i < first + nrows; i++, row++) {
		end = i + 1 < total ? starts[i + 1] : strlen(e->text);
		if (attr & A_REVERSE)
			draw_clear_line(p->win, row, attr, 0);
		x = i == 0 ? 0 : LOG_INDENT;
		draw_textn(p->win, row, x, e->text + starts[i],
		    end - starts[i], p->w - x, attr, pair);
	}
}

static void
pane_log_draw(struct pane *p)
{
	struct app		*app = p->app;
	struct pane_log		*d = p->data;
	struct pane_log_fetch	 f = { app, d };
	size_t			*starts, nr, i, j, k, ncap;
	int64_t			 lo, hi;
	int			 rows = p->h - 1, row, n;
	char			*cause = NULL, *title;
	const char		*what;

	werase(p->win);
	if (app->sel_item >= 0 && (size_t)app->sel_item < app->m.nitems)
		what = app->m.items[app->sel_item].title;
	else
		what = _("the whole meeting");
	title = xasprintf(app->log_anchor != 0 ? _("Log ─ %s (scrolled: End "
	    "goes to the newest)") : _("Log ─ %s"), what);
	pane_title(p, title);
	free(title);
	model_range(&app->m, app->sel_item, &lo, &hi);
	pane_log_clear(d);
	d->top_seq = d->bottom_seq = 0;
	d->at_end = 1;
	if (hi == 0) {
		draw_text(p->win, 1, 1, _("(this item has not been opened; o "
		    "opens it)"), p->w - 1, A_NORMAL, 0);
		return;
	}
	d->top_hidden = 0;
	d->bottom_more = 0;
	d->rows = rows;
	if (app->log_anchor == 0 || !app->log_anchor_top)
		app->log_skip = 0;
	ncap = app->log_skip + rows + 2;
	starts = xreallocarray(NULL, ncap, sizeof *starts);
	if (app->log_anchor != 0 && app->log_anchor_top) {
		n = log_query_page_fwd(app->q, lo, hi, app->log_anchor, rows,
		    pane_log_fetch_cb, &f, &cause);
		/*
		 * Lay out downwards, the first entry from its row log_skip;
		 * if the page does not fill, follow the end.
		 */
		row = 1;
		for (i = 0; i < d->nents && row <= rows; i++) {
			j = i == 0 ? app->log_skip : 0;
			nr = pane_log_wrap(d->ents[i].text, p->w, starts,
			    j + (size_t)(rows - row + 1) + 1);
			if (j >= nr)
				j = nr > 0 ? nr - 1 : 0;
			k = nr - j;
			if (k > (size_t)(rows - row + 1)) {
				k = (size_t)(rows - row + 1);
				d->bottom_more = 1;
			}
			pane_log_draw_entry(p, &d->ents[i], row, j, k, starts,
			    nr);
			if (d->top_seq == 0) {
				d->top_seq = d->ents[i].seq;
				d->top_hidden = j;
			}
			d->bottom_seq = d->ents[i].seq;
			row += (int)k;
		}
		if (n >= 0 && row <= rows && n < rows && d->top_hidden == 0) {
			app->log_anchor = 0;
			pane_log_draw(p);
			free(starts);
			return;
		}
		d->at_end = 0;
	} else {
		n = log_query_page_rev(app->q, lo, hi, app->log_anchor != 0 ?
		    app->log_anchor : INT64_MAX, rows, pane_log_fetch_cb, &f,
		    &cause);
		/* Newest first: lay out upwards from the bottom row. */
		row = rows + 1;
		for (i = 0; i < d->nents && row > 1; i++) {
			/* Every row of it: a tall one shows its last. */
			nr = strlen(d->ents[i].text) + 1;
			if (nr > ncap) {
				ncap = nr;
				starts = xreallocarray(starts, ncap,
				    sizeof *starts);
			}
			nr = pane_log_wrap(d->ents[i].text, p->w, starts, ncap);
			k = nr;
			j = 0;
			if ((int)nr > row - 1) {	/* only its last rows fit */
				j = nr - (row - 1);
				k = row - 1;
			}
			row -= (int)k;
			pane_log_draw_entry(p, &d->ents[i], row, j, k, starts,
			    nr);
			if (d->bottom_seq == 0)
				d->bottom_seq = d->ents[i].seq;
			d->top_seq = d->ents[i].seq;
			d->top_hidden = j;
		}
		d->at_end = app->log_anchor == 0;
		if (d->nents == 0)
			draw_text(p->win, 1, 1, _("(nothing recorded yet)"),
			    p->w - 1, A_NORMAL, 0);
	}
	free(starts);
	if (n < 0) {
		status_message(app, STATUS_ERROR, "%s", cause);
		free(cause);
	}
}

static int
pane_log_update(struct pane *p, const struct event *ev)
{
	(void)p;
	return ev->etype != EV_META_SET && ev->etype != EV_AGENDA_ADD;
}

static int
pane_log_seq_cb(const struct event *ev, void *arg)
{
	*(int64_t *)arg = ev->seq;
	return 1;
}

void
pane_log_select(struct app *app, int dir)
{
	struct pane_log	*d = app->panes[PANE_LOG].data;
	int64_t		 lo, hi, seq = 0;
	char		*cause = NULL;

	model_range(&app->m, app->sel_item, &lo, &hi);
	if (hi == 0)
		return;
	if (app->log_sel == 0) {
		if (dir < 0)
			app->log_sel = d->bottom_seq;
		app_dirty(app, PANE_LOG);
		return;
	}
	if (dir < 0)
		log_query_page_rev(app->q, lo, hi, app->log_sel - 1, 1,
		    pane_log_seq_cb, &seq, &cause);
	else
		log_query_page_fwd(app->q, lo, hi, app->log_sel + 1, 1,
		    pane_log_seq_cb, &seq, &cause);
	free(cause);
	if (seq == 0) {
		if (dir > 0) {		/* past the newest: follow again */
			app->log_sel = 0;
			app->log_anchor = 0;
		}
		app_dirty(app, PANE_LOG);
		return;
	}
	app->log_sel = seq;
	if (seq < d->top_seq || (seq == d->top_seq && app->log_anchor_top == 0
	    && app->log_anchor != 0)) {
		app->log_anchor = seq;
		app->log_anchor_top = 1;
		app->log_skip = 0;
	} else if (seq > d->bottom_seq) {
		app->log_anchor = seq;
		app->log_anchor_top = 0;
		app->log_skip = 0;
	}
	app_dirty(app, PANE_LOG);
}

void
pane_log_page(struct app *app, int dir)
{
	struct pane_log	*d = app->panes[PANE_LOG].data;
	size_t		 step = d->rows > 1 ? (size_t)d->rows - 1 : 1;

	if (dir < 0) {
		if (d->top_hidden > 0) {
			/* The rows of the top entry above, one kept. */
			app->log_anchor = d->top_seq;
			app->log_anchor_top = 1;
			app->log_skip = d->top_hidden > step ?
			    d->top_hidden - step : 0;
		} else {
			if (d->top_seq <= 1)
				return;
			app->log_anchor = d->top_seq - 1;
			app->log_anchor_top = 0;
			app->log_skip = 0;
		}
	} else if (d->bottom_more) {
		/* The bottom entry goes on: its next rows, one kept. */
		if (d->bottom_seq == d->top_seq && app->log_anchor != 0 &&
		    app->log_anchor_top)
			app->log_skip += step;
		else {
			app->log_anchor = d->bottom_seq;
			app->log_anchor_top = 1;
			app->log_skip = 0;
		}
	} else {
		if (d->at_end || app->log_anchor == 0)
			return;
		app->log_anchor = d->bottom_seq + 1;
		app->log_anchor_top = 1;
		app->log_skip = 0;
	}
	app_dirty(app, PANE_LOG);
}

void
pane_log_end(struct app *app, int top)
{
	int64_t	 lo, hi;

	model_range(&app->m, app->sel_item, &lo, &hi);
	app->log_skip = 0;
	if (top) {
		app->log_anchor = lo;
		app->log_anchor_top = 1;
	} else {
		app->log_anchor = 0;
		app->log_sel = 0;
	}
	app_dirty(app, PANE_LOG);
}

static enum action_result
pane_log_key(struct pane *p, key_code key)
{
	struct app	*app = p->app;

	if (!key_is_char(key))
		return ACTION_NONE;
	app_focus(app, PANE_INPUT);
	return app->panes[PANE_INPUT].ops->key(&app->panes[PANE_INPUT], key);
}

const struct pane_ops pane_log_ops = {
	.name = "log",
	.context = KEYMAP_LOG,
	.init = pane_log_init,
	.free = pane_log_free,
	.update = pane_log_update,
	.draw = pane_log_draw,
	.key = pane_log_key,
};

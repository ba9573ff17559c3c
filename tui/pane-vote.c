/* SPDX-License-Identifier: ISC */
/*
 * The vote pane: the current vote (the last vote.call) with its counts as
 * bars and numbers, the rule, the quorum (present / needed) and the
 * result vote_compute() gives, so the screen and the minutes agree. Small
 * in the clerk's left column; large in the chair's view (giji --chair)
 * and whenever it has the focus, where a roll call or a written vote
 * lists each member and their answer.
 *
 * The pane owns a struct vote_pane (pane-vote.h): the committed vote,
 * read from the log by core/vote-query.c and reloaded lazily after
 * update() saw a vote, attendance or roster event, and what is being
 * counted here and not recorded yet. The bars are ASCII '#' (U+2588 is
 * of ambiguous width and breaks the alignment in CJK terminals).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "clock.h"
#include "i18n.h"
#include "pane-vote.h"
#include "utf8.h"
#include "xmalloc.h"

struct vote_pane_data {
	struct vote_pane	 s;
	int			 stale;
};

static struct vote_pane_data *
vp_data(struct app *app)
{
	return app->panes[PANE_VOTE].data;
}

static enum vote_choice
vp_default_choice(const struct vote_view *v, size_t i)
{
	struct vote_spec	 spec;
	char			*cause = NULL;

	if (!v->members[i].present_call || v->members[i].withdrawn)
		return VOTE_ABSENT;
	if (v->members[i].presiding)
		return VOTE_NOT_VOTING;	/* holds no seat */
	/* A chair who presides and only casts or votes when needed. */
	if (v->members[i].chair && vote_view_spec(v, &spec, &cause) == 0 &&
	    spec.chair != VOTE_CHAIR_VOTES && spec.chair != VOTE_CHAIR_SECOND &&
	    !spec.chair_seatless)
		return VOTE_NOT_VOTING;
	free(cause);
	return VOTE_NONE;
}

/*
 * What is pending starts again from what the log holds; for a recount,
 * from nothing (a roll call from the absent members and the chair).
 */
void
pane_vote_reset(struct vote_pane *s, int recount)
{
	const struct vote_view	*v = &s->v;
	enum vote_choice	 c;
	size_t			 i, j;
	char			*cause = NULL;

	s->pending = recount;
	s->recount = recount;
	s->confirm = 0;
	s->digits[0] = '\0';
	s->cnt[VROW_FOR] = recount ? 0 : v->n_for;
	s->cnt[VROW_AGAINST] = recount ? 0 : v->n_against;
	s->cnt[VROW_ABSTAIN] = recount ? 0 : v->n_abstain;
	free(s->choice);
	s->nchoice = v->nmembers;
	s->choice = xcalloc(s->nchoice + 1, sizeof *s->choice);
	for (i = 0; i < v->nmembers; i++) {
		s->choice[i] = VOTE_NONE;
		for (j = 0; !recount && j < v->nballots; j++) {
			if (strcmp(v->ballots[j].member, v->members[i].id) != 0)
				continue;
			if (vote_choice_parse(v->ballots[j].choice, &c,
			    &cause) == 0)
				s->choice[i] = c;
			free(cause);
			cause = NULL;
		}
		if ((recount || v->nballots == 0) && v->method != NULL &&
		    strcmp(v->method, "rollcall") == 0)
			s->choice[i] = vp_default_choice(v, i);
	}
}

/* The first row to count: against for consent, or the first member
 * still to answer. */
void
pane_vote_first(struct vote_pane *s)
{
	s->sel = 0;
	if (s->v.method != NULL && strcmp(s->v.method, "consent") == 0) {
		s->sel = VROW_AGAINST;
		return;
	}
	if (s->v.method == NULL || (strcmp(s->v.method, "rollcall") != 0 &&
	    strcmp(s->v.method, "written") != 0))
		return;
	/* A chair with only a casting vote gives no ballot in the room
	 * (in writing it answers as every member), nor a presiding member
	 * without a seat. */
	while (s->sel < (int)s->nchoice && (s->choice[s->sel] != VOTE_NONE ||
	    s->v.members[s->sel].presiding ||
	    (s->v.members[s->sel].chair && strcmp(s->v.method,
	    "rollcall") == 0 && (s->v.chair == NULL ||
	    strcmp(s->v.chair, "votes") != 0))))
		s->sel++;
	if (s->sel >= (int)s->nchoice)
		s->sel = s->nchoice > 1 && s->v.members[0].chair ? 1 : 0;
}

void
pane_vote_reload(struct app *app)
{
	struct vote_pane_data	*d = vp_data(app);
	struct vote_pane	*s = &d->s;
	char			*old_id, *cause = NULL;
	int64_t			 old_call = s->v.call_seq;
	size_t			 old_members = s->v.nmembers;
	int			 same;

	d->stale = 0;
	old_id = s->v.id != NULL ? xstrdup(s->v.id) : NULL;
	vote_view_clear(&s->v);
	free(s->error);
	s->error = NULL;
	if (vote_view_load(app->log, &s->v, &cause) != 0) {
		s->error = cause;
		memset(&s->v, 0, sizeof s->v);
	}
	same = old_id != NULL && s->v.id != NULL &&
	    strcmp(old_id, s->v.id) == 0 && old_call == s->v.call_seq &&
	    old_members == s->v.nmembers;
	free(old_id);
	if (!same) {
		pane_vote_reset(s, 0);
		pane_vote_first(s);
	} else if (!s->pending)
		pane_vote_reset(s, 0);
	if (s->v.outcome != NULL)
		s->pending = 0;
}

struct vote_pane *
pane_vote_state(struct app *app)
{
	struct vote_pane_data	*d = vp_data(app);

	if (d->stale)
		pane_vote_reload(app);
	return &d->s;
}

int
pane_vote_open_method(struct app *app)
{
	struct vote_pane	*s = pane_vote_state(app);
	enum vote_method	 m;
	char			*cause = NULL;

	if (s->v.id == NULL || s->v.outcome != NULL)
		return -1;
	if (vote_method_parse(s->v.method, &m, &cause) != 0) {
		free(cause);
		return -1;
	}
	return (int)m;
}

static void
pane_vote_init(struct pane *p)
{
	struct vote_pane_data	*d = xcalloc(1, sizeof *d);

	d->stale = 1;
	p->data = d;
}

static void
pane_vote_free(struct pane *p)
{
	struct vote_pane_data	*d = p->data;

	if (d == NULL)
		return;
	vote_view_clear(&d->s.v);
	free(d->s.choice);
	free(d->s.error);
	free(d->s.call_item);
	free(d->s.call_motion);
	free(d->s.call_moved);
	free(d->s.call_seconded);
	free(d->s.call_candidate);
	free(d);
	p->data = NULL;
}

static int
pane_vote_update(struct pane *p, const struct event *ev)
{
	struct vote_pane_data	*d = p->data;
	switch (ev->etype) {
	case EV_VOTE_CALL:
	case EV_VOTE_TALLY:
	case EV_VOTE_RESULT:
	case EV_DECISION:
	case EV_ATTENDANCE:
	case EV_MEMBER_ADD:
	case EV_META_SET:
	case EV_RETRACT:
	case EV_AMEND:
	case EV_AGENDA_ADD:
		d->stale = 1;
		return 1;
	default:
		return 0;
	}
}

/* --- drawing ----------------------------------------------------------- */

static void	 vp_hint(struct pane *, const char *, int);

static const char *
vp_rule_label(enum vote_rule r)
{
	switch (r) {
	case VOTE_MAJORITY:
		return _("majority");
	case VOTE_MAJORITY_PRESENT:
		return _("majority of those present");
	case VOTE_MAJORITY_SEATS:
		return _("majority of the seats");
	case VOTE_TWO_THIRDS:
		return _("two thirds");
	case VOTE_TWO_THIRDS_PRESENT:
		return _("two thirds of those present");
	case VOTE_TWO_THIRDS_SEATS:
		return _("two thirds of the seats");
	case VOTE_UNANIMITY:
		return _("unanimity");
	case VOTE_THREE_QUARTERS:
		return _("three quarters");
	case VOTE_THREE_QUARTERS_PRESENT:
		return _("three quarters of those present");
	case VOTE_THREE_QUARTERS_SEATS:
		return _("three quarters of the seats");
	case VOTE_FOUR_FIFTHS:
		return _("four fifths");
	case VOTE_FOUR_FIFTHS_PRESENT:
		return _("four fifths of those present");
	case VOTE_FOUR_FIFTHS_SEATS:
		return _("four fifths of the seats");
	}
	return "?";
}

static const char *
vp_choice_label(enum vote_choice c)
{
	switch (c) {
	case VOTE_YES:
		return _("yes");
	case VOTE_NO:
		return _("no");
	case VOTE_ABSTAIN:
		return _("abstain");
	case VOTE_NOT_VOTING:
		return _("not voting");
	case VOTE_ABSENT:
		return _("absent");
	case VOTE_NONE:
		break;
	}
	return "--";
}

/*
 * A line of groups separated by two spaces ("y n a up", "chair: votes")
 * laid out over at most max rows of cols columns, a group never split
 * but a group wider than a row; returns the number of rows.
 */
static size_t
vp_groups(const char *text, size_t cols, char **lines, size_t max)
{
	const char	*g, *e;
	struct buf	 b;
	size_t		 n = 0, w, lw = 0;

	buf_init(&b);
	for (g = text; *g != '\0'; g = *e != '\0' ? e + 2 : e) {
		if ((e = strstr(g, "  ")) == NULL)
			e = g + strlen(g);
		w = utf8_nwidth(g, (size_t)(e - g));
		if (lw > 0 && lw + 2 + w > cols && n + 1 < max) {
			lines[n++] = buf_detach(&b);
			buf_init(&b);
			lw = 0;
		}
		if (lw > 0) {
			buf_puts(&b, "  ");
			lw += 2;
		}
		buf_printf(&b, "%.*s", (int)(e - g), g);
		lw += w;
	}
	lines[n++] = buf_detach(&b);
	return n;
}

/* A count's row label: yes, no, abstain; objecting in a vote by consent. */
static const char *
vp_row_label(const char *const *labels, int i, const struct vote_spec *spec)
{
	if (spec->method == VOTE_CONSENT && i == VROW_AGAINST)
		return _("objecting");
	return _(labels[i]);
}

/* A label padded to cols columns. */
static void
vp_label(struct buf *b, const char *s, size_t cols)
{
	char	*pad = utf8_padr(s, cols);

	buf_puts(b, pad);
	free(pad);
}

static char *
vp_member_label(const struct vote_view_member *m)
{
	char	*s = xasprintf("%s%s", m->name, m->role != NULL ? m->role : "");
	char	*t = utf8_sanitize(s, 0);

	free(s);
	return t;
}

/*
 * The current vote as the minutes count it (vote_view_report): on what
 * this terminal is counting when something is pending, else on the last
 * tally. c is what was counted (for consent, the objections alone).
 */
int
pane_vote_compute(struct app *app, struct vote_spec *spec, struct vote_counts *c,
    struct vote_result *r, char **cause)
{
	struct vote_pane		*s = pane_vote_state(app);
	struct vote_view_pending	 pend, *pp = NULL;
	struct vote_view_ballot		*b = NULL;
	struct vote_report		 rep;
	size_t				 i, n = 0;
	int				 rc = 0;

	memset(r, 0, sizeof *r);
	memset(c, 0, sizeof *c);
	memset(&pend, 0, sizeof pend);
	if (s->pending && s->v.method != NULL &&
	    strcmp(s->v.method, "rollcall") == 0) {
		b = xcalloc(s->nchoice + 1, sizeof *b);
		for (i = 0; i < s->nchoice; i++) {
			if (s->choice[i] == VOTE_NONE)
				continue;
			b[n].member = s->v.members[i].id;
			b[n].choice = (char *)vote_choice_name(s->choice[i]);
			n++;
		}
		pend.ballots = b;
		pend.nballots = n;
		pp = &pend;
	} else if (s->pending && (s->v.method == NULL ||
	    strcmp(s->v.method, "written") != 0)) {
		pend.counts = 1;
		pend.n_for = s->cnt[VROW_FOR];
		pend.n_against = s->cnt[VROW_AGAINST];
		pend.n_abstain = s->cnt[VROW_ABSTAIN];
		pp = &pend;
	} else if (s->v.ntallies == 0) {
		pend.counts = 1;	/* nothing counted yet: zeros */
		pp = &pend;
	}
	vote_view_report(&s->v, pp, &rep);
	free(b);
	*spec = rep.spec;
	if (rep.computed) {
		*r = rep.result;
		*c = rep.result.counts;
		if (spec->method == VOTE_CONSENT && !c->unanimous)
			c->yes = 0;
	} else {
		/* What was counted, shown beside the cause. */
		c->yes = pp != NULL && pp->counts ? pend.n_for : s->v.n_for;
		c->no = pp != NULL && pp->counts ? pend.n_against :
		    s->v.n_against;
		c->abstain = pp != NULL && pp->counts ? pend.n_abstain :
		    s->v.n_abstain;
		*cause = rep.cause != NULL ? rep.cause :
		    xstrdup(_("not counted"));
		rep.cause = NULL;
		rc = -1;
	}
	vote_report_clear(&rep);
	return rc;
}

static void
vp_bar(struct pane *p, int y, const char *label, size_t labw, long n,
    long scale, int selected, const char *typed, int pending)
{
	struct app	*app = p->app;
	struct buf	 b;
	char		*s, num[32];
	int		 barw, k, len;

	buf_init(&b);
	buf_puts(&b, selected ? ">" : " ");
	vp_label(&b, label, labw);
	if (typed != NULL && *typed != '\0')
		snprintf(num, sizeof num, "%s_", typed);
	else
		snprintf(num, sizeof num, "%ld%s", n, pending ? "*" : "");
	barw = p->w - 7 - (int)labw;	/* ">", the label, 5 for the number */
	if (barw < 1)
		barw = 1;
	len = scale > 0 ? (int)((n * barw + scale - 1) / scale) : 0;
	if (len > barw)
		len = barw;
	if (n > 0 && len == 0)
		len = 1;
	for (k = 0; k < len; k++)
		buf_puts(&b, "#");
	for (; k < barw; k++)
		buf_puts(&b, " ");
	buf_printf(&b, "%5s", num);
	s = buf_detach(&b);
	draw_text(p->win, y, 0, s, p->w, selected ? A_BOLD : A_NORMAL,
	    pending ? draw_pair(app, PAIR_WARN) : 0);
	free(s);
}

/*
 * The words giji stats and the exports give a result (vote_report_words):
 * in Japanese when the clerk's messages are (po/ja.po), else in English.
 */
static int
vp_english(void)
{
	return label_english();
}

/* The role of who presides, as the words name it (会長, Mayor). */
static const char *
vp_presiding_role(const struct vote_view *v, const struct vote_spec *spec)
{
	size_t	 i;

	for (i = 0; i < v->nmembers; i++) {
		if (spec->chair_seatless ? v->members[i].presiding :
		    v->members[i].chair && !v->members[i].presiding)
			return v->members[i].role;
	}
	return NULL;
}

static char *
vp_result_text(const struct vote_view *v, const struct vote_spec *spec,
    const struct vote_result *r, int big)
{
	const char		*o = label_outcome(vote_outcome_name(r->outcome));
	struct vote_report	 rep;

	/*
	 * What the chair decided, and a quorum failure: worded as giji
	 * stats, the JSON minutes and the exports word it.
	 */
	if (big && (r->flags & (VOTE_F_CASTING | VOTE_F_PRESIDING |
	    VOTE_F_ONE_SHORT | VOTE_F_TIE | VOTE_F_NO_QUORUM))) {
		memset(&rep, 0, sizeof rep);
		rep.spec = *spec;
		rep.result = *r;
		rep.computed = 1;
		return vote_report_words(&rep, vp_english(),
		    vp_presiding_role(v, spec));
	}
	if (r->flags & VOTE_F_PRESIDING)
		return xasprintf(_("%s (presiding vote)"), o);
	if (r->flags & VOTE_F_ONE_SHORT)
		return xasprintf(_("%s (one vote short)"), o);
	if (r->flags & VOTE_F_NO_QUORUM)
		return xstrdup(big ? _("failed (no quorum: the vote cannot be "
		    "taken)") :
		    _("no quorum"));
	if (spec->method == VOTE_CONSENT)
		return xstrdup(r->outcome == VOTE_CARRIED ? _("no objection: "
		    "carried") :
		    _("objection: not carried"));
	if (r->flags & VOTE_F_CASTING)
		return xasprintf(_("%s (tie, casting vote)"), o);
	if (r->flags & VOTE_F_TIE)
		return xasprintf(_("%s (tie)"), o);
	if (!big)
		return xasprintf(_("%s need %ld"), o, r->needed);
	if (r->flags & VOTE_F_UNANIMOUS)
		return xasprintf(_("%s (all in favour)"), o);
	return xasprintf(_("%s (yes %ld, %ld needed)"), o, r->counts.yes,
	    r->needed);
}

static void
vp_draw_members(struct pane *p, struct vote_pane *s,
    const struct vote_spec *spec, int y, int rows)
{
	const struct vote_view	*v = &s->v;
	struct buf		 b;
	char			*label, *t;
	size_t			 i, j;
	int			 ncol, colw, col, row;
	enum vote_choice	 c;
	struct clock_tm		 tm;
	int			 sel_on = p->app->focus == PANE_VOTE &&
				     v->outcome == NULL;

	if (rows < 1 || v->nmembers == 0)
		return;
	ncol = (int)((v->nmembers + (size_t)rows - 1) / (size_t)rows);
	if (ncol < 1)
		ncol = 1;
	colw = (p->w - 1) / ncol;
	for (i = 0; i < v->nmembers; i++) {
		col = (int)i / rows;
		row = (int)i % rows;
		if (col >= ncol || colw < 8)
			break;
		buf_init(&b);
		buf_puts(&b, (int)i == s->sel && sel_on ? ">" : " ");
		label = vp_member_label(&v->members[i]);
		t = utf8_clip(label, 8);
		vp_label(&b, t, 8);
		free(t);
		free(label);
		c = i < s->nchoice ? s->choice[i] : VOTE_NONE;
		if (spec->method == VOTE_WRITTEN) {
			for (j = 0; j < v->nballots; j++) {
				if (strcmp(v->ballots[j].member,
				    v->members[i].id) == 0)
					break;
			}
			if (j == v->nballots)
				buf_puts(&b, _(" no answer"));
			else {
				buf_printf(&b, " %s", vp_choice_label(c));
				if (clock_local(v->ballots[j].ts, p->app->m.tz,
				    &tm) == 0)
					buf_printf(&b, " %d/%d", tm.mon, tm.d);
				if (v->ballots[j].late)
					buf_puts(&b, _(" late"));
			}
		} else
			buf_printf(&b, " %s", vp_choice_label(c));
		t = buf_detach(&b);
		draw_text(p->win, y + row, 1 + col * colw, t, colw,
		    (int)i == s->sel && sel_on ? A_BOLD : A_NORMAL, 0);
		free(t);
	}
}

static void
pane_vote_draw(struct pane *p)
{
	struct app		*app = p->app;
	struct vote_pane	*s = pane_vote_state(app);
	const struct vote_view	*v = &s->v;
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	struct buf		 b;
	char			*t, *cause = NULL, *motion;
	long			 present, present_now, scale;
	int			 big = p->h >= 10, y = 1, ok, chair, i, closed;
	int			 ballots, rows;
	int			 focused = app->focus == PANE_VOTE;
	size_t			 labw, nr, kr;
	char			*rule[2];
	static const char *const labels[VROW_COUNT] = { N_("yes"), N_("no"),
	    N_("abstain") };

	werase(p->win);
	closed = v->outcome != NULL;
	buf_init(&b);
	if (v->id == NULL)
		buf_puts(&b, _("Vote"));
	else {
		buf_printf(&b, _("Vote %s %s"), v->id, label_method(v->method));
		if (closed)
			buf_puts(&b, _(" closed"));
		else if (s->pending)
			buf_puts(&b, s->recount ? _(" recounting") : _(" not "
			    "recorded"));
	}
	t = buf_detach(&b);
	pane_title(p, t);
	free(t);
	if (s->error != NULL) {
		draw_text(p->win, 1, 1, s->error, p->w - 1, A_BOLD,
		    draw_pair(app, PAIR_ERROR));
		return;
	}
	ok = pane_vote_compute(app, &spec, &c, &r, &cause) == 0;
	present = vote_view_present(v, 1, &chair);
	present_now = vote_view_present(v, 0, NULL);

	if (big && v->id != NULL) {
		motion = utf8_sanitize(v->motion != NULL ? v->motion :
		    v->item_title != NULL ? v->item_title : v->item, 0);
		t = xasprintf(_("Motion: %s"), motion);
		draw_text(p->win, y++, 1, t, p->w - 2, A_NORMAL, 0);
		free(t);
		free(motion);
		t = xasprintf(_("Rule: %s%s  abstentions: %s  chair: %s"),
		    vp_rule_label(spec.rule), spec.needed > 0 ?
		    _(" (votes needed fixed)") : "",
		    spec.abstain == VOTE_ABSTAIN_CAST ? _("counted as cast") :
		    _("not counted"), spec.chair == VOTE_CHAIR_VOTES ?
		    _("votes") : spec.chair == VOTE_CHAIR_SECOND ?
		    _("votes, and a second vote on a tie") :
		    spec.chair == VOTE_CHAIR_WHEN_NEEDED ?
		    _("votes only when one vote short") :
		    _("casting vote on a tie"));
		/* On two rows when it is wider and the pane is tall enough. */
		nr = vp_groups(t, p->w > 2 ? (size_t)p->w - 2 : 1, rule,
		    p->h >= 14 ? 2 : 1);
		for (kr = 0; kr < nr; kr++) {
			draw_text(p->win, y++, 1, rule[kr], p->w - 2,
			    A_NORMAL, 0);
			free(rule[kr]);
		}
		free(t);
	}
	/* The quorum line: present / needed, at the call of an open vote. */
	if (v->id == NULL || (closed && spec.method != VOTE_WRITTEN))
		spec.present = present_now;
	buf_init(&b);
	if (spec.method == VOTE_WRITTEN && v->id != NULL) {
		struct clock_tm	 tm;

		buf_printf(&b, _("%s%ld"), big ? _("Written: members ") :
		    _("members "),
		    spec.present);
		if (big && v->deadline != 0 &&
		    clock_local(v->deadline, app->m.tz, &tm) == 0)
			buf_printf(&b, _("  deadline %d/%d %02d:%02d"), tm.mon,
			    tm.d, tm.h, tm.min);
	}
	else if (big)
		buf_printf(&b, _("Quorum: %ld present"), spec.present);
	else
		buf_printf(&b, _("present %ld"), spec.present);
	if (spec.method != VOTE_WRITTEN || v->id == NULL) {
		if (spec.quorum > 0)
			buf_printf(&b, big ? _(" / %ld needed") : _("/quorum "
			    "%ld"),
			    spec.quorum);
		else if (big)
			buf_puts(&b, _(" (no quorum: seats not set)"));
		if (spec.quorum > 0 && spec.present < spec.quorum)
			buf_puts(&b, big ? _("  no quorum") : _(" short"));
		else if (spec.quorum > 0 && big)
			buf_puts(&b, _("  quorate"));
		if (big && v->id != NULL && !closed && present_now != present)
			buf_printf(&b, _(" (now %ld)"), present_now);
	}
	t = buf_detach(&b);
	draw_text(p->win, big ? y : p->h - 1, 1, t, p->w - 2,
	    spec.quorum > 0 && spec.present < spec.quorum &&
	    spec.method != VOTE_WRITTEN ? A_BOLD | A_REVERSE : A_NORMAL,
	    spec.quorum > 0 && spec.present < spec.quorum ?
	    draw_pair(app, PAIR_ERROR) : 0);
	free(t);
	if (big)
		y++;
	(void)present;
	(void)chair;

	if (v->id == NULL) {
		draw_text(p->win, y++, 1, _("(no vote)"), p->w - 2, A_NORMAL,
		    0);
		if (big)
			draw_text(p->win, y++, 1, _("H hands  L roll call  K "
			    "objections  U all in favour  W written: call a "
			    "vote"), p->w - 2, A_DIM, 0);
		free(cause);
		return;
	}

	ballots = spec.method == VOTE_ROLLCALL || spec.method == VOTE_WRITTEN;
	if (big && ballots) {
		rows = p->h - y - 6;	/* 3 bars, result, state, keys */
		if (rows > (int)v->nmembers)
			rows = (int)v->nmembers;
		vp_draw_members(p, s, &spec, y, rows);
		y += rows > 0 ? rows : 0;
	}
	/* The bars: scaled to the voters. */
	scale = ok ? r.voters : spec.present;
	if (!ballots && s->pending) {
		for (i = 0; i < VROW_COUNT; i++)
			if (s->cnt[i] > scale)
				scale = s->cnt[i];
	}
	if (big || !ballots || 1) {
		long n[VROW_COUNT];

		if (!ballots && s->pending) {
			n[0] = s->cnt[0];
			n[1] = s->cnt[1];
			n[2] = s->cnt[2];
		} else if (ok) {
			n[0] = r.counts.yes;
			n[1] = r.counts.no;
			n[2] = r.counts.abstain;
			if (spec.method == VOTE_CONSENT && !c.unanimous)
				n[0] = c.yes;
		} else {
			n[0] = c.yes;
			n[1] = c.no;
			n[2] = c.abstain;
		}
		/* The widest label sets the bars' start (abstain, 棄権). */
		for (labw = 5, i = 0; i < VROW_COUNT; i++) {
			if (utf8_width(vp_row_label(labels, i, &spec)) > labw)
				labw = utf8_width(vp_row_label(labels, i,
				    &spec));
		}
		if (labw > (size_t)p->w / 3)
			labw = (size_t)p->w / 3;
		for (i = 0; i < VROW_COUNT && y < p->h - (big ? 3 : 1); i++) {
			vp_bar(p, y++, vp_row_label(labels, i, &spec), labw,
			    n[i], scale, !ballots &&
			    s->sel == i && !closed && focused, !ballots && s->sel == i ?
			    s->digits : NULL, s->pending && !ballots);
		}
	}
	/* The result, or why the counts cannot be. */
	if (y < p->h - (big ? 2 : 1)) {
		if (!ok)
			t = xasprintf("%s", cause != NULL ? cause : "?");
		else if (v->ntallies == 0 && !s->pending)
			t = xstrdup(big ? _("Result: not counted") : _("not "
			    "counted"));
		else {
			char *rt = vp_result_text(v, &spec, &r, big);
			t = big ? xasprintf(_("Result: %s"), rt) : xstrdup(rt);
			free(rt);
		}
		draw_text(p->win, y++, 1, t, p->w - 2, A_BOLD, !ok ?
		    draw_pair(app, PAIR_ERROR) : 0);
		free(t);
	}
	if (big && y < p->h - 1) {
		buf_init(&b);
		if (closed) {
			buf_printf(&b, v->declared ? _("Closed: %s (declared "
			    "by the chair)") : _("Closed: %s"),
			    label_outcome(v->outcome));
			if (ok && strcmp(v->outcome,
			    vote_outcome_name(r.outcome)) != 0)
				buf_printf(&b, _(" (counted: %s)"), label_outcome(
				    vote_outcome_name(r.outcome)));
			if (v->decision != NULL)
				buf_printf(&b, _("  decision: %s"),
				    label_decision(v->decision));
		} else if (s->pending)
			buf_puts(&b, s->recount ? _("Recounting — Enter "
			    "records it (the earlier count stays)") : _("Not "
			    "recorded — Enter records, Escape drops it"));
		else if (v->ntallies > 0)
			buf_printf(&b, _("Recorded #%lld (count %zu)"),
			    (long long)v->tally_seq, v->ntallies);
		else
			buf_puts(&b, _("Not counted yet"));
		if (s->confirm)
			buf_puts(&b, _("  waiting for confirmation"));
		t = buf_detach(&b);
		draw_text(p->win, y++, 1, t, p->w - 2, A_NORMAL,
		    s->pending ? draw_pair(app, PAIR_WARN) : 0);
		free(t);
	}
	if (big && p->h >= 12) {
		const char *hint = closed ? _("H L K U W new vote  Tab moves") :
		    spec.method == VOTE_ROLLCALL ? _("y n a v x each member  "
		    "Up Down select  Enter record  r recount  C close") :
		    spec.method == VOTE_WRITTEN ? _("Up Down member  y n a "
		    "record the answer  C close") :
		    _("y n a up  Y N A down  digits Enter record  u all  o no "
		    "objection  r recount  C close");

		vp_hint(p, hint, y);
	}
	free(cause);
}

/*
 * The key hint at the foot of the large pane: its groups laid out over as
 * many rows as it needs and the pane has free below row y; only a group
 * wider than the pane itself is cut at its edge.
 */
static void
vp_hint(struct pane *p, const char *hint, int y)
{
	char		*lines[8];
	size_t		 n, i;
	int		 row;

	n = vp_groups(hint, p->w > 2 ? (size_t)p->w - 2 : 1, lines,
	    sizeof lines / sizeof lines[0]);
	/* The last rows of the pane, below what is drawn (at least one). */
	row = p->h - (int)n;
	if (row < y)
		row = y;
	if (row > p->h - 1)
		row = p->h - 1;
	for (i = 0; i < n; i++) {
		if (row <= p->h - 1)
			draw_text(p->win, row++, 1, lines[i], p->w - 2,
			    A_DIM, 0);
		free(lines[i]);
	}
}

/* Digits typed into the selected count; BSpace takes one back. */
static enum action_result
pane_vote_key(struct pane *p, key_code key)
{
	struct app		*app = p->app;
	struct vote_pane	*s = pane_vote_state(app);
	key_code		 k = key & KEYC_MASK_KEY;
	size_t			 n = strlen(s->digits);
	int			 m = pane_vote_open_method(app);

	if (m != VOTE_HANDS && m != VOTE_CONSENT && m != VOTE_UNANIMOUS)
		return ACTION_NONE;
	if ((key & KEYC_MASK_MODIFIERS) == 0 && k >= '0' && k <= '9') {
		if (n + 1 >= sizeof s->digits || (n == 1 && s->digits[0] ==
		    '0')) {
			status_message(app, STATUS_WARN, _("The number is too "
			    "large"));
			return ACTION_ERROR;
		}
		s->digits[n] = (char)k;
		s->digits[n + 1] = '\0';
		app_dirty(app, PANE_VOTE);
		return ACTION_REDRAW;
	}
	if (k == KEYC_BSPACE && n > 0) {
		s->digits[n - 1] = '\0';
		app_dirty(app, PANE_VOTE);
		return ACTION_REDRAW;
	}
	return ACTION_NONE;
}

const struct pane_ops pane_vote_ops = {
	.name = "vote",
	.context = KEYMAP_VOTE,
	.init = pane_vote_init,
	.free = pane_vote_free,
	.update = pane_vote_update,
	.draw = pane_vote_draw,
	.key = pane_vote_key,
};

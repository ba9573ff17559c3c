/* SPDX-License-Identifier: ISC */
/*
 * The vote actions named by action-table.c (context vote): open a vote on
 * the agenda item, count, take a roll call or written answers, record a
 * tally, recount, close with the result and a decision.
 *
 * When events are written: counting a show of hands (y n a, Y N A, + -,
 * digits) and taking a roll call (y n a v x per member) change only what
 * this terminal shows as pending ("未確定"); Enter checks the counts with
 * vote_compute() and records them as one vote.tally, which the other
 * terminal shows within its 200 ms poll. Keystrokes are not events
 * because every later tally is a recount and the internal minutes list
 * each earlier one. u (all in favour), o (no objection), each written
 * answer, and closing are recorded at once. Nothing is shown as recorded
 * before log_append() returned; counts vote.c refuses are not recorded
 * and its message goes to the status line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "clock.h"
#include "i18n.h"
#include "json.h"
#include "pane-vote.h"
#include "xmalloc.h"


static char *
vset_int(char *obj, const char *key, long value)
{
	char	*s = json_set_int(obj, key, value);

	free(obj);
	return s;
}

static char *
vset_bool(char *obj, const char *key, int value)
{
	char	*s = json_set_bool(obj, key, value);

	free(obj);
	return s;
}

static char *
vset_raw(char *obj, const char *key, const char *raw)
{
	char	*s = json_set_raw(obj, key, raw);

	free(obj);
	return s;
}

/* The open vote's method, or a message and -1. */
static int
vote_open(struct app *app)
{
	struct vote_pane	*s = pane_vote_state(app);
	int			 m = pane_vote_open_method(app);

	if (m < 0)
		status_message(app, STATUS_WARN, s->v.id == NULL ?
		    _("No vote has been called (H calls one by show of hands, "
		    "L a roll call)") :
		    _("Vote %s is closed (H and the others call a new one)"),
		    s->v.id);
	return m;
}

static void
vote_digits(struct app *app, struct vote_pane *s)
{
	if (s->digits[0] == '\0')
		return;
	if (s->sel >= 0 && s->sel < VROW_COUNT) {
		s->cnt[s->sel] = strtol(s->digits, NULL, 10);
		s->pending = 1;
	}
	s->digits[0] = '\0';
	app_dirty(app, PANE_VOTE);
}

static enum action_result
vote_changed(struct app *app, struct vote_pane *s)
{
	s->confirm = 0;
	app_dirty(app, PANE_VOTE);
	return ACTION_REDRAW;
}

/* The questions (prompt.c): each answer goes to its callback below. */
#define VOTE_CASTING_Q	_("A tie — the casting vote: y (yes) or n (no), " \
			    "then Enter")
#define VOTE_PRESIDING_Q _("One vote short — the presiding member's vote: " \
			    "y (yes), n (no), or nothing for none; then Enter")
#define VOTE_DECISION_Q	_("Closing the vote — the words of the decision, " \
			    "then Enter (may be empty)")
static enum action_result vote_motion_cb(struct app *, const char *, void *);
static enum action_result vote_casting_cb(struct app *, const char *, void *);
static enum action_result vote_presiding_cb(struct app *, const char *,
		    void *);
static enum action_result vote_decision_cb(struct app *, const char *, void *);

/* --- opening a vote ------------------------------------------------------ */

enum action_result
act_vote_focus(struct app *app, const char *arg)
{
	(void)arg;
	app_focus(app, PANE_VOTE);
	return ACTION_REDRAW_ALL;
}

static int
vote_can_call(struct app *app, struct vote_pane *s)
{
	if (s->v.id != NULL && s->v.outcome == NULL) {
		status_message(app, STATUS_WARN, _("Vote %s is still open "
		    "(close it with C first)"), s->v.id);
		return 0;
	}
	return 1;
}

/*
 * Calling a vote asks for the motion first (the item's title, to edit),
 * then who moved it and who seconded it (the speaker picker, whose first
 * row "nobody" Enter takes: nobody moved it, and then nobody seconded it,
 * so a body that records neither skips both with one key), for an
 * election the candidate, then the motion's number as
 * printed (empty: none), and for a written vote the deadline; vote.call
 * is recorded when the last answer is given (vote_call_record). Escape
 * at any question calls no vote.
 */
static enum action_result
vote_call(struct app *app, enum vote_method m)
{
	struct vote_pane	*s = pane_vote_state(app);
	int			 i;

	if (!vote_can_call(app, s))
		return ACTION_ERROR;
	/*
	 * The open item's vote, else the selected item's; with no item open
	 * and the whole meeting selected, a motion of the meeting itself
	 * (the agenda, the minutes, adjournment: vote.call without item).
	 */
	i = app->m.open_item >= 0 ? app->m.open_item : app->sel_item;
	if (i >= 0 && (size_t)i >= app->m.nitems) {
		status_message(app, STATUS_WARN, _("Open the item to vote on "
		    "(Enter in the agenda pane)"));
		return ACTION_ERROR;
	}
	s->call_method = m;
	free(s->call_item);
	s->call_item = i >= 0 ? xstrdup(app->m.items[i].id) : NULL;
	free(s->call_motion);
	s->call_motion = NULL;
	free(s->call_moved);
	s->call_moved = NULL;
	free(s->call_seconded);
	s->call_seconded = NULL;
	free(s->call_candidate);
	s->call_candidate = NULL;
	if (i < 0)
		return prompt_open(app, _("Vote on a motion of the meeting (no "
		    "item open): type the motion, then Enter (Escape cancels)"),
		    NULL, vote_motion_cb, NULL, NULL);
	return prompt_open(app, _("Vote — check the motion, edit it, then "
	    "Enter (Escape cancels)"), app->m.items[i].title, vote_motion_cb,
	    NULL, NULL);
}

static enum action_result
vote_call_record(struct app *, const char *, const char *);

static enum action_result
vote_call_record(struct app *app, const char *number, const char *deadline)
{
	struct vote_pane	*s = pane_vote_state(app);
	struct vote_spec	 spec;
	enum vote_method	 m = s->call_method;
	char			*p, *id, *motion, *cause = NULL;

	if (!vote_can_call(app, s))
		return ACTION_NONE;	/* another terminal called one */
	if (s->call_item != NULL && model_item(&app->m, s->call_item) < 0) {
		status_message(app, STATUS_WARN, _("There is no item %s"),
		    s->call_item);
		return ACTION_NONE;
	}
	id = xstrdup(s->v.next_id != NULL ? s->v.next_id : "v1");
	motion = xstrdup(s->call_motion);
	p = json_put_str(xstrdup("{}"), "id", id);
	p = json_put_str(p, "item", s->call_item);
	p = json_put_str(p, "motion", motion);
	p = json_put_str(p, "method", vote_method_name(m));
	p = json_put_str(p, "rule", s->v.rule);
	p = json_put_str(p, "deadline", deadline);
	p = json_put_str(p, "moved_by", s->call_moved);
	p = json_put_str(p, "seconded_by", s->call_seconded);
	p = json_put_str(p, "candidate", s->call_candidate);
	p = json_put_str(p, "number", number);
	if (app_append(app, "vote.call", p, NULL) != 0) {
		free(p);
		free(id);
		free(motion);
		return ACTION_ERROR;
	}
	free(p);
	s = pane_vote_state(app);
	if (vote_view_spec(&s->v, &spec, &cause) == 0 && spec.quorum > 0 &&
	    spec.present < spec.quorum && m != VOTE_WRITTEN)
		status_message(app, STATUS_WARN, _("Vote %s: no quorum (%ld "
		    "present, %ld needed)"), id, spec.present, spec.quorum);
	else
		status_message(app, STATUS_INFO, _("Vote %s called (%s): %s"),
		    id, label_method(vote_method_name(m)), motion);
	free(cause);
	free(id);
	free(motion);
	app->prompt.from = PANE_VOTE;
	return ACTION_REDRAW_ALL;
}

enum action_result
act_vote_call_hands(struct app *app, const char *arg)
{
	(void)arg;
	return vote_call(app, VOTE_HANDS);
}

enum action_result
act_vote_call_rollcall(struct app *app, const char *arg)
{
	(void)arg;
	return vote_call(app, VOTE_ROLLCALL);
}

enum action_result
act_vote_call_consent(struct app *app, const char *arg)
{
	(void)arg;
	return vote_call(app, VOTE_CONSENT);
}

enum action_result
act_vote_call_unanimous(struct app *app, const char *arg)
{
	(void)arg;
	return vote_call(app, VOTE_UNANIMOUS);
}

enum action_result
act_vote_call_written(struct app *app, const char *arg)
{
	(void)arg;
	return vote_call(app, VOTE_WRITTEN);
}

/* --- counting ------------------------------------------------------------ */

/* A written answer: one vote.tally with one ballot, recorded now. */
static enum action_result
vote_written(struct app *app, struct vote_pane *s, enum vote_choice c)
{
	const struct vote_view_member	*mem;
	char				*b, *p;
	int				 rc;

	if (s->sel < 0 || (size_t)s->sel >= s->v.nmembers)
		return ACTION_NONE;
	mem = &s->v.members[s->sel];
	b = json_put_str(xstrdup("{}"), mem->id, vote_choice_name(c));
	p = json_put_str(xstrdup("{}"), "vote", s->v.id);
	p = vset_raw(p, "ballots", b);
	free(b);
	rc = app_append(app, "vote.tally", p, NULL);
	free(p);
	if (rc != 0)
		return ACTION_ERROR;
	status_message(app, STATUS_INFO, _("Written answer recorded: %s%s %s"),
	    mem->name, mem->role != NULL ? mem->role : "",
	    label_choice(vote_choice_name(c)));
	s = pane_vote_state(app);
	pane_vote_first(s);
	app_dirty(app, PANE_VOTE);
	return ACTION_REDRAW;
}

static enum action_result
vote_count(struct app *app, enum vote_choice c, int delta)
{
	struct vote_pane	*s = pane_vote_state(app);
	int			 m = vote_open(app), row;

	if (m < 0)
		return ACTION_ERROR;
	if (m == VOTE_ROLLCALL) {
		if (delta < 0 || s->sel < 0 || (size_t)s->sel >= s->nchoice)
			return ACTION_NONE;
		s->choice[s->sel] = c;
		s->pending = 1;
		if ((size_t)s->sel + 1 < s->nchoice)
			s->sel++;
		return vote_changed(app, s);
	}
	if (m == VOTE_WRITTEN) {
		if (delta < 0)
			return ACTION_NONE;
		return vote_written(app, s, c);
	}
	switch (c) {
	case VOTE_YES:
		row = VROW_FOR;
		break;
	case VOTE_NO:
		row = VROW_AGAINST;
		break;
	case VOTE_ABSTAIN:
		row = VROW_ABSTAIN;
		break;
	default:
		status_message(app, STATUS_WARN, _("Not voting and absent are "
		    "for roll calls (L calls one)"));
		return ACTION_ERROR;
	}
	if (m == VOTE_CONSENT && row != VROW_AGAINST) {
		status_message(app, STATUS_WARN, _("A vote by objections "
		    "counts only the objections (n adds one, o: none)"));
		return ACTION_ERROR;
	}
	vote_digits(app, s);
	s->sel = row;
	if (s->cnt[row] + delta < 0)
		return ACTION_NONE;
	s->cnt[row] += delta;
	s->pending = 1;
	return vote_changed(app, s);
}

enum action_result
act_vote_yes(struct app *app, const char *arg)
{
	(void)arg;
	return vote_count(app, VOTE_YES, 1);
}

enum action_result
act_vote_no(struct app *app, const char *arg)
{
	(void)arg;
	return vote_count(app, VOTE_NO, 1);
}

enum action_result
act_vote_abstain(struct app *app, const char *arg)
{
	(void)arg;
	return vote_count(app, VOTE_ABSTAIN, 1);
}

enum action_result
act_vote_not_voting(struct app *app, const char *arg)
{
	(void)arg;
	return vote_count(app, VOTE_NOT_VOTING, 1);
}

enum action_result
act_vote_absent(struct app *app, const char *arg)
{
	(void)arg;
	return vote_count(app, VOTE_ABSENT, 1);
}

enum action_result
act_vote_yes_dec(struct app *app, const char *arg)
{
	(void)arg;
	return vote_count(app, VOTE_YES, -1);
}

enum action_result
act_vote_no_dec(struct app *app, const char *arg)
{
	(void)arg;
	return vote_count(app, VOTE_NO, -1);
}

enum action_result
act_vote_abstain_dec(struct app *app, const char *arg)
{
	(void)arg;
	return vote_count(app, VOTE_ABSTAIN, -1);
}

static enum action_result
vote_step(struct app *app, int delta)
{
	struct vote_pane	*s = pane_vote_state(app);
	int			 m = vote_open(app);

	if (m < 0)
		return ACTION_ERROR;
	if (m == VOTE_ROLLCALL || m == VOTE_WRITTEN)
		return ACTION_NONE;
	return vote_count(app, s->sel == VROW_AGAINST ? VOTE_NO :
	    s->sel == VROW_ABSTAIN ? VOTE_ABSTAIN : VOTE_YES, delta);
}

enum action_result
act_vote_inc(struct app *app, const char *arg)
{
	(void)arg;
	return vote_step(app, 1);
}

enum action_result
act_vote_dec(struct app *app, const char *arg)
{
	(void)arg;
	return vote_step(app, -1);
}

static enum action_result
vote_move(struct app *app, int dir)
{
	struct vote_pane	*s = pane_vote_state(app);
	int			 m = pane_vote_open_method(app), n;

	vote_digits(app, s);
	n = m == VOTE_ROLLCALL || m == VOTE_WRITTEN ? (int)s->v.nmembers :
	    VROW_COUNT;
	if (n == 0)
		return ACTION_NONE;
	s->sel = (s->sel + dir + n) % n;
	app_dirty(app, PANE_VOTE);
	return ACTION_REDRAW;
}

enum action_result
act_vote_up(struct app *app, const char *arg)
{
	(void)arg;
	return vote_move(app, -1);
}

enum action_result
act_vote_down(struct app *app, const char *arg)
{
	(void)arg;
	return vote_move(app, 1);
}

/* --- recording ----------------------------------------------------------- */

static int
vote_tally(struct app *app, const char *payload, const char *what)
{
	struct event	 ev;

	if (app_append(app, "vote.tally", payload, &ev) != 0)
		return -1;
	status_message(app, STATUS_INFO, _(what), (long long)ev.seq);
	event_clear(&ev);
	return 0;
}

enum action_result
act_vote_commit(struct app *app, const char *arg)
{
	struct vote_pane	*s = pane_vote_state(app);
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	char			*p, *b, *cause = NULL;
	size_t			 i;
	int			 m = vote_open(app), rc;

	(void)arg;
	if (m < 0)
		return ACTION_ERROR;
	if (m == VOTE_WRITTEN) {
		status_message(app, STATUS_INFO, _("Written answers are "
		    "recorded one member at a time with y n a"));
		return ACTION_NONE;
	}
	vote_digits(app, s);
	if (!s->pending && s->v.ntallies > 0) {
		status_message(app, STATUS_INFO, _("The count is recorded (r "
		    "recounts)"));
		return ACTION_NONE;
	}
	if (!s->pending && m != VOTE_ROLLCALL) {
		status_message(app, STATUS_WARN, _("Nothing counted yet (count "
		    "with y n a or type the numbers; u: all in favour)"));
		return ACTION_ERROR;
	}
	s->pending = 1;
	if (pane_vote_compute(app, &spec, &c, &r, &cause) != 0) {
		status_message(app, STATUS_ERROR, _("Not recorded: %s"), cause);
		free(cause);
		app_dirty(app, PANE_VOTE);
		return ACTION_ERROR;
	}
	p = json_put_str(xstrdup("{}"), "vote", s->v.id);
	if (m == VOTE_ROLLCALL) {
		b = xstrdup("{}");
		for (i = 0; i < s->nchoice; i++) {
			if (s->choice[i] != VOTE_NONE)
				b = json_put_str(b, s->v.members[i].id,
				    vote_choice_name(s->choice[i]));
		}
		p = vset_raw(p, "ballots", b);
		free(b);
	} else if (m == VOTE_CONSENT)
		p = vset_int(p, "against", s->cnt[VROW_AGAINST]);
	else {
		p = vset_int(p, "for", s->cnt[VROW_FOR]);
		p = vset_int(p, "against", s->cnt[VROW_AGAINST]);
		p = vset_int(p, "abstain", s->cnt[VROW_ABSTAIN]);
	}
	rc = vote_tally(app, p, s->recount ? N_("Recount recorded: #%lld") :
	    N_("Count recorded: #%lld"));
	free(p);
	if (rc != 0)
		return ACTION_ERROR;
	s = pane_vote_state(app);
	pane_vote_reset(s, 0);
	app_dirty(app, PANE_VOTE);
	return ACTION_REDRAW;
}

enum action_result
act_vote_unanimous(struct app *app, const char *arg)
{
	struct vote_pane	*s = pane_vote_state(app);
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	char			*p, *cause = NULL;
	int			 m = vote_open(app), rc;

	(void)arg;
	if (m < 0)
		return ACTION_ERROR;
	if (m == VOTE_ROLLCALL || m == VOTE_WRITTEN) {
		status_message(app, STATUS_WARN, _("Roll calls and written "
		    "votes record each member's answer"));
		return ACTION_ERROR;
	}
	if (vote_view_spec(&s->v, &spec, &cause) != 0) {
		status_message(app, STATUS_ERROR, _("Not recorded: %s"), cause);
		free(cause);
		return ACTION_ERROR;
	}
	memset(&c, 0, sizeof c);
	c.unanimous = 1;
	if (vote_compute(&spec, &c, &r, &cause) != 0) {
		status_message(app, STATUS_ERROR, _("Not recorded: %s"), cause);
		free(cause);
		return ACTION_ERROR;
	}
	p = json_put_str(xstrdup("{}"), "vote", s->v.id);
	p = vset_bool(p, "unanimous", 1);
	rc = vote_tally(app, p, N_("All in favour recorded: #%lld"));
	free(p);
	if (rc != 0)
		return ACTION_ERROR;
	pane_vote_reset(pane_vote_state(app), 0);
	app_dirty(app, PANE_VOTE);
	return ACTION_REDRAW;
}

enum action_result
act_vote_consent(struct app *app, const char *arg)
{
	struct vote_pane	*s = pane_vote_state(app);
	char			*p;
	int			 m = vote_open(app), rc;

	(void)arg;
	if (m < 0)
		return ACTION_ERROR;
	if (m != VOTE_CONSENT) {
		status_message(app, STATUS_WARN, _("No objection is for a vote "
		    "by objections (K calls one; for hands, u is all in favour)"));
		return ACTION_ERROR;
	}
	p = json_put_str(xstrdup("{}"), "vote", s->v.id);
	p = vset_int(p, "against", 0);
	rc = vote_tally(app, p, N_("No objection recorded: #%lld"));
	free(p);
	if (rc != 0)
		return ACTION_ERROR;
	pane_vote_reset(pane_vote_state(app), 0);
	app_dirty(app, PANE_VOTE);
	return ACTION_REDRAW;
}

enum action_result
act_vote_recount(struct app *app, const char *arg)
{
	struct vote_pane	*s = pane_vote_state(app);
	int			 m = vote_open(app);

	(void)arg;
	if (m < 0)
		return ACTION_ERROR;
	if (m == VOTE_WRITTEN) {
		status_message(app, STATUS_WARN, _("Record written answers "
		    "again member by member"));
		return ACTION_ERROR;
	}
	pane_vote_reset(s, 1);
	pane_vote_first(s);
	status_message(app, STATUS_INFO, _("Recount: count again, Enter "
	    "records it (the earlier count stays in the record)"));
	return vote_changed(app, s);
}

/* The decision that follows a vote, in the body's words for its kind. */
static const char *
vote_decision(const struct vote_view *v, enum vote_outcome o)
{
	if (o != VOTE_CARRIED)
		return "rejected";
	if (v->method != NULL && strcmp(v->method, "written") == 0)
		return "consented";
	if (v->item_kind != NULL && strcmp(v->item_kind, "report") == 0)
		return "noted";
	if (v->item_kind != NULL && strcmp(v->item_kind, "procedure") == 0)
		return "granted";
	return "approved";
}

static enum action_result
vote_finish(struct app *app, int override)
{
	struct vote_pane	*s = pane_vote_state(app);
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	enum vote_outcome	 o;
	char			*cause = NULL;
	int			 m = vote_open(app);

	if (m < 0)
		return ACTION_ERROR;
	if (s->pending || s->digits[0] != '\0') {
		status_message(app, STATUS_WARN, _("Counts not recorded yet "
		    "(Enter records them, Escape drops them)"));
		return ACTION_ERROR;
	}
	if (s->v.ntallies == 0) {
		status_message(app, STATUS_WARN, _("Nothing counted (count and "
		    "Enter, or u / o)"));
		return ACTION_ERROR;
	}
	if (pane_vote_compute(app, &spec, &c, &r, &cause) != 0) {
		status_message(app, STATUS_ERROR, _("Cannot close: %s"), cause);
		free(cause);
		return ACTION_ERROR;
	}
	o = r.outcome;
	if (override)
		o = o == VOTE_CARRIED ? VOTE_FAILED : VOTE_CARRIED;
	if ((override || (r.flags & VOTE_F_NO_QUORUM)) &&
	    s->confirm != (override ? 'D' : 'C')) {
		s->confirm = override ? 'D' : 'C';
		if (override)
			status_message(app, STATUS_WARN, _("Declaring \"%s\", "
			    "the reverse of the count: D again confirms"),
			    label_outcome(vote_outcome_name(o)));
		else
			status_message(app, STATUS_WARN, _("No quorum (%ld "
			    "present, %ld needed): C again confirms"), spec.present,
			    spec.quorum);
		app_dirty(app, PANE_VOTE);
		return ACTION_REDRAW;
	}
	s->fin_declared = override || s->confirm != 0 || app->view_chair;
	s->fin_override = override;
	s->fin_outcome = o;
	s->confirm = 0;
	app_dirty(app, PANE_VOTE);
	/* A tie the chair breaks: the casting vote first, as a tally. */
	if (!override && (r.flags & VOTE_F_TIE) && c.casting == VOTE_NONE &&
	    (spec.chair == VOTE_CHAIR_CASTING ||
	    spec.chair == VOTE_CHAIR_SECOND) && spec.chair_present)
		return prompt_open(app, VOTE_CASTING_Q, NULL, vote_casting_cb,
		    NULL, NULL);
	/* One short under chair=when_needed: the presiding vote first. */
	if (!override && (r.flags & VOTE_F_ONE_SHORT) &&
	    c.presiding == VOTE_NONE)
		return prompt_open(app, VOTE_PRESIDING_Q, NULL,
		    vote_presiding_cb, NULL, NULL);
	return prompt_open(app, VOTE_DECISION_Q, NULL, vote_decision_cb, NULL,
	    NULL);
}

/* vote.result and decision (with the words given, if any). */
static enum action_result
vote_finish_record(struct app *app, const char *text)
{
	struct vote_pane	*s = pane_vote_state(app);
	enum vote_outcome	 o = s->fin_outcome;
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	char			*p, *id, *item, *cause = NULL;
	int			 declared = s->fin_declared, rc;

	if (vote_open(app) < 0)
		return ACTION_NONE;	/* closed meanwhile */
	/*
	 * A count recorded meanwhile (another terminal, giji add) may have
	 * changed the result the chair saw when closing: then ask again.
	 */
	if (pane_vote_compute(app, &spec, &c, &r, &cause) != 0) {
		status_message(app, STATUS_ERROR, _("Cannot close: %s"), cause);
		free(cause);
		return ACTION_ERROR;
	}
	if (s->fin_override)
		r.outcome = r.outcome == VOTE_CARRIED ? VOTE_FAILED :
		    VOTE_CARRIED;
	if (r.outcome != o) {
		status_message(app, STATUS_WARN, _("The count changed (the "
		    "result is %s): C again closes the vote"),
		    label_outcome(vote_outcome_name(r.outcome)));
		app_dirty(app, PANE_VOTE);
		return ACTION_REDRAW;
	}
	id = xstrdup(s->v.id);
	item = xstrdup(s->v.item != NULL ? s->v.item : "");
	p = json_put_str(xstrdup("{}"), "vote", id);
	p = json_put_str(p, "outcome", vote_outcome_name(o));
	if (declared)
		p = vset_bool(p, "declared", 1);
	rc = app_append(app, "vote.result", p, NULL);
	free(p);
	if (rc == 0) {
		p = json_put_str(xstrdup("{}"), "item", item);
		p = json_put_str(p, "outcome", vote_decision(&s->v, o));
		p = json_put_str(p, "vote", id);
		p = json_put_str(p, "text", text != NULL && *text != '\0' ? text :
		    NULL);
		rc = app_append(app, "decision", p, NULL);
		free(p);
		if (rc == 0)
			status_message(app, STATUS_INFO, declared ?
			    _("Vote %s closed: %s (declared by the chair)") :
			    _("Vote %s closed: %s"), id,
			    label_outcome(vote_outcome_name(o)));
	}
	free(id);
	free(item);
	app_dirty(app, PANE_VOTE);
	/* A failed result keeps the question open (answer kept). */
	return rc == 0 ? ACTION_REDRAW : ACTION_ERROR;
}

/*
 * The casting vote (key casting) or the presiding member's (presiding):
 * the last tally again with it, which completes that count (no recount).
 */
static enum action_result
vote_complete_record(struct app *app, const char *key, enum vote_choice ch,
    const char *done)
{
	struct vote_pane	*s = pane_vote_state(app);
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	char			*p, *b, *cause = NULL;
	size_t			 i;
	int			 m = vote_open(app), rc;

	if (m < 0)
		return ACTION_NONE;
	p = json_put_str(xstrdup("{}"), "vote", s->v.id);
	if (m == VOTE_ROLLCALL) {
		b = xstrdup("{}");
		for (i = 0; i < s->v.nballots; i++)
			b = json_put_str(b, s->v.ballots[i].member,
			    s->v.ballots[i].choice);
		p = vset_raw(p, "ballots", b);
		free(b);
	} else if (m == VOTE_WRITTEN)
		p = vset_raw(p, "ballots", "{}");	/* the earlier carry */
	else {
		p = vset_int(p, "for", s->v.n_for);
		p = vset_int(p, "against", s->v.n_against);
		p = vset_int(p, "abstain", s->v.n_abstain);
	}
	p = json_put_str(p, key, vote_choice_name(ch));
	rc = vote_tally(app, p, done);
	free(p);
	if (rc != 0)
		return ACTION_ERROR;
	s = pane_vote_state(app);
	pane_vote_reset(s, 0);
	/* The result with it, as vote.c counts it (a presiding yes need
	 * not carry: it is a vote cast). */
	if (pane_vote_compute(app, &spec, &c, &r, &cause) == 0)
		s->fin_outcome = r.outcome;
	free(cause);
	app_dirty(app, PANE_VOTE);
	return prompt_open(app, VOTE_DECISION_Q, NULL, vote_decision_cb, NULL,
	    NULL);
}

static enum action_result
vote_casting_record(struct app *app, enum vote_choice ch)
{
	return vote_complete_record(app, "casting", ch, ch == VOTE_YES ?
	    N_("Casting vote (yes) recorded: #%lld") :
	    N_("Casting vote (no) recorded: #%lld"));
}

static enum action_result
vote_presiding_record(struct app *app, enum vote_choice ch)
{
	return vote_complete_record(app, "presiding", ch, ch == VOTE_YES ?
	    N_("Presiding vote (yes) recorded: #%lld") :
	    N_("Presiding vote (no) recorded: #%lld"));
}

/* A deadline as typed: ISO 8601, a space for T, a bare date is 23:59. */
static char *
vote_deadline(struct app *app, const char *text)
{
	char	*s, *iso = NULL, *sp;
	int64_t	 t;

	if (strlen(text) == 10)
		s = xasprintf("%sT23:59", text);
	else
		s = xstrdup(text);
	if ((sp = strchr(s, ' ')) != NULL)
		*sp = 'T';
	if (clock_parse(s, app->m.tz, &t) == 0)
		iso = clock_iso(t, app->m.tz);
	free(s);
	return iso;
}

static enum action_result
vote_deadline_cb(struct app *app, const char *text, void *data)
{
	enum action_result	 r;
	char			*iso;

	if (*text == '\0')
		return vote_call_record(app, data, NULL);
	if ((iso = vote_deadline(app, text)) == NULL) {
		status_message(app, STATUS_WARN, _("Cannot read the deadline: "
		    "%s (write it as 2024-07-01T17:00)"), text);
		return ACTION_ERROR;
	}
	r = vote_call_record(app, data, iso);
	free(iso);
	return r;
}

static enum action_result
vote_number_cb(struct app *app, const char *text, void *data)
{
	struct vote_pane	*s = pane_vote_state(app);

	(void)data;
	if (s->call_method == VOTE_WRITTEN)
		return prompt_open(app, _("The written vote's deadline — as "
		    "2024-07-01T17:00, then Enter (empty: none)"), NULL,
		    vote_deadline_cb, *text != '\0' ? xstrdup(text) : NULL,
		    free);
	return vote_call_record(app, *text != '\0' ? text : NULL, NULL);
}

static enum action_result
vote_ask_number(struct app *app)
{
	return prompt_open(app, _("Vote — the motion's number as printed "
	    "(No. 12, 議案第12号), then Enter (empty: none)"), NULL,
	    vote_number_cb, NULL, NULL);
}

/* A member picked, or a name typed, or nobody (NULL). */
static char *
vote_picked(const char *id, const char *text)
{
	return id != NULL ? xstrdup(id) : text != NULL ? xstrdup(text) : NULL;
}

static enum action_result
vote_candidate_cb(struct app *app, const char *id, const char *text,
    void *data)
{
	struct vote_pane	*s = pane_vote_state(app);

	(void)data;
	free(s->call_candidate);
	s->call_candidate = vote_picked(id, text);
	return vote_ask_number(app);
}

static enum action_result vote_ask_candidate(struct app *);

static enum action_result
vote_seconded_cb(struct app *app, const char *id, const char *text,
    void *data)
{
	struct vote_pane	*s = pane_vote_state(app);

	(void)text;
	(void)data;
	if (id != NULL && s->call_moved != NULL &&
	    strcmp(id, s->call_moved) == 0) {
		status_message(app, STATUS_WARN, _("%s moved the motion: the "
		    "seconder is another member (or nobody)"),
		    model_speaker_label(&app->m, id));
		return ACTION_ERROR;
	}
	free(s->call_seconded);
	s->call_seconded = vote_picked(id, NULL);
	return vote_ask_candidate(app);
}

/* An election asks its candidate; then the number. */
static enum action_result
vote_ask_candidate(struct app *app)
{
	struct vote_pane	*s = pane_vote_state(app);
	int			 i;

	i = model_item(&app->m, s->call_item);
	if (i >= 0 && app->m.items[i].kind != NULL &&
	    strcmp(app->m.items[i].kind, "election") == 0) {
		pane_picker_choose(app, _("Election — the candidate: a digit "
		    "or search; a name not on the roster: type it, Enter; "
		    "Escape calls no vote"), PICK_NOBODY | PICK_TEXT, NULL,
		    vote_candidate_cb, NULL, NULL);
		return ACTION_REDRAW_ALL;
	}
	return vote_ask_number(app);
}

static enum action_result
vote_moved_cb(struct app *app, const char *id, const char *text,
    void *data)
{
	struct vote_pane	*s = pane_vote_state(app);

	(void)text;
	(void)data;
	free(s->call_moved);
	s->call_moved = vote_picked(id, NULL);
	if (id == NULL)		/* nobody moved it: nobody seconded it */
		return vote_ask_candidate(app);
	pane_picker_choose_but(app, _("Vote — seconded by? A digit, search, "
	    "Enter (first row: nobody); Escape calls no vote"),
	    PICK_MEMBERS | PICK_HERE | PICK_NOBODY, id, NULL,
	    vote_seconded_cb, NULL, NULL);
	return ACTION_REDRAW_ALL;
}

static enum action_result
vote_motion_cb(struct app *app, const char *text, void *data)
{
	struct vote_pane	*s = pane_vote_state(app);

	(void)data;
	if (*text == '\0') {
		status_message(app, STATUS_WARN, _("The motion is empty"));
		return ACTION_ERROR;
	}
	free(s->call_motion);
	s->call_motion = xstrdup(text);
	pane_picker_choose(app, _("Vote — moved by? A digit, search, Enter "
	    "(first row: nobody); Escape calls no vote"),
	    PICK_MEMBERS | PICK_HERE | PICK_NOBODY, NULL, vote_moved_cb, NULL,
	    NULL);
	return ACTION_REDRAW_ALL;
}

static enum action_result
vote_casting_cb(struct app *app, const char *text, void *data)
{
	(void)data;
	if (strcmp(text, "y") == 0 || strcmp(text, "yes") == 0 ||
	    strcmp(text, "可") == 0)
		return vote_casting_record(app, VOTE_YES);
	if (strcmp(text, "n") == 0 || strcmp(text, "no") == 0 ||
	    strcmp(text, "否") == 0)
		return vote_casting_record(app, VOTE_NO);
	status_message(app, STATUS_WARN, _("Answer y (yes) or n (no)"));
	return ACTION_ERROR;
}

static enum action_result
vote_presiding_cb(struct app *app, const char *text, void *data)
{
	(void)data;
	if (*text == '\0')	/* the presiding member does not vote */
		return prompt_open(app, VOTE_DECISION_Q, NULL,
		    vote_decision_cb, NULL, NULL);
	if (strcmp(text, "y") == 0 || strcmp(text, "yes") == 0 ||
	    strcmp(text, "可") == 0)
		return vote_presiding_record(app, VOTE_YES);
	if (strcmp(text, "n") == 0 || strcmp(text, "no") == 0 ||
	    strcmp(text, "否") == 0)
		return vote_presiding_record(app, VOTE_NO);
	status_message(app, STATUS_WARN, _("Answer y (yes) or n (no)"));
	return ACTION_ERROR;
}

static enum action_result
vote_decision_cb(struct app *app, const char *text, void *data)
{
	(void)data;
	return vote_finish_record(app, text);
}

enum action_result
act_vote_close(struct app *app, const char *arg)
{
	(void)arg;
	return vote_finish(app, 0);
}

enum action_result
act_vote_override(struct app *app, const char *arg)
{
	(void)arg;
	return vote_finish(app, 1);
}

enum action_result
act_vote_cancel(struct app *app, const char *arg)
{
	struct vote_pane	*s = pane_vote_state(app);

	(void)arg;
	if (s->pending || s->digits[0] != '\0' || s->confirm) {
		pane_vote_reset(s, 0);
		pane_vote_first(s);
		status_message(app, STATUS_INFO, _("Dropped (back to the "
		    "recorded counts)"));
		app_dirty(app, PANE_VOTE);
		return ACTION_REDRAW;
	}
	if (app->view_chair)
		return ACTION_NONE;
	app_focus(app, PANE_INPUT);
	return ACTION_REDRAW_ALL;
}

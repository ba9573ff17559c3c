/* SPDX-License-Identifier: ISC */
/*
 * The vote pane's state, shared by its drawing (pane-vote.c) and the vote
 * actions (actions-vote.c). The committed vote comes from the log
 * (core/vote-query.h) and is reloaded after every vote, attendance or
 * roster event, ours or another terminal's. What the chair is counting
 * but has not committed yet (counts being raised, a roll call being
 * taken, digits being typed) is local to this terminal until Enter
 * records it as one vote.tally.
 */
#ifndef GIJI_PANE_VOTE_H
#define GIJI_PANE_VOTE_H

#include "app.h"
#include "vote-query.h"

enum vote_row {
	VROW_FOR,
	VROW_AGAINST,
	VROW_ABSTAIN,
	VROW_COUNT
};

struct vote_pane {
	struct vote_view	 v;
	char			*error;		/* loading failed: why */

	/* Counting in progress, not yet recorded. */
	int			 pending;	/* differs from the log */
	int			 recount;	/* pending is a recount */
	long			 cnt[VROW_COUNT];
	int			 sel;		/* count row or member index */
	char			 digits[8];	/* a number being typed */
	enum vote_choice	*choice;	/* roll call: per member */
	size_t			 nchoice;

	/* Closing without quorum, or overriding: asked once, then done. */
	int			 confirm;	/* the action waiting: 'C' 'D' */

	/* Questions being answered in the input pane (prompt.c). */
	enum vote_method	 call_method;	/* the vote being called */
	char			*call_item;	/* its agenda item id */
	char			*call_motion;	/* the motion as answered */
	char			*call_moved;	/* who moved it, or NULL */
	char			*call_seconded;	/* who seconded it, or NULL */
	char			*call_candidate; /* an election's candidate */
	enum vote_outcome	 fin_outcome;	/* closing: the result seen */
	int			 fin_override;	/* closing: D, the reverse */
	int			 fin_declared;	/* closing: the chair declared */
};

/* The pane's state (the pane is always there). */
struct vote_pane *pane_vote_state(struct app *);
/* Reload the committed vote; keep what is pending when it still fits. */
void	 pane_vote_reload(struct app *);
/* Pending from the log again, or (recount) from nothing. */
void	 pane_vote_reset(struct vote_pane *, int recount);
/* Select the first row or member to count. */
void	 pane_vote_first(struct vote_pane *);
/*
 * The counts shown: what is pending, or the committed tally or ballots.
 * Returns 0 with the spec, counts and result, or -1 with a cause: counts
 * vote.c refuses are shown instead of a result and never recorded.
 */
int	 pane_vote_compute(struct app *, struct vote_spec *,
	     struct vote_counts *, struct vote_result *, char **cause);
/* The method of the current open vote, or -1 (none, or closed). */
int	 pane_vote_open_method(struct app *);

/* Handlers named by action-table.c (actions-vote.c). */
#define VACT(x) enum action_result act_vote_##x(struct app *, const char *)
VACT(focus); VACT(call_hands); VACT(call_rollcall); VACT(call_consent);
VACT(call_unanimous); VACT(call_written);
VACT(yes); VACT(no); VACT(abstain); VACT(not_voting); VACT(absent);
VACT(yes_dec); VACT(no_dec); VACT(abstain_dec);
VACT(inc); VACT(dec); VACT(up); VACT(down);
VACT(commit); VACT(unanimous); VACT(consent); VACT(recount);
VACT(close); VACT(override); VACT(cancel);
#undef VACT

#endif

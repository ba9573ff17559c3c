/* SPDX-License-Identifier: ISC */
/*
 * The current vote of a meeting, read from the log without folding it:
 * the body's options (meta.set seats, quorum, rule, abstain, chair), the
 * voting members with their attendance, and the last vote.call with its
 * tallies, result and decision. Each reading goes through the (type, seq)
 * index one event type at a time, so its cost grows with the number of
 * structural and vote events, never with the proceedings. The vote pane
 * reloads it after every vote, attendance or roster event.
 *
 * A struct vote_view owns every string it points to (vote_view_clear).
 * Every event read is corrected as core/fold.c corrects it for the
 * minutes: its amends JSON-merged in seq order, retracted events skipped,
 * a correction with a lower seq than its target ignored.
 */
#ifndef GIJI_VOTE_QUERY_H
#define GIJI_VOTE_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "log.h"
#include "vote.h"
#include "vote-report.h"

/*
 * A voting member (kind member, chair or vice) or a presiding member who
 * holds no seat (kind presiding), in roster order.
 */
struct vote_view_member {
	char		*id;
	char		*name;
	char		*role;
	int		 chair;		/* kind chair */
	int		 presiding;	/* kind presiding: no seat, no ballot */
	int		 present_now;	/* attendance at the end of the log */
	int		 in_room_now;	/* and not by a paper (written, proxy) */
	int		 present_call;	/* attendance at the vote.call */
	int		 withdrawn;	/* interest withdraws on the item */
};

struct vote_view_ballot {
	char		*member;
	char		*choice;	/* yes / no / abstain / not_voting / absent */
	int64_t		 ts;		/* when it arrived, UTC µs */
	int		 late;		/* written: after the deadline */
};

struct vote_view {
	/* The meeting. */
	long			 seats;		/* 0: unknown */
	char			*quorum;	/* meta quorum as text, or NULL */
	char			*rule;		/* meta rule, or NULL */
	char			*abstain;	/* meta abstain, or NULL */
	char			*chair;		/* meta chair, or NULL */
	char			*tz;		/* meta tz, or NULL */
	struct vote_view_member	*members;
	size_t			 nmembers;
	/* The members by id (vote_view_member): indexes + 1, 0 empty. */
	size_t			*mindex;
	size_t			 mindex_cap;
	/* vote_view_load's alone (vote_view_load_vote leaves them 0, NULL). */
	size_t			 ncalls;	/* vote.call events so far */
	char			*next_id;	/* an unused vote id: v1, v2 … */

	/* The last vote.call; id is NULL when there is none. */
	char			*id;
	char			*item;
	char			*item_title;
	char			*item_kind;	/* agenda.add kind, or NULL */
	char			*motion;
	char			*method;
	char			*vrule;		/* vote.call rule, or NULL */
	long			 needed;	/* vote.call needed; 0: none */
	long			 voters;	/* vote.call voters; 0: none */
	int64_t			 call_seq;
	int64_t			 call_ts;
	int64_t			 deadline;	/* written, 0: none */

	/* Its last tally (a recount supersedes); written ballots merged. */
	size_t			 ntallies;
	int64_t			 tally_seq;
	int64_t			 tally_ts;
	int			 has_counts;
	long			 n_for;
	long			 n_against;
	long			 n_abstain;
	int			 unanimous;
	char			*casting;	/* yes / no, or NULL */
	char			*presiding;	/* yes / no, or NULL */
	struct vote_view_ballot	*ballots;
	size_t			 nballots;

	/* Its vote.result and decision, when recorded. */
	char			*outcome;
	int			 declared;
	int64_t			 result_seq;
	char			*decision;
};

int	 vote_view_load(struct log *, struct vote_view *, char **cause);
/*
 * The same for the vote with this id (NULL: the last called), reading
 * only the events before seq before (0: all of them): the vote as it
 * stood when an event at that seq was recorded.
 */
int	 vote_view_load_vote(struct log *, const char *id, int64_t before,
	     struct vote_view *, char **cause);
void	 vote_view_clear(struct vote_view *);

/*
 * Voting members present (not a presiding member without a seat, not a
 * member who withdrew from the item): at the vote.call (at the end before
 * any). chair_present: the presiding member is in the room.
 */
long	 vote_view_present(const struct vote_view *, int at_call,
	     int *chair_present);
int	 vote_view_member(const struct vote_view *, const char *id);

/* What this terminal is counting and has not recorded yet. */
struct vote_view_pending {
	int				 counts;	/* n_for … below */
	long				 n_for, n_against, n_abstain;
	const struct vote_view_ballot	*ballots;	/* a roll call */
	size_t				 nballots;
};

/*
 * The report of the current vote (or, with no vote called, of a show of
 * hands now) through vote_report_compute(), as the minutes count it: on
 * its last tally, or on what is pending (no casting vote yet).
 */
void	 vote_view_report(const struct vote_view *,
	     const struct vote_view_pending *, struct vote_report *);

/*
 * The spec alone (the meeting's options, who presides and is present).
 * Returns 0, or -1 with a cause for an option vote.c cannot parse.
 */
int	 vote_view_spec(const struct vote_view *, struct vote_spec *,
	     char **cause);

/*
 * What the rules of votes refuse in an event about to be recorded after
 * seq before - 1 (0: at the end of the log), at time ts (a written
 * ballot's lateness; INT64_MIN: now): a vote.tally whose counts
 * vote.c refuses (more votes than voters, a casting or presiding vote out
 * of place …), a vote.call or an arrival that leaves more voting members
 * present than the body has seats. Returns 0 when the event is sound, 1
 * with a cause naming the problem, -1 with a cause on a read error.
 */
int	 vote_view_check(struct log *, enum event_type, const char *payload,
	     int64_t before, int64_t ts, char **cause);

/*
 * The counts of one vote.tally event as it stood when it was recorded:
 * its counts, or its ballots counted (a written vote's earlier tallies'
 * ballots included, as core/fold.c carries them; late answers in late),
 * with its casting vote. Reads the vote's vote.call and tallies up to
 * tally->seq only, as recorded: retracted ones are skipped, amends are
 * not applied. Returns 0, or -1 with a cause.
 */
int	 vote_tally_counts(struct log *, const struct event *tally,
	     struct vote_counts *, char **cause);

#endif

/* SPDX-License-Identifier: ISC */
/*
 * A vote's result as every screen and file states it: the one place where
 * what the log records about a vote (the meeting's options, the roster
 * and who was present at the call, the call, its last tally, the chair's
 * declaration) becomes a struct vote_spec and struct vote_counts for
 * vote_compute(), and where the computed result meets the declared one.
 *
 * Two readers feed it, through a struct vote_input: the fold, for the
 * minutes, giji stats and the exports (meeting_vote_report), and the log
 * read type by type, for the vote pane and for validation, which never
 * fold the whole meeting (core/vote-query.c). Both describe the same
 * facts, so each vote is counted once, by vote_report_compute().
 */
#ifndef GIJI_VOTE_REPORT_H
#define GIJI_VOTE_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "vote.h"

struct meeting;
struct vote;

/* A participant as the vote sees it. */
enum vote_input_role {
	VIR_OTHER,	/* staff, group, observer: no vote */
	VIR_MEMBER,	/* member, vice */
	VIR_CHAIR,	/* chair: presides, holds a seat */
	VIR_PRESIDING	/* presiding: presides, holds no seat */
};

struct vote_input_member {
	const char		*id;
	enum vote_input_role	 role;
	int			 present;	/* at the call (remote: yes) */
	int			 withdrawn;	/* interest withdraws on the item */
};

/* Everything is borrowed; NULL strings are "not recorded". */
struct vote_input {
	/* The meeting: meta.set, as recorded. */
	long				 seats;		/* 0: unknown */
	const char			*quorum;
	const char			*rule;
	const char			*abstain;
	const char			*chair;
	const struct vote_input_member	*members;
	size_t				 nmembers;

	/* The vote.call. */
	const char			*id;
	const char			*method;
	const char			*vrule;		/* NULL: the meeting's */
	long				 needed;	/* 0: the rule's */
	long				 voters;	/* counted; 0: the roster's */
	int64_t				 deadline;	/* 0: none */

	/* The tally counted: the last, or one being taken. */
	int				 has_tally;
	int				 has_counts;
	long				 n_for, n_against, n_abstain;
	int				 unanimous;
	const struct vote_ballot	*ballots;
	size_t				 nballots;
	const char			*casting;	/* yes / no */
	const char			*presiding;	/* yes / no */

	/* The vote.result, when recorded. */
	const char			*outcome;	/* carried / failed */
	int				 declared;	/* by the chair */
};

/*
 * The report. When computed is 1, spec and result hold what vote.c
 * worked out (result.counts are the members' votes; counts.casting and
 * counts.presiding the chair's, flags VOTE_F_*). When computed is 0,
 * cause says why (an unknown rule, a count the rules refuse), or is NULL
 * when there is no tally yet.
 *
 * outcome is the vote's outcome as the record stands: the recorded
 * vote.result when there is one, else the computed one; known is 0 when
 * there is neither. differs is 1 when a recorded result disagrees with
 * the computed one (declared by the chair, or recorded before a
 * correction), and check then says how, in vote_check_declared()'s words.
 */
struct vote_report {
	struct vote_spec	 spec;		/* spec.id borrowed */
	int			 spec_ok;	/* its options parsed */
	struct vote_result	 result;
	int			 computed;
	char			*cause;

	int			 has_tally;
	int			 recorded;	/* a vote.result exists */
	enum vote_outcome	 recorded_outcome;
	int			 declared;	/* ... declared by the chair */
	int			 differs;
	char			*check;

	int			 known;
	enum vote_outcome	 outcome;

	/* Who presides: an index into vote_input.members (for a folded
	 * meeting, into its members), or -1. */
	int			 presiding;
};

/* Work out the report from a vote_input; free it with vote_report_clear. */
void	 vote_report_compute(const struct vote_input *, struct vote_report *);
void	 vote_report_clear(struct vote_report *);

/*
 * The report of vote v of a folded meeting, on its last tally (or on
 * tally ti with meeting_tally_report: an earlier count, for an export of
 * each count). This is the function the minutes, giji stats and the
 * exports call.
 */
/*
 * giji verify --strict's judge of decisions and results (the judge of
 * log_check_strict): a meeting folded once; vote_judge_event returns
 * NULL or the problem of a decision or vote.result event, its payload pl
 * as corrected. NULL from vote_judge_new with a cause when the log cannot
 * be folded.
 */
struct log;
struct event;
struct vote_judge;
struct vote_judge *vote_judge_new(struct log *, char **cause);
char	*vote_judge_event(void *, const struct event *, const char *pl);
void	 vote_judge_free(struct vote_judge **);

void	 meeting_vote_report(const struct meeting *, const struct vote *,
	     struct vote_report *);
void	 meeting_tally_report(const struct meeting *, const struct vote *,
	     size_t ti, struct vote_report *);

/*
 * The result in words, the same on every screen and in every file that
 * is not the minutes (whose styles word it in their house form): 可決,
 * 可否同数のため、会長が可と決した（可決）, "the votes being equal, the
 * chair gave a casting vote in favour; carried", a quorum failure
 * (定足数不足（出席10名、定足数11名）), a presiding vote, and a declared
 * outcome that differs. Short enough for the vote pane of an 80-column
 * terminal. en: English.
 * role: the presiding member's role as recorded (会長, Mayor), NULL for
 * 議長 / chair. NULL when nothing is known (no count, no result).
 */
char	*vote_report_words(const struct vote_report *, int en,
	     const char *role);
/* The same, with the role of the meeting's presiding member. */
char	*meeting_vote_words(const struct meeting *, const struct vote_report *,
	     int en);

/*
 * The first tally that is a count of its own: 0, but the last of a
 * written vote, whose tallies are answers adding their ballots. The
 * minutes, giji stats and the exports pass over the tallies before it.
 */
size_t	 meeting_vote_first_count(const struct vote *);

/*
 * How many recounts a vote had: its tallies from the first count, less
 * the first, less those that only complete the one before with a casting
 * or presiding vote.
 */
size_t	 meeting_vote_recounts(const struct vote *);

#endif

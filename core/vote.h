/* SPDX-License-Identifier: ISC */
/*
 * Votes and quorum: the arithmetic of one vote, with no I/O. Given how the
 * vote was taken (the method), what carries it (the rule and its options),
 * the counts or the ballots, the seats and who is present, it works out
 * quorum, the votes cast, how many are needed and the outcome.
 *
 * The caller owns everything: a struct vote_spec and a struct vote_counts
 * describe one vote, a struct vote_result receives the answer. Nothing here
 * allocates except a cause on failure, which the caller frees.
 *
 * A recount is a later vote.tally of the same vote: pass the last tally
 * only. The chair may declare an outcome; vote_check_declared() compares it
 * with the computed one, and both stay in the log. The sentences of the
 * minutes belong to the minutes compiler (see docs/votes.md).
 *
 * Typical use, for the vote pane after each keystroke or the minutes:
 *
 *	spec.quorum = vote_quorum_needed(seats, quorum_from_meta);
 *	if (vote_tally_ballots(&spec, b, n, fn, arg, &counts, &cause) != 0 ||
 *	    vote_compute(&spec, &counts, &result, &cause) != 0)
 *		... show cause, free(cause) ...
 */
#ifndef GIJI_VOTE_H
#define GIJI_VOTE_H

#include <stddef.h>
#include <stdint.h>

/* How the vote was taken: vote.call "method". */
enum vote_method {
	VOTE_HANDS,		/* "hands": show of hands, counted */
	VOTE_UNANIMOUS,		/* "unanimous": all in favour */
	VOTE_CONSENT,		/* "consent": no objection */
	VOTE_ROLLCALL,		/* "rollcall": a ballot per member */
	VOTE_WRITTEN		/* "written": ballots until a deadline */
};

/*
 * The largest count, member number or seat number the rules take (the
 * votes needed are worked out in 64 bits: base * 5 + 4 fits).
 */
#define VOTE_MAX	1000000000L

/* What carries a motion: meta.set or vote.call "rule". */
enum vote_rule {
	VOTE_MAJORITY,		/* "majority": yes*2 > cast */
	VOTE_MAJORITY_PRESENT,	/* "majority_present": yes*2 > voters */
	VOTE_MAJORITY_SEATS,	/* "majority_seats": yes*2 > seats */
	VOTE_TWO_THIRDS,	/* "two_thirds": yes*3 >= cast*2 */
	VOTE_TWO_THIRDS_PRESENT, /* "two_thirds_present": yes*3 >= voters*2 */
	VOTE_TWO_THIRDS_SEATS,	/* "two_thirds_seats": yes*3 >= seats*2 */
	VOTE_THREE_QUARTERS,	/* "three_quarters": yes*4 >= cast*3 */
	VOTE_THREE_QUARTERS_PRESENT, /* "three_quarters_present" */
	VOTE_THREE_QUARTERS_SEATS, /* "three_quarters_seats": yes*4 >= seats*3 */
	VOTE_FOUR_FIFTHS,	/* "four_fifths": yes*5 >= cast*4 */
	VOTE_FOUR_FIFTHS_PRESENT, /* "four_fifths_present" */
	VOTE_FOUR_FIFTHS_SEATS,	/* "four_fifths_seats": yes*5 >= seats*4 */
	VOTE_UNANIMITY		/* "unanimity": yes == cast, at least one */
};

/* Whether abstentions are votes cast: meta "abstain". */
enum vote_abstain {
	VOTE_ABSTAIN_NOT_CAST,	/* "not_cast" (default) */
	VOTE_ABSTAIN_CAST	/* "cast": an abstention weighs as a no */
};

/* What the presiding member does: meta "chair". */
enum vote_chair {
	VOTE_CHAIR_CASTING,	/* "casting" (default): no vote, breaks ties */
	VOTE_CHAIR_VOTES,	/* "votes": votes as a member, no casting */
	VOTE_CHAIR_SECOND,	/* "second": votes as a member, and
				   breaks a tie with a second vote */
	VOTE_CHAIR_WHEN_NEEDED	/* "when_needed": votes only when the
				   members' votes fall one short */
};

/* A member's ballot, or the chair's casting vote. */
enum vote_choice {
	VOTE_NONE,		/* no casting vote (not a ballot value) */
	VOTE_YES,		/* "yes" */
	VOTE_NO,		/* "no" */
	VOTE_ABSTAIN,		/* "abstain" */
	VOTE_NOT_VOTING,	/* "not_voting": present, takes no part */
	VOTE_ABSENT		/* "absent" */
};

enum vote_outcome {
	VOTE_FAILED,		/* "failed" */
	VOTE_CARRIED		/* "carried" */
};

/* vote_quorum_parse() of "majority": more than half of the seats. */
#define VOTE_QUORUM_MAJORITY (-1L)

/*
 * One vote as called. present counts the voting members in the room at the
 * moment of the vote, the chair included (fold: meeting_present_at()); for
 * a written vote, the members taking part, normally all the seats. The
 * voters are present less the chair when the chair only has a casting
 * vote (or votes only when needed) and is present; the *_present rules
 * divide the voters.
 *
 * The presiding member is the chair, or a member of kind presiding who
 * holds no seat (chair_seatless: a mayor presiding over a council). A
 * seatless presiding member is never in present, never a voter, and
 * counts toward neither the seats nor the quorum; chair_present still
 * says whether it is in the room to give a casting or presiding vote.
 */
struct vote_spec {
	const char		*id;	/* for messages; NULL: none */
	enum vote_method	 method;
	enum vote_rule		 rule;
	enum vote_abstain	 abstain;
	enum vote_chair		 chair;
	int			 chair_present;	/* the presiding member */
	int			 chair_seatless; /* presides, holds no seat */
	long			 seats;		/* 0: unknown */
	long			 present;
	int			 counted;	/* present is vote.call voters */
	long			 quorum;	/* members needed; 0: none */
	long			 needed;	/* fixed by law (vote.call
						   needed); 0: the rule's */
	int64_t			 deadline;	/* written, UTC us; 0: none */
};

/*
 * A tally: the counts of a vote.tally, or vote_tally_ballots() of its
 * ballots. For consent, no counts the objections. unanimous marks a tally
 * recorded as all in favour without counts (vote.tally unanimous: true):
 * yes becomes the voters. casting is the chair's casting vote on a tie,
 * VOTE_YES or VOTE_NO, and VOTE_NONE until the chair gives it; presiding
 * is the presiding member's vote under chair=when_needed, given only when
 * the members' votes alone fall one short of the votes needed.
 */
struct vote_counts {
	long			 yes;
	long			 no;
	long			 abstain;
	long			 not_voting;	/* roll call: present */
	long			 absent;	/* roll call: marked absent */
	long			 late;		/* written: past deadline */
	int			 unanimous;
	enum vote_choice	 casting;
	enum vote_choice	 presiding;
};

#define VOTE_F_TIE		0x1u	/* yes*2 == base, a majority rule */
#define VOTE_F_CASTING		0x2u	/* the casting vote decided the tie */
#define VOTE_F_NO_QUORUM	0x4u	/* present < quorum, so failed */
#define VOTE_F_UNANIMOUS	0x8u	/* every voter voted yes */
#define VOTE_F_PRESIDING	0x10u	/* the presiding vote was counted */
#define VOTE_F_ONE_SHORT	0x20u	/* when_needed: one short, the
					   presiding member may vote */

/*
 * The result. counts are the members' votes: without the casting vote
 * and without the presiding vote (counts.casting and counts.presiding say
 * what they were). cast and needed are final: a presiding vote is a vote
 * cast, so under a rule that divides the votes cast it moves both.
 */
struct vote_result {
	struct vote_counts	 counts;	/* the members' votes */
	long			 present;
	long			 voters;
	long			 quorum;	/* members needed; 0: none */
	long			 cast;		/* yes + no (+ abstain) */
	long			 base;		/* cast, voters or seats */
	long			 needed;	/* yes votes needed to carry */
	enum vote_outcome	 outcome;
	unsigned		 flags;		/* VOTE_F_* */
};

/*
 * Compute the result. Returns 0, or -1 with a cause when the counts cannot
 * be: negative, more votes than voters, unanimous with votes against, a
 * casting vote with no tie or when the chair votes, a presiding vote when
 * the members are not one short or the chair option is not when_needed,
 * a rule on the seats without the seats; the result is then zeroed. A
 * vote without quorum fails with VOTE_F_NO_QUORUM. Nothing is kept
 * between calls: the vote pane may recompute at every keystroke.
 */
int		 vote_compute(const struct vote_spec *,
		     const struct vote_counts *, struct vote_result *,
		     char **cause);

/* A ballot of a roll call or a written vote (fold: struct ballot). */
struct vote_ballot {
	const char	*member;
	const char	*choice;	/* a vote_choice_name() */
	int64_t		 ts;		/* when it arrived, UTC us */
};

/* Who a member id is, as a vote_member_fn tells vote_tally_ballots(). */
enum vote_member {
	VOTE_NOT_MEMBER,	/* refused: not a voting member */
	VOTE_MEMBER,
	VOTE_MEMBER_CHAIR,	/* the presiding member, holding a seat */
	VOTE_MEMBER_SEATLESS,	/* the presiding member, holding no seat */
	VOTE_MEMBER_WITHDRAWN	/* withdrew for the item (interest) */
};
typedef enum vote_member (*vote_member_fn)(const char *member, void *arg);

/*
 * Count ballots into counts (casting VOTE_NONE, unanimous 0). member_fn,
 * when not NULL, says who may vote. A written ballot after spec->deadline
 * counts as late and nowhere else. Returns -1 with a cause for a ballot by
 * a non-member, a second ballot by a member, an unknown choice, a ballot
 * without a time when there is a deadline, the chair voting under
 * chair=casting or when_needed, or yes, no or abstain from a seatless
 * presiding member or a member who withdrew (their not_voting and absent
 * count nowhere: they are not present for the vote).
 */
int		 vote_tally_ballots(const struct vote_spec *,
		     const struct vote_ballot *, size_t,
		     vote_member_fn member_fn, void *arg,
		     struct vote_counts *, char **cause);
/* Whether a ballot of a written vote arrived after the deadline. */
int		 vote_ballot_late(const struct vote_spec *,
		     const struct vote_ballot *);

/*
 * Compare a declared outcome ("carried" / "failed", from vote.result) with
 * the computed one. Returns 0 when they agree, 1 when they differ (cause
 * says how), -1 when declared is not an outcome (cause).
 */
int		 vote_check_declared(const struct vote_spec *,
		     const struct vote_result *, const char *declared,
		     char **cause);

/*
 * Quorum: meta "quorum" is a number of members or "majority" (also NULL or
 * "", the default), which parses to VOTE_QUORUM_MAJORITY. The number needed
 * is seats/2+1 for majority, 0 (no check) when the seats are unknown.
 */
int		 vote_quorum_parse(const char *, long *, char **cause);
long		 vote_quorum_needed(long seats, long quorum);

/*
 * Names as written in the log, and back. A parser returns 0, or -1 with a
 * cause listing the valid names. NULL or "" parses to the default for rule
 * (majority), abstain (not_cast) and chair (casting); method, choice and
 * outcome have none. The name of a value out of range is "unknown".
 */
const char	*vote_method_name(enum vote_method);
int		 vote_method_parse(const char *, enum vote_method *, char **);
/* A method's name (hands …) as a short Japanese word (挙手 …); an unknown
 * name as it is, NULL for NULL. */
const char	*vote_method_word(const char *);
const char	*vote_rule_name(enum vote_rule);
int		 vote_rule_parse(const char *, enum vote_rule *, char **);
const char	*vote_abstain_name(enum vote_abstain);
int		 vote_abstain_parse(const char *, enum vote_abstain *, char **);
const char	*vote_chair_name(enum vote_chair);
int		 vote_chair_parse(const char *, enum vote_chair *, char **);
const char	*vote_choice_name(enum vote_choice);
int		 vote_choice_parse(const char *, enum vote_choice *, char **);
const char	*vote_outcome_name(enum vote_outcome);
int		 vote_outcome_parse(const char *, enum vote_outcome *, char **);

#endif

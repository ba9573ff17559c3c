/* SPDX-License-Identifier: ISC */
/*
 * The fold: replays a meeting's log into its state — meta, roster and
 * attendance, agenda, proceedings, votes, decisions, signers — with
 * amendments applied, retractions and redactions marked (by the rule of
 * core/correct.h). The minutes, the exports and giji stats read it; the
 * terminal keeps its own live model (core/model.h), folded by the same
 * rules one event at a time. A struct meeting owns everything it points
 * to (meeting_free).
 *
 * Every event other than meta.set, member.add, agenda.add, amend,
 * retract and redact becomes an entry in log order, tagged with the
 * agenda item open when it was recorded (or the item it names). Votes,
 * decisions, signers, materials, reactions, interests and actions are
 * also gathered in arrays of their own, each pointing at its entry.
 */
#ifndef GIJI_FOLD_H
#define GIJI_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "correct.h"
#include "event.h"
#include "log.h"
#include "xmalloc.h"

enum member_kind {
	MK_MEMBER,
	MK_CHAIR,
	MK_VICE,
	MK_STAFF,
	MK_GROUP,
	MK_OBSERVER,
	MK_PRESIDING	/* presides, holds no seat: never a voting member */
};

/*
 * Attendance state as last recorded (at the end of the log), as it
 * counts: remote is present, apologies is absent (struct member's remote
 * and apologies say which).
 */
enum member_att {
	ATT_UNKNOWN,	/* never recorded: treated as present for members */
	ATT_PRESENT,
	ATT_ABSENT,
	ATT_LEFT
};

struct member {
	int64_t		 seq;
	char		 uuid[LOG_UUID_LEN];	/* of its member.add */
	char		*id;
	char		*name;
	char		*full_name;	/* NULL when not given */
	char		*honorific;	/* Mr, Ms, Dr; NULL when not given */
	char		*reading;
	char		*role;
	char		*kind_str;
	enum member_kind kind;
	char		*seat;		/* seat number as printed, or NULL */
	char		*org;
	char		*side;		/* secretariat / implementing / NULL */
	char		**agenda;	/* item ids a staff member attends for */
	size_t		 nagenda;
	char		*data;		/* payload after amendments */
	enum member_att	 att;
	int		 arrived;	/* came in late: first in at an arrival */
	int		 departed;	/* left early: last recorded leaving */
	int64_t		 arrived_ts;	/* that late arrival's time, or 0 */
	int64_t		 left_ts;	/* the last leaving's time, or 0 */
	int		 been_in;	/* in the room before: an arrival now
					   is a return (ENTRY_RETURN) */
	int		 remote;	/* last status remote (att PRESENT) */
	int		 apologies;	/* last status apologies (att ABSENT) */
	int		 written;	/* last status written (att PRESENT) */
	int		 proxy;		/* last status proxy (att PRESENT) */
	char		*holder;	/* its holder as recorded, or NULL */
	char		*att_note;	/* the last attendance's note, or NULL */
	int		 att_note_redacted;	/* that attendance redacted,
						   or in a closed session */
};

enum item_state {
	ITEM_PENDING,
	ITEM_OPEN,
	ITEM_CLOSED
};

struct item {
	int64_t		 seq;
	char		 uuid[LOG_UUID_LEN];	/* of its agenda.add */
	char		*id;
	char		*title;
	char		*kind;		/* consultation / report / procedure / other */
	char		*label;
	char		*dept;
	char		*dept_short;
	char		*section;
	int		 closed;	/* public: false (closed session) */
	int		 redacted;	/* its agenda.add is redacted */
	char		*heading;	/* from the last agenda.open, or NULL */
	int		 heading_redacted; /* ... that agenda.open redacted */
	char		**joint;	/* further item ids opened with it */
	size_t		 njoint;
	int		 joint_with;	/* index of the item it was opened with, or -1 */
	char		*data;
	enum item_state	 state;
	int64_t		 open_ts;	/* first agenda.open, 0 when never */
	int64_t		 close_ts;	/* last agenda.close, 0 when never */
};

/* An entry's corrections (core/correct.h). */
#define ENTRY_RETRACTED	CORR_RETRACTED
#define ENTRY_REDACTED	CORR_REDACTED
#define ENTRY_AMENDED	CORR_AMENDED
/* An arrival of a member who had been in the room: a return, not late. */
#define ENTRY_RETURN	0x100
/* Words recorded in a closed session (meeting_entry_words): redacted too. */
#define ENTRY_CLOSED	0x200

/* One proceeding. Common fields are extracted; others via entry_get(). */
struct json_pair;

/*
 * No closed session's phrase printed yet (minutes and Akoma Ntoso keep
 * the item whose phrase they printed; an entry of no item is -1).
 */
#define CLOSED_NONE	(-2)

struct entry {
	int64_t		 seq;
	int64_t		 ts;
	char		 uuid[LOG_UUID_LEN];
	char		*station;
	enum event_type	 etype;
	char		*type;		/* its name (borrowed for a known type) */
	char		*data;		/* payload after amendments; NULL for an
					   uncorrected speech or note (its
					   fields are below) */
	int		 item;		/* index into items, or -1 */
	unsigned	 flags;
	char		*reason;	/* redaction or retraction reason */
	/* Extracted from data (NULL / 0 when absent). */
	char		*speaker;	/* speech; attendance, signer, note,
					   interest: the member id */
	char		*text;		/* speech, note, decision, signer,
					   reaction, interest, action */
	char		*label;		/* speech */
	char		*kind;		/* speech, note (NULL: narrative),
					   reaction */
	int64_t		 started;	/* speech: first key, UTC µs */
	int		 member;	/* speaker / attendance / signer /
					   note / interest: index or -1 */
	char		*closed_item;	/* agenda.open / close: the id of the
					   closed item it named as first
					   written, or NULL (a correction does
					   not take a closed session back) */
};

struct ballot {
	char		*member;
	char		*choice;	/* yes / no / abstain / not_voting / absent */
	int64_t		 ts;		/* when the ballot arrived (written votes) */
};

/*
 * One tally. For written votes the ballots accumulate: each tally holds
 * every answer so far, each ballot with the time it arrived.
 */
struct tally {
	int64_t		 seq;
	int64_t		 ts;
	char		 uuid[LOG_UUID_LEN];
	char		*station;
	int		 has_counts;
	long		 n_for;
	long		 n_against;
	long		 n_abstain;
	int		 unanimous;
	struct ballot	*ballots;
	size_t		 nballots;
	char		*casting;	/* yes / no, or NULL */
	char		*presiding;	/* yes / no, or NULL */
	/*
	 * It repeats the tally before (the same counts, or the same
	 * ballots) to add the casting or the presiding vote: it completes
	 * that count and is not a recount.
	 */
	int		 completes;
	int		 redacted;	/* its event redacted: its counts are
					   not public */
	char		*data;
};

struct vote {
	int64_t		 seq;
	int64_t		 ts;
	char		 uuid[LOG_UUID_LEN];
	char		*id;
	char		*item_id;	/* NULL: a motion of the meeting */
	int		 item;		/* index into items, or -1 */
	char		*motion;
	char		*method;	/* hands / unanimous / consent / rollcall / written */
	char		*rule;		/* NULL: the meeting's rule */
	long		 needed;	/* fixed by law; 0: the rule's */
	long		 voters;	/* counted in the room; 0: the roster's */
	char		*moved_by;	/* member ids as recorded, or NULL */
	char		*seconded_by;
	int		 mover;		/* member indexes, or -1 */
	int		 seconder;
	char		*number;	/* the motion's number as printed */
	char		*reading;	/* the reading it is on */
	char		*candidate;	/* an election's: member id or name */
	int		 candidate_member; /* its index when a member, or -1 */
	char		*data;
	/*
	 * The meeting's meta at the call (a JSON object): the vote is
	 * counted by the seats, quorum and rules in force then, as the
	 * terminal counted it (core/vote-query.c), whatever is set later.
	 */
	struct json_pair *meta;
	size_t		 nmeta;
	struct tally	*tallies;	/* in order; the last one counts */
	size_t		 ntallies;
	char		*outcome;	/* carried / failed, from vote.result; NULL */
	int		 declared;
	int64_t		 result_ts;
	/*
	 * Voting members present at the call (member, chair, vice; remote
	 * counts, apologies does not), and each member's attendance then
	 * (here[i] for member i; members added later were not there).
	 */
	long		 present;
	unsigned char	*here;
	size_t		 nhere;
	int		 entry;		/* index of the vote.call entry */
};

struct decision {
	int		 entry;		/* index of the decision entry */
	char		*item_id;	/* NULL: a motion of the meeting */
	int		 item;
	char		*outcome;
	char		*vote_id;
	char		*text;		/* NULL: compose in the style */
	char		*number;	/* resolution number as printed */
	char		**joint;
	size_t		 njoint;
};

/* What the room said or did (reaction). */
struct reaction {
	int		 entry;
	char		*text;
	char		*kind;		/* voices / applause / laughter / other */
	char		*speech;	/* uuid of the speech it interrupted */
	int64_t		 speech_seq;	/* that speech's seq, or 0 */
	unsigned	 speech_flags;	/* and its corrections (ENTRY_*) */
	long		 at;		/* offset in its text, code points; -1 */
};

/* A declaration of interest. */
struct interest {
	int		 entry;
	char		*member_id;
	int		 member;
	char		*item_id;	/* NULL: none named */
	int		 item;
	char		*text;
	int		 withdraws;	/* not a voter on the item's votes */
};

/* An action item. */
struct action {
	int		 entry;
	char		*text;
	char		*owner;		/* as recorded: member id or a name */
	int		 owner_member;	/* its index when a member, or -1 */
	char		*due;		/* YYYY-MM-DD, or NULL */
	char		*item_id;
	int		 item;
};

struct signer {
	int		 entry;
	char		*member_id;
	int		 member;
	char		*role;
	char		*purpose;
	char		*text;
};

struct material {
	int64_t		 seq;
	char		*id;
	char		*title;
	int		 item;		/* item open when added, or -1 */
	unsigned	 flags;
};

/*
 * One correction, for the appendix of the internal minutes: every amend,
 * retract and redact of an event, in effect or withdrawn, and every
 * retract of a correction (an undo: target_type is amend, retract or
 * redact, before the event as that correction had made it).
 */
struct amendment {
	int64_t		 seq;
	int64_t		 ts;
	char		*station;
	char		*type;		/* amend / retract / redact */
	char		 target[LOG_UUID_LEN];
	int64_t		 target_seq;	/* 0 when the target is unknown */
	char		*target_type;
	char		*before;	/* target data before this correction */
	char		*after;		/* amend: data after; NULL otherwise */
	char		*reason;
	int64_t		 withdrawn;	/* seq of the retract that withdrew
					   it, 0 when in effect */
};

struct meeting {
	struct json_pair *meta_pairs;	/* every meta.set merged, by field */
	size_t		 nmeta;
	struct member	*members;
	size_t		 nmembers;
	struct item	*items;
	size_t		 nitems;
	struct entry	*entries;
	size_t		 nentries;
	struct vote	*votes;
	size_t		 nvotes;
	struct decision	*decisions;
	size_t		 ndecisions;
	struct signer	*signers;
	size_t		 nsigners;
	struct material	*materials;
	size_t		 nmaterials;
	struct reaction	*reactions;
	size_t		 nreactions;
	struct interest	*interests;
	size_t		 ninterests;
	struct action	*actions;
	size_t		 nactions;
	struct amendment *amendments;
	size_t		 namendments;
	int64_t		 open_ts;	/* meeting.open, 0 when none */
	int64_t		 close_ts;	/* meeting.close, 0 when none */
	int64_t		 first_ts;
	int64_t		 last_ts;
	/*
	 * The anchor of what was folded: the number of events (seq runs
	 * gapless from 1, so the last seq is the count) and the last
	 * event's hash, the chain's head ("" when the log is empty). A
	 * reader who keeps both can check later with giji verify --head
	 * that the file still holds this log (giji-events(5)).
	 */
	int64_t		 last_seq;
	char		 last_hash[LOG_HASH_HEX];
	/*
	 * Set by giji minutes --unverified when the chain did not verify
	 * (0 otherwise): the minutes must say that they were made from a
	 * file whose record may have been altered.
	 */
	int		 unverified;
	int		 current_item;	/* open item at the end, or -1 */
	struct pool	 pool;		/* the entries' strings */
	size_t		 nspeeches;	/* speech events, kept or not */
	uint64_t	*spoke;		/* meeting_spoke's set */
	size_t		 spoke_cap;
	size_t		 spoke_n;
	/*
	 * A meeting folded without its speeches (meeting_fold_skeleton):
	 * the read transaction it holds until meeting_free, the
	 * corrections, and the time zone from each seq on, for the replay.
	 */
	struct log	*held;
	struct corrections *corr;
	struct speech_keep *kept;	/* its speeches, when they fit */
	struct {
		int64_t	 seq;
		char	*tz;
	}		*tzs;
	size_t		 ntzs;
};

/* Fold the whole log. Returns NULL with a cause on a read error. */
struct meeting	*meeting_fold(struct log *, char **cause);
/*
 * The same, verifying the chain in the same pass (log_rows_open_verified):
 * the meeting is folded whatever the outcome, which v holds (v->broken:
 * the cause, the caller frees it; NULL when the chain is sound).
 */
struct meeting	*meeting_fold_verified(struct log *, struct log_verify *,
		     char **cause);
/*
 * The meeting without its speeches, for a reader that takes the
 * proceedings one entry at a time (the minutes on a large log): entries
 * holds every entry but the speeches, which meeting_replay reads again
 * from the same snapshot (the meeting holds the read transaction until
 * meeting_free: free it before the log is closed). v as
 * meeting_fold_verified, or NULL.
 */
struct meeting	*meeting_fold_skeleton(struct log *, struct log_verify *v,
		     char **cause);
/*
 * The memory a skeleton keeps its speeches in for the replay, which then
 * need not read them again (0: 32 MiB); for tests. A meeting whose
 * speeches do not fit is read twice.
 */
void		 meeting_speech_memory(size_t);
/* A skeleton that keeps no speech, for a reader that never replays it. */
struct meeting	*meeting_fold_votes(struct log *, char **cause);
/* fold-keep.c: the kept speeches, as the replay's rows. */
struct speech_keep;
struct speech_keep *speech_keep_new(void);
void		 speech_keep_free(struct speech_keep **);
/* Keep a speech row; -1 when over the budget (all are dropped). */
int		 speech_keep_add(struct speech_keep *, const struct log_row *);
/* Whether it holds every speech (not dropped). */
int		 speech_keep_usable(const struct speech_keep *);
/* The index of the first speech after seq after. */
size_t		 speech_keep_after(const struct speech_keep *, int64_t after);
/* Speech i as a row in r (valid while the keep is), NULL past the last. */
const struct log_row *speech_keep_row(const struct speech_keep *, size_t i,
		     struct log_row *r);
/*
 * Every entry of a skeleton in log order, the speeches made again as the
 * fold would have made them (corrections, item, speaker, start time): an
 * entry from meeting_replay_next is valid until the next call; one from
 * meeting_replay_after until the next meeting_replay_next or another
 * meeting_replay_after from another entry.
 */
struct meeting_replay;
struct meeting_replay *meeting_replay_open(const struct meeting *,
		     char **cause);
const struct entry *meeting_replay_next(struct meeting_replay *);
/* The k-th entry after e (k >= 1; e: the current one or the meeting's). */
const struct entry *meeting_replay_after(struct meeting_replay *,
		     const struct entry *e, size_t k);
/* Returns 0, or -1 when a read failed (cause set). */
int		 meeting_replay_close(struct meeting_replay **, char **cause);
void		 meeting_free(struct meeting **);

/* Borrowed: the meta field or def when absent (valid until meeting_free). */
const char	*meeting_meta_str(const struct meeting *, const char *key,
		     const char *def);
/* The same, of the meta in force at a vote's call. */
const char	*vote_meta_str(const struct vote *, const char *key,
		     const char *def);
long		 vote_meta_long(const struct vote *, const char *key, long def);
long		 meeting_meta_long(const struct meeting *, const char *key,
		     long def);
/* The meeting's time zone (meta tz, default Asia/Tokyo). */
const char	*meeting_tz(const struct meeting *);

int		 meeting_member(const struct meeting *, const char *id);
int		 meeting_item(const struct meeting *, const char *id);
int		 meeting_vote(const struct meeting *, const char *id);
/* Is item (an index, or -1) taken in closed session (public: false)? */
int		 meeting_item_closed(const struct meeting *, int item);
/*
 * Does e record words (a speech, a note, a reaction, an interest, a
 * motion, a decision, an action, a material)? Those recorded in a closed
 * session (from an agenda.open of an item of public: false, or taken
 * jointly with one, to its close; or naming such an item) the fold marks
 * ENTRY_CLOSED and redacted: the public minutes print one phrase for
 * them, and the exports leave them out.
 */
int		 meeting_entry_words(const struct entry *);
/* Any data field of an entry (json_get on its data). Caller frees. */
char		*entry_get(const struct entry *, const char *key);
/*
 * The agenda.order rule, shared by the fold and the terminal: given an
 * order (a JSON array of item ids) and nitems items whose ids id(i, arg)
 * gives, the listed items come first in that order and the others follow
 * in their previous order. Returns map[old] = new (caller frees), or NULL
 * when there are no items.
 */
int		*agenda_order_map(const char *list, size_t nitems,
		     const char *(*id)(size_t, const void *), const void *arg);
/* Reorder n elements of size bytes each so that old element i is at map[i]. */
void		 agenda_permute(void *base, size_t n, size_t size,
		     const int *map);
/*
 * A tally's counts as recorded: its ballots counted when it has any
 * (counts given beside them must say the same, or the vote report
 * refuses the tally), else the counts given. given: any count at all.
 */
struct tally_count {
	long		 yes, no, abstain, not_voting, absent;
	int		 given;
};
void		 tally_count(const struct tally *, struct tally_count *);

/*
 * Whether member spoke on item (-1: outside any item): a speech in effect
 * recorded while it was open. The same for a skeleton.
 */
int		 meeting_spoke(const struct meeting *, int member, int item);
/* Voting members (member/chair/vice) present just after seq. */
long		 meeting_present_at(const struct meeting *, int64_t seq);
/* Whether a member of this kind holds a seat and votes (member/chair/vice). */
int		 member_kind_votes(enum member_kind);
/*
 * Whether member i withdrew from item before seq (an interest with
 * withdraws: true on it, recorded before, not retracted): a vote counts
 * the withdrawals before its call, as it counts who is there.
 */
int		 meeting_withdrawn(const struct meeting *, int member,
		     int item, int64_t before);

#endif

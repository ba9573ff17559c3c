/* SPDX-License-Identifier: ISC */
/*
 * The meeting file: one SQLite database per meeting holding the
 * append-only, hash-chained event log and the mutable drafts table.
 *
 * The log owns its sqlite3 connection. Every append runs in its own
 * BEGIN IMMEDIATE transaction (or inside the caller's log_begin() batch),
 * computes seq = last + 1 and the chain hash inside it, and is durable
 * (WAL, synchronous=FULL) when log_append() returns 0.
 */
#ifndef GIJI_LOG_H
#define GIJI_LOG_H

#include <stdint.h>

#include "event.h"

#define LOG_SCHEMA_VERSION	2
#define LOG_APPLICATION_ID	0x67696a69	/* "giji" */
#define LOG_HASH_HEX		65		/* 64 hex digits + NUL */
#define LOG_UUID_LEN		37
#define LOG_MAX_PAYLOAD		(2 * 1024 * 1024)	/* bytes, any writer */

/*
 * Is the file's start an SQLite header? -1: unreadable (errno); 0: no;
 * 1: yes; 2: empty. *app is its application_id (0 when none).
 */
int	log_file_header(const char *path, uint32_t *app);
/*
 * The times a writer records, in UTC µs: what clock_parse can give,
 * 0000-01-01T00:00+23:59 to 9999-12-31T23:59:59.999999-23:59.
 */
#define LOG_TS_MIN	(-62167305540LL * 1000000)
#define LOG_TS_MAX	(253402387139LL * 1000000 + 999999)
/*
 * What a writer appends: a time whose UTC is within the years 0000 to
 * 9999 (giji log writes it in UTC where no zone is set, and must write a
 * time that reads back). Verify takes the wider range of older files.
 */
#define LOG_TS_UTC_MIN	(-62167219200LL * 1000000)
#define LOG_TS_UTC_MAX	(253402300799LL * 1000000 + 999999)

struct log;
struct log_verify;

/* One stored event. Strings are owned by the struct (event_clear). */
struct event {
	int64_t	 seq;
	char	 uuid[LOG_UUID_LEN];
	int64_t	 ts;		/* UTC microseconds */
	char	*station;
	char	*type;
	enum event_type etype;	/* type, looked up once */
	char	*payload;	/* minified JSON object */
	char	 prev_hash[LOG_HASH_HEX];
	char	 hash[LOG_HASH_HEX];
};
void	 event_clear(struct event *);

/*
 * What the caller supplies for an append. A zeroed struct means "now":
 * ts is used only when has_ts is set, so that an event of 1970-01-01
 * 00:00 UTC (ts 0, as imported) keeps its time.
 */
struct event_in {
	const char	*type;
	const char	*payload;	/* JSON object text (any spacing) */
	int64_t		 ts;		/* UTC µs, when has_ts */
	int		 has_ts;	/* 0: now (clock_now), 1: ts */
	const char	*uuid;		/* NULL: a new libuuid uuid */
	const char	*station;	/* NULL: the log's station */
	/*
	 * Written by another writer (giji import): a member, item or vote
	 * named before its member.add, agenda.add or vote.call, and a vote
	 * on an item already closed, are accepted, as the fold reads them.
	 */
	int		 imported;
	/*
	 * Imported only: what a live writer is refused but another
	 * writer's file keeps (an unknown value of an optional field, a
	 * count the rules of votes refuse, more members present than
	 * seats) is accepted and handed to warn, when set, one message at
	 * a time, before the event is written.
	 */
	void		(*warn)(const char *msg, void *arg);
	void		*warn_arg;
	/*
	 * Imported only: a member, item or vote named that is not added
	 * yet (type: member.add, agenda.add or vote.call), with the cause
	 * to give when nothing later in the import adds it
	 * (log_has_id), or NULL. Arguments are the caller's to copy.
	 */
	void		(*unresolved)(const char *type, const char *id,
			    const char *cause, void *arg);
};

#define LOG_CREATE	0x1	/* create the file when missing */
#define LOG_READONLY	0x2	/* open read-only; never writes */
#define LOG_EXCL	0x4	/* with LOG_CREATE: fail when it exists */
/*
 * Verify the chain (log_verify_chain) inside each write transaction,
 * before the first write: nothing is appended to an altered file.
 */
#define LOG_CHECK_CHAIN	0x8

/*
 * Open a meeting file. Refuses, with a cause naming the file and what to
 * do: a file that is not SQLite, an SQLite file of another program, a
 * newer schema, an unreadable or unwritable file. A new file is 0600.
 */
struct log	*log_open(const char *path, int flags, char **cause);
void		 log_close(struct log **);
const char	*log_path(const struct log *);
/* The file's schema version (a read-only open leaves an older one as is). */
int		 log_schema_version(const struct log *);
const char	*log_station(const struct log *);
void		 log_set_station(struct log *, const char *);

/*
 * Validate and append one event. On success returns 0 and, when out is not
 * NULL, fills it with the stored event. On failure returns -1 with a cause
 * ("speech: field 'speaker': unknown member 'x'"); nothing is written.
 * LOG_EXISTS (below) when the uuid given is already in the log.
 */
int		 log_append(struct log *, const struct event_in *,
		     struct event *out, char **cause);
/*
 * log_append's result when in->uuid names an event already in the log
 * (out, when given, is that event): a retry after a failed sync whose
 * first try did land. Nothing new is written.
 */
#define LOG_EXISTS	(-2)
/*
 * JSON that every reader reads alike: no object holds a key twice (giji,
 * through SQLite, reads the first; most programs the last) and no string
 * holds \u0000 (C strings end there; SQL compares the whole value). A
 * payload is checked by log_append; giji import checks each whole line.
 * Returns 0, or -1 with a cause.
 */
int		 log_check_json(struct log *, const char *json, char **cause);
/* Validation alone (what log_append would refuse), without writing. */
int		 log_check(struct log *, const struct event_in *, char **cause);
/*
 * giji verify --strict: every event of the file as the fold reads it (its
 * amends applied, retracted ones left out) judged as a live writer would
 * judge it at its place in the log: unknown values of fixed lists, counts
 * the rules of votes refuse, more members present than seats, names never
 * added, event types this giji does not know. fn is called for each
 * problem with its seq; *count is their number. Returns -1 with a cause
 * on a read error.
 */
/* 1 when an event of type (member.add …) gives id, 0 when none, -1. */
int		 log_has_id(struct log *, const char *type, const char *id);
/*
 * Every event judged as a live writer would be (fn for each problem);
 * judge, when given, for each decision and vote.result (its payload as
 * corrected): NULL or the problem, allocated (vote_judge_event).
 */
int		 log_check_strict(struct log *,
		     void (*fn)(int64_t seq, const char *msg, void *arg),
		     void *arg, char *(*judge)(void *, const struct event *,
		     const char *), void *judge_arg, size_t *count,
		     char **cause);
/*
 * The same after an import of the events from seq from on: what the
 * import's checks of each line could not see, judged against the whole
 * file (an id given again, a vote on a closed item, a decision against
 * its vote, what a sitting records after the close, a retracted add
 * named), reported for those events only.
 */
int		 log_check_imported(struct log *, int64_t from,
		     void (*fn)(int64_t seq, const char *msg, void *arg),
		     void *arg, char *(*judge)(void *, const struct event *,
		     const char *), void *judge_arg, size_t *count,
		     char **cause);

/*
 * After log_append or log_commit failed: 1 when a sync failed, so that the
 * event may or may not be recorded (a retry with the same uuid is safe).
 */
int		 log_outcome_unknown(const struct log *);

/* A batch: all appends between begin and commit land together or not at all. */
int		 log_begin(struct log *, char **cause);
int		 log_commit(struct log *, char **cause);
void		 log_rollback(struct log *);

/* Highest seq (0 when empty). */
int64_t		 log_last_seq(struct log *);
/* The seq of the last amend, retract or redact (0: none), or -1. */
int64_t		 log_corrections_mark(struct log *);
/*
 * What a reader keeps with the log handle (one slot: vote-query.c's
 * roster), freed by free_fn at log_close or when it is set again.
 */
void		*log_aux(struct log *);
void		 log_set_aux(struct log *, void *, void (*free_fn)(void *));
int		 log_get(struct log *, int64_t seq, struct event *);
int		 log_get_uuid(struct log *, const char *uuid, struct event *);
/*
 * Call fn for each event with from <= seq <= to (to < 0: to the end), in
 * seq order; type NULL for every type. fn returns non-zero to stop.
 * Returns 0, or -1 on a read error (cause set).
 */
typedef int (*log_cb)(const struct event *, void *);
int		 log_foreach(struct log *, int64_t from, int64_t to,
		     const char *type, log_cb fn, void *arg, char **cause);
/*
 * The events of one type with seq <= to (to < 0: all), newest first: a
 * lookup of the last one of a kind that stops where it finds it.
 */
int		 log_foreach_type_rev(struct log *, int64_t to, const char *type,
		     log_cb fn, void *arg, char **cause);
/* Same, newest first, at most limit events with seq <= before. */
int		 log_foreach_rev(struct log *, int64_t before, int limit,
		     log_cb fn, void *arg, char **cause);
/*
 * An event's payload as the fold reads it, by the rule of core/correct.h:
 * with LOG_CORR_AMENDS the amends in effect merged in seq order; with
 * LOG_CORR_RETRACTS *out is NULL when a retract in effect withdraws it.
 * Returns -1 with a cause on a read error.
 */
/*
 * Make a new or renamed file's name durable: sync the folder holding
 * path (its entry, not the file's bytes). 0, or -1 with errno set.
 */
int		 log_sync_folder(const char *path);
/*
 * The meeting's time zone as its meta.set events leave it (corrected, by
 * the type index) in *tz, NULL when none gives one (caller frees); -1 with
 * *cause when the log cannot be read.
 */
int		 log_meeting_tz(struct log *, char **tz, char **cause);
#define LOG_CORR_AMENDS		0x1
#define LOG_CORR_RETRACTS	0x2
int		 log_corrected(struct log *, const struct event *, unsigned what,
		     char **out, char **cause);
/* Changes when another connection commits (PRAGMA data_version). */
int64_t		 log_data_version(struct log *);

/*
 * A cursor over the events table for a reader that takes every row, as
 * the fold does. Every string is borrowed from the read and valid until
 * the next log_rows_next or log_rows_close.
 *
 * LOG_ROWS_EVENTS: every event in seq order, with the fields of a
 * speech's payload (speaker, text, label, kind, started; NULL when the
 * payload lacks one) as stored at append (schema 2's data_ columns).
 * LOG_ROWS_CORRECTIONS: the amend, retract and redact events in seq
 * order, with the target's uuid (rows without one are skipped), an
 * amend's replacing fields as a JSON object and the reason.
 *
 * A row's etype is looked up from the type's bytes: a type holding a NUL
 * byte (a forged row; log_verify reports it) is EV_UNKNOWN.
 */
struct log_row {
	int64_t		 seq;
	const char	*uuid;
	int64_t		 ts;
	const char	*station;
	const char	*type;
	enum event_type	 etype;
	const char	*payload;	/* LOG_ROWS_EVENTS */
	const char	*hash;		/* LOG_ROWS_EVENTS */
	const char	*speaker;	/* LOG_ROWS_EVENTS */
	const char	*text;
	const char	*label;
	const char	*kind;
	const char	*started;
	const char	*target;	/* LOG_ROWS_CORRECTIONS */
	const char	*data;
	const char	*reason;
};
#define LOG_ROWS_EVENTS		0
#define LOG_ROWS_CORRECTIONS	1
#define LOG_ROWS_SPEECHES	2	/* the speech events, as EVENTS reads them
					   but for payload and hash (NULL) */
struct log_rows;
struct log_rows	*log_rows_open(struct log *, int what, char **cause);
/* LOG_ROWS_SPEECHES after seq after (the others ignore it). */
struct log_rows	*log_rows_open_after(struct log *, int what, int64_t after,
		     char **cause);
/*
 * LOG_ROWS_EVENTS that also verifies the file as log_verify_file(0) does,
 * in the same single pass (the fold reads every row anyway): at
 * log_rows_close, v holds the outcome, and v->broken the cause (owned by
 * the caller; NULL when the chain is sound). A schema or head that fails
 * before any row is read makes log_rows_open_verified itself return NULL
 * with v->broken set and *cause NULL. The caller must have opened a read
 * transaction (log_read_begin) when it reads anything else alongside.
 */
struct log_rows	*log_rows_open_verified(struct log *, struct log_verify *v,
		     char **cause);
/* The next row, or NULL at the end or on a read error. */
const struct log_row *log_rows_next(struct log_rows *);
/* Returns 0, or -1 when the read failed (cause set when not NULL). */
int		 log_rows_close(struct log_rows **, char **cause);

/*
 * One snapshot for several reads: between log_read_begin and log_read_end
 * every read sees the file as it was at the first, whatever other
 * processes append meanwhile. Inside a write batch they do nothing (the
 * batch is already one transaction).
 */
int		 log_read_begin(struct log *, char **cause);
void		 log_read_end(struct log *);

/*
 * Check the whole file, in one snapshot: its schema (exactly one giji
 * writes), with LOG_VERIFY_INTEGRITY SQLite's integrity_check, then every
 * event in seq order: the storage class of each column, no NUL byte in
 * any text and no control character in uuid, station or type, seq
 * gapless from 1, prev_hash the hash before, the hash recomputed from the
 * bytes, the data_ columns equal to the payload's fields; then the head
 * row against the last event. At most 48 MB of SQLite memory and work in
 * proportion to the file's size: beyond either it refuses, saying so.
 *
 * Returns 0 when sound: count and head (the last event's hash, "" when
 * none) set, and anchor_seq the seq of the event whose hash starts with
 * anchor (a head hash kept elsewhere; 0 when the chain holds none, NULL:
 * not looked for). Returns -1 with bad_seq (0 when not tied to one event)
 * and a cause explaining the first fault, without "seq N:".
 */
struct log_verify {
	const char	*anchor;	/* in: 16 to 64 lower-case hex, or NULL */
	int64_t		 anchor_seq;
	int64_t		 count;
	int64_t		 bad_seq;
	char		 head[LOG_HASH_HEX];
	char		*broken;	/* log_rows_open_verified: the cause */
};
#define LOG_VERIFY_INTEGRITY	0x1
int		 log_verify_file(struct log *, int flags, struct log_verify *,
		     char **cause);
/* log_verify_file with LOG_VERIFY_INTEGRITY and without: count, bad_seq. */
int		 log_verify(struct log *, int64_t *bad_seq, int64_t *count,
		     char **cause);
/* The chain alone (no integrity_check): what giji add and giji import
 * check inside their write transaction (LOG_CHECK_CHAIN). */
int		 log_verify_chain(struct log *, int64_t *bad_seq, int64_t *count,
		     char **cause);

/*
 * giji backup: copy the file, in one snapshot, through SQLite's backup
 * API to a new file beside dest (0600), sync it, verify the copy as
 * log_verify_file(LOG_VERIFY_INTEGRITY) does and check that it holds the
 * snapshot's events (count and head), then put it at dest with one link
 * (or, with force, one rename over an existing file) and sync the
 * folder. Returns 0 with count and head (the copy's last seq and hash,
 * "" when empty); -1 with a cause, dest untouched. A file whose own
 * chain fails is copied as it is when the copy fails the same way:
 * bad_seq and broken (the cause, the caller frees it) then say so.
 */
struct log_backup {
	int64_t		 count;
	char		 head[LOG_HASH_HEX];
	int64_t		 bad_seq;
	char		*broken;
};
int		 log_backup(struct log *, const char *dest, int force,
		     struct log_backup *, char **cause);

/*
 * The canonical byte string and its hash (docs/giji-events.5): each of
 * prev_hash, seq, uuid, ts, station, type, payload in that order, each
 * followed by one LF; SHA-256 of it as 64 lower-case hex digits.
 */
char		*log_canonical(const char *prev_hash, int64_t seq,
		     const char *uuid, int64_t ts, const char *station,
		     const char *type, const char *payload, size_t *len);
void		 log_hash(const char *prev_hash, int64_t seq, const char *uuid,
		     int64_t ts, const char *station, const char *type,
		     const char *payload, char out[LOG_HASH_HEX]);

/* Drafts: one line in progress per station, outside the chain. */
int		 log_draft_save(struct log *, const char *station,
		     const char *speaker, const char *text, int64_t started,
		     char **cause);
/* Returns 1 when a draft exists (out strings allocated), 0 when none. */
int		 log_draft_load(struct log *, const char *station,
		     char **speaker, char **text, int64_t *started);
int		 log_draft_clear(struct log *, const char *station, char **cause);

#endif

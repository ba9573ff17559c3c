/*
 * What the parts of the log module share and nobody else sees: the
 * connection and its prepared statements (struct log), and the helpers
 * that turn SQLite's result codes into causes.
 *
 *	log.c		storage: open, schema set-up and migration, append,
 *			read, batches
 *	log-check.c	validation of an event against the vocabulary and
 *			the events already in the file
 *	log-chain.c	the canonical string, its hash, chain verification
 *	log-draft.c	the drafts table (outside the chain)
 */
#ifndef GIJI_LOG_INT_H
#define GIJI_LOG_INT_H

#include <sqlite3.h>

#include "log.h"

/* The largest payload any writer accepts. */
#define LOG_MAX_PAYLOAD		(2 * 1024 * 1024)
/* The prev_hash of seq 1. */
#define ZERO_HASH \
	"0000000000000000000000000000000000000000000000000000000000000000"

/* The prepared statements of struct log, by index into log_sql (log.c). */
enum {
	S_LAST,
	S_INSERT,
	S_HEAD,
	S_RANGE,
	S_RANGE_TYPE,
	S_REV,
	S_GET,
	S_GET_UUID,
	S_HAS_ID,
	S_ITEM_STATE,
	S_VOTE_ITEM,
	S_HAS_UUID,
	S_CORRECTIONS,
	S_DRAFT_SAVE,
	S_DRAFT_LOAD,
	S_DRAFT_CLEAR,
	S_MAX
};

struct log {
	sqlite3		*db;
	char		*path;
	char		*station;
	int		 readonly;
	int		 in_batch;
	int		 version;	/* schema version */
	int		 unknown;	/* the last write's outcome is unknown */
	int		 reading;	/* log_read_begin depth */
	int		 read_began;	/* log_read_begin ran BEGIN */
	sqlite3_stmt	*st[S_MAX];
};

/* log.c */
char		*log_errmsg(struct log *, int, const char *);
sqlite3_stmt	*log_stmt(struct log *, int);
/* A row of seq, uuid, ts, station, type, payload, prev_hash, hash. */
void		 log_row_event(sqlite3_stmt *, struct event *);

/* log-check.c: validate in; *payload_out is the minified payload to store. */
int		 log_check_event(struct log *, const struct event_in *,
		     char **payload_out, char **cause);

#endif

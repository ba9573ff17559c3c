/* SPDX-License-Identifier: ISC */
/*
 * What the parts of the log module share and nobody else sees: the
 * connection and its prepared statements (struct log), and the helpers
 * that turn SQLite's result codes into causes.
 *
 *	log.c		storage: open, schema set-up and migration, append,
 *			read, batches
 *	log-schema.c	the schemas giji writes, the exact check of a
 *			file's schema, set-up and upgrades
 *	log-check.c	validation of an event against the vocabulary and
 *			the events already in the file
 *	log-chain.c	the canonical string, its hash, chain verification
 *	log-draft.c	the drafts table (outside the chain)
 *	log-backup.c	a verified copy through SQLite's backup API
 */
#ifndef GIJI_LOG_INT_H
#define GIJI_LOG_INT_H

#include <sqlite3.h>

#include "log.h"

/*
 * The longest value or row SQLite may hand giji (SQLITE_LIMIT_LENGTH): a
 * row holds the payload and, in data_text, at most as much again.
 */
#define LOG_MAX_ROW		(3 * LOG_MAX_PAYLOAD + 65536)
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
	S_RANGE_TYPE_REV,
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
	S_CONFIRM,
	S_DUP_KEY,
	S_CORR_MARK,
	S_CORR_SINCE,
	S_FIRST_ID,
	S_ITEM_STATE_AT,
	S_MAX
};

struct log {
	sqlite3		*db;
	char		*path;
	char		*station;
	int		 readonly;
	int		 keep_wal;	/* a reader that found a -wal */
	int		 in_batch;
	int		 check_chain;	/* LOG_CHECK_CHAIN */
	int		 version;	/* schema version */
	int		 unknown;	/* the last write's outcome is unknown */
	int		 reading;	/* log_read_begin depth */
	int		 read_began;	/* log_read_begin ran BEGIN */
	long long	 schema_cookie;	/* PRAGMA schema_version when checked */
	/*
	 * The last speech a reaction was checked against, and its length
	 * as amended, while no correction is recorded (react_mark: the
	 * last correction's seq then).
	 */
	char		 react_uuid[LOG_UUID_LEN];
	int64_t		 react_mark;
	long		 react_len;
	/*
	 * The target of the last amend checked, as amended, while only
	 * amends of it are recorded since (amend_mark: the last
	 * correction's seq then; check_amend).
	 */
	char		 amend_uuid[LOG_UUID_LEN];
	int64_t		 amend_mark;
	char		*amend_data;
	/* What a reader keeps with the log (vote-query.c's roster). */
	void		*aux;
	void		(*aux_free)(void *);
	sqlite3_stmt	*st[S_MAX];
};

/* log.c */
char		*log_errmsg(struct log *, int, const char *);
int		 log_exec(struct log *, const char *sql, const char *what,
		     char **cause);
int		 log_pragma_int(struct log *, const char *sql, long long *);
sqlite3_stmt	*log_stmt(struct log *, int);
/* A row of seq, uuid, ts, station, type, payload, prev_hash, hash. */
void		 log_row_event(sqlite3_stmt *, struct event *);

/*
 * log-schema.c: set up a new file, or check an existing one's schema
 * (exactly one that giji writes) and upgrade an older one for a writer.
 * log_schema_check returns the shape found (>= 0) or -1; _recheck checks
 * again only when the schema changed since (PRAGMA schema_version).
 */
int		 log_schema_setup(struct log *, int created, char **cause);
int		 log_schema_check(struct log *, char **cause);
int		 log_schema_recheck(struct log *, char **cause);

/*
 * log-chain.c: a verification fed row by row, for log_verify_file and for
 * a cursor that verifies as the fold reads (log_rows_open_verified):
 * begin checks the schema (and integrity, with LOG_VERIFY_INTEGRITY) and
 * reads the head inside a read transaction it opens, with verify's
 * bounds; each row of log_verify_sql is passed to log_verify_row (the
 * first fault is kept, later rows are not checked); end compares the
 * head, closes the transaction and lifts the bounds. rc is the last
 * sqlite3_step's result.
 */
struct verify;
struct verify	*log_verify_begin(struct log *, int flags, struct log_verify *,
		     char **cause);
const char	*log_verify_sql(struct log *);
int		 log_verify_row(struct verify *, sqlite3_stmt *);
/*
 * Columns first..first+4 of st against the payload's speaker, text,
 * label, kind and started, as json_extract returns them: 1 the same, 0
 * not, -1 when the payload is not plain enough to tell without SQLite.
 */
int		 log_data_compare(sqlite3_stmt *st, int first,
		    const char *payload, size_t plen);
int		 log_verify_end(struct verify **, int rc, char **cause);

/* log-check.c: validate in; *payload_out is the minified payload to store. */
int		 log_check_event(struct log *, const struct event_in *,
		     char **payload_out, char **cause);

#endif

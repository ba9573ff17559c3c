/* SPDX-License-Identifier: ISC */
/*
 * Read helpers for live views (see log-query.h), a part of the log module
 * (log-int.h) with its own statements on the log's connection. Each query
 * is prepared once and reset after use; every query walks an index (type,
 * seq) or the primary key, so its cost depends on the rows returned, not
 * on the size of the log.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "log-int.h"
#include "log-query.h"
#include "xmalloc.h"

enum {
	Q_STRUCTURE,
	Q_REV,
	Q_FWD,
	Q_SEQ_OF,
	Q_MAX
};

#define Q_COLS "seq, uuid, ts, station, type, payload, prev_hash, hash"
#define Q_PROCEEDINGS \
	" type NOT IN ('meta.set', 'member.add', 'agenda.add')"

static const char *log_query_sql[Q_MAX] = {
	"SELECT " Q_COLS " FROM events WHERE type IN ('meta.set',"
	" 'member.add', 'attendance', 'agenda.add', 'agenda.open',"
	" 'agenda.close', 'agenda.order',"
	" 'meeting.open', 'meeting.close', 'recess', 'resume', 'amend',"
	" 'retract', 'redact', 'vote.call') AND seq > ?1 ORDER BY seq",
	/* One lower and one upper bound, folded in C: with two of each
	 * SQLite may walk the rowid range from the wrong one. */
	"SELECT " Q_COLS " FROM events WHERE seq >= ?1 AND seq <= ?2 AND"
	Q_PROCEEDINGS " ORDER BY seq DESC LIMIT ?3",
	"SELECT " Q_COLS " FROM events WHERE seq >= ?1 AND seq <= ?2 AND"
	Q_PROCEEDINGS " ORDER BY seq LIMIT ?3",
	"SELECT seq FROM events WHERE uuid = ?1",
};

struct log_query {
	struct log	*log;
	sqlite3		*db;
	sqlite3_stmt	*st[Q_MAX];
};

struct log_query *
log_query_new(struct log *log, char **cause)
{
	struct log_query	*q;
	int			 i;

	*cause = NULL;
	q = xcalloc(1, sizeof *q);
	q->log = log;
	q->db = log->db;
	for (i = 0; i < Q_MAX; i++) {
		if (sqlite3_prepare_v3(q->db, log_query_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &q->st[i], NULL) != SQLITE_OK) {
			*cause = xasprintf(_("%s: cannot prepare a query: %s"),
			    log_path(log), sqlite3_errmsg(q->db));
			log_query_free(&q);
			return NULL;
		}
	}
	return q;
}

void
log_query_free(struct log_query **qp)
{
	struct log_query	*q = *qp;
	int			 i;

	if (q == NULL)
		return;
	for (i = 0; i < Q_MAX; i++)
		sqlite3_finalize(q->st[i]);
	free(q);
	*qp = NULL;
}

static int
log_query_run(struct log_query *q, sqlite3_stmt *st, log_cb fn, void *arg,
    char **cause)
{
	struct event	 ev;
	int		 rc, n = 0, stop = 0;

	*cause = NULL;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		log_row_event(st, &ev);
		n++;
		stop = fn(&ev, arg);
		event_clear(&ev);
	}
	if (!stop && rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: cannot read the log: %s"),
		    log_path(q->log), sqlite3_errmsg(q->db));
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return n;
}

int
log_query_structure(struct log_query *q, int64_t after, log_cb fn, void *arg,
    char **cause)
{
	sqlite3_stmt	*st = q->st[Q_STRUCTURE];

	sqlite3_bind_int64(st, 1, after);
	return log_query_run(q, st, fn, arg, cause) < 0 ? -1 : 0;
}

static int
log_query_page(struct log_query *q, int which, int64_t lo, int64_t hi,
    int64_t from, int limit, log_cb fn, void *arg, char **cause)
{
	sqlite3_stmt	*st = q->st[which];

	if (hi < 0)
		hi = INT64_MAX;
	if (which == Q_REV && from < hi)
		hi = from;
	if (which == Q_FWD && from > lo)
		lo = from;
	sqlite3_bind_int64(st, 1, lo);
	sqlite3_bind_int64(st, 2, hi);
	sqlite3_bind_int(st, 3, limit);
	return log_query_run(q, st, fn, arg, cause);
}

int
log_query_page_rev(struct log_query *q, int64_t lo, int64_t hi, int64_t from,
    int limit, log_cb fn, void *arg, char **cause)
{
	return log_query_page(q, Q_REV, lo, hi, from, limit, fn, arg, cause);
}

int
log_query_page_fwd(struct log_query *q, int64_t lo, int64_t hi, int64_t from,
    int limit, log_cb fn, void *arg, char **cause)
{
	return log_query_page(q, Q_FWD, lo, hi, from, limit, fn, arg, cause);
}

int64_t
log_query_seq_of(struct log_query *q, const char *uuid)
{
	sqlite3_stmt	*st = q->st[Q_SEQ_OF];
	int64_t		 seq = 0;

	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return seq;
}

int
log_query_idle(struct log_query *q)
{
	sqlite3_stmt	*st = NULL;
	int		 n = 0;

	while ((st = sqlite3_next_stmt(q->db, st)) != NULL) {
		if (sqlite3_stmt_busy(st)) {
			sqlite3_reset(st);
			n++;
		}
	}
	return n;
}

/* SPDX-License-Identifier: ISC */
/*
 * The meeting file: an SQLite database holding the append-only,
 * hash-chained events table, the chain head and the drafts table.
 *
 * This file is the storage part of the log module (log-int.h lists the
 * others): opening and setting up the file, appending and reading.
 * struct log owns one sqlite3 connection and its prepared statements.
 * Appends validate the event (log-check.c) against the vocabulary and the
 * events already in the file, then compute seq and the hash (log-chain.c)
 * inside one write transaction, so that several processes appending to
 * one file keep seq gapless and the chain whole. Nothing here prints or
 * exits.
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include "clock.h"
#include "event.h"
#include "i18n.h"
#include "utf8.h"
#include "log-int.h"
#include "xmalloc.h"

#define LOG_BUSY_MS		10000

static const char *log_sql[S_MAX] = {
	"SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1",
	"INSERT INTO events (seq, uuid, ts, station, type, payload, prev_hash,"
	" hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	"INSERT OR REPLACE INTO head (id, seq, hash) VALUES (1, ?1, ?2)",
	"SELECT seq, uuid, ts, station, type, payload, prev_hash, hash"
	" FROM events WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq",
	"SELECT seq, uuid, ts, station, type, payload, prev_hash, hash"
	" FROM events WHERE type = ?3 AND seq >= ?1 AND seq <= ?2 ORDER BY seq",
	"SELECT seq, uuid, ts, station, type, payload, prev_hash, hash"
	" FROM events WHERE type = ?3 AND seq >= ?1 AND seq <= ?2"
	" ORDER BY seq DESC",
	"SELECT seq, uuid, ts, station, type, payload, prev_hash, hash"
	" FROM events WHERE seq <= ?1 ORDER BY seq DESC LIMIT ?2",
	"SELECT seq, uuid, ts, station, type, payload, prev_hash, hash"
	" FROM events WHERE seq = ?1",
	"SELECT seq, uuid, ts, station, type, payload, prev_hash, hash"
	" FROM events WHERE uuid = ?1",
	"SELECT 1 FROM events WHERE type = ?1"
	" AND json_extract(payload, '$.id') = ?2 LIMIT 1",
	"SELECT type FROM events WHERE type IN ('agenda.open', 'agenda.close')"
	" AND json_extract(payload, '$.item') = ?1 ORDER BY seq DESC LIMIT 1",
	"SELECT json_extract(payload, '$.item') FROM events"
	" WHERE type = 'vote.call' AND json_extract(payload, '$.id') = ?1",
	"SELECT 1 FROM events WHERE uuid = ?1",
	"SELECT type, CASE json_type(payload, '$.data') WHEN 'object' THEN"
	" json(json_extract(payload, '$.data')) END, seq, uuid"
	" FROM events WHERE type IN ('amend', 'retract', 'redact')"
	" AND json_extract(payload, '$.target') = ?1"
	" AND seq > ?2 ORDER BY seq",
	"INSERT OR REPLACE INTO drafts (station, speaker, text, started,"
	" updated) VALUES (?1, ?2, ?3, ?4, ?5)",
	"SELECT speaker, text, started FROM drafts WHERE station = ?1",
	"DELETE FROM drafts WHERE station = ?1",
	"SELECT hash, uuid FROM events WHERE seq = ?1",
	"SELECT key FROM json_tree(?1) WHERE key IS NOT NULL"
	" GROUP BY parent, key HAVING count(*) > 1 LIMIT 1",
	"SELECT max(coalesce((SELECT max(seq) FROM events WHERE type ="
	" 'amend'), 0), coalesce((SELECT max(seq) FROM events WHERE type ="
	" 'retract'), 0), coalesce((SELECT max(seq) FROM events WHERE type ="
	" 'redact'), 0))",
	"SELECT type, CASE json_type(payload, '$.data') WHEN 'object' THEN"
	" json(json_extract(payload, '$.data')) END,"
	" json_extract(payload, '$.target') FROM events"
	" WHERE type IN ('amend', 'retract', 'redact') AND seq > ?1"
	" ORDER BY seq",
	"SELECT min(seq) FROM events WHERE type = ?1"
	" AND json_extract(payload, '$.id') = ?2",
	"SELECT type, seq FROM events WHERE type IN ('agenda.open',"
	" 'agenda.close') AND json_extract(payload, '$.item') = ?1 AND seq < ?2"
	" ORDER BY seq DESC LIMIT 1",
};

void
event_clear(struct event *ev)
{
	free(ev->station);
	free(ev->type);
	free(ev->payload);
	memset(ev, 0, sizeof *ev);
}

char *
log_errmsg(struct log *log, int rc, const char *what)
{
	const char	*m = log->db != NULL ? sqlite3_errmsg(log->db) :
			    sqlite3_errstr(rc);

	what = _(what);	/* the callers mark it with N_() */
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return xasprintf(_("%s: %s: the disk is full; nothing was "
		    "recorded: free some space and try again"), log->path, what);
	case SQLITE_READONLY:
		return xasprintf(_("%s: %s: the file is read-only; nothing was "
		    "recorded: check its permissions"), log->path, what);
	case SQLITE_IOERR:
		/*
		 * A failed sync leaves the outcome unknown: the frames may be
		 * in the WAL and count after a restart. Say so.
		 */
		if (rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_DIR_FSYNC) {
			log->unknown = 1;
			return xasprintf(_("%s: %s: the disk did not confirm "
			    "the write (%s); the event may or may not be "
			    "recorded: check with giji log before recording it "
			    "again"), log->path, what, m);
		}
		return xasprintf(_("%s: %s: input/output error (%s); nothing "
		    "was recorded: check the disk"), log->path, what, m);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return xasprintf(_("%s: %s: the file stayed locked by another "
		    "process for %d s; try again"), log->path, what,
		    LOG_BUSY_MS / 1000);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return xasprintf(_("%s: %s: the file is damaged or not a giji "
		    "meeting (%s); restore it from a copy (giji backup makes "
		    "verified ones)"),
		    log->path, what, m);
	}
	return xasprintf("%s: %s: %s", log->path, what, m);
}

sqlite3_stmt *
log_stmt(struct log *log, int q)
{
	if (log->st[q] == NULL) {
		if (sqlite3_prepare_v3(log->db, log_sql[q], -1,
		    SQLITE_PREPARE_PERSISTENT, &log->st[q], NULL) != SQLITE_OK)
			return NULL;
	} else {
		sqlite3_reset(log->st[q]);
		sqlite3_clear_bindings(log->st[q]);
	}
	return log->st[q];
}

int
log_exec(struct log *log, const char *sql, const char *what, char **cause)
{
	int	 rc;

	if ((rc = sqlite3_exec(log->db, sql, NULL, NULL, NULL)) != SQLITE_OK) {
		if (cause != NULL)
			*cause = log_errmsg(log, rc, what);
		return -1;
	}
	return 0;
}

int
log_pragma_int(struct log *log, const char *sql, long long *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((rc = sqlite3_prepare_v2(log->db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int
log_file_header(const char *path, uint32_t *app)
{
	unsigned char	 hdr[100];
	ssize_t		 n;
	int		 fd;

	*app = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return -1;
	n = read(fd, hdr, sizeof hdr);
	close(fd);
	if (n == 0)
		return 2;
	if (n < 16 || memcmp(hdr, "SQLite format 3", 16) != 0)
		return 0;
	if (n == (ssize_t)sizeof hdr)
		*app = (uint32_t)hdr[68] << 24 | (uint32_t)hdr[69] << 16 |
		    (uint32_t)hdr[70] << 8 | hdr[71];
	return 1;
}

/* log_file_header, with a cause when the file cannot be opened. */
static int
file_kind(const char *path, uint32_t *app, char **cause)
{
	int	 k;

	if ((k = log_file_header(path, app)) == -1)
		*cause = xasprintf(_("%s: cannot open: %s"), path, strerror(errno));
	return k;
}

/* Does path with this suffix exist? */
static int
file_beside(const char *path, const char *suffix)
{
	struct stat	 sb;
	char		*p = xasprintf("%s%s", path, suffix);
	int		 rc;

	rc = lstat(p, &sb) == 0;
	free(p);
	return rc;
}

/*
 * The size of the file beside path (-1: none). An empty -wal holds
 * nothing to merge: a reader killed before it closed (giji log | head)
 * leaves one, with its -shm, and the next reader may remove both.
 */
static long long
file_beside_size(const char *path, const char *suffix)
{
	struct stat	 sb;
	char		*p = xasprintf("%s%s", path, suffix);
	long long	 n = -1;

	if (lstat(p, &sb) == 0)
		n = S_ISREG(sb.st_mode) ? (long long)sb.st_size : 1;
	free(p);
	return n;
}

/* Is the folder holding path writable (can SQLite make its -wal there)? */
static int
folder_writable(const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*dir;
	int		 rc;

	if (slash == NULL)
		return access(".", W_OK) == 0;
	dir = slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	rc = access(dir, W_OK) == 0;
	free(dir);
	return rc;
}

/*
 * A file: URI for path, every byte but the unreserved ones escaped, so
 * that no part of a file name is read as a query parameter.
 */
static char *
file_uri(const char *path, const char *query)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct buf		 b;
	const unsigned char	*p;

	buf_init(&b);
	buf_puts(&b, *path == '/' ? "file://" : "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._~-", *p) != NULL)
			buf_putc(&b, (char)*p);
		else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[*p >> 4]);
			buf_putc(&b, hex[*p & 0xf]);
		}
	}
	buf_printf(&b, "?%s", query);
	return buf_detach(&b);
}

/*
 * SQLite's JSON functions, which the schema's generated columns and
 * indexes call, are not marked innocuous before some version: with
 * trusted_schema off such a schema cannot be read. Find out once whether
 * this SQLite allows it.
 */
static int
log_can_distrust_schema(void)
{
	static int	 known = -1;
	sqlite3		*db;

	if (known != -1)
		return known;
	known = 0;
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) ==
	    SQLITE_OK && sqlite3_exec(db, "CREATE TABLE t (x CHECK"
	    " (json_valid(x)), y AS (json_extract(x, '$.a')) STORED);"
	    " CREATE INDEX i ON t (json_extract(x, '$.b'));", NULL, NULL,
	    NULL) == SQLITE_OK && sqlite3_db_config(db,
	    SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) == SQLITE_OK &&
	    sqlite3_exec(db, "INSERT INTO t (x) VALUES ('{}')", NULL, NULL,
	    NULL) == SQLITE_OK)
		known = 1;
	sqlite3_close(db);
	return known;
}

/*
 * What every connection to a meeting file runs with. Defensive mode: no
 * writable_schema, no journal_mode=off, no writes to SQLite's internal
 * tables. No triggers and no views: giji's own triggers only forbid
 * UPDATE and DELETE of events, which giji never issues, and giji has no
 * views, so anything else a file brought would run only because it is
 * there (the schema check refuses such a file; this holds even before it
 * runs). A row or value longer than any giji writes is an error, so that
 * a crafted file cannot make giji allocate what it holds.
 */
static int
log_configure(struct log *log, char **cause)
{
	sqlite3	*db = log->db;

	if (sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) !=
	    SQLITE_OK ||
	    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL) !=
	    SQLITE_OK ||
	    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL) !=
	    SQLITE_OK ||
	    (log_can_distrust_schema() && sqlite3_db_config(db,
	    SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) != SQLITE_OK)) {
		*cause = log_errmsg(log, sqlite3_errcode(db), N_("cannot open"));
		return -1;
	}
	/*
	 * A reader never writes the file: a -wal it finds beside it (a
	 * live writer's, a killed one's, or one planted there) is read, not
	 * merged into the file when the last connection closes; the next
	 * writer does that.
	 */
	if (log->keep_wal && sqlite3_db_config(db,
	    SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL) != SQLITE_OK) {
		*cause = log_errmsg(log, sqlite3_errcode(db), N_("cannot open"));
		return -1;
	}
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, LOG_MAX_ROW);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, LOG_BUSY_MS);
	return log_exec(log, log->readonly ? "PRAGMA synchronous = FULL;"
	    " PRAGMA query_only = 1" : "PRAGMA synchronous = FULL",
	    N_("cannot open it"), cause);
}

struct log *
log_open(const char *path, int flags, char **cause)
{
	struct log	*log;
	struct stat	 sb;
	uint32_t	 app = 0;
	char		*uri = NULL;
	int		 created = 0, kind, rc, fd, oflags, mine = 0;

	*cause = NULL;
	log = xcalloc(1, sizeof *log);
	log->path = xstrdup(path);
	log->station = xstrdup("giji");
	log->readonly = (flags & LOG_READONLY) != 0;
	log->check_chain = (flags & LOG_CHECK_CHAIN) != 0;

	if (stat(path, &sb) == 0) {
		if ((flags & LOG_EXCL) != 0) {
			*cause = xasprintf(_("%s: already exists: choose "
			    "another name, or open it with giji %s"), path, path);
			goto fail;
		}
		if (!S_ISREG(sb.st_mode)) {
			*cause = xasprintf(_("%s: not a regular file (a "
			    "directory, a device or a pipe): give the path of a "
			    "meeting file"), path);
			goto fail;
		}
		if ((kind = file_kind(path, &app, cause)) < 0)
			goto fail;
		if (kind == 0) {
			*cause = xasprintf(_("%s: not a giji meeting (not an "
			    "SQLite database): giji leaves it untouched"), path);
			goto fail;
		}
		if (kind == 2)
			created = (flags & LOG_CREATE) != 0;
		if (!log->readonly && access(path, W_OK) != 0) {
			*cause = xasprintf(_("%s: not writable (%s): fix its "
			    "permissions, or read it with giji log"), path,
			    strerror(errno));
			goto fail;
		}
	} else if (errno == ENOENT && (flags & LOG_CREATE) != 0 &&
	    !log->readonly) {
		/* Create it ourselves so that it is 0600 from the start. */
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd == -1) {
			*cause = xasprintf(_("%s: cannot create: %s: check "
			    "that the folder exists and is writable"), path,
			    strerror(errno));
			goto fail;
		}
		close(fd);
		created = 1;
	} else if (errno == ENOENT) {
		*cause = xasprintf(_("%s: no such meeting file: create it with "
		    "giji new %s"), path, path);
		goto fail;
	} else {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}

	/*
	 * A read-only command must leave nothing beside the file: SQLite
	 * makes -wal and -shm on the first read of a WAL file, and only a
	 * connection that may write removes them when it closes last. So a
	 * meeting file that could be written is opened read-write with
	 * query_only set (never writing; a live writer's files are not its
	 * to remove while that writer is connected). One that could not be,
	 * with neither file beside it, is opened as immutable: nobody can
	 * be writing it, as a writer would need those files.
	 */
	oflags = SQLITE_OPEN_READWRITE;
	if (log->readonly) {
		mine = app == LOG_APPLICATION_ID && access(path, W_OK) == 0;
		log->keep_wal = file_beside_size(path, "-wal") > 0;
		if (file_beside(path, "-wal") || file_beside(path, "-shm")) {
			if (!mine)
				oflags = SQLITE_OPEN_READONLY;
		} else if (!mine || !folder_writable(path)) {
			oflags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
			uri = file_uri(path, "immutable=1");
		}
	}
	if (uri == NULL && strncmp(path, "file:", 5) == 0)
		uri = xasprintf("./%s", path);	/* not read as a URI */
	rc = sqlite3_open_v2(uri != NULL ? uri : path, &log->db,
	    oflags | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		*cause = log_errmsg(log, rc, N_("cannot open"));
		goto fail;
	}
	if (log_configure(log, cause) != 0)
		goto fail_created;
	if (log_schema_setup(log, created, cause) != 0)
		goto fail_created;
	/* Only once it is known to be ours: switching to WAL is a write. */
	if (!log->readonly) {
		if (log_exec(log, "PRAGMA journal_mode = WAL",
		    N_("cannot switch to WAL"), cause) != 0)
			goto fail_created;
	}
	return log;

fail_created:
	if (created) {
		sqlite3_close(log->db);
		log->db = NULL;
		unlink(path);
	}
fail:
	log_close(&log);
	return NULL;
}

void
log_close(struct log **logp)
{
	struct log	*log = *logp;
	int		 i;

	if (log == NULL)
		return;
	for (i = 0; i < S_MAX; i++)
		sqlite3_finalize(log->st[i]);
	if (log->db != NULL)
		sqlite3_close(log->db);
	free(log->amend_data);
	if (log->aux_free != NULL)
		log->aux_free(log->aux);
	free(log->path);
	free(log->station);
	free(log);
	*logp = NULL;
}

void *
log_aux(struct log *log)
{
	return log->aux;
}

void
log_set_aux(struct log *log, void *aux, void (*free_fn)(void *))
{
	if (log->aux_free != NULL && log->aux != aux)
		log->aux_free(log->aux);
	log->aux = aux;
	log->aux_free = free_fn;
}

const char *
log_path(const struct log *log)
{
	return log->path;
}

int
log_outcome_unknown(const struct log *log)
{
	return log->unknown;
}

int
log_schema_version(const struct log *log)
{
	return log->version;
}

const char *
log_station(const struct log *log)
{
	return log->station;
}

void
log_set_station(struct log *log, const char *station)
{
	free(log->station);
	log->station = xstrdup(station);
}

/* --- writing --------------------------------------------------------- */

/*
 * Inside the write transaction, before anything is written: the schema
 * is still one giji wrote (checked again only when it changed since it
 * was opened), and, with LOG_CHECK_CHAIN, the chain is whole. Both read
 * the transaction's own snapshot, so another writer's events appended
 * just before cannot look like a fault.
 */
static int
log_check_before_write(struct log *log, char **cause)
{
	int64_t	 bad, count;
	char	*why;

	if (log_schema_recheck(log, &why) != 0) {
		*cause = xasprintf(_("%s; nothing was recorded"), why);
		free(why);
		return -1;
	}
	if (!log->check_chain)
		return 0;
	if (log_verify_chain(log, &bad, &count, &why) != 0) {
		if (bad > 0)
			*cause = xasprintf(_("%s: seq %lld: %s; nothing was "
			    "written: run giji verify and restore a sound copy"),
			    log->path, (long long)bad, why);
		else
			*cause = xasprintf(_("%s: %s; nothing was written: run "
			    "giji verify and restore a sound copy"), log->path,
			    why);
		free(why);
		return -1;
	}
	return 0;
}

static int
log_begin_write(struct log *log, char **cause)
{
	int	 rc, tries, moved = 0;

	/* What a transaction rolled back may have held: forgotten. */
	*log->react_uuid = '\0';
	free(log->amend_data);
	log->amend_data = NULL;
	for (tries = 0; tries < 50; tries++) {
		rc = sqlite3_exec(log->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc == SQLITE_OK) {
			/*
			 * Deleted, renamed or replaced since it was opened:
			 * writing on would land in an unlinked inode (lost at
			 * close) or mix its WAL into the file now at the path.
			 */
			if (sqlite3_file_control(log->db, "main",
			    SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK &&
			    moved) {
				sqlite3_exec(log->db, "ROLLBACK", NULL, NULL,
				    NULL);
				*cause = xasprintf(_("%s: the file was "
				    "deleted, moved or replaced while giji had "
				    "it open; nothing was recorded: open the "
				    "meeting again"), log->path);
				return -1;
			}
			if (log_check_before_write(log, cause) != 0) {
				sqlite3_exec(log->db, "ROLLBACK", NULL, NULL,
				    NULL);
				return -1;
			}
			return 0;
		}
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			break;
		usleep(10000);
	}
	*cause = log_errmsg(log, rc, N_("cannot start writing"));
	return -1;
}

int
log_begin(struct log *log, char **cause)
{
	*cause = NULL;
	if (log->readonly) {
		*cause = xasprintf(_("%s: opened read-only"), log->path);
		return -1;
	}
	if (log_begin_write(log, cause) != 0)
		return -1;
	log->in_batch = 1;
	return 0;
}

int
log_commit(struct log *log, char **cause)
{
	int	 rc;

	*cause = NULL;
	log->in_batch = 0;
	log->unknown = 0;
	if ((rc = sqlite3_exec(log->db, "COMMIT", NULL, NULL, NULL)) !=
	    SQLITE_OK) {
		*cause = log_errmsg(log, rc, N_("cannot commit"));
		sqlite3_exec(log->db, "ROLLBACK", NULL, NULL, NULL);
		log_set_aux(log, NULL, NULL);
		return -1;
	}
	return 0;
}

void
log_rollback(struct log *log)
{
	log->in_batch = 0;
	sqlite3_exec(log->db, "ROLLBACK", NULL, NULL, NULL);
	/* What a reader kept may hold the events undone. */
	log_set_aux(log, NULL, NULL);
}

/* Read the row back by seq: it must be there with its uuid and hash. */
static int
log_confirm(struct log *log, int64_t seq, const char *uuid, const char *hash)
{
	sqlite3_stmt	*st;
	const char	*h, *u;
	int		 ok = 0;

	if ((st = log_stmt(log, S_CONFIRM)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	if (sqlite3_step(st) == SQLITE_ROW) {
		h = (const char *)sqlite3_column_text(st, 0);
		u = (const char *)sqlite3_column_text(st, 1);
		ok = h != NULL && u != NULL &&
		    sqlite3_column_bytes(st, 0) == LOG_HASH_HEX - 1 &&
		    memcmp(h, hash, LOG_HASH_HEX - 1) == 0 &&
		    strcmp(u, uuid) == 0 &&
		    (size_t)sqlite3_column_bytes(st, 1) == strlen(uuid);
	}
	sqlite3_reset(st);
	return ok ? 0 : -1;
}

static int
log_insert(struct log *log, const struct event_in *in, const char *payload,
    struct event *out, char **cause)
{
	sqlite3_stmt	*st;
	char		 prev[LOG_HASH_HEX], hash[LOG_HASH_HEX];
	char		 uuid[LOG_UUID_LEN];
	const char	*station;
	int64_t		 seq = 0, ts;
	uuid_t		 u;
	int		 rc, i;

	if ((st = log_stmt(log, S_LAST)) == NULL)
		goto sqlfail;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		seq = sqlite3_column_int64(st, 0);
		snprintf(prev, sizeof prev, "%s", sqlite3_column_text(st, 1));
	} else if (rc == SQLITE_DONE)
		memcpy(prev, ZERO_HASH, sizeof prev);
	else {
		*cause = log_errmsg(log, rc, N_("cannot read the last event"));
		return -1;
	}
	sqlite3_reset(st);
	seq++;

	if (in->uuid != NULL) {
		/* One event, one spelling: in lower case (as import has it). */
		snprintf(uuid, sizeof uuid, "%s", in->uuid);
		for (i = 0; uuid[i] != '\0'; i++)
			uuid[i] = (char)tolower((unsigned char)uuid[i]);
	} else {
		uuid_generate(u);
		uuid_unparse_lower(u, uuid);
	}
	ts = in->has_ts ? in->ts : clock_now();
	station = in->station != NULL ? in->station : log->station;
	log_hash(prev, seq, uuid, ts, station, in->type, payload, hash);

	if ((st = log_stmt(log, S_INSERT)) == NULL)
		goto sqlfail;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, ts);
	sqlite3_bind_text(st, 4, station, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, in->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, payload, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		/* A uuid already in the log was found by log_append. */
		*cause = log_errmsg(log, rc, N_("cannot record the event"));
		return -1;
	}
	if (sqlite3_changes(log->db) != 1 ||
	    log_confirm(log, seq, uuid, hash) != 0)
		goto unstored;
	if ((st = log_stmt(log, S_HEAD)) == NULL)
		goto sqlfail;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = log_errmsg(log, rc, N_("cannot record the event"));
		return -1;
	}
	if (sqlite3_changes(log->db) != 1)
		goto unstored;
	if (out != NULL) {
		memset(out, 0, sizeof *out);
		out->seq = seq;
		memcpy(out->uuid, uuid, sizeof out->uuid);
		out->ts = ts;
		out->station = xstrdup(station);
		out->type = xstrdup(in->type);
		out->etype = event_type_find(in->type);
		out->payload = xstrdup(payload);
		memcpy(out->prev_hash, prev, sizeof prev);
		memcpy(out->hash, hash, sizeof hash);
	}
	return 0;
unstored:
	/*
	 * The statement succeeded and the row is not there: something in
	 * the file (the schema is checked, so this should not happen)
	 * swallowed it. Never say "recorded" for it.
	 */
	*cause = xasprintf(_("%s: the event was not stored although SQLite "
	    "reported success; nothing was recorded: run giji verify, and use "
	    "a copy made by giji"), log->path);
	return -1;
sqlfail:
	*cause = log_errmsg(log, sqlite3_errcode(log->db), N_("cannot prepare"));
	return -1;
}

int
log_append(struct log *log, const struct event_in *in, struct event *out,
    char **cause)
{
	struct event	 found;
	const unsigned char	*p;
	const char		*station;
	char			*payload = NULL, lower[LOG_UUID_LEN] = "";
	int			 rc, i;

	*cause = NULL;
	log->unknown = 0;
	if (log->readonly) {
		*cause = xasprintf(_("%s: opened read-only; nothing was "
		    "recorded"), log->path);
		return -1;
	}
	/*
	 * Fields are joined with LF in the canonical string: a control
	 * character in the station would let a tamperer move the boundary
	 * between station and type without changing the hash.
	 */
	station = in->station != NULL ? in->station : log->station;
	if (*station == '\0') {
		*cause = xasprintf(_("the station name is empty (it names the "
		    "terminal that recorded the event); nothing was recorded"));
		return -1;
	}
	for (p = (const unsigned char *)station; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			*cause = xasprintf(_("the station name contains a "
			    "control character; nothing was recorded"));
			return -1;
		}
	}
	/* Nor a C1 or bidi control, nor a byte that is not UTF-8. */
	if (!utf8_is_clean(station, 0)) {
		*cause = xasprintf(_("the station name is not plain UTF-8 text "
		    "(an invalid byte, or a C1 or bidi control); nothing was "
		    "recorded"));
		return -1;
	}
	if (in->has_ts && (in->ts < LOG_TS_UTC_MIN || in->ts > LOG_TS_UTC_MAX)) {
		*cause = xasprintf(_("%s: the time is outside the years 0000 to "
		    "9999 in UTC (with its offset it falls in another year): "
		    "give a time within them; nothing was recorded"),
		    in->type != NULL ? in->type : "");
		return -1;
	}
	if (!log->in_batch && log_begin_write(log, cause) != 0)
		return -1;
	/*
	 * A retry of an append whose outcome was unknown (a failed sync)
	 * carries the same uuid: when that event is in the log, say so
	 * distinctly, so that the caller can count it as recorded.
	 */
	if (in->uuid != NULL) {
		snprintf(lower, sizeof lower, "%s", in->uuid);
		for (i = 0; lower[i] != '\0'; i++)
			lower[i] = (char)tolower((unsigned char)lower[i]);
	}
	if (in->uuid != NULL && log_get_uuid(log, lower, &found) == 0) {
		*cause = xasprintf(_("%s: an event with uuid %s is already in "
		    "the log (seq %lld)"), log->path, lower, (long long)found.seq);
		if (out != NULL)
			*out = found;
		else
			event_clear(&found);
		if (!log->in_batch)
			log_rollback(log);
		return LOG_EXISTS;
	}
	/* Validate inside the transaction: references see what is committed. */
	if (log_check_event(log, in, &payload, cause) != 0 ||
	    log_insert(log, in, payload, out, cause) != 0) {
		free(payload);
		if (!log->in_batch)
			log_rollback(log);
		return -1;
	}
	free(payload);
	if (!log->in_batch) {
		rc = sqlite3_exec(log->db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			*cause = log_errmsg(log, rc, N_("cannot commit"));
			log_rollback(log);
			if (out != NULL)
				event_clear(out);
			return -1;
		}
	}
	return 0;
}

/* --- reading --------------------------------------------------------- */

void
log_row_event(sqlite3_stmt *st, struct event *ev)
{
	const char	*s;

	memset(ev, 0, sizeof *ev);
	ev->seq = sqlite3_column_int64(st, 0);
	s = (const char *)sqlite3_column_text(st, 1);
	snprintf(ev->uuid, sizeof ev->uuid, "%s", s ? s : "");
	ev->ts = sqlite3_column_int64(st, 2);
	s = (const char *)sqlite3_column_text(st, 3);
	ev->station = xstrdup(s ? s : "");
	s = (const char *)sqlite3_column_text(st, 4);
	ev->type = xstrdup(s ? s : "");
	ev->etype = event_type_find(ev->type);
	s = (const char *)sqlite3_column_text(st, 5);
	ev->payload = xstrdup(s ? s : "{}");
	s = (const char *)sqlite3_column_text(st, 6);
	snprintf(ev->prev_hash, sizeof ev->prev_hash, "%s", s ? s : "");
	s = (const char *)sqlite3_column_text(st, 7);
	snprintf(ev->hash, sizeof ev->hash, "%s", s ? s : "");
}

int64_t
log_last_seq(struct log *log)
{
	sqlite3_stmt	*st = log_stmt(log, S_LAST);
	int64_t		 seq = 0;

	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	if (st != NULL)
		sqlite3_reset(st);
	return seq;
}

static int
get_one(struct log *log, int q, sqlite3_stmt *st, struct event *ev)
{
	int	 found = 0;

	(void)log;
	(void)q;
	memset(ev, 0, sizeof *ev);
	if (sqlite3_step(st) == SQLITE_ROW) {
		log_row_event(st, ev);
		found = 1;
	}
	sqlite3_reset(st);
	return found ? 0 : -1;
}

int
log_get(struct log *log, int64_t seq, struct event *ev)
{
	sqlite3_stmt	*st = log_stmt(log, S_GET);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	return get_one(log, S_GET, st, ev);
}

int
log_get_uuid(struct log *log, const char *uuid, struct event *ev)
{
	sqlite3_stmt	*st = log_stmt(log, S_GET_UUID);

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	return get_one(log, S_GET_UUID, st, ev);
}

static int
run_each(struct log *log, sqlite3_stmt *st, log_cb fn, void *arg,
    char **cause)
{
	struct event	 ev;
	int		 rc, stop = 0;

	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&ev, 0, sizeof ev);
		log_row_event(st, &ev);
		stop = fn(&ev, arg);
		event_clear(&ev);
	}
	if (!stop && rc != SQLITE_DONE) {
		if (cause != NULL)
			*cause = log_errmsg(log, rc, N_("cannot read the log"));
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

int
log_foreach(struct log *log, int64_t from, int64_t to, const char *type,
    log_cb fn, void *arg, char **cause)
{
	sqlite3_stmt	*st;

	/* A private statement: callbacks may read the log themselves. */
	if (sqlite3_prepare_v2(log->db, log_sql[type ? S_RANGE_TYPE : S_RANGE],
	    -1, &st, NULL) != SQLITE_OK) {
		if (cause != NULL)
			*cause = log_errmsg(log, sqlite3_errcode(log->db),
			    N_("cannot read the log"));
		return -1;
	}
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to < 0 ? INT64_MAX : to);
	if (type != NULL)
		sqlite3_bind_text(st, 3, type, -1, SQLITE_STATIC);
	from = run_each(log, st, fn, arg, cause);
	sqlite3_finalize(st);
	return (int)from;
}

int
log_foreach_type_rev(struct log *log, int64_t to, const char *type,
    log_cb fn, void *arg, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(log->db, log_sql[S_RANGE_TYPE_REV], -1, &st,
	    NULL) != SQLITE_OK) {
		if (cause != NULL)
			*cause = log_errmsg(log, sqlite3_errcode(log->db),
			    N_("cannot read the log"));
		return -1;
	}
	sqlite3_bind_int64(st, 1, 1);
	sqlite3_bind_int64(st, 2, to < 0 ? INT64_MAX : to);
	sqlite3_bind_text(st, 3, type, -1, SQLITE_STATIC);
	rc = run_each(log, st, fn, arg, cause);
	sqlite3_finalize(st);
	return rc;
}

int
log_foreach_rev(struct log *log, int64_t before, int limit, log_cb fn,
    void *arg, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(log->db, log_sql[S_REV], -1, &st, NULL) !=
	    SQLITE_OK) {
		if (cause != NULL)
			*cause = log_errmsg(log, sqlite3_errcode(log->db),
			    N_("cannot read the log"));
		return -1;
	}
	sqlite3_bind_int64(st, 1, before);
	sqlite3_bind_int(st, 2, limit);
	rc = run_each(log, st, fn, arg, cause);
	sqlite3_finalize(st);
	return rc;
}

int64_t
log_data_version(struct log *log)
{
	long long	 v = 0;

	log_pragma_int(log, "PRAGMA data_version", &v);
	return v;
}


/* --- cursors and snapshots ------------------------------------------- */

/*
 * The cursors' queries. The speech fields come from the data_ columns of
 * schema 2; a version-1 file opened read-only extracts them here.
 */
static const char *log_rows_sql[] = {
	"SELECT seq, uuid, ts, station, type, payload, hash, data_speaker,"
	" data_text, data_label, data_kind, data_started"
	" FROM events ORDER BY seq",
	"SELECT seq, uuid, ts, station, type,"
	" payload, hash, json_extract(payload, '$.speaker'),"
	" json_extract(payload, '$.text'), json_extract(payload, '$.label'),"
	" json_extract(payload, '$.kind'), json_extract(payload, '$.started')"
	" FROM events ORDER BY seq",
	"SELECT seq, uuid, ts, station, type,"
	" json_extract(payload, '$.target'), CASE json_type(payload,"
	" '$.data') WHEN 'object' THEN json(json_extract(payload, '$.data'))"
	" END, json_extract(payload, '$.reason') FROM events"
	" WHERE type IN ('amend', 'retract', 'redact') ORDER BY seq",
	/*
	 * The speeches after ?1, by a scan in seq order (+type: the index
	 * on type would fetch each row by its seq, twice the work), without
	 * their payload and hash.
	 */
	"SELECT seq, uuid, ts, station, type, NULL, NULL, data_speaker,"
	" data_text, data_label, data_kind, data_started"
	" FROM events WHERE +type = 'speech' AND seq > ?1 ORDER BY seq",
	"SELECT seq, uuid, ts, station, type,"
	" NULL, NULL, json_extract(payload, '$.speaker'),"
	" json_extract(payload, '$.text'), json_extract(payload, '$.label'),"
	" json_extract(payload, '$.kind'), json_extract(payload, '$.started')"
	" FROM events WHERE +type = 'speech' AND seq > ?1 ORDER BY seq",
};

struct log_rows {
	struct log	*log;
	sqlite3_stmt	*st;
	int		 what;
	struct verify	*vf;		/* log_rows_open_verified */
	struct log_verify *v;
	int		 rc;		/* of the last step */
	struct log_row	 row;
	/* Most rows repeat the type of the row before: look it up once. */
	char		 last_type[32];
	int		 last_len;
	enum event_type	 last_etype;
};

struct log_rows *
log_rows_open(struct log *log, int what, char **cause)
{
	return log_rows_open_after(log, what, 0, cause);
}

struct log_rows *
log_rows_open_after(struct log *log, int what, int64_t after, char **cause)
{
	struct log_rows	*r;
	const char	*sql;
	int		 rc;

	*cause = NULL;
	if (what == LOG_ROWS_CORRECTIONS)
		sql = log_rows_sql[2];
	else if (what == LOG_ROWS_SPEECHES)
		sql = log_rows_sql[log->version >= 2 ? 3 : 4];
	else
		sql = log_rows_sql[log->version >= 2 ? 0 : 1];
	r = xcalloc(1, sizeof *r);
	r->log = log;
	r->what = what;
	r->last_len = -1;
	if ((rc = sqlite3_prepare_v2(log->db, sql, -1, &r->st, NULL)) !=
	    SQLITE_OK) {
		*cause = log_errmsg(log, rc, N_("cannot read the log"));
		free(r);
		return NULL;
	}
	if (what == LOG_ROWS_SPEECHES)
		sqlite3_bind_int64(r->st, 1, after);
	return r;
}

struct log_rows *
log_rows_open_verified(struct log *log, struct log_verify *v, char **cause)
{
	struct log_rows	*r;
	int		 rc;

	*cause = NULL;
	v->broken = NULL;
	r = xcalloc(1, sizeof *r);
	r->log = log;
	r->what = LOG_ROWS_EVENTS;
	r->last_len = -1;
	r->v = v;
	if ((r->vf = log_verify_begin(log, 0, v, &v->broken)) == NULL) {
		free(r);
		return NULL;
	}
	if ((rc = sqlite3_prepare_v2(log->db, log_verify_sql(log), -1, &r->st,
	    NULL)) != SQLITE_OK) {
		*cause = log_errmsg(log, rc, N_("cannot read the log"));
		log_verify_end(&r->vf, rc, &v->broken);
		free(v->broken);
		v->broken = NULL;
		free(r);
		return NULL;
	}
	return r;
}

static enum event_type
log_rows_etype(struct log_rows *r, const char *type, int len)
{
	if (len == r->last_len && memcmp(type, r->last_type, len) == 0)
		return r->last_etype;
	/* By bytes: "retract" followed by a NUL and more is not a retract. */
	if (memchr(type, '\0', len) != NULL)
		return EV_UNKNOWN;
	r->last_etype = event_type_find(type);
	if ((size_t)len < sizeof r->last_type) {
		memcpy(r->last_type, type, len);
		r->last_len = len;
	} else
		r->last_len = -1;
	return r->last_etype;
}

#define ROW_TEXT(st, i)	((const char *)sqlite3_column_text((st), (i)))

const struct log_row *
log_rows_next(struct log_rows *r)
{
	sqlite3_stmt	*st = r->st;
	struct log_row	*row = &r->row;

	for (;;) {
		if ((r->rc = sqlite3_step(st)) != SQLITE_ROW)
			return NULL;
		if (r->vf != NULL) {
			/* Verify first: it reads each column by its type. */
			log_verify_row(r->vf, st);
			row->uuid = ROW_TEXT(st, 1);
			row->type = ROW_TEXT(st, 4);
			if (row->uuid == NULL || row->type == NULL ||
			    (row->payload = ROW_TEXT(st, 5)) == NULL)
				continue;
			row->hash = ROW_TEXT(st, 7);
			row->speaker = ROW_TEXT(st, 8);
			row->text = ROW_TEXT(st, 9);
			row->label = ROW_TEXT(st, 10);
			row->kind = ROW_TEXT(st, 11);
			row->started = ROW_TEXT(st, 12);
			goto common;
		}
		row->uuid = ROW_TEXT(st, 1);
		row->type = ROW_TEXT(st, 4);
		if (row->uuid == NULL || row->type == NULL)
			continue;
		if (r->what == LOG_ROWS_CORRECTIONS) {
			if ((row->target = ROW_TEXT(st, 5)) == NULL)
				continue;
			row->data = ROW_TEXT(st, 6);
			row->reason = ROW_TEXT(st, 7);
		} else {
			if ((row->payload = ROW_TEXT(st, 5)) == NULL &&
			    r->what != LOG_ROWS_SPEECHES)
				continue;
			row->hash = ROW_TEXT(st, 6);
			row->speaker = ROW_TEXT(st, 7);
			row->text = ROW_TEXT(st, 8);
			row->label = ROW_TEXT(st, 9);
			row->kind = ROW_TEXT(st, 10);
			row->started = ROW_TEXT(st, 11);
		}
common:
		row->seq = sqlite3_column_int64(st, 0);
		row->ts = sqlite3_column_int64(st, 2);
		row->station = ROW_TEXT(st, 3);
		row->etype = log_rows_etype(r, row->type,
		    sqlite3_column_bytes(st, 4));
		return row;
	}
}

int
log_rows_close(struct log_rows **rp, char **cause)
{
	struct log_rows	*r = *rp;
	int		 rc = 0;

	if (cause != NULL)
		*cause = NULL;
	if (r == NULL)
		return 0;
	if (r->rc != SQLITE_DONE && r->rc != SQLITE_ROW && r->rc != 0) {
		if (cause != NULL)
			*cause = log_errmsg(r->log, r->rc, N_("cannot read the log"));
		rc = -1;
	}
	sqlite3_finalize(r->st);
	if (r->vf != NULL)	/* a cursor closed early is not verified */
		log_verify_end(&r->vf, r->rc == SQLITE_ROW ? SQLITE_ABORT :
		    r->rc, &r->v->broken);
	free(r);
	*rp = NULL;
	return rc;
}

int
log_read_begin(struct log *log, char **cause)
{
	int	 rc;

	*cause = NULL;
	if (log->reading++ > 0 || !sqlite3_get_autocommit(log->db))
		return 0;
	if ((rc = sqlite3_exec(log->db, "BEGIN", NULL, NULL, NULL)) !=
	    SQLITE_OK) {
		log->reading--;
		*cause = log_errmsg(log, rc, N_("cannot read the log"));
		return -1;
	}
	log->read_began = 1;
	return 0;
}

void
log_read_end(struct log *log)
{
	if (log->reading == 0 || --log->reading > 0)
		return;
	if (log->read_began) {
		log->read_began = 0;
		sqlite3_exec(log->db, "COMMIT", NULL, NULL, NULL);
	}
}

/*
 * The meeting file: an SQLite database holding the append-only,
 * hash-chained events table, the chain head and the drafts table.
 *
 * struct log owns one sqlite3 connection and its prepared statements.
 * Appends validate the event against the vocabulary (event.c) and the
 * events already in the file, then compute seq and the hash inside one
 * write transaction, so that several processes appending to one file keep
 * seq gapless and the chain whole. Nothing here prints or exits.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include "clock.h"
#include "event.h"
#include "json.h"
#include "log.h"
#include "utf8.h"
#include "xmalloc.h"

#define LOG_MAX_PAYLOAD		(2 * 1024 * 1024)
#define LOG_BUSY_MS		10000
#define ZERO_HASH \
	"0000000000000000000000000000000000000000000000000000000000000000"

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
	"SELECT type, json(json_extract(payload, '$.data')) FROM events"
	" WHERE type IN ('amend', 'retract', 'redact')"
	" AND json_extract(payload, '$.target') = ?1"
	" AND seq > ?2 ORDER BY seq",
	"INSERT OR REPLACE INTO drafts (station, speaker, text, started,"
	" updated) VALUES (?1, ?2, ?3, ?4, ?5)",
	"SELECT speaker, text, started FROM drafts WHERE station = ?1",
	"DELETE FROM drafts WHERE station = ?1",
};

/*
 * The events table. Schema 2 adds the data_ columns: the payload fields
 * that the minutes read for every speech, written by SQLite itself from
 * the payload at insert (STORED generated columns), so that compiling the
 * minutes does not parse JSON row by row. They are not part of the chain;
 * log_verify_chain checks that they still match the payload.
 */
#define LOG_EVENTS_COLUMNS \
	" seq INTEGER PRIMARY KEY," \
	" uuid TEXT NOT NULL UNIQUE," \
	" ts INTEGER NOT NULL," \
	" station TEXT NOT NULL," \
	" type TEXT NOT NULL," \
	" payload TEXT NOT NULL CHECK (json_valid(payload))," \
	" prev_hash TEXT NOT NULL," \
	" hash TEXT NOT NULL," \
	" data_speaker AS (json_extract(payload, '$.speaker')) STORED," \
	" data_text AS (json_extract(payload, '$.text')) STORED," \
	" data_label AS (json_extract(payload, '$.label')) STORED," \
	" data_kind AS (json_extract(payload, '$.kind')) STORED," \
	" data_started AS (json_extract(payload, '$.started')) STORED"

/* The events table's indexes and triggers (dropped with it). */
#define LOG_EVENTS_EXTRAS \
	"CREATE INDEX events_type ON events (type, seq);" \
	"CREATE INDEX events_id ON events (type, json_extract(payload, '$.id'));" \
	"CREATE INDEX events_item ON events (json_extract(payload, '$.item'))" \
	" WHERE type IN ('agenda.open', 'agenda.close');" \
	"CREATE INDEX events_target ON events" \
	" (json_extract(payload, '$.target'))" \
	" WHERE type IN ('amend', 'retract', 'redact');" \
	"CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN" \
	" SELECT RAISE(ABORT, 'events are append-only: record an amend event');" \
	" END;" \
	"CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN" \
	" SELECT RAISE(ABORT, 'events are append-only: record a retract event');" \
	" END;"

static const char log_schema[] =
	"CREATE TABLE events (" LOG_EVENTS_COLUMNS ");"
	LOG_EVENTS_EXTRAS
	"CREATE TABLE head ("
	" id INTEGER PRIMARY KEY CHECK (id = 1),"
	" seq INTEGER NOT NULL,"
	" hash TEXT NOT NULL);"
	"CREATE TABLE drafts ("
	" station TEXT PRIMARY KEY,"
	" speaker TEXT,"
	" text TEXT NOT NULL,"
	" started INTEGER,"
	" updated INTEGER NOT NULL);";

/*
 * Version 1 to 2: the events table rebuilt with the data_ columns, rows
 * copied as they are (the chain does not change), in one transaction.
 */
static const char log_migrate_v2[] =
	"CREATE TABLE events_v2 (" LOG_EVENTS_COLUMNS ");"
	"INSERT INTO events_v2 (seq, uuid, ts, station, type, payload,"
	" prev_hash, hash) SELECT seq, uuid, ts, station, type, payload,"
	" prev_hash, hash FROM events ORDER BY seq;"
	"DROP TABLE events;"
	"ALTER TABLE events_v2 RENAME TO events;"
	LOG_EVENTS_EXTRAS;

struct log {
	sqlite3		*db;
	char		*path;
	char		*station;
	int		 readonly;
	int		 in_batch;
	int		 version;	/* schema version */
	int		 unknown;	/* the last write's outcome is unknown */
	sqlite3_stmt	*st[S_MAX];
};

void
event_clear(struct event *ev)
{
	free(ev->station);
	free(ev->type);
	free(ev->payload);
	memset(ev, 0, sizeof *ev);
}

static char *
log_errmsg(struct log *log, int rc, const char *what)
{
	const char	*m = log->db != NULL ? sqlite3_errmsg(log->db) :
			    sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_FULL:
		return xasprintf("%s: %s: the disk is full; nothing was "
		    "recorded: free some space and try again", log->path, what);
	case SQLITE_READONLY:
		return xasprintf("%s: %s: the file is read-only; nothing was "
		    "recorded: check its permissions", log->path, what);
	case SQLITE_IOERR:
		/*
		 * A failed sync leaves the outcome unknown: the frames may be
		 * in the WAL and count after a restart. Say so.
		 */
		if (rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_DIR_FSYNC) {
			log->unknown = 1;
			return xasprintf("%s: %s: the disk did not confirm the "
			    "write (%s); the event may or may not be recorded: "
			    "check with giji log before recording it again",
			    log->path, what, m);
		}
		return xasprintf("%s: %s: input/output error (%s); nothing was "
		    "recorded: check the disk", log->path, what, m);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return xasprintf("%s: %s: the file stayed locked by another "
		    "process for %d s; try again", log->path, what,
		    LOG_BUSY_MS / 1000);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return xasprintf("%s: %s: the file is damaged or not a giji "
		    "meeting (%s); run giji verify, restore a copy",
		    log->path, what, m);
	}
	return xasprintf("%s: %s: %s", log->path, what, m);
}

static sqlite3_stmt *
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

static int
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

static int
pragma_int(struct log *log, const char *sql, long long *out)
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

/* Is the file's start an SQLite header? -1: unreadable; 0: no; 1: yes; 2: empty. */
static int
file_kind(const char *path, char **cause)
{
	char	 hdr[16];
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	n = read(fd, hdr, sizeof hdr);
	close(fd);
	if (n == 0)
		return 2;
	if (n != (ssize_t)sizeof hdr || memcmp(hdr, "SQLite format 3", 16) != 0)
		return 0;
	return 1;
}

static int
log_migrate(struct log *log, long long version, char **cause)
{
	const char	*what = "cannot upgrade the file to schema 2 (it is "
			    "unchanged)";
	char		*sql;
	int		 rc;

	if (version >= 2)
		return 0;
	if (log_exec(log, "BEGIN IMMEDIATE", what, cause) != 0)
		return -1;
	/* Another process may have upgraded it since version was read. */
	if ((rc = pragma_int(log, "PRAGMA user_version", &version)) !=
	    SQLITE_OK) {
		*cause = log_errmsg(log, rc, what);
		log_exec(log, "ROLLBACK", "rollback", NULL);
		return -1;
	}
	if (version >= 2) {
		log->version = (int)version;
		return log_exec(log, "COMMIT", what, cause);
	}
	sql = xasprintf("%s PRAGMA user_version = 2; COMMIT;", log_migrate_v2);
	rc = log_exec(log, sql, what, cause);
	free(sql);
	if (rc != 0) {
		log_exec(log, "ROLLBACK", "rollback", NULL);
		return -1;
	}
	log->version = 2;
	return 0;
}

static int
log_setup(struct log *log, int created, char **cause)
{
	long long	 app = 0, version = 0, tables = 0;
	char		*sql;
	int		 rc;

	if ((rc = pragma_int(log, "PRAGMA application_id", &app)) != SQLITE_OK ||
	    (rc = pragma_int(log, "PRAGMA user_version", &version)) != SQLITE_OK ||
	    (rc = pragma_int(log, "SELECT count(*) FROM sqlite_master",
	    &tables)) != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			*cause = xasprintf("%s: not a giji meeting (not an SQLite "
			    "database, or encrypted): open a .giji file made "
			    "by giji new", log->path);
		else
			*cause = log_errmsg(log, rc, "cannot read the file");
		return -1;
	}
	if (app == 0 && tables == 0) {
		if (log->readonly || !created) {
			*cause = xasprintf("%s: an empty SQLite database, not a "
			    "giji meeting: create one with giji new", log->path);
			return -1;
		}
		sql = xasprintf("BEGIN IMMEDIATE; %s PRAGMA application_id = %d;"
		    " PRAGMA user_version = %d; COMMIT;", log_schema,
		    LOG_APPLICATION_ID, LOG_SCHEMA_VERSION);
		rc = log_exec(log, sql, "cannot create the meeting", cause);
		free(sql);
		if (rc != 0)
			log_exec(log, "ROLLBACK", "rollback", NULL);
		log->version = LOG_SCHEMA_VERSION;
		return rc;
	}
	if (app != LOG_APPLICATION_ID) {
		*cause = xasprintf("%s: an SQLite database of another program "
		    "(application_id 0x%08llx), not a giji meeting: giji leaves "
		    "it untouched", log->path, app);
		return -1;
	}
	if (version > LOG_SCHEMA_VERSION) {
		*cause = xasprintf("%s: written by a newer giji (schema %lld; "
		    "this giji reads up to %d): upgrade giji to open it",
		    log->path, version, LOG_SCHEMA_VERSION);
		return -1;
	}
	if (version < 1) {
		*cause = xasprintf("%s: unknown giji schema version %lld",
		    log->path, version);
		return -1;
	}
	log->version = (int)version;
	if (version < LOG_SCHEMA_VERSION && !log->readonly)
		return log_migrate(log, version, cause);
	return 0;
}

struct log *
log_open(const char *path, int flags, char **cause)
{
	struct log	*log;
	struct stat	 sb;
	int		 created = 0, kind, rc, fd, oflags;

	*cause = NULL;
	log = xcalloc(1, sizeof *log);
	log->path = xstrdup(path);
	log->station = xstrdup("giji");
	log->readonly = (flags & LOG_READONLY) != 0;

	if (stat(path, &sb) == 0) {
		if ((flags & LOG_EXCL) != 0) {
			*cause = xasprintf("%s: already exists: choose another "
			    "name, or open it with giji %s", path, path);
			goto fail;
		}
		if (!S_ISREG(sb.st_mode)) {
			*cause = xasprintf("%s: not a regular file", path);
			goto fail;
		}
		if ((kind = file_kind(path, cause)) < 0)
			goto fail;
		if (kind == 0) {
			*cause = xasprintf("%s: not a giji meeting (not an "
			    "SQLite database): giji leaves it untouched", path);
			goto fail;
		}
		if (kind == 2)
			created = (flags & LOG_CREATE) != 0;
		if (!log->readonly && access(path, W_OK) != 0) {
			*cause = xasprintf("%s: not writable (%s): fix its "
			    "permissions, or read it with giji log", path,
			    strerror(errno));
			goto fail;
		}
	} else if (errno == ENOENT && (flags & LOG_CREATE) != 0 &&
	    !log->readonly) {
		/* Create it ourselves so that it is 0600 from the start. */
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd == -1) {
			*cause = xasprintf("%s: cannot create: %s: check that "
			    "the folder exists and is writable", path,
			    strerror(errno));
			goto fail;
		}
		close(fd);
		created = 1;
	} else if (errno == ENOENT) {
		*cause = xasprintf("%s: no such meeting file: create it with "
		    "giji new %s", path, path);
		goto fail;
	} else {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}

	oflags = log->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	rc = sqlite3_open_v2(path, &log->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		*cause = log_errmsg(log, rc, "cannot open");
		goto fail;
	}
	sqlite3_extended_result_codes(log->db, 1);
	sqlite3_busy_timeout(log->db, LOG_BUSY_MS);
	if (log_exec(log, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
	    "cannot set pragmas", cause) != 0)
		goto fail_created;
	if (log_setup(log, created, cause) != 0)
		goto fail_created;
	/* Only once it is known to be ours: switching to WAL is a write. */
	if (!log->readonly) {
		if (log_exec(log, "PRAGMA journal_mode = WAL",
		    "cannot switch to WAL", cause) != 0)
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
	free(log->path);
	free(log->station);
	free(log);
	*logp = NULL;
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

struct sqlite3 *
log_sqlite(struct log *log)
{
	return log->db;
}

char *
log_canonical(const char *prev_hash, int64_t seq, const char *uuid,
    int64_t ts, const char *station, const char *type, const char *payload,
    size_t *len)
{
	struct buf	 b;

	buf_init(&b);
	buf_printf(&b, "%s\n%lld\n%s\n%lld\n", prev_hash, (long long)seq, uuid,
	    (long long)ts);
	buf_puts(&b, station);
	buf_putc(&b, '\n');
	buf_puts(&b, type);
	buf_putc(&b, '\n');
	buf_puts(&b, payload);
	buf_putc(&b, '\n');
	*len = b.len;
	return buf_detach(&b);
}

void
log_hash(const char *prev_hash, int64_t seq, const char *uuid, int64_t ts,
    const char *station, const char *type, const char *payload,
    char out[LOG_HASH_HEX])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];
	char		*c;
	size_t		 len;

	c = log_canonical(prev_hash, seq, uuid, ts, station, type, payload, &len);
	crypto_hash_sha256(h, (const unsigned char *)c, len);
	sodium_bin2hex(out, LOG_HASH_HEX, h, sizeof h);
	free(c);
}

/* --- validation ------------------------------------------------------ */

static int
valid_uuid(const char *s)
{
	uuid_t	 u;

	return strlen(s) == 36 && uuid_parse(s, u) == 0;
}

/* The top-level fields of a payload, read once with json_each. */
struct fields {
	struct json_pair	*p;
	size_t			 n;
};

static const struct json_pair *
field(const struct fields *fs, const char *name)
{
	size_t	 i;

	for (i = 0; i < fs->n; i++) {
		if (strcmp(fs->p[i].key, name) == 0)
			return &fs->p[i];
	}
	return NULL;
}

/*
 * What is being validated: a new event of type d, or (amend set) the
 * earlier event of type d that an amend corrects, as the amend would
 * leave it. Only the causes differ: "vote.tally: field 'for' must be …"
 * and "amend: field 'for' of vote.tally: must be …".
 */
struct check {
	struct log		*log;
	const struct event_def	*d;
	int			 amend;
	int			 imported;	/* event_in's */
};

/*
 * A refusal about field name (NULL: about the whole event). The message
 * starts with its separator from the field: " must be …" or ": unknown …".
 */
static char * __attribute__((format(printf, 3, 4)))
check_cause(const struct check *ck, const char *name, const char *fmt, ...)
{
	va_list		 ap;
	const char	*m;
	char		*msg, *r;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	m = msg + strspn(msg, ": ");
	if (ck->amend && name != NULL)
		r = xasprintf("amend: field '%s' of %s: %s", name, ck->d->type,
		    m);
	else if (ck->amend)
		r = xasprintf("amend: %s as amended: %s", ck->d->type, m);
	else if (name != NULL)
		r = xasprintf("%s: field '%s'%s", ck->d->type, name, msg);
	else
		r = xasprintf("%s: %s", ck->d->type, m);
	free(msg);
	return r;
}

/* An integer field's value (as json_each prints it) in 0 .. EVENT_INT_MAX. */
static int
int_in_range(const char *v)
{
	long long	 n;
	char		*end;

	errno = 0;
	n = strtoll(v, &end, 10);
	return *v != '\0' && *end == '\0' && errno == 0 && n >= 0 &&
	    n <= EVENT_INT_MAX;
}

static int
check_value(const struct check *ck, const struct field_def *f,
    const struct fields *fs, char **cause)
{
	const struct json_pair	*jp = field(fs, f->name);
	enum json_kind		 k = jp != NULL ? jp->kind : JSON_NONE;
	const char		*v, *vals, *e;
	size_t			 n, i;
	int64_t			 t;
	int			 okv = 1;

	if (k == JSON_NONE || k == JSON_NULL) {
		if (f->required) {
			*cause = check_cause(ck, f->name, " is required (%s)",
			    f->help);
			return -1;
		}
		return 0;
	}
	switch (f->type) {
	case FT_STRING:
	case FT_TIME:
		okv = k == JSON_TEXT;
		break;
	case FT_INT:
		/* A real gets the range's message below. */
		okv = k == JSON_INTEGER || k == JSON_REAL;
		break;
	case FT_NUMBER:
		okv = k == JSON_INTEGER || k == JSON_REAL;
		break;
	case FT_BOOL:
		okv = k == JSON_TRUE || k == JSON_FALSE;
		break;
	case FT_LIST:
		okv = k == JSON_ARRAY;
		break;
	case FT_OBJECT:
		okv = k == JSON_OBJECT;
		break;
	case FT_INT_OR_STRING:
		okv = k == JSON_INTEGER || k == JSON_REAL || k == JSON_TEXT;
		break;
	case FT_ANY:
		break;
	}
	if (!okv) {
		*cause = check_cause(ck, f->name, " must be %s",
		    field_type_name(f->type));
		return -1;
	}
	v = jp->value != NULL ? jp->value : "";
	if (f->type == FT_LIST) {
		struct json_pair	*el;

		el = json_pairs(v, &n);
		for (i = 0; okv && i < n; i++)
			okv = el[i].kind == JSON_TEXT;
		json_pairs_free(el, n);
		if (!okv) {
			*cause = check_cause(ck, f->name, " must be a list of "
			    "strings");
			return -1;
		}
	}
	if (f->type == FT_TIME && clock_parse(v, NULL, &t) != 0) {
		*cause = check_cause(ck, f->name, " is not an ISO 8601 time "
		    "(like 2022-06-27T14:03:05+09:00): '%s'", v);
		return -1;
	}
	/*
	 * Every integer of the vocabulary is a count or a number of people:
	 * 0 to EVENT_INT_MAX. SQLite reads an integer too large for 64 bits
	 * as a real (99999999999999999999 is 1.0e+20): refused here, it
	 * cannot come back wrong from the log.
	 */
	if ((f->type == FT_INT || f->type == FT_INT_OR_STRING) &&
	    (k == JSON_INTEGER || k == JSON_REAL) && !int_in_range(v)) {
		*cause = check_cause(ck, f->name, " must be an integer from 0 "
		    "to %d, not %s", EVENT_INT_MAX, v);
		return -1;
	}
	/* Allowed values are enforced on required fields. */
	if (f->values != NULL && f->required && f->type == FT_STRING) {
		okv = 0;
		for (vals = f->values; !okv && *vals != '\0'; vals = e) {
			e = strchr(vals, '|');
			if (e == NULL)
				e = strchr(vals, '\0');
			okv = strlen(v) == (size_t)(e - vals) &&
			    strncmp(v, vals, (size_t)(e - vals)) == 0;
			if (*e == '|')
				e++;
		}
		if (!okv) {
			*cause = check_cause(ck, f->name, " is '%s'; it must "
			    "be one of %s", v, f->values);
			return -1;
		}
	}
	return 0;
}

/* Every field of the type's row: present when required, of its type. */
static int
check_values(const struct check *ck, const struct fields *fs, char **cause)
{
	const struct field_def	*f;

	for (f = ck->d->fields; f->name != NULL; f++) {
		if (check_value(ck, f, fs, cause) != 0)
			return -1;
	}
	return 0;
}

static int
has_id(struct log *log, const char *type, const char *id)
{
	sqlite3_stmt	*st = log_stmt(log, S_HAS_ID);
	int		 found;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);	/* never leave a read transaction open */
	return found;
}

/* 1 when the item was closed (last open/close event is a close). */
static int
item_closed(struct log *log, const char *item)
{
	sqlite3_stmt	*st = log_stmt(log, S_ITEM_STATE);
	int		 closed = 0;

	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, item, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		closed = strcmp((const char *)sqlite3_column_text(st, 0),
		    "agenda.close") == 0;
	sqlite3_reset(st);
	return closed;
}

static char *
vote_item(struct log *log, const char *vote)
{
	sqlite3_stmt	*st = log_stmt(log, S_VOTE_ITEM);
	char		*item = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, vote, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL)
		item = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return item;
}

/*
 * What the payload says about other events: the ids it names exist, the
 * uuid it names is in the log, agenda.order and roll-call ballots name
 * known items and members, a tally gives something to count.
 */
static int
check_refs(const struct check *ck, const char *payload,
    const struct fields *fs, char **cause)
{
	struct log		*log = ck->log;
	const struct field_def	*f;
	sqlite3_stmt		*st;
	char			*v;
	const char		*kind;
	size_t			 n, i;
	int			 found, rc = 0;

	for (f = ck->d->fields; rc == 0 && f->name != NULL; f++) {
		if (f->ref == REF_NONE)
			continue;
		if (field(fs, f->name) == NULL ||
		    field(fs, f->name)->value == NULL)
			continue;
		v = xstrdup(field(fs, f->name)->value);
		switch (f->ref) {
		case REF_MEMBER:
			kind = "member.add";
			break;
		case REF_ITEM:
			kind = "agenda.add";
			break;
		case REF_VOTE:
			kind = "vote.call";
			break;
		default:
			kind = NULL;
			break;
		}
		if (kind != NULL) {
			/* Imported: it may come later in the file. */
			found = ck->imported ? 1 : has_id(log, kind, v);
			if (found != 1) {
				*cause = check_cause(ck, f->name, ": unknown "
				    "%s '%s' (add it first with %s)",
				    f->ref == REF_MEMBER ? "member" :
				    f->ref == REF_ITEM ? "agenda item" : "vote",
				    v, kind);
				rc = -1;
			}
		} else if (f->ref == REF_UUID) {
			if (!valid_uuid(v)) {
				*cause = check_cause(ck, f->name, ": '%s' is "
				    "not a uuid", v);
				rc = -1;
			} else if ((st = log_stmt(log, S_HAS_UUID)) != NULL) {
				sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
				if (sqlite3_step(st) != SQLITE_ROW) {
					*cause = check_cause(ck, f->name,
					    ": no event has uuid %s", v);
					rc = -1;
				}
				sqlite3_reset(st);
			}
		}
		free(v);
	}
	if (rc != 0)
		return rc;

	/* agenda.order names known items, each once. */
	if (strcmp(ck->d->type, "agenda.order") == 0 &&
	    field(fs, "items") != NULL && field(fs, "items")->value != NULL) {
		char	**ids;
		size_t	 k, j;

		ids = json_list(field(fs, "items")->value, &n);
		for (k = 0; rc == 0 && k < n; k++) {
			if (!ck->imported &&
			    has_id(log, "agenda.add", ids[k]) != 1) {
				*cause = check_cause(ck, "items", ": unknown "
				    "agenda item '%s'", ids[k]);
				rc = -1;
			}
			for (j = 0; rc == 0 && j < k; j++) {
				if (strcmp(ids[j], ids[k]) == 0) {
					*cause = check_cause(ck, "items", ": "
					    "'%s' is listed twice", ids[k]);
					rc = -1;
				}
			}
		}
		json_list_free(ids, n);
	}
	/* Roll-call ballots name members, each once (JSON keys are unique). */
	if (rc == 0 && strcmp(ck->d->type, "vote.tally") == 0 &&
	    json_kind(payload, "$.ballots") == JSON_OBJECT) {
		struct json_pair	*p;

		v = json_get(payload, "$.ballots");
		p = json_pairs(v, &n);
		for (i = 0; rc == 0 && i < n; i++) {
			if (!ck->imported &&
			    has_id(log, "member.add", p[i].key) != 1) {
				*cause = check_cause(ck, "ballots", ": unknown "
				    "member '%s'", p[i].key);
				rc = -1;
			} else if (p[i].value == NULL ||
			    (strcmp(p[i].value, "yes") != 0 &&
			    strcmp(p[i].value, "no") != 0 &&
			    strcmp(p[i].value, "abstain") != 0 &&
			    strcmp(p[i].value, "not_voting") != 0 &&
			    strcmp(p[i].value, "absent") != 0)) {
				*cause = check_cause(ck, "ballots", ": member "
				    "'%s' voted '%s'; a ballot is yes, no, "
				    "abstain, not_voting or absent", p[i].key,
				    p[i].value ? p[i].value : "null");
				rc = -1;
			}
		}
		json_pairs_free(p, n);
		free(v);
	}
	if (rc == 0 && strcmp(ck->d->type, "vote.tally") == 0 &&
	    field(fs, "for") == NULL && field(fs, "against") == NULL &&
	    field(fs, "abstain") == NULL && field(fs, "ballots") == NULL &&
	    field(fs, "unanimous") == NULL) {
		*cause = check_cause(ck, NULL, "give counts (for, against, "
		    "abstain), ballots, or unanimous: true");
		rc = -1;
	}
	return rc;
}

/* The types whose id is unique among events of the type. */
static int
has_unique_id(const char *type)
{
	return strcmp(type, "member.add") == 0 ||
	    strcmp(type, "agenda.add") == 0 || strcmp(type, "vote.call") == 0;
}

/*
 * What a new event may not do in the meeting as it stands: reuse an id,
 * or vote on a closed item. A correction (amend) is exempt: it may come
 * after the item closed.
 */
static int
check_state(const struct check *ck, const char *payload, char **cause)
{
	struct log	*log = ck->log;
	const char	*type = ck->d->type;
	char		*v, *item;
	int		 rc = 0;

	if (has_unique_id(type)) {
		v = json_get(payload, "$.id");
		if (v != NULL && has_id(log, type, v) == 1) {
			*cause = check_cause(ck, "id", ": '%s' is already used "
			    "(ids are unique; correct it with amend)", v);
			rc = -1;
		}
		free(v);
	}
	if (ck->imported)
		return rc;	/* another writer's order of events stands */
	if (rc == 0 && strcmp(type, "vote.call") == 0) {
		v = json_get(payload, "$.item");
		if (v != NULL && item_closed(log, v)) {
			*cause = check_cause(ck, "item", ": item '%s' is "
			    "closed (reopen it with agenda.open first)", v);
			rc = -1;
		}
		free(v);
	}
	if (rc == 0 && strcmp(type, "vote.tally") == 0) {
		v = json_get(payload, "$.vote");
		item = v != NULL ? vote_item(log, v) : NULL;
		if (item != NULL && item_closed(log, item)) {
			*cause = check_cause(ck, "vote", ": vote '%s' is on "
			    "item '%s', which is closed", v, item);
			rc = -1;
		}
		free(item);
		free(v);
	}
	return rc;
}

int
log_corrected(struct log *log, const struct event *ev, unsigned what,
    char **out, char **cause)
{
	sqlite3_stmt		*st;
	const char		*type, *patch;
	char			*data, *next;
	int			 rc;

	*out = NULL;
	if ((st = log_stmt(log, S_CORRECTIONS)) == NULL) {
		*cause = log_errmsg(log, sqlite3_errcode(log->db),
		    "cannot read the corrections");
		return -1;
	}
	sqlite3_bind_text(st, 1, ev->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, ev->seq);
	data = xstrdup(ev->payload);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		type = (const char *)sqlite3_column_text(st, 0);
		patch = (const char *)sqlite3_column_text(st, 1);
		if (type == NULL)
			continue;
		if (strcmp(type, "retract") == 0 && (what & LOG_CORR_RETRACTS)) {
			free(data);
			data = NULL;
			rc = SQLITE_DONE;
			break;
		}
		if (strcmp(type, "amend") == 0 && patch != NULL &&
		    (what & LOG_CORR_AMENDS)) {
			next = json_merge(data, patch);
			free(data);
			data = next;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = log_errmsg(log, rc, "cannot read the corrections");
		free(data);
		return -1;
	}
	*out = data;
	return 0;
}

/*
 * An amend replaces fields of its target: the target as amended (its
 * payload, the amends before, then this one's data, merged as the fold
 * merges them) must still be a valid event of the target's type, with
 * the same lenience as a new one (unknown fields kept, allowed values
 * enforced on required fields). Corrections of corrections are not
 * checked: the fold never applies them.
 */
static int
check_amend(struct log *log, const char *payload, int imported, char **cause)
{
	struct event	 target;
	struct check	 ck;
	struct fields	 fs = { NULL, 0 };
	char		*uuid, *data, *before = NULL, *after = NULL;
	char		*id0 = NULL, *id1 = NULL;
	int		 rc = -1;

	uuid = json_get(payload, "$.target");
	data = json_get(payload, "$.data");
	memset(&target, 0, sizeof target);
	if (uuid == NULL || data == NULL ||
	    log_get_uuid(log, uuid, &target) != 0) {
		/* check_refs has refused it already. */
		*cause = xasprintf("amend: field 'target': no event has uuid "
		    "%s", uuid != NULL ? uuid : "");
		goto out;
	}
	ck.log = log;
	ck.amend = 1;
	ck.imported = imported;
	if ((ck.d = event_def_find(target.type)) == NULL ||
	    strcmp(target.type, "amend") == 0 ||
	    strcmp(target.type, "retract") == 0 ||
	    strcmp(target.type, "redact") == 0) {
		rc = 0;
		goto out;
	}
	if (log_corrected(log, &target, LOG_CORR_AMENDS, &before, cause) != 0)
		goto out;
	after = json_merge(before, data);
	fs.p = json_pairs(after, &fs.n);
	if (check_values(&ck, &fs, cause) != 0 ||
	    check_refs(&ck, after, &fs, cause) != 0)
		goto out;
	/* A new id must be free (the same id is the target's own). */
	if (has_unique_id(target.type)) {
		id0 = json_get(before, "$.id");
		id1 = json_get(after, "$.id");
		if (id1 != NULL && (id0 == NULL || strcmp(id0, id1) != 0) &&
		    has_id(log, target.type, id1) == 1) {
			*cause = check_cause(&ck, "id", ": '%s' is already "
			    "used (ids are unique)", id1);
			goto out;
		}
	}
	rc = 0;
out:
	json_pairs_free(fs.p, fs.n);
	event_clear(&target);
	free(uuid);
	free(data);
	free(before);
	free(after);
	free(id0);
	free(id1);
	return rc;
}

static int
check_event(struct log *log, const struct event_in *in, char **payload_out,
    char **cause)
{
	struct check	 ck;
	struct fields	 fs;
	char		*payload;
	size_t		 len, bad;

	if ((ck.d = event_def_find(in->type)) == NULL) {
		*cause = xasprintf("unknown event type '%s' (see giji-events(5)"
		    " for the vocabulary)", in->type ? in->type : "");
		return -1;
	}
	ck.log = log;
	ck.amend = 0;
	ck.imported = in->imported;
	if (in->payload == NULL) {
		*cause = xasprintf("%s: no data", in->type);
		return -1;
	}
	len = strlen(in->payload);
	if (len > LOG_MAX_PAYLOAD) {
		*cause = xasprintf("%s: data is %zu bytes; the limit is %d "
		    "(split the text into several events)", in->type, len,
		    LOG_MAX_PAYLOAD);
		return -1;
	}
	if ((bad = utf8_invalid_at(in->payload, len)) != (size_t)-1) {
		*cause = xasprintf("%s: data is not valid UTF-8 (byte %zu is "
		    "0x%02x): convert the text to UTF-8", in->type, bad,
		    (unsigned char)in->payload[bad]);
		return -1;
	}
	if (json_kind(in->payload, "$") != JSON_OBJECT ||
	    (payload = json_minify(in->payload)) == NULL) {
		*cause = xasprintf("%s: data is not a JSON object", in->type);
		return -1;
	}
	fs.p = json_pairs(payload, &fs.n);
	if (check_values(&ck, &fs, cause) != 0)
		goto fail;
	if (in->uuid != NULL && !valid_uuid(in->uuid)) {
		*cause = xasprintf("%s: '%s' is not a uuid", in->type, in->uuid);
		goto fail;
	}
	if (check_refs(&ck, payload, &fs, cause) != 0 ||
	    check_state(&ck, payload, cause) != 0)
		goto fail;
	if (strcmp(in->type, "amend") == 0 &&
	    check_amend(log, payload, in->imported, cause) != 0)
		goto fail;
	json_pairs_free(fs.p, fs.n);
	*payload_out = payload;
	return 0;
fail:
	json_pairs_free(fs.p, fs.n);
	free(payload);
	return -1;
}

int
log_check(struct log *log, const struct event_in *in, char **cause)
{
	char	*payload;

	*cause = NULL;
	if (check_event(log, in, &payload, cause) != 0)
		return -1;
	free(payload);
	return 0;
}

/* --- writing --------------------------------------------------------- */

static int
log_begin_write(struct log *log, char **cause)
{
	int	 rc, tries, moved = 0;

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
				*cause = xasprintf("%s: the file was deleted, "
				    "moved or replaced while giji had it open; "
				    "nothing was recorded: open the meeting "
				    "again", log->path);
				return -1;
			}
			return 0;
		}
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			break;
		usleep(10000);
	}
	*cause = log_errmsg(log, rc, "cannot start writing");
	return -1;
}

int
log_begin(struct log *log, char **cause)
{
	*cause = NULL;
	if (log->readonly) {
		*cause = xasprintf("%s: opened read-only", log->path);
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
		*cause = log_errmsg(log, rc, "cannot commit");
		sqlite3_exec(log->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

void
log_rollback(struct log *log)
{
	log->in_batch = 0;
	sqlite3_exec(log->db, "ROLLBACK", NULL, NULL, NULL);
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
	int		 rc;

	if ((st = log_stmt(log, S_LAST)) == NULL)
		goto sqlfail;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		seq = sqlite3_column_int64(st, 0);
		snprintf(prev, sizeof prev, "%s", sqlite3_column_text(st, 1));
	} else if (rc == SQLITE_DONE)
		memcpy(prev, ZERO_HASH, sizeof prev);
	else {
		*cause = log_errmsg(log, rc, "cannot read the last event");
		return -1;
	}
	sqlite3_reset(st);
	seq++;

	if (in->uuid != NULL)
		snprintf(uuid, sizeof uuid, "%s", in->uuid);
	else {
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
		*cause = log_errmsg(log, rc, "cannot record the event");
		return -1;
	}
	if ((st = log_stmt(log, S_HEAD)) == NULL)
		goto sqlfail;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = log_errmsg(log, rc, "cannot record the event");
		return -1;
	}
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
sqlfail:
	*cause = log_errmsg(log, sqlite3_errcode(log->db), "cannot prepare");
	return -1;
}

int
log_append(struct log *log, const struct event_in *in, struct event *out,
    char **cause)
{
	struct event	 found;
	const unsigned char	*p;
	const char		*station;
	char			*payload = NULL;
	int			 rc;

	*cause = NULL;
	log->unknown = 0;
	if (log->readonly) {
		*cause = xasprintf("%s: opened read-only; nothing was recorded",
		    log->path);
		return -1;
	}
	/*
	 * Fields are joined with LF in the canonical string: a control
	 * character in the station would let a tamperer move the boundary
	 * between station and type without changing the hash.
	 */
	station = in->station != NULL ? in->station : log->station;
	for (p = (const unsigned char *)station; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			*cause = xasprintf("the station name contains a "
			    "control character; nothing was recorded");
			return -1;
		}
	}
	if (!log->in_batch && log_begin_write(log, cause) != 0)
		return -1;
	/*
	 * A retry of an append whose outcome was unknown (a failed sync)
	 * carries the same uuid: when that event is in the log, say so
	 * distinctly, so that the caller can count it as recorded.
	 */
	if (in->uuid != NULL && log_get_uuid(log, in->uuid, &found) == 0) {
		*cause = xasprintf("%s: an event with uuid %s is already in the "
		    "log (seq %lld)", log->path, in->uuid, (long long)found.seq);
		if (out != NULL)
			*out = found;
		else
			event_clear(&found);
		if (!log->in_batch)
			log_rollback(log);
		return LOG_EXISTS;
	}
	/* Validate inside the transaction: references see what is committed. */
	if (check_event(log, in, &payload, cause) != 0 ||
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
			*cause = log_errmsg(log, rc, "cannot commit");
			log_rollback(log);
			if (out != NULL)
				event_clear(out);
			return -1;
		}
	}
	return 0;
}

/* --- reading --------------------------------------------------------- */

static void
row_event(sqlite3_stmt *st, struct event *ev)
{
	const char	*s;

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
		row_event(st, ev);
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
		row_event(st, &ev);
		stop = fn(&ev, arg);
		event_clear(&ev);
	}
	if (!stop && rc != SQLITE_DONE) {
		if (cause != NULL)
			*cause = log_errmsg(log, rc, "cannot read the log");
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
			    "cannot read the log");
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
log_foreach_rev(struct log *log, int64_t before, int limit, log_cb fn,
    void *arg, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(log->db, log_sql[S_REV], -1, &st, NULL) !=
	    SQLITE_OK) {
		if (cause != NULL)
			*cause = log_errmsg(log, sqlite3_errcode(log->db),
			    "cannot read the log");
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

	pragma_int(log, "PRAGMA data_version", &v);
	return v;
}

/* --- verification ---------------------------------------------------- */

int
log_verify(struct log *log, int64_t *bad_seq, int64_t *count, char **cause)
{
	sqlite3_stmt	*st;
	const char	*s;
	int		 rc;

	*bad_seq = 0;
	*count = 0;
	*cause = NULL;
	rc = sqlite3_prepare_v2(log->db, "PRAGMA integrity_check", -1, &st,
	    NULL);
	if (rc != SQLITE_OK) {
		*cause = log_errmsg(log, rc, "integrity_check failed");
		return -1;
	}
	if ((rc = sqlite3_step(st)) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		s = rc == SQLITE_ROW ?
		    (const char *)sqlite3_column_text(st, 0) : sqlite3_errmsg(log->db);
		*cause = xasprintf("%s: integrity_check failed: %s", log->path, s);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return log_verify_chain(log, bad_seq, count, cause);
}

int
log_verify_chain(struct log *log, int64_t *bad_seq, int64_t *count,
    char **cause)
{
	sqlite3_stmt	*st;
	char		 prev[LOG_HASH_HEX], hash[LOG_HASH_HEX];
	int64_t		 expect = 1, seq = 0, head_seq = -1;
	const char	*hs;
	char		 head_hash[LOG_HASH_HEX] = "";
	int		 rc, fail = 0;

	*bad_seq = 0;
	*count = 0;
	*cause = NULL;

	rc = sqlite3_prepare_v2(log->db, "SELECT seq, hash FROM head WHERE id = 1",
	    -1, &st, NULL);
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		head_seq = sqlite3_column_int64(st, 0);
		hs = (const char *)sqlite3_column_text(st, 1);
		snprintf(head_hash, sizeof head_hash, "%s", hs ? hs : "");
	}
	sqlite3_finalize(st);

	/* Column 8: do the data_ columns (schema 2) still match the payload? */
	rc = sqlite3_prepare_v2(log->db, log->version >= 2 ?
	    "SELECT seq, uuid, ts, station, type, payload, prev_hash, hash,"
	    " data_speaker IS json_extract(payload, '$.speaker') AND"
	    " data_text IS json_extract(payload, '$.text') AND"
	    " data_label IS json_extract(payload, '$.label') AND"
	    " data_kind IS json_extract(payload, '$.kind') AND"
	    " data_started IS json_extract(payload, '$.started')"
	    " FROM events ORDER BY seq" :
	    "SELECT seq, uuid, ts, station, type, payload, prev_hash, hash, 1"
	    " FROM events ORDER BY seq", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		*cause = log_errmsg(log, rc, "cannot read the events");
		return -1;
	}
	memcpy(prev, ZERO_HASH, sizeof prev);
	while (!fail && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *uuid, *station, *type, *payload, *ph, *h;

		seq = sqlite3_column_int64(st, 0);
		uuid = (const char *)sqlite3_column_text(st, 1);
		station = (const char *)sqlite3_column_text(st, 3);
		type = (const char *)sqlite3_column_text(st, 4);
		payload = (const char *)sqlite3_column_text(st, 5);
		ph = (const char *)sqlite3_column_text(st, 6);
		h = (const char *)sqlite3_column_text(st, 7);
		if (sqlite3_column_type(st, 2) != SQLITE_INTEGER ||
		    uuid == NULL || station == NULL || type == NULL ||
		    payload == NULL || ph == NULL || h == NULL) {
			*cause = xasprintf("seq %lld: a column is missing or of "
			    "the wrong type", (long long)seq);
			fail = 1;
			break;
		}
		if (seq != expect) {
			*cause = xasprintf("seq %lld: expected seq %lld (an "
			    "event is missing or was reordered)",
			    (long long)seq, (long long)expect);
			fail = 1;
			break;
		}
		if (strcmp(ph, prev) != 0) {
			*cause = xasprintf("seq %lld: chain broken: prev_hash "
			    "is not the hash of seq %lld", (long long)seq,
			    (long long)(seq - 1));
			fail = 1;
			break;
		}
		log_hash(prev, seq, uuid, sqlite3_column_int64(st, 2), station,
		    type, payload, hash);
		if (strcmp(hash, h) != 0) {
			*cause = xasprintf("seq %lld: hash mismatch: the event "
			    "was altered after it was recorded", (long long)seq);
			fail = 1;
			break;
		}
		if (sqlite3_column_int(st, 8) != 1) {
			*cause = xasprintf("seq %lld: the stored copy of the "
			    "payload's fields (data_ columns) differs from the "
			    "payload: the file was altered", (long long)seq);
			fail = 1;
			break;
		}
		memcpy(prev, hash, sizeof prev);
		expect++;
		(*count)++;
	}
	if (fail) {
		*bad_seq = seq;
		sqlite3_finalize(st);
		return -1;
	}
	if (rc != SQLITE_DONE) {
		*cause = log_errmsg(log, rc, "cannot read the events");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (head_seq != -1 && (head_seq != expect - 1 ||
	    strcmp(head_hash, prev) != 0)) {
		*bad_seq = head_seq;
		*cause = xasprintf("the chain head records seq %lld but the log "
		    "ends at seq %lld: events were removed or replaced at the "
		    "end", (long long)head_seq, (long long)(expect - 1));
		return -1;
	}
	if (head_seq == -1 && expect > 1) {
		*cause = xasprintf("the chain head is missing: the file was "
		    "altered");
		return -1;
	}
	return 0;
}

/* --- drafts ---------------------------------------------------------- */

int
log_draft_save(struct log *log, const char *station, const char *speaker,
    const char *text, int64_t started, char **cause)
{
	sqlite3_stmt	*st = log_stmt(log, S_DRAFT_SAVE);
	int		 rc;

	*cause = NULL;
	if (st == NULL) {
		*cause = log_errmsg(log, sqlite3_errcode(log->db), "draft");
		return -1;
	}
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	if (speaker != NULL)
		sqlite3_bind_text(st, 2, speaker, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	if (started != 0)
		sqlite3_bind_int64(st, 4, started);
	sqlite3_bind_int64(st, 5, clock_now());
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = log_errmsg(log, rc, "cannot save the draft");
		return -1;
	}
	return 0;
}

int
log_draft_load(struct log *log, const char *station, char **speaker,
    char **text, int64_t *started)
{
	sqlite3_stmt	*st = log_stmt(log, S_DRAFT_LOAD);
	const char	*s;
	int		 found = 0;

	*speaker = *text = NULL;
	*started = 0;
	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(st, 0);
		*speaker = s != NULL ? xstrdup(s) : NULL;
		s = (const char *)sqlite3_column_text(st, 1);
		*text = xstrdup(s != NULL ? s : "");
		*started = sqlite3_column_int64(st, 2);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

int
log_draft_clear(struct log *log, const char *station, char **cause)
{
	sqlite3_stmt	*st = log_stmt(log, S_DRAFT_CLEAR);
	int		 rc;

	*cause = NULL;
	if (st == NULL) {
		*cause = log_errmsg(log, sqlite3_errcode(log->db), "draft");
		return -1;
	}
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = log_errmsg(log, rc, "cannot clear the draft");
		return -1;
	}
	return 0;
}

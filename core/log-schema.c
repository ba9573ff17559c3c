/* SPDX-License-Identifier: ISC */
/*
 * The schema of a meeting file, and the rule that giji opens a file only
 * when its schema is exactly one that giji wrote.
 *
 * A meeting file may come from anywhere (another station, a shared
 * template), and SQLite obeys what its schema says: a trigger can drop an
 * insert, a view can stand in for a table, a collation can make two
 * member ids compare equal. So before any table is read, the file's
 * sqlite_master (every table, index, trigger and view, with the SQL that
 * made it) is compared, row by row and byte by byte, with the schemas
 * this giji writes or once wrote (the shapes below, each made by running
 * its SQL in an in-memory database, so that SQLite's own spelling of the
 * stored SQL is what is compared). Anything else is refused, naming the
 * object. Until the schema is known, the connection runs no trigger and
 * no view (log.c turns both off for every connection).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "log-int.h"
#include "xmalloc.h"

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

/* The index on the corrections' target, added within schema 2. */
#define LOG_EVENTS_TARGET \
	"CREATE INDEX events_target ON events" \
	" (json_extract(payload, '$.target'))" \
	" WHERE type IN ('amend', 'retract', 'redact');"

/* The events table's indexes and triggers (dropped with it). */
#define LOG_EVENTS_EXTRAS_2A \
	"CREATE INDEX events_type ON events (type, seq);" \
	"CREATE INDEX events_id ON events (type, json_extract(payload, '$.id'));" \
	"CREATE INDEX events_item ON events (json_extract(payload, '$.item'))" \
	" WHERE type IN ('agenda.open', 'agenda.close');" \
	"CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN" \
	" SELECT RAISE(ABORT, 'events are append-only: record an amend event');" \
	" END;" \
	"CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN" \
	" SELECT RAISE(ABORT, 'events are append-only: record a retract event');" \
	" END;"
#define LOG_EVENTS_EXTRAS	LOG_EVENTS_EXTRAS_2A LOG_EVENTS_TARGET

#define LOG_OTHER_TABLES \
	"CREATE TABLE head (" \
	" id INTEGER PRIMARY KEY CHECK (id = 1)," \
	" seq INTEGER NOT NULL," \
	" hash TEXT NOT NULL);" \
	"CREATE TABLE drafts (" \
	" station TEXT PRIMARY KEY," \
	" speaker TEXT," \
	" text TEXT NOT NULL," \
	" started INTEGER," \
	" updated INTEGER NOT NULL);"

/* What giji new writes today. */
static const char log_schema[] =
	"CREATE TABLE events (" LOG_EVENTS_COLUMNS ");"
	LOG_EVENTS_EXTRAS
	LOG_OTHER_TABLES;

/*
 * Schema 1, as giji wrote it before schema 2: the same tables without the
 * data_ columns, and its three indexes.
 */
static const char log_schema_v1[] =
	"CREATE TABLE events ("
	" seq INTEGER PRIMARY KEY,"
	" uuid TEXT NOT NULL UNIQUE,"
	" ts INTEGER NOT NULL,"
	" station TEXT NOT NULL,"
	" type TEXT NOT NULL,"
	" payload TEXT NOT NULL CHECK (json_valid(payload)),"
	" prev_hash TEXT NOT NULL,"
	" hash TEXT NOT NULL);"
	LOG_EVENTS_EXTRAS_2A
	LOG_OTHER_TABLES;

/*
 * Version 1 to 2: the events table rebuilt with the data_ columns, rows
 * copied as they are (the chain does not change), in one transaction.
 * SQLite stores the renamed table's SQL as CREATE TABLE "events" (…), so a
 * migrated file has a shape of its own.
 */
#define LOG_MIGRATE_V2(extras) \
	"CREATE TABLE events_v2 (" LOG_EVENTS_COLUMNS ");" \
	"INSERT INTO events_v2 (seq, uuid, ts, station, type, payload," \
	" prev_hash, hash) SELECT seq, uuid, ts, station, type, payload," \
	" prev_hash, hash FROM events ORDER BY seq;" \
	"DROP TABLE events;" \
	"ALTER TABLE events_v2 RENAME TO events;" \
	extras

/*
 * The shapes a meeting file may have. A writer upgrades an older shape to
 * the one named by upgrade, with the SQL given; a read-only open reads
 * any of them as it is.
 */
enum {
	SHAPE_V2,		/* made by giji new */
	SHAPE_V2_MIGRATED,	/* made from schema 1 */
	SHAPE_V2_NO_TARGET,	/* schema 2 before events_target */
	SHAPE_V2_MIGRATED_NO_TARGET,
	SHAPE_V1,
	SHAPE_MAX
};

static const struct {
	int		 version;
	const char	*sql;		/* makes the shape in an empty file */
	const char	*sql2;		/* then this, when not NULL */
	int		 upgrade;	/* -1: current */
	const char	*upgrade_sql;
} log_shapes[SHAPE_MAX] = {
	[SHAPE_V2] = { 2, log_schema, NULL, -1, NULL },
	[SHAPE_V2_MIGRATED] = { 2, log_schema_v1,
	    LOG_MIGRATE_V2(LOG_EVENTS_EXTRAS), -1, NULL },
	[SHAPE_V2_NO_TARGET] = { 2, "CREATE TABLE events ("
	    LOG_EVENTS_COLUMNS ");" LOG_EVENTS_EXTRAS_2A LOG_OTHER_TABLES,
	    NULL, SHAPE_V2, LOG_EVENTS_TARGET },
	[SHAPE_V2_MIGRATED_NO_TARGET] = { 2, log_schema_v1,
	    LOG_MIGRATE_V2(LOG_EVENTS_EXTRAS_2A), SHAPE_V2_MIGRATED,
	    LOG_EVENTS_TARGET },
	[SHAPE_V1] = { 1, log_schema_v1, NULL, SHAPE_V2_MIGRATED,
	    LOG_MIGRATE_V2(LOG_EVENTS_EXTRAS) },
};

/* One row of sqlite_master. */
struct schema_row {
	char	*type;
	char	*name;
	char	*tbl;
	char	*sql;		/* NULL for SQLite's own indexes */
	int	 sql_len;
};

struct schema {
	struct schema_row	*rows;
	size_t			 n;
};

static struct schema	 shape_cache[SHAPE_MAX];
static int		 shape_built[SHAPE_MAX];

static void
schema_free(struct schema *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++) {
		free(s->rows[i].type);
		free(s->rows[i].name);
		free(s->rows[i].tbl);
		free(s->rows[i].sql);
	}
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
}

static char *
col_dup(sqlite3_stmt *st, int i, int *len)
{
	const unsigned char	*t = sqlite3_column_text(st, i);
	int			 n = sqlite3_column_bytes(st, i);
	char			*s;

	if (len != NULL)
		*len = n;
	if (t == NULL)
		return NULL;
	s = xmalloc((size_t)n + 1);
	memcpy(s, t, (size_t)n);
	s[n] = '\0';
	return s;
}

/* Read sqlite_master, sorted; the sql compared by its bytes. */
static int
schema_read(sqlite3 *db, struct schema *s)
{
	sqlite3_stmt	*st;
	size_t		 cap = 0;
	int		 rc;

	memset(s, 0, sizeof *s);
	rc = sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM"
	    " sqlite_master ORDER BY type, name", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (s->n == cap) {
			cap = cap ? cap * 2 : 16;
			s->rows = xreallocarray(s->rows, cap, sizeof *s->rows);
		}
		s->rows[s->n].type = col_dup(st, 0, NULL);
		s->rows[s->n].name = col_dup(st, 1, NULL);
		s->rows[s->n].tbl = col_dup(st, 2, NULL);
		s->rows[s->n].sql = col_dup(st, 3, &s->rows[s->n].sql_len);
		s->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		schema_free(s);
		return rc;
	}
	return SQLITE_OK;
}

static const struct schema *
shape(int i)
{
	sqlite3	*db;

	if (shape_built[i])
		return &shape_cache[i];
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, log_shapes[i].sql, NULL, NULL, NULL) != SQLITE_OK ||
	    (log_shapes[i].sql2 != NULL && sqlite3_exec(db, log_shapes[i].sql2,
	    NULL, NULL, NULL) != SQLITE_OK) ||
	    schema_read(db, &shape_cache[i]) != SQLITE_OK) {
		/* Our own SQL: only out of memory gets here. */
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_close(db);
	shape_built[i] = 1;
	return &shape_cache[i];
}

static int
row_same(const struct schema_row *a, const struct schema_row *b)
{
	if (strcmp(a->type, b->type) != 0 || strcmp(a->name, b->name) != 0 ||
	    strcmp(a->tbl, b->tbl) != 0)
		return 0;
	if (a->sql == NULL || b->sql == NULL)
		return a->sql == b->sql;
	return a->sql_len == b->sql_len &&
	    memcmp(a->sql, b->sql, (size_t)a->sql_len) == 0;
}

static const struct schema_row *
row_named(const struct schema *s, const char *name)
{
	size_t	 i;

	for (i = 0; i < s->n; i++) {
		if (s->rows[i].name != NULL && strcmp(s->rows[i].name, name) == 0)
			return &s->rows[i];
	}
	return NULL;
}

/*
 * How far the file's schema is from a shape: the number of objects added,
 * missing or changed, and a sentence about the first one.
 */
static size_t
schema_diff(const struct schema *file, const struct schema *want,
    char **first)
{
	static const char	*order[] = { "view", "trigger", "table", "index",
				    NULL };
	const struct schema_row	*r, *w;
	size_t			 i, n = 0;
	int			 k, known;

	/* What could act first (views, triggers), then tables, indexes. */
	*first = NULL;
	for (k = 0; k <= 4; k++) {
		for (i = 0; i < file->n; i++) {
			r = &file->rows[i];
			if (r->name == NULL || r->type == NULL ||
			    r->tbl == NULL) {
				if (k == 4 && n++ == 0)
					*first = xstrdup(_("an object "
					    "without a name"));
				continue;
			}
			known = k < 4 && strcmp(r->type, order[k]) == 0;
			if (k < 4 && !known)
				continue;
			if (k == 4 && (strcmp(r->type, "table") == 0 ||
			    strcmp(r->type, "view") == 0 ||
			    strcmp(r->type, "trigger") == 0 ||
			    strcmp(r->type, "index") == 0))
				continue;
			if ((w = row_named(want, r->name)) == NULL) {
				if (n++ == 0)
					*first = xasprintf(_("an unexpected %s "
					    "'%s' (giji makes no such %s)"),
					    r->type, r->name, r->type);
			} else if (strcmp(r->type, w->type) != 0) {
				if (n++ == 0)
					*first = xasprintf(_("'%s' is a %s, "
					    "where giji makes a %s"), r->name, r->type,
					    w->type);
			} else if (!row_same(r, w)) {
				if (n++ == 0)
					*first = xasprintf(_("the %s '%s' is "
					    "not the one giji makes (its "
					    "columns, constraints, collation "
					    "or SQL were changed)"), w->type, w->name);
			}
		}
	}
	for (i = 0; i < want->n; i++) {
		w = &want->rows[i];
		if (row_named(file, w->name) == NULL && n++ == 0)
			*first = xasprintf(_("the %s '%s' is missing"), w->type,
			    w->name);
	}
	return n;
}

/* The shape of the file, or -1 with a cause naming the first difference. */
static int
log_shape(struct log *log, char **cause)
{
	struct schema	 file;
	const struct schema *want;
	char		*first, *best = NULL;
	size_t		 n, best_n = (size_t)-1;
	int		 i, rc;

	if ((rc = schema_read(log->db, &file)) != SQLITE_OK) {
		*cause = log_errmsg(log, rc, N_("cannot read the schema"));
		return -1;
	}
	for (i = 0; i < SHAPE_MAX; i++) {
		if (log_shapes[i].version != log->version)
			continue;
		if ((want = shape(i)) == NULL)
			continue;
		if ((n = schema_diff(&file, want, &first)) == 0) {
			schema_free(&file);
			free(best);
			return i;
		}
		if (n < best_n) {
			free(best);
			best = first;
			best_n = n;
		} else
			free(first);
	}
	schema_free(&file);
	*cause = xasprintf(_("%s: not a meeting file as giji writes it: %s%s; "
	    "giji does not open a file whose tables, indexes, triggers or "
	    "views were changed by another program: use a copy made by giji, "
	    "or ask whoever changed it"), log->path,
	    best != NULL ? best : _("an unknown schema"),
	    best_n > 1 && best_n != (size_t)-1 ? _(" (and more)") : "");
	free(best);
	return -1;
}

int
log_schema_check(struct log *log, char **cause)
{
	long long	 cookie = 0;
	int		 rc, s;

	if ((s = log_shape(log, cause)) < 0)
		return -1;
	if ((rc = log_pragma_int(log, "PRAGMA schema_version", &cookie)) !=
	    SQLITE_OK) {
		*cause = log_errmsg(log, rc, N_("cannot read the schema"));
		return -1;
	}
	log->schema_cookie = cookie;
	return s;
}

int
log_schema_recheck(struct log *log, char **cause)
{
	long long	 cookie = 0;
	int		 rc;

	if ((rc = log_pragma_int(log, "PRAGMA schema_version", &cookie)) !=
	    SQLITE_OK) {
		*cause = log_errmsg(log, rc, N_("cannot read the schema"));
		return -1;
	}
	if (cookie == log->schema_cookie)
		return 0;
	return log_schema_check(log, cause) < 0 ? -1 : 0;
}

/* Bring an older shape up to date (a writer, once the shape is known). */
static int
log_upgrade(struct log *log, char **cause)
{
	const char	*what = N_("cannot upgrade the file's schema (it is "
			    "unchanged)");
	long long	 version;
	char		*sql;
	int		 rc, s;

	if (log_exec(log, "BEGIN IMMEDIATE", what, cause) != 0)
		return -1;
	/* Another process may have upgraded it since it was read. */
	if ((rc = log_pragma_int(log, "PRAGMA user_version", &version)) !=
	    SQLITE_OK) {
		*cause = log_errmsg(log, rc, what);
		goto fail;
	}
	log->version = (int)version;
	if ((s = log_shape(log, cause)) < 0)
		goto fail;
	while (log_shapes[s].upgrade != -1) {
		sql = xasprintf("%s PRAGMA user_version = %d;",
		    log_shapes[s].upgrade_sql,
		    log_shapes[log_shapes[s].upgrade].version);
		rc = log_exec(log, sql, what, cause);
		free(sql);
		if (rc != 0)
			goto fail;
		s = log_shapes[s].upgrade;
		log->version = log_shapes[s].version;
	}
	if (log_schema_check(log, cause) < 0 ||
	    log_exec(log, "COMMIT", what, cause) != 0)
		goto fail;
	return 0;
fail:
	log_exec(log, "ROLLBACK", "rollback", NULL);
	return -1;
}

int
log_schema_setup(struct log *log, int created, char **cause)
{
	long long	 app = 0, version = 0, tables = 0;
	const char	*enc;
	sqlite3_stmt	*st;
	char		*sql;
	int		 rc, s;

	if ((rc = log_pragma_int(log, "PRAGMA application_id", &app)) !=
	    SQLITE_OK ||
	    (rc = log_pragma_int(log, "PRAGMA user_version", &version)) !=
	    SQLITE_OK ||
	    (rc = log_pragma_int(log, "SELECT count(*) FROM sqlite_master",
	    &tables)) != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			*cause = xasprintf(_("%s: not a giji meeting (not an "
			    "SQLite database, or encrypted): open a .giji file "
			    "made by giji new"), log->path);
		else if ((rc & 0xff) == SQLITE_CORRUPT)
			*cause = xasprintf(_("%s: not a meeting file as giji "
			    "writes it: its schema cannot be read (%s): use a "
			    "copy made by giji"), log->path,
			    sqlite3_errmsg(log->db));
		else
			*cause = log_errmsg(log, rc, N_("cannot read the file"));
		return -1;
	}
	if (app == 0 && tables == 0) {
		if (log->readonly || !created) {
			*cause = xasprintf(_("%s: an empty SQLite database, "
			    "not a giji meeting: create one with giji new"), log->path);
			return -1;
		}
		sql = xasprintf("BEGIN IMMEDIATE; %s PRAGMA application_id = %d;"
		    " PRAGMA user_version = %d; COMMIT;", log_schema,
		    LOG_APPLICATION_ID, LOG_SCHEMA_VERSION);
		rc = log_exec(log, sql, N_("cannot create the meeting"), cause);
		free(sql);
		if (rc != 0) {
			log_exec(log, "ROLLBACK", "rollback", NULL);
			return -1;
		}
		log->version = LOG_SCHEMA_VERSION;
		return log_schema_check(log, cause) < 0 ? -1 : 0;
	}
	if (app != LOG_APPLICATION_ID) {
		*cause = xasprintf(_("%s: an SQLite database of another "
		    "program (application_id 0x%08llx), not a giji meeting: "
		    "giji leaves it untouched"), log->path, app);
		return -1;
	}
	if (version > LOG_SCHEMA_VERSION) {
		*cause = xasprintf(_("%s: written by a newer giji (schema "
		    "%lld; this giji reads up to %d): upgrade giji to open it"),
		    log->path, version, LOG_SCHEMA_VERSION);
		return -1;
	}
	if (version < 1) {
		*cause = xasprintf(_("%s: unknown giji schema version %lld (its "
		    "user_version was changed: the file was altered, or is not "
		    "giji's)"), log->path, version);
		return -1;
	}
	/* Text is hashed as UTF-8: a UTF-16 file would be converted. */
	if (sqlite3_prepare_v2(log->db, "PRAGMA encoding", -1, &st, NULL) ==
	    SQLITE_OK) {
		rc = sqlite3_step(st);
		enc = rc == SQLITE_ROW ?
		    (const char *)sqlite3_column_text(st, 0) : NULL;
		if (enc == NULL || strcmp(enc, "UTF-8") != 0) {
			*cause = xasprintf(_("%s: not a meeting file as giji "
			    "writes it: its text encoding is %s, not UTF-8"),
			    log->path, enc != NULL ? enc : "unknown");
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_finalize(st);
	}
	log->version = (int)version;
	if ((s = log_schema_check(log, cause)) < 0)
		return -1;
	if (log_shapes[s].upgrade != -1 && !log->readonly)
		return log_upgrade(log, cause);
	return 0;
}

/* SPDX-License-Identifier: ISC */
/*
 * The archive's index (archive.h): a cache file of giji's own, never a
 * meeting file. Meetings are read only through the log module (log_open,
 * meeting_fold); this file's SQL runs on the index alone.
 *
 * Each indexed event is one row of the FTS5 table archive_text and one
 * of hits, sharing a rowid laid out so that FTS5's own rowid order is the
 * order hits are shown in, newest meeting first, and a date range is a
 * rowid range (FTS5 answers ORDER BY rowid and rowid bounds from its
 * index, without sorting or reading every match):
 *
 *	bits 40-61	the meeting's day (days from 1970 + 1,000,000; 0:
 *			no date known)
 *	bits 28-39	a slot telling apart the meetings of one day
 *	bits 0-27	2^28 - 1 - n for the meeting's n-th row (descending
 *			rowids give a meeting's rows in log order)
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive-int.h"
#include "clock.h"
#include "event.h"
#include "fold.h"
#include "i18n.h"
#include "jdate.h"
#include "log.h"
#include "vote-report.h"
#include "xmalloc.h"

/* Bump when what is indexed or how it is cut changes: the index is rebuilt. */
#define ARCHIVE_VERSION		4
#define ARCHIVE_APP_ID		0x67696a78	/* "gijx" */
#define ARCHIVE_BUSY_MS		10000
#define ARCHIVE_BATCH		16	/* meetings indexed per transaction */
#define ARCHIVE_DAY_SHIFT	40
#define ARCHIVE_SLOT_SHIFT	28
#define ARCHIVE_SLOTS		4096
#define ARCHIVE_ROWS		((int64_t)1 << ARCHIVE_SLOT_SHIFT)

static const char archive_schema[] =
	"CREATE TABLE meetings ("
	" id INTEGER PRIMARY KEY,"
	" path TEXT NOT NULL UNIQUE,"	/* realpath */
	" dev INTEGER, ino INTEGER, size INTEGER, mtime INTEGER,"
	" wsize INTEGER, wmtime INTEGER,"
	" events INTEGER, head TEXT,"
	" title TEXT, date TEXT, day INTEGER, slot INTEGER, lang TEXT,"
	" open_ts INTEGER, close_ts INTEGER,"
	" first TEXT,"	/* the uuid of seq 1: copies share it */
	" verified INTEGER);"	/* 1: its chain verified when indexed */
	"CREATE INDEX meetings_day ON meetings (day, slot);"
	"CREATE INDEX meetings_first ON meetings (first);"
	/* Each event indexed: what it is, and whose, by item and member. */
	"CREATE TABLE hits ("
	" id INTEGER PRIMARY KEY,"	/* = archive_text's rowid */
	" meeting INTEGER NOT NULL, seq INTEGER, type TEXT,"
	" item INTEGER, member INTEGER, speaker TEXT, outcome TEXT,"
	" redacted INTEGER);"
	"CREATE VIRTUAL TABLE archive_text USING fts5(text,"
	" tokenize = 'giji', columnsize = 0);"
	"CREATE TABLE items ("
	" meeting INTEGER NOT NULL, n INTEGER NOT NULL, id TEXT, title TEXT,"
	" kind TEXT, outcomes TEXT,"	/* " approved carried " */
	" redacted INTEGER,"		/* its title not public */
	" PRIMARY KEY (meeting, n)) WITHOUT ROWID;"
	/* The roster, with each member's attendance as it stands. */
	"CREATE TABLE members ("
	" meeting INTEGER NOT NULL, n INTEGER NOT NULL, id TEXT, name TEXT,"
	" full_name TEXT, role TEXT, shown TEXT, kind TEXT, status TEXT,"
	" late INTEGER, early INTEGER,"
	" PRIMARY KEY (meeting, n)) WITHOUT ROWID;"
	"CREATE TABLE decisions ("
	" meeting INTEGER NOT NULL, seq INTEGER, item_kind TEXT,"
	" outcome TEXT);"
	"CREATE INDEX decisions_meeting ON decisions (meeting);"
	"CREATE TABLE votes ("
	" meeting INTEGER NOT NULL, seq INTEGER, outcome TEXT);"
	"CREATE INDEX votes_meeting ON votes (meeting);";

static const char archive_drop[] =
	"DROP TABLE IF EXISTS meetings; DROP TABLE IF EXISTS hits;"
	"DROP TABLE IF EXISTS archive_text; DROP TABLE IF EXISTS items;"
	"DROP TABLE IF EXISTS members; DROP TABLE IF EXISTS decisions;"
	"DROP TABLE IF EXISTS votes;";

/* What a file looked like on disk, to know it unchanged. */
struct archive_stat {
	int64_t		 dev, ino, size, mtime, wsize, wmtime;
};

/* --- the index file -------------------------------------------------- */

static int
archive_exec(struct archive *a, const char *sql, char **cause)
{
	char	*err = NULL;

	if (sqlite3_exec(a->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		*cause = xasprintf("%s: %s", a->path, err != NULL ? err :
		    sqlite3_errmsg(a->db));
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

static int64_t
archive_pragma(struct archive *a, const char *sql)
{
	sqlite3_stmt	*st;
	int64_t		 v = -1;

	if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* mkdir -p, each new folder 0700 (a cache of meetings is private). */
static int
archive_mkdirs(const char *dir, char **cause)
{
	char	*p, *s;
	int	 rc = 0;

	p = xstrdup(dir);
	for (s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST)
				rc = -1;
			*s = '/';
			continue;
		}
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		break;
	}
	if (rc != 0)
		*cause = xasprintf(_("%s: cannot create the folder for the "
		    "search index: %s"), p, strerror(errno));
	free(p);
	return rc;
}

/* $XDG_CACHE_HOME/giji (absolute only, as the specification says). */
static char *
archive_default_dir(char **cause)
{
	const char	*x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (x != NULL && x[0] == '/')
		return xasprintf("%s/giji", x);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.cache/giji", home);
	*cause = xasprintf(_("neither XDG_CACHE_HOME nor HOME is an absolute "
	    "folder: set one, for the search index"));
	return NULL;
}

static int
archive_setup(struct archive *a, char **cause)
{
	int64_t	 version, app;

	if (archive_exec(a, "PRAGMA journal_mode = WAL;"
	    " PRAGMA synchronous = NORMAL", cause) != 0)
		return -1;
	version = archive_pragma(a, "PRAGMA user_version");
	app = archive_pragma(a, "PRAGMA application_id");
	if (version == ARCHIVE_VERSION && app == ARCHIVE_APP_ID)
		return 0;
	/* Another version's index, or a new file: (re)build it. */
	if (archive_exec(a, "BEGIN IMMEDIATE", cause) != 0)
		return -1;
	version = archive_pragma(a, "PRAGMA user_version");
	app = archive_pragma(a, "PRAGMA application_id");
	if (version == ARCHIVE_VERSION && app == ARCHIVE_APP_ID)
		return archive_exec(a, "COMMIT", cause);
	if (archive_exec(a, archive_drop, cause) != 0 ||
	    archive_exec(a, archive_schema, cause) != 0) {
		sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	{
		char	*sql = xasprintf("PRAGMA user_version = %d;"
		    " PRAGMA application_id = %d; COMMIT", ARCHIVE_VERSION,
		    ARCHIVE_APP_ID);
		int	 rc = archive_exec(a, sql, cause);

		free(sql);
		if (rc != 0)
			sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
}

/* Connect to a->path and make it an index of this version. */
static int
archive_connect(struct archive *a, char **cause)
{
	int	 fd, rc;

	/* 0600 from the start: it holds what the meetings say. */
	if ((fd = open(a->path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1) {
		*cause = xasprintf(_("%s: cannot open the search index: %s"),
		    a->path, strerror(errno));
		return -1;
	}
	close(fd);
	rc = sqlite3_open_v2(a->path, &a->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot open the search index: %s"),
		    a->path, a->db != NULL ? sqlite3_errmsg(a->db) :
		    sqlite3_errstr(rc));
		return -1;
	}
	/*
	 * A cache file is not trusted more than a meeting file: no triggers,
	 * no views, no writes to SQLite's own tables, whatever it holds.
	 */
	if (sqlite3_db_config(a->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) !=
	    SQLITE_OK || sqlite3_db_config(a->db,
	    SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL) != SQLITE_OK ||
	    sqlite3_db_config(a->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL) !=
	    SQLITE_OK || sqlite3_db_config(a->db,
	    SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot open the search index: %s"),
		    a->path, sqlite3_errmsg(a->db));
		return -1;
	}
	sqlite3_busy_timeout(a->db, ARCHIVE_BUSY_MS);
	if (archive_fts5_register(a->db, cause) != 0 ||
	    archive_setup(a, cause) != 0)
		return -1;
	return archive_exec(a, "CREATE TEMP TABLE scope (id INTEGER PRIMARY"
	    " KEY, shown TEXT)", cause);
}

struct archive *
archive_open(const char *path, char **cause)
{
	struct archive	*a;
	char		*dir = NULL, *p;
	int		 err;

	*cause = NULL;
	a = xcalloc(1, sizeof *a);
	if (path == NULL) {
		if ((dir = archive_default_dir(cause)) == NULL ||
		    archive_mkdirs(dir, cause) != 0) {
			free(dir);
			free(a);
			return NULL;
		}
		a->path = xasprintf("%s/archive.db", dir);
		free(dir);
	} else
		a->path = xstrdup(path);
	if (archive_connect(a, cause) == 0)
		return a;
	/*
	 * Not an index (damaged, or not SQLite): it is only a cache of
	 * files that are still there, so it is made anew, once.
	 */
	err = a->db != NULL ? sqlite3_errcode(a->db) : SQLITE_OK;
	if (err != SQLITE_NOTADB && err != SQLITE_CORRUPT) {
		archive_close(&a);
		return NULL;
	}
	free(*cause);
	*cause = NULL;
	sqlite3_close(a->db);
	a->db = NULL;
	unlink(a->path);
	p = xasprintf("%s-wal", a->path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", a->path);
	unlink(p);
	free(p);
	if (archive_connect(a, cause) != 0)
		archive_close(&a);
	return a;
}

void
archive_close(struct archive **ap)
{
	struct archive	*a = *ap;

	if (a == NULL)
		return;
	if (a->db != NULL)
		sqlite3_close(a->db);
	free(a->path);
	free(a);
	*ap = NULL;
}

const char *
archive_path(const struct archive *a)
{
	return a->path;
}

/* --- reading a meeting into the index -------------------------------- */

static void
archive_stat_file(const char *path, const struct stat *sb,
    struct archive_stat *as)
{
	struct stat	 wb;
	char		*wal;

	as->dev = (int64_t)sb->st_dev;
	as->ino = (int64_t)sb->st_ino;
	as->size = (int64_t)sb->st_size;
	as->mtime = (int64_t)sb->st_mtim.tv_sec * 1000000000 +
	    sb->st_mtim.tv_nsec;
	wal = xasprintf("%s-wal", path);
	if (stat(wal, &wb) == 0) {
		as->wsize = (int64_t)wb.st_size;
		as->wmtime = (int64_t)wb.st_mtim.tv_sec * 1000000000 +
		    wb.st_mtim.tv_nsec;
	} else
		as->wsize = as->wmtime = -1;
	free(wal);
}

/* Is this a giji meeting file (its header's application id)? */
static int
archive_is_meeting(const char *path)
{
	uint32_t	 app;

	return log_file_header(path, &app) == 1 && app == LOG_APPLICATION_ID;
}

/* The meeting's date: meta date, else the day it opened, else began. */
static void
archive_date(const struct meeting *m, char date[11], long *day)
{
	const char	*d = meeting_meta_str(m, "date", NULL);
	struct clock_tm	 tm;
	int64_t		 ts;
	int		 y, mo, dd;

	date[0] = '\0';
	*day = 0;
	if (d != NULL && jdate_parse(d, &y, &mo, &dd) == 0) {
		snprintf(date, 11, "%04d-%02d-%02d", y, mo, dd);
		*day = jdate_days(y, mo, dd) + ARCHIVE_DAY_BASE;
		return;
	}
	ts = m->open_ts != 0 ? m->open_ts : m->first_ts;
	if (m->last_seq == 0 || clock_local(ts, meeting_tz(m), &tm) != 0 ||
	    tm.y < 0 || tm.y > 9999)
		return;
	snprintf(date, 11, "%04d-%02d-%02d", tm.y, tm.mon, tm.d);
	*day = jdate_days(tm.y, tm.mon, tm.d) + ARCHIVE_DAY_BASE;
}

struct archive_ins {
	struct archive		*a;
	const struct meeting	*m;
	int64_t			 id;
	int64_t			 base;	/* day and slot bits */
	int64_t			 n;	/* rows so far */
	char			**outcomes;	/* per item: " a b " */
	int			 en;
	sqlite3_stmt		*text;
	sqlite3_stmt		*hit;
};

/*
 * One event's text into archive_text, and what it is into hits: item and
 * member are indexes into the meeting's items and members rows (-1:
 * none); raw_speaker a speaker the roster does not hold.
 */
static int
archive_add_hit(struct archive_ins *in, int64_t seq, const char *type,
    int item, int member, const char *raw_speaker, const char *outcome,
    int redacted, const char *text, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 rowid;
	int		 rc;

	if (text == NULL || *text == '\0')
		return 0;
	if (in->n >= ARCHIVE_ROWS - 1)
		return 0;	/* 268 million rows: the rest is not indexed */
	rowid = in->base | (ARCHIVE_ROWS - 1 - in->n++);
	st = in->text;
	sqlite3_bind_int64(st, 1, rowid);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail;
	st = in->hit;
	sqlite3_bind_int64(st, 1, rowid);
	sqlite3_bind_int64(st, 2, in->id);
	if (seq > 0)
		sqlite3_bind_int64(st, 3, seq);
	sqlite3_bind_text(st, 4, type, -1, SQLITE_STATIC);
	if (item >= 0)
		sqlite3_bind_int(st, 5, item);
	if (member >= 0)
		sqlite3_bind_int(st, 6, member);
	else
		sqlite3_bind_text(st, 7, raw_speaker, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, outcome, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, redacted);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		goto fail;
	return 0;
fail:
	*cause = xasprintf(_("%s: cannot write the search index: %s"),
	    in->a->path, sqlite3_errmsg(in->a->db));
	return -1;
}

static void
archive_outcome_add(char **s, const char *outcome)
{
	char	*w, *n;

	if (outcome == NULL || *outcome == '\0')
		return;
	w = xasprintf(" %s ", outcome);
	if (strstr(*s, w) == NULL) {
		n = xasprintf("%s%s ", *s, outcome);
		free(*s);
		*s = n;
	}
	free(w);
}

/* A vote's outcome as the record stands (the one count, vote-report.c). */
static const char *
archive_vote_outcome(const struct meeting *m, const struct vote *v)
{
	struct vote_report	 r;
	const char		*o = NULL;

	meeting_vote_report(m, v, &r);
	if (r.known)
		o = r.outcome == VOTE_CARRIED ? "carried" : "failed";
	vote_report_clear(&r);
	return o;
}

/* Run sql with ?1 = id, then the strings v, then nints integers. */
static int
archive_row(struct archive *a, const char *sql, int64_t id, const char **v,
    int nv, int64_t n1, int64_t n2, int64_t n3, int nints, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 n[3];
	int		 i, rc;

	n[0] = n1;
	n[1] = n2;
	n[2] = n3;
	if (sqlite3_prepare_v2(a->db, sql, -1, &st, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	for (i = 0; i < nv; i++)
		sqlite3_bind_text(st, i + 2, v[i], -1, SQLITE_STATIC);
	for (i = 0; i < nints; i++)
		sqlite3_bind_int64(st, nv + 2 + i, n[i]);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
fail:
	*cause = xasprintf(_("%s: cannot write the search index: %s"), a->path,
	    sqlite3_errmsg(a->db));
	return -1;
}

static const char *
archive_att_status(const struct member *mb)
{
	switch (mb->att) {
	case ATT_ABSENT:
		return mb->apologies ? "apologies" : "absent";
	case ATT_LEFT:
		return "present";	/* was there, left (early counts it) */
	case ATT_PRESENT:
		/* written and proxy count as present, as remote does */
		return mb->remote ? "remote" : "present";
	default:
		return "present";	/* never recorded: present, as counted */
	}
}

/* Everything the index keeps of one folded meeting. */
static int
archive_fill(struct archive_ins *in, char **cause)
{
	const struct meeting	*m = in->m;
	const struct entry	*e;
	const char		*title, *v[7], *o;
	size_t			 i, j, k;
	int			 vi;

	in->outcomes = xcalloc(m->nitems + 1, sizeof *in->outcomes);
	for (i = 0; i < m->nitems; i++)
		in->outcomes[i] = xstrdup(" ");
	for (i = 0; i < m->ndecisions; i++) {
		const struct decision *d = &m->decisions[i];

		if (m->entries[d->entry].flags & ENTRY_RETRACTED)
			continue;
		if (d->item >= 0)
			archive_outcome_add(&in->outcomes[d->item], d->outcome);
		for (j = 0; j < d->njoint; j++) {
			if ((vi = meeting_item(m, d->joint[j])) >= 0)
				archive_outcome_add(&in->outcomes[vi],
				    d->outcome);
		}
		v[0] = d->item >= 0 ? m->items[d->item].kind : NULL;
		v[1] = d->outcome;
		if (archive_row(in->a, "INSERT INTO decisions (meeting,"
		    " item_kind, outcome, seq) VALUES (?1, ?2, ?3, ?4)", in->id,
		    v, 2, m->entries[d->entry].seq, 0, 0, 1, cause) != 0)
			return -1;
	}
	for (i = 0; i < m->nvotes; i++) {
		const struct vote *vt = &m->votes[i];

		if (m->entries[vt->entry].flags & ENTRY_RETRACTED)
			continue;
		o = archive_vote_outcome(m, vt);
		if (vt->item >= 0)
			archive_outcome_add(&in->outcomes[vt->item], o);
		v[0] = o;
		if (archive_row(in->a, "INSERT INTO votes (meeting,"
		    " outcome, seq) VALUES (?1, ?2, ?3)", in->id, v, 1,
		    vt->seq, 0, 0, 1, cause) != 0)
			return -1;
	}
	for (i = 0; i < m->nmembers; i++) {
		const struct member	*mb = &m->members[i];
		char			*shown;
		int			 rc;

		shown = mb->role == NULL || *mb->role == '\0' ?
		    xstrdup(mb->name) : xasprintf(in->en ? "%s (%s)" :
		    "%s（%s）", mb->name, mb->role);
		v[0] = mb->id;
		v[1] = mb->name;
		v[2] = mb->full_name;
		v[3] = mb->role;
		v[4] = shown;
		v[5] = mb->kind_str != NULL ? mb->kind_str : "member";
		v[6] = archive_att_status(mb);
		rc = archive_row(in->a, "INSERT INTO members (meeting, id, name,"
		    " full_name, role, shown, kind, status, n, late, early)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
		    in->id, v, 7, (int64_t)i, mb->arrived, mb->departed, 3,
		    cause);
		free(shown);
		if (rc != 0)
			return -1;
	}
	for (i = 0; i < m->nitems; i++) {
		const struct item	*it = &m->items[i];
		char			*t;
		int			 rc;

		t = it->label != NULL && *it->label != '\0' ?
		    xasprintf("%s %s", it->label, it->title) :
		    xstrdup(it->title);
		v[0] = it->id;
		v[1] = t;
		v[2] = it->kind;
		v[3] = in->outcomes[i];
		rc = archive_row(in->a, "INSERT INTO items (meeting, id, title,"
		    " kind, outcomes, n, redacted) VALUES (?1, ?2, ?3, ?4, ?5,"
		    " ?6, ?7)", in->id, v, 4, (int64_t)i, it->redacted, 0, 2,
		    cause);
		free(t);
		if (rc != 0)
			return -1;
	}

	/* The text: the meeting's title, the agenda, then the proceedings. */
	if ((title = meeting_meta_str(m, "title", NULL)) != NULL &&
	    archive_add_hit(in, 0, "meeting", -1, -1, NULL, NULL, 0, title,
	    cause) != 0)
		return -1;
	for (i = 0; i < m->nitems; i++) {
		const struct item	*it = &m->items[i];
		char			*t;
		int			 rc;

		t = it->label != NULL && *it->label != '\0' ?
		    xasprintf("%s %s", it->label, it->title) :
		    xstrdup(it->title);
		rc = archive_add_hit(in, it->seq, "agenda.add", (int)i, -1,
		    NULL, NULL, it->redacted, t, cause);
		free(t);
		if (rc != 0)
			return -1;
	}
	for (i = 0, k = 0; i < m->nentries; i++) {
		const char	*type = NULL, *text = NULL, *extra = NULL;
		int		 member = -1;

		e = &m->entries[i];
		if (e->flags & ENTRY_RETRACTED)
			continue;
		switch (e->etype) {
		case EV_SPEECH:
			type = "speech";
			text = e->text;
			member = e->member;
			break;
		case EV_NOTE:
			type = "note";
			text = e->text;
			member = e->member;
			break;
		case EV_ACTION:
			type = "action";
			text = e->text;
			break;
		case EV_DECISION:
			type = "decision";
			text = e->text;
			for (j = 0; j < m->ndecisions; j++) {
				if (m->decisions[j].entry == (int)i)
					extra = m->decisions[j].outcome;
			}
			break;
		case EV_VOTE_CALL:
			type = "vote.call";
			for (; k < m->nvotes && m->votes[k].entry < (int)i; k++)
				;
			if (k < m->nvotes && m->votes[k].entry == (int)i) {
				text = m->votes[k].motion;
				extra = archive_vote_outcome(m, &m->votes[k]);
			}
			break;
		default:
			break;
		}
		if (type == NULL)
			continue;
		if (archive_add_hit(in, e->seq, type, e->item, member,
		    e->etype == EV_SPEECH ? e->speaker : NULL, extra,
		    (e->flags & ENTRY_REDACTED) != 0, text, cause) != 0)
			return -1;
	}
	return 0;
}

/* The rows of meeting id (its hits at day and slot) out of the index. */
static int
archive_forget(struct archive *a, int64_t id, int64_t day, int64_t slot,
    char **cause)
{
	static const char *sql[] = {
		"DELETE FROM archive_text WHERE rowid BETWEEN ?2 AND ?3",
		"DELETE FROM hits WHERE id BETWEEN ?2 AND ?3",
		"DELETE FROM items WHERE meeting = ?1",
		"DELETE FROM members WHERE meeting = ?1",
		"DELETE FROM decisions WHERE meeting = ?1",
		"DELETE FROM votes WHERE meeting = ?1",
	};
	sqlite3_stmt	*st;
	int64_t		 base = day << ARCHIVE_DAY_SHIFT |
			    slot << ARCHIVE_SLOT_SHIFT;
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if (sqlite3_prepare_v2(a->db, sql[i], -1, &st, NULL) !=
		    SQLITE_OK)
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, base);
		sqlite3_bind_int64(st, 3, base | (ARCHIVE_ROWS - 1));
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			goto fail;
	}
	return 0;
fail:
	*cause = xasprintf(_("%s: cannot update the search index: %s"), a->path,
	    sqlite3_errmsg(a->db));
	return -1;
}

/* The lowest slot of day that no other meeting holds. */
static int64_t
archive_slot(struct archive *a, int64_t id, long day)
{
	sqlite3_stmt	*st;
	int64_t		 want = 0;

	if (sqlite3_prepare_v2(a->db, "SELECT slot FROM meetings WHERE day = ?1"
	    " AND id != ?2 ORDER BY slot", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, day);
	sqlite3_bind_int64(st, 2, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_int64(st, 0) != want)
			break;
		want++;
	}
	sqlite3_finalize(st);
	return want < ARCHIVE_SLOTS ? want : -1;
}

/*
 * Fold path and index it as meeting id (0: new). On a file giji cannot
 * read: 1 with *why (for the warning), the index as it was.
 */
static int
archive_index(struct archive *a, const char *path, const char *real,
    int64_t id, const struct archive_stat *as, char **why, char **cause)
{
	struct archive_ins	 in;
	struct meeting		*m;
	struct log		*log;
	sqlite3_stmt		*st = NULL;
	char			 date[11], first[LOG_UUID_LEN];
	struct event		 ev;
	struct log_verify	 v;
	const char		*lang;
	int64_t			 old_day = 0, old_slot = 0, slot;
	long			 day;
	size_t			 i;
	int			 rc = -1, verified;

	*why = NULL;
	if ((log = log_open(path, LOG_READONLY, why)) == NULL)
		return 1;
	/* Read and verified in one pass: a broken copy stands for nobody. */
	memset(&v, 0, sizeof v);
	m = meeting_fold_verified(log, &v, why);
	verified = m != NULL && v.broken == NULL;
	free(v.broken);
	/* Its first event names the log: a copy's is the same (seq 1 stays). */
	first[0] = '\0';
	if (m != NULL && log_get(log, 1, &ev) == 0) {
		snprintf(first, sizeof first, "%s", ev.uuid);
		event_clear(&ev);
	}
	log_close(&log);
	if (m == NULL)
		return 1;
	archive_date(m, date, &day);
	lang = meeting_meta_str(m, "lang", "ja");

	if (archive_exec(a, "SAVEPOINT meeting", cause) != 0) {
		meeting_free(&m);
		return -1;
	}
	if (id != 0) {
		if (sqlite3_prepare_v2(a->db, "SELECT day, slot FROM meetings"
		    " WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
			goto sqlfail;
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			old_day = sqlite3_column_int64(st, 0);
			old_slot = sqlite3_column_int64(st, 1);
		}
		sqlite3_finalize(st);
		st = NULL;
		if (archive_forget(a, id, old_day, old_slot, cause) != 0)
			goto fail;
	}
	if (id != 0 && old_day == day)
		slot = old_slot;
	else if ((slot = archive_slot(a, id, day)) < 0) {
		*why = xasprintf(_("more than %d meetings dated %s: left out "
		    "of the search"), ARCHIVE_SLOTS, date);
		rc = 1;
		goto fail;
	}
	if (sqlite3_prepare_v2(a->db, "INSERT INTO meetings (id, path, dev, ino,"
	    " size, mtime, wsize, wmtime, events, head, title, date, day, slot,"
	    " lang, open_ts, close_ts, first, verified) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
	    " ?19) ON CONFLICT (id) DO UPDATE SET path = ?2, dev = ?3,"
	    " ino = ?4, size = ?5, mtime = ?6, wsize = ?7, wmtime = ?8,"
	    " events = ?9, head = ?10, title = ?11, date = ?12, day = ?13,"
	    " slot = ?14, lang = ?15, open_ts = ?16, close_ts = ?17,"
	    " first = ?18, verified = ?19", -1,
	    &st, NULL) !=
	    SQLITE_OK)
		goto sqlfail;
	if (id != 0)
		sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, real, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, as->dev);
	sqlite3_bind_int64(st, 4, as->ino);
	sqlite3_bind_int64(st, 5, as->size);
	sqlite3_bind_int64(st, 6, as->mtime);
	sqlite3_bind_int64(st, 7, as->wsize);
	sqlite3_bind_int64(st, 8, as->wmtime);
	sqlite3_bind_int64(st, 9, m->last_seq);
	sqlite3_bind_text(st, 10, m->last_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, meeting_meta_str(m, "title", ""), -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 12, date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 13, day);
	sqlite3_bind_int64(st, 14, slot);
	sqlite3_bind_text(st, 15, lang, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 16, m->open_ts);
	sqlite3_bind_int64(st, 17, m->close_ts);
	if (*first != '\0')
		sqlite3_bind_text(st, 18, first, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 19, verified);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto sqlfail;
	sqlite3_finalize(st);
	st = NULL;
	if (id == 0)
		id = sqlite3_last_insert_rowid(a->db);

	memset(&in, 0, sizeof in);
	in.a = a;
	in.m = m;
	in.id = id;
	in.base = (int64_t)day << ARCHIVE_DAY_SHIFT | slot << ARCHIVE_SLOT_SHIFT;
	in.en = strcmp(lang, "en") == 0;
	if (sqlite3_prepare_v2(a->db, "INSERT INTO archive_text (rowid, text)"
	    " VALUES (?1, ?2)", -1, &in.text, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(a->db, "INSERT INTO hits (id, meeting, seq,"
	    " type, item, member, speaker, outcome, redacted) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9)", -1, &in.hit, NULL) != SQLITE_OK) {
		sqlite3_finalize(in.text);
		goto sqlfail;
	}
	rc = archive_fill(&in, cause);
	sqlite3_finalize(in.text);
	sqlite3_finalize(in.hit);
	for (i = 0; in.outcomes != NULL && i < m->nitems; i++)
		free(in.outcomes[i]);
	free(in.outcomes);
	if (rc != 0)
		goto fail;
	meeting_free(&m);
	return archive_exec(a, "RELEASE meeting", cause);

sqlfail:
	*cause = xasprintf(_("%s: cannot update the search index: %s"), a->path,
	    sqlite3_errmsg(a->db));
	rc = -1;
fail:
	sqlite3_finalize(st);
	sqlite3_exec(a->db, "ROLLBACK TO meeting; RELEASE meeting", NULL, NULL,
	    NULL);
	meeting_free(&m);
	return rc;
}

/* --- keeping the index in step --------------------------------------- */

/* The write lock on the index, or a cause saying who holds it. */
static int
archive_begin(struct archive *a, char **cause)
{
	int	 rc;

	rc = sqlite3_exec(a->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return 0;
	if ((rc & 0xff) == SQLITE_BUSY)
		*cause = xasprintf(_("%s: another giji has been updating the "
		    "search index for %d s: try again when it is done"),
		    a->path, ARCHIVE_BUSY_MS / 1000);
	else
		*cause = xasprintf(_("%s: cannot update the search index: %s"),
		    a->path, sqlite3_errmsg(a->db));
	return -1;
}

struct archive_walk {
	struct archive		*a;
	int			 flags;
	struct archive_scan	*scan;
	archive_warn_fn		 warn;
	void			*arg;
	sqlite3_stmt		*find;
	sqlite3_stmt		*fresh;
	sqlite3_stmt		*scope;
	int			 failed;	/* the index failed: stop */
	char			*cause;
};

static void
archive_warn(struct archive_walk *w, const char *path, const char *msg)
{
	w->scan->failed++;
	if (w->warn != NULL)
		w->warn(path, msg, w->arg);
}

/*
 * The head of the file now: its events and last hash, read through the
 * log (two reads; no fold).
 */
static int
archive_head(const char *path, int64_t *events, char head[LOG_HASH_HEX],
    char **why)
{
	struct log	*log;
	struct event	 ev;
	int		 rc = 0;

	head[0] = '\0';
	if ((log = log_open(path, LOG_READONLY, why)) == NULL)
		return -1;
	if (log_read_begin(log, why) != 0) {
		log_close(&log);
		return -1;
	}
	*events = log_last_seq(log);
	if (*events > 0) {
		if (log_get(log, *events, &ev) == 0) {
			snprintf(head, LOG_HASH_HEX, "%s", ev.hash);
			event_clear(&ev);
		} else {
			*why = xasprintf(_("cannot read event %lld"),
			    (long long)*events);
			rc = -1;
		}
	}
	log_read_end(log);
	log_close(&log);
	return rc;
}

/* A meeting file opened to read hashes by seq (archive_copies). */
struct archive_peek {
	int64_t		 id;
	struct log	*log;
};

static void
archive_peek_close(struct archive_peek *pk)
{
	if (pk->log != NULL) {
		log_read_end(pk->log);
		log_close(&pk->log);
	}
	pk->id = 0;
}

/* Does file o (opened once for all its pairs) hold event seq with hash? */
static int
archive_holds(struct archive_peek *pk, int64_t id, const char *path,
    int64_t seq, const char *hash)
{
	struct event	 ev;
	char		*why = NULL;
	int		 r = 0;

	if (pk->id != id) {
		archive_peek_close(pk);
		pk->id = id;
		if ((pk->log = log_open(path, LOG_READONLY, &why)) != NULL &&
		    log_read_begin(pk->log, &why) != 0)
			log_close(&pk->log);
		free(why);
	}
	if (pk->log != NULL && log_get(pk->log, seq, &ev) == 0) {
		r = strcmp(ev.hash, hash) == 0;
		event_clear(&ev);
	}
	return r;
}

/*
 * Files holding the same meeting (a backup, another station's copy) are
 * one meeting: a file whose whole log another file in scope holds (the
 * same first event, and the same hash at its last seq) is taken out of
 * scope. Of two files with the same log the one with the shorter path
 * stands (the original, usually, beside its backup/ folder), then the
 * first by name. A file whose chain did not verify when it was indexed
 * stands for no other (a tampered copy with the stored hashes kept would
 * hide the record it forges). Meetings started from one template file
 * share their first events but not their logs: each counts. Each longer
 * file is opened once, however many files share its first event.
 */
static int
archive_copies(struct archive *a, struct archive_scan *scan, char **cause)
{
	sqlite3_stmt		*st, *del;
	struct archive_peek	 pk = { 0, NULL };
	int64_t			 id, oid, events, *gone = NULL;
	const char		*head, *opath, *ohead;
	size_t			 ngone = 0, k;
	int			 rc, holds;

	if (sqlite3_prepare_v2(a->db, "SELECT m.id, m.events, m.head,"
	    " o.id, o.path, o.events, o.head FROM temp.scope s"
	    " JOIN meetings m ON m.id = s.id"
	    " JOIN meetings o ON o.first = m.first AND o.id != m.id"
	    " AND o.verified = 1"
	    " JOIN temp.scope s2 ON s2.id = o.id"
	    " WHERE m.first IS NOT NULL AND m.events > 0 AND"
	    " (o.events > m.events OR (o.events = m.events AND"
	    " (length(o.path) < length(m.path) OR (length(o.path) ="
	    " length(m.path) AND o.path < m.path)))) ORDER BY o.id", -1, &st,
	    NULL) != SQLITE_OK)
		goto sqlfail;
	if (sqlite3_prepare_v2(a->db, "DELETE FROM temp.scope WHERE id = ?1",
	    -1, &del, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		goto sqlfail;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		events = sqlite3_column_int64(st, 1);
		head = (const char *)sqlite3_column_text(st, 2);
		oid = sqlite3_column_int64(st, 3);
		opath = (const char *)sqlite3_column_text(st, 4);
		ohead = (const char *)sqlite3_column_text(st, 6);
		for (k = 0; k < ngone && gone[k] != id; k++)
			;
		if (k < ngone || head == NULL || opath == NULL)
			continue;
		if (sqlite3_column_int64(st, 5) == events)
			holds = ohead != NULL && strcmp(ohead, head) == 0;
		else
			holds = archive_holds(&pk, oid, opath, events, head);
		if (!holds)
			continue;
		gone = xreallocarray(gone, ngone + 1, sizeof *gone);
		gone[ngone++] = id;
	}
	archive_peek_close(&pk);
	sqlite3_finalize(st);
	for (k = 0; rc == SQLITE_DONE && k < ngone; k++) {
		sqlite3_bind_int64(del, 1, gone[k]);
		if (sqlite3_step(del) == SQLITE_DONE &&
		    sqlite3_changes(a->db) > 0)
			scan->copies++;
		sqlite3_reset(del);
	}
	sqlite3_finalize(del);
	free(gone);
	if (rc != SQLITE_DONE)
		goto sqlfail;
	scan->meetings -= scan->copies;
	return 0;
sqlfail:
	*cause = xasprintf(_("%s: cannot read the search index: %s"), a->path,
	    sqlite3_errmsg(a->db));
	return -1;
}

/* One meeting file found: bring its rows up to date, put it in scope. */
static void
archive_visit(struct archive_walk *w, const char *path, const struct stat *sb,
    int named)
{
	struct archive_stat	 as, old;
	char			 real[PATH_MAX], head[LOG_HASH_HEX];
	char			*why = NULL;
	const char		*oldhead;
	int64_t			 id = 0, events, oldevents = -1;
	int			 known = 0, rc;

	if (realpath(path, real) == NULL) {
		archive_warn(w, path, strerror(errno));
		return;
	}
	archive_stat_file(path, sb, &as);
	sqlite3_reset(w->find);
	sqlite3_bind_text(w->find, 1, real, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(w->find) == SQLITE_ROW) {
		known = 1;
		id = sqlite3_column_int64(w->find, 0);
		old.dev = sqlite3_column_int64(w->find, 1);
		old.ino = sqlite3_column_int64(w->find, 2);
		old.size = sqlite3_column_int64(w->find, 3);
		old.mtime = sqlite3_column_int64(w->find, 4);
		old.wsize = sqlite3_column_int64(w->find, 5);
		old.wmtime = sqlite3_column_int64(w->find, 6);
		oldevents = sqlite3_column_int64(w->find, 7);
		oldhead = (const char *)sqlite3_column_text(w->find, 8);
		snprintf(head, sizeof head, "%s", oldhead != NULL ? oldhead :
		    "");
	}
	sqlite3_reset(w->find);
	if (!known && !archive_is_meeting(path)) {
		if (named)
			archive_warn(w, path, _("not a giji meeting file"));
		return;
	}
	if (known && !(w->flags & ARCHIVE_REINDEX) &&
	    memcmp(&as, &old, sizeof as) == 0)
		goto scope;	/* unchanged on disk */
	if (known && !(w->flags & ARCHIVE_REINDEX)) {
		/* Touched: the same events? Then only remember the stat. */
		char	 now[LOG_HASH_HEX];

		if (archive_head(path, &events, now, &why) != 0) {
			archive_warn(w, path, why);
			free(why);
			return;
		}
		if (events == oldevents && strcmp(now, head) == 0) {
			sqlite3_reset(w->fresh);
			sqlite3_bind_int64(w->fresh, 1, id);
			sqlite3_bind_int64(w->fresh, 2, as.dev);
			sqlite3_bind_int64(w->fresh, 3, as.ino);
			sqlite3_bind_int64(w->fresh, 4, as.size);
			sqlite3_bind_int64(w->fresh, 5, as.mtime);
			sqlite3_bind_int64(w->fresh, 6, as.wsize);
			sqlite3_bind_int64(w->fresh, 7, as.wmtime);
			if (sqlite3_step(w->fresh) != SQLITE_DONE) {
				w->failed = 1;
				w->cause = xasprintf(_("%s: cannot update the "
				    "search index: %s"), w->a->path,
				    sqlite3_errmsg(w->a->db));
			}
			sqlite3_reset(w->fresh);
			goto scope;
		}
	}
	rc = archive_index(w->a, path, real, id, &as, &why, &w->cause);
	if (rc < 0) {
		w->failed = 1;
		return;
	}
	if (rc > 0) {
		archive_warn(w, path, why);
		free(why);
		return;
	}
	w->scan->indexed++;
	/*
	 * Commit now and then: an interrupted first build keeps what it
	 * did, and another giji search waiting on the index gets a turn.
	 */
	if (w->scan->indexed % ARCHIVE_BATCH == 0 &&
	    (archive_exec(w->a, "COMMIT", &w->cause) != 0 ||
	    archive_begin(w->a, &w->cause) != 0)) {
		w->failed = 1;
		return;
	}
	if (id == 0) {
		sqlite3_reset(w->find);
		sqlite3_bind_text(w->find, 1, real, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(w->find) == SQLITE_ROW)
			id = sqlite3_column_int64(w->find, 0);
		sqlite3_reset(w->find);
	}
scope:
	sqlite3_reset(w->scope);
	sqlite3_bind_int64(w->scope, 1, id);
	sqlite3_bind_text(w->scope, 2, path, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(w->scope) == SQLITE_DONE &&
	    sqlite3_changes(w->a->db) > 0)
		w->scan->meetings++;
	sqlite3_reset(w->scope);
}

static int
archive_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every meeting file under dir, in name order; folders not followed
 * through symbolic links (a link to a file is followed). */
static void
archive_walk_dir(struct archive_walk *w, const char *dir, int depth)
{
	struct dirent	*de;
	struct stat	 sb;
	DIR		*d;
	char		**names = NULL, *p;
	size_t		 n = 0, cap = 0, i, len;

	if (depth > 64)
		return;
	if ((d = opendir(dir)) == NULL) {
		archive_warn(w, dir, strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;	/* hidden, and giji's own temporaries */
		len = strlen(de->d_name);
		if ((len > 4 && strcmp(de->d_name + len - 4, "-wal") == 0) ||
		    (len > 4 && strcmp(de->d_name + len - 4, "-shm") == 0) ||
		    (len > 8 && strcmp(de->d_name + len - 8, "-journal") == 0))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, archive_name_cmp);
	for (i = 0; i < n; i++) {
		p = xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" :
		    "/", names[i]);
		if (!w->failed && lstat(p, &sb) == 0) {
			if (S_ISDIR(sb.st_mode))
				archive_walk_dir(w, p, depth + 1);
			else if (S_ISREG(sb.st_mode) ||
			    (S_ISLNK(sb.st_mode) && stat(p, &sb) == 0 &&
			    S_ISREG(sb.st_mode)))
				archive_visit(w, p, &sb, 0);
		}
		free(p);
		free(names[i]);
	}
	free(names);
}

/* Meetings indexed under dir that the walk did not find: out. */
static int
archive_prune(struct archive_walk *w, const char *dir)
{
	sqlite3_stmt	*st;
	char		 real[PATH_MAX], *lo, *hi;
	int64_t		 id, day, slot;
	struct {
		int64_t	 id, day, slot;
	}		*gone = NULL;
	size_t		 n = 0, i;
	int		 rc = 0;

	if (realpath(dir, real) == NULL)
		return 0;
	lo = xasprintf("%s/", strcmp(real, "/") == 0 ? "" : real);
	hi = xasprintf("%s0", strcmp(real, "/") == 0 ? "" : real); /* '/'+1 */
	if (sqlite3_prepare_v2(w->a->db, "SELECT id, day, slot FROM meetings"
	    " WHERE path >= ?1 AND path < ?2 AND id NOT IN (SELECT id FROM"
	    " temp.scope)", -1, &st, NULL) != SQLITE_OK) {
		free(lo);
		free(hi);
		goto fail;
	}
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		day = sqlite3_column_int64(st, 1);
		slot = sqlite3_column_int64(st, 2);
		gone = xreallocarray(gone, n + 1, sizeof *gone);
		gone[n].id = id;
		gone[n].day = day;
		gone[n].slot = slot;
		n++;
	}
	sqlite3_finalize(st);
	free(lo);
	free(hi);
	for (i = 0; i < n && rc == 0; i++) {
		rc = archive_forget(w->a, gone[i].id, gone[i].day,
		    gone[i].slot, &w->cause);
		if (rc == 0 && sqlite3_prepare_v2(w->a->db, "DELETE FROM"
		    " meetings WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, gone[i].id);
			sqlite3_step(st);
			sqlite3_finalize(st);
			w->scan->removed++;
		}
	}
	free(gone);
	return rc;
fail:
	w->cause = xasprintf(_("%s: cannot update the search index: %s"),
	    w->a->path, sqlite3_errmsg(w->a->db));
	return -1;
}

int
archive_update(struct archive *a, char **paths, size_t npaths, int flags,
    struct archive_scan *scan, archive_warn_fn warn, void *arg, char **cause)
{
	struct archive_walk	 w;
	struct stat		 sb;
	size_t			 i;
	int			 rc = -1;

	*cause = NULL;
	memset(scan, 0, sizeof *scan);
	memset(&w, 0, sizeof w);
	w.a = a;
	w.flags = flags;
	w.scan = scan;
	w.warn = warn;
	w.arg = arg;
	if (archive_exec(a, "DELETE FROM temp.scope", cause) != 0)
		return -1;
	/*
	 * Write transactions of ARCHIVE_BATCH meetings: another giji search
	 * waits for one (busy timeout) and then finds those files indexed.
	 */
	if (archive_begin(a, cause) != 0)
		return -1;
	if (sqlite3_prepare_v2(a->db, "SELECT id, dev, ino, size, mtime, wsize,"
	    " wmtime, events, head FROM meetings WHERE path = ?1", -1, &w.find,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(a->db, "UPDATE meetings SET dev = ?2, ino = ?3,"
	    " size = ?4, mtime = ?5, wsize = ?6, wmtime = ?7 WHERE id = ?1", -1,
	    &w.fresh, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(a->db, "INSERT OR IGNORE INTO temp.scope (id,"
	    " shown) VALUES (?1, ?2)", -1, &w.scope, NULL) != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot read the search index: %s"),
		    a->path, sqlite3_errmsg(a->db));
		goto out;
	}
	for (i = 0; i < npaths && !w.failed; i++) {
		if (stat(paths[i], &sb) != 0) {
			archive_warn(&w, paths[i], strerror(errno));
			continue;
		}
		if (S_ISDIR(sb.st_mode))
			archive_walk_dir(&w, paths[i], 0);
		else if (S_ISREG(sb.st_mode))
			archive_visit(&w, paths[i], &sb, 1);
		else
			archive_warn(&w, paths[i], _("not a meeting file or a "
			    "folder"));
	}
	for (i = 0; i < npaths && !w.failed; i++) {
		if (stat(paths[i], &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    archive_prune(&w, paths[i]) != 0)
			w.failed = 1;
	}
	if (w.failed) {
		*cause = w.cause != NULL ? w.cause : xasprintf(_("%s: cannot "
		    "update the search index"), a->path);
		w.cause = NULL;
		goto out;
	}
	if (archive_copies(a, scan, cause) != 0)
		goto out;
	rc = archive_exec(a, "COMMIT", cause);
out:
	sqlite3_finalize(w.find);
	sqlite3_finalize(w.fresh);
	sqlite3_finalize(w.scope);
	free(w.cause);
	if (rc != 0)
		sqlite3_exec(a->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* --- searching ------------------------------------------------------- */

static const char *archive_outcome_list[] = {
	"approved", "noted", "consented", "granted", "rejected", "deferred",
	"referred", "other", "carried", "failed", NULL
};

int
archive_outcome_ok(const char *s)
{
	size_t	 i;

	for (i = 0; archive_outcome_list[i] != NULL; i++) {
		if (strcmp(s, archive_outcome_list[i]) == 0)
			return 1;
	}
	return 0;
}

const char *
archive_outcomes(void)
{
	return _("approved, noted, consented, granted, rejected, deferred, "
	    "referred, other (decisions), carried or failed (votes)");
}

/* A YYYY-MM-DD bound as a day number. */
static int
archive_day(const char *s, long *day, char **cause)
{
	int	 y, m, d;

	if (jdate_parse(s, &y, &m, &d) != 0) {
		*cause = xasprintf(_("'%s' is not a date like 2024-04-01"), s);
		return -1;
	}
	*day = jdate_days(y, m, d) + ARCHIVE_DAY_BASE;
	return 0;
}

/* "s e,s e" from giji_marks into marks, in text order, overlaps merged. */
static struct archive_mark *
archive_marks(const char *s, size_t len, size_t *n)
{
	struct archive_mark	*mk = NULL, t;
	long			 a, b;
	size_t			 i, j;
	char			*end;

	*n = 0;
	while (s != NULL && *s != '\0') {
		a = strtol(s, &end, 10);
		if (*end != ' ')
			break;
		b = strtol(end + 1, &end, 10);
		if (a >= 0 && b > a && (size_t)b <= len) {
			mk = xreallocarray(mk, *n + 1, sizeof *mk);
			mk[*n].start = (size_t)a;
			mk[*n].end = (size_t)b;
			(*n)++;
		}
		if (*end != ',')
			break;
		s = end + 1;
	}
	for (i = 1; i < *n; i++) {
		for (j = i; j > 0 && mk[j - 1].start > mk[j].start; j--) {
			t = mk[j];
			mk[j] = mk[j - 1];
			mk[j - 1] = t;
		}
	}
	for (i = 0, j = 0; i < *n; i++) {
		if (j > 0 && mk[i].start <= mk[j - 1].end) {
			if (mk[i].end > mk[j - 1].end)
				mk[j - 1].end = mk[i].end;
		} else
			mk[j++] = mk[i];
	}
	*n = j;
	return mk;
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

long
archive_search(struct archive *a, const struct archive_query *q,
    archive_hit_fn fn, void *arg, int *more, char **cause)
{
	struct archive_hit	 h;
	struct archive_mark	*marks;
	struct buf		 sql;
	sqlite3_stmt		*st;
	char			*match, *flags;
	long			 from = 0, to = 0, n = 0;
	int			 rc, bind = 3, stop = 0;

	*more = 0;
	*cause = NULL;
	if ((q->from != NULL && archive_day(q->from, &from, cause) != 0) ||
	    (q->to != NULL && archive_day(q->to, &to, cause) != 0))
		return -1;
	if (q->outcome != NULL && !archive_outcome_ok(q->outcome)) {
		*cause = xasprintf(_("'%s' is not an outcome: give %s"),
		    q->outcome, archive_outcomes());
		return -1;
	}
	if ((match = archive_match(q->text, &flags, cause)) == NULL)
		return -1;
	buf_init(&sql);
	/* A redacted item's title is not public: no heading for its hits. */
	buf_printf(&sql, "SELECT h.seq, h.type, %s, i.id, i.kind,",
	    q->public ? "CASE WHEN i.redacted THEN NULL ELSE i.title END" :
	    "i.title");
	buf_puts(&sql, " coalesce(p.shown, h.speaker), coalesce(p.id, h.speaker),"
	    " h.redacted, archive_text.text, giji_marks(archive_text, ?2),"
	    " s.shown, m.title, m.date, m.lang"
	    " FROM archive_text JOIN hits h ON h.id = archive_text.rowid"
	    " JOIN temp.scope s ON s.id = h.meeting"
	    " JOIN meetings m ON m.id = h.meeting"
	    " LEFT JOIN items i ON i.meeting = h.meeting AND i.n = h.item"
	    " LEFT JOIN members p ON p.meeting = h.meeting AND p.n = h.member"
	    " WHERE archive_text MATCH ?1");
	if (q->from != NULL)
		buf_printf(&sql, " AND archive_text.rowid >= ?%d", bind++);
	if (q->to != NULL)
		buf_printf(&sql, " AND archive_text.rowid < ?%d", bind++);
	if (q->speaker != NULL) {
		buf_printf(&sql, " AND (p.id = ?%d OR p.name = ?%d OR"
		    " p.full_name = ?%d OR p.shown = ?%d OR h.speaker = ?%d)",
		    bind, bind, bind, bind, bind);
		bind++;
	}
	if (q->kind != NULL)
		buf_printf(&sql, " AND i.kind = ?%d", bind++);
	if (q->outcome != NULL) {
		buf_printf(&sql, " AND (h.outcome = ?%d OR instr(i.outcomes,"
		    " ' ' || ?%d || ' ') > 0)", bind, bind);
		bind++;
	}
	if (q->public)
		buf_puts(&sql, " AND h.redacted = 0");
	buf_puts(&sql, " ORDER BY archive_text.rowid DESC");
	if (q->limit > 0)
		buf_printf(&sql, " LIMIT %ld", q->limit + 1);
	rc = sqlite3_prepare_v2(a->db, sql.s, -1, &st, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK) {
		*cause = xasprintf(_("%s: cannot search: %s"), a->path,
		    sqlite3_errmsg(a->db));
		free(match);
		free(flags);
		return -1;
	}
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, flags, -1, SQLITE_STATIC);
	bind = 3;
	if (q->from != NULL)
		sqlite3_bind_int64(st, bind++, (int64_t)from <<
		    ARCHIVE_DAY_SHIFT);
	if (q->to != NULL)
		sqlite3_bind_int64(st, bind++, ((int64_t)to + 1) <<
		    ARCHIVE_DAY_SHIFT);
	if (q->speaker != NULL)
		sqlite3_bind_text(st, bind++, q->speaker, -1, SQLITE_STATIC);
	if (q->kind != NULL)
		sqlite3_bind_text(st, bind++, q->kind, -1, SQLITE_STATIC);
	if (q->outcome != NULL)
		sqlite3_bind_text(st, bind++, q->outcome, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (q->limit > 0 && n == q->limit) {
			*more = 1;
			break;
		}
		memset(&h, 0, sizeof h);
		h.seq = sqlite3_column_int64(st, 0);
		h.type = col_text(st, 1);
		h.item = col_text(st, 2);
		h.item_id = col_text(st, 3);
		h.kind = col_text(st, 4);
		h.speaker = col_text(st, 5);
		h.speaker_id = col_text(st, 6);
		h.redacted = sqlite3_column_int(st, 7);
		h.text = col_text(st, 8);
		marks = archive_marks(col_text(st, 9), h.text != NULL ?
		    strlen(h.text) : 0, &h.nmarks);
		h.marks = marks;
		h.file = col_text(st, 10);
		h.title = col_text(st, 11);
		h.date = col_text(st, 12);
		h.lang = col_text(st, 13);
		n++;
		stop = fn(&h, arg);
		free(marks);
		if (stop)
			break;
	}
	if (!stop && rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = xasprintf(_("%s: cannot search: %s"), a->path,
		    sqlite3_errmsg(a->db));
		n = -1;
	}
	sqlite3_finalize(st);
	free(match);
	free(flags);
	return n;
}

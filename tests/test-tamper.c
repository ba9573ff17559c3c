/* SPDX-License-Identifier: ISC */
/*
 * Tampering, as a property: with the append-only triggers off (giji's own
 * connection runs none) and the CHECK constraints ignored, change every byte of every column of every
 * event row of a small meeting in turn (two ways: xor 0x01 and xor 0x80),
 * every bit of the integer columns, every byte of the head row; delete
 * each row, swap each pair of rows, move rows, insert copies; log_verify()
 * (what giji verify runs) must catch each one. Each change is made in a
 * savepoint and rolled back, so the file itself is never altered.
 *
 * Also shown: the limits documented in giji-events(5). Removing the last
 * events together with the head row, or rewriting the chain from some seq
 * to the end with recomputed hashes and head, cannot be seen from the file
 * alone; the head hash printed by giji verify, kept elsewhere, shows it.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* White-box: the tampering runs on the log's own connection (lg->db). */
#include "log-int.h"
#include "xmalloc.h"
#include "tap.h"

static char		 dir[] = "/tmp/giji-test-tamper.XXXXXX";
static struct log	*lg;
static sqlite3		*db;
static long		 tried, caught, unstorable;
static int		 as_blob;	/* tamper() binds a blob, not text */
static char		*first_missed;

static const char *columns[] = {
	"seq", "uuid", "ts", "station", "type", "payload", "prev_hash", "hash"
};

static int
exec(const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

static int
verify_fails(void)
{
	int64_t	 bad, count;
	char	*cause = NULL;
	int	 rc = log_verify(lg, &bad, &count, &cause);

	free(cause);
	return rc != 0;
}

/*
 * Run one tampering statement (with ?1 bound to v, a blob or text of n
 * bytes, or an integer when n < 0) in a savepoint, check that verify
 * fails, and roll it back.
 */
static void
tamper(const char *sql, const void *v, int n, int64_t iv, const char *what)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (exec("SAVEPOINT t") != 0)
		return;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		printf("# prepare: %s: %s\n", sql, sqlite3_errmsg(db));
		exec("ROLLBACK TO t; RELEASE t");
		return;
	}
	if (n >= 0 && as_blob)
		sqlite3_bind_blob(st, 1, v, n, SQLITE_TRANSIENT);
	else if (n >= 0)
		sqlite3_bind_text(st, 1, v, n, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(st, 1, iv);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		unstorable++;	/* e.g. a seq that collides: not a change */
	else if (sqlite3_changes(db) > 0) {
		tried++;
		if (verify_fails())
			caught++;
		else if (first_missed == NULL)
			first_missed = xstrdup(what);
	}
	exec("ROLLBACK TO t; RELEASE t");
}

static void
tamper_sql(const char *sql, const char *what)
{
	tamper(sql, NULL, -1, 0, what);
}

struct row {
	int64_t		 seq;
	int64_t		 ts;
	char		*text[8];	/* by column index; NULL for integers */
	int		 len[8];
};

static int
load_rows(struct row *rows, int max)
{
	sqlite3_stmt	*st;
	int		 n = 0, c;

	if (sqlite3_prepare_v2(db, "SELECT seq, uuid, ts, station, type,"
	    " payload, prev_hash, hash FROM events ORDER BY seq", -1, &st,
	    NULL) != SQLITE_OK)
		return 0;
	while (n < max && sqlite3_step(st) == SQLITE_ROW) {
		memset(&rows[n], 0, sizeof rows[n]);
		rows[n].seq = sqlite3_column_int64(st, 0);
		rows[n].ts = sqlite3_column_int64(st, 2);
		for (c = 0; c < 8; c++) {
			if (c == 0 || c == 2)
				continue;
			rows[n].len[c] = sqlite3_column_bytes(st, c);
			rows[n].text[c] = xmalloc((size_t)rows[n].len[c] + 1);
			memcpy(rows[n].text[c], sqlite3_column_text(st, c),
			    (size_t)rows[n].len[c] + 1);
		}
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

static int
build(const char *file)
{
	static const char *ev[][2] = {
		{ "meta.set", "{\"title\":\"令和4年度第1回審議会\",\"seats\":5}" },
		{ "member.add", "{\"id\":\"ito\",\"name\":\"伊藤\",\"role\":\"委員\"}" },
		{ "member.add", "{\"id\":\"ueda\",\"name\":\"上田\",\"kind\":\"chair\"}" },
		{ "member.add", "{\"id\":\"sato\",\"name\":\"佐藤\"}" },
		{ "agenda.add", "{\"id\":\"a1\",\"title\":\"諮問第1号\"}" },
		{ "agenda.add", "{\"id\":\"a2\",\"title\":\"報告事項\"}" },
		{ "attendance", "{\"member\":\"ito\",\"status\":\"present\"}" },
		{ "attendance", "{\"member\":\"ueda\",\"status\":\"present\"}" },
		{ "agenda.open", "{\"item\":\"a1\"}" },
		{ "speech", "{\"speaker\":\"ueda\",\"text\":\"ただいまから会議を開きます。\"}" },
		{ "speech", "{\"speaker\":\"ito\",\"text\":\"質問があります。\\n二点です。\"}" },
		{ "note", "{\"text\":\"資料1を配付\"}" },
		{ "speech", "{\"speaker\":\"sato\",\"text\":\"賛成します。\"}" },
		{ "vote.call", "{\"id\":\"v1\",\"item\":\"a1\",\"method\":\"hands\",\"motion\":\"原案のとおり\"}" },
		{ "vote.tally", "{\"vote\":\"v1\",\"for\":2,\"against\":0}" },
		{ "agenda.close", "{\"item\":\"a1\"}" },
		{ "agenda.open", "{\"item\":\"a2\"}" },
		{ "speech", "{\"speaker\":\"ueda\",\"text\":\"報告は以上です。\"}" },
		{ "agenda.close", "{\"item\":\"a2\"}" },
		{ "note", "{\"text\":\"閉会\"}" },
	};
	struct event_in	 in;
	struct log	*log;
	char		*cause;
	size_t		 i;
	int		 n = 0;

	if ((log = log_open(file, LOG_CREATE, &cause)) == NULL) {
		printf("# %s\n", cause);
		return -1;
	}
	log_set_station(log, "会議室A/pts/1");
	for (i = 0; i < sizeof ev / sizeof ev[0]; i++) {
		memset(&in, 0, sizeof in);
		in.type = ev[i][0];
		in.payload = ev[i][1];
		in.ts = 1656306000000000LL + (int64_t)i * 7000000;
		in.has_ts = 1;
		if (log_append(log, &in, NULL, &cause) != 0) {
			printf("# %s: %s\n", ev[i][0], cause);
			free(cause);
		} else
			n++;
	}
	log_close(&log);
	return n;
}

int
main(void)
{
	struct row	 rows[64];
	char		*file, *sql, *buf, *cause;
	char		 what[128], hash[LOG_HASH_HEX], prev[LOG_HASH_HEX];
	int64_t		 bad, count;
	int		 n, r, c, i, j, bit, x;
	long		 t0, c0;
	static const int flips[] = { 0x01, 0x80 };

	if (tap_tmpdir(dir) == NULL)
		return 1;
	file = xasprintf("%s/t.giji", dir);
	n = build(file);
	ok(n == 20, "a meeting of %d events", n);
	if ((lg = log_open(file, 0, &cause)) == NULL) {
		printf("# %s\n", cause);
		return done_testing();
	}
	db = lg->db;
	/* giji's connection runs no triggers (log.c): the schema stays whole. */
	ok(exec("PRAGMA ignore_check_constraints = ON; BEGIN") == 0,
	    "ignore CHECK");
	ok(!verify_fails(), "the untouched meeting verifies");
	n = load_rows(rows, 64);

	/* Every byte of every text column, two ways. */
	t0 = tried;
	c0 = caught;
	for (r = 0; r < n; r++) {
		for (c = 0; c < 8; c++) {
			if (rows[r].text[c] == NULL)
				continue;
			sql = xasprintf("UPDATE events SET %s = ?1 WHERE seq = "
			    "%lld", columns[c], (long long)rows[r].seq);
			buf = xmalloc((size_t)rows[r].len[c] + 2);
			for (i = 0; i < rows[r].len[c]; i++) {
				for (x = 0; x < 2; x++) {
					memcpy(buf, rows[r].text[c],
					    (size_t)rows[r].len[c]);
					buf[i] ^= (char)flips[x];
					snprintf(what, sizeof what, "seq %lld %s "
					    "byte %d ^0x%02x",
					    (long long)rows[r].seq, columns[c],
					    i, flips[x]);
					tamper(sql, buf, rows[r].len[c], 0, what);
				}
			}
			/* One byte more, one byte less, empty. */
			memcpy(buf, rows[r].text[c], (size_t)rows[r].len[c]);
			buf[rows[r].len[c]] = ' ';
			tamper(sql, buf, rows[r].len[c] + 1, 0, "append a byte");
			tamper(sql, buf, rows[r].len[c] - 1, 0, "drop a byte");
			tamper(sql, buf, 0, 0, "empty");
			free(buf);
			free(sql);
		}
	}
	ok(caught - c0 == tried - t0, "every byte of uuid, station, type, "
	    "payload, prev_hash and hash changed: %ld of %ld caught",
	    caught - c0, tried - t0);

	/*
	 * A NUL and more after the text (C strings end at the NUL, SQL
	 * compares the whole value: the hash used to cover only the part
	 * before it), the same bytes as a blob, and a NUL inside.
	 */
	t0 = tried;
	c0 = caught;
	for (r = 0; r < n; r++) {
		for (c = 1; c < 8; c++) {
			if (c == 2)
				continue;
			sql = xasprintf("UPDATE events SET %s = ?1 WHERE seq = "
			    "%lld", columns[c], (long long)rows[r].seq);
			buf = xmalloc((size_t)rows[r].len[c] + 2);
			memcpy(buf, rows[r].text[c], (size_t)rows[r].len[c]);
			buf[rows[r].len[c]] = '\0';
			buf[rows[r].len[c] + 1] = 'x';
			snprintf(what, sizeof what, "seq %lld %s + NUL x",
			    (long long)rows[r].seq, columns[c]);
			tamper(sql, buf, rows[r].len[c] + 2, 0, what);
			snprintf(what, sizeof what, "seq %lld %s + NUL",
			    (long long)rows[r].seq, columns[c]);
			tamper(sql, buf, rows[r].len[c] + 1, 0, what);
			as_blob = 1;
			snprintf(what, sizeof what, "seq %lld %s as a blob",
			    (long long)rows[r].seq, columns[c]);
			tamper(sql, buf, rows[r].len[c], 0, what);
			as_blob = 0;
			buf[1] = '\0';
			snprintf(what, sizeof what, "seq %lld %s NUL inside",
			    (long long)rows[r].seq, columns[c]);
			tamper(sql, buf, rows[r].len[c], 0, what);
			free(buf);
			free(sql);
		}
	}
	ok(caught - c0 == tried - t0, "a NUL after or inside each text "
	    "column, or the column stored as a blob: %ld of %ld caught",
	    caught - c0, tried - t0);

	/* Every bit of seq and ts; ts stored as text. */
	t0 = tried;
	c0 = caught;
	for (r = 0; r < n; r++) {
		for (c = 0; c <= 2; c += 2) {
			sql = xasprintf("UPDATE events SET %s = ?1 WHERE seq = "
			    "%lld", columns[c], (long long)rows[r].seq);
			for (bit = 0; bit < 63; bit++) {
				int64_t	 v = c == 0 ? rows[r].seq : rows[r].ts;

				snprintf(what, sizeof what, "seq %lld %s bit %d",
				    (long long)rows[r].seq, columns[c], bit);
				tamper(sql, NULL, -1, v ^ ((int64_t)1 << bit),
				    what);
			}
			free(sql);
		}
		/* A real (text of digits would turn back into an integer). */
		sql = xasprintf("UPDATE events SET ts = ts + 0.25 "
		    "WHERE seq = %lld", (long long)rows[r].seq);
		tamper_sql(sql, "ts as real");
		free(sql);
	}
	ok(caught - c0 == tried - t0, "every bit of seq and ts flipped, ts made "
	    "a real: %ld of %ld caught (%ld seq values collided and could not be stored)",
	    caught - c0, tried - t0, unstorable);

	/* The head row. */
	t0 = tried;
	c0 = caught;
	for (i = 0; i < 64; i++) {
		for (x = 0; x < 2; x++) {
			snprintf(what, sizeof what, "head hash byte %d", i);
			/* SQLite has no xor: (a | b) - (a & b). */
			sql = xasprintf("UPDATE head SET hash = substr(hash, 1, "
			    "%d) || char((unicode(substr(hash, %d, 1)) | %d) - "
			    "(unicode(substr(hash, %d, 1)) & %d)) || "
			    "substr(hash, %d)", i, i + 1, flips[x], i + 1,
			    flips[x], i + 2);
			tamper_sql(sql, what);
			free(sql);
		}
	}
	for (bit = 0; bit < 63; bit++) {
		snprintf(what, sizeof what, "head seq bit %d", bit);
		sql = xasprintf("UPDATE head SET seq = (seq | %lld) - "
		    "(seq & %lld)", (long long)((int64_t)1 << bit),
		    (long long)((int64_t)1 << bit));
		tamper_sql(sql, what);
		free(sql);
	}
	tamper_sql("DELETE FROM head", "head row deleted");
	ok(caught - c0 == tried - t0, "every byte of the head hash and bit of "
	    "its seq, and its deletion: %ld of %ld caught", caught - c0,
	    tried - t0);

	/* Deleting, reordering, inserting rows. */
	t0 = tried;
	c0 = caught;
	for (r = 1; r <= n; r++) {
		snprintf(what, sizeof what, "delete seq %d", r);
		sql = xasprintf("DELETE FROM events WHERE seq = %d", r);
		tamper_sql(sql, what);
		free(sql);
		/* And close the gap, as a careful forger would. */
		snprintf(what, sizeof what, "delete seq %d, renumber", r);
		sql = xasprintf("DELETE FROM events WHERE seq = %d;"
		    " UPDATE events SET seq = -seq WHERE seq > %d;"
		    " UPDATE events SET seq = -seq - 1 WHERE seq < 0;"
		    " UPDATE head SET seq = seq - 1", r, r);
		tamper_sql(sql, what);
		free(sql);
	}
	for (i = 1; i <= n; i++) {
		for (j = i + 1; j <= n; j++) {
			snprintf(what, sizeof what, "swap %d and %d", i, j);
			sql = xasprintf("UPDATE events SET seq = -1 WHERE seq = %d;"
			    " UPDATE events SET seq = %d WHERE seq = %d;"
			    " UPDATE events SET seq = %d WHERE seq = -1",
			    i, i, j, j);
			tamper_sql(sql, what);
			free(sql);
		}
	}
	for (r = 1; r <= n; r++) {
		snprintf(what, sizeof what, "copy seq %d to the end", r);
		sql = xasprintf("INSERT INTO events SELECT %d, uuid || 'x', ts,"
		    " station, type, payload, prev_hash, hash FROM events"
		    " WHERE seq = %d", n + 1, r);
		tamper_sql(sql, what);
		free(sql);
		snprintf(what, sizeof what, "copy seq %d to the end with head",
		    r);
		sql = xasprintf("INSERT INTO events SELECT %d, uuid || 'x', ts,"
		    " station, type, payload, prev_hash, hash FROM events"
		    " WHERE seq = %d; UPDATE head SET seq = %d, hash ="
		    " (SELECT hash FROM events WHERE seq = %d)", n + 1, r,
		    n + 1, r);
		tamper_sql(sql, what);
		free(sql);
	}
	tamper_sql("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)",
	    "delete the last event");
	tamper_sql("DELETE FROM events", "delete every event");
	ok(caught - c0 == tried - t0, "rows deleted (with or without "
	    "renumbering), swapped, copied: %ld of %ld caught", caught - c0,
	    tried - t0);

	ok(first_missed == NULL, "verify caught all %ld changes",
	    tried);
	if (first_missed != NULL)
		printf("#   first missed: %s\n", first_missed);
	printf("# tampering: %ld changes tried, %ld caught\n", tried, caught);

	/* The documented limits: what the file alone cannot show. */
	exec("SAVEPOINT t");
	exec("DELETE FROM events WHERE seq >= 18; UPDATE head SET seq = 17,"
	    " hash = (SELECT hash FROM events WHERE seq = 17)");
	ok(!verify_fails(), "documented limit: the last 3 events removed with "
	    "the head row rewritten are not seen from the file alone");
	exec("ROLLBACK TO t; RELEASE t");
	exec("SAVEPOINT t");
	{
		/* Rewrite seq 10 and recompute the chain and head after it. */
		sqlite3_stmt	*st;

		exec("UPDATE events SET payload = json_set(payload, '$.text',"
		    " '改ざん') WHERE seq = 10");
		memcpy(prev, rows[8].text[7], LOG_HASH_HEX);
		for (r = 9; r < n; r++) {
			sqlite3_prepare_v2(db, "SELECT uuid, ts, station, type,"
			    " payload FROM events WHERE seq = ?1", -1, &st, NULL);
			sqlite3_bind_int64(st, 1, r + 1);
			if (sqlite3_step(st) == SQLITE_ROW)
				log_hash(prev, r + 1,
				    (const char *)sqlite3_column_text(st, 0),
				    sqlite3_column_int64(st, 1),
				    (const char *)sqlite3_column_text(st, 2),
				    (const char *)sqlite3_column_text(st, 3),
				    (const char *)sqlite3_column_text(st, 4), hash);
			sqlite3_finalize(st);
			sql = xasprintf("UPDATE events SET prev_hash = '%s', hash"
			    " = '%s' WHERE seq = %d", prev, hash, r + 1);
			exec(sql);
			free(sql);
			memcpy(prev, hash, sizeof prev);
		}
		sql = xasprintf("UPDATE head SET hash = '%s'", prev);
		exec(sql);
		free(sql);
	}
	ok(!verify_fails() && strcmp(prev, rows[n - 1].text[7]) != 0,
	    "documented limit: a chain rewritten from seq 10 with recomputed "
	    "hashes verifies, but its head hash differs from the one printed "
	    "before");
	exec("ROLLBACK TO t; RELEASE t");
	exec("ROLLBACK");
	ok(log_verify(lg, &bad, &count, &cause) == 0 && count == n,
	    "the file itself was never changed");
	log_close(&lg);

	for (r = 0; r < n; r++)
		for (c = 0; c < 8; c++)
			free(rows[r].text[c]);
	free(first_missed);
	unlink(file);
	free(file);
	return done_testing();
}

/*
 * The hash chain: the canonical byte string of an event, its SHA-256, and
 * the check of a whole file against it (docs/giji-events.5). Each row's
 * hash covers the previous row's, so that changing, inserting or removing
 * an event anywhere but at the end breaks every hash after it; the head
 * table records the last seq and hash, to catch removal at the end.
 */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log-int.h"
#include "xmalloc.h"

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


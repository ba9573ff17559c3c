/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of core/log*.c, core/event.c and core/fold.c: creating and
 * refusing files, validation on append (each refusal names the field),
 * the append-only triggers, the chain and its verification, drafts,
 * batches, and the fold with corrections applied.
 */
#include "config.h"

#include <sys/stat.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event.h"
#include "fold.h"
#include "json.h"
#include "log.h"
#include "xmalloc.h"
#include "tap.h"

static char	 dir[] = "/tmp/giji-test-log.XXXXXX";

static char *
path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static int
add(struct log *log, const char *type, const char *payload, char **cause,
    struct event *out)
{
	struct event_in	 in;

	memset(&in, 0, sizeof in);
	in.type = type;
	in.payload = payload;
	return log_append(log, &in, out, cause);
}

/* Append and expect a refusal whose message contains want. */
static void
refused(struct log *log, const char *type, const char *payload,
    const char *want, const char *what)
{
	char	*cause = NULL;
	int	 rc = add(log, type, payload, &cause, NULL);

	ok(rc == -1 && cause != NULL && strstr(cause, want) != NULL,
	    "refused: %s", what);
	if (rc != -1 || cause == NULL || strstr(cause, want) == NULL)
		printf("#   cause: %s\n", cause ? cause : "(none)");
	free(cause);
}

static void
accepted(struct log *log, const char *type, const char *payload,
    const char *what)
{
	char	*cause = NULL;
	int	 rc = add(log, type, payload, &cause, NULL);

	ok(rc == 0, "accepted: %s", what);
	if (rc != 0)
		printf("#   cause: %s\n", cause);
	free(cause);
}

/* As another program would, with the append-only triggers off. */
static int
tamper_sql(const char *file, const char *sql)
{
	sqlite3	*db;
	int	 rc;

	if (sqlite3_open(file, &db) != SQLITE_OK)
		return -1;
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

static int
exec_sql(const char *file, const char *sql)
{
	sqlite3	*db;
	int	 rc;

	if (sqlite3_open(file, &db) != SQLITE_OK)
		return -1;
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

int
main(void)
{
	struct log	*log;
	struct meeting	*m;
	struct event	 ev, first;
	struct stat	 sb;
	char		*p, *cause, *s, *t, *sp, *pl;
	int64_t		 bad, count, started;
	FILE		*f;

	if (tap_tmpdir(dir) == NULL)
		return 1;
	setenv("GIJI_NOW", "2022-06-27T14:00:00+09:00", 1);
	setenv("GIJI_NOW_STEP", "1000000", 1);

	/* struct log *log_open(const char *path, int flags, char **cause) */
	{
		p = path("missing.giji");
		log = log_open(p, 0, &cause);
		ok(log == NULL && cause != NULL, "a missing file without "
		    "LOG_CREATE is refused");
		free(cause);
		free(p);
	}
	{
		p = path("text.giji");
		f = fopen(p, "w");
		fputs("this is not a database at all\n", f);
		fclose(f);
		log = log_open(p, 0, &cause);
		ok(log == NULL && strstr(cause, "not a giji meeting") != NULL,
		    "a text file is refused: %s", cause);
		free(cause);
		free(p);
	}
	{
		p = path("other.db");
		exec_sql(p, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
		log = log_open(p, 0, &cause);
		ok(log == NULL && strstr(cause, "another program") != NULL,
		    "an SQLite file of another program is refused");
		free(cause);
		exec_sql(p, "SELECT 1");
		ok(exec_sql(p, "SELECT x FROM t") == SQLITE_OK,
		    "and left untouched");
		free(p);
	}
	{
		p = path("m.giji");
		log = log_open(p, LOG_CREATE, &cause);
		ok(log != NULL, "a new meeting is created");
		ok(stat(p, &sb) == 0 && (sb.st_mode & 0777) == 0600,
		    "with mode 0600");
		log_set_station(log, "clerk");
		free(p);
	}

	/* validation: each refusal names the field */
	{
		refused(log, "nonsense", "{}", "unknown event type", "unknown type");
		refused(log, "member.add", "{\"name\":\"伊藤\"}", "'id' is required",
		    "missing id");
		refused(log, "member.add", "{\"id\":7,\"name\":\"x\"}",
		    "'id' must be string", "id of the wrong type");
		refused(log, "member.add", "[1,2]", "not a JSON object",
		    "data not an object");
		refused(log, "member.add", "{\"id\":\"a\",", "not a JSON object",
		    "broken JSON");
		refused(log, "member.add", "{\"id\":\"a\",\"name\":\"\xff\"}",
		    "not valid UTF-8", "invalid UTF-8");
		accepted(log, "meta.set", "{\"title\":\"第1回審議会\","
		    "\"seats\":3,\"tz\":\"Asia/Tokyo\"}", "meta.set");
		refused(log, "meta.set", "{\"seats\":\"three\"}",
		    "'seats' must be integer", "seats as a word");
		accepted(log, "member.add", "{\"id\":\"ito\",\"name\":\"伊藤\","
		    "\"role\":\"委員\",\"future_field\":[1]}",
		    "member with an unknown field kept");
		accepted(log, "member.add", "{\"id\":\"chair\",\"name\":\"山田\","
		    "\"role\":\"会長\",\"kind\":\"chair\"}", "chair");
		accepted(log, "member.add", "{\"id\":\"sato\",\"name\":\"佐藤\"}",
		    "member");
		refused(log, "member.add", "{\"id\":\"ito\",\"name\":\"x\"}",
		    "already used", "duplicate member id");
		refused(log, "member.add", "{\"id\":\"x\",\"name\":\"x\","
		    "\"agenda\":[1]}", "list of strings", "agenda of numbers");
		refused(log, "speech", "{\"speaker\":\"nobody\",\"text\":\"x\"}",
		    "field 'speaker': unknown member", "unknown speaker");
		refused(log, "speech", "{\"speaker\":\"ito\"}",
		    "field 'text' is required", "speech without text");
		refused(log, "speech", "{\"speaker\":\"ito\",\"text\":\"x\","
		    "\"started\":\"yesterday\"}", "'started' is not an ISO 8601",
		    "bad started");
		refused(log, "attendance", "{\"member\":\"ito\",\"status\":\"asleep\"}",
		    "field 'status': unknown value \"asleep\": expected "
		    "present, absent, arrived, left, apologies, remote, written or proxy",
		    "unknown attendance status");
		accepted(log, "attendance", "{\"member\":\"sato\",\"status\":\"absent\"}",
		    "attendance");
		accepted(log, "agenda.add", "{\"id\":\"a1\",\"title\":\"諮問第1号\","
		    "\"kind\":\"consultation\"}", "agenda item");
		accepted(log, "agenda.add", "{\"id\":\"a2\",\"title\":\"報告\"}",
		    "second item");
		refused(log, "agenda.open", "{\"item\":\"zz\"}",
		    "field 'item': unknown agenda item", "open unknown item");
		accepted(log, "agenda.open", "{\"item\":\"a1\"}", "open a1");
		ok(add(log, "speech", "{\"speaker\":\"ito\",\"text\":\"質問します。\","
		    "\"started\":\"2022-06-27T14:00:00+09:00\"}", &cause, &first) == 0,
		    "a speech");
		refused(log, "vote.call", "{\"id\":\"v1\",\"item\":\"a1\","
		    "\"method\":\"shout\"}", "field 'method': unknown value "
		    "\"shout\": expected hands, unanimous, consent, rollcall or "
		    "written", "bad method");
		refused(log, "vote.call", "{\"id\":\"v1\",\"item\":\"a1\","
		    "\"method\":\"hands\",\"rule\":\"two-thirds\"}",
		    "vote.call: field 'rule': unknown value \"two-thirds\": "
		    "expected majority, majority_present, majority_seats, "
		    "two_thirds, two_thirds_present, two_thirds_seats, "
		    "three_quarters, three_quarters_present, "
		    "three_quarters_seats, four_fifths, four_fifths_present, "
		    "four_fifths_seats or unanimity",
		    "an optional field's unknown value");
		accepted(log, "vote.call", "{\"id\":\"v1\",\"item\":\"a1\","
		    "\"method\":\"hands\"}", "vote.call");
		refused(log, "vote.tally", "{\"vote\":\"v9\",\"for\":1}",
		    "unknown vote 'v9'", "tally of an unknown vote");
		refused(log, "vote.tally", "{\"vote\":\"v1\",\"for\":-1}",
		    "field 'for' must be an integer from 0 to 2147483647, "
		    "not -1", "negative count");
		refused(log, "vote.tally", "{\"vote\":\"v1\",\"for\":"
		    "99999999999999999999}", "field 'for' must be an integer "
		    "from 0 to 2147483647", "a count beyond 64 bits");
		refused(log, "vote.tally", "{\"vote\":\"v1\",\"against\":"
		    "2147483648}", "field 'against' must be an integer from 0 "
		    "to 2147483647, not 2147483648", "a count of 2^31");
		refused(log, "vote.tally", "{\"vote\":\"v1\",\"for\":1e2}",
		    "field 'for' must be an integer from 0 to 2147483647, "
		    "not 100.0", "a count written as a real");
		refused(log, "meta.set", "{\"quorum\":-3}", "field 'quorum' "
		    "must be an integer from 0 to 2147483647", "quorum -3");
		refused(log, "meta.set", "{\"quorum\":true}", "field 'quorum' "
		    "must be integer or string", "quorum true");
		refused(log, "vote.tally", "{\"vote\":\"v1\"}",
		    "give counts", "tally without counts");
		refused(log, "vote.tally", "{\"vote\":\"v1\",\"ballots\":"
		    "{\"ghost\":\"yes\"}}", "unknown member 'ghost'",
		    "ballot of a non-member");
		refused(log, "vote.tally", "{\"vote\":\"v1\",\"ballots\":"
		    "{\"ito\":\"maybe\"}}", "voted 'maybe'", "ballot value");
		/* ito and the chair present; the chair only casts. */
		refused(log, "vote.tally", "{\"vote\":\"v1\",\"for\":1,"
		    "\"against\":1}", "vote.tally: vote v1: 2 votes counted but "
		    "only 1 of the 2 members present may vote (the chair has "
		    "only a casting vote)", "more votes than voters");
		accepted(log, "vote.tally", "{\"vote\":\"v1\",\"for\":0,"
		    "\"against\":1}", "first tally");
		accepted(log, "vote.tally", "{\"vote\":\"v1\",\"for\":1,"
		    "\"against\":0}", "recount");
		accepted(log, "vote.result", "{\"vote\":\"v1\",\"outcome\":\"carried\","
		    "\"declared\":true}", "result");
		accepted(log, "decision", "{\"item\":\"a1\",\"outcome\":\"approved\","
		    "\"vote\":\"v1\"}", "decision");
		accepted(log, "agenda.close", "{\"item\":\"a1\"}", "close a1");
		refused(log, "vote.call", "{\"id\":\"v2\",\"item\":\"a1\","
		    "\"method\":\"hands\"}", "is closed", "vote on a closed item");
		refused(log, "vote.tally", "{\"vote\":\"v1\",\"for\":3}",
		    "which is closed", "tally on a closed item");
		refused(log, "amend", "{\"target\":\"0b7e3a52-5c7e-4f3e-8f8e-"
		    "3c1c5f0d9a11\",\"data\":{\"text\":\"x\"}}",
		    "no event has uuid", "amend of an unknown uuid");
		refused(log, "amend", "{\"target\":\"not-a-uuid\","
		    "\"data\":{}}", "is not a uuid", "amend of garbage");
		s = xasprintf("{\"target\":\"%s\",\"data\":{\"text\":\"質問いたします。\"}}",
		    first.uuid);
		accepted(log, "amend", s, "amend the speech");
		free(s);
		s = xasprintf("{\"target\":\"%s\",\"reason\":\"個人情報\"}",
		    first.uuid);
		accepted(log, "redact", s, "redact the speech");
		free(s);
		accepted(log, "signer", "{\"member\":\"ito\",\"purpose\":"
		    "\"designation\"}", "signer");
		p = xmalloc(3 * 1024 * 1024);
		memset(p, 'a', 3 * 1024 * 1024 - 1);
		p[3 * 1024 * 1024 - 1] = '\0';
		memcpy(p, "{\"text\":\"", 9);
		memcpy(p + 3 * 1024 * 1024 - 3, "\"}", 2);
		refused(log, "note", p, "the limit is", "a 3 MB note");
		free(p);
	}

	/* a retry with the uuid of an event already in the log */
	{
		struct event_in	 in;

		memset(&in, 0, sizeof in);
		in.type = "note";
		in.payload = "{\"text\":\"再送\"}";
		in.uuid = first.uuid;
		memset(&ev, 0, sizeof ev);
		ok(log_append(log, &in, &ev, &cause) == LOG_EXISTS &&
		    ev.seq == first.seq, "LOG_EXISTS names the event already there");
		free(cause);
		event_clear(&ev);
		ok(log_last_seq(log) == 18, "and writes nothing");
		event_clear(&first);
	}

	/* ts: has_ts 0 is now, has_ts 1 is ts even when it is 0 (the epoch) */
	{
		struct event_in	 in;

		ok(log_begin(log, &cause) == 0, "begin (ts)");
		memset(&in, 0, sizeof in);
		in.type = "note";
		in.payload = "{\"text\":\"1970\"}";
		in.has_ts = 1;
		memset(&ev, 0, sizeof ev);
		is_int(log_append(log, &in, &ev, &cause), 0, "append at ts 0");
		is_int(ev.ts, 0, "has_ts with ts 0 keeps the epoch");
		event_clear(&ev);
		memset(&in, 0, sizeof in);
		in.type = "note";
		in.payload = "{\"text\":\"now\"}";
		is_int(log_append(log, &in, &ev, &cause), 0, "append now");
		ok(ev.ts > 1656306000000000LL, "a zeroed event_in is now "
		    "(GIJI_NOW and its steps): %lld", (long long)ev.ts);
		event_clear(&ev);
		log_rollback(log);
		ok(log_last_seq(log) == 18, "rolled back (ts)");
	}

	/* chain and verification */
	{
		ok(log_last_seq(log) == 18, "seq is gapless: %lld",
		    (long long)log_last_seq(log));
		ok(log_verify(log, &bad, &count, &cause) == 0 && count == 18,
		    "verify: %lld events", (long long)count);
		ok(log_get(log, 2, &ev) == 0 && strcmp(ev.type, "member.add") == 0,
		    "log_get");
		s = xstrdup(ev.hash);
		event_clear(&ev);
		ok(log_get(log, 3, &ev) == 0 && strcmp(ev.prev_hash, s) == 0,
		    "prev_hash links to the previous hash");
		event_clear(&ev);
		free(s);
	}

	/* drafts */
	{
		ok(log_draft_load(log, "clerk", &sp, &t, &started) == 0,
		    "no draft yet");
		ok(log_draft_save(log, "clerk", "ito", "途中まで", 42, &cause) == 0,
		    "save a draft");
		ok(log_draft_load(log, "clerk", &sp, &t, &started) == 1 &&
		    strcmp(sp, "ito") == 0 && strcmp(t, "途中まで") == 0 &&
		    started == 42, "the draft comes back");
		free(sp);
		free(t);
		ok(log_draft_clear(log, "clerk", &cause) == 0 &&
		    log_draft_load(log, "clerk", &sp, &t, &started) == 0,
		    "cleared");
	}

	/* a batch is all or nothing */
	{
		ok(log_begin(log, &cause) == 0, "begin");
		accepted(log, "note", "{\"text\":\"（休憩）\"}", "note in batch");
		log_rollback(log);
		ok(log_last_seq(log) == 18, "rolled back: nothing written");
	}

	/* the fold */
	{
		m = meeting_fold(log, &cause);
		ok(m != NULL, "fold");
		is_str(meeting_meta_str(m, "title", NULL), "第1回審議会",
		    "meta title");
		is_int(meeting_meta_long(m, "seats", 0), 3, "meta seats");
		is_int(m->nmembers, 3, "three members");
		is_int(m->members[0].kind, MK_MEMBER, "default kind member");
		is_int(m->members[1].kind, MK_CHAIR, "chair kind");
		is_int(m->members[2].att, ATT_ABSENT, "sato absent");
		is_int(m->nitems, 2, "two items");
		is_int(m->items[0].state, ITEM_CLOSED, "a1 closed");
		is_int(m->items[1].state, ITEM_PENDING, "a2 pending");
		is_int(m->nvotes, 1, "one vote");
		is_int(m->votes[0].ntallies, 2, "two tallies (recount kept)");
		is_int(m->votes[0].tallies[1].n_for, 1, "the recount counts");
		is_str(m->votes[0].outcome, "carried", "outcome");
		is_int(m->votes[0].present, 2, "present at the call");
		is_int(m->ndecisions, 1, "one decision");
		is_int(m->decisions[0].item, 0, "decision on a1");
		is_int(m->nsigners, 1, "one signer");
		{
			size_t i;
			struct entry *e = NULL;

			for (i = 0; i < m->nentries; i++)
				if (strcmp(m->entries[i].type, "speech") == 0)
					e = &m->entries[i];
			ok(e != NULL && strcmp(e->text, "質問いたします。") == 0,
			    "the amendment is applied");
			ok(e != NULL && (e->flags & ENTRY_AMENDED) &&
			    (e->flags & ENTRY_REDACTED), "amended and redacted");
			ok(e != NULL && e->started != 0 && e->item == 0 &&
			    e->member == 0, "speech fields");
			is_str(e ? e->reason : NULL, "個人情報", "redaction reason");
		}
		is_int(m->namendments, 2, "two corrections in the appendix");
		ok(m->namendments == 2 && strstr(m->amendments[0].before,
		    "質問します") != NULL && strstr(m->amendments[0].after,
		    "質問いたします") != NULL, "before and after");
		meeting_free(&m);
		ok(m == NULL, "meeting_free clears the pointer");
	}
	log_close(&log);

	/* append-only triggers, and tampering caught by verify */
	{
		p = path("m.giji");
		ok(exec_sql(p, "UPDATE events SET payload = '{}' WHERE seq = 3")
		    != SQLITE_OK, "UPDATE refused by the trigger");
		ok(exec_sql(p, "DELETE FROM events WHERE seq = 3") != SQLITE_OK,
		    "DELETE refused by the trigger");
		tamper_sql(p, "UPDATE events SET ts = ts + 1 WHERE seq = 5");
		log = log_open(p, LOG_READONLY, &cause);
		ok(log_verify(log, &bad, &count, &cause) == -1 && bad == 5 &&
		    strstr(cause, "hash mismatch") != NULL,
		    "a changed ts is caught at seq 5");
		free(cause);
		log_close(&log);
		free(p);
	}

	/* a newer schema is refused */
	{
		p = path("m.giji");
		exec_sql(p, "PRAGMA user_version = 99");
		log = log_open(p, 0, &cause);
		ok(log == NULL && strstr(cause, "newer giji") != NULL,
		    "newer schema refused");
		free(cause);
		free(p);
	}

	/* json helpers used above */
	{
		pl = json_set_str("{}", "a", "x\"y");
		is_str(pl, "{\"a\":\"x\\\"y\"}", "json_set_str escapes");
		free(pl);
	}
	/* written votes: answers arrive over days and accumulate */
	{
		p = path("w.giji");
		log = log_open(p, LOG_CREATE, &cause);
		accepted(log, "member.add", "{\"id\":\"a\",\"name\":\"阿部\"}", "a");
		accepted(log, "member.add", "{\"id\":\"b\",\"name\":\"馬場\"}", "b");
		accepted(log, "agenda.add", "{\"id\":\"i\",\"title\":\"諮問\"}", "i");
		accepted(log, "vote.call", "{\"id\":\"w\",\"item\":\"i\","
		    "\"method\":\"written\",\"deadline\":"
		    "\"2022-06-30T17:00:00+09:00\"}", "written vote");
		accepted(log, "vote.tally", "{\"vote\":\"w\",\"ballots\":"
		    "{\"a\":\"yes\"}}", "day 1: a");
		accepted(log, "vote.tally", "{\"vote\":\"w\",\"ballots\":"
		    "{\"b\":\"no\"}}", "day 2: b");
		accepted(log, "vote.tally", "{\"vote\":\"w\",\"ballots\":"
		    "{\"b\":\"yes\"}}", "day 3: b changes");
		m = meeting_fold(log, &cause);
		{
			struct tally *tl = &m->votes[0].tallies[2];

			is_int(tl->nballots, 2, "three answers, two members");
			ok(tl->nballots == 2 && strcmp(tl->ballots[0].choice, "yes") == 0 &&
			    strcmp(tl->ballots[1].choice, "yes") == 0,
			    "the later answer replaces the earlier");
			ok(tl->nballots == 2 && tl->ballots[0].ts < tl->ballots[1].ts,
			    "each ballot keeps its own time");
		}
		meeting_free(&m);
		log_close(&log);
		free(p);
	}

	/* an amend is validated as its target, amended */
	{
		struct event	 speech, ta, call, mem, am;

		p = path("a.giji");
		log = log_open(p, LOG_CREATE, &cause);
		accepted(log, "member.add", "{\"id\":\"a\",\"name\":\"阿部\"}", "a");
		ok(add(log, "member.add", "{\"id\":\"b\",\"name\":\"馬場\"}",
		    &cause, &mem) == 0, "b");
		accepted(log, "agenda.add", "{\"id\":\"i\",\"title\":\"諮問\"}", "i");
		accepted(log, "agenda.open", "{\"item\":\"i\"}", "open i");
		ok(add(log, "speech", "{\"speaker\":\"a\",\"text\":\"発言\"}",
		    &cause, &speech) == 0, "a speech");
		ok(add(log, "vote.call", "{\"id\":\"v\",\"item\":\"i\","
		    "\"method\":\"hands\"}", &cause, &call) == 0, "vote.call");
		ok(add(log, "vote.tally", "{\"vote\":\"v\",\"for\":1,"
		    "\"against\":1}", &cause, &ta) == 0, "a tally");

#define AMEND(ev, data) xasprintf("{\"target\":\"%s\",\"data\":%s}", \
		    (ev).uuid, (data))
		s = AMEND(ta, "{\"for\":\"many\"}");
		refused(log, "amend", s, "amend: field 'for' of vote.tally: "
		    "must be integer", "a count amended to a word");
		free(s);
		s = AMEND(ta, "{\"for\":99999999999999999999}");
		refused(log, "amend", s, "amend: field 'for' of vote.tally: "
		    "must be an integer from 0 to 2147483647",
		    "a count amended beyond 64 bits");
		free(s);
		s = AMEND(ta, "{\"against\":-2}");
		refused(log, "amend", s, "amend: field 'against' of "
		    "vote.tally: must be an integer from 0 to 2147483647, "
		    "not -2",
		    "a count amended below 0");
		free(s);
		s = AMEND(ta, "{\"ballots\":{\"ghost\":\"yes\"}}");
		refused(log, "amend", s, "amend: field 'ballots' of "
		    "vote.tally: unknown member 'ghost'",
		    "a ballot of a non-member");
		free(s);
		s = AMEND(ta, "{\"vote\":\"nov\"}");
		refused(log, "amend", s, "amend: field 'vote' of vote.tally: "
		    "unknown vote 'nov'", "a tally moved to an unknown vote");
		free(s);
		s = AMEND(speech, "{\"speaker\":\"nobody\"}");
		refused(log, "amend", s, "amend: field 'speaker' of speech: "
		    "unknown member 'nobody' (add it first with member.add)",
		    "a speech given to a non-member");
		free(s);
		s = AMEND(speech, "{\"text\":null}");
		refused(log, "amend", s, "amend: field 'text' of speech: is "
		    "required", "a required field removed (null)");
		free(s);
		s = AMEND(speech, "{\"started\":\"yesterday\"}");
		refused(log, "amend", s, "amend: field 'started' of speech: is "
		    "not an ISO 8601 time", "a bad time");
		free(s);
		s = AMEND(call, "{\"method\":\"shout\"}");
		refused(log, "amend", s, "amend: field 'method' of vote.call: "
		    "unknown value \"shout\": expected hands, unanimous, "
		    "consent, rollcall or written",
		    "an allowed value of a required field");
		free(s);
		s = AMEND(speech, "{\"kind\":\"aside\"}");
		refused(log, "amend", s, "amend: field 'kind' of speech: "
		    "unknown value \"aside\": expected explanation, question, "
		    "answer or remark", "an optional field's unknown value");
		free(s);
		s = AMEND(ta, "{\"for\":2}");
		refused(log, "amend", s, "amend: vote.tally as amended: vote v: "
		    "3 votes counted but only 2 members present",
		    "a count the rules refuse");
		free(s);
		s = AMEND(mem, "{\"id\":\"a\"}");
		refused(log, "amend", s, "amend: field 'id' of member.add: 'a' "
		    "is already used", "a member given another member's id");
		free(s);
		/* What stays lenient, as for new events. */
		s = AMEND(speech, "{\"kind\":\"remark\",\"x-tool\":{\"v\":1}}");
		accepted(log, "amend", s, "an unknown field");
		free(s);
		s = AMEND(mem, "{\"id\":\"b\",\"name\":\"馬場\"}");
		accepted(log, "amend", s, "a member keeping its own id");
		free(s);
		s = AMEND(speech, "{\"speaker\":\"b\"}");
		accepted(log, "amend", s, "a speech given to another member");
		free(s);
		/* Amends add up in seq order: the second leaves no count. */
		s = AMEND(ta, "{\"for\":null}");
		accepted(log, "amend", s, "a tally's for removed");
		free(s);
		s = AMEND(ta, "{\"against\":null}");
		refused(log, "amend", s, "amend: vote.tally as amended: give "
		    "counts", "then its against: nothing left to count");
		free(s);
		s = AMEND(ta, "{\"for\":1}");
		accepted(log, "amend", s, "a tally's for restored");
		free(s);
		/* A correction may come after the item closed. */
		accepted(log, "agenda.close", "{\"item\":\"i\"}", "close i");
		refused(log, "vote.tally", "{\"vote\":\"v\",\"for\":3}",
		    "which is closed", "no new tally on a closed item");
		s = AMEND(ta, "{\"for\":2,\"against\":0}");
		accepted(log, "amend", s, "a tally amended after the close");
		free(s);
		s = AMEND(call, "{\"motion\":\"原案のとおり\"}");
		accepted(log, "amend", s, "a vote.call amended after the "
		    "close");
		free(s);
		/* Corrections of corrections are left alone (the fold does). */
		ok(add(log, "retract", "{\"target\":\"00000000-0000-4000-"
		    "8000-000000000000\"}", &cause, NULL) == -1,
		    "retract of no event");
		free(cause);
		s = xasprintf("{\"target\":\"%s\",\"reason\":\"誤り\"}",
		    speech.uuid);
		ok(add(log, "retract", s, &cause, &am) == 0, "a retract");
		free(s);
		s = AMEND(am, "{\"reason\":7}");
		accepted(log, "amend", s, "an amend of a retract is not "
		    "checked");
		free(s);
#undef AMEND
		m = meeting_fold(log, &cause);
		ok(m != NULL && m->nvotes == 1 && m->votes[0].ntallies == 1 &&
		    m->votes[0].tallies[0].n_for == 2 &&
		    m->votes[0].tallies[0].n_against == 0, "the fold reads the "
		    "amended tally: 2 to 0");
		meeting_free(&m);
		event_clear(&speech);
		event_clear(&ta);
		event_clear(&call);
		event_clear(&mem);
		event_clear(&am);
		log_close(&log);
		free(p);
	}

	/* agenda.order: listed items first, indices remapped */
	{
		p = path("o.giji");
		log = log_open(p, LOG_CREATE, &cause);
		accepted(log, "member.add", "{\"id\":\"a\",\"name\":\"阿部\"}", "a");
		accepted(log, "agenda.add", "{\"id\":\"x\",\"title\":\"一\"}", "x");
		accepted(log, "agenda.add", "{\"id\":\"y\",\"title\":\"二\"}", "y");
		accepted(log, "agenda.add", "{\"id\":\"z\",\"title\":\"三\"}", "z");
		accepted(log, "agenda.open", "{\"item\":\"y\"}", "open y");
		accepted(log, "speech", "{\"speaker\":\"a\",\"text\":\"発言\"}", "speech on y");
		refused(log, "agenda.order", "{\"items\":[\"z\",\"q\"]}",
		    "unknown agenda item 'q'", "order with an unknown item");
		refused(log, "agenda.order", "{\"items\":[\"z\",\"z\"]}",
		    "listed twice", "order with an item twice");
		accepted(log, "agenda.order", "{\"items\":[\"z\",\"y\"]}", "z, y first");
		m = meeting_fold(log, &cause);
		ok(m->nitems == 3 && strcmp(m->items[0].id, "z") == 0 &&
		    strcmp(m->items[1].id, "y") == 0 &&
		    strcmp(m->items[2].id, "x") == 0, "order z y x");
		is_int(m->current_item, 1, "the open item followed its move");
		is_int(m->entries[m->nentries - 1].item, 1, "so did the speech");
		meeting_free(&m);
		log_close(&log);
		free(p);
	}

	/* docs/giji-events.5 documents every type and field of the table */
	{
		const struct event_def	*d;
		const struct field_def	*fd;
		struct buf		 doc;
		char			 chunk[4096], *want, *esc;
		const char		*top = getenv("top_srcdir");
		size_t			 n;
		int			 missing = 0;

		buf_init(&doc);
		p = xasprintf("%s/docs/giji-events.5", top ? top : ".");
		if ((f = fopen(p, "r")) != NULL) {
			while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
				buf_add(&doc, chunk, n);
			fclose(f);
		}
		for (d = event_defs; d->type != NULL; d++) {
			esc = xstrdup(d->type);
			if ((t = strchr(esc, '.')) != NULL) {
				*t = '\0';
				want = xasprintf(".B %s\\&.%s\n", esc, t + 1);
			} else
				want = xasprintf(".B %s\n", esc);
			if (doc.s == NULL || strstr(doc.s, want) == NULL) {
				printf("# undocumented type %s\n", d->type);
				missing++;
			}
			free(want);
			free(esc);
			for (fd = d->fields; fd->name != NULL; fd++) {
				want = xasprintf("\\fI%s\\fR", fd->name);
				if (doc.s == NULL || strstr(doc.s, want) == NULL) {
					printf("# undocumented field %s.%s\n",
					    d->type, fd->name);
					missing++;
				}
				free(want);
			}
		}
		is_int(missing, 0, "%s documents the whole vocabulary", p);
		free(p);
		buf_free(&doc);
	}
	json_shutdown();
	return done_testing();
}

/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of core/vote-query.c: the live vote pane's view of the
 * current vote, read from the log without the fold, must apply amends
 * and retracts as core/fold.c does for the minutes (corrections in seq
 * order, a correction with a lower seq than its target ignored). Each
 * step compares vote_view_load() with meeting_fold() on the same file.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "json.h"
#include "log.h"
#include "vote-query.h"
#include "xmalloc.h"
#include "tap.h"

static char	 dir[] = "/tmp/giji-test-vote-query.XXXXXX";

/* Append one event; its uuid goes to uuid when that is not NULL. */
static void
add(struct log *log, const char *type, const char *payload, char *uuid)
{
	struct event_in	 in;
	struct event	 ev;
	char		*cause = NULL;

	memset(&in, 0, sizeof in);
	in.type = type;
	in.payload = payload;
	if (log_append(log, &in, &ev, &cause) != 0) {
		ok(0, "append %s %s: %s", type, payload, cause);
		free(cause);
		return;
	}
	if (uuid != NULL)
		memcpy(uuid, ev.uuid, LOG_UUID_LEN);
	event_clear(&ev);
}

static void
amend(struct log *log, const char *target, const char *data)
{
	char	*p;

	p = xasprintf("{\"target\":\"%s\",\"data\":%s}", target, data);
	add(log, "amend", p, NULL);
	free(p);
}

static void
retract(struct log *log, const char *target)
{
	char	*p;

	p = xasprintf("{\"target\":\"%s\"}", target);
	add(log, "retract", p, NULL);
	free(p);
}

static int
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/*
 * The view of the last vote as vote_view_load() gives it, checked against
 * the fold's last vote and, for the counts, against want.
 */
static void
check(struct log *log, const char *what, long yes, long no, long abst,
    const char *outcome)
{
	struct vote_view	 v;
	struct meeting		*m;
	const struct vote	*fv;
	const struct tally	*ft;
	char			*cause = NULL;
	int			 same;

	if (vote_view_load(log, &v, &cause) != 0) {
		ok(0, "%s: vote_view_load: %s", what, cause);
		free(cause);
		return;
	}
	is_int(v.n_for, yes, "%s: for", what);
	is_int(v.n_against, no, "%s: against", what);
	is_int(v.n_abstain, abst, "%s: abstain", what);
	is_str(v.outcome, outcome, "%s: outcome", what);
	if ((m = meeting_fold(log, &cause)) == NULL || m->nvotes == 0) {
		ok(0, "%s: meeting_fold: %s", what, cause ? cause : "no vote");
		free(cause);
		meeting_free(&m);
		vote_view_clear(&v);
		return;
	}
	fv = &m->votes[m->nvotes - 1];
	ft = fv->ntallies > 0 ? &fv->tallies[fv->ntallies - 1] : NULL;
	same = same_str(v.id, fv->id) && same_str(v.method, fv->method) &&
	    same_str(v.motion, fv->motion) &&
	    same_str(v.outcome, fv->outcome) && v.declared == fv->declared &&
	    v.ntallies == fv->ntallies && ft != NULL &&
	    v.n_for == ft->n_for && v.n_against == ft->n_against &&
	    v.n_abstain == ft->n_abstain && v.has_counts == ft->has_counts &&
	    v.seats == meeting_meta_long(m, "seats", 0);
	ok(same, "%s: the vote pane agrees with the minutes", what);
	if (!same)
		printf("#   view: %s %s %s %s %d, %zu tallies, %ld %ld %ld, "
		    "%ld seats\n#   fold: %s %s %s %s %d, %zu tallies, "
		    "%ld %ld %ld, %ld seats\n", v.id, v.method, v.motion,
		    v.outcome, v.declared, v.ntallies, v.n_for, v.n_against,
		    v.n_abstain, v.seats, fv->id, fv->method, fv->motion,
		    fv->outcome, fv->declared, fv->ntallies,
		    ft ? ft->n_for : -1, ft ? ft->n_against : -1,
		    ft ? ft->n_abstain : -1,
		    meeting_meta_long(m, "seats", 0));
	meeting_free(&m);
	vote_view_clear(&v);
}

/* The fields that check() does not compare. */
static void
check_view(struct log *log, const char *what, const char *field,
    const char *want)
{
	struct vote_view	 v;
	char			*cause = NULL, *got = NULL;
	int			 i;

	if (vote_view_load(log, &v, &cause) != 0) {
		ok(0, "%s: vote_view_load: %s", what, cause);
		free(cause);
		return;
	}
	if (strcmp(field, "motion") == 0)
		got = v.motion != NULL ? xstrdup(v.motion) : NULL;
	else if (strcmp(field, "decision") == 0)
		got = v.decision != NULL ? xstrdup(v.decision) : NULL;
	else if (strcmp(field, "seats") == 0)
		got = xasprintf("%ld", v.seats);
	else if (strcmp(field, "declared") == 0)
		got = xasprintf("%d", v.declared);
	else if (strcmp(field, "name of b") == 0) {
		i = vote_view_member(&v, "b");
		got = i >= 0 ? xstrdup(v.members[i].name) : NULL;
	} else if (strcmp(field, "c present") == 0) {
		i = vote_view_member(&v, "c");
		got = i >= 0 ? xasprintf("%d", v.members[i].present_now) : NULL;
	}
	is_str(got, want, "%s: %s", what, field);
	free(got);
	vote_view_clear(&v);
}

/*
 * The roster the vote checks keep with the log (vote-query.c) is dropped
 * when a batch is rolled back: a member added in it, read by a check,
 * is not counted once an event of another kind takes its seq.
 */
static void
rollback_cache(void)
{
	struct log	*log;
	char		*p, *cause = NULL;
	int		 rc;

	p = xasprintf("%s/r.giji", dir);
	if ((log = log_open(p, LOG_CREATE, &cause)) == NULL) {
		ok(0, "open: %s", cause);
		free(cause);
		free(p);
		return;
	}
	add(log, "meta.set", "{\"seats\":2}", NULL);
	add(log, "member.add", "{\"id\":\"a\",\"name\":\"A\"}", NULL);
	add(log, "member.add", "{\"id\":\"b\",\"name\":\"B\"}", NULL);
	if (log_begin(log, &cause) != 0) {
		ok(0, "begin: %s", cause);
		free(cause);
	}
	add(log, "member.add", "{\"id\":\"c\",\"name\":\"C\"}", NULL);
	rc = vote_view_check(log, EV_VOTE_CALL, "{\"id\":\"v1\","
	    "\"method\":\"hands\"}", 0, 0, &cause);
	ok(rc == 1, "in the batch: three present for two seats (%d)", rc);
	free(cause);
	cause = NULL;
	log_rollback(log);
	add(log, "member.add", "{\"id\":\"d\",\"name\":\"D\","
	    "\"kind\":\"staff\"}", NULL);
	rc = vote_view_check(log, EV_VOTE_CALL, "{\"id\":\"v1\","
	    "\"method\":\"hands\"}", 0, 0, &cause);
	ok(rc == 0, "rolled back, the same seq another's: two present (%d%s%s)",
	    rc, cause != NULL ? ": " : "", cause != NULL ? cause : "");
	free(cause);
	log_close(&log);
	free(p);
}

int
main(void)
{
	struct log	*log;
	char		 call[LOG_UUID_LEN], t1[LOG_UUID_LEN];
	char		 t2[LOG_UUID_LEN], res[LOG_UUID_LEN];
	char		 res2[LOG_UUID_LEN], mb[LOG_UUID_LEN];
	char		 meta[LOG_UUID_LEN], att[LOG_UUID_LEN];
	char		 dec[LOG_UUID_LEN];
	char		*p, *cause = NULL, *sql;
	sqlite3		*db;

	if (tap_tmpdir(dir) == NULL)
		return 1;
	setenv("GIJI_NOW", "2022-06-27T14:00:00+09:00", 1);
	setenv("GIJI_NOW_STEP", "1000000", 1);
	p = xasprintf("%s/q.giji", dir);
	if ((log = log_open(p, LOG_CREATE, &cause)) == NULL) {
		printf("Bail out! %s\n", cause);
		return 1;
	}

	add(log, "meta.set", "{\"seats\":4,\"quorum\":3,\"chair\":\"votes\"}", meta);
	add(log, "member.add", "{\"id\":\"a\",\"name\":\"阿部\"}", NULL);
	add(log, "member.add", "{\"id\":\"b\",\"name\":\"馬場\"}", mb);
	add(log, "member.add", "{\"id\":\"c\",\"name\":\"千葉\"}", NULL);
	add(log, "member.add", "{\"id\":\"ch\",\"name\":\"長田\","
	    "\"kind\":\"chair\"}", NULL);
	add(log, "agenda.add", "{\"id\":\"i\",\"title\":\"諮問第1号\"}", NULL);
	add(log, "agenda.open", "{\"item\":\"i\"}", NULL);
	add(log, "vote.call", "{\"id\":\"v1\",\"item\":\"i\",\"method\":"
	    "\"hands\",\"motion\":\"原案\"}", call);
	add(log, "vote.tally", "{\"vote\":\"v1\",\"for\":3,\"against\":1}", t1);
	add(log, "vote.tally", "{\"vote\":\"v1\",\"for\":2,\"against\":2}", t2);
	add(log, "vote.result", "{\"vote\":\"v1\",\"outcome\":\"failed\"}",
	    res);
	check(log, "as recorded", 2, 2, 0, "failed");

	/* int vote_view_load(struct log *, struct vote_view *, char **cause) */
	amend(log, t2, "{\"for\":3,\"against\":1}");
	check(log, "the recount amended", 3, 1, 0, "failed");
	amend(log, t2, "{\"abstain\":0,\"against\":0}");
	check(log, "amended again: merged in seq order", 3, 0, 0, "failed");
	amend(log, res, "{\"outcome\":\"carried\",\"declared\":true}");
	check(log, "the result amended", 3, 0, 0, "carried");
	check_view(log, "the result amended", "declared", "1");
	amend(log, call, "{\"motion\":\"修正案\"}");
	check(log, "the call amended", 3, 0, 0, "carried");
	check_view(log, "the call amended", "motion", "修正案");
	retract(log, t2);
	check(log, "the recount retracted: the first tally counts", 3, 1, 0,
	    "carried");
	amend(log, t1, "{\"for\":4,\"against\":0}");
	check(log, "the first tally amended", 4, 0, 0, "carried");
	retract(log, res);
	check(log, "the result retracted", 4, 0, 0, NULL);
	add(log, "vote.result", "{\"vote\":\"v1\",\"outcome\":\"carried\"}",
	    res2);
	amend(log, res2, "{\"outcome\":\"failed\"}");
	check(log, "a new result, amended", 4, 0, 0, "failed");
	add(log, "decision", "{\"item\":\"i\",\"outcome\":\"approved\","
	    "\"vote\":\"v1\"}", dec);
	amend(log, dec, "{\"outcome\":\"rejected\"}");
	check_view(log, "the decision amended", "decision", "rejected");

	/* The meeting's side: roster, attendance, seats. */
	amend(log, mb, "{\"name\":\"馬塲\"}");
	check_view(log, "a member's name amended", "name of b", "馬塲");
	add(log, "attendance", "{\"member\":\"c\",\"status\":\"left\"}", att);
	check_view(log, "c left", "c present", "0");
	amend(log, att, "{\"status\":\"present\"}");
	check_view(log, "the departure amended", "c present", "1");
	amend(log, meta, "{\"seats\":5}");
	check(log, "seats amended", 4, 0, 0, "failed");
	check_view(log, "seats amended", "seats", "5");

	/*
	 * A correction with a lower seq than its target (a log written by
	 * hand: giji refuses it) is ignored by the fold, and so here.
	 */
	log_close(&log);
	if (sqlite3_open(p, &db) != SQLITE_OK)
		return 1;
	sql = xasprintf("INSERT INTO events (seq, uuid, ts, station, type,"
	    " payload, prev_hash, hash) SELECT max(seq) + 1,"
	    " '00000000-0000-4000-8000-0000000000a1', 0, 'x', 'amend',"
	    " '{\"target\":\"00000000-0000-4000-8000-0000000000b2\","
	    "\"data\":{\"for\":9}}', '', '' FROM events;"
	    " INSERT INTO events (seq, uuid, ts, station, type, payload,"
	    " prev_hash, hash) SELECT max(seq) + 1,"
	    " '00000000-0000-4000-8000-0000000000a2', 0, 'x', 'retract',"
	    " '{\"target\":\"00000000-0000-4000-8000-0000000000b2\"}', '', ''"
	    " FROM events;"
	    " INSERT INTO events (seq, uuid, ts, station, type, payload,"
	    " prev_hash, hash) SELECT max(seq) + 1,"
	    " '00000000-0000-4000-8000-0000000000b2', 0, 'x', 'vote.tally',"
	    " '{\"vote\":\"v1\",\"for\":1,\"against\":3}', '', '' FROM events");
	ok(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK,
	    "a tally preceded by its amend and retract, written by hand");
	free(sql);
	sqlite3_close(db);
	if ((log = log_open(p, LOG_READONLY, &cause)) == NULL) {
		printf("Bail out! %s\n", cause);
		return 1;
	}
	check(log, "corrections before their target are ignored", 1, 3, 0,
	    "failed");
	log_close(&log);

	free(p);
	rollback_cache();
	json_shutdown();
	return done_testing();
}

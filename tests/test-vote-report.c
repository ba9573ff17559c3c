/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of core/vote-report.c and of the fold's procedure vocabulary:
 * small meetings imported into a temporary file, then each vote's report
 * worked out twice, from the fold (meeting_vote_report: the minutes,
 * stats, exports) and from the log read type by type (vote_view_report:
 * the vote pane, validation). Both must give the same spec and result:
 * each vote is counted once, by one function, whoever reads it.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fold.h"
#include "import.h"
#include "log.h"
#include "tap.h"
#include "vote-query.h"
#include "vote-report.h"
#include "xmalloc.h"

static char	 dir[] = "/tmp/giji-test-vote-report.XXXXXX";
static int	 nfile;

/* A meeting file from JSONL lines (NULL-terminated), as giji import. */
static struct log *
log_from(const char *const *lines)
{
	struct log	*log;
	char		*path, *cause = NULL, *tz = NULL;

	path = xasprintf("%s/m%d.giji", dir, nfile++);
	if ((log = log_open(path, LOG_CREATE, &cause)) == NULL) {
		printf("Bail out! %s\n", cause);
		exit(1);
	}
	for (; *lines != NULL; lines++) {
		if (import_line(log, *lines, strlen(*lines), &tz, &cause) != 0) {
			printf("Bail out! %s: %s\n", *lines, cause);
			exit(1);
		}
	}
	free(tz);
	free(path);
	return log;
}

static void
cleanup(void)
{
	char	*p;
	int	 i;

	for (i = 0; i < nfile; i++) {
		p = xasprintf("%s/m%d.giji", dir, i);
		unlink(p);
		free(p);
		p = xasprintf("%s/m%d.giji-wal", dir, i);
		unlink(p);
		free(p);
		p = xasprintf("%s/m%d.giji-shm", dir, i);
		unlink(p);
		free(p);
	}
	rmdir(dir);
}

/* The same facts from both readers, or a diagnostic. */
static int
same_report(const struct vote_report *a, const struct vote_report *b)
{
	if (a->computed != b->computed || a->known != b->known ||
	    a->outcome != b->outcome || a->differs != b->differs)
		return 0;
	if (a->spec.method != b->spec.method || a->spec.rule != b->spec.rule ||
	    a->spec.chair != b->spec.chair ||
	    a->spec.chair_present != b->spec.chair_present ||
	    a->spec.chair_seatless != b->spec.chair_seatless ||
	    a->spec.seats != b->spec.seats ||
	    a->spec.present != b->spec.present ||
	    a->spec.quorum != b->spec.quorum ||
	    a->spec.needed != b->spec.needed)
		return 0;
	if (a->computed && memcmp(&a->result, &b->result,
	    sizeof a->result) != 0)
		return 0;
	if ((a->cause == NULL) != (b->cause == NULL) || (a->cause != NULL &&
	    strcmp(a->cause, b->cause) != 0))
		return 0;
	return 1;
}

static void
show(const char *who, const struct vote_report *r)
{
	printf("#   %s: computed %d known %d outcome %d differs %d present "
	    "%ld seats %ld quorum %ld chair %d/%d/%d needed %ld flags %#x "
	    "yes %ld cause %s\n", who, r->computed, r->known, r->outcome,
	    r->differs, r->spec.present, r->spec.seats, r->spec.quorum,
	    r->spec.chair, r->spec.chair_present, r->spec.chair_seatless,
	    r->result.needed, r->result.flags, r->result.counts.yes,
	    r->cause ? r->cause : "-");
}

/*
 * The report of vote id from the fold, checked against the view's and
 * returned in out (the caller clears it).
 */
static void
both(struct log *log, const char *id, const char *what,
    struct vote_report *out)
{
	struct meeting		*m;
	struct vote_view	 v;
	struct vote_report	 rv;
	char			*cause = NULL;
	int			 vi;

	memset(out, 0, sizeof *out);
	if ((m = meeting_fold(log, &cause)) == NULL ||
	    (vi = meeting_vote(m, id)) < 0) {
		ok(0, "%s: fold: %s", what, cause ? cause : "no such vote");
		free(cause);
		meeting_free(&m);
		return;
	}
	meeting_vote_report(m, &m->votes[vi], out);
	if (vote_view_load_vote(log, id, 0, &v, &cause) != 0) {
		ok(0, "%s: view: %s", what, cause);
		free(cause);
		meeting_free(&m);
		return;
	}
	vote_view_report(&v, NULL, &rv);
	if (!ok(same_report(out, &rv), "%s: the pane counts as the minutes",
	    what)) {
		show("fold", out);
		show("view", &rv);
	}
	vote_report_clear(&rv);
	vote_view_clear(&v);
	meeting_free(&m);
}

#define META(x)	"{\"type\":\"meta.set\",\"data\":" x "}"
#define MEMBER(id, kind) "{\"type\":\"member.add\",\"data\":{\"id\":\"" id \
	"\",\"name\":\"" id "\",\"kind\":\"" kind "\"}}"
#define ATT(id, st) "{\"type\":\"attendance\",\"data\":{\"member\":\"" id \
	"\",\"status\":\"" st "\"}}"
#define ITEM "{\"type\":\"agenda.add\",\"data\":{\"id\":\"i\"," \
	"\"title\":\"案\"}}", "{\"type\":\"agenda.open\",\"data\":" \
	"{\"item\":\"i\"}}"
#define CALL(x)	"{\"type\":\"vote.call\",\"data\":{\"id\":\"v\"," x "}}"
#define TALLY(x) "{\"type\":\"vote.tally\",\"data\":{\"vote\":\"v\"," x "}}"
#define RESULT(x) "{\"type\":\"vote.result\",\"data\":{\"vote\":\"v\"," x "}}"

/* A council of 7 with a mayor presiding, voting only when needed. */
#define COUNCIL \
	META("{\"seats\":7,\"quorum\":4,\"rule\":\"majority_seats\"," \
	    "\"chair\":\"when_needed\"}"), \
	MEMBER("mayor", "presiding"), MEMBER("a", "member"), \
	MEMBER("b", "member"), MEMBER("c", "member"), MEMBER("d", "member"), \
	MEMBER("e", "member"), MEMBER("f", "member"), MEMBER("g", "vice")

struct report_case {
	const char	*name;
	const char	*lines[24];
	int		 computed;
	enum vote_outcome outcome;
	unsigned	 flags;
	long		 present, voters, needed, yes;
	const char	*cause;		/* when not computed */
	const char	*words_en;
};

static const struct report_case cases[] = {
	{ "mayor: 4 to 3 carries without the mayor",
	  { COUNCIL, ITEM, CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":4,\"against\":3"), NULL },
	  1, VOTE_CARRIED, 0, 7, 7, 4, 4, NULL, "carried" },
	{ "mayor: 3 to 3 with one away, the mayor votes yes",
	  { COUNCIL, ATT("g", "apologies"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":3,\"against\":3"),
	    TALLY("\"for\":3,\"against\":3,\"presiding\":\"yes\""), NULL },
	  1, VOTE_CARRIED, VOTE_F_PRESIDING, 6, 6, 4, 3, NULL,
	  "one vote short, the chair voted in favour; carried" },
	{ "mayor: one short, no presiding vote yet",
	  { COUNCIL, ATT("g", "absent"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":3,\"against\":3"), NULL },
	  1, VOTE_FAILED, VOTE_F_ONE_SHORT, 6, 6, 4, 3, NULL,
	  "one vote short, the chair has not voted; failed" },
	{ "mayor: a presiding vote on 4 to 2 is refused",
	  { COUNCIL, ATT("g", "absent"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":4,\"against\":2,\"presiding\":\"yes\""), NULL },
	  0, 0, 0, 6, 0, 0, 0, "vote v: a presiding vote was given but the "
	  "members' votes are not one short of the votes needed (4 for, 2 "
	  "against, 4 needed)", NULL },
	{ "mayor: remote counts present, so 8 is refused against 7 seats",
	  { COUNCIL, MEMBER("h", "member"), ATT("h", "remote"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":4,\"against\":3"), NULL },
	  0, 0, 0, 8, 0, 0, 0, "vote v: 8 members present but the body "
	  "has only 7 seats", NULL },
	{ "mayor: a member who withdrew (interest) is not present",
	  { COUNCIL, ITEM, "{\"type\":\"interest\",\"data\":{\"member\":"
	    "\"a\",\"item\":\"i\",\"withdraws\":true}}",
	    CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":3,\"against\":3,\"presiding\":\"no\""), NULL },
	  1, VOTE_FAILED, VOTE_F_PRESIDING, 6, 6, 4, 3, NULL,
	  "one vote short, the chair voted against; failed" },
	{ "mayor: the member who withdrew cannot vote",
	  { COUNCIL, ITEM, "{\"type\":\"interest\",\"data\":{\"member\":"
	    "\"a\",\"item\":\"i\",\"withdraws\":true}}",
	    CALL("\"item\":\"i\",\"method\":\"rollcall\""),
	    TALLY("\"ballots\":{\"a\":\"yes\",\"b\":\"yes\"}"), NULL },
	  0, 0, 0, 6, 0, 0, 0, "vote v: a is recorded as yes, but withdrew "
	  "from this item (interest withdraws)", NULL },
	{ "casting: a tie carried, the repeat completes the count",
	  { META("{\"seats\":5}"), MEMBER("ch", "chair"),
	    MEMBER("a", "member"), MEMBER("b", "member"),
	    MEMBER("c", "member"), MEMBER("d", "member"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":2,\"against\":2"),
	    TALLY("\"for\":2,\"against\":2,\"casting\":\"yes\""),
	    RESULT("\"outcome\":\"carried\""), NULL },
	  1, VOTE_CARRIED, VOTE_F_TIE | VOTE_F_CASTING, 5, 4, 3, 2, NULL,
	  "the votes being equal, the chair gave a casting vote in favour; "
	  "carried" },
	{ "needed: fixed at 4 of 5, 3 to 1 fails",
	  { META("{\"seats\":5,\"chair\":\"votes\"}"), MEMBER("ch", "chair"),
	    MEMBER("a", "member"), MEMBER("b", "member"),
	    MEMBER("c", "member"), MEMBER("d", "member"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"hands\",\"needed\":4"),
	    TALLY("\"for\":3,\"against\":1,\"abstain\":1"),
	    RESULT("\"outcome\":\"carried\",\"declared\":true"), NULL },
	  1, VOTE_FAILED, 0, 5, 5, 4, 3, NULL,
	  "failed; declared carried by the chair" },
	{ "two_thirds_seats: 6 of 9 seats, though 8 present",
	  { META("{\"seats\":9,\"chair\":\"votes\","
	    "\"rule\":\"two_thirds_seats\"}"), MEMBER("a", "member"),
	    MEMBER("b", "member"), MEMBER("c", "member"),
	    MEMBER("d", "member"), MEMBER("e", "member"),
	    MEMBER("f", "member"), MEMBER("g", "member"),
	    MEMBER("h", "member"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":5,\"against\":0"), NULL },
	  1, VOTE_FAILED, 0, 8, 8, 6, 5, NULL, "failed" },
	{ "no quorum: its own words",
	  { META("{\"seats\":9}"), MEMBER("ch", "chair"),
	    MEMBER("a", "member"), MEMBER("b", "member"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":2,\"against\":0"), NULL },
	  1, VOTE_FAILED, VOTE_F_NO_QUORUM | VOTE_F_UNANIMOUS, 3, 2, 2, 2,
	  NULL, "no quorum (3 present, 5 needed)" },
	{ "rule: an unknown value is named, nothing is computed",
	  { META("{\"seats\":3}"), MEMBER("a", "member"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"hands\","
	    "\"rule\":\"two-thirds\""), TALLY("\"for\":1"), NULL },
	  0, 0, 0, 0, 0, 0, 0, "vote v: vote.call rule: unknown vote rule "
	  "\"two-thirds\": expected majority, majority_present, "
	  "majority_seats, two_thirds, two_thirds_present, two_thirds_seats, "
	  "three_quarters, three_quarters_present, three_quarters_seats, "
	  "four_fifths, four_fifths_present, four_fifths_seats or "
	  "unanimity", NULL },
	{ "roll call: counts beside ballots must agree",
	  { META("{\"chair\":\"votes\"}"), MEMBER("a", "member"),
	    MEMBER("b", "member"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"rollcall\""),
	    TALLY("\"for\":2,\"ballots\":{\"a\":\"yes\",\"b\":\"yes\"}"),
	    NULL },
	  1, VOTE_CARRIED, VOTE_F_UNANIMOUS, 2, 2, 2, 2, NULL, "carried" },
	{ "roll call: counts beside ballots that disagree are refused",
	  { META("{\"chair\":\"votes\"}"), MEMBER("a", "member"),
	    MEMBER("b", "member"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"rollcall\""),
	    TALLY("\"for\":4,\"ballots\":{\"a\":\"yes\",\"b\":\"yes\"}"),
	    NULL },
	  0, 0, 0, 2, 0, 0, 0, "vote v: the counts (4 for, 0 against, 0 "
	  "abstaining) disagree with the ballots (2 yes, 0 no, 0 abstain)",
	  NULL },
	{ "rules set after the vote do not count it again",
	  { META("{\"seats\":5,\"chair\":\"votes\"}"),
	    MEMBER("a", "member"), MEMBER("b", "member"),
	    MEMBER("c", "member"), MEMBER("d", "member"),
	    MEMBER("e", "member"), ITEM,
	    CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":3,\"against\":2"),
	    META("{\"rule\":\"two_thirds\",\"seats\":9,\"quorum\":9,"
	    "\"tz\":\"UTC\"}"), NULL },
	  1, VOTE_CARRIED, 0, 5, 5, 3, 3, NULL, "carried" },
	{ "rules set before the call count",
	  { META("{\"seats\":5,\"chair\":\"votes\"}"),
	    MEMBER("a", "member"), MEMBER("b", "member"),
	    MEMBER("c", "member"), MEMBER("d", "member"),
	    MEMBER("e", "member"), ITEM,
	    META("{\"rule\":\"two_thirds\"}"),
	    CALL("\"item\":\"i\",\"method\":\"hands\""),
	    TALLY("\"for\":3,\"against\":2"), NULL },
	  1, VOTE_FAILED, 0, 5, 5, 4, 3, NULL, "failed" },
	{ "a motion of the meeting: no item",
	  { META("{\"chair\":\"votes\"}"), MEMBER("a", "member"),
	    MEMBER("b", "member"),
	    CALL("\"method\":\"hands\",\"motion\":\"agenda\""),
	    TALLY("\"for\":2"), NULL },
	  1, VOTE_CARRIED, VOTE_F_UNANIMOUS, 2, 2, 2, 2, NULL, "carried" },
};

static void
test_cases(void)
{
	const struct report_case	*t;
	struct vote_report		 r;
	struct log			*log;
	size_t				 i;
	char				*w;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = &cases[i];
		log = log_from(t->lines);
		both(log, "v", t->name, &r);
		is_int(r.computed, t->computed, "%s: computed", t->name);
		is_int(r.spec.present, t->present, "%s: present", t->name);
		if (t->computed) {
			is_int(r.result.outcome, t->outcome, "%s: outcome",
			    t->name);
			is_int(r.result.flags, t->flags, "%s: flags", t->name);
			is_int(r.result.voters, t->voters, "%s: voters",
			    t->name);
			is_int(r.result.needed, t->needed, "%s: needed",
			    t->name);
			is_int(r.result.counts.yes, t->yes, "%s: for", t->name);
			w = vote_report_words(&r, 1, NULL);
			is_str(w, t->words_en, "%s: words", t->name);
			free(w);
		} else
			is_str(r.cause, t->cause, "%s: cause", t->name);
		vote_report_clear(&r);
		log_close(&log);
	}
}

/* The fold's new fields: every one the vocabulary added. */
static void
test_fold(void)
{
	struct log	*log;
	struct meeting	*m;
	char		*cause = NULL;

	{
		static const char *const ok_lines[] = {
			META("{\"session\":\"令和7年第3回定例会\",\"seats\":3}"),
			"{\"type\":\"member.add\",\"data\":{\"id\":\"m\","
			    "\"name\":\"市長\",\"kind\":\"presiding\","
			    "\"role\":\"Mayor\"}}",
			"{\"type\":\"member.add\",\"data\":{\"id\":\"a\","
			    "\"name\":\"佐藤\",\"seat\":\"15\"}}",
			"{\"type\":\"member.add\",\"data\":{\"id\":\"b\","
			    "\"name\":\"鈴木\"}}",
			"{\"type\":\"attendance\",\"data\":{\"member\":\"a\","
			    "\"status\":\"remote\",\"note\":\"IRC only\"}}",
			"{\"type\":\"attendance\",\"data\":{\"member\":\"b\","
			    "\"status\":\"apologies\"}}",
			"{\"type\":\"agenda.add\",\"data\":{\"id\":\"o\","
			    "\"title\":\"条例\",\"kind\":\"ordinance\"}}",
			"{\"type\":\"agenda.open\",\"data\":{\"item\":\"o\"}}",
			"{\"type\":\"note\",\"data\":{\"text\":\"登壇\","
			    "\"kind\":\"stage\",\"member\":\"a\"}}",
			"{\"type\":\"speech\",\"uuid\":\"6f1d3a3c-1111-4c1e-"
			    "9a1e-000000000001\",\"data\":{\"speaker\":\"a\","
			    "\"text\":\"よろしいでしょうか。そのように\"}}",
			"{\"type\":\"reaction\",\"data\":{\"text\":\"了\","
			    "\"kind\":\"voices\",\"speech\":\"6f1d3a3c-1111-"
			    "4c1e-9a1e-000000000001\",\"at\":10}}",
			"{\"type\":\"interest\",\"data\":{\"member\":\"b\","
			    "\"item\":\"o\",\"text\":\"親族\","
			    "\"withdraws\":true}}",
			"{\"type\":\"vote.call\",\"data\":{\"id\":\"v\","
			    "\"item\":\"o\",\"method\":\"hands\","
			    "\"moved_by\":\"a\",\"seconded_by\":\"b\","
			    "\"number\":\"議案第3号\",\"reading\":\"first "
			    "reading\",\"candidate\":\"a\",\"needed\":1}}",
			"{\"type\":\"decision\",\"data\":{\"item\":\"o\","
			    "\"outcome\":\"approved\",\"vote\":\"v\","
			    "\"number\":\"議決第12号\"}}",
			"{\"type\":\"action\",\"data\":{\"text\":\"告示\","
			    "\"owner\":\"a\",\"due\":\"2025-07-01\"}}",
			"{\"type\":\"action\",\"data\":{\"text\":\"minutes\","
			    "\"owner\":\"the clerk\",\"item\":\"o\"}}",
			NULL
		};
		log = log_from(ok_lines);
	}
	if ((m = meeting_fold(log, &cause)) == NULL) {
		ok(0, "fold: %s", cause);
		free(cause);
		log_close(&log);
		return;
	}
	is_str(meeting_meta_str(m, "session", NULL), "令和7年第3回定例会",
	    "fold: meta session");
	is_int(m->members[0].kind, MK_PRESIDING, "fold: kind presiding");
	ok(!member_kind_votes(MK_PRESIDING), "fold: presiding holds no seat");
	is_str(m->members[1].seat, "15", "fold: seat");
	is_int(m->members[1].att, ATT_PRESENT, "fold: remote counts present");
	ok(m->members[1].remote, "fold: remote kept");
	is_str(m->members[1].att_note, "IRC only", "fold: attendance note");
	is_int(m->members[2].att, ATT_ABSENT, "fold: apologies count absent");
	ok(m->members[2].apologies, "fold: apologies kept");
	is_str(m->items[0].kind, "ordinance", "fold: item kind ordinance");
	{
		const struct entry *e = NULL;
		size_t k;

		for (k = 0; k < m->nentries; k++)
			if (m->entries[k].etype == EV_NOTE)
				e = &m->entries[k];
		ok(e != NULL && e->kind != NULL &&
		    strcmp(e->kind, "stage") == 0, "fold: note kind");
		ok(e != NULL && e->member == 1, "fold: note member");
	}
	is_int(m->nreactions, 1, "fold: one reaction");
	if (m->nreactions == 1) {
		is_str(m->reactions[0].text, "了", "fold: reaction text");
		is_str(m->reactions[0].kind, "voices", "fold: reaction kind");
		is_int(m->reactions[0].at, 10, "fold: reaction at");
		ok(m->reactions[0].speech_seq > 0 &&
		    m->reactions[0].speech_seq < m->entries[
		    m->reactions[0].entry].seq, "fold: reaction finds its speech");
	}
	is_int(m->ninterests, 1, "fold: one interest");
	if (m->ninterests == 1) {
		is_int(m->interests[0].member, 2, "fold: interest member");
		is_int(m->interests[0].item, 0, "fold: interest item");
		ok(m->interests[0].withdraws, "fold: interest withdraws");
		int64_t at = m->entries[m->interests[0].entry].seq;

		ok(meeting_withdrawn(m, 2, 0, at + 1), "fold: b withdrew from o");
		ok(!meeting_withdrawn(m, 2, 0, at),
		    "fold: not for a vote called before");
		ok(!meeting_withdrawn(m, 1, 0, at + 1), "fold: a did not");
	}
	is_int(m->nvotes, 1, "fold: one vote");
	if (m->nvotes == 1) {
		const struct vote *v = &m->votes[0];

		is_int(v->mover, 1, "fold: mover");
		is_int(v->seconder, 2, "fold: seconder");
		is_str(v->number, "議案第3号", "fold: motion number");
		is_str(v->reading, "first reading", "fold: reading");
		is_int(v->candidate_member, 1, "fold: candidate is a member");
		is_int(v->needed, 1, "fold: needed");
		/* m presides, a is remote, b sent apologies: 1 present. */
		is_int(v->present, 1, "fold: present at the call");
	}
	is_int(m->ndecisions, 1, "fold: one decision");
	if (m->ndecisions == 1)
		is_str(m->decisions[0].number, "議決第12号",
		    "fold: decision number");
	is_int(m->nactions, 2, "fold: two actions");
	if (m->nactions == 2) {
		is_int(m->actions[0].owner_member, 1, "fold: owner a member");
		is_str(m->actions[0].due, "2025-07-01", "fold: due");
		is_int(m->actions[0].item, 0, "fold: action under the open "
		    "item");
		is_int(m->actions[1].owner_member, -1,
		    "fold: owner a name as given");
		is_str(m->actions[1].owner, "the clerk", "fold: owner kept");
	}
	meeting_free(&m);
	log_close(&log);
}

/* A tally repeating the counts with a casting vote is no recount. */
static void
test_recounts(void)
{
	static const char *const lines[] = {
		META("{\"seats\":5}"), MEMBER("ch", "chair"),
		MEMBER("a", "member"), MEMBER("b", "member"),
		MEMBER("c", "member"), MEMBER("d", "member"), ITEM,
		CALL("\"item\":\"i\",\"method\":\"hands\""),
		TALLY("\"for\":1,\"against\":3"),
		TALLY("\"for\":2,\"against\":2"),
		TALLY("\"for\":2,\"against\":2,\"casting\":\"no\""),
		NULL
	};
	struct log	*log = log_from(lines);
	struct meeting	*m;
	char		*cause = NULL;

	if ((m = meeting_fold(log, &cause)) == NULL) {
		ok(0, "fold: %s", cause);
		free(cause);
		log_close(&log);
		return;
	}
	is_int(m->votes[0].ntallies, 3, "recounts: three tallies");
	ok(!m->votes[0].tallies[1].completes, "recounts: the second is one");
	ok(m->votes[0].tallies[2].completes, "recounts: the casting vote "
	    "completes it");
	is_int(meeting_vote_recounts(&m->votes[0]), 1, "recounts: one");
	meeting_free(&m);
	log_close(&log);
}

int
main(void)
{
	if (tap_tmpdir(dir) == NULL)
		return 1;
	test_cases();
	test_fold();
	test_recounts();
	cleanup();
	return done_testing();
}

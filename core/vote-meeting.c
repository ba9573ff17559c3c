/* SPDX-License-Identifier: ISC */
/*
 * The vote report of a folded meeting (vote-report.h): a vote's input
 * taken from the fold — the meeting's options, the roster and who was
 * there at the call, who withdrew from the item, the tally, the chair's
 * declaration — for the minutes, giji stats and the exports. The log's
 * own reader, for the terminal and validation, is core/vote-query.c;
 * both hand the same facts to vote_report_compute().
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "event.h"
#include "fold.h"
#include "i18n.h"
#include "json.h"
#include "vote-report.h"
#include "xmalloc.h"

static enum vote_input_role
vr_role(enum member_kind k)
{
	switch (k) {
	case MK_MEMBER:
	case MK_VICE:
		return VIR_MEMBER;
	case MK_CHAIR:
		return VIR_CHAIR;
	case MK_PRESIDING:
		return VIR_PRESIDING;
	default:
		return VIR_OTHER;
	}
}

static void
vr_report(const struct meeting *m, const struct vote *v, const struct tally *t,
    int last, struct vote_report *r)
{
	struct vote_input		 in;
	struct vote_input_member	*mb;
	struct vote_ballot		*b = NULL;
	size_t				 i;
	char				*dl;

	memset(&in, 0, sizeof in);
	mb = xcalloc(m->nmembers + 1, sizeof *mb);
	for (i = 0; i < m->nmembers; i++) {
		mb[i].id = m->members[i].id;
		mb[i].role = vr_role(m->members[i].kind);
		mb[i].present = i < v->nhere && v->here[i];
		mb[i].withdrawn = meeting_withdrawn(m, (int)i, v->item, v->seq);
	}
	in.members = mb;
	in.nmembers = m->nmembers;
	/* The rules in force at the call, as core/vote-query.c has them. */
	in.seats = vote_meta_long(v, "seats", 0);
	in.quorum = vote_meta_str(v, "quorum", NULL);
	in.rule = vote_meta_str(v, "rule", NULL);
	in.abstain = vote_meta_str(v, "abstain", NULL);
	in.chair = vote_meta_str(v, "chair", NULL);
	in.id = v->id;
	in.method = v->method;
	in.vrule = v->rule;
	in.needed = v->needed;
	in.voters = v->voters;
	if ((dl = json_get(v->data, "$.deadline")) != NULL) {
		if (clock_parse(dl, vote_meta_str(v, "tz",
		    CLOCK_DEFAULT_TZ), &in.deadline) != 0)
			in.deadline = 0;
		free(dl);
	}
	if (t != NULL) {
		in.has_tally = 1;
		in.has_counts = t->has_counts;
		in.n_for = t->n_for;
		in.n_against = t->n_against;
		in.n_abstain = t->n_abstain;
		in.unanimous = t->unanimous;
		in.casting = t->casting;
		in.presiding = t->presiding;
		if (t->nballots > 0) {
			b = xcalloc(t->nballots, sizeof *b);
			for (i = 0; i < t->nballots; i++) {
				b[i].member = t->ballots[i].member;
				b[i].choice = t->ballots[i].choice;
				b[i].ts = t->ballots[i].ts;
			}
		}
		in.ballots = b;
		in.nballots = t->nballots;
	}
	if (last) {
		in.outcome = v->outcome;
		in.declared = v->declared;
	}
	vote_report_compute(&in, r);
	free(b);
	free(mb);
}

void
meeting_vote_report(const struct meeting *m, const struct vote *v,
    struct vote_report *r)
{
	vr_report(m, v, v->ntallies > 0 ? &v->tallies[v->ntallies - 1] : NULL,
	    1, r);
}

void
meeting_tally_report(const struct meeting *m, const struct vote *v, size_t ti,
    struct vote_report *r)
{
	if (ti >= v->ntallies) {
		meeting_vote_report(m, v, r);
		return;
	}
	vr_report(m, v, &v->tallies[ti], ti + 1 == v->ntallies, r);
}

size_t
meeting_vote_first_count(const struct vote *v)
{
	if (v->ntallies > 0 && v->method != NULL &&
	    strcmp(v->method, "written") == 0)
		return v->ntallies - 1;
	return 0;
}

size_t
meeting_vote_recounts(const struct vote *v)
{
	size_t	 i, n = 0;

	for (i = meeting_vote_first_count(v) + 1; i < v->ntallies; i++) {
		if (!v->tallies[i].completes)
			n++;
	}
	return n;
}

char *
meeting_vote_words(const struct meeting *m, const struct vote_report *r,
    int en)
{
	const char	*role = NULL;

	if (r->presiding >= 0 && (size_t)r->presiding < m->nmembers)
		role = m->members[r->presiding].role;
	return vote_report_words(r, en, role);
}

/* ------------------------------------------------- verify --strict */

/*
 * Each decision and result of a log judged against its vote, the meeting
 * folded once (giji verify --strict: log_check_strict calls it for each):
 * the votes by id then call, so that thousands are judged in one pass.
 */
struct vote_judge {
	struct meeting		*m;
	const struct vote	**byid;
};

/* "carried" or "failed", in the user's language. */
static const char *
judge_outcome_word(enum vote_outcome o)
{
	return o == VOTE_CARRIED ? _("carried") : _("failed");
}

/*
 * A decision that says the opposite of its vote as the record stands (a
 * count that failed, no result declared, and the decision approved): the
 * minutes would print both. The chair's declared result, recorded as
 * vote.result, is what settles it. NULL, or what is wrong.
 */
static char *
judge_decision(const char *pl, const char *id, const struct vote_report *r)
{
	char	*outcome = json_get(pl, "$.outcome"), *why = NULL;
	int	 yes;

	if (outcome == NULL || (strcmp(outcome, "approved") != 0 &&
	    strcmp(outcome, "consented") != 0 &&
	    strcmp(outcome, "granted") != 0 &&
	    strcmp(outcome, "rejected") != 0)) {
		free(outcome);
		return NULL;
	}
	yes = strcmp(outcome, "rejected") != 0;
	if (!r->known || (r->outcome == VOTE_CARRIED) == yes)
		why = NULL;
	else if (r->recorded)
		why = xasprintf(_("decision: outcome '%s', but the result "
		    "recorded for vote %s is %s (vote.result): correct the "
		    "decision or the result"), outcome, id,
		    judge_outcome_word(r->outcome));
	else if (r->computed && (r->result.flags & VOTE_F_NO_QUORUM))
		why = xasprintf(_("decision: outcome '%s', but vote %s failed "
		    "for want of a quorum (%ld present, %ld needed) and no "
		    "other result was declared: record the chair's "
		    "vote.result, or correct the decision"), outcome, id,
		    r->result.present, r->result.quorum);
	else if (r->computed)
		why = xasprintf(_("decision: outcome '%s', but vote %s %s (%ld "
		    "for, %ld against; %ld needed) and no other result was "
		    "declared: record the chair's vote.result, or correct the "
		    "decision"), outcome, id, judge_outcome_word(r->outcome),
		    r->result.counts.yes, r->result.counts.no,
		    r->result.needed);
	else
		why = xasprintf(_("decision: outcome '%s', but vote %s %s as "
		    "the record stands: record the chair's vote.result, or "
		    "correct the decision"), outcome, id,
		    judge_outcome_word(r->outcome));
	free(outcome);
	return why;
}

/*
 * A result recorded as counted (not declared) that the count as it stood
 * does not give: the minutes would print both. NULL, or what is wrong.
 */
static char *
judge_result(const char *pl, const char *id, const struct vote_report *r)
{
	char	*outcome = json_get(pl, "$.outcome");
	char	*decl = json_get(pl, "$.declared"), *why = NULL;

	/* A boolean reads 1 or 0 (declared is checked to be one). */
	if (outcome != NULL && (decl == NULL || strcmp(decl, "0") == 0) &&
	    r->computed &&
	    strcmp(outcome, r->result.outcome == VOTE_CARRIED ? "carried" :
	    "failed") != 0)
		why = xasprintf(_("vote.result: outcome '%s', but the count of "
		    "vote %s gives %s (%ld for, %ld against; %ld needed): a "
		    "result the chair declared is recorded with declared: "
		    "true"), outcome, id,
		    judge_outcome_word(r->result.outcome),
		    r->result.counts.yes, r->result.counts.no,
		    r->result.needed);
	free(outcome);
	free(decl);
	return why;
}

static int
judge_byid_cmp(const void *a, const void *b)
{
	const struct vote	*va = *(const struct vote *const *)a;
	const struct vote	*vb = *(const struct vote *const *)b;
	int			 c;

	if ((c = strcmp(va->id, vb->id)) != 0)
		return c;
	return va->seq < vb->seq ? -1 : va->seq > vb->seq;
}

/* The last vote with this id called before seq (INT64_MAX: any), or NULL. */
static const struct vote *
judge_find_vote(const struct vote_judge *j, const char *id, int64_t seq)
{
	const struct vote	*found = NULL;
	size_t			 lo = 0, hi = j->m->nvotes, mid;

	while (lo < hi) {		/* the first with an id >= id */
		mid = lo + (hi - lo) / 2;
		if (strcmp(j->byid[mid]->id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < j->m->nvotes && strcmp(j->byid[lo]->id, id) == 0 &&
	    j->byid[lo]->seq < seq; lo++)
		found = j->byid[lo];
	return found;
}

/*
 * A decision or a result against its vote: the vote as the whole record
 * has it for a decision, its count as it stood at the result for a
 * result. NULL, or the problem (allocated).
 */
char *
vote_judge_event(void *arg, const struct event *ev, const char *pl)
{
	struct vote_judge	*j = arg;
	const struct vote	*v;
	struct vote_report	 r;
	char			*id, *why = NULL;
	size_t			 ti;

	if ((id = json_get(pl, "$.vote")) == NULL)
		return NULL;
	v = judge_find_vote(j, id, ev->etype == EV_DECISION ? INT64_MAX :
	    ev->seq);
	if (v != NULL && ev->etype == EV_DECISION) {
		/* A decision may contradict a result declared with no count. */
		meeting_vote_report(j->m, v, &r);
		why = judge_decision(pl, id, &r);
		vote_report_clear(&r);
	} else if (v != NULL) {
		for (ti = v->ntallies; ti > 0 && v->tallies[ti - 1].seq >
		    ev->seq; ti--)
			;
		if (ti > 0) {
			meeting_tally_report(j->m, v, ti - 1, &r);
			why = judge_result(pl, id, &r);
			vote_report_clear(&r);
		}
	}
	free(id);
	return why;
}

struct vote_judge *
vote_judge_new(struct log *log, char **cause)
{
	struct vote_judge	*j = xcalloc(1, sizeof *j);
	size_t			 i;

	/* Without its speeches: the votes are what it is folded for. */
	if ((j->m = meeting_fold_votes(log, cause)) == NULL) {
		free(j);
		return NULL;
	}
	j->byid = xreallocarray(NULL, j->m->nvotes + 1, sizeof *j->byid);
	for (i = 0; i < j->m->nvotes; i++)
		j->byid[i] = &j->m->votes[i];
	qsort(j->byid, j->m->nvotes, sizeof *j->byid, judge_byid_cmp);
	return j;
}

void
vote_judge_free(struct vote_judge **jp)
{
	struct vote_judge	*j = *jp;

	if (j == NULL)
		return;
	free(j->byid);
	meeting_free(&j->m);
	free(j);
	*jp = NULL;
}

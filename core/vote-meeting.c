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

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "fold.h"
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
		mb[i].withdrawn = meeting_withdrawn(m, (int)i, v->item);
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

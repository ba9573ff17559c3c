/*
 * What the Akoma Ntoso and Popolo exporters share: the options, and each
 * tally worked out through vote.h so that the exports publish the same
 * numbers the vote pane and the minutes show. Borrows the meeting; owns
 * nothing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "export.h"
#include "fold.h"
#include "json.h"
#include "vote.h"
#include "xmalloc.h"

void
export_opts_default(struct export_opts *o)
{
	memset(o, 0, sizeof *o);
	o->lang = EXPORT_UNSET;
	o->public = 0;
	o->redaction = NULL;
}

enum export_lang
export_lang(const struct meeting *m, const struct export_opts *o)
{
	const char	*l;

	if (o->lang == EXPORT_JA || o->lang == EXPORT_EN)
		return o->lang;
	l = meeting_meta_str(m, "lang", "ja");
	return strncmp(l, "en", 2) == 0 ? EXPORT_EN : EXPORT_JA;
}

const char *
export_redaction(const struct meeting *m, const struct export_opts *o)
{
	const char	*r;

	if (o->redaction != NULL)
		return o->redaction;
	r = meeting_meta_str(m, "redaction", NULL);
	return r != NULL && *r != '\0' ? r : "【非公開】";
}

/* Whether member i is present just after seq (attendance replayed). */
static int
present_at(const struct meeting *m, int i, int64_t seq)
{
	size_t	 k;
	int	 here = 1;	/* never recorded: present */
	char	*status;

	for (k = 0; k < m->nentries && m->entries[k].seq <= seq; k++) {
		const struct entry *e = &m->entries[k];

		if (e->member != i || strcmp(e->type, "attendance") != 0 ||
		    (e->flags & ENTRY_RETRACTED))
			continue;
		if ((status = entry_get(e, "status")) == NULL)
			continue;
		here = strcmp(status, "present") == 0 ||
		    strcmp(status, "arrived") == 0;
		free(status);
	}
	return here;
}

static enum vote_member
export_member_fn(const char *id, void *arg)
{
	const struct meeting	*m = arg;
	int			 i = meeting_member(m, id);

	if (i < 0)
		return VOTE_NOT_MEMBER;
	switch (m->members[i].kind) {
	case MK_CHAIR:
		return VOTE_MEMBER_CHAIR;
	case MK_MEMBER:
	case MK_VICE:
		return VOTE_MEMBER;
	default:
		return VOTE_NOT_MEMBER;
	}
}

static void
spec_of(const struct meeting *m, const struct vote *v, struct vote_spec *s)
{
	char		*cause = NULL, *dl;
	long		 q;
	size_t		 i;
	enum vote_method method;
	enum vote_rule	 rule;
	enum vote_abstain abstain;
	enum vote_chair	 chair;

	memset(s, 0, sizeof *s);
	s->id = v->id;
	if (vote_method_parse(v->method, &method, &cause) != 0) {
		free(cause);
		cause = NULL;
		method = VOTE_HANDS;
	}
	s->method = method;
	if (vote_rule_parse(v->rule != NULL ? v->rule :
	    meeting_meta_str(m, "rule", NULL), &rule, &cause) != 0) {
		free(cause);
		cause = NULL;
		rule = VOTE_MAJORITY;
	}
	s->rule = rule;
	if (vote_abstain_parse(meeting_meta_str(m, "abstain", NULL), &abstain,
	    &cause) != 0) {
		free(cause);
		cause = NULL;
		abstain = VOTE_ABSTAIN_NOT_CAST;
	}
	s->abstain = abstain;
	if (vote_chair_parse(meeting_meta_str(m, "chair", NULL), &chair,
	    &cause) != 0) {
		free(cause);
		cause = NULL;
		chair = VOTE_CHAIR_CASTING;
	}
	s->chair = chair;
	for (i = 0; i < m->nmembers; i++) {
		if (m->members[i].kind == MK_CHAIR &&
		    present_at(m, (int)i, v->seq)) {
			s->chair_present = 1;
			break;
		}
	}
	s->seats = meeting_meta_long(m, "seats", 0);
	if (s->seats < 0)
		s->seats = 0;
	s->present = v->present;
	if (vote_quorum_parse(meeting_meta_str(m, "quorum", NULL), &q,
	    &cause) != 0) {
		free(cause);
		cause = NULL;
		q = VOTE_QUORUM_MAJORITY;
	}
	s->quorum = vote_quorum_needed(s->seats, q);
	if ((dl = json_get(v->data, "$.deadline")) != NULL) {
		if (clock_parse(dl, meeting_tz(m), &s->deadline) != 0)
			s->deadline = 0;
		free(dl);
	}
}

/* Ballots counted by hand when vote.h refuses them (unknown member …). */
static void
count_raw(const struct tally *t, struct export_tally *x)
{
	size_t	 i;

	x->yes = t->n_for;
	x->no = t->n_against;
	x->abstain = t->n_abstain;
	x->has_counts = t->has_counts || t->nballots > 0;
	for (i = 0; i < t->nballots; i++) {
		const char *c = t->ballots[i].choice;

		if (strcmp(c, "yes") == 0)
			x->yes++;
		else if (strcmp(c, "no") == 0)
			x->no++;
		else if (strcmp(c, "abstain") == 0)
			x->abstain++;
		else if (strcmp(c, "absent") == 0)
			x->absent++;
		else
			x->not_voting++;
	}
}

void
export_tally(const struct meeting *m, const struct vote *v,
    const struct tally *t, struct export_tally *x)
{
	struct vote_spec	 spec;
	struct vote_counts	 c;
	struct vote_result	 r;
	struct vote_ballot	*b = NULL;
	enum vote_choice	 casting;
	char			*cause = NULL, *s;
	size_t			 i;
	int			 rc = 0, last;

	memset(x, 0, sizeof *x);
	/* A declared outcome is the vote's: it overrides the last tally. */
	last = t == NULL || t == &v->tallies[v->ntallies - 1];
	spec_of(m, v, &spec);
	x->quorum = spec.quorum;
	x->present = spec.present;
	memset(&c, 0, sizeof c);
	if (t != NULL && t->nballots > 0) {
		b = xcalloc(t->nballots, sizeof *b);
		for (i = 0; i < t->nballots; i++) {
			b[i].member = t->ballots[i].member;
			b[i].choice = t->ballots[i].choice;
			b[i].ts = t->ballots[i].ts;
		}
		rc = vote_tally_ballots(&spec, b, t->nballots,
		    export_member_fn, (void *)m, &c, &cause);
		free(b);
	} else if (t != NULL) {
		c.yes = t->n_for;
		c.no = t->n_against;
		c.abstain = t->n_abstain;
	}
	if (t != NULL) {
		c.unanimous = t->unanimous;
		if ((s = json_get(t->data, "$.casting")) != NULL) {
			if (vote_choice_parse(s, &casting, &cause) == 0)
				c.casting = casting;
			free(cause);
			cause = NULL;
			free(s);
		}
	}
	if (rc == 0)
		rc = vote_compute(&spec, &c, &r, &cause);
	free(cause);
	if (rc != 0) {
		if (t != NULL)
			count_raw(t, x);
		x->carried = v->outcome != NULL && last &&
		    strcmp(v->outcome, "carried") == 0;
		return;
	}
	x->ok = 1;
	x->yes = r.counts.yes;
	x->no = r.counts.no;
	x->abstain = r.counts.abstain;
	x->not_voting = r.counts.not_voting;
	x->absent = r.counts.absent;
	x->has_counts = spec.method != VOTE_CONSENT || x->no > 0;
	x->carried = r.outcome == VOTE_CARRIED;
	if (v->outcome != NULL && last)
		x->carried = strcmp(v->outcome, "carried") == 0;
}

int
export_vote_carried(const struct meeting *m, const struct vote *v)
{
	struct export_tally	 x;

	if (v->outcome != NULL)
		return strcmp(v->outcome, "carried") == 0;
	export_tally(m, v, v->ntallies > 0 ? &v->tallies[v->ntallies - 1] :
	    NULL, &x);
	return x.carried;
}

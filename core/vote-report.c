/* SPDX-License-Identifier: ISC */
/*
 * A vote's result from what the log records (see vote-report.h): the
 * presiding member and who is present and may vote are worked out here
 * from the roster, once for every reader; vote.c does the arithmetic.
 * The report owns only its cause and check strings.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "i18n.h"
#include "json.h"
#include "vote-report.h"
#include "xmalloc.h"

/* Who presides in the room at the call, and who may vote. */
struct vr_roster {
	const struct vote_input	*in;
	int			 presiding;	/* index, or -1 */
};

/* "vote v1: …", as vote.c words its causes (fmt English: -kvr_cause:2). */
static char * __attribute__((format(printf, 2, 3)))
vr_cause(const struct vote_input *in, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *cause;

	va_start(ap, fmt);
	msg = xvasprintf(_(fmt), ap);
	va_end(ap);
	if (in->id != NULL && *in->id != '\0')
		cause = xasprintf(_("vote %s: %s"), in->id, msg);
	else
		cause = xasprintf(_("vote: %s"), msg);
	free(msg);
	return cause;
}

static int
vr_find(const struct vote_input *in, const char *id)
{
	size_t	 i;

	for (i = 0; i < in->nmembers; i++) {
		if (strcmp(in->members[i].id, id) == 0)
			return (int)i;
	}
	return -1;
}

/*
 * The presiding member: a member of kind presiding in the room (holding
 * no seat), else the chair in the room. A written vote has no room: the
 * one who presides is the one on the roster.
 */
static int
vr_presiding(const struct vote_input *in, int written)
{
	size_t	 i;

	for (i = 0; i < in->nmembers; i++) {
		if (in->members[i].role == VIR_PRESIDING &&
		    (written || in->members[i].present))
			return (int)i;
	}
	for (i = 0; i < in->nmembers; i++) {
		if (in->members[i].role == VIR_CHAIR &&
		    (written || in->members[i].present))
			return (int)i;
	}
	return -1;
}

static enum vote_member
vr_member_fn(const char *id, void *arg)
{
	const struct vr_roster		*ro = arg;
	const struct vote_input_member	*mb;
	int				 i;

	if (ro->in->nmembers == 0)
		return VOTE_MEMBER;	/* no roster: every ballot counts */
	if ((i = vr_find(ro->in, id)) < 0)
		return VOTE_NOT_MEMBER;
	mb = &ro->in->members[i];
	switch (mb->role) {
	case VIR_OTHER:
		return VOTE_NOT_MEMBER;
	case VIR_PRESIDING:
		return VOTE_MEMBER_SEATLESS;
	case VIR_CHAIR:
	case VIR_MEMBER:
		break;
	}
	if (mb->withdrawn)
		return VOTE_MEMBER_WITHDRAWN;
	/* A chair who does not preside (a mayor does) votes as a member. */
	return i == ro->presiding ? VOTE_MEMBER_CHAIR : VOTE_MEMBER;
}

/* The spec: options parsed, the presiding member and who is present. */
static int
vr_spec(const struct vote_input *in, struct vr_roster *ro,
    struct vote_spec *spec, char **cause)
{
	const struct vote_input_member	*mb;
	long				 q, withdrawn = 0, roster = 0;
	size_t				 i;
	char				*why = NULL;
	const char			*what;

	memset(spec, 0, sizeof *spec);
	spec->id = in->id;
	spec->method = VOTE_HANDS;	/* no vote called: a show of hands */
	if (in->method != NULL &&
	    vote_method_parse(in->method, &spec->method, &why) != 0)
		what = "vote.call method";
	else if (vote_rule_parse(in->vrule != NULL ? in->vrule : in->rule,
	    &spec->rule, &why) != 0)
		what = in->vrule != NULL ? "vote.call rule" : "meta.set rule";
	else if (vote_abstain_parse(in->abstain, &spec->abstain, &why) != 0)
		what = "meta.set abstain";
	else if (vote_chair_parse(in->chair, &spec->chair, &why) != 0)
		what = "meta.set chair";
	else if (vote_quorum_parse(in->quorum, &q, &why) != 0)
		what = "meta.set quorum";
	else
		what = NULL;
	if (what != NULL) {
		*cause = vr_cause(in, "%s: %s", what, why);
		free(why);
		return -1;
	}
	ro->in = in;
	ro->presiding = vr_presiding(in, spec->method == VOTE_WRITTEN);
	spec->chair_present = ro->presiding >= 0;
	spec->chair_seatless = ro->presiding >= 0 &&
	    in->members[ro->presiding].role == VIR_PRESIDING;
	spec->seats = in->seats > 0 ? in->seats : 0;
	for (i = 0; i < in->nmembers; i++) {
		mb = &in->members[i];
		if (mb->role != VIR_MEMBER && mb->role != VIR_CHAIR)
			continue;
		roster++;
		if (mb->withdrawn)
			withdrawn++;
		else if (mb->present)
			spec->present++;
	}
	if (in->voters > 0 && spec->method != VOTE_WRITTEN) {
		/* Counted in the room (vote.call voters): not the roster. */
		spec->present = in->voters;
		spec->counted = 1;
	} else if (spec->method == VOTE_WRITTEN) {
		/* The members taking part: normally all the seats. */
		spec->present = (spec->seats > 0 ? spec->seats : roster) -
		    withdrawn;
		if (spec->present < 0)
			spec->present = 0;
	}
	spec->quorum = vote_quorum_needed(spec->seats, q);
	spec->needed = in->needed > 0 ? in->needed : 0;
	spec->deadline = in->deadline;
	return 0;
}

static int
vr_choice(const struct vote_input *in, const char *what, const char *s,
    enum vote_choice *v, char **cause)
{
	*v = VOTE_NONE;
	if (s == NULL)
		return 0;
	if (strcmp(s, "yes") == 0)
		*v = VOTE_YES;
	else if (strcmp(s, "no") == 0)
		*v = VOTE_NO;
	else {
		*cause = vr_cause(in, "the %s vote \"%s\" is not yes or no",
		    _(what), s);
		return -1;
	}
	return 0;
}

/* The tally's counts: its ballots counted, or its counts. */
static int
vr_counts(const struct vote_input *in, struct vr_roster *ro,
    const struct vote_spec *spec, struct vote_counts *c, char **cause)
{
	memset(c, 0, sizeof *c);
	if (in->nballots > 0) {
		if (vote_tally_ballots(spec, in->ballots, in->nballots,
		    vr_member_fn, ro, c, cause) != 0)
			return -1;
		/* Counts given beside the ballots must say the same. */
		if (in->has_counts && (in->n_for != c->yes ||
		    in->n_against != c->no || in->n_abstain != c->abstain)) {
			*cause = vr_cause(in, "the counts (%ld for, %ld "
			    "against, %ld abstaining) disagree with the "
			    "ballots (%ld yes, %ld no, %ld abstain)", in->n_for,
			    in->n_against, in->n_abstain, c->yes, c->no,
			    c->abstain);
			return -1;
		}
	} else {
		c->yes = in->n_for;
		c->no = in->n_against;
		c->abstain = in->n_abstain;
	}
	c->unanimous = in->unanimous;
	if (vr_choice(in, N_("casting"), in->casting, &c->casting,
	    cause) != 0 || vr_choice(in, N_("presiding"), in->presiding,
	    &c->presiding, cause) != 0)
		return -1;
	return 0;
}

void
vote_report_compute(const struct vote_input *in, struct vote_report *r)
{
	struct vr_roster	 ro;
	struct vote_counts	 c;
	char			*cause = NULL;

	memset(r, 0, sizeof *r);
	r->has_tally = in->has_tally;
	if (in->outcome != NULL &&
	    vote_outcome_parse(in->outcome, &r->recorded_outcome,
	    &cause) == 0) {
		r->recorded = 1;
		r->declared = in->declared;
	}
	free(cause);
	cause = NULL;
	ro.in = in;
	ro.presiding = -1;
	if (vr_spec(in, &ro, &r->spec, &cause) != 0)
		r->cause = cause;
	else if ((r->spec_ok = 1) && in->has_tally) {
		if (vr_counts(in, &ro, &r->spec, &c, &cause) == 0 &&
		    vote_compute(&r->spec, &c, &r->result, &cause) == 0)
			r->computed = 1;
		else
			r->cause = cause;
	}
	r->presiding = ro.presiding;
	if (r->computed && r->recorded) {
		r->differs = vote_check_declared(&r->spec, &r->result,
		    vote_outcome_name(r->recorded_outcome), &r->check) == 1;
		if (!r->differs) {
			free(r->check);
			r->check = NULL;
		}
	}
	if (r->recorded) {
		r->known = 1;
		r->outcome = r->recorded_outcome;
	} else if (r->computed) {
		r->known = 1;
		r->outcome = r->result.outcome;
	}
}

void
vote_report_clear(struct vote_report *r)
{
	free(r->cause);
	free(r->check);
	memset(r, 0, sizeof *r);
}

/* The presiding member's title: the role as recorded, else a default. */
static const char *
vr_title(const char *role, int en)
{
	const unsigned char	*p;

	if (role != NULL && *role != '\0') {
		if (!en)
			return role;
		for (p = (const unsigned char *)role; *p != '\0'; p++) {
			if (*p >= 0x80)
				break;
		}
		if (*p == '\0')
			return role;	/* an English title: Mayor */
	}
	return en ? "chair" : "議長";
}

char *
vote_report_words(const struct vote_report *r, int en, const char *role)
{
	const struct vote_result	*res = &r->result;
	const char			*who = vr_title(role, en);
	int				 carried;
	char				*s, *t;

	if (!r->computed) {
		if (!r->recorded)
			return NULL;
		carried = r->recorded_outcome == VOTE_CARRIED;
		return xstrdup(en ? (carried ? "carried" : "failed") :
		    (carried ? "可決" : "否決"));
	}
	carried = res->outcome == VOTE_CARRIED;
	if (res->flags & VOTE_F_NO_QUORUM)
		s = en ? xasprintf("no quorum (%ld present, %ld needed)",
		    res->present, res->quorum) :
		    xasprintf("定足数不足（出席%ld名、定足数%ld名）",
		    res->present, res->quorum);
	else if (res->flags & VOTE_F_CASTING)
		s = en ? xasprintf("the votes being equal, the %s gave a casting "
		    "vote %s; %s", who, carried ? "in favour" : "against",
		    carried ? "carried" : "failed") :
		    xasprintf("可否同数のため、%sが%sと決した（%s）", who,
		    carried ? "可" : "否", carried ? "可決" : "否決");
	else if (res->flags & VOTE_F_PRESIDING)
		s = en ? xasprintf("one vote short, the %s voted %s; %s", who,
		    res->counts.presiding == VOTE_YES ? "in favour" : "against",
		    carried ? "carried" : "failed") :
		    xasprintf("1票不足のため、%sが%sした（%s）", who,
		    res->counts.presiding == VOTE_YES ? "賛成" : "反対",
		    carried ? "可決" : "否決");
	else if (res->flags & VOTE_F_TIE)
		s = xstrdup(en ? "tied, no casting vote; failed" :
		    "可否同数、裁決なし（否決）");
	else if (res->flags & VOTE_F_ONE_SHORT)
		s = en ? xasprintf("one vote short, the %s has not voted; "
		    "failed", who) : xasprintf("1票不足、%sの表決なし（否決）",
		    who);
	else if (r->spec.method == VOTE_CONSENT)
		s = xstrdup(en ? (carried ? "agreed without objection" :
		    "objection raised; not agreed") : (carried ?
		    "異議なし（可決）" : "異議あり（否決）"));
	else
		s = xstrdup(en ? (carried ? "carried" : "failed") :
		    (carried ? "可決" : "否決"));
	if (!r->differs)
		return s;
	t = en ? xasprintf("%s; declared %s by the %s", s,
	    vote_outcome_name(r->recorded_outcome), who) :
	    xasprintf("%s。ただし%sの宣告は%s", s, who,
	    r->recorded_outcome == VOTE_CARRIED ? "可決" : "否決");
	free(s);
	return t;
}

/* SPDX-License-Identifier: ISC */
/*
 * Votes and quorum: counts or ballots in, quorum and outcome out. Pure
 * arithmetic over caller-owned structs; the only allocation is a cause on
 * failure (caller frees). See vote.h for the contract and docs/votes.md
 * for what each method and rule means.
 *
 * Every rule comes down to one comparison, yes >= needed, where needed
 * is worked out from a base: the votes cast (majority, two_thirds,
 * three_quarters, unanimity), the members present who may vote (the
 * *_present rules) or the seats (the *_seats rules), unless the law fixes it
 * (vote.call needed). A tie is a majority rule whose yes votes are
 * exactly half the base; the chair's casting vote, when the chair only
 * casts, then decides it. Under chair=when_needed the presiding member
 * instead votes when the members fall exactly one short, and that vote
 * is counted like any other.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "vote.h"
#include "xmalloc.h"

static const char *const vote_method_names[] = {
	"hands", "unanimous", "consent", "rollcall", "written"
};
/* The short Japanese words, as the vote pane and giji stats print them. */
static const char *const vote_method_words[] = {
	"挙手", "全員賛成", "異議なし", "記名", "書面"
};
static const char *const vote_rule_names[] = {
	"majority", "majority_present", "majority_seats", "two_thirds",
	"two_thirds_present", "two_thirds_seats", "three_quarters",
	"three_quarters_present", "three_quarters_seats", "four_fifths",
	"four_fifths_present", "four_fifths_seats", "unanimity"
};
/*
 * Each rule as a fraction of a base: needed is more than num/den of it
 * (strict: the majorities) or at least num/den of it, in whole votes.
 * Indexed by enum vote_rule.
 */
enum rule_base { BASE_CAST, BASE_VOTERS, BASE_SEATS };
static const struct rule_def {
	enum rule_base	 base;
	long		 num, den;
	int		 strict;
} rule_defs[] = {
	{ BASE_CAST, 1, 2, 1 },		/* majority: yes*2 > cast */
	{ BASE_VOTERS, 1, 2, 1 },	/* majority_present */
	{ BASE_SEATS, 1, 2, 1 },	/* majority_seats */
	{ BASE_CAST, 2, 3, 0 },		/* two_thirds: yes*3 >= cast*2 */
	{ BASE_VOTERS, 2, 3, 0 },	/* two_thirds_present */
	{ BASE_SEATS, 2, 3, 0 },	/* two_thirds_seats */
	{ BASE_CAST, 3, 4, 0 },		/* three_quarters: yes*4 >= cast*3 */
	{ BASE_VOTERS, 3, 4, 0 },	/* three_quarters_present */
	{ BASE_SEATS, 3, 4, 0 },	/* three_quarters_seats */
	{ BASE_CAST, 4, 5, 0 },		/* four_fifths: yes*5 >= cast*4 */
	{ BASE_VOTERS, 4, 5, 0 },	/* four_fifths_present */
	{ BASE_SEATS, 4, 5, 0 },	/* four_fifths_seats */
	{ BASE_CAST, 1, 1, 0 },		/* unanimity: yes == cast */
};

static const char *const vote_abstain_names[] = { "not_cast", "cast" };
static const char *const vote_chair_names[] = {
	"casting", "votes", "second", "when_needed"
};
static const char *const vote_choice_names[] = {
	"none", "yes", "no", "abstain", "not_voting", "absent"
};
static const char *const vote_outcome_names[] = { "failed", "carried" };

#define nitems(a) (sizeof (a) / sizeof (a)[0])
/* A rule's name and its fraction, one each. */
_Static_assert(nitems(rule_defs) == nitems(vote_rule_names),
    "rule_defs and vote_rule_names must list the same rules");

static const char *
vote_name(const char *const *names, size_t n, int v)
{
	if (v < 0 || (size_t)v >= n)
		return "unknown";
	return names[v];
}

/*
 * Look s up in names[first..n). NULL or "" gives def when def >= 0.
 * Returns the index, or -1 with a cause naming what was expected.
 */
static int
vote_parse(const char *what, const char *const *names, size_t first,
    size_t n, int def, const char *s, char **cause)
{
	struct buf	 b;
	size_t		 i;

	if ((s == NULL || *s == '\0') && def >= 0)
		return def;
	if (s == NULL || *s == '\0') {
		s = "";
	} else {
		for (i = first; i < n; i++) {
			if (strcmp(s, names[i]) == 0)
				return (int)i;
		}
	}
	buf_init(&b);
	for (i = first; i < n; i++) {
		if (i != first)
			buf_puts(&b, i + 1 == n ? _(" or ") : _(", "));
		buf_puts(&b, names[i]);
	}
	*cause = xasprintf(_("unknown %s \"%s\": expected %s"), _(what), s,
	    b.s);
	buf_free(&b);
	return -1;
}

const char *
vote_method_name(enum vote_method v)
{
	return vote_name(vote_method_names, nitems(vote_method_names), v);
}

const char *
vote_method_word(const char *name)
{
	size_t	 i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < nitems(vote_method_names); i++) {
		if (strcmp(vote_method_names[i], name) == 0)
			return vote_method_words[i];
	}
	return name;
}

int
vote_method_parse(const char *s, enum vote_method *v, char **cause)
{
	int	i;

	i = vote_parse(N_("vote method"), vote_method_names, 0,
	    nitems(vote_method_names), -1, s, cause);
	if (i == -1)
		return -1;
	*v = (enum vote_method)i;
	return 0;
}

const char *
vote_rule_name(enum vote_rule v)
{
	return vote_name(vote_rule_names, nitems(vote_rule_names), v);
}

int
vote_rule_parse(const char *s, enum vote_rule *v, char **cause)
{
	int	i;

	i = vote_parse(N_("vote rule"), vote_rule_names, 0,
	    nitems(vote_rule_names), VOTE_MAJORITY, s, cause);
	if (i == -1)
		return -1;
	*v = (enum vote_rule)i;
	return 0;
}

const char *
vote_abstain_name(enum vote_abstain v)
{
	return vote_name(vote_abstain_names, nitems(vote_abstain_names), v);
}

int
vote_abstain_parse(const char *s, enum vote_abstain *v, char **cause)
{
	int	i;

	i = vote_parse(N_("abstain option"), vote_abstain_names, 0,
	    nitems(vote_abstain_names), VOTE_ABSTAIN_NOT_CAST, s, cause);
	if (i == -1)
		return -1;
	*v = (enum vote_abstain)i;
	return 0;
}

const char *
vote_chair_name(enum vote_chair v)
{
	return vote_name(vote_chair_names, nitems(vote_chair_names), v);
}

int
vote_chair_parse(const char *s, enum vote_chair *v, char **cause)
{
	int	i;

	i = vote_parse(N_("chair option"), vote_chair_names, 0,
	    nitems(vote_chair_names), VOTE_CHAIR_CASTING, s, cause);
	if (i == -1)
		return -1;
	*v = (enum vote_chair)i;
	return 0;
}

const char *
vote_choice_name(enum vote_choice v)
{
	return vote_name(vote_choice_names, nitems(vote_choice_names), v);
}

int
vote_choice_parse(const char *s, enum vote_choice *v, char **cause)
{
	int	i;

	/* "none" is no ballot value: start after it. */
	i = vote_parse(N_("ballot"), vote_choice_names, 1,
	    nitems(vote_choice_names), -1, s, cause);
	if (i == -1)
		return -1;
	*v = (enum vote_choice)i;
	return 0;
}

const char *
vote_outcome_name(enum vote_outcome v)
{
	return vote_name(vote_outcome_names, nitems(vote_outcome_names), v);
}

int
vote_outcome_parse(const char *s, enum vote_outcome *v, char **cause)
{
	int	i;

	i = vote_parse(N_("outcome"), vote_outcome_names, 0,
	    nitems(vote_outcome_names), -1, s, cause);
	if (i == -1)
		return -1;
	*v = (enum vote_outcome)i;
	return 0;
}

int
vote_quorum_parse(const char *s, long *quorum, char **cause)
{
	char	*end;
	long	 n;

	if (s == NULL || *s == '\0' || strcmp(s, "majority") == 0) {
		*quorum = VOTE_QUORUM_MAJORITY;
		return 0;
	}
	if (*s >= '0' && *s <= '9') {
		n = strtol(s, &end, 10);
		if (*end == '\0' && n <= VOTE_MAX) {
			*quorum = n;
			return 0;
		}
	}
	*cause = xasprintf(_("bad quorum \"%s\": expected a number of "
	    "members or majority"), s);
	return -1;
}

long
vote_quorum_needed(long seats, long quorum)
{
	if (quorum != VOTE_QUORUM_MAJORITY)
		return quorum < 0 ? 0 : quorum;
	if (seats <= 0)
		return 0;
	return seats / 2 + 1;
}

/*
 * A cause about this vote: "vote v1: ...", or "vote: ..." without an id.
 * fmt is English, put in the user's language here (xgettext takes it
 * with -kvote_cause:2).
 */
static char * __attribute__((format(printf, 2, 3)))
vote_cause(const struct vote_spec *spec, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *cause;

	va_start(ap, fmt);
	msg = xvasprintf(_(fmt), ap);
	va_end(ap);
	if (spec->id != NULL && *spec->id != '\0')
		cause = xasprintf(_("vote %s: %s"), spec->id, msg);
	else
		cause = xasprintf(_("vote: %s"), msg);
	free(msg);
	return cause;
}

/* "present", or for a written vote, where no one is in a room. */
static const char *
vote_present_word(const struct vote_spec *spec)
{
	return spec->method == VOTE_WRITTEN ? _("taking part") : _("present");
}

static int
vote_check_count(const struct vote_spec *spec, const char *what, long n,
    char **cause)
{
	if (n < 0) {
		*cause = vote_cause(spec, "%s is negative (%ld)", _(what), n);
		return -1;
	}
	if (n > VOTE_MAX) {
		*cause = vote_cause(spec, "%s is too large (%ld)", _(what), n);
		return -1;
	}
	return 0;
}

static int
vote_check_spec(const struct vote_spec *spec, const struct vote_counts *c,
    char **cause)
{
	const struct {
		const char	*what;
		long		 n;
	} v[] = {
		{ N_("the number of seats"), spec->seats },
		{ N_("the number of members present"), spec->present },
		{ N_("the quorum"), spec->quorum },
		{ N_("the number of votes needed"), spec->needed },
		{ N_("the count for"), c->yes },
		{ N_("the count against"), c->no },
		{ N_("the count of abstentions"), c->abstain },
		{ N_("the count not voting"), c->not_voting },
		{ N_("the count absent"), c->absent },
		{ N_("the count of late ballots"), c->late }
	};
	size_t	i;

	if ((unsigned)spec->method >= nitems(vote_method_names) ||
	    (unsigned)spec->rule >= nitems(vote_rule_names) ||
	    (unsigned)spec->abstain >= nitems(vote_abstain_names) ||
	    (unsigned)spec->chair >= nitems(vote_chair_names)) {
		*cause = vote_cause(spec, "unknown method, rule or option");
		return -1;
	}
	for (i = 0; i < nitems(v); i++) {
		if (vote_check_count(spec, v[i].what, v[i].n, cause) != 0)
			return -1;
	}
	if (spec->seats > 0 && spec->present > spec->seats) {
		*cause = vote_cause(spec, "%ld members %s but the body has "
		    "only %ld seats", spec->present,
		    vote_present_word(spec), spec->seats);
		return -1;
	}
	if (spec->seats > 0 && spec->quorum > spec->seats) {
		*cause = vote_cause(spec, "a quorum of %ld is more than the "
		    "%ld seats", spec->quorum, spec->seats);
		return -1;
	}
	if (spec->seats > 0 && spec->needed > spec->seats) {
		*cause = vote_cause(spec, "%ld votes needed (vote.call needed) "
		    "but the body has only %ld seats", spec->needed,
		    spec->seats);
		return -1;
	}
	if (rule_defs[spec->rule].base == BASE_SEATS && spec->seats == 0 &&
	    spec->needed == 0) {
		*cause = vote_cause(spec, "rule %s needs the number of seats "
		    "(meta.set seats)", vote_rule_name(spec->rule));
		return -1;
	}
	return 0;
}

/*
 * Members present who may vote: not a seated chair who only casts or
 * votes only when needed (a seatless one is not in present at all). In
 * writing no one presides: the chair answers as every member does.
 */
static long
vote_voters(const struct vote_spec *spec)
{
	if (spec->chair != VOTE_CHAIR_VOTES &&
	    spec->chair != VOTE_CHAIR_SECOND && spec->chair_present &&
	    !spec->chair_seatless && spec->present > 0 &&
	    spec->method != VOTE_WRITTEN)
		return spec->present - 1;
	return spec->present;
}

/*
 * Apply "unanimous" (the method, or a tally marked so): yes becomes every
 * member who may vote. A count that says otherwise is refused.
 */
static int
vote_apply_unanimous(const struct vote_spec *spec, struct vote_counts *c,
    long voters, char **cause)
{
	if (c->no != 0 || c->abstain != 0) {
		*cause = vote_cause(spec, "recorded as unanimous but with "
		    "%ld against and %ld abstaining", c->no, c->abstain);
		return -1;
	}
	if (c->yes != 0 && c->yes != voters) {
		*cause = vote_cause(spec, "recorded as unanimous with %ld "
		    "for, but %ld members %s may vote", c->yes, voters,
		    vote_present_word(spec));
		return -1;
	}
	c->yes = voters;
	return 0;
}

static int
vote_check_total(const struct vote_spec *spec, const struct vote_counts *c,
    long voters, char **cause)
{
	const char	*word = vote_present_word(spec);
	long		 votes = c->yes + c->no + c->abstain;

	if (votes > voters) {
		if (voters != spec->present) {
			*cause = vote_cause(spec, "%ld votes counted but "
			    "only %ld of the %ld members %s may vote (the "
			    "chair has only a %s vote)", votes,
			    voters, spec->present, word,
			    spec->chair == VOTE_CHAIR_WHEN_NEEDED ?
			    _("presiding") : _("casting"));
		} else if (spec->method == VOTE_WRITTEN) {
			*cause = vote_cause(spec, "%ld votes counted but "
			    "only %ld members %s", votes, spec->present,
			    word);
		} else if (spec->counted) {
			*cause = vote_cause(spec, "%ld votes counted but "
			    "only %ld voters were counted in the room "
			    "(vote.call voters)", votes, spec->present);
		} else {
			*cause = vote_cause(spec, "%ld votes counted but "
			    "only %ld members present (record the others' "
			    "attendance, or the voters counted in the room "
			    "as vote.call voters)", votes, spec->present);
		}
		return -1;
	}
	if (votes + c->not_voting > spec->present) {
		*cause = vote_cause(spec, "%ld members answered (%ld not "
		    "voting) but only %ld are %s", votes + c->not_voting,
		    c->not_voting, spec->present, word);
		return -1;
	}
	return 0;
}

/* Work out base and needed for the rule. */
static void
vote_threshold(const struct vote_spec *spec, struct vote_result *r)
{
	const struct rule_def	*d = &rule_defs[spec->rule];

	r->base = d->base == BASE_CAST ? r->cast : d->base == BASE_VOTERS ?
	    r->voters : spec->seats;
	r->needed = (long)(d->strict ? (long long)r->base * d->num / d->den +
	    1 : ((long long)r->base * d->num + d->den - 1) / d->den);
	if (spec->needed > 0)
		r->needed = spec->needed;	/* the law's number */
	if (r->needed < 1)
		r->needed = 1;	/* nothing carries on no votes */
}

/* A casting or presiding vote: none, yes or no. */
static int
vote_check_choice(const struct vote_spec *spec, const char *what,
    enum vote_choice v, char **cause)
{
	if (v == VOTE_NONE || v == VOTE_YES || v == VOTE_NO)
		return 0;
	*cause = vote_cause(spec, "a %s vote is yes or no, not %s", _(what),
	    vote_choice_name(v));
	return -1;
}

/* The chair's casting vote on a tie: checked, then it decides. */
static int
vote_apply_casting(const struct vote_spec *spec, const struct vote_counts *c,
    struct vote_result *r, char **cause)
{
	if (spec->chair == VOTE_CHAIR_VOTES) {
		*cause = vote_cause(spec, "a casting vote was given but the "
		    "chair votes as a member (chair=votes)");
		return -1;
	}
	if (spec->chair == VOTE_CHAIR_WHEN_NEEDED) {
		*cause = vote_cause(spec, "a casting vote was given but the "
		    "presiding member votes only when needed "
		    "(chair=when_needed): record it as presiding");
		return -1;
	}
	if (!spec->chair_present) {
		*cause = vote_cause(spec, "a casting vote was given but the "
		    "chair is not present");
		return -1;
	}
	if (~r->flags & VOTE_F_TIE) {
		*cause = vote_cause(spec, "a casting vote was given but the "
		    "vote is not tied (%ld for, %ld against, %ld needed)",
		    c->yes, c->no, r->needed);
		return -1;
	}
	r->outcome = c->casting == VOTE_YES ? VOTE_CARRIED : VOTE_FAILED;
	r->flags |= VOTE_F_CASTING;
	return 0;
}

/*
 * The presiding member's vote under chair=when_needed: given only when
 * the members' votes fall exactly one short of the votes needed. It is a
 * vote cast like any other, so a rule on the votes cast counts it in its
 * base: 2 for and 2 against need 3, and the presiding yes carries 3 to
 * 2; 2 for and 3 against also need 3, but 3 to 3 then needs 4 and fails.
 */
static int
vote_apply_presiding(const struct vote_spec *spec, const struct vote_counts *c,
    struct vote_result *r, int objection, char **cause)
{
	if (spec->chair != VOTE_CHAIR_WHEN_NEEDED) {
		*cause = vote_cause(spec, "a presiding vote was given but the "
		    "presiding member votes only under chair=when_needed "
		    "(meta.set chair is %s)", vote_chair_name(spec->chair));
		return -1;
	}
	if (!spec->chair_present) {
		*cause = vote_cause(spec, "a presiding vote was given but the "
		    "presiding member is not present");
		return -1;
	}
	if (objection || c->yes + 1 != r->needed) {
		*cause = vote_cause(spec, "a presiding vote was given but the "
		    "members' votes are not one short of the votes needed "
		    "(%ld for, %ld against, %ld needed)", c->yes, c->no,
		    r->needed);
		return -1;
	}
	r->cast++;
	vote_threshold(spec, r);
	r->flags |= VOTE_F_PRESIDING;
	r->flags &= ~VOTE_F_TIE;	/* decided: no casting vote to give */
	if (c->presiding == VOTE_YES && c->yes + 1 >= r->needed)
		r->outcome = VOTE_CARRIED;
	else
		r->outcome = VOTE_FAILED;
	return 0;
}

static int
vote_is_majority_rule(enum vote_rule rule)
{
	return rule_defs[rule].strict;
}

/* Work out the result into r; on failure the caller zeroes it. */
static int
vote_compute1(const struct vote_spec *spec, const struct vote_counts *counts,
    struct vote_result *r, char **cause)
{
	struct vote_counts	 c = *counts;
	int			 objection = 0;

	if (vote_check_spec(spec, &c, cause) != 0 ||
	    vote_check_choice(spec, N_("casting"), c.casting, cause) != 0 ||
	    vote_check_choice(spec, N_("presiding"), c.presiding, cause) != 0)
		return -1;
	if (c.casting != VOTE_NONE && c.presiding != VOTE_NONE) {
		*cause = vote_cause(spec, "both a casting vote and a presiding "
		    "vote were given");
		return -1;
	}

	r->present = spec->present;
	r->voters = vote_voters(spec);
	r->quorum = spec->quorum;

	if (spec->method == VOTE_CONSENT && !c.unanimous) {
		/* Consent: no is the objections; any objection defeats it. */
		if (c.yes != 0 || c.abstain != 0) {
			*cause = vote_cause(spec, "consent records only "
			    "objections, but %ld for and %ld abstaining were "
			    "given", c.yes, c.abstain);
			return -1;
		}
		if (c.no > 0)
			objection = 1;
		else
			c.yes = r->voters;
	} else if (spec->method == VOTE_UNANIMOUS || c.unanimous) {
		if (vote_apply_unanimous(spec, &c, r->voters, cause) != 0)
			return -1;
	}
	if (vote_check_total(spec, &c, r->voters, cause) != 0)
		return -1;

	r->counts = c;
	r->cast = c.yes + c.no;
	if (spec->abstain == VOTE_ABSTAIN_CAST)
		r->cast += c.abstain;
	vote_threshold(spec, r);

	/*
	 * A tie is one a casting vote can decide: half the base, short of
	 * the votes needed, and one vote more reaches them (always, unless
	 * the law fixes the number: 4 of 8 with 4 needed carries, 4 of 8
	 * with 6 needed fails, neither is a tie).
	 */
	if (!objection && vote_is_majority_rule(spec->rule) && r->base > 0 &&
	    c.yes * 2 == r->base && c.yes < r->needed &&
	    c.yes + 1 >= r->needed)
		r->flags |= VOTE_F_TIE;
	if (r->voters > 0 && c.yes == r->voters)
		r->flags |= VOTE_F_UNANIMOUS;

	if (objection)
		r->outcome = VOTE_FAILED;
	else if (c.yes >= r->needed)
		r->outcome = VOTE_CARRIED;
	else
		r->outcome = VOTE_FAILED;

	if (c.casting != VOTE_NONE &&
	    vote_apply_casting(spec, &c, r, cause) != 0)
		return -1;
	if (c.presiding != VOTE_NONE) {
		if (vote_apply_presiding(spec, &c, r, objection, cause) != 0)
			return -1;
	} else if (spec->chair == VOTE_CHAIR_WHEN_NEEDED &&
	    spec->chair_present && !objection && c.yes + 1 == r->needed)
		r->flags |= VOTE_F_ONE_SHORT;

	if (spec->quorum > 0 && spec->present < spec->quorum) {
		r->flags |= VOTE_F_NO_QUORUM;
		r->flags &= ~(VOTE_F_CASTING | VOTE_F_PRESIDING |
		    VOTE_F_ONE_SHORT);
		r->outcome = VOTE_FAILED;
	}
	return 0;
}

int
vote_compute(const struct vote_spec *spec, const struct vote_counts *counts,
    struct vote_result *out, char **cause)
{
	struct vote_result	r;

	memset(&r, 0, sizeof r);
	if (vote_compute1(spec, counts, &r, cause) != 0) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	*out = r;
	return 0;
}

int
vote_ballot_late(const struct vote_spec *spec, const struct vote_ballot *b)
{
	return spec->method == VOTE_WRITTEN && spec->deadline != 0 &&
	    b->ts > spec->deadline;
}

static int
vote_cmp_member(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Refuse a member with two ballots. Sorting keeps a long roll call cheap. */
static int
vote_check_twice(const struct vote_spec *spec, const struct vote_ballot *b,
    size_t n, char **cause)
{
	const char	**ids;
	size_t		  i;
	int		  rc = 0;

	if (n < 2)
		return 0;
	ids = xreallocarray(NULL, n, sizeof *ids);
	for (i = 0; i < n; i++)
		ids[i] = b[i].member;
	qsort(ids, n, sizeof *ids, vote_cmp_member);
	for (i = 1; i < n; i++) {
		if (strcmp(ids[i - 1], ids[i]) == 0) {
			*cause = vote_cause(spec, "%s has two ballots", ids[i]);
			rc = -1;
			break;
		}
	}
	free(ids);
	return rc;
}

int
vote_tally_ballots(const struct vote_spec *spec, const struct vote_ballot *b,
    size_t n, vote_member_fn member_fn, void *arg, struct vote_counts *c,
    char **cause)
{
	enum vote_member	 kind;
	enum vote_choice	 choice;
	char			*why;
	size_t			 i;
	int			 voted;

	memset(c, 0, sizeof *c);
	for (i = 0; i < n; i++) {
		if (b[i].member == NULL || *b[i].member == '\0') {
			*cause = vote_cause(spec, "ballot %zu names no "
			    "member", i + 1);
			return -1;
		}
		kind = member_fn != NULL ? member_fn(b[i].member, arg) :
		    VOTE_MEMBER;
		if (kind == VOTE_NOT_MEMBER) {
			*cause = vote_cause(spec, "a ballot from %s, who is "
			    "not a voting member", b[i].member);
			return -1;
		}
		if (vote_choice_parse(b[i].choice, &choice, &why) != 0) {
			*cause = vote_cause(spec, "the ballot of %s: %s",
			    b[i].member, why);
			free(why);
			return -1;
		}
		voted = choice == VOTE_YES || choice == VOTE_NO ||
		    choice == VOTE_ABSTAIN;
		if (kind == VOTE_MEMBER_CHAIR && spec->method == VOTE_WRITTEN)
			kind = VOTE_MEMBER;	/* answers in writing */
		if (kind == VOTE_MEMBER_CHAIR && voted &&
		    spec->chair == VOTE_CHAIR_CASTING) {
			*cause = vote_cause(spec, "the chair (%s) is recorded "
			    "as %s, but under chair=casting the chair does not "
			    "vote; give a casting vote on a tie instead (or, "
			    "where the chair votes as a member, meta.set "
			    "chair=votes)",
			    b[i].member, vote_choice_name(choice));
			return -1;
		}
		if ((kind == VOTE_MEMBER_SEATLESS ||
		    (kind == VOTE_MEMBER_CHAIR &&
		    spec->chair == VOTE_CHAIR_WHEN_NEEDED)) && voted) {
			if (kind == VOTE_MEMBER_SEATLESS)
				*cause = vote_cause(spec, "the presiding "
				    "member (%s) is recorded as %s, but holds "
				    "no seat; give a presiding vote when the "
				    "members fall one short instead",
				    b[i].member, vote_choice_name(choice));
			else
				*cause = vote_cause(spec, "the presiding "
				    "member (%s) is recorded as %s, but under "
				    "chair=when_needed does not vote as a "
				    "member; give a presiding vote when the "
				    "members fall one short instead",
				    b[i].member, vote_choice_name(choice));
			return -1;
		}
		if (kind == VOTE_MEMBER_WITHDRAWN && voted) {
			*cause = vote_cause(spec, "%s is recorded as %s, but "
			    "withdrew from this item (interest withdraws)",
			    b[i].member, vote_choice_name(choice));
			return -1;
		}
		if (spec->method == VOTE_WRITTEN && spec->deadline != 0 &&
		    b[i].ts == 0) {
			*cause = vote_cause(spec, "the ballot of %s has no "
			    "time, and the vote has a deadline", b[i].member);
			return -1;
		}
		if (kind == VOTE_MEMBER_SEATLESS ||
		    kind == VOTE_MEMBER_WITHDRAWN)
			continue;	/* not present for this vote */
		if (vote_ballot_late(spec, &b[i])) {
			c->late++;
			continue;
		}
		switch (choice) {
		case VOTE_YES:
			c->yes++;
			break;
		case VOTE_NO:
			c->no++;
			break;
		case VOTE_ABSTAIN:
			c->abstain++;
			break;
		case VOTE_NOT_VOTING:
			c->not_voting++;
			break;
		case VOTE_ABSENT:
			c->absent++;
			break;
		case VOTE_NONE:
			break;
		}
	}
	return vote_check_twice(spec, b, n, cause);
}

/* "8 for, 9 against, 1 abstaining; 9 needed", and why it failed. */
static char *
vote_describe(const struct vote_result *r)
{
	struct buf	b;

	buf_init(&b);
	buf_printf(&b, _("%ld for, %ld against"), r->counts.yes,
	    r->counts.no);
	if (r->counts.abstain != 0)
		buf_printf(&b, _(", %ld abstaining"), r->counts.abstain);
	buf_printf(&b, _("; %ld needed"), r->needed);
	if (r->flags & VOTE_F_PRESIDING)
		buf_printf(&b, _("; the presiding member voted %s"),
		    vote_choice_name(r->counts.presiding));
	else if (r->flags & VOTE_F_ONE_SHORT)
		buf_puts(&b, _("; one short, with no presiding vote"));
	if (r->flags & VOTE_F_TIE)
		buf_puts(&b, r->flags & VOTE_F_CASTING ?
		    _("; a tie decided by the casting vote") :
		    _("; a tie with no casting vote"));
	if (r->flags & VOTE_F_NO_QUORUM)
		buf_printf(&b, _("; no quorum (%ld present, %ld needed)"),
		    r->present, r->quorum);
	return buf_detach(&b);
}

int
vote_check_declared(const struct vote_spec *spec, const struct vote_result *r,
    const char *declared, char **cause)
{
	enum vote_outcome	 d;
	char			*why, *what;

	if (vote_outcome_parse(declared, &d, &why) != 0) {
		*cause = vote_cause(spec, "declared %s", why);
		free(why);
		return -1;
	}
	if (d == r->outcome)
		return 0;
	what = vote_describe(r);
	*cause = vote_cause(spec, "declared %s, but the count gives %s (%s)",
	    vote_outcome_name(d), vote_outcome_name(r->outcome),
	    what);
	free(what);
	return 1;
}

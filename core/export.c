/* SPDX-License-Identifier: ISC */
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
	if (r != NULL && *r != '\0')
		return r;
	/* The shipped base style's words (styles/base.style redaction). */
	return export_lang(m, o) == EXPORT_EN ? "[Not for publication]" :
	    "【非公開】";
}

/* The counts as recorded, when the rules refuse them (unknown member …). */
static void
count_raw(const struct tally *t, struct export_tally *x)
{
	struct tally_count	 c;

	tally_count(t, &c);
	x->yes = c.yes;
	x->no = c.no;
	x->abstain = c.abstain;
	x->absent = c.absent;
	x->not_voting = c.not_voting;
	x->has_counts = c.given;
}

void
export_tally(const struct meeting *m, const struct vote *v,
    const struct tally *t, struct export_tally *x)
{
	struct vote_report	*r = &x->report;
	size_t			 ti = v->ntallies;

	memset(x, 0, sizeof *x);
	if (t != NULL)
		ti = (size_t)(t - v->tallies);
	meeting_tally_report(m, v, ti, r);
	x->quorum = r->spec.quorum;
	x->present = r->spec.present;
	x->carried = !r->known ? -1 : r->outcome == VOTE_CARRIED;
	if (!r->computed) {
		if (t != NULL)
			count_raw(t, x);
		return;
	}
	x->ok = 1;
	x->yes = r->result.counts.yes;
	x->no = r->result.counts.no;
	x->abstain = r->result.counts.abstain;
	x->not_voting = r->result.counts.not_voting;
	x->absent = r->result.counts.absent;
	x->has_counts = r->spec.method != VOTE_CONSENT || x->no > 0;
}

void
export_tally_clear(struct export_tally *x)
{
	vote_report_clear(&x->report);
}

int
export_vote_carried(const struct meeting *m, const struct vote *v)
{
	struct vote_report	 r;
	int			 carried;

	meeting_vote_report(m, v, &r);
	carried = !r.known ? -1 : r.outcome == VOTE_CARRIED;
	vote_report_clear(&r);
	return carried;
}

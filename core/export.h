/* SPDX-License-Identifier: ISC */
/*
 * Open-data exports: a folded meeting (fold.h) as an Akoma Ntoso 3.0
 * `debate` document (export-akn.c) or as Popolo JSON — persons,
 * organizations, memberships, motions and vote events (export-popolo.c).
 * docs/open-data.md maps every event to its element or field.
 *
 * Like the minutes, an export is a pure function of the meeting and the
 * options: nothing here reads the clock, the locale or the environment,
 * and every id is derived from event uuids, so the same log gives the same
 * bytes (also after giji log --json | giji import). The functions return
 * an allocated string (NUL-terminated; *len bytes without the NUL) that
 * the caller frees, or NULL with an allocated cause.
 *
 * export.c holds what both exporters share: options, the wording of vote
 * methods and outcomes, and the arithmetic of each tally through vote.h.
 */
#ifndef GIJI_EXPORT_H
#define GIJI_EXPORT_H

#include <stddef.h>

#include "vote.h"
#include "vote-report.h"

struct meeting;
struct vote;
struct tally;

#define EXPORT_UNSET	(-1)

enum export_lang {
	EXPORT_JA,
	EXPORT_EN
};

/* Strings are borrowed. */
struct export_opts {
	int		 lang;		/* enum export_lang; UNSET: meta lang */
	int		 public;	/* 1: the public version (redactions) */
	const char	*redaction;	/* NULL: meta redaction, else 【非公開】 */
};

void	 export_opts_default(struct export_opts *);

char	*export_akn(const struct meeting *, const struct export_opts *,
	     size_t *len, char **cause);
char	*export_popolo(const struct meeting *, const struct export_opts *,
	     size_t *len, char **cause);

/* Shared by the exporters. */

/* The language in force: the option, else meta lang ("en…": English). */
enum export_lang export_lang(const struct meeting *,
	     const struct export_opts *);
/* The redaction phrase in force (borrowed). */
const char	*export_redaction(const struct meeting *,
	     const struct export_opts *);

/*
 * One tally of a vote as vote-report.h counts it (meeting_tally_report:
 * the same count as the minutes, giji stats and the vote pane): the
 * counts as the record gives them (yes for a unanimous or consent vote is
 * the voters), the quorum needed and the outcome. t may be NULL for a
 * vote without a tally (consent or unanimous declared without one). ok is
 * 0 when the rules refused the numbers: the counts are then the raw ones
 * and the outcome is the declared one. carried is the vote's outcome as
 * the record stands (the recorded vote.result on the last tally, else the
 * computed one); report holds the rest (rule, voters, needed, casting and
 * presiding votes, the computed outcome, a declared one that differs).
 */
struct export_tally {
	long		 yes, no, abstain, not_voting, absent;
	int		 has_counts;	/* any count to publish */
	long		 quorum;	/* members needed; 0: none */
	long		 present;
	int		 carried;	/* as recorded, else computed; -1: none */
	int		 ok;
	struct vote_report report;	/* export_tally_clear frees it */
};
void	 export_tally(const struct meeting *, const struct vote *,
	     const struct tally *, struct export_tally *);
void	 export_tally_clear(struct export_tally *);
/*
 * Whether the vote carried (1) or failed (0): vote.result when given,
 * else computed; -1 when neither gives an outcome (a count in question).
 */
int	 export_vote_carried(const struct meeting *, const struct vote *);

#endif

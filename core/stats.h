/* SPDX-License-Identifier: ISC */
/*
 * Meeting statistics from a folded meeting: speaking time per speaker and
 * per agenda item (a speech lasts from its `started` time to its `ts`),
 * number of speeches, votes with their results, item durations, recesses.
 * Pure functions of the meeting: no clock, deterministic output.
 */
#ifndef GIJI_STATS_H
#define GIJI_STATS_H

#include <stddef.h>
#include <stdint.h>

struct meeting;
struct entry;

struct stats_row {
	int		 index;		/* member or item index, -1: none */
	long		 speeches;
	long		 timed;		/* speeches with a start time */
	int64_t		 speaking;	/* µs, of the timed ones */
	int64_t		 duration;	/* items: open to close, µs */
};

struct stats_recess {
	int64_t		 start;
	int64_t		 end;		/* 0 when never resumed */
};

struct stats {
	struct stats_row	*speakers;	/* one per member, roster order */
	size_t			 nspeakers;
	struct stats_row	*items;		/* one per item, then "none" */
	size_t			 nitems;
	struct stats_recess	*recesses;
	size_t			 nrecesses;
	size_t			 caprecesses;
	long			 speeches;
	long			 timed;
	int64_t			 speaking;
	int64_t			 duration;	/* meeting open to close, µs */
};

struct stats	*stats_compute(const struct meeting *);
/*
 * The same one entry at a time, for a reader that does not hold every
 * entry (the minutes' stream): stats_new, then stats_add for each entry
 * in log order.
 */
struct stats	*stats_new(const struct meeting *);
void		 stats_add(struct stats *, const struct meeting *,
		     const struct entry *);
void		 stats_free(struct stats **);

/*
 * The report as text (json 0) or JSON (json 1). The text's headings and
 * words are in lang, MINUTES_JA or MINUTES_EN (minutes.h); MINUTES_UNSET
 * takes the meeting's meta.set lang, then Japanese. The JSON is the same
 * in every language (its keys are an interface).
 */
char		*stats_report(const struct meeting *, int json, int lang,
		     size_t *len);
/* An inline SVG bar chart of speaking time, or NULL when none is known. */
char		*stats_svg(const struct stats *, const struct meeting *);

#endif

/* SPDX-License-Identifier: ISC */
/*
 * Corrections: the one rule for amend, retract and redact, used by the
 * fold (core/fold.c), the terminal's live model (core/model.c) and the
 * log's reading of one event as corrected (log_corrected, which the
 * amend checks and the vote pane use).
 *
 * The rule (docs/giji-events.5, CORRECTIONS):
 *   - a correction applies only to a target recorded before it;
 *   - a correction is in effect unless a retract in effect, recorded
 *     after it, names it as its target (so retracting a retract restores
 *     what the first one withdrew, and retracting an amend undoes it);
 *   - an amend or a redact whose target is itself a correction changes
 *     nothing;
 *   - on an event, the amends in effect are merged in seq order (RFC 7396
 *     merge patch) into its payload; a retract in effect withdraws it; a
 *     redact in effect makes it non-public.
 * Whether a correction is in effect depends only on corrections recorded
 * after it, so the index below can be fed one event at a time, in seq
 * order, and is always in the state a full fold would give.
 *
 * A struct corrections owns copies of everything it is given.
 */
#ifndef GIJI_CORRECT_H
#define GIJI_CORRECT_H

#include <stdint.h>

#include "event.h"
#include "log.h"

#define CORR_RETRACTED	0x1
#define CORR_REDACTED	0x2
#define CORR_AMENDED	0x4

struct correction {
	int64_t		 seq;
	int64_t		 ts;
	char		 uuid[LOG_UUID_LEN];
	char		 target[LOG_UUID_LEN];
	enum event_type	 type;		/* EV_AMEND, EV_RETRACT or EV_REDACT */
	char		*station;
	char		*data;		/* amend: the fields it replaces */
	char		*reason;	/* NULL when none was given */
	int64_t		 withdrawn;	/* seq of the retract withdrawing it,
					   0 while in effect */
};

struct corrections;

struct corrections *corrections_new(void);
void		 corrections_free(struct corrections **);

/*
 * Add one correction. Corrections must be added in seq order. target is
 * the uuid it names; data the amend's fields (NULL for the others).
 * When changed is not NULL it is called with the uuid of every event
 * whose corrected state this addition changed: the target, and, when a
 * retract withdraws a correction, that correction's target (and so on,
 * for a retract of a retract). Returns the stored correction, or NULL
 * when type is not a correction or target is empty (nothing stored).
 */
typedef void	 (*corrections_changed_cb)(const char *uuid, void *arg);
const struct correction *corrections_add(struct corrections *, int64_t seq,
		     int64_t ts, const char *uuid, const char *station,
		     enum event_type type, const char *target,
		     const char *data, const char *reason,
		     corrections_changed_cb changed, void *arg);
/*
 * Many at once (a whole log): after corrections_defer() additions do not
 * follow chains of retracts (each could walk the whole chain: quadratic
 * on a file of retracts of retracts); corrections_settle() then works
 * out what is in effect in one pass, newest first. Apply nothing between
 * the two.
 */
void		 corrections_defer(struct corrections *);
void		 corrections_settle(struct corrections *);
/* The same from a logged event (its payload holds target, data, reason). */
const struct correction *corrections_add_event(struct corrections *,
		     const struct event *, corrections_changed_cb changed,
		     void *arg);

/* The correction recorded as uuid, or NULL. */
const struct correction *corrections_find(const struct corrections *,
		     const char *uuid);
/* Every correction in seq order: i from 0 to corrections_count() - 1. */
size_t		 corrections_count(const struct corrections *);
const struct correction *corrections_at(const struct corrections *, size_t);
/* Non-zero when some correction names uuid as its target. */
int		 corrections_any(const struct corrections *, const char *uuid);

/*
 * Apply the corrections of the event uuid (recorded at seq with payload)
 * and return its CORR_* flags. *data is the payload after the amends in
 * effect (allocated), or NULL when no amend applies; *reason (borrowed,
 * valid until the index is freed) is the reason of the last retract in
 * effect, else of the last redact in effect, else NULL. Either pointer
 * may be NULL.
 *
 * visit, when not NULL, is called for every correction of the event in
 * seq order, in effect or not, each followed by the corrections that
 * name it (a retract of an amend, …): target is NULL for a correction of
 * the event itself, else the correction it names. For an amend of the
 * event, before holds the fields the amend names as they were just before
 * it, after the same fields with the amend merged (for an amend withdrawn
 * too: what it would have made); the corrections under it see after.
 * Otherwise before is the event's data as corrected just before it and
 * after is NULL.
 */
typedef void	 (*corrections_visit_cb)(const struct correction *,
		     const struct correction *target, const char *before,
		     const char *after, void *arg);
unsigned	 corrections_apply(const struct corrections *,
		     const char *uuid, int64_t seq, const char *payload,
		     char **data, const char **reason,
		     corrections_visit_cb visit, void *arg);

#endif

/* SPDX-License-Identifier: ISC */
/*
 * Read helpers for a live view of a meeting that never loads the whole
 * log: the structural events (roster, agenda, meta, corrections, meeting
 * state) through the (type, seq) index, and pages of proceedings by seq
 * range through the primary key. A struct log_query owns its prepared
 * statements on the log's connection; free it before the log.
 */
#ifndef GIJI_LOG_QUERY_H
#define GIJI_LOG_QUERY_H

#include <stdint.h>

#include "log.h"

struct log_query;

struct log_query *log_query_new(struct log *, char **cause);
void		 log_query_free(struct log_query **);

/*
 * Call fn, in seq order, for every event with seq > after whose type is
 * one a live view folds into its state: meta.set, member.add,
 * attendance, agenda.*, meeting.open/close, recess, resume, amend,
 * retract, redact, vote.call.
 * agenda.order is among them: apply it as core/fold.c does (the listed
 * items first, the others after in their previous order).
 */
int		 log_query_structure(struct log_query *, int64_t after,
		     log_cb fn, void *arg, char **cause);

/*
 * Proceedings (every type but meta.set, member.add and agenda.add) with
 * lo <= seq <= hi. _rev: newest first with seq <= from, at most limit;
 * _fwd: oldest first with seq >= from, at most limit. Returns the number
 * of events passed to fn, or -1 (cause set).
 */
int		 log_query_page_rev(struct log_query *, int64_t lo, int64_t hi,
		     int64_t from, int limit, log_cb fn, void *arg,
		     char **cause);
int		 log_query_page_fwd(struct log_query *, int64_t lo, int64_t hi,
		     int64_t from, int limit, log_cb fn, void *arg,
		     char **cause);

/*
 * End any read transaction left open on the connection: reset every
 * statement still stepping. A live view calls it at its idle point (no
 * query running), so that a statement somebody forgot to reset cannot
 * pin an old snapshot and hide other terminals' events. Returns how many
 * statements it reset.
 */
int		 log_query_idle(struct log_query *);

/* The seq of the event with this uuid, or 0. */
int64_t		 log_query_seq_of(struct log_query *, const char *uuid);

#endif

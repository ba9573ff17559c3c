/* SPDX-License-Identifier: ISC */
/*
 * Drafts: the line each station is typing, saved as it changes so that a
 * crash loses nothing typed. One row per station in the drafts table,
 * outside the chain: a draft is not a record until it is appended.
 */
#include "config.h"

#include <stdlib.h>

#include "clock.h"
#include "i18n.h"
#include "log-int.h"
#include "xmalloc.h"

int
log_draft_save(struct log *log, const char *station, const char *speaker,
    const char *text, int64_t started, char **cause)
{
	sqlite3_stmt	*st = log_stmt(log, S_DRAFT_SAVE);
	int		 rc;

	*cause = NULL;
	if (st == NULL) {
		*cause = log_errmsg(log, sqlite3_errcode(log->db), N_("draft"));
		return -1;
	}
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	if (speaker != NULL)
		sqlite3_bind_text(st, 2, speaker, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	if (started != 0)
		sqlite3_bind_int64(st, 4, started);
	sqlite3_bind_int64(st, 5, clock_now());
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = log_errmsg(log, rc, N_("cannot save the draft"));
		return -1;
	}
	return 0;
}

int
log_draft_load(struct log *log, const char *station, char **speaker,
    char **text, int64_t *started)
{
	sqlite3_stmt	*st = log_stmt(log, S_DRAFT_LOAD);
	const char	*s;
	int		 found = 0;

	*speaker = *text = NULL;
	*started = 0;
	if (st == NULL)
		return 0;
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(st, 0);
		*speaker = s != NULL ? xstrdup(s) : NULL;
		s = (const char *)sqlite3_column_text(st, 1);
		*text = xstrdup(s != NULL ? s : "");
		*started = sqlite3_column_int64(st, 2);
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

int
log_draft_clear(struct log *log, const char *station, char **cause)
{
	sqlite3_stmt	*st = log_stmt(log, S_DRAFT_CLEAR);
	int		 rc;

	*cause = NULL;
	if (st == NULL) {
		*cause = log_errmsg(log, sqlite3_errcode(log->db), N_("draft"));
		return -1;
	}
	sqlite3_bind_text(st, 1, station, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = log_errmsg(log, rc, N_("cannot clear the draft"));
		return -1;
	}
	return 0;
}

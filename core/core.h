/* SPDX-License-Identifier: ISC */
/*
 * core: the model of giji, without curses. Each header holds one concept:
 *
 *   xmalloc.h	allocation that cannot fail; a growable buffer
 *   clock.h	the clock (fixable with GIJI_NOW), ISO 8601, local time
 *   utf8.h	UTF-8 decoding, display width, clipping, sanitising
 *   jdate.h	era dates, 午前/午後, digit widths
 *   json.h	JSON through SQLite's JSON functions
 *   event.h	the event vocabulary (types, fields, required, references)
 *   log.h	the meeting file: append-only hash-chained log, drafts
 *   log-query.h	live views' reads: structural events, pages by seq
 *   correct.h	the corrections rule: amend, retract, redact, and undo
 *   fold.h	the log replayed into a meeting's state
 *   model.h	the terminal's live model, kept up to date event by event
 *   csv.h	spreadsheet CSV: UTF-8 or CP932, RFC 4180 records
 *   import.h	JSONL import (the public vocabulary), CSV rosters, agendas
 *   vote.h	votes and quorum: methods, rules, outcomes (pure)
 *   vote-query.h	the current vote and a tally's counts, read by type
 *   vote-report.h	a vote's result from the record: one count for all
 *   export.h	open-data exports: Akoma Ntoso debate XML, Popolo JSON
 *   archive.h	the searchable index of many meetings; stats of a year
 */
#ifndef GIJI_CORE_H
#define GIJI_CORE_H

#include "xmalloc.h"
#include "clock.h"
#include "utf8.h"
#include "jdate.h"
#include "json.h"
#include "event.h"
#include "log.h"
#include "log-query.h"
#include "correct.h"
#include "fold.h"
#include "model.h"
#include "csv.h"
#include "import.h"
#include "vote.h"
#include "vote-query.h"
#include "vote-report.h"
#include "export.h"
#include "archive.h"

#endif

/* SPDX-License-Identifier: ISC */
/*
 * What the parts of the archive share and nobody else sees:
 *
 *	archive.c	the index file, keeping it in step, searching
 *	archive-token.c	the tokenizer (CJK bigrams) and the query syntax
 *	archive-stats.c	giji stats DIR, from the index
 */
#ifndef GIJI_ARCHIVE_INT_H
#define GIJI_ARCHIVE_INT_H

#include <sqlite3.h>

#include "archive.h"

/* A day as the index numbers it: days from 1970-01-01, plus this. */
#define ARCHIVE_DAY_BASE	1000000L

struct archive {
	sqlite3		*db;
	char		*path;
};

#endif

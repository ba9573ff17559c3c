/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer: the archive's tokenizer and query syntax
 * (core/archive-token.c). Every token lies inside the text, in order, and
 * is 1 to 64 bytes; a query built from what a user typed is never an
 * FTS5 syntax error; and a text holding no quote always matches the
 * query typed as that very text (every term is in it).
 */
#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "utf8.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n",	\
	__FILE__, __LINE__, #c); abort(); } } while (0)

struct tok_check {
	int	 len;
	int	 last;
};

static int
tok(void *arg, const char *t, int n, int start, int end)
{
	struct tok_check	*tc = arg;

	CHECK(n >= 1 && n <= 64);
	CHECK(start >= 0 && start < end && end <= tc->len);
	CHECK(start >= tc->last);
	tc->last = start;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sqlite3		*db;
	struct tok_check	 tc;
	sqlite3_stmt		*st;
	char			*s, *m, *flags, *cause = NULL;
	int			 rc, found = 0;

	if (db == NULL) {
		CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
		CHECK(archive_fts5_register(db, &cause) == 0);
		CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING"
		    " fts5(text, tokenize = 'giji')", NULL, NULL, NULL) ==
		    SQLITE_OK);
	}
	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	tc.len = (int)strlen(s);
	tc.last = 0;
	archive_tokenize(s, tc.len, 0, tok, &tc);
	tc.last = 0;
	archive_tokenize(s, tc.len, 1, tok, &tc);

	if ((m = archive_match(s, &flags, &cause)) == NULL) {
		CHECK(cause != NULL);
		free(cause);
		free(s);
		return 0;
	}
	CHECK(sqlite3_exec(db, "DELETE FROM t", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db, "INSERT INTO t (rowid, text) VALUES"
	    " (1, ?1)", -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	CHECK(sqlite3_step(st) == SQLITE_DONE);
	sqlite3_finalize(st);
	CHECK(sqlite3_prepare_v2(db, "SELECT rowid, giji_marks(t, ?2) FROM t"
	    " WHERE t MATCH ?1", -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_text(st, 1, m, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, flags, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		found = 1;
	if (rc != SQLITE_DONE)
		fprintf(stderr, "MATCH %s: %s\n", m, sqlite3_errmsg(db));
	CHECK(rc == SQLITE_DONE);
	sqlite3_finalize(st);
	if (strchr(s, '"') == NULL && utf8_valid(s, strlen(s)))
		CHECK(found);
	free(m);
	free(flags);
	free(s);
	return 0;
}

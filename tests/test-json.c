/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the member-wise merge of core/json.c (json_split,
 * json_join, json_members_patch): the same result as SQLite's json_patch
 * (RFC 7396) on table cases and on random objects and patches, nested
 * objects, nulls, arrays, strings holding brackets, quotes and escapes.
 * Then the verifier's own reading of a payload's five data_ fields
 * (log_data_compare, core/log-chain.c) against json_extract on random
 * payloads, valid and not: it may give up, never disagree.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "log-int.h"
#include "tap.h"
#include "xmalloc.h"

static void
same(const char *target, const char *patch, const char *what)
{
	char	*got = json_merge_members(target, patch), *want = json_merge(target, patch);
	char	*g = json_minify(got), *w = json_minify(want);

	is_str(g != NULL ? g : got, w, "%s", what);
	free(got);
	free(want);
	free(g);
	free(w);
}

static const char *const atoms[] = { "1", "-2.5e3", "true", "false",
    "null", "\"x\"", "\"a,b}\"", "\"q\\\"{[\"", "\"\\u00e9\"",
    "[1,{\"a\":null},\"]\"]", "[]", "{}", "\"日本\"" };
static const char *const keys[] = { "a", "b", "c", "text", "label", "x y",
    "q\\\"", "日" };
#define NATOMS	(sizeof atoms / sizeof atoms[0])
#define NKEYS	(sizeof keys / sizeof keys[0])

static void rvalue(char *, size_t, int);

/* A random object, no key twice (giji refuses such objects). */
static void
robject(char *b, size_t size, int depth)
{
	size_t	 order[NKEYS], n, i, k, tmp, len;

	for (i = 0; i < NKEYS; i++)
		order[i] = i;
	for (i = NKEYS - 1; i > 0; i--) {
		k = (size_t)rand() % (i + 1);
		tmp = order[i];
		order[i] = order[k];
		order[k] = tmp;
	}
	n = (size_t)rand() % 5;
	len = strlen(b);
	snprintf(b + len, size - len, "{");
	for (i = 0; i < n; i++) {
		len = strlen(b);
		snprintf(b + len, size - len, "%s\"%s\":", i ? "," : "",
		    keys[order[i]]);
		rvalue(b, size, depth - 1);
	}
	len = strlen(b);
	snprintf(b + len, size - len, "}");
}

/* A random JSON value appended to b; depth bounds the objects inside. */
static void
rvalue(char *b, size_t size, int depth)
{
	size_t	 len = strlen(b);

	if (depth > 0 && rand() % 3 == 0)
		robject(b, size, depth);
	else
		snprintf(b + len, size - len, "%s", atoms[rand() % NATOMS]);
}

static const char *const dkeys[] = { "speaker", "text", "label", "kind",
    "started", "other", "spe\\u0061ker", "text ", "Text", "" };
static const char *const dvals[] = { "\"s1\"", "\"a\\nb\"",
    "\"q\\\"x\\\\y\\/z\\t\\b\\f\\r\"", "\"\\u0041\"", "\"日本\"", "\"\"",
    "0", "-0", "7", "-12", "123456789012345678", "-999999999999999999",
    "1234567890123456789", "1.5", "1e3", "-0.0", "2E-2", "true", "false",
    "null", "{}", "[1,2]", "{\"a\":[true,{\"b\":null}]}",
    "\"\\ud83d\\ude00\"", "01", "-", "\"raw\x01ctl\"", "\"bad\\x\"",
    "\"unterminated", "tru", "1.", "[", "{\"a\":}", "\"\xe6\x97\"",
    "\"a\\\\\"", "\"tab\there\"" };
static const char *const dspace[] = { "", "", "", " ", "\n", "\t", "\r",
    "\f", "  " };
#define NDK	(sizeof dkeys / sizeof dkeys[0])
#define NDV	(sizeof dvals / sizeof dvals[0])
#define NDS	(sizeof dspace / sizeof dspace[0])

static const char *
ws(void)
{
	return dspace[(size_t)rand() % NDS];
}

/* A random payload: mostly an object of the five keys and others. */
static void
rpayload(char *b, size_t size)
{
	size_t	 n = (size_t)rand() % 7, i, len;
	int	 shape = rand() % 20;

	snprintf(b, size, "%s%s%s", ws(), shape == 0 ? "[" : "{", ws());
	for (i = 0; i < n; i++) {
		len = strlen(b);
		snprintf(b + len, size - len, "%s%s\"%s\"%s:%s%s%s", i ? "," : "",
		    ws(), dkeys[(size_t)rand() % (rand() % 2 ? 5 : NDK)], ws(),
		    ws(), dvals[(size_t)rand() % (rand() % 3 ? 6 : NDV)], ws());
	}
	len = strlen(b);
	snprintf(b + len, size - len, "%s%s%s", shape == 0 ? "]" : shape == 1 ?
	    "" : "}", ws(), shape == 2 ? "x" : shape == 3 ? "," : "");
}

/* A diagnostic line (the payload may hold controls: printed escaped). */
static void
diag(const char *what, const char *s)
{
	printf("# %s: ", what);
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20)
			printf("\\x%02x", (unsigned char)*s);
		else
			putchar(*s);
	}
	putchar('\n');
}

/*
 * log_data_compare never says "the same" for a payload json_extract
 * would not read, nor for columns that differ from what it returns.
 */
static void
data_fields(void)
{
	sqlite3		*db;
	sqlite3_stmt	*valid, *ext, *alt, *nul;
	char		 pl[2048], what[2200];
	int		 i, k, c, r, fast = 0, bad = 0, wrong = 0, falsepos = 0;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT json_valid(?1)", -1, &valid,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT json_extract(?1, '$.speaker'),"
	    " json_extract(?1, '$.text'), json_extract(?1, '$.label'),"
	    " json_extract(?1, '$.kind'), json_extract(?1, '$.started')", -1,
	    &ext, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT ?1, ?2, ?3, ?4, ?5", -1, &alt,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT NULL, NULL, NULL, NULL, NULL", -1,
	    &nul, NULL) != SQLITE_OK) {
		ok(0, "data fields: cannot prepare: %s", sqlite3_errmsg(db));
		return;
	}
	sqlite3_step(nul);
	srand(23);
	for (i = 0; i < 20000; i++) {
		rpayload(pl, sizeof pl);
		sqlite3_reset(valid);
		sqlite3_bind_text(valid, 1, pl, -1, SQLITE_STATIC);
		sqlite3_step(valid);
		if (!sqlite3_column_int(valid, 0)) {
			/* json_extract would fail: never "the same". */
			if (log_data_compare(nul, 0, pl, strlen(pl)) != -1 &&
			    bad++ == 0)
				diag("read a payload SQLite calls invalid", pl);
			continue;
		}
		sqlite3_reset(ext);
		sqlite3_bind_text(ext, 1, pl, -1, SQLITE_STATIC);
		if (sqlite3_step(ext) != SQLITE_ROW)
			continue;
		r = log_data_compare(ext, 0, pl, strlen(pl));
		if (r == 1)
			fast++;
		else if (r == 0 && wrong++ == 0)
			diag("disagrees with json_extract", pl);
		if (r != 1)
			continue;
		/* Each column changed in turn: never "the same". */
		for (k = 0; k < 5; k++) {
			sqlite3_reset(alt);
			for (c = 0; c < 5; c++) {
				sqlite3_value	*v = sqlite3_column_value(ext, c);
				int		 t = sqlite3_value_type(v);

				if (c != k)
					sqlite3_bind_value(alt, c + 1, v);
				else if (t == SQLITE_NULL)
					sqlite3_bind_text(alt, c + 1, "", 0,
					    SQLITE_STATIC);
				else if (t == SQLITE_INTEGER)
					sqlite3_bind_text(alt, c + 1, (const
					    char *)sqlite3_value_text(v), -1,
					    SQLITE_TRANSIENT);
				else if (sqlite3_value_bytes(v) == 0)
					sqlite3_bind_null(alt, c + 1);
				else
					sqlite3_bind_text(alt, c + 1, (const
					    char *)sqlite3_value_text(v),
					    sqlite3_value_bytes(v) - 1,
					    SQLITE_TRANSIENT);
			}
			sqlite3_step(alt);
			if (log_data_compare(alt, 0, pl, strlen(pl)) == 1 &&
			    falsepos++ == 0) {
				snprintf(what, sizeof what, "%s (column %d)",
				    pl, k);
				diag("a changed column read as the same",
				    what);
			}
		}
	}
	ok(bad == 0, "data fields: no payload SQLite calls invalid is read "
	    "(%d)", bad);
	ok(wrong == 0, "data fields: never disagrees with json_extract (%d)",
	    wrong);
	ok(falsepos == 0, "data fields: a changed column is never the same "
	    "(%d)", falsepos);
	ok(fast > 2000, "data fields: %d of 20,000 random payloads read "
	    "without SQLite's parser", fast);
	sqlite3_finalize(valid);
	sqlite3_finalize(ext);
	sqlite3_finalize(alt);
	sqlite3_finalize(nul);
	sqlite3_close(db);
}

int
main(void)
{
	char	 t[4096], p[4096], what[64];
	int	 i;

	data_fields();

	same("{}", "{}", "empty into empty");
	same("{\"a\":1}", "{\"a\":null}", "null removes");
	same("{\"a\":1,\"b\":2,\"c\":3}", "{\"b\":null,\"d\":4}",
	    "removes in place, adds at the end");
	same("{\"o\":{\"x\":1,\"y\":2}}", "{\"o\":{\"y\":null,\"z\":3}}",
	    "objects merge");
	same("{\"o\":5}", "{\"o\":{\"a\":null,\"b\":1}}",
	    "an object over a scalar drops its nulls");
	same("{\"o\":{\"a\":1}}", "{\"o\":[1,2]}", "an array replaces");
	same("{\"text\":\"a,b}\\\"c\",\"n\":1}", "{\"n\":2}",
	    "a string holding brackets, commas and quotes");
	same("{ \"a\" : [ 1 , { \"b\" : 2 } ] , \"c\" : \"d\" }",
	    "{\"c\":null}", "spaces between tokens");
	same("{\"a\":1}", "{\"b\":{\"c\":{\"d\":null,\"e\":{}}}}",
	    "a new nested object, its nulls dropped");
	srand(17);
	for (i = 0; i < 2000; i++) {
		t[0] = p[0] = '\0';
		robject(t, sizeof t, 3);
		robject(p, sizeof p, 3);
		snprintf(what, sizeof what, "random case %d", i);
		same(t, p, what);
	}
	return done_testing();
}

/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the archive's tokenizer and query syntax
 * (core/archive-token.c): the tokens of texts and of queries with their
 * offsets, the MATCH expressions built from what a user types, and FTS5
 * itself, in memory, answering two-character Japanese queries, prefixes,
 * English words and phrases with the tokenizer registered, and
 * giji_marks() marking exactly the characters asked for.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "tap.h"
#include "xmalloc.h"

/* Tokens as "tok@start-end tok@start-end …". */
static int
collect(void *arg, const char *tok, int len, int start, int end)
{
	struct buf	*b = arg;

	buf_printf(b, "%s%.*s@%d-%d", b->len > 0 ? " " : "", len, tok, start,
	    end);
	return 0;
}

static void
check_tokens(const char *text, int query, const char *want)
{
	struct buf	 b;

	buf_init(&b);
	buf_add(&b, "", 0);
	archive_tokenize(text, (int)strlen(text), query, collect, &b);
	is_str(b.s, want, "%s \"%s\"", query ? "query" : "text", text);
	buf_free(&b);
}

static void
check_match(const char *q, const char *want, const char *want_flags)
{
	char	*m, *flags, *cause = NULL;

	m = archive_match(q, &flags, &cause);
	is_str(m, want, "match of '%s'", q);
	if (want != NULL)
		is_str(flags, want_flags, "... its marks' flags");
	else
		ok(cause != NULL && strstr(cause, "nothing") == NULL &&
		    strstr(cause, "has no letters") != NULL,
		    "... refused, saying why");
	free(m);
	free(flags);
	free(cause);
}

static const char *texts[] = {
	"市民緑化推進事業の予算について伺います。",	/* 1 */
	"予定の算出方法を説明します。",			/* 2: 予 算 apart */
	"児童公園と公民館の整備。",			/* 3 */
	"園児の送迎バスについて。",			/* 4 */
	"令和７年度の予算、公園の植栽。",		/* 5 */
	"The budget for tree planting was approved.",	/* 6 */
	"Two budgets were tabled.",			/* 7 */
	"ＴＲＥＥ　ＰＬＡＮＴＩＮＧ（全角）",		/* 8 */
	"予、算",					/* 9 */
	NULL
};

/* The rowids whose text matches what a user typed, as "1 5". */
static char *
hits(sqlite3 *db, const char *q)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	char		*m, *flags, *cause;

	buf_init(&b);
	buf_add(&b, "", 0);
	if ((m = archive_match(q, &flags, &cause)) == NULL) {
		free(cause);
		return buf_detach(&b);
	}
	if (sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1"
	    " ORDER BY rowid", -1, &st, NULL) != SQLITE_OK) {
		buf_puts(&b, sqlite3_errmsg(db));
		free(m);
		free(flags);
		return buf_detach(&b);
	}
	sqlite3_bind_text(st, 1, m, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(&b, "%s%lld", b.len > 0 ? " " : "",
		    (long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	free(m);
	free(flags);
	return buf_detach(&b);
}

static void
check_hits(sqlite3 *db, const char *q, const char *want)
{
	char	*got = hits(db, q);

	is_str(got, want, "'%s' finds %s", q, *want ? want : "nothing");
	free(got);
}

/* The marked text of row id: each mark between [ and ]. */
static char *
marked(sqlite3 *db, const char *q, int id)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	const char	*text, *mk;
	char		*m, *flags, *cause, *end;
	long		 s, e, at = 0;

	buf_init(&b);
	buf_add(&b, "", 0);
	if ((m = archive_match(q, &flags, &cause)) == NULL) {
		free(cause);
		return buf_detach(&b);
	}
	if (sqlite3_prepare_v2(db, "SELECT text, giji_marks(t, ?2) FROM t"
	    " WHERE t MATCH ?1 AND rowid = ?3", -1, &st, NULL) != SQLITE_OK) {
		free(m);
		free(flags);
		return buf_detach(&b);
	}
	sqlite3_bind_text(st, 1, m, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, flags, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		text = (const char *)sqlite3_column_text(st, 0);
		mk = (const char *)sqlite3_column_text(st, 1);
		while (mk != NULL && *mk != '\0') {
			s = strtol(mk, &end, 10);
			e = strtol(end + 1, &end, 10);
			buf_printf(&b, "%.*s[%.*s]", (int)(s - at), text + at,
			    (int)(e - s), text + s);
			at = e;
			mk = *end == ',' ? end + 1 : end;
		}
		buf_puts(&b, text + at);
	}
	sqlite3_finalize(st);
	free(m);
	free(flags);
	return buf_detach(&b);
}

static void
check_marks(sqlite3 *db, const char *q, int id, const char *want)
{
	char	*got = marked(db, q, id);

	is_str(got, want, "'%s' marks row %d", q, id);
	free(got);
}

int
main(void)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	char		*cause = NULL;
	int		 i;

	/* A run of CJK: a bigram at each character, the last alone. */
	check_tokens("市民緑化予算", 0,
	    "市民@0-6 民緑@3-9 緑化@6-12 化予@9-15 予算@12-18 算@15-18");
	/* A query ending in the run: no lone last character. */
	check_tokens("緑化予算", 1, "緑化@0-6 化予@3-9 予算@6-12");
	check_tokens("予", 1, "予@0-3");
	check_tokens("予", 0, "予@0-3");
	/* Punctuation separates runs; each run ends with its last. */
	check_tokens("予算、公園。", 0, "予算@0-6 算@3-6 公園@9-15 園@12-15");
	check_tokens("予算、公園", 1, "予算@0-6 算@3-6 公園@9-15");
	/* Full-width letters and digits fold to ASCII, lower case. */
	check_tokens("令和７年度 Budget２０２４", 0,
	    "令和@0-6 和@3-6 7@6-9 年度@9-15 度@12-15 budget2024@16-34");
	check_tokens("令和7年", 1, "令和@0-6 和@3-6 7@6-7 年@7-10");
	check_tokens("カタカナー・ひらがな", 0,
	    "カタ@0-6 タカ@3-9 カナ@6-12 ナー@9-15 ー@12-15 ひら@18-24 "
	    "らが@21-27 がな@24-30 な@27-30");
	check_tokens("Tree-planting, 2024!", 0,
	    "tree@0-4 planting@5-13 2024@15-19");
	check_tokens("①、【】「」…", 0, "");
	check_tokens("", 0, "");

	/* What a user types becomes phrases, never FTS5 syntax. */
	check_match("予算", "\"予算\"", "0");
	check_match("予算 公園", "\"予算\" AND \"公園\"", "00");
	check_match("予算\xe3\x80\x80公園", "\"予算\" AND \"公園\"", "00");
	check_match("予", "\"予\" *", "1");
	check_match("令和7年", "\"令和7年\" *", "1");
	check_match("budget*", "\"budget\" *", "0");
	check_match("\"tree planting\"", "\"tree planting\"", "0");
	check_match("a\"b", "\"a\"\"b\"", "0");
	check_match("-foo OR bar NEAR(x)", "\"-foo\" AND \"OR\" AND \"bar\" "
	    "AND \"NEAR(x)\"", "0000");
	check_match("、。 ！", NULL, NULL);
	check_match("", NULL, NULL);

	/* FTS5 with the tokenizer, in memory. */
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    archive_fts5_register(db, &cause) != 0) {
		ok(0, "register the tokenizer: %s", cause ? cause : "");
		return done_testing();
	}
	ok(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(text,"
	    " tokenize = 'giji')", NULL, NULL, NULL) == SQLITE_OK,
	    "an FTS5 table with tokenize = 'giji'");
	sqlite3_prepare_v2(db, "INSERT INTO t (rowid, text) VALUES (?1, ?2)",
	    -1, &st, NULL);
	for (i = 0; texts[i] != NULL; i++) {
		sqlite3_bind_int(st, 1, i + 1);
		sqlite3_bind_text(st, 2, texts[i], -1, SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);

	check_hits(db, "予算", "1 5");			/* not 予定の算出 */
	check_hits(db, "公園", "3 5");
	check_hits(db, "緑化", "1");			/* inside 緑化推進事業 */
	check_hits(db, "化推進", "1");
	check_hits(db, "緑化推進事業の予算", "1");
	check_hits(db, "園", "3 4 5");		/* 公園 ends, 園児 starts */
	check_hits(db, "予", "1 2 5 9");
	check_hits(db, "予算 公園", "5");
	check_hits(db, "予算、公園", "5");		/* 、 in the query too */
	check_hits(db, "予算公園", "");			/* not one word in 5 */
	check_hits(db, "令和7年", "5");			/* ７ folded, 年度 */
	check_hits(db, "令和７年度", "5");
	check_hits(db, "budget", "6");			/* not budgets */
	check_hits(db, "budget*", "6 7");
	check_hits(db, "BUDGET", "6");
	check_hits(db, "\"tree planting\"", "6 8");	/* and ＴＲＥＥ　ＰＬＡＮＴＩＮＧ */
	check_hits(db, "\"planting tree\"", "");
	check_hits(db, "tree approved", "6");
	check_hits(db, "存在しない", "");

	check_marks(db, "予算", 1, "市民緑化推進事業の[予算]について伺います。");
	check_marks(db, "緑化推進", 1, "市民[緑化推進]事業の予算について伺います。");
	check_marks(db, "園", 4, "[園]児の送迎バスについて。");
	check_marks(db, "園", 3, "児童公[園]と公民館の整備。");
	check_marks(db, "予算 公園", 5, "令和７年度の[予算]、[公園]の植栽。");
	check_marks(db, "令和7年", 5, "[令和７年]度の予算、公園の植栽。");
	check_marks(db, "\"tree planting\"", 6,
	    "The budget for [tree planting] was approved.");
	check_marks(db, "budget*", 7, "Two [budgets] were tabled.");
	sqlite3_close(db);
	return done_testing();
}

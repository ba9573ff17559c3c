/* SPDX-License-Identifier: ISC */
/*
 * JSON through SQLite's JSON1 functions. A private in-memory connection,
 * opened on first use, evaluates json_valid, json_extract, json_each,
 * json_patch and json_quote; prepared statements are cached for the
 * life of the process. Opening that connection and preparing its fixed
 * statements fails only when memory runs out (JSON1 is built into every
 * SQLite giji accepts): json_prepare then aborts, as xmalloc does.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "xmalloc.h"

enum {
	Q_VALID,
	Q_MINIFY,
	Q_TYPE,
	Q_GET,
	Q_EACH,
	Q_PATCH,
	Q_QUOTE,
	Q_SET,
	Q_SET_RAW,
	Q_MAX
};

static const char *json_sql[Q_MAX] = {
	[Q_VALID] = "SELECT json_valid(?1)",
	[Q_MINIFY] = "SELECT json(?1)",
	[Q_TYPE] = "SELECT json_type(?1, ?2)",
	[Q_GET] = ("SELECT CASE json_type(?1, ?2)"
	" WHEN 'array' THEN json_extract(?1, ?2)"
	" WHEN 'object' THEN json_extract(?1, ?2)"
	" WHEN 'true' THEN '1' WHEN 'false' THEN '0'"
	" ELSE json_extract(?1, ?2) END"),
	[Q_EACH] = ("SELECT key, CASE type WHEN 'true' THEN '1'"
	" WHEN 'false' THEN '0'"
	" WHEN 'array' THEN json(value) WHEN 'object' THEN json(value)"
	" ELSE value END, type FROM json_each(?1)"),
	[Q_PATCH] = "SELECT json_patch(?1, ?2)",
	[Q_QUOTE] = "SELECT json_quote(?1)",
	[Q_SET] = "SELECT json_set(?1, '$.\"' || replace(?2, '\"', '\\\"') || '\"', ?3)",
	[Q_SET_RAW] = ("SELECT CASE json_valid(?3) WHEN 1 THEN"
	" json_set(?1, '$.\"' || replace(?2, '\"', '\\\"') || '\"',"
	" json(?3)) END"),
};

static sqlite3		*json_db;
static sqlite3_stmt	*json_stmt[Q_MAX];

static sqlite3_stmt *
json_prepare(int q)
{
	if (json_db == NULL) {
		if (sqlite3_open_v2(":memory:", &json_db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
			abort();
	}
	if (json_stmt[q] == NULL) {
		if (sqlite3_prepare_v3(json_db, json_sql[q], -1,
		    SQLITE_PREPARE_PERSISTENT, &json_stmt[q], NULL) != SQLITE_OK)
			abort();
	}
	sqlite3_reset(json_stmt[q]);
	sqlite3_clear_bindings(json_stmt[q]);
	return json_stmt[q];
}

static enum json_kind
json_kind_of(const char *t)
{
	if (t == NULL)
		return JSON_NONE;
	if (strcmp(t, "null") == 0)
		return JSON_NULL;
	if (strcmp(t, "true") == 0)
		return JSON_TRUE;
	if (strcmp(t, "false") == 0)
		return JSON_FALSE;
	if (strcmp(t, "integer") == 0)
		return JSON_INTEGER;
	if (strcmp(t, "real") == 0)
		return JSON_REAL;
	if (strcmp(t, "text") == 0)
		return JSON_TEXT;
	if (strcmp(t, "array") == 0)
		return JSON_ARRAY;
	if (strcmp(t, "object") == 0)
		return JSON_OBJECT;
	return JSON_NONE;
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char	*t = sqlite3_column_text(st, i);
	int			 n = sqlite3_column_bytes(st, i);

	if (t == NULL)
		return NULL;
	return xstrndup((const char *)t, (size_t)n);
}

int
json_valid(const char *s)
{
	sqlite3_stmt	*st;

	if (s == NULL)
		return 0;
	st = json_prepare(Q_VALID);
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	return sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
}

char *
json_minify(const char *s)
{
	sqlite3_stmt	*st;
	char		*r = NULL;

	if (!json_valid(s))
		return NULL;
	st = json_prepare(Q_MINIFY);
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = col_dup(st, 0);
	sqlite3_reset(st);
	return r;
}

enum json_kind
json_kind(const char *json, const char *path)
{
	sqlite3_stmt	*st;
	enum json_kind	 k = JSON_NONE;

	if (json == NULL)
		return JSON_NONE;
	st = json_prepare(Q_TYPE);
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		k = json_kind_of((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return k;
}

char *
json_get(const char *json, const char *path)
{
	sqlite3_stmt	*st;
	char		*r = NULL;

	if (json == NULL)
		return NULL;
	st = json_prepare(Q_GET);
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = col_dup(st, 0);
	sqlite3_reset(st);
	return r;
}

struct json_pair *
json_pairs(const char *object, size_t *n)
{
	sqlite3_stmt		*st;
	struct json_pair	*v = NULL;
	size_t			 cap = 0;

	*n = 0;
	if (object == NULL)
		return NULL;
	st = json_prepare(Q_EACH);
	sqlite3_bind_text(st, 1, object, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[*n].key = col_dup(st, 0);
		if (v[*n].key == NULL)
			v[*n].key = xstrdup("");
		v[*n].value = col_dup(st, 1);
		v[*n].kind = json_kind_of((const char *)sqlite3_column_text(st, 2));
		(*n)++;
	}
	sqlite3_reset(st);
	return v;
}

void
json_pairs_free(struct json_pair *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].value);
	}
	free(v);
}

char **
json_list(const char *array, size_t *n)
{
	struct json_pair	*p;
	char			**v;
	size_t			 i;

	p = json_pairs(array, n);
	if (*n == 0) {
		json_pairs_free(p, 0);
		return NULL;
	}
	v = xreallocarray(NULL, *n, sizeof *v);
	for (i = 0; i < *n; i++) {
		v[i] = p[i].value != NULL ? p[i].value : xstrdup("");
		free(p[i].key);
	}
	free(p);
	return v;
}

void
json_list_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

char *
json_merge(const char *target, const char *patch)
{
	sqlite3_stmt	*st;
	char		*r = NULL;

	st = json_prepare(Q_PATCH);
	sqlite3_bind_text(st, 1, target, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, patch, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = col_dup(st, 0);
	sqlite3_reset(st);
	return r != NULL ? r : xstrdup(target);
}

int
json_escaped_cp(unsigned long cp)
{
	return cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

char *
json_quote_str(const char *s)
{
	static const char	 plain_not[] = "\"\\"
	    "\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017"
	    "\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037";
	sqlite3_stmt		*st;
	char			*r = NULL;
	size_t			 n = strlen(s);

	/*
	 * A string without a quote, a backslash or a control character is
	 * what json_quote returns between quotes: skip the statement.
	 */
	if (strcspn(s, plain_not) == n) {
		r = xmalloc(n + 3);
		r[0] = '"';
		memcpy(r + 1, s, n);
		r[n + 1] = '"';
		r[n + 2] = '\0';
		return r;
	}
	st = json_prepare(Q_QUOTE);
	sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = col_dup(st, 0);
	sqlite3_reset(st);
	return r != NULL ? r : xstrdup("\"\"");
}

static char *
json_set_bound(int q, const char *object, const char *key, sqlite3_stmt **stp)
{
	sqlite3_stmt	*st = json_prepare(q);

	sqlite3_bind_text(st, 1, object, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	*stp = st;
	return NULL;
}

static char *
json_set_run(sqlite3_stmt *st)
{
	char	*r = NULL;

	if (sqlite3_step(st) == SQLITE_ROW)
		r = col_dup(st, 0);
	sqlite3_reset(st);
	return r;
}

char *
json_set_str(const char *object, const char *key, const char *v)
{
	sqlite3_stmt	*st;

	json_set_bound(Q_SET, object, key, &st);
	sqlite3_bind_text(st, 3, v, -1, SQLITE_STATIC);
	return json_set_run(st);
}

char *
json_put_str(char *object, const char *key, const char *v)
{
	char	*s;

	if (v == NULL)
		return object;
	s = json_set_str(object, key, v);
	free(object);
	return s;
}

char *
json_set_int(const char *object, const char *key, long long v)
{
	sqlite3_stmt	*st;

	json_set_bound(Q_SET, object, key, &st);
	sqlite3_bind_int64(st, 3, v);
	return json_set_run(st);
}

char *
json_set_bool(const char *object, const char *key, int v)
{
	return json_set_raw(object, key, v ? "true" : "false");
}

char *
json_set_raw(const char *object, const char *key, const char *raw)
{
	sqlite3_stmt	*st;

	json_set_bound(Q_SET_RAW, object, key, &st);
	sqlite3_bind_text(st, 3, raw, -1, SQLITE_STATIC);
	return json_set_run(st);
}

void
json_shutdown(void)
{
	int	 i;

	for (i = 0; i < Q_MAX; i++) {
		sqlite3_finalize(json_stmt[i]);
		json_stmt[i] = NULL;
	}
	if (json_db != NULL)
		sqlite3_close(json_db);
	json_db = NULL;
}

void
json_buf_str(struct buf *b, const char *s)
{
	char	*q = json_quote_str(s != NULL ? s : "");

	buf_puts(b, q);
	free(q);
}

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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"
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
	Q_FALSE_KEY,
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
	/* json_each decodes a key's escapes; json_extract matches only plain. */
	[Q_FALSE_KEY] = ("SELECT count(*) FROM json_each(?1)"
	" WHERE key = ?2 AND type != 'true'"),
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

int
json_spaced(const char *s)
{
	int	 in_str = 0, esc = 0;

	for (; *s != '\0'; s++) {
		if (esc)
			esc = 0;
		else if (in_str && *s == '\\')
			esc = 1;
		else if (*s == '"')
			in_str = !in_str;
		else if (!in_str && (*s == ' ' || *s == '\t' || *s == '\n' ||
		    *s == '\r'))
			return 1;
	}
	return 0;
}

int
json_not_true(const char *object, const char *key)
{
	sqlite3_stmt	*st;
	int		 n = 1;

	if (object == NULL)
		return 0;
	st = json_prepare(Q_FALSE_KEY);
	sqlite3_bind_text(st, 1, object, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	/* Not read (not JSON, out of memory): not true either. */
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return n > 0;
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

long
json_hex4(const char *s)
{
	long	 v = 0;
	int	 i;

	for (i = 0; i < 4; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			v = v * 16 + (s[i] - '0');
		else if (s[i] >= 'a' && s[i] <= 'f')
			v = v * 16 + (s[i] - 'a' + 10);
		else if (s[i] >= 'A' && s[i] <= 'F')
			v = v * 16 + (s[i] - 'A' + 10);
		else
			return -1;
	}
	return v;
}

int
json_escaped_cp(unsigned long cp)
{
	return cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	    cp == 0x2028 || cp == 0x2029 ||
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

/*
 * JSON allows DEL, the C1 controls and bidi overrides raw inside strings,
 * and a terminal may obey them (U+009B is CSI). Each can be written as its
 * \u escape (json_escaped_cp): the same JSON value, safe to print. Bytes
 * that are not UTF-8 (no giji writes them; another program's file may
 * hold them, and verify --strict says where) are written \ufffd: JSON is
 * UTF-8, and its reader would refuse the line. A line break between
 * tokens (JSON whitespace; another program's payload may hold one) would
 * end the line early and let the rest read as another event: it is
 * written as a space, the same JSON value; a control character inside a
 * string (which no JSON text holds raw) as its \u escape.
 */
void
json_buf_safe(struct buf *b, const char *s)
{
	size_t		 n = strlen(s), off = 0, run = 0, len;
	uint32_t	 cp;
	int		 in_str = 0, esc = 0;

	while (off < n) {
		if ((unsigned char)s[off] < 0x20) {
			buf_add(b, s + run, off - run);
			if (in_str)
				buf_printf(b, "\\u%04x", (unsigned)s[off]);
			else
				buf_putc(b, ' ');
			run = ++off;
			esc = 0;
			continue;
		}
		if ((unsigned char)s[off] < 0x7f) {
			if (esc)
				esc = 0;
			else if (s[off] == '\\' && in_str)
				esc = 1;
			else if (s[off] == '"')
				in_str = !in_str;
			off++;
			continue;
		}
		esc = 0;
		len = utf8_decode(s + off, n - off, &cp);
		if (cp == 0xfffd && (len != 3 || memcmp(s + off, "\xef\xbf\xbd",
		    3) != 0)) {
			buf_add(b, s + run, off - run);
			buf_puts(b, "\\ufffd");
			run = off + len;
		} else if (json_escaped_cp(cp)) {
			buf_add(b, s + run, off - run);
			buf_printf(b, "\\u%04x", (unsigned)cp);
			run = off + len;
		}
		off += len;
	}
	buf_add(b, s + run, n - run);
}

void
json_buf_str(struct buf *b, const char *s)
{
	char	*q = json_quote_str(s != NULL ? s : "");

	json_buf_safe(b, q);
	free(q);
}

/*
 * The members of an object as JSON text, for merging a small patch into a
 * large object (an amend of a long speech's label, a meta.set beside a
 * large style_options) at the cost of the patch, not of the object:
 * json_patch would parse and print the whole object for each patch. The
 * text was validated by SQLite (stored payloads are, on append); only its
 * top level is split here, by its brackets and strings, and each value
 * is handed back to json_patch when both sides are objects.
 */
static const char *
json_skip_ws(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

static const char *
json_skip_string(const char *s)
{
	for (s++; *s != '\0' && *s != '"'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
	}
	return *s == '"' ? s + 1 : s;
}

/* The end of the value at s: the comma or bracket after it. */
static const char *
json_skip_value(const char *s)
{
	int	 depth = 0;

	while (*s != '\0') {
		if (*s == '"') {
			s = json_skip_string(s);
			continue;
		}
		if (*s == '{' || *s == '[')
			depth++;
		else if (*s == '}' || *s == ']') {
			if (depth == 0)
				break;
			depth--;
		} else if (*s == ',' && depth == 0)
			break;
		s++;
	}
	return s;
}

struct json_member *
json_split(const char *object, size_t *n)
{
	struct json_member	*v = NULL;
	const char		*s, *k, *e;
	size_t			 cap = 0;

	*n = 0;
	s = json_skip_ws(object);
	if (*s != '{')
		return NULL;
	for (s = json_skip_ws(s + 1); *s == '"'; s = json_skip_ws(s)) {
		k = s;
		s = json_skip_string(s);
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[*n].key = xstrndup(k, s - k);
		s = json_skip_ws(json_skip_ws(s) + 1);	/* the colon */
		e = json_skip_value(s);
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\n' || e[-1] == '\r'))
			e--;
		v[*n].value = xstrndup(s, e - s);
		(*n)++;
		s = json_skip_ws(e);
		if (*s == ',')
			s++;
	}
	return v;
}

char *
json_join(const struct json_member *v, size_t n)
{
	size_t	 i, len = 2, off;
	char	*r;

	for (i = 0; i < n; i++)
		len += strlen(v[i].key) + strlen(v[i].value) + 2;
	r = xmalloc(len + 1);
	r[0] = '{';
	off = 1;
	for (i = 0; i < n; i++) {
		if (i > 0)
			r[off++] = ',';
		off += strlen(strcpy(r + off, v[i].key));
		r[off++] = ':';
		off += strlen(strcpy(r + off, v[i].value));
	}
	r[off++] = '}';
	r[off] = '\0';
	return r;
}

void
json_members_free(struct json_member *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].value);
	}
	free(v);
}

ssize_t
json_member_find(const struct json_member *v, size_t n, const char *key)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(v[i].key, key) == 0)
			return (ssize_t)i;
	}
	return -1;
}

/* Whether a null stands anywhere in a JSON text (outside its strings). */
static int
json_has_null(const char *s)
{
	while (*s != '\0') {
		if (*s == '"')
			s = json_skip_string(s);
		else if (*s++ == 'n')
			return 1;
	}
	return 0;
}

char *
json_merge_members(const char *target, const char *patch)
{
	struct json_member	*v;
	size_t			 n;
	char			*r;

	v = json_split(target, &n);
	json_members_patch(&v, &n, patch);
	r = json_join(v, n);
	json_members_free(v, n);
	return r;
}

/* A member's place in a list sorted by key, for merging large objects. */
struct json_slot {
	const char	*key;
	size_t		 i;
};

static int
json_slot_cmp(const void *a, const void *b)
{
	const struct json_slot	*x = a, *y = b;
	int			 c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

static struct json_slot *
json_slots(const struct json_member *v, size_t n)
{
	struct json_slot	*sl;
	size_t			 i;

	sl = xreallocarray(NULL, n + 1, sizeof *sl);
	for (i = 0; i < n; i++) {
		sl[i].key = v[i].key;
		sl[i].i = i;
	}
	qsort(sl, n, sizeof *sl, json_slot_cmp);
	return sl;
}

static ssize_t
json_slot_find(const struct json_slot *sl, size_t n, const char *key)
{
	size_t	 lo = 0, hi = n, mid;
	int	 c;

	/* The first of equal keys: the one json_extract reads. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(sl[mid].key, key)) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(sl[lo].key, key) == 0 ? (ssize_t)sl[lo].i : -1;
}


ssize_t *
json_members_find_all(const struct json_member *v, size_t n,
    const struct json_member *keys, size_t nkeys)
{
	struct json_slot	*sl = NULL;
	ssize_t			*r;
	size_t			 i;

	/* A few keys: a linear search each; many: one sort. */
	r = xreallocarray(NULL, nkeys + 1, sizeof *r);
	if (nkeys > 8)
		sl = json_slots(v, n);
	for (i = 0; i < nkeys; i++)
		r[i] = sl != NULL ? json_slot_find(sl, n, keys[i].key) :
		    json_member_find(v, n, keys[i].key);
	free(sl);
	return r;
}

/*
 * RFC 7396 on split members. Keys are looked up in sorted lists, so a
 * merge costs (n + k) log n for an object of n members and a patch of k,
 * where json_patch costs n × k (two objects of 100,000 keys: hours).
 */
void
json_members_patch(struct json_member **vp, size_t *np, const char *patch)
{
	struct json_member	*p, *v = *vp;
	size_t			 pn, i, n = *np;
	ssize_t			*at, *first, j;
	char			*merged;

	p = json_split(patch, &pn);
	at = json_members_find_all(v, n, p, pn);
	first = json_members_find_all(p, pn, p, pn);
	for (i = 0; i < pn; i++) {
		/* A key the patch repeats: its first value only. */
		if (first[i] != (ssize_t)i)
			continue;
		j = at[i];
		if (strcmp(p[i].value, "null") == 0) {
			if (j >= 0) {
				free(v[j].value);
				v[j].value = NULL;	/* removed below */
			}
			continue;
		}
		/*
		 * An object merges into an object; into anything else it is
		 * merged into {}, which only drops its nulls.
		 */
		if (p[i].value[0] == '{' && j >= 0 && v[j].value != NULL &&
		    v[j].value[0] == '{')
			merged = json_merge_members(v[j].value, p[i].value);
		else if (p[i].value[0] == '{' && json_has_null(p[i].value))
			merged = json_merge_members("{}", p[i].value);
		else
			merged = xstrdup(p[i].value);
		if (j >= 0) {
			free(v[j].value);
			v[j].value = merged;
			continue;
		}
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n].key = xstrdup(p[i].key);
		v[n++].value = merged;
	}
	free(at);
	free(first);
	json_members_free(p, pn);
	/* Drop the members a null removed, keeping the order. */
	for (i = j = 0; i < n; i++) {
		if (v[i].value == NULL) {
			free(v[i].key);
			continue;
		}
		v[j++] = v[i];
	}
	*vp = v;
	*np = (size_t)j;
}


/* SPDX-License-Identifier: ISC */
/*
 * JSON through SQLite's JSON functions (json_valid, json_extract,
 * json_each, json_patch, json_quote, json_object): a private in-memory
 * connection does the work, so giji has no hand-written JSON parser (the
 * one exception, the verifier's check of five fields in core/log-chain.c,
 * hands SQLite every payload it is not sure of).
 */
#ifndef GIJI_JSON_H
#define GIJI_JSON_H

#include <stddef.h>
#include <sys/types.h>

enum json_kind {
	JSON_NONE,	/* the path is absent */
	JSON_NULL,
	JSON_TRUE,
	JSON_FALSE,
	JSON_INTEGER,
	JSON_REAL,
	JSON_TEXT,
	JSON_ARRAY,
	JSON_OBJECT
};

int		 json_valid(const char *);
/* Minified form of a valid JSON text; NULL when invalid. */
char		*json_minify(const char *);
/* Kind of the value at path ("$.field"). */
enum json_kind	 json_kind(const char *json, const char *path);
/*
 * Value at path as text: strings unquoted, numbers and booleans as SQLite
 * prints them (true → "1"), arrays and objects as minified JSON. NULL when
 * absent or null. Caller frees.
 */
char		*json_get(const char *json, const char *path);
/*
 * Whether a top-level key of object, its escapes read (\u0070ublic is
 * public), holds anything but true, in any of its copies: a flag that
 * fails closed (a string "false", a duplicate key, an escaped one).
 */
int		 json_not_true(const char *object, const char *key);
/* Whether a JSON text has whitespace between its tokens (giji's has none). */
int		 json_spaced(const char *);
/* Top-level keys and values of an object, in order; values as json_get. */
struct json_pair {
	char		*key;
	char		*value;		/* NULL for JSON null */
	enum json_kind	 kind;
};
struct json_pair *json_pairs(const char *object, size_t *n);
void		 json_pairs_free(struct json_pair *, size_t);
/*
 * The top-level members of an object, key and value as JSON text (the key
 * quoted), in order; for merging small patches into a large object.
 */
struct json_member {
	char		*key;
	char		*value;
};
struct json_member *json_split(const char *object, size_t *n);
char		*json_join(const struct json_member *, size_t);
void		 json_members_free(struct json_member *, size_t);
ssize_t		 json_member_find(const struct json_member *, size_t,
		    const char *key);
/* Where each of keys' keys stands among the members (-1: absent). */
ssize_t		*json_members_find_all(const struct json_member *, size_t,
		    const struct json_member *keys, size_t nkeys);
/* json_merge's result, member by member (for large objects). */
char		*json_merge_members(const char *target, const char *patch);
/* RFC 7396 merge of patch (an object) into the members, member by member. */
void		 json_members_patch(struct json_member **, size_t *,
		    const char *patch);
/* Elements of an array (strings unquoted; others as JSON text). */
char		**json_list(const char *array, size_t *n);
void		 json_list_free(char **, size_t);
/* RFC 7396 merge patch of patch into target (json_patch). */
char		*json_merge(const char *target, const char *patch);
/* A JSON string literal for s (json_quote). */
char		*json_quote_str(const char *s);
/*
 * JSON text s appended to b safe to print and one line: what a terminal
 * may obey (json_escaped_cp) as its \u escape, bytes that are not UTF-8
 * as \ufffd, a line break between tokens as a space (json_buf_safe);
 * the same for a string, quoted (NULL: the empty string): the documents
 * giji writes (giji log --json, giji stats --json, the JSON minutes).
 */
struct buf;
void		 json_buf_safe(struct buf *, const char *s);
void		 json_buf_str(struct buf *, const char *s);
/*
 * The characters JSON allows raw in strings that a terminal may obey: DEL,
 * the C1 controls, the bidi embeddings, overrides and isolates, the line
 * and paragraph separators (U+2028, U+2029: a line break to some). giji log
 * --json writes them as \u escapes; giji import turns exactly those back.
 */
int		 json_escaped_cp(unsigned long cp);
/* The value of the four hex digits of a \u escape at s, or -1. */
long		 json_hex4(const char *s);
/*
 * Builders: a copy of object with key set to a string, an integer, a
 * boolean or a raw JSON value (json_set). NULL when raw is not JSON.
 */
char		*json_set_str(const char *object, const char *key, const char *v);
char		*json_set_int(const char *object, const char *key, long long v);
char		*json_set_bool(const char *object, const char *key, int v);
char		*json_set_raw(const char *object, const char *key, const char *raw);
/*
 * Builders' chaining form: object (allocated, taken) with key set to v,
 * or object itself when v is NULL (an optional field left out).
 */
char		*json_put_str(char *object, const char *key, const char *v);
/* Close the private connection (tests and leak checkers). */
void		 json_shutdown(void);

#endif

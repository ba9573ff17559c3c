/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the member-wise merge of core/json.c (json_split,
 * json_join, json_members_patch): the same result as SQLite's json_patch
 * (RFC 7396) on table cases and on random objects and patches, nested
 * objects, nulls, arrays, strings holding brackets, quotes and escapes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
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

int
main(void)
{
	char	 t[4096], p[4096], what[64];
	int	 i;

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

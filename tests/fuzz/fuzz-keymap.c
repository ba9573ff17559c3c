/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer: the keymap parser (core/keymap.c) on random text, with a
 * lookup that knows a few actions, one of which takes an argument.
 * Invariants: the return value is the number of problems added; each
 * problem is "file:line:col: ..."; every binding made can be looked up.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "xmalloc.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n",	\
	__FILE__, __LINE__, #c); abort(); } } while (0)

static int
find(const char *name, const char *arg, unsigned *contexts, char **problem,
    void *cbarg)
{
	static const char *names[] = { "quit", "record", "vote.yes", "insert",
	    "help" };
	size_t	 i;

	(void)cbarg;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i]) != 0)
			continue;
		if (i == 3 && arg == NULL) {
			*problem = xstrdup("insert needs text");
			return -2;
		}
		if (i != 3 && arg != NULL) {
			*problem = xasprintf("%s takes no argument", name);
			return -2;
		}
		*contexts = i == 2 ? KEYMAP_BIT(KEYMAP_VOTE) :
		    (1u << KEYMAP_NCONTEXTS) - 1;
		return (int)i;
	}
	*problem = xasprintf("unknown action '%s'", name);
	return -1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keymap	*km = keymap_new();
	char		**causes = NULL;
	size_t		 ncauses = 0, n, i, c;

	n = keymap_parse(km, "fuzz.keymap", (const char *)data, size, find,
	    NULL, &causes, &ncauses);
	CHECK(n == ncauses);
	for (i = 0; i < ncauses; i++)
		CHECK(causes[i] != NULL &&
		    strncmp(causes[i], "fuzz.keymap:", 12) == 0);
	for (c = 0; c < KEYMAP_NCONTEXTS; c++) {
		for (i = 0; i < km->n[c]; i++) {
			const struct keymap_binding *b = keymap_lookup(km,
			    (enum keymap_context)c, km->b[c][i].key);

			CHECK(b != NULL && b->action >= 0 && b->action < 5);
		}
	}
	/* A second parse on top (user file after the defaults). */
	n = keymap_parse(km, "fuzz.keymap", (const char *)data, size, find,
	    NULL, &causes, &ncauses);
	CHECK(2 * n == ncauses);
	keymap_causes_free(&causes, &ncauses);
	keymap_free(&km);
	return 0;
}

/* SPDX-License-Identifier: ISC */
/*
 * Keymaps: which action a key runs in each context. One parser reads the
 * shipped default (compiled in and in keymaps/default.keymap) and user
 * files alike. A file is lines of
 *
 *	bind CONTEXT KEY ACTION [ARG]
 *	unbind CONTEXT KEY
 *	# comment
 *
 * Action names are not known here: the caller passes a lookup function
 * (the TUI's action table), so this module builds and tests without
 * curses. Problems are collected, not stopped at, as "file:line:col:
 * problem" strings the caller frees (keymap_causes_free).
 */
#ifndef GIJI_KEYMAP_H
#define GIJI_KEYMAP_H

#include <stddef.h>

#include "key-string.h"

enum keymap_context {
	KEYMAP_GLOBAL,
	KEYMAP_AGENDA,
	KEYMAP_LOG,
	KEYMAP_INPUT,
	KEYMAP_VOTE,
	KEYMAP_NCONTEXTS
};
#define KEYMAP_BIT(ctx)	(1u << (ctx))

const char	*keymap_context_name(enum keymap_context);
/* The context for a name, or -1. */
int		 keymap_context_find(const char *);

struct keymap_binding {
	key_code	 key;
	int		 action;	/* index given by the lookup function */
	char		*arg;		/* NULL when none */
};

struct keymap {
	struct keymap_binding	*b[KEYMAP_NCONTEXTS];
	size_t			 n[KEYMAP_NCONTEXTS];
};

/*
 * The action lookup: returns the action's index and its allowed contexts
 * (KEYMAP_BIT mask); -1 with *problem set (allocated) when the name is
 * unknown; -2 with *problem set when the argument is wrong for it.
 */
typedef int (*keymap_find_cb)(const char *name, const char *arg,
    unsigned *contexts, char **problem, void *cbarg);

struct keymap	*keymap_new(void);
void		 keymap_free(struct keymap **);
void		 keymap_clear(struct keymap *);
/* Bind (replacing any binding of key in ctx); arg is copied. */
void		 keymap_bind(struct keymap *, enum keymap_context, key_code,
		     int action, const char *arg);
/* Returns 1 when a binding was removed. */
int		 keymap_unbind(struct keymap *, enum keymap_context, key_code);
const struct keymap_binding *keymap_lookup(const struct keymap *,
		     enum keymap_context, key_code);

/*
 * Parse text (len bytes) named file into km. Each problem appends one
 * "file:line:col: problem" to *causes (*ncauses grows). Returns the
 * number of problems found in this text.
 */
size_t		 keymap_parse(struct keymap *, const char *file,
		     const char *text, size_t len, keymap_find_cb, void *cbarg,
		     char ***causes, size_t *ncauses);
/* The same for a file; an unreadable file is one problem. */
size_t		 keymap_load(struct keymap *, const char *path,
		     keymap_find_cb, void *cbarg, char ***causes,
		     size_t *ncauses);
void		 keymap_causes_free(char ***causes, size_t *ncauses);

/*
 * The keys bound to an action, as key files spell them, with the context
 * before those not global: "F1, log:?" (allocated, "" when none).
 */
char		*keymap_keys(const struct keymap *, int action);

#endif

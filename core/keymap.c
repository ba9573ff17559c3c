/* SPDX-License-Identifier: ISC */
/*
 * Keymaps: per-context binding lists and their file parser. A keymap owns
 * its bindings and their argument strings. The parser never stops at the
 * first problem: every bad line is reported with its line and column
 * (tmux cfg_add_cause()), and the good lines still take effect.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "keymap.h"
#include "xmalloc.h"

static const char *keymap_context_names[KEYMAP_NCONTEXTS] = {
	"global", "agenda", "log", "input", "vote"
};

const char *
keymap_context_name(enum keymap_context ctx)
{
	if ((int)ctx < 0 || ctx >= KEYMAP_NCONTEXTS)
		return "?";
	return keymap_context_names[ctx];
}

int
keymap_context_find(const char *name)
{
	int	 i;

	for (i = 0; i < KEYMAP_NCONTEXTS; i++) {
		if (strcmp(name, keymap_context_names[i]) == 0)
			return i;
	}
	return -1;
}

struct keymap *
keymap_new(void)
{
	return xcalloc(1, sizeof (struct keymap));
}

void
keymap_clear(struct keymap *km)
{
	size_t	 i;
	int	 c;

	for (c = 0; c < KEYMAP_NCONTEXTS; c++) {
		for (i = 0; i < km->n[c]; i++)
			free(km->b[c][i].arg);
		free(km->b[c]);
		km->b[c] = NULL;
		km->n[c] = 0;
	}
}

void
keymap_free(struct keymap **kmp)
{
	if (*kmp == NULL)
		return;
	keymap_clear(*kmp);
	free(*kmp);
	*kmp = NULL;
}

static struct keymap_binding *
keymap_find(const struct keymap *km, enum keymap_context ctx, key_code key)
{
	size_t	 i;

	for (i = 0; i < km->n[ctx]; i++) {
		if (km->b[ctx][i].key == key)
			return &km->b[ctx][i];
	}
	return NULL;
}

void
keymap_bind(struct keymap *km, enum keymap_context ctx, key_code key,
    int action, const char *arg)
{
	struct keymap_binding	*b;

	if ((b = keymap_find(km, ctx, key)) == NULL) {
		km->b[ctx] = xreallocarray(km->b[ctx], km->n[ctx] + 1,
		    sizeof *km->b[ctx]);
		b = &km->b[ctx][km->n[ctx]++];
		b->key = key;
	} else
		free(b->arg);
	b->action = action;
	b->arg = arg != NULL ? xstrdup(arg) : NULL;
}

int
keymap_unbind(struct keymap *km, enum keymap_context ctx, key_code key)
{
	struct keymap_binding	*b;
	size_t			 i;

	if ((b = keymap_find(km, ctx, key)) == NULL)
		return 0;
	i = b - km->b[ctx];
	free(b->arg);
	memmove(b, b + 1, (km->n[ctx] - i - 1) * sizeof *b);
	km->n[ctx]--;
	return 1;
}

const struct keymap_binding *
keymap_lookup(const struct keymap *km, enum keymap_context ctx, key_code key)
{
	return keymap_find(km, ctx, key);
}

static void
keymap_cause(char ***causes, size_t *ncauses, const char *file, size_t line,
    size_t col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void
keymap_cause(char ***causes, size_t *ncauses, const char *file, size_t line,
    size_t col, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	*causes = xreallocarray(*causes, *ncauses + 1, sizeof **causes);
	(*causes)[(*ncauses)++] = xasprintf("%s:%zu:%zu: %s", file, line, col,
	    msg);
	free(msg);
}

void
keymap_causes_free(char ***causes, size_t *ncauses)
{
	size_t	 i;

	for (i = 0; i < *ncauses; i++)
		free((*causes)[i]);
	free(*causes);
	*causes = NULL;
	*ncauses = 0;
}

#define KEYMAP_MAXTOK 6

struct keymap_token {
	char	*s;
	size_t	 col;		/* 1-based byte column */
};

/*
 * Split a line into whitespace-separated words; a word may be quoted
 * with "…" or '…' (to bind # or a key with a space in it). Returns the
 * number of words, or -1 for an unterminated quote (*badcol set).
 */
static int
keymap_split(char *line, struct keymap_token *tok, int max, size_t *badcol)
{
	char	*p = line, *out;
	char	 q;
	int	 n = 0;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\0')
			return n;
		if (n == max)
			return n + 1;
		tok[n].col = (size_t)(p - line) + 1;
		if (*p == '"' || *p == '\'') {
			q = *p++;
			tok[n].s = p;
			out = p;
			while (*p != '\0' && *p != q)
				*out++ = *p++;
			if (*p != q) {
				*badcol = tok[n].col;
				return -1;
			}
			p++;
			*out = '\0';
			if (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r') {
				/* "abc"def: treat the rest as a new word. */
				n++;
				continue;
			}
		} else {
			tok[n].s = p;
			while (*p != '\0' && *p != ' ' && *p != '\t' &&
			    *p != '\r')
				p++;
		}
		if (*p != '\0')
			*p++ = '\0';
		n++;
	}
}

static void
keymap_line(struct keymap *km, const char *file, size_t lineno, char *line,
    keymap_find_cb find, void *cbarg, char ***causes, size_t *ncauses,
    size_t *nerr)
{
	struct keymap_token	 tok[KEYMAP_MAXTOK];
	size_t			 badcol = 0;
	int			 n, ctx, action, unbind;
	key_code		 key;
	unsigned		 contexts = 0;
	char			*problem = NULL;

#define CAUSE(col, ...) do {						\
	keymap_cause(causes, ncauses, file, lineno, (col), __VA_ARGS__); \
	(*nerr)++;							\
} while (0)

	n = keymap_split(line, tok, KEYMAP_MAXTOK, &badcol);
	if (n < 0) {
		CAUSE(badcol, _("unterminated quote"));
		return;
	}
	if (n == 0 || tok[0].s[0] == '#')
		return;
	if (strcmp(tok[0].s, "bind") == 0)
		unbind = 0;
	else if (strcmp(tok[0].s, "unbind") == 0)
		unbind = 1;
	else {
		CAUSE(tok[0].col, _("unknown command '%s' (expected bind or "
		    "unbind)"), tok[0].s);
		return;
	}
	if (n < 2) {
		CAUSE(tok[0].col + strlen(tok[0].s), _("%s: missing context "
		    "(global, agenda, log, input or vote)"), tok[0].s);
		return;
	}
	if ((ctx = keymap_context_find(tok[1].s)) < 0) {
		CAUSE(tok[1].col, _("unknown context '%s' (expected global, "
		    "agenda, log, input or vote)"), tok[1].s);
		return;
	}
	if (n < 3) {
		CAUSE(tok[1].col + strlen(tok[1].s), _("%s: missing key"),
		    tok[0].s);
		return;
	}
	if ((key = key_string_lookup_string(tok[2].s)) == KEYC_NONE) {
		CAUSE(tok[2].col, _("unknown key '%s' (key names are like a, "
		    "C-x, M-x, F1, Enter, Space, PageUp)"), tok[2].s);
		return;
	}
	if (unbind) {
		if (n > 3)
			CAUSE(tok[3].col, _("unbind: unexpected '%s' after the "
			    "key"), tok[3].s);
		else
			keymap_unbind(km, ctx, key);
		return;
	}
	if (n < 4) {
		CAUSE(tok[2].col + strlen(tok[2].s), _("bind: missing action "
		    "(giji --list-actions lists them)"));
		return;
	}
	if (n > 5) {
		CAUSE(tok[5].col, _("bind: unexpected '%s' after the "
		    "argument"), tok[5].s);
		return;
	}
	action = find(tok[3].s, n == 5 ? tok[4].s : NULL, &contexts, &problem,
	    cbarg);
	if (action == -1) {
		CAUSE(tok[3].col, "%s", problem != NULL ? problem :
		    _("unknown action"));
		free(problem);
		return;
	}
	if (action < 0) {
		CAUSE(n == 5 ? tok[4].col : tok[3].col, "%s",
		    problem != NULL ? problem : _("bad argument"));
		free(problem);
		return;
	}
	free(problem);
	if (!(contexts & KEYMAP_BIT(ctx))) {
		CAUSE(tok[3].col, _("action %s cannot be bound in context %s"),
		    tok[3].s, tok[1].s);
		return;
	}
	keymap_bind(km, ctx, key, action, n == 5 ? tok[4].s : NULL);
#undef CAUSE
}

size_t
keymap_parse(struct keymap *km, const char *file, const char *text,
    size_t len, keymap_find_cb find, void *cbarg, char ***causes,
    size_t *ncauses)
{
	const char	*p = text, *end = text + len, *nl;
	char		*line;
	size_t		 lineno = 0, nerr = 0;

	while (p < end) {
		lineno++;
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		line = xstrndup(p, nl - p);
		if (strlen(line) != (size_t)(nl - p)) {
			keymap_cause(causes, ncauses, file, lineno,
			    strlen(line) + 1, _("NUL byte in the line"));
			nerr++;
		} else
			keymap_line(km, file, lineno, line, find, cbarg, causes,
			    ncauses, &nerr);
		free(line);
		p = nl + 1;
	}
	return nerr;
}

size_t
keymap_load(struct keymap *km, const char *path, keymap_find_cb find,
    void *cbarg, char ***causes, size_t *ncauses)
{
	FILE		*f;
	struct buf	 b;
	char		 chunk[4096];
	size_t		 n, nerr;

	if ((f = fopen(path, "r")) == NULL) {
		keymap_cause(causes, ncauses, path, 0, 0, _("cannot open: %s"),
		    strerror(errno));
		return 1;
	}
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		keymap_cause(causes, ncauses, path, 0, 0, _("cannot read: %s"),
		    strerror(errno));
		fclose(f);
		buf_free(&b);
		return 1;
	}
	fclose(f);
	nerr = keymap_parse(km, path, b.s != NULL ? b.s : "", b.len, find,
	    cbarg, causes, ncauses);
	buf_free(&b);
	return nerr;
}

char *
keymap_keys(const struct keymap *km, int action)
{
	struct buf	 b;
	size_t		 i;
	int		 c;

	buf_init(&b);
	for (c = 0; c < KEYMAP_NCONTEXTS; c++) {
		for (i = 0; i < km->n[c]; i++) {
			if (km->b[c][i].action != action)
				continue;
			if (b.len > 0)
				buf_puts(&b, ", ");
			if (c != KEYMAP_GLOBAL)
				buf_printf(&b, "%s:", keymap_context_name(c));
			buf_puts(&b, key_string_lookup_key(km->b[c][i].key));
			if (km->b[c][i].arg != NULL)
				buf_printf(&b, "(%s)", km->b[c][i].arg);
		}
	}
	if (b.s == NULL)
		buf_puts(&b, "");
	return buf_detach(&b);
}

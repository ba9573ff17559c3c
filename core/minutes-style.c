/* SPDX-License-Identifier: ISC */
/*
 * Minutes styles: finding a style file, reading it over the built-in base
 * style, checking every key and template against the catalogue
 * (minutes-keys.h, minutes-vars.c), and the view the builder reads for one
 * language, label mode and set of options.
 *
 * A style is data. Its templates can only print the values the builder
 * hands them; they cannot read files, run commands or reach the
 * environment, and every format escapes what they print.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "i18n.h"
#include "minutes-build.h"
#include "minutes.h"
#include "nearest.h"
#include "style.h"
#include "utf8.h"
#include "xmalloc.h"

const struct mkey_def mkey_defs[K_COUNT] = {
#define MKEY_ROW(id, sec, key, type, ctx, values, help)			\
	{ sec, key, type, ctx, values, help },
	MINUTES_KEYS(MKEY_ROW)
#undef MKEY_ROW
};

/* Sections whose keys are free: macros and words. */
#define SEC_DEFINE	"define"
#define SEC_WORDS	"words"

/* ------------------------------------------------------------ shipped */

static const char *
shipped_text(const char *name)
{
	const struct shipped_style	*s;

	for (s = shipped_styles; s->name != NULL; s++) {
		if (strcmp(s->name, name) == 0)
			return s->text;
	}
	return NULL;
}

/* ------------------------------------------------------------ lookup */

/* An argument holding a / or ending in .style is a path. */
int
minutes_style_is_path(const char *arg)
{
	size_t	 n = strlen(arg);

	return strchr(arg, '/') != NULL || (n > 6 &&
	    strcmp(arg + n - 6, ".style") == 0);
}

int
minutes_style_meta_ok(const char *arg, char **cause)
{
	struct stat	 sb;
	size_t		 n = strlen(arg);
	char		*clean;

	*cause = NULL;
	if (minutes_style_is_path(arg) && lstat(arg, &sb) == 0 &&
	    S_ISLNK(sb.st_mode)) {
		clean = utf8_sanitize(arg, 0);
		*cause = xasprintf(_("the meeting names the style '%s', a "
		    "link: a meeting names a style file itself, not a link to "
		    "one (give a link with --style)"), clean);
		free(clean);
		return -1;
	}
	if (strchr(arg, '/') == NULL || (n > 6 &&
	    strcmp(arg + n - 6, ".style") == 0))
		return 0;
	clean = utf8_sanitize(arg, 0);
	*cause = xasprintf(_("the meeting names the style '%s', a path to a "
	    "file that is not a .style file: a meeting names a style, or a "
	    "NAME.style file (give another with --style)"), clean);
	free(clean);
	return -1;
}

static int
is_file(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * The folders searched for NAME.style, in order: $XDG_CONFIG_HOME/giji/
 * styles (default ~/.config), each of $XDG_CONFIG_DIRS (default /etc/xdg)
 * with giji/styles. The shipped styles come after them.
 */
char **
minutes_style_dirs(size_t *n)
{
	const char	*home = getenv("HOME"), *ch = getenv("XDG_CONFIG_HOME");
	const char	*cd = getenv("XDG_CONFIG_DIRS"), *p, *e;
	char		**dirs = NULL;
	size_t		 k = 0;

	dirs = xreallocarray(dirs, k + 1, sizeof *dirs);
	if (ch != NULL && *ch == '/')
		dirs[k++] = xasprintf("%s/giji/styles", ch);
	else if (home != NULL && *home != '\0')
		dirs[k++] = xasprintf("%s/.config/giji/styles", home);
	if (cd == NULL || *cd == '\0')
		cd = "/etc/xdg";
	for (p = cd; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = p + strcspn(p, ":");
		if (e > p && *p == '/') {
			dirs = xreallocarray(dirs, k + 1, sizeof *dirs);
			dirs[k++] = xasprintf("%.*s/giji/styles", (int)(e - p),
			    p);
		}
	}
	*n = k;
	return dirs;
}

static void
free_dirs(char **dirs, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
}

/* ---------------------------------------------------------- checking */

struct loader {
	struct mstyle		*st;
	struct style_errors	*errs;
	struct style_file	*f;		/* the file being checked */
	size_t			 isec;
	const struct mentry	*cur;		/* for template errors */
};

static const struct mkey_def *
key_def(const char *section, const char *key, int *id)
{
	int	 k;

	for (k = 0; k < K_COUNT; k++) {
		if (strcmp(mkey_defs[k].section, section) == 0 &&
		    strcmp(mkey_defs[k].key, key) == 0) {
			*id = k;
			return &mkey_defs[k];
		}
	}
	*id = -1;
	return NULL;
}

static int
section_known(const char *name)
{
	int	 k;

	if (strcmp(name, SEC_DEFINE) == 0 || strcmp(name, SEC_WORDS) == 0)
		return 1;
	for (k = 0; k < K_COUNT; k++) {
		if (strcmp(mkey_defs[k].section, name) == 0)
			return 1;
	}
	return 0;
}

/* A known name near enough to s to be a slip, or NULL. */
static const char *
nearest(const char *s, const char *const *names, size_t n)
{
	return name_nearest(s, names, n, 2 + strlen(s) / 4);
}

static const char *
nearest_section(const char *s)
{
	const char	*names[K_COUNT + 2];
	size_t		 n = 0;
	int		 k;

	names[n++] = SEC_DEFINE;
	names[n++] = SEC_WORDS;
	for (k = 0; k < K_COUNT; k++) {
		if (k == 0 || strcmp(mkey_defs[k].section,
		    mkey_defs[k - 1].section) != 0)
			names[n++] = mkey_defs[k].section;
	}
	return nearest(s, names, n);
}

static const char *
nearest_key(const char *section, const char *s)
{
	const char	*names[K_COUNT];
	size_t		 n = 0;
	int		 k;

	for (k = 0; k < K_COUNT; k++) {
		if (strcmp(mkey_defs[k].section, section) == 0)
			names[n++] = mkey_defs[k].key;
	}
	return nearest(s, names, n);
}

static void
template_error(void *arg, const struct tpl *where, size_t off,
    const char *msg)
{
	struct loader		*l = arg;
	const struct mstyle	*st = l->st;
	const struct mentry	*e = l->cur;
	size_t			 i, k;

	/* The error may be in a macro the template uses. */
	for (i = 0; i < st->nentries; i++) {
		const struct mentry *me = &st->entries[i];

		if (me->t == where) {
			e = me;
			off += me->toff;
			break;
		}
		for (k = 0; k < 3; k++) {
			if (me->t2[k] == where) {
				e = me;
				off += me->t2off[k];
				break;
			}
		}
		if (k < 3)
			break;
	}
	style_error(l->errs, e->file->path, style_entry_pos(e->e, off),
	    "%s", msg);
}

static const struct tpl *
check_macro(void *arg, const char *name, size_t len)
{
	return mstyle_macro(((struct loader *)arg)->st, name, len);
}

static enum tval_type
check_type(void *arg, int ctx, const char *name, size_t len, int *elem)
{
	struct loader	*l = arg;
	size_t		 k;

	/* option.NAME must name an option the style declares. */
	if (len > 7 && memcmp(name, "option.", 7) == 0) {
		for (k = 0; k < l->st->noptions; k++) {
			if (strlen(l->st->options[k].name) == len - 7 &&
			    memcmp(l->st->options[k].name, name + 7,
			    len - 7) == 0)
				return TVAL_TEXT;
		}
		return TVAL_NONE;
	}
	return mnames_type((enum mctx)ctx, name, len, elem);
}

static char *
check_nearest(void *arg, int ctx, const char *name, size_t len)
{
	(void)arg;
	return mnames_nearest((enum mctx)ctx, name, len);
}

/* Split "a | b | c" at unescaped " | "-free bars; returns the count. */
static size_t
split_cells(const char *s, size_t len, size_t *starts, size_t *lens,
    size_t max)
{
	size_t	 n = 0, i, start = 0;

	for (i = 0; i <= len && n < max; i++) {
		if (i < len && s[i] == '#' && i + 1 < len) {
			i++;
			continue;
		}
		if (i == len || s[i] == '|') {
			size_t a = start, b = i;

			/* Nested #{…|…} keeps its bar. */
			if (i < len) {
				size_t depth = 0, j;

				for (j = start; j < i; j++) {
					if (s[j] == '#' && j + 1 < i &&
					    s[j + 1] == '{') {
						depth++;
						j++;
					} else if (s[j] == '}' && depth > 0)
						depth--;
				}
				if (depth > 0)
					continue;
			}
			while (a < b && s[a] == ' ')
				a++;
			while (b > a && s[b - 1] == ' ')
				b--;
			starts[n] = a;
			lens[n] = b - a;
			n++;
			start = i + 1;
		}
	}
	return n;
}

static struct tpl *
compile(struct loader *l, const struct style_entry *se, size_t off,
    size_t len)
{
	struct tpl_error	 err;
	struct tpl		*t;

	if ((t = tpl_compile(se->value + off, len, &err)) == NULL) {
		style_error(l->errs, l->f->path, style_entry_pos(se,
		    off + err.offset), "%s", err.msg);
		free(err.msg);
	}
	return t;
}

/* Read one entry of a known section into a compiled mentry. */
static void
load_entry(struct loader *l, const struct style_section *sec,
    const struct style_entry *se)
{
	struct mstyle		*st = l->st;
	struct mentry		*me;
	const struct mkey_def	*kd = NULL;
	const char		*near, *p, *e;
	size_t			 starts[4], lens[4], n, k, vl;
	int			 id = -1, free_key = 0;

	if (strcmp(sec->name, SEC_DEFINE) == 0 ||
	    strcmp(sec->name, SEC_WORDS) == 0)
		free_key = 1;
	else if ((kd = key_def(sec->name, se->key, &id)) == NULL) {
		near = nearest_key(sec->name, se->key);
		if (near != NULL)
			style_error(l->errs, l->f->path, se->key_pos,
			    "unknown key '%s' in [%s] (did you mean '%s'?)",
			    se->key, sec->name, near);
		else
			style_error(l->errs, l->f->path, se->key_pos,
			    "unknown key '%s' in [%s]", se->key, sec->name);
		return;
	}
	if (strcmp(sec->name, SEC_DEFINE) == 0 && se->key[0] != '\0') {
		int	 elem;

		if (mnames_type(C_DOC, se->key, strlen(se->key), &elem) !=
		    TVAL_NONE || strchr(se->key, '.') != NULL) {
			style_error(l->errs, l->f->path, se->key_pos, "'%s' "
			    "cannot be a macro: it is a name of its own, or "
			    "has a dot", se->key);
			return;
		}
	}
	st->entries = xreallocarray(st->entries, st->nentries + 1,
	    sizeof *st->entries);
	me = &st->entries[st->nentries++];
	memset(me, 0, sizeof *me);
	me->e = se;
	me->file = l->f;
	me->key = id;
	me->section = l->isec;
	if (free_key) {
		me->t = compile(l, se, 0, se->len);
		return;
	}
	switch (kd->type) {
	case SK_TEMPLATE:
		me->t = compile(l, se, 0, se->len);
		/* A level written out must be one. */
		if (me->t != NULL && strstr(se->key, "level") != NULL &&
		    tpl_literal(me->t) != NULL && se->len > 0 &&
		    !(se->len == 1 && se->value[0] >= '1' &&
		    se->value[0] <= '3'))
			style_error(l->errs, l->f->path, style_entry_pos(se, 0),
			    "[%s] %s: a level is 1, 2 or 3", sec->name,
			    se->key);
		break;
	case SK_LINE:
		if (id == K_H_ROW || id == K_H_ROW_IF) {
			n = split_cells(se->value, se->len, starts, lens, 4);
			if (n != 2 && n != 4) {
				style_error(l->errs, l->f->path, se->key_pos,
				    "a row is LABEL | VALUE or LABEL | VALUE "
				    "| LABEL | VALUE");
				break;
			}
			me->t = compile(l, se, starts[0], lens[0]);
			me->toff = starts[0];
			for (k = 1; k < n; k++) {
				me->t2[k - 1] = compile(l, se, starts[k],
				    lens[k]);
				me->t2off[k - 1] = starts[k];
			}
		} else if (id == K_H_GAP || id == K_C_SIGNATURE ||
		    id == K_C_NOTICE) {
			if (se->len > 0)
				style_error(l->errs, l->f->path,
				    style_entry_pos(se, 0), "'%s' takes no "
				    "value", se->key);
		} else if (id == K_STYLE_OPTION) {
			/* Read when the options are. */
		} else
			me->t = compile(l, se, 0, se->len);
		break;
	case SK_ENUM:
		me->v = -1;
		for (p = kd->values, k = 0; *p != '\0'; p = *e ? e + 1 : e,
		    k++) {
			e = p + strcspn(p, "|");
			vl = (size_t)(e - p);
			if (se->len == vl && memcmp(se->value, p, vl) == 0)
				me->v = (int)k;
		}
		if (me->v < 0) {
			char	*vals = xstrdup(kd->values), *q;

			for (q = vals; *q != '\0'; q++) {
				if (*q == '|')
					*q = ',';
			}
			style_error(l->errs, l->f->path, style_entry_pos(se, 0),
			    "[%s] %s: unknown value '%s' (one of: %s)",
			    sec->name, se->key, se->value, vals);
			free(vals);
		}
		break;
	case SK_BOOL:
		if (strcmp(se->value, "yes") == 0)
			me->v = 1;
		else if (strcmp(se->value, "no") == 0)
			me->v = 0;
		else
			style_error(l->errs, l->f->path, style_entry_pos(se, 0),
			    "[%s] %s: expected yes or no", sec->name, se->key);
		break;
	case SK_TEXT:
		break;
	}
}

/* "NAME: a | b | c" */
static void
load_option(struct loader *l, const struct style_entry *se)
{
	struct mstyle	*st = l->st;
	struct moption	*o;
	const char	*s = se->value, *colon = strchr(s, ':');
	size_t		 starts[32], lens[32], n, k, nl;

	if (colon == NULL) {
		style_error(l->errs, l->f->path, style_entry_pos(se, 0),
		    "an option is NAME: VALUE | VALUE …");
		return;
	}
	nl = (size_t)(colon - s);
	while (nl > 0 && s[nl - 1] == ' ')
		nl--;
	for (k = 0; k < nl; k++) {
		if (!((s[k] >= 'a' && s[k] <= 'z') || s[k] == '_' ||
		    (s[k] >= '0' && s[k] <= '9'))) {
			style_error(l->errs, l->f->path, style_entry_pos(se, k),
			    "an option's name is lower-case letters, digits "
			    "and _");
			return;
		}
	}
	if (nl == 0 || (nl == 4 && memcmp(s, "lang", 4) == 0) ||
	    (nl == 6 && memcmp(s, "labels", 6) == 0) ||
	    (nl == 6 && memcmp(s, "digits", 6) == 0)) {
		style_error(l->errs, l->f->path, style_entry_pos(se, 0),
		    "an option needs a name other than lang, labels, digits");
		return;
	}
	for (k = 0; k < st->noptions; k++) {
		if (strlen(st->options[k].name) == nl &&
		    memcmp(st->options[k].name, s, nl) == 0) {
			style_error(l->errs, l->f->path, style_entry_pos(se, 0),
			    "option '%.*s' declared twice", (int)nl, s);
			return;
		}
	}
	n = split_cells(colon + 1, strlen(colon + 1), starts, lens, 32);
	if (n == 0 || lens[0] == 0) {
		style_error(l->errs, l->f->path, style_entry_pos(se,
		    (size_t)(colon - s) + 1), "expected the option's values "
		    "after the colon, separated by |");
		return;
	}
	st->options = xreallocarray(st->options, st->noptions + 1,
	    sizeof *st->options);
	o = &st->options[st->noptions++];
	memset(o, 0, sizeof *o);
	o->name = xstrndup(s, nl);
	o->values = xcalloc(n, sizeof *o->values);
	for (k = 0; k < n; k++)
		o->values[o->nvalues++] = xstrndup(colon + 1 + starts[k],
		    lens[k]);
	o->chosen = o->values[0];
}

static const struct moption *
option_find(const struct mstyle *st, const char *name)
{
	size_t	 k;

	for (k = 0; k < st->noptions; k++) {
		if (strcmp(st->options[k].name, name) == 0)
			return &st->options[k];
	}
	return NULL;
}

static int
value_in(const char *v, const char *list)
{
	const char	*p, *e;

	for (p = list; *p != '\0'; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "|");
		if (strlen(v) == (size_t)(e - p) && memcmp(v, p, e - p) == 0)
			return 1;
	}
	return 0;
}

static void
check_conds(struct loader *l, const struct style_section *sec)
{
	const struct moption	*o;
	size_t			 k, j;
	int			 ok;

	for (k = 0; k < sec->nconds; k++) {
		const struct style_cond *c = &sec->conds[k];

		if (strcmp(c->key, "lang") == 0)
			ok = value_in(c->value, "ja|en");
		else if (strcmp(c->key, "labels") == 0)
			ok = value_in(c->value, "role|name_role|name|title");
		else if (strcmp(c->key, "digits") == 0)
			ok = value_in(c->value, "half|full|mixed");
		else if (strcmp(c->key, "format") == 0)
			ok = value_in(c->value,
			    "text|md|html|json|akn|popolo|pdf|docx");
		else if ((o = option_find(l->st, c->key)) != NULL) {
			for (ok = 0, j = 0; j < o->nvalues; j++)
				ok |= strcmp(o->values[j], c->value) == 0;
		} else {
			style_error(l->errs, l->f->path, c->pos, "unknown "
			    "condition '%s' (lang, labels, digits, format or "
			    "an option the [style] section declares)", c->key);
			continue;
		}
		if (!ok)
			style_error(l->errs, l->f->path, c->pos, "%s cannot be "
			    "'%s'", c->key, c->value);
	}
}

/* Read the sections of f into the style. */
static void
load_file(struct loader *l, struct style_file *f)
{
	struct mstyle	*st = l->st;
	size_t		 i, k;
	const char	*near;

	l->f = f;
	/* Options first: conditions may name them. */
	for (i = 0; i < f->nsections; i++) {
		const struct style_section *sec = &f->sections[i];

		if (strcmp(sec->name, "style") != 0)
			continue;
		for (k = 0; k < sec->nentries; k++) {
			if (strcmp(sec->entries[k].key, "option") == 0)
				load_option(l, &sec->entries[k]);
		}
	}
	for (i = 0; i < f->nsections; i++) {
		const struct style_section *sec = &f->sections[i];

		l->isec = i;
		if (!section_known(sec->name)) {
			near = nearest_section(sec->name);
			if (near != NULL)
				style_error(l->errs, f->path, sec->pos,
				    "unknown section [%s] (did you mean "
				    "[%s]?)", sec->name, near);
			else
				style_error(l->errs, f->path, sec->pos,
				    "unknown section [%s]", sec->name);
			continue;
		}
		check_conds(l, sec);
		for (k = 0; k < sec->nentries; k++)
			load_entry(l, sec, &sec->entries[k]);
	}
	(void)st;
}

/* Check every template in its context (after every macro is known). */
static void
check_all(struct loader *l)
{
	struct mstyle		*st = l->st;
	struct tpl_checker	 ck;
	size_t			 i, k;

	memset(&ck, 0, sizeof ck);
	ck.type = check_type;
	ck.nearest = check_nearest;
	ck.macro = check_macro;
	ck.arg = l;
	for (i = 0; i < st->nentries; i++) {
		const struct mentry	*me = &st->entries[i];
		enum mctx		 ctx;

		if (me->key < 0) {
			/* Macros and words: checked where they are used. */
			continue;
		}
		ctx = mkey_defs[me->key].ctx;
		if (ctx == C_NONE)
			continue;
		l->cur = me;
		l->f = me->file;
		if (me->t != NULL)
			tpl_check(me->t, ctx, &ck, template_error, l);
		for (k = 0; k < 3; k++) {
			if (me->t2[k] != NULL)
				tpl_check(me->t2[k], ctx, &ck, template_error,
				    l);
		}
	}
}

/* The macros of the whole file, for checking (last definition wins). */
static void
index_defines(struct mstyle *st)
{
	size_t	 i, k;

	free(st->defines);
	st->defines = NULL;
	st->ndefines = 0;
	for (i = 0; i < st->nentries; i++) {
		const struct mentry *me = &st->entries[i];

		if (me->key >= 0 || me->t == NULL || strcmp(me->file->
		    sections[me->section].name, SEC_DEFINE) != 0)
			continue;
		for (k = 0; k < st->ndefines; k++) {
			if (strcmp(st->defines[k]->e->key, me->e->key) == 0)
				break;
		}
		if (k == st->ndefines) {
			st->defines = xreallocarray(st->defines,
			    st->ndefines + 1, sizeof *st->defines);
			st->ndefines++;
		}
		st->defines[k] = me;
	}
}

static const struct style_entry *
first_entry(const struct style_file *f, const char *section, const char *key)
{
	size_t	 i, k;

	for (i = 0; i < f->nsections; i++) {
		if (strcmp(f->sections[i].name, section) != 0 ||
		    f->sections[i].nconds > 0)
			continue;
		for (k = 0; k < f->sections[i].nentries; k++) {
			if (strcmp(f->sections[i].entries[k].key, key) == 0)
				return &f->sections[i].entries[k];
		}
	}
	return NULL;
}

static const char *
first_value(const struct style_file *f, const char *section, const char *key)
{
	const struct style_entry	*e = first_entry(f, section, key);

	return e != NULL ? e->value : NULL;
}

/* What [style] leaves_out may name: the warnings of minutes-model.c. */
static const char *const leave_names[] = {
	"movers", "seconders", "motion_numbers", "readings", "candidates",
	"decision_numbers", "seats", "apologies", "remote", "written",
	"proxies", "holders", "observers",
	"arrivals", "departures", "session", "reactions", "interests",
	"actions", "stage_directions", "headings", NULL
};

/* Does leaves_out (a list) name what? */
int
mstyle_leaves_out(const char *list, const char *what)
{
	size_t	 wl, n = strlen(what);

	for (; list != NULL && *list != '\0'; list += wl) {
		list += strspn(list, " ,");
		wl = strcspn(list, " ,");
		if (wl == n && memcmp(list, what, n) == 0)
			return 1;
	}
	return 0;
}

/* Each name of every leaves_out (in any [style] section) is known. */
static void
check_leaves_out(struct loader *l, struct style_file *f)
{
	const struct style_entry *se;
	const char	*p;
	struct buf	 known;
	size_t		 i, j, k, wl;

	buf_init(&known);
	for (k = 0; leave_names[k] != NULL; k++)
		buf_printf(&known, "%s%s", k > 0 ? ", " : "", leave_names[k]);
	for (i = 0; i < f->nsections; i++) {
		if (strcmp(f->sections[i].name, "style") != 0)
			continue;
		for (j = 0; j < f->sections[i].nentries; j++) {
			se = &f->sections[i].entries[j];
			if (strcmp(se->key, "leaves_out") != 0)
				continue;
			for (p = se->value; *p != '\0'; p += wl) {
				p += strspn(p, " ,");
				if ((wl = strcspn(p, " ,")) == 0)
					break;
				for (k = 0; leave_names[k] != NULL; k++) {
					if (strlen(leave_names[k]) == wl &&
					    memcmp(leave_names[k], p, wl) == 0)
						break;
				}
				if (leave_names[k] == NULL)
					style_error(l->errs, f->path,
					    style_entry_pos(se, (size_t)(p -
					    se->value)), "leaves_out: unknown "
					    "name '%.*s' (one of: %s)", (int)wl,
					    p, known.s);
			}
		}
	}
	buf_free(&known);
}

/* The file's start (a variable: xgettext would count a literal's commas). */
static const struct style_pos file_start = { 1, 1 };

static void
check_style_section(struct loader *l, struct style_file *f, const char *name)
{
	const char	*langs = first_value(f, "style", "languages"), *p;
	size_t		 wl, i, j;

	if (first_value(f, "style", "name") == NULL)
		style_error(l->errs, f->path, file_start,
		    "the [style] section must give the style's name "
		    "(name = %s)", name);
	check_leaves_out(l, f);
	/* use names a style, or a NAME.style file: never another file. */
	for (i = 0; i < f->nsections; i++) {
		if (strcmp(f->sections[i].name, "style") != 0)
			continue;
		for (j = 0; j < f->sections[i].nentries; j++) {
			const struct style_entry *se = &f->sections[i].entries[j];
			size_t n = strlen(se->value);

			if (strcmp(se->key, "use") == 0 &&
			    strchr(se->value, '/') != NULL && !(n > 6 &&
			    strcmp(se->value + n - 6, ".style") == 0))
				style_error(l->errs, f->path, style_entry_pos(se,
				    0), "use: a path to a file that is not a "
				    ".style file: use names a style, or a "
				    "NAME.style file");
		}
	}
	if (langs == NULL) {
		style_error(l->errs, f->path, file_start,
		    "the [style] section must say which languages the style "
		    "serves (languages = ja, en, or ja en)");
		return;
	}
	for (p = langs; *p != '\0'; p += wl) {
		p += strspn(p, " ,");
		wl = strcspn(p, " ,");
		if (wl == 0)
			break;
		if (!((wl == 2 && memcmp(p, "ja", 2) == 0) ||
		    (wl == 2 && memcmp(p, "en", 2) == 0)))
			style_error(l->errs, f->path, style_entry_pos(
			    first_entry(f, "style", "languages"),
			    (size_t)(p - langs)), "languages: unknown "
			    "language '%.*s' (ja, en)", (int)wl, p);
	}
}

/* ------------------------------------------------------------ loading */

void
mstyle_free(struct mstyle **stp)
{
	struct mstyle	*st = *stp;
	size_t		 i, k;

	if (st == NULL)
		return;
	for (i = 0; i < st->nentries; i++) {
		tpl_free(&st->entries[i].t);
		for (k = 0; k < 3; k++)
			tpl_free(&st->entries[i].t2[k]);
	}
	free(st->entries);
	for (i = 0; i < st->noptions; i++) {
		for (k = 0; k < st->options[i].nvalues; k++)
			free(st->options[i].values[k]);
		free(st->options[i].values);
		free(st->options[i].name);
	}
	free(st->options);
	free(st->header);
	free(st->closing);
	free(st->defines);
	free(st->words);
	style_file_free(&st->base);
	style_file_free(&st->file);
	free(st->name);
	free(st->where);
	free(st->description);
	free(st->languages);
	free(st);
	*stp = NULL;
}

/*
 * Read a style from its text: the base style first, then the file. The
 * errors of both go to errs; NULL when there are some.
 */
static struct mstyle *
mstyle_from(const char *name, const char *where, struct style_file *f,
    struct style_errors *errs)
{
	struct mstyle	*st = xcalloc(1, sizeof *st);
	struct loader	 l;
	const char	*base = shipped_text("base"), *v;
	size_t		 before = errs->n;

	memset(&l, 0, sizeof l);
	l.st = st;
	l.errs = errs;
	st->where = xstrdup(where);
	st->file = f;
	if (f != NULL && strcmp(name, "base") != 0) {
		st->base = style_file_parse("base.style", base, strlen(base),
		    errs);
		load_file(&l, st->base);
	}
	if (f != NULL) {
		check_style_section(&l, f, name);
		load_file(&l, f);
	}
	index_defines(st);
	check_all(&l);
	v = f != NULL ? first_value(f, "style", "name") : NULL;
	st->name = xstrdup(v != NULL ? v : name);
	v = f != NULL ? first_value(f, "style", "description") : NULL;
	st->description = xstrdup(v != NULL ? v : "");
	v = f != NULL ? first_value(f, "style", "languages") : NULL;
	st->languages = xstrdup(v != NULL ? v : "");
	if (errs->n > before) {
		/* Read in passes (lines, then templates): said in order. */
		style_errors_sort(errs, before);
		mstyle_free(&st);
	}
	return st;
}

struct mstyle *
mstyle_load_text(const char *name, const char *path, const char *where,
    const char *text, size_t len, struct style_errors *errs)
{
	struct style_file	*f;
	size_t			 before = errs->n;

	struct mstyle		*st;

	/*
	 * A line the reader could not take is left out and the rest still
	 * checked, so that every error is reported at once.
	 */
	f = style_file_parse(path, text, len, errs);
	if (f->unread) {
		style_file_free(&f);
		return NULL;
	}
	st = mstyle_from(name, where, f, errs);
	if (errs->n > before) {
		style_errors_sort(errs, before);
		mstyle_free(&st);
	}
	return st;
}

/* The name a style file is found by: its file name without .style. */
static char *
style_file_base(const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*name = xstrdup(slash != NULL ? slash + 1 : path);
	size_t		 n = strlen(name);

	if (n > 6 && strcmp(name + n - 6, ".style") == 0)
		name[n - 6] = '\0';
	return name;
}

struct mstyle *
mstyle_load_path(const char *path, struct style_errors *errs, char **cause)
{
	struct style_file	*f;
	char			*name;
	size_t			 before = errs->n;
	struct mstyle		*st;

	if ((f = style_file_read(path, errs, cause)) == NULL)
		return NULL;
	if (f->unread) {
		style_file_free(&f);
		return NULL;
	}
	name = style_file_base(path);
	st = mstyle_from(name, path, f, errs);
	free(name);
	if (errs->n > before) {
		style_errors_sort(errs, before);
		mstyle_free(&st);
	}
	return st;
}

struct mstyle *
mstyle_load(const char *arg, struct style_errors *errs, char **cause)
{
	const char	*text;
	char		**dirs, *path, *clean;
	size_t		 ndirs, i;
	struct mstyle	*st;

	if (minutes_style_is_path(arg))
		return mstyle_load_path(arg, errs, cause);
	for (i = 0; arg[i] != '\0'; i++) {
		if (!((arg[i] >= 'a' && arg[i] <= 'z') ||
		    (arg[i] >= 'A' && arg[i] <= 'Z') ||
		    (arg[i] >= '0' && arg[i] <= '9') || arg[i] == '-' ||
		    arg[i] == '_' || arg[i] == '.'))
			break;
	}
	if (arg[i] == '\0' && *arg != '\0' && *arg != '.') {
		dirs = minutes_style_dirs(&ndirs);
		for (i = 0; i < ndirs; i++) {
			path = xasprintf("%s/%s.style", dirs[i], arg);
			if (is_file(path)) {
				st = mstyle_load_path(path, errs, cause);
				free(path);
				free_dirs(dirs, ndirs);
				return st;
			}
			free(path);
		}
		free_dirs(dirs, ndirs);
		if ((text = shipped_text(arg)) != NULL) {
			path = xasprintf("%s.style", arg);
			st = mstyle_load_text(arg, path, "shipped", text,
			    strlen(text), errs);
			free(path);
			return st;
		}
	}
	clean = utf8_sanitize(arg, 0);
	*cause = xasprintf(_("no style '%s' (giji styles lists those it can "
	    "find; a file is given by a path holding a / or ending in "
	    ".style)"), clean);
	free(clean);
	return NULL;
}

/* --------------------------------------------------------------- view */

static int
cond_holds(const struct mstyle *st, const struct style_section *sec,
    const struct mconds *mc)
{
	const struct moption	*o;
	size_t			 k;

	for (k = 0; k < sec->nconds; k++) {
		const struct style_cond *c = &sec->conds[k];
		const char		*v = NULL;

		if (strcmp(c->key, "lang") == 0)
			v = mc->lang;
		else if (strcmp(c->key, "labels") == 0)
			v = mc->labels;
		else if (strcmp(c->key, "digits") == 0)
			v = mc->digits;
		else if (strcmp(c->key, "format") == 0)
			v = mc->format;
		else if ((o = option_find(st, c->key)) != NULL)
			v = o->chosen;
		if (v == NULL || strcmp(v, c->value) != 0)
			return 0;
	}
	return 1;
}

static const struct style_section *
entry_section(const struct mentry *me)
{
	return &me->file->sections[me->section];
}

/* Does a [header] hold lines (or nothing, which clears them)? */
static int
header_lines(const struct style_section *sec)
{
	size_t	 i;
	int	 id;

	if (sec->nentries == 0)
		return 1;
	for (i = 0; i < sec->nentries; i++) {
		if (key_def("header", sec->entries[i].key, &id) != NULL &&
		    mkey_defs[id].type == SK_LINE)
			return 1;
	}
	return 0;
}

/* A macro or a word by its key: the later one replaces the earlier. */
static void
named_set(const struct mentry ***l, size_t *n, const struct mentry *me)
{
	size_t	 k;

	for (k = 0; k < *n; k++) {
		if (strcmp((*l)[k]->e->key, me->e->key) == 0)
			break;
	}
	if (k == *n) {
		*l = xreallocarray(*l, *n + 1, sizeof **l);
		(*n)++;
	}
	(*l)[k] = me;
}

void
mstyle_resolve(struct mstyle *st, const struct mconds *mc)
{
	const struct style_section	*sec, *hsec = NULL, *csec = NULL;
	const struct style_file		*hf = NULL, *cf = NULL;
	size_t				 i, k;

	memset(st->k, 0, sizeof st->k);
	st->nheader = st->nclosing = st->nwords = st->ndefines = 0;
	free(st->header);
	free(st->closing);
	free(st->words);
	free(st->defines);
	st->header = st->closing = st->words = st->defines = NULL;
	/*
	 * The last [header] with lines and the last [closing] that apply
	 * are read whole; an empty one clears the lines before it.
	 */
	for (i = 0; i < 2; i++) {
		const struct style_file *f = i == 0 ? st->base : st->file;

		for (k = 0; f != NULL && k < f->nsections; k++) {
			sec = &f->sections[k];
			if (!cond_holds(st, sec, mc))
				continue;
			if (strcmp(sec->name, "header") == 0 &&
			    header_lines(sec)) {
				hsec = sec;
				hf = f;
			}
			if (strcmp(sec->name, "closing") == 0) {
				csec = sec;
				cf = f;
			}
		}
	}
	for (i = 0; i < st->nentries; i++) {
		const struct mentry *me = &st->entries[i];

		sec = entry_section(me);
		if (!cond_holds(st, sec, mc))
			continue;
		/* The header's lines; its settings (form, align …) below. */
		if (sec == hsec && me->file == hf && me->key >= 0 &&
		    mkey_defs[me->key].type == SK_LINE) {
			st->header = xreallocarray(st->header, st->nheader + 1,
			    sizeof *st->header);
			st->header[st->nheader++] = me;
			continue;
		}
		if (sec == csec && me->file == cf) {
			st->closing = xreallocarray(st->closing,
			    st->nclosing + 1, sizeof *st->closing);
			st->closing[st->nclosing++] = me;
			continue;
		}
		if (me->key >= 0) {
			if (mkey_defs[me->key].type != SK_LINE)
				st->k[me->key] = me;
			continue;
		}
		if (strcmp(sec->name, SEC_DEFINE) == 0)
			named_set(&st->defines, &st->ndefines, me);
		else
			named_set(&st->words, &st->nwords, me);
	}
}

int
mstyle_set_option(struct mstyle *st, const char *name, const char *value,
    char **cause)
{
	struct moption	*o = (struct moption *)option_find(st, name);
	struct buf	 b;
	size_t		 k;

	if (o == NULL) {
		buf_init(&b);
		for (k = 0; k < st->noptions; k++)
			buf_printf(&b, "%s%s", k ? ", " : "",
			    st->options[k].name);
		if (st->noptions)
			*cause = xasprintf(_("style %s has no option '%s' (its "
			    "options: %s)"), st->name, name, b.s);
		else
			*cause = xasprintf(_("style %s has no option '%s'"),
			    st->name, name);
		buf_free(&b);
		return -1;
	}
	for (k = 0; k < o->nvalues; k++) {
		if (strcmp(o->values[k], value) == 0) {
			o->chosen = o->values[k];
			return 0;
		}
	}
	buf_init(&b);
	for (k = 0; k < o->nvalues; k++)
		buf_printf(&b, "%s%s", k ? ", " : "", o->values[k]);
	*cause = xasprintf(_("style %s: option %s cannot be '%s' (one of: "
	    "%s)"), st->name, name, value, b.s);
	buf_free(&b);
	return -1;
}

/* An empty value is no value: the key is as if unset. */
const struct tpl *
mstyle_tpl(const struct mstyle *st, enum mkey k)
{
	return st->k[k] != NULL && st->k[k]->e->len > 0 ? st->k[k]->t : NULL;
}

int
mstyle_enum(const struct mstyle *st, enum mkey k)
{
	return st->k[k] != NULL && st->k[k]->e->len > 0 ? st->k[k]->v : -1;
}

const char *
mstyle_text(const struct mstyle *st, enum mkey k)
{
	return st->k[k] != NULL && st->k[k]->e->len > 0 ?
	    st->k[k]->e->value : NULL;
}

int
mstyle_set(const struct mstyle *st, enum mkey k)
{
	return st->k[k] != NULL;
}

const struct tpl *
mstyle_macro(const struct mstyle *st, const char *name, size_t len)
{
	size_t	 k;

	for (k = 0; k < st->ndefines; k++) {
		const char *key = st->defines[k]->e->key;

		if (strlen(key) == len && memcmp(key, name, len) == 0)
			return st->defines[k]->t;
	}
	return NULL;
}

const struct tpl *
mstyle_word(const struct mstyle *st, const char *name, size_t len,
    const char *value)
{
	size_t	 k, vl = strlen(value);

	for (k = 0; k < st->nwords; k++) {
		const char *key = st->words[k]->e->key;

		if (strlen(key) == len + 1 + vl &&
		    memcmp(key, name, len) == 0 && key[len] == '.' &&
		    memcmp(key + len + 1, value, vl) == 0)
			return st->words[k]->t;
	}
	return NULL;
}

int
mstyle_default_labels(struct mstyle *st, const char *lang)
{
	struct mconds	 mc;
	int		 v;

	memset(&mc, 0, sizeof mc);
	mc.lang = lang;
	mstyle_resolve(st, &mc);
	v = mstyle_enum(st, K_LABELS);
	return v < 0 ? 0 : v;
}

/* ------------------------------------------------------------ listing */

static int
listed(char **names, size_t n, const char *name)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(names[i], name) == 0)
			return 1;
	}
	return 0;
}

/* Every style that can be found: name, languages, where, description. */
struct minutes_style_info *
minutes_styles_list(size_t *np)
{
	struct minutes_style_info	*out = NULL;
	struct style_errors		 errs;
	const struct shipped_style	*sh;
	struct mstyle			*st;
	struct dirent			*de;
	char				**dirs, **seen = NULL, *path, *cause;
	size_t				 ndirs, i, n = 0, nseen = 0, len;
	DIR				*dp;

	memset(&errs, 0, sizeof errs);
	dirs = minutes_style_dirs(&ndirs);
	for (i = 0; i < ndirs; i++) {
		if ((dp = opendir(dirs[i])) == NULL)
			continue;
		while ((de = readdir(dp)) != NULL) {
			len = strlen(de->d_name);
			if (len <= 6 || strcmp(de->d_name + len - 6,
			    ".style") != 0 || de->d_name[0] == '.')
				continue;
			path = xasprintf("%s/%s", dirs[i], de->d_name);
			de->d_name[len - 6] = '\0';
			if (listed(seen, nseen, de->d_name)) {
				free(path);
				continue;
			}
			seen = xreallocarray(seen, nseen + 1, sizeof *seen);
			seen[nseen++] = xstrdup(de->d_name);
			out = xreallocarray(out, n + 1, sizeof *out);
			memset(&out[n], 0, sizeof out[n]);
			out[n].name = xstrdup(de->d_name);
			out[n].where = path;
			cause = NULL;
			if ((st = mstyle_load_path(path, &errs, &cause)) !=
			    NULL) {
				out[n].languages = xstrdup(st->languages);
				out[n].description = xstrdup(st->description);
				mstyle_free(&st);
			} else {
				out[n].languages = xstrdup("");
				out[n].description = xstrdup(_("(has errors: "
				    "giji styles check)"));
			}
			free(cause);
			style_errors_free(&errs);
			n++;
		}
		closedir(dp);
	}
	free_dirs(dirs, ndirs);
	for (sh = shipped_styles; sh->name != NULL; sh++) {
		if (listed(seen, nseen, sh->name))
			continue;
		out = xreallocarray(out, n + 1, sizeof *out);
		memset(&out[n], 0, sizeof out[n]);
		out[n].name = xstrdup(sh->name);
		out[n].where = xstrdup("shipped");
		path = xasprintf("%s.style", sh->name);
		if ((st = mstyle_load_text(sh->name, path, "shipped", sh->text,
		    strlen(sh->text), &errs)) != NULL) {
			out[n].languages = xstrdup(st->languages);
			out[n].description = xstrdup(st->description);
			mstyle_free(&st);
		} else {
			out[n].languages = xstrdup("");
			out[n].description = xstrdup(_("(has errors)"));
		}
		free(path);
		style_errors_free(&errs);
		n++;
	}
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
	*np = n;
	return out;
}

void
minutes_styles_free(struct minutes_style_info *l, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(l[i].name);
		free(l[i].where);
		free(l[i].languages);
		free(l[i].description);
	}
	free(l);
}

/* The text of a style found by name or path (for giji styles show). */
char *
minutes_style_text(const char *arg, char **where, char **cause)
{
	struct style_file	*f;
	struct style_errors	 errs;
	char			**dirs, *path, *text;
	const char		*t;
	size_t			 ndirs, i;

	memset(&errs, 0, sizeof errs);
	if (minutes_style_is_path(arg)) {
		if ((f = style_file_read(arg, &errs, cause)) == NULL)
			return NULL;
		text = xstrdup(f->text);
		*where = xstrdup(arg);
		style_file_free(&f);
		style_errors_free(&errs);
		return text;
	}
	dirs = minutes_style_dirs(&ndirs);
	for (i = 0; i < ndirs; i++) {
		path = xasprintf("%s/%s.style", dirs[i], arg);
		if (strchr(arg, '/') == NULL && is_file(path)) {
			free_dirs(dirs, ndirs);
			if ((f = style_file_read(path, &errs, cause)) == NULL) {
				free(path);
				return NULL;
			}
			text = xstrdup(f->text);
			*where = path;
			style_file_free(&f);
			style_errors_free(&errs);
			return text;
		}
		free(path);
	}
	free_dirs(dirs, ndirs);
	if ((t = shipped_text(arg)) != NULL) {
		*where = xstrdup("shipped");
		return xstrdup(t);
	}
	path = utf8_sanitize(arg, 0);
	*cause = xasprintf(_("no style '%s' (giji styles lists those it can "
	    "find)"), path);
	free(path);
	return NULL;
}

/* The options a style declares, for giji styles show. */
static char *
minutes_style_options(const struct mstyle *st)
{
	struct buf	 b;
	size_t		 i, k;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < st->noptions; i++) {
		buf_printf(&b, "%s:", st->options[i].name);
		for (k = 0; k < st->options[i].nvalues; k++)
			buf_printf(&b, " %s%s", st->options[i].values[k],
			    k == 0 ? " (default)" : "");
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

static struct mstyle *
load_any(const char *arg, struct style_errors *errs, char **cause)
{
	return mstyle_load(arg, errs, cause);
}

/*
 * The [style] uses of st, whatever their conditions, followed: at the
 * first level (errs set) each must name a style giji can load (giji
 * minutes would fail where its conditions hold); does any chain lead
 * back to the style named start within STYLE_USE_HOPS hand-overs? It is
 * then in *chain. Whether it does come back depends on the conditions,
 * which giji minutes knows: styles check calls it a warning.
 */
static int
walk_uses(const struct mstyle *st, const char *start, int depth,
    struct buf *chain, struct style_errors *errs)
{
	const struct style_file	*f = st->file;
	const struct style_entry *se;
	struct style_errors	 e2;
	struct mstyle		*to;
	char			*cause;
	size_t			 i, j, len;
	int			 back = 0;

	for (i = 0; f != NULL && i < f->nsections; i++) {
		if (strcmp(f->sections[i].name, "style") != 0)
			continue;
		for (j = 0; j < f->sections[i].nentries; j++) {
			se = &f->sections[i].entries[j];
			if (strcmp(se->key, "use") != 0 || *se->value == '\0' ||
			    (strchr(se->value, '/') != NULL &&
			    (strlen(se->value) <= 6 || strcmp(se->value +
			    strlen(se->value) - 6, ".style") != 0)))
				continue;	/* check_style_section's */
			memset(&e2, 0, sizeof e2);
			cause = NULL;
			to = mstyle_load(se->value, &e2, &cause);
			if (to == NULL && errs != NULL)
				style_error(errs, f->path, style_entry_pos(se, 0),
				    "use: %s", cause != NULL ? cause : e2.n > 0 ?
				    e2.msgs[0] : se->value);
			free(cause);
			style_errors_free(&e2);
			if (to == NULL || back)
				goto next;
			len = chain->len;
			buf_printf(chain, " -> %s", to->name);
			if (strcmp(to->name, start) == 0 || (depth + 1 <
			    STYLE_USE_HOPS && walk_uses(to, start, depth + 1,
			    chain, NULL)))
				back = 1;
			else {
				chain->len = len;
				chain->s[len] = '\0';
			}
next:
			mstyle_free(&to);
		}
	}
	return back;
}

int
minutes_style_check(const char *arg, char ***msgs, size_t *n, char **cause)
{
	struct style_errors	 errs;
	struct mstyle		*st;
	struct buf		 chain;
	size_t			 i;
	char			*base;
	int			 loop = 0;

	memset(&errs, 0, sizeof errs);
	*cause = NULL;
	st = load_any(arg, &errs, cause);
	if (st == NULL && errs.n == 0)
		return -1;
	buf_init(&chain);
	if (st != NULL) {
		buf_puts(&chain, st->name);
		loop = walk_uses(st, st->name, 0, &chain, &errs);
	}
	*msgs = xcalloc(errs.n + 2, sizeof **msgs);
	for (i = 0; i < errs.n; i++)
		(*msgs)[i] = xstrdup(errs.msgs[i]);
	*n = errs.n;
	if (loop)
		(*msgs)[(*n)++] = xasprintf(_("%s: warning: [style] use may "
		    "come back round (%s) where the conditions of those uses "
		    "hold together: giji minutes then refuses the style (name "
		    "the style that prints)"), arg, chain.s);
	buf_free(&chain);
	/* A file named otherwise than its [style] name: said, not an error. */
	if (st != NULL && minutes_style_is_path(arg) &&
	    (base = style_file_base(arg)) != NULL) {
		if (strcmp(base, st->name) != 0)
			(*msgs)[(*n)++] = xasprintf(_("%s: warning: [style] name "
			    "is '%s' but the file is %s.style: --style and giji "
			    "styles know it as '%s', giji minutes -v and the "
			    "JSON minutes as '%s' (give both the same name)"),
			    arg, st->name, base, base, st->name);
		free(base);
	}
	mstyle_free(&st);
	style_errors_free(&errs);
	return (int)i;
}

char *
minutes_style_describe(const char *arg, char **cause)
{
	struct style_errors	 errs;
	struct mstyle		*st;
	char			*s;

	memset(&errs, 0, sizeof errs);
	*cause = NULL;
	st = load_any(arg, &errs, cause);
	style_errors_free(&errs);
	if (st == NULL)
		return NULL;
	s = minutes_style_options(st);
	mstyle_free(&st);
	return s;
}

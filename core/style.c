/* SPDX-License-Identifier: ISC */
/*
 * The syntax of style files (style.h). A small reader of our own rather
 * than libinih: every error must carry its column, a value may be quoted
 * or continued, and each byte of a value keeps its position so that the
 * template compiler's errors point into the file.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "style.h"
#include "utf8.h"
#include "xmalloc.h"

/* A style is a page of text: anything larger is not one. */
#define STYLE_MAX_BYTES	(1024 * 1024)

void
style_error(struct style_errors *e, const char *path, struct style_pos pos,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *clean;
	size_t	 i;

	/*
	 * The callers give English; xgettext takes it (-kstyle_error:4),
	 * counting the arguments by their commas: a position is passed as
	 * a variable, never as a compound literal.
	 */
	va_start(ap, fmt);
	msg = xvasprintf(_(fmt), ap);
	va_end(ap);
	clean = utf8_sanitize(path, 0);
	e->msgs = xreallocarray(e->msgs, e->n + 1, sizeof *e->msgs);
	if (pos.line > 0)
		e->msgs[e->n] = xasprintf("%s:%d:%d: %s", clean, pos.line,
		    pos.col, msg);
	else
		e->msgs[e->n] = xasprintf("%s: %s", clean, msg);
	free(clean);
	free(msg);
	/*
	 * A fault in a [define] is found at each use of it, at the same
	 * place: said once (among the first errors, which are read).
	 */
	for (i = 0; i < e->n && i < 256; i++) {
		if (strcmp(e->msgs[i], e->msgs[e->n]) == 0) {
			free(e->msgs[e->n]);
			return;
		}
	}
	e->at = xreallocarray(e->at, e->n + 1, sizeof *e->at);
	for (i = 0; i < e->npaths && strcmp(e->paths[i], path) != 0; i++)
		;
	if (i == e->npaths) {
		e->paths = xreallocarray(e->paths, e->npaths + 1,
		    sizeof *e->paths);
		e->paths[e->npaths++] = xstrdup(path);
	}
	e->at[e->n].file = i;
	e->at[e->n].line = pos.line;
	e->at[e->n].col = pos.col;
	e->at[e->n].ord = e->n;
	e->n++;
}

static int
err_at_cmp(const void *a, const void *b)
{
	const struct style_err_at *x = a, *y = b;

	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->ord < y->ord ? -1 : x->ord > y->ord;
}

void
style_errors_sort(struct style_errors *e, size_t from)
{
	char	**msgs;
	size_t	 i;

	if (e->n <= from + 1)
		return;
	qsort(e->at + from, e->n - from, sizeof *e->at, err_at_cmp);
	msgs = xreallocarray(NULL, e->n - from, sizeof *msgs);
	for (i = from; i < e->n; i++)
		msgs[i - from] = e->msgs[e->at[i].ord];
	for (i = from; i < e->n; i++) {
		e->msgs[i] = msgs[i - from];
		e->at[i].ord = i;
	}
	free(msgs);
}

void
style_errors_free(struct style_errors *e)
{
	size_t	 i;

	for (i = 0; i < e->n; i++)
		free(e->msgs[i]);
	free(e->msgs);
	free(e->at);
	for (i = 0; i < e->npaths; i++)
		free(e->paths[i]);
	free(e->paths);
	memset(e, 0, sizeof *e);
}

struct reader {
	const char		*path;
	const char		*s;
	size_t			 len;
	size_t			 pos;
	int			 line;
	int			 col;
	struct style_errors	*errs;
	struct style_file	*f;
};

static struct style_pos
here(const struct reader *r)
{
	struct style_pos	 p = { r->line, r->col };

	return p;
}

/* Advance past one character (or one byte of a bad sequence). */
static void
step(struct reader *r)
{
	uint32_t	 cp;
	size_t		 n;

	if (r->pos >= r->len)
		return;
	if (r->s[r->pos] == '\n') {
		r->pos++;
		r->line++;
		r->col = 1;
		return;
	}
	n = utf8_decode(r->s + r->pos, r->len - r->pos, &cp);
	r->pos += n > 0 ? n : 1;
	r->col++;
}

static int
at(const struct reader *r)
{
	return r->pos < r->len ? (unsigned char)r->s[r->pos] : -1;
}

static void
skip_blanks(struct reader *r)
{
	while (at(r) == ' ' || at(r) == '\t')
		step(r);
}

static void
skip_line(struct reader *r)
{
	while (at(r) != -1 && at(r) != '\n')
		step(r);
	if (at(r) == '\n')
		step(r);
}

static int
key_char(int c)
{
	/* UTF-8 too: a [words] key names a recorded value (role.町長). */
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' ||
	    c >= 0x80;
}

/* A full-width space (U+3000) at the reader: a blank to the eye only. */
static int
at_ideographic_space(const struct reader *r)
{
	return r->pos + 3 <= r->len &&
	    memcmp(r->s + r->pos, "\xe3\x80\x80", 3) == 0;
}

static char *
read_word(struct reader *r)
{
	size_t	 start = r->pos;

	while (key_char(at(r)) && !at_ideographic_space(r))
		step(r);
	return xstrndup(r->s + start, r->pos - start);
}

static struct style_section *
section_add(struct reader *r, char *name, struct style_pos pos)
{
	struct style_file	*f = r->f;
	struct style_section	*sec;

	f->sections = xreallocarray(f->sections, f->nsections + 1,
	    sizeof *f->sections);
	sec = &f->sections[f->nsections++];
	memset(sec, 0, sizeof *sec);
	sec->name = name;
	sec->pos = pos;
	return sec;
}

/* [name] or [name when key=value, key=value] */
static void
read_section(struct reader *r)
{
	struct style_section	*sec;
	struct style_cond	*c;
	struct style_pos	 pos = here(r), p;
	char			*name, *w;

	step(r);	/* [ */
	skip_blanks(r);
	p = here(r);
	name = read_word(r);
	if (*name == '\0') {
		style_error(r->errs, r->path, p, "expected a section name "
		    "after [");
		free(name);
		skip_line(r);
		return;
	}
	sec = section_add(r, name, pos);
	skip_blanks(r);
	if (at(r) != ']') {
		p = here(r);
		w = read_word(r);
		if (strcmp(w, "when") != 0) {
			style_error(r->errs, r->path, p, "expected ] or 'when' "
			    "after the section name");
			free(w);
			skip_line(r);
			return;
		}
		free(w);
		for (;;) {
			skip_blanks(r);
			p = here(r);
			w = read_word(r);
			skip_blanks(r);
			if (*w == '\0' || at(r) != '=') {
				style_error(r->errs, r->path, p, "expected a "
				    "condition NAME=VALUE (lang=en, labels=role, "
				    "or one of the style's options)");
				free(w);
				skip_line(r);
				return;
			}
			step(r);
			skip_blanks(r);
			sec->conds = xreallocarray(sec->conds, sec->nconds + 1,
			    sizeof *sec->conds);
			c = &sec->conds[sec->nconds++];
			c->key = w;
			c->pos = p;
			p = here(r);
			c->value = read_word(r);
			if (*c->value == '\0') {
				style_error(r->errs, r->path, p, "expected a "
				    "value after %s=", c->key);
				free(c->key);
				free(c->value);
				sec->nconds--;
				skip_line(r);
				return;
			}
			skip_blanks(r);
			if (at(r) == ',') {
				step(r);
				continue;
			}
			break;
		}
	}
	if (at(r) != ']') {
		style_error(r->errs, r->path, here(r), "expected ] to close "
		    "the section name");
		skip_line(r);
		return;
	}
	step(r);
	skip_blanks(r);
	if (at(r) != -1 && at(r) != '\n' && at(r) != '#')
		style_error(r->errs, r->path, here(r), "unexpected text after "
		    "the section header");
	skip_line(r);
}

struct value {
	struct buf		 b;
	struct style_pos	*pos;
	size_t			 cap;
};

static void
value_put(struct value *v, const char *s, size_t n, struct style_pos p)
{
	size_t	 i;

	if (v->b.len + n + 1 > v->cap) {
		v->cap = (v->b.len + n + 1) * 2;
		v->pos = xreallocarray(v->pos, v->cap, sizeof *v->pos);
	}
	for (i = 0; i < n; i++)
		v->pos[v->b.len + i] = p;
	buf_add(&v->b, s, n);
	v->pos[v->b.len] = p;
}

/*
 * Characters a value may not hold as they are: controls (a TAB is written
 * \t) and the bidi controls that would reorder what a reader sees.
 */
static int
bad_char(uint32_t cp, int tab)
{
	if (tab)
		return 1;
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* An escape after a backslash; 0, or -1 when unknown. */
static int
escape(struct reader *r, struct value *v, struct style_pos p, int quoted)
{
	int	 c = at(r);

	switch (c) {
	case 'n':
		value_put(v, "\n", 1, p);
		break;
	case 't':
		value_put(v, "\t", 1, p);
		break;
	case '\\':
		value_put(v, "\\", 1, p);
		break;
	case '"':
		if (!quoted)
			return -1;
		value_put(v, "\"", 1, p);
		break;
	default:
		return -1;
	}
	step(r);
	return 0;
}

/* The value after "key =", to the end of its line (and continuations). */
static void
read_value(struct reader *r, struct value *v)
{
	struct style_pos	 p, after;
	size_t			 n, keep;
	uint32_t		 cp;
	int			 c;

	skip_blanks(r);
	if (at(r) == '"') {
		step(r);
		for (;;) {
			p = here(r);
			c = at(r);
			if (c == -1 || c == '\n') {
				style_error(r->errs, r->path, p, "expected \" "
				    "to close the quoted value");
				return;
			}
			if (c == '"') {
				step(r);
				break;
			}
			if (c == '\\') {
				step(r);
				if (escape(r, v, p, 1) != 0)
					style_error(r->errs, r->path, p,
					    "unknown escape after \\ (\\n, "
					    "\\t, \\\\ and \\\" are known)");
				continue;
			}
			n = utf8_decode(r->s + r->pos, r->len - r->pos, &cp);
			if (bad_char(cp, c == '\t'))
				style_error(r->errs, r->path, p, "a control "
				    "character (U+%04X) in the value: write "
				    "\\n or \\t for a line break or a TAB",
				    (unsigned)cp);
			else
				value_put(v, r->s + r->pos, n > 0 ? n : 1, p);
			step(r);
		}
		skip_blanks(r);
		if (at(r) != -1 && at(r) != '\n')
			style_error(r->errs, r->path, here(r), "text after the "
			    "closing quote (a value that starts with \" is "
			    "one quoted string: write \\\" for a quote "
			    "inside it)");
		skip_line(r);
		return;
	}
	keep = 0;	/* length without trailing blanks */
	after = here(r);	/* the position after the last kept byte */
	for (;;) {
		p = here(r);
		c = at(r);
		if (c == -1 || c == '\n')
			break;
		if (c == '\\') {
			step(r);
			c = at(r);
			if (c == -1 || c == '\n' || ((c == ' ' || c == '\t') &&
			    strspn(r->s + r->pos, " \t") ==
			    strcspn(r->s + r->pos, "\n"))) {
				/*
				 * A continuation: the next line goes on
				 * after its leading blanks; blanks before
				 * the backslash are kept.
				 */
				keep = v->b.len;
				skip_line(r);
				skip_blanks(r);
				continue;
			}
			if (escape(r, v, p, 0) != 0) {
				style_error(r->errs, r->path, p, "unknown "
				    "escape after \\ (\\n, \\t and \\\\ are "
				    "known; a \\ at the end of a line "
				    "continues the value)");
				step(r);
			}
			keep = v->b.len;
			after = here(r);
			continue;
		}
		n = utf8_decode(r->s + r->pos, r->len - r->pos, &cp);
		if (bad_char(cp, c == '\t'))
			style_error(r->errs, r->path, p, "a control character "
			    "(U+%04X) in the value: write \\n or \\t for a "
			    "line break or a TAB", (unsigned)cp);
		else
			value_put(v, r->s + r->pos, n > 0 ? n : 1, p);
		step(r);
		if (c != ' ' && c != '\t') {
			keep = v->b.len;
			after = here(r);
		}
	}
	v->b.len = keep;
	if (v->b.s != NULL)
		v->b.s[keep] = '\0';
	if (v->pos != NULL)
		v->pos[keep] = after;
	skip_line(r);
}

/* The rest of a [words] key up to its =, blanks before it left out. */
static char *
read_words_key(struct reader *r, char *key)
{
	size_t	 q = r->pos, end;
	char	*k;

	while (q < r->len && r->s[q] != '=' && r->s[q] != '\n')
		q++;
	if (q >= r->len || r->s[q] != '=')
		return key;
	end = q;
	while (end > r->pos && (r->s[end - 1] == ' ' ||
	    r->s[end - 1] == '\t'))
		end--;
	/* Spaces, not TABs, inside a recorded value; U+3000 is said. */
	if (memchr(r->s + r->pos, '\t', end - r->pos) != NULL ||
	    memmem(r->s + r->pos, end - r->pos, "\xe3\x80\x80", 3) != NULL)
		return key;
	k = xasprintf("%s%.*s", key, (int)(end - r->pos), r->s + r->pos);
	while (r->pos < end)
		step(r);
	free(key);
	return k;
}

static void
read_entry(struct reader *r, struct style_section *sec)
{
	struct style_entry	*e;
	struct style_pos	 kp = here(r);
	struct value		 v;
	char			*key;

	key = read_word(r);
	if (*key == '\0') {
		style_error(r->errs, r->path, kp, "expected a key (letters, "
		    "digits, _ . -), a [section] or a # comment");
		free(key);
		skip_line(r);
		return;
	}
	/*
	 * In [words] the key's VALUE is a value as recorded, which may hold
	 * spaces (role.University Registrar): the key runs to the =.
	 */
	if (sec != NULL && strcmp(sec->name, "words") == 0 &&
	    (at(r) == ' ' || at(r) == '\t'))
		key = read_words_key(r, key);
	skip_blanks(r);
	if (at(r) != '=' && at(r) != -1 && at(r) != '\n') {
		if (at_ideographic_space(r))
			style_error(r->errs, r->path, here(r), "a full-width "
			    "space (U+3000) after the key '%s': only ASCII "
			    "spaces may stand before =", key);
		else
			style_error(r->errs, r->path, here(r), "expected = "
			    "after the key '%s'", key);
		skip_line(r);
		free(key);
		return;
	}
	memset(&v, 0, sizeof v);
	buf_init(&v.b);
	if (at(r) == '=') {
		step(r);
		read_value(r, &v);
	} else
		skip_line(r);
	if (sec == NULL) {
		style_error(r->errs, r->path, kp, "'%s' outside a section: "
		    "start with a [section] line such as [style]", key);
		free(key);
		buf_free(&v.b);
		free(v.pos);
		return;
	}
	sec->entries = xreallocarray(sec->entries, sec->nentries + 1,
	    sizeof *sec->entries);
	e = &sec->entries[sec->nentries++];
	memset(e, 0, sizeof *e);
	e->key = key;
	e->key_pos = kp;
	e->bare = v.b.s == NULL && v.pos == NULL;
	buf_add(&v.b, "", 0);
	e->len = v.b.len;
	e->value = buf_detach(&v.b);
	if (v.pos == NULL) {
		v.pos = xcalloc(1, sizeof *v.pos);
		v.pos[0] = kp;
	}
	e->pos = v.pos;
}

struct style_file *
style_file_parse(const char *path, const char *text, size_t len,
    struct style_errors *errs)
{
	const struct style_pos	 nowhere = { 0, 0 };	/* see style_error */
	struct reader		 r;
	struct style_file	*f = xcalloc(1, sizeof *f);
	struct style_section	*sec = NULL;
	size_t			 bad;

	f->path = xstrdup(path);
	f->text = xstrndup(text, len);
	f->len = len;
	memset(&r, 0, sizeof r);
	r.path = path;
	r.s = f->text;
	r.len = len;
	r.line = 1;
	r.col = 1;
	r.errs = errs;
	r.f = f;
	if (strlen(f->text) != len) {
		style_error(errs, path, nowhere, "the file holds a NUL byte: "
		    "a style is UTF-8 text");
		f->unread = 1;
		return f;
	}
	if ((bad = utf8_invalid_at(f->text, len)) != (size_t)-1) {
		struct reader	 q = r;

		while (q.pos < bad)
			step(&q);
		style_error(errs, path, here(&q), "invalid UTF-8: a style "
		    "file is UTF-8 text");
		f->unread = 1;
		return f;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		r.pos = 3;	/* a byte order mark, as some editors write */
	while (r.pos < r.len) {
		skip_blanks(&r);
		switch (at(&r)) {
		case '\n':
		case '\r':
			if (at(&r) == '\r' && r.pos + 1 < r.len &&
			    r.s[r.pos + 1] != '\n')
				style_error(errs, path, here(&r), "a carriage "
				    "return alone");
			skip_line(&r);
			break;
		case '#':
			skip_line(&r);
			break;
		case '[':
			read_section(&r);
			sec = f->nsections > 0 ? &f->sections[f->nsections - 1] :
			    NULL;
			break;
		case -1:
			break;
		default:
			read_entry(&r, sec);
			break;
		}
	}
	return f;
}

struct style_file *
style_file_read(const char *path, struct style_errors *errs, char **cause)
{
	struct style_file	*f;
	struct stat		 st;
	struct buf		 b;
	char			 tmp[8192], *clean;
	ssize_t			 n;
	int			 fd;

	clean = utf8_sanitize(path, 0);
	/* O_NONBLOCK: a FIFO named as the style must not hang the open. */
	if ((fd = open(path, O_RDONLY|O_CLOEXEC|O_NONBLOCK)) == -1) {
		*cause = xasprintf("%s: %s", clean, strerror(errno));
		free(clean);
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*cause = xasprintf(_("%s: not a regular file (a directory, "
		    "a device or a pipe): give the path of a .style file"),
		    clean);
		close(fd);
		free(clean);
		return NULL;
	}
	buf_init(&b);
	while ((n = read(fd, tmp, sizeof tmp)) > 0) {
		if (b.len + (size_t)n > STYLE_MAX_BYTES) {
			*cause = xasprintf(_("%s: larger than %d bytes: not a "
			    "style file"), clean, STYLE_MAX_BYTES);
			close(fd);
			buf_free(&b);
			free(clean);
			return NULL;
		}
		buf_add(&b, tmp, (size_t)n);
	}
	if (n == -1) {
		*cause = xasprintf("%s: %s", clean, strerror(errno));
		close(fd);
		buf_free(&b);
		free(clean);
		return NULL;
	}
	close(fd);
	free(clean);
	buf_add(&b, "", 0);
	f = style_file_parse(path, b.s, b.len, errs);
	buf_free(&b);
	return f;
}

void
style_file_free(struct style_file **fp)
{
	struct style_file	*f = *fp;
	size_t			 i, k;

	if (f == NULL)
		return;
	for (i = 0; i < f->nsections; i++) {
		struct style_section *s = &f->sections[i];

		free(s->name);
		for (k = 0; k < s->nconds; k++) {
			free(s->conds[k].key);
			free(s->conds[k].value);
		}
		free(s->conds);
		for (k = 0; k < s->nentries; k++) {
			free(s->entries[k].key);
			free(s->entries[k].value);
			free(s->entries[k].pos);
		}
		free(s->entries);
	}
	free(f->sections);
	free(f->path);
	free(f->text);
	free(f);
	*fp = NULL;
}

struct style_pos
style_entry_pos(const struct style_entry *e, size_t off)
{
	if (off > e->len)
		off = e->len;
	return e->pos[off];
}

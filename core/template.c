/* SPDX-License-Identifier: ISC */
/*
 * The template language of style files: a compiler from source text to a
 * tree of nodes, a checker that walks the tree against the names a
 * context offers, and an evaluator. template.h describes the language.
 *
 * Written by hand rather than borrowed: the language is small, its error
 * messages must carry a column, and nothing in it may reach beyond the
 * values the caller hands over (no files, no commands, no environment).
 */
#include "config.h"

#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "i18n.h"
#include "nearest.h"
#include "jdate.h"
#include "template.h"
#include "utf8.h"
#include "xmalloc.h"

enum node_type {
	N_SEQ,		/* kids in order */
	N_TEXT,		/* literal text */
	N_VAR,		/* name, a = alternative or NULL */
	N_COND,		/* a = condition, b = then, c = else */
	N_CMP,		/* op, a, b */
	N_NOT,		/* a */
	N_EACH,		/* name = list, a = separator, b = body */
	N_COUNT,	/* name = list, b = filter or NULL */
	N_FUNC		/* op = function, kids = arguments */
};

enum cmp_op { OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE, OP_AND, OP_OR,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD };

enum func {
	F_KATAKANA, F_IROHA, F_CIRCLED, F_ALPHA, F_UALPHA, F_ROMAN, F_UROMAN,
	F_ORDINAL, F_KANJI, F_SPACED, F_UPPER, F_PLURAL, F_WORD, F_NEXT,
	F_STARTS, F_ENDS, F_CHOP, F_HALF, F_FULL, F_LOWER, F_PAD, F_REPLACE,
	F_DIGITS, F_FILL, F_WIDE, F_CAP, F_UNCAP, F_INITIALS, F_CONTAINS
};

static const struct func_def {
	const char	*name;
	enum func	 f;
	int		 nargs;
	int		 name_arg;	/* its first argument is a name */
} funcs[] = {
	{ "katakana", F_KATAKANA, 1, 0 },
	{ "iroha", F_IROHA, 1, 0 },
	{ "circled", F_CIRCLED, 1, 0 },
	{ "alpha", F_ALPHA, 1, 0 },
	{ "ALPHA", F_UALPHA, 1, 0 },
	{ "roman", F_ROMAN, 1, 0 },
	{ "ROMAN", F_UROMAN, 1, 0 },
	{ "ordinal", F_ORDINAL, 1, 0 },
	{ "kanji", F_KANJI, 1, 0 },
	{ "spaced", F_SPACED, 1, 0 },
	{ "upper", F_UPPER, 1, 0 },
	{ "plural", F_PLURAL, 3, 0 },
	{ "word", F_WORD, 1, 1 },
	{ "next", F_NEXT, 1, 1 },
	{ "starts", F_STARTS, 2, 0 },
	{ "ends", F_ENDS, 2, 0 },
	{ "contains", F_CONTAINS, 2, 0 },
	{ "chop", F_CHOP, 2, 0 },
	{ "half", F_HALF, 1, 0 },
	{ "full", F_FULL, 1, 0 },
	{ "lower", F_LOWER, 1, 0 },
	{ "pad", F_PAD, 2, 0 },
	{ "replace", F_REPLACE, 3, 0 },
	{ "digits", F_DIGITS, 1, 0 },
	{ "fill", F_FILL, 3, 0 },
	{ "wide", F_WIDE, 1, 0 },
	{ "cap", F_CAP, 1, 0 },
	{ "uncap", F_UNCAP, 1, 0 },
	{ "initials", F_INITIALS, 1, 0 },
};

const char *const template_func_names[] = {
	"each", "count", "katakana", "iroha", "circled", "alpha", "ALPHA",
	"roman", "ROMAN", "ordinal", "kanji", "spaced", "upper", "plural",
	"word", "next", "starts", "ends", "chop", "half", "full", "lower",
	"pad", "replace", "digits", "fill", "wide", "cap", "uncap", "initials",
	"contains", NULL
};

struct node {
	enum node_type	 type;
	size_t		 off;
	char		*s;		/* TEXT, VAR, EACH, COUNT */
	size_t		 len;
	int		 op;
	struct node	*a, *b, *c;
	struct node	**kids;
	size_t		 nkids;
};

struct tpl {
	char		*src;
	struct node	*root;
};

/* ---------------------------------------------------------------- parse */

struct parser {
	const char	*s;
	size_t		 len;
	size_t		 pos;
	size_t		 err_off;
	char		*err;
};

#define STOP_COMMA	0x1
#define STOP_BRACE	0x2

static struct node *parse_seq(struct parser *, int stop);

static struct node *
node_new(enum node_type t, size_t off)
{
	struct node	*n = xcalloc(1, sizeof *n);

	n->type = t;
	n->off = off;
	return n;
}

static void
node_free(struct node *n)
{
	size_t	 i;

	if (n == NULL)
		return;
	free(n->s);
	node_free(n->a);
	node_free(n->b);
	node_free(n->c);
	for (i = 0; i < n->nkids; i++)
		node_free(n->kids[i]);
	free(n->kids);
	free(n);
}

static void
kid(struct node *n, struct node *k)
{
	n->kids = xreallocarray(n->kids, n->nkids + 1, sizeof *n->kids);
	n->kids[n->nkids++] = k;
}

static void
fail(struct parser *p, size_t off, const char *msg)
{
	if (p->err != NULL)
		return;
	p->err_off = off;
	p->err = xstrdup(msg);
}

static int
peek(struct parser *p)
{
	return p->pos < p->len ? (unsigned char)p->s[p->pos] : -1;
}

static int
name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.';
}

/* A name at pos, or 0 bytes. */
static size_t
read_name(struct parser *p)
{
	size_t	 start = p->pos;

	while (p->pos < p->len && name_char((unsigned char)p->s[p->pos]))
		p->pos++;
	return p->pos - start;
}

static struct node *
parse_expansion(struct parser *p);

static int
expect(struct parser *p, int c, const char *what)
{
	if (peek(p) == c) {
		p->pos++;
		return 0;
	}
	fail(p, p->pos, what);
	return -1;
}

/* The condition of #{?...}: an expansion or a name. */
static struct node *
parse_cond(struct parser *p)
{
	struct node	*n;
	size_t		 start = p->pos, nl;

	if (p->pos + 1 < p->len && p->s[p->pos] == '#' &&
	    p->s[p->pos + 1] == '{') {
		p->pos += 2;
		return parse_expansion(p);
	}
	if ((nl = read_name(p)) == 0) {
		fail(p, start, _("expected a name or #{...} after #{?"));
		return NULL;
	}
	n = node_new(N_VAR, start);
	n->s = xstrndup(p->s + start, nl);
	n->len = nl;
	return n;
}

static const struct {
	const char	*text;
	int		 op;
	int		 unary;
} ops[] = {
	{ "==:", OP_EQ, 0 }, { "!=:", OP_NE, 0 }, { "<=:", OP_LE, 0 },
	{ ">=:", OP_GE, 0 }, { "<:", OP_LT, 0 }, { ">:", OP_GT, 0 },
	{ "&&:", OP_AND, 0 }, { "||:", OP_OR, 0 }, { "!:", 0, 1 },
	{ "+:", OP_ADD, 0 }, { "-:", OP_SUB, 0 }, { "*:", OP_MUL, 0 },
	{ "/:", OP_DIV, 0 }, { "%:", OP_MOD, 0 },
};

/* After "#{": everything up to and including the closing brace. */
static struct node *
parse_expansion(struct parser *p)
{
	struct node		*n;
	const struct func_def	*f = NULL;
	size_t			 start = p->pos - 2, nl, k, i;

	if (peek(p) == '?') {
		p->pos++;
		n = node_new(N_COND, start);
		if ((n->a = parse_cond(p)) == NULL ||
		    expect(p, ',', _("expected , after the condition")) != 0)
			return n;
		n->b = parse_seq(p, STOP_COMMA|STOP_BRACE);
		if (peek(p) == ',') {
			p->pos++;
			n->c = parse_seq(p, STOP_BRACE);
		}
		expect(p, '}', _("expected } to close #{?"));
		return n;
	}
	for (k = 0; k < sizeof ops / sizeof ops[0]; k++) {
		size_t	 ol = strlen(ops[k].text);

		if (p->len - p->pos < ol ||
		    memcmp(p->s + p->pos, ops[k].text, ol) != 0)
			continue;
		p->pos += ol;
		if (ops[k].unary) {
			n = node_new(N_NOT, start);
			n->a = parse_seq(p, STOP_BRACE);
		} else {
			n = node_new(N_CMP, start);
			n->op = ops[k].op;
			n->a = parse_seq(p, STOP_COMMA|STOP_BRACE);
			if (expect(p, ',', _("expected , between the two "
			    "operands")) != 0)
				return n;
			n->b = parse_seq(p, STOP_BRACE);
		}
		expect(p, '}', ops[k].op >= OP_ADD ? _("expected } to close "
		    "the arithmetic") : _("expected } to close the "
		    "comparison"));
		return n;
	}
	if ((nl = read_name(p)) == 0) {
		fail(p, p->pos, _("expected a name, ?, or an operator after "
		    "#{"));
		return node_new(N_TEXT, start);
	}
	if (peek(p) != ':') {
		n = node_new(N_VAR, start);
		n->s = xstrndup(p->s + p->pos - nl, nl);
		n->len = nl;
		if (peek(p) == '|') {
			p->pos++;
			n->a = parse_seq(p, STOP_BRACE);
		}
		expect(p, '}', _("expected } or | after the name"));
		return n;
	}
	/* A function: each, count or one of funcs[]. */
	p->pos++;
	if (nl == 4 && memcmp(p->s + p->pos - 5, "each", 4) == 0) {
		n = node_new(N_EACH, start);
		start = p->pos;
		if ((nl = read_name(p)) == 0) {
			fail(p, start, _("expected a list name after each:"));
			return n;
		}
		n->s = xstrndup(p->s + start, nl);
		n->len = nl;
		if (expect(p, ',', _("expected , after the list name")) != 0)
			return n;
		n->a = parse_seq(p, STOP_COMMA|STOP_BRACE);
		if (expect(p, ',', _("expected , after the separator (a comma "
		    "in the separator is written #,)")) != 0)
			return n;
		n->b = parse_seq(p, STOP_BRACE);
		expect(p, '}', _("expected } to close #{each:"));
		return n;
	}
	if (nl == 5 && memcmp(p->s + p->pos - 6, "count", 5) == 0) {
		n = node_new(N_COUNT, start);
		start = p->pos;
		if ((nl = read_name(p)) == 0) {
			fail(p, start, _("expected a list name after count:"));
			return n;
		}
		n->s = xstrndup(p->s + start, nl);
		n->len = nl;
		if (peek(p) == ',') {
			p->pos++;
			n->b = parse_seq(p, STOP_BRACE);
		}
		expect(p, '}', _("expected } to close #{count:"));
		return n;
	}
	for (k = 0; k < sizeof funcs / sizeof funcs[0]; k++) {
		if (strlen(funcs[k].name) == nl &&
		    memcmp(funcs[k].name, p->s + p->pos - nl - 1, nl) == 0)
			f = &funcs[k];
	}
	if (f == NULL) {
		struct buf	 known;
		const char	*near;
		char		*msg, *given;

		/* The list of names is the table's. */
		buf_init(&known);
		for (k = 0; template_func_names[k] != NULL; k++)
			buf_printf(&known, "%s%s", k > 0 ? ", " : "",
			    template_func_names[k]);
		given = xstrndup(p->s + p->pos - nl - 1, nl);
		near = name_nearest(given, template_func_names, k,
		    2 + nl / 4);
		if (near != NULL)
			msg = xasprintf(_("unknown function '%s' (did you mean "
			    "'%s'?)"), given, near);
		else
			msg = xasprintf(_("unknown function '%s' (known: %s)"),
			    given, known.s);
		free(given);
		buf_free(&known);

		fail(p, p->pos - nl - 1, msg);
		free(msg);
		return node_new(N_TEXT, start);
	}
	n = node_new(N_FUNC, start);
	n->op = f->f;
	for (i = 0; i < (size_t)f->nargs; i++) {
		if (i > 0 && expect(p, ',', _("expected , before the next "
		    "argument")) != 0)
			return n;
		if (i == 0 && f->name_arg) {
			struct node	*a;

			start = p->pos;
			if ((nl = read_name(p)) == 0) {
				fail(p, start, _("expected a name"));
				return n;
			}
			a = node_new(N_VAR, start);
			a->s = xstrndup(p->s + start, nl);
			a->len = nl;
			kid(n, a);
			continue;
		}
		kid(n, parse_seq(p, i + 1 < (size_t)f->nargs ?
		    STOP_COMMA|STOP_BRACE : STOP_BRACE));
	}
	expect(p, '}', f->nargs == 1 ? _("expected } after the argument") :
	    _("expected } after the last argument"));
	return n;
}

static void
text_add(struct node *seq, struct buf *t, size_t off)
{
	struct node	*n;

	if (t->len == 0)
		return;
	n = node_new(N_TEXT, off);
	n->len = t->len;
	n->s = buf_detach(t);
	kid(seq, n);
}

/* Literal text and expansions up to a stop character (not consumed). */
static struct node *
parse_seq(struct parser *p, int stop)
{
	struct node	*seq = node_new(N_SEQ, p->pos);
	struct buf	 t;
	size_t		 toff = p->pos;
	int		 c;

	buf_init(&t);
	while (p->err == NULL && (c = peek(p)) != -1) {
		if ((c == ',' && (stop & STOP_COMMA)) ||
		    (c == '}' && (stop & STOP_BRACE)))
			break;
		if (c != '#') {
			if (t.len == 0)
				toff = p->pos;
			buf_putc(&t, (char)c);
			p->pos++;
			continue;
		}
		c = p->pos + 1 < p->len ? (unsigned char)p->s[p->pos + 1] : -1;
		if (c == '{') {
			text_add(seq, &t, toff);
			p->pos += 2;
			kid(seq, parse_expansion(p));
			continue;
		}
		if (t.len == 0)
			toff = p->pos;
		if (c == '#' || c == ',' || c == '}' || c == '|') {
			buf_putc(&t, (char)c);
			p->pos += 2;
		} else {
			buf_putc(&t, '#');
			p->pos++;
		}
	}
	text_add(seq, &t, toff);
	buf_free(&t);
	return seq;
}

struct tpl *
tpl_compile(const char *src, size_t len, struct tpl_error *err)
{
	struct parser	 p;
	struct tpl	*t;
	struct node	*root;

	memset(&p, 0, sizeof p);
	p.s = src;
	p.len = len;
	root = parse_seq(&p, 0);
	if (p.err == NULL && p.pos < p.len)
		fail(&p, p.pos, _("unexpected character"));
	if (p.err != NULL) {
		node_free(root);
		err->offset = p.err_off;
		err->msg = p.err;
		return NULL;
	}
	t = xcalloc(1, sizeof *t);
	t->src = xstrndup(src, len);
	t->root = root;
	return t;
}

void
tpl_free(struct tpl **tp)
{
	if (*tp == NULL)
		return;
	node_free((*tp)->root);
	free((*tp)->src);
	free(*tp);
	*tp = NULL;
}

const char *
tpl_source(const struct tpl *t)
{
	return t->src;
}

const char *
tpl_literal(const struct tpl *t)
{
	const struct node	*r = t->root;

	if (r->nkids == 0)
		return "";
	if (r->nkids == 1 && r->kids[0]->type == N_TEXT)
		return r->kids[0]->s;
	return NULL;
}

/* ---------------------------------------------------------------- check */

struct check {
	const struct tpl_checker *ck;
	const struct tpl *cur;		/* the template being read */
	void		(*report)(void *, const struct tpl *, size_t,
			    const char *);
	void		*arg;
	int		 errors;
	int		 depth;		/* macros within macros */
	long		 expanded;	/* macro bodies read for this one */
	int		 ctx[16];	/* the contexts a name may be in */
	int		 nctx;		/* innermost last */
};

/*
 * A template's macros read at most this many times over (each use of a
 * macro reads its body again, in the context of that use): a macro that
 * uses another four times, sixteen deep, would be read four billion
 * times. The shipped styles read a few hundred.
 */
#define CHECK_EXPANSIONS	100000

static void
check_err(struct check *c, size_t off, char *msg)
{
	c->report(c->arg, c->cur, off, msg);
	free(msg);
	c->errors++;
}

static void check_node(struct check *, const struct node *);

/* A node that is one name alone (#{x} as an operand). */
static const struct node *
lone_var(const struct node *n)
{
	if (n != NULL && n->type == N_SEQ && n->nkids == 1)
		n = n->kids[0];
	return n != NULL && n->type == N_VAR && n->a == NULL ? n : NULL;
}

/*
 * What a name is, looking at macros first, then at the contexts from the
 * innermost out (a loop's body sees its element, then what is around it).
 */
static enum tval_type
check_name(struct check *c, const struct node *n, int *elem)
{
	const struct tpl	*m;
	enum tval_type		 t = TVAL_NONE;
	int			 k;

	*elem = 0;
	if (c->ck->macro != NULL &&
	    (m = c->ck->macro(c->ck->arg, n->s, n->len)) != NULL) {
		if (c->expanded++ == CHECK_EXPANSIONS)
			check_err(c, n->off, xasprintf(_("macros are used more "
			    "than %d times over in this template (a macro "
			    "using another several times, many levels deep): "
			    "use fewer"), CHECK_EXPANSIONS));
		if (c->depth < 16 && c->expanded <= CHECK_EXPANSIONS) {
			const struct tpl *saved = c->cur;

			c->depth++;
			c->cur = m;
			check_node(c, m->root);
			c->cur = saved;
			c->depth--;
		}
		return TVAL_TEXT;
	}
	for (k = c->nctx - 1; k >= 0 && t == TVAL_NONE; k--)
		t = c->ck->type(c->ck->arg, c->ctx[k], n->s, n->len, elem);
	if (t == TVAL_NONE) {
		char *near = NULL;

		for (k = c->nctx - 1; k >= 0 && near == NULL &&
		    c->ck->nearest != NULL; k--)
			near = c->ck->nearest(c->ck->arg, c->ctx[k], n->s,
			    n->len);
		if (near != NULL)
			check_err(c, n->off, xasprintf(_("unknown name '%.*s' "
			    "here (did you mean '%s'?)"), (int)n->len, n->s,
			    near));
		else
			check_err(c, n->off, xasprintf(_("unknown name '%.*s' "
			    "here"), (int)n->len, n->s));
		free(near);
	}
	return t;
}

/* A condition: a name alone may be a list or an object. */
static void
check_cond(struct check *c, const struct node *n)
{
	const struct node	*v = n != NULL && n->type == N_VAR ? n :
				    lone_var(n);
	int			 elem;

	if (v != NULL) {
		check_name(c, v, &elem);
		check_node(c, v->a);
	} else
		check_node(c, n);
}

static void
check_node(struct check *c, const struct node *n)
{
	enum tval_type	 t;
	size_t		 i;
	int		 elem;

	if (n == NULL)
		return;
	switch (n->type) {
	case N_SEQ:
		for (i = 0; i < n->nkids; i++)
			check_node(c, n->kids[i]);
		return;
	case N_TEXT:
		return;
	case N_VAR:
		t = check_name(c, n, &elem);
		if (t == TVAL_LIST)
			check_err(c, n->off, xasprintf(_("'%.*s' is a list: "
			    "print it with #{each:%.*s,SEPARATOR,TEMPLATE}"),
			    (int)n->len, n->s, (int)n->len, n->s));
		else if (t == TVAL_OBJ)
			check_err(c, n->off, xasprintf(_("'%.*s' is an object: "
			    "name one of its fields (%.*s.name …)"),
			    (int)n->len, n->s, (int)n->len, n->s));
		check_node(c, n->a);
		return;
	case N_COND:
		check_cond(c, n->a);
		check_node(c, n->b);
		check_node(c, n->c);
		return;
	case N_CMP:
		if (n->op == OP_AND || n->op == OP_OR) {
			check_cond(c, n->a);
			check_cond(c, n->b);
		} else {
			check_node(c, n->a);
			check_node(c, n->b);
		}
		return;
	case N_NOT:
		check_cond(c, n->a);
		return;
	case N_EACH:
	case N_COUNT:
		t = check_name(c, n, &elem);
		if (t != TVAL_NONE && t != TVAL_LIST) {
			check_err(c, n->off, xasprintf(_("'%.*s' is not a "
			    "list"), (int)n->len, n->s));
			return;
		}
		check_node(c, n->a);
		if (t == TVAL_LIST && c->nctx < 16) {
			c->ctx[c->nctx++] = elem | TPL_IN_LIST;
			check_node(c, n->b);
			c->nctx--;
		}
		return;
	case N_FUNC:
		if (n->op == F_NEXT)
			return;		/* a counter's name, any name */
		if (n->op == F_WORD) {
			check_name(c, n->kids[0], &elem);
			return;
		}
		for (i = 0; i < n->nkids; i++)
			check_node(c, n->kids[i]);
		return;
	}
}

int
tpl_check(const struct tpl *t, int ctx, const struct tpl_checker *ck,
    void (*report)(void *, const struct tpl *, size_t, const char *),
    void *arg)
{
	struct check	 c;

	memset(&c, 0, sizeof c);
	c.ck = ck;
	c.cur = t;
	c.report = report;
	c.arg = arg;
	c.ctx[c.nctx++] = ctx;
	check_node(&c, t->root);
	return c.errors;
}

/* ------------------------------------------------------------ mentions */

/*
 * Is name one of the parts of the dotted name s (speaker, vote.mover and
 * vote.mover.label all name mover)? A dotted name given whole matches
 * itself or a longer one it starts or ends.
 */
static int
names_part(const char *s, size_t len, const char *name, size_t nl)
{
	size_t	 i = 0, j;

	if (len == nl && memcmp(s, name, nl) == 0)
		return 1;
	while (i < len) {
		for (j = i; j < len && s[j] != '.'; j++)
			;
		if (j - i == nl && memcmp(s + i, name, nl) == 0)
			return 1;
		i = j + 1;
	}
	if (memchr(name, '.', nl) != NULL && len > nl && (memcmp(s, name,
	    nl) == 0 ? s[nl] == '.' : (s[len - nl - 1] == '.' &&
	    memcmp(s + len - nl, name, nl) == 0)))
		return 1;
	return 0;
}

static int
mentions(const struct node *n, const char *name, int loops,
    const struct tpl *(*macro)(void *, const char *, size_t), void *arg,
    int depth, long *budget)
{
	const struct tpl	*m;
	size_t			 i, nl = strlen(name);

	if (n == NULL || depth > 16)
		return 0;
	/* Past the budget (macros many times over): taken as mentioned. */
	if (--*budget < 0)
		return 1;
	switch (n->type) {
	case N_FUNC:
		if (n->op == F_NEXT && strcmp(name, "next:") == 0)
			return 1;
		break;
	case N_VAR:
	case N_EACH:
	case N_COUNT:
		if (names_part(n->s, n->len, name, nl))
			return 1;
		if (n->type == N_VAR && macro != NULL &&
		    (m = macro(arg, n->s, n->len)) != NULL &&
		    mentions(m->root, name, loops, macro, arg, depth + 1, budget))
			return 1;
		if (n->type != N_VAR && !loops)
			return mentions(n->a, name, loops, macro, arg, depth,
			    budget);
		break;
	default:
		break;
	}
	if (mentions(n->a, name, loops, macro, arg, depth, budget) ||
	    mentions(n->b, name, loops, macro, arg, depth, budget) ||
	    mentions(n->c, name, loops, macro, arg, depth, budget))
		return 1;
	for (i = 0; i < n->nkids; i++) {
		if (mentions(n->kids[i], name, loops, macro, arg, depth,
		    budget))
			return 1;
	}
	return 0;
}

int
tpl_mentions(const struct tpl *t, const char *name, int loops,
    const struct tpl *(*macro)(void *, const char *, size_t), void *arg)
{
	long	 budget = CHECK_EXPANSIONS * 10;

	return t != NULL && mentions(t->root, name, loops, macro, arg, 0,
	    &budget);
}

/* ----------------------------------------------------------------- eval */

int
tpl_true(const char *s)
{
	return s != NULL && *s != '\0' && strcmp(s, "0") != 0;
}

static void run(const struct node *, const struct tpl_scope *,
    struct tpl_eval *, struct buf *, int conv);

/* Literal or composed text, its ASCII digits in the document's width. */
static void
put_conv(struct tpl_eval *ev, struct buf *out, const char *s, size_t len,
    int conv)
{
	char	*t, *d;

	if (!conv || ev->digits == JDIGITS_HALF ||
	    strcspn(s, "0123456789") >= len) {
		buf_add(out, s, len);
		return;
	}
	t = xstrndup(s, len);
	d = jdate_digits(t, (enum jdigits)ev->digits);
	buf_puts(out, d);
	free(d);
	free(t);
}

static void
put_num(struct tpl_eval *ev, struct buf *out, long n, int conv)
{
	char	 tmp[32];
	int	 len;

	len = snprintf(tmp, sizeof tmp, "%ld", n);
	put_conv(ev, out, tmp, (size_t)len, conv);
}

static void
put_user(struct buf *out, const char *s)
{
	char	*c;

	if (utf8_is_clean(s, 1)) {
		buf_puts(out, s);
		return;
	}
	c = utf8_sanitize(s, 1);
	buf_puts(out, c);
	free(c);
}

/* Look name up through the scope chain; 0 when found. */
static int
lookup(const struct tpl_scope *sc, const char *name, size_t len,
    struct tval *v)
{
	for (; sc != NULL; sc = sc->parent) {
		memset(v, 0, sizeof *v);
		if (sc->get != NULL && sc->get(sc, name, len, v) == 0)
			return 0;
	}
	memset(v, 0, sizeof *v);
	return -1;
}

static void
tval_clear(struct tval *v)
{
	free(v->own);
	v->own = NULL;
}

/* A name's value printed (conv: in the document's digits). */
static void
run_var(const struct node *n, const struct tpl_scope *sc,
    struct tpl_eval *ev, struct buf *out, int conv)
{
	const struct tpl	*m;
	struct tval		 v;
	size_t			 before = out->len;

	if (ev->macro != NULL &&
	    (m = ev->macro(ev->arg, n->s, n->len)) != NULL) {
		if (ev->depth < TPL_MAX_DEPTH) {
			ev->depth++;
			run(m->root, sc, ev, out, conv);
			ev->depth--;
		} else
			ev->over |= TPL_OVER_DEPTH;
	} else if (lookup(sc, n->s, n->len, &v) == 0) {
		switch (v.type) {
		case TVAL_TEXT:
			buf_puts(out, v.s != NULL ? v.s : "");
			break;
		case TVAL_USER:
			put_user(out, v.s != NULL ? v.s : "");
			break;
		case TVAL_NUM:
			put_num(ev, out, v.n, conv);
			break;
		default:
			break;
		}
		tval_clear(&v);
	}
	if (out->len == before && n->a != NULL)
		run(n->a, sc, ev, out, conv);
}

/* A condition: true, or a list with elements, or an object. */
static int
run_cond(const struct node *n, const struct tpl_scope *sc,
    struct tpl_eval *ev)
{
	struct tval	 v;
	struct buf	 b;
	int		 r;

	if (lone_var(n) != NULL)
		n = lone_var(n);
	if (n->type == N_VAR && (ev->macro == NULL ||
	    ev->macro(ev->arg, n->s, n->len) == NULL) &&
	    lookup(sc, n->s, n->len, &v) == 0) {
		switch (v.type) {
		case TVAL_LIST:
			return v.n > 0;
		case TVAL_OBJ:
			return v.p != NULL;
		case TVAL_NUM:
			return v.n != 0;
		default:
			r = tpl_true(v.s);
			tval_clear(&v);
			if (r || n->a == NULL)
				return r;
		}
	}
	buf_init(&b);
	run(n, sc, ev, &b, 0);
	r = tpl_true(b.s);
	buf_free(&b);
	return r;
}

static char *
run_str(const struct node *n, const struct tpl_scope *sc,
    struct tpl_eval *ev, int conv)
{
	struct buf	 b;

	buf_init(&b);
	buf_add(&b, "", 0);
	if (n != NULL)
		run(n, sc, ev, &b, conv);
	return buf_detach(&b);
}

static int
num_of(const char *s, long *out)
{
	char	*end;

	if (s == NULL || *s == '\0')
		return -1;
	*out = strtol(s, &end, 10);
	return *end == '\0' ? 0 : -1;
}

/*
 * Arithmetic on whole numbers: the number, or nothing when an operand is
 * not one, on a division by zero or an overflow.
 */
static void
run_arith(const struct node *n, const struct tpl_scope *sc,
    struct tpl_eval *ev, struct buf *out, int conv)
{
	char	*a = run_str(n->a, sc, ev, 0), *b = run_str(n->b, sc, ev, 0);
	long	 x, y, r;
	int	 ok;

	ok = num_of(a, &x) == 0 && num_of(b, &y) == 0;
	free(a);
	free(b);
	if (!ok)
		return;
	switch (n->op) {
	case OP_ADD:
		ok = !__builtin_add_overflow(x, y, &r);
		break;
	case OP_SUB:
		ok = !__builtin_sub_overflow(x, y, &r);
		break;
	case OP_MUL:
		ok = !__builtin_mul_overflow(x, y, &r);
		break;
	case OP_DIV:
		ok = y != 0 && !(x == LONG_MIN && y == -1);
		r = ok ? x / y : 0;
		break;
	default:
		ok = y != 0 && !(x == LONG_MIN && y == -1);
		r = ok ? x % y : 0;
		break;
	}
	if (ok)
		put_num(ev, out, r, conv);
}

static int
run_cmp(const struct node *n, const struct tpl_scope *sc,
    struct tpl_eval *ev)
{
	char	*a, *b;
	long	 x, y;
	int	 r, numeric;

	if (n->op == OP_AND)
		return run_cond(n->a, sc, ev) && run_cond(n->b, sc, ev);
	if (n->op == OP_OR)
		return run_cond(n->a, sc, ev) || run_cond(n->b, sc, ev);
	a = run_str(n->a, sc, ev, 0);
	b = run_str(n->b, sc, ev, 0);
	numeric = num_of(a, &x) == 0 && num_of(b, &y) == 0;
	r = numeric ? (x > y) - (x < y) : strcmp(a, b);
	free(a);
	free(b);
	switch (n->op) {
	case OP_EQ:
		return r == 0;
	case OP_NE:
		return r != 0;
	case OP_LT:
		return r < 0;
	case OP_GT:
		return r > 0;
	case OP_LE:
		return r <= 0;
	default:
		return r >= 0;
	}
}

static void
run_each(const struct node *n, const struct tpl_scope *sc,
    struct tpl_eval *ev, struct buf *out, int conv, long *count)
{
	struct tpl_scope	 el;
	struct tval		 v;
	struct buf		 item;
	size_t			 i, shown = 0;

	*count = 0;
	if (lookup(sc, n->s, n->len, &v) != 0 || v.type != TVAL_LIST)
		return;
	buf_init(&item);
	for (i = 0; i < (size_t)v.n && !ev->over; i++) {
		ev->steps++;	/* an element visited, printed or not */
		memset(&el, 0, sizeof el);
		el.parent = sc;
		el.shown = shown;
		if (sc->elem == NULL || sc->elem(sc, &v, i, &el) != 0)
			continue;
		el.parent = sc;
		el.i = i;
		el.n = (size_t)v.n;
		el.shown = shown;
		buf_reset(&item);
		if (n->b != NULL)
			run(n->b, &el, ev, &item, conv);
		else
			buf_putc(&item, '1');
		if (item.len == 0)
			continue;
		if (out != NULL) {
			if (shown > 0 && n->a != NULL)
				run(n->a, sc, ev, out, conv);
			buf_add(out, item.s, item.len);
		}
		shown++;
	}
	buf_free(&item);
	*count = (long)shown;
}

/* ---------------------------------------------------------- functions */

static const char *const katakana[] = {
	"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ",
	"ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
	"ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ",
	"ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ"
};
static const char *const iroha[] = {
	"イ", "ロ", "ハ", "ニ", "ホ", "ヘ", "ト", "チ", "リ", "ヌ", "ル", "ヲ",
	"ワ", "カ", "ヨ", "タ", "レ", "ソ", "ツ", "ネ", "ナ", "ラ", "ム", "ウ",
	"ヰ", "ノ", "オ", "ク", "ヤ", "マ", "ケ", "フ", "コ", "エ", "テ", "ア",
	"サ", "キ", "ユ", "メ", "ミ", "シ", "ヱ", "ヒ", "モ", "セ", "ス"
};

static void
put_circled(struct tpl_eval *ev, struct buf *out, long n, int conv)
{
	/* ① U+2460 … ⑳ U+2473, ㉑ U+3251 … ㉟ U+325F, ㊱ U+32B1 … ㊿ U+32BF */
	uint32_t	 cp;
	char		 tmp[8];
	size_t		 len;

	if (n >= 1 && n <= 20)
		cp = 0x2460 + (uint32_t)(n - 1);
	else if (n >= 21 && n <= 35)
		cp = 0x3251 + (uint32_t)(n - 21);
	else if (n >= 36 && n <= 50)
		cp = 0x32b1 + (uint32_t)(n - 36);
	else {
		buf_putc(out, '(');
		put_num(ev, out, n, conv);
		buf_putc(out, ')');
		return;
	}
	len = utf8_encode(cp, tmp);
	buf_add(out, tmp, len);
}

static void
put_roman(struct buf *out, long n, int upper)
{
	static const struct {
		long		 v;
		const char	*s;
	} r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" }
	};
	size_t	 k, i;

	if (n <= 0 || n >= 4000) {
		buf_printf(out, "%ld", n);
		return;
	}
	for (k = 0; k < sizeof r / sizeof r[0]; k++) {
		for (; n >= r[k].v; n -= r[k].v) {
			for (i = 0; r[k].s[i] != '\0'; i++)
				buf_putc(out, upper ? (char)(r[k].s[i] - 32) :
				    r[k].s[i]);
		}
	}
}

static void
put_kanji(struct buf *out, long n)
{
	static const char *const d[] = { "〇", "一", "二", "三", "四", "五",
	    "六", "七", "八", "九" };
	static const char *const u[] = { "", "十", "百", "千" };
	int	 digit[4], k;

	if (n <= 0 || n >= 10000) {
		buf_printf(out, "%ld", n);
		return;
	}
	for (k = 0; k < 4; k++, n /= 10)
		digit[k] = (int)(n % 10);
	for (k = 3; k >= 0; k--) {
		if (digit[k] == 0)
			continue;
		if (digit[k] != 1 || k == 0)
			buf_puts(out, d[digit[k]]);
		buf_puts(out, u[k]);
	}
}

static const char *
ordinal_suffix(long n)
{
	long	 t = n % 100;

	if (t >= 11 && t <= 13)
		return "th";
	switch (n % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	default:
		return "th";
	}
}

/* Full-width digits (０-９) in s made ASCII, in place. */
static void
narrow_digits(char *s)
{
	char	*p, *q;

	for (p = q = s; *p != '\0'; p++) {
		if ((unsigned char)p[0] == 0xef && (unsigned char)p[1] == 0xbc &&
		    (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99) {
			*q++ = (char)('0' + (unsigned char)p[2] - 0x90);
			p += 2;
		} else
			*q++ = *p;
	}
	*q = '\0';
}

/*
 * s in capitals (CASE_UPPER), small letters (CASE_LOWER) or title case
 * (CASE_TITLE: ǆ → ǅ, the form that begins a word): every script's
 * letters (Ō, É, Я), by the C library's simple case mapping in the
 * C.UTF-8 locale whatever the user's, one character for one (ß stays
 * ß); ASCII only where the C library has no C.UTF-8.
 */
enum { CASE_LOWER, CASE_UPPER, CASE_TITLE };
static void
put_case(struct buf *out, const char *s, int mode)
{
	static locale_t	 loc;
	static wctrans_t title;
	static int	 tried;
	uint32_t	 cp;
	wint_t		 w;
	size_t		 n, len = strlen(s);
	int		 upper = mode != CASE_LOWER;
	char		 enc[4];

	if (!tried) {
		tried = 1;
		loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		if (loc != (locale_t)0)
			title = wctrans_l("totitle", loc);
	}
	while (len > 0) {
		n = utf8_decode(s, len, &cp);
		if (n == 0 || (cp == UTF8_REPLACEMENT && n != 3)) {
			buf_putc(out, *s);	/* not UTF-8: as it is */
			n = 1;
		} else if (loc != (locale_t)0) {
			if (mode == CASE_TITLE && title != (wctrans_t)0)
				w = towctrans_l((wint_t)cp, title, loc);
			else
				w = upper ? towupper_l((wint_t)cp, loc) :
				    towlower_l((wint_t)cp, loc);
			buf_add(out, enc, utf8_encode((uint32_t)w, enc));
		} else if (upper && cp >= 'a' && cp <= 'z')
			buf_putc(out, (char)(cp - 32));
		else if (!upper && cp >= 'A' && cp <= 'Z')
			buf_putc(out, (char)(cp + 32));
		else
			buf_add(out, s, n);
		s += n;
		len -= n;
	}
}

static long *
counter(struct tpl_eval *ev, const char *name, size_t len)
{
	size_t	 i;

	for (i = 0; i < ev->ncounters; i++) {
		if (strlen(ev->counters[i].name) == len &&
		    memcmp(ev->counters[i].name, name, len) == 0)
			return &ev->counters[i].n;
	}
	ev->counters = xreallocarray(ev->counters, ev->ncounters + 1,
	    sizeof *ev->counters);
	ev->counters[ev->ncounters].name = xstrndup(name, len);
	ev->counters[ev->ncounters].n = 0;
	return &ev->counters[ev->ncounters++].n;
}

/* The length of s with every from replaced by to. */
static size_t
replaced_len(const char *s, const char *from, const char *to)
{
	size_t		 n = strlen(from), len = strlen(s), k = 0;
	const char	*q;

	for (; n > 0 && (q = strstr(s, from)) != NULL; s = q + n)
		k++;
	if (strlen(to) <= n)
		return len;
	if (k > (SIZE_MAX - len) / (strlen(to) - n))
		return SIZE_MAX / 2;
	return len + k * (strlen(to) - n);
}

static void
run_func(const struct node *n, const struct tpl_scope *sc,
    struct tpl_eval *ev, struct buf *out, int conv)
{
	const struct tpl	*w;
	struct tval		 v;
	char			*a = NULL, *b = NULL, *c, *p;
	long			 x = 0;
	size_t			 la, lb;

	switch (n->op) {
	case F_WORD:
		a = run_str(n->kids[0], sc, ev, 0);
		if (ev->word != NULL && (w = ev->word(ev->arg,
		    n->kids[0]->s, n->kids[0]->len, a)) != NULL)
			run(w->root, sc, ev, out, conv);
		else if (lookup(sc, n->kids[0]->s, n->kids[0]->len,
		    &v) == 0 && v.type == TVAL_NUM)
			put_num(ev, out, v.n, conv);
		else
			put_user(out, a);
		free(a);
		return;
	case F_NEXT:
		x = ++*counter(ev, n->kids[0]->s, n->kids[0]->len);
		put_num(ev, out, x, conv);
		return;
	case F_HALF:
		/* Composed numbers not widened, and recorded ones narrowed. */
		a = run_str(n->kids[0], sc, ev, 0);
		narrow_digits(a);
		buf_puts(out, a);
		free(a);
		return;
	case F_FULL:
		a = run_str(n->kids[0], sc, ev, 0);
		b = jdate_digits(a, JDIGITS_FULL);
		buf_puts(out, b);
		free(a);
		free(b);
		return;
	case F_DIGITS:
		/* Recorded digits, full-width or not, as the document's. */
		a = run_str(n->kids[0], sc, ev, 0);
		narrow_digits(a);
		put_conv(ev, out, a, strlen(a), conv);
		free(a);
		return;
	case F_WIDE:
		/* ASCII letters, digits and signs full-width (Ａ, １, ＋). */
		a = run_str(n->kids[0], sc, ev, conv);
		for (p = a; *p != '\0'; p++) {
			char	 enc[4];

			if (*p > ' ' && *p < 0x7f)
				buf_add(out, enc, utf8_encode(0xff01 +
				    (uint32_t)(*p - '!'), enc));
			else if (*p == ' ')
				buf_puts(out, "\xe3\x80\x80");	/* U+3000 */
			else
				buf_putc(out, *p);
		}
		free(a);
		return;
	case F_FILL:
		/* T, then FILL while it fits in WIDTH display columns. */
		a = run_str(n->kids[0], sc, ev, conv);
		buf_puts(out, a);
		b = run_str(n->kids[1], sc, ev, 0);
		c = run_str(n->kids[2], sc, ev, conv);
		x = strtol(b, &p, 10);
		la = utf8_width(a);
		lb = utf8_width(c);
		if (*b != '\0' && *p == '\0' && x > 0 && x <= 1000 && lb > 0) {
			for (; la + lb <= (size_t)x; la += lb)
				buf_puts(out, c);
		}
		free(a);
		free(b);
		free(c);
		return;
	case F_PAD:
		a = run_str(n->kids[0], sc, ev, 0);
		b = run_str(n->kids[1], sc, ev, 0);
		x = strtol(b, &p, 10);
		la = strlen(a);
		if (*b != '\0' && *p == '\0' && x > 0 && x <= 20 &&
		    la < (size_t)x && strspn(a, "0123456789") == la) {
			char	 tmp[24];

			memset(tmp, '0', (size_t)x - la);
			memcpy(tmp + x - la, a, la + 1);
			put_conv(ev, out, tmp, strlen(tmp), conv);
		} else
			put_conv(ev, out, a, la, conv);
		free(a);
		free(b);
		return;
	case F_SPACED:
	case F_UPPER:
	case F_LOWER:
	case F_STARTS:
	case F_ENDS:
	case F_CONTAINS:
	case F_CHOP:
	case F_REPLACE:
	case F_CAP:
	case F_UNCAP:
	case F_INITIALS:
		break;
	case F_PLURAL:
		a = run_str(n->kids[0], sc, ev, 0);
		num_of(a, &x);
		free(a);
		run(n->kids[x == 1 ? 1 : 2], sc, ev, out, conv);
		return;
	default:
		a = run_str(n->kids[0], sc, ev, 0);
		if (num_of(a, &x) != 0) {
			buf_puts(out, a);	/* not a number: as it is */
			free(a);
			return;
		}
		free(a);
		a = NULL;
		break;
	}
	switch (n->op) {
	case F_KATAKANA:
		if (x >= 1 && x <= (long)(sizeof katakana / sizeof *katakana))
			buf_puts(out, katakana[x - 1]);
		else
			put_num(ev, out, x, conv);
		break;
	case F_IROHA:
		if (x >= 1 && x <= (long)(sizeof iroha / sizeof *iroha))
			buf_puts(out, iroha[x - 1]);
		else
			put_num(ev, out, x, conv);
		break;
	case F_CIRCLED:
		put_circled(ev, out, x, conv);
		break;
	case F_ALPHA:
	case F_UALPHA:
		if (x >= 1 && x <= 26)
			buf_putc(out, (char)((n->op == F_ALPHA ? 'a' : 'A') +
			    x - 1));
		else
			put_num(ev, out, x, conv);
		break;
	case F_ROMAN:
	case F_UROMAN:
		put_roman(out, x, n->op == F_UROMAN);
		break;
	case F_ORDINAL:
		put_num(ev, out, x, conv);
		buf_puts(out, ordinal_suffix(x));
		break;
	case F_KANJI:
		put_kanji(out, x);
		break;
	case F_SPACED:
		a = run_str(n->kids[0], sc, ev, conv);
		if (utf8_strlen(a) == 2) {
			uint32_t	 cp;

			la = utf8_decode(a, strlen(a), &cp);
			buf_add(out, a, la);
			buf_putc(out, ' ');
			buf_puts(out, a + la);
		} else
			buf_puts(out, a);
		break;
	case F_UPPER:
	case F_LOWER:
		a = run_str(n->kids[0], sc, ev, conv);
		put_case(out, a, n->op == F_UPPER ? CASE_UPPER : CASE_LOWER);
		break;
	case F_CAP:
	case F_UNCAP:
		/* The first character only: That → that. */
		a = run_str(n->kids[0], sc, ev, conv);
		if (*a != '\0') {
			uint32_t	 cp;
			char		*first;

			la = utf8_decode(a, strlen(a), &cp);
			first = xstrndup(a, la);
			put_case(out, first, n->op == F_CAP ? CASE_TITLE :
			    CASE_LOWER);
			free(first);
			buf_puts(out, a + la);
		}
		break;
	case F_INITIALS:
		/* Each word's first character, one space between: D J. */
		a = run_str(n->kids[0], sc, ev, conv);
		for (p = a, x = 0; *p != '\0';) {
			uint32_t	 cp;

			if (*p == ' ' || *p == '\t' || strncmp(p, "\xe3\x80\x80",
			    3) == 0) {
				p += *p == ' ' || *p == '\t' ? 1 : 3;
				continue;
			}
			if (x++ > 0)
				buf_putc(out, ' ');
			la = utf8_decode(p, strlen(p), &cp);
			buf_add(out, p, la != 0 ? la : 1);
			p += la != 0 ? la : 1;
			while (*p != '\0' && *p != ' ' && *p != '\t' &&
			    strncmp(p, "\xe3\x80\x80", 3) != 0)
				p++;
		}
		break;
	case F_STARTS:
	case F_ENDS:
		a = run_str(n->kids[0], sc, ev, 0);
		b = run_str(n->kids[1], sc, ev, 0);
		la = strlen(a);
		lb = strlen(b);
		if (lb <= la && memcmp(n->op == F_STARTS ? a : a + la - lb, b,
		    lb) == 0)
			buf_putc(out, '1');
		break;
	case F_CONTAINS:
		a = run_str(n->kids[0], sc, ev, 0);
		b = run_str(n->kids[1], sc, ev, 0);
		if (*b != '\0' && strstr(a, b) != NULL)
			buf_putc(out, '1');
		break;
	case F_CHOP:
		a = run_str(n->kids[0], sc, ev, conv);
		b = run_str(n->kids[1], sc, ev, conv);
		la = strlen(a);
		lb = strlen(b);
		if (lb > 0 && lb <= la && memcmp(a + la - lb, b, lb) == 0)
			a[la - lb] = '\0';
		buf_puts(out, a);
		break;
	case F_REPLACE:
		/* Every FROM in T, left to right, by TO. */
		a = run_str(n->kids[0], sc, ev, conv);
		b = run_str(n->kids[1], sc, ev, conv);
		c = run_str(n->kids[2], sc, ev, conv);
		/* Replaces within replaces grow it to any size: measured. */
		if (out->len + replaced_len(a, b, c) > TPL_MAX_OUT)
			ev->over |= TPL_OVER_SIZE;
		else
			buf_replace(out, a, b, c);
		free(c);
		break;
	}
	free(a);
	free(b);
}

static void
run(const struct node *n, const struct tpl_scope *sc, struct tpl_eval *ev,
    struct buf *out, int conv)
{
	size_t	 i;
	long	 count;

	if (n == NULL || ev->over)
		return;
	if (out != NULL && out->len > TPL_MAX_OUT) {
		ev->over |= TPL_OVER_SIZE;
		return;
	}
	if (++ev->steps > (ev->budget != 0 ? ev->budget : TPL_BUDGET)) {
		ev->over |= TPL_OVER_WORK;
		return;
	}
	switch (n->type) {
	case N_SEQ:
		for (i = 0; i < n->nkids; i++)
			run(n->kids[i], sc, ev, out, conv);
		break;
	case N_TEXT:
		put_conv(ev, out, n->s, n->len, conv);
		break;
	case N_VAR:
		run_var(n, sc, ev, out, conv);
		break;
	case N_COND:
		if (run_cond(n->a, sc, ev))
			run(n->b, sc, ev, out, conv);
		else
			run(n->c, sc, ev, out, conv);
		break;
	case N_CMP:
		if (n->op >= OP_ADD)
			run_arith(n, sc, ev, out, conv);
		else
			buf_putc(out, run_cmp(n, sc, ev) ? '1' : '0');
		break;
	case N_NOT:
		buf_putc(out, run_cond(n->a, sc, ev) ? '0' : '1');
		break;
	case N_EACH:
		run_each(n, sc, ev, out, conv, &count);
		break;
	case N_COUNT:
		run_each(n, sc, ev, NULL, conv, &count);
		put_num(ev, out, count, conv);
		break;
	case N_FUNC:
		run_func(n, sc, ev, out, conv);
		break;
	}
}

void
tpl_run(const struct tpl *t, const struct tpl_scope *sc, struct tpl_eval *ev,
    struct buf *out)
{
	run(t->root, sc, ev, out, 1);
}

char *
tpl_raw(const struct tpl *t, const struct tpl_scope *sc, struct tpl_eval *ev)
{
	struct buf	 b;

	buf_init(&b);
	buf_add(&b, "", 0);
	if (t != NULL)
		run(t->root, sc, ev, &b, 0);
	return buf_detach(&b);
}

char *
tpl_string(const struct tpl *t, const struct tpl_scope *sc,
    struct tpl_eval *ev)
{
	struct buf	 b;

	buf_init(&b);
	buf_add(&b, "", 0);
	if (t != NULL)
		run(t->root, sc, ev, &b, 1);
	return buf_detach(&b);
}

void
tpl_eval_free(struct tpl_eval *ev)
{
	size_t	 i;

	for (i = 0; i < ev->ncounters; i++)
		free(ev->counters[i].name);
	free(ev->counters);
	ev->counters = NULL;
	ev->ncounters = 0;
}

/* SPDX-License-Identifier: ISC */
/*
 * The template language of style files (giji-style(5)): literal text with
 * #{...} expansions, modelled on tmux's formats. A template is compiled
 * once, when its style is loaded, into a small tree; the tree is checked
 * against the names its context offers (so a style with a misspelt name
 * never produces minutes) and evaluated many times.
 *
 *   #{name}              a value: an event field, a derived value, a macro
 *   #{name|TEMPLATE}     name's value, or TEMPLATE when it is empty
 *   #{?COND,THEN,ELSE}   COND is a name or an expansion; ELSE optional
 *   #{==:A,B} #{!=:A,B} #{<:A,B} #{>:A,B} #{<=:A,B} #{>=:A,B}
 *   #{&&:A,B} #{||:A,B} #{!:A}
 *   #{each:LIST,SEP,TEMPLATE}   every element; an empty one is left out
 *   #{count:LIST} #{count:LIST,TEMPLATE}
 *   #{f:ARG,...}         a function (template_funcs[] in template.c)
 *
 * The last argument of a #{...} runs to its closing brace; a comma in an
 * earlier argument is written #, and ## #} #| are a literal # } |.
 *
 * Nothing here knows minutes: the names a template may use and their
 * values come from the caller through struct tpl_scope.
 */
#ifndef GIJI_TEMPLATE_H
#define GIJI_TEMPLATE_H

#include <stddef.h>
#include <stdint.h>

#include "xmalloc.h"

struct tpl;

/* What a name stands for. */
enum tval_type {
	TVAL_NONE,	/* unknown name */
	TVAL_TEXT,	/* composed text, printed as it is */
	TVAL_USER,	/* a string from the log: cleaned, never converted */
	TVAL_NUM,	/* a number: printed in the document's digits */
	TVAL_LIST,	/* a list of objects (each:, count:) */
	TVAL_OBJ	/* an object whose fields are name.field */
};

struct tval {
	enum tval_type	 type;
	const char	*s;	/* TEXT, USER: borrowed or own */
	char		*own;	/* freed by the evaluator when set */
	long		 n;	/* NUM; LIST: number of elements */
	int		 ctx;	/* LIST, OBJ: the context of its elements */
	const void	*p;	/* LIST, OBJ: for the scope's own use */
};

/*
 * Where names are looked up while evaluating. get() fills *v for a name
 * (the whole dotted name, len bytes) or returns -1 when it has none, and
 * the evaluator asks the parent. elem() makes the scope of element i of
 * a list value. The caller owns the scopes; the evaluator only reads
 * them.
 */
struct tpl_scope {
	int	(*get)(const struct tpl_scope *, const char *name,
		    size_t len, struct tval *v);
	int	(*elem)(const struct tpl_scope *, const struct tval *list,
		    size_t i, struct tpl_scope *out);
	const struct tpl_scope *parent;
	int		 ctx;		/* what this scope is (caller's enum) */
	const void	*p;		/* the object */
	size_t		 i;		/* position in its list, from 0 */
	size_t		 n;		/* elements in its list; 0: not in one */
	size_t		 shown;		/* elements printed before it */
	void		*arg;		/* the caller's state */
};

/* Set in the context passed to type() inside a #{each:} or #{count:} body. */
#define TPL_IN_LIST	0x1000

/*
 * Checking: type() says what name means in context ctx (TVAL_NONE when it
 * means nothing there) and, for a list or an object, the context of its
 * elements. macro() returns a macro's template by name, or NULL.
 */
struct tpl_checker {
	enum tval_type	 (*type)(void *arg, int ctx, const char *name,
			    size_t len, int *elem_ctx);
	const struct tpl *(*macro)(void *arg, const char *name, size_t len);
	int		 (*word)(void *arg, const char *name, size_t len);
	/* The known name nearest to an unknown one (allocated), or NULL. */
	char		*(*nearest)(void *arg, int ctx, const char *name,
			    size_t len);
	void		*arg;
};

/* A compile or check error: the byte offset in the template and what. */
struct tpl_error {
	size_t		 offset;
	char		*msg;
};

/*
 * How an evaluation prints. digits: enum jdigits applied to literal text
 * and numbers; macro() and word() as in tpl_checker; counters for next:.
 */
struct tpl_eval {
	int		 digits;
	const struct tpl *(*macro)(void *arg, const char *name, size_t len);
	const struct tpl *(*word)(void *arg, const char *name, size_t len,
			    const char *value);
	void		*arg;
	struct tpl_counter {
		char	*name;
		long	 n;
	}		*counters;
	size_t		 ncounters;
	int		 depth;		/* macro nesting, against loops */
	/*
	 * The work the templates of one document may do, in steps (a node
	 * evaluated, an element of a list visited; 0: TPL_BUDGET), and what
	 * ran out (TPL_OVER_*): from then on nothing more is printed, and
	 * the caller refuses the document. A #{count:} within a #{count:}
	 * within … costs the list's length to the power of the nesting.
	 */
	uint64_t	 steps;
	uint64_t	 budget;
	int		 over;
};
/* 8 M steps and 256 an event: the shipped styles take under 20 an event. */
#define TPL_BUDGET	(8 * 1000 * 1000)
#define TPL_MAX_DEPTH	16		/* macros within macros */
#define TPL_MAX_OUT	(16 * 1024 * 1024)	/* one evaluation's text */
#define TPL_OVER_WORK	0x1
#define TPL_OVER_DEPTH	0x2
#define TPL_OVER_SIZE	0x4

/* Compile src; NULL with *err set (err->msg allocated) on a syntax error. */
struct tpl	*tpl_compile(const char *src, size_t len, struct tpl_error *err);
void		 tpl_free(struct tpl **);
/* The source it was compiled from. */
const char	*tpl_source(const struct tpl *);
/* A template of literal text only (no expansion), or NULL. */
const char	*tpl_literal(const struct tpl *);

/*
 * Check every name against ctx. Returns the number of errors, each passed
 * to report() with the template it is in (t, or a macro t uses) and its
 * offset in that template's source.
 */
int		 tpl_check(const struct tpl *, int ctx, const struct tpl_checker *,
		     void (*report)(void *, const struct tpl *, size_t offset,
		     const char *msg), void *report_arg);

/*
 * Does the template (or a macro it uses) print name, or a field of that
 * name (x.name)? With loops 0, the bodies of #{each:} and #{count:} are
 * not looked at: there a name is an element's. The name "next:" asks
 * whether it counts (#{next:COUNTER}).
 */
int		 tpl_mentions(const struct tpl *, const char *name, int loops,
		     const struct tpl *(*macro)(void *, const char *, size_t),
		     void *arg);

/* Evaluate into out (appended). */
void		 tpl_run(const struct tpl *, const struct tpl_scope *,
		     struct tpl_eval *, struct buf *out);
/* Evaluate to a new string. */
char		*tpl_string(const struct tpl *, const struct tpl_scope *,
		     struct tpl_eval *);
/* Evaluate with every digit as it is (for numbers the caller reads). */
char		*tpl_raw(const struct tpl *, const struct tpl_scope *,
		     struct tpl_eval *);
/* Is the value of a condition true (non-empty and not "0")? */
int		 tpl_true(const char *);
void		 tpl_eval_free(struct tpl_eval *);

/* The names of the functions, for the manual and for messages. */
extern const char *const template_func_names[];

#endif

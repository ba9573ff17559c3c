/* SPDX-License-Identifier: ISC */
/*
 * Private to the minutes builder: the loaded style (minutes-style.c), the
 * names templates may use (minutes-vars.c) and the builder's state
 * (minutes-model.c). The renderers never see this header.
 */
#ifndef GIJI_MINUTES_BUILD_H
#define GIJI_MINUTES_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "fold.h"
#include "minutes-keys.h"
#include "minutes-model.h"
#include "style.h"
#include "template.h"

/* What a template is evaluated in: which names it may use. */
enum mctx {
	C_NONE,
	C_DOC,		/* the meeting: every context falls back to it */
	C_MEMBER,
	C_ITEM,
	C_SPEECH,
	C_NOTE,
	C_VOTE,
	C_TALLY,
	C_DECISION,
	C_SIGNER,
	C_ATTEND,
	C_EVENT,	/* meeting.open, meeting.close, recess, resume */
	C_QUORUM,
	C_MATERIAL,
	C_TIMELINE,
	C_CORRECTION,
	C_DATE,
	C_TIME,
	C_RANGE,
	C_DURATION,
	C_CHOICE,
	C_SECGROUP,
	C_DELIB,
	C_REACTION,
	C_INTEREST,
	C_ACTION,
	C_COUNT
};

enum skey_type { SK_TEMPLATE, SK_ENUM, SK_BOOL, SK_TEXT, SK_LINE };

struct mkey_def {
	const char	*section;
	const char	*key;
	enum skey_type	 type;
	enum mctx	 ctx;
	const char	*values;
	const char	*help;
};
extern const struct mkey_def mkey_defs[K_COUNT];

/* One name a template may use in a context (minutes-vars.c). */
struct mname {
	enum mctx	 ctx;
	const char	*name;
	enum tval_type	 type;
	enum mctx	 elem;		/* LIST, OBJ: its elements' context */
	int		(*get)(const struct tpl_scope *, struct tval *);
	const char	*help;
};
extern const struct mname mnames[];
extern const char *const mctx_names[C_COUNT];
/* The event type whose fields a context's names include (EV_UNKNOWN). */
enum event_type	 mctx_event(enum mctx);

/* A key = value of the style file, compiled. */
struct mentry {
	const struct style_entry *e;
	struct style_file *file;	/* the file it is in */
	int		 key;		/* enum mkey, or -1 (define, words) */
	size_t		 section;	/* index in the file's sections */
	struct tpl	*t;		/* the value as a template */
	struct tpl	*t2[3];		/* a row's further cells */
	size_t		 toff, t2off[3];	/* where each starts in the value */
	int		 v;		/* SK_ENUM: index of the value; SK_BOOL */
};

struct moption {
	char		*name;
	char		**values;
	size_t		 nvalues;
	const char	*chosen;
};

/* A loaded style: the file, compiled, and its view for one set of conditions. */
/* [style] use: how many hand-overs before it is taken for a loop. */
#define STYLE_USE_HOPS	4

struct mstyle {
	char		*name;
	char		*where;		/* "shipped" or the path it came from */
	char		*description;
	char		*languages;
	struct style_file *base;	/* the built-in defaults */
	struct style_file *file;
	struct mentry	*entries;	/* base's, then the file's */
	size_t		 nentries;
	struct moption	*options;
	size_t		 noptions;
	/* The view (mstyle_resolve). */
	const struct mentry *k[K_COUNT];
	const struct mentry **header;
	size_t		 nheader;
	const struct mentry **closing;
	size_t		 nclosing;
	const struct mentry **defines;
	size_t		 ndefines;
	const struct mentry **words;
	size_t		 nwords;
};

/* The conditions a view is resolved for. */
struct mconds {
	const char	*lang;		/* ja, en */
	const char	*labels;	/* role, name_role, name, title */
	const char	*digits;	/* half, full, mixed */
	const char	*format;	/* a minutes_formats[] name;
					   NULL: any (none is chosen yet) */
};

/*
 * Load a style by name (found as giji-style(5) says) or path, over the
 * built-in base style. NULL with errs filled when it has errors, or with
 * a cause when it cannot be found or read.
 */
struct mstyle	*mstyle_load(const char *arg, struct style_errors *,
		     char **cause);
struct mstyle	*mstyle_load_path(const char *path, struct style_errors *,
		     char **cause);
struct mstyle	*mstyle_load_text(const char *name, const char *path,
		     const char *where, const char *text, size_t len,
		     struct style_errors *);
void		 mstyle_free(struct mstyle **);
int		 mstyle_set_option(struct mstyle *, const char *name,
		     const char *value, char **cause);
void		 mstyle_resolve(struct mstyle *, const struct mconds *);
/* The key's compiled template, enum index or text, from the view. */
const struct tpl *mstyle_tpl(const struct mstyle *, enum mkey);
int		 mstyle_enum(const struct mstyle *, enum mkey);
const char	*mstyle_text(const struct mstyle *, enum mkey);
/* [style] leaves_out: does its list name what? */
int		 mstyle_leaves_out(const char *list, const char *what);
/* Whether the style (or the one it extends) sets the key, even empty. */
int		 mstyle_set(const struct mstyle *, enum mkey);
const struct tpl *mstyle_macro(const struct mstyle *, const char *, size_t);
const struct tpl *mstyle_word(const struct mstyle *, const char *, size_t,
		     const char *value);
/* The default label mode of the style (lang conditions only). */
int		 mstyle_default_labels(struct mstyle *, const char *lang);

/* ----------------------------------------------------------- the builder */

struct inum {
	int		 top;		/* top-level number, 0 when none */
	int		 sub;		/* number inside its group, 0 when none */
	int		 n;		/* among items that are not procedures */
	int		 group_first;	/* first item of its group */
	int		 done;		/* heading printed */
};

/* A member's speech label on one item (staff labels vary with the item). */
struct label_cache {
	int		 item;		/* -2: none yet */
	char		*label;
	size_t		 width;
	long		 spoken;	/* their speeches printed so far */
	long		 at;		/* spoken when label was made */
	long		 order;		/* first spoke n-th of their kind */
};

/* Objects handed to templates (scope.p) besides the fold's own. */
struct mtally {
	const struct vote	*v;
	size_t			 ti;
	const struct entry	*e;
	int			 computed;	/* -1, 0 failed, 1 carried */
	unsigned		 flags;		/* VOTE_F_* of the computation */
	long			 yes, no, abst;
	long			 needed, voters;
	long			 present, quorum;
	int			 presiding;	/* member index, or -1 */
};

struct mdecision {
	const struct decision	*dc;
	const struct entry	*e;
	int			 its[64];
	size_t			 n;
	int			 item;		/* each_item: the one */
};

struct mquorum {
	long		 present, seats, need;
};

struct mdate {
	int		 y, mo, d;
};

struct mtime {
	int		 h, mi;
};

struct mrange {
	char		*start, *end, *end_short;
};

struct mduration {
	const char	*note;
	long		 minutes;
};

struct mchoice {
	const char		*choice;
	const struct tally	*t;
};

/* A list handed to #{each:}: element i is objs[i] (or the index). */
struct mlist {
	enum mctx	 ctx;
	const void	**objs;
	size_t		 n;
	const void	*owner;		/* for per-object lists */
	int		 kind;
};

/*
 * Where the builder reads the proceedings: every entry in log order, from
 * the folded meeting (whole) or from a replay of the log beside a
 * meeting folded without its speeches (minutes_stream).
 */
struct msource {
	/* The next entry, NULL after the last. */
	const struct entry	*(*next)(void *);
	/*
	 * The k-th entry after e (k >= 1), NULL past the last: e is the
	 * entry next() returned last, or one of the meeting's own.
	 */
	const struct entry	*(*after)(void *, const struct entry *e,
				    size_t k);
	void			*arg;
};

struct builder {
	struct mdoc		*d;
	const struct meeting	*m;
	struct msource		 src;
	int			 whole;		/* src is the meeting itself */
	size_t			 whole_next;	/* the whole meeting's source */
	struct mstyle		*st;
	int			 en;
	struct tpl_eval		 ev;
	struct tpl_scope	 doc;		/* the root scope */
	struct inum		*num;
	const char		*section;	/* the group last printed */
	size_t			 nadded;	/* blocks added, spilled or not */
	size_t			 proc_start;	/* nadded when the proceedings began */
	int			 first_done;	/* [agenda] first printed */
	int			 explained;	/* report_explained printed */
	int			 proc_item;	/* open procedure item in paragraph mode */
	int			 last_item;	/* the item opened last, or -1 */
	int			 closed_said;	/* the closed item whose phrase
						   is printed (public), or -1 */
	struct buf		 proc;
	int64_t			 proc_seq;
	int			 proc_adding;	/* add() is printing proc */
	size_t			 item_added;	/* nadded when an item opened */
	int			 turn_member;	/* who spoke last, or -1 */
	char			*turn_label;	/* under which label */
	int			 turn_clean;	/* only procedural notes since */
	int			 turn_notes;	/* the same, before the last block */
	char			*pending_note;	/* before_speech = subheading */
	struct label_cache	*labels;
	int			 signer_item;
	int			 signers_done;
	int			 cur_item;	/* the item of the line composed */
	struct mlist		**lists;	/* every list made, freed at the end */
	size_t			 nlists;
	const char		*staff_label;	/* resolved */
	char			*staff_label_own;
	char			**warned;	/* what warn_once has said */
	size_t			 nwarned;
	/* Reactions printed inside their speech, by its seq (inline_index). */
	const struct reaction	**inl;
	size_t			 ninl;
	int			 closing_next;	/* the next block opens the closing */
	int			 uses_spoken;	/* a label read #{spoken}: no cache */
	int			 labels_vary;	/* labels read the speech or count */
	const struct entry	*label_speech;	/* the speech being labelled */
	long			 order_next[MK_PRESIDING + 1]; /* by kind */
	/* The dates a template may write in a form of its own. */
	struct mdate		 date;		/* the meeting's (y 0: none) */
	struct mdate		*dues;		/* each action's due date */
};

/* The shipped styles, compiled in (styles-shipped.c, from styles/). */
struct shipped_style {
	const char	*name;
	const char	*text;
};
extern const struct shipped_style shipped_styles[];

/* Names: lookup for a scope (minutes-vars.c). */
int		 mscope_get(const struct tpl_scope *, const char *, size_t,
		     struct tval *);
int		 mscope_elem(const struct tpl_scope *, const struct tval *,
		     size_t, struct tpl_scope *);
void		 mscope_init(struct tpl_scope *, struct builder *, enum mctx,
		     const void *p, const struct tpl_scope *parent);
/* The checker's view of mnames[] (minutes-style.c checks templates). */
enum tval_type	 mnames_type(enum mctx, const char *, size_t, int *elem);
/* The known name nearest to a mistyped one in ctx (allocated), or NULL. */
char		*mnames_nearest(enum mctx, const char *, size_t);

/* Helpers the names use (minutes-model.c). */
char		*mb_fmt_date(struct builder *, int y, int mo, int d);
char		*mb_fmt_time(struct builder *, int h, int mi);
char		*mb_fmt_ts_date(struct builder *, int64_t ts);
char		*mb_fmt_ts_time(struct builder *, int64_t ts);
const char	*mb_item_section(const struct item *);
const char	*mb_section_of(const char *);
char		*mb_item_number(struct builder *, int i);
char		*mb_member_label(struct builder *, int mi, int item);
int		 mb_chair_index(const struct meeting *);
int		 mb_voting(const struct member *);
struct mlist	*mb_list(struct builder *, enum mctx, const void *owner,
		     int kind);
/* The list of members named by ids the roster lacks (owns them). */
#define L_UNKNOWN	(-1000)
const struct member *mb_unknown_member(struct builder *, const char *id);
char		*mb_label_of(struct builder *, const struct member *, int item);
const struct vote *mb_decision_vote(struct builder *, const struct decision *);
void		 mb_list_add(struct mlist *, const void *);

#endif

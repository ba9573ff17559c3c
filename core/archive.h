/* SPDX-License-Identifier: ISC */
/*
 * The archive: every meeting file under the folders a clerk names, made
 * searchable. The meeting files stay the record; the archive is an index
 * of them, a separate SQLite file in the user's cache
 * ($XDG_CACHE_HOME/giji/archive.db, default ~/.cache/giji), rebuilt or
 * updated from the files at each use: a file whose size and modification
 * time (and those of its -wal) are unchanged is taken as indexed; any
 * other is opened through the log module and, when its event count or
 * head hash changed, folded and indexed again. The index holds, for each
 * meeting, its title and date, the text of its speeches, notes,
 * decisions, motions, actions and agenda titles (full-text, with the
 * CJK bigram tokenizer of archive-token.c), attendance, decisions and
 * votes (for giji stats DIR). Nothing in it is ever a reason to trust a
 * file: giji verify is.
 */
#ifndef GIJI_ARCHIVE_H
#define GIJI_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

struct archive;
struct sqlite3;

/*
 * Open the index at path (NULL: $XDG_CACHE_HOME/giji/archive.db, its
 * folder made 0700), creating it (0600). An index of another version of
 * giji is emptied and built again. NULL with a cause.
 */
struct archive	*archive_open(const char *path, char **cause);
void		 archive_close(struct archive **);
const char	*archive_path(const struct archive *);

/*
 * Bring the index in step with paths (meeting files, and folders searched
 * through for them: every regular file, hidden ones excepted, whose
 * first bytes are a giji meeting's), and make them the scope of the
 * searches and statistics that follow. A file named that is not a
 * meeting, or that cannot be read, is reported to warn (path, message)
 * and left out; a file gone from a folder leaves the index. With
 * ARCHIVE_REINDEX every file is indexed again. Returns 0, or -1 with a
 * cause when the index itself fails.
 */
#define ARCHIVE_REINDEX	0x1
struct archive_scan {
	size_t		 meetings;	/* in scope */
	size_t		 indexed;	/* folded and indexed this time */
	size_t		 removed;	/* gone from a folder */
	size_t		 failed;	/* reported to warn */
	size_t		 copies;	/* of a meeting in scope: counted once */
};
typedef void	(*archive_warn_fn)(const char *path, const char *msg,
		    void *arg);
int		 archive_update(struct archive *, char **paths, size_t npaths,
		     int flags, struct archive_scan *, archive_warn_fn warn,
		     void *arg, char **cause);

/* A search (giji search): NULL fields are not filters. */
struct archive_query {
	const char	*text;		/* terms, all of them in one event */
	const char	*speaker;	/* member id, name or full name */
	const char	*from;		/* YYYY-MM-DD, meetings on or after */
	const char	*to;		/* YYYY-MM-DD, on or before */
	const char	*kind;		/* the item's kind (agenda.add) */
	const char	*outcome;	/* a decision's or a vote's outcome */
	int		 public;	/* leave redacted events out */
	long		 limit;		/* hits at most; 0: all */
};

/* A mark: the bytes [start, end) of text that the query matched. */
struct archive_mark {
	size_t		 start;
	size_t		 end;
};

/* One hit, borrowed: valid during the callback. */
struct archive_hit {
	const char		*file;	/* as found under the path named */
	const char		*title;	/* the meeting's; "" when none */
	const char		*date;	/* YYYY-MM-DD; "" when unknown */
	const char		*lang;	/* the meeting's: ja or en */
	const char		*item;	/* label and title; NULL: none */
	const char		*item_id;
	const char		*kind;	/* the item's kind, or NULL */
	const char		*speaker;	/* name (role), or NULL */
	const char		*speaker_id;
	const char		*type;	/* speech, note, decision, vote.call,
					   action, agenda.add, meeting */
	int64_t			 seq;	/* 0 for the meeting's title */
	int			 redacted;
	const char		*text;
	const struct archive_mark *marks;
	size_t			 nmarks;
};
typedef int	(*archive_hit_fn)(const struct archive_hit *, void *arg);

/*
 * The hits of q in the scope, newest meeting first and in log order
 * within a meeting, to fn (non-zero stops). *more is 1 when the limit cut
 * further hits off. Returns the number of hits, or -1 with a cause (a
 * query with nothing to search for, a bad date).
 */
long		 archive_search(struct archive *, const struct archive_query *,
		     archive_hit_fn fn, void *arg, int *more, char **cause);

/* The values --kind and --outcome take, as a message lists them. */
int		 archive_outcome_ok(const char *);
const char	*archive_outcomes(void);

/*
 * giji stats DIR: the meetings of the scope between from and to
 * (YYYY-MM-DD, NULL: open) summed up: meetings and hours, attendance of
 * each member (by id and name), decisions by outcome, votes carried and
 * failed. Text in lang (MINUTES_JA / MINUTES_EN, minutes.h; MINUTES_UNSET:
 * the language most of the meetings record, then Japanese) or JSON.
 * NULL with a cause.
 */
char		*archive_stats(struct archive *, const char *from, const char *to,
		     int json, int lang, size_t *len, char **cause);
/*
 * The meetings of the scope whose chain did not verify when indexed (left
 * out of archive_stats): fn(path, arg) for each. -1 with a cause.
 */
int		 archive_unverified(struct archive *,
		     void (*fn)(const char *, void *), void *arg, char **cause);

/* --- archive-token.c: the tokenizer ---------------------------------- */

/*
 * Cut text into the index's tokens, as FTS5 gets them: fn(arg, token,
 * its length, start and end byte of the text it stands for). query: as
 * a query string is cut (archive-token.c says how it differs). Returns 0
 * or what fn returned to stop.
 */
typedef int	(*archive_token_fn)(void *arg, const char *tok, int len,
		    int start, int end);
int		 archive_tokenize(const char *text, int len, int query,
		     archive_token_fn fn, void *arg);
/* Register the "giji" tokenizer and giji_marks() on a connection. */
int		 archive_fts5_register(struct sqlite3 *, char **cause);
/*
 * A MATCH expression for what a user typed: each blank-separated term a
 * phrase (so FTS5's own syntax never applies to user text), all of them
 * required; a term ending in a one-character CJK run, or typed with a
 * final *, a prefix. *flags: giji_marks()'s flags for the phrases. NULL
 * with a cause when no term holds anything to search for.
 */
char		*archive_match(const char *query, char **flags, char **cause);

#endif

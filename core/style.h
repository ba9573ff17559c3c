/* SPDX-License-Identifier: ISC */
/*
 * Style files: the syntax (giji-style(5)), without knowing what the keys
 * mean. A file is read into sections of key = value lines, each value
 * with the line and column of every byte, so that whoever interprets a
 * value (minutes-style.c) can report an error where it is.
 *
 *   # a comment
 *   [section]
 *   key = value
 *   [section when lang=en, form=committee]
 *   key = "  a value kept with its spaces"
 *   key = a long value \
 *         continued
 *
 * In a value, \n is a line break, \t a TAB and \\ a backslash; a value in
 * double quotes keeps its spaces (\" is a quote inside). A section whose
 * condition holds overrides the keys of earlier sections of that name.
 */
#ifndef GIJI_STYLE_H
#define GIJI_STYLE_H

#include <stddef.h>

/* Where a byte of a value came from. */
struct style_pos {
	int	 line;
	int	 col;		/* in characters, from 1 */
};

struct style_entry {
	char		*key;
	char		*value;		/* unescaped */
	size_t		 len;
	int		 bare;		/* a key with no = */
	struct style_pos key_pos;
	struct style_pos *pos;		/* len + 1 entries: each byte's */
};

struct style_cond {
	char		*key;
	char		*value;
	struct style_pos pos;
};

struct style_section {
	char		*name;
	struct style_pos pos;
	struct style_cond *conds;
	size_t		 nconds;
	struct style_entry *entries;
	size_t		 nentries;
};

struct style_file {
	char		*path;		/* as given, for messages */
	char		*text;		/* the whole file */
	size_t		 len;
	struct style_section *sections;
	size_t		 nsections;
	int		 unread;	/* not UTF-8 text: nothing read */
};

/*
 * Errors: every one found, "file:line:col: message". style_error takes
 * an English format and puts it in the user's language (gettext).
 */
struct style_errors {
	char		**msgs;
	size_t		 n;
	/* Where each is (msgs[i]'s), to say them in the file's order. */
	struct style_err_at {
		size_t	 file;	/* paths[file] */
		int	 line, col;
		size_t	 ord;
	}		*at;
	char		**paths;
	size_t		 npaths;
};
void	 style_error(struct style_errors *, const char *path,
	     struct style_pos, const char *fmt, ...)
	     __attribute__((format(printf, 4, 5)));
void	 style_errors_free(struct style_errors *);
/* The errors from the from-th on, by file, line and column. */
void	 style_errors_sort(struct style_errors *, size_t from);

/*
 * Read text (len bytes) as a style file named path. Syntax errors are
 * added to errs; what could be read is returned (never NULL).
 */
struct style_file *style_file_parse(const char *path, const char *text,
		     size_t len, struct style_errors *errs);
/* Read a file from disk; NULL with a cause when it cannot be read. */
struct style_file *style_file_read(const char *path, struct style_errors *errs,
		     char **cause);
void		 style_file_free(struct style_file **);

/* The position of byte off of an entry's value (its end past the last). */
struct style_pos style_entry_pos(const struct style_entry *, size_t off);

#endif

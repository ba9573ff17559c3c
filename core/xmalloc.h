/* SPDX-License-Identifier: ISC */
/*
 * Allocation that cannot fail: running out of memory is fatal (the log is
 * crash-safe, so aborting loses nothing recorded).
 */
#ifndef GIJI_XMALLOC_H
#define GIJI_XMALLOC_H

#include <stddef.h>
#include <stdarg.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));
void	 free_ptr(void *);	/* free(*(void **)p), *p = NULL */

/* A growable byte buffer (always NUL-terminated). */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};
void	 buf_init(struct buf *);
void	 buf_add(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, char);
void	 buf_putnum(struct buf *, long long);	/* decimal, no printf */
/* s with every from, left to right, by to (an empty from: s as it is). */
void	 buf_replace(struct buf *, const char *s, const char *from,
	    const char *to);
void	 buf_printf(struct buf *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
void	 buf_reset(struct buf *);
char	*buf_detach(struct buf *);	/* caller frees; buffer emptied */
void	 buf_free(struct buf *);

/*
 * A string pool: many small strings that live and die together (the
 * fold's entries), bump-allocated from large chunks and freed at once.
 */
struct pool_chunk;
struct pool {
	struct pool_chunk	*head;
	char			*next;	/* free space in head */
	size_t			 left;
};
void	 pool_init(struct pool *);
char	*pool_strndup(struct pool *, const char *, size_t);
char	*pool_strdup(struct pool *, const char *);	/* NULL: NULL */
char	*pool_take(struct pool *, char *);	/* copies, frees the original */
void	 pool_free(struct pool *);

#endif

/* SPDX-License-Identifier: ISC */
/*
 * Allocation wrappers and a small growable buffer. Out of memory aborts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static void __attribute__((noreturn))
xmalloc_fail(size_t n)
{
	fprintf(stderr, "giji: out of memory (%zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		xmalloc_fail(n);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		xmalloc_fail(nmemb * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void	*q = realloc(p, n ? n : 1);

	if (q == NULL)
		xmalloc_fail(n);
	return q;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > (size_t)-1 / size)
		xmalloc_fail((size_t)-1);
	return xrealloc(p, nmemb * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len = strnlen(s, n);

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char	*s;

	if (vasprintf(&s, fmt, ap) < 0)
		xmalloc_fail(0);
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void
free_ptr(void *pp)
{
	void	**p = pp;

	free(*p);
	*p = NULL;
}

void
buf_init(struct buf *b)
{
	b->s = NULL;
	b->len = 0;
	b->cap = 0;
}

static void
buf_grow(struct buf *b, size_t more)
{
	size_t	 need = b->len + more + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->s = xrealloc(b->s, b->cap);
}

void
buf_add(struct buf *b, const char *p, size_t n)
{
	buf_grow(b, n);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_replace(struct buf *b, const char *s, const char *from, const char *to)
{
	const char	*q;
	size_t		 n = strlen(from);

	for (; n > 0 && (q = strstr(s, from)) != NULL; s = q + n) {
		buf_add(b, s, (size_t)(q - s));
		buf_puts(b, to);
	}
	buf_puts(b, s);
}

void
buf_putnum(struct buf *b, long long n)
{
	char			 d[24], *p = d + sizeof d;
	unsigned long long	 u = n < 0 ? 0 - (unsigned long long)n :
				    (unsigned long long)n;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (n < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(d + sizeof d - p));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_puts(b, s);
	free(s);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

char *
buf_detach(struct buf *b)
{
	char	*s = b->s != NULL ? b->s : xstrdup("");

	buf_init(b);
	return s;
}

void
buf_free(struct buf *b)
{
	free(b->s);
	buf_init(b);
}

#define POOL_CHUNK	(64 * 1024)

struct pool_chunk {
	struct pool_chunk	*next;
	char			 data[];
};

void
pool_init(struct pool *p)
{
	p->head = NULL;
	p->next = NULL;
	p->left = 0;
}

char *
pool_strndup(struct pool *p, const char *s, size_t n)
{
	struct pool_chunk	*c;
	size_t			 len = strnlen(s, n), size;
	char			*r;

	if (len + 1 > p->left) {
		/* A string larger than a chunk gets a chunk of its own. */
		size = len + 1 > POOL_CHUNK / 4 ? len + 1 : POOL_CHUNK;
		c = xmalloc(sizeof *c + size);
		if (size == POOL_CHUNK || p->head == NULL) {
			c->next = p->head;
			p->head = c;
			p->next = c->data;
			p->left = size;
		} else {
			/* Behind the head: the head's free space stays usable. */
			c->next = p->head->next;
			p->head->next = c;
			memcpy(c->data, s, len);
			c->data[len] = '\0';
			return c->data;
		}
	}
	r = p->next;
	memcpy(r, s, len);
	r[len] = '\0';
	p->next += len + 1;
	p->left -= len + 1;
	return r;
}

char *
pool_strdup(struct pool *p, const char *s)
{
	return s != NULL ? pool_strndup(p, s, strlen(s)) : NULL;
}

char *
pool_take(struct pool *p, char *s)
{
	char	*r = pool_strdup(p, s);

	free(s);
	return r;
}

void
pool_free(struct pool *p)
{
	struct pool_chunk	*c, *next;

	for (c = p->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	pool_init(p);
}

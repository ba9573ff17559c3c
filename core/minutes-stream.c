/*
 * Minutes of any length in bounded memory. The meeting is folded without
 * its speeches (meeting_fold_skeleton); the builder reads the proceedings
 * from a replay of the log (meeting_replay) and keeps only the last few
 * blocks it may still look back at; the others go to a spool. Text aligns
 * speaker labels to the widest one, which is known only when the last
 * block is built, so the document is rendered from the spool afterwards,
 * and its text handed to the writer as it grows.
 *
 * The spool is memory up to SPOOL_MEMORY bytes, then an unlinked
 * temporary file in $TMPDIR (else /tmp): a meeting of a few thousand
 * events never touches the disk, one of a million takes about the size of
 * its minutes there.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fold.h"
#include "minutes-model.h"
#include "minutes.h"
#include "xmalloc.h"

#define SPOOL_MEMORY	(8 * 1024 * 1024)
static size_t	 spool_memory = SPOOL_MEMORY;
#define WRITE_CHUNK	(64 * 1024)	/* rendered text handed on at once */

struct mspool {
	struct buf	 mem;		/* the blocks while they fit */
	FILE		*f;		/* then a temporary file */
	char		*dir;		/* where it is (for messages) */
	size_t		 off;		/* reading mem */
	int		 error;		/* errno of the first failure */
};

void
mspool_memory(size_t bytes)
{
	spool_memory = bytes != 0 ? bytes : SPOOL_MEMORY;
}

struct mspool *
mspool_new(void)
{
	struct mspool	*sp = xcalloc(1, sizeof *sp);

	buf_init(&sp->mem);
	return sp;
}

void
mspool_free(struct mspool **spp)
{
	struct mspool	*sp = *spp;

	if (sp == NULL)
		return;
	buf_free(&sp->mem);
	if (sp->f != NULL)
		fclose(sp->f);
	free(sp->dir);
	free(sp);
	*spp = NULL;
}

/* Move the blocks in memory to a temporary file, unlinked at once. */
static int
spool_spill(struct mspool *sp)
{
	const char	*dir = getenv("TMPDIR");
	char		*path;
	int		 fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	sp->dir = xstrdup(dir);
	path = xasprintf("%s/giji-minutes.XXXXXX", dir);
	if ((fd = mkstemp(path)) == -1) {
		sp->error = errno;
		free(path);
		return -1;
	}
	unlink(path);
	free(path);
	if ((sp->f = fdopen(fd, "w+")) == NULL) {
		sp->error = errno;
		close(fd);
		return -1;
	}
	if (fwrite(sp->mem.s, 1, sp->mem.len, sp->f) != sp->mem.len) {
		sp->error = errno != 0 ? errno : EIO;
		return -1;
	}
	buf_free(&sp->mem);
	buf_init(&sp->mem);
	return 0;
}

static void
put(struct mspool *sp, const void *p, size_t n)
{
	if (sp->error != 0)
		return;
	if (sp->f == NULL) {
		buf_add(&sp->mem, p, n);
		if (sp->mem.len > spool_memory)
			spool_spill(sp);
		return;
	}
	if (fwrite(p, 1, n, sp->f) != n)
		sp->error = errno != 0 ? errno : EIO;
}

static void
put_str(struct mspool *sp, const char *s)
{
	uint32_t	 n = s != NULL ? (uint32_t)strlen(s) + 1 : 0;

	put(sp, &n, sizeof n);
	if (n > 0)
		put(sp, s, n - 1);
}

/* A block, as it is: the spool's record. */
struct record {
	uint32_t	 kind;
	uint32_t	 role;
	uint32_t	 flags;
	int32_t		 level;
	int64_t		 seq;
	uint64_t	 label_w;
};

void
mspool_put(struct mspool *sp, const struct mblock *bl)
{
	struct record	 r;

	memset(&r, 0, sizeof r);
	r.kind = bl->kind;
	r.role = bl->role;
	r.flags = bl->flags & ~MBF_BORROWED;
	r.level = bl->level;
	r.seq = bl->seq;
	r.label_w = bl->label_w;
	put(sp, &r, sizeof r);
	put_str(sp, bl->label);
	put_str(sp, bl->text);
	put_str(sp, bl->note);
	put_str(sp, bl->label2);
	put_str(sp, bl->text2);
}

static int
get(struct mspool *sp, void *p, size_t n)
{
	if (sp->f == NULL) {
		if (sp->mem.len - sp->off < n)
			return -1;
		memcpy(p, sp->mem.s + sp->off, n);
		sp->off += n;
		return 0;
	}
	if (fread(p, 1, n, sp->f) != n) {
		if (ferror(sp->f))
			sp->error = errno != 0 ? errno : EIO;
		return -1;
	}
	return 0;
}

static int
get_str(struct mspool *sp, char **s)
{
	uint32_t	 n;

	*s = NULL;
	if (get(sp, &n, sizeof n) != 0)
		return -1;
	if (n == 0)
		return 0;
	*s = xmalloc(n);
	if (get(sp, *s, n - 1) != 0)
		return -1;
	(*s)[n - 1] = '\0';
	return 0;
}

static void
block_clear(struct mblock *bl)
{
	free(bl->label);
	free(bl->text);
	free(bl->note);
	free(bl->label2);
	free(bl->text2);
	memset(bl, 0, sizeof *bl);
}

/* The next block (1), the end (0) or a read error (-1). */
static int
spool_get(struct mspool *sp, struct mblock *bl)
{
	struct record	 r;

	memset(bl, 0, sizeof *bl);
	if (get(sp, &r, sizeof r) != 0)
		return sp->error != 0 ? -1 : 0;
	bl->kind = (enum mb_kind)r.kind;
	bl->role = (enum mb_role)r.role;
	bl->flags = r.flags;
	bl->level = r.level;
	bl->seq = r.seq;
	bl->label_w = (size_t)r.label_w;
	if (get_str(sp, &bl->label) != 0 || get_str(sp, &bl->text) != 0 ||
	    get_str(sp, &bl->note) != 0 || get_str(sp, &bl->label2) != 0 ||
	    get_str(sp, &bl->text2) != 0) {
		block_clear(bl);
		if (sp->error == 0)
			sp->error = EIO;
		return -1;
	}
	if (bl->text == NULL)
		bl->text = xstrdup("");
	return 1;
}

static char *
spool_error(struct mspool *sp)
{
	if (sp->dir != NULL)
		return xasprintf("cannot keep the minutes being made in a "
		    "temporary file in %s: %s (set TMPDIR to a folder with "
		    "room)", sp->dir, strerror(sp->error));
	return xasprintf("cannot keep the minutes being made: %s",
	    strerror(sp->error));
}

/* ----------------------------------------------------------- rendering */

/* Hand on what is rendered but its trailing newlines; 0 or an errno. */
static int
out_flush(struct mout *mo, int all, int (*write)(void *, const char *,
    size_t), void *arg)
{
	size_t	 n = mo->o.len;
	int	 e;

	if (!all)
		while (n > 0 && mo->o.s[n - 1] == '\n')
			n--;
	if (n == 0)
		return 0;
	if ((e = write(arg, mo->o.s, n)) != 0)
		return e;
	mo->written += n;
	memmove(mo->o.s, mo->o.s + n, mo->o.len - n + 1);
	mo->o.len -= n;
	return 0;
}

char *
mdoc_render(const struct mdoc *d, const struct mrenderer *r, size_t *len)
{
	struct mout	 mo;
	size_t		 i;

	memset(&mo, 0, sizeof mo);
	mo.d = d;
	buf_init(&mo.o);
	if (r->begin != NULL)
		r->begin(&mo);
	for (i = 0; i < d->n; i++, mo.n++)
		r->block(&mo, &d->b[i], i + 1 < d->n ? &d->b[i + 1] : NULL);
	r->end(&mo);
	*len = mo.o.len;
	return buf_detach(&mo.o);
}

static const struct mrenderer *
stream_renderer(const char *format)
{
	static const struct mrenderer *const r[] = {
		&mrender_text, &mrender_md, &mrender_html, &mrender_json
	};
	size_t	 i;

	if (format == NULL)
		format = "text";
	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		if (strcmp(r[i]->name, format) == 0)
			return r[i];
	}
	return NULL;
}

int
minutes_streams(const char *format)
{
	return stream_renderer(format) != NULL;
}

int
minutes_stream(const struct meeting *m, const struct minutes_opts *o,
    int (*write)(void *, const char *, size_t), void *arg, char **cause)
{
	const struct mrenderer	*r;
	struct meeting_replay	*rp;
	struct mspool		*sp;
	struct mdoc		*d;
	struct mout		 mo;
	struct mblock		 cur, next;
	char			*why;
	int			 got, e, rc = -1;

	*cause = NULL;
	if ((r = stream_renderer(o->format)) == NULL) {
		*cause = xasprintf("format %s is not made as a stream",
		    o->format);
		return -1;
	}
	if ((rp = meeting_replay_open(m, cause)) == NULL)
		return -1;
	sp = mspool_new();
	d = mdoc_build_stream(m, rp, o, sp, cause);
	if (meeting_replay_close(&rp, &why) != 0) {
		if (*cause == NULL)
			*cause = why;
		else
			free(why);
		mdoc_free(&d);
	}
	if (d == NULL) {
		mspool_free(&sp);
		return -1;
	}
	if (sp->error != 0)
		goto spool_failed;
	if (sp->f != NULL && (fflush(sp->f) != 0 || fseek(sp->f, 0,
	    SEEK_SET) != 0)) {
		sp->error = errno;
		goto spool_failed;
	}

	memset(&mo, 0, sizeof mo);
	mo.d = d;
	buf_init(&mo.o);
	if (r->begin != NULL)
		r->begin(&mo);
	if ((got = spool_get(sp, &cur)) < 0)
		goto read_failed;
	while (got > 0) {
		if ((got = spool_get(sp, &next)) < 0) {
			block_clear(&cur);
			goto read_failed;
		}
		r->block(&mo, &cur, got > 0 ? &next : NULL);
		mo.n++;
		block_clear(&cur);
		cur = next;
		if (mo.o.len >= WRITE_CHUNK && (e = out_flush(&mo, 0, write,
		    arg)) != 0)
			goto write_failed;
	}
	r->end(&mo);
	if ((e = out_flush(&mo, 1, write, arg)) != 0)
		goto write_failed;
	rc = 0;
	goto done;

read_failed:
	*cause = spool_error(sp);
	goto done;
write_failed:
	*cause = xasprintf("cannot write the minutes: %s", strerror(e));
done:
	buf_free(&mo.o);
	mdoc_free(&d);
	mspool_free(&sp);
	return rc;

spool_failed:
	*cause = spool_error(sp);
	mdoc_free(&d);
	mspool_free(&sp);
	return -1;
}

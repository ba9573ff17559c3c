/* SPDX-License-Identifier: ISC */
/*
 * Minutes of any length in bounded memory. The meeting is folded without
 * its speeches (meeting_fold_skeleton); the builder reads the proceedings
 * from a replay of the log (meeting_replay) and keeps only the last few
 * blocks it may still look back at; the others are rendered as they
 * leave it, and their text handed to the writer as it grows. Text in a
 * style that aligns speaker labels to the widest one knows that width
 * only when the last block is built: its blocks go to a spool
 * (minutes-spool.c) and are rendered from it afterwards.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "i18n.h"
#include "minutes-model.h"
#include "minutes.h"
#include "xmalloc.h"

#define WRITE_CHUNK	(64 * 1024)	/* rendered text handed on at once */

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

/* The blocks' way from the builder to the writer. */
struct stream {
	const struct mrenderer	*r;
	int			 how;		/* S_* */
	struct mspool		*sp;		/* S_SPOOL */
	struct mout		 mo;		/* S_DIRECT: */
	struct mblock		 cur;		/* the block before */
	int			 have_cur;
	int			(*write)(void *, const char *, size_t);
	void			*arg;
	int			 e;		/* a write's errno */
};
enum { S_UNDECIDED, S_DIRECT, S_SPOOL };

/* Render the block before with this one after it (NULL: the last). */
static void
direct_block(struct stream *s, const struct mblock *next)
{
	if (s->have_cur) {
		if (s->e == 0) {
			s->r->block(&s->mo, &s->cur, next);
			s->mo.n++;
		}
		mblock_clear(&s->cur);
		s->have_cur = 0;
	}
	if (s->e == 0 && s->mo.o.len >= WRITE_CHUNK)
		s->e = out_flush(&s->mo, 0, s->write, s->arg);
}

/* A block leaving the builder (mdoc_build_stream's sink). */
static void
sink(void *arg, const struct mdoc *d, struct mblock *bl)
{
	struct stream	*s = arg;

	if (s->how == S_UNDECIDED) {
		if (s->r->widths && d->r.align_labels) {
			s->how = S_SPOOL;
			s->sp = mspool_new();
		} else {
			s->how = S_DIRECT;
			s->mo.d = d;
			if (s->r->begin != NULL)
				s->r->begin(&s->mo);
		}
	}
	if (s->how == S_SPOOL) {
		mspool_put(s->sp, bl);
		return;
	}
	direct_block(s, bl);
	/* Keep it, its strings taken (a borrowed text copied). */
	s->cur = *bl;
	if (bl->flags & MBF_BORROWED) {
		s->cur.text = xstrdup(bl->text);
		s->cur.flags &= ~MBF_BORROWED;
	}
	memset(bl, 0, sizeof *bl);
	s->have_cur = 1;
}

static const struct mrenderer *
stream_renderer(const char *format)
{
	const struct minutes_format	*f;

	if ((f = minutes_format_find(format)) == NULL)
		return NULL;
	return f->stream;
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
	struct meeting_replay	*rp;
	struct mdoc		*d;
	struct stream		 s;
	struct mblock		 cur, next;
	char			*why;
	int			 got, rc = -1;

	*cause = NULL;
	memset(&s, 0, sizeof s);
	if ((s.r = stream_renderer(o->format)) == NULL) {
		*cause = xasprintf(_("format %s is not made as a stream"),
		    o->format);
		return -1;
	}
	s.write = write;
	s.arg = arg;
	buf_init(&s.mo.o);
	if ((rp = meeting_replay_open(m, cause)) == NULL) {
		buf_free(&s.mo.o);
		return -1;
	}
	d = mdoc_build_stream(m, rp, o, sink, &s, cause);
	if (meeting_replay_close(&rp, &why) != 0) {
		if (*cause == NULL)
			*cause = why;
		else
			free(why);
		mdoc_free(&d);
	}
	if (d == NULL)
		goto done;

	if (s.how == S_DIRECT) {
		direct_block(&s, NULL);
		if (s.e == 0) {
			s.r->end(&s.mo);
			s.e = out_flush(&s.mo, 1, write, arg);
		}
		if (s.e != 0)
			goto write_failed;
		rc = 0;
		goto done;
	}

	/* The spool's (a document of no blocks is one too). */
	if (s.sp == NULL)
		s.sp = mspool_new();
	if (mspool_rewind(s.sp) != 0)
		goto read_failed;
	s.mo.d = d;
	if (s.r->begin != NULL)
		s.r->begin(&s.mo);
	if ((got = mspool_get(s.sp, &cur)) < 0)
		goto read_failed;
	while (got > 0) {
		if ((got = mspool_get(s.sp, &next)) < 0) {
			mblock_clear(&cur);
			goto read_failed;
		}
		s.r->block(&s.mo, &cur, got > 0 ? &next : NULL);
		s.mo.n++;
		mblock_clear(&cur);
		cur = next;
		if (s.mo.o.len >= WRITE_CHUNK && (s.e = out_flush(&s.mo, 0,
		    write, arg)) != 0)
			goto write_failed;
	}
	s.r->end(&s.mo);
	if ((s.e = out_flush(&s.mo, 1, write, arg)) != 0)
		goto write_failed;
	rc = 0;
	goto done;

read_failed:
	*cause = mspool_error(s.sp);
	goto done;
write_failed:
	*cause = xasprintf(_("cannot write the minutes: %s"), strerror(s.e));
done:
	if (s.have_cur)
		mblock_clear(&s.cur);
	buf_free(&s.mo.o);
	mdoc_free(&d);
	mspool_free(&s.sp);
	return rc;
}

/* SPDX-License-Identifier: ISC */
/*
 * Minutes of any length in bounded memory. The meeting is folded without
 * its speeches (meeting_fold_skeleton); the builder reads the proceedings
 * from a replay of the log (meeting_replay) and keeps only the last few
 * blocks it may still look back at; the others are rendered as they
 * leave it, and their text handed to the writer as it grows. Text in a
 * style that aligns speaker labels to the widest one knows that width
 * only when the last block is built: it is rendered all the same, each
 * label's padding left as a mark (struct mout, pad_later), into a spool
 * (minutes-spool.c), and written from there with the padding put in.
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
static size_t	 read_chunk = WRITE_CHUNK;	/* of the spool, at once */

void
minutes_stream_chunk(size_t bytes)
{
	read_chunk = bytes != 0 && bytes < WRITE_CHUNK ? bytes : WRITE_CHUNK;
}

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
	struct mout		 mo;
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

/* The spool's writer (S_SPOOL): it fails later, when it is read. */
static int
spool_write(void *arg, const char *p, size_t n)
{
	mspool_write(arg, p, n);
	return 0;
}

/* A block leaving the builder (mdoc_build_stream's sink). */
static void
sink(void *arg, const struct mdoc *d, struct mblock *bl)
{
	struct stream	*s = arg;

	if (s->how == S_UNDECIDED) {
		s->how = S_DIRECT;
		if (s->r->widths && d->r.align_labels) {
			s->how = S_SPOOL;
			s->sp = mspool_new();
			s->write = spool_write;
			s->arg = s->sp;
			s->mo.pad_later = 1;
		}
		s->mo.d = d;
		if (s->r->begin != NULL)
			s->r->begin(&s->mo);
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

/*
 * The spool to the writer, each mark of a label's padding made the
 * spaces that pad it to cols: 0, an errno of the writer's, or -1 when
 * the spool cannot be read (mspool_error).
 */
static int
unspool(struct mspool *sp, size_t cols, int (*write)(void *, const char *,
    size_t), void *arg)
{
	struct buf	 out;
	char		*in = xmalloc(WRITE_CHUNK + 1);
	ssize_t		 got;
	size_t		 len = 0, w, n;
	char		*p, *mark, *end;
	int		 e = 0, last = 0;

	buf_init(&out);
	while (e == 0 && !last) {
		n = WRITE_CHUNK - len < read_chunk ? WRITE_CHUNK - len :
		    read_chunk;
		if ((got = mspool_read(sp, in + len, n)) < 0) {
			e = -1;
			break;
		}
		len += (size_t)got;
		in[len] = '\0';
		last = got == 0;
		for (p = in; p < in + len; p = end + 1) {
			if ((mark = memchr(p, MOUT_PAD, len - (p - in))) ==
			    NULL) {
				buf_add(&out, p, len - (p - in));
				p = in + len;
				break;
			}
			buf_add(&out, p, (size_t)(mark - p));
			if ((end = memchr(mark, MOUT_PAD_END, len -
			    (mark - in))) == NULL) {
				p = mark;	/* the rest of it comes next */
				break;
			}
			if (end - mark > MOUT_PAD_MAX) {
				e = -1;		/* not a mark we wrote */
				break;
			}
			for (w = strtoul(mark + 1, NULL, 10); w < cols; w++)
				buf_putc(&out, ' ');
		}
		/* A mark cut by the end of what was read: a few bytes. */
		len -= (size_t)(p - in);
		memmove(in, p, len);
		if (e == 0 && (len > MOUT_PAD_MAX || (last && len > 0)))
			e = -1;		/* a mark that never ends */
		if (e == 0 && (out.len >= WRITE_CHUNK || (last &&
		    out.len > 0))) {
			e = write(arg, out.s, out.len);
			buf_reset(&out);
		}
	}
	free(in);
	buf_free(&out);
	return e;
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
	char			*why;
	int			 rc = -1;

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

	if (s.how == S_UNDECIDED) {
		/* A document of no blocks. */
		s.mo.d = d;
		if (s.r->begin != NULL)
			s.r->begin(&s.mo);
	}
	direct_block(&s, NULL);
	if (s.e == 0) {
		s.r->end(&s.mo);
		s.e = out_flush(&s.mo, 1, s.write, s.arg);
	}
	if (s.e != 0)
		goto write_failed;
	if (s.how == S_SPOOL) {
		if (mspool_rewind(s.sp) != 0 || (s.e = unspool(s.sp,
		    d->label_cols, write, arg)) == -1)
			goto read_failed;
		if (s.e != 0)
			goto write_failed;
	}
	rc = 0;
	goto done;

read_failed:
	if ((*cause = mspool_error(s.sp)) == NULL)
		*cause = xstrdup(_("the minutes being made came back "
		    "garbled from their spool: nothing more was written"));
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

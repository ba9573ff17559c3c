/* SPDX-License-Identifier: ISC */
/*
 * Minutes of any length in bounded memory. The meeting is folded without
 * its speeches (meeting_fold_skeleton); the builder reads the proceedings
 * from a replay of the log (meeting_replay) and keeps only the last few
 * blocks it may still look back at; the others go to a spool
 * (minutes-spool.c). Text aligns speaker labels to the widest one, which
 * is known only when the last block is built, so the document is
 * rendered from the spool afterwards, and its text handed to the writer
 * as it grows.
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
		*cause = xasprintf(_("format %s is not made as a stream"),
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
	if (mspool_rewind(sp) != 0) {
		*cause = mspool_error(sp);
		mdoc_free(&d);
		mspool_free(&sp);
		return -1;
	}

	memset(&mo, 0, sizeof mo);
	mo.d = d;
	buf_init(&mo.o);
	if (r->begin != NULL)
		r->begin(&mo);
	if ((got = mspool_get(sp, &cur)) < 0)
		goto read_failed;
	while (got > 0) {
		if ((got = mspool_get(sp, &next)) < 0) {
			mblock_clear(&cur);
			goto read_failed;
		}
		r->block(&mo, &cur, got > 0 ? &next : NULL);
		mo.n++;
		mblock_clear(&cur);
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
	*cause = mspool_error(sp);
	goto done;
write_failed:
	*cause = xasprintf(_("cannot write the minutes: %s"), strerror(e));
done:
	buf_free(&mo.o);
	mdoc_free(&d);
	mspool_free(&sp);
	return rc;
}

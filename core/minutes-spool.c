/* SPDX-License-Identifier: ISC */
/*
 * The spool of a stream (minutes-stream.c): the minutes rendered before
 * the widest speech label is known, kept in order until they can be
 * written out with their labels padded. Memory up to
 * SPOOL_MEMORY bytes, then an unlinked temporary file in $TMPDIR (else
 * /tmp): a meeting of a few thousand events never touches the disk, one
 * of a million takes about the size of its minutes there.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "minutes-model.h"
#include "xmalloc.h"

#define SPOOL_MEMORY	(8 * 1024 * 1024)
static size_t	 spool_memory = SPOOL_MEMORY;

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
spill(struct mspool *sp)
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

void
mspool_write(struct mspool *sp, const char *p, size_t n)
{
	if (sp->error != 0)
		return;
	if (sp->f == NULL) {
		buf_add(&sp->mem, p, n);
		if (sp->mem.len > spool_memory)
			spill(sp);
		return;
	}
	if (fwrite(p, 1, n, sp->f) != n)
		sp->error = errno != 0 ? errno : EIO;
}

ssize_t
mspool_read(struct mspool *sp, char *p, size_t n)
{
	size_t	 got;

	if (sp->error != 0)
		return -1;
	if (sp->f == NULL) {
		got = sp->mem.len - sp->off;
		if (got > n)
			got = n;
		memcpy(p, sp->mem.s + sp->off, got);
		sp->off += got;
		return (ssize_t)got;
	}
	if ((got = fread(p, 1, n, sp->f)) == 0 && ferror(sp->f)) {
		sp->error = errno != 0 ? errno : EIO;
		return -1;
	}
	return (ssize_t)got;
}

void
mblock_clear(struct mblock *bl)
{
	free(bl->label);
	free(bl->text);
	free(bl->note);
	free(bl->label2);
	free(bl->text2);
	memset(bl, 0, sizeof *bl);
}

int
mspool_rewind(struct mspool *sp)
{
	if (sp->error != 0)
		return -1;
	if (sp->f != NULL && (fflush(sp->f) != 0 || fseek(sp->f, 0,
	    SEEK_SET) != 0)) {
		sp->error = errno;
		return -1;
	}
	sp->off = 0;
	return 0;
}

char *
mspool_error(const struct mspool *sp)
{
	if (sp->error == 0)
		return NULL;
	if (sp->dir != NULL)
		return xasprintf(_("cannot keep the minutes being made in a "
		    "temporary file in %s: %s (set TMPDIR to a folder with "
		    "room)"), sp->dir, strerror(sp->error));
	return xasprintf(_("cannot keep the minutes being made: %s"),
	    strerror(sp->error));
}

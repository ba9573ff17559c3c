/* SPDX-License-Identifier: ISC */
/*
 * The spool of a stream (minutes-stream.c): the blocks the builder no
 * longer looks at, kept in order until they are rendered. Memory up to
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

static void
put(struct mspool *sp, const void *p, size_t n)
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
mspool_get(struct mspool *sp, struct mblock *bl)
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
		mblock_clear(bl);
		if (sp->error == 0)
			sp->error = EIO;
		return -1;
	}
	if (bl->text == NULL)
		bl->text = xstrdup("");
	return 1;
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

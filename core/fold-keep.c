/* SPDX-License-Identifier: ISC */
/*
 * The speeches a skeleton's fold reads (meeting_fold_skeleton), kept for
 * its replay while they fit in SPEECH_MEMORY bytes: the minutes of a
 * meeting of any common size read the log once. A larger meeting's are
 * dropped as soon as they would not fit, and the replay reads them again
 * from the log (fold.c, merge_next): memory stays bounded either way.
 *
 * A row is kept as the replay's query returns it (the data_ columns,
 * neither payload nor hash): a record in one array, its strings one after
 * another in chunks that never move.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "xmalloc.h"

#define SPEECH_MEMORY	(32 * 1024 * 1024)
static size_t	 speech_memory = SPEECH_MEMORY;

enum { KS_UUID, KS_STATION, KS_SPEAKER, KS_TEXT, KS_LABEL, KS_KIND,
    KS_STARTED, KS_N };
#define KS_CHUNK	(1024 * 1024)

/* A row: its strings one after another, those that are NULL left out. */
struct kept_speech {
	int64_t		 seq;
	int64_t		 ts;
	const char	*strs;
	unsigned	 present;	/* bit i: string i is there */
};

struct speech_keep {
	struct kept_speech *v;
	size_t		 n, cap;
	char		**chunks;	/* the strings, in chunks that stay put */
	size_t		 nchunks;
	size_t		 size;		/* of the last chunk */
	size_t		 used;		/* of it */
	size_t		 bytes;		/* allocated, against the budget */
	int		 dropped;	/* over the budget: read them again */
};

void
meeting_speech_memory(size_t bytes)
{
	speech_memory = bytes != 0 ? bytes : SPEECH_MEMORY;
}

struct speech_keep *
speech_keep_new(void)
{
	return xcalloc(1, sizeof (struct speech_keep));
}

static void
keep_drop(struct speech_keep *k)
{
	size_t	 i;

	for (i = 0; i < k->nchunks; i++)
		free(k->chunks[i]);
	free(k->chunks);
	free(k->v);
	memset(k, 0, sizeof *k);
	k->dropped = 1;
}

void
speech_keep_free(struct speech_keep **kp)
{
	if (*kp == NULL)
		return;
	keep_drop(*kp);
	free(*kp);
	*kp = NULL;
}

int
speech_keep_usable(const struct speech_keep *k)
{
	return k != NULL && !k->dropped;
}

/* Room for need bytes of strings, within the budget; NULL when over. */
static char *
keep_room(struct speech_keep *k, size_t need)
{
	size_t	 size;

	if (k->nchunks > 0 && k->size - k->used >= need)
		return k->chunks[k->nchunks - 1] + k->used;
	/* A speech longer than a chunk has one of its own. */
	size = need > KS_CHUNK ? need : KS_CHUNK;
	if (size > speech_memory - k->bytes)
		return NULL;
	k->chunks = xreallocarray(k->chunks, k->nchunks + 1,
	    sizeof *k->chunks);
	k->chunks[k->nchunks++] = xmalloc(size);
	k->bytes += size;
	k->size = size;
	k->used = 0;
	return k->chunks[k->nchunks - 1];
}

int
speech_keep_add(struct speech_keep *k, const struct log_row *r)
{
	const char		*s[KS_N];
	struct kept_speech	*ks;
	size_t			 need = 0, len[KS_N], cap;
	char			*p;
	int			 i;

	if (k->dropped)
		return -1;
	s[KS_UUID] = r->uuid;
	s[KS_STATION] = r->station;
	s[KS_SPEAKER] = r->speaker;
	s[KS_TEXT] = r->text;
	s[KS_LABEL] = r->label;
	s[KS_KIND] = r->kind;
	s[KS_STARTED] = r->started;
	for (i = 0; i < KS_N; i++) {
		len[i] = s[i] != NULL ? strlen(s[i]) + 1 : 0;
		need += len[i];
	}
	if (k->n == k->cap) {
		cap = k->cap > 0 ? k->cap * 2 : 1024;
		if ((cap - k->cap) * sizeof *k->v > speech_memory - k->bytes) {
			keep_drop(k);
			return -1;
		}
		k->v = xreallocarray(k->v, cap, sizeof *k->v);
		k->bytes += (cap - k->cap) * sizeof *k->v;
		k->cap = cap;
	}
	if ((p = keep_room(k, need)) == NULL) {
		keep_drop(k);
		return -1;
	}
	ks = &k->v[k->n++];
	ks->seq = r->seq;
	ks->ts = r->ts;
	ks->strs = p;
	ks->present = 0;
	for (i = 0; i < KS_N; i++) {
		if (s[i] == NULL)
			continue;
		ks->present |= 1U << i;
		memcpy(p, s[i], len[i]);
		p += len[i];
	}
	k->used += need;
	return 0;
}

size_t
speech_keep_after(const struct speech_keep *k, int64_t after)
{
	size_t	 lo = 0, hi = k->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (k->v[mid].seq <= after)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct log_row *
speech_keep_row(const struct speech_keep *k, size_t i, struct log_row *r)
{
	const struct kept_speech	*ks;
	const char			*s[KS_N], *p;
	int				 j;

	if (i >= k->n)
		return NULL;
	ks = &k->v[i];
	for (j = 0, p = ks->strs; j < KS_N; j++) {
		s[j] = NULL;
		if (ks->present & (1U << j)) {
			s[j] = p;
			p += strlen(p) + 1;
		}
	}
	memset(r, 0, sizeof *r);
	r->seq = ks->seq;
	r->ts = ks->ts;
	r->type = "speech";
	r->etype = EV_SPEECH;
	r->uuid = s[KS_UUID];
	r->station = s[KS_STATION];
	r->speaker = s[KS_SPEAKER];
	r->text = s[KS_TEXT];
	r->label = s[KS_LABEL];
	r->kind = s[KS_KIND];
	r->started = s[KS_STARTED];
	return r;
}

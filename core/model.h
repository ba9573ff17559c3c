/* SPDX-License-Identifier: ISC */
/*
 * The live model: what the terminal shows of a meeting besides its
 * proceedings — the roster with each member's attendance, the agenda
 * with each item's state and seq range, the meeting's title, time zone,
 * language and state, and every correction
 * (core/correct.h). It is folded from the structural events only, read
 * through log-query.h's type index, and then kept up to date one event
 * at a time; the proceedings stay in SQLite and are paged by the
 * terminal's log pane, so memory does not grow with the meeting.
 *
 * It follows the fold's rules (core/fold.c): corrections through
 * core/correct.c, agenda.order through agenda_order_map(). A correction
 * of a structural event (a retracted member.add, an amended title, an
 * undone agenda.order) folds the structure again from the log; those
 * are rare, so the common event costs one step. tests/test-model.c
 * compares the model with meeting_fold() after every event.
 */
#ifndef GIJI_MODEL_H
#define GIJI_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "correct.h"
#include "log-query.h"
#include "log.h"

struct speaker {
	int64_t	 seq;
	char	*id;
	char	*name;
	char	*reading;
	char	*role;
	char	*kind;
	char	*label;		/* as shown: 伊藤委員, 会長, 総務課長（加藤） */
	char	*match;		/* lower-case hiragana search key */
	char	*data;		/* its member.add as corrected (every field) */
	char	*att;		/* the last attendance status, NULL: none */
	char	*att_note;	/* that attendance's note, or NULL */
	char	*att_holder;	/* its proxy's holder (status proxy), or NULL */
};

enum item_st {
	IT_PENDING,
	IT_OPEN,
	IT_CLOSED
};

struct agenda_item {
	int64_t		 seq;
	char		*id;
	char		*title;
	char		*label;
	char		*kind;		/* agenda.add kind, or NULL */
	char		*data;		/* its agenda.add as corrected */
	enum item_st	 state;
	int		 closed;	/* public: false, as written or corrected */
	int64_t		 open_seq;	/* last agenda.open */
	int64_t		 close_seq;	/* agenda.close after it, 0 when open */
	char		**joint;	/* items opened with it (agenda.open) */
	size_t		 njoint;
};

struct model {
	struct speaker		*spk;
	size_t			 nspk;
	struct agenda_item	*items;
	size_t			 nitems;
	int			 open_item;	/* index or -1 */
	struct corrections	*corr;
	char			*title;
	char			*tz;
	char			*lang;		/* meta.set lang, or NULL */
	int64_t			 open_ts;	/* the last meeting.open */
	int64_t			 close_ts;	/* meeting.close after it */
	int			 recess;
	int64_t			 last_seq;
	/* Uuids of the structural events folded (a set). */
	char			(*structure)[LOG_UUID_LEN];
	size_t			 nstructure;	/* slots, a power of two */
	size_t			 ustructure;	/* used */
};

/*
 * Fold the structural events of the log up to seq last_seq (the log's
 * last seq, read before: model_apply takes the events after it). Returns
 * -1 with a cause.
 */
int	 model_load(struct model *, struct log_query *, int64_t last_seq,
	     char **cause);
/*
 * Fold one event recorded after the last one folded. Returns MODEL_NONE
 * when nothing the model holds changed, MODEL_CHANGED, or MODEL_RELOADED
 * when a correction made it fold the structure again (indices into spk
 * and items may all have moved); -1 with a cause on a read error.
 */
#define MODEL_NONE	0
#define MODEL_CHANGED	1
#define MODEL_RELOADED	2
int	 model_apply(struct model *, struct log_query *, const struct event *,
	     char **cause);
void	 model_free(struct model *);

/*
 * An event as corrected: its CORR_* flags; *data the payload after the
 * amends in effect (allocated) or NULL when none applies; *reason
 * (borrowed) as corrections_apply gives it. data or reason may be NULL.
 */
unsigned model_corrected(const struct model *, const struct event *,
	     char **data, const char **reason);

int	 model_speaker(const struct model *, const char *id);
const char *model_speaker_label(const struct model *, const char *id);
int	 model_item(const struct model *, const char *id);
/* The seq range of an item: lo..hi (hi < 0: to the end; hi 0: none). */
void	 model_range(const struct model *, int item, int64_t *lo,
	     int64_t *hi);
/* Lower-case ASCII and katakana folded to hiragana, for search. */
char	*model_match_key(const char *);

#endif

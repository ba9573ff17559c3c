/* SPDX-License-Identifier: ISC */
/*
 * The live terminal's shared state. One struct app holds the open log,
 * the live model of the meeting (roster, agenda, corrections — never the
 * whole log), the keymap, the panes and the line being typed. The panes
 * are objects (struct pane + const struct pane_ops); main loop, layout
 * and redraw are in tui.c and pane.c, actions in actions.c, the table
 * that names them in action-table.c.
 */
#ifndef GIJI_APP_H
#define GIJI_APP_H

#include <curses.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "editbuf.h"
#include "key-string.h"
#include "keymap.h"
#include "log-query.h"
#include "log.h"
#include "model.h"

/* What a handler asks the loop to redraw (STYLE §2). */
enum action_result {
	ACTION_NONE,
	ACTION_REDRAW,		/* the focused pane and the input line */
	ACTION_REDRAW_ALL,
	ACTION_ERROR,		/* a message was already set */
	ACTION_QUIT
};

struct action;
struct app;
struct pane;

/* A pane's behaviour (STYLE §4). update() folds a new event into the
 * pane's view data and returns non-zero when the pane must be redrawn;
 * draw() only paints; key() gets keys no binding took. */
struct pane_ops {
	const char		*name;
	enum keymap_context	 context;
	void			(*init)(struct pane *);
	void			(*free)(struct pane *);
	void			(*resize)(struct pane *);
	int			(*update)(struct pane *, const struct event *);
	void			(*draw)(struct pane *);
	enum action_result	(*key)(struct pane *, key_code);
};

#define PANE_DIRTY	0x1
#define PANE_FOCUSABLE	0x2
#define PANE_HIDDEN	0x4
#define PANE_OVERLAY	0x8	/* drawn over the others (help, picker) */

struct pane {
	const struct pane_ops	*ops;
	struct app		*app;
	WINDOW			*win;
	int			 x, y, w, h;
	unsigned		 flags;
	void			*data;
};

enum pane_id {
	PANE_AGENDA,
	PANE_LOG,
	PANE_VOTE,
	PANE_INPUT,
	PANE_STATUS,
	PANE_HELP,	/* overlays */
	PANE_PICKER,
	PANE_CHECKIN,
	PANE_SETUP,
	PANE_COUNT
};

extern const struct pane_ops pane_agenda_ops;
extern const struct pane_ops pane_log_ops;
extern const struct pane_ops pane_vote_ops;
extern const struct pane_ops pane_input_ops;
extern const struct pane_ops pane_status_ops;
extern const struct pane_ops pane_help_ops;
extern const struct pane_ops pane_picker_ops;
extern const struct pane_ops pane_checkin_ops;
extern const struct pane_ops pane_setup_ops;

/*
 * A one-line question in the input pane (prompt.c), with its own
 * callback: the answer goes to cb, which returns ACTION_ERROR to keep the
 * question open (the answer kept), or anything else to close it unless
 * it asked another.
 */
typedef enum action_result (*prompt_cb)(struct app *, const char *answer,
		    void *data);
struct prompt {
	char		*title;		/* NULL when no question is open */
	prompt_cb	 cb;
	void		*data;
	void		(*free)(void *);
	int		 from;		/* the pane focused before */
	unsigned	 serial;	/* counts the questions asked */
	struct editbuf	 buf;		/* the answer */
	int		 back;		/* the overlay Escape shows again,
					   plus 1 (a setup form's); 0: none */
};

/*
 * A one-key question (prompt.c): the input pane's title shows it, the
 * draft stays below it, and the next key goes to cb (Escape closes it).
 * cb returns ACTION_ERROR to keep it open.
 */
typedef enum action_result (*choice_cb)(struct app *, key_code, void *data);
struct choice {
	char		*title;		/* NULL when none is open */
	choice_cb	 cb;
	void		*data;
	void		(*free)(void *);
	unsigned	 serial;
};

/*
 * A member picked in the picker for a question (pane_picker_choose): id,
 * or NULL with text NULL (the row "nobody") or text (a name typed that is
 * not on the roster). ACTION_ERROR keeps the picker open.
 */
typedef enum action_result (*picker_cb)(struct app *, const char *id,
		    const char *text, void *data);
#define PICK_MEMBERS	0x1	/* members who vote: member, chair, vice, presiding */
#define PICK_NOBODY	0x2	/* a first row "nobody" (selected) */
#define PICK_TEXT	0x4	/* Enter with nobody matching takes the name typed */
#define PICK_HERE	0x8	/* only those in the room (not absent, left, in writing) */

/* A reaction marked in the line being typed, at app->draft's mark. */
struct marked {
	char		*text;
	char		*kind;
};

enum draft_state {
	DRAFT_EMPTY,
	DRAFT_UNSAVED,
	DRAFT_SAVED,
	DRAFT_ERROR
};

enum status_level {
	STATUS_INFO,
	STATUS_WARN,
	STATUS_ERROR
};

struct app {
	struct log		*log;
	struct log_query	*q;
	char			*station;
	struct model		 m;
	struct keymap		*km;
	const struct action	*actions;	/* action-table.c, for help */
	size_t			 nactions;

	struct pane		 panes[PANE_COUNT];
	int			 focus;		/* PANE_AGENDA, _LOG or _INPUT */
	int			 overlay;	/* PANE_HELP, _PICKER, _CHECKIN or -1 */
	int			 cols, rows;
	int			 too_small;
	int			 colors;
	/*
	 * Keys typed while the window is too small that wait for it to be
	 * large enough again, played then in order (tui_key).
	 */
	int64_t			 close_asked;	/* act_meeting_toggle */
	key_code		*held;
	int64_t			*held_at;	/* when each came (clock_now) */
	size_t			 nheld, held_cap;
	int64_t			 key_at;	/* a held key played: when it
						   came; 0: now */
	size_t			 held_dropped;	/* not text, at a quit */

	/* The line being typed, its speaker and when its first key came. */
	struct editbuf		 draft;
	char			*speaker;
	int64_t			 started;
	enum draft_state	 draft_state;
	int64_t			 draft_saved_at;	/* monotonic µs */
	int64_t			 last_key_at;
	/*
	 * The uuid of the line's event, chosen at the first Enter and kept
	 * until the line changes: a retry after an unknown outcome (a
	 * failed sync) cannot record the line twice.
	 */
	char			 record_uuid[LOG_UUID_LEN];

	/* Amending an earlier entry: its uuid while the editor holds it. */
	char			 amend_uuid[LOG_UUID_LEN];
	int64_t			 amend_seq;
	char			*amend_what;	/* entry_describe() of it */
	char			*amend_text;	/* its text as it stood */
	char			*amend_speaker;	/* its speaker, NULL: a note */
	char			*amend_prev;	/* app->speaker when it began */
	int			 amend_from;	/* the pane focused before */

	/* A one-line question in the input pane, and a one-key one. */
	struct prompt		 prompt;
	struct choice		 choice;

	/*
	 * Reactions marked in the line being typed (the draft's marks, in
	 * the same order), recorded right after its speech; kept beside the
	 * draft (record.c) so that a crash loses none of them.
	 */
	struct marked		*marked;
	size_t			 nmarked;
	int			 marked_saved;	/* the saved row has them */

	/* An interest or an action being asked (actions-procedure.c). */
	struct ask		*ask;

	/* The agenda selection (-1: the whole meeting) and the log view. */
	int			 sel_item;
	int64_t			 log_sel;	/* selected entry, 0 none */
	int64_t			 log_anchor;	/* 0: follow the end */
	int			 log_anchor_top; /* anchor is the top row */
	size_t			 log_skip;	/* its rows above the top row */

	int64_t			 data_version;
	int			 quit;
	int			 view_chair;	/* giji --chair: the vote pane large */
};

/* pane.c */
void	 pane_dirty(struct pane *);
void	 app_dirty(struct app *, int pane);
void	 app_dirty_all(struct app *);
void	 app_layout(struct app *);
void	 app_redraw(struct app *);
void	 app_focus(struct app *, int pane);
enum keymap_context app_context(struct app *);
void	 pane_title(struct pane *, const char *);

/* draw.c: UTF-8 on curses, clipped by columns, clusters via setcchar. */
int	 draw_text(WINDOW *, int y, int x, const char *, int maxcols,
	     attr_t, short pair);
int	 draw_textn(WINDOW *, int y, int x, const char *, size_t n,
	     int maxcols, attr_t, short pair);
void	 draw_clear_line(WINDOW *, int y, attr_t, short pair);
/* The ASCII frame of an overlay below its title row (box() draws lines
 * of ambiguous width). */
void	 draw_frame(WINDOW *, int h, int w);
/* Colour pairs (0 when colours are off). */
enum {
	PAIR_NONE,
	PAIR_TITLE,
	PAIR_ERROR,
	PAIR_WARN,
	PAIR_NAME,
	PAIR_DIM,
	PAIR_SELECT
};
short	 draw_pair(struct app *, short);

/* follow.c: the live model (core/model.h) loaded, then kept up to date. */
int	 follow_load(struct app *, char **cause);
void	 follow_poll(struct app *);

/* status.c */
void	 status_message(struct app *, enum status_level, const char *, ...)
	     __attribute__((format(printf, 3, 4)));
void	 status_tick(struct app *);
const char *status_last(void);
const char *status_before(size_t);

/* record.c: append an event; messages on failure. */
int	 app_append(struct app *, const char *type, const char *payload,
	     struct event *out);
int	 app_append_draft(struct app *, const char *type,
	     const char *payload, struct event *);
void	 app_draft_changed(struct app *);
void	 app_draft_save(struct app *, int force);
/* The reactions marked in the draft: add one, drop the last, load. */
void	 app_mark(struct app *, const char *text, const char *kind);
int	 app_mark_drop(struct app *);
void	 app_marks_load(struct app *);
void	 app_marks_free(struct app *);

/* label.c: the vocabulary's values in the interface's language. */
const char *label_method(const char *);
const char *label_outcome(const char *);
const char *label_decision(const char *);
const char *label_attendance(const char *);
const char *label_choice(const char *);
const char *label_reaction(const char *);
/* Whether the interface speaks English (no translation in use). */
int	 label_english(void);

/* actions.c: "#12 伊藤委員「昨年度は約41％…」", for questions (allocated). */
char	*entry_describe(struct app *, const struct event *);

/* prompt.c */
enum action_result prompt_open(struct app *, const char *title,
	     const char *initial, prompt_cb, void *data, void (*)(void *));
#define prompt_active(app) ((app)->prompt.cb != NULL)
enum action_result prompt_accept(struct app *);
void	 prompt_close(struct app *);
void	 prompt_free(struct app *);
enum action_result choice_open(struct app *, const char *title, choice_cb,
	     void *data, void (*)(void *));
#define choice_active(app) ((app)->choice.cb != NULL)
enum action_result choice_key(struct app *, key_code);
void	 choice_close(struct app *);

/* editor.c */
/* The rows as last drawn, so that only what changed is drawn again. */
struct editor_view {
	char	**rows;
	size_t	 nrows;
};
void	 editor_draw(WINDOW *, int y, int rows, int cols,
	     const struct editbuf *, struct editor_view *, int *cy, int *cx);
/* Forget them: the next draw paints every row (a new window). */
void	 editor_view_reset(struct editor_view *);

/* pane-log.c helpers for actions */
void	 pane_log_select(struct app *, int dir);
void	 pane_log_page(struct app *, int dir);
void	 pane_log_end(struct app *, int top);
/* pane-help.c, pane-picker.c */
void	 pane_help_open(struct app *);
void	 pane_picker_open(struct app *);
/* The ids of the members who withdrew from the open item (allocated). */
size_t	 app_withdrawn_open(struct app *, char ***ids);
int	 app_ids_has(char **, size_t, const char *id);
void	 app_ids_free(char **, size_t);
/* pane-checkin.c: the roll call, one key a member */
void	 pane_checkin_open(struct app *);
/* pane-setup.c: the roster and the agenda, every field, edited */
void	 pane_setup_open(struct app *);
/* The same, without the member whose id is not (the mover, the giver). */
void	 pane_picker_choose_but(struct app *, const char *title,
	     unsigned flags, const char *not, const char *sel, picker_cb,
	     void *data, void (*freecb)(void *));
void	 pane_picker_choose(struct app *, const char *title, unsigned flags,
	     const char *sel, picker_cb, void *data, void (*)(void *));
/* pane-input.c: the editbuf keys and actions act on */
struct editbuf *app_editbuf(struct app *);
void	 app_set_speaker(struct app *, const char *id);

/* input.c */
void	 input_init(void);
key_code input_read(int timeout_ms);
int	 input_replay_open(const char *path, char **cause);
int	 input_replaying(void);
int	 input_replay_done(void);
/* How many sequences that were not UTF-8 came since the last call. */
size_t	 input_bad(void);
void	 input_done(void);

#endif

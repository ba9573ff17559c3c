/* SPDX-License-Identifier: ISC */
/*
 * The live terminal: giji [FILE], --demo, --keymap, --replay,
 * --list-actions and --check-keymap. This file owns the program's phases:
 * options and the meeting file (errors to stderr, exit 1 or 2), keymap
 * loading (collected file:line:col causes, shown on the status line),
 * then curses and the main loop: redraw what is dirty, wait up to 200 ms
 * for keys, run them, poll the file for other terminals' events, save the
 * draft. SIGHUP, SIGTERM and SIGINT save the draft and restore the
 * terminal; C-c is a key (raw mode), not a signal.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "action.h"
#include "app.h"
#include "cli.h"
#include "clock.h"
#include "i18n.h"
#include "import.h"
#include "tui.h"
#include "utf8.h"
#include "xdg.h"
#include "xmalloc.h"

#include "keymap-default.h"

#define TUI_POLL_MS	200	/* wait for a key at most this long */
#define TUI_DV_US	100000	/* look for other terminals' events */
#define HELD_MAX	(1024 * 1024)	/* keys waiting for a larger window */

static volatile sig_atomic_t tui_signal;

static void
tui_usage(FILE *f)
{
	fputs(_("usage: giji [--chair | --view chair|clerk] [--keymap FILE|NAME]\n"
"            [--replay KEYS] [--] [FILE]\n"
"       giji --demo [--keymap FILE|NAME]\n"
"       giji --list-actions [--keymap FILE|NAME]\n"
"       giji --check-keymap FILE|NAME\n"
"Without FILE, giji opens the current meeting of $XDG_DATA_HOME/giji\n"
"(a new one when there is none). A FILE must exist: giji new FILE\n"
"creates one. See giji(1) and giji-keymap(5).\n"), f);
}

/*
 * A shipped file: $GIJI_DATADIR, the installed $(pkgdatadir), or the
 * source tree next to an uninstalled ./giji (keymaps/, data/).
 */
static char *
tui_datafile(const char *name)
{
	const char	*dirs[3];
	static const char *subs[] = { "", "keymaps/", "data/" };
	char		 exe[PATH_MAX], *slash, *path;
	ssize_t		 n;
	size_t		 i, j;

	dirs[0] = getenv("GIJI_DATADIR");
#ifdef GIJI_PKGDATADIR
	dirs[1] = GIJI_PKGDATADIR;
#else
	dirs[1] = NULL;
#endif
	dirs[2] = NULL;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dirs[2] = exe;
		}
	}
	for (i = 0; i < 3; i++) {
		if (dirs[i] == NULL || *dirs[i] == '\0')
			continue;
		for (j = 0; j < 3; j++) {
			path = xasprintf("%s/%s%s", dirs[i], subs[j], name);
			if (access(path, R_OK) == 0)
				return path;
			free(path);
		}
	}
	return NULL;
}

/* --keymap vi: a shipped keymap by name; anything else is a path. */
static char *
tui_keymap_path(const char *arg)
{
	char	*name, *path;

	if (strchr(arg, '/') != NULL || access(arg, F_OK) == 0)
		return xstrdup(arg);
	name = xasprintf("%s.keymap", arg);
	path = tui_datafile(name);
	free(name);
	return path != NULL ? path : xstrdup(arg);
}

/*
 * The default map, then the user's file on top of it. A file with any
 * problem is not used at all: giji starts with the default and the
 * causes are returned for the status line.
 */
static struct keymap *
tui_keymap(const char *file, char ***causes, size_t *ncauses)
{
	struct keymap	*km, *user;
	char		**dc = NULL;
	size_t		 ndc = 0;

	km = keymap_new();
	if (keymap_parse(km, "(default keymap)", keymap_default,
	    strlen(keymap_default), action_keymap_find, NULL, &dc, &ndc) != 0) {
		/* make check parses it too, so this is a build bug. */
		fprintf(stderr, _("giji: bad default keymap: %s\n"), dc[0]);
		abort();
	}
	if (file == NULL)
		return km;
	user = keymap_new();
	keymap_parse(user, "(default keymap)", keymap_default,
	    strlen(keymap_default), action_keymap_find, NULL, &dc, &ndc);
	if (keymap_load(user, file, action_keymap_find, NULL, causes,
	    ncauses) != 0) {
		keymap_free(&user);
		return km;
	}
	keymap_free(&km);
	return user;
}

static int
tui_mkdirs(const char *path)
{
	char	*p, *s = xstrdup(path);

	for (p = s + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(s, 0700) != 0 && errno != EEXIST) {
			free(s);
			return -1;
		}
		*p = '/';
	}
	free(s);
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

/* The data directory's current meeting, created when there is none. */
static char *
tui_current(void)
{
	const char	*xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	struct clock_tm	 tm;
	char		*dir, *cur, *path, target[PATH_MAX], name[64];
	ssize_t		 n;

	if (xdg != NULL && *xdg == '/')
		dir = xasprintf("%s/giji", xdg);
	else if (home != NULL && *home != '\0')
		dir = xasprintf("%s/.local/share/giji", home);
	else {
		cli_error(_("no FILE given and neither XDG_DATA_HOME nor HOME "
		    "is set: name a meeting file"));
		return NULL;
	}
	if (tui_mkdirs(dir) != 0) {
		cli_error(_("%s: cannot create: %s"), dir, strerror(errno));
		free(dir);
		return NULL;
	}
	cur = xasprintf("%s/current", dir);
	n = readlink(cur, target, sizeof target - 1);
	if (n > 0) {
		target[n] = '\0';
		path = target[0] == '/' ? xstrdup(target) :
		    xasprintf("%s/%s", dir, target);
		if (access(path, F_OK) == 0) {
			free(cur);
			free(dir);
			return path;
		}
		free(path);
	}
	clock_local(clock_now(), CLOCK_DEFAULT_TZ, &tm);
	snprintf(name, sizeof name, "%04d-%02d-%02d-%02d%02d.giji", tm.y,
	    tm.mon, tm.d, tm.h, tm.min);
	unlink(cur);
	if (symlink(name, cur) != 0) {
		cli_error(_("%s: cannot create the link: %s"), cur,
		    strerror(errno));
		free(cur);
		free(dir);
		return NULL;
	}
	path = xasprintf("%s/%s", dir, name);
	free(cur);
	free(dir);
	return path;
}

/* A fresh copy of the sample meeting in a new temporary folder. */
static char *
tui_demo(void)
{
	const char	*tmp = getenv("TMPDIR");
	struct log	*log;
	FILE		*f;
	char		*src, *dir, *path, *cause = NULL;
	size_t		 count, lineno;

	if ((src = tui_datafile("demo.jsonl")) == NULL) {
		cli_error(_("demo.jsonl not found: set GIJI_DATADIR to the "
		    "folder holding it (data/ in the source tree)"));
		return NULL;
	}
	dir = xasprintf("%s/giji-demo-XXXXXX", tmp != NULL && *tmp != '\0' ?
	    tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		cli_error(_("%s: cannot create: %s"), dir, strerror(errno));
		free(dir);
		free(src);
		return NULL;
	}
	path = xasprintf("%s/demo.giji", dir);
	free(dir);
	if ((log = log_open(path, LOG_CREATE | LOG_EXCL, &cause)) == NULL) {
		cli_error("%s", cause);
		goto fail;
	}
	if ((f = fopen(src, "r")) == NULL) {
		cli_error("%s: %s", src, strerror(errno));
		log_close(&log);
		goto fail;
	}
	if (import_stream(log, f, &count, &lineno, NULL, NULL, &cause) != 0) {
		cli_error("%s:%zu: %s", src, lineno, cause);
		fclose(f);
		log_close(&log);
		goto fail;
	}
	fclose(f);
	log_close(&log);
	free(src);
	return path;
fail:
	free(cause);
	free(src);
	free(path);
	return NULL;
}

static void
tui_on_signal(int sig)
{
	tui_signal = sig;
}

static void
tui_signals(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* Before initscr(): ncurses installs its own SIGINT handler (which
	 * exits at once, the draft unsaved) only where it finds SIG_DFL.
	 * raw() makes C-c a key; a SIGINT from kill(1) ends giji as SIGTERM
	 * does: the draft saved, the terminal restored. */
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static void
tui_curses(struct app *app)
{
	const char	*nc = getenv("NO_COLOR");

	if (getenv("ESCDELAY") == NULL)
		set_escdelay(25);
	initscr();
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	leaveok(stdscr, FALSE);
	app->colors = (nc == NULL || *nc == '\0') && has_colors();
	if (app->colors) {
		start_color();
		use_default_colors();
		init_pair(PAIR_TITLE, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_ERROR, COLOR_WHITE, COLOR_RED);
		init_pair(PAIR_WARN, COLOR_YELLOW, -1);
		init_pair(PAIR_NAME, COLOR_GREEN, -1);
		init_pair(PAIR_DIM, COLOR_BLUE, -1);
		init_pair(PAIR_SELECT, COLOR_BLACK, COLOR_WHITE);
	}
	input_init();
}

static void	tui_key(struct app *, key_code);

/*
 * One terminal per station on a file: two of one station would share
 * one draft (the drafts table is keyed by station), each saving over the
 * other's words. A lock held while the interface runs, on a file named
 * after the meeting file (device and inode) and the station, in
 * $XDG_RUNTIME_DIR or a folder of the user's own under $TMPDIR; the
 * kernel drops it when giji ends, however it ends. 1: another terminal
 * holds it; 0: held, or no lock could be made (the clerk is not kept
 * from recording for want of one). *fd is kept open until the end.
 */
static int
tui_station_lock(const char *path, const char *station, int *fd)
{
	struct stat	 sb;
	const char	*run, *tmp;
	char		*dir, *lock;
	uint64_t	 h = 14695981039346656037ULL;	/* FNV-1a */
	const char	*s;

	*fd = -1;
	if (stat(path, &sb) != 0)
		return 0;
	for (s = station; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	if ((run = getenv("XDG_RUNTIME_DIR")) != NULL && *run == '/')
		dir = xstrdup(run);
	else {
		if ((tmp = getenv("TMPDIR")) == NULL || *tmp != '/')
			tmp = "/tmp";
		dir = xasprintf("%s/giji-%lu", tmp, (unsigned long)getuid());
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			free(dir);
			return 0;
		}
		/* Another user's folder of that name is not used. */
		if (lstat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode) ||
		    sb.st_uid != getuid()) {
			free(dir);
			return 0;
		}
		if (stat(path, &sb) != 0) {
			free(dir);
			return 0;
		}
	}
	lock = xasprintf("%s/giji-%llx-%llx-%016llx.lock", dir,
	    (unsigned long long)sb.st_dev, (unsigned long long)sb.st_ino,
	    (unsigned long long)h);
	free(dir);
	*fd = open(lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	free(lock);
	if (*fd == -1)
		return 0;
	if (flock(*fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (errno != EWOULDBLOCK) {
		close(*fd);
		*fd = -1;
		return 0;
	}
	close(*fd);
	*fd = -1;
	return 1;
}

/* The text of the keys still waiting into the draft, the others counted. */
static void
tui_held_to_draft(struct app *app)
{
	size_t	 i;

	for (i = 0; i < app->nheld; i++) {
		if (key_is_char(app->held[i]) && app_editbuf(app) ==
		    &app->draft) {
			editbuf_insert_cp(&app->draft, (unsigned int)
			    (app->held[i] & KEYC_MASK_KEY));
			app_draft_changed(app);
		} else
			app->held_dropped++;
	}
	app->nheld = 0;
}

/*
 * A key while the window is too small to draw: nothing typed is lost.
 * Characters go into the draft as they come (saved as it is, as when
 * typed in a window that fits) while no other key waits; any other key,
 * and every key after it, waits for the window to be large enough and is
 * played then, in order (a speaker chosen, then the words). F10 or C-q
 * quits; the text still waiting goes into the draft first.
 */
static void
tui_key_small(struct app *app, key_code key)
{
	if (key == KEYC_F10 || key == (KEYC_CTRL | 'q')) {
		tui_held_to_draft(app);
		app->quit = 1;
		return;
	}
	if (app->nheld == 0 && key_is_char(key) && !choice_active(app) &&
	    app->overlay < 0 && app_editbuf(app) == &app->draft) {
		editbuf_insert_cp(&app->draft, (unsigned int)(key &
		    KEYC_MASK_KEY));
		app_draft_changed(app);
		app_dirty(app, PANE_INPUT);	/* the notice counts it */
		return;
	}
	if (app->nheld == HELD_MAX) {
		beep();
		return;
	}
	if (app->nheld == app->held_cap) {
		app->held_cap = app->held_cap != 0 ? app->held_cap * 2 : 64;
		app->held = xreallocarray(app->held, app->held_cap,
		    sizeof *app->held);
		app->held_at = xreallocarray(app->held_at, app->held_cap,
		    sizeof *app->held_at);
	}
	app->held_at[app->nheld] = clock_now();
	app->held[app->nheld++] = key;
	app_dirty(app, PANE_STATUS);
}

/* The keys that waited, once the window is large enough. */
static void
tui_play_held(struct app *app)
{
	key_code	*held = app->held;
	int64_t		*at = app->held_at;
	size_t		 n = app->nheld, i;

	if (n == 0 || app->too_small)
		return;
	app->held = NULL;
	app->held_at = NULL;
	app->nheld = app->held_cap = 0;
	/* A speech begun while they waited began when its first key came. */
	for (i = 0; i < n && !app->quit; i++) {
		app->key_at = at[i];
		tui_key(app, held[i]);
	}
	app->key_at = 0;
	free(held);
	free(at);
}

static void
tui_key(struct app *app, key_code key)
{
	const struct keymap_binding	*b = NULL;
	enum keymap_context		 ctx;
	enum action_result		 r;
	struct pane			*p;

	if (key == KEYC_RESIZE) {
		app_layout(app);
		app_dirty_all(app);
		tui_play_held(app);
		return;
	}
	if (app->too_small) {
		tui_key_small(app, key);
		return;
	}
	if (choice_active(app) && app->overlay < 0)
		r = choice_key(app, key);
	else if (app->overlay >= 0) {
		p = &app->panes[app->overlay];
		r = p->ops->key(p, key);
	} else if (key & KEYC_PASTED) {
		app_focus(app, PANE_INPUT);
		p = &app->panes[PANE_INPUT];
		r = p->ops->key(p, key);
	} else {
		ctx = app_context(app);
		b = keymap_lookup(app->km, ctx, key);
		if (b == NULL && ctx != KEYMAP_GLOBAL)
			b = keymap_lookup(app->km, KEYMAP_GLOBAL, key);
		if (b != NULL)
			r = action_run(app, b->action, b->arg);
		else {
			p = prompt_active(app) ?
			    &app->panes[PANE_INPUT] : &app->panes[app->focus];
			r = p->ops->key != NULL ? p->ops->key(p, key) :
			    ACTION_NONE;
			if (r == ACTION_NONE && !key_is_char(key))
				status_message(app, STATUS_WARN, _("%s: no "
				    "action is bound to this key (F1: help)"),
				    key_string_lookup_key(key));
		}
	}
	switch (r) {
	case ACTION_QUIT:
		app->quit = 1;
		break;
	case ACTION_REDRAW_ALL:
		app_layout(app);
		app_dirty_all(app);
		break;
	case ACTION_REDRAW:
		app_dirty(app, app->focus);
		app_dirty(app, PANE_INPUT);
		if (app->overlay >= 0)
			app_dirty(app, app->overlay);
		break;
	case ACTION_NONE:
	case ACTION_ERROR:
		break;
	}
}

static void
tui_restore_draft(struct app *app)
{
	char	*speaker = NULL, *text = NULL;
	int64_t	 started = 0;

	if (log_draft_load(app->log, app->station, &speaker, &text,
	    &started) != 1) {
		app_marks_load(app);
		return;
	}
	if (speaker != NULL && *speaker != '\0')
		app->speaker = xstrdup(speaker);
	if (text != NULL && *text != '\0') {
		editbuf_set(&app->draft, text);
		app->started = started;
		app->draft_state = DRAFT_SAVED;
		status_message(app, STATUS_INFO, ngettext("Draft restored (%zu "
		    "character)", "Draft restored (%zu characters)",
		    utf8_strlen(text)), utf8_strlen(text));
	}
	/* The reactions marked in it, at their places. */
	app_marks_load(app);
	free(speaker);
	free(text);
}

static void
tui_loop(struct app *app)
{
	key_code	 key;
	int64_t		 dv, now, polled = 0;
	size_t		 nbad;

	while (!app->quit && !tui_signal) {
		status_tick(app);
		app_redraw(app);
		key = input_read(TUI_POLL_MS);
		if (key != KEYC_NONE) {
			tui_key(app, key);
			/* Run every key already waiting (a paste) before
			 * drawing again; a replay draws after each key. */
			while (!input_replaying() && !app->quit &&
			    !tui_signal &&
			    (key = input_read(0)) != KEYC_NONE)
				tui_key(app, key);
		} else if (input_replay_done())
			app->quit = 1;
		if ((nbad = input_bad()) > 0)
			status_message(app, STATUS_WARN, ngettext("%zu sequence "
			    "of bytes that is not UTF-8 was typed or pasted and "
			    "stands as U+FFFD in the line: check the text", "%zu "
			    "sequences of bytes that are not UTF-8 were typed or "
			    "pasted and stand as U+FFFD in the line: check the "
			    "text", nbad), nbad);
		/* Other terminals' events: look every 100 ms at most, so a
		 * burst of keys does not ask SQLite on every key. */
		now = clock_mono();
		if (now - polled >= TUI_DV_US) {
			polled = now;
			log_query_idle(app->q);
			dv = log_data_version(app->log);
			if (dv != app->data_version) {
				app->data_version = dv;
				follow_poll(app);
			}
		}
		app_draft_save(app, 0);
	}
	tui_held_to_draft(app);		/* a signal while too small */
	app_draft_save(app, 1);
}

static const struct pane_ops *const tui_pane_ops[PANE_COUNT] = {
	[PANE_AGENDA] = &pane_agenda_ops,
	[PANE_LOG] = &pane_log_ops,
	[PANE_VOTE] = &pane_vote_ops,
	[PANE_INPUT] = &pane_input_ops,
	[PANE_STATUS] = &pane_status_ops,
	[PANE_HELP] = &pane_help_ops,
	[PANE_PICKER] = &pane_picker_ops,
	[PANE_CHECKIN] = &pane_checkin_ops,
	[PANE_SETUP] = &pane_setup_ops,
};

enum {
	OPT_CHAIR = 256,
	OPT_CHECK,
	OPT_DEMO,
	OPT_KEYMAP,
	OPT_LIST,
	OPT_REPLAY,
	OPT_VIEW
};

static const struct option tui_options[] = {
	{ "chair", no_argument, NULL, OPT_CHAIR },
	{ "check-keymap", required_argument, NULL, OPT_CHECK },
	{ "demo", no_argument, NULL, OPT_DEMO },
	{ "help", no_argument, NULL, 'h' },
	{ "keymap", required_argument, NULL, OPT_KEYMAP },
	{ "list-actions", no_argument, NULL, OPT_LIST },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	{ "version", no_argument, NULL, 'V' },
	{ "view", required_argument, NULL, OPT_VIEW },
	{ NULL, 0, NULL, 0 }
};

int
tui_main(int argc, char **argv)
{
	struct app	 app;
	const char	*keymap_arg = NULL, *replay = getenv("GIJI_REPLAY");
	const char	*file = NULL, *check = NULL, *codeset;
	char		*path = NULL, *kpath = NULL, *cause = NULL, **causes = NULL;
	char		*name;
	int		 lockfd = -1;
	size_t		 ncauses = 0, i;
	int		 demo = 0, list = 0, rc = 0, chair = 0, c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hV", tui_options, NULL)) != -1) {
		switch (c) {
		case 'h':
			tui_usage(stdout);
			return 0;
		case 'V':
			printf("giji %s\n", PACKAGE_VERSION);
			return 0;
		case OPT_DEMO:
			demo = 1;
			break;
		case OPT_LIST:
			list = 1;
			break;
		case OPT_KEYMAP:
			keymap_arg = optarg;
			break;
		case OPT_CHECK:
			check = optarg;
			break;
		case OPT_REPLAY:
			replay = optarg;
			break;
		case OPT_CHAIR:
			chair = 1;
			break;
		case OPT_VIEW:
			if (strcmp(optarg, "chair") != 0 &&
			    strcmp(optarg, "clerk") != 0) {
				cli_error(_("--view %s: the views are chair and "
				    "clerk"), optarg);
				return 2;
			}
			chair = strcmp(optarg, "chair") == 0;
			break;
		case ':':
			cli_error(_("%s: the option needs a value (see giji "
			    "--help)"), argv[optind - 1]);
			return 2;
		default:
			cli_error(_("%s: unknown option (see giji --help)"),
			    argv[optind - 1]);
			return 2;
		}
	}
	if (optind < argc)
		file = argv[optind++];
	if (optind < argc) {
		cli_error(_("%s: one meeting file at a time"), argv[optind]);
		return 2;
	}
	if (check != NULL) {
		struct keymap *km = keymap_new();
		kpath = tui_keymap_path(check);
		keymap_load(km, kpath, action_keymap_find, NULL, &causes,
		    &ncauses);
		for (i = 0; i < ncauses; i++)
			fprintf(stderr, "%s\n", causes[i]);
		rc = ncauses != 0;
		keymap_causes_free(&causes, &ncauses);
		keymap_free(&km);
		free(kpath);
		return rc;
	}
	/* --keymap, else the user's own, else the site's (XDG_CONFIG_DIRS). */
	if (keymap_arg != NULL)
		kpath = tui_keymap_path(keymap_arg);
	else
		kpath = xdg_config_find("keymap");
	if (list) {
		struct keymap *km = tui_keymap(kpath, &causes, &ncauses);
		for (i = 0; i < ncauses; i++)
			fprintf(stderr, "%s\n", causes[i]);
		action_list(stdout, km);
		keymap_free(&km);
		keymap_causes_free(&causes, &ncauses);
		free(kpath);
		return 0;
	}

	codeset = nl_langinfo(CODESET);
	if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
		cli_error(_("the locale's character set is %s, not UTF-8: giji "
		    "needs a UTF-8 locale (for example LANG=ja_JP.UTF-8 or "
		    "LANG=C.UTF-8)"), codeset != NULL ? codeset : "?");
		free(kpath);
		return 1;
	}
	if (demo && file != NULL) {
		cli_error(_("--demo opens its own copy; give no FILE"));
		free(kpath);
		return 2;
	}
	/*
	 * A mistyped name must not open a new, empty meeting (a chair would
	 * count votes into another file than the clerk's).
	 */
	if (file != NULL && access(file, F_OK) != 0) {
		if (errno == ENOENT)
			cli_error(_("%s: no such meeting file; to create one: "
			    "giji new %s"), file, file);
		else
			cli_error("%s: %s", file, strerror(errno));
		free(kpath);
		return 1;
	}
	if (!isatty(STDIN_FILENO) && replay == NULL) {
		cli_error(_("standard input is not a terminal: the interface "
		    "needs one (giji log FILE prints a meeting)"));
		free(kpath);
		return 1;
	}
	if (demo)
		path = tui_demo();
	else if (file != NULL)
		path = xstrdup(file);
	else
		path = tui_current();
	if (path == NULL) {
		free(kpath);
		return 1;
	}

	memset(&app, 0, sizeof app);
	app.overlay = -1;
	app.focus = chair ? PANE_VOTE : PANE_INPUT;
	app.view_chair = chair;
	app.sel_item = -1;
	editbuf_init(&app.draft);
	editbuf_init(&app.prompt.buf);
	if ((app.log = log_open(path, LOG_CREATE, &cause)) == NULL) {
		cli_error("%s", cause);
		rc = 1;
		goto out;
	}
	app.station = cli_station();
	log_set_station(app.log, app.station);
	if (tui_station_lock(path, app.station, &lockfd) == 1) {
		name = utf8_sanitize(app.station, 0);
		cli_error(_("%s: already open in another terminal as station "
		    "%s: two terminals of one station would share one draft; "
		    "give this one another name (GIJI_STATION=%s-2)"), path,
		    name, name);
		free(name);
		rc = 1;
		goto out;
	}
	if ((app.q = log_query_new(app.log, &cause)) == NULL ||
	    follow_load(&app, &cause) != 0) {
		cli_error("%s", cause);
		rc = 1;
		goto out;
	}
	if (app.m.open_item >= 0)
		app.sel_item = app.m.open_item;
	if (replay != NULL && input_replay_open(replay, &cause) != 0) {
		cli_error("%s", cause);
		rc = 2;
		goto out;
	}
	app.km = tui_keymap(kpath, &causes, &ncauses);
	app.actions = action_table;
	app.nactions = action_count;
	tui_restore_draft(&app);
	if (ncauses > 0) {
		/* The status line is short: the file by its last name here,
		 * in full in the help screen's history and on exit. */
		const char *c0 = causes[0], *slash = strrchr(kpath, '/');
		if (slash != NULL && strncmp(c0, kpath, strlen(kpath)) == 0)
			c0 += slash + 1 - kpath;
		status_message(&app, STATUS_ERROR, ncauses > 1 ?
		    _("Started with the default keymap: %s (and more)") :
		    _("Started with the default keymap: %s"), c0);
	}

	tui_signals();
	tui_curses(&app);
	for (i = 0; i < PANE_COUNT; i++) {
		app.panes[i].ops = tui_pane_ops[i];
		app.panes[i].app = &app;
		if (i == PANE_HELP || i == PANE_PICKER || i == PANE_CHECKIN ||
		    i == PANE_SETUP)
			app.panes[i].flags |= PANE_OVERLAY;
		if (app.panes[i].ops->init != NULL)
			app.panes[i].ops->init(&app.panes[i]);
	}
	app_layout(&app);
	app_dirty_all(&app);
	tui_loop(&app);

	for (i = 0; i < PANE_COUNT; i++) {
		if (app.panes[i].ops->free != NULL)
			app.panes[i].ops->free(&app.panes[i]);
		if (app.panes[i].win != NULL)
			delwin(app.panes[i].win);
	}
	input_done();
	endwin();
	if (app.held_dropped > 0)
		fprintf(stderr, ngettext("giji: %zu key typed while the window "
		    "was too small was not text and was not played\n", "giji: "
		    "%zu keys typed while the window was too small were not "
		    "text and were not played\n", app.held_dropped),
		    app.held_dropped);
	if (tui_signal)
		fprintf(stderr, _("giji: %s: the draft is saved\n"),
		    strsignal(tui_signal));
	if (demo)
		fprintf(stderr, _("giji: the demo meeting is %s\n"), path);
	for (i = 0; i < ncauses; i++)
		fprintf(stderr, "%s\n", causes[i]);
out:
	keymap_causes_free(&causes, &ncauses);
	keymap_free(&app.km);
	free(cause);
	model_free(&app.m);
	log_query_free(&app.q);
	log_close(&app.log);
	app_marks_free(&app);
	ask_free(&app);
	editbuf_free(&app.draft);
	prompt_free(&app);
	free(app.held);
	free(app.held_at);
	free(app.speaker);
	free(app.amend_what);
	free(app.amend_text);
	free(app.amend_speaker);
	free(app.amend_prev);
	if (lockfd != -1)
		close(lockfd);
	free(app.station);
	free(kpath);
	free(path);
	return rc;
}

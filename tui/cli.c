/* SPDX-License-Identifier: ISC */
/*
 * The scripting subcommands: new, add, import, log and verify. Each opens
 * the meeting file through core/log.c, reports problems on stderr as
 * "giji: FILE: what went wrong: what to do", and returns 0, 1 or 2.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#include "clock.h"
#include "event.h"
#include "fold.h"
#include "vote-report.h"
#include "i18n.h"
#include "import.h"
#include "jdate.h"
#include "json.h"
#include "log.h"
#include "minutes.h"
#include "utf8.h"
#include "xmalloc.h"
#include "cli.h"

const char *cli_progname = "giji";

void
cli_error(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *safe;

	/* Causes quote input (a type, a member id): keep its escape
	 * sequences and controls away from the terminal. */
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	safe = utf8_sanitize(msg != NULL ? msg : _("out of memory"), 1);
	fprintf(stderr, "%s: %s\n", cli_progname, safe);
	free(safe);
	free(msg);
}

static int
cli_usage(const char *msg)
{
	cli_error(_("%s (see giji --help)"), msg);
	return 2;
}

/* Report a cause about path, naming the file once. */
void
cli_error_file(const char *path, const char *cause)
{
	size_t	 n = strlen(path);

	if (strncmp(cause, path, n) == 0 && cause[n] == ':')
		cli_error("%s", cause);
	else
		cli_error("%s: %s", path, cause);
}

/* A fault of the file at seq (0: of the file as a whole). */
void
cli_error_seq(const char *path, int64_t seq, const char *cause)
{
	if (seq > 0)
		cli_error("%s: seq %lld: %s", path, (long long)seq, cause);
	else
		cli_error_file(path, cause);
}

struct log *
cli_open(const char *path, int flags)
{
	struct log	*log;
	char		*cause, *station;

	/*
	 * Before a one-shot command writes, the whole chain is checked, in
	 * the write's own transaction: nothing is appended to a file whose
	 * record was altered (giji verify says where).
	 */
	if (!(flags & LOG_READONLY))
		flags |= LOG_CHECK_CHAIN;
	if ((log = log_open(path, flags, &cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		return NULL;
	}
	station = cli_station();
	log_set_station(log, station);
	free(station);
	return log;
}

char *
cli_station(void)
{
	const char	*s, *tty;
	char		 host[HOST_NAME_MAX + 1];

	if ((s = getenv("GIJI_STATION")) != NULL && *s != '\0')
		return xstrdup(s);
	if (gethostname(host, sizeof host) != 0)
		snprintf(host, sizeof host, "localhost");
	host[sizeof host - 1] = '\0';
	if ((tty = ttyname(STDIN_FILENO)) != NULL) {
		if (strncmp(tty, "/dev/", 5) == 0)
			tty += 5;
		return xasprintf("%s/%s", host, tty);
	}
	return xstrdup(host);
}

/*
 * Output to a new file beside path, synced, then put in place with one
 * rename (or, without --force, a link that fails if path appeared
 * meanwhile), and the folder synced: path holds the old bytes or the new
 * ones, never a part, whatever happens (a full disk, a crash).
 */
struct cli_out {
	const char	*path;		/* NULL: standard output */
	char		*tmp;
	int		 fd;
	int		 exists;
	int		 err;		/* errno of a failed write */
};

/* Do the two paths name one file (device and inode)? */
int
cli_same_file(const char *a, const char *b)
{
	struct stat	 sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Does the file begin as an SQLite database (a meeting file)? */
static int
cli_is_database(const char *path)
{
	uint32_t	 app;

	return log_file_header(path, &app) == 1;
}

struct cli_out *
cli_out_open(const char *path, int force, int mode)
{
	struct cli_out	*o = xcalloc(1, sizeof *o);
	struct stat	 sb;
	const char	*slash;

	o->fd = -1;
	if (path == NULL || strcmp(path, "-") == 0)
		return o;
	o->path = path;
	if (lstat(path, &sb) == 0) {
		if (S_ISLNK(sb.st_mode)) {
			cli_error(_("%s: is a symbolic link; giji does not "
			    "write through links: choose another name"), path);
			goto fail;
		}
		/* Minutes never replace a record: a meeting, this one too. */
		if (S_ISREG(sb.st_mode) && cli_is_database(path)) {
			cli_error(_("%s: is an SQLite database (a meeting "
			    "file?); giji never writes over one: choose another "
			    "name"), path);
			goto fail;
		}
		if (!force) {
			cli_error(_("%s: already exists: use --force to "
			    "replace it"), path);
			goto fail;
		}
		if (!S_ISREG(sb.st_mode)) {
			cli_error(_("%s: not a regular file; giji replaces "
			    "only files: choose another name"), path);
			goto fail;
		}
		o->exists = 1;
	}
	slash = strrchr(path, '/');
	if (slash == NULL)
		o->tmp = xasprintf(".%s.XXXXXX", path);
	else
		o->tmp = xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path,
		    slash + 1);
	if ((o->fd = mkstemp(o->tmp)) == -1) {
		cli_error(_("%s: cannot create: %s"), path, strerror(errno));
		goto fail;
	}
	if (fchmod(o->fd, (mode_t)mode) != 0) {
		cli_error(_("%s: cannot create: %s"), path, strerror(errno));
		close(o->fd);
		unlink(o->tmp);
		goto fail;
	}
	return o;
fail:
	free(o->tmp);
	free(o);
	return NULL;
}

int
cli_out_write(void *arg, const char *data, size_t len)
{
	struct cli_out	*o = arg;
	size_t		 off = 0;
	ssize_t		 n;

	if (o->err != 0)
		return o->err;
	if (o->path == NULL) {
		if (fwrite(data, 1, len, stdout) != len)
			o->err = errno != 0 ? errno : EIO;
		return o->err;
	}
	while (off < len) {
		if ((n = write(o->fd, data + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			o->err = errno;
			return o->err;
		}
		off += (size_t)n;
	}
	return 0;
}

int
cli_out_close(struct cli_out **op, int ok)
{
	struct cli_out	*o = *op;
	struct stat	 sb;
	int		 e = 0, rc = 0;

	if (o == NULL)
		return 1;
	*op = NULL;
	if (o->path == NULL) {
		if ((fflush(stdout) != 0 && o->err == 0))
			o->err = errno;
		if (o->err != 0) {
			cli_error(_("standard output: %s"), strerror(o->err));
			rc = 1;
		}
		free(o);
		return ok && rc == 0 ? 0 : 1;
	}
	if (!ok || o->err != 0) {
		e = o->err;
		goto fail;
	}
	if (fsync(o->fd) != 0)
		goto fail_errno;
	if (close(o->fd) != 0) {
		o->fd = -1;
		goto fail_errno;
	}
	o->fd = -1;
	if (o->exists) {
		if (rename(o->tmp, o->path) != 0)
			goto fail_errno;
	} else if (link(o->tmp, o->path) == 0)
		unlink(o->tmp);
	else {
		/* A file system without hard links: check, then rename. */
		if (errno == EEXIST || lstat(o->path, &sb) == 0) {
			errno = EEXIST;
			goto fail_errno;
		}
		if (rename(o->tmp, o->path) != 0)
			goto fail_errno;
	}
	if (log_sync_folder(o->path) != 0) {
		cli_error(_("%s: written, but the folder could not be synced: "
		    "%s"), o->path, strerror(errno));
		rc = 1;
	}
	free(o->tmp);
	free(o);
	return rc;
fail_errno:
	e = errno;
fail:
	if (o->fd != -1)
		close(o->fd);
	unlink(o->tmp);
	if (e == EEXIST)
		cli_error(_("%s: already exists: use --force to replace it"),
		    o->path);
	else if (e != 0 && o->exists)
		cli_error(_("%s: cannot write: %s; nothing was written (the "
		    "old file is as it was)"), o->path, strerror(e));
	else if (e != 0)
		cli_error(_("%s: cannot write: %s; nothing was written"),
		    o->path, strerror(e));
	free(o->tmp);
	free(o);
	return 1;
}

int
cli_out_failed(const struct cli_out *o)
{
	return o->err;
}

int
cli_write_output(const char *path, const char *data, size_t len, int force,
    int mode)
{
	struct cli_out	*o;

	if ((o = cli_out_open(path, force, mode)) == NULL)
		return 1;
	cli_out_write(o, data, len);
	return cli_out_close(&o, 1);
}

/* --- giji new -------------------------------------------------------- */

static int
append_or_report(struct log *log, const char *type, const char *payload,
    const char *where)
{
	struct event_in	 in;
	char		*cause;

	memset(&in, 0, sizeof in);
	in.type = type;
	in.payload = payload;
	if (log_append(log, &in, NULL, &cause) != 0) {
		cli_error_file(where, cause);
		free(cause);
		return -1;
	}
	return 0;
}

struct copy_ctx {
	struct log	*to;
	const char	*from;
	int		 failed;
};

static int
copy_roster(const struct event *ev, void *arg)
{
	struct copy_ctx	*c = arg;

	if (ev->etype != EV_MEMBER_ADD && ev->etype != EV_META_SET)
		return 0;
	if (append_or_report(c->to, ev->type, ev->payload, c->from) != 0) {
		c->failed = 1;
		return 1;
	}
	return 0;
}

int
cli_new(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "date", required_argument, NULL, 'd' },
		{ "place", required_argument, NULL, 'p' },
		{ "like", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*title = NULL, *date = NULL, *place = NULL, *like = NULL;
	struct log	*log, *old = NULL;
	struct copy_ctx	 cc;
	char		*meta, *next, *cause;
	int		 c, y, mo, d, rc = 1;

	optind = 1;
	while ((c = getopt_long(argc, argv, "t:d:p:l:h", opts, NULL)) != -1) {
		switch (c) {
		case 't': title = optarg; break;
		case 'd': date = optarg; break;
		case 'p': place = optarg; break;
		case 'l': like = optarg; break;
		case 'h':
			fputs(_("usage: giji new FILE [--title T] [--date "
			    "YYYY-MM-DD] [--place P] [--like OLD.giji]\n"),
			    stdout);
			return 0;
		default:
			return cli_usage(_("new: unknown option"));
		}
	}
	if (optind != argc - 1)
		return cli_usage(_("new: give exactly one FILE"));
	if (date != NULL && jdate_parse(date, &y, &mo, &d) != 0) {
		cli_error(_("new: --date '%s' is not a date like 2022-06-27"),
		    date);
		return 2;
	}
	if (like != NULL && (old = cli_open(like, LOG_READONLY)) == NULL)
		return 1;
	if ((log = cli_open(argv[optind], LOG_CREATE | LOG_EXCL)) == NULL) {
		log_close(&old);
		return 1;
	}
	if (log_begin(log, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		goto out;
	}
	if (old != NULL) {
		cc.to = log;
		cc.from = like;
		cc.failed = 0;
		if (log_foreach(old, 1, -1, NULL, copy_roster, &cc, &cause) != 0) {
			cli_error("%s", cause);
			free(cause);
			cc.failed = 1;
		}
		if (cc.failed) {
			log_rollback(log);
			goto out;
		}
	}
	meta = xstrdup("{}");
	if (title != NULL) {
		next = json_set_str(meta, "title", title);
		free(meta);
		meta = next;
	}
	if (date != NULL) {
		next = json_set_str(meta, "date", date);
		free(meta);
		meta = next;
	}
	if (place != NULL) {
		next = json_set_str(meta, "place", place);
		free(meta);
		meta = next;
	}
	if (strcmp(meta, "{}") != 0 &&
	    append_or_report(log, "meta.set", meta, argv[optind]) != 0) {
		free(meta);
		log_rollback(log);
		goto out;
	}
	free(meta);
	if (log_commit(log, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		goto out;
	}
	rc = 0;
out:
	if (rc != 0 && log != NULL) {
		log_close(&log);
		unlink(argv[optind]);
	}
	log_close(&log);
	log_close(&old);
	return rc;
}

/* --- giji add -------------------------------------------------------- */

/* Type one key=value argument by the field's declared type. */
static char *
add_field(const char *obj, const struct event_def *d, const char *arg,
    char **cause)
{
	const struct field_def	*f;
	const char		*eq = strchr(arg, '=');
	char			*key, *json, *out = NULL, *end, *p, *q;
	long long		 n;
	int			 raw = 0;

	if (eq == NULL || eq == arg) {
		*cause = xasprintf(_("'%s' is not key=value"), arg);
		return NULL;
	}
	key = xstrndup(arg, (size_t)(eq - arg));
	if (key[strlen(key) - 1] == ':') {	/* key:=JSON */
		key[strlen(key) - 1] = '\0';
		raw = 1;
	}
	/* SQLite's JSON paths cannot quote '"': json_set would drop it. */
	if (*key == '\0' || strchr(key, '"') != NULL) {
		*cause = xasprintf(_("'%s' is not a field name"), key);
		free(key);
		return NULL;
	}
	eq++;
	f = event_field_find(d, key);
	/* giji add FILE TYPE --ts=…: an option after FILE is not a field. */
	if (*key == '-' || (f == NULL && (strcmp(key, "ts") == 0 ||
	    strcmp(key, "uuid") == 0))) {
		*cause = xasprintf(_("'%s' is not a field of %s: the event's "
		    "time and uuid are options, given before FILE (giji add "
		    "--ts TIME --uuid UUID FILE TYPE key=value ...)"), arg,
		    d->type);
		free(key);
		return NULL;
	}
	if (raw) {
		if ((out = json_set_raw(obj, key, eq)) == NULL)
			*cause = xasprintf(_("%s: '%s' is not JSON"), key, eq);
		free(key);
		return out;
	}
	switch (f != NULL ? f->type : FT_STRING) {
	case FT_INT:
	case FT_NUMBER:
		errno = 0;
		n = strtoll(eq, &end, 10);
		if (*eq == '\0' || *end != '\0' || errno != 0) {
			if (f->type == FT_NUMBER && json_valid(eq))
				out = json_set_raw(obj, key, eq);
			else if (f->type == FT_INT)
				*cause = xasprintf(_("field '%s' must be an "
				    "integer from 0 to %d, not '%s'"), key,
				    EVENT_INT_MAX, eq);
			else
				*cause = xasprintf(_("field '%s' must be %s, "
				    "not '%s'"), key, field_type_name(f->type),
				    eq);
		} else
			out = json_set_int(obj, key, n);
		break;
	case FT_INT_OR_STRING:
		/* Digits are the integer (not a string that saturates). */
		errno = 0;
		n = strtoll(eq, &end, 10);
		if (*eq != '\0' && *end == '\0' && errno != 0)
			*cause = xasprintf(_("field '%s': %s is out of range "
			    "(an integer from 0 to %d)"), key, eq,
			    EVENT_INT_MAX);
		else if (*eq != '\0' && *end == '\0')
			out = json_set_int(obj, key, n);
		else
			out = json_set_str(obj, key, eq);
		break;
	case FT_BOOL:
		if (strcmp(eq, "true") == 0 || strcmp(eq, "yes") == 0 ||
		    strcmp(eq, "1") == 0)
			out = json_set_bool(obj, key, 1);
		else if (strcmp(eq, "false") == 0 || strcmp(eq, "no") == 0 ||
		    strcmp(eq, "0") == 0)
			out = json_set_bool(obj, key, 0);
		else
			*cause = xasprintf(_("field '%s' must be true or "
			    "false, not '%s'"), key, eq);
		break;
	case FT_LIST:
		if (eq[0] == '[') {
			if ((out = json_set_raw(obj, key, eq)) == NULL)
				*cause = xasprintf(_("field '%s': '%s' is not "
				    "a JSON list"), key, eq);
			break;
		}
		{
			struct buf	 lb;
			char		*qs;

			buf_init(&lb);
			buf_putc(&lb, '[');
			p = xstrdup(eq);
			for (q = strtok(p, ","); q != NULL;
			    q = strtok(NULL, ",")) {
				qs = json_quote_str(q);
				if (lb.len > 1)
					buf_putc(&lb, ',');
				buf_puts(&lb, qs);
				free(qs);
			}
			free(p);
			buf_putc(&lb, ']');
			json = buf_detach(&lb);
		}
		out = json_set_raw(obj, key, json);
		free(json);
		break;
	case FT_OBJECT:
		if ((out = json_set_raw(obj, key, eq)) == NULL)
			*cause = xasprintf(_("field '%s': '%s' is not a JSON "
			    "object"), key, eq);
		break;
	default:
		out = json_set_str(obj, key, eq);
		break;
	}
	free(key);
	return out;
}

/*
 * A field name outside the type's vocabulary is kept and ignored
 * (giji-events(5)): say so, with the field it was probably meant to be,
 * so that moved_bye= does not vanish unnoticed.
 */
static void
add_warn_unknown(const struct event_def *d, const char *arg)
{
	const char	*eq = strchr(arg, '=');
	char		*key, *what;

	if (eq == NULL || eq == arg)
		return;
	key = xstrndup(arg, (size_t)(eq - arg));
	if (key[strlen(key) - 1] == ':')
		key[strlen(key) - 1] = '\0';
	if (*key != '\0' && *key != '-' && strcmp(key, "ts") != 0 &&
	    strcmp(key, "uuid") != 0 &&
	    (what = event_unknown_field(d, key)) != NULL) {
		cli_error(_("add: %s: warning: %s"), d->type, what);
		free(what);
	}
	free(key);
}

/*
 * A meeting's style that giji cannot find makes no minutes: say so when
 * it is set, not on the day the minutes are due.
 */
static void
add_warn_style(const char *payload)
{
	char	*style, *text = NULL, *where = NULL, *cause = NULL;

	if ((style = json_get(payload, "$.style")) == NULL)
		return;
	if (minutes_style_meta_ok(style, &cause) != 0 ||
	    (text = minutes_style_text(style, &where, &cause)) == NULL) {
		cli_error(_("add: meta.set: warning: %s: giji minutes cannot "
		    "compile this meeting in it (it is recorded all the "
		    "same)"), cause);
		free(cause);
	}
	free(text);
	free(where);
	free(style);
}

int
cli_add(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "ts", required_argument, NULL, 't' },
		{ "uuid", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct event_def	*d;
	struct event_in		 in;
	struct event		 ev;
	struct log		*log;
	const char		*ts = NULL, *uuid = NULL;
	char			*obj, *next, *cause = NULL;
	int			 c, i, rc = 1;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 't': ts = optarg; break;
		case 'u': uuid = optarg; break;
		case 'h':
			fputs(_("usage: giji add [--ts TIME] [--uuid UUID] "
			    "FILE TYPE key=value ...\n"), stdout);
			return 0;
		default:
			return cli_usage(_("add: unknown option"));
		}
	}
	if (argc - optind < 2)
		return cli_usage(_("add: give FILE and TYPE"));
	if ((d = event_def_find(argv[optind + 1])) == NULL) {
		if (argv[optind + 1][0] == '-')
			cli_error(_("add: '%s' is an option: options go before "
			    "FILE (giji add [--ts TIME] [--uuid UUID] FILE TYPE "
			    "key=value ...)"), argv[optind + 1]);
		else
			cli_error(_("add: unknown event type '%s' (see "
			    "giji-events(5))"), argv[optind + 1]);
		return 2;
	}
	memset(&in, 0, sizeof in);
	in.type = d->type;
	in.uuid = uuid;
	if (ts != NULL && clock_parse(ts, NULL, &in.ts) != 0) {
		cli_error(_("add: --ts '%s' is not a time like "
		    "2022-06-27T14:03:05+09:00"), ts);
		return 2;
	}
	in.has_ts = ts != NULL;
	obj = xstrdup("{}");
	for (i = optind + 2; i < argc; i++)
		add_warn_unknown(d, argv[i]);
	for (i = optind + 2; i < argc; i++) {
		if ((next = add_field(obj, d, argv[i], &cause)) == NULL) {
			cli_error("add: %s: %s", d->type, cause);
			free(cause);
			free(obj);
			return 2;
		}
		free(obj);
		obj = next;
	}
	if ((log = cli_open(argv[optind], 0)) == NULL) {
		free(obj);
		return 1;
	}
	/* A time without its offset is the meeting's local time. */
	if (ts != NULL) {
		char	*tz;

		if (log_meeting_tz(log, &tz, &cause) != 0) {
			cli_error_file(argv[optind], cause);
			free(cause);
			free(obj);
			log_close(&log);
			return 1;
		}
		/* Parsed once without a zone above: only a bad zone fails. */
		if (clock_parse(ts, tz, &in.ts) != 0) {
			cli_error(_("add: --ts '%s' cannot be read in the "
			    "meeting's time zone '%s' (meta.set tz)"), ts, tz);
			free(tz);
			free(obj);
			log_close(&log);
			return 2;
		}
		free(tz);
	}
	in.payload = obj;
	if (log_append(log, &in, &ev, &cause) != 0) {
		cli_error_file(argv[optind], cause);
		free(cause);
	} else {
		printf("%lld\t%s\n", (long long)ev.seq, ev.uuid);
		if (ev.etype == EV_META_SET)
			add_warn_style(ev.payload);
		event_clear(&ev);
		rc = 0;
	}
	free(obj);
	log_close(&log);
	return rc;
}

/* --- giji import ----------------------------------------------------- */

struct import_ctx {
	const char	*path;
	size_t		 nwarn;
};

/* Kept, but a live writer would have been refused: say where and why. */
#define IMPORT_WARN_SHOWN	100
static void
import_warned(int64_t seq, size_t lineno, const char *msg, void *arg)
{
	struct import_ctx	*c = arg;

	/* A file of a hundred thousand unknown fields: not as many lines. */
	if (++c->nwarn > IMPORT_WARN_SHOWN) {
		if (c->nwarn == IMPORT_WARN_SHOWN + 1)
			cli_error(_("%s: more than %d warnings: the rest are "
			    "counted, not shown (giji verify --strict lists "
			    "them)"), c->path, IMPORT_WARN_SHOWN);
		return;
	}
	cli_error(_("%s: seq %lld (standard input, line %zu): warning: %s"),
	    c->path, (long long)seq, lineno, msg);
}

/* A problem of a CSV file: its line, as giji import reports lines. */
static void
import_csv_problem(size_t line, const char *msg, void *arg)
{
	struct import_ctx	*c = arg;

	c->nwarn++;
	if (line > 0)
		cli_error(_("%s: standard input, line %zu: %s"), c->path, line,
		    msg);
	else
		cli_error(_("%s: standard input: %s"), c->path, msg);
}

/* giji import --csv: the whole of standard input, then import_csv. */
static int
import_csv_stdin(const char *path, const char *what, enum csv_encoding enc)
{
	struct import_ctx	 ic;
	struct log		*log;
	enum csv_encoding	 found = CSV_AUTO;
	struct buf		 b;
	char			 chunk[65536], *cause, *name;
	size_t			 n, count;
	int			 rc = 1;

	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
		buf_add(&b, chunk, n);
		if (b.len > CSV_MAX_SIZE)
			break;
	}
	if (ferror(stdin)) {
		cli_error(_("%s: standard input: read error: %s; nothing was "
		    "imported"), path, strerror(errno));
		buf_free(&b);
		return 1;
	}
	if ((log = cli_open(path, 0)) == NULL) {
		buf_free(&b);
		return 1;
	}
	ic.path = path;
	ic.nwarn = 0;
	if (import_csv(log, what, b.s != NULL ? b.s : "", b.len, enc, &found,
	    &count, import_csv_problem, &ic, &cause) != 0) {
		if (ic.nwarn > 0 && found != CSV_AUTO)
			cli_error(_("%s: standard input (read as %s): %s; "
			    "nothing was imported"), path,
			    csv_encoding_name(found), cause);
		else
			cli_error(_("%s: standard input: %s; nothing was "
			    "imported"), path, cause);
		free(cause);
	} else {
		name = utf8_sanitize(path, 0);
		if (strcmp(what, "members") == 0)
			fprintf(stderr, ngettext("%s: imported %zu member from "
			    "CSV (%s)\n", "%s: imported %zu members from CSV "
			    "(%s)\n", count), name, count,
			    csv_encoding_name(found));
		else
			fprintf(stderr, ngettext("%s: imported %zu agenda item "
			    "from CSV (%s)\n", "%s: imported %zu agenda items "
			    "from CSV (%s)\n", count), name, count,
			    csv_encoding_name(found));
		free(name);
		rc = 0;
	}
	buf_free(&b);
	log_close(&log);
	return rc;
}

int
cli_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "skip-existing", no_argument, NULL, 's' },
		{ "csv", required_argument, NULL, 'c' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_ctx	 ic;
	struct log		*log;
	char			*cause, *name;
	enum csv_encoding	 enc = CSV_AUTO;
	const char		*csv = NULL;
	size_t			 n, skipped, lineno;
	int			 c, flags = 0, rc = 0, encoding = 0;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			flags |= IMPORT_SKIP_EXISTING;
			break;
		case 'c':
			if (strcmp(optarg, "members") != 0 &&
			    strcmp(optarg, "agenda") != 0) {
				cli_error(_("import: --csv %s: give members (a "
				    "roster) or agenda"), optarg);
				return 2;
			}
			csv = optarg;
			break;
		case 'e':
			if (csv_encoding_parse(optarg, &enc) != 0) {
				cli_error(_("import: --encoding %s: give utf-8 "
				    "or cp932 (shift_jis)"), optarg);
				return 2;
			}
			encoding = 1;
			break;
		case 'h':
			fputs(_("usage: giji import [--skip-existing] FILE < "
			    "EVENTS.jsonl\n"
			    "       giji import --csv members|agenda "
			    "[--encoding utf-8|cp932] FILE < FILE.csv\n"),
			    stdout);
			return 0;
		default:
			return cli_usage(_("import: unknown option or missing "
			    "value"));
		}
	}
	if (optind != argc - 1)
		return cli_usage(_("import: give exactly one FILE (events on "
		    "standard input)"));
	if (csv != NULL && flags != 0)
		return cli_usage(_("import: --skip-existing is for events, not "
		    "with --csv"));
	if (csv == NULL && encoding)
		return cli_usage(_("import: --encoding goes with --csv (events "
		    "are UTF-8)"));
	if (csv != NULL)
		return import_csv_stdin(argv[optind], csv, enc);
	if ((log = cli_open(argv[optind], 0)) == NULL)
		return 1;
	ic.path = argv[optind];
	ic.nwarn = 0;
	if (import_stream_flags(log, stdin, flags, &n, &skipped, &lineno,
	    import_warned, &ic, &cause) != 0) {
		if (lineno > 0)
			cli_error(_("%s: standard input, line %zu: %s; nothing "
			    "was imported"), ic.path, lineno, cause);
		else
			cli_error(_("%s: %s; nothing was imported"), ic.path,
			    cause);
		free(cause);
		rc = 1;
	} else {
		name = utf8_sanitize(ic.path, 0);
		fprintf(stderr, ngettext("%s: imported %zu event",
		    "%s: imported %zu events", n), name, n);
		/* TRANSLATORS: follows "FILE: imported N events". */
		if (flags & IMPORT_SKIP_EXISTING)
			fprintf(stderr, _(", skipped %zu already in the log"),
			    skipped);
		/* TRANSLATORS: ends "FILE: imported N events". */
		if (ic.nwarn > 0)
			fprintf(stderr, ngettext("; %zu warning (above; the "
			    "events are kept as written)", "; %zu warnings "
			    "(above; the events are kept as written)",
			    ic.nwarn), ic.nwarn);
		fputc('\n', stderr);
		free(name);
	}
	log_close(&log);
	return rc;
}

/* --- giji log -------------------------------------------------------- */

struct print_ctx {
	const char	*tz;
	int		 json;
	struct buf	 b;
	int		 failed;
};

static int
print_event(const struct event *ev, void *arg)
{
	struct print_ctx	*p = arg;
	char			*ts = clock_iso(ev->ts, p->tz), *q, *s;

	buf_reset(&p->b);
	if (p->json) {
		buf_printf(&p->b, "{\"seq\":%lld,\"uuid\":\"%s\",",
		    (long long)ev->seq, ev->uuid);
		q = json_quote_str(ev->type);
		buf_puts(&p->b, "\"type\":");
		json_buf_safe(&p->b, q);
		buf_printf(&p->b, ",\"ts\":\"%s\",\"station\":", ts);
		free(q);
		q = json_quote_str(ev->station);
		json_buf_safe(&p->b, q);
		buf_puts(&p->b, ",\"data\":");
		json_buf_safe(&p->b, ev->payload);
		buf_putc(&p->b, ',');
		free(q);
		buf_printf(&p->b, "\"prev_hash\":\"%s\",\"hash\":\"%s\"}\n",
		    ev->prev_hash, ev->hash);
	} else {
		s = utf8_sanitize(ev->payload, 0);
		q = utf8_sanitize(ev->station, 0);
		buf_printf(&p->b, "%lld\t%s\t%s\t%s\t%s\n", (long long)ev->seq,
		    ts, q, ev->type, s);
		free(s);
		free(q);
	}
	free(ts);
	if (fwrite(p->b.s, 1, p->b.len, stdout) != p->b.len) {
		p->failed = 1;
		return 1;
	}
	return 0;
}

int
cli_log(int argc, char **argv)
{
	struct print_ctx	 p;
	struct log		*log;
	const char		*file = NULL;
	char			*cause = NULL, *tz;
	int			 i, rc = 0;

	memset(&p, 0, sizeof p);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			p.json = 1;
		else if (strcmp(argv[i], "--help") == 0) {
			fputs(_("usage: giji log FILE [--json]\n"), stdout);
			return 0;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage(_("log: unknown option"));
		else if (file == NULL)
			file = argv[i];
		else
			return cli_usage(_("log: give one FILE"));
	}
	if (file == NULL)
		return cli_usage(_("log: give a FILE"));
	if ((log = cli_open(file, LOG_READONLY)) == NULL)
		return 1;
	if (log_meeting_tz(log, &tz, &cause) != 0) {
		cli_error_file(file, cause);
		free(cause);
		log_close(&log);
		return 1;
	}
	p.tz = tz;
	buf_init(&p.b);
	if (log_foreach(log, 1, -1, NULL, print_event, &p, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		rc = 1;
	}
	if (p.failed || fflush(stdout) != 0) {
		cli_error(_("standard output: %s"), strerror(errno));
		rc = 1;
	}
	buf_free(&p.b);
	free(tz);
	log_close(&log);
	return rc;
}

/* --- giji verify ----------------------------------------------------- */

/* An anchor: 16 to 64 hex digits, lower-cased; NULL when not one. */
static char *
verify_anchor(const char *s)
{
	size_t	 n = strlen(s), i;
	char	*a;

	if (n < 16 || n > LOG_HASH_HEX - 1 ||
	    strspn(s, "0123456789abcdefABCDEF") != n)
		return NULL;
	a = xstrdup(s);
	for (i = 0; i < n; i++) {
		if (a[i] >= 'A' && a[i] <= 'F')
			a[i] = (char)(a[i] - 'A' + 'a');
	}
	return a;
}

/* --strict: one line per problem, as giji import warns. */
static void
verify_problem(int64_t seq, const char *msg, void *arg)
{
	if (seq == 0)	/* the record as a whole */
		cli_error("%s: %s", (const char *)arg, msg);
	else
		cli_error("%s: seq %lld: %s", (const char *)arg,
		    (long long)seq, msg);
}

int
cli_verify(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "head", required_argument, NULL, 'H' },
		{ "strict", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct log_verify	 v;
	struct log		*log;
	const char		*file;
	char			*cause, *anchor = NULL, *name;
	char			*unfolded = NULL, *why;
	struct vote_judge	*judge;
	size_t			 nprob;
	int			 c, rc = 0, strict = 0;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'H':
			if (anchor != NULL) {
				cli_error(_("verify: give --head once (one "
				    "file, one head)"));
				free(anchor);
				return 2;
			}
			if ((anchor = verify_anchor(optarg)) == NULL) {
				cli_error(_("verify: --head '%s' is not a head "
				    "hash: give the 64 hex digits that giji "
				    "verify or the minutes printed, or at "
				    "least the first 16"), optarg);
				return 2;
			}
			break;
		case 's':
			strict = 1;
			break;
		case 'h':
			fputs(_("usage: giji verify FILE [--head HASH] "
			    "[--strict]\n"), stdout);
			return 0;
		default:
			free(anchor);
			return cli_usage(_("verify: unknown option or missing "
			    "value"));
		}
	}
	if (optind != argc - 1) {
		free(anchor);
		return cli_usage(_("verify: give exactly one FILE"));
	}
	file = argv[optind];
	if ((log = cli_open(file, LOG_READONLY)) == NULL) {
		free(anchor);
		return 1;
	}
	memset(&v, 0, sizeof v);
	v.anchor = anchor;
	name = utf8_sanitize(file, 0);
	if (log_verify_file(log, LOG_VERIFY_INTEGRITY, &v, &cause) != 0) {
		cli_error_seq(file, v.bad_seq, cause);
		free(cause);
		rc = 1;
	} else if (anchor != NULL && v.anchor_seq == 0) {
		cli_error(ngettext("%s: %lld event, chain valid, but it does "
		    "not hold the anchored head %s: events were removed from "
		    "its end, or it was rewritten; restore the copy the anchor "
		    "was taken from", "%s: %lld events, chain valid, but it "
		    "does not hold the anchored head %s: events were removed "
		    "from its end, or it was rewritten; restore the copy the "
		    "anchor was taken from", (unsigned long)v.count), file,
		    (long long)v.count, anchor);
		rc = 1;
	} else {
		/*
		 * TRANSLATORS: scripts take the hash after the last "head "
		 * (sed 's/.*head //'): keep "head %s" at the end.
		 */
		if (v.count > 0)
			printf(ngettext("%s: %lld event, chain valid, head "
			    "%s\n", "%s: %lld events, chain valid, head %s\n",
			    (unsigned long)v.count), name, (long long)v.count,
			    v.head);
		else
			printf(_("%s: 0 events, chain valid\n"), name);
		/* TRANSLATORS: keep "seq %lld" as it is: scripts read it. */
		if (anchor != NULL && v.anchor_seq == v.count)
			printf(_("%s: the anchored head %s is seq %lld, the "
			    "last event\n"), name, anchor,
			    (long long)v.anchor_seq);
		else if (anchor != NULL)
			printf(ngettext("%s: the anchored head %s is seq %lld; "
			    "%lld event was recorded after it\n", "%s: the "
			    "anchored head %s is seq %lld; %lld events were "
			    "recorded after it\n",
			    (unsigned long)(v.count - v.anchor_seq)), name,
			    anchor, (long long)v.anchor_seq,
			    (long long)(v.count - v.anchor_seq));
	}
	/* The vocabulary and the rules, as a live writer would judge it. */
	if (rc == 0 && strict) {
		/*
		 * Decisions and results against their votes, the meeting
		 * folded once; one that cannot be folded is one more
		 * problem, said last, and they are not judged.
		 */
		judge = vote_judge_new(log, &unfolded);
		if (log_check_strict(log, verify_problem, name, judge != NULL ?
		    vote_judge_event : NULL, judge, &nprob, &cause) != 0) {
			cli_error_file(file, cause);
			free(cause);
			rc = 1;
		} else if (unfolded != NULL) {
			why = xasprintf(_("the meeting cannot be folded into "
			    "minutes (%s), so its decisions and results were "
			    "not checked against their votes"), unfolded);
			verify_problem(0, why, name);
			free(why);
			nprob++;
		}
		vote_judge_free(&judge);
		free(unfolded);
		if (rc == 0 && nprob > 0) {
			cli_error(ngettext("%s: %zu problem with the "
			    "vocabulary or the rules of votes (giji-events(5), "
			    "docs/votes.md); correct them with amend",
			    "%s: %zu problems with the vocabulary or the rules "
			    "of votes (giji-events(5), docs/votes.md); correct "
			    "them with amend", nprob), name, nprob);
			rc = 1;
		} else if (rc == 0)
			printf(_("%s: vocabulary and votes sound\n"), name);
	}
	if (fflush(stdout) != 0) {
		cli_error(_("standard output: %s"), strerror(errno));
		rc = 1;
	}
	free(name);
	free(anchor);
	log_close(&log);
	return rc;
}

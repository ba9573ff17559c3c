/* SPDX-License-Identifier: ISC */
/*
 * The subcommands that work on meetings after the fact: giji backup (a
 * verified copy of one file, core/log-backup.c), giji search and giji
 * stats DIR (the archive of every meeting under a folder, core/archive.c:
 * the index is brought in step with the files first, every time).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "cli.h"
#include "event.h"
#include "i18n.h"
#include "json.h"
#include "log.h"
#include "utf8.h"
#include "xmalloc.h"

/* --- giji backup ----------------------------------------------------- */

int
cli_backup(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct log_backup	 b;
	struct log		*log;
	struct stat		 sb;
	const char		*file, *base;
	char			*dest, *cause, *name;
	int			 c, force = 0, rc = 1;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "fh", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			force = 1;
			break;
		case 'h':
			fputs(_("usage: giji backup FILE DEST [--force]\n"),
			    stdout);
			return 0;
		default:
			cli_error(_("backup: unknown option or missing value "
			    "(see giji --help)"));
			return 2;
		}
	}
	if (optind != argc - 2) {
		cli_error(_("backup: give FILE and DEST (a new file, or a "
		    "folder to copy into) (see giji --help)"));
		return 2;
	}
	file = argv[optind];
	/* Into a folder: the file's own name there. */
	if (stat(argv[optind + 1], &sb) == 0 && S_ISDIR(sb.st_mode)) {
		base = strrchr(file, '/') != NULL ? strrchr(file, '/') + 1 :
		    file;
		dest = xasprintf("%s%s%s", argv[optind + 1],
		    argv[optind + 1][strlen(argv[optind + 1]) - 1] == '/' ?
		    "" : "/", base);
	} else
		dest = xstrdup(argv[optind + 1]);
	if (*dest == '\0') {
		cli_error(_("backup: give FILE and DEST (a new file, or a "
		    "folder to copy into) (see giji --help)"));
		free(dest);
		return 2;
	}
	/* A copy over its own source would replace the record it copies. */
	if (cli_same_file(file, dest)) {
		cli_error(_("%s: is the file being copied: give another DEST"),
		    dest);
		free(dest);
		return 1;
	}
	if ((log = cli_open(file, LOG_READONLY)) == NULL) {
		free(dest);
		return 1;
	}
	if (log_backup(log, dest, force, &b, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
	} else if (b.broken != NULL) {
		cli_error_seq(file, b.bad_seq, b.broken);
		cli_error(ngettext("%s: the file does not verify; %s holds it "
		    "as it is (%lld event), the fault included: giji verify "
		    "shows it", "%s: the file does not verify; %s holds it as "
		    "it is (%lld events), the fault included: giji verify "
		    "shows it", (unsigned long)b.count), file, dest,
		    (long long)b.count);
		free(b.broken);
	} else {
		name = utf8_sanitize(dest, 0);
		/*
		 * TRANSLATORS: scripts take the hash after the last "head "
		 * (as giji verify's): keep "head %s" at the end.
		 */
		if (b.count > 0)
			printf(ngettext("%s: %lld event copied and verified, "
			    "head %s\n", "%s: %lld events copied and verified, "
			    "head %s\n", (unsigned long)b.count), name,
			    (long long)b.count, b.head);
		else
			printf(_("%s: 0 events copied and verified\n"), name);
		free(name);
		rc = 0;
		if (fflush(stdout) != 0) {
			cli_error(_("standard output: %s"), strerror(errno));
			rc = 1;
		}
	}
	free(dest);
	log_close(&log);
	return rc;
}

/* --- giji search ----------------------------------------------------- */

#define SEARCH_LIMIT	100	/* hits shown unless --limit says */
#define SEARCH_COLS	100	/* columns of text shown around a hit */
#define SEARCH_BEFORE	30	/* of them, before the hit */

struct search_out {
	int		 json;
	int		 color;
	struct buf	 b;
	const char	*last_file;
};

static void
search_warn(const char *path, const char *msg, void *arg)
{
	cli_error(_("%s: %s; left out"), path, msg);
}

/* -v: what bringing the index in step did. */
static void
search_scan(const struct archive_scan *scan, struct archive *a)
{
	char	*path = utf8_sanitize(archive_path(a), 0);

	fprintf(stderr, ngettext("%s: %zu meeting, %zu indexed now, %zu gone, "
	    "%zu left out (index %s)\n", "%s: %zu meetings, %zu indexed now, "
	    "%zu gone, %zu left out (index %s)\n", scan->meetings),
	    cli_progname, scan->meetings, scan->indexed, scan->removed,
	    scan->failed, path);
	if (scan->copies > 0)
		fprintf(stderr, ngettext("%s: %zu file holds a log another "
		    "file holds too (a backup, a copy): its meeting counted "
		    "once\n", "%s: %zu files hold logs other files hold too "
		    "(backups, copies): each meeting counted once\n",
		    scan->copies), cli_progname, scan->copies);
	free(path);
}

/* Add text[s, e) made safe for a terminal (no controls, no newlines). */
static void
search_put(struct buf *b, const char *text, size_t s, size_t e)
{
	char	*part, *safe;

	part = xstrndup(text + s, e - s);
	safe = utf8_sanitize(part, 0);
	buf_puts(b, safe);
	free(safe);
	free(part);
}

/* The byte before text[off] that starts a character. */
static size_t
search_back(const char *text, size_t off)
{
	while (off > 0 && ((unsigned char)text[--off] & 0xc0) == 0x80)
		;
	return off;
}

/*
 * The line holding the first mark, cut to SEARCH_COLS columns around it,
 * each mark inside between the marker strings.
 */
static void
search_line(struct search_out *o, const struct archive_hit *h)
{
	const char	*t = h->text, *on, *off;
	size_t		 len = strlen(t), first, ls, le, s, e, i, at;

	on = o->color ? "\033[1;31m" : "**";
	off = o->color ? "\033[m" : "**";
	first = h->nmarks > 0 ? h->marks[0].start : 0;
	for (ls = first; ls > 0 && t[ls - 1] != '\n'; ls--)
		;
	for (le = first; le < len && t[le] != '\n'; le++)
		;
	/*
	 * A line that fits is shown whole; a longer one from SEARCH_BEFORE
	 * columns before the mark, for SEARCH_COLS columns.
	 */
	s = first;
	if (utf8_nwidth(t + ls, le - ls) <= SEARCH_COLS)
		s = ls;
	while (s > ls && utf8_nwidth(t + s, first - s) < SEARCH_BEFORE)
		s = search_back(t, s);
	e = s + utf8_fit(t + s, SEARCH_COLS);
	if (e > le)
		e = le;
	if (h->nmarks > 0 && e < h->marks[0].end && h->marks[0].end <= le)
		e = h->marks[0].end;
	if (s > ls)
		buf_puts(&o->b, "…");
	at = s;
	for (i = 0; i < h->nmarks; i++) {
		size_t	 ms = h->marks[i].start, me = h->marks[i].end;

		if (me <= s || ms >= e)
			continue;
		if (ms < s)
			ms = s;
		if (me > e)
			me = e;
		search_put(&o->b, t, at, ms);
		buf_puts(&o->b, on);
		search_put(&o->b, t, ms, me);
		buf_puts(&o->b, off);
		at = me;
	}
	search_put(&o->b, t, at, e);
	if (e < le)
		buf_puts(&o->b, "…");
}

static const char *
search_type_word(const char *type)
{
	if (strcmp(type, "vote.call") == 0)
		return "motion";
	if (strcmp(type, "agenda.add") == 0)
		return "agenda";
	if (strcmp(type, "meeting") == 0)
		return "title";
	return type;
}

/* JSON string or null, safe for a terminal. */
static void
search_jstr(struct buf *b, const char *key, const char *v)
{
	char	*q;

	buf_printf(b, ",\"%s\":", key);
	if (v == NULL) {
		buf_puts(b, "null");
		return;
	}
	q = json_quote_str(v);
	json_buf_safe(b, q);
	free(q);
}

static int
search_hit(const struct archive_hit *h, void *arg)
{
	struct search_out	*o = arg;
	size_t			 i;
	char			*q;

	buf_reset(&o->b);
	if (o->json) {
		q = json_quote_str(h->file);
		buf_puts(&o->b, "{\"file\":");
		json_buf_safe(&o->b, q);
		free(q);
		search_jstr(&o->b, "title", h->title);
		search_jstr(&o->b, "date", *h->date != '\0' ? h->date : NULL);
		search_jstr(&o->b, "item", h->item);
		search_jstr(&o->b, "item_id", h->item_id);
		search_jstr(&o->b, "kind", h->kind);
		search_jstr(&o->b, "speaker", h->speaker);
		search_jstr(&o->b, "speaker_id", h->speaker_id);
		search_jstr(&o->b, "type", h->type);
		if (h->seq > 0)
			buf_printf(&o->b, ",\"seq\":%lld", (long long)h->seq);
		else
			buf_puts(&o->b, ",\"seq\":null");
		search_jstr(&o->b, "text", h->text);
		/* Marks in characters (code points), as reaction "at" counts. */
		buf_puts(&o->b, ",\"marks\":[");
		for (i = 0; i < h->nmarks; i++) {
			char	*a = xstrndup(h->text, h->marks[i].start);
			char	*z = xstrndup(h->text, h->marks[i].end);

			buf_printf(&o->b, "%s[%zu,%zu]", i > 0 ? "," : "",
			    utf8_strlen(a), utf8_strlen(z));
			free(a);
			free(z);
		}
		buf_printf(&o->b, "],\"redacted\":%s}\n", h->redacted ? "true" :
		    "false");
	} else {
		search_put(&o->b, h->file, 0, strlen(h->file));
		if (h->seq > 0)
			buf_printf(&o->b, ":%lld", (long long)h->seq);
		if (*h->date != '\0') {
			buf_puts(&o->b, "  ");
			search_put(&o->b, h->date, 0, strlen(h->date));
		}
		if (*h->title != '\0') {
			buf_puts(&o->b, "  ");
			search_put(&o->b, h->title, 0, strlen(h->title));
		}
		if (h->item != NULL && strcmp(h->type, "agenda.add") != 0) {
			buf_puts(&o->b, " / ");
			search_put(&o->b, h->item, 0, strlen(h->item));
		}
		if (h->redacted)
			buf_printf(&o->b, "  [%s]", _("redacted"));
		buf_puts(&o->b, "\n    ");
		if (h->speaker != NULL) {
			search_put(&o->b, h->speaker, 0, strlen(h->speaker));
			buf_puts(&o->b, ": ");
		}
		if (strcmp(h->type, "speech") != 0)
			buf_printf(&o->b, "[%s] ", search_type_word(h->type));
		search_line(o, h);
		buf_putc(&o->b, '\n');
	}
	return fwrite(o->b.s, 1, o->b.len, stdout) != o->b.len;
}

static void
search_usage(FILE *f)
{
	fputs(_(
"usage: giji search DIR|FILE... QUERY [--speaker NAME|ID] [--from DATE]\n"
"           [--to DATE] [--kind KIND] [--outcome OUTCOME] [--public]\n"
"           [--limit N] [--json] [--color auto|always|never] [--reindex]\n"
"           [--index FILE] [-v]\n"
"Finds the speeches, notes, decisions, motions, actions and titles holding\n"
"every word of QUERY in the meeting files under each DIR. See giji(1).\n"),
	    f);
}

int
cli_search(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "speaker", required_argument, NULL, 's' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "kind", required_argument, NULL, 'k' },
		{ "outcome", required_argument, NULL, 'O' },
		{ "public", no_argument, NULL, 'p' },
		{ "limit", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "reindex", no_argument, NULL, 'R' },
		{ "index", required_argument, NULL, 'I' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct archive_query	 q;
	struct archive_scan	 scan;
	struct search_out	 o;
	struct archive		*a;
	const char		*index = NULL, *color = "auto", *nc;
	const struct field_def	*kf;
	char			*cause, *end;
	long			 n;
	int			 c, flags = 0, more, rc = 1, verbose = 0;

	memset(&q, 0, sizeof q);
	memset(&o, 0, sizeof o);
	q.limit = SEARCH_LIMIT;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hv", opts, NULL)) != -1) {
		switch (c) {
		case 'v': verbose = 1; break;
		case 's': q.speaker = optarg; break;
		case 'F': q.from = optarg; break;
		case 'T': q.to = optarg; break;
		case 'k': q.kind = optarg; break;
		case 'O': q.outcome = optarg; break;
		case 'p': q.public = 1; break;
		case 'j': o.json = 1; break;
		case 'c': color = optarg; break;
		case 'R': flags |= ARCHIVE_REINDEX; break;
		case 'I': index = optarg; break;
		case 'n':
			q.limit = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || q.limit < 0) {
				cli_error(_("search: --limit '%s' is not a "
				    "number of hits (0: all)"), optarg);
				return 2;
			}
			break;
		case 'h':
			search_usage(stdout);
			return 0;
		default:
			cli_error(_("search: unknown option or missing "
			    "value: '%s'"), argv[optind - 1]);
			search_usage(stderr);
			return 2;
		}
	}
	if (argc - optind < 2) {
		cli_error(_("search: give the folders or files to search and "
		    "the QUERY (see giji search --help)"));
		return 2;
	}
	q.text = argv[argc - 1];
	kf = event_field_find(&event_defs[EV_AGENDA_ADD], "kind");
	if (q.kind != NULL && !event_value_ok(kf, q.kind)) {
		end = event_values_words(kf);
		cli_error(_("search: --kind '%s': give %s"), q.kind, end);
		free(end);
		return 2;
	}
	if (q.outcome != NULL && !archive_outcome_ok(q.outcome)) {
		cli_error(_("search: --outcome '%s': give %s"), q.outcome,
		    archive_outcomes());
		return 2;
	}
	if (strcmp(color, "always") == 0)
		o.color = 1;
	else if (strcmp(color, "auto") == 0)
		o.color = isatty(STDOUT_FILENO) && ((nc = getenv("NO_COLOR")) ==
		    NULL || *nc == '\0') && getenv("TERM") != NULL &&
		    strcmp(getenv("TERM"), "dumb") != 0;
	else if (strcmp(color, "never") != 0) {
		cli_error(_("search: --color '%s': give auto, always or "
		    "never"), color);
		return 2;
	}
	if ((a = archive_open(index, &cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		return 1;
	}
	if (archive_update(a, argv + optind, (size_t)(argc - optind - 1), flags,
	    &scan, search_warn, NULL, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		archive_close(&a);
		return 1;
	}
	if (verbose)
		search_scan(&scan, a);
	buf_init(&o.b);
	n = archive_search(a, &q, search_hit, &o, &more, &cause);
	buf_free(&o.b);
	if (n < 0) {
		cli_error("search: %s", cause);
		free(cause);
		rc = 2;
	} else if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(_("standard output: %s"), strerror(errno));
	} else {
		if (more && n == 1)
			fputs(_("giji: search: the first hit only; --limit 0 "
			    "shows them all\n"), stderr);
		else if (more)
			fprintf(stderr, _("giji: search: the first %ld hits; "
			    "--limit 0 shows them all\n"), n);
		if (n == 0 && scan.meetings == 0)
			cli_error(_("search: no meeting files found"));
		rc = n > 0 && scan.failed == 0 ? 0 : 1;
	}
	archive_close(&a);
	return rc;
}

/* --- giji stats DIR -------------------------------------------------- */

static void
stats_unverified(const char *path, void *arg)
{
	(void)arg;
	cli_error_file(path, _("its hash chain does not verify: left out of "
	    "the statistics (giji verify says where; restore a sound copy)"));
}

int
cli_stats_archive(const struct cli_archive_stats *as)
{
	struct archive_scan	 scan;
	struct archive		*a;
	char			*cause, *doc;
	size_t			 len;
	int			 rc;

	if ((a = archive_open(as->index, &cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		return 1;
	}
	if (archive_update(a, as->paths, as->npaths, as->reindex ?
	    ARCHIVE_REINDEX : 0, &scan, search_warn, NULL, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
		archive_close(&a);
		return 1;
	}
	if (as->verbose)
		search_scan(&scan, a);
	if (archive_unverified(a, stats_unverified, NULL, &cause) != 0) {
		cli_error("stats: %s", cause);
		free(cause);
		archive_close(&a);
		return 1;
	}
	if ((doc = archive_stats(a, as->from, as->to, as->json, as->lang, &len,
	    &cause)) == NULL) {
		cli_error("stats: %s", cause);
		free(cause);
		archive_close(&a);
		return 2;
	}
	rc = cli_write_output(NULL, doc, len, 0, 0600);
	free(doc);
	archive_close(&a);
	if (rc == 0 && scan.failed > 0)
		rc = 1;
	return rc;
}

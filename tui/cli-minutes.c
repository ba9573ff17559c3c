/* SPDX-License-Identifier: ISC */
/*
 * giji minutes and giji stats: open the meeting read-only, fold it, and
 * hand it to the minutes compiler (core/minutes.h) or the statistics
 * (core/stats.h). Options override the meeting's own meta.set defaults.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fold.h"
#include "i18n.h"
#include "log.h"
#include "minutes.h"
#include "stats.h"
#include "xmalloc.h"

static void
minutes_usage(FILE *f)
{
	const struct minutes_format	*fm;

	fputs(_(
"usage: giji minutes FILE [--style NAME|PATH] [--option NAME=VALUE]...\n"
"           [--format F] [--lang ja|en] [--digits half|full|mixed]\n"
"           [--labels role|name_role|name|title] [--noon am12|shogo|pm0]\n"
"           [--gannen | --no-gannen] [--public] [--redaction TEXT]\n"
"           [-o OUT] [--force] [--unverified] [-v]\n"
"formats:\n"), f);
	for (fm = minutes_formats; fm->name != NULL; fm++)
		fprintf(f, "  %-8s %s\n", fm->name, _(fm->help));
	fputs(_("Styles: giji styles lists them; a PATH holds a / or ends "
	    "in .style.\nUnset options take the meeting's meta.set values, then "
	    "the style's. See giji(1)\nand giji-style(5).\n"), f);
}

/* A warning of the minutes compiler: on stderr, the run goes on. */
static void
minutes_warn(void *arg, const char *msg)
{
	fprintf(stderr, _("%s: minutes: %s: warning: %s\n"), cli_progname,
	    (const char *)arg, msg);
}

static int __attribute__((format(printf, 1, 2)))
bad(const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "%s: minutes: ", cli_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s\n", _("Try 'giji minutes --help'."));
	return 2;
}

int
cli_minutes(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "style", required_argument, NULL, 's' },
		{ "option", required_argument, NULL, 'O' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'L' },
		{ "digits", required_argument, NULL, 'D' },
		{ "labels", required_argument, NULL, 'l' },
		{ "noon", required_argument, NULL, 'N' },
		{ "gannen", no_argument, NULL, 'G' },
		{ "no-gannen", no_argument, NULL, 'g' },
		{ "public", no_argument, NULL, 'p' },
		{ "redaction", required_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "unverified", no_argument, NULL, 'U' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct log_verify	 v;
	struct minutes_opts	 o;
	struct meeting		*m;
	struct log		*log;
	const char		*out = NULL, **options = NULL;
	char			*cause = NULL, *doc, *used = NULL, *where = NULL;
	char			*why;
	size_t			 len, noptions = 0;
	struct cli_out		*w;
	int			 c, rc, force = 0, r = 0, verbose = 0;
	int			 unverified = 0, broken, stream, mode;

	minutes_opts_default(&o);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:hv", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			o.style = optarg;
			break;
		case 'O':
			if (strchr(optarg, '=') == NULL || *optarg == '=') {
				free(options);
				return bad(_("--option %s: expected "
				    "NAME=VALUE"),
				    optarg);
			}
			options = xreallocarray(options, noptions + 2,
			    sizeof *options);
			options[noptions++] = optarg;
			options[noptions] = NULL;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'L':
			r = minutes_parse_lang(optarg, &o.lang, &cause);
			break;
		case 'D':
			r = minutes_parse_digits(optarg, &o.digits, &cause);
			break;
		case 'l':
			r = minutes_parse_labels(optarg, &o.labels, &cause);
			break;
		case 'N':
			r = minutes_parse_noon(optarg, &o.noon, &cause);
			break;
		case 'f':
			if (minutes_format_find(optarg) == NULL)
				return bad(_("unknown format '%s' (see "
				    "--help)"),
				    optarg);
			o.format = optarg;
			break;
		case 'G':
			o.gannen = 1;
			break;
		case 'g':
			o.gannen = 0;
			break;
		case 'p':
			o.public = 1;
			break;
		case 'r':
			o.redaction = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'F':
			force = 1;
			break;
		case 'U':
			unverified = 1;
			break;
		case 'h':
			free(options);
			minutes_usage(stdout);
			return 0;
		default:
			free(options);
			return bad(_("unknown option or missing value: "
			    "'%s'"),
			    argv[optind - 1]);
		}
		if (r != 0) {
			free(options);
			rc = bad("%s", cause);
			free(cause);
			return rc;
		}
	}
	o.options = options;
	if (optind != argc - 1) {
		free(options);
		return bad("%s", _("give exactly one FILE"));
	}
	/* A PDF or Word file is no text to print on a terminal. */
	if (o.format != NULL && minutes_format_find(o.format)->binary &&
	    (out == NULL || strcmp(out, "-") == 0) && isatty(STDOUT_FILENO)) {
		free(options);
		return bad(_("--format %s writes a binary file: give -o FILE "
		    "or redirect the output"), o.format);
	}
	/* A style that cannot be found is a usage error, before any file. */
	if (o.style != NULL && !minutes_style_is_path(o.style)) {
		if ((doc = minutes_style_text(o.style, &where, &cause)) ==
		    NULL) {
			free(options);
			rc = bad("%s", cause);
			free(cause);
			return rc;
		}
		free(doc);
		free(where);
	} else if (o.style != NULL && access(o.style, F_OK) != 0 &&
	    errno == ENOENT) {
		free(options);
		return bad(_("no style file %s (giji styles lists the styles "
		    "it can find)"), o.style);
	}
	if (verbose)
		o.used = &used;
	/*
	 * What the style cannot print, said: not for Akoma Ntoso and
	 * Popolo, which publish the record, not the style's wording.
	 */
	if (o.format == NULL || !minutes_format_find(o.format)->open_data)
		o.warn = minutes_warn;
	o.warn_arg = argv[optind];
	if ((log = cli_open(argv[optind], LOG_READONLY)) == NULL) {
		free(options);
		return 1;
	}
	/*
	 * Minutes say what the record says only when the record is whole:
	 * the chain is verified in the pass that folds it (one snapshot,
	 * every row read once), and the minutes refused when it is broken.
	 */
	memset(&v, 0, sizeof v);
	/*
	 * Text, Markdown, HTML and JSON are made as a stream, in memory that
	 * does not grow with the log; the other formats need the whole
	 * document at once.
	 */
	stream = minutes_streams(o.format);
	m = stream ? meeting_fold_skeleton(log, &v, &cause) :
	    meeting_fold_verified(log, &v, &cause);
	if (m == NULL) {
		cli_error("%s", cause);
		free(cause);
		free(v.broken);
		free(options);
		log_close(&log);
		return 1;
	}
	if ((broken = v.broken != NULL)) {
		if (unverified)
			why = xasprintf(_("%s; the minutes are made anyway "
			    "(--unverified) and say so"), v.broken);
		else
			why = xasprintf(_("%s; no minutes were made: run giji "
			    "verify, restore a sound copy, or give --unverified "
			    "to make them anyway"), v.broken);
		cli_error_seq(argv[optind], v.bad_seq, why);
		free(why);
		free(v.broken);
		if (!unverified) {
			meeting_free(&m);
			free(options);
			log_close(&log);
			return 1;
		}
	}
	m->unverified = broken;
	mode = o.public == 1 ? 0644 : 0600;
	if (stream) {
		doc = NULL;
		if ((w = cli_out_open(out, force, mode)) == NULL)
			rc = 1;
		else if (minutes_stream(m, &o, cli_out_write, w, &cause) != 0) {
			/* A failed write is told by cli_out_close. */
			if (cli_out_failed(w) == 0)
				cli_error("%s: %s", argv[optind], cause);
			free(cause);
			cli_out_close(&w, 0);
			rc = 1;
		} else
			rc = cli_out_close(&w, 1);
	} else if ((doc = minutes_compile(m, &o, &len, &cause)) == NULL) {
		cli_error("%s: %s", argv[optind], cause);
		free(cause);
		rc = 1;
	} else
		rc = cli_write_output(out, doc, len, force, mode);
	if (used != NULL)
		fprintf(stderr, _("%s: minutes: style %s\n"), cli_progname,
		    used);
	free(doc);
	free(used);
	free(options);
	meeting_free(&m);
	log_close(&log);
	return rc;
}

static void
stats_usage(FILE *f)
{
	fputs(_("usage: giji stats FILE [--json] [--lang ja|en]\n"
	    "       giji stats DIR|FILE... [--year YYYY | --from DATE --to DATE]"
	    "\n           [--json] [--lang ja|en] [--reindex] [--index FILE] [-v]\n"),
	    f);
}

int
cli_stats(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "lang", required_argument, NULL, 'L' },
		{ "year", required_argument, NULL, 'y' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "reindex", no_argument, NULL, 'R' },
		{ "index", required_argument, NULL, 'I' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_archive_stats as;
	struct meeting	*m;
	struct log	*log;
	struct stat	 sb;
	const char	*file;
	char		*cause = NULL, *doc, *end, *why;
	struct log_verify v;
	size_t		 len;
	long		 year;
	int		 c, json = 0, lang = MINUTES_UNSET, rc, archive = 0;
	char		 from[16], to[16];

	memset(&as, 0, sizeof as);

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hv", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'L':
			if (minutes_parse_lang(optarg, &lang, &cause) != 0) {
				fprintf(stderr, "%s: stats: %s\n", cli_progname,
				    cause);
				free(cause);
				stats_usage(stderr);
				return 2;
			}
			break;
		case 'y':
			year = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || year < 1 ||
			    year > 9999) {
				fprintf(stderr, _("%s: stats: --year '%s' is "
				    "not a year like 2024\n"), cli_progname,
				    optarg);
				return 2;
			}
			snprintf(from, sizeof from, "%04ld-01-01", year);
			snprintf(to, sizeof to, "%04ld-12-31", year);
			as.from = from;
			as.to = to;
			archive = 1;
			break;
		case 'F':
			as.from = optarg;
			archive = 1;
			break;
		case 'T':
			as.to = optarg;
			archive = 1;
			break;
		case 'R':
			as.reindex = 1;
			archive = 1;
			break;
		case 'I':
			as.index = optarg;
			archive = 1;
			break;
		case 'v':
			as.verbose = 1;
			archive = 1;
			break;
		case 'h':
			stats_usage(stdout);
			return 0;
		default:
			fprintf(stderr, _("%s: stats: unknown option or "
			    "missing value: '%s'\n"), cli_progname,
			    argv[optind - 1]);
			stats_usage(stderr);
			return 2;
		}
	}
	if (optind == argc) {
		fprintf(stderr, _("%s: stats: give a FILE\n"), cli_progname);
		stats_usage(stderr);
		return 2;
	}
	/* Folders, several files or a period: the archive's summary. */
	if (optind != argc - 1 || (stat(argv[optind], &sb) == 0 &&
	    S_ISDIR(sb.st_mode)))
		archive = 1;
	if (archive) {
		as.paths = argv + optind;
		as.npaths = (size_t)(argc - optind);
		as.json = json;
		as.lang = lang;
		return cli_stats_archive(&as);
	}
	if (optind != argc - 1) {
		fprintf(stderr, _("%s: stats: give one FILE\n"),
		    cli_progname);
		return 2;
	}
	file = argv[optind];
	if ((log = cli_open(file, LOG_READONLY)) == NULL)
		return 1;
	/* Counted from a sound record only, as the minutes are. */
	memset(&v, 0, sizeof v);
	if ((m = meeting_fold_verified(log, &v, &cause)) == NULL) {
		cli_error("%s", cause);
		free(cause);
		free(v.broken);
		log_close(&log);
		return 1;
	}
	if (v.broken != NULL) {
		why = xasprintf(_("%s; no statistics were made: run giji "
		    "verify, and restore a sound copy"), v.broken);
		cli_error_seq(file, v.bad_seq, why);
		free(why);
		free(v.broken);
		meeting_free(&m);
		log_close(&log);
		return 1;
	}
	doc = stats_report(m, json, lang, &len);
	rc = cli_write_output(NULL, doc, len, 0, 0600);
	free(doc);
	meeting_free(&m);
	log_close(&log);
	return rc;
}

/* SPDX-License-Identifier: ISC */
/*
 * giji: capture a meeting live and compile it into minutes. This file is
 * the entry point: it sends subcommands to cli.c and cli-minutes.c and
 * everything else (giji [FILE], --demo, --chair …) to the terminal
 * interface in tui.c.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "nearest.h"
#include "tui.h"

static const struct {
	const char	*name;
	int		(*fn)(int, char **);
} subcommands[] = {
	{ "new", cli_new },
	{ "add", cli_add },
	{ "import", cli_import },
	{ "log", cli_log },
	{ "verify", cli_verify },
	{ "minutes", cli_minutes },
	{ "stats", cli_stats },
	{ "styles", cli_styles },
	{ "backup", cli_backup },
	{ "search", cli_search },
};

static void
usage(FILE *f)
{
	fputs(_(
"usage: giji [FILE]                      open the meeting in the terminal\n"
"       giji --demo                      open a copy of a sample meeting\n"
"       giji --chair FILE                the chair's view: votes, agenda\n"
"       giji new FILE [--title T] [--date YYYY-MM-DD] [--place P] [--like OLD]\n"
"       giji add [--ts TIME] [--uuid U] FILE TYPE key=value ...  one event\n"
"       giji import FILE < events.jsonl   append many events (all or none)\n"
"       giji import --csv members|agenda FILE < FILE.csv  roster, agenda\n"
"       giji import --skip-existing FILE < events.jsonl  merge a station\n"
"       giji log FILE [--json]            print the log\n"
"       giji minutes FILE [options] [-o OUT]\n"
"       giji verify FILE                  check integrity and the hash chain\n"
"       giji backup FILE DEST [--force]   a verified copy, while recording\n"
"       giji stats FILE [--json] [--lang ja|en]\n"
"       giji stats DIR [--year Y] [--json]  a year of meetings\n"
"       giji search DIR|FILE... QUERY [options]  search every meeting\n"
"       giji styles [show NAME | check FILE]  the minutes styles\n"
"       giji --list-actions | --check-keymap FILE | --help | --version\n"
"See giji(1), giji-events(5), giji-keymap(5) and giji-style(5).\n"), f);
}

/*
 * A first word that is neither a command nor a file: a command mistyped
 * (giji minuts FILE) is named as such, with the nearest command, rather
 * than taken for a meeting file. Returns 1 when it said so.
 */
static int
unknown_command(int argc, char **argv)
{
	const char	*w = argv[1], *best = NULL;
	size_t		 i, d, bestd = (size_t)-1;

	if (w[0] == '-' || access(w, F_OK) == 0)
		return 0;
	for (i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++) {
		d = name_distance(w, subcommands[i].name);
		if (d < bestd) {
			bestd = d;
			best = subcommands[i].name;
		}
	}
	if (best != NULL && bestd <= (strlen(w) >= 5 ? 2u : 1u)) {
		cli_error(_("%s: unknown command; did you mean giji %s? (giji "
		    "--help lists the commands)"), w, best);
		return 1;
	}
	/* A word with no dot or slash and more after it: not a file name. */
	if (argc > 2 && strchr(w, '.') == NULL && strchr(w, '/') == NULL) {
		cli_error(_("%s: unknown command (giji --help lists the "
		    "commands)"), w);
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	size_t	 i;

	setlocale(LC_ALL, "");
	i18n_init(GIJI_LOCALEDIR);
	if (argc >= 2) {
		if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(argv[1], "--version") == 0 ||
		    strcmp(argv[1], "-V") == 0) {
			printf("giji %s\n", PACKAGE_VERSION);
			return 0;
		}
		for (i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++) {
			if (strcmp(argv[1], subcommands[i].name) == 0)
				return subcommands[i].fn(argc - 1, argv + 1);
		}
		if (unknown_command(argc, argv))
			return 2;
	}
	return tui_main(argc, argv);
}

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

#include "cli.h"
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
};

static void
usage(FILE *f)
{
	fprintf(f,
"usage: giji [FILE]                      open the meeting in the terminal\n"
"       giji --demo                      open a copy of a sample meeting\n"
"       giji --chair FILE                the chair's view: votes, agenda\n"
"       giji new FILE [--title T] [--date YYYY-MM-DD] [--place P] [--like OLD]\n"
"       giji add FILE TYPE key=value ...  append one event\n"
"       giji import FILE < events.jsonl   append many events (all or none)\n"
"       giji log FILE [--json]            print the log\n"
"       giji minutes FILE [options] [-o OUT]\n"
"       giji verify FILE                  check integrity and the hash chain\n"
"       giji stats FILE [--json] [--lang ja|en]\n"
"       giji styles [show NAME | check FILE]  the minutes styles\n"
"       giji --list-actions | --check-keymap FILE | --help | --version\n"
"See giji(1), giji-events(5), giji-keymap(5) and giji-style(5).\n");
}

int
main(int argc, char **argv)
{
	size_t	 i;

	setlocale(LC_ALL, "");
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
	}
	return tui_main(argc, argv);
}

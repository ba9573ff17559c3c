/*
 * The subcommands that work on meetings after the fact: giji backup (a
 * verified copy of one file, core/log-backup.c), giji search and giji
 * stats DIR (the archive of every meeting under a folder, core/archive.c).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
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
			printf("usage: giji backup FILE DEST [--force]\n");
			return 0;
		default:
			cli_error("backup: unknown option or missing value "
			    "(see giji --help)");
			return 2;
		}
	}
	if (optind != argc - 2) {
		cli_error("backup: give FILE and DEST (a new file, or a folder "
		    "to copy into) (see giji --help)");
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
	if ((log = cli_open(file, LOG_READONLY)) == NULL) {
		free(dest);
		return 1;
	}
	if (log_backup(log, dest, force, &b, &cause) != 0) {
		cli_error("%s", cause);
		free(cause);
	} else if (b.broken != NULL) {
		cli_error("%s: seq %lld: %s", file, (long long)b.bad_seq,
		    b.broken);
		cli_error("%s: the file does not verify; %s holds it as it is "
		    "(%lld events), the fault included: giji verify shows it",
		    file, dest, (long long)b.count);
		free(b.broken);
	} else {
		name = utf8_sanitize(dest, 0);
		if (b.count > 0)
			printf("%s: %lld events copied and verified, head %s\n",
			    name, (long long)b.count, b.head);
		else
			printf("%s: 0 events copied and verified\n", name);
		free(name);
		rc = 0;
		if (fflush(stdout) != 0) {
			cli_error("standard output: %s", strerror(errno));
			rc = 1;
		}
	}
	free(dest);
	log_close(&log);
	return rc;
}

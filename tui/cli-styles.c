/* SPDX-License-Identifier: ISC */
/*
 * giji styles: the minutes styles giji can find (giji-style(5)).
 *   giji styles              one line each: name, languages, where, what
 *   giji styles show NAME    the file, to start a new style from
 *   giji styles check FILE   every error as file:line:col: what
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "minutes.h"
#include "utf8.h"

static void
styles_usage(FILE *f)
{
	fputs(_(
"usage: giji styles                 list the styles giji can find\n"
"       giji styles show NAME|PATH  print a style (to start a new one)\n"
"       giji styles check NAME|PATH report every error, file:line:col\n"
"A NAME is looked up as NAME.style in $XDG_CONFIG_HOME/giji/styles, then\n"
"in giji/styles under each of $XDG_CONFIG_DIRS, then among the shipped\n"
"styles; a PATH holds a / or ends in .style. See giji-style(5).\n"), f);
}

static int
styles_list(void)
{
	struct minutes_style_info	*l;
	size_t				 n, i;
	char				*w;

	l = minutes_styles_list(&n);
	for (i = 0; i < n; i++) {
		w = utf8_sanitize(l[i].where, 0);
		printf("%s\t%s\t%s\t%s\n", l[i].name, l[i].languages, w,
		    l[i].description);
		free(w);
	}
	minutes_styles_free(l, n);
	return 0;
}

static int
styles_show(const char *arg)
{
	char	*text, *where = NULL, *cause = NULL, *opts;

	if ((text = minutes_style_text(arg, &where, &cause)) == NULL) {
		cli_error("styles: %s", cause);
		free(cause);
		return 1;
	}
	fputs(text, stdout);
	if ((opts = minutes_style_describe(arg, &cause)) != NULL && *opts) {
		char *p, *nl;

		printf("\n# %s\n", _("Options of this style (--option "
		    "NAME=VALUE, or meta.set style_options):"));
		for (p = opts; *p != '\0'; p = nl) {
			nl = strchr(p, '\n');
			printf("#   %.*s\n", (int)(nl != NULL ? nl - p :
			    (long)strlen(p)), p);
			if (nl == NULL)
				break;
			nl++;
		}
	}
	free(cause);
	free(opts);
	free(text);
	free(where);
	return 0;
}

static int
styles_check(const char *arg)
{
	char	**msgs = NULL, *cause = NULL;
	size_t	 n = 0, i;
	int	 rc;

	rc = minutes_style_check(arg, &msgs, &n, &cause);
	if (rc < 0) {
		cli_error("styles: %s", cause);
		free(cause);
		/* A style that cannot be found is a usage error, as in minutes. */
		if (!minutes_style_is_path(arg) ||
		    (access(arg, F_OK) != 0 && errno == ENOENT))
			return 2;
		return 1;
	}
	for (i = 0; i < n; i++) {
		fprintf(stderr, "%s\n", msgs[i]);
		free(msgs[i]);
	}
	free(msgs);
	return rc > 0 ? 1 : 0;
}

int
cli_styles(int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		styles_usage(stdout);
		return 0;
	}
	if (argc == 1 || (argc == 2 && strcmp(argv[1], "list") == 0))
		return styles_list();
	if (argc == 3 && strcmp(argv[1], "show") == 0)
		return styles_show(argv[2]);
	if (argc == 3 && strcmp(argv[1], "check") == 0)
		return styles_check(argv[2]);
	fprintf(stderr, _("%s: styles: expected nothing, show NAME or check "
	    "FILE\n"), cli_progname);
	styles_usage(stderr);
	return 2;
}

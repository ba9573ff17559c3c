/* Placeholder until the terminal interface lands (tui helper replaces it). */
#include "config.h"

#include <stdio.h>

#include "tui.h"

int
tui_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "giji: the terminal interface is not built yet\n");
	return 1;
}

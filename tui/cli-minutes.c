/* Placeholder until the minutes compiler lands (minutes helper replaces it). */
#include "config.h"

#include "cli.h"

int
cli_minutes(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("minutes: not built yet");
	return 1;
}

int
cli_stats(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("stats: not built yet");
	return 1;
}

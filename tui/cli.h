/* SPDX-License-Identifier: ISC */
/*
 * The command-line subcommands: each takes the arguments after its name
 * (argv[0] is the subcommand) and returns the exit status: 0 success,
 * 1 failure, 2 bad usage. Messages go to stderr as "giji: FILE: problem".
 */
#ifndef GIJI_CLI_H
#define GIJI_CLI_H

#include <stdint.h>
#include <stdio.h>

struct log;

int	 cli_new(int, char **);
int	 cli_add(int, char **);
int	 cli_import(int, char **);
int	 cli_log(int, char **);
int	 cli_verify(int, char **);
int	 cli_minutes(int, char **);	/* cli-minutes.c */
int	 cli_stats(int, char **);	/* cli-minutes.c */
int	 cli_styles(int, char **);	/* cli-styles.c */
int	 cli_backup(int, char **);	/* cli-archive.c */
int	 cli_search(int, char **);	/* cli-archive.c */
/* giji stats DIR|FILE...: the archive's summary (cli-archive.c). */
struct cli_archive_stats {
	char		**paths;
	size_t		 npaths;
	const char	*from;
	const char	*to;
	const char	*index;
	int		 reindex;
	int		 verbose;
	int		 json;
	int		 lang;
};
int	 cli_stats_archive(const struct cli_archive_stats *);

/* Helpers shared by the subcommands. */
void	 cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* cli_error of "path: cause", path named once when cause starts with it. */
void	 cli_error_file(const char *path, const char *cause);
void	 cli_error_seq(const char *path, int64_t seq, const char *cause);
/* Open FILE for the subcommand; prints the cause and returns NULL. */
struct log *cli_open(const char *path, int flags);
/* The station name: $GIJI_STATION, else host/tty, else host. */
char	*cli_station(void);
/*
 * Write data to path (or stdout when path is NULL or "-"): refuses to
 * follow a symlink or replace an existing file unless force; created with
 * mode (0600 for internal minutes). Atomic: written beside, synced, and
 * renamed into place, the folder synced; path never holds a part. Returns
 * 0 or 1 (message printed).
 */
int	 cli_write_output(const char *path, const char *data, size_t len,
	     int force, int mode);
/*
 * The same in pieces, for output made as a stream: cli_out_open (NULL:
 * refused, message printed), cli_out_write (0 or an errno), then
 * cli_out_close, which puts the file in place when ok and nothing failed
 * (else removes it, the old file as it was, and says why when a write
 * failed); returns 0 or 1.
 */
struct cli_out;
struct cli_out	*cli_out_open(const char *path, int force, int mode);
/* Do the two paths name one file (the same device and inode)? */
int		 cli_same_file(const char *, const char *);
int	 cli_out_write(void *, const char *data, size_t len);
int	 cli_out_close(struct cli_out **, int ok);
/* The errno of a failed cli_out_write, or 0. */
int	 cli_out_failed(const struct cli_out *);

extern const char *cli_progname;

#endif

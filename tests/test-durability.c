/* SPDX-License-Identifier: ISC */
/*
 * Durability under concurrency and crashes: two processes append 2×2000
 * events to one file at once (seq gapless, chain valid, nothing lost);
 * then a writer is killed with SIGKILL at 25 moments in a burst of
 * appends (fixed seed): after each, integrity_check and the chain hold,
 * and every append the writer saw committed is in the file.
 */
#include "config.h"

#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "xmalloc.h"
#include "tap.h"

static char	 dir[] = "/tmp/giji-test-dur.XXXXXX";

static int
writer(const char *file, const char *station, int n, int fd)
{
	struct log	*log;
	struct event_in	 in;
	struct event	 ev;
	char		*cause, *payload;
	int		 i;

	if ((log = log_open(file, 0, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		return 1;
	}
	log_set_station(log, station);
	for (i = 0; n < 0 || i < n; i++) {
		payload = xasprintf("{\"text\":\"%s の記録 %d\"}", station, i);
		memset(&in, 0, sizeof in);
		in.type = "note";
		in.payload = payload;
		if (log_append(log, &in, &ev, &cause) != 0) {
			fprintf(stderr, "%s\n", cause);
			free(payload);
			return 1;
		}
		free(payload);
		/* Report only after the commit returned: the screen's promise. */
		if (fd >= 0 && write(fd, &ev.seq, sizeof ev.seq) != sizeof ev.seq)
			return 1;
		event_clear(&ev);
	}
	log_close(&log);
	return 0;
}

static int
count_rows(struct log *log, const char *station)
{
	struct event	 ev;
	int64_t		 s, last = log_last_seq(log);
	int		 n = 0;

	for (s = 1; s <= last; s++) {
		if (log_get(log, s, &ev) == 0) {
			if (strcmp(ev.station, station) == 0)
				n++;
			event_clear(&ev);
		}
	}
	return n;
}

int
main(void)
{
	struct log	*log;
	char		*file, *cause;
	int64_t		 bad, count, seq;
	pid_t		 a, b;
	int		 st, i, fds[2], lost = 0, torn = 0, kills = 0;
	long		 checked = 0;

	if (tap_tmpdir(dir) == NULL)
		return 1;
	file = xasprintf("%s/c.giji", dir);
	log = log_open(file, LOG_CREATE, &cause);
	ok(log != NULL, "create");
	log_close(&log);

	/* Two processes append at once. */
	{
		if ((a = fork()) == 0)
			_exit(writer(file, "A", 2000, -1));
		if ((b = fork()) == 0)
			_exit(writer(file, "B", 2000, -1));
		waitpid(a, &st, 0);
		ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "writer A done");
		waitpid(b, &st, 0);
		ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "writer B done");
		log = log_open(file, LOG_READONLY, &cause);
		is_int(log_last_seq(log), 4000, "4000 events, seq gapless");
		ok(log_verify(log, &bad, &count, &cause) == 0 && count == 4000,
		    "chain valid over 4000 concurrent appends");
		is_int(count_rows(log, "A"), 2000, "all of A's appends");
		is_int(count_rows(log, "B"), 2000, "all of B's appends");
		log_close(&log);
	}

	/* SIGKILL in the middle of a burst of appends. */
	srandom(20221117);
	for (i = 0; i < 25; i++) {
		int64_t	 before, reported = 0;

		log = log_open(file, LOG_READONLY, &cause);
		before = log_last_seq(log);
		log_close(&log);
		if (pipe(fds) != 0)
			return 1;
		if ((a = fork()) == 0) {
			close(fds[0]);
			_exit(writer(file, "K", -1, fds[1]));
		}
		close(fds[1]);
		usleep(2000 + (unsigned)(random() % 60000));
		kill(a, SIGKILL);
		kills++;
		while (read(fds[0], &seq, sizeof seq) == sizeof seq)
			reported = seq;
		close(fds[0]);
		waitpid(a, &st, 0);
		log = log_open(file, 0, &cause);	/* recovers the WAL */
		if (log == NULL || log_verify(log, &bad, &count, &cause) != 0) {
			torn++;
			printf("# after kill %d: %s\n", i, cause ? cause : "open");
		} else {
			checked += count;
			if (log_last_seq(log) < reported)
				lost++;
			if (reported != 0 && reported < before)
				lost++;
		}
		log_close(&log);
	}
	is_int(torn, 0, "%d kills: integrity and chain hold after each", kills);
	is_int(lost, 0, "%d kills: no append reported committed was lost", kills);
	printf("# kills %d, events checked %ld, losses %d\n", kills, checked, lost);
	free(file);
	return done_testing();
}

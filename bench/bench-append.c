/* SPDX-License-Identifier: ISC */
/*
 * Append latency and import throughput, against floors measured in the
 * same run on the same disk:
 *   append: each event committed with log_append() (WAL, synchronous=FULL)
 *           vs. writing the same canonical bytes to a plain file with one
 *           fdatasync() per record;
 *   import: 100,000 events through import_stream() in one transaction.
 * Usage: bench-append [DIR] [N]   (default: a temp folder in /var/tmp, 2000)
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "import.h"
#include "log.h"
#include "xmalloc.h"

static double
now_us(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
stats(double *v, int n, double *median, double *p99)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	*median = v[n / 2];
	*p99 = v[(n * 99) / 100];
}

int
main(int argc, char **argv)
{
	char		 tmpl[] = "/var/tmp/giji-bench.XXXXXX";
	const char	*dir = argc > 1 ? argv[1] : mkdtemp(tmpl);
	int		 n = argc > 2 ? atoi(argv[2]) : 2000, i, fd;
	double		*floor_us, *log_us, t0, fm, fp, lm, lp, imp, sec;
	struct log	*log;
	struct event_in	 in;
	char		*file, *cause, *payload, *c;
	size_t		 len, count, lineno;
	FILE		*mem;
	struct buf	 jsonl;

	if (dir == NULL || n < 100)
		return 2;
	floor_us = xcalloc((size_t)n, sizeof *floor_us);
	log_us = xcalloc((size_t)n, sizeof *log_us);
	payload = xstrdup("{\"speaker\":\"ito\",\"text\":\"本件について、"
	    "個人情報の取扱いを確認したいと思います。委託先の管理はどのように"
	    "行うのでしょうか。\"}");

	/* Floor: the same bytes, one fdatasync per record. */
	file = xasprintf("%s/floor.dat", dir);
	fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	for (i = 0; i < n; i++) {
		c = log_canonical("0000", i + 1, "00000000-0000-0000-0000-000000000000",
		    1656306185000000LL, "clerk", "speech", payload, &len);
		t0 = now_us();
		if (write(fd, c, len) != (ssize_t)len || fdatasync(fd) != 0)
			return 1;
		floor_us[i] = now_us() - t0;
		free(c);
	}
	close(fd);
	unlink(file);
	free(file);

	/* giji: log_append, each its own durable transaction. */
	file = xasprintf("%s/append.giji", dir);
	unlink(file);
	if ((log = log_open(file, LOG_CREATE, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		return 1;
	}
	memset(&in, 0, sizeof in);
	in.type = "member.add";
	in.payload = "{\"id\":\"ito\",\"name\":\"伊藤\"}";
	log_append(log, &in, NULL, &cause);
	in.type = "speech";
	in.payload = payload;
	for (i = 0; i < n; i++) {
		t0 = now_us();
		if (log_append(log, &in, NULL, &cause) != 0) {
			fprintf(stderr, "%s\n", cause);
			return 1;
		}
		log_us[i] = now_us() - t0;
	}
	log_close(&log);

	stats(floor_us, n, &fm, &fp);
	stats(log_us, n, &lm, &lp);
	printf("append: %d events\n", n);
	printf("  floor (write+fdatasync): median %.0f us, p99 %.0f us\n", fm, fp);
	printf("  giji log_append:         median %.0f us, p99 %.0f us\n", lm, lp);
	printf("  ratio: median %.2fx, p99 %.2fx (goal <= 1.5x)\n", lm / fm,
	    lp / fp);

	/* Import: 100,000 events in one transaction. */
	buf_init(&jsonl);
	buf_puts(&jsonl, "{\"type\":\"member.add\",\"data\":{\"id\":\"ito\","
	    "\"name\":\"伊藤\"}}\n");
	for (i = 0; i < 100000; i++)
		buf_printf(&jsonl, "{\"type\":\"speech\",\"ts\":\"2022-06-27T"
		    "14:%02d:%02d+09:00\",\"data\":%s}\n", (i / 60) % 60, i % 60,
		    payload);
	free(file);
	file = xasprintf("%s/import.giji", dir);
	unlink(file);
	log = log_open(file, LOG_CREATE, &cause);
	mem = fmemopen(jsonl.s, jsonl.len, "r");
	t0 = now_us();
	if (import_stream(log, mem, &count, &lineno, NULL, NULL, &cause) != 0) {
		fprintf(stderr, "line %zu: %s\n", lineno, cause);
		return 1;
	}
	sec = (now_us() - t0) / 1e6;
	imp = (double)count / sec;
	fclose(mem);
	log_close(&log);
	printf("import: %zu events in %.2f s: %.0f events/s\n", count, sec, imp);
	unlink(file);
	free(file);
	file = xasprintf("%s/append.giji", dir);
	unlink(file);
	free(file);
	if (argc <= 1)
		rmdir(dir);
	buf_free(&jsonl);
	free(payload);
	free(floor_us);
	free(log_us);
	return 0;
}

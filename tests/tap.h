/* SPDX-License-Identifier: ISC */
/*
 * A minimal TAP producer for the unit tests: ok(), is_int(), is_str(),
 * and done_testing() printing the plan. Header-only; each test program
 * includes it once.
 */
#ifndef GIJI_TAP_H
#define GIJI_TAP_H

#include <sys/types.h>

#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int tap_n, tap_failed;
static char *tap_dir;		/* removed with all it holds at exit */

static int
tap_rm(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* A child of fork() exits with _exit(): only the parent removes it. */
static pid_t tap_pid;

static void
tap_cleanup(void)
{
	if (tap_dir != NULL && getpid() == tap_pid)
		nftw(tap_dir, tap_rm, 16, FTW_DEPTH | FTW_PHYS);
}

/* mkdtemp(tmpl), and the folder removed when the test exits. */
static __attribute__((unused)) char *
tap_tmpdir(char *tmpl)
{
	if (mkdtemp(tmpl) == NULL)
		return NULL;
	tap_dir = tmpl;
	tap_pid = getpid();
	atexit(tap_cleanup);
	return tmpl;
}

static int __attribute__((format(printf, 2, 3)))
ok(int cond, const char *fmt, ...)
{
	va_list	 ap;

	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	return cond;
}

#define is_int(got, want, ...) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	if (!ok(g_ == w_, __VA_ARGS__))					\
		printf("#   got %lld, want %lld\n", g_, w_);		\
} while (0)

#define is_str(got, want, ...) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int same_ = (g_ == NULL && w_ == NULL) ||			\
	    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0);		\
	if (!ok(same_, __VA_ARGS__))					\
		printf("#   got  \"%s\"\n#   want \"%s\"\n",		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

static int
done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif

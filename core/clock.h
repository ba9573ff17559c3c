/* SPDX-License-Identifier: ISC */
/*
 * The clock. GIJI_NOW fixes it for tests: an integer of UTC microseconds
 * since the epoch, or an ISO 8601 time with offset
 * (2022-06-27T14:00:00+09:00). With GIJI_NOW_STEP (microseconds) each
 * reading advances the fixed clock by that much, so a scripted session
 * gets distinct, reproducible times.
 */
#ifndef GIJI_CLOCK_H
#define GIJI_CLOCK_H

#include <stdint.h>

/*
 * The zone of a meeting that sets none (meta.set tz): giji's first users
 * sit in Japan. Every reader of a meeting's times falls back to this one.
 */
#define CLOCK_DEFAULT_TZ	"Asia/Tokyo"

int64_t	 clock_now(void);	/* UTC microseconds */
/*
 * A monotonic clock in microseconds, for timeouts and intervals (never
 * fixed by GIJI_NOW: a test's frozen clock must not stop the draft saves).
 */
int64_t	 clock_mono(void);

/*
 * Parse YYYY-MM-DDTHH:MM[:SS[.ffffff]](Z|+HH:MM|-HH:MM) into UTC µs.
 * Without an offset the time is read in tz (an IANA name; NULL: Asia/Tokyo).
 * Returns 0 or -1.
 */
int	 clock_parse(const char *, const char *tz, int64_t *);
/* Is tz a zone this system knows (an IANA name with its zone file)? */
int	 clock_zone_known(const char *tz);

/*
 * Break UTC µs into local time in tz: fills y m d H M S, µs and the
 * offset in seconds east of UTC. Returns 0, or -1 for an unknown zone.
 */
struct clock_tm {
	int	 y, mon, d, h, min, s, us, wday;
	int	 off;	/* seconds east of UTC */
};
int	 clock_local(int64_t, const char *tz, struct clock_tm *);

/* 2022-06-27T14:03:05+09:00 (with .ffffff when µs is not zero). */
char	*clock_iso(int64_t, const char *tz);

#endif

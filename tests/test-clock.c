/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of core/clock.c: ISO 8601 parsing in and out, local time in
 * IANA zones, and the fixed clock (GIJI_NOW).
 */
#include "config.h"

#include <stdlib.h>

#include "clock.h"
#include "tap.h"

int
main(void)
{
	struct clock_tm	 tm;
	int64_t		 t;
	char		*s;

	/* int clock_parse(const char *, const char *tz, int64_t *) */
	{
		ok(clock_parse(NULL, NULL, &t) == -1, "NULL is refused");
		ok(clock_parse("", NULL, &t) == -1, "empty is refused");
		ok(clock_parse("2022-06-27", NULL, &t) == -1, "date alone refused");
		ok(clock_parse("2022-02-30T10:00:00Z", NULL, &t) == -1,
		    "30 February refused");
		ok(clock_parse("2022-06-27T24:00:00Z", NULL, &t) == -1,
		    "hour 24 refused");
		ok(clock_parse("2022-06-27T14:03:05+09:00x", NULL, &t) == -1,
		    "trailing junk refused");
	}
	{
		ok(clock_parse("1970-01-01T00:00:00Z", NULL, &t) == 0 && t == 0,
		    "epoch");
		ok(clock_parse("2022-06-27T14:03:05+09:00", NULL, &t) == 0 &&
		    t == 1656306185LL * 1000000, "offset +09:00");
		ok(clock_parse("2022-06-27T05:03:05Z", NULL, &t) == 0 &&
		    t == 1656306185LL * 1000000, "Z");
		ok(clock_parse("2022-06-27T14:03:05.25+09:00", NULL, &t) == 0 &&
		    t == 1656306185LL * 1000000 + 250000, "fraction");
		ok(clock_parse("2022-06-27T14:03:05", "Asia/Tokyo", &t) == 0 &&
		    t == 1656306185LL * 1000000, "no offset: read in the zone");
		ok(clock_parse("2022-06-27T14:03", NULL, &t) == 0 &&
		    t == 1656306180LL * 1000000, "no seconds, default zone Tokyo");
		ok(clock_parse("2022-06-27T14:03:05", "No/Such_Zone", &t) == -1,
		    "unknown zone refused");
	}
	/* char *clock_iso(int64_t, const char *tz) */
	{
		s = clock_iso(1656306185LL * 1000000, "Asia/Tokyo");
		is_str(s, "2022-06-27T14:03:05+09:00", "iso in Tokyo");
		free(s);
		s = clock_iso(1656306185LL * 1000000 + 7, "UTC");
		is_str(s, "2022-06-27T05:03:05.000007Z", "iso in UTC with µs");
		free(s);
		s = clock_iso(1656306185LL * 1000000, "America/New_York");
		is_str(s, "2022-06-27T01:03:05-04:00", "iso in New York (DST)");
		free(s);
	}
	/* int clock_local(int64_t, const char *tz, struct clock_tm *) */
	{
		ok(clock_local(1656306185LL * 1000000, "Asia/Tokyo", &tm) == 0 &&
		    tm.y == 2022 && tm.mon == 6 && tm.d == 27 && tm.h == 14 &&
		    tm.min == 3 && tm.s == 5 && tm.wday == 1 && tm.off == 32400,
		    "local fields");
		ok(clock_local(-1, "UTC", &tm) == 0 && tm.y == 1969 &&
		    tm.s == 59 && tm.us == 999999, "before the epoch");
	}
	/* int64_t clock_now(void) with GIJI_NOW */
	{
		setenv("GIJI_NOW", "2022-06-27T14:00:00+09:00", 1);
		setenv("GIJI_NOW_STEP", "1000000", 1);
		t = clock_now();
		is_int(t, 1656306000LL * 1000000, "fixed clock");
		is_int(clock_now(), t + 1000000, "fixed clock steps");
	}
	return done_testing();
}

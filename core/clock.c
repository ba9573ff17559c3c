/* SPDX-License-Identifier: ISC */
/*
 * The clock and time conversions. Real time comes from CLOCK_REALTIME;
 * GIJI_NOW (and GIJI_NOW_STEP) fix it for tests. Local time in a meeting's
 * IANA zone goes through the C library with TZ set for the call; the
 * process is single-threaded, so keeping the last zone set is safe and
 * saves a tzset() per conversion.
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "jdate.h"
#include "xmalloc.h"

static const char *
zone_name(const char *tz)
{
	return tz != NULL && *tz != '\0' ? tz : CLOCK_DEFAULT_TZ;
}

static int	 zone_set(const char *);

/*
 * A zone file: a regular file that starts as RFC 8536 says (the folder
 * holds tables and folders too, which the C library would read as UTC).
 */
static int
zone_file(const char *path)
{
	struct stat	 sb;
	char		 magic[4];
	FILE		*f;
	int		 ok;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (f = fopen(path, "rb")) == NULL)
		return 0;
	ok = fread(magic, 1, sizeof magic, f) == sizeof magic &&
	    memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

int
clock_zone_known(const char *tz)
{
	return tz != NULL && *tz != '\0' && zone_set(tz) == 0;
}

static int
zone_set(const char *tz)
{
	static char	 current[256];
	const char	*dir;
	char		 path[512];

	tz = zone_name(tz);
	if (strcmp(current, tz) == 0)
		return 0;
	if (strlen(tz) >= sizeof current || strstr(tz, "..") != NULL ||
	    tz[0] == '/')
		return -1;
	if (strcmp(tz, "UTC") != 0) {
		if ((dir = getenv("TZDIR")) == NULL)
			dir = "/usr/share/zoneinfo";
		snprintf(path, sizeof path, "%s/%s", dir, tz);
		if (!zone_file(path))
			return -1;
	}
	snprintf(path, sizeof path, ":%s", tz);
	setenv("TZ", path, 1);
	tzset();
	strcpy(current, tz);
	return 0;
}

static int
parse_num(const char **pp, int digits, int *out)
{
	const char	*p = *pp;
	int		 v = 0, i;

	for (i = 0; i < digits; i++) {
		if (!isdigit((unsigned char)p[i]))
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	*pp = p + digits;
	*out = v;
	return 0;
}

int
clock_parse(const char *s, const char *tz, int64_t *out)
{
	const char	*p = s;
	int		 y, mo, d, h, mi, sec = 0, us = 0, oh, om, sign, n;
	int		 have_off = 0, off = 0;
	int64_t		 t;

	if (s == NULL)
		return -1;
	if (parse_num(&p, 4, &y) != 0 || *p++ != '-' ||
	    parse_num(&p, 2, &mo) != 0 || *p++ != '-' ||
	    parse_num(&p, 2, &d) != 0)
		return -1;
	if (*p != 'T' && *p != ' ')
		return -1;
	p++;
	if (parse_num(&p, 2, &h) != 0 || *p++ != ':' ||
	    parse_num(&p, 2, &mi) != 0)
		return -1;
	if (*p == ':') {
		p++;
		if (parse_num(&p, 2, &sec) != 0)
			return -1;
		if (*p == '.' || *p == ',') {
			p++;
			for (n = 0; isdigit((unsigned char)*p); n++, p++) {
				if (n < 6)
					us = us * 10 + (*p - '0');
			}
			if (n == 0)
				return -1;
			for (; n < 6; n++)
				us *= 10;
		}
	}
	if (*p == 'Z' || *p == 'z') {
		have_off = 1;
		p++;
	} else if (*p == '+' || *p == '-') {
		sign = *p++ == '-' ? -1 : 1;
		if (parse_num(&p, 2, &oh) != 0)
			return -1;
		if (*p == ':')
			p++;
		if (parse_num(&p, 2, &om) != 0 || oh > 23 || om > 59)
			return -1;
		off = sign * (oh * 3600 + om * 60);
		have_off = 1;
	}
	if (*p != '\0')
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > jdate_mdays(y, mo) ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	if (sec == 60)
		sec = 59;	/* a leap second folds into the one before */
	if (have_off) {
		t = (int64_t)jdate_days(y, mo, d) * 86400 +
		    h * 3600 + mi * 60 + sec - off;
	} else {
		struct tm	 tm;
		time_t		 tt;

		if (zone_set(tz) != 0)
			return -1;
		memset(&tm, 0, sizeof tm);
		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = d;
		tm.tm_hour = h;
		tm.tm_min = mi;
		tm.tm_sec = sec;
		tm.tm_isdst = -1;
		if ((tt = mktime(&tm)) == (time_t)-1)
			return -1;
		t = (int64_t)tt;
	}
	*out = t * 1000000 + us;
	return 0;
}

int64_t
clock_now(void)
{
	static int64_t	 fixed = -1, step;
	static int	 checked;
	const char	*s, *st;
	struct timespec	 ts;
	int64_t		 now;

	if (!checked) {
		checked = 1;
		if ((s = getenv("GIJI_NOW")) != NULL && *s != '\0') {
			char	*end;
			long long v = strtoll(s, &end, 10);

			if (*end == '\0')
				fixed = v;
			else if (clock_parse(s, NULL, &fixed) != 0)
				fixed = -1;
			if ((st = getenv("GIJI_NOW_STEP")) != NULL)
				step = strtoll(st, NULL, 10);
		}
	}
	if (fixed >= 0) {
		now = fixed;
		fixed += step;
		return now;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int64_t
clock_mono(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int
clock_local(int64_t t, const char *tz, struct clock_tm *out)
{
	struct tm	 tm;
	time_t		 tt;
	int64_t		 sec = t / 1000000;	/* floor, without negating t */

	if (t % 1000000 < 0)
		sec--;
	if (zone_set(tz) != 0)
		return -1;
	tt = (time_t)sec;
	if (localtime_r(&tt, &tm) == NULL)
		return -1;
	out->y = tm.tm_year + 1900;
	out->mon = tm.tm_mon + 1;
	out->d = tm.tm_mday;
	out->h = tm.tm_hour;
	out->min = tm.tm_min;
	out->s = tm.tm_sec;
	/* t - sec * 1000000 overflows at the ends of int64_t: not so. */
	out->us = (int)(t % 1000000 < 0 ? t % 1000000 + 1000000 :
	    t % 1000000);
	out->wday = tm.tm_wday;
	out->off = (int)tm.tm_gmtoff;
	return 0;
}

char *
clock_iso(int64_t t, const char *tz)
{
	struct clock_tm	 tm;
	char		 frac[16] = "", off[16];
	int		 o;

	if (clock_local(t, tz, &tm) != 0 && clock_local(t, "UTC", &tm) != 0)
		return xstrdup("?");
	/*
	 * An offset with seconds (local mean time, Tokyo before 1888: +09:18:59)
	 * has no RFC 3339 form, and a year past 9999 no four digits: such a
	 * time is written in UTC, so that it reads back as the same instant.
	 */
	if ((tm.off % 60 != 0 || tm.y > 9999 || tm.y < 0) &&
	    clock_local(t, "UTC", &tm) != 0)
		return xstrdup("?");
	if (tm.us != 0)
		snprintf(frac, sizeof frac, ".%06d", tm.us);
	o = tm.off < 0 ? -tm.off : tm.off;
	if (tm.off == 0)
		snprintf(off, sizeof off, "Z");
	else
		snprintf(off, sizeof off, "%c%02d:%02d", tm.off < 0 ? '-' : '+',
		    o / 3600, (o / 60) % 60);
	return xasprintf("%04d-%02d-%02dT%02d:%02d:%02d%s%s", tm.y, tm.mon,
	    tm.d, tm.h, tm.min, tm.s, frac, off);
}

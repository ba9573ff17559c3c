/* SPDX-License-Identifier: ISC */
/*
 * Japanese dates and times as minutes print them. This file models the
 * proleptic Gregorian calendar (days since 1970-01-01), the era (元号)
 * table of JIS X 0301 from 1873-01-01 on, the fiscal year (年度, from
 * 1 April), the 午前/午後 clock of the 明治5年太政官布告第337号 with the
 * noon conventions in use, the three digit styles (half, full, one digit
 * full-width), and the English forms used by the English minutes.
 *
 * Everything is a pure function of its arguments: no clock, no locale
 * (glibc's ja_JP era and %p formats do not match minutes style: its %p
 * says 午後 at noon where minutes say 正午 or 午後0時, and its era names
 * depend on the locale data installed). Returned strings are xmalloc'd and
 * the caller frees them; invalid input gives NULL or -1, never a guess.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "jdate.h"
#include "xmalloc.h"

/*
 * JIS X 0301 附属書1, newest first. A day shared by two eras in the edicts
 * (1912-07-30, 1926-12-25) belongs to the new one, as in the JIS table and
 * glibc's ja_JP. 明治 is counted only from 1873-01-01, when the Gregorian
 * calendar came into use; earlier dates are lunisolar and out of scope.
 */
static const struct jdate_era {
	const char	*name;
	int		 y, m, d;	/* first day */
	int		 offset;	/* Gregorian year = era year + offset */
} jdate_eras[] = {
	{ "令和", 2019, 5, 1, 2018 },
	{ "平成", 1989, 1, 8, 1988 },
	{ "昭和", 1926, 12, 25, 1925 },
	{ "大正", 1912, 7, 30, 1911 },
	{ "明治", 1873, 1, 1, 1867 },
};

static const char *jdate_wdays[] = {
	"日", "月", "火", "水", "木", "金", "土"
};

static const char *jdate_en_wdays[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"
};

static const char *jdate_en_months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Years accepted as real dates: what "YYYY-MM-DD" can spell. */
#define JDATE_YEAR_MIN	1
#define JDATE_YEAR_MAX	9999

void
jdate_opts_default(struct jdate_opts *o)
{
	o->digits = JDIGITS_HALF;
	o->gannen = 1;
	o->full_parens = 0;
	o->noon = JNOON_AM12;
	o->zero_minutes = 1;
	o->pad_minutes = 1;
}

static int
jdate_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
jdate_mdays(int y, int m)
{
	static const int	 mdays[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && jdate_leap(y))
		return 29;
	return mdays[m - 1];
}

static int
jdate_valid(int y, int m, int d)
{
	if (y < JDATE_YEAR_MIN || y > JDATE_YEAR_MAX)
		return 0;
	if (m < 1 || m > 12)
		return 0;
	return d >= 1 && d <= jdate_mdays(y, m);
}

/*
 * Days from civil (H. Hinnant's algorithm): years are shifted to start on
 * 1 March so that the leap day is the last of the year.
 */
long
jdate_days(int y, int m, int d)
{
	long	 yy = (long)y - (m <= 2);
	long	 era = (yy >= 0 ? yy : yy - 399) / 400;
	long	 yoe = yy - era * 400;				/* [0, 399] */
	long	 doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long	 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* [0, 146096] */

	return era * 146097 + doe - 719468;
}

void
jdate_ymd(long days, int *y, int *m, int *d)
{
	long	 z = days + 719468;
	long	 era = (z >= 0 ? z : z - 146096) / 146097;
	long	 doe = z - era * 146097;
	long	 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long	 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long	 mp = (5 * doy + 2) / 153;
	long	 mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
}

int
jdate_weekday(int y, int m, int d)
{
	long	 w;

	if (!jdate_valid(y, m, d))
		return -1;
	/* 1970-01-01 was a Thursday. */
	w = (jdate_days(y, m, d) + 4) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

int
jdate_parse(const char *s, int *y, int *m, int *d)
{
	static const char	 shape[] = "dddd-dd-dd";
	int			 yy, mm, dd;
	size_t			 i;

	if (s == NULL || strlen(s) != sizeof shape - 1)
		return -1;
	for (i = 0; i < sizeof shape - 1; i++) {
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return -1;
	}
	yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	mm = (s[5] - '0') * 10 + (s[6] - '0');
	dd = (s[8] - '0') * 10 + (s[9] - '0');
	if (!jdate_valid(yy, mm, dd))
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

static const struct jdate_era *
jdate_find_era(int y, int m, int d)
{
	long	 key = (long)y * 10000 + m * 100 + d;
	size_t	 i;

	for (i = 0; i < sizeof jdate_eras / sizeof jdate_eras[0]; i++) {
		if (key >= (long)jdate_eras[i].y * 10000 +
		    jdate_eras[i].m * 100 + jdate_eras[i].d)
			return &jdate_eras[i];
	}
	return NULL;
}

int
jdate_era(int y, int m, int d, const char **era, int *eyear)
{
	const struct jdate_era	*e;

	if (!jdate_valid(y, m, d) || (e = jdate_find_era(y, m, d)) == NULL)
		return -1;
	*era = e->name;
	*eyear = y - e->offset;
	return 0;
}

static const struct jdate_opts *
jdate_opts_or_default(const struct jdate_opts *o, struct jdate_opts *def)
{
	if (o != NULL)
		return o;
	jdate_opts_default(def);
	return def;
}

/* Full-width digit d (0-9) as UTF-8: U+FF10 + d is EF BC 90+d. */
static void
jdate_add_fullwidth(struct buf *b, char c)
{
	char	 enc[3];

	enc[0] = (char)0xef;
	enc[1] = (char)0xbc;
	enc[2] = (char)(0x90 + (c - '0'));
	buf_add(b, enc, 3);
}

char *
jdate_digits(const char *s, enum jdigits style)
{
	struct buf	 b;
	size_t		 run, i;
	int		 full;

	if (s == NULL)
		return NULL;
	buf_init(&b);
	buf_add(&b, "", 0);
	while (*s != '\0') {
		if (*s < '0' || *s > '9') {
			buf_putc(&b, *s++);
			continue;
		}
		for (run = 0; s[run] >= '0' && s[run] <= '9'; run++)
			;
		switch (style) {
		case JDIGITS_FULL:
			full = 1;
			break;
		case JDIGITS_MIXED:
			full = (run == 1);
			break;
		default:
			full = 0;
			break;
		}
		for (i = 0; i < run; i++) {
			if (full)
				jdate_add_fullwidth(&b, s[i]);
			else
				buf_putc(&b, s[i]);
		}
		s += run;
	}
	return buf_detach(&b);
}

char *
jdate_num(long n, const struct jdate_opts *o)
{
	struct jdate_opts	 def;
	char			*half, *out;

	o = jdate_opts_or_default(o, &def);
	half = xasprintf("%ld", n);
	out = jdate_digits(half, o->digits);
	free(half);
	/* A minus sign beside full-width digits is full-width too. */
	if (n < 0 && out[0] == '-' && strncmp(out + 1, "\xef\xbc", 2) == 0) {
		half = out;
		out = xasprintf("－%s", half + 1);
		free(half);
	}
	return out;
}

/* Append "令和4年" or "令和元年" (half digits; converted by the caller). */
static void
jdate_add_era_year(struct buf *b, const char *era, int eyear,
    const struct jdate_opts *o)
{
	buf_puts(b, era);
	if (eyear == 1 && o->gannen)
		buf_puts(b, "元");
	else
		buf_printf(b, "%d", eyear);
	buf_puts(b, "年");
}

/* Convert the half-width digits in b to the chosen style, freeing b. */
static char *
jdate_finish(struct buf *b, const struct jdate_opts *o)
{
	char	*out;

	out = jdate_digits(b->s != NULL ? b->s : "", o->digits);
	buf_free(b);
	return out;
}

char *
jdate_format(int y, int m, int d, const struct jdate_opts *o)
{
	struct jdate_opts	 def;
	struct buf		 b;
	const char		*era;
	int			 eyear;

	o = jdate_opts_or_default(o, &def);
	if (jdate_era(y, m, d, &era, &eyear) != 0)
		return NULL;
	buf_init(&b);
	jdate_add_era_year(&b, era, eyear, o);
	buf_printf(&b, "%d月%d日", m, d);
	return jdate_finish(&b, o);
}

char *
jdate_format_wday(int y, int m, int d, const struct jdate_opts *o)
{
	struct jdate_opts	 def;
	char			*date, *out;

	o = jdate_opts_or_default(o, &def);
	if ((date = jdate_format(y, m, d, o)) == NULL)
		return NULL;
	out = xasprintf("%s%s%s%s", date, o->full_parens ? "（" : "(",
	    jdate_wdays[jdate_weekday(y, m, d)], o->full_parens ? "）" : ")");
	free(date);
	return out;
}

/*
 * The 年度 runs from 1 April to 31 March and is named by the era in force
 * on the date: 2019-04-10 → 平成31年(度), 2019-06-01 → 令和元年(度),
 * 2020-02-01 → 令和元年(度). When that era began after the fiscal year did
 * and the year would come out as 0 (1989-01-10: 平成 in force, fiscal year
 * from 1988-04-01), the era in force on 1 April names it instead: 昭和63年.
 * Callers wanting 令和元年度 for April 2019 pass a date in 令和.
 */
char *
jdate_fiscal_year(int y, int m, int d, const struct jdate_opts *o)
{
	struct jdate_opts	 def;
	struct buf		 b;
	const char		*era;
	int			 eyear, fy;

	o = jdate_opts_or_default(o, &def);
	if (jdate_era(y, m, d, &era, &eyear) != 0)
		return NULL;
	fy = m >= 4 ? y : y - 1;
	eyear -= y - fy;
	if (eyear < 1 && jdate_era(fy, 4, 1, &era, &eyear) != 0)
		return NULL;
	buf_init(&b);
	jdate_add_era_year(&b, era, eyear, o);
	return jdate_finish(&b, o);
}

/* Append 午後2時41分 etc. in half digits. */
static void
jdate_add_time(struct buf *b, int h, int min, const struct jdate_opts *o)
{
	if (h == 12 && min == 0) {
		switch (o->noon) {
		case JNOON_SHOGO:
			buf_puts(b, "正午");
			return;
		case JNOON_PM0:
			buf_puts(b, "午後0時");
			break;
		default:
			buf_puts(b, "午前12時");
			break;
		}
	} else if (h < 12)
		buf_printf(b, "午前%d時", h);
	else {
		/*
		 * 12:mm is 午後0時mm分 whatever the noon option: the 布告 only
		 * names the hour, and 午前12時10分 would be read as 00:10.
		 */
		buf_printf(b, "午後%d時", h - 12);
	}
	if (min == 0 && !o->zero_minutes)
		return;
	buf_printf(b, o->pad_minutes ? "%02d分" : "%d分", min);
}

static int
jdate_time_valid(int h, int min)
{
	return h >= 0 && h <= 23 && min >= 0 && min <= 59;
}

char *
jdate_time(int h, int min, const struct jdate_opts *o)
{
	struct jdate_opts	 def;
	struct buf		 b;

	o = jdate_opts_or_default(o, &def);
	if (!jdate_time_valid(h, min))
		return NULL;
	buf_init(&b);
	jdate_add_time(&b, h, min, o);
	return jdate_finish(&b, o);
}

char *
jdate_time_range(int h1, int m1, int h2, int m2, const struct jdate_opts *o)
{
	struct jdate_opts	 def;
	struct buf		 b;

	o = jdate_opts_or_default(o, &def);
	if (!jdate_time_valid(h1, m1) || !jdate_time_valid(h2, m2))
		return NULL;
	buf_init(&b);
	jdate_add_time(&b, h1, m1, o);
	buf_puts(&b, "から");
	jdate_add_time(&b, h2, m2, o);
	buf_puts(&b, "まで");
	return jdate_finish(&b, o);
}

char *
jdate_format_en(int y, int m, int d)
{
	if (!jdate_valid(y, m, d))
		return NULL;
	return xasprintf("%s, %d %s %d", jdate_en_wdays[jdate_weekday(y, m, d)],
	    d, jdate_en_months[m - 1], y);
}

/*
 * "2:41 p.m.", "9:00 a.m." (minutes always shown, like the Japanese
 * default), "12 noon", "12 midnight"; 00:05 is "12:05 a.m." and 12:10
 * "12:10 p.m.".
 */
char *
jdate_time_en(int h, int min)
{
	if (!jdate_time_valid(h, min))
		return NULL;
	if (min == 0 && h == 0)
		return xstrdup("12 midnight");
	if (min == 0 && h == 12)
		return xstrdup("12 noon");
	return xasprintf("%d:%02d %s", h % 12 == 0 ? 12 : h % 12, min,
	    h < 12 ? "a.m." : "p.m.");
}

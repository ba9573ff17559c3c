/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for core/jdate.c: the calendar arithmetic, every era
 * boundary of JIS X 0301 and the day before it, 元年, weekdays, the digit
 * styles, 午前/午後 around noon and midnight, time ranges, fiscal years,
 * and the English forms.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "jdate.h"
#include "tap.h"

/* Compare an allocated result with want and free it. */
static void
check_str(char *got, const char *want, const char *what)
{
	is_str(got, want, "%s", what);
	free(got);
}

static void
test_days(void)
{
	/* long jdate_days(int y, int m, int d); */
	/* void jdate_ymd(long days, int *y, int *m, int *d); */
	{
		is_int(jdate_days(1970, 1, 1), 0, "days: epoch");
		is_int(jdate_days(1969, 12, 31), -1, "days: day before the epoch");
		is_int(jdate_days(2000, 3, 1), 11017, "days: 2000-03-01");
		is_int(jdate_days(2022, 6, 27), 19170, "days: 2022-06-27");
		is_int(jdate_days(1873, 1, 1), -35428, "days: 1873-01-01");
	}
	{
		long	 n;
		int	 y, m, d, good = 1;

		/* Round trip over 1600-01-01 .. 2400-12-31. */
		for (n = jdate_days(1600, 1, 1); n <= jdate_days(2400, 12, 31); n++) {
			jdate_ymd(n, &y, &m, &d);
			if (jdate_days(y, m, d) != n)
				good = 0;
		}
		ok(good, "days: jdate_ymd inverts jdate_days 1600-2400");
		jdate_ymd(jdate_days(2024, 2, 29), &y, &m, &d);
		ok(y == 2024 && m == 2 && d == 29, "ymd: leap day 2024-02-29");
		jdate_ymd(-1, &y, &m, &d);
		ok(y == 1969 && m == 12 && d == 31, "ymd: day -1");
	}
}

static void
test_weekday(void)
{
	/* int jdate_weekday(int y, int m, int d); */
	{
		is_int(jdate_weekday(1970, 1, 1), 4, "weekday: 1970-01-01 Thursday");
		is_int(jdate_weekday(2022, 6, 27), 1, "weekday: 2022-06-27 月");
		is_int(jdate_weekday(2022, 11, 17), 4, "weekday: 2022-11-17 木");
		is_int(jdate_weekday(2020, 12, 15), 2, "weekday: 2020-12-15 火");
		is_int(jdate_weekday(2019, 5, 1), 3, "weekday: 2019-05-01 水");
		is_int(jdate_weekday(1873, 1, 1), 3, "weekday: 1873-01-01 水");
		is_int(jdate_weekday(1600, 1, 1), 6, "weekday: 1600-01-01 土");
		is_int(jdate_weekday(2023, 2, 29), -1, "weekday: no such day");
	}
}

static void
test_parse(void)
{
	/* int jdate_parse(const char *s, int *y, int *m, int *d); */
	{
		int	 y = 0, m = 0, d = 0;

		is_int(jdate_parse(NULL, &y, &m, &d), -1, "parse: NULL");
		is_int(jdate_parse("", &y, &m, &d), -1, "parse: empty");
		is_int(jdate_parse("2022-06-27", &y, &m, &d), 0, "parse: 2022-06-27");
		ok(y == 2022 && m == 6 && d == 27, "parse: fields");
		is_int(jdate_parse("2024-02-29", &y, &m, &d), 0, "parse: leap day");
		is_int(jdate_parse("2000-02-29", &y, &m, &d), 0, "parse: 2000 is leap");
	}
	{
		int	 y = 1, m = 2, d = 3;

		is_int(jdate_parse("2023-02-29", &y, &m, &d), -1, "parse: 2023-02-29");
		is_int(jdate_parse("1900-02-29", &y, &m, &d), -1, "parse: 1900 not leap");
		is_int(jdate_parse("2022-13-01", &y, &m, &d), -1, "parse: month 13");
		is_int(jdate_parse("2022-00-10", &y, &m, &d), -1, "parse: month 0");
		is_int(jdate_parse("2022-04-31", &y, &m, &d), -1, "parse: April 31");
		is_int(jdate_parse("2022-04-00", &y, &m, &d), -1, "parse: day 0");
		is_int(jdate_parse("2022-6-1", &y, &m, &d), -1, "parse: 2022-6-1");
		is_int(jdate_parse("2022-06-27 ", &y, &m, &d), -1, "parse: trailing space");
		is_int(jdate_parse("2022/06/27", &y, &m, &d), -1, "parse: slashes");
		is_int(jdate_parse("２０２２-06-27", &y, &m, &d), -1, "parse: full-width");
		is_int(jdate_parse("+022-06-27", &y, &m, &d), -1, "parse: sign");
		ok(y == 1 && m == 2 && d == 3, "parse: outputs untouched on error");
	}
}

static void
test_era(void)
{
	/* int jdate_era(int y, int m, int d, const char **era, int *eyear); */
	static const struct {
		int		 y, m, d;
		const char	*era;
		int		 eyear;
	} t[] = {
		{ 1872, 12, 31, NULL, 0 },
		{ 1873, 1, 1, "明治", 6 },
		{ 1912, 7, 29, "明治", 45 },
		{ 1912, 7, 30, "大正", 1 },
		{ 1926, 12, 24, "大正", 15 },
		{ 1926, 12, 25, "昭和", 1 },
		{ 1989, 1, 7, "昭和", 64 },
		{ 1989, 1, 8, "平成", 1 },
		{ 2019, 4, 30, "平成", 31 },
		{ 2019, 5, 1, "令和", 1 },
		{ 2022, 6, 27, "令和", 4 },
	};
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char	*era = NULL;
		int		 eyear = 0, r;

		r = jdate_era(t[i].y, t[i].m, t[i].d, &era, &eyear);
		if (t[i].era == NULL) {
			is_int(r, -1, "era %04d-%02d-%02d: outside the table",
			    t[i].y, t[i].m, t[i].d);
			continue;
		}
		ok(r == 0 && era != NULL && strcmp(era, t[i].era) == 0 &&
		    eyear == t[i].eyear, "era %04d-%02d-%02d: %s %d", t[i].y,
		    t[i].m, t[i].d, t[i].era, t[i].eyear);
	}
	{
		const char	*era;
		int		 eyear;

		is_int(jdate_era(2023, 2, 29, &era, &eyear), -1, "era: no such day");
		is_int(jdate_era(1, 1, 1, &era, &eyear), -1, "era: year 1");
	}
}

static void
test_format(void)
{
	/* char *jdate_format(int y, int m, int d, const struct jdate_opts *); */
	struct jdate_opts	 o;

	jdate_opts_default(&o);
	{
		ok(o.digits == JDIGITS_HALF && o.gannen == 1 && o.full_parens == 0 &&
		    o.noon == JNOON_AM12 && o.zero_minutes == 1 && o.pad_minutes == 1,
		    "opts_default");
	}
	{
		ok(jdate_format(1872, 12, 31, &o) == NULL, "format 1872-12-31: NULL");
		check_str(jdate_format(1873, 1, 1, &o), "明治6年1月1日", "format 1873-01-01");
		check_str(jdate_format(1912, 7, 29, &o), "明治45年7月29日", "format 1912-07-29");
		check_str(jdate_format(1912, 7, 30, &o), "大正元年7月30日", "format 1912-07-30");
		check_str(jdate_format(1926, 12, 24, &o), "大正15年12月24日", "format 1926-12-24");
		check_str(jdate_format(1926, 12, 25, &o), "昭和元年12月25日", "format 1926-12-25");
		check_str(jdate_format(1989, 1, 7, &o), "昭和64年1月7日", "format 1989-01-07");
		check_str(jdate_format(1989, 1, 8, &o), "平成元年1月8日", "format 1989-01-08");
		check_str(jdate_format(2019, 4, 30, &o), "平成31年4月30日", "format 2019-04-30");
		check_str(jdate_format(2019, 5, 1, &o), "令和元年5月1日", "format 2019-05-01");
		check_str(jdate_format(2020, 1, 1, &o), "令和2年1月1日", "format 2020-01-01");
		check_str(jdate_format(2022, 6, 27, &o), "令和4年6月27日", "format 2022-06-27");
		check_str(jdate_format(2022, 6, 27, NULL), "令和4年6月27日", "format: NULL opts");
	}
	{
		ok(jdate_format(2023, 2, 29, &o) == NULL, "format 2023-02-29: NULL");
		ok(jdate_format(2022, 13, 1, &o) == NULL, "format 2022-13-01: NULL");
		ok(jdate_format(2022, 6, 0, &o) == NULL, "format 2022-06-00: NULL");
	}
	{
		o.gannen = 0;
		check_str(jdate_format(2019, 5, 1, &o), "令和1年5月1日", "format: gannen off");
		check_str(jdate_format(1989, 1, 8, &o), "平成1年1月8日", "format: gannen off, 平成");
		o.digits = JDIGITS_FULL;
		check_str(jdate_format(2019, 5, 1, &o), "令和１年５月１日", "format: gannen off, full");
		o.gannen = 1;
		check_str(jdate_format(2019, 5, 1, &o), "令和元年５月１日", "format: 元年, full");
	}
	{
		jdate_opts_default(&o);
		o.digits = JDIGITS_FULL;
		check_str(jdate_format(2022, 6, 27, &o), "令和４年６月２７日", "format: full");
		o.digits = JDIGITS_MIXED;
		check_str(jdate_format(2022, 6, 27, &o), "令和４年６月27日", "format: mixed");
		check_str(jdate_format(2022, 11, 7, &o), "令和４年11月７日", "format: mixed 11/7");
		check_str(jdate_format(2030, 10, 10, &o), "令和12年10月10日", "format: mixed 2 digits");
	}
}

static void
test_format_wday(void)
{
	/* char *jdate_format_wday(int y, int m, int d, const struct jdate_opts *); */
	struct jdate_opts	 o;

	jdate_opts_default(&o);
	{
		ok(jdate_format_wday(1872, 12, 31, &o) == NULL, "wday 1872: NULL");
		ok(jdate_format_wday(2022, 2, 30, &o) == NULL, "wday 2022-02-30: NULL");
	}
	{
		check_str(jdate_format_wday(2022, 6, 27, &o), "令和4年6月27日(月)", "wday 2022-06-27");
		check_str(jdate_format_wday(2022, 11, 17, &o), "令和4年11月17日(木)", "wday 2022-11-17");
		check_str(jdate_format_wday(2020, 12, 15, &o), "令和2年12月15日(火)", "wday 2020-12-15");
		check_str(jdate_format_wday(2022, 6, 26, &o), "令和4年6月26日(日)", "wday Sunday");
		check_str(jdate_format_wday(2022, 7, 2, &o), "令和4年7月2日(土)", "wday Saturday");
	}
	{
		o.digits = JDIGITS_FULL;
		o.full_parens = 1;
		check_str(jdate_format_wday(2022, 6, 27, &o), "令和４年６月２７日（月）",
		    "wday: full digits and parens");
		o.digits = JDIGITS_HALF;
		check_str(jdate_format_wday(2022, 11, 17, &o), "令和4年11月17日（木）",
		    "wday: half digits, full parens");
		o.digits = JDIGITS_MIXED;
		check_str(jdate_format_wday(2022, 6, 27, &o), "令和４年６月27日（月）",
		    "wday: mixed digits");
	}
}

static void
test_fiscal_year(void)
{
	/* char *jdate_fiscal_year(int y, int m, int d, const struct jdate_opts *); */
	struct jdate_opts	 o;

	jdate_opts_default(&o);
	{
		ok(jdate_fiscal_year(1872, 12, 31, &o) == NULL, "fiscal 1872: NULL");
		ok(jdate_fiscal_year(2023, 2, 29, &o) == NULL, "fiscal 2023-02-29: NULL");
	}
	{
		check_str(jdate_fiscal_year(2022, 6, 27, &o), "令和4年", "fiscal 2022-06-27");
		check_str(jdate_fiscal_year(2023, 2, 1, &o), "令和4年", "fiscal 2023-02-01");
		check_str(jdate_fiscal_year(2023, 3, 31, &o), "令和4年", "fiscal 2023-03-31");
		check_str(jdate_fiscal_year(2023, 4, 1, &o), "令和5年", "fiscal 2023-04-01");
		check_str(jdate_fiscal_year(2019, 4, 10, &o), "平成31年", "fiscal 2019-04-10");
		check_str(jdate_fiscal_year(2019, 6, 1, &o), "令和元年", "fiscal 2019-06-01");
		check_str(jdate_fiscal_year(2020, 3, 31, &o), "令和元年", "fiscal 2020-03-31");
		check_str(jdate_fiscal_year(2020, 4, 1, &o), "令和2年", "fiscal 2020-04-01");
		check_str(jdate_fiscal_year(2019, 3, 31, &o), "平成30年", "fiscal 2019-03-31");
		check_str(jdate_fiscal_year(1989, 1, 10, &o), "昭和63年",
		    "fiscal 1989-01-10: 平成 began after the year did");
		check_str(jdate_fiscal_year(1989, 4, 1, &o), "平成元年", "fiscal 1989-04-01");
	}
	{
		o.digits = JDIGITS_FULL;
		check_str(jdate_fiscal_year(2022, 6, 27, &o), "令和４年", "fiscal: full");
		o.gannen = 0;
		check_str(jdate_fiscal_year(2019, 6, 1, &o), "令和１年", "fiscal: gannen off");
	}
}

static void
test_time(void)
{
	/* char *jdate_time(int h, int min, const struct jdate_opts *); */
	struct jdate_opts	 o;

	jdate_opts_default(&o);
	{
		ok(jdate_time(24, 0, &o) == NULL, "time 24:00: NULL");
		ok(jdate_time(-1, 0, &o) == NULL, "time -1:00: NULL");
		ok(jdate_time(10, 60, &o) == NULL, "time 10:60: NULL");
	}
	{
		check_str(jdate_time(0, 0, &o), "午前0時00分", "time 00:00");
		check_str(jdate_time(0, 5, &o), "午前0時05分", "time 00:05");
		check_str(jdate_time(9, 30, &o), "午前9時30分", "time 09:30");
		check_str(jdate_time(11, 59, &o), "午前11時59分", "time 11:59");
		check_str(jdate_time(12, 0, &o), "午前12時00分", "time 12:00 (AM12)");
		check_str(jdate_time(12, 10, &o), "午後0時10分", "time 12:10");
		check_str(jdate_time(13, 0, &o), "午後1時00分", "time 13:00");
		check_str(jdate_time(14, 41, &o), "午後2時41分", "time 14:41");
		check_str(jdate_time(23, 59, &o), "午後11時59分", "time 23:59");
		check_str(jdate_time(14, 41, NULL), "午後2時41分", "time: NULL opts");
	}
	{
		o.noon = JNOON_SHOGO;
		check_str(jdate_time(12, 0, &o), "正午", "time 12:00 (正午)");
		check_str(jdate_time(12, 10, &o), "午後0時10分", "time 12:10 (正午 option)");
		o.noon = JNOON_PM0;
		check_str(jdate_time(12, 0, &o), "午後0時00分", "time 12:00 (PM0)");
		o.noon = JNOON_AM12;
		check_str(jdate_time(12, 10, &o), "午後0時10分", "time 12:10 (AM12 option)");
	}
	{
		o.zero_minutes = 0;
		check_str(jdate_time(14, 0, &o), "午後2時", "time 14:00, no 00分");
		check_str(jdate_time(0, 0, &o), "午前0時", "time 00:00, no 00分");
		check_str(jdate_time(12, 0, &o), "午前12時", "time 12:00 AM12, no 00分");
		o.noon = JNOON_PM0;
		check_str(jdate_time(12, 0, &o), "午後0時", "time 12:00 PM0, no 00分");
		check_str(jdate_time(14, 5, &o), "午後2時05分", "time 14:05 padded");
		o.pad_minutes = 0;
		check_str(jdate_time(14, 5, &o), "午後2時5分", "time 14:05 not padded");
		o.zero_minutes = 1;
		check_str(jdate_time(14, 0, &o), "午後2時0分", "time 14:00, 0分 not padded");
	}
	{
		jdate_opts_default(&o);
		o.digits = JDIGITS_FULL;
		check_str(jdate_time(14, 41, &o), "午後２時４１分", "time: full digits");
		o.zero_minutes = 0;
		check_str(jdate_time(14, 0, &o), "午後２時", "time: full digits, no 00分");
		o.digits = JDIGITS_MIXED;
		o.zero_minutes = 1;
		check_str(jdate_time(14, 41, &o), "午後２時41分", "time: mixed digits");
		check_str(jdate_time(22, 5, &o), "午後10時05分", "time: mixed, padded 05");
		o.pad_minutes = 0;
		check_str(jdate_time(22, 5, &o), "午後10時５分", "time: mixed, 5分");
	}
}

static void
test_time_range(void)
{
	/* char *jdate_time_range(int h1, int m1, int h2, int m2, const struct jdate_opts *); */
	struct jdate_opts	 o;

	jdate_opts_default(&o);
	{
		ok(jdate_time_range(14, 0, 24, 0, &o) == NULL, "range: end 24:00 NULL");
		ok(jdate_time_range(14, 60, 15, 0, &o) == NULL, "range: bad start NULL");
	}
	{
		check_str(jdate_time_range(14, 0, 17, 30, &o),
		    "午後2時00分から午後5時30分まで", "range 14:00-17:30");
		check_str(jdate_time_range(10, 0, 12, 0, &o),
		    "午前10時00分から午前12時00分まで", "range to noon (AM12)");
		o.zero_minutes = 0;
		check_str(jdate_time_range(14, 0, 17, 30, &o),
		    "午後2時から午後5時30分まで", "range, no 00分");
		o.noon = JNOON_SHOGO;
		check_str(jdate_time_range(10, 0, 12, 0, &o),
		    "午前10時から正午まで", "range to 正午");
		o.digits = JDIGITS_FULL;
		check_str(jdate_time_range(14, 0, 17, 30, &o),
		    "午後２時から午後５時３０分まで", "range, full digits");
	}
}

static void
test_digits(void)
{
	/* char *jdate_num(long n, const struct jdate_opts *); */
	/* char *jdate_digits(const char *s, enum jdigits); */
	struct jdate_opts	 o;

	jdate_opts_default(&o);
	{
		check_str(jdate_num(15, &o), "15", "num 15 half");
		check_str(jdate_num(0, &o), "0", "num 0 half");
		check_str(jdate_num(-3, &o), "-3", "num -3 half");
		o.digits = JDIGITS_FULL;
		check_str(jdate_num(15, &o), "１５", "num 15 full");
		check_str(jdate_num(-3, &o), "－３", "num -3 full");
		o.digits = JDIGITS_MIXED;
		check_str(jdate_num(7, &o), "７", "num 7 mixed");
		check_str(jdate_num(15, &o), "15", "num 15 mixed");
		check_str(jdate_num(2022, NULL), "2022", "num: NULL opts");
	}
	{
		ok(jdate_digits(NULL, JDIGITS_FULL) == NULL, "digits: NULL");
		check_str(jdate_digits("", JDIGITS_FULL), "", "digits: empty");
		check_str(jdate_digits("第1回 12月", JDIGITS_HALF), "第1回 12月", "digits: half");
		check_str(jdate_digits("第1回 12月", JDIGITS_FULL), "第１回 １２月", "digits: full");
		check_str(jdate_digits("第1回 12月", JDIGITS_MIXED), "第１回 12月", "digits: mixed");
		check_str(jdate_digits("1", JDIGITS_MIXED), "１", "digits: mixed, one digit only");
		check_str(jdate_digits("第１回", JDIGITS_HALF), "第１回",
		    "digits: full-width input left alone");
	}
}

static void
test_english(void)
{
	/* char *jdate_format_en(int y, int m, int d); */
	/* char *jdate_time_en(int h, int min); */
	{
		ok(jdate_format_en(2023, 2, 29) == NULL, "en: 2023-02-29 NULL");
		check_str(jdate_format_en(2022, 6, 27), "Monday, 27 June 2022", "en 2022-06-27");
		check_str(jdate_format_en(2022, 11, 17), "Thursday, 17 November 2022", "en 2022-11-17");
		check_str(jdate_format_en(2020, 12, 15), "Tuesday, 15 December 2020", "en 2020-12-15");
		check_str(jdate_format_en(1850, 1, 1), "Tuesday, 1 January 1850", "en before 1873");
	}
	{
		ok(jdate_time_en(24, 0) == NULL, "en time 24:00 NULL");
		check_str(jdate_time_en(14, 41), "2:41 p.m.", "en 14:41");
		check_str(jdate_time_en(9, 0), "9:00 a.m.", "en 09:00");
		check_str(jdate_time_en(12, 0), "12 noon", "en noon");
		check_str(jdate_time_en(0, 0), "12 midnight", "en midnight");
		check_str(jdate_time_en(12, 10), "12:10 p.m.", "en 12:10");
		check_str(jdate_time_en(0, 5), "12:05 a.m.", "en 00:05");
		check_str(jdate_time_en(23, 59), "11:59 p.m.", "en 23:59");
	}
}

int
main(void)
{
	test_days();
	test_weekday();
	test_parse();
	test_era();
	test_format();
	test_format_wday();
	test_fiscal_year();
	test_time();
	test_time_range();
	test_digits();
	test_english();
	return done_testing();
}

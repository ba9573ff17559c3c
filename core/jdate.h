/* SPDX-License-Identifier: ISC */
/*
 * Japanese dates and times for minutes: era (元号) years after JIS X 0301
 * (明治 from 1873-01-01 in the Gregorian calendar, 大正 1912-07-30, 昭和
 * 1926-12-25, 平成 1989-01-08, 令和 2019-05-01; a shared day belongs to the
 * new era), 元年, the weekday, 午前/午後 with the noon convention, the
 * fiscal year (年度, from 1 April), and digit widths. Pure functions of their
 * arguments; nothing here reads the clock or the locale.
 */
#ifndef GIJI_JDATE_H
#define GIJI_JDATE_H

enum jdigits {
	JDIGITS_HALF,		/* 令和4年6月27日 */
	JDIGITS_FULL,		/* 令和４年６月２７日 */
	JDIGITS_MIXED		/* one-digit numbers full-width: 令和４年6月27日 → 令和４年６月27日 */
};

enum jnoon {
	JNOON_AM12,		/* 午前12時 (明治5年布告; the default seen in minutes) */
	JNOON_SHOGO,		/* 正午 */
	JNOON_PM0		/* 午後0時 */
};

struct jdate_opts {
	enum jdigits	 digits;
	int		 gannen;	/* 1: 元年 for year 1 (default); 0: 1年 */
	int		 full_parens;	/* weekday as （月） (1) or (月) (0) */
	enum jnoon	 noon;
	int		 zero_minutes;	/* 1: 午後2時00分; 0: 午後2時 */
	int		 pad_minutes;	/* 1: 午後2時05分; 0: 午後2時5分 */
};

/*
 * Defaults: half digits, 元年, half parens (to go with half digits; set
 * full_parens with JDIGITS_FULL), 午前12時, 00分 printed, minutes padded.
 * The functions below take NULL opts to mean these defaults.
 */
void	 jdate_opts_default(struct jdate_opts *);

/* Days since 1970-01-01 for y-m-d (proleptic Gregorian), and back. */
long	 jdate_days(int y, int m, int d);
/* The days in month m (1-12) of year y of the proleptic Gregorian calendar. */
int	 jdate_mdays(int y, int m);
void	 jdate_ymd(long days, int *y, int *m, int *d);
int	 jdate_weekday(int y, int m, int d);	/* 0 = Sunday; -1 if no such day */
/* Parse "YYYY-MM-DD"; returns 0, or -1 when malformed or not a real day. */
int	 jdate_parse(const char *s, int *y, int *m, int *d);

/*
 * Era of a Gregorian date: stores the era name (明治 … 令和) and the era
 * year. Returns -1 for dates before 1873-01-01 (outside the standard).
 */
int	 jdate_era(int y, int m, int d, const char **era, int *eyear);

/* 令和4年6月27日 (no weekday); NULL before 1873. Caller frees. */
char	*jdate_format(int y, int m, int d, const struct jdate_opts *);
/* 令和4年6月27日（月） or (月); NULL before 1873. */
char	*jdate_format_wday(int y, int m, int d, const struct jdate_opts *);
/*
 * 令和4年 / 令和元年 alone (for 年度 names): the fiscal year (from 1 April)
 * holding the date, named by the era in force on the date (2023-02-01 →
 * 令和4年, 2019-04-10 → 平成31年), or on 1 April when that era began later.
 */
char	*jdate_fiscal_year(int y, int m, int d, const struct jdate_opts *);
/*
 * 午後2時41分, 午前12時, 正午 … for hh:mm (0-23, 0-59; else NULL). The noon
 * option covers 12:00 only: 12:mm is 午後0時mm分 under every option.
 */
char	*jdate_time(int h, int min, const struct jdate_opts *);
/* A range: 午後2時から午後5時30分まで. */
char	*jdate_time_range(int h1, int m1, int h2, int m2, const struct jdate_opts *);
/* Digits of an integer in the chosen width: 15 → "15" or "１５". */
char	*jdate_num(long n, const struct jdate_opts *);
/* Apply the digit option to every ASCII digit run of s. */
char	*jdate_digits(const char *s, enum jdigits);

/* English forms: "Monday, 27 June 2022", "2:41 p.m.". */
char	*jdate_format_en(int y, int m, int d);
char	*jdate_time_en(int h, int min);

#endif

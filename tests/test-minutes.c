/* SPDX-License-Identifier: ISC */
/*
 * Unit tests of the minutes compiler: duration rounding, label alignment
 * by display width (CJK = 2 columns), letter-spacing, option parsing, and the
 * vote and decision formulas of each style on small meetings built in a
 * temporary file.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fold.h"
#include "import.h"
#include "json.h"
#include "log.h"
#include "minutes.h"
#include "tap.h"
#include "utf8.h"
#include "xmalloc.h"

static char	 dir[] = "/tmp/giji-test-minutes.XXXXXX";
static int	 nfile;

/* A meeting folded from JSONL lines (NULL-terminated). */
static struct meeting *
meeting_from(const char *const *lines)
{
	struct log	*log;
	struct meeting	*m;
	char		*path, *cause = NULL, *tz = NULL;

	path = xasprintf("%s/m%d.giji", dir, nfile++);
	if ((log = log_open(path, LOG_CREATE, &cause)) == NULL) {
		printf("# %s\n", cause);
		exit(1);
	}
	for (; *lines != NULL; lines++) {
		if (import_line(log, *lines, strlen(*lines), &tz, &cause) != 0) {
			printf("# %s: %s\n", *lines, cause);
			exit(1);
		}
	}
	m = meeting_fold(log, &cause);
	log_close(&log);
	unlink(path);
	free(path);
	free(tz);
	return m;
}

static char *
compile(const struct meeting *m, const char *style, int labels, int lang)
{
	struct minutes_opts	 o;
	char			*cause = NULL, *s;
	size_t			 len;

	minutes_opts_default(&o);
	o.style = style;
	o.labels = labels;
	o.lang = lang;
	s = minutes_compile(m, &o, &len, &cause);
	if (s == NULL) {
		printf("# %s\n", cause);
		free(cause);
		return xstrdup("");
	}
	return s;
}

#define has(doc, want, ...) do {					\
	if (!ok(strstr((doc), (want)) != NULL, __VA_ARGS__))		\
		printf("#   missing \"%s\"\n", (want));			\
} while (0)

static const char *const common[] = {
	"{\"type\":\"meta.set\",\"ts\":\"2022-06-27T13:00:00+09:00\",\"data\":"
	    "{\"title\":\"テスト審議会\",\"body\":\"テスト審議会\","
	    "\"date\":\"2022-06-27\",\"seats\":18}}",
	"{\"type\":\"member.add\",\"data\":{\"id\":\"c\",\"name\":\"甲\","
	    "\"role\":\"会長\",\"kind\":\"chair\"}}",
	"{\"type\":\"member.add\",\"data\":{\"id\":\"m\",\"name\":\"乙\","
	    "\"role\":\"委員\"}}",
	"{\"type\":\"agenda.add\",\"data\":{\"id\":\"a\",\"title\":\"案件\","
	    "\"kind\":\"consultation\",\"label\":\"諮問第1号\","
	    "\"dept\":\"総務部総務課\",\"dept_short\":\"総務課\"}}",
	"{\"type\":\"agenda.open\",\"ts\":\"2022-06-27T14:00:00+09:00\","
	    "\"data\":{\"item\":\"a\"}}",
	NULL
};

static struct meeting *
voted(const char *method, const char *tally, const char *outcome)
{
	const char	*lines[16];
	char		*call, *t, *d, *r;
	size_t		 n = 0;
	struct meeting	*m;

	while (common[n] != NULL) {
		lines[n] = common[n];
		n++;
	}
	call = xasprintf("{\"type\":\"vote.call\",\"data\":{\"id\":\"v\","
	    "\"item\":\"a\",\"method\":\"%s\"}}", method);
	t = xasprintf("{\"type\":\"vote.tally\",\"data\":{\"vote\":\"v\",%s}}",
	    tally);
	d = xasprintf("{\"type\":\"decision\",\"data\":{\"item\":\"a\","
	    "\"outcome\":\"%s\",\"vote\":\"v\"}}", outcome);
	r = xasprintf("{\"type\":\"vote.result\",\"data\":{\"vote\":\"v\","
	    "\"outcome\":\"%s\"}}", strcmp(outcome, "rejected") == 0 ?
	    "failed" : "carried");
	lines[n++] = call;
	lines[n++] = t;
	lines[n++] = r;
	lines[n++] = d;
	lines[n] = NULL;
	m = meeting_from(lines);
	free(call);
	free(t);
	free(r);
	free(d);
	return m;
}

/*
 * Verbatim labels are padded to the widest by display width (a CJK
 * character is two columns), so every speech's text starts in one column:
 * labels of 4, 8, 3 and (after a bidi override is cleaned out) 4 columns;
 * the chair speaks between, so that each staff speech starts a turn.
 */
static void
aligned_labels(void)
{
	static const char *const lines[] = {
		"{\"type\":\"member.add\",\"data\":{\"id\":\"c\","
		    "\"name\":\"甲\",\"role\":\"会長\",\"kind\":\"chair\"}}",
		"{\"type\":\"member.add\",\"data\":{\"id\":\"s\","
		    "\"name\":\"丙\",\"role\":\"課長\",\"kind\":\"staff\"}}",
		"{\"type\":\"meeting.open\",\"data\":{}}",
		"{\"type\":\"speech\",\"data\":{\"speaker\":\"c\","
		    "\"text\":\"発言一\"}}",
		"{\"type\":\"speech\",\"data\":{\"speaker\":\"s\","
		    "\"label\":\"事務局長\",\"text\":\"発言二\"}}",
		"{\"type\":\"speech\",\"data\":{\"speaker\":\"c\","
		    "\"text\":\"次へ\"}}",
		"{\"type\":\"speech\",\"data\":{\"speaker\":\"s\","
		    "\"label\":\"A委\",\"text\":\"発言三\"}}",
		"{\"type\":\"speech\",\"data\":{\"speaker\":\"c\","
		    "\"text\":\"次へ\"}}",
		"{\"type\":\"speech\",\"data\":{\"speaker\":\"s\","
		    "\"label\":\"区\u202e側\",\"text\":\"発言四\"}}",
		NULL
	};
	static const char *const texts[] = { "発言一", "発言二", "発言三",
	    "発言四" };
	struct meeting	*m = meeting_from(lines);
	char		*doc = compile(m, "verbatim", MINUTES_LABELS_ROLE,
			    MINUTES_JA), *line, *at;
	size_t		 i, col[4] = { 0, 0, 0, 0 };

	for (i = 0; i < 4; i++) {
		if ((at = strstr(doc, texts[i])) == NULL)
			continue;
		for (line = at; line > doc && line[-1] != '\n'; line--)
			;
		line = xstrndup(line, (size_t)(at - line));
		col[i] = utf8_width(line);
		if (i == 3)
			ok(strstr(line, "\xe2\x80\xae") == NULL,
			    "align: the override is not printed");
		free(line);
	}
	/* 事務局長 is 8 columns, then the two-space gap. */
	is_int(col[0], 10, "align: 会長 padded to 8 columns + gap");
	is_int(col[1], 10, "align: the widest label (事務局長)");
	is_int(col[2], 10, "align: A委 (3 columns) padded");
	is_int(col[3], 10, "align: a label cleaned of an override (4 columns)");
	has(doc, "会長      発言一", "align: spaces after the label");
	free(doc);
	meeting_free(&m);
}

int
main(void)
{
	struct meeting	*m;
	char		*s, *cause = NULL;
	int		 v;

	if (tap_tmpdir(dir) == NULL)
		return 1;

	/* long minutes_round(int64_t us) */
	is_int(minutes_round(-1), 0, "round: negative is 0");
	is_int(minutes_round(0), 1, "round: zero is at least 1");
	is_int(minutes_round(29999999), 1, "round: 29.9 s is 1");
	is_int(minutes_round(89000000), 1, "round: 1 min 29 s is 1");
	is_int(minutes_round(90000000), 2, "round: 1 min 30 s is 2 (half up)");
	is_int(minutes_round(412000000), 7, "round: 6 min 52 s is 7");

	aligned_labels();

	/* char *minutes_letterspace(const char *label) */
	s = minutes_letterspace("日時");
	is_str(s, "日 時", "letterspace: two kanji");
	free(s);
	s = minutes_letterspace("出席委員");
	is_str(s, "出席委員", "letterspace: four kanji unchanged");
	free(s);
	s = minutes_letterspace(NULL);
	is_str(s, "", "letterspace: NULL");
	free(s);

	ok(minutes_parse_labels(NULL, &v, &cause) == -1, "parse: NULL label");
	free(cause);
	cause = NULL;
	ok(minutes_format_find("html") != NULL &&
	    minutes_format_find("nope") == NULL, "formats: table lookup");

	/* Counted show of hands, 15 for and 2 against. */
	m = voted("hands", "\"for\":15,\"against\":2", "approved");
	/*
	 * char *minutes_compile(…): a style that cannot be found is refused
	 * (of a meeting: m was read before it was set).
	 */
	{
		struct minutes_opts	 o;
		size_t			 len;

		minutes_opts_default(&o);
		o.style = "no-such-style";
		ok(minutes_compile(m, &o, &len, &cause) == NULL &&
		    cause != NULL && strstr(cause, "no-such-style") != NULL,
		    "compile: an unknown style is named in the cause");
		free(cause);
		cause = NULL;
	}
	s = compile(m, "verbatim", MINUTES_LABELS_ROLE, MINUTES_JA);
	has(s, "（賛成１５名、反対２名）",
	    "verbatim role: the tally in full-width digits");
	has(s, "（本件諮問は承認）", "verbatim role: the decision, a "
	    "procedural line");
	free(s);
	s = compile(m, "summary", MINUTES_UNSET, MINUTES_JA);
	has(s, "・・・賛成15名、反対2名・・・", "summary: counted tally");
	has(s, "※ 総務課から諮問のあった諮問第1号「案件」について、承認する"
	    "ことが決定された。", "summary: decision formula");
	free(s);
	s = compile(m, "summary", MINUTES_UNSET, MINUTES_EN);
	has(s, "Carried: 15 for, 2 against.", "English: carried with counts");
	free(s);
	s = compile(m, "qa", MINUTES_UNSET, MINUTES_JA);
	has(s, "諮問第1号「案件」について、諮問どおり行うことを「可」とする。",
	    "qa: decision formula");
	free(s);
	meeting_free(&m);

	/* A decision of outcome "other" without its text: no formula. */
	m = voted("hands", "\"for\":15,\"against\":2", "other");
	{
		static const char *const styles[] = { "verbatim",
		    "summary", "qa", "written" };
		size_t	 k;

		for (k = 0; k < 4; k++) {
			s = compile(m, styles[k], MINUTES_UNSET, MINUTES_JA);
			ok(strstr(s, "承認") == NULL && strstr(s, "同意する") ==
			    NULL && strstr(s, "「可」") == NULL,
			    "outcome other: no approval formula (style %s)",
			    styles[k]);
			free(s);
		}
	}
	meeting_free(&m);

	/* All in favour. */
	m = voted("hands", "\"unanimous\":true", "consented");
	s = compile(m, "summary", MINUTES_UNSET, MINUTES_JA);
	has(s, "・・・挙手全員・・・", "summary: all hands");
	has(s, "同意することが決定された。", "summary: consent");
	free(s);
	s = compile(m, "verbatim", MINUTES_LABELS_ROLE, MINUTES_JA);
	has(s, "（本件諮問は同意）", "verbatim role: unanimous decision");
	free(s);
	meeting_free(&m);

	/* No objection. */
	m = voted("consent", "\"against\":0", "approved");
	s = compile(m, "verbatim", MINUTES_LABELS_NAME_ROLE, MINUTES_JA);
	has(s, "（本件は承認）", "verbatim named: the decision by consent, a "
	    "procedural line");
	free(s);
	s = compile(m, "summary", MINUTES_UNSET, MINUTES_JA);
	has(s, "・・・異議なし・・・", "summary: no objection");
	free(s);
	s = compile(m, "summary", MINUTES_UNSET, MINUTES_EN);
	has(s, "Carried without objection.", "English: consent");
	free(s);
	meeting_free(&m);

	/* Written consent of all 18 seats; then 17 of 18. */
	m = voted("written", "\"for\":18", "consented");
	s = compile(m, "written", MINUTES_UNSET, MINUTES_JA);
	has(s, "(結論) 全委員の18名から承認の意思表示があったため、案件(総務部"
	    "総務課)については同意するものとします。", "written: all members");
	free(s);
	meeting_free(&m);
	m = voted("written", "\"for\":17", "consented");
	s = compile(m, "written", MINUTES_UNSET, MINUTES_JA);
	has(s, "委員18名中17名から承認の意思表示があったため",
	    "written: not all members");
	free(s);
	meeting_free(&m);

	/* A rejection. */
	m = voted("hands", "\"for\":3,\"against\":14", "rejected");
	s = compile(m, "qa", MINUTES_UNSET, MINUTES_JA);
	has(s, "諮問どおり行うことを「否」とする。", "qa: refusal");
	free(s);
	s = compile(m, "summary", MINUTES_UNSET, MINUTES_JA);
	has(s, "同意しないことが決定された。", "summary: refusal");
	free(s);
	meeting_free(&m);

	/* char *minutes_compile(…): an unknown format is refused. */
	m = meeting_from(common);
	{
		struct minutes_opts	 o;
		size_t			 len;

		minutes_opts_default(&o);
		o.format = "nope";
		s = minutes_compile(m, &o, &len, &cause);
		ok(s == NULL && cause != NULL && strstr(cause, "nope") != NULL,
		    "compile: unknown format refused with a cause");
		free(cause);
	}
	meeting_free(&m);

	rmdir(dir);
	json_shutdown();
	return done_testing();
}

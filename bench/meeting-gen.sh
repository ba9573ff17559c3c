#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/meeting-gen.sh N: the JSONL of a generated verbatim meeting of
# about N events, for the benchmarks (bench/minutes.sh, bench/paper.sh):
# 20 members, 5 staff, an item every 2,000 events with a counted vote and
# a decision, speeches with start times, a recess every 10,000 events.
set -eu
awk -v n="${1:?usage: meeting-gen.sh N}" 'BEGIN {
	t = 1656295200	# 2022-06-27 11:00 JST
	printf "{\"type\":\"meta.set\",\"ts\":%s,\"data\":{\"title\":\"ベンチマーク審議会\",\"date\":\"2022-06-27\",\"style\":\"verbatim\",\"seats\":21}}\n", ts(t)
	for (i = 0; i < 20; i++)
		printf "{\"type\":\"member.add\",\"ts\":%s,\"data\":{\"id\":\"m%d\",\"name\":\"委員%d\",\"role\":\"委員\"%s}}\n", ts(t), i, i, i == 0 ? ",\"kind\":\"chair\"" : ""
	for (i = 0; i < 5; i++)
		printf "{\"type\":\"member.add\",\"ts\":%s,\"data\":{\"id\":\"s%d\",\"name\":\"職員%d\",\"role\":\"課長\",\"kind\":\"staff\",\"side\":\"implementing\"}}\n", ts(t), i, i
	printf "{\"type\":\"meeting.open\",\"ts\":%s,\"data\":{}}\n", ts(t)
	e = 27; item = 0
	while (e < n) {
		if (e % 2000 < 27 || item == 0) {
			if (item > 0) {
				printf "{\"type\":\"vote.call\",\"ts\":%s,\"data\":{\"id\":\"v%d\",\"item\":\"i%d\",\"method\":\"hands\"}}\n", ts(t), item, item
				printf "{\"type\":\"vote.tally\",\"ts\":%s,\"data\":{\"vote\":\"v%d\",\"for\":15,\"against\":3}}\n", ts(t), item
				printf "{\"type\":\"decision\",\"ts\":%s,\"data\":{\"item\":\"i%d\",\"outcome\":\"approved\",\"vote\":\"v%d\"}}\n", ts(t), item, item
				printf "{\"type\":\"agenda.close\",\"ts\":%s,\"data\":{\"item\":\"i%d\"}}\n", ts(t), item
				e += 4
			}
			item++
			printf "{\"type\":\"agenda.add\",\"ts\":%s,\"data\":{\"id\":\"i%d\",\"title\":\"諮問第%d号の審議\",\"kind\":\"consultation\",\"section\":\"諮問事項\"}}\n", ts(t), item, item
			printf "{\"type\":\"agenda.open\",\"ts\":%s,\"data\":{\"item\":\"i%d\"}}\n", ts(t), item
			e += 2
		}
		if (e % 10000 == 5000) {
			printf "{\"type\":\"recess\",\"ts\":%s,\"data\":{}}\n", ts(t)
			t += 600
			printf "{\"type\":\"resume\",\"ts\":%s,\"data\":{}}\n", ts(t)
			e += 2
		}
		sp = e % 3 == 0 ? "s" (e % 5) : "m" (e % 20)
		printf "{\"type\":\"speech\",\"ts\":%s,\"data\":{\"speaker\":\"%s\",\"started\":%s,\"text\":\"発言番号%dの本文です。個人情報の取扱いについて確認したいことがあります。\\n二段落目の文章です。\"}}\n", ts(t + 40), sp, ts(t + 5), e
		t += 45
		e++
	}
	printf "{\"type\":\"meeting.close\",\"ts\":%s,\"data\":{}}\n", ts(t)
}
function ts(s) { return "\"" strftime("%Y-%m-%dT%H:%M:%S+00:00", s, 1) "\"" }'

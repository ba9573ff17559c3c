#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/tui-gen.sh N FILE: make a meeting of about N events for the
# terminal benchmarks: a roster of 12, 20 agenda items opened and closed
# in turn, and speeches (30-120 characters of Japanese) between them,
# imported with giji import in one transaction.
set -e
n=${1:?usage: tui-gen.sh N FILE}
file=${2:?usage: tui-gen.sh N FILE}
: "${GIJI:=$(cd "$(dirname "$0")/.." && pwd)/giji}"
rm -f "$file" "$file-wal" "$file-shm"
"$GIJI" new "$file" >/dev/null
awk -v n="$n" '
function t(cs,   sec) {
	sec = int(cs / 100)
	return sprintf("2024-06-27T%02d:%02d:%02d.%06d+09:00", 14 + int(sec / 3600),
	    int(sec / 60) % 60, sec % 60, (cs % 100) * 10000)
}
BEGIN {
	split("佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田", nm, " ")
	ts = 0		# centiseconds after 2024-06-27 14:00 JST
	printf "{\"type\":\"meta.set\",\"ts\":\"%s\",\"data\":{\"title\":\"ベンチマーク用の会議\"}}\n", t(ts)
	for (i = 1; i <= 12; i++)
		printf "{\"type\":\"member.add\",\"ts\":\"%s\",\"data\":{\"id\":\"m%d\",\"name\":\"%s\",\"role\":\"委員\"}}\n", t(ts), i, nm[i]
	for (i = 1; i <= 20; i++)
		printf "{\"type\":\"agenda.add\",\"ts\":\"%s\",\"data\":{\"id\":\"i%d\",\"title\":\"議題その%d\"}}\n", t(ts), i, i
	per = int((n - 33) / 20); if (per < 1) per = 1
	s = "本日の議題について意見を申し上げます。予算の執行状況と今後の見通しについて、事務局の説明を踏まえて確認したい点がございます。"
	cw = length("あ")	# 3 when this awk counts bytes, 1 for characters
	k = 33
	for (i = 1; i <= 20 && k < n; i++) {
		printf "{\"type\":\"agenda.open\",\"ts\":\"%s\",\"data\":{\"item\":\"i%d\"}}\n", t(ts++), i
		k++
		for (j = 0; j < per - 2 && k < n - 1; j++) {
			len = 30 + (k * 7) % 60
			printf "{\"type\":\"speech\",\"ts\":\"%s\",\"data\":{\"speaker\":\"m%d\",\"text\":\"%d %s\"}}\n", t(ts++), 1 + k % 12, k, substr(s, 1, len * cw)
			k++
		}
		printf "{\"type\":\"agenda.close\",\"ts\":\"%s\",\"data\":{\"item\":\"i%d\"}}\n", t(ts++), i
		k++
	}
}' | "$GIJI" import "$file"

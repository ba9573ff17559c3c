#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/archive-gen.sh DIR MEETINGS EVENTS [GIJI]: an archive of generated
# meetings for bench/archive.sh — MEETINGS meeting files of about EVENTS
# events each under DIR/YEAR/, five years of a busy city (one meeting in
# five in English): a roster of 20 members and 5 staff with a few absent,
# ten agenda items each opened, debated, voted and decided (approved,
# noted, consented or rejected; some votes fail), speeches composed from
# the topics of a municipality (予算, 公園, 植栽, 緑化推進事業 … budget,
# tree planting …), notes. The same arguments give the same files.
set -eu
DIR=${1:?usage: archive-gen.sh DIR MEETINGS EVENTS [GIJI]}
M=${2:?usage: archive-gen.sh DIR MEETINGS EVENTS [GIJI]}
E=${3:?usage: archive-gen.sh DIR MEETINGS EVENTS [GIJI]}
GIJI=${4:-./giji}
mkdir -p "$DIR"
J=$(mktemp -d "${TMPDIR:-/tmp}/giji-archive-gen.XXXXXX")
trap 'rm -rf "$J"' EXIT

TZ=UTC awk -v M="$M" -v E="$E" -v out="$J" '
function pick(a, n) { return a[int(rand() * n) + 1] }
function split_list(s, a) { return split(s, a, "|") }
function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
function ts(sec) { return "\"" strftime("%Y-%m-%dT%H:%M:%S+00:00", sec, 1) "\"" }
function ev(type, data) {
	printf "{\"type\":\"%s\",\"ts\":%s,\"data\":{%s}}\n", type, ts(t), data > f
	n++
}
function sentence_ja(   tp, tp2, a, d, x) {
	tp = pick(TJ, nTJ); tp2 = pick(TJ, nTJ); a = pick(AJ, nAJ); d = pick(DJ, nDJ)
	x = int(rand() * 8)
	if (x == 0) return tp "についてお伺いします。" tp2 "との関係はどうなっていますか。"
	if (x == 1) return tp "の" a "は前年度と比べてどの程度でしょうか。約" int(rand() * 90 + 5) "％と聞いております。"
	if (x == 2) return tp "につきましては、" d "と連携し、" a "を踏まえて進めてまいります。"
	if (x == 3) return "資料" int(rand() * 9 + 1) "の" tp "に関する" a "について説明いたします。" int(rand() * 300 + 10) "件でございます。"
	if (x == 4) return tp "は地域の皆さんの関心が高い事業です。" a "をもう少し丁寧に示していただきたい。"
	if (x == 5) return "先ほどの" tp "の件ですが、" tp2 "の" a "と合わせて検討してはどうでしょうか。"
	if (x == 6) return d "としては、" tp "の" a "を来年度の当初予算に反映したいと考えております。"
	return "了解しました。" tp "については引き続き注視していきたいと思います。"
}
function sentence_en(   tp, tp2, a, x) {
	tp = pick(TE, nTE); tp2 = pick(TE, nTE); a = pick(AE, nAE)
	x = int(rand() * 6)
	if (x == 0) return "Could the officer explain the " a " of the " tp " programme?"
	if (x == 1) return "The " tp " has cost about " int(rand() * 90 + 5) " per cent more than last year."
	if (x == 2) return "I would ask that the " tp " be considered together with the " tp2 "."
	if (x == 3) return "Residents have raised the " tp " with me several times this month."
	if (x == 4) return "The " a " for the " tp " will be reported to the next meeting."
	return "Thank you. I am content with the answer on the " tp "."
}
BEGIN {
	nTJ = split_list("予算|公園|植栽|緑化推進事業|道路補修|学校給食|図書館|防災訓練|子育て支援|高齢者福祉|個人情報|情報公開|下水道|公共交通|観光振興|商店街の活性化|文化財の保存|地域包括ケア|空き家対策|ごみ収集|街路樹|児童館|市民プール|自転車駐車場|河川改修|消防団|健康診断|住民票の交付|電子申請|公民館", TJ)
	nAJ = split_list("予算|進捗|実績|課題|見直し|目標|件数|費用|効果|スケジュール", AJ)
	nDJ = split_list("環境政策課|都市計画課|教育委員会事務局|福祉総務課|総務課|財政課|道路管理課|危機管理課", DJ)
	nTE = split_list("budget|park|tree planting|road repairs|school meals|library|flood defence|housing|bus services|waste collection|planning application|allotments|street lighting|youth club|public toilets|car park|footpath|village hall|cemetery|grant scheme", TE)
	nAE = split_list("cost|progress|timetable|scope|risk|outcome|funding|review", AE)
	nSJ = split_list("佐藤|鈴木|高橋|田中|伊藤|渡辺|山本|中村|小林|加藤|吉田|山田|佐々木|山口|松本|井上|木村|林|斎藤|清水|山崎|森|池田|橋本|阿部|石川|山下|中島|石井|小川|前田|岡田|長谷川|藤田|後藤|近藤|村上|遠藤|青木|坂本", SJ)
	nSE = split_list("Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Robinson|Wright|Thompson|Evans|Walker|White|Roberts|Green|Hall|Wood|Jackson|Clarke|Patel|Khan|Lewis|Harris|Martin|Cooper|Hill|Ward|Morris|Moore", SE)
	nBJ = split_list("情報公開・個人情報保護審議会|都市計画審議会|環境審議会|社会福祉審議会|教育委員会|文化財保護審議会|交通対策協議会|防災会議", BJ)
	nBE = split_list("Planning Committee|Parish Council|Finance and General Purposes Committee|Environment Committee", BE)
	split("31 28 31 30 31 30 31 31 30 31 30 31", ML, " ")
	per = M / 5
	for (m = 0; m < M; m++) {
		srand(m + 1)
		year = 2021 + int(m / per)
		doy = int((m - (year - 2021) * per) * 360 / per)
		mo = 1; while (doy >= ML[mo]) { doy -= ML[mo]; mo++ }
		day = doy + 1
		date = sprintf("%04d-%02d-%02d", year, mo, day)
		en = m % 5 == 4
		f = sprintf("%s/%d-%04d.jsonl", out, year, m)
		t = mktime(sprintf("%d %d %d 10 00 00", year, mo, day)) - 9 * 3600
		n = 0
		k = m % 12 + 1
		if (en)
			title = pick(BE, nBE) " meeting " k
		else
			title = "令和" (year - 2018) "年度第" k "回" pick(BJ, nBJ)
		ev("meta.set", "\"title\":" q(title) ",\"date\":\"" date "\",\"lang\":\"" (en ? "en" : "ja") "\",\"seats\":20,\"quorum\":\"majority\"")
		for (i = 1; i <= 20; i++) {
			nm = en ? pick(SE, nSE) : pick(SJ, nSJ)
			ev("member.add", "\"id\":\"m" i "\",\"name\":" q(nm) ",\"role\":" q(en ? (i == 1 ? "Chair" : "Councillor") : (i == 1 ? "会長" : "委員")) (i == 1 ? ",\"kind\":\"chair\"" : ""))
		}
		for (i = 1; i <= 5; i++)
			ev("member.add", "\"id\":\"s" i "\",\"name\":" q(en ? pick(SE, nSE) : pick(SJ, nSJ)) ",\"role\":" q(en ? "Officer" : pick(DJ, nDJ) "長") ",\"kind\":\"staff\"")
		absent = int(rand() * 3) + 1
		for (i = 0; i < absent; i++)
			ev("attendance", "\"member\":\"m" (20 - i) "\",\"status\":\"" (i == 0 ? "apologies" : "absent") "\"")
		ev("meeting.open", "")
		per_item = int((E - n - 2) / 10)
		for (it = 1; it <= 10; it++) {
			tp = en ? pick(TE, nTE) : pick(TJ, nTJ)
			kd = it % 4 == 1 ? "report" : it % 4 == 2 ? "consultation" : it % 4 == 3 ? "ordinance" : "other"
			ev("agenda.add", "\"id\":\"i" it "\",\"title\":" q(en ? "Report on the " tp : tp "に関する" (kd == "report" ? "報告" : "審議")) ",\"kind\":\"" kd "\",\"label\":" q(en ? it "." : "議案第" (m * 10 + it) "号"))
			ev("agenda.open", "\"item\":\"i" it "\"")
			stop = n + per_item - 4
			while (n < stop) {
				t += int(rand() * 60) + 20
				if (rand() < 0.03) {
					ev("note", "\"text\":" q(en ? "The officer presented paper " it "." : "（資料" it "により説明）"))
					continue
				}
				sp = rand() < 0.35 ? "s" (int(rand() * 5) + 1) : "m" (int(rand() * (20 - absent)) + 1)
				txt = en ? sentence_en() " " sentence_en() : sentence_ja() sentence_ja()
				ev("speech", "\"speaker\":\"" sp "\",\"text\":" q(txt))
			}
			voters = 20 - absent - 1
			yes = int(rand() * (voters + 1))
			no = voters - yes
			ev("vote.call", "\"id\":\"v" it "\",\"item\":\"i" it "\",\"method\":\"hands\",\"motion\":" q(en ? "That the report on the " tp " be approved" : tp "に関する議案を原案のとおり可決する"))
			ev("vote.tally", "\"vote\":\"v" it "\",\"for\":" yes ",\"against\":" no)
			oc = yes > no ? (kd == "report" ? "noted" : kd == "consultation" ? "consented" : "approved") : "rejected"
			ev("decision", "\"item\":\"i" it "\",\"vote\":\"v" it "\",\"outcome\":\"" oc "\"")
			ev("agenda.close", "\"item\":\"i" it "\"")
		}
		t += 60
		ev("meeting.close", "")
		close(f)
	}
}' || exit 1

for f in "$J"/*.jsonl; do
	b=$(basename "$f" .jsonl)
	y=${b%%-*}
	mkdir -p "$DIR/$y"
	rm -f "$DIR/$y/$b.giji"
	"$GIJI" new "$DIR/$y/$b.giji" >/dev/null
	GIJI_STATION=bench "$GIJI" import "$DIR/$y/$b.giji" < "$f" 2>/dev/null || {
		echo "archive-gen: $f did not import:" >&2
		"$GIJI" import "$DIR/$y/$b.giji" < "$f" >&2
		exit 1
	}
done

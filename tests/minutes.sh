#!/bin/sh
# SPDX-License-Identifier: ISC
# giji minutes and giji stats: golden files for every style and format,
# the public version, English, determinism, hostile strings in HTML and
# text, option errors and -o. GENERATE=1 rewrites tests/golden/minutes-*.
. "$srcdir/tests/minutes-lib.sh"

styles="written summary qa verbatim-role verbatim-named"

for f in $styles; do
	m=$(meeting "$f") || { t_fail "$f: import"; continue; }
	for fmt in text md html json; do
		ext=$fmt
		[ "$fmt" = text ] && ext=txt
		golden "$f: $fmt" "minutes-$f.$ext" \
		    "$GIJI" minutes "$m" --format "$fmt"
	done
	golden "$f: public text" "minutes-$f-public.txt" \
	    "$GIJI" minutes "$m" --public
	golden "$f: public html" "minutes-$f-public.html" \
	    "$GIJI" minutes "$m" --public --format html
	golden "$f: stats" "stats-$f.txt" "$GIJI" stats "$m"
done

m=$(meeting summary)
golden "summary: English" "minutes-summary-en.txt" \
    "$GIJI" minutes "$m" --lang en
golden "summary: stats --json" "stats-summary.json" "$GIJI" stats "$m" --json
golden "summary: stats --lang en" "stats-summary-en.txt" \
    "$GIJI" stats "$m" --lang en
golden "summary: stats --json --lang en (the keys stay)" \
    "stats-summary.json" "$GIJI" stats "$m" --json --lang en
"$GIJI" stats "$m" --lang ja >"$T/st-ja.txt"
t_check "stats --lang ja is the default" cmp "$T/st-ja.txt" \
    "$srcdir/tests/golden/stats-summary.txt"
"$GIJI" new "$T/en.giji" >/dev/null
"$GIJI" import "$T/en.giji" <"$srcdir/tests/fixtures/summary.jsonl" 2>/dev/null
"$GIJI" add "$T/en.giji" meta.set lang=en >/dev/null
"$GIJI" stats "$T/en.giji" >"$T/st-en.txt"
t_check "stats: meta.set lang en gives English" cmp "$T/st-en.txt" \
    "$srcdir/tests/golden/stats-summary-en.txt"
"$GIJI" stats "$T/en.giji" --lang ja >"$T/st-ja2.txt"
t_check "stats: --lang ja overrides it" cmp "$T/st-ja2.txt" \
    "$srcdir/tests/golden/stats-summary.txt"
"$GIJI" stats "$m" --lang fr >/dev/null 2>"$T/err"
t_check "stats --lang fr: exit 2" [ $? -eq 2 ]
t_check "and the languages are named" grep -q "one of: ja, en" "$T/err"
# summary: a designation recorded after the meeting (as a clerk often
# does) is printed under the procedure item that designates the signers.
cat > "$T/late.jsonl" <<'EOF2'
{"type":"meta.set","data":{"title":"後記録の検証","date":"2020-12-15","style":"summary"}}
{"type":"member.add","data":{"id":"c","name":"藤田","role":"会長","kind":"chair"}}
{"type":"member.add","data":{"id":"k","name":"小谷野","role":"委員"}}
{"type":"agenda.add","data":{"id":"p2","title":"議事録署名委員の指名","kind":"procedure"}}
{"type":"meeting.open","ts":"2020-12-15T10:00:00+09:00","data":{}}
{"type":"agenda.open","ts":"2020-12-15T10:01:00+09:00","data":{"item":"p2"}}
{"type":"agenda.close","ts":"2020-12-15T10:02:00+09:00","data":{"item":"p2"}}
{"type":"meeting.close","ts":"2020-12-15T10:05:00+09:00","data":{}}
{"type":"signer","ts":"2020-12-15T11:00:00+09:00","data":{"member":"k","purpose":"designation"}}
EOF2
"$GIJI" new "$T/late.giji" >/dev/null && "$GIJI" import "$T/late.giji" <"$T/late.jsonl" >/dev/null 2>&1
"$GIJI" minutes "$T/late.giji" >"$T/late.txt"
t_check "summary: a late designation is printed under (2) 議事録署名委員の指名" \
    sh -c "grep -A2 '^(2) 議事録署名委員の指名$' '$T/late.txt' | grep -q '^小谷野委員が指名された。'"
t_check "and only there" [ "$(grep -c 小谷野委員が指名された "$T/late.txt")" = 1 ]

# verbatim, named labels: a title of the session alone and the body apart
# print as 令和4年度 第6回 / <body>会議録, spaced as a <session><body> title.
for title in "令和4年度 第6回" "令和4年度第6回"; do
	rm -f "$T/sess.giji"
	printf '{"type":"meta.set","data":{"title":"%s","body":"西川区審議会","date":"2022-11-17","style":"verbatim","labels":"name_role"}}\n' "$title" >"$T/sess.jsonl"
	"$GIJI" new "$T/sess.giji" >/dev/null && "$GIJI" import "$T/sess.giji" <"$T/sess.jsonl" >/dev/null 2>&1
	t_check "verbatim named: title '$title' gives the session line, then <body>会議録" \
	    sh -c "'$GIJI' minutes '$T/sess.giji' | head -3 | tr '\n' '|' | grep -q '^令和4年度 第6回||西川区審議会会議録|'"
done

# written: an item titled …について is not worded …についてについては.
printf '%s\n' '{"type":"meta.set","data":{"title":"書面","date":"2020-08-01","style":"written","seats":2}}' \
    '{"type":"member.add","data":{"id":"a","name":"甲","role":"委員"}}' \
    '{"type":"member.add","data":{"id":"b","name":"乙","role":"委員"}}' \
    '{"type":"agenda.add","data":{"id":"i","title":"個人情報の外部委託について","kind":"consultation"}}' \
    '{"type":"agenda.open","data":{"item":"i"}}' \
    '{"type":"vote.call","data":{"id":"v","item":"i","method":"written"}}' \
    '{"type":"vote.tally","data":{"vote":"v","ballots":{"a":"yes","b":"yes"}}}' \
    '{"type":"decision","data":{"item":"i","outcome":"consented","vote":"v"}}' >"$T/nit.jsonl"
"$GIJI" new "$T/nit.giji" >/dev/null && "$GIJI" import "$T/nit.giji" <"$T/nit.jsonl" >/dev/null 2>&1
t_check "written: …について once in the conclusion" sh -c "'$GIJI' minutes '$T/nit.giji' | grep -q '、個人情報の外部委託については同意するものとします。'"

# A roll call is counted from its ballots, in the text and in --json.
m=$(meeting export-council)
"$GIJI" stats "$m" >"$T/st-rc.txt"
t_check "stats: a roll call counted from its ballots (2 for, 1 against)" \
    grep -q "^v3 *記名 *2 *1 *0 " "$T/st-rc.txt"
"$GIJI" stats "$m" --json >"$T/st-rc.json"
t_check "stats --json: the same counts" grep -q \
    '"id":"v3","item":"[^"]*","method":"rollcall","tallies":1,"for":2,"against":1,"abstain":0' \
    "$T/st-rc.json"
m=$(meeting verbatim-role)
golden "verbatim-role: English" "minutes-verbatim-role-en.txt" \
    "$GIJI" minutes "$m" --lang en
golden "verbatim-role: named labels, half-width, 正午" \
    "minutes-verbatim-role-named.txt" "$GIJI" minutes "$m" \
    --labels name_role --digits half --noon shogo

# The public version: retracted and redacted passages are gone, the
# appendix and the recount history are internal only.
m=$(meeting summary)
"$GIJI" minutes "$m" --public >"$T/pub.txt"
"$GIJI" minutes "$m" >"$T/int.txt"
t_check "public: redacted text replaced" \
    sh -c "! grep -q 勤務先 '$T/pub.txt' && grep -q '【非公開】' '$T/pub.txt'"
t_check "internal: redacted text kept" grep -q 勤務先 "$T/int.txt"
t_check "retracted text in neither version" \
    sh -c "! grep -q 'どう消すのか' '$T/pub.txt' && ! grep -q '^〔委員〕 作業が終わった' '$T/int.txt'"
t_check "public: no appendix" sh -c "! grep -q 訂正等の記録 '$T/pub.txt'"
t_check "internal: appendix lists the amendment" grep -q '予備紙は何部' "$T/int.txt"
t_check "amendment applied in the public version" grep -q '予備はどの程度' "$T/pub.txt"
"$GIJI" minutes "$m" --public --redaction '（非公開部分）' >"$T/pub2.txt"
t_check "--redaction sets the phrase" grep -q '（非公開部分）' "$T/pub2.txt"

# Deterministic: twice, and on a copy of the file.
for f in $styles; do
	m=$(meeting "$f")
	cp "$m" "$T/copy.giji"
	for fmt in text html json; do
		"$GIJI" minutes "$m" --format $fmt >"$T/a"
		"$GIJI" minutes "$m" --format $fmt >"$T/b"
		"$GIJI" minutes "$T/copy.giji" --format $fmt >"$T/c"
		t_check "$f $fmt: byte-identical twice and on a copy" \
		    sh -c "cmp '$T/a' '$T/b' && cmp '$T/a' '$T/c'"
	done
done

# Hostile strings in every field: well-formed HTML, clean text, valid JSON.
if command -v xmllint >/dev/null 2>&1; then have_xmllint=1; else have_xmllint=; fi
m=$(meeting hostile)
for s in summary verbatim qa written gikai council-us council-uk wg; do
	for l in role name_role; do
		for v in "" --public; do
			for lang in ja en; do
				d="hostile $s $l $lang${v:+ public}"
				"$GIJI" minutes "$m" --style $s --labels $l \
				    --lang $lang $v --format html >"$T/h.html"
				if [ -n "$have_xmllint" ]; then
					t_check "$d: html is well-formed XML" \
					    xmllint --noout "$T/h.html"
				fi
				t_check "$d: html has no script element" \
				    sh -c "! grep -qi '<script' '$T/h.html'"
				"$GIJI" minutes "$m" --style $s --labels $l \
				    --lang $lang $v >"$T/h.txt"
				t_check "$d: text has no controls or bidi overrides" \
				    sh -c "! LC_ALL=C grep -qP '[\\x00-\\x08\\x0b-\\x1f\\x7f]|\\xe2\\x80[\\xaa-\\xae]|\\xe2\\x81[\\xa6-\\xa9]' '$T/h.txt'"
				"$GIJI" minutes "$m" --style $s --labels $l \
				    --lang $lang $v --format json >"$T/h.json"
				t_check "$d: json is valid" sh -c \
				    "sqlite3 :memory: \"select json_valid(readfile('$T/h.json'))\" | grep -qx 1"
			done
		done
	done
done
if [ -n "$have_xmllint" ]; then
	for f in $styles; do
		m=$(meeting "$f")
		"$GIJI" minutes "$m" --public --format html >"$T/p.html"
		t_check "$f: public html parses as HTML without errors" \
		    sh -c "xmllint --html --noout '$T/p.html' 2>&1 | (! grep .)"
	done
fi

# Options: bad values exit 2 with a message; -o writes 0600 / 0644.
m=$(meeting summary)
for bad in "--style nope" "--format nope" "--lang fr" "--digits wide" \
    "--labels x" "--noon y" "--bogus"; do
	"$GIJI" minutes "$m" $bad >/dev/null 2>"$T/err"
	rc=$?
	t_check "minutes $bad: exit 2 and a message" \
	    sh -c "[ $rc -eq 2 ] && grep -q minutes '$T/err'"
done
"$GIJI" minutes >/dev/null 2>&1
t_check "minutes without FILE: exit 2" [ $? -eq 2 ]
"$GIJI" minutes "$m" -o "$T/out.txt"
t_check "-o writes the internal minutes mode 0600" \
    sh -c "[ \"\$(stat -c %a '$T/out.txt')\" = 600 ]"
"$GIJI" minutes "$m" -o "$T/out.txt" 2>/dev/null
t_check "-o refuses to replace a file" [ $? -eq 1 ]
"$GIJI" minutes "$m" --public -o "$T/out.txt" --force
t_check "--public --force replaces it, mode 0644" \
    sh -c "[ \"\$(stat -c %a '$T/out.txt')\" = 644 ]"
ln -s "$T/out.txt" "$T/link.txt"
"$GIJI" minutes "$m" -o "$T/link.txt" --force 2>/dev/null
t_check "-o refuses a symbolic link" [ $? -eq 1 ]
"$GIJI" stats "$m" --bogus >/dev/null 2>&1
t_check "stats --bogus: exit 2" [ $? -eq 2 ]

# Defaults from meta.set: the verbatim fixture says style verbatim, role labels.
m=$(meeting verbatim-role)
"$GIJI" minutes "$m" >"$T/d1"
"$GIJI" minutes "$m" --style verbatim --labels role --digits full >"$T/d2"
t_check "meta.set style and labels are the defaults" cmp "$T/d1" "$T/d2"

# A roll call lists the names by choice, except in anonymised minutes.
m=$(meeting export-council)
"$GIJI" minutes "$m" --labels name_role >"$T/rc.txt"
t_check "roll call: names by choice" grep -q '（賛成：高木副会長、野口委員　反対：小西委員　欠席：原委員、石田委員）' "$T/rc.txt"
"$GIJI" minutes "$m" --labels role >"$T/rc-role.txt"
t_check "roll call: no names in role-only minutes" sh -c "! grep -q '賛成：' '$T/rc-role.txt'"

# Verbatim (role labels): a quorum that holds is the secretariat's to state;
# giji adds a line only when it does not. The annex names the session.
m=$(meeting verbatim-role)
cp "$m" "$T/quorum.giji"
"$GIJI" add "$T/quorum.giji" meta.set quorum=13 >/dev/null 2>&1
"$GIJI" minutes "$T/quorum.giji" >"$T/q.txt"
t_check "verbatim: a quorum not met is minuted" \
    grep -qx '（委員１５名中１２名が出席、定足数１３名に達していない）' "$T/q.txt"
t_check "verbatim: a quorum met is not" \
    sh -c "! grep -q 定足数 '$T/d1'"
t_check "verbatim: the annex title names the session and the body's kind" \
    grep -qx '＜令和５年度第２回審議会発言記録＞' "$T/d1"

# A verbatim turn goes on across procedural notes: no second label.
t_check "verbatim: the chair's turn continues after （賛成者挙手）" \
    grep -qx ' 反対の方、挙手をお願いします。' "$T/d1"

# Words typed and also recorded as events print once: the staff side's
# count typed as a speech before vote.tally, the chair's declaration typed
# before a decision without text.
m=$(meeting verbatim-role)
cp "$m" "$T/said.giji"
"$GIJI" minutes "$T/said.giji" >"$T/said0.txt"
"$GIJI" new "$T/said2.giji" >/dev/null
sed -e 's/{"type":"vote.tally","ts":"2023-09-11T14:17:02+09:00"/{"type":"speech","ts":"2023-09-11T14:17:01+09:00","data":{"speaker":"jimu","text":"賛成８名、反対２名でございます。"}}\n&/' \
    -e 's/{"type":"decision","ts":"2023-09-11T14:17:42+09:00"/{"type":"speech","ts":"2023-09-11T14:17:41+09:00","data":{"speaker":"takagi","text":"賛成８名でございますので、本件諮問については承認といたします。"}}\n&/' \
    "$srcdir/tests/fixtures/verbatim-role.jsonl" |
    "$GIJI" import "$T/said2.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/said2.giji" --public >"$T/said2.txt"
t_check "typed count and declaration print once" sh -c \
    "[ \$(grep -c '賛成８名、反対２名でございます' '$T/said2.txt') -eq 1 ] && [ \$(grep -c '本件諮問については承認といたします' '$T/said2.txt') -eq 1 ] && [ \$(grep -c '（本件諮問は承認）' '$T/said2.txt') -eq 1 ]"

# Without dept_short the section is the department after its last 部; a
# decision's text that carries its own head is not given a second one.
"$GIJI" new "$T/w2.giji" >/dev/null
sed -e 's/,"dept_short":"納税課"//' \
    -e 's/"outcome":"consented","vote":"wv"/&,"text":"(結論) 全委員の6名から承認の意思表示があった。"/' \
    "$srcdir/tests/fixtures/written.jsonl" | "$GIJI" import "$T/w2.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/w2.giji" >"$T/w2.txt"
t_check "written: section from the department" grep -qx '納税課' "$T/w2.txt"
t_check "written: one (結論) head" grep -qx '(結論) 全委員の6名から承認の意思表示があった。' "$T/w2.txt"

# A start or end of 24:00 or later is not a time jdate can print: the
# record's times are used instead, never "(null)".
"$GIJI" new "$T/t24.giji" >/dev/null
printf '%s\n' '{"type":"meta.set","data":{"start":"24:30","end":"24:59"}}' \
    '{"type":"meeting.open","ts":"2022-06-27T13:30:00+09:00"}' \
    '{"type":"meeting.close","ts":"2022-06-27T15:00:00+09:00"}' |
    "$GIJI" import "$T/t24.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/t24.giji" --lang en >"$T/t24en.txt"
t_check "start 24:30: no (null), the recorded times instead" sh -c \
    "! grep -q null '$T/t24en.txt' && grep -q 'Time: 1:30 p.m. to 3:00 p.m.' '$T/t24en.txt' && grep -q 'Closed at 3:00 p.m.' '$T/t24en.txt'"

# Nobody speaks unless a speech recorded it. A vote called without a
# motion gets no chair's line (the summary style composed one:
# 〔会長〕 他に質問等がなければ…挙手をお願いしたい。).
m=$(meeting summary)
"$GIJI" minutes "$m" >"$T/nobody.txt"
t_check "summary: no chair's line composed for a vote without a motion" \
    sh -c "! grep -q '挙手をお願いしたい' '$T/nobody.txt'"

# A count is the style's procedural line, not the staff side speaking
# (verbatim printed 区側  賛成８名、反対２名でございます。).
m=$(meeting verbatim-role)
"$GIJI" minutes "$m" >"$T/nobody2.txt"
t_check "verbatim: a count is a procedural line, nobody's speech" sh -c \
    "! grep -q '^区側 *賛成' '$T/nobody2.txt' && grep -qx '（賛成８名、反対２名）' '$T/nobody2.txt'"

# A decision is the style's procedural line, not the chair's words
# (verbatim printed 会長  …承認といたします。, named 【会 長】…決定いたします。).
t_check "verbatim: a decision is a procedural line, nobody's speech" sh -c \
    "! grep -q '承認といたします' '$T/nobody2.txt' && grep -qx '（本件諮問は承認）' '$T/nobody2.txt'"
m=$(meeting verbatim-named)
"$GIJI" minutes "$m" >"$T/nobody3.txt"
t_check "verbatim-named: a decision is a procedural line, nobody's speech" \
    sh -c "! grep -q '決定いたします' '$T/nobody3.txt' && grep -qx '（本件は了承）' '$T/nobody3.txt'"

# English minutes follow English conventions (the Japanese styles print
# them with the base style's English): no 〔〕 brackets, items numbered
# 1., 2. … through the agenda, group headings kept, staff in attendance,
# the signature block name first.
m=$(meeting summary)
"$GIJI" minutes "$m" --lang en >"$T/en.txt"
t_check "English: no Japanese brackets around labels" sh -c \
    "! grep -q '〔' '$T/en.txt' && grep -q '^Member: ' '$T/en.txt'"
t_check "English: items numbered through the agenda" sh -c \
    "grep -qx '1. 前回議事録の確定' '$T/en.txt' && grep -qx '2. 議事録署名委員の指名' '$T/en.txt'"
t_check "English: the group heading" grep -qx '諮問に関する審議' "$T/en.txt"
t_check "English: staff in attendance" grep -q '^In attendance: 平井 (課長)' "$T/en.txt"
t_check "English: the signature block, name then role" grep -qx '川辺 尚子, 会長' "$T/en.txt"

# The staff side is what the meeting calls it, 事務局 when unset (it was
# 区側, a ward's word, wrong for a city or a town).
"$GIJI" new "$T/ss.giji" >/dev/null
sed 's/,"staff_label":"区側"//' "$srcdir/tests/fixtures/verbatim-role.jsonl" |
    "$GIJI" import "$T/ss.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/ss.giji" >"$T/ss.txt"
t_check "verbatim: the staff side is 事務局 when meta staff_label is unset" \
    sh -c "! grep -q '区側  ' '$T/ss.txt' && grep -q '^事務局  ' '$T/ss.txt'"

# Named labels with item headings and attendance: options of
# verbatim-named (a body can say so without writing a style).
m=$(meeting verbatim-named)
"$GIJI" minutes "$m" --option headings=yes --option attendance=yes >"$T/nh.txt"
t_check "verbatim-named headings=yes: the items' headings" \
    grep -qx '資料8 図書館の予約連絡メールの配信業務の委託について' "$T/nh.txt"
t_check "verbatim-named attendance=yes: the time and who attended" sh -c \
    "grep -qx '令和4年8月25日(木)　午後2時00分から午後3時12分まで' '$T/nh.txt' && grep -q '^出席委員　山根会長、三好委員' '$T/nh.txt'"
"$GIJI" minutes "$m" >"$T/nh0.txt"
t_check "verbatim-named: by default neither" sh -c \
    "! grep -q '出席委員' '$T/nh0.txt' && ! grep -qx '資料8 図書館の予約連絡メールの配信業務の委託について' '$T/nh0.txt'"

# The casting vote is one fact, worded in each style's house form: the
# tally that only adds it is no recount, and the declared result is no
# disagreement. A quorum failure is its own line.
"$GIJI" new "$T/cast.giji" >/dev/null
cat >"$T/cast.jsonl" <<'JSONL'
{"type":"meta.set","ts":"2024-06-03T01:00:00Z","data":{"title":"第2回運営協議会","date":"2024-06-03","seats":5,"quorum":"majority"}}
{"type":"member.add","ts":"2024-06-03T01:00:01Z","data":{"id":"ch","name":"山田","role":"会長","kind":"chair"}}
{"type":"member.add","ts":"2024-06-03T01:00:02Z","data":{"id":"a","name":"青木","role":"委員"}}
{"type":"member.add","ts":"2024-06-03T01:00:03Z","data":{"id":"b","name":"馬場","role":"委員"}}
{"type":"member.add","ts":"2024-06-03T01:00:04Z","data":{"id":"c","name":"千葉","role":"委員"}}
{"type":"member.add","ts":"2024-06-03T01:00:05Z","data":{"id":"d","name":"土井","role":"委員"}}
{"type":"agenda.add","ts":"2024-06-03T01:00:06Z","data":{"id":"i1","title":"会費の改定について"}}
{"type":"meeting.open","ts":"2024-06-03T01:01:00Z"}
{"type":"agenda.open","ts":"2024-06-03T01:01:10Z","data":{"item":"i1"}}
{"type":"vote.call","ts":"2024-06-03T01:10:00Z","data":{"id":"v1","item":"i1","method":"hands"}}
{"type":"vote.tally","ts":"2024-06-03T01:10:20Z","data":{"vote":"v1","for":2,"against":2}}
{"type":"vote.tally","ts":"2024-06-03T01:10:40Z","data":{"vote":"v1","for":2,"against":2,"casting":"yes"}}
{"type":"vote.result","ts":"2024-06-03T01:10:50Z","data":{"vote":"v1","outcome":"carried","declared":true}}
{"type":"decision","ts":"2024-06-03T01:11:00Z","data":{"item":"i1","vote":"v1","outcome":"approved"}}
{"type":"meeting.close","ts":"2024-06-03T01:20:00Z"}
JSONL
"$GIJI" import "$T/cast.giji" <"$T/cast.jsonl" >/dev/null 2>&1
for s in summary verbatim verbatim-named; do
	for p in "" --public; do
		"$GIJI" minutes "$T/cast.giji" --style $s $p >"$T/cast.txt"
		t_check "casting vote ($s $p): worded once, no recount, no disagreement" \
		    sh -c "[ \$(grep -c '可否同数のため会長が可と決した' '$T/cast.txt') -eq 1 ] && ! grep -q '再集計\\|注：' '$T/cast.txt'"
	done
done
"$GIJI" minutes "$T/cast.giji" --lang en >"$T/cast.txt"
t_check "casting vote (English)" grep -qx \
    'Carried: 2 for, 2 against; the votes being equal, the 会長 gave a casting vote in favour.' "$T/cast.txt"
m=$(meeting verbatim-named)
"$GIJI" minutes "$m" >"$T/q.txt"
t_check "a quorum failure is a line of its own" \
    grep -qx '（出席5名、定足数6名に達しておらず、採決は成立しなかった）' "$T/q.txt"

# The anchor: every style's last line carries the log's count and head
# hash, which giji verify --head checks; the JSON minutes carry them too.
m=$(meeting qa)
"$GIJI" minutes "$m" --public >"$T/a.txt"
h=$(sed -n 's/^記録 60件　末尾ハッシュ \([0-9a-f]\{16\}\)$/\1/p' "$T/a.txt")
t_check "anchor: the last line, count and 16 digits of the head" sh -c \
    "[ -n '$h' ] && tail -1 '$T/a.txt' | grep -q '$h'"
t_check "anchor: giji verify --head accepts what the minutes print" \
    "$GIJI" verify "$m" --head "$h"
"$GIJI" minutes "$m" --format json >"$T/a.json"
t_check "anchor: the JSON minutes' anchor object" sh -c \
    "grep -q '\"anchor\":{\"head\":\"$h[0-9a-f]\\{48\\}\",\"events\":60}' '$T/a.json'"
cp "$m" "$T/broken.giji"
sqlite3 "$T/broken.giji" ".dbconfig enable_trigger off" \
    "UPDATE events SET payload = json_set(payload, '$.text', 'X') WHERE seq = (SELECT min(seq) FROM events WHERE type = 'speech')" 2>/dev/null
"$GIJI" minutes "$T/broken.giji" --unverified >"$T/u.txt" 2>/dev/null
t_check "unverified: the notice under the header" sh -c \
    "grep -n '^【注意】この会議録は、改変の有無を確認できなかった' '$T/u.txt' | cut -d: -f1 | grep -qx '[0-9]\\{1,2\\}'"
"$GIJI" minutes "$T/broken.giji" --unverified --format json >"$T/u.json" 2>/dev/null
t_check "unverified: the JSON minutes say so" grep -q '"unverified":true' "$T/u.json"

# Two roll calls: each prints its own names. The second's answers once took
# the first's names when its records were given the first's freed memory
# (made likely here by turning glibc's per-thread cache off).
"$GIJI" new "$T/rc.giji" >/dev/null
"$GIJI" import "$T/rc.giji" <<'EOF2' >/dev/null
{"type":"meta.set","ts":"2026-04-01T10:00:00+09:00","data":{"title":"T","date":"2026-04-01"}}
{"type":"member.add","data":{"id":"c","name":"C","role":"議長","kind":"chair"}}
{"type":"member.add","data":{"id":"a","name":"A","role":"議員"}}
{"type":"member.add","data":{"id":"b","name":"B","role":"議員"}}
{"type":"member.add","data":{"id":"d","name":"D","role":"議員"}}
{"type":"agenda.add","data":{"id":"i1","title":"一"}}
{"type":"meeting.open"}
{"type":"agenda.open","data":{"item":"i1"}}
{"type":"vote.call","data":{"id":"v1","item":"i1","motion":"原案","method":"rollcall"}}
{"type":"vote.tally","data":{"vote":"v1","ballots":{"a":"yes","b":"no","d":"yes"}}}
{"type":"vote.call","data":{"id":"v2","item":"i1","motion":"修正案","method":"rollcall"}}
{"type":"vote.tally","data":{"vote":"v2","ballots":{"a":"no","b":"yes","d":"no"}}}
{"type":"agenda.close","data":{"item":"i1"}}
{"type":"meeting.close"}
EOF2
GLIBC_TUNABLES=glibc.malloc.tcache_count=0 "$GIJI" minutes "$T/rc.giji" \
    --style gikai >"$T/rc.txt"
t_check "roll calls: the first's names" grep -qx '〔賛成　A君、D君　反対　B君〕' "$T/rc.txt"
t_check "roll calls: the second's names, not the first's" \
    grep -qx '〔賛成　B君　反対　A君、D君〕' "$T/rc.txt"

t_done

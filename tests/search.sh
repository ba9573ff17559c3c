#!/bin/sh
# SPDX-License-Identifier: ISC
# giji search DIR|FILE... QUERY: Japanese two-character queries and
# English words across the meetings under a folder, each option, --json,
# the hit marked; the index in $XDG_CACHE_HOME/giji, separate from the
# meeting files (left byte for byte as they were), and in step with them:
# an appended event, an amend, a retract, a new file and a removed one are
# noticed, a file only touched is not indexed again.
. "${top_srcdir:-.}/tests/lib.sh"

export XDG_CACHE_HOME="$T/cache" GIJI_NOW_STEP=1000000
A=$T/arc
mkdir -p "$A/2024" "$A/2023/old"

# meeting FILE: a meeting file from the JSONL on standard input.
meeting() {
	"$GIJI" new "$1" >/dev/null && "$GIJI" import "$1" 2>/dev/null
}

meeting "$A/2024/kankyo-02.giji" <<'EOF'
{"type":"meta.set","ts":"2024-06-27T14:00:00+09:00","data":{"title":"令和6年度第2回環境審議会","date":"2024-06-27","seats":3,"quorum":2}}
{"type":"member.add","ts":"2024-06-27T14:00:00+09:00","data":{"id":"ueda","name":"上田","role":"会長","kind":"chair"}}
{"type":"member.add","ts":"2024-06-27T14:00:00+09:00","data":{"id":"ito","name":"伊藤","full_name":"伊藤 一郎","role":"委員"}}
{"type":"member.add","ts":"2024-06-27T14:00:00+09:00","data":{"id":"kato","name":"加藤","role":"委員"}}
{"type":"member.add","ts":"2024-06-27T14:00:00+09:00","data":{"id":"koba","name":"小林","role":"環境政策課長","kind":"staff"}}
{"type":"agenda.add","ts":"2024-06-27T14:00:00+09:00","data":{"id":"a1","title":"市民緑化推進事業の進捗について","kind":"report"}}
{"type":"agenda.add","ts":"2024-06-27T14:00:00+09:00","data":{"id":"a2","title":"公園整備計画の策定について","kind":"consultation","label":"諮問第3号"}}
{"type":"meeting.open","ts":"2024-06-27T14:00:00+09:00","data":{}}
{"type":"agenda.open","ts":"2024-06-27T14:01:00+09:00","data":{"item":"a1"}}
{"type":"speech","ts":"2024-06-27T14:02:00+09:00","data":{"speaker":"ito","text":"緑化推進事業の予算はどの程度でしょうか。"}}
{"type":"speech","ts":"2024-06-27T14:03:00+09:00","data":{"speaker":"koba","text":"予算は前年度より約4％増でございます。\n内訳は資料2のとおりです。"}}
{"uuid":"11111111-1111-4111-8111-111111111111","type":"speech","ts":"2024-06-27T14:04:00+09:00","data":{"speaker":"kato","text":"撤回された予算の発言です。"}}
{"type":"retract","ts":"2024-06-27T14:04:30+09:00","data":{"target":"11111111-1111-4111-8111-111111111111","reason":"言い誤り"}}
{"type":"agenda.close","ts":"2024-06-27T14:05:00+09:00","data":{"item":"a1"}}
{"type":"agenda.open","ts":"2024-06-27T14:06:00+09:00","data":{"item":"a2"}}
{"type":"note","ts":"2024-06-27T14:06:30+09:00","data":{"text":"（資料3により公園整備計画の説明）"}}
{"type":"speech","ts":"2024-06-27T14:07:00+09:00","data":{"speaker":"kato","text":"児童公園の遊具の更新をお願いしたい。"}}
{"uuid":"22222222-2222-4222-8222-222222222222","type":"speech","ts":"2024-06-27T14:08:00+09:00","data":{"speaker":"ito","text":"私の自宅は公園の隣です。"}}
{"type":"redact","ts":"2024-06-27T14:08:30+09:00","data":{"target":"22222222-2222-4222-8222-222222222222","reason":"個人情報"}}
{"type":"vote.call","ts":"2024-06-27T14:09:00+09:00","data":{"id":"v1","item":"a2","method":"hands","motion":"諮問第3号に同意する"}}
{"type":"vote.tally","ts":"2024-06-27T14:09:30+09:00","data":{"vote":"v1","for":2,"against":0}}
{"type":"decision","ts":"2024-06-27T14:10:00+09:00","data":{"item":"a2","outcome":"consented","vote":"v1","text":"諮問第3号は原案のとおり同意する。"}}
{"type":"agenda.close","ts":"2024-06-27T14:11:00+09:00","data":{"item":"a2"}}
{"type":"meeting.close","ts":"2024-06-27T15:00:00+09:00","data":{}}
EOF
meeting "$A/2023/old/toshi-01.giji" <<'EOF'
{"type":"meta.set","ts":"2023-05-10T10:00:00+09:00","data":{"title":"令和5年度第1回都市計画審議会","date":"2023-05-10"}}
{"type":"member.add","ts":"2023-05-10T10:00:00+09:00","data":{"id":"i2","name":"伊藤","full_name":"伊藤 一郎","role":"委員"}}
{"type":"member.add","ts":"2023-05-10T10:00:00+09:00","data":{"id":"sato","name":"佐藤","role":"会長","kind":"chair"}}
{"type":"agenda.add","ts":"2023-05-10T10:00:00+09:00","data":{"id":"b1","title":"道路補修の予算","kind":"ordinance"}}
{"type":"agenda.open","ts":"2023-05-10T10:01:00+09:00","data":{"item":"b1"}}
{"type":"speech","ts":"2023-05-10T10:02:00+09:00","data":{"speaker":"i2","text":"道路補修の予算について伺います。"}}
{"type":"decision","ts":"2023-05-10T10:03:00+09:00","data":{"item":"b1","outcome":"rejected","text":"本件は否決された。"}}
{"type":"agenda.close","ts":"2023-05-10T10:04:00+09:00","data":{"item":"b1"}}
EOF
meeting "$A/2024/parish.giji" <<'EOF'
{"type":"meta.set","ts":"2024-03-12T19:00:00+00:00","data":{"title":"Meeting of Ashdown Vale Parish Council","date":"2024-03-12","lang":"en","tz":"Europe/London"}}
{"type":"member.add","ts":"2024-03-12T19:00:00+00:00","data":{"id":"smith","name":"Smith","role":"Councillor"}}
{"type":"speech","ts":"2024-03-12T19:05:00+00:00","data":{"speaker":"smith","text":"The budget for tree planting was approved last year."}}
{"type":"action","ts":"2024-03-12T19:06:00+00:00","data":{"text":"Clerk to obtain quotes for the tree planting","owner":"Clerk"}}
EOF
printf 'not a meeting\n' > "$A/2024/notes.txt"
sqlite3 "$A/2024/other.db" 'CREATE TABLE t (x)' 2>/dev/null || : > "$A/2024/other.db"
sums() { cat "$A"/2024/*.giji "$A"/2023/old/*.giji | md5sum; }
before=$(sums)

# Two-character Japanese queries.
out=$("$GIJI" search "$A" 予算 2>"$T/err"); rc=$?
is "予算: exits 0" "$rc" 0
is "予算: every hit, newest meeting first, log order within one, the hit marked" "$out" \
"$A/2024/kankyo-02.giji:10  2024-06-27  令和6年度第2回環境審議会 / 市民緑化推進事業の進捗について
    伊藤（委員）: 緑化推進事業の**予算**はどの程度でしょうか。
$A/2024/kankyo-02.giji:11  2024-06-27  令和6年度第2回環境審議会 / 市民緑化推進事業の進捗について
    小林（環境政策課長）: **予算**は前年度より約4％増でございます。
$A/2023/old/toshi-01.giji:4  2023-05-10  令和5年度第1回都市計画審議会
    [agenda] 道路補修の**予算**
$A/2023/old/toshi-01.giji:6  2023-05-10  令和5年度第1回都市計画審議会 / 道路補修の予算
    伊藤（委員）: 道路補修の**予算**について伺います。"
is "... nothing on standard error" "$(cat "$T/err")" ""
out=$("$GIJI" search "$A" 公園)
contains "公園: the agenda title with its label" "$out" "[agenda] 諮問第3号 **公園**整備計画の策定について"
contains "公園: a note" "$out" "[note] （資料3により**公園**整備計画の説明）"
contains "公園: inside a longer word (児童公園)" "$out" "加藤（委員）: 児童**公園**の遊具"
contains "公園: a redacted speech, said to be" "$out" "/ 諮問第3号 公園整備計画の策定について  [redacted]"
out=$("$GIJI" search "$A" 公園 --public)
case $out in *自宅*) tap_result 1 "--public leaves the redacted speech out" ;;
*) tap_result 0 "--public leaves the redacted speech out" ;; esac
contains "... and keeps the rest" "$out" "児童**公園**"
# An item whose title is redacted: not found by it in the public search,
# and its public speeches are found without it.
mkdir -p "$T/red"
meeting "$T/red/r.giji" <<'EOF'
{"type":"member.add","data":{"id":"ito","name":"伊藤","role":"委員"}}
{"type":"agenda.add","uuid":"00000000-0000-4000-8000-0000000000a1","data":{"id":"s","title":"用地買収の交渉相手について"}}
{"type":"meeting.open","data":{}}
{"type":"agenda.open","data":{"item":"s"}}
{"type":"speech","data":{"speaker":"ito","text":"進め方を確認します。"}}
{"type":"redact","data":{"target":"00000000-0000-4000-8000-0000000000a1"}}
EOF
out=$("$GIJI" search "$T/red" 交渉 --public)
is "--public: a redacted item's title is not found" "$out" ""
out=$("$GIJI" search "$T/red" 進め方 --public)
contains "its public speech is" "$out" "**進め方**を確認します"
lacks "without the item's title" "$out" "用地買収"
contains "the internal search finds the title" "$("$GIJI" search "$T/red" 交渉)" "**交渉**"
out=$("$GIJI" search "$A" 撤回)
is "a retracted speech is not found" "$out" ""
"$GIJI" search "$A" 撤回 >/dev/null 2>&1; is "... and no hit exits 1" $? 1
out=$("$GIJI" search "$A" 園)
contains "one character: a prefix of the bigrams" "$out" "児童公**園**の遊具"
out=$("$GIJI" search "$A" "緑化 予算")
is "two terms: both in one event" "$(printf '%s\n' "$out" | grep -c '^    ')" 1
contains "... both marked" "$out" "**緑化**推進事業の**予算**はどの程度"
out=$("$GIJI" search "$A" 資料2)
contains "a hit on a later line shows that line" "$out" "小林（環境政策課長）: 内訳は**資料2**のとおりです。"
contains "a motion is found" "$("$GIJI" search "$A" 同意する)" "[motion] 諮問第3号に**同意する**"
contains "a decision is found" "$("$GIJI" search "$A" 原案)" "[decision] 諮問第3号は**原案**のとおり同意する。"
contains "a meeting's title is found" "$("$GIJI" search "$A" 都市計画)" "[title] 令和5年度第1回**都市計画**審議会"

# English.
out=$("$GIJI" search "$A" "tree planting")
contains "English: words of a speech" "$out" "$A/2024/parish.giji:3  2024-03-12  Meeting of Ashdown Vale Parish Council
    Smith (Councillor): The budget for **tree** **planting** was approved last year."
contains "... and of an action" "$out" "[action] Clerk to obtain quotes for the **tree** **planting**"
contains "a quoted phrase is marked whole" "$("$GIJI" search "$A" '"tree planting"')" "**tree planting**"
contains "any case" "$("$GIJI" search "$A" BUDGET)" "The **budget** for"
is "whole words: budgets is not budget" "$("$GIJI" search "$A" budgets)" ""
contains "a final * is a prefix" "$("$GIJI" search "$A" 'bud*')" "The **budget** for"

# The options.
count() { printf '%s\n' "$1" | grep -c '^    '; }
is "--speaker by name: both meetings" "$(count "$("$GIJI" search "$A" 予算 --speaker 伊藤)")" 2
is "--speaker by id: one meeting" "$(count "$("$GIJI" search "$A" 予算 --speaker ito)")" 1
is "--speaker by full name" "$(count "$("$GIJI" search "$A" 予算 --speaker '伊藤 一郎')")" 2
is "--from" "$(count "$("$GIJI" search "$A" 予算 --from 2024-01-01)")" 2
is "--to" "$(count "$("$GIJI" search "$A" 予算 --to 2023-12-31)")" 2
is "--from and --to of one day" "$(count "$("$GIJI" search "$A" 予算 --from 2023-05-10 --to 2023-05-10)")" 2
is "--kind ordinance" "$(count "$("$GIJI" search "$A" 予算 --kind ordinance)")" 2
is "--kind report" "$(count "$("$GIJI" search "$A" 予算 --kind report)")" 2
is "--outcome rejected (the item's decision)" "$(count "$("$GIJI" search "$A" 予算 --outcome rejected)")" 2
is "--outcome carried (the item's vote)" "$(count "$("$GIJI" search "$A" 公園 --outcome carried)")" 4
is "--outcome consented" "$(count "$("$GIJI" search "$A" 同意 --outcome consented)")" 2
is "--outcome approved finds none here" "$(count "$("$GIJI" search "$A" 予算 --outcome approved)")" 0
out=$("$GIJI" search "$A" 予算 --limit 1 2>"$T/err")
is "--limit 1" "$(count "$out")" 1
contains "... saying there is more" "$(cat "$T/err")" "the first hit only; --limit 0 shows them all"
is "a file named alone" "$(count "$("$GIJI" search "$A/2024/parish.giji" budget)")" 1
is "two folders" "$(count "$("$GIJI" search "$A/2024" "$A/2023" 予算)")" 4
"$GIJI" search "$A" 予算 --kind budget 2>"$T/err"; rc=$?
is "--kind budget exits 2" "$rc" 2
contains "... naming the kinds" "$(cat "$T/err")" "--kind 'budget': give consultation, report"
"$GIJI" search "$A" 予算 --outcome passed >/dev/null 2>&1; is "--outcome passed exits 2" $? 2
"$GIJI" search "$A" 予算 --from 2024-02-30 2>"$T/err"; rc=$?
is "a bad date exits 2" "$rc" 2
contains "... naming it" "$(cat "$T/err")" "'2024-02-30' is not a date"
"$GIJI" search "$A" '、。' 2>"$T/err"; rc=$?
is "a query of punctuation exits 2" "$rc" 2
contains "... saying so" "$(cat "$T/err")" "has no letters, digits or characters to search for"
"$GIJI" search 予算 >/dev/null 2>&1; is "QUERY alone exits 2" $? 2
"$GIJI" search "$A/2024/notes.txt" 予算 2>"$T/err"; rc=$?
is "a file named that is not a meeting exits 1" "$rc" 1
contains "... naming it" "$(cat "$T/err")" "notes.txt: not a giji meeting file; left out"
"$GIJI" search "$A" 予算 --color always --limit 1 2>/dev/null |
    grep -qF "$(printf '\033[1;31m予算\033[m')"
is "--color always marks in colour" $? 0

# --json: one object per hit.
"$GIJI" search "$A" 予算 --json > "$T/hits.json"
is "--json: one line per hit" "$(wc -l < "$T/hits.json")" 4
check "--json: each line parses, with the keys and the mark in characters" python3 -c '
import json, sys
hits = [json.loads(l) for l in open(sys.argv[1])]
h = hits[0]
want = {"file": sys.argv[2] + "/2024/kankyo-02.giji", "title": "令和6年度第2回環境審議会",
    "date": "2024-06-27", "item": "市民緑化推進事業の進捗について", "item_id": "a1",
    "kind": "report", "speaker": "伊藤（委員）", "speaker_id": "ito", "type": "speech",
    "seq": 10, "text": "緑化推進事業の予算はどの程度でしょうか。", "marks": [[7, 9]],
    "redacted": False}
assert h == want, h
assert h["text"][7:9] == "予算"
assert hits[2]["type"] == "agenda.add" and hits[2]["speaker"] is None
assert [x["date"] for x in hits] == ["2024-06-27"] * 2 + ["2023-05-10"] * 2
' "$T/hits.json" "$A"

# The index: in $XDG_CACHE_HOME/giji, private, apart from the meetings,
# which are left as they were.
is "the index is in the cache folder, 0600" "$(stat -c %a "$XDG_CACHE_HOME/giji/archive.db")" 600
is "... which is 0700" "$(stat -c %a "$XDG_CACHE_HOME/giji")" 700
is "the meeting files are byte for byte as they were" "$(sums)" "$before"
is "nothing is left beside them" "$(ls "$A/2024" "$A/2023/old" | grep -c -e '-wal$' -e '-shm$')" 0

# In step with the files.
"$GIJI" search -v "$A" 予算 >/dev/null 2>"$T/err"
contains "unchanged files are not read again" "$(cat "$T/err")" "3 meetings, 0 indexed now, 0 gone"
GIJI_NOW=2024-06-27T15:10:00+09:00 "$GIJI" add "$A/2024/kankyo-02.giji" note text="補正予算は次回に審議する。" >/dev/null
out=$("$GIJI" search -v "$A" 補正予算 2>"$T/err")
contains "an appended event is found" "$out" "[note] **補正予算**は次回に審議する。"
contains "... the file indexed again, alone" "$(cat "$T/err")" "3 meetings, 1 indexed now"
uuid=$("$GIJI" log --json "$A/2023/old/toshi-01.giji" | grep '道路補修の予算について' | sed 's/.*"uuid":"\([^"]*\)".*/\1/')
"$GIJI" add "$A/2023/old/toshi-01.giji" amend target="$uuid" 'data:={"text":"舗装の予算について伺います。"}' >/dev/null
out=$("$GIJI" search "$A" 予算 --speaker 伊藤)
contains "an amended speech is found as amended" "$out" "**予算**について伺います。"
contains "..." "$out" "舗装の"
case $out in *道路補修の\*\*予算\*\*について*) tap_result 1 "... not as it was" ;;
*) tap_result 0 "... not as it was" ;; esac
touch "$A/2024/parish.giji"
"$GIJI" search -v "$A" budget >/dev/null 2>"$T/err"
contains "a file only touched is not folded again" "$(cat "$T/err")" "3 meetings, 0 indexed now"
cp "$A/2024/parish.giji" "$A/2023/parish-copy.giji"
"$GIJI" search -v "$A" budget >"$T/out" 2>"$T/err"
contains "a new file is indexed; a copy is the same meeting" "$(cat "$T/err")" \
    "3 meetings, 1 indexed now"
contains "... said with -v" "$(cat "$T/err")" "1 file holds a log another file holds too"
is "... searched once" "$(count "$(cat "$T/out")")" 1
out=$("$GIJI" stats "$A" --json 2>/dev/null)
contains "... and counted once" "$out" '"meetings":3'
"$GIJI" add "$A/2023/parish-copy.giji" speech speaker=smith \
    text="A second budget line, in this meeting only." >/dev/null
"$GIJI" search -v "$A" budget >"$T/out" 2>"$T/err"
contains "a copy that went on: the original is in it, counted once" \
    "$(cat "$T/err")" "3 meetings, 1 indexed now"
is "... its hits from the longer file" "$(grep -c "parish-copy.giji" "$T/out")" 2
cp "$A/2024/parish.giji" "$A/2023/template-use.giji"
"$GIJI" add "$A/2023/template-use.giji" speech speaker=smith \
    text="Another meeting from the same first events: no budget words." >/dev/null
"$GIJI" search -v "$A" budget >"$T/out" 2>"$T/err"
contains "two files that part after shared first events are two meetings" \
    "$(cat "$T/err")" "4 meetings, 1 indexed now"
rm "$A/2023/parish-copy.giji" "$A/2023/template-use.giji"
"$GIJI" search -v "$A" budget >"$T/out" 2>"$T/err"
contains "a removed file leaves the index" "$(cat "$T/err")" "3 meetings, 0 indexed now, 2 gone"
is "... and its hits" "$(count "$(cat "$T/out")")" 1
"$GIJI" search -v --reindex "$A" budget >/dev/null 2>"$T/err"
contains "--reindex folds every file again" "$(cat "$T/err")" "3 meetings, 3 indexed now"
# Two searches at once, each indexing every file: both answer, alike.
"$GIJI" search --reindex "$A" 予算 > "$T/one" 2>&1 &
p1=$!
"$GIJI" search --reindex "$A" 予算 > "$T/two" 2>&1
rc2=$?
wait $p1
rc1=$?
is "two searches indexing at once both answer" "$rc1/$rc2" 0/0
check "... the same hits" cmp "$T/one" "$T/two"
printf 'garbage, not SQLite at all, long enough to be read as a header....................................' > "$XDG_CACHE_HOME/giji/archive.db"
rm -f "$XDG_CACHE_HOME/giji/archive.db-wal" "$XDG_CACHE_HOME/giji/archive.db-shm"
out=$("$GIJI" search -v "$A" 予算 2>"$T/err"); rc=$?
is "a damaged index is made anew (and 補正予算 is a hit now)" "$rc/$(count "$out")" 0/5
contains "... from the files" "$(cat "$T/err")" "3 meetings, 3 indexed now"

# A copy whose chain does not verify stands for no other file: one that
# forges a speech, keeps the stored hashes and adds a row to look longer
# does not hide the record it copies.
F=$T/forge
mkdir -p "$F/official" "$F/zz"
"$GIJI" new "$F/official/r.giji" --title 会議 --date 2022-06-27 >/dev/null
"$GIJI" add "$F/official/r.giji" member.add id=ito name=伊藤 >/dev/null
"$GIJI" add "$F/official/r.giji" speech speaker=ito text=資料について >/dev/null
cp "$F/official/r.giji" "$F/zz/a.giji"
sqlite3 "$F/zz/a.giji" "DROP TRIGGER events_no_update;
 UPDATE events SET payload='{\"speaker\":\"ito\",\"text\":\"資料について偽造\"}' WHERE seq=3;
 INSERT INTO events(seq,uuid,ts,station,type,payload,prev_hash,hash) VALUES(4,'99999999-9999-4999-8999-999999999999',1656306000000000,'x','note','{\"text\":\"x\"}',(SELECT hash FROM events WHERE seq=3),printf('%064d',1));
 UPDATE head SET seq=4, hash=printf('%064d',1);" 2>/dev/null
out=$("$GIJI" search "$F" 資料 2>/dev/null)
contains "the genuine record is still found" "$out" "official/r.giji"

done_testing

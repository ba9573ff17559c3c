#!/bin/sh
# SPDX-License-Identifier: ISC
# giji import --csv members|agenda: a roster and an agenda from a
# spreadsheet, in UTF-8 with and without a BOM and in CP932 (Shift_JIS)
# made here with iconv; quoted values, lists, blank rows, CRLF; every bad
# row reported with its line, and then nothing imported.
. "${top_srcdir:-.}/tests/lib.sh"

export GIJI_NOW=2022-06-27T14:00:00+09:00 GIJI_NOW_STEP=1000000
command -v iconv >/dev/null 2>&1 || skip_all "no iconv to make CP932 files"

# data: the log's data objects, one a line.
data() {
	"$GIJI" log --json "$1" | sed 's/.*"data":\({.*}\),"prev_hash".*/\1/'
}

cat > "$T/members.csv" <<'EOF'
id,name,full_name,reading,role,kind,seat,org,side,agenda
ueda,上田,上田 恵子,うえだ けいこ,会長,chair,1,,,
ito,伊藤,"伊藤, 一郎",いとう いちろう,委員,member,2,,,
髙橋,髙橋,髙橋 ①,,委員,,3,,,

koba,小林,,,環境政策課長,staff,,環境局,implementing,a1; a2 ；a3
EOF
want='{"id":"ueda","name":"上田","full_name":"上田 恵子","reading":"うえだ けいこ","role":"会長","kind":"chair","seat":"1"}
{"id":"ito","name":"伊藤","full_name":"伊藤, 一郎","reading":"いとう いちろう","role":"委員","kind":"member","seat":"2"}
{"id":"髙橋","name":"髙橋","full_name":"髙橋 ①","role":"委員","seat":"3"}
{"id":"koba","name":"小林","role":"環境政策課長","kind":"staff","org":"環境局","side":"implementing","agenda":["a1","a2","a3"]}'

"$GIJI" new "$T/u.giji"
"$GIJI" import --csv members "$T/u.giji" < "$T/members.csv" 2>"$T/err"; rc=$?
is "UTF-8: exits 0" "$rc" 0
is "... says what it imported and how it read it" "$(cat "$T/err")" \
    "$T/u.giji: imported 4 members from CSV (UTF-8)"
is "... every field typed, the list split on ; and ；, empty cells left out, the blank row skipped" \
    "$(data "$T/u.giji")" "$want"
check "... the file verifies" "$GIJI" verify "$T/u.giji"

"$GIJI" new "$T/bom.giji"
{ printf '\357\273\277'; cat "$T/members.csv"; } > "$T/bom.csv"
"$GIJI" import --csv members "$T/bom.giji" < "$T/bom.csv" 2>"$T/err"; rc=$?
is "UTF-8 with a BOM (Excel's CSV UTF-8): exits 0" "$rc" 0
is "... the BOM is not part of the first field's name" "$(data "$T/bom.giji")" "$want"

# Japanese Excel's "CSV": CP932, CRLF. 髙 and ① are CP932 only (not in
# JIS X 0208 Shift_JIS), as a real roster has them.
sed 's/$/\r/' "$T/members.csv" | iconv -f UTF-8 -t CP932 > "$T/sjis.csv"
[ "$(head -c 2 "$T/sjis.csv" | od -An -tx1 | tr -d ' ')" = 6964 ] &&
    ! iconv -f UTF-8 -t UTF-8 < "$T/sjis.csv" >/dev/null 2>&1
is "the CP932 file is not UTF-8" $? 0
"$GIJI" new "$T/s.giji"
"$GIJI" import --csv members "$T/s.giji" < "$T/sjis.csv" 2>"$T/err"; rc=$?
is "CP932 detected: exits 0" "$rc" 0
is "... says it read CP932" "$(cat "$T/err")" \
    "$T/s.giji: imported 4 members from CSV (CP932 (Shift_JIS))"
is "... the same events as from UTF-8" "$(data "$T/s.giji")" "$want"
"$GIJI" new "$T/s2.giji"
check "--encoding shift_jis forces it" sh -c \
    "'$GIJI' import --csv members --encoding shift_jis '$T/s2.giji' < '$T/sjis.csv'"
is "... the same events" "$(data "$T/s2.giji")" "$want"
"$GIJI" new "$T/s3.giji"
"$GIJI" import --csv members --encoding utf-8 "$T/s3.giji" < "$T/sjis.csv" 2>"$T/err"; rc=$?
is "--encoding utf-8 on a CP932 file exits 1" "$rc" 1
contains "... naming the line and the byte" "$(cat "$T/err")" \
    "s3.giji: standard input, line 2: byte 0x8f (byte 64 of the file) is not UTF-8: give --encoding cp932"
is "... nothing imported" "$("$GIJI" log "$T/s3.giji" | wc -l)" 0
printf 'id,name\r\nx,\377\376\r\n' > "$T/neither.csv"
"$GIJI" import --csv members "$T/s3.giji" < "$T/neither.csv" 2>"$T/err"; rc=$?
is "neither UTF-8 nor CP932 exits 1" "$rc" 1
contains "... naming the line and the byte" "$(cat "$T/err")" \
    "line 2: byte 0xff (byte 12 of the file) is neither UTF-8 nor CP932"
printf '\377\376i\000d\000' | "$GIJI" import --csv members "$T/s3.giji" 2>"$T/err"
contains "UTF-16 is named, with what to do" "$(cat "$T/err")" \
    "the file is UTF-16 (Excel's \"Unicode text\"): save it as CSV UTF-8"

# An agenda, quoted values over two lines, "" for a quote, CP932.
cat > "$T/agenda.csv" <<'EOF'
ID,Title,Kind,Label,Dept,Section
a1,"諮問第3号 ""一般廃棄物処理基本計画""
の改定について",consultation,諮問第3号,環境局,諮問事項
a2,市民緑化推進事業の進捗について,report,（２）,環境局,報告事項
a3,その他,other,,,
EOF
iconv -f UTF-8 -t CP932 < "$T/agenda.csv" > "$T/agenda-sjis.csv"
"$GIJI" import --csv agenda "$T/u.giji" < "$T/agenda-sjis.csv" 2>"$T/err"; rc=$?
is "agenda in CP932: exits 0" "$rc" 0
is "... header names in any case" "$(data "$T/u.giji" | tail -n 3)" \
    '{"id":"a1","title":"諮問第3号 \"一般廃棄物処理基本計画\"\nの改定について","kind":"consultation","label":"諮問第3号","dept":"環境局","section":"諮問事項"}
{"id":"a2","title":"市民緑化推進事業の進捗について","kind":"report","label":"（２）","dept":"環境局","section":"報告事項"}
{"id":"a3","title":"その他","kind":"other"}'
check "the agenda opens (the fold reads the items)" "$GIJI" add "$T/u.giji" agenda.open item=a2
contains "the minutes print an imported title" "$("$GIJI" minutes "$T/u.giji")" "市民緑化推進事業の進捗について"

# Bad rows: each reported with its line (a quoted value over two lines
# counts both), and nothing is imported.
before=$("$GIJI" log "$T/u.giji" | wc -l)
cat > "$T/bad.csv" <<'EOF'
id,name,role,kind,agenda
m1,森,委員,member,
m2,,委員,member,
m3,"三
行",委員,,
ito,伊藤,委員,,
m6,森,委員,boss,
m4,木村,委員,member,a1,extra
m5,林,委員,member,
m5,林,委員,member,
EOF
"$GIJI" import --csv members "$T/u.giji" < "$T/bad.csv" 2>"$T/err"; rc=$?
is "bad rows: exits 1" "$rc" 1
is "every bad row is reported with its line, then the count" "$(cat "$T/err")" \
"giji: $T/u.giji: standard input, line 3: member.add: field 'name' is required (as printed (often the surname))
giji: $T/u.giji: standard input, line 4: member.add: field 'name' holds a line break or a control character: a name, a label or an id is one line (write it on one; amend a recorded one)
giji: $T/u.giji: standard input, line 6: member.add: field 'id': 'ito' is already used (ids are unique; correct it with amend)
giji: $T/u.giji: standard input, line 7: member.add: field 'kind': unknown value \"boss\": expected member, chair, vice, presiding, staff, group or observer
giji: $T/u.giji: standard input, line 8: 6 values where the header names 5 columns
giji: $T/u.giji: standard input, line 10: member.add: field 'id': 'm5' is already used (ids are unique; correct it with amend)
giji: $T/u.giji: standard input (read as UTF-8): 6 problems; nothing was imported"
is "... nothing was imported (the good rows neither)" "$("$GIJI" log "$T/u.giji" | wc -l)" "$before"

printf 'id,nmae,role\nm9,森,委員\n' | "$GIJI" import --csv members "$T/u.giji" 2>"$T/err"; rc=$?
is "an unknown column exits 1" "$rc" 1
contains "... naming the nearest field" "$(cat "$T/err")" \
    "line 1: column 2: member.add has no field 'nmae' (did you mean 'name'?)"
contains "... and the required one missing" "$(cat "$T/err")" \
    "line 1: the header has no column 'name', which every member.add needs"
printf 'id,title,joint\nb1,一括審議,b2\n' | "$GIJI" import --csv agenda "$T/u.giji" 2>"$T/err"
contains "joint in an agenda says where it belongs" "$(cat "$T/err")" \
    "column 3: agenda.add has no field 'joint': items deliberated together are named when they are opened"
printf 'id,name,id\nm9,森,m9\n' | "$GIJI" import --csv members "$T/u.giji" 2>"$T/err"
contains "a column twice is refused" "$(cat "$T/err")" "columns 1 and 3 both name the field 'id'"
printf 'id,name\nm9,"森\n' | "$GIJI" import --csv members "$T/u.giji" 2>"$T/err"
contains "an unclosed quote names its line" "$(cat "$T/err")" \
    "standard input, line 2: a quoted value is never closed"
printf 'id,name\nm9,"森"x\n' | "$GIJI" import --csv members "$T/u.giji" 2>"$T/err"
contains "text after a closing quote names its line" "$(cat "$T/err")" \
    "standard input, line 2: text after a closing quote"
: | "$GIJI" import --csv members "$T/u.giji" 2>"$T/err"; rc=$?
is "an empty file exits 1" "$rc" 1
contains "... saying what the first row holds" "$(cat "$T/err")" "the file is empty: its first row names the fields"
is "none of these imported anything" "$("$GIJI" log "$T/u.giji" | wc -l)" "$before"

"$GIJI" import --csv people "$T/u.giji" < /dev/null 2>/dev/null
is "--csv people exits 2" $? 2
"$GIJI" import --csv members --encoding latin1 "$T/u.giji" < /dev/null 2>/dev/null
is "--encoding latin1 exits 2" $? 2
"$GIJI" import --csv members --skip-existing "$T/u.giji" < /dev/null 2>/dev/null
is "--csv with --skip-existing exits 2" $? 2
"$GIJI" import --csv members "$T/none.giji" < "$T/members.csv" 2>"$T/err"
contains "a missing meeting file is named" "$(cat "$T/err")" "none.giji: no such meeting file"

done_testing

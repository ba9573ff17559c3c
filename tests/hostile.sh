#!/bin/sh
# SPDX-License-Identifier: ISC
# Hostile files and input through the command line:
#  - files that are not meetings (text, empty, another program's SQLite in
#    rollback and WAL mode, a newer schema, truncated, a broken chain, a
#    folder): every subcommand gives a clear message, exit 1, never a
#    crash, and the file's bytes and mtime are unchanged;
#  - invalid UTF-8 of every class, C0/C1 controls, NUL, escape sequences,
#    bidi overrides, a 10 MB speech, a 1 MB agenda title, through add and
#    import: stored safely or refused with a clear message, nothing half
#    done; the text output of giji log and every message never carry a
#    raw ESC, C0 or C1 control or a bidi override to the terminal;
#  - a disk that fills up (a 1 MB tmpfs in a private mount namespace) and
#    a file size limit (ulimit -f): exit 1, "nothing was recorded", the
#    chain valid, and recording goes on once space returns.
. "${top_srcdir:-.}/tests/lib.sh"

export GIJI_NOW=2022-06-27T14:00:00+09:00 GIJI_NOW_STEP=1000000
m=$T/m.giji

state() {	# bytes and mtime of a file (and whether -wal exists)
	if [ -f "$1" ]; then
		printf '%s %s' "$(sha256sum < "$1" | cut -c1-16)" \
		    "$(stat -c %y "$1")"
	else
		stat -c %y "$1"
	fi
}

# Characters a terminal would act on: invalid UTF-8, C0 but TAB and LF,
# DEL, C1, bidi overrides and isolates. Prints their count.
unsafe() {
	perl -e 'local $/; $_ = <STDIN>; my $n = utf8::decode($_) ? 0 : 1;
	    $n += () = /[\x00-\x08\x0b-\x1f\x7f-\x9f\x{202a}-\x{202e}\x{2066}-\x{2069}]/g;
	    print $n' < "$1"
}

"$GIJI" new "$m" --title 審議会 >/dev/null 2>&1
"$GIJI" add "$m" member.add id=ito name=伊藤 >/dev/null 2>&1
"$GIJI" add "$m" agenda.add id=a1 title=議題 >/dev/null 2>&1
"$GIJI" add "$m" speech speaker=ito text=はい >/dev/null 2>&1

# --- Files that are not meetings -------------------------------------

printf 'hello\n' > "$T/text.giji"
: > "$T/empty.giji"
sqlite3 "$T/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1)'
sqlite3 "$T/otherwal.db" 'PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1)' >/dev/null
cp "$m" "$T/newer.giji"; sqlite3 "$T/newer.giji" 'PRAGMA user_version = 3'
head -c 8192 "$m" > "$T/trunc.giji"
head -c 100 "$m" > "$T/trunc100.giji"
cp "$m" "$T/broken.giji"
sqlite3 "$T/broken.giji" ".dbconfig enable_trigger off" "UPDATE events SET payload='{\"text\":\"いいえ\",\"speaker\":\"ito\"}' WHERE seq=4" >/dev/null
mkdir "$T/dir.giji"
touch -d 2020-01-01 "$T"/*.giji "$T"/*.db

for f in text empty other.db otherwal.db newer trunc trunc100 broken dir; do
	case $f in *.db) p=$T/$f ;; *) p=$T/$f.giji ;; esac
	before=$(state "$p")
	for cmd in log verify add import; do
		case $cmd in
		add) "$GIJI" add "$p" note text=x >"$T/out" 2>"$T/err" </dev/null ;;
		import) printf '{"type":"note","data":{"text":"x"}}\n' |
		    "$GIJI" import "$p" >"$T/out" 2>"$T/err" ;;
		*) "$GIJI" "$cmd" "$p" >"$T/out" 2>"$T/err" </dev/null ;;
		esac
		rc=$?
		if [ "$f" = broken ] && [ "$cmd" = log ]; then
			# log reads it as it is; add and import check the chain first.
			is "$f: log reads it (exit 0)" "$rc" 0
			continue
		fi
		is "$f: $cmd exits 1" "$rc" 1
		contains "$f: $cmd names the file" "$(cat "$T/err")" "$p"
	done
	is "$f: bytes and mtime unchanged" "$(state "$p")" "$before"
done
contains "not SQLite: says so" "$("$GIJI" log "$T/text.giji" 2>&1)" "not a giji meeting"
contains "another program's: says so" "$("$GIJI" add "$T/other.db" note text=x 2>&1)" "another program"
contains "newer schema: says so" "$("$GIJI" log "$T/newer.giji" 2>&1)" "newer giji"
contains "broken chain: verify names seq 4" "$("$GIJI" verify "$T/broken.giji" 2>&1)" "seq 4: hash mismatch"
contains "broken chain: add says nothing was written" "$("$GIJI" add "$T/broken.giji" note text=x 2>&1)" "seq 4: hash mismatch"
contains "truncated: says it is damaged" "$("$GIJI" verify "$T/trunc.giji" 2>&1)" "damaged"
is "other program's WAL database: no -wal left behind by giji" \
    "$(ls "$T"/other.db-wal 2>/dev/null)" ""

# --- Hostile text through giji add -----------------------------------

n0=$(sqlite3 "$m" 'SELECT count(*) FROM events')
for class in \
    'overlong /:\300\257' 'overlong 3-byte:\340\200\257' \
    'overlong 4-byte:\360\200\200\257' 'surrogate D800:\355\240\200' \
    'surrogate DFFF:\355\277\277' 'truncated 2-byte:\303' \
    'truncated 3-byte:\343\201' 'truncated 4-byte:\360\237\230' \
    'lone continuation:\200' 'above U+10FFFF:\364\220\200\200' \
    'F5 lead:\365\200\200\200' 'FE:\376' 'FF:\377' 'C0 lead:\300'; do
	name=${class%%:*}
	bytes=$(printf "${class#*:}")
	"$GIJI" add "$m" speech speaker=ito "text=前${bytes}後" >"$T/out" 2>"$T/err"
	rc=$?
	is "add refuses invalid UTF-8 ($name): exit 1" "$rc" 1
	contains "add: $name: the message says so" "$(cat "$T/err")" "not valid UTF-8"
	printf '{"type":"speech","data":{"speaker":"ito","text":"前%s後"}}\n' "$bytes" |
	    "$GIJI" import "$m" >"$T/out" 2>"$T/err"
	is "import refuses invalid UTF-8 ($name): exit 1" "$?" 1
done
is "nothing was stored" "$(sqlite3 "$m" 'SELECT count(*) FROM events')" "$n0"

# Controls, escapes, bidi: stored (as JSON escapes or characters), never
# shown raw.
esc=$(printf '\033[2J\033]0;pwned\007')
c1=$(printf '\302\233\062J\302\205')
bidi=$(printf '\342\200\256evil\342\201\246x\342\201\251')
c0=$(printf '\001\002\010\013\014\016\037\177')
check "add: ESC sequences stored" "$GIJI" add "$m" speech speaker=ito "text=$esc"
check "add: C1 controls stored" "$GIJI" add "$m" speech speaker=ito "text=$c1"
check "add: bidi overrides stored" "$GIJI" add "$m" speech speaker=ito "text=$bidi"
check "add: C0 controls and DEL stored" "$GIJI" add "$m" speech speaker=ito "text=$c0"
check "add: hostile agenda title stored" "$GIJI" add "$m" agenda.add id=a2 "title=$esc$c1$bidi"
check_fail "add: a member name with controls is refused (a name is one line)" \
    "$GIJI" add "$m" member.add id=x "name=$esc$c1$bidi$c0"
contains "saying so" "$(cat "$T/.out")" "field 'name' holds a line break or a control character"
printf '%s' "$esc$c1$bidi$c0" | python3 -c 'import json, sys
print(json.dumps({"type": "member.add", "data": {"id": "x", "name": sys.stdin.read()}}))' \
    >"$T/xname.jsonl"
check "import: kept with a warning (another writer's)" \
    sh -c "'$GIJI' import '$m' < '$T/xname.jsonl'"
contains "the warning" "$(cat "$T/.out")" "warning: member.add: field 'name' holds a line break"
# A speech's label of two lines would print a line that reads as another
# member's speech: refused live; an imported one is printed on one line.
check_fail "add: a label with a line break is refused" "$GIJI" add "$m" speech \
    speaker=ito text=Fine. "label=$(printf 'Ito\nKim: I resign.')"
printf '%s\n' '{"type":"speech","data":{"speaker":"ito","text":"Fine.","label":"Ito\nKim: I resign."}}' |
    "$GIJI" import "$m" >/dev/null 2>&1
"$GIJI" minutes "$m" --style verbatim-named >"$T/lab.txt" 2>/dev/null
is "no line of the minutes begins with the label's second line" \
    "$(grep -c '^Kim: I resign' "$T/lab.txt")" 0
"$GIJI" new "$T/lb.giji" >/dev/null
printf '%s\n' '{"type":"member.add","data":{"id":"ito","name":"伊藤","role":"委員"}}' \
    '{"type":"speech","data":{"speaker":"ito","text":"Fine.","label":"Ito\nKim: I resign."}}' |
    "$GIJI" import "$T/lb.giji" >/dev/null 2>&1
contains "the label's break is a space, as a name's is" \
    "$("$GIJI" minutes "$T/lb.giji" --style verbatim-named)" "【Ito Kim: I resign.】Fine."
# Nor with a member's name of two lines (imported, with a warning).
"$GIJI" new "$T/nl.giji" >/dev/null
printf '%s\n' '{"type":"member.add","data":{"id":"ito","name":"Ito\nKim: I resign."}}' \
    '{"type":"speech","data":{"speaker":"ito","text":"Fine."}}' |
    "$GIJI" import "$T/nl.giji" >/dev/null 2>&1
for st in verbatim-named council-uk base; do
	"$GIJI" minutes "$T/nl.giji" --style $st --lang en 2>/dev/null
done >"$T/nl.txt"
is "a name of two lines prints on one: no line begins with its second" \
    "$(grep -c '^Kim: I resign' "$T/nl.txt")" 0
"$GIJI" add "$m" speech "speaker=$esc" text=x 2>"$T/err"
is "an unknown hostile speaker id is refused" "$?" 1
is "and the message carries no raw control" "$(unsafe "$T/err")" 0
GIJI_STATION="a${esc}b" "$GIJI" add "$m" note text=x 2>"$T/err"
is "a station with ESC is refused" "$?" 1
contains "with a message" "$(cat "$T/err")" "control character"
GIJI_STATION="a${c1}${bidi}b" "$GIJI" add "$m" note text=x >/dev/null 2>"$T/err"
is "a station with C1 and bidi characters is refused too" "$?" 1
contains "with a message" "$(cat "$T/err")" "not plain UTF-8 text"
"$GIJI" add "$m" note text=x 'a"b=1' 2>"$T/err"
is "a field name with a quote is refused, not dropped" "$?" 2

cat > "$T/hostile.jsonl" <<'EOF'
{"type":"speech","data":{"speaker":"ito","text":"NUL\u0000here"}}
{"type":"speech","data":{"speaker":"ito","text":"\u001b[31mred\u001b[0m \u009b2J \u202eevil"}}
{"type":"note","station":"\u001b]0;x\u0007","data":{"text":"station"}}
EOF
"$GIJI" import "$m" < "$T/hostile.jsonl" 2>"$T/err"
is "import: a station with escapes is refused, nothing imported" "$?" 1
head -1 "$T/hostile.jsonl" > "$T/hostile1.jsonl"
check_fail "import: a NUL (\\u0000) in a text is refused" \
    sh -c "'$GIJI' import '$m' < '$T/hostile1.jsonl'"
contains "saying why" "$(cat "$T/.out")" "holds \\u0000 (a NUL character)"
sed -n 2p "$T/hostile.jsonl" > "$T/hostile2.jsonl"
check "import: ESC, C1 and bidi as JSON escapes are stored" \
    sh -c "'$GIJI' import '$m' < '$T/hostile2.jsonl'"
printf '{"type":"note","data":{"text":"raw\033ESC"}}\n' |
    "$GIJI" import "$m" >/dev/null 2>&1
is "import: a raw ESC inside a JSON string is refused (not JSON)" "$?" 1
printf '{"type":"\\u001b]0;pwned\\u0007","data":{}}\n' |
    "$GIJI" import "$m" 2>"$T/err"
is "import: a hostile type is refused" "$?" 1
is "and the message carries no raw control" "$(unsafe "$T/err")" 0
contains "but says what it was" "$(cat "$T/err")" "unknown event type"

"$GIJI" log "$m" > "$T/log.txt"
is "giji log: exit 0" "$?" 0
is "giji log text output has no raw ESC, C0, C1 or bidi control" "$(unsafe "$T/log.txt")" 0
"$GIJI" log "$m" --json > "$T/log.json"
LC_ALL=C grep -c -P '[\x00-\x08\x0b-\x1f]' "$T/log.json" > "$T/n"
is "giji log --json has no raw C0 control (JSON escapes them)" "$(cat "$T/n")" 0
is "giji log --json has no raw DEL, C1 or bidi control (written as \\u escapes)" \
    "$(unsafe "$T/log.json")" 0
check "verify after hostile input" "$GIJI" verify "$m"
# giji stats --json prints names and ids as they are recorded: what a
# terminal obeys as \u escapes (the same JSON value), as giji log --json.
"$GIJI" new "$T/bidi.giji" >/dev/null
printf '{"type":"member.add","data":{"id":"b%s","name":"Ev%sil"}}\n' "$bidi" "$bidi" |
    "$GIJI" import "$T/bidi.giji" >/dev/null 2>&1
printf '{"type":"speech","data":{"speaker":"b%s","text":"x"}}\n' "$bidi" |
    "$GIJI" import "$T/bidi.giji" >/dev/null 2>&1
"$GIJI" stats "$T/bidi.giji" --json >"$T/st.json" 2>/dev/null
is "giji stats --json has no raw bidi control" "$(unsafe "$T/st.json")" 0
contains "written as \\u escapes" "$(cat "$T/st.json")" '\u202e'
check "and is JSON" python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$T/st.json"
# An id with an invisible character looks like another: refused live,
# warned on import, reported by verify --strict.
zw=$(printf '\342\200\213')
"$GIJI" add "$T/bidi.giji" member.add id=ito name=Ito >/dev/null
check_fail "add: an id with a zero-width space is refused" \
    "$GIJI" add "$T/bidi.giji" member.add "id=ito$zw" name=Ito
contains "naming the character" "$(cat "$T/.out")" \
    "holds an invisible character (U+200B), which makes two ids look the same"
printf '{"type":"speech","data":{"speaker":"ito\\ufeff","text":"x"}}\n' |
    "$GIJI" import "$T/bidi.giji" >/dev/null 2>"$T/err"
contains "import: a speaker id with U+FEFF is warned of" "$(cat "$T/err")" \
    "holds an invisible character (U+FEFF)"
# U+2028, a line break to some readers: a name of one line refuses it
# as it does LF; in a speech the minutes print it as a line break.
ls2028=$(printf '\342\200\250')
check_fail "add: a name with U+2028 is refused (a name is one line)" \
    "$GIJI" add "$T/bidi.giji" member.add id=ls "name=A${ls2028}B"
"$GIJI" add "$T/bidi.giji" member.add id=ls name=Ls >/dev/null
"$GIJI" add "$T/bidi.giji" speech speaker=ls "text=one${ls2028}two" >/dev/null
"$GIJI" minutes "$T/bidi.giji" >"$T/ls.txt" 2>/dev/null
is "the minutes print U+2028 in a speech as a line break" \
    "$(grep -c "$ls2028" "$T/ls.txt")" 0
check "the words on either side of it stay" grep -q '^two' "$T/ls.txt"

# Sizes: a 10 MB speech is refused, a 1 MB title stored.
n0=$(sqlite3 "$m" 'SELECT count(*) FROM events')
{ printf '{"type":"speech","data":{"speaker":"ito","text":"'
  head -c 10485760 /dev/zero | tr '\0' 'x'; printf '"}}\n'; } > "$T/big.jsonl"
"$GIJI" import "$m" < "$T/big.jsonl" 2>"$T/err"
is "a 10 MB speech is refused (exit 1)" "$?" 1
contains "with the limit in the message" "$(cut -c1-300 "$T/err")" "at most 2097152 bytes"
is "and nothing was stored" "$(sqlite3 "$m" 'SELECT count(*) FROM events')" "$n0"
awk 'BEGIN { printf "{\"type\":\"agenda.add\",\"data\":{\"id\":\"big\",\"title\":\""
	for (i = 0; i < 349525; i++) printf "議"; printf "\"}}\n" }' > "$T/title.jsonl"
check "a 1 MB agenda title is stored" sh -c "'$GIJI' import '$m' < '$T/title.jsonl'"
is "the title is whole" "$(sqlite3 "$m" "SELECT length(json_extract(payload,'\$.title')) FROM events WHERE type='agenda.add' AND json_extract(payload,'\$.id')='big'")" 349525
check "giji log prints it" sh -c "'$GIJI' log '$m' > '$T/log2.txt'"
check "verify after the big title" "$GIJI" verify "$m"
big=$(head -c 100000 /dev/zero | tr '\0' 'y')
check "a 100 kB speech through add is stored" "$GIJI" add "$m" speech speaker=ito "text=$big"

# Times in UTC microseconds: beyond the years 0000-9999 (INT64_MIN, a
# number SQLite reads as 1.0e+20) refused; the times and durations of a
# valid log never overflow (a speech started in 1970, recorded in 9999).
n0=$(sqlite3 "$m" 'SELECT count(*) FROM events')
for ts in -9223372036854775808 99999999999999999999 253402387140000000; do
	printf '{"type":"note","ts":%s,"data":{"text":"x"}}\n' "$ts" |
	    "$GIJI" import "$m" >/dev/null 2>"$T/err"
	is "import ts $ts: refused (exit 1)" "$?" 1
	contains "import ts $ts: the message says why" "$(cat "$T/err")" "out of range"
done
is "and nothing was stored" "$(sqlite3 "$m" 'SELECT count(*) FROM events')" "$n0"
"$GIJI" new "$T/far.giji" >/dev/null 2>&1
{ echo '{"type":"member.add","data":{"id":"ito","name":"伊藤"}}'
  echo '{"type":"note","ts":-62167219200000000,"data":{"text":"x"}}'
  for i in $(seq 40); do
	echo '{"type":"speech","ts":"9999-12-31T23:00:00Z","data":{"speaker":"ito","text":"x","started":"1970-01-01T00:00:01Z"}}'
  done; } | "$GIJI" import "$T/far.giji" 2>"$T/err"
is "far times: imported" "$?" 0
check "far times: giji log" sh -c "'$GIJI' log '$T/far.giji' > '$T/far.log'"
"$GIJI" stats "$T/far.giji" > "$T/far.txt" 2>&1
is "far times: giji stats" "$?" 0
check "far times: no negative speaking time (the sums saturate)" \
    sh -c "! grep -q -- '-[0-9]' '$T/far.txt'"
check "far times: internal minutes with the chart" \
    sh -c "'$GIJI' minutes '$T/far.giji' --format html > '$T/far.html'"

# --- A file size limit: writes fail with EFBIG ------------------------

n0=$(sqlite3 "$m" 'SELECT count(*) FROM events')
(ulimit -f 16; trap '' XFSZ; exec "$GIJI" add "$m" speech speaker=ito "text=$big") 2>"$T/err"
is "ulimit -f: add exits 1" "$?" 1
contains "ulimit -f: nothing was recorded" "$(cat "$T/err")" "nothing was recorded"
is "ulimit -f: nothing was stored" "$(sqlite3 "$m" 'SELECT count(*) FROM events')" "$n0"
check "ulimit -f: verify after" "$GIJI" verify "$m"
check "ulimit -f: recording goes on without the limit" "$GIJI" add "$m" speech speaker=ito "text=$big"

# --- A full disk: a 1 MB tmpfs in a private mount namespace -----------

if unshare -rm true 2>/dev/null; then ns="unshare -rm"
elif [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then ns="unshare -m"
else ns=; fi
if [ -n "$ns" ] && command -v mount >/dev/null; then
	cat > "$T/full.sh" <<'EOF'
set -u
d=$T/small; mkdir -p "$d"
mount -t tmpfs -o size=1m tmpfs "$d" || exit 77
f=$d/f.giji
"$GIJI" new "$f" >/dev/null 2>&1 && "$GIJI" add "$f" member.add id=ito name=x >/dev/null 2>&1 || exit 1
big=$(head -c 60000 /dev/zero | tr '\0' 'z')
ok=0; full=0; other=0
for free in 0 4 16 40 80 160; do
	dd if=/dev/zero of="$d/fill" bs=4k 2>/dev/null
	[ "$free" -gt 0 ] && truncate -s -$((free * 1024)) "$d/fill"
	"$GIJI" add "$f" speech speaker=ito "text=$big" >/dev/null 2>"$T/full.err.$free"
	case $? in 0) ok=$((ok + 1)) ;;
	1) if grep -q 'nothing was recorded' "$T/full.err.$free"; then full=$((full + 1)); else other=$((other + 1)); fi ;;
	*) other=$((other + 1)) ;; esac
	rm -f "$d/fill"
	"$GIJI" verify "$f" >/dev/null 2>&1 || echo "verify failed after free=$free" >> "$T/full.bad"
	n=$(sqlite3 "$f" 'SELECT count(*) FROM events')
	[ "$n" = $((1 + ok)) ] || echo "free=$free: $n events, $ok recorded" >> "$T/full.bad"
done
"$GIJI" add "$f" speech speaker=ito "text=$big" >/dev/null 2>&1 || echo "no recording after space returned" >> "$T/full.bad"
"$GIJI" verify "$f" >/dev/null 2>&1 || echo "verify failed at the end" >> "$T/full.bad"
grep -h 'disk is full' "$T"/full.err.* | head -1 > "$T/full.msg"
grep -hv 'disk is full' "$T"/full.err.* | head -1 > "$T/full.other"
echo "$ok $full $other" > "$T/full.res"
umount "$d"
EOF
	: > "$T/full.bad"
	T=$T GIJI=$GIJI $ns sh "$T/full.sh"
	rc=$?
	if [ "$rc" = 77 ]; then
		echo "# SKIP full disk: cannot mount a tmpfs here"
	else
		is "full disk: the test ran" "$rc" 0
		read -r fok ffull fother < "$T/full.res"
		echo "# full disk: $fok appends fitted, $ffull refused (disk full), $fother other"
		is "full disk: every refusal said nothing was recorded" "$fother" 0
		check "full disk: some appends were refused" test "$ffull" -gt 0
		contains "full disk: the message says the disk is full" "$(cat "$T/full.msg")" "the disk is full"
		[ -s "$T/full.other" ] && echo "# full disk, other message: $(cat "$T/full.other")"
		is "full disk: chain valid, counts right, recording went on" "$(cat "$T/full.bad")" ""
	fi
else
	echo "# SKIP full disk: no mount namespace (unshare -rm) here"
fi

done_testing

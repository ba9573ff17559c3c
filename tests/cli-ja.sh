#!/bin/sh
# SPDX-License-Identifier: ISC
# The command line in the user's language (issue 14 item 3): each command
# and failure below runs under ja_JP.UTF-8, where its message must be
# Japanese and its English text gone, and under C.UTF-8, where it must be
# the English one; LANGUAGE=ja changes nothing under C.UTF-8. What scripts
# read stays as it is in every locale: the 'seq N' and 'head HASH' fields,
# giji log --json, giji minutes. The causes that come up from core (the
# log's checks and its file errors) are translated as the commands' own.
. "${top_srcdir:-.}/tests/lib.sh"
need_locale ja_JP.UTF-8

export GIJI_NOW=2022-06-27T14:00:00+09:00 GIJI_NOW_STEP=1000000
export XDG_CACHE_HOME="$T/cache"
m=$T/m.giji

# run LOCALE CMD...: the command's standard output and error, together.
run() {
	_l=$1; shift
	LC_ALL=$_l "$@" 2>&1
}

# both WHAT JA EN CMD...: under ja_JP.UTF-8 the output holds JA and not
# EN; under C.UTF-8 it holds EN (and under C.UTF-8 with LANGUAGE=ja too).
both() {
	_what=$1 _ja=$2 _en=$3; shift 3
	_out=$(run ja_JP.UTF-8 "$@")
	contains "ja: $_what" "$_out" "$_ja"
	case $_out in
	*"$_en"*) tap_result 1 "ja: $_what: no English"
		printf '#   %s\n' "$_out" | head -5 ;;
	*) tap_result 0 "ja: $_what: no English" ;;
	esac
	contains "C.UTF-8: $_what" "$(run C.UTF-8 "$@")" "$_en"
	contains "C.UTF-8, LANGUAGE=ja: $_what" \
	    "$(LANGUAGE=ja run C.UTF-8 "$@")" "$_en"
}

# with_input FILE CMD...: CMD reading FILE (both runs it three times).
with_input() {
	_f=$1; shift
	"$@" <"$_f"
}

# --- giji, giji new, add, import, log, verify (tui/giji.c, tui/cli.c) ---

both "giji --help" "使い方: giji [FILE]" "usage: giji [FILE]" "$GIJI" --help
both "a mistyped command" "不明なコマンドです。giji minutes のことですか" \
    "unknown command; did you mean giji minutes?" "$GIJI" minuts x.giji
both "giji new --help" "使い方: giji new FILE" "usage: giji new FILE" \
    "$GIJI" new --help
both "new without FILE" "FILE を一つだけ指定してください（giji --help を参照）" \
    "new: give exactly one FILE (see giji --help)" "$GIJI" new
both "new with a bad date" "2022-06-27 のような日付ではありません" \
    "is not a date like 2022-06-27" "$GIJI" new "$T/x.giji" --date 令和
"$GIJI" new "$m" --title 審議会 --date 2022-06-27 >/dev/null
"$GIJI" add "$m" member.add id=ito name=伊藤 >/dev/null
both "an unknown event type" "不明な事象の種類 'speach'" \
    "unknown event type 'speach'" "$GIJI" add "$m" speach text=x
both "a field that is not an integer" \
    "項目 'seats' は 0 から 2147483647 までの整数にしてください" \
    "field 'seats' must be an integer" "$GIJI" add "$m" meta.set seats=many
both "an unknown field, with the nearest" "警告: 不明な項目 'txt'（'text' のことですか？）" \
    "warning: unknown field 'txt' (did you mean 'text'?)" \
    "$GIJI" add "$m" speech speaker=ito txt=x text=y
both "import of no events" "0 件の事象を取り込みました" "imported 0 events" \
    "$GIJI" import "$m" </dev/null
both "import --csv of an unknown kind" "members（名簿）か agenda（議題）を指定してください" \
    "give members (a roster) or agenda" "$GIJI" import --csv votes "$m"
both "log with two files" "FILE は一つにしてください" "log: give one FILE" \
    "$GIJI" log "$m" "$m"

# --- the causes that come up from core (core/log*.c) -------------------

m=$T/m.giji
both "core: an unknown member" "項目 'speaker': 不明な委員 'sato'（先に member.add で追加してください）" \
    "field 'speaker': unknown member 'sato' (add it first with member.add)" \
    "$GIJI" add "$m" speech speaker=sato text=x
both "core: a required field, with its help" "項目 'text': 必須です（発言の内容）" \
    "field 'text' is required (what was said)" \
    "$GIJI" add "$m" speech speaker=ito
both "core: an id used twice" "'ito' はすでに使われています" \
    "'ito' is already used" "$GIJI" add "$m" member.add id=ito name=x
both "core: a value of the wrong type" "項目 'title': 文字列にしてください" \
    "field 'title' must be string" "$GIJI" add "$m" meta.set 'title:=5'
both "core: not a uuid" "項目 'target': 'abc' は uuid ではありません" \
    "field 'target': 'abc' is not a uuid" "$GIJI" add "$m" retract target=abc
both "core: no such meeting file" "その会議ファイルはありません: 作るには giji new" \
    "no such meeting file: create it with giji new" "$GIJI" log "$T/none.giji"
printf 'hello\n' >"$T/text.giji"
both "core: not a meeting" "giji の会議ではありません（SQLite のデータベースではありません）" \
    "not a giji meeting (not an SQLite database)" "$GIJI" log "$T/text.giji"
: >"$T/empty.giji"
both "core: an empty database" "空の SQLite データベースで、giji の会議ではありません" \
    "an empty SQLite database, not a giji meeting" "$GIJI" log "$T/empty.giji"
both "core: new over a meeting" "すでにあります: 別の名前にするか" \
    "already exists: choose another name" "$GIJI" new "$m"
both "core: backup over a file" "すでにあります: 置き換えるには --force を付けてください" \
    "already exists: use --force to replace it" "$GIJI" backup "$m" "$T/text.giji"
both "core: backup over itself" "コピー元そのものです" \
    "is the file being copied: give another DEST" "$GIJI" backup "$m" "$m"
printf '[1]\n' >"$T/array.jsonl"
both "core: an import line that is not an object" \
    "標準入力 1 行目: JSON のオブジェクトではありません。何も取り込んでいません" \
    "standard input, line 1: not a JSON object; nothing was imported" \
    with_input "$T/array.jsonl" "$GIJI" import "$m"
printf 'id,nmae\na,b\n' >"$T/roster.csv"
both "core: a CSV column with the nearest field" \
    "2 列目: member.add に項目 'nmae' はありません（'name' のことですか？）" \
    "column 2: member.add has no field 'nmae' (did you mean 'name'?)" \
    with_input "$T/roster.csv" "$GIJI" import --csv members "$m"
both "core: a CSV's count of problems" "問題 2 件。何も取り込んでいません" \
    "2 problems; nothing was imported" \
    with_input "$T/roster.csv" "$GIJI" import --csv members "$m"

# A tally the rules refuse (core/vote.c): the clerk reads why.
mv=$T/vote.giji
"$GIJI" new "$mv" >/dev/null
"$GIJI" import "$mv" 2>/dev/null <<'EOF2'
{"type":"meta.set","data":{"seats":3}}
{"type":"member.add","data":{"id":"a","name":"A"}}
{"type":"member.add","data":{"id":"b","name":"B"}}
{"type":"member.add","data":{"id":"c","name":"C"}}
{"type":"agenda.add","data":{"id":"i1","title":"x"}}
{"type":"agenda.open","data":{"item":"i1"}}
{"type":"vote.call","data":{"id":"v1","item":"i1","method":"hands"}}
EOF2
both "vote: more votes than members present" \
    "採決 v1: 5 票が数えられていますが、出席委員は 3 人だけです" \
    "vote v1: 5 votes counted but only 3 members present" \
    "$GIJI" add "$mv" vote.tally vote=v1 for=5 against=0
both "vote: a casting vote without the chair" \
    "議長の決裁が記録されていますが、議長が出席していません" \
    "a casting vote was given but the chair is not present" \
    "$GIJI" add "$mv" vote.tally vote=v1 for=1 against=1 casting=yes

# giji verify: the sentence is the user's, the fields are the scripts'.
m=$T/v.giji
"$GIJI" new "$m" --title 審議会 >/dev/null
"$GIJI" import "$m" 2>/dev/null <<'EOF2'
{"type":"member.add","data":{"id":"ito","name":"伊藤"}}
{"type":"speech","data":{"speaker":"ito","text":"一つ目"}}
{"type":"speech","data":{"speaker":"ito","text":"二つ目"}}
EOF2
both "verify" "事象 4 件、チェーンは正常です" "4 events, chain valid" \
    "$GIJI" verify "$m"
head_c=$(LC_ALL=C.UTF-8 "$GIJI" verify "$m" | sed 's/.*head //')
head_ja=$(LC_ALL=ja_JP.UTF-8 "$GIJI" verify "$m" | sed 's/.*head //')
is "verify: scripts read the same head hash in both locales" "$head_ja" \
    "$head_c"
is "verify: the head is 64 hex digits" \
    "$(printf %s "$head_ja" | grep -cxE '[0-9a-f]{64}')" 1
both "verify --head of an earlier event" \
    "は seq 3 です。その後に 1 件の事象が記録されています" \
    "is seq 3; 1 event was recorded after it" \
    "$GIJI" verify "$m" --head "$(LC_ALL=C "$GIJI" log "$m" --json |
    sed -n '3s/.*"hash":"\([0-9a-f]*\)".*/\1/p')"
# A tampered file: 'seq N' stays for scripts, the reason is the user's.
cp "$m" "$T/t.giji"
sqlite3 "$T/t.giji" .dbconfig\ enable_trigger\ off \
    "UPDATE events SET payload=replace(payload,'一つ目','一つ')" >/dev/null
both "verify of a tampered file" \
    "seq 3: ハッシュが一致しません: 記録の後に事象が改変されています" \
    "seq 3: hash mismatch: the event was altered after it was recorded" \
    "$GIJI" verify "$T/t.giji"
is "log --json is the same in both locales" \
    "$(LC_ALL=ja_JP.UTF-8 "$GIJI" log "$m" --json)" \
    "$(LC_ALL=C.UTF-8 "$GIJI" log "$m" --json)"

# --- giji minutes, stats, styles, backup, search (tui/cli-*.c) ---------

both "minutes --help" "形式（--format）:" "formats:" "$GIJI" minutes --help
both "minutes --help: the formats" "様式どおりのテキスト" \
    "plain text in the house style" "$GIJI" minutes --help
both "minutes with an unknown format" "不明な形式 'odt'" \
    "unknown format 'odt'" "$GIJI" minutes "$m" --format odt
both "minutes: the hint after a usage error" \
    "'giji minutes --help' を参照してください。" \
    "Try 'giji minutes --help'." "$GIJI" minutes "$m" --format odt
both "minutes with no FILE" "FILE を一つだけ指定してください" \
    "give exactly one FILE" "$GIJI" minutes
both "stats with a bad year" "は 2024 のような年ではありません" \
    "is not a year like 2024" "$GIJI" stats "$m" --year 令和6
both "styles with a bad verb" "引数なし、show NAME、check FILE のいずれか" \
    "expected nothing, show NAME or check FILE" "$GIJI" styles rm x
both "styles --help" "使える様式の一覧" "list the styles giji can find" \
    "$GIJI" styles --help
# A style file's errors: the secretariat reads them (core/style.c,
# core/minutes-style.c, core/template.c).
printf '[style]\nname = x\nlanguages = ja\n[bogus]\nfoo = 1\n' >"$T/bad.style"
both "styles check: an unknown section" "bad.style:4:1: 不明な節 [bogus]" \
    "bad.style:4:1: unknown section [bogus]" "$GIJI" styles check "$T/bad.style"
sed 's/^date = .*/date = #{daay} #{upper:year/' \
    "$top_srcdir/tests/styles/wattle.style" >"$T/tpl.style"
both "styles check: a template's syntax" "tpl.style:12:28: 引数の後に } を書いてください" \
    "tpl.style:12:28: expected } after the argument" \
    "$GIJI" styles check "$T/tpl.style"
sed 's/^date = .*/date = #{daay}/' "$top_srcdir/tests/styles/wattle.style" \
    >"$T/name.style"
both "styles check: an unknown name" "ここでは名前 'daay' は使えません" \
    "unknown name 'daay' here" "$GIJI" styles check "$T/name.style"
both "styles show of no such style" "様式 'nosuch' はありません" \
    "no style 'nosuch'" "$GIJI" styles show nosuch
mkdir -p "$T/cfg/giji/styles"
printf '[style]\n' >"$T/cfg/giji/styles/broken.style"
both "styles: a style in error in the list" "（誤りあり: giji styles check）" \
    "(has errors: giji styles check)" \
    env XDG_CONFIG_HOME="$T/cfg" "$GIJI" styles
both "minutes with a style in error: the count" \
    "tpl.style に誤りが 1 件あります（giji styles check で確かめられます）" \
    "tpl.style has 1 error (giji styles check shows it)" \
    "$GIJI" minutes "$m" --style "$T/tpl.style"
both "minutes with an option the style lacks" \
    "様式 summary にオプション 'foo' はありません" \
    "style summary has no option 'foo'" "$GIJI" minutes "$m" --option foo=bar
both "backup" "事象 4 件を写して検証しました、head " \
    "4 events copied and verified, head " "$GIJI" backup "$m" "$T/b.giji" \
    --force
is "backup: scripts read the same head as verify's" \
    "$(LC_ALL=ja_JP.UTF-8 "$GIJI" backup "$m" "$T/b.giji" --force |
    sed 's/.*head //')" "$head_c"
both "search: a bad --kind lists the kinds" \
    "--kind 'x': " "--kind 'x': give " "$GIJI" search "$T" 予算 --kind x
both "search: a bad --color" "auto, always, never のいずれかを指定してください" \
    "give auto, always or never" "$GIJI" search "$T" 予算 --color x
both "search: a query with nothing to search for" \
    "検索語 '!!!' には、検索できる文字や数字がありません" \
    "the query '!!!' has no letters, digits or characters to search for" \
    "$GIJI" search "$m" '!!!'
both "search: a file that is not a meeting" \
    "giji の会議ファイルではありません。対象から外しました" \
    "not a giji meeting file; left out" "$GIJI" search "$T/text.giji" 予算
both "stats: a bad --from" "'2024/1' は 2024-04-01 のような日付ではありません" \
    "'2024/1' is not a date like 2024-04-01" "$GIJI" stats "$T" --from 2024/1

done_testing

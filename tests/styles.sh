#!/bin/sh
# SPDX-License-Identifier: ISC
# Style files (giji-style(5)): every broken file is refused with its
# file:line:col and exit 1, a sound one passes; styles are found by name in
# $XDG_CONFIG_HOME, then $XDG_CONFIG_DIRS, then among the shipped ones;
# options come from meta.set style_options and --option; a style with
# errors never produces minutes; the manual's example is a sound style.
. "$srcdir/tests/minutes-lib.sh"
XDG_CONFIG_HOME=$T/home; XDG_CONFIG_DIRS=$T/site1:$T/site2
export XDG_CONFIG_HOME XDG_CONFIG_DIRS
mkdir -p "$T/home/giji/styles" "$T/site1/giji/styles" "$T/site2/giji/styles"

H='[style]
name = t
languages = ja'

# broken NAME EXPECTED-MESSAGE: giji styles check of $T/NAME.style (its
# text in $T/in) exits 1 and prints EXPECTED-MESSAGE after the file name.
broken() {
	mv "$T/in" "$T/$1.style"
	"$GIJI" styles check "$T/$1.style" >"$T/out" 2>"$T/err"
	rc=$?
	if [ $rc -eq 1 ] && grep -qF "$T/$1.style:$2" "$T/err"; then
		t_ok "broken $1: $2"
	else
		t_fail "broken $1: $2 (exit $rc)"
		sed 's/^/#   /' "$T/err" | head -5
	fi
}
style_in() { printf '%s\n' "$@" >"$T/in"; }

style_in '[style]' 'languages = ja'
broken noname "1:1: the [style] section must give the style's name"
style_in '[style]' 'name = t'
broken nolang "1:1: the [style] section must say which languages"
style_in "$H" '[sytle]'
broken section "4:1: unknown section [sytle] (did you mean [style]?)"
style_in "$H" '[labelz]' 'open = x'
broken section2 "4:1: unknown section [labelz] (did you mean [labels]?)"
style_in "$H" '[vote.tall]' 'line = x'
broken section3 "4:1: unknown section [vote.tall] (did you mean [vote.tally]?)"
style_in "$H" '[labels]' 'opne = 【'
broken key "5:1: unknown key 'opne' in [labels] (did you mean 'open'?)"
style_in "$H" '[format]' 'digits = wide'
broken enum "5:10: [format] digits: unknown value 'wide' (one of: half,full,mixed)"
style_in "$H" '[labels]' 'align = maybe'
broken bool "5:9: [labels] align: expected yes or no"
style_in "$H" 'oops'
broken barekey "4:1: unknown key 'oops' in [style]"
style_in "$H" '= 1'
broken nokey "4:1: expected a key"
style_in "$H" 'name x'
broken noequals "4:6: expected = after the key 'name'"
style_in 'name = t'
broken outside "1:1: 'name' outside a section"
style_in "$H" '[labels'
broken bracket "4:8: expected ] or 'when' after the section name"
style_in "$H" '[labels when]'
broken when "4:13: expected a condition NAME=VALUE"
style_in "$H" '[labels when lang]'
broken when2 "4:14: expected a condition NAME=VALUE"
style_in "$H" '[labels when lang=fr]'
broken cond "4:14: lang cannot be 'fr'"
style_in "$H" '[labels when mood=happy]'
broken cond2 "4:14: unknown condition 'mood'"
style_in "$H" '[labels when format=rtf]'
broken cond3 "4:14: format cannot be 'rtf'"
style_in "$H" '[labels] x'
broken trail "4:10: unexpected text after the section header"
style_in "$H" '[labels]' 'gap = "  '
broken quote "5:10: expected \" to close the quoted value"
style_in "$H" '[labels]' 'gap = "a" b'
broken quote2 "5:11: text after the closing quote"
style_in "$H" '[labels]' 'open = a\qb'
broken escape "5:9: unknown escape after"
printf "$H\n[labels]\nopen = a\001b\n" >"$T/in"
broken control "5:9: a control character (U+0001) in the value"
printf "$H\n[labels]\nopen = a\342\200\256b\n" >"$T/in"
broken bidi "5:9: a control character (U+202E) in the value"
style_in "$H" '[header]' 'title = #{meting}'
broken name "5:9: unknown name 'meting' here"
style_in "$H" '[header]' 'title = #{meeting'
broken brace "5:18: expected } or | after the name"
style_in "$H" '[header]' 'title = #{?meeting}'
broken cond3 "5:19: expected , after the condition"
style_in "$H" '[header]' 'title = #{each:members,、}'
broken each "5:25: expected , after the separator"
style_in "$H" '[header]' 'title = #{members}'
broken list "5:9: 'members' is a list: print it with #{each:members,SEPARATOR,TEMPLATE}"
style_in "$H" '[header]' 'title = #{chair}'
broken object "5:9: 'chair' is an object: name one of its fields"
style_in "$H" '[header]' 'title = #{each:title,、,x}'
broken notlist "5:9: 'title' is not a list"
style_in "$H" '[header]' 'title = #{frobnicate:1}'
broken func "5:11: unknown function 'frobnicate'"
style_in "$H" '[header]' 'title = #{chair.nmae}'
broken field "5:9: unknown name 'chair.nmae' here"
style_in "$H" '[vote.tally]' 'line = #{title}: #{speaker}'
broken context "5:18: unknown name 'speaker' here"
style_in "$H" '[header]' 'row = 日時'
broken row "5:1: a row is LABEL | VALUE"
style_in "$H" '[header]' 'gap = 1'
broken gap "5:7: 'gap' takes no value"
style_in "$H" '[define]' 'meeting = x'
broken macro "5:1: 'meeting' cannot be a macro"
style_in "$H" '[define]' 'm = #{oops}' '[header]' 'title = #{m}'
broken inmacro "5:5: unknown name 'oops' here"
style_in "$H" '[define]' 'm9 = x' 'm8 = #{m9}#{m9}#{m9}#{m9}' \
    'm7 = #{m8}#{m8}#{m8}#{m8}' 'm6 = #{m7}#{m7}#{m7}#{m7}' \
    'm5 = #{m6}#{m6}#{m6}#{m6}' 'm4 = #{m5}#{m5}#{m5}#{m5}' \
    'm3 = #{m4}#{m4}#{m4}#{m4}' 'm2 = #{m3}#{m3}#{m3}#{m3}' \
    'm1 = #{m2}#{m2}#{m2}#{m2}' 'm0 = #{m1}#{m1}#{m1}#{m1}' \
    '[header]' 'title = #{m0}'
broken fanout "6:6: macros are used more than 100000 times over in this template"
style_in "$H" 'use = /etc/passwd'
broken usepath "4:7: use: a path to a file that is not a .style file"
t_check "use: the file is not read (nothing of it in the message)" \
    sh -c "! grep -q root '$T/err'"
style_in '[style]' 'name = t' 'languages = ja fr'
broken lang "3:16: languages: unknown language 'fr'"
style_in '[style]' 'name = t' 'languages = ja' 'option = form plenary'
broken option "4:10: an option is NAME: VALUE | VALUE"
style_in '[style]' 'name = t' 'languages = ja' 'option = Form: a | b'
broken option2 "4:10: an option's name is lower-case"
style_in '[style]' 'name = t' 'languages = ja' 'option = f: a' 'option = f: b'
broken option3 "5:10: option 'f' declared twice"
style_in '[style]' 'name = t' 'languages = ja' 'option = f:'
broken option4 "4:12: expected the option's values"
style_in '[style]' 'name = t' 'languages = ja' 'option = lang: a'
broken option5 "4:10: an option needs a name other than lang"
style_in "$H" '[labels when form=x]'
broken optcond "4:14: unknown condition 'form'"
printf '\377\n' >"$T/in"
broken utf8 "1:1: invalid UTF-8"
style_in "$H" '[header]' 'title = #{?#{==:#{ordinal},1,x}'
broken cmp "5:32: expected , after the condition"
style_in "$H" '[header]' 'title = x' '[header]' 'title_if = #{?#{each:items,,x}}'
broken nested "7:31: expected , after the condition"
style_in "$H" '[agenda]' 'item_level = 4'
broken level "5:14: [agenda] item_level: a level is 1, 2 or 3"
style_in "$H" '[header]' 'title = #{option.year}'
broken option6 "5:9: unknown name 'option.year' here"

# Every error is reported, not only the first, each on its line.
printf '%s\n' "$H" '[labelz]' '[labels]' 'opne = x' 'align = maybe' >"$T/many.style"
"$GIJI" styles check "$T/many.style" 2>"$T/err"
t_check "check: every error, one a line" sh -c "[ \$(wc -l <'$T/err') -eq 3 ]"

# A sound file passes; a shipped style by name; usage errors exit 2.
printf '%s\n' '[style]' 'name = ok' 'languages = ja' '[header]' 'title = #{meeting}' >"$T/ok.style"
t_check "check: a sound style exits 0, silent" sh -c \
    "'$GIJI' styles check '$T/ok.style' 2>'$T/err' && [ ! -s '$T/err' ]"
for s in base summary verbatim verbatim-named qa written; do
	t_check "check: shipped $s is sound" "$GIJI" styles check "$s"
done
"$GIJI" styles check "$T/none.style" 2>"$T/err"
rc=$?
t_check "check: a missing file exits 2 (cannot be found) and says so" sh -c \
    "[ $rc -eq 2 ] && grep -q 'none.style' '$T/err'"
"$GIJI" styles check nosuch >/dev/null 2>&1
t_check "check: a name not found exits 2" [ $? -eq 2 ]
printf '[style]\n' >"$T/unreadable.style"; chmod 000 "$T/unreadable.style"
"$GIJI" styles check "$T/unreadable.style" >/dev/null 2>&1
rc=$?
if [ "$(id -u)" -ne 0 ]; then
	t_check "check: a file that cannot be read exits 1" [ $rc -eq 1 ]
fi
chmod 600 "$T/unreadable.style"
"$GIJI" styles frob >/dev/null 2>&1
t_check "styles frob: exit 2" [ $? -eq 2 ]

# The manual's example is a sound style.
sed -n '/^# planning: minutes of the planning committee/,/^\.EE/p' \
    "$top_srcdir/docs/giji-style.5" | sed -e '/^\.EE/d' -e 's/\\e/\\/g' \
    >"$T/planning.style"
t_check "giji-style(5): the example is a sound style" \
    "$GIJI" styles check "$T/planning.style"

# Lookup: XDG_CONFIG_HOME, then each of XDG_CONFIG_DIRS, then shipped.
m=$(meeting summary)
"$GIJI" minutes "$m" --style "$T/none.style" >/dev/null 2>"$T/err"
rc=$?
t_check "minutes: a style file that is not there exits 2" sh -c \
    "[ $rc -eq 2 ] && grep -q 'no style file .*none.style' '$T/err'"
printf '%s\n' '[style]' 'name = summary' 'languages = ja' \
    'description = site two' '[header]' 'title = SITE2' >"$T/site2/giji/styles/summary.style"
"$GIJI" minutes "$m" >"$T/a.txt"
t_check "lookup: a site style shadows the shipped one" grep -qx SITE2 "$T/a.txt"
printf '%s\n' '[style]' 'name = summary' 'languages = ja' \
    '[header]' 'title = SITE1' >"$T/site1/giji/styles/summary.style"
"$GIJI" minutes "$m" >"$T/a.txt"
t_check "lookup: the first of XDG_CONFIG_DIRS wins" grep -qx SITE1 "$T/a.txt"
printf '%s\n' '[style]' 'name = summary' 'languages = ja' \
    '[header]' 'title = HOME' >"$T/home/giji/styles/summary.style"
"$GIJI" minutes "$m" -v >"$T/a.txt" 2>"$T/err"
t_check "lookup: XDG_CONFIG_HOME wins" grep -qx HOME "$T/a.txt"
t_check "minutes -v names the file used" grep -q "style summary from $T/home/giji/styles/summary.style" "$T/err"
"$GIJI" styles >"$T/list"
t_check "styles: the user's summary listed where it was found" \
    grep -q "^summary	ja	$T/home/giji/styles/summary.style	" "$T/list"
t_check "styles: shipped styles listed" grep -q '^qa	ja en	shipped	' "$T/list"
rm -f "$T/home/giji/styles/summary.style" "$T/site1/giji/styles/summary.style" \
    "$T/site2/giji/styles/summary.style"
"$GIJI" minutes "$m" --style "$T/ok.style" >"$T/a.txt"
t_check "--style PATH" grep -qx "$(sed -n 's/^title = //p' "$T/ok.style" | sed 's/#{meeting}/.*/')" "$T/a.txt"
"$GIJI" styles show qa >"$T/show.txt"
t_check "styles show: the shipped file" cmp "$T/show.txt" "$top_srcdir/styles/qa.style"

# A style with errors never produces minutes; a style not found is bad usage.
"$GIJI" minutes "$m" --style "$T/many.style" >"$T/a.txt" 2>"$T/err"
rc=$?
t_check "minutes: a style with errors is refused, exit 1, naming it" sh -c \
    "[ $rc -eq 1 ] && [ ! -s '$T/a.txt' ] && grep -q 'many.style:4:1' '$T/err'"
"$GIJI" minutes "$m" --style nosuch >/dev/null 2>"$T/err"
rc=$?
t_check "minutes: --style nosuch exits 2" sh -c "[ $rc -eq 2 ] && grep -q \"no style 'nosuch'\" '$T/err'"

# Options: declared in [style], read in conditions and templates, set
# by meta.set style_options and by --option (which wins).
cat >"$T/home/giji/styles/opt.style" <<'STYLE'
[style]
name = opt
languages = ja
option = form: plenary | committee
[header]
title = #{option.form}
[header when form=committee]
title = 委員会 #{option.form}
STYLE
"$GIJI" minutes "$m" --style opt >"$T/a.txt"
t_check "option: the first value is the default" grep -qx plenary "$T/a.txt"
"$GIJI" minutes "$m" --style opt --option form=committee >"$T/a.txt"
t_check "option: --option, read in a condition" grep -qx '委員会 committee' "$T/a.txt"
"$GIJI" new "$T/o.giji" >/dev/null
"$GIJI" import "$T/o.giji" <"$srcdir/tests/fixtures/summary.jsonl" >/dev/null 2>&1
"$GIJI" add "$T/o.giji" meta.set 'style_options:={"form":"committee"}' >/dev/null 2>&1
"$GIJI" minutes "$T/o.giji" --style opt >"$T/a.txt"
t_check "option: meta.set style_options" grep -qx '委員会 committee' "$T/a.txt"
"$GIJI" minutes "$T/o.giji" --style opt --option form=plenary >"$T/a.txt"
t_check "option: --option wins over the meeting's" grep -qx plenary "$T/a.txt"
"$GIJI" minutes "$m" --style opt --option form=joint >/dev/null 2>"$T/err"
t_check "option: an unknown value is refused, naming the values" \
    grep -q 'option form cannot be .joint. (one of: plenary, committee)' "$T/err"
"$GIJI" minutes "$m" --style opt --option colour=red >/dev/null 2>"$T/err"
t_check "option: an unknown option is refused, naming the style's" \
    grep -q "has no option 'colour' (its options: form)" "$T/err"

"$GIJI" minutes "$m" --style qa -v >/dev/null 2>"$T/err"
t_check "minutes -v: a shipped style" grep -q "style qa, shipped with giji" "$T/err"

# Compact spacing: lines of an item follow each other, an empty line
# before a heading and the closing; a title's lines stand together.
cat >"$T/compact.style" <<'STYLE'
[style]
name = compact
languages = ja
[format]
spacing = compact
[header]
form = lines
title = #{upper:x}#{lower:ABC}\n#{year} #{pad:#{ordinal|7},3}
[agenda]
item = #{heading}
item_level = 2
[closing]
line = END
STYLE
"$GIJI" minutes "$m" --style "$T/compact.style" >"$T/c.txt"
t_check "compact: a title's two lines together" sh -c \
    "head -3 '$T/c.txt' | tr '\\n' '|' | grep -qx 'Xabc|2021 007||'"
t_check "compact: no empty line between a question and its answer" \
    sh -c "grep -A1 '^【委員】宛名と中身' '$T/c.txt' | tail -1 | grep -q '^【市民税】'"
t_check "compact: an empty line before a heading" sh -c \
    "grep -B1 '^保育所入所申込みのオンライン受付\$' '$T/c.txt' | head -1 | grep -qx ''"
t_check "compact: an empty line before the closing" sh -c \
    "grep -B1 '^END\$' '$T/c.txt' | head -1 | grep -qx ''"

# A paragraph in the header ([header] para, para_if left out when empty),
# and a separator between items ([agenda] separator): before every item
# opened after anything else of the proceedings, not before the first
# when nothing of the proceedings comes before it.
cat >"$T/sep.style" <<'STYLE'
[style]
name = sep
languages = ja
[header]
form = colon
title = T
para = OPENING #{date}
para_if = #{meta.nosuch}
gap
heading = H
[agenda]
separator = ----#{position}
item = #{position} #{title}
item_level = 2
[closing]
line = END
STYLE
"$GIJI" minutes "$m" --style "$T/sep.style" >"$T/s.txt" 2>"$T/err"
t_check "header para: a paragraph under the title" sh -c \
    "sed -n 3p '$T/s.txt' | grep -qx 'OPENING 令和3年10月19日（火）'"
t_check "header para_if: an empty one is left out" sh -c \
    "sed -n 4,5p '$T/s.txt' | tr '\\n' '|' | grep -qx '|H|'"
t_check "separator: none before the first item, nothing before it" sh -c \
    "! grep -q -- '^----1\$' '$T/s.txt'"
t_check "separator: before each later item, above its heading" sh -c \
    "grep -A2 -- '^----2\$' '$T/s.txt' | tail -1 | grep -q '^2 ' &&
     grep -q -- '^----3\$' '$T/s.txt'"
"$GIJI" minutes "$m" --style "$T/sep.style" --format html >"$T/s.html"
t_check "header para: a paragraph in HTML" grep -q '<p class="para">OPENING' "$T/s.html"
t_check "separator: a line of its own in HTML" grep -q '<p class="note">----2</p>' "$T/s.html"
printf '%s\n' '{"type":"meta.set","data":{"title":"P","date":"2025-03-04"}}' \
    '{"type":"member.add","data":{"id":"m","name":"Park","kind":"presiding"}}' \
    '{"type":"member.add","data":{"id":"c","name":"Chu"}}' >"$T/p.jsonl"
"$GIJI" new "$T/p.giji" >/dev/null && "$GIJI" import "$T/p.giji" <"$T/p.jsonl" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = k' 'languages = en' '[header]' \
    'title = #{each:roster,#, ,#{name} #{kind}}' >"$T/kind.style"
"$GIJI" minutes "$T/p.giji" --style "$T/kind.style" >"$T/k.txt"
t_check "#{kind} of a presiding member is presiding" grep -qx \
    'Park presiding, Chu member' "$T/k.txt"

# Newcomers' findings: lines within a block, titles parted by gap, nth.
printf '%s\n' '{"type":"meta.set","data":{"title":"Board","date":"2026-03-18","lang":"en"}}' \
    '{"type":"member.add","data":{"id":"a","name":"Ann","kind":"chair"}}' \
    '{"type":"member.add","data":{"id":"b","name":"Bo"}}' \
    '{"type":"member.add","data":{"id":"c","name":"Cy"}}' \
    '{"type":"member.add","data":{"id":"d","name":"Di"}}' \
    '{"type":"member.add","data":{"id":"e","name":"Ed"}}' \
    '{"type":"attendance","data":{"member":"b","status":"absent"}}' \
    '{"type":"agenda.add","data":{"id":"i","title":"Budget"}}' \
    '{"type":"meeting.open"}' \
    '{"type":"agenda.open","data":{"item":"i"}}' \
    '{"type":"speech","data":{"speaker":"a","text":"One.\nTwo."}}' \
    '{"type":"vote.call","data":{"id":"v","item":"i","motion":"To adopt","method":"hands","moved_by":"c"}}' \
    '{"type":"vote.tally","data":{"vote":"v","for":3,"against":0}}' >"$T/n.jsonl"
"$GIJI" new "$T/n.giji" >/dev/null && "$GIJI" import "$T/n.giji" <"$T/n.jsonl" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = n' 'languages = en' '[format]' 'spacing = compact' \
    '[header]' 'form = colon' 'title = BOARD' 'subtitle = MINUTES' 'gap' \
    'subtitle = HELD' \
    'row = Present | #{each:members,,#{?present,#{?#{&&:#{>:#{nth},1},#{%:#{nth},2}},\n}#{name} }}' \
    'gap' '[labels]' 'open = ""' 'close = :' 'gap = " "' 'chair = #{name}' \
    '[agenda]' 'item = #{heading}' '[vote.call]' \
    'motion = MOTION\nMoved: #{mover.name}\n#{motion}' 'motion_as = note' \
    '[vote.tally]' 'line = CARRIED #{for}/#{against}' '[anchor]' 'line =' >"$T/n.style"
"$GIJI" minutes "$T/n.giji" --style "$T/n.style" >"$T/n.txt" 2>"$T/err"
t_check "title lines stand together, a gap parts them" sh -c \
    "head -4 '$T/n.txt' | tr '\\n' '|' | grep -qx 'BOARD|MINUTES||HELD|'"
t_check "#{nth}: its place among those printed (two names a line)" sh -c \
    "grep -A1 '^Present: ' '$T/n.txt' | tr '\\n' '|' | grep -qx 'Present: Ann Cy |  Di Ed |'"
t_check "compact: a speech's paragraphs follow each other" sh -c \
    "grep -A1 '^Ann: One.' '$T/n.txt' | tr '\\n' '|' | grep -qx 'Ann: One.|Two.|'"
t_check "compact: the lines of a note's template follow each other" sh -c \
    "grep -A3 '^MOTION' '$T/n.txt' | tr '\\n' '|' | grep -qx 'MOTION|Moved: Cy|To adopt|CARRIED 3/0|'"

printf '%s\n' '{"type":"speech","data":{"speaker":"a","text":"Three."}}' \
    '{"type":"speech","data":{"speaker":"a","text":"Four."}}' \
    '{"type":"reaction","data":{"text":"Hear, hear","kind":"voices"}}' \
    '{"type":"speech","data":{"speaker":"a","text":"Five."}}' \
    '{"type":"speech","data":{"speaker":"a","text":"Six.","label":"Ann (in the chair)"}}' |
    "$GIJI" import "$T/n.giji" >/dev/null 2>&1
sed -e 's/^\[labels\]$/[labels]\ncontinue_turn = yes/' \
    -e 's/^\[anchor\]$/[reaction]\nline = [#{text}]\n[anchor]/' "$T/n.style" >"$T/t.style"
"$GIJI" minutes "$T/n.giji" --style "$T/t.style" >"$T/n.txt" 2>"$T/err"
t_check "continue_turn: the same speaker goes on without the label" sh -c \
    "grep -A1 '^Ann: Three.' '$T/n.txt' | tail -1 | grep -qx 'Four.'"
t_check "continue_turn: a reaction from the room ends the turn" sh -c \
    "grep -A1 '^\\[Hear, hear\\]' '$T/n.txt' | tail -1 | grep -qx 'Ann: Five.'"
t_check "continue_turn: a label of the speech's own begins a turn" \
    grep -qx 'Ann (in the chair): Six.' "$T/n.txt"

sed -e 's/^\[labels\]$/[labels]\nown_line = yes/' "$T/t.style" >"$T/o.style"
"$GIJI" minutes "$T/n.giji" --style "$T/o.style" >"$T/n.txt" 2>"$T/err"
t_check "continue_turn with own_line: the label once, then the speeches" sh -c \
    "grep -B1 -A1 '^Three.\$' '$T/n.txt' | tr '\\n' '|' | grep -qx 'Ann:|Three.|Four.|'"

# A mover the roster lacks (another writer's file) is printed as its id.
printf '%s\n' '{"type":"vote.call","data":{"id":"v2","item":"i","motion":"To close","method":"hands","moved_by":"zed"}}' \
    '{"type":"vote.tally","data":{"vote":"v2","for":3,"against":0}}' >"$T/z.jsonl"
"$GIJI" new "$T/z.giji" >/dev/null && "$GIJI" import "$T/z.giji" <"$T/n.jsonl" >/dev/null 2>&1 &&
    "$GIJI" import "$T/z.giji" <"$T/z.jsonl" >/dev/null 2>&1
"$GIJI" minutes "$T/z.giji" --style "$T/n.style" >"$T/z.txt" 2>"$T/err"
t_check "a mover never added is printed as its id" grep -qx 'Moved: zed' "$T/z.txt"
t_check "and the known mover still by name" grep -qx 'Moved: Cy' "$T/z.txt"

# A result declared with no count (a voice vote) is printed by every
# shipped style: the declaration is the only record of the outcome.
printf '%s\n' '{"type":"meta.set","data":{"title":"Board","date":"2026-03-18","lang":"en"}}' \
    '{"type":"member.add","data":{"id":"a","name":"Ann","kind":"chair"}}' \
    '{"type":"agenda.add","data":{"id":"i","title":"Budget"}}' \
    '{"type":"meeting.open"}' '{"type":"agenda.open","data":{"item":"i"}}' \
    '{"type":"vote.call","data":{"id":"v","item":"i","motion":"To adopt the budget","method":"hands"}}' \
    '{"type":"vote.result","data":{"vote":"v","outcome":"carried"}}' \
    '{"type":"vote.call","data":{"id":"w","item":"i","motion":"To adjourn","method":"hands"}}' \
    '{"type":"vote.result","data":{"vote":"w","outcome":"failed"}}' >"$T/vr.jsonl"
"$GIJI" new "$T/vr.giji" >/dev/null && "$GIJI" import "$T/vr.giji" <"$T/vr.jsonl" >/dev/null 2>&1
for s in 'base|Carried.|Failed.' 'council-us|Motion carried.|Motion failed.' \
    'council-uk|RESOLVED: To adopt the budget.|The motion: “To adjourn” was LOST.' \
    'wg|RESOLVED: To adopt the budget|No resolution: To adjourn.'; do
	n=${s%%|*}; r=${s#*|}; c=${r%%|*}; f=${r#*|}
	"$GIJI" minutes "$T/vr.giji" --style "$n" >"$T/vr.txt" 2>"$T/err"
	t_check "declared without a count, $n: carried" grep -qxF "$c" "$T/vr.txt"
	t_check "declared without a count, $n: failed" grep -qxF "$f" "$T/vr.txt"
done
sed 's/"lang":"en"/"lang":"ja"/' "$T/vr.jsonl" >"$T/vj.jsonl"
"$GIJI" new "$T/vj.giji" >/dev/null && "$GIJI" import "$T/vj.giji" <"$T/vj.jsonl" >/dev/null 2>&1
"$GIJI" minutes "$T/vj.giji" --style summary >"$T/vj.txt" 2>"$T/err"
t_check "declared without a count, summary ja" sh -c \
    "grep -qx '（可決）' '$T/vj.txt' && grep -qx '（否決）' '$T/vj.txt'"
echo '{"type":"decision","data":{"item":"i","vote":"w","outcome":"rejected"}}' |
    "$GIJI" import "$T/vr.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/vr.giji" --style council-us >"$T/vr.txt" 2>"$T/err"
t_check "a decision on the vote says the outcome: no declared line" sh -c \
    "! grep -q '^Motion failed' '$T/vr.txt'"
echo '{"type":"vote.tally","data":{"vote":"v","for":1,"against":0}}' |
    "$GIJI" import "$T/vr.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/vr.giji" --style council-us >"$T/vr.txt" 2>"$T/err"
t_check "a count after the declaration: the declared line stays once" sh -c \
    "[ \$(grep -c '^Motion carried' '$T/vr.txt') -eq 2 ]"

# A style used for a language it does not serve is said on stderr.
"$GIJI" minutes "$T/vj.giji" --style council-us >/dev/null 2>"$T/err"
t_check "a style for another language: warned" grep -qF \
    "warning: style council-us serves en, not ja" "$T/err"
"$GIJI" minutes "$T/vj.giji" --style summary >/dev/null 2>"$T/err"
t_check "a style that serves the language: no warning" sh -c "! grep -q serves '$T/err'"

# form = tab: a value's further lines each follow a TAB.
printf '%s\n' '[style]' 'name = tb' 'languages = en' '[header]' 'form = tab' \
    'row = Present | Ann\nBo' >"$T/tb.style"
"$GIJI" minutes "$T/vr.giji" --style "$T/tb.style" >"$T/tb.txt" 2>"$T/err"
t_check "form = tab: a second line of a value after a TAB" sh -c \
    "grep -A1 '^Present' '$T/tb.txt' | tr '\\n\\t' '|>' | grep -qx 'Present>Ann|>Bo|'"

# arrived_time and left_time: a member's late arrival and leaving.
printf '%s\n' '{"type":"meta.set","data":{"tz":"UTC"}}' \
    '{"type":"member.add","data":{"id":"b","name":"Bo"}}' \
    '{"type":"attendance","ts":"2026-03-18T19:10:00Z","data":{"member":"b","status":"arrived"}}' \
    '{"type":"attendance","ts":"2026-03-18T20:15:00Z","data":{"member":"b","status":"left"}}' |
    "$GIJI" import "$T/vr.giji" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = at' 'languages = en' '[header]' \
    'title = #{each:members,; ,#{name} #{?arrived,from #{arrived_time}}#{?left, until #{left_time}}}' \
    >"$T/at.style"
"$GIJI" minutes "$T/vr.giji" --style "$T/at.style" >"$T/at.txt" 2>"$T/err"
t_check "arrived_time and left_time in the style's time form" grep -qx \
    'Ann ; Bo from 7:10 p.m. until 8:15 p.m.' "$T/at.txt"

# quote_open and quote_close: a speech's words in quotation marks.
sed -e 's/^\[labels\]$/[labels]\nquote_open = “\nquote_close = ”/' "$T/n.style" >"$T/q.style"
"$GIJI" minutes "$T/n.giji" --style "$T/q.style" >"$T/q.txt" 2>"$T/err"
t_check "quote_open, quote_close: around the whole speech" sh -c \
    "grep -A1 '^Ann: “One.' '$T/q.txt' | tr '\\n' '|' | grep -qx 'Ann: “One.|Two.”|'"
t_check "and not around a procedural line" sh -c "! grep -q '“MOTION' '$T/q.txt'"

# An item taken in closed session (agenda.add public: false): #{closed}.
printf '%s\n' '{"type":"agenda.add","data":{"id":"x","title":"Staff","public":false}}' \
    '{"type":"agenda.add","data":{"id":"y","title":"Roads","public":true}}' |
    "$GIJI" import "$T/vr.giji" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = cl' 'languages = en' '[header]' \
    'title = #{each:items,; ,#{title}#{?closed, [closed]}}' >"$T/cl.style"
"$GIJI" minutes "$T/vr.giji" --style "$T/cl.style" >"$T/cl.txt" 2>"$T/err"
t_check "#{closed}: an item taken in closed session" grep -qx \
    'Budget; Staff \[closed\]; Roads' "$T/cl.txt"

# An item's outcome and decision number, from the last decision on it.
echo '{"type":"decision","data":{"item":"y","outcome":"approved","number":"R-7"}}' |
    "$GIJI" import "$T/vr.giji" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = oc' 'languages = en' '[header]' \
    'title = #{each:items,; ,#{title}#{?outcome, (#{word:outcome}#{?decision_number, #{decision_number}})}}' >"$T/oc.style"
"$GIJI" minutes "$T/vr.giji" --style "$T/oc.style" >"$T/oc.txt" 2>"$T/err"
t_check "#{outcome} and #{decision_number} of an item" grep -qx \
    'Budget (rejected); Staff; Roads (approved R-7)' "$T/oc.txt"

# The header's lines in their order; its last row is followed by an
# empty line before the body.
printf '%s\n' '[style]' 'name = hd' 'languages = en' '[header]' 'title = T' \
    'heading = HEAD' 'row = A | 1' 'row = B | 2' '[agenda]' 'item = #{title}' >"$T/hd.style"
"$GIJI" minutes "$T/vr.giji" --style "$T/hd.style" >"$T/hd.txt" 2>"$T/err"
t_check "[header] heading where it stands; an empty line after the last row" sh -c \
    "head -8 '$T/hd.txt' | tr '\\n' '|' | grep -qx 'T||HEAD||A: 1|B: 2||Budget|'"

# A file named otherwise than its [style] name: a warning, exit 0.
printf '%s\n' '[style]' 'name = inner' 'languages = en' >"$T/outer.style"
"$GIJI" styles check "$T/outer.style" >/dev/null 2>"$T/err"
rc=$?
t_check "styles check: a file named otherwise than [style] name is said, exit 0" sh -c \
    "[ $rc -eq 0 ] && grep -q \"warning: \\[style\\] name is 'inner' but the file is outer.style\" '$T/err'"

# An empty [closing] clears the base style's closing lines.
echo '{"type":"meeting.close","ts":"2026-03-18T20:15:00+00:00"}' |
    "$GIJI" import "$T/n.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/n.giji" --style "$T/n.style" >"$T/c1.txt" 2>/dev/null
printf '[closing]\n' >>"$T/n.style"
"$GIJI" minutes "$T/n.giji" --style "$T/n.style" >"$T/c2.txt" 2>/dev/null
t_check "the base style's closing line without a [closing]" grep -q '^Closed at ' "$T/c1.txt"
t_check "an empty [closing] clears it" sh -c "! grep -q '^Closed at ' '$T/c2.txt'"

# A mover printed from [decision] (vote.mover) is a form for it: no warning.
echo '{"type":"decision","data":{"item":"i","outcome":"approved","vote":"v"}}' |
    "$GIJI" import "$T/n.giji" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = d' 'languages = en' '[vote.call]' 'motion =' \
    '[decision]' 'line = Moved: #{vote.mover.label}' >"$T/d.style"
"$GIJI" minutes "$T/n.giji" --style "$T/d.style" >"$T/d.txt" 2>"$T/d.err"
t_check "a mover printed by [decision] is printed" grep -q '^Moved: ' "$T/d.txt"
t_check "and giji does not warn that the style has no form for it" sh -c \
    "! grep -q 'mover' '$T/d.err'"
printf '%s\n' '[style]' 'name = e' 'languages = en' '[vote.call]' 'motion =' 'no_motion =' >"$T/e.style"
"$GIJI" minutes "$T/n.giji" --style "$T/e.style" >/dev/null 2>"$T/e.err"
t_check "a style that prints no mover is warned of" grep -q 'the mover of a motion' "$T/e.err"

# A decision reaches its vote's result as counted (no vote.result recorded).
printf '%s\n' '[style]' 'name = r' 'languages = en' '[decision]' \
    'line = #{upper:#{vote.result}} #{vote.for}/#{vote.against} (#{vote.computed})' >"$T/r.style"
"$GIJI" minutes "$T/n.giji" --style "$T/r.style" >"$T/r.txt" 2>/dev/null
t_check "#{vote.result} in a decision: the count's result" grep -qx 'CARRIED 3/0 (carried)' "$T/r.txt"

# #{returned}: an arrival after leaving is a return, not a late arrival.
printf '%s\n' '{"type":"attendance","data":{"member":"d","status":"left"}}' \
    '{"type":"attendance","data":{"member":"d","status":"arrived"}}' \
    '{"type":"attendance","data":{"member":"b","status":"arrived"}}' |
    "$GIJI" import "$T/n.giji" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = a' 'languages = en' '[labels]' 'member = #{name}' \
    '[attendance]' 'arrived = #{label} #{?returned,returned to,arrived at} the meeting.' \
    'left = #{label} left the meeting.' >"$T/a.style"
"$GIJI" minutes "$T/n.giji" --style "$T/a.style" >"$T/a.txt" 2>/dev/null
t_check "#{returned}: a member who had left returns" grep -qx 'Di returned to the meeting.' "$T/a.txt"
t_check "#{returned}: a late member arrives" grep -qx 'Bo arrived at the meeting.' "$T/a.txt"

# [section when format=…]: a section for one output format (a PDF's
# signature block without the text's padding).
printf '%s\n' '[style]' 'name = fm' 'languages = en' '[closing]' 'line = ALL' \
    '[closing when format=html]' 'line = HTML ONLY' >"$T/fm.style"
"$GIJI" minutes "$T/n.giji" --style "$T/fm.style" >"$T/fm.txt" 2>/dev/null
"$GIJI" minutes "$T/n.giji" --style "$T/fm.style" --format html >"$T/fm.html" 2>/dev/null
t_check "format=html: the section applies to HTML" grep -q 'HTML ONLY' "$T/fm.html"
t_check "and not to text, which keeps the other" sh -c \
    "grep -qx 'ALL' '$T/fm.txt' && ! grep -q 'HTML ONLY' '$T/fm.txt'"

# An item opened again after another (a wrong item opened first, its
# business resumed): its heading again, with [agenda] continued, so that
# what follows is not filed under the other item's heading; opened again
# with nothing between, no second heading.
"$GIJI" new "$T/ro.giji" >/dev/null
for a in "meta.set title=T date=2026-12-01 lang=en" "member.add id=a name=Ann kind=chair" \
    "agenda.add id=i1 title=One" "agenda.add id=i2 title=Two" meeting.open \
    "agenda.open item=i2" "agenda.open item=i1" "speech speaker=a text=on-one" \
    "agenda.open item=i2" "speech speaker=a text=on-two" "recess" "resume" \
    "agenda.open item=i2" "speech speaker=a text=still-two" meeting.close; do
	"$GIJI" add "$T/ro.giji" $a >/dev/null 2>&1
done
"$GIJI" minutes "$T/ro.giji" --style base >"$T/ro.txt" 2>/dev/null
t_check "an item opened again after another: its heading again, continued" sh -c \
    "grep -A2 '^2. Two (continued)\$' '$T/ro.txt' | grep -q 'on-two'"
t_check "opened again with nothing between: no second heading" \
    test "$(grep -c '^2. Two' "$T/ro.txt")" = 2
t_check "in Japanese: （続き）" sh -c \
    "'$GIJI' minutes '$T/ro.giji' --style gikai --lang ja 2>/dev/null | grep -q '◎日程第2　Two（続き）'"
printf '%s\n' '[style]' 'name = ro' 'languages = en' '[agenda]' 'continued =' >"$T/ro.style"
"$GIJI" minutes "$T/ro.giji" --style "$T/ro.style" >"$T/ro2.txt" 2>/dev/null
t_check "continued = (empty): the heading alone" \
    test "$(grep -c '^2. Two$' "$T/ro2.txt")" = 2

# A style whose templates would work without end on any meeting (a
# #{count:} within a #{count:} within …, one macro a level: 10 members to
# the 9th power) is stopped at a bound that grows with the log, and the
# minutes refused, saying why; so are macros within macros past 16.
"$GIJI" new "$T/ten.giji" >/dev/null
for i in 0 1 2 3 4 5 6 7 8 9; do
	"$GIJI" add "$T/ten.giji" member.add id=m$i name=M$i >/dev/null 2>&1
done
{
	printf '[style]\nname = nest\nlanguages = en\n[define]\nm0 = x\n'
	for i in 1 2 3 4 5 6 7 8 9; do echo "m$i = #{count:members,#{m$((i-1))}}"; done
	printf '[header]\ntitle = #{m9}\n'
} >"$T/nest.style"
t_check "such a style passes styles check (the work depends on the meeting)" \
    "$GIJI" styles check "$T/nest.style"
"$GIJI" minutes "$T/ten.giji" --style "$T/nest.style" >"$T/nest.out" 2>"$T/nest.err"
t_check "the minutes are refused (exit 1)" test $? = 1
t_check "saying why and what to do" grep -q \
    "style nest: its templates would do more than [0-9]* steps of work for this meeting (a #{count:} or #{each:} within another, within another …): the minutes are not made; nest fewer lists" "$T/nest.err"
{
	printf '[style]\nname = deep\nlanguages = en\n[define]\nd0 = x\n'
	for i in $(seq 1 20); do echo "d$i = #{d$((i-1))}"; done
	printf '[header]\ntitle = T#{d20}\n'
} >"$T/deep.style"
"$GIJI" minutes "$T/ten.giji" --style "$T/deep.style" >/dev/null 2>"$T/deep.err"
t_check "macros 20 deep: refused, not printed empty" grep -q \
    "style deep: a macro uses macros more than 16 deep" "$T/deep.err"
{
	printf '[style]\nname = big\nlanguages = en\n[define]\n'
	echo 'r1 = #{replace:aaaaaaaaaaaaaaaa,a,aaaaaaaaaaaaaaaa}'
	echo 'r2 = #{replace:#{r1},a,#{r1}}'
	echo 'r3 = #{replace:#{r2},a,#{r2}}'
	printf '[header]\ntitle = X#{r3}\n'
} >"$T/big.style"
"$GIJI" minutes "$T/ten.giji" --style "$T/big.style" >"$T/big.out" 2>"$T/big.err"
t_check "replaces within replaces (4 GB of text): refused, not printed" sh -c \
    "grep -q 'style big: a template would print more than 16 MiB' '$T/big.err' && test ! -s '$T/big.out'"

# A decision's number with its own text is printed by [decision] text: a
# style whose line alone names the number is warned, not silently short.
"$GIJI" new "$T/dn.giji" >/dev/null
"$GIJI" add "$T/dn.giji" agenda.add id=i1 title=Budget >/dev/null 2>&1
"$GIJI" add "$T/dn.giji" decision item=i1 outcome=approved number=R-7 text="Adopted as amended" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = dn' 'languages = en' '[decision]' \
    'line = #{number} #{outcome}' 'text = #{text}' >"$T/dn.style"
"$GIJI" minutes "$T/dn.giji" --style "$T/dn.style" >"$T/dn.txt" 2>"$T/dn.err"
t_check "a decision's number its text template leaves out: warned" grep -q \
    "a decision's number (decision number in \[decision\] line, and in \[decision\] text" "$T/dn.err"
printf '%s\n' 'text = #{number}: #{text}' >>"$T/dn.style"
"$GIJI" minutes "$T/dn.giji" --style "$T/dn.style" >"$T/dn.txt" 2>"$T/dn.err"
t_check "printed by the text template: no warning, and the number there" sh -c \
    "! grep -q \"decision's number\" '$T/dn.err' && grep -qx 'R-7: Adopted as amended' '$T/dn.txt'"

# unless_said of one character (可) is too short to tell: the line stays,
# whatever speech beside it holds the character.
"$GIJI" new "$T/us.giji" >/dev/null
for a in "member.add id=c name=Chair kind=chair" "agenda.add id=i1 title=One" \
    "agenda.open item=i1" "decision item=i1 outcome=approved" \
    "speech speaker=c text=原案どおり可とする旨、答申します。"; do
	"$GIJI" add "$T/us.giji" $a >/dev/null 2>&1
done
printf '%s\n' '[style]' 'name = us' 'languages = ja' '[decision]' \
    'line = （本件は可）' 'unless_said = 可' >"$T/us.style"
t_check "a one-character unless_said does not hide the line" sh -c \
    "'$GIJI' minutes '$T/us.giji' --style '$T/us.style' 2>/dev/null | grep -q '（本件は可）'"
printf '%s\n' '[style]' 'name = ng' 'languages = ja' '[labels]' 'open =' 'close =' \
    'gap = "　"' 'chair = #{?item.closed,x}' >"$T/ng.style"
t_check "a label its template leaves empty: no gap before the words" sh -c \
    "'$GIJI' minutes '$T/us.giji' --style '$T/ng.style' 2>/dev/null | grep -qx '原案どおり可とする旨、答申します。'"

# Late is a first time in the room at an arrival; a member who had been
# in (present, gone out, withdrawn from an item) returns, and is not late,
# nor early when back at the end: the minutes and giji stats alike.
"$GIJI" new "$T/wd.giji" >/dev/null
printf '%s\n' '{"type":"meeting.open","ts":"2026-03-18T10:00:00Z","data":{}}' \
    '{"type":"meta.set","data":{"tz":"UTC","title":"T","date":"2026-03-18"}}' \
    '{"type":"member.add","data":{"id":"k","name":"Kai"}}' \
    '{"type":"member.add","data":{"id":"l","name":"Lee"}}' \
    '{"type":"member.add","data":{"id":"m","name":"Mo"}}' \
    '{"type":"agenda.add","data":{"id":"i1","title":"Land"}}' \
    '{"type":"attendance","data":{"member":"k","status":"present"}}' \
    '{"type":"attendance","data":{"member":"l","status":"present"}}' \
    '{"type":"attendance","data":{"member":"m","status":"absent"}}' \
    '{"type":"interest","data":{"member":"k","item":"i1","withdraws":true,"text":"a relative"}}' \
    '{"type":"attendance","ts":"2026-03-18T10:20:00Z","data":{"member":"k","status":"arrived"}}' \
    '{"type":"attendance","ts":"2026-03-18T10:30:00Z","data":{"member":"l","status":"left"}}' \
    '{"type":"attendance","ts":"2026-03-18T10:40:00Z","data":{"member":"l","status":"arrived"}}' \
    '{"type":"attendance","ts":"2026-03-18T10:50:00Z","data":{"member":"m","status":"arrived"}}' \
    '{"type":"meeting.close","ts":"2026-03-18T11:00:00Z","data":{}}' |
    "$GIJI" import "$T/wd.giji" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = wd' 'languages = en' '[labels]' 'member = #{name}' \
    '[header]' 'title = #{each:members,; ,#{name} late #{arrived} early #{left}}' \
    '[attendance]' 'arrived = #{label} #{?returned,returned,arrived late}.' \
    'left = #{label} went out.' >"$T/wd.style"
"$GIJI" minutes "$T/wd.giji" --style "$T/wd.style" >"$T/wd.txt" 2>/dev/null
t_check "a member back after withdrawing from an item returns" \
    grep -qx 'Kai returned.' "$T/wd.txt"
t_check "a member back after going out returns" grep -qx 'Lee returned.' "$T/wd.txt"
t_check "a member first in at an arrival arrives late" \
    grep -qx 'Mo arrived late.' "$T/wd.txt"
t_check "only the late one is late, and nobody left early" grep -qx \
    'Kai late 0 early 0; Lee late 0 early 0; Mo late 1 early 0' "$T/wd.txt"
mkdir -p "$T/wda" && cp "$T/wd.giji" "$T/wda/"
XDG_CACHE_HOME=$T/wdc "$GIJI" stats "$T/wda" --json >"$T/wd.json" 2>/dev/null
t_check "giji stats: one late arrival (Mo), no early leaving" sh -c \
    "[ \$(grep -o '\"late\":[1-9]' '$T/wd.json' | wc -l) = 1 ] && grep -q '\"id\":\"m\"[^}]*\"late\":1' '$T/wd.json' && ! grep -q '\"early\":[1-9]' '$T/wd.json'"

# The appendix says which correction a later retract withdrew.
"$GIJI" new "$T/cr.giji" >/dev/null
"$GIJI" import "$T/cr.giji" <"$srcdir/tests/fixtures/corrections.jsonl" >/dev/null 2>&1
"$GIJI" minutes "$T/cr.giji" >"$T/cr.txt" 2>/dev/null
"$GIJI" minutes "$T/cr.giji" --lang en >"$T/cr-en.txt" 2>/dev/null
t_check "appendix: an amend withdrawn by a retract says so" grep -q \
    '記録番号11（speech）訂正：.*に訂正（記録番号13により取消し）$' "$T/cr.txt"
t_check "appendix: in English too" grep -q \
    'event 11 (speech) .*(withdrawn by event 13)$' "$T/cr-en.txt"
t_check "appendix: a correction in effect says nothing of it" sh -c \
    "grep '記録番号18（note）訂正' '$T/cr.txt' | grep -qv '取消し）\$'"

# Staff heard on an item attend for it, named for it (agenda) or not.
printf '%s\n' '{"type":"meta.set","data":{"title":"審議会","date":"2025-05-01","style":"summary"}}' \
    '{"type":"member.add","data":{"id":"c","name":"会長","role":"会長","kind":"chair"}}' \
    '{"type":"member.add","data":{"id":"a","name":"青木","role":"課長","kind":"staff","side":"implementing","agenda":["i1"]}}' \
    '{"type":"member.add","data":{"id":"b","name":"馬場","role":"係長","kind":"staff","side":"implementing"}}' \
    '{"type":"member.add","data":{"id":"d","name":"土井","role":"主査","kind":"staff","side":"implementing"}}' \
    '{"type":"agenda.add","data":{"id":"i1","title":"第一","kind":"consultation"}}' \
    '{"type":"agenda.add","data":{"id":"i2","title":"第二","kind":"consultation"}}' \
    '{"type":"meeting.open"}' '{"type":"agenda.open","data":{"item":"i1"}}' \
    '{"type":"speech","data":{"speaker":"b","text":"説明します。"}}' \
    '{"type":"agenda.close","data":{"item":"i1"}}' \
    '{"type":"agenda.open","data":{"item":"i2"}}' \
    '{"type":"speech","uuid":"00000000-0000-4000-8000-0000000000d1","data":{"speaker":"d","text":"取り消す発言。"}}' >"$T/st.jsonl"
"$GIJI" new "$T/st.giji" >/dev/null && "$GIJI" import "$T/st.giji" <"$T/st.jsonl" >/dev/null 2>&1
"$GIJI" add "$T/st.giji" retract target=00000000-0000-4000-8000-0000000000d1 reason=誤り >/dev/null
"$GIJI" minutes "$T/st.giji" >"$T/st.txt" 2>/dev/null
t_check "staff heard on an item attend for it (summary's 出席職員)" grep -q \
    "^諮問.*	青木課長 馬場係長\$" "$T/st.txt"
t_check "a retracted speech does not make anyone attend" sh -c \
    "! grep -q '土井' '$T/st.txt'"

# Two styles that hand over to each other: refused, not printed by whichever
# the hand-overs stopped at.
printf '%s\n' '[style]' 'name = ping' 'languages = ja' "use = $T/pong.style" \
    >"$T/ping.style"
printf '%s\n' '[style]' 'name = pong' 'languages = ja' "use = $T/ping.style" \
    >"$T/pong.style"
"$GIJI" minutes "$m" --style "$T/ping.style" >"$T/a.txt" 2>"$T/err"
rc=$?
t_check "use: a loop is refused, exit 1, nothing printed" sh -c \
    "[ $rc -eq 1 ] && [ ! -s '$T/a.txt' ]"
t_check "use: and named" grep -q "style 'ping': \[style\] use hands over more than 4 times" "$T/err"

# A decision with its own text: left out when the chair said it (as a
# decision without one), and a style that clears [decision] text prints
# none.
"$GIJI" new "$T/dt.giji" >/dev/null
printf '%s\n' \
    '{"type":"member.add","data":{"id":"c","name":"長田","kind":"chair","role":"委員長"}}' \
    '{"type":"agenda.add","data":{"id":"p1","title":"請願第1号"}}' \
    '{"type":"agenda.open","data":{"item":"p1"}}' \
    '{"type":"speech","data":{"speaker":"c","text":"本請願は採択すべきものと決定しました。"}}' \
    '{"type":"decision","data":{"item":"p1","outcome":"approved","text":"採択すべきものと決定"}}' |
    "$GIJI" import "$T/dt.giji" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = dt' 'languages = ja' '[decision]' \
    'text = （#{text}）' 'as = note' >"$T/dt.style"
"$GIJI" minutes "$T/dt.giji" --style "$T/dt.style" >"$T/dt1.txt" 2>/dev/null
t_check "a decision's own text is printed" grep -q '（採択すべきものと決定）' "$T/dt1.txt"
printf '%s\n' 'unless_said = 採択すべきものと決定' >>"$T/dt.style"
"$GIJI" minutes "$T/dt.giji" --style "$T/dt.style" >"$T/dt2.txt" 2>/dev/null
t_check "unless_said leaves it out when a speech beside it says it" sh -c \
    "! grep -q '（採択すべきものと決定）' '$T/dt2.txt' && grep -q '本請願は採択すべきものと決定しました。' '$T/dt2.txt'"
printf '%s\n' '[style]' 'name = dt' 'languages = ja' '[decision]' 'text =' \
    >"$T/dt.style"
"$GIJI" minutes "$T/dt.giji" --style "$T/dt.style" >"$T/dt3.txt" 2>/dev/null
t_check "an empty [decision] text prints none" sh -c \
    "! grep -q '採択すべきものと決定\$' '$T/dt3.txt'"

# A meeting with no language: English when the style serves only English.
printf '%s\n' '[style]' 'name = enonly' 'languages = en' >"$T/enonly.style"
"$GIJI" minutes "$T/dt.giji" --style "$T/enonly.style" >"$T/en.txt" 2>"$T/en.err"
t_check "no lang set, a style serving only en: English, no warning" sh -c \
    "! grep -q 'serves en, not ja' '$T/en.err' && grep -q '^Record: ' '$T/en.txt'"
"$GIJI" minutes "$T/dt.giji" --style "$T/enonly.style" --lang ja >/dev/null 2>"$T/en.err"
t_check "asked for ja, it is warned of" grep -q 'serves en, not ja' "$T/en.err"

# A chair with no role is "(chair)" in the base style's English header.
"$GIJI" new "$T/ch.giji" >/dev/null
"$GIJI" add "$T/ch.giji" meta.set lang=en >/dev/null
"$GIJI" add "$T/ch.giji" member.add id=c name=Smith kind=chair >/dev/null
"$GIJI" add "$T/ch.giji" member.add id=j name=Jones >/dev/null
"$GIJI" minutes "$T/ch.giji" --style base >"$T/ch.txt" 2>/dev/null
t_check "base, en: a chair without a role is (chair), a member (member)" \
    grep -qx 'Present: Smith (chair), Jones (member)' "$T/ch.txt"

# A late arrival the style has no form for is warned of, not dropped
# silently; a style that prints it (inline or in its header) is not.
"$GIJI" new "$T/arr.giji" >/dev/null
"$GIJI" add "$T/arr.giji" member.add id=a name=Abe >/dev/null
"$GIJI" add "$T/arr.giji" meeting.open >/dev/null
"$GIJI" add "$T/arr.giji" attendance member=a status=arrived >/dev/null
printf '%s\n' '[style]' 'name = arr' 'languages = en' >"$T/arr.style"
"$GIJI" minutes "$T/arr.giji" --style "$T/arr.style" >/dev/null 2>"$T/arr.err"
t_check "a late arrival no template prints: warned of" grep -q \
    'style arr has no form for a late arrival' "$T/arr.err"
printf '%s\n' '[attendance]' 'arrived = #{time} #{label} arrived.' >>"$T/arr.style"
"$GIJI" minutes "$T/arr.giji" --style "$T/arr.style" >"$T/arr.txt" 2>"$T/arr.err"
t_check "[attendance] arrived prints it, no warning" sh -c \
    "grep -q ' arrived\.\$' '$T/arr.txt' && ! grep -q 'late arrival' '$T/arr.err'"
"$GIJI" add "$T/arr.giji" member.add id=o name=Ogawa kind=observer >/dev/null
"$GIJI" minutes "$T/arr.giji" --style "$T/arr.style" >/dev/null 2>"$T/arr.err"
t_check "an observer on the roster no template reaches: warned of" grep -q \
    'has no form for observers on the roster' "$T/arr.err"
printf '%s\n' '[header]' 'row_if = Observers | #{each:roster,#, ,#{?#{==:#{kind},observer},#{name}}}' >>"$T/arr.style"
"$GIJI" minutes "$T/arr.giji" --style "$T/arr.style" >"$T/arr.txt" 2>"$T/arr.err"
t_check "#{each:roster} with #{kind} prints them, no warning" sh -c \
    "grep -q '^Observers: Ogawa\$' '$T/arr.txt' && ! grep -q 'observers on the roster' '$T/arr.err'"

# A second date form: the meeting's date and an action's due date as
# objects (date), beside the style's one date form.
"$GIJI" new "$T/d2.giji" --date 2026-03-18 >/dev/null
"$GIJI" add "$T/d2.giji" member.add id=a name="Ann Lee" >/dev/null
"$GIJI" add "$T/d2.giji" action text="Write to the county" owner=a due=2026-04-30 >/dev/null
"$GIJI" add "$T/d2.giji" action text="Report back" >/dev/null
printf '%s\n' '[style]' 'name = d2' 'languages = en' '[format]' \
    'date = #{upper:#{weekday_name}} #{day} #{upper:#{month_name}} #{year}' \
    '[header]' 'title = ON #{date} (#{meeting_date.day2}/#{meeting_date.month2}/#{meeting_date.year})' \
    '[action]' 'line = ACTION: #{text}#{?due, by #{due_on.day}/#{due_on.month}/#{due_on.year}}#{?due_on, [due]}.' \
    >"$T/d2.style"
"$GIJI" minutes "$T/d2.giji" --style "$T/d2.style" >"$T/d2.txt" 2>"$T/d2.err"
t_check "meeting_date: the date in a second form" \
    grep -qx 'ON WEDNESDAY 18 MARCH 2026 (18/03/2026)' "$T/d2.txt"
t_check "due_on: the due date in a second form" \
    grep -qx 'ACTION: Write to the county by 30/4/2026 \[due\]\.' "$T/d2.txt"
t_check "due_on is empty (false) for an action without due" \
    grep -qx 'ACTION: Report back\.' "$T/d2.txt"
printf '%s\n' '[style]' 'name = d3' 'languages = en' '[header]' 'title = #{due_on.day}' >"$T/d3.style"
t_check "due_on outside an action: unknown name, with its column" sh -c \
    "'$GIJI' styles check '$T/d3.style' 2>&1 | grep -q 'd3.style:5:9: unknown name .due_on.day. here'"

# Spacing: compact keeps the empty line before the closing whatever block
# opens it (a signature block too), and before a heading; tight keeps
# only the one after the header (a template writes others with \n).
"$GIJI" new "$T/sp.giji" --date 2026-03-05 >/dev/null
"$GIJI" add "$T/sp.giji" member.add id=c name=Chair kind=chair >/dev/null
"$GIJI" add "$T/sp.giji" note kind=heading text=Opening >/dev/null
"$GIJI" add "$T/sp.giji" speech speaker=c text="We begin." >/dev/null
"$GIJI" add "$T/sp.giji" note kind=heading text=Closing >/dev/null
"$GIJI" add "$T/sp.giji" speech speaker=c text="We end." >/dev/null
"$GIJI" add "$T/sp.giji" signer member=c >/dev/null
printf '%s\n' '[style]' 'name = sp' 'languages = en' '[format]' 'spacing = compact' \
    '[header]' 'title = T' '[closing]' 'signature' '[signature]' 'block = Signed' \
    '[anchor]' 'line =' >"$T/sp.style"
"$GIJI" minutes "$T/sp.giji" --style "$T/sp.style" >"$T/sp.txt" 2>/dev/null
printf '%s\n' T '' Opening 'Chair: We begin.' '' Closing 'Chair: We end.' \
    'Chair was designated to sign the minutes.' '' Signed >"$T/sp.want"
t_check "compact: an empty line before a heading and before a closing that opens with its signature" \
    cmp -s "$T/sp.want" "$T/sp.txt"
sed -e 's/^spacing = compact/spacing = tight/' -e 's/^block = Signed/block = \\nSigned/' \
    "$T/sp.style" >"$T/sp2.style"
"$GIJI" minutes "$T/sp.giji" --style "$T/sp2.style" >"$T/sp2.txt" 2>/dev/null
printf '%s\n' T '' Opening 'Chair: We begin.' Closing 'Chair: We end.' \
    'Chair was designated to sign the minutes.' '' Signed >"$T/sp2.want"
t_check "tight: none before a heading; the block's own \\n before the closing" \
    cmp -s "$T/sp2.want" "$T/sp2.txt"

# [signature] as = lines: under loose spacing the block's lines follow
# each other (Respectfully submitted, the name, the office), in text,
# Markdown and HTML; as = para (the default) parts them.
"$GIJI" new "$T/sl.giji" >/dev/null
"$GIJI" add "$T/sl.giji" member.add id=s name=Okafor >/dev/null
"$GIJI" add "$T/sl.giji" speech speaker=s text="We end." >/dev/null
"$GIJI" add "$T/sl.giji" signer member=s purpose=signature >/dev/null
printf '%s\n' '[style]' 'name = sl' 'languages = en' '[header]' 'title = T' \
    '[closing]' 'signature' '[signature]' \
    'block = Respectfully submitted,#{each:signers,,\n#{name}\nSecretary}' \
    'as = lines' '[anchor]' 'line =' >"$T/sl.style"
"$GIJI" minutes "$T/sl.giji" --style "$T/sl.style" >"$T/sl.txt" 2>/dev/null
t_is "signature as = lines: its lines together under loose spacing" \
    "$(tail -3 "$T/sl.txt")" "Respectfully submitted,
Okafor
Secretary"
"$GIJI" minutes "$T/sl.giji" --style "$T/sl.style" --format md >"$T/sl.md" 2>/dev/null
t_is "signature as = lines: Markdown line breaks" "$(tail -3 "$T/sl.md")" \
    "Respectfully submitted,\\
Okafor\\
Secretary"
"$GIJI" minutes "$T/sl.giji" --style "$T/sl.style" --format html >"$T/sl.html" 2>/dev/null
t_check "signature as = lines: one HTML paragraph" grep -qF \
    '<p class="lines signature">Respectfully submitted,<br/>' "$T/sl.html"
sed 's/^block = Respectfully submitted,/block = Attest:\\n/' "$T/sl.style" >"$T/sl3.style"
"$GIJI" minutes "$T/sl.giji" --style "$T/sl3.style" --format md >"$T/sl3.md" 2>/dev/null
t_is "signature as = lines: an empty line parts Markdown paragraphs (no lone \\)" \
    "$(tail -4 "$T/sl3.md")" "Attest:

Okafor\\
Secretary"
sed 's/Secretary}$/Secretary\\n}/' "$T/sl3.style" >"$T/sl4.style"
"$GIJI" minutes "$T/sl.giji" --style "$T/sl4.style" --format md >"$T/sl4.md" 2>/dev/null
t_is "signature: an empty line at its end leaves no backslash in Markdown" \
    "$(tail -1 "$T/sl4.md")" "Secretary"
sed '/^as = lines$/d' "$T/sl.style" >"$T/sl2.style"
"$GIJI" minutes "$T/sl.giji" --style "$T/sl2.style" >"$T/sl2.txt" 2>/dev/null
t_is "signature as = para: a paragraph each" "$(tail -5 "$T/sl2.txt")" \
    "Respectfully submitted,

Okafor

Secretary"

# [labels] indent before a turn's further paragraphs, the label on its
# own line too (it was ignored there).
"$GIJI" new "$T/ind.giji" >/dev/null
"$GIJI" add "$T/ind.giji" member.add id=c name=山田 role=議長 >/dev/null
"$GIJI" add "$T/ind.giji" speech speaker=c "text=一段目です。
二段目です。" >/dev/null
printf '%s\n' '[style]' 'name = ind' 'languages = ja' '[format]' 'spacing = compact' \
    '[header]' 'title = T' '[labels]' 'open = ○' 'close = ""' 'member = #{role}（#{name}君）' 'own_line = yes' \
    'quote_open = "　"' 'indent = "　"' '[anchor]' 'line =' >"$T/ind.style"
"$GIJI" minutes "$T/ind.giji" --style "$T/ind.style" --lang ja >"$T/ind.txt" 2>/dev/null
printf '%s\n' T '' '○議長（山田君）' '　一段目です。' '　二段目です。' >"$T/ind.want"
t_check "own_line = yes: indent before the further paragraphs" cmp -s "$T/ind.want" "$T/ind.txt"

# council-us: a body named "The …" is not "The The …"; a motion that ends
# in a period gets no second one; someone not of the council is "Name,
# Role"; apologies are an excused absence, not a warning.
"$GIJI" new "$T/us.giji" --date 2026-04-14 >/dev/null
"$GIJI" add "$T/us.giji" meta.set lang=en "body=The Corporation of the City of Oak Bay" >/dev/null
"$GIJI" add "$T/us.giji" member.add id=m name=Lee role=Mayor kind=presiding >/dev/null
"$GIJI" add "$T/us.giji" member.add id=a name=Ames role=Councillor >/dev/null
"$GIJI" add "$T/us.giji" member.add id=b name=Bell role=Councillor >/dev/null
"$GIJI" add "$T/us.giji" member.add id=g name=Gray role=Councillor >/dev/null
"$GIJI" add "$T/us.giji" "member.add" id=f name=Fraser "full_name=Joan Fraser" "role=President, Oak Bay Rowing Club" kind=observer >/dev/null
"$GIJI" add "$T/us.giji" attendance member=g status=apologies >/dev/null
"$GIJI" add "$T/us.giji" meeting.open >/dev/null
"$GIJI" add "$T/us.giji" speech speaker=f text="We ask for a grant." >/dev/null
"$GIJI" add "$T/us.giji" vote.call id=v1 "motion=THAT the delegation be received." method=hands moved_by=a seconded_by=b >/dev/null
"$GIJI" minutes "$T/us.giji" --style council-us >"$T/us.txt" 2>"$T/us.err"
t_check "council-us: no 'The The'" sh -c "grep -q '^The Corporation of the City of Oak Bay met in' '$T/us.txt' && ! grep -q 'The The' '$T/us.txt'"
t_check "council-us: a motion ending in a period gets no second one" \
    grep -qx 'Motion by Councillor Ames, seconded by Councillor Bell: THAT the delegation be received\.' "$T/us.txt"
t_check "council-us: a delegate is 'Name, Role:'" \
    grep -q '^Joan Fraser, President, Oak Bay Rowing Club: We ask for a grant\.$' "$T/us.txt"
t_check "council-us: apologies are an excused absence, no warning" sh -c \
    "grep -qx 'Absent: Councillor Gray (excused)' '$T/us.txt' && ! grep -q 'apologies' '$T/us.err'"

# [words] keys name recorded values in any script; #{fill:} pads a
# column, #{digits:} gives recorded digits the document's width.
"$GIJI" new "$T/w.giji" >/dev/null
"$GIJI" add "$T/w.giji" member.add id=a name=鈴木 role=町長 seat=1 >/dev/null
"$GIJI" add "$T/w.giji" member.add id=b name=佐藤 role=総務課長 seat=１２ >/dev/null
printf '%s\n' '[style]' 'name = w' 'languages = ja' '[format]' 'digits = full' \
    '[words]' 'role.町長 = 町　長' '[header]' 'form = lines' \
    'row = x | #{each:roster,\n,#{fill:#{word:role},10,　}#{name}（#{digits:#{seat}}番）}' \
    '[anchor]' 'line =' >"$T/w.style"
t_check "a [words] key in Japanese passes giji styles check" "$GIJI" styles check "$T/w.style"
"$GIJI" minutes "$T/w.giji" --style "$T/w.style" --lang ja >"$T/w.txt" 2>/dev/null
printf '%s\n' '町　長　　鈴木（１番）' '総務課長　佐藤（１２番）' >"$T/w.want"
t_check "#{word:role} by a Japanese key, #{fill:} and #{digits:}" cmp -s "$T/w.want" "$T/w.txt"

# A label may name a speaker in full the first time (#{spoken}); what the
# house leaves out on purpose ([style] leaves_out) is not warned of, and
# a name leaves_out does not know is an error with its column.
"$GIJI" new "$T/sk.giji" >/dev/null
"$GIJI" add "$T/sk.giji" member.add id=m name=Lee role=Mayor kind=presiding seat=1 >/dev/null
"$GIJI" add "$T/sk.giji" member.add id=f name=Fraser "full_name=Joan Fraser" "role=President, Rowing Club" kind=observer >/dev/null
for t in "We ask for a grant." "Thank you."; do
	"$GIJI" add "$T/sk.giji" speech speaker=f "text=$t" >/dev/null
	"$GIJI" add "$T/sk.giji" speech speaker=m text="Noted." >/dev/null
done
printf '%s\n' '[style]' 'name = sk' 'languages = en' '[format]' 'spacing = compact' \
    '[header]' 'title = T' '[labels]' 'open = ""' 'close = :' 'gap = " "' \
    'other = #{?#{==:#{kind},observer},#{?spoken,Ms #{name},#{full_name}#, #{role}},#{role} #{name}}' \
    '[anchor]' 'line =' >"$T/sk.style"
"$GIJI" minutes "$T/sk.giji" --style "$T/sk.style" >"$T/sk.txt" 2>"$T/sk.err"
printf '%s\n' T '' 'Joan Fraser, President, Rowing Club: We ask for a grant.' \
    'Mayor Lee: Noted.' 'Ms Fraser: Thank you.' 'Mayor Lee: Noted.' >"$T/sk.want"
t_check "#{spoken}: the full label the first time, the short one after" cmp -s "$T/sk.want" "$T/sk.txt"
t_check "the warning names the leaves_out that would silence it" \
    grep -q 'has no form for seat numbers.*leaves_out = seats says so' "$T/sk.err"
sed 's/^languages = en$/languages = en\nleaves_out = seats, observers/' "$T/sk.style" >"$T/sk2.style"
"$GIJI" minutes "$T/sk.giji" --style "$T/sk2.style" >"$T/sk2.txt" 2>"$T/sk2.err"
t_check "leaves_out = seats, observers: no warning, the same minutes" sh -c \
    "! grep -q 'no form' '$T/sk2.err' && cmp -s '$T/sk.want' '$T/sk2.txt'"
style_in '[style]' 'name = lo' 'languages = en' 'leaves_out = seats sets'
broken leaves-out "4:20: leaves_out: unknown name 'sets'"

# A recess may say how the house words it (recess note).
"$GIJI" new "$T/rn.giji" >/dev/null
"$GIJI" add "$T/rn.giji" recess "note=into closed session" >/dev/null
"$GIJI" add "$T/rn.giji" resume >/dev/null
printf '%s\n' '[style]' 'name = rn' 'languages = en' '[header]' 'title = T' \
    '[recess]' 'line = Council recessed#{?note, #{note}}.' \
    '[resume]' 'line = Council resumed#{?note, #{note}}.' '[anchor]' 'line =' >"$T/rn.style"
"$GIJI" minutes "$T/rn.giji" --style "$T/rn.style" >"$T/rn.txt" 2>/dev/null
t_check "recess note: printed where the template says #{note}" sh -c \
    "grep -qx 'Council recessed into closed session.' '$T/rn.txt' && grep -qx 'Council resumed.' '$T/rn.txt'"
t_check "a recess note that is not a string is refused" sh -c \
    "! '$GIJI' add '$T/rn.giji' recess note:=3 2>/dev/null"

# A decision on a declared vote is printed by [decision] line, which can
# give the vote's result (giji-style(5), [vote.result] line).
"$GIJI" new "$T/dv.giji" >/dev/null
"$GIJI" add "$T/dv.giji" agenda.add id=i1 title=Bylaw >/dev/null
"$GIJI" add "$T/dv.giji" vote.call id=v1 item=i1 method=hands "motion=THAT the by-law pass." >/dev/null
"$GIJI" add "$T/dv.giji" vote.result vote=v1 outcome=carried declared:=true >/dev/null 2>&1
"$GIJI" add "$T/dv.giji" decision item=i1 vote=v1 outcome=approved "number=By-law 2026-041" >/dev/null 2>&1
printf '%s\n' '[style]' 'name = dv' 'languages = en' '[header]' 'title = T' \
    '[decision]' 'line = #{number}: #{?#{==:#{vote.result},carried},CARRIED,LOST}' \
    '[anchor]' 'line =' >"$T/dv.style"
"$GIJI" minutes "$T/dv.giji" --style "$T/dv.style" >"$T/dv.txt" 2>/dev/null
t_check "[decision] line gives its vote's result" grep -qx 'By-law 2026-041: CARRIED' "$T/dv.txt"

# Actions listed at the end ([closing] actions with a summary_line) are
# not warned of when [action] line prints nothing where they arose.
"$GIJI" new "$T/ac.giji" >/dev/null
"$GIJI" add "$T/ac.giji" action "text=Order the signs" >/dev/null
printf '%s\n' '[style]' 'name = ac' 'languages = en' '[header]' 'title = T' \
    '[action]' 'line =' 'summary_heading = Actions' 'summary_line = #{text}' \
    '[closing]' 'actions' '[anchor]' 'line =' >"$T/ac.style"
"$GIJI" minutes "$T/ac.giji" --style "$T/ac.style" >"$T/ac.txt" 2>"$T/ac.err"
t_check "actions listed at the end only: printed, no warning" sh -c \
    "grep -qx 'Order the signs' '$T/ac.txt' && ! grep -q 'no form' '$T/ac.err'"
sed '/^actions$/d' "$T/ac.style" >"$T/ac2.style"
"$GIJI" minutes "$T/ac.giji" --style "$T/ac2.style" >/dev/null 2>"$T/ac2.err"
t_check "and warned of when nothing prints them" grep -q 'has no form for actions' "$T/ac2.err"

# [note] narrative: the house's form of an ordinary note (indented, a
# line after); unset, the note as typed.
"$GIJI" new "$T/nn.giji" >/dev/null
"$GIJI" add "$T/nn.giji" note "text=事務局から説明があった。" >/dev/null
"$GIJI" add "$T/nn.giji" note kind=stage "text=（拍手）" >/dev/null
printf '%s\n' '[style]' 'name = nn' 'languages = ja' '[format]' 'spacing = tight' \
    '[header]' 'title = T' '[note]' 'narrative = 　　#{text}\n' 'stage = #{text}' \
    '[anchor]' 'line =' >"$T/nn.style"
"$GIJI" minutes "$T/nn.giji" --style "$T/nn.style" --lang ja >"$T/nn.txt" 2>/dev/null
printf '%s\n' T '' '　　事務局から説明があった。' '' '（拍手）' >"$T/nn.want"
t_check "[note] narrative: a note in the house's form" cmp -s "$T/nn.want" "$T/nn.txt"

# Anonymous labels: #{speaker_order}, the order in which members first
# spoke (the same letter for the same member), the chair apart.
"$GIJI" new "$T/an.giji" >/dev/null
"$GIJI" add "$T/an.giji" member.add id=c name=山田 role=部会長 kind=chair >/dev/null
for m in sato suzuki ito; do "$GIJI" add "$T/an.giji" member.add id=$m name=$m >/dev/null; done
for s in c ito sato ito suzuki; do "$GIJI" add "$T/an.giji" speech speaker=$s text=発言 >/dev/null; done
printf '%s\n' '[style]' 'name = an' 'languages = ja' '[format]' 'spacing = tight' \
    '[header]' 'title = T' '[labels]' 'open = ○（' 'close = ）' 'gap = "　"' \
    'chair = #{role}' 'member = #{wide:#{ALPHA:#{speaker_order}}}委員' '[anchor]' 'line =' >"$T/an.style"
"$GIJI" minutes "$T/an.giji" --style "$T/an.style" --lang ja >"$T/an.txt" 2>/dev/null
printf '%s\n' T '' '○（部会長）　発言' '○（Ａ委員）　発言' '○（Ｂ委員）　発言' \
    '○（Ａ委員）　発言' '○（Ｃ委員）　発言' >"$T/an.want"
t_check "#{speaker_order}: Ａ, Ｂ, Ｃ by first speech, the chair apart" cmp -s "$T/an.want" "$T/an.txt"

# A line the reader cannot take does not hide the other errors.
style_in '[style]' 'name = bad' 'languages = en' '[header]' 'titel = X' \
    '[labels]' 'quote_open = "abc'
broken unclosed-and-more "7:18: expected \" to close the quoted value"
t_check "and the unknown key before it is reported too" \
    grep -q "unclosed-and-more.style:5:1: unknown key 'titel'" "$T/err"

# compact: an empty line before every heading; tight with \n where the
# house wants one: a group heading and its first item together.
"$GIJI" new "$T/gh.giji" >/dev/null
"$GIJI" add "$T/gh.giji" agenda.add id=a "title=Principal's Report" section=Reports >/dev/null
"$GIJI" add "$T/gh.giji" agenda.add id=b "title=Finance Report" section=Reports >/dev/null
"$GIJI" add "$T/gh.giji" agenda.open item=a >/dev/null
"$GIJI" add "$T/gh.giji" note text=Received. >/dev/null
"$GIJI" add "$T/gh.giji" agenda.open item=b >/dev/null
"$GIJI" add "$T/gh.giji" note text=Noted. >/dev/null
printf '%s\n' '[style]' 'name = gh' 'languages = en' '[format]' 'spacing = compact' \
    '[header]' 'title = T' '[anchor]' 'line =' >"$T/gh.style"
"$GIJI" minutes "$T/gh.giji" --style "$T/gh.style" >"$T/gh.txt" 2>/dev/null
printf '%s\n' T '' Reports '' "1. Principal's Report" Received. '' '2. Finance Report' Noted. >"$T/gh.want"
t_check "compact: an empty line before each heading" cmp -s "$T/gh.want" "$T/gh.txt"
printf '%s\n' '[style]' 'name = gh2' 'languages = en' '[format]' 'spacing = tight' \
    '[header]' 'title = T' '[agenda]' 'item = #{?group_first,,\n}#{number} #{heading}' \
    '[anchor]' 'line =' >"$T/gh2.style"
"$GIJI" minutes "$T/gh.giji" --style "$T/gh2.style" >"$T/gh2.txt" 2>/dev/null
printf '%s\n' T '' Reports "1. Principal's Report" Received. '' '2. Finance Report' Noted. >"$T/gh2.want"
t_check "tight: a group heading and its first item together, the next apart" cmp -s "$T/gh2.want" "$T/gh2.txt"

# Empty lines a template writes to space the text minutes do not become
# stray spaces in Markdown headings or empty paragraphs in HTML.
printf '%s\n' '[style]' 'name = el' 'languages = en' '[format]' 'spacing = tight' \
    '[header]' 'title = T' '[agenda]' 'item = \n#{number} #{heading}' \
    '[note]' 'narrative = #{text}\n' '[anchor]' 'line =' >"$T/el.style"
"$GIJI" minutes "$T/gh.giji" --style "$T/el.style" --format md >"$T/el.md" 2>/dev/null
"$GIJI" minutes "$T/gh.giji" --style "$T/el.style" --format html >"$T/el.html" 2>/dev/null
"$GIJI" minutes "$T/gh.giji" --style "$T/el.style" >"$T/el.txt" 2>/dev/null
t_check "md: a heading's leading \\n is not a space" grep -qxF "#### 1\\. Principal's Report" "$T/el.md"
t_check "md: no run of empty lines from a note's trailing \\n" sh -c "! awk 'p==\"\" && \$0==\"\" && NR>1 {bad=1} {p=\$0} END {exit !bad}' '$T/el.md'"
t_check "html: no empty paragraph" sh -c "! grep -q '<p class=\"note\"></p>' '$T/el.html'"
t_check "text keeps the template's empty lines" sh -c "grep -qx 'Received.' '$T/el.txt' && [ \$(grep -c '^\$' '$T/el.txt') -ge 3 ]"

# gikai prints recorded seat numbers in the document's digits.
"$GIJI" new "$T/gk.giji" >/dev/null
"$GIJI" add "$T/gk.giji" member.add id=a name=青木 seat=1 >/dev/null
"$GIJI" add "$T/gk.giji" speech speaker=a text=質問します。 >/dev/null
"$GIJI" minutes "$T/gk.giji" --style gikai --digits full >"$T/gk.txt" 2>/dev/null
t_check "gikai --digits full: a seat recorded 1 prints １番" sh -c "grep -q '１番' '$T/gk.txt' && ! grep -q '[0-9]番' '$T/gk.txt'"

# A file that is not UTF-8 gets that one error, not others about what
# could not be read; an incomplete condition, one error.
printf '[style]\nname = t\nlanguages = en\n[header]\ntitle = caf\351\n' >"$T/u8.style"
"$GIJI" styles check "$T/u8.style" >/dev/null 2>"$T/u8.err"
t_is "invalid UTF-8: one error only" "$(wc -l <"$T/u8.err" | tr -d ' ')" 1
style_in '[style]' 'name = c' 'languages = en' '[labels when lang=' 'open = x'
broken cond-empty "4:19: expected a value after lang="
t_is "and no second error for it" "$(wc -l <"$T/err" | tr -d ' ')" 1

# A closing line keeps its empty lines in HTML (the space to sign in);
# a stage direction without a template of its own is not a narrative.
printf '%s\n' '[style]' 'name = sg' 'languages = en' '[header]' 'title = T' \
    '[note]' 'narrative = NOTE #{text}' '[closing]' 'line = Signed\n\n\n________ Chair' \
    '[anchor]' 'line =' >"$T/sg.style"
"$GIJI" new "$T/sg.giji" >/dev/null
"$GIJI" add "$T/sg.giji" note kind=stage "text=(laughter)" >/dev/null
"$GIJI" minutes "$T/sg.giji" --style "$T/sg.style" --format html >"$T/sg.html" 2>/dev/null
t_check "html: a closing line keeps its empty lines" grep -q 'Signed<br/><br/><br/>________ Chair' "$T/sg.html"
"$GIJI" minutes "$T/sg.giji" --style "$T/sg.style" >"$T/sg.txt" 2>/dev/null
t_check "a stage note is not printed by [note] narrative" sh -c "! grep -q 'NOTE' '$T/sg.txt'"

# Digits: composed day2, minute2 and English dates follow the document's
# digits; #{half:} narrows recorded full-width digits too.
"$GIJI" new "$T/dg.giji" --date 2026-07-05 >/dev/null
"$GIJI" add "$T/dg.giji" meta.set "place=Room １2" >/dev/null
printf '%s\n' '[style]' 'name = dg' 'languages = en' '[format]' 'digits = full' \
    '[header]' 'title = #{meeting_date.day2}/#{meeting_date.month2}|#{half:#{meeting_date.day2}}|#{half:#{place}}|#{meeting_date.en}' \
    '[anchor]' 'line =' >"$T/dg.style"
"$GIJI" minutes "$T/dg.giji" --style "$T/dg.style" >"$T/dg.txt" 2>/dev/null
t_check "day2/month2 and an English date in full-width digits; #{half:} narrows" \
    grep -qx '０５/０７|05|Room 12|Sunday, ５ July ２０２６' "$T/dg.txt"

# A note's #{kind} is narrative when none was recorded; a vice-chair is
# lettered with the members; an error in a row's second cell names its
# own column.
"$GIJI" new "$T/nk.giji" >/dev/null
"$GIJI" add "$T/nk.giji" note text=plain >/dev/null
printf '%s\n' '[style]' 'name = nk' 'languages = en' '[header]' 'title = T' \
    '[note]' 'narrative = [#{kind}] #{text}' '[anchor]' 'line =' >"$T/nk.style"
"$GIJI" minutes "$T/nk.giji" --style "$T/nk.style" >"$T/nk.txt" 2>/dev/null
t_check "a note recorded without a kind is narrative" grep -qx '\[narrative\] plain' "$T/nk.txt"
"$GIJI" add "$T/an.giji" member.add id=v name=vice kind=vice >/dev/null
"$GIJI" add "$T/an.giji" speech speaker=v text=発言 >/dev/null
printf '%s\n' '[labels]' 'vice = #{wide:#{ALPHA:#{speaker_order}}}委員' >>"$T/an.style"
"$GIJI" minutes "$T/an.giji" --style "$T/an.style" --lang ja >"$T/an2.txt" 2>/dev/null
t_check "a vice-chair gets the next letter after the members (Ｄ)" sh -c "tail -1 '$T/an2.txt' | grep -qx '○（Ｄ委員）　発言'"
style_in '[style]' 'name = rc' 'languages = en' '[header]' 'row = X | a | Y | #{nosuch}'
broken row-cell "5:19: unknown name 'nosuch' here"

# styles check: a use that names no style is an error at the use line.
style_in '[style]' 'name = us' 'languages = en' '[style when lang=en]' 'use = nosuchstyle'
broken use-missing "5:7: use: no style 'nosuchstyle'"
style_in '[style]' 'name = us2' 'languages = en' '[style when lang=en]' 'use = base'
mv "$T/in" "$T/us2.style"
t_check "a use that names a shipped style passes" "$GIJI" styles check "$T/us2.style"

# A full-width space between a key and its = is named as such.
style_in '[style]' 'name = fw' 'languages = en' '[header]' 'title　= x'
broken fullwidth-blank "5:6: a full-width space (U+3000) after the key 'title'"

# One count in every context: a withdrawn member is not present to the
# vote or its tally; a unanimous count without numbers has for = the
# voters in both; ballots count as a count (counted).
"$GIJI" new "$T/vc.giji" >/dev/null
"$GIJI" import "$T/vc.giji" >/dev/null <<'EOF'
{"type":"meta.set","ts":"2025-06-20T10:00:00+09:00","data":{"date":"2025-06-20","seats":3,"chair":"votes"}}
{"type":"member.add","ts":"2025-06-20T10:00:00+09:00","data":{"id":"a","name":"A","kind":"chair"}}
{"type":"member.add","ts":"2025-06-20T10:00:00+09:00","data":{"id":"b","name":"B"}}
{"type":"member.add","ts":"2025-06-20T10:00:00+09:00","data":{"id":"c","name":"C"}}
{"type":"agenda.add","ts":"2025-06-20T10:00:00+09:00","data":{"id":"i1","title":"T"}}
{"type":"agenda.add","ts":"2025-06-20T10:00:00+09:00","data":{"id":"i2","title":"U"}}
{"type":"meeting.open","ts":"2025-06-20T10:00:00+09:00","data":{}}
{"type":"agenda.open","ts":"2025-06-20T10:01:00+09:00","data":{"item":"i1"}}
{"type":"interest","ts":"2025-06-20T10:01:00+09:00","data":{"member":"c","item":"i1","withdraws":true}}
{"type":"vote.call","ts":"2025-06-20T10:02:00+09:00","data":{"id":"v1","item":"i1","method":"hands"}}
{"type":"vote.tally","ts":"2025-06-20T10:02:00+09:00","data":{"vote":"v1","unanimous":true}}
{"type":"decision","ts":"2025-06-20T10:02:00+09:00","data":{"item":"i1","outcome":"approved","vote":"v1"}}
{"type":"agenda.open","ts":"2025-06-20T10:03:00+09:00","data":{"item":"i2"}}
{"type":"vote.call","ts":"2025-06-20T10:03:00+09:00","data":{"id":"v2","item":"i2","method":"rollcall"}}
{"type":"vote.tally","ts":"2025-06-20T10:04:00+09:00","data":{"vote":"v2","ballots":{"a":"yes","b":"yes","c":"no"}}}
{"type":"decision","ts":"2025-06-20T10:04:00+09:00","data":{"item":"i2","outcome":"approved","vote":"v2"}}
EOF
printf '%s\n' '[style]' 'name = vc' 'languages = en' '[header]' 'title = T' \
    '[vote.tally]' 'line = TALLY #{present} #{voters} #{for}-#{against} counted=#{counted}' \
    '[decision]' 'line = DECISION #{vote.present} #{vote.for}-#{vote.against} counted=#{vote.counted} given=#{vote.counts_given}' \
    '[anchor]' 'line =' >"$T/vc.style"
"$GIJI" minutes "$T/vc.giji" --style "$T/vc.style" >"$T/vc.txt" 2>/dev/null
t_is "a withdrawn member is not present; unanimous: for = the voters, in both contexts" \
    "$(grep -E '^(TALLY|DECISION)' "$T/vc.txt" | head -2 | tr '\n' '/')" \
    "TALLY 2 2 2-0 counted=0/DECISION 2 2-0 counted=1 given=0/"
t_is "a roll call's ballots are a count" \
    "$(grep -E '^(TALLY|DECISION)' "$T/vc.txt" | tail -2 | tr '\n' '/')" \
    "TALLY 3 3 2-1 counted=1/DECISION 3 2-1 counted=1 given=1/"

# #{word:item.outcome} takes the words of outcome.VALUE; item.outcome.VALUE
# wins where the style gives it.
printf '%s\n' '[style]' 'name = wd' 'languages = en' '[header]' 'title = T' \
    '[vote.tally]' 'line = W #{word:item.outcome}|#{word:vote.method}' \
    '[words]' 'outcome.approved = passed' 'vote.method.hands = by hands' \
    'method.hands = no' '[anchor]' 'line =' >"$T/wd.style"
"$GIJI" minutes "$T/vc.giji" --style "$T/wd.style" >"$T/wd.txt" 2>/dev/null
t_is "a word through an object: its last part's, or its own" \
    "$(grep '^W ' "$T/wd.txt" | head -1)" "W passed|by hands"

# A recess sees when the meeting resumed, a resumption when the recess
# began: "Proceedings suspended from … to …" in one line.
"$GIJI" new "$T/rs.giji" --date 2026-03-03 >/dev/null
"$GIJI" import "$T/rs.giji" >/dev/null <<'EOF'
{"type":"meta.set","ts":"2026-03-03T09:00:00+10:00","data":{"tz":"Australia/Brisbane"}}
{"type":"meeting.open","ts":"2026-03-03T09:30:00+10:00","data":{}}
{"type":"recess","ts":"2026-03-03T10:45:00+10:00","data":{}}
{"type":"resume","ts":"2026-03-03T11:00:00+10:00","data":{}}
{"type":"recess","ts":"2026-03-03T12:10:00+10:00","data":{}}
{"type":"meeting.close","ts":"2026-03-03T12:15:00+10:00","data":{}}
EOF
printf '%s\n' '[style]' 'name = rs' 'languages = en' '[header]' 'title = T' \
    '[recess]' 'line = Suspended from #{time} to #{resumed|(none)}. #{recessed}' \
    '[resume]' 'line = Resumed at #{time}, suspended at #{recessed}.#{resumed}' \
    '[anchor]' 'line =' >"$T/rs.style"
"$GIJI" minutes "$T/rs.giji" --style "$T/rs.style" >"$T/rs.txt" 2>/dev/null
t_is "a recess and its resumption see each other's time" \
    "$(grep -E '^(Suspended|Resumed)' "$T/rs.txt" | tr '\n' '/')" \
    "Suspended from 10:45 a.m. to 11:00 a.m.. /Resumed at 11:00 a.m., suspended at 10:45 a.m../Suspended from 12:10 p.m. to (none). /"

# A member's honorific: Hansard's "Mr D HARGREAVE" and "Ms BROWN:".
"$GIJI" new "$T/hn.giji" >/dev/null
"$GIJI" add "$T/hn.giji" member.add id=h name=Hargreave "full_name=Daniel Hargreave" honorific=Mr >/dev/null
"$GIJI" add "$T/hn.giji" member.add id=b name=Brown honorific=Ms >/dev/null
"$GIJI" add "$T/hn.giji" speech speaker=b text=Thanks. >/dev/null
printf '%s\n' '[style]' 'name = hn' 'languages = en' '[header]' \
    'title = #{each:roster,/,#{honorific} #{initials:#{chop:#{full_name|#{name}},#{name}}}#{?full_name, }#{upper:#{name}}}' \
    '[labels]' 'member = #{honorific} #{upper:#{name}}:' 'open =' 'close =' 'gap = " "' \
    '[anchor]' 'line =' >"$T/hn.style"
"$GIJI" minutes "$T/hn.giji" --style "$T/hn.style" >"$T/hn.txt" 2>/dev/null
t_is "honorific and initials in a list, honorific in a label" \
    "$(grep -v '^$' "$T/hn.txt" | tr '\n' '/')" "Mr D HARGREAVE/Ms BROWN/Ms BROWN: Thanks./"

# A context's own names hide the document's; document. reaches them.
printf '%s\n' '[style]' 'name = dd' 'languages = en' '[header]' 'title = T' \
    '[decision]' 'line = D #{count:items} of #{count:document.items}: #{each:document.items,/,#{title}}' \
    '[anchor]' 'line =' >"$T/dd.style"
"$GIJI" minutes "$T/vc.giji" --style "$T/dd.style" >"$T/dd.txt" 2>/dev/null
t_is "document.items: the agenda where [decision] has its own items" \
    "$(grep '^D ' "$T/dd.txt" | head -1)" "D 1 of 2: T/U"

# A label sees the speech it labels, and counts: a select committee
# numbers its members' questions (Q1, Q2 …), not the witnesses' answers
# nor a member's follow-up recorded as a remark.
"$GIJI" new "$T/qn.giji" >/dev/null
"$GIJI" import "$T/qn.giji" >/dev/null <<'EOF'
{"type":"member.add","data":{"id":"c","name":"Chair","kind":"chair"}}
{"type":"member.add","data":{"id":"b","name":"Brown","honorific":"Mr"}}
{"type":"member.add","data":{"id":"w","name":"Lee","honorific":"Dr","kind":"observer"}}
{"type":"speech","data":{"speaker":"c","text":"First?","kind":"question"}}
{"type":"speech","data":{"speaker":"w","text":"Answer one.","kind":"answer"}}
{"type":"speech","data":{"speaker":"b","text":"Second?","kind":"question"}}
{"type":"speech","data":{"speaker":"w","text":"Answer two."}}
{"type":"speech","data":{"speaker":"b","text":"And a follow-up?"}}
{"type":"speech","data":{"speaker":"c","text":"Third?","kind":"question"}}
EOF
printf '%s\n' '[style]' 'name = qn' 'languages = en' '[header]' 'title = T' \
    '[labels]' 'open =' 'close = :' 'gap = " "' \
    'chair = #{?#{==:#{speech.kind},question},Q#{next:q} }Chair' \
    'member = #{?#{==:#{speech.kind},question},Q#{next:q} }#{honorific} #{name}' \
    'other = #{honorific} #{name}' '[anchor]' 'line =' >"$T/qn.style"
"$GIJI" minutes "$T/qn.giji" --style "$T/qn.style" >"$T/qn.txt" 2>/dev/null
t_is "questions numbered by the speech's kind, answers and follow-ups not" \
    "$(grep ':' "$T/qn.txt" | tr '\n' '/')" \
    "Q1 Chair: First?/Dr Lee: Answer one./Q2 Mr Brown: Second?/Dr Lee: Answer two./Mr Brown: And a follow-up?/Q3 Chair: Third?/"

# Witnesses: an observer named for an item (member.add agenda) attends
# for its deliberation, as staff do; one heard without being named not.
"$GIJI" new "$T/wt.giji" >/dev/null
"$GIJI" import "$T/wt.giji" >/dev/null <<'EOF'
{"type":"member.add","data":{"id":"c","name":"Chair","kind":"chair"}}
{"type":"member.add","data":{"id":"w","name":"Lee","kind":"observer","agenda":["p1"]}}
{"type":"member.add","data":{"id":"x","name":"Ng","kind":"observer"}}
{"type":"member.add","data":{"id":"s","name":"Ito","kind":"staff"}}
{"type":"agenda.add","data":{"id":"p1","title":"Panel one"}}
{"type":"agenda.open","data":{"item":"p1"}}
{"type":"speech","data":{"speaker":"x","text":"From the gallery."}}
{"type":"speech","data":{"speaker":"s","text":"Staff heard."}}
EOF
printf '%s\n' '[style]' 'name = wt' 'languages = en' '[header]' 'title = T' \
    'para = W #{each:deliberations,/,#{each:attending,#, ,#{name}}}' \
    '[anchor]' 'line =' >"$T/wt.style"
"$GIJI" minutes "$T/wt.giji" --style "$T/wt.style" >"$T/wt.txt" 2>/dev/null
t_is "an observer named for an item attends for it; staff heard on it too" \
    "$(grep '^W ' "$T/wt.txt")" "W Lee, Ito"
"$GIJI" minutes "$T/wt.giji" --style "$T/wt.style" 2>&1 >/dev/null | grep -c 'observers' >"$T/wt.n"
t_is "an observer heard without being named for an item: still warned of" "$(cat "$T/wt.n")" 1
"$GIJI" new "$T/wt2.giji" >/dev/null
"$GIJI" import "$T/wt2.giji" >/dev/null <<'EOF'
{"type":"member.add","data":{"id":"w","name":"Lee","kind":"observer","agenda":["p1"]}}
{"type":"agenda.add","data":{"id":"p1","title":"Panel one"}}
EOF
"$GIJI" minutes "$T/wt2.giji" --style "$T/wt.style" >/dev/null 2>"$T/wt2.err"
t_is "witnesses printed as a deliberation's attending: no warning" "$(cat "$T/wt2.err")" ""

# The role a signer event gives (議事録署名人), in the member's context.
"$GIJI" new "$T/sg.giji" >/dev/null
"$GIJI" import "$T/sg.giji" >/dev/null <<'EOF'
{"type":"member.add","data":{"id":"c","name":"理事長","kind":"chair"}}
{"type":"member.add","data":{"id":"n","name":"西","role":"組合員"}}
{"type":"member.add","data":{"id":"k","name":"北","role":"組合員"}}
{"type":"signer","data":{"member":"n","purpose":"designation","role":"議事録署名人"}}
{"type":"signer","data":{"member":"k","purpose":"designation"}}
EOF
printf '%s\n' '[style]' 'name = sg' 'languages = ja' '[header]' 'title = T' \
    'para = S #{each:signers,/,#{signer_role|#{role}} #{name}}' \
    '[anchor]' 'line =' >"$T/sg.style"
"$GIJI" minutes "$T/sg.giji" --style "$T/sg.style" >"$T/sg.txt" 2>/dev/null
t_is "a signer's recorded role, else the member's" \
    "$(grep '^S ' "$T/sg.txt")" "S 議事録署名人 西/組合員 北"

# A decision reaches its vote's last count's answers (who voted against).
printf '%s\n' '[style]' 'name = dc' 'languages = en' '[header]' 'title = T' \
    '[decision]' 'line = D #{each:vote.choices,;,#{choice}: #{each:members,#, ,#{name}}}' \
    '[anchor]' 'line =' >"$T/dc.style"
"$GIJI" minutes "$T/vc.giji" --style "$T/dc.style" >"$T/dc.txt" 2>/dev/null
t_is "vote.choices in a decision: the roll call's answers, none for hands" \
    "$(grep '^D' "$T/dc.txt" | tr '\n' '/')" "D /D yes: A, B;no: C/"

# styles check: a use that may come back round is a warning (exit 0);
# giji minutes refuses it where the conditions hold.
printf '%s\n' '[style]' 'name = ula' 'languages = en ja' 'use = ulb' \
    >"$T/home/giji/styles/ula.style"
printf '%s\n' '[style]' 'name = ulb' 'languages = en ja' '[style when lang=ja]' \
    'use = ula' >"$T/home/giji/styles/ulb.style"
"$GIJI" styles check "$T/home/giji/styles/ula.style" >"$T/ul.out" 2>&1
t_is "a use loop: styles check exits 0" "$?" 0
t_check "and warns of the chain" grep -qF \
    "warning: [style] use may come back round (ula -> ulb -> ula)" "$T/ul.out"
rm -f "$T/home/giji/styles/ula.style" "$T/home/giji/styles/ulb.style"

# Reactions inside a speech: each at its place, those at one place in the
# order recorded, those past the end at the end (recorded out of order).
"$GIJI" new "$T/ri.giji" >/dev/null
"$GIJI" import "$T/ri.giji" >/dev/null <<'EOF'
{"type":"member.add","data":{"id":"a","name":"A"}}
{"type":"speech","uuid":"11111111-1111-4111-8111-111111111111","data":{"speaker":"a","text":"abcdef"}}
{"type":"reaction","data":{"speech":"11111111-1111-4111-8111-111111111111","at":4,"kind":"voices","text":"4a"}}
{"type":"reaction","data":{"speech":"11111111-1111-4111-8111-111111111111","at":99,"kind":"voices","text":"end"}}
{"type":"reaction","data":{"speech":"11111111-1111-4111-8111-111111111111","at":1,"kind":"voices","text":"1"}}
{"type":"reaction","data":{"speech":"11111111-1111-4111-8111-111111111111","at":4,"kind":"voices","text":"4b"}}
{"type":"reaction","data":{"speech":"11111111-1111-4111-8111-111111111111","at":0,"kind":"voices","text":"0"}}
EOF
printf '%s\n' '[style]' 'name = ri' 'languages = en' '[header]' 'title = T' \
    '[labels]' 'open =' 'close = :' 'gap = " "' '[reaction]' 'inline = [#{text}]' \
    '[anchor]' 'line =' >"$T/ri.style"
"$GIJI" minutes "$T/ri.giji" --style "$T/ri.style" >"$T/ri.txt" 2>/dev/null
t_check "inline reactions at their places, in the order recorded" \
    grep -qx 'A: \[0\]a\[1\]bcd\[4a\]\[4b\]ef\[end\]' "$T/ri.txt"

# Markdown: a label's strong emphasis holds no space or line break at its
# ends (CommonMark would not read it as bold), and an empty label none.
printf '%s\n' '[style]' 'name = mdl' 'languages = en' '[header]' 'title = T' \
    '[labels]' 'open = "\n"' 'close = ", "' 'gap = ""' '[anchor]' 'line =' \
    >"$T/mdl.style"
"$GIJI" minutes "$T/ri.giji" --style "$T/mdl.style" --format md \
    >"$T/mdl.md" 2>/dev/null
t_check "a label opened by a line break: **A,** then the text" \
    grep -q '^\*\*A,\*\* ' "$T/mdl.md"
t_is "no ** next to a space or a line break" \
    "$(grep -c '\*\* *$\|^\*\*$\|\*\*\*\*\|\*\* \*\*' "$T/mdl.md")" 0

# council-uk: the decision's words the clerk typed are never dropped for
# the RESOLVED line the carried motion printed; only the same words
# standing beside them are not printed twice.
"$GIJI" new "$T/uk.giji" >/dev/null
"$GIJI" import "$T/uk.giji" >/dev/null 2>&1 <<'EOF'
{"type":"meta.set","data":{"title":"Harbour Board","date":"2026-03-02","lang":"en"}}
{"type":"member.add","data":{"id":"h","name":"Hale","role":"Chair","kind":"chair"}}
{"type":"member.add","data":{"id":"o","name":"Okafor"}}
{"type":"member.add","data":{"id":"l","name":"Lee"}}
{"type":"agenda.add","data":{"id":"a1","title":"Dredging"}}
{"type":"agenda.add","data":{"id":"a2","title":"Moorings"}}
{"type":"agenda.open","data":{"item":"a1"}}
{"type":"vote.call","data":{"id":"v1","item":"a1","motion":"That the tender be accepted","method":"hands","moved_by":"o","seconded_by":"l"}}
{"type":"vote.tally","data":{"vote":"v1","for":2,"against":0}}
{"type":"decision","data":{"item":"a1","outcome":"approved","vote":"v1","text":"RESOLVED that the tender be accepted, work to begin in October."}}
{"type":"agenda.close","data":{"item":"a1"}}
{"type":"agenda.open","data":{"item":"a2"}}
{"type":"speech","data":{"speaker":"h","text":"RESOLVED that the moorings fees stand."}}
{"type":"decision","data":{"item":"a2","outcome":"approved","text":"RESOLVED that the moorings fees stand."}}
{"type":"agenda.close","data":{"item":"a2"}}
EOF
"$GIJI" minutes "$T/uk.giji" --style council-uk >"$T/uk.txt" 2>/dev/null
t_check "council-uk: the carried motion's RESOLVED line" \
    grep -q '^RESOLVED: That the tender be accepted' "$T/uk.txt"
t_check "and the clerk's decision words after it" \
    grep -qx 'RESOLVED that the tender be accepted, work to begin in October.' "$T/uk.txt"
t_is "words said in a speech beside the decision: printed once" \
    "$(grep -c 'the moorings fees stand' "$T/uk.txt")" 1

# A fault in a [define] used twice is said once, at its place.
printf '%s\n' '[style]' 'name = dup' 'languages = ja' '[define]' \
    'm = #{nosuch}' '[header]' 'title = #{m}' 'row = a | #{m}' >"$T/dup.style"
"$GIJI" styles check "$T/dup.style" >"$T/dup.out" 2>&1
t_is "a define's fault used twice: exit 1" "$?" 1
t_is "said once" "$(grep -c "dup.style:5:5: unknown name 'nosuch'" "$T/dup.out")" 1

# A mistyped function is named with the nearest one; a name near none
# gets the list.
printf '%s\n' '[style]' 'name = fn' 'languages = en' '[header]' \
    'title = #{fil:x,3}' >"$T/fn.style"
"$GIJI" styles check "$T/fn.style" >"$T/fn.out" 2>&1
t_check "unknown function 'fil': did you mean 'fill'" \
    grep -qF "fn.style:5:11: unknown function 'fil' (did you mean 'fill'?)" "$T/fn.out"
sed 's/fil:/zzzzq:/' "$T/fn.style" >"$T/fn2.style"
"$GIJI" styles check "$T/fn2.style" >"$T/fn2.out" 2>&1
t_check "near none: the functions listed" \
    grep -qF "unknown function 'zzzzq' (known: each, count," "$T/fn2.out"

# What the style has no form for is said for the formats in its wording,
# not for Akoma Ntoso and Popolo, which publish the record's structure.
"$GIJI" new "$T/od.giji" >/dev/null
printf '%s\n' '{"type":"member.add","data":{"id":"a","name":"A","seat":"3"}}' \
    '{"type":"speech","data":{"speaker":"a","text":"x"}}' |
    "$GIJI" import "$T/od.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/od.giji" --style summary >/dev/null 2>"$T/od.err"
t_check "text: the seat numbers warned of" grep -q "no form for seat numbers" "$T/od.err"
for f in akn popolo; do
	"$GIJI" minutes "$T/od.giji" --style summary --format $f >/dev/null 2>"$T/od.err"
	t_is "$f: no warning of the style's forms" "$(cat "$T/od.err")" ""
done

# A quorum set without seats: the no-quorum lines say how many were
# present without an empty "of  members" (the seats are unknown).
"$GIJI" new "$T/q.giji" >/dev/null
"$GIJI" add "$T/q.giji" meta.set quorum=3 lang=en >/dev/null
"$GIJI" add "$T/q.giji" member.add id=a name=A >/dev/null
"$GIJI" add "$T/q.giji" attendance member=a status=present >/dev/null
"$GIJI" add "$T/q.giji" vote.call id=v1 method=hands motion=X >/dev/null
"$GIJI" add "$T/q.giji" vote.tally vote=v1 for=1 >/dev/null
for st in summary council-uk council-us wg; do
	"$GIJI" minutes "$T/q.giji" --style $st >"$T/q.txt" 2>/dev/null
	t_check "$st: no quorum, no seats: no empty count" sh -c \
	    "grep -q 'required' '$T/q.txt' && ! grep -q 'of  \\|1 members' '$T/q.txt'"
done
"$GIJI" minutes "$T/q.giji" --style summary >"$T/q.txt" 2>/dev/null
t_check "base: 1 member present" grep -qxF \
    "No quorum: 1 member present, 3 required; the vote was not valid." "$T/q.txt"

# [words]: a VALUE as recorded may hold spaces (the key runs to the =).
printf '%s\n' '[words]' 'role.University Registrar = Registrar' '[style]' \
    'name = w' 'languages = en' '[header]' 'title = #{word:chair.role}' \
    >"$T/w.style"
t_check "[words]: a key with spaces checks" "$GIJI" styles check "$T/w.style"
"$GIJI" new "$T/w.giji" >/dev/null
"$GIJI" add "$T/w.giji" member.add id=r name=R "role=University Registrar" \
    kind=chair >/dev/null
t_is "[words]: a value with spaces has its word" \
    "$("$GIJI" minutes "$T/w.giji" --style "$T/w.style" 2>/dev/null | head -1)" \
    "Registrar"
printf '%s\n' '[style]' 'name = w2' 'languages = en' '[header]' \
    'title x = T' >"$T/w2.style"
"$GIJI" styles check "$T/w2.style" >"$T/w2.out" 2>&1
t_check "elsewhere a key with a space is still an error" grep -qF \
    "expected = after the key 'title'" "$T/w2.out"

# A tally's #{rule} is the vote's rule in force, not the meeting's
# meta alone (a two-thirds vote at a meeting of majority votes).
"$GIJI" new "$T/ru.giji" >/dev/null
"$GIJI" add "$T/ru.giji" meta.set rule=three_quarters >/dev/null
"$GIJI" add "$T/ru.giji" member.add id=a name=A >/dev/null
"$GIJI" add "$T/ru.giji" attendance member=a status=present >/dev/null
"$GIJI" add "$T/ru.giji" vote.call id=v1 method=hands rule=two_thirds >/dev/null
"$GIJI" add "$T/ru.giji" vote.tally vote=v1 for=1 >/dev/null
"$GIJI" add "$T/ru.giji" vote.call id=v2 method=hands >/dev/null
"$GIJI" add "$T/ru.giji" vote.tally vote=v2 for=1 >/dev/null
printf '%s\n' '[style]' 'name = ru' 'languages = en' '[vote.tally]' \
    'line = R #{rule}' '[anchor]' 'line =' >"$T/ru.style"
"$GIJI" minutes "$T/ru.giji" --style "$T/ru.style" >"$T/ru.txt" 2>/dev/null
t_check "tally #{rule}: the vote's own" grep -qx "R two_thirds" "$T/ru.txt"
t_check "tally #{rule}: else the meeting's" grep -qx "R three_quarters" "$T/ru.txt"

# vote.call seconded: a motion seconded, by whom not recorded.
"$GIJI" new "$T/sc.giji" >/dev/null
"$GIJI" add "$T/sc.giji" vote.call id=v1 method=hands motion=X seconded=true >/dev/null
"$GIJI" add "$T/sc.giji" vote.call id=v2 method=hands motion=Y >/dev/null
printf '%s\n' '[style]' 'name = sc' 'languages = en' '[vote.call]' \
    'motion = M #{motion}#{?seconded, Seconded.}' '[anchor]' 'line =' >"$T/sc.style"
"$GIJI" minutes "$T/sc.giji" --style "$T/sc.style" >"$T/sc.txt" 2>/dev/null
t_check "seconded: said" grep -qx "M X Seconded." "$T/sc.txt"
t_check "not seconded: nothing said" grep -qx "M Y" "$T/sc.txt"
"$GIJI" add "$T/sc.giji" meta.set lang=en >/dev/null
"$GIJI" add "$T/sc.giji" member.add id=a name=Ann >/dev/null
"$GIJI" add "$T/sc.giji" attendance member=a status=present >/dev/null
"$GIJI" add "$T/sc.giji" vote.call id=v3 method=hands "motion=to adopt" \
    moved_by=a seconded=true >/dev/null
t_check "council-us: seconded, by nobody named" sh -c \
    "'$GIJI' minutes '$T/sc.giji' --style council-us 2>/dev/null | grep -qx 'Motion by Councilmember Ann, seconded, to adopt.'"
t_check "council-uk: and seconded" sh -c \
    "'$GIJI' minutes '$T/sc.giji' --style council-uk 2>/dev/null | grep -qx 'Proposed by Cllr Ann, and seconded.'"

# Apologies listed under an agenda item (not in [header]): printed, and
# no warning that the style has no form for them.
"$GIJI" new "$T/ap.giji" >/dev/null
"$GIJI" add "$T/ap.giji" member.add id=a name=Ann >/dev/null
"$GIJI" add "$T/ap.giji" member.add id=b name=Bea >/dev/null
"$GIJI" add "$T/ap.giji" attendance member=b status=apologies >/dev/null
"$GIJI" add "$T/ap.giji" agenda.add id=i title=Apologies >/dev/null
"$GIJI" add "$T/ap.giji" agenda.open item=i >/dev/null
printf '%s\n' '[style]' 'name = ap' 'languages = en' '[header]' \
    'row = Date | #{date}' '[agenda]' \
    'item = #{heading}#{?#{==:#{title},Apologies},\nFrom: #{each:members,,#{?apologies,#{name}}}}' \
    '[anchor]' 'line =' >"$T/ap.style"
"$GIJI" minutes "$T/ap.giji" --style "$T/ap.style" >"$T/ap.txt" 2>"$T/ap.err"
t_check "apologies under an item: printed" grep -qx "From: Bea" "$T/ap.txt"
t_check "and no warning that the style has no form for them" \
    sh -c "! grep -q 'apologies for absence' '$T/ap.err'"

# styles check: every error in the file's order (a template's syntax is
# read before the names are checked), a near name suggested.
printf '%s\n' '[style]' 'name = bad' 'languages = en' '[vote.call]' \
    'motion = #{mover.nam} #{nosuch}' '[labels]' 'member = #{?x' >"$T/bad.style"
"$GIJI" styles check "$T/bad.style" >/dev/null 2>"$T/bad.err"
t_check "styles check: errors by line" sh -c \
    "cut -d: -f2 '$T/bad.err' | tr '\n' ' ' | grep -qx '5 5 7 '"
t_check "styles check: a mistyped field of an object, the near one named" \
    grep -q "5:10: unknown name 'mover.nam' here (did you mean 'mover.name'?)" "$T/bad.err"
t_check "styles check: no suggestion when nothing is near" \
    grep -q "5:23: unknown name 'nosuch' here\$" "$T/bad.err"

t_done

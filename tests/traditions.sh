#!/bin/sh
# SPDX-License-Identifier: ISC
# The shipped styles of four more traditions, each on its sample meeting
# (tests/fixtures/STYLE.jsonl, invented bodies and text): gikai (a
# Japanese municipal assembly, plenary and committee, with and without
# the procedure times), council-us, council-uk and wg. Golden files in
# every format, internal and public (GENERATE=1 rewrites them), the
# lines each tradition is known by, no warning on its own sample, the
# same bytes twice and from a copy, and a sound style file.
. "$srcdir/tests/minutes-lib.sh"
XDG_CONFIG_HOME=$T/config; XDG_CONFIG_DIRS=$T/config-dirs
export XDG_CONFIG_HOME XDG_CONFIG_DIRS

styles="gikai council-us council-uk wg"

for s in $styles; do
	t_check "$s: giji styles check" "$GIJI" styles check \
	    "$srcdir/styles/$s.style"
	"$GIJI" styles >"$T/list"
	t_check "$s: listed as shipped" grep -q "^$s	[a-z ]*	shipped	" "$T/list"
	m=$(meeting "$s") || { t_fail "$s: import"; continue; }
	for fmt in text md html json; do
		ext=$fmt
		[ "$fmt" = text ] && ext=txt
		golden "$s: $fmt" "minutes-$s.$ext" \
		    "$GIJI" minutes "$m" --format "$fmt"
		golden "$s: public $fmt" "minutes-$s-public.$ext" \
		    "$GIJI" minutes "$m" --format "$fmt" --public
	done
	"$GIJI" minutes "$m" >"$T/$s.txt" 2>"$T/$s.err"
	t_check "$s: the sample names its style (meta.set style)" \
	    sh -c "'$GIJI' minutes '$m' -v 2>&1 >/dev/null | grep -q 'style $s, shipped'"
	t_check "$s: no warning on its own sample" sh -c "[ ! -s '$T/$s.err' ]"
	cp "$m" "$T/copy.giji"
	for fmt in text html json; do
		"$GIJI" minutes "$m" --format $fmt >"$T/a" 2>/dev/null
		"$GIJI" minutes "$m" --format $fmt >"$T/b" 2>/dev/null
		"$GIJI" minutes "$T/copy.giji" --format $fmt >"$T/c" 2>/dev/null
		t_check "$s $fmt: byte-identical twice and on a copy" \
		    sh -c "cmp '$T/a' '$T/b' && cmp '$T/a' '$T/c'"
	done
	if command -v xmllint >/dev/null 2>&1; then
		"$GIJI" minutes "$m" --format html >"$T/h.html"
		t_check "$s: html is well-formed XML" xmllint --noout "$T/h.html"
	fi
done

# has STYLE DESC LINE: the text minutes of the sample hold LINE whole.
has() { t_check "$1: $2" grep -qxF -- "$3" "$T/$1.txt"; }
# no STYLE DESC TEXT: they do not hold TEXT anywhere.
no() { t_check "$1: $2" sh -c "! grep -qF -- '$3' '$T/$1.txt'"; }
# count STYLE DESC N TEXT: TEXT is on N lines.
count() { t_check "$1: $2" sh -c "[ \$(grep -cF -- '$4' '$T/$1.txt') -eq $3 ]"; }

# gikai: a plenary sitting, the procedure times left out (the defaults).
has gikai "the session and the day's number" \
    '令和7年第3回汐見市議会定例会会議録（第2号）'
has gikai "the date with its weekday" '令和7年9月10日（水曜日）'
has gikai "the members present, counted" '出席議員（11名）'
has gikai "by seat" '4番　岡本浩君'
has gikai "the member absent, with the reason" '8番　斉藤和彦君（病気療養のため）'
has gikai "those attending to explain" '説明のため出席した者'
has gikai "the assembly's own staff" '職務のため出席した事務局職員'
has gikai "the chair's label" \
    '○議長（山下勝君）　本日の議事日程は、お手元に配付したとおりであります。'
has gikai "a member's label by seat" \
    '○4番（岡本浩君）　4番、岡本でございます。議案第45号について1点お伺いいたします。コンビニ交付の手数料を引き下げることで、年間どの程度の減収を見込んでいるのか、お示しください。'
has gikai "an official's label" \
    '○市民部長（西村明美君）　お答えいたします。年間約40万円の減収を見込んでおりますが、窓口の混雑が緩和され、事務の効率化で十分補えるものと考えております。'
has gikai "a stage direction" '〔4番 岡本浩君登壇〕'
has gikai "an official's stage direction" '〔市長 森田一郎君降壇〕'
has gikai "the room's voices on their own line" '〔「異議なし」と呼ぶ者あり〕'
t_check "gikai: the room's voices inside the speech they interrupted" \
    grep -qF '心配する声が上がっております。〔「そのとおり」と呼ぶ者あり〕' \
    "$T/gikai.txt"
count gikai "a separator between the items (six items, speeches before the first)" \
    6 '―――――――――――*―――――――――――'
t_check "gikai: the separator stands right above the item's heading" sh -c \
    "grep -A2 -xF -- '―――――――――――*―――――――――――' '$T/gikai.txt' | grep -c '^◎日程第' | grep -qx 6"
has gikai "an item headed by its place on the day's agenda" \
    '◎日程第2　議案第45号　汐見市手数料条例の一部を改正する条例'
has gikai "a standing vote" '〔賛成者起立〕'
has gikai "all standing" '〔起立全員〕'
has gikai "a majority standing" '〔起立多数〕'
has gikai "the decision in the assembly's words" \
    '（議案第46号は、原案のとおり可決されました）'
count gikai "the chair's words typed: the result printed once" 1 \
    '議案第45号は原案のとおり可決されました'
no gikai "… and not composed again" '（議案第45号は、原案のとおり可決されました）'
no gikai "a result the chair declared is not composed again" '〔起立少数〕'
no gikai "a consent the chair declared is not composed again" \
    '（議案第47号は、原案のとおり同意されました）'
has gikai "an election" '（小野寺正氏が当選されました）'
has gikai "a member excluded from an item (除斥)" \
    '〔9番 杉山典子君除斥のため退席（配偶者が契約の相手方の役員）〕'
has gikai "a motion with its mover and seconder" \
    '〔7番 小池誠一君から「議案第48号を総務常任委員会に付託すること」の動議（賛成者 1番 青木真理君）〕'
has gikai "the sitting's end" '午前11時02分散会'
has gikai "signed as the law requires" \
    '地方自治法第123条第2項の規定により、ここに署名する。'
has gikai "by the members designated" '汐見市議会議員　杉山典子'
t_check "gikai: times = none: no time line where the sitting opens" sh -c \
    "! grep -qx '午前10時開議' '$T/gikai.txt'"
no gikai "times = none: nor where it is suspended" '午前10時27分休憩'
t_check "gikai: a withdrawn remark is gone, listed only among the corrections" sh -c \
    "! grep -q '^○.*放置されていた' '$T/gikai.txt' && grep -q '取消し：「そもそも台風の前から放置されていた道路だ。」' '$T/gikai.txt'"
m=$(meeting gikai)
"$GIJI" minutes "$m" --public >"$T/gikai-public.txt"
t_check "gikai public: a passage naming a resident is withheld" sh -c \
    "grep -qx '○2番（石川隆君）　【非公開】' '$T/gikai-public.txt' && ! grep -q 佐野 '$T/gikai-public.txt'"

# times = procedure: the clock time on a line of its own after the words
# that open, suspend and resume the sitting.
golden "gikai: times = procedure" "minutes-gikai-times.txt" \
    "$GIJI" minutes "$m" --option times=procedure
"$GIJI" minutes "$m" --option times=procedure >"$T/times.txt"
after() {
	t_check "gikai times: $1" sh -c \
	    "grep -A2 -F -- '$2' '$T/times.txt' | tail -1 | grep -qx -- '$3'"
}
after "the opening after the chair's words" 'これより本日の会議を開きます。' '午前10時開議'
after "the recess after them" 'ここで暫時休憩いたします。' '午前10時27分休憩'
after "the resumption after them" '休憩前に引き続き会議を開きます。' '午前10時40分再開'

# form = committee: a committee's record, from meta.set style_options.
"$GIJI" new "$T/committee.giji" >/dev/null
sed -e 's/"title":"汐見市議会本会議"/"title":"汐見市議会総務常任委員会"/' \
    -e 's/"role":"議長"/"role":"委員長"/' -e 's/"role":"副議長"/"role":"副委員長"/' \
    -e 's/"style":"gikai"/&,"style_options":{"form":"committee","times":"procedure"}/' \
    "$srcdir/tests/fixtures/gikai.jsonl" |
    "$GIJI" import "$T/committee.giji" >/dev/null 2>&1
golden "gikai: form = committee, times = procedure" \
    "minutes-gikai-committee.txt" "$GIJI" minutes "$T/committee.giji"
"$GIJI" minutes "$T/committee.giji" >"$T/com.txt" 2>"$T/com.err"
t_check "gikai committee: the record's title" grep -qx '汐見市議会総務常任委員会記録' "$T/com.txt"
t_check "gikai committee: the chair's label before the text" grep -q \
    '^委員長（山下勝君）: 本日の議事日程は' "$T/com.txt"
t_check "gikai committee: a member's label by name" grep -q \
    '^岡本浩君: 4番、岡本でございます。' "$T/com.txt"
t_check "gikai committee: no ○, no seat numbers in labels" sh -c \
    "! grep -q '^○' '$T/com.txt' && ! grep -q '^[0-9]*番（' '$T/com.txt'"
t_check "gikai committee: the committee's decision" grep -qx \
    '（議案第46号は、原案のとおり可決すべきものと決定しました）' "$T/com.txt"
t_check "gikai committee: opened and closed (開会, 閉会)" sh -c \
    "grep -qx '午前10時開会' '$T/com.txt' && grep -qx '午前11時02分閉会' '$T/com.txt'"
t_check "gikai committee: says seat numbers are left out" grep -q \
    'style gikai has no form for seat numbers' "$T/com.err"
"$GIJI" minutes "$T/committee.giji" --option form=plenary \
    --option times=none >"$T/back.txt" 2>/dev/null
t_check "gikai: --option wins over the meeting's style_options" sh -c \
    "grep -q '^○委員長（山下勝君）　' '$T/back.txt' && ! grep -qx '午前10時開会' '$T/back.txt'"
"$GIJI" minutes "$m" --option form=joint >/dev/null 2>"$T/err"
t_check "gikai: an unknown form is refused, naming the values" grep -q \
    'option form cannot be .joint. (one of: plenary, committee)' "$T/err"
"$GIJI" minutes "$m" --lang en >"$T/gikai-en.txt" 2>/dev/null
t_check "gikai --lang en: English minutes with the base style's English" \
    grep -q '^Minutes: 汐見市議会本会議$' "$T/gikai-en.txt"

# council-us
has council-us "the narrative opening" \
    'The City Council of the City of Larkspur Falls met in regular session on Tuesday, March 4, 2025, in the Council Chambers, City Hall, 200 Main Street. Mayor Ellen Park called the meeting to order at 7:00 p.m.'
has council-us "the roll call" 'ROLL CALL'
has council-us "members present, the presiding mayor first" \
    'Present: Mayor Park, Mayor Pro Tem Ortiz, Councilmember Brennan, Councilmember Chu, Councilmember Hale, Councilmember Whitaker'
has council-us "absent" 'Absent: Councilmember Lindqvist (excused)'
has council-us "staff also present" \
    'Also present: City Manager Tom Reyes, City Attorney Dana Fox, Public Works Director Sam Iqbal, City Clerk Janet Moore'
has council-us "the quorum" 'A quorum was present.'
has council-us "approval of the agenda, moved and seconded" \
    'Motion by Councilmember Chu, seconded by Councilmember Hale, to approve the agenda as presented.'
has council-us "the count" 'Motion carried 5-0.'
has council-us "approval of the minutes" \
    'Motion by Councilmember Whitaker, seconded by Mayor Pro Tem Ortiz, to approve the minutes of the regular meeting of February 18, 2025.'
has council-us "unanimous" 'Motion carried unanimously.'
has council-us "an ordinance's reading" \
    'Motion by Mayor Pro Tem Ortiz, seconded by Councilmember Whitaker, to adopt Ordinance No. 2025-07, waiving the full reading and reading it by title only (second reading).'
has council-us "a roll-call vote with names" \
    'Roll call vote: AYES: Ortiz, Chu, Hale, Whitaker. NOES: Brennan. ABSENT: Lindqvist. Motion carried 4-1.'
has council-us "the ordinance's number" 'Ordinance No. 2025-07 adopted.'
has council-us "a tie the mayor breaks" \
    'Roll call vote: AYES: Ortiz, Whitaker. NOES: Brennan, Chu. ABSENT: Lindqvist. The vote being tied 2-2, the Mayor voted aye to break the tie. Motion carried.'
has council-us "a conflict of interest" \
    'Councilmember Hale declared a conflict of interest (he owns property on Elm Street within the project area) and did not take part in the discussion or the vote.'
has council-us "a speaker" \
    'Councilmember Brennan: Forty dollars is a tax on people who already pay to maintain these streets. I will vote no.'
has council-us "adjournment with its time" \
    'There being no further business, the meeting was adjourned at 8:41 p.m.'
has council-us "the presiding officer signs" 'Ellen Park'
has council-us "the clerk attests" 'ATTEST: City Clerk'

# council-uk
has council-uk "the meeting" \
    'Minutes of the meeting of Kelbury Town Council held on Tuesday 11 March 2025 at 7.00 pm in the Council Chamber, Kelbury Town Hall'
has council-uk "present" \
    'Present: Cllr J Marsh (Chair), Cllr P Adebayo (Vice-Chair), Cllr A Byrne, Cllr D Fairbairn, Cllr T Holloway, Cllr M Okonjo, Cllr S Whitfield'
has council-uk "in attendance" \
    'In attendance: Mrs H Carter (Town Clerk), Mr L Evans (Deputy Town Clerk and RFO) and 4 members of the public'
has council-uk "apologies" 'Apologies: Cllr R Singh (work commitment)'
has council-uk "a minute number" '25/103 MINUTES OF THE PREVIOUS MEETING'
has council-uk "a declaration of interest" \
    'Cllr D Fairbairn declared an interest in minute 25/106 (non-registerable interest: a neighbour of the applicant) and left the meeting for that item.'
has council-uk "proposed and seconded" \
    'Proposed by Cllr P Adebayo, seconded by Cllr T Holloway.'
has council-uk "RESOLVED that" \
    'RESOLVED unanimously that the minutes of the meeting held on 11 February 2025 be approved and signed by the Chair as a correct record.'
has council-uk "RESOLVED with the votes" \
    'RESOLVED that the quotation from Ridgeline Ramps Ltd of £38,450 be accepted, funded from the skate park earmarked reserve (5 for, 2 against).'
has council-uk "a motion lost" \
    'The motion that the decision be deferred to the April meeting so that the youth forum can be consulted was LOST (2 for, 5 against).'
has council-uk "elected unanimously" 'Cllr M Okonjo was elected unanimously.'
has council-uk "the meeting closed" 'The meeting closed at 8.52 pm.'
has council-uk "the chair's signature" \
    'Signed ................................ Chair    Date ................'
t_check "council-uk: compact, the result under the motion" sh -c \
    "grep -A1 -xF 'Proposed by Cllr P Adebayo, seconded by Cllr T Holloway.' '$T/council-uk.txt' | tail -1 | grep -q '^RESOLVED unanimously'"
m=$(meeting procedure)
"$GIJI" minutes "$m" --style council-uk >"$T/parish.txt" 2>/dev/null
t_check "council-uk: a motion worded That … after RESOLVED:" grep -qx \
    'RESOLVED: That the minutes of the meeting of 13 February be signed as a true record (4 for, 0 against).' \
    "$T/parish.txt"
t_check "council-uk: Cllr once, however the name was recorded" sh -c \
    "grep -q 'Cllr Okafor was elected unanimously.' '$T/parish.txt' && ! grep -q 'Cllr Cllr' '$T/parish.txt'"

# A candidate who is not elected is named once (it said "was elected was
# not elected").
"$GIJI" new "$T/lost.giji" --date 2026-03-12 >/dev/null
"$GIJI" import "$T/lost.giji" >/dev/null <<'EOF'
{"type":"meta.set","data":{"lang":"en"}}
{"type":"member.add","data":{"id":"a","name":"A Byrne","kind":"chair"}}
{"type":"member.add","data":{"id":"b","name":"B Cole"}}
{"type":"member.add","data":{"id":"c","name":"C Dunn"}}
{"type":"member.add","data":{"id":"d","name":"D Eade"}}
{"type":"agenda.add","data":{"id":"e","title":"Election of Vice-Chair","kind":"election"}}
{"type":"agenda.open","data":{"item":"e"}}
{"type":"vote.call","data":{"id":"v","item":"e","method":"hands","candidate":"b"}}
{"type":"vote.tally","data":{"vote":"v","for":1,"against":2}}
EOF
"$GIJI" minutes "$T/lost.giji" --style council-uk >"$T/lost.txt" 2>/dev/null
t_check "council-uk: a candidate not elected" grep -qxF \
    'Cllr B Cole was not elected (1 for, 2 against).' "$T/lost.txt"

# A motion carried on the voices (a result declared, no count) and a
# decision without text: the motion is the resolution.
"$GIJI" new "$T/voices.giji" --title Test --date 2026-11-24 >/dev/null
"$GIJI" import "$T/voices.giji" >/dev/null 2>&1 <<'EOF'
{"type":"meta.set","data":{"lang":"en"}}
{"type":"member.add","data":{"id":"a","name":"A Smith","kind":"chair"}}
{"type":"member.add","data":{"id":"b","name":"B Jones"}}
{"type":"member.add","data":{"id":"c","name":"C Brown"}}
{"type":"agenda.add","data":{"id":"i","title":"Apologies","label":"26/1"}}
{"type":"meeting.open","data":{}}
{"type":"agenda.open","data":{"item":"i"}}
{"type":"vote.call","data":{"id":"v","item":"i","method":"hands","motion":"that the apologies of Cllr Ellery be accepted","moved_by":"b","seconded_by":"c"}}
{"type":"vote.result","data":{"vote":"v","outcome":"carried","declared":true}}
{"type":"decision","data":{"item":"i","vote":"v","outcome":"approved"}}
{"type":"recess","data":{"note":"for ten minutes"}}
EOF
"$GIJI" minutes "$T/voices.giji" --style council-uk >"$T/voices.txt" 2>/dev/null
t_check "council-uk: a motion carried on the voices is the resolution" grep -qxF \
    'RESOLVED that the apologies of Cllr Ellery be accepted.' "$T/voices.txt"
t_check "council-uk: a recess with its note" grep -qF \
    '(for ten minutes).' "$T/voices.txt"

# summary: a procedure item's words in one paragraph, in their place: the
# room answers after it is asked, the decision comes after the chair.
"$GIJI" new "$T/proc.giji" --date 2026-11-20 >/dev/null
"$GIJI" import "$T/proc.giji" >/dev/null 2>&1 <<'EOF'
{"type":"member.add","data":{"id":"c","name":"高嶋","role":"教育長","kind":"chair"}}
{"type":"agenda.add","data":{"id":"p","title":"前回会議録の承認","kind":"procedure"}}
{"type":"meeting.open","data":{}}
{"type":"agenda.open","data":{"item":"p"}}
{"type":"speech","data":{"speaker":"c","text":"修正等はございますか。"}}
{"type":"reaction","data":{"text":"なし","kind":"voices"}}
{"type":"speech","data":{"speaker":"c","text":"それでは承認といたします。"}}
{"type":"decision","data":{"item":"p","outcome":"approved"}}
{"type":"agenda.close","data":{"item":"p"}}
EOF
"$GIJI" minutes "$T/proc.giji" --style summary >"$T/proc.txt" 2>/dev/null
t_check "summary: a procedure item's question before the room's answer" sh -c \
    "awk '/^修正等はございますか。\$/{q=NR} /〔「なし」と呼ぶ者あり〕/{a=NR} /^それでは承認といたします。\$/{c=NR} END{exit !(q && a > q && c > a)}' '$T/proc.txt'"

# summary in a council's committee: a bill is no 諮問; a member of staff
# from another department is labelled by their own section.
"$GIJI" new "$T/bill.giji" --date 2026-12-01 >/dev/null
"$GIJI" import "$T/bill.giji" >/dev/null 2>&1 <<'EOF'
{"type":"member.add","data":{"id":"c","name":"山本","role":"委員長","kind":"chair"}}
{"type":"member.add","data":{"id":"z","name":"小林","role":"財政課長","kind":"staff","org":"総務部財政課","side":"implementing"}}
{"type":"member.add","data":{"id":"k","name":"加藤","role":"企画課長","kind":"staff","org":"企画部企画課","side":"implementing"}}
{"type":"agenda.add","data":{"id":"b","title":"補正予算","label":"議案第46号","kind":"ordinance","dept":"総務部財政課"}}
{"type":"meeting.open","data":{}}
{"type":"agenda.open","data":{"item":"b"}}
{"type":"speech","data":{"speaker":"z","text":"財政課から説明します。"}}
{"type":"speech","data":{"speaker":"k","text":"企画課から補足します。"}}
{"type":"decision","data":{"item":"b","outcome":"approved"}}
{"type":"agenda.close","data":{"item":"b"}}
EOF
"$GIJI" minutes "$T/bill.giji" --style summary >"$T/bill.txt" 2>/dev/null
t_check "summary: staff of the department in charge by its section" grep -qxF \
    '〔財政課〕 財政課から説明します。' "$T/bill.txt"
t_check "summary: staff of another department by their own" grep -qxF \
    '〔企画課〕 企画課から補足します。' "$T/bill.txt"
t_check "summary: a bill is no 諮問" sh -c "! grep -q 諮問 '$T/bill.txt'"

# gikai: a committee voting by show of hands (hands=raised); the chair's
# declaration after the result and the decision stands for the count.
"$GIJI" new "$T/raised.giji" --date 2026-12-01 >/dev/null
"$GIJI" import "$T/raised.giji" >/dev/null 2>&1 <<'EOF'
{"type":"member.add","data":{"id":"y","name":"山田","role":"委員長","kind":"chair"}}
{"type":"member.add","data":{"id":"s","name":"鈴木"}}
{"type":"member.add","data":{"id":"t","name":"田中"}}
{"type":"agenda.add","data":{"id":"g","title":"条例","label":"議案第45号"}}
{"type":"meeting.open","data":{}}
{"type":"agenda.open","data":{"item":"g"}}
{"type":"speech","data":{"speaker":"y","text":"賛成の方の挙手を求めます。"}}
{"type":"vote.call","data":{"id":"v","item":"g","method":"hands","motion":"条例"}}
{"type":"vote.tally","data":{"vote":"v","for":2,"against":1}}
{"type":"vote.result","data":{"vote":"v","outcome":"carried"}}
{"type":"decision","data":{"item":"g","vote":"v","outcome":"approved"}}
{"type":"speech","data":{"speaker":"y","text":"挙手多数であります。"}}
EOF
"$GIJI" minutes "$T/raised.giji" --style gikai --option form=committee \
    --option hands=raised >"$T/raised.txt" 2>/dev/null
t_check "gikai hands=raised: 〔賛成者挙手〕" grep -qxF '〔賛成者挙手〕' "$T/raised.txt"
"$GIJI" minutes "$T/raised.giji" --style verbatim-named >"$T/raised-vn.txt" 2>/dev/null
t_check "a question put without a mover is no 動議" grep -qxF '（採決：条例）' "$T/raised-vn.txt"
t_check "gikai: the chair's 挙手多数 after the decision stands for the count" \
    sh -c "! grep -qxF '〔挙手多数〕' '$T/raised.txt'"

# A minute-signer the chair named in so many words is not named again.
"$GIJI" new "$T/sig.giji" --date 2026-11-20 >/dev/null
"$GIJI" import "$T/sig.giji" >/dev/null 2>&1 <<'EOF'
{"type":"member.add","data":{"id":"c","name":"高嶋","role":"教育長","kind":"chair"}}
{"type":"member.add","data":{"id":"o","name":"大江"}}
{"type":"member.add","data":{"id":"u","name":"上田"}}
{"type":"agenda.add","data":{"id":"p","title":"会議録署名委員の指名","kind":"procedure"}}
{"type":"meeting.open","data":{}}
{"type":"agenda.open","data":{"item":"p"}}
{"type":"speech","data":{"speaker":"c","text":"会議録署名委員に大江委員を指名いたします。"}}
{"type":"signer","data":{"member":"o"}}
{"type":"signer","data":{"member":"u"}}
{"type":"agenda.close","data":{"item":"p"}}
EOF
for st in summary base; do
	"$GIJI" minutes "$T/sig.giji" --style $st >"$T/sig.txt" 2>/dev/null
	t_check "$st: a signer the chair named is not named again" \
	    sh -c "! grep -q '大江委員が指名された' '$T/sig.txt'"
	t_check "$st: one the chair did not name is" grep -q '上田委員が指名された' "$T/sig.txt"
done

# Every voter counted in favour is unanimous to a style (docs/votes.md):
# a board's 全員一致 from counts, the chair holding a casting vote only.
cat >"$T/una.style" <<'EOF'
[style]
name = una
languages = ja
[vote.tally]
line = #{?unanimous,全員一致,賛成多数}
unless_said =
EOF
"$GIJI" new "$T/una.giji" --date 2026-12-04 >/dev/null
"$GIJI" import "$T/una.giji" >/dev/null 2>&1 <<'EOF'
{"type":"member.add","data":{"id":"c","name":"甲","role":"会長","kind":"chair"}}
{"type":"member.add","data":{"id":"m","name":"乙"}}
{"type":"member.add","data":{"id":"n","name":"丙"}}
{"type":"agenda.add","data":{"id":"x","title":"議題A"}}
{"type":"agenda.add","data":{"id":"y","title":"議題B"}}
{"type":"meeting.open","data":{}}
{"type":"agenda.open","data":{"item":"x"}}
{"type":"vote.call","data":{"id":"vx","item":"x","method":"hands"}}
{"type":"vote.tally","data":{"vote":"vx","for":2,"against":0}}
{"type":"agenda.close","data":{"item":"x"}}
{"type":"agenda.open","data":{"item":"y"}}
{"type":"vote.call","data":{"id":"vy","item":"y","method":"hands"}}
{"type":"vote.tally","data":{"vote":"vy","for":1,"against":1}}
{"type":"agenda.close","data":{"item":"y"}}
EOF
"$GIJI" minutes "$T/una.giji" --style "$T/una.style" >"$T/una.txt" 2>/dev/null
t_check "every voter for: #{unanimous} is 1" grep -qxF '全員一致' "$T/una.txt"
t_check "one against: 0" grep -qxF '賛成多数' "$T/una.txt"

# Two items with the same count and decision, no headings between them
# (verbatim-named): each item's lines are its own, not "said" by the last.
"$GIJI" new "$T/two.giji" --date 2026-12-04 >/dev/null
{
	echo '{"type":"member.add","data":{"id":"c","name":"甲","role":"会長","kind":"chair"}}'
	echo '{"type":"member.add","data":{"id":"m","name":"乙"}}'
	echo '{"type":"meeting.open","data":{}}'
	for i in x y; do
		echo '{"type":"agenda.add","data":{"id":"'$i'","title":"議題'$i'"}}'
		echo '{"type":"agenda.open","data":{"item":"'$i'"}}'
		echo '{"type":"vote.call","data":{"id":"v'$i'","item":"'$i'","method":"hands"}}'
		echo '{"type":"vote.tally","data":{"vote":"v'$i'","unanimous":true}}'
		echo '{"type":"decision","data":{"item":"'$i'","vote":"v'$i'","outcome":"approved"}}'
		echo '{"type":"agenda.close","data":{"item":"'$i'"}}'
	done
} | "$GIJI" import "$T/two.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/two.giji" --style verbatim-named >"$T/two.txt" 2>/dev/null
t_check "verbatim-named: each item's count" sh -c "[ \$(grep -c '全員挙手' '$T/two.txt') -eq 2 ]"
t_check "verbatim-named: each item's decision" sh -c "[ \$(grep -c '本件は承認' '$T/two.txt') -eq 2 ]"

# A count that gives no result (a ballot from a member who had withdrawn):
# the count, never "carried" or RESOLVED.
"$GIJI" new "$T/nores.giji" --date 2026-12-04 >/dev/null
"$GIJI" import "$T/nores.giji" >/dev/null 2>&1 <<'EOF'
{"type":"meta.set","data":{"lang":"en","chair":"votes"}}
{"type":"member.add","data":{"id":"a","name":"Ames","kind":"chair"}}
{"type":"member.add","data":{"id":"b","name":"Bell"}}
{"type":"member.add","data":{"id":"c","name":"Cruz"}}
{"type":"agenda.add","data":{"id":"i","title":"Contract"}}
{"type":"meeting.open","data":{}}
{"type":"agenda.open","data":{"item":"i"}}
{"type":"interest","data":{"member":"c","item":"i","withdraws":true}}
{"type":"vote.call","data":{"id":"v","item":"i","method":"rollcall","motion":"to award the contract"}}
{"type":"vote.tally","data":{"vote":"v","ballots":{"a":"yes","b":"yes","c":"yes"}}}
{"type":"agenda.close","data":{"item":"i"}}
EOF
for st in council-us council-uk wg; do
	"$GIJI" minutes "$T/nores.giji" --style $st >"$T/nores-$st.txt" 2>/dev/null
	t_check "$st: a count with no result is not declared carried" \
	    sh -c "! grep -qi 'carried\|RESOLVED' '$T/nores-$st.txt'"
done
t_check "council-us: the count alone" grep -qF 'Vote: 3-0.' "$T/nores-council-us.txt"
t_check "council-uk: the count alone" grep -qF 'Votes: 3 for, 0 against.' "$T/nores-council-uk.txt"

# council-us: a mayor's (presiding) vote on a tie: the way the mayor voted,
# and the count with that vote in it.
"$GIJI" new "$T/mayor.giji" --date 2024-06-27 >/dev/null
{
	echo '{"type":"meta.set","data":{"lang":"en","chair":"when_needed","rule":"majority_seats","seats":7}}'
	echo '{"type":"member.add","data":{"id":"p","name":"Ruiz","role":"Mayor","kind":"presiding"}}'
	for i in 1 2 3 4 5 6; do
		echo '{"type":"member.add","data":{"id":"m'$i'","name":"M'$i'"}}'
	done
	echo '{"type":"agenda.add","data":{"id":"a","title":"Budget"}}'
	echo '{"type":"meeting.open","data":{}}'
	echo '{"type":"agenda.open","data":{"item":"a"}}'
	echo '{"type":"vote.call","data":{"id":"v","item":"a","method":"hands"}}'
	echo '{"type":"vote.tally","data":{"vote":"v","for":3,"against":3}}'
	echo '{"type":"vote.tally","data":{"vote":"v","for":3,"against":3,"presiding":"yes"}}'
} | "$GIJI" import "$T/mayor.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/mayor.giji" --style council-us >"$T/mayor.txt" 2>/dev/null
t_check "council-us: the mayor voted aye, the count with that vote" \
    grep -qF 'The Mayor voted aye. Motion carried 4-3.' "$T/mayor.txt"

# chair=second: the chair votes as a member and breaks a tie with a
# second vote (an English council's chair).
"$GIJI" new "$T/second.giji" >/dev/null
printf '%s\n' '{"type":"meta.set","data":{"lang":"en","chair":"second"}}' \
    '{"type":"member.add","data":{"id":"c","name":"Marsh","kind":"chair"}}' \
    '{"type":"member.add","data":{"id":"a","name":"Able"}}' \
    '{"type":"member.add","data":{"id":"b","name":"Bell"}}' \
    '{"type":"member.add","data":{"id":"d","name":"Dunn"}}' \
    '{"type":"agenda.add","data":{"id":"i","title":"Planning"}}' \
    '{"type":"meeting.open","data":{}}' \
    '{"type":"agenda.open","data":{"item":"i"}}' \
    '{"type":"vote.call","data":{"id":"v","item":"i","method":"rollcall","motion":"that the application be refused"}}' \
    '{"type":"vote.tally","data":{"vote":"v","ballots":{"c":"yes","a":"yes","b":"no","d":"no"}}}' \
    '{"type":"vote.tally","data":{"vote":"v","ballots":{"c":"yes","a":"yes","b":"no","d":"no"},"casting":"yes"}}' |
    "$GIJI" import "$T/second.giji" >/dev/null 2>&1
t_check "chair=second: the chair's own vote and the casting vote: sound" \
    "$GIJI" verify --strict "$T/second.giji"
"$GIJI" minutes "$T/second.giji" --style council-uk >"$T/second.txt" 2>/dev/null
t_check "council-uk: carried on the Chair's casting vote" grep -qF \
    'RESOLVED that the application be refused (2 for, 2 against), the Chair giving a casting vote.' "$T/second.txt"

# council-uk: the words of a decision on a motion LOST are not RESOLVED.
"$GIJI" new "$T/lostwords.giji" >/dev/null
printf '%s\n' '{"type":"meta.set","data":{"lang":"en","chair":"second"}}' \
    '{"type":"member.add","data":{"id":"c","name":"Marsh","kind":"chair"}}' \
    '{"type":"member.add","data":{"id":"a","name":"Able"}}' \
    '{"type":"member.add","data":{"id":"b","name":"Bell"}}' \
    '{"type":"agenda.add","data":{"id":"i","title":"Planning"}}' \
    '{"type":"meeting.open","data":{}}' \
    '{"type":"agenda.open","data":{"item":"i"}}' \
    '{"type":"vote.call","data":{"id":"v","item":"i","method":"hands","motion":"that the council objects to the application"}}' \
    '{"type":"vote.tally","data":{"vote":"v","for":1,"against":2}}' \
    '{"type":"decision","data":{"item":"i","vote":"v","outcome":"rejected","text":"The council raises no objection to the application."}}' |
    "$GIJI" import "$T/lostwords.giji" >/dev/null 2>&1
"$GIJI" minutes "$T/lostwords.giji" --style council-uk >"$T/lostwords.txt" 2>/dev/null
t_check "council-uk: a lost motion's decision words are not RESOLVED" \
    sh -c "! grep -q 'RESOLVED' '$T/lostwords.txt'"
t_check "but printed" grep -qxF 'The council raises no objection to the application.' "$T/lostwords.txt"

# wg
has wg "present, with how someone took part" \
    'Present: Ana Ruiz, Hana Sato, Ben Okoro, Chen Wei (IRC only), Dara Kim, Gus Lindahl, Ivo Petrov'
has wg "regrets" 'Regrets: Eli Novak, Fay Moss'
has wg "chair and co-chair" 'Chair: Ana Ruiz, Hana Sato'
has wg "scribe" 'Scribe: Dara Kim'
has wg "the topics" 'Topics: 1. Agenda review and minutes of 7 May'
has wg "a topic's heading" '2. Issue 42: retry semantics for the feed endpoint'
has wg "PROPOSED" \
    'PROPOSED: Clients retry with exponential backoff from 1 second, capped at 60 seconds; a Retry-After header takes precedence'
has wg "RESOLVED" \
    'RESOLVED: Clients retry with exponential backoff from 1 second, capped at 60 seconds; a Retry-After header takes precedence'
has wg "an objection" \
    'No resolution (1 objection): Move the test suite to its own repository.'
has wg "a resolution in its own words" \
    'RESOLVED: The test suite stays in the specification repository until the next publication.'
has wg "an action where it arose" \
    'ACTION: Ben Okoro — update pull request 57 with the backoff rule and a note on Retry-After (due 21 May 2025)'
has wg "an owner who is not a member" \
    'ACTION: Editors — send the call for review of the draft to the public list'
t_check "wg: the summary of action items after the last topic, one line each" sh -c \
    "awk '/^4\\. Any other business\$/{t=NR} /^Summary of action items\$/{s=NR} s && NR>s && /^ACTION: /{n++} END{exit !(t && s > t && n == 4)}' '$T/wg.txt'"

t_done

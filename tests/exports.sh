#!/bin/sh
# SPDX-License-Identifier: ISC
# Open-data exports (docs/open-data.md): every sample meeting's Akoma
# Ntoso export validates against the OASIS schema (xmllint) and its
# Popolo export against the Popolo schemas (tests/popolo_validate.py);
# every by/as/refersTo/choice/outcome/source/href points at something
# declared, every Popolo id referenced exists; exports are deterministic
# and survive giji log --json | giji import byte for byte; hostile strings
# in every field still give valid documents.
#
# The schemas are third-party files kept outside the project: GIJI_VENDOR
# (configure variable or environment), default ../shared/vendor beside the
# source tree. Without them the test says SKIP and exits 77.
. "${top_srcdir:-.}/tests/lib.sh"

V=${GIJI_VENDOR:-$top_srcdir/../shared/vendor}
XSD=$V/akomantoso/akomantoso30.xsd
SCHEMAS=$V/popolo/schemas
if [ ! -f "$XSD" ] || [ ! -d "$SCHEMAS" ]; then
	echo "exports.sh: SKIP: no schemas in '$V' (set GIJI_VENDOR)" >&2
	skip_all "no schemas in '$V' (set GIJI_VENDOR)"
fi
# The schemas are there, so the validation must run: missing tools fail.
PY=${GIJI_PYTHON:-/usr/bin/python3}
VALIDATE="$PY $top_srcdir/tests/popolo_validate.py $SCHEMAS"
export GIJI_NOW=2024-10-15T13:30:00+09:00 GIJI_NOW_STEP=1000000
check "xmllint is installed" sh -c 'command -v xmllint'
check "$PY has jsonschema" "$PY" -c 'import jsonschema'

# References the schema cannot check (an eId or href must name an element
# that exists): each of these
# XPath sets must be empty (xmllint exits 10).
TLC='//*[starts-with(local-name(),"TLC")]/@eId'
REFS="//*[@by][not(substring(@by,2) = //*[local-name()=\"TLCPerson\" or local-name()=\"TLCOrganization\"]/@eId)]
| //*[@as][not(substring(@as,2) = //*[local-name()=\"TLCRole\"]/@eId)]
| //*[@refersTo][not(substring(@refersTo,2) = $TLC)]
| //*[@outcome][not(substring(@outcome,2) = //*[local-name()=\"TLCConcept\"]/@eId)]
| //*[@choice][not(substring(@choice,2) = //*[local-name()=\"count\" or local-name()=\"quorum\"]/@eId)]
| //*[@source][not(substring(@source,2) = $TLC)]
| //*[local-name()=\"FRBRauthor\"][not(substring(@href,2) = $TLC)]
| //*[local-name()=\"voting\" or local-name()=\"recount\" or local-name()=\"count\" or local-name()=\"quorum\"][@href][not(substring(@href,2) = //@eId)]"

refs_ok() {
	xmllint --xpath "$REFS" "$1" >"$T/.xp" 2>&1
	rc=$?
	[ "$rc" = 10 ] && return 0
	cat "$T/.xp"
	return 1
}

# export NAME FILE: every format and version of one meeting into $T/NAME.*
export_all() {
	for fmt in akn popolo; do
		for lang in ja en; do
			"$GIJI" minutes "$2" --format $fmt --lang $lang \
			    > "$T/$1.$lang.$fmt" || return 1
			"$GIJI" minutes "$2" --format $fmt --lang $lang --public \
			    > "$T/$1.$lang.pub.$fmt" || return 1
		done
	done
}

validate_all() {
	for f in "$T/$1".*.akn; do
		check "$1: $(basename "$f") validates (xmllint --schema)" \
		    xmllint --noout --nonet --schema "$XSD" "$f"
		check "$1: $(basename "$f") references are declared" refs_ok "$f"
	done
	for f in "$T/$1".*.popolo; do
		check "$1: $(basename "$f") validates, ids exist" \
		    $VALIDATE --refs "$f"
	done
}

samples=0
for jsonl in "$top_srcdir"/tests/fixtures/*.jsonl; do
	[ -f "$jsonl" ] || continue
	n=$(basename "$jsonl" .jsonl)
	samples=$((samples + 1))
	m=$T/$n.giji
	"$GIJI" new "$m" >/dev/null 2>&1 &&
	    "$GIJI" import "$m" < "$jsonl" >/dev/null 2>"$T/.err"
	if [ $? != 0 ]; then
		tap_result 1 "$n: import"; sed 's/^/#   /' "$T/.err"; continue
	fi
	check "$n: exports" export_all "$n" "$m"
	validate_all "$n"
	# Deterministic, and byte-identical after log --json | import.
	"$GIJI" log "$m" --json > "$T/$n.ex.jsonl"
	"$GIJI" new "$T/$n.r.giji" >/dev/null 2>&1
	"$GIJI" import "$T/$n.r.giji" < "$T/$n.ex.jsonl" >/dev/null 2>&1
	same=0
	for fmt in text md html json akn popolo; do
		for pub in "" --public; do
			# stdout only: a warning names the file it is about.
			"$GIJI" minutes "$m" --format $fmt $pub > "$T/.a" 2>/dev/null
			"$GIJI" minutes "$m" --format $fmt $pub > "$T/.b" 2>/dev/null
			"$GIJI" minutes "$T/$n.r.giji" --format $fmt $pub \
			    > "$T/.c" 2>/dev/null
			if cmp -s "$T/.a" "$T/.b" && cmp -s "$T/.a" "$T/.c"; then
				:
			else
				same=1
				echo "#   $fmt $pub differs"
			fi
		done
	done
	is "$n: every format is deterministic and survives the round trip" \
	    "$same" 0
done
check "there are sample meetings" test "$samples" -gt 0

# What the Japanese sample must show (tests/fixtures/export-council.jsonl).
if [ -f "$T/export-council.ja.akn" ]; then
	a=$(cat "$T/export-council.ja.akn")
	p=$(cat "$T/export-council.ja.pub.akn")
	j=$(cat "$T/export-council.ja.pub.popolo")
	contains "akn: a recount of the show of hands" "$a" \
	    '<recount eId="vote_v2__recount_1"'
	contains "akn: the recount's counts" "$a" \
	    '<count eId="vote_v2__recount_1__no" refersTo="#no" href="#dbsect_3__summary_13__qty_no" value="2"/>'
	contains "akn: roll call votes point at counts" "$a" \
	    '<vote by="#m_konishi" as="#role_3" choice="#vote_v3__no">'
	contains "akn: internal version shows the amendment" "$a" \
	    '<del>商店街の買い物客向けに、最初の30分を無料'
	contains "akn: lifecycle records amendments" "$a" 'type="amendment"'
	contains "akn: public version hides the redacted speech" "$p" \
	    '<omissis>【非公開】</omissis>'
	case $p in *駅北口*) r=1 ;; *) r=0 ;; esac
	is "akn: redacted text absent from the public version" "$r" 0
	case $a$p in *前回の協議会で結論*) r=1 ;; *) r=0 ;; esac
	is "akn: retracted speech absent from both versions" "$r" 0
	case $p in *'<ins>'*|*'<notes'*) r=1 ;; *) r=0 ;; esac
	is "akn: public version has no amendment marks" "$r" 0
	contains "akn: amended text applied in public" "$p" '最初の1時間を無料'
	contains "akn: adjournment with the closing time" "$a" \
	    '<recordedTime time="2024-10-15T14:40:00+09:00" type="endEvent">'
	contains "akn: signature" "$a" \
	    '<signature><person eId="concl__sig_1" refersTo="#m_noguchi"'
	contains "akn: FRBR expression in Japanese" "$a" \
	    '<FRBRlanguage language="jpn"/>'
	contains "akn: English expression" \
	    "$(cat "$T/export-council.en.akn")" '<FRBRlanguage language="eng"/>'
	contains "popolo: consent is unanimous-consent" "$j" \
	    '"classification":"unanimous-consent"'
	contains "popolo: counts of the recount" "$j" \
	    '"counts":[{"option":"yes","value":3},{"option":"no","value":2}'
	contains "popolo: roll call votes" "$j" \
	    '"voter_id":"giji-person-6a1c0007-5e2b-4d3f-9a10-000000000007","option":"no"'
	contains "popolo: ids from event uuids" "$j" \
	    '"id":"giji-vote-6a1c0043-5e2b-4d3f-9a10-000000000043"'
	contains "popolo: dates with the meeting's offset" "$j" \
	    '"start_date":"2024-10-15T14:31:00+09:00"'
	contains "popolo: Japanese result in a flagged field" "$j" \
	    '"result":"pass","+result_ja":"可決"'
	# The reference checks are not vacuous.
	sed 's/by="#m_konishi"/by="#m_nobody"/' "$T/export-council.ja.akn" \
	    > "$T/bad.xml"
	check_fail "a dangling by= is caught" refs_ok "$T/bad.xml"
	sed 's/"voter_id":"giji-person-6a1c0007/"voter_id":"giji-person-XXXX/' \
	    "$T/export-council.ja.pub.popolo" > "$T/bad.json"
	check_fail "a dangling Popolo id is caught" $VALIDATE --refs "$T/bad.json"
	sed 's/"start_date":"2024-10-15T14:31:00+09:00"/"start_date":"2024-10-15"/' \
	    "$T/export-council.ja.pub.popolo" > "$T/bad.json"
	check_fail "a date without time is caught" $VALIDATE --refs "$T/bad.json"
fi

# The procedure vocabulary (tests/fixtures/vocabulary.jsonl: a council
# of 7 seats with a mayor presiding without a seat, voting only when the
# members fall one short): mover, seconder, numbers, actions and each
# vote's computed result, where each schema has a place.
if [ -f "$T/vocabulary.en.akn" ]; then
	a=$(cat "$T/vocabulary.en.akn")
	j=$(cat "$T/vocabulary.en.popolo")
	contains "akn: the mover" "$a" \
	    'moved by <person refersTo="#m_baker" as="#mover">Tom Baker</person>'
	contains "akn: the seconder" "$a" \
	    'seconded by <person refersTo="#m_chen" as="#seconder">Lily Chen</person>'
	contains "akn: the motion's number" "$a" \
	    '(Vote on <docNumber>Ordinance 2025-07</docNumber>: Pass the ordinance'
	contains "akn: the ordinance number of the decision" "$a" \
	    '<summary eId="dbsect_2__summary_11"><docNumber>Ordinance 2025-07</docNumber>: <outcome refersTo="#approved">'
	contains "akn: the action with its owner and date" "$a" \
	    '(Action: Publish the ordinance in the official newspaper; owner <person refersTo="#m_clerk" as="#owner">Jun Ito</person>; due <date date="2025-07-15">2025-07-15</date>)'
	contains "akn: the presiding vote completes the count: one voting" "$a" \
	    '<voting eId="vote_v2" href="#dbsect_2__summary_8" outcome="#carried">'
	contains "akn: votes needed" "$a" \
	    '<count eId="vote_v2__needed" refersTo="#needed" value="4"/>'
	contains "akn: the computed result" "$a" \
	    '<giji:vote xmlns:giji="urn:x-giji:log" analysis="#vote_v2" id="v2" rule="majority_seats" present="5" quorum="4" voters="5" needed="4" for="3" against="2" abstain="0" quorumMet="true" computed="carried" presiding="yes"/>'
	contains "akn: the result in words" "$a" \
	    '<outcome refersTo="#carried">one vote short, the Mayor voted in favour; carried</outcome>'
	case $a in *vote_v2__recount*) r=1 ;; *) r=0 ;; esac
	is "akn: no recount for the presiding vote" "$r" 0
	contains "popolo: creator_id is the mover" "$j" \
	    '"creator_id":"giji-person-'
	contains "popolo: the seconder" "$j" '"+seconder_id":"giji-person-'
	contains "popolo: the motion's number" "$j" \
	    '"identifier":"Ordinance 2025-07","classification":"ordinance"'
	contains "popolo: the reading" "$j" '"+reading":"first reading"'
	contains "popolo: the decision number" "$j" \
	    '"+decision_number":"Ordinance 2025-07"'
	contains "popolo: the session" "$j" \
	    '"name":"2025 regular session","classification":"session"'
	contains "popolo: the computed result" "$j" \
	    '"+rule":"majority_seats","+present":5,"+quorum":4,"+voters":5,"+needed":4,"+quorum_met":true,"+presiding_vote":"yes","+computed_result":"pass","+result_text":"one vote short, the Mayor voted in favour; carried"'
	contains "popolo: actions" "$j" \
	    '"text":"Publish the ordinance in the official newspaper","owner_id":"giji-person-'
	contains "popolo: an owner who is no member" "$j" '"owner":"a volunteer"'
	case $j in *'+superseded_tallies'*) r=1 ;; *) r=0 ;; esac
	is "popolo: no superseded tally for the presiding vote" "$r" 0
fi

# Anonymised minutes (meta labels=role): the public exports name no one.
for n in $(grep -l '"labels":"role"' "$top_srcdir"/tests/fixtures/*.jsonl \
    2>/dev/null); do
	n=$(basename "$n" .jsonl)
	[ -f "$T/$n.ja.pub.akn" ] || continue
	case $(cat "$T/$n.ja.pub.akn") in *'eId="m_'*) r=1 ;; *) r=0 ;; esac
	is "$n: public AKN eIds carry no member ids" "$r" 0
	case $(cat "$T/$n.ja.pub.popolo") in *'"sort_name"'*|*'"other_names"'*) r=1 ;;
	*) r=0 ;; esac
	is "$n: public Popolo persons carry no names" "$r" 0
done

# Hostile strings in every field: markup, quotes, entities, CDATA ends,
# comment dashes, C0/C1 controls, noncharacters, bidi overrides, emoji,
# ids that are not names.
h='<&>\"'"'"' ]]> -- &amp; \u0001\u0008\u000b\u000c\u001f\u007f\u0085 \ufffe\uffff \u202e\u2066 😀 \r\n x'
hid='a \"b\" <c> & d\u0001'
cat > "$T/hostile.jsonl" <<EOF
{"type":"meta.set","data":{"title":"T $h","body":"B $h","date":"2024-10-15","place":"P $h","secretariat":"S $h","number":"N $h","redaction":"R $h"}}
{"type":"member.add","data":{"id":"$hid","name":"N $h","full_name":"F $h","honorific":"H $h","reading":"Y $h","role":"R $h","kind":"chair","org":"O $h"}}
{"type":"member.add","data":{"id":"m2 $h","name":"M $h","role":"R2 $h"}}
{"type":"member.add","data":{"id":"s $h","name":"S $h","role":"課長 $h","kind":"staff","org":"D $h","side":"secretariat"}}
{"type":"member.add","data":{"id":"g $h","name":"G $h","kind":"group"}}
{"type":"agenda.add","data":{"id":"i $h","title":"I $h","label":"L $h","dept":"D2 $h","kind":"other $h"}}
{"type":"meeting.open"}
{"type":"agenda.open","data":{"item":"i $h","heading":"H $h"}}
{"type":"speech","data":{"speaker":"$hid","text":"A $h","label":"L $h","kind":"question"}}
{"type":"speech","data":{"speaker":"g $h","text":"G $h"}}
{"type":"note","data":{"text":"N $h"}}
{"type":"material.add","data":{"title":"M $h"}}
{"type":"attendance","data":{"member":"m2 $h","status":"left"}}
{"type":"vote.call","data":{"id":"v $h","item":"i $h","motion":"M $h","method":"rollcall"}}
{"type":"vote.tally","data":{"vote":"v $h","ballots":{"$hid":"yes","m2 $h":"no"}}}
{"type":"vote.tally","data":{"vote":"v $h","ballots":{"m2 $h":"abstain"}}}
{"type":"vote.result","data":{"vote":"v $h","outcome":"failed"}}
{"type":"decision","data":{"item":"i $h","outcome":"rejected","text":"D $h"}}
{"type":"signer","data":{"member":"m2 $h","role":"R $h","purpose":"designation"}}
{"type":"meeting.close"}
{"type":"signer","data":{"member":"$hid","role":"R $h","purpose":"signature"}}
EOF
hm=$T/hostile.giji
"$GIJI" new "$hm" >/dev/null 2>&1
if "$GIJI" import "$hm" < "$T/hostile.jsonl" >"$T/.out" 2>&1; then
	tap_result 0 "hostile: import"
	check "hostile: exports" export_all hostile "$hm"
	validate_all hostile
	check "hostile: the honorific is the Popolo person's honorific_prefix" \
	    grep -q '"honorific_prefix":"H <' "$T/hostile.ja.popolo"
	check "hostile: the XML parses back" xmllint --noout "$T/hostile.ja.akn"
else
	tap_result 1 "hostile: import"; sed 's/^/#   /' "$T/.out" | head
fi

# A withdrawal counts for the votes called after it (as attendance does):
# one recorded after a roll call leaves its result alone; a count in
# question (a ballot from a member who had withdrawn) exports no result,
# not a failure.
wd() {
	"$GIJI" new "$T/$1.giji" >/dev/null
	{
		printf '%s\n' '{"type":"member.add","data":{"id":"a","name":"A"}}' \
		    '{"type":"member.add","data":{"id":"b","name":"B"}}' \
		    '{"type":"member.add","data":{"id":"c","name":"C"}}' \
		    '{"type":"agenda.add","data":{"id":"i","title":"Budget"}}' \
		    '{"type":"meeting.open","data":{}}' \
		    '{"type":"agenda.open","data":{"item":"i"}}'
		[ "$1" = wd2 ] && printf '%s\n' '{"type":"interest","data":{"member":"b","item":"i","withdraws":true}}'
		printf '%s\n' '{"type":"vote.call","data":{"id":"v","item":"i","method":"rollcall"}}' \
		    '{"type":"vote.tally","data":{"vote":"v","ballots":{"a":"yes","b":"yes","c":"no"}}}'
		[ "$1" = wd1 ] && printf '%s\n' '{"type":"interest","data":{"member":"b","item":"i","withdraws":true}}'
		printf '%s\n' '{"type":"agenda.close","data":{"item":"i"}}'
	} | "$GIJI" import "$T/$1.giji" >/dev/null 2>&1
	"$GIJI" minutes "$T/$1.giji" --format popolo >"$T/$1.popolo"
	"$GIJI" minutes "$T/$1.giji" --format akn >"$T/$1.akn"
}
wd wd1
check "a withdrawal after the count: verify --strict finds nothing" \
    "$GIJI" verify --strict "$T/wd1.giji"
contains "popolo: the roll call passed" "$(cat "$T/wd1.popolo")" '"result":"pass"'
contains "akn: carried" "$(grep -o "<voting[^>]*>" "$T/wd1.akn")" 'outcome="#carried"'
wd wd2
check_fail "a ballot from a member who had withdrawn: verify --strict says so" \
    "$GIJI" verify --strict "$T/wd2.giji"
lacks "popolo: no result, not a failure" "$(cat "$T/wd2.popolo")" '"result":"fail"'
contains "but the problem" "$(cat "$T/wd2.popolo")" '"+problem":'
lacks "akn: no outcome" "$(cat "$T/wd2.akn")" 'outcome="#failed"'
check "and it validates" xmllint --noout --nonet --schema "$XSD" "$T/wd2.akn"
check "its references too" refs_ok "$T/wd2.akn"
check "the popolo too" $VALIDATE --refs "$T/wd2.popolo"

done_testing

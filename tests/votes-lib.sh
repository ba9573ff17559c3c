# SPDX-License-Identifier: ISC
# tests/votes-lib.sh: the meetings of tests/votes-cases.txt, for
# tests/votes-add.sh (giji add) and tests/tui-votes.sh (the terminal).
#
#   votes_meeting FILE META ROSTER ABSENT CALL
#       a meeting with meta.set META (key=value …), ROSTER ("chair N",
#       "mayor N" or "none N"), the first ABSENT members recorded absent,
#       item a1 open and vote v1 called on it by show of hands, with the
#       vote.call fields CALL ("-": none), added with giji add
#   votes_result FILE
#       what the JSON minutes say of vote v1: the computed outcome, the
#       votes needed, the voters and the result in words (English)
#   votes_json FILE
#       the computed fields of vote v1 as one line, to compare two files

votes_meeting() {
	_f=$1 _meta=$2 _roster=$3 _absent=$4 _call=$5
	"$GIJI" new "$_f" >/dev/null || return 1
	# shellcheck disable=SC2086
	"$GIJI" add "$_f" meta.set title=採決の検証 $_meta >/dev/null || return 1
	set -- $_roster
	case $1 in
	chair) "$GIJI" add "$_f" member.add id=ch name=議長 kind=chair \
	    >/dev/null ;;
	mayor) "$GIJI" add "$_f" member.add id=mayor name=Mayor role=Mayor \
	    kind=presiding >/dev/null ;;
	esac
	_i=1
	while [ "$_i" -le "$2" ]; do
		"$GIJI" add "$_f" member.add id=m$_i name=委員$_i >/dev/null
		_i=$((_i + 1))
	done
	_i=1
	while [ "$_i" -le "$_absent" ]; do
		"$GIJI" add "$_f" attendance member=m$_i status=absent \
		    >/dev/null
		_i=$((_i + 1))
	done
	"$GIJI" add "$_f" agenda.add id=a1 title=議案 >/dev/null &&
	"$GIJI" add "$_f" agenda.open item=a1 >/dev/null || return 1
	[ "$_call" = - ] && _call=
	# shellcheck disable=SC2086
	"$GIJI" add "$_f" vote.call id=v1 item=a1 method=hands motion=議案 \
	    $_call >/dev/null
}

votes_py() {
	"$GIJI" minutes "$1" --format json --lang en 2>/dev/null |
	    python3 -c "$2"
}

votes_result() {
	votes_py "$1" 'import json, sys
v = json.load(sys.stdin)["votes"][0]
print(v["computed"], v["needed"], v["voters"], v["words"])'
}

votes_json() {
	votes_py "$1" 'import json, sys
v = json.load(sys.stdin)["votes"][0]
keys = ("rule", "seats", "present", "quorum", "quorum_met", "voters",
    "needed", "for", "against", "abstain", "casting", "presiding", "tie",
    "computed", "words", "problem")
print(json.dumps({k: v[k] for k in keys}, ensure_ascii=False, sort_keys=True))'
}

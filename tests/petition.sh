#!/bin/sh
# SPDX-License-Identifier: ISC
# Petitions (agenda.add kind petition: 請願・陳情) and the decisions that
# put an item off (deferred: 継続審査, postponed) or send it to a committee
# (referred: 付託): an assembly prints a petition 採択 or 不採択, never
# 可決 or 否決; every file that names decisions knows the two outcomes.
. "${top_srcdir:-.}/tests/lib.sh"

m=$T/p.giji
"$GIJI" new "$m" --title 文教委員会 --date 2024-06-10 >/dev/null
"$GIJI" import "$m" <"$top_srcdir/tests/fixtures/petition.jsonl" >/dev/null 2>&1
check "the record verifies" "$GIJI" verify --strict "$m"

o=$("$GIJI" minutes "$m" --style gikai 2>/dev/null)
contains "gikai: a petition adopted" "$o" "（第12号請願は、採択されました）"
contains "gikai: a petition not adopted" "$o" "（第3号陳情は、不採択とされました）"
contains "gikai: a petition continued" "$o" "（第13号請願は、継続審査とされました）"
contains "gikai: a bill referred" "$o" "（第45号議案は、付託されました）"
o=$("$GIJI" minutes "$m" --style gikai --option form=committee 2>/dev/null)
contains "gikai committee: 採択すべきもの" "$o" \
    "（第12号請願は、採択すべきものと決定しました）"
contains "gikai committee: 不採択とすべきもの" "$o" \
    "（第3号陳情は、不採択とすべきものと決定しました）"
contains "gikai committee: 継続審査とすべきもの" "$o" \
    "（第13号請願は、継続審査とすべきものと決定しました）"
o=$("$GIJI" minutes "$m" --style summary --lang en 2>/dev/null)
contains "base (en): deferred" "$o" "deferred"
contains "base (en): referred to a committee" "$o" "referred to a committee"

"$GIJI" stats "$T" --lang en >"$T/st.txt" 2>&1
contains "stats: deferred counted" "$(cat "$T/st.txt")" "deferred 1"
contains "stats: referred counted" "$(cat "$T/st.txt")" "referred 1"
"$GIJI" minutes "$m" --format akn >"$T/p.akn" 2>/dev/null
contains "akn: the outcome deferred" "$(cat "$T/p.akn")" '<outcome refersTo="#deferred">'
contains "akn: the concept is declared" "$(cat "$T/p.akn")" 'eId="deferred"'
"$GIJI" minutes "$m" --format popolo >"$T/p.popolo" 2>/dev/null
contains "popolo: the decision's own words" "$(cat "$T/p.popolo")" \
    '"+decision_text":"趣旨採択"'
# The chair's own words said it: not printed a second time.
"$GIJI" new "$T/ps.giji" >/dev/null
"$GIJI" import "$T/ps.giji" >/dev/null 2>&1 <<'JSONL'
{"type":"member.add","data":{"id":"ch","name":"山田","role":"委員長","kind":"chair"}}
{"type":"agenda.add","data":{"id":"p1","title":"学童保育の拡充を求める請願","label":"第12号請願","kind":"petition"}}
{"type":"agenda.open","data":{"item":"p1"}}
{"type":"speech","data":{"speaker":"ch","text":"第12号請願は、採択すべきものと決定いたしました。"}}
{"type":"decision","data":{"item":"p1","outcome":"approved"}}
{"type":"agenda.close","data":{"item":"p1"}}
JSONL
o=$("$GIJI" minutes "$T/ps.giji" --style gikai --option form=committee 2>/dev/null)
case $o in
*"（第12号請願は、採択すべきものと決定しました）"*)
	tap_result 1 "gikai: a petition the chair declared is not said twice" ;;
*) tap_result 0 "gikai: a petition the chair declared is not said twice" ;;
esac
done_testing

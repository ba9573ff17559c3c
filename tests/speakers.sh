#!/bin/sh
# SPDX-License-Identifier: ISC
# Nobody speaks unless a speech recorded it: in every shipped style, both
# languages, every label mode, internal and public, each block printed
# under a person's label (kind speech in the JSON minutes) comes from a
# speech event. A motion is a procedural line naming its mover, printed
# once when the chair's words say it too.
. "$srcdir/tests/minutes-lib.sh"
XDG_CONFIG_HOME=$T/config; XDG_CONFIG_DIRS=$T/config-dirs; export XDG_CONFIG_HOME XDG_CONFIG_DIRS

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 is not installed"; exit 0; }

for f in written summary qa verbatim-role verbatim-named gikai council-us council-uk wg; do
	m=$(meeting "$f") || { t_fail "$f: import"; continue; }
	"$GIJI" log "$m" --json >"$T/$f.log.jsonl"
	for s in $("$GIJI" styles | cut -f1); do
		for lang in ja en; do
			for l in role name_role; do
				for p in "" --public; do
					"$GIJI" minutes "$m" --style "$s" --lang $lang \
					    --labels $l $p --format json \
					    >"$T/out.json" 2>"$T/err" ||
					    { t_fail "$f $s $lang $l $p: compile"; continue; }
					if python3 - "$T/$f.log.jsonl" "$T/out.json" \
					    >"$T/py.out" 2>&1 <<'PY'
import json, sys
types = {}
for line in open(sys.argv[1], encoding="utf-8"):
    e = json.loads(line)
    types[e["seq"]] = e["type"]
doc = json.load(open(sys.argv[2], encoding="utf-8"))
bad = [b for b in doc["blocks"] if b["kind"] == "speech" and
       types.get(b.get("seq")) != "speech"]
for b in bad:
    print("block from a", types.get(b.get("seq")), "event:", b["text"][:60])
sys.exit(1 if bad else 0)
PY
					then
						t_ok "$f $s $lang $l $p: every speech block is a speech"
					else
						t_fail "$f $s $lang $l $p: every speech block is a speech"
						sed 's/^/#   /' "$T/py.out" | head -5
					fi
				done
			done
		done
	done
done

# A motion moved and seconded, read out by the chair in the same words.
"$GIJI" new "$T/mo.giji" >/dev/null
cat >"$T/mo.jsonl" <<'JSONL'
{"type":"meta.set","ts":"2024-05-20T10:00:00+09:00","data":{"title":"第1回運営委員会","date":"2024-05-20","seats":5}}
{"type":"member.add","ts":"2024-05-20T10:00:01+09:00","data":{"id":"chair","name":"山田","role":"委員長","kind":"chair"}}
{"type":"member.add","ts":"2024-05-20T10:00:02+09:00","data":{"id":"sato","name":"佐藤","role":"委員"}}
{"type":"member.add","ts":"2024-05-20T10:00:03+09:00","data":{"id":"kato","name":"加藤","role":"委員"}}
{"type":"agenda.add","ts":"2024-05-20T10:00:04+09:00","data":{"id":"a1","title":"会場の変更について"}}
{"type":"meeting.open","ts":"2024-05-20T10:00:05+09:00"}
{"type":"agenda.open","ts":"2024-05-20T10:00:06+09:00","data":{"item":"a1"}}
{"type":"speech","ts":"2024-05-20T10:05:00+09:00","data":{"speaker":"chair","text":"次回の会場を市民会館に変更することを諮ります。"}}
{"type":"vote.call","ts":"2024-05-20T10:05:10+09:00","data":{"id":"v1","item":"a1","method":"hands","motion":"次回の会場を市民会館に変更すること","moved_by":"sato","seconded_by":"kato"}}
{"type":"vote.tally","ts":"2024-05-20T10:05:20+09:00","data":{"vote":"v1","for":3,"against":0}}
{"type":"vote.call","ts":"2024-05-20T10:06:00+09:00","data":{"id":"v2","item":"a1","method":"hands","motion":"議事録の公開を一週間早めること","moved_by":"kato"}}
{"type":"vote.tally","ts":"2024-05-20T10:06:20+09:00","data":{"vote":"v2","for":2,"against":1}}
{"type":"meeting.close","ts":"2024-05-20T10:10:00+09:00"}
JSONL
"$GIJI" import "$T/mo.giji" <"$T/mo.jsonl" >/dev/null 2>&1
"$GIJI" minutes "$T/mo.giji" --style summary --labels name_role >"$T/mo.txt"
t_check "a motion the chair read out prints once, in the chair's speech" sh -c \
    "[ \$(grep -c '市民会館に変更すること' '$T/mo.txt') -eq 1 ]"
t_check "a motion is a procedural line naming its mover and seconder" \
    grep -qx '（動議（提出：加藤委員）：議事録の公開を一週間早めること）' "$T/mo.txt"
"$GIJI" minutes "$T/mo.giji" --style verbatim >"$T/mo2.txt"
t_check "anonymised minutes name the mover by role" \
    grep -qx '（動議（提出：委員）：議事録の公開を一週間早めること）' "$T/mo2.txt"
"$GIJI" minutes "$T/mo.giji" --style summary --lang en --labels name_role >"$T/mo3.txt"
t_check "English: Motion (moved by …)" \
    grep -qx 'Motion (moved by 加藤 (委員)): 議事録の公開を一週間早めること' "$T/mo3.txt"

t_done

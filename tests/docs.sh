#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/docs.sh: what the documents show is what giji prints. Every line
# of an example block in docs/minutes.md (split at …, which marks a cut)
# is in one of the golden files of tests/golden, made by tests/minutes.sh
# from the sample meetings: an example that a change made untrue fails.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

command -v python3 >/dev/null || skip_all "python3 needed"
python3 - "$top_srcdir/docs/minutes.md" "$top_srcdir/tests/golden" >"$T/missing" <<'PY'
import glob, re, sys
doc = open(sys.argv[1], encoding="utf-8").read()
gold = "".join(open(f, encoding="utf-8", errors="replace").read()
    for f in sorted(glob.glob(sys.argv[2] + "/*")))
n = 0
for block in re.findall(r"```\n(.*?)```", doc, re.S):
    for line in block.split("\n"):
        for part in (p.strip() for p in line.split("…")):
            if part:
                n += 1
                if part not in gold:
                    print("missing: " + part)
print("lines: %d" % n)
PY
lines=$(sed -n 's/^lines: //p' "$T/missing")
is "docs/minutes.md has examples" "$([ "${lines:-0}" -gt 50 ] && echo yes)" yes
is "every example line of docs/minutes.md is in a golden file" \
    "$(grep -c '^missing: ' "$T/missing")" 0
grep '^missing: ' "$T/missing" | sed 's/^/# /'

# The manual pages as built take the version and the date from configure.
v=$("$GIJI" --version | sed 's/^giji //')
for p in giji.1 giji-events.5 giji-keymap.5 giji-style.5; do
	th=$(sed -n '/^\.TH /{p;q;}' "man/$p" 2>/dev/null)
	is "man/$p: giji's version and a date" "$(echo "$th" |
	    sed -n "s/^\.TH [A-Z-]* [15] \([0-9]\{4\}-[0-9][0-9]-[0-9][0-9]\) \"giji \(.*\)\" .*/\2/p")" "$v"
done
done_testing

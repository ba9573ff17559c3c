#!/bin/sh
# SPDX-License-Identifier: ISC
# PDF and Word minutes (giji minutes --format pdf|docx, docs/minutes.md):
# for every shipped style (giji styles) in each of its languages on its
# sample meeting (tests/paper-cases.sh), for the other sample meetings in
# Japanese and English, internal and public, and for hostile strings:
#  - the PDF's text (pdftotext, wrapped lines joined, page numbers
#    removed) and the Word file's (LibreOffice's headless conversion to
#    text) are the text minutes' paragraphs, whitespace aside;
#  - pdffonts shows every font embedded, pdfinfo every page A4;
#  - the Word file's XML parts are well-formed, its header rows are the
#    rows of one table (w:tbl), its page is A4 and its named styles are
#    there; no string of the record becomes markup;
#  - Japanese lines never start with 、。」 and the like; the same meeting
#    gives the same bytes; a missing font and a terminal are refused.
# The checks that need poppler-utils or LibreOffice (libreoffice-writer)
# say SKIP, one line each, when those are not installed; .ci/run installs
# them and fails when this script skipped anything.
. "${top_srcdir:-.}/tests/lib.sh"

PY=${GIJI_PYTHON:-python3}
TEXT="$PY $top_srcdir/tests/paper-text.py"
export GIJI_NOW=2022-06-27T14:00:00+09:00 GIJI_NOW_STEP=1000000

have_poppler=1
for t in pdftotext pdffonts pdfinfo; do
	command -v $t >/dev/null 2>&1 || have_poppler=0
done
SOFFICE=$(command -v soffice || command -v libreoffice || true)
skip() {	# a TAP line that says SKIP: counted, and seen
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}
[ "$have_poppler" = 1 ] ||
	echo "paper.sh: SKIP: the PDF text checks need poppler-utils" >&2
[ -n "$SOFFICE" ] ||
	echo "paper.sh: SKIP: the Word text checks need libreoffice-writer" >&2

# Every shipped style in each of its languages on its sample meeting,
# the other samples, and hostile strings (tests/paper-cases.sh).
sh "$top_srcdir/tests/paper-cases.sh" "$GIJI" "$top_srcdir" > "$T/cases"
printf 'hostile\t%s\t-\tja en\n' "$top_srcdir/tests/fixtures/hostile.jsonl" \
    >> "$T/cases"
is "every shipped style has a case" \
    "$("$GIJI" styles | awk -F '\t' '$3 == "shipped"' | wc -l)" \
    "$(awk -F '\t' '$3 != "-"' "$T/cases" | wc -l)"
while IFS='	' read -r n src style langs; do
	"$GIJI" new "$T/$n.giji" >/dev/null 2>&1 &&
	    "$GIJI" import "$T/$n.giji" < "$src" >/dev/null 2>&1
	is "$n: import $(basename "$src")" "$?" 0
done < "$T/cases"

# unzip DOCX DIR: the parts of a Word file, with Python's zipfile.
unzip_docx() {
	$PY -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$1" "$2"
}
# xpath FILE EXPR: an XPath number of an XML file.
xpath() {
	xmllint --xpath "$2" "$1" 2>/dev/null
}

mkdir -p "$T/docx"
while IFS='	' read -r n src style langs; do
	for lang in $langs; do
		for pub in "" --public; do
			v=$n-$lang${pub:+-public}
			set -- --lang $lang $pub
			[ "$style" = - ] || set -- "$@" --style "$style"
			"$GIJI" minutes "$T/$n.giji" "$@" > "$T/$v.txt"
			"$GIJI" minutes "$T/$n.giji" "$@" --format json \
			    > "$T/$v.json"
			"$GIJI" minutes "$T/$n.giji" "$@" --format pdf \
			    -o "$T/$v.pdf"
			is "$v: pdf written" "$?" 0
			"$GIJI" minutes "$T/$n.giji" "$@" --format docx \
			    -o "$T/docx/$v.docx"
			is "$v: docx written" "$?" 0
			is "$v: a PDF" "$(head -c 5 "$T/$v.pdf")" "%PDF-"

			# The Word package: every part well-formed XML.
			rm -rf "$T/x"
			check "$v: docx unzips" unzip_docx "$T/docx/$v.docx" "$T/x"
			bad=0
			for part in "$T/x/[Content_Types].xml" "$T"/x/_rels/.rels \
			    "$T"/x/word/*.xml "$T"/x/word/_rels/*.rels \
			    "$T"/x/docProps/*.xml; do
				xmllint --noout "$part" 2>>"$T/xml.err" || bad=1
			done
			is "$v: every docx part is well-formed" "$bad" 0
			doc=$T/x/word/document.xml
			rows=$($PY -c 'import json, sys; print(sum(1 for b in json.load(open(sys.argv[1]))["blocks"] if b["kind"] == "row"))' "$T/$v.json")
			is "$v: the header's $rows rows are rows of a table" \
			    "$(xpath "$doc" 'count(//*[local-name()="tbl"]/*[local-name()="tr"])')" \
			    "$rows"
			is "$v: A4 (11906 x 16838 twips)" \
			    "$(xpath "$doc" 'concat(//*[local-name()="pgSz"]/@*[local-name()="w"], "x", //*[local-name()="pgSz"]/@*[local-name()="h"])')" \
			    "11906x16838"
			is "$v: no markup from the record" \
			    "$(xpath "$doc" 'count(//*[namespace-uri() != "http://schemas.openxmlformats.org/wordprocessingml/2006/main"])')" \
			    "0"

			if [ "$have_poppler" = 0 ]; then
				skip "$v: pdf text, fonts, A4" "poppler-utils is not installed"
				continue
			fi
			pdftotext -raw "$T/$v.pdf" "$T/$v.pdf.txt"
			$TEXT txt "$T/$v.txt" > "$T/want"
			$TEXT pdf "$T/$v.pdf.txt" > "$T/got"
			check "$v: the PDF's text is the text minutes'" \
			    cmp "$T/want" "$T/got"
			fonts=$(pdffonts "$T/$v.pdf" | awk 'NR > 2' | wc -l)
			unemb=$(pdffonts "$T/$v.pdf" | awk 'NR > 2 && $(NF-4) != "yes"' | wc -l)
			is "$v: every font embedded ($fonts)" \
			    "$([ "$fonts" -gt 0 ] && echo "$unemb")" 0
			pages=$(pdfinfo "$T/$v.pdf" | awk '/^Pages:/ { print $2 }')
			a4=$(pdfinfo -f 1 -l "$pages" "$T/$v.pdf" | grep -c '^Page .* size: *595.276 x 841.89 pts (A4)')
			is "$v: all $pages pages A4" "$a4" "$pages"
		done
	done
done < "$T/cases"

# The public version prints the redaction phrase, never the passage.
if [ "$have_poppler" = 1 ]; then
	t=$(cat "$T/summary-ja-public.pdf.txt")
	contains "public PDF: 【非公開】 in place of the passage" "$t" "【非公開】"
	case $t in *申込者の一人について*) r=1 ;; *) r=0 ;; esac
	is "public PDF: the passage is not there" "$r" 0
	contains "internal PDF: the record of corrections names it" \
	    "$(cat "$T/summary-ja.pdf.txt")" "申込者の一人について"
else
	skip "public PDF: 【非公開】" "poppler-utils is not installed"
fi

# The Word files through LibreOffice, all in one run.
if [ -n "$SOFFICE" ]; then
	HOME=$T "$SOFFICE" -env:UserInstallation="file://$T/lo" --headless \
	    --convert-to txt:Text --outdir "$T/lotxt" "$T"/docx/*.docx \
	    >"$T/lo.out" 2>&1
	for f in "$T"/docx/*.docx; do
		v=$(basename "$f" .docx)
		if [ ! -f "$T/lotxt/$v.txt" ]; then
			tap_result 1 "$v: LibreOffice reads the docx"
			sed 's/^/#   /' "$T/lo.out" | tail -5
			continue
		fi
		$TEXT txt "$T/$v.txt" > "$T/want"
		$TEXT txt "$T/lotxt/$v.txt" > "$T/got"
		check "$v: the docx's text (LibreOffice) is the text minutes'" \
		    cmp "$T/want" "$T/got"
	done
else
	skip "docx text through LibreOffice" "libreoffice-writer is not installed"
fi

# A ruled space to sign after each signer, however many lines the style
# gives one ([signature] lines): 議長 and two 議員 on a line each, a
# council's Mayor and Clerk on two lines each (title, then name).
for c in "gikai-ja 3" "summary-ja 2" "council-us-en 2"; do
	set -- $c
	rm -rf "$T/x"; unzip_docx "$T/docx/$1.docx" "$T/x"
	is "$1: a space to sign after each of its $2 signers" \
	    "$(xpath "$T/x/word/document.xml" 'count(//*[local-name()="pStyle"][@*[local-name()="val"]="SignHere"])')" "$2"
done

# A block whose head is more than the declaration ([signature] head): a
# date and the body's name under it are not signers (no space to sign
# after them); head = 0, no declaration at all.
"$GIJI" new "$T/sig.giji" --title 通常総会 --date 2025-05-24 >/dev/null
"$GIJI" import "$T/sig.giji" >/dev/null 2>&1 <<'JSONL'
{"type":"member.add","data":{"id":"ko","name":"甲野","kind":"chair"}}
{"type":"member.add","data":{"id":"ot","name":"乙川"}}
{"type":"member.add","data":{"id":"hei","name":"丙田"}}
{"type":"signer","data":{"member":"ot"}}
{"type":"signer","data":{"member":"hei"}}
JSONL
for head in 3 0; do
	{
		printf '[style]\nname = sig%s\nlanguages = ja\n\n' "$head"
		printf '[signature]\nlines = 1\nhead = %s\n' "$head"
		if [ "$head" = 3 ]; then
			printf 'block = 右のとおり記名押印する。\\n#{date}\\n法人名\\n議長　#{chair.name}#{each:signers,,\\n署名人　#{name}}\n'
		else
			printf 'block = 議長　#{chair.name}#{each:signers,,\\n署名人　#{name}}\n'
		fi
	} >"$T/sig$head.style"
	check "head = $head: the style checks" "$GIJI" styles check "$T/sig$head.style"
	"$GIJI" minutes "$T/sig.giji" --style "$T/sig$head.style" --format docx -o "$T/sig$head.docx" 2>/dev/null
	rm -rf "$T/x"; unzip_docx "$T/sig$head.docx" "$T/x"
	is "head = $head: a space to sign after each of the 3 signers" \
	    "$(xpath "$T/x/word/document.xml" 'count(//*[local-name()="pStyle"][@*[local-name()="val"]="SignHere"])')" 3
	is "head = $head: 3 signers' lines, the head's apart" \
	    "$(xpath "$T/x/word/document.xml" 'count(//*[local-name()="pStyle"][@*[local-name()="val"]="Signature"])')" 3
	is "head = $head: the block kept together (every paragraph but the last kept with the next)" \
	    "$(xpath "$T/x/word/document.xml" 'count(//*[local-name()="p"][*[local-name()="pPr"]/*[local-name()="keepNext"]])')" \
	    "$(($(xpath "$T/x/word/document.xml" 'count(//*[local-name()="pStyle"][@*[local-name()="val"]="Signature" or @*[local-name()="val"]="SignHere"])') + head - 1))"
	"$GIJI" minutes "$T/sig.giji" --style "$T/sig$head.style" >"$T/sig$head.txt"
	if [ "$head" = 0 ]; then
		check "head = 0: the text starts with the chair, no empty line for a declaration" \
		    sh -c "grep -B2 '^議長　甲野' '$T/sig0.txt' | grep -qv '^\$'"
	fi
done

# as = lines (its lines together in the text) is the same signature block
# on paper: a space to sign after each signer.
sed 's/^head = 3$/head = 3\nas = lines/' "$T/sig3.style" >"$T/sigl.style"
check "as = lines: the style says so" grep -qx "as = lines" "$T/sigl.style"
"$GIJI" minutes "$T/sig.giji" --style "$T/sigl.style" --format docx -o "$T/sigl.docx" 2>/dev/null
rm -rf "$T/x"; unzip_docx "$T/sigl.docx" "$T/x"
is "as = lines: a space to sign after each of the 3 signers" \
    "$(xpath "$T/x/word/document.xml" 'count(//*[local-name()="pStyle"][@*[local-name()="val"]="SignHere"])')" 3

# The signature block is kept on one page however it falls: a head that
# wraps and holds empty lines (head = 5), after one speech more each
# time, so that the block comes at every place near a page's foot.
if [ "$have_poppler" = 1 ]; then
	"$GIJI" new "$T/sk.giji" --title 通常総会 --date 2025-05-24 >/dev/null
	"$GIJI" import "$T/sk.giji" >/dev/null 2>&1 <<'JSONL'
{"type":"member.add","data":{"id":"ko","name":"甲野","kind":"chair"}}
{"type":"member.add","data":{"id":"ot","name":"乙川"}}
{"type":"member.add","data":{"id":"hei","name":"丙田"}}
{"type":"signer","data":{"member":"ot","purpose":"signature"}}
{"type":"signer","data":{"member":"hei","purpose":"signature"}}
JSONL
	{
		printf '[style]\nname = sk\nlanguages = ja\n\n[signature]\nlines = 1\nhead = 5\n'
		printf 'block = 上記の議事の経過及びその結果を明確にするため、議長及び議事録署名人が次に記名押印する。この文は一行に収まらない長さである。\\n\\n#{date}\\n\\n法人名\\n議長　#{chair.name}#{each:signers,,\\n署名人　#{name}}\n'
	} >"$T/sk.style"
	split=
	n=0
	while [ $n -lt 40 ]; do
		"$GIJI" add "$T/sk.giji" speech speaker=ot text="発言その$n。" >/dev/null
		n=$((n + 1))
		[ $n -lt 12 ] && continue
		"$GIJI" minutes "$T/sk.giji" --style "$T/sk.style" --format pdf \
		    -o "$T/sk.pdf" --force 2>/dev/null
		# The page the block starts on holds all of it.
		pdftotext -layout "$T/sk.pdf" - | tr -d ' ' |
		    awk '/\f/ { p++ } { print p + 0 "\t" $0 }' \
		    >"$T/sk-pages.txt"
		first=$(awk -F '\t' '/上記の議事/ { print $1; exit }' "$T/sk-pages.txt")
		for w in 法人名 議長甲野 署名人乙川 署名人丙田; do
			on=$(awk -F '\t' -v w="$w" 'index($2, w) { print $1; exit }' \
			    "$T/sk-pages.txt")
			[ -n "$first" ] && [ "$on" = "$first" ] ||
			    split="$split $n:$w"
		done
	done
	is "the signature block on one page, wherever it falls" "$split" ""
else
	skip "the signature block on one page" "poppler-utils is not installed"
fi

# The named styles a secretariat edits with.
rm -rf "$T/x"; unzip_docx "$T/docx/verbatim-named-ja.docx" "$T/x"
for s in Title Heading1 Heading2 Speaker SpeakerChar Speech Procedure Closing; do
	is "docx: style $s is defined" \
	    "$(xpath "$T/x/word/styles.xml" "count(//*[local-name()=\"style\"][@*[local-name()=\"styleId\"]=\"$s\"])")" 1
done
is "docx: speeches are in the Speech style" \
    "$([ "$(xpath "$T/x/word/document.xml" 'count(//*[local-name()="pStyle"][@*[local-name()="val"]="Speech"])')" -gt 10 ] && echo yes)" yes
contains "docx: fonts with alternatives" "$(cat "$T/x/word/fontTable.xml")" \
    'altName w:val="IPAexMincho,'
contains "docx: the page number is a PAGE field" \
    "$(cat "$T/x/word/footer1.xml")" "> PAGE <"

# The same meeting gives the same bytes.
for fmt in pdf docx; do
	"$GIJI" minutes "$T/summary.giji" --format $fmt > "$T/a.$fmt"
	TZ=America/New_York "$GIJI" minutes "$T/summary.giji" --format $fmt > "$T/b.$fmt"
	check "$fmt: the same bytes twice" cmp "$T/a.$fmt" "$T/b.$fmt"
done

# Japanese line breaking: a long speech whose sentences end at every
# column; no line of the PDF starts with closing punctuation.
$PY - "$T/kinsoku.jsonl" <<'EOF'
import json, sys
text = "".join("あ" * k + ("、" if k % 3 else "。」") + "「" for k in range(1, 90))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for e in ({"type": "meta.set", "data": {"title": "禁則", "date": "2022-06-27", "style": "verbatim", "labels": "name_role"}},
              {"type": "member.add", "data": {"id": "a", "name": "伊藤", "role": "委員"}},
              {"type": "meeting.open"},
              {"type": "speech", "data": {"speaker": "a", "text": text}},
              {"type": "meeting.close"}):
        f.write(json.dumps(e, ensure_ascii=False) + "\n")
EOF
"$GIJI" new "$T/k.giji" >/dev/null && "$GIJI" import "$T/k.giji" < "$T/kinsoku.jsonl" >/dev/null 2>&1
"$GIJI" minutes "$T/k.giji" --format pdf -o "$T/k.pdf"
if [ "$have_poppler" = 1 ]; then
	pdftotext "$T/k.pdf" "$T/k.txt"
	lines=$(grep -c 'あ' "$T/k.txt")
	is "kinsoku: the speech wraps (over 50 lines: $lines)" \
	    "$([ "$lines" -gt 50 ] && echo yes)" yes
	is "kinsoku: no line starts with 、。」" \
	    "$(grep -c '^[、。」）]' "$T/k.txt")" 0
else
	skip "kinsoku" "poppler-utils is not installed"
fi

# [header] align: the rows of form = lines centred (the default) or from
# the left margin on paper.
printf '%s\n' '[style]' 'name = al' 'languages = en' '[header]' 'form = lines' \
    'title = T' 'row = | Row one of the header' '[anchor]' 'line =' >"$T/al.style"
sed 's/^form = lines$/form = lines\nalign = left/' "$T/al.style" >"$T/al-left.style"
for a in al al-left; do
	"$GIJI" minutes "$T/summary.giji" --style "$T/$a.style" --format pdf \
	    -o "$T/$a.pdf" 2>/dev/null
done
if [ "$have_poppler" = 1 ]; then
	row_x() { pdftotext -bbox "$1" - | sed -n 's/.*xMin="\([0-9]*\).*>Row<.*/\1/p'; }
	is "a lines row is centred by default, from the left with align = left" \
	    "$([ "$(row_x "$T/al.pdf")" -gt 150 ] && [ "$(row_x "$T/al-left.pdf")" -lt 80 ] && echo yes)" yes
else
	skip "[header] align" "poppler-utils is not installed"
fi

# No font, no PDF: a clear error naming the package, nothing written.
mkdir -p "$T/fc"
cat > "$T/fonts.conf" <<EOF
<?xml version="1.0"?>
<fontconfig><dir>$T/fc</dir><cachedir>$T/fc</cachedir></fontconfig>
EOF
FONTCONFIG_FILE=$T/fonts.conf "$GIJI" minutes "$T/summary.giji" \
    --format pdf -o "$T/nofont.pdf" 2>"$T/err"
is "no Mincho font: exit 1" "$?" 1
contains "and the message names the package" "$(cat "$T/err")" \
    "such as the Debian package fonts-ipaexfont-mincho"
is "and no file is written" "$([ -e "$T/nofont.pdf" ] && echo yes)" ""

# A binary file is not printed on a terminal (script(1) gives one).
if command -v script >/dev/null 2>&1; then
	script -qec "'$GIJI' minutes '$T/summary.giji' --format pdf" /dev/null \
	    > "$T/tty.out" 2>&1
	is "pdf to a terminal: exit 2" "$?" 2
	contains "with a hint" "$(cat "$T/tty.out")" "give -o FILE or redirect"
else
	skip "pdf to a terminal" "script(1) is not installed"
fi

# A section's heading and its first item's go over together: for every
# length of the item before them, no page ends on the section's heading.
if [ "$have_poppler" = 1 ]; then
	stranded=
	for k in $(seq 16 32); do
		python3 - "$k" >"$T/hd.jsonl" <<'EOF'
import json, sys
k = int(sys.argv[1])
ev = [{"type": "meta.set", "data": {"title": "Headings", "date": "2026-03-01", "lang": "en"}},
      {"type": "member.add", "data": {"id": "c", "name": "Chair Person", "role": "Chair", "kind": "chair"}},
      {"type": "agenda.add", "data": {"id": "a0", "title": "Opening item"}},
      {"type": "agenda.add", "data": {"id": "a1", "title": "First item of part two", "section": "PART TWO SECTION"}},
      {"type": "agenda.open", "data": {"item": "a0"}}]
ev += [{"type": "speech", "data": {"speaker": "c", "text": "Line %d of the opening item, said in full." % i}} for i in range(k)]
ev += [{"type": "agenda.close", "data": {"item": "a0"}}, {"type": "agenda.open", "data": {"item": "a1"}},
       {"type": "speech", "data": {"speaker": "c", "text": "The first words of part two."}},
       {"type": "agenda.close", "data": {"item": "a1"}}]
for e in ev:
    print(json.dumps(e))
EOF
		rm -f "$T/hd.giji"
		"$GIJI" new "$T/hd.giji" >/dev/null
		"$GIJI" import "$T/hd.giji" <"$T/hd.jsonl" >/dev/null 2>&1
		"$GIJI" minutes "$T/hd.giji" --style summary --format pdf \
		    -o "$T/hd.pdf" --force 2>/dev/null
		pdftotext -layout "$T/hd.pdf" - | grep -v '^[[:space:]]*$' |
		    grep -A1 'PART TWO SECTION' | grep -q -- '-1-' &&
		    stranded="$stranded $k"
	done
	is "no page ends on a section's heading (items of 16 to 32 lines)" \
	    "$stranded" ""
else
	skip "a section's heading at the foot of a page" "poppler-utils is not installed"
fi

# A text Pango would lay out as nothing at all (more than about 440 KB
# in one layout) is laid out in pieces: every character of a speech of
# 160,000 kana, of a note of 500,000 letters with nowhere to break, and
# of a speech of many paragraphs is on the pages.
if [ "$have_poppler" = 1 ]; then
	python3 - "$T/long.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for e in ({"type": "member.add", "data": {"id": "a", "name": "伊藤", "role": "委員"}},
              {"type": "meeting.open"},
              {"type": "speech", "data": {"speaker": "a", "text": "あ" * 160000}},
              {"type": "note", "data": {"text": "x" * 500000}},
              {"type": "speech", "data": {"speaker": "a",
                  "text": "\n".join(["い" * 3000] * 60)}},
              {"type": "meeting.close"}):
        f.write(json.dumps(e, ensure_ascii=False) + "\n")
EOF
	"$GIJI" new "$T/long.giji" >/dev/null
	"$GIJI" import "$T/long.giji" <"$T/long.jsonl" >/dev/null 2>&1
	"$GIJI" minutes "$T/long.giji" --format pdf -o "$T/long.pdf" 2>"$T/long.err"
	pdftotext "$T/long.pdf" "$T/long.txt"
	# count_in FILE C: how many times the character C stands in FILE.
	count_in() {
		python3 -c 'import sys; print(open(sys.argv[1], encoding="utf-8").read().count(sys.argv[2]))' "$1" "$2"
	}
	is "a speech of 160,000 kana: every one on the pages" \
	    "$(count_in "$T/long.txt" あ)" 160000
	is "a note of 500,000 letters with nowhere to break: every one" \
	    "$(count_in "$T/long.txt" x)" 500000
	is "sixty paragraphs of 3,000 kana: every one" \
	    "$(count_in "$T/long.txt" い)" 180000
else
	skip "long texts on paper" "poppler-utils is not installed"
fi

done_testing

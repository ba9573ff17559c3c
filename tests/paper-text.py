# SPDX-License-Identifier: ISC
# tests/paper-text.py MODE FILE: the text of a minutes file as the paper
# tests compare it: every run of whitespace removed (pdftotext breaks
# lines where the PDF wraps them, LibreOffice where a table cell ends, the
# text minutes where a paragraph ends), a byte-order mark dropped, and in
# MODE pdf the page-number lines ("- 3 -", each alone on its line) left
# out. MODE is txt or pdf.
import re
import sys

mode, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    text = f.read().replace("\ufeff", "")
if mode == "pdf":
    text = "\n".join(line for line in text.replace("\f", "\n").split("\n")
                     if not re.fullmatch(r"\s*- \d+ -\s*", line))
sys.stdout.write("".join(text.split()) + "\n")

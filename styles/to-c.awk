# SPDX-License-Identifier: ISC
# Turn the shipped style files into one C table (core/styles-shipped.c),
# so that giji finds them without being installed; the same files are
# installed under $(pkgdatadir)/styles for people to read and copy.
BEGIN {
	print "/* Generated from the files of styles/ by styles/to-c.awk. */"
	print "#include \"config.h\""
	print "#include <stddef.h>"
	print "#include \"minutes-build.h\""
	print "const struct shipped_style shipped_styles[] = {"
}
FNR == 1 {
	if (NR > 1)
		print "\t},"
	name = FILENAME
	sub(/.*\//, "", name)
	sub(/\.style$/, "", name)
	print "\t{ \"" name "\","
}
{ gsub(/\\/, "&&"); gsub(/"/, "\\\""); print "\t\"" $0 "\\n\"" }
END {
	if (NR > 0)
		print "\t},"
	print "\t{ NULL, NULL }"
	print "};"
}

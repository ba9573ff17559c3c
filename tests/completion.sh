#!/bin/sh
# SPDX-License-Identifier: ISC
# Bash completion (completions/giji): subcommands, meeting files, the
# terminal's options and their values, a subcommand's options; and it is
# installed in bash-completion's completionsdir (configure).
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/lib.sh"

command -v bash >/dev/null 2>&1 || skip_all "bash not found"
mkdir -p "$T/d/sub"
: > "$T/d/m.giji"
: > "$T/d/other.txt"

# comp WORDS...: the completions of the last word, sorted, one a line.
comp() {
	(cd "$T/d" && bash -c '
	. "$1"; shift
	COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
	_giji
	printf "%s\n" "${COMPREPLY[@]}" | sort' comp \
	    "$top_srcdir/completions/giji" "$@")
}

is "subcommands" "$(comp giji mi)" "minutes"
contains "a meeting file" "$(comp giji "")" "m.giji"
contains "folders" "$(comp giji "")" "sub"
check_fail "not other files" sh -c "echo '$(comp giji "")' | grep -q other.txt"
is "--view's values" "$(comp giji --view "")" "$(printf 'chair\nclerk')"
contains "--keymap names the shipped keymaps" "$(comp giji --keymap "")" "vi"
contains "the terminal's options" "$(comp giji --k)" "--keymap"
contains "minutes options" "$(comp giji minutes m.giji --fo)" "--format"
contains "formats" "$(comp giji minutes m.giji --format "")" "html"
is "stats --lang" "$(comp giji stats m.giji --lang "")" "$(printf 'en\nja')"
contains "the file after a subcommand" "$(comp giji log "")" "m.giji"
is "the archive's commands" "$(comp giji se)" "search"
contains "search options" "$(comp giji search sub 予算 --sp)" "--speaker"
contains "--kind's values" "$(comp giji search sub 予算 --kind "")" "consultation"
contains "--outcome's values" "$(comp giji search sub 予算 --outcome "")" "carried"
is "import --csv's values" "$(comp giji import --csv "")" "$(printf 'agenda\nmembers')"
contains "import options" "$(comp giji import --s)" "--skip-existing"
contains "stats --year" "$(comp giji stats sub --y)" "--year"
contains "backup's DEST: files and folders" "$(comp giji backup m.giji "")" "sub"
if [ -f Makefile ]; then
	d=$(sed -n 's/^BASH_COMPLETION_DIR = //p' Makefile)
	case $d in
	*/bash-completion/completions) tap_result 0 "installed in a bash-completion completions folder ($d)" ;;
	*) tap_result 1 "installed in a bash-completion completions folder ($d)" ;;
	esac
fi
done_testing

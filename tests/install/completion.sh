#!/usr/bin/env bash
# completion.sh IPZONE SHELL: the script `ipzone completion SHELL` writes, run in
# that shell, offers every sub-command, every option and every choice that the
# binary's own --help lists, for every command (found by walking --help). The
# expectations come from --help, not from the generator, so a script that
# drifts from the binary fails here.
#   bash: the completion function is called as bash calls it (COMP_WORDS).
#   fish: fish's own engine answers `complete -C`.
#   zsh:  no zsh runs completion outside its line editor, so _arguments and
#         _describe are replaced by functions that print their specs, and each
#         command's function is called; zsh -n checks the syntax first.
# Exit 77 (skipped) when the shell is not installed.
set -u
bin=$1 shell=$2
command -v "$shell" >/dev/null || { echo "$shell is not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" completion "$shell" >"$work/script" || { echo "FAIL: ipzone completion $shell exited $?"; exit 1; }
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# Sub-commands and options of a command, from its --help (CLI11's layout).
subcommands() { "$bin" "$@" --help | awk '/^Subcommands:/{s=1; next} /^[^ ]/{s=0} s && /^  [a-z]/{print $1}'; }
long_options() {
  "$bin" "$@" --help | awk '/^Options:/{s=1; next} /^[^ ]/{s=0} s' | grep -oE '^ +(-[a-zA-Z],)?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+$'
}
choices_of() {  # choices_of OPTION COMMAND...: the {a,b,c} of an option's type
  local opt=$1
  shift
  "$bin" "$@" --help | grep -E "^ +(-[a-zA-Z],)?$opt " | grep -oE '\{[^}]*\}' | tr -d '{}' | tr ',' ' '
}

# What the shell offers after "ipzone WORDS... CURRENT", one a line.
offered() {
  case "$shell" in
    bash)
      bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _ipzone; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$work/script" ipzone "$@" ;;
    fish)
      local line="ipzone" w
      for w in "$@"; do line="$line $w"; done
      fish -c 'source $argv[1]; complete -C $argv[2]' "$work/script" "$line" | cut -f1 ;;
  esac
}

if [ "$shell" = zsh ]; then
  zsh -n "$work/script" || fail "zsh -n: syntax error"
  # zsh_specs COMMAND...: the _arguments specs and _describe items of that command's function.
  zsh_specs() {
    local fn=_ipzone w
    for w in "$@"; do fn="${fn}_${w//-/_}"; done
    zsh -f -c '_arguments() { print -rl -- "$@"; state=command }; _describe() { print -rl -- "${(@P)4}" }
      source "$1" >/dev/null; shift; '"$fn" _ "$work/script"
  }
fi

walk() {  # walk COMMAND...: check this command, then each of its sub-commands
  local subs opts o c want got
  subs=$(subcommands "$@")
  opts=$(long_options "$@")
  if [ "$shell" = zsh ]; then
    got=$(zsh_specs "$@")
    for c in $subs; do grep -q "^$c:" <<<"$got" || fail "ipzone $*: zsh does not offer the sub-command $c"; done
    for o in $opts; do
      grep -qE -- "(^|[)}])$o\[" <<<"$got" || fail "ipzone $*: zsh does not offer $o"
      want=$(choices_of "$o" "$@")
      if [ -n "$want" ] && ! grep -F -- "$o[" <<<"$got" | grep -qF ":($want)"; then
        fail "ipzone $*: zsh does not offer the choices ($want) of $o"
      fi
    done
  else
    got=$(offered "$@" "")
    for c in $subs; do grep -qx "$c" <<<"$got" || fail "ipzone $*: $shell does not offer the sub-command $c"; done
    got=$(offered "$@" "--")
    for o in $opts; do
      grep -qx -- "$o" <<<"$got" || fail "ipzone $*: $shell does not offer $o"
      want=$(choices_of "$o" "$@")
      [ -n "$want" ] || continue
      got_choices=$(offered "$@" "$o" "" | sort | tr '\n' ' ')
      want_sorted=$(tr ' ' '\n' <<<"$want" | grep . | sort | tr '\n' ' ')
      [ "$got_choices" = "$want_sorted" ] || fail "ipzone $* $o: $shell offers '$got_choices', --help lists '$want_sorted'"
    done
  fi
  for c in $subs; do walk "$@" "$c"; done
}
walk

# Values: a sub-command's prefix completes, and file and folder arguments complete paths.
if [ "$shell" != zsh ]; then
  cd "$(dirname "$0")/../.."  # the repository, for paths to complete
  offered "ch" | grep -qx check || fail "'ipzone ch' does not complete to check"
  offered check "examples/eli" | grep -q "examples/eligible.yaml" || fail "'ipzone check examples/eli' does not complete the file"
  offered rules lint "rules/rec" | grep -q "rules/recognition" || fail "'ipzone rules lint rules/rec' does not complete the folder"
fi
[ $fails = 0 ] && echo "$shell completion: every command, option and choice of --help is offered"
exit $((fails > 0))

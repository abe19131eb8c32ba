# One REPL line, run as if every line went to one long-lived bash: restore what the last line left
# (cwd, variables, functions, aliases, options, umask, $?), run the line, save all that again on exit.
# Evaluated by ReplShell's one-line command, which then sets $? and evaluates the line itself: on
# line 1, so that bash's messages read as in a terminal ("bash: x: command not found").
# Arguments: $1 this script, $2 the state file, $3 the last line's exit status, $4 the line, then the line's own arguments.
__lab_state=$2 __lab_status=$3 __lab_line=$4
shift 4

# Variables the next line inherits: not bash's own (read-only, or per process), not ours.
__lab_kept() {
  case $1 in
    BASH|BASH_ALIASES|BASH_ARGC|BASH_ARGV|BASH_ARGV0|BASH_CMDS|BASH_COMMAND|BASH_EXECUTION_STRING|BASH_LINENO) return 1 ;;
    BASH_MONOSECONDS|BASH_REMATCH|BASH_SOURCE|BASH_SUBSHELL|BASH_TRAPSIG|BASH_VERSINFO|BASH_VERSION|BASHOPTS|BASHPID) return 1 ;;
    COLUMNS|COMP_*|DIRSTACK|EPOCHREALTIME|EPOCHSECONDS|EUID|FUNCNAME|GROUPS|HISTCMD|LINENO|LINES|PIPESTATUS|PPID) return 1 ;;
    PWD|RANDOM|SECONDS|SHELLOPTS|SHLVL|SRANDOM|UID|_|__lab_*) return 1 ;;
  esac
}

__lab_save() {
  local __lab_flags=$- __lab_opts __lab_n __lab_names=()
  # A command substitution drops errexit: $- still has it.
  __lab_opts="$(set +o; shopt -p)"
  set +eu
  while IFS= read -r __lab_n; do __lab_kept "$__lab_n" && __lab_names+=("$__lab_n"); done < <(compgen -v)
  {
    printf 'cd -- %q\n' "$PWD"
    declare -p "${__lab_names[@]}"
    while IFS= read -r __lab_n; do
      case $__lab_n in 'declare -f __lab_'* | 'declare -fx __lab_'*) continue ;; esac
      declare -f "${__lab_n##* }"
      case $__lab_n in 'declare -fx '*) printf 'export -f %s\n' "${__lab_n##* }" ;; esac
    done < <(declare -F)
    alias -p
    umask -p
    printf '%s\n' "$__lab_opts"
    case $__lab_flags in *e*) printf 'set -e\n' ;; esac
  } >| "$__lab_state"
  printf '%s' "$PWD" >| "$__lab_state.cwd"
}

# `edit`: $VISUAL, $EDITOR (which may hold arguments, as git allows), else nano, else vi.
__lab_edit() {
  local __lab_ed=${VISUAL:-${EDITOR:-}}
  if [ -z "$__lab_ed" ]; then
    __lab_ed=$(command -v nano || command -v vi) || { printf '%s\n' "$2" >&2; return 127; }
  fi
  eval "$__lab_ed"' "$1"'
}

# Silenced, so that a restored `set -x` traces only the line itself.
trap '{ __lab_save; } 2>/dev/null' EXIT
shopt -s expand_aliases
__lab_return() { return "$1"; }
{
  if [ -s "$__lab_state" ]; then
    # The state holds every exported variable the last line had: one it unset stays unset.
    while IFS= read -r __lab_n; do __lab_kept "$__lab_n" && unset -v "$__lab_n"; done < <(compgen -e)
    . "$__lab_state"
  fi
  case $- in *x*) set +x; __lab_trace='set -x; ' ;; esac
} 2>/dev/null
:

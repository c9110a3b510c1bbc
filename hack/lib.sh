# Shared by the hack/*/build.sh recipes that build reference tools from pinned Go modules into the
# cache. Source it after setting `tool` (the name failures are reported under):
#   tool="controller-gen"; source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# It cds into the sourcing script's folder, needs Go on PATH, and pins the toolchain (never switch
# toolchains behind the user's back; static binaries as upstream builds them).

fail() {
  echo "${tool:-hack} build FAILED: $*" >&2
  exit 1
}

here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
cd "$here"

command -v go >/dev/null 2>&1 || fail "go is not on PATH (Go is needed only to build the reference binaries)"
export GOTOOLCHAIN=local CGO_ENABLED=0

cache_root="${USELESSCTL_CONTROL_PLANE_DIR:-$HOME/.cache/uselessctl/control-plane}"

# The version lives in go.mod only; read it from there (the `require` line, block or single).
module_version() { # <go.mod> <module path>
  awk -v m="$2" '{ sub(/\/\/.*/, "") } ($1 == m || ($1 == "require" && $2 == m)) && $0 !~ /=>/ { print $NF; exit }' "$1"
}

# A stamp of what gets built: the given files' contents and the recipe's revision (bump it when
# the recipe's flags change).
build_stamp() { # <recipe revision> <file>...
  local revision="$1"
  shift
  echo "$(cat "$@" | sha256sum | cut -c1-16)-r$revision"
}

# Whether <dir> holds every named executable, built with <stamp>.
up_to_date() { # <dir> <stamp> <executable>...
  local dir="$1" stamp="$2"
  shift 2
  [ -f "$dir/.build-stamp" ] && [ "$(cat "$dir/.build-stamp")" = "$stamp" ] || return 1
  local name
  for name in "$@"; do [ -x "$dir/$name" ] || return 1; done
}

# A fresh staging folder in the cache (so the final move is a rename), removed on exit.
make_staging() { # <name>
  mkdir -p "$cache_root"
  staging="$(mktemp -d "$cache_root/.build-$1.XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
}

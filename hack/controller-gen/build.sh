#!/usr/bin/env bash
# Builds controller-gen, the reference CRD/RBAC generator, from the sigs.k8s.io/controller-tools
# module pinned in this folder's go.mod into
#   ${USELESSCTL_CONTROL_PLANE_DIR:-~/.cache/uselessctl/control-plane}/controller-gen/<version>/controller-gen
# (the same cache root as hack/control-plane/build.sh). Does nothing when that binary was already
# built from the same go.mod/go.sum. Needs only Go: run by `npm run controller-gen:build` and .ci/run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

fail() {
  echo "controller-gen build FAILED: $*" >&2
  exit 1
}

command -v go >/dev/null 2>&1 || fail "go is not on PATH (Go is needed only to build the reference binaries)"

# The version lives in go.mod only; read it from there (the `require` line, block or single).
module_version() { # <go.mod> <module path>
  awk -v m="$2" '{ sub(/\/\/.*/, "") } ($1 == m || ($1 == "require" && $2 == m)) && $0 !~ /=>/ { print $NF; exit }' "$1"
}
version="$(module_version go.mod sigs.k8s.io/controller-tools)"
[[ "$version" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "cannot read the sigs.k8s.io/controller-tools version from $here/go.mod (got '$version')"

cache_root="${USELESSCTL_CONTROL_PLANE_DIR:-$HOME/.cache/uselessctl/control-plane}"
out_dir="$cache_root/controller-gen/$version"
binary="$out_dir/controller-gen"

# Anything that changes what gets built changes the stamp: module files and this recipe's flags.
recipe_revision=1
stamp="$(cat go.mod go.sum | sha256sum | cut -c1-16)-r$recipe_revision"

if [ -f "$out_dir/.build-stamp" ] && [ "$(cat "$out_dir/.build-stamp")" = "$stamp" ] && [ -x "$binary" ]; then
  echo "controller-gen $version is up to date in $out_dir"
  exit 0
fi

# Never switch toolchains behind the user's back. controller-gen stamps its version into every
# CRD it writes (controller-gen.kubebuilder.io/version); as a tool of this module its build info
# would say "(devel)", so the release is set explicitly.
export GOTOOLCHAIN=local CGO_ENABLED=0
mkdir -p "$cache_root"
staging="$(mktemp -d "$cache_root/.build-controller-gen-$version.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

started=$SECONDS
echo "building controller-gen $version into $out_dir"
if ! nice -n 10 go build -trimpath -ldflags "-s -w -X sigs.k8s.io/controller-tools/pkg/version.version=$version" \
  -o "$staging/controller-gen" sigs.k8s.io/controller-tools/cmd/controller-gen >"$staging/build.log" 2>&1; then
  cat "$staging/build.log" >&2
  fail "go build of sigs.k8s.io/controller-tools/cmd/controller-gen in $here"
fi

reported="$("$staging/controller-gen" --version 2>&1 || true)"
[ "$reported" = "Version: $version" ] || fail "controller-gen --version says '$reported', expected 'Version: $version'"

mkdir -p "$out_dir"
mv -f "$staging/controller-gen" "$binary"
echo "$stamp" >"$out_dir/.build-stamp"
echo "controller-gen $version built in $((SECONDS - started))s: $binary"

#!/usr/bin/env bash
# Builds go-client, uselessctl's own controller-runtime program (main.go in this folder), into
#   ${USELESSCTL_CONTROL_PLANE_DIR:-~/.cache/uselessctl/control-plane}/go-client/<controller-runtime version>/go-client
# (the cache root of hack/control-plane and hack/controller-gen). Does nothing when that binary was
# already built from the same sources. Needs only Go: run by `npm run go-client:build`;
# test/e2e/go_client.test.ts runs it against both API servers (skipped where it is not built).
set -euo pipefail

tool="go-client"
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

version="$(module_version go.mod sigs.k8s.io/controller-runtime)"
[[ "$version" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "cannot read the sigs.k8s.io/controller-runtime version from $here/go.mod (got '$version')"

out_dir="$cache_root/go-client/$version"
binary="$out_dir/go-client"
stamp="$(build_stamp 1 go.mod go.sum main.go)"

if up_to_date "$out_dir" "$stamp" go-client; then
  echo "go-client (controller-runtime $version) is up to date in $out_dir"
  exit 0
fi

make_staging "go-client-$version"

started=$SECONDS
echo "building go-client (controller-runtime $version) into $out_dir"
if ! nice -n 10 go build -trimpath -ldflags "-s -w" -o "$staging/go-client" . >"$staging/build.log" 2>&1; then
  cat "$staging/build.log" >&2
  fail "go build in $here"
fi

mkdir -p "$out_dir"
mv -f "$staging/go-client" "$binary"
echo "$stamp" >"$out_dir/.build-stamp"
echo "go-client (controller-runtime $version) built in $((SECONDS - started))s: $binary"

#!/usr/bin/env bash
# Builds controller-gen, the reference CRD/RBAC generator, from the sigs.k8s.io/controller-tools
# module pinned in this folder's go.mod into
#   ${USELESSCTL_CONTROL_PLANE_DIR:-~/.cache/uselessctl/control-plane}/controller-gen/<version>/controller-gen
# (the same cache root as hack/control-plane/build.sh). Does nothing when that binary was already
# built from the same go.mod/go.sum. Needs only Go: run by `npm run controller-gen:build` and .ci/run.
set -euo pipefail

tool="controller-gen"
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

version="$(module_version go.mod sigs.k8s.io/controller-tools)"
[[ "$version" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "cannot read the sigs.k8s.io/controller-tools version from $here/go.mod (got '$version')"

out_dir="$cache_root/controller-gen/$version"
binary="$out_dir/controller-gen"
stamp="$(build_stamp 1 go.mod go.sum)"

if up_to_date "$out_dir" "$stamp" controller-gen; then
  echo "controller-gen $version is up to date in $out_dir"
  exit 0
fi

# controller-gen stamps its version into every CRD it writes (controller-gen.kubebuilder.io/version);
# as a tool of this module its build info would say "(devel)", so the release is set explicitly.
make_staging "controller-gen-$version"

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

#!/usr/bin/env bash
# Builds the reference control plane (etcd, kube-apiserver, kube-controller-manager, kubectl) from
# the Go modules pinned in this folder into
#   ${USELESSCTL_CONTROL_PLANE_DIR:-~/.cache/uselessctl/control-plane}/<kubernetes version>/
# Does nothing when that folder already holds binaries built from the same go.mod/go.sum files.
# Needs only Go (no node_modules): run by `npm run control-plane:build` and by .ci/run.
# Builds one binary at a time under `nice`, because the build machines are small and shared.
set -euo pipefail

tool="control-plane"
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

k8s_version="$(module_version go.mod k8s.io/kubernetes)"
etcd_version="$(module_version etcd/go.mod go.etcd.io/etcd/server/v3)"
[[ "$k8s_version" =~ ^v([0-9]+)\.([0-9]+)\.[0-9]+$ ]] || fail "cannot read the k8s.io/kubernetes version from $here/go.mod (got '$k8s_version')"
k8s_major="${BASH_REMATCH[1]}"
k8s_minor="${BASH_REMATCH[2]}"
[ -n "$etcd_version" ] || fail "cannot read the go.etcd.io/etcd/server/v3 version from $here/etcd/go.mod"

out_dir="$cache_root/$k8s_version"
binaries=(etcd kube-apiserver kube-controller-manager kubectl)
stamp="$(build_stamp 1 go.mod go.sum etcd/go.mod etcd/go.sum etcd/main.go)"

if up_to_date "$out_dir" "$stamp" "${binaries[@]}"; then
  echo "control plane $k8s_version (etcd $etcd_version) is up to date in $out_dir"
  exit 0
fi

build_date="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
version_flags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_flags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=$k8s_major -X $pkg.gitMinor=$k8s_minor"
  version_flags+=" -X $pkg.gitCommit=module-k8s.io/kubernetes@$k8s_version -X $pkg.gitTreeState=clean -X $pkg.buildDate=$build_date"
done

make_staging "$k8s_version"

started_all=$SECONDS
step=0
build_one() { # <binary> <module dir> <package> <ldflags>
  local name="$1" dir="$2" pkg="$3" ldflags="$4"
  step=$((step + 1))
  local started=$SECONDS log="$staging/$name.log"
  echo "[$step/${#binaries[@]}] building $name ($pkg)"
  (cd "$dir" && nice -n 10 go build -trimpath -ldflags "$ldflags" -o "$staging/$name" "$pkg") >"$log" 2>&1 &
  local pid=$!
  # A heartbeat, so that a long cold build (minutes per binary on 2 cores) visibly progresses.
  local last_heartbeat=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if kill -0 "$pid" 2>/dev/null && ((SECONDS - last_heartbeat >= 30)); then
      last_heartbeat=$SECONDS
      echo "      ... still building $name ($((SECONDS - started))s)"
    fi
  done
  if ! wait "$pid"; then
    cat "$log" >&2
    fail "go build of $name ($pkg) in $here/$dir"
  fi
  echo "      built $name in $((SECONDS - started))s"
}

echo "building control plane $k8s_version (etcd $etcd_version) into $out_dir"
build_one etcd etcd uselessctl.dev/hack/control-plane/etcd "-s -w"
build_one kube-apiserver . k8s.io/kubernetes/cmd/kube-apiserver "-s -w$version_flags"
build_one kube-controller-manager . k8s.io/kubernetes/cmd/kube-controller-manager "-s -w$version_flags"
build_one kubectl . k8s.io/kubernetes/cmd/kubectl "-s -w$version_flags"

"$staging/kube-apiserver" --version | grep -qx "Kubernetes $k8s_version" ||
  fail "kube-apiserver --version says '$("$staging/kube-apiserver" --version)', expected 'Kubernetes $k8s_version'"

mkdir -p "$out_dir"
for b in "${binaries[@]}"; do mv -f "$staging/$b" "$out_dir/$b"; done
echo "$stamp" >"$out_dir/.build-stamp"
echo "control plane $k8s_version built in $((SECONDS - started_all))s: ${binaries[*]} in $out_dir"

#!/usr/bin/env bash
# Runs the kubebuilder book's own CronJob project and its envtest suites (Go, controller-runtime)
# against uselessctl's API servers, as an outside measure of fidelity (issue 16):
#   hack/kubebuilder-book/measure.sh [embedded|binaries]...   (default: both)
#
# The project is not in the kubebuilder module's zip (it is a nested module), so it is generated
# the way kubebuilder's own `make generate-docs` does: build the kubebuilder CLI of the pinned
# release and run its cronjob tutorial generator (hack/docs/internal/cronjob-tutorial: `kubebuilder
# init`, `create api`, `create webhook`, then the book's code) into
#   ${USELESSCTL_CONTROL_PLANE_DIR:-~/.cache/uselessctl/control-plane}/kubebuilder-book/<release>/
# once (a second run reuses it). Then for each server kind and each suite (internal/controller,
# internal/webhook/v1): a fresh `uselessctl cluster start` (with `--control-plane binaries` for the
# real one), and the suite's `go test` with USE_EXISTING_CLUSTER=true against it; it prints each
# Ginkgo summary and a last line `<server>: <passed> of <ran> specs passed`. Needs Go, and the
# module proxy the first time.
set -euo pipefail

tool="kubebuilder-book"
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

release="v4.16.0" # sigs.k8s.io/kubebuilder/v4: the book's project of this release
repo_root="$(cd "$here/../.." && pwd)"
work="$cache_root/kubebuilder-book/$release"
project="$work/src/docs/book/src/cronjob-tutorial/testdata/project"
# generate_samples.go runs the CLI from this fixed path
kubebuilder_bin="/tmp/kubebuilder/bin/kubebuilder"

generate() {
  local module
  module="$(go mod download -json "sigs.k8s.io/kubebuilder/v4@$release" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -d "$module" ] || fail "go mod download sigs.k8s.io/kubebuilder/v4@$release gave no folder"
  rm -rf "$work"
  mkdir -p "$work"
  cp -r "$module" "$work/src"
  chmod -R u+w "$work/src"
  cd "$work/src"
  echo "building kubebuilder $release"
  mkdir -p "$(dirname "$kubebuilder_bin")"
  nice -n 10 go build -o "$kubebuilder_bin" . || fail "go build of kubebuilder $release"
  # the cronjob tutorial alone (generate_samples.go also makes two other tutorials)
  mkdir -p hack/docs/cronjob-only
  cat >hack/docs/cronjob-only/main.go <<GO
package main

import cronjob "sigs.k8s.io/kubebuilder/v4/hack/docs/internal/cronjob-tutorial"

func main() {
	sample := cronjob.NewSample("$kubebuilder_bin", "docs/book/src/cronjob-tutorial/testdata/project")
	sample.Prepare()
	sample.GenerateSampleProject()
	sample.UpdateTutorial()
}
GO
  echo "generating the book's CronJob project"
  nice -n 10 go run ./hack/docs/cronjob-only || fail "the cronjob tutorial generator"
  touch "$work/.generated"
  cd "$here"
}

# Runs one Go package's suite against a fresh server of one kind (a fresh one per package: the
# webhook suite leaves its webhook configurations in an existing cluster, pointing at a webhook
# server that is gone once it ends). Appends the package's log to <kind>.log.
measure_package() { # <embedded|binaries> <package>
  local server="$1" package="$2" log="$work/$1.log" kubeconfig="$work/$1.kubeconfig" flags=()
  [ "$server" = binaries ] && flags=(--control-plane binaries)
  rm -f "$kubeconfig"
  node "$repo_root/bin/uselessctl.js" cluster start --port 0 --kubeconfig "$kubeconfig" "${flags[@]}" >"$work/$server.server.log" 2>&1 &
  local server_pid=$!
  for _ in $(seq 1 600); do
    grep -q "kubeconfig:" "$work/$server.server.log" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || fail "$server server exited: $(tail -5 "$work/$server.server.log")"
    sleep 0.2
  done
  (cd "$project" && USE_EXISTING_CLUSTER=true KUBECONFIG="$kubeconfig" nice -n 10 \
    go test "$package" -count=1 -v -args -ginkgo.no-color >>"$log" 2>&1) || true
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}

# Runs the project's suites against one kind of server; prints the Ginkgo summaries and a total.
measure() { # <embedded|binaries>
  local server="$1" log="$work/$1.log"
  : >"$log"
  for package in ./internal/controller ./internal/webhook/v1; do measure_package "$server" "$package"; done
  grep -E "^(Ran [0-9]+ of [0-9]+ Specs|(SUCCESS|FAIL)! -- [0-9]+ Passed)|^(ok|FAIL)[[:space:]]" "$log" || true
  local passed ran
  passed="$(grep -oE "[0-9]+ Passed" "$log" | awk '{ s += $1 } END { print s + 0 }')"
  ran="$(grep -oE "^Ran [0-9]+ of" "$log" | awk '{ s += $2 } END { print s + 0 }')"
  echo "$server: $passed of $ran specs passed (log: $log)"
}

[ -f "$work/.generated" ] || generate
servers=("$@")
[ ${#servers[@]} -gt 0 ] || servers=(embedded binaries)
for server in "${servers[@]}"; do
  case "$server" in
  embedded | binaries) measure "$server" ;;
  *) fail "unknown server '$server' (embedded or binaries)" ;;
  esac
done

/**
 * The Kubernetes release uselessctl speaks: the embedded server reports it at `/version`, and the
 * reference control plane in `hack/control-plane/` is built from exactly this release.
 *
 * `hack/control-plane/go.mod` is the single source of truth; `kubernetes_version.test.ts` fails
 * when this constant and that file disagree, so a bump of one without the other cannot land.
 */
export const KUBERNETES_VERSION = {
  gitVersion: "v1.37.2",
  major: "1",
  minor: "37",
} as const;

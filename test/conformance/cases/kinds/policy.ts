/** policy/v1 PodDisruptionBudgets. */
import type { KindFixture } from "./kind_fixture.js";

export const policyFixtures: readonly KindFixture[] = [
  {
    group: "policy",
    version: "v1",
    resource: "poddisruptionbudgets",
    kind: "PodDisruptionBudget",
    namespaced: true,
    minimal: {},
    full: {
      spec: {
        minAvailable: "50%",
        selector: { matchLabels: { app: "web" } },
        unhealthyPodEvictionPolicy: "AlwaysAllow",
      },
    },
    update: (stored) => ({ ...stored, spec: { ...(stored.spec as object), minAvailable: 2 } }),
    strategicMergePatch: { spec: { selector: { matchLabels: { tier: "front" } } } },
    status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, observedGeneration: 1 },
    invalid: [
      {
        why: "both bounds",
        object: { spec: { minAvailable: 1, maxUnavailable: "50%", selector: { matchLabels: { app: "x" } } } },
      },
      {
        why: "bad bounds, selector and policy",
        object: {
          spec: {
            minAvailable: -1,
            maxUnavailable: "150%",
            unhealthyPodEvictionPolicy: "X",
            selector: { matchExpressions: [{ key: "a", operator: "Foo" }] },
          },
        },
      },
    ],
  },
];

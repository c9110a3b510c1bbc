/** coordination.k8s.io/v1 leases: a generic kind (no defaults beyond its Go type). */
import type { KindFixture } from "./kind_fixture.js";

export const coordinationFixtures: readonly KindFixture[] = [
  {
    group: "coordination.k8s.io",
    version: "v1",
    resource: "leases",
    kind: "Lease",
    namespaced: true,
    minimal: {},
    full: {
      spec: {
        holderIdentity: "controller-0",
        leaseDurationSeconds: 15,
        acquireTime: "2026-01-01T00:00:00.000000Z",
        renewTime: "2026-01-01T00:00:10.000000Z",
        leaseTransitions: 1,
      },
    },
    update: (stored) => ({
      ...stored,
      spec: { ...(stored.spec as object), holderIdentity: "controller-1", leaseTransitions: 2 },
    }),
    strategicMergePatch: { spec: { renewTime: "2026-01-01T00:00:20.000000Z" } },
    invalid: [
      { why: "a negative duration", object: { spec: { leaseDurationSeconds: -1 } } },
      { why: "a renewTime that is no time", object: { spec: { renewTime: "soon" } } },
    ],
  },
];

/** events.k8s.io/v1 events, stored as core/v1 events. */
import { NAMESPACE, type KindFixture } from "./kind_fixture.js";

export const eventsFixtures: readonly KindFixture[] = [
  {
    group: "events.k8s.io",
    version: "v1",
    resource: "events",
    kind: "Event",
    namespaced: true,
    minimal: {
      eventTime: "2026-01-01T00:00:00.000000Z",
      reportingController: "example.com/controller",
      reportingInstance: "controller-0",
      action: "Reconcile",
      reason: "Synced",
      type: "Normal",
      regarding: { kind: "ConfigMap", name: "c", namespace: NAMESPACE },
    },
    full: {
      eventTime: "2026-01-01T00:00:00.000000Z",
      reportingController: "example.com/controller",
      reportingInstance: "controller-0",
      action: "Reconcile",
      reason: "Synced",
      type: "Warning",
      note: "synced twice",
      regarding: { apiVersion: "v1", kind: "ConfigMap", name: "c", namespace: NAMESPACE },
      related: { apiVersion: "v1", kind: "Secret", name: "s" },
      series: { count: 2, lastObservedTime: "2026-01-01T00:01:00.000000Z" },
    },
    // An events.k8s.io/v1 update may change only the series.
    update: (stored) => ({ ...stored, series: { count: 3, lastObservedTime: "2026-01-01T00:02:00.000000Z" } }),
    strategicMergePatch: { series: { count: 4 } },
    fieldSelector: "type=Warning",
    invalid: [
      { why: "no eventTime", object: { reportingController: "c", reportingInstance: "i", action: "a", reason: "r" } },
      { why: "an unknown type", object: { eventTime: "2026-01-01T00:00:00.000000Z", type: "Odd" } },
    ],
  },
];

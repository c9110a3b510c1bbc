import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../storage/types.js";
import { coreEventColumns, eventsV1Columns } from "./event_columns.js";

const now = new Date("2026-01-01T01:00:00Z");
const cells = (columns: typeof coreEventColumns, event: KubeObject) => columns.map((column) => column.cell(event, now));

describe("event columns", () => {
  it("print a core/v1 Event as the wide event printer does", () => {
    const event: KubeObject = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "e2" },
      involvedObject: { kind: "Pod", namespace: "ns" },
      reason: "R",
      message: " m ",
      source: { component: "kubelet", host: "n1" },
      firstTimestamp: "2026-01-01T00:00:00Z",
      count: 3,
      type: "Warning",
    };
    assert.deepEqual(cells(coreEventColumns, event), [
      "60m",
      "Warning",
      "R",
      "pod",
      "",
      "kubelet, n1",
      "m",
      "60m",
      3,
      "e2",
    ]);
    assert.deepEqual(
      coreEventColumns.filter((column) => column.priority === 1).map((column) => column.name),
      ["Subobject", "Source", "First Seen", "Count", "Name"],
    );
  });

  it("print an events.k8s.io/v1 Event from its own field names, a series overriding last seen and count", () => {
    const event: KubeObject = {
      apiVersion: "events.k8s.io/v1",
      kind: "Event",
      metadata: { name: "e1" },
      eventTime: "2026-01-01T00:30:00.000000Z",
      series: { count: 7, lastObservedTime: "2026-01-01T00:59:00.000000Z" },
      reportingController: "example.com/c",
      reportingInstance: "c-1",
      regarding: { kind: "Gizmo", name: "g", fieldPath: "spec.x" },
      note: "switched off",
      reason: "Toggled",
      type: "Normal",
    };
    assert.deepEqual(cells(eventsV1Columns, event), [
      "60s",
      "Normal",
      "Toggled",
      "gizmo/g",
      "spec.x",
      "example.com/c, c-1",
      "switched off",
      "30m",
      7,
      "e1",
    ]);
  });
});

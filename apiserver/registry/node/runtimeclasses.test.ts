import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { rejection, tableCells } from "../strategy_testing.js";
import { strategies } from "./index.js";

const kind = { group: "node.k8s.io", kind: "RuntimeClass" };
const strategy = strategies.runtimeclasses!;
const runtimeClass = (name: string, fields: Record<string, unknown>): KubeObject => ({
  apiVersion: "node.k8s.io/v1",
  kind: "RuntimeClass",
  metadata: { name, creationTimestamp: "2026-01-01T00:00:00Z" },
  ...fields,
});

describe("runtimeclasses strategy", () => {
  it("checks overhead and node selector, then the handler, as kube-apiserver orders them", () => {
    const bad = runtimeClass("ck-rcbad", {
      handler: "Bad_Handler",
      overhead: { podFixed: { cpu: "-1" } },
      scheduling: { nodeSelector: { "bad key!": "v" } },
    });
    assert.equal(
      rejection(strategy, kind, bad),
      `RuntimeClass.node.k8s.io "ck-rcbad" is invalid: [overhead.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0, scheduling.nodeSelector: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), handler: Invalid value: "Bad_Handler": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')]`,
    );
    assert.equal(
      rejection(strategy, kind, runtimeClass("r", {})),
      'RuntimeClass.node.k8s.io "r" is invalid: handler: Required value',
    );
  });

  it("keeps the handler on update and prints it", () => {
    const old = runtimeClass("ck-rc", { handler: "runc" });
    assert.equal(
      rejection(strategy, kind, runtimeClass("ck-rc", { handler: "crun" }), old),
      'RuntimeClass.node.k8s.io "ck-rc" is invalid: handler: Invalid value: null: field is immutable',
    );
    assert.equal(rejection(strategy, kind, runtimeClass("ck-rc", { handler: "runc" }), old), "");
    assert.deepEqual(tableCells(strategy, old, new Date("2026-01-01T00:00:00Z")), ["ck-rc", "runc", "0s"]);
  });
});

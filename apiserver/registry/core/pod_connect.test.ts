import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { KubeObject } from "../../storage/types.js";
import { connectToPod } from "./pod_connect.js";
import { podStrategy } from "./pods.js";

const pod = (spec: Record<string, unknown>): KubeObject => ({ metadata: { name: "p", namespace: "default" }, spec });
const one = pod({ containers: [{ name: "c" }] });
const bound = pod({ nodeName: "n1", initContainers: [{ name: "i" }], containers: [{ name: "a" }, { name: "b" }] });

// Expected values are kube-apiserver v1.37.2's answers with no kubelet.
describe("pods subresources with no kubelet", () => {
  it("has no logs and nothing to stream into for a pod no node runs", () => {
    assert.equal(connectToPod(one, "log", new URLSearchParams()), "no content");
    for (const subresource of ["exec", "attach", "portforward"])
      assert.throws(() => connectToPod(one, subresource, new URLSearchParams("command=ls")), {
        code: 400,
        message: "pod p does not have a host assigned",
      } as object);
    assert.throws(() => connectToPod(one, "proxy", new URLSearchParams()), { message: "address not allowed" });
  });

  it("checks the container parameter first", () => {
    assert.throws(() => connectToPod(one, "log", new URLSearchParams("container=x")), {
      code: 400,
      message: "container x is not valid for pod p",
    } as object);
    assert.throws(() => connectToPod(bound, "exec", new URLSearchParams()), {
      message: "a container name must be specified for pod p, choose one of: [i a b]",
    });
  });

  it("answers a bound pod as kube-apiserver does for its missing Node: a missing pod of that name", () => {
    assert.throws(() => connectToPod(bound, "log", new URLSearchParams("container=a")), {
      code: 404,
      message: 'pods "n1" not found',
    } as object);
  });

  it("deletes an unscheduled or finished pod at once, a bound one after its grace period", () => {
    const period = (object: KubeObject, requested?: number) => podStrategy.gracefulDeletionPeriod?.(object, requested);
    assert.equal(period(one), 0);
    assert.equal(period({ ...bound, spec: { ...(bound.spec as object), terminationGracePeriodSeconds: 30 } }), 30);
    assert.equal(period(bound, 5), 5);
    assert.equal(period(bound, -3), 1);
    assert.equal(period({ ...bound, status: { phase: "Succeeded" } }, 30), 0);
  });
});

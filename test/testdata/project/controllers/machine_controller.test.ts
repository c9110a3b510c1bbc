import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isInvalid, type Client } from "uselessctl";
import type { TestEnv } from "uselessctl/testenv";
import { Machine } from "../api/v1alpha1/index.js";
import { apiClient, managerClient, reconcileContext, startProjectTestEnv } from "../test/suite.js";
import { MachineReconciler } from "./machine_controller.js";

describe("MachineReconciler", () => {
  let env: TestEnv;
  let client: Client;
  let manager: Client;
  const key = { namespace: "default", name: "test-machine" };

  before(async () => {
    env = await startProjectTestEnv();
    client = apiClient(env);
    manager = managerClient(env);
  });

  after(async () => {
    await env.stop();
  });

  test("reconciles an existing Machine without error", async () => {
    const created: Machine = {
      apiVersion: Machine.apiVersion,
      kind: Machine.kind,
      metadata: { namespace: key.namespace, name: key.name },
      spec: { foo: "bar" },
    };
    await client.create(created);
    const reconciler = new MachineReconciler({ client: manager });
    await reconciler.reconcile(key, reconcileContext("machine"));
    const found = await client.get(Machine, key);
    assert.equal(found.spec.foo, "bar");
    // TODO(user): assert what your reconciler does (objects it creates, status it sets).
  });

  test("the API server validates new Machine objects against the generated CRD", async () => {
    const invalid: Machine = {
      apiVersion: Machine.apiVersion,
      kind: Machine.kind,
      metadata: { namespace: key.namespace, name: "invalid-machine" },
      spec: { resources: { limits: { cpu: "two cores" } } },
    };
    await assert.rejects(
      client.create(invalid),
      (error: unknown) =>
        isInvalid(error) &&
        error instanceof Error &&
        error.message.includes('spec.resources.limits.cpu: Invalid value: "two cores": spec.resources.limits.cpu in body should match'),
    );
  });

  test("ignores a Machine that no longer exists", async () => {
    const reconciler = new MachineReconciler({ client: manager });
    assert.equal(await reconciler.reconcile({ ...key, name: "gone" }, reconcileContext("machine")), undefined);
  });
});

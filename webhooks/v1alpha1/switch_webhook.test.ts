import assert from "node:assert/strict";
import { test } from "node:test";
import { FakeClient, type AdmissionContext } from "uselessctl";
import { machine, sw } from "../../controllers/testing/fixtures.js";
import { SwitchCustomValidator } from "./switch_webhook.js";

// The validator reads only the object; the context is never looked at.
const ctx = {} as AdmissionContext;

test("a switch labelled for an existing machine, or for none, is allowed without warnings", async () => {
  const validator = new SwitchCustomValidator({ reader: new FakeClient({ objects: [machine({ name: "m" })] }) });
  assert.equal(await validator.validateCreate(ctx, sw("s1", { label: "m" })), undefined);
  assert.equal(await validator.validateCreate(ctx, sw("s2", { label: null, owner: null })), undefined);
  assert.equal(await validator.validateUpdate(ctx, sw("s1"), sw("s1", { label: "m" })), undefined);
});

test("a switch labelled for a machine that does not exist is allowed with a warning naming it", async () => {
  const validator = new SwitchCustomValidator({ reader: new FakeClient({ objects: [machine({ name: "m" })] }) });
  const warning = [
    'label machine=ghost: no Machine "ghost" in namespace "ns"; the switch belongs to no machine until one is created',
  ];
  assert.deepEqual(await validator.validateCreate(ctx, sw("s1", { label: "ghost", owner: null })), warning);
  assert.deepEqual(await validator.validateUpdate(ctx, sw("s1"), sw("s1", { label: "ghost", owner: null })), warning);
  assert.equal(await validator.validateDelete(), undefined);
});

test("a failed read of the machine denies the request rather than guessing", async () => {
  const failing = new FakeClient();
  failing.get = () => Promise.reject(new Error("connection refused"));
  const validator = new SwitchCustomValidator({ reader: failing });
  await assert.rejects(validator.validateCreate(ctx, sw("s1", { label: "m" })), /connection refused/);
});

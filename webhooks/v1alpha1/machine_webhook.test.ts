import assert from "node:assert/strict";
import { test } from "node:test";
import { StatusError, type AdmissionContext } from "uselessctl";
import { machine } from "../../controllers/testing/fixtures.js";
import { DEFAULT_MAX_SWITCHES, MachineCustomValidator } from "./machine_webhook.js";

// The validator reads only the object; the context is never looked at.
const ctx = {} as AdmissionContext;

test("a machine with at most --max-switches switches is allowed, on create and on update", async () => {
  const validator = new MachineCustomValidator({ maxSwitches: 3 });
  assert.equal(await validator.validateCreate(ctx, machine({ switches: 3 })), undefined);
  assert.equal(await validator.validateUpdate(ctx, machine({ switches: 5 }), machine({ switches: 1 })), undefined);
  const withoutCount = machine();
  delete withoutCount.spec.switches;
  assert.equal(await validator.validateCreate(ctx, withoutCount), undefined, "the CRD's default (1) applies");
});

test("more switches than --max-switches is refused as Invalid, naming the field, the value and the limit", async () => {
  const validator = new MachineCustomValidator({ maxSwitches: 3 });
  const refused = (error: unknown) => {
    assert.ok(error instanceof StatusError);
    assert.equal(error.status.code, 422);
    assert.equal(error.status.reason, "Invalid");
    assert.deepEqual(
      error.status.details?.causes?.map((cause) => cause.field),
      ["spec.switches"],
    );
    assert.equal(
      error.message,
      'Machine.useless.container.training "m" is invalid: spec.switches: Invalid value: 4: must be at most 3, the most switches this operator allows (--max-switches)',
    );
    return true;
  };
  await assert.rejects(validator.validateCreate(ctx, machine({ switches: 4 })), refused);
  await assert.rejects(validator.validateUpdate(ctx, machine({ switches: 3 }), machine({ switches: 4 })), refused);
  assert.equal(await validator.validateDelete(), undefined, "deleting is never refused");
});

test(`the default limit is ${DEFAULT_MAX_SWITCHES} switches`, async () => {
  const validator = new MachineCustomValidator();
  assert.equal(validator.maxSwitches, DEFAULT_MAX_SWITCHES);
  assert.equal(await validator.validateCreate(ctx, machine({ switches: DEFAULT_MAX_SWITCHES })), undefined);
  await assert.rejects(validator.validateCreate(ctx, machine({ switches: DEFAULT_MAX_SWITCHES + 1 })));
});

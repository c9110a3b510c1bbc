import { test } from "node:test";
import assert from "node:assert/strict";
import { defineGroupVersion, Scheme } from "../../scheme/group_version.js";
import { discardLogger } from "../../log/logger.js";
import type { KubernetesObject } from "../../object.js";
import { defaultingHandler, validatingHandler, type CustomValidator } from "./custom.js";
import type { AdmissionRequest } from "./review.js";
import { fieldError, invalid, StatusError } from "./status_error.js";
import type { AdmissionContext } from "./webhook.js";

interface Machine extends KubernetesObject {
  spec: { switches?: number; color?: string; tags?: string[] };
}
const Machine = defineGroupVersion({ group: "useless.example.com", version: "v1", scheme: new Scheme() }).kind<Machine>(
  { kind: "Machine", plural: "machines" },
);

function machine(spec: Machine["spec"]): Machine {
  return { apiVersion: "useless.example.com/v1", kind: "Machine", metadata: { name: "m", namespace: "ns" }, spec };
}

function context(request: Partial<AdmissionRequest>): AdmissionContext {
  const full: AdmissionRequest = {
    uid: "u-1",
    kind: { group: "useless.example.com", version: "v1", kind: "Machine" },
    resource: { group: "useless.example.com", version: "v1", resource: "machines" },
    operation: "CREATE",
    userInfo: { username: "admin" },
    ...request,
  };
  return { request: full, signal: new AbortController().signal, logger: discardLogger };
}

const defaulter = defaultingHandler(Machine, {
  default(_ctx, obj) {
    obj.spec.switches ??= 1;
    delete obj.spec.color;
  },
});

test("defaulting answers the JSON patch from the received object to the defaulted one, removals included", async () => {
  const answer = await defaulter(context({ object: machine({ color: "red", tags: ["a"] }) }));
  assert.equal(answer.allowed, true);
  assert.deepEqual(answer.patches, [
    { op: "add", path: "/spec/switches", value: 1 },
    { op: "remove", path: "/spec/color" },
  ]);
});

test("defaulting that changes nothing answers allowed with no patch; DELETE is allowed without decoding", async () => {
  assert.deepEqual(await defaulter(context({ object: machine({ switches: 2 }) })), { allowed: true });
  assert.deepEqual(await defaulter(context({ operation: "DELETE", oldObject: machine({}) })), {
    allowed: true,
    status: { code: 200 },
  });
});

test("an object of another kind, or none, is a 400 errored answer", async () => {
  const other = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } };
  const answer = await defaulter(context({ object: other }));
  assert.equal(answer.allowed, false);
  assert.equal(answer.status?.code, 400);
  assert.match(answer.status?.message ?? "", /expected a Machine of useless\.example\.com\/v1, got a ConfigMap of v1/);
  assert.equal((await defaulter(context({ object: null }))).status?.message, "there is no content to decode");
});

test("a defaulter that throws denies: 403 with the message, or the Status of a StatusError", async () => {
  const failing = defaultingHandler(Machine, {
    default() {
      throw new Error("no defaults today");
    },
  });
  assert.deepEqual(await failing(context({ object: machine({}) })), {
    allowed: false,
    status: { code: 403, reason: "Forbidden", message: "no defaults today" },
  });
});

const seen: string[] = [];
const validator: CustomValidator<Machine> = {
  validateCreate(_ctx, obj) {
    seen.push(`create ${obj.spec.switches}`);
    if ((obj.spec.switches ?? 0) > 4) {
      throw invalid(Machine, obj.metadata?.name ?? "", [
        fieldError.invalid("spec.switches", obj.spec.switches, "a machine has at most 4 switches"),
      ]);
    }
    return obj.spec.switches === 0 ? ["a machine without switches does nothing"] : undefined;
  },
  validateUpdate(_ctx, oldObj, newObj) {
    seen.push(`update ${oldObj.spec.switches}->${newObj.spec.switches}`);
    if (oldObj.spec.color !== newObj.spec.color) {
      throw Object.assign(new Error("spec.color is immutable"), { warnings: ["colors are forever"] });
    }
    return [];
  },
  validateDelete(_ctx, obj) {
    seen.push(`delete ${obj.spec.switches}`);
    return undefined;
  },
};
const validate = validatingHandler(Machine, validator);

test("validation: allowed with warnings; denied with the StatusError's Status (422 Invalid, causes)", async () => {
  assert.deepEqual(await validate(context({ object: machine({ switches: 0 }) })), {
    allowed: true,
    status: { code: 200 },
    warnings: ["a machine without switches does nothing"],
  });
  const denied = await validate(context({ object: machine({ switches: 9 }) }));
  assert.equal(denied.allowed, false);
  assert.deepEqual(denied.status, {
    status: "Failure",
    code: 422,
    reason: "Invalid",
    message:
      'Machine.useless.example.com "m" is invalid: spec.switches: Invalid value: 9: a machine has at most 4 switches',
    details: {
      group: "useless.example.com",
      kind: "Machine",
      name: "m",
      causes: [
        {
          reason: "FieldValueInvalid",
          message: "Invalid value: 9: a machine has at most 4 switches",
          field: "spec.switches",
        },
      ],
    },
  });
});

test("validation: update gets old and new objects, delete the old one; a thrown error's warnings go out", async () => {
  seen.length = 0;
  const update = await validate(
    context({
      operation: "UPDATE",
      object: machine({ switches: 2, color: "blue" }),
      oldObject: machine({ switches: 1 }),
    }),
  );
  assert.deepEqual(update, {
    allowed: false,
    status: { code: 403, reason: "Forbidden", message: "spec.color is immutable" },
    warnings: ["colors are forever"],
  });
  await validate(context({ operation: "DELETE", oldObject: machine({ switches: 3 }) }));
  assert.deepEqual(await validate(context({ operation: "CONNECT" })), { allowed: true, status: { code: 200 } });
  assert.deepEqual(seen, ["update 1->2", "delete 3"]);
  const unknown = await validate(context({ operation: "PATCH" as AdmissionRequest["operation"] }));
  assert.deepEqual(unknown.status, { code: 400, message: 'unknown operation "PATCH"' });
});

test("an error carrying a Status (the client's ApiError) denies with that Status", async () => {
  const status = { code: 409, reason: "Conflict", message: "try again" };
  const v = validatingHandler(Machine, {
    ...validator,
    validateCreate: () => {
      throw Object.assign(new Error("wrapped"), { status });
    },
  });
  assert.deepEqual((await v(context({ object: machine({}) }))).status, status);
  assert.equal(new StatusError({ code: 418, message: "teapot" }).message, "teapot");
});

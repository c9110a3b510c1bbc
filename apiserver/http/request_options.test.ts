import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { test } from "node:test";
import { deleteOptions, writeOptions } from "./request_options.js";
import { StatusError } from "../errors/status.js";

const request = { headers: {} } as IncomingMessage;

function invalidOf(run: () => unknown): StatusError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof StatusError);
    return error;
  }
  assert.fail("expected a 422");
}

test("a bad dryRun is a 422 Invalid on the options kind with the slice as JSON", () => {
  const error = invalidOf(() => writeOptions(request, new URLSearchParams("dryRun=Yes"), "CreateOptions"));
  assert.equal(error.code, 422);
  assert.equal(
    error.message,
    'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["Yes"]: supported values: "All"',
  );
  assert.equal(error.toStatus().details?.name, undefined);
  assert.deepEqual(error.details?.causes, [
    {
      reason: "FieldValueNotSupported",
      message: 'Unsupported value: ["Yes"]: supported values: "All"',
      field: "dryRun",
    },
  ]);
});

test("apply needs a fieldManager; force is forbidden on other patches", () => {
  assert.match(
    invalidOf(() => writeOptions(request, new URLSearchParams(""), "PatchOptions", "apply")).message,
    /fieldManager: Required value: is required for apply patch/,
  );
  assert.match(
    invalidOf(() => writeOptions(request, new URLSearchParams("force=false"), "PatchOptions", "merge")).message,
    /force: Forbidden: may not be specified for non-apply patch/,
  );
  assert.equal(writeOptions(request, new URLSearchParams("fieldManager=me&dryRun=All"), "UpdateOptions").dryRun, true);
});

test("delete options: unsupported policy and orphanDependents with a policy are 422 causes", () => {
  const error = invalidOf(() => deleteOptions(undefined, new URLSearchParams("propagationPolicy=Sideways&dryRun=Yes")));
  assert.equal(error.code, 422);
  assert.deepEqual(
    error.details?.causes?.map((cause) => cause.field),
    ["propagationPolicy", "dryRun"],
  );
  assert.match(
    invalidOf(() => deleteOptions({ propagationPolicy: "Orphan", orphanDependents: false }, new URLSearchParams()))
      .message,
    /orphanDependents and deletionPropagation cannot be both set/,
  );
  // The body, when there is one, is the only source: the query is not read.
  assert.equal(deleteOptions({}, new URLSearchParams("propagationPolicy=Sideways")).propagationPolicy, undefined);
  assert.equal(deleteOptions(undefined, new URLSearchParams("orphanDependents=1")).propagationPolicy, "Orphan");
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { compareKubeAwareVersions, defaultDeprecationWarning } from "./version_priority.js";

test("versions rank GA over beta over alpha, then by number, odd names last", () => {
  const sorted = ["v1alpha1", "foo", "v2", "v1beta2", "v1", "v10beta1", "bar", "v1beta1"].sort((a, b) =>
    compareKubeAwareVersions(b, a),
  );
  assert.deepEqual(sorted, ["v2", "v1", "v10beta1", "v1beta2", "v1beta1", "v1alpha1", "bar", "foo"]);
});

test("the default deprecation warning names the highest newer served version that is not deprecated", () => {
  const spec = {
    group: "example.com",
    names: { kind: "Widget" },
    versions: [
      { name: "v1alpha1", served: true, deprecated: true },
      { name: "v1beta1", served: true, deprecated: true },
      { name: "v1", served: true },
      { name: "v2", served: false },
    ],
  };
  assert.equal(
    defaultDeprecationWarning(spec, "v1alpha1"),
    "example.com/v1alpha1 Widget is deprecated; use example.com/v1 Widget",
  );
  assert.equal(
    defaultDeprecationWarning({ ...spec, versions: spec.versions.slice(0, 2) }, "v1beta1"),
    "example.com/v1beta1 Widget is deprecated",
  );
});

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  isEmptyLabelSelector,
  labelSelectorAsSelector,
  renderLabelSelector,
  validateLabelSelector,
  validateSelectorMatchesTemplate,
} from "./label_selector.js";

const lines = (errors: { field: string; detail: string }[]): string[] =>
  errors.map((error) => `${error.field}: ${error.detail}`);

test("a selector's expressions are checked for their operator's values, key and values", () => {
  const errors = validateLabelSelector(
    {
      matchLabels: { "bad key": "v" },
      matchExpressions: [
        { key: "a", operator: "In" },
        { key: "b", operator: "Exists", values: ["x"] },
        { key: "c", operator: "Near" as "In", values: ["bad value!"] },
      ],
    },
    "spec.selector",
  );
  assert.deepEqual(lines(errors), [
    `spec.selector.matchLabels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    'spec.selector.matchExpressions[2].operator: Invalid value: "Near": not a valid selector operator',
    `spec.selector.matchExpressions[2].values[0]: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
  ]);
  assert.deepEqual(
    validateLabelSelector({ matchExpressions: [{ key: "c", operator: "In", values: ["bad!"] }] }, "s", {
      allowInvalidLabelValue: true,
    }),
    [],
  );
});

test("the template must carry the labels the selector selects; a missing selector selects nothing", () => {
  const selector = labelSelectorAsSelector({ matchLabels: { app: "web" } });
  assert.ok(selector && selector !== "nothing");
  assert.deepEqual(validateSelectorMatchesTemplate(selector, { app: "web", tier: "x" }, "spec.template"), []);
  assert.deepEqual(lines(validateSelectorMatchesTemplate(selector, { tier: "x", app: "db" }, "spec.template")), [
    'spec.template.metadata.labels: Invalid value: {"app":"db","tier":"x"}: `selector` does not match template `labels`',
  ]);
  assert.equal(labelSelectorAsSelector(undefined), "nothing");
  assert.deepEqual(lines(validateSelectorMatchesTemplate("nothing", undefined, "spec.template")), [
    "spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`",
  ]);
  const everything = labelSelectorAsSelector({});
  assert.ok(everything && everything !== "nothing" && isEmptyLabelSelector({}));
  assert.deepEqual(validateSelectorMatchesTemplate(everything, undefined, "spec.template"), []);
  assert.equal(labelSelectorAsSelector({ matchExpressions: [{ key: "a", operator: "In" }] }), undefined);
});

test("a selector renders as Go marshals metav1.LabelSelector", () => {
  assert.equal(
    renderLabelSelector({
      matchExpressions: [{ key: "k", operator: "Exists", values: [] }],
      matchLabels: { z: "1", a: "2" },
    }),
    '{"matchLabels":{"a":"2","z":"1"},"matchExpressions":[{"key":"k","operator":"Exists"}]}',
  );
  assert.equal(renderLabelSelector({}), "{}");
});

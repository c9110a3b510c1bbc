/**
 * The rules taken from controller-gen that the paired conformance suite (test/crdgen-conformance)
 * cannot show, because controller-gen either rejects the input or ignores it silently: patterns
 * are RE2 (accepted and rejected as Go's regexp does, with its message), a marker spelt with the
 * wrong letter case is a warning, and field markers merge over a type's as flatten.go merges them.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import yaml from "js-yaml";
import { fragmentsOf } from "../internal/fragments.js";

const prelude = `
/** +kubebuilder:validation:MinLength=4
 * +kubebuilder:validation:XValidation:rule="self != 'abcd'",message="type rule" */
export type Name = string;
`;

const fragments = fragmentsOf(
  {
    re2Accepted: "/** +kubebuilder:validation:Pattern=`^[^[:punct:]\\s]+\\z` */\nfield?: string;",
    re2Rejected: "/** +kubebuilder:validation:Pattern=`^a(?=b)` */\nfield?: string;",
    jsOnlyRejected: "/** @pattern ^(?<word>a)\\k<word>$ */\nfield?: string;",
    lowercase: "/** +kubebuilder:validation:nullable */\nfield?: string;",
    fieldOverType:
      '/** +kubebuilder:validation:MinLength=10\n * +kubebuilder:validation:XValidation:rule="self != \'x\'",message="field rule" */\nfield?: Name;',
    enumOnPlainString: "/** +k8s:enum */\nfield?: Name;",
  },
  prelude,
);

function fragment(name: string) {
  const found = fragments.get(name);
  assert.ok(found, `case ${name} missing`);
  return found;
}

describe("controller-gen's rules", () => {
  it("accepts an RE2 pattern that JavaScript cannot read (POSIX class in a bracket, \\z)", () => {
    assert.deepEqual(fragment("re2Accepted").diagnostics, []);
    assert.equal(fragment("re2Accepted").schema?.pattern, "^[^[:punct:]\\s]+\\z");
  });

  it("rejects a pattern RE2 rejects, at the marker, with Go's message", () => {
    const messages = fragment("re2Rejected").diagnostics.map((diagnostic) => diagnostic.message);
    assert.deepEqual(messages, [
      "+kubebuilder:validation:Pattern on Case.field: must be a valid regular expression, but isn't: error parsing regexp: invalid or unsupported Perl syntax: `(?=`",
    ]);
  });

  it("rejects JavaScript-only syntax (a backreference) as the API server would", () => {
    const [diagnostic] = fragment("jsOnlyRejected").diagnostics;
    assert.equal(diagnostic?.severity, "error");
    assert.match(diagnostic?.message ?? "", /error parsing regexp: invalid escape sequence: `\\k`/);
  });

  it("warns about a marker spelt in another letter case, which controller-gen ignores, and names the right one", () => {
    const diagnostics = fragment("lowercase").diagnostics;
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.hint]),
      [["warning", "did you mean +nullable?"]],
    );
    assert.equal(fragment("lowercase").schema?.nullable, undefined);
  });

  it("keeps a type's and a field's conflicting bounds in allOf, and the field's CEL rule first", () => {
    assert.deepEqual(fragment("fieldOverType").diagnostics, []);
    assert.deepEqual(
      fragment("fieldOverType").schema,
      yaml.load(`
allOf:
- minLength: 4
- minLength: 10
type: string
x-kubernetes-validations:
- message: field rule
  rule: self != 'x'
- message: type rule
  rule: self != 'abcd'
`),
    );
  });

  it("refuses +k8s:enum on a field (it belongs on a type)", () => {
    const messages = fragment("enumOnPlainString").diagnostics.map((diagnostic) => diagnostic.message);
    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? "", /k8s:enum/);
  });
});

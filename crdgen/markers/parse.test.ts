/** controller-gen's marker grammar: names, anonymous and named arguments, lists, maps, guesses. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseMarker, type ParsedMarker } from "./parse.js";
import { markerRegistry } from "./table.js";

function value(text: string): unknown {
  const parsed = parseMarker(text, markerRegistry);
  assert.equal(parsed.status, "ok", JSON.stringify(parsed));
  return (parsed as Extract<ParsedMarker, { status: "ok" }>).value;
}

function failure(text: string): string {
  const parsed = parseMarker(text, markerRegistry);
  assert.notEqual(parsed.status, "ok", `${text} parsed`);
  return parsed.status === "malformed" ? parsed.message : `unknown ${parsed.status === "unknown" ? parsed.name : ""}`;
}

describe("parseMarker", () => {
  it("reads an anonymous argument of the marker's type", () => {
    assert.deepEqual(value("kubebuilder:validation:Minimum=-1.5"), { "": -1.5 });
    assert.deepEqual(value("kubebuilder:validation:MaxLength=3"), { "": 3 });
    assert.deepEqual(value("kubebuilder:validation:Format=date-time"), { "": "date-time" });
  });

  it("reads `name:=value` (the kubebuilder book's +kubebuilder:default:=Allow) as the anonymous argument", () => {
    assert.deepEqual(value("kubebuilder:default:=Allow"), { "": "Allow" });
    assert.deepEqual(value("kubebuilder:validation:Minimum:=2"), { "": 2 });
  });

  it("treats a bool marker without value as true, and empty markers as flags", () => {
    assert.deepEqual(value("kubebuilder:object:root"), { "": true });
    assert.deepEqual(value("kubebuilder:object:root=false"), { "": false });
    assert.deepEqual(value("kubebuilder:subresource:status"), {});
    assert.match(failure("optional=true"), /takes no arguments/);
  });

  it("reads named arguments after the last name segment", () => {
    assert.deepEqual(
      value('kubebuilder:printcolumn:name="Age",type="date",JSONPath=".metadata.creationTimestamp",priority=1'),
      {
        name: "Age",
        type: "date",
        JSONPath: ".metadata.creationTimestamp",
        priority: 1,
      },
    );
    assert.deepEqual(value("kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas"), {
      specpath: ".spec.replicas",
      statuspath: ".status.replicas",
    });
  });

  it("keeps quoted runs inside bare JSONPath values", () => {
    assert.deepEqual(
      value('kubebuilder:printcolumn:name=Ready,type=string,JSONPath=.status.conditions[?(@.type=="Ready")].status'),
      {
        name: "Ready",
        type: "string",
        JSONPath: '.status.conditions[?(@.type=="Ready")].status',
      },
    );
  });

  it("reads lists as {a,b} or a;b, and a single value as a one-item list", () => {
    assert.deepEqual(value("kubebuilder:resource:shortName={mach,m},categories=all;useless"), {
      shortName: ["mach", "m"],
      categories: ["all", "useless"],
    });
    assert.deepEqual(value("kubebuilder:resource:shortName=sw"), { shortName: ["sw"] });
    assert.deepEqual(value('kubebuilder:rbac:groups=core;"";apps,resources=pods,verbs=get'), {
      groups: ["core", "", "apps"],
      resources: ["pods"],
      verbs: ["get"],
    });
  });

  it("unquotes Go strings with escapes and raw strings verbatim", () => {
    assert.deepEqual(value('kubebuilder:validation:Pattern="^a\\\\.b\\u002f$"'), { "": "^a\\.b/$" });
    assert.deepEqual(value("kubebuilder:validation:Pattern=`^a\\.b$`"), { "": "^a\\.b$" });
  });

  it("guesses the type of any-typed values as controller-gen does", () => {
    assert.deepEqual(value("kubebuilder:default=1"), { "": 1 });
    assert.deepEqual(value("kubebuilder:default=1.5"), { "": 1.5 });
    assert.deepEqual(value("kubebuilder:default=true"), { "": true });
    assert.deepEqual(value("kubebuilder:default=down"), { "": "down" });
    assert.deepEqual(value("kubebuilder:default=100Mi"), { "": "100Mi" });
    assert.deepEqual(value("kubebuilder:default={a,b}"), { "": ["a", "b"] });
    assert.deepEqual(value("kubebuilder:default=a;b"), { "": ["a", "b"] });
    assert.deepEqual(value("kubebuilder:default={}"), { "": {} });
    assert.deepEqual(value('kubebuilder:default={policy: "delete", max: 3, nested: {on: true}}'), {
      "": { policy: "delete", max: 3, nested: { on: true } },
    });
    assert.deepEqual(value("kubebuilder:validation:Enum=True;False;Unknown"), { "": ["True", "False", "Unknown"] });
  });

  it("reads +default as JSON", () => {
    assert.deepEqual(value('default={"policy": "delete"}'), { "": { policy: "delete" } });
    assert.match(failure("default=delete"), /expected a JSON value/);
  });

  it("reports unknown markers with a suggestion, and malformed arguments", () => {
    const parsed = parseMarker("kubebuilder:validation:MaxLenght=3", markerRegistry);
    assert.deepEqual(parsed, {
      status: "unknown",
      name: "kubebuilder:validation:MaxLenght",
      suggestion: "kubebuilder:validation:MaxLength",
    });
    assert.match(failure("kubebuilder:validation:MaxLength=three"), /expected an integer, got "three"/);
    assert.match(
      failure("kubebuilder:printcolumn:name=A,name=B,type=string,JSONPath=.a"),
      /argument "name" given twice/,
    );
    assert.match(failure("kubebuilder:validation:Minimum"), /needs a value/);
  });
});

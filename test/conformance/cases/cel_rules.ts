/**
 * CEL validation rules on a CRD's schema: transition rules (self == oldSelf, optionalOldSelf),
 * messageExpression, reason and fieldPath, and rules on lists and maps. Each case installs its own
 * Widget CRD (widget_crd.ts).
 */
import type { ConformanceCase } from "../harness/case.js";
import { createsCase, type Schema, updatesCase } from "./widget_crd.js";

const immutableModeSchema: Schema = {
  type: "object",
  properties: {
    mode: { type: "string", "x-kubernetes-validations": [{ rule: "self == oldSelf", message: "mode is immutable" }] },
    size: { type: "integer" },
  },
};

const shapedErrorsSchema: Schema = {
  type: "object",
  properties: {
    replicas: { type: "integer" },
    max: { type: "integer" },
    owner: { type: "string", maxLength: 16 },
    team: { type: "string", maxLength: 16 },
  },
  "x-kubernetes-validations": [
    {
      rule: "self.replicas <= self.max",
      messageExpression: "self.replicas > 2 * self.max ? '  replicas far above max  ' : 'replicas above max'",
      reason: "FieldValueForbidden",
      fieldPath: ".replicas",
    },
    { rule: "has(self.owner)", message: "an owner is required", reason: "FieldValueRequired", fieldPath: ".owner" },
    { rule: "self.max < 100", reason: "FieldValueInvalid" },
    {
      rule: "!has(self.team) || self.team != 'root'",
      messageExpression: "'team ' + self.team + ' is reserved'",
      fieldPath: ".team",
    },
  ],
};

const collectionsSchema: Schema = {
  type: "object",
  properties: {
    names: {
      type: "array",
      maxItems: 8,
      items: { type: "string", maxLength: 16 },
      "x-kubernetes-validations": [
        { rule: "self.all(n, n.size() <= 5)", message: "every name must be at most 5 characters" },
        { rule: "size(self) == size(self.map(n, n.lowerAscii()))", message: "unused" },
        { rule: "self.exists(n, n == 'main')", message: "one name must be main" },
      ],
    },
    weights: {
      type: "object",
      maxProperties: 4,
      additionalProperties: { type: "integer" },
      "x-kubernetes-validations": [
        { rule: "self.all(k, k.startsWith('w-'))", message: "weight keys start with w-" },
        { rule: "size(self) <= 2", messageExpression: "size(self) > 3 ? 'far too many weights' : 'at most 2 weights'" },
      ],
    },
  },
};

const ratchetingSchema: Schema = {
  type: "object",
  properties: {
    level: {
      type: "integer",
      "x-kubernetes-validations": [
        {
          rule: "!oldSelf.hasValue() || self >= oldSelf.value()",
          optionalOldSelf: true,
          message: "level may not decrease",
        },
      ],
    },
    servers: {
      type: "array",
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["name"],
      items: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string" },
          port: {
            type: "integer",
            "x-kubernetes-validations": [{ rule: "self == oldSelf", message: "a server's port is immutable" }],
          },
        },
      },
    },
  },
};

export const celRuleCases: ConformanceCase[] = [
  updatesCase(
    "cel",
    "a self == oldSelf transition rule makes a field immutable on update only",
    immutableModeSchema,
    { mode: "fast", size: 1 },
    [
      { spec: { mode: "fast", size: 2 }, status: 200 },
      { spec: { mode: "slow", size: 2 }, status: 422 },
    ],
  ),
  createsCase("cel", "messageExpression, reason and fieldPath shape a failing rule's error", shapedErrorsSchema, [
    { spec: { replicas: 500, max: 200, team: "root" }, status: 422 },
    { spec: { replicas: 1, max: 3, owner: "me" }, status: 201 },
  ]),
  createsCase("cel", "rules on lists and maps with all(), exists() and size()", collectionsSchema, [
    // The list and the map in separate requests: kube-apiserver visits sibling fields in Go's random map order.
    { spec: { names: ["toolong", "x"] }, status: 422 },
    { spec: { weights: { a: 1, "w-b": 2, "w-c": 3 } }, status: 422 },
    { spec: { names: ["main", "x"], weights: { "w-a": 1 } }, status: 201 },
  ]),
  updatesCase(
    "cel",
    "optionalOldSelf rules run on create, and list-map items are compared with the item of the same key",
    ratchetingSchema,
    { level: 2, servers: [{ name: "a", port: 80 }] },
    [
      // One violation per update: kube-apiserver visits sibling fields in Go's random map order.
      { spec: { level: 1, servers: [{ name: "a", port: 80 }] }, status: 422 },
      { spec: { level: 2, servers: [{ name: "a", port: 81 }] }, status: 422 },
      {
        spec: {
          level: 3,
          servers: [
            { name: "b", port: 81 },
            { name: "a", port: 80 },
          ],
        },
        status: 200,
      },
    ],
  ),
];

import assert from "node:assert/strict";
import { test } from "node:test";
import { ConversionRegistry, conversionFor } from "uselessctl";
import * as v1alpha1 from "../v1alpha1/index.js";
import { convertMachineFromHub, convertMachineToHub, Machine, machineSpoke } from "./index.js";

const metadata = {
  name: "m",
  namespace: "ns",
  uid: "uid-m",
  generation: 3,
  labels: { team: "a" },
  annotations: { note: "kept" },
};
const status: v1alpha1.MachineStatus = {
  switches: 2,
  positions: "du",
  observedGeneration: 3,
  conditions: [
    {
      type: "Ready",
      status: "True",
      reason: "SwitchesReady",
      message: "every switch exists",
      lastTransitionTime: "2026-01-01T00:00:00Z",
      observedGeneration: 3,
    },
  ],
};
const hub: v1alpha1.Machine = {
  apiVersion: v1alpha1.Machine.apiVersion,
  kind: "Machine",
  metadata,
  spec: { switches: 2, switchPosition: "up" },
  status,
};
const spoke: Machine = {
  apiVersion: Machine.apiVersion,
  kind: "Machine",
  metadata,
  spec: { switchCount: 2, switchPosition: "up" },
  status,
};

test("v1alpha1 spec.switches is v1beta1 spec.switchCount; metadata, the other spec fields and status are copied", () => {
  assert.deepEqual(convertMachineFromHub(structuredClone(hub)), spoke);
  assert.deepEqual(convertMachineToHub(structuredClone(spoke)), hub);
});

test("a round trip through either version gives the object back: no field exists on one side only", () => {
  assert.deepEqual(convertMachineToHub(convertMachineFromHub(structuredClone(hub))), hub);
  assert.deepEqual(convertMachineFromHub(convertMachineToHub(structuredClone(spoke))), spoke);
});

test("an unset count stays unset (the CRD's default of each version fills it), never a key holding undefined", () => {
  const bare: v1alpha1.Machine = { apiVersion: v1alpha1.Machine.apiVersion, kind: "Machine", metadata, spec: {} };
  const converted = convertMachineFromHub(bare);
  assert.deepEqual(converted.spec, {});
  assert.equal("switchCount" in converted.spec, false);
  assert.equal("status" in converted, false);
  assert.deepEqual(convertMachineToHub(converted).spec, {});
});

test("the conversion does not change its input", () => {
  const input = structuredClone(spoke);
  convertMachineToHub(input);
  assert.deepEqual(input, spoke);
});

test("it is a spoke of the v1alpha1 hub: the same group and kind, another version", () => {
  const conversion = conversionFor(v1alpha1.Machine, [machineSpoke]);
  assert.equal(conversion.spokes.get("v1beta1"), machineSpoke);
  assert.doesNotThrow(() => new ConversionRegistry().register(conversion));
});

/**
 * events.k8s.io/v1 Events are stored as core/v1 Events (one store, as in kube-apiserver: what one
 * API records, the other lists): the field renames of pkg/apis/events/v1's conversion.
 */
import { emptyObjectOf } from "../../catalog/catalog.js";
import type { KubeObject } from "../../storage/types.js";
import { fillEmptyFields } from "../conversion.js";

/** events.k8s.io/v1 field names and their core/v1 counterparts. */
const eventFieldRenames: [string, string][] = [
  ["regarding", "involvedObject"],
  ["note", "message"],
  ["reportingController", "reportingComponent"],
  ["deprecatedSource", "source"],
  ["deprecatedFirstTimestamp", "firstTimestamp"],
  ["deprecatedLastTimestamp", "lastTimestamp"],
  ["deprecatedCount", "count"],
];

function renameFields(object: Record<string, unknown>, pairs: readonly [string, string][]): void {
  for (const [from, to] of pairs) {
    if (from in object) {
      object[to] = object[from];
      Reflect.deleteProperty(object, from);
    }
  }
}

export const eventsConversion = {
  toStorage(object: KubeObject): void {
    renameFields(object, eventFieldRenames);
    object.apiVersion = "v1";
    object.kind = "Event";
    fillEmptyFields(object, emptyObjectOf("core/v1.Event"));
  },
  fromStorage(object: KubeObject): KubeObject {
    const converted: KubeObject = { ...object, apiVersion: "events.k8s.io/v1", kind: "Event" };
    renameFields(
      converted,
      eventFieldRenames.map(([a, b]) => [b, a] as [string, string]),
    );
    // Empty strings that core/v1 always serializes and events.k8s.io/v1 omits.
    for (const field of ["reportingController", "reportingInstance"])
      if (converted[field] === "") Reflect.deleteProperty(converted, field);
    return converted;
  },
};

export function eventToCore(object: KubeObject): KubeObject {
  const converted = structuredClone(object);
  eventsConversion.toStorage(converted);
  return converted;
}

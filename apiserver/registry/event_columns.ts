/**
 * The Table columns of Events, as kube-apiserver's event printer fills them (server-side printing
 * is wide: the priority-1 columns come too). core/v1 and events.k8s.io/v1 Events are one internal
 * type there; each version names the printed fields its own way.
 */
import type { KubeObject } from "../storage/types.js";
import { age, column, nameColumn } from "./printing.js";
import type { PrinterColumn } from "./resource_type.js";

/** Where each printed field lives in one API version of Event. */
interface EventFields {
  firstTimestamp: string;
  lastTimestamp: string;
  count: string;
  source: string;
  involvedObject: string;
  message: string;
  reportingController: string;
}

const coreFields: EventFields = {
  firstTimestamp: "firstTimestamp",
  lastTimestamp: "lastTimestamp",
  count: "count",
  source: "source",
  involvedObject: "involvedObject",
  message: "message",
  reportingController: "reportingComponent",
};

const eventsV1Fields: EventFields = {
  firstTimestamp: "deprecatedFirstTimestamp",
  lastTimestamp: "deprecatedLastTimestamp",
  count: "deprecatedCount",
  source: "deprecatedSource",
  involvedObject: "regarding",
  message: "note",
  reportingController: "reportingController",
};

// The descriptions are core/v1 Event's swagger docs, which the printer uses for both versions.
const descriptions = {
  lastTimestamp: "The time at which the most recent occurrence of this event was recorded.",
  type: "Type of this event (Normal, Warning), new types could be added in the future",
  reason:
    "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
  involvedObject: "The object that this event is about.",
  fieldPath:
    'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
  source: "The component reporting this event. Should be a short machine understandable string.",
  message: "A human-readable description of the status of this operation.",
  firstTimestamp: "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)",
  count: "The number of times this event has occurred.",
};

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function firstSeen(event: KubeObject, fields: EventFields, now: Date): string {
  return age(text(event[fields.firstTimestamp]) || text(event.eventTime) || undefined, now);
}

/** Last seen and count: a series overrides both, and a singleton event counts once. */
function lastSeenAndCount(event: KubeObject, fields: EventFields, now: Date): [string, number] {
  const series = event.series === undefined || event.series === null ? undefined : record(event.series);
  if (series) return [age(text(series.lastObservedTime) || undefined, now), Number(series.count ?? 0)];
  const last = text(event[fields.lastTimestamp]);
  const count = Number(event[fields.count] ?? 0);
  return [last ? age(last, now) : firstSeen(event, fields, now), count === 0 ? 1 : count];
}

function eventColumns(fields: EventFields): PrinterColumn[] {
  const involved = (event: KubeObject): Record<string, unknown> => record(event[fields.involvedObject]);
  return [
    column("Last Seen", descriptions.lastTimestamp, (event, now) => lastSeenAndCount(event, fields, now)[0]),
    column("Type", descriptions.type, (event) => text(event.type)),
    column("Reason", descriptions.reason, (event) => text(event.reason)),
    column("Object", descriptions.involvedObject, (event) => {
      const kind = text(involved(event).kind).toLowerCase();
      const name = text(involved(event).name);
      return name ? `${kind}/${name}` : kind;
    }),
    column("Subobject", descriptions.fieldPath, (event) => text(involved(event).fieldPath), { priority: 1 }),
    column(
      "Source",
      descriptions.source,
      (event) => {
        const source = record(event[fields.source]);
        const component = text(source.component) || text(event[fields.reportingController]);
        const instance = text(source.host) || text(event.reportingInstance);
        return instance ? `${component}, ${instance}` : component;
      },
      { priority: 1 },
    ),
    column("Message", descriptions.message, (event) => text(event[fields.message]).trim()),
    column("First Seen", descriptions.firstTimestamp, (event, now) => firstSeen(event, fields, now), { priority: 1 }),
    column("Count", descriptions.count, (event, now) => lastSeenAndCount(event, fields, now)[1], { priority: 1 }),
    { ...nameColumn, priority: 1 },
  ];
}

export const coreEventColumns = eventColumns(coreFields);
export const eventsV1Columns = eventColumns(eventsV1Fields);

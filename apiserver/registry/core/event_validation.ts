/**
 * Event validation (pkg/apis/core/validation/events.go), on the stored core/v1 form of an Event
 * (events.k8s.io/v1 Events are converted first): the legacy rules every Event passes, and the
 * strict ones of the events.k8s.io/v1 API. Field paths are core/v1's, as kube-apiserver reports them.
 */
import { qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { jsonEqual } from "../conversion.js";
import type { KubeObject } from "../../storage/types.js";

const reportingInstanceLengthLimit = 128;
const actionLengthLimit = 128;
const reasonLengthLimit = 128;
const noteLengthLimit = 1024;

interface CoreEvent {
  metadata: { namespace?: string };
  involvedObject?: { namespace?: string } | null;
  eventTime?: string | null;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  count?: number | null;
  source?: { component?: string; host?: string } | null;
  series?: { count?: number; lastObservedTime?: string | null } | null;
  reportingComponent?: string;
  reportingInstance?: string;
  action?: string;
  reason?: string;
  message?: string;
  type?: string;
}

const length = (value: string | undefined): number => Buffer.byteLength(value ?? "");

/** legacyValidateEvent: `strict` names the reporting controller as events.k8s.io/v1 does. */
function legacyErrors(event: CoreEvent, strict: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const namespace = event.metadata.namespace ?? "";
  const involvedNamespace = event.involvedObject?.namespace ?? "";
  const mismatch = fieldErrors.invalid("involvedObject.namespace", involvedNamespace, "does not match event.namespace");
  if (!event.eventTime) {
    if (involvedNamespace === "" ? namespace !== "" && namespace !== "default" : namespace !== involvedNamespace)
      errors.push(mismatch);
    return errors;
  }
  if (involvedNamespace === "" && namespace !== "default" && namespace !== "kube-system") errors.push(mismatch);
  const controllerField = strict ? "reportingController" : "reportingComponent";
  const controller = event.reportingComponent ?? "";
  if (!controller) errors.push(fieldErrors.required(controllerField));
  for (const message of qualifiedNameErrors(controller))
    errors.push(fieldErrors.invalid(controllerField, controller, message));
  if (!event.reportingInstance) errors.push(fieldErrors.required("reportingInstance"));
  if (length(event.reportingInstance) > reportingInstanceLengthLimit)
    errors.push(
      fieldErrors.invalid("reportingInstance", "", `can have at most ${reportingInstanceLengthLimit} characters`),
    );
  if (!event.action) errors.push(fieldErrors.required("action"));
  if (length(event.action) > actionLengthLimit)
    errors.push(fieldErrors.invalid("action", "", `can have at most ${actionLengthLimit} characters`));
  if (!event.reason) errors.push(fieldErrors.required("reason"));
  if (length(event.reason) > reasonLengthLimit)
    errors.push(fieldErrors.invalid("reason", "", `can have at most ${reasonLengthLimit} characters`));
  if (length(event.message) > noteLengthLimit)
    errors.push(fieldErrors.invalid("message", "", `can have at most ${noteLengthLimit} characters`));
  return errors;
}

function seriesErrors(event: CoreEvent): FieldError[] {
  if (!event.series) return [];
  const errors: FieldError[] = [];
  if ((event.series.count ?? 0) < 2) errors.push(fieldErrors.invalid("series.count", "", "should be at least 2"));
  if (!event.series.lastObservedTime) errors.push(fieldErrors.required("series.lastObservedTime"));
  return errors;
}

/** ValidateEventCreate; `strict` for a create through events.k8s.io/v1. */
export function validateEventCreate(object: KubeObject, strict: boolean): FieldError[] {
  const event = object as unknown as CoreEvent;
  const errors = legacyErrors(event, strict);
  if (!strict) return errors;
  errors.push(...seriesErrors(event));
  if (!event.eventTime) errors.push(fieldErrors.required("eventTime"));
  if (event.type !== "Normal" && event.type !== "Warning")
    errors.push(fieldErrors.invalid("type", "", `has invalid value: ${event.type ?? ""}`));
  if (event.firstTimestamp) errors.push(fieldErrors.invalid("firstTimestamp", "", "needs to be unset"));
  if (event.lastTimestamp) errors.push(fieldErrors.invalid("lastTimestamp", "", "needs to be unset"));
  if (event.count) errors.push(fieldErrors.invalid("count", "", "needs to be unset"));
  if (event.source?.component || event.source?.host)
    errors.push(fieldErrors.invalid("source", "", "needs to be unset"));
  return errors;
}

/** The fields an events.k8s.io/v1 update may not change, in ValidateEventUpdate's order. */
const immutableFields = [
  "involvedObject",
  "reason",
  "message",
  "source",
  "firstTimestamp",
  "lastTimestamp",
  "count",
  "reason",
  "type",
  "eventTime",
  "action",
  "related",
  "reportingComponent",
  "reportingInstance",
] as const;

/** ValidateEventUpdate; `strict` for an update through events.k8s.io/v1. */
export function validateEventUpdate(object: KubeObject, old: KubeObject, strict: boolean): FieldError[] {
  const errors = legacyErrors(object as unknown as CoreEvent, strict);
  if (!strict) return errors;
  if (!jsonEqual(object.series ?? null, old.series ?? null))
    errors.push(...seriesErrors(object as unknown as CoreEvent));
  for (const field of immutableFields) {
    if (jsonEqual(object[field] ?? null, old[field] ?? null)) continue;
    const path = field === "reportingComponent" ? "reportingController" : field;
    errors.push(fieldErrors.invalid(path, object[field], "field is immutable"));
  }
  return errors;
}

/**
 * Server-side printing helpers: column definitions, HumanDuration ages and the simple JSONPath
 * that CRD additionalPrinterColumns use.
 */
import type { LabelSelector } from "../../apimachinery/index.js";
import type { KubeObject } from "../storage/types.js";
import { labelSelectorAsSelector } from "../validation/label_selector.js";
import type { PrinterColumn } from "./resource_type.js";

export const nameDescription =
  "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
export const creationTimestampDescription =
  "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration. */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.trunc(milliseconds / 1000);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8)
    return hours % 24 === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 365 * 8)
    return days % 365 === 0 ? `${Math.trunc(days / 365)}y` : `${Math.trunc(days / 365)}y${days % 365}d`;
  return `${Math.trunc(days / 365)}y`;
}

/** The `age` of MetaToTableRow: `<unknown>` without a timestamp. */
export function age(timestamp: string | undefined, now: Date): string {
  if (!timestamp) return "<unknown>";
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) return "<invalid>";
  return humanDuration(now.getTime() - time);
}

export const nameColumn: PrinterColumn = {
  name: "Name",
  type: "string",
  format: "name",
  description: nameDescription,
  priority: 0,
  cell: (object) => object.metadata.name ?? "",
};

export const ageColumn: PrinterColumn = {
  name: "Age",
  type: "string",
  format: "",
  description: creationTimestampDescription,
  priority: 0,
  cell: (object, now) => age(object.metadata.creationTimestamp, now),
};

/** The "Created At" column (a date: the creation timestamp itself, as kubectl turns it into an age). */
export const createdAtColumn: PrinterColumn = {
  name: "Created At",
  type: "date",
  format: "",
  description: creationTimestampDescription,
  priority: 0,
  cell: (object) => object.metadata.creationTimestamp ?? null,
};

/** A column computed by a function, for built-in kinds. */
export function column(
  name: string,
  description: string,
  cell: PrinterColumn["cell"],
  options: Partial<PrinterColumn> = {},
): PrinterColumn {
  return { name, type: "string", format: "", description, priority: 0, cell, ...options };
}

type PathStep = { field: string } | { index: number } | { wildcard: true };

/**
 * Parses the simple JSONPath CRD columns allow (`.spec.position`, `.status.conditions[0].type`,
 * `.metadata.labels.app\.kubernetes\.io/name`).
 */
export function parseSimpleJsonPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  const text = path.trim().replace(/^\{/, "").replace(/\}$/, "").replace(/^\$/, "");
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === ".") {
      index++;
      let field = "";
      while (index < text.length && text[index] !== "." && text[index] !== "[") {
        if (text[index] === "\\" && index + 1 < text.length) index++;
        field += text[index];
        index++;
      }
      if (field) steps.push({ field });
    } else if (char === "[") {
      const end = text.indexOf("]", index);
      if (end < 0) throw new Error(`unclosed [ in ${path}`);
      const inner = text.slice(index + 1, end).trim();
      if (inner === "*") steps.push({ wildcard: true });
      else if (/^-?\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else steps.push({ field: inner.replace(/^['"]|['"]$/g, "") });
      index = end + 1;
    } else {
      throw new Error(`unexpected ${char} in ${path}`);
    }
  }
  return steps;
}

/** The first value the path finds, or undefined. */
export function evaluateSimpleJsonPath(object: unknown, steps: readonly PathStep[]): unknown {
  let current: unknown = object;
  for (const step of steps) {
    if (current === null || current === undefined) return undefined;
    if ("field" in step) {
      if (typeof current !== "object" || Array.isArray(current)) return undefined;
      current = (current as Record<string, unknown>)[step.field];
    } else if ("index" in step) {
      if (!Array.isArray(current)) return undefined;
      current = current[step.index < 0 ? current.length + step.index : step.index];
    } else {
      if (!Array.isArray(current)) return undefined;
      current = current[0];
    }
  }
  return current;
}

/** Formats a value as the jsonpath printer does for string columns. */
export function printJsonPathValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** A cell of a CRD column of `type` (apiextensions tableconvertor cellForJSONValue). */
export function cellForJsonValue(type: string, value: unknown, now: Date): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "string":
      return printJsonPathValue(value);
    case "integer":
      return typeof value === "number" ? Math.trunc(value) : null;
    case "number":
      return typeof value === "number" ? value : null;
    case "boolean":
      return typeof value === "boolean" ? value : null;
    case "date":
      return typeof value === "string" ? (Number.isNaN(Date.parse(value)) ? "<invalid>" : age(value, now)) : null;
    default:
      return null;
  }
}

/** Builds a Table row object holding only metadata, as includeObject=Metadata asks. */
export function partialObjectMetadata(object: KubeObject): KubeObject {
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: object.metadata };
}

/** labels.FormatLabels: `key=value` pairs sorted by key, `<none>` when there are none. */
export function formatLabels(labels: Readonly<Record<string, unknown>> | null | undefined): string {
  const pairs = Object.keys(labels ?? {})
    .sort()
    .map((key) => `${key}=${String(labels?.[key])}`);
  return pairs.length ? pairs.join(",") : "<none>";
}

/** metav1.FormatLabelSelector: the selector's string form, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  const converted = labelSelectorAsSelector(selector);
  if (converted === undefined) return "<error>";
  const text = converted === "nothing" ? "" : converted.toString();
  return text || "<none>";
}

/**
 * meta.k8s.io/v1 Table responses: the resource type's columns (Name + printer columns, or
 * Name + Created At by default) over one object or a list.
 */
import type { PrinterColumn, ResourceType } from "../registry/resource_type.js";
import { nameColumn, partialObjectMetadata } from "../registry/printing.js";
import type { KubeObject } from "../storage/types.js";

const defaultColumns: PrinterColumn[] = [
  nameColumn,
  {
    name: "Created At",
    type: "date",
    format: "",
    description:
      "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
    priority: 0,
    cell: (object) => object.metadata.creationTimestamp ?? null,
  },
];

export interface TableOptions {
  includeObject: "None" | "Metadata" | "Object";
  noHeaders: boolean;
}

export function columnsOf(type: ResourceType): PrinterColumn[] {
  return type.strategy.columns ?? defaultColumns;
}

export function toTable(
  type: ResourceType,
  objects: readonly KubeObject[],
  list:
    | { resourceVersion: string; continueToken?: string | undefined; remainingItemCount?: number | undefined }
    | undefined,
  options: TableOptions,
  now: Date,
): Record<string, unknown> {
  const columns = columnsOf(type);
  const table: Record<string, unknown> = { kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: {} };
  const metadata = table.metadata as Record<string, unknown>;
  if (list) {
    metadata.resourceVersion = list.resourceVersion;
    if (list.continueToken) metadata.continue = list.continueToken;
    if (list.remainingItemCount !== undefined) metadata.remainingItemCount = list.remainingItemCount;
  } else if (objects[0]) {
    metadata.resourceVersion = objects[0].metadata.resourceVersion;
  }
  if (!options.noHeaders) {
    table.columnDefinitions = columns.map(({ name, type: columnType, format, description, priority }) => ({
      name,
      type: columnType,
      format,
      description,
      priority,
    }));
  }
  table.rows = objects.map((object) => {
    const row: Record<string, unknown> = { cells: columns.map((column) => column.cell(object, now) ?? null) };
    if (options.includeObject === "Metadata") {
      const metadata = type.strategy.internalMetadata?.(object) ?? object.metadata;
      row.object = partialObjectMetadata({ ...object, metadata });
    } else if (options.includeObject === "Object") row.object = object;
    else row.object = null; // an empty RawExtension, which encodes as null
    return row;
  });
  return table;
}

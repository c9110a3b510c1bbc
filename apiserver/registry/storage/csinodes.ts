/**
 * storage.k8s.io/v1 CSINodes (pkg/registry/storage/csinode): each driver's name, node ID,
 * allocatable count and topology keys checked; a driver may change only its allocatable count.
 */
import { qualifiedNameErrors } from "../../../apimachinery/index.js";
import { goJsonMarshal } from "../../errors/go_format.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";
import { csiDriverNameErrors } from "./storage_names.js";

interface Driver {
  name?: string;
  nodeID?: string;
  topologyKeys?: string[] | null;
  allocatable?: { count?: number | null } | null;
}

function driversOf(object: KubeObject): Driver[] {
  const drivers = (object.spec as { drivers?: (Driver | null)[] | null } | null | undefined)?.drivers;
  return Array.isArray(drivers) ? drivers.map((driver) => driver ?? {}) : [];
}

const maxNodeIDLength = 256;

function driverErrors(driver: Driver, path: string, seen: Set<string>): FieldError[] {
  const name = driver.name ?? "";
  const nodeID = driver.nodeID ?? "";
  const errors = csiDriverNameErrors(name, `${path}.name`);
  if (!nodeID) errors.push(fieldErrors.required(`${path}.nodeID`));
  if (nodeID.length > maxNodeIDLength)
    errors.push(fieldErrors.invalid(`${path}.nodeID`, nodeID, `must be ${maxNodeIDLength} characters or less`));
  const count = driver.allocatable?.count;
  if (typeof count === "number" && count < 0)
    errors.push(fieldErrors.invalid(`${path}.allocatable.count`, count, "must be greater than or equal to 0"));
  if (seen.has(name)) errors.push(fieldErrors.duplicate(`${path}.name`, name));
  seen.add(name);
  const keys = new Set<string>();
  for (const key of driver.topologyKeys ?? []) {
    if (!key) errors.push(fieldErrors.required(path));
    if (keys.has(key)) errors.push(fieldErrors.duplicate(path, key));
    keys.add(key);
    for (const message of qualifiedNameErrors(key)) errors.push(fieldErrors.invalid(path, key, message));
  }
  return errors;
}

/** A driver as Go's field.Invalid prints the internal storage.CSINodeDriver (no json tags), allocatable left out. */
function renderDriver(driver: Driver): string {
  return goJsonMarshal(
    {
      Name: driver.name ?? "",
      NodeID: driver.nodeID ?? "",
      TopologyKeys: driver.topologyKeys ?? null,
      Allocatable: null,
    },
    true,
  );
}

function validate(object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const seen = new Set<string>();
  const drivers = driversOf(object);
  const errors = drivers.flatMap((driver, index) => driverErrors(driver, `spec.drivers[${index}]`, seen));
  if (!old) return errors;
  // ValidateCSINodeUpdate: a driver kept by name keeps everything but its allocatable count.
  for (const oldDriver of driversOf(old))
    for (const driver of drivers) {
      if (oldDriver.name !== driver.name) continue;
      if (renderDriver(driver) !== renderDriver(oldDriver))
        errors.push(fieldErrors.invalidRendered("spec.drivers", renderDriver(driver), "field is immutable"));
    }
  return errors;
}

export const csiNodeStrategy: ResourceStrategy = {
  allowUnconditionalUpdate: false,
  normalize(object) {
    // topologyKeys has no omitempty: a driver that names none serializes it as null, as Go does.
    for (const driver of driversOf(object)) driver.topologyKeys ??= null;
    return [];
  },
  validate,
  prepareForCreate(object) {
    object.status = {};
  },
  prepareForUpdate(object, old, subresource) {
    if (subresource === "status") object.spec = old.spec;
    else object.status = old.status;
  },
  columns: [
    nameColumn,
    column("Drivers", columnDescriptions.CSINode.Drivers, (o) => driversOf(o).length, { type: "integer" }),
    ageColumn,
  ],
};

/**
 * storage.k8s.io/v1 CSIDrivers (pkg/registry/storage/csidriver): the spec defaults of
 * SetDefaults_CSIDriver (with the SELinuxMountReadWriteOncePod and VolumeLimitScaling gates on,
 * as in v1.37), spec validation, attachRequired and volumeLifecycleModes fixed once created.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";
import { differs } from "./storage_names.js";

interface CSIDriverSpec {
  attachRequired?: boolean | null;
  podInfoOnMount?: boolean | null;
  storageCapacity?: boolean | null;
  fsGroupPolicy?: string | null;
  volumeLifecycleModes?: string[] | null;
  requiresRepublish?: boolean | null;
  seLinuxMount?: boolean | null;
  preventPodSchedulingIfMissing?: boolean | null;
  tokenRequests?: { audience?: string; expirationSeconds?: number | null }[] | null;
  nodeAllocatableUpdatePeriodSeconds?: number | null;
  serviceAccountTokenInSecrets?: boolean | null;
}

function specOf(object: KubeObject): CSIDriverSpec {
  const spec = object.spec;
  return spec !== null && typeof spec === "object" ? (spec as CSIDriverSpec) : {};
}

function defaultCSIDriver(object: KubeObject): string[] {
  const spec = specOf(object);
  spec.attachRequired ??= true;
  spec.podInfoOnMount ??= false;
  spec.storageCapacity ??= false;
  spec.fsGroupPolicy ??= "ReadWriteOnceWithFSType";
  if (!spec.volumeLifecycleModes?.length) spec.volumeLifecycleModes = ["Persistent"];
  spec.requiresRepublish ??= false;
  spec.seLinuxMount ??= false;
  spec.preventPodSchedulingIfMissing ??= false;
  object.spec = spec;
  return [];
}

const fsGroupPolicies = ["File", "None", "ReadWriteOnceWithFSType"];
const lifecycleModes = ["Persistent", "Ephemeral"];
const minTokenSeconds = 600;
const maxTokenSeconds = 2 ** 32;

function tokenRequestErrors(spec: CSIDriverSpec): FieldError[] {
  const errors: FieldError[] = [];
  const audiences = new Set<string>();
  (spec.tokenRequests ?? []).forEach((request, index) => {
    const path = `spec.tokenRequests[${index}]`;
    const audience = request?.audience ?? "";
    if (audiences.has(audience)) {
      errors.push(fieldErrors.duplicate(`${path}.audience`, audience));
      return;
    }
    audiences.add(audience);
    const seconds = request?.expirationSeconds;
    if (typeof seconds !== "number") return;
    if (seconds < minTokenSeconds)
      errors.push(
        fieldErrors.invalid(`${path}.expirationSeconds`, seconds, "may not specify a duration less than 10 minutes"),
      );
    if (seconds > maxTokenSeconds)
      errors.push(
        fieldErrors.invalid(
          `${path}.expirationSeconds`,
          seconds,
          "may not specify a duration larger than 2^32 seconds",
        ),
      );
  });
  return errors;
}

/** validateCSIDriverSpec (the required pointers are always set by the defaults). */
function validateSpec(spec: CSIDriverSpec): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof spec.fsGroupPolicy === "string" && !fsGroupPolicies.includes(spec.fsGroupPolicy))
    errors.push(fieldErrors.notSupported("spec.fsGroupPolicy", spec.fsGroupPolicy, fsGroupPolicies));
  errors.push(...tokenRequestErrors(spec));
  for (const mode of spec.volumeLifecycleModes ?? [])
    if (!lifecycleModes.includes(mode))
      errors.push(fieldErrors.notSupported("spec.volumeLifecycleModes", mode, lifecycleModes));
  const period = spec.nodeAllocatableUpdatePeriodSeconds;
  if (typeof period === "number" && period < 10)
    errors.push(
      fieldErrors.invalid(
        "spec.nodeAllocatableUpdatePeriodSeconds",
        period,
        "must be greater than or equal to 10 seconds",
      ),
    );
  if (typeof spec.serviceAccountTokenInSecrets === "boolean" && !spec.tokenRequests?.length)
    errors.push(
      fieldErrors.invalid(
        "spec.serviceAccountTokenInSecrets",
        spec.serviceAccountTokenInSecrets,
        "serviceAccountTokenInSecrets is set but no tokenRequests are specified",
      ),
    );
  return errors;
}

/** ValidateCSIDriverUpdate; its path for attachRequired is spelled `attachedRequired`, as in kube-apiserver. */
function validateUpdate(spec: CSIDriverSpec, old: CSIDriverSpec): FieldError[] {
  const errors = validateSpec(spec);
  if (spec.attachRequired !== old.attachRequired)
    errors.push(fieldErrors.invalid("spec.attachedRequired", spec.attachRequired ?? null, "field is immutable"));
  if (differs(spec.volumeLifecycleModes, old.volumeLifecycleModes))
    errors.push(
      fieldErrors.invalid("spec.volumeLifecycleModes", spec.volumeLifecycleModes ?? null, "field is immutable"),
    );
  return errors;
}

const tokenSecretsWarning =
  "spec.serviceAccountTokenInSecrets is unset; if supported by this CSI driver, set to true to prevent possible logging of tokens in volume attributes";

/** WarningsOnCreate / WarningsOnUpdate: token requests (new or changed) without serviceAccountTokenInSecrets. */
function tokenSecretsWarnings(spec: CSIDriverSpec, old: CSIDriverSpec | undefined): string[] {
  if (!spec.tokenRequests?.length || typeof spec.serviceAccountTokenInSecrets === "boolean") return [];
  if (old && !differs(spec.tokenRequests, old.tokenRequests)) return [];
  return [tokenSecretsWarning];
}

const descriptions = columnDescriptions.CSIDriver;
const booleanColumn = { type: "boolean" };

export const csiDriverStrategy: ResourceStrategy = {
  allowUnconditionalUpdate: false,
  normalize: defaultCSIDriver,
  validate(object, old, context) {
    const errors = old ? validateUpdate(specOf(object), specOf(old)) : validateSpec(specOf(object));
    if (errors.length === 0) context?.warnings?.push(...tokenSecretsWarnings(specOf(object), old && specOf(old)));
    return errors;
  },
  columns: [
    nameColumn,
    column("AttachRequired", descriptions.AttachRequired, (o) => specOf(o).attachRequired ?? true, booleanColumn),
    column("PodInfoOnMount", descriptions.PodInfoOnMount, (o) => specOf(o).podInfoOnMount ?? false, booleanColumn),
    column("StorageCapacity", descriptions.StorageCapacity, (o) => specOf(o).storageCapacity ?? false, booleanColumn),
    column("TokenRequests", descriptions.TokenRequests, (o) => {
      const requests = specOf(o).tokenRequests;
      return requests ? requests.map((request) => request?.audience ?? "").join(",") : "<unset>";
    }),
    column(
      "RequiresRepublish",
      descriptions.RequiresRepublish,
      (o) => specOf(o).requiresRepublish ?? false,
      booleanColumn,
    ),
    column("Modes", descriptions.Modes, (o) => (specOf(o).volumeLifecycleModes ?? []).join(",") || "<none>"),
    ageColumn,
  ],
};

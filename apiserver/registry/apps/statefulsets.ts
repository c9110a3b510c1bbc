/**
 * apps/v1 StatefulSets: SetDefaults_StatefulSet, ValidateStatefulSet(Update) (names are DNS
 * labels; selector, serviceName, podManagementPolicy and volumeClaimTemplates immutable) and the
 * status update rules, and printStatefulSet's columns.
 */
import type { IntOrString, LabelSelector } from "../../../apimachinery/index.js";
import { dns1123LabelErrors } from "../../../apimachinery/index.js";
import { goJsonMarshal } from "../../errors/go_format.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { semanticallyEqual, validateImmutableField } from "../../validation/immutable.js";
import {
  intOrPercentValue,
  validateNonnegative,
  validateNonnegativeFields,
  validateNotMoreThan100Percent,
  validatePositiveIntOrPercent,
} from "../../validation/int_or_string.js";
import { renderLabelSelector, validateLabels } from "../../validation/label_selector.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import {
  defaultTemplateOf,
  specOf,
  specTemplate,
  statusOf,
  templateContainerColumns,
  templateErrors,
  validateCollisionCount,
  validateNotGreater,
  validateRequiredSelector,
  validateRestartAlways,
  type PodTemplate,
} from "./pod_template_workload.js";
import { validateSelectorMatchesTemplate } from "../../validation/label_selector.js";

interface RollingUpdate {
  partition?: number | null;
  maxUnavailable?: IntOrString | null;
}

interface VolumeClaimTemplate {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
  spec?: { volumeMode?: string | null };
  status?: { phase?: string };
}

interface StatefulSetSpec {
  replicas?: number;
  selector?: LabelSelector | null;
  template?: PodTemplate;
  volumeClaimTemplates?: VolumeClaimTemplate[] | null;
  serviceName?: string;
  podManagementPolicy?: string;
  updateStrategy?: { type?: string; rollingUpdate?: RollingUpdate | null };
  revisionHistoryLimit?: number | null;
  minReadySeconds?: number;
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string } | null;
  ordinals?: { start?: number } | null;
}

/** SetDefaults_StatefulSet (MaxUnavailableStatefulSet is on by default in v1.37). */
export function defaultStatefulSet(object: KubeObject): void {
  const spec = specOf<StatefulSetSpec>(object);
  defaultTemplateOf(spec);
  spec.podManagementPolicy ||= "OrderedReady";
  const strategy = (spec.updateStrategy ??= {});
  if (!strategy.type) {
    strategy.type = "RollingUpdate";
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === "RollingUpdate" && strategy.rollingUpdate) {
    strategy.rollingUpdate.partition ??= 0;
    strategy.rollingUpdate.maxUnavailable ??= 1;
  }
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  retention.whenDeleted ||= "Retain";
  retention.whenScaled ||= "Retain";
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  for (const claim of spec.volumeClaimTemplates ?? []) defaultClaimTemplate(claim);
}

/**
 * A volume claim template as the apps/v1 conversion and the PersistentVolumeClaim defaults leave
 * it: typed as a core/v1 PersistentVolumeClaim, Filesystem mode, Pending.
 */
function defaultClaimTemplate(claim: VolumeClaimTemplate): void {
  claim.apiVersion = "v1";
  claim.kind = "PersistentVolumeClaim";
  const spec = (claim.spec ??= {});
  spec.volumeMode ??= "Filesystem";
  const status = (claim.status ??= {});
  status.phase ||= "Pending";
}

/** The internal RollingUpdateStatefulSetStrategy as json.Marshal prints it. */
function renderRollingUpdate(rollingUpdate: RollingUpdate): string {
  return goJsonMarshal(
    { Partition: rollingUpdate.partition ?? 0, MaxUnavailable: rollingUpdate.maxUnavailable ?? null },
    true,
  );
}

function validateUpdateStrategy(strategy: StatefulSetSpec["updateStrategy"]): FieldError[] {
  const path = "spec.updateStrategy";
  const rollingUpdate = strategy?.rollingUpdate;
  switch (strategy?.type ?? "") {
    case "":
      return [fieldErrors.required(path)];
    case "OnDelete":
      return rollingUpdate
        ? [
            fieldErrors.invalidRendered(
              `${path}.rollingUpdate`,
              renderRollingUpdate(rollingUpdate),
              "only allowed for updateStrategy 'RollingUpdate'",
            ),
          ]
        : [];
    case "RollingUpdate": {
      if (!rollingUpdate) return [];
      const at = `${path}.rollingUpdate`;
      const errors = validateNonnegative(rollingUpdate.partition ?? 0, `${at}.partition`);
      const maxUnavailable = rollingUpdate.maxUnavailable;
      if (maxUnavailable != null) {
        errors.push(...validatePositiveIntOrPercent(maxUnavailable, `${at}.maxUnavailable`));
        if (intOrPercentValue(maxUnavailable) === 0)
          errors.push(fieldErrors.invalid(`${at}.maxUnavailable`, maxUnavailable, "cannot be 0"));
        errors.push(...validateNotMoreThan100Percent(maxUnavailable, `${at}.maxUnavailable`));
      }
      return errors;
    }
    default:
      return [
        fieldErrors.invalidRendered(
          path,
          goJsonMarshal(
            {
              Type: strategy?.type,
              RollingUpdate: rollingUpdate ? JSON.parse(renderRollingUpdate(rollingUpdate)) : null,
            },
            true,
          ),
          "must be 'RollingUpdate' or 'OnDelete'",
        ),
      ];
  }
}

/**
 * The template as ValidateStatefulSetSpec validates it: hostname and subdomain are the
 * controller's, and each volume claim template is a volume the containers may mount.
 */
function templateToValidate(spec: StatefulSetSpec): PodTemplate {
  const template = structuredClone(spec.template ?? {});
  const podSpec = (template.spec ??= {});
  delete podSpec.subdomain;
  delete podSpec.hostname;
  const claims = spec.volumeClaimTemplates ?? [];
  if (claims.length) {
    const names = new Set(claims.map((claim) => claim.metadata?.name ?? ""));
    const volumes = [...names].map((name) => ({ name, persistentVolumeClaim: { claimName: name } }));
    const own = ((podSpec.volumes ?? []) as { name?: string }[]).filter((volume) => !names.has(volume.name ?? ""));
    podSpec.volumes = [...volumes, ...own];
  }
  return template;
}

/** ValidateStatefulSetSpec; `skipTemplate` when the stored spec is already invalid (updates tolerate it). */
function validateStatefulSetSpec(spec: StatefulSetSpec, skipTemplate: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const policy = spec.podManagementPolicy ?? "";
  if (policy === "") errors.push(fieldErrors.required("spec.podManagementPolicy"));
  else if (policy !== "OrderedReady" && policy !== "Parallel")
    errors.push(fieldErrors.invalid("spec.podManagementPolicy", policy, "must be 'OrderedReady' or 'Parallel'"));
  errors.push(...validateUpdateStrategy(spec.updateStrategy));
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention)
    for (const field of ["whenDeleted", "whenScaled"] as const) {
      const value = retention[field] ?? "";
      if (value !== "Retain" && value !== "Delete")
        errors.push(
          fieldErrors.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${field}`, value, ["Retain", "Delete"]),
        );
    }
  errors.push(...validateNonnegative(spec.replicas, "spec.replicas"));
  errors.push(...validateNonnegative(spec.minReadySeconds, "spec.minReadySeconds"));
  if (spec.ordinals) errors.push(...validateNonnegative(spec.ordinals.start ?? 0, "spec.ordinals.start"));
  if (spec.serviceName)
    for (const message of dns1123LabelErrors(spec.serviceName))
      errors.push(fieldErrors.invalid("spec.serviceName", spec.serviceName, message));
  errors.push(
    ...validateRequiredSelector(spec.selector, {
      kindWord: "statefulset",
      conversionMessage: "",
      checkTemplate: (selector) => {
        const template = templateToValidate(spec);
        return [
          ...validateSelectorMatchesTemplate(selector, template.metadata?.labels, "spec.template"),
          ...(skipTemplate ? [] : templateErrors(template, "spec.template")),
          ...validateLabels(template.metadata?.labels, "spec.template.labels"),
        ];
      },
    }),
  );
  errors.push(...validateRestartAlways(spec.template, "StatefulSet"));
  return errors;
}

/** ValidateStatefulSetStatus. */
function validateStatefulSetStatus(status: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = validateNonnegativeFields(
    status,
    [
      "replicas",
      "readyReplicas",
      "currentReplicas",
      "updatedReplicas",
      "availableReplicas",
      "observedGeneration",
      "collisionCount",
    ],
    "status",
  );
  errors.push(
    ...validateNotGreater(status, [
      ["readyReplicas", "replicas"],
      ["currentReplicas", "replicas"],
      ["updatedReplicas", "replicas"],
      ["availableReplicas", "replicas"],
      ["availableReplicas", "readyReplicas"],
    ]),
  );
  return errors;
}

export const statefulSetStrategy: ResourceStrategy = {
  nameRule: "dns1123Label",
  normalize(object) {
    defaultStatefulSet(object);
    return [];
  },
  validate(object, old, context) {
    if (context?.subresource === "status") {
      const errors = validateStatefulSetStatus(statusOf(object));
      if (old) errors.push(...validateCollisionCount(object, old));
      return errors;
    }
    const spec = specOf<StatefulSetSpec>(object);
    if (!old) {
      if ((spec.revisionHistoryLimit ?? 0) < 0)
        context?.warnings?.push(
          "spec.revisionHistoryLimit: a negative value retains all historical revisions; a value >= 0 is recommended",
        );
      return validateStatefulSetSpec(spec, false);
    }
    const oldSpec = specOf<StatefulSetSpec>(old);
    const errors = validateStatefulSetSpec(spec, validateStatefulSetSpec(oldSpec, false).length > 0);
    errors.push(
      ...validateImmutableField(spec.selector, oldSpec.selector, "spec.selector", (value) =>
        renderLabelSelector(value as LabelSelector | undefined),
      ),
      ...validateImmutableField(
        spec.volumeClaimTemplates,
        oldSpec.volumeClaimTemplates,
        "spec.volumeClaimTemplates",
        (value) => goJsonMarshal(value ?? null),
      ),
      ...validateImmutableField(spec.serviceName ?? "", oldSpec.serviceName ?? "", "spec.serviceName"),
      ...validateImmutableField(
        spec.podManagementPolicy ?? "",
        oldSpec.podManagementPolicy ?? "",
        "spec.podManagementPolicy",
      ),
    );
    return errors;
  },
  specChanged(object, old) {
    return !semanticallyEqual(object.spec, old.spec);
  },
  columns: [
    nameColumn,
    column("Ready", "Number of the pod with ready state", (o) => {
      const ready = statusOf<{ readyReplicas: number }>(o).readyReplicas ?? 0;
      return `${ready}/${specOf<StatefulSetSpec>(o).replicas ?? 0}`;
    }),
    ageColumn,
    ...templateContainerColumns(specTemplate),
  ],
};

/** coordination.k8s.io/v1 Leases: pkg/registry/coordination/lease/strategy.go, pkg/apis/coordination/validation. */
import { qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

const leaseHolderDescription =
  "holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.";

/** coordination.k8s.io's Kubernetes-defined CoordinatedLeaseStrategy names. */
const validLeaseStrategies = ["OldestEmulationVersion"];

interface LeaseSpec {
  leaseDurationSeconds?: number | null;
  leaseTransitions?: number | null;
  strategy?: string | null;
  preferredHolder?: string | null;
}

/** ValidateCoordinatedLeaseStrategy; kube-apiserver names the field twice (`spec.strategy.strategy`). */
function strategyErrors(strategy: string): FieldError[] {
  const path = "spec.strategy.strategy";
  if (!strategy.includes("/"))
    return validLeaseStrategies.includes(strategy)
      ? []
      : [fieldErrors.notSupported(path, strategy, validLeaseStrategies)];
  return qualifiedNameErrors(strategy).map((message) => fieldErrors.invalid(path, strategy, message));
}

/** ValidateLeaseSpec. */
function validateLeaseSpec(object: KubeObject): FieldError[] {
  const spec = (object.spec ?? {}) as LeaseSpec;
  const errors: FieldError[] = [];
  if (typeof spec.leaseDurationSeconds === "number" && spec.leaseDurationSeconds <= 0)
    errors.push(fieldErrors.invalid("spec.leaseDurationSeconds", spec.leaseDurationSeconds, "must be greater than 0"));
  if (typeof spec.leaseTransitions === "number" && spec.leaseTransitions < 0)
    errors.push(
      fieldErrors.invalid("spec.leaseTransitions", spec.leaseTransitions, "must be greater than or equal to 0"),
    );
  if (typeof spec.strategy === "string") errors.push(...strategyErrors(spec.strategy));
  if (spec.preferredHolder && !spec.strategy)
    errors.push(fieldErrors.forbidden("spec.preferredHolder", "may only be specified if `strategy` is defined"));
  return errors;
}

export const leaseStrategy: ResourceStrategy = {
  validate: validateLeaseSpec,
  columns: [
    nameColumn,
    column(
      "Holder",
      leaseHolderDescription,
      (o) => (o.spec as { holderIdentity?: string } | undefined)?.holderIdentity ?? "",
    ),
    ageColumn,
  ],
};

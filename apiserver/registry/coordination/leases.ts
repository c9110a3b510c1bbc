/** coordination.k8s.io/v1 Leases: pkg/registry/coordination/lease/strategy.go. */
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

const leaseHolderDescription =
  "holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.";

export const leaseStrategy: ResourceStrategy = {
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

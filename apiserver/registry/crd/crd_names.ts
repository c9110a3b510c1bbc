/**
 * The naming decision of apiextensions' NamingConditionController: which of a CRD's requested
 * names it may have, given the names the CRDs of its group have already been granted, and the
 * NamesAccepted and Established conditions that follow. Pure: the controller stores the result.
 */
import type { KubeObject } from "../../storage/types.js";

export interface CrdNames {
  plural: string;
  singular?: string;
  shortNames?: string[];
  kind: string;
  listKind?: string;
  categories?: string[];
}

export interface CrdCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  lastTransitionTime: string;
  reason: string;
  message: string;
}

interface CrdLike {
  spec?: { group?: string; names?: Partial<CrdNames> };
  status?: { acceptedNames?: Partial<CrdNames>; conditions?: CrdCondition[] };
}

function acceptedNamesOf(crd: KubeObject): Partial<CrdNames> {
  return (crd as CrdLike).status?.acceptedNames ?? {};
}

/** The condition of `type` in a CRD's status, if any. */
export function crdCondition(crd: KubeObject, type: string): CrdCondition | undefined {
  return (crd as CrdLike).status?.conditions?.find((condition) => condition.type === type);
}

/** Whether the CRD handler serves this CRD: it must be Established or have its names accepted. */
export function crdServable(crd: KubeObject): boolean {
  return crdCondition(crd, "Established")?.status === "True" || crdCondition(crd, "NamesAccepted")?.status === "True";
}

/** A name is fine when it is already this CRD's, or no CRD of the group holds it. */
function conflict(
  requested: string | undefined,
  accepted: string | undefined,
  used: ReadonlySet<string>,
): string | undefined {
  if (requested === accepted || requested === undefined || !used.has(requested)) return undefined;
  return `"${requested}" is already in use`;
}

export interface NamingDecision {
  acceptedNames: CrdNames;
  namesAccepted: Omit<CrdCondition, "lastTransitionTime">;
}

/**
 * Decides the accepted names of `crd` against `groupCrds` (every stored CRD of its group, itself
 * included, as the controller lists them). Each conflicting name keeps its previously accepted
 * value, and the last conflict found names the reason.
 */
export function decideNames(crd: KubeObject, groupCrds: readonly KubeObject[]): NamingDecision {
  const resources = new Set<string>();
  const kinds = new Set<string>();
  for (const other of groupCrds) {
    const names = acceptedNamesOf(other);
    for (const name of [names.plural, names.singular, ...(names.shortNames ?? [])]) if (name) resources.add(name);
    for (const name of [names.kind, names.listKind]) if (name) kinds.add(name);
  }
  const requested = (crd as CrdLike).spec?.names ?? {};
  const accepted = acceptedNamesOf(crd);
  const next: Partial<CrdNames> = { ...accepted };
  let namesAccepted: NamingDecision["namesAccepted"] | undefined;
  const check = (
    field: "plural" | "singular" | "kind" | "listKind",
    used: ReadonlySet<string>,
    reason: string,
  ): void => {
    const message = conflict(requested[field], accepted[field], used);
    if (message) namesAccepted = { type: "NamesAccepted", status: "False", reason, message };
    else if (requested[field] !== undefined) next[field] = requested[field];
  };
  check("plural", resources, "PluralConflict");
  check("singular", resources, "SingularConflict");
  if (JSON.stringify(requested.shortNames) !== JSON.stringify(accepted.shortNames)) {
    const held = new Set(accepted.shortNames ?? []);
    const errors = (requested.shortNames ?? [])
      .filter((name) => !held.has(name))
      .flatMap((name) => conflict(name, "", resources) ?? []);
    // utilerrors.NewAggregate: one error as it is, several as a list in brackets.
    if (errors.length > 0) {
      const message = errors.length === 1 ? (errors[0] ?? "") : `[${errors.join(", ")}]`;
      namesAccepted = { type: "NamesAccepted", status: "False", reason: "ShortNamesConflict", message };
    } else if (requested.shortNames) next.shortNames = requested.shortNames;
    else delete next.shortNames;
  }
  check("kind", kinds, "KindConflict");
  check("listKind", kinds, "ListKindConflict");
  if (requested.categories) next.categories = requested.categories;
  else delete next.categories;
  return {
    acceptedNames: orderedNames(next),
    namesAccepted: namesAccepted ?? {
      type: "NamesAccepted",
      status: "True",
      reason: "NoConflicts",
      message: "no conflicts found",
    },
  };
}

/** The names in the API type's field order; plural and kind are always present, possibly empty. */
function orderedNames(names: Partial<CrdNames>): CrdNames {
  return {
    plural: names.plural ?? "",
    ...(names.singular ? { singular: names.singular } : {}),
    ...(names.shortNames?.length ? { shortNames: names.shortNames } : {}),
    kind: names.kind ?? "",
    ...(names.listKind ? { listKind: names.listKind } : {}),
    ...(names.categories?.length ? { categories: names.categories } : {}),
  };
}

/**
 * The NamesAccepted and Established conditions after a naming decision. A condition keeps its
 * lastTransitionTime unless its status changes (SetCRDCondition). Established turns True as soon as
 * the names are accepted (kube-apiserver passes through a brief `Installing`), and once True it stays.
 */
export function namingConditions(crd: KubeObject, decision: NamingDecision, time: string): CrdCondition[] {
  const withTime = (fresh: Omit<CrdCondition, "lastTransitionTime">): CrdCondition => {
    const existing = crdCondition(crd, fresh.type);
    const lastTransitionTime = existing && existing.status === fresh.status ? existing.lastTransitionTime : time;
    return { type: fresh.type, status: fresh.status, lastTransitionTime, reason: fresh.reason, message: fresh.message };
  };
  const existingEstablished = crdCondition(crd, "Established");
  let established: Omit<CrdCondition, "lastTransitionTime">;
  if (existingEstablished?.status === "True") established = existingEstablished;
  else if (decision.namesAccepted.status === "True") {
    established = {
      type: "Established",
      status: "True",
      reason: "InitialNamesAccepted",
      message: "the initial names have been accepted",
    };
  } else {
    established = existingEstablished ?? {
      type: "Established",
      status: "False",
      reason: "NotAccepted",
      message: "not all names are accepted",
    };
  }
  return [withTime(decision.namesAccepted), withTime(established)];
}

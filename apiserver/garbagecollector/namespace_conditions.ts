/**
 * The status conditions kube-controller-manager's namespace controller writes on a terminating
 * namespace each time it deletes content (deletion/status_condition_utils.go): five conditions,
 * True while content or content finalizers remain, False ("successful") otherwise.
 */

export interface NamespaceCondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** What a pass of content deletion left: objects by `<resource>.<group>`, and their finalizers. */
export interface RemainingContent {
  resources: ReadonlyMap<string, number>;
  finalizers: ReadonlyMap<string, number>;
}

const successful: readonly (readonly [type: string, reason: string, message: string])[] = [
  ["NamespaceDeletionDiscoveryFailure", "ResourcesDiscovered", "All resources successfully discovered"],
  ["NamespaceDeletionGroupVersionParsingFailure", "ParsedGroupVersions", "All legacy kube types successfully parsed"],
  [
    "NamespaceDeletionContentFailure",
    "ContentDeleted",
    "All content successfully deleted, may be waiting on finalization",
  ],
  ["NamespaceContentRemaining", "ContentRemoved", "All content successfully removed"],
  ["NamespaceFinalizersRemaining", "ContentHasNoFinalizers", "All content-preserving finalizers finished"],
];

/** `<what> has N resource instances` / `<finalizer> in N resource instances`, sorted, zero counts left out. */
function counts(map: ReadonlyMap<string, number>, wording: string): string {
  return [...map]
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${wording.replace("N", String(count))}`)
    .sort()
    .join(", ");
}

/** The conditions a pass reports (ProcessContentTotals); the others are successful. */
function reported(content: RemainingContent): Map<string, Omit<NamespaceCondition, "lastTransitionTime">> {
  const conditions = new Map<string, Omit<NamespaceCondition, "lastTransitionTime">>();
  if (content.resources.size) {
    conditions.set("NamespaceContentRemaining", {
      type: "NamespaceContentRemaining",
      status: "True",
      reason: "SomeResourcesRemain",
      message: `Some resources are remaining: ${counts(content.resources, "has N resource instances")}`,
    });
  }
  if (content.finalizers.size) {
    conditions.set("NamespaceFinalizersRemaining", {
      type: "NamespaceFinalizersRemaining",
      status: "True",
      reason: "SomeFinalizersRemain",
      message: `Some content in the namespace has finalizers remaining: ${counts(content.finalizers, "in N resource instances")}`,
    });
  }
  return conditions;
}

/**
 * The namespace's conditions after a pass (updateConditions): each condition added or brought up
 * to date, its lastTransitionTime moved only when its status changes. `undefined` when nothing
 * changed, so the controller writes nothing.
 */
export function updatedConditions(
  current: readonly NamespaceCondition[] | undefined,
  content: RemainingContent,
  now: string,
): NamespaceCondition[] | undefined {
  const conditions = (current ?? []).map((condition) => ({ ...condition }));
  const fromPass = reported(content);
  let changed = false;
  for (const [type, reason, message] of successful) {
    const wanted = fromPass.get(type) ?? { type, status: "False", reason, message };
    const old = conditions.find((condition) => condition.type === type);
    if (!old) {
      const { status, reason: wantedReason, message: wantedMessage } = wanted;
      conditions.push({ type, status, lastTransitionTime: now, reason: wantedReason, message: wantedMessage });
      changed = true;
    } else if (old.status !== wanted.status || old.reason !== wanted.reason || old.message !== wanted.message) {
      if (old.status !== wanted.status) old.lastTransitionTime = now;
      Object.assign(old, { status: wanted.status, reason: wanted.reason, message: wanted.message });
      changed = true;
    }
  }
  return changed ? conditions : undefined;
}

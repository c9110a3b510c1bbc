/**
 * The Table column descriptions kube-apiserver serves for this group's kinds: the API types'
 * swagger docs its printers (pkg/printers/internalversion/printers.go) quote, keyed by kind and column.
 */
export const columnDescriptions = {
  PriorityClass: {
    Value:
      "value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.",
    "Global-Default":
      "globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.",
    PreemptionPolicy:
      "preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.",
  },
} as const;

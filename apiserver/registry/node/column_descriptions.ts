/**
 * The Table column descriptions kube-apiserver serves for this group's kinds: the API types'
 * swagger docs its printers (pkg/printers/internalversion/printers.go) quote, keyed by kind and column.
 */
export const columnDescriptions = {
  RuntimeClass: {
    Handler: "",
  },
} as const;

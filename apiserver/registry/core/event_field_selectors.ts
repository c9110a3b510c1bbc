/** The field selectors of both Event APIs, which select on the stored (core/v1) fields (pkg/registry/core/event). */
import type { FieldGetter } from "../../storage/selectors.js";

export const eventFieldSelectors: Record<string, FieldGetter> = {
  "involvedObject.kind": (o) => (o.involvedObject as Record<string, string> | undefined)?.kind ?? "",
  "involvedObject.name": (o) => (o.involvedObject as Record<string, string> | undefined)?.name ?? "",
  "involvedObject.namespace": (o) => (o.involvedObject as Record<string, string> | undefined)?.namespace ?? "",
  "involvedObject.uid": (o) => (o.involvedObject as Record<string, string> | undefined)?.uid ?? "",
  reason: (o) => (o.reason as string | undefined) ?? "",
  type: (o) => (o.type as string | undefined) ?? "",
};

/** The list body of a list or deletecollection answer. */
import type { list } from "../../registry/list_watch.js";
import { apiVersionOf, type ResourceType } from "../../registry/resource_type.js";

export function listObject(type: ResourceType, result: ReturnType<typeof list>): Record<string, unknown> {
  const metadata: Record<string, unknown> = { resourceVersion: result.resourceVersion };
  // Custom resource lists are unstructured and always carry `continue`, empty on the last page.
  if (result.continueToken || !type.strategicMerge) metadata.continue = result.continueToken ?? "";
  if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
  return { apiVersion: apiVersionOf(type), kind: type.listKind, metadata, items: result.items };
}

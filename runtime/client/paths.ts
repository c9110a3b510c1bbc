import type { KindDescriptor } from "../scheme/group_version.js";
import {
  newSelector,
  parseSelector,
  selectorFromLabelSelector,
  selectorFromSet,
  type Requirement,
  type Selector,
} from "../../apimachinery/index.js";
import type { ListOptions } from "./types.js";

/** URL paths and query strings of the Kubernetes REST API. */

/** `/api/v1` or `/apis/<group>/<version>`. */
export function groupVersionPath(kind: KindDescriptor): string {
  return kind.group === "" ? `/api/${kind.version}` : `/apis/${kind.group}/${kind.version}`;
}

/**
 * The collection or object path of a kind: `/apis/g/v/namespaces/ns/plural[/name[/sub]]`.
 * Errors: throws when a namespaced kind's object path has no namespace.
 */
export function resourcePath(
  kind: KindDescriptor,
  location: { namespace?: string; name?: string; subresource?: string },
): string {
  let path = groupVersionPath(kind);
  if (kind.namespaced && location.namespace) path += `/namespaces/${encodeURIComponent(location.namespace)}`;
  else if (kind.namespaced && location.name !== undefined) {
    throw new Error(`${kind.kind} ${location.name} is namespaced: set metadata.namespace (or the key's namespace)`);
  }
  path += `/${kind.plural}`;
  if (location.name !== undefined) {
    if (location.name === "")
      throw new Error(`${kind.kind}: the object has no name; set metadata.name or generateName`);
    path += `/${encodeURIComponent(location.name)}`;
  }
  if (location.subresource) path += `/${location.subresource}`;
  return path;
}

/**
 * Combines the label options into one selector, or undefined when none is given.
 * Errors: throws a LabelSelectorError naming what is wrong with a selector or a label.
 */
export function labelSelectorOf(options: ListOptions): Selector | undefined {
  const requirements: Requirement[] = [];
  if (options.matchingLabels) requirements.push(...selectorFromSet(options.matchingLabels).requirements);
  if (typeof options.labelSelector === "string")
    requirements.push(...parseSelector(options.labelSelector).requirements);
  else if (options.labelSelector) requirements.push(...selectorFromLabelSelector(options.labelSelector).requirements);
  if (requirements.length === 0) return undefined;
  return newSelector().add(...requirements);
}

/** A query string (with `?`) from defined values, or "" when there are none. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The list query parameters of list options. */
export function listQuery(options: ListOptions): Record<string, string | number | undefined> {
  const fieldSelector = Object.entries(options.matchingFields ?? {})
    .map(([field, value]) => `${field}=${value}`)
    .join(",");
  return {
    labelSelector: labelSelectorOf(options)?.toString(),
    fieldSelector: fieldSelector || undefined,
    limit: options.limit,
    continue: options.continue,
  };
}

/**
 * Lists of one resource type: selectors, limit/continue, resourceVersion and resourceVersionMatch.
 */
import { badRequest, expired, fieldErrors, invalid, StatusError, type FieldError } from "../errors/status.js";
import { parseFieldSelector, parseFieldTerms, parseLabelSelector, metadataFieldGetters } from "../storage/selectors.js";
import { RevisionTooOldError, type Store } from "../storage/store.js";
import { decodeContinue, encodeContinue, keyAfter, type ContinuePosition } from "./continue_token.js";
import type { KubeObject } from "../storage/types.js";
import { toVersion } from "./conversion.js";
import type { ResourceType } from "./resource_type.js";

export interface ListQuery {
  namespace: string | undefined;
  labelSelector: string | null;
  fieldSelector: string | null;
  limit: number;
  continueToken: string | null;
  resourceVersion: string | null;
  resourceVersionMatch: string | null;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continueToken: string | undefined;
  remainingItemCount: number | undefined;
}

/**
 * Builds the predicate of a request's selectors. An unknown field is worded by the kind's field
 * label conversion: custom resources and the built-ins that register one (secrets, namespaces,
 * events) say "field label not supported"; the others fall back to the default conversion's words.
 */
export function selectorPredicate(
  type: ResourceType,
  labelSelector: string | null,
  fieldSelector: string | null,
): (object: KubeObject) => boolean {
  const labels = parseLabelSelector(labelSelector);
  const extra = type.strategy.fieldSelectors;
  const getters = { ...metadataFieldGetters, ...(extra ?? {}) };
  const registersConversion = !type.strategicMerge || extra !== undefined;
  const fields = parseFieldSelector(fieldSelector, getters, (field) =>
    registersConversion
      ? badRequest(`field label not supported: ${field}`)
      : badRequest(`"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`),
  );
  if (labels.empty && fields.empty) return () => true;
  return (object) => labels.matches(object.metadata.labels) && fields.matches(object);
}

/** kube-apiserver's message for a continue token whose revision is no longer kept (etcd3 store). */
const inconsistentContinue =
  "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

/** kube-apiserver's 504 for a revision the store has not reached (the watch cache's wait times out). */
export function tooLargeResourceVersion(requested: number, current: number): StatusError {
  return new StatusError(504, "Timeout", `Timeout: Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }],
    retryAfterSeconds: 1,
  });
}

/** The objects of the list a continue token resumes, as they were at its revision. */
function continuedObjects(
  store: Store,
  type: ResourceType,
  namespace: string | undefined,
  position: ContinuePosition,
): { objects: KubeObject[]; revision: number } {
  const current = store.currentRevision();
  if (position.revision < 0) return { objects: store.list(type.collection, namespace), revision: current };
  if (position.revision > current) throw tooLargeResourceVersion(position.revision, current);
  try {
    return { objects: store.listAt(type.collection, position.revision, namespace), revision: position.revision };
  } catch (error) {
    if (!(error instanceof RevisionTooOldError)) throw error;
    const status = expired(inconsistentContinue);
    status.listContinue = encodeContinue(position.startKey, -1);
    throw status;
  }
}

/** The 422 of ListOptions validation (an object without a name, so details carry none). */
export function invalidListOptions(errors: readonly FieldError[]): StatusError {
  const error = invalid({ group: "meta.k8s.io", kind: "ListOptions" }, "", errors);
  delete error.details?.name;
  return error;
}

/**
 * The list's resourceVersion as a number (undefined when unset), after ListOptions validation.
 * @throws StatusError 422 for a resourceVersionMatch the options forbid, 400 for a malformed version
 */
function listResourceVersion(query: ListQuery): number | undefined {
  const version = query.resourceVersion ?? "";
  const match = query.resourceVersionMatch ?? "";
  if (match) {
    const errors: FieldError[] = [];
    if (!version)
      errors.push(
        fieldErrors.forbidden(
          "resourceVersionMatch",
          "resourceVersionMatch is forbidden unless resourceVersion is provided",
        ),
      );
    if (query.continueToken)
      errors.push(
        fieldErrors.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"),
      );
    if (match !== "Exact" && match !== "NotOlderThan")
      errors.push(fieldErrors.notSupported("resourceVersionMatch", match, ["Exact", "NotOlderThan", ""]));
    if (match === "Exact" && version === "0") {
      errors.push(
        fieldErrors.forbidden(
          "resourceVersionMatch",
          'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
        ),
      );
    }
    if (errors.length) throw invalidListOptions(errors);
  }
  if (!version) return undefined;
  const parsed = /^\d+$/.test(version) ? BigInt(version) : undefined;
  if (parsed === undefined || parsed >= 2n ** 64n) {
    const why = parsed === undefined ? "invalid syntax" : "value out of range";
    throw badRequest(
      `invalid resource version: resourceVersion: Invalid value: "${version}": strconv.ParseUint: parsing "${version}": ${why}`,
    );
  }
  return Number(parsed);
}

/** A list at exactly `revision`, while the store still keeps the changes since. */
function listExactly(store: Store, type: ResourceType, namespace: string | undefined, revision: number): KubeObject[] {
  try {
    return store.listAt(type.collection, revision, namespace);
  } catch (error) {
    if (error instanceof RevisionTooOldError) throw expired("The resourceVersion for the provided list is too old.");
    throw error;
  }
}

export function list(store: Store, type: ResourceType, query: ListQuery): ListResult {
  // The order of the list handler: selector syntax (query decoding), ListOptions validation, then
  // the kind's field label conversion.
  parseLabelSelector(query.labelSelector);
  parseFieldTerms(query.fieldSelector);
  listResourceVersion(query);
  const matches = selectorPredicate(type, query.labelSelector, query.fieldSelector);
  const namespace = type.namespaced ? query.namespace : undefined;
  // Keys relative to the list's prefix, as continue tokens carry them.
  const relativeKey = (object: KubeObject): string =>
    type.namespaced && namespace === undefined
      ? `${object.metadata.namespace ?? ""}/${object.metadata.name ?? ""}`
      : (object.metadata.name ?? "");
  let objects: KubeObject[];
  let revision: number;
  let limit = query.limit;
  const requested = listResourceVersion(query);
  if (query.continueToken) {
    if (requested !== undefined && requested !== 0)
      throw badRequest("specifying resource version is not allowed when using continue");
    const position = decodeContinue(query.continueToken);
    ({ objects, revision } = continuedObjects(store, type, namespace, position));
    objects = objects.filter((object) => relativeKey(object) >= position.startKey);
  } else {
    revision = store.currentRevision();
    if (requested !== undefined && requested > revision) throw tooLargeResourceVersion(requested, revision);
    if (query.resourceVersionMatch === "Exact" && requested !== undefined) {
      objects = listExactly(store, type, namespace, requested);
      revision = requested;
    } else objects = store.list(type.collection, namespace);
    // resourceVersion=0 is served whole from the watch cache, which does not paginate.
    if (requested === 0) limit = 0;
  }
  const items: KubeObject[] = [];
  let continueToken: string | undefined;
  let remaining: number | undefined;
  for (let index = 0; index < objects.length; index++) {
    const object = objects[index] as KubeObject;
    if (!matches(object)) continue;
    if (limit > 0 && items.length >= limit) {
      const last = items[items.length - 1];
      continueToken = encodeContinue(keyAfter(last ? relativeKey(last) : ""), revision);
      // remainingItemCount is only known without selectors, as in kube-apiserver.
      if (query.labelSelector === null && query.fieldSelector === null) remaining = objects.length - index;
      break;
    }
    items.push(toVersion(object, type));
  }
  return { items, resourceVersion: String(revision), continueToken, remainingItemCount: remaining };
}

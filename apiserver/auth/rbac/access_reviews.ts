/**
 * The authorization reviews (pkg/registry/authorization): SubjectAccessReview asks about any
 * user, LocalSubjectAccessReview about one in the URL's namespace, SelfSubjectAccessReview about
 * the requester (`kubectl auth can-i`), SelfSubjectRulesReview lists the requester's rules in a
 * namespace (`kubectl auth can-i --list`). Each is answered, not stored.
 */
import { badRequest, fieldErrors, invalid, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import type { UserInfo } from "../user.js";
import type { AuthorizationAttributes, Authorizer } from "./attributes.js";

export const authorizationGroup = "authorization.k8s.io";
const reviewResources = new Set([
  "subjectaccessreviews",
  "localsubjectaccessreviews",
  "selfsubjectaccessreviews",
  "selfsubjectrulesreviews",
]);

export function isAuthorizationReview(group: string, resource: string): boolean {
  return group === authorizationGroup && reviewResources.has(resource);
}

interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

interface NonResourceAttributes {
  path?: string;
  verb?: string;
}

interface ReviewSpec {
  resourceAttributes?: ResourceAttributes | null;
  nonResourceAttributes?: NonResourceAttributes | null;
  user?: string;
  groups?: string[] | null;
  uid?: string;
  extra?: Record<string, string[]> | null;
  namespace?: string;
}

function specOf(review: KubeObject): ReviewSpec {
  const spec = review.spec;
  return spec !== null && typeof spec === "object" ? (spec as ReviewSpec) : {};
}

/** ResourceAttributesFrom / NonResourceAttributesFrom. */
function attributesOf(spec: ReviewSpec): AuthorizationAttributes {
  const resource = spec.resourceAttributes;
  if (resource)
    return {
      verb: resource.verb ?? "",
      apiGroup: resource.group ?? "",
      apiVersion: resource.version || "*",
      resource: resource.resource ?? "",
      subresource: resource.subresource ?? "",
      namespace: resource.namespace ?? "",
      name: resource.name ?? "",
      path: "",
      resourceRequest: true,
    };
  const nonResource = spec.nonResourceAttributes ?? {};
  return {
    verb: nonResource.verb ?? "",
    apiGroup: "",
    resource: "",
    subresource: "",
    namespace: "",
    name: "",
    path: nonResource.path ?? "",
    resourceRequest: false,
  };
}

/** ValidateSubjectAccessReviewSpec's union rule (and the user-or-group rule for other subjects). */
function validateSpec(spec: ReviewSpec, needsSubject: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const both = Boolean(spec.resourceAttributes) && Boolean(spec.nonResourceAttributes);
  const neither = !spec.resourceAttributes && !spec.nonResourceAttributes;
  if (both || neither)
    errors.push(
      fieldErrors.invalid(
        "spec",
        spec.nonResourceAttributes ?? null,
        "exactly one of nonResourceAttributes or resourceAttributes must be specified",
      ),
    );
  if (needsSubject && !spec.user && !spec.groups?.length)
    errors.push(fieldErrors.invalid("spec.user", spec.user ?? "", "at least one of user or group must be specified"));
  return errors;
}

function reviewedUser(spec: ReviewSpec): UserInfo {
  return { username: spec.user ?? "", uid: spec.uid ?? "", groups: spec.groups ?? [], extra: spec.extra ?? {} };
}

/**
 * Fills `review.status` (the object was decoded and defaulted by the create path).
 * @throws StatusError 422 for an invalid spec, 400 for a namespace mismatch, as kube-apiserver.
 */
export function answerReview(
  resource: string,
  review: KubeObject,
  urlNamespace: string | undefined,
  requester: UserInfo,
  authorizer: Authorizer,
): void {
  const spec = specOf(review);
  // The internal object's TypeMeta is empty by then: the 422 names no kind (".authorization.k8s.io").
  const kind = { group: authorizationGroup, kind: "" };
  if (resource === "selfsubjectrulesreviews") {
    if (!spec.namespace) throw badRequest("no namespace on request");
    const { rules, error } = authorizer.rulesFor(requester, spec.namespace);
    review.status = {
      resourceRules: rules
        .filter((rule) => rule.resources?.length)
        .map((rule) => ({
          verbs: rule.verbs ?? [],
          ...(rule.apiGroups ? { apiGroups: rule.apiGroups } : {}),
          ...(rule.resources ? { resources: rule.resources } : {}),
          ...(rule.resourceNames ? { resourceNames: rule.resourceNames } : {}),
        })),
      nonResourceRules: rules
        .filter((rule) => rule.nonResourceURLs?.length)
        .map((rule) => ({ verbs: rule.verbs ?? [], nonResourceURLs: rule.nonResourceURLs ?? [] })),
      incomplete: false,
      ...(error ? { evaluationError: error } : {}),
    };
    return;
  }
  const self = resource === "selfsubjectaccessreviews";
  const errors = validateSpec(spec, !self);
  if (resource === "localsubjectaccessreviews") {
    if (spec.resourceAttributes && spec.resourceAttributes.namespace !== review.metadata.namespace)
      errors.push(
        fieldErrors.invalid(
          "spec.resourceAttributes.namespace",
          spec.resourceAttributes.namespace ?? "",
          "must match metadata.namespace",
        ),
      );
    if (spec.nonResourceAttributes)
      errors.push(
        fieldErrors.invalid(
          "spec.nonResourceAttributes",
          spec.nonResourceAttributes,
          "disallowed on this kind of request",
        ),
      );
  }
  if (errors.length) throw invalid(kind, "", errors);
  if (resource === "localsubjectaccessreviews" && urlNamespace !== review.metadata.namespace)
    throw badRequest(`spec.resourceAttributes.namespace must match namespace: ${urlNamespace ?? ""}`);
  const decision = authorizer.authorize(self ? requester : reviewedUser(spec), attributesOf(spec));
  review.status = { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) };
}

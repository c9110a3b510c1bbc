/**
 * The creates authentication answers: serviceaccounts/token (TokenRequest), TokenReview and
 * SelfSubjectReview. Their bodies decode and go through admission like any create; what comes
 * back is computed from the request's user or the authenticator, and nothing is stored.
 */
import { apiVersionOf, type ResourceType } from "../../registry/resource_type.js";
import { goTypeOfKind } from "../../catalog/catalog.js";
import { recordUpdate } from "../../registry/managed_fields.js";
import { timestamp } from "../../registry/object_service.js";
import { createToken, defaultTokenRequest, tokenRequestType } from "../../registry/authentication/token_request.js";
import { answerTokenReview, checkTokenReview, selfSubjectReview } from "../../registry/authentication/reviews.js";
import { negotiateOutput } from "../negotiation.js";
import { admissionWriteOptions, writeOptions } from "../request_options.js";
import { addWarnings, writeObject } from "../respond.js";
import { checkNamespaceMatches, decodeObject } from "./decode_object.js";
import type { VerbRequest } from "./verb_request.js";

const authenticationGroup = "authentication.k8s.io";

/** Whether a request is one of the creates this file answers. */
export function isAuthenticationCreate(type: ResourceType, subresource: string, verb: string): boolean {
  if (verb !== "create") return false;
  if (type.group === "" && type.resource === "serviceaccounts") return subresource === "token";
  return (
    type.group === authenticationGroup &&
    !subresource &&
    (type.resource === "tokenreviews" || type.resource === "selfsubjectreviews")
  );
}

export async function createAuthentication(verb: VerbRequest): Promise<void> {
  if (verb.subresource === "token") return createServiceAccountToken(verb);
  const { context, request, response, query, type, namespace, now, user } = verb;
  const format = negotiateOutput(request.headers.accept, query, { protobufObjects: true });
  const options = writeOptions(request, query, "CreateOptions");
  options.admission = { user, options: admissionWriteOptions(query) };
  const body = await decodeObject(request, { type, options, registry: context.registry, response });
  checkNamespaceMatches(body, namespace, type);
  if (type.resource === "tokenreviews") checkTokenReview(body, namespace);
  const result = await context.service.create(type, namespace, body, options);
  addWarnings(response, result.warnings);
  const answer =
    type.resource === "tokenreviews"
      ? answerTokenReview(context.authentication.authenticator, result.object)
      : selfSubjectReview(user, now);
  return writeObject(response, 201, type, format, answer, now);
}

/** POST .../serviceaccounts/<name>/token. */
async function createServiceAccountToken(verb: VerbRequest): Promise<void> {
  const { context, request, response, query, namespace, name, now } = verb;
  const type = tokenRequestType();
  const protobufObjects = goTypeOfKind(apiVersionOf(type), type.kind) !== undefined;
  const format = negotiateOutput(request.headers.accept, query, { protobufObjects });
  const options = writeOptions(request, query, "CreateOptions");
  const body = await decodeObject(request, { type, options, registry: context.registry, response });
  body.metadata ??= {};
  defaultTokenRequest(body);
  recordUpdate(type, body, undefined, options.manager, timestamp(now), "token");
  const coreType = (resource: string): ResourceType => {
    const found = context.registry.lookup("", "v1", resource);
    if (!found) throw new Error(`core/v1 ${resource} are not served`);
    return found;
  };
  const answer = createToken(
    { service: context.service, tokens: context.authentication.serviceAccountTokens, coreType },
    namespace ?? "",
    name,
    body,
  );
  type.fillZeroValues?.(answer);
  return writeObject(response, 201, type, format, answer, now);
}

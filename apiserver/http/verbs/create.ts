/** create: a decoded body stored as a new object. */
import { answerReview, isAuthorizationReview } from "../../auth/rbac/access_reviews.js";
import { admissionWriteOptions, writeOptions } from "../request_options.js";
import { addWarnings, writeObject } from "../respond.js";
import { checkNamespaceMatches, decodeObject } from "./decode_object.js";
import type { VerbRequest } from "./verb_request.js";

export async function create(verb: VerbRequest): Promise<void> {
  const { context, request, response, query, type, format, namespace, now } = verb;
  const options = writeOptions(request, query, "CreateOptions");
  options.admission = { user: verb.user, options: admissionWriteOptions(query) };
  const body = await decodeObject(request, { type, options, registry: context.registry, response });
  checkNamespaceMatches(body, namespace, type);
  const result = await context.service.create(type, namespace, body, options);
  if (isAuthorizationReview(type.group, type.resource))
    answerReview(type.resource, result.object, namespace, verb.user, context.authorizer);
  addWarnings(response, result.warnings);
  return writeObject(response, 201, type, format, result.object, now);
}

/**
 * What every verb handler receives: the resolved resource type and request, decided once by the
 * router (apiserver/http/resource_handler.ts) so that each verb's file holds only its own rules.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Impersonation } from "../../auth/impersonation.js";
import type { ServiceAccountTokens } from "../../auth/service_account_tokens.js";
import type { Authenticator } from "../../auth/token.js";
import type { Authorizer } from "../../auth/rbac/authorizer.js";
import type { UserInfo } from "../../auth/user.js";
import type { ObjectService } from "../../registry/object_service.js";
import type { ResourceRegistry } from "../../registry/registry.js";
import type { ResourceType } from "../../registry/resource_type.js";
import type { OutputFormat } from "../negotiation.js";
import type { ResourceRequest } from "../request_info.js";
import type { WatchStreamOptions } from "../watch_stream.js";

export interface ResourceContext {
  registry: ResourceRegistry;
  /** Decides every request, answers the access reviews and guards RBAC writes against escalation. */
  authorizer: Authorizer;
  service: ObjectService;
  watch: WatchStreamOptions;
  registerWatch(stop: () => void): () => void;
  /** Who requests are from (TokenReview asks it), and the signer of service account tokens. */
  authentication: {
    authenticator: Authenticator;
    serviceAccountTokens: ServiceAccountTokens;
    /** The impersonation filter, which asks the authorizer. */
    impersonation: Impersonation;
  };
}

export interface VerbRequest {
  context: ResourceContext;
  request: IncomingMessage;
  response: ServerResponse;
  info: ResourceRequest;
  query: URLSearchParams;
  type: ResourceType;
  /** "" for the main resource. */
  subresource: string;
  format: OutputFormat;
  /** The request's namespace for a namespaced type, else undefined. */
  namespace: string | undefined;
  /** The object's name from the URL ("" for collection requests). */
  name: string;
  now: Date;
  /** Who sent the request, as authentication decided. */
  user: UserInfo;
}

export type VerbHandler = (verb: VerbRequest) => Promise<void>;

/**
 * The request entry: authentication, then non-resource paths (version, health, discovery,
 * OpenAPI) or a resource request, with every failure answered as a `Status`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { UserInfo } from "../auth/user.js";
import { forbiddenMessage, type AuthorizationAttributes } from "../auth/rbac/authorizer.js";
import { requestAttributes } from "../auth/rbac/request_attributes.js";
import {
  aggregatedDiscovery,
  aggregatedDiscoveryMediaType,
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  wantsAggregated,
} from "../discovery/discovery.js";
import { versionInfo } from "../discovery/version.js";
import { handleOpenApiV2, handleOpenApiV3Document, handleOpenApiV3Index } from "./openapi_handler.js";
import { parseRequestPath } from "./request_info.js";
import { handleResource } from "./resource_handler.js";
import type { ResourceContext } from "./verbs/verb_request.js";
import { writeError, writeJson, writePageNotFound, writeText } from "./respond.js";
import { StatusError, badRequest, forbidden, unauthorized } from "../errors/status.js";

export interface ServerContext extends ResourceContext {
  /** Told of every request the authorizer refuses (the test environment's runAs records them). */
  onForbidden?: ((user: UserInfo, attributes: AuthorizationAttributes) => void) | undefined;
  serverAddress(): string;
  ready(): boolean;
}

function healthCheck(response: ServerResponse, path: string, query: URLSearchParams, healthy: boolean): void {
  const checks = [
    "ping",
    "log",
    "etcd",
    "poststarthook/start-apiextensions-controllers",
    "poststarthook/crd-informer-synced",
  ];
  const name = path.split("/")[1] ?? "";
  const sub = path.split("/").slice(2).join("/");
  if (sub && !checks.includes(sub)) return writePageNotFound(response);
  if (query.has("verbose")) {
    const lines = (sub ? [sub] : checks).map((check) => `[+]${check} ok`);
    return writeText(
      response,
      healthy ? 200 : 500,
      `${lines.join("\n")}\n${name} check ${healthy ? "passed" : "failed"}\n`,
    );
  }
  writeText(
    response,
    healthy ? 200 : 500,
    healthy ? "ok" : `[-]poststarthook/crd-informer-synced failed: not finished\n${name} check failed`,
  );
}

export function createRequestHandler(
  context: ServerContext,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(context, request, response).catch((error: unknown) => writeError(response, error, request.headers.accept));
  };
}

async function handle(context: ServerContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "https://localhost");
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
  const query = url.searchParams;
  const user = authenticatedUser(context, request, url.pathname, query);
  authorizeRequest(context, user, request.method ?? "GET", url.pathname, query, request);
  if (pathname === "/version") return writeJson(response, 200, versionInfo());
  if (/^\/(healthz|livez|readyz)(\/.*)?$/.test(pathname))
    return healthCheck(response, pathname, query, context.ready());
  if (pathname === "/openapi/v2") return handleOpenApiV2(context.registry, request, response);
  if (pathname === "/openapi/v3") return handleOpenApiV3Index(context.registry, request, response);
  if (pathname.startsWith("/openapi/v3/")) {
    const name = pathname.slice("/openapi/v3/".length);
    return handleOpenApiV3Document(context.registry, name, query, request, response);
  }
  const path = parseRequestPath(request.method ?? "GET", pathname, query);
  if (path.kind === "other") return writePageNotFound(response);
  if (path.kind === "discovery") {
    const aggregated = wantsAggregated(request.headers.accept);
    if (path.group === undefined && path.version === undefined) {
      if (aggregated) {
        return writeJson(
          response,
          200,
          aggregatedDiscovery(context.registry, path.prefix === "api", aggregated),
          aggregatedDiscoveryMediaType.replace("v=v2", `v=${aggregated}`),
        );
      }
      return writeJson(
        response,
        200,
        path.prefix === "api" ? apiVersions(context.serverAddress()) : apiGroupList(context.registry),
      );
    }
    if (path.version === undefined) {
      const document = apiGroupDocument(context.registry, path.group ?? "");
      // An unserved group or version falls through kube-apiserver's handler chain to the plain 404.
      if (!document) return writePageNotFound(response);
      return writeJson(response, 200, document);
    }
    const document = apiResourceList(context.registry, path.group ?? "", path.version);
    if (!document) return writePageNotFound(response);
    return writeJson(response, 200, document);
  }
  try {
    return await handleResource(context, request, response, path.request, query, user);
  } catch (error) {
    throw isWrite(request) && isStackOverflow(error) ? tooDeeplyNested() : error;
  }
}

/** The authentication filter, then the impersonation filter: who the request acts as. */
function authenticatedUser(
  context: ServerContext,
  request: IncomingMessage,
  path: string,
  query: URLSearchParams,
): UserInfo {
  const authenticated = context.authentication.authenticator.authenticate(request.headers);
  if (authenticated === "rejected") {
    request.resume();
    throw unauthorized();
  }
  try {
    return context.authentication.impersonation.userFor(request, authenticated, () =>
      requestAttributes(request.method ?? "GET", path, query),
    );
  } catch (error) {
    request.resume();
    throw error;
  }
}

/**
 * The authorization filter: every request, resource or not, served or not, is checked before
 * any handler runs, and a refusal is responsewriters.Forbidden's 403.
 */
function authorizeRequest(
  context: Pick<ServerContext, "authorizer" | "onForbidden">,
  user: UserInfo,
  method: string,
  path: string,
  query: URLSearchParams,
  request: IncomingMessage,
): void {
  const attributes = requestAttributes(method, path, query);
  const decision = context.authorizer.authorize(user, attributes);
  if (decision.allowed) return;
  request.resume();
  context.onForbidden?.(user, attributes);
  const message = forbiddenMessage(user, attributes);
  throw forbidden(
    { group: attributes.apiGroup, resource: attributes.resource },
    attributes.name,
    decision.reason ? `${message}: ${decision.reason}` : message,
  );
}

function isWrite(request: IncomingMessage): boolean {
  return request.method === "POST" || request.method === "PUT" || request.method === "PATCH";
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes("call stack");
}

/**
 * A body the decoder accepts (up to 10,000 levels, as kube-apiserver's) that nests deeper than
 * this server's recursive steps (managedFields of a preserve-unknown-fields object) can follow is
 * refused before anything is stored: a client's input never gets a 5xx.
 */
function tooDeeplyNested(): StatusError {
  return badRequest("the object provided is nested too deeply for this server to track its fields");
}

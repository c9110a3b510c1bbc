/**
 * Impersonation headers as kube-apiserver 1.37's constrained impersonation filter
 * (k8s.io/apiserver endpoints/filters/impersonation): the modes associated-node, arbitrary-node,
 * serviceaccount, user-info (each first asking `impersonate-on:<mode>:<verb>` on the request
 * itself) and then the legacy `impersonate` checks; the first mode that allows the wanted user
 * wins, else the first refusal is the answer.
 */
import type { IncomingMessage } from "node:http";
import { internalError, StatusError } from "../errors/status.js";
import { authorizeOrThrow, checkWantedUser, nodeNameOf, type Authorizer } from "./impersonation_checks.js";
import { wantedUserOf, type WantedUser } from "./impersonation_headers.js";
import type { AuthorizationAttributes } from "./rbac/attributes.js";
import { extraKeys, splitServiceAccountUsername } from "./service_account_user.js";
import type { UserInfo } from "./user.js";

function onlyUsernameSet(wanted: WantedUser): boolean {
  return !wanted.uid && !wanted.groups?.length && !Object.keys(wanted.extra ?? {}).length;
}

interface ModeFilter {
  readonly name: string;
  applies(wanted: WantedUser, requestor: UserInfo): boolean;
}

interface Mode extends ModeFilter {
  check(
    authorizer: Authorizer,
    requestor: UserInfo,
    wanted: WantedUser,
    requestAttributes: () => AuthorizationAttributes,
  ): UserInfo;
}

const constrainedModeFilters: readonly ModeFilter[] = [
  {
    name: "associated-node",
    applies: (wanted, requestor) =>
      onlyUsernameSet(wanted) &&
      nodeNameOf(wanted.username) !== undefined &&
      splitServiceAccountUsername(requestor.username) !== undefined &&
      requestor.extra[extraKeys.nodeName]?.length === 1 &&
      requestor.extra[extraKeys.nodeName]?.[0] === nodeNameOf(wanted.username),
  },
  {
    name: "arbitrary-node",
    applies: (wanted) => onlyUsernameSet(wanted) && nodeNameOf(wanted.username) !== undefined,
  },
  {
    name: "serviceaccount",
    applies: (wanted) => onlyUsernameSet(wanted) && splitServiceAccountUsername(wanted.username) !== undefined,
  },
  {
    name: "user-info",
    applies: (wanted) =>
      nodeNameOf(wanted.username) === undefined && splitServiceAccountUsername(wanted.username) === undefined,
  },
];

/**
 * The user a request acts as: its authenticated user, or the one its impersonation headers ask
 * for once `authorizer` allows it. Throws the filter's 400 or 403 StatusError.
 */
/** How many requestors' last successful mode are remembered (the filter's LRU size). */
/** The constrained modes first (each asks `impersonate-on:<mode>:<verb>` of the request), then legacy. */
const modes: readonly Mode[] = [
  ...constrainedModeFilters.map((filter): Mode => ({
    ...filter,
    check(authorizer, requestor, wanted, requestAttributes) {
      const attributes = requestAttributes();
      authorizeOrThrow(authorizer, requestor, {
        ...attributes,
        verb: `impersonate-on:${filter.name}:${attributes.verb}`,
      });
      return checkWantedUser(authorizer, requestor, wanted, `impersonate:${filter.name}`, true);
    },
  })),
  {
    name: "legacy",
    applies: () => true,
    check: (authorizer, requestor, wanted) => checkWantedUser(authorizer, requestor, wanted, "impersonate", false),
  },
];

const rememberedRequestors = 10_000;

/**
 * The impersonation filter of one server. It remembers, per requestor, the mode that last let
 * them impersonate and tries that one first (modeIndexCache): which mode answers can decide the
 * impersonated user's groups (a node's system:nodes comes from the arbitrary-node mode only).
 */
export class Impersonation {
  readonly #authorizer: Authorizer;
  readonly #lastMode = new Map<string, number>();

  constructor(authorizer: Authorizer) {
    this.#authorizer = authorizer;
  }

  /**
   * The user a request acts as: its authenticated user, or the one its impersonation headers ask
   * for once the authorizer allows it. Throws the filter's 400 or 403 StatusError.
   */
  userFor(request: IncomingMessage, requestor: UserInfo, requestAttributes: () => AuthorizationAttributes): UserInfo {
    const wanted = wantedUserOf(request);
    if (!wanted) return requestor;
    const remembered = this.#lastMode.get(requestor.username);
    const order = modes.map((_, index) => index);
    const tryFirst = remembered === undefined ? order : [remembered, ...order.filter((index) => index !== remembered)];
    let firstError: StatusError | undefined;
    for (const index of tryFirst) {
      const mode = modes[index];
      if (!mode?.applies(wanted, requestor)) continue;
      try {
        const user = mode.check(this.#authorizer, requestor, wanted, requestAttributes);
        this.#remember(requestor.username, index);
        return user;
      } catch (error) {
        if (!(error instanceof StatusError)) throw error;
        firstError ??= error;
      }
    }
    throw firstError ?? internalError(new Error("all impersonation modes failed"));
  }

  #remember(username: string, index: number): void {
    this.#lastMode.delete(username);
    this.#lastMode.set(username, index);
    if (this.#lastMode.size > rememberedRequestors) {
      const oldest = this.#lastMode.keys().next().value;
      if (oldest !== undefined) this.#lastMode.delete(oldest);
    }
  }
}

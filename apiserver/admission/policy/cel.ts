/**
 * The CEL environment of admission policies (k8s.io/apiserver/pkg/admission/plugin/cel): the
 * Kubernetes base environment plus the authorizer library (library.Authz), expressions compiled
 * once, and evaluation errors worded as cel-go words them.
 */
import type { Environment, ParseResult } from "@marcbachmann/cel-js";
import type { AuthorizationAttributes } from "../../auth/rbac/attributes.js";
import type { UserInfo } from "../../auth/user.js";
import { kubernetesEnvironment } from "../../validation/cel_rules.js";

export type Authorize = (
  user: UserInfo,
  attributes: AuthorizationAttributes,
) => { allowed: boolean; reason: string } | Promise<{ allowed: boolean; reason: string }>;

/** A decision of the authorizer library: allowed(), reason(), errored(), error(). */
class AuthorizerDecision {
  readonly allowed: boolean;
  readonly reason: string;
  constructor(allowed: boolean, reason: string) {
    this.allowed = allowed;
    this.reason = reason;
  }
}

/**
 * The `authorizer` variable and the checks built from it. Checks are answered synchronously
 * (CEL evaluation is), so the request's decisions are computed by `authorize` when it answers
 * synchronously; an asynchronous authorizer is not supported here.
 */
class AuthorizerCheck {
  readonly user: UserInfo;
  readonly authorize: Authorize;
  readonly target: Omit<AuthorizationAttributes, "verb">;
  readonly requestResource: AuthorizerCheck | undefined;
  constructor(
    user: UserInfo,
    authorize: Authorize,
    target: Omit<AuthorizationAttributes, "verb">,
    requestResource?: AuthorizerCheck,
  ) {
    this.user = user;
    this.authorize = authorize;
    this.target = target;
    this.requestResource = requestResource;
  }
  with(change: Partial<Omit<AuthorizationAttributes, "verb">>): AuthorizerCheck {
    return new AuthorizerCheck(this.user, this.authorize, { ...this.target, ...change });
  }
  check(verb: string): AuthorizerDecision {
    const answer = this.authorize(this.user, { ...this.target, verb });
    if (answer instanceof Promise) throw new Error("authorizer: an asynchronous authorizer cannot answer CEL checks");
    return new AuthorizerDecision(answer.allowed, answer.reason);
  }
}

const noTarget = {
  apiGroup: "",
  resource: "",
  subresource: "",
  namespace: "",
  name: "",
  path: "",
  resourceRequest: false,
};

/** The `authorizer` variable for `user`; `requestResource` checks the request's own resource. */
export function authorizerValue(
  user: UserInfo,
  authorize: Authorize,
  request: Omit<AuthorizationAttributes, "verb" | "path" | "resourceRequest">,
): AuthorizerCheck {
  const requestResource = new AuthorizerCheck(user, authorize, { ...noTarget, ...request, resourceRequest: true });
  return new AuthorizerCheck(user, authorize, noTarget, requestResource);
}

function serviceAccountUser(namespace: string, name: string): UserInfo {
  return {
    username: `system:serviceaccount:${namespace}:${name}`,
    uid: "",
    groups: ["system:serviceaccounts", `system:serviceaccounts:${namespace}`, "system:authenticated"],
    extra: {},
  };
}

function policyEnvironment(): Environment {
  const check = (receiver: AuthorizerCheck, change: Partial<AuthorizationAttributes>) => receiver.with(change);
  return kubernetesEnvironment()
    .registerType("Authorizer", { ctor: AuthorizerCheck, fields: { requestResource: "Authorizer" } })
    .registerType("AuthorizerDecision", AuthorizerDecision)
    .registerFunction("Authorizer.path(string): Authorizer", (a: AuthorizerCheck, path: string) =>
      check(a, { path, resourceRequest: false }),
    )
    .registerFunction("Authorizer.group(string): Authorizer", (a: AuthorizerCheck, apiGroup: string) =>
      check(a, { apiGroup, resourceRequest: true }),
    )
    .registerFunction("Authorizer.resource(string): Authorizer", (a: AuthorizerCheck, resource: string) =>
      check(a, { resource }),
    )
    .registerFunction("Authorizer.subresource(string): Authorizer", (a: AuthorizerCheck, subresource: string) =>
      check(a, { subresource }),
    )
    .registerFunction("Authorizer.namespace(string): Authorizer", (a: AuthorizerCheck, namespace: string) =>
      check(a, { namespace }),
    )
    .registerFunction("Authorizer.name(string): Authorizer", (a: AuthorizerCheck, name: string) => check(a, { name }))
    .registerFunction(
      "Authorizer.serviceAccount(string, string): Authorizer",
      (a: AuthorizerCheck, namespace: string, name: string) =>
        new AuthorizerCheck(serviceAccountUser(namespace, name), a.authorize, noTarget),
    )
    .registerFunction("Authorizer.check(string): AuthorizerDecision", (a: AuthorizerCheck, verb: string) =>
      a.check(verb),
    )
    .registerFunction("AuthorizerDecision.allowed(): bool", (d: AuthorizerDecision) => d.allowed)
    .registerFunction("AuthorizerDecision.reason(): string", (d: AuthorizerDecision) => d.reason)
    .registerFunction("AuthorizerDecision.errored(): bool", () => false)
    .registerFunction("AuthorizerDecision.error(): string", () => "")
    .registerVariable("authorizer", "Authorizer");
}

const environment = policyEnvironment();
const compiled = new Map<string, ParseResult>();

/** Parses an expression once; throws the parser's error for an invalid one. */
export function compileExpression(expression: string): ParseResult {
  let program = compiled.get(expression);
  if (!program) {
    program = environment.parse(expression);
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(expression, program);
  }
  return program;
}

/** cel-js's first-line error summary in cel-go's words where they differ. */
export function celErrorText(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).split("\n")[0]?.trim() ?? "";
  return text.replace(/^No such key: /, "no such key: ");
}

export type Evaluation = { readonly value: unknown } | { readonly error: string };

/** Evaluates `expression` against `activation`; a compile or runtime error is returned, never thrown. */
export function evaluate(expression: string, activation: Record<string, unknown>): Evaluation {
  let program: ParseResult;
  try {
    program = compileExpression(expression);
  } catch (error) {
    return { error: `compilation error: ${celErrorText(error)}` };
  }
  try {
    return { value: program(activation) };
  } catch (error) {
    return { error: `expression '${expression}' resulted in error: ${celErrorText(error)}` };
  }
}

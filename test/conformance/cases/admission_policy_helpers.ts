/**
 * ValidatingAdmissionPolicy cases share this: a policy and its binding named after the case,
 * limited to the case's namespace (policies are cluster-wide), and a wait for them to apply.
 * kube-apiserver applies a new policy once its informers have seen it and type checking has
 * settled (up to about a second), so a case retries a dry-run probe as a user would before it
 * records anything; the local server applies it to the next request.
 */
import type { CaseContext } from "../harness/case.js";
import type { HttpRequest, HttpResponse } from "../harness/http.js";
import { configMap, configMapsPath, expectStatus } from "./helpers.js";

const API = "/apis/admissionregistration.k8s.io/v1";

export interface PolicyPair {
  readonly policy: string;
  readonly binding: string;
}

/** The matchConstraints of a policy on `resources` of `apiGroups`, in the case's namespace only. */
export function constraints(
  t: CaseContext,
  apiGroups: string[],
  resources: string[],
  operations = ["CREATE", "UPDATE"],
) {
  return {
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": t.namespace } },
    resourceRules: [{ apiGroups, apiVersions: ["*"], operations, resources }],
  };
}

/**
 * Creates the policy `<namespace>-<name>` and its binding (same name + `-binding`), and removes
 * both when `body` ends.
 */
export async function withPolicy(
  t: CaseContext,
  name: string,
  policySpec: Record<string, unknown>,
  bindingSpec: Record<string, unknown>,
  body: (pair: PolicyPair) => Promise<void>,
): Promise<void> {
  const pair = { policy: `${t.namespace}-${name}`, binding: `${t.namespace}-${name}-binding` };
  const policyPath = `${API}/validatingadmissionpolicies`;
  const bindingPath = `${API}/validatingadmissionpolicybindings`;
  try {
    expectStatus(
      await t.send({
        method: "POST",
        path: policyPath,
        body: {
          apiVersion: "admissionregistration.k8s.io/v1",
          kind: "ValidatingAdmissionPolicy",
          metadata: { name: pair.policy },
          spec: policySpec,
        },
      }),
      201,
    );
    expectStatus(
      await t.send({
        method: "POST",
        path: bindingPath,
        body: {
          apiVersion: "admissionregistration.k8s.io/v1",
          kind: "ValidatingAdmissionPolicyBinding",
          metadata: { name: pair.binding },
          spec: { policyName: pair.policy, validationActions: ["Deny"], ...bindingSpec },
        },
      }),
      201,
    );
    await body(pair);
  } finally {
    await t.send({ method: "DELETE", path: `${bindingPath}/${pair.binding}` });
    await t.send({ method: "DELETE", path: `${policyPath}/${pair.policy}` });
  }
}

/** A request creating a ConfigMap in the case's namespace. */
export function createConfigMap(
  t: CaseContext,
  name: string,
  data: Record<string, string>,
  labels?: Record<string, string>,
): HttpRequest {
  return { method: "POST", path: configMapsPath(t.namespace), body: configMap(name, data, labels ? { labels } : {}) };
}

/** The request as a server-side dry run, which admission sees as it sees the real one. */
export function dryRun(request: HttpRequest): HttpRequest {
  return { ...request, path: `${request.path}${request.path.includes("?") ? "&" : "?"}dryRun=All` };
}

/**
 * Retries `probe` as a dry run (not recorded) until `applied` says the policy acted on it
 * (denied it, warned...), for at most 30 seconds.
 */
export async function untilPolicyApplies(
  t: CaseContext,
  probe: HttpRequest,
  applied: (response: HttpResponse) => boolean = (response) => response.status >= 400,
): Promise<void> {
  await t.eventually("the admission policy to apply", async () =>
    applied(await t.send(dryRun(probe))) ? true : undefined,
  );
}

/**
 * A probe check: the request was refused with a message containing `text` (a policy with params
 * first refuses for want of params on kube-apiserver, until its param informer has synced).
 */
export function deniedWith(text: string): (response: HttpResponse) => boolean {
  return (response) => response.status >= 400 && JSON.stringify(response.body).includes(text);
}

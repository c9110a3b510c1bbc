/**
 * How kube-apiserver names a service account as a user (k8s.io/apiserver's
 * authentication/serviceaccount): `system:serviceaccount:<namespace>:<name>`, in the groups
 * `system:serviceaccounts` and `system:serviceaccounts:<namespace>`.
 */
import { dns1123LabelErrors, dns1123SubdomainErrors } from "../../apimachinery/index.js";

const usernamePrefix = "system:serviceaccount:";

export const allServiceAccountsGroup = "system:serviceaccounts";
export const allAuthenticatedGroup = "system:authenticated";
export const allUnauthenticatedGroup = "system:unauthenticated";
export const anonymousUsername = "system:anonymous";

/** The extra keys a service account token's user carries (serviceaccount.ServiceAccountInfo.UserInfo). */
export const extraKeys = {
  credentialId: "authentication.kubernetes.io/credential-id",
  podName: "authentication.kubernetes.io/pod-name",
  podUid: "authentication.kubernetes.io/pod-uid",
  nodeName: "authentication.kubernetes.io/node-name",
  nodeUid: "authentication.kubernetes.io/node-uid",
} as const;

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${usernamePrefix}${namespace}:${name}`;
}

export function serviceAccountGroups(namespace: string): string[] {
  return [allServiceAccountsGroup, `${allServiceAccountsGroup}:${namespace}`];
}

/** The namespace and name of a service account's username (serviceaccount.SplitUsername), or undefined. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(usernamePrefix)) return undefined;
  const parts = username.slice(usernamePrefix.length).split(":");
  if (parts.length !== 2) return undefined;
  const [namespace = "", name = ""] = parts;
  if (dns1123LabelErrors(namespace).length || dns1123SubdomainErrors(name).length) return undefined;
  return { namespace, name };
}

/**
 * Who a request is from, as authentication decides it (k8s.io/apiserver's user.Info): the name,
 * uid, groups and extra values that authorization checks and admission webhooks receive.
 */
export interface UserInfo {
  readonly username: string;
  readonly uid: string;
  readonly groups: readonly string[];
  readonly extra: Readonly<Record<string, readonly string[]>>;
}

/** The admin token's user, as the binaries control plane's token file declares it. */
export const adminUser: UserInfo = {
  username: "admin",
  uid: "admin",
  groups: ["system:masters", "system:authenticated"],
  extra: {},
};

/** A request without credentials, as kube-apiserver's anonymous authenticator names it. */
export const anonymousUser: UserInfo = {
  username: "system:anonymous",
  uid: "",
  groups: ["system:unauthenticated"],
  extra: {},
};

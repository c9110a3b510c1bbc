import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { describe, it } from "node:test";
import { StatusError } from "../errors/status.js";
import { Impersonation } from "./impersonation.js";
import type { AuthorizationAttributes } from "./rbac/attributes.js";
import { adminUser, type UserInfo } from "./user.js";

function requestWith(headers: Record<string, string[]>): IncomingMessage {
  return { headersDistinct: headers } as unknown as IncomingMessage;
}

const createReviews = (): AuthorizationAttributes => ({
  verb: "create",
  apiGroup: "authentication.k8s.io",
  resource: "selfsubjectreviews",
  subresource: "",
  namespace: "",
  name: "",
  path: "/apis/authentication.k8s.io/v1/selfsubjectreviews",
  resourceRequest: true,
});

const robot: UserInfo = { username: "system:serviceaccount:team:robot", uid: "1", groups: [], extra: {} };

/** An authorizer that allows system:masters everything and anyone else what `allowed` lists (verb resource name). */
function authorizer(allowed: readonly string[] = []) {
  return {
    authorize: (user: UserInfo, attributes: AuthorizationAttributes) => ({
      allowed:
        user.groups.includes("system:masters") ||
        allowed.includes(`${attributes.verb} ${attributes.resource} ${attributes.name}`),
      reason: "",
    }),
  };
}

function refusal(action: () => unknown): StatusError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof StatusError);
    return error;
  }
  assert.fail("expected a refusal");
}

describe("impersonation", () => {
  it("leaves a request without impersonation headers to its own user", () => {
    assert.equal(new Impersonation(authorizer()).userFor(requestWith({}), robot, createReviews), robot);
  });

  it("refuses groups without a user with the Go value the filter prints", () => {
    const error = refusal(() =>
      new Impersonation(authorizer()).userFor(requestWith({ "impersonate-group": ["devs"] }), adminUser, createReviews),
    );
    assert.equal(error.code, 400);
    assert.equal(
      error.message,
      'requested &user.DefaultInfo{Name:"", UID:"", Groups:[]string{"devs"}, Extra:map[string][]string(nil)} without impersonating a user name',
    );
  });

  it("gives a node its group through the arbitrary-node mode, until another mode is remembered for the requestor", () => {
    const impersonation = new Impersonation(authorizer());
    const node = impersonation.userFor(
      requestWith({ "impersonate-user": ["system:node:n1"] }),
      adminUser,
      createReviews,
    );
    assert.deepEqual(node.groups, ["system:nodes", "system:authenticated"]);
    const root = requestWith({ "impersonate-user": ["root"], "impersonate-group": ["system:masters"] });
    assert.deepEqual(impersonation.userFor(root, adminUser, createReviews).groups, [
      "system:masters",
      "system:authenticated",
    ]);
    // The legacy mode let the admin in last: it is tried first now, and gives a node no group of its own.
    const again = impersonation.userFor(
      requestWith({ "impersonate-user": ["system:node:n1"] }),
      adminUser,
      createReviews,
    );
    assert.deepEqual(again.groups, ["system:authenticated"]);
  });

  it("answers a refusal with the first applicable mode's 403", () => {
    const error = refusal(() =>
      new Impersonation(authorizer()).userFor(requestWith({ "impersonate-user": ["jane"] }), robot, createReviews),
    );
    assert.equal(error.code, 403);
    assert.equal(
      error.message,
      'selfsubjectreviews.authentication.k8s.io is forbidden: User "system:serviceaccount:team:robot" cannot impersonate-on:user-info:create resource "selfsubjectreviews" in API group "authentication.k8s.io" at the cluster scope',
    );
  });

  it("lets a legacy impersonate rule through, adding system:authenticated", () => {
    const user = new Impersonation(authorizer(["impersonate users jane"])).userFor(
      requestWith({ "impersonate-user": ["jane"] }),
      robot,
      createReviews,
    );
    assert.deepEqual(user, { username: "jane", uid: "", groups: ["system:authenticated"], extra: {} });
  });
});

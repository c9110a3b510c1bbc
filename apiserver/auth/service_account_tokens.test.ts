import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { describe, it } from "node:test";
import { objectKey, Store } from "../storage/store.js";
import type { KubeObject } from "../storage/types.js";
import { jwtKeyFromPem, parseJwt } from "./jwt.js";
import { ServiceAccountTokens, type TokenGrant } from "./service_account_tokens.js";
import { Authenticator } from "./token.js";
import { anonymousUser } from "./user.js";

const issuedAt = new Date("2026-01-01T00:00:00Z");

function newKey() {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return jwtKeyFromPem(privateKey.export({ type: "pkcs8", format: "pem" }).toString());
}

function object(kind: string, name: string, uid: string): KubeObject {
  return { apiVersion: "v1", kind, metadata: { name, namespace: "team", uid } };
}

async function setUp(now = issuedAt) {
  const store = await Store.open({});
  const clock = { now };
  const robot = object("ServiceAccount", "robot", "uid-robot");
  store.put("/serviceaccounts", objectKey("team", "robot"), robot);
  const tokens = new ServiceAccountTokens(newKey(), store, () => clock.now);
  const grant = (extra: Partial<TokenGrant> = {}): TokenGrant => ({
    serviceAccount: robot,
    audiences: ["https://kubernetes.default.svc.cluster.local"],
    expirationSeconds: 3600,
    warnAfterSeconds: 0,
    ...extra,
  });
  return { store, clock, tokens, grant };
}

describe("service account tokens", () => {
  it("authenticate the service account they were issued for, with its groups and the token's id", async () => {
    const { tokens, grant } = await setUp();
    const token = tokens.issue(grant(), issuedAt);
    const result = tokens.authenticate(token);
    assert.ok(result && "user" in result, JSON.stringify(result));
    assert.equal(result.user.username, "system:serviceaccount:team:robot");
    assert.equal(result.user.uid, "uid-robot");
    assert.deepEqual(result.user.groups, ["system:serviceaccounts", "system:serviceaccounts:team"]);
    const jti = parseJwt(token)?.claims["jti"];
    assert.deepEqual(result.user.extra, { "authentication.kubernetes.io/credential-id": [`JTI=${String(jti)}`] });
  });

  it("refuse an expired token once go-jose's minute of leeway has passed", async () => {
    const { tokens, grant, clock } = await setUp();
    const token = tokens.issue(grant(), issuedAt);
    clock.now = new Date(issuedAt.getTime() + 3600_000 + 59_000);
    assert.ok("user" in (tokens.authenticate(token) ?? {}));
    clock.now = new Date(issuedAt.getTime() + 3600_000 + 61_000);
    assert.deepEqual(tokens.authenticate(token), { error: "service account token has expired" });
  });

  it("refuse a token for other audiences, naming both lists as Go prints them", async () => {
    const { tokens, grant } = await setUp();
    const token = tokens.issue(grant({ audiences: ["vault"] }), issuedAt);
    assert.deepEqual(tokens.authenticate(token), {
      error:
        'token audiences ["vault"] is invalid for the target audiences ["https://kubernetes.default.svc.cluster.local"]',
    });
    const accepted = tokens.authenticate(token, ["vault", "other"]);
    assert.ok(accepted && "user" in accepted);
    assert.deepEqual(accepted.audiences, ["vault"]);
  });

  it("stop working when the service account is deleted or recreated", async () => {
    const { tokens, grant, store } = await setUp();
    const token = tokens.issue(grant(), issuedAt);
    store.put("/serviceaccounts", objectKey("team", "robot"), object("ServiceAccount", "robot", "uid-new"));
    assert.deepEqual(tokens.authenticate(token), {
      error: "service account UID (uid-new) does not match claim (uid-robot)",
    });
    store.delete("/serviceaccounts", objectKey("team", "robot"));
    assert.deepEqual(tokens.authenticate(token), { error: 'serviceaccounts "robot" not found' });
  });

  it("stop working when the Secret or Pod they are bound to is gone, and name the pod in extra", async () => {
    const { tokens, grant, store } = await setUp();
    store.put("/secrets", objectKey("team", "binder"), object("Secret", "binder", "uid-secret"));
    store.put("/pods", objectKey("team", "runner"), object("Pod", "runner", "uid-pod"));
    const secretToken = tokens.issue(grant({ secret: { name: "binder", uid: "uid-secret" } }), issuedAt);
    const podToken = tokens.issue(grant({ pod: { name: "runner", uid: "uid-pod" } }), issuedAt);
    const podUser = tokens.authenticate(podToken);
    assert.ok(podUser && "user" in podUser);
    assert.deepEqual(podUser.user.extra["authentication.kubernetes.io/pod-name"], ["runner"]);
    store.delete("/secrets", objectKey("team", "binder"));
    store.delete("/pods", objectKey("team", "runner"));
    assert.deepEqual(tokens.authenticate(secretToken), { error: "service account token has been invalidated" });
    assert.deepEqual(tokens.authenticate(podToken), { error: "service account token has been invalidated" });
  });

  it("are not taken from another key or another issuer", async () => {
    const { tokens, grant, store } = await setUp();
    const other = new ServiceAccountTokens(newKey(), store, () => issuedAt);
    assert.deepEqual(tokens.authenticate(other.issue(grant(), issuedAt)), {
      error: "go-jose/go-jose: error in cryptographic primitive",
    });
    assert.equal(tokens.authenticate("not.a.jwt"), undefined);
    assert.equal(tokens.authenticate("plain"), undefined);
  });
});

describe("the request authenticator", () => {
  it("reads a bearer token: the admin's, a service account's, a wrong one; anything else is anonymous", async () => {
    const { tokens, grant } = await setUp();
    const authenticator = new Authenticator("admin-secret", tokens);
    const token = tokens.issue(grant(), issuedAt);
    assert.equal(authenticator.authenticate({ authorization: "Bearer admin-secret" }) !== "rejected", true);
    const user = authenticator.authenticate({ authorization: `Bearer ${token}` });
    assert.ok(user !== "rejected");
    assert.deepEqual(user.groups, ["system:serviceaccounts", "system:serviceaccounts:team", "system:authenticated"]);
    assert.equal(authenticator.authenticate({ authorization: "Bearer wrong" }), "rejected");
    for (const header of [undefined, "Basic YTpi", "Bearer", "Bearer  two-spaces"])
      assert.equal(authenticator.authenticate({ authorization: header }), anonymousUser, header);
    assert.deepEqual(authenticator.authenticateToken("wrong"), { error: "invalid bearer token" });
  });
});

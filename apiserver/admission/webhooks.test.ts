import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { adminUser } from "../auth/user.js";
import { StatusError } from "../errors/status.js";
import { builtinTypes } from "../registry/builtins.js";
import { ResourceRegistry } from "../registry/registry.js";
import type { ResourceType } from "../registry/resource_type.js";
import { objectKey, Store } from "../storage/store.js";
import type { KubeObject } from "../storage/types.js";
import { admissionReview, verifyAdmissionResponse } from "./admission_review.js";
import type { AdmissionAttributes } from "./attributes.js";
import { AdmissionChain } from "./chain.js";
import { evaluateMatchConditions } from "./match_conditions.js";
import { CallingWebhookError, rejection } from "./webhook_call.js";
import { configuredWebhooks, isExemptFromWebhooks, type ConfiguredWebhook } from "./webhook_configurations.js";
import { ruleMatches, shouldCallWebhook } from "./webhook_matching.js";
import { convertAttributes } from "./versions.js";

async function setUp() {
  const store = await Store.open();
  const registry = new ResourceRegistry();
  registry.replace("", builtinTypes());
  const typeOf = (resource: string, group = "", version = "v1"): ResourceType =>
    registry.resources(group, version).find((type) => type.resource === resource)!;
  store.put("/namespaces", objectKey(undefined, "team-a"), {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: "team-a", labels: { env: "prod" } },
  });
  return { store, registry, typeOf, matching: { store, registry, convert: convertAttributes } };
}

function attributesFor(type: ResourceType, overrides: Partial<AdmissionAttributes> = {}): AdmissionAttributes {
  const object: KubeObject = {
    apiVersion: type.group ? `${type.group}/${type.version}` : type.version,
    kind: type.kind,
    metadata: { name: "one", namespace: "team-a", labels: { app: "web" } },
  };
  return {
    operation: "CREATE",
    type,
    subresource: "",
    namespace: "team-a",
    name: "one",
    object,
    oldObject: undefined,
    options: { kind: "CreateOptions", apiVersion: "meta.k8s.io/v1" },
    dryRun: false,
    user: adminUser,
    ...overrides,
  };
}

function webhook(spec: Partial<ConfiguredWebhook["spec"]>): ConfiguredWebhook {
  return {
    uid: "config/hook/0",
    configurationName: "config",
    spec: {
      name: "hook.example.com",
      clientConfig: { url: "https://127.0.0.1:1/" },
      rules: [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["configmaps"], scope: "*" }],
      failurePolicy: "Fail",
      matchPolicy: "Equivalent",
      namespaceSelector: {},
      objectSelector: {},
      sideEffects: "None",
      timeoutSeconds: 10,
      admissionReviewVersions: ["v1"],
      reinvocationPolicy: "Never",
      matchConditions: [],
      ...spec,
    },
  };
}

describe("webhook rules", () => {
  const resource = { group: "", version: "v1", resource: "configmaps" };
  const request = { operation: "UPDATE" as const, subresource: "status", namespace: "team-a" };
  it("match resource/subresource forms and wildcards as rules.Matcher", () => {
    const base = { operations: ["UPDATE"], apiGroups: [""], apiVersions: ["v1"] };
    assert.equal(ruleMatches({ ...base, resources: ["configmaps"] }, request, resource), false);
    assert.equal(ruleMatches({ ...base, resources: ["configmaps/status"] }, request, resource), true);
    assert.equal(ruleMatches({ ...base, resources: ["*/status"] }, request, resource), true);
    assert.equal(ruleMatches({ ...base, resources: ["*"] }, request, resource), false);
    assert.equal(ruleMatches({ ...base, resources: ["*/*"] }, request, resource), true);
    assert.equal(ruleMatches({ ...base, operations: ["CREATE"], resources: ["*/*"] }, request, resource), false);
  });
  it("scope: a namespace itself is cluster-scoped, as are requests without a namespace", () => {
    const rule = { operations: ["*"], apiGroups: ["*"], apiVersions: ["*"], resources: ["*"] };
    const namespaces = { group: "", version: "v1", resource: "namespaces" };
    const own = { operation: "CREATE" as const, subresource: "", namespace: "team-a" };
    assert.equal(ruleMatches({ ...rule, scope: "Namespaced" }, own, namespaces), false);
    assert.equal(ruleMatches({ ...rule, scope: "Cluster" }, own, namespaces), true);
    assert.equal(ruleMatches({ ...rule, scope: "Namespaced" }, own, resource), true);
    assert.equal(ruleMatches({ ...rule, scope: "Cluster" }, { ...own, namespace: undefined }, resource), true);
  });
});

describe("shouldCallWebhook", () => {
  it("applies namespace and object selectors (old object too) before the rules", async () => {
    const { typeOf, matching } = await setUp();
    const attributes = attributesFor(typeOf("configmaps"));
    const call = async (spec: Partial<ConfiguredWebhook["spec"]>, attrs = attributes) =>
      (await shouldCallWebhook(webhook(spec), attrs, matching)) !== undefined;
    assert.equal(await call({}), true);
    assert.equal(await call({ namespaceSelector: { matchLabels: { env: "prod" } } }), true);
    assert.equal(await call({ namespaceSelector: { matchLabels: { env: "dev" } } }), false);
    assert.equal(await call({ objectSelector: { matchLabels: { app: "db" } } }), false);
    const old = { ...attributes.object!, metadata: { ...attributes.object!.metadata, labels: { app: "db" } } };
    assert.equal(
      await call({ objectSelector: { matchLabels: { app: "db" } } }, { ...attributes, oldObject: old }),
      true,
    );
  });
  it("fails a request to a missing namespace only for a webhook whose rules match", async () => {
    const { typeOf, matching } = await setUp();
    const attributes = attributesFor(typeOf("configmaps"), { namespace: "missing" });
    const selective = webhook({ namespaceSelector: { matchLabels: { env: "prod" } } });
    await assert.rejects(shouldCallWebhook(selective, attributes, matching), /namespaces "missing" not found/);
    const other = webhook({
      ...selective.spec,
      rules: [{ operations: ["DELETE"], apiGroups: [""], apiVersions: ["v1"], resources: ["configmaps"] }],
    });
    assert.equal(await shouldCallWebhook(other, attributes, matching), undefined);
  });
  it("with matchPolicy Equivalent calls a rule for another version of the resource in that version", async () => {
    const { typeOf, matching } = await setUp();
    const coreEvents = typeOf("events");
    const rules = [
      { operations: ["CREATE"], apiGroups: ["events.k8s.io"], apiVersions: ["v1"], resources: ["events"] },
    ];
    const attributes = attributesFor(coreEvents);
    assert.equal(await shouldCallWebhook(webhook({ rules, matchPolicy: "Exact" }), attributes, matching), undefined);
    const invocation = await shouldCallWebhook(webhook({ rules }), attributes, matching);
    assert.equal(invocation?.type.group, "events.k8s.io");
  });
  it("skips on a false matchCondition, refuses on an error with failurePolicy Fail, skips with Ignore", async () => {
    const { typeOf, matching } = await setUp();
    const attributes = attributesFor(typeOf("configmaps"));
    const conditions = (expression: string) => [{ name: "c", expression }];
    assert.notEqual(
      await shouldCallWebhook(
        webhook({ matchConditions: conditions("request.operation == 'CREATE'") }),
        attributes,
        matching,
      ),
      undefined,
    );
    assert.equal(
      await shouldCallWebhook(
        webhook({ matchConditions: conditions("object.metadata.name == 'two'") }),
        attributes,
        matching,
      ),
      undefined,
    );
    await assert.rejects(
      shouldCallWebhook(webhook({ matchConditions: conditions("object.nothing.here == 1") }), attributes, matching),
      (error: unknown) =>
        error instanceof StatusError && error.code === 403 && /configmaps "one" is forbidden/.test(error.message),
    );
    const ignore = webhook({ matchConditions: conditions("object.nothing.here == 1"), failurePolicy: "Ignore" });
    assert.equal(await shouldCallWebhook(ignore, attributes, matching), undefined);
  });
});

describe("match conditions", () => {
  it("see object, oldObject and the admission request", async () => {
    const { typeOf } = await setUp();
    const type = typeOf("configmaps");
    const attributes = attributesFor(type, {
      operation: "DELETE",
      object: undefined,
      oldObject: attributesFor(type).object,
    });
    const spec = webhook({
      matchConditions: [
        { name: "delete", expression: "request.operation == 'DELETE' && object == null" },
        { name: "old", expression: "oldObject.metadata.labels.app == 'web' && request.userInfo.username == 'admin'" },
      ],
    }).spec;
    assert.equal(evaluateMatchConditions(spec, attributes, type), true);
  });
});

describe("AdmissionReview", () => {
  it("is sent in the first version the webhook accepts, with request kind and resource", async () => {
    const { typeOf } = await setUp();
    const attributes = attributesFor(typeOf("configmaps"), { subresource: "status", operation: "UPDATE" });
    const review = admissionReview(["v2", "v1beta1", "v1"], attributes, attributes.type)!;
    assert.equal(review.body.apiVersion, "admission.k8s.io/v1beta1");
    const request = review.body.request as Record<string, unknown>;
    assert.equal(request.subResource, "status");
    assert.deepEqual(request.requestKind, { group: "", version: "v1", kind: "ConfigMap" });
    assert.equal(request.oldObject, null);
    assert.equal(admissionReview(["v2"], attributes, attributes.type), undefined);
  });
  it("responses are verified as VerifyAdmissionResponse does", () => {
    const sent = { uid: "u1", version: "v1" as const };
    const v1 = (response: Record<string, unknown>) => ({
      apiVersion: "admission.k8s.io/v1",
      kind: "AdmissionReview",
      response,
    });
    assert.throws(() => verifyAdmissionResponse(sent, {}, false), /webhook response was absent/);
    assert.throws(
      () => verifyAdmissionResponse(sent, v1({ uid: "u2" }), false),
      /expected response.uid="u1", got "u2"/,
    );
    const patch = Buffer.from("[]").toString("base64");
    assert.throws(
      () => verifyAdmissionResponse(sent, v1({ uid: "u1", patch }), true),
      /patch but not response.patchType/,
    );
    assert.throws(
      () => verifyAdmissionResponse(sent, v1({ uid: "u1", patch, patchType: "JSONPatch" }), false),
      /validating webhook may not return response.patch/,
    );
    const answer = verifyAdmissionResponse(sent, v1({ uid: "u1", allowed: true, warnings: ["w"] }), false);
    assert.deepEqual([answer.allowed, answer.warnings], [true, ["w"]]);
    const beta = verifyAdmissionResponse(
      { uid: "u1", version: "v1beta1" },
      { response: { allowed: true, patch } },
      true,
    );
    assert.equal(beta.patchType, "JSONPatch");
  });
});

describe("webhook errors", () => {
  it("a denial keeps the webhook's code and reason, never below 400, with the webhook named", () => {
    const denied = rejection("x.example.com", { code: 403, reason: "Forbidden", message: "no" });
    assert.deepEqual(
      [denied.code, denied.reason, denied.message],
      [403, "Forbidden", 'admission webhook "x.example.com" denied the request: no'],
    );
    const bare = rejection("x.example.com", { code: 200 });
    assert.deepEqual(
      [bare.code, bare.message],
      [400, 'admission webhook "x.example.com" denied the request without explanation'],
    );
  });
  it("a failed call is an internal error naming the webhook", () => {
    const status = new CallingWebhookError("x.example.com", "failed to call webhook: boom").toStatusError().toStatus();
    assert.equal(
      status.message,
      'Internal error occurred: failed calling webhook "x.example.com": failed to call webhook: boom',
    );
    assert.deepEqual(status.details, {
      causes: [{ message: 'failed calling webhook "x.example.com": failed to call webhook: boom' }],
    });
  });
});

describe("configurations", () => {
  it("are called in configuration name order, each webhook with its own uid", async () => {
    const { store } = await setUp();
    for (const name of ["b", "a"]) {
      store.put("admissionregistration.k8s.io/validatingwebhookconfigurations", objectKey(undefined, name), {
        apiVersion: "admissionregistration.k8s.io/v1",
        kind: "ValidatingWebhookConfiguration",
        metadata: { name },
        webhooks: [{ name: "one.example.com" }, { name: "two.example.com" }],
      } as KubeObject);
    }
    assert.deepEqual(
      configuredWebhooks(store, "validating").map((hook) => hook.uid),
      ["a/one.example.com/0", "a/two.example.com/1", "b/one.example.com/0", "b/two.example.com/1"],
    );
    assert.deepEqual(configuredWebhooks(store, "mutating"), []);
  });
  it("never apply to admission's own configuration kinds", () => {
    assert.equal(
      isExemptFromWebhooks({ group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration" }),
      true,
    );
    assert.equal(isExemptFromWebhooks({ group: "", kind: "ConfigMap" }), false);
    assert.equal(
      isExemptFromWebhooks({ group: "authorization.k8s.io", kind: "SubjectAccessReview", stored: false }),
      true,
    );
  });
});

describe("AdmissionChain", () => {
  it("runs validating steps in order and sends earlier warnings with a denial", async () => {
    const { typeOf } = await setUp();
    const order: string[] = [];
    const chain = new AdmissionChain(
      [],
      [
        { validate: () => (order.push("policy"), Promise.resolve({ warnings: ["first"] })) },
        {
          validate: () => {
            order.push("webhooks");
            return Promise.reject(new StatusError(400, "BadRequest", "denied"));
          },
        },
      ],
    );
    await assert.rejects(chain.validate(attributesFor(typeOf("configmaps"))), (error: unknown) => {
      assert.ok(error instanceof StatusError);
      assert.deepEqual(error.warnings, ["first"]);
      return true;
    });
    assert.deepEqual(order, ["policy", "webhooks"]);
  });
});

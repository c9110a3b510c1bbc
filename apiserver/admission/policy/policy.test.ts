import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { adminUser } from "../../auth/user.js";
import { StatusError } from "../../errors/status.js";
import { builtinTypes } from "../../registry/builtins.js";
import { ResourceRegistry } from "../../registry/registry.js";
import type { ResourceType } from "../../registry/resource_type.js";
import { objectKey, Store } from "../../storage/store.js";
import type { KubeObject } from "../../storage/types.js";
import type { AdmissionAttributes } from "../attributes.js";
import { validatingAdmissionPolicies, type PolicyDependencies } from "./index.js";

const group = "admissionregistration.k8s.io";

async function setUp(extra: Partial<PolicyDependencies> = {}) {
  const store = await Store.open();
  const registry = new ResourceRegistry();
  registry.replace("", builtinTypes());
  const typeOf = (resource: string, apiGroup = ""): ResourceType =>
    registry.resources(apiGroup, "v1").find((type) => type.resource === resource)!;
  const put = (collection: string, namespace: string | undefined, object: Record<string, unknown>) =>
    store.put(collection, objectKey(namespace, (object.metadata as { name: string }).name), object as KubeObject);
  put("/namespaces", undefined, {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: "team-a", labels: { env: "prod" } },
  });
  put("/namespaces", undefined, {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: "team-b", labels: { env: "dev" } },
  });
  const admission = validatingAdmissionPolicies({ store, registry, ...extra });
  const policy = (name: string, spec: Record<string, unknown>) =>
    put(`${group}/validatingadmissionpolicies`, undefined, {
      apiVersion: `${group}/v1`,
      kind: "ValidatingAdmissionPolicy",
      metadata: { name },
      spec: {
        failurePolicy: "Fail",
        matchConstraints: {
          matchPolicy: "Equivalent",
          namespaceSelector: {},
          objectSelector: {},
          resourceRules: [
            {
              apiGroups: [""],
              apiVersions: ["v1"],
              operations: ["CREATE", "UPDATE"],
              resources: ["configmaps"],
              scope: "*",
            },
          ],
        },
        ...spec,
      },
    });
  const binding = (name: string, spec: Record<string, unknown>) =>
    put(`${group}/validatingadmissionpolicybindings`, undefined, {
      apiVersion: `${group}/v1`,
      kind: "ValidatingAdmissionPolicyBinding",
      metadata: { name },
      spec: { validationActions: ["Deny"], ...spec },
    });
  const configMap = (name: string, data: Record<string, string>, namespace = "team-a", labels = {}): KubeObject => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name, namespace, labels },
    data,
  });
  const create = (object: KubeObject, user = adminUser): AdmissionAttributes => ({
    operation: "CREATE",
    type: typeOf("configmaps"),
    subresource: "",
    namespace: object.metadata.namespace,
    name: object.metadata.name ?? "",
    object,
    oldObject: undefined,
    options: { kind: "CreateOptions", apiVersion: "meta.k8s.io/v1" },
    dryRun: false,
    user,
  });
  return { store, admission, policy, binding, configMap, create, put, typeOf };
}

async function denial(promise: Promise<unknown>): Promise<ReturnType<StatusError["toStatus"]>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof StatusError, String(error));
    return error.toStatus();
  }
  assert.fail("the request was admitted");
}

describe("validatingAdmissionPolicies", () => {
  it("denies with the validation's message as kube-apiserver words the Status", async () => {
    const { admission, policy, binding, configMap, create } = await setUp();
    policy("small", { validations: [{ expression: "size(object.data) <= 1", message: "at most one key" }] });
    binding("small-binding", { policyName: "small" });
    assert.deepEqual(await admission.validate(create(configMap("ok", { a: "1" }))), { warnings: [] });
    const message = "ValidatingAdmissionPolicy 'small' with binding 'small-binding' denied request: at most one key";
    assert.deepEqual(await denial(admission.validate(create(configMap("big", { a: "1", b: "2" })))), {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: `configmaps "big" is forbidden: ${message}`,
      reason: "Invalid",
      details: { name: "big", kind: "configmaps", causes: [{ message }] },
      code: 422,
    });
  });

  it("uses messageExpression and reason, and falls back to the expression", async () => {
    const { admission, policy, binding, configMap, create } = await setUp();
    policy("named", {
      validations: [
        {
          expression: "object.metadata.name.startsWith('app-')",
          messageExpression: "'  name ' + object.metadata.name + ' lacks the app- prefix '",
          reason: "Forbidden",
        },
        { expression: "has(object.data.owner)" },
      ],
    });
    binding("named-binding", { policyName: "named" });
    const status = await denial(admission.validate(create(configMap("web", { owner: "me" }))));
    assert.equal(status.code, 403);
    assert.equal(status.reason, "Forbidden");
    assert.match(status.message!, /denied request: name web lacks the app- prefix$/);
    const second = await denial(admission.validate(create(configMap("app-web", {}))));
    assert.match(second.message!, /denied request: failed expression: has\(object.data.owner\)$/);
  });

  it("warns for a Warn binding with kube-apiserver's text, and admits", async () => {
    const { admission, policy, binding, configMap, create } = await setUp();
    policy("warned", { validations: [{ expression: "false", message: "never" }] });
    binding("warn-binding", { policyName: "warned", validationActions: ["Warn", "Audit"] });
    assert.deepEqual(await admission.validate(create(configMap("x", {}))), {
      warnings: ["Validation failed for ValidatingAdmissionPolicy 'warned' with binding 'warn-binding': never"],
    });
  });

  it("reads params named by the binding, in the request's namespace, and applies parameterNotFoundAction", async () => {
    const { admission, policy, binding, configMap, create, put } = await setUp();
    policy("limits", {
      paramKind: { apiVersion: "v1", kind: "ConfigMap" },
      validations: [
        { expression: "size(object.data) <= int(params.data.max)", messageExpression: "'at most ' + params.data.max" },
      ],
    });
    binding("limits-binding", { policyName: "limits", paramRef: { name: "limits", parameterNotFoundAction: "Deny" } });
    const denied = await denial(admission.validate(create(configMap("x", { a: "1" }))));
    assert.match(
      denied.message!,
      /with binding 'limits-binding' denied request: failed to configure binding: no params found for policy binding with `Deny` parameterNotFoundAction$/,
    );
    put("/configmaps", "team-a", configMap("limits", { max: "1" }));
    await admission.validate(create(configMap("x", { a: "1" })));
    const over = await denial(admission.validate(create(configMap("y", { a: "1", b: "2" }))));
    assert.match(over.message!, /denied request: at most 1$/);
    // Another namespace has no such param; Allow admits without evaluating.
    binding("limits-binding", { policyName: "limits", paramRef: { name: "limits", parameterNotFoundAction: "Allow" } });
    await admission.validate(create(configMap("y", { a: "1", b: "2" }, "team-b")));
  });

  it("selects params by label and evaluates once per param", async () => {
    const { admission, policy, binding, configMap, create, put } = await setUp();
    policy("banned", {
      paramKind: { apiVersion: "v1", kind: "ConfigMap" },
      validations: [
        { expression: "!(params.data.word in object.data)", messageExpression: "'banned: ' + params.data.word" },
      ],
    });
    binding("banned-binding", { policyName: "banned", paramRef: { selector: { matchLabels: { kind: "banned" } } } });
    put("/configmaps", "team-a", configMap("b1", { word: "foo" }, "team-a", { kind: "banned" }));
    put("/configmaps", "team-a", configMap("b2", { word: "bar" }, "team-a", { kind: "banned" }));
    assert.match((await denial(admission.validate(create(configMap("x", { bar: "1" }))))).message!, /banned: bar$/);
    await admission.validate(create(configMap("x", { baz: "1" })));
  });

  it("matches namespaceSelector and objectSelector on the binding, and skips the policy's own kinds", async () => {
    const { admission, policy, binding, configMap, create, typeOf } = await setUp();
    policy("deny-all", { validations: [{ expression: "false" }] });
    binding("prod-only", {
      policyName: "deny-all",
      matchResources: {
        namespaceSelector: { matchLabels: { env: "prod" } },
        objectSelector: { matchExpressions: [{ key: "skip", operator: "DoesNotExist" }] },
      },
    });
    await denial(admission.validate(create(configMap("x", {}, "team-a"))));
    await admission.validate(create(configMap("x", {}, "team-b")));
    await admission.validate(create(configMap("x", {}, "team-a", { skip: "yes" })));
    const policyType = typeOf("validatingadmissionpolicies", group);
    await admission.validate({ ...create(configMap("x", {})), type: policyType, namespace: undefined });
  });

  it("skips a request a matchCondition rejects, and applies failurePolicy to a failing condition", async () => {
    const { admission, policy, binding, configMap, create } = await setUp();
    policy("conditional", {
      matchConditions: [{ name: "labelled", expression: "'check' in object.metadata.labels" }],
      validations: [{ expression: "false", message: "checked" }],
    });
    binding("conditional-binding", { policyName: "conditional" });
    await admission.validate(create(configMap("x", {})));
    assert.match(
      (await denial(admission.validate(create(configMap("x", {}, "team-a", { check: "1" }))))).message!,
      /checked$/,
    );
    const noLabels = { ...configMap("x", {}), metadata: { name: "x", namespace: "team-a" } };
    const failed = await denial(admission.validate(create(noLabels)));
    assert.match(
      failed.message!,
      /denied request: expression ''check' in object.metadata.labels' resulted in error: no such key: labels$/,
    );
  });

  it("evaluates variables lazily and reports runtime errors by failurePolicy", async () => {
    const { admission, policy, binding, configMap, create } = await setUp();
    policy("vars", {
      variables: [
        { name: "count", expression: "size(object.data)" },
        { name: "broken", expression: "1 / (size(object.data) - size(object.data))" },
      ],
      validations: [
        { expression: "variables.count < 2", messageExpression: "'count is ' + string(variables.count)" },
        { expression: "variables.count == 0 || variables.broken > 0" },
      ],
    });
    binding("vars-binding", { policyName: "vars" });
    await admission.validate(create(configMap("x", {})));
    assert.match(
      (await denial(admission.validate(create(configMap("x", { a: "1", b: "2" }))))).message!,
      /count is 2$/,
    );
    const broken = await denial(admission.validate(create(configMap("x", { a: "1" }))));
    assert.match(
      broken.message!,
      /expression 'variables.count == 0 \|\| variables.broken > 0' resulted in error: division by zero$/,
    );
    policy("vars", {
      failurePolicy: "Ignore",
      variables: [{ name: "broken", expression: "1 / 0" }],
      validations: [{ expression: "variables.broken > 0" }],
    });
    await admission.validate(create(configMap("x", { a: "1" })));
  });

  it("sees request, namespaceObject and authorizer, and the Kubernetes library functions", async () => {
    const checks: string[] = [];
    const { admission, policy, binding, configMap, create } = await setUp({
      authorize: (user, attributes) => {
        checks.push(`${user.username} ${attributes.verb} ${attributes.resource} ${attributes.namespace}`);
        return { allowed: attributes.verb !== "delete", reason: "" };
      },
    });
    policy("context", {
      validations: [
        {
          expression:
            "request.operation == 'CREATE' && request.userInfo.username == 'admin' && request.kind.kind == 'ConfigMap'",
        },
        { expression: "namespaceObject.metadata.labels.env == 'prod'", message: "prod only" },
        { expression: "authorizer.requestResource.check('create').allowed()" },
        { expression: "!authorizer.group('').resource('secrets').namespace('x').check('delete').allowed()" },
        { expression: "quantity(object.data.size).isLessThan(quantity('1Gi'))", message: "too big" },
        { expression: "sets.contains(['a', 'b'], object.data.keys.split(','))", message: "unknown key" },
      ],
    });
    binding("context-binding", { policyName: "context" });
    await admission.validate(create(configMap("x", { size: "512Mi", keys: "a" })));
    assert.deepEqual(checks, ["admin create configmaps team-a", "admin delete secrets x"]);
    assert.match(
      (await denial(admission.validate(create(configMap("x", { size: "2Gi", keys: "a" }))))).message!,
      /too big$/,
    );
    assert.match(
      (await denial(admission.validate(create(configMap("x", { size: "1", keys: "c" }))))).message!,
      /unknown key$/,
    );
    assert.match(
      (await denial(admission.validate(create(configMap("x", { size: "1", keys: "a" }, "team-b"))))).message!,
      /prod only$/,
    );
  });

  it("denies on a failing audit annotation whatever the validationActions, and reports a policy without matchConstraints", async () => {
    const { admission, policy, binding, configMap, create } = await setUp();
    policy("audited", { validations: [], auditAnnotations: [{ key: "k", valueExpression: "1" }] });
    binding("audited-binding", { policyName: "audited", validationActions: ["Audit"] });
    assert.match(
      (await denial(admission.validate(create(configMap("x", {}))))).message!,
      /denied request: valueExpression '1' resulted in unsupported return type: int. Return type must be either string or null.$/,
    );
    policy("audited", { matchConstraints: null, validations: [] });
    assert.match(
      (await denial(admission.validate(create(configMap("x", {}))))).message!,
      /ValidatingAdmissionPolicy 'audited' denied request: failed to configure policy: policy contained no match constraints, a required field$/,
    );
  });
});

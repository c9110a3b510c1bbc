import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { clusterObject, createdAt, rejection, tableCells } from "../strategy_testing.js";
import { strategies } from "./index.js";

const group = "admissionregistration.k8s.io";
const now = createdAt;
const object = (kind: string, name: string, fields: Record<string, unknown>): KubeObject =>
  clusterObject(`${group}/v1`, kind, name, fields);

describe("admissionregistration strategies", () => {
  const validating = strategies.validatingwebhookconfigurations!;
  const validatingKind = { group, kind: "ValidatingWebhookConfiguration" };

  it("default a webhook as SetDefaults_ValidatingWebhook and _Rule do", () => {
    const configuration = object("ValidatingWebhookConfiguration", "ck-vwc", {
      webhooks: [
        {
          name: "v.example.com",
          clientConfig: { url: "https://example.com/v" },
          sideEffects: "None",
          admissionReviewVersions: ["v1"],
          rules: [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods"] }],
        },
      ],
    });
    assert.equal(rejection(validating, validatingKind, configuration), "");
    assert.deepEqual(configuration.webhooks, [
      {
        name: "v.example.com",
        clientConfig: { url: "https://example.com/v" },
        rules: [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods"], scope: "*" }],
        failurePolicy: "Fail",
        matchPolicy: "Equivalent",
        namespaceSelector: {},
        objectSelector: {},
        sideEffects: "None",
        timeoutSeconds: 10,
        admissionReviewVersions: ["v1"],
      },
    ]);
    assert.deepEqual(tableCells(validating, configuration, now), ["ck-vwc", 1, "0s"]);
  });

  it("default a mutating webhook's reinvocation policy and service port", () => {
    const configuration = object("MutatingWebhookConfiguration", "ck-mwc", {
      webhooks: [
        {
          name: "m.example.com",
          clientConfig: { service: { namespace: "default", name: "s" } },
          sideEffects: "NoneOnDryRun",
          admissionReviewVersions: ["v1", "v1beta1"],
        },
      ],
    });
    const mutating = strategies.mutatingwebhookconfigurations!;
    assert.equal(rejection(mutating, { group, kind: "MutatingWebhookConfiguration" }, configuration), "");
    const [hook] = configuration.webhooks as Record<string, unknown>[];
    assert.equal(hook!.reinvocationPolicy, "Never");
    assert.deepEqual(hook!.clientConfig, { service: { namespace: "default", name: "s", port: 443 } });
  });

  it("reject bad webhooks with kube-apiserver's messages in its order", () => {
    const bad = object("ValidatingWebhookConfiguration", "ck-vwcbad", {
      webhooks: [
        { name: "nodots", clientConfig: {} },
        {
          name: "a.b.c",
          clientConfig: { url: "http://x/", service: { namespace: "ns", name: "s" } },
          sideEffects: "Some",
          admissionReviewVersions: ["v9"],
          failurePolicy: "Bad",
          matchPolicy: "Bad",
          timeoutSeconds: 31,
          rules: [{ operations: ["BAD"], apiGroups: [], apiVersions: [], resources: [], scope: "Bad" }],
        },
        {
          name: "a.b.c",
          clientConfig: { service: { namespace: "", name: "", port: 0, path: "x" } },
          sideEffects: "None",
          admissionReviewVersions: ["v1"],
        },
      ],
    });
    assert.equal(
      rejection(validating, validatingKind, bad),
      `ValidatingWebhookConfiguration.admissionregistration.k8s.io "ck-vwcbad" is invalid: [webhooks[0].name: Invalid value: "nodots": should be a domain with at least three segments separated by dots, webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun, webhooks[0].clientConfig: Required value: exactly one of url or service is required, webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1, webhooks[1].rules[0].operations[0]: Unsupported value: "BAD": supported values: "*", "CONNECT", "CREATE", "DELETE", "UPDATE", webhooks[1].rules[0].apiGroups: Required value, webhooks[1].rules[0].apiVersions: Required value, webhooks[1].rules[0].resources: Required value, webhooks[1].rules[0].scope: Unsupported value: "Bad": supported values: "*", "Cluster", "Namespaced", webhooks[1].failurePolicy: Unsupported value: "Bad": supported values: "Fail", "Ignore", webhooks[1].matchPolicy: Unsupported value: "Bad": supported values: "Equivalent", "Exact", webhooks[1].sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun", webhooks[1].timeoutSeconds: Invalid value: 31: the timeout value must be between 1 and 30 seconds, webhooks[1].clientConfig: Required value: exactly one of url or service is required, webhooks[1].admissionReviewVersions: Invalid value: ["v9"]: must include at least one of v1, v1beta1, webhooks[2].clientConfig.service.name: Required value, webhooks[2].clientConfig.service.namespace: Required value, webhooks[2].clientConfig.service.port: Invalid value: 0: port is not valid: must be between 1 and 65535, inclusive, webhooks[2].clientConfig.service.path: Invalid value: "x": must start with a '/', webhooks[2].clientConfig.service.path: Invalid value: "x": segment[0] may not be empty, webhooks[2].name: Duplicate value: "a.b.c"]`,
    );
  });

  it("refuse webhook URLs that are not https, or carry a user, query or fragment", () => {
    const withURL = (url: string) =>
      object("ValidatingWebhookConfiguration", "u", {
        webhooks: [
          { name: "v.example.com", clientConfig: { url }, sideEffects: "None", admissionReviewVersions: ["v1"] },
        ],
      });
    assert.equal(
      rejection(validating, validatingKind, withURL("http://u:p@host/x?a=b#f")),
      `ValidatingWebhookConfiguration.admissionregistration.k8s.io "u" is invalid: [webhooks[0].clientConfig.url: Invalid value: "http": 'https' is the only allowed URL scheme; desired format: https://host[/path], webhooks[0].clientConfig.url: Invalid value: "u:p": user information is not permitted in the URL, webhooks[0].clientConfig.url: Invalid value: "f": fragments are not permitted in the URL, webhooks[0].clientConfig.url: Invalid value: "a=b": query parameters are not permitted in the URL]`,
    );
  });

  it("default and check validating admission policies and bindings", () => {
    const policies = strategies.validatingadmissionpolicies!;
    const policy = object("ValidatingAdmissionPolicy", "ck-vap", {
      spec: {
        matchConstraints: {
          resourceRules: [
            { operations: ["CREATE"], apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments"] },
          ],
        },
        validations: [{ expression: "object.spec.replicas <= 5" }],
      },
    });
    const policyKind = { group, kind: "ValidatingAdmissionPolicy" };
    assert.equal(rejection(policies, policyKind, policy), "");
    assert.deepEqual(policy.spec, {
      matchConstraints: {
        namespaceSelector: {},
        objectSelector: {},
        resourceRules: [
          { operations: ["CREATE"], apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments"], scope: "*" },
        ],
        matchPolicy: "Equivalent",
      },
      validations: [{ expression: "object.spec.replicas <= 5" }],
      failurePolicy: "Fail",
    });
    assert.deepEqual(tableCells(policies, policy, now), ["ck-vap", 1, "<unset>", "0s"]);
    assert.equal(
      rejection(
        policies,
        policyKind,
        object("ValidatingAdmissionPolicy", "ck-vapbad", { spec: { validations: [{ expression: "" }] } }),
      ),
      'ValidatingAdmissionPolicy.admissionregistration.k8s.io "ck-vapbad" is invalid: [spec.matchConstraints: Required value, spec.validations[0].expression: Required value: expression is not specified]',
    );
    const bindings = strategies.validatingadmissionpolicybindings!;
    const bindingKind = { group, kind: "ValidatingAdmissionPolicyBinding" };
    assert.equal(
      rejection(
        bindings,
        bindingKind,
        object("ValidatingAdmissionPolicyBinding", "ck-vapbbad", { spec: { policyName: "", validationActions: [] } }),
      ),
      'ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io "ck-vapbbad" is invalid: [spec.policyName: Required value, spec.validationActions: Required value]',
    );
    const binding = object("ValidatingAdmissionPolicyBinding", "ck-vapb", {
      spec: { policyName: "ck-vap", validationActions: ["Deny"] },
    });
    assert.equal(rejection(bindings, bindingKind, binding), "");
    assert.deepEqual(tableCells(bindings, binding, now), ["ck-vapb", "ck-vap", "<unset>", "0s"]);
  });
});

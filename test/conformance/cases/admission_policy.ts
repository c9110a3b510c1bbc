/**
 * ValidatingAdmissionPolicy on both servers: denials with message, messageExpression and reason,
 * Warn bindings, params from a ConfigMap, namespaceSelector, matchConditions, variables,
 * failurePolicy on runtime errors, on a built-in kind (ConfigMap) and on a CRD kind (Widget).
 */
import type { CaseContext, ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, expectStatus } from "./helpers.js";
import {
  constraints,
  createConfigMap,
  deniedWith,
  untilPolicyApplies,
  withPolicy,
} from "./admission_policy_helpers.js";
import { installWidgets, widget } from "./widget_crd.js";

const configMapRules = (t: CaseContext) => constraints(t, [""], ["configmaps"]);

export const admissionPolicyCases: ConformanceCase[] = [
  {
    area: "admission",
    name: "a policy denies a ConfigMap with its message, messageExpression and reason",
    async run(t) {
      const spec = {
        failurePolicy: "Fail",
        matchConstraints: configMapRules(t),
        validations: [
          { expression: "size(object.data) <= 2", message: "at most two keys" },
          {
            expression: "!object.metadata.name.startsWith('tmp-')",
            messageExpression: "'  name ' + object.metadata.name + ' is temporary  '",
            reason: "Forbidden",
          },
          { expression: "!('secret' in object.data)" },
        ],
      };
      await withPolicy(t, "deny", spec, {}, async () => {
        await untilPolicyApplies(t, createConfigMap(t, "probe", { a: "1", b: "2", c: "3" }));
        expectStatus(await t.http(createConfigMap(t, "many", { a: "1", b: "2", c: "3" })), 422);
        expectStatus(await t.http(createConfigMap(t, "tmp-x", { a: "1" })), 403);
        expectStatus(await t.http(createConfigMap(t, "leak", { secret: "1" })), 422);
        expectStatus(await t.http(createConfigMap(t, "fine", { a: "1" })), 201);
        const update = {
          method: "PUT",
          path: configMapsPath(t.namespace, "fine"),
          body: configMap("fine", { a: "1", b: "2", c: "3" }),
        };
        expectStatus(await t.http(update), 422);
      });
    },
  },
  {
    area: "admission",
    name: "a Warn binding admits with kube-apiserver's Warning text",
    async run(t) {
      const spec = {
        matchConstraints: configMapRules(t),
        validations: [
          { expression: "has(object.data) && 'owner' in object.data", message: "an owner key is expected" },
        ],
      };
      await withPolicy(t, "warn", spec, { validationActions: ["Warn", "Audit"] }, async () => {
        await untilPolicyApplies(t, createConfigMap(t, "probe", {}), (response) => response.warnings.length > 0);
        expectStatus(await t.http(createConfigMap(t, "unowned", { a: "1" })), 201);
        expectStatus(await t.http(createConfigMap(t, "owned", { owner: "me" })), 201);
      });
    },
  },
  {
    area: "admission",
    name: "params from a ConfigMap named by the binding bound a ConfigMap's size",
    async run(t) {
      expectStatus(await t.send(createConfigMap(t, "limits", { maxKeys: "2", forbidden: "root" })), 201);
      const spec = {
        paramKind: { apiVersion: "v1", kind: "ConfigMap" },
        matchConstraints: configMapRules(t),
        validations: [
          {
            expression: "size(object.data) <= int(params.data.maxKeys)",
            messageExpression: "'at most ' + params.data.maxKeys + ' keys, got ' + string(size(object.data))",
          },
          {
            expression: "!(params.data.forbidden in object.data)",
            messageExpression: "'key ' + params.data.forbidden + ' is forbidden'",
          },
        ],
      };
      const binding = { paramRef: { name: "limits", namespace: t.namespace, parameterNotFoundAction: "Deny" } };
      await withPolicy(t, "params", spec, binding, async () => {
        await untilPolicyApplies(
          t,
          createConfigMap(t, "probe", { a: "1", b: "2", c: "3" }),
          deniedWith("at most 2 keys"),
        );
        expectStatus(await t.http(createConfigMap(t, "many", { a: "1", b: "2", c: "3" })), 422);
        expectStatus(await t.http(createConfigMap(t, "rooted", { root: "1" })), 422);
        expectStatus(await t.http(createConfigMap(t, "fine", { a: "1" })), 201);
      });
    },
  },
  {
    area: "admission",
    name: "a binding's namespaceSelector and a policy's matchConditions narrow what is checked",
    async run(t) {
      const labelled = `${t.namespace}-labelled`;
      expectStatus(
        await t.send({
          method: "POST",
          path: "/api/v1/namespaces",
          body: {
            apiVersion: "v1",
            kind: "Namespace",
            metadata: { name: labelled, labels: { "policy-case": t.namespace } },
          },
        }),
        201,
      );
      const spec = {
        matchConstraints: {
          resourceRules: [{ apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"] }],
        },
        matchConditions: [
          { name: "not-exempt", expression: "!has(object.metadata.labels) || !('exempt' in object.metadata.labels)" },
        ],
        validations: [{ expression: "size(object.data) == 0", message: "must be empty" }],
      };
      const binding = { matchResources: { namespaceSelector: { matchLabels: { "policy-case": t.namespace } } } };
      try {
        await withPolicy(t, "selected", spec, binding, async () => {
          const inLabelled = (name: string, labels?: Record<string, string>) => ({
            method: "POST",
            path: configMapsPath(labelled),
            body: configMap(name, { a: "1" }, labels ? { labels } : {}),
          });
          await untilPolicyApplies(t, inLabelled("probe"));
          expectStatus(await t.http(inLabelled("checked")), 422);
          expectStatus(await t.http(inLabelled("exempted", { exempt: "yes" })), 201);
          expectStatus(await t.http(createConfigMap(t, "elsewhere", { a: "1" })), 201);
        });
      } finally {
        await t.send({ method: "DELETE", path: `/api/v1/namespaces/${labelled}` });
      }
    },
  },
  {
    area: "admission",
    name: "variables are shared by validations and messages",
    async run(t) {
      const spec = {
        matchConstraints: configMapRules(t),
        variables: [
          { name: "keyCount", expression: "has(object.data) ? size(object.data) : 0" },
          { name: "tooMany", expression: "variables.keyCount > 2" },
        ],
        validations: [
          { expression: "!variables.tooMany", messageExpression: "'has ' + string(variables.keyCount) + ' keys'" },
        ],
      };
      await withPolicy(t, "variables", spec, {}, async () => {
        await untilPolicyApplies(t, createConfigMap(t, "probe", { a: "1", b: "2", c: "3" }));
        expectStatus(await t.http(createConfigMap(t, "many", { a: "1", b: "2", c: "3", d: "4" })), 422);
        expectStatus(await t.http(createConfigMap(t, "few", { a: "1" })), 201);
      });
    },
  },
  {
    area: "admission",
    name: "a runtime error denies under failurePolicy Fail and is ignored under Ignore",
    async run(t) {
      // The last validation lets the probe see that the policy applies, even under Ignore.
      const failing = (failurePolicy: string) => ({
        failurePolicy,
        matchConstraints: configMapRules(t),
        validations: [
          { expression: "object.data.required == 'yes'" },
          { expression: "size(object.data) / (size(object.data) - size(object.data)) > 0" },
          { expression: "!('probe' in object.data)", message: "probe" },
        ],
      });
      await withPolicy(t, "fail", failing("Fail"), {}, async () => {
        await untilPolicyApplies(t, createConfigMap(t, "probe", { probe: "1" }));
        expectStatus(await t.http(createConfigMap(t, "missing", { a: "1" })), 422);
        expectStatus(await t.http(createConfigMap(t, "divided", { required: "yes" })), 422);
      });
      // kube-apiserver stops applying a deleted policy once its informers see the deletion.
      await untilPolicyApplies(t, createConfigMap(t, "probe", { a: "1" }), (response) => response.status === 201);
      await withPolicy(t, "ignore", failing("Ignore"), {}, async () => {
        await untilPolicyApplies(t, createConfigMap(t, "probe", { probe: "1" }));
        expectStatus(await t.http(createConfigMap(t, "ignored", { a: "1" })), 201);
      });
    },
  },
  {
    area: "admission",
    name: "a policy on a CRD kind checks a Widget's spec on create and update",
    async run(t) {
      const { group, paths } = await installWidgets(t, {
        type: "object",
        properties: { replicas: { type: "integer" }, mode: { type: "string" } },
      });
      const spec = {
        matchConstraints: constraints(t, [group], ["widgets"]),
        validations: [
          {
            expression: "object.spec.replicas <= 5",
            messageExpression: "'replicas ' + string(object.spec.replicas) + ' above 5'",
          },
          {
            expression: "oldObject == null || object.spec.mode == oldObject.spec.mode",
            message: "mode is immutable",
            reason: "Forbidden",
          },
        ],
      };
      await withPolicy(t, "widgets", spec, {}, async () => {
        const create = (name: string, replicas: number) =>
          ({ method: "POST", path: paths[0]!, body: widget(group, name, { replicas, mode: "a" }) }) as const;
        await untilPolicyApplies(t, create("probe", 9));
        expectStatus(await t.http(create("big", 9)), 422);
        expectStatus(await t.http(create("small", 2)), 201);
        const stored = bodyOf(await t.send({ path: `${paths[0]!}/small` }));
        const changed = widget(
          group,
          "small",
          { replicas: 2, mode: "b" },
          { resourceVersion: stored.metadata.resourceVersion },
        );
        expectStatus(await t.http({ method: "PUT", path: `${paths[0]!}/small`, body: changed }), 403);
      });
    },
  },
];

/**
 * ValidatingAdmissionPolicy cases about what expressions see: oldObject and a null object on
 * DELETE, request, namespaceObject and the authorizer, and params of a CRD kind chosen by a label
 * selector.
 */
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, expectStatus } from "./helpers.js";
import {
  constraints,
  createConfigMap,
  deniedWith,
  untilPolicyApplies,
  withPolicy,
} from "./admission_policy_helpers.js";
import { installWidgets, widget } from "./widget_crd.js";

export const admissionPolicyRequestCases: ConformanceCase[] = [
  {
    area: "admission",
    name: "a policy sees oldObject, request, namespaceObject and the authorizer on UPDATE and DELETE",
    async run(t) {
      expectStatus(await t.send(createConfigMap(t, "keep", { protected: "yes", a: "1" })), 201);
      expectStatus(await t.send(createConfigMap(t, "free", { a: "1" })), 201);
      const spec = {
        matchConstraints: constraints(t, [""], ["configmaps"], ["UPDATE", "DELETE"]),
        validations: [
          {
            expression: "request.operation != 'DELETE' || object == null && !('protected' in oldObject.data)",
            messageExpression: "'ConfigMap ' + oldObject.metadata.name + ' is protected'",
            reason: "Forbidden",
          },
          {
            expression: "request.operation != 'UPDATE' || size(object.data) >= size(oldObject.data)",
            messageExpression: "'keys may not be removed from ' + request.name",
          },
          {
            expression:
              "namespaceObject.metadata.name == request.namespace && request.userInfo.username != '' && request.kind.kind == 'ConfigMap' && request.resource.resource == 'configmaps'",
            message: "unexpected request",
          },
          {
            expression:
              "authorizer.requestResource.check(request.operation.lowerAscii()).allowed() && authorizer.group('').resource('secrets').namespace(request.namespace).check('get').allowed()",
            message: "not allowed",
          },
        ],
      };
      await withPolicy(t, "requests", spec, {}, async () => {
        await untilPolicyApplies(t, { method: "DELETE", path: configMapsPath(t.namespace, "keep") });
        expectStatus(await t.http({ method: "DELETE", path: configMapsPath(t.namespace, "keep") }), 403);
        const stored = bodyOf(await t.send({ path: configMapsPath(t.namespace, "keep") }));
        const update = {
          method: "PUT",
          path: configMapsPath(t.namespace, "keep"),
          body: configMap("keep", { protected: "yes" }, { resourceVersion: stored.metadata.resourceVersion }),
        };
        expectStatus(await t.http(update), 422);
        expectStatus(await t.http({ method: "DELETE", path: configMapsPath(t.namespace, "free") }), 200);
      });
    },
  },
  {
    area: "admission",
    name: "params of a CRD kind chosen by a label selector are each checked",
    async run(t) {
      // A CRD kind: kube-apiserver watches it with an informer of the policy's own; a built-in
      // kind's shared informer is stopped once an earlier policy using it is gone, and a selector
      // then reads a stale cache (a name falls back to a direct read).
      const { group, paths } = await installWidgets(t, { type: "object", properties: { word: { type: "string" } } });
      for (const [name, word] of [
        ["banned-a", "root"],
        ["banned-b", "admin"],
      ] as const)
        expectStatus(
          await t.send({
            method: "POST",
            path: paths[0]!,
            body: widget(group, name, { word }, { labels: { role: "banned-word" } }),
          }),
          201,
        );
      expectStatus(
        await t.send({ method: "POST", path: paths[0]!, body: widget(group, "unrelated", { word: "other" }) }),
        201,
      );
      const spec = {
        paramKind: { apiVersion: `${group}/v1`, kind: "Widget" },
        matchConstraints: constraints(t, [""], ["configmaps"], ["CREATE"]),
        validations: [
          {
            expression: "!has(object.data) || !(params.spec.word in object.data)",
            messageExpression: "'key ' + params.spec.word + ' is banned by ' + params.metadata.name",
          },
        ],
      };
      const binding = {
        paramRef: { selector: { matchLabels: { role: "banned-word" } }, parameterNotFoundAction: "Deny" },
      };
      await withPolicy(t, "selected-params", spec, binding, async () => {
        await untilPolicyApplies(t, createConfigMap(t, "probe", { root: "1" }), deniedWith("is banned by"));
        expectStatus(await t.http(createConfigMap(t, "rooted", { root: "1" })), 422);
        expectStatus(await t.http(createConfigMap(t, "admin", { admin: "1" })), 422);
        expectStatus(await t.http(createConfigMap(t, "other", { other: "1" })), 201);
      });
    },
  },
];

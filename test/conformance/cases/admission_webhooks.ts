/**
 * Admission webhooks called by both servers: the same backend answers, and what clients get back
 * and what the webhook received are compared. Built-in kinds (ConfigMaps) and a custom resource
 * (Gizmo) are admitted alike.
 */
import type { ConformanceCase } from "../harness/case.js";
import { configMap, configMapsPath, expectStatus, gizmo, gizmosPath, GROUP, MERGE, APPLY } from "./helpers.js";
import { rule, withWebhooks } from "./admission_webhooks_setup.js";
import { installWidgets, plainSchema, widget } from "./widget_crd.js";

type Request = Record<string, unknown> & {
  object?: { metadata?: { labels?: Record<string, string> }; data?: Record<string, string> };
};

const dataOf = (request: Record<string, unknown>): Record<string, string> => (request as Request).object?.data ?? {};
const labelsOf = (request: Record<string, unknown>): Record<string, string> =>
  (request as Request).object?.metadata?.labels ?? {};

export const admissionWebhookCases: readonly ConformanceCase[] = [
  {
    area: "admission",
    name: "validating webhook: allow with warnings, deny with its message and code",
    async run(t) {
      await withWebhooks(t, async (setup) => {
        setup.backend.respond("/validate", (request) =>
          dataOf(request).verdict === "deny"
            ? {
                allowed: false,
                status: { code: 403, reason: "Forbidden", message: "verdict says no" },
                warnings: ["denied by the test"],
              }
            : dataOf(request).verdict === "plain"
              ? { allowed: false }
              : { allowed: true, warnings: ["checked by the test webhook"] },
        );
        await setup.install("validating", "validate", [
          {
            name: "validate.admission.example.com",
            path: "/validate",
            rules: [rule(["CREATE", "UPDATE"], ["configmaps"])],
          },
        ]);
        expectStatus(
          await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("allowed") }),
          201,
        );
        expectStatus(
          await t.http({
            method: "POST",
            path: configMapsPath(t.namespace),
            body: configMap("denied", { verdict: "deny" }),
          }),
          403,
        );
        expectStatus(
          await t.http({
            method: "POST",
            path: configMapsPath(t.namespace),
            body: configMap("plain", { verdict: "plain" }),
          }),
          400,
        );
        expectStatus(
          await t.http({
            method: "PATCH",
            path: configMapsPath(t.namespace, "allowed"),
            body: { data: { verdict: "deny" } },
            contentType: MERGE,
          }),
          403,
        );
        await t.http({ path: configMapsPath(t.namespace, "allowed") });
        setup.received("webhook received", 4);
      });
    },
  },
  {
    area: "admission",
    name: "mutating webhook patches a Gizmo; the validating webhook sees the result",
    async run(t) {
      await withWebhooks(t, async (setup) => {
        setup.backend.respond("/mutate", () => ({
          allowed: true,
          patch: [
            { op: "add", path: "/metadata/labels", value: { mutated: "yes" } },
            { op: "replace", path: "/spec/size", value: 5 },
          ],
          warnings: ["mutated by the test"],
        }));
        const gizmoRule = rule(["CREATE", "UPDATE"], ["gizmos"], GROUP, "v1");
        await setup.install("mutating", "mutate", [
          { name: "mutate.admission.example.com", path: "/mutate", rules: [gizmoRule] },
        ]);
        await setup.install("validating", "check", [
          { name: "check.admission.example.com", path: "/check", rules: [gizmoRule] },
        ]);
        expectStatus(await t.http({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("one") }), 201);
        expectStatus(
          await t.http({ method: "POST", path: `${gizmosPath(t.namespace)}?dryRun=All`, body: gizmo("dry") }),
          201,
        );
        await t.http({ path: gizmosPath(t.namespace, "one") });
        setup.received("webhooks received", 4);
      });
    },
  },
  {
    area: "admission",
    name: "failurePolicy: unreachable and slow webhooks fail or are ignored",
    async run(t) {
      await withWebhooks(t, async (setup) => {
        setup.backend.respond("/slow", () => ({ allowed: true, delayMs: 2500 }));
        const unreachable = { url: "https://127.0.0.1:1/unreachable", caBundle: setup.backend.caBundle };
        const only = (value: string) => ({ objectSelector: { matchLabels: { hook: value } } });
        const cm = rule(["CREATE"], ["configmaps"]);
        await setup.install("validating", "failures", [
          {
            name: "ignored.admission.example.com",
            clientConfig: unreachable,
            failurePolicy: "Ignore",
            rules: [cm],
            ...only("ignored"),
          },
          {
            name: "failing.admission.example.com",
            clientConfig: unreachable,
            failurePolicy: "Fail",
            rules: [cm],
            ...only("failing"),
          },
          { name: "slow.admission.example.com", path: "/slow", timeoutSeconds: 1, rules: [cm], ...only("slow") },
        ]);
        for (const hook of ["ignored", "failing", "slow"]) {
          await t.http({
            method: "POST",
            path: configMapsPath(t.namespace),
            body: configMap(hook, {}, { labels: { hook } }),
          });
        }
        setup.received("webhook received", 1);
      });
    },
  },
  {
    area: "admission",
    name: "namespaceSelector, objectSelector and matchConditions choose the calls",
    async run(t) {
      await withWebhooks(t, async (setup) => {
        const cm = rule(["*"], ["configmaps"]);
        await setup.install("validating", "selectors", [
          {
            name: "labelled.admission.example.com",
            path: "/labelled",
            rules: [cm],
            objectSelector: { matchLabels: { watched: "yes" } },
          },
          {
            name: "elsewhere.admission.example.com",
            path: "/elsewhere",
            rules: [cm],
            namespaceSelector: {
              matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: [t.namespace] }],
            },
          },
          {
            name: "conditions.admission.example.com",
            path: "/conditions",
            rules: [cm],
            matchConditions: [
              { name: "checked-names", expression: "object != null && object.metadata.name.startsWith('checked-')" },
              { name: "not-kube-system", expression: "request.namespace != 'kube-system'" },
            ],
          },
        ]);
        await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("plain") });
        await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("checked-one") });
        await t.http({
          method: "POST",
          path: configMapsPath(t.namespace),
          body: configMap("labelled", {}, { labels: { watched: "yes" } }),
        });
        // The old object still matches the selector, so removing the label is seen too.
        await t.http({
          method: "PATCH",
          path: configMapsPath(t.namespace, "labelled"),
          body: { metadata: { labels: null } },
          contentType: MERGE,
        });
        await t.http({ method: "DELETE", path: configMapsPath(t.namespace, "plain") });
        setup.received("webhooks received", 3);
      });
    },
  },
  {
    area: "admission",
    name: "rules on the status subresource and on the main resource",
    async run(t) {
      await withWebhooks(t, async (setup) => {
        await setup.install("validating", "subresources", [
          {
            name: "status.admission.example.com",
            path: "/status",
            rules: [rule(["UPDATE"], ["gizmos/status"], GROUP)],
          },
          { name: "main.admission.example.com", path: "/main", rules: [rule(["UPDATE"], ["gizmos"], GROUP)] },
          { name: "any.admission.example.com", path: "/any", rules: [rule(["UPDATE"], ["*/*"], GROUP)] },
        ]);
        expectStatus(await t.http({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("g") }), 201);
        await t.http({
          method: "PATCH",
          path: gizmosPath(t.namespace, "g", "status"),
          body: { status: { phase: "Ready" } },
          contentType: MERGE,
        });
        await t.http({
          method: "PATCH",
          path: gizmosPath(t.namespace, "g"),
          body: { spec: { size: 4 } },
          contentType: MERGE,
        });
        setup.received("webhooks received", 4);
      });
    },
  },
  {
    area: "admission",
    name: "reinvocation, dry run and server-side apply through mutating webhooks",
    async run(t) {
      await withWebhooks(t, async (setup) => {
        const addLabel = (key: string) => (request: Record<string, unknown>) =>
          labelsOf(request)[key]
            ? { allowed: true }
            : { allowed: true, patch: [{ op: "add", path: `/metadata/labels/${key}`, value: "set" }] };
        setup.backend.respond("/first", addLabel("first"));
        setup.backend.respond("/second", addLabel("second"));
        const cm = rule(["CREATE", "UPDATE"], ["configmaps"]);
        await setup.install("mutating", "chain", [
          { name: "first.admission.example.com", path: "/first", rules: [cm], reinvocationPolicy: "IfNeeded" },
          { name: "second.admission.example.com", path: "/second", rules: [cm], sideEffects: "NoneOnDryRun" },
        ]);
        const labelled = { labels: { base: "yes" } };
        await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("chained", {}, labelled) });
        await t.http({
          method: "POST",
          path: `${configMapsPath(t.namespace)}?dryRun=All&fieldManager=tester`,
          body: configMap("dry", {}, labelled),
        });
        await t.http({
          method: "PATCH",
          path: `${configMapsPath(t.namespace, "applied")}?fieldManager=applier`,
          body: JSON.stringify(configMap("applied", { a: "b" }, labelled)),
          contentType: APPLY,
        });
        setup.received("webhooks received", 9);
      });
    },
  },
  {
    area: "admission",
    name: "DELETE admission: the old object, a denial, and deletecollection",
    async run(t) {
      await withWebhooks(t, async (setup) => {
        setup.backend.respond("/delete", (request) => {
          const old = (request.oldObject ?? {}) as { metadata?: { name?: string } };
          return old.metadata?.name === "protected"
            ? { allowed: false, status: { code: 403, message: "protected objects stay" } }
            : { allowed: true };
        });
        await setup.install("validating", "deletes", [
          { name: "delete.admission.example.com", path: "/delete", rules: [rule(["DELETE"], ["configmaps"])] },
        ]);
        for (const name of ["gone", "protected", "batch-a", "batch-b"]) {
          const labels = name.startsWith("batch") ? { batch: "yes" } : {};
          await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap(name, {}, { labels }) });
        }
        await t.http({ method: "DELETE", path: configMapsPath(t.namespace, "gone") });
        await t.http({
          method: "DELETE",
          path: configMapsPath(t.namespace, "protected"),
          body: { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: "Background" },
        });
        await t.http({ method: "DELETE", path: `${configMapsPath(t.namespace)}?labelSelector=batch%3Dyes` });
        await t.http({ path: configMapsPath(t.namespace) });
        setup.received("webhook received", 4);
      });
    },
  },
  {
    area: "admission",
    name: "a v1beta1-only webhook and a namespace object's own labels",
    async run(t) {
      const child = `${t.namespace}-child`.slice(0, 63);
      await withWebhooks(t, async (setup) => {
        setup.backend.respond("/beta", () => ({
          allowed: true,
          patch: [{ op: "add", path: "/metadata/annotations", value: { beta: "patched" } }],
        }));
        await setup.install("mutating", "beta", [
          {
            name: "beta.admission.example.com",
            path: "/beta",
            admissionReviewVersions: ["v1beta1"],
            rules: [rule(["CREATE"], ["configmaps", "namespaces"])],
            namespaceSelector: {
              matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: [t.namespace, child] }],
            },
          },
        ]);
        await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("beta") });
        await t.http({
          method: "POST",
          path: "/api/v1/namespaces",
          body: { apiVersion: "v1", kind: "Namespace", metadata: { name: child } },
        });
        setup.received("webhook received", 2);
      });
      await t.send({ method: "DELETE", path: `/api/v1/namespaces/${child}` });
    },
  },
  {
    area: "admission",
    name: "matchPolicy: an Equivalent webhook is called in its own version of a CRD, an Exact one not at all",
    async run(t) {
      const { group, paths } = await installWidgets(t, plainSchema, [
        { name: "v1beta1", storage: false },
        { name: "v1", storage: true },
      ]);
      await withWebhooks(t, async (setup) => {
        setup.backend.respond("/equivalent", () => ({
          allowed: true,
          patch: [{ op: "add", path: "/metadata/labels", value: { seen: "v1" } }],
        }));
        const stable = rule(["CREATE"], ["widgets"], group, "v1");
        await setup.install("mutating", "equivalent", [
          { name: "equivalent.admission.example.com", path: "/equivalent", rules: [stable] },
        ]);
        await setup.install("validating", "versions", [
          { name: "exact.admission.example.com", path: "/exact", rules: [stable], matchPolicy: "Exact" },
          { name: "any.admission.example.com", path: "/any", rules: [stable] },
        ]);
        expectStatus(
          await t.http({ method: "POST", path: paths[0]!, body: widget(group, "beta", { a: "x" }, {}, "v1beta1") }),
          201,
        );
        expectStatus(await t.http({ method: "POST", path: paths[1]!, body: widget(group, "stable", { a: "y" }) }), 201);
        setup.received("webhooks received", 5);
      });
    },
  },
];

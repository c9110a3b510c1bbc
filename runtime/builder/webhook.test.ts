import { test } from "node:test";
import assert from "node:assert/strict";
import { createManager } from "../manager/manager.js";
import { discardLogger } from "../log/logger.js";
import type { Transport } from "../client/transport.js";
import { ConfigMap } from "../scheme/core_kinds.js";
import { defineGroupVersion, Scheme } from "../scheme/group_version.js";
import { BuilderError } from "./builder.js";
import { mutatePath, validatePath, webhookManagedBy } from "./webhook.js";

const offline: Transport = {
  request: () => Promise.reject(new Error("offline")),
  watch: () => Promise.reject(new Error("offline")),
};
const manager = () => createManager({ transport: offline, logger: discardLogger });
const Machine = defineGroupVersion({ group: "useless.container.training", version: "v1alpha1" }).kind({
  kind: "Machine",
  plural: "machines",
});
const MachineV1 = defineGroupVersion({ group: "useless.container.training", version: "v1" }).kind({
  kind: "Machine",
  plural: "machines",
});
const defaulter = { default: () => undefined };
const validator = { validateCreate: () => undefined, validateUpdate: () => undefined, validateDelete: () => undefined };

test("paths as controller-runtime's generateMutatePath/generateValidatePath, the core group included", () => {
  assert.equal(mutatePath(Machine), "/mutate-useless-container-training-v1alpha1-machine");
  assert.equal(validatePath(Machine), "/validate-useless-container-training-v1alpha1-machine");
  assert.equal(mutatePath(ConfigMap), "/mutate--v1-configmap");
});

test("complete() registers the defaulter, the validator and /convert on the manager's webhook server", () => {
  const mgr = manager();
  webhookManagedBy(mgr).for(ConfigMap).withDefaulter(defaulter).complete();
  webhookManagedBy(mgr)
    .for(MachineV1)
    .withDefaulter(defaulter)
    .withValidator(validator)
    .withConversion([{ kind: Machine, convertTo: (o) => o, convertFrom: (o) => o }])
    .complete();
  assert.deepEqual(mgr.getWebhookServer().paths(), [
    "/convert",
    "/mutate--v1-configmap",
    "/mutate-useless-container-training-v1-machine",
    "/validate-useless-container-training-v1-machine",
  ]);
  assert.equal(mgr.getConverterRegistry().lookup("useless.container.training", "Machine")?.hub, MachineV1);
  assert.equal(mgr.getWebhookServer().needLeaderElection, false);
  assert.equal(mgr.getWebhookServer().options.port, 9443);
});

test("custom paths are checked; a path already served is left alone, as controller-runtime", () => {
  const mgr = manager();
  webhookManagedBy(mgr).for(ConfigMap).withValidator(validator).withValidatorCustomPath("/check-cm").complete();
  webhookManagedBy(mgr).for(ConfigMap).withValidator(validator).withValidatorCustomPath("/check-cm").complete();
  assert.deepEqual(mgr.getWebhookServer().paths(), ["/check-cm"]);
  assert.throws(
    () => webhookManagedBy(mgr).for(ConfigMap).withDefaulter(defaulter).withDefaulterCustomPath("no-slash").complete(),
    /webhook path "no-slash" does not match/,
  );
});

test("a kind outside the manager's scheme, or a method called twice, is a BuilderError naming the fix", () => {
  const Stray = defineGroupVersion({ group: "x.io", version: "v1", scheme: new Scheme() }).kind({
    kind: "Stray",
    plural: "strays",
  });
  assert.throws(
    () => webhookManagedBy(manager()).for(Stray).withValidator(validator).complete(),
    (err: unknown) =>
      err instanceof BuilderError && /kind Stray of x\.io\/v1 is not in the manager's scheme/.test(err.message),
  );
  assert.throws(
    () => webhookManagedBy(manager()).for(ConfigMap).withDefaulter(defaulter).withDefaulter(defaulter).complete(),
    /withDefaulter was called twice/,
  );
  assert.throws(
    () =>
      webhookManagedBy(manager())
        .for(MachineV1)
        .withConversion([{ kind: MachineV1, convertTo: (o) => o, convertFrom: (o) => o }])
        .complete(),
    /is the hub's own version/,
  );
});

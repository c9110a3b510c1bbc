import { test } from "node:test";
import assert from "node:assert/strict";
import { createManager } from "../manager/manager.js";
import { discardLogger } from "../log/logger.js";
import type { Transport } from "../client/transport.js";
import { ConfigMap, Secret } from "../scheme/core_kinds.js";
import { generationChangedPredicate } from "../predicate/predicate.js";
import { enqueueRequestsFromMapFunc } from "../handler/handler.js";
import type { Reconciler, Request } from "../reconcile/reconcile.js";
import { BuilderError, controllerManagedBy } from "./builder.js";

const offline: Transport = {
  request: () => Promise.reject(new Error("offline")),
  watch: () => Promise.reject(new Error("offline")),
};
const manager = () => createManager({ transport: offline, logger: discardLogger });
const reconciler = async () => undefined;

test("a well-formed builder creates a controller named after the for kind", () => {
  const mgr = manager();
  const controller = controllerManagedBy(mgr)
    .for(ConfigMap)
    .owns(Secret)
    .watches(
      Secret,
      enqueueRequestsFromMapFunc(() => [{ namespace: "a", name: "b" }]),
    )
    .withEventFilter(generationChangedPredicate)
    .withOptions({ maxConcurrentReconciles: 3 })
    .complete(reconciler);
  assert.equal(controller.name, "configmap");
});

test("misuse is reported by complete() as sentences saying how to fix it", () => {
  const error = (build: () => unknown): BuilderError => {
    try {
      build();
    } catch (err) {
      assert.ok(err instanceof BuilderError, String(err));
      return err;
    }
    assert.fail("expected a BuilderError");
  };
  assert.match(
    error(() => controllerManagedBy(manager()).complete(reconciler)).message,
    /call \.for\(Kind\) or \.named\("name"\)/,
  );
  assert.match(
    error(() => controllerManagedBy(manager()).for(ConfigMap).for(Secret).complete(reconciler)).message,
    /for\(\) was called twice \(ConfigMap, then Secret\).*use watches\(\)/,
  );
  assert.match(
    error(() => controllerManagedBy(manager()).named("x").owns(Secret).complete(reconciler)).message,
    /owns\(\) needs for\(Kind\) first/,
  );
  assert.match(
    error(() =>
      controllerManagedBy(manager()).for(ConfigMap).withOptions({ maxConcurrentReconciles: 0 }).complete(reconciler),
    ).message,
    /maxConcurrentReconciles: 0.*at least 1/,
  );
  assert.match(
    error(() => controllerManagedBy(manager()).for(ConfigMap).named("Bad Name").complete(reconciler)).message,
    /controller name "Bad Name" must be lower case/,
  );
  assert.match(
    error(() =>
      controllerManagedBy(manager())
        .for(ConfigMap)
        .complete(undefined as never),
    ).message,
    /complete\(\) needs a reconciler/,
  );
  const many = error(() =>
    controllerManagedBy(manager())
      .for({} as never)
      .withOptions({ maxConcurrentReconciles: -1 })
      .complete(reconciler),
  );
  assert.ok(many.problems.length >= 2, "every problem is reported at once");
});

test("two controllers of one manager cannot share a name", () => {
  const mgr = manager();
  controllerManagedBy(mgr).for(ConfigMap).complete(reconciler);
  assert.throws(
    () => controllerManagedBy(mgr).for(ConfigMap).complete(reconciler),
    /already exists.*\.named\("another-name"\)/,
  );
  controllerManagedBy(mgr).for(ConfigMap).named("configmap-2").complete(reconciler);
});

test("a class implementing Reconciler and a bare function are both accepted", () => {
  class ConfigMapReconciler implements Reconciler {
    readonly seen: Request[] = [];
    async reconcile(req: Request): Promise<void> {
      this.seen.push(req);
    }
  }
  const mgr = manager();
  controllerManagedBy(mgr).for(ConfigMap).complete(new ConfigMapReconciler());
  controllerManagedBy(mgr)
    .for(Secret)
    .complete(async () => ({ requeueAfter: 1000 }));
});

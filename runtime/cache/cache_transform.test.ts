import { test } from "node:test";
import assert from "node:assert/strict";
import { FakeClock } from "../clock.js";
import type { KubernetesObject, ObjectList } from "../object.js";
import { defineGroupVersion, Scheme } from "../scheme/group_version.js";
import { InformerCache } from "./cache.js";
import { stripManagedFields } from "./informer.js";
import type { ListerWatcher, WatchRequestOptions } from "./list_watcher.js";

const group = defineGroupVersion({ group: "test.io", version: "v1", scheme: new Scheme() });
const Widget = group.kind<KubernetesObject>({ kind: "Widget", plural: "widgets" });
const Gadget = group.kind<KubernetesObject>({ kind: "Gadget", plural: "gadgets" });

const managedFields = [
  { manager: "kubectl", operation: "Apply" as const, apiVersion: "test.io/v1", fieldsType: "FieldsV1" },
];

/** Lists one object with managedFields and an annotation, then watches until stopped. */
function listing(): ListerWatcher {
  return {
    async list(): Promise<ObjectList<KubernetesObject>> {
      const metadata = { name: "a", namespace: "ns", resourceVersion: "1", annotations: { big: "x" }, managedFields };
      return { metadata: { resourceVersion: "1" }, items: [{ metadata: structuredClone(metadata) }] };
    },
    watch(request: WatchRequestOptions): Promise<void> {
      request.onOpen();
      return new Promise((resolve) => request.signal.addEventListener("abort", () => resolve()));
    },
  };
}

test("the cache transforms objects before storing them: the default one, or a kind's own", async () => {
  const dropAnnotations = (obj: KubernetesObject): KubernetesObject => {
    delete obj.metadata?.annotations;
    return obj;
  };
  const cache = new InformerCache({
    listerWatcherFor: () => listing(),
    clock: new FakeClock(),
    transform: stripManagedFields,
    byKind: [{ kind: Gadget, transform: dropAnnotations }],
  });
  const stop = new AbortController();
  const running = cache.start(stop.signal);
  const key = { namespace: "ns", name: "a" };
  const widget = await cache.get(Widget, key);
  assert.equal(widget.metadata?.managedFields, undefined, "the default transform dropped managedFields");
  assert.deepEqual(widget.metadata?.annotations, { big: "x" });
  const gadget = await cache.get(Gadget, key);
  assert.equal(gadget.metadata?.annotations, undefined, "Gadget's own transform ran");
  assert.deepEqual(gadget.metadata?.managedFields, managedFields, "instead of the default one");
  stop.abort();
  await running;
});

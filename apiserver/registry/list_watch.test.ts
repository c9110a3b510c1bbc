import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { StatusError } from "../errors/status.js";
import { Store, objectKey } from "../storage/store.js";
import { builtinTypes } from "./builtins.js";
import { decodeContinue, encodeContinue } from "./continue_token.js";
import { list, type ListQuery } from "./list_watch.js";

const configMaps = builtinTypes().find((type) => type.resource === "configmaps");
if (!configMaps) throw new Error("configmaps are built in");
const query = (overrides: Partial<ListQuery>): ListQuery => ({
  namespace: "ns",
  labelSelector: null,
  fieldSelector: null,
  limit: 0,
  continueToken: null,
  resourceVersion: null,
  resourceVersionMatch: null,
  ...overrides,
});

async function storeWith(...names: string[]): Promise<{ store: Store; revisions: number[] }> {
  const store = await Store.open({ historySize: 4 });
  const revisions = names.map((name) => {
    const { object } = store.put(configMaps!.collection, objectKey("ns", name), {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name, namespace: "ns" },
    });
    return Number(object.metadata.resourceVersion);
  });
  return { store, revisions };
}

const names = (result: ReturnType<typeof list>): string[] => result.items.map((item) => item.metadata.name ?? "");

function status(code: number, message: RegExp) {
  return (error: unknown) => error instanceof StatusError && error.code === code && message.test(error.message);
}

describe("list", () => {
  it("pages through a snapshot: objects created after the first page do not show up", async () => {
    const { store } = await storeWith("a", "b", "c");
    const first = list(store, configMaps, query({ limit: 2 }));
    assert.deepEqual(names(first), ["a", "b"]);
    assert.equal(first.remainingItemCount, 1);
    assert.equal(decodeContinue(first.continueToken ?? "").startKey, "b\u0000");
    store.put(configMaps.collection, objectKey("ns", "bb"), { metadata: { name: "bb", namespace: "ns" } });
    const second = list(store, configMaps, query({ limit: 2, continueToken: first.continueToken ?? null }));
    assert.deepEqual(names(second), ["c"]);
    assert.equal(second.resourceVersion, first.resourceVersion);
  });

  it("reads Exact snapshots within the history, and answers 410 beyond it", async () => {
    const { store, revisions } = await storeWith("a", "b", "c", "d", "e", "f");
    assert.deepEqual(
      names(list(store, configMaps, query({ resourceVersion: String(revisions[3]), resourceVersionMatch: "Exact" }))),
      ["a", "b", "c", "d"],
    );
    assert.deepEqual(
      names(
        list(store, configMaps, query({ resourceVersion: String(revisions[3]), resourceVersionMatch: "NotOlderThan" })),
      ).length,
      6,
    );
    assert.throws(
      () => list(store, configMaps, query({ resourceVersion: String(revisions[0]), resourceVersionMatch: "Exact" })),
      status(410, /^The resourceVersion for the provided list is too old\.$/),
    );
    const stale = encodeContinue("/b\u0000", revisions[0] ?? 0);
    assert.throws(
      () => list(store, configMaps, query({ limit: 1, continueToken: stale })),
      (error: unknown) =>
        error instanceof StatusError && error.code === 410 && decodeContinue(error.listContinue ?? "").revision === -1,
    );
  });

  it("serves resourceVersion=0 whole, and refuses future versions and forbidden option combinations", async () => {
    const { store } = await storeWith("a", "b");
    assert.deepEqual(names(list(store, configMaps, query({ resourceVersion: "0", limit: 1 }))), ["a", "b"]);
    const future = store.currentRevision() + 10;
    assert.throws(
      () => list(store, configMaps, query({ resourceVersion: String(future) })),
      status(504, /^Timeout: Too large resource version: \d+, current: \d+$/),
    );
    assert.throws(
      () => list(store, configMaps, query({ resourceVersionMatch: "Exact" })),
      status(422, /resourceVersionMatch is forbidden unless resourceVersion is provided/),
    );
    assert.throws(
      () => list(store, configMaps, query({ resourceVersion: "0", resourceVersionMatch: "Exact" })),
      status(422, /is forbidden for resourceVersion "0"/),
    );
    assert.throws(
      () => list(store, configMaps, query({ resourceVersion: "x" })),
      status(400, /strconv\.ParseUint: parsing "x": invalid syntax/),
    );
    const token = list(store, configMaps, query({ limit: 1 })).continueToken ?? null;
    assert.throws(
      () => list(store, configMaps, query({ continueToken: token, resourceVersion: "5" })),
      status(400, /^specifying resource version is not allowed when using continue$/),
    );
  });
});

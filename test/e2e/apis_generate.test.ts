/**
 * The committed runtime/apis/k8s/ modules and the API server's catalog (apiserver/catalog/generated/) are exactly what `npm run apis:generate` writes from the
 * pinned Go sources: regenerating changes nothing. Needs Go (and the Go module proxy or cache).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { generatorUnavailableReason, readCommittedGenerated, renderGenerated } from "../../hack/apis/generate.js";

const unavailable = generatorUnavailableReason();

test("regenerating the built-in API modules changes nothing", { skip: unavailable }, async () => {
  const rendered = await renderGenerated();
  const committed = readCommittedGenerated();
  assert.deepEqual([...committed.keys()], [...rendered.keys()], "the set of generated modules changed");
  const changed = [...rendered].filter(([file, text]) => committed.get(file) !== text).map(([file]) => file);
  assert.deepEqual(changed, [], "these modules differ from the generator's output: run npm run apis:generate");
});

/**
 * crdgen against controller-gen under `npm test`: every paired fixture must come out byte for
 * byte as controller-gen writes it, or be listed with a reason in accepted_differences.yaml.
 * Skipped, with a one-line notice, where controller-gen is not built (`npm run
 * controller-gen:build`) or Go is missing.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { controllerGenUnavailableReason } from "./harness/controller_gen.js";
import { AREAS } from "./harness/fixtures.js";
import { loadAcceptedDifferences, runSuite } from "./harness/suite.js";

const unavailable = controllerGenUnavailableReason();
if (unavailable) {
  test("crdgen conformance against controller-gen", { skip: unavailable }, () => undefined);
} else {
  const accepted = loadAcceptedDifferences(fileURLToPath(new URL("accepted_differences.yaml", import.meta.url)));
  const outcomes = await runSuite(accepted);
  const count = (verdict: string) => outcomes.filter((outcome) => outcome.verdict === verdict).length;
  test(`note: ${outcomes.length} fixtures: ${count("identical")} identical, ${count("accepted")} accepted, ${count("differing")} differing`, () =>
    undefined);
  test("every accepted difference names a fixture that exists and still differs", () => {
    for (const entry of accepted) {
      const outcome = outcomes.find(
        (candidate) => `${candidate.fixture.area}/${candidate.fixture.name}` === entry.fixture,
      );
      assert.ok(outcome, `accepted_differences.yaml names ${entry.fixture}, which is not a fixture`);
      assert.equal(
        outcome.verdict,
        "accepted",
        `${entry.fixture} no longer differs: remove it from accepted_differences.yaml`,
      );
    }
  });
  for (const area of AREAS) {
    const inArea = outcomes.filter((outcome) => outcome.fixture.area === area);
    if (inArea.length === 0) continue;
    describe(`crdgen conformance: ${area}`, () => {
      for (const outcome of inArea) {
        test(outcome.fixture.name, () => {
          assert.notEqual(outcome.verdict, "differing", outcome.difference);
        });
      }
    });
  }
}

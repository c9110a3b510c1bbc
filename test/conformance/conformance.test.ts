/**
 * The conformance suite under `npm test`: every case on kube-apiserver (its assertions must hold
 * there, or the case is wrong) and, when the embedded server exists, the same requests on it,
 * compared step by step. A difference not accepted in accepted_differences.yaml is reported as a
 * TODO test with the difference, so that it is visible without blocking everyone's CI; `npm run
 * conformance` exits non-zero on it.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { ALL_CASES } from "./cases/index.js";
import { AREAS } from "./harness/case.js";
import { formatReport, loadAcceptedDifferences, runSuite, type CaseOutcome } from "./harness/runner.js";
import { referenceUnavailableReason, startTargets } from "./harness/targets.js";

const unavailable = referenceUnavailableReason();
if (unavailable) {
  test("conformance suite against kube-apiserver", { skip: unavailable }, () => undefined);
} else {
  const accepted = loadAcceptedDifferences(fileURLToPath(new URL("accepted_differences.yaml", import.meta.url)));
  const targets = await startTargets();
  let outcomes: CaseOutcome[];
  try {
    outcomes = await runSuite(ALL_CASES, targets, accepted);
  } finally {
    await targets.stop();
  }
  for (const note of targets.notes) test(`note: ${note}`, () => undefined);
  for (const area of AREAS) {
    const inArea = outcomes.filter((outcome) => outcome.area === area);
    if (inArea.length === 0) continue;
    describe(`conformance: ${area}`, () => {
      for (const outcome of inArea) {
        const differs = outcome.verdict === "differing";
        test(outcome.name, differs ? { todo: "the embedded server differs from kube-apiserver" } : {}, () => {
          assert.equal(
            outcome.reference?.failure,
            undefined,
            `the case fails on kube-apiserver itself: ${outcome.reference?.failure}`,
          );
          if (differs) assert.fail(formatReport([outcome], []));
        });
      }
    });
  }
}

/**
 * `npm run conformance`: runs every case against kube-apiserver (the reference, from
 * `npm run control-plane:build`) and the embedded server, prints per-area counts and each
 * difference. Exits 1 on a difference not in accepted_differences.yaml or a case that fails on the
 * reference. `--area <name>` and `--case <text>` narrow the run.
 */
import { fileURLToPath } from "node:url";
import { ALL_CASES } from "./cases/index.js";
import { loadAcceptedDifferences, formatReport, runSuite } from "./harness/runner.js";
import { startTargets } from "./harness/targets.js";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const area = option("--area");
const text = option("--case");
const cases = ALL_CASES.filter((c) => (!area || c.area === area) && (!text || c.name.includes(text)));
const accepted = loadAcceptedDifferences(fileURLToPath(new URL("accepted_differences.yaml", import.meta.url)));

const startedAt = Date.now();
const targets = await startTargets();
try {
  for (const note of targets.notes) process.stdout.write(`${note}\n`);
  if (!targets.reference && !targets.candidate) {
    process.stdout.write("no server to run the conformance suite against\n");
  } else {
    process.stdout.write(`servers ready in ${Date.now() - startedAt} ms; running ${cases.length} cases\n`);
    const outcomes = await runSuite(cases, targets, accepted, (outcome) => {
      const failed = outcome.reference?.failure ?? outcome.candidate?.failure;
      process.stdout.write(
        `${outcome.verdict.padEnd(14)} ${outcome.area} / ${outcome.name}${failed ? `  [${failed.split("\n")[0]}]` : ""}\n`,
      );
    });
    process.stdout.write(`${formatReport(outcomes, [])}\n`);
    const bad = outcomes.filter((o) => o.verdict === "differing" || o.reference?.failure !== undefined);
    process.stdout.write(`\nfinished in ${Math.round((Date.now() - startedAt) / 1000)} s\n`);
    process.exitCode = bad.length > 0 ? 1 : 0;
  }
} finally {
  await targets.stop();
}

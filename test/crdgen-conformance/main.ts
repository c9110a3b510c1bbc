/**
 * `npm run crdgen:conformance`: controller-gen (the reference, from `npm run
 * controller-gen:build`) and crdgen on every paired fixture, each fixture's difference, then the
 * per-area table. Exits 1 on a difference not in accepted_differences.yaml. `--fixture <text>`
 * narrows the run to fixtures whose `area/name` contains the text.
 */
import { fileURLToPath } from "node:url";
import { controllerGenUnavailableReason } from "./harness/controller_gen.js";
import { formatTable, loadAcceptedDifferences, runSuite } from "./harness/suite.js";

const index = process.argv.indexOf("--fixture");
const filter = index >= 0 ? process.argv[index + 1] : undefined;
const unavailable = controllerGenUnavailableReason();
if (unavailable) {
  process.stdout.write(`${unavailable}\n`);
  process.exitCode = 1;
} else {
  const startedAt = Date.now();
  const accepted = loadAcceptedDifferences(fileURLToPath(new URL("accepted_differences.yaml", import.meta.url)));
  const outcomes = await runSuite(accepted, filter);
  for (const outcome of outcomes) {
    process.stdout.write(`${outcome.verdict.padEnd(10)} ${outcome.fixture.area}/${outcome.fixture.name}\n`);
    if (outcome.verdict === "differing") process.stdout.write(`${outcome.difference?.replace(/^/gm, "    ")}\n`);
  }
  process.stdout.write(
    `\n${formatTable(outcomes)}\n\nfinished in ${Math.round((Date.now() - startedAt) / 100) / 10} s\n`,
  );
  process.exitCode = outcomes.some((outcome) => outcome.verdict === "differing") ? 1 : 0;
}

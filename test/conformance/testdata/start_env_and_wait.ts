// Starts a test environment on the real binaries, prints where its pieces are, and waits to be
// killed: the orphan tests signal this process and then look for leftovers.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { startTestEnv } from "uselessctl/testenv";

const startedAt = Date.now();
const env = await startTestEnv({ controlPlane: "binaries", useExistingCluster: false });
const temporary = dirname(env.kubeconfigPath);
const pids = readFileSync(join(temporary, "pids"), "utf8").split("\n").filter(Boolean).map(Number);
process.stdout.write(`${JSON.stringify({ temporary, pids, startMs: Date.now() - startedAt })}\n`);
setInterval(() => undefined, 60_000);

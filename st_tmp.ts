import { startTestEnv } from "uselessctl/testenv";
for (let i = 0; i < 3; i++) {
const t0 = performance.now();
const env = await startTestEnv({ crdDirectoryPaths: ["config/crd/bases"] });
const t1 = performance.now();
await env.stop();
console.log(`start ${Math.round(t1 - t0)} ms, stop ${Math.round(performance.now() - t1)} ms`);
}

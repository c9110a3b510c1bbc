#!/usr/bin/env node
// The published entry point: runs the compiled CLI that `npm run prepare` builds into dist/.
import { run } from "../dist/cli/main.js";

process.exitCode = await run(process.argv);

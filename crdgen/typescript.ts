/**
 * The TypeScript compiler, loaded with `require`.
 *
 * Why: typescript.js is a 9 MB CommonJS file. Importing it from ESM makes Node scan the whole
 * file for named exports (cjs-module-lexer), which costs seconds on a loaded machine and made a
 * generation run slower than `tsc --noEmit` itself; `require` skips that scan.
 *
 * uselessctl does not depend on typescript itself: an operator's production install (its
 * image) needs only the runtime, so the compiler is the project's dev dependency, as the
 * scaffold's package.json declares it. Without it this module fails saying what to install.
 */
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";

function loadCompiler(): typeof TypeScript {
  try {
    return createRequire(import.meta.url)("typescript") as typeof TypeScript;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== "MODULE_NOT_FOUND" || !/'typescript'/.test(String(error))) throw error;
    throw new Error(
      "the CRD generator (generate manifests, uselessctl/crdgen) needs the TypeScript compiler, a dev dependency " +
        "of the project that uselessctl does not install: run `npm install --save-dev typescript@~5.9.3`",
      { cause: error },
    );
  }
}

const ts: typeof TypeScript = loadCompiler();
export default ts;

/**
 * The TypeScript compiler, loaded with `require`.
 *
 * Why: typescript.js is a 9 MB CommonJS file. Importing it from ESM makes Node scan the whole
 * file for named exports (cjs-module-lexer), which costs seconds on a loaded machine and made a
 * generation run slower than `tsc --noEmit` itself; `require` skips that scan.
 */
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";

const ts: typeof TypeScript = createRequire(import.meta.url)("typescript");
export default ts;

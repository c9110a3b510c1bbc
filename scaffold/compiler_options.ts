/**
 * Reads the compiler options of the project being generated from, so that the generator resolves
 * imports exactly as `tsc` does in that project (custom export conditions, path mappings, lib).
 */
import { dirname } from "node:path";
import type ts from "typescript";
import { ScaffoldError } from "./errors.js";

type TypeScript = typeof ts;

/**
 * The options of the nearest `tsconfig.json` at or above `rootDir`, as `tsc -p` would compute
 * them, or `undefined` when there is none (the generator then uses its defaults). Takes the
 * TypeScript module as an argument so that callers decide when the compiler is loaded. A
 * tsconfig.json that cannot be read or parsed throws an `invalid-input` {@link ScaffoldError}
 * naming the file.
 */
export function projectCompilerOptions(typescript: TypeScript, rootDir: string): ts.CompilerOptions | undefined {
  const configPath = typescript.findConfigFile(rootDir, typescript.sys.fileExists);
  if (!configPath) return undefined;
  const read = typescript.readConfigFile(configPath, typescript.sys.readFile);
  if (read.error) {
    throw new ScaffoldError(
      "invalid-input",
      `${configPath}: ${typescript.flattenDiagnosticMessageText(read.error.messageText, "\n")}`,
      { subject: configPath },
    );
  }
  const parsed = typescript.parseJsonConfigFileContent(
    read.config,
    typescript.sys,
    dirname(configPath),
    undefined,
    configPath,
  );
  // Only option errors matter here: "no inputs found" and the like concern tsc's file list, not ours.
  const optionErrors = parsed.errors.filter((error) => error.code !== 18003);
  const first = optionErrors[0];
  if (first) {
    throw new ScaffoldError(
      "invalid-input",
      `${configPath}: ${typescript.flattenDiagnosticMessageText(first.messageText, "\n")}`,
      { subject: configPath },
    );
  }
  return parsed.options;
}

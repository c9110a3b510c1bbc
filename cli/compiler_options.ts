/**
 * Reads the compiler options of the project being generated from, so that the generator resolves
 * imports exactly as `tsc` does in that project (custom export conditions, path mappings, lib).
 */
import { dirname } from "node:path";
import type ts from "typescript";

type TypeScript = typeof ts;

/** A tsconfig.json that cannot be read or parsed. */
export class CompilerOptionsError extends Error {
  override readonly name = "CompilerOptionsError";
}

/**
 * The options of the nearest `tsconfig.json` at or above `rootDir`, as `tsc -p` would compute
 * them, or `undefined` when there is none (the generator then uses its defaults). Takes the
 * TypeScript module as an argument so that callers decide when the compiler is loaded.
 */
export function projectCompilerOptions(typescript: TypeScript, rootDir: string): ts.CompilerOptions | undefined {
  const configPath = typescript.findConfigFile(rootDir, typescript.sys.fileExists);
  if (!configPath) return undefined;
  const read = typescript.readConfigFile(configPath, typescript.sys.readFile);
  if (read.error) {
    throw new CompilerOptionsError(
      `${configPath}: ${typescript.flattenDiagnosticMessageText(read.error.messageText, "\n")}`,
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
    throw new CompilerOptionsError(
      `${configPath}: ${typescript.flattenDiagnosticMessageText(first.messageText, "\n")}`,
    );
  }
  return parsed.options;
}

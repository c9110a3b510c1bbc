/**
 * Runs generateManifests once over the given API files with the compiler options of a tsconfig
 * (what the CLI will do, minus writing files). Bench helper, run compiled by bench/crdgen.ts.
 * Usage: crdgen_run <tsconfig.json> <rootDir> <apiFile>...
 */
import ts from "../crdgen/typescript.js";
import { generateManifests } from "../crdgen/index.js";

const [tsconfig = "tsconfig.json", rootDir = ".", ...apiFiles] = process.argv.slice(2);
const parsed = ts.getParsedCommandLineOfConfigFile(
  tsconfig,
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
);
const result = generateManifests({ rootDir, apiFiles, controllerFiles: [], compilerOptions: { ...parsed?.options } });
const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
if (errors.length > 0) {
  process.stderr.write(
    errors.map((error) => `${error.file}:${error.line}:${error.column} ${error.message}`).join("\n") + "\n",
  );
  process.exit(1);
}
process.stdout.write(
  `${result.files.length} files, ${result.files.reduce((sum, file) => sum + file.content.length, 0)} bytes\n`,
);

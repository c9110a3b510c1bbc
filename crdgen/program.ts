/**
 * The one `ts.Program` of a generation run, and the only place the generator touches files
 * (through the TypeScript compiler host): sources, tsconfig.json and controller files.
 *
 * Only the API files are roots; the checker resolves the declarations the kinds reach lazily,
 * and no full type-check runs over lib files (generation must not be slower than `tsc --noEmit`).
 */
import { dirname, join } from "node:path";
import ts from "typescript";
import { DiagnosticCode, errorAt, positionAt, type Diagnostic } from "./diagnostics.js";

/** Options a program is built with when the project has no tsconfig.json. */
export const defaultCompilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

/** A loaded program plus the controller files, parsed but not type-checked. */
export interface LoadedProgram {
  program: ts.Program;
  controllerFiles: ts.SourceFile[];
  diagnostics: Diagnostic[];
}

/** Builds the program over `apiFiles`, with `compilerOptions` or `<rootDir>/tsconfig.json`. */
export function loadProgram(input: {
  rootDir: string;
  apiFiles: readonly string[];
  controllerFiles: readonly string[];
  compilerOptions?: ts.CompilerOptions | undefined;
}): LoadedProgram {
  const diagnostics: Diagnostic[] = [];
  const options = { ...(input.compilerOptions ?? readProjectOptions(input.rootDir, diagnostics)), noEmit: true };
  const program = ts.createProgram({ rootNames: [...input.apiFiles], options, host: hostWithLibraryCache(options) });
  for (const file of input.apiFiles) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) {
      diagnostics.push({ file, line: 1, column: 1, code: DiagnosticCode.missingFile, severity: "error", message: `cannot read ${file}` });
      continue;
    }
    // Cheap and scoped: syntax and types of the API files only, never of lib or dependency files.
    for (const diagnostic of [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]) {
      diagnostics.push(fromTypeScript(diagnostic, sourceFile));
    }
  }
  const controllerFiles: ts.SourceFile[] = [];
  for (const file of input.controllerFiles) {
    const text = ts.sys.readFile(file);
    if (text === undefined) {
      diagnostics.push({ file, line: 1, column: 1, code: DiagnosticCode.missingFile, severity: "error", message: `cannot read ${file}` });
      continue;
    }
    controllerFiles.push(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  }
  return { program, controllerFiles, diagnostics };
}

// TypeScript's own lib files never change while a process runs: parse them once per process,
// so that repeated generations (tests, watch mode) skip the largest part of program creation.
const libraryFiles = new Map<string, ts.SourceFile>();

function hostWithLibraryCache(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const libraryDirectory = dirname(ts.getDefaultLibFilePath(options));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    if (dirname(fileName) !== libraryDirectory) return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
    const version = typeof languageVersionOrOptions === "object" ? languageVersionOrOptions.languageVersion : languageVersionOrOptions;
    const key = `${version}:${fileName}`;
    let sourceFile = libraryFiles.get(key);
    if (!sourceFile) {
      sourceFile = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
      if (sourceFile) libraryFiles.set(key, sourceFile);
    }
    return sourceFile;
  };
  return host;
}

function readProjectOptions(rootDir: string, diagnostics: Diagnostic[]): ts.CompilerOptions {
  const configPath = join(rootDir, "tsconfig.json");
  if (!ts.sys.fileExists(configPath)) return defaultCompilerOptions;
  const read = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (read.error) {
    diagnostics.push({ file: configPath, line: 1, column: 1, code: DiagnosticCode.typeError, severity: "error", message: flatten(read.error.messageText) });
    return defaultCompilerOptions;
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath), undefined, configPath);
  return parsed.options;
}

function fromTypeScript(diagnostic: ts.Diagnostic, fallback: ts.SourceFile): Diagnostic {
  const sourceFile = diagnostic.file ?? fallback;
  const position = positionAt(sourceFile, diagnostic.start ?? 0);
  return errorAt(position, DiagnosticCode.typeError, `TS${diagnostic.code}: ${flatten(diagnostic.messageText)}`);
}

function flatten(message: string | ts.DiagnosticMessageChain): string {
  return ts.flattenDiagnosticMessageText(message, "\n");
}

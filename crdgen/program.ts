/**
 * The program stage: the one `ts.Program` of a generation run, and the only place the generator
 * reads files, through the TypeScript compiler host (the API sources, what they import, and the
 * controller files). Finding those files and reading tsconfig.json is the caller's job.
 *
 * Only the API files are roots; the checker resolves the declarations the kinds reach lazily,
 * and no full type-check runs unless asked for (generation must not be slower than
 * `tsc --noEmit` over the same files).
 */
import { dirname } from "node:path";
import type * as ts from "typescript";
import typescript from "./typescript.js";
import { resolveToApiTypesEntry } from "./api_types_entry.js";
import { DiagnosticCode, errorAt, positionAt, type Checked, type Diagnostic } from "./diagnostics.js";

/** Options a program is built with when the caller gives none (a project without tsconfig.json). */
export const defaultCompilerOptions: ts.CompilerOptions = {
  target: typescript.ScriptTarget.ES2022,
  module: typescript.ModuleKind.NodeNext,
  moduleResolution: typescript.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

/** A loaded program plus the controller and webhook files, parsed but not type-checked. */
export interface LoadedProgram {
  program: ts.Program;
  controllerFiles: ts.SourceFile[];
  webhookFiles: ts.SourceFile[];
}

/** Builds the program over `apiFiles`, with `compilerOptions` or {@link defaultCompilerOptions}. */
export function loadProgram(input: {
  apiFiles: readonly string[];
  controllerFiles: readonly string[];
  webhookFiles?: readonly string[] | undefined;
  compilerOptions?: ts.CompilerOptions | undefined;
  /** Also report type errors of the API files (a full type-check of them: slower). */
  typeCheck?: boolean;
}): Checked<LoadedProgram> {
  const diagnostics: Diagnostic[] = [];
  const projectOptions = input.compilerOptions ?? defaultCompilerOptions;
  // Without a type-check the walk needs only the API files and what they import: no lib files
  // and no ambient @types packages (@types/node alone is megabytes to parse and bind).
  const options: ts.CompilerOptions = input.typeCheck
    ? { ...projectOptions, noEmit: true }
    : { ...projectOptions, noEmit: true, noLib: true, types: [] };
  const host = hostWithLibraryCache(options);
  // Doc comments are read from the text (markers/collect.ts); JSDoc nodes would only cost time,
  // most of it in dependencies' declaration files. A type-check keeps TypeScript's default.
  if (!input.typeCheck) host.jsDocParsingMode = typescript.JSDocParsingMode.ParseNone;
  const program = typescript.createProgram({
    rootNames: [...input.apiFiles],
    options,
    host: input.typeCheck ? host : resolveToApiTypesEntry(host, options, input.apiFiles),
  });
  // Creating the checker binds every file, which also sets the parent pointers that reading
  // JSDoc needs; every later stage relies on it.
  program.getTypeChecker();
  for (const file of input.apiFiles) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) {
      diagnostics.push(missingFile(file));
      continue;
    }
    // Syntax errors are cheap to find and make everything after them meaningless. A type-check,
    // even of the API files alone, costs as much as `tsc --noEmit` (which `make build` runs
    // anyway), so it is opt-in; unresolvable types are reported by the schema walk regardless.
    const semantic = input.typeCheck ? program.getSemanticDiagnostics(sourceFile) : [];
    for (const diagnostic of [...program.getSyntacticDiagnostics(sourceFile), ...semantic]) {
      diagnostics.push(fromTypeScript(diagnostic, sourceFile));
    }
  }
  // Controller and webhook files only carry markers in comments: parsed, never part of the program.
  const parse = (files: readonly string[]) =>
    files.flatMap((file) => {
      const text = host.readFile(file);
      if (text !== undefined) return [typescript.createSourceFile(file, text, typescript.ScriptTarget.Latest, true)];
      diagnostics.push(missingFile(file));
      return [];
    });
  const controllerFiles = parse(input.controllerFiles);
  const webhookFiles = parse(input.webhookFiles ?? []);
  return { value: { program, controllerFiles, webhookFiles }, diagnostics };
}

function missingFile(file: string): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    code: DiagnosticCode.missingFile,
    severity: "error",
    message: `cannot read ${file}`,
  };
}

// TypeScript's own lib files never change while a process runs: parse them once per process,
// so that repeated generations (tests, watch mode) skip the largest part of program creation.
const libraryFiles = new Map<string, ts.SourceFile>();

function hostWithLibraryCache(options: ts.CompilerOptions): ts.CompilerHost {
  const host = typescript.createCompilerHost(options);
  const libraryDirectory = dirname(typescript.getDefaultLibFilePath(options));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    if (dirname(fileName) !== libraryDirectory)
      return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
    const [version, jsDocParsingMode] =
      typeof languageVersionOrOptions === "object"
        ? [languageVersionOrOptions.languageVersion, languageVersionOrOptions.jsDocParsingMode]
        : [languageVersionOrOptions, undefined];
    const key = `${version}:${jsDocParsingMode}:${fileName}`;
    let sourceFile = libraryFiles.get(key);
    if (!sourceFile) {
      sourceFile = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
      if (sourceFile) libraryFiles.set(key, sourceFile);
    }
    return sourceFile;
  };
  return host;
}

function fromTypeScript(diagnostic: ts.Diagnostic, fallback: ts.SourceFile): Diagnostic {
  const sourceFile = diagnostic.file ?? fallback;
  const position = positionAt(sourceFile, diagnostic.start ?? 0);
  return errorAt(position, DiagnosticCode.typeError, `TS${diagnostic.code}: ${flatten(diagnostic.messageText)}`);
}

function flatten(message: string | ts.DiagnosticMessageChain): string {
  return typescript.flattenDiagnosticMessageText(message, "\n");
}

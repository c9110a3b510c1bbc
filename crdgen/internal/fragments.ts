/**
 * Test support: the schema fragment crdgen produces for one field, many fields sharing one
 * in-memory program (one type-check for a whole table of cases). Used by crdgen's tests only.
 */
import { join } from "node:path";
import type * as ts from "typescript";
import typescript from "../typescript.js";
import type { Diagnostic } from "../diagnostics.js";
import { markerRegistry } from "../markers/table.js";
import { createModelContext, modelOfDeclaration } from "../schema/from_typescript.js";
import type { JSONSchemaProps } from "../schema/model.js";
import { schemaOfModel } from "../schema/to_openapi.js";
import { fixtureCompilerOptions, repositoryRoot } from "./fixtures.js";

/** The fragment of one case: the `field` property's schema, whether it is required, and problems. */
export interface Fragment {
  schema: JSONSchemaProps | undefined;
  required: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Compiles `prelude` and one interface per case (`interface Case { <declaration> }`, the field
 * under test named `field`) into a single program and returns each case's fragment.
 */
export function fragmentsOf(cases: Readonly<Record<string, string>>, prelude = ""): Map<string, Fragment> {
  const fileName = join(repositoryRoot, "crdgen", "__fragments__.ts");
  const names = Object.keys(cases);
  const text = [
    'import type { Condition, Duration, float64, int32, int64, IntOrString, JSON, MicroTime, ObjectMeta, Quantity, RawExtension, Time, TypeMeta } from "uselessctl";',
    prelude,
    ...names.map((name, index) => `export interface Case${index} {\n${cases[name]}\n}`),
  ].join("\n");
  const options = fixtureCompilerOptions();
  const host = typescript.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (
    (exists) => (path: string) =>
      path === fileName || exists(path)
  )(host.fileExists.bind(host));
  host.readFile = (path) => (path === fileName ? text : readFile(path));
  host.getSourceFile = (path, version, onError, create) =>
    path === fileName
      ? typescript.createSourceFile(path, text, version, true)
      : getSourceFile(path, version, onError, create);
  const program = typescript.createProgram({ rootNames: [fileName], options, host });
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) throw new Error("fragment source missing");
  const typeErrors = program.getSemanticDiagnostics(sourceFile);
  if (typeErrors.length > 0) throw new Error(typescript.formatDiagnostics(typeErrors, host));
  const context = createModelContext(program, markerRegistry);
  const result = new Map<string, Fragment>();
  names.forEach((name, index) => {
    const declaration = sourceFile.statements.find(
      (statement): statement is ts.InterfaceDeclaration =>
        typescript.isInterfaceDeclaration(statement) && statement.name.text === `Case${index}`,
    );
    if (!declaration) throw new Error(`Case${index} missing`);
    const before = context.diagnostics.length;
    const diagnostics: Diagnostic[] = [];
    const schema = schemaOfModel(modelOfDeclaration(declaration, context), `Case`, diagnostics);
    diagnostics.unshift(...context.diagnostics.slice(before));
    result.set(name, {
      schema: schema.properties?.["field"],
      required: schema.required?.includes("field") ?? false,
      diagnostics,
    });
  });
  return result;
}

/**
 * Resolves `"uselessctl"` to its API-types entry (`apimachinery/index`) instead of the whole
 * controller runtime, when that is provably the same for the API files.
 *
 * Why: API files import only types such as `int32` or `ObjectMeta` from "uselessctl", but the
 * package's main entry is the controller runtime, which pulls in @kubernetes/client-node's
 * declarations: megabytes to parse and bind that the schema walk never looks at.
 * Guarantees: the redirect happens only when every name the API files import from the package
 * and use as a type (or re-export) is exported by name from the API-types entry (no default,
 * namespace or `import()` uses); otherwise resolution is left alone. A name used only as a value
 * (`defineGroupVersion(...)` in every groupversion_info.ts) is never read by the schema walk,
 * which follows type references only. It is not used when a type-check is asked for.
 */
import { dirname, join } from "node:path";
import type * as ts from "typescript";
import typescript from "./typescript.js";

const packageName = "uselessctl";

/** Wraps `host` so that "uselessctl" resolves to its API-types entry when that is safe. */
export function resolveToApiTypesEntry(
  host: ts.CompilerHost,
  options: ts.CompilerOptions,
  apiFiles: readonly string[],
): ts.CompilerHost {
  const imported = namesImportedFromPackage(host, apiFiles);
  if (!imported) return host;
  const cache = typescript.createModuleResolutionCache(
    host.getCurrentDirectory(),
    (file) => host.getCanonicalFileName(file),
    options,
  );
  const entries = new Map<string, string | undefined>();
  host.resolveModuleNameLiterals = (
    literals,
    containingFile,
    redirectedReference,
    compilerOptions,
    containingSourceFile,
  ) =>
    literals.map((literal) => {
      const mode = typescript.getModeForUsageLocation(containingSourceFile, literal, compilerOptions);
      const resolved = typescript.resolveModuleName(
        literal.text,
        containingFile,
        compilerOptions,
        host,
        cache,
        redirectedReference,
        mode,
      );
      const module = resolved.resolvedModule;
      if (literal.text !== packageName || !module) return resolved;
      if (!entries.has(module.resolvedFileName))
        entries.set(module.resolvedFileName, apiTypesEntry(host, module.resolvedFileName, imported));
      const entry = entries.get(module.resolvedFileName);
      return entry ? { ...resolved, resolvedModule: { ...module, resolvedFileName: entry } } : resolved;
    });
  return host;
}

const isPackage = (specifier: ts.Expression) => typescript.isStringLiteral(specifier) && specifier.text === packageName;

/** The names the API files import from the package, or undefined when that cannot be known. */
function namesImportedFromPackage(host: ts.CompilerHost, apiFiles: readonly string[]): Set<string> | undefined {
  const names = new Set<string>();
  for (const file of apiFiles) {
    const text = host.readFile(file);
    if (text === undefined) return undefined;
    if (text.includes(`import("${packageName}")`) || text.includes(`import('${packageName}')`)) return undefined;
    const sourceFile = typescript.createSourceFile(file, text, typescript.ScriptTarget.Latest, false);
    for (const statement of sourceFile.statements) {
      let bindings: ts.NamedImportBindings | ts.NamedExportBindings | undefined;
      if (typescript.isImportDeclaration(statement)) {
        if (!isPackage(statement.moduleSpecifier)) continue;
        if (statement.importClause?.name) return undefined;
        bindings = statement.importClause?.namedBindings;
      } else if (typescript.isExportDeclaration(statement)) {
        if (!statement.moduleSpecifier || !isPackage(statement.moduleSpecifier)) continue;
        bindings = statement.exportClause;
      } else continue;
      if (!bindings || !(typescript.isNamedImports(bindings) || typescript.isNamedExports(bindings))) return undefined;
      const typeNames = typescript.isNamedImports(bindings) ? namesUsedAsTypes(sourceFile) : undefined;
      for (const element of bindings.elements)
        if (!typeNames || typeNames.has(element.name.text)) names.add((element.propertyName ?? element.name).text);
    }
  }
  return names;
}

/**
 * The names a file uses where the schema walk may follow them: type references, `typeof` queries,
 * heritage clauses, and local exports (another file may use them as types). Conservative: any
 * identifier in those positions counts, whatever it is bound to.
 */
function namesUsedAsTypes(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const addLeftmost = (name: ts.Node): void => {
    let node = name;
    while (typescript.isQualifiedName(node) || typescript.isPropertyAccessExpression(node))
      node = typescript.isQualifiedName(node) ? node.left : node.expression;
    if (typescript.isIdentifier(node)) names.add(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (typescript.isTypeReferenceNode(node)) addLeftmost(node.typeName);
    else if (typescript.isTypeQueryNode(node)) addLeftmost(node.exprName);
    else if (typescript.isExpressionWithTypeArguments(node)) addLeftmost(node.expression);
    else if (typescript.isExportSpecifier(node)) names.add((node.propertyName ?? node.name).text);
    else if (typescript.isExportAssignment(node)) addLeftmost(node.expression);
    typescript.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/** `apimachinery/index.(d.)ts` beside the package entry's folder, if it exports every imported name. */
function apiTypesEntry(host: ts.CompilerHost, packageEntry: string, imported: ReadonlySet<string>): string | undefined {
  const declaration = packageEntry.endsWith(".d.ts");
  if (!declaration && !packageEntry.endsWith(".ts")) return undefined;
  const entry = join(dirname(packageEntry), "..", "apimachinery", declaration ? "index.d.ts" : "index.ts");
  const text = host.fileExists(entry) ? host.readFile(entry) : undefined;
  if (text === undefined) return undefined;
  const exported = new Set<string>();
  for (const statement of typescript.createSourceFile(entry, text, typescript.ScriptTarget.Latest, false).statements) {
    if (!typescript.isExportDeclaration(statement)) continue;
    if (!statement.exportClause || !typescript.isNamedExports(statement.exportClause)) return undefined;
    for (const element of statement.exportClause.elements) exported.add(element.name.text);
  }
  return [...imported].every((name) => exported.has(name)) ? entry : undefined;
}

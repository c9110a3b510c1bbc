/**
 * The kinds half of marker collection: finds the API versions and kinds of a program. A version
 * is a folder of API files whose `groupversion_info.ts` header carries `+groupName=` (and
 * optionally `+versionName=`); a kind is an exported interface marked
 * `+kubebuilder:object:root=true`, or one that extends TypeMeta and has `metadata: ObjectMeta`
 * (controller-gen finds kinds by their embedded TypeMeta and ObjectMeta, wherever the root
 * marker sits), that is not a `…List`, in a folder that names its group.
 */
import { basename, dirname } from "node:path";
import type * as ts from "typescript";
import typescript from "../typescript.js";
import { DiagnosticCode, errorAt, positionOf, type Checked, type Diagnostic } from "../diagnostics.js";
import { collectFromFileHeader, collectFromNode } from "../markers/collect.js";
import type { MarkerInstance, MarkerRegistry } from "../markers/registry.js";
import { isApimachineryMetaDeclaration } from "../schema/meta_types.js";

/** One API version folder. */
interface ApiPackage {
  directory: string;
  group?: string;
  version: string;
  skip: boolean;
}

/** One kind declaration found in an API version folder, with the group and version it is served in. */
export interface KindDeclaration {
  name: string;
  declaration: ts.InterfaceDeclaration;
  group: string;
  version: string;
}

/** Reads the packages and kinds of `apiFiles`; every problem becomes a diagnostic. */
export function findKinds(
  program: ts.Program,
  apiFiles: readonly string[],
  registry: MarkerRegistry,
): Checked<KindDeclaration[]> {
  const diagnostics: Diagnostic[] = [];
  const packages = new Map<string, ApiPackage>();
  const packageOf = (file: string): ApiPackage => {
    const directory = dirname(file);
    let apiPackage = packages.get(directory);
    if (!apiPackage) {
      apiPackage = { directory, version: basename(directory), skip: false };
      packages.set(directory, apiPackage);
    }
    return apiPackage;
  };
  for (const file of apiFiles) {
    if (basename(file) !== "groupversion_info.ts") continue;
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    const header = collectFromFileHeader(sourceFile, registry);
    diagnostics.push(...header.diagnostics);
    applyPackageMarkers(packageOf(file), header.markers);
  }
  const kinds: KindDeclaration[] = [];
  const checker = program.getTypeChecker();
  for (const file of apiFiles) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    for (const statement of sourceFile.statements) {
      if (!typescript.isInterfaceDeclaration(statement)) continue;
      if (!isRoot(statement, registry) && !hasObjectMetas(statement, checker)) continue;
      const apiPackage = packageOf(file);
      if (apiPackage.skip || isList(statement)) continue;
      if (!statement.modifiers?.some((modifier) => modifier.kind === typescript.SyntaxKind.ExportKeyword)) {
        diagnostics.push(
          errorAt(
            positionOf(statement.name),
            DiagnosticCode.invalidKind,
            `kind ${statement.name.text} must be exported`,
          ),
        );
        continue;
      }
      if (apiPackage.group === undefined) {
        diagnostics.push(
          errorAt(
            positionOf(statement.name),
            DiagnosticCode.missingGroup,
            `kind ${statement.name.text} has no API group`,
            {
              hint: "start groupversion_info.ts in the same folder with the comment /** +groupName=<group> */",
            },
          ),
        );
        continue;
      }
      kinds.push({
        name: statement.name.text,
        declaration: statement,
        group: apiPackage.group,
        version: apiPackage.version,
      });
    }
  }
  return { value: kinds, diagnostics };
}

function applyPackageMarkers(apiPackage: ApiPackage, markers: readonly MarkerInstance[]): void {
  for (const marker of markers) {
    const value = marker.value[""];
    if (marker.definition.name === "groupName" && typeof value === "string") apiPackage.group = value;
    if (marker.definition.name === "versionName" && typeof value === "string") apiPackage.version = value;
    if (marker.definition.name === "kubebuilder:skip") apiPackage.skip = true;
  }
}

/** `+kubebuilder:object:root=true` on the interface (its other markers are reported by the model stage). */
function isRoot(declaration: ts.InterfaceDeclaration, registry: MarkerRegistry): boolean {
  return collectFromNode(declaration, "type", registry).markers.some(
    (marker) => marker.definition.name === "kubebuilder:object:root" && marker.value[""] === true,
  );
}

/** controller-gen skips list types: `…List` with an `items` array. */
function isList(declaration: ts.InterfaceDeclaration): boolean {
  return (
    declaration.name.text.endsWith("List") &&
    declaration.members.some((member) => typescript.isPropertySignature(member) && member.name.getText() === "items")
  );
}

/** `extends TypeMeta` and `metadata?: ObjectMeta`, both uselessctl's (Go's embedded metav1 types). */
function hasObjectMetas(declaration: ts.InterfaceDeclaration, checker: ts.TypeChecker): boolean {
  const extendsTypeMeta = (declaration.heritageClauses ?? []).some((clause) =>
    clause.types.some((base) => isMetaType(base.expression, "TypeMeta", checker)),
  );
  if (!extendsTypeMeta) return false;
  return declaration.members.some(
    (member) =>
      typescript.isPropertySignature(member) &&
      member.name.getText() === "metadata" &&
      member.type !== undefined &&
      typescript.isTypeReferenceNode(member.type) &&
      isMetaType(member.type.typeName, "ObjectMeta", checker),
  );
}

/** True when `node` names uselessctl's `name` (declared in its apimachinery meta module). */
function isMetaType(node: ts.Node, name: string, checker: ts.TypeChecker): boolean {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & typescript.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.name === name && (symbol.declarations ?? []).some(isApimachineryMetaDeclaration);
}

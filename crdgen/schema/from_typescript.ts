/**
 * The TypeScript → type model stage: walks type *syntax* with the checker's help for names.
 *
 * Why not typescript-json-schema (v0.68), which the design card names: it resolves types through
 * the checker, where an alias of a primitive (`type int32 = number`) is already erased, so the
 * markers on `int32`, `Time` or `Quantity` cannot be found; it reports no per-field positions
 * for diagnostics; it emits `$ref`/`definitions` that would need a second flattening pass; it
 * runs its own full `getPreEmitDiagnostics` over every file including lib files (our budget is
 * "no slower than tsc --noEmit"); and on bad input it prints and returns null instead of giving
 * diagnostics. Walking the syntax of property types keeps every alias, every doc comment and
 * every position, and touches only the declarations the kinds reach. Types written for
 * typescript-json-schema still work: its tags are read (markers/tags.ts), and enums, generics and
 * the utility types it expands are expanded here (enum_model.ts, type_arguments.ts).
 */
import type * as ts from "typescript";
import typescript from "../typescript.js";
import { DiagnosticCode, errorAt, positionOf, type Diagnostic } from "../diagnostics.js";
import { collectFromNode } from "../markers/collect.js";
import type { MarkerInstance, MarkerRegistry } from "../markers/registry.js";
import { enumMemberModel, enumModel } from "./enum_model.js";
import { isApimachineryMetaDeclaration } from "./meta_types.js";
import type { PropertyModel, TypeModel, TypeModelCommon } from "./model.js";
import {
  bindTypeArguments,
  boundTypeArgument,
  instantiationKey,
  instantiationPrefix,
  isUnboundTypeParameter,
  utilityTypeModel,
  utilityTypeNames,
  type TypeArgumentBindings,
} from "./type_arguments.js";

/** Shared state of one walk over one program. */
export interface ModelContext {
  checker: ts.TypeChecker;
  registry: MarkerRegistry;
  diagnostics: Diagnostic[];
  isLibraryFile: (sourceFile: ts.SourceFile) => boolean;
  /** Named declarations already modelled (each is walked once). */
  named: Map<ts.Declaration, TypeModel>;
  /** Declarations being walked, and generic ones by their instantiation key. */
  inProgress: Set<ts.Declaration | string>;
  /** Top-level names already resolved, per file. */
  resolved: Map<ts.SourceFile, Map<string, ts.Declaration | undefined>>;
  /** The type arguments of the generic declaration being walked, by type parameter. */
  bindings: TypeArgumentBindings;
  /** controller-gen's generateEmbeddedObjectMeta: an ObjectMeta below the root gets its schema. */
  generateEmbeddedObjectMeta: boolean;
}

/** Options of the walk. */
export interface ModelOptions {
  /** controller-gen's generateEmbeddedObjectMeta (crd option): see embeddedObjectMetaModel. */
  generateEmbeddedObjectMeta?: boolean;
}

/** A declaration that names a type. */
export type NamedDeclaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.EnumDeclaration;

/** Creates the walk state for `program`. */
export function createModelContext(
  program: ts.Program,
  registry: MarkerRegistry,
  options: ModelOptions = {},
): ModelContext {
  return {
    generateEmbeddedObjectMeta: options.generateEmbeddedObjectMeta ?? false,
    checker: program.getTypeChecker(),
    registry,
    diagnostics: [],
    isLibraryFile: (sourceFile) => program.isSourceFileDefaultLibrary(sourceFile),
    named: new Map(),
    inProgress: new Set(),
    resolved: new Map(),
    bindings: new Map(),
  };
}

/**
 * Models a named interface, type alias or enum, with its own markers and doc. A generic one is
 * walked once per instantiation, its type parameters bound to `typeArguments` (written at `at`),
 * so that `Range<int32>` keeps int32's format as a field of type int32 does; others are cached.
 */
export function modelOfDeclaration(
  declaration: NamedDeclaration,
  context: ModelContext,
  instantiation?: { typeArguments: readonly ts.TypeNode[]; at: ts.Node; path: string },
): TypeModel {
  const generic = !typescript.isEnumDeclaration(declaration) && (declaration.typeParameters?.length ?? 0) > 0;
  const cached = generic ? undefined : context.named.get(declaration);
  if (cached) return cached;
  const outerBindings = context.bindings;
  let key: ts.Declaration | string = declaration;
  if (generic) {
    const at = instantiation?.at ?? declaration.name;
    const path = instantiation?.path ?? declaration.name.text;
    context.bindings = bindTypeArguments(declaration, instantiation?.typeArguments ?? [], at, path, context);
    key = instantiationKey(declaration, context);
  } else if (instantiation?.typeArguments.length) {
    context.diagnostics.push(
      unsupported(
        instantiation.at,
        `${instantiation.path}: ${declaration.name.text} takes no type arguments`,
        instantiation.path,
      ),
    );
  }
  if (context.inProgress.has(key) || (generic && instantiationDepth(declaration, context) > maxInstantiationDepth)) {
    context.bindings = outerBindings;
    context.diagnostics.push(
      errorAt(
        positionOf(declaration.name),
        DiagnosticCode.recursiveType,
        `type ${declaration.name.text} refers to itself; CRD schemas cannot be recursive`,
        {
          hint: "break the cycle, or mark the recursive field +kubebuilder:validation:Schemaless with +kubebuilder:pruning:PreserveUnknownFields",
        },
      ),
    );
    return { kind: "invalid", markers: [], position: positionOf(declaration.name) };
  }
  context.inProgress.add(key);
  const name = declaration.name.text;
  const doc = collectFromNode(declaration, "type", context.registry, name);
  context.diagnostics.push(...doc.diagnostics);
  let model: TypeModel;
  if (context.generateEmbeddedObjectMeta && name === "ObjectMeta" && isApimachineryMetaDeclaration(declaration)) {
    model = embeddedObjectMetaModel(positionOf(declaration.name));
  } else if (doc.markers.some((marker) => marker.definition.name === "kubebuilder:validation:Schemaless")) {
    // not introspected: the type's markers give its whole schema (as ObjectMeta, RawExtension)
    model = { kind: "any", from: "Schemaless", markers: [], position: positionOf(declaration.name) };
  } else if (typescript.isInterfaceDeclaration(declaration)) {
    model = objectModel(interfaceDeclarations(declaration, context), name, context, positionOf(declaration.name));
  } else if (typescript.isEnumDeclaration(declaration)) {
    model = enumModel(declaration, context);
  } else {
    model = modelOfTypeNode(declaration.type, context, name);
  }
  const named = withDoc(model, name, doc.markers, doc.description);
  context.inProgress.delete(key);
  context.bindings = outerBindings;
  if (!generic) context.named.set(declaration, named);
  return named;
}

/**
 * The ObjectMeta of an embedded object (a pod template's metadata) under controller-gen's
 * generateEmbeddedObjectMeta: only the fields a template may set, undocumented, as its
 * ObjectMetaPackages override lists them (pkg/crd/known_types.go). The root's metadata stays
 * `type: object` (rootSchema).
 */
function embeddedObjectMetaModel(position: TypeModelCommon["position"]): TypeModel {
  const string: TypeModel = { kind: "primitive", type: "string", markers: [], position };
  const field = (name: string, type: TypeModel): PropertyModel => ({
    name,
    type,
    questionToken: true,
    markers: [],
    position,
  });
  return {
    kind: "object",
    properties: [
      field("name", string),
      field("namespace", string),
      field("annotations", { kind: "map", values: string, markers: [], position }),
      field("labels", { kind: "map", values: string, markers: [], position }),
      field("finalizers", { kind: "array", items: string, markers: [], position }),
    ],
    markers: [],
    position,
  };
}

/** Beyond this many nested instantiations of one generic, its arguments only grow (`Tree<T[]>`): a recursion. */
const maxInstantiationDepth = 16;

function instantiationDepth(declaration: NamedDeclaration, context: ModelContext): number {
  const prefix = instantiationPrefix(declaration);
  return [...context.inProgress].filter((key) => typeof key === "string" && key.startsWith(prefix)).length;
}

/** A named model: the referenced type's markers first, then this declaration's. */
function withDoc(
  model: TypeModel,
  name: string,
  markers: readonly MarkerInstance[],
  description: string | undefined,
): TypeModel {
  const named: TypeModel = { ...model, name, markers: [...model.markers, ...markers] };
  const text = description ?? model.description;
  if (text === undefined) delete named.description;
  else named.description = text;
  return named;
}

/** All declarations of an interface (declaration merging), its bases' first. */
export function interfaceDeclarations(
  declaration: ts.InterfaceDeclaration,
  context: ModelContext,
): ts.InterfaceDeclaration[] {
  const symbol = context.checker.getSymbolAtLocation(declaration.name);
  const declarations = symbol?.declarations?.filter(typescript.isInterfaceDeclaration) ?? [declaration];
  return declarations;
}

function objectModel(
  declarations: readonly ts.InterfaceDeclaration[],
  path: string,
  context: ModelContext,
  position: TypeModelCommon["position"],
): TypeModel {
  const properties = new Map<string, PropertyModel>();
  let indexValue: TypeModel | undefined;
  let incomplete = false;
  const bases: TypeModel[] = [];
  for (const declaration of declarations) {
    for (const clause of declaration.heritageClauses ?? []) {
      for (const base of clause.types) {
        const baseModel = heritageModel(base, context, path);
        if (baseModel?.kind === "object") {
          for (const property of baseModel.properties) properties.set(property.name, property);
          bases.push(baseModel);
        } else incomplete = true;
      }
    }
    const members = membersModel(declaration.members, path, context);
    for (const property of members.properties) properties.set(property.name, property);
    indexValue = members.indexValue ?? indexValue;
  }
  const model = finishObject([...properties.values()], indexValue, path, context, position);
  if (model.kind === "object") {
    if (incomplete) model.incomplete = true;
    if (bases.length > 0) model.bases = bases;
  }
  return model;
}

function finishObject(
  properties: PropertyModel[],
  indexValue: TypeModel | undefined,
  path: string,
  context: ModelContext,
  position: TypeModelCommon["position"],
): TypeModel {
  if (indexValue && properties.length > 0) {
    context.diagnostics.push(
      errorAt(
        position,
        DiagnosticCode.unsupportedType,
        `${path} has both properties and an index signature; a structural schema cannot have both properties and additionalProperties`,
        {
          fieldPath: path,
          hint: "move the free-form entries into their own Record<string, T> field",
        },
      ),
    );
  }
  if (indexValue && properties.length === 0) return { kind: "map", values: indexValue, markers: [], position };
  return { kind: "object", properties, markers: [], position };
}

function heritageModel(
  base: ts.ExpressionWithTypeArguments,
  context: ModelContext,
  path: string,
): TypeModel | undefined {
  const declaration = resolveDeclaration(base.expression, context);
  const baseName = typescript.isIdentifier(base.expression) ? base.expression.text : "";
  if (utilityTypeNames.has(baseName) && (!declaration || context.isLibraryFile(declaration.getSourceFile()))) {
    return objectBase(base, utilityTypeModel(baseName, base, context, path), context, path);
  }
  if (!declaration) {
    context.diagnostics.push(
      unsupported(base, `${path}: cannot resolve the base type ${base.expression.getText()}`, path, "check the import"),
    );
    return undefined;
  }
  const plain = typescript.isInterfaceDeclaration(declaration) || typescript.isTypeAliasDeclaration(declaration);
  if (!plain) {
    context.diagnostics.push(
      unsupported(base, `${path} extends ${base.getText()}, which is not a plain interface`, path),
    );
    return undefined;
  }
  // `type Alias = SomeInterface` (Go's embedded alias): the alias stands for the object it names
  const typeArguments = base.typeArguments ?? [];
  return objectBase(base, modelOfDeclaration(declaration, context, { typeArguments, at: base, path }), context, path);
}

/** A base type's model, when it is an object. */
function objectBase(
  base: ts.ExpressionWithTypeArguments,
  model: TypeModel,
  context: ModelContext,
  path: string,
): TypeModel | undefined {
  if (model.kind !== "object" && model.kind !== "invalid") {
    context.diagnostics.push(unsupported(base, `${path} extends ${base.getText()}, which is not an object type`, path));
    return undefined;
  }
  return model;
}

function membersModel(
  members: ts.NodeArray<ts.TypeElement>,
  path: string,
  context: ModelContext,
): { properties: PropertyModel[]; indexValue?: TypeModel } {
  const properties: PropertyModel[] = [];
  let indexValue: TypeModel | undefined;
  for (const member of members) {
    if (typescript.isPropertySignature(member)) {
      const property = propertyModel(member, path, context);
      if (property) properties.push(property);
    } else if (typescript.isIndexSignatureDeclaration(member)) {
      const keyType = member.parameters[0]?.type;
      if (!keyType || keyType.kind !== typescript.SyntaxKind.StringKeyword) {
        context.diagnostics.push(unsupported(member, `index signatures must have string keys (${path})`, path));
      }
      indexValue = modelOfTypeNode(member.type, context, `${path}[*]`);
    } else {
      context.diagnostics.push(
        errorAt(
          positionOf(member),
          DiagnosticCode.noSchema,
          `${path}: methods and call signatures have no schema; CRD types hold data only`,
          { fieldPath: path },
        ),
      );
    }
  }
  return indexValue ? { properties, indexValue } : { properties };
}

function propertyModel(
  member: ts.PropertySignature,
  parentPath: string,
  context: ModelContext,
): PropertyModel | undefined {
  const name = propertyName(member.name);
  if (name === undefined) {
    context.diagnostics.push(
      unsupported(member.name, `${parentPath}: computed property names have no schema`, parentPath),
    );
    return undefined;
  }
  const path = `${parentPath}.${name}`;
  const doc = collectFromNode(member, "field", context.registry, path);
  context.diagnostics.push(...doc.diagnostics);
  // typescript-json-schema's @ignore, Go's `json:"-"`: the property has no place in the schema
  if (doc.ignored) return undefined;
  const schemaless = doc.markers.some((marker) => marker.definition.name === "kubebuilder:validation:Schemaless");
  let type: TypeModel;
  if (schemaless) type = { kind: "any", from: "Schemaless", markers: [], position: positionOf(member.name) };
  else if (!member.type)
    type = { kind: "any", from: "an implicit any", markers: [], position: positionOf(member.name) };
  else type = modelOfTypeNode(member.type, context, path);
  const property: PropertyModel = {
    name,
    type,
    questionToken: member.questionToken !== undefined || type.allowsUndefined === true,
    markers: doc.markers,
    position: positionOf(member.name),
  };
  if (doc.description !== undefined) property.description = doc.description;
  return property;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (typescript.isIdentifier(name) || typescript.isStringLiteral(name) || typescript.isNumericLiteral(name))
    return name.text;
  return undefined;
}

/** Models the type written at `node`; `path` names it in diagnostics. */
export function modelOfTypeNode(node: ts.TypeNode, context: ModelContext, path: string): TypeModel {
  const position = positionOf(node);
  const base = { markers: [] as MarkerInstance[], position };
  switch (node.kind) {
    case typescript.SyntaxKind.StringKeyword:
      return { ...base, kind: "primitive", type: "string" };
    case typescript.SyntaxKind.NumberKeyword:
      return { ...base, kind: "primitive", type: "number" };
    case typescript.SyntaxKind.BooleanKeyword:
      return { ...base, kind: "primitive", type: "boolean" };
    case typescript.SyntaxKind.AnyKeyword:
      return { ...base, kind: "any", from: "any" };
    case typescript.SyntaxKind.UnknownKeyword:
      return { ...base, kind: "any", from: "unknown" };
    case typescript.SyntaxKind.ObjectKeyword:
      return { ...base, kind: "object", properties: [] };
  }
  if (typescript.isParenthesizedTypeNode(node)) return modelOfTypeNode(node.type, context, path);
  if (typescript.isArrayTypeNode(node))
    return { ...base, kind: "array", items: modelOfTypeNode(node.elementType, context, `${path}[*]`) };
  if (typescript.isTypeOperatorNode(node) && node.operator === typescript.SyntaxKind.ReadonlyKeyword)
    return modelOfTypeNode(node.type, context, path);
  if (typescript.isLiteralTypeNode(node))
    return literalModel(node, context, path) ?? invalid(context, node, path, "this literal has no schema");
  if (typescript.isUnionTypeNode(node)) return unionModel(node, context, path);
  if (typescript.isIntersectionTypeNode(node)) return intersectionModel(node, context, path);
  if (typescript.isTypeLiteralNode(node)) {
    const members = membersModel(node.members, path, context);
    return finishObject(members.properties, members.indexValue, path, context, position);
  }
  if (typescript.isTypeReferenceNode(node)) return referenceModel(node, context, path);
  if (typescript.isFunctionTypeNode(node) || typescript.isConstructorTypeNode(node)) {
    return noSchema(context, node, path, "a function has no schema; CRD types hold data only");
  }
  switch (node.kind) {
    case typescript.SyntaxKind.SymbolKeyword:
      return noSchema(context, node, path, "a symbol has no JSON form");
    case typescript.SyntaxKind.BigIntKeyword:
      return noSchema(context, node, path, "a bigint has no JSON form", 'use int64 from "uselessctl"');
    case typescript.SyntaxKind.NeverKeyword:
    case typescript.SyntaxKind.VoidKeyword:
    case typescript.SyntaxKind.UndefinedKeyword:
      return noSchema(context, node, path, `${node.getText()} has no schema`);
  }
  if (typescript.isTupleTypeNode(node))
    return invalid(context, node, path, "tuples have no structural schema", "use an array of one type or an interface");
  return invalid(
    context,
    node,
    path,
    `the type ${node.getText()} is not supported in CRD schemas`,
    "use an interface, a type alias, an array, a Record<string, T> or a union of literals",
  );
}

function literalModel(node: ts.LiteralTypeNode, context: ModelContext, path: string): TypeModel | undefined {
  const position = positionOf(node);
  const literal = node.literal;
  if (typescript.isStringLiteral(literal) || typescript.isNoSubstitutionTemplateLiteral(literal)) {
    return { kind: "enum", type: "string", values: [literal.text], markers: [], position };
  }
  if (typescript.isNumericLiteral(literal)) {
    const value = Number(literal.text);
    return {
      kind: "enum",
      type: Number.isInteger(value) ? "integer" : "number",
      values: [value],
      markers: [],
      position,
    };
  }
  if (
    typescript.isPrefixUnaryExpression(literal) &&
    literal.operator === typescript.SyntaxKind.MinusToken &&
    typescript.isNumericLiteral(literal.operand)
  ) {
    const value = -Number(literal.operand.text);
    return {
      kind: "enum",
      type: Number.isInteger(value) ? "integer" : "number",
      values: [value],
      markers: [],
      position,
    };
  }
  if (literal.kind === typescript.SyntaxKind.TrueKeyword || literal.kind === typescript.SyntaxKind.FalseKeyword) {
    return {
      kind: "enum",
      type: "boolean",
      values: [literal.kind === typescript.SyntaxKind.TrueKeyword],
      markers: [],
      position,
    };
  }
  void context;
  void path;
  return undefined;
}

function unionModel(node: ts.UnionTypeNode, context: ModelContext, path: string): TypeModel {
  const position = positionOf(node);
  let nullable = false;
  let allowsUndefined = false;
  const members: TypeModel[] = [];
  for (const member of node.types) {
    if (typescript.isLiteralTypeNode(member) && member.literal.kind === typescript.SyntaxKind.NullKeyword)
      nullable = true;
    else if (member.kind === typescript.SyntaxKind.UndefinedKeyword) allowsUndefined = true;
    else members.push(modelOfTypeNode(member, context, path));
  }
  let model: TypeModel;
  if (members.length === 1) model = { ...(members[0] as TypeModel) };
  else if (members.length === 0) model = noSchema(context, node, path, "a union of null and undefined has no schema");
  else model = mergeUnion(members, position);
  if (nullable) model.nullable = true;
  if (allowsUndefined) model.allowsUndefined = true;
  return model;
}

/** Literal unions become enums (true | false becomes boolean); anything else stays a union. */
function mergeUnion(members: readonly TypeModel[], position: TypeModelCommon["position"]): TypeModel {
  const enums = members.filter((member) => member.kind === "enum");
  if (enums.length === members.length) {
    const values = enums.flatMap((member) => member.values);
    const types = new Set(enums.map((member) => member.type));
    if (types.size === 2 && types.has("integer") && types.has("number")) types.delete("integer");
    if (types.size === 1) {
      const type = [...types][0] as "string" | "number" | "integer" | "boolean";
      if (type === "boolean" && new Set(values).size === 2)
        return { kind: "primitive", type: "boolean", markers: [], position };
      return { kind: "enum", type, values: [...new Set(values)], markers: [], position };
    }
  }
  return { kind: "union", members, markers: [], position };
}

function intersectionModel(node: ts.IntersectionTypeNode, context: ModelContext, path: string): TypeModel {
  const properties = new Map<string, PropertyModel>();
  for (const member of node.types) {
    const model = modelOfTypeNode(member, context, path);
    if (model.kind !== "object") {
      return invalid(context, member, path, "only object types can be intersected in CRD schemas");
    }
    for (const property of model.properties) properties.set(property.name, property);
  }
  return { kind: "object", properties: [...properties.values()], markers: [], position: positionOf(node) };
}

function referenceModel(node: ts.TypeReferenceNode, context: ModelContext, path: string): TypeModel {
  const bound = boundTypeArgument(node, context);
  if (bound) return bound(path);
  const declaration = resolveDeclaration(node.typeName, context);
  const name = typescript.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
  const position = positionOf(node);
  // Programs built without lib files (the fast path) cannot resolve Array, Record or Date.
  if (!declaration && typescript.isIdentifier(node.typeName) && libraryTypeNames.has(name))
    return libraryModel(node, name, context, path);
  if (!declaration && isUnboundTypeParameter(node.typeName, context))
    return invalid(
      context,
      node,
      path,
      `the type parameter ${name} has no type argument here`,
      "use the generic type with concrete type arguments, as in Range<int32>",
    );
  if (!declaration)
    return invalid(
      context,
      node,
      path,
      `cannot resolve the type ${node.typeName.getText()}`,
      'check the import (types from "uselessctl" need the package installed or this repository\'s sources)',
    );
  if (context.isLibraryFile(declaration.getSourceFile())) return libraryModel(node, name, context, path);
  if (
    typescript.isInterfaceDeclaration(declaration) ||
    typescript.isTypeAliasDeclaration(declaration) ||
    typescript.isEnumDeclaration(declaration)
  ) {
    const typeArguments = node.typeArguments ?? [];
    return { ...modelOfDeclaration(declaration, context, { typeArguments, at: node, path }), position };
  }
  if (typescript.isEnumMember(declaration)) return enumMemberModel(declaration, context, position);
  return invalid(context, node, path, `${name} is not an interface, type alias or enum`);
}

const libraryTypeNames = new Set([
  "Array",
  "ReadonlyArray",
  "Record",
  "Date",
  "Partial",
  "Required",
  "Readonly",
  "Pick",
  "Omit",
  "Map",
  "Set",
  "Promise",
]);

function libraryModel(node: ts.TypeReferenceNode, name: string, context: ModelContext, path: string): TypeModel {
  const position = positionOf(node);
  const [first, second] = node.typeArguments ?? [];
  if ((name === "Array" || name === "ReadonlyArray") && first) {
    return { kind: "array", items: modelOfTypeNode(first, context, `${path}[*]`), markers: [], position };
  }
  if (utilityTypeNames.has(name)) return utilityTypeModel(name, node, context, path);
  if (name === "Record" && first && second) {
    if (first.kind !== typescript.SyntaxKind.StringKeyword)
      return invalid(context, node, path, "Record keys must be string");
    return { kind: "map", values: modelOfTypeNode(second, context, `${path}[*]`), markers: [], position };
  }
  if (name === "Date")
    return invalid(
      context,
      node,
      path,
      "Date has no JSON form in Kubernetes objects",
      'use Time from "uselessctl" (an RFC 3339 string)',
    );
  return invalid(
    context,
    node,
    path,
    `the library type ${node.getText()} is not supported in CRD schemas`,
    "use an interface, an array or a Record<string, T>",
  );
}

function resolveDeclaration(name: ts.EntityName | ts.Expression, context: ModelContext): ts.Declaration | undefined {
  // API files declare their types at the top level, so within one file a bare name always
  // resolves to the same declaration; remembering it spares the checker thousands of lookups.
  if (typescript.isIdentifier(name)) {
    const sourceFile = name.getSourceFile();
    let names = context.resolved.get(sourceFile);
    if (!names) context.resolved.set(sourceFile, (names = new Map()));
    if (names.has(name.text)) return names.get(name.text);
    const declaration = resolveWithChecker(name, context);
    if (
      !declaration ||
      declaration.parent === undefined ||
      typescript.isSourceFile(declaration.parent) ||
      typescript.isModuleBlock(declaration.parent)
    ) {
      names.set(name.text, declaration);
    }
    return declaration;
  }
  return resolveWithChecker(name, context);
}

function resolveWithChecker(name: ts.EntityName | ts.Expression, context: ModelContext): ts.Declaration | undefined {
  let symbol = context.checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & typescript.SymbolFlags.Alias) symbol = context.checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.find(
    (declaration) =>
      typescript.isInterfaceDeclaration(declaration) ||
      typescript.isTypeAliasDeclaration(declaration) ||
      typescript.isEnumDeclaration(declaration) ||
      typescript.isEnumMember(declaration) ||
      typescript.isClassDeclaration(declaration),
  );
}

function noSchema(context: ModelContext, node: ts.Node, path: string, message: string, hint?: string): TypeModel {
  context.diagnostics.push(
    errorAt(positionOf(node), DiagnosticCode.noSchema, `${path}: ${message}`, { fieldPath: path, hint }),
  );
  return { kind: "invalid", markers: [], position: positionOf(node) };
}

/** Reports `message` at `node` (an unsupported type) and returns the invalid model. */
export function invalid(context: ModelContext, node: ts.Node, path: string, message: string, hint?: string): TypeModel {
  context.diagnostics.push(unsupported(node, `${path}: ${message}`, path, hint));
  return { kind: "invalid", markers: [], position: positionOf(node) };
}

export function unsupported(node: ts.Node, message: string, path: string, hint?: string): Diagnostic {
  return errorAt(positionOf(node), DiagnosticCode.unsupportedType, message, { fieldPath: path, hint });
}

/**
 * Generic types and TypeScript's utility types, expanded into the schema. A generic interface or
 * alias is walked with its type parameters bound to the type arguments *as written* (not to the
 * checker's resolved types, where `int32` is already `number`), so that `Range<int32>` is what an
 * interface with int32 fields is. `Partial`, `Required`, `Readonly`, `Pick` and `Omit` rework the
 * object model of their argument as the compiler would; they are read by name because programs
 * built without lib files (the fast path) cannot resolve them.
 */
import type * as ts from "typescript";
import typescript from "../typescript.js";
import { positionOf } from "../diagnostics.js";
import {
  interfaceDeclarations,
  invalid,
  modelOfTypeNode,
  unsupported,
  type ModelContext,
  type NamedDeclaration,
} from "./from_typescript.js";
import type { PropertyModel, TypeModel } from "./model.js";

/** A type argument: the node written for a type parameter, and the bindings in force where it was written. */
export interface TypeArgumentBinding {
  node: ts.TypeNode | undefined;
  scope: TypeArgumentBindings;
}

export type TypeArgumentBindings = ReadonlyMap<ts.TypeParameterDeclaration, TypeArgumentBinding>;

/** Binds the type parameters of `declaration` (each of its merged declarations) to `typeArguments` or their defaults. */
export function bindTypeArguments(
  declaration: Exclude<NamedDeclaration, ts.EnumDeclaration>,
  typeArguments: readonly ts.TypeNode[],
  at: ts.Node,
  path: string,
  context: ModelContext,
): TypeArgumentBindings {
  const bindings = new Map<ts.TypeParameterDeclaration, TypeArgumentBinding>();
  const parameters = declaration.typeParameters ?? [];
  const name = declaration.name.text;
  if (typeArguments.length > parameters.length) {
    context.diagnostics.push(
      unsupported(at, `${path}: ${name} takes ${parameters.length} type arguments, got ${typeArguments.length}`, path),
    );
  }
  const declarations = typescript.isInterfaceDeclaration(declaration)
    ? interfaceDeclarations(declaration, context)
    : [declaration];
  parameters.forEach((parameter, index) => {
    const written = typeArguments[index];
    // a default is written inside the declaration, where the earlier parameters are bound
    const binding: TypeArgumentBinding = written
      ? { node: written, scope: context.bindings }
      : { node: parameter.default, scope: bindings };
    if (!binding.node) {
      context.diagnostics.push(
        unsupported(
          at,
          `${path}: the generic type ${name} needs a type argument for ${parameter.name.text}`,
          path,
          `write ${name}<…> with concrete types`,
        ),
      );
    }
    for (const merged of declarations) {
      const own = merged.typeParameters?.[index];
      if (own) bindings.set(own, binding);
    }
  });
  return bindings;
}

/**
 * When `node` names a type parameter bound in the walk, a function that models its argument
 * (in the scope it was written in); otherwise undefined.
 */
export function boundTypeArgument(
  node: ts.TypeReferenceNode,
  context: ModelContext,
): ((path: string) => TypeModel) | undefined {
  const binding = bindingOf(node, context.bindings, context);
  if (!binding) return undefined;
  return (path) => {
    if (!binding.node) return { kind: "invalid", markers: [], position: positionOf(node) };
    const inner = context.bindings;
    context.bindings = binding.scope;
    try {
      return modelOfTypeNode(binding.node, context, path);
    } finally {
      context.bindings = inner;
    }
  };
}

function bindingOf(
  node: ts.TypeReferenceNode,
  scope: TypeArgumentBindings,
  context: ModelContext,
): TypeArgumentBinding | undefined {
  if (scope.size === 0 || !typescript.isIdentifier(node.typeName)) return undefined;
  const text = node.typeName.text;
  if (![...scope.keys()].some((parameter) => parameter.name.text === text)) return undefined;
  const symbol = context.checker.getSymbolAtLocation(node.typeName);
  const parameter = symbol?.declarations?.find(
    (declaration): declaration is ts.TypeParameterDeclaration =>
      typescript.isTypeParameterDeclaration(declaration) && scope.has(declaration),
  );
  return parameter && scope.get(parameter);
}

/**
 * What tells one instantiation of `declaration` from another, with the bindings in force: its
 * type arguments written out with every bound parameter replaced, so that `Tree<T>` inside
 * `Tree<int32>` is seen as `Tree<int32>` again (recursion), and `Range<Range<int32>>` is not.
 */
export function instantiationKey(
  declaration: Exclude<NamedDeclaration, ts.EnumDeclaration>,
  context: ModelContext,
): string {
  const rendered = (declaration.typeParameters ?? []).map((parameter) => {
    const binding = context.bindings.get(parameter);
    return binding?.node ? renderTypeNode(binding.node, binding.scope, context) : "?";
  });
  return `${instantiationPrefix(declaration)}${rendered.join(", ")}>`;
}

/** The start of every instantiation key of `declaration`. */
export function instantiationPrefix(declaration: NamedDeclaration): string {
  return `${declaration.getSourceFile().fileName}:${declaration.pos}<`;
}

function renderTypeNode(node: ts.Node, scope: TypeArgumentBindings, context: ModelContext): string {
  const text = node.getText();
  const start = node.getStart();
  let out = "";
  let cursor = start;
  const visit = (child: ts.Node): void => {
    const binding = typescript.isTypeReferenceNode(child) ? bindingOf(child, scope, context) : undefined;
    if (!binding) {
      typescript.forEachChild(child, visit);
      return;
    }
    out += text.slice(cursor - start, child.getStart() - start);
    out += binding.node ? renderTypeNode(binding.node, binding.scope, context) : "?";
    cursor = child.getEnd();
  };
  visit(node);
  return out + text.slice(cursor - start);
}

/** True when `name` is a type parameter (one no instantiation binds: reported, not resolved). */
export function isUnboundTypeParameter(name: ts.EntityName, context: ModelContext): boolean {
  const symbol = context.checker.getSymbolAtLocation(name);
  return symbol !== undefined && (symbol.flags & typescript.SymbolFlags.TypeParameter) !== 0;
}

/** The utility types expanded here. */
export const utilityTypeNames: ReadonlySet<string> = new Set(["Partial", "Required", "Readonly", "Pick", "Omit"]);

/** `Partial<T>`, `Required<T>`, `Readonly<T>`, `Pick<T, K>` or `Omit<T, K>`, as the object model it makes. */
export function utilityTypeModel(
  name: string,
  node: ts.NodeWithTypeArguments,
  context: ModelContext,
  path: string,
): TypeModel {
  const [target, keys] = node.typeArguments ?? [];
  const arity = name === "Pick" || name === "Omit" ? 2 : 1;
  if (!target || (node.typeArguments?.length ?? 0) !== arity)
    return invalid(context, node, path, `${name} takes ${arity} type argument${arity === 1 ? "" : "s"}`);
  const model = modelOfTypeNode(target, context, path);
  if (name === "Readonly" || model.kind === "invalid") return model;
  if (model.kind !== "object")
    return invalid(context, node, path, `${name}<…> needs an object type, and ${target.getText()} is not one`);
  let properties: readonly PropertyModel[] = model.properties;
  if (name === "Partial") properties = properties.map((property) => ({ ...property, questionToken: true }));
  else if (name === "Required") properties = properties.map((property) => ({ ...property, questionToken: false }));
  else {
    const names = keyNames(keys as ts.TypeNode, context, path);
    if (!names) return { kind: "invalid", markers: [], position: positionOf(node) };
    const missing = name === "Pick" ? [...names].filter((key) => !properties.some((p) => p.name === key)) : [];
    if (missing.length > 0)
      return invalid(
        context,
        node,
        path,
        `${target.getText()} has no propert${missing.length === 1 ? "y" : "ies"} ${missing.join(", ")}`,
      );
    properties = properties.filter((property) => names.has(property.name) === (name === "Pick"));
  }
  // a named type of its own, as the Go struct it stands for would be
  return { ...model, properties, name: node.getText(), position: positionOf(node) };
}

/** The property names `keys` lists: a union of string literals, an alias of one, or `keyof T`. */
function keyNames(keys: ts.TypeNode, context: ModelContext, path: string): Set<string> | undefined {
  if (typescript.isTypeOperatorNode(keys) && keys.operator === typescript.SyntaxKind.KeyOfKeyword) {
    const model = modelOfTypeNode(keys.type, context, path);
    return model.kind === "object" ? new Set(model.properties.map((property) => property.name)) : undefined;
  }
  const model = modelOfTypeNode(keys, context, path);
  if (model.kind === "enum" && model.type === "string") return new Set(model.values as string[]);
  if (model.kind === "invalid") return undefined;
  invalid(context, keys, path, `the keys ${keys.getText()} are not string literals`, 'list them: "name" | "size"');
  return undefined;
}

/**
 * The type model stage: each kind's interface as the schema stage needs to know it. One walk over
 * the program, so that a named type reached from several kinds is modelled (and reported) once.
 */
import type * as ts from "typescript";
import type { Checked } from "../diagnostics.js";
import type { MarkerRegistry } from "../markers/registry.js";
import { createModelContext, modelOfDeclaration, type ModelOptions } from "../schema/from_typescript.js";
import type { TypeModel } from "../schema/model.js";
import type { KindDeclaration } from "./kinds.js";

/** A kind and the model of its interface. */
export interface KindModel {
  kind: KindDeclaration;
  model: TypeModel;
}

/** Models every kind, in the order given. */
export function modelKinds(
  program: ts.Program,
  kinds: readonly KindDeclaration[],
  registry: MarkerRegistry,
  options: ModelOptions = {},
): Checked<KindModel[]> {
  const context = createModelContext(program, registry, options);
  const models = kinds.map((kind) => ({ kind, model: modelOfDeclaration(kind.declaration, context) }));
  return { value: models, diagnostics: context.diagnostics };
}

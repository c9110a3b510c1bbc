/**
 * Recognises uselessctl's meta types (Go's metav1.TypeMeta and ObjectMeta), declared in its
 * apimachinery leaf, so that a user's own type of the same name is never taken for them.
 */
import type * as ts from "typescript";

/** True when `declaration` is uselessctl's apimachinery meta module's (source or built). */
export function isApimachineryMetaDeclaration(declaration: ts.Declaration): boolean {
  return /[\\/]apimachinery[\\/]meta\.(d\.)?ts$/.test(declaration.getSourceFile().fileName);
}

/**
 * The structural schema stage: each served version's type model becomes its OpenAPI v3 schema
 * (every named type inlined, markers applied, descriptions cut to maxDescriptionLength), and the
 * finished schemas can be checked against the API server's structural rules.
 */
import { DiagnosticCode, type Checked, type Diagnostic } from "../diagnostics.js";
import type { JSONSchemaProps } from "../schema/model.js";
import { checkStructural } from "../schema/structural_check.js";
import { rootSchema, truncateDescriptions } from "../schema/to_openapi.js";
import type { CrdLayout, VersionLayout } from "./layout.js";

/** A version with its schema. */
export interface VersionWithSchema extends VersionLayout {
  schema: JSONSchemaProps;
}

/** Options of the schema stage. */
export interface SchemaOptions {
  /** controller-gen's maxDescLen: 0 drops descriptions, n cuts them at n characters + "...". */
  maxDescriptionLength: number | undefined;
}

/** Gives every version of every CRD its schema. */
export function buildSchemas(
  layouts: readonly CrdLayout[],
  options: SchemaOptions,
): Checked<CrdLayout<VersionWithSchema>[]> {
  const diagnostics: Diagnostic[] = [];
  const withSchemas = layouts.map((layout) => ({
    ...layout,
    versions: layout.versions.map((version) => {
      const schema = rootSchema(version.model, diagnostics);
      if (options.maxDescriptionLength !== undefined) truncateDescriptions(schema, options.maxDescriptionLength);
      return { ...version, schema };
    }),
  }));
  return { value: withSchemas, diagnostics };
}

/** One error per structural violation of any version's schema, at the CRD's kind. */
export function checkStructuralSchemas(layouts: readonly CrdLayout<VersionWithSchema>[]): Diagnostic[] {
  return layouts.flatMap((layout) =>
    layout.versions.flatMap(({ version, schema }) =>
      checkStructural(schema).map((violation): Diagnostic => ({
        ...layout.position,
        code: DiagnosticCode.structural,
        severity: "error",
        message: `the schema of ${layout.kind} ${version.name} is not structural at ${violation.path || "the root"}: ${violation.message}`,
      })),
    ),
  );
}

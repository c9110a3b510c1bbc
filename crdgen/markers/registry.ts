/**
 * The marker registry: one table of definitions, looked up by controller-gen's name rules.
 *
 * A definition is a name (controller-gen's spelling), the targets it may sit on, its argument
 * shape, one line of help, and what it does: `applyToSchema` for schema markers (in `priority`
 * order, lowest first, as controller-gen's ApplyPriority), `applyToCrd` for CRD markers. RBAC, webhook and
 * package markers are read by name by the stages that need them.
 */
import type { Position } from "../diagnostics.js";
import type { CrdMarkerTarget } from "../crd/model.js";
import type { JSONSchemaProps } from "../schema/model.js";
import type { ArgumentType, ArgumentValue } from "./argument.js";

/** Where a marker may be written: the groupversion_info.ts header, a type, or a field. */
export type MarkerTarget = "package" | "type" | "field";

/** One argument: `name` is "" for the anonymous `+marker=value` form. */
export interface MarkerArgument {
  name: string;
  type: ArgumentType;
  optional?: boolean;
}

/** Parsed arguments by name ("" for the anonymous one). */
export type MarkerValue = Readonly<Record<string, ArgumentValue>>;

/** The marker family, which is also the definitions file it lives in. */
export type MarkerFamily = "validation" | "crd" | "topology" | "rbac" | "webhook" | "package" | "object";

/** A marker definition: one row of the registry. */
export interface MarkerDefinition {
  name: string;
  family: MarkerFamily;
  targets: readonly MarkerTarget[];
  args: readonly MarkerArgument[];
  help: string;
  /** Schema application order, lowest first; 0 is the default (controller-gen ApplyPriorityDefault). */
  priority?: number;
  /** Updates `schema`; returns a message when the marker does not fit the schema it lands on. */
  applyToSchema?: (schema: JSONSchemaProps, value: MarkerValue) => string | undefined;
  /** Updates the CRD draft; returns a message when the marker cannot apply. */
  applyToCrd?: (target: CrdMarkerTarget, value: MarkerValue) => string | undefined;
}

/** A marker found in a comment: its definition, its parsed value, and where it was written. */
export interface MarkerInstance {
  definition: MarkerDefinition;
  value: MarkerValue;
  position: Position;
  /** The marker as written, without the leading `+` (or the JSDoc tag, for aliases). */
  text: string;
}

/** A JSDoc tag that stands for a marker: `@minimum 1` means `+kubebuilder:validation:Minimum=1`. */
export interface JsDocAlias {
  tag: string;
  /** The marker the tag stands for (its row in the help table). */
  marker: string;
  /**
   * The markers the tag's text means, each as written after `+`: the one marker with its argument,
   * or more where one tag says what takes several markers (`@exclusiveMinimum 0`).
   */
  toMarkers: (tagText: string) => readonly string[];
}

/** The registry: definitions by name, aliases by tag. */
export class MarkerRegistry {
  readonly #byName = new Map<string, MarkerDefinition>();
  readonly #aliasesByTag = new Map<string, JsDocAlias>();

  constructor(definitions: readonly MarkerDefinition[], aliases: readonly JsDocAlias[]) {
    for (const definition of definitions) {
      if (this.#byName.has(definition.name)) throw new Error(`duplicate marker definition ${definition.name}`);
      this.#byName.set(definition.name, definition);
    }
    for (const alias of aliases) {
      if (!this.#byName.has(alias.marker))
        throw new Error(`alias @${alias.tag} points at unknown marker ${alias.marker}`);
      this.#aliasesByTag.set(alias.tag, alias);
    }
  }

  get(name: string): MarkerDefinition | undefined {
    return this.#byName.get(name);
  }

  alias(tag: string): JsDocAlias | undefined {
    return this.#aliasesByTag.get(tag);
  }

  definitions(): MarkerDefinition[] {
    return [...this.#byName.values()];
  }

  aliases(): JsDocAlias[] {
    return [...this.#aliasesByTag.values()];
  }

  /** The closest known name to a misspelt one, for "did you mean" hints. */
  suggest(name: string): string | undefined {
    return closestName(name, this.#byName.keys());
  }
}

/** The candidate closest to a misspelt `name` (case-insensitive), if any is close enough. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(name.length / 4)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

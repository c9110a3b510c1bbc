/**
 * The `labelSelector` and `fieldSelector` of lists and watches: label selectors are parsed by the
 * shared labels.Parse port (apimachinery/), field selectors as `fields.ParseSelector` reads them.
 */
import { LabelSelectorError, parseSelector, type Selector } from "../../apimachinery/index.js";
import { badRequest } from "../http/status.js";
import type { KubeObject } from "./types.js";

/**
 * Parses `labelSelector`; an empty or absent selector matches everything.
 * @throws StatusError 400 with labels.Parse's message
 */
export function parseLabelSelector(text: string | null | undefined): Selector {
  try {
    return parseSelector(text);
  } catch (error) {
    if (error instanceof LabelSelectorError) throw badRequest(error.message);
    throw error;
  }
}

/** A parsed field selector. */
export interface FieldSelector {
  matches(object: KubeObject): boolean;
  empty: boolean;
  /** The name it pins with `metadata.name=`, used to narrow watches of one object. */
  name: string | undefined;
}

/** Reads the value of a supported field of an object. */
export type FieldGetter = (object: KubeObject) => string | undefined;

export const metadataFieldGetters: Record<string, FieldGetter> = {
  "metadata.name": (object) => object.metadata.name,
  "metadata.namespace": (object) => object.metadata.namespace ?? "",
};

/**
 * Parses `fieldSelector` against the fields a kind supports.
 * @param unsupported builds the error for an unknown field (it differs between built-ins and custom resources)
 */
export function parseFieldSelector(
  text: string | null | undefined,
  getters: Record<string, FieldGetter>,
  unsupported: (field: string) => Error,
): FieldSelector {
  if (!text || !text.trim()) return { matches: () => true, empty: true, name: undefined };
  const terms = text.split(",").map((term) => {
    const match = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!match?.[1] || !match[2]) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const getter = getters[match[1]];
    if (!getter) throw unsupported(match[1]);
    return { field: match[1], getter, negate: match[2] === "!=", value: match[3] ?? "" };
  });
  const pinned = terms.find((term) => term.field === "metadata.name" && !term.negate);
  return {
    empty: false,
    name: pinned?.value,
    matches: (object) => terms.every((term) => (term.getter(object) === term.value) !== term.negate),
  };
}

/**
 * SetDefaults_ResourceList, found through the Go types: kube-apiserver's generated defaulters of
 * core/v1, apps/v1, batch/v1 and storage/v1 (zz_generated.defaults.go) call it on every
 * core/v1.ResourceList their kinds reach, and it rounds each quantity up to milli-units. The
 * decoder has already written each value in canonical form; rounding may change it again.
 */
import { formatQuantity, parseQuantity, QuantityParseError, roundUpToMilli } from "../../apimachinery/index.js";
import { forEachNamedValue, goTypeModel, jsonFields, parseTypeExpression } from "./catalog.js";

const resourceListType = "core/v1.ResourceList";

/** The API groups whose generated defaulters round ResourceLists (pkg/apis/<group>/v1*). */
export const groupsRoundingResourceLists: ReadonlySet<string> = new Set(["", "apps", "batch", "storage.k8s.io"]);

const reaching = new Map<string, boolean>();

/** Whether a value of Go type `type` can hold a ResourceList, so walks skip what cannot. */
function reachesResourceList(type: string, seen: ReadonlySet<string> = new Set()): boolean {
  const known = reaching.get(type);
  if (known !== undefined) return known;
  const expression = parseTypeExpression(type);
  let answer: boolean;
  if (expression.form !== "named") answer = reachesResourceList(expression.element, seen);
  else if (type === resourceListType) answer = true;
  else if (seen.has(type)) return false;
  else {
    const model = goTypeModel(type);
    const inner = new Set([...seen, type]);
    answer = model?.fields ? jsonFields(model).some((field) => reachesResourceList(field.type, inner)) : false;
  }
  reaching.set(type, answer);
  return answer;
}

/** Rounds, in place, every ResourceList quantity of `value`, a JSON value of Go type `type`. */
export function roundResourceLists(value: unknown, type: string): void {
  if (!reachesResourceList(type)) return;
  forEachNamedValue(value, type, (named, name) => {
    if (name === resourceListType) return roundList(named);
    const model = goTypeModel(name);
    if (!model?.fields || Array.isArray(named)) return;
    const object = named as Record<string, unknown>;
    for (const field of jsonFields(model)) roundResourceLists(object[field.json], field.type);
  });
}

function roundList(value: object): void {
  if (Array.isArray(value)) return;
  const list = value as Record<string, unknown>;
  for (const [name, quantity] of Object.entries(list)) {
    // A null decodes to the zero Quantity.
    if (quantity === null) list[name] = "0";
    else if (typeof quantity === "string") list[name] = rounded(quantity);
  }
}

function rounded(text: string): string {
  try {
    return formatQuantity(roundUpToMilli(parseQuantity(text)));
  } catch (failure) {
    // The decoder refuses what does not parse before defaulting runs.
    if (failure instanceof QuantityParseError) return text;
    throw failure;
  }
}

/**
 * The Kubernetes CEL libraries kube-apiserver adds to every environment it builds (CRD rules and
 * admission policies alike; k8s.io/apiserver/pkg/cel/library): lists, regex, the extended strings
 * functions cel-js lacks, sets and quantities. The URL, IP/CIDR, format and semver libraries are
 * not here.
 *
 * Errors: a function given a value it cannot work with throws, which evaluation reports as the
 * expression's error (as cel-go returns types.Err).
 */
import type { Environment } from "@marcbachmann/cel-js";
import { compareQuantities, isWholeQuantity, parseQuantity, type ParsedQuantity } from "../../apimachinery/index.js";

/** A quantity value (library.Quantity): compared and added exactly, never through a double. */
export class CelQuantity {
  readonly quantity: ParsedQuantity;
  constructor(quantity: ParsedQuantity) {
    this.quantity = quantity;
  }
}

/** The receiver of the `sets.*` functions (cel-js names functions only globally or on a type). */
class SetsLibrary {
  readonly name = "sets";
}

function compareCel(a: unknown, b: unknown): number {
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number"))
    return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (a instanceof CelQuantity && b instanceof CelQuantity) return compareQuantities(a.quantity, b.quantity);
  throw new Error(`no such overload: compare ${typeof a} and ${typeof b}`);
}

function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => celEquals((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    );
  }
  return false;
}

function extreme(list: unknown[], sign: 1 | -1, name: string): unknown {
  if (list.length === 0) throw new Error(`${name}(list) argument must not be empty`);
  return list.reduce((best, item) => (compareCel(item, best) * sign > 0 ? item : best));
}

function sum(list: unknown[]): unknown {
  if (list.length === 0) return 0n;
  return list.reduce((total, item) => {
    if (typeof total === "bigint" && typeof item === "bigint") return total + item;
    if (typeof total === "number" && typeof item === "number") return total + item;
    throw new Error("no such overload: sum of mixed types");
  });
}

function regex(pattern: string): RegExp {
  try {
    return new RegExp(pattern, "g");
  } catch (error) {
    throw new Error(`invalid regex '${pattern}': ${(error as Error).message}`, { cause: error });
  }
}

function findAll(text: string, pattern: string, limit: bigint): string[] {
  const found: string[] = [];
  if (limit === 0n) return found;
  for (const match of text.matchAll(regex(pattern))) {
    found.push(match[0]);
    if (limit > 0n && BigInt(found.length) >= limit) break;
  }
  return found;
}

function quantityOf(text: string): CelQuantity {
  return new CelQuantity(parseQuantity(text));
}

function isQuantity(text: string): boolean {
  try {
    parseQuantity(text);
    return true;
  } catch {
    return false;
  }
}

function addQuantities(a: CelQuantity, b: CelQuantity | bigint, negate: boolean): CelQuantity {
  // Exact, as resource.Quantity.Add: both scaled to the smaller exponent.
  const other: ParsedQuantity =
    b instanceof CelQuantity ? b.quantity : { unscaled: b, exponent: 0, format: "DecimalSI" };
  const low = Math.min(a.quantity.exponent, other.exponent);
  const scaled = (q: ParsedQuantity) => q.unscaled * 10n ** BigInt(q.exponent - low);
  const unscaled = scaled(a.quantity) + (negate ? -scaled(other) : scaled(other));
  return new CelQuantity({ unscaled, exponent: low, format: a.quantity.format });
}

function asInteger(q: CelQuantity): bigint {
  const { unscaled, exponent } = q.quantity;
  if (!isWholeQuantity(q.quantity)) throw new Error("cannot convert value to integer");
  const result = exponent >= 0 ? unscaled * 10n ** BigInt(exponent) : unscaled / 10n ** BigInt(-exponent);
  if (result > 2n ** 63n - 1n || result < -(2n ** 63n)) throw new Error("cannot convert value to integer");
  return result;
}

/** Registers the Kubernetes CEL libraries on `env`; returns it for chaining. */
export function registerKubernetesLibrary(env: Environment): Environment {
  env
    .registerFunction("list.isSorted(): bool", (list: unknown[]) =>
      list.every((item, index) => index === 0 || compareCel(list[index - 1], item) <= 0),
    )
    .registerFunction("list.sum(): dyn", sum)
    .registerFunction("list.min(): dyn", (list: unknown[]) => extreme(list, -1, "min"))
    .registerFunction("list.max(): dyn", (list: unknown[]) => extreme(list, 1, "max"))
    .registerFunction("list.indexOf(dyn): int", (list: unknown[], value: unknown) =>
      BigInt(list.findIndex((item) => celEquals(item, value))),
    )
    .registerFunction("list.lastIndexOf(dyn): int", (list: unknown[], value: unknown) => {
      for (let index = list.length - 1; index >= 0; index -= 1) if (celEquals(list[index], value)) return BigInt(index);
      return -1n;
    })
    .registerFunction(
      "string.find(string): string",
      (text: string, pattern: string) => findAll(text, pattern, 1n)[0] ?? "",
    )
    .registerFunction("string.findAll(string): list<string>", (text: string, pattern: string) =>
      findAll(text, pattern, -1n),
    )
    .registerFunction("string.findAll(string, int): list<string>", findAll)
    .registerFunction("string.replace(string, string): string", (text: string, from: string, to: string) =>
      text.replaceAll(from, to),
    )
    .registerFunction("string.charAt(int): string", (text: string, index: bigint) => {
      if (index < 0n || index > BigInt(text.length)) throw new Error(`index out of range: ${index}`);
      return text.charAt(Number(index));
    })
    .registerFunction("string.reverse(): string", (text: string) => [...text].reverse().join(""))
    .registerType("SetsLibrary", SetsLibrary)
    .registerConstant("sets", "SetsLibrary", new SetsLibrary())
    .registerFunction("SetsLibrary.contains(list, list): bool", (_: SetsLibrary, a: unknown[], b: unknown[]) =>
      b.every((item) => a.some((other) => celEquals(item, other))),
    )
    .registerFunction(
      "SetsLibrary.equivalent(list, list): bool",
      (_: SetsLibrary, a: unknown[], b: unknown[]) =>
        a.every((item) => b.some((other) => celEquals(item, other))) &&
        b.every((item) => a.some((other) => celEquals(item, other))),
    )
    .registerFunction("SetsLibrary.intersects(list, list): bool", (_: SetsLibrary, a: unknown[], b: unknown[]) =>
      a.some((item) => b.some((other) => celEquals(item, other))),
    )
    .registerType("Quantity", CelQuantity)
    .registerFunction("quantity(string): Quantity", quantityOf)
    .registerFunction("isQuantity(string): bool", isQuantity)
    .registerFunction("Quantity.isInteger(): bool", (q: CelQuantity) => isWholeQuantity(q.quantity))
    .registerFunction("Quantity.asInteger(): int", asInteger)
    .registerFunction(
      "Quantity.asApproximateFloat(): double",
      (q: CelQuantity) => Number(q.quantity.unscaled) * 10 ** q.quantity.exponent,
    )
    .registerFunction("Quantity.sign(): int", (q: CelQuantity) =>
      q.quantity.unscaled === 0n ? 0n : q.quantity.unscaled > 0n ? 1n : -1n,
    )
    .registerFunction("Quantity.compareTo(Quantity): int", (a: CelQuantity, b: CelQuantity) => BigInt(compareCel(a, b)))
    .registerFunction("Quantity.isLessThan(Quantity): bool", (a: CelQuantity, b: CelQuantity) => compareCel(a, b) < 0)
    .registerFunction(
      "Quantity.isGreaterThan(Quantity): bool",
      (a: CelQuantity, b: CelQuantity) => compareCel(a, b) > 0,
    )
    .registerFunction("Quantity.add(Quantity): Quantity", (a: CelQuantity, b: CelQuantity) =>
      addQuantities(a, b, false),
    )
    .registerFunction("Quantity.add(int): Quantity", (a: CelQuantity, b: bigint) => addQuantities(a, b, false))
    .registerFunction("Quantity.sub(Quantity): Quantity", (a: CelQuantity, b: CelQuantity) => addQuantities(a, b, true))
    .registerFunction("Quantity.sub(int): Quantity", (a: CelQuantity, b: bigint) => addQuantities(a, b, true));
  return env;
}

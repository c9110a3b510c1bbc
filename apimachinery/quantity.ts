/**
 * resource.Quantity as k8s.io/apimachinery parses, compares and prints it. kube-apiserver decodes
 * every Quantity of a body and writes it back in its canonical form ("1000m" is stored as "1",
 * "0.5" as "500m", "1024Mi" as "1Gi"), so an operator comparing its desired object with the stored
 * one must expect that form. A value is kept as an unscaled integer and a power of ten, never
 * expanded, so "1e999999999" costs no more than "1".
 */

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/** A parsed quantity: `unscaled × 10^exponent`, with the format its suffix asked for. */
export interface Quantity {
  readonly unscaled: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
  /** The text as written, kept where apimachinery keeps it (already canonical). */
  readonly text?: string | undefined;
}

const splitPattern = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

/** The parse errors, worded as resource.ParseQuantity words them. */
export const quantityErrors = {
  formatWrong: `quantities must match the regular expression '${splitPattern}'`,
  numeric: "unable to parse numeric part of quantity",
  suffix: "unable to parse quantity's suffix",
} as const;

export class QuantityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QuantityParseError";
  }
}

const decimalSuffixes: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  "": 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const binarySuffixes: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const suffixLetters = "eEinumkKMGTP";
const maxInt64 = (1n << 63n) - 1n;
const nanoExponent = -9;

interface Scanned {
  positive: boolean;
  /** The numeric text with its sign, as inf.Dec would read it. */
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

/** Splits a quantity into sign, integer digits (leading zeros dropped), fraction digits and suffix. */
function scan(text: string): Scanned {
  let pos = 0;
  let positive = true;
  if (text[0] === "-" || text[0] === "+") {
    positive = text[0] === "+";
    pos++;
  }
  while (text[pos] === "0") pos++;
  if (pos >= text.length) return { positive, value: "0", num: "0", denom: "", suffix: "" };
  let end = pos;
  while (isDigit(text[end])) end++;
  const num = text.slice(pos, end) || "0";
  if (end >= text.length) return { positive, value: text, num, denom: "", suffix: "" };
  pos = end;
  let denom = "";
  if (text[pos] === ".") {
    end = ++pos;
    while (isDigit(text[end])) end++;
    denom = text.slice(pos, end);
    if (end >= text.length) return { positive, value: text, num, denom, suffix: "" };
    pos = end;
  }
  const value = text.slice(0, pos);
  const suffixStart = pos;
  while (pos < text.length && suffixLetters.includes(text[pos] as string)) pos++;
  if (text[pos] === "-" || text[pos] === "+") pos++;
  while (isDigit(text[pos])) pos++;
  if (pos < text.length) throw new QuantityParseError(quantityErrors.formatWrong);
  return { positive, value, num, denom, suffix: text.slice(suffixStart) };
}

/** The base, power and format a suffix stands for, or undefined. */
function interpretSuffix(suffix: string): { base: 2 | 10; power: number; format: QuantityFormat } | undefined {
  const decimal = decimalSuffixes[suffix];
  if (decimal !== undefined) return { base: 10, power: decimal, format: "DecimalSI" };
  const binary = binarySuffixes[suffix];
  if (binary !== undefined) return { base: 2, power: binary, format: "BinarySI" };
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E")) {
    if (!/^[+-]?[0-9]+$/.test(suffix.slice(1))) return undefined;
    const power = BigInt(suffix.slice(1));
    if (power > maxInt64 || power < -maxInt64 - 1n) return undefined;
    // Go keeps the exponent as an int32.
    return { base: 10, power: Number(BigInt.asIntN(32, power)), format: "DecimalExponent" };
  }
  return undefined;
}

/**
 * Parses a quantity as resource.ParseQuantity does (including its rounding of values finer than
 * a nano-unit up to 1n and its cap of binary values at 2^63-1); throws a QuantityParseError with
 * its wording.
 */
export function parseQuantity(text: string): Quantity {
  if (text.length === 0) throw new QuantityParseError(quantityErrors.formatWrong);
  if (text === "0") return { unscaled: 0n, exponent: 0, format: "DecimalSI", text };
  const scanned = scan(text);
  const meaning = interpretSuffix(scanned.suffix);
  if (!meaning) throw new QuantityParseError(quantityErrors.suffix);
  const { base, power } = meaning;
  let format = meaning.format;
  const fast = fastPath(text, scanned, meaning);
  if (fast) return fast;

  const digits = /[0-9]/.test(scanned.value) ? scanned.value.replace(/[+.-]/g, "") : undefined;
  if (digits === undefined) throw new QuantityParseError(quantityErrors.numeric);
  const point = scanned.value.indexOf(".");
  let unscaled = BigInt(digits) * (scanned.positive ? 1n : -1n);
  let exponent = point < 0 ? 0 : -(scanned.value.length - point - 1);
  if (base === 10) exponent += power;
  else unscaled *= 1n << BigInt(power);
  ({ unscaled, exponent } = roundAwayFromZero({ unscaled, exponent }, nanoExponent));
  const magnitude = unscaled < 0n ? -unscaled : unscaled;
  if (
    format === "BinarySI" &&
    compareMagnitude({ unscaled: magnitude, exponent }, { unscaled: maxInt64, exponent: 0 }) > 0
  )
    ({ unscaled, exponent } = { unscaled: unscaled < 0n ? -maxInt64 : maxInt64, exponent: 0 });
  if (format === "BinarySI" && magnitude > 0n && compareMagnitude({ unscaled: magnitude, exponent }, one) < 0)
    format = "DecimalSI";
  return { unscaled, exponent, format };
}

const one = { unscaled: 1n, exponent: 0 };

/**
 * ParseQuantity's int64 path, taken when the digits fit: it keeps the text as written when the text
 * already looks canonical (its heuristic, quirks included: "+1" and "01" are kept).
 */
function fastPath(
  text: string,
  { positive, num, denom }: Scanned,
  { base, power, format }: { base: 2 | 10; power: number; format: QuantityFormat },
): Quantity | undefined {
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (base === 10) {
    scale = power;
    precision = 18 - (num.length + denom.length);
  } else if (power >= 0 && denom.length === 0) {
    mantissa = 1n << BigInt(power);
    precision = 15 - num.length - Math.trunc(Math.fround((Math.fround(power) * 3) / 10)) - 1;
  } else precision = -1;
  if (precision < 0) return undefined;
  scale -= denom.length;
  if (scale < nanoExponent) return undefined;
  const shifted = num + denom;
  const value = BigInt(shifted);
  const product = value * mantissa;
  if (product > maxInt64) return undefined;
  const quantity = { unscaled: positive ? product : -product, exponent: scale, format };
  const canonical =
    base === 2
      ? power % 10 === 0 && (value & 7n) !== 0n
      : scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0";
  return canonical ? { ...quantity, text } : quantity;
}

/** `value` rounded away from zero to a multiple of 10^exponent, if it is finer than that. */
function roundAwayFromZero<T extends { unscaled: bigint; exponent: number }>(value: T, exponent: number): T {
  if (value.exponent >= exponent || value.unscaled === 0n) return value;
  const negative = value.unscaled < 0n;
  const magnitude = negative ? -value.unscaled : value.unscaled;
  const drop = exponent - value.exponent;
  let rounded: bigint;
  if (drop > magnitude.toString().length) rounded = 1n;
  else {
    const divisor = 10n ** BigInt(drop);
    rounded = magnitude / divisor + (magnitude % divisor === 0n ? 0n : 1n);
  }
  return { ...value, unscaled: negative ? -rounded : rounded, exponent };
}

/** Compares two non-negative values without expanding their powers of ten beyond their digits. */
function compareMagnitude(
  a: { unscaled: bigint; exponent: number },
  b: { unscaled: bigint; exponent: number },
): number {
  if (a.unscaled === 0n || b.unscaled === 0n) return Number(a.unscaled > 0n) - Number(b.unscaled > 0n);
  const aDigits = a.unscaled.toString().length;
  const bDigits = b.unscaled.toString().length;
  const aOrder = a.exponent + aDigits;
  const bOrder = b.exponent + bDigits;
  if (aOrder !== bOrder) return aOrder > bOrder ? 1 : -1;
  const low = Math.min(a.exponent, b.exponent);
  const left = a.unscaled * 10n ** BigInt(a.exponent - low);
  const right = b.unscaled * 10n ** BigInt(b.exponent - low);
  return left === right ? 0 : left > right ? 1 : -1;
}

/** Quantity.Cmp: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const aSign = a.unscaled === 0n ? 0 : a.unscaled > 0n ? 1 : -1;
  const bSign = b.unscaled === 0n ? 0 : b.unscaled > 0n ? 1 : -1;
  if (aSign !== bSign) return aSign > bSign ? 1 : -1;
  if (aSign === 0) return 0;
  const abs = (q: Quantity) => ({ unscaled: q.unscaled < 0n ? -q.unscaled : q.unscaled, exponent: q.exponent });
  return aSign * compareMagnitude(abs(a), abs(b));
}

/** Quantity.RoundUp(-3) as SetDefaults_ResourceList applies it: milli-units at the finest. */
export function roundUpToMilli(quantity: Quantity): Quantity {
  if (quantity.exponent >= -3) return quantity;
  const { unscaled, exponent } = roundAwayFromZero(quantity, -3);
  return { unscaled, exponent, format: quantity.format };
}

/** Whether the quantity is a whole number of units (the integer resources' `MilliValue() % 1000 == 0`). */
export function isWholeQuantity(quantity: Quantity): boolean {
  return compareQuantities(roundAwayFromZero(quantity, 0), quantity) === 0;
}

/** Quantity.String(): the text as written when apimachinery kept it, else the canonical form. */
export function formatQuantity(quantity: Quantity): string {
  if (quantity.text !== undefined) return quantity.text;
  if (quantity.unscaled === 0n) return "0";
  let format = quantity.format;
  let whole: bigint | undefined;
  if (format === "BinarySI") {
    if (
      compareQuantities(quantity, { unscaled: -1024n, exponent: 0, format }) > 0 &&
      compareQuantities(quantity, { unscaled: 1024n, exponent: 0, format }) < 0
    )
      format = "DecimalSI";
    else {
      const rounded = roundAwayFromZero(quantity, 0);
      if (compareQuantities(rounded, quantity) !== 0) format = "DecimalSI";
      else whole = rounded.unscaled * 10n ** BigInt(rounded.exponent);
    }
  }
  if (whole !== undefined) {
    let power = 0;
    let amount = whole < 0n ? -whole : whole;
    while (amount >= 1024n && amount % 1024n === 0n) {
      amount /= 1024n;
      power += 10;
    }
    const suffix = Object.entries(binarySuffixes).find(([, p]) => p === power)?.[0] ?? "";
    return `${whole < 0n ? "-" : ""}${amount}${suffix}`;
  }
  let { unscaled, exponent } = quantity;
  while (unscaled % 10n === 0n) {
    unscaled /= 10n;
    exponent++;
  }
  while (exponent % 3 !== 0) {
    unscaled *= 10n;
    exponent--;
  }
  if (format === "DecimalExponent") return exponent === 0 ? `${unscaled}` : `${unscaled}e${exponent}`;
  const suffix = Object.entries(decimalSuffixes).find(([, p]) => p === exponent)?.[0] ?? "";
  return `${unscaled}${suffix}`;
}

/**
 * The stored form of a Quantity field's JSON value (a string, or a number as Quantity's
 * UnmarshalJSON also takes); throws a QuantityParseError for what it cannot hold.
 */
export function canonicalQuantity(value: string | number): string {
  return formatQuantity(parseQuantity(typeof value === "number" ? String(value) : value.trim()));
}

/**
 * Go's strconv number parsing, whose error texts kube-apiserver passes on as they are (the query
 * parameter codec answers a bad integer with `strconv.ParseInt: parsing "20.0": invalid syntax`).
 */

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** strconv.ParseInt(value, 10, 64): the number, or the error's text. */
export function parseGoInt64(value: string): { value: bigint } | { error: string } {
  // Base 10 allows an optional sign and digits only: no spaces, underscores, fractions or exponents.
  if (!/^[+-]?\d+$/.test(value)) return { error: `strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax` };
  const parsed = BigInt(value);
  if (parsed < int64Min || parsed > int64Max)
    return { error: `strconv.ParseInt: parsing ${JSON.stringify(value)}: value out of range` };
  return { value: parsed };
}

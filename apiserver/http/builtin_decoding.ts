/**
 * How a built-in kind's body of another built-in kind fails to decode. kube-apiserver decodes the
 * body as the kind it names (so that kind's own field errors come first, such as a Secret's data
 * that is not base64), then fails to convert it into the URL's kind.
 */
import type { KubeObject } from "../storage/types.js";

const base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The offset base64.StdEncoding reports for `text` (padding required, line breaks skipped), or undefined when it decodes. */
export function goBase64ErrorOffset(text: string): number | undefined {
  const bytes = Buffer.from(text, "utf8");
  const isBreak = (index: number): boolean => bytes[index] === 0x0a || bytes[index] === 0x0d;
  let index = 0;
  while (index < bytes.length) {
    for (let seen = 0; seen < 4; seen += 1) {
      if (index === bytes.length) {
        if (seen === 0) return undefined;
        return index - seen;
      }
      const byte = bytes[index] ?? 0;
      index += 1;
      if (base64Alphabet.includes(String.fromCharCode(byte)) && byte < 0x80) continue;
      if (byte === 0x0a || byte === 0x0d) {
        seen -= 1;
        continue;
      }
      if (byte !== 0x3d || seen < 2) return index - 1;
      if (seen === 2) {
        // "==" is expected: the second '=' must follow, line breaks aside.
        while (index < bytes.length && isBreak(index)) index += 1;
        if (index === bytes.length) return bytes.length;
        if (bytes[index] !== 0x3d) return index - 1;
        index += 1;
      }
      while (index < bytes.length && isBreak(index)) index += 1;
      return index < bytes.length ? index : undefined;
    }
  }
  return undefined;
}

/** Fields of built-in kinds that hold map[string][]byte, which JSON carries as base64. */
const byteMapFields: Record<string, readonly string[]> = { Secret: ["data"], ConfigMap: ["binaryData"] };

/** Why `object`, of a built-in kind other than `target`'s, cannot be handled as `target`'s kind. */
export function otherKindDecodeError(
  object: KubeObject,
  target: { group: string; version: string; kind: string },
): string {
  const bodyKind = String(object.kind);
  for (const field of byteMapFields[bodyKind] ?? []) {
    const values = object[field];
    if (values === null || typeof values !== "object") continue;
    for (const value of Object.values(values as Record<string, unknown>)) {
      const offset = typeof value === "string" ? goBase64ErrorOffset(value) : undefined;
      if (offset !== undefined) return `illegal base64 data at input byte ${offset}`;
    }
  }
  // Go names the types by package: the versioned one (v1) and the internal one (core, coordination...).
  const internalPackage = target.group ? (target.group.split(".")[0] ?? "") : "core";
  return `converting (${target.version}.${bodyKind}) to (${internalPackage}.${target.kind}): unknown conversion`;
}

/**
 * List continue tokens in kube-apiserver's format (k8s.io/apiserver/pkg/storage/continue.go):
 * unpadded base64url of `{"v":"meta.k8s.io/v1","rv":<revision>,"start":"<next key>"}`, where the
 * next key is the last returned key, relative to the list's key prefix, followed by a NUL byte.
 * Decoding reports what kube-apiserver reports, worded by Go's base64 and encoding/json.
 */
import { goUnmarshalStruct } from "../serializer/go_json_struct.js";
import { badRequest } from "../errors/status.js";

export interface ContinuePosition {
  /** The revision of the list's first page; 0 or less means "the latest". */
  revision: number;
  /** Keys at or after this one (relative to the list's prefix, no leading "/") come next. */
  startKey: string;
}

const TOKEN_VERSION = "meta.k8s.io/v1";

/** The token that continues a list at `startKey` (relative to the list's prefix); revision -1 means "the latest". */
export function encodeContinue(startKey: string, revision: number): string {
  return Buffer.from(JSON.stringify({ v: TOKEN_VERSION, rv: revision, start: startKey })).toString("base64url");
}

/** The start key of the page after `lastKey`: the smallest key greater than it. */
export function keyAfter(lastKey: string): string {
  return `/${lastKey}\u0000`;
}

const BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * Go's base64.RawURLEncoding.DecodeString: newlines are skipped, any other byte outside the
 * alphabet (padding included) or a lone trailing character is "illegal base64 data at input byte N".
 */
export function decodeRawBase64Url(text: string): Buffer {
  const input = Buffer.from(text, "utf8");
  const sextets: number[] = [];
  const offsets: number[] = [];
  for (let index = 0; index < input.length; index++) {
    const byte = input[index] ?? 0;
    if (byte === 0x0a || byte === 0x0d) continue;
    const value = BASE64URL_ALPHABET.indexOf(String.fromCharCode(byte));
    if (value < 0 || byte > 0x7f) throw new Error(`illegal base64 data at input byte ${index}`);
    sextets.push(value);
    offsets.push(index);
  }
  if (sextets.length % 4 === 1)
    throw new Error(`illegal base64 data at input byte ${offsets[offsets.length - 1] ?? 0}`);
  const bytes: number[] = [];
  for (let index = 0; index < sextets.length; index += 4) {
    const group = sextets.slice(index, index + 4);
    const bits = group.reduce((sum, sextet) => (sum << 6) | sextet, 0) << (6 * (4 - group.length));
    const count = group.length - 1;
    for (let byte = 0; byte < count; byte++) bytes.push((bits >> (16 - 8 * byte)) & 0xff);
  }
  return Buffer.from(bytes);
}

/** Whether a rooted path is what Go's path.Clean makes of it (no //, ".", ".." or trailing "/"). */
function isCleanPath(path: string): boolean {
  if (path === "/") return true;
  return (
    !path.endsWith("/") &&
    path
      .slice(1)
      .split("/")
      .every((segment) => segment !== "" && segment !== "." && segment !== "..")
  );
}

function invalidToken(reason: string): Error {
  return badRequest(`invalid continue token: continue key is not valid${reason}`);
}

/** Reads a continue token. @throws StatusError 400 with kube-apiserver's message */
export function decodeContinue(text: string): ContinuePosition {
  let data: Buffer;
  try {
    data = decodeRawBase64Url(text);
  } catch (error) {
    throw invalidToken(`: ${(error as Error).message}`);
  }
  const { value, error } = goUnmarshalStruct(data, "storage.continueToken", {
    v: "string",
    rv: "int64",
    start: "string",
  });
  if (error) throw invalidToken(`: ${error}`);
  const version = (value.v as string | undefined) ?? "";
  if (version !== TOKEN_VERSION) throw invalidToken(`: server does not recognize this encoded version ${version}`);
  const revision = (value.rv as bigint | undefined) ?? 0n;
  if (revision === 0n) throw invalidToken(`: incorrect encoded start resourceVersion (version ${TOKEN_VERSION})`);
  const start = (value.start as string | undefined) ?? "";
  if (start === "") throw invalidToken(`: encoded start key empty (version ${TOKEN_VERSION})`);
  const rooted = start.startsWith("/") ? start : `/${start}`;
  if (!isCleanPath(rooted)) throw invalidToken(`: ${start}`);
  return { revision: Number(revision), startKey: rooted.slice(1) };
}

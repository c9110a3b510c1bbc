/**
 * The reference kube-apiserver's OpenAPI documents for the built-in API, captured byte for byte by
 * hack/openapi/capture.ts into a compressed archive. The archive's module is imported on the first
 * OpenAPI request, never at server start: most test servers are never asked for OpenAPI.
 */
import { brotliDecompressSync } from "node:zlib";

export interface BuiltinOpenApi {
  /** The reference's /openapi/v2 JSON, with no CRD installed. */
  readonly v2: Buffer;
  /** The reference's /openapi/v3/<name> JSON documents by name ("api/v1", "apis/apps/v1", "version", ...). */
  readonly v3: ReadonlyMap<string, Buffer>;
  /** SHA-512 (hex) of the reference's protobuf /openapi/v2, for the encoder's test. */
  readonly protobufV2Sha512: string;
}

let loading: Promise<BuiltinOpenApi> | undefined;

export function loadBuiltinOpenApi(): Promise<BuiltinOpenApi> {
  loading ??= import("./builtin_openapi_data.js").then(({ archive, documentIndex, protobufV2Sha512 }) => {
    const blob = brotliDecompressSync(Buffer.from(archive, "base64"));
    const v3 = new Map<string, Buffer>();
    let v2 = Buffer.alloc(0);
    let offset = 0;
    for (const [name, length] of documentIndex) {
      const bytes = blob.subarray(offset, offset + length);
      offset += length;
      if (name === "v2") v2 = bytes;
      else v3.set(name, bytes);
    }
    if (offset !== blob.length)
      throw new Error(`builtin OpenAPI archive: index covers ${offset} of ${blob.length} bytes`);
    return { v2, v3, protobufV2Sha512 };
  });
  return loading;
}

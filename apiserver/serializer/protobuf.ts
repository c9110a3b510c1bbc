/**
 * Decoding of Kubernetes protobuf request bodies (`application/vnd.kubernetes.protobuf`), which
 * Go clients send for every built-in kind (and DeleteOptions with their DELETEs) and kubectl's
 * typed commands (`kubectl create configmap`, ...) send too, and encoding of the responses
 * kube-apiserver answers them in protobuf.
 *
 * The wire format is the `k8s\0` magic, then a runtime.Unknown { typeMeta = 1 { apiVersion = 1,
 * kind = 2 }, raw = 2 } whose `raw` is the object's message, decoded by its Go type in the catalog.
 */
import { goTypeOfKind } from "../catalog/catalog.js";
import { badRequest } from "../errors/status.js";
import { responseGoType } from "./builtin_go_types.js";
import { decodeCatalogMessage } from "./protobuf_catalog.js";
import { encodeCatalogMessage } from "./protobuf_encoding.js";
import { protobufFields } from "./protobuf_reader.js";
import { ProtobufWriter } from "./protobuf_writer.js";

const magic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** metav1.DeleteOptions is registered in every group version. */
const deleteOptionsType = "meta/v1.DeleteOptions";

function stringField(bytes: Buffer, number: number): string {
  const field = protobufFields(bytes).find((candidate) => candidate.number === number);
  return field?.value instanceof Buffer ? field.value.toString("utf8") : "";
}

/** The type meta and message of the serializer's envelope. */
function openEnvelope(body: Buffer): { apiVersion: string; kind: string; raw: Buffer | undefined } {
  if (body.length < 4 || !body.subarray(0, 4).equals(magic))
    throw badRequest("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
  const envelope = protobufFields(body.subarray(4));
  const typeMeta = envelope.find((field) => field.number === 1)?.value;
  const raw = envelope.find((field) => field.number === 2)?.value;
  const apiVersion = typeMeta instanceof Buffer ? stringField(typeMeta, 1) : "";
  const kind = typeMeta instanceof Buffer ? stringField(typeMeta, 2) : "";
  return { apiVersion, kind, raw: raw instanceof Buffer ? raw : undefined };
}

/** Decodes a protobuf-encoded built-in object into its JSON form. */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  const { apiVersion, kind, raw } = openEnvelope(body);
  const goType = kind === "DeleteOptions" ? deleteOptionsType : goTypeOfKind(apiVersion, kind);
  if (!goType)
    throw badRequest(
      `no kind "${kind}" is registered for version "${apiVersion}" in scheme "k8s.io/apimachinery@v1.32.4/pkg/runtime/scheme.go:100"`,
    );
  return { apiVersion, kind, ...(raw ? decodeCatalogMessage(raw, goType) : {}) };
}

/** Decodes a protobuf response (an object, a list, a Status) into its JSON form, as a Go client reads it. */
export function decodeProtobufResponse(body: Buffer): Record<string, unknown> {
  const { apiVersion, kind, raw } = openEnvelope(body);
  const goType = responseGoType(apiVersion, kind);
  if (!goType) throw badRequest(`no kind "${kind}" is registered for version "${apiVersion}"`);
  return { apiVersion, kind, ...(raw ? decodeCatalogMessage(raw, goType) : {}) };
}

/**
 * The protobuf serializer's encoding of an object of the catalog's Go struct `goType`: the magic,
 * then runtime.Unknown with its type meta, its message, and empty contentEncoding and contentType.
 */
export function encodeProtobufObject(object: Record<string, unknown>, goType: string): Buffer {
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  const kind = typeof object.kind === "string" ? object.kind : "";
  const typeMeta = new ProtobufWriter().string(1, apiVersion).string(2, kind).finish();
  const unknown = new ProtobufWriter()
    .bytes(1, typeMeta)
    .bytes(2, encodeCatalogMessage(object, goType))
    .string(3, "")
    .string(4, "")
    .finish();
  return Buffer.concat([magic, unknown]);
}

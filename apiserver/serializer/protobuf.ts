/**
 * Decoding of Kubernetes protobuf request bodies (`application/vnd.kubernetes.protobuf`), which
 * Go clients send for every built-in kind (and DeleteOptions with their DELETEs) and kubectl's
 * typed commands (`kubectl create configmap`, ...) send too. Responses are JSON, which those
 * clients accept as well.
 *
 * The wire format is the `k8s\0` magic, then a runtime.Unknown { typeMeta = 1 { apiVersion = 1,
 * kind = 2 }, raw = 2 } whose `raw` is the object's message, decoded by its Go type in the catalog.
 */
import { goTypeOfKind } from "../catalog/catalog.js";
import { badRequest } from "../errors/status.js";
import { decodeCatalogMessage } from "./protobuf_catalog.js";
import { protobufFields } from "./protobuf_reader.js";

const magic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** metav1.DeleteOptions is registered in every group version. */
const deleteOptionsType = "meta/v1.DeleteOptions";

function stringField(bytes: Buffer, number: number): string {
  const field = protobufFields(bytes).find((candidate) => candidate.number === number);
  return field?.value instanceof Buffer ? field.value.toString("utf8") : "";
}

/** Decodes a protobuf-encoded built-in object into its JSON form. */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(magic))
    throw badRequest("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
  const envelope = protobufFields(body.subarray(4));
  const typeMeta = envelope.find((field) => field.number === 1)?.value;
  const raw = envelope.find((field) => field.number === 2)?.value;
  const apiVersion = typeMeta instanceof Buffer ? stringField(typeMeta, 1) : "";
  const kind = typeMeta instanceof Buffer ? stringField(typeMeta, 2) : "";
  const goType = kind === "DeleteOptions" ? deleteOptionsType : goTypeOfKind(apiVersion, kind);
  if (!goType)
    throw badRequest(
      `no kind "${kind}" is registered for version "${apiVersion}" in scheme "k8s.io/apimachinery@v1.32.4/pkg/runtime/scheme.go:100"`,
    );
  return { apiVersion, kind, ...(raw instanceof Buffer ? decodeCatalogMessage(raw, goType) : {}) };
}

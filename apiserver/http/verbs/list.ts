/** list: a page of a collection, as objects (JSON, YAML, protobuf), a Table or PartialObjectMetadata. */
import { servedList } from "../../registry/conversion.js";
import { list as listObjects } from "../../registry/list_watch.js";
import type { KubeObject } from "../../storage/types.js";
import { listIntegerOptions } from "../query_parameters.js";
import { protobufMediaType } from "../negotiation.js";
import { writeJson, writeList, writeProtobuf } from "../respond.js";
import { toTable } from "../table.js";
import { listObject } from "./list_object.js";
import type { VerbRequest } from "./verb_request.js";

export async function list(verb: VerbRequest): Promise<void> {
  const { context, response, query, type, format, namespace, now } = verb;
  const result = listObjects(context.service.store, type, {
    namespace,
    labelSelector: query.get("labelSelector"),
    fieldSelector: query.get("fieldSelector"),
    limit: listIntegerOptions(query).limit,
    continueToken: query.get("continue"),
    resourceVersion: query.get("resourceVersion"),
    resourceVersionMatch: query.get("resourceVersionMatch"),
  });
  if (type.webhookConversion) result.items = await servedList(result.items, type);
  if (format.kind === "table") {
    return writeJson(
      response,
      200,
      toTable(type, result.items, result, { includeObject: format.includeObject, noHeaders: false }, now),
    );
  }
  const body = listObject(type, result);
  if (format.kind === "metadata") {
    body.kind = "PartialObjectMetadataList";
    body.apiVersion = "meta.k8s.io/v1";
    body.items = result.items.map((item) => ({
      apiVersion: "meta.k8s.io/v1",
      kind: "PartialObjectMetadata",
      metadata: item.metadata,
    }));
    return format.mediaType === protobufMediaType ? writeProtobuf(response, 200, body) : writeJson(response, 200, body);
  }
  if (format.mediaType === protobufMediaType) return writeProtobuf(response, 200, body);
  if (format.mediaType === "application/json")
    return writeList(response, body as Record<string, unknown> & { items: KubeObject[] }, type.strategicMerge);
  return writeJson(response, 200, body, format.mediaType);
}

/** deletecollection: every object a selector matches, deleted one by one; the deleted ones answered as a list. */
import { StatusError } from "../../errors/status.js";
import { deleteObject } from "../../registry/deletion.js";
import { list } from "../../registry/list_watch.js";
import { decodeDeleteOptions } from "../../serializer/builtin_decoding.js";
import type { KubeObject } from "../../storage/types.js";
import { mediaTypeOf, readBody } from "../negotiation.js";
import { listIntegerOptions } from "../query_parameters.js";
import { admissionDeleteOptions, deleteOptions } from "../request_options.js";
import { addWarnings, writeNegotiated } from "../respond.js";
import { listObject } from "./list_object.js";
import type { VerbRequest } from "./verb_request.js";

export async function deleteCollection(verb: VerbRequest): Promise<void> {
  const { context, request, response, query, type, namespace } = verb;
  const { service } = context;
  const raw = await readBody(request);
  const body = raw.length ? (decodeDeleteOptions(raw, mediaTypeOf(request.headers["content-type"])) ?? {}) : undefined;
  listIntegerOptions(query);
  const options = deleteOptions(body, query);
  // Each object is admitted as kube-apiserver does it here: without its name.
  options.admission = { user: verb.user, options: admissionDeleteOptions(body, query), name: "" };
  const warning = type.strategy.defaultPropagationWarning;
  if (warning && options.propagationPolicy === undefined) addWarnings(response, [warning]);
  const matching = list(service.store, type, {
    namespace,
    labelSelector: query.get("labelSelector"),
    fieldSelector: query.get("fieldSelector"),
    limit: 0,
    continueToken: null,
    resourceVersion: null,
    resourceVersionMatch: null,
  });
  const deleted: KubeObject[] = [];
  for (const item of matching.items) {
    try {
      const result = await deleteObject(service, type, item.metadata.namespace, item.metadata.name ?? "", options);
      deleted.push(result.object ?? item);
      addWarnings(verb.response, result.warnings ?? []);
    } catch (error) {
      // An object deleted meanwhile (by the garbage collector, say) is simply not in the answer.
      if (!(error instanceof StatusError && error.code === 404)) throw error;
    }
  }
  return writeNegotiated(
    response,
    200,
    verb.format,
    listObject(type, {
      ...matching,
      // A built-in kind's list is typed: its items carry no apiVersion and kind (as writeList sends them).
      items: type.strategicMerge ? deleted.map(({ apiVersion: _v, kind: _k, ...item }) => item as KubeObject) : deleted,
      resourceVersion: String(service.store.currentRevision()),
    }),
  );
}

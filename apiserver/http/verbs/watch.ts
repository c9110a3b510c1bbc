/** watch: a stream of events, from the request's resourceVersion or with initial events. */
import { listIntegerOptions } from "../query_parameters.js";
import { streamWatch } from "../watch_stream.js";
import type { VerbRequest } from "./verb_request.js";

export async function watch(verb: VerbRequest): Promise<void> {
  const { context, request, response, query, type, format, namespace } = verb;
  listIntegerOptions(query);
  return streamWatch(request, response, {
    store: context.service.store,
    type,
    namespace,
    query,
    format,
    options: context.watch,
    register: context.registerWatch,
  });
}

/** get: one object, or its Scale for the scale subresource. */
import { served } from "../../registry/conversion.js";
import { readScale } from "../../registry/scale.js";
import { writeJson, writeObject } from "../respond.js";
import type { VerbRequest } from "./verb_request.js";

export async function get(verb: VerbRequest): Promise<void> {
  const { context, response, type, subresource, format, namespace, name, now } = verb;
  const { service } = context;
  if (subresource === "scale")
    return writeJson(response, 200, readScale(type, await served(service.getStored(type, namespace, name), type)));
  return writeObject(response, 200, type, format, await service.get(type, namespace, name), now);
}

/**
 * The integer query parameters of ListOptions and DeleteOptions, decoded as kube-apiserver's
 * parameter codec does: the first value of each, parsed by strconv.ParseInt, and a 400 carrying
 * strconv's error for anything else (`limit=1.5`, `timeoutSeconds=20.0`, `limit=`).
 */
import { parseGoInt64 } from "../../apimachinery/index.js";
import { badRequest } from "../errors/status.js";

/** A query parameter of Go type int64 or *int64: undefined when absent. */
export function int64Parameter(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const parsed = parseGoInt64(value);
  if ("error" in parsed) throw badRequest(parsed.error);
  return Number(parsed.value);
}

/** ListOptions' integers, in the order the generated conversion reads them. */
export function listIntegerOptions(query: URLSearchParams): { timeoutSeconds?: number; limit: number } {
  const timeoutSeconds = int64Parameter(query, "timeoutSeconds");
  const limit = int64Parameter(query, "limit") ?? 0;
  return timeoutSeconds === undefined ? { limit } : { timeoutSeconds, limit };
}

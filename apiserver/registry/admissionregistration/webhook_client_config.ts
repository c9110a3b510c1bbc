/**
 * A webhook's clientConfig as k8s.io/apiserver/pkg/util/webhook validates it: an https URL
 * with a host and nothing else, or a service with a name, a namespace, a port and a clean path.
 */
import { dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";

interface ServiceReference {
  namespace?: string;
  name?: string;
  path?: string | null;
  port?: number | null;
}

export interface ClientConfig {
  url?: string | null;
  service?: ServiceReference | null;
  caBundle?: string;
}

/** The parts of a URL that Go's url.Parse finds and ValidateWebhookURL checks. */
function urlParts(url: string): { scheme: string; host: string; user?: string; query: string; fragment: string } {
  let rest = url;
  let fragment = "";
  const hash = rest.indexOf("#");
  if (hash >= 0) [rest, fragment] = [rest.slice(0, hash), rest.slice(hash + 1)];
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  const scheme = schemeMatch?.[1]?.toLowerCase() ?? "";
  if (schemeMatch) rest = rest.slice(schemeMatch[0].length);
  let query = "";
  const question = rest.indexOf("?");
  if (question >= 0) [rest, query] = [rest.slice(0, question), rest.slice(question + 1)];
  if (!rest.startsWith("//")) return { scheme, host: "", query, fragment };
  const authority = rest.slice(2).split("/")[0] ?? "";
  const at = authority.lastIndexOf("@");
  const host = at >= 0 ? authority.slice(at + 1) : authority;
  return at >= 0 ? { scheme, host, user: authority.slice(0, at), query, fragment } : { scheme, host, query, fragment };
}

const desiredFormat = "; desired format: https://host[/path]";

function urlErrors(url: string, path: string): FieldError[] {
  if (url.startsWith(":"))
    return [
      fieldErrors.required(path, `url must be a valid URL: parse "${url}": missing protocol scheme${desiredFormat}`),
    ];
  const parts = urlParts(url);
  const errors: FieldError[] = [];
  if (parts.scheme !== "https")
    errors.push(fieldErrors.invalid(path, parts.scheme, `'https' is the only allowed URL scheme${desiredFormat}`));
  if (!parts.host) errors.push(fieldErrors.invalid(path, parts.host, `host must be specified${desiredFormat}`));
  if (parts.user !== undefined)
    errors.push(fieldErrors.invalid(path, parts.user, "user information is not permitted in the URL"));
  if (parts.fragment) errors.push(fieldErrors.invalid(path, parts.fragment, "fragments are not permitted in the URL"));
  if (parts.query) errors.push(fieldErrors.invalid(path, parts.query, "query parameters are not permitted in the URL"));
  return errors;
}

function servicePathErrors(urlPath: string, path: string): FieldError[] {
  if (urlPath === "/" || urlPath === "") return [];
  if (urlPath === "//") return [fieldErrors.invalid(path, urlPath, "segment[0] may not be empty")];
  const errors: FieldError[] = [];
  if (!urlPath.startsWith("/")) errors.push(fieldErrors.invalid(path, urlPath, "must start with a '/'"));
  let toCheck = urlPath.slice(1);
  if (toCheck.endsWith("/")) toCheck = toCheck.slice(0, -1);
  toCheck.split("/").forEach((step, index) => {
    if (!step) {
      errors.push(fieldErrors.invalid(path, urlPath, `segment[${index}] may not be empty`));
      return;
    }
    for (const failure of dns1123SubdomainErrors(step))
      errors.push(fieldErrors.invalid(path, urlPath, `segment[${index}]: ${failure}`));
  });
  return errors;
}

function serviceErrors(service: ServiceReference, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!service.name) errors.push(fieldErrors.required(`${path}.name`));
  if (!service.namespace) errors.push(fieldErrors.required(`${path}.namespace`));
  const port = service.port ?? 0;
  if (port < 1 || port > 65535)
    errors.push(fieldErrors.invalid(`${path}.port`, port, "port is not valid: must be between 1 and 65535, inclusive"));
  if (typeof service.path === "string") errors.push(...servicePathErrors(service.path, `${path}.path`));
  return errors;
}

export function clientConfigErrors(config: ClientConfig | null | undefined, path: string): FieldError[] {
  const url = config?.url;
  const service = config?.service;
  const hasURL = url !== undefined && url !== null;
  const hasService = service !== undefined && service !== null;
  if (hasURL === hasService) return [fieldErrors.required(path, "exactly one of url or service is required")];
  if (hasURL) return urlErrors(url, `${path}.url`);
  return hasService ? serviceErrors(service, `${path}.service`) : [];
}

/** SetDefaults_ServiceReference. */
export function defaultClientConfig(config: ClientConfig | null | undefined): void {
  if (config?.service && typeof config.service === "object") config.service.port ??= 443;
}

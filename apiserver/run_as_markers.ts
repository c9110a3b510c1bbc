/**
 * What a forbidden request of the manager under test asks the developer to add: the
 * +kubebuilder:rbac marker that grants it (controller-gen's syntax, `groups=core` for the core
 * group), for a namespaced request also the Role form with `namespace=`.
 */
import type { AuthorizationAttributes } from "./auth/rbac/attributes.js";

/** One request the runAs identity was refused, as the authorizer saw it. */
export type ForbiddenRequest = Omit<AuthorizationAttributes, "apiVersion">;

/** The marker that grants `request`. */
export function markerFor(request: ForbiddenRequest): string {
  if (!request.resourceRequest) return `+kubebuilder:rbac:urls=${request.path},verbs=${request.verb}`;
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  return `+kubebuilder:rbac:groups=${request.apiGroup || "core"},resources=${resource},verbs=${request.verb}`;
}

function describeRequest(request: ForbiddenRequest): string {
  if (!request.resourceRequest) return `${request.verb} ${request.path}`;
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  const group = request.apiGroup ? `.${request.apiGroup}` : "";
  const where = request.namespace ? ` in namespace ${request.namespace}` : "";
  return `${request.verb} ${resource}${group}${request.name ? ` "${request.name}"` : ""}${where}`;
}

/** The requests a test's manager was refused, and the markers that would have allowed them. */
export class MissingRbacError extends Error {
  readonly requests: readonly ForbiddenRequest[];
  readonly markers: readonly string[];

  constructor(username: string, requests: readonly ForbiddenRequest[]) {
    const markers = [...new Set(requests.map(markerFor))];
    const namespaced = [
      ...new Set(
        requests
          .filter((request) => request.namespace)
          .map((request) => `${markerFor(request)},namespace=${request.namespace}`),
      ),
    ];
    const lines = [
      `${username} was refused ${requests.length} request(s) by RBAC:`,
      ...[...new Set(requests.map(describeRequest))].map((line) => `  - ${line}`),
      "Add to the controller that makes them, then run `make manifests`:",
      ...markers.map((marker) => `  // ${marker}`),
      ...(namespaced.length
        ? ["or, for a Role in one namespace only:", ...namespaced.map((marker) => `  // ${marker}`)]
        : []),
    ];
    super(lines.join("\n"));
    this.name = "MissingRbacError";
    this.requests = requests;
    this.markers = markers;
  }
}

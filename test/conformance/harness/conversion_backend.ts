/**
 * A CRD conversion webhook in the test process, one for every server a run compares: an HTTPS
 * server on 127.0.0.1 with a throw-away CA, answering ConversionReviews at `/<route>` and keeping
 * what each route received. A route's behaviour is set by the case (`ok` converts; the others
 * answer as a broken webhook does), so the reference and the candidate (which run the same case at
 * the same time under different routes) meet the same webhook.
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { generateServingCertificates } from "../../../apiserver/auth/certificates.js";

/** How a route answers: converts, or fails in one of the ways the API server must catch. */
export type BackendMode = "ok" | "failure" | "rename" | "extra-object" | "wrong-uid";

/** An object as a ConversionReview carries it. */
export interface ReviewedObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string } & Record<string, unknown>;
  spec?: Record<string, unknown>;
  [field: string]: unknown;
}

/** A ConversionReview as the webhook received it. */
export interface ReceivedReview {
  apiVersion?: string;
  kind?: string;
  request?: { uid?: string; desiredAPIVersion?: string; objects?: ReviewedObject[] };
  [field: string]: unknown;
}

/** Converts one object to `desiredApiVersion` (the case's rule between its versions). */
export type ObjectConversion = (object: ReviewedObject, desiredApiVersion: string) => ReviewedObject;

export interface ConversionRoute {
  /** The URL to put in the CRD's clientConfig. */
  readonly url: string;
  /** The reviews received so far, in order. */
  readonly reviews: ReceivedReview[];
  mode: BackendMode;
}

export interface ConversionBackend {
  /** PEM CA to put (base64) in the CRD's caBundle. */
  readonly caPem: string;
  route(name: string, convert: ObjectConversion): ConversionRoute;
}

interface RouteState extends ConversionRoute {
  convert: ObjectConversion;
}

let started: Promise<ConversionBackend> | undefined;

/** The backend of this process (started on first use; it stops with the process, unref'd). */
export function conversionBackend(): Promise<ConversionBackend> {
  started ??= startBackend();
  return started;
}

async function startBackend(): Promise<ConversionBackend> {
  const certificates = await generateServingCertificates();
  const routes = new Map<string, RouteState>();
  const server: Server = createServer(
    { cert: certificates.certificatePem, key: certificates.privateKeyPem },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const route = routes.get(new URL(request.url ?? "/", "https://127.0.0.1").pathname);
        if (!route) {
          response.writeHead(404).end();
          return;
        }
        const review = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ReceivedReview;
        route.reviews.push(review);
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(JSON.stringify(answer(route, review)));
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  const port = (server.address() as AddressInfo).port;
  return {
    caPem: certificates.caCertificatePem,
    route(name, convert) {
      const path = `/convert/${name}`;
      const state: RouteState = { url: `https://127.0.0.1:${port}${path}`, reviews: [], mode: "ok", convert };
      routes.set(path, state);
      return state;
    },
  };
}

function answer(route: RouteState, review: ReceivedReview): Record<string, unknown> {
  const request = review.request ?? {};
  const respond = (response: Record<string, unknown>) => ({
    apiVersion: review.apiVersion,
    kind: "ConversionReview",
    response: { uid: request.uid, ...response },
  });
  if (route.mode === "failure")
    return respond({ result: { status: "Failure", message: "spec.colour cannot be converted" } });
  const converted = (request.objects ?? []).map((object) =>
    route.convert(structuredClone(object), request.desiredAPIVersion ?? ""),
  );
  if (route.mode === "rename") for (const object of converted) object.metadata.name = `${object.metadata.name}-renamed`;
  if (route.mode === "extra-object") converted.push(...converted);
  if (route.mode === "wrong-uid")
    return respond({ uid: "not-the-request", result: { status: "Success" }, convertedObjects: converted });
  return respond({ result: { status: "Success" }, convertedObjects: converted });
}

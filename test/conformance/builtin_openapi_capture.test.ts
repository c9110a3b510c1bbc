/**
 * The checked-in OpenAPI documents of the built-in API (apiserver/discovery/builtin_openapi_data.ts)
 * are what hack/openapi/capture.ts captures from the reference kube-apiserver today: a release bump
 * or a generator change without `npm run openapi:capture` fails here.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  BUILTIN_OPENAPI_MODULE,
  captureReferenceOpenApi,
  renderBuiltinOpenApiModule,
} from "../../hack/openapi/capture.js";
import { referenceUnavailableReason } from "./harness/targets.js";

const unavailable = referenceUnavailableReason();

test(
  "the built-in OpenAPI documents are the reference's (npm run openapi:capture)",
  { skip: unavailable },
  async () => {
    const rendered = await renderBuiltinOpenApiModule(await captureReferenceOpenApi());
    assert.ok(
      rendered === readFileSync(BUILTIN_OPENAPI_MODULE, "utf8"),
      `${BUILTIN_OPENAPI_MODULE} is stale: run npm run openapi:capture`,
    );
  },
);

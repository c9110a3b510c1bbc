import { test } from "node:test";
import assert from "node:assert/strict";
import { discardLogger } from "../../log/logger.js";
import { FakeResponse, fakeRequest } from "../../internal/testing/fake_http.js";
import { admissionHttpHandler, MAX_ADMISSION_REQUEST_BYTES, type AdmissionHandler } from "./webhook.js";

const json = { "content-type": "application/json" };
const patching: AdmissionHandler = async ({ request }) => ({
  allowed: true,
  patches: [{ op: "add", path: "/metadata/labels", value: { by: request.userInfo.username } }],
  warnings: ["w1"],
});

async function call(handler: AdmissionHandler, body: string | Buffer, headers: Record<string, string> = json) {
  const response = new FakeResponse();
  await admissionHttpHandler(handler, discardLogger)(fakeRequest(body, headers), response.asServerResponse());
  return response;
}

function review(apiVersion = "admission.k8s.io/v1") {
  return JSON.stringify({
    apiVersion,
    kind: "AdmissionReview",
    request: { uid: "abc", operation: "CREATE", userInfo: { username: "alice" }, object: {} },
  });
}

test("the review comes back in the request's apiVersion with the uid, code 200 and the base64 JSON patch", async () => {
  for (const apiVersion of ["admission.k8s.io/v1", "admission.k8s.io/v1beta1"]) {
    const response = await call(patching, review(apiVersion));
    assert.equal(response.statusCode, 200);
    const body = response.json() as { apiVersion: string; response: Record<string, unknown> };
    assert.equal(body.apiVersion, apiVersion);
    assert.deepEqual(body.response, {
      uid: "abc",
      allowed: true,
      status: { code: 200 },
      patch: Buffer.from('[{"op":"add","path":"/metadata/labels","value":{"by":"alice"}}]').toString("base64"),
      patchType: "JSONPatch",
      warnings: ["w1"],
    });
  }
});

test("bad requests get HTTP 200 and an errored review with the code and reason, as controller-runtime", async () => {
  const cases: [string | Buffer, Record<string, string>, number, RegExp][] = [
    ["", json, 400, /^request body is empty$/],
    [review(), { "content-type": "text/plain" }, 400, /^contentType=text\/plain, expected application\/json$/],
    ["{not json", json, 400, /couldn't decode the AdmissionReview/],
    ['{"apiVersion":"v1","kind":"ConfigMap"}', json, 400, /no kind "ConfigMap" is registered for version "v1"/],
    ['{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}', json, 400, /has no request/],
    [Buffer.alloc(MAX_ADMISSION_REQUEST_BYTES, 32), json, 413, /request entity is too large; limit is 7340032 bytes/],
  ];
  for (const [body, headers, code, message] of cases) {
    const response = await call(patching, body, headers);
    assert.equal(response.statusCode, 200);
    const { response: answer } = response.json() as {
      response: { uid: string; allowed: boolean; status: { code: number; message: string } };
    };
    assert.equal(answer.allowed, false);
    assert.equal(answer.uid, "");
    assert.equal(answer.status.code, code, String(body).slice(0, 40));
    assert.match(answer.status.message, message);
  }
});

test("a handler that throws is answered 500 with the request's uid, never an HTTP error", async () => {
  const response = await call(async () => {
    throw new Error("boom");
  }, review());
  const body = response.json() as {
    response: { uid: string; allowed: boolean; status: { code: number; message: string } };
  };
  assert.equal(response.statusCode, 200);
  assert.deepEqual(body.response, {
    uid: "abc",
    allowed: false,
    status: { code: 500, message: "internal error: boom" },
  });
});

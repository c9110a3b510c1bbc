import { afterEach, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  installSwitchCrd,
  loadFixture,
  rawRequest,
  startTestServer,
  type TestServer,
} from "../helpers/embedded_apiserver.js";

// CRDs are cluster-scoped: each test has a server of its own, so none sees another's CRD.
describe("embedded API server: CRD lifecycle", () => {
  let env: TestServer;
  beforeEach(async () => {
    env = await startTestServer();
  });
  afterEach(() => env.stop());

  const crdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/switches.test.uselessctl.io";
  const switches = "/apis/test.uselessctl.io/v1alpha1/namespaces/default/switches";

  it("serves the kind once created, in discovery and at its endpoints", async () => {
    assert.equal((await rawRequest(env.server, "GET", switches)).status, 404);
    await installSwitchCrd(env.kubeConfig);
    const discovery = (await rawRequest(env.server, "GET", "/apis/test.uselessctl.io/v1alpha1")).json() as {
      resources: { name: string }[];
    };
    // CRD discovery lists each resource, then its status and scale, as kube-apiserver does.
    assert.deepEqual(
      discovery.resources.map((resource) => resource.name),
      ["switches", "switches/status", "switches/scale"],
    );
    const created = await rawRequest(env.server, "POST", switches, {
      contentType: "application/json",
      body: JSON.stringify({ apiVersion: "test.uselessctl.io/v1alpha1", kind: "Switch", metadata: { name: "a" } }),
    });
    assert.equal(created.status, 201);
  });

  it("rejects an invalid CRD with 422 and serves nothing for it", async () => {
    const crd = loadFixture<{ metadata: { name: string }; spec: { names: { plural: string } } }>("switch_crd.yaml");
    crd.metadata.name = "wrong.test.uselessctl.io";
    const response = await rawRequest(env.server, "POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", {
      contentType: "application/json",
      body: JSON.stringify(crd),
    });
    assert.equal(response.status, 422);
    assert.match(
      String(response.json().message),
      /metadata\.name: Invalid value: "wrong\.test\.uselessctl\.io": must be spec\.names\.plural\+"\."\+spec\.group/,
    );
  });

  it("removes the instances and then the endpoints when the CRD is deleted", async () => {
    await installSwitchCrd(env.kubeConfig);
    const created = await rawRequest(env.server, "POST", switches, {
      contentType: "application/json",
      body: JSON.stringify({ apiVersion: "test.uselessctl.io/v1alpha1", kind: "Switch", metadata: { name: "a" } }),
    });
    assert.equal(created.status, 201);
    assert.equal((await rawRequest(env.server, "DELETE", crdPath)).status, 200);
    for (let attempt = 0; attempt < 200 && (await rawRequest(env.server, "GET", crdPath)).status !== 404; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal((await rawRequest(env.server, "GET", crdPath)).status, 404);
    assert.equal((await rawRequest(env.server, "GET", switches)).status, 404);
    assert.equal((await rawRequest(env.server, "GET", "/apis/test.uselessctl.io/v1alpha1")).status, 404);
  });
});

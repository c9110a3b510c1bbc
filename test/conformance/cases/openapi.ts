/**
 * OpenAPI as kubectl and Go clients read it: the built-in documents are the reference's byte for
 * byte, served with kube-openapi's negotiation, and `kubectl explain` / client-side validation of
 * built-in kinds read them.
 */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { configMap, configMapsPath } from "./helpers.js";

export const openApiCases: ConformanceCase[] = [
  {
    area: "discovery",
    name: "OpenAPI v3: a built-in group version's document at its hashed URL, stale hashes and unknown documents",
    async run(t) {
      const index = await t.send({ path: "/openapi/v3" });
      const paths = (JSON.parse(String(index.body)) as { paths: Record<string, { serverRelativeURL: string }> }).paths;
      const url = paths["api/v1"]?.serverRelativeURL ?? "";
      const document = await t.send({ path: url });
      assert.equal(document.status, 200);
      // The hash is the SHA-512 of the document's bytes: equal hashes on both servers, equal documents.
      t.record("api/v1 document", {
        hash: new URL(url, "https://x").searchParams.get("hash"),
        paths: Object.keys((document.body as { paths: object }).paths).length,
      });
      await t.http({ path: "/openapi/v3/api/v1?hash=0123" });
      await t.http({ path: "/openapi/v3/apis/nothing.example.com/v1" });
      await t.http({ path: "/openapi/v3/api/v1", accept: "text/plain" });
    },
  },
  {
    area: "discovery",
    name: "OpenAPI v2 in JSON and in the protobuf kubectl asks for",
    async run(t) {
      const json = await t.send({ path: "/openapi/v2" });
      const swagger = json.body as { swagger: string; info: unknown; definitions: Record<string, unknown> };
      t.record("JSON", {
        status: json.status,
        contentType: json.contentType,
        swagger: swagger.swagger,
        info: swagger.info,
        configMap: swagger.definitions["io.k8s.api.core.v1.ConfigMap"],
      });
      for (const accept of [
        "application/com.github.proto-openapi.spec.v2@v1.0+protobuf",
        "application/com.github.proto-openapi.spec.v2.v1.0+protobuf, application/json",
      ]) {
        const protobuf = await t.send({ path: "/openapi/v2", accept });
        t.record(`Accept: ${accept}`, {
          status: protobuf.status,
          contentType: protobuf.contentType,
          // Document.swagger (field 1) is "2.0"
          start: String(protobuf.body).slice(0, 5),
        });
      }
      await t.http({ path: "/openapi/v2", accept: "text/plain" });
    },
  },
  {
    area: "kubectl",
    name: "kubectl explain of built-in kinds reads the reference's OpenAPI",
    async run(t) {
      for (const field of ["configmap.data", "namespace.spec.finalizers", "lease.spec", "serviceaccount"])
        assert.equal((await t.kubectl(["explain", field])).code, 0);
      await t.kubectl(["explain", "configmap", "--recursive"]);
    },
  },
  {
    area: "kubectl",
    name: "kubectl apply --validate=strict of built-in kinds, and of one with an unknown field",
    async run(t) {
      const manifest = configMap("applied");
      const applied = await t.kubectl(["apply", "--validate=strict", "-n", t.namespace, "-f", "-"], {
        stdin: JSON.stringify(manifest),
      });
      assert.equal(applied.code, 0, applied.stderr);
      await t.send({ path: configMapsPath(t.namespace, "applied") });
      const unknown = { ...configMap("unknown"), spec: { replicas: 1 } };
      const refused = await t.kubectl(["apply", "--validate=strict", "-n", t.namespace, "-f", "-"], {
        stdin: JSON.stringify(unknown),
      });
      assert.notEqual(refused.code, 0);
    },
  },
  {
    area: "kubectl",
    name: "kubectl explain and apply --validate=strict of Pods and Deployments",
    async run(t) {
      for (const field of ["deployment.spec.strategy", "pod.spec.restartPolicy", "pod.spec.containers.ports"])
        assert.equal((await t.kubectl(["explain", field])).code, 0);
      const pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "web" },
        spec: { containers: [{ name: "web", image: "nginx:1.27" }] },
      };
      const deployment = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web" },
        spec: {
          selector: { matchLabels: { app: "web" } },
          template: { metadata: { labels: { app: "web" } }, spec: pod.spec },
        },
      };
      for (const manifest of [pod, deployment]) {
        const applied = await t.kubectl(["apply", "--validate=strict", "-n", t.namespace, "-f", "-"], {
          stdin: JSON.stringify(manifest),
        });
        assert.equal(applied.code, 0, applied.stderr);
      }
      // A second apply sends the strategic merge patch kubectl computes with the OpenAPI document.
      const changed = { ...deployment, spec: { ...deployment.spec, replicas: 3 } };
      const reapplied = await t.kubectl(["apply", "--validate=strict", "-n", t.namespace, "-f", "-"], {
        stdin: JSON.stringify(changed),
      });
      assert.equal(reapplied.code, 0, reapplied.stderr);
      const unknown = { ...pod, metadata: { name: "odd" }, spec: { ...pod.spec, colour: "blue" } };
      const refused = await t.kubectl(["apply", "--validate=strict", "-n", t.namespace, "-f", "-"], {
        stdin: JSON.stringify(unknown),
      });
      assert.notEqual(refused.code, 0);
    },
  },
];

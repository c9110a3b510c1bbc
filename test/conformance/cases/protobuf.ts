/** Protobuf bodies as Go clients (client-go, controller-runtime) send them for built-in kinds. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ProtobufWriter } from "../../../apiserver/serializer/protobuf_writer.js";
import type { ConformanceCase } from "../harness/case.js";
import { configMap, configMapsPath, expectStatus } from "./helpers.js";

const protobuf = "application/vnd.kubernetes.protobuf";

/** `k8s\0` + runtime.Unknown{typeMeta, raw, contentEncoding: "", contentType: ""}, as client-go writes it. */
function envelope(apiVersion: string, kind: string, raw: Buffer): Buffer {
  const typeMeta = new ProtobufWriter().string(1, apiVersion).string(2, kind).finish();
  const unknown = new ProtobufWriter().bytes(1, typeMeta).bytes(2, raw).string(3, "").string(4, "").finish();
  return Buffer.concat([Buffer.from("k8s\0", "latin1"), unknown]);
}

function deleteOptions(options: { gracePeriodSeconds?: number; propagationPolicy?: string; dryRun?: string[] }) {
  const writer = new ProtobufWriter();
  if (options.gracePeriodSeconds !== undefined) writer.varint(1, options.gracePeriodSeconds);
  if (options.propagationPolicy) writer.string(4, options.propagationPolicy);
  for (const value of options.dryRun ?? []) writer.string(5, value);
  return envelope("v1", "DeleteOptions", writer.finish());
}

/** Objects as client-go's protobuf serializer encodes them (hack/protobuf), by name. */
function goEncoded(name: string): Buffer {
  const samples = JSON.parse(
    readFileSync(new URL("../../../apiserver/serializer/testdata/protobuf_objects.json", import.meta.url), "utf8"),
  ) as { name: string; protobuf: string }[];
  const sample = samples.find((candidate) => candidate.name === name);
  assert.ok(sample, `no sample ${name}`);
  return Buffer.from(sample.protobuf, "base64");
}

export const protobufCases: ConformanceCase[] = [
  {
    area: "crud",
    name: "a protobuf Secret as Go clients send it",
    async run(t) {
      await t.http({
        method: "POST",
        path: `/api/v1/namespaces/${t.namespace}/secrets`,
        body: goEncoded("secret"),
        contentType: protobuf,
      });
    },
  },
  {
    area: "bad-input",
    name: "protobuf DeleteOptions in a DELETE body, as controller-runtime sends them",
    async run(t) {
      await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap("proto-delete") });
      const path = configMapsPath(t.namespace, "proto-delete");
      const dryRun = await t.http({
        method: "DELETE",
        path,
        body: deleteOptions({ dryRun: ["All"], propagationPolicy: "Foreground" }),
        contentType: protobuf,
      });
      assert.equal(dryRun.status, 200);
      expectStatus(await t.send({ path }), 200);
      await t.http({
        method: "DELETE",
        path,
        body: deleteOptions({ gracePeriodSeconds: 0, propagationPolicy: "Background" }),
        contentType: protobuf,
      });
      expectStatus(await t.send({ path }), 404);
      await t.http({ method: "DELETE", path, body: Buffer.from("k8s\0\x0a\x05", "latin1"), contentType: protobuf });
    },
  },
];

/**
 * Protobuf bodies as Go clients (client-go, controller-runtime) send them for built-in kinds, and
 * the protobuf answers they get.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { responseGoType } from "../../../apiserver/serializer/builtin_go_types.js";
import { decodeProtobufResponse, encodeProtobufObject } from "../../../apiserver/serializer/protobuf.js";
import { ProtobufWriter } from "../../../apiserver/serializer/protobuf_writer.js";
import type { CaseContext, ConformanceCase } from "../harness/case.js";
import type { HttpRequest, WatchedEvent } from "../harness/http.js";
import { encodeCatalogMessage } from "../../../apiserver/serializer/protobuf_encoding.js";
import { protobufFields } from "../../../apiserver/serializer/protobuf_reader.js";
import { configMap, configMapsPath, expectStatus, gizmosPath } from "./helpers.js";

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

/**
 * Sends `req` and records the answer's status and media type with its body decoded as a Go client
 * reads it (protobuf by the catalog's Go types, JSON as it is).
 */
async function recordDecoded(t: CaseContext, label: string, req: HttpRequest): Promise<Record<string, unknown>> {
  const answer = await t.send(req);
  const body = answer.contentType === protobuf ? decodeProtobufResponse(answer.raw) : answer.body;
  // What a server wrote, decoded and encoded again, is its bytes: on kube-apiserver, that checks
  // the encoder against apimachinery's own answers.
  if (answer.contentType === protobuf) assertReencodes(body as Record<string, unknown>, answer.raw, label);
  t.record(label, { status: answer.status, contentType: answer.contentType, body });
  return body as Record<string, unknown>;
}

/** Re-encodes a decoded protobuf answer and checks that it gives the server's bytes. */
function assertReencodes(decoded: Record<string, unknown>, raw: Buffer, label: string): void {
  const goType = responseGoType(String(decoded.apiVersion), String(decoded.kind));
  assert.ok(goType, `no Go type for ${label}`);
  assert.equal(encodeProtobufObject(decoded, goType).toString("base64"), raw.toString("base64"), label);
}

/**
 * A protobuf watch stream's events: 4-byte big-endian lengths, each around a metav1.WatchEvent
 * { type = 1, object = 2 { raw = 1 } } whose raw is the enveloped object.
 */
function protobufFrames(buffered: Buffer): { events: WatchedEvent[]; rest: Buffer } {
  const events: WatchedEvent[] = [];
  let offset = 0;
  while (buffered.length - offset >= 4) {
    const length = buffered.readUInt32BE(offset);
    if (buffered.length - offset - 4 < length) break;
    const frame = buffered.subarray(offset + 4, offset + 4 + length);
    offset += 4 + length;
    const fields = protobufFields(frame);
    const type = String(fields.find((field) => field.number === 1)?.value);
    const extension = fields.find((field) => field.number === 2)?.value;
    assert.ok(extension instanceof Buffer, "a watch event without an object");
    const raw = protobufFields(extension).find((field) => field.number === 1)?.value;
    assert.ok(raw instanceof Buffer, "a watch event object without raw bytes");
    const object = decodeProtobufResponse(raw);
    assertReencodes(object, raw, `${type} event`);
    assert.equal(
      encodeCatalogMessage({ type, object: raw }, "meta/v1.WatchEvent").toString("base64"),
      frame.toString("base64"),
    );
    events.push({ type, object });
  }
  return { events, rest: buffered.subarray(offset) };
}

export const protobufCases: ConformanceCase[] = [
  {
    area: "watch",
    name: "a protobuf watch, framed as kube-apiserver streams it to Go clients",
    async run(t) {
      const path = configMapsPath(t.namespace);
      const listed = await t.send({ path });
      const { resourceVersion } = (listed.body as { metadata: { resourceVersion: string } }).metadata;
      const watched = await t.watch(`${path}?watch=true&resourceVersion=${resourceVersion}`, {
        maxEvents: 3,
        timeoutMs: 10_000,
        accept: `${protobuf},application/json`,
        readEvents: protobufFrames,
        async onOpen() {
          await t.send({ method: "POST", path, body: configMap("proto-watched") });
          await t.send({
            method: "PATCH",
            path: configMapsPath(t.namespace, "proto-watched"),
            body: { data: { key: "changed" } },
            contentType: "application/merge-patch+json",
          });
          await t.send({ method: "DELETE", path: configMapsPath(t.namespace, "proto-watched") });
        },
      });
      assert.deepEqual(
        watched.events.map((event) => event.type),
        ["ADDED", "MODIFIED", "DELETED"],
      );
    },
  },
  {
    area: "crud",
    name: "protobuf answers to a Go client's Accept: create, get, list, delete, a Status error, Table and 406",
    async run(t) {
      const goAccept = `${protobuf},application/json`;
      const path = configMapsPath(t.namespace);
      await recordDecoded(t, "POST configmap, protobuf preferred", {
        method: "POST",
        path,
        body: configMap("proto-answer", { key: "value" }),
        accept: goAccept,
      });
      await t.send({ method: "POST", path, body: configMap("proto-other") });
      await recordDecoded(t, "GET configmap, protobuf only", {
        path: configMapsPath(t.namespace, "proto-answer"),
        accept: protobuf,
      });
      const list = await recordDecoded(t, "LIST configmaps, protobuf preferred", { path, accept: goAccept });
      assert.equal((list.items as unknown[]).length, 2);
      await recordDecoded(t, "GET a missing configmap, protobuf: a Status", {
        path: configMapsPath(t.namespace, "proto-missing"),
        accept: goAccept,
      });
      await recordDecoded(t, "LIST as PartialObjectMetadataList in protobuf", {
        path,
        accept: `${protobuf};as=PartialObjectMetadataList;g=meta.k8s.io;v=v1`,
      });
      await recordDecoded(t, "LIST as a Table in protobuf, or JSON", {
        path,
        accept: `${protobuf};as=Table;g=meta.k8s.io;v=v1,application/json`,
      });
      await recordDecoded(t, "DELETE a configmap, protobuf preferred: a Status", {
        method: "DELETE",
        path: configMapsPath(t.namespace, "proto-other"),
        accept: goAccept,
      });
      await recordDecoded(t, "DELETE the collection, protobuf preferred: the list", {
        method: "DELETE",
        path,
        accept: goAccept,
      });
      // Custom resources have no protobuf serializer for objects.
      await recordDecoded(t, "LIST gizmos, protobuf preferred", { path: gizmosPath(t.namespace), accept: goAccept });
      await recordDecoded(t, "LIST gizmos, protobuf only", { path: gizmosPath(t.namespace), accept: protobuf });
    },
  },
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

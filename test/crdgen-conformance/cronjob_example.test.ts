/**
 * examples/cronjob's `make manifests` output against controller-gen's for the kubebuilder book's
 * Go types (the builtin-types/cronjob fixture, the same API written in Go): the committed CRD must
 * be byte for byte what controller-gen writes, but for the generator version it is stamped with.
 * Skipped, with a one-line notice, where controller-gen is not built or Go is missing.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  controllerGenUnavailableReason,
  pinnedControllerGenVersion,
  runControllerGen,
} from "./harness/controller_gen.js";
import { fixturesRoot, repositoryRoot } from "./harness/fixtures.js";

const CRD_FILE = "batch.tutorial.kubebuilder.io_cronjobs.yaml";
const VERSION_ANNOTATION = /^( {4}controller-gen\.kubebuilder\.io\/version: ).*$/m;

test(
  "examples/cronjob's CRD is controller-gen's for the book's Go CronJob types",
  { skip: controllerGenUnavailableReason() },
  async () => {
    const out = mkdtempSync(join(tmpdir(), "cronjob-controller-gen-"));
    try {
      // the book's Makefile: `controller-gen crd paths=./... output:crd:artifacts:config=config/crd/bases`
      await runControllerGen(["crd", "paths=./builtin-types/cronjob/...", `output:crd:dir=${out}`], fixturesRoot);
      const reference = readFileSync(join(out, CRD_FILE), "utf8");
      const example = readFileSync(join(repositoryRoot, "examples/cronjob/config/crd/bases", CRD_FILE), "utf8");
      assert.match(reference, VERSION_ANNOTATION);
      assert.ok(
        reference.replace(VERSION_ANNOTATION, `$1${pinnedControllerGenVersion()}`) ===
          example.replace(VERSION_ANNOTATION, `$1${pinnedControllerGenVersion()}`),
        "examples/cronjob/config/crd/bases differs from controller-gen's CRD for test/crdgen-conformance/testdata/builtin-types/cronjob: " +
          "compare them with diff, fix api/v1/cronjob_types.ts (or crdgen), then `make manifests` in examples/cronjob",
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
);

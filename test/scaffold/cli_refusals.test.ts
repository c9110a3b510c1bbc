/**
 * Every input `uselessctl init`, `create api` and `create webhook` refuse: each test checks the message,
 * the exit code, and that no file changed (issue #5).
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { run } from "../../cli/main.js";
import { snapshotDir, temporaryDir } from "./dir_snapshot.js";

let scratch: ReturnType<typeof temporaryDir>;
let project: string;

/** Runs the CLI in-process, capturing what it prints; resolves to the exit code and output. */
async function uselessctl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const output = { out: (text: string) => void (stdout += text), err: (text: string) => void (stderr += text) };
  const code = await run(["node", "uselessctl", ...args], output);
  return { code, stdout, stderr };
}

/** Runs the command and checks it failed with `message`, leaving `dir` exactly as it was. */
async function assertRefused(dir: string, args: string[], message: string | RegExp): Promise<void> {
  const before = snapshotDir(dir);
  const result = await uselessctl(...args);
  assert.equal(result.code, 1, `exit code of ${args.join(" ")}`);
  if (typeof message === "string") assert.equal(result.stderr, `uselessctl: ${message}\n`);
  else assert.match(result.stderr, message);
  assert.deepEqual(snapshotDir(dir), before, "no file changed");
}

const createApi = (dir: string, overrides: Record<string, string> = {}): string[] => {
  const flags = { group: "useless", version: "v1alpha1", kind: "Switch", ...overrides };
  return ["create", "api", "--dir", dir, ...Object.entries(flags).flatMap(([flag, value]) => [`--${flag}`, value])];
};

before(async () => {
  scratch = temporaryDir("cli");
  project = join(scratch.dir, "useless");
  const init = await uselessctl("init", "--domain", "container.training", "--dir", project);
  assert.equal(init.code, 0, init.stderr);
  const machine = await uselessctl(...createApi(project, { kind: "Machine" }));
  assert.equal(machine.code, 0, machine.stderr);
  assert.match(machine.stdout, /^created {3}api\/v1alpha1\/groupversion_info\.ts$/m);
});

after(() => scratch.remove());

test("a kind that is not PascalCase is refused", async () => {
  await assertRefused(
    project,
    createApi(project, { kind: "switch" }),
    '--kind "switch" must be PascalCase: an upper-case letter, then letters and digits (e.g. "Machine")',
  );
});

test("a group that is not a DNS-1123 subdomain is refused", async () => {
  await assertRefused(
    project,
    createApi(project, { group: "Useless_Group" }),
    /^uselessctl: --group "Useless_Group" must be a DNS-1123 subdomain/,
  );
});

test("a version that is not v<N>[alpha<N>|beta<N>] is refused", async () => {
  await assertRefused(
    project,
    createApi(project, { version: "1.0" }),
    '--version "1.0" must be "v" and a number, optionally followed by "alpha" or "beta" and a number (v1, v1alpha1, v2beta3)',
  );
});

test("a kind that already exists is refused without --force", async () => {
  await assertRefused(
    project,
    createApi(project, { kind: "Machine" }),
    "kind Machine already exists in useless.container.training/v1alpha1 (PROJECT); pass --force to scaffold it again over its files",
  );
});

test("create api outside a project (no PROJECT) is refused", async () => {
  const empty = join(scratch.dir, "empty");
  mkdirSync(empty);
  await assertRefused(
    empty,
    createApi(empty),
    `${join(empty, "PROJECT")}: no PROJECT file; run \`uselessctl init --domain <domain>\` first, or pass --dir <project root>`,
  );
});

test("a malformed PROJECT is refused, naming the field", async () => {
  const broken = join(scratch.dir, "broken");
  mkdirSync(broken);
  writeFileSync(join(broken, "PROJECT"), "domain: container.training\nlayout: uselessctl.io/v1-alpha\nresources: []\n");
  await assertRefused(broken, createApi(broken), `${join(broken, "PROJECT")}: projectName must be a non-empty string`);
  writeFileSync(join(broken, "PROJECT"), "domain: [unclosed\n");
  await assertRefused(broken, createApi(broken), /^uselessctl: .*PROJECT: not valid YAML: /);
});

test("init into a non-empty folder is refused without --force", async () => {
  await assertRefused(
    project,
    ["init", "--domain", "container.training", "--dir", project],
    new RegExp(`^uselessctl: ${project} is not empty \\(.*\\); init scaffolds into an empty folder`),
  );
});

test("init with a bad domain is refused", async () => {
  const fresh = join(scratch.dir, "fresh");
  mkdirSync(fresh);
  await assertRefused(
    fresh,
    ["init", "--domain", "Not A Domain", "--dir", fresh],
    /^uselessctl: --domain "Not A Domain" must be a DNS-1123 subdomain/,
  );
});

test("a missing required flag is refused by the parser", async () => {
  await assertRefused(
    project,
    ["create", "api", "--dir", project, "--group", "useless", "--version", "v1"],
    /error: required option '--kind <Kind>' not specified/,
  );
});

const createWebhook = (dir: string, ...flags: string[]): string[] => [
  "create",
  "webhook",
  "--dir",
  dir,
  "--group",
  "useless",
  "--version",
  "v1alpha1",
  ...flags,
];

test("create webhook refuses a kind PROJECT does not have, no webhook flag, and a webhook that exists", async () => {
  await assertRefused(
    project,
    createWebhook(project, "--kind", "Lever", "--programmatic-validation"),
    "no API found for useless.container.training/v1alpha1, Kind Lever in PROJECT: run `uselessctl create api` first",
  );
  await assertRefused(
    project,
    createWebhook(project, "--kind", "Machine"),
    "create webhook requires at least one of --defaulting, --programmatic-validation and --conversion",
  );
  const created = await uselessctl(...createWebhook(project, "--kind", "Machine", "--programmatic-validation"));
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /^created {3}webhooks\/v1alpha1\/machine_webhook\.ts$/m);
  await assertRefused(
    project,
    createWebhook(project, "--kind", "Machine", "--programmatic-validation"),
    "validation webhook already exists for this resource (PROJECT); pass --force to scaffold its webhook file again",
  );
});

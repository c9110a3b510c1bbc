// The board in a real browser (issue 19): `npm start` serves it; the page shows the machines from
// the watch API, adds machines, flips a switch up with a click (and with the keyboard), sees the
// operator flip it back down, changes a switch count, deletes a machine, and logs no errors; the
// resources view shows the same objects by their printer columns.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { collectPageErrors, launchChromium, missingBrowser } from "../helpers/browser.js";
import { startUselessMachine, type StartedMachine } from "../helpers/npm_start.js";
import { missingPrerequisite } from "./operator_harness.js";

const OUTPUT_DIR = fileURLToPath(new URL("../../test-output", import.meta.url));
const LONG = 60_000;

const panel = (page: Page, name: string) => page.locator(`article.machine[data-machine="default/${name}"]`);
const switchLevers = (page: Page, name: string) => panel(page, name).locator(".levers:not(.own) button.lever");

/** The machine's first switch (by name) once its lever is `pressed` (up: "true"). */
const firstLever = (page: Page, name: string, pressed: "true" | "false") =>
  panel(page, name).locator(`.levers:not(.own) li:first-child .lever[aria-pressed="${pressed}"]`);

async function addMachine(page: Page, name: string, switches: number): Promise<void> {
  const form = page.locator("#add-machine");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Switches").fill(String(switches));
  await form.getByRole("button", { name: "Add machine" }).click();
  await switchLevers(page, name)
    .nth(switches - 1)
    .waitFor({ timeout: LONG });
}

describe("the board in Chromium", { skip: missingPrerequisite() ?? missingBrowser() }, () => {
  let machine: StartedMachine;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  before(async () => {
    machine = await startUselessMachine({ USELESS_FLIP_DELAY: "1500ms", USELESS_FLIP_INTERVAL: "0" });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = collectPageErrors(page);
  });
  after(async () => {
    await browser?.close();
    await machine?.stop();
  });

  test("lets in the printed address only, and leaves a clean address and an HttpOnly, SameSite cookie", async () => {
    const origin = new URL(machine.boardUrl).origin;
    const refused = await fetch(`${origin}/apis`);
    assert.equal(refused.status, 401);
    await page.goto(machine.boardUrl);
    assert.equal(page.url(), `${origin}/board/`);
    const [cookie, ...others] = await page.context().cookies();
    assert.equal(others.length, 0);
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, "Strict");
    assert.ok(!page.url().includes(cookie.value), "the secret is not in the address bar");
  });

  test(
    "shows three machines, flips a switch up on a click and sees the operator flip it down",
    { timeout: 240_000 },
    async () => {
      await switchLevers(page, "machine-sample").nth(2).waitFor({ timeout: LONG });
      await addMachine(page, "machine-two", 2);
      await addMachine(page, "machine-three", 3);
      assert.equal(await page.locator("article.machine").count(), 3);

      await switchLevers(page, "machine-sample").first().click();
      await firstLever(page, "machine-sample", "true").waitFor({ timeout: LONG });
      mkdirSync(OUTPUT_DIR, { recursive: true });
      await page.screenshot({ path: join(OUTPUT_DIR, "board-switch-up.png"), fullPage: true });
      await firstLever(page, "machine-sample", "false").waitFor({ timeout: LONG });
      const timeline = await page.locator("#timeline").innerText();
      assert.match(timeline, /flipped up/);
      assert.match(timeline, /flipped down/);
      await page.screenshot({ path: join(OUTPUT_DIR, "board.png"), fullPage: true });
    },
  );

  test("flips with the keyboard, changes a switch count and deletes a machine", { timeout: 240_000 }, async () => {
    const lever = switchLevers(page, "machine-two").first();
    await lever.focus();
    await page.keyboard.press("Enter");
    await firstLever(page, "machine-two", "true").waitFor({ timeout: LONG });
    await firstLever(page, "machine-two", "false").waitFor({ timeout: LONG });

    await panel(page, "machine-three").getByRole("button", { name: "Add a switch" }).click();
    await switchLevers(page, "machine-three").nth(3).waitFor({ timeout: LONG });
    await panel(page, "machine-two").getByRole("button", { name: "Delete machine" }).click();
    await panel(page, "machine-two").waitFor({ state: "detached", timeout: LONG });
    assert.equal(await page.locator("article.machine").count(), 2);
    assert.match(await page.locator("#timeline").innerText(), /Machine machine-two deleted/);
  });

  test(
    "shows any CRD's objects in the resources view: printer columns live, YAML on click",
    { timeout: 120_000 },
    async () => {
      await page.getByRole("link", { name: "Resources" }).click();
      await page.getByRole("link", { name: "Machine", exact: true }).click();
      // The table is drawn once the server's first Table answer arrives.
      await page.locator("#objects thead th").first().waitFor({ timeout: LONG });
      const headers = await page.locator("#objects thead th").allInnerTexts();
      assert.deepEqual(headers, ["Namespace", "Name", "Switches", "Positions", "Age"]);
      const row = page.locator("#objects tbody tr", { hasText: "machine-three" });
      await row.locator("td").nth(2).getByText("4").waitFor({ timeout: LONG });
      await row.getByRole("button").click();
      await page.locator("#detail-yaml", { hasText: "name: machine-three" }).waitFor();
      assert.match(
        await page.locator("#detail-yaml").innerText(),
        /^apiVersion: useless\.container\.training\/v1alpha1\nkind: Machine\n/,
      );
      await page.screenshot({ path: join(OUTPUT_DIR, "resources.png"), fullPage: true });
    },
  );

  test("logs no console errors", () => {
    assert.deepEqual(errors, []);
  });
});

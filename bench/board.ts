/**
 * `npm run bench:board`: how fast the board (issue 19) shows the machines and follows them, in
 * the system's Chromium against `npm start` (API server, operator, board server):
 * - first paint: the page's first contentful paint, and the time until the machines are listed
 *   and drawn, over `--loads` fresh page loads;
 * - watch event to DOM: from a watch event's arrival in the page to the DOM updated (and to the
 *   next frame), over `--flips` flips (each one event up and one or more down);
 * - click to lever up: a click's patch through the API server until its own watch event is drawn.
 * Prints median, p95 and max; never fails on a time. Needs Chromium (CHROMIUM_PATH or /usr/bin).
 */
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import { launchChromium, missingBrowser } from "../test/helpers/browser.js";
import { startUselessMachine } from "../test/helpers/npm_start.js";
import { percentile } from "./stats.js";

const { values } = parseArgs({
  options: { flips: { type: "string", default: "30" }, loads: { type: "string", default: "5" } },
});
const flips = Number(values.flips);
const loads = Number(values.loads);

const FIRST_LEVER = '[data-machine="default/machine-sample"] .levers:not(.own) li:first-child .lever';

/** Reads (and clears) the page's performance measures of one name, in ms. */
async function takeMeasures(page: Page, name: string): Promise<number[]> {
  return page.evaluate(
    `(() => { const found = performance.getEntriesByName(${JSON.stringify(name)}).map((e) => e.duration); performance.clearMeasures(${JSON.stringify(name)}); return found; })()`,
  );
}

function row(label: string, samples: readonly number[]): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
  return `  ${label.padEnd(34)} ${ms(percentile(samples, 50))} ${ms(percentile(samples, 95))} ${ms(Math.max(...samples))}   (n=${samples.length})`;
}

async function main(): Promise<void> {
  const missing = missingBrowser();
  if (missing) {
    process.stdout.write(`bench:board skipped: ${missing}\n`);
    return;
  }
  const machine = await startUselessMachine({ USELESS_FLIP_DELAY: "300ms", USELESS_FLIP_INTERVAL: "0" });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const login = await context.newPage();
    await login.goto(machine.boardUrl);
    await login.locator(FIRST_LEVER).waitFor();
    await login.close();
    const boardUrl = new URL("/board/", machine.boardUrl).href;

    const firstPaint: number[] = [];
    const machinesShown: number[] = [];
    for (let load = 0; load < loads; load++) {
      const page = await context.newPage();
      await page.goto(boardUrl);
      await page.locator(FIRST_LEVER).waitFor();
      const [paint, listed] = (await page.evaluate(
        `[performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN, performance.getEntriesByName("board-listed")[0]?.startTime ?? NaN]`,
      )) as [number, number];
      firstPaint.push(paint);
      machinesShown.push(listed);
      await page.close();
    }

    const page = await context.newPage();
    await page.goto(boardUrl);
    const lever = page.locator(FIRST_LEVER);
    await lever.waitFor();
    await takeMeasures(page, "watch-event-to-dom");
    const clickToUp: number[] = [];
    for (let flip = 0; flip < flips; flip++) {
      await page.locator(`${FIRST_LEVER}[aria-pressed="false"]`).waitFor();
      const clickedAt = Date.now();
      await lever.click();
      await page.locator(`${FIRST_LEVER}[aria-pressed="true"]`).waitFor();
      clickToUp.push(Date.now() - clickedAt);
    }
    await page.locator(`${FIRST_LEVER}[aria-pressed="false"]`).waitFor();
    // The frame measures land one frame after their event.
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
    const toDom = await takeMeasures(page, "watch-event-to-dom");
    const toFrame = await takeMeasures(page, "watch-event-to-frame");

    process.stdout.write(
      [
        `bench:board: Chromium headless, npm start (flip delay 300ms), ${loads} loads, ${flips} flips`,
        `  ${"".padEnd(34)} ${"median".padStart(10)} ${"p95".padStart(10)} ${"max".padStart(10)}`,
        row("first contentful paint", firstPaint),
        row("machines listed and drawn", machinesShown),
        row("watch event to DOM", toDom),
        row("watch event to next frame", toFrame),
        row("click to lever up (patch + watch)", clickToUp),
        "",
      ].join("\n"),
    );
  } finally {
    await browser.close();
    await machine.stop();
  }
}

await main();

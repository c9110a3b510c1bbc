/**
 * A real browser for the UI's tests and bench: the system's Chromium (Debian's `chromium`
 * package, or CHROMIUM_PATH), driven headless by playwright-core, which downloads no browser.
 */
import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium executable, or undefined when none is installed. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env["CHROMIUM_PATH"];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Why a browser test cannot run here, as a one-line skip notice; undefined when it can. */
export function missingBrowser(): string | undefined {
  return chromiumPath() ? undefined : "needs Chromium (apt-get install chromium, or CHROMIUM_PATH)";
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(missingBrowser());
  const { chromium } = await import("playwright-core");
  // No sandbox: CI and containers run as root, where Chromium refuses its sandbox.
  return chromium.launch({ executablePath, headless: true, args: ["--no-sandbox"] });
}

/** Everything the page reports as an error: console errors, uncaught exceptions, failed loads. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    // A watch the page aborts on leaving is not an error.
    if (request.failure()?.errorText !== "net::ERR_ABORTED") errors.push(`request failed: ${request.url()}`);
  });
  return errors;
}

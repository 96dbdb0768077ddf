// Headless Chromium for the tests that look at a page as a person would (the tearsheet, the
// sweep report): which chromium, whether a missing one skips (on a developer's machine) or fails
// (under CI), and a page opened from disk with everything it logged and fetched.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";

/** CHROMIUM_PATH when set, else Debian's chromium (apt-get install chromium). */
export const CHROMIUM = (
  process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
).find((path) => existsSync(path));

export const ON_CI = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";

/** Whether `test` (a file name) skips: no chromium and not CI; says so once. */
export function skipsWithoutChromium(test: string): boolean {
  const skips = CHROMIUM === undefined && !ON_CI;
  if (skips)
    console.warn(
      `${test} skipped: no chromium at ${process.env.CHROMIUM_PATH || "/usr/bin/chromium"} (apt-get install chromium, or set CHROMIUM_PATH); under CI it fails instead`,
    );
  return skips;
}

/** The chromium to launch; under CI without one, the error that says how CI gets it. */
export function chromiumPath(): string {
  if (CHROMIUM === undefined)
    throw new Error(
      `CI is set but there is no chromium at ${process.env.CHROMIUM_PATH || "/usr/bin/chromium"}: .ci/run installs it with apt-get install chromium`,
    );
  return CHROMIUM;
}

/** `path` opened from disk, with every console error, page error and request it made. */
export async function openPage(
  browser: Browser,
  path: string,
): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(path).href, { waitUntil: "load" });
  return { page, errors, requests };
}

/** `path` loads with no console or page error and fetches nothing but itself (a self-contained page). */
export async function expectLoadsAlone(browser: Browser, path: string): Promise<void> {
  const { page, errors, requests } = await openPage(browser, path);
  expect(errors).toEqual([]);
  expect(requests).toEqual([pathToFileURL(path).href]);
  await page.close();
}

/**
 * Launch the system Chromium for the site tests, or say why the tests are
 * skipped. Flags keep a headless Chromium quiet on a closed network: no
 * background networking, component updates, sync or QUIC. Playwright gives
 * every launch a fresh temporary profile.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Why the browser tests cannot run here, or undefined when they can. */
export function skipReason(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `skipped: ${CHROMIUM} is missing (install the chromium package to run the site tests)`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

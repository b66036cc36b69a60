// Headless Chromium for the browser tests: Debian's binary, and a record of what a page requested and complained about.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Debian's chromium package (CI installs it; no browser is ever downloaded). */
export const CHROMIUM = '/usr/bin/chromium';
export const inCi = Boolean(process.env.CI);
export const hasChromium = existsSync(CHROMIUM);

export interface Observed {
  requests: string[];
  errors: string[];
}

/** Records every request and every console error or warning, page error and failed request of a page. */
export function observe(page: Page): Observed {
  const seen: Observed = { requests: [], errors: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('requestfailed', (request) => seen.errors.push(`request failed: ${request.url()}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.errors.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.errors.push(`page error: ${error.message}`));
  return seen;
}

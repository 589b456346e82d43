// Headless Chromium (the system's, driven by playwright-core): a page on one loopback origin
// imports the minified bundle and calls the mock API on another, so CORS is exercised for real.
import { chromium } from 'playwright-core';
import { serveStatic } from '../static-server.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const LAUNCH_TIMEOUT_MS = 30_000;
const SMOKE_TIMEOUT_MS = 90_000;
const CLOSE_TIMEOUT_MS = 10_000;
// No GPU, no QUIC, and none of the background traffic a fresh profile starts (loopback only).
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const PAGE = '<!doctype html><meta charset="utf-8"><title>runtime smoke</title><script type="module" src="/smoke.js"></script>';

/** Launches Chromium; throws (the runtime is then "not run") when it cannot start here. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, timeout: LAUNCH_TIMEOUT_MS });
}

/** Closes the browser, giving up after a while rather than hanging the matrix. */
export function closeBrowser(browser) {
  return Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref())]);
}

/**
 * Loads the smoke page in `browser` against `baseUrl`. Returns the checks, plus the page's
 * console errors as notes (a CORS refusal is only explained there).
 */
export async function runBrowserSmoke({ browser, code, baseUrl }) {
  const site = await serveStatic({ '/': { type: 'text/html', body: PAGE }, '/smoke.js': { type: 'text/javascript', body: code } });
  const notes = new Set();
  try {
    const page = await browser.newPage();
    page.on('console', (message) => message.type() === 'error' && notes.add(message.text()));
    page.on('pageerror', (error) => notes.add(`page error: ${error.message}`));
    await page.goto(`${site.origin}/?api=${encodeURIComponent(baseUrl)}`, { timeout: LAUNCH_TIMEOUT_MS });
    await page.waitForFunction(() => globalThis.__smokeResult !== undefined, null, { timeout: SMOKE_TIMEOUT_MS });
    const outcome = await page.evaluate(() => globalThis.__smokeResult);
    const checks = outcome.results ?? [{ name: 'smoke script', ok: false, detail: outcome.error }];
    return { checks, notes: [...notes] };
  } catch (error) {
    return { checks: [{ name: 'smoke page', ok: false, detail: error.message.split('\n')[0] }], notes: [...notes] };
  } finally {
    await site.close();
  }
}

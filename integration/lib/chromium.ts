import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { CheckResults } from './bundle-checks.js';
import { serveFolder } from './static-server.js';

/** Debian's Chromium; `JOINTOK_CHROMIUM` points elsewhere. Never downloaded (no `playwright install`). */
export const chromiumPath = process.env['JOINTOK_CHROMIUM'] ?? '/usr/bin/chromium';

/** Fails with what to install when there is no Chromium: a missing browser must not pass as a skipped test. */
export function requireChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: the browser-bundle tests need it. Install Debian's package ` +
        '(`apt-get install chromium`; .ci/run does this) or set JOINTOK_CHROMIUM to a Chromium binary.',
    );
  }
}

/**
 * Serves `folder`, opens its index.html in headless Chromium (fresh profile) and returns what the
 * page's checks published in `globalThis.__jointokResults`, with the page's errors: uncaught errors,
 * console errors, and failed requests as `404: /path` (checks may request missing files on purpose,
 * named `no-such-*`).
 */
export async function resultsInChromium(folder: string): Promise<{ results: CheckResults; pageErrors: string[] }> {
  requireChromium();
  const server = await serveFolder(folder);
  const profile = mkdtempSync(join(tmpdir(), 'jointok-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const pageErrors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    // Missing files are listed by URL (the response event); the console's copy of them names none.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) pageErrors.push(`${response.status()}: ${new URL(response.url()).pathname}`);
    });
    await page.goto(`${server.url}index.html`);
    const handle = await page.waitForFunction(() => (globalThis as { __jointokResults?: string }).__jointokResults, undefined, { timeout: 150_000 });
    return { results: JSON.parse((await handle.jsonValue()) as string) as CheckResults, pageErrors };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

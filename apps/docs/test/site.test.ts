// The built site in a real browser: every page opens without console errors or requests to other hosts,
// every internal link and anchor resolves, and every live example runs and gives the ids that the Node
// packages give for the same input. Screenshots go to test-output/screenshots (gitignored).
//
// Needs the built site (`npx turbo run build --filter=@jointok/docs`, part of the root `npm test`) and
// Debian's /usr/bin/chromium.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { checkLinks, type BrokenLink } from './links.js';
import { audioCodes, imageResult, jointResult, textIds } from './node-reference.js';
import { serveStatic } from './static-server.js';

const docsDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(docsDir, '..', '..');
const dist = join(docsDir, 'dist');
const screenshots = join(docsDir, 'test-output', 'screenshots');
const config = JSON.parse(readFileSync(join(docsDir, 'live-examples.json'), 'utf8'));

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlPages(path);
    return name.endsWith('.html') && name !== '404.html' ? [relative(dist, path)] : [];
  });
}

let server: Server;
let baseUrl: string;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;
/** Console errors, page errors and requests to other hosts, per page path. */
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no built site: run \`npx turbo run build --filter=@jointok/docs\` first`);
  mkdirSync(screenshots, { recursive: true });
  ({ server, baseUrl } = await serveStatic(dist));
  ({ context, close: closeBrowser } = await launchChromium());
  // Nothing may come from another host: such requests are refused and reported.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === baseUrl || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    problems.push(`request to another host: ${url.href}`);
    return route.abort();
  });
});

afterAll(async () => {
  await closeBrowser?.();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens a page, recording its console errors and uncaught exceptions under its path. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error on ${path}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught on ${path}: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).origin === baseUrl) errors.push(`failed request on ${path}: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} on ${path}: ${response.url()}`);
  });
  await page.goto(`${baseUrl}/${path}`, { waitUntil: 'load' });
  // Hydration done: VitePress marks the app root once mounted.
  await page.waitForFunction(() => document.querySelector('#app')?.hasChildNodes() ?? false);
  return { page, errors };
}

const readIds = async (page: Page, testid: string, attribute = 'data-ids') => JSON.parse((await page.getByTestId(testid).getAttribute(attribute)) ?? 'null');

describe('the built site', () => {
  it('opens every page without console errors, and every internal link and anchor resolves', async () => {
    const pages = htmlPages(dist);
    expect(pages.length).toBeGreaterThan(25);
    for (const required of ['index.html', 'api/index.html', 'api/core/index.html', 'models/index.html', 'examples/image.html', 'cli.html', 'migrating/tiktoken.html']) expect(pages).toContain(required);
    const broken: BrokenLink[] = [];
    const errors: string[] = [];
    let links = 0;
    for (const path of pages) {
      const { page, errors: pageErrors } = await open(path);
      const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      links += hrefs.length;
      broken.push(...checkLinks(dist, baseUrl, path, hrefs));
      await page.screenshot({ path: join(screenshots, `${path.replace(/\//g, '__').replace(/\.html$/, '')}.png`) });
      errors.push(...pageErrors);
      await page.close();
    }
    expect(links).toBeGreaterThan(pages.length * 10);
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('serves onnxruntime-web and the example model from the site itself', () => {
    for (const file of config.onnxruntimeFiles) expect(existsSync(join(dist, 'ort', file))).toBe(true);
    expect(existsSync(join(dist, 'models', config.imageModel.name, 'jointok.json'))).toBe(true);
    // Nothing in the built pages or scripts points the browser at a CDN.
    const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
    const offenders = assets.filter((f) => /https:\/\/(cdn\.jsdelivr|unpkg|fonts\.googleapis|fonts\.gstatic|cdnjs)/.test(readFileSync(join(dist, 'assets', f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('live examples give the ids of the Node packages', () => {
  it('text → tokens (o200k_base and cl100k_base), with counts and cancellable long work', async () => {
    const { page, errors } = await open('examples/text.html');
    const input = 'Tokens for the docs test: naïve café, 東京, 🎉🎉 and  spaces\n\tand code: const x = 1;';
    await page.getByTestId('text-input').fill(input);
    for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
      await page.getByTestId('text-encoding').selectOption(encoding);
      await page.getByTestId('text-run').click();
      await expect.poll(() => page.getByTestId('text-stats').textContent(), { timeout: 60_000 }).toContain(encoding);
      const ids = await readIds(page, 'text-ids');
      expect(ids).toEqual(await textIds(encoding, input));
      expect(await page.getByTestId('text-stats').textContent()).toContain(`${ids.length} tokens`);
      // One coloured span per token, and the spans spell the text.
      expect(await page.locator('[data-testid="text-tokens"] span').count()).toBe(ids.length);
      expect(await page.getByTestId('text-tokens').textContent()).toBe(input);
    }
    await page.screenshot({ path: join(screenshots, 'example-text.png'), fullPage: true });
    // Long work: progress appears, and Cancel stops it.
    await page.getByTestId('text-many').click();
    await page.getByTestId('text-progress').waitFor({ timeout: 30_000 });
    await page.getByTestId('text-cancel').click();
    await expect.poll(() => page.getByTestId('text-error').textContent(), { timeout: 30_000 }).toBe('Cancelled.');
    expect(await page.getByTestId('text-throughput').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('image → the token grid and the reconstruction with PSNR', async () => {
    const { page, errors } = await open('examples/image.html');
    const sample = config.images[0].file as string;
    await page.getByTestId('image-sample').selectOption(sample.slice(sample.lastIndexOf('/') + 1));
    await page.getByTestId('image-run').click();
    await page.getByTestId('image-codes').waitFor({ timeout: 180_000 });
    const codes = await readIds(page, 'image-codes');
    const pagePsnr = Number(await page.getByTestId('image-psnr').getAttribute('data-psnr'));
    const expected = await imageResult(join(root, config.imageModel.folder), join(root, sample));
    expect(codes).toEqual(expected.codes);
    expect(await page.getByTestId('image-stats').textContent()).toContain(`${expected.codes.length} tokens (${expected.shape.join(' × ')} grid`);
    // onnxruntime-web's WASM kernels and onnxruntime-node's may round the decoder's floats differently.
    expect(Math.abs(pagePsnr - expected.psnr)).toBeLessThan(0.05);
    // The canvases hold the scaled input with its grid and the reconstruction.
    const sizes = await page.$$eval('canvas', (canvases) => canvases.map((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]));
    expect(sizes.length).toBe(2);
    for (const [w, h] of sizes) expect(w! * h!).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'example-image.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('audio → μ-law tokens and playback of the reconstruction', async () => {
    const { page, errors } = await open('examples/audio.html');
    const sample = config.audio[0].file as string;
    await page.getByTestId('audio-sample').selectOption(sample.slice(sample.lastIndexOf('/') + 1));
    await page.getByTestId('audio-rate').selectOption('16000');
    await page.getByTestId('audio-run').click();
    await page.getByTestId('audio-codes').waitFor({ timeout: 120_000 });
    const codes = await readIds(page, 'audio-codes');
    expect(codes).toEqual(await audioCodes(join(root, sample), 16000));
    // The player holds a WAV of the decoded codes that the browser can read: one sample per code.
    const duration = await page.getByTestId('audio-player').evaluate(
      (audio: HTMLAudioElement) => new Promise<number>((resolve, reject) => {
        if (audio.readyState >= 1) resolve(audio.duration);
        audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
        audio.addEventListener('error', () => reject(new Error('the audio element cannot play the reconstruction')));
      }),
    );
    expect(duration).toBeCloseTo(codes.length / 16000, 2);
    await page.screenshot({ path: join(screenshots, 'example-audio.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('joint sequence builder → ids, spans and allowedNext()', async () => {
    const { page, errors } = await open('examples/joint.html');
    await page.getByTestId('joint-run').click();
    await page.getByTestId('joint-ids').waitFor({ timeout: 180_000 });
    const ids = await readIds(page, 'joint-ids');
    const spans = (await readIds(page, 'joint-spans', 'data-spans')) as { start: number; end: number; modality: string }[];
    const firstBounds = await readIds(page, 'joint-allowed', 'data-bounds');
    // A second prefix: just inside the image block's codes (after the marker and the "2*2" prefix).
    const inside = spans[1]!.start + 4;
    await page.getByTestId('joint-position').fill(String(inside));
    await page.getByTestId('joint-position').dispatchEvent('input');
    await expect.poll(() => page.getByTestId('joint-allowed').getAttribute('data-bounds')).not.toBe(JSON.stringify(firstBounds));
    const insideBounds = await readIds(page, 'joint-allowed', 'data-bounds');

    const expected = await jointResult(512, [4, inside]);
    expect(ids).toEqual(expected.ids);
    expect(spans.map((s) => ({ start: s.start, end: s.end, modality: s.modality }))).toEqual(expected.spans);
    expect(firstBounds).toEqual(expected.allowed[0]);
    expect(insideBounds).toEqual(expected.allowed[1]);
    await page.screenshot({ path: join(screenshots, 'example-joint.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

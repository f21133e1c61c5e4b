import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = (name: string): string => fileURLToPath(new URL(`../${name}`, import.meta.url));

/** Bundles an entry for browsers the way tsup does; esbuild refuses Node built-ins on this platform. */
async function bundleForBrowser(name: string): Promise<{ ok: boolean; errors: string[]; inputs: string[] }> {
  try {
    const result = await build({
      entryPoints: [entry(name)],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['onnxruntime-web', 'onnxruntime-node', 'onnxruntime-common'],
    });
    return { ok: true, errors: [], inputs: Object.keys(result.metafile.inputs) };
  } catch (error) {
    return { ok: false, errors: ((error as { errors?: { text: string }[] }).errors ?? []).map((e) => e.text), inputs: [] };
  }
}

describe('browser build', () => {
  it('the browser and neutral entries bundle for platform=browser without Node built-ins', async () => {
    for (const name of ['index.browser.ts', 'index.ts']) {
      const result = await bundleForBrowser(name);
      expect(result.errors, name).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.inputs.some((input) => input.endsWith('runtime/browser.ts')), name).toBe(name === 'index.browser.ts');
      expect(result.inputs.filter((input) => input.startsWith('node:') || input.includes('runtime/node.ts'))).toEqual([]);
    }
  });

  it('the check detects Node built-ins (the Node entry fails it)', async () => {
    const result = await bundleForBrowser('index.node.ts');
    expect(result.ok).toBe(false);
    expect(result.errors.some((text) => /node:url|"url"/.test(text))).toBe(true);
  });
});

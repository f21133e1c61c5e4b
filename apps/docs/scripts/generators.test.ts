// The site's generators on small made-up repositories: an undocumented export fails the build, re-exports
// link to the package that declares them, READMEs become pages whose repository links resolve.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { undocumentedExports } from './api/check.mjs';
import { publicEntries, sourcePaths } from './api/entries.mjs';
import { generateApiReference, UndocumentedExportsError } from './api/generate.mjs';
import { readEntries } from './api/read-exports.mjs';
import { packageParityStatement } from './catalogue/fixtures.mjs';
import { unlinkRepositoryPaths } from './readme-page.mjs';
import { readFileSync } from 'node:fs';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A repository with packages `@t/base` (declares) and `@t/all` (re-exports base and adds one function). */
function repository(baseSource: string): string {
  const root = mkdtempSync(join(tmpdir(), 'jointok-docs-generators-'));
  roots.push(root);
  const pkg = (dir: string, name: string, source: string) => {
    mkdirSync(join(root, 'packages', dir, 'src'), { recursive: true });
    writeFileSync(join(root, 'packages', dir, 'package.json'), JSON.stringify({ name, description: `${name} for tests`, exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' } }));
    writeFileSync(join(root, 'packages', dir, 'src', 'index.ts'), source);
  };
  pkg('base', '@t/base', baseSource);
  pkg('all', '@t/all', "export * from '@t/base';\n/** Adds two numbers; see {@link Shape}. */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n");
  return root;
}

const documented = '/** A shape. */\nexport interface Shape {\n  /** Its width. */\n  readonly width: number;\n}\n/** Makes a shape. */\nexport function makeShape(width: number): Shape {\n  return { width };\n}\n';

describe('the API reference generator', () => {
  it('names every public export that has no TSDoc, and the build throws on them', () => {
    const root = repository(`${documented}export const bare = 1;\nexport function alsoBare(): void {}\n`);
    const read = readEntries(publicEntries(root), root, sourcePaths(root));
    const missing = undocumentedExports(read).map((m: { entry: string; name: string }) => `${m.entry}:${m.name}`);
    // Once where declared, once where re-exported.
    expect(missing.sort()).toEqual(['@t/all:alsoBare', '@t/all:bare', '@t/base:alsoBare', '@t/base:bare']);
    expect(() => generateApiReference(root, join(root, 'site'))).toThrow(UndocumentedExportsError);
  });

  it('documents an export once, where it is declared; a re-exporting package links to it', () => {
    const root = repository(documented);
    const site = join(root, 'site');
    const { exports } = generateApiReference(root, site);
    expect(exports).toBe(5);
    const base = readFileSync(join(site, 'api', 'base', 'index.md'), 'utf8');
    const all = readFileSync(join(site, 'api', 'all', 'index.md'), 'utf8');
    expect(base).toContain('### makeShape {#makeShape}');
    expect(base).toContain('### Shape {#type-Shape}');
    expect(all).toContain('### add {#add}');
    expect(all).not.toContain('### makeShape');
    expect(all).toContain('[`makeShape`](/api/base/index#makeShape)');
    // {@link} to a re-export points at its home page.
    expect(all).toContain('see [`Shape`](/api/base/index#type-Shape)');
    expect(all).toContain('3 exports: 1 declared here, 2 re-exported');
  });
});

describe('README pages', () => {
  it('turn repository links into paths, package folders into their API reference, and leave web links alone', () => {
    const text = 'Built on [`jointok`](../jointok); see [the job](../../examples/job.yaml), [`../../bench/run.sh`](../../bench/run.sh) and [npm](https://www.npmjs.com/).';
    expect(unlinkRepositoryPaths(text, 'packages/cli/README.md')).toBe(
      'Built on [`jointok`](/api/jointok/); see the job (`examples/job.yaml`), `bench/run.sh` and [npm](https://www.npmjs.com/).',
    );
  });

  it("find a family's parity statement in its package README: the Parity paragraph of the section that names it", () => {
    const readme = [
      '# pkg',
      '',
      '| export | what |',
      "| `thing` | equal to nothing (`family: 'x'`) |",
      '',
      '## X tokenizer',
      '',
      "The x tokenizer (`family: 'x'`) has no weights.",
      '',
      'Parity: bit-exact with the reference on every input.',
      '',
      '## Y',
      '',
      '- **Y** (`family: "y"`): gives PyTorch\'s codes on the fixture.',
      '- other',
    ].join('\n');
    expect(packageParityStatement(readme, 'x')).toBe('Parity: bit-exact with the reference on every input.');
    expect(packageParityStatement(readme, 'y')).toBe('**Y** (`family: "y"`): gives PyTorch\'s codes on the fixture.');
    expect(packageParityStatement(readme, 'z')).toBeNull();
  });
});

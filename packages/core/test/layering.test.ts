import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findImportCycles, findLayerViolations, readImportGraph, type LayerRule } from './import-graph.js';

const source = fileURLToPath(new URL('../src', import.meta.url));

/**
 * Folders that compose others: sessions on a runtime, model repositories, the loading seam, and the
 * platform wiring of the Node / browser entries.
 */
const composing = ['runtime', 'repository', 'loading', 'platform'];
/**
 * Contracts and runtime-free machinery. They are usable without any runtime or repository, and a
 * runtime may build on them (the accelerated search implements the quantizers' `AsyncNearestSearch`),
 * never the other way round.
 */
const rules: LayerRule[] = [{ folders: ['errors', 'tensor', 'modality', 'quantizers', 'bytes', 'random', 'weights', 'vocabulary', 'kmeans', 'spec-input'], mustNotImport: composing }];
/** Test support (fixtures) may reach anywhere; it is not part of the layers. */
const isFixture = (file: string): boolean => file.includes('/__fixtures__/');

describe('layering of src/', () => {
  const { graph, unresolved } = readImportGraph(source);

  it('sees every source file and resolves every relative import', () => {
    expect(graph.has('quantizers/math/nearest-code.ts') && graph.has('index.node.ts')).toBe(true);
    expect(graph.get('index.node.ts')).toContain('platform/node.ts');
    expect(unresolved).toEqual([]);
  });

  it('has no import cycles between files (type imports included)', () => {
    expect(findImportCycles(graph)).toEqual([]);
  });

  it('has no imports from the lower layers into runtime/, repository/, loading/ or platform/', () => {
    expect(findLayerViolations(graph, rules, isFixture)).toEqual([]);
  });
});

describe('the import-graph checks', () => {
  // Small graphs with known answers, so that the checks above cannot pass by finding nothing.
  it('finds direct, indirect and self cycles, once each, and nothing in a tree', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts', 'f.ts']],
      ['f.ts', []],
    ]);
    expect(findImportCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
    expect(findImportCycles(new Map([['x.ts', ['y.ts', 'z.ts']], ['y.ts', ['z.ts']], ['z.ts', []]]))).toEqual([]);
  });

  it('reports an import from a lower layer into a composing one, and only that', () => {
    const graph = new Map([
      ['quantizers/node.ts', ['runtime/node.ts', 'errors/x.ts']],
      ['quantizers/math/__fixtures__/helper.ts', ['loading/y.ts']],
      ['runtime/node.ts', ['quantizers/math/z.ts']],
    ]);
    expect(findLayerViolations(graph, rules, isFixture)).toEqual(['quantizers/node.ts -> runtime/node.ts']);
  });
});

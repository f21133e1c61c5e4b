import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Files of a source tree (paths relative to its root, `/`-separated) and the files each one imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** What {@link readImportGraph} found besides the graph: relative imports that name no file. */
export interface ImportGraphScan {
  readonly graph: ImportGraph;
  /** `file: specifier` for each relative import that resolves to no file (the scan would be blind to it). */
  readonly unresolved: readonly string[];
}

/** Test files and type tests are leaves nobody imports; they are left out of the graph. */
const isTestFile = (path: string): boolean => /\.test(-d)?\.ts$/.test(path);

/**
 * Reads every non-test `.ts` file under `root` and the relative imports of each: static and dynamic
 * imports, re-exports, side-effect imports and `import('…')` types, type-only ones included (they
 * tie files together as much as value imports do). TypeScript's own pre-processor finds them, so
 * imports in comments or strings do not count. `./x.js` resolves to `x.ts`; package imports are not
 * part of the graph.
 */
export function readImportGraph(root: string): ImportGraphScan {
  const graph = new Map<string, string[]>();
  const unresolved: string[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !isTestFile(entry.name)) {
        const file = toKey(root, path);
        const imports: string[] = [];
        for (const { fileName } of ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles) {
          if (!fileName.startsWith('.')) continue;
          const target = resolveSource(resolve(dirname(path), fileName));
          if (target === undefined) unresolved.push(`${file}: ${fileName}`);
          else if (target.endsWith('.ts')) imports.push(toKey(root, target));
        }
        graph.set(file, imports);
      }
    }
  };
  visit(root);
  return { graph, unresolved };
}

function toKey(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** The file a relative specifier names: the `.ts` source of a `.js` specifier, or the file itself (JSON, …). */
function resolveSource(path: string): string | undefined {
  const candidates = path.endsWith('.js') ? [`${path.slice(0, -3)}.ts`, path] : [path, `${path}.ts`, join(path, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/**
 * The import cycles of `graph`: each strongly connected group of files that import one another,
 * directly or through others (a file that imports itself counts too), as sorted file lists in the
 * order of their first file.
 * Tarjan's algorithm, iterative so that deep chains cannot overflow the stack.
 */
export function findImportCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    // Each frame: a file and the position of the next of its imports to follow.
    const frames: Array<{ file: string; next: number }> = [{ file: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const imports = (graph.get(frame.file) ?? []).filter((target) => graph.has(target));
      if (frame.next < imports.length) {
        const target = imports[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          frames.push({ file: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) !== index.get(frame.file)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.file);
      if (group.length > 1 || imports.includes(frame.file)) cycles.push(group.sort());
    }
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A layering rule: files under any of `folders` must not import files under any of `mustNotImport`. */
export interface LayerRule {
  readonly folders: readonly string[];
  readonly mustNotImport: readonly string[];
}

/** `importer -> imported` for each import that breaks a rule (folders are the first path segment). */
export function findLayerViolations(graph: ImportGraph, rules: readonly LayerRule[], ignore: (file: string) => boolean = () => false): string[] {
  const topFolder = (file: string): string => file.split('/')[0]!;
  const violations: string[] = [];
  for (const [file, imports] of graph) {
    if (ignore(file)) continue;
    for (const rule of rules) {
      if (!rule.folders.includes(topFolder(file))) continue;
      for (const target of imports) if (rule.mustNotImport.includes(topFolder(target))) violations.push(`${file} -> ${target}`);
    }
  }
  return violations;
}

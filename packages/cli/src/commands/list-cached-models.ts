import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** A model folder found in the cache. */
export interface CachedModel {
  /** The source that loads it again: `hf:owner/name@rev` or the URL of its folder. */
  readonly source: string;
  readonly name: string | undefined;
  readonly modality: string | undefined;
  readonly family: string | undefined;
  readonly files: number;
  readonly bytes: number;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

function sourceOf(encoded: string[]): string {
  const key = encoded.map((segment) => decodeURIComponent(segment));
  if (key[0] === 'hub' && key.length >= 5) return `hf:${key[2]}/${key[3]}@${key[4]}`;
  if (key[0] === 'url' && key.length >= 3) return `${key[1]}://${[key[2], ...key.slice(3)].join('/')}/`;
  return key.join('/');
}

/** The model folders under a jointok cache (`files/<key>/jointok.json` or `config.json`). */
export async function listCachedModels(cacheDir: string): Promise<CachedModel[]> {
  const root = join(cacheDir, 'files');
  const files = await walk(root);
  const models: CachedModel[] = [];
  for (const path of files.filter((f) => f.endsWith(`${sep}jointok.json`) || f.endsWith(`${sep}config.json`)).sort()) {
    const dir = dirname(path);
    if (path.endsWith('config.json') && files.includes(join(dir, 'jointok.json'))) continue;
    const manifest = JSON.parse(await readFile(path, 'utf8').catch(() => '{}')) as { name?: string; modality?: string; family?: string; model_type?: string };
    const inside = files.filter((f) => f.startsWith(dir + sep));
    const sizes = await Promise.all(inside.map((f) => stat(f).then((s) => s.size)));
    models.push({
      source: sourceOf(relative(root, dir).split(sep)),
      name: manifest.name,
      modality: manifest.modality,
      family: manifest.family ?? manifest.model_type,
      files: inside.length,
      bytes: sizes.reduce((a, b) => a + b, 0),
    });
  }
  return models;
}

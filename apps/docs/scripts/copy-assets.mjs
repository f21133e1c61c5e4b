// Copies what the live examples load into the site's public folder: onnxruntime-web's WASM runtime from
// node_modules, the image model folder and the sample inputs named in live-examples.json.
import { copyFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

/** Copies the assets; returns the site paths written. */
export function copyAssets(root, docsDir, config) {
  const publicDir = join(docsDir, 'site', 'public');
  for (const dir of ['ort', 'models', 'samples']) rmSync(join(publicDir, dir), { recursive: true, force: true });
  const written = [];

  // onnxruntime-web's WASM build, from the installed package (resolved as the site's bundle resolves it).
  const require = createRequire(join(docsDir, 'package.json'));
  const ortDist = dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
  mkdirSync(join(publicDir, 'ort'), { recursive: true });
  for (const file of config.onnxruntimeFiles) {
    copyFileSync(join(ortDist, file), join(publicDir, 'ort', file));
    written.push(`/ort/${file}`);
  }

  cpSync(join(root, config.imageModel.folder), join(publicDir, 'models', config.imageModel.name), { recursive: true });
  written.push(`/models/${config.imageModel.name}/`);

  mkdirSync(join(publicDir, 'samples'), { recursive: true });
  for (const { file } of [...config.images, ...config.audio]) {
    copyFileSync(join(root, file), join(publicDir, 'samples', basename(file)));
    written.push(`/samples/${basename(file)}`);
  }
  return written;
}

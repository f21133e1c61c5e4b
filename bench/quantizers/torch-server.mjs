// A long-lived `torch_side.py serve` process: one timed call per request, so torch runs interleave
// with the Node sides instead of all running before or after them.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Writes `benchInputs(...)` where torch_side.py reads them: raw float32 files and shapes.json. */
export function writeTorchInputs(inputs, directory) {
  const shapes = {};
  for (const [name, { shape, data }] of Object.entries(inputs)) {
    writeFileSync(join(directory, `${name}.f32`), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    shapes[name] = shape;
  }
  writeFileSync(join(directory, 'shapes.json'), JSON.stringify(shapes));
}

/**
 * Starts torch_side.py serve on `threads` threads (OMP / OpenBLAS / MKL pinned through the
 * environment as well, since torch.set_num_threads does not reach Debian's OpenBLAS). Resolves to
 * `{ info, time(name), close() }` once the process has loaded the inputs.
 */
export async function startTorchServer(python, script, directory, threads) {
  const env = { ...process.env, OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads) };
  const child = spawn(python, [script, 'serve', directory, String(threads)], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`${python} torch_side.py serve exited:\n${stderr}`);
    return JSON.parse(value);
  };
  const info = await next();
  return {
    info,
    /** Wall and CPU seconds of one call of operation `name` (the first call writes its codes). */
    async time(name) {
      child.stdin.write(`${name}\n`);
      return next();
    },
    close() {
      child.stdin.end('quit\n');
    },
  };
}

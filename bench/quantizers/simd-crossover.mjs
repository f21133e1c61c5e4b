// Where the WebAssembly SIMD scan of core's nearest-code search overtakes the scalar TypeScript scan,
// counting its setup (instance + transposed codebook copy): a fresh search per call, as `nearestCodes`
// does, for `count` vectors. Picks `minSimdWork` in packages/core/src/quantizers/math/nearest-code-search.ts.
//
//   cd packages/core && npx tsup && cd ../.. && node bench/quantizers/simd-crossover.mjs
import { createNearestCodeSearch } from '@jointok/core';
import { normalFloats } from './random.mjs';

function time(fn) {
  fn();
  const times = [];
  const deadline = performance.now() + 150;
  while (times.length < 3 || (performance.now() < deadline && times.length < 200)) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

console.log('median ms per call (fresh search each call); ratio > 1: SIMD faster');
console.log('metric  K      D    count  K·D·count    scalar ms  simd ms  ratio');
for (const [size, dim] of [[16, 8], [64, 8], [64, 32], [256, 16], [256, 64], [1024, 128], [8192, 256]]) {
  for (const count of [1, 4, 16, 64, 256]) {
    const codebook = normalFloats(size * dim, size * 131 + dim);
    const vectors = normalFloats(count * dim, size * 131 + dim + 1);
    const out = new Int32Array(count);
    const run = (scan) => () => createNearestCodeSearch({ rows: codebook, size, dim, metric: 'l2' }, { scan }).search(vectors, count, out);
    if (size * dim * count > 2 ** 26) continue;
    const scalar = time(run('scalar'));
    const simd = time(run('simd'));
    const cells = ['l2', size, dim, count, size * dim * count, scalar.toFixed(3), simd.toFixed(3), (scalar / simd).toFixed(2)];
    console.log(cells.map((c, i) => String(c).padEnd([6, 5, 3, 5, 9, 9, 7, 5][i])).join('  '));
  }
}

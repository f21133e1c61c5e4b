// Measures where the ONNX nearest-code graph overtakes core's TypeScript search, per call of
// `count` vectors, on one thread. Picks `defaultAccelerationThreshold` (packages/core/src/runtime/nearest).
// Usage: node bench/quantizers/threshold.mjs [count=1024]
import * as ort from 'onnxruntime-node';
import { createAcceleratedNearestSearch, createSession } from '@jointok/core';
import { normalFloats } from './random.mjs';

const count = Number(process.argv[2] ?? 1024);
const factory = (model) => createSession(model, { ort, threads: 1 });
const typescript = createAcceleratedNearestSearch({ createSession: factory, threshold: 2 ** 40 });
const onnx = createAcceleratedNearestSearch({ createSession: factory, threshold: 1 });

async function time(search, args) {
  await search.nearestCodes(...args); // warm up (and create the session)
  const times = [];
  const deadline = performance.now() + 300;
  while (times.length < 3 || (performance.now() < deadline && times.length < 50)) {
    const start = performance.now();
    await search.nearestCodes(...args);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

console.log(`count ${count}; median ms per call; ratio > 1: ONNX faster`);
console.log('metric  K      D    K·D      TS ms    ONNX ms  TS/ONNX');
for (const metric of ['l2', 'dot']) {
  for (const dim of [4, 8, 32, 128]) {
    for (const size of [16, 64, 256, 1024, 4096]) {
      const codebook = normalFloats(size * dim, size * 31 + dim);
      const vectors = normalFloats(count * dim, dim * 7 + 1);
      const args = [vectors, count, dim, codebook, size, metric, new Int32Array(count)];
      const ts = await time(typescript, args);
      const ox = await time(onnx, args);
      console.log(`${metric.padEnd(6)}  ${String(size).padEnd(5)}  ${String(dim).padEnd(3)}  ${String(size * dim).padEnd(7)}  ${ts.toFixed(3).padStart(7)}  ${ox.toFixed(3).padStart(8)}  ${(ts / ox).toFixed(2).padStart(6)}`);
    }
  }
}
await typescript.release();
await onnx.release();

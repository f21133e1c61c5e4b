// Measures where the ONNX nearest-code graph overtakes core's TypeScript search, per call of
// `count` vectors, on one thread. Picks `defaultAccelerationThreshold` (packages/core/src/runtime/nearest).
// The TypeScript side is a prepared search reused across calls, as quantizers keep one per codebook
// (`fresh` adds a new search per call, as a bare `nearestCodes` call makes).
// Usage: node bench/quantizers/threshold.mjs [count=1024]
import * as ort from 'onnxruntime-node';
import { createAcceleratedNearestSearch, createNearestCodeSearch, createSession, nearestCodes } from '@jointok/core';
import { normalFloats } from './random.mjs';

const count = Number(process.argv[2] ?? 1024);
const factory = (model) => createSession(model, { ort, threads: 1 });
const onnx = createAcceleratedNearestSearch({ createSession: factory, threshold: 1 });

async function time(call) {
  await call(); // warm up (and create the session)
  const times = [];
  const deadline = performance.now() + 300;
  while (times.length < 3 || (performance.now() < deadline && times.length < 50)) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

console.log(`count ${count}; median ms per call; ratio > 1: ONNX faster`);
console.log('metric  K      D    K·D      TS ms    fresh ms  ONNX ms  TS/ONNX');
for (const metric of ['l2', 'dot']) {
  for (const dim of [4, 8, 32, 128]) {
    for (const size of [16, 64, 256, 1024, 4096]) {
      const codebook = { rows: normalFloats(size * dim, size * 31 + dim), size, dim, metric };
      const vectors = normalFloats(count * dim, dim * 7 + 1);
      const out = new Int32Array(count);
      const args = [vectors, count, codebook, out];
      const prepared = createNearestCodeSearch(codebook);
      const ts = await time(() => prepared.search(vectors, count, out));
      const fresh = await time(() => nearestCodes(...args));
      const ox = await time(() => onnx.nearestCodes(...args));
      const cells = [ts, fresh, ox].map((v) => v.toFixed(3).padStart(8)).join(' ');
      console.log(`${metric.padEnd(6)}  ${String(size).padEnd(5)}  ${String(dim).padEnd(3)}  ${String(size * dim).padEnd(7)}  ${cells}  ${(ts / ox).toFixed(2).padStart(6)}`);
    }
  }
}

await onnx.release();

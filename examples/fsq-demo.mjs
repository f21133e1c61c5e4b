// The README's main job on built-in defaults: turn continuous latents into discrete tokens and back
// with the quantizers of @jointok/core, entirely offline.
//   npm ci && npm run demo
import { createQuantizer, fitCodebook, seededLatents } from './demo-data.mjs';

// 1. FSQ as in Cosmos: an "image" of 4×6 latent vectors with 6 channels, channel-first like a VAE's output.
const fsq = createQuantizer({ type: 'fsq', levels: [8, 8, 8, 5, 5, 5], channelAxis: 'first' });
const latents = { type: 'float32', dims: [1, 6, 4, 6], data: seededLatents(6 * 4 * 6, 42) };
const codes = fsq.encode(latents);
const decoded = fsq.decode(codes);
console.log(`FSQ levels [8,8,8,5,5,5]: ${fsq.codebookSize} codes`);
console.log(`  latents [${latents.dims}] -> codes [${codes.dims}] ${codes.type}:`);
for (let row = 0; row < 4; row++) {
  console.log('   ' + Array.from(codes.data.slice(row * 6, row * 6 + 6), (c) => String(c).padStart(5)).join(' '));
}
const first = Array.from({ length: 6 }, (_, c) => decoded.data[c * 24].toFixed(3));
console.log(`  decoded back to [${decoded.dims}]; token (0,0) = code ${codes.data[0]} = [${first.join(', ')}]`);

// 2. A VQ codebook fitted to latents with seeded k-means++, then used as a quantizer.
const dim = 8;
const training = seededLatents(4096 * dim, 7);
const fitted = fitCodebook(training, 4096, dim, { codebookSize: 256, seed: 1 });
const vq = createQuantizer(fitted.spec, fitted.weights);
const sample = vq.encode({ type: 'float32', dims: [1, 16, dim], data: training.subarray(0, 16 * dim) });
console.log(`VQ 256×${dim} fitted to 4,096 vectors (inertia ${fitted.inertia.toFixed(1)}): first 16 codes`);
console.log('   ' + Array.from(sample.data).join(' '));

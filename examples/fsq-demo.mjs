// The README's main job on built-in defaults: turn continuous latents into discrete tokens and back
// with the quantizers of @jointok/core, entirely offline.
//   npm ci && npm run demo
import { createQuantizer, seededLatents } from './demo-data.mjs';

const fsq = createQuantizer({ type: 'fsq', levels: [8, 8, 8, 5, 5, 5] });
// An "image" of 4×6 latent vectors with 6 channels, channel-first like a VAE encoder's output.
const latents = { type: 'float32', dims: [1, 6, 4, 6], data: seededLatents(6 * 4 * 6, 42) };
const codes = fsq.encode(latents, { channelAxis: 'first' });
const decoded = fsq.decode(codes, { channelAxis: 'first' });

console.log(`FSQ levels [8,8,8,5,5,5]: codebook of ${fsq.codebookSize} codes`);
console.log(`latents [${latents.dims.join(', ')}] -> codes [${codes.dims.join(', ')}] (${codes.type})`);
for (let row = 0; row < 4; row++) {
  console.log('  ' + Array.from(codes.data.slice(row * 6, row * 6 + 6), (c) => String(c).padStart(5)).join(' '));
}
let maxError = 0;
for (let i = 0; i < latents.data.length; i++) maxError = Math.max(maxError, Math.abs(Math.tanh(latents.data[i]) - decoded.data[i]));
console.log(`decoded back to [${decoded.dims.join(', ')}]; max |tanh(latent) - decoded| = ${maxError.toFixed(3)} (one quantization step is ≤ 0.286)`);

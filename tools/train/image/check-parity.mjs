// Checks an exported jointok-image-base folder from Node against the PyTorch goldens of make_goldens.py:
//
//   node tools/train/image/check-parity.mjs packages/image/models/jointok-image-base /work/train-data/image/goldens
//
// 1. loadRepository validates jointok.json and every file's sha256; createQuantizerFromRepository builds
//    core's FSQ from the manifest's spec.
// 2. core's FSQ on PyTorch's latent gives PyTorch's codes (the quantizer alone: must be 0 mismatches).
// 3. encoder.onnx on the same input, then core's FSQ: codes compared with PyTorch's (mismatch rate; a
//    mismatch is a latent within float rounding of a level boundary, ONNX Runtime vs PyTorch kernels).
// 4. core's FSQ decode of PyTorch's codes, decoder.onnx, to-uint8: pixels compared with PyTorch's (±1).
// Prints a JSON summary; exits 1 when 2. fails or 4. is off by more than one level anywhere.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { createQuantizerFromRepository, loadRepository } from '@jointok/core';

const [folder, goldens] = process.argv.slice(2);
if (!folder || !goldens) {
  console.error('usage: node check-parity.mjs <model folder> <goldens folder>');
  process.exit(2);
}
const index = JSON.parse(await readFile(join(goldens, 'index.json'), 'utf8'));
const read = async (name, Type) => {
  const bytes = await readFile(join(goldens, name));
  return new Type(bytes.buffer, bytes.byteOffset, bytes.byteLength / Type.BYTES_PER_ELEMENT);
};
const input = await read('input.f32', Float32Array);
const latent = await read('latent.f32', Float32Array);
const codes = await read('codes.i32', Int32Array);
const recon = await read('recon.u8', Uint8Array);
const [n, , height, width] = index.arrays['input.f32'].shape;
const latentShape = index.arrays['latent.f32'].shape;
const [, dim, th, tw] = latentShape;

const repository = await loadRepository(folder);
const { manifest } = repository;
const quantizer = await createQuantizerFromRepository(repository);
const options = { intraOpNumThreads: 1, interOpNumThreads: 1 };
const encoder = await ort.InferenceSession.create(await repository.file('encoder.onnx'), options);
const decoder = await ort.InferenceSession.create(await repository.file('decoder.onnx'), options);
const { input: encIn, output: encOut } = manifest.config.encoder;
const { input: decIn, output: decOut } = manifest.config.decoder;
const [{ mean, std }] = manifest.postprocessing.steps;

const perImageLatent = dim * th * tw;
const perImageInput = 3 * height * width;
let quantizerMismatches = 0;
let onnxMismatches = 0;
let maxLatentDiff = 0;
let maxPixelDiff = 0;
let pixelsOff = 0;
const pixelDiffHistogram = [0, 0, 0];
for (let i = 0; i < n; i++) {
  const torchLatent = latent.subarray(i * perImageLatent, (i + 1) * perImageLatent);
  const torchCodes = codes.subarray(i * th * tw, (i + 1) * th * tw);
  const coreCodes = quantizer.encode({ type: 'float32', dims: [1, dim, th, tw], data: torchLatent }).data;
  for (let j = 0; j < torchCodes.length; j++) if (coreCodes[j] !== torchCodes[j]) quantizerMismatches++;

  const x = new ort.Tensor('float32', input.slice(i * perImageInput, (i + 1) * perImageInput), [1, 3, height, width]);
  const onnxLatent = (await encoder.run({ [encIn]: x }))[encOut];
  for (let j = 0; j < perImageLatent; j++) maxLatentDiff = Math.max(maxLatentDiff, Math.abs(onnxLatent.data[j] - torchLatent[j]));
  const onnxCodes = quantizer.encode({ type: 'float32', dims: onnxLatent.dims, data: onnxLatent.data }).data;
  for (let j = 0; j < torchCodes.length; j++) if (onnxCodes[j] !== torchCodes[j]) onnxMismatches++;

  const quantized = quantizer.decode({ type: 'int32', dims: [1, th, tw], data: Int32Array.from(torchCodes) });
  const image = (await decoder.run({ [decIn]: new ort.Tensor('float32', quantized.data, quantized.dims) }))[decOut];
  const plane = height * width;
  for (let c = 0; c < 3; c++) {
    for (let p = 0; p < plane; p++) {
      // to-uint8: round_half_even(clamp((x * std + mean) * 255, 0, 255)), in float32.
      const f = Math.fround(Math.fround(Math.fround(image.data[c * plane + p] * std[c]) + mean[c]) * 255);
      const v = roundHalfEven(Math.min(Math.max(f, 0), 255));
      const diff = Math.abs(v - recon[i * plane * 3 + p * 3 + c]);
      maxPixelDiff = Math.max(maxPixelDiff, diff);
      pixelDiffHistogram[Math.min(diff, 2)]++;
      if (diff > 0) pixelsOff++;
    }
  }
}
await encoder.release();
await decoder.release();

function roundHalfEven(v) {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const tokens = n * th * tw;
const summary = {
  images: n,
  tokens,
  quantizerMismatches,
  onnxCodeMismatches: onnxMismatches,
  onnxCodeMismatchRate: onnxMismatches / tokens,
  maxLatentAbsDiff: maxLatentDiff,
  maxPixelDiff,
  pixelValuesOff: pixelsOff,
  pixelValuesOffRate: pixelsOff / (n * 3 * height * width),
  pixelDiffHistogram: { 0: pixelDiffHistogram[0], 1: pixelDiffHistogram[1], '2+': pixelDiffHistogram[2] },
};
console.log(JSON.stringify(summary, null, 1));
process.exit(quantizerMismatches === 0 && maxPixelDiff <= 1 ? 0 : 1);

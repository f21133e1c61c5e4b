import type { Tensor } from '../../src/tensor/tensor.js';
import { compareFloats, compareIntegers } from './compare.js';
import { intValues, isTensorRecord, type GoldenSample, type TensorRecord } from './golden-case.js';

/**
 * The README's comparison rules for one sample, as a list of problems (empty: the sample matches):
 * - integer results exact, except at `fragile` positions (unless also `tie`) and `reference_artifact_mask`
 *   positions;
 * - where the reference's index is known to be wrong (`extras.index_differs_from_exact_integer_mask`, BSQ
 *   with D > 24: its float32 sum loses bits), the expected index is `extras.exact_integer_index_from_sign_bits`;
 * - float results within 1e-5·(1+|want|), skipped for samples with a fragile index, an artifact or a
 *   reference index known to be wrong (their floats follow the reference's index).
 */
export function sampleFailures(sample: GoldenSample, results: Record<string, Tensor>): string[] {
  const indices = sample['indices'];
  const fragile = sample.masks?.fragile ? intValues(sample.masks.fragile) : undefined;
  const tie = sample.masks?.tie ? intValues(sample.masks.tie) : undefined;
  const artifact = sample.extras?.['reference_artifact_mask'];
  const skip = isTensorRecord(artifact) ? intValues(artifact) : undefined;
  const exact = exactIndices(sample);
  const unreliableFloats = (fragile?.some((v) => v !== 0) ?? false) || (skip?.some((v) => v !== 0) ?? false) || exact !== undefined;
  const indexShape = isTensorRecord(indices) ? indices.shape.join(',') : '';
  const failures: string[] = [];
  for (const [key, recorded] of Object.entries(sample)) {
    if (key === 'input' || key === 'masks' || !isTensorRecord(recorded)) continue;
    const want = key === 'indices' && exact !== undefined ? exact : recorded;
    const got = results[key];
    if (got === undefined) {
      failures.push(`${key}: not produced`);
      continue;
    }
    if (want.dtype === 'float32') {
      if (unreliableFloats) continue;
      failures.push(...compareFloats(got, want).problems.map((p) => `${key}: ${p}`));
    } else {
      const masks = want.shape.join(',') === indexShape ? { tie, fragile, skip } : {};
      if (want.shape.join(',') !== indexShape && unreliableFloats) continue;
      failures.push(...compareIntegers(got, want, masks).problems.map((p) => `${key}: ${p}`));
    }
  }
  return failures;
}

/** The reference's indices with the exact index put where the reference is known to be wrong; undefined when it never is. */
function exactIndices(sample: GoldenSample): TensorRecord | undefined {
  const mask = sample.extras?.['index_differs_from_exact_integer_mask'];
  const exact = sample.extras?.['exact_integer_index_from_sign_bits'];
  const indices = sample['indices'];
  if (!isTensorRecord(mask) || !isTensorRecord(exact) || !isTensorRecord(indices)) return undefined;
  const differs = intValues(mask);
  if (!differs.some((v) => v !== 0)) return undefined;
  const reference = intValues(indices);
  const correct = intValues(exact);
  return { ...indices, data: reference.map((value, i) => (differs[i] ? correct[i]! : value)) };
}

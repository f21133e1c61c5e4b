// Parity with the published quantizer implementations: every case file in the golden folder
// (the committed __fixtures__/, or JOINTOK_GOLDEN_DIR) is run through jointok and compared with
// the reference's stored results, following the folder's README: indices exact except at
// `fragile` positions (tie positions must match), reference-artifact tokens skipped, floats within
// 1e-5·(1+|want|), float results of samples with a fragile index or an artifact skipped.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenAdapters } from './adapters/index.js';
import { compareFloats, compareIntegers } from './compare.js';
import { goldenDir, intValues, isTensorRecord, listCaseFiles, loadCase, type GoldenSample } from './golden-case.js';

const dir = goldenDir();

describe('golden quantizer parity', () => {
  it('finds the golden folder', () => {
    expect(existsSync(dir), `golden folder ${dir}`).toBe(true);
    expect(listCaseFiles(dir).length).toBeGreaterThan(0);
  });

  for (const file of existsSync(dir) ? listCaseFiles(dir) : []) {
    const record = loadCase(file);
    describe(relative(dir, file), () => {
      for (const sample of record.samples) {
        it(sample.name, () => {
          const adapter = goldenAdapters[record.family];
          expect(adapter, `no golden adapter for family ${record.family}`).toBeDefined();
          const results = adapter!.run(record, sample);
          checkSample(sample, results);
        });
      }
    });
  }
});

function checkSample(sample: GoldenSample, results: Record<string, import('../../src/tensor/tensor.js').Tensor>): void {
  const indices = sample['indices'];
  const fragile = sample.masks?.fragile ? intValues(sample.masks.fragile) : undefined;
  const tie = sample.masks?.tie ? intValues(sample.masks.tie) : undefined;
  const artifact = sample.extras?.['reference_artifact_mask'];
  const skip = isTensorRecord(artifact) ? intValues(artifact) : undefined;
  const unreliableFloats = (fragile?.some((v) => v !== 0) ?? false) || (skip?.some((v) => v !== 0) ?? false);
  const indexShape = isTensorRecord(indices) ? indices.shape.join(',') : '';
  const failures: string[] = [];
  for (const [key, want] of Object.entries(sample)) {
    if (key === 'input' || key === 'masks' || !isTensorRecord(want)) continue;
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
  expect(failures, failures.join('\n')).toEqual([]);
}

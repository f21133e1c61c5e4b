// Parity with the published quantizer implementations: every case file in the golden folder
// (the committed __fixtures__/, or JOINTOK_GOLDEN_DIR) is run through jointok and compared with
// the reference's stored results, following the folder's README: indices exact except at
// `fragile` positions (tie positions must match), reference-artifact tokens skipped, floats within
// 1e-5·(1+|want|), float results of samples with a fragile index or an artifact skipped (check-sample.ts).
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenAdapters } from './adapters/index.js';
import { sampleFailures } from './check-sample.js';
import { goldenDir, listCaseFiles, loadCase } from './golden-case.js';

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
          const failures = sampleFailures(sample, adapter!.run(record, sample));
          expect(failures, failures.join('\n')).toEqual([]);
        });
      }
    });
  }
});

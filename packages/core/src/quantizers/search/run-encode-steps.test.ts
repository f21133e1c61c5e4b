import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { AsyncNearestSearch } from './async-nearest-search.js';
import { nearestRequest, type EncodeSteps } from './encode-steps.js';
import { createNearestLookup } from './nearest-lookup.js';
import { runEncodeSteps, runEncodeStepsAsync } from './run-encode-steps.js';
import { typescriptNearestSearch } from './typescript-nearest-search.js';

// Rows (0,0), (10,0), (0,10): the nearest row of each vector is obvious by hand.
const lookup = createNearestLookup({ rows: new Float32Array([0, 0, 10, 0, 0, 10]), size: 3, dim: 2, metric: 'l2' });
const vectors = new Float32Array([9, 1, 1, 8, 0.5, 0.5]);

/** Two searches in a row; the second searches the codes of the first plus one, to show the order. */
function* twoStages(): EncodeSteps<Int32Array> {
  const codes = new Int32Array(6);
  yield nearestRequest(lookup, vectors, 3, codes, 2, 0);
  const shifted = new Float32Array(6);
  for (let n = 0; n < 3; n++) shifted[n * 2] = codes[n * 2]! === 0 ? 10 : 0;
  yield nearestRequest(lookup, shifted, 3, codes, 2, 1);
  return codes;
}

describe('runEncodeSteps / runEncodeStepsAsync', () => {
  it('answers each search before resuming, in TypeScript', () => {
    expect(Array.from(runEncodeSteps(twoStages()))).toEqual([1, 0, 2, 0, 0, 1]);
  });

  it('gives the same codes on an asynchronous search, which sees every request', async () => {
    const seen: Array<[number, number, string]> = [];
    const search: AsyncNearestSearch = {
      nearestCodes: async (v, count, codebook, out, output) => {
        seen.push([count, codebook.size, codebook.metric]);
        return typescriptNearestSearch.nearestCodes(v, count, codebook, out, output);
      },
    };
    expect(Array.from(await runEncodeStepsAsync(twoStages(), search))).toEqual([1, 0, 2, 0, 0, 1]);
    expect(seen).toEqual([[3, 3, 'l2'], [3, 3, 'l2']]);
    expect(Array.from(await runEncodeStepsAsync(twoStages(), undefined))).toEqual([1, 0, 2, 0, 0, 1]);
  });

  it("uses the lookup's own search when the search says it would use TypeScript anyway", async () => {
    const search: AsyncNearestSearch = {
      nearestCodes: () => Promise.reject(new Error('must not be asked')),
      searchesInTypeScript: (count, codebook) => count * codebook.size * codebook.dim < 100,
    };
    expect(Array.from(await runEncodeStepsAsync(twoStages(), search))).toEqual([1, 0, 2, 0, 0, 1]);
  });

  it('stops between searches when the signal aborts', async () => {
    const controller = new AbortController();
    let asked = 0;
    const search: AsyncNearestSearch = {
      nearestCodes: async (_v, count, _c, out) => {
        asked++;
        controller.abort(new Error('enough'));
        return out.fill(0, 0, count);
      },
    };
    await expect(runEncodeStepsAsync(twoStages(), search, controller.signal)).rejects.toThrow('enough');
    expect(asked).toBe(1);
  });

  it('rejects something that is not a search with a typed error naming the option', async () => {
    const error = await runEncodeStepsAsync(twoStages(), { nearest: true } as never).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('options.nearestSearch');
  });

  it('subtracts the chosen rows from a request’s residual, fused with the search or after it, on every path', async () => {
    /** Two stages over the same rows; stage 1 searches the residual stage 0 left (or a copy of it, then subtracts from the original). */
    function* residualStages(sameArray: boolean): EncodeSteps<[number[], number[]]> {
      const residual = Float32Array.from(vectors);
      const codes = new Int32Array(6);
      yield nearestRequest(lookup, sameArray ? residual : residual.slice(), 3, codes, 2, 0, residual);
      const afterFirst = Array.from(residual);
      yield nearestRequest(lookup, sameArray ? residual : residual.slice(), 3, codes, 2, 1, residual);
      return [Array.from(codes), afterFirst.concat(Array.from(residual))];
    }
    // Stage 0: (9,1)→(10,0), (1,8)→(0,10), (.5,.5)→(0,0); residuals (−1,1), (1,−2), (.5,.5) all pick (0,0).
    const want: [number[], number[]] = [
      [1, 0, 2, 0, 0, 0],
      [-1, 1, 1, -2, 0.5, 0.5, -1, 1, 1, -2, 0.5, 0.5],
    ];
    const external: AsyncNearestSearch = { nearestCodes: (v, count, codebook, out, output) => typescriptNearestSearch.nearestCodes(v, count, codebook, out, output) };
    for (const sameArray of [true, false]) {
      expect(runEncodeSteps(residualStages(sameArray)), `sync, same array ${sameArray}`).toEqual(want);
      expect(await runEncodeStepsAsync(residualStages(sameArray), undefined), `async own search, same array ${sameArray}`).toEqual(want);
      expect(await runEncodeStepsAsync(residualStages(sameArray), external), `async external search, same array ${sameArray}`).toEqual(want);
    }
  });
});

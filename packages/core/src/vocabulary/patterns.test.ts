import { describe, expect, it } from 'vitest';
import type { TokenBlock } from '../modality/token-block.js';
import { toyArtifacts } from './__fixtures__/toy-layouts.js';
import { createJointVocabulary } from './joint-vocabulary.js';
import type { BodySpec, LayoutSpec } from './layout/layout-spec.js';

/** A one-space layout over the toy vocabulary: <boi> body <eoi>, codes from id 200. */
function single(body: BodySpec, codebookSize: number, stride?: number): LayoutSpec {
  return {
    format: 'jointok.layout',
    version: 1,
    name: `toy-${body.type}`,
    text: { size: 100 },
    tokens: { boi: { token: '<boi>' }, eoi: { token: '<eoi>' }, spec: { token: '<spec>' } },
    spaces: [{ name: 'x', modality: 'audio', codes: { type: 'offset', base: { token: '<code0>' }, codebookSize, ...(stride === undefined ? {} : { stride }) }, begin: ['boi'], end: ['eoi'], body }],
  };
}
const block = (codes: number[], shape: number[]): TokenBlock<string> => ({ modality: 'audio', codes: Int32Array.from(codes), shape, meta: {} });

function roundTrip(layout: LayoutSpec, b: TokenBlock<string>, expectedBody: number[]) {
  const vocabulary = createJointVocabulary(layout, toyArtifacts);
  const { ids } = vocabulary.serialize([b]);
  expect([...ids]).toEqual([100, ...expectedBody, 101]);
  const parsed = vocabulary.parse(ids).blocks[0]!;
  expect([...parsed.codes]).toEqual([...b.codes]);
  expect(parsed.shape).toEqual([...b.shape]);
}

describe('multi-codebook patterns', () => {
  it('codebook-major (MIO): all frames of codebook 0, then codebook 1', () => {
    // [2 codebooks, 3 frames], codebook k offset by 4k.
    roundTrip(single({ type: 'codebook-major', codebooks: 2, frames: 3 }, 4), block([1, 2, 3, 0, 1, 2], [2, 3]), [201, 202, 203, 204, 205, 206]);
  });

  it('frame-major (AnyGPT music): codebooks of frame 0, then frame 1', () => {
    roundTrip(single({ type: 'frame-major', codebooks: 2 }, 4), block([1, 2, 3, 0, 1, 2], [2, 3]), [201, 204, 202, 205, 203, 206]);
  });

  it('parallel (audiocraft ParallelPatternProvider): one empty step, then all codebooks of a frame together', () => {
    // Special token 112; [2, 2] block: steps [S S] [a0 b0] [a1 b1].
    roundTrip(single({ type: 'parallel', codebooks: 2, special: 'spec' }, 3, 3), block([1, 2, 0, 1], [2, 2]), [112, 112, 201, 203, 202, 204]);
  });

  it('coarse-first (audiocraft CoarseFirstPattern): codebook 0 for every frame, then the rest with delays', () => {
    // n_q 3, delays [0, 1] for codebooks 1 and 2, T = 2: out = [[]], [(0,0)], [(1,0)], then for t in
    // range(2 + 1): codebook 1 at t, codebook 2 at t - 1 → 1 + 2 + 3 = 6 steps of 3 lanes.
    const S = 112;
    const a = [1, 2];
    const b = [0, 1];
    const c = [2, 0];
    roundTrip(single({ type: 'coarse-first', codebooks: 3, delays: [0, 1], special: 'spec' }, 3, 3), block([...a, ...b, ...c], [3, 2]), [
      ...[S, S, S],
      ...[200 + a[0]!, S, S],
      ...[200 + a[1]!, S, S],
      ...[S, 203 + b[0]!, S],
      ...[S, 203 + b[1]!, 206 + c[0]!],
      ...[S, S, 206 + c[1]!],
    ]);
  });

  it('multi-scale (coarse to fine): scales one after another, each scale in its own slot', () => {
    // Scales 1×1, 2×2: 5 codes; scale s offset by 3s.
    roundTrip(single({ type: 'multi-scale', scales: [[1, 1], [2, 2]], offsetPerScale: true }, 3), block([2, 0, 1, 2, 0], [5]), [202, 203, 204, 205, 203]);
  });

  it('video grid: rows end with row-end, frames with frame-end', () => {
    const layout: LayoutSpec = { ...single({ type: 'grid', shape: ['variable', 1, 2], rowEnd: 'eol', frameEnd: 'eof' }, 5), tokens: { boi: { token: '<boi>' }, eoi: { token: '<eoi>' }, eol: { token: '<eol>' }, eof: { token: '<eofr>' } } };
    roundTrip(layout, block([1, 2, 3, 4], [2, 1, 2]), [201, 202, 102, 111, 203, 204, 102, 111]);
  });
});

describe('incremental parser events', () => {
  it('emits segment-start, one delta per code and segment-end with the block and span', () => {
    const vocabulary = createJointVocabulary(single({ type: 'frame-major', codebooks: 1 }, 4), toyArtifacts);
    const parser = vocabulary.createParser();
    const events = [...parser.push(7), ...parser.push(100), ...parser.push(203), ...parser.push(101), ...parser.finish()];
    expect(events.map((e) => e.type)).toEqual(['segment-start', 'segment-delta', 'segment-end', 'segment-start', 'segment-delta', 'segment-end']);
    expect(events[4]).toEqual({ type: 'segment-delta', modality: 'audio', space: 'x', position: 2, id: 203, code: 3 });
    const end = events[5]!;
    expect(end.type === 'segment-end' && [...end.block!.codes]).toEqual([3]);
    expect(end.type === 'segment-end' && end.span).toEqual({ start: 1, end: 4, contentStart: 2, contentEnd: 3, modality: 'audio', space: 'x', shape: [1, 1] });
  });
});

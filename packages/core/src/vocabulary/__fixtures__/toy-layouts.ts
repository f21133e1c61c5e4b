import type { LayoutSpec } from '../layout/layout-spec.js';
import type { VocabularyArtifacts } from '../vocabulary-artifacts.js';

/**
 * Small layouts over a toy vocabulary, one per body kind, for the property and unit tests. Ids:
 * text 0..99 (digits '0'..'9' are 10..19, '*' is 20), structure tokens 100..119, codes from 200.
 */
export const toyArtifacts: VocabularyArtifacts = {
  tokens: new Map<string, number>([
    ...Array.from({ length: 10 }, (_, d) => [String(d), 10 + d] as [string, number]),
    ['*', 20],
    ['<boi>', 100],
    ['<eoi>', 101],
    ['<eol>', 102],
    ['<img>', 103],
    ['<eof>', 104],
    ['<sos>', 105],
    ['<eos>', 106],
    ['<som>', 107],
    ['<eom>', 108],
    ['<sov>', 109],
    ['<eov>', 110],
    ['<eofr>', 111],
    ['<spec>', 112],
    ['<som2>', 113],
    ['<eom2>', 114],
    ['<code0>', 200],
  ]),
};

const tokens = {
  boi: { token: '<boi>' },
  eoi: { token: '<eoi>' },
  eol: { token: '<eol>' },
  img: { token: '<img>' },
  eof: { token: '<eof>' },
  sos: { token: '<sos>' },
  eos: { token: '<eos>' },
  som: { token: '<som>' },
  eom: { token: '<eom>' },
  sov: { token: '<sov>' },
  eov: { token: '<eov>' },
  eofr: { token: '<eofr>' },
  spec: { token: '<spec>' },
  som2: { token: '<som2>' },
  eom2: { token: '<eom2>' },
  // A task token inside the text range (like Show-o's <|t2i|>).
  task: { id: 42 },
} as const;

/** Every body kind behind markers, in one layout, with small codebooks. */
export const toyLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'toy',
  text: { size: 100 },
  tokens,
  spaces: [
    // Emu3-like: resolution prefix, row ends, two end markers.
    { name: 'image', modality: 'image', codes: { type: 'offset', base: { token: '<code0>' }, codebookSize: 5 }, begin: ['boi'], prefix: [{ type: 'resolution', template: '{h}*{w}' }, { type: 'token', token: 'img' }], end: ['eof', 'eoi'], body: { type: 'grid', shape: ['h', 'w'], rowEnd: 'eol' } },
    // AnyGPT-like speech: variable 1-D.
    { name: 'speech', modality: 'audio', codes: { type: 'offset', base: { token: '<code0>', shift: 10 }, codebookSize: 4 }, begin: ['sos'], end: ['eos'], body: { type: 'frame-major', codebooks: 1 } },
    // Orpheus-like: per-position multi-rate frame.
    { name: 'snac', modality: 'audio', codes: { type: 'offset', base: { token: '<code0>', shift: 20 }, codebookSize: 2, stride: 3 }, begin: ['som'], end: ['eom'], body: { type: 'per-position', rates: [1, 2], positions: [{ stream: 0, sub: 0 }, { stream: 1, sub: 0 }, { stream: 1, sub: 1 }] } },
    // Video: variable frames of fixed 2x2 with row and frame ends.
    { name: 'video', modality: 'video', codes: { type: 'offset', base: { token: '<code0>', shift: 40 }, codebookSize: 3 }, begin: ['sov'], end: ['eov'], body: { type: 'grid', shape: ['variable', 2, 2], rowEnd: 'eol', frameEnd: 'eofr' } },
    // MusicGen-like delay lanes behind markers, codebooks with their own offsets.
    { name: 'music', modality: 'music', codes: { type: 'offset', base: { token: '<code0>', shift: 60 }, codebookSize: 2, stride: 2 }, begin: ['som2'], end: ['eom2'], body: { type: 'delay', codebooks: 3, delays: [0, 1, 2], special: 'spec' } },
  ],
};

/** A standalone head layout: MusicGen delay, 2 codebooks of 3 codes, special code 3. */
export const toyHeadLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'toy-head',
  text: { size: 0 },
  tokens: { special: { id: 3 } },
  spaces: [{ name: 'audio', modality: 'audio', codes: { type: 'head', codebookSize: 3 }, begin: [], end: [], body: { type: 'delay', codebooks: 2, special: 'special' } }],
};

/**
 * Text mixed with head spaces (Janus-like) and one offset space. Heads: 1 image (6 codes, variable
 * rows of 2, end marker 101 above the codebook), 2 tile (200 codes, a fixed 2×2 grid whose end
 * marker 110 is also a code, so only the count tells them apart), 3 music (delay lanes, special
 * code 2 of its own head).
 */
export const toyMixedHeadLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'toy-mixed-head',
  text: { size: 100 },
  tokens: { ...tokens, hspecial: { id: 2 } },
  spaces: [
    { name: 'image', modality: 'image', codes: { type: 'head', codebookSize: 6 }, begin: ['boi'], end: ['eoi'], body: { type: 'grid', shape: ['variable', 2] } },
    { name: 'speech', modality: 'audio', codes: { type: 'offset', base: { token: '<code0>', shift: 10 }, codebookSize: 4 }, begin: ['sos'], end: ['eos'], body: { type: 'frame-major', codebooks: 1 } },
    { name: 'tile', modality: 'tile', codes: { type: 'head', codebookSize: 200 }, begin: ['sov'], end: ['eov'], body: { type: 'grid', shape: [2, 2] } },
    { name: 'music', modality: 'music', codes: { type: 'head', codebookSize: 2 }, begin: ['som2'], end: ['eom2'], body: { type: 'delay', codebooks: 2, delays: [0, 1], special: 'hspecial' } },
  ],
};

/** A head space whose end marker (3) is also one of its codes, with a variable length: heads cannot be inferred. */
export const toyAmbiguousHeadLayout: LayoutSpec = {
  format: 'jointok.layout',
  version: 1,
  name: 'toy-ambiguous-head',
  text: { size: 100 },
  tokens: { boi: { id: 100 }, eoi: { id: 3 } },
  spaces: [{ name: 'image', modality: 'image', codes: { type: 'head', codebookSize: 8 }, begin: ['boi'], end: ['eoi'], body: { type: 'grid', shape: ['variable'] } }],
};

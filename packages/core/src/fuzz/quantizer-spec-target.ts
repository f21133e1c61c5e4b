import fc from 'fast-check';
import { JointokError } from '../errors/jointok-error.js';
import { createQuantizer } from '../quantizers/create-quantizer.js';
import type { QuantizerSpec, QuantizerWeights } from '../quantizers/quantizer.js';
import { KNOWN_SPEC_FIELDS } from '../quantizers/spec/known-spec-fields.js';
import type { Tensor } from '../tensor/tensor.js';
import { hostileNumber } from '../testing/fuzz/hostile-values.js';
import { fuzzAssert } from '../testing/fuzz/fuzz-property-error.js';
import { defineFuzzTarget } from '../testing/fuzz/fuzz-target.js';
import { applyJsonMutations, jsonMutation } from '../testing/fuzz/json-mutations.js';

/** A small working quantizer: its spec, weights and a latent shape it accepts (channels last). */
export interface QuantizerSeed {
  readonly spec: QuantizerSpec;
  readonly weights: Readonly<Record<string, Tensor<'float32'>>>;
  readonly latentDims: readonly number[];
}

/** One weight edit: new dims (the data kept), a cut or grown data array, a non-finite value, a renamed or dropped weight. */
export type WeightEdit =
  | { readonly kind: 'dims'; readonly weight: number; readonly axis: number; readonly size: number }
  | { readonly kind: 'length'; readonly weight: number; readonly delta: number }
  | { readonly kind: 'value'; readonly weight: number; readonly at: number; readonly value: number }
  | { readonly kind: 'rename'; readonly weight: number; readonly name: string }
  | { readonly kind: 'drop'; readonly weight: number };

/** What `core/quantizer-spec` feeds to `createQuantizer`, `encode` and `decode`. */
export interface QuantizerSpecInput {
  readonly spec: unknown;
  readonly weights: Record<string, unknown>;
  /** The latents: dims as given (hostile ones included), data of the dims' size when that is small. */
  readonly latents: { readonly dims: readonly number[]; readonly data: Float32Array };
  /** Codes to decode besides the encoded ones: plausible, out of range, or of the wrong shape. */
  readonly codes: { readonly dims: readonly number[]; readonly data: Int32Array };
}

const FIELDS = [...new Set(['type', ...Object.values(KNOWN_SPEC_FIELDS).flat()])];

/**
 * `core/quantizer-spec`: quantizer specs (every family: FSQ, residual FSQ, LFQ, BSQ, VQ with each metric,
 * grouped and residual VQ) edited structurally — typos of fields, hostile numbers, wrong types, deep
 * nesting — with their weights reshaped, cut, renamed or made non-finite, and latents of hostile shapes,
 * through `createQuantizer`, `encode` and `decode`. Only typed errors may escape; an accepted spec
 * encodes to codes inside its codebooks, decodes them to a tensor of the size its dims say, and refuses
 * codes outside its codebooks.
 */
export function quantizerSpecTarget(seeds: readonly QuantizerSeed[]) {
  const input: fc.Arbitrary<QuantizerSpecInput> = fc
    .record({
      seed: fc.nat({ max: seeds.length - 1 }),
      specEdits: fc.array(jsonMutation({ nonJson: true, keys: FIELDS }), { maxLength: 3 }),
      weightEdits: fc.array(weightEdit(), { maxLength: 2 }),
      latentEdits: fc.array(fc.record({ axis: fc.nat(), size: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: hostileNumber() }) }), { maxLength: 2 }),
      latentValues: fc.array(fc.record({ at: fc.nat(), value: fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, 3e38, -0)) }), { maxLength: 2 }),
      codeValues: fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 15 }) }, { weight: 1, arbitrary: hostileNumber() }), { minLength: 1, maxLength: 24 }),
      codeDims: fc.option(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), hostileNumber()), { maxLength: 5 }), { nil: undefined }),
    })
    .map(({ seed, specEdits, weightEdits, latentEdits, latentValues, codeValues, codeDims }) => {
      const chosen = seeds[seed]!;
      const latentDims = [...chosen.latentDims];
      for (const edit of latentEdits) latentDims[edit.axis % (latentDims.length + 1)] = edit.size;
      const count = latentDims.every((size) => Number.isSafeInteger(size) && size >= 0) ? latentDims.reduce((a, b) => a * b, 1) : 0;
      // Dims whose product is large keep a small data array: the quantizer must refuse the mismatch, not
      // allocate. (Valid latents stay small: 4,096 stages × 4,096 values are legitimately 64 MiB of codes.)
      const data = Float32Array.from({ length: count <= 1 << 10 ? count : 7 }, (_, i) => Math.sin(i * 12.9898 + seed) * 1.7);
      for (const { at, value } of latentValues) if (data.length > 0) data[at % data.length] = value;
      const codes = Int32Array.from(codeValues, (value) => value | 0);
      return {
        spec: applyJsonMutations(chosen.spec, specEdits),
        weights: editWeights(chosen.weights, weightEdits),
        latents: { dims: latentDims, data },
        codes: { dims: codeDims ?? [codes.length], data: codes },
      };
    });
  return defineFuzzTarget<QuantizerSpecInput>({
    name: 'core/quantizer-spec',
    description: 'quantizer specs, weights and latents → createQuantizer, encode, decode',
    input,
    run(input) {
      const quantizer = createQuantizer(input.spec as QuantizerSpec, input.weights as QuantizerWeights);
      const codes = quantizer.encode({ type: 'float32', dims: input.latents.dims, data: input.latents.data });
      const size = quantizer.codebookSize;
      for (let i = 0; i < codes.data.length; i++) {
        const code = Number(codes.data[i]);
        fuzzAssert(Number.isInteger(code) && code >= 0 && code < size, () => `code ${code} at ${i} outside the codebook of ${size}`);
      }
      const decoded = quantizer.decode(codes);
      fuzzAssert(decoded.data.length === decoded.dims.reduce((a, b) => a * b, 1), () => `decode returned ${decoded.data.length} values for dims [${decoded.dims.join(', ')}]`);
      // Codes outside the codebook must be refused, not read past a table.
      if (codes.type === 'int32' && codes.data.length > 0) {
        const outside = Int32Array.from(codes.data as Int32Array);
        outside[outside.length - 1] = size > 0x7fffffff ? -1 : Math.min(size, 0x7fffffff);
        let refused = false;
        try {
          quantizer.decode({ type: 'int32', dims: codes.dims, data: outside });
        } catch {
          refused = true;
        }
        fuzzAssert(refused, () => `decode accepted code ${outside[outside.length - 1]} of a codebook of ${size}`);
      }
      // Arbitrary codes of arbitrary dims: decoded or refused with a typed error, never anything else.
      try {
        quantizer.decode({ type: 'int32', dims: input.codes.dims, data: input.codes.data });
      } catch (error) {
        fuzzAssert(JointokError.isInstance(error), () => `decode of arbitrary codes threw ${String(error).slice(0, 200)}`);
      }
    },
  });
}

function weightEdit(): fc.Arbitrary<WeightEdit> {
  return fc.oneof(
    fc.record({ kind: fc.constant('dims' as const), weight: fc.nat(), axis: fc.nat(), size: fc.oneof(fc.integer({ min: 0, max: 40 }), hostileNumber()) }),
    fc.record({ kind: fc.constant('length' as const), weight: fc.nat(), delta: fc.integer({ min: -9, max: 9 }) }),
    fc.record({ kind: fc.constant('value' as const), weight: fc.nat(), at: fc.nat(), value: fc.constantFrom(Number.NaN, Infinity, -Infinity, 3e38, 0) }),
    fc.record({ kind: fc.constant('rename' as const), weight: fc.nat(), name: fc.constantFrom('codebook', 'codebooks', 'codebooks.0', 'embed', '__proto__', '') }),
    fc.record({ kind: fc.constant('drop' as const), weight: fc.nat() }),
  );
}

/** A copy of `weights` with the edits applied (the seed's tensors are never touched). */
function editWeights(weights: Readonly<Record<string, Tensor<'float32'>>>, edits: readonly WeightEdit[]): Record<string, unknown> {
  const out: Record<string, { type: 'float32'; dims: number[]; data: Float32Array }> = {};
  for (const [name, tensor] of Object.entries(weights)) out[name] = { type: 'float32', dims: [...tensor.dims], data: tensor.data.slice() };
  for (const edit of edits) {
    const names = Object.keys(out);
    if (names.length === 0) break;
    const name = names[edit.weight % names.length]!;
    const tensor = out[name]!;
    if (edit.kind === 'dims') tensor.dims[edit.axis % (tensor.dims.length + 1)] = edit.size;
    else if (edit.kind === 'length') tensor.data = tensor.data.slice(0, Math.max(0, tensor.data.length + edit.delta));
    else if (edit.kind === 'value' && tensor.data.length > 0) tensor.data[edit.at % tensor.data.length] = edit.value;
    else if (edit.kind === 'rename') {
      delete out[name];
      Object.defineProperty(out, edit.name, { value: tensor, enumerable: true, writable: true, configurable: true });
    } else if (edit.kind === 'drop') delete out[name];
  }
  return out;
}

/** Seeds for {@link quantizerSpecTarget}: one small working quantizer of every family with deterministic weights. */
export function quantizerSeeds(): QuantizerSeed[] {
  const weight = (dims: number[], salt: number): Tensor<'float32'> => {
    const count = dims.reduce((a, b) => a * b, 1);
    return { type: 'float32', dims, data: Float32Array.from({ length: count }, (_, i) => Math.sin((i + 1) * 78.233 + salt) * 1.3) };
  };
  return [
    { spec: { type: 'fsq', levels: [8, 5, 5, 5] }, weights: {}, latentDims: [1, 3, 3, 4] },
    { spec: { type: 'residual-fsq', levels: [8, 5, 5, 5], numQuantizers: 2 }, weights: {}, latentDims: [1, 6, 4] },
    { spec: { type: 'lfq', dim: 4, codebookSize: 16 }, weights: {}, latentDims: [1, 3, 3, 4] },
    { spec: { type: 'bsq', embedDim: 4, groupSize: 4 }, weights: {}, latentDims: [1, 3, 3, 4] },
    { spec: { type: 'vq', codebookSize: 16, dim: 4 }, weights: { codebook: weight([16, 4], 1) }, latentDims: [1, 3, 3, 4] },
    { spec: { type: 'vq', codebookSize: 16, dim: 4, metric: 'cosine' }, weights: { codebook: weight([16, 4], 2) }, latentDims: [2, 5, 4] },
    { spec: { type: 'grouped-vq', groups: 2, codebookSize: 8, dim: 4 }, weights: { 'codebooks.0': weight([8, 2], 3), 'codebooks.1': weight([8, 2], 4) }, latentDims: [1, 3, 3, 4] },
    { spec: { type: 'residual-vq', numQuantizers: 3, codebookSize: 16, dim: 4 }, weights: { codebooks: weight([3, 16, 4], 5) }, latentDims: [1, 6, 4] },
  ];
}

import { InvalidArgumentError, type CodeSpace, type MultiscaleResidualQuantizer, type Quantizer, type Session, type Tensor } from '@jointok/core';
import { noiseSamples } from '../../tokenizer/noise.js';
import type { CodecDecodeOptions, CodecRunOptions } from '../../tokenizer/audio-codec.js';
import { audioTensor, codeRows, floatOutput, graphNames } from './graph-tensors.js';

/** A decoder input of noise (SNAC): `[1, 1, frames · samplesPerFrame]`. */
export interface NoiseInput {
  readonly name: string;
  readonly samplesPerFrame: number;
}

/** The graphs of a jointok export: latents out of the encoder, core's quantizer, latents into the decoder. */
export interface LatentGraphs {
  readonly encoder?: Session;
  readonly decoder: Session;
  readonly quantizer: Quantizer;
  readonly codeSpace: CodeSpace;
  /** `config.graphs` of the manifest (names of inputs and outputs), when it has them. */
  readonly names?: { readonly encoder?: unknown; readonly decoder?: unknown };
  readonly noiseInputs: readonly NoiseInput[];
}

function isMultiscale(quantizer: Quantizer): quantizer is MultiscaleResidualQuantizer {
  return typeof (quantizer as Partial<MultiscaleResidualQuantizer>).encodeScalesAsync === 'function';
}

/**
 * Encode and decode through a jointok export: samples → encoder → latent `[1, D, F]` → core's quantizer
 * (the first `streams` stages of residual families; every scale of SNAC's multiscale one) → one code array
 * per stream; and back through the quantizer's decode (SNAC: `from_codes`) and the decoder, with noise
 * inputs fed from the noise option.
 */
export function createLatentGraphs(graphs: LatentGraphs) {
  const { encoder, decoder, quantizer, codeSpace } = graphs;
  const encoderNames = encoder === undefined ? undefined : graphNames(encoder, graphs.names?.encoder);
  const decoderNames = graphNames(decoder, graphs.names?.decoder);
  const latentInput = decoderNames.inputs.find((name) => !graphs.noiseInputs.some((n) => n.name === name)) ?? decoder.inputNames[0]!;
  const streamCount = codeSpace.streams.length;

  return {
    async encode(samples: Float32Array, options: CodecRunOptions): Promise<Int32Array[]> {
      const run = await encoder!.run({ [encoderNames!.inputs[0]!]: audioTensor(samples) }, options);
      const output = run[encoderNames!.outputs[0]!];
      if (output === undefined) throw new InvalidArgumentError({ argument: 'encoder output', expected: `an output named ${encoderNames!.outputs[0]}`, received: Object.keys(run) });
      const latent: Tensor<'float32'> = { type: 'float32', dims: output.dims, data: floatOutput(run, encoderNames!.outputs[0]!, 'encoder') };
      const search = options.signal === undefined ? {} : { signal: options.signal };
      if (isMultiscale(quantizer)) return (await quantizer.encodeScalesAsync(latent, search)).map((t) => t.data);
      return codeRows(await quantizer.encodeAsync(latent, { ...search, numQuantizers: streamCount }), streamCount, 'quantizer codes');
    },
    async decode(streams: readonly Int32Array[], frames: number, options: CodecDecodeOptions): Promise<Float32Array> {
      const latent = isMultiscale(quantizer)
        ? quantizer.decodeScales(streams.map((codes) => ({ type: 'int32' as const, dims: [1, codes.length], data: codes })))
        : quantizer.decode({ type: 'int32', dims: [1, streams.length, frames], data: concat(streams) });
      const feeds: Record<string, Tensor> = { [latentInput]: latent };
      graphs.noiseInputs.forEach((input, index) => {
        const length = frames * input.samplesPerFrame;
        const data = noiseSamples(options.noise ?? 'zeros', { name: input.name, index, start: options.startFrame * input.samplesPerFrame, length });
        feeds[input.name] = { type: 'float32', dims: [1, 1, length], data };
      });
      const run = await decoder.run(feeds, options.signal === undefined ? {} : { signal: options.signal });
      return floatOutput(run, decoderNames.outputs[0]!, 'decoder');
    },
  };
}

function concat(streams: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(streams.reduce((n, s) => n + s.length, 0));
  let offset = 0;
  for (const s of streams) {
    out.set(s, offset);
    offset += s.length;
  }
  return out;
}


import { InvalidArgumentError, ShapeMismatchError, type CodeSpace, type Session, type Tensor } from '@jointok/core';
import type { CodecDecodeOptions, CodecRunOptions } from '../../tokenizer/audio-codec.js';
import { audioTensor, codeRows, floatOutput, graphNames, int32Codes, int64Codes } from './graph-tensors.js';

/** The graphs of an onnx-community folder: codes computed inside the encoder, codes into the decoder. */
export interface CodeGraphs {
  readonly encoder?: Session;
  readonly decoder: Session;
  readonly codeSpace: CodeSpace;
  readonly names?: { readonly encoder?: unknown; readonly decoder?: unknown };
}

/**
 * Encode and decode through graphs that take and give codes (int64), in either of the published shapes:
 * one output/input per stream (`audio_codes.0`, `audio_codes.1`, ... for SNAC's scales, `[1, F/stride]`
 * each) or one `[1, codebooks, frames]` tensor (`audio_codes` for DAC and Mimi).
 */
export function createCodeGraphs(graphs: CodeGraphs) {
  const { encoder, decoder, codeSpace } = graphs;
  const streamCount = codeSpace.streams.length;
  const encoderNames = encoder === undefined ? undefined : graphNames(encoder, graphs.names?.encoder);
  const decoderNames = graphNames(decoder, graphs.names?.decoder);
  const perStream = (names: readonly string[]) => names.length === streamCount && streamCount > 1;

  return {
    async encode(samples: Float32Array, options: CodecRunOptions): Promise<Int32Array[]> {
      const run = await encoder!.run({ [encoderNames!.inputs[0]!]: audioTensor(samples) }, options);
      const outputs = encoderNames!.outputs;
      const tensor = (name: string): Tensor => {
        const value = run[name];
        if (value === undefined) throw new InvalidArgumentError({ argument: 'encoder output', expected: `an output named ${name}`, received: Object.keys(run) });
        return value;
      };
      if (perStream(outputs)) {
        return outputs.map((name) => {
          const value = tensor(name);
          if (value.dims.length !== 2 || value.dims[0] !== 1) throw new ShapeMismatchError({ argument: `encoder output ${name}`, expected: 'codes [1, frames]', received: value.dims });
          return int32Codes(value, `encoder output ${name}`);
        });
      }
      return codeRows(tensor(outputs[0]!), streamCount, `encoder output ${outputs[0]}`);
    },
    async decode(streams: readonly Int32Array[], frames: number, options: CodecDecodeOptions): Promise<Float32Array> {
      const inputs = decoderNames.inputs;
      const feeds: Record<string, Tensor> = {};
      if (perStream(inputs)) inputs.forEach((name, i) => (feeds[name] = int64Codes(streams[i]!, [streams[i]!.length])));
      else {
        const all = new Int32Array(streams.length * frames);
        streams.forEach((codes, i) => all.set(codes, i * frames));
        feeds[inputs[0]!] = int64Codes(all, [streams.length, frames]);
      }
      const run = await decoder.run(feeds, options.signal === undefined ? {} : { signal: options.signal });
      return floatOutput(run, decoderNames.outputs[0]!, 'decoder');
    },
  };
}

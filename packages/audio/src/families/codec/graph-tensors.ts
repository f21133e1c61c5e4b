import { CodeOutOfRangeError, InvalidArgumentError, ShapeMismatchError, toFloat32, type Session, type Tensor } from '@jointok/core';

/** The named output of a run (or the session's first), as float32. */
export function floatOutput(outputs: Record<string, Tensor>, name: string, what: string): Float32Array {
  const tensor = outputs[name];
  if (tensor === undefined) throw new InvalidArgumentError({ argument: `${what} output`, expected: `an output named ${name}`, received: Object.keys(outputs) });
  return (tensor.type === 'float32' ? tensor : toFloat32(tensor, `${what} output`)).data as Float32Array;
}

/** Codes of a graph output or quantizer tensor (int32 or int64) as int32, range-checked against int32. */
export function int32Codes(tensor: Tensor, what: string): Int32Array {
  if (tensor.type === 'int32') return tensor.data as Int32Array;
  if (tensor.type !== 'int64') throw new InvalidArgumentError({ argument: what, expected: 'int32 or int64 codes', received: tensor.type });
  const wide = tensor.data as BigInt64Array;
  const out = new Int32Array(wide.length);
  for (let i = 0; i < wide.length; i++) {
    const value = wide[i]!;
    if (value < 0n || value > 2147483647n) throw new CodeOutOfRangeError({ argument: what, index: i, value: Number(value), codebookSize: 2 ** 31 });
    out[i] = Number(value);
  }
  return out;
}

/** Rows of a `[1, Q, F]` codes tensor. */
export function codeRows(tensor: Tensor, rows: number, what: string): Int32Array[] {
  const [batch, count, frames] = tensor.dims;
  if (tensor.dims.length !== 3 || batch !== 1 || count !== rows) throw new ShapeMismatchError({ argument: what, expected: `codes [1, ${rows}, frames]`, received: tensor.dims });
  const codes = int32Codes(tensor, what);
  return Array.from({ length: rows }, (_, i) => codes.subarray(i * frames!, (i + 1) * frames!));
}

/** `[1, 1, T]` float32 audio for an encoder. */
export function audioTensor(samples: Float32Array): Tensor<'float32'> {
  return { type: 'float32', dims: [1, 1, samples.length], data: samples };
}

/** int64 codes `[1, ...dims]` for a graph that takes codes. */
export function int64Codes(codes: Int32Array, dims: readonly number[]): Tensor<'int64'> {
  return { type: 'int64', dims: [1, ...dims], data: BigInt64Array.from(codes, (c) => BigInt(c)) };
}

/** The input and output names a graph uses: `config.graphs.<graph>` of the manifest, else the session's own. */
export function graphNames(session: Session, declared: unknown): { inputs: readonly string[]; outputs: readonly string[] } {
  const names = declared as { inputs?: unknown; outputs?: unknown } | undefined;
  const valid = (list: unknown, available: readonly string[]): list is string[] => Array.isArray(list) && list.length > 0 && list.every((n) => typeof n === 'string' && available.includes(n));
  return {
    inputs: valid(names?.inputs, session.inputNames) ? names!.inputs as string[] : session.inputNames,
    outputs: valid(names?.outputs, session.outputNames) ? names!.outputs as string[] : session.outputNames,
  };
}

import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { variantPath } from './variant-path.js';

describe('variantPath (onnx-community file names)', () => {
  it.each([
    ['onnx/encoder_model.onnx', 'fp16', 'onnx/encoder_model_fp16.onnx'],
    ['onnx/decoder_model.onnx', 'q4f16', 'onnx/decoder_model_q4f16.onnx'],
    ['onnx/image_decode.onnx', 'quantized', 'onnx/image_decode_quantized.onnx'],
    ['onnx/encoder_model.onnx', 'fp32', 'onnx/encoder_model.onnx'],
    ['onnx/encoder_model.onnx', undefined, 'onnx/encoder_model.onnx'],
    ['config.json', 'fp16', 'config.json'],
  ])('%s in %s is %s', (path, variant, expected) => {
    expect(variantPath(path, variant)).toBe(expected);
  });

  it('refuses an unknown variant, naming the argument', () => {
    expect(() => variantPath('a.onnx', 'fp8')).toThrow(InvalidArgumentError);
    expect(() => variantPath('a.onnx', 'fp8')).toThrow(/variant/);
  });
});

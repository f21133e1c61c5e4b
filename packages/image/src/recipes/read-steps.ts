import { InvalidSpecError } from '@jointok/core';
import { type ResizeFilter, resizeFilters } from '../resize/filters.js';
import type { PostprocessStep, PreprocessStep } from './step-types.js';
import { readStepList, type SpecReader } from './spec-reader.js';

const filters = resizeFilters as readonly ResizeFilter[];

function readPreprocessStep(r: SpecReader, type: string): PreprocessStep {
  switch (type) {
    case 'composite-alpha': {
      r.allowOnly(['type', 'background']);
      const background = r.numbers('background', 3, { fallback: [255, 255, 255] })!;
      if (!background.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) {
        throw new InvalidSpecError({ path: `${r.path}.background`, expected: 'three integers in 0..255', received: background });
      }
      return { type, background: background as [number, number, number] };
    }
    case 'center-crop-arr':
      r.allowOnly(['type', 'size']);
      return { type, size: r.integer('size') };
    case 'resize':
      r.allowOnly(['type', 'width', 'height', 'filter']);
      return { type, width: r.integer('width'), height: r.integer('height'), filter: r.oneOf('filter', filters, 'bicubic') };
    case 'resize-short-side':
      r.allowOnly(['type', 'size', 'filter', 'rounding']);
      return { type, size: r.integer('size'), filter: r.oneOf('filter', filters, 'bicubic'), rounding: r.oneOf('rounding', ['round', 'truncate', 'half-up'] as const, 'round') };
    case 'resize-torchvision': {
      r.allowOnly(['type', 'size', 'filter', 'maxSize']);
      const size = Array.isArray(r.raw('size')) ? (r.numbers('size', 2) as [number, number]) : r.integer('size');
      if (Array.isArray(size) && !size.every((v) => Number.isSafeInteger(v) && v > 0)) {
        throw new InvalidSpecError({ path: `${r.path}.size`, expected: 'a positive integer or [height, width]', received: size });
      }
      const maxSize = r.has('maxSize') ? r.integer('maxSize') : undefined;
      return { type, size, filter: r.oneOf('filter', filters, 'bilinear'), ...(maxSize === undefined ? {} : { maxSize }) };
    }
    case 'center-crop':
      r.allowOnly(['type', 'width', 'height', 'offsets']);
      return { type, width: r.integer('width'), height: r.integer('height'), offsets: r.oneOf('offsets', ['floor', 'round'] as const, 'floor') };
    case 'smart-resize':
      r.allowOnly(['type', 'factor', 'minPixels', 'maxPixels', 'filter']);
      return {
        type,
        factor: r.integer('factor', { default: 8 }),
        minPixels: r.integer('minPixels', { default: 512 * 512 }),
        maxPixels: r.integer('maxPixels', { default: 1024 * 1024 }),
        filter: r.oneOf('filter', filters, 'bicubic'),
      };
    case 'pad-to-multiple':
      r.allowOnly(['type', 'multiple', 'mode', 'anchor']);
      return {
        type,
        multiple: r.integer('multiple'),
        mode: r.oneOf('mode', ['zeros', 'replicate'] as const, 'zeros'),
        anchor: r.oneOf('anchor', ['center', 'top-left'] as const, 'center'),
      };
    case 'to-tensor':
      r.allowOnly(['type', 'mean', 'std', 'arithmetic']);
      return {
        type,
        mean: r.numbers('mean', 3, { fallback: [0, 0, 0] })!,
        std: r.numbers('std', 3, { fallback: [1, 1, 1], nonZero: true })!,
        arithmetic: r.oneOf('arithmetic', ['torchvision', 'huggingface', 'float64'] as const, 'torchvision'),
      };
    default:
      throw new InvalidSpecError({
        path: `${r.path}.type`,
        expected: 'one of composite-alpha, center-crop-arr, resize, resize-short-side, resize-torchvision, center-crop, smart-resize, pad-to-multiple, to-tensor',
        received: type,
      });
  }
}

/**
 * Validates a `preprocessing` object (`{ steps: [...] }`): known step types and fields, defaults
 * filled in, `composite-alpha` only first, exactly one `to-tensor` and it last. Errors are
 * `InvalidSpecError`s naming the JSON path (`preprocessing.steps[2].size`).
 */
export function readPreprocessSteps(spec: unknown, path = 'preprocessing'): PreprocessStep[] {
  const steps = readStepList(spec, path).map(({ reader, type }) => readPreprocessStep(reader, type));
  steps.forEach((step, i) => {
    if (step.type === 'composite-alpha' && i !== 0) throw new InvalidSpecError({ path: `${path}.steps[${i}].type`, expected: 'composite-alpha only as the first step', received: step.type });
    if (step.type === 'to-tensor' && i !== steps.length - 1) throw new InvalidSpecError({ path: `${path}.steps[${i}].type`, expected: 'to-tensor only as the last step', received: step.type });
  });
  if (steps.at(-1)?.type !== 'to-tensor') throw new InvalidSpecError({ path: `${path}.steps`, expected: 'a list ending with a to-tensor step', received: steps.map((s) => s.type) });
  return steps;
}

/** Validates a `postprocessing` object: `to-uint8` first and once, then optionally `crop-padding`. */
export function readPostprocessSteps(spec: unknown, path = 'postprocessing'): PostprocessStep[] {
  const steps = readStepList(spec, path).map(({ reader: r, type }): PostprocessStep => {
    if (type === 'crop-padding') {
      r.allowOnly(['type']);
      return { type };
    }
    if (type !== 'to-uint8') throw new InvalidSpecError({ path: `${r.path}.type`, expected: 'to-uint8 or crop-padding', received: type });
    r.allowOnly(['type', 'mean', 'std', 'clamp', 'scale', 'offset', 'rounding']);
    const mean = r.numbers('mean', 3, { optional: true });
    const std = r.numbers('std', 3, { optional: true, nonZero: true });
    if ((mean === undefined) !== (std === undefined)) throw new InvalidSpecError({ path: `${r.path}.std`, expected: 'mean and std together (or neither)', received: std });
    const clamp = r.numbers('clamp', 2, { optional: true }) as [number, number] | undefined;
    if (clamp !== undefined && !(clamp[0] <= clamp[1])) throw new InvalidSpecError({ path: `${r.path}.clamp`, expected: '[low, high] with low <= high', received: clamp });
    return {
      type,
      ...(mean === undefined ? {} : { mean, std: std! }),
      ...(clamp === undefined ? {} : { clamp }),
      scale: r.number('scale', 255),
      offset: r.number('offset', 0),
      rounding: r.oneOf('rounding', ['truncate', 'half-even', 'half-up'] as const, 'truncate'),
    };
  });
  if (steps[0]?.type !== 'to-uint8' || steps.filter((s) => s.type === 'to-uint8').length !== 1) {
    throw new InvalidSpecError({ path: `${path}.steps`, expected: 'one to-uint8 step, first', received: steps.map((s) => s.type) });
  }
  return steps;
}

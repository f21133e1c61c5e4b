import type { BodySpec } from '../layout/layout-spec.js';
import { resolveDim, type BlockExtent, type BodyPlan, type Interleave, type ProgramPlan } from './body-plan.js';
import { coarseFirstPattern, delayPattern } from './lane-pattern.js';

type Dim = number | 'h' | 'w' | 'variable';

/** Number of slots (distinct offsets) a body uses. */
export function slotsOf(body: BodySpec): number {
  switch (body.type) {
    case 'grid':
      return 1;
    case 'frame-major':
    case 'codebook-major':
    case 'delay':
    case 'parallel':
    case 'coarse-first':
      return body.codebooks;
    case 'per-position':
      return body.positions.length;
    case 'multi-scale':
      return body.offsetPerScale === true ? body.scales.length : 1;
  }
}

function describeDims(dims: readonly Dim[]): string {
  return `[${dims.map((d) => (typeof d === 'number' ? String(d) : d === 'variable' ? 'n >= 0' : `${d} >= 1`)).join(', ')}]`;
}

function gridPlan(dims: readonly Dim[], rowEnd: number, frameEnd: number): ProgramPlan {
  const inner = dims.slice(1);
  const build = (h: number, w: number): Int32Array => {
    const ops: number[] = [];
    if (inner.length === 0) ops.push(0);
    else {
      const width = resolveDim(inner[inner.length - 1] as Dim, 0, h, w);
      const rows = inner.length === 2 ? resolveDim(inner[0] as Dim, 0, h, w) : 1;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < width; c++) ops.push(0);
        if (rowEnd >= 0) ops.push(-rowEnd - 1);
      }
      if (inner.length === 2 && frameEnd >= 0) ops.push(-frameEnd - 1);
    }
    return Int32Array.from(ops);
  };
  const dependsOnPrefix = inner.some((d) => d === 'h' || d === 'w');
  return {
    kind: 'program',
    count: dims[0] as Dim,
    staticUnit: dependsOnPrefix ? null : build(0, 0),
    unit: build,
    interleave: null,
    // The outermost dimension is the number of units read (fewer than declared after a lenient repair).
    shape: ({ units, h, w }) => dims.map((d, i) => (i === 0 ? units : resolveDim(d, units, h, w))),
    extentOf(shape) {
      if (shape.length !== dims.length) return describeDims(dims);
      let h = 0;
      let w = 0;
      for (let i = 0; i < dims.length; i++) {
        const d = dims[i] as Dim;
        const n = shape[i] as number;
        if (!Number.isInteger(n) || n < 0) return describeDims(dims);
        if (typeof d === 'number' && n !== d) return describeDims(dims);
        if ((d === 'h' || d === 'w') && n < 1) return describeDims(dims);
        if (d === 'h') {
          if (h !== 0 && h !== n) return describeDims(dims);
          h = n;
        }
        if (d === 'w') {
          if (w !== 0 && w !== n) return describeDims(dims);
          w = n;
        }
      }
      return { units: shape[0] as number, h, w };
    },
  };
}

function interleavePlan(rates: readonly number[], positions: readonly { stream: number; sub: number }[], frames: number | undefined): ProgramPlan {
  const matrix = rates.every((r) => r === 1);
  const total = rates.reduce((a, b) => a + b, 0);
  const interleave: Interleave = {
    rates: Int32Array.from(rates),
    stream: Int32Array.from(positions, (p) => p.stream),
    sub: Int32Array.from(positions, (p) => p.sub),
    matrix,
  };
  const unit = Int32Array.from(positions, (_, p) => p);
  const expected = matrix ? `[${rates.length}, ${frames ?? 'frames'}]` : `[${total} * ${frames ?? 'frames'}]`;
  return {
    kind: 'program',
    count: frames ?? 'variable',
    staticUnit: unit,
    unit: () => unit,
    interleave,
    shape: ({ units }) => (matrix ? [rates.length, units] : [total * units]),
    extentOf(shape) {
      let units: number;
      if (matrix) {
        if (shape.length !== 2 || shape[0] !== rates.length) return expected;
        units = shape[1] as number;
      } else {
        if (shape.length !== 1 || (shape[0] as number) % total !== 0) return expected;
        units = (shape[0] as number) / total;
      }
      if (!Number.isInteger(units) || units < 0 || (frames !== undefined && units !== frames)) return expected;
      return { units, h: 0, w: 0 };
    },
  };
}

function singleUnitPlan(unit: Int32Array, shape: number[]): ProgramPlan {
  return {
    kind: 'program',
    count: 1,
    staticUnit: unit,
    unit: () => unit,
    interleave: null,
    shape: () => shape.slice(),
    extentOf: (received) =>
      received.length === shape.length && received.every((n, i) => n === shape[i]) ? { units: 1, h: 0, w: 0 } : `[${shape.join(', ')}]`,
  };
}

function laneShape(lanes: number) {
  return {
    shape: ({ units }: BlockExtent) => [lanes, units],
    extentOf: (shape: readonly number[]): BlockExtent | string =>
      shape.length === 2 && shape[0] === lanes && Number.isInteger(shape[1]) && (shape[1] as number) >= 0
        ? { units: shape[1] as number, h: 0, w: 0 }
        : `[${lanes}, frames]`,
  };
}

/**
 * Compiles a body spec. `resolve` turns a token name into its id (row-end, frame-end, special).
 */
export function compileBody(body: BodySpec, resolve: (name: string, field: string) => number): BodyPlan {
  switch (body.type) {
    case 'grid':
      return gridPlan(
        body.shape,
        body.rowEnd === undefined ? -1 : resolve(body.rowEnd, 'body.rowEnd'),
        body.frameEnd === undefined ? -1 : resolve(body.frameEnd, 'body.frameEnd'),
      );
    case 'frame-major':
      return interleavePlan(
        Array.from({ length: body.codebooks }, () => 1),
        Array.from({ length: body.codebooks }, (_, k) => ({ stream: k, sub: 0 })),
        body.frames,
      );
    case 'per-position':
      return interleavePlan(body.rates, body.positions, body.frames);
    case 'codebook-major': {
      const unit = new Int32Array(body.codebooks * body.frames);
      for (let k = 0; k < body.codebooks; k++) unit.fill(k, k * body.frames, (k + 1) * body.frames);
      return singleUnitPlan(unit, [body.codebooks, body.frames]);
    }
    case 'multi-scale': {
      const ops: number[] = [];
      body.scales.forEach(([h, w], s) => {
        for (let i = 0; i < h * w; i++) ops.push(body.offsetPerScale === true ? s : 0);
      });
      return singleUnitPlan(Int32Array.from(ops), [ops.length]);
    }
    case 'delay':
    case 'parallel':
      return {
        kind: 'lanes',
        pattern: delayPattern(
          body.type === 'delay' ? (body.delays ?? Array.from({ length: body.codebooks }, (_, k) => k)) : Array.from({ length: body.codebooks }, () => 0),
          body.emptyInitial ?? 0,
        ),
        special: resolve(body.special, 'body.special'),
        ...laneShape(body.codebooks),
      };
    case 'coarse-first':
      return {
        kind: 'lanes',
        pattern: coarseFirstPattern(body.codebooks, body.delays ?? Array.from({ length: body.codebooks - 1 }, () => 0)),
        special: resolve(body.special, 'body.special'),
        ...laneShape(body.codebooks),
      };
  }
}

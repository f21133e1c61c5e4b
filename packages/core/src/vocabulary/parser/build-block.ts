import type { TokenBlock } from '../../modality/token-block.js';
import type { BlockExtent, Interleave, LanePlan, ProgramPlan } from '../compile/body-plan.js';
import type { CompiledSpace } from '../compile/compiled-layout.js';

/** Serial (sequence-order) codes of `units` units → the block's row-major codes. */
export function gatherInterleaved(serial: Int32Array, units: number, interleave: Interleave): Int32Array {
  const { rates, stream, sub } = interleave;
  const starts = new Int32Array(rates.length);
  for (let s = 1; s < rates.length; s++) starts[s] = (starts[s - 1] as number) + units * (rates[s - 1] as number);
  const positions = stream.length;
  const codes = new Int32Array(serial.length);
  for (let p = 0; p < positions; p++) {
    const s = stream[p] as number;
    const rate = rates[s] as number;
    let target = (starts[s] as number) + (sub[p] as number);
    for (let u = 0, k = p; u < units; u++, k += positions, target += rate) codes[target] = serial[k] as number;
  }
  return codes;
}

/** A finished program block from its serial codes (the first `units * cellsPerUnit` of them). */
export function buildProgramBlock(space: CompiledSpace, plan: ProgramPlan, serial: Int32Array, extent: BlockExtent): TokenBlock<string> {
  const codes = plan.interleave === null ? serial : gatherInterleaved(serial, extent.units, plan.interleave);
  const meta: Record<string, unknown> = { space: space.name };
  if (extent.h > 0) meta.resolution = [extent.h, extent.w];
  return { modality: space.modality, codes, shape: plan.shape(extent), meta };
}

/** A finished lane block: serial lane values (code or -1) over `steps` steps → `[lanes, frames]`. */
export function buildLaneBlock(space: CompiledSpace, plan: LanePlan, serial: Int32Array, steps: number, frames: number): TokenBlock<string> {
  const { pattern } = plan;
  const lanes = pattern.lanes;
  const codes = new Int32Array(lanes * frames);
  for (let s = 0, k = 0; s < steps; s++)
    for (let q = 0; q < lanes; q++, k++) {
      const f = pattern.frameAt(frames, s, q);
      if (f >= 0) codes[q * frames + f] = serial[k] as number;
    }
  return { modality: space.modality, codes, shape: plan.shape({ units: frames, h: 0, w: 0 }), meta: { space: space.name } };
}

const f = Math.fround;

/** float32 fused multiply-add: the product of two float32s is exact in double, then one rounding. */
function fma(x: number, y: number, z: number): number {
  return f(x * y + z);
}

const LOG2E = f(1.4426950408889634);
const LN2_HIGH = f(0.693145751953125);
const LN2_LOW = f(1.428606765330187e-6);
const COEFFICIENTS = [0.00139304355252534151077271, 0.00833336077630519866943359, 0.0416664853692054748535156, 0.166666671633720397949219, 0.5].map(f);
const FIRST = f(0.000198527617612853646278381);

/**
 * exp in float32 as torch computes it on x86-64 CPUs (vectorised float32 `torch.exp` is SLEEF's
 * `expf` 1.0-ulp variant with FMA): q = rint(x·log2 e), a two-constant Cody–Waite reduction
 * s = x − q·ln2, a degree-6 minimax polynomial evaluated with fused multiply-adds, scaled by 2^q.
 * It is not always the correctly rounded exp (about 9% of float32 inputs differ by one ulp), and
 * torchaudio's μ-law decoding depends on it. Tested against torch.exp on every μ-law code.
 */
export function expFloat32(x: number): number {
  const d = f(x);
  if (d < -104) return 0;
  if (d > 100) return Number.POSITIVE_INFINITY;
  const q = Math.round(f(d * LOG2E));
  // Math.round rounds halves up; the reduction uses round-half-even (vrint): fix the tie case.
  const qe = f(d * LOG2E) - Math.floor(f(d * LOG2E)) === 0.5 && q % 2 !== 0 ? q - 1 : q;
  let s = fma(qe, -LN2_HIGH, d);
  s = fma(qe, -LN2_LOW, s);
  let u = FIRST;
  for (const c of COEFFICIENTS) u = fma(u, s, c);
  u = f(1 + fma(f(s * s), u, s));
  return f(u * 2 ** qe);
}

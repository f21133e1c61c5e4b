/**
 * Rounds to the nearest integer, ties to even, like `torch.round` and `numpy.round`
 * (`Math.round` rounds ties up: 2.5 → 3, -2.5 → -2; this gives 2 and -2).
 * Keeps the sign of zero: `roundHalfEven(-0.4)` is `-0`.
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round(x) = floor(x + 0.5): on an exact tie it went up; step back when that is odd.
  if (r - x === 0.5 && r % 2 !== 0) return r - 1;
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

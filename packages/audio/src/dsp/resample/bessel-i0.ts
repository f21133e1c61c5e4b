/**
 * The modified Bessel function of the first kind, order 0, by its power series
 * Σ ((x/2)^k / k!)^2, summed until terms stop changing the double result. Used for Kaiser windows
 * (β ≤ ~50 in practice; the series converges for every finite x).
 */
export function besselI0(x: number): number {
  const half = x / 2;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= (half / k) * (half / k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

// Timing helpers shared by the quantizer benches: medians with their spread, and CPU time beside wall time.

/** Spread above which a side's runs are flagged as noisy: (max − min) / median. */
export const noisySpread = 0.2;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, min, max and spread ((max − min) / median) of timed runs in seconds; `noisy` past {@link noisySpread}. */
export function summarize(seconds) {
  const mid = median(seconds);
  const min = Math.min(...seconds);
  const max = Math.max(...seconds);
  const spread = (max - min) / mid;
  return { seconds, median: mid, min, max, spread, noisy: spread > noisySpread };
}

/** Runs `fn` once and returns its result with the wall and CPU (user + system, this process) seconds it took. */
export async function timeOnce(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await fn();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { result, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

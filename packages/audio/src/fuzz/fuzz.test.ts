// Short seeded runs of audio's fuzz targets (long runs: bench/fuzz), and their committed regressions.
import { describeFuzzTarget } from '@jointok/core/fuzz';
import { audioFuzzTargets, regressionFolder } from './index.js';

const runs: Record<string, number> = { 'audio/wav': 300, 'audio/compressed': 120 };
// The FLAC/MP3/Ogg decoders are WebAssembly: their compiled modules and memories stay with the process
// at their high-water mark. Measured bounded, not growing with the cases (148 MB after 120 cases, 139 MB
// after 360, seed 20), so the retained-memory budget allows that instead of the 64 MB default.
const retainedBytes = 256 * 1024 * 1024;

for (const target of audioFuzzTargets()) {
  describeFuzzTarget(target, { seed: 20, runs: runs[target.name] ?? 100, regressions: regressionFolder, minimumRejected: 10, budget: { retainedBytes } });
}

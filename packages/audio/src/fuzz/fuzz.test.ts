// Short seeded runs of audio's fuzz targets (long runs: bench/fuzz), and their committed regressions.
import { describeFuzzTarget } from '@jointok/core/fuzz';
import { audioFuzzTargets, regressionFolder } from './index.js';

const runs: Record<string, number> = { 'audio/wav': 300, 'audio/compressed': 120 };

for (const target of audioFuzzTargets()) {
  describeFuzzTarget(target, { seed: 20, runs: runs[target.name] ?? 100, regressions: regressionFolder, minimumRejected: 10 });
}

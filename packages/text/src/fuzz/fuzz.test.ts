// Short seeded runs of text's fuzz targets (long runs: bench/fuzz), and their committed regressions.
import { describeFuzzTarget } from '@jointok/core/fuzz';
import { regressionFolder, textFuzzTargets } from './index.js';

for (const target of textFuzzTargets()) {
  describeFuzzTarget(target, { seed: 20, runs: 150, regressions: regressionFolder });
}

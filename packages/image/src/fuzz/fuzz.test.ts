// Short seeded runs of image's fuzz targets (long runs: bench/fuzz), and their committed regressions.
import { describeFuzzTarget } from '@jointok/core/fuzz';
import { imageFuzzTargets, regressionFolder } from './index.js';

for (const target of imageFuzzTargets()) {
  describeFuzzTarget(target, { seed: 20, runs: 300, regressions: regressionFolder, minimumRejected: 30 });
}

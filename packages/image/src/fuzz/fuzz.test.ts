// Short seeded runs of image's fuzz targets (long runs: bench/fuzz), and their committed regressions.
import { describeFuzzTarget } from '@jointok/core/fuzz';
import { imageFuzzTargets, regressionFolder } from './index.js';

// The JPEG decoder is one cached WebAssembly instance whose memory only grows (WebAssembly memories never
// shrink): after a large valid JPEG it keeps that high-water mark, up to the pixel limit's worth. That is
// held, not leaked (a fresh instance replaces it only after a fatal libjpeg error), so the retained-memory
// budget of this target allows one such instance beyond the default.
const retainedBytes = 256 * 1024 * 1024;

for (const target of imageFuzzTargets()) {
  describeFuzzTarget(target, { seed: 20, runs: 300, regressions: regressionFolder, minimumRejected: 30, budget: { retainedBytes } });
}

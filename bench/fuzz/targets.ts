// Every package's fuzz targets, by name, for the long-run driver.
import type { AnyFuzzTarget } from '@jointok/core/fuzz';
import { coreFuzzTargets } from '../../packages/core/src/fuzz/index.js';
import { textFuzzTargets } from '../../packages/text/src/fuzz/index.js';
import { imageFuzzTargets } from '../../packages/image/src/fuzz/index.js';
import { audioFuzzTargets } from '../../packages/audio/src/fuzz/index.js';
import { videoFuzzTargets } from '../../packages/video/src/fuzz/index.js';

/** All targets; built lazily, since each reads its seed files. */
export function allFuzzTargets(): AnyFuzzTarget[] {
  return [...coreFuzzTargets(), ...textFuzzTargets(), ...imageFuzzTargets(), ...audioFuzzTargets(), ...videoFuzzTargets()];
}

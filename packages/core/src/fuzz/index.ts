// Core's fuzz targets (not published: tests and bench/fuzz import them from source).
import { layoutPresets } from '../vocabulary/presets/index.js';
import { toyArtifacts, toyHeadLayout, toyLayout, toyMixedHeadLayout } from '../vocabulary/__fixtures__/toy-layouts.js';
import { createJointVocabulary } from '../vocabulary/joint-vocabulary.js';
import type { AnyFuzzTarget } from '../testing/fuzz/fuzz-target.js';
import { jointParseTarget } from './joint-parse-target.js';
import { layoutTarget, type LayoutSeed } from './layout-target.js';
import { manifestTarget } from './manifest-target.js';
import { quantizerSeeds, quantizerSpecTarget } from './quantizer-spec-target.js';
import { safetensorsTarget } from './safetensors-target.js';
import { manifestSeeds, safetensorsSeeds } from './seeds.js';

export { jointParseTarget, layoutTarget, manifestTarget, quantizerSpecTarget, safetensorsTarget };
export { regressionFolder } from './seeds.js';

/** Seed layouts: the toy layouts (every body kind) with their vocabulary, and the published presets (their tokens then resolve only by id). */
export function layoutSeeds(): LayoutSeed[] {
  return [toyLayout, toyHeadLayout, toyMixedHeadLayout, ...Object.values(layoutPresets)].map((layout) => ({ layout, artifacts: toyArtifacts }));
}

/** Every core target, built from the repository's seed files. */
export function coreFuzzTargets(): AnyFuzzTarget[] {
  return [
    manifestTarget(manifestSeeds()),
    layoutTarget(layoutSeeds()),
    safetensorsTarget(safetensorsSeeds()),
    jointParseTarget([toyLayout, toyHeadLayout, toyMixedHeadLayout].map((layout) => createJointVocabulary(layout, toyArtifacts))),
    quantizerSpecTarget(quantizerSeeds()),
  ] as AnyFuzzTarget[];
}

import { createJointTokenizer, type JointokTokenizer, type LayoutSpec } from 'jointok';
import { inStage } from '../failure/stage.js';
import { jointOptionsFromFlags, type ModelFlags, type ModelReferences } from './model-flags.js';

/** A joint tokenizer opened from the command's flags, and what to record about it. */
export interface OpenedJointTokenizer {
  readonly joint: JointokTokenizer;
  readonly references: ModelReferences;
}

/**
 * Builds the joint tokenizer of the flags (defaults: o200k_base, the built-in image model, μ-law 16 kHz,
 * jointok-default). A layout spec given directly (from a tokens file) replaces `flags.layout`;
 * `sessionThreads` caps each ONNX session's threads (pool workers use 1: the pool is the parallelism).
 */
export async function openJointTokenizer(flags: ModelFlags, layoutSpec?: { file: string; spec: LayoutSpec }, options: { sessionThreads?: number } = {}): Promise<OpenedJointTokenizer> {
  return inStage('models', async () => {
    const { options: built, references } = jointOptionsFromFlags(layoutSpec === undefined ? flags : { ...flags, layout: undefined });
    const load = options.sessionThreads === undefined ? {} : { load: { session: { threads: options.sessionThreads } } };
    const joint = await createJointTokenizer({ ...built, ...load, ...(layoutSpec !== undefined && { layout: layoutSpec.spec }) });
    const recorded: ModelReferences = {
      ...references,
      ...(layoutSpec !== undefined && { layout: layoutSpec }),
      ...(joint.models.image !== undefined && { image: references.image ?? 'jointok-image-base' }),
      ...(joint.models.audio !== undefined && { audio: references.audio ?? joint.models.audio }),
      ...(references.video !== undefined && joint.models.video !== undefined && { video: references.video }),
    };
    return { joint, references: recorded };
  });
}

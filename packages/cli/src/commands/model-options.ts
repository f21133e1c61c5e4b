import { Option, type Command } from 'commander';
import type { ModelFlags } from '../models/model-flags.js';

/**
 * Adds the model options (`--layout`, `--text-model`, `--image-model`, `--audio-model`, `--video-model`) to a
 * command; each also reads an environment variable (`JOINTOK_IMAGE_MODEL`, ...), which the flag overrides.
 */
export function withModelOptions(command: Command): Command {
  return command
    .addOption(new Option('--layout <name|file>', 'layout preset name or layout JSON file (default: jointok-default)').env('JOINTOK_LAYOUT'))
    .addOption(new Option('--text-model <name|file>', 'o200k_base (default), cl100k_base, or a tokenizer.json file').env('JOINTOK_TEXT_MODEL'))
    .addOption(new Option('--image-model <source>', 'image model: folder, URL or hf:owner/name@rev (default: the built-in jointok-image-base)').env('JOINTOK_IMAGE_MODEL'))
    .addOption(new Option('--audio-model <source>', 'mu-law (default, 16 kHz), mu-law@<rate>, or a codec model folder/URL/hf: id (SNAC, DAC, EnCodec, Mimi, WavTokenizer)').env('JOINTOK_AUDIO_MODEL'))
    .addOption(new Option('--video-model <source>', 'per-frame (default: each frame through the image model), or a video model folder/URL/hf: id (Cosmos DV)').env('JOINTOK_VIDEO_MODEL'));
}

/** The model flags of parsed options. */
export function modelFlags(options: Record<string, unknown>): ModelFlags {
  const get = (key: string) => (typeof options[key] === 'string' ? (options[key] as string) : undefined);
  return { layout: get('layout'), textModel: get('textModel'), imageModel: get('imageModel'), audioModel: get('audioModel'), videoModel: get('videoModel') };
}

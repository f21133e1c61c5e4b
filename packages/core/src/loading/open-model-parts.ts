import { InvalidSpecError } from '../errors/invalid-spec-error.js';
import type { Quantizer } from '../quantizers/quantizer.js';
import type { ModelRepository } from '../repository/load/model-repository.js';
import type { Session } from '../runtime/session.js';
import { createQuantizerFromRepository } from './create-quantizer-from-repository.js';
import type { FamilyLoadOptions } from './tokenizer-family.js';

/** What {@link openModelParts} opened: the graphs by role, the manifest's quantizer, and one release for all. */
export interface ModelParts {
  /** The session of the file with role `encoder`, if the manifest lists one. */
  readonly encoder?: Session;
  /** The session of the file with role `decoder`. */
  readonly decoder: Session;
  /** The manifest's `quantizer` with its safetensors weights, if the manifest has one (graphs may take codes). */
  readonly quantizer?: Quantizer;
  /** Releases every session opened. */
  release(): Promise<void>;
}

/** Which parts a family needs: by default the decoder is required and the encoder and quantizer optional. */
export interface ModelPartsRequirements {
  readonly encoder?: 'required' | 'optional';
  readonly quantizer?: 'required' | 'optional';
}

/** The path of the file with `role`, or undefined; a role listed twice is a manifest error. */
export function fileWithRole(repository: ModelRepository, role: string): string | undefined {
  const files = repository.manifest.files.filter((f) => f.role === role);
  if (files.length > 1) throw new InvalidSpecError({ path: 'files', expected: `at most one file with role "${role}"`, received: files.map((f) => f.path) });
  return files[0]?.path;
}

/**
 * Opens what an encoder/decoder tokenizer is made of, as a family's `load` needs it: the ONNX sessions of the
 * files with roles `encoder` and `decoder` (through `options.createSession`, so the caller's runtime settings
 * apply) and the manifest's quantizer. If anything fails, what was opened is released before the error
 * propagates; afterwards `release()` is the tokenizer's to call.
 */
export async function openModelParts(repository: ModelRepository, options: FamilyLoadOptions, requirements: ModelPartsRequirements = {}): Promise<ModelParts> {
  const { manifest } = repository;
  const decoderPath = fileWithRole(repository, 'decoder');
  if (decoderPath === undefined) throw new InvalidSpecError({ path: 'files', expected: 'a file with role "decoder"', received: manifest.files.map((f) => f.path) });
  const encoderPath = fileWithRole(repository, 'encoder');
  if (encoderPath === undefined && requirements.encoder === 'required') {
    throw new InvalidSpecError({ path: 'files', expected: 'a file with role "encoder"', received: manifest.files.map((f) => f.path) });
  }
  if (manifest.quantizer === undefined && requirements.quantizer === 'required') throw new InvalidSpecError({ path: 'quantizer', expected: 'a quantizer spec', received: undefined });
  const fileOptions = options.signal === undefined ? {} : { signal: options.signal };
  const sessions: Session[] = [];
  const release = async (): Promise<void> => {
    await Promise.all(sessions.splice(0).map((s) => s.release()));
  };
  const open = async (path: string): Promise<Session> => {
    const session = await options.createSession(await repository.file(path, fileOptions));
    sessions.push(session);
    return session;
  };
  try {
    const quantizer =
      manifest.quantizer === undefined
        ? undefined
        : await createQuantizerFromRepository(repository, { ...fileOptions, ...(options.nearestSearch === undefined ? {} : { nearestSearch: options.nearestSearch }) });
    const encoder = encoderPath === undefined ? undefined : await open(encoderPath);
    const decoder = await open(decoderPath);
    return { decoder, release, ...(encoder === undefined ? {} : { encoder }), ...(quantizer === undefined ? {} : { quantizer }) };
  } catch (error) {
    await release();
    throw error;
  }
}

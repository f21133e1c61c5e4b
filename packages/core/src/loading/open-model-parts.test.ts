// openModelParts: the sessions and quantizer of an encoder/decoder repository, released on failure.
import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../errors/invalid-spec-error.js';
import type { ModelRepository } from '../repository/load/model-repository.js';
import type { Session } from '../runtime/session.js';
import { openModelParts } from './open-model-parts.js';
import type { FamilyLoadOptions } from './tokenizer-family.js';

function repository(files: { path: string; role: string }[], failing = new Set<string>()): ModelRepository {
  return {
    source: { kind: 'local', path: '/x' } as never,
    format: 'jointok',
    manifest: { manifestVersion: 1, modality: 'image', family: 'test', files: files.map((f) => ({ ...f, sha256: '0'.repeat(64), size: 1 })) } as never,
    async file(path: string) {
      if (failing.has(path)) throw new Error(`cannot read ${path}`);
      return new TextEncoder().encode(path);
    },
    fileUrl: (path: string) => `file:///x/${path}`,
    json: async () => ({}) as never,
  };
}

function sessions(): { options: FamilyLoadOptions; opened: string[]; released: string[] } {
  const opened: string[] = [];
  const released: string[] = [];
  const options = {
    async createSession(model: Uint8Array) {
      const name = new TextDecoder().decode(model);
      opened.push(name);
      return { inputNames: [], outputNames: [], run: async () => ({}), release: async () => void released.push(name) } as unknown as Session;
    },
  } as FamilyLoadOptions;
  return { options, opened, released };
}

describe('openModelParts', () => {
  it('opens the encoder and decoder by role; release() releases both once', async () => {
    const { options, opened, released } = sessions();
    const parts = await openModelParts(repository([{ path: 'e.onnx', role: 'encoder' }, { path: 'd.onnx', role: 'decoder' }]), options);
    expect(opened).toEqual(['e.onnx', 'd.onnx']);
    expect(parts.quantizer).toBeUndefined();
    await parts.release();
    await parts.release();
    expect(released.sort()).toEqual(['d.onnx', 'e.onnx']);
  });

  it('releases what it opened when a later part fails', async () => {
    const { options, released } = sessions();
    await expect(openModelParts(repository([{ path: 'e.onnx', role: 'encoder' }, { path: 'd.onnx', role: 'decoder' }], new Set(['d.onnx'])), options)).rejects.toThrow(/cannot read d\.onnx/);
    expect(released).toEqual(['e.onnx']);
  });

  it('names a missing or doubled role as a manifest error', async () => {
    const { options } = sessions();
    await expect(openModelParts(repository([{ path: 'e.onnx', role: 'encoder' }]), options)).rejects.toThrow(InvalidSpecError);
    await expect(openModelParts(repository([{ path: 'd.onnx', role: 'decoder' }]), options, { encoder: 'required' })).rejects.toThrow(/role "encoder"/);
    await expect(openModelParts(repository([{ path: 'a.onnx', role: 'decoder' }, { path: 'b.onnx', role: 'decoder' }]), options)).rejects.toThrow(/at most one file with role "decoder"/);
    await expect(openModelParts(repository([{ path: 'd.onnx', role: 'decoder' }]), options, { quantizer: 'required' })).rejects.toThrow(InvalidSpecError);
  });
});

import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UnsupportedError, type ContentPart } from 'jointok';
import { InputNotFoundError } from '../errors/index.js';
import { detectContent, type ContentKind } from './detect-content.js';

/** A content part read from the command line or a document, with what it came from. */
export interface SourcedPart {
  readonly part: ContentPart;
  /** The file's base name, or `undefined` for inline text. */
  readonly name: string | undefined;
  readonly kind: ContentKind;
}

/** True for arguments that look like a file path rather than prose: no spaces and a file extension or a slash. */
function looksLikePath(argument: string): boolean {
  return !/\s/.test(argument) && (/\.[A-Za-z0-9]{1,5}$/.test(argument) || argument.includes('/'));
}

/** The content part of a file's bytes, detected by content. */
export function partFromBytes(bytes: Uint8Array, path: string): SourcedPart {
  const kind = detectContent(bytes);
  const name = basename(path);
  switch (kind.modality) {
    case 'image':
      return { part: { type: 'image', image: bytes }, name, kind };
    case 'audio':
      return { part: { type: 'audio', audio: bytes }, name, kind };
    case 'text':
      return { part: { type: 'text', text: new TextDecoder().decode(bytes) }, name, kind };
    case 'video':
      return { part: { type: 'video', video: bytes }, name, kind };
    default:
      throw new UnsupportedError({ feature: `the content of ${path}`, supported: ['text', 'PNG', 'JPEG', 'WAV', 'FLAC', 'MP3', 'Ogg', 'Y4M'], message: `${path} holds ${kind.format}, which jointok cannot encode. Supported: UTF-8 text, PNG, JPEG, WAV, FLAC, MP3, Ogg (Vorbis/Opus), Y4M video.` });
  }
}

/** Reads a file into a part; a missing file is an {@link InputNotFoundError}. */
export async function partFromFile(path: string, role = 'file'): Promise<SourcedPart> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ENOENT') throw notFound(path, role, cause);
    throw cause;
  }
  return partFromBytes(bytes, path);
}

function notFound(path: string, role: string, cause: unknown): InputNotFoundError {
  return new InputNotFoundError({ path, role, cause });
}

/**
 * One command-line part: `text:<string>` is always text; an existing file is read and detected by
 * content; a missing path-like argument (`photo.png`, `data/x`) is an error rather than silently text;
 * anything else is text.
 */
export async function partFromArgument(argument: string): Promise<SourcedPart> {
  if (argument.startsWith('text:')) return { part: { type: 'text', text: argument.slice(5) }, name: undefined, kind: { modality: 'text', format: 'utf-8' } };
  const info = await stat(argument).catch(() => undefined);
  if (info?.isFile()) return partFromFile(argument);
  if (info?.isDirectory()) throw new UnsupportedError({ feature: 'a folder as a part', message: `${argument} is a folder; encode takes files or text (use \`jointok pretokenize ${argument}\` for a dataset).` });
  if (looksLikePath(argument)) throw new InputNotFoundError({ path: resolve(argument), role: 'file', message: `No such file: ${argument}` });
  return { part: { type: 'text', text: argument }, name: undefined, kind: { modality: 'text', format: 'utf-8' } };
}

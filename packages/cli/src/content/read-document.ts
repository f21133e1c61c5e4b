import { dirname, resolve } from 'node:path';
import { InvalidSpecError } from 'jointok';
import { partFromFile, type SourcedPart } from './read-part.js';

/**
 * A chat-style document: `{ "content": [parts] }` or `{ "messages": [{ "role", "content" }] }` (the
 * messages' content parts in order; a string content is one text part). A part is
 * `{ "type": "text", "text": "..." }` or `{ "type": "image" | "audio", "path": "file" }` (also
 * `"image": "file"`), with paths relative to the document's folder.
 */
export interface DocumentJson {
  readonly id?: string;
  readonly content?: readonly unknown[];
  readonly messages?: readonly { readonly role?: string; readonly content?: unknown }[];
}

function documentParts(document: unknown, where: string): unknown[] {
  if (typeof document !== 'object' || document === null) throw new InvalidSpecError({ path: where, expected: '{ "content": [...] } or { "messages": [...] }', received: document });
  const { content, messages } = document as DocumentJson;
  if (Array.isArray(content)) return content;
  if (Array.isArray(messages)) {
    return messages.flatMap((message, i) => {
      const inner = message?.content;
      if (typeof inner === 'string') return [{ type: 'text', text: inner }];
      if (Array.isArray(inner)) return inner;
      throw new InvalidSpecError({ path: `${where}.messages[${i}].content`, expected: 'a string or an array of parts', received: inner });
    });
  }
  throw new InvalidSpecError({ path: where, expected: 'a "content" or "messages" array', received: Object.keys(document) });
}

/** Reads the parts of a chat-style document; files are read and detected by content. */
export async function partsFromDocument(document: unknown, options: { baseDir: string; where: string }): Promise<SourcedPart[]> {
  const parts: SourcedPart[] = [];
  for (const [i, raw] of documentParts(document, options.where).entries()) {
    const where = `${options.where}.content[${i}]`;
    const part = raw as { type?: unknown; text?: unknown; path?: unknown; [key: string]: unknown };
    if (part?.type === 'text' && typeof part.text === 'string') {
      parts.push({ part: { type: 'text', text: part.text }, name: undefined, kind: { modality: 'text', format: 'utf-8' } });
      continue;
    }
    const path = typeof part?.path === 'string' ? part.path : typeof part?.type === 'string' && typeof part[part.type] === 'string' ? (part[part.type] as string) : undefined;
    if ((part?.type === 'image' || part?.type === 'audio' || part?.type === 'video') && path !== undefined) {
      const sourced = await partFromFile(resolve(options.baseDir, path), `${part.type} file`);
      if (sourced.kind.modality !== part.type) throw new InvalidSpecError({ path: where, expected: `a ${part.type} file`, received: `${path} (${sourced.kind.modality}, ${sourced.kind.format})` });
      parts.push(sourced);
      continue;
    }
    throw new InvalidSpecError({ path: where, expected: '{ "type": "text", "text": "..." } or { "type": "image" | "audio", "path": "file" }', received: raw });
  }
  return parts;
}

/** The folder a document's relative paths are resolved against. */
export function documentBaseDir(documentPath: string): string {
  return dirname(resolve(documentPath));
}

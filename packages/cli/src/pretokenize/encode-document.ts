import type { JointokTokenizer } from 'jointok';
import { partsFromDocument } from '../content/read-document.js';
import { partFromFile } from '../content/read-part.js';
import type { DatasetDocument } from './documents.js';

/** Encodes one dataset document: its ids and the token count per modality. */
export async function encodeDocument(joint: JointokTokenizer, document: DatasetDocument): Promise<{ ids: Int32Array; counts: Record<string, number> }> {
  const parts = document.kind === 'file' ? [await partFromFile(document.path, 'dataset file')] : await partsFromDocument(document.document, { baseDir: document.baseDir, where: document.id });
  const { ids, spans } = await joint.encode(parts.map((p) => p.part));
  const counts: Record<string, number> = {};
  for (const span of spans) counts[span.modality] = (counts[span.modality] ?? 0) + span.end - span.start;
  return { ids: ids.slice(), counts };
}

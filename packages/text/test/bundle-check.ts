// Browser-bundle check of @jointok/text (see CONTRIBUTING.md, "Browser bundle checks"): runs in Node
// and in the Vite and esbuild bundles of the integration tests, which compare the results. It imports
// only the published entry points, as an app does.
import { DisallowedSpecialTokenError, getEncoding } from '@jointok/text';
import { BatchWorkerError, createBatchEncoder } from '@jointok/text/batch';
import { o200kBase } from '@jointok/text/o200k_base';

/** esbuild does not build workers itself: the integration build emits this entry and passes its URL. */
export const esbuildEntries = { 'jointok-text-worker': '@jointok/text/batch/worker' };

const texts = [
  'Hello, world! Tokenizers in the browser.',
  'Ünïcödé, 中文字符, العربية, emoji 🎉👩‍👩‍👧 and a tab\tbetween.',
  '    indented code: const x = y ** 2; // comment\n\n\n',
  'numbers 1234567 3.14159 and CAPITALS and contractions: it’s, they’re, we\'ll',
];

export default async function check(context: { entryUrl(name: string): URL | undefined }): Promise<Record<string, unknown>> {
  const o200k = o200kBase();
  const cl100k = await getEncoding('cl100k_base');
  const ids = texts.map((text) => o200k.encode(text));
  const pool = createBatchEncoder({ encoding: 'o200k_base', workers: 2, workerUrl: context.entryUrl('jointok-text-worker') });
  try {
    const batch = await pool.encodeBatch(texts);
    const refused = await pool.encodeBatch(['fine', 'not <|endoftext|> fine']).then(
      () => 'resolved',
      (error: unknown) => ({ sameClass: error instanceof DisallowedSpecialTokenError, offset: (error as DisallowedSpecialTokenError).offset }),
    );
    return {
      o200k: ids,
      roundTrip: ids.every((row, i) => o200k.decode(row) === texts[i]),
      cl100k: texts.map((text) => cl100k.encode(text)),
      special: o200k.encode('a<|endoftext|>', { allowedSpecial: 'all' }),
      batch,
      batchEqualsEncode: batch.every((row, i) => Array.from(row).join() === (ids[i] as number[]).join()),
      refused,
      missingWorker: await missingWorker(),
    };
  } finally {
    await pool.close();
  }
}

/** A worker script that is not there: the call must reject (reason `start`), not hang. */
async function missingWorker(): Promise<unknown> {
  const pool = createBatchEncoder({ encoding: 'cl100k_base', workers: 1, workerUrl: new URL('./no-such-worker.js', import.meta.url) });
  return pool.encodeBatch(['x']).then(
    () => 'resolved',
    (error: unknown) => ({ batchWorkerError: BatchWorkerError.isInstance(error), reason: (error as BatchWorkerError).reason }),
  );
}

// Run as a child process by batch.test.ts: encodes one batch and never closes the pool. The process
// must still end by itself (an idle pool does not keep it alive).
const { createBatchEncoder } = await import(process.argv[2]);
const pool = createBatchEncoder({ encoding: 'o200k_base', workers: 2 });
const ids = await pool.encodeBatch(['hello world', 'idle pools let the process exit']);
console.log(JSON.stringify(ids.map((a) => Array.from(a))));

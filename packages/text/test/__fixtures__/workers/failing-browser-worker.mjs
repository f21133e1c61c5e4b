// The real browser batch worker (built) plus a failure on demand, for the pool's tests under the Web
// Worker shim: a batch whose first text is 'throw now' throws an uncaught TypeError.
await import(new URL('../../../dist/batch/worker.browser.js', import.meta.url).href);
globalThis.addEventListener('message', (event) => {
  if (event.data.texts?.[0] === 'throw now') throw new TypeError('thrown on purpose');
});

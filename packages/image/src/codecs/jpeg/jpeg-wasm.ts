/**
 * How the libjpeg-turbo (MozJPEG) WebAssembly decoder of `@jsquash/jpeg` gets its module: Node reads
 * the `.wasm` file next to the package (Node's fetch cannot read `file:` URLs); browsers and bundlers
 * let the package's own glue fetch it relative to its `import.meta.url`, which bundlers rewrite.
 * `undefined` means "use the package's own loading".
 */
export type JpegWasmSource = () => Promise<WebAssembly.Module | undefined>;

/** The browser / bundler default: the package's own loading. */
export const packagedJpegWasm: JpegWasmSource = async () => undefined;

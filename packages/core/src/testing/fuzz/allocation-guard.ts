/** One allocation request that the guard refused. */
export interface RefusedAllocation {
  /** Bytes requested. */
  readonly bytes: number;
  /** What asked: `Float32Array`, `ArrayBuffer`, `Buffer.alloc`, `WebAssembly.Memory.grow`, ... */
  readonly what: string;
}

/** What an installed {@link installAllocationGuard} saw. */
export interface AllocationGuard {
  /** The largest single request seen, in bytes (refused ones included). */
  readonly largestRequest: number;
  /** Every request over the limit; each was refused with a `RangeError` before any memory was taken. */
  readonly refused: readonly RefusedAllocation[];
  /** Puts the original constructors back. */
  uninstall(): void;
}

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

const WASM_PAGE = 65536;

/**
 * Watches every allocation of ArrayBuffer-backed memory while installed: `new ArrayBuffer`,
 * `new SharedArrayBuffer` (with `maxByteLength`), every typed-array constructor and `from`/`of`,
 * `Buffer.alloc*` and `Buffer.concat`, and WebAssembly memories (`new WebAssembly.Memory`, `grow`,
 * counted as the memory's whole size after growing, since growing may copy it). A request over
 * `limitBytes` is recorded and refused with a `RangeError`, so a hostile input cannot make the
 * process take gigabytes; the caller reads `refused` afterwards, because code under test may catch
 * the `RangeError` and wrap it.
 *
 * What it cannot see, and the fuzz runner measures otherwise (peak resident memory, retained heap):
 * memory V8 allocates internally (plain arrays, strings, objects, `TextEncoder` output, species copies
 * such as `typedArray.slice()`) and memory grown by a WebAssembly `memory.grow` instruction.
 * Constructors captured before installation (`const F = Float32Array`) bypass it too.
 */
export function installAllocationGuard(limitBytes: number): AllocationGuard {
  const state = { largestRequest: 0, refused: [] as RefusedAllocation[] };
  const restores: (() => void)[] = [];
  const check = (bytes: number, what: string): void => {
    if (!(bytes >= 0)) return; // NaN or negative: the constructor throws its own RangeError.
    if (bytes > state.largestRequest) state.largestRequest = bytes;
    if (bytes > limitBytes) {
      state.refused.push({ bytes, what });
      throw new RangeError(`fuzz allocation guard: ${what} of ${bytes} bytes refused (limit ${limitBytes})`);
    }
  };
  const global = globalThis as unknown as Record<string, unknown>;
  const replaceGlobal = (name: string, replacement: unknown): void => {
    const original = global[name];
    global[name] = replacement;
    restores.push(() => {
      global[name] = original;
    });
  };

  for (const name of TYPED_ARRAYS) {
    const original = global[name] as (new (...args: unknown[]) => object) & { BYTES_PER_ELEMENT: number };
    replaceGlobal(
      name,
      new Proxy(original, {
        construct(target, args, newTarget) {
          check(typedArrayBytes(args[0], target.BYTES_PER_ELEMENT), name);
          return Reflect.construct(target, args, newTarget === proxyOf(name) ? target : newTarget);
        },
      }),
    );
  }
  for (const name of ['ArrayBuffer', 'SharedArrayBuffer']) {
    const original = global[name] as new (...args: unknown[]) => object;
    replaceGlobal(
      name,
      new Proxy(original, {
        construct(target, args, newTarget) {
          const length = Number(args[0] ?? 0);
          const maximum = Number((args[1] as { maxByteLength?: unknown } | undefined)?.maxByteLength ?? 0);
          check(Math.max(length, maximum), name);
          return Reflect.construct(target, args, newTarget === proxyOf(name) ? target : newTarget);
        },
      }),
    );
  }
  function proxyOf(name: string): unknown {
    return global[name];
  }

  const buffer = (globalThis as unknown as { Buffer?: Record<string, unknown> }).Buffer;
  if (buffer !== undefined) {
    for (const method of ['alloc', 'allocUnsafe', 'allocUnsafeSlow']) {
      const original = buffer[method] as (size: number, ...rest: unknown[]) => unknown;
      buffer[method] = (size: number, ...rest: unknown[]) => {
        check(Number(size), `Buffer.${method}`);
        return original.call(buffer, size, ...rest);
      };
      restores.push(() => {
        buffer[method] = original;
      });
    }
    const concat = buffer['concat'] as (list: readonly Uint8Array[], totalLength?: number) => unknown;
    buffer['concat'] = (list: readonly Uint8Array[], totalLength?: number) => {
      check(totalLength ?? (Array.isArray(list) ? list.reduce((sum, item) => sum + (item?.length ?? 0), 0) : 0), 'Buffer.concat');
      return concat.call(buffer, list, totalLength);
    };
    restores.push(() => {
      buffer['concat'] = concat;
    });
  }

  const memory = WebAssembly.Memory;
  const grow = memory.prototype.grow;
  memory.prototype.grow = function guardedGrow(this: WebAssembly.Memory, delta: number): number {
    check(this.buffer.byteLength + Number(delta) * WASM_PAGE, 'WebAssembly.Memory.grow');
    return grow.call(this, delta);
  };
  restores.push(() => {
    memory.prototype.grow = grow;
  });
  const wasm = WebAssembly as unknown as Record<string, unknown>;
  wasm['Memory'] = new Proxy(memory, {
    construct(target, args, newTarget) {
      check(Number((args[0] as { initial?: unknown } | undefined)?.initial ?? 0) * WASM_PAGE, 'WebAssembly.Memory');
      return Reflect.construct(target, args, newTarget === wasm['Memory'] ? target : newTarget);
    },
  });
  restores.push(() => {
    wasm['Memory'] = memory;
  });

  let installed = true;
  return {
    get largestRequest() {
      return state.largestRequest;
    },
    refused: state.refused,
    uninstall() {
      if (!installed) return;
      installed = false;
      for (const restore of restores.reverse()) restore();
    },
  };
}

/** Bytes a typed-array constructor call allocates: a length, or an array-like's length; views of a buffer take none. */
function typedArrayBytes(first: unknown, bytesPerElement: number): number {
  if (typeof first === 'number') return first * bytesPerElement;
  if (first === undefined || first === null) return 0;
  if (first instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && first instanceof SharedArrayBuffer)) return 0;
  if (typeof first === 'object') {
    const length = (first as { length?: unknown }).length;
    if (typeof length === 'number') return length * bytesPerElement;
  }
  return 0;
}

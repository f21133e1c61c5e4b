import { InvalidArgumentError, JointokError, MissingDependencyError, UnsupportedError } from '@jointok/core';
import { DisallowedSpecialTokenError, InvalidUtf8Error, InvalidVocabularyError, LossyConversionError, UnknownTokenIdError, UnsupportedRegexError } from '../errors/index.js';

/**
 * An error as it crosses `postMessage`. Structured cloning keeps only the built-in error types, so a
 * `DisallowedSpecialTokenError` would arrive as a plain `Error` without its fields: the worker sends its
 * name, own fields and `Symbol.for` markers instead, and the pool rebuilds it.
 */
export interface TransferredError {
  name: string;
  message: string;
  stack?: string;
  /** Keys of the error's `Symbol.for` markers (what the `isInstance` checks read). */
  markers: string[];
  /** The error's other own fields (`code`, typed fields), where they can be cloned. */
  fields: Record<string, unknown>;
  cause?: TransferredError | undefined;
}

// Keyed by the errors' `name` fields, which survive minification (class names may not).
const knownErrors: Readonly<Record<string, { prototype: Error }>> = {
  DisallowedSpecialTokenError,
  InvalidUtf8Error,
  InvalidVocabularyError,
  LossyConversionError,
  UnknownTokenIdError,
  UnsupportedRegexError,
  InvalidArgumentError,
  MissingDependencyError,
  UnsupportedError,
  JointokError,
  TypeError,
  RangeError,
  SyntaxError,
};

const maxCauseDepth = 4;

/** What a worker posts for an error it caught (anything thrown, not only `Error`s). */
export function transferError(error: unknown, depth = 0): TransferredError {
  if (typeof error !== 'object' || error === null) return { name: 'Error', message: String(error), markers: [], fields: {} };
  const source = error as Record<string | symbol, unknown> & { name?: unknown; message?: unknown; stack?: unknown; cause?: unknown };
  const markers: string[] = [];
  for (const key of Object.getOwnPropertySymbols(source)) {
    const name = Symbol.keyFor(key);
    if (name !== undefined && source[key] === true) markers.push(name);
  }
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (key === 'message' || key === 'stack' || key === 'cause') continue;
    fields[key] = cloneable(source[key]);
  }
  return {
    name: typeof source.name === 'string' ? source.name : 'Error',
    message: typeof source.message === 'string' ? source.message : String(error),
    ...(typeof source.stack === 'string' ? { stack: source.stack } : {}),
    markers,
    fields,
    cause: source.cause === undefined || depth >= maxCauseDepth ? undefined : transferError(source.cause, depth + 1),
  };
}

/**
 * The error a worker sent, rebuilt in this thread: an instance of the same class when jointok knows
 * it (so `instanceof` and `isInstance` both hold), with its fields, message, stack and cause.
 */
export function reviveError(transferred: TransferredError): Error {
  const known = Object.hasOwn(knownErrors, transferred.name) ? knownErrors[transferred.name] : undefined;
  const prototype = known?.prototype ?? (transferred.markers.includes('jointok.error') ? JointokError.prototype : Error.prototype);
  const error = Object.create(prototype) as Error & Record<string | symbol, unknown>;
  for (const marker of transferred.markers) error[Symbol.for(marker)] = true;
  // Fields first: jointok errors assign `name` in their constructors, which makes it own and enumerable.
  Object.assign(error, transferred.fields);
  // Own and non-enumerable, as the Error constructor makes them.
  define(error, 'message', transferred.message);
  if (!Object.hasOwn(error, 'name')) define(error, 'name', transferred.name);
  if (transferred.stack !== undefined) define(error, 'stack', transferred.stack);
  if (transferred.cause !== undefined) define(error, 'cause', reviveError(transferred.cause));
  return error;
}

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
}

function cloneable(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return String(value);
  }
}

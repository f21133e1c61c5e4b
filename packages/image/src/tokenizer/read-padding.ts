import { InvalidArgumentError } from '@jointok/core';
import type { Padding } from '../transforms/pad.js';

const FIELDS = ['top', 'left', 'bottom', 'right', 'width', 'height'] as const;

/** The padding recorded in a block's `meta` (absent in blocks parsed from model output), checked. */
export function readPadding(meta: Readonly<Record<string, unknown>>): Padding | undefined {
  const value = meta.padding;
  if (value === undefined) return undefined;
  const record = value as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null || FIELDS.some((f) => !Number.isSafeInteger(record[f]) || (record[f] as number) < 0)) {
    throw new InvalidArgumentError({ argument: 'block.meta.padding', expected: '{ top, left, bottom, right, width, height } of non-negative integers', received: value });
  }
  return record as unknown as Padding;
}

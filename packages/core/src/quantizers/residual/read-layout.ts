import { readBoolean, readEnum } from '../spec/spec-fields.js';
import type { ChannelAxis, IndexLayout, QuantizerSpec } from '../quantizer.js';

/** The layout fields of a spec with their defaults applied (as `createLayoutQuantizer` reads them). */
export interface LayoutSettings {
  readonly channelAxis: ChannelAxis;
  readonly decodeChannelAxis: ChannelAxis;
  readonly indexLayout: IndexLayout;
  readonly keepStreamAxis: boolean;
}

/** Reads `channelAxis`, `decodeChannelAxis`, `indexLayout` and `keepStreamAxis`, with the same defaults as `createLayoutQuantizer`. */
export function readLayout(spec: QuantizerSpec): LayoutSettings {
  const channelAxis = readEnum<ChannelAxis>(spec, 'channelAxis', ['first', 'last'], 'last');
  return {
    channelAxis,
    decodeChannelAxis: readEnum<ChannelAxis>(spec, 'decodeChannelAxis', ['first', 'last'], channelAxis),
    indexLayout: readEnum<IndexLayout>(spec, 'indexLayout', ['tokens-streams', 'streams-after-batch', 'streams-first', 'flat'], 'tokens-streams'),
    keepStreamAxis: readBoolean(spec, 'keepStreamAxis', false),
  };
}

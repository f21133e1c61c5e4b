/** Ids read per inner-loop chunk (bounds the growth of the code and text buffers). */
export const CHUNK = 1 << 16;

/**
 * The number of frames an Ogg Vorbis or Opus stream holds by its own account: the granule position
 * of its last page, less Opus's pre-skip. Decoders that return the whole final packet are trimmed to
 * it, as libopus's opusdec and libvorbisfile do. Undefined when the pages do not say (a granule of
 * -1, a truncated stream).
 */
export function oggDeclaredFrames(bytes: Uint8Array, preSkip: number): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let granule: number | undefined;
  let offset = 0;
  while (offset + 27 <= bytes.length) {
    if (view.getUint32(offset, false) !== 0x4f676753) return undefined; // "OggS"
    const low = view.getUint32(offset + 6, true);
    const high = view.getInt32(offset + 10, true);
    const segments = bytes[offset + 26] as number;
    if (offset + 27 + segments > bytes.length) return undefined;
    let body = 0;
    for (let i = 0; i < segments; i++) body += bytes[offset + 27 + i] as number;
    if (!(high === -1 && low === 0xffffffff)) granule = high * 4294967296 + low;
    offset += 27 + segments + body;
  }
  if (offset !== bytes.length || granule === undefined) return undefined;
  const frames = granule - preSkip;
  return frames >= 0 ? frames : undefined;
}

/** The pre-skip of an Ogg Opus stream (OpusHead's 16-bit field), 0 when absent. */
export function opusPreSkip(bytes: Uint8Array): number {
  const segments = bytes[26] ?? 0;
  const head = 27 + segments;
  if (head + 12 > bytes.length) return 0;
  return (bytes[head + 10] as number) | ((bytes[head + 11] as number) << 8);
}

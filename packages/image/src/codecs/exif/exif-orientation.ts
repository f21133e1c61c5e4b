/**
 * Reads the Orientation tag (0x0112) from IFD0 of a TIFF-structured EXIF block (the payload of a
 * JPEG APP1 "Exif\0\0" segment after its header, or of a PNG eXIf chunk). Returns 1 (upright) when
 * the tag is missing, malformed or out of range: orientation is metadata, never a reason to fail.
 */
export function readExifOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  if (view.getUint16(2, little) !== 42) return 1;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return 1;
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    if (view.getUint16(entry, little) !== 0x0112) continue;
    const type = view.getUint16(entry + 2, little);
    // SHORT (3) is the specified type; LONG (4) appears in the wild.
    const value = type === 3 ? view.getUint16(entry + 8, little) : type === 4 ? view.getUint32(entry + 8, little) : 0;
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

/** True when `version` satisfies a caret or exact range (the only forms jointok uses between its packages). */
export function satisfies(version: string, range: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  const caret = range.startsWith('^');
  const [lowMajor, lowMinor, lowPatch] = range.replace(/^\^/, '').split('.').map(Number) as [number, number, number];
  if (!caret) return major === lowMajor && minor === lowMinor && patch === lowPatch;
  const atLeast = major > lowMajor || (major === lowMajor && (minor > lowMinor || (minor === lowMinor && patch >= lowPatch)));
  if (lowMajor > 0) return atLeast && major === lowMajor;
  if (lowMinor > 0) return atLeast && major === 0 && minor === lowMinor;
  return major === 0 && minor === 0 && patch === lowPatch;
}
